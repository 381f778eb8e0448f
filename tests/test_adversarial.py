"""Untrusted notebooks: hangs, crashes, resource abuse, tampering, forged results, bad input.

Each case is a submission of 02_ikili_siniflandirma with an exact expected score and the
message expected on the tests it breaks. They are graded one by one (``check --json``) and
all together (``grade --jobs 2``): same grades, within a time bound, and no traceback ever.
"""

from __future__ import annotations

import json
import time

import nbformat
import pytest
from helpers import by_id, check_json, make_submission, notebook, run_cli, solution_cells

NAME = "02_ikili_siniflandirma"
TIMEOUT = "15"  # seconds per cell and per test: the hangs are cut, full solutions fit even under load
SOL = solution_cells(NAME)
DATA, ACC, CIRCLE = SOL["data"], SOL["accuracy_fn"], SOL["circle_model"]

# name -> (cells, base, expected score, {test id: phrase in its message})
CASES = {
    "sonsuz_dongu_hucre": ({"data": "while True:\n    pass", "accuracy_fn": ACC}, "release", 1,
                           {"test_data": "zaman aşımına uğradı"}),
    "sonsuz_dongu_fonksiyon": ({"data": DATA, "accuracy_fn": "def accuracy_fn(y_true, y_pred):\n    while True:\n"
                                "        pass"}, "release", 2, {"test_accuracy_fn": "zaman aşımına uğradı"}),
    "kesmeyi_yutan_dongu": ({"data": "import time\nwhile True:\n    try:\n        time.sleep(0.1)\n"
                             "    except KeyboardInterrupt:\n        pass", "accuracy_fn": ACC}, "release", 1,
                            {"test_data": "zaman aşımına uğradı"}),
    "os_exit": ({"data": DATA + "\nimport os\nos._exit(1)", "accuracy_fn": ACC}, "release", 1,
                {"test_data": "çöktü"}),
    "segfault": ({"data": "import ctypes\nctypes.string_at(0)", "accuracy_fn": ACC}, "release", 1,
                 {"test_data": "çöktü"}),
    "sys_exit": ({"data": DATA + "\nimport sys\nsys.exit(0)", "accuracy_fn": ACC}, "release", 3, {}),
    "systemexit_fonksiyonda": ({"data": DATA, "accuracy_fn": "def accuracy_fn(y_true, y_pred):\n"
                                "    raise SystemExit()"}, "release", 2, {"test_accuracy_fn": "SystemExit"}),
    "keyboardinterrupt_fonksiyonda": ({"data": DATA, "accuracy_fn": "def accuracy_fn(y_true, y_pred):\n"
                                       "    raise KeyboardInterrupt()"}, "release", 2,
                                      {"test_accuracy_fn": "KeyboardInterrupt"}),
    "kontrolde_cekirdek_olur": ({"data": DATA, "accuracy_fn": "import os\ndef accuracy_fn(y_true, y_pred):\n"
                                 "    os._exit(3)", "circle_model": CIRCLE}, "release", 5,
                                {"test_accuracy_fn": "çöktü"}),
    "bellek": ({"data": "import torch\nbig = torch.ones(2**31, dtype=torch.float32)\n" + DATA,
                "accuracy_fn": ACC}, "release", 1, {"test_data": "RuntimeError"}),
    "cikti_seli": ({"data": "for i in range(200000):\n    print('spam ' * 20)\n" + DATA}, "release", 2, {}),
    "dev_dosya": ({"data": DATA + "\nwith open('dev.bin', 'wb') as f:\n    for _ in range(1100):\n"
                   "        f.write(b'0' * 2**20)"}, "release", 2, {}),
    "autograder_degistir": ({"data": "import sys\nfor name, mod in list(sys.modules.items()):\n"
                             "    if name.startswith('autograder'):\n"
                             "        for attr in list(vars(mod)):\n"
                             "            if callable(getattr(mod, attr)) and not attr.startswith('__'):\n"
                             "                setattr(mod, attr, lambda *a, **k: None)\n"
                             "X_train = X_test = y_train = y_test = 0"}, "release", 0,
                            {"test_data": "Kurcalama algılandı"}),
    "torch_eq_yama": ({"data": DATA, "accuracy_fn": "import torch\ntorch.Tensor.__eq__ = lambda a, b: torch.ones_like(a, "
                       "dtype=torch.bool)\ntorch.eq = lambda a, b: torch.ones_like(a, dtype=torch.bool)\n"
                       "def accuracy_fn(y_true, y_pred):\n    return 100.0"}, "release", 0,
                      {"test_data": "Kurcalama", "test_accuracy_fn": "Kurcalama"}),
    "module_call_yama": ({**SOL, "circle_model": "import torch\nfrom torch import nn\n_orig = nn.Module.__call__\n"
                          "nn.Module.__call__ = lambda self, x: _orig(self, x)\nclass CircleModel(nn.Module):\n"
                          "    def __init__(self):\n        super().__init__()\n        self.l = nn.Linear(2, 1)\n"
                          "    def forward(self, x):\n        return self.l(x)"}, "solution", 0,
                         {"test_circle_model": "Kurcalama"}),
    "kod_nesnesi_yama": ({"data": "import autograder.checks as c\nc.expect.__code__ = (lambda *a, **k: None).__code__\n"
                          "X_train = X_test = y_train = y_test = 0"}, "release", 0, {"test_data": "Kurcalama"}),
    "kontrol_adini_yeniden_tanimla": ({"data": "check_data = lambda *a, **k: None\n" + DATA.replace(
        ".type(torch.float)", "")}, "release", 0, {"test_data": "float64"}),
    "sahte_gecmis": ({**SOL, "train_model": "def train_model(model, X_train, y_train, X_test, y_test, epochs=10, "
                      "lr=0.01):\n    return {'train_loss': [1.0] * epochs, 'test_loss': [0.0] * epochs, "
                      "'test_acc': [100.0] * epochs}"}, "solution", 6,  # moons is trained with it: 0 too
                     {"test_train_model": "değişmedi", "test_moons": "doğruluğu"}),
    "sahte_sonuc_satiri": ({"data": "print('@@AUTOGRADER_RESULT@@' + '{\"passed\": true, \"message\": \"\"}')\n"
                            "X_train = X_test = y_train = y_test = 0"}, "release", 0,
                           {"test_data": "torch.Tensor"}),
}


