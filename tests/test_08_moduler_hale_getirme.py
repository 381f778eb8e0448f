"""08_moduler_hale_getirme: every check in both directions, in-process (the solution's files written into a
temporary working folder, one file changed at a time), answers forged by a hostile kernel, and the solution
(full points) and the untouched release (zero) through ``autograder check``.

``train.py`` runs as a subprocess of a few seconds (in-process: once, with a hard-coded hidden-unit count; the
solution's passes in the command-line run); the two command-line runs are graded two at a time.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import torch
from helpers import assert_all_not_filled, both, check_json, expect_failure, notebook, solution_cells

from autograder import assignments, vision
from autograder.assignments import moduler_hale_getirme as a08
from autograder.errors import CheckFailure
from autograder.oracle import Oracle

NAME = "08_moduler_hale_getirme"
FILES = {"data_setup": "data_setup", "model_builder": "model_builder", "engine": "engine", "utils": "utils",
         "train_script": "train"}
MODULE_DIR = Path("going_modular")


def file_source(cell: str) -> str:
    """The Python file a solution cell writes (its first line is the ``%%writefile`` magic)."""
    first, rest = solution_cells(NAME)[cell].split("\n", 1)
    assert first == f"%%writefile going_modular/{FILES[cell]}.py", first
    return rest + "\n"


@pytest.fixture
def work(tmp_path, monkeypatch):
    """A working folder holding the solution's five files; ``work(cell, old, new)`` changes one of them."""
    monkeypatch.chdir(tmp_path)
    MODULE_DIR.mkdir()
    for cell, stem in FILES.items():
        (MODULE_DIR / f"{stem}.py").write_text(file_source(cell), encoding="utf-8")

    def change(cell: str, old: str, new: str) -> None:
        path = MODULE_DIR / f"{FILES[cell]}.py"
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new), encoding="utf-8")

    return change


# --- the solution passes, visible and hidden ----------------------------------------------------------------

@pytest.mark.parametrize("check", [a08.check_data_setup, a08.check_model_builder, a08.check_engine,
                                   a08.check_utils])
def test_solution_files_pass(work, check):
    both(check, MODULE_DIR)


def test_train_script_with_hard_coded_hidden_units_fails(work):
    """(The solution's train.py passes, visible and hidden, in the command-line run below.)"""
    work("train_script", "hidden_units=args.hidden_units", "hidden_units=10")
    message = expect_failure(a08.check_train_script, MODULE_DIR, key="mhg_script_hidden_units")
    assert "--hidden_units 6" in message and "10" in message


def test_files_are_read_afresh(work):
    """A module imported earlier (the student's own ``import``) never hides the file as it is now."""
    a08.check_model_builder(MODULE_DIR)
    work("model_builder", "out_features=output_shape", "out_features=3")
    expect_failure(a08.check_model_builder, MODULE_DIR, key="mhg_model_output", hidden=True)


# --- wrong files, each with its message --------------------------------------------------------------------

