"""Runs inside the student's kernel before any student code: the prelude.

It resolves the device, imports what the probes use (torch, the assignment's package, which
also installs the Turkish NameError hints) and caps resources, then reports the device on a
marked line. This is the only line the host reads from the kernel's output, and it is read
before any student code has run. Every later exchange goes through ``autograder.oracle.answer``
and is plain data the host judges.
"""

from __future__ import annotations

import os
import sys

from autograder import assignments
from autograder.device import resolve_device_name
from autograder.errors import BadInput
from autograder.protocol import answer_line


def set_limits(memory_mb: int | None, cpu_seconds: int | None, file_mb: int | None, processes: int | None) -> None:
    """Cap this kernel's resources (POSIX rlimits; the sandbox sets them as hard limits already)."""
    try:
        import resource
        import signal
    except ImportError:  # not POSIX
        return

    def cap(kind, value):
        if value:
            soft, hard = resource.getrlimit(kind)
            new = value if hard == resource.RLIM_INFINITY else min(value, hard)
            try:
                resource.setrlimit(kind, (new, hard))
            except (ValueError, OSError):
                pass

    cap(resource.RLIMIT_DATA, memory_mb and memory_mb * 2**20)
    cap(resource.RLIMIT_CPU, cpu_seconds)
    cap(resource.RLIMIT_FSIZE, file_mb and file_mb * 2**20)
    cap(resource.RLIMIT_NPROC, processes)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an oversized write raises OSError instead of killing


def prepare(assignment: str, limits: dict, device: str = "auto") -> None:
    try:
        name = resolve_device_name(device)
    except BadInput as exc:
        _report({"error": exc.key, "params": exc.params})
        return
    os.environ["AUTOGRADER_DEVICE"] = name  # every probe in this kernel uses the same device
    assignments.get(assignment)
    import autograder.oracle  # noqa: F401  (the probes' entry point, imported before student code)

    if name != "cpu":  # CUDA/MPS drivers map large private areas: no data-memory cap there
        limits = {**limits, "memory_mb": None}
    set_limits(**limits)
    _report({"device": name})


def _report(result: dict) -> None:
    sys.stdout.write(answer_line(result))
    sys.stdout.flush()
