"""One pytest module per assignment; each defines a ``test_<id>`` function per test spec."""

from __future__ import annotations

from autograder import assignments
from autograder.pytest_plugin import run_and_report


def make_tests(assignment: str) -> dict:
    """``{test_id: function}`` for a suite module's globals."""
    tests = {}
    for spec in assignments.outline(assignment).tests:
        def test(request, graded_notebook, _id=spec.id):
            run_and_report(request, graded_notebook, _id)

        test.__name__ = spec.id
        test.__doc__ = f"{assignment}: {spec.id} ({spec.points:g} puan)"
        tests[spec.id] = test
    return tests