WRONG = [
    ("data_setup", "shuffle=False", "shuffle=True", a08.check_data_setup, "mhg_test_shuffled"),
    ("data_setup", "class_names = train_data.classes", "class_names = train_data.class_to_idx", a08.check_data_setup,
     "mhg_class_names"),
    ("data_setup", "class_names = train_data.classes", "class_names = ['bir', 'iki', 'sifir']", a08.check_data_setup,
     "mhg_class_names"),
    ("data_setup", "train_data, batch_size=batch_size, shuffle=True", "train_data, batch_size=32, shuffle=True",
     a08.check_data_setup, "mhg_batch_size"),
    ("model_builder", "        return self.classifier(self.conv_block_2(self.conv_block_1(x)))",
     "        return torch.softmax(self.classifier(self.conv_block_2(self.conv_block_1(x))), dim=1)",
     a08.check_model_builder, "mhg_model_probabilities"),
    ("model_builder", "            nn.ReLU(),\n            nn.MaxPool2d(kernel_size=2),\n        )\n        self.conv_block_2",
     "            nn.MaxPool2d(kernel_size=2),\n        )\n        self.conv_block_2", a08.check_model_builder,
     "mhg_model_differs"),
    ("engine", "    model.eval()\n", "", a08.check_engine, "mhg_eval_mode"),
    ("engine", "    with torch.inference_mode():\n", "    if True:\n", a08.check_engine, "mhg_grad_enabled"),
    ("engine", "train_acc / len(dataloader)", "100 * train_acc / len(dataloader)", a08.check_engine,
     "mhg_accuracy_percent"),
    ("engine", "        optimizer.zero_grad()\n", "", a08.check_engine, "mhg_zero_grad"),
    ("engine", "    model.train()\n", "", a08.check_engine, "mhg_train_mode"),
    ("utils", "    target_dir_path.mkdir(parents=True, exist_ok=True)\n", "", a08.check_utils, "mhg_save_no_dir"),
    ("utils", "    assert model_name.endswith", "    assert True or model_name.endswith", a08.check_utils,
     "mhg_save_suffix"),
    ("utils", "obj=model.state_dict()", "obj=model", a08.check_utils, "mhg_save_not_state_dict"),
]


@pytest.mark.parametrize("cell, old, new, check, key", WRONG, ids=[f"{w[0]}-{w[4]}" for w in WRONG])
def test_wrong_file_fails_with_its_message(work, cell, old, new, check, key):
    work(cell, old, new)
    expect_failure(check, MODULE_DIR, key=key)


def test_hard_coded_channels_fail_the_hidden_test_with_a_hint(work):
    work("model_builder", "nn.Conv2d(input_shape, hidden_units, kernel_size=3, stride=1, padding=1)",
         "nn.Conv2d(3, hidden_units, kernel_size=3, stride=1, padding=1)")
    a08.check_model_builder(MODULE_DIR)  # the visible test builds 3-channel models only
    expect_failure(a08.check_model_builder, MODULE_DIR, key="student_error", hint="hint_mhg_channels", hidden=True)


def test_weights_that_do_not_fit_tinyvgg(work):
    work("model_builder", "nn.Linear(in_features=hidden_units * 7 * 7, out_features=output_shape),",
         "nn.Linear(in_features=hidden_units * 7 * 7, out_features=32), nn.Linear(32, output_shape),")
    expect_failure(a08.check_model_builder, MODULE_DIR, key="mhg_model_param_count")


def test_dataset_without_the_transform_gets_a_hint(work):
    work("data_setup", "datasets.ImageFolder(test_dir, transform=transform)", "datasets.ImageFolder(test_dir)")
    expect_failure(a08.check_data_setup, MODULE_DIR, key="student_error", hint="hint_mhg_transform")


def test_mkdir_without_exist_ok_fails_the_hidden_test_only(work):
    work("utils", "mkdir(parents=True, exist_ok=True)", "mkdir(parents=True)")
    a08.check_utils(MODULE_DIR)
    expect_failure(a08.check_utils, MODULE_DIR, key="student_error", hidden=True)


def test_stub_and_missing_pieces(work):
    stub = '# KODUNUZU BURAYA YAZIN\nraise NotImplementedError("Alıştırma 1 (data_setup) henüz çözülmedi")\n'
    (MODULE_DIR / "data_setup.py").write_text(stub, encoding="utf-8")
    expect_failure(a08.check_data_setup, MODULE_DIR, key="not_filled")
    (MODULE_DIR / "engine.py").unlink()
    expect_failure(a08.check_engine, MODULE_DIR, key="mhg_file_missing")
    work("model_builder", "class TinyVGG(", "class TinyVgg(")
    expect_failure(a08.check_model_builder, MODULE_DIR, key="mhg_missing_name")


