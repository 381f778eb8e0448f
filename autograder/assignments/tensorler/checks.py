"""Checks of ``00_tensorler`` (tensors: creation, dtypes, operations, reshaping, indexing, NumPy,
seeds and devices).

Host side: the kernel's probes return the student's values as plain data (NumPy arrays as their
data and dtype); every expected value is recomputed here from the exercise's recipe (the given
tensors are rebuilt from their definitions, random ones from their seed), never typed in and
never read from the student's copies. Visible checks look at the kind of object (type,
dimensions, shape, dtype) and at the main result; the hidden ones compare every value and the
finer points (memory sharing of ``view``, shown by numbers the host writes through ``base``;
dtypes kept by ``*_like``; seeds).
"""

from __future__ import annotations

import numbers

import numpy as np
import torch

import autograder.assignments.tensorler.messages  # noqa: F401  (registers the texts)
from autograder import checks as c
from autograder.assignments import Assignment, TestSpec
from autograder.assignments.tensorler.probes import NDARRAY
from autograder.assignments.tensorler.reference import (
    EXPECTED_SEED,
    MATMUL_SEED,
    given_array,
    given_base,
    given_dtypes,
    given_grid,
    given_image,
    given_numbers,
    given_probabilities,
    given_products,
    seeded_matmul,
    seeded_random,
)
from autograder.errors import CheckFailure
from autograder.oracle import is_type_tag

SEEDS = c.seeds(1, 3)   # the numbers written through `base` / the hidden pixels compared one by one


# --- answers --------------------------------------------------------------------------------------------------

def _ask(k, probe: str, keys: tuple[str, ...] | None = None, **inputs):
    """The probe's answer (``k.ask`` accepts only plain data of exact types), a dict with exactly
    ``keys`` when given."""
    answer = k.ask(probe, **inputs)
    if keys is not None:
        c.expect(type(answer) is dict and set(answer) == set(keys), "bad_answer", error=probe)
    return answer


def _host_value(value):
    """A NumPy array comes back as an array (torch keeps the dtype of what it holds)."""
    if type(value) is dict and set(value) == {NDARRAY, "dtype"}:
        data = value[NDARRAY]
        return data.numpy() if type(data) is torch.Tensor else np.array([], dtype=object)
    return value


def _values(k, names: tuple[str, ...]) -> tuple[dict, dict]:
    """The student's values of ``names`` and the names of their types (for the messages)."""
    answer = _ask(k, "values", ("values", "types"))
    values, types = answer["values"], answer["types"]
    ok = type(values) is dict and set(values) == set(names) and type(types) is dict and set(types) == set(names) \
        and all(type(t) is str for t in types.values())
    c.expect(ok, "bad_answer", error="values")
    return {name: _host_value(values[name]) for name in names}, types


# --- shared pieces ----------------------------------------------------------------------------------------------

def _tensor(v: dict, types: dict, name: str, shape: tuple | None = None,
            dtype: torch.dtype | None = None) -> torch.Tensor:
    c.expect(isinstance(v[name], torch.Tensor), "not_tensor", name=name, got=types[name])
    return c.expect_tensor(v[name], name, shape=shape, dtype=dtype)


def _as_tensor(v: dict, types: dict, name: str) -> torch.Tensor:
    """A tensor, or a Python/NumPy number (``.item()`` results are fine)."""
    value = v[name]
    if isinstance(value, torch.Tensor):
        return value.detach().cpu()
    if isinstance(value, numbers.Number) and not isinstance(value, bool):
        return torch.tensor(value)
    raise CheckFailure("t_not_number", name=name, got=types[name])


def _expect_values(value: torch.Tensor, expected: torch.Tensor, name: str) -> None:
    got = value.detach().cpu()
    same = tuple(got.shape) == tuple(expected.shape) and torch.allclose(got.double(), expected.double(), atol=1e-6)
    c.expect(same, "t_value", name=name, expected=expected.tolist(), got=got.tolist())


def _expect_ndim(v: dict, types: dict, name: str, ndim: int, advice: tuple[str, str]) -> None:
    """``advice``: the fix, in Turkish and in English."""
    value = _tensor(v, types, name)
    c.expect(value.ndim == ndim, "t_ndim", name=name, expected=ndim, got=value.ndim, advice=advice[0],
             advice_en=advice[1])


def _expect_ndarray(v: dict, types: dict, name: str) -> np.ndarray:
    c.expect(isinstance(v[name], np.ndarray), "t_not_numpy", name=name, got=types[name])
    return v[name]


