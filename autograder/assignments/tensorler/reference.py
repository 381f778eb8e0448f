"""The notebook's given tensors of 00_tensorler, rebuilt from their definitions (both sides).

Random ones are drawn from their own generator, seeded as the notebook seeds the global one,
so the values are the notebook's and nobody's random state changes.
"""

from __future__ import annotations

import numpy as np
import torch

EXPECTED_SEED = 42   # the notebook's RANDOM_SEED
MATMUL_SEED = 0
IMAGE_SEED = 42


def _generator(seed: int) -> torch.Generator:
    return torch.Generator().manual_seed(seed)


def given_products():
    tensor_A = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    tensor_B = torch.tensor([[2.0, 0.5], [1.0, 3.0], [4.0, 1.5]])
    return tensor_A, tensor_B


def seeded_matmul():
    """``torch.manual_seed(0)``, then ``rand(7, 7)`` and ``rand(1, 7)``."""
    g = _generator(MATMUL_SEED)
    tensor_77 = torch.rand(7, 7, generator=g)
    tensor_17 = torch.rand(1, 7, generator=g)
    return tensor_77, tensor_17, tensor_77 @ tensor_17.T


def seeded_random(seed: int = EXPECTED_SEED) -> torch.Tensor:
    """``torch.manual_seed(RANDOM_SEED); torch.rand(3, 4)``."""
    return torch.rand(3, 4, generator=_generator(seed))


def given_numbers() -> torch.Tensor:
    return torch.tensor([30, 10, 80, 50, 20, 90, 40])


def given_base() -> torch.Tensor:
    return torch.arange(1.0, 13.0)


def given_image() -> torch.Tensor:
    return torch.rand(32, 48, 3, generator=_generator(IMAGE_SEED))


def given_grid() -> torch.Tensor:
    return torch.arange(1, 25).reshape(2, 3, 4)


def given_array() -> np.ndarray:
    return np.linspace(0.5, 3.5, 7)


def given_probabilities() -> torch.Tensor:
    return torch.tensor([0.1, 0.2, 0.3, 0.4])


def given_dtypes():
    """(float_32_tensor, int_tensor) of the dtype exercise."""
    return torch.tensor([1.5, 2.5, 3.5]), torch.tensor([2, 4, 6])
