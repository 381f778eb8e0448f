"""Hostile notebooks: hangs, crashes, resource abuse, forged verdicts, oracles, tampering, bad input.

The student's kernel only answers questions; the grading host judges every test itself, at the
test's place in the notebook, from plain data it reads back (see ``autograder/session.py``).
Each case below is a submission of 02_ikili_siniflandirma with an exact expected score and a
phrase expected in the message of every test it fails (tests of cells left as the release's
stub fail with "henüz doldurmadınız"). All cases sit in one submitted folder together with
three honest classmates (the full solution, the untouched release, the demo's student) and are
graded two at a time (``grade --jobs 2``); a sample of them is also graded one by one with
``check --json``. Both must give exactly the expected grades, the honest classmates must keep
theirs, and no message or output may ever carry a Python traceback.

The attacks: hangs, crashes and resource abuse; forged verdicts (printed result lines, IPython
hooks and input transformers, ``sys.settrace`` editing the oracle's locals, raw writes to fd 1);
oracles and look-alikes (a model reading labels off the call stack, a tensor subclass equal to
everything, a self-restoring ``builtins`` patch, replaced ``__code__``, answer files that are
pickles, parameters, links or too deep); correct work followed by junk; bad notebook files.
Isolation between students, nbgrader and the instructor's
secret are in ``test_isolation.py``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from helpers import (
    REPLACE_CHECKS,
    ROOT,
    by_id,
    cell_code,
    check_json,
    make_submission,
    notebook,
    run_cli,
    solution_cells,
)

from autograder.assignments import outline

NAME = "02_ikili_siniflandirma"
TIMEOUT = "20"  # seconds per cell and per test: the hangs are cut, full solutions fit even under load
SOL = solution_cells(NAME)
DATA, ACC, CIRCLE = SOL["data"], SOL["accuracy_fn"], SOL["circle_model"]
NOT_FILLED = "henüz doldurmadınız"
POINTS = {"test_data": 2, "test_accuracy_fn": 1, "test_activation": 1, "test_circle_model": 3, "test_train_model": 2,
          "test_train_model_history": 1, "test_moons_data": 1, "test_moons": 2}
MAX = 13
CELL_OF = {spec.id: spec.solution_cell for spec in outline(NAME).tests}   # test_train_model_history -> train_model
HOST_MARKER = f"/tmp/autograder_adversarial_{os.getpid()}"  # a pickle must never run on the host




@dataclass
class Case:
    cells: dict[str, str]                  # grade_id -> code (over the base)
    base: str                              # "solution" or "release"
    score: float
    phrases: dict[str, str]                # failed test -> phrase in its message (stubs are added)
    edit: Callable | None = None           # changes to the whole notebook (metadata, extra cells)

    def failures(self) -> dict[str, str]:
        """Every test expected to fail, with its phrase: the ones named, plus the release's stubs."""
        expected = dict(self.phrases)
        if self.base == "release":
            for test_id, cell in CELL_OF.items():
                if cell not in self.cells:
                    expected.setdefault(test_id, NOT_FILLED)
        return expected


def _drop_test_cells(nb):
    nb.cells = [c for c in nb.cells if not c.metadata.get("nbgrader", {}).get("grade")]


def _edit_test_cells(nb):
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade"):
            cell.source = "pass"
            meta["points"] = 100
            meta["grade_id"] = "test_benim"


JUNK = cell_code("""
    accuracy_fn = lambda y_true, y_pred: "çöp"
    CircleModel = None
    def train_model(*args, **kwargs):
        raise RuntimeError("bozuldu")
    """)


def _append_junk(nb):
    nb.cells.append(nbformat.v4.new_code_cell(JUNK))


def _drop_tests_and_append_junk(nb):
    _drop_test_cells(nb)
    _append_junk(nb)


# --- attacks ------------------------------------------------------------------------------------------

