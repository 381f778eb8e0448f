"""Checks of ``02_ikili_siniflandirma`` (binary classification: circles and moons).

Visible checks use one seed for the grader's fresh data, hidden ones another; accuracy and
loss are measured here on the student's model.
"""

from __future__ import annotations

import math
import numbers

import torch
from sklearn.datasets import make_circles, make_moons
from sklearn.model_selection import train_test_split
from torch import nn

from autograder import checks as c
from autograder.assignments import Assignment, TestSpec
from autograder.errors import CheckFailure
from autograder.messages import register

CIRCLES = {"n_samples": 1000, "noise": 0.03, "random_state": 42}
MOONS_NOISE = 0.07
SEEDS = {False: 7, True: 2718}  # grader data: visible / hidden
ACCURACY_THRESHOLD = 90.0        # held-out circles
MOONS_THRESHOLD = 96.0
HISTORY_KEYS = ("train_loss", "test_loss", "test_acc")

register({
    "circles_values": {
        "tr": "`{name}` değerleri beklenenden farklı. `make_circles(n_samples=1000, noise=0.03, random_state=42)` "
              "ve `train_test_split(X, y, test_size=0.2, random_state=42)` kullanın; sırayı karıştırmayın "
              "(X_train, X_test, y_train, y_test).",
        "en": "`{name}` has unexpected values. Use `make_circles(n_samples=1000, noise=0.03, random_state=42)` "
              "and `train_test_split(X, y, test_size=0.2, random_state=42)`; keep the order "
              "(X_train, X_test, y_train, y_test).",
    },
    "accuracy_wrong": {
        "tr": "`accuracy_fn` yanlış sonuç verdi: beklenen {expected:.2f}, dönen {got}. Doğruluk = (doğru tahmin "
              "sayısı / toplam) × 100; `torch.eq(y_true, y_pred).sum().item()` işinize yarar.",
        "en": "`accuracy_fn` returned a wrong result: expected {expected:.2f}, got {got}. Accuracy = (correct "
              "predictions / total) × 100; `torch.eq(y_true, y_pred).sum().item()` helps.",
    },
    "accuracy_not_number": {
        "tr": "`accuracy_fn` bir sayı (float) döndürmeli, ama `{got}` döndürdü. Sonucu `.item()` ile sayıya çevirin.",
        "en": "`accuracy_fn` must return a number (float), but it returned a `{got}`. Turn it into a number with `.item()`.",
    },
    "test_loss_mismatch": {
        "tr": "`train_model`'in son `test_loss` değeri ({got:.4f}) notlandırıcının aynı modelde ölçtüğü test "
              "kaybıyla ({expected:.4f}) uyuşmuyor: test kaybını her epokta, eğitim adımından sonra, test "
              "verisinde `BCEWithLogitsLoss` ile (`model.eval()` ve `torch.inference_mode()` içinde) hesaplayın.",
        "en": "The last `test_loss` of `train_model` ({got:.4f}) does not match the test loss the grader "
              "measured on the same model ({expected:.4f}): compute the test loss every epoch, after the "
              "training step, on the test data with `BCEWithLogitsLoss` (inside `model.eval()` and "
              "`torch.inference_mode()`).",
    },
})


# --- data the grader generates ---------------------------------------------------------------------------

def _tensors(X, y, device):
    return (torch.tensor(X, dtype=torch.float32, device=device),
            torch.tensor(y, dtype=torch.float32, device=device))


def circles(n: int, seed: int, device=None):
    X, y = make_circles(n_samples=n, noise=CIRCLES["noise"], random_state=seed)
    return _tensors(X, y, device)


def moons(n: int, seed: int, device=None):
    X, y = make_moons(n_samples=n, noise=MOONS_NOISE, random_state=seed)
    return _tensors(X, y, device)


def reference_split():
    """The split the notebook asks for, recomputed."""
    X, y = make_circles(**CIRCLES)
    parts = train_test_split(X, y, test_size=0.2, random_state=42)
    return [torch.tensor(p, dtype=torch.float32) for p in parts]


def reference_model() -> nn.Module:
    """A circle model (2 -> 64 -> 64 -> 1, ReLU) used to test the training function alone.

    Wider than the course's 10 units so that plain SGD with the course's lr=0.1 and 1000
    epochs trains it as surely as Adam does (measured: with 10 or 32 units it can stall near 75 %)."""
    return nn.Sequential(nn.Linear(2, 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1))


def _check_logit_model(model: nn.Module, X: torch.Tensor, name: str) -> None:
    out = c.forward(model, X[:16])
    c.expect_tensor(out, f"{name}(X)", shape=(16, 1), dtype=torch.float32)


# --- checks ------------------------------------------------------------------------------------------------

@c.check("data")
def check_data(X_train, X_test, y_train, y_test, hidden=False):
    values = {"X_train": X_train, "X_test": X_test, "y_train": y_train, "y_test": y_test}
    shapes = {"X_train": (800, 2), "X_test": (200, 2), "y_train": (800,), "y_test": (200,)}
    for name, value in values.items():
        c.expect_tensor(value, name, shape=shapes[name], dtype=torch.float32)
    if hidden:
        for (name, value), expected in zip(values.items(), reference_split()):
            c.expect(torch.allclose(value.detach().cpu(), expected, atol=1e-6), "circles_values", name=name)


