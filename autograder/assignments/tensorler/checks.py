"""Checks of ``00_tensorler`` (tensors: creation, dtypes, operations, reshaping, indexing, NumPy,
seeds and devices).

Every expected value is recomputed here from the exercise's recipe (the given tensors are
rebuilt from their definitions, random ones from their seed), never typed in and never read
from the student's copies. Visible checks look at the kind of object (type, dimensions,
shape, dtype) and at the main result; the hidden ones compare every value and the finer
points (memory sharing of ``view``, dtypes kept by ``*_like``, seeds).
"""

from __future__ import annotations

import numbers

import numpy as np
import torch

from autograder import checks as c
from autograder.assignments import Assignment, TestSpec
from autograder.errors import CheckFailure
from autograder.messages import register

EXPECTED_SEED = 42   # the notebook's RANDOM_SEED
MATMUL_SEED = 0
IMAGE_SEED = 42

register({
    "t_ndim": {
        "tr": "`{name}` {expected} boyutlu (ndim) olmalı, ama {got} boyutlu. {advice}",
        "en": "`{name}` should have {expected} dimensions (ndim), but it has {got}. {advice}",
    },
    "t_value": {
        "tr": "`{name}` değerleri beklenenden farklı.\nBeklenen: {expected}\nDönen: {got}",
        "en": "`{name}` has unexpected values.\nExpected: {expected}\nGot: {got}",
    },
    "t_not_number": {
        "tr": "`{name}` bir tensör ya da sayı olmalı, ama `{got}`.",
        "en": "`{name}` must be a tensor or a number, but it is a `{got}`.",
    },
    "t_arange_end": {
        "tr": "`one_to_ten` 1'den 10'a kadar (10 dahil) 10 sayı içermeli, ama {got} sayı var. `torch.arange(start, end)` "
              "`end`'i dahil etmez: `torch.arange(1, 11)` yazın.",
        "en": "`one_to_ten` must hold the 10 numbers from 1 to 10 (10 included), but it has {got}. "
              "`torch.arange(start, end)` excludes `end`: write `torch.arange(1, 11)`.",
    },
    "t_like_dtype": {
        "tr": "`ten_zeros` veri tipi `{expected}` olmalı (`one_to_ten` ile aynı), ama `{got}`. `torch.zeros_like(x)` "
              "şekli **ve veri tipini** `x`'ten alır; `torch.zeros(10)` ise varsayılan float32 üretir.",
        "en": "`ten_zeros` should have dtype `{expected}` (the same as `one_to_ten`), but it has `{got}`. "
              "`torch.zeros_like(x)` copies the shape **and the dtype** of `x`; `torch.zeros(10)` gives float32.",
    },
    "t_random_range": {
        "tr": "`random_tensor` değerleri [0, 1) aralığında ve birbirinden farklı olmalı: `torch.rand(...)` kullanın "
              "(`torch.randn` normal dağılımdan çeker, negatif değerler de verir).",
        "en": "The values of `random_tensor` must lie in [0, 1) and differ from each other: use `torch.rand(...)` "
              "(`torch.randn` draws from a normal distribution and gives negative values too).",
    },
    "t_dot_dtype": {
        "tr": "`dot_product` veri tipi `torch.float32` olmalı, ama `{got}`. Tam sayı tensörünü float'a çevirin "
              "(`int_tensor.type(torch.float32)`); float'ı tam sayıya çevirmek ondalıkları kaybettirir.",
        "en": "`dot_product` should be `torch.float32`, but it is `{got}`. Convert the integer tensor to float "
              "(`int_tensor.type(torch.float32)`); turning the floats into integers loses the decimals.",
    },
    "t_swapped_products": {
        "tr": "`{name}` diğer işlemin sonucunu içeriyor: eleman bazında çarpım `*` (ya da `torch.mul`), matris "
              "çarpımı `@` (ya da `torch.matmul`) ile yapılır.",
        "en": "`{name}` holds the result of the other operation: element-wise multiplication is `*` (or "
              "`torch.mul`), matrix multiplication is `@` (or `torch.matmul`).",
    },
    "t_matmul_shape": {
        "tr": "`{name}` şekli `{expected}` olmalı, ama `{got}`. Matris çarpımının iki kuralı: (1) **iç** boyutlar "
              "eşleşmeli: `(3, 2) @ (2, 3)` olur, `(3, 2) @ (3, 2)` olmaz; (2) sonucun şekli **dış** boyutlardır: "
              "`(3, 2) @ (2, 3) -> (3, 3)`. İkinci tensörü `.T` ile devirin: `{fix}`.",
        "en": "`{name}` should have shape `{expected}`, but it has `{got}`. The two rules of matrix multiplication: "
              "(1) the **inner** dimensions must match: `(3, 2) @ (2, 3)` works, `(3, 2) @ (3, 2)` does not; (2) the "
              "result has the **outer** dimensions: `(3, 2) @ (2, 3) -> (3, 3)`. Transpose the second tensor with "
              "`.T`: `{fix}`.",
    },
    "t_elementwise_not_matmul": {
        "tr": "`{name}` şekli `{got}`: bu eleman bazında çarpımın (yayınlamanın, broadcasting) sonucu. Burada matris "
              "çarpımı isteniyor: `{fix}`.",
        "en": "`{name}` has shape `{got}`: that is the result of element-wise multiplication (broadcasting). "
              "Matrix multiplication is asked for here: `{fix}`.",
    },
    "t_seed_values": {
        "tr": "`{name}` beklenen rastgele değerleri içermiyor: tohumu (seed) `torch.manual_seed({seed})` ile "
              "sabitleyin ve rastgele tensörleri tarif edilen sırayla üretin ({recipe}).",
        "en": "`{name}` does not hold the expected random values: fix the seed with `torch.manual_seed({seed})` and "
              "draw the random tensors in the described order ({recipe}).",
    },
    "t_mean_dtype": {
        "tr": "`numbers_mean` bir ondalıklı sayı (float) olmalı: `mean()` tam sayı (`torch.long`) tensörde çalışmaz. "
              "Önce veri tipini değiştirin: `numbers.type(torch.float32).mean()`.",
        "en": "`numbers_mean` must be a floating point value: `mean()` does not work on an integer (`torch.long`) "
              "tensor. Change the dtype first: `numbers.type(torch.float32).mean()`.",
    },
    "t_arg_value": {
        "tr": "`{name}` değer değil **konum (indeks)** olmalı: `{fn}()` en {which} değerin kendisini değil, "
              "tensördeki yerini verir (beklenen {expected}, dönen {got}).",
        "en": "`{name}` must be a **position (index)**, not a value: `{fn}()` gives where the {which_en} value is, "
              "not the value itself (expected {expected}, got {got}).",
    },
    "t_view_copy": {
        "tr": "`x_view`, `base` ile aynı belleği paylaşmıyor: bir kopya. `base.view(2, 6)` kullanın; `view` veriyi "
              "kopyalamaz, aynı belleğe başka bir şekille bakar (birini değiştirmek ötekini de değiştirir).",
        "en": "`x_view` does not share memory with `base`: it is a copy. Use `base.view(2, 6)`; `view` does not copy "
              "the data, it looks at the same memory with another shape (changing one changes the other).",
    },
    "t_cat_not_stack": {
        "tr": "`x_stacked` şekli `{expected}` olmalı, ama `{got}`: `torch.cat` tensörleri var olan bir boyut boyunca "
              "uç uca ekler; `torch.stack([...], dim=0)` ise **yeni** bir boyut açıp üst üste koyar.",
        "en": "`x_stacked` should have shape `{expected}`, but it has `{got}`: `torch.cat` joins tensors along an "
              "existing dimension; `torch.stack([...], dim=0)` puts them on top of each other along a **new** one.",
    },
    "t_stack_dim": {
        "tr": "`x_stacked` şekli `{expected}` olmalı, ama `{got}`: yeni boyut başa gelmeli, `dim=0`.",
        "en": "`x_stacked` should have shape `{expected}`, but it has `{got}`: the new dimension goes first, `dim=0`.",
    },
    "t_permute_not_reshape": {
        "tr": "`image_chw` şekli doğru ama değerleri karışık: `reshape`/`view` elemanların sırasını değiştirmeden "
              "yeniden böler, boyutların yerini değiştirmez. Boyutların sırasını değiştirmek için "
              "`image_hwc.permute(2, 0, 1)` kullanın.",
        "en": "`image_chw` has the right shape but scrambled values: `reshape`/`view` cut the same sequence of "
              "elements differently, they do not move dimensions. To reorder the dimensions use "
              "`image_hwc.permute(2, 0, 1)`.",
    },
    "t_image_values": {
        "tr": "`image_chw` değerleri `image_hwc` görüntüsünün pikselleri değil: verilen `image_hwc`'yi değiştirmeden "
              "`image_hwc.permute(2, 0, 1)` ile yeniden düzenleyin.",
        "en": "The values of `image_chw` are not the pixels of `image_hwc`: rearrange the given `image_hwc`, "
              "unchanged, with `image_hwc.permute(2, 0, 1)`.",
    },
    "t_index_shape": {
        "tr": "`{name}` şekli `{expected}` olmalı, ama `{got}`. Hatırlatma: bir boyutta **sayı** ile seçmek o boyutu "
              "kaldırır (`t[0]`), **`:`** ile seçmek boyutu korur (`t[:, 0]`).",
        "en": "`{name}` should have shape `{expected}`, but it has `{got}`. Reminder: picking a dimension with a "
              "**number** removes it (`t[0]`), picking with **`:`** keeps it (`t[:, 0]`).",
    },
    "t_not_numpy": {
        "tr": "`{name}` bir NumPy dizisi (`numpy.ndarray`) olmalı, ama `{got}`. Tensörden NumPy'ye: `tensor.numpy()` "
              "(GPU'daki bir tensör önce `.cpu()` ile CPU'ya alınır).",
        "en": "`{name}` must be a NumPy array (`numpy.ndarray`), but it is a `{got}`. From tensor to NumPy: "
              "`tensor.numpy()` (a tensor on the GPU goes to the CPU first with `.cpu()`).",
    },
    "t_seed_once": {
        "tr": "`random_tensor_C` ile `random_tensor_D` farklı: tohum yalnızca bir kez kuruldu. Her rastgele tensörden "
              "**hemen önce** `torch.manual_seed(RANDOM_SEED)` çağırın; tohum bir sonraki rastgele üretimi belirler, "
              "ondan sonrakileri değil.",
        "en": "`random_tensor_C` and `random_tensor_D` differ: the seed was set only once. Call "
              "`torch.manual_seed(RANDOM_SEED)` **right before** each random tensor; a seed fixes the next draw, not "
              "the ones after it.",
    },
    "t_seed_constant": {
        "tr": "`RANDOM_SEED` 42 olmalı, ama `{got}`.",
        "en": "`RANDOM_SEED` must be 42, but it is `{got}`.",
    },
    "t_device_name": {
        "tr": "`device` bu makinede `\"{expected}\"` olmalı, ama `{got}`. Sabit yazmayın: "
              "`device = \"cuda\" if torch.cuda.is_available() else \"cpu\"`; kod böylece GPU'lu ve GPU'suz "
              "makinelerde aynen çalışır.",
        "en": "`device` should be `\"{expected}\"` on this machine, but it is `{got}`. Don't hard-code it: "
              "`device = \"cuda\" if torch.cuda.is_available() else \"cpu\"`, so the same code runs with and "
              "without a GPU.",
    },
    "t_not_on_device": {
        "tr": "`tensor_on_device` `{got}` cihazında, ama `device` (`{expected}`) cihazında olmalı: "
              "`tensor.to(device)` kullanın.",
        "en": "`tensor_on_device` is on `{got}`, but it should be on `device` (`{expected}`): use `tensor.to(device)`.",
    },
    "t_hint_mean_long": {
        "tr": "İpucu: `mean()` tam sayı (`torch.long`) tensörde çalışmaz; önce ondalıklı tipe çevirin: "
              "`x.type(torch.float32).mean()`.",
        "en": "Hint: `mean()` does not work on an integer (`torch.long`) tensor; convert it first: "
              "`x.type(torch.float32).mean()`.",
    },
    "t_hint_int_float": {
        "tr": "İpucu: tam sayı (`torch.long`) ve ondalıklı (`torch.float32`) tensörler birlikte çarpılamaz; birini "
              "ötekinin veri tipine çevirin: `int_tensor.type(torch.float32)`.",
        "en": "Hint: an integer (`torch.long`) and a float (`torch.float32`) tensor cannot be multiplied together; "
              "convert one to the other's dtype: `int_tensor.type(torch.float32)`.",
    },
    "t_hint_matmul_rules": {
        "tr": "İpucu: matris çarpımında **iç** boyutlar eşleşmeli (`(3, 2) @ (2, 3)` olur, `(3, 2) @ (3, 2)` olmaz) "
              "ve sonucun şekli **dış** boyutlardır. İkinci tensörü `.T` ile devirin.",
        "en": "Hint: in matrix multiplication the **inner** dimensions must match (`(3, 2) @ (2, 3)` works, "
              "`(3, 2) @ (3, 2)` does not) and the result has the **outer** dimensions. Transpose the second "
              "tensor with `.T`.",
    },
    "t_hint_numpy_cuda": {
        "tr": "İpucu: GPU'daki bir tensör doğrudan NumPy'ye çevrilemez; önce CPU'ya alın: `tensor.cpu().numpy()`.",
        "en": "Hint: a tensor on the GPU cannot become a NumPy array directly; bring it to the CPU first: "
              "`tensor.cpu().numpy()`.",
    },
})