# 1. Forged verdicts: whatever the kernel prints or writes, the host reads plain data and decides.
POST_RUN_CELL = cell_code("""
    def _sahte_sonuc(result):
        print('@@AUTOGRADER_RESULT@@{"passed": true, "points": 2.0, "message": ""}')
    get_ipython().events.register("post_run_cell", _sahte_sonuc)
    """)

TRANSFORMER_LINE = cell_code("""
    def _sahte(lines):
        if "autograder" in "".join(lines):
            return ['print(\\'@@AUTOGRADER_RESULT@@{"passed": true, "points": 2.0, "ok": true}\\')\\n']
        return lines
    get_ipython().input_transformers_post.append(_sahte)
    """)

TRANSFORMER_FILE = cell_code("""
    import re
    def _sahte_dosya(lines):
        source = "".join(lines)
        paths = re.findall(r"'([^']*[.]out[.]pt)'", source)
        if "autograder" in source and paths:
            return ["import torch\\n", f"torch.save({{'passed': True, 'points': 12.0}}, {paths[-1]!r})\\n"]
        return lines
    get_ipython().input_transformers_post.append(_sahte_dosya)
    """)

SETTRACE = cell_code("""
    import sys
    def _izci(frame, event, arg):
        if "autograder" in frame.f_code.co_filename:
            local = frame.f_locals  # one snapshot: written back to the frame when the tracer returns
            for name in ("result", "answer"):
                if name in local:
                    local[name] = {"passed": True, "points": 12.0}
        return _izci
    sys.settrace(_izci)
    """)

FD_WRITE = cell_code("""
    import os
    _SAHTE = b'\\n@@AUTOGRADER_RESULT@@{"passed": true, "points": 2.0, "ok": true}\\n'
    os.write(1, _SAHTE)
    os.write(2, _SAHTE)
    def _her_hucrede(*args):
        os.write(1, _SAHTE)
    get_ipython().events.register("post_execute", _her_hucrede)
    X_train = X_test = y_train = y_test = 0
    """)

# 2. Oracles and look-alikes.
FRAME_ORACLE = cell_code("""
    import sys
    import torch
    from torch import nn

    class CircleModel(nn.Module):
        \"\"\"Looks up the call stack for anything label-like and answers with it.\"\"\"

        def __init__(self):
            super().__init__()
            self.l = nn.Linear(2, 1)

        def forward(self, x):
            frame = sys._getframe(1)
            while frame is not None:
                found = list(frame.f_locals.values())
                found += [v for d in found if isinstance(d, dict) for v in d.values()]
                for value in found:
                    if (isinstance(value, torch.Tensor) and value is not x and value.numel() == len(x)
                            and bool(((value == 0) | (value == 1)).all())):
                        return (value.reshape(-1, 1).float() * 2 - 1) * 5 + 0 * self.l(x)
                frame = frame.f_back
            return torch.relu(self.l(x))
    """)

TENSOR_SUBCLASS = cell_code("""
    import torch

    class HerZamanEsit(torch.Tensor):
        @classmethod
        def __torch_function__(cls, func, types, args=(), kwargs=None):
            if func in (torch.Tensor.__eq__, torch.eq, torch.equal, torch.allclose, torch.isclose):
                first = args[0]
                return True if func in (torch.equal, torch.allclose) else torch.ones(first.shape, dtype=torch.bool)
            return super().__torch_function__(func, types, args, kwargs or {})

        def __eq__(self, other):
            return torch.ones(self.shape, dtype=torch.bool)

    X_train = torch.zeros(800, 2).as_subclass(HerZamanEsit)
    X_test = torch.zeros(200, 2).as_subclass(HerZamanEsit)
    y_train = torch.zeros(800).as_subclass(HerZamanEsit)
    y_test = torch.zeros(200).as_subclass(HerZamanEsit)
    """)

