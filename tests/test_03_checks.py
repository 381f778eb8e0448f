"""In-process tests of every check of 03_cok_sinifli_siniflandirma, in both directions.

The reference objects come from running the code cells of the built solutions notebook
(not from a copy), so the solutions and these tests cannot drift apart.
"""

from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F
from helpers import both, expect_failure, solution_namespace
from torch import nn

from autograder.assignments import cok_sinifli_siniflandirma as mc
from autograder.errors import CheckFailure
from autograder.oracle import Oracle

NAME = "03_cok_sinifli_siniflandirma"
# Plotting tensors in the solution cells makes NumPy 2 talk; not our concern here.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def ref():
    """The solution notebook's namespace."""
    return solution_namespace(NAME)


# --- blob_data -------------------------------------------------------------------------------------------

def blob_split():
    return list(mc.reference_blob_split())


def test_blob_data_reference_passes(ref):
    both(mc.check_blob_data, ref["X_blob_train"], ref["X_blob_test"], ref["y_blob_train"], ref["y_blob_test"])


def test_blob_data_float_labels_fail():
    X_train, X_test, y_train, y_test = blob_split()
    msg = expect_failure(mc.check_blob_data, X_train, X_test, y_train.float(), y_test.float(),
                         key="mc_labels_not_long")
    assert "torch.long" in msg and "CrossEntropyLoss" in msg


def test_blob_data_float64_features_fail():
    X_train, X_test, y_train, y_test = blob_split()
    expect_failure(mc.check_blob_data, X_train.double(), X_test.double(), y_train, y_test, key="wrong_dtype_float64")


def test_blob_data_wrong_seed_fails_hidden_only():
    from sklearn.datasets import make_blobs
    from sklearn.model_selection import train_test_split

    X, y = make_blobs(n_samples=1000, n_features=2, centers=4, cluster_std=1.5, random_state=0)
    parts = train_test_split(torch.tensor(X, dtype=torch.float32), torch.tensor(y), test_size=0.2, random_state=42)
    mc.check_blob_data(*parts)  # shapes and dtypes are right
    expect_failure(mc.check_blob_data, *parts, hidden=True, key="mc_blob_values")


def test_blob_data_swapped_order_fails():
    X_train, X_test, y_train, y_test = blob_split()
    expect_failure(mc.check_blob_data, X_train, y_train, X_test, y_test, key="wrong_shape")


# --- blob_model -------------------------------------------------------------------------------------------

class ReluBlobModel(nn.Module):
    """Written differently: functional ReLU, no Sequential, other default width."""

    def __init__(self, input_features, output_features, hidden_units=32):
        super().__init__()
        self.fc1 = nn.Linear(input_features, hidden_units)
        self.fc2 = nn.Linear(hidden_units, output_features)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


class SoftmaxBlobModel(ReluBlobModel):
    def forward(self, x):
        return torch.softmax(super().forward(x), dim=1)


class OneOutputBlobModel(nn.Module):
    def __init__(self, input_features, output_features, hidden_units=8):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(input_features, hidden_units), nn.Linear(hidden_units, 1))

    def forward(self, x):
        return self.net(x)


class HardCodedInputBlobModel(nn.Module):
    def __init__(self, input_features, output_features, hidden_units=8):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(2, hidden_units), nn.Linear(hidden_units, output_features))

    def forward(self, x):
        return self.net(x)


class FixedWidthBlobModel(nn.Module):
    def __init__(self, input_features, output_features, hidden_units=8):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(input_features, 8), nn.Linear(8, output_features))

    def forward(self, x):
        return self.net(x)


class NoHiddenUnitsBlobModel(nn.Module):
    def __init__(self, input_features, output_features):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(input_features, 8), nn.Linear(8, output_features))

    def forward(self, x):
        return self.net(x)


class HalfHiddenUnitsBlobModel(nn.Module):
    """Only the first layer follows hidden_units: the default (8) works, any other size fails in forward."""

    def __init__(self, input_features, output_features, hidden_units=8):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(input_features, hidden_units), nn.Linear(8, output_features))

    def forward(self, x):
        return self.net(x)


class BlindBlobModel(ReluBlobModel):
    """Uses hidden_units, but never looks at its input: it cannot learn."""

    def forward(self, x):
        return super().forward(x * 0)


