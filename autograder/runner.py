"""Grading one notebook: read it once, decide the assignment, the device and the sandbox once,
run the pytest suite of its assignment over one sandboxed session, return the contract's JSON.

``check``, every ``grade`` worker and ``pytest --notebook`` go through here (``prepare``, then ``grade``); nbgrader's
preprocessor uses :func:`open_session` directly (it also wants every cell's outputs).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from autograder import assignments, sandbox, secret
from autograder.device import requested
from autograder.errors import BadInput, CheckFailure
from autograder.i18n import get_lang
from autograder.notebook_io import detect_assignment, read_notebook

CONTRACT_TEST_KEYS = ("id", "points", "max_points", "passed", "message")


@dataclass(frozen=True)
class Job:
    """One notebook to grade: already read and parsed, its assignment decided."""

    nb: object
    assignment: str
    path: str
    device: str = "auto"
    lang: str = "tr"
    cell_timeout: float | None = None
    check_timeout: float | None = None
    total_timeout: float | None = None
    sandboxed: bool = False
    notices: tuple[str, ...] = field(default=())


def prepare(notebook: str | Path, *, device: str | None = None, lang: str | None = None,
            timeout: float | None = None, total_timeout: float | None = None, sandbox_mode: str | None = None,
            require_sandbox: bool = False, nb=None, assignment: str | None = None) -> Job:
    """Everything decided once: the notebook (read unless given), its assignment, the device
    request, the language, the sandbox; the instructor's secret is loaded for this process."""
    lang = lang or get_lang()
    if nb is None:
        nb = read_notebook(notebook)
    name = assignment or detect_assignment(notebook, nb, assignments.known())
    sandboxed = sandbox.decide(sandbox_mode, required=require_sandbox)
    key = secret.load()
    notices = []
    if not sandboxed and sandbox.mode(sandbox_mode) != "off":
        notices.append(CheckFailure("sandbox_off_warning").message(lang))
    if key is None:
        notices.append(CheckFailure("no_secret_notice").message(lang))
    return Job(nb, name, str(notebook), requested(device), lang, timeout, timeout, total_timeout, sandboxed,
               tuple(notices))


def open_session(job: Job):
    """The sandboxed session of a prepared notebook (``with open_session(job) as s: s.grade()``)."""
    from autograder.session import NotebookSession

    return NotebookSession(job.nb, job.assignment, device=job.device, lang=job.lang,
                           cell_timeout=job.cell_timeout, check_timeout=job.check_timeout,
                           total_timeout=job.total_timeout, sandboxed=job.sandboxed)


class _Collector:
    """Keeps each generated test's result (recorded in user_properties by the plugin)."""

    def __init__(self):
        self.results: dict[str, dict] = {}
        self.errors: dict[str, str] = {}
        self.bad_input: BadInput | None = None

    def pytest_runtest_logreport(self, report):
        for key, value in report.user_properties:
            if key == "autograder_result":
                self.results[json.loads(value)["id"]] = json.loads(value)
        if report.failed and report.when != "call":  # e.g. the kernel fixture broke
            self.errors[report.nodeid.rsplit("::", 1)[-1]] = report.longreprtext.strip().splitlines()[-1:]

    def pytest_unconfigure(self, config):
        from autograder.pytest_plugin import BAD_INPUT

        self.bad_input = config.stash.get(BAD_INPUT, None)


def _plugin_autoloaded() -> bool:
    if os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD"):
        return False
    return any(ep.value == "autograder.pytest_plugin" for ep in metadata.entry_points(group="pytest11"))


def grade(job: Job, *, details: bool = False, pytest_args: tuple[str, ...] = ()) -> dict:
    """Grade one prepared notebook through its assignment's pytest suite; the contract's JSON
    object (with ``details``, each test also carries ``visible_passed``)."""
    import pytest

    from autograder.pytest_plugin import JobSource, suite_path

    spec = assignments.outline(job.assignment)
    args = [str(suite_path(job.assignment)), "-q", "-p", "no:cacheprovider", "-p", "no:randomly", *pytest_args]
    if not _plugin_autoloaded():
        args += ["-p", "autograder.pytest_plugin"]
    collector = _Collector()
    with contextlib.redirect_stdout(io.StringIO()) as captured:
        code = pytest.main(args, plugins=[collector, JobSource(job)])
    if collector.bad_input is not None:  # e.g. the requested device is not there
        raise collector.bad_input
    if code == 2 and not collector.results:
        raise BadInput("kernel_start_failed", error=captured.getvalue().strip().splitlines()[-1:] or "pytest")
    tests = []
    for test in spec.tests:
        tests.append(collector.results.get(test.id) or {
            "id": test.id, "points": 0.0, "max_points": float(test.points), "passed": False,
            "visible_passed": False,
            "message": CheckFailure("internal_error", error=" ".join(collector.errors.get(test.id, ["-"])))
            .message(job.lang)})
    keep = CONTRACT_TEST_KEYS + (("visible_passed",) if details else ())
    tests = [{k: t[k] for k in keep} for t in tests]
    device_name = next((r["device"] for r in collector.results.values() if r.get("device")), job.device)
    return {"assignment": job.assignment, "device": device_name,
            "score": float(sum(t["points"] for t in tests)), "max_score": spec.max_score, "tests": tests}

