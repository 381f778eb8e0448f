"""Seed every random number generator a check touches."""

from __future__ import annotations

import random

import numpy as np
import torch


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed % 2**32)
    torch.manual_seed(seed)  # also seeds every CUDA device
    if torch.cuda.is_available():
        # Cheap determinism: cuDNN picks the same algorithms every run.
        torch.backends.cudnn.deterministic = True
        torch.backends.cudnn.benchmark = False
