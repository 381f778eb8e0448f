"""Checks of ``04_tinyvgg`` (computer vision with a CNN: TinyVGG on offline handwritten digits).

Host side: the grader chooses every input (visible seeds, or hidden ones derived from the
instructor's secret), keeps the labels of what it measures accuracy on, and decides from the
plain data the kernel's probes (``probes.py``) return:

* ``tinyvgg_model``: the student's class is built in the kernel for several (channels, hidden
  units, classes, batch size) settings; the kernel reports its Conv2d/Linear layers, its output on
  the host's random images and the layers' weights in the order the forward pass called them.
  The host checks the layers (4 Conv2d 3x3 padding 1, one Linear with ``hidden_units*7*7``
  inputs) and recomputes the contract's computation, (Conv2d, ReLU, Conv2d, ReLU, max-pool 2) x 2,
  Flatten, Linear, from those weights itself: any way of writing it passes (``nn.Sequential`` or
  not, functional ReLU/pooling, ``nn.LazyLinear``); a mismatch is diagnosed (missing ReLU, softmax
  in ``forward``, avg-pool, ...). The parameter count is compared with the reference's.
* ``train_step`` / ``test_step``: run in the kernel on the grader's reference TinyVGG
  (:mod:`autograder.vision`) and data; the host repeats the same batches on its own copy and
  compares the returned parameters (one optimizer step per batch, gradients zeroed) and the
  returned mean loss / accuracy (0-1) with its own measurements. Forward hooks in the kernel
  report the model's mode and whether gradients were tracked. ``train_step`` is two tests, so that
  one wrong detail costs only its own points: ``train_step`` (the mode and the updates) and
  ``train_step_values`` (the returned mean loss and accuracy, measured with an optimizer of
  learning rate 0, so the values do not depend on the updates being right).
* ``train``: the loop runs in the kernel with the grader's reference steps bound in place of the
  student's (so a broken step does not cost the loop's points); the host replays it.
* ``training``: the student's ``TinyVGG`` trained with the student's ``train_step`` on the
  grader's training data must reach ``TRAINING_THRESHOLD`` accuracy on held-out images, and its
  training loss must halve. The held-out images (and their labels) never leave the host: the
  kernel returns the model's layers and weights before and after training and its outputs on
  random confirmation images; the host rebuilds the model from those weights (the contract's
  computation, or the typical mistake that gives the kernel's outputs, e.g. a missing ReLU),
  confirms its copy gives those outputs, and computes every loss and held-out logit itself.
  Budget: 3 epochs of batch 32 over about 1,440 images (135 optimizer steps; Adam
  with the per-epoch learning rates ``TRAINING_LRS``) and at most ``TRAINING_TIME_LIMIT``
  seconds of wall time per run, trained with one thread (``checks.compute_threads``). Measured
  with the reference solution on the shared 2-core machine: 2.2-2.5 s of CPU time a run (5-6 s
  wall under a load of 4-7); with other seeds, 14 runs each reached 93.0-96.7 % (visible) and
  95.3-97.5 % (hidden).
* ``hidden_units_sweep``: the student's own sweep (one TinyVGG per ``SWEEP_HIDDEN_UNITS`` value, trained
  two epochs on the digits). The kernel returns ``sweep_results``, ``best_hidden_units`` and, for each
  model of ``sweep_models``, its layers, weights and outputs on random confirmation images; the host
  rebuilds each model (as for ``training``), measures it on the notebook's test digits itself (the
  recorded accuracies must agree with that) and on its own resampled digits in the hidden test, and
  checks that the best model learned and that ``best_hidden_units`` is (within a tolerance) the best
  by the host's measurement.
* ``dataloaders`` and ``save_load`` are about objects only the kernel holds: their settings,
  first batches, the saved file and both models' outputs are reported and judged here.

Visible and hidden checks use other hidden sizes, seeds, data splits and image resampling. Hidden seeds
sent to the kernel (its inputs, its model's start, its shuffles) are ``SEEDS.kernel`` ones, independent
of ``SEEDS[True]``, which picks the held-out split and never leaves the host.
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn

import autograder.assignments.tinyvgg.messages  # noqa: F401  (registers the texts)
from autograder import checks as c
from autograder import vision
from autograder.assignments import Assignment, TestSpec
from autograder.assignments.tinyvgg.reference import (
    BATCH_SIZE,
    HISTORY_KEYS,
    IMAGE_SIZE,
    ReferenceTinyVGG,
    digits,
    grader_split,
    make_optimizer,
    parameter_count,
    reference_test_step,
    reference_train_step,
    subset,
)
from autograder.data import SPLIT_SEED, split_indices
from autograder.errors import CheckFailure

SEEDS = c.seeds(0, 1)  # offsets the hidden seeds of every check (the defaults below apply without a secret)

# tinyvgg_model: (input_shape, hidden_units, output_shape, batch size)
MODEL_CASES = {
    False: ((1, 10, 10, 4), (3, 8, 5, 1)),
    True: ((1, 16, 10, 2), (3, 5, 3, 3), (2, 7, 4, 1)),
}

# The training check: the student's TinyVGG + train_step on the grader's data.
TRAINING = {
    False: {"hidden_units": 10, "seed": 0, "split_seed": 42, "mode": "bilinear"},
    True: {"hidden_units": 12, "seed": 1, "split_seed": 1234, "mode": "bicubic"},
}
TRAINING_LRS = (3e-3, 3e-3, 1e-3)  # Adam, one learning rate per epoch: the last, smaller one steadies the result
TRAINING_EPOCHS = len(TRAINING_LRS)
TRAINING_THRESHOLD = 90.0        # percent, held-out digits
TRAINING_TIME_LIMIT = 120.0      # seconds of wall time for one run of TRAINING_EPOCHS epochs
TRAINING_LOSS_FRACTION = 0.5     # the grader's training-set loss must at least halve
TRAINING_CHECK_IMAGES = 16       # random images on which the kernel's outputs confirm the host's copy of the model

NOTEBOOK_EPOCHS = 5              # the epochs of the notebook's own training (``model_results``)

# The hidden-unit sweep: the student's models, measured here.
SWEEP_HIDDEN_UNITS = (2, 8)      # the notebook's HIDDEN_UNITS_VALUES
SWEEP_MIN_ACC = 0.5              # the best model of the sweep must learn (0-1)
SWEEP_VALUE_TOL = 0.03           # a recorded test accuracy against the host's measurement of the same model
SWEEP_BEST_TOL = 0.05            # best_hidden_units may lose to another value by at most this much
SWEEP_CHECK_IMAGES = 16

__all__ = ["ASSIGNMENT", "BATCH_SIZE", "HISTORY_KEYS", "IMAGE_SIZE", "MODEL_CASES", "ReferenceTinyVGG", "SEEDS",
           "TRAINING", "TRAINING_EPOCHS", "TRAINING_LOSS_FRACTION", "TRAINING_LRS", "TRAINING_THRESHOLD",
           "TRAINING_TIME_LIMIT", "SWEEP_HIDDEN_UNITS", "SWEEP_MIN_ACC", "SWEEP_VALUE_TOL", "SWEEP_BEST_TOL",
           "check_confusion_matrix", "check_dataloaders", "check_hidden_units_sweep", "check_save_load",
           "check_test_step", "check_tinyvgg_model", "check_train", "check_train_step", "check_train_step_values",
           "check_training", "grader_split",
           "parameter_count", "reference_test_step", "reference_train_step"]


def _seed(hidden: bool, visible: int, hidden_default: int) -> int:
    """The seed of what stays on the host (the training check's split): ``visible``, or the hidden default
    shifted by the secret's offset. Never sent to the kernel, nor anything computed from it but the training
    images themselves."""
    if not hidden:
        return visible
    return (SEEDS[True] - SEEDS.hidden + hidden_default) % 2**31


def _sendable(hidden: bool) -> torch.Tensor | None:
    """The digits other checks may send to the kernel: in hidden checks, only the training check's training
    digits (never one it measures on); visible checks draw from all."""
    if not hidden:
        return None
    split = TRAINING[True]["split_seed"]
    return split_indices(digits("bilinear")[1], _seed(True, split, split))[0]


def _kernel_seed(hidden: bool, visible: int, label: str) -> int:
    """The seed of what the kernel sees (its inputs, its model's start, its shuffles): ``visible``, or a hidden
    seed independent of ``SEEDS[True]`` (:meth:`checks.Seeds.kernel`), so nothing the kernel gets leads back
    to the hidden split."""
    return SEEDS.kernel(True, label) if hidden else visible


# --- reading the kernel's answers ---------------------------------------------------------------------------

def _answer(got, name: str, *keys: str) -> dict:
    """A probe's answer: a dict with at least ``keys``."""
    c.expect(type(got) is dict and all(key in got for key in keys), "bad_answer", error=name)
    return got


def _tensor(x, name: str, **kwargs) -> torch.Tensor:
    """A returned tensor (exactly ``torch.Tensor``), then shape and dtype as :func:`checks.expect_tensor`."""
    c.expect(type(x) is torch.Tensor, "not_tensor", name=name, got=c.type_name(x))
    return c.expect_tensor(x, name, **kwargs)


def _two_numbers(result, name: str) -> tuple[float, float]:
    shown = c.type_name(result)
    if type(result) in (tuple, list) and len(result) == 2:
        values = [c.number(v) for v in result]
        if None not in values and all(math.isfinite(v) for v in values):
            return values[0], values[1]
        shown = f"({', '.join(c.type_name(v) for v in result)})"
    raise CheckFailure("tinyvgg_step_return", name=name, got=shown)


def _forward_failure(error, cell: str) -> CheckFailure:
    """The failure for an error of the student's forward pass; shape errors get a TinyVGG-specific hint
    (the 7x7, the NCHW channels)."""
    if type(error) is not dict:
        return CheckFailure("bad_answer", error="forward")
    failure = c.explain_error(str(error.get("type", "Error"))[:80], str(error.get("message", ""))[:2000], cell)
    text = str(failure.params.get("error", ""))
    if "mat1 and mat2 shapes cannot be multiplied" in text:
        failure.hint = "hint_tinyvgg_flatten"
    elif "channels, but got" in text:
        failure.hint = "hint_tinyvgg_channels"
    return failure


def _expect_step_values(name: str, got: tuple[float, float], losses, accs, sizes,
                        other_losses=None) -> None:
    """Compare what a step returned with the grader's per-batch measurements (loss, accuracy 0-1)."""
    loss_means, acc_means = vision.batch_means(losses, sizes), vision.batch_means(accs, sizes)
    got_loss, got_acc = got
    if not any(vision.value_close(got_loss, m, True) for m in loss_means):
        if (any(vision.value_close(got_loss, m, False) for m in acc_means)
                and any(vision.value_close(got_acc, m, True) for m in loss_means)):
            raise CheckFailure("tinyvgg_step_swapped", name=name)
        if other_losses and any(vision.value_close(got_loss, m, True) for m in vision.batch_means(other_losses, sizes)):
            raise CheckFailure("tinyvgg_loss_fn_ignored", name=name)
        if len(losses) > 1 and vision.value_close(got_loss, sum(losses), True):
            raise CheckFailure("tinyvgg_loss_not_averaged", name=name, got=got_loss, expected=loss_means[0])
        raise CheckFailure("tinyvgg_loss_mismatch", name=name, got=got_loss, expected=loss_means[0])
    if not any(vision.value_close(got_acc, m, False) for m in acc_means):
        if any(vision.value_close(got_acc / 100, m, False) for m in acc_means) and got_acc > 1:
            raise CheckFailure("tinyvgg_accuracy_percent", name=name, got=got_acc, expected=acc_means[0])
        if len(accs) > 1 and vision.value_close(got_acc, sum(accs), False):
            raise CheckFailure("tinyvgg_acc_not_averaged", name=name, got=got_acc, expected=acc_means[0])
        raise CheckFailure("tinyvgg_acc_mismatch", name=name, got=got_acc, expected=acc_means[0])


def _device(got: dict) -> str:
    return got.get("device") if type(got.get("device")) is str else "?"


def _replay_train(model, batches, loss_fn, optimizer, zero_grad=True):
    return vision.replay_train(model, batches, loss_fn, optimizer, "cpu", zero_grad)


def _reference_with(hidden_units: int, state: dict) -> nn.Module:
    model = ReferenceTinyVGG(1, hidden_units, 10)
    model.load_state_dict(state)
    return model


def _state(model: nn.Module) -> dict:
    return {name: t.detach().clone() for name, t in model.state_dict().items()}


def _unchanged(initial: dict, model: nn.Module) -> bool:
    return all(torch.equal(initial[n], t) for n, t in model.state_dict().items())


# --- tinyvgg_model ------------------------------------------------------------------------------------------

def _config(input_shape: int, hidden_units: int, output_shape: int) -> str:
    return f"TinyVGG(input_shape={input_shape}, hidden_units={hidden_units}, output_shape={output_shape})"


def _pair(value) -> tuple:
    return tuple(value) if type(value) in (tuple, list) else (value, value)


def _inspect_layers(layers: dict, input_shape: int, hidden_units: int, output_shape: int) -> None:
    """The kernel's report of the layers, order-free: 4 Conv2d 3x3 stride 1 padding 1 with the right
    channels, 1 Linear."""
    config = _config(input_shape, hidden_units, output_shape)
    convs, linears = layers.get("convs"), layers.get("linears")
    c.expect(type(convs) is list and type(linears) is list and all(type(x) is dict for x in convs + linears),
             "bad_answer", error="layers")
    c.expect(len(convs) == 4, "tinyvgg_conv_count", config=config, got=len(convs))
    for conv in convs:
        c.expect(_pair(conv["kernel"]) == (3, 3), "tinyvgg_conv_kernel", got=_pair(conv["kernel"]))
        c.expect(_pair(conv["stride"]) == (1, 1), "tinyvgg_conv_stride", got=_pair(conv["stride"]))
        padding = conv["padding"]
        c.expect(padding == "same" or _pair(padding) == (1, 1), "tinyvgg_conv_padding",
                 got=padding if type(padding) is str else _pair(padding))
    if not any(conv["uninitialized"] for conv in convs):
        got = sorted(_pair(conv["channels"]) for conv in convs)
        expected = sorted([(input_shape, hidden_units)] + [(hidden_units, hidden_units)] * 3)
        c.expect(got == expected, "tinyvgg_conv_channels", config=config, got=got, expected=expected)
    c.expect(len(linears) == 1, "tinyvgg_linear_count", config=config, got=len(linears))
    linear = linears[0]
    if not linear["uninitialized"]:
        c.expect(linear["in"] == hidden_units * 7 * 7, "tinyvgg_linear_in", config=config,
                 got=linear["in"], expected=hidden_units * 7 * 7)
    c.expect(linear["out"] == output_shape, "tinyvgg_linear_out", config=config,
             got=linear["out"], expected=output_shape)


def _host_conv(config: dict, weights) -> nn.Conv2d:
    """The host's own Conv2d with the settings and weights the kernel reported."""
    weights = _answer(weights, "conv_weights", "weight", "bias")
    weight, bias = _tensor(weights["weight"], "Conv2d.weight"), weights["bias"]
    c.expect(weight.dim() == 4 and weight.is_floating_point() and tuple(weight.shape[2:]) == _pair(config["kernel"]),
             "bad_answer", error="conv_weights")
    groups = config["groups"]
    c.expect(type(groups) is int and groups >= 1, "bad_answer", error="conv_weights")
    padding = config["padding"] if type(config["padding"]) is str else _pair(config["padding"])
    conv = nn.Conv2d(weight.shape[1] * groups, weight.shape[0], tuple(weight.shape[2:]), stride=_pair(config["stride"]),
                     padding=padding, dilation=_pair(config["dilation"]), groups=groups, bias=bias is not None,
                     padding_mode=config["padding_mode"])
    with torch.no_grad():
        conv.weight.copy_(weight)
        if bias is not None:
            conv.bias.copy_(_tensor(bias, "Conv2d.bias", shape=(weight.shape[0],)))
    return conv


def _host_linear(weights) -> nn.Linear:
    weights = _answer(weights, "linear_weights", "weight", "bias")
    weight, bias = _tensor(weights["weight"], "Linear.weight"), weights["bias"]
    c.expect(weight.dim() == 2 and weight.is_floating_point(), "bad_answer", error="linear_weights")
    linear = nn.Linear(weight.shape[1], weight.shape[0], bias=bias is not None)
    with torch.no_grad():
        linear.weight.copy_(weight)
        if bias is not None:
            linear.bias.copy_(_tensor(bias, "Linear.bias", shape=(weight.shape[0],)))
    return linear


def _rebuild(convs, linear, X, act=F.relu, relu_mask=(True,) * 4, pools=(F.max_pool2d, F.max_pool2d), final=None):
    """The contract's computation with the student's own layers (variants for diagnosis)."""
    x = X
    for i, conv in enumerate(convs):
        x = conv(x)
        if relu_mask[i]:
            x = act(x)
        if i in (1, 3):
            x = pools[i // 2](x, 2)
    x = linear(torch.flatten(x, 1))
    return final(x) if final else x


def _variants(convs, linear):
    """``(failure, computation)``: the contract's computation with the student's layers (``failure`` None),
    then the typical mistakes, each with the failure that names it, in the order they are tried."""
    def rebuilt(**kwargs):
        return lambda X: _rebuild(convs, linear, X, **kwargs)

    def then(final):
        return lambda X: final(_rebuild(convs, linear, X))

    yield None, rebuilt()
    for fn, final in (("softmax", lambda t: torch.softmax(t, dim=1)), ("log_softmax", lambda t: F.log_softmax(t, 1)),
                      ("sigmoid", torch.sigmoid)):
        yield CheckFailure("tinyvgg_probabilities", fn=fn), then(final)
    yield CheckFailure("tinyvgg_relu_after_linear"), then(F.relu)
    for mask in range(15):  # every subset of the four ReLUs but all four
        relu_mask = tuple(bool(mask >> i & 1) for i in range(4))
        missing = ", ".join(str(i + 1) for i in range(4) if not relu_mask[i])
        yield CheckFailure("tinyvgg_relu_missing", positions=missing), rebuilt(relu_mask=relu_mask)
    for fn, act in (("Tanh", torch.tanh), ("Sigmoid", torch.sigmoid), ("GELU", F.gelu), ("LeakyReLU", F.leaky_relu),
                    ("ELU", F.elu), ("SiLU", F.silu)):
        yield CheckFailure("tinyvgg_not_relu", fn=fn), rebuilt(act=act)
    for pools in ((F.avg_pool2d, F.avg_pool2d), (F.avg_pool2d, F.max_pool2d), (F.max_pool2d, F.avg_pool2d)):
        yield CheckFailure("tinyvgg_avgpool"), rebuilt(pools=pools)


def _diagnose_architecture(convs, linear, X, out, config, device: str = "cpu") -> None:
    """``out`` (the kernel's) against the contract's computation on the host; on another device than the
    CPU the two may differ a little more (another convolution algorithm)."""
    rtol, atol = (1e-4, 1e-5) if device == "cpu" else (1e-3, 1e-4)
    for failure, computation in _variants(convs, linear):
        if torch.allclose(out, computation(X), rtol=rtol, atol=atol):
            if failure is None:
                return
            raise failure
    raise CheckFailure("tinyvgg_architecture", config=config)


def _host_layers(got: dict, layers: dict, config: str, hidden_units: int):
    """The host's own Conv2d and Linear layers with the settings and weights the kernel reported, in the
    order the forward pass called them: ``(convs, linear, all conv layers, all linear layers)``."""
    trace, conv_weights, linear_weights = got["trace"], got["conv_weights"], got["linear_weights"]
    c.expect(type(trace) is list and trace and all(
        type(t) is dict and t.get("kind") in ("conv", "linear") and type(t.get("index")) is int
        and type(t.get("shape")) is list for t in trace), "bad_answer", error="trace")
    c.expect(type(conv_weights) is list and len(conv_weights) == len(layers["convs"])
             and type(linear_weights) is list and len(linear_weights) == len(layers["linears"]),
             "bad_answer", error="weights")
    conv_layers = [_host_conv(cfg, w) for cfg, w in zip(layers["convs"], conv_weights)]
    linear_layers = [_host_linear(w) for w in linear_weights]
    c.expect(all(0 <= t["index"] < len(conv_layers if t["kind"] == "conv" else linear_layers) for t in trace),
             "bad_answer", error="trace")
    conv_calls = [t for t in trace if t["kind"] == "conv"]
    linear_calls = [t for t in trace if t["kind"] == "linear"]
    sizes = [tuple(t["shape"][2:]) for t in conv_calls]
    expected_sizes = [(28, 28), (28, 28), (14, 14), (14, 14)]
    if len(conv_calls) == 4 and sizes != expected_sizes:
        raise CheckFailure("tinyvgg_pool_positions", got=[s[0] for s in sizes], expected=[s[0] for s in expected_sizes])
    if (len(conv_calls) != 4 or len({t["index"] for t in conv_calls}) != 4 or len(linear_calls) != 1
            or trace[-1]["kind"] != "linear"):
        raise CheckFailure("tinyvgg_architecture", config=config)
    linear_input = tuple(linear_calls[0]["shape"])
    if linear_input[1:] != (hidden_units * 7 * 7,):  # e.g. nn.LazyLinear after a single pooling
        raise CheckFailure("tinyvgg_linear_in", config=config, got=linear_input[-1], expected=hidden_units * 7 * 7)
    convs = [conv_layers[t["index"]] for t in conv_calls]
    return convs, linear_layers[linear_calls[0]["index"]], conv_layers, linear_layers


def _check_one_model(k, input_shape: int, hidden_units: int, output_shape: int, batch: int, seed: int) -> None:
    config = _config(input_shape, hidden_units, output_shape)
    X = torch.rand(batch, input_shape, IMAGE_SIZE, IMAGE_SIZE, generator=torch.Generator().manual_seed(seed))
    got = _answer(k.ask("tinyvgg_model", input_shape=input_shape, hidden_units=hidden_units,
                        output_shape=output_shape, X=X), "tinyvgg_model", "layers")
    layers = _answer(got["layers"], "layers", "convs", "linears")
    _inspect_layers(layers, input_shape, hidden_units, output_shape)
    if "forward_error" in got:
        raise _forward_failure(got["forward_error"], "tinyvgg_model")
    got = _answer(got, "tinyvgg_model", "out", "trace", "conv_weights", "linear_weights", "parameters")
    out = _tensor(got["out"], f"{config}(X)", shape=(batch, output_shape), dtype=torch.float32)
    c.expect_finite(out, f"{config}(X)")
    if bool(out.min() >= 0) and bool(out.max() <= 1) and torch.allclose(out.sum(dim=1), torch.ones(batch), atol=1e-4):
        raise CheckFailure("tinyvgg_probabilities", fn="softmax")
    with torch.no_grad():
        conv_layers_called, linear, conv_layers, linear_layers = _host_layers(got, layers, config, hidden_units)
        try:
            _diagnose_architecture(conv_layers_called, linear, X, out, config, _device(got))
        except RuntimeError:  # a variant that cannot even run: not the contract's computation
            raise CheckFailure("tinyvgg_architecture", config=config) from None
    reference = parameter_count(ReferenceTinyVGG(input_shape, hidden_units, output_shape))
    count = got["parameters"]
    c.expect(type(count) is int, "bad_answer", error="parameters")
    c.expect(count == reference, "tinyvgg_param_count", config=config, got=count, expected=reference)
    reported = sum(parameter_count(m) for m in (*conv_layers, *linear_layers))
    c.expect(reported == count, "bad_answer", error="parameters")


@c.check("tinyvgg_model")
def check_tinyvgg_model(k, hidden=False):
    for i, (input_shape, hidden_units, output_shape, batch) in enumerate(MODEL_CASES[hidden]):
        _check_one_model(k, input_shape, hidden_units, output_shape, batch,
                         seed=_kernel_seed(hidden, i, f"tinyvgg_model/{i}"))


# --- train_step ---------------------------------------------------------------------------------------------

TRAIN_STEP_CASES = {
    # images, data seed, batch size, hidden units, optimizer, label smoothing of the loss
    False: {"n": 96, "seed": 11, "batch_size": 32, "hidden_units": 8, "optimizer": "sgd", "smoothing": 0.0},
    True: {"n": 100, "seed": 12, "batch_size": 32, "hidden_units": 6, "optimizer": "adam", "smoothing": 0.1},
}


def _step_data(case: dict, hidden: bool, seed: int):
    """The grader's data for a train/test step case: ``X, y``, the batches (for the replays), their sizes
    and the case's loss function."""
    X, y = subset(case["n"], seed, "bicubic" if hidden else "bilinear", among=_sendable(hidden))
    batches = vision.batches(X, y, case["batch_size"])
    return X, y, batches, [len(b[1]) for b in batches], nn.CrossEntropyLoss(label_smoothing=case["smoothing"])


@c.check("train_step")
def check_train_step(k, hidden=False):
    case = TRAIN_STEP_CASES[hidden]
    seed = _kernel_seed(hidden, case["seed"], "train_step")
    X, y, batches, sizes, loss_fn = _step_data(case, hidden, seed)
    torch.manual_seed(seed)
    model = ReferenceTinyVGG(1, case["hidden_units"], 10)
    initial = _state(model)
    got = _answer(k.ask("train_step", hidden_units=case["hidden_units"], state=initial, X=X, y=y,
                        batch_size=case["batch_size"], optimizer=case["optimizer"], smoothing=case["smoothing"]),
                  "train_step", "calls", "state")
    calls = vision.forward_calls(got["calls"])
    c.expect(bool(calls), "tinyvgg_step_no_forward", name="train_step")
    c.expect(all(call["training"] for call in calls), "tinyvgg_train_mode")
    c.load_state(model, got["state"], "train_step")
    c.expect(not _unchanged(initial, model), "tinyvgg_no_update")
    device = _device(got)

    def replay(zero_grad=True, loss=loss_fn):
        twin = _reference_with(case["hidden_units"], initial)
        losses, accs = _replay_train(twin, batches, loss, make_optimizer(case["optimizer"], twin.parameters()),
                                     zero_grad)
        return twin, losses, accs

    twin, losses, accs = replay()
    if not vision.same_params(model, twin, device=device):
        if vision.same_params(model, replay(zero_grad=False)[0], device=device):
            raise CheckFailure("tinyvgg_zero_grad")
        if case["smoothing"] and vision.same_params(model, replay(loss=nn.CrossEntropyLoss())[0], device=device):
            raise CheckFailure("tinyvgg_loss_fn_ignored", name="train_step")
        raise CheckFailure("tinyvgg_train_step_params")


@c.check("train_step_values")
def check_train_step_values(k, hidden=False):
    """What ``train_step`` returns: ``(mean loss, accuracy 0-1)``. The optimizer has learning rate 0, so the
    parameters stay put and the values are the host's measurement of the (fitted) reference model, however the
    student updates; the updates are ``train_step``'s own test."""
    case = TRAIN_STEP_CASES[hidden]
    seed = _kernel_seed(hidden, case["seed"] + 100, "train_step_values")
    X, y, batches, sizes, loss_fn = _step_data(case, hidden, seed)
    model = _pretrained_reference(case["hidden_units"], seed)
    got = _answer(k.ask("train_step", hidden_units=case["hidden_units"], state=_state(model), X=X, y=y,
                        batch_size=case["batch_size"], optimizer="frozen", smoothing=case["smoothing"]),
                  "train_step", "result", "calls")
    result = _two_numbers(got["result"], "train_step")
    c.expect(bool(vision.forward_calls(got["calls"])), "tinyvgg_step_no_forward", name="train_step")
    losses, accs = vision.measure(model, batches, loss_fn, "cpu")
    other = vision.measure(model, batches, nn.CrossEntropyLoss(), "cpu")[0] if case["smoothing"] else None
    _expect_step_values("train_step", result, losses, accs, sizes, other)


# --- test_step ----------------------------------------------------------------------------------------------

TEST_STEP_CASES = {
    False: {"n": 64, "seed": 21, "batch_size": 32, "hidden_units": 8, "smoothing": 0.0},
    True: {"n": 90, "seed": 22, "batch_size": 32, "hidden_units": 6, "smoothing": 0.1},
}


def _pretrained_reference(hidden_units: int, seed: int) -> nn.Module:
    """A reference TinyVGG whose classifier is fitted (ridge regression on its random convolution features) to
    160 digits: confident and mostly right, so a loss option such as label smoothing shows in the values and
    accuracies differ between batches, whatever the seed. (A few training steps left it near chance for many
    seeds, and then label smoothing hardly changes the loss.)"""
    torch.manual_seed(seed)
    model = ReferenceTinyVGG(1, hidden_units, 10)
    X, y = subset(160, seed + 1000)  # stays here: only the weights are sent
    with torch.no_grad():
        features = model.conv_block_2(model.conv_block_1(X)).flatten(1)
        features = torch.cat([features, torch.ones(len(X), 1)], dim=1)
        gram = features.T @ features + 0.1 * torch.eye(features.shape[1])
        weights = torch.linalg.solve(gram, features.T @ F.one_hot(y, 10).float())
        weights *= 2.0 / (features @ weights).std()  # logits of standard deviation 2
        model.classifier[1].weight.copy_(weights[:-1].T)
        model.classifier[1].bias.copy_(weights[-1])
    return model


@c.check("test_step")
def check_test_step(k, hidden=False):
    case = TEST_STEP_CASES[hidden]
    seed = _kernel_seed(hidden, case["seed"], "test_step")
    X, y, batches, sizes, loss_fn = _step_data(case, hidden, seed)
    model = _pretrained_reference(case["hidden_units"], seed)
    initial = _state(model)
    got = _answer(k.ask("test_step", hidden_units=case["hidden_units"], state=initial, X=X, y=y,
                        batch_size=case["batch_size"], smoothing=case["smoothing"]),
                  "test_step", "result", "calls", "state", "grads")
    result = _two_numbers(got["result"], "test_step")
    calls = vision.forward_calls(got["calls"])
    c.expect(bool(calls), "tinyvgg_step_no_forward", name="test_step")
    c.expect(not any(call["training"] for call in calls), "tinyvgg_eval_mode")
    c.expect(not any(call["grad"] for call in calls), "tinyvgg_grad_enabled")
    c.load_state(model, got["state"], "test_step")
    c.expect(_unchanged(initial, model) and got["grads"] is False, "tinyvgg_test_changed")
    losses, accs = vision.measure(model, batches, loss_fn, "cpu")
    other = vision.measure(model, batches, nn.CrossEntropyLoss(), "cpu")[0] if case["smoothing"] else None
    _expect_step_values("test_step", result, losses, accs, sizes, other)


# --- train (the loop) ---------------------------------------------------------------------------------------

TRAIN_CASES = {
    # sizes are multiples of the batch size, so per-batch and per-sample means agree
    False: {"n_train": 96, "n_test": 64, "seed": 31, "hidden_units": 6, "epochs": 2},
    True: {"n_train": 128, "n_test": 64, "seed": 32, "hidden_units": 5, "epochs": 3},
}


def _history_lists(history, epochs: int) -> dict[str, list[float]]:
    def bad(problem):
        return CheckFailure("history_bad", name="train", keys=", ".join(HISTORY_KEYS), epochs=epochs, problem=problem)

    return c.history_lists(history, HISTORY_KEYS, epochs, bad)


@c.check("train")
def check_train(k, hidden=False):
    case = TRAIN_CASES[hidden]
    seed = _kernel_seed(hidden, case["seed"], "train")
    X, y = subset(case["n_train"] + case["n_test"], seed, among=_sendable(hidden))
    X_train, y_train = X[:case["n_train"]], y[:case["n_train"]]
    X_test, y_test = X[case["n_train"]:], y[case["n_train"]:]
    train_batches, test_batches = vision.batches(X_train, y_train), vision.batches(X_test, y_test)
    loss_fn = nn.CrossEntropyLoss()
    torch.manual_seed(seed)
    model = ReferenceTinyVGG(1, case["hidden_units"], 10)
    initial = _state(model)
    got = _answer(k.ask("train", hidden_units=case["hidden_units"], state=initial, X_train=X_train, y_train=y_train,
                        X_test=X_test, y_test=y_test, epochs=case["epochs"]), "train", "history", "state")
    lists = _history_lists(got["history"], case["epochs"])
    c.load_state(model, got["state"], "train")
    c.expect(not _unchanged(initial, model), "params_unchanged")
    device = _device(got)

    # Replay: the same epochs with the grader's steps, from the same start.
    twin = _reference_with(case["hidden_units"], initial)
    twin_optimizer = make_optimizer("adam3", twin.parameters())
    expected = {key: [] for key in HISTORY_KEYS}
    matches_epoch = None
    for epoch in range(2 * case["epochs"] + 1):  # also recognizes e.g. two train_step calls per epoch
        train_loss, train_acc = reference_train_step(twin, train_batches, loss_fn, twin_optimizer, "cpu")
        test_loss, test_acc = reference_test_step(twin, test_batches, loss_fn, "cpu")
        if epoch < case["epochs"]:
            for key, value in zip(HISTORY_KEYS, (train_loss, train_acc, test_loss, test_acc)):
                expected[key].append(value)
        if matches_epoch is None and vision.same_params(model, twin, device=device):
            matches_epoch = epoch + 1
        if matches_epoch is not None and epoch + 1 >= case["epochs"]:
            break
    if matches_epoch != case["epochs"]:
        if matches_epoch is not None:
            raise CheckFailure("tinyvgg_train_epochs", got=matches_epoch, expected=case["epochs"])
        on_test = _reference_with(case["hidden_units"], initial)
        on_test_optimizer = make_optimizer("adam3", on_test.parameters())
        for _ in range(case["epochs"]):
            reference_train_step(on_test, test_batches, loss_fn, on_test_optimizer, "cpu")
        if vision.same_params(model, on_test, device=device):
            raise CheckFailure("tinyvgg_train_on_test")
        raise CheckFailure("tinyvgg_train_replay")
    for key in HISTORY_KEYS:
        is_loss = key.endswith("loss")
        if not all(vision.value_close(g, e, is_loss) for g, e in zip(lists[key], expected[key])):
            got_text = [round(v, 4) for v in lists[key]]
            expected_text = [round(v, 4) for v in expected[key]]
            if not is_loss and all(vision.value_close(g / 100, e, False) for g, e in zip(lists[key], expected[key])):
                raise CheckFailure("tinyvgg_accuracy_percent", name="train", got=lists[key][-1],
                                   expected=expected[key][-1])
            raise CheckFailure("tinyvgg_history_values", history_key=key, got=got_text, expected=expected_text)


# --- training: the student's TinyVGG with the student's train_step ----------------------------------------

def _trained_copy(report, hidden_units: int, X_check: torch.Tensor, device: str):
    """The host's own copy of the student's model from the kernel's report (its layers, its weights in the
    order the forward pass called them): the contract's computation, or the typical mistake, that gives
    the outputs the kernel returned on the confirmation images. Weights that do not give the model's own
    outputs, or a model the host cannot rebuild, fail."""
    report = _answer(report, "training", "layers")
    if report.get("forward_error") is not None:
        raise _forward_failure(report["forward_error"], "training")
    report = _answer(report, "training", "out", "trace", "conv_weights", "linear_weights")
    layers = _answer(report["layers"], "layers", "convs", "linears")
    out = _tensor(report["out"], "TinyVGG(X)", shape=(len(X_check), 10), dtype=torch.float32)
    c.expect_finite(out, "TinyVGG(X)")
    try:
        with torch.no_grad():
            convs, linear, _, _ = _host_layers(report, layers, _config(1, hidden_units, 10), hidden_units)
            for _, computation in _variants(convs, linear):
                if vision.outputs_agree(out, computation(X_check), device):
                    return computation
    except CheckFailure as exc:  # a model the contract's layers do not make up (malformed answers still say so)
        if not (exc.key.startswith("tinyvgg_") or exc.params.get("error") == "trace"):
            raise
    except RuntimeError:  # e.g. shapes that do not fit together
        pass
    raise CheckFailure("tinyvgg_training_differs", hidden_units=hidden_units)


def _loss(computation, X: torch.Tensor, y: torch.Tensor) -> float:
    """The grader's cross-entropy of its copy of the model, computed here."""
    return float(F.cross_entropy(vision.host_logits(computation, X).float(), y))


@c.check("training")
def check_training(k, hidden=False):
    results = k.ask("training_names")
    if type(results) is not dict or not all(
            type(results.get(key)) in (list, tuple) and results.get(key) for key in HISTORY_KEYS):
        raise CheckFailure("history_bad", name="model_results", keys=", ".join(HISTORY_KEYS), epochs=NOTEBOOK_EPOCHS,
                           problem=c.type_name(results))
    cfg = TRAINING[hidden]
    split_seed = _seed(hidden, cfg["split_seed"], TRAINING[True]["split_seed"])
    X_train, y_train, X_test, y_test = grader_split(split_seed, cfg["mode"])  # X_test, y_test stay here
    X_check = vision.confirmation_images(TRAINING_CHECK_IMAGES, 1, IMAGE_SIZE,
                                         _kernel_seed(hidden, 7, "training/check"))
    got = _answer(k.ask("training", hidden_units=cfg["hidden_units"],
                        model_seed=_kernel_seed(hidden, cfg["seed"], "training"), X_train=X_train, y_train=y_train,
                        X_check=X_check, lrs=list(TRAINING_LRS), batch_size=BATCH_SIZE,
                        time_limit=float(TRAINING_TIME_LIMIT)), "training", "before")
    device = _device(got)
    before = _trained_copy(got["before"], cfg["hidden_units"], X_check, device)
    after = _trained_copy(_answer(got, "training", "after")["after"], cfg["hidden_units"], X_check, device)
    c.expect_loss_decrease([_loss(before, X_train, y_train), _loss(after, X_train, y_train)], TRAINING_LOSS_FRACTION)
    acc = c.multiclass_accuracy_of(vision.host_logits(after, X_test), y_test)
    c.expect(acc >= TRAINING_THRESHOLD, "tinyvgg_training_low", hidden_units=cfg["hidden_units"],
             epochs=TRAINING_EPOCHS, lr=" → ".join(f"{lr:g}" for lr in TRAINING_LRS), acc=acc / 100,
             threshold=TRAINING_THRESHOLD / 100)


# --- dataloaders --------------------------------------------------------------------------------------------

@c.check("dataloaders")
def check_dataloaders(k, hidden=False):
    got = _answer(k.ask("dataloaders", count=hidden), "dataloaders", "train_dataloader", "test_dataloader")
    names = ("train_dataloader", "test_dataloader")
    facts = {name: _answer(got[name], "dataloaders", "is_dataloader") for name in names}
    for name in names:
        c.expect(facts[name]["is_dataloader"] is True, "tinyvgg_not_dataloader", name=name,
                 got=str(facts[name].get("type")))
        c.expect(facts[name].get("batch_size") == BATCH_SIZE, "tinyvgg_batch_size", name=name,
                 got=facts[name].get("batch_size"))
    train, test = facts["train_dataloader"], facts["test_dataloader"]
    c.expect(train.get("random") is True, "tinyvgg_train_shuffle")
    c.expect(test.get("sequential") is True, "tinyvgg_test_shuffle")
    if "size" not in train or "size" not in test:
        raise _error_in(got)
    n_train, n_test = train["size"], test["size"]
    c.expect(type(n_train) is int and type(n_test) is int, "bad_answer", error="size")
    c.expect(n_train > n_test, "tinyvgg_loaders_swapped", train=n_train, test=n_test)
    for name in names:
        if "first" not in facts[name]:
            raise _error_in(got)
        first = facts[name]["first"]
        c.expect(type(first) is list and len(first) == 2, "bad_answer", error="first")
        X, y = first
        _tensor(X, f"{name} X", dtype=torch.float32)
        if tuple(X.shape) != (BATCH_SIZE, 1, IMAGE_SIZE, IMAGE_SIZE):
            raise CheckFailure("tinyvgg_batch_layout", name=name, got=list(X.shape),
                               expected=[BATCH_SIZE, 1, IMAGE_SIZE, IMAGE_SIZE])
        _tensor(y, f"{name} y", shape=(BATCH_SIZE,), dtype=torch.long)
    if hidden:
        c.expect(test.get("drop_last") is False, "tinyvgg_drop_last")
        if "seen" not in test:
            raise _error_in(got)
        c.expect(test["seen"] == n_test, "tinyvgg_drop_last")


def _error_in(got: dict) -> CheckFailure:
    """The student's error the kernel met while reading a loader (or a malformed answer)."""
    error = got.get("error")
    if type(error) is not dict:
        return CheckFailure("bad_answer", error="dataloaders")
    return c.explain_error(str(error.get("type", "Error"))[:80], str(error.get("message", ""))[:2000], "dataloaders")


# --- confusion_matrix ---------------------------------------------------------------------------------------

def _reference_confusion(y_true, y_pred, num_classes):
    cm = torch.zeros(num_classes, num_classes, dtype=torch.long)
    cm.index_put_((y_true.cpu(), y_pred.cpu()), torch.ones(len(y_true), dtype=torch.long), accumulate=True)
    return cm


@c.check("confusion_matrix")
def check_confusion_matrix(k, hidden=False):
    if hidden:
        g = torch.Generator().manual_seed(_kernel_seed(True, 0, "confusion_matrix"))
        cases = []
        for n, classes, occurring in ((500, 7, 6), (60, 12, 12)):  # in the first case the last class never occurs
            y_true = torch.randint(0, occurring, (n,), generator=g)
            noise = torch.randint(0, occurring, (n,), generator=g)
            y_pred = torch.where(torch.rand(n, generator=g) < 0.6, y_true, noise)
            cases.append((y_true, y_pred, classes))
    else:
        cases = [(torch.tensor([0, 1, 2, 2, 1, 0, 2, 1]), torch.tensor([0, 2, 2, 1, 1, 0, 2, 2]), 3)]
    answers = k.ask("confusion_matrix", cases=cases, on_device=hidden)
    c.expect(type(answers) is list and len(answers) == len(cases), "bad_answer", error="confusion_matrix")
    for (y_true, y_pred, classes), got in zip(cases, answers):
        expected = _reference_confusion(y_true, y_pred, classes)
        got = _tensor(got, "confusion_matrix(y_true, y_pred, num_classes)", shape=(classes, classes))
        if torch.equal(got.to(torch.long), expected) and torch.equal(got, got.round()):
            continue
        if torch.equal(got.to(torch.long), expected.T):
            raise CheckFailure("tinyvgg_confusion_transposed")
        total = float(got.sum())
        c.expect(total == len(y_true), "tinyvgg_confusion_total", total=total, n=len(y_true))
        raise CheckFailure("tinyvgg_confusion_wrong", expected=str(expected.tolist())[:200],
                           got=str(got.tolist())[:200])


# --- save_load ----------------------------------------------------------------------------------------------

@c.check("save_load")
def check_save_load(k, hidden=False):
    if hidden:
        generator = torch.Generator().manual_seed(_kernel_seed(True, 0, "save_load"))
        X = torch.rand(16, 1, IMAGE_SIZE, IMAGE_SIZE, generator=generator)
    else:
        X = subset(16, 52)[0]
    got = _answer(k.ask("save_load", X=X), "save_load", "path", "exists")
    c.expect(got["exists"] is True, "tinyvgg_save_missing", path=str(got["path"]))
    if "load_error" in got:
        raise CheckFailure("tinyvgg_save_not_state_dict", got=str(got["load_error"]))
    got = _answer(got, "save_load", "saved", "current", "same_object", "outputs", "forward_error")
    saved, current = got["saved"], got["current"]
    if type(saved) is not dict or not saved or not all(type(v) is torch.Tensor for v in saved.values()):
        raise CheckFailure("tinyvgg_save_not_state_dict", got=c.type_name(saved))
    c.expect(type(current) is dict and all(type(v) is torch.Tensor for v in current.values()), "bad_answer",
             error="state")
    if set(saved) != set(current):
        raise CheckFailure("tinyvgg_save_stale")
    if not all(torch.equal(saved[key], current[key]) for key in current):
        raise CheckFailure("tinyvgg_save_stale")
    c.expect(got["same_object"] is False, "tinyvgg_loaded_same")
    if got["forward_error"] is not None:
        raise _forward_failure(got["forward_error"], "save_load")
    outputs = got["outputs"]
    c.expect(type(outputs) is list and len(outputs) == 2 and type(outputs[0]) is torch.Tensor, "bad_answer",
             error="outputs")
    a, b = outputs
    c.expect(type(b) is torch.Tensor and a.shape == b.shape, "tinyvgg_loaded_differs", diff=float("inf"))
    diff = float((a - b).abs().max())
    c.expect(diff <= 1e-5, "tinyvgg_loaded_differs", diff=diff)


# --- hidden_units_sweep: the student's own models, measured here -----------------------------------------

def _sweep_pairs(value, name: str) -> dict:
    """A dict of the kernel (``[[key, value], ...]``, or None when the student's value was no dict)."""
    if value is None:
        return None
    c.expect(type(value) is list and all(type(p) is list and len(p) == 2 for p in value), "bad_answer", error=name)
    return {key if type(key) in (int, float, str) else c.type_name(key): item for key, item in value}


def _sweep_keys(pairs: dict, name: str) -> None:
    keys = list(pairs)
    ok = all(type(key) is int for key in keys) and sorted(keys) == sorted(SWEEP_HIDDEN_UNITS)
    c.expect(ok, "tinyvgg_sweep_keys", name=name, got=str(keys)[:80], expected=list(SWEEP_HIDDEN_UNITS))


def _sweep_data(mode: str) -> tuple[torch.Tensor, torch.Tensor]:
    """The notebook's test digits (``DigitsDataset(train=False)``), resampled with ``mode``."""
    return grader_split(SPLIT_SEED, mode)[2:]


def _accuracies(computation, X: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
    """The host's accuracy (0-1) of its copy of a model: over samples, and as ``test_step`` gives it (the mean
    of the batches' accuracies, batch size 32, in order)."""
    correct = (vision.host_logits(computation, X).argmax(dim=1) == y).float()
    per_batch = [float(correct[i:i + BATCH_SIZE].mean()) for i in range(0, len(y), BATCH_SIZE)]
    return float(correct.mean()), sum(per_batch) / len(per_batch)


@c.check("hidden_units_sweep")
def check_hidden_units_sweep(k, hidden=False):
    X_check = vision.confirmation_images(SWEEP_CHECK_IMAGES, 1, IMAGE_SIZE,
                                         _kernel_seed(hidden, 8, "hidden_units_sweep/check"))
    got = _answer(k.ask("hidden_units_sweep", X_check=X_check), "hidden_units_sweep", "results", "results_type",
                  "best", "models", "models_type")
    results = _sweep_pairs(got["results"], "results")
    if results is None:
        raise CheckFailure("tinyvgg_sweep_not_dict", name="sweep_results", got=str(got["results_type"])[:40])
    _sweep_keys(results, "sweep_results")
    for units, value in results.items():
        number = c.number(value)
        c.expect(number is not None and math.isfinite(number), "tinyvgg_sweep_value_type", hidden_units=units,
                 got=c.type_name(value))
        if number > 1:
            raise CheckFailure("tinyvgg_sweep_percent", hidden_units=units, got=number)
        c.expect(number >= 0, "tinyvgg_sweep_value_type", hidden_units=units, got=number)
        results[units] = number
    best = c.number(got["best"])
    c.expect(best in results, "tinyvgg_sweep_best_not_key", got=str(got["best"])[:40],
             expected=list(SWEEP_HIDDEN_UNITS))
    best = int(best)
    c.expect(results[best] == max(results.values()), "tinyvgg_sweep_best_not_max", best=best,
             acc=results[best], top=max(results.values()))
    models = _sweep_pairs(got["models"], "models")
    if models is None:
        raise CheckFailure("tinyvgg_sweep_not_dict", name="sweep_models", got=str(got["models_type"])[:40])
    _sweep_keys(models, "sweep_models")
    device = _device(got)
    copies = {}
    for units in SWEEP_HIDDEN_UNITS:
        report = models[units]
        if type(report) is str:  # not an nn.Module: the kernel sent its type's name
            raise CheckFailure("tinyvgg_sweep_model_type", hidden_units=units, got=report[:40])
        try:
            copies[units] = _trained_copy(report, units, X_check, device)
        except CheckFailure as exc:
            if exc.key == "tinyvgg_training_differs":
                raise CheckFailure("tinyvgg_sweep_model_differs", hidden_units=units) from None
            raise
    # what the student recorded: the test accuracy of each model on the notebook's test digits
    X_test, y_test = _sweep_data("bilinear")
    for units, computation in copies.items():
        measured = _accuracies(computation, X_test, y_test)
        if not any(abs(results[units] - m) <= SWEEP_VALUE_TOL for m in measured):
            raise CheckFailure("tinyvgg_sweep_value_mismatch", hidden_units=units, got=results[units],
                               expected=measured[1])
    # the choice, by the host's own measurement (hidden: other resampled digits)
    X_measure, y_measure = _sweep_data("bicubic") if hidden else (X_test, y_test)
    host = {units: _accuracies(computation, X_measure, y_measure)[0] for units, computation in copies.items()}
    top = max(host.values())
    c.expect(top >= SWEEP_MIN_ACC, "tinyvgg_sweep_not_trained", acc=top, threshold=SWEEP_MIN_ACC)
    other = max(host, key=host.get)
    c.expect(host[best] >= top - SWEEP_BEST_TOL, "tinyvgg_sweep_best_wrong", best=best, acc=host[best],
             other=other, top=top)


ASSIGNMENT = Assignment("04_tinyvgg", "tinyvgg", (
    TestSpec("dataloaders", 1, ("train_dataloader", "test_dataloader"), check_dataloaders),
    TestSpec("tinyvgg_model", 4, ("TinyVGG",), check_tinyvgg_model),
    TestSpec("train_step", 2, ("train_step",), check_train_step),
    TestSpec("train_step_values", 1, ("train_step",), check_train_step_values, solution="train_step"),
    TestSpec("test_step", 2, ("test_step",), check_test_step),
    TestSpec("train", 2, ("train",), check_train),
    TestSpec("training", 3, ("TinyVGG", "train_step", "model", "model_results"), check_training),
    TestSpec("confusion_matrix", 2, ("confusion_matrix",), check_confusion_matrix),
    TestSpec("save_load", 1, ("model", "loaded_model", "MODEL_SAVE_PATH"), check_save_load),
    TestSpec("hidden_units_sweep", 2, ("sweep_results", "best_hidden_units", "sweep_models"),
             check_hidden_units_sweep),
))