c.register_error_hint("could not infer output dtype", "t_hint_mean_long")
c.register_error_hint("expected both vectors to have same dtype", "t_hint_int_float")
c.register_error_hint("long int != float", "t_hint_int_float")
c.register_error_hint("can't convert cuda", "t_hint_numpy_cuda")
# The notebook's own shape mistakes (specific sizes, so other assignments' hints stay untouched).
for _shapes in ("(3x2 and 3x2)", "(7x7 and 1x7)", "(1x7 and 7x7)"):
    c.register_error_hint(_shapes, "t_hint_matmul_rules")


# --- the notebook's given tensors, rebuilt ---------------------------------------------------------------------

def given_products():
    tensor_A = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    tensor_B = torch.tensor([[2.0, 0.5], [1.0, 3.0], [4.0, 1.5]])
    return tensor_A, tensor_B


def seeded_matmul():
    """``torch.manual_seed(0)``, then ``rand(7, 7)`` and ``rand(1, 7)``."""
    torch.manual_seed(MATMUL_SEED)
    tensor_77 = torch.rand(7, 7)
    tensor_17 = torch.rand(1, 7)
    return tensor_77, tensor_17, tensor_77 @ tensor_17.T


def given_numbers() -> torch.Tensor:
    return torch.tensor([30, 10, 80, 50, 20, 90, 40])


