"""Checks of ``06_aktararak_ogrenme`` (transfer learning with the project's offline pretrained CNN).

The pretrained feature extractor is ``autograder.pretrain.DigitNet`` trained on digits 0–4
(``autograder/weights/digitnet_0_4.pt``); the new task is digits 5–9. The grader builds its own
models (other widths, other class counts, perturbed weight files) to test the student's functions,
and measures the student's trained models on its own target images: digits 5–9 the notebook does
not train on, moved off-centre by up to 4 pixels (visible: training-split digits the notebook leaves
out; hidden: test-split digits with other shifts).

Host side: the grader keeps every image it measures a student's model on, and their labels: the
kernel returns the trained model's state and a description of its head, the host loads them into
its own ``DigitNet`` (the exercise's, or one with the described head), confirms on noise images that
its copy computes what the student's model computes, and measures its copy. Only a head the host
cannot rebuild is measured from the kernel's logits, on the host's images turned, moved and
noised by a secret amount (no copy of them exists to look up). The hidden seed draws only what the
host keeps (the measured images' shifts); whatever the kernel is sent (models, shuffles, inputs) is
drawn from seeds independent of it (``SEEDS.kernel``).
"""

from __future__ import annotations

import collections
import math

import torch
import torch.nn.functional as F
from torch import nn

import autograder.assignments.aktararak_ogrenme.messages  # noqa: F401  (registers the texts)
import autograder.assignments.ozel_veri_setleri.messages  # noqa: F401  (the ovs_* texts used here)
from autograder import checks as c
from autograder.assignments import Assignment, TestSpec
from autograder.assignments.aktararak_ogrenme.reference import (
    N_TARGET,
    NOTEBOOK_PER_CLASS,  # noqa: F401  (the tests read it here)
    budget_data,
    build_head,
    check_images,
    count_case,
    disguised,
    most_wrong_data,
    perturbed_state,
    pretrained_state,
    reference_pretrained,
    reference_transfer_model,
)
from autograder.assignments.aktararak_ogrenme.reference import source_data as _source_data
from autograder.assignments.aktararak_ogrenme.reference import target_data as _target_data
from autograder.errors import CheckFailure
from autograder.pretrain import DigitNet

SEEDS = c.seeds(17, 9090)                # grader data: visible / hidden (hidden: only what the host keeps)
SOURCE_THRESHOLD = 95.0                  # the loaded model on digits 0–4 (test split)
FIT_THRESHOLD = 60.0
TRANSFER_THRESHOLD = 60.0
SCRATCH_MINIMUM = 30.0                   # chance is 20 %: the scratch model must have been trained at all
CONFUSION_BATCH = 16
HINTS = (("Error(s) in loading state_dict", "hint_state_dict"),)  # this module's checks only


OUTPUT_TOLERANCE = 1e-3                  # the host's copy against the kernel's outputs (relative to the largest)


def _kernel_seed(hidden: bool, label: str, visible_offset: int = 0) -> int:
    """The seed of something the kernel is sent (a model's weights, a shuffle, inputs): visible, the
    package's; hidden, one independent of ``SEEDS[True]`` (the kernel can read whatever it gets)."""
    return SEEDS.kernel(True, label) if hidden else SEEDS[False] + visible_offset


# --- the grader's data -----------------------------------------------------------------------------------

def source_data(hidden: bool) -> tuple[torch.Tensor, torch.Tensor]:
    """Digits 0–4 of the test split (hidden: moved by up to 3 pixels; sent to the kernel with their
    labels by the confusion-matrix check, so drawn from a kernel seed)."""
    return _source_data(_kernel_seed(True, "source") if hidden else None)


def target_data(hidden: bool, per_class: int = 40) -> tuple[torch.Tensor, torch.Tensor]:
    """The grader's images of the target task (digits 5–9, labels 0–4), moved off-centre.

    Visible: training-split digits after the notebook's first ``NOTEBOOK_PER_CLASS`` of each class;
    hidden: test-split digits with other shifts than the notebook's test set.
    """
    return _target_data(SEEDS[hidden] + 1, train=not hidden, per_class=per_class)


# --- judging answers ---------------------------------------------------------------------------------

