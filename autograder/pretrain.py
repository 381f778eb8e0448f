"""The workbook's offline "pretrained model" for ``06_aktararak_ogrenme`` (transfer learning).

The course downloads EfficientNet-B0 weights trained on ImageNet. Nothing may be downloaded
here, so the project ships a small CNN it trained itself on a *source task* — handwritten
digits 0–4 (scikit-learn's offline scans, 28×28) — as a committed ``state_dict``
(``autograder/weights/digitnet_0_4.pt``, about 380 KB). The notebook then reuses its feature
extractor for a *target task*: digits 5–9, which the network has never seen.

``DigitNet`` mirrors the parts of torchvision's EfficientNet that transfer learning touches:
``features`` (the convolutional feature extractor), ``avgpool`` and ``classifier``
(``Dropout`` + ``Linear``, the head that gets replaced).

Make the weights again (deterministic: one CPU thread, fixed seeds, deterministic kernels)::

    python -m autograder.pretrain            # writes autograder/weights/digitnet_0_4.pt
    python -m autograder.pretrain --out /tmp/w.pt --epochs 30
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn

from autograder.data import digits_tensors, split_indices

WEIGHTS_PATH = Path(__file__).resolve().parent / "weights" / "digitnet_0_4.pt"
SOURCE_DIGITS = (0, 1, 2, 3, 4)
TARGET_DIGITS = (5, 6, 7, 8, 9)
IMAGE_SIZE = 28
WIDTH = 32
EPOCHS = 30
SEED = 0
# state_digest() of the committed weights; `python -m autograder.pretrain` reproduces it
# (checked on torch 2.14 / CPU; other versions may differ in the last bits).
WEIGHTS_DIGEST = "89bfbb3194e7fe57e05a959185f0c5e032b8d978c50f0572c90617f584499711"


class DigitNet(nn.Module):
    """A small CNN for ``[B, 1, 28, 28]`` digit images.

    ``features``: three 3×3 convolution blocks (``width``, ``2·width``, ``4·width`` channels; the
    first two followed by max pooling: 28 → 14 → 7), ``avgpool``: adaptive average pooling to
    3×3, ``classifier``: ``Dropout(0.2)`` and ``Linear(4·width·3·3, num_classes)``.
    """

    def __init__(self, num_classes: int = len(SOURCE_DIGITS), width: int = WIDTH):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, width, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(width, 2 * width, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(2 * width, 4 * width, kernel_size=3, padding=1), nn.ReLU(),
        )
        self.avgpool = nn.AdaptiveAvgPool2d(3)
        self.classifier = nn.Sequential(nn.Dropout(p=0.2), nn.Linear(4 * width * 3 * 3, num_classes))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.classifier(torch.flatten(self.avgpool(self.features(x)), start_dim=1))


def shifted(images: torch.Tensor, generator: torch.Generator, max_shift: int = 3) -> torch.Tensor:
    """``[N, C, H, W]`` images, each moved by up to ``max_shift`` pixels in x and y (black fills the gap)."""
    h, w = images.shape[-2:]
    padded = F.pad(images, (max_shift,) * 4)
    offsets = torch.randint(0, 2 * max_shift + 1, (len(images), 2), generator=generator)
    return torch.stack([padded[i, :, dy:dy + h, dx:dx + w] for i, (dy, dx) in enumerate(offsets.tolist())])


def digit_subset(digits: tuple[int, ...], train: bool, size: int = IMAGE_SIZE):
    """``(images, labels)`` of the given digits from the fixed split; labels renumbered 0..len(digits)-1."""
    images, labels = digits_tensors(size)
    train_idx, test_idx = split_indices(labels)
    idx = train_idx if train else test_idx
    keep = idx[torch.isin(labels[idx], torch.tensor(digits))]
    remap = {d: i for i, d in enumerate(digits)}
    return images[keep], torch.tensor([remap[int(v)] for v in labels[keep]])


def train_source_model(epochs: int = EPOCHS, seed: int = SEED, verbose: bool = True) -> DigitNet:
    """Train ``DigitNet`` on digits 0–4 (with small random shifts), on the CPU, deterministically."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    deterministic = torch.are_deterministic_algorithms_enabled()
    torch.use_deterministic_algorithms(True)
    try:
        torch.manual_seed(seed)
        generator = torch.Generator().manual_seed(seed)
        X, y = digit_subset(SOURCE_DIGITS, train=True)
        model = DigitNet()
        optimizer = torch.optim.Adam(model.parameters(), lr=0.003)
        for epoch in range(epochs):
            model.train()
            order = torch.randperm(len(X), generator=generator)
            total = 0.0
            for start in range(0, len(X), 32):
                batch = order[start:start + 32]
                loss = F.cross_entropy(model(shifted(X[batch], generator)), y[batch])
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                total += loss.item() * len(batch)
            if verbose and (epoch + 1) % 5 == 0:
                print(f"epoch {epoch + 1:2d}: loss {total / len(X):.4f}")
        model.eval()
        return model
    finally:
        torch.use_deterministic_algorithms(deterministic)
        torch.set_num_threads(threads)


def accuracy(model: nn.Module, X: torch.Tensor, y: torch.Tensor) -> float:
    model.eval()
    with torch.inference_mode():
        return 100.0 * float((model(X).argmax(dim=1) == y).float().mean())


def state_digest(state: dict[str, torch.Tensor]) -> str:
    """SHA-256 of the tensors (names, shapes, dtypes, bytes): equal for equal weights.

    The ``.pt`` file's own bytes are not reproducible (``torch.save`` writes a random
    serialization id and the file's name into the archive), so compare this instead.
    """
    digest = hashlib.sha256()
    for name in sorted(state):
        tensor = state[name].detach().cpu().contiguous()
        digest.update(f"{name}|{tuple(tensor.shape)}|{tensor.dtype}|".encode())
        digest.update(tensor.numpy().tobytes())
    return digest.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m autograder.pretrain", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=WEIGHTS_PATH, help="where to write the state_dict")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    model = train_source_model(args.epochs, args.seed)
    X, y = digit_subset(SOURCE_DIGITS, train=False)
    print(f"source task (digits 0-4) test accuracy: {accuracy(model, X, y):.1f}%")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    torch.save({k: v.contiguous() for k, v in model.state_dict().items()}, args.out)
    digest = state_digest(model.state_dict())
    print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KB), weights digest {digest}")
    if digest != WEIGHTS_DIGEST:
        print(f"note: differs from the committed weights' digest {WEIGHTS_DIGEST}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