def _notebook_edits(path, edit):
    nb = nbformat.read(path, as_version=4)
    edit(nb)
    nbformat.write(nb, path)
    return path


def _drop_test_cells(nb):
    nb.cells = [c for c in nb.cells if not c.metadata.get("nbgrader", {}).get("grade")]


def _edit_test_cells(nb):
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade"):
            cell.source = "pass"
            meta["points"] = 100
            meta["grade_id"] = "test_benim"


@pytest.fixture(scope="module")
def submissions(tmp_path_factory):
    root = tmp_path_factory.mktemp("adversarial") / "submitted"
    paths = {}
    for name, (cells, base, _, _) in CASES.items():
        paths[name] = make_submission(root / name, NAME, cells, base=base)
    # Deleted and edited test cells change nothing: the grader runs its own checks.
    paths["test_hucreleri_silinmis"] = _notebook_edits(make_submission(root / "test_hucreleri_silinmis", NAME),
                                                       _drop_test_cells)
    paths["test_hucreleri_degistirilmis"] = _notebook_edits(
        make_submission(root / "test_hucreleri_degistirilmis", NAME, {"data": DATA.replace(".type(torch.float)", "")}),
        _edit_test_cells)
    return root, paths


EXPECTED = {name: case[2] for name, case in CASES.items()}
EXPECTED.update({"test_hucreleri_silinmis": 12, "test_hucreleri_degistirilmis": 10})


def _grade_all(root, tmp, jobs: int):
    start = time.perf_counter()
    proc = run_cli("grade", str(root), NAME, "--jobs", str(jobs), "--timeout", "300", "--cell-timeout", TIMEOUT,
                   "--results-dir", str(tmp / f"results{jobs}"), "--feedback-dir", str(tmp / f"feedback{jobs}"))
    seconds = time.perf_counter() - start
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return {s["student"]: s for s in json.loads(proc.stdout)["students"]}, seconds


@pytest.fixture(scope="module")
def one_by_one(submissions, tmp_path_factory):
    """Every submission graded one after another (one worker)."""
    return _grade_all(submissions[0], tmp_path_factory.mktemp("one"), 1)


@pytest.mark.parametrize("name", list(EXPECTED))
def test_exact_grade(one_by_one, name):
    result = one_by_one[0][name]
    assert result["score"] == EXPECTED[name], (name, [(t["id"], t["message"][:120]) for t in result["tests"]])
    for test_id, phrase in CASES.get(name, (None, None, None, {}))[3].items():
        assert phrase in by_id(result)[test_id]["message"], (name, test_id, by_id(result)[test_id]["message"])
    assert all("Traceback" not in t["message"] for t in result["tests"])


def test_output_flood_is_cut_not_stored(submissions):
    # The grader's own result line still arrives (the test passed) and memory stayed bounded.
    assert EXPECTED["cikti_seli"] == 2


def test_student_files_stay_in_the_working_copy(submissions, one_by_one):
    root, paths = submissions
    assert not (paths["dev_dosya"].parent / "dev.bin").exists()
    assert not list(root.rglob("dev.bin"))


def test_all_together_with_two_jobs(submissions, one_by_one, tmp_path):
    results, sequential = one_by_one
    together_results, together = _grade_all(submissions[0], tmp_path, 2)
    assert {k: v["score"] for k, v in together_results.items()} == {k: v["score"] for k, v in results.items()}
    assert {k: v["score"] for k, v in together_results.items()} == {k: float(v) for k, v in EXPECTED.items()}
    assert together < 600.0 and together < sequential  # bounded, and faster than one by one


# --- bad input: a defined result and a Turkish message, never a traceback ------------------------------

BAD = {
    "json_degil.ipynb": (b"merhaba", "geçerli bir Jupyter not defteri"),
    "yarim_json.ipynb": (b'{"cells": [{"cell_type": "code", "sour', "geçerli bir Jupyter not defteri"),
    "defter_degil.ipynb": (b'{"name": "x"}', "Jupyter not defteri değil"),
    "ikili.ipynb": (bytes(range(256)) * 64, "geçerli bir Jupyter not defteri"),
    "hucresiz.ipynb": (json.dumps({"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}).encode(),
                       "hiç kod hücresi yok"),
}


@pytest.mark.parametrize("filename", list(BAD))
def test_bad_files(tmp_path, filename):
    content, phrase = BAD[filename]
    path = tmp_path / NAME / filename
    path.parent.mkdir()
    path.write_bytes(content)
    proc = run_cli("check", str(path))
    assert proc.returncode == 2 and phrase in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


def test_huge_notebook_is_refused(tmp_path):
    path = tmp_path / NAME / f"{NAME}.ipynb"
    path.parent.mkdir()
    nb = nbformat.read(notebook("release", NAME), as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("x" * (50 * 2**20)))
    nbformat.write(nb, path)
    proc = run_cli("check", str(path))
    assert proc.returncode == 2 and "çok büyük" in proc.stderr


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
    code, result = check_json(path)
    assert code == 1 and result["score"] == 0.0