def test_blob_model_reference_passes(ref):
    both(mc.check_blob_model, ref["BlobModel"])
    both(mc.check_blob_model_hidden_units, ref["BlobModel"])


def test_blob_model_relu_functional_variant_passes():
    both(mc.check_blob_model, ReluBlobModel)
    both(mc.check_blob_model_hidden_units, ReluBlobModel)


def test_blob_model_softmax_in_forward_fails():
    msg = expect_failure(mc.check_blob_model, SoftmaxBlobModel, key="mc_softmax_in_forward")
    assert "softmax" in msg and "logit" in msg
    both(mc.check_blob_model_hidden_units, SoftmaxBlobModel)


def test_blob_model_one_output_fails():
    msg = expect_failure(mc.check_blob_model, OneOutputBlobModel, key="mc_wrong_output_units")
    assert "out_features" in msg
    both(mc.check_blob_model_hidden_units, OneOutputBlobModel)


def test_blob_model_hard_coded_input_fails_hidden():
    mc.check_blob_model(HardCodedInputBlobModel)  # 2 features: visible passes
    expect_failure(mc.check_blob_model, HardCodedInputBlobModel, hidden=True, key="mc_in_features_ignored")
    both(mc.check_blob_model_hidden_units, HardCodedInputBlobModel)   # only blob_model's points are lost


def test_blob_model_not_learning_costs_only_the_learning():
    expect_failure(mc.check_blob_model, BlindBlobModel, key="loss_not_falling")
    both(mc.check_blob_model_hidden_units, BlindBlobModel)


@pytest.mark.parametrize("cls, key", [
    (FixedWidthBlobModel, "mc_hidden_units_ignored"),
    (NoHiddenUnitsBlobModel, "construct_failed"),
    (HalfHiddenUnitsBlobModel, "student_error"),
], ids=["fixed-width", "no-parameter", "first-layer-only"])
def test_blob_model_hidden_units_mistakes_cost_only_their_point(cls, key):
    expect_failure(mc.check_blob_model_hidden_units, cls, key=key)
    expect_failure(mc.check_blob_model_hidden_units, cls, hidden=True, key=key)
    both(mc.check_blob_model, cls)


def test_blob_model_hidden_units_message_names_the_sizes():
    msg = expect_failure(mc.check_blob_model_hidden_units, FixedWidthBlobModel, hidden=True,
                         key="mc_hidden_units_ignored")
    small, big = mc.BLOB_HIDDEN_UNITS[True]
    assert f"BlobModel(2, 4, hidden_units={small})" in msg and f"hidden_units={big})" in msg


def test_blob_model_not_a_class_fails(ref):
    expect_failure(mc.check_blob_model, ref["BlobModel"](2, 4), key="not_module_class")


# --- logits_to_predictions ----------------------------------------------------------------------------------

def test_logits_to_predictions_reference_passes(ref):
    both(mc.check_logits_to_predictions, ref["logits_to_predictions"])


def test_logits_to_predictions_argmax_on_logits_passes():
    both(mc.check_logits_to_predictions, lambda z: (F.softmax(z, dim=-1), torch.argmax(z, dim=-1)))


@pytest.mark.parametrize("fn, key", [
    (lambda z: (torch.softmax(z, dim=0), torch.softmax(z, dim=0).argmax(dim=1)), "mc_probs_softmax_dim"),
    (lambda z: (torch.sigmoid(z), torch.sigmoid(z).argmax(dim=1)), "mc_probs_sigmoid"),
    (lambda z: (torch.softmax(z, dim=1), torch.softmax(z, dim=1).argmax(dim=0)), "mc_labels_argmax_dim"),
    (lambda z: torch.softmax(z, dim=1).argmax(dim=1), "mc_not_pair"),
    (lambda z: (torch.softmax(z, dim=1), torch.softmax(z, dim=1).argmax(dim=1).float()), "wrong_dtype"),
])
def test_logits_to_predictions_mistakes_fail(fn, key):
    expect_failure(mc.check_logits_to_predictions, fn, key=key)


def test_logits_to_predictions_softmax_dim0_single_row_fails_hidden():
    """Labels right, probabilities over the batch: the hidden cases (one of them a one-row batch) catch it."""
    def fn(z):
        probs = torch.softmax(z, dim=0)
        return probs, torch.softmax(z, dim=1).argmax(dim=1)

    expect_failure(mc.check_logits_to_predictions, fn, hidden=True, key="mc_probs_softmax_dim")


