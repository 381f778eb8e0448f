"""Checks of ``03_cok_sinifli_siniflandirma`` (multiclass classification: blobs, spirals, metrics).

Host side. Visible checks use one seed (and the notebook's 2 features / 4 classes) for the
grader's fresh data, hidden ones the seed from the instructor's secret and other sizes
(3 features / 5 classes). The grader keeps the labels of every set it measures accuracy on and
computes accuracy and loss itself from the logits and states the kernel's probes return; it
never reads them from what the student's code reports. Expected metric values come from
scikit-learn on the grader's own labels.
"""

from __future__ import annotations

import functools
import math
import numbers

import torch
from sklearn.metrics import confusion_matrix as sk_confusion_matrix
from torch import nn

import autograder.assignments.cok_sinifli_siniflandirma.messages  # noqa: F401  (registers the texts)
from autograder import checks as c
from autograder.assignments import Assignment, TestSpec
from autograder.assignments.cok_sinifli_siniflandirma.reference import (  # noqa: F401  (tests import them here)
    BLOBS,
    NUM_CLASSES,
    NUM_FEATURES,
    SPIRALS,
    blobs,
    make_spirals,
    reference_blob_split,
    reference_metrics,
    reference_model,
    reference_spiral_split,
    softmax_loss_floor,
    spirals,
)
from autograder.errors import CheckFailure
from autograder.oracle import is_type_tag

# The grader's own blobs: (centres seed, features, classes) for the model check and the training check.
# The centres were picked so the clusters barely overlap (a logistic regression scores >= 99.5 %), so
# the 95 % bar measures the student's code, not the luck of the draw; the seeds below only draw the
# points around them (the visible seeds and the model check's default hidden seed are the centres' own
# draws). Measured over 100 random hidden seeds: the course's solution (SGD, lr=0.1, 100 epochs) scores
# at least 98.3 % on the held-out points around the hidden centres. The default hidden seed of the
# training check is one whose last epoch still moves the test loss enough to tell "test loss computed
# before the step" apart.
BLOB_MODEL_DATA = {False: (7, 2, 4), True: (13, 3, 5)}
TRAIN_DATA = {False: (10, 2, 4), True: (13, 3, 5)}
BLOB_MODEL_SEEDS = c.seeds(7, 13)
TRAIN_SEEDS = c.seeds(10, 16)
SPIRAL_SEEDS = c.seeds(7, 2718)
LOGIT_SEEDS = c.seeds(3, 31)
LABEL_SEEDS = c.seeds(5, 2718)
ACCURACY_THRESHOLD = 95.0
BLOB_HIDDEN_UNITS = {False: (8, 16), True: (5, 12)}   # the two hidden_units values the hidden-units test builds
HISTORY_KEYS = ("train_loss", "test_loss", "test_acc")
METRIC_KEYS = ("accuracy", "precision", "recall", "f1")


# --- data the grader generates ------------------------------------------------------------------------------

def blob_model_data(hidden: bool):
    """``(X, y, features, classes)``: the model check's blobs (800 to train on, 200 to measure)."""
    centers_seed, features, classes = BLOB_MODEL_DATA[hidden]
    X, y = blobs(BLOB_MODEL_SEEDS[hidden], features, classes, centers_seed=centers_seed)
    return X, y, features, classes


def train_data(hidden: bool):
    """``(X_train, y_train, X_test, y_test, X_held, y_held, features, classes)`` of the training check:
    the student's function gets the first four; the held-out points never leave the grader."""
    centers_seed, features, classes = TRAIN_DATA[hidden]
    seed = TRAIN_SEEDS[hidden]
    X, y = blobs(seed, features, classes, centers_seed=centers_seed)
    X_held, y_held = blobs(seed + 1, features, classes, n=200, centers_seed=centers_seed)
    return X[:800], y[:800], X[800:], y[800:], X_held, y_held, features, classes


