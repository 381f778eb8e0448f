"""In-process tests of every check of 01_is_akisi, in both directions.

The reference objects come from running the code cells of the built solutions notebook.
"""

from __future__ import annotations

import copy

import pytest
import torch
from helpers import both, expect_failure, solution_namespace
from sklearn.model_selection import train_test_split
from torch import nn

from autograder.assignments import is_akisi as wf
from autograder.errors import CheckFailure
from autograder.oracle import Oracle

NAME = "01_is_akisi"
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def ref():
    """The solution notebook's namespace."""
    return solution_namespace(NAME)


# --- data ---------------------------------------------------------------------------------------------------

DATA_NAMES = ("weight", "bias", "X", "y", "X_train", "y_train", "X_test", "y_test")


def data_values(X=None, y=None, parts=None, weight=0.7, bias=0.3):
    X = torch.arange(0, 1, 0.02).unsqueeze(dim=1) if X is None else X
    y = weight * X + bias if y is None else y
    parts = parts or wf.split(X, y)
    return (weight, bias, X, y, *parts)


def test_data_reference_passes(ref):
    both(wf.check_data, *(ref[n] for n in DATA_NAMES))


def test_data_missing_unsqueeze_fails():
    X = torch.arange(0, 1, 0.02)
    y = 0.7 * X + 0.3
    msg = expect_failure(wf.check_data, 0.7, 0.3, X, y, X[:40], y[:40], X[40:], y[40:], key="wf_x_not_column")
    assert "unsqueeze(dim=1)" in msg


def test_data_shuffled_split_fails():
    X = torch.arange(0, 1, 0.02).unsqueeze(dim=1)
    y = 0.7 * X + 0.3
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
    msg = expect_failure(wf.check_data, *data_values(X, y, (X_train, y_train, X_test, y_test)),
                         key="wf_split_shuffled")
    assert "sırayla" in msg


def test_data_without_bias_fails():
    X = torch.arange(0, 1, 0.02).unsqueeze(dim=1)
    expect_failure(wf.check_data, *data_values(X, 0.7 * X), key="wf_y_not_line")


def test_data_other_line_fails():
    expect_failure(wf.check_data, *data_values(weight=0.5), key="wf_line_params")


def test_data_70_30_split_fails():
    X = torch.arange(0, 1, 0.02).unsqueeze(dim=1)
    y = 0.7 * X + 0.3
    expect_failure(wf.check_data, *data_values(X, y, (X[:35], y[:35], X[35:], y[35:])), key="wrong_shape")


def test_data_linspace_fails_hidden_only():
    X = torch.linspace(0, 1, 50).unsqueeze(dim=1)
    values = data_values(X)
    wf.check_data(*values)
    expect_failure(wf.check_data, *values, hidden=True, key="wf_x_values")


# --- LinearRegressionModel -------------------------------------------------------------------------------------

class NamedDifferently(nn.Module):
    """Correct, written differently: other names, bias declared first, zeros as the start."""

    def __init__(self):
        super().__init__()
        self.b = nn.Parameter(torch.zeros(1))
        self.w = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        return torch.add(torch.mul(x, self.w), self.b)


class PlainTensorBias(nn.Module):
    def __init__(self):
        super().__init__()
        self.weights = nn.Parameter(torch.randn(1))
        self.bias = torch.randn(1, requires_grad=True)

    def forward(self, x):
        return self.weights * x + self.bias


class FrozenBias(nn.Module):
    def __init__(self):
        super().__init__()
        self.weights = nn.Parameter(torch.randn(1))
        self.bias = nn.Parameter(torch.randn(1), requires_grad=False)

    def forward(self, x):
        return self.weights * x + self.bias


class ForgetsBias(nn.Module):
    def __init__(self):
        super().__init__()
        self.weights = nn.Parameter(torch.randn(1))
        self.bias = nn.Parameter(torch.randn(1))

    def forward(self, x):
        return self.weights * x


def test_linear_regression_model_reference_passes(ref):
    both(wf.check_linear_regression_model, ref["LinearRegressionModel"])