# --- train_multiclass ---------------------------------------------------------------------------------------

def make_trainer(*, softmax=False, step=True, test_before_step=False, fraction=False, adam_minibatch=False):
    """``softmax``: False, True (probabilities passed to the loss in training and testing) or "test" (only in
    the recorded test loss)."""
    def train(model, X_train, y_train, X_test, y_test, epochs=100, lr=0.1):
        loss_fn = nn.CrossEntropyLoss()
        if adam_minibatch:
            optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
        else:
            optimizer = torch.optim.SGD(model.parameters(), lr=lr)
        history = {"train_loss": [], "test_loss": [], "test_acc": []}

        def evaluate():
            model.eval()
            with torch.inference_mode():
                logits = model(X_test)
                out = torch.softmax(logits, dim=1) if softmax else logits
                acc = (logits.argmax(dim=1) == y_test).float().mean().item()
                return loss_fn(out, y_test).item(), acc if fraction else 100 * acc

        for _ in range(epochs):
            if test_before_step:
                test_loss, test_acc = evaluate()
            model.train()
            batches = torch.randperm(len(X_train)).split(100) if adam_minibatch else [slice(None)]
            for idx in batches:
                logits = model(X_train[idx])
                loss = loss_fn(torch.softmax(logits, dim=1) if softmax is True else logits, y_train[idx])
                optimizer.zero_grad()
                loss.backward()
                if step:
                    optimizer.step()
            if not test_before_step:
                test_loss, test_acc = evaluate()
            history["train_loss"].append(loss.item())
            history["test_loss"].append(test_loss)
            history["test_acc"].append(test_acc)
        return history

    return train


def test_train_multiclass_reference_passes(ref):
    both(mc.check_train_multiclass, ref["train_multiclass"])
    both(mc.check_train_multiclass_history, ref["train_multiclass"])


def test_train_multiclass_adam_minibatch_variant_passes():
    both(mc.check_train_multiclass, make_trainer(adam_minibatch=True))
    both(mc.check_train_multiclass_history, make_trainer(adam_minibatch=True))


def test_train_multiclass_softmax_before_loss_fails():
    """Probabilities passed to the loss throughout: a training mistake; the history records that loss faithfully."""
    msg = expect_failure(mc.check_train_multiclass, make_trainer(softmax=True), key="mc_softmax_before_loss")
    assert "logit" in msg
    both(mc.check_train_multiclass_history, make_trainer(softmax=True))


def test_train_multiclass_softmax_only_in_the_recorded_test_loss_fails_the_history():
    fn = make_trainer(softmax="test")
    expect_failure(mc.check_train_multiclass_history, fn, key="mc_softmax_before_loss")
    expect_failure(mc.check_train_multiclass_history, fn, hidden=True, key="mc_softmax_before_loss")
    both(mc.check_train_multiclass, fn)


def test_train_multiclass_without_step_fails():
    """No learning: only the training's points are lost, the history is the untrained model's and right."""
    expect_failure(mc.check_train_multiclass, make_trainer(step=False), key="params_unchanged")
    both(mc.check_train_multiclass_history, make_trainer(step=False))


@pytest.mark.parametrize("options, key", [
    ({"test_before_step": True}, "mc_test_loss_mismatch"),
    ({"fraction": True}, "accuracy_fraction"),
], ids=["test_before_step", "fraction"])
def test_train_multiclass_history_mistakes_cost_only_the_history(options, key):
    expect_failure(mc.check_train_multiclass_history, make_trainer(**options), hidden=True, key=key)
    both(mc.check_train_multiclass, make_trainer(**options))


def test_train_multiclass_history_format_costs_only_the_history():
    def as_tuple(*args, **kwargs):
        history = make_trainer()(*args, **kwargs)
        return history["train_loss"], history["test_loss"], history["test_acc"]

    def short(model, X_train, y_train, X_test, y_test, epochs=100, lr=0.1):
        history = make_trainer()(model, X_train, y_train, X_test, y_test, epochs=epochs, lr=lr)
        return {key: values[:5] for key, values in history.items()}

    for fn in (as_tuple, short):
        expect_failure(mc.check_train_multiclass_history, fn, key="history_bad")
        both(mc.check_train_multiclass, fn)


