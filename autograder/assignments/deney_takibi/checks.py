"""Checks of ``09_deney_takibi`` (experiment tracking: TensorBoard's ``SummaryWriter``, a grid of runs, the
best model).

Host side: the grader chooses every input, reads what the kernel's probes (``probes.py``) return and
decides. The event files the kernel wrote come back as bytes; the host writes them into a private
temporary folder and reads them with TensorBoard's own reader (:mod:`.events`, imported lazily).

* ``create_writer``: called in the kernel (inside a temporary folder) with names the host picks (hidden:
  random ones); its writer's ``log_dir`` must be ``runs/<experiment_name>/<model_name>[/<extra>]``.
* ``train``: the student's loop runs in the kernel on the grader's reference TinyVGG and data, with the
  grader's steps bound in place of the notebook's and a writer of the probe's own. The host replays the
  same epochs on its copy: the model must match, and each of the four series (``Loss/train``,
  ``Loss/test``, ``Accuracy/train``, ``Accuracy/test``) must hold one value per epoch equal to the
  replay's (accuracy a 0–1 fraction). ``writer=None`` must also run.
* ``experiments``: the notebook's ``runs/`` must hold the eight runs of the grid, each under its own name,
  each series with one value per epoch of that run; values finite, accuracies in [0, 1]. Every run's log
  must come from a real model: the kernel returns each run's weights from ``trained_models``, the host
  rebuilds the model (its size from the run's name), measures it on the notebook's test digits and
  requires the run's last logged ``Accuracy/test`` and ``Loss/test`` to match (``ACC_MATCH_TOLERANCE``,
  ``LOSS_MATCH_RTOL``; looser for weights that lay on a GPU). How good the numbers are earns nothing here.
* ``best_model``: ``best_run`` must be (within ``BEST_TOLERANCE``) the run with the best logged final test
  accuracy; the file at ``best_model_path`` must hold that run's model: the host rebuilds it from the
  saved ``state_dict``, measures it on the notebook's test digits (it must give ``best_run``'s last logged
  test accuracy, within ``SAVED_TOLERANCE`` either way) and on its own held-out digits, which never leave the host
  (``BEST_THRESHOLD``: the accuracy that earns the points).

Hidden checks use other names, sizes, seeds and held-out digits. Seeds sent to the kernel are
``SEEDS.kernel`` ones, independent of ``SEEDS[True]``, which only picks the held-out digits.
"""

from __future__ import annotations

import math

import torch
from torch import nn

import autograder.assignments.deney_takibi.messages  # noqa: F401  (registers the texts)
from autograder import checks as c
from autograder import vision
from autograder.assignments import Assignment, TestSpec
from autograder.assignments.deney_takibi import events
from autograder.assignments.deney_takibi.reference import (
    BATCH_SIZE,
    HISTORY_KEYS,
    LR,
    MODELS,
    NUM_EPOCHS,
    TAGS,
    ReferenceTinyVGG,
    held_out,
    notebook_test,
    reference_test_step,
    reference_train_step,
    run_names,
    run_parts,
    training_split,
)
from autograder.errors import CheckFailure

SEEDS = c.seeds(9, 909)  # visible seed; hidden default (the instructor's secret replaces it)

BEST_THRESHOLD = 0.80    # the saved best model on the grader's held-out digits (0–1)
BEST_TOLERANCE = 0.01    # best_run's logged final test accuracy may be this much below the best run's
SAVED_TOLERANCE = 0.02   # the saved model on the notebook's test digits against best_run's logged test accuracy
# Each run's model in trained_models, measured by the host on the notebook's test digits, against the run's last
# logged Accuracy/test (absolute) and Loss/test (relative): float error only on a CPU; a GPU's TF32 convolutions
# may move a loss by a little and flip an image or two.
ACC_MATCH_TOLERANCE, LOSS_MATCH_RTOL = vision.ACC_ATOL, vision.LOSS_RTOL
ACC_MATCH_TOLERANCE_GPU, LOSS_MATCH_RTOL_GPU = 0.02, 0.02