def test_linear_regression_model_written_differently_passes():
    both(wf.check_linear_regression_model, NamedDifferently)


def test_linear_regression_model_plain_tensor_fails():
    msg = expect_failure(wf.check_linear_regression_model, PlainTensorBias, key="wf_parameter_count")
    assert "nn.Parameter" in msg and "ağırlık ve yanlılık, birer sayı" in msg and "weight" not in msg


def test_linear_regression_model_frozen_parameter_fails():
    expect_failure(wf.check_linear_regression_model, FrozenBias, key="wf_no_grad_param")


def test_linear_regression_model_without_bias_fails():
    expect_failure(wf.check_linear_regression_model, ForgetsBias, key="wf_forward_not_line")


# --- loss and optimizer ------------------------------------------------------------------------------------------

def test_loss_and_optimizer_reference_passes(ref):
    both(wf.check_loss_and_optimizer, ref["model_0"], ref["loss_fn"], ref["optimizer"])


def test_loss_and_optimizer_functional_l1_passes():
    model = wf.ReferenceLinearRegression()
    both(wf.check_loss_and_optimizer, model, torch.nn.functional.l1_loss, torch.optim.SGD(model.parameters(), lr=0.05))


def test_loss_and_optimizer_mse_fails():
    model = wf.ReferenceLinearRegression()
    expect_failure(wf.check_loss_and_optimizer, model, nn.MSELoss(), torch.optim.SGD(model.parameters(), lr=0.01),
                   key="wf_loss_is_mse")


def test_loss_and_optimizer_other_models_parameters_fail():
    model = wf.ReferenceLinearRegression()
    optimizer = torch.optim.SGD(wf.ReferenceLinearRegression().parameters(), lr=0.01)
    expect_failure(wf.check_loss_and_optimizer, model, nn.L1Loss(), optimizer, key="wf_optimizer_params")


def test_loss_and_optimizer_adam_and_big_lr_fail():
    model = wf.ReferenceLinearRegression()
    expect_failure(wf.check_loss_and_optimizer, model, nn.L1Loss(), torch.optim.Adam(model.parameters()),
                   key="wf_optimizer_not_sgd")
    expect_failure(wf.check_loss_and_optimizer, model, nn.L1Loss(), torch.optim.SGD(model.parameters(), lr=1.0),
                   key="wf_lr")


# --- train_and_test ----------------------------------------------------------------------------------------------

def make_loop(*, train_mode=True, eval_mode=True, no_grad="inference", zero_grad="before", own_optimizer=False,
              test_before_step=False, step=True, log_train_eval=False, result="dict"):
    def train_and_test(model, loss_fn, optimizer, X_train, y_train, X_test, y_test, epochs):
        if own_optimizer:
            optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
        history = {"train_loss": [], "test_loss": []}

        def test():
            if eval_mode:
                model.eval()
            context = {"inference": torch.inference_mode(), "no_grad": torch.no_grad()}.get(no_grad)
            if context is None:
                return loss_fn(model(X_test), y_test).item()
            with context:
                return loss_fn(model(X_test), y_test).item()

        for _ in range(epochs):
            if test_before_step:
                test_loss = test()
            if train_mode:
                model.train()
            if zero_grad == "model":
                model.zero_grad()
            loss = loss_fn(model(X_train), y_train)
            if zero_grad == "before":
                optimizer.zero_grad()
            loss.backward()
            if zero_grad == "between":
                optimizer.zero_grad()
            if step:
                optimizer.step()
            if zero_grad == "after":
                optimizer.zero_grad()
            if not test_before_step:
                test_loss = test()
            if log_train_eval:
                with torch.inference_mode():
                    loss_fn(model(X_train), y_train)
            history["train_loss"].append(loss.item())
            history["test_loss"].append(test_loss)
        return history if result == "dict" else (history["train_loss"], history["test_loss"])

    return train_and_test