def given_base() -> torch.Tensor:
    return torch.arange(1.0, 13.0)


def given_image() -> torch.Tensor:
    torch.manual_seed(IMAGE_SEED)
    return torch.rand(32, 48, 3)


def given_grid() -> torch.Tensor:
    return torch.arange(1, 25).reshape(2, 3, 4)


def given_array() -> np.ndarray:
    return np.linspace(0.5, 3.5, 7)


def given_probabilities() -> torch.Tensor:
    return torch.tensor([0.1, 0.2, 0.3, 0.4])


def given_dtypes():
    """(float_32_tensor, int_tensor) of the dtype exercise."""
    return torch.tensor([1.5, 2.5, 3.5]), torch.tensor([2, 4, 6])


# --- shared pieces ------------------------------------------------------------------------------------------------

def _as_tensor(value, name: str) -> torch.Tensor:
    """A tensor, or a Python/NumPy number (``.item()`` results are fine)."""
    if isinstance(value, torch.Tensor):
        return value.detach().cpu()
    if isinstance(value, (numbers.Number, np.number)) and not isinstance(value, bool):
        return torch.tensor(value)
    raise CheckFailure("t_not_number", name=name, got=type(value).__name__)


def _expect_values(value: torch.Tensor, expected: torch.Tensor, name: str) -> None:
    got = value.detach().cpu()
    same = tuple(got.shape) == tuple(expected.shape) and torch.allclose(got.double(), expected.double(), atol=1e-6)
    c.expect(same, "t_value", name=name, expected=expected.tolist(), got=got.tolist())


