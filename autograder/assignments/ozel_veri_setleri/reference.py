"""The grader's data and reference pieces of 05 (used on both sides; no student code).

The reference TinyVGG and train/test steps are the shared ones of :mod:`autograder.vision`
(here for 64x64 images); this module adds 05's own: the image folders the grader writes, its
test images, the small CNN it trains with the student's loops, the model behind
``pred_and_plot_image`` and the grader's own digits (host only: their labels never leave the host).
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import numpy as np
import torch
from PIL import Image
from torch import nn
from torchvision import transforms

from autograder import checks as c
from autograder import vision
from autograder.data import digits_tensors, split_indices

IMAGE_EXTENSIONS = (".png", ".jpg", ".jpeg")
IMAGE_SIZE = (64, 64)
# The notebook's classes: handwritten digits 0, 1 and 2 written to disk as PNG files.
CLASS_NAMES = ("bir", "iki", "sifir")     # sorted folder names, as ImageFolder orders them
DIGIT_OF_CLASS = {"sifir": 0, "bir": 1, "iki": 2}
NOTEBOOK_SIZES = (32, 40, 48, 56)         # the notebook writes digits at these sizes

# The grader's own folders: class names chosen to test sorting (upper case before lower case,
# "10_on" before "2_iki") and created in a scrambled order, with a stray text file at the top.
GRADER_CLASSES = {False: ("kedi", "Araba", "ev"), True: ("zurafa", "2_iki", "Balik", "10_on", "ayi")}


class ReferenceTinyVGG(vision.TinyVGG):
    """The course's TinyVGG for 64x64 inputs (``Linear(hidden_units*16*16, output_shape)``)."""

    def __init__(self, input_shape: int, hidden_units: int, output_shape: int):
        super().__init__(input_shape, hidden_units, output_shape, image_size=IMAGE_SIZE[0])


# --- the grader's own image folders ----------------------------------------------------------------------

def _random_image(rng: np.random.Generator, mode: str) -> Image.Image:
    w, h = int(rng.integers(18, 40)), int(rng.integers(18, 40))
    channels = {"RGB": 3, "L": 1, "RGBA": 4}[mode]
    pixels = rng.integers(0, 256, size=(h, w, channels), dtype=np.uint8)
    return Image.fromarray(pixels[..., 0] if channels == 1 else pixels, mode)


def make_grader_tree(root: Path, classes: tuple[str, ...], seed: int) -> list[str]:
    """``root/train/<class>/*`` and ``root/test/<class>/*``: PNGs in RGB, L and RGBA, JPEGs, stray files.

    Class folders and files are created in a scrambled order, so an unsorted listing shows.
    Returns what was created, in order (paths relative to ``root``).
    """
    rng = np.random.default_rng(seed)
    classes = list(classes)
    order = random.Random(seed)
    created = []

    def made(path: Path) -> Path:
        created.append(path.relative_to(root).as_posix())
        return path

    for split, base in (("train", 4), ("test", 2)):
        split_dir = made(root / split)
        split_dir.mkdir(parents=True)
        made(split_dir / "BENIOKU.txt").write_text("görüntü değil / not an image\n", encoding="utf-8")
        scrambled = classes[1:] + classes[:1]
        for k, cls in enumerate(scrambled):
            folder = made(split_dir / cls)
            folder.mkdir()
            names = [(f"{cls[:3].lower()}_{i:02d}", ext, mode) for i, (ext, mode) in enumerate(
                [(".png", "RGB"), (".jpg", "RGB"), (".png", "L"), (".png", "RGBA"), (".jpeg", "RGB")][: base + k % 3])]
            order.shuffle(names)
            for stem, ext, mode in names:
                image = _random_image(rng, mode)
                if ext in (".jpg", ".jpeg"):
                    image.save(made(folder / f"{stem}{ext}"), quality=90)
                else:
                    image.save(made(folder / f"{stem}{ext}"))
            if k == 0:
                made(folder / "notlar.txt").write_text("etiket listesi\n", encoding="utf-8")
    return created