# --- checks -------------------------------------------------------------------------------------------------------

@c.check("creating_tensors")
def check_creating_tensors(k, hidden=False):
    v, types = _values(k, ("scalar", "vector", "MATRIX", "TENSOR"))
    _expect_ndim(v, types, "scalar", 0, ("Skaler köşeli parantezsiz yazılır: `torch.tensor(5)`, `torch.tensor([5])` "
                                         "değil.", "A scalar has no square brackets: `torch.tensor(5)`, not "
                                         "`torch.tensor([5])`."))
    _expect_ndim(v, types, "vector", 1, ("Vektör tek kat köşeli parantezdir: `torch.tensor([1, 2])`.",
                                         "A vector is one level of square brackets: `torch.tensor([1, 2])`."))
    _expect_ndim(v, types, "MATRIX", 2, ("Matris iç içe iki kat köşeli parantezdir.",
                                         "A matrix is two nested levels of square brackets."))
    _expect_ndim(v, types, "TENSOR", 3, ("Üç kat köşeli parantez: `[[[...], [...], [...]]]`.",
                                         "Three levels of square brackets: `[[[...], [...], [...]]]`."))
    c.expect_tensor(v["vector"], "vector", shape=(2,))
    c.expect_tensor(v["MATRIX"], "MATRIX", shape=(2, 2))
    c.expect_tensor(v["TENSOR"], "TENSOR", shape=(1, 3, 3))
    if hidden:
        _expect_values(v["scalar"], torch.tensor(5), "scalar")
        _expect_values(v["vector"], torch.tensor([1, 2]), "vector")
        _expect_values(v["MATRIX"], torch.tensor([[1, 2], [3, 4]]), "MATRIX")
        _expect_values(v["TENSOR"], torch.arange(1, 10).reshape(1, 3, 3), "TENSOR")


@c.check("tensor_factories")
def check_tensor_factories(k, hidden=False):
    v, types = _values(k, ("random_tensor", "zeros", "ones", "one_to_ten", "ten_zeros"))
    r = _tensor(v, types, "random_tensor", shape=(3, 64, 64), dtype=torch.float32)
    c.expect(bool((r >= 0).all() and (r < 1).all()) and r.unique().numel() > 1000, "t_random_range")
    zeros = _tensor(v, types, "zeros", shape=(2, 5), dtype=torch.float32)
    ones = _tensor(v, types, "ones", shape=(2, 5), dtype=torch.float32)
    _expect_values(zeros, torch.zeros(2, 5), "zeros")
    _expect_values(ones, torch.ones(2, 5), "ones")
    one_to_ten = _tensor(v, types, "one_to_ten")
    c.expect(one_to_ten.ndim == 1 and len(one_to_ten) == 10, "t_arange_end", got=one_to_ten.numel())
    _expect_values(one_to_ten, torch.arange(1, 11), "one_to_ten")
    ten_zeros = _tensor(v, types, "ten_zeros", shape=(10,))
    _expect_values(ten_zeros, torch.zeros(10), "ten_zeros")
    if hidden:
        c.expect_tensor(one_to_ten, "one_to_ten", dtype=torch.int64)
        c.expect(ten_zeros.dtype == one_to_ten.dtype, "t_like_dtype", expected=str(one_to_ten.dtype),
                 got=str(ten_zeros.dtype))


@c.check("dtypes")
def check_dtypes(k, hidden=False):
    v, types = _values(k, ("float_32_tensor", "float_16_tensor", "int_tensor", "dot_product"))
    values, ints = given_dtypes()
    _tensor(v, types, "float_32_tensor", shape=(3,), dtype=torch.float32)
    _tensor(v, types, "float_16_tensor", shape=(3,), dtype=torch.float16)
    _tensor(v, types, "int_tensor", shape=(3,), dtype=torch.int64)
    dot_product = _tensor(v, types, "dot_product")
    if dot_product.dtype != torch.float32:
        raise CheckFailure("t_dot_dtype", got=str(dot_product.dtype))
    _expect_values(dot_product, ints.float() @ values, "dot_product")
    if hidden:
        for name, expected in (("float_32_tensor", values), ("float_16_tensor", values.half()),
                               ("int_tensor", ints)):
            _expect_values(v[name], expected, name)


