"""In-process tests of every check of 00_tensorler, in both directions.

The reference objects come from running the code cells of the built solutions notebook.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch
from helpers import both, expect_failure, solution_namespace

from autograder.assignments import tensorler as t
from autograder.errors import CheckFailure
from autograder.oracle import LocalOracle, Oracle

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


def test_creating_tensors_advice_in_each_language():
    from autograder.errors import CheckFailure

    try:
        t.check_creating_tensors(torch.tensor([5]), torch.tensor([1, 2]), torch.tensor([[1, 2], [3, 4]]),
                                 torch.arange(1, 10).reshape(1, 3, 3))
    except CheckFailure as exc:
        assert "köşeli parantez" in exc.message("tr") and "square brackets" not in exc.message("tr")
        assert "square brackets" in exc.message("en") and "köşeli" not in exc.message("en")
    else:
        raise AssertionError("a bracketed scalar passed")


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
    # the seed fixes the whole sequence (the second draw continues it), not only the next draw
    assert "bütün çekişlerin dizisini" in msg and "bir sonraki" not in msg


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


def test_numpy_array_torch_cannot_hold_fails_cleanly():
    expect_failure(t.check_numpy_interop, torch.from_numpy(t.given_array()).float(), np.array(["0.1", "0.2"]),
                   key="t_value")


# --- the hidden seed comes from the instructor's secret ----------------------------------------------------------

def test_reference_passes_hidden_with_a_secret(ref):
    from autograder import secret

    secret.use(b"another course's secret")
    try:
        assert t.SEEDS[True] != t.SEEDS.hidden
        for spec in t.ASSIGNMENT.tests:
            spec.check(*names(ref, *spec.names), hidden=True)
    finally:
        secret.use(None)


# --- the probes: what the kernel does to the student's objects ----------------------------------------------------

def test_view_probe_puts_base_back():
    from autograder.assignments.tensorler import probes

    base = t.given_base()
    view = base.view(2, 6)
    after = probes.view_after_write({"base": base, "x_view": view}, torch.arange(20.0, 32.0))
    assert torch.equal(after, torch.arange(20.0, 32.0).view(2, 6))
    assert torch.equal(base, t.given_base()) and torch.equal(view, t.given_base().view(2, 6))


def test_view_of_an_inference_tensor_passes():
    with torch.inference_mode():
        base = t.given_base()
        x_view = base.view(2, 6)
    both(t.check_reshaping, base, base.reshape(3, 4), x_view, torch.stack([base] * 3))
    assert torch.equal(base, t.given_base())


# --- forged answers: what the kernel returns is never taken at its word -------------------------------------------

class Forged(Oracle):
    """A kernel that answers like the reference one, except for the probes in ``answers``
    (probe -> plain answer, or a function of the query's inputs)."""

    package = "tensorler"

    def __init__(self, cell: str, values: list, answers: dict):
        spec = SPECS[cell]
        self.cell, self.names = cell, spec.names
        self.honest = LocalOracle(self.package, cell, dict(zip(spec.names, values)))
        self.answers = answers

    def _answer(self, probe, query):
        if probe not in self.answers:
            return self.honest._answer(probe, query)
        answer = self.answers[probe]
        return {"ok": answer(query["inputs"]) if callable(answer) else answer}


def judged(oracle, check, hidden=True) -> str:
    with pytest.raises(CheckFailure) as info:
        check.judge(oracle, hidden=hidden)
    return info.value.key


def reshaping_values(ref):
    return names(ref, *SPECS["reshaping"].names)


def test_forged_view_without_the_fill_fails(ref):
    """A kernel that claims a view but does not know the host's numbers: the base's own numbers, or
    the numbers of the package's default hidden seed while the instructor's secret is in use."""
    from autograder import secret

    base = t.given_base()
    assert judged(Forged("reshaping", reshaping_values(ref), {"view_after_write": base.view(2, 6)}),
                  t.check_reshaping) == "t_view_copy"
    default = torch.randperm(12, generator=torch.Generator().manual_seed(t.SEEDS.hidden)).float() + 20
    forged = Forged("reshaping", reshaping_values(ref), {"view_after_write": default.view(2, 6)})
    t.check_reshaping.judge(forged, hidden=True)   # the forger's guess is right without a secret...
    secret.use(b"the instructor's secret")
    try:
        assert judged(forged, t.check_reshaping) == "t_view_copy"   # ...and wrong with one
    finally:
        secret.use(None)


class Sneaky(torch.Tensor):
    """A tensor subclass that would say it equals anything."""

    def __eq__(self, other):
        return True


@pytest.mark.parametrize("answers", [
    {"values": ["not", "a", "dict"]},
    {"values": {"values": {}, "types": {}}},   # every name missing
    {"values": lambda inputs: {"types": {}}},   # a missing key
    {"view_after_write": "the same memory"},
    {"view_after_write": Sneaky(torch.zeros(2, 6))},
], ids=["list", "no-names", "missing-key", "string", "subclass"])
def test_forged_answers_of_the_wrong_form_fail(ref, answers):
    assert judged(Forged("reshaping", reshaping_values(ref), answers), t.check_reshaping) == "bad_answer"


def test_forged_tensor_subclass_value_fails(ref):
    values = names(ref, *SPECS["creating_tensors"].names)
    honest = LocalOracle("tensorler", "creating_tensors", dict(zip(SPECS["creating_tensors"].names, values)))
    answer = honest.ask("values")
    answer["values"]["scalar"] = torch.tensor(7).as_subclass(Sneaky)
    assert judged(Forged("creating_tensors", values, {"values": answer}), t.check_creating_tensors) == "bad_answer"


def test_forged_device_facts_fail(ref):
    values = names(ref, *SPECS["device_agnostic"].names)
    facts = {"cuda": "yes", "grader": "cpu", "chosen": "cpu", "repr": "'cpu'", "tensor": "cpu"}
    assert judged(Forged("device_agnostic", values, {"devices": facts}), t.check_device_agnostic) == "bad_answer"
    facts = {"cuda": False, "grader": "cpu", "chosen": "cpu", "repr": "'cpu'"}
    assert judged(Forged("device_agnostic", values, {"devices": facts}), t.check_device_agnostic) == "bad_answer"