BUILTINS_ONE_SHOT = cell_code("""
    import builtins
    import torch

    _gercek_import = builtins.__import__

    class _SahteOracle:
        @staticmethod
        def answer(package, probe, names, query_path, answer_path):
            builtins.__import__ = _gercek_import          # gone while anyone could look ...
            try:
                torch.save({"ok": {"X_train": torch.zeros(800, 2), "X_test": torch.zeros(200, 2),
                                   "y_train": torch.zeros(800), "y_test": torch.zeros(200)}}, answer_path)
            finally:
                builtins.__import__ = _tek_seferlik       # ... and back for the next question

    def _tek_seferlik(name, *args, **kwargs):
        if name == "autograder.oracle":
            return _SahteOracle
        return _gercek_import(name, *args, **kwargs)

    builtins.__import__ = _tek_seferlik
    """)

PROBE_CODE = cell_code("""
    import autograder.assignments.ikili_siniflandirma.probes as _probes
    _probes.accuracy.__code__ = (lambda v, cases: [100.0 for _ in cases]).__code__

    def accuracy_fn(y_true, y_pred):
        return 0.0
    """)

ORACLE_PICKLE = cell_code(f"""
    import os
    import autograder.oracle
    import torch

    class Kotu:
        def __reduce__(self):
            return (os.system, ("touch {HOST_MARKER}",))

    def _pickle_yaz(package, probe, names, query_path, answer_path):
        torch.save({{"ok": Kotu()}}, answer_path)

    autograder.oracle.answer = _pickle_yaz
    """)

ORACLE_PARAMETER = cell_code("""
    import autograder.oracle
    import torch
    from torch import nn

    def _parametre(package, probe, names, query_path, answer_path):
        values = {n: nn.Parameter(globals()[n], requires_grad=False) for n in names}
        torch.save({"ok": values}, answer_path)

    autograder.oracle.answer = _parametre
    """)

ORACLE_SYMLINK = cell_code("""
    import os
    import autograder.oracle

    def _bag(package, probe, names, query_path, answer_path):
        os.symlink("/dev/zero", answer_path)

    autograder.oracle.answer = _bag
    """)

ORACLE_DEEP = cell_code("""
    import autograder.oracle
    import torch

    def _derin(package, probe, names, query_path, answer_path):
        value = []
        for _ in range(200):
            value = [value]
        torch.save({"ok": value}, answer_path)

    autograder.oracle.answer = _derin
    """)

