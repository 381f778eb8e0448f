"""Which device the grader runs on: CUDA, then MPS, then CPU, unless told otherwise."""

from __future__ import annotations

import os

import torch

from autograder.errors import BadInput

CHOICES = ("auto", "cpu", "cuda", "mps")


def _mps_available() -> bool:
    mps = getattr(torch.backends, "mps", None)
    return bool(mps and mps.is_available())


def resolve_device_name(preference: str | None = None) -> str:
    """Turn ``auto|cpu|cuda|mps`` (argument, else ``AUTOGRADER_DEVICE``, else auto) into a real device name."""
    pref = (preference or os.environ.get("AUTOGRADER_DEVICE") or "auto").strip().lower()
    if pref not in CHOICES:
        raise BadInput("bad_device_name", device=pref)
    if pref == "auto":
        if torch.cuda.is_available():
            return "cuda"
        return "mps" if _mps_available() else "cpu"
    if pref == "cuda" and not torch.cuda.is_available():
        raise BadInput("device_unavailable", device=pref)
    if pref == "mps" and not _mps_available():
        raise BadInput("device_unavailable", device=pref)
    return pref


def get_device(preference: str | None = None) -> torch.device:
    return torch.device(resolve_device_name(preference))


def describe(device: torch.device | str) -> str:
    """A short name for reports, e.g. ``cuda (NVIDIA H100)`` or ``cpu``."""
    device = torch.device(device)
    if device.type == "cuda":
        return f"cuda ({torch.cuda.get_device_name(device)})"
    return device.type
