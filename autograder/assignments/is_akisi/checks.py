"""Checks of ``01_is_akisi`` (the PyTorch workflow: linear regression end to end, saving and loading).

Host side: every judgement builds its inputs, asks the kernel's probes (``probes.py``) and decides
from plain answers. The host keeps the expected values (the line's outputs, the L1 loss of its own
tensors, the saved model's outputs), computes losses and learned weights itself from returned
states, and draws the hidden inputs from seeds the instructor's secret changes.

The training checks hand the student's ``train_and_test`` (in the kernel) the grader's own model,
loss, optimizer and a freshly generated straight line with another weight and bias; the model
records how it was called (train/eval mode, gradients on or off) and the optimizer records whether
the gradients were zeroed, so each typical mistake gets its own hint; the host then judges the
returned state. Two tests share that run: ``train_and_test`` (the learning) and
``train_and_test_modes`` (the modes, the test pass and the returned losses). Saving and loading happen in a fresh folder inside the kernel's working folder,
removed afterwards, never in the repository.
"""

from __future__ import annotations

import math

import torch
from torch import nn

import autograder.assignments.is_akisi.messages  # noqa: F401  (registers the texts and the hint)
from autograder import checks as c
from autograder.assignments import Assignment, TestSpec
from autograder.assignments.is_akisi.reference import (
    BIAS,
    END,
    MODEL_1_TOLERANCE,
    SAVED_MODELS,
    START,
    STEP,
    TOLERANCE,
    TRAIN_EPOCHS,
    TRAIN_FRACTION,
    TRAIN_LINES,
    TRAIN_LR,
    WEIGHT,
    ReferenceLinearRegression,
    line,
    split,
)
from autograder.errors import CheckFailure
from autograder.oracle import is_type_tag

LOSS_SEEDS = c.seeds(1, 11)        # the tensors loss_fn is called on
SAVE_SEEDS = c.seeds(7, 123)       # the saved model's parameters and the inputs it is run on
MODEL_1_SEEDS = c.seeds(4, 5)      # model_1's points
FORWARD_SEEDS = c.seeds(0, 25)     # hidden: the values LinearRegressionModel's parameters are set to
VISIBLE_FILL = (2.0, -3.0)
# The lines the grader's own loop (MSE + Adam) teaches a fresh model: (weight, bias).
LEARN_LINES = {False: (0.25, -0.6), True: (-0.45, 0.8)}
LEARN_STEPS, LEARN_LR = 400, 0.05
DATA_NAMES = ("weight", "bias", "X", "y", "X_train", "y_train", "X_test", "y_test")


# --- answers -------------------------------------------------------------------------------------------------

def _ask(k, probe: str, **inputs):
    """The probe's answer (``k.ask`` accepts only plain data of exact types, whichever oracle answered)."""
    return k.ask(probe, **inputs)


def _expect_keys(answer, probe: str, *keys: str) -> None:
    c.answer_dict(answer, keys, probe)


def _ints(values, probe: str) -> list[int]:
    c.expect(type(values) is list and all(type(v) is int for v in values), "bad_answer", error=probe)
    return values


def _flags(values, probe: str) -> list[bool]:
    c.expect(type(values) is list and all(type(v) is bool for v in values), "bad_answer", error=probe)
    return values


def _shown(value):
    """A returned value as a message shows it (a value that was not plain data by its type's name)."""
    return c.type_name(value) if is_type_tag(value) else value


# --- data ------------------------------------------------------------------------------------------------------

@c.check("data")
def check_data(k, hidden=False):
    got = _ask(k, "values")
    _expect_keys(got, "values", *DATA_NAMES)
    weight, bias, X, y, X_train, y_train, X_test, y_test = (got[name] for name in DATA_NAMES)
    expected_X, _ = line(WEIGHT, BIAS, START, END, STEP)
    n = len(expected_X)
    c.expect_tensor(X, "X")
    if tuple(X.shape) != (n, 1):
        key = "wf_x_not_column" if tuple(X.shape) == (n,) else "wrong_shape"
        raise CheckFailure(key, name="X", expected=[n, 1], got=list(X.shape))
    c.expect_tensor(X, "X", dtype=torch.float32)
    c.expect_tensor(y, "y", shape=(n, 1), dtype=torch.float32)
    n_train = int(TRAIN_FRACTION * n)
    for name, value, rows in (("X_train", X_train, n_train), ("y_train", y_train, n_train),
                              ("X_test", X_test, n - n_train), ("y_test", y_test, n - n_train)):
        c.expect_tensor(value, name, shape=(rows, 1), dtype=torch.float32)
    got_weight, got_bias = c.number(weight), c.number(bias)
    ok = (got_weight is not None and got_bias is not None
          and math.isclose(got_weight, WEIGHT) and math.isclose(got_bias, BIAS))
    c.expect(ok, "wf_line_params", weight=_shown(weight), bias=_shown(bias))
    c.expect(torch.allclose(y, WEIGHT * X + BIAS, atol=1e-6), "wf_y_not_line")
    parts = {"X_train": X_train, "y_train": y_train, "X_test": X_test, "y_test": y_test}
    for (name, value), expected in zip(parts.items(), split(X, y)):
        _expect_in_order(name, value, expected, X if name.startswith("X") else y)
    if hidden:
        c.expect(torch.allclose(X, expected_X, atol=1e-6), "wf_x_values")


