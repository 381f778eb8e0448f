"""The grader's data and reference pieces of 09 (used on both sides; no student code).

The notebook's experiments: a TinyVGG (:class:`autograder.vision.TinyVGG`) of two sizes, trained for 1
or 2 epochs on 25 % or 100 % of the digits' training split, tested on the even positions of the test
split. The odd positions of the test split never reach the notebook: the grader measures the chosen
best model on them (hidden checks: resampled otherwise, a secret subset).
"""

from __future__ import annotations

import re

import torch

from autograder.data import split_indices
from autograder.vision import TinyVGG as ReferenceTinyVGG
from autograder.vision import digits
from autograder.vision import test_step as reference_test_step
from autograder.vision import train_step as reference_train_step

__all__ = ["IMAGE_SIZE", "BATCH_SIZE", "LR", "HISTORY_KEYS", "TAGS", "MODELS", "NUM_EPOCHS", "DATA_NAMES",
           "ReferenceTinyVGG", "reference_train_step", "reference_test_step", "run_names", "run_parts", "digits",
           "training_split", "notebook_test", "held_out"]

IMAGE_SIZE = 28
BATCH_SIZE = 32
LR = 0.003
HISTORY_KEYS = ("train_loss", "train_acc", "test_loss", "test_acc")
# The four series (tags) every run writes, once per epoch, and the history key each one mirrors.
TAGS = {"Loss/train": "train_loss", "Loss/test": "test_loss", "Accuracy/train": "train_acc",
        "Accuracy/test": "test_acc"}
MODELS = {"tinyvgg_4": 4, "tinyvgg_8": 8}          # model_name -> hidden_units
NUM_EPOCHS = (1, 2)
DATA_NAMES = ("data_25_percent", "data_100_percent")
HELD_OUT_HIDDEN = 150                              # hidden checks: a secret subset of the held-out digits

_RUN = re.compile(r"^(data_25_percent|data_100_percent)/(tinyvgg_4|tinyvgg_8)/([12])_epochs$")


def run_names() -> list[str]:
    """The grid's runs as ``<experiment_name>/<model_name>/<epochs>_epochs`` (folders under ``runs/``)."""
    return [f"{data}/{model}/{epochs}_epochs" for data in DATA_NAMES for model in MODELS for epochs in NUM_EPOCHS]


def run_parts(run: str) -> tuple[str, int, int] | None:
    """``(data name, hidden units, epochs)`` of a grid run's name, or None."""
    match = _RUN.match(run) if type(run) is str else None
    if match is None:
        return None
    return match.group(1), MODELS[match.group(2)], int(match.group(3))


def _split() -> tuple[torch.Tensor, torch.Tensor]:
    return split_indices(digits("bilinear")[1])


def training_split() -> tuple[torch.Tensor, torch.Tensor]:
    """The notebook's training digits (``DigitsDataset(train=True)``): what the grader may send to the kernel."""
    images, labels = digits("bilinear")
    idx = _split()[0]
    return images[idx], labels[idx]


def notebook_test() -> tuple[torch.Tensor, torch.Tensor]:
    """The notebook's test digits: the even positions of the test split (``range(0, 359, 2)``: 180 of the split's 359)."""
    images, labels = digits("bilinear")
    idx = _split()[1][0::2]
    return images[idx], labels[idx]


def held_out(hidden: bool, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """The grader's own digits: the odd positions of the test split, which the notebook never gets.
    Visible: all 179 as the notebook resamples them; hidden: ``HELD_OUT_HIDDEN`` of them drawn with
    ``seed`` (a host-only seed), resampled bicubically."""
    idx = _split()[1][1::2]
    if not hidden:
        images, labels = digits("bilinear")
        return images[idx], labels[idx]
    images, labels = digits("bicubic")
    idx = idx[torch.randperm(len(idx), generator=torch.Generator().manual_seed(seed))[:HELD_OUT_HIDDEN]]
    return images[idx], labels[idx]
