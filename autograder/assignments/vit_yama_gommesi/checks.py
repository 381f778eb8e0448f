"""Checks of ``07_vit_yama_gommesi`` (replicating ViT: patch embedding up to a small ViT).

Every check is behavioural. The grader builds its own reference modules (below) and compares
the student's modules with them: parameter counts are always computed from a reference built
here (ViT-Base on the ``meta`` device, so it costs no memory), never typed in. Where the weights
can be matched (the student's ``nn.MultiheadAttention``, ``nn.Linear`` and ``nn.LayerNorm``
modules, found by type, whatever their names or nesting), they are copied into the reference and
the outputs must agree; when they disagree, the output is compared with references of the
typical mistakes (post-norm, ReLU, residual in the wrong place, ...) to name the mistake.
Visible checks use one set of sizes, hidden checks others.
"""

from __future__ import annotations

import copy
import numbers
import re

import torch
import torch.nn.functional as F
from torch import nn

from autograder import checks as c
from autograder.assignments import Assignment, TestSpec
from autograder.data import digits_tensors, split_indices
from autograder.errors import CheckFailure
from autograder.messages import register

# The contract's ViT-Base defaults (``../shared/CONTRACT.md``): the arguments, not a result.
VIT_DEFAULTS = {"img_size": 224, "in_channels": 3, "patch_size": 16, "num_transformer_layers": 12,
                "embedding_dim": 768, "mlp_size": 3072, "num_heads": 12, "attn_dropout": 0,
                "mlp_dropout": 0.1, "embedding_dropout": 0.1, "num_classes": 1000}
PATCH_DEFAULTS = {"in_channels": 3, "patch_size": 16, "embedding_dim": 768}
SMALL_VIT_THRESHOLD = 90.0        # % on held-out digits the student never trained on
SMALL_VIT_MAX_PARAMETERS = 300_000
TOL = 2e-3                        # relative agreement with a reference (GELU's tanh form passes)