@c.check("tensor_operations")
def check_tensor_operations(k, hidden=False):
    v, types = _values(k, ("elementwise_product", "matrix_product"))
    tensor_A, tensor_B = given_products()
    expected_elementwise, expected_matrix = tensor_A * tensor_B, tensor_A @ tensor_B.T
    elementwise_product = _tensor(v, types, "elementwise_product")
    matrix_product = _tensor(v, types, "matrix_product")
    fix = "tensor_A @ tensor_B.T"
    if tuple(matrix_product.shape) == tuple(expected_elementwise.shape) and \
            torch.allclose(matrix_product.detach().cpu().float(), expected_elementwise):
        raise CheckFailure("t_swapped_products", name="matrix_product")
    if tuple(matrix_product.shape) != tuple(expected_matrix.shape):
        raise CheckFailure("t_matmul_shape", name="matrix_product", expected=list(expected_matrix.shape),
                           got=list(matrix_product.shape), fix=fix)
    if tuple(elementwise_product.shape) == tuple(expected_matrix.shape):
        raise CheckFailure("t_swapped_products", name="elementwise_product")
    _expect_values(elementwise_product, expected_elementwise, "elementwise_product")
    _expect_values(matrix_product, expected_matrix, "matrix_product")
    if hidden:
        c.expect_tensor(matrix_product, "matrix_product", dtype=torch.float32)


@c.check("matmul_shapes")
def check_matmul_shapes(k, hidden=False):
    v, types = _values(k, ("tensor_77", "tensor_17", "result_71"))
    a = _tensor(v, types, "tensor_77", shape=(7, 7), dtype=torch.float32)
    b = _tensor(v, types, "tensor_17", shape=(1, 7), dtype=torch.float32)
    result_71 = _tensor(v, types, "result_71")
    fix = "tensor_77 @ tensor_17.T"
    if tuple(result_71.shape) == (7, 7):
        raise CheckFailure("t_elementwise_not_matmul", name="result_71", got=[7, 7], fix=fix)
    if tuple(result_71.shape) != (7, 1):
        raise CheckFailure("t_matmul_shape", name="result_71", expected=[7, 1], got=list(result_71.shape), fix=fix)
    _expect_values(result_71, a @ b.T, "result_71")
    if hidden:
        expected_77, expected_17, _ = seeded_matmul()
        recipe = "torch.manual_seed(0); tensor_77 = torch.rand(7, 7); tensor_17 = torch.rand(1, 7)"
        for name, value, expected in (("tensor_77", a, expected_77), ("tensor_17", b, expected_17)):
            c.expect(torch.allclose(value, expected), "t_seed_values", name=name, seed=MATMUL_SEED, recipe=recipe)


@c.check("aggregation")
def check_aggregation(k, hidden=False):
    names = ("numbers_min", "numbers_max", "numbers_mean", "numbers_sum", "numbers_argmin", "numbers_argmax")
    v, types = _values(k, names)
    numbers_ = given_numbers()
    got = {name: _as_tensor(v, types, name) for name in names}
    c.expect(got["numbers_mean"].is_floating_point(), "t_mean_dtype")
    for name, fn, which, which_en in (("numbers_argmin", "argmin", "küçük", "smallest"),
                                      ("numbers_argmax", "argmax", "büyük", "largest")):
        position = getattr(numbers_, fn)()
        value = numbers_[position]
        if got[name].numel() == 1 and int(got[name]) == int(value) and int(value) != int(position):
            raise CheckFailure("t_arg_value", name=name, fn=fn, which=which, which_en=which_en,
                               expected=int(position), got=int(got[name]))
    expected = {"numbers_min": numbers_.min(), "numbers_max": numbers_.max(),
                "numbers_mean": numbers_.type(torch.float32).mean(), "numbers_sum": numbers_.sum(),
                "numbers_argmin": numbers_.argmin(), "numbers_argmax": numbers_.argmax()}
    for name, value in expected.items():
        _expect_values(got[name].reshape(()) if got[name].numel() == 1 else got[name], value, name)
    if hidden:
        for name in ("numbers_argmin", "numbers_argmax"):
            c.expect(not got[name].is_floating_point(), "t_value", name=name, expected=int(expected[name]),
                     got=got[name].tolist())