def bytes_tensor(data: bytes) -> torch.Tensor:
    """File contents as a uint8 tensor (how files travel to the kernel)."""
    return torch.from_numpy(np.frombuffer(data, dtype=np.uint8).copy())


def tree_files(root: Path, created: list[str], under: str = "") -> dict:
    """What :func:`make_grader_tree` created below ``root/under``, as ``{"files": {path: bytes},
    "dirs": [path, ...]}`` with paths relative to ``root/under``, in creation order (the kernel
    recreates them in the same order)."""
    prefix = f"{under}/" if under else ""
    files, dirs = {}, []
    for rel in created:
        if not rel.startswith(prefix):
            continue
        path = root / rel
        if path.is_dir():
            dirs.append(rel[len(prefix):])
        else:
            files[rel[len(prefix):]] = bytes_tensor(path.read_bytes())
    return {"files": files, "dirs": dirs}


def write_tree(root: Path, tree: dict) -> Path:
    """Kernel side: recreate what :func:`tree_files` listed below ``root`` (folders first, then the
    files, each in the order given)."""
    for rel in tree["dirs"]:
        (root / rel).mkdir(parents=True, exist_ok=True)
    for rel, data in tree["files"].items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.numpy().tobytes())
    return root


# --- images and transforms ------------------------------------------------------------------------------

def test_image(seed: int, hidden: bool) -> Image.Image:
    """A non-square RGB image with left/right structure, so a horizontal flip shows."""
    rng = np.random.default_rng(seed)
    w, h = (50, 30) if not hidden else (37, 71)
    return Image.fromarray(rng.integers(0, 256, size=(h, w, 3), dtype=np.uint8), "RGB")


test_image.__test__ = False  # not a pytest test when imported into a test module


def image_pixels(image: Image.Image) -> torch.Tensor:
    """A PIL image as a ``[H, W, C]`` (or ``[H, W]``) uint8 tensor."""
    return torch.from_numpy(np.array(image, dtype=np.uint8))


def pil_image(pixels: torch.Tensor) -> Image.Image:
    """Kernel side: the PIL RGB image back from :func:`image_pixels`."""
    return Image.fromarray(pixels.numpy().astype(np.uint8), "RGB")


def reference_tensor(image: Image.Image) -> torch.Tensor:
    return transforms.ToTensor()(transforms.Resize(IMAGE_SIZE)(image))


def grader_transform(size) -> transforms.Compose:
    """The grader's own transform given to ``ImageFolderCustom``."""
    return transforms.Compose([transforms.Resize(tuple(size)), transforms.ToTensor()])


# --- models the grader lends to the student's functions -------------------------------------------------