register({
    # --- patch arithmetic --------------------------------------------------------------------------
    "vit_not_shape": {
        "tr": "`{name}` tam sayılardan oluşan bir demet (tuple) olmalı, ör. `(196, 768)`; ama `{got}`.",
        "en": "`{name}` must be a tuple of integers, e.g. `(196, 768)`; but it is `{got}`.",
    },
    "vit_counts_float": {
        "tr": "`{name}` içinde ondalıklı sayı var ({got}): yama sayısı ve yama boyutu tam sayıdır. `/` yerine "
              "`//` (tam sayı bölmesi) kullanın ya da `int(...)` ile çevirin.",
        "en": "`{name}` contains a float ({got}): the number of patches and the patch size are integers. Use "
              "`//` (integer division) instead of `/`, or convert with `int(...)`.",
    },
    "vit_counts_swapped": {
        "tr": "`patch_counts{args}` değerleri ters sırada döndürüyor ({got}): önce yama sayısı N = H·W/P², sonra "
              "düzleştirilmiş yama boyutu P²·C gelmeli (beklenen {expected}).",
        "en": "`patch_counts{args}` returns the values in the wrong order ({got}): first the number of patches "
              "N = H·W/P², then the flattened patch size P²·C (expected {expected}).",
    },
    "vit_counts_one_side": {
        "tr": "`patch_counts{args}` yama sayısı için {got} döndürdü, beklenen {expected}: yalnızca bir kenar "
              "boyunca saydınız. Görüntü (H/P) satır × (W/P) sütun yamaya bölünür: N = H·W/P².",
        "en": "`patch_counts{args}` returned {got} patches, expected {expected}: you counted along one side "
              "only. The image is cut into (H/P) rows × (W/P) columns of patches: N = H·W/P².",
    },
    "vit_counts_not_squared": {
        "tr": "`patch_counts{args}` yama sayısı için {got} döndürdü, beklenen {expected}: bir yama P×P piksel "
              "kaplar, bu yüzden H·W'yi P'ye değil P²'ye bölün: N = H·W/P².",
        "en": "`patch_counts{args}` returned {got} patches, expected {expected}: a patch covers P×P pixels, so "
              "divide H·W by P², not by P: N = H·W/P².",
    },
    "vit_counts_no_channels": {
        "tr": "`patch_counts{args}` yama boyutu için {got} döndürdü, beklenen {expected}: bir yamada P×P piksel "
              "ve her pikselde C kanal vardır. Düzleştirilmiş yama boyutu P²·C'dir; kanal sayısını unutmayın.",
        "en": "`patch_counts{args}` returned a patch size of {got}, expected {expected}: a patch has P×P pixels "
              "with C channels each. The flattened patch size is P²·C; don't forget the channels.",
    },
    "vit_counts_wrong": {
        "tr": "`patch_counts{args}` {got} döndürdü, beklenen {expected}. Formüller: yama sayısı N = H·W/P², "
              "düzleştirilmiş yama boyutu P²·C; sonucu `(N, P²·C)` demeti olarak döndürün.",
        "en": "`patch_counts{args}` returned {got}, expected {expected}. Formulas: number of patches N = H·W/P², "
              "flattened patch size P²·C; return the tuple `(N, P²·C)`.",
    },
    "vit_value_wrong": {
        "tr": "`{name}` {got}, beklenen {expected}. 224×224 piksel, 3 kanallı bir görüntü ve P = 16 için: "
              "N = 224·224/16² yama, her biri 16²·3 sayı; denklem 1'in çıktısında D = 768.",
        "en": "`{name}` is {got}, expected {expected}. For a 224×224 image with 3 channels and P = 16: "
              "N = 224·224/16² patches of 16²·3 numbers each; equation 1's output has D = 768.",
    },
    "vit_shape_no_cls": {
        "tr": "`embedding_output_shape` {got}: sınıf belirteci (class token) unutulmuş. Denklem 1'de "
              "z₀ = [x_class; x¹E; …; xᴺE] + E_pos: N yama + 1 sınıf belirteci = N+1 satır (beklenen {expected}).",
        "en": "`embedding_output_shape` is {got}: the class token is missing. In equation 1, "
              "z₀ = [x_class; x¹E; …; xᴺE] + E_pos: N patches + 1 class token = N+1 rows (expected {expected}).",
    },
    "vit_shape_swapped": {
        "tr": "`{name}` {got}: boyutlar ters sırada. Önce dizi uzunluğu (kaç satır / belirteç), sonra her "
              "satırın uzunluğu gelir: beklenen {expected}.",
        "en": "`{name}` is {got}: the dimensions are swapped. First the sequence length (rows / tokens), then "
              "the length of each row: expected {expected}.",
    },
    # --- image -> patches ----------------------------------------------------------------------------
    "vit_patches_channels_last": {
        "tr": "`image_to_patches` yamaları `[N, P, P, C]` düzeninde döndürüyor; PyTorch düzeni `[N, C, P, P]` "
              "bekleniyor (kanal önce). Çizerken `permute(1, 2, 0)` ile çevirin, fonksiyonda değil.",
        "en": "`image_to_patches` returns the patches as `[N, P, P, C]`; PyTorch's layout `[N, C, P, P]` "
              "(channels first) is expected. Permute with `permute(1, 2, 0)` when plotting, not in the function.",
    },
    "vit_patches_column_major": {
        "tr": "`image_to_patches` yamaları sütun sütun sıralıyor. Yamalar satır sırasıyla (row-major) gelmeli: "
              "soldan sağa, sonra bir alt satır; yama (satır r, sütun k) indeksi r·(W/P) + k olmalı.",
        "en": "`image_to_patches` orders the patches column by column. Patches must come in row-major order: "
              "left to right, then the next row down; patch (row r, column k) has index r·(W/P) + k.",
    },
    "vit_patches_reshape": {
        "tr": "`image_to_patches` görüntüyü yalnızca `reshape`/`view` ile yeniden şekillendiriyor: bu, bellekteki "
              "sayıları sırayla böler ve yamaları kesmez (bir \"yama\" birkaç satırın parçası olur). Önce "
              "`[C, H/P, P, W/P, P]` şekline getirip `permute` ile eksenleri yeniden sıralayın ya da "
              "`unfold` kullanın.",
        "en": "`image_to_patches` only reshapes the image with `reshape`/`view`: that cuts the numbers in "
              "memory order and does not cut patches (a \"patch\" becomes pieces of several rows). Reshape to "
              "`[C, H/P, P, W/P, P]` and reorder the axes with `permute`, or use `unfold`.",
    },
    "vit_patches_wrong": {
        "tr": "`image_to_patches(image, {patch_size})` beklenen yamaları döndürmedi (görüntü şekli {shape}). "
              "Her yama `image[:, r*P:(r+1)*P, k*P:(k+1)*P]` olmalı, satır sırasıyla; çıktı `[N, C, P, P]`.",
        "en": "`image_to_patches(image, {patch_size})` did not return the expected patches (image shape {shape}). "
              "Each patch must be `image[:, r*P:(r+1)*P, k*P:(k+1)*P]`, in row-major order; output `[N, C, P, P]`.",
    },
    "vit_input_modified": {
        "tr": "`{name}` girdi tensörünü yerinde (in place) değiştirdi. Girdiyi değiştirmeden yeni bir tensör "
              "döndürün.",
        "en": "`{name}` modified its input tensor in place. Return a new tensor and leave the input unchanged.",
    },
    # --- patch embedding ------------------------------------------------------------------------------
    "vit_defaults": {
        "tr": "`{name}` varsayılan argümanları sözleşmedekiyle aynı olmalı: {expected}. Farklı olanlar: {wrong}.",
        "en": "`{name}`'s default arguments must be the contract's: {expected}. Different: {wrong}.",
    },
    "vit_pe_not_permuted": {
        "tr": "`PatchEmbedding` çıktısı `{got}` şeklinde, yani `[B, D, N]`: eksenler yer değiştirmemiş. Evrişimin "
              "çıktısını düzleştirdikten (`flatten(2)`) sonra `permute(0, 2, 1)` ile `[B, N, D]` yapın.",
        "en": "`PatchEmbedding` returns shape `{got}`, i.e. `[B, D, N]`: the axes were not swapped. After "
              "flattening the convolution's output (`flatten(2)`), use `permute(0, 2, 1)` to get `[B, N, D]`.",
    },
    "vit_pe_not_flat": {
        "tr": "`PatchEmbedding` çıktısı `{got}` şeklinde: evrişimin öznitelik haritası düzleştirilmemiş. "
              "`[B, D, H/P, W/P]` tensörünü `flatten(start_dim=2)` ile `[B, D, N]`, sonra `permute(0, 2, 1)` ile "
              "`[B, N, D]` yapın.",
        "en": "`PatchEmbedding` returns shape `{got}`: the convolution's feature map was not flattened. Turn "
              "`[B, D, H/P, W/P]` into `[B, D, N]` with `flatten(start_dim=2)`, then into `[B, N, D]` with "
              "`permute(0, 2, 1)`.",
    },
    "vit_pe_shape": {
        "tr": "`PatchEmbedding(in_channels={C}, patch_size={P}, embedding_dim={D})` `{image}` girdisi için "
              "`{expected}` şekli döndürmeli, ama `{got}`. Evrişimde çekirdek (kernel) boyutu ve adım (stride) "
              "ikisi de `patch_size` olmalı; `in_channels`, `patch_size`, `embedding_dim` argümanlarını sabit "
              "yazmayın.",
        "en": "`PatchEmbedding(in_channels={C}, patch_size={P}, embedding_dim={D})` should return shape "
              "`{expected}` for an `{image}` input, but it returns `{got}`. The convolution's kernel size and "
              "stride must both be `patch_size`; don't hard-code `in_channels`, `patch_size`, `embedding_dim`.",
    },
    "vit_pe_parameters": {
        "tr": "`PatchEmbedding(in_channels={C}, patch_size={P}, embedding_dim={D})` {got} parametre içeriyor, "
              "beklenen {expected} (D·C·P² ağırlık + D yanlılık). Tek bir `nn.Conv2d(C, D, kernel_size=P, "
              "stride=P)` (ya da `nn.Linear(C·P², D)`) kullanın, yanlılığı (bias) açık bırakın.",
        "en": "`PatchEmbedding(in_channels={C}, patch_size={P}, embedding_dim={D})` has {got} parameters, "
              "expected {expected} (D·C·P² weights + D biases). Use a single `nn.Conv2d(C, D, kernel_size=P, "
              "stride=P)` (or `nn.Linear(C·P², D)`), with the bias kept.",
    },
    "vit_pe_view": {
        "tr": "`PatchEmbedding` belirteçleri karıştırıyor: tek bir yamayı değiştirince çıktıda tek bir satır "
              "değil, birçok satırın parçaları değişiyor. Bu, eksenleri `permute`/`transpose` yerine "
              "`view`/`reshape` ile `[B, N, D]` yapmanın belirtisi: `reshape` sayıların sırasını değiştirmez. "
              "`x.flatten(2).permute(0, 2, 1)` kullanın.",
        "en": "`PatchEmbedding` scrambles the tokens: changing one patch changes pieces of many output rows "
              "instead of one. That is the sign of `view`/`reshape` used in place of `permute`/`transpose` to "
              "get `[B, N, D]`: `reshape` does not reorder the numbers. Use `x.flatten(2).permute(0, 2, 1)`.",
    },
    "vit_pe_column_major": {
        "tr": "`PatchEmbedding` yamaları sütun sırasıyla diziyor: (satır {row}, sütun {col}) yamasını "
              "değiştirince {got}. belirteç değişti, beklenen {expected}. Yamalar satır sırasıyla (row-major) "
              "gelmeli: `flatten(2)` öncesinde yükseklik ve genişlik eksenlerini yer değiştirmeyin.",
        "en": "`PatchEmbedding` orders the patches column by column: changing the patch at (row {row}, column "
              "{col}) changed token {got}, expected {expected}. Patches must be in row-major order: don't swap "
              "the height and width axes before `flatten(2)`.",
    },
    "vit_pe_not_local": {
        "tr": "`PatchEmbedding` yerel değil: (satır {row}, sütun {col}) yamasını değiştirince belirteç(ler) "
              "{got} değişti, yalnızca {expected}. belirteç değişmeliydi. Her belirteç yalnızca kendi yamasına "
              "bakmalı: çekirdek (kernel) boyutu = adım (stride) = `patch_size`, dolgu (padding) yok.",
        "en": "`PatchEmbedding` is not local: changing the patch at (row {row}, column {col}) changed token(s) "
              "{got}; only token {expected} should change. Each token must see only its own patch: kernel size "
              "= stride = `patch_size`, no padding.",
    },
    "vit_pe_pixel_unused": {
        "tr": "`PatchEmbedding` bir yamanın bazı piksellerini hiç kullanmıyor: yama içindeki `{where}` "
              "(kanal, satır, sütun) pikseli değişince yamanın belirteci değişmedi. Çekirdek (kernel) boyutu "
              "`patch_size` olmalı ve bütün kanallar (`in_channels`) kullanılmalı.",
        "en": "`PatchEmbedding` ignores some pixels of a patch: changing pixel `{where}` (channel, row, column) "
              "inside the patch did not change the patch's token. The kernel size must be `patch_size` and "
              "every channel (`in_channels`) must be used.",
    },
    "vit_pe_patch_ignored": {
        "tr": "`PatchEmbedding` (satır {row}, sütun {col}) yamasını değiştirince hiçbir belirteç değişmedi: "
              "görüntünün bir kısmı hiç kullanılmıyor. Çekirdek (kernel) boyutu = adım (stride) = `patch_size` "
              "olmalı ve bütün yamalar çıktıda yer almalı.",
        "en": "Changing the patch at (row {row}, column {col}) changed no token of `PatchEmbedding`: part of the "
              "image is never used. Kernel size = stride = `patch_size`, and every patch must appear in the "
              "output.",
    },
    "vit_pe_mixes_batch": {
        "tr": "`PatchEmbedding` yığındaki (batch) görüntüleri birbirine karıştırıyor: bir görüntüyü değiştirmek "
              "başka bir görüntünün belirteçlerini de değiştirdi. Yığın boyutunu (ilk eksen) hiçbir "
              "`reshape`/`permute` ile başka eksenlere karıştırmayın.",
        "en": "`PatchEmbedding` mixes the images of a batch: changing one image changed the tokens of another. "
              "Never mix the batch axis (the first one) into other axes with `reshape`/`permute`.",
    },
    "vit_pe_not_linear": {
        "tr": "`PatchEmbedding` piksellerde doğrusal değil. Denklem 1'deki yama gömme (patch embedding) E "
              "doğrusal bir izdüşümdür: evrişimden (ya da doğrusal katmandan) sonra aktivasyon fonksiyonu "
              "(ReLU vb.) ya da normalizasyon eklemeyin.",
        "en": "`PatchEmbedding` is not linear in the pixels. The patch embedding E of equation 1 is a linear "
              "projection: add no activation function (ReLU, ...) or normalization after the convolution (or "
              "linear layer).",
    },
    "vit_pe_no_error": {
        "tr": "`PatchEmbedding(patch_size={P})` {H}×{W} piksellik bir görüntüde hata vermedi; {side} {P}'ya "
              "bölünmüyor. Evrişim artan pikselleri sessizce atar. `forward` içinde kontrol edin, ör. "
              "`if H % P != 0 or W % P != 0: raise ValueError(f\"görüntü boyutu {{H}}x{{W}}, yama boyutu {{P}}'ya "
              "bölünmeli\")` (hem yüksekliği hem genişliği kontrol edin).",
        "en": "`PatchEmbedding(patch_size={P})` raised no error on a {H}×{W} image although its {side} is not "
              "divisible by {P}; the convolution silently drops the extra pixels. Check it in `forward`, e.g. "
              "`if H % P != 0 or W % P != 0: raise ValueError(f\"image size {{H}}x{{W}} must be divisible by the "
              "patch size {{P}}\")` (check both height and width).",
    },
    "vit_pe_error_unclear": {
        "tr": "`PatchEmbedding(patch_size={P})` {H}×{W} piksellik görüntüde hata verdi ama mesajı açık değil "
              "(`{error}`): mesajda bölünmeyen görüntü boyutu yok. Mesajda görüntü boyutunu ve yama boyutunu "
              "yazın, ör. "
              "`raise ValueError(f\"görüntü boyutu {{H}}x{{W}}, yama boyutu {{P}}'ya bölünmeli\")`.",
        "en": "`PatchEmbedding(patch_size={P})` raised an error on a {H}×{W} image, but its message is not clear "
              "(`{error}`): it does not name the image size that is not divisible. Name the image size and the "
              "patch size in it, e.g. "
              "`raise ValueError(f\"image size {{H}}x{{W}} must be divisible by the patch size {{P}}\")`.",
    },
    # --- shared by the modules ----------------------------------------------------------------------------
    "vit_no_parameters": {
        "tr": "`{name}` hiç öğrenilebilir parametre içermiyor. Katmanları ve `nn.Parameter`'ları `__init__` "
              "içinde oluşturup `self`'e atayın; `forward` içinde yeni katman ya da tensör yaratmayın.",
        "en": "`{name}` has no learnable parameters. Create the layers and `nn.Parameter`s in `__init__` and "
              "assign them to `self`; don't create new layers or tensors inside `forward`.",
    },
    "vit_not_deterministic": {
        "tr": "`{name}` aynı girdiye değerlendirme kipinde (`eval()`) iki farklı çıktı verdi. Katmanları ve "
              "`torch.randn` ile oluşturulan parametreleri `forward` içinde değil `__init__` içinde oluşturun; "
              "dropout için `nn.Dropout` kullanın (değerlendirme kipinde kendiliğinden kapanır).",
        "en": "`{name}` gave two different outputs for the same input in evaluation mode (`eval()`). Create "
              "layers and `torch.randn` parameters in `__init__`, not in `forward`; use `nn.Dropout` for "
              "dropout (it switches off by itself in evaluation mode).",
    },
    "vit_no_grad": {
        "tr": "`{name}` çıktısından geri yayılım (backpropagation) bazı parametrelere ulaşmıyor ({params}). "
              "`forward` içinde `detach()`, `torch.no_grad()` ya da `.data` kullanmayın; parametreleri "
              "`nn.Parameter` olarak tanımlayın.",
        "en": "Backpropagation from `{name}`'s output does not reach some parameters ({params}). Don't use "
              "`detach()`, `torch.no_grad()` or `.data` in `forward`; define the parameters as `nn.Parameter`.",
    },
    "vit_parameters": {
        "tr": "`{call}` {got:,} parametre içeriyor, notlandırıcının aynı argümanlarla kurduğu başvuru modeli "
              "{expected:,} (fark {diff:+,}).",
        "en": "`{call}` has {got:,} parameters; the reference model the grader builds with the same arguments "
              "has {expected:,} (difference {diff:+,}).",
    },
    "vit_tuple_output": {
        "tr": "`{name}` bir demet (tuple) döndürüyor. `nn.MultiheadAttention` `(attn_output, attn_weights)` "
              "döndürür: `attn_output, _ = self.multihead_attn(query=x, key=x, value=x, need_weights=False)` "
              "yazıp yalnızca `attn_output`'u döndürün.",
        "en": "`{name}` returns a tuple. `nn.MultiheadAttention` returns `(attn_output, attn_weights)`: write "
              "`attn_output, _ = self.multihead_attn(query=x, key=x, value=x, need_weights=False)` and return "
              "only `attn_output`.",
    },
    "vit_heads_ignored": {
        "tr": "`{name}` içindeki `nn.MultiheadAttention` {got} başlıkla kurulmuş, istenen `num_heads={expected}`. "
              "`num_heads` argümanını sabit yazmayın, katmana iletin.",
        "en": "The `nn.MultiheadAttention` inside `{name}` was built with {got} heads; `num_heads={expected}` was "
              "asked. Don't hard-code `num_heads`; pass the argument on.",
    },
    "vit_dropout_ignored": {
        "tr": "`{name}` `{arg}={p}` ile kurulduğu halde eğitim kipinde (`train()`) hiç dropout uygulamıyor: "
              "`{arg}` argümanını ilgili `nn.Dropout` katmanına (ya da `nn.MultiheadAttention(dropout=...)`'a) "
              "iletin.",
        "en": "`{name}` was built with `{arg}={p}` but applies no dropout in training mode (`train()`): pass "
              "`{arg}` on to the matching `nn.Dropout` layer (or to `nn.MultiheadAttention(dropout=...)`).",
    },
    "vit_dropout_when_zero": {
        "tr": "`{name}` bütün dropout oranları 0 iken eğitim kipinde (`train()`) aynı girdiye farklı çıktılar "
              "veriyor: dropout oranlarını sabit yazmayın, argümanları (`{args}`) kullanın.",
        "en": "`{name}` gives different outputs for the same input in training mode (`train()`) although every "
              "dropout rate is 0: don't hard-code the dropout rates, use the arguments (`{args}`).",
    },
    # --- class token and position embedding ----------------------------------------------------------------
    "vit_ct_shape": {
        "tr": "`ClassAndPositionEmbedding(num_patches={N}, embedding_dim={D})` `[{B}, {N}, {D}]` girdisi için "
              "`[{B}, {N1}, {D}]` döndürmeli, ama `{got}`. Sınıf belirteci (class token) `[1, 1, D]` bir "
              "`nn.Parameter`; `expand(B, -1, -1)` ile yığına genişletip `torch.cat(..., dim=1)` ile yamaların "
              "önüne ekleyin.",
        "en": "`ClassAndPositionEmbedding(num_patches={N}, embedding_dim={D})` should return `[{B}, {N1}, {D}]` "
              "for a `[{B}, {N}, {D}]` input, but it returns `{got}`. The class token is a `[1, 1, D]` "
              "`nn.Parameter`; expand it to the batch with `expand(B, -1, -1)` and put it in front of the patches "
              "with `torch.cat(..., dim=1)`.",
    },
    "vit_ct_pos_concat": {
        "tr": "`ClassAndPositionEmbedding` çıktısı `{got}` şeklinde: konum gömmesi (position embedding) "
              "eklenmemiş, birleştirilmiş (`torch.cat`). Denklem 1'de E_pos toplanır: `x = x + self.position_embedding`.",
        "en": "`ClassAndPositionEmbedding` returns shape `{got}`: the position embedding was concatenated "
              "(`torch.cat`) instead of added. In equation 1, E_pos is added: `x = x + self.position_embedding`.",
    },
    "vit_ct_at_end": {
        "tr": "Sınıf belirteci (class token) dizinin sonuna eklenmiş. Denklem 1'de x_class ilk sıradadır: "
              "`torch.cat([class_token, x], dim=1)` (sıra önemli); sınıflandırıcı da `x[:, 0]`'ı okur.",
        "en": "The class token was appended at the end. In equation 1, x_class comes first: "
              "`torch.cat([class_token, x], dim=1)` (the order matters); the classifier reads `x[:, 0]`.",
    },
    "vit_ct_not_first": {
        "tr": "Çıktının 0. belirteci her görüntü için aynı öğrenilebilir vektör (sınıf belirteci + konum "
              "gömmesinin ilk satırı) olmalı ve girdiye bağlı olmamalı. Sınıf belirtecini `[1, 1, D]` bir "
              "`nn.Parameter` olarak tanımlayın ve `torch.cat([class_token.expand(B, -1, -1), x], dim=1)` yazın.",
        "en": "Token 0 of the output must be the same learnable vector for every image (class token + first row "
              "of the position embedding) and must not depend on the input. Define the class token as a "
              "`[1, 1, D]` `nn.Parameter` and write `torch.cat([class_token.expand(B, -1, -1), x], dim=1)`.",
    },
    "vit_ct_no_pos": {
        "tr": "Yama belirteçlerine konum gömmesi (position embedding) eklenmemiş: çıktının 1..N satırları "
              "girdinin aynısı. `[1, N+1, D]` bir `nn.Parameter` tanımlayıp sınıf belirtecini ekledikten sonra "
              "toplayın: `x = x + self.position_embedding`.",
        "en": "No position embedding was added to the patch tokens: rows 1..N of the output equal the input. "
              "Define a `[1, N+1, D]` `nn.Parameter` and add it after prepending the class token: "
              "`x = x + self.position_embedding`.",
    },
    "vit_ct_pos_not_added": {
        "tr": "Konum gömmesi (position embedding) girdiye toplanmalı: çıktı − girdi her görüntü için aynı "
              "(E_pos) olmalı, ama girdiye bağlı. Çarpma ya da başka bir işlem değil, `x + self.position_embedding`.",
        "en": "The position embedding must be added to the input: output − input must be the same for every "
              "image (E_pos), but it depends on the input. Not a product or another operation: "
              "`x + self.position_embedding`.",
    },
    "vit_ct_cls_not_param": {
        "tr": "Sınıf belirteci (class token) öğrenilebilir değil: 0. belirteçten geri yayılım hiçbir parametreye "
              "ulaşmıyor. `self.class_token = nn.Parameter(torch.randn(1, 1, D))` yazın (düz bir tensör ya da "
              "`register_buffer` öğrenilmez).",
        "en": "The class token is not learnable: backpropagation from token 0 reaches no parameter. Write "
              "`self.class_token = nn.Parameter(torch.randn(1, 1, D))` (a plain tensor or a buffer is not "
              "learned).",
    },
    "vit_ct_pos_not_param": {
        "tr": "Konum gömmesi (position embedding) öğrenilebilir değil: yama belirteçlerinden geri yayılım "
              "{got} parametre değerine ulaştı, her yama konumu için D tane, toplam {expected} olmalı. "
              "`self.position_embedding = nn.Parameter(torch.randn(1, N+1, D))` yazın.",
        "en": "The position embedding is not learnable: backpropagation from the patch tokens reached {got} "
              "parameter values, it should reach D per patch position, {expected} in all. Write "
              "`self.position_embedding = nn.Parameter(torch.randn(1, N+1, D))`.",
    },
    "vit_ct_pos_rows": {
        "tr": "Konum gömmesi N+1 satır olmalı (sınıf belirteci de bir konum alır, denklem 1'de "
              "E_pos ∈ ℝ^((N+1)×D)). `ClassAndPositionEmbedding(num_patches={N}, embedding_dim={D})` {got:,} "
              "parametre içeriyor, beklenen {expected:,} = (N+1)·D + D.",
        "en": "The position embedding must have N+1 rows (the class token gets a position too: "
              "E_pos ∈ ℝ^((N+1)×D) in equation 1). `ClassAndPositionEmbedding(num_patches={N}, embedding_dim={D})` "
              "has {got:,} parameters, expected {expected:,} = (N+1)·D + D.",
    },
    "vit_hint_expand": {
        "tr": "İpucu: sınıf belirteci yığın boyutuna (batch size) genişletilmemiş olabilir. `[1, 1, D]` sınıf "
              "belirtecini `self.class_token.expand(x.shape[0], -1, -1)` ile her yığına uydurun; yığın boyutunu "
              "sabit yazmayın.",
        "en": "Hint: the class token may not be expanded to the batch size. Fit the `[1, 1, D]` class token to "
              "any batch with `self.class_token.expand(x.shape[0], -1, -1)`; don't hard-code the batch size.",
    },
    # --- encoder parts -------------------------------------------------------------------------------------
    "vit_block_shape": {
        "tr": "`{call}` `{expected}` şeklinde girdi için aynı şekilde çıktı vermeli, ama `{got}`. Kodlayıcı "
              "(encoder) blokları dizinin şeklini değiştirmez: `[B, N, D] -> [B, N, D]`.",
        "en": "`{call}` should return the input's shape `{expected}`, but it returns `{got}`. The encoder's "
              "blocks keep the sequence's shape: `[B, N, D] -> [B, N, D]`.",
    },
    "vit_msa_batch_first": {
        "tr": "Öz-dikkat (self-attention) yığındaki görüntüler arasında yapılıyor, her görüntünün kendi "
              "belirteçleri arasında değil: `nn.MultiheadAttention` varsayılan olarak `[N, B, D]` bekler. "
              "`nn.MultiheadAttention(..., batch_first=True)` kullanın.",
        "en": "Self-attention runs across the images of the batch instead of across each image's own tokens: "
              "`nn.MultiheadAttention` expects `[N, B, D]` by default. Use `nn.MultiheadAttention(..., "
              "batch_first=True)`.",
    },
    "vit_msa_no_mixing": {
        "tr": "`{name}` belirteçler arasında bilgi taşımıyor: bir belirteci değiştirmek aynı görüntünün öbür "
              "belirteçlerini hiç etkilemedi. Öz-dikkatte sorgu, anahtar ve değer aynı dizidir: "
              "`self.multihead_attn(query=x, key=x, value=x)`.",
        "en": "`{name}` moves no information between tokens: changing one token did not affect the other tokens "
              "of the same image. In self-attention query, key and value are the same sequence: "
              "`self.multihead_attn(query=x, key=x, value=x)`.",
    },
    "vit_msa_no_norm": {
        "tr": "`MultiheadSelfAttentionBlock` öz-dikkatten önce katman normalizasyonu (layer normalization) "
              "uygulamıyor. Denklem 2: MSA(LN(z)). Önce `x = self.layer_norm(x)`, sonra öz-dikkat.",
        "en": "`MultiheadSelfAttentionBlock` applies no layer normalization before self-attention. Equation 2: "
              "MSA(LN(z)). First `x = self.layer_norm(x)`, then self-attention.",
    },
    "vit_msa_norm_after": {
        "tr": "`MultiheadSelfAttentionBlock` katman normalizasyonunu öz-dikkatten sonra uyguluyor. ViT "
              "\"önce normalizasyon\" (pre-norm) kullanır, denklem 2: MSA(LN(z)). Önce `self.layer_norm(x)`, "
              "sonra öz-dikkat.",
        "en": "`MultiheadSelfAttentionBlock` applies layer normalization after self-attention. ViT is pre-norm, "
              "equation 2: MSA(LN(z)). First `self.layer_norm(x)`, then self-attention.",
    },
    "vit_msa_residual": {
        "tr": "`MultiheadSelfAttentionBlock` girdiyi çıktıya ekliyor (artık bağlantı). Bu not defterinde blok "
              "yalnızca MSA(LN(z)) döndürür; artık bağlantıyı (residual connection) `TransformerEncoderBlock` "
              "içinde ekleyeceksiniz (denklem 2'deki `+ z`).",
        "en": "`MultiheadSelfAttentionBlock` adds its input to its output (a residual connection). In this "
              "notebook the block returns only MSA(LN(z)); you add the residual connection in "
              "`TransformerEncoderBlock` (the `+ z` of equation 2).",
    },
    "vit_msa_mismatch": {
        "tr": "`MultiheadSelfAttentionBlock`, aynı ağırlıklarla notlandırıcının başvuru bloğundan "
              "(`LayerNorm` → `nn.MultiheadAttention(batch_first=True)`) farklı çıktı veriyor (göreli fark "
              "{diff:.2g}). Sorgu, anahtar ve değerin üçü de normalize edilmiş girdi olmalı: "
              "`x = self.layer_norm(x)`, `self.multihead_attn(query=x, key=x, value=x, need_weights=False)`.",
        "en": "With the same weights, `MultiheadSelfAttentionBlock` gives a different output from the grader's "
              "reference block (`LayerNorm` → `nn.MultiheadAttention(batch_first=True)`) (relative difference "
              "{diff:.2g}). Query, key and value must all be the normalized input: `x = self.layer_norm(x)`, "
              "`self.multihead_attn(query=x, key=x, value=x, need_weights=False)`.",
    },
    "vit_mlp_mixes": {
        "tr": "`MLPBlock` belirteçleri birbirine karıştırıyor: bir belirteci değiştirmek başka belirteçleri de "
              "değiştirdi. MLP bloğu her belirtece ayrı ayrı uygulanır; `nn.Linear` son eksende çalışır, "
              "`reshape`/`flatten` gerekmez.",
        "en": "`MLPBlock` mixes the tokens: changing one token changed others too. The MLP block is applied to "
              "every token on its own; `nn.Linear` works on the last axis, no `reshape`/`flatten` is needed.",
    },
    "vit_mlp_relu": {
        "tr": "`MLPBlock` GELU yerine ReLU kullanıyor. ViT makalesinin MLP bloğunda aktivasyon fonksiyonu "
              "GELU'dur: `nn.GELU()`.",
        "en": "`MLPBlock` uses ReLU instead of GELU. The MLP block of the ViT paper uses the GELU activation "
              "function: `nn.GELU()`.",
    },
    "vit_mlp_no_activation": {
        "tr": "`MLPBlock` iki doğrusal katman arasında doğrusal olmayan bir aktivasyon fonksiyonu kullanmıyor "
              "(ya da GELU dışında bir fonksiyon kullanıyor). Makaledeki sıra: LayerNorm → Linear → GELU → "
              "Dropout → Linear → Dropout.",
        "en": "`MLPBlock` has no non-linear activation function between its two linear layers (or one other "
              "than GELU). The paper's order: LayerNorm → Linear → GELU → Dropout → Linear → Dropout.",
    },
    "vit_mlp_no_norm": {
        "tr": "`MLPBlock` başta katman normalizasyonu uygulamıyor. Denklem 3: MLP(LN(z')). İlk katman "
              "`nn.LayerNorm(embedding_dim)` olmalı.",
        "en": "`MLPBlock` applies no layer normalization first. Equation 3: MLP(LN(z')). The first layer must be "
              "`nn.LayerNorm(embedding_dim)`.",
    },
    "vit_mlp_norm_after": {
        "tr": "`MLPBlock` katman normalizasyonunu sonda uyguluyor. ViT \"önce normalizasyon\" (pre-norm) "
              "kullanır, denklem 3: MLP(LN(z')). LayerNorm ilk katman olmalı.",
        "en": "`MLPBlock` applies layer normalization at the end. ViT is pre-norm, equation 3: MLP(LN(z')). "
              "LayerNorm must come first.",
    },
    "vit_mlp_residual": {
        "tr": "`MLPBlock` girdiyi çıktıya ekliyor (artık bağlantı). Bu not defterinde blok yalnızca MLP(LN(z')) "
              "döndürür; artık bağlantıyı `TransformerEncoderBlock` içinde ekleyeceksiniz (denklem 3'teki `+ z'`).",
        "en": "`MLPBlock` adds its input to its output (a residual connection). In this notebook the block "
              "returns only MLP(LN(z')); you add the residual connection in `TransformerEncoderBlock` (the "
              "`+ z'` of equation 3).",
    },
    "vit_mlp_mismatch": {
        "tr": "`MLPBlock`, aynı ağırlıklarla notlandırıcının başvuru bloğundan (LayerNorm → Linear(D, M) → GELU "
              "→ Dropout → Linear(M, D) → Dropout) farklı çıktı veriyor (göreli fark {diff:.2g}). Katmanların "
              "sırasını kontrol edin.",
        "en": "With the same weights, `MLPBlock` gives a different output from the grader's reference block "
              "(LayerNorm → Linear(D, M) → GELU → Dropout → Linear(M, D) → Dropout) (relative difference "
              "{diff:.2g}). Check the order of the layers.",
    },
    "vit_dropout_in_eval": {
        "tr": "`{name}` değerlendirme kipinde (`eval()`) de dropout uyguluyor. `nn.Dropout` katmanı kullanın ya "
              "da `F.dropout(x, p, training=self.training)` yazın.",
        "en": "`{name}` applies dropout in evaluation mode (`eval()`) too. Use an `nn.Dropout` layer or write "
              "`F.dropout(x, p, training=self.training)`.",
    },
    "vit_enc_no_residual": {
        "tr": "Artık bağlantılar (residual connections) eksik: bütün ağırlıkları sıfırlanmış bir kodlayıcı "
              "bloğu girdiyi aynen geri vermeli (z' = MSA(LN(z)) + z, z_out = MLP(LN(z')) + z'), ama vermiyor. "
              "Her alt bloğun çıktısına kendi girdisini (normalize edilmemiş haliyle) ekleyin: "
              "`x = self.msa_block(x) + x`, `x = self.mlp_block(x) + x`.",
        "en": "Residual connections are missing: an encoder block with every weight set to zero must return "
              "its input unchanged (z' = MSA(LN(z)) + z, z_out = MLP(LN(z')) + z'), but it does not. Add each "
              "sub-block's own (unnormalized) input to its output: `x = self.msa_block(x) + x`, "
              "`x = self.mlp_block(x) + x`.",
    },
    "vit_enc_double_residual": {
        "tr": "Artık bağlantı iki kez eklenmiş: ağırlıkları sıfırlanmış blok girdinin {k} katını döndürüyor, "
              "girdinin kendisini döndürmeli. `MultiheadSelfAttentionBlock` ve `MLPBlock` artık bağlantı "
              "eklemez; `+ x` yalnızca `TransformerEncoderBlock` içinde, her alt blok için bir kez.",
        "en": "The residual connection is added twice: the zeroed block returns {k} times its input, it should "
              "return the input itself. `MultiheadSelfAttentionBlock` and `MLPBlock` add no residual; `+ x` "
              "belongs in `TransformerEncoderBlock` only, once per sub-block.",
    },
    "vit_enc_post_norm": {
        "tr": "`TransformerEncoderBlock` \"sonra normalizasyon\" (post-norm, özgün Transformer) gibi çalışıyor: "
              "LN(z + MSA(z)). ViT \"önce normalizasyon\" (pre-norm) kullanır: z' = MSA(LN(z)) + z, "
              "z_out = MLP(LN(z')) + z' (denklem 2–3).",
        "en": "`TransformerEncoderBlock` behaves like a post-norm block (the original Transformer): "
              "LN(z + MSA(z)). ViT is pre-norm: z' = MSA(LN(z)) + z, z_out = MLP(LN(z')) + z' (equations 2–3).",
    },
    "vit_enc_parallel": {
        "tr": "`TransformerEncoderBlock` MLP bloğuna öz-dikkat bloğunun çıktısını değil, bloğun girdisini "
              "veriyor. Denklem 3: MLP bloğu z' = MSA(LN(z)) + z üzerinde çalışır: önce `x = self.msa_block(x) + "
              "x`, sonra aynı `x` ile `x = self.mlp_block(x) + x`.",
        "en": "`TransformerEncoderBlock` feeds the block's input to the MLP block instead of the attention "
              "block's output. Equation 3: the MLP block works on z' = MSA(LN(z)) + z: first `x = "
              "self.msa_block(x) + x`, then with that `x`, `x = self.mlp_block(x) + x`.",
    },
    "vit_enc_relu": {
        "tr": "`TransformerEncoderBlock`'un MLP bölümü GELU yerine ReLU kullanıyor. ViT'de MLP bloğunun "
              "aktivasyon fonksiyonu GELU'dur.",
        "en": "The MLP part of `TransformerEncoderBlock` uses ReLU instead of GELU. ViT's MLP block uses the GELU "
              "activation function.",
    },
    "vit_enc_mismatch": {
        "tr": "`TransformerEncoderBlock`, ağırlıkları kopyalanınca `nn.TransformerEncoderLayer(d_model, nhead, "
              "dim_feedforward, dropout=0, activation=\"gelu\", batch_first=True, norm_first=True)` ile aynı "
              "çıktıyı vermiyor (göreli fark {diff:.2g}). Denklem 2–3: z' = MSA(LN(z)) + z, "
              "z_out = MLP(LN(z')) + z'.",
        "en": "With its weights copied, `TransformerEncoderBlock` does not give the output of "
              "`nn.TransformerEncoderLayer(d_model, nhead, dim_feedforward, dropout=0, activation=\"gelu\", "
              "batch_first=True, norm_first=True)` (relative difference {diff:.2g}). Equations 2–3: "
              "z' = MSA(LN(z)) + z, z_out = MLP(LN(z')) + z'.",
    },
    # --- ViT -------------------------------------------------------------------------------------------------
    "vit_signature": {
        "tr": "`ViT.__init__` şu argümanları almalı (sözleşmedeki adlarla): {expected}. Eksik: {missing}.",
        "en": "`ViT.__init__` must take these arguments (with the contract's names): {expected}. Missing: "
              "{missing}.",
    },
    "vit_logits_shape": {
        "tr": "`{call}` `{image}` girdisi için `[{B}, {classes}]` logit (modelin ham çıktısı) döndürmeli, ama "
              "`{got}`. Sınıflandırıcı yalnızca sınıf belirtecini okur: `self.classifier(x[:, 0])` (denklem 4).",
        "en": "`{call}` should return logits of shape `[{B}, {classes}]` for an `{image}` input, but it returns "
              "`{got}`. The classifier reads the class token only: `self.classifier(x[:, 0])` (equation 4).",
    },
    "vit_not_class_token": {
        "tr": "`ViT` sınıflandırma için sınıf belirtecini (class token) kullanmıyor. Denklem 4: y = LN(z_L⁰), "
              "yani son kodlayıcı katmanının çıktısında 0. belirteç: `self.classifier(x[:, 0])`. Bütün "
              "belirteçlerin ortalaması ya da son belirteç değil.",
        "en": "`ViT` does not classify from the class token. Equation 4: y = LN(z_L⁰), token 0 of the last "
              "encoder layer's output: `self.classifier(x[:, 0])`. Not the mean of all tokens, nor the last token.",
    },
    "vit_hint_img_size": {
        "tr": "İpucu: yama sayısını sabit yazmış olabilirsiniz (ör. 196). `num_patches = (img_size // "
              "patch_size) ** 2` hesaplayın; bütün katmanlara `ViT`'nin argümanlarını iletin.",
        "en": "Hint: you may have hard-coded the number of patches (e.g. 196). Compute `num_patches = (img_size "
              "// patch_size) ** 2`; pass `ViT`'s arguments on to every layer.",
    },
    "vit_hint_arguments": {
        "tr": "İpucu: bir katman argümanlardan farklı bir boyutla kurulmuş olabilir (ör. `in_channels`, "
              "`embedding_dim` ya da `num_heads` sabit yazılmış). Argümanları olduğu gibi katmanlara iletin.",
        "en": "Hint: a layer may have been built with a size other than the arguments (e.g. a hard-coded "
              "`in_channels`, `embedding_dim` or `num_heads`). Pass the arguments on to the layers.",
    },
    "vit_why_head_norm": {
        "tr": "Sınıflandırıcıdan önceki `nn.LayerNorm` eksik görünüyor (denklem 4: y = LN(z_L⁰)): "
              "`nn.Sequential(nn.LayerNorm(D), nn.Linear(D, num_classes))`.",
        "en": "The `nn.LayerNorm` before the classifier seems to be missing (equation 4: y = LN(z_L⁰)): "
              "`nn.Sequential(nn.LayerNorm(D), nn.Linear(D, num_classes))`.",
    },
    "vit_why_pos_rows": {
        "tr": "Konum gömmesi N+1 değil N satır görünüyor: sınıf belirteci de bir konum alır, `[1, N+1, D]`.",
        "en": "The position embedding seems to have N rows instead of N+1: the class token gets a position "
              "too, `[1, N+1, D]`.",
    },
    "vit_why_patch_bias": {
        "tr": "Yama gömme katmanında yanlılık (bias) yok gibi görünüyor: `nn.Conv2d(..., bias=True)` "
              "(varsayılan) kullanın.",
        "en": "The patch embedding layer seems to have no bias: use `nn.Conv2d(..., bias=True)` (the default).",
    },
    "vit_why_class_token": {
        "tr": "Sınıf belirteci (class token) parametresi eksik görünüyor: `nn.Parameter(torch.randn(1, 1, D))`.",
        "en": "The class token parameter seems to be missing: `nn.Parameter(torch.randn(1, 1, D))`.",
    },
    "vit_why_layers": {
        "tr": "Kodlayıcı katman sayısı `num_transformer_layers` ile uyuşmuyor görünüyor: "
              "`nn.Sequential(*[TransformerEncoderBlock(...) for _ in range(num_transformer_layers)])`.",
        "en": "The number of encoder layers does not seem to match `num_transformer_layers`: "
              "`nn.Sequential(*[TransformerEncoderBlock(...) for _ in range(num_transformer_layers)])`.",
    },
    "vit_why_unknown": {
        "tr": "Her parçayı denklemlerle karşılaştırın: yama gömme (D·C·P² + D), sınıf belirteci (D), konum "
              "gömmesi ((N+1)·D), `num_transformer_layers` kodlayıcı bloğu, LayerNorm + Linear sınıflandırıcı.",
        "en": "Compare every part with the equations: patch embedding (D·C·P² + D), class token (D), position "
              "embedding ((N+1)·D), `num_transformer_layers` encoder blocks, LayerNorm + Linear classifier.",
    },
    "vit_why_block": {
        "tr": "Bloğun parçaları: LayerNorm + `nn.MultiheadAttention` (denklem 2) ve LayerNorm + Linear(D, M) + "
              "Linear(M, D) (denklem 3). Paylaşılan ya da eksik bir katman olmasın; argümanları sabit yazmayın.",
        "en": "The block's parts: LayerNorm + `nn.MultiheadAttention` (equation 2) and LayerNorm + Linear(D, M) "
              "+ Linear(M, D) (equation 3). No shared or missing layer; don't hard-code the arguments.",
    },
    "vit_small_not_vit": {
        "tr": "`small_vit` sizin `ViT` sınıfınızın bir örneği olmalı (`small_vit = ViT(img_size=28, "
              "in_channels=1, ...)`), ama `{got}`. `ViT` hücresini yeniden çalıştırdıysanız `small_vit`'i de "
              "yeniden oluşturup eğitin.",
        "en": "`small_vit` must be an instance of your `ViT` class (`small_vit = ViT(img_size=28, in_channels=1, "
              "...)`), but it is a `{got}`. If you re-ran the `ViT` cell, build and train `small_vit` again.",
    },
    "vit_small_too_big": {
        "tr": "`small_vit` {got:,} parametre içeriyor; en fazla {limit:,} olmalı ki eğitim CPU'da kısa sürsün. "
              "Daha küçük bir `embedding_dim`, `mlp_size` ya da daha az katman seçin.",
        "en": "`small_vit` has {got:,} parameters; at most {limit:,} are allowed so that it trains quickly on a "
              "CPU. Choose a smaller `embedding_dim`, `mlp_size` or fewer layers.",
    },
    "vit_small_input": {
        "tr": "`small_vit` rakam görüntülerini (`[B, 1, 28, 28]`, değerler 0–1) olduğu gibi almalı ve `[B, 10]` "
              "logit döndürmeli, ama `{got}`. `ViT(img_size=28, in_channels=1, num_classes=10, ...)` kullanın.",
        "en": "`small_vit` must take the digit images as they are (`[B, 1, 28, 28]`, values 0–1) and return "
              "`[B, 10]` logits, but it returned `{got}`. Use `ViT(img_size=28, in_channels=1, num_classes=10, "
              "...)`.",
    },
})


