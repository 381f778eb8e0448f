"""Runs inside the student's kernel: one test against the names the notebook defined.

The host (session.py) sends ``run_test(...)`` as a code cell and reads one marked JSON
line from the cell's stdout.
"""

from __future__ import annotations

import json
import sys

from autograder import assignments
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
    except Exception as exc:  # pragma: no cover - checks wrap student errors already
        failure = explain(exc)
        return {"passed": False, "visible_passed": visible_passed, "message": failure.message(),
                "key": failure.key}
    return {"passed": True, "visible_passed": True, "message": "", "key": "passed"}


def run_test(assignment: str, test_id: str, lang: str | None = None) -> None:
    import __main__

    result = evaluate(assignment, test_id, vars(__main__), lang)
    sys.stdout.write("\n" + MARKER + json.dumps(result) + "\n")
    sys.stdout.flush()