__all__ = ["ACC_MATCH_TOLERANCE", "ACC_MATCH_TOLERANCE_GPU", "ASSIGNMENT", "BEST_THRESHOLD", "BEST_TOLERANCE",
           "LOSS_MATCH_RTOL", "LOSS_MATCH_RTOL_GPU", "SAVED_TOLERANCE", "SEEDS", "TRAIN_CASES",
           "check_best_model", "check_create_writer", "check_experiments", "check_train", "writer_cases"]


def _kernel_seed(hidden: bool, visible: int, label: str) -> int:
    return SEEDS.kernel(True, label) if hidden else visible


def _answer(got, name: str, *keys: str) -> dict:
    c.expect(type(got) is dict and all(key in got for key in keys), "bad_answer", error=name)
    return got


def _show(values, limit: int = 8) -> str:
    shown = ", ".join(f"`{v}`" for v in list(values)[:limit])
    return shown + (", …" if len(values) > limit else "") if shown else "—"


# --- create_writer -----------------------------------------------------------------------------------------

def writer_cases(hidden: bool) -> list[tuple[str, str, str | None]]:
    """``(experiment_name, model_name, extra)`` the kernel's ``create_writer`` is called with."""
    if not hidden:
        return [("data_10_percent", "tinyvgg", "5_epochs"), ("deney_1", "model_a", None)]
    g = torch.Generator().manual_seed(_kernel_seed(True, 0, "create_writer"))
    r = [int(x) for x in torch.randint(10, 1000, (5,), generator=g)]
    return [(f"deney_{r[0]}", f"model_{r[1]}", f"{r[2] % 20 + 1}_epochs"), (f"veri_{r[3]}", f"m{r[4]}", None)]


def _expected_dir(case) -> str:
    experiment_name, model_name, extra = case
    return "/".join(["runs", experiment_name, model_name] + ([extra] if extra is not None else []))


def _call_text(case) -> str:
    experiment_name, model_name, extra = case
    return f"create_writer({experiment_name!r}, {model_name!r}, extra={extra!r})"


@c.check("create_writer")
def check_create_writer(k, hidden=False):
    cases = writer_cases(hidden)
    answers = k.ask("create_writer", cases=[list(case) for case in cases])
    c.expect(type(answers) is list and len(answers) == len(cases), "bad_answer", error="create_writer")
    for case, got in zip(cases, answers):
        got = _answer(got, "create_writer", "is_writer", "type", "log_dir", "inside")
        c.expect(got["is_writer"] is True, "deney_writer_type", got=str(got["type"])[:80])
        expected, log_dir = _expected_dir(case), got["log_dir"]
        c.expect(type(log_dir) is str, "deney_writer_outside", call=_call_text(case), expected=expected)
        if log_dir == expected:
            continue
        parts, want = log_dir.split("/"), expected.split("/")
        if case[2] is None and parts == want + ["None"]:
            raise CheckFailure("deney_writer_extra_none", call=_call_text(case), got=log_dir, expected=expected)
        if len(parts) == len(want) + 1 and any(parts[:i] + parts[i + 1:] == want for i in range(len(parts))):
            raise CheckFailure("deney_writer_extra_folder", call=_call_text(case), got=log_dir, expected=expected)
        raise CheckFailure("deney_writer_log_dir", call=_call_text(case), got=log_dir, expected=expected)


# --- reading logged series ---------------------------------------------------------------------------------

