"""In-process tests of every check of 00_tensorler, in both directions.

The reference objects come from running the code cells of the built solutions notebook.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch
from helpers import both, expect_failure, solution_namespace

from autograder.assignments import tensorler as t

NAME = "00_tensorler"


@pytest.fixture(scope="module")
def ref():
    """The solution notebook's namespace."""
    return solution_namespace(NAME)


def names(ref, *keys):
    return [ref[k] for k in keys]


SPECS = {spec.cell: spec for spec in t.ASSIGNMENT.tests}


@pytest.mark.parametrize("cell", list(SPECS))
def test_reference_passes(ref, cell):
    spec = SPECS[cell]
    both(spec.check, *names(ref, *spec.names))


# --- creating tensors ---------------------------------------------------------------------------------------------

def test_creating_tensors_written_differently_passes():
    both(t.check_creating_tensors, torch.tensor(5.0).long(), torch.arange(1, 3), torch.arange(1, 5).reshape(2, 2),
         torch.arange(1, 10).view(1, 3, 3))


def test_creating_tensors_bracketed_scalar_fails():
    msg = expect_failure(t.check_creating_tensors, torch.tensor([5]), torch.tensor([1, 2]),
                         torch.tensor([[1, 2], [3, 4]]), torch.arange(1, 10).reshape(1, 3, 3), key="t_ndim")
    assert "`scalar`" in msg and "torch.tensor(5)" in msg


def test_creating_tensors_flat_tensor_fails():
    msg = expect_failure(t.check_creating_tensors, torch.tensor(5), torch.tensor([1, 2]),
                         torch.tensor([[1, 2], [3, 4]]), torch.arange(1, 10).reshape(3, 3), key="t_ndim")
    assert "`TENSOR`" in msg


def test_creating_tensors_wrong_values_fail_hidden():
    values = (torch.tensor(7), torch.tensor([7, 7]), torch.tensor([[7, 8], [9, 10]]), torch.ones(1, 3, 3))
    t.check_creating_tensors(*values)
    expect_failure(t.check_creating_tensors, *values, hidden=True, key="t_value")


# --- factories -----------------------------------------------------------------------------------------------------

def factories(**changes):
    values = {"random_tensor": torch.rand(3, 64, 64), "zeros": torch.zeros(2, 5), "ones": torch.ones(2, 5),
              "one_to_ten": torch.arange(1, 11), "ten_zeros": torch.zeros(10, dtype=torch.long)}
    values.update(changes)
    return list(values.values())


def test_factories_variant_passes():
    both(t.check_tensor_factories, *factories(one_to_ten=torch.tensor(list(range(1, 11)))))


def test_factories_arange_end_excluded_fails():
    msg = expect_failure(t.check_tensor_factories, *factories(one_to_ten=torch.arange(1, 10)), key="t_arange_end")
    assert "torch.arange(1, 11)" in msg


def test_factories_randn_fails():
    expect_failure(t.check_tensor_factories, *factories(random_tensor=torch.randn(3, 64, 64)), key="t_random_range")


def test_factories_zeros_instead_of_zeros_like_fails_hidden():
    values = factories(ten_zeros=torch.zeros(10))
    t.check_tensor_factories(*values)
    msg = expect_failure(t.check_tensor_factories, *values, hidden=True, key="t_like_dtype")
    assert "zeros_like" in msg


def test_factories_image_layout_fails():
    expect_failure(t.check_tensor_factories, *factories(random_tensor=torch.rand(64, 64, 3)), key="wrong_shape")


# --- dtypes ----------------------------------------------------------------------------------------------------------

def test_dtypes_float_to_int_fails():
    f32, ints = t.given_dtypes()
    msg = expect_failure(t.check_dtypes, f32, f32.half(), ints, ints @ f32.long(), key="t_dot_dtype")
    assert "int_tensor.type(torch.float32)" in msg


def test_dtypes_wrong_half_fails():
    f32, ints = t.given_dtypes()
    expect_failure(t.check_dtypes, f32, f32.double(), ints, ints.float() @ f32, key="wrong_dtype")


def test_dtypes_float_int_matmul_error_gets_hint():
    from autograder.checks import hint_for

    f32, ints = t.given_dtypes()
    with pytest.raises(RuntimeError) as info:
        ints @ f32
    assert hint_for(info.value) == "t_hint_int_float"


# --- operations and matmul -----------------------------------------------------------------------------------------

def test_tensor_operations_swapped_fails():
    A, B = t.given_products()
    expect_failure(t.check_tensor_operations, A @ B.T, A * B, key="t_swapped_products")


def test_tensor_operations_wrong_transpose_fails():
    A, B = t.given_products()
    msg = expect_failure(t.check_tensor_operations, A * B, A.T @ B, key="t_matmul_shape")
    assert "tensor_A @ tensor_B.T" in msg


def test_tensor_operations_functional_variant_passes():
    A, B = t.given_products()
    both(t.check_tensor_operations, torch.mul(A, B), A.matmul(B.transpose(0, 1)))


def test_matmul_shapes_wrong_order_fails(ref):
    a, b = ref["tensor_77"], ref["tensor_17"]
    expect_failure(t.check_matmul_shapes, a, b, b @ a, key="t_matmul_shape")


def test_matmul_shapes_broadcasting_fails(ref):
    a, b = ref["tensor_77"], ref["tensor_17"]
    msg = expect_failure(t.check_matmul_shapes, a, b, a * b, key="t_elementwise_not_matmul")
    assert "tensor_77 @ tensor_17.T" in msg


