"""The grader's data and reference pieces of 04 (used on both sides; no student code).

The reference TinyVGG, the reference train/test steps and the digits (at 28x28, ``IMAGE_SIZE``) are the
shared ones of :mod:`autograder.vision`.
"""

from __future__ import annotations

import torch

from autograder.data import split_indices
from autograder.vision import TinyVGG as ReferenceTinyVGG
from autograder.vision import digits, loader, parameter_count
from autograder.vision import test_step as reference_test_step
from autograder.vision import train_step as reference_train_step

__all__ = ["IMAGE_SIZE", "BATCH_SIZE", "HISTORY_KEYS", "ReferenceTinyVGG", "parameter_count", "reference_train_step",
           "reference_test_step", "loader", "digits", "grader_split", "subset", "make_optimizer"]

IMAGE_SIZE = 28
BATCH_SIZE = 32
HISTORY_KEYS = ("train_loss", "train_acc", "test_loss", "test_acc")


def grader_split(split_seed: int, mode: str):
    """``(X_train, y_train, X_test, y_test)`` on the CPU: a stratified split of the digits."""
    images, labels = digits(mode)
    train_idx, test_idx = split_indices(labels, split_seed)
    return images[train_idx], labels[train_idx], images[test_idx], labels[test_idx]


def subset(n: int, seed: int, mode: str = "bilinear", among: torch.Tensor | None = None):
    """``n`` digits drawn with ``seed`` (from the indices ``among``, else from all): ``(X, y)`` on the CPU."""
    images, labels = digits(mode)
    pool = torch.arange(len(labels)) if among is None else among
    idx = pool[torch.randperm(len(pool), generator=torch.Generator().manual_seed(seed))[:n]]
    return images[idx], labels[idx]


def make_optimizer(kind: str, params):
    """The optimizers of the step checks: ``"sgd"`` (lr 0.1), ``"adam"`` (lr 1e-3), ``"adam3"`` (lr 3e-3) or
    ``"frozen"`` (SGD with lr 0: the parameters never move, for judging the returned values alone)."""
    if kind == "frozen":
        return torch.optim.SGD(params, lr=0.0)
    if kind == "sgd":
        return torch.optim.SGD(params, lr=0.1)
    if kind == "adam3":
        return torch.optim.Adam(params, lr=3e-3)
    return torch.optim.Adam(params, lr=1e-3)
