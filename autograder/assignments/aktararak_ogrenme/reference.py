"""The grader's data and models of 06 (used on both sides; no student code).

The pretrained feature extractor is ``autograder.pretrain.DigitNet`` trained on digits 0–4
(``autograder/weights/digitnet_0_4.pt``, shipped with the package: nothing is downloaded); the
new task is digits 5–9. Every function takes its seed explicitly: the host picks it (visible, or
the hidden one from the instructor's secret).
"""

from __future__ import annotations

import torch
from torch import nn

from autograder import pretrain
from autograder.pretrain import DigitNet

NOTEBOOK_PER_CLASS = 10                  # the notebook trains on the first 10 digits of each class
TARGET_SHIFT = 4                         # target images are moved by up to 4 pixels
N_TARGET = len(pretrain.TARGET_DIGITS)


def pretrained_state() -> dict[str, torch.Tensor]:
    return torch.load(pretrain.WEIGHTS_PATH, map_location="cpu", weights_only=True)


def reference_pretrained(device=None) -> DigitNet:
    model = DigitNet()
    model.load_state_dict(pretrained_state())
    return model.to(device or "cpu")


def reference_transfer_model(num_classes: int = N_TARGET, device=None, width: int | None = None,
                             seed: int = 0) -> DigitNet:
    """Pretrained (or, with another ``width``, random) DigitNet, features frozen, a fresh head."""
    torch.manual_seed(seed)
    model = reference_pretrained() if width is None else DigitNet(width=width)
    model.features.requires_grad_(False)
    in_features = model.classifier[1].in_features
    model.classifier = nn.Sequential(nn.Dropout(p=0.2), nn.Linear(in_features, num_classes))
    return model.to(device or "cpu")


def grader_model(state: dict[str, torch.Tensor], *, frozen_features: bool = False) -> DigitNet:
    """The grader's DigitNet with the given weights (what the kernel hands to a student's function);
    its width and class count are read from the weights."""
    model = DigitNet(num_classes=classes_of(state), width=width_of(state))
    model.load_state_dict(state)
    if frozen_features:
        model.features.requires_grad_(False)
    return model


def width_of(state: dict[str, torch.Tensor]) -> int:
    return int(state["features.0.weight"].shape[0])


def classes_of(state: dict[str, torch.Tensor]) -> int:
    return int(state["classifier.1.weight"].shape[0])


def source_data(seed: int | None) -> tuple[torch.Tensor, torch.Tensor]:
    """Digits 0–4 of the test split (with a seed: each moved by up to 3 pixels)."""
    X, y = pretrain.digit_subset(pretrain.SOURCE_DIGITS, train=False)
    if seed is not None:
        X = pretrain.shifted(X, torch.Generator().manual_seed(seed), max_shift=3)
    return X, y


def target_data(seed: int, train: bool, per_class: int = 40) -> tuple[torch.Tensor, torch.Tensor]:
    """The grader's images of the target task (digits 5–9, labels 0–4), moved off-centre.

    ``train``: training-split digits after the notebook's first ``NOTEBOOK_PER_CLASS`` of each class;
    else: all test-split digits (with other shifts than the notebook's test set).
    """
    X, y = pretrain.digit_subset(pretrain.TARGET_DIGITS, train=train)
    if train:
        keep = torch.cat([(y == k).nonzero().flatten()[NOTEBOOK_PER_CLASS:NOTEBOOK_PER_CLASS + per_class]
                          for k in range(N_TARGET)])
    else:
        keep = torch.arange(len(y))
    generator = torch.Generator().manual_seed(seed)
    return pretrain.shifted(X[keep], generator, max_shift=TARGET_SHIFT), y[keep]


def budget_data(start: int, per_class: int = 10) -> tuple[torch.Tensor, torch.Tensor]:
    """A small labelled set of centred target digits the notebook does not use (for ``train_model``)."""
    X, y = pretrain.digit_subset(pretrain.TARGET_DIGITS, train=True)
    keep = torch.cat([(y == k).nonzero().flatten()[start:start + per_class] for k in range(N_TARGET)])
    return X[keep], y[keep]


def perturbed_state(seed: int) -> dict[str, torch.Tensor]:
    """Weights like the real file's, every tensor slightly changed: proves the given path is used."""
    generator = torch.Generator().manual_seed(seed)
    return {k: v + 0.01 * torch.randn(v.shape, generator=generator) for k, v in pretrained_state().items()}


def count_case(spec: dict) -> nn.Module:
    """A model for ``count_parameters`` from its plain description (built the same on both sides):
    ``{"kind": "digitnet", "num_classes", "width", "frozen": [names]}`` or
    ``{"kind": "mlp", "sizes": [in, hidden, out], "frozen": [names]}``."""
    if spec["kind"] == "digitnet":
        model = DigitNet(num_classes=spec["num_classes"], width=spec["width"])
    else:
        a, b, out = spec["sizes"]
        model = nn.Sequential(nn.Linear(a, b), nn.ReLU(), nn.Linear(b, out))
    frozen = set(spec["frozen"])
    for name, param in model.named_parameters():
        if name in frozen:
            param.requires_grad_(False)
    return model