def _expect_ndim(value, name: str, ndim: int, advice: str = "") -> None:
    c.expect_tensor(value, name)
    c.expect(value.ndim == ndim, "t_ndim", name=name, expected=ndim, got=value.ndim, advice=advice)


# --- checks -------------------------------------------------------------------------------------------------------

@c.check("creating_tensors")
def check_creating_tensors(scalar, vector, MATRIX, TENSOR, hidden=False):
    _expect_ndim(scalar, "scalar", 0, "Skaler köşeli parantezsiz yazılır: `torch.tensor(5)`, `torch.tensor([5])` değil.")
    _expect_ndim(vector, "vector", 1, "Vektör tek kat köşeli parantezdir: `torch.tensor([1, 2])`.")
    _expect_ndim(MATRIX, "MATRIX", 2, "Matris iç içe iki kat köşeli parantezdir.")
    _expect_ndim(TENSOR, "TENSOR", 3, "Üç kat köşeli parantez: `[[[...], [...], [...]]]`.")
    c.expect_tensor(vector, "vector", shape=(2,))
    c.expect_tensor(MATRIX, "MATRIX", shape=(2, 2))
    c.expect_tensor(TENSOR, "TENSOR", shape=(1, 3, 3))
    if hidden:
        _expect_values(scalar, torch.tensor(5), "scalar")
        _expect_values(vector, torch.tensor([1, 2]), "vector")
        _expect_values(MATRIX, torch.tensor([[1, 2], [3, 4]]), "MATRIX")
        _expect_values(TENSOR, torch.arange(1, 10).reshape(1, 3, 3), "TENSOR")