def test_matmul_shapes_without_seed_fails_hidden():
    torch.manual_seed(123)
    a, b = torch.rand(7, 7), torch.rand(1, 7)
    t.check_matmul_shapes(a, b, a @ b.T)
    expect_failure(t.check_matmul_shapes, a, b, a @ b.T, hidden=True, key="t_seed_values")


def test_matmul_shape_error_gets_hint():
    from autograder.checks import hint_for

    with pytest.raises(RuntimeError) as info:
        torch.rand(7, 7) @ torch.rand(1, 7)
    assert hint_for(info.value) == "t_hint_matmul_rules"


# --- aggregation -----------------------------------------------------------------------------------------------------

def aggregates(**changes):
    n = t.given_numbers()
    values = {"min": n.min(), "max": n.max(), "mean": n.float().mean(), "sum": n.sum(), "argmin": n.argmin(),
              "argmax": n.argmax()}
    values.update(changes)
    return list(values.values())


def test_aggregation_python_numbers_pass():
    both(t.check_aggregation, *[v.item() for v in aggregates()])


def test_aggregation_integer_mean_fails():
    n = t.given_numbers()
    msg = expect_failure(t.check_aggregation, *aggregates(mean=n.sum() // len(n)), key="t_mean_dtype")
    assert "torch.float32" in msg


def test_aggregation_argmax_value_fails():
    n = t.given_numbers()
    msg = expect_failure(t.check_aggregation, *aggregates(argmax=n.max()), key="t_arg_value")
    assert "indeks" in msg


def test_aggregation_wrong_sum_fails():
    expect_failure(t.check_aggregation, *aggregates(sum=torch.tensor(0)), key="t_value")


def test_mean_of_integers_error_gets_hint():
    from autograder.checks import hint_for

    with pytest.raises(RuntimeError) as info:
        t.given_numbers().mean()
    assert hint_for(info.value) == "t_hint_mean_long"


# --- reshaping ----------------------------------------------------------------------------------------------------------

def test_reshaping_copy_instead_of_view_fails():
    base = t.given_base()
    msg = expect_failure(t.check_reshaping, base, base.reshape(3, 4), base.view(2, 6).clone(),
                         torch.stack([base] * 3), key="t_view_copy")
    assert "view" in msg


def test_reshaping_cat_fails():
    base = t.given_base()
    expect_failure(t.check_reshaping, base, base.reshape(3, 4), base.view(2, 6), torch.cat([base] * 3),
                   key="t_cat_not_stack")


def test_reshaping_stack_dim_fails():
    base = t.given_base()
    expect_failure(t.check_reshaping, base, base.reshape(3, 4), base.view(2, 6), torch.stack([base] * 3, dim=1),
                   key="t_stack_dim")


def test_permute_reshape_instead_fails():
    base, image = t.given_base(), t.given_image()
    msg = expect_failure(t.check_squeeze_permute, base[None], base, image.reshape(3, 32, 48),
                         key="t_permute_not_reshape")
    assert "permute(2, 0, 1)" in msg


def test_permute_transpose_variant_passes():
    base, image = t.given_base(), t.given_image()
    both(t.check_squeeze_permute, base.reshape(1, 12), base.reshape(1, 12).squeeze(0),
         image.transpose(0, 2).transpose(1, 2))


# --- indexing, numpy, seeds, device ------------------------------------------------------------------------------------

def test_indexing_number_drops_the_dimension_fails():
    grid = t.given_grid()
    msg = expect_failure(t.check_indexing, grid[0], grid[1, 1, 2], grid[0, :, -1], grid[0, 1], key="t_index_shape")
    assert "`last_column`" in msg


def test_indexing_item_fails_hidden_only():
    grid = t.given_grid()
    values = (grid[0], grid[1, 1, 2].item(), grid[:, :, 3], grid[0][1])
    t.check_indexing(*values)
    expect_failure(t.check_indexing, *values, hidden=True, key="not_tensor")


def test_numpy_float64_kept_fails():
    expect_failure(t.check_numpy_interop, torch.from_numpy(t.given_array()), t.given_probabilities().numpy(),
                   key="wrong_dtype_float64")


def test_numpy_tensor_not_converted_fails():
    msg = expect_failure(t.check_numpy_interop, torch.from_numpy(t.given_array()).float(), t.given_probabilities(),
                         key="t_not_numpy")
    assert ".numpy()" in msg


def test_reproducibility_seed_once_fails():
    torch.manual_seed(42)
    C, D = torch.rand(3, 4), torch.rand(3, 4)
    msg = expect_failure(t.check_reproducibility, 42, C, D, key="t_seed_once")
    assert "hemen önce" in msg


def test_reproducibility_other_seed_fails():
    torch.manual_seed(0)
    C = torch.rand(3, 4)
    expect_failure(t.check_reproducibility, 0, C, C.clone(), key="t_seed_constant")
    expect_failure(t.check_reproducibility, 42, C, C.clone(), key="t_seed_values")


def test_device_variants():
    expected = "cuda" if torch.cuda.is_available() else "cpu"
    both(t.check_device_agnostic, torch.device(expected), torch.tensor([1, 2, 3], device=expected),
         np.array([1, 2, 3]))
    expect_failure(t.check_device_agnostic, "mps" if expected == "cpu" else "cpu",
                   torch.tensor([1, 2, 3]), np.array([1, 2, 3]), key="t_device_name")
    expect_failure(t.check_device_agnostic, expected, torch.tensor([1, 2, 3], device=expected),
                   torch.tensor([1, 2, 3]), key="t_not_numpy")