def _is_dict(value) -> bool:
    return type(value) in (dict, collections.OrderedDict)


def _field(answer, key: str, *kinds: type):
    """``answer[key]``, of one of the exact types ``kinds`` (``dict``: or an OrderedDict), or a failure."""
    ok = _is_dict(answer) and key in answer and (
        type(answer[key]) in kinds or (dict in kinds and _is_dict(answer[key])))
    c.expect(ok, "bad_answer", error=key)
    return answer[key]


def _tensors(answer, key: str) -> dict[str, torch.Tensor]:
    """A returned dict of named tensors (parameters, a state_dict)."""
    value = _field(answer, key, dict)
    c.expect(all(type(k) is str and type(t) is torch.Tensor for k, t in value.items()), "bad_answer", error=key)
    return value


def _flags(answer, key: str = "requires_grad") -> dict[str, bool]:
    value = _field(answer, key, dict)
    c.expect(all(type(k) is str and type(f) is bool for k, f in value.items()), "bad_answer", error=key)
    return value


def _state(model: nn.Module) -> dict[str, torch.Tensor]:
    return {k: v.detach().cpu().clone() for k, v in model.state_dict().items()}


def _features_differ(params: dict[str, torch.Tensor], state: dict[str, torch.Tensor]) -> str | None:
    """The first ``features.*`` tensor of ``state`` that ``params`` lacks or holds otherwise (None: all equal)."""
    for name, value in state.items():
        if name.startswith("features."):
            got = params.get(name)
            if got is None or got.shape != value.shape or not torch.equal(got, value):
                return name
    return None


def _relative_distance(params: dict[str, torch.Tensor], state: dict[str, torch.Tensor]) -> float:
    """How far the ``features.*`` weights are from ``state`` (1.0 or more: unrelated weights)."""
    diff = norm = 0.0
    for name, value in state.items():
        got = params.get(name)
        if name.startswith("features.") and got is not None and got.shape == value.shape:
            diff += float((got.float() - value).square().sum())
            norm += float(value.square().sum())
    return math.sqrt(diff / norm) if norm else float("inf")


def _fits(params: dict[str, torch.Tensor], model: nn.Module) -> bool:
    own = model.state_dict()
    return set(params) == set(own) and all(
        params[k].shape == own[k].shape and params[k].dtype == own[k].dtype for k in own)


def _logits(model: nn.Module, X: torch.Tensor) -> torch.Tensor:
    model.eval()
    with torch.inference_mode():
        return model(X)


def _accuracy(model: nn.Module, X: torch.Tensor, y: torch.Tensor) -> float:
    """Host side: a model of the grader's own, measured on the grader's labelled images."""
    return c.multiclass_accuracy_of(_logits(model, X), y)


def _check_inputs(hidden: bool) -> torch.Tensor:
    """Noise images the kernel runs the student's model on, only to confirm the host's copy of it."""
    return check_images(_kernel_seed(hidden, "check_images", 3))


def _host_copy(answer: dict) -> nn.Module | None:
    """The host's own ``DigitNet`` holding the returned state, its head rebuilt from the returned
    description (else the exercise's ``Dropout`` + ``Linear``); None when the state does not fit it."""
    state = _tensors(answer, "state")
    model = DigitNet(num_classes=N_TARGET)
    head = {name.removeprefix("classifier."): value.shape for name, value in state.items()
            if name.startswith("classifier.")}
    classifier = build_head(answer.get("head"), head)
    if classifier is not None:
        model.classifier = classifier
    if not _fits(state, model):
        return None
    model.load_state_dict(state)
    return model.eval()


def _same_outputs(got, own: torch.Tensor) -> bool:
    return type(got) is torch.Tensor and got.shape == own.shape and got.dtype == own.dtype and bool(
        (got - own).abs().max() <= OUTPUT_TOLERANCE * own.abs().max().clamp_min(1.0))


