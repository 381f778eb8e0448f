"""pytest plugin: ``pytest --notebook NOTEBOOK`` runs that notebook's assignment tests.

Each ``test_<id>`` of an assignment is a pytest test in ``autograder/suites``, run on the
grading host. One session-scoped sandboxed kernel per pytest process (so xdist works: one per
worker) runs the notebook in order; each selected test is judged at its place in the notebook
and the pytest test reports that judgement.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SUITES = Path(__file__).resolve().parent / "suites"
RESULT_KEY = "autograder_result"
BAD_INPUT = pytest.StashKey()  # the BadInput that stopped the run, for `autograder check` to re-raise
JOB = pytest.StashKey()


class JobSource:
    """Hands a prepared :class:`autograder.runner.Job` to the plugin (``runner.grade``), so the
    notebook is read and every setting decided once."""

    def __init__(self, job):
        self.job = job

    def pytest_configure(self, config):
        config.stash[JOB] = self.job


def pytest_addoption(parser):
    group = parser.getgroup("autograder", "PyTorch Eğitimi otomatik notlandırıcısı")
    group.addoption("--notebook", default=None, help="öğrenci not defteri / the student notebook to grade")
    group.addoption("--ag-device", default=None, help="auto|cpu|cuda|mps (default: AUTOGRADER_DEVICE or auto)")
    group.addoption("--ag-lang", default=None, help="tr|en (default: AUTOGRADER_LANG or tr)")
    group.addoption("--ag-timeout", type=float, default=None, help="seconds per student cell and per test")
    group.addoption("--ag-sandbox", default=None, help="auto|on|off (default: AUTOGRADER_SANDBOX or auto)")


def suite_path(assignment: str) -> Path:
    return SUITES / f"test_{assignment}.py"


@pytest.hookimpl(trylast=True)
def pytest_configure(config):
    notebook = config.getoption("notebook", None)
    if not notebook or JOB in config.stash:
        return
    from autograder.errors import BadInput
    from autograder.runner import prepare

    try:
        job = prepare(notebook, device=config.getoption("ag_device"), lang=config.getoption("ag_lang"),
                      timeout=config.getoption("ag_timeout"), sandbox_mode=config.getoption("ag_sandbox"))
    except BadInput as exc:
        raise pytest.UsageError(str(exc)) from None
    config.stash[JOB] = job
    suite = str(suite_path(job.assignment))
    # Paths the user named inside the suites folder are kept (pytest -k/node ids work);
    # anything else (the project's testpaths) is replaced by the assignment's suite.
    chosen = [a for a in config.args if str(Path(a.split("::")[0]).resolve()).startswith(str(SUITES))]
    config.args[:] = chosen or [suite]


@pytest.fixture(scope="session")
def graded_notebook(request):
    """Run the notebook once, judging the selected tests at their places: ``{test_id: result}``."""
    from autograder.errors import BadInput
    from autograder.runner import open_session

    config = request.config
    job = config.stash.get(JOB, None)
    if job is None:
        pytest.skip("--notebook verilmedi / no --notebook given")
    selected = {item.name for item in request.session.items}
    try:
        with open_session(job) as session:
            results = session.grade(selected)
            device = session.device
    except BadInput as exc:
        config.stash[BAD_INPUT] = exc
        pytest.exit(str(exc), returncode=2)
    for result in results.values():
        result["device"] = device
    return results


def run_and_report(request, results: dict, test_id: str) -> None:
    """Body of every generated test: report the host's judgement, fail with its message."""
    result = results[test_id]
    request.node.user_properties.append((RESULT_KEY, json.dumps(result)))
    if not result["passed"]:
        pytest.fail(result["message"], pytrace=False)