def _expect_in_order(name: str, got: torch.Tensor, expected: torch.Tensor, whole: torch.Tensor) -> None:
    if torch.allclose(got, expected, atol=1e-6):
        return
    flat, pool = got.flatten(), whole.flatten()
    from_the_data = bool((flat.unsqueeze(1) - pool.unsqueeze(0)).abs().min(dim=1).values.max() < 1e-6)
    in_order = bool((flat[1:] >= flat[:-1]).all())
    if from_the_data and not in_order:  # e.g. train_test_split(..., shuffle=True)
        raise CheckFailure("wf_split_shuffled", name=name)
    raise CheckFailure("wf_split_wrong", name=name)


# --- models ----------------------------------------------------------------------------------------------------

def _expect_learns(k, probe: str, hidden: bool) -> None:
    """The kernel trains a fresh model with the grader's loop (MSE + Adam) on the host's line; the host
    reads the line the model ends up drawing from its outputs at 0 and 1."""
    weight, bias = LEARN_LINES[hidden]
    X, y = line(weight, bias, -1.0, 1.0, 0.05)
    got = _ask(k, probe, X=X, y=y, steps=LEARN_STEPS, lr=LEARN_LR,
               points={"zero": torch.zeros(1, 1), "one": torch.ones(1, 1)})
    _expect_keys(got, probe, "zero", "one")
    at_zero, at_one = (_first_value(got[point], probe) for point in ("zero", "one"))
    got_weight, got_bias = at_one - at_zero, at_zero
    c.expect(abs(got_weight - weight) <= TOLERANCE and abs(got_bias - bias) <= TOLERANCE, "wf_not_learned",
             weight=weight, bias=bias, got_weight=got_weight, got_bias=got_bias, tol=TOLERANCE, advice="")


def _first_value(out, probe: str) -> float:
    c.expect(type(out) is torch.Tensor and out.numel() >= 1 and not out.is_complex(), "bad_answer", error=probe)
    return float(out.reshape(-1)[0])


def _fill_values(hidden: bool) -> tuple[float, float]:
    """The values the two parameters are set to before the forward check (hidden: from a seed)."""
    if not hidden:
        return VISIBLE_FILL
    g = torch.Generator().manual_seed(FORWARD_SEEDS[True])
    weight, bias = (1.0 + 2.0 * torch.rand(2, generator=g)).tolist()
    return round(weight, 2), -round(bias, 2)


def _expect_parameter_sizes(got, probe: str, name: str, sizes: list[int], what: tuple[str, str]) -> None:
    """``what``: the expected parameters, in Turkish and in English."""
    got_sizes = _ints(got["sizes"], probe)
    if got_sizes != sizes:
        raise CheckFailure("wf_parameter_count", name=name, expected=len(sizes), got=len(got_sizes), what=what[0],
                           what_en=what[1])


@c.check("linear_regression_model")
def check_linear_regression_model(k, hidden=False):
    fill = _fill_values(hidden)
    sizes = [p.numel() for p in ReferenceLinearRegression().parameters()]
    X = torch.linspace(-2, 2, 9).unsqueeze(1)
    got = _ask(k, "linear_forward", fill=list(fill), sizes=sizes, X=X)
    _expect_keys(got, "linear_forward", "sizes", "requires_grad")
    _expect_parameter_sizes(got, "linear_forward", "LinearRegressionModel", sizes,
                            ("ağırlık ve yanlılık, birer sayı", "weight and bias, one number each"))
    c.expect(all(_flags(got["requires_grad"], "linear_forward")), "wf_no_grad_param", name="LinearRegressionModel")
    _expect_keys(got, "linear_forward", "outputs")
    out = c.expect_tensor(got["outputs"], "LinearRegressionModel()(X)", shape=tuple(X.shape))
    c.expect(not out.is_complex(), "bad_answer", error="linear_forward")
    candidates = [fill, fill[::-1]]  # which of the two is the weight is up to the student
    if not any(torch.allclose(out.double(), (w * X + b).double(), atol=1e-5) for w, b in candidates):
        w, b = fill
        raise CheckFailure("wf_forward_not_line", name="LinearRegressionModel", weight=w, bias=b, x=1.0,
                           expected=w + b, got=round(float(out[6, 0]), 4))
    _expect_learns(k, "linear_learn", hidden)