@c.check("tensor_factories")
def check_tensor_factories(random_tensor, zeros, ones, one_to_ten, ten_zeros, hidden=False):
    c.expect_tensor(random_tensor, "random_tensor", shape=(3, 64, 64), dtype=torch.float32)
    r = random_tensor.detach().cpu()
    c.expect(bool((r >= 0).all() and (r < 1).all()) and r.unique().numel() > 1000, "t_random_range")
    c.expect_tensor(zeros, "zeros", shape=(2, 5), dtype=torch.float32)
    c.expect_tensor(ones, "ones", shape=(2, 5), dtype=torch.float32)
    _expect_values(zeros, torch.zeros(2, 5), "zeros")
    _expect_values(ones, torch.ones(2, 5), "ones")
    c.expect_tensor(one_to_ten, "one_to_ten")
    c.expect(one_to_ten.ndim == 1 and len(one_to_ten) == 10, "t_arange_end", got=one_to_ten.numel())
    _expect_values(one_to_ten, torch.arange(1, 11), "one_to_ten")
    c.expect_tensor(ten_zeros, "ten_zeros", shape=(10,))
    _expect_values(ten_zeros, torch.zeros(10), "ten_zeros")
    if hidden:
        c.expect_tensor(one_to_ten, "one_to_ten", dtype=torch.int64)
        c.expect(ten_zeros.dtype == one_to_ten.dtype, "t_like_dtype", expected=str(one_to_ten.dtype),
                 got=str(ten_zeros.dtype))


@c.check("dtypes")
def check_dtypes(float_32_tensor, float_16_tensor, int_tensor, dot_product, hidden=False):
    values, ints = given_dtypes()
    c.expect_tensor(float_32_tensor, "float_32_tensor", shape=(3,), dtype=torch.float32)
    c.expect_tensor(float_16_tensor, "float_16_tensor", shape=(3,), dtype=torch.float16)
    c.expect_tensor(int_tensor, "int_tensor", shape=(3,), dtype=torch.int64)
    c.expect_tensor(dot_product, "dot_product")
    if dot_product.dtype != torch.float32:
        raise CheckFailure("t_dot_dtype", got=str(dot_product.dtype))
    _expect_values(dot_product, ints.float() @ values, "dot_product")
    if hidden:
        for name, value, expected in (("float_32_tensor", float_32_tensor, values),
                                      ("float_16_tensor", float_16_tensor, values.half()),
                                      ("int_tensor", int_tensor, ints)):
            _expect_values(value, expected, name)


