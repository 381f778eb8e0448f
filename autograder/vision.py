"""The grader's reference pieces for the computer-vision assignments (04_tinyvgg, 05, 08, 09 and on).

Importable on both sides (the grading host and the student's kernel); no student code here.

* :class:`TinyVGG` — the course's TinyVGG (``TinyVGG(input_shape, hidden_units, output_shape)``),
  two blocks of (Conv2d 3x3 padding 1, ReLU, Conv2d 3x3 padding 1, ReLU, MaxPool2d 2), then
  Flatten and Linear. ``image_size`` (keyword, default 28) fixes the Linear's input:
  ``hidden_units * (image_size // 4) ** 2``.
* :func:`train_step` / :func:`test_step` — the course's steps: ``(mean batch loss, mean batch
  accuracy 0-1)``.
* :func:`loader` — a deterministic, unshuffled DataLoader over tensors; :func:`batches` the same
  batches as a list (for replays).
* :func:`parameter_count`, :func:`same_params` (the kernel's parameters against a host replay, device-aware)
  and :func:`load_by_shape` (a state_dict with other key names, e.g. a student's, loaded into a reference
  module by parameter order and shape).
* :class:`ReferenceSteps` — kernel side: binds these train/test steps in a student's namespace while the
  student's loop runs (a broken step of theirs costs the step's points, not the loop's).
* :func:`digits` — the grader's digits (cached) at a size, resampled with a mode (bilinear: the notebooks').
* :func:`forward_calls` — host side: the kernel's record of forward passes (train/eval mode, gradients on).
* :func:`batch_means` and :func:`value_close` — host side: a step's returned loss/accuracy against the
  host's replay (per-batch or per-sample mean, within :data:`LOSS_RTOL`, :data:`LOSS_ATOL`, :data:`ACC_ATOL`).
* :func:`confirmation_images`, :func:`outputs_agree` and :func:`host_logits` — measuring a student's
  trained model on the host: the measured images never reach the kernel, only the model's weights
  and its outputs on random confirmation images come back.
"""

from __future__ import annotations

import functools
import math

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from autograder.data import digits_tensors
from autograder.errors import CheckFailure

__all__ = ["TinyVGG", "train_step", "test_step", "ReferenceSteps", "loader", "batches", "digits", "parameter_count",
           "same_params", "load_by_shape", "replay_train", "measure", "LOSS_RTOL", "LOSS_ATOL", "ACC_ATOL",
           "forward_calls", "batch_means", "value_close",
           "confirmation_images", "outputs_agree", "host_logits"]


class TinyVGG(nn.Module):
    """The contract's TinyVGG (attribute names as in the course: conv_block_1, conv_block_2, classifier)."""

    def __init__(self, input_shape: int, hidden_units: int, output_shape: int, *, image_size: int = 28):
        super().__init__()

        def block(in_channels: int) -> nn.Sequential:
            return nn.Sequential(
                nn.Conv2d(in_channels, hidden_units, kernel_size=3, stride=1, padding=1), nn.ReLU(),
                nn.Conv2d(hidden_units, hidden_units, kernel_size=3, stride=1, padding=1), nn.ReLU(),
                nn.MaxPool2d(kernel_size=2))

        side = image_size // 4
        self.conv_block_1 = block(input_shape)
        self.conv_block_2 = block(hidden_units)
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(hidden_units * side * side, output_shape))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.classifier(self.conv_block_2(self.conv_block_1(x)))


