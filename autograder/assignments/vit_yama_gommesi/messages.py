"""Messages of 07_vit_yama_gommesi (Turkish and English)."""

from autograder.messages import register

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
        "tr": "`{name}` sınıfının varsayılan argümanları alıştırmanın metninde verilenler olmalı: {expected}. "
              "Farklı olanlar: {wrong}.",
        "en": "`{name}`'s default arguments must be the ones the exercise text gives: {expected}. Different: "
              "{wrong}.",
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
        "tr": "`PatchEmbedding(patch_size={P})` {H}×{W} piksellik bir görüntüde hata vermedi, oysa {bad} sayısı "
              "{P} ile tam bölünmüyor. Evrişim artan pikselleri sessizce atar. `forward` içinde kontrol edin, ör. "
              "`if H % P != 0 or W % P != 0: raise ValueError(f\"görüntü boyutu {{H}}x{{W}}, yama boyutu {{P}} ile "
              "tam bölünmeli\")` (hem yüksekliği hem genişliği kontrol edin).",
        "en": "`PatchEmbedding(patch_size={P})` raised no error on a {H}×{W} image although {bad} is not "
              "divisible by {P}; the convolution silently drops the extra pixels. Check it in `forward`, e.g. "
              "`if H % P != 0 or W % P != 0: raise ValueError(f\"image size {{H}}x{{W}} must be divisible by the "
              "patch size {{P}}\")` (check both height and width).",
    },
    "vit_pe_error_unclear": {
        "tr": "`PatchEmbedding(patch_size={P})` {H}×{W} piksellik görüntüde hata verdi ama mesajı açık değil "
              "(`{error}`): mesajda bölünmeyen kenarın piksel sayısı ({bad}) yok. Mesajda görüntü boyutunu ve yama "
              "boyutunu yazın, ör. "
              "`raise ValueError(f\"görüntü boyutu {{H}}x{{W}}, yama boyutu {{P}} ile tam bölünmeli\")`.",
        "en": "`PatchEmbedding(patch_size={P})` raised an error on a {H}×{W} image, but its message is not clear "
              "(`{error}`): it does not name the size that is not divisible ({bad}). Name the image size and the "
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
        "tr": "`ViT.__init__` şu argümanları, alıştırmanın metnindeki adlarla almalı: {expected}. Eksik: "
              "{missing}.",
        "en": "`ViT.__init__` must take these arguments, with the names the exercise text gives: {expected}. "
              "Missing: {missing}.",
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
    "vit_not_training": {
        "tr": "Notlandırıcının kendi eğitim döngüsü (Adam, {steps} adım, kendi {images} rakam görüntüsü) "
              "`ViT` modelinizi eğitemedi: kaybın ilk değeri {first:.4f}, son değeri {last:.4f} (son değer, "
              "ilk değerin en fazla yüzde {percent:.0f} kadarı olmalıydı). Döngü notlandırıcınındır; sorun "
              "modelde: `forward` içinde `detach()` ya da `.data` gradyanı kesiyor mu, katmanlar ya da "
              "`nn.Parameter`'lar `forward` içinde mi oluşturuluyor (o zaman optimize edicinin "
              "parametreleri arasında olmazlar ve her çağrıda yeniden kurulurlar), sınıflandırıcı başlığı eksik ya da dondurulmuş (`requires_grad=False`) mu?",
        "en": "The grader's own training loop (Adam, {steps} steps, on its own {images} digit images) could not "
              "train your `ViT`: the loss went from {first:.4f} to {last:.4f} (it should end at most "
              "{percent:.0f}% of the first). The loop is the grader's, so the problem is in the model: does "
              "`forward` cut the gradient with `detach()` or `.data`, are layers or `nn.Parameter`s created "
              "inside `forward` (then they are not among the optimizer's parameters and are rebuilt on every call), is the classifier head "
              "missing or frozen (`requires_grad=False`)?",
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