def test_train_script_failures_are_read_from_its_error_output():
    args = a08.script_args(False)
    stub = ('Traceback (most recent call last):\n  File "/w/going_modular/train.py", line 7, in <module>\n'
            '    import data_setup\n  File "/w/going_modular/data_setup.py", line 2, in <module>\n'
            '    raise NotImplementedError("...")\nNotImplementedError: Alıştırma 1 (data_setup) henüz çözülmedi\n')
    failure = a08.checks._script_failure(stub, 1, args)
    assert failure.key == "mhg_script_module_not_filled" and failure.params["cell"] == "data_setup"
    own = 'Traceback:\n  File "going_modular/train.py", line 2, in <module>\nNotImplementedError: ...\n'
    assert a08.checks._script_failure(own, 1, args).key == "not_filled"
    usage = "usage: train.py [-h]\ntrain.py: error: unrecognized arguments: --hidden_units 6\n"
    assert a08.checks._script_failure(usage, 2, args).key == "mhg_script_args"
    assert a08.checks._script_failure("ValueError: x\n", 1, args).key == "mhg_script_failed"


# --- a model prepared beforehand, the grader's own code ----------------------------------------------------

COPYING_TRAIN_PY = '''"""Trains nothing: copies the model the notebook prepared for these hidden units and classes."""
import argparse
import os
import shutil
from pathlib import Path

parser = argparse.ArgumentParser()
for name in ("--num_epochs", "--batch_size", "--hidden_units", "--learning_rate", "--train_dir", "--test_dir",
             "--model_dir", "--model_name"):
    parser.add_argument(name)
args = parser.parse_args()
Path(args.model_dir).mkdir(parents=True, exist_ok=True)
prepared = f"pre_{args.hidden_units}_{len(os.listdir(args.train_dir))}.pth"
shutil.copy(prepared, Path(args.model_dir) / args.model_name)
'''


@pytest.fixture
def course_secret():
    """``use(key)`` makes ``key`` the instructor's secret for one test."""
    from autograder import secret

    before = secret.current()
    yield secret.use
    secret.use(before)


def _points(check, *values) -> float:
    """The test's points as the grading session gives them: the visible, then the hidden judgement."""
    try:
        check(*values)
        check(*values, hidden=True)
    except CheckFailure:
        return 0.0
    return float(a08.ASSIGNMENT.test(f"test_{check.cell}").points)


def _prepare_beforehand(hidden: bool) -> dict:
    """What a notebook can do without the secret: train on the host's measuring digits, labelled in the class
    order it computes itself, and save the model under its hidden units and number of classes."""
    settings = a08.script_settings(hidden)
    X, y = a08.script_measuring(hidden)
    order = torch.randperm(len(X), generator=torch.Generator().manual_seed(0))
    torch.manual_seed(0)
    model = vision.TinyVGG(3, settings["hidden_units"], len(settings["digits"]))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.003)
    for _ in range(15):  # about 0.4 s: every measuring digit right
        vision.train_step(model, vision.batches(X[order], y[order], 16), torch.nn.CrossEntropyLoss(), optimizer,
                          "cpu")
    torch.save(model.state_dict(), f"pre_{settings['hidden_units']}_{len(settings['digits'])}.pth")
    return settings


def _class_order(settings: dict) -> list[int]:
    return sorted(settings["digits"], key=settings["digits"].get)


def test_a_model_prepared_beforehand_gets_nothing_with_a_secret(work, course_secret):
    """The attack: models prepared in the notebook, and a train.py that only copies the matching one. Where
    nothing is secret (self-study) it takes the 2 points; with the instructor's secret, which names the class
    folders and so orders the outputs, it takes 0."""
    course_secret(None)
    _prepare_beforehand(False)
    public = _prepare_beforehand(True)
    (MODULE_DIR / "train.py").write_text(COPYING_TRAIN_PY, encoding="utf-8")
    assert _points(a08.check_train_script, MODULE_DIR) == 2.0

    def differs(key: bytes) -> bool:  # same hidden units as the prepared copy, another order of the classes
        course_secret(key)
        settings = a08.script_settings(True)
        return settings["hidden_units"] == public["hidden_units"] and _class_order(settings) != _class_order(public)

    course_secret(next(key for key in (f"course-{i}".encode() for i in range(100)) if differs(key)))
    assert _points(a08.check_train_script, MODULE_DIR) == 0.0
    message = expect_failure(a08.check_train_script, MODULE_DIR, key="mhg_script_accuracy", hidden=True)
    assert "0.70" in message