def label_cases(hidden: bool, absent_class: bool = False):
    """``[(y_true, y_pred, num_classes)]``: the visible case is balanced; hidden ones are skewed and one
    never predicts a class. With ``absent_class`` one more case has a class that never occurs at all
    (its row and column of the confusion matrix stay zero)."""
    g = torch.Generator().manual_seed(LABEL_SEEDS[hidden])

    def noisy(y_true, classes, keep):
        return torch.where(torch.rand(len(y_true), generator=g) < keep, y_true,
                           torch.randint(0, classes, (len(y_true),), generator=g))

    if not hidden:
        y_true = torch.arange(60) % NUM_CLASSES
        return [(y_true, noisy(y_true, NUM_CLASSES, 0.7), NUM_CLASSES)]
    weights = torch.tensor([0.5, 0.2, 0.15, 0.1, 0.05])
    y_true = torch.multinomial(weights, 300, replacement=True, generator=g)
    skewed = noisy(y_true, 5, 0.6)
    never_predicted = torch.where(skewed == 4, torch.zeros_like(skewed), skewed)
    y_three = torch.arange(45) % 3
    cases = [(y_true, skewed, 5), (y_true, never_predicted, 5), (y_three, noisy(y_three, 3, 0.5), 3)]
    if absent_class:
        cases.append((y_three, noisy(y_three, 3, 0.5), 4))
    return cases


# --- shared pieces ---------------------------------------------------------------------------------------

def _answer(answer, keys: tuple[str, ...], name: str) -> dict:
    """A probe's dict answer with the given keys, or a failure."""
    c.expect(type(answer) is dict and all(key in answer for key in keys), "bad_answer", error=name)
    return answer


def _expect_tensor(x, name: str, shape: tuple | None = None, dtype: torch.dtype | None = None) -> torch.Tensor:
    """:func:`c.expect_tensor` that also refuses a tensor subclass (only a forged answer has one)."""
    c.expect(not isinstance(x, torch.Tensor) or type(x) is torch.Tensor, "bad_answer", error=name)
    return c.expect_tensor(x, name, shape=shape, dtype=dtype)


def _expect_labels(y, name: str, rows: int) -> None:
    _expect_tensor(y, name)
    if y.dtype != torch.long:
        raise CheckFailure("mc_labels_not_long", name=name, got=str(y.dtype))
    c.expect_tensor(y, name, shape=(rows,))


def _expect_split(kind: str, values: tuple, n_train: int, n_test: int, features: int, reference=None) -> None:
    """``X_<kind>_train, X_<kind>_test, y_<kind>_train, y_<kind>_test``: float32 features, long labels,
    the given row counts; with ``reference`` (hidden tests), also the values of the grader's split."""
    names = (f"X_{kind}_train", f"X_{kind}_test", f"y_{kind}_train", f"y_{kind}_test")
    rows = (n_train, n_test, n_train, n_test)
    for name, value, n in zip(names[:2], values[:2], rows[:2]):
        _expect_tensor(value, name, shape=(n, features), dtype=torch.float32)
    for name, value, n in zip(names[2:], values[2:], rows[2:]):
        _expect_labels(value, name, n)
    if reference:
        for name, value, expected in zip(names, values, reference()):
            c.expect(torch.allclose(value, expected, atol=1e-5), f"mc_{kind}_values", name=name)


def _expect_logits(out, n: int, classes: int, name: str) -> torch.Tensor:
    """``[n, classes]`` float logits, not probabilities."""
    _expect_tensor(out, f"{name}(X)")
    if out.ndim != 2 or out.shape[0] != n or out.shape[1] != classes:
        raise CheckFailure("mc_wrong_output_units", name=name, expected=[n, classes],
                           got=list(out.shape), classes=classes)
    c.expect_tensor(out, f"{name}(X)", dtype=torch.float32)
    if bool((out >= 0).all()) and torch.allclose(out.sum(dim=1), torch.ones(n), atol=1e-4):
        raise CheckFailure("mc_softmax_in_forward", name=name)
    return out


def _expect_trained(trained, y_test: torch.Tensor, classes: int, name: str) -> None:
    """The grader's loop made the loss fall, and the model's logits on the held-back points clear the bar."""
    trained = _answer(trained, ("losses", "logits"), name)
    c.expect_loss_decrease(c.numbers_list(trained["losses"], "loss"), 0.5)
    _expect_tensor(trained["logits"], f"{name}(X)", shape=(len(y_test), classes))
    c.expect_accuracy(c.multiclass_accuracy_of(trained["logits"], y_test), ACCURACY_THRESHOLD)


# --- checks ------------------------------------------------------------------------------------------------

@c.check("blob_data")
def check_blob_data(k, hidden=False):
    names = ("X_blob_train", "X_blob_test", "y_blob_train", "y_blob_test")
    values = _answer(k.ask("values"), names, "values")
    _expect_split("blob", tuple(values[n] for n in names), 800, 200, NUM_FEATURES,
                  reference_blob_split if hidden else None)


