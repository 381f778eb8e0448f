"""pytest plugin: ``pytest --notebook NOTEBOOK`` runs that notebook's assignment tests.

Each ``test_<id>`` of an assignment is a pytest test in ``autograder/suites``. With
``--notebook`` and no paths given, the plugin collects exactly that assignment's suite;
one session-scoped kernel per pytest process (so xdist works: one per worker).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SUITES = Path(__file__).resolve().parent / "suites"
RESULT_KEY = "autograder_result"
BAD_INPUT = pytest.StashKey()  # the BadInput that stopped the run, for `autograder check` to re-raise


def pytest_addoption(parser):
    group = parser.getgroup("autograder", "PyTorch Eğitimi otomatik notlandırıcısı")
    group.addoption("--notebook", default=None, help="öğrenci not defteri / the student notebook to grade")
    group.addoption("--ag-device", default=None, help="auto|cpu|cuda|mps (default: AUTOGRADER_DEVICE or auto)")
    group.addoption("--ag-lang", default=None, help="tr|en (default: AUTOGRADER_LANG or tr)")
    group.addoption("--ag-cell-timeout", type=float, default=None, help="seconds per student cell")
    group.addoption("--ag-check-timeout", type=float, default=None, help="seconds per test")
    group.addoption("--ag-total-timeout", type=float, default=None, help="seconds for the whole notebook")


def suite_path(assignment: str) -> Path:
    return SUITES / f"test_{assignment}.py"


def pytest_configure(config):
    notebook = config.getoption("notebook", None)
    if not notebook:
        return
    from autograder import assignments
    from autograder.errors import BadInput
    from autograder.notebook_io import detect_assignment, read_notebook

    try:
        name = detect_assignment(notebook, read_notebook(notebook), assignments.known())
    except BadInput as exc:
        raise pytest.UsageError(str(exc)) from None
    suite = str(suite_path(name))
    # Paths the user named inside the suites folder are kept (pytest -k/node ids work);
    # anything else (the project's testpaths) is replaced by the assignment's suite.
    chosen = [a for a in config.args if str(Path(a.split("::")[0]).resolve()).startswith(str(SUITES))]
    config.args[:] = chosen or [suite]


@pytest.fixture(scope="session")
def notebook_session(pytestconfig):
    from autograder.errors import BadInput
    from autograder.session import NotebookSession

    notebook = pytestconfig.getoption("notebook")
    if not notebook:
        pytest.skip("--notebook verilmedi / no --notebook given")
    try:
        session = NotebookSession(
            notebook, device=pytestconfig.getoption("ag_device"), lang=pytestconfig.getoption("ag_lang"),
            cell_timeout=pytestconfig.getoption("ag_cell_timeout"),
            check_timeout=pytestconfig.getoption("ag_check_timeout"),
            total_timeout=pytestconfig.getoption("ag_total_timeout"))
        session.__enter__()
    except BadInput as exc:
        pytestconfig.stash[BAD_INPUT] = exc
        pytest.exit(str(exc), returncode=2)
    yield session
    session.close()


def run_and_report(request, session, test_id: str) -> None:
    """Body of every generated test: run it in the kernel, record the result, fail with the message."""
    result = session.run_test(test_id)
    result["device"] = session.device
    request.node.user_properties.append((RESULT_KEY, json.dumps(result)))
    if not result["passed"]:
        pytest.fail(result["message"], pytrace=False)
