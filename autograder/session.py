"""Run a student notebook in a fresh Jupyter kernel, then the assignment's tests in it.

The notebook's own test cells are skipped: the grader runs the package's checks for
every test of the assignment, so an edited or deleted test cell changes nothing.
A cell that fails, hangs or kills the kernel never stops the run: the kernel is
interrupted or restarted, the remaining cells still run, and the tests that depend on
the lost cell fail with a message that names it.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError

from autograder import assignments
from autograder.device import requested
from autograder.errors import BadInput, CheckFailure
from autograder.i18n import get_lang
from autograder.notebook_io import cell_grade_id, detect_assignment, is_test_cell, read_notebook
from autograder.protocol import MARKER, cell_error_text, parse_answer

DEFAULT_CELL_TIMEOUT = 120.0   # seconds for one student cell (reference cells take a few seconds)
DEFAULT_CHECK_TIMEOUT = 180.0  # seconds for one test (visible + hidden checks)
MAX_RESTARTS = 3               # kernel restarts per submission before the rest is given up
OUTPUT_CAP = 256 * 1024        # characters of output kept per cell; floods are cut, never stored
_CUT = "\n[... çıktı kesildi / output truncated ...]\n"
_TIMEOUT_NAME = "AutograderCellTimeout"
PACKAGE_ROOT = str(Path(__file__).resolve().parent.parent)


@dataclass
class CellRecord:
    grade_id: str | None
    status: str = "ok"          # ok | error | timeout | dead
    ename: str = ""
    evalue: str = ""
    seconds: float = 0.0


def thread_env() -> dict[str, str]:
    """One compute thread per kernel unless AUTOGRADER_THREADS says otherwise: the workbook's
    models are small, and two kernels on two cores with two threads each thrash (measured here:
    a 500-step MLP run took 0.9 s with one thread and 15 s with two under load)."""
    threads = os.environ.get("AUTOGRADER_THREADS", "1")
    return {"OMP_NUM_THREADS": threads, "MKL_NUM_THREADS": threads}


def limits() -> dict[str, int | None]:
    """Resource caps of a student's kernel (env overrides; 0 switches one off).

    Defaults suit both a 2-core 24 GB machine running two kernels and an 8 GB laptop: 4 GiB of
    data memory, 30 CPU minutes, 512 MiB per written file, 256 processes. The kernel drops the
    memory cap on CUDA/MPS, where the driver maps large private areas.
    """
    def env_int(name: str, default: int | None) -> int | None:
        value = os.environ.get(name)
        return (int(value) or None) if value else default

    return {"memory_mb": env_int("AUTOGRADER_MEMORY_MB", 4096),
            "cpu_seconds": env_int("AUTOGRADER_CPU_SECONDS", 1800),
            "file_mb": env_int("AUTOGRADER_FILE_MB", 512),
            "processes": env_int("AUTOGRADER_PROCESSES", 256)}


class _CappedClient(NotebookClient):
    """Keeps at most OUTPUT_CAP characters of a cell's output (the grader's result line always)."""

    def output(self, outs, msg, display_id, cell_index):
        content = msg.get("content", {})
        size = len(str(content.get("text", ""))) + len(str(content.get("data", "")))
        used = getattr(self, "_used", 0)
        if used + size > OUTPUT_CAP:
            text = str(content.get("text", ""))
            kept = [line for line in text.splitlines() if line.startswith(MARKER)]
            if not getattr(self, "_cut", False):
                kept.insert(0, _CUT)
                self._cut = True
            if not kept:
                return None
            msg = {**msg, "msg_type": "stream", "content": {"name": "stdout", "text": "\n".join(kept) + "\n"}}
            size = 0
        self._used = used + size
        return super().output(outs, msg, display_id, cell_index)


def kernel_env(device: str, lang: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(thread_env())
    env.update({
        "AUTOGRADER_DEVICE": device,
        "AUTOGRADER_LANG": lang,
        "MPLBACKEND": "Agg",               # no figures to render while grading
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        "TQDM_DISABLE": "1",
        "AUTOGRADER_OFFLINE": "1",         # grading never downloads data or weights
        "PYTHONPATH": os.pathsep.join(p for p in (PACKAGE_ROOT, env.get("PYTHONPATH", "")) if p),
    })
    return env


class NotebookSession:
    """``with NotebookSession(path) as s: s.run_test("test_data")``."""

    def __init__(self, path: str | Path, *, device: str | None = None, lang: str | None = None,
                 cell_timeout: float | None = None, check_timeout: float | None = None,
                 total_timeout: float | None = None):
        self.path = Path(path)
        # A whole-submission budget on top of the per-cell and per-test limits.
        self.total_timeout = total_timeout
        self.deadline = time.monotonic() + total_timeout if total_timeout else None
        self.lang = lang or get_lang()
        self.cell_timeout = cell_timeout or DEFAULT_CELL_TIMEOUT
        self.check_timeout = check_timeout or DEFAULT_CHECK_TIMEOUT
        self.nb = read_notebook(self.path)
        self.assignment = assignments.outline(detect_assignment(self.path, self.nb, assignments.known()))
        self.requested_device = requested(device)
        self.device = self.requested_device  # the real name once the kernel has resolved it
        self.cells: dict[str, CellRecord] = {}
        self.ran: list[tuple[str, CellRecord]] = []   # (source, record) of every student cell run
        self.restarts = 0
        self.workdir: str | None = None
        self.client: NotebookClient | None = None
        self.execution_seconds = 0.0

    # --- kernel life -------------------------------------------------------------------------------
    def __enter__(self) -> NotebookSession:
        self.workdir = tempfile.mkdtemp(prefix="autograder-")
        try:
            shutil.copy2(self.path, Path(self.workdir) / "notebook.ipynb")
            self._start_kernel()
            self._execute_student_cells()
        except BaseException:  # e.g. the device is unavailable: leave no kernel or folder behind
            self.close()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.client is not None:
            try:
                self.client._cleanup_kernel()
            except Exception:
                pass
            self.client = None
        if self.workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None

    def _start_kernel(self) -> None:
        self.client = _CappedClient(
            nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("")]), timeout=int(self.cell_timeout), kernel_name="python3",
            allow_errors=True, interrupt_on_timeout=True, record_timing=False, shutdown_kernel="immediate",
            error_on_timeout={"ename": _TIMEOUT_NAME, "evalue": "", "traceback": []},
            resources={"metadata": {"path": self.workdir}},
            on_cell_executed=self._remember_reply,
        )
        try:
            self.client.km = self.client.create_kernel_manager()
            if os.name == "posix":  # Unix sockets beside the work folder: no TCP port open to others
                self.client.km.transport = "ipc"
                self.client.km.ip = self.workdir + "-ipc"
            self.client.start_new_kernel(env=kernel_env(self.requested_device, self.lang))
            self.client.start_new_kernel_client()
        except Exception as exc:
            raise BadInput("kernel_start_failed", error=f"{type(exc).__name__}: {exc}") from None
        # Before any student code: resolve the device, import the checks, cap resources, arm the guard.
        prelude = (f"import autograder.kernel_side as _autograder_ks\n"
                   f"_autograder_ks.prepare({self.assignment.name!r}, {limits()!r}, {self.requested_device!r})")
        status, reply, outputs = self._run(prelude, 120, prelude=True)
        answer = parse_answer(outputs) or {}
        if status != "ok" or not answer:
            raise BadInput("kernel_start_failed", error=f"{reply.get('ename', status)}: {reply.get('evalue', '')}")
        if "error" in answer:
            raise BadInput(answer["error"], **answer.get("params", {}))
        self.device = answer["device"]

    def _restart_kernel(self) -> bool:
        """A fresh kernel with the state rebuilt: every student cell that ran cleanly or with an
        ordinary error runs again (not the ones that hung or killed the kernel)."""
        try:
            self.client._cleanup_kernel()
        except Exception:
            pass
        self.restarts += 1
        self._start_kernel()
        if self.restarts > MAX_RESTARTS:
            return False
        for source, record in list(self.ran):
            if record.status in ("ok", "error"):
                status, _, _ = self._run(source, self.cell_timeout, restoring=True)
                if status in ("dead", "timeout"):
                    return False
        return True

    def _remember_reply(self, cell, cell_index, execute_reply) -> None:
        self._last_reply = execute_reply.get("content", {}) if execute_reply else {}

    def _budget(self, timeout: float) -> float:
        if self.deadline is None:
            return timeout
        return min(timeout, self.deadline - time.monotonic())

    def _run(self, source: str, timeout: float, *, prelude: bool = False,
             restoring: bool = False) -> tuple[str, dict, list]:
        """Execute code; return (status, reply content, outputs). Status: ok|error|timeout|dead.

        After a death or a hang the kernel is restarted and restored (unless this run is part of
        a start or a restore itself)."""
        timeout = self._budget(timeout)
        if timeout < 1 or self.client is None:  # the submission's budget is spent
            return "timeout", {}, []
        cell = nbformat.v4.new_code_cell(source)
        self.client.timeout = max(1, int(timeout))
        self.client._used, self.client._cut = 0, False
        self._last_reply = {}
        try:
            self.client.execute_cell(cell, 0, store_history=False)
        except DeadKernelError:
            if not (prelude or restoring):
                self._restart_kernel()
            return "dead", {}, []
        reply = self._last_reply
        if reply.get("ename") == _TIMEOUT_NAME:
            if not (prelude or restoring):
                self._recover_after_timeout()
            return "timeout", reply, cell.outputs
        return ("error" if reply.get("status") == "error" else "ok"), reply, cell.outputs

    def _recover_after_timeout(self) -> None:
        """The kernel was interrupted; if it still does not answer (the code swallowed the interrupt), restart."""
        probe = nbformat.v4.new_code_cell("pass")
        self.client.timeout = 10
        self._last_reply = {}
        try:
            self.client.execute_cell(probe, 0, store_history=False)
            if self._last_reply.get("ename") != _TIMEOUT_NAME:
                return
        except DeadKernelError:
            pass
        self._restart_kernel()

    # --- the notebook ------------------------------------------------------------------------------
    def _execute_student_cells(self) -> None:
        start = time.perf_counter()
        for cell in self.nb.cells:
            if cell.get("cell_type") != "code" or is_test_cell(cell) or not str(cell.get("source", "")).strip():
                continue
            gid = cell_grade_id(cell)
            t0 = time.perf_counter()
            status, reply, _ = self._run(str(cell.source), self.cell_timeout)
            record = CellRecord(gid, status, reply.get("ename", ""), str(reply.get("evalue", ""))[:500],
                                time.perf_counter() - t0)
            self.ran.append((str(cell.source), record))
            if gid:
                self.cells[gid] = record
        self.execution_seconds = time.perf_counter() - start

    def _cell_error(self, cell_id: str) -> tuple[str, str] | None:
        """(ename, evalue) when the solution cell raised an ordinary error."""
        record = self.cells.get(cell_id)
        if record is None or record.status != "error" or record.ename == "NotImplementedError":
            return None
        return record.ename, record.evalue

    def _cell_problem(self, cell_id: str, explained: str | None = None) -> str | None:
        """A message for a solution cell that did not run cleanly, or None. An ordinary error is
        ``explained`` by the kernel, which knows the assignment's hints (the host never imports them)."""
        record = self.cells.get(cell_id)
        if record is None or record.status == "ok":
            return None
        if record.status == "timeout":
            return CheckFailure("cell_timeout", cell=cell_id, seconds=self.cell_timeout).message(self.lang)
        if record.status == "dead":
            return CheckFailure("kernel_died", cell=cell_id).message(self.lang)
        if record.ename == "NotImplementedError":
            return CheckFailure("not_filled", cell=cell_id).message(self.lang)
        return explained or CheckFailure("cell_error", cell=cell_id,
                                         error=cell_error_text(record.ename, record.evalue)).message(self.lang)

    # --- tests -------------------------------------------------------------------------------------
    def run_test(self, test_id: str) -> dict:
        spec = self.assignment.test(test_id)
        code = (f"import autograder.kernel_side as _autograder_ks\n"
                f"_autograder_ks.run_test({self.assignment.name!r}, {test_id!r}, {self.lang!r}, "
                f"{self._cell_error(spec.cell)!r})")
        status, reply, outputs = self._run(code, self.check_timeout)
        result = parse_answer(outputs)
        if status == "timeout":
            seconds = self.check_timeout if self.deadline is None else min(self.check_timeout, self.total_timeout)
            result = {"passed": False, "message": CheckFailure("check_timeout", cell=spec.cell, seconds=seconds)
                      .message(self.lang)}
        elif status == "dead":
            result = {"passed": False, "message": CheckFailure("kernel_died", cell=test_id).message(self.lang)}
        elif result is None and status == "ok":
            # The grader's code ran without error yet said nothing: the student's code replaced it.
            result = {"passed": False, "message": CheckFailure(
                "tampering", what="autograder.kernel_side.run_test").message(self.lang)}
        elif result is None:
            error = f"{reply.get('ename', '')}: {reply.get('evalue', '')}"[:300]
            result = {"passed": False, "message": CheckFailure("internal_error", error=error).message(self.lang)}
        if not result["passed"]:
            problem = self._cell_problem(spec.cell, result.get("cell_problem"))
            if problem and problem not in result["message"]:
                not_filled = self.cells.get(spec.cell) and self.cells[spec.cell].ename == "NotImplementedError"
                result["message"] = problem if not_filled else problem + "\n" + result["message"]
        return {"id": test_id, "points": float(spec.points) if result["passed"] else 0.0,
                "max_points": float(spec.points), "passed": bool(result["passed"]),
                "message": result["message"], "visible_passed": bool(result.get("visible_passed"))}