def test_train_and_test_reference_passes(ref):
    both(wf.check_train_and_test, ref["train_and_test"])
    both(wf.check_train_and_test_modes, ref["train_and_test"])


@pytest.mark.parametrize("options", [
    {"no_grad": "no_grad", "zero_grad": "after"},
    {"zero_grad": "model", "log_train_eval": True},
], ids=["no_grad-zero_grad_after_step", "model_zero_grad-eval_on_train_data"])
def test_train_and_test_written_differently_passes(options):
    both(wf.check_train_and_test, make_loop(**options))
    both(wf.check_train_and_test_modes, make_loop(**options))


# Each mistake costs the points of the one test it concerns: the other test passes, visible and hidden.
@pytest.mark.parametrize("options, key", [
    ({"train_mode": False}, "wf_train_mode"),
    ({"eval_mode": False}, "wf_eval_mode"),
    ({"no_grad": None}, "wf_test_grad"),
    ({"result": "tuple"}, "history_bad"),
    ({"test_before_step": True}, "wf_test_loss_mismatch"),
], ids=lambda v: v if isinstance(v, str) else None)
def test_train_and_test_detail_mistakes_cost_only_the_modes(options, key):
    expect_failure(wf.check_train_and_test_modes, make_loop(**options), key=key)
    expect_failure(wf.check_train_and_test_modes, make_loop(**options), hidden=True, key=key)
    both(wf.check_train_and_test, make_loop(**options))


@pytest.mark.parametrize("options, key", [
    ({"zero_grad": None}, "wf_zero_grad"),
    ({"zero_grad": "between"}, "wf_zero_grad_order"),
    ({"own_optimizer": True}, "wf_given_optimizer"),
    ({"step": False}, "params_unchanged"),
], ids=lambda v: v if isinstance(v, str) else None)
def test_train_and_test_learning_mistakes_cost_only_the_learning(options, key):
    expect_failure(wf.check_train_and_test, make_loop(**options), key=key)
    expect_failure(wf.check_train_and_test, make_loop(**options), hidden=True, key=key)
    both(wf.check_train_and_test_modes, make_loop(**options))


def test_train_and_test_missing_zero_grad_message_is_specific():
    msg = expect_failure(wf.check_train_and_test, make_loop(zero_grad=None), key="wf_zero_grad")
    assert "optimizer.zero_grad()" in msg and "birikiyor" in msg


def test_training_lines_are_learnable_in_the_given_epochs():
    """The grader's bar is fair: 300 epochs of the reference loop get well inside the tolerance."""
    for hidden in (False, True):
        weight, bias, *rng = wf.TRAIN_LINES[hidden]
        X_train, y_train, _, _ = wf.split(*wf.line(weight, bias, *rng))
        w, b = nn.Parameter(torch.zeros(1)), nn.Parameter(torch.zeros(1))
        optimizer = torch.optim.SGD([w, b], lr=wf.TRAIN_LR)
        for _ in range(wf.TRAIN_EPOCHS):
            loss = (X_train * w + b - y_train).abs().mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        assert abs(w.item() - weight) < wf.TOLERANCE / 2 and abs(b.item() - bias) < wf.TOLERANCE / 2


# --- save_load -----------------------------------------------------------------------------------------------------

def test_save_load_reference_passes(ref):
    both(wf.check_save_load, ref["save_model"], ref["load_model"])


def test_save_load_whole_model_fails(ref):
    def save_whole(model, path):
        torch.save(model, path)

    def load_whole(model_class, path):
        return torch.load(path, weights_only=False)

    msg = expect_failure(wf.check_save_load, save_whole, load_whole, key="wf_saved_whole_model")
    assert "state_dict()" in msg


def test_save_load_forgets_load_state_dict_fails(ref):
    expect_failure(wf.check_save_load, ref["save_model"], lambda cls, path: cls(), key="wf_not_loaded")


def test_save_load_returns_nothing_fails(ref):
    def load(model_class, path):
        model_class().load_state_dict(torch.load(path))

    expect_failure(wf.check_save_load, ref["save_model"], load, key="wf_load_not_model")