@c.check("blob_model")
def check_blob_model(k, hidden=False):
    """The model: logits of the right shape for other feature and class counts too, and it learns. Whether
    ``hidden_units`` sizes it is ``blob_model_hidden_units``'s test."""
    X, y, features, classes = blob_model_data(hidden)
    name = f"BlobModel({features}, {classes})"
    try:
        _expect_logits(k.ask("blob_outputs", features=features, classes=classes, X=X[:16]), 16, classes, name)
    except CheckFailure as exc:
        if exc.key == "student_error" and exc.hint == "hint_matmul_shape" and features != NUM_FEATURES:
            raise CheckFailure("mc_in_features_ignored", features=features, classes=classes) from None
        raise
    trained = k.ask("blob_train", features=features, classes=classes, X_train=X[:800], y_train=y[:800],
                    X_test=X[800:], steps=200, lr=0.01)
    _expect_trained(trained, y[800:], classes, "BlobModel")


@c.check("blob_model_hidden_units")
def check_blob_model_hidden_units(k, hidden=False):
    """``BlobModel(2, 4, hidden_units=h)`` for two values of ``h``: each runs, and their parameter counts
    differ. The notebook's feature and class counts, so that a number hard-coded there costs only
    ``blob_model``'s points."""
    small, big = BLOB_HIDDEN_UNITS[hidden]
    X, _, _, _ = blob_model_data(False)
    counts = k.ask("blob_sizes", features=NUM_FEATURES, classes=NUM_CLASSES, hidden_units=[small, big], X=X[:16])
    c.expect(type(counts) is list and len(counts) == 2 and all(type(n) is int for n in counts), "bad_answer",
             error="blob_sizes")
    c.expect(counts[0] != counts[1], "mc_hidden_units_ignored", features=NUM_FEATURES, classes=NUM_CLASSES,
             small=small, big=big)


@c.check("logits_to_predictions")
def check_logits_to_predictions(k, hidden=False):
    g = torch.Generator().manual_seed(LOGIT_SEEDS[hidden])
    shapes = [(64, 5), (1, 5), (7, 3)] if hidden else [(16, NUM_CLASSES)]
    cases = [torch.randn(rows, classes, generator=g) * 3 for rows, classes in shapes]
    answers = k.ask("predictions", logits=cases)
    c.expect(type(answers) is list and len(answers) == len(cases), "bad_answer", error="predictions")
    for logits, result in zip(cases, answers):
        rows, classes = logits.shape
        if type(result) not in (tuple, list) or len(result) != 2:
            raise CheckFailure("mc_not_pair", got=c.type_name(result))
        probs, labels = result
        expected = torch.softmax(logits, dim=1)
        _expect_tensor(probs, "pred_probs", shape=(rows, classes))
        probs = probs.float()
        if not torch.allclose(probs, expected, atol=1e-5):
            if torch.allclose(probs, torch.softmax(logits, dim=0), atol=1e-5):
                raise CheckFailure("mc_probs_softmax_dim")
            if torch.allclose(probs, torch.sigmoid(logits), atol=1e-5):
                raise CheckFailure("mc_probs_sigmoid")
            raise CheckFailure("mc_probs_wrong")
        _expect_tensor(labels, "pred_labels")
        if tuple(labels.shape) != (rows,):
            raise CheckFailure("mc_labels_argmax_dim", expected=[rows], got=list(labels.shape))
        c.expect(torch.equal(labels.long(), expected.argmax(dim=1)), "mc_labels_wrong")
        c.expect_tensor(labels, "pred_labels", dtype=torch.long)


# --- train_multiclass: two tests on one run of the student's function -------------------------------------
# ``train_multiclass`` judges the training itself (the parameters move, the loss on the logits falls, the
# model separates the host's held-out points); ``train_multiclass_history`` judges what the function returns
# (three per-epoch lists, the last test loss and accuracy the host's own measurements of the trained model).

def _logits(model: nn.Module, X: torch.Tensor) -> torch.Tensor:
    model.eval()
    with torch.inference_mode():
        return model(X)


def _cross_entropy(model: nn.Module, X: torch.Tensor, y: torch.Tensor, softmax: bool = False) -> float:
    """The host's cross-entropy of ``model`` on ``(X, y)``; with ``softmax``, as a loop that passes
    probabilities to the loss computes it."""
    out = _logits(model, X)
    return float(nn.CrossEntropyLoss()(torch.softmax(out, dim=1) if softmax else out, y))


