"""02_ikili_siniflandirma checks, in-process, in both directions."""

from __future__ import annotations

import pytest
import torch
from helpers import both, expect_failure
from sklearn.datasets import make_circles, make_moons
from sklearn.model_selection import train_test_split
from torch import nn

from autograder.assignments import ikili_siniflandirma as a02

# --- data ---------------------------------------------------------------------------------------------


def circle_split(dtype=torch.float32, **kwargs):
    X, y = make_circles(n_samples=1000, noise=0.03, random_state=42)
    parts = train_test_split(X, y, test_size=0.2, random_state=42, **kwargs)
    return [torch.tensor(p, dtype=dtype) for p in parts]


def test_data_right():
    for hidden in (False, True):
        a02.check_data(*circle_split(), hidden=hidden)


def test_data_float64_is_named():
    message = expect_failure(a02.check_data, *circle_split(torch.float64), key="wrong_dtype_float64")
    assert "float64" in message and "torch.from_numpy(X).type(torch.float)" in message


def test_data_wrong_order_and_split():
    X_train, X_test, y_train, y_test = circle_split()
    expect_failure(a02.check_data, X_test, X_train, y_train, y_test, key="wrong_shape")
    other = circle_split(shuffle=True)  # same shapes, but another random_state would differ:
    X, y = make_circles(n_samples=1000, noise=0.03, random_state=42)
    parts = [torch.tensor(p, dtype=torch.float32) for p in train_test_split(X, y, test_size=0.2, random_state=0)]
    a02.check_data(*parts)  # the visible check looks at shapes and dtypes only
    expect_failure(a02.check_data, *parts, hidden=True, key="circles_values")
    assert other  # keeps the helper honest


def test_data_labels_not_tensor():
    X_train, X_test, y_train, y_test = circle_split()
    expect_failure(a02.check_data, X_train, X_test, y_train.numpy(), y_test, key="not_tensor")


# --- accuracy_fn ----------------------------------------------------------------------------------------


def accuracy_right(y_true, y_pred):
    return torch.eq(y_true, y_pred).sum().item() / len(y_pred) * 100


def accuracy_mean(y_true, y_pred):  # written differently, returns a 0-dim tensor
    return (y_true == y_pred).float().mean() * 100


@pytest.mark.parametrize("fn", [accuracy_right, accuracy_mean])
def test_accuracy_fn_right(fn):
    a02.check_accuracy_fn(fn)
    a02.check_accuracy_fn(fn, hidden=True)


def test_accuracy_fn_fraction_is_named():
    message = expect_failure(a02.check_accuracy_fn, lambda t, p: torch.eq(t, p).sum().item() / len(p),
                             key="accuracy_fraction")
    assert "100" in message


def test_accuracy_fn_wrong_and_unfilled():
    expect_failure(a02.check_accuracy_fn, lambda t, p: torch.eq(t, p).sum().item(), key="accuracy_wrong")
    expect_failure(a02.check_accuracy_fn, lambda t, p: torch.eq(t, p), key="accuracy_not_number")

    def unfilled(y_true, y_pred):
        raise NotImplementedError()

    assert "henüz doldurmadınız" in expect_failure(a02.check_accuracy_fn, unfilled, key="not_filled")


# --- CircleModel ------------------------------------------------------------------------------------------


class ModelReLU(nn.Module):
    def __init__(self):
        super().__init__()
        self.l1, self.l2, self.l3 = nn.Linear(2, 10), nn.Linear(10, 10), nn.Linear(10, 1)

    def forward(self, x):
        return self.l3(torch.relu(self.l2(torch.relu(self.l1(x)))))


class ModelTanhSequential(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(2, 32), nn.Tanh(), nn.Linear(32, 1))

    def forward(self, x):
        return self.net(x)


class ModelSigmoid(ModelReLU):
    def forward(self, x):
        return torch.sigmoid(super().forward(x))


class ModelSqueezed(ModelReLU):
    def forward(self, x):
        return super().forward(x).squeeze(dim=1)


class ModelLinear(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(2, 10), nn.Linear(10, 10), nn.Linear(10, 1))

    def forward(self, x):
        return self.net(x)


class ModelDouble(ModelReLU):
    def __init__(self):
        super().__init__()
        self.double()


class ModelNeedsArgs(ModelReLU):
    def __init__(self, hidden):
        super().__init__()


@pytest.mark.parametrize("cls", [ModelReLU, ModelTanhSequential])
def test_circle_model_right(cls):
    a02.check_circle_model(cls)
    a02.check_circle_model(cls, hidden=True)


@pytest.mark.parametrize("cls, key", [
    (ModelSigmoid, "probabilities_not_logits"),
    (ModelSqueezed, "wrong_shape_squeezed"),
    (ModelLinear, "no_nonlinearity"),
    (ModelNeedsArgs, "construct_failed"),
    (nn.Linear, "construct_failed"),
])
def test_circle_model_wrong(cls, key):
    expect_failure(a02.check_circle_model, cls, key=key)