def test_train_multiclass_float_labels_inside_fail():
    def train(model, X_train, y_train, X_test, y_test, epochs=5, lr=0.1):
        nn.CrossEntropyLoss()(model(X_train), y_train.float())

    msg = expect_failure(mc.check_train_multiclass, train, key="student_error", hint="hint_long_target")
    assert "torch.long" in msg


def test_train_multiclass_no_defaults_fails():
    def train(model, X_train, y_train, X_test, y_test, epochs, lr):
        return {}

    expect_failure(mc.check_train_multiclass, train, key="student_error")


# --- spirals ---------------------------------------------------------------------------------------------------

class TanhSpiralModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.a, self.b, self.c = nn.Linear(2, 32), nn.Linear(32, 32), nn.Linear(32, 3)

    def forward(self, x):
        return self.c(torch.tanh(self.b(torch.tanh(self.a(x)))))


def test_spiral_model_reference_passes(ref):
    both(mc.check_spiral_model, ref["SpiralModel"])


def test_spiral_model_tanh_variant_passes():
    both(mc.check_spiral_model, TanhSpiralModel)


def test_spiral_model_linear_fails():
    class LinearSpiral(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = nn.Sequential(nn.Linear(2, 16), nn.Linear(16, 16), nn.Linear(16, 3))

        def forward(self, x):
            return self.net(x)

    msg = expect_failure(mc.check_spiral_model, LinearSpiral, key="mc_spiral_linear")
    assert "doğrusal olmayan" in msg


def test_spiral_model_wrong_units_fails():
    class FourWay(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 4))

        def forward(self, x):
            return self.net(x)

    expect_failure(mc.check_spiral_model, FourWay, key="mc_wrong_output_units")


def spiral_split():
    return list(mc.reference_spiral_split())


def test_spiral_data_reference_passes(ref):
    both(mc.check_spiral_data, ref["X_spiral_train"], ref["X_spiral_test"], ref["y_spiral_train"],
         ref["y_spiral_test"])


def test_spirals_reference_passes(ref):
    both(mc.check_spirals, ref["spiral_model"])


def test_spirals_untrained_model_fails(ref):
    torch.manual_seed(0)
    expect_failure(mc.check_spirals, ref["SpiralModel"](), key="accuracy_too_low")


def test_spiral_data_float_labels_fail():
    X_train, X_test, y_train, y_test = spiral_split()
    expect_failure(mc.check_spiral_data, X_train, X_test, y_train.float(), y_test.float(), key="mc_labels_not_long")


def test_spiral_data_shuffled_split_fails_hidden():
    X_train, X_test, y_train, y_test = spiral_split()
    perm = torch.randperm(len(X_train))
    mc.check_spiral_data(X_train[perm], X_test, y_train[perm], y_test)  # visible: shapes and dtypes only
    expect_failure(mc.check_spiral_data, X_train[perm], X_test, y_train[perm], y_test, hidden=True,
                   key="mc_spiral_values")


def test_spiral_data_and_model_score_separately(ref):
    """The split's two halves are independent: a wrong split costs only its own point, a good model keeps its two."""
    X_train, X_test, y_train, y_test = spiral_split()
    expect_failure(mc.check_spiral_data, X_test, X_train, y_test, y_train, key="wrong_shape")
    both(mc.check_spirals, ref["spiral_model"])
    assert [(t.id, t.points) for t in mc.ASSIGNMENT.tests if "spiral" in t.id] == [
        ("test_spiral_model", 3), ("test_spiral_data", 1), ("test_spirals", 2)]


# --- metrics ------------------------------------------------------------------------------------------------------

def loop_confusion(y_true, y_pred, num_classes):
    """Written differently: a Python loop and a float tensor."""
    cm = torch.zeros(num_classes, num_classes)
    for t, p in zip(y_true.tolist(), y_pred.tolist()):
        cm[t, p] += 1
    return cm


def test_confusion_matrix_reference_passes(ref):
    both(mc.check_confusion_matrix_fn, ref["confusion_matrix_fn"])


def test_confusion_matrix_loop_variant_passes():
    both(mc.check_confusion_matrix_fn, loop_confusion)