def test_save_load_returns_the_saved_model_fails(ref):
    saved = []

    def save(model, path):
        saved.append(model)
        torch.save(model.state_dict(), path)

    msg = expect_failure(wf.check_save_load, save, lambda model_class, path: saved[-1], key="wf_load_same_model")
    assert "model_class()" in msg and "the same" not in msg


def test_save_load_hard_coded_class_fails_hidden(ref):
    def load(model_class, path):
        model = wf.ReferenceLinearRegression()
        model.load_state_dict(torch.load(path))
        return model

    wf.check_save_load(ref["save_model"], load)
    msg = expect_failure(wf.check_save_load, ref["save_model"], load, hidden=True, key="student_error",
                         hint="wf_hint_state_dict")
    assert "model_class()" in msg and "load_state_dict" in msg.split("İpucu:")[1]
    assert "kaydedin" not in msg.split("İpucu:")[1]   # a loading problem gets loading advice


def test_save_load_parameters_only_fails_hidden(ref):
    """named_parameters() misses the BatchNorm buffers of the hidden model."""
    def save(model, path):
        torch.save(dict(model.named_parameters()), path)

    def load(model_class, path):
        model = model_class()
        model.load_state_dict(torch.load(path), strict=False)
        return model

    wf.check_save_load(save, load)
    expect_failure(wf.check_save_load, save, load, hidden=True, key="wf_saved_wrong")


def test_save_load_does_not_write_into_the_repo(ref, tmp_path, monkeypatch):
    """The file goes into a fresh folder inside the working folder (in the grader's sandbox, the
    kernel's private work copy), removed afterwards."""
    monkeypatch.chdir(tmp_path)
    seen = []

    def save(model, path):
        seen.append(path)
        ref["save_model"](model, path)

    both(wf.check_save_load, save, ref["load_model"])
    assert len(seen) == 2
    assert list(tmp_path.iterdir()) == [] and all(not p.exists() for p in seen)
    assert all(tmp_path.resolve() in p.resolve().parents for p in seen)


# --- LinearRegressionModelV2 and model_1 ---------------------------------------------------------------------------------

def test_v2_reference_passes(ref):
    both(wf.check_linear_regression_model_v2, ref["LinearRegressionModelV2"])