def test_circle_model_float64_weights_hint():
    expect_failure(a02.check_circle_model, ModelDouble, key="student_error", hint="hint_dtype")


def test_circle_model_not_a_class():
    expect_failure(a02.check_circle_model, ModelReLU(), key="not_module_class")


# --- train_model ------------------------------------------------------------------------------------------


def make_train_model(*, optimizer="adam", step=True, squeeze=True, epochs=500, lr=None, device=None):
    def train_model(model, X_train, y_train, X_test, y_test, epochs=epochs, lr=lr):
        dev = device or next(model.parameters()).device
        X_train, y_train, X_test, y_test = (t.to(dev) for t in (X_train, y_train, X_test, y_test))
        loss_fn = nn.BCEWithLogitsLoss()
        if optimizer == "adam":
            opt = torch.optim.Adam(model.parameters(), lr=lr or 0.01)
        else:
            opt = torch.optim.SGD(model.parameters(), lr=lr or 0.1)  # the course's choice
        history = {"train_loss": [], "test_loss": [], "test_acc": []}
        for _ in range(epochs):
            model.train()
            logits = model(X_train)
            loss = loss_fn(logits.squeeze(1) if squeeze else logits, y_train)
            opt.zero_grad()
            loss.backward()
            if step:
                opt.step()
            model.eval()
            with torch.inference_mode():
                test_logits = model(X_test).squeeze(1)
                history["train_loss"].append(loss.item())
                history["test_loss"].append(loss_fn(test_logits, y_test).item())
                history["test_acc"].append(accuracy_right(y_test, torch.round(torch.sigmoid(test_logits))))
        return history

    return train_model


@pytest.mark.parametrize("kwargs", [{}, {"optimizer": "sgd", "epochs": 1000}])
def test_train_model_right(kwargs):
    fn = make_train_model(**kwargs)
    both(a02.check_train_model, fn)
    both(a02.check_train_model_history, fn)


def test_train_model_without_step():
    """No learning: only the training's points are lost, the history is the untrained model's and right."""
    fn = make_train_model(step=False)
    message = expect_failure(a02.check_train_model, fn, key="params_unchanged")
    assert "optimizer.step()" in message
    both(a02.check_train_model_history, fn)


def test_train_model_learning_rate_too_small():
    fn = make_train_model(lr=1e-6, epochs=50)
    expect_failure(a02.check_train_model, fn, key="loss_not_falling")
    expect_failure(a02.check_train_model, fn, hidden=True, key="loss_not_falling")
    both(a02.check_train_model_history, fn)


def test_train_model_unsqueezed_logits():
    for check in (a02.check_train_model, a02.check_train_model_history):
        expect_failure(check, make_train_model(squeeze=False), key="student_error", hint="hint_target_shape")


@pytest.mark.skipif(torch.cuda.is_available(), reason="hard-coded cuda works where a GPU exists")
def test_train_model_hard_coded_cuda():
    message = expect_failure(a02.check_train_model, make_train_model(device="cuda"), key="student_error",
                             hint="hint_device")
    assert "torch.cuda.is_available()" in message


def no_history(*args, **kwargs):
    make_train_model()(*args, **kwargs)
    return None


def short_history(model, X_train, y_train, X_test, y_test, epochs=500, lr=0.01):
    history = make_train_model()(model, X_train, y_train, X_test, y_test, epochs=epochs)
    return {k: v[:10] for k, v in history.items()}


def lying_test_loss(*args, **kwargs):
    history = make_train_model()(*args, **kwargs)
    history["test_loss"] = [0.0] * len(history["test_loss"])
    return history


@pytest.mark.parametrize("fn, key", [(no_history, "history_bad"), (short_history, "history_bad"),
                                     (lying_test_loss, "test_loss_mismatch")],
                         ids=["no_history", "short_history", "lying_test_loss"])
def test_train_model_history_mistakes_cost_only_the_history(fn, key):
    """A model trained right with a wrong history: the history's point is lost, the training's kept."""
    expect_failure(a02.check_train_model_history, fn, key=key)
    expect_failure(a02.check_train_model_history, fn, hidden=True, key=key)
    both(a02.check_train_model, fn)


# --- moons ---------------------------------------------------------------------------------------------------


def moons_data(dtype=torch.float32):
    X, y = make_moons(n_samples=1000, noise=0.07, random_state=42)
    return [torch.tensor(p, dtype=dtype) for p in train_test_split(X, y, test_size=0.2, random_state=42)]


