"""Data, reference models and the grader's instruments of 01 (importable on both sides; no student code)."""

from __future__ import annotations

import functools

import torch
from torch import nn

WEIGHT, BIAS = 0.7, 0.3          # the notebook's line
START, END, STEP = 0.0, 1.0, 0.02
TRAIN_FRACTION = 0.8
# The grader's lines for the training check: (weight, bias, start, end, step); other weights and biases
# than the notebook's. 300 epochs of SGD (lr=0.01, L1) from weight = bias = 0 get within 0.01 of them.
TRAIN_LINES = {False: (0.3, 0.9, 0.0, 1.0, 0.02), True: (-0.5, 0.2, 0.0, 1.0, 0.025)}
TRAIN_EPOCHS, TRAIN_LR = 300, 0.01
TOLERANCE = 0.03                 # learned weight and bias vs the truth
MODEL_1_TOLERANCE = 0.02         # mean absolute error of model_1 on the grader's points of the notebook's line


def line(weight: float, bias: float, start: float, end: float, step: float, device=None):
    """``(X [N, 1], y [N, 1])`` on the straight line ``y = weight * X + bias``."""
    X = torch.arange(start, end, step, device=device).unsqueeze(dim=1)
    return X, weight * X + bias


def split(X: torch.Tensor, y: torch.Tensor):
    """The in-order 80/20 split: X_train, y_train, X_test, y_test."""
    n = int(TRAIN_FRACTION * len(X))
    return X[:n], y[:n], X[n:], y[n:]


class ReferenceLinearRegression(nn.Module):
    """The course's model written out: one weight, one bias, ``weights * x + bias``."""

    def __init__(self):
        super().__init__()
        self.weights = nn.Parameter(torch.randn(1))
        self.bias = nn.Parameter(torch.randn(1))

    def forward(self, x):
        return self.weights * x + self.bias


class SmallNet(nn.Module):
    """Another model to save and load in the hidden test: more layers and a buffer."""

    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(3, 5), nn.BatchNorm1d(5), nn.ReLU(), nn.Linear(5, 2))

    def forward(self, x):
        return self.layers(x)


SAVED_MODELS = {"linear": ReferenceLinearRegression, "small_net": SmallNet}   # save_load: kind -> class


def parameter_count(model: nn.Module) -> tuple[int, int]:
    """(number of parameter tensors, number of values)."""
    params = list(model.parameters())
    return len(params), sum(p.numel() for p in params)


# --- the training check's instruments (they run in the kernel, around the student's loop) -------------------

class RecordingModel(nn.Module):
    """The grader's linear regression model (its state_dict fits :class:`ReferenceLinearRegression`);
    remembers how each forward pass was made."""

    def __init__(self):
        super().__init__()
        self.weights = nn.Parameter(torch.zeros(1))
        self.bias = nn.Parameter(torch.zeros(1))
        self.calls: list[tuple[int, bool, bool]] = []   # (rows, training, grad enabled)

    def forward(self, x):
        self.calls.append((int(x.shape[0]), self.training, torch.is_grad_enabled()))
        return self.weights * x + self.bias


class RecordingSGD(torch.optim.SGD):
    """SGD that looks, at every step, whether the gradient is this epoch's own: not piled up on the
    previous epochs' (zero_grad missing) and not wiped out before the step (zero_grad after backward)."""

    def __init__(self, params, lr):
        params = list(params)
        super().__init__(params, lr=lr)
        self.steps = self.cleared = self.piled_up = 0
        self.incoming: dict[int, torch.Tensor] = {}
        for p in params:
            p.register_hook(functools.partial(self._remember, id(p)))

    def _remember(self, key, grad):
        self.incoming[key] = grad.detach().clone()

    def step(self, closure=None):
        self.steps += 1
        pairs = [(p.grad, self.incoming[id(p)]) for group in self.param_groups for p in group["params"]
                 if id(p) in self.incoming]
        if pairs and any(bool(torch.any(fresh)) for _, fresh in pairs):
            if all(grad is None or not bool(torch.any(grad)) for grad, _ in pairs):
                self.cleared += 1
            elif any(grad is None or not torch.allclose(grad, fresh, atol=1e-7) for grad, fresh in pairs):
                self.piled_up += 1
        self.incoming = {}
        return super().step(closure)
