"""The grader's data and reference pieces of 08 (used on both sides; no student code).

The notebook writes handwritten digits (scikit-learn's scans at 28x28) as PNG files into an
``ImageFolder`` tree; the grader writes its own small trees into the kernel's work folder (from
plain tensors: pixels, never files) and measures the models the student's scripts save on digits
that never leave the host. The reference TinyVGG and steps are :mod:`autograder.vision`'s.
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import torch

from autograder import vision
from autograder.data import digits_tensors, split_indices

IMAGE_SIZE = 28
# The notebook's folders: digit -> class folder, and how many digits of each class it writes.
NOTEBOOK_CLASSES = {0: "sifir", 1: "bir", 2: "iki"}
NOTEBOOK_TRAIN, NOTEBOOK_TEST = 60, 20
# The files the student writes, and the solution cell of each.
MODULE_CELLS = {"data_setup": "data_setup", "model_builder": "model_builder", "engine": "engine",
                "utils": "utils", "train": "train_script"}

__all__ = ["IMAGE_SIZE", "MODULE_CELLS", "NOTEBOOK_CLASSES", "NOTEBOOK_TEST", "NOTEBOOK_TRAIN", "as_input",
           "digit_pixels", "load_tinyvgg", "notebook_indices", "write_images"]


@functools.lru_cache(maxsize=1)
def digit_pixels() -> tuple[torch.Tensor, torch.Tensor]:
    """All 1,797 digits at 28x28 as the notebook writes them: uint8 ``[N, 28, 28]`` and int64 labels."""
    images, labels = digits_tensors(IMAGE_SIZE)
    return (images[:, 0] * 255).round().to(torch.uint8), labels


def notebook_indices() -> dict[str, dict[int, torch.Tensor]]:
    """``{"train"|"test": {digit: indices}}``: the digits the notebook writes (the first of each class in
    the fixed split), and ``{"train_rest"|"test_rest": ...}``: the ones it does not write."""
    _, labels = digit_pixels()
    train_idx, test_idx = split_indices(labels)
    out: dict[str, dict[int, torch.Tensor]] = {"train": {}, "test": {}, "train_rest": {}, "test_rest": {}}
    for split, idx, n in (("train", train_idx, NOTEBOOK_TRAIN), ("test", test_idx, NOTEBOOK_TEST)):
        for digit in NOTEBOOK_CLASSES:
            of_class = idx[labels[idx] == digit]
            out[split][digit], out[f"{split}_rest"][digit] = of_class[:n], of_class[n:]
    return out


def as_input(pixels: torch.Tensor) -> torch.Tensor:
    """What ``ImageFolder`` + ``Resize((28, 28))`` + ``ToTensor()`` make of grayscale PNGs of these pixels:
    RGB (three equal channels), float32 in [0, 1]: ``[N, 3, 28, 28]``."""
    return (pixels.float() / 255).unsqueeze(1).repeat(1, 3, 1, 1)


def write_images(root: Path, files: dict) -> Path:
    """Kernel side (and the host's own copy): ``{relative path: uint8 pixels}`` written as PNG files below
    ``root``, in the order given (``[H, W]`` grayscale, ``[H, W, 3]`` RGB)."""
    from PIL import Image

    for rel, pixels in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        array = np.ascontiguousarray(pixels.numpy().astype(np.uint8))
        Image.fromarray(array, "L" if array.ndim == 2 else "RGB").save(path)
    return root


def load_tinyvgg(state) -> vision.TinyVGG | None:
    """The course's TinyVGG (28x28 input) with a student's weights: its tensors, taken as (weight, bias)
    pairs in order (the classifier may be registered before the blocks), must be four 3x3 convolutions
    and one linear layer of a TinyVGG. None when they are not."""
    if type(state) is not dict or not state or not all(type(v) is torch.Tensor for v in state.values()):
        return None
    values = list(state.values())
    if len(values) != 10:
        return None
    convs, linears = [], []
    for weight, bias in zip(values[0::2], values[1::2]):
        if bias.dim() != 1 or weight.dim() not in (2, 4) or weight.shape[0] != bias.shape[0]:
            return None
        (convs if weight.dim() == 4 else linears).extend([weight, bias])
    if len(convs) != 8 or len(linears) != 2:
        return None
    channels, hidden_units = convs[0].shape[1], convs[0].shape[0]
    classes = linears[0].shape[0]
    if not (1 <= hidden_units <= 512 and 1 <= classes <= 1000 and 1 <= channels <= 4):
        return None
    model = vision.TinyVGG(channels, hidden_units, classes)
    ok = vision.load_by_shape(model, dict(enumerate(convs + linears)))
    return model if ok and all(bool(torch.isfinite(t).all()) for t in convs + linears) else None
