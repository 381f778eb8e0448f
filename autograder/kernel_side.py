"""Runs inside the student's kernel: one test against the names the notebook defined.

The host (session.py) sends ``run_test(...)`` as a code cell and reads one marked JSON
line from the cell's stdout.
"""

from __future__ import annotations

import json
import sys

from autograder import assignments, guard
from autograder.checks import explain
from autograder.errors import CheckFailure
from autograder.i18n import set_lang

MARKER = "@@AUTOGRADER_RESULT@@"


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


def prepare(assignment: str, limits: dict) -> None:
    """Runs before any student code: import what the checks use, cap resources, arm the guard."""
    assignments.get(assignment)
    set_limits(**limits)
    guard.arm()


def run_test(assignment: str, test_id: str, lang: str | None = None) -> None:
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
    sys.stdout.write("\n" + MARKER + json.dumps(result) + "\n")
    sys.stdout.flush()