def _measured_accuracy(k, name: str, answer: dict, hidden: bool) -> float:
    """A student's trained model on the grader's images, which never leave the host: the host's copy of
    the model (its outputs on the noise images must be the kernel's), measured here. A head the host
    cannot rebuild: the kernel's logits for the images, turned, moved and noised by a secret amount
    first (the labels stay here either way)."""
    X, y = target_data(hidden)
    model = _host_copy(answer)
    if model is not None:
        checked = _field(answer, "outputs", dict).get("check")
        c.expect(_same_outputs(checked, _logits(model, _check_inputs(hidden))), "ao_model_differs", name=name)
        return _accuracy(model, X, y)
    seen = disguised(X, _kernel_seed(hidden, "disguise", 4))   # independent of SEEDS[True]; never sent
    logits = _field(_field(k.ask("target_model", name=name, inputs={"target": seen}), "outputs", dict), "target",
                    torch.Tensor)
    return c.multiclass_accuracy_of(logits, y)


# --- checks ------------------------------------------------------------------------------------------------

@c.check("load_pretrained")
@c.with_hints(HINTS)
def check_load_pretrained(k, hidden=False):
    expected = perturbed_state(_kernel_seed(True, "perturbed")) if hidden else pretrained_state()
    X, y = (None, None) if hidden else source_data(False)
    got = k.ask("load_pretrained", state=expected if hidden else None, inputs={} if hidden else {"source": X})
    if _field(got, "is_module", bool) is not True:
        raise CheckFailure("ao_not_model", name="load_pretrained_model", got=str(_field(got, "type", str)))
    state = _tensors(got, "state")
    unknown = sorted(set(state) ^ set(expected))
    if unknown:
        raise CheckFailure("ao_load_keys", example=unknown[0])
    for name, value in expected.items():
        if state[name].shape != value.shape or not torch.equal(state[name], value):
            if hidden and torch.equal(state[name], pretrained_state()[name]):
                raise CheckFailure("ao_load_fixed_path")
            raise CheckFailure("ao_not_loaded", name=name)
    device, got_device = _field(got, "expected_device", str), _field(got, "device", str, type(None))
    c.expect(got_device is not None and got_device.split(":")[0] == device, "ao_load_device", device=device,
             got=str(got_device))
    c.expect(_field(got, "same_object", bool) is False, "ao_same_object")
    if not hidden:  # the hidden call loads perturbed weights: their accuracy is not the point there
        acc = c.multiclass_accuracy_of(_field(got, "outputs", dict).get("source"), y)
        c.expect(acc >= SOURCE_THRESHOLD, "ao_source_accuracy", acc=acc / 100, threshold=SOURCE_THRESHOLD / 100)


def _check_frozen(flags: dict[str, bool]) -> None:
    features = [name for name in flags if name.startswith("features.")]
    frozen = [name for name in features if not flags[name]]
    if not frozen:
        raise CheckFailure("ao_not_frozen")
    if len(frozen) < len(features):
        raise CheckFailure("ao_partly_frozen", frozen=len(frozen), total=len(features))
    for name, trainable in flags.items():
        if not name.startswith("features.") and not trainable:
            raise CheckFailure("ao_head_frozen", name=name)


@c.check("freeze_features")
@c.with_hints(HINTS)
def check_freeze_features(k, hidden=False):
    torch.manual_seed(_kernel_seed(hidden, "freeze_features"))
    before = _state(DigitNet(num_classes=3, width=16) if hidden else reference_pretrained())
    got = k.ask("freeze_features", state=before)
    params, flags = _tensors(got, "params"), _flags(got)
    c.expect(set(flags) == set(params), "bad_answer", error="requires_grad")
    changed = _features_differ(params, before)
    c.expect(changed is None, "ao_weights_changed", name="freeze_features", param=changed)
    _check_frozen(flags)