def trained(model, X, y, steps=600):
    torch.manual_seed(0)
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    for _ in range(steps):
        loss = nn.functional.binary_cross_entropy_with_logits(model(X).squeeze(1), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    return model


def test_moons_data_right():
    for hidden in (False, True):
        a02.check_moons_data(*moons_data(), hidden=hidden)


def test_moons_data_float64_and_wrong_split():
    expect_failure(a02.check_moons_data, *moons_data(torch.float64), key="wrong_dtype_float64")
    X_train, X_test, y_train, y_test = moons_data()
    expect_failure(a02.check_moons_data, X_test, X_train, y_test, y_train, key="wrong_shape")
    X, y = make_moons(n_samples=1000, noise=0.07, random_state=0)   # another draw: same shapes and dtypes
    other = [torch.tensor(p, dtype=torch.float32) for p in train_test_split(X, y, test_size=0.2, random_state=42)]
    a02.check_moons_data(*other)
    expect_failure(a02.check_moons_data, *other, hidden=True, key="moons_values")


def test_moons_right():
    X_train, X_test, y_train, y_test = moons_data()
    torch.manual_seed(0)
    model = trained(nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, 1)),
                    X_train, y_train)
    a02.check_moons(model)
    a02.check_moons(model, hidden=True)


def test_moons_untrained_or_linear_model_fails():
    X_train, X_test, y_train, y_test = moons_data()
    torch.manual_seed(0)
    untrained = nn.Sequential(nn.Linear(2, 16), nn.ReLU(), nn.Linear(16, 1))
    expect_failure(a02.check_moons, untrained, key="accuracy_too_low")
    linear = trained(nn.Linear(2, 1), X_train, y_train)
    expect_failure(a02.check_moons, linear, key="accuracy_too_low")


def test_moons_model_not_an_instance_or_squeezed():
    expect_failure(a02.check_moons, nn.Linear, key="not_module_class")

    class Squeezed(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = nn.Linear(2, 1)

        def forward(self, x):
            return self.net(x).squeeze()

    message = expect_failure(a02.check_moons, Squeezed(), key="wrong_shape_squeezed")
    assert "logit" not in message   # neutral wording: 01's regression outputs use the same message


def test_moons_data_and_model_score_separately():
    """Wrong moons data no longer cost the model's points (and the other way round)."""
    specs = {t.id: t.points for t in a02.ASSIGNMENT.tests}
    assert specs["test_moons_data"] == 1 and specs["test_moons"] == 2
    assert a02.ASSIGNMENT.max_score == 13


# --- activation (tanh from scratch) --------------------------------------------------------------------------


def tanh_stable(x):
    return 1 - 2 / (torch.exp(2 * x) + 1)


def tanh_other_stable(x):   # another correct way: the sign and |x|
    e = torch.exp(-2 * x.abs())
    return torch.sign(x) * (1 - e) / (1 + e)


@pytest.mark.parametrize("fn", [tanh_stable, tanh_other_stable])
def test_activation_right(fn):
    a02.check_activation(fn)
    a02.check_activation(fn, hidden=True)


@pytest.mark.parametrize("fn", [torch.tanh, lambda x: x.tanh(), lambda x: nn.Tanh()(x),
                                lambda x: nn.functional.tanh(x)], ids=["torch.tanh", "method", "nn.Tanh", "F.tanh"])
def test_activation_builtin_tanh_is_named(fn):
    message = expect_failure(a02.check_activation, fn, key="act_uses_tanh")
    assert "torch.exp" in message


def test_activation_naive_formula_overflows():
    def naive(x):
        return (torch.exp(x) - torch.exp(-x)) / (torch.exp(x) + torch.exp(-x))

    message = expect_failure(a02.check_activation, naive, key="act_overflow")
    assert "NaN" in message and "x = -100.0" in message


def test_activation_wrong_functions():
    expect_failure(a02.check_activation, lambda x: 1 / (1 + torch.exp(-x)), key="act_is_sigmoid")
    message = expect_failure(a02.check_activation, lambda x: torch.relu(x), key="act_wrong")
    assert "x = " in message and "beklenen" in message
    expect_failure(a02.check_activation, lambda x: tanh_stable(x).flatten()[:3], key="wrong_shape")
    expect_failure(a02.check_activation, lambda x: tanh_stable(x).tolist(), key="not_tensor")
    expect_failure(a02.check_activation, lambda x: (tanh_stable(x) * 100).long(), key="wrong_dtype")
    # right on ordinary inputs, clamped so far that large inputs come out wrong
    expect_failure(a02.check_activation, lambda x: tanh_stable(x.clamp(-2, 2)).where(x.abs() <= 2, x * 0),
                   key="act_wrong")


def test_activation_only_hidden_shape():
    """The hidden inputs are a matrix: an implementation that flattens fails there only."""
    def flat(x):
        return tanh_stable(x.reshape(-1))

    a02.check_activation(flat)
    expect_failure(a02.check_activation, flat, hidden=True, key="wrong_shape")


def test_activation_unfilled():
    def unfilled(x):
        raise NotImplementedError()

    assert "henüz doldurmadınız" in expect_failure(a02.check_activation, unfilled, key="not_filled")


def test_checks_return_none_and_keep_stderr_empty(capsys):
    import warnings

    class Noisy(ModelReLU):
        def forward(self, x):
            warnings.warn("a library warning", UserWarning, stacklevel=1)
            return super().forward(x)

    assert a02.check_circle_model(Noisy) is None
    assert capsys.readouterr().err == ""
