"""Which device the grader runs on: CUDA, then MPS, then CPU, unless told otherwise.

The host process only validates the request (:func:`requested`); the real device is resolved
where torch is already imported, inside the student's kernel, so the host never pays for
``import torch``.
"""

from __future__ import annotations

import os

from autograder.errors import BadInput

CHOICES = ("auto", "cpu", "cuda", "mps")


def requested(preference: str | None = None) -> str:
    """``auto|cpu|cuda|mps`` from the argument, else ``AUTOGRADER_DEVICE``, else auto (no torch needed)."""
    pref = (preference or os.environ.get("AUTOGRADER_DEVICE") or "auto").strip().lower()
    if pref not in CHOICES:
        raise BadInput("bad_device_name", device=pref)
    return pref


def _mps_available(torch) -> bool:
    mps = getattr(torch.backends, "mps", None)
    return bool(mps and mps.is_available())


def resolve_device_name(preference: str | None = None) -> str:
    """Turn ``auto|cpu|cuda|mps`` (argument, else ``AUTOGRADER_DEVICE``, else auto) into a real device name."""
    pref = requested(preference)
    if pref == "cpu":
        return pref
    import torch

    if pref == "auto":
        if torch.cuda.is_available():
            return "cuda"
        return "mps" if _mps_available(torch) else "cpu"
    if pref == "cuda" and not torch.cuda.is_available():
        raise BadInput("device_unavailable", device=pref)
    if pref == "mps" and not _mps_available(torch):
        raise BadInput("device_unavailable", device=pref)
    return pref


def get_device(preference: str | None = None):
    import torch

    return torch.device(resolve_device_name(preference))


def describe(device) -> str:
    """A short name for reports, e.g. ``cuda (NVIDIA H100)`` or ``cpu``."""
    name = str(device)
    if not name.startswith("cuda"):
        return name.split(":")[0]
    import torch

    return f"cuda ({torch.cuda.get_device_name(torch.device(name))})"
