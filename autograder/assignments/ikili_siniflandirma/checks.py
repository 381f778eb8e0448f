"""Checks of ``02_ikili_siniflandirma`` (binary classification: circles and moons, tanh from scratch).

Host side: the grader generates the data (visible seed, or the hidden one from the
instructor's secret), keeps the labels of everything it measures on, and computes accuracy
and loss itself from what the kernel's probes return. The student's ``tanh`` is called on the
host's inputs and compared here with ``torch.tanh``.
"""

from __future__ import annotations

import math
import numbers

import torch
from torch import nn

import autograder.assignments.ikili_siniflandirma.messages  # noqa: F401  (registers the texts)
from autograder import checks as c
from autograder.assignments import Assignment, TestSpec
from autograder.assignments.ikili_siniflandirma.reference import (
    circles,
    moons,
    reference_model,
    reference_moons_split,
    reference_split,
)
from autograder.errors import CheckFailure

SEEDS = c.seeds(7, 2718)          # grader data: visible / hidden
ACCURACY_THRESHOLD = 90.0         # held-out circles
MOONS_THRESHOLD = 96.0
ACTIVATION_TOLERANCE = 1e-5       # |tanh(x) - torch.tanh(x)| on every element
HISTORY_KEYS = ("train_loss", "test_loss", "test_acc")
DATA_NAMES = ("X_train", "X_test", "y_train", "y_test")
MOONS_NAMES = ("X_moons_train", "X_moons_test", "y_moons_train", "y_moons_test")


def _expect_logits(out, n: int, name: str) -> None:
    c.expect_tensor(out, f"{name}(X)", shape=(n, 1), dtype=torch.float32)


@c.check("data")
def check_data(k, hidden=False):
    values = k.ask("values")
    shapes = {"X_train": (800, 2), "X_test": (200, 2), "y_train": (800,), "y_test": (200,)}
    for name in DATA_NAMES:
        c.expect_tensor(values[name], name, shape=shapes[name], dtype=torch.float32)
    if hidden:
        for name, expected in zip(DATA_NAMES, reference_split()):
            c.expect(torch.allclose(values[name], expected, atol=1e-6), "circles_values", name=name)


@c.check("accuracy_fn")
def check_accuracy_fn(k, hidden=False):
    if hidden:
        g = torch.Generator().manual_seed(SEEDS.kernel(True, "accuracy"))  # sent: never the hidden seed
        y_true = torch.randint(0, 2, (1000,), generator=g).float()
        y_pred = torch.where(torch.rand(1000, generator=g) < 0.83, y_true, 1 - y_true)
        cases = [(y_true, y_pred), (y_true, y_true.clone()), (y_true, 1 - y_true)]
    else:
        cases = [(torch.tensor([1.0, 0.0, 1.0, 1.0]), torch.tensor([1.0, 0.0, 0.0, 1.0]))]
    answers = k.ask("accuracy", cases=cases)
    c.expect(type(answers) is list and len(answers) == len(cases), "bad_answer", error="accuracy")
    for (y_true, y_pred), got in zip(cases, answers):
        expected = 100.0 * float((y_true == y_pred).float().mean())
        if type(got) is torch.Tensor and got.numel() == 1:
            got = got.item()
        if isinstance(got, bool) or not isinstance(got, numbers.Real):
            raise CheckFailure("accuracy_not_number", got=c.type_name(got))
        got = float(got)
        if expected > 0 and math.isclose(got, expected / 100, abs_tol=1e-6):
            raise CheckFailure("accuracy_fraction", got=got, expected=expected)
        c.expect(math.isclose(got, expected, abs_tol=1e-4), "accuracy_wrong", expected=expected, got=got)


def activation_inputs(hidden: bool) -> dict:
    """``x``: ordinary inputs; ``big``: inputs where exp(x) or exp(-x) overflows float32 (|x| > 88.7)."""
    if not hidden:
        return {"x": torch.linspace(-5, 5, 41), "big": torch.tensor([-100.0, -50.0, 50.0, 100.0])}
    g = torch.Generator().manual_seed(SEEDS[True] + 3)
    x = torch.randn(6, 7, generator=g) * 3   # another shape: the result must keep it
    return {"x": x, "big": torch.tensor([[-1e4, -500.0, -89.0], [89.0, 500.0, 1e4]])}