# name -> Case
CASES: dict[str, Case] = {
    # --- hangs, crashes, resources (kept from the in-kernel design) -------------------------------------
    "sonsuz_dongu_hucre": Case({"data": "while True:\n    pass", "accuracy_fn": ACC}, "release", 1,
                               {"test_data": "zaman aşımına uğradı"}),
    "sonsuz_dongu_fonksiyon": Case({"data": DATA, "accuracy_fn": "def accuracy_fn(y_true, y_pred):\n"
                                    "    while True:\n        pass"}, "release", 2,
                                   {"test_accuracy_fn": "zaman aşımına uğradı"}),
    "kesmeyi_yutan_dongu": Case({"data": "import time\nwhile True:\n    try:\n        time.sleep(0.1)\n"
                                 "    except KeyboardInterrupt:\n        pass", "accuracy_fn": ACC}, "release", 1,
                                {"test_data": "zaman aşımına uğradı"}),
    "os_exit": Case({"data": DATA + "\nimport os\nos._exit(1)", "accuracy_fn": ACC}, "release", 1,
                    {"test_data": "çöktü"}),
    "segfault": Case({"data": "import ctypes\nctypes.string_at(0)", "accuracy_fn": ACC}, "release", 1,
                     {"test_data": "çöktü"}),
    "sys_exit": Case({"data": DATA + "\nimport sys\nsys.exit(0)", "accuracy_fn": ACC}, "release", 3, {}),
    "systemexit_fonksiyonda": Case({"data": DATA, "accuracy_fn": "def accuracy_fn(y_true, y_pred):\n"
                                    "    raise SystemExit()"}, "release", 2, {"test_accuracy_fn": "SystemExit"}),
    "keyboardinterrupt_fonksiyonda": Case({"data": DATA, "accuracy_fn": "def accuracy_fn(y_true, y_pred):\n"
                                           "    raise KeyboardInterrupt()"}, "release", 2,
                                          {"test_accuracy_fn": "KeyboardInterrupt"}),
    "kontrolde_cekirdek_olur": Case({"data": DATA, "accuracy_fn": "import os\ndef accuracy_fn(y_true, y_pred):\n"
                                     "    os._exit(3)", "circle_model": CIRCLE}, "release", 5,
                                    {"test_accuracy_fn": "çöktü"}),
    "bellek": Case({"data": "import torch\nbig = torch.ones(2**31, dtype=torch.float32)\n" + DATA,
                    "accuracy_fn": ACC}, "release", 1, {"test_data": "RuntimeError"}),
    "cikti_seli": Case({"data": "for i in range(200000):\n    print('spam ' * 20)\n" + DATA}, "release", 2, {}),
    "dev_dosya": Case({"data": DATA + "\nwith open('dev.bin', 'wb') as f:\n    for _ in range(1100):\n"
                       "        f.write(b'0' * 2**20)"}, "release", 2, {}),
    # --- tampering with the kernel's copy of the grader or of torch: the host is untouched ----------------
    "autograder_degistir": Case({"data": "import sys\nfor name, mod in list(sys.modules.items()):\n"
                                 "    if name.startswith('autograder'):\n"
                                 "        for attr in list(vars(mod)):\n"
                                 "            if callable(getattr(mod, attr)) and not attr.startswith('__'):\n"
                                 "                setattr(mod, attr, lambda *a, **k: None)\n"
                                 "X_train = X_test = y_train = y_test = 0"}, "release", 0,
                                {"test_data": "yanıt vermedi"}),
    "torch_eq_yama": Case({"data": DATA, "accuracy_fn": "import torch\ntorch.Tensor.__eq__ = lambda a, b: "
                           "torch.ones_like(a, dtype=torch.bool)\ntorch.eq = lambda a, b: torch.ones_like(a, "
                           "dtype=torch.bool)\ndef accuracy_fn(y_true, y_pred):\n    return 100.0"}, "release", 2,
                          {"test_accuracy_fn": "yanlış sonuç"}),
    "module_call_yama": Case({"circle_model": "import torch\nfrom torch import nn\n_orig = nn.Module.__call__\n"
                              "nn.Module.__call__ = lambda self, *a, **k: _orig(self, *a, **k)\n"
                              "class CircleModel(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
                              "        self.l = nn.Linear(2, 1)\n    def forward(self, x):\n        return self.l(x)"},
                             "solution", 10, {"test_circle_model": "doğrusal"}),
    "kod_nesnesi_yama": Case({"data": "import autograder.checks as c\nc.expect.__code__ = (lambda *a, **k: None)"
                              ".__code__\nX_train = X_test = y_train = y_test = 0"}, "release", 0,
                             {"test_data": "torch.Tensor"}),
    "kontrol_adini_yeniden_tanimla": Case({"data": "check_data = lambda *a, **k: None\n" + DATA.replace(
        ".type(torch.float)", "")}, "release", 0, {"test_data": "float64"}),
    "sahte_gecmis": Case({"train_model": "def train_model(model, X_train, y_train, X_test, y_test, epochs=10, "
                          "lr=0.01):\n    return {'train_loss': [1.0] * epochs, 'test_loss': [0.0] * epochs, "
                          "'test_acc': [100.0] * epochs}"}, "solution", 8,  # moons is trained with it: 0 too
                         {"test_train_model": "değişmedi", "test_train_model_history": "uyuşmuyor",
                          "test_moons": "doğruluğu"}),
    "sahte_sonuc_satiri": Case({"data": "print('@@AUTOGRADER_RESULT@@' + '{\"passed\": true, \"message\": \"\"}')\n"
                                "X_train = X_test = y_train = y_test = 0"}, "release", 0,
                               {"test_data": "torch.Tensor"}),
    # The notebook's own test cells never run: deleted or edited, they change nothing.
    "test_hucreleri_silinmis_sonda_cop": Case({}, "solution", 13, {}, _drop_tests_and_append_junk),
    "test_hucreleri_degistirilmis": Case({"data": DATA.replace(".type(torch.float)", "")}, "solution", 11,
                                         {"test_data": "float64"}, _edit_test_cells),
    # --- 1. forged verdicts ---------------------------------------------------------------------------------
    "post_run_cell_kancasi": Case({"data": POST_RUN_CELL}, "release", 0, {"test_data": "tanımlı değil"}),
    "girdi_donusturucu_satir": Case({"data": TRANSFORMER_LINE}, "release", 0, {"test_data": "yanıt vermedi"}),
    "girdi_donusturucu_dosya": Case({"data": TRANSFORMER_FILE}, "release", 0,
                                    {"test_data": "beklenen biçimde değil"}),
    "settrace_yerelleri": Case({"data": SETTRACE}, "release", 0, {"test_data": "beklenen biçimde değil"}),
    "fd1_yazma": Case({"data": FD_WRITE}, "release", 0, {"test_data": "torch.Tensor"}),
    # --- 2. oracles and look-alikes ----------------------------------------------------------------------
    # Finds the training labels the host sends for training, never labels of what it is measured on.
    # Without labels in reach (the host never sends the measured ones) it is a plain ReLU of one
    # linear layer, which is affine on the grader's points.
    "cerceve_kahini": Case({"circle_model": FRAME_ORACLE}, "solution", 10,
                           {"test_circle_model": "Model doğrusal"}),
    "tensor_alt_sinifi": Case({"data": TENSOR_SUBCLASS}, "release", 0, {"test_data": "beklenenden farklı"}),
    "builtins_tek_seferlik": Case({"data": BUILTINS_ONE_SHOT}, "release", 0, {"test_data": "beklenenden farklı"}),
    "probe_kodu_degistir": Case({"data": DATA, "accuracy_fn": PROBE_CODE}, "release", 2,
                                {"test_accuracy_fn": "yanlış sonuç"}),
    "cevap_pickle": Case({"data": ORACLE_PICKLE}, "release", 0, {"test_data": "beklenen biçimde değil"}),
    "cevap_parametre": Case({"data": DATA + "\n" + ORACLE_PARAMETER}, "release", 0,
                            {"test_data": "beklenen biçimde değil"}),
    "cevap_sembolik_bag": Case({"data": ORACLE_SYMLINK}, "release", 0, {"test_data": "yanıt vermedi"}),
    "cevap_cok_derin": Case({"data": ORACLE_DEEP}, "release", 0, {"test_data": "beklenen biçimde değil"}),
    "kontrolleri_degistir": Case({"data": REPLACE_CHECKS}, "release", 0, {"test_data": "torch.Tensor"}),
    # --- 7. correct work stays correct: tests are judged at their place --------------------------------------
    "sonda_cop_hucre": Case({}, "solution", 13, {}, _append_junk),
}