@c.check("reshaping")
def check_reshaping(k, hidden=False):
    v, types = _values(k, ("base", "x_reshaped", "x_view", "x_stacked"))
    expected_base = given_base()
    base = _tensor(v, types, "base", shape=(12,))
    x_reshaped = _tensor(v, types, "x_reshaped", shape=(3, 4))
    x_view = _tensor(v, types, "x_view", shape=(2, 6))
    x_stacked = _tensor(v, types, "x_stacked")
    if tuple(x_stacked.shape) == (36,):
        raise CheckFailure("t_cat_not_stack", expected=[3, 12], got=[36])
    if tuple(x_stacked.shape) == (12, 3):
        raise CheckFailure("t_stack_dim", expected=[3, 12], got=[12, 3])
    c.expect_tensor(x_stacked, "x_stacked", shape=(3, 12))
    _expect_values(x_reshaped, expected_base.reshape(3, 4), "x_reshaped")
    _expect_values(x_view, expected_base.view(2, 6), "x_view")
    _expect_values(x_stacked, torch.stack([expected_base] * 3), "x_stacked")
    # A view shows what is written into `base`; a copy keeps the old numbers (20..31, in an order
    # only the host knows, never any of base's 1..12).
    fill = torch.randperm(12, generator=torch.Generator().manual_seed(SEEDS[hidden])).float() + 20
    after = _ask(k, "view_after_write", fill=fill)
    c.expect(type(after) is torch.Tensor and tuple(after.shape) == (2, 6), "bad_answer", error="view_after_write")
    c.expect(torch.equal(after.double(), fill.view(2, 6).double()), "t_view_copy")
    if hidden:
        _expect_values(base, expected_base, "base")


@c.check("squeeze_permute")
def check_squeeze_permute(k, hidden=False):
    v, types = _values(k, ("x_unsqueezed", "x_squeezed", "image_chw"))
    expected_base = given_base()
    x_unsqueezed = _tensor(v, types, "x_unsqueezed", shape=(1, 12))
    x_squeezed = _tensor(v, types, "x_squeezed", shape=(12,))
    _expect_values(x_unsqueezed, expected_base.unsqueeze(0), "x_unsqueezed")
    _expect_values(x_squeezed, expected_base, "x_squeezed")
    image = given_image()
    expected = image.permute(2, 0, 1)
    got = _tensor(v, types, "image_chw", shape=tuple(expected.shape)).detach().cpu()
    if not torch.allclose(got, expected):
        if torch.allclose(got, image.reshape(expected.shape)):
            raise CheckFailure("t_permute_not_reshape")
        raise CheckFailure("t_image_values")
    if hidden:  # every pixel, checked one by one: image_chw[c, h, w] == image_hwc[h, w, c]
        g = torch.Generator().manual_seed(SEEDS[hidden])
        for _ in range(20):
            ch, h, w = (int(torch.randint(0, n, (1,), generator=g)) for n in expected.shape)
            c.expect(float(got[ch, h, w]) == float(image[h, w, ch]), "t_permute_not_reshape")


@c.check("indexing")
def check_indexing(k, hidden=False):
    v, types = _values(k, ("first_matrix", "middle_value", "last_column", "middle_row"))
    grid = given_grid()
    expected = {"first_matrix": grid[0], "middle_value": grid[1, 1, 2], "last_column": grid[:, :, -1],
                "middle_row": grid[0, 1, :]}
    for name, want in expected.items():
        got = _as_tensor(v, types, name)
        if tuple(got.shape) != tuple(want.shape):
            raise CheckFailure("t_index_shape", name=name, expected=list(want.shape), got=list(got.shape))
        _expect_values(got, want, name)
    if hidden:  # indexing keeps the tensor: a 0-dim tensor, not a Python number
        _tensor(v, types, "middle_value")


@c.check("numpy_interop")
def check_numpy_interop(k, hidden=False):
    v, types = _values(k, ("tensor_from_array", "array_from_tensor"))
    array = given_array()
    tensor_from_array = _tensor(v, types, "tensor_from_array", shape=array.shape, dtype=torch.float32)
    _expect_values(tensor_from_array, torch.from_numpy(array), "tensor_from_array")
    array_from_tensor = _expect_ndarray(v, types, "array_from_tensor")
    expected = given_probabilities().numpy()
    same = array_from_tensor.shape == expected.shape and np.allclose(array_from_tensor, expected)
    c.expect(same, "t_value", name="array_from_tensor", expected=expected.tolist(),
             got=np.asarray(array_from_tensor).tolist())
    if hidden:
        c.expect(array_from_tensor.dtype == expected.dtype, "wrong_dtype", name="array_from_tensor",
                 expected=str(expected.dtype), got=str(array_from_tensor.dtype))