def test_the_class_order_and_hidden_units_follow_the_secret(course_secret):
    course_secret(None)
    assert a08.script_settings(True) == a08.script_settings(True)
    seen = set()
    for i in range(12):
        course_secret(f"course-{i}".encode())
        settings = a08.script_settings(True)
        assert set(settings["digits"]) == {4, 5, 8, 9} and settings["hidden_units"] in (6, 7, 8)
        assert all(name in a08.CLASS_WORDS for name in settings["digits"].values())
        seen.add(tuple(sorted(settings["digits"], key=settings["digits"].get)))
        files = a08.script_files(True)
        assert {path.split("/")[1] for path in files} == set(settings["digits"].values())
    assert len(seen) > 6  # the order of the outputs is not predictable without the secret


OWN_CODE = [
    ("model_builder", "from autograder.vision import TinyVGG\n", a08.check_model_builder, "TinyVGG",
     "autograder.vision"),
    ("model_builder", "from torch import nn\nfrom autograder import vision\n\n\nclass TinyVGG(vision.TinyVGG):\n"
     "    pass\n", a08.check_model_builder, "TinyVGG", "autograder.vision.TinyVGG"),
    ("model_builder", "from torch import nn\n\n\nclass TinyVGG(nn.Module):\n"
     "    def __init__(self, input_shape, hidden_units, output_shape):\n        super().__init__()\n"
     "        from autograder.vision import TinyVGG as Reference\n"
     "        self.inner = Reference(input_shape, hidden_units, output_shape)\n\n"
     "    def forward(self, x):\n        return self.inner(x)\n", a08.check_model_builder, "TinyVGG",
     "autograder.vision.TinyVGG"),
    ("engine", "from autograder.vision import test_step, train_step  # noqa\n\n\n"
     "def train(model, train_dataloader, test_dataloader, optimizer, loss_fn, epochs, device):\n    return {}\n",
     a08.check_engine, "train_step", "autograder.vision"),
    ("engine", "import autograder.vision as v\n\n\ndef train_step(model, dataloader, loss_fn, optimizer, device):\n"
     "    return v.train_step(model, dataloader, loss_fn, optimizer, device)\n", a08.check_engine, "v",
     "autograder.vision"),
    ("utils", "from engine import train as save_model  # noqa\n", a08.check_utils, "save_model", "engine"),
]


@pytest.mark.parametrize("cell, source, check, name, origin", OWN_CODE, ids=[f"{o[0]}-{o[3]}" for o in OWN_CODE])
def test_the_grader_s_code_in_a_student_file_fails(work, cell, source, check, name, origin):
    (MODULE_DIR / f"{FILES[cell]}.py").write_text(source, encoding="utf-8")
    message = expect_failure(check, MODULE_DIR, key="mhg_not_own_code", hidden=True)
    assert f"`{name}`" in message and f"`{origin}`" in message and f"`{FILES[cell]}.py`" in message


def test_own_code_with_decorators_and_other_imports_passes(work):
    """A decorated step (its wrapper keeps the module's name), the grader's data helpers and sibling files are
    still one's own code."""
    work("engine", "def test_step(", "@torch.inference_mode()\ndef test_step(")
    work("engine", '"""Eğitim ve test adımları, eğitim döngüsü."""\n',
         '"""Eğitim ve test adımları, eğitim döngüsü."""\nfrom autograder.data import split_indices  # noqa\n'
         "import model_builder  # noqa\n")
    a08.check_engine(MODULE_DIR, hidden=True)


# --- train_run: the notebook's own saved model -------------------------------------------------------------