# Honest classmates graded beside the attackers: their grades must not move.
CLASSMATES: dict[str, Case] = {
    "cozum": Case({}, "solution", 13, {}),
    "bos": Case({}, "release", 0, {}),
}
AYSE = ROOT / "demo" / "ogrenci_ayse" / NAME / f"{NAME}.ipynb"
AYSE_CASE = Case({}, "solution", 10, {"test_accuracy_fn": "100 ile çarpmayı", "test_moons": NOT_FILLED})
EXPECTED: dict[str, Case] = {**CASES, **CLASSMATES, "ayse": AYSE_CASE}

# Graded one by one with `check --json` too: one of each kind of attack.
CHECKED = ("post_run_cell_kancasi", "settrace_yerelleri", "cerceve_kahini", "cevap_pickle", "sonsuz_dongu_fonksiyon",
           "sonda_cop_hucre")


def build(root: Path, name: str, case: Case) -> Path:
    path = make_submission(root / name, NAME, case.cells, base=case.base)
    if case.edit:
        nb = nbformat.read(path, as_version=4)
        case.edit(nb)
        nbformat.write(nb, path)
    return path


@pytest.fixture(scope="module")
def submissions(tmp_path_factory):
    root = tmp_path_factory.mktemp("adversarial") / "submitted"
    paths = {name: build(root, name, case) for name, case in {**CASES, **CLASSMATES}.items()}
    paths["ayse"] = root / "ayse" / NAME / f"{NAME}.ipynb"
    paths["ayse"].parent.mkdir(parents=True)
    shutil.copy(AYSE, paths["ayse"])
    return root, paths