def test_confusion_matrix_transposed_fails():
    msg = expect_failure(mc.check_confusion_matrix_fn, lambda t, p, k: loop_confusion(p, t, k),
                         key="mc_confusion_transposed")
    assert "gerçek" in msg


def test_confusion_matrix_size_from_labels_fails_hidden():
    def from_labels(y_true, y_pred, num_classes):
        k = int(max(y_true.max(), y_pred.max())) + 1
        return loop_confusion(y_true, y_pred, k)

    mc.check_confusion_matrix_fn(from_labels)  # every class occurs in the visible case
    expect_failure(mc.check_confusion_matrix_fn, from_labels, hidden=True, key="mc_confusion_shape")


def per_class(y_true, y_pred, k):
    cm = loop_confusion(y_true.cpu(), y_pred.cpu(), k)
    tp, predicted, actual = cm.diag(), cm.sum(0), cm.sum(1)
    precision = torch.nan_to_num(tp / predicted)
    recall = torch.nan_to_num(tp / actual)
    f1 = torch.nan_to_num(2 * precision * recall / (precision + recall))
    return cm, precision, recall, f1


def metrics_variant(kind):
    def fn(y_true, y_pred, k):
        cm, precision, recall, f1 = per_class(y_true, y_pred, k)
        accuracy = cm.diag().sum() / cm.sum()   # a fraction; the dict holds it in percent
        out = {"accuracy": 100 * accuracy, "precision": precision.mean(), "recall": recall.mean(), "f1": f1.mean()}
        if kind == "swapped":
            out["precision"], out["recall"] = out["recall"], out["precision"]
        elif kind == "micro":
            out["precision"] = out["recall"] = out["f1"] = accuracy
        elif kind == "f1_from_macro":
            p, r = out["precision"], out["recall"]
            out["f1"] = 2 * p * r / (p + r)
        elif kind == "percent":
            out = {key: value if key == "accuracy" else 100 * value for key, value in out.items()}
        elif kind == "fraction":
            out["accuracy"] = accuracy
        elif kind == "accuracy_off":
            out["accuracy"] = 100 * accuracy + 1
        elif kind == "nan":
            out["precision"] = (cm.diag() / cm.sum(0)).mean()
        return out

    return fn


def test_classification_metrics_reference_passes(ref):
    both(mc.check_classification_metrics, ref["classification_metrics"])


def test_classification_metrics_tensor_variant_passes():
    both(mc.check_classification_metrics, metrics_variant("ok"))


@pytest.mark.parametrize("kind, key, hidden", [
    ("swapped", "mc_precision_recall_swapped", False),
    ("micro", "mc_metric_micro", False),
    ("f1_from_macro", "mc_f1_from_macro", True),
    ("percent", "mc_metric_percent", False),
    ("fraction", "accuracy_fraction", True),
    ("accuracy_off", "mc_accuracy_wrong", False),
    ("nan", "mc_zero_division", True),
])
def test_classification_metrics_mistakes_fail(kind, key, hidden):
    expect_failure(mc.check_classification_metrics, metrics_variant(kind), hidden=hidden, key=key)


def test_metric_cases_are_meaningful():
    """The hidden cases really contain a class that is never predicted, and the expected values come
    from scikit-learn (not typed in)."""
    cases = mc.label_cases(True, absent_class=True)
    y_true, never_predicted, k = cases[1]
    assert (never_predicted == k - 1).sum() == 0 and (y_true == k - 1).sum() > 0
    expected = mc.reference_metrics(y_true, never_predicted, k)
    assert 0 < expected["precision"] < 1 and not math.isnan(expected["f1"])
    assert cases[-1][2] == 4 and int(cases[-1][0].max()) == 2


def test_grader_data_is_reachable():
    """The grader's own blobs and spirals: a reference model clears the bar on them (thresholds are fair)."""
    for hidden in (False, True):
        X_train, y_train, X_test, y_test, X_held, y_held, features, classes = mc.train_data(hidden)
        torch.manual_seed(0)
        model = mc.reference_model(features, classes)
        c_losses = mc.c.train_with(model, X_train, y_train, nn.CrossEntropyLoss(), steps=200, lr=0.01)
        assert c_losses[-1] < c_losses[0]
        model.eval()
        with torch.inference_mode():
            assert mc.c.multiclass_accuracy_of(model(X_test), y_test) >= mc.ACCURACY_THRESHOLD + 2
            assert mc.c.multiclass_accuracy_of(model(X_held), y_held) >= mc.ACCURACY_THRESHOLD + 2


