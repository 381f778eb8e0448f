"""Runs inside the student's kernel: one test against the names the notebook defined.

The host (session.py) sends ``run_test(...)`` as a code cell and reads one marked JSON
line from the cell's stdout.
"""

from __future__ import annotations

import os
import sys

from autograder import assignments, guard
from autograder.checks import explain, hint_for
from autograder.device import resolve_device_name
from autograder.errors import BadInput, CheckFailure
from autograder.i18n import set_lang
from autograder.protocol import answer_line, cell_error_text


def evaluate(assignment: str, test_id: str, namespace: dict, lang: str | None = None) -> dict:
    """Run a test's visible, then hidden checks.

    Returns ``{"passed", "visible_passed", "message", "key"}``: the test passes only when both
    pass (as an nbgrader test cell does); ``visible_passed`` feeds Gradescope's visibility.
    """
    set_lang(lang)
    spec = assignments.get(assignment).test(test_id)
    visible_passed = False
    try:
        missing = [n for n in spec.names if n not in namespace]
        if missing:
            raise CheckFailure("name_missing", name=missing[0], cell=spec.cell)
        values = [namespace[n] for n in spec.names]
        spec.check(*values)
        visible_passed = True
        spec.check(*values, hidden=True)
    except CheckFailure as exc:
        return {"passed": False, "visible_passed": visible_passed, "message": exc.message(), "key": exc.key}
    except (Exception, SystemExit, KeyboardInterrupt) as exc:  # checks wrap student errors already
        failure = explain(exc)
        return {"passed": False, "visible_passed": visible_passed, "message": failure.message(),
                "key": failure.key}
    return {"passed": True, "visible_passed": True, "message": "", "key": "passed"}


def set_limits(memory_mb: int | None, cpu_seconds: int | None, file_mb: int | None, processes: int | None) -> None:
    """Cap this kernel's resources (POSIX rlimits; a root user can lift them: see the threat model)."""
    try:
        import resource
        import signal
    except ImportError:  # not POSIX
        return

    def cap(kind, value):
        if value:
            soft, hard = resource.getrlimit(kind)
            new = value if hard == resource.RLIM_INFINITY else min(value, hard)
            resource.setrlimit(kind, (new, hard if hard != resource.RLIM_INFINITY else resource.RLIM_INFINITY))

    cap(resource.RLIMIT_DATA, memory_mb and memory_mb * 2**20)
    cap(resource.RLIMIT_CPU, cpu_seconds)
    cap(resource.RLIMIT_FSIZE, file_mb and file_mb * 2**20)
    cap(resource.RLIMIT_NPROC, processes)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an oversized write raises OSError instead of killing


def prepare(assignment: str, limits: dict, device: str = "auto") -> None:
    """Runs before any student code: resolve the device, import what the checks use, cap
    resources, arm the guard. Reports the device (or why it cannot be used) on a marked line."""
    try:
        name = resolve_device_name(device)
    except BadInput as exc:
        _report({"error": exc.key, "params": exc.params})
        return
    os.environ["AUTOGRADER_DEVICE"] = name  # every check in this kernel uses the same device
    assignments.get(assignment)
    if name != "cpu":  # CUDA/MPS drivers map large private areas: no data-memory cap there
        limits = {**limits, "memory_mb": None}
    set_limits(**limits)
    guard.arm()
    _report({"device": name})


def _report(result: dict) -> None:
    sys.stdout.write(answer_line(result))
    sys.stdout.flush()


def run_test(assignment: str, test_id: str, lang: str | None = None,
             cell_error: tuple[str, str] | None = None) -> None:
    """Run one test; with ``cell_error`` (the test's solution cell raised it), also explain that
    error with the assignment's hints."""
    import __main__

    set_lang(lang)
    found = guard.problems()
    if found:
        result = {"passed": False, "visible_passed": False, "key": "tampering",
                  "message": CheckFailure("tampering", what=", ".join(found)).message()}
    else:
        result = evaluate(assignment, test_id, vars(__main__), lang)
        found = guard.problems()
        if found:  # the student's code changed something while the check ran
            result = {"passed": False, "visible_passed": False, "key": "tampering",
                      "message": CheckFailure("tampering", what=", ".join(found)).message()}
    if cell_error and not result["passed"]:
        result["cell_problem"] = CheckFailure(
            "cell_error", cell=assignments.get(assignment).test(test_id).cell,
            error=cell_error_text(*cell_error), hint=hint_for(Exception(cell_error[1]))).message()
    _report(result)