# --- the grader's reference modules ------------------------------------------------------------------------

class RefPatchEmbedding(nn.Module):
    def __init__(self, in_channels=3, patch_size=16, embedding_dim=768, bias=True):
        super().__init__()
        self.patch_size = patch_size
        self.proj = nn.Conv2d(in_channels, embedding_dim, kernel_size=patch_size, stride=patch_size, bias=bias)

    def forward(self, x):
        return self.proj(x).flatten(2).transpose(1, 2)


class RefClassAndPosition(nn.Module):
    def __init__(self, num_patches=196, embedding_dim=768, *, pos_for_cls=True, class_token=True):
        super().__init__()
        self.class_token = nn.Parameter(torch.randn(1, 1, embedding_dim)) if class_token else None
        self.position = nn.Parameter(torch.randn(1, num_patches + int(pos_for_cls), embedding_dim))

    def forward(self, x):
        cls = self.class_token.expand(x.shape[0], -1, -1)
        return torch.cat([cls, x], dim=1) + self.position


class RefMSA(nn.Module):
    def __init__(self, embedding_dim=768, num_heads=12, attn_dropout=0.0):
        super().__init__()
        self.norm = nn.LayerNorm(embedding_dim)
        self.attn = nn.MultiheadAttention(embedding_dim, num_heads, dropout=attn_dropout, batch_first=True)

    def forward(self, x):
        h = self.norm(x)
        return self.attn(h, h, h, need_weights=False)[0]