@c.check("activation")
def check_activation(k, hidden=False):
    inputs = activation_inputs(hidden)
    got = c.answer_dict(k.ask("activation", inputs=inputs), ("outputs", "uses_tanh"), "activation")
    outputs = c.answer_dict(got["outputs"], tuple(inputs), "activation")
    for name, x in inputs.items():
        out = c.expect_tensor(outputs[name], "tanh(x)", shape=tuple(x.shape))
        c.expect(out.is_floating_point(), "wrong_dtype", name="tanh(x)", expected="torch.float32",
                 got=str(out.dtype))
    c.expect(got["uses_tanh"] is False, "act_uses_tanh")
    x, out = inputs["x"].double(), outputs["x"].double()
    if not torch.allclose(out, torch.tanh(x), rtol=0, atol=ACTIVATION_TOLERANCE):
        if torch.allclose(out, torch.sigmoid(x), rtol=0, atol=1e-4):
            raise CheckFailure("act_is_sigmoid")
        i = int((out - torch.tanh(x)).abs().nan_to_num(math.inf).argmax())
        raise CheckFailure("act_wrong", x=round(float(x.reshape(-1)[i]), 4),
                           expected=round(float(torch.tanh(x).reshape(-1)[i]), 6), got=float(out.reshape(-1)[i]))
    big, out = inputs["big"].double(), outputs["big"].double()
    finite = torch.isfinite(out)
    if not bool(finite.all()):
        raise CheckFailure("act_overflow", x=float(big[~finite][0]), got=float(out[~finite][0]))
    if not torch.allclose(out, torch.tanh(big), rtol=0, atol=ACTIVATION_TOLERANCE):
        i = int((out - torch.tanh(big)).abs().argmax())
        raise CheckFailure("act_wrong", x=float(big.reshape(-1)[i]), expected=float(torch.tanh(big).reshape(-1)[i]),
                           got=float(out.reshape(-1)[i]))


@c.check("circle_model")
def check_circle_model(k, hidden=False):
    # What the kernel trains on comes from a seed it may know; the measured points from the hidden one.
    X_train, y_train = circles(800, SEEDS.kernel(hidden, "circle_train"))
    X_test, y_test = circles(400, SEEDS[hidden])
    probe = c.affine_inputs(X_train)
    probe["big"] = X_train * 10
    out = k.ask("circle_outputs", inputs=probe)
    _expect_logits(out["x"], len(X_train), "CircleModel()")
    if c.is_affine_outputs(out):
        raise CheckFailure("no_nonlinearity")
    probabilities_before = c.looks_like_probabilities(out["big"])
    trained = k.ask("circle_train", X_train=X_train, y_train=y_train, steps=800, lr=0.01,
                    inputs={"train": X_train, "test": X_test})
    after, test_logits = trained["outputs"]["train"], trained["outputs"]["test"]
    _expect_logits(test_logits, len(X_test), "CircleModel()")
    c.expect_tensor(after, "CircleModel()(X)", shape=(len(X_train), 1), dtype=torch.float32)
    if probabilities_before and c.looks_like_probabilities(after):
        raise CheckFailure("probabilities_not_logits")
    c.expect_loss_decrease(c.numbers_list(trained["losses"], "loss"), 0.5)
    c.expect_accuracy(c.binary_accuracy_of(test_logits, y_test), ACCURACY_THRESHOLD)


# --- train_model: two tests on one run of the student's function ------------------------------------------
# ``train_model`` judges the training itself (the parameters move, the loss falls, the model separates the
# host's held-out circles); ``train_model_history`` judges what the function returns (three per-epoch lists,
# the last test loss the host's own measurement of the trained model). One wrong detail costs only its own
# points.

def _bce(model: nn.Module, X: torch.Tensor, y: torch.Tensor) -> float:
    model.eval()
    with torch.inference_mode():
        return float(nn.BCEWithLogitsLoss()(model(X).squeeze(1), y))