@c.check("linear_regression_model_v2")
def check_linear_regression_model_v2(k, hidden=False):
    sizes = [p.numel() for p in nn.Linear(in_features=1, out_features=1).parameters()]
    X = torch.linspace(-50, 50, 64).unsqueeze(1)  # wide: a ReLU's kink falls inside
    got = _ask(k, "v2_model", sizes=sizes, inputs=c.affine_inputs(X))
    _expect_keys(got, "v2_model", "has_linear", "sizes")
    c.expect(got["has_linear"] is True, "wf_no_linear")
    _expect_parameter_sizes(got, "v2_model", "LinearRegressionModelV2", sizes,
                            ("nn.Linear(1, 1): ağırlık ve yanlılık", "nn.Linear(1, 1): weight and bias"))
    _expect_keys(got, "v2_model", "outputs")
    out = got["outputs"]
    _expect_keys(out, "v2_model", "x", "a", "b", "mid")
    c.expect_tensor(out["x"], "LinearRegressionModelV2()(X)", shape=(64, 1), dtype=torch.float32)
    c.expect(c.is_affine_outputs(out), "wf_v2_not_line")
    _expect_learns(k, "v2_learn", hidden)


# --- loss and optimizer ---------------------------------------------------------------------------------------

@c.check("loss_and_optimizer")
def check_loss_and_optimizer(k, hidden=False):
    g = torch.Generator().manual_seed(LOSS_SEEDS[hidden])
    a, b = torch.randn(20, 1, generator=g), torch.randn(20, 1, generator=g)
    got = _ask(k, "loss_and_optimizer", a=a, b=b)
    _expect_keys(got, "loss_and_optimizer", "is_module")
    c.expect(got["is_module"] is True, "not_module_class", name="model_0")
    _expect_keys(got, "loss_and_optimizer", "loss", "optimizer", "is_sgd")
    expected = float((a - b).abs().mean())
    loss = got["loss"]
    got_value = c.number(loss) if type(loss) is torch.Tensor else loss
    if type(got_value) is not float or not math.isclose(got_value, expected, rel_tol=1e-5):
        if type(got_value) is float and math.isclose(got_value, float(((a - b) ** 2).mean()), rel_tol=1e-5):
            raise CheckFailure("wf_loss_is_mse")
        raise CheckFailure("wf_loss_not_l1", expected=expected, got=_shown(loss))
    c.expect(got["is_sgd"] is True, "wf_optimizer_not_sgd", got=str(_shown(got["optimizer"]))[:80])
    _expect_keys(got, "loss_and_optimizer", "same_params", "lrs")
    c.expect(got["same_params"] is True, "wf_optimizer_params")
    lrs = got["lrs"]
    c.expect(type(lrs) is list and len(lrs) > 0, "bad_answer", error="loss_and_optimizer")
    for lr in lrs:
        value = c.number(lr)
        c.expect(value is not None, "bad_answer", error="loss_and_optimizer")
        c.expect(1e-3 <= value <= 0.1, "wf_lr", lr=value)


# --- the training and test loop ----------------------------------------------------------------------------------

def _expect_calls(calls) -> list[list]:
    """The recording model's forward passes: ``[rows, training, grad enabled]`` each."""
    ok = type(calls) is list and all(
        type(call) is list and len(call) == 3 and type(call[0]) is int and type(call[1]) is bool
        and type(call[2]) is bool for call in calls)
    c.expect(ok, "bad_answer", error="train_and_test")
    return calls


# ``train_and_test`` is two tests on one run of the student's loop, so that one wrong detail costs only its own
# points: ``train_and_test`` (the learning: the given optimizer, gradients zeroed every epoch, the line learned)
# and ``train_and_test_modes`` (train and eval mode, the test pass without gradient tracking, the returned
# losses).

def _start_model() -> ReferenceLinearRegression:
    """The grader's model as the kernel's recording model starts: weight = bias = 0."""
    model = ReferenceLinearRegression()
    with torch.no_grad():
        for p in model.parameters():
            p.zero_()
    return model


