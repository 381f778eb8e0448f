"""Run a student notebook in a sandboxed kernel; judge each test on the host, at its place.

The kernel only answers. Its cells run in order; at each test's place (its test cell, else
right after its solution cell, as nbgrader runs test cells) the host runs the test's
judgement, which sends queries (:class:`RemoteOracle`) and reads plain-data answers. The
notebook's own test cells never run: their code is the student's to change. Nothing the
kernel prints decides anything.

A cell that fails, hangs or kills the kernel never stops the run: the kernel is interrupted
or restarted, the remaining cells still run, and the tests that depend on the lost cell fail
with a message that names it.
"""

from __future__ import annotations

import importlib
import os
import secrets
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError

from autograder import assignments, cgroup, sandbox
from autograder.errors import BadInput, CheckFailure, CheckTimeout
from autograder.i18n import get_lang, set_lang
from autograder.notebook_io import TooLarge, cell_grade_id, is_test_cell, read_regular
from autograder.oracle import MAX_ANSWER_BYTES, Oracle
from autograder.protocol import MARKER, cell_error_text, parse_answer
from autograder.timing import AFTER_HANG_FACTOR, AFTER_HANG_FLOOR, limits_for

MAX_RESTARTS = 3               # kernel restarts per submission before the rest is given up
OUTPUT_CAP = 256 * 1024        # characters of output kept per cell; floods are cut, never stored
_CUT = "\n[... çıktı kesildi / output truncated ...]\n"
_TIMEOUT_NAME = "AutograderCellTimeout"
PACKAGE_ROOT = str(Path(__file__).resolve().parent.parent)
# Variables a kernel may inherit; everything else (tokens, the instructor's secret) stays out.
_ENV_KEEP = ("PATH", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "CUDA_VISIBLE_DEVICES", "CUDA_HOME",
             "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "PYTORCH_ENABLE_MPS_FALLBACK", "AUTOGRADER_OFFLINE")


@dataclass
class CellRecord:
    grade_id: str | None
    status: str = "ok"          # ok | error | timeout | dead
    ename: str = ""
    evalue: str = ""
    seconds: float = 0.0
    outputs: list = field(default_factory=list)


def thread_env() -> dict[str, str]:
    """One compute thread per kernel unless AUTOGRADER_THREADS says otherwise: the workbook's
    models are small, and two kernels on two cores with two threads each thrash (measured here:
    a 500-step MLP run took 0.9 s with one thread and 15 s with two under load)."""
    threads = os.environ.get("AUTOGRADER_THREADS", "1")
    return {"OMP_NUM_THREADS": threads, "MKL_NUM_THREADS": threads, "AUTOGRADER_THREADS": threads}


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
    """Keeps at most OUTPUT_CAP characters of a cell's output (the prelude's marked line always:
    no student code has run by then)."""

    prelude = False

    def output(self, outs, msg, display_id, cell_index):
        content = msg.get("content", {})
        size = len(str(content.get("text", ""))) + len(str(content.get("data", "")))
        used = getattr(self, "_used", 0)
        if used + size > OUTPUT_CAP:
            text = str(content.get("text", ""))
            kept = [line for line in text.splitlines() if line.startswith(MARKER)] if self.prelude else []
            if not getattr(self, "_cut", False):
                kept.insert(0, _CUT)
                self._cut = True
            if not kept:
                return None
            msg = {**msg, "msg_type": "stream", "content": {"name": "stdout", "text": "\n".join(kept) + "\n"}}
            size = 0
        self._used = used + size
        return super().output(outs, msg, display_id, cell_index)


def kernel_env(lang: str, workdir: str) -> dict[str, str]:
    env = {k: os.environ[k] for k in _ENV_KEEP if k in os.environ}
    env.update(thread_env())
    env.update({  # the device reaches the kernel through the prelude's argument only
        "AUTOGRADER_LANG": lang,
        "HOME": workdir,
        "MPLBACKEND": "Agg",               # no figures to render while grading
        "MPLCONFIGDIR": os.path.join(workdir, ".matplotlib"),
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        "TQDM_DISABLE": "1",
        "AUTOGRADER_OFFLINE": "1",         # grading never downloads data or weights
        "PYTHONPATH": PACKAGE_ROOT,
        "PYTHONDONTWRITEBYTECODE": "1",
    })
    return env


class RemoteOracle(Oracle):
    """The host's side of a test: each question is a query file plus one call sent into the
    kernel; the answer file is read back with ``torch.load(weights_only=True)``."""

    def __init__(self, session: NotebookSession, spec, deadline: float):
        self.session, self.cell, self.names = session, spec.solution_cell, tuple(spec.names)
        self.package = session.assignment.module
        self.deadline = deadline

    def _answer(self, probe: str, query: dict):
        from autograder.oracle import decode, encode

        session = self.session
        timeout = self.deadline - time.monotonic()
        if timeout < 1:
            raise CheckTimeout()
        qid = secrets.token_hex(8)
        exchange = Path(session.workdir) / ".autograder"
        query_path, answer_path = exchange / f"{qid}.in.pt", exchange / f"{qid}.out.pt"
        query_path.write_bytes(encode(query))
        code = (f"__import__('autograder.oracle', fromlist=['answer']).answer("
                f"{self.package!r}, {probe!r}, {list(self.names)!r}, {str(query_path)!r}, {str(answer_path)!r})")
        try:
            status, _, _ = session.run_code(code, timeout)
            if status == "timeout":
                raise CheckTimeout()
            if status == "dead":
                raise CheckFailure("kernel_died", cell=self.cell)
            data = _read_private(answer_path)
        finally:  # no question or answer stays for later cells to read
            for path in (query_path, answer_path):
                try:
                    path.unlink()
                except OSError:
                    pass
        if data is None:
            raise CheckFailure("no_answer", cell=self.cell)
        try:
            return decode(data)
        except Exception as exc:  # not a weights-only file, or not plain data
            raise CheckFailure("bad_answer", error=f"{type(exc).__name__}"[:80]) from None


def _read_private(path: Path) -> bytes | None:
    """An answer file's bytes (never through a link, refused unread when too large), or None."""
    try:
        return read_regular(path, MAX_ANSWER_BYTES)
    except (OSError, TooLarge):
        return None


class NotebookSession:
    """``with NotebookSession(nb, name, ...) as s: results = s.grade()``."""

    def __init__(self, nb, assignment: str, *, device: str = "auto", lang: str | None = None,
                 cell_timeout: float | None = None, check_timeout: float | None = None,
                 total_timeout: float | None = None, sandboxed: bool = False):
        self.nb = nb
        self.assignment = assignments.outline(assignment)
        self.lang = lang or get_lang()
        cell_limit, check_limit = limits_for(assignment)
        self.cell_timeout = cell_timeout or cell_limit
        self.check_timeout = check_timeout or check_limit
        # Measured limits shrink after the first hang: a function that hung once usually hangs again
        # in every later cell and test that calls it. Limits the user chose stay as they are.
        shrunk = limits_for(assignment, AFTER_HANG_FLOOR, AFTER_HANG_FACTOR)
        self.after_hang = (None if cell_timeout else shrunk[0], None if check_timeout else shrunk[1])
        self.total_timeout = total_timeout
        self.deadline = time.monotonic() + total_timeout if total_timeout else None
        self.requested_device = device
        self.device = device  # the real name once the kernel has resolved it
        self.sandboxed = sandboxed
        self.cells: dict[str, CellRecord] = {}
        self.records: dict[int, CellRecord] = {}   # notebook cell index -> what happened
        self.ran: list[tuple[str, CellRecord]] = []   # (source, record) of every student cell run
        self.restarts = 0
        self.workdir: str | None = None      # the session's folder on the host (see sandbox.layout)
        self.kernel_dir: str | None = None   # the kernel's working directory in it
        self.client: NotebookClient | None = None
        self.execution_seconds = 0.0
        self._module_import: threading.Thread | None = None
        self.group: cgroup.Group | None = None   # the sandbox's control group, where one can be made

    # --- kernel life -------------------------------------------------------------------------------
    def __enter__(self) -> NotebookSession:
        # The host's judgements need torch (~2 s to import): import while the kernel starts.
        self._module_import = threading.Thread(target=self._import_checks, daemon=True)
        self._module_import.start()
        self.workdir = tempfile.mkdtemp(prefix="autograder-")
        self.kernel_dir = sandbox.layout(self.workdir)
        try:
            self._start_kernel()
        except BaseException:  # e.g. the device is unavailable: leave no kernel or folder behind
            self.close()
            raise
        return self

    def _import_checks(self) -> None:
        try:
            importlib.import_module(f"autograder.assignments.{self.assignment.module}")
        except Exception:  # reported when a test needs it
            pass

    def __exit__(self, *exc) -> None:
        self.close()

    def _close_group(self) -> None:
        if self.group is not None:
            self.group.close()
            self.group = None

    def close(self) -> None:
        if self.client is not None:
            try:
                self.client._cleanup_kernel()
            except Exception:
                pass
            self.client = None
        self._close_group()
        if self.workdir:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None

    def _start_kernel(self) -> None:
        self.client = _CappedClient(
            nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("")]), timeout=int(self.cell_timeout),
            kernel_name="python3", allow_errors=True, interrupt_on_timeout=True, record_timing=False,
            shutdown_kernel="immediate", error_on_timeout={"ename": _TIMEOUT_NAME, "evalue": "", "traceback": []},
            resources={"metadata": {"path": self.kernel_dir}}, on_cell_executed=self._remember_reply,
        )
        try:
            km = self.client.km = self.client.create_kernel_manager()
            if os.name == "posix":  # Unix sockets in the kernel's own folder: no TCP port open to others
                ipc = Path(self.workdir) / ".ipc"
                km.transport = "ipc"
                km.ip = str(ipc / "kernel")
                km.connection_file = str(ipc / "connection.json")
            if self.sandboxed:
                workdir, caps = self.workdir, {**limits(), "device": self.requested_device}
                self._close_group()
                gpu = sandbox.gpu_possible(self.requested_device)
                self.group = cgroup.create(None if gpu else caps["memory_mb"], caps["processes"])
                prefix = self.group.join_command() if self.group else []
                original = km.format_kernel_cmd

                def sandboxed_cmd(extra_arguments=None):
                    return prefix + sandbox.command(original(extra_arguments), workdir, caps)

                km.format_kernel_cmd = sandboxed_cmd
            self.client.start_new_kernel(env=kernel_env(self.lang, self.kernel_dir), cwd=self.kernel_dir)
            self.client.start_new_kernel_client()
        except Exception as exc:
            raise BadInput("kernel_start_failed", error=f"{type(exc).__name__}: {exc}"[:300]) from None
        # Before any student code: resolve the device, import what the probes use, cap resources.
        prelude = (f"import autograder.kernel_side as _autograder_ks\n"
                   f"_autograder_ks.prepare({self.assignment.name!r}, {limits()!r}, {self.requested_device!r})")
        status, reply, outputs = self._run(prelude, 120, prelude=True)
        answer = parse_answer(outputs) or {}  # trusted: no student code has run yet
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
        self._close_group()
        self.restarts += 1
        if self.restarts > MAX_RESTARTS:
            self.client = None
            return False
        self._start_kernel()
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

    def run_code(self, source: str, timeout: float) -> tuple[str, dict, list]:
        return self._run(source, timeout)

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
        self.client._used, self.client._cut, self.client.prelude = 0, False, prelude
        self._last_reply = {}
        try:
            self.client.execute_cell(cell, 0, store_history=False)
        except DeadKernelError:
            if not (prelude or restoring):
                self._restart_kernel()
            return "dead", {}, []
        except Exception:  # the kernel's channels broke (e.g. it was stopped): treat as dead
            if not (prelude or restoring):
                self._restart_kernel()
            return "dead", {}, []
        reply = self._last_reply
        if reply.get("ename") == _TIMEOUT_NAME:
            if not (prelude or restoring):
                self._shrink_limits()
                self._recover_after_timeout()
            return "timeout", reply, cell.outputs
        return ("error" if reply.get("status") == "error" else "ok"), reply, cell.outputs

    def _shrink_limits(self) -> None:
        cell, check = self.after_hang
        self.cell_timeout = min(self.cell_timeout, cell or self.cell_timeout)
        self.check_timeout = min(self.check_timeout, check or self.check_timeout)

    def _recover_after_timeout(self) -> None:
        """The kernel was interrupted; if it still does not answer (the code swallowed the interrupt), restart."""
        probe = nbformat.v4.new_code_cell("pass")
        self.client.timeout = 10
        self._last_reply = {}
        try:
            self.client.execute_cell(probe, 0, store_history=False)
            if self._last_reply.get("ename") != _TIMEOUT_NAME:
                return
        except Exception:
            pass
        self._restart_kernel()

    # --- the notebook, in order ----------------------------------------------------------------------
    def places(self) -> dict[int, list[str]]:
        """Cell index -> the tests judged there: at the test cell, else right after the solution cell,
        else after the last cell."""
        index_of_test, index_of_solution = {}, {}
        for i, cell in enumerate(self.nb.cells):
            gid = cell_grade_id(cell)
            if gid and is_test_cell(cell):
                index_of_test.setdefault(gid, i)
            elif gid:
                index_of_solution.setdefault(gid, i)
        last = len(self.nb.cells) - 1
        where: dict[int, list[str]] = {}
        for spec in self.assignment.tests:
            i = index_of_test.get(spec.id, index_of_solution.get(spec.solution_cell, last))
            where.setdefault(i, []).append(spec.id)
        return where

    def grade(self, selected: set[str] | None = None, run_all: bool = False) -> dict[str, dict]:
        """Run the notebook's cells in order and judge each (selected) test at its place.
        Stops after the last selected test unless ``run_all`` (nbgrader wants every output)."""
        wanted = set(selected) if selected is not None else {t.id for t in self.assignment.tests}
        places = self.places()
        last_needed = max((i for i, ids in places.items() if wanted & set(ids)), default=-1)
        results: dict[str, dict] = {}
        start = time.perf_counter()
        for i, cell in enumerate(self.nb.cells):
            if i > last_needed and not run_all:
                break
            if cell.get("cell_type") == "code" and not is_test_cell(cell) and str(cell.get("source", "")).strip():
                self._run_student_cell(i, cell)
            for test_id in places.get(i, []):
                if test_id in wanted:
                    results[test_id] = self.run_test(test_id)
        self.execution_seconds = time.perf_counter() - start
        return results

    def _run_student_cell(self, index: int, cell) -> None:
        gid = cell_grade_id(cell)
        t0 = time.perf_counter()
        status, reply, outputs = self._run(str(cell.source), self.cell_timeout)
        record = CellRecord(gid, status, reply.get("ename", ""), str(reply.get("evalue", ""))[:500],
                            time.perf_counter() - t0, outputs)
        self.ran.append((str(cell.source), record))
        self.records[index] = record
        if gid:
            self.cells[gid] = record

    def _cell_problem(self, cell_id: str) -> str | None:
        """A message for a solution cell that did not run cleanly, or None."""
        record = self.cells.get(cell_id)
        if record is None or record.status == "ok":
            return None
        if record.status == "timeout":
            return CheckFailure("cell_timeout", cell=cell_id, seconds=record.seconds).message(self.lang)
        if record.status == "dead":
            return CheckFailure("kernel_died", cell=cell_id).message(self.lang)
        if record.ename == "NotImplementedError":
            return CheckFailure("not_filled", cell=cell_id).message(self.lang)
        from autograder.checks import hint_for

        return CheckFailure("cell_error", cell=cell_id, error=cell_error_text(record.ename, record.evalue),
                            hint=hint_for(Exception(record.evalue))).message(self.lang)

    # --- one test: the judgement on the host -------------------------------------------------------
    def run_test(self, test_id: str) -> dict:
        spec = self.assignment.test(test_id)
        set_lang(self.lang)
        visible_passed, passed, message, limit = False, False, "", self.check_timeout
        if self._module_import is not None:
            self._module_import.join()
        try:
            judge = assignments.get(self.assignment.name).test(test_id).check.judge
            limit = self.check_timeout
            oracle = RemoteOracle(self, spec, time.monotonic() + self._budget(limit))
            judge(oracle, hidden=False)
            visible_passed = True
            judge(oracle, hidden=True)
            passed = True
        except CheckTimeout:
            seconds = limit if self.deadline is None else min(limit, self.total_timeout)
            message = CheckFailure("check_timeout", cell=spec.solution_cell, seconds=seconds).message(self.lang)
        except CheckFailure as exc:
            message = exc.message(self.lang)
        except Exception as exc:  # a judgement is the grader's code: its failure is the grader's
            message = CheckFailure("internal_error", error=f"{type(exc).__name__}: {exc}"[:300]).message(self.lang)
        if not passed:
            problem = self._cell_problem(spec.solution_cell)
            if problem and problem not in message:
                record = self.cells.get(spec.solution_cell)
                not_filled = record is not None and record.ename == "NotImplementedError"
                message = problem if not_filled else problem + "\n" + message
        return {"id": test_id, "points": float(spec.points) if passed else 0.0,
                "max_points": float(spec.points), "passed": passed, "message": message,
                "visible_passed": visible_passed}