def test_spirals_linear_trained_model_fails(ref):
    linear = nn.Sequential(nn.Linear(2, 16), nn.Linear(16, 3))
    msg = expect_failure(mc.check_spirals, linear, key="mc_spiral_linear")
    assert "`spiral_model`" in msg


# --- hidden seeds from the instructor's secret --------------------------------------------------------------------

def test_reference_passes_hidden_checks_with_another_secret(ref):
    """With an instructor's secret the hidden data are other draws; the solution still passes every check."""
    from autograder import secret

    before = secret.current()
    secret.use(b"another course's secret")
    try:
        assert mc.TRAIN_SEEDS[True] != mc.TRAIN_SEEDS.hidden and mc.SPIRAL_SEEDS[True] != mc.SPIRAL_SEEDS.hidden
        for spec in mc.ASSIGNMENT.tests:
            spec.check(*(ref[name] for name in spec.names), hidden=True)
        X_train, y_train, X_test, y_test, X_held, y_held, features, classes = mc.train_data(True)
        assert (features, classes) == (3, 5) and not torch.equal(X_train, mc.blobs(16, 3, 5, centers_seed=13)[0][:800])
    finally:
        secret.use(before)


# --- forged answers: the host decides from its own secrets ---------------------------------------------------------

class Forged(Oracle):
    """A kernel that answers whatever it likes (a value, or a function of the host's inputs)."""

    package, cell = "cok_sinifli_siniflandirma", "forged"

    def __init__(self, **answers):
        self.answers = answers

    def _answer(self, probe, query):
        answer = self.answers[probe]
        return {"ok": answer(**query["inputs"]) if callable(answer) else answer}


class Sneaky(torch.Tensor):
    """A tensor subclass: the real kernel path never lets one through; the judgement refuses it too."""


def one_hot_logits(n, classes, label=0):
    return F.one_hot(torch.full((n,), label), classes).float() * 10


def confident_spiral_outputs(inputs):
    """Outputs that look like a trained non-linear model's (far from affine, confident), without labels."""
    g = torch.Generator().manual_seed(1)
    return {name: torch.randn(len(x), 3, generator=g) * 5 for name, x in inputs.items()}


def forged_train(state, **_):
    """A perfect-looking history and a state that was never trained."""
    history = {"train_loss": [1.0, 0.01], "test_loss": [1.0, 0.01], "test_acc": [50.0, 100.0]}
    return {"history": history, "state": state, "epochs": 2}


def nudged_train(state, **_):
    """A perfect-looking history and a state moved a little, at random."""
    g = torch.Generator().manual_seed(2)
    moved = {name: t + 0.01 * torch.randn(t.shape, generator=g) for name, t in state.items()}
    return {**forged_train(state), "state": moved}


def perfect_metrics(cases):
    return [{"accuracy": 100.0, "precision": 1.0, "recall": 1.0, "f1": 1.0} for _ in cases]


