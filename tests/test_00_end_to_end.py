"""00_tensorler through the command line: solution, release and wrong submissions."""

from __future__ import annotations

import pytest
from helpers import (
    assert_fails_exactly,
    assert_release_scores_zero,
    assert_solution_scores_full,
    check_json,
    make_submission,
)

from autograder.assignments import tensorler

NAME = "00_tensorler"
MAX = tensorler.ASSIGNMENT.max_score

pytestmark = pytest.mark.slow


def test_solution_scores_full_points():
    assert_solution_scores_full(NAME, MAX)


def test_release_scores_zero_with_not_filled_everywhere():
    assert_release_scores_zero(NAME, MAX)


ARANGE_MEAN_COPY = {
    # arange excludes its end: 1..9
    "tensor_factories": """\
random_tensor = torch.rand(3, 64, 64)
zeros = torch.zeros(2, 5)
ones = torch.ones(2, 5)
one_to_ten = torch.arange(1, 10)
ten_zeros = torch.zeros_like(one_to_ten)
""",
    # mean() of an integer tensor: the cell stops with an error
    "aggregation": """\
numbers_min = numbers.min()
numbers_max = numbers.max()
numbers_mean = numbers.mean()
numbers_sum = numbers.sum()
numbers_argmin = numbers.argmin()
numbers_argmax = numbers.argmax()
""",
    # a copy, not a view
    "reshaping": """\
x_reshaped = base.reshape(3, 4)
x_view = base.reshape(2, 6).clone()
x_stacked = torch.stack([base, base, base])
""",
}

MATMUL_RESHAPE_SEED_FLOAT64 = {
    # the inner dimensions do not match: the cell stops with an error
    "matmul_shapes": """\
torch.manual_seed(0)
tensor_77 = torch.rand(7, 7)
tensor_17 = torch.rand(1, 7)
result_71 = tensor_77 @ tensor_17
""",
    # reshape where permute is needed
    "squeeze_permute": """\
x_unsqueezed = base.unsqueeze(0)
x_squeezed = x_unsqueezed.squeeze(0)
image_chw = image_hwc.reshape(3, 32, 48)
""",
    # the seed is set once for two draws
    "reproducibility": """\
RANDOM_SEED = 42
torch.manual_seed(RANDOM_SEED)
random_tensor_C = torch.rand(3, 4)
random_tensor_D = torch.rand(3, 4)
""",
    # NumPy's float64 is kept
    "numpy_interop": """\
tensor_from_array = torch.from_numpy(array)
array_from_tensor = probabilities.numpy()
""",
}


@pytest.mark.parametrize("changes, expected", [
    (ARANGE_MEAN_COPY, {
        "test_tensor_factories": "`end`'i dahil etmez",
        "test_aggregation": "`mean()` tam sayı (`torch.long`) tensörde çalışmaz",
        "test_reshaping": "`x_view`, `base` ile aynı belleği paylaşmıyor",
    }),
    (MATMUL_RESHAPE_SEED_FLOAT64, {
        "test_matmul_shapes": "matris çarpımında **iç** boyutlar eşleşmeli",
        "test_squeeze_permute": "`image_hwc.permute(2, 0, 1)`",
        "test_reproducibility": "tohum yalnızca bir kez kuruldu",
        "test_numpy_interop": "`torch.float64`",
    }),
], ids=["arange-mean-copy", "matmul-reshape-seed-float64"])
def test_wrong_submission_fails_exactly_the_expected_tests(tmp_path, changes, expected):
    code, result = check_json(make_submission(tmp_path, NAME, changes))
    assert code == 1
    assert_fails_exactly(result, expected)