class RefMLP(nn.Module):
    def __init__(self, embedding_dim=768, mlp_size=3072, dropout=0.1):
        super().__init__()
        self.norm = nn.LayerNorm(embedding_dim)
        self.fc1, self.fc2 = nn.Linear(embedding_dim, mlp_size), nn.Linear(mlp_size, embedding_dim)
        self.drop = nn.Dropout(dropout)

    def forward(self, x, act=F.gelu):
        return self.drop(self.fc2(self.drop(act(self.fc1(self.norm(x))))))


def reference_encoder(embedding_dim, num_heads, mlp_size, *, dropout=0.0, norm_first=True,
                      activation="gelu") -> nn.TransformerEncoderLayer:
    """The block the issue names as the yardstick: PyTorch's own pre-norm encoder layer."""
    return nn.TransformerEncoderLayer(embedding_dim, num_heads, mlp_size, dropout=dropout, activation=activation,
                                      batch_first=True, norm_first=norm_first)


class RefViT(nn.Module):
    """ViT as in the paper (and the course); the keyword-only flags build typical mistakes for diagnosis."""

    def __init__(self, img_size=224, in_channels=3, patch_size=16, num_transformer_layers=12, embedding_dim=768,
                 mlp_size=3072, num_heads=12, attn_dropout=0.0, mlp_dropout=0.1, embedding_dropout=0.1,
                 num_classes=1000, *, head_norm=True, pos_for_cls=True, patch_bias=True, class_token=True):
        super().__init__()
        num_patches = (img_size // patch_size) ** 2
        self.patch = RefPatchEmbedding(in_channels, patch_size, embedding_dim, bias=patch_bias)
        self.embed = RefClassAndPosition(num_patches, embedding_dim, pos_for_cls=pos_for_cls,
                                         class_token=class_token)
        self.drop = nn.Dropout(embedding_dropout)
        self.encoder = nn.Sequential(*[
            reference_encoder(embedding_dim, num_heads, mlp_size, dropout=mlp_dropout)
            for _ in range(num_transformer_layers)])
        self.head = nn.Sequential(nn.LayerNorm(embedding_dim) if head_norm else nn.Identity(),
                                  nn.Linear(embedding_dim, num_classes))

    def forward(self, x):
        z = self.encoder(self.drop(self.embed(self.patch(x))))
        return self.head(z[:, 0])


def count_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


def reference_vit_parameters(**kwargs) -> int:
    """Parameter count of the reference ViT; built on the meta device (no memory, no init time)."""
    with torch.device("meta"):
        return count_parameters(RefViT(**kwargs))


# --- helpers -------------------------------------------------------------------------------------------------

def _call(fn, *args, hints=(), **kwargs):
    """``c.call`` plus this assignment's own error-text hints (kept local: never changes other assignments)."""
    try:
        return c.call(fn, *args, **kwargs)
    except CheckFailure as failure:
        if failure.key == "student_error" and failure.hint is None:
            text = str(failure.params.get("error", ""))
            for needle, key in hints:
                if needle in text:
                    failure.hint = key
                    break
        raise


def _construct(cls, name, hints=(), **kwargs):
    try:
        return c.construct(cls, name, **kwargs)
    except CheckFailure as failure:
        if failure.key == "construct_failed" and failure.hint is None:
            for needle, key in hints:
                if needle in str(failure.params.get("error", "")):
                    failure.hint = key
                    break
        raise


def _call_repr(name: str, kwargs: dict) -> str:
    return f"{name}(" + ", ".join(f"{k}={v}" for k, v in kwargs.items()) + ")"


def _rel_diff(a: torch.Tensor, b: torch.Tensor) -> float:
    scale = b.detach().abs().max().clamp_min(1.0)
    return float((a.detach() - b.detach()).abs().max() / scale)


def _close(a: torch.Tensor, b: torch.Tensor, tol: float = TOL) -> bool:
    return a.shape == b.shape and _rel_diff(a, b) < tol


def _inside_attention(model: nn.Module) -> set[int]:
    ids = set()
    for m in model.modules():
        if isinstance(m, nn.MultiheadAttention):
            ids.update(id(s) for s in m.modules() if s is not m)
    return ids


def _find(model: nn.Module, kind) -> list[nn.Module]:
    """Submodules of a type, in registration order; linears inside ``nn.MultiheadAttention`` left out."""
    inside = _inside_attention(model)
    return [m for m in model.modules() if isinstance(m, kind) and id(m) not in inside]


def _expect_defaults(cls, name: str, expected: dict) -> None:
    defaults = c.default_args(cls)
    wrong = [f"{k}={defaults.get(k, '—')}" for k, v in expected.items() if k not in defaults or defaults[k] != v]
    c.expect(not wrong, "vit_defaults", name=name, expected=", ".join(f"{k}={v}" for k, v in expected.items()),
             wrong=", ".join(wrong))


def _expect_deterministic(model: nn.Module, x: torch.Tensor, name: str, hints=()) -> torch.Tensor:
    model.eval()
    with torch.no_grad():
        first, second = _call(model, x, hints=hints), _call(model, x, hints=hints)
    if isinstance(first, torch.Tensor) and isinstance(second, torch.Tensor):
        c.expect(first.shape == second.shape and torch.allclose(first, second, rtol=1e-5, atol=1e-6,
                                                                equal_nan=True),
                 "vit_not_deterministic", name=name)
    return first


def _expect_gradients(model: nn.Module, x: torch.Tensor, name: str) -> None:
    """Backpropagation from the output reaches every parameter (a gradient that is exactly zero is fine:
    e.g. a separate key projection's bias never changes the softmax)."""
    params = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    c.expect(bool(params), "vit_no_parameters", name=name)
    model.eval()   # gradients flow in eval mode too, and no dropout hides a parameter
    model.zero_grad(set_to_none=True)
    out = _call(model, x)
    weights = torch.randn(out.shape, generator=torch.Generator().manual_seed(1)).to(out.device)
    missing = []
    if out.requires_grad:
        (out * weights).sum().backward()
        missing = [n for n, p in params if p.grad is None]
    else:
        missing = [n for n, _ in params]
    model.zero_grad(set_to_none=True)
    c.expect(not missing, "vit_no_grad", name=name, params=", ".join(missing[:4]))


def _changes_between_calls(model: nn.Module, x: torch.Tensor) -> bool:
    model.train()
    with torch.no_grad():
        a, b = _call(model, x), _call(model, x)
    model.eval()
    return not torch.allclose(a, b, rtol=1e-5, atol=1e-6, equal_nan=True)


def _shape(value) -> tuple:
    """A shape given as tuple/list/torch.Size; ints only (floats get their own hint)."""
    if isinstance(value, torch.Size):
        return tuple(value)
    if not isinstance(value, (tuple, list)):
        return None
    return tuple(value)


def _expect_int_shape(value, name: str) -> tuple:
    shape = _shape(value)
    c.expect(shape is not None, "vit_not_shape", name=name, got=repr(value))
    for v in shape:
        if isinstance(v, torch.Tensor) and v.numel() == 1:
            v = v.item()
        if isinstance(v, bool) or not isinstance(v, numbers.Real):
            raise CheckFailure("vit_not_shape", name=name, got=repr(value))
        if not isinstance(v, numbers.Integral):
            raise CheckFailure("vit_counts_float", name=name, got=repr(tuple(shape)))
    return tuple(int(v) for v in shape)


def _rand(*shape, seed: int, device) -> torch.Tensor:
    return torch.randn(*shape, generator=torch.Generator().manual_seed(seed)).to(device)


# --- 1. patch arithmetic -----------------------------------------------------------------------------------

def reference_counts(height: int, width: int, color_channels: int, patch_size: int) -> tuple[int, int]:
    return height * width // patch_size ** 2, patch_size ** 2 * color_channels


@c.check("patch_arithmetic")
def check_patch_arithmetic(patch_counts, number_of_patches, patch_sequence_shape, embedding_output_shape,
                           hidden=False):
    c.expect_callable(patch_counts, "patch_counts")
    cases = [(32, 48, 3, 8), (64, 64, 3, 32), (40, 100, 2, 10), (9, 6, 5, 3)] if hidden else \
        [(224, 224, 3, 16), (28, 28, 1, 7)]
    for args in cases:
        h, w, ch, p = args
        expected = reference_counts(*args)
        got = _expect_int_shape(_call(patch_counts, *args), f"patch_counts{args}")
        if got == expected:
            continue
        info = {"args": args, "got": got, "expected": expected}
        if len(got) == 2 and got == expected[::-1]:
            raise CheckFailure("vit_counts_swapped", **info)
        if len(got) == 2 and got[0] != expected[0]:
            info = {"args": args, "got": got[0], "expected": expected[0]}
            if got[0] in (h // p, w // p):
                raise CheckFailure("vit_counts_one_side", **info)
            if got[0] == h * w // p:
                raise CheckFailure("vit_counts_not_squared", **info)
        if len(got) == 2 and got[0] == expected[0] and got[1] in (p * p, p * ch):
            raise CheckFailure("vit_counts_no_channels", args=args, got=got[1], expected=expected[1])
        raise CheckFailure("vit_counts_wrong", **info)

    n, patch_dim = reference_counts(224, 224, 3, 16)
    embedding_dim = VIT_DEFAULTS["embedding_dim"]
    if isinstance(number_of_patches, float):
        raise CheckFailure("vit_counts_float", name="number_of_patches", got=repr(number_of_patches))
    c.expect(isinstance(number_of_patches, numbers.Integral) and int(number_of_patches) == n, "vit_value_wrong",
             name="number_of_patches", got=repr(number_of_patches), expected=n)
    for name, value, expected in (("patch_sequence_shape", patch_sequence_shape, (n, patch_dim)),
                                  ("embedding_output_shape", embedding_output_shape, (n + 1, embedding_dim))):
        got = _expect_int_shape(value, name)
        if got == expected:
            continue
        if name == "embedding_output_shape" and got == (n, embedding_dim):
            raise CheckFailure("vit_shape_no_cls", got=got, expected=expected)
        if got == expected[::-1]:
            raise CheckFailure("vit_shape_swapped", name=name, got=got, expected=expected)
        raise CheckFailure("vit_value_wrong", name=name, got=got, expected=expected)


# --- 2. image -> patches ------------------------------------------------------------------------------------

def reference_patches(image: torch.Tensor, patch_size: int) -> torch.Tensor:
    """``[C, H, W] -> [N, C, P, P]``, row-major."""
    ch = image.shape[0]
    p = patch_size
    return image.unfold(1, p, p).unfold(2, p, p).permute(1, 2, 0, 3, 4).reshape(-1, ch, p, p)


@c.check("image_patches")
def check_image_patches(image_to_patches, hidden=False):
    c.expect_callable(image_to_patches, "image_to_patches")
    device = c.device()
    cases = [((1, 28, 28), 7), ((2, 20, 35), 5), ((3, 224, 224), 16)] if hidden else [((3, 32, 48), 8)]
    for i, (shape, p) in enumerate(cases):
        image = torch.rand(*shape, generator=torch.Generator().manual_seed(10 + i)).to(device)
        original = image.clone()
        got = _call(image_to_patches, image, p)
        c.expect(torch.equal(image, original), "vit_input_modified", name="image_to_patches")
        expected = reference_patches(original, p)
        n, ch = expected.shape[:2]
        got = c.expect_tensor(got, f"image_to_patches(image {list(shape)}, {p})")
        if tuple(got.shape) == (n, p, p, ch) and ch > 1 and torch.allclose(got, expected.permute(0, 2, 3, 1)):
            raise CheckFailure("vit_patches_channels_last")
        c.expect_tensor(got, f"image_to_patches(image {list(shape)}, {p})", shape=tuple(expected.shape))
        if torch.allclose(got, expected):
            continue
        rows, cols = shape[1] // p, shape[2] // p
        column_major = expected.reshape(rows, cols, ch, p, p).transpose(0, 1).reshape(n, ch, p, p)
        if torch.allclose(got, column_major):
            raise CheckFailure("vit_patches_column_major")
        if torch.allclose(got, original.reshape(n, ch, p, p)):
            raise CheckFailure("vit_patches_reshape")
        raise CheckFailure("vit_patches_wrong", patch_size=p, shape=list(shape))


# --- 3. patch embedding -------------------------------------------------------------------------------------

PE_HINTS = (("channels, but got", "vit_hint_arguments"),)


def _token_changes(model, x, x2) -> torch.Tensor:
    with torch.no_grad():
        diff = (_call(model, x2) - _call(model, x)).abs().amax(dim=-1)   # [B, N]
    return diff > 1e-2 * diff.max().clamp_min(1e-12)


def _check_locality(model, x, p):
    """Perturb one patch of image 0: exactly its own token, in row-major order, must change."""
    b, ch, h, w = x.shape
    rows, cols = h // p, w // p
    spots = [(0, min(1, cols - 1)), (min(1, rows - 1), 0), (rows - 1, cols - 1), (rows // 2, cols // 3)]
    for k, (r, col) in enumerate(spots):
        x2 = x.clone()
        x2[0, :, r * p:(r + 1) * p, col * p:(col + 1) * p] += _rand(ch, p, p, seed=20 + k, device=x.device)
        changed = _token_changes(model, x, x2)
        expected = r * cols + col
        if b > 1 and bool(changed[1:].any()):
            raise CheckFailure("vit_pe_mixes_batch")
        tokens = changed[0].nonzero().flatten().tolist()
        if tokens == [expected]:
            continue
        if not tokens:
            raise CheckFailure("vit_pe_patch_ignored", row=r, col=col)
        if tokens == [col * rows + r]:
            raise CheckFailure("vit_pe_column_major", row=r, col=col, got=tokens[0], expected=expected)
        with torch.no_grad():   # read the output back as the unpermuted [D, N] map: one column changed?
            diff = (_call(model, x2) - _call(model, x))[0]
            as_map = diff.reshape(diff.shape[1], diff.shape[0]).abs().amax(dim=0)
        if (as_map > 1e-2 * as_map.max().clamp_min(1e-12)).nonzero().flatten().tolist() == [expected]:
            raise CheckFailure("vit_pe_view")
        raise CheckFailure("vit_pe_not_local", row=r, col=col, got=tokens[:8], expected=expected)
    # every pixel (corners of the patch) and every channel must reach its token
    r, col = rows - 1, 0
    expected = r * cols + col
    for dc, di, dj in ((0, 0, 0), (0, p - 1, p - 1), (0, 0, p - 1), (ch - 1, p // 2, p // 2)):
        x2 = x.clone()
        x2[0, dc, r * p + di, col * p + dj] += 3.0
        changed = _token_changes(model, x, x2)
        c.expect(bool(changed[0, expected]), "vit_pe_pixel_unused", where=f"[{dc}, {di}, {dj}]")


def _check_divisibility(PatchEmbedding, p, bad_sizes, device):
    model = _construct(PatchEmbedding, "PatchEmbedding", in_channels=3, patch_size=p, embedding_dim=8).to(device)
    model.eval()
    for h, w in bad_sizes:
        x = torch.rand(1, 3, h, w, generator=torch.Generator().manual_seed(h * w)).to(device)
        try:
            with torch.no_grad():
                model(x)
        except NotImplementedError as exc:
            raise c.explain(exc) from None
        except Exception as exc:  # the error the exercise asks for: its message must name the sizes
            text = str(exc).strip()
            bad = h if h % p else w
            if not re.search(rf"(?<!\d){bad}(?!\d)", text):
                raise CheckFailure("vit_pe_error_unclear", P=p, H=h, W=w,
                                   error=f"{type(exc).__name__}: {text[:120]}") from None
            continue
        side = ("yüksekliği / height" if h % p else "genişliği / width")
        raise CheckFailure("vit_pe_no_error", P=p, H=h, W=w, side=side)


@c.check("patch_embedding")
def check_patch_embedding(PatchEmbedding, hidden=False):
    c.expect_module_class(PatchEmbedding, "PatchEmbedding")
    device = c.device()
    if hidden:
        configs = [(2, 5, 20, 35, 25, 3), (1, 7, 16, 28, 28, 2), (4, 2, 6, 6, 10, 2)]
        bad, bad_p = [(23, 20), (20, 22), (26, 26)], 5
    else:
        _expect_defaults(PatchEmbedding, "PatchEmbedding", PATCH_DEFAULTS)
        configs = [(3, 16, 768, 224, 224, 2), (1, 4, 32, 28, 28, 3), (3, 8, 24, 32, 48, 2)]
        bad, bad_p = [(225, 224), (224, 230)], 16
    for k, (ch, p, d, h, w, b) in enumerate(configs):
        name = f"PatchEmbedding(in_channels={ch}, patch_size={p}, embedding_dim={d})"
        model = _construct(PatchEmbedding, "PatchEmbedding", hints=PE_HINTS,
                           in_channels=ch, patch_size=p, embedding_dim=d).to(device)
        x = _rand(b, ch, h, w, seed=100 + k, device=device)
        out = _expect_deterministic(model, x, name, hints=PE_HINTS)
        n = (h // p) * (w // p)
        got = c.expect_tensor(out, name)
        shape = tuple(got.shape)
        if shape != (b, n, d):
            if shape == (b, d, n):
                raise CheckFailure("vit_pe_not_permuted", got=list(shape))
            if shape == (b, d, h // p, w // p):
                raise CheckFailure("vit_pe_not_flat", got=list(shape))
            raise CheckFailure("vit_pe_shape", C=ch, P=p, D=d, image=[b, ch, h, w], expected=[b, n, d],
                               got=list(shape))
        c.expect_tensor(got, name, dtype=torch.float32)
        _check_locality(model, x, p)
        with torch.no_grad():   # linear in the pixels: f((a+b)/2) == (f(a)+f(b))/2
            x2 = _rand(b, ch, h, w, seed=200 + k, device=device) * 3.0
            mid, avg = model((x + x2) / 2), (model(x) + model(x2)) / 2
        c.expect(_close(mid, avg, 1e-2), "vit_pe_not_linear")   # loose enough for TF32 convolutions
        expected_count = count_parameters(RefPatchEmbedding(ch, p, d))
        c.expect(count_parameters(model) == expected_count, "vit_pe_parameters", C=ch, P=p, D=d,
                 got=count_parameters(model), expected=expected_count)
        _expect_gradients(model, x, name)
    _check_divisibility(PatchEmbedding, bad_p, bad, device)


# --- 4. class token and position embedding -------------------------------------------------------------------

CT_HINTS = (("Sizes of tensors must match", "vit_hint_expand"), ("must match the size of tensor", "vit_hint_expand"),
            ("expand", "vit_hint_expand"))


def _randomize(model: nn.Module, seed: int) -> None:
    """Fresh random values in every parameter (a zero-initialised class token would hide mistakes)."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.randn(p.shape, generator=g).to(p.device))


def _grads(model, out_part) -> list[int]:
    """For each parameter, how many of its values the gradient of ``out_part.sum()`` reaches."""
    params = [p for p in model.parameters() if p.requires_grad]
    if not params or not out_part.requires_grad:
        return [0] * len(params)
    grads = torch.autograd.grad(out_part.sum(), params, retain_graph=True, allow_unused=True)
    return [0 if g is None else int((g != 0).sum()) for g in grads]


@c.check("class_token")
def check_class_token(ClassAndPositionEmbedding, hidden=False):
    c.expect_module_class(ClassAndPositionEmbedding, "ClassAndPositionEmbedding")
    device = c.device()
    configs = [(49, 24, 3), (9, 8, 1), (16, 32, 6)] if hidden else [(196, 768, 2), (16, 32, 5)]
    for k, (n, d, b) in enumerate(configs):
        name = f"ClassAndPositionEmbedding(num_patches={n}, embedding_dim={d})"
        model = _construct(ClassAndPositionEmbedding, "ClassAndPositionEmbedding",
                           num_patches=n, embedding_dim=d).to(device)
        c.expect(any(True for _ in model.parameters()), "vit_no_parameters", name=name)
        _randomize(model, 300 + k)
        x, x2 = _rand(b, n, d, seed=310 + k, device=device), _rand(b, n, d, seed=320 + k, device=device)
        out = _expect_deterministic(model, x, name, hints=CT_HINTS)
        got = c.expect_tensor(out, name)
        shape = tuple(got.shape)
        if shape != (b, n + 1, d):
            if shape in ((b, n + 1, 2 * d), (b, 2 * n + 2, d), (b, 2 * n + 1, d)):
                raise CheckFailure("vit_ct_pos_concat", got=list(shape))
            raise CheckFailure("vit_ct_shape", N=n, D=d, B=b, N1=n + 1, got=list(shape))
        with torch.no_grad():
            out2 = _call(model, x2, hints=CT_HINTS)

        def constant_row(t, t2, i):   # same vector for every image and any input
            return torch.allclose(t[:, i], t[:1, i].expand_as(t[:, i]), atol=1e-5) and \
                torch.allclose(t[:, i], t2[:, i], atol=1e-5)

        if not constant_row(out, out2, 0):
            if constant_row(out, out2, -1):
                raise CheckFailure("vit_ct_at_end")
            raise CheckFailure("vit_ct_not_first")
        pos, pos2 = out[:, 1:] - x, out2[:, 1:] - x2
        if torch.allclose(pos, torch.zeros_like(pos), atol=1e-6):
            raise CheckFailure("vit_ct_no_pos")
        c.expect(torch.allclose(pos, pos[:1].expand_as(pos), atol=1e-4) and torch.allclose(pos, pos2, atol=1e-4),
                 "vit_ct_pos_not_added")
        out = _call(model, x, hints=CT_HINTS)   # eval mode: gradients, but no dropout
        first, rest = _grads(model, out[:, 0]), _grads(model, out[:, 1:])
        c.expect(sum(first) > 0, "vit_ct_cls_not_param")
        c.expect(sum(rest) >= n * d, "vit_ct_pos_not_param", got=sum(rest), expected=n * d)
        expected_count, got_count = count_parameters(RefClassAndPosition(n, d)), count_parameters(model)
        if got_count != expected_count:
            # N·D + D values: either E_pos lacks the class token's row, or x_class is no parameter (then
            # token 0 reaches only the tensor the patch tokens reach too: E_pos)
            own = any(f and not r for f, r in zip(first, rest))
            c.expect(own, "vit_ct_cls_not_param")
            raise CheckFailure("vit_ct_pos_rows", N=n, D=d, got=got_count, expected=expected_count)


# --- 5. encoder: attention block, MLP block, encoder block ----------------------------------------------------

def _expect_block_parameters(model, reference, call):
    got, expected = count_parameters(model), count_parameters(reference)
    if got != expected:
        raise CheckFailure("vit_parameters", call=call, got=got, expected=expected, diff=got - expected,
                           hint="vit_why_block")


def _expect_block_shape(out, call, shape):
    got = c.expect_tensor(out, call)
    c.expect(tuple(got.shape) == tuple(shape), "vit_block_shape", call=call, expected=list(shape),
             got=list(got.shape))
    return got


def _mixing(model, x) -> tuple[bool, bool]:
    """Perturb token 0 of image 0: (other tokens of image 0 changed, other images changed)."""
    x2 = x.clone()
    x2[0, 0] += 2.0 * _rand(x.shape[-1], seed=31, device=x.device)   # not a constant: LayerNorm removes those
    with torch.no_grad():
        diff = (_call(model, x2) - _call(model, x)).abs().amax(dim=-1)   # [B, N]
    tiny = 1e-5 * max(float(diff.max()), 1e-12)
    return bool((diff[0, 1:] > tiny).any()), bool((diff[1:] > tiny).any())


def _expect_heads(model, heads, name):
    for mha in _find(model, nn.MultiheadAttention):
        c.expect(mha.num_heads == heads, "vit_heads_ignored", name=name, got=mha.num_heads, expected=heads)


def _run_block(cls, name, kwargs, shape, seed, device):
    """Build the student's block with ``kwargs`` and run it on the grader's ``shape`` input (the same
    output twice in eval mode): (call text, model, x, out)."""
    call = _call_repr(name, kwargs)
    model = _construct(cls, name, **kwargs).to(device)
    x = _rand(*shape, seed=seed, device=device)
    return call, model, x, _expect_deterministic(model, x, call)


@c.check("msa_block")
def check_msa_block(MultiheadSelfAttentionBlock, hidden=False):
    c.expect_module_class(MultiheadSelfAttentionBlock, "MultiheadSelfAttentionBlock")
    device = c.device()
    configs = [(24, 3, 3, 7), (48, 6, 2, 5)] if hidden else [(32, 4, 2, 10)]
    for k, (d, heads, b, n) in enumerate(configs):
        kwargs = {"embedding_dim": d, "num_heads": heads, "attn_dropout": 0}
        call, model, x, out = _run_block(MultiheadSelfAttentionBlock, "MultiheadSelfAttentionBlock", kwargs, (b, n, d), 400 + k, device)
        if isinstance(out, tuple):
            raise CheckFailure("vit_tuple_output", name="MultiheadSelfAttentionBlock")
        _expect_block_shape(out, call, (b, n, d))
        _expect_heads(model, heads, "MultiheadSelfAttentionBlock")
        within, across = _mixing(model, x)
        if across and not within:
            raise CheckFailure("vit_msa_batch_first")
        c.expect(within, "vit_msa_no_mixing", name="MultiheadSelfAttentionBlock")
        c.expect(not across, "vit_msa_batch_first")
        reference = RefMSA(d, heads).to(device).eval()
        _compare_msa(model, reference, x, out)
        _expect_block_parameters(model, reference, call)
        _expect_gradients(model, x, call)
        _expect_dropout_argument(MultiheadSelfAttentionBlock, "MultiheadSelfAttentionBlock", kwargs,
                                 "attn_dropout", x)
    if not hidden:
        default = _construct(MultiheadSelfAttentionBlock, "MultiheadSelfAttentionBlock")
        _expect_block_parameters(default, RefMSA(), "MultiheadSelfAttentionBlock()")


def _expect_dropout_argument(cls, name, kwargs, arg, x):
    """Rate 0: the same output twice in training mode; rate 0.5: a different one."""
    quiet = _construct(cls, name, **kwargs).to(x.device)
    c.expect(not _changes_between_calls(quiet, x), "vit_dropout_when_zero", name=name, args=arg)
    dropped = _construct(cls, name, **{**kwargs, arg: 0.5}).to(x.device)
    c.expect(_changes_between_calls(dropped, x), "vit_dropout_ignored", name=name, arg=arg, p=0.5)
    return dropped


def _compare_msa(model, reference, x, out):
    mhas, norms = _find(model, nn.MultiheadAttention), _find(model, nn.LayerNorm)
    if len(mhas) != 1 or len(norms) > 1:
        return   # not built from one nn.MultiheadAttention: the behavioural checks above must do
    try:
        reference.attn.load_state_dict(mhas[0].state_dict())
        if norms:
            reference.norm.load_state_dict(norms[0].state_dict())
    except (RuntimeError, KeyError):
        return
    with torch.no_grad():
        expected = reference(x)
        if _close(out, expected):
            return
        raw = reference.attn(x, x, x, need_weights=False)[0]
        variants = {"vit_msa_residual": expected + x, "vit_msa_no_norm": raw,
                    "vit_msa_norm_after": reference.norm(raw)}
    for key, value in variants.items():
        if _close(out, value):
            raise CheckFailure(key)
    raise CheckFailure("vit_msa_mismatch", diff=_rel_diff(out, expected))


@c.check("mlp_block")
def check_mlp_block(MLPBlock, hidden=False):
    c.expect_module_class(MLPBlock, "MLPBlock")
    device = c.device()
    configs = [(24, 40, 3, 5), (16, 64, 2, 3)] if hidden else [(32, 64, 2, 6)]
    for k, (d, m, b, n) in enumerate(configs):
        kwargs = {"embedding_dim": d, "mlp_size": m, "dropout": 0.0}
        call, model, x, out = _run_block(MLPBlock, "MLPBlock", kwargs, (b, n, d), 500 + k, device)
        _expect_block_shape(out, call, (b, n, d))
        within, across = _mixing(model, x)
        c.expect(not (within or across), "vit_mlp_mixes")
        reference = RefMLP(d, m, 0.0).to(device).eval()
        _compare_mlp(model, reference, x, out, d, m)
        _expect_block_parameters(model, reference, call)
        _expect_gradients(model, x, call)
        dropped = _expect_dropout_argument(MLPBlock, "MLPBlock", kwargs, "dropout", x)
        dropped.eval()
        with torch.no_grad():
            same = torch.allclose(_call(dropped, x), _call(dropped, x))
        c.expect(same, "vit_dropout_in_eval", name="MLPBlock")
    if not hidden:
        default = _construct(MLPBlock, "MLPBlock")
        _expect_block_parameters(default, RefMLP(), "MLPBlock()")


def _linear_pair(model, d, m):
    """The block's two linear layers (D -> M, M -> D), wherever they sit; None when there are not exactly two."""
    linears = _find(model, nn.Linear)
    up = [lin for lin in linears if (lin.in_features, lin.out_features) == (d, m)]
    down = [lin for lin in linears if (lin.in_features, lin.out_features) == (m, d)]
    if len(linears) != 2 or len(up) != 1 or len(down) != 1:
        return None
    return up[0], down[0]


def _compare_mlp(model, reference, x, out, d, m):
    pair, norms = _linear_pair(model, d, m), _find(model, nn.LayerNorm)
    if pair is None or len(norms) > 1:
        return
    try:
        reference.fc1.load_state_dict(pair[0].state_dict())
        reference.fc2.load_state_dict(pair[1].state_dict())
        if norms:
            reference.norm.load_state_dict(norms[0].state_dict())
    except (RuntimeError, KeyError):
        return
    with torch.no_grad():
        expected = reference(x)
        if _close(out, expected):
            return
        raw = reference.fc2(F.gelu(reference.fc1(x)))
        variants = {"vit_mlp_residual": expected + x, "vit_mlp_relu": reference(x, act=F.relu),
                    "vit_mlp_no_norm": raw, "vit_mlp_norm_after": reference.norm(raw)}
        others = [reference(x, act=act) for act in (torch.tanh, torch.sigmoid, F.silu, lambda t: t)]
    for key, value in variants.items():
        if _close(out, value):
            raise CheckFailure(key)
    if any(_close(out, value) for value in others):
        raise CheckFailure("vit_mlp_no_activation")
    raise CheckFailure("vit_mlp_mismatch", diff=_rel_diff(out, expected))


@c.check("encoder_block")
def check_encoder_block(TransformerEncoderBlock, hidden=False):
    c.expect_module_class(TransformerEncoderBlock, "TransformerEncoderBlock")
    device = c.device()
    configs = [(24, 2, 48, 3, 5), (16, 4, 24, 2, 8)] if hidden else [(32, 4, 64, 2, 9)]
    for k, (d, heads, m, b, n) in enumerate(configs):
        kwargs = {"embedding_dim": d, "num_heads": heads, "mlp_size": m, "mlp_dropout": 0.0, "attn_dropout": 0.0}
        call, model, x, out = _run_block(TransformerEncoderBlock, "TransformerEncoderBlock", kwargs, (b, n, d), 600 + k, device)
        _expect_block_shape(out, call, (b, n, d))
        _expect_heads(model, heads, "TransformerEncoderBlock")
        within, across = _mixing(model, x)
        c.expect(not across, "vit_msa_batch_first")
        c.expect(within, "vit_msa_no_mixing", name="TransformerEncoderBlock")
        reference = reference_encoder(d, heads, m).to(device).eval()
        _compare_encoder(model, reference, x, out, d, m)
        _check_zeroed_is_identity(model, x)
        _expect_block_parameters(model, reference, call)
        _expect_gradients(model, x, call)
        if not hidden:
            _expect_dropout_argument(TransformerEncoderBlock, "TransformerEncoderBlock", kwargs, "mlp_dropout", x)
        else:
            _expect_dropout_argument(TransformerEncoderBlock, "TransformerEncoderBlock", kwargs, "attn_dropout", x)


def _check_zeroed_is_identity(model, x):
    zeroed = copy.deepcopy(model).eval()
    with torch.no_grad():
        for p in zeroed.parameters():
            p.zero_()
        out = _call(zeroed, x)
    if _close(out, x, 1e-5):
        return
    ratio = float((out * x).sum() / (x * x).sum())
    k = round(ratio)
    if k >= 2 and _close(out, k * x, 1e-4):
        raise CheckFailure("vit_enc_double_residual", k=k)
    raise CheckFailure("vit_enc_no_residual")


def _compare_encoder(model, reference, x, out, d, m):
    mhas, norms, pair = _find(model, nn.MultiheadAttention), _find(model, nn.LayerNorm), _linear_pair(model, d, m)
    if len(mhas) != 1 or len(norms) != 2 or pair is None:
        return   # built another way: parameter count, zeroed identity and mixing checks must do
    try:
        reference.self_attn.load_state_dict(mhas[0].state_dict())
        reference.linear1.load_state_dict(pair[0].state_dict())
        reference.linear2.load_state_dict(pair[1].state_dict())
        reference.norm1.load_state_dict(norms[0].state_dict())
        reference.norm2.load_state_dict(norms[1].state_dict())
    except (RuntimeError, KeyError):
        return
    r = reference

    def sa(h):
        return r.self_attn(h, h, h, need_weights=False)[0]

    def ff(h, act=F.gelu):
        return r.linear2(act(r.linear1(h)))

    with torch.no_grad():
        expected = r(x)
        if _close(out, expected):
            return
        z = x + sa(r.norm1(x))
        post = r.norm1(x + sa(x))
        variants = {"vit_enc_post_norm": r.norm2(post + ff(post)),
                    "vit_enc_parallel": x + sa(r.norm1(x)) + ff(r.norm2(x)),
                    "vit_enc_relu": z + ff(r.norm2(z), F.relu)}
    for key, value in variants.items():
        if _close(out, value):
            raise CheckFailure(key)
    _check_zeroed_is_identity(model, x)   # a missing or doubled residual has its own message
    raise CheckFailure("vit_enc_mismatch", diff=_rel_diff(out, expected))


# --- 6. ViT ---------------------------------------------------------------------------------------------------

VIT_HINTS = (("must match the size of tensor", "vit_hint_img_size"), ("Sizes of tensors must match", "vit_hint_img_size"),
             ("channels, but got", "vit_hint_arguments"),
             ("divisible by num_heads", "vit_hint_arguments"), ("cannot be multiplied", "vit_hint_arguments"))

SMALL_CONFIGS = {
    False: {"img_size": 32, "in_channels": 3, "patch_size": 8, "num_transformer_layers": 2, "embedding_dim": 32,
            "mlp_size": 64, "num_heads": 4, "attn_dropout": 0.0, "mlp_dropout": 0.0, "embedding_dropout": 0.0,
            "num_classes": 10},
    True: {"img_size": 28, "in_channels": 1, "patch_size": 7, "num_transformer_layers": 3, "embedding_dim": 24,
           "mlp_size": 48, "num_heads": 3, "attn_dropout": 0.0, "mlp_dropout": 0.0, "embedding_dropout": 0.0,
           "num_classes": 10},
}


def _why_vit(got: int, kwargs: dict) -> str:
    """The hint key naming the likely mistake: the count is matched against references with that mistake."""
    base = dict(kwargs)
    layers = base.get("num_transformer_layers", 12)
    variants = [("vit_why_head_norm", {"head_norm": False}), ("vit_why_pos_rows", {"pos_for_cls": False}),
                ("vit_why_patch_bias", {"patch_bias": False}), ("vit_why_class_token", {"class_token": False})]
    for key, flags in variants:
        if reference_vit_parameters(**base, **flags) == got:
            return key
    for other in sorted({layers - 1, layers + 1, 1, 12} - {layers}):
        if other > 0 and reference_vit_parameters(**{**base, "num_transformer_layers": other}) == got:
            return "vit_why_layers"
    return "vit_why_unknown"


def _expect_vit_parameters(model, kwargs):
    got, expected = count_parameters(model), reference_vit_parameters(**kwargs)
    if got != expected:
        raise CheckFailure("vit_parameters", call=_call_repr("ViT", kwargs), got=got, expected=expected,
                           diff=got - expected, hint=_why_vit(got, kwargs))


def _expect_logits(model, x, kwargs, classes):
    model.eval()
    with torch.no_grad():
        out = _call(model, x, hints=VIT_HINTS)
    got = c.expect_tensor(out, "ViT(x)")
    c.expect(tuple(got.shape) == (x.shape[0], classes), "vit_logits_shape", call=_call_repr("ViT", kwargs),
             image=list(x.shape), B=x.shape[0], classes=classes, got=list(got.shape))
    c.expect_tensor(got, "ViT(x)", dtype=torch.float32)
    c.expect_finite(got, "ViT(x)")
    return got


def _check_class_token_readout(model, x):
    """With attention switched off (every nn.MultiheadAttention zeroed) no token sees another: if the logits
    come from the class token (equation 4), they no longer depend on the image."""
    if not _find(model, nn.MultiheadAttention):
        return
    muted = copy.deepcopy(model).eval()
    with torch.no_grad():
        for mha in _find(muted, nn.MultiheadAttention):
            for p in mha.parameters():
                p.zero_()
        logits = _call(muted, x)
    c.expect(torch.allclose(logits, logits[:1].expand_as(logits), rtol=1e-4, atol=1e-5), "vit_not_class_token")


def _vit_data(config: dict, device):
    size, ch = config["img_size"], config["in_channels"]
    images, labels = digits_tensors(size)
    train_idx, _ = split_indices(labels)
    X, y = images[train_idx], labels[train_idx]
    return X.repeat(1, ch, 1, 1).to(device), y.to(device)


def _expect_trains(model, config, device, steps=40):
    """The grader's Adam loop on 64 of its own digit images: a working ViT fits them within seconds
    (the reference goes from about 2.4 to about 0.3)."""
    X, y = _vit_data(config, device)
    with c.compute_threads():
        losses = c.train_with(model, X[:64], y[:64], nn.CrossEntropyLoss(), steps=steps, lr=3e-3)
    c.expect_loss_decrease(losses, 0.5)


@c.check("vit")
def check_vit(ViT, hidden=False):
    c.expect_module_class(ViT, "ViT")
    device = c.device()
    defaults = c.default_args(ViT)
    missing = [k for k in VIT_DEFAULTS if k not in defaults]
    c.expect(not missing, "vit_signature", expected=", ".join(VIT_DEFAULTS), missing=", ".join(missing))
    _expect_defaults(ViT, "ViT", VIT_DEFAULTS)
    # a small configuration first (cheap): shape, every argument honoured, class token read out, it trains
    config = SMALL_CONFIGS[hidden]
    model = _construct(ViT, "ViT", hints=VIT_HINTS, **config).to(device)
    x = _rand(5, config["in_channels"], config["img_size"], config["img_size"], seed=710, device=device)
    _expect_logits(model, x, config, config["num_classes"])
    _expect_vit_parameters(model, config)
    _expect_heads(model, config["num_heads"], "ViT")
    _expect_deterministic(model, x, "ViT")
    c.expect(not _changes_between_calls(model, x), "vit_dropout_when_zero", name="ViT",
             args="attn_dropout, mlp_dropout, embedding_dropout")
    _check_class_token_readout(model, x)
    if hidden:
        for arg in ("embedding_dropout", "mlp_dropout", "attn_dropout"):
            dropped = _construct(ViT, "ViT", hints=VIT_HINTS, **{**config, arg: 0.5}).to(device)
            c.expect(_changes_between_calls(dropped, x), "vit_dropout_ignored", name="ViT", arg=arg, p=0.5)
    _expect_trains(model, config, device)
    del model
    # ViT-Base itself: built once per check; visible: 3 classes (the course's model) and one image through
    # it, hidden: the contract's defaults (1000 classes), counted only
    base_kwargs = {} if hidden else {"num_classes": 3}
    model = _construct(ViT, "ViT", hints=VIT_HINTS, **base_kwargs)
    _expect_vit_parameters(model, {**VIT_DEFAULTS, **base_kwargs})
    if not hidden:
        model = model.to(device)
        _expect_logits(model, _rand(1, 3, 224, 224, seed=700, device=device), base_kwargs, 3)


# --- 7. a small ViT trained on the digits ---------------------------------------------------------------------

def heldout_digits(hidden: bool):
    """Half of the digits' test split (visible: first half, hidden: second); the student trains on the rest."""
    images, labels = digits_tensors(28)
    _, test_idx = split_indices(labels)
    half = len(test_idx) // 2
    idx = test_idx[half:] if hidden else test_idx[:half]
    return images[idx], labels[idx]


@c.check("small_vit")
def check_small_vit(small_vit, ViT, hidden=False):
    c.expect_module_class(ViT, "ViT")
    c.expect(isinstance(small_vit, ViT), "vit_small_not_vit", got=type(small_vit).__name__)
    n = count_parameters(small_vit)
    c.expect(n <= SMALL_VIT_MAX_PARAMETERS, "vit_small_too_big", got=n, limit=SMALL_VIT_MAX_PARAMETERS)
    device = c.device()
    model = small_vit.to(device).eval()
    X, y = heldout_digits(hidden)
    X, y = X.to(device), y.to(device)
    try:
        with torch.no_grad():
            out = model(X[:4])
    except Exception as exc:
        if isinstance(exc, NotImplementedError):
            raise c.explain(exc) from None
        raise CheckFailure("vit_small_input", got=f"{type(exc).__name__}: {str(exc)[:120]}") from None
    c.expect(isinstance(out, torch.Tensor) and tuple(out.shape) == (4, 10), "vit_small_input",
             got=list(out.shape) if isinstance(out, torch.Tensor) else type(out).__name__)
    c.expect_accuracy(c.multiclass_accuracy(model, X, y), SMALL_VIT_THRESHOLD)


ASSIGNMENT = Assignment("07_vit_yama_gommesi", "vit_yama_gommesi", (
    TestSpec("patch_arithmetic", 1, ("patch_counts", "number_of_patches", "patch_sequence_shape",
                                     "embedding_output_shape"), check_patch_arithmetic),
    TestSpec("image_patches", 1, ("image_to_patches",), check_image_patches),
    TestSpec("patch_embedding", 3, ("PatchEmbedding",), check_patch_embedding),
    TestSpec("class_token", 2, ("ClassAndPositionEmbedding",), check_class_token),
    TestSpec("msa_block", 2, ("MultiheadSelfAttentionBlock",), check_msa_block),
    TestSpec("mlp_block", 2, ("MLPBlock",), check_mlp_block),
    TestSpec("encoder_block", 3, ("TransformerEncoderBlock",), check_encoder_block),
    TestSpec("vit", 3, ("ViT",), check_vit),
    TestSpec("small_vit", 3, ("small_vit", "ViT"), check_small_vit),
))
