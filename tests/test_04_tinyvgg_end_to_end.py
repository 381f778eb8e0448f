"""04_tinyvgg through the command line (real kernels): the solution, the release and two wrong submissions.

The four notebooks are graded two at a time (each kernel uses one thread), so the module costs about
two notebook runs of wall time.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from helpers import assert_fails_exactly, by_id, check_json, make_submission, notebook, solution_cells

from autograder import assignments

NAME = "04_tinyvgg"
TEST_IDS = ["test_dataloaders", "test_tinyvgg_model", "test_train_step", "test_train_step_values", "test_test_step",
            "test_train", "test_training", "test_confusion_matrix", "test_save_load", "test_hidden_units_sweep"]


def cell(name: str, old: str, new: str) -> str:
    source = solution_cells(NAME)[name]
    assert old in source, old
    return source.replace(old, new)


WRONG_A = {
    # the training data in a fixed order
    "dataloaders": "train_dataloader = DataLoader(train_data, batch_size=BATCH_SIZE)\n"
                   "test_dataloader = DataLoader(test_data, batch_size=BATCH_SIZE)",
    # ten classes hard-coded
    "tinyvgg_model": ("out_features=output_shape", "out_features=10"),
    # optimizer.step() forgotten: nothing learns
    "train_step": ("        optimizer.step()\n", ""),
    # rows and columns swapped
    "confusion_matrix": ("counts.reshape(num_classes, num_classes)", "counts.reshape(num_classes, num_classes).T"),
}

WRONG_B = {
    # no ReLU after the second convolution
    "tinyvgg_model": ("            nn.ReLU(),\n            nn.MaxPool2d(kernel_size=2),\n        )\n        self.block_2",
                      "            nn.MaxPool2d(kernel_size=2),\n        )\n        self.block_2"),
    # the forward pass of the test step tracks gradients
    "test_step": ("    with torch.inference_mode():\n", "    if True:\n"),
    # trained on the test set
    "train": ("train_step(model, train_dataloader, loss_fn, optimizer, device)",
              "train_step(model, test_dataloader, loss_fn, optimizer, device)"),
    # the whole model pickled instead of its state_dict
    "save_load": ("torch.save(obj=model.state_dict(), f=MODEL_SAVE_PATH)", "torch.save(obj=model, f=MODEL_SAVE_PATH)"),
}


def changes(wrong: dict) -> dict[str, str]:
    return {k: v if isinstance(v, str) else cell(k, *v) for k, v in wrong.items()}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Start every CLI run at once (two at a time); each test waits for its own."""
    tmp = tmp_path_factory.mktemp("tinyvgg")
    jobs = {
        "solution": notebook("solutions", NAME),
        "release": notebook("release", NAME),
        "wrong_a": make_submission(tmp / "a", NAME, changes(WRONG_A)),
        "wrong_b": make_submission(tmp / "b", NAME, changes(WRONG_B)),
    }
    pool = ThreadPoolExecutor(max_workers=2)
    futures = {key: pool.submit(check_json, path) for key, path in jobs.items()}
    yield {key: future.result for key, future in futures.items()}
    pool.shutdown(wait=True)


def test_solution_scores_full_points(graded):
    code, result = graded["solution"]()
    assert code == 0, result
    assert result["assignment"] == NAME and result["device"] == "cpu"
    assert [t["id"] for t in result["tests"]] == TEST_IDS
    assert result["score"] == result["max_score"] == assignments.get(NAME).max_score == 20.0
    assert all(t["passed"] and t["points"] == t["max_points"] for t in result["tests"]), result


def test_release_scores_zero_with_not_filled_hint(graded):
    code, result = graded["release"]()
    assert code == 1 and result["score"] == 0.0
    for t in result["tests"]:
        assert not t["passed"] and t["points"] == 0.0
        assert "bu hücreyi henüz doldurmadınız" in t["message"].lower(), t
        if t["id"] == "test_train_step_values":  # a second test of the train_step cell names that cell
            assert "(`train_step`)" in t["message"], t


def test_solution_cell_named_test_step_is_run(graded):
    """The contract's solution cell ``test_step`` starts with ``test_`` but is no test cell."""
    code, result = graded["release"]()
    assert "henüz doldurmadınız" in by_id(result)["test_test_step"]["message"]


def test_wrong_submission_a(graded):
    code, result = graded["wrong_a"]()
    assert code == 1
    # the loop is graded with the grader's own steps: a broken train_step does not cost its points,
    # so test_test_step, test_train and test_save_load pass; so does test_train_step_values (the values it returns
    # are right); the sweep's models never learn
    assert_fails_exactly(result, {
        "test_dataloaders": "shuffle=True",
        "test_tinyvgg_model": "out_features",
        "test_train_step": "optimizer.step()",
        "test_training": "Kayıp yeterince düşmedi",
        "test_confusion_matrix": "ters",
        "test_hidden_units_sweep": "Taramadaki en iyi model",
    })
    assert result["score"] == 6.0


def test_wrong_submission_b(graded):
    code, result = graded["wrong_b"]()
    assert code == 1
    # one missing ReLU still learns the digits: the training check and the sweep pass, the model check names the
    # mistake; test_dataloaders, test_train_step(_values), test_training and test_confusion_matrix pass
    assert_fails_exactly(result, {
        "test_tinyvgg_model": "2. evrişim",
        "test_test_step": "torch.inference_mode()",
        "test_train": "test verisiyle eğitiyor",
        "test_save_load": "state_dict",
    })
    assert result["score"] == 11.0
