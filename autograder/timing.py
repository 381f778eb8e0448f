"""Time limits proportional to the work, measured on the reference solutions.

``python -m autograder.timing [NAME ...]`` grades each assignment's worked notebook and writes
``autograder/assignments/<pkg>/timings.json``: the slowest reference cell and the slowest
reference test, in seconds. A student's cell may take ``max(FLOOR, FACTOR × slowest cell)``
and a test ``max(FLOOR, FACTOR × slowest test)``; after a submission's first hang, later ones get
``max(AFTER_HANG_FLOOR, AFTER_HANG_FACTOR × ...)``: a function that hangs once usually hangs at every
later call, and a hang should cost well under a minute, not five.
"""

from __future__ import annotations

import json
import math
import sys
import time
from pathlib import Path

FACTOR = 10.0
FLOOR = 30.0
# Once a submission has hung, later cells and tests get 5x the reference, at least 10 s.
AFTER_HANG_FACTOR, AFTER_HANG_FLOOR = 5.0, 10.0
DEFAULTS = (60.0, 90.0)  # (cell, test) when an assignment has no measurements yet


def _file(assignment: str) -> Path:
    from autograder import assignments

    return assignments.HERE / assignments.modules()[assignment] / "timings.json"


def limits_for(assignment: str, floor: float = FLOOR, factor: float = FACTOR) -> tuple[float, float]:
    """(seconds per cell, seconds per test)."""
    try:
        data = json.loads(_file(assignment).read_text(encoding="utf-8"))
        cell, test = float(data["slowest_cell"]), float(data["slowest_test"])
    except (OSError, ValueError, KeyError, TypeError):
        return DEFAULTS
    return max(floor, factor * cell), max(floor, factor * test)


def measure(assignment: str) -> dict:
    from autograder.build import paths
    from autograder.runner import open_session, prepare

    notebook = paths(assignment)["solutions"]
    tests: dict[str, float] = {}
    with open_session(prepare(notebook, device="cpu", timeout=600)) as session:
        original = session.run_test

        def timed(test_id):
            t0 = time.perf_counter()
            result = original(test_id)
            tests[test_id] = time.perf_counter() - t0
            return result

        session.run_test = timed
        results = session.grade()
    failed = [tid for tid, r in results.items() if not r["passed"]]
    if failed:
        raise SystemExit(f"{assignment}: the solution fails {failed}")
    cells = [r.seconds for r in session.records.values()]
    return {"slowest_cell": math.ceil(max(cells, default=0) * 100) / 100,
            "slowest_test": math.ceil(max(tests.values(), default=0) * 100) / 100}


def main(argv: list[str]) -> int:
    from autograder import assignments

    for name in argv or assignments.known():
        data = measure(name)
        _file(name).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(name, data, "->", limits_for(name))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