@c.check("replace_head")
@c.with_hints(HINTS)
def check_replace_head(k, hidden=False):
    num_classes = 3 if hidden else N_TARGET
    torch.manual_seed(_kernel_seed(hidden, "replace_head"))
    before = _state(DigitNet(width=16) if hidden else reference_pretrained())
    old_head = {name: value for name, value in before.items() if not name.startswith("features.")}
    X = torch.rand(4, 1, 28, 28)
    got = k.ask("replace_head", state=before, num_classes=num_classes, x=X)
    c.expect(_is_dict(got) and "out" in got, "bad_answer", error="out")
    out = got["out"]
    if type(out) is not torch.Tensor or tuple(out.shape) != (4, num_classes):
        shape = list(out.shape) if type(out) is torch.Tensor else c.type_name(out)
        raise CheckFailure("ao_head_classes", num_classes=num_classes, got=shape)
    params, flags = _tensors(got, "params"), _flags(got)
    c.expect(set(flags) == set(params), "bad_answer", error="requires_grad")
    changed = _features_differ(params, before)
    c.expect(changed is None, "ao_weights_changed", name="replace_head", param=changed)
    c.expect(all(not f for n, f in flags.items() if n.startswith("features.")), "ao_features_unfrozen",
             name="replace_head")
    head = [(name, p) for name, p in params.items() if not name.startswith("features.")]
    for name, _ in head:
        c.expect(flags[name], "ao_head_not_trainable", name=name)
    for old_name, old_value in old_head.items():
        for _, param in head:
            if param.shape == old_value.shape and torch.equal(param, old_value):
                raise CheckFailure("ao_head_not_replaced", name=old_name)


def _count_cases(hidden: bool) -> list[dict]:
    """Plain descriptions of the models to count (:func:`reference.count_case` builds them)."""
    def features(width: int) -> list[str]:
        return [n for n, _ in DigitNet(width=width).features.named_parameters(prefix="features")]

    if not hidden:
        return [{"kind": "digitnet", "num_classes": N_TARGET, "width": 32, "frozen": features(32)},
                {"kind": "digitnet", "num_classes": N_TARGET, "width": 32, "frozen": []}]
    return [{"kind": "digitnet", "num_classes": 7, "width": 8, "frozen": ["features.0.weight", "features.0.bias"]},
            {"kind": "mlp", "sizes": [3, 4, 2], "frozen": ["0.bias"]},
            {"kind": "digitnet", "num_classes": 3, "width": 24, "frozen": features(24)}]


def _count(value, result) -> int:
    if type(value) is torch.Tensor and value.numel() == 1:
        value = value.item()
    if type(value) not in (int, float) or (type(value) is float and not math.isfinite(value)) \
            or value != int(value):
        raise CheckFailure("ao_count_return", got=repr(result)[:80])
    return int(value)


@c.check("count_parameters")
@c.with_hints(HINTS)
def check_count_parameters(k, hidden=False):
    for case in _count_cases(hidden):
        params = list(count_case(case).parameters())
        total = sum(p.numel() for p in params)
        trainable = sum(p.numel() for p in params if p.requires_grad)
        result = k.ask("count_parameters", case=case)
        if type(result) not in (tuple, list) or len(result) != 2:
            raise CheckFailure("ao_count_return", got=repr(result)[:80])
        got_total, got_trainable = (_count(value, result) for value in result)
        if (got_total, got_trainable) == (total, trainable):
            continue
        if (got_total, got_trainable) == (trainable, total) and total != trainable:
            raise CheckFailure("ao_count_swapped", total=total, trainable=trainable)
        if got_total == len(params) != total:
            raise CheckFailure("ao_count_tensors", got=got_total, expected=total)
        if got_total == total and got_trainable != trainable:
            raise CheckFailure("ao_count_trainable", got=got_trainable, expected=trainable)
        raise CheckFailure("ao_count_wrong", got=(got_total, got_trainable), expected=(total, trainable))


def _losses(losses, epochs: int) -> list[float]:
    """The per-epoch mean losses ``train_model`` returned (format only: never trusted for points)."""
    if type(losses) not in (list, tuple) or len(losses) != epochs:
        problem = c.type_name(losses) if type(losses) not in (list, tuple) else f"len = {len(losses)}"
        raise CheckFailure("ao_fit_return", epochs=epochs, problem=problem)
    values = []
    for value in losses:
        if type(value) is torch.Tensor and value.numel() == 1:
            value = value.item()
        if type(value) not in (int, float, bool) or not math.isfinite(value):
            raise CheckFailure("ao_fit_return", epochs=epochs, problem=f"{value!r}")
        values.append(float(value))
    return values