_close = functools.partial(math.isclose, rel_tol=1e-3, abs_tol=1e-4)


def _train_multiclass_run(k, hidden: bool) -> tuple[nn.Module, nn.Module, tuple, dict]:
    """The student's ``train_multiclass`` with its defaults on the grader's reference model and blobs:
    ``(the model before, the model after, train_data(hidden), the answer)``, the second model holding the
    returned state."""
    data = train_data(hidden)
    X_train, y_train, X_test, y_test, _, _, features, classes = data
    before = reference_model(features, classes)
    initial = {name: t.clone() for name, t in before.state_dict().items()}
    got = _answer(k.ask("train_multiclass", state=initial, features=features, classes=classes, X_train=X_train,
                        y_train=y_train, X_test=X_test, y_test=y_test), ("history", "state", "epochs"),
                  "train_multiclass")
    after = reference_model(features, classes)
    c.load_state(after, got["state"], "train_multiclass")
    return before, after, data, got


def _history(got: dict) -> dict[str, list[float]]:
    """The returned history as lists of floats, or ``history_bad`` / ``history_not_numbers``."""
    history, epochs = got["history"], got["epochs"]
    if is_type_tag(history):
        raise CheckFailure("history_bad", name="train_multiclass", keys=", ".join(HISTORY_KEYS),
                           epochs=epochs if type(epochs) is int else "epochs", problem=c.type_name(history))
    c.expect_history(history, "train_multiclass", HISTORY_KEYS, epochs)
    return {key: [float(v) for v in history[key]] for key in HISTORY_KEYS}


def _above_softmax_floor(history: dict, classes: int) -> bool:
    """The recorded training losses never go below the smallest loss of probabilities passed as logits."""
    return min(history["train_loss"]) >= softmax_loss_floor(classes) - 1e-4


def _softmax_throughout(history: dict, after: nn.Module, X_test: torch.Tensor, y_test: torch.Tensor,
                        classes: int) -> bool:
    """Whether the loop passes softmax probabilities to the loss in training and in testing alike."""
    return (_above_softmax_floor(history, classes)
            and _close(history["test_loss"][-1], _cross_entropy(after, X_test, y_test, softmax=True)))


@c.check("train_multiclass")
def check_train_multiclass(k, hidden=False):
    """The training itself, judged on the returned state. The history serves only to name a loss fed with
    softmax probabilities; its format and values are ``train_multiclass_history``'s test."""
    before, after, data, got = _train_multiclass_run(k, hidden)
    X_train, y_train, _, _, X_held, y_held, _, classes = data
    c.expect(any(not torch.equal(a, b) for a, b in zip(before.state_dict().values(), after.state_dict().values())),
             "params_unchanged")
    final_train = _cross_entropy(after, X_train, y_train)
    try:
        history = _history(got)
    except CheckFailure:
        history = None
    # recorded training losses that never go below the floor of a loss fed with probabilities, while the
    # model's loss on its logits is well below them: the loop passes softmax probabilities to the loss
    if history and _above_softmax_floor(history, classes) and final_train < min(history["train_loss"]) - 0.05:
        raise CheckFailure("mc_softmax_before_loss", got=min(history["train_loss"]), expected=final_train)
    c.expect_loss_decrease([_cross_entropy(before, X_train, y_train), final_train], 0.5)
    c.expect_accuracy(c.multiclass_accuracy_of(_logits(after, X_held), y_held), ACCURACY_THRESHOLD)


@c.check("train_multiclass_history")
def check_train_multiclass_history(k, hidden=False):
    """What ``train_multiclass`` returns: a list per key with one number per epoch (``epochs``: its default),
    the last ``test_loss`` and ``test_acc`` (percent) the host's measurements of the returned model on the test
    data. A loop that feeds softmax probabilities to the loss everywhere records its own loss consistently:
    that mistake costs ``train_multiclass``'s points, not these."""
    _, after, data, got = _train_multiclass_run(k, hidden)
    _, _, X_test, y_test, _, _, _, classes = data
    history = _history(got)
    got_test, expected_test = history["test_loss"][-1], _cross_entropy(after, X_test, y_test)
    if not _close(got_test, expected_test) and not _softmax_throughout(history, after, X_test, y_test, classes):
        if _close(got_test, _cross_entropy(after, X_test, y_test, softmax=True)):
            raise CheckFailure("mc_softmax_before_loss", got=got_test, expected=expected_test)
        raise CheckFailure("mc_test_loss_mismatch", got=got_test, expected=expected_test)
    accuracy = c.multiclass_accuracy_of(_logits(after, X_test), y_test)
    got_acc = history["test_acc"][-1]
    if accuracy > 0 and math.isclose(got_acc, accuracy / 100, abs_tol=1e-4):
        raise CheckFailure("accuracy_fraction", got=got_acc, expected=accuracy)
    c.expect(math.isclose(got_acc, accuracy, abs_tol=0.01), "mc_test_acc_mismatch", got=got_acc, expected=accuracy)


