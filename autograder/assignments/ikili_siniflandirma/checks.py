"""Checks of ``02_ikili_siniflandirma`` (binary classification: circles and moons).

Host side: the grader generates the data (visible seed, or the hidden one from the
instructor's secret), keeps the labels of everything it measures on, and computes accuracy
and loss itself from what the kernel's probes return.
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
    reference_split,
)
from autograder.errors import CheckFailure

SEEDS = c.seeds(7, 2718)          # grader data: visible / hidden
ACCURACY_THRESHOLD = 90.0         # held-out circles
MOONS_THRESHOLD = 96.0
HISTORY_KEYS = ("train_loss", "test_loss", "test_acc")
DATA_NAMES = ("X_train", "X_test", "y_train", "y_test")


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


@c.check("train_model")
def check_train_model(k, hidden=False):
    X, y = circles(1000, SEEDS.kernel(hidden, "train_model"))  # sent to the kernel
    X_train, y_train, X_test, y_test = X[:800], y[:800], X[800:], y[800:]
    X_held, y_held = circles(200, SEEDS[hidden] + 1)   # never sent to the kernel
    loss_fn = nn.BCEWithLogitsLoss()
    model = reference_model()
    initial = {name: t.clone() for name, t in model.state_dict().items()}

    def measured_loss(X_, y_):
        model.eval()
        with torch.inference_mode():
            return float(loss_fn(model(X_).squeeze(1), y_))

    first_loss = measured_loss(X_train, y_train)
    got = k.ask("train_model", state=initial, X_train=X_train, y_train=y_train, X_test=X_test, y_test=y_test)
    c.load_state(model, got["state"], "train_model")
    c.expect(any(not torch.equal(initial[n], t) for n, t in model.state_dict().items()), "params_unchanged")
    c.expect_history(got["history"], "train_model", HISTORY_KEYS, got["epochs"])
    c.expect_loss_decrease([first_loss, measured_loss(X_train, y_train)], 0.5)
    if hidden:
        expected = measured_loss(X_test, y_test)
        last = float(got["history"]["test_loss"][-1])
        if not math.isclose(last, expected, rel_tol=1e-3, abs_tol=1e-4):
            raise CheckFailure("test_loss_mismatch", got=last, expected=expected)
    model.eval()
    with torch.inference_mode():
        c.expect_accuracy(c.binary_accuracy_of(model(X_held), y_held), ACCURACY_THRESHOLD)


@c.check("moons")
def check_moons(k, hidden=False):
    X, y = moons(1000, SEEDS[hidden] + 2)
    got = k.ask("moons", inputs={"x": X})
    data = got["data"]
    for name, rows in (("X_moons_train", 800), ("X_moons_test", 200)):
        c.expect_tensor(data[name], name, shape=(rows, 2), dtype=torch.float32)
    for name, rows in (("y_moons_train", 800), ("y_moons_test", 200)):
        c.expect_tensor(data[name], name, shape=(rows,), dtype=torch.float32)
    c.expect(got["is_module"] is True, "not_module_class", name="moon_model")
    _expect_logits(got["outputs"]["x"], len(X), "moon_model")
    c.expect_accuracy(c.binary_accuracy_of(got["outputs"]["x"], y), MOONS_THRESHOLD)


ASSIGNMENT = Assignment("02_ikili_siniflandirma", "ikili_siniflandirma", (
    TestSpec("data", 2, ("X_train", "X_test", "y_train", "y_test"), check_data),
    TestSpec("accuracy_fn", 1, ("accuracy_fn",), check_accuracy_fn),
    TestSpec("circle_model", 3, ("CircleModel",), check_circle_model),
    TestSpec("train_model", 3, ("train_model",), check_train_model),
    TestSpec("moons", 3, ("X_moons_train", "X_moons_test", "y_moons_train", "y_moons_test", "moon_model"),
             check_moons),
))
