"""The grader's data and models of 06 (used on both sides; no student code).

The pretrained feature extractor is ``autograder.pretrain.DigitNet`` trained on digits 0–4
(``autograder/weights/digitnet_0_4.pt``, shipped with the package: nothing is downloaded); the
new task is digits 5–9. Every function takes its seed explicitly: the host picks it (visible, or
the hidden one from the instructor's secret).
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
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


def most_wrong_data(seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Digits 0–4 of the test split moved by up to 6 pixels: the pretrained model gets about one in six
    wrong, some of them with high confidence (for ``most_wrong``; sent to the kernel with its labels)."""
    X, y = pretrain.digit_subset(pretrain.SOURCE_DIGITS, train=False)
    return pretrain.shifted(X, torch.Generator().manual_seed(seed), max_shift=6), y


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


# --- the host's copy of a student's model ------------------------------------------------------------------

# Layers a head may be built from, each with the settings that fix what it computes (kernel side:
# :func:`describe`; host side: :func:`build_head` builds the same layer again).
_LAYERS = {
    "Linear": (nn.Linear, {"in_features": int, "out_features": int, "bias": bool}),
    "Dropout": (nn.Dropout, {"p": float}),
    "ReLU": (nn.ReLU, {}),
    "LeakyReLU": (nn.LeakyReLU, {"negative_slope": float}),
    "ELU": (nn.ELU, {"alpha": float}),
    "GELU": (nn.GELU, {"approximate": str}),
    "SiLU": (nn.SiLU, {}),
    "Tanh": (nn.Tanh, {}),
    "Sigmoid": (nn.Sigmoid, {}),
    "Identity": (nn.Identity, {}),
    "Softmax": (nn.Softmax, {"dim": int}),
    "LogSoftmax": (nn.LogSoftmax, {"dim": int}),
    "Flatten": (nn.Flatten, {"start_dim": int, "end_dim": int}),
    "BatchNorm1d": (nn.BatchNorm1d, {"num_features": int, "eps": float, "momentum": float, "affine": bool,
                                     "track_running_stats": bool}),
}
MAX_HEAD_LAYERS = 32


def describe(module: nn.Module) -> dict:
    """Kernel side: a plain description of a head (``nn.Sequential`` of the layers in ``_LAYERS``);
    any other module is described by its type's name only, which the host cannot build."""
    if type(module) is nn.Sequential:
        return {"type": "Sequential", "children": [describe(m) for m in module]}
    for name, (cls, settings) in _LAYERS.items():
        if type(module) is cls:
            values = {key: (module.bias is not None) if key == "bias" else getattr(module, key) for key in settings}
            return {"type": name, **values}
    return {"type": type(module).__name__[:80], "unknown": True}


def _build(description, depth: int = 0) -> nn.Module | None:
    if type(description) is not dict or depth > 4:
        return None
    kind = description.get("type")
    if kind == "Sequential":
        children = description.get("children")
        if type(children) is not list or len(children) > MAX_HEAD_LAYERS:
            return None
        built = [_build(child, depth + 1) for child in children]
        return None if any(m is None for m in built) else nn.Sequential(*built)
    if kind not in _LAYERS or description.get("unknown") is not None:
        return None
    cls, settings = _LAYERS[kind]
    if set(description) != {"type", *settings}:
        return None
    values = {}
    for key, want in settings.items():
        value = description[key]
        if want is float and type(value) is int:
            value = float(value)
        if type(value) is not want or (want is float and not math.isfinite(value)):
            return None
        values[key] = value
    try:
        return cls(**values)
    except (TypeError, ValueError, RuntimeError):
        return None


def build_head(description, expected: dict[str, torch.Size]) -> nn.Module | None:
    """Host side: the head a (possibly forged) description names, or None when it cannot be built or its
    parameters and buffers would not have exactly the ``expected`` names and shapes (checked on the
    ``meta`` device first: a forged description costs no memory)."""
    with torch.device("meta"):
        head = _build(description)
    if head is None or {k: v.shape for k, v in head.state_dict().items()} != dict(expected):
        return None
    return _build(description)


def check_images(seed: int) -> torch.Tensor:
    """Inputs that only confirm the host's copy of a model computes what the student's model computes
    (sent to the kernel; never measured): uniform noise and smooth blobs, ``[8, 1, 28, 28]``."""
    g = torch.Generator().manual_seed(seed)
    noise = torch.rand(4, 1, 28, 28, generator=g)
    blobs = F.interpolate(torch.rand(4, 1, 7, 7, generator=g), size=28, mode="bilinear", align_corners=False)
    return torch.cat([noise, blobs])


def disguised(X: torch.Tensor, seed: int, max_angle: float = 5.0, max_shift: float = 0.5, max_scale: float = 0.03,
              noise: float = 0.03) -> torch.Tensor:
    """The host's images, each turned, moved (by less than a pixel) and scaled a little, with a little
    noise, all drawn from ``seed`` (which the host keeps): no copy of them exists anywhere to look up.
    Used only where the kernel's own logits must be measured."""
    g = torch.Generator().manual_seed(seed)
    n, _, h, w = X.shape

    def uniform(*shape):
        return torch.rand(*shape, generator=g) * 2 - 1

    angle = uniform(n) * math.radians(max_angle)
    scale = 1 + uniform(n) * max_scale
    shift = uniform(n, 2) * (2 * max_shift / torch.tensor([w, h]))
    cos, sin = torch.cos(angle) / scale, torch.sin(angle) / scale
    theta = torch.stack([torch.stack([cos, -sin, shift[:, 0]], 1), torch.stack([sin, cos, shift[:, 1]], 1)], 1)
    grid = F.affine_grid(theta, list(X.shape), align_corners=False)
    moved = F.grid_sample(X, grid, mode="bilinear", padding_mode="zeros", align_corners=False)
    return (moved + noise * torch.randn(moved.shape, generator=g)).clamp(0, 1)