def probe_cnn(in_channels: int = 3, classes: int = 3) -> nn.Module:
    """A small CNN the grader trains with the student's loops (not the student's model)."""
    return c.ModeRecorder(nn.Sequential(
        nn.Conv2d(in_channels, 6, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 8, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(2),
        nn.Flatten(), nn.Linear(32, classes)))


def make_optimizer(kind: str, params):
    return torch.optim.Adam(params, lr=0.01) if kind == "adam" else torch.optim.SGD(params, lr=0.1)


def step_data(seed: int, hidden: bool) -> dict:
    """Small 3-class image batches (digits 0–2 at 16×16, 3 channels); even batch sizes, no shuffling."""
    images, labels = digits_tensors(16)
    generator = torch.Generator().manual_seed(seed)
    keep = (labels < 3).nonzero().flatten()
    keep = keep[torch.randperm(len(keep), generator=generator)]
    X, y = images[keep].repeat(1, 3, 1, 1), labels[keep]
    X = X + 0.05 * torch.randn(X.shape, generator=generator)
    batch = 8 if not hidden else 6
    return {"X_train": X[:48], "y_train": y[:48], "X_test": X[48:48 + 4 * batch], "y_test": y[48:48 + 4 * batch],
            "batch_size": batch}


class PixelProbe(nn.Module):
    """The grader's model for ``pred_and_plot_image``: a fixed linear map of the (scaled) pixels.

    Its logits depend on the pixel scale (0–1 vs 0–255), on the image size (``side``) and on the
    batch dimension, so each typical slip changes the answer.
    """

    def __init__(self, side: int, classes: int, seed: int = 0):
        super().__init__()
        generator = torch.Generator().manual_seed(seed)
        self.linear = nn.Linear(3 * side * side, classes)
        with torch.no_grad():
            self.linear.weight.copy_(torch.randn(self.linear.weight.shape, generator=generator) * 4 / side)
            self.linear.bias.copy_(torch.randn(classes, generator=generator))
        self.calls: list[tuple[bool, bool]] = []

    def forward(self, x):
        self.calls.append((self.training, torch.is_grad_enabled()))
        return self.linear(torch.flatten(x, start_dim=1))


def pred_case(seed: int, hidden: bool) -> dict:
    """The image file (its name and bytes), class names, transform size and model of ``pred_and_plot_image``."""
    rng = np.random.default_rng(seed + 3)
    classes = ["yildiz", "kare", "daire", "ucgen"] if hidden else ["sifir", "bir", "iki"]
    side = 20 if hidden else 24
    size = (side, side) if hidden else (45, 33)
    pixels = rng.integers(0, 256, size=(size[1], size[0], 3), dtype=np.uint8)
    buffer = io.BytesIO()
    if hidden:
        Image.fromarray(pixels, "RGB").save(buffer, format="JPEG", quality=95)
    else:
        Image.fromarray(pixels, "RGB").save(buffer, format="PNG")
    model = PixelProbe(side, len(classes), seed)
    return {"name": "ozel_resim.jpg" if hidden else "ozel_resim.png", "data": buffer.getvalue(),
            "classes": classes, "side": side, "resize": None if hidden else [side, side], "model": model}


# --- the notebook's digits, drawn again by the grader (host only) -----------------------------------------

def digit_images(hidden: bool, seed: int, per_class: int = 40) -> tuple[torch.Tensor, torch.Tensor]:
    """The grader's own images of the notebook's classes, through Resize((64, 64)) + ToTensor.

    Visible: training-split digits the notebook does not write; hidden: test-split digits and
    shifted copies, at other sizes. Labels follow ``CLASS_NAMES`` (ImageFolder's order), the
    images grouped by class: shuffle them before they leave the host.
    """
    _, labels = digits_tensors(8)
    train_idx, test_idx = split_indices(labels)
    rng = np.random.default_rng(seed)
    sizes = (36, 44, 52, 60) if hidden else NOTEBOOK_SIZES
    by_size = {s: digits_tensors(s)[0] for s in sizes}
    resize, to_tensor = transforms.Resize(IMAGE_SIZE), transforms.ToTensor()
    images, targets = [], []
    for label, cls in enumerate(CLASS_NAMES):
        digit = DIGIT_OF_CLASS[cls]
        # the notebook writes the first 75 training and the first 25 test digits of each class
        unused_train = train_idx[labels[train_idx] == digit][75:]
        unused_test = test_idx[labels[test_idx] == digit][25:]
        if hidden:   # other digits than the visible check, at other sizes, every other one shifted
            chosen = torch.cat([unused_test, unused_train.flip(0)])
        else:
            chosen = unused_train
        for k, index in enumerate(chosen[:per_class].tolist()):
            size = int(rng.choice(sizes))
            pixels = (by_size[size][index, 0] * 255).round().to(torch.uint8)
            if hidden and k % 2:
                dx, dy = (int(v) for v in rng.integers(-3, 4, size=2))
                pixels = torch.roll(pixels, (dy, dx), (0, 1))
            image = Image.fromarray(pixels.numpy(), "L").convert("RGB")
            images.append(to_tensor(resize(image)))
            targets.append(label)
    return torch.stack(images), torch.tensor(targets)
