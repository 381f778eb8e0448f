"""Progressive hints for ``ipucu("<cell>")`` in the 00_tensorler notebook: each call shows the next one; never the solution."""

HINTS: dict[str, list[dict[str, str]]] = {
    "creating_tensors": [
        {"tr": "Bu alıştırma 1. bölümdeki tabloyla ilgili: skaler 0, vektör 1, matris 2 boyutludur. "
               "Hücrenin çıktısında her değişkenin `ndim` ve `shape` değerlerine bakın.",
         "en": "This exercise is about the table in section 1: a scalar has 0 dimensions, a vector 1, a "
               "matrix 2. Check the `ndim` and `shape` of each variable in the cell's output."},
        {"tr": "Hepsini `torch.tensor` ile oluşturun; boyut sayısını baştaki köşeli parantezlerin sayısı "
               "belirler. Skalerde hiç köşeli parantez yoktur.",
         "en": "Build all of them with `torch.tensor`; the number of leading square brackets sets the "
               "number of dimensions. A scalar has no square brackets at all."},
        {"tr": "En sık hata, `TENSOR` için yalnızca iki kat köşeli parantez yazmaktır: şekil `[3, 3]` "
               "olur. Şeklin `[1, 3, 3]` olması için 3×3'lük matrisi bir kat daha köşeli paranteze alın.",
         "en": "The most common mistake is writing only two levels of brackets for `TENSOR`: the shape "
               "becomes `[3, 3]`. To get `[1, 3, 3]`, wrap the 3×3 matrix in one more pair of brackets."},
    ],
    "tensor_factories": [
        {"tr": "2. bölümdeki oluşturma fonksiyonları tablosuna bakın: her değişken için tabloda bir "
               "fonksiyon var. Şekilleri `size=` argümanıyla verin.",
         "en": "Look at the table of creation functions in section 2: there is one function in it for each "
               "variable. Give the shapes with the `size=` argument."},
        {"tr": "`random_tensor` için [0, 1) aralığında sayı üreten `torch.rand` kullanın (`torch.randn` "
               "negatif değerler de verir). `ten_zeros` için `torch.zeros_like` kullanın: şekli ve veri "
               "tipini verilen tensörden alır.",
         "en": "For `random_tensor` use `torch.rand`, which draws numbers in [0, 1) (`torch.randn` also "
               "gives negative values). For `ten_zeros` use `torch.zeros_like`: it takes the shape and the "
               "dtype from the given tensor."},
        {"tr": "`torch.arange` bitiş değerini dahil etmez: 10'un da listede olması için `end` değerini bir "
               "fazla verin. `one_to_ten` tam 10 elemanlı ve `torch.int64` veri tipinde olmalı; "
               "`ten_zeros` da aynı veri tipinde olmalı.",
         "en": "`torch.arange` excludes the end value: to have 10 in the list too, give an `end` one "
               "larger. `one_to_ten` must have exactly 10 elements and dtype `torch.int64`; `ten_zeros` "
               "must have the same dtype."},
    ],
    "dtypes": [
        {"tr": "3. bölüm: her tensörün bir veri tipi (`dtype`) vardır; ondalıklı sayıların varsayılanı "
               "`torch.float32`, tam sayılarınki `torch.int64`. Veri tipi uyuşmazlığı matris çarpımında "
               "hata verir.",
         "en": "Section 3: every tensor has a dtype; the default for decimals is `torch.float32`, for "
               "integers `torch.int64`. A dtype mismatch makes matrix multiplication fail."},
        {"tr": "Veri tipini `.type(...)` (ya da `.to(...)`) ile değiştirin: `float_16_tensor` için hedef "
               "`torch.float16`. `dot_product` için `@` işlecinin iki tarafı aynı veri tipinde olmalı.",
         "en": "Change the dtype with `.type(...)` (or `.to(...)`): for `float_16_tensor` the target is "
               "`torch.float16`. For `dot_product` both sides of `@` must have the same dtype."},
        {"tr": "Çevirmeyi doğru yönde yapın: tam sayı tensörünü float32'ye çevirin, ondalıklıyı tam sayıya "
               "değil (ondalıklar kaybolur). Sonuç `torch.float32` tipinde, 0 boyutlu tek bir sayı olmalı.",
         "en": "Convert in the right direction: turn the integer tensor into float32, not the float one "
               "into integers (the decimals would be lost). The result must be a single 0-dimensional "
               "number of dtype `torch.float32`."},
    ],
    "tensor_operations": [
        {"tr": "4. bölüm: `*` eleman bazında çarpar, `@` matris çarpımı yapar. İki sonucun şekli de "
               "kontrol edilir: `[3, 2]` ve `[3, 3]`.",
         "en": "Section 4: `*` multiplies element-wise, `@` does matrix multiplication. The shapes of both "
               "results are checked: `[3, 2]` and `[3, 3]`."},
        {"tr": "`tensor_A` ve `tensor_B` ikisi de `[3, 2]`: matris çarpımında iç boyutlar (2 ve 3) tutmaz. "
               "Bir tensörü `.T` ile devirmek satırlarını sütun yapar.",
         "en": "`tensor_A` and `tensor_B` are both `[3, 2]`: for matrix multiplication the inner "
               "dimensions (2 and 3) do not match. Transposing a tensor with `.T` turns its rows into "
               "columns."},
        {"tr": "Hangi tensörü devireceğinize sonucun şekline bakarak karar verin: `[3, 3]` için dış "
               "boyutlar 3 ve 3 olmalı, yani ikinci tensör `[2, 3]` olmalı. Sonuç `[2, 2]` çıkıyorsa "
               "yanlış tensörü devirdiniz.",
         "en": "Decide which tensor to transpose from the shape of the result: for `[3, 3]` the outer "
               "dimensions must be 3 and 3, so the second tensor must be `[2, 3]`. If you get `[2, 2]`, "
               "you transposed the wrong one."},
    ],
    "matmul_shapes": [
        {"tr": "Bu alıştırma matris çarpımının iki şekil kuralını ve tohumu (seed) birlikte sınıyor. Önce "
               "tohumu `torch.manual_seed` ile kurun, sonra iki rastgele tensörü tarif edilen sırayla "
               "üretin.",
         "en": "This exercise tests the two shape rules of matrix multiplication together with the seed. "
               "First set the seed with `torch.manual_seed`, then draw the two random tensors in the "
               "described order."},
        {"tr": "`(7, 7) @ (1, 7)` çalışmaz: iç boyutlar 7 ve 1. İkinci tensörü `.T` ile devirince `(7, 1)` "
               "olur ve iç boyutlar eşleşir.",
         "en": "`(7, 7) @ (1, 7)` does not work: the inner dimensions are 7 and 1. Transposing the second "
               "tensor with `.T` gives `(7, 1)`, and the inner dimensions match."},
        {"tr": "Sonuç `[7, 7]` çıkıyorsa `*` ile eleman bazında çarptınız (yayınlama, broadcasting); `@` "
               "kullanın. Gizli testler değerleri de karşılaştırır: tohumu bir kez, iki tensörden önce "
               "kurun ve önce `tensor_77`, sonra `tensor_17` üretin.",
         "en": "If the result is `[7, 7]`, you multiplied element-wise with `*` (broadcasting); use `@`. "
               "The hidden tests compare the values too: set the seed once, before both tensors, and draw "
               "`tensor_77` first, then `tensor_17`."},
    ],
    "aggregation": [
        {"tr": "5. bölüm: `min`, `max`, `sum`, `mean`, `argmin` ve `argmax` bir tensörü tek bir sayıya "
               "özetler. Hepsi tensörün bir yöntemi olarak da çağrılabilir.",
         "en": "Section 5: `min`, `max`, `sum`, `mean`, `argmin` and `argmax` summarize a tensor in a "
               "single number. All of them can also be called as methods of the tensor."},
        {"tr": "`numbers` bir tam sayı (`torch.int64`) tensörü ve `mean()` yalnızca ondalıklı tiplerde "
               "çalışır. Ortalamadan önce veri tipini `torch.float32` yapın.",
         "en": "`numbers` is an integer (`torch.int64`) tensor and `mean()` only works on floating point "
               "types. Change the dtype to `torch.float32` before taking the mean."},
        {"tr": "`argmin` ve `argmax` değeri değil konumu (indeksi) verir: `numbers_argmax` 90 değil, 90'ın "
               "indeksi olmalı. İndeksler tam sayı kalmalı; onları float'a çevirmeyin.",
         "en": "`argmin` and `argmax` give the position (index), not the value: `numbers_argmax` must be "
               "the index of 90, not 90. The indices must stay integers; don't convert them to float."},
    ],
    "reshaping": [
        {"tr": "6. bölümdeki tabloya bakın: `reshape`, `view` ve `stack` elemanların değerlerini değil, şekli "
               "değiştirir; yalnızca `view` her zaman aynı belleği paylaşır (`reshape` gerekirse kopyalar, "
               "`stack` her zaman yeni bir tensör oluşturur). `base` 12 elemanlı; yeni şekillerde de eleman "
               "sayısı 12 (üç kopyada 36) olmalı.",
         "en": "Look at the table in section 6: `reshape`, `view` and `stack` change the shape, not the "
               "values of the elements; only `view` always shares memory (`reshape` copies when it has to, "
               "`stack` always builds a new tensor). `base` has 12 elements; the new shapes must hold 12 "
               "as well (36 for the three copies)."},
        {"tr": "`x_view` için `view` kullanın: kontroller `base`'e yazılan sayıların `x_view`'da görünüp "
               "görünmediğine, yani bellek paylaşımına da bakar. `x_stacked` için `torch.stack` bir tensör "
               "listesi ve bir `dim` alır.",
         "en": "Use `view` for `x_view`: the checks also look at whether numbers written into `base` show "
               "up in `x_view`, that is, at shared memory. For `x_stacked`, `torch.stack` takes a list of "
               "tensors and a `dim`."},
        {"tr": "`x_stacked` şekli `[36]` çıkıyorsa `torch.cat` kullandınız; `[12, 3]` çıkıyorsa yeni "
               "boyutu sona eklediniz. Yeni boyut başa gelmeli (`dim=0`); `x_view`'u bir kopyadan (ör. "
               "`clone`) kurmayın.",
         "en": "If `x_stacked` has shape `[36]`, you used `torch.cat`; if it has `[12, 3]`, you added the "
               "new dimension at the end. The new dimension goes first (`dim=0`); don't build `x_view` "
               "from a copy (e.g. `clone`)."},
    ],
    "squeeze_permute": [
        {"tr": "6. bölüm: `unsqueeze` uzunluğu 1 olan bir boyut ekler, `squeeze` onu kaldırır, `permute` "
               "boyutların sırasını değiştirir.",
         "en": "Section 6: `unsqueeze` adds a dimension of length 1, `squeeze` removes it, `permute` "
               "changes the order of the dimensions."},
        {"tr": "`x_unsqueezed` için yeni boyut başa gelmeli (`dim=0`). `image_chw` için `permute` "
               "yöntemine, yeni düzenin her konumuna eski düzenin hangi boyutunun geleceğini söyleyen üç "
               "indeks verin.",
         "en": "For `x_unsqueezed` the new dimension goes first (`dim=0`). For `image_chw`, give `permute` "
               "three indices that say which dimension of the old layout goes to each position of the new "
               "one."},
        {"tr": "`image_hwc` düzeninde boyut 0 yükseklik, 1 genişlik, 2 kanaldır; istenen düzen `[kanal, "
               "yükseklik, genişlik]`. `reshape` aynı şekli verir ama pikselleri karıştırır; kontroller "
               "piksellere tek tek bakar.",
         "en": "In the layout of `image_hwc`, dimension 0 is the height, 1 the width, 2 the channels; the "
               "layout asked for is `[channels, height, width]`. `reshape` gives the same shape but "
               "scrambles the pixels; the checks look at single pixels."},
    ],
    "indexing": [
        {"tr": "7. bölüm: her boyut için virgülle ayrılmış bir seçim yazılır, dıştan içe: önce matris, "
               "sonra satır, sonra sütun. İndeksler 0'dan başlar.",
         "en": "Section 7: write one comma-separated selection per dimension, from the outside in: first "
               "the matrix, then the row, then the column. Indices start at 0."},
        {"tr": "Bir boyutu sayı ile seçmek o boyutu kaldırır, `:` ile seçmek korur; `-1` son eleman "
               "demektir. İstenen şekilleri (`[3, 4]`, `[2, 3]`, `[4]`) bu kuralla karşılaştırın.",
         "en": "Picking a dimension with a number removes it, picking it with `:` keeps it; `-1` means the "
               "last element. Compare the shapes asked for (`[3, 4]`, `[2, 3]`, `[4]`) with this rule."},
        {"tr": "Sıra sözcüklerini indekse çevirirken birer çıkarın: ikinci matrisin indeksi 1, üçüncü "
               "sütununki 2'dir. `middle_value` 0 boyutlu bir tensör olarak kalmalı; `.item()` çağırmayın.",
         "en": "Subtract one when turning ordinal words into indices: the second matrix has index 1, the "
               "third column index 2. `middle_value` must stay a 0-dimensional tensor; don't call "
               "`.item()`."},
    ],
    "numpy_interop": [
        {"tr": "8. bölüm: NumPy'den PyTorch'a `torch.from_numpy`, PyTorch'tan NumPy'ye `.numpy()` ile "
               "geçilir.",
         "en": "Section 8: go from NumPy to PyTorch with `torch.from_numpy`, and from PyTorch to NumPy "
               "with `.numpy()`."},
        {"tr": "NumPy'nin varsayılan veri tipi `float64`, ama `tensor_from_array` `torch.float32` olmalı: "
               "tensöre çevirdikten sonra veri tipini de değiştirin.",
         "en": "NumPy's default dtype is `float64`, but `tensor_from_array` must be `torch.float32`: after "
               "turning the array into a tensor, change the dtype as well."},
        {"tr": "Hücrenin çıktısında `torch.float64` görüyorsanız veri tipi çevirme eksiktir. "
               "`array_from_tensor` bir `numpy.ndarray` olmalı (liste ya da tensör değil) ve tensörün "
               "`float32` veri tipini korumalı.",
         "en": "If the cell's output shows `torch.float64`, the dtype conversion is missing. "
               "`array_from_tensor` must be a `numpy.ndarray` (not a list or a tensor) and keep the "
               "tensor's `float32` dtype."},
    ],
    "reproducibility": [
        {"tr": "9. bölüm: `torch.manual_seed` üreteci baştan kurar ve ondan sonraki bütün çekişlerin dizisini "
               "sabitler; tohumu yeniden kurmak üreteci dizinin başına döndürür.",
         "en": "Section 9: `torch.manual_seed` resets the generator and fixes the whole sequence of draws "
               "after it; setting the seed again takes the generator back to the start of the sequence."},
        {"tr": "`RANDOM_SEED` 42 olmalı. Tohumdan sonraki ikinci çekiş dizinin devamıdır, ilkinin aynısı "
               "değil: iki tensörün aynı olması için ikincisinden hemen önce tohumu yeniden kurun.",
         "en": "`RANDOM_SEED` must be 42. The second draw after a seed continues the sequence, it does not "
               "repeat the first one: for the two tensors to be equal, set the seed again right before the "
               "second one."},
        {"tr": "Tohumu yalnızca bir kez kurarsanız iki çekiş farklı olur (bölümdeki örnek hücre bunu "
               "gösteriyor). Sıra: tohum, `random_tensor_C`, yeniden tohum, `random_tensor_D`; tohuma 42 "
               "yerine `RANDOM_SEED` değişkenini verin.",
         "en": "If you set the seed only once, the two draws differ (the example cell of the section shows "
               "this). The order is: seed, `random_tensor_C`, seed again, `random_tensor_D`; pass the "
               "`RANDOM_SEED` variable to the seed instead of 42."},
    ],
    "device_agnostic": [
        {"tr": "10. bölüm: cihazdan bağımsız kod GPU varsa onu, yoksa CPU'yu seçer; kontroller hem GPU'lu "
               "hem GPU'suz makinelerde çalışır.",
         "en": "Section 10: device-agnostic code picks the GPU when there is one and the CPU otherwise; "
               "the checks run on machines with and without a GPU."},
        {"tr": "`device` için `torch.cuda.is_available()` sonucuna göre `cuda` ya da `cpu` seçen tek "
               "satırlık bir koşullu ifade yazın; sabit bir dize yazmayın. Tensörü taşımak için "
               "`.to(device)` kullanın.",
         "en": "For `device`, write a one-line conditional expression that picks `cuda` or `cpu` from "
               "`torch.cuda.is_available()`; don't hard-code a string. Move the tensor with `.to(device)`."},
        {"tr": "NumPy yalnızca CPU'daki tensörlerle çalışır: `tensor_back_on_cpu` için önce `.cpu()`, "
               "sonra `.numpy()`. Sonuç bir tensör değil, NumPy dizisi olmalı.",
         "en": "NumPy only works with tensors on the CPU: for `tensor_back_on_cpu` call `.cpu()` first, "
               "then `.numpy()`. The result must be a NumPy array, not a tensor."},
    ],
}
