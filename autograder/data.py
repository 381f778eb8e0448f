"""Offline image data shared by the vision assignments (04, 05, 06, 07).

The course trains on FashionMNIST, which must be downloaded. Here and in CI nothing may be
downloaded, so the workbook ships a real offline set: scikit-learn's bundled handwritten
digits (1,797 real 8x8 scans), resized to 28x28 ``[1, 28, 28]`` float tensors in [0, 1],
with a fixed stratified train/test split. :func:`load_image_data` keeps the course's real
path: FashionMNIST when it is on disk (or, when asked, can be downloaded), digits otherwise.
"""

from __future__ import annotations

import os
from pathlib import Path

import torch
import torch.nn.functional as F
from torch.utils.data import Dataset

DIGIT_CLASSES = [str(i) for i in range(10)]
SPLIT_SEED = 42
TEST_FRACTION = 0.2


def digits_tensors(size: int = 28) -> tuple[torch.Tensor, torch.Tensor]:
    """All 1,797 digits as ``[N, 1, size, size]`` float32 in [0, 1] and int64 labels."""
    from sklearn.datasets import load_digits

    digits = load_digits()
    images = torch.tensor(digits.images, dtype=torch.float32).unsqueeze(1) / 16.0
    if size != 8:
        images = F.interpolate(images, size=(size, size), mode="bilinear", align_corners=False).clamp(0, 1)
    return images, torch.tensor(digits.target, dtype=torch.long)


def split_indices(labels: torch.Tensor, seed: int = SPLIT_SEED, test_fraction: float = TEST_FRACTION):
    """A stratified, seeded train/test split: (train_idx, test_idx)."""
    generator = torch.Generator().manual_seed(seed)
    train, test = [], []
    for cls in labels.unique(sorted=True):
        idx = (labels == cls).nonzero().flatten()
        idx = idx[torch.randperm(len(idx), generator=generator)]
        n_test = round(len(idx) * test_fraction)
        test.append(idx[:n_test])
        train.append(idx[n_test:])
    return torch.cat(train).sort().values, torch.cat(test).sort().values


class DigitsDataset(Dataset):
    """Handwritten digits as a FashionMNIST-like dataset: ``(image [1, size, size], label)``."""

    classes = DIGIT_CLASSES

    def __init__(self, train: bool = True, size: int = 28, transform=None, target_transform=None,
                 seed: int = SPLIT_SEED):
        images, labels = digits_tensors(size)
        train_idx, test_idx = split_indices(labels, seed)
        idx = train_idx if train else test_idx
        self.data, self.targets = images[idx], labels[idx]
        self.transform, self.target_transform = transform, target_transform
        self.class_to_idx = {c: i for i, c in enumerate(self.classes)}

    def __len__(self) -> int:
        return len(self.targets)

    def __getitem__(self, index: int):
        image, label = self.data[index], int(self.targets[index])
        if self.transform:
            image = self.transform(image)
        if self.target_transform:
            label = self.target_transform(label)
        return image, label


def _fashion_mnist_on_disk(root: Path) -> bool:
    raw = root / "FashionMNIST" / "raw"
    return raw.is_dir() and any(raw.glob("train-images-idx3-ubyte*"))


def load_image_data(root: str | os.PathLike = "data", download: bool = False, verbose: bool = True):
    """``(train, test, name)``: FashionMNIST when available, else the offline digits.

    FashionMNIST is used when it is already under ``root`` or when ``download=True`` and the
    download works (never in the grader: ``AUTOGRADER_OFFLINE=1`` forbids it). Prints, in
    Turkish, which one it used.
    """
    root = Path(root)
    offline = os.environ.get("AUTOGRADER_OFFLINE", "") == "1"
    if _fashion_mnist_on_disk(root) or (download and not offline):
        try:
            from torchvision import datasets
            from torchvision.transforms import ToTensor

            get = dict(root=str(root), download=download and not offline, transform=ToTensor())
            train, test = datasets.FashionMNIST(train=True, **get), datasets.FashionMNIST(train=False, **get)
            if verbose:
                print(f"FashionMNIST kullanılıyor ({len(train)} eğitim, {len(test)} test görüntüsü).")
            return train, test, "FashionMNIST"
        except Exception as exc:  # no network, broken files: fall back, and say why
            if verbose:
                print(f"FashionMNIST yüklenemedi ({type(exc).__name__}); çevrimdışı rakam verisine geçiliyor.")
    train, test = DigitsDataset(train=True), DigitsDataset(train=False)
    if verbose:
        print(f"Çevrimdışı el yazısı rakam verisi kullanılıyor (scikit-learn load_digits, 28x28): "
              f"{len(train)} eğitim, {len(test)} test görüntüsü.")
    return train, test, "digits"
