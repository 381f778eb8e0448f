"""Progressive hints for ``ipucu("<cell>")`` in the 07_vit_yama_gommesi notebook: each call shows the next one; never the solution."""

HINTS: dict[str, list[dict[str, str]]] = {
    "patch_arithmetic": [
        {"tr": "2. bölüm: yama sayısı N = H·W/P², düzleştirilmiş yama boyutu P²·C; denklem 1'in girdisi "
               "`(N, P²·C)`, çıktısı `(N+1, D)` şeklindedir.",
         "en": "Section 2: the number of patches is N = H·W/P², the flattened patch size P²·C; the input "
               "of equation 1 has shape `(N, P²·C)`, its output `(N+1, D)`."},
        {"tr": "`patch_counts` içinde tam sayı bölmesi (`//`) kullanın ki sonuçlar `int` olsun; `/` "
               "ondalıklı sayı verir. Dönüş sırası önce yama sayısı, sonra yama boyutu; kare olmayan "
               "görüntülerde yüksekliği ve genişliği ayrı ayrı kullanın.",
         "en": "Use integer division (`//`) in `patch_counts` so the results are `int`; `/` gives a float. "
               "Return the number of patches first, then the patch size; for non-square images use the "
               "height and the width separately."},
        {"tr": "Üç değişkeni elle yazmak yerine fonksiyonunuzu 224, 224, 3 ve 16 ile çağırıp sonuçlarından "
               "kurun; şekiller tam sayılardan oluşan demetler (tuple) olmalı. `embedding_output_shape` "
               "için sınıf belirtecini unutmayın (N değil N+1 satır) ve D = 768 alın.",
         "en": "Instead of typing the three variables by hand, call your function with 224, 224, 3 and 16 "
               "and build them from its results; the shapes must be tuples of integers. For "
               "`embedding_output_shape` don't forget the class token (N+1 rows, not N) and take D = 768."},
    ],
    "image_patches": [
        {"tr": "3. bölümdeki üç adımlı tarif: eksenleri bölen bir `reshape`, eksenleri yeniden sıralayan "
               "bir `permute` ve ilk iki ekseni birleştiren bir `reshape`.",
         "en": "The three-step recipe of section 3: a `reshape` that splits the axes, a `permute` that "
               "reorders them and a `reshape` that merges the first two."},
        {"tr": "İlk `reshape` ile `[C, H, W]` tensörünü `[C, H/P, P, W/P, P]` yapın; sonra `permute` ile "
               "`[yama satırı, yama sütunu, C, P, P]` sırasına dizin: beş eksenin indekslerini (0–4) yazıp "
               "hangisinin nereye gideceğine bakın. Sonunda yamaları `[N, C, P, P]` şeklinde birleştirin.",
         "en": "With the first `reshape`, turn the `[C, H, W]` tensor into `[C, H/P, P, W/P, P]`; then "
               "`permute` it into the order `[patch row, patch column, C, P, P]`: write down the indices "
               "of the five axes (0–4) and see which one goes where. Finally merge the patches into the "
               "shape `[N, C, P, P]`."},
        {"tr": "`permute` adımını atlamak en sık hatadır: şekil doğru çıkar ama bir “yama” birkaç satırın "
               "parçalarından oluşur. Satır ve sütun eksenlerini ters sıralarsanız yamalar sütun sırasıyla "
               "gelir; kanalı sona koymayın (`[N, P, P, C]` değil) ve girdiyi yerinde değiştiren işlemler "
               "kullanmayın.",
         "en": "Skipping the `permute` step is the most common mistake: the shape comes out right, but a "
               "“patch” is made of pieces of several rows. If you swap the row and column axes, the "
               "patches come in column order; don't put the channels last (not `[N, P, P, C]`) and use no "
               "operation that changes the input in place."},
    ],
    "patch_embedding": [
        {"tr": "4. bölüm: yama gömme, çekirdek boyutu ve adımı `patch_size` olan tek bir `nn.Conv2d` ile "
               "yapılır; ardından öznitelik haritası düzleştirilir ve eksenlerin yeri değiştirilir.",
         "en": "Section 4: the patch embedding is a single `nn.Conv2d` whose kernel size and stride are "
               "both `patch_size`; then the feature map is flattened and the axes are swapped."},
        {"tr": "`__init__` içinde `nn.Conv2d` katmanını `in_channels`, `embedding_dim`, `kernel_size` ve "
               "`stride` ile kurun (dolgu yok, yanlılık açık). `forward` içinde çıktıyı "
               "`flatten(start_dim=2)` ile `[B, D, N]` yapın, sonra `permute` ile `[B, N, D]` şekline "
               "getirin.",
         "en": "In `__init__`, build the `nn.Conv2d` layer from `in_channels`, `embedding_dim`, "
               "`kernel_size` and `stride` (no padding, bias on). In `forward`, flatten the output into "
               "`[B, D, N]` with `flatten(start_dim=2)`, then bring it to `[B, N, D]` with `permute`."},
        {"tr": "`reshape` ya da `view` ile `[B, N, D]` yapmak şekli düzeltir ama belirteçleri karıştırır; "
               "kontroller tek bir yamayı değiştirip hangi belirtecin değiştiğine bakar. `forward` başında "
               "yükseklik ya da genişlik `patch_size` ile bölünmüyorsa, mesajında görüntü boyutu ve yama "
               "boyutu geçen bir `ValueError` fırlatın; evrişimden sonra aktivasyon fonksiyonu eklemeyin.",
         "en": "Getting `[B, N, D]` with `reshape` or `view` fixes the shape but mixes up the tokens; the "
               "checks change a single patch and look at which token changes. At the start of `forward`, "
               "raise a `ValueError` whose message shows the image size and the patch size when the height "
               "or the width is not divisible by `patch_size`; add no activation function after the "
               "convolution."},
    ],
    "class_token": [
        {"tr": "5. bölüm: sınıf belirteci dizinin başına eklenen öğrenilebilir tek bir vektördür, konum "
               "gömmesi ise her konuma toplanan öğrenilebilir bir vektördür (denklem 1).",
         "en": "Section 5: the class token is a single learnable vector put at the start of the sequence, "
               "the position embedding a learnable vector added to every position (equation 1)."},
        {"tr": "İkisini `__init__` içinde `torch.randn` ile `nn.Parameter` olarak tanımlayın: sınıf "
               "belirteci `[1, 1, D]`, konum gömmesi `[1, N+1, D]`. `forward` içinde sınıf belirtecini "
               "`expand` ile yığın boyutuna genişletip `torch.cat` ile `dim=1` boyunca yamaların önüne "
               "ekleyin.",
         "en": "Define both in `__init__` as `nn.Parameter`s made with `torch.randn`: the class token `[1, "
               "1, D]`, the position embedding `[1, N+1, D]`. In `forward`, expand the class token to the "
               "batch size with `expand` and put it in front of the patches with `torch.cat` along `dim=1`."},
        {"tr": "Konum gömmesini birleştirmeyin, toplayın: çıktı `[B, N+1, D]` kalmalı. Sınıf belirteci "
               "dizinin sonuna değil başına gelmeli; yığın boyutunu sabit yazmayın (`x.shape[0]`) ve "
               "parametreleri `forward` içinde yeniden oluşturmayın.",
         "en": "Add the position embedding, don't concatenate it: the output must stay `[B, N+1, D]`. The "
               "class token goes at the start of the sequence, not at the end; don't hard-code the batch "
               "size (`x.shape[0]`) and don't create the parameters again inside `forward`."},
    ],
    "msa_block": [
        {"tr": "6. bölüm, denklem 2'nin sol yarısı: önce katman normalizasyonu, sonra çok başlı öz-dikkat; "
               "artık bağlantı bu blokta yok.",
         "en": "Section 6, the left half of equation 2: first layer normalization, then multi-head "
               "self-attention; there is no residual connection in this block."},
        {"tr": "`__init__` içinde bir `nn.LayerNorm` ve `embed_dim`, `num_heads`, `dropout` ve "
               "`batch_first=True` ile bir `nn.MultiheadAttention` kurun. `forward` içinde normalize "
               "edilmiş girdiyi sorgu, anahtar ve değer olarak üçüne birden verin.",
         "en": "In `__init__`, build an `nn.LayerNorm` and an `nn.MultiheadAttention` with `embed_dim`, "
               "`num_heads`, `dropout` and `batch_first=True`. In `forward`, pass the normalized input as "
               "the query, the key and the value alike."},
        {"tr": "`nn.MultiheadAttention` bir demet döndürür: yalnızca ilk elemanı (`attn_output`) döndürün "
               "(`need_weights=False` ağırlıkları hiç hesaplatmaz). `batch_first=True` unutulursa dikkat "
               "yığındaki görüntüler arasında hesaplanır; `+ x` eklemeyin, o Alıştırma 7'nin işi.",
         "en": "`nn.MultiheadAttention` returns a tuple: return only its first item (`attn_output`) "
               "(`need_weights=False` skips computing the weights). Without `batch_first=True`, attention "
               "is computed across the images of the batch; don't add `+ x`, that is exercise 7's job."},
    ],
    "mlp_block": [
        {"tr": "6. bölümdeki “MLP bloğu”: denklem 3'ün sol yarısı, yani katman normalizasyonu ve ardından "
               "iki doğrusal katmanlı bir MLP; artık bağlantı yok.",
         "en": "The “MLP block” of section 6: the left half of equation 3, that is layer normalization "
               "followed by an MLP of two linear layers; no residual connection."},
        {"tr": "Sıra: `nn.LayerNorm`, `embedding_dim` → `mlp_size` bir `nn.Linear`, `nn.GELU`, "
               "`nn.Dropout`, `mlp_size` → `embedding_dim` bir `nn.Linear`, yine `nn.Dropout`. "
               "`nn.Sequential` işinizi kolaylaştırır.",
         "en": "The order: `nn.LayerNorm`, an `nn.Linear` `embedding_dim` → `mlp_size`, `nn.GELU`, "
               "`nn.Dropout`, an `nn.Linear` `mlp_size` → `embedding_dim`, `nn.Dropout` again. "
               "`nn.Sequential` makes this easier."},
        {"tr": "Aktivasyon fonksiyonu ReLU değil GELU olmalı ve LayerNorm başta gelmeli (önce "
               "normalizasyon). Dropout oranını sabit yazmayın, `dropout` argümanını iki `nn.Dropout` "
               "katmanına iletin; `nn.Linear` son eksende çalıştığı için `reshape` gerekmez.",
         "en": "The activation function must be GELU, not ReLU, and LayerNorm comes first (pre-norm). "
               "Don't hard-code the dropout rate; pass the `dropout` argument on to both `nn.Dropout` "
               "layers; `nn.Linear` works on the last axis, so no `reshape` is needed."},
    ],
    "encoder_block": [
        {"tr": "6. bölümdeki “Kodlayıcı bloğu ve artık bağlantılar”: denklem 2 ve 3 art arda; her alt "
               "bloğun çıktısına kendi girdisi eklenir.",
         "en": "“Encoder block and residual connections” in section 6: equations 2 and 3 one after the "
               "other; each sub-block's input is added to its output."},
        {"tr": "`__init__` içinde Alıştırma 5 ve 6'daki blokları kurun: `MultiheadSelfAttentionBlock` "
               "`attn_dropout`, `MLPBlock` ise `mlp_dropout` alır. `forward` içinde önce öz-dikkat bloğu, "
               "sonra MLP bloğu çalışır; her birinden sonra bir artık bağlantı gelir.",
         "en": "In `__init__`, build the blocks of exercises 5 and 6: `MultiheadSelfAttentionBlock` takes "
               "`attn_dropout`, `MLPBlock` takes `mlp_dropout`. In `forward`, the self-attention block "
               "runs first, then the MLP block, each followed by a residual connection."},
        {"tr": "Eklenen, normalize edilmemiş girdinin kendisidir (LN uygulanmış hali değil) ve MLP bloğu, "
               "öz-dikkat bloğunun artık bağlantı eklenmiş çıktısı üzerinde çalışır. Alt bloklar artık "
               "bağlantı eklemez; `+ x` yalnızca burada, her alt blok için bir kez olmalı: notlandırıcı "
               "ağırlıkları sıfırlanmış bir bloğun girdiyi aynen geri verdiğine bakar.",
         "en": "What is added is the un-normalized input itself (not its LN), and the MLP block works on "
               "the self-attention block's output with the residual already added. The sub-blocks add no "
               "residual; `+ x` belongs only here, once per sub-block: the grader checks that a block with "
               "all weights set to zero returns its input unchanged."},
    ],
    "vit": [
        {"tr": "7. bölüm: ViT, önceki modüllerin makaledeki sırayla birleşimidir: yama gömme, sınıf "
               "belirteci ve konum gömmesi, gömme dropout'u, kodlayıcı blokları, sınıflandırıcı.",
         "en": "Section 7: the ViT chains the earlier modules in the paper's order: patch embedding, class "
               "token and position embedding, embedding dropout, encoder blocks, classifier."},
        {"tr": "`num_patches` değerini `img_size` ve `patch_size` üzerinden hesaplayın (196'yı sabit "
               "yazmayın); `num_transformer_layers` tane `TransformerEncoderBlock` oluşturup bir "
               "`nn.Sequential` içine koyun. Sınıflandırıcı bir `nn.LayerNorm` ve bir `nn.Linear` (D → "
               "`num_classes`).",
         "en": "Compute `num_patches` from `img_size` and `patch_size` (don't hard-code 196); create "
               "`num_transformer_layers` `TransformerEncoderBlock`s and put them in an `nn.Sequential`. "
               "The classifier is an `nn.LayerNorm` and an `nn.Linear` (D → `num_classes`)."},
        {"tr": "Sınıflandırıcıya bütün diziyi ya da ortalamasını değil, yalnızca 0. belirteci (`x[:, 0]`) "
               "verin (denklem 4). Her argümanı ilgili katmana iletin (`attn_dropout` ve `mlp_dropout` "
               "dahil) ve varsayılan değerleri alıştırmadaki gibi bırakın: notlandırıcı parametre sayısını "
               "kendi başvuru modeliyle karşılaştırır.",
         "en": "Give the classifier only token 0 (`x[:, 0]`), not the whole sequence or its mean (equation "
               "4). Pass every argument on to its layer (`attn_dropout` and `mlp_dropout` included) and "
               "keep the defaults as in the exercise: the grader compares the parameter count with its own "
               "reference model."},
    ],
    "small_vit": [
        {"tr": "8. bölüm: kendi `ViT` sınıfınızdan küçük bir model kurup hazır `fit` fonksiyonuyla "
               "eğitiyorsunuz; `fit`'in döndürdüğü sözlüğü `history` adına atayın (sonraki hücre onu çizer).",
         "en": "Section 8: you build a small model from your own `ViT` class and train it with the "
               "ready-made `fit` function; assign the dict `fit` returns to `history` (the next cell plots "
               "it)."},
        {"tr": "Rakamlar için `img_size=28`, `in_channels=1` ve `num_classes=10` gerekli; geri kalanında "
               "alıştırmanın önerdiği küçük ayarları (`patch_size=7`, `embedding_dim=64`, `mlp_size=128`, "
               "`num_heads=4`, `num_transformer_layers=2`) kullanın. `embedding_dim` değeri `num_heads` "
               "ile tam bölünmeli ve model `device`'a taşınmalı.",
         "en": "The digits need `img_size=28`, `in_channels=1` and `num_classes=10`; for the rest use the "
               "small settings the exercise suggests (`patch_size=7`, `embedding_dim=64`, `mlp_size=128`, "
               "`num_heads=4`, `num_transformer_layers=2`). `embedding_dim` must be divisible by "
               "`num_heads`, and the model must be moved to `device`."},
        {"tr": "Notlandırıcı en fazla 300.000 parametre ve görmediği rakamlarda en az 0.90 doğruluk ister. "
               "Doğruluk düşükse epok sayısını (ör. 10) ya da öğrenme oranını (ör. `3e-3`) ayarlayın; "
               "`ViT` hücresini yeniden çalıştırdıysanız `small_vit` modelini de yeniden oluşturup eğitin.",
         "en": "The grader wants at most 300,000 parameters and an accuracy of at least 0.90 on digits it "
               "never trained on. If the accuracy is low, adjust the number of epochs (e.g. 10) or the "
               "learning rate (e.g. `3e-3`); if you re-ran the `ViT` cell, build and train `small_vit` "
               "again."},
    ],
}