@c.check("train_model")
@c.with_hints(HINTS)
def check_train_model(k, hidden=False):
    epochs, lr = (12, 0.01) if hidden else (8, 0.003)
    model = reference_transfer_model(seed=_kernel_seed(hidden, "train_head"))
    before = _state(model)
    X_budget, y_budget = budget_data(80 if hidden else 60)

    def budget_loss() -> float:
        return float(F.cross_entropy(_logits(model, X_budget), y_budget))

    first = budget_loss()
    got = k.ask("train_model", state=before, X=X_budget, y=y_budget, epochs=epochs, lr=lr, batch_size=10,
                shuffle_seed=_kernel_seed(hidden, "train_shuffle", 2), seed=_kernel_seed(hidden, "train"))
    state = _tensors(got, "state")
    changed = _features_differ(state, before)
    c.expect(changed is None, "ao_frozen_changed", name=changed)
    flags = _flags(got)
    c.expect(all(not flags.get(n, True) for n in before if n.startswith("features.")), "ao_features_unfrozen",
             name="train_model")
    c.load_state(model, state, "train_model")
    c.expect(any(not torch.equal(before[n], state[n]) for n in before if n.startswith("classifier.")),
             "params_unchanged")
    _losses(got.get("losses"), epochs)
    c.expect_loss_decrease([first, budget_loss()], 0.6)
    X, y = target_data(hidden)
    acc = _accuracy(model, X, y)
    c.expect(acc >= FIT_THRESHOLD, "ao_fit_accuracy", acc=acc / 100, threshold=FIT_THRESHOLD / 100)


def _target_model(k, name: str, hidden: bool) -> dict:
    """Ask for a trained model of the notebook: is it a model with ``[batch, 5]`` outputs? Its parameters,
    its state, its head and its outputs on the noise images."""
    got = k.ask("target_model", name=name, inputs={"probe": torch.rand(2, 1, 28, 28), "check": _check_inputs(hidden)})
    if _field(got, "is_module", bool) is not True:
        raise CheckFailure("ao_not_model", name=name, got=str(_field(got, "type", str)))
    out = _field(got, "outputs", dict).get("probe")
    if type(out) is not torch.Tensor or tuple(out.shape) != (2, N_TARGET):
        shape = list(out.shape) if type(out) is torch.Tensor else c.type_name(out)
        raise CheckFailure("ao_output_shape", name=name, classes=N_TARGET, got=shape)
    _tensors(got, "params")
    return got


@c.check("transfer_model")
@c.with_hints(HINTS)
def check_transfer_model(k, hidden=False):
    got = _target_model(k, "transfer_model", hidden)
    changed = _features_differ(got["params"], pretrained_state())
    c.expect(changed is None, "ao_transfer_features_changed", name=changed)
    acc = _measured_accuracy(k, "transfer_model", got, hidden)
    c.expect(acc >= TRANSFER_THRESHOLD, "ao_transfer_accuracy", acc=acc / 100, threshold=TRANSFER_THRESHOLD / 100,
             epochs=10)


@c.check("scratch_model")
@c.with_hints(HINTS)
def check_scratch_model(k, hidden=False):
    scratch_model = _target_model(k, "scratch_model", hidden)
    transfer_model = _target_model(k, "transfer_model", hidden)
    shapes = {n: p.shape for n, p in transfer_model["params"].items()}
    mine = {n: p.shape for n, p in scratch_model["params"].items()}
    for name in sorted(set(shapes) | set(mine)):
        c.expect(shapes.get(name) == mine.get(name), "ao_scratch_architecture", name=name)
    # fine-tuning the pretrained network keeps its features close to the file; fresh weights are far away
    c.expect(_relative_distance(scratch_model["params"], pretrained_state()) > 0.5, "ao_scratch_pretrained")
    scratch = _measured_accuracy(k, "scratch_model", scratch_model, hidden)
    transfer = _measured_accuracy(k, "transfer_model", transfer_model, hidden)
    c.expect(scratch >= SCRATCH_MINIMUM, "ao_scratch_untrained", acc=scratch / 100)
    c.expect(transfer > scratch, "ao_transfer_not_better", transfer=transfer / 100, scratch=scratch / 100)