@c.check("spiral_model")
def check_spiral_model(k, hidden=False):
    seed = SPIRAL_SEEDS[hidden] + 1
    X_train, y_train = spirals(SPIRALS["n_per_class"], seed)
    X_test, y_test = spirals(200, seed + 1)
    classes = SPIRALS["n_classes"]
    inputs = c.affine_inputs(X_train)
    inputs["head"] = X_train[:16]
    out = _answer(k.ask("spiral_outputs", inputs=inputs), tuple(inputs), "spiral_outputs")
    _expect_logits(out["head"], 16, classes, "SpiralModel()")
    c.expect(not c.is_affine_outputs(out), "mc_spiral_linear", name="SpiralModel")
    trained = _answer(k.ask("spiral_train", X_train=X_train, y_train=y_train, steps=800, lr=0.02,
                            inputs={"x": X_test}), ("losses", "outputs"), "spiral_train")
    outputs = _answer(trained["outputs"], ("x",), "spiral_train")
    _expect_trained({"losses": trained["losses"], "logits": outputs["x"]}, y_test, classes, "SpiralModel()")


@c.check("spiral_data")
def check_spiral_data(k, hidden=False):
    n = SPIRALS["n_per_class"] * SPIRALS["n_classes"]
    n_test = n // 5
    names = ("X_spiral_train", "X_spiral_test", "y_spiral_train", "y_spiral_test")
    values = _answer(k.ask("values"), names, "values")
    _expect_split("spiral", tuple(values[n] for n in names), n - n_test, n_test, 2,
                  reference_spiral_split if hidden else None)


@c.check("spirals")
def check_spirals(k, hidden=False):
    X, y = spirals(200, SPIRAL_SEEDS[hidden])  # fresh points from the same distribution
    inputs = c.affine_inputs(X)
    inputs["head"] = X[:16]
    got = _answer(k.ask("spiral_model", inputs=inputs), ("is_module",), "spiral_model")
    c.expect(got["is_module"] is True, "not_module_class", name="spiral_model")
    out = _answer(got.get("outputs"), tuple(inputs), "spiral_model")
    _expect_logits(out["head"], 16, SPIRALS["n_classes"], "spiral_model")
    c.expect(not c.is_affine_outputs(out), "mc_spiral_linear", name="spiral_model")
    _expect_tensor(out["x"], "spiral_model(X)", shape=(len(X), SPIRALS["n_classes"]))
    c.expect_accuracy(c.multiclass_accuracy_of(out["x"], y), ACCURACY_THRESHOLD)


@c.check("confusion_matrix_fn")
def check_confusion_matrix_fn(k, hidden=False):
    cases = label_cases(hidden, absent_class=True)
    answers = k.ask("confusion", cases=cases)
    c.expect(type(answers) is list and len(answers) == len(cases), "bad_answer", error="confusion")
    for (y_true, y_pred, classes), got in zip(cases, answers):
        expected = torch.tensor(sk_confusion_matrix(y_true.numpy(), y_pred.numpy(), labels=list(range(classes))))
        _expect_tensor(got, "confusion_matrix_fn(...)")
        if tuple(got.shape) != (classes, classes):
            raise CheckFailure("mc_confusion_shape", expected=[classes, classes], got=list(got.shape))
        if torch.equal(got.double(), expected.double()):
            continue
        if torch.equal(got.double(), expected.T.double()):
            raise CheckFailure("mc_confusion_transposed")
        raise CheckFailure("mc_confusion_wrong", expected=expected.numpy(), got=got.numpy())