def _l1(model: ReferenceLinearRegression, X: torch.Tensor, y: torch.Tensor) -> float:
    with torch.inference_mode():
        return float(nn.L1Loss()(X * model.weights + model.bias, y))


def _train_and_test_run(k, hidden: bool) -> tuple[tuple, dict, ReferenceLinearRegression]:
    """The student's loop on the grader's recording model, optimizer and line: ``(the line's weight and bias
    with its split, the answer, a model holding the returned state)``."""
    weight, bias, start, end, step = TRAIN_LINES[hidden]
    X_train, y_train, X_test, y_test = split(*line(weight, bias, start, end, step))
    got = _ask(k, "train_and_test", X_train=X_train, y_train=y_train, X_test=X_test, y_test=y_test,
               epochs=TRAIN_EPOCHS, lr=TRAIN_LR)
    _expect_keys(got, "train_and_test", "history", "calls", "steps", "cleared", "piled_up", "state")
    trained = _start_model()
    c.load_state(trained, got["state"], "train_and_test")
    return (weight, bias, X_train, y_train, X_test, y_test), got, trained


@c.check("train_and_test")
def check_train_and_test(k, hidden=False):
    """The learning, judged on the returned state and the optimizer's record. The modes, the test pass and
    the returned losses are ``train_and_test_modes``'s test."""
    (weight, bias, X_train, y_train, _, _), got, trained = _train_and_test_run(k, hidden)
    steps, cleared, piled_up = _ints([got["steps"], got["cleared"], got["piled_up"]], "train_and_test")
    # most steps, not all: a sum of past gradients can now and then equal this epoch's own (or zero)
    c.expect(cleared <= steps // 2, "wf_zero_grad_order")
    c.expect(piled_up <= steps // 2, "wf_zero_grad")
    start = _start_model()
    c.expect(any(not torch.equal(a, b) for a, b in zip(start.state_dict().values(), trained.state_dict().values())),
             "params_unchanged")
    c.expect(steps >= TRAIN_EPOCHS, "wf_given_optimizer", steps=steps, epochs=TRAIN_EPOCHS)
    c.expect_loss_decrease([_l1(start, X_train, y_train), _l1(trained, X_train, y_train)], 0.25)
    got_weight, got_bias = float(trained.weights), float(trained.bias)
    c.expect(abs(got_weight - weight) <= TOLERANCE and abs(got_bias - bias) <= TOLERANCE, "wf_not_learned",
             weight=weight, bias=bias, got_weight=got_weight, got_bias=got_bias, tol=TOLERANCE,
             advice=f"({TRAIN_EPOCHS} epok, SGD lr={TRAIN_LR}, L1)")


@c.check("train_and_test_modes")
def check_train_and_test_modes(k, hidden=False):
    """How the loop runs the model (train mode for the training passes; eval mode and no gradient tracking for
    the test passes) and what it returns (a loss per epoch; the last test loss the host's measurement of the
    returned state). Whether the model learns is ``train_and_test``'s test."""
    (_, _, X_train, _, X_test, y_test), got, trained = _train_and_test_run(k, hidden)
    history = got["history"]
    c.expect_history(history, "train_and_test", ("train_loss", "test_loss"), TRAIN_EPOCHS)
    calls = _expect_calls(got["calls"])
    # training passes: the train data with gradients on (a pass on the train data inside inference_mode,
    # e.g. for a plot, is an evaluation and may run in eval mode)
    train_calls = [call for call in calls if call[0] == len(X_train) and call[2]]
    test_calls = [call for call in calls if call[0] == len(X_test)]
    c.expect(test_calls, "wf_no_test_pass")
    c.expect(all(training for _, training, _ in train_calls), "wf_train_mode")
    c.expect(not any(training for _, training, _ in test_calls), "wf_eval_mode")
    c.expect(not any(grad for _, _, grad in test_calls), "wf_test_grad")
    expected = _l1(trained, X_test, y_test)
    got_loss = float(history["test_loss"][-1])
    if not math.isclose(got_loss, expected, rel_tol=1e-3, abs_tol=1e-5):
        raise CheckFailure("wf_test_loss_mismatch", got=got_loss, expected=expected)


# --- saving and loading ----------------------------------------------------------------------------------------

def _model_to_save(model_class: type[nn.Module], seed: int, hidden: bool) -> tuple[nn.Module, torch.Tensor]:
    """The host's model to save (parameters unlike a fresh model's) and the inputs to run it on."""
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        model = model_class()
        with torch.no_grad():
            for p in model.parameters():
                p.add_(torch.randn_like(p))  # not what a fresh model would draw
            if hidden:
                model.layers[1].running_mean.normal_()
                model.layers[1].running_var.uniform_(0.5, 2.0)
        X = torch.randn(8, 3 if hidden else 1)
    model.eval()
    return model, X


def _expect_state_dict_file(content, keys: list[str]) -> None:
    """The saved file, as the kernel read it back: the model's state_dict, not the model itself."""
    _expect_keys(content, "save_load", "kind", "type")
    if content["kind"] == "module":
        raise CheckFailure("wf_saved_whole_model")
    got = str(_shown(content["type"]))[:80]
    c.expect(content["kind"] == "data", "wf_saved_wrong", got=got, keys=keys)
    c.expect(content.get("keys") == sorted(keys), "wf_saved_wrong", got=got, keys=keys)


@c.check("save_load")
def check_save_load(k, hidden=False):
    kind = "small_net" if hidden else "linear"
    model_class = SAVED_MODELS[kind]
    file_name = "small_net.pth" if hidden else "model_0.pth"
    model, X = _model_to_save(model_class, SAVE_SEEDS[hidden], hidden)
    with torch.inference_mode():
        expected = model(X)
    state = {name: t.clone() for name, t in model.state_dict().items()}
    got = _ask(k, "save_load", kind=kind, state=state, X=X, file_name=file_name)
    _expect_keys(got, "save_load", "saved")
    c.expect(got["saved"] is True, "wf_not_saved", path=file_name)
    _expect_keys(got, "save_load", "content")
    _expect_state_dict_file(got["content"], list(state))
    _expect_keys(got, "save_load", "instance", "type", "same")
    c.expect(got["instance"] is True, "wf_load_not_model", cls=model_class.__name__,
             got=str(_shown(got["type"]))[:80])
    c.expect(got["same"] is False, "wf_load_same_model")
    # the loaded model's behaviour, judged here: its outputs on the host's inputs, and its state in the
    # host's own copy of the class giving exactly the saved model's outputs
    _expect_keys(got, "save_load", "outputs", "state")
    outputs = got["outputs"]
    c.expect(type(outputs) is torch.Tensor and outputs.shape == expected.shape and outputs.dtype == expected.dtype
             and torch.allclose(outputs, expected, rtol=1e-4, atol=1e-5), "wf_not_loaded")
    loaded = model_class()
    c.load_state(loaded, got["state"], "load_model")
    loaded.eval()
    with torch.inference_mode():
        c.expect(torch.equal(loaded(X), expected), "wf_not_loaded")


# --- all together ------------------------------------------------------------------------------------------------

@c.check("model_1")
def check_model_1(k, hidden=False):
    g = torch.Generator().manual_seed(MODEL_1_SEEDS[hidden])
    low, high = (1.0, 1.5) if hidden else (0.0, 1.0)  # hidden: a little beyond the data
    X = low + (high - low) * torch.rand(200, 1, generator=g)
    got = _ask(k, "model_1", X=X)
    _expect_keys(got, "model_1", "is_module")
    c.expect(got["is_module"] is True, "not_module_class", name="model_1")
    _expect_keys(got, "model_1", "outputs")
    out = c.expect_tensor(got["outputs"], "model_1(X)", shape=(200, 1))
    c.expect(not out.is_complex(), "bad_answer", error="model_1")
    error = float((out - (WEIGHT * X + BIAS)).abs().mean())
    c.expect(error <= MODEL_1_TOLERANCE, "wf_model_1_off", error=error, tol=MODEL_1_TOLERANCE)


ASSIGNMENT = Assignment("01_is_akisi", "is_akisi", (
    TestSpec("data", 2, ("weight", "bias", "X", "y", "X_train", "y_train", "X_test", "y_test"), check_data),
    TestSpec("linear_regression_model", 2, ("LinearRegressionModel",), check_linear_regression_model),
    TestSpec("loss_and_optimizer", 1, ("model_0", "loss_fn", "optimizer"), check_loss_and_optimizer),
    TestSpec("train_and_test", 2, ("train_and_test",), check_train_and_test),
    TestSpec("train_and_test_modes", 1, ("train_and_test",), check_train_and_test_modes, solution="train_and_test"),
    TestSpec("save_load", 2, ("save_model", "load_model"), check_save_load),
    TestSpec("linear_regression_model_v2", 2, ("LinearRegressionModelV2",), check_linear_regression_model_v2),
    TestSpec("model_1", 2, ("model_1",), check_model_1),
))