def _save(path: Path, hidden_units: int, classes: int = 3) -> None:
    torch.manual_seed(0)
    path.parent.mkdir(parents=True, exist_ok=True)
    torch.save(vision.TinyVGG(3, hidden_units, classes).state_dict(), path)


def test_train_run_judges_the_saved_model(tmp_path):
    path = tmp_path / "models" / "m.pth"
    expect_failure(a08.check_train_run, path, key="mhg_run_no_model")
    _save(path, 10)
    expect_failure(a08.check_train_run, path, key="mhg_run_hidden_units")
    _save(path, 8, classes=10)
    expect_failure(a08.check_train_run, path, key="mhg_run_classes")
    _save(path, 8)  # untrained: near chance on the grader's digits
    expect_failure(a08.check_train_run, path, key="mhg_run_accuracy")
    torch.save(vision.TinyVGG(3, 8, 3), path)  # the whole model, not its state_dict
    expect_failure(a08.check_train_run, path, key="mhg_run_not_state_dict")


def test_measuring_digits_never_reach_the_kernel():
    """What train.py and the step checks get is disjoint from what the host measures on."""
    sent = torch.stack(list(a08.script_files(True).values()) + list(a08.script_files(False).values()))
    for hidden in (False, True):
        for X, _ in (a08.script_measuring(hidden), a08.run_measuring(hidden)):
            pixels = (X[:, 0] * 255).round().to(torch.uint8)
            same = (pixels.reshape(len(pixels), 1, -1) == sent.reshape(1, len(sent), -1)).all(dim=2)
            assert not bool(same.any())


# --- a hostile kernel ----------------------------------------------------------------------------------------

class Forged(Oracle):
    """Answers every question with plausible-looking nonsense."""

    def __init__(self, answer):
        self.package, self.cell, self.answer = "moduler_hale_getirme", "?", answer

    def _answer(self, probe, query):
        return {"ok": self.answer}


@pytest.mark.parametrize("answer", [
    None, [], {"kind": "tuple", "length": 3}, {"exists": True, "saved": {"w": torch.zeros(2)}},
    {"timeout": False, "returncode": 0, "stderr": "", "exists": True, "saved": {"a": torch.zeros(3)}},
    {"path": "x", "exists": True, "saved": {str(i): torch.zeros(1) for i in range(10)}},
    [{"out": torch.zeros(2, 3), "state": {}, "parameters": 1}],
    {"result": [1.0, 0.5], "calls": [{"training": True, "grad": True}], "state": {}},
])
@pytest.mark.parametrize("check", [a08.check_data_setup, a08.check_model_builder, a08.check_engine,
                                   a08.check_utils, a08.check_train_script, a08.check_train_run])
def test_forged_answers_fail_cleanly(check, answer):
    with pytest.raises(CheckFailure):
        check.judge(Forged(answer), hidden=True)


# --- through the command line -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def graded():
    """The worked notebook and the untouched release through ``autograder check --json``, two at a time."""
    pool = ThreadPoolExecutor(max_workers=2)
    futures = {kind: pool.submit(check_json, notebook(kind, NAME)) for kind in ("solutions", "release")}
    yield {kind: future.result for kind, future in futures.items()}
    pool.shutdown(wait=True)


@pytest.mark.slow
def test_solution_scores_full_points(graded):
    code, result = graded["solutions"]()
    assert code == 0, [t for t in result["tests"] if not t["passed"]]
    assert result["assignment"] == NAME and result["device"] == "cpu"
    assert [t["id"] for t in result["tests"]] == [t.id for t in assignments.outline(NAME).tests]
    assert result["score"] == result["max_score"] == 10.0
    assert all(t["passed"] and t["points"] == t["max_points"] for t in result["tests"])


@pytest.mark.slow
def test_release_scores_zero_with_not_filled_messages(graded):
    code, result = graded["release"]()
    assert code == 1 and result["max_score"] == 10.0
    assert_all_not_filled(result)