def _confusion_data(hidden: bool):
    """(model, X, y, num_classes, the model's logits on the host): a model whose mistakes are lopsided."""
    torch.manual_seed(_kernel_seed(hidden, "confusion"))
    if hidden:
        model, num_classes = DigitNet(num_classes=7, width=8), 7   # random; classes 5 and 6 never occur
        X, y = source_data(True)
    else:
        model, num_classes = reference_pretrained(), N_TARGET       # the 0–4 model on digits 5–9
        X, y = target_data(False, per_class=20)
    return model, X, y, num_classes, _logits(model, X)


def _confusion_case(hidden: bool):
    """(model, (X, y), num_classes, expected matrix), as the host counts it."""
    model, X, y, num_classes, logits = _confusion_data(hidden)
    return model, (X, y), num_classes, _matrix(y, logits, num_classes)


def _close(got: torch.Tensor, own: torch.Tensor) -> bool:
    """Logits of the same model computed in the kernel (its device, its batches) and on the host."""
    if got.shape != own.shape or got.dtype != own.dtype:
        return False
    return bool((got - own).abs().max() <= 1e-2 * own.abs().max().clamp_min(1.0))


def _matrix(y: torch.Tensor, logits: torch.Tensor, num_classes: int) -> torch.Tensor:
    pred = logits.argmax(dim=1)
    return torch.bincount(y * num_classes + pred, minlength=num_classes ** 2).reshape(num_classes, num_classes)


def _expect_modes(calls, name: str) -> None:
    """The grader's model was called, in eval mode, without gradients (as the kernel recorded it)."""
    ok = type(calls) in (list, tuple) and all(
        type(call) in (list, tuple) and len(call) == 2 and all(type(f) is bool for f in call) for call in calls)
    c.expect(ok, "bad_answer", error="calls")
    c.expect(bool(calls), "ao_model_not_called", name=name)
    bad = sum(1 for mode, _ in calls if mode)
    c.expect(bad == 0, "ovs_not_eval_mode", name=name, bad=bad, total=len(calls))
    c.expect(not any(grad for _, grad in calls), "ovs_grad_enabled", name=name)


@c.check("confusion_matrix")
@c.with_hints(HINTS)
def check_confusion_matrix(k, hidden=False):
    model, X, y, num_classes, own = _confusion_data(hidden)
    got = k.ask("confusion_matrix", state=_state(model), X=X, y=y, batch_size=CONFUSION_BATCH)
    # the model's logits in the kernel (its device, its batches: no near tie flips between there and the
    # student's count) must agree with the host's before they are counted
    logits = _field(got, "logits", torch.Tensor)
    c.expect(_close(logits, own), "bad_answer", error="logits")
    expected = _matrix(y, logits, num_classes)
    matrix, result_type = got.get("matrix"), str(_field(got, "type", str))
    if matrix is None:
        raise CheckFailure("ao_confmat_type", got=result_type)
    c.expect(type(matrix) is torch.Tensor, "bad_answer", error="matrix")
    integral = (not matrix.dtype.is_floating_point and not matrix.dtype.is_complex and matrix.dtype != torch.bool) \
        or (matrix.dtype.is_floating_point and bool(torch.equal(matrix, matrix.round())))
    if not integral:
        raise CheckFailure("ao_confmat_type", got=f"{result_type} ({matrix.dtype})")
    matrix = matrix.long()
    _expect_modes(got.get("calls"), "make_confusion_matrix")
    if tuple(matrix.shape) != tuple(expected.shape):
        raise CheckFailure("ao_confmat_shape", expected=list(expected.shape), got=list(matrix.shape))
    if torch.equal(matrix, expected):
        return
    if torch.equal(matrix, expected.T):
        raise CheckFailure("ao_confmat_transposed")
    raise CheckFailure("ao_confmat_wrong", got=int(matrix.sum()), expected=int(expected.sum()))



MOST_WRONG_K = {False: (5,), True: (8, 1000)}   # hidden: also more than there are wrong predictions