@c.check("tensor_operations")
def check_tensor_operations(elementwise_product, matrix_product, hidden=False):
    tensor_A, tensor_B = given_products()
    expected_elementwise, expected_matrix = tensor_A * tensor_B, tensor_A @ tensor_B.T
    c.expect_tensor(elementwise_product, "elementwise_product")
    c.expect_tensor(matrix_product, "matrix_product")
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
def check_matmul_shapes(tensor_77, tensor_17, result_71, hidden=False):
    c.expect_tensor(tensor_77, "tensor_77", shape=(7, 7), dtype=torch.float32)
    c.expect_tensor(tensor_17, "tensor_17", shape=(1, 7), dtype=torch.float32)
    c.expect_tensor(result_71, "result_71")
    fix = "tensor_77 @ tensor_17.T"
    if tuple(result_71.shape) == (7, 7):
        raise CheckFailure("t_elementwise_not_matmul", name="result_71", got=[7, 7], fix=fix)
    if tuple(result_71.shape) != (7, 1):
        raise CheckFailure("t_matmul_shape", name="result_71", expected=[7, 1], got=list(result_71.shape), fix=fix)
    a, b = tensor_77.detach().cpu(), tensor_17.detach().cpu()
    _expect_values(result_71, a @ b.T, "result_71")
    if hidden:
        expected_77, expected_17, _ = seeded_matmul()
        recipe = "torch.manual_seed(0); tensor_77 = torch.rand(7, 7); tensor_17 = torch.rand(1, 7)"
        for name, value, expected in (("tensor_77", a, expected_77), ("tensor_17", b, expected_17)):
            c.expect(torch.allclose(value, expected), "t_seed_values", name=name, seed=MATMUL_SEED, recipe=recipe)


@c.check("aggregation")
def check_aggregation(numbers_min, numbers_max, numbers_mean, numbers_sum, numbers_argmin, numbers_argmax,
                      hidden=False):
    numbers_ = given_numbers()
    values = {"numbers_min": numbers_min, "numbers_max": numbers_max, "numbers_mean": numbers_mean,
              "numbers_sum": numbers_sum, "numbers_argmin": numbers_argmin, "numbers_argmax": numbers_argmax}
    got = {name: _as_tensor(value, name) for name, value in values.items()}
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
def check_reshaping(base, x_reshaped, x_view, x_stacked, hidden=False):
    expected_base = given_base()
    c.expect_tensor(base, "base", shape=(12,))
    c.expect_tensor(x_reshaped, "x_reshaped", shape=(3, 4))
    c.expect_tensor(x_view, "x_view", shape=(2, 6))
    c.expect_tensor(x_stacked, "x_stacked")
    if tuple(x_stacked.shape) == (36,):
        raise CheckFailure("t_cat_not_stack", expected=[3, 12], got=[36])
    if tuple(x_stacked.shape) == (12, 3):
        raise CheckFailure("t_stack_dim", expected=[3, 12], got=[12, 3])
    c.expect_tensor(x_stacked, "x_stacked", shape=(3, 12))
    _expect_values(x_reshaped, expected_base.reshape(3, 4), "x_reshaped")
    _expect_values(x_view, expected_base.view(2, 6), "x_view")
    _expect_values(x_stacked, torch.stack([expected_base] * 3), "x_stacked")
    c.expect(x_view.untyped_storage().data_ptr() == base.untyped_storage().data_ptr(), "t_view_copy")
    if hidden:
        _expect_values(base, expected_base, "base")


@c.check("squeeze_permute")
def check_squeeze_permute(x_unsqueezed, x_squeezed, image_chw, hidden=False):
    expected_base = given_base()
    c.expect_tensor(x_unsqueezed, "x_unsqueezed", shape=(1, 12))
    c.expect_tensor(x_squeezed, "x_squeezed", shape=(12,))
    _expect_values(x_unsqueezed, expected_base.unsqueeze(0), "x_unsqueezed")
    _expect_values(x_squeezed, expected_base, "x_squeezed")
    image = given_image()
    expected = image.permute(2, 0, 1)
    c.expect_tensor(image_chw, "image_chw", shape=tuple(expected.shape))
    got = image_chw.detach().cpu()
    if not torch.allclose(got, expected):
        if torch.allclose(got, image.reshape(expected.shape)):
            raise CheckFailure("t_permute_not_reshape")
        raise CheckFailure("t_image_values")
    if hidden:  # every pixel, checked one by one: image_chw[c, h, w] == image_hwc[h, w, c]
        g = torch.Generator().manual_seed(3)
        for _ in range(20):
            ch, h, w = (int(torch.randint(0, n, (1,), generator=g)) for n in expected.shape)
            c.expect(float(got[ch, h, w]) == float(image[h, w, ch]), "t_permute_not_reshape")