def test_v2_sequential_variant_passes():
    class V2(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = nn.Sequential(nn.Linear(1, 1))

        def forward(self, x):
            return self.net(x)

    both(wf.check_linear_regression_model_v2, V2)


def test_v2_hand_made_parameters_fail(ref):
    msg = expect_failure(wf.check_linear_regression_model_v2, ref["LinearRegressionModel"], key="wf_no_linear")
    assert "nn.Linear" in msg


def test_v2_with_relu_fails():
    class V2(nn.Module):
        def __init__(self):
            super().__init__()
            self.linear_layer = nn.Linear(1, 1)

        def forward(self, x):
            return torch.relu(self.linear_layer(x))

    expect_failure(wf.check_linear_regression_model_v2, V2, key="wf_v2_not_line")


def test_v2_too_many_parameters_fail():
    class V2(nn.Module):
        def __init__(self):
            super().__init__()
            self.a, self.b = nn.Linear(1, 4), nn.Linear(4, 1)

        def forward(self, x):
            return self.b(self.a(x))

    expect_failure(wf.check_linear_regression_model_v2, V2, key="wf_parameter_count")


def test_model_1_reference_passes(ref):
    both(wf.check_model_1, ref["model_1"])


def test_model_1_untrained_fails(ref):
    torch.manual_seed(0)
    msg = expect_failure(wf.check_model_1, ref["LinearRegressionModelV2"](), key="wf_model_1_off")
    assert "1000" in msg


def test_model_1_short_training_fails_hidden(ref):
    """200 epochs fit the data range well enough but drift beyond it: the hidden points catch it."""
    model = copy.deepcopy(ref["model_0"])
    with torch.no_grad():
        model.weights.fill_(0.66)
        model.bias.fill_(0.32)
    wf.check_model_1(model)
    expect_failure(wf.check_model_1, model, hidden=True, key="wf_model_1_off")


# --- another instructor's secret -----------------------------------------------------------------------------------

def test_reference_passes_the_hidden_checks_with_another_secret(ref):
    """With an instructor's secret the hidden seeds change; the expected values follow them."""
    from autograder import secret

    default = (wf.checks.LOSS_SEEDS[True], wf.checks.SAVE_SEEDS[True], wf.checks.MODEL_1_SEEDS[True],
               wf.checks.FORWARD_SEEDS[True])
    secret.use(b"some-secret")
    try:
        assert (wf.checks.LOSS_SEEDS[True], wf.checks.SAVE_SEEDS[True], wf.checks.MODEL_1_SEEDS[True],
                wf.checks.FORWARD_SEEDS[True]) != default
        for spec in wf.ASSIGNMENT.tests:
            spec.check(*(ref[name] for name in spec.names), hidden=True)
        wf.check_linear_regression_model(NamedDifferently, hidden=True)
        expect_failure(wf.check_linear_regression_model, ForgetsBias, hidden=True, key="wf_forward_not_line")
    finally:
        secret.use(None)


# --- forged answers: the host decides from what it keeps ---------------------------------------------------------------

class Forged(Oracle):
    """Answers every probe with ``answer(probe, inputs)`` (or a constant), without running anything."""

    package, cell = "is_akisi", "forged"

    def __init__(self, answer):
        self.answer = answer

    def _answer(self, probe, query):
        answer = self.answer(probe, query["inputs"]) if callable(self.answer) else self.answer
        return {"ok": answer}


def forged_failure(check, answer, key: str, *, secret_key: bytes | None = b"another-secret") -> None:
    """The hidden judgement of ``check`` on a forged answer fails with ``key``."""
    from autograder import secret

    secret.use(secret_key)
    try:
        with pytest.raises(CheckFailure) as failure:
            check.judge(Forged(answer), hidden=True)
    finally:
        secret.use(None)
    assert failure.value.key == key, failure.value.message()


class AlwaysClose(torch.Tensor):
    """A tensor that says yes to every comparison."""

    @classmethod
    def __torch_function__(cls, func, types, args=(), kwargs=None):
        if func in (torch.allclose, torch.equal):
            return True
        return super().__torch_function__(func, types, args, kwargs or {})


def test_forged_tensor_subclass_is_refused():
    """linspace's X fails the hidden check; a tensor subclass that agrees with every comparison is refused."""
    values = dict(zip(DATA_NAMES, data_values(torch.linspace(0, 1, 50).unsqueeze(dim=1))))
    forged_failure(wf.check_data, values, "wf_x_values")
    forged_failure(wf.check_data, {**values, "X": values["X"].as_subclass(AlwaysClose)}, "bad_answer")
    forged_failure(wf.check_data, {**values, "weight": values["X"][:1].as_subclass(AlwaysClose)}, "bad_answer")


def test_forged_model_1_outputs_fail():
    """Success flags with made-up outputs, or the visible points' right answers replayed, fail the hidden check."""
    forged_failure(wf.check_model_1, {"is_module": True, "outputs": torch.zeros(200, 1)}, "wf_model_1_off")
    g = torch.Generator().manual_seed(wf.checks.MODEL_1_SEEDS[False])
    visible = 0.7 * torch.rand(200, 1, generator=g) + 0.3
    forged_failure(wf.check_model_1, {"is_module": True, "outputs": visible}, "wf_model_1_off")
    forged_failure(wf.check_model_1, {"is_module": 1, "outputs": visible}, "not_module_class")
    forged_failure(wf.check_model_1, {"is_module": True}, "bad_answer")


def test_forged_loss_and_optimizer_fails():
    """The visible L1 loss replayed with all the right flags: the hidden tensors (from the secret) differ."""
    g = torch.Generator().manual_seed(wf.checks.LOSS_SEEDS[False])
    a, b = torch.randn(20, 1, generator=g), torch.randn(20, 1, generator=g)
    answer = {"is_module": True, "loss": float((a - b).abs().mean()), "optimizer": "SGD", "is_sgd": True,
              "same_params": True, "lrs": [0.01]}
    forged_failure(wf.check_loss_and_optimizer, answer, "wf_loss_not_l1")
    forged_failure(wf.check_loss_and_optimizer, {**answer, "loss": {"__type__": "float"}}, "wf_loss_not_l1")


def test_forged_training_report_fails():
    """A spotless record of the calls and steps does not pass without a trained state."""
    weight, bias, *steps = wf.TRAIN_LINES[True]
    X_train, _, X_test, _ = wf.split(*wf.line(weight, bias, *steps))
    calls = [call for _ in range(wf.TRAIN_EPOCHS) for call in ([len(X_train), True, True], [len(X_test), False, False])]
    history = {"train_loss": [0.5] * wf.TRAIN_EPOCHS, "test_loss": [0.0] * wf.TRAIN_EPOCHS}
    answer = {"history": history, "calls": calls, "steps": wf.TRAIN_EPOCHS, "cleared": 0, "piled_up": 0}
    for check in (wf.check_train_and_test, wf.check_train_and_test_modes):
        forged_failure(check, answer, "bad_answer")  # no state
        forged_failure(check, {**answer, "state": {"weights": torch.zeros(1, dtype=torch.float64),
                                                   "bias": torch.ones(1)}}, "state_mismatch")
    zeros = {"weights": torch.zeros(1), "bias": torch.zeros(1)}
    forged_failure(wf.check_train_and_test, {**answer, "state": zeros}, "params_unchanged")
    # the visible line's weight and bias replayed on the hidden line
    visible = {"weights": torch.tensor([0.3]), "bias": torch.tensor([0.9])}
    forged_failure(wf.check_train_and_test, {**answer, "state": visible}, "loss_not_falling")
    forged_failure(wf.check_train_and_test, {**answer, "steps": 1.0 * wf.TRAIN_EPOCHS, "state": visible}, "bad_answer")
    # the record of a spotless loop with a made-up test loss: the host measures the returned state itself
    forged_failure(wf.check_train_and_test_modes, {**answer, "state": visible}, "wf_test_loss_mismatch")
    forged_failure(wf.check_train_and_test_modes, {**answer, "calls": [[len(X_train), True, 1]], "state": visible},
                   "bad_answer")


def test_forged_save_load_report_fails():
    """Every flag of a good save and load, with the state the host sent back but made-up outputs."""
    def answer(probe, inputs):
        state = inputs["state"]
        return {"saved": True, "content": {"kind": "data", "type": "OrderedDict", "keys": sorted(state)},
                "instance": True, "type": "SmallNet", "same": False,
                "outputs": torch.zeros(len(inputs["X"]), 2), "state": state}

    forged_failure(wf.check_save_load, answer, "wf_not_loaded")

    def other_state(probe, inputs):   # the saved model's outputs, but a fresh model's state
        model = wf.reference.SmallNet()
        model.load_state_dict(inputs["state"])
        with torch.inference_mode():
            outputs = model.eval()(inputs["X"])
        return {**answer(probe, inputs), "outputs": outputs, "state": dict(wf.reference.SmallNet().state_dict())}

    forged_failure(wf.check_save_load, other_state, "wf_not_loaded")


def test_forged_linear_model_fails():
    """The visible forward check's line replayed on the hidden values, and flags of another type."""
    X = torch.linspace(-2, 2, 9).unsqueeze(1)
    visible = {"sizes": [1, 1], "requires_grad": [True, True], "outputs": 2.0 * X - 3.0}
    forged_failure(wf.check_linear_regression_model, visible, "wf_forward_not_line")
    forged_failure(wf.check_linear_regression_model, {**visible, "requires_grad": [1, 1]}, "bad_answer")
    forged_failure(wf.check_linear_regression_model_v2, {"has_linear": "yes", "sizes": [1, 1]}, "wf_no_linear")