def _train_model_run(k, hidden: bool) -> tuple[nn.Module, nn.Module, dict, dict]:
    """The student's ``train_model`` with its defaults on the grader's reference model and circles (sent to
    the kernel): ``(the model before, the model after, the data, the answer)``, the second model holding the
    returned state."""
    X, y = circles(1000, SEEDS.kernel(hidden, "train_model"))
    data = {"X_train": X[:800], "y_train": y[:800], "X_test": X[800:], "y_test": y[800:]}
    before = reference_model()
    initial = {name: t.clone() for name, t in before.state_dict().items()}
    got = c.answer_dict(k.ask("train_model", state=initial, **data), ("history", "state", "epochs"), "train_model")
    after = reference_model()
    c.load_state(after, got["state"], "train_model")
    return before, after, data, got


@c.check("train_model")
def check_train_model(k, hidden=False):
    """The training itself, judged on the returned state; the returned history is ``train_model_history``'s."""
    before, after, data, _ = _train_model_run(k, hidden)
    X_held, y_held = circles(200, SEEDS[hidden] + 1)   # never sent to the kernel
    c.expect(any(not torch.equal(a, b) for a, b in zip(before.state_dict().values(), after.state_dict().values())),
             "params_unchanged")
    c.expect_loss_decrease([_bce(before, data["X_train"], data["y_train"]),
                            _bce(after, data["X_train"], data["y_train"])], 0.5)
    after.eval()
    with torch.inference_mode():
        c.expect_accuracy(c.binary_accuracy_of(after(X_held), y_held), ACCURACY_THRESHOLD)


@c.check("train_model_history")
def check_train_model_history(k, hidden=False):
    """What ``train_model`` returns: a list per key with one number per epoch (``epochs``: its default), the
    last ``test_loss`` the host's measurement of the returned model on the test data. Whether the model
    learned is ``train_model``'s test."""
    _, after, data, got = _train_model_run(k, hidden)
    c.expect_history(got["history"], "train_model", HISTORY_KEYS, got["epochs"])
    expected = _bce(after, data["X_test"], data["y_test"])
    last = float(got["history"]["test_loss"][-1])
    if not math.isclose(last, expected, rel_tol=1e-3, abs_tol=1e-4):
        raise CheckFailure("test_loss_mismatch", got=last, expected=expected)


@c.check("moons_data")
def check_moons_data(k, hidden=False):
    data = c.answer_dict(k.ask("values"), MOONS_NAMES, "values")
    for name, rows in (("X_moons_train", 800), ("X_moons_test", 200)):
        c.expect_tensor(data[name], name, shape=(rows, 2), dtype=torch.float32)
    for name, rows in (("y_moons_train", 800), ("y_moons_test", 200)):
        c.expect_tensor(data[name], name, shape=(rows,), dtype=torch.float32)
    if hidden:
        for name, expected in zip(MOONS_NAMES, reference_moons_split()):
            c.expect(torch.allclose(data[name], expected, atol=1e-6), "moons_values", name=name)


@c.check("moons")
def check_moons(k, hidden=False):
    X, y = moons(1000, SEEDS[hidden] + 2)
    got = c.answer_dict(k.ask("moons", inputs={"x": X}), ("is_module",), "moons")
    c.expect(got["is_module"] is True, "not_module_class", name="moon_model")
    out = c.answer_dict(c.answer_dict(got, ("outputs",), "moons")["outputs"], ("x",), "moons")["x"]
    _expect_logits(out, len(X), "moon_model")
    c.expect_accuracy(c.binary_accuracy_of(out, y), MOONS_THRESHOLD)


ASSIGNMENT = Assignment("02_ikili_siniflandirma", "ikili_siniflandirma", (
    TestSpec("data", 2, ("X_train", "X_test", "y_train", "y_test"), check_data),
    TestSpec("accuracy_fn", 1, ("accuracy_fn",), check_accuracy_fn),
    TestSpec("activation", 1, ("tanh",), check_activation),
    TestSpec("circle_model", 3, ("CircleModel",), check_circle_model),
    TestSpec("train_model", 2, ("train_model",), check_train_model),
    TestSpec("train_model_history", 1, ("train_model",), check_train_model_history, solution="train_model"),
    TestSpec("moons_data", 1, ("X_moons_train", "X_moons_test", "y_moons_train", "y_moons_test"), check_moons_data),
    TestSpec("moons", 2, ("moon_model",), check_moons),
))