def _most_wrong_case(hidden: bool):
    """(state, X, y): the pretrained 0–4 model (hidden: with perturbed weights) on digits 0–4 moved by up to
    6 pixels (about one in six predicted wrong). All of it is sent to the kernel: kernel seeds only."""
    if hidden:
        return perturbed_state(_kernel_seed(True, "most_wrong_state")), *most_wrong_data(_kernel_seed(True, "most_wrong"))
    return pretrained_state(), *most_wrong_data(SEEDS[False] + 6)


def _ranked(scores: torch.Tensor, among: torch.Tensor, k: int, descending: bool = True) -> list[int]:
    """The ``k`` indices of ``among`` with the highest (or lowest) ``scores``, in that order."""
    return among[scores[among].argsort(descending=descending, stable=True)][:k].tolist()


def _judge_most_wrong(indices: list[int], logits: torch.Tensor, y: torch.Tensor, k: int) -> None:
    probs = logits.softmax(dim=1)
    confidence, preds = probs.max(dim=1)
    wrong = (preds != y).nonzero().flatten()
    expected = _ranked(confidence, wrong, k)
    n = len(y)
    if any(not 0 <= i < n for i in indices) or len(set(indices)) != len(indices):
        raise CheckFailure("ao_mw_indices", got=str(indices[:8])[:80], last=n - 1)
    right = [i for i in indices if preds[i] == y[i]]
    if right:
        raise CheckFailure("ao_mw_includes_correct", index=right[0])
    if len(indices) != len(expected):
        raise CheckFailure("ao_mw_count", k=k, got=len(indices), expected=len(expected), wrong=len(wrong))

    def same(a: list[int], b: list[int]) -> bool:   # same confidences in the same order (ties may swap)
        return torch.allclose(confidence[a], confidence[b], rtol=0, atol=1e-5)

    if same(indices, expected):
        return
    if same(sorted(indices, key=lambda i: -float(confidence[i])), expected):
        raise CheckFailure("ao_mw_order")
    if same(indices, _ranked(confidence, wrong, k, descending=False)):
        raise CheckFailure("ao_mw_least_confident")
    if set(indices) == set(_ranked(probs[torch.arange(n), y], wrong, k)):
        raise CheckFailure("ao_mw_true_class")
    if set(indices) == set(_ranked(logits.max(dim=1).values, wrong, k)):
        raise CheckFailure("ao_mw_logits")
    raise CheckFailure("ao_mw_wrong", k=k)


@c.check("most_wrong")
@c.with_hints(HINTS)
def check_most_wrong(k, hidden=False):
    state, X, y = _most_wrong_case(hidden)
    model = DigitNet(num_classes=N_TARGET)
    model.load_state_dict(state)
    own = _logits(model, X)
    for top in MOST_WRONG_K[hidden]:
        got = k.ask("most_wrong", state=state, X=X, y=y, k=top)
        # the model's logits in the kernel must agree with the host's; the ranking is made from the kernel's
        # (its device: no near tie flips between there and the student's ranking)
        logits = _field(got, "logits", torch.Tensor)
        c.expect(_close(logits, own), "bad_answer", error="logits")
        indices = _field(got, "indices", list, type(None))
        if indices is None:
            raise CheckFailure("ao_mw_type", got=str(_field(got, "type", str)))
        c.expect(all(type(i) is int for i in indices), "bad_answer", error="indices")
        _expect_modes(got.get("calls"), "most_wrong")
        _judge_most_wrong(indices, logits, y, top)


ASSIGNMENT = Assignment("06_aktararak_ogrenme", "aktararak_ogrenme", (
    TestSpec("load_pretrained", 2, ("load_pretrained_model",), check_load_pretrained),
    TestSpec("freeze_features", 2, ("freeze_features",), check_freeze_features),
    TestSpec("replace_head", 2, ("replace_head",), check_replace_head),
    TestSpec("count_parameters", 1, ("count_parameters",), check_count_parameters),
    TestSpec("train_model", 2, ("train_model",), check_train_model),
    TestSpec("transfer_model", 3, ("transfer_model",), check_transfer_model),
    TestSpec("scratch_model", 2, ("scratch_model", "transfer_model"), check_scratch_model),
    TestSpec("confusion_matrix", 2, ("make_confusion_matrix",), check_confusion_matrix),
    TestSpec("most_wrong", 2, ("most_wrong",), check_most_wrong),
))
