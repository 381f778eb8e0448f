"""The grader's reference pieces for the computer-vision assignments (04_tinyvgg, 05 custom data).

Importable on both sides (the grading host and the student's kernel); no student code here.

* :class:`TinyVGG` — the course's TinyVGG (``TinyVGG(input_shape, hidden_units, output_shape)``),
  two blocks of (Conv2d 3x3 padding 1, ReLU, Conv2d 3x3 padding 1, ReLU, MaxPool2d 2), then
  Flatten and Linear. ``image_size`` (keyword, default 28) fixes the Linear's input:
  ``hidden_units * (image_size // 4) ** 2``.
* :func:`train_step` / :func:`test_step` — the course's steps: ``(mean batch loss, mean batch
  accuracy 0-1)``.
* :func:`loader` — a deterministic, unshuffled DataLoader over tensors; :func:`batches` the same
  batches as a list (for replays).
* :func:`parameter_count`, :func:`same_params` and :func:`load_by_shape` (a state_dict with other
  key names, e.g. a student's, loaded into a reference module by parameter order and shape).
* :func:`confirmation_images`, :func:`outputs_agree` and :func:`host_logits` — measuring a student's
  trained model on the host: the measured images never reach the kernel, only the model's weights
  and its outputs on random confirmation images come back.
"""

from __future__ import annotations

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

__all__ = ["TinyVGG", "train_step", "test_step", "loader", "batches", "parameter_count", "same_params",
           "load_by_shape", "replay_train", "measure", "confirmation_images", "outputs_agree", "host_logits"]


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


def same_params(a: nn.Module, b: nn.Module, rtol: float = 1e-4, atol: float = 1e-6) -> bool:
    pa, pb = list(a.parameters()), list(b.parameters())
    return len(pa) == len(pb) and all(
        p.shape == q.shape and torch.allclose(p.detach(), q.detach(), rtol=rtol, atol=atol) for p, q in zip(pa, pb))


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