@c.check("accuracy_fn")
def check_accuracy_fn(accuracy_fn, hidden=False):
    c.expect_callable(accuracy_fn, "accuracy_fn")
    if hidden:
        g = torch.Generator().manual_seed(SEEDS[True])
        y_true = torch.randint(0, 2, (1000,), generator=g).float()
        y_pred = torch.where(torch.rand(1000, generator=g) < 0.83, y_true, 1 - y_true)
        cases = [(y_true, y_pred), (y_true, y_true.clone()), (y_true, 1 - y_true)]
    else:
        cases = [(torch.tensor([1.0, 0.0, 1.0, 1.0]), torch.tensor([1.0, 0.0, 0.0, 1.0]))]
    for y_true, y_pred in cases:
        expected = 100.0 * float((y_true == y_pred).float().mean())
        got = c.call(accuracy_fn, y_true.clone(), y_pred.clone())
        if isinstance(got, torch.Tensor) and got.numel() == 1:
            got = got.item()
        if not isinstance(got, numbers.Real):
            raise CheckFailure("accuracy_not_number", got=type(got).__name__)
        got = float(got)
        if expected > 0 and math.isclose(got, expected / 100, abs_tol=1e-6):
            raise CheckFailure("accuracy_fraction", got=got, expected=expected)
        c.expect(math.isclose(got, expected, abs_tol=1e-4), "accuracy_wrong", expected=expected, got=got)


@c.check("circle_model")
def check_circle_model(CircleModel, hidden=False):
    c.expect_module_class(CircleModel, "CircleModel")
    device = c.device()
    model = c.construct(CircleModel, "CircleModel").to(device)
    X, y = circles(1000, SEEDS[hidden], device)
    X_train, y_train, X_test, y_test = X[:800], y[:800], X[800:], y[800:]
    _check_logit_model(model, X, "CircleModel()")
    if c.is_affine(model, X):
        raise CheckFailure("no_nonlinearity")
    probabilities_before = c.looks_like_probabilities(c.forward(model, X * 10).detach())
    losses = c.train_with(model, X_train, y_train.unsqueeze(1), nn.BCEWithLogitsLoss(), steps=800, lr=0.01)
    model.eval()
    with torch.inference_mode():
        after = c.forward(model, X_train)
    if probabilities_before and c.looks_like_probabilities(after):
        raise CheckFailure("probabilities_not_logits")
    c.expect_loss_decrease(losses, 0.5)
    c.expect_accuracy(c.binary_accuracy(model, X_test, y_test), ACCURACY_THRESHOLD)


@c.check("train_model")
def check_train_model(train_model, hidden=False):
    c.expect_callable(train_model, "train_model")
    device = c.device()
    model = reference_model().to(device)
    X, y = circles(1000, SEEDS[hidden] + 1, device)
    X_train, y_train, X_test, y_test = X[:800], y[:800], X[800:], y[800:]
    loss_fn = nn.BCEWithLogitsLoss()

    def measured_loss(X_, y_):
        model.eval()
        with torch.inference_mode():
            return float(loss_fn(model(X_).squeeze(1), y_))

    before, first_loss = c.snapshot(model), measured_loss(X_train, y_train)
    history = c.call(train_model, model, X_train, y_train, X_test, y_test)
    c.expect(c.changed(before, model), "params_unchanged")
    c.expect_history(history, "train_model", HISTORY_KEYS, c.default_args(train_model).get("epochs"))
    c.expect_loss_decrease([first_loss, measured_loss(X_train, y_train)], 0.5)
    if hidden:
        expected = measured_loss(X_test, y_test)
        got = float(history["test_loss"][-1])
        if not math.isclose(got, expected, rel_tol=1e-3, abs_tol=1e-4):
            raise CheckFailure("test_loss_mismatch", got=got, expected=expected)
    c.expect_accuracy(c.binary_accuracy(model, X_test, y_test), ACCURACY_THRESHOLD)


@c.check("moons")
def check_moons(X_moons_train, X_moons_test, y_moons_train, y_moons_test, moon_model, hidden=False):
    for name, value, rows in (("X_moons_train", X_moons_train, 800), ("X_moons_test", X_moons_test, 200)):
        c.expect_tensor(value, name, shape=(rows, 2), dtype=torch.float32)
    for name, value, rows in (("y_moons_train", y_moons_train, 800), ("y_moons_test", y_moons_test, 200)):
        c.expect_tensor(value, name, shape=(rows,), dtype=torch.float32)
    c.expect(isinstance(moon_model, nn.Module), "not_module_class", name="moon_model")
    device = c.device()
    model = moon_model.to(device)
    X, y = moons(1000, SEEDS[hidden] + 2, device)
    _check_logit_model(model, X, "moon_model")
    c.expect_accuracy(c.binary_accuracy(model, X, y), MOONS_THRESHOLD)


ASSIGNMENT = Assignment("02_ikili_siniflandirma", "ikili_siniflandirma", (
    TestSpec("data", 2, ("X_train", "X_test", "y_train", "y_test"), check_data),
    TestSpec("accuracy_fn", 1, ("accuracy_fn",), check_accuracy_fn),
    TestSpec("circle_model", 3, ("CircleModel",), check_circle_model),
    TestSpec("train_model", 3, ("train_model",), check_train_model),
    TestSpec("moons", 3, ("X_moons_train", "X_moons_test", "y_moons_train", "y_moons_test", "moon_model"),
             check_moons),
))