FORGERIES = {
    "blob_data missing a key": (mc.check_blob_data, {"values": {"X_blob_train": torch.zeros(800, 2)}}, "bad_answer"),
    "blob_data tensor subclass": (
        mc.check_blob_data,
        {"values": dict(zip(("X_blob_train", "X_blob_test", "y_blob_train", "y_blob_test"),
                            [t.as_subclass(Sneaky) for t in mc.reference_blob_split()]))},
        "bad_answer"),
    "blob_model confident without labels": (
        mc.check_blob_model,
        {"blob_outputs": lambda X, classes, **_: torch.randn(len(X), classes),
         "blob_train": lambda X_test, classes, **_: {"losses": [2.0, 0.01],
                                                     "logits": one_hot_logits(len(X_test), classes)}},
        "accuracy_too_low"),
    "blob_model logits as a tensor subclass": (
        mc.check_blob_model, {"blob_outputs": lambda X, classes, **_: torch.randn(len(X), classes).as_subclass(Sneaky)},
        "bad_answer"),
    "blob_model training answer of the wrong type": (
        mc.check_blob_model,
        {"blob_outputs": lambda X, classes, **_: torch.randn(len(X), classes), "blob_train": "trained, trust me"},
        "bad_answer"),
    "blob_model_hidden_units counts of the wrong type": (
        mc.check_blob_model_hidden_units, {"blob_sizes": [8, "16"]}, "bad_answer"),
    "blob_model_hidden_units equal counts": (
        mc.check_blob_model_hidden_units, {"blob_sizes": [100, 100]}, "mc_hidden_units_ignored"),
    "logits_to_predictions not a list": (mc.check_logits_to_predictions, {"predictions": {"ok": True}}, "bad_answer"),
    "train_multiclass perfect history, untrained state": (
        mc.check_train_multiclass, {"train_multiclass": forged_train}, "params_unchanged"),
    "train_multiclass perfect history, nudged state": (
        mc.check_train_multiclass, {"train_multiclass": nudged_train}, "loss_not_falling"),
    "train_multiclass state of another model": (
        mc.check_train_multiclass,
        {"train_multiclass": lambda state, **_: {**forged_train(state), "state": {"weight": torch.zeros(3)}}},
        "state_mismatch"),
    "train_multiclass_history perfect history, untrained state": (
        mc.check_train_multiclass_history, {"train_multiclass": forged_train}, "mc_test_loss_mismatch"),
    "train_multiclass_history state of another model": (
        mc.check_train_multiclass_history,
        {"train_multiclass": lambda state, **_: {**forged_train(state), "state": {"weight": torch.zeros(3)}}},
        "state_mismatch"),
    "spiral_model confident without labels": (
        mc.check_spiral_model,
        {"spiral_outputs": confident_spiral_outputs,
         "spiral_train": lambda inputs, **_: {"losses": [2.0, 0.01], "outputs": confident_spiral_outputs(inputs)}},
        "accuracy_too_low"),
    "spirals confident without labels": (
        mc.check_spirals,
        {"spiral_model": lambda inputs: {"is_module": True, "outputs": confident_spiral_outputs(inputs)}},
        "accuracy_too_low"),
    "spirals model claimed without outputs": (mc.check_spirals, {"spiral_model": {"is_module": True}}, "bad_answer"),
    "spiral_data missing a key": (
        mc.check_spiral_data, {"values": {"X_spiral_train": torch.zeros(240, 2)}}, "bad_answer"),
    "confusion matrix as a type tag": (
        mc.check_confusion_matrix_fn, {"confusion": lambda cases: [{"__type__": "ndarray"} for _ in cases]},
        "not_tensor"),
    "confusion matrix of all hits": (
        mc.check_confusion_matrix_fn,
        {"confusion": lambda cases: [torch.diag(torch.bincount(t, minlength=k)) for t, _, k in cases]},
        "mc_confusion_wrong"),
    "metrics all perfect": (mc.check_classification_metrics, {"metrics": perfect_metrics}, "mc_accuracy_wrong"),
    "metrics missing a key": (
        mc.check_classification_metrics, {"metrics": lambda cases: [{"accuracy": 1.0} for _ in cases]},
        "mc_metrics_not_dict"),
}


@pytest.mark.parametrize("check, answers, key", FORGERIES.values(), ids=FORGERIES.keys())
def test_forged_answers_fail(check, answers, key):
    with pytest.raises(CheckFailure) as info:
        check.judge(Forged(**answers), hidden=True)
    assert info.value.key == key, info.value.message()


# --- the wrong-output-count hint ------------------------------------------------------------------------------------

def test_out_of_bounds_hint_says_equal_or_larger():
    """Too few outputs: torch complains once a label index reaches the number of outputs (index >= outputs)."""
    loss_fn = nn.CrossEntropyLoss()
    with pytest.raises(IndexError) as info:
        loss_fn(torch.zeros(3, 2), torch.tensor([0, 1, 2]))
    assert mc.c.hint_for(info.value) == "mc_hint_out_of_bounds"
    from autograder.i18n import render
    from autograder.messages import MESSAGES

    assert "eşit ya da ondan büyük" in render(MESSAGES["mc_hint_out_of_bounds"], "tr")
    # too many outputs: no error at all, which is why the notebook names this case too
    assert math.isfinite(loss_fn(torch.zeros(3, 6), torch.tensor([0, 1, 2])).item())