def parameter_count(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


def train_step(model: nn.Module, dataloader, loss_fn, optimizer, device) -> tuple[float, float]:
    """The contract's train step: mean of the batch losses, mean of the batch accuracies (0-1)."""
    model.train()
    total_loss, total_acc = 0.0, 0.0
    for X, y in dataloader:
        X, y = X.to(device), y.to(device)
        y_pred = model(X)
        loss = loss_fn(y_pred, y)
        total_loss += loss.item()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total_acc += (y_pred.argmax(dim=1) == y).sum().item() / len(y)
    return total_loss / len(dataloader), total_acc / len(dataloader)


def test_step(model: nn.Module, dataloader, loss_fn, device) -> tuple[float, float]:
    """The contract's test step (eval mode, no gradients): mean batch loss, mean batch accuracy (0-1)."""
    model.eval()
    total_loss, total_acc = 0.0, 0.0
    with torch.inference_mode():
        for X, y in dataloader:
            X, y = X.to(device), y.to(device)
            logits = model(X)
            total_loss += loss_fn(logits, y).item()
            total_acc += (logits.argmax(dim=1) == y).sum().item() / len(y)
    return total_loss / len(dataloader), total_acc / len(dataloader)


test_step.__test__ = False  # not a pytest test when imported into a test module


class ReferenceSteps:
    """Kernel side: binds the grader's :func:`train_step`/:func:`test_step` in the student's namespace (the
    globals of ``fn``, where it has them) while ``fn``, the student's loop, runs; puts theirs back after."""

    def __init__(self, fn):
        self.namespace = getattr(fn, "__globals__", None)
        self.saved: dict = {}

    def __enter__(self):
        if isinstance(self.namespace, dict):
            for name, ref in (("train_step", train_step), ("test_step", test_step)):
                if name in self.namespace:
                    self.saved[name] = self.namespace[name]
                    self.namespace[name] = ref
        return self

    def __exit__(self, *exc):
        for name, value in self.saved.items():
            self.namespace[name] = value


def replay_train(model: nn.Module, batches, loss_fn, optimizer, device, zero_grad: bool = True):
    """The train step over fixed batches, per batch: ``(losses, accuracies 0-1)`` before each update.
    ``zero_grad=False`` replays the classic mistake (gradients accumulating across batches)."""
    model.train()
    losses, accs = [], []
    for X, y in batches:
        X, y = X.to(device), y.to(device)
        logits = model(X)
        loss = loss_fn(logits, y)
        if zero_grad:
            optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
        accs.append((logits.argmax(dim=1) == y).float().mean().item())
    return losses, accs


def measure(model: nn.Module, batches, loss_fn, device):
    """The test step over fixed batches, per batch: ``(losses, accuracies 0-1)``."""
    model.eval()
    losses, accs = [], []
    with torch.inference_mode():
        for X, y in batches:
            X, y = X.to(device), y.to(device)
            logits = model(X)
            losses.append(loss_fn(logits, y).item())
            accs.append((logits.argmax(dim=1) == y).float().mean().item())
    return losses, accs


def loader(X: torch.Tensor, y: torch.Tensor, batch_size: int = 32) -> DataLoader:
    """A deterministic DataLoader over tensors: no shuffling, the last batch kept."""
    return DataLoader(TensorDataset(X, y), batch_size=batch_size, shuffle=False)


def batches(X: torch.Tensor, y: torch.Tensor, batch_size: int = 32) -> list[tuple[torch.Tensor, torch.Tensor]]:
    """The batches :func:`loader` yields, as a list."""
    return [(X[i:i + batch_size], y[i:i + batch_size]) for i in range(0, len(X), batch_size)]


@functools.lru_cache(maxsize=8)
def digits(mode: str, size: int = 28) -> tuple[torch.Tensor, torch.Tensor]:
    """All 1,797 digits at ``size`` x ``size`` (28 by default), resampled from the 8x8 scans with ``mode``
    (bilinear is the notebooks' data; another mode, e.g. bicubic, gives hidden checks other pixels).
    Cached: treat the tensors as read-only."""
    if mode == "bilinear":
        return digits_tensors(size)
    images8, labels = digits_tensors(8)
    images = F.interpolate(images8, size=(size, size), mode=mode, align_corners=False)
    return images.clamp(0, 1), labels


def same_params(a: nn.Module, b: nn.Module, rtol: float = 1e-4, atol: float = 1e-6, *, device: str = "cpu") -> bool:
    """The parameters of ``a`` (e.g. the kernel's) against ``b``'s (e.g. the host's replay), in order: the same
    shapes, and equal up to ``rtol``/``atol``. ``device`` is where ``a`` was trained: on the CPU (the host's
    device) they agree to float precision; on another device a few elements may drift further (an Adam step
    on a near-zero gradient can go either way), so there at most 1 % of the elements may differ by more than
    ``rtol=1e-3, atol=1e-5``."""
    pa, pb = list(a.parameters()), list(b.parameters())
    if len(pa) != len(pb) or any(p.shape != q.shape for p, q in zip(pa, pb)):
        return False
    if device == "cpu":
        return all(torch.allclose(p.detach(), q.detach(), rtol=rtol, atol=atol) for p, q in zip(pa, pb))
    off = sum(int((~torch.isclose(p.detach(), q.detach(), rtol=1e-3, atol=1e-5)).sum()) for p, q in zip(pa, pb))
    return off <= 0.01 * sum(p.numel() for p in pa)


def load_by_shape(model: nn.Module, state) -> bool:
    """Load ``state`` (a state_dict whose key names may differ from ``model``'s, e.g. a student's) into
    ``model``: its tensors, in their order, must match ``model``'s state_dict entries one to one by shape
    and dtype. Returns False (``model`` unchanged) when they do not."""
    own = model.state_dict()
    if type(state) is not dict or len(state) != len(own):
        return False
    values = list(state.values())
    if not all(type(v) is torch.Tensor for v in values):
        return False
    if not all(v.shape == w.shape and v.dtype == w.dtype for v, w in zip(values, own.values())):
        return False
    model.load_state_dict(dict(zip(own, values)))
    return True


# --- host side: reading what the kernel returned ------------------------------------------------------------

# How far a returned loss / accuracy (0-1) may be from the host's replay of the same steps: float error only.
LOSS_RTOL, LOSS_ATOL, ACC_ATOL = 1e-3, 1e-4, 1e-4


def forward_calls(value, name: str = "calls") -> list[dict]:
    """The kernel's record of a model's forward passes, ``[{"training": bool, "grad": bool}, ...]``, or
    ``bad_answer`` (``error=name``)."""
    ok = type(value) is list and all(
        type(call) is dict and type(call.get("training")) is bool and type(call.get("grad")) is bool for call in value)
    if not ok:
        raise CheckFailure("bad_answer", error=name)
    return value


def batch_means(values: list[float], sizes: list[int]) -> tuple[float, float]:
    """Per-batch values averaged: the mean over batches (the course's way) and the mean over samples (also
    accepted); ``sizes`` are the batches' sizes."""
    return sum(values) / len(values), sum(v * s for v, s in zip(values, sizes)) / sum(sizes)


def value_close(got: float, expected: float, loss: bool) -> bool:
    """A returned loss (``loss=True``) or accuracy (0-1) against the host's replay, within :data:`LOSS_RTOL` /
    :data:`LOSS_ATOL` or :data:`ACC_ATOL`."""
    if loss:
        return math.isclose(got, expected, rel_tol=LOSS_RTOL, abs_tol=LOSS_ATOL)
    return math.isclose(got, expected, abs_tol=ACC_ATOL)


# --- host-side measurement of a student's trained model ---------------------------------------------------
#
# The images a check measures accuracy on never leave the host: the kernel returns the trained weights and
# the model's outputs on confirmation images (random, never measured); the host loads the weights into its
# own copy, confirms that copy reproduces those outputs, and computes the held-out logits itself.

def confirmation_images(n: int, channels: int, size: int, seed: int) -> torch.Tensor:
    """Random images that are sent to the kernel only to confirm the host's copy of a model: half uniform in
    [0, 1] (the data's range), half in [-1, 2] (so every ReLU and pooling choice changes the outputs)."""
    generator = torch.Generator().manual_seed(seed)
    images = torch.rand(n, channels, size, size, generator=generator)
    images[n // 2:] = images[n // 2:] * 3 - 1
    return images


def outputs_agree(got, expected: torch.Tensor, device: str = "cpu") -> bool:
    """Host side: outputs the kernel returned against the host's copy's outputs on the same inputs, equal up
    to float error scaled by the outputs' size (ten times looser when the kernel computed on another device)."""
    if type(got) is not torch.Tensor or got.shape != expected.shape or not got.is_floating_point():
        return False
    if not bool(torch.isfinite(got).all()):
        return False
    rtol, atol = (1e-4, 1e-5) if device == "cpu" else (1e-3, 1e-4)
    scale = max(float(expected.abs().max()), 1.0) if expected.numel() else 1.0
    return float((got.float() - expected.float()).abs().max()) <= atol + rtol * scale


def host_logits(model, X: torch.Tensor, batch_size: int = 256) -> torch.Tensor:
    """Host side: the outputs of the host's own copy of a model (an ``nn.Module``, put in eval mode, or a
    function) on ``X``, in batches, without gradients."""
    if isinstance(model, nn.Module):
        model.eval()
    with torch.inference_mode():
        return torch.cat([model(X[i:i + batch_size]) for i in range(0, len(X), batch_size)])
