"""02_ikili_siniflandirma through the real command line and pytest plugin (real kernels)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import nbformat
import pytest
import torch
from helpers import ROOT, by_id, check_json, make_submission, notebook, run_cli

NAME = "02_ikili_siniflandirma"
TEST_IDS = ["test_data", "test_accuracy_fn", "test_activation", "test_circle_model", "test_train_model",
            "test_train_model_history", "test_moons_data", "test_moons"]


def test_solution_scores_full_points_from_anywhere(tmp_path):
    # A copy outside the repository, under a name that says nothing: found by its metadata.
    path = tmp_path / "öğrenci ödevi ıŞ.ipynb"
    shutil.copy(notebook("solutions", NAME), path)
    code, result = check_json(path)
    assert code == 0, result
    assert set(result) == {"assignment", "device", "score", "max_score", "tests"}
    assert result["assignment"] == NAME and result["device"] == "cpu"
    assert [t["id"] for t in result["tests"]] == TEST_IDS
    assert result["score"] == result["max_score"] == 13.0
    for t in result["tests"]:
        assert set(t) == {"id", "points", "max_points", "passed", "message"}
        assert t["passed"] and t["points"] == t["max_points"]


def test_release_scores_zero_with_not_filled_hint():
    code, result = check_json(notebook("release", NAME))
    assert code == 1 and result["score"] == 0.0
    for t in result["tests"]:
        assert not t["passed"] and t["points"] == 0.0
        assert "henüz doldurmadınız" in t["message"], t


def test_release_in_english():
    code, result = check_json(notebook("release", NAME), "--lang", "en")
    assert code == 1
    assert all("You have not filled in this cell yet" in t["message"] for t in result["tests"])


WRONG_A = {
    # float64: torch.from_numpy without .type(torch.float)
    "data": "X, y = make_circles(n_samples=1000, noise=0.03, random_state=42)\n"
            "X_train, X_test, y_train, y_test = train_test_split(\n"
            "    torch.from_numpy(X), torch.from_numpy(y), test_size=0.2, random_state=42)",
    # 0-1 instead of percent
    "accuracy_fn": "def accuracy_fn(y_true, y_pred):\n"
                   "    return torch.eq(y_true, y_pred).sum().item() / len(y_pred)",
    # sigmoid inside forward
    "circle_model": "class CircleModel(nn.Module):\n"
                    "    def __init__(self):\n"
                    "        super().__init__()\n"
                    "        self.net = nn.Sequential(nn.Linear(2, 10), nn.ReLU(), nn.Linear(10, 1))\n"
                    "    def forward(self, x):\n"
                    "        return torch.sigmoid(self.net(x))",
}

WRONG_B = {
    # the textbook formula: exp overflows for large |x| and inf / inf is NaN
    "activation": "def tanh(x):\n"
                  "    return (torch.exp(x) - torch.exp(-x)) / (torch.exp(x) + torch.exp(-x))",
    # no non-linearity
    "circle_model": "class CircleModel(nn.Module):\n"
                    "    def __init__(self):\n"
                    "        super().__init__()\n"
                    "        self.net = nn.Sequential(nn.Linear(2, 10), nn.Linear(10, 10), nn.Linear(10, 1))\n"
                    "    def forward(self, x):\n"
                    "        return self.net(x)",
    # forgets optimizer.step()
    "train_model": "def train_model(model, X_train, y_train, X_test, y_test, epochs=100, lr=0.01):\n"
                   "    loss_fn = nn.BCEWithLogitsLoss()\n"
                   "    optimizer = torch.optim.Adam(model.parameters(), lr=lr)\n"
                   "    history = {'train_loss': [], 'test_loss': [], 'test_acc': []}\n"
                   "    for epoch in range(epochs):\n"
                   "        loss = loss_fn(model(X_train).squeeze(1), y_train)\n"
                   "        optimizer.zero_grad()\n"
                   "        loss.backward()\n"
                   "        with torch.inference_mode():\n"
                   "            test_logits = model(X_test).squeeze(1)\n"
                   "        history['train_loss'].append(loss.item())\n"
                   "        history['test_loss'].append(loss_fn(test_logits, y_test).item())\n"
                   "        history['test_acc'].append(accuracy_fn(y_test, torch.round(torch.sigmoid(test_logits))))\n"
                   "    return history",
}


def test_wrong_submission_a(tmp_path):
    code, result = check_json(make_submission(tmp_path, NAME, WRONG_A))
    tests = by_id(result)
    assert code == 1
    assert not tests["test_data"]["passed"] and "float64" in tests["test_data"]["message"]
    assert not tests["test_accuracy_fn"]["passed"] and "100 ile çarpmayı" in tests["test_accuracy_fn"]["message"]
    assert not tests["test_circle_model"]["passed"]
    assert "olasılık döndürüyor" in tests["test_circle_model"]["message"]
    assert all(tests[t]["passed"] for t in ("test_activation", "test_train_model", "test_train_model_history",
                                            "test_moons_data", "test_moons"))
    assert result["score"] == 7.0


def test_wrong_submission_b(tmp_path):
    from helpers import solution_cells

    # The solution's moons cell, but the model squeezes its output to [N] instead of [N, 1].
    moons = solution_cells(NAME)["moons"].replace("return self.layers(x)", "return self.layers(x).squeeze()")
    code, result = check_json(make_submission(tmp_path, NAME, {**WRONG_B, "moons": moons}))
    tests = by_id(result)
    assert code == 1
    assert tests["test_data"]["passed"] and tests["test_accuracy_fn"]["passed"]
    assert "doğrusal olmayan bir aktivasyon" in tests["test_circle_model"]["message"]
    assert "optimizer.step()" in tests["test_train_model"]["message"]
    assert tests["test_train_model_history"]["passed"]   # the untrained model's history is right
    assert not tests["test_moons"]["passed"] and tests["test_moons_data"]["passed"]
    assert not tests["test_activation"]["passed"] and "NaN" in tests["test_activation"]["message"]
    assert result["score"] == 5.0


@pytest.mark.skipif(torch.cuda.is_available(), reason="hard-coded cuda works where a GPU exists")
def test_hard_coded_cuda_is_explained(tmp_path):
    cells = {"train_model": "def train_model(model, X_train, y_train, X_test, y_test, epochs=5, lr=0.01):\n"
                            "    X_train = X_train.to('cuda')\n"
                            "    return {}"}
    code, result = check_json(make_submission(tmp_path, NAME, cells))
    message = by_id(result)["test_train_model"]["message"]
    assert code == 1 and "torch.cuda.is_available()" in message


def test_pytest_plugin_gives_the_same_outcomes(tmp_path):
    path = make_submission(tmp_path, NAME, WRONG_A)
    proc = subprocess.run([sys.executable, "-m", "pytest", "--notebook", str(path), "-v", "-p", "no:randomly",
                           "-k", "data or accuracy_fn or moons"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=600)
    out = proc.stdout
    assert "test_data FAILED" in out and "test_accuracy_fn FAILED" in out and "test_moons PASSED" in out, out
    assert "test_circle_model" not in out
    assert proc.returncode == 1


# --- bad input: exit 2, a Turkish message, no traceback ---------------------------------------------


def _assert_bad_input(proc, phrase):
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert phrase in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


def test_not_a_notebook(tmp_path):
    path = tmp_path / "odev.ipynb"
    path.write_text("bu bir not defteri değil", encoding="utf-8")
    _assert_bad_input(run_cli("check", str(path)), "geçerli bir Jupyter not defteri")


def test_json_that_is_not_a_notebook(tmp_path):
    path = tmp_path / "odev.ipynb"
    path.write_text(json.dumps({"hello": 1}), encoding="utf-8")
    _assert_bad_input(run_cli("check", str(path)), "Jupyter not defteri değil")


def test_empty_notebook(tmp_path):
    path = tmp_path / NAME / f"{NAME}.ipynb"
    path.parent.mkdir()
    nbformat.write(nbformat.v4.new_notebook(), path)
    _assert_bad_input(run_cli("check", str(path)), "hiç kod hücresi yok")


def test_unknown_assignment(tmp_path):
    path = tmp_path / "baska_bir_odev.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")]), path)
    _assert_bad_input(run_cli("check", str(path)), "hangi ödeve ait anlaşılamadı")


def test_missing_file(tmp_path):
    _assert_bad_input(run_cli("check", str(tmp_path / "yok.ipynb")), "bulunamadı")


def test_unavailable_device_is_bad_input():
    if torch.cuda.is_available():
        pytest.skip("CUDA is available here")
    _assert_bad_input(run_cli("check", str(ROOT / "release" / NAME / f"{NAME}.ipynb"), "--device", "cuda"),
                      "cihaz")
