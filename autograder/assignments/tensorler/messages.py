"""Messages of 00_tensorler (Turkish and English) and the error texts they explain."""

from autograder import checks as c
from autograder.messages import register

register({
    "t_ndim": {
        "tr": "`{name}` {expected} boyutlu (ndim) olmalı, ama {got} boyutlu. {advice}",
        "en": "`{name}` should have {expected} dimensions (ndim), but it has {got}. {advice_en}",
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
        "tr": "`random_tensor_C` ile `random_tensor_D` farklı: tohum yalnızca bir kez kuruldu. Tohum, ondan sonraki "
              "bütün çekişlerin dizisini sabitler; ikinci `torch.rand` dizinin devamını verdiği için ilkinden "
              "farklıdır. Aynı tensörü yeniden almak için `random_tensor_D`'den **hemen önce** tohumu yeniden "
              "kurun (`torch.manual_seed(RANDOM_SEED)`): üreteç dizinin başına döner.",
        "en": "`random_tensor_C` and `random_tensor_D` differ: the seed was set only once. A seed fixes the whole "
              "sequence of draws after it; the second `torch.rand` continues the sequence, so it differs from the "
              "first. To get the same tensor again, set the seed again **right before** `random_tensor_D` "
              "(`torch.manual_seed(RANDOM_SEED)`): the generator goes back to the start of the sequence.",
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
        "tr": "İpucu: matris çarpımı (`@`, `torch.matmul`, `torch.dot`) iki tensörün aynı veri tipinde olmasını "
              "ister; tam sayı (`torch.long`) ve ondalıklı (`torch.float32`) tensörler eleman bazında (`*`) "
              "çarpılabilir ama matris çarpımına birlikte giremez. Birini ötekinin veri tipine çevirin: "
              "`int_tensor.type(torch.float32)`.",
        "en": "Hint: matrix multiplication (`@`, `torch.matmul`, `torch.dot`) needs both tensors to have the same "
              "dtype; an integer (`torch.long`) and a float (`torch.float32`) tensor can be multiplied "
              "element-wise (`*`) but not matrix-multiplied together. Convert one to the other's dtype: "
              "`int_tensor.type(torch.float32)`.",
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