@c.check("indexing")
def check_indexing(first_matrix, middle_value, last_column, middle_row, hidden=False):
    grid = given_grid()
    expected = {"first_matrix": grid[0], "middle_value": grid[1, 1, 2], "last_column": grid[:, :, -1],
                "middle_row": grid[0, 1, :]}
    values = {"first_matrix": first_matrix, "middle_value": middle_value, "last_column": last_column,
              "middle_row": middle_row}
    for name, value in values.items():
        got = _as_tensor(value, name)
        want = expected[name]
        if tuple(got.shape) != tuple(want.shape):
            raise CheckFailure("t_index_shape", name=name, expected=list(want.shape), got=list(got.shape))
        _expect_values(got, want, name)
    if hidden:  # indexing keeps the tensor: a 0-dim tensor, not a Python number
        c.expect_tensor(middle_value, "middle_value")


@c.check("numpy_interop")
def check_numpy_interop(tensor_from_array, array_from_tensor, hidden=False):
    array = given_array()
    c.expect_tensor(tensor_from_array, "tensor_from_array", shape=array.shape, dtype=torch.float32)
    _expect_values(tensor_from_array, torch.from_numpy(array), "tensor_from_array")
    c.expect(isinstance(array_from_tensor, np.ndarray), "t_not_numpy", name="array_from_tensor",
             got=type(array_from_tensor).__name__)
    expected = given_probabilities().numpy()
    same = array_from_tensor.shape == expected.shape and np.allclose(array_from_tensor, expected)
    c.expect(same, "t_value", name="array_from_tensor", expected=expected.tolist(),
             got=np.asarray(array_from_tensor).tolist())
    if hidden:
        c.expect(array_from_tensor.dtype == expected.dtype, "wrong_dtype", name="array_from_tensor",
                 expected=str(expected.dtype), got=str(array_from_tensor.dtype))


@c.check("reproducibility")
def check_reproducibility(seed, random_tensor_C, random_tensor_D, hidden=False):
    c.expect(isinstance(seed, int) and seed == EXPECTED_SEED, "t_seed_constant", got=seed)
    for name, value in (("random_tensor_C", random_tensor_C), ("random_tensor_D", random_tensor_D)):
        c.expect_tensor(value, name, shape=(3, 4), dtype=torch.float32)
    C, D = random_tensor_C.detach().cpu(), random_tensor_D.detach().cpu()
    c.expect(torch.equal(C, D), "t_seed_once")
    torch.manual_seed(EXPECTED_SEED)
    expected = torch.rand(3, 4)
    recipe = "torch.manual_seed(RANDOM_SEED); torch.rand(3, 4)"
    c.expect(torch.equal(C, expected), "t_seed_values", name="random_tensor_C", seed="RANDOM_SEED", recipe=recipe)


@c.check("device_agnostic")
def check_device_agnostic(device, tensor_on_device, tensor_back_on_cpu, hidden=False):
    expected = "cuda" if torch.cuda.is_available() else "cpu"
    try:
        chosen = torch.device(device).type
    except (TypeError, RuntimeError):
        chosen = repr(device)
    allowed = {expected} | ({"mps"} if expected == "cpu" and c.device().type == "mps" else set())
    c.expect(chosen in allowed, "t_device_name", expected=expected, got=repr(device))
    c.expect_tensor(tensor_on_device, "tensor_on_device", shape=(3,))
    c.expect(tensor_on_device.device.type == chosen, "t_not_on_device", expected=chosen,
             got=str(tensor_on_device.device))
    _expect_values(tensor_on_device, torch.tensor([1, 2, 3]), "tensor_on_device")
    c.expect(isinstance(tensor_back_on_cpu, np.ndarray), "t_not_numpy", name="tensor_back_on_cpu",
             got=type(tensor_back_on_cpu).__name__)
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