@c.check("classification_metrics")
def check_classification_metrics(k, hidden=False):
    cases = label_cases(hidden)
    answers = k.ask("metrics", cases=cases)
    c.expect(type(answers) is list and len(answers) == len(cases), "bad_answer", error="metrics")
    for (y_true, y_pred, classes), got in zip(cases, answers):
        expected = reference_metrics(y_true, y_pred, classes)
        if type(got) is not dict or is_type_tag(got):
            raise CheckFailure("mc_metrics_not_dict", keys=", ".join(METRIC_KEYS), problem=c.type_name(got))
        values = {}
        for key in METRIC_KEYS:
            value = got.get(key)
            if type(value) is torch.Tensor and value.numel() == 1:
                value = value.item()
            if not isinstance(value, numbers.Real):
                raise CheckFailure("mc_metrics_not_dict", keys=", ".join(METRIC_KEYS), problem=f"'{key}'")
            values[key] = float(value)
        _compare_metrics(values, expected)


def _compare_metrics(got: dict, expected: dict) -> None:
    """``accuracy`` in percent (0-100, like ``accuracy_fn``); the macro ``precision``, ``recall`` and ``f1``
    between 0 and 1 (like scikit-learn and torchmetrics)."""
    def same(a, b):
        return math.isclose(a, b, abs_tol=1e-4)

    for key in METRIC_KEYS:
        if math.isnan(got[key]):
            raise CheckFailure("mc_zero_division", name=key, got=got[key])
    if expected["accuracy"] > 0 and same(got["accuracy"], expected["accuracy"] / 100):
        raise CheckFailure("accuracy_fraction", got=got["accuracy"], expected=expected["accuracy"])
    for key in METRIC_KEYS[1:]:
        if expected[key] > 0 and same(got[key], 100 * expected[key]):
            raise CheckFailure("mc_metric_percent", name=key, got=got[key], expected=expected[key])
    if not same(got["accuracy"], expected["accuracy"]):
        raise CheckFailure("mc_accuracy_wrong", expected=expected["accuracy"], got=got["accuracy"])
    fraction = expected["accuracy"] / 100   # what a micro-averaged precision, recall or F1 comes out as
    if not (same(got["precision"], expected["precision"]) and same(got["recall"], expected["recall"])):
        if same(got["precision"], expected["recall"]) and same(got["recall"], expected["precision"]):
            raise CheckFailure("mc_precision_recall_swapped")
        for key in ("precision", "recall"):
            if not same(got[key], expected[key]):
                if same(got[key], fraction):
                    raise CheckFailure("mc_metric_micro", name=key, got=got[key], expected=expected[key])
                raise CheckFailure("mc_metric_wrong", name=key, expected=expected[key], got=got[key])
    if not same(got["f1"], expected["f1"]):
        p, r = expected["precision"], expected["recall"]
        if p + r > 0 and same(got["f1"], 2 * p * r / (p + r)):
            raise CheckFailure("mc_f1_from_macro", got=got["f1"], expected=expected["f1"])
        if same(got["f1"], fraction):
            raise CheckFailure("mc_metric_micro", name="f1", got=got["f1"], expected=expected["f1"])
        raise CheckFailure("mc_metric_wrong", name="f1", expected=expected["f1"], got=got["f1"])


ASSIGNMENT = Assignment("03_cok_sinifli_siniflandirma", "cok_sinifli_siniflandirma", (
    TestSpec("blob_data", 2, ("X_blob_train", "X_blob_test", "y_blob_train", "y_blob_test"), check_blob_data),
    TestSpec("blob_model", 2, ("BlobModel",), check_blob_model),
    TestSpec("blob_model_hidden_units", 1, ("BlobModel",), check_blob_model_hidden_units, solution="blob_model"),
    TestSpec("logits_to_predictions", 2, ("logits_to_predictions",), check_logits_to_predictions),
    TestSpec("train_multiclass", 2, ("train_multiclass",), check_train_multiclass),
    TestSpec("train_multiclass_history", 1, ("train_multiclass",), check_train_multiclass_history,
             solution="train_multiclass"),
    TestSpec("spiral_model", 3, ("SpiralModel",), check_spiral_model),
    TestSpec("spiral_data", 1, ("X_spiral_train", "X_spiral_test", "y_spiral_train", "y_spiral_test"),
             check_spiral_data),
    TestSpec("spirals", 2, ("spiral_model",), check_spirals),
    TestSpec("confusion_matrix_fn", 2, ("confusion_matrix_fn",), check_confusion_matrix_fn),
    TestSpec("classification_metrics", 2, ("classification_metrics",), check_classification_metrics),
))