def _grade_args(root: Path, tmp: Path, jobs: int, *limits: str) -> list[str]:
    return ["grade", str(root), NAME, "--jobs", str(jobs), *limits, "--results-dir", str(tmp / "results"),
            "--feedback-dir", str(tmp / "feedback")]


def _grade_all(root: Path, tmp: Path, jobs: int):
    start = time.perf_counter()
    proc = run_cli(*_grade_args(root, tmp, jobs, "--timeout", "300", "--cell-timeout", TIMEOUT), timeout=3600)
    seconds = time.perf_counter() - start
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "@@AUTOGRADER_RESULT@@" not in proc.stdout + proc.stderr  # the kernel's prints reach no one
    return {s["student"]: s for s in json.loads(proc.stdout)["students"]}, seconds


# 8. An endless loop inside train_model of a full solution, graded with the default limits. It sleeps
# rather than spins (the 2 cores are shared), and runs in the background while the others are graded.
LOOP = SOL["train_model"].replace("    for epoch in range(epochs):",
                                  "    import time\n    while True:\n        time.sleep(0.05)\n"
                                  "    for epoch in range(epochs):")
HANG = Case({"train_model": LOOP}, "solution", 8,  # the moons cell trains with it: moons fails too
            {"test_train_model": "zaman aşımına uğradı", "test_train_model_history": "zaman aşımına uğradı",
             "test_moons": "zaman aşımına uğradı"})


@pytest.fixture(scope="module")
def hang_started(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hang")
    build(tmp / "submitted", "dongu", HANG)
    args = _grade_args(tmp / "submitted", tmp, 1)  # no --timeout, no --cell-timeout
    env = dict(os.environ, AUTOGRADER_DEVICE="cpu", PYTHONPATH=str(ROOT))
    env.pop("AUTOGRADER_LANG", None)
    with open(tmp / "stdout", "w") as out, open(tmp / "stderr", "w") as err:
        proc = subprocess.Popen([sys.executable, "-m", "autograder", *args], stdout=out, stderr=err, env=env)
    yield tmp, proc
    if proc.poll() is None:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="module")
def hang(hang_started, graded):
    tmp, proc = hang_started
    proc.wait(timeout=1800)
    err = (tmp / "stderr").read_text(encoding="utf-8")
    assert proc.returncode == 0 and "Traceback" not in err, err
    return json.loads((tmp / "results" / "dongu.json").read_text(encoding="utf-8"))["result"]


@pytest.fixture(scope="module")
def graded(submissions, hang_started, tmp_path_factory):
    """Every submission graded beside the others, two at a time."""
    Path(HOST_MARKER).unlink(missing_ok=True)
    return _grade_all(submissions[0], tmp_path_factory.mktemp("two"), 2)