def _scalars(written, name: str) -> dict[str, dict[str, list[tuple[int, float]]]]:
    """The folders and series of a :func:`events.collect` answer, read with TensorBoard's reader."""
    written = _answer(written, name, "exists")
    if written.get("too_big"):
        count, size = written.get("count"), written.get("bytes")
        raise CheckFailure("deney_runs_too_big", count=count if type(count) is int else "?",
                           megabytes=round(size / 2**20, 1) if type(size) is int else "?",
                           limit=events.MAX_TOTAL_BYTES // 2**20)
    if written["exists"] is not True:
        return {}
    files = events.files_of(written)
    c.expect(files is not None, "bad_answer", error=name)
    try:
        return events.read_scalars(files)
    except ValueError as exc:
        raise CheckFailure("deney_events_unreadable", error=str(exc)) from None


def _add_scalars_below(folders: dict, run: str) -> bool:
    """Whether ``writer.add_scalars`` wrote this run: its series sit in sub-folders such as
    ``Loss_train_loss`` (one writer each), under tags without ``/``."""
    prefix = f"{run}/" if run else ""
    return any(folder.startswith(prefix) and folder != run and series for folder, series in folders.items())


def _ordered(values: list[tuple[int, float]]) -> list[float]:
    return [v for _, v in sorted(values, key=lambda pair: pair[0])]


def _expect_tags(series: dict, folders: dict, run: str, where: str) -> None:
    """The four tags are there (other tags may be too)."""
    if all(tag in series for tag in TAGS):
        return
    if _add_scalars_below(folders, run):
        raise CheckFailure("deney_add_scalars", where=where)
    if not series:
        raise CheckFailure("deney_no_scalars", where=where)
    raise CheckFailure("deney_tags_wrong", where=where, missing=_show([t for t in TAGS if t not in series]),
                       got=_show(sorted(series)))


def _expect_values(series: dict, where: str) -> None:
    """Finite values; accuracies are 0–1 fractions."""
    for tag in TAGS:
        values = [v for _, v in series[tag]]
        c.expect(all(math.isfinite(v) for v in values), "deney_not_finite", where=where, tag=tag)
        if tag.startswith("Accuracy") and not all(0.0 <= v <= 1.0 for v in values):
            if all(0.0 <= v <= 100.0 for v in values):
                raise CheckFailure("deney_accuracy_percent", where=where, tag=tag, got=max(values))
            raise CheckFailure("deney_accuracy_range", where=where, tag=tag, got=max(values, key=abs))


# --- train ------------------------------------------------------------------------------------------------

TRAIN_CASES = {
    # sizes are multiples of the batch size, so per-batch and per-sample means agree
    False: {"n_train": 96, "n_test": 64, "seed": 31, "hidden_units": 4, "epochs": 2},
    True: {"n_train": 128, "n_test": 64, "seed": 32, "hidden_units": 5, "epochs": 3},
}


def _all_close(got: list[float], expected: list[float], tag: str) -> bool:
    loss = tag.startswith("Loss")
    return len(got) == len(expected) and all(vision.value_close(g, e, loss) for g, e in zip(got, expected))


def _train_data(case: dict, seed: int):
    images, labels = training_split()
    n = case["n_train"] + case["n_test"]
    idx = torch.randperm(len(labels), generator=torch.Generator().manual_seed(seed))[:n]
    X, y = images[idx], labels[idx]
    return X[:case["n_train"]], y[:case["n_train"]], X[case["n_train"]:], y[case["n_train"]:]


@c.check("train")
def check_train(k, hidden=False):
    case = TRAIN_CASES[hidden]
    seed = _kernel_seed(hidden, case["seed"], "train")
    X_train, y_train, X_test, y_test = _train_data(case, seed)
    torch.manual_seed(seed)
    model = ReferenceTinyVGG(1, case["hidden_units"], 10)
    initial = {name: t.detach().clone() for name, t in model.state_dict().items()}
    got = _answer(k.ask("train", hidden_units=case["hidden_units"], state=initial, X_train=X_train, y_train=y_train,
                        X_test=X_test, y_test=y_test, epochs=case["epochs"], lr=LR),
                  "train", "history", "state", "written", "none_error")
    c.load_state(model, got["state"], "train")
    device = got.get("device") if type(got.get("device")) is str else "?"

    # The host's replay: the same epochs with the grader's steps, from the same start.
    twin = ReferenceTinyVGG(1, case["hidden_units"], 10)
    twin.load_state_dict(initial)
    optimizer = torch.optim.Adam(twin.parameters(), lr=LR)
    loss_fn = nn.CrossEntropyLoss()
    train_batches, test_batches = vision.batches(X_train, y_train), vision.batches(X_test, y_test)
    expected: dict[str, list[float]] = {key: [] for key in HISTORY_KEYS}
    for _ in range(case["epochs"]):
        train_loss, train_acc = reference_train_step(twin, train_batches, loss_fn, optimizer, "cpu")
        test_loss, test_acc = reference_test_step(twin, test_batches, loss_fn, "cpu")
        for key, value in zip(HISTORY_KEYS, (train_loss, train_acc, test_loss, test_acc)):
            expected[key].append(value)
    c.expect(vision.same_params(model, twin, device=device), "deney_train_replay", epochs=case["epochs"])

    folders = _scalars(got["written"], "train")
    series = folders.get("", {})
    where = "train"
    _expect_tags(series, folders, "", where)
    for tag in TAGS:
        steps = sorted(step for step, _ in series[tag])
        if len(steps) != case["epochs"] or len(set(steps)) != len(steps):
            raise CheckFailure("deney_steps_wrong", tag=tag, count=len(steps), steps=str(steps[:10]),
                               epochs=case["epochs"])
    _expect_values(series, where)
    for tag, key in TAGS.items():
        values = _ordered(series[tag])
        if _all_close(values, expected[key], tag):
            continue
        if tag.startswith("Accuracy") and _all_close([v / 100 for v in values], expected[key], tag):
            raise CheckFailure("deney_accuracy_percent", where=where, tag=tag, got=max(values))
        for other, other_key in TAGS.items():
            if other != tag and _all_close(values, expected[other_key], other):
                raise CheckFailure("deney_tags_swapped", tag=tag, other=other)
        raise CheckFailure("deney_values_wrong", tag=tag, got=[round(v, 4) for v in values],
                           expected=[round(v, 4) for v in expected[key]])
    c.expect_history(got["history"], "train", HISTORY_KEYS, case["epochs"])
    error = got["none_error"]
    if error is not None:
        error = _answer(error, "train", "type", "message")
        raise CheckFailure("deney_train_writer_none",
                           error=f"{str(error['type'])[:80]}: {str(error['message']).splitlines()[0][:200]}"
                           if str(error["message"]).strip() else str(error["type"])[:80])


# --- experiments ------------------------------------------------------------------------------------------

def _expect_grid(folders: dict) -> None:
    """The eight runs of the grid, each under its own name, each series one value per epoch."""
    expected = run_names()
    for run in expected:  # a run written twice (or several runs under one name) holds too many values
        for tag, values in folders.get(run, {}).items():
            if tag in TAGS and len(values) > run_parts(run)[2]:
                raise CheckFailure("deney_runs_merged", run=run, tag=tag, count=len(values), epochs=run_parts(run)[2])
    missing = [run for run in expected if run not in folders]
    if missing:
        for folder, series in folders.items():
            if folder not in expected and any(len(series.get(tag, [])) > max(NUM_EPOCHS) for tag in TAGS):
                raise CheckFailure("deney_runs_merged", run=folder or "runs", tag="Loss/train",
                                   count=len(series["Loss/train"]) if "Loss/train" in series else "?",
                                   epochs=max(NUM_EPOCHS))
        if all(_add_scalars_below(folders, run) for run in missing):
            raise CheckFailure("deney_add_scalars", where=f"runs/{missing[0]}")
        raise CheckFailure("deney_runs_missing", missing=_show(missing),
                           found=_show(sorted(f for f in folders if f)))
    for run in expected:
        series, epochs, where = folders[run], run_parts(run)[2], f"runs/{run}"
        _expect_tags(series, folders, run, where)
        for tag in TAGS:
            if len(series[tag]) < epochs or len({step for step, _ in series[tag]}) != len(series[tag]):
                raise CheckFailure("deney_events_missing", run=run, tag=tag, count=len(series[tag]), epochs=epochs)
        _expect_values(series, where)


def _measured(model: nn.Module) -> dict[str, float]:
    """A model's ``Accuracy/test`` and ``Loss/test`` on the notebook's test digits as its ``test_step``
    computes them (means of the batches' values), on the host's CPU."""
    X, y = notebook_test()
    losses, accs = vision.measure(model, vision.batches(X, y, BATCH_SIZE), nn.CrossEntropyLoss(), "cpu")
    return {"Accuracy/test": sum(accs) / len(accs), "Loss/test": sum(losses) / len(losses)}


def _logged_close(tag: str, logged: float, measured: float, device: str) -> bool:
    if tag.startswith("Loss"):
        rtol = LOSS_MATCH_RTOL if device == "cpu" else LOSS_MATCH_RTOL_GPU
        return math.isclose(logged, measured, rel_tol=rtol, abs_tol=vision.LOSS_ATOL)
    return abs(logged - measured) <= (ACC_MATCH_TOLERANCE if device == "cpu" else ACC_MATCH_TOLERANCE_GPU)


def _expect_models_match_logs(trained, folders: dict) -> None:
    """Every grid run's model in ``trained_models``, rebuilt on the host (its size from the run's name) and
    measured on the notebook's test digits, gives the run's last logged ``Accuracy/test`` and ``Loss/test``."""
    if type(trained) is not dict or "weights" not in trained:
        got = trained.get("__type__") if type(trained) is dict else None
        raise CheckFailure("deney_models_type", got=str(got)[:80] if type(got) is str else c.type_name(trained))
    weights = trained["weights"]
    c.expect(type(weights) is dict and all(type(key) is str for key in weights), "bad_answer", error="experiments")
    missing = [run for run in run_names() if run not in weights]
    if missing:
        keys = trained.get("keys")
        raise CheckFailure("deney_models_missing", missing=_show(missing),
                           got=_show(keys) if type(keys) is list else "—")
    for run in run_names():
        got, hidden_units = weights[run], run_parts(run)[1]
        state = got.get("state") if type(got) is dict else None
        device = got.get("device") if type(got) is dict and type(got.get("device")) is str else "cpu"
        model = ReferenceTinyVGG(1, hidden_units, 10)
        own = model.state_dict()
        if not (type(state) is dict and set(state) == set(own) and all(
                type(state[key]) is torch.Tensor and state[key].shape == own[key].shape
                and state[key].dtype == own[key].dtype for key in own)):
            what = got.get("__type__") if type(got) is dict else None
            first = state.get("conv_block_1.0.weight") if type(state) is dict else None
            if type(first) is torch.Tensor and first.dim() == 4:
                what = f"TinyVGG(hidden_units={first.shape[0]})"
            raise CheckFailure("deney_model_state", run=run, hidden_units=hidden_units,
                               got=str(what)[:80] if type(what) is str else "state_dict")
        model.load_state_dict(state)
        with torch.inference_mode():
            measured = _measured(model.eval())
        for tag in ("Accuracy/test", "Loss/test"):
            logged = _ordered(folders[run][tag])[-1]
            if not _logged_close(tag, logged, measured[tag], device):
                raise CheckFailure("deney_logs_not_model", run=run, tag=tag, logged=logged, measured=measured[tag])


@c.check("experiments")
def check_experiments(k, hidden=False):
    got = _answer(k.ask("experiments"), "experiments", "runs", "results", "trained")
    folders = _scalars(got["runs"], "experiments")
    c.expect(bool(folders), "deney_no_runs")
    _expect_grid(folders)
    results = got["results"]
    expected = run_names()
    if type(results) is not list or sorted(results) != sorted(expected):
        shown = _show(results) if type(results) is list else c.type_name(results)
        raise CheckFailure("deney_results_keys", got=shown, expected=_show(expected))
    _expect_models_match_logs(got["trained"], folders)


# --- best_model -------------------------------------------------------------------------------------------

def _final_accuracies(folders: dict) -> tuple[dict[str, float], dict[str, float]]:
    """Each grid run's last logged ``Accuracy/test`` and ``Accuracy/train`` (as 0–1 fractions: logs in
    percent cost the experiments check its points, not this one)."""
    finals = {}
    for tag in ("Accuracy/test", "Accuracy/train"):
        values = {}
        for run in run_names():
            series = folders.get(run, {}).get(tag)
            if not series:
                raise CheckFailure("deney_best_no_logs", run=run, tag=tag)
            values[run] = _ordered(series)[-1]
            c.expect(math.isfinite(values[run]), "deney_not_finite", where=f"runs/{run}", tag=tag)
        if max(values.values()) > 1.0:
            values = {run: v / 100 for run, v in values.items()}
        finals[tag] = values
    return finals["Accuracy/test"], finals["Accuracy/train"]


def _batch_accuracy(model: nn.Module, X: torch.Tensor, y: torch.Tensor) -> float:
    """The notebook's test accuracy of a model as its ``test_step`` computes it: mean of the batch accuracies."""
    return sum(vision.measure(model, vision.batches(X, y, BATCH_SIZE), nn.CrossEntropyLoss(), "cpu")[1]) / len(
        vision.batches(X, y, BATCH_SIZE))


def _saved_model(saved, best_run: str) -> nn.Module:
    """The host's TinyVGG holding the saved ``state_dict`` (its size from ``best_run``'s name)."""
    if type(saved) is not dict or not saved or not all(type(v) is torch.Tensor for v in saved.values()):
        raise CheckFailure("deney_best_not_state_dict", got=c.type_name(saved))
    hidden_units = run_parts(best_run)[1]
    model = ReferenceTinyVGG(1, hidden_units, 10)
    own = model.state_dict()
    if set(saved) == set(own) and all(saved[key].shape == own[key].shape for key in own):
        c.load_state(model, saved, "best_model")
        return model.eval()
    for model_name, other in MODELS.items():
        shapes = ReferenceTinyVGG(1, other, 10).state_dict()
        if other != hidden_units and set(saved) == set(shapes) and all(
                saved[key].shape == shapes[key].shape for key in shapes):
            raise CheckFailure("deney_saved_other_size", best_run=best_run, model_name=model_name)
    raise CheckFailure("deney_best_state", best_run=best_run, hidden_units=hidden_units)


@c.check("best_model")
def check_best_model(k, hidden=False):
    got = _answer(k.ask("best_model"), "best_model", "best_run", "path", "exists", "runs")
    expected = run_names()
    best_run = got["best_run"]
    if type(best_run) is not str or best_run not in expected:
        raise CheckFailure("deney_best_run_unknown", got=str(best_run)[:100] if type(best_run) is str
                           else c.type_name(best_run), expected=_show(expected))
    test_acc, train_acc = _final_accuracies(_scalars(got["runs"], "best_model"))
    best = max(expected, key=lambda run: test_acc[run])
    if test_acc[best_run] < test_acc[best] - BEST_TOLERANCE:
        if best_run == max(expected, key=lambda run: train_acc[run]):
            raise CheckFailure("deney_best_by_train", got=best_run, best=best, got_acc=test_acc[best_run],
                               best_acc=test_acc[best])
        raise CheckFailure("deney_best_not_best", got=best_run, best=best, got_acc=test_acc[best_run],
                           best_acc=test_acc[best])
    c.expect(got["exists"] is True, "deney_best_not_saved", path=str(got["path"])[:200])
    if "load_error" in got:
        raise CheckFailure("deney_best_not_state_dict", got=str(got["load_error"])[:80])
    model = _saved_model(_answer(got, "best_model", "saved")["saved"], best_run)
    with torch.inference_mode():
        X_test, y_test = notebook_test()
        on_test = _batch_accuracy(model, X_test, y_test)
        c.expect(abs(on_test - test_acc[best_run]) <= SAVED_TOLERANCE, "deney_saved_not_best", best_run=best_run,
                 acc=on_test, best_acc=test_acc[best_run], tol=SAVED_TOLERANCE)
        X, y = held_out(hidden, SEEDS[hidden])  # never sent: only the saved weights came from the kernel
        acc = c.multiclass_accuracy_of(vision.host_logits(model, X), y) / 100
    c.expect(acc >= BEST_THRESHOLD, "deney_best_low", best_run=best_run, acc=acc, threshold=BEST_THRESHOLD)


ASSIGNMENT = Assignment("09_deney_takibi", "deney_takibi", (
    TestSpec("create_writer", 2, ("create_writer",), check_create_writer),
    TestSpec("train", 3, ("train",), check_train),
    TestSpec("experiments", 3, ("experiment_results", "trained_models"), check_experiments),
    TestSpec("best_model", 3, ("best_run", "best_model_path"), check_best_model),
))