@c.check("reproducibility")
def check_reproducibility(k, hidden=False):
    v, types = _values(k, ("RANDOM_SEED", "random_tensor_C", "random_tensor_D"))
    seed = v["RANDOM_SEED"]
    c.expect(isinstance(seed, int) and seed == EXPECTED_SEED, "t_seed_constant",
             got=types["RANDOM_SEED"] if is_type_tag(seed) else seed)
    C = _tensor(v, types, "random_tensor_C", shape=(3, 4), dtype=torch.float32)
    D = _tensor(v, types, "random_tensor_D", shape=(3, 4), dtype=torch.float32)
    c.expect(torch.equal(C, D), "t_seed_once")
    recipe = "torch.manual_seed(RANDOM_SEED); torch.rand(3, 4)"
    c.expect(torch.equal(C, seeded_random(EXPECTED_SEED)), "t_seed_values", name="random_tensor_C",
             seed="RANDOM_SEED", recipe=recipe)


def _expect_device_facts(facts: dict) -> None:
    ok = type(facts["cuda"]) is bool and all(type(facts[key]) is str for key in ("grader", "chosen", "repr")) \
        and (facts["tensor"] is None or type(facts["tensor"]) is str)
    c.expect(ok, "bad_answer", error="devices")


@c.check("device_agnostic")
def check_device_agnostic(k, hidden=False):
    v, types = _values(k, ("device", "tensor_on_device", "tensor_back_on_cpu"))
    # What the kernel's machine has (CUDA, the grader's device) only the kernel can say.
    facts = _ask(k, "devices", ("cuda", "grader", "chosen", "repr", "tensor"))
    _expect_device_facts(facts)
    expected = "cuda" if facts["cuda"] else "cpu"
    chosen = facts["chosen"]
    allowed = {expected} | ({"mps"} if expected == "cpu" and facts["grader"] == "mps" else set())
    c.expect(chosen in allowed, "t_device_name", expected=expected, got=facts["repr"])
    tensor_on_device = _tensor(v, types, "tensor_on_device", shape=(3,))
    c.expect(facts["tensor"] is not None and facts["tensor"].split(":")[0] == chosen, "t_not_on_device",
             expected=chosen, got=str(facts["tensor"]))
    _expect_values(tensor_on_device, torch.tensor([1, 2, 3]), "tensor_on_device")
    tensor_back_on_cpu = _expect_ndarray(v, types, "tensor_back_on_cpu")
    c.expect(np.array_equal(tensor_back_on_cpu, np.array([1, 2, 3])), "t_value", name="tensor_back_on_cpu",
             expected=[1, 2, 3], got=np.asarray(tensor_back_on_cpu).tolist())


ASSIGNMENT = Assignment("00_tensorler", "tensorler", (
    TestSpec("creating_tensors", 1, ("scalar", "vector", "MATRIX", "TENSOR"), check_creating_tensors),
    TestSpec("tensor_factories", 2, ("random_tensor", "zeros", "ones", "one_to_ten", "ten_zeros"),
             check_tensor_factories),
    TestSpec("dtypes", 2, ("float_32_tensor", "float_16_tensor", "int_tensor", "dot_product"), check_dtypes),
    TestSpec("tensor_operations", 2, ("elementwise_product", "matrix_product"), check_tensor_operations),
    TestSpec("matmul_shapes", 2, ("tensor_77", "tensor_17", "result_71"), check_matmul_shapes),
    TestSpec("aggregation", 2, ("numbers_min", "numbers_max", "numbers_mean", "numbers_sum", "numbers_argmin",
                                "numbers_argmax"), check_aggregation),
    TestSpec("reshaping", 2, ("base", "x_reshaped", "x_view", "x_stacked"), check_reshaping),
    TestSpec("squeeze_permute", 2, ("x_unsqueezed", "x_squeezed", "image_chw"), check_squeeze_permute),
    TestSpec("indexing", 2, ("first_matrix", "middle_value", "last_column", "middle_row"), check_indexing),
    TestSpec("numpy_interop", 1, ("tensor_from_array", "array_from_tensor"), check_numpy_interop),
    TestSpec("reproducibility", 2, ("RANDOM_SEED", "random_tensor_C", "random_tensor_D"), check_reproducibility),
    TestSpec("device_agnostic", 2, ("device", "tensor_on_device", "tensor_back_on_cpu"), check_device_agnostic),
))