def assert_grade(result: dict, case: Case, name: str, phrases: bool = True) -> None:
    tests = by_id(result)
    failed = {tid for tid, t in tests.items() if not t["passed"]}
    expected = case.failures()
    detail = (name, {tid: tests[tid]["message"][:200] for tid in failed})
    assert failed == set(expected), detail
    assert result["score"] == case.score == MAX - sum(POINTS[t] for t in expected), detail
    for test_id, phrase in expected.items():
        assert not phrases or phrase in tests[test_id]["message"], (name, test_id, tests[test_id]["message"])
        assert tests[test_id]["points"] == 0
    assert all("Traceback" not in t["message"] for t in result["tests"]), detail


def test_points_are_the_assignments():
    """The expected grades below are computed from these points: they must be 02's own."""
    assert POINTS == {spec.id: spec.points for spec in outline(NAME).tests} and MAX == sum(POINTS.values())


@pytest.mark.parametrize("name", list(EXPECTED))
def test_exact_grade(graded, name):
    assert_grade(graded[0][name], EXPECTED[name], name)


def test_everyone_is_graded(graded):
    assert set(graded[0]) == set(EXPECTED)


def test_pickle_never_runs_on_the_host(graded):
    assert not Path(HOST_MARKER).exists()


def test_student_files_stay_in_the_working_copy(submissions, graded):
    root, paths = submissions
    assert not list(root.rglob("dev.bin"))


@pytest.mark.parametrize("name", CHECKED)
def test_check_gives_the_same_grade_one_by_one(submissions, graded, name):
    code, result = check_json(submissions[1][name], "--timeout", TIMEOUT)
    assert code == (0 if EXPECTED[name].score == MAX else 1)
    assert_grade(result, EXPECTED[name], name)
    same = ("id", "points", "passed")
    assert [[t[k] for k in same] for t in result["tests"]] == [[t[k] for k in same] for t in graded[0][name]["tests"]]
    assert not Path(HOST_MARKER).exists()


# --- 8. a hang inside a function is cut, with the default limits --------------------------------------------

def test_endless_loop_in_train_model_costs_only_its_tests(hang):
    assert_grade(hang, HANG, "dongu", phrases=False)


def test_endless_loop_in_train_model_says_timeout(hang):
    assert_grade(hang, HANG, "dongu")


def test_endless_loop_in_train_model_is_cut_quickly(hang):
    # Four calls hang (the two tests of train_model, the given training cell, the moons cell): the first one's
    # limit, then the shrunk limits.
    # Before the measured limits this cost 5 min 19 s; the bound leaves room for a loaded CI machine.
    assert hang["seconds"] < 120, hang["seconds"]


def test_kernel_writes_never_reach_checks_own_output(tmp_path):
    """``os.write`` to fd 1 and 2 in the kernel: ``check --json`` still prints exactly one JSON object."""
    path = build(tmp_path, "fd1_yazma", CASES["fd1_yazma"])
    proc = run_cli("check", str(path), "--json", "--timeout", TIMEOUT)
    assert proc.returncode == 1, proc.stderr
    assert len(proc.stdout.strip().splitlines()) == 1
    assert_grade(json.loads(proc.stdout), CASES["fd1_yazma"], "fd1_yazma")
    assert "@@AUTOGRADER_RESULT@@" not in proc.stdout + proc.stderr and "Traceback" not in proc.stderr


# --- output floods: cut, never stored -----------------------------------------------------------------------

MARKER_FLOOD = cell_code("""
    for _ in range(100000):
        print("@@AUTOGRADER_RESULT@@" + "x" * 200)
    """) + "\n" + DATA


def test_marker_lines_do_not_escape_the_output_cap(tmp_path):
    """100 000 lines that start with the result marker: cut like any other output (only the prelude's
    marked line is ever read), so the host holds at most OUTPUT_CAP characters of it."""
    from autograder import runner
    from autograder.session import OUTPUT_CAP

    path = build(tmp_path, "isaret_seli", Case({"data": MARKER_FLOOD}, "release", 0, {}))
    job = runner.prepare(path, device="cpu", sandbox_mode="on", require_sandbox=True)
    with runner.open_session(job) as session:
        results = session.grade({"test_data"})
        kept = sum(len(str(o.get("text", ""))) for record in session.records.values() for o in record.outputs)
    assert results["test_data"]["passed"]
    assert kept <= OUTPUT_CAP + 1000, f"{kept / 2**20:.1f} MiB of output kept"


# --- 6. bad input: a defined result and a Turkish message, never a traceback ------------------------------

def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def _release_json() -> dict:
    return json.loads(notebook("release", NAME).read_text(encoding="utf-8"))


def _with_deep_metadata() -> bytes:
    nb = _release_json()
    text = json.dumps(nb)
    marker = '"metadata": {'
    at = text.index(marker, text.index('"cells"')) + len(marker)
    return (text[:at] + f'"derin": {_nested(100000)}, ' + text[at:]).encode()


def _with_string_autograder_metadata() -> bytes:
    nb = _release_json()
    nb["metadata"]["autograder"] = "03_cok_sinifli_siniflandirma"
    return json.dumps(nb).encode()


def _with_string_nbgrader_metadata() -> bytes:
    nb = _release_json()
    cell = next(c for c in nb["cells"] if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == "data")
    cell["metadata"]["nbgrader"] = "solution"
    return json.dumps(nb).encode()


BAD = {
    "json_degil.ipynb": (lambda: b"merhaba", "geçerli bir Jupyter not defteri"),
    "yarim_json.ipynb": (lambda: b'{"cells": [{"cell_type": "code", "sour', "geçerli bir Jupyter not defteri"),
    "defter_degil.ipynb": (lambda: b'{"name": "x"}', "Jupyter not defteri değil"),
    "ikili.ipynb": (lambda: bytes(range(256)) * 64, "geçerli bir Jupyter not defteri"),
    "hucresiz.ipynb": (lambda: json.dumps({"cells": [], "metadata": {}, "nbformat": 4,
                                           "nbformat_minor": 5}).encode(), "hiç kod hücresi yok"),
    "derin_ic_ice.ipynb": (_with_deep_metadata, "çok derin iç içe JSON"),
    "autograder_metin.ipynb": (_with_string_autograder_metadata, "metadata.autograder"),
    "nbgrader_metin.ipynb": (_with_string_nbgrader_metadata, "metadata.nbgrader"),
}


@pytest.mark.parametrize("filename", list(BAD))
def test_bad_files(tmp_path, filename):
    content, phrase = BAD[filename]
    path = tmp_path / NAME / filename
    path.parent.mkdir()
    path.write_bytes(content())
    proc = run_cli("check", str(path), "--json")
    assert proc.returncode == 2 and phrase in proc.stderr, proc.stderr
    assert proc.stderr.startswith("✗ ") and proc.stdout == ""
    assert "Traceback" not in proc.stderr + proc.stdout


def test_huge_notebook_is_refused(tmp_path):
    path = tmp_path / NAME / f"{NAME}.ipynb"
    path.parent.mkdir()
    nb = nbformat.read(notebook("release", NAME), as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("x" * (50 * 2**20)))
    nbformat.write(nb, path)
    proc = run_cli("check", str(path))
    assert proc.returncode == 2 and "çok büyük" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


def test_directory_instead_of_file(tmp_path):
    path = tmp_path / "klasor.ipynb"
    path.mkdir()
    proc = run_cli("check", str(path))
    assert proc.returncode == 2 and "okunamıyor" in proc.stderr


def test_old_nbformat_is_converted_and_graded(tmp_path):
    path = tmp_path / NAME / f"{NAME}.ipynb"
    path.parent.mkdir()
    v4 = nbformat.read(notebook("release", NAME), as_version=4)
    nbformat.write(nbformat.v3.convert.downgrade(v4), path)
    code_, result = check_json(path)
    assert code_ == 1 and result["score"] == 0.0
