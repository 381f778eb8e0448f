"""Checks of ``04_tinyvgg`` (computer vision with a CNN: TinyVGG on offline handwritten digits).

What the grader measures, never what the student's code returns:

* ``tinyvgg_model``: the student's class is built for several (channels, hidden units, classes,
  batch size) settings; its layers are inspected (4 Conv2d 3x3 padding 1, one Linear with
  ``hidden_units*7*7`` inputs) and its output is compared with the contract's computation
  rebuilt from the student's own layers (Conv2d, ReLU, Conv2d, ReLU, max-pool 2) x 2, Flatten,
  Linear: any way of writing it passes (``nn.Sequential`` or not, functional ReLU/pooling,
  ``nn.LazyLinear``); a mismatch is diagnosed (missing ReLU, softmax in ``forward``, avg-pool, ...).
  The parameter count is compared with the grader's reference for the same hyperparameters.
* ``train_step`` / ``test_step``: run on the grader's reference TinyVGG and data; the grader
  repeats the same batches on a copy of the model and compares parameters (one optimizer step per
  batch, gradients zeroed) and the returned mean loss / accuracy (0-1). Forward hooks record the
  model's mode and whether gradients were tracked.
* ``train``: the loop is run with the grader's reference ``train_step``/``test_step`` bound in
  place of the student's (so a broken step does not cost the loop's points) and replayed.
* ``training``: the student's ``TinyVGG`` trained with the student's ``train_step`` on the
  grader's data must reach ``TRAINING_THRESHOLD`` held-out accuracy, and its loss must halve.
  Budget: 3 epochs of batch 32 over about 1,440 images (135 optimizer steps; Adam with the
  per-epoch learning rates ``TRAINING_LRS``) and at most ``TRAINING_TIME_LIMIT`` seconds of wall
  time per run, trained with one thread (``checks.compute_threads``). Measured with the reference solution
  on the shared 2-core machine: 2.2-2.5 s of CPU time a run (5-6 s wall under a load of 4-7); with
  other seeds, 14 runs each reached 93.0-96.7 % (visible) and 95.3-97.5 % (hidden).

Visible and hidden checks use other hidden sizes, seeds, data splits and image resampling.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import inspect
import io
import math
import numbers
import time
from collections.abc import Mapping
from pathlib import Path

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, RandomSampler, SequentialSampler, TensorDataset

from autograder import checks as c
from autograder.assignments import Assignment, TestSpec
from autograder.data import digits_tensors, split_indices
from autograder.errors import CheckFailure
from autograder.messages import register

IMAGE_SIZE = 28
BATCH_SIZE = 32
HISTORY_KEYS = ("train_loss", "train_acc", "test_loss", "test_acc")

# tinyvgg_model: (input_shape, hidden_units, output_shape, batch size)
MODEL_CASES = {
    False: ((1, 10, 10, 4), (3, 8, 5, 1)),
    True: ((1, 16, 10, 2), (3, 5, 3, 3), (2, 7, 4, 1)),
}

# The training check: the student's TinyVGG + train_step on the grader's data.
TRAINING = {
    False: {"hidden_units": 10, "seed": 0, "split_seed": 42, "mode": "bilinear"},
    True: {"hidden_units": 12, "seed": 1, "split_seed": 1234, "mode": "bicubic"},
}
TRAINING_LRS = (3e-3, 3e-3, 1e-3)  # Adam, one learning rate per epoch: the last, smaller one steadies the result
TRAINING_EPOCHS = len(TRAINING_LRS)
TRAINING_THRESHOLD = 90.0        # percent, held-out digits
TRAINING_TIME_LIMIT = 120.0      # seconds of wall time for one run of TRAINING_EPOCHS epochs
TRAINING_LOSS_FRACTION = 0.5     # the grader's training-set loss must at least halve

LOSS_RTOL, LOSS_ATOL, ACC_ATOL = 1e-3, 1e-4, 1e-4

register({
    # --- tinyvgg_model ------------------------------------------------------------------------
    "tinyvgg_signature": {
        "tr": "`TinyVGG` şöyle oluşturulabilmeli: `TinyVGG(input_shape=..., hidden_units=..., output_shape=...)`. "
              "`__init__` imzası `def __init__(self, input_shape: int, hidden_units: int, output_shape: int)` "
              "olmalı (parametre adları tam olarak böyle). Sorun: {error}",
        "en": "`TinyVGG` must be constructible as `TinyVGG(input_shape=..., hidden_units=..., output_shape=...)`. "
              "The signature must be `def __init__(self, input_shape: int, hidden_units: int, output_shape: int)` "
              "(exactly these parameter names). Problem: {error}",
    },
    "tinyvgg_conv_count": {
        "tr": "`{config}` içinde {got} tane `nn.Conv2d` var, 4 olmalı: iki blok, her blokta iki evrişim (convolution) "
              "katmanı: (Conv2d → ReLU → Conv2d → ReLU → MaxPool2d) × 2.",
        "en": "`{config}` has {got} `nn.Conv2d` layers, it needs 4: two blocks of two convolutions each: "
              "(Conv2d → ReLU → Conv2d → ReLU → MaxPool2d) × 2.",
    },
    "tinyvgg_conv_kernel": {
        "tr": "Bir `nn.Conv2d` katmanının çekirdek (kernel) boyutu {got}; TinyVGG'de her evrişim 3×3 çekirdek kullanır: "
              "`kernel_size=3`. (Çekirdek boyutu değişince çıktı boyutu da değişir: "
              "çıktı = (girdi − çekirdek + 2·dolgu) / adım + 1.)",
        "en": "A `nn.Conv2d` layer has kernel size {got}; every convolution of TinyVGG uses a 3×3 kernel: "
              "`kernel_size=3`. (Another kernel size changes the output size: "
              "out = (in − kernel + 2·padding) / stride + 1.)",
    },
    "tinyvgg_conv_padding": {
        "tr": "Bir `nn.Conv2d` katmanının dolgusu (padding) {got}; `padding=1` olmalı. 3×3 çekirdekle 1 piksel dolgu "
              "görüntü boyutunu korur: (28 − 3 + 2·1) / 1 + 1 = 28. Dolgu olmadan her evrişim 2 piksel küçültür "
              "ve `Linear` katmanının `hidden_units*7*7` girişi tutmaz.",
        "en": "A `nn.Conv2d` layer has padding {got}; it must be `padding=1`. With a 3×3 kernel, 1 pixel of padding "
              "keeps the size: (28 − 3 + 2·1) / 1 + 1 = 28. Without padding every convolution loses 2 pixels and "
              "the `Linear` layer's `hidden_units*7*7` inputs no longer fit.",
    },
    "tinyvgg_conv_stride": {
        "tr": "Bir `nn.Conv2d` katmanının adımı (stride) {got}; TinyVGG'de evrişimler `stride=1` kullanır. Boyutu "
              "yarıya indirme işini `nn.MaxPool2d(kernel_size=2)` yapar.",
        "en": "A `nn.Conv2d` layer has stride {got}; TinyVGG's convolutions use `stride=1`. Halving the size is "
              "the job of `nn.MaxPool2d(kernel_size=2)`.",
    },
    "tinyvgg_conv_channels": {
        "tr": "`{config}` için evrişim katmanlarının (giriş, çıkış) kanal sayıları {got}; beklenen {expected}. İlk "
              "`Conv2d`: `in_channels=input_shape`, `out_channels=hidden_units`; diğer üçü "
              "`hidden_units → hidden_units`. Sayıları sabit yazmayın, `__init__` parametrelerini kullanın.",
        "en": "For `{config}` the (in, out) channels of the convolutions are {got}; expected {expected}. The first "
              "`Conv2d`: `in_channels=input_shape`, `out_channels=hidden_units`; the other three "
              "`hidden_units → hidden_units`. Don't hard-code the numbers, use the `__init__` parameters.",
    },
    "tinyvgg_linear_count": {
        "tr": "`{config}` içinde {got} tane `nn.Linear` var; TinyVGG'nin sınıflandırıcısı `nn.Flatten()` ve tek bir "
              "`nn.Linear(in_features=hidden_units*7*7, out_features=output_shape)` katmanıdır.",
        "en": "`{config}` has {got} `nn.Linear` layers; TinyVGG's classifier is `nn.Flatten()` and a single "
              "`nn.Linear(in_features=hidden_units*7*7, out_features=output_shape)`.",
    },
    "tinyvgg_linear_in": {
        "tr": "`{config}` içindeki `nn.Linear` katmanının `in_features` değeri {got}, ama {expected} olmalı "
              "(`hidden_units*7*7`). Neden 7×7? 28×28 görüntü, `padding=1` olan 3×3 evrişimlerden boyutu "
              "değişmeden geçer; her `MaxPool2d(2)` yüksekliği ve genişliği yarıya indirir: 28 → 14 → 7. "
              "Flatten sonrası her görüntü `hidden_units × 7 × 7` sayı olur.",
        "en": "The `nn.Linear` layer of `{config}` has `in_features={got}`, but it must be {expected} "
              "(`hidden_units*7*7`). Why 7×7? A 28×28 image passes the 3×3 convolutions with `padding=1` "
              "unchanged; each `MaxPool2d(2)` halves height and width: 28 → 14 → 7. After Flatten every image "
              "is `hidden_units × 7 × 7` numbers.",
    },
    "tinyvgg_linear_out": {
        "tr": "`{config}` içindeki `nn.Linear` katmanının `out_features` değeri {got}, ama `output_shape` = "
              "{expected} olmalı (sınıf başına bir logit). Sınıf sayısını sabit yazmayın.",
        "en": "The `nn.Linear` layer of `{config}` has `out_features={got}`, but it must be `output_shape` = "
              "{expected} (one logit per class). Don't hard-code the number of classes.",
    },
    "hint_tinyvgg_flatten": {
        "tr": "İpucu (TinyVGG): `Flatten`'dan çıkan tensör `[yığın, hidden_units*7*7]` olmalı ve `nn.Linear`'ın "
              "`in_features` değeri bununla aynı olmalı. 28×28 görüntü `padding=1` olan 3×3 evrişimlerden boyutu "
              "değişmeden geçer, iki `MaxPool2d(2)` onu 28 → 14 → 7'ye indirir; bu yüzden "
              "`in_features=hidden_units*7*7`. Emin değilseniz `forward` içinde `print(x.shape)` ile bakın.",
        "en": "Hint (TinyVGG): the tensor leaving `Flatten` must be `[batch, hidden_units*7*7]` and the "
              "`in_features` of `nn.Linear` must match it. A 28×28 image passes the 3×3 convolutions with "
              "`padding=1` unchanged and the two `MaxPool2d(2)` take it 28 → 14 → 7; hence "
              "`in_features=hidden_units*7*7`. If unsure, `print(x.shape)` inside `forward`.",
    },
    "hint_tinyvgg_channels": {
        "tr": "İpucu (TinyVGG): bir evrişim katmanının `in_channels` değeri gelen tensörün kanal sayısıyla uyuşmuyor. "
              "Görüntüler NCHW düzeninde gelir (`[yığın, kanal, yükseklik, genişlik]`): ilk `Conv2d`'nin "
              "`in_channels` değeri `input_shape`, sonrakilerin `hidden_units` olmalı.",
        "en": "Hint (TinyVGG): a convolution's `in_channels` does not match the channels of its input. Images come "
              "in NCHW layout (`[batch, channels, height, width]`): the first `Conv2d` takes `in_channels=input_shape`, "
              "the later ones `hidden_units`.",
    },
    "tinyvgg_pool_positions": {
        "tr": "Evrişim katmanlarına giren görüntülerin boyutları {got}, beklenen {expected}. Her bloğun SONUNDA "
              "(2. ve 4. evrişimden sonra) bir `MaxPool2d(kernel_size=2)` olmalı: 28 → 14 → 7.",
        "en": "The sizes entering the convolutions are {got}, expected {expected}. Each block must END with a "
              "`MaxPool2d(kernel_size=2)` (after the 2nd and the 4th convolution): 28 → 14 → 7.",
    },
    "tinyvgg_probabilities": {
        "tr": "`forward` olasılık döndürüyor ({fn} uygulanmış), ama ham çıktı yani logit (modelin ham çıktısı) "
              "bekleniyor. `forward`'dan softmax/sigmoid'i kaldırın: `nn.CrossEntropyLoss` softmax'ı kendisi "
              "uygular. Olasılık ve tahmin için sırayı modelin dışında kurun: logit → `torch.softmax(logits, dim=1)` "
              "→ `argmax(dim=1)`.",
        "en": "`forward` returns probabilities ({fn} applied), but raw logits are expected. Remove the "
              "softmax/sigmoid from `forward`: `nn.CrossEntropyLoss` applies the softmax itself. Turn logits into "
              "probabilities and predictions outside the model: logits → `torch.softmax(logits, dim=1)` → "
              "`argmax(dim=1)`.",
    },
    "tinyvgg_relu_missing": {
        "tr": "ReLU eksik: {positions}. evrişim (Conv2d) katmanından sonra aktivasyon fonksiyonu yok. TinyVGG'de her "
              "`Conv2d`'den sonra `nn.ReLU()` gelir (toplam 4 kez); ReLU olmadan evrişimler üst üste doğrusal "
              "kalır ve model daha az şey öğrenebilir.",
        "en": "ReLU missing: there is no activation function after convolution number {positions}. In TinyVGG "
              "every `Conv2d` is followed by `nn.ReLU()` (4 times in all); without ReLU stacked convolutions stay "
              "linear and the model can learn less.",
    },
    "tinyvgg_relu_after_linear": {
        "tr": "Son `nn.Linear` katmanından sonra ReLU uygulanmış: logitler (modelin ham çıktısı) negatif de "
              "olabilmeli. Sınıflandırıcı yalnızca `Flatten` ve `Linear`'dan oluşur; çıkışa aktivasyon koymayın.",
        "en": "A ReLU is applied after the last `nn.Linear`: logits must be able to go negative. The classifier "
              "is just `Flatten` and `Linear`; put no activation on the output.",
    },
    "tinyvgg_not_relu": {
        "tr": "Evrişimlerden sonra ReLU yerine başka bir aktivasyon fonksiyonu ({fn}) kullanılmış. Sözleşmedeki "
              "TinyVGG her `Conv2d`'den sonra `nn.ReLU()` kullanır.",
        "en": "The convolutions are followed by another activation function ({fn}) instead of ReLU. The "
              "contract's TinyVGG uses `nn.ReLU()` after every `Conv2d`.",
    },
    "tinyvgg_avgpool": {
        "tr": "Maksimum havuzlama (max pooling) yerine ortalama havuzlama (average pooling) kullanılmış. TinyVGG "
              "`nn.MaxPool2d(kernel_size=2)` kullanır: her 2×2 pencereden en büyük değeri alır.",
        "en": "Average pooling is used instead of max pooling. TinyVGG uses `nn.MaxPool2d(kernel_size=2)`: it keeps "
              "the largest value of each 2×2 window.",
    },
    "tinyvgg_architecture": {
        "tr": "`{config}` çıktısı, aynı katmanlarla kurulmuş TinyVGG'nin çıktısından farklı. Beklenen sıra: "
              "[Conv2d(3×3, padding=1) → ReLU → Conv2d(3×3, padding=1) → ReLU → MaxPool2d(2)] × 2 → Flatten → "
              "Linear. Fazladan bir katman, yanlış bir sıra ya da bir katmanın iki kez kullanılması olabilir.",
        "en": "The output of `{config}` differs from TinyVGG built from the same layers. Expected order: "
              "[Conv2d(3×3, padding=1) → ReLU → Conv2d(3×3, padding=1) → ReLU → MaxPool2d(2)] × 2 → Flatten → "
              "Linear. There may be an extra layer, a wrong order or a layer used twice.",
    },
    "tinyvgg_param_count": {
        "tr": "`{config}` modelinde {got} parametre var, aynı hiperparametrelerle kurulan TinyVGG'de {expected}. "
              "Fazladan bir katman (ör. BatchNorm, ikinci bir Linear), `bias=False` ya da yanlış kanal sayısı olabilir.",
        "en": "`{config}` has {got} parameters; TinyVGG with the same hyperparameters has {expected}. There may "
              "be an extra layer (e.g. BatchNorm, a second Linear), `bias=False` or a wrong number of channels.",
    },
    # --- train_step / test_step ----------------------------------------------------------------
    "tinyvgg_step_return": {
        "tr": "`{name}` iki sayı döndürmeli: `(ortalama_kayıp, doğruluk)`, doğruluk 0 ile 1 arasında. Dönen: {got}.",
        "en": "`{name}` must return two numbers: `(mean_loss, accuracy)`, the accuracy between 0 and 1. "
              "Returned: {got}.",
    },
    "tinyvgg_step_no_forward": {
        "tr": "`{name}` modeli hiç çağırmadı: `for X, y in dataloader:` döngüsünde `y_pred = model(X)` ile ileri "
              "geçiş yapın.",
        "en": "`{name}` never called the model: do a forward pass `y_pred = model(X)` inside "
              "`for X, y in dataloader:`.",
    },
    "tinyvgg_train_mode": {
        "tr": "`train_step` ileri geçişi değerlendirme kipinde (eval mode) yaptı: fonksiyonun başında `model.train()` "
              "çağırın. (Bir önceki `test_step` modeli `eval()` kipinde bırakır; Dropout ve BatchNorm gibi katmanlar "
              "eğitimde başka davranır.)",
        "en": "`train_step` ran the forward pass in eval mode: call `model.train()` at the start of the function. "
              "(The previous `test_step` leaves the model in `eval()` mode; layers such as Dropout and BatchNorm "
              "behave differently while training.)",
    },
    "tinyvgg_zero_grad": {
        "tr": "Gradyanlar yığınlar arasında birikiyor: her yığında `loss.backward()`'tan önce `optimizer.zero_grad()` "
              "çağırın. PyTorch gradyanları varsayılan olarak toplar; sıfırlanmazsa her adım önceki yığınların "
              "gradyanlarını da kullanır.",
        "en": "Gradients accumulate across batches: call `optimizer.zero_grad()` before `loss.backward()` in every "
              "batch. PyTorch adds gradients up by default; without zeroing every step also uses the previous "
              "batches' gradients.",
    },
    "tinyvgg_loss_fn_ignored": {
        "tr": "`{name}` kendisine verilen `loss_fn`'i kullanmıyor (notlandırıcı başka ayarlı bir kayıp fonksiyonu "
              "verdi, sonuç varsayılan `nn.CrossEntropyLoss()` ile hesaplanmış gibi). Fonksiyonun içinde yeni bir "
              "kayıp fonksiyonu oluşturmayın; parametre olarak gelen `loss_fn`'i kullanın.",
        "en": "`{name}` does not use the `loss_fn` it was given (the grader passed a differently configured loss "
              "function, the result looks computed with a default `nn.CrossEntropyLoss()`). Don't create a new loss "
              "function inside; use the `loss_fn` parameter.",
    },
    "tinyvgg_no_update": {
        "tr": "`train_step` sonrasında modelin parametreleri hiç değişmedi. Her yığında sıra şöyle olmalı: "
              "`optimizer.zero_grad()` → `loss.backward()` → `optimizer.step()`. `loss.backward()` ya da "
              "`optimizer.step()` eksikse ya da `zero_grad()` `backward` ile `step` arasına konduysa (gradyanları "
              "siler) model öğrenmez. Parametre olarak gelen `optimizer`'ı kullanın.",
        "en": "The model's parameters did not change at all during `train_step`. In every batch the order must be "
              "`optimizer.zero_grad()` → `loss.backward()` → `optimizer.step()`. Without `loss.backward()` or "
              "`optimizer.step()`, or with `zero_grad()` between `backward` and `step` (it erases the gradients), "
              "the model learns nothing. Use the `optimizer` passed in.",
    },
    "tinyvgg_train_step_params": {
        "tr": "`train_step` sonrasında parametreler, her yığın için bir optimize edici (optimizer) adımının vereceği "
              "değerlerden farklı (notlandırıcı aynı yığınları modelin bir kopyasında tekrarladı). Her yığında "
              "sırayla: ileri geçiş, `loss = loss_fn(y_pred, y)`, `optimizer.zero_grad()`, `loss.backward()`, "
              "`optimizer.step()`; yığın başına tam bir kez, parametre olarak gelen `optimizer` ve `dataloader` ile.",
        "en": "After `train_step` the parameters differ from one optimizer step per batch (the grader repeated the "
              "same batches on a copy of the model). For every batch, in order: forward pass, "
              "`loss = loss_fn(y_pred, y)`, `optimizer.zero_grad()`, `loss.backward()`, `optimizer.step()`; exactly "
              "once per batch, with the `optimizer` and `dataloader` passed in.",
    },
    "tinyvgg_loss_mismatch": {
        "tr": "`{name}` fonksiyonunun döndürdüğü ortalama kayıp ({got:.4f}) notlandırıcının aynı yığınlarda ölçtüğü "
              "değerle ({expected:.4f}) uyuşmuyor. Her yığında `loss.item()` değerini toplayın (son yığınınkini "
              "değil, hepsini) ve döngüden sonra yığın sayısına bölün: `/ len(dataloader)`.",
        "en": "The mean loss returned by `{name}` ({got:.4f}) does not match what the grader measured on the same "
              "batches ({expected:.4f}). Add up `loss.item()` of every batch (all of them, not just the last) and "
              "divide by the number of batches after the loop: `/ len(dataloader)`.",
    },
    "tinyvgg_acc_mismatch": {
        "tr": "`{name}` fonksiyonunun döndürdüğü doğruluk ({got:.4f}) notlandırıcının aynı yığınlarda ölçtüğü değerle "
              "({expected:.4f}) uyuşmuyor. Her yığında tahmin `y_pred.argmax(dim=1)`, yığın doğruluğu "
              "`(tahmin == y).sum().item() / len(y)`; toplayıp döngüden sonra `len(dataloader)`'a bölün.",
        "en": "The accuracy returned by `{name}` ({got:.4f}) does not match what the grader measured on the same "
              "batches ({expected:.4f}). In each batch the predictions are `y_pred.argmax(dim=1)` and the batch "
              "accuracy `(pred == y).sum().item() / len(y)`; add them up and divide by `len(dataloader)` after the loop.",
    },
    "tinyvgg_loss_not_averaged": {
        "tr": "`{name}` fonksiyonunun döndürdüğü kayıp ({got:.4f}) yığınların kayıplarının toplamı gibi görünüyor; "
              "ortalama olmalı ({expected:.4f}). Döngüden sonra yığın sayısına bölün: `/ len(dataloader)`.",
        "en": "The loss returned by `{name}` ({got:.4f}) looks like the sum of the batch losses; it must be their "
              "mean ({expected:.4f}). Divide by the number of batches after the loop: `/ len(dataloader)`.",
    },
    "tinyvgg_acc_not_averaged": {
        "tr": "`{name}` fonksiyonunun döndürdüğü doğruluk ({got:.4f}) yığınların doğruluklarının toplamı gibi "
              "görünüyor; ortalama olmalı ({expected:.4f}). Döngüden sonra yığın sayısına bölün: `/ len(dataloader)`.",
        "en": "The accuracy returned by `{name}` ({got:.4f}) looks like the sum of the batch accuracies; it must be "
              "their mean ({expected:.4f}). Divide by the number of batches after the loop: `/ len(dataloader)`.",
    },
    "tinyvgg_accuracy_percent": {
        "tr": "`{name}` doğruluğu yüzde olarak döndürüyor ({got:.2f}); burada 0 ile 1 arasında bir oran bekleniyor "
              "({expected:.4f}). 100 ile çarpmayın.",
        "en": "`{name}` returns the accuracy as a percentage ({got:.2f}); a fraction between 0 and 1 is expected "
              "here ({expected:.4f}). Don't multiply by 100.",
    },
    "tinyvgg_step_swapped": {
        "tr": "`{name}` değerleri ters sırada döndürüyor: önce ortalama kayıp, sonra doğruluk: "
              "`return train_loss, train_acc`.",
        "en": "`{name}` returns the values in the wrong order: first the mean loss, then the accuracy: "
              "`return train_loss, train_acc`.",
    },
    "tinyvgg_eval_mode": {
        "tr": "`test_step` ileri geçişi eğitim kipinde (train mode) yaptı: fonksiyonun başında `model.eval()` çağırın. "
              "Dropout ve BatchNorm gibi katmanlar testte farklı davranmalı.",
        "en": "`test_step` ran the forward pass in train mode: call `model.eval()` at the start of the function. "
              "Layers such as Dropout and BatchNorm must behave differently when testing.",
    },
    "tinyvgg_grad_enabled": {
        "tr": "`test_step` ileri geçişte gradyan izliyor: döngüyü `with torch.inference_mode():` (ya da "
              "`with torch.no_grad():`) bloğunun içine alın. Testte gradyan gerekmez; izlemek bellek ve zaman harcar.",
        "en": "`test_step` tracks gradients during the forward pass: put the loop inside `with torch.inference_mode():` "
              "(or `with torch.no_grad():`). Testing needs no gradients; tracking them wastes memory and time.",
    },
    "tinyvgg_test_changed": {
        "tr": "`test_step` modelin parametrelerini değiştirdi ya da gradyan hesapladı: test adımında "
              "`loss.backward()`, `optimizer.zero_grad()` ve `optimizer.step()` olmamalı; yalnızca ölçüm yapılır.",
        "en": "`test_step` changed the model's parameters or computed gradients: a test step has no "
              "`loss.backward()`, `optimizer.zero_grad()` or `optimizer.step()`; it only measures.",
    },
    # --- train ---------------------------------------------------------------------------------
    "tinyvgg_train_signature": {
        "tr": "`train` şu adlarla çağrılabilmeli: `train(model, train_dataloader, test_dataloader, optimizer, "
              "loss_fn, epochs, device)`. Sorun: {error}",
        "en": "`train` must accept these names: `train(model, train_dataloader, test_dataloader, optimizer, "
              "loss_fn, epochs, device)`. Problem: {error}",
    },
    "tinyvgg_train_epochs": {
        "tr": "`train` modeli {got} epok eğitti, ama `epochs={expected}` istendi. Döngü `for epoch in "
              "range(epochs):` olmalı ve her epokta `train_step` bir kez çağrılmalı.",
        "en": "`train` trained the model for {got} epochs, but `epochs={expected}` was asked. The loop must be "
              "`for epoch in range(epochs):` with one `train_step` call per epoch.",
    },
    "tinyvgg_train_on_test": {
        "tr": "`train` modeli test verisiyle eğitiyor: `train_step`'e `train_dataloader`, `test_step`'e "
              "`test_dataloader` verilmeli. Test kümesi yalnızca ölçüm içindir.",
        "en": "`train` trains on the test data: pass `train_dataloader` to `train_step` and `test_dataloader` to "
              "`test_step`. The test set is only for measuring.",
    },
    "tinyvgg_train_replay": {
        "tr": "`train` sonunda modelin parametreleri, notlandırıcının aynı adımları tekrarlayarak bulduğundan farklı. "
              "Her epokta bir kez `train_step(model, train_dataloader, loss_fn, optimizer, device)` ve ardından "
              "`test_step(model, test_dataloader, loss_fn, device)` çağırın; parametre olarak gelen `optimizer`'ı "
              "kullanın, yenisini oluşturmayın.",
        "en": "After `train` the parameters differ from what the grader gets by repeating the same steps. Each "
              "epoch call `train_step(model, train_dataloader, loss_fn, optimizer, device)` once, then "
              "`test_step(model, test_dataloader, loss_fn, device)`; use the `optimizer` passed in, don't create "
              "a new one.",
    },
    "tinyvgg_history_values": {
        "tr": "`history['{history_key}']` = {got}, ama notlandırıcının ölçümü {expected}. Her epokta `train_step`'in "
              "döndürdüğü kayıp/doğruluğu `train_loss`/`train_acc` listelerine, `test_step`'inkileri "
              "`test_loss`/`test_acc` listelerine ekleyin (doğruluk 0–1 arası).",
        "en": "`history['{history_key}']` = {got}, but the grader measured {expected}. Every epoch append the loss/accuracy "
              "returned by `train_step` to `train_loss`/`train_acc` and those of `test_step` to "
              "`test_loss`/`test_acc` (accuracy between 0 and 1).",
    },
    # --- training ------------------------------------------------------------------------------
    "tinyvgg_model_type": {
        "tr": "`{name}` bir `TinyVGG` örneği olmalı: `{name} = TinyVGG(input_shape=1, hidden_units=10, "
              "output_shape=len(class_names)).to(device)`. Şu an tipi: `{got}`.",
        "en": "`{name}` must be a `TinyVGG` instance: `{name} = TinyVGG(input_shape=1, hidden_units=10, "
              "output_shape=len(class_names)).to(device)`. Its type now: `{got}`.",
    },
    "tinyvgg_training_low": {
        "tr": "Notlandırıcı `TinyVGG(input_shape=1, hidden_units={hidden_units}, output_shape=10)` modelinizi sizin "
              "`train_step`'inizle kendi verisinde {epochs} epok (Adam, lr={lr}, yığın boyutu 32) eğitti; görmediği "
              "test görüntülerinde doğruluk %{acc:.1f}, en az %{threshold:.0f} olmalı. `tinyvgg_model` ve "
              "`train_step` kontrollerinin geçtiğinden emin olun.",
        "en": "The grader trained your `TinyVGG(input_shape=1, hidden_units={hidden_units}, output_shape=10)` with "
              "your `train_step` on its own data for {epochs} epochs (Adam, lr={lr}, batch size 32); accuracy on "
              "held-out images is {acc:.1f}%, it must be at least {threshold:.0f}%. Make sure the `tinyvgg_model` "
              "and `train_step` checks pass.",
    },
    "tinyvgg_training_slow": {
        "tr": "{epochs} epok eğitim {seconds:.0f} sn sürdü, sınır {limit:.0f} sn. `train_step` içinde örnek örnek "
              "döngü, gereksiz kopyalama ya da her yığında yeni model/optimize edici oluşturma olabilir.",
        "en": "{epochs} epochs of training took {seconds:.0f} s, the limit is {limit:.0f} s. `train_step` may loop "
              "over single samples, copy data needlessly or build a new model/optimizer every batch.",
    },
    # --- dataloaders ---------------------------------------------------------------------------
    "tinyvgg_not_dataloader": {
        "tr": "`{name}` bir `torch.utils.data.DataLoader` olmalı, ama `{got}` tipinde: "
              "`DataLoader(dataset, batch_size=32, shuffle=...)`.",
        "en": "`{name}` must be a `torch.utils.data.DataLoader`, but it is a `{got}`: "
              "`DataLoader(dataset, batch_size=32, shuffle=...)`.",
    },
    "tinyvgg_batch_size": {
        "tr": "`{name}` yığın boyutu (batch size) {got}, ama 32 olmalı: `batch_size=32`.",
        "en": "`{name}` has batch size {got}, it must be 32: `batch_size=32`.",
    },
    "tinyvgg_train_shuffle": {
        "tr": "`train_dataloader` veriyi karıştırmıyor: `shuffle=True` verin. Her epokta farklı sırayla gelen yığınlar "
              "modelin örneklerin sırasını ezberlemesini önler.",
        "en": "`train_dataloader` does not shuffle: pass `shuffle=True`. Batches in a new order every epoch keep the "
              "model from learning the order of the samples.",
    },
    "tinyvgg_test_shuffle": {
        "tr": "`test_dataloader` veriyi karıştırıyor: test kümesinde `shuffle=False` kullanın; ölçüm sırası sabit "
              "kalsın (ör. tahminleri etiketlerle eşleştirirken).",
        "en": "`test_dataloader` shuffles: use `shuffle=False` for the test set so the order stays fixed (e.g. when "
              "matching predictions with labels).",
    },
    "tinyvgg_loaders_swapped": {
        "tr": "`train_dataloader` {train} örnek, `test_dataloader` {test} örnek içeriyor: eğitim kümesi daha büyük "
              "olmalı. İki veri yükleyicinin (DataLoader) veri kümesini karıştırmış olabilirsiniz.",
        "en": "`train_dataloader` holds {train} samples and `test_dataloader` {test}: the training set should be the "
              "bigger one. The two data loaders' datasets may be swapped.",
    },
    "tinyvgg_batch_layout": {
        "tr": "`{name}` yığınındaki görüntülerin şekli {got}; PyTorch NCHW düzeni bekler: "
              "`[yığın, kanal, yükseklik, genişlik]` = {expected}. Kanalı sona koyan NHWC düzeni "
              "(`[32, 28, 28, 1]`, TensorFlow/matplotlib alışkanlığı) `nn.Conv2d` ile çalışmaz; görüntüleri "
              "`load_image_data`'nın verdiği gibi kullanın.",
        "en": "The images of a `{name}` batch have shape {got}; PyTorch expects NCHW: "
              "`[batch, channels, height, width]` = {expected}. NHWC with the channels last (`[32, 28, 28, 1]`, "
              "a TensorFlow/matplotlib habit) does not work with `nn.Conv2d`; use the images as "
              "`load_image_data` gives them.",
    },
    "tinyvgg_drop_last": {
        "tr": "`test_dataloader` son eksik yığını atıyor (`drop_last=True`): test kümesindeki her görüntü ölçülmeli.",
        "en": "`test_dataloader` drops the last incomplete batch (`drop_last=True`): every test image must be "
              "measured.",
    },
    # --- confusion_matrix ----------------------------------------------------------------------
    "tinyvgg_confusion_transposed": {
        "tr": "`confusion_matrix` satırları ve sütunları ters: satır i gerçek sınıf, sütun j tahmin edilen sınıf "
              "olmalı (`cm[y_true, y_pred] += 1`).",
        "en": "`confusion_matrix` has rows and columns swapped: row i is the true class, column j the predicted "
              "class (`cm[y_true, y_pred] += 1`).",
    },
    "tinyvgg_confusion_total": {
        "tr": "`confusion_matrix` içindeki sayıların toplamı {total:g}, ama {n} örnek var: her örnek tam bir kez "
              "sayılmalı (`cm[gerçek, tahmin] += 1`).",
        "en": "The counts of `confusion_matrix` add up to {total:g}, but there are {n} samples: every sample must be "
              "counted exactly once (`cm[true, pred] += 1`).",
    },
    "tinyvgg_confusion_wrong": {
        "tr": "`confusion_matrix` yanlış sayıyor: beklenen {expected}, dönen {got}. Karışıklık matrisinde "
              "(confusion matrix) `cm[i, j]`, gerçek sınıfı i olup j diye tahmin edilen örneklerin sayısıdır; "
              "köşegen doğru tahminlerdir. Sayımları oranlara çevirmeyin (normalleştirmeyin).",
        "en": "`confusion_matrix` counts wrongly: expected {expected}, got {got}. In a confusion matrix `cm[i, j]` "
              "is the number of samples of true class i predicted as j; the diagonal holds the correct "
              "predictions. Don't turn the counts into fractions (no normalizing).",
    },
    # --- save_load -----------------------------------------------------------------------------
    "tinyvgg_save_missing": {
        "tr": "`MODEL_SAVE_PATH` ({path}) dosyası yok: `torch.save(obj=model.state_dict(), f=MODEL_SAVE_PATH)` "
              "ile kaydedin.",
        "en": "The file `MODEL_SAVE_PATH` ({path}) does not exist: save with "
              "`torch.save(obj=model.state_dict(), f=MODEL_SAVE_PATH)`.",
    },
    "tinyvgg_save_not_state_dict": {
        "tr": "`MODEL_SAVE_PATH` dosyası bir `state_dict` (katman adı → ağırlık tensörü sözlüğü) içermiyor ({got}). "
              "Modelin tamamını değil, yalnızca öğrenilen parametreleri kaydedin: `torch.save(model.state_dict(), "
              "MODEL_SAVE_PATH)`.",
        "en": "The file at `MODEL_SAVE_PATH` does not hold a `state_dict` (layer name → weight tensor) ({got}). Save "
              "only the learned parameters, not the whole model: `torch.save(model.state_dict(), MODEL_SAVE_PATH)`.",
    },
    "tinyvgg_save_stale": {
        "tr": "Kaydedilen `state_dict` şu anki `model`'in katmanları ya da ağırlıklarıyla aynı değil: modeli "
              "eğittikten sonra kaydedin ve kaydettiğiniz modelin `model` olduğundan emin olun.",
        "en": "The saved `state_dict` does not match the layers or the current weights of `model`: save after "
              "training, and make sure the model you save is `model`.",
    },
    "tinyvgg_loaded_same": {
        "tr": "`loaded_model`, `model`'in kendisi (aynı nesne). Yeni bir örnek oluşturup ağırlıkları dosyadan "
              "yükleyin: `loaded_model = TinyVGG(...)`, `loaded_model.load_state_dict(torch.load(MODEL_SAVE_PATH))`.",
        "en": "`loaded_model` is `model` itself (the same object). Build a new instance and load the weights from "
              "the file: `loaded_model = TinyVGG(...)`, `loaded_model.load_state_dict(torch.load(MODEL_SAVE_PATH))`.",
    },
    "tinyvgg_loaded_differs": {
        "tr": "`loaded_model` ile `model` aynı görüntülerde farklı tahmin ediyor (logitler arasındaki en büyük fark "
              "{diff:.2e}). `loaded_model`'i `model` ile aynı hiperparametrelerle oluşturup "
              "`load_state_dict(torch.load(MODEL_SAVE_PATH))` ile yükleyin.",
        "en": "`loaded_model` and `model` predict differently on the same images (largest logit difference "
              "{diff:.2e}). Build `loaded_model` with the same hyperparameters as `model` and load it with "
              "`load_state_dict(torch.load(MODEL_SAVE_PATH))`.",
    },
})


# --- the grader's reference TinyVGG and engine --------------------------------------------------------------

class ReferenceTinyVGG(nn.Module):
    """The contract's TinyVGG: used for parameter counts and to test the steps and the loop alone."""

    def __init__(self, input_shape: int, hidden_units: int, output_shape: int):
        super().__init__()
        self.block_1 = nn.Sequential(
            nn.Conv2d(input_shape, hidden_units, kernel_size=3, stride=1, padding=1), nn.ReLU(),
            nn.Conv2d(hidden_units, hidden_units, kernel_size=3, stride=1, padding=1), nn.ReLU(),
            nn.MaxPool2d(kernel_size=2))
        self.block_2 = nn.Sequential(
            nn.Conv2d(hidden_units, hidden_units, kernel_size=3, stride=1, padding=1), nn.ReLU(),
            nn.Conv2d(hidden_units, hidden_units, kernel_size=3, stride=1, padding=1), nn.ReLU(),
            nn.MaxPool2d(kernel_size=2))
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(hidden_units * 7 * 7, output_shape))

    def forward(self, x):
        return self.classifier(self.block_2(self.block_1(x)))


def parameter_count(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


def reference_train_step(model, dataloader, loss_fn, optimizer, device):
    """The contract's train step: mean of the batch losses, mean of the batch accuracies (0-1)."""
    model.train()
    total_loss, total_acc = 0.0, 0.0
    for X, y in dataloader:
        X, y = X.to(device), y.to(device)
        y_pred = model(X)
        loss = loss_fn(y_pred, y)
        total_loss += loss.item()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        total_acc += (y_pred.argmax(dim=1) == y).sum().item() / len(y)
    return total_loss / len(dataloader), total_acc / len(dataloader)


def reference_test_step(model, dataloader, loss_fn, device):
    model.eval()
    total_loss, total_acc = 0.0, 0.0
    with torch.inference_mode():
        for X, y in dataloader:
            X, y = X.to(device), y.to(device)
            logits = model(X)
            total_loss += loss_fn(logits, y).item()
            total_acc += (logits.argmax(dim=1) == y).sum().item() / len(y)
    return total_loss / len(dataloader), total_acc / len(dataloader)


# --- the grader's data ------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=4)
def _digits(mode: str) -> tuple[torch.Tensor, torch.Tensor]:
    """All 1,797 digits at 28x28, resampled with ``mode`` (bilinear is the notebook's data)."""
    if mode == "bilinear":
        return digits_tensors(IMAGE_SIZE)
    images8, labels = digits_tensors(8)
    images = F.interpolate(images8, size=(IMAGE_SIZE, IMAGE_SIZE), mode=mode, align_corners=False)
    return images.clamp(0, 1), labels


def grader_split(split_seed: int, mode: str):
    """``(X_train, y_train, X_test, y_test)`` on the CPU: a stratified split of the digits."""
    images, labels = _digits(mode)
    train_idx, test_idx = split_indices(labels, split_seed)
    return images[train_idx], labels[train_idx], images[test_idx], labels[test_idx]


def _subset(n: int, seed: int, mode: str = "bilinear"):
    images, labels = _digits(mode)
    idx = torch.randperm(len(labels), generator=torch.Generator().manual_seed(seed))[:n]
    return images[idx], labels[idx]


def _loader(X, y, batch_size=BATCH_SIZE) -> DataLoader:
    return DataLoader(TensorDataset(X, y), batch_size=batch_size, shuffle=False)


# --- small helpers ------------------------------------------------------------------------------------------

def _number(value) -> float | None:
    if isinstance(value, torch.Tensor):
        return float(value.detach().reshape(-1)[0]) if value.numel() == 1 else None
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return float(value)
    if hasattr(value, "item") and getattr(value, "size", None) == 1:  # numpy scalar
        try:
            return float(value.item())
        except (TypeError, ValueError):
            return None
    return None


def _two_numbers(result, name: str) -> tuple[float, float]:
    shown = type(result).__name__
    if isinstance(result, (tuple, list)) and len(result) == 2:
        values = [_number(v) for v in result]
        if None not in values and all(math.isfinite(v) for v in values):
            return values[0], values[1]
        shown = f"({', '.join(type(v).__name__ for v in result)})"
    raise CheckFailure("tinyvgg_step_return", name=name, got=shown)


def _means(values: list[float], sizes: list[int]) -> tuple[float, float]:
    """The mean over batches (the course's way) and the mean over samples (also accepted)."""
    return sum(values) / len(values), sum(v * s for v, s in zip(values, sizes)) / sum(sizes)


def _close(got: float, expected: float, loss: bool) -> bool:
    if loss:
        return math.isclose(got, expected, rel_tol=LOSS_RTOL, abs_tol=LOSS_ATOL)
    return math.isclose(got, expected, abs_tol=ACC_ATOL)


def _expect_step_values(name: str, got: tuple[float, float], losses, accs, sizes,
                        other_losses=None) -> None:
    """Compare what a step returned with the grader's per-batch measurements (loss, accuracy 0-1)."""
    loss_means, acc_means = _means(losses, sizes), _means(accs, sizes)
    got_loss, got_acc = got
    if not any(_close(got_loss, m, True) for m in loss_means):
        if any(_close(got_loss, m, False) for m in acc_means) and any(_close(got_acc, m, True) for m in loss_means):
            raise CheckFailure("tinyvgg_step_swapped", name=name)
        if other_losses and any(_close(got_loss, m, True) for m in _means(other_losses, sizes)):
            raise CheckFailure("tinyvgg_loss_fn_ignored", name=name)
        if len(losses) > 1 and _close(got_loss, sum(losses), True):
            raise CheckFailure("tinyvgg_loss_not_averaged", name=name, got=got_loss, expected=loss_means[0])
        raise CheckFailure("tinyvgg_loss_mismatch", name=name, got=got_loss, expected=loss_means[0])
    if not any(_close(got_acc, m, False) for m in acc_means):
        if any(_close(got_acc / 100, m, False) for m in acc_means) and got_acc > 1:
            raise CheckFailure("tinyvgg_accuracy_percent", name=name, got=got_acc, expected=acc_means[0])
        if len(accs) > 1 and _close(got_acc, sum(accs), False):
            raise CheckFailure("tinyvgg_acc_not_averaged", name=name, got=got_acc, expected=acc_means[0])
        raise CheckFailure("tinyvgg_acc_mismatch", name=name, got=got_acc, expected=acc_means[0])


def _same_params(a: nn.Module, b: nn.Module) -> bool:
    return all(torch.allclose(p.detach(), q.detach(), rtol=1e-4, atol=1e-6)
               for p, q in zip(a.parameters(), b.parameters()))


def _record_forward(model: nn.Module) -> tuple[list[dict], object]:
    """Record the model's mode and the grad mode at every forward call."""
    calls: list[dict] = []

    def hook(module, args):
        calls.append({"training": module.training, "grad": torch.is_grad_enabled()})

    return calls, model.register_forward_pre_hook(hook)


def _optimizer(kind: str, params):
    if kind == "sgd":
        return torch.optim.SGD(params, lr=0.1)
    return torch.optim.Adam(params, lr=1e-3)


# --- tinyvgg_model ------------------------------------------------------------------------------------------

def _construct_tinyvgg(TinyVGG, input_shape: int, hidden_units: int, output_shape: int) -> nn.Module:
    kwargs = {"input_shape": input_shape, "hidden_units": hidden_units, "output_shape": output_shape}
    try:
        inspect.signature(TinyVGG).bind(**kwargs)
    except TypeError as exc:
        raise CheckFailure("tinyvgg_signature", error=str(exc)) from None
    except ValueError:  # no signature available: just try
        pass
    return c.construct(TinyVGG, "TinyVGG", **kwargs)


def _config(input_shape: int, hidden_units: int, output_shape: int) -> str:
    return f"TinyVGG(input_shape={input_shape}, hidden_units={hidden_units}, output_shape={output_shape})"


def _uninitialized(module: nn.Module) -> bool:
    has = getattr(module, "has_uninitialized_params", None)
    return bool(has and has())


def _pair(value) -> tuple:
    return tuple(value) if isinstance(value, (tuple, list)) else (value, value)


def _inspect_layers(model: nn.Module, input_shape: int, hidden_units: int, output_shape: int) -> None:
    """Module inspection, order-free: 4 Conv2d 3x3 stride 1 padding 1 with the right channels, 1 Linear."""
    config = _config(input_shape, hidden_units, output_shape)
    convs = [m for m in model.modules() if isinstance(m, nn.Conv2d)]
    c.expect(len(convs) == 4, "tinyvgg_conv_count", config=config, got=len(convs))
    for conv in convs:
        c.expect(_pair(conv.kernel_size) == (3, 3), "tinyvgg_conv_kernel", got=_pair(conv.kernel_size))
        c.expect(_pair(conv.stride) == (1, 1), "tinyvgg_conv_stride", got=_pair(conv.stride))
        c.expect(conv.padding == "same" or _pair(conv.padding) == (1, 1), "tinyvgg_conv_padding",
                 got=conv.padding if isinstance(conv.padding, str) else _pair(conv.padding))
    if not any(_uninitialized(conv) for conv in convs):
        got = sorted((conv.in_channels, conv.out_channels) for conv in convs)
        expected = sorted([(input_shape, hidden_units)] + [(hidden_units, hidden_units)] * 3)
        c.expect(got == expected, "tinyvgg_conv_channels", config=config, got=got, expected=expected)
    linears = [m for m in model.modules() if isinstance(m, nn.Linear)]
    c.expect(len(linears) == 1, "tinyvgg_linear_count", config=config, got=len(linears))
    linear = linears[0]
    if not _uninitialized(linear):
        c.expect(linear.in_features == hidden_units * 7 * 7, "tinyvgg_linear_in", config=config,
                 got=linear.in_features, expected=hidden_units * 7 * 7)
    c.expect(linear.out_features == output_shape, "tinyvgg_linear_out", config=config,
             got=linear.out_features, expected=output_shape)


def _forward_with_hints(model: nn.Module, X: torch.Tensor) -> torch.Tensor:
    """``model(X)``; shape errors get a TinyVGG-specific hint (the 7x7, the NCHW channels)."""
    try:
        return c.forward(model, X)
    except CheckFailure as exc:
        error = str(exc.params.get("error", ""))
        if "mat1 and mat2 shapes cannot be multiplied" in error:
            exc.hint = "hint_tinyvgg_flatten"
        elif "channels, but got" in error:
            exc.hint = "hint_tinyvgg_channels"
        raise


def _trace(model: nn.Module, X: torch.Tensor):
    """Forward with hooks: the Conv2d/Linear modules in the order they ran and their input shapes."""
    calls = []

    def hook(module, args, output):
        calls.append((module, tuple(args[0].shape)))

    handles = [m.register_forward_hook(hook) for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    try:
        out = _forward_with_hints(model, X)
    finally:
        for h in handles:
            h.remove()
    return out, calls


def _rebuild(convs, linear, X, act=F.relu, relu_mask=(True,) * 4, pools=(F.max_pool2d, F.max_pool2d), final=None):
    """The contract's computation with the student's own layers (variants for diagnosis)."""
    x = X
    for i, conv in enumerate(convs):
        x = conv(x)
        if relu_mask[i]:
            x = act(x)
        if i in (1, 3):
            x = pools[i // 2](x, 2)
    x = linear(torch.flatten(x, 1))
    return final(x) if final else x


def _diagnose_architecture(convs, linear, X, out, config) -> None:
    def same(variant):
        return bool(torch.allclose(out, variant, rtol=1e-4, atol=1e-5))

    ref = _rebuild(convs, linear, X)
    if same(ref):
        return
    for fn, final in (("softmax", lambda t: torch.softmax(t, dim=1)), ("log_softmax", lambda t: F.log_softmax(t, 1)),
                      ("sigmoid", torch.sigmoid)):
        if same(final(ref)):
            raise CheckFailure("tinyvgg_probabilities", fn=fn)
    if same(F.relu(ref)):
        raise CheckFailure("tinyvgg_relu_after_linear")
    for mask in range(15):  # every subset of the four ReLUs but all four
        relu_mask = tuple(bool(mask >> i & 1) for i in range(4))
        if same(_rebuild(convs, linear, X, relu_mask=relu_mask)):
            missing = ", ".join(str(i + 1) for i in range(4) if not relu_mask[i])
            raise CheckFailure("tinyvgg_relu_missing", positions=missing)
    for fn, act in (("Tanh", torch.tanh), ("Sigmoid", torch.sigmoid), ("GELU", F.gelu), ("LeakyReLU", F.leaky_relu),
                    ("ELU", F.elu), ("SiLU", F.silu)):
        if same(_rebuild(convs, linear, X, act=act)):
            raise CheckFailure("tinyvgg_not_relu", fn=fn)
    for pools in ((F.avg_pool2d, F.avg_pool2d), (F.avg_pool2d, F.max_pool2d), (F.max_pool2d, F.avg_pool2d)):
        if same(_rebuild(convs, linear, X, pools=pools)):
            raise CheckFailure("tinyvgg_avgpool")
    raise CheckFailure("tinyvgg_architecture", config=config)


def _check_one_model(TinyVGG, input_shape: int, hidden_units: int, output_shape: int, batch: int, seed: int) -> None:
    device = c.device()
    config = _config(input_shape, hidden_units, output_shape)
    model = _construct_tinyvgg(TinyVGG, input_shape, hidden_units, output_shape)
    _inspect_layers(model, input_shape, hidden_units, output_shape)
    model = model.to(device)
    model.eval()
    X = torch.rand(batch, input_shape, IMAGE_SIZE, IMAGE_SIZE, generator=torch.Generator().manual_seed(seed))
    X = X.to(device)
    with torch.no_grad():  # not inference_mode: lazy layers must get ordinary parameters
        out, calls = _trace(model, X)
        c.expect_tensor(out, f"{config}(X)", shape=(batch, output_shape), dtype=torch.float32)
        c.expect_finite(out, f"{config}(X)")
        if bool(out.min() >= 0) and bool(out.max() <= 1) and torch.allclose(out.sum(dim=1), torch.ones(batch, device=device),
                                                                            atol=1e-4):
            raise CheckFailure("tinyvgg_probabilities", fn="softmax")
        convs = [m for m, _ in calls if isinstance(m, nn.Conv2d)]
        linears = [(m, shape) for m, shape in calls if isinstance(m, nn.Linear)]
        sizes = [shape[2:] for m, shape in calls if isinstance(m, nn.Conv2d)]
        expected_sizes = [(28, 28), (28, 28), (14, 14), (14, 14)]
        if len(convs) == 4 and sizes != expected_sizes:
            raise CheckFailure("tinyvgg_pool_positions", got=[s[0] for s in sizes], expected=[s[0] for s in expected_sizes])
        if (len(convs) != 4 or len(set(map(id, convs))) != 4 or len(linears) != 1
                or not isinstance(calls[-1][0], nn.Linear)):
            raise CheckFailure("tinyvgg_architecture", config=config)
        linear, linear_input = linears[0]
        if linear_input[1:] != (hidden_units * 7 * 7,):  # e.g. nn.LazyLinear after a single pooling
            raise CheckFailure("tinyvgg_linear_in", config=config, got=linear_input[-1], expected=hidden_units * 7 * 7)
        try:
            _diagnose_architecture(convs, linear, X, out, config)
        except RuntimeError:  # a variant that cannot even run: not the contract's computation
            raise CheckFailure("tinyvgg_architecture", config=config) from None
    reference = parameter_count(ReferenceTinyVGG(input_shape, hidden_units, output_shape))
    got = parameter_count(model)
    c.expect(got == reference, "tinyvgg_param_count", config=config, got=got, expected=reference)


@c.check("tinyvgg_model")
def check_tinyvgg_model(TinyVGG, hidden=False):
    c.expect_module_class(TinyVGG, "TinyVGG")
    for i, (input_shape, hidden_units, output_shape, batch) in enumerate(MODEL_CASES[hidden]):
        _check_one_model(TinyVGG, input_shape, hidden_units, output_shape, batch, seed=100 * hidden + i)


# --- train_step ---------------------------------------------------------------------------------------------

TRAIN_STEP_CASES = {
    # images, data seed, batch size, hidden units, optimizer, label smoothing of the loss
    False: {"n": 96, "seed": 11, "batch_size": 32, "hidden_units": 8, "optimizer": "sgd", "smoothing": 0.0},
    True: {"n": 100, "seed": 12, "batch_size": 32, "hidden_units": 6, "optimizer": "adam", "smoothing": 0.1},
}


def _replay_train(model, batches, loss_fn, optimizer, device, zero_grad=True):
    """The grader's train step on a copy: per-batch losses and accuracies before each update."""
    model.train()
    losses, accs = [], []
    for X, y in batches:
        X, y = X.to(device), y.to(device)
        logits = model(X)
        loss = loss_fn(logits, y)
        if zero_grad:
            optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
        accs.append((logits.argmax(dim=1) == y).float().mean().item())
    return losses, accs


def _step_inputs(case: dict, hidden: bool):
    """The grader's data for a train/test step case: its DataLoader, the batches (a fixed list so the
    grader can replay them), their sizes and the case's loss function."""
    X, y = _subset(case["n"], case["seed"], "bicubic" if hidden else "bilinear")
    dataloader = _loader(X, y, case["batch_size"])
    batches = list(dataloader)
    return dataloader, batches, [len(b[1]) for b in batches], nn.CrossEntropyLoss(label_smoothing=case["smoothing"])


@c.check("train_step")
def check_train_step(train_step, hidden=False):
    c.expect_callable(train_step, "train_step")
    case = TRAIN_STEP_CASES[hidden]
    device = c.device()
    dataloader, batches, sizes, loss_fn = _step_inputs(case, hidden)

    torch.manual_seed(case["seed"])
    model = ReferenceTinyVGG(1, case["hidden_units"], 10).to(device)
    initial = copy.deepcopy(model)
    optimizer = _optimizer(case["optimizer"], model.parameters())
    model.eval()  # as a previous test_step leaves it: train_step must switch back
    before = c.snapshot(model)
    calls, handle = _record_forward(model)
    try:
        result = c.call(train_step, model, dataloader, loss_fn, optimizer, device)
    finally:
        handle.remove()
    got = _two_numbers(result, "train_step")
    c.expect(bool(calls), "tinyvgg_step_no_forward", name="train_step")
    c.expect(all(call["training"] for call in calls), "tinyvgg_train_mode")
    c.expect(c.changed(before, model), "tinyvgg_no_update")

    def replay(zero_grad=True, loss=loss_fn):
        twin = copy.deepcopy(initial)
        losses, accs = _replay_train(twin, batches, loss, _optimizer(case["optimizer"], twin.parameters()), device,
                                     zero_grad)
        return twin, losses, accs

    twin, losses, accs = replay()
    if not _same_params(model, twin):
        if _same_params(model, replay(zero_grad=False)[0]):
            raise CheckFailure("tinyvgg_zero_grad")
        if case["smoothing"] and _same_params(model, replay(loss=nn.CrossEntropyLoss())[0]):
            raise CheckFailure("tinyvgg_loss_fn_ignored", name="train_step")
        raise CheckFailure("tinyvgg_train_step_params")
    other = replay(loss=nn.CrossEntropyLoss())[1] if case["smoothing"] else None
    _expect_step_values("train_step", got, losses, accs, sizes, other)


# --- test_step ----------------------------------------------------------------------------------------------

TEST_STEP_CASES = {
    False: {"n": 64, "seed": 21, "batch_size": 32, "hidden_units": 8, "smoothing": 0.0},
    True: {"n": 90, "seed": 22, "batch_size": 32, "hidden_units": 6, "smoothing": 0.1},
}


def _pretrained_reference(hidden_units: int, seed: int, device) -> nn.Module:
    """A reference TinyVGG after a few training steps, so accuracies differ between batches."""
    torch.manual_seed(seed)
    model = ReferenceTinyVGG(1, hidden_units, 10).to(device)
    X, y = _subset(160, seed + 1000)
    reference_train_step(model, _loader(X, y), nn.CrossEntropyLoss(),
                         torch.optim.Adam(model.parameters(), lr=3e-3), device)
    with torch.no_grad():  # sharper logits: a loss_fn option such as label smoothing then shows in the values
        model.classifier[1].weight.mul_(5)
        model.classifier[1].bias.mul_(5)
    for p in model.parameters():
        p.grad = None
    return model


def _measure(model, batches, loss_fn, device):
    model.eval()
    losses, accs = [], []
    with torch.inference_mode():
        for X, y in batches:
            X, y = X.to(device), y.to(device)
            logits = model(X)
            losses.append(loss_fn(logits, y).item())
            accs.append((logits.argmax(dim=1) == y).float().mean().item())
    return losses, accs


@c.check("test_step")
def check_test_step(test_step, hidden=False):
    c.expect_callable(test_step, "test_step")
    case = TEST_STEP_CASES[hidden]
    device = c.device()
    dataloader, batches, sizes, loss_fn = _step_inputs(case, hidden)
    model = _pretrained_reference(case["hidden_units"], case["seed"], device)
    model.train()  # as train_step leaves it: test_step must switch to eval mode
    before = c.snapshot(model)
    calls, handle = _record_forward(model)
    try:
        result = c.call(test_step, model, dataloader, loss_fn, device)
    finally:
        handle.remove()
    got = _two_numbers(result, "test_step")
    c.expect(bool(calls), "tinyvgg_step_no_forward", name="test_step")
    c.expect(not any(call["training"] for call in calls), "tinyvgg_eval_mode")
    c.expect(not any(call["grad"] for call in calls), "tinyvgg_grad_enabled")
    c.expect(not c.changed(before, model) and all(p.grad is None for p in model.parameters()),
             "tinyvgg_test_changed")
    losses, accs = _measure(model, batches, loss_fn, device)
    other = _measure(model, batches, nn.CrossEntropyLoss(), device)[0] if case["smoothing"] else None
    _expect_step_values("test_step", got, losses, accs, sizes, other)


# --- train (the loop) ---------------------------------------------------------------------------------------

TRAIN_CASES = {
    # sizes are multiples of the batch size, so per-batch and per-sample means agree
    False: {"n_train": 96, "n_test": 64, "seed": 31, "hidden_units": 6, "epochs": 2},
    True: {"n_train": 128, "n_test": 64, "seed": 32, "hidden_units": 5, "epochs": 3},
}


class _ReferenceSteps:
    """Binds the grader's train_step/test_step in the student's namespace while ``train`` runs."""

    def __init__(self, fn):
        self.namespace = getattr(fn, "__globals__", None)
        self.saved: dict = {}

    def __enter__(self):
        if isinstance(self.namespace, dict):
            for name, ref in (("train_step", reference_train_step), ("test_step", reference_test_step)):
                if name in self.namespace:
                    self.saved[name] = self.namespace[name]
                    self.namespace[name] = ref
        return self

    def __exit__(self, *exc):
        for name, value in self.saved.items():
            self.namespace[name] = value


def _history_lists(history, epochs: int) -> dict[str, list[float]]:
    def bad(problem):
        return CheckFailure("history_bad", name="train", keys=", ".join(HISTORY_KEYS), epochs=epochs, problem=problem)

    if not isinstance(history, Mapping):
        raise bad(type(history).__name__)
    lists = {}
    for key in HISTORY_KEYS:
        values = history.get(key)
        if not isinstance(values, (list, tuple)):
            raise bad(f"'{key}'")
        if len(values) != epochs:
            raise bad(f"len('{key}') = {len(values)}")
        numbers_ = [_number(v) for v in values]
        if None in numbers_:
            raise bad(f"'{key}' sayı değil / not numbers")
        lists[key] = numbers_
    return lists


@c.check("train")
def check_train(train, hidden=False):
    c.expect_callable(train, "train")
    case = TRAIN_CASES[hidden]
    device = c.device()
    X, y = _subset(case["n_train"] + case["n_test"], case["seed"])
    X_train, y_train = X[:case["n_train"]], y[:case["n_train"]]
    X_test, y_test = X[case["n_train"]:], y[case["n_train"]:]
    loss_fn = nn.CrossEntropyLoss()
    torch.manual_seed(case["seed"])
    model = ReferenceTinyVGG(1, case["hidden_units"], 10).to(device)
    initial = copy.deepcopy(model)
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    kwargs = {"model": model, "train_dataloader": _loader(X_train, y_train),
              "test_dataloader": _loader(X_test, y_test), "optimizer": optimizer, "loss_fn": loss_fn,
              "epochs": case["epochs"], "device": device}
    try:
        inspect.signature(train).bind(**kwargs)
    except TypeError as exc:
        raise CheckFailure("tinyvgg_train_signature", error=str(exc)) from None
    except ValueError:
        pass
    before = c.snapshot(model)
    with _ReferenceSteps(train), contextlib.redirect_stdout(io.StringIO()):  # the loop's prints stay out
        history = c.call(train, **kwargs)
    lists = _history_lists(history, case["epochs"])
    c.expect(c.changed(before, model), "params_unchanged")

    # Replay: the same epochs with the grader's steps, from the same start.
    twin = copy.deepcopy(initial)
    twin_optimizer = torch.optim.Adam(twin.parameters(), lr=3e-3)
    expected = {key: [] for key in HISTORY_KEYS}
    matches_epoch = None
    for epoch in range(2 * case["epochs"] + 1):  # also recognizes e.g. two train_step calls per epoch
        train_loss, train_acc = reference_train_step(twin, _loader(X_train, y_train), loss_fn, twin_optimizer, device)
        test_loss, test_acc = reference_test_step(twin, _loader(X_test, y_test), loss_fn, device)
        if epoch < case["epochs"]:
            for key, value in zip(HISTORY_KEYS, (train_loss, train_acc, test_loss, test_acc)):
                expected[key].append(value)
        if matches_epoch is None and _same_params(model, twin):
            matches_epoch = epoch + 1
    if matches_epoch != case["epochs"]:
        if matches_epoch is not None:
            raise CheckFailure("tinyvgg_train_epochs", got=matches_epoch, expected=case["epochs"])
        on_test = copy.deepcopy(initial)
        on_test_optimizer = torch.optim.Adam(on_test.parameters(), lr=3e-3)
        for _ in range(case["epochs"]):
            reference_train_step(on_test, _loader(X_test, y_test), loss_fn, on_test_optimizer, device)
        if _same_params(model, on_test):
            raise CheckFailure("tinyvgg_train_on_test")
        raise CheckFailure("tinyvgg_train_replay")
    for key in HISTORY_KEYS:
        is_loss = key.endswith("loss")
        if not all(_close(g, e, is_loss) for g, e in zip(lists[key], expected[key])):
            got_text = [round(v, 4) for v in lists[key]]
            expected_text = [round(v, 4) for v in expected[key]]
            if not is_loss and all(_close(g / 100, e, False) for g, e in zip(lists[key], expected[key])):
                raise CheckFailure("tinyvgg_accuracy_percent", name="train", got=lists[key][-1],
                                   expected=expected[key][-1])
            raise CheckFailure("tinyvgg_history_values", history_key=key, got=got_text, expected=expected_text)


# --- training: the student's TinyVGG with the student's train_step ----------------------------------------

def _grader_loss(model, X, y, device) -> float:
    model.eval()
    with torch.no_grad():  # not inference_mode: the first call may initialize lazy layers
        return float(nn.functional.cross_entropy(_forward_with_hints(model, X.to(device)), y.to(device)))


@c.check("training")
def check_training(TinyVGG, train_step, model, model_results, hidden=False):
    c.expect_module_class(TinyVGG, "TinyVGG")
    c.expect_callable(train_step, "train_step")
    c.expect(isinstance(model, TinyVGG), "tinyvgg_model_type", name="model", got=type(model).__name__)
    if not isinstance(model_results, Mapping) or not all(
            isinstance(model_results.get(k), (list, tuple)) and model_results.get(k) for k in HISTORY_KEYS):
        raise CheckFailure("history_bad", name="model_results", keys=", ".join(HISTORY_KEYS), epochs="epochs",
                           problem=type(model_results).__name__)
    cfg = TRAINING[hidden]
    device = c.device()
    X_train, y_train, X_test, y_test = grader_split(cfg["split_seed"], cfg["mode"])
    torch.manual_seed(cfg["seed"])
    student_model = _construct_tinyvgg(TinyVGG, 1, cfg["hidden_units"], 10).to(device)
    first_loss = _grader_loss(student_model, X_train, y_train, device)  # also initializes lazy layers
    optimizer = torch.optim.Adam(student_model.parameters(), lr=TRAINING_LRS[0])
    loader = DataLoader(TensorDataset(X_train, y_train), batch_size=BATCH_SIZE, shuffle=True,
                        generator=torch.Generator().manual_seed(cfg["seed"]))
    start = time.perf_counter()
    with c.compute_threads():
        for lr in TRAINING_LRS:
            for group in optimizer.param_groups:
                group["lr"] = lr
            c.call(train_step, student_model, loader, nn.CrossEntropyLoss(), optimizer, device)
            seconds = time.perf_counter() - start
            c.expect(seconds <= TRAINING_TIME_LIMIT, "tinyvgg_training_slow", epochs=TRAINING_EPOCHS,
                     seconds=seconds, limit=TRAINING_TIME_LIMIT)
    last_loss = _grader_loss(student_model, X_train, y_train, device)
    c.expect_loss_decrease([first_loss, last_loss], TRAINING_LOSS_FRACTION)
    acc = c.multiclass_accuracy(student_model, X_test.to(device), y_test.to(device))
    c.expect(acc >= TRAINING_THRESHOLD, "tinyvgg_training_low", hidden_units=cfg["hidden_units"],
             epochs=TRAINING_EPOCHS, lr=" → ".join(f"{lr:g}" for lr in TRAINING_LRS), acc=acc,
             threshold=TRAINING_THRESHOLD)


# --- dataloaders --------------------------------------------------------------------------------------------

@c.check("dataloaders")
def check_dataloaders(train_dataloader, test_dataloader, hidden=False):
    for name, loader in (("train_dataloader", train_dataloader), ("test_dataloader", test_dataloader)):
        c.expect(isinstance(loader, DataLoader), "tinyvgg_not_dataloader", name=name, got=type(loader).__name__)
        c.expect(loader.batch_size == BATCH_SIZE, "tinyvgg_batch_size", name=name, got=loader.batch_size)
    c.expect(isinstance(train_dataloader.sampler, RandomSampler), "tinyvgg_train_shuffle")
    c.expect(isinstance(test_dataloader.sampler, SequentialSampler), "tinyvgg_test_shuffle")
    n_train, n_test = len(train_dataloader.dataset), len(test_dataloader.dataset)
    c.expect(n_train > n_test, "tinyvgg_loaders_swapped", train=n_train, test=n_test)
    for name, loader in (("train_dataloader", train_dataloader), ("test_dataloader", test_dataloader)):
        X, y = next(iter(loader))
        c.expect_tensor(X, f"{name} X", dtype=torch.float32)
        if tuple(X.shape) != (BATCH_SIZE, 1, IMAGE_SIZE, IMAGE_SIZE):
            raise CheckFailure("tinyvgg_batch_layout", name=name, got=list(X.shape),
                               expected=[BATCH_SIZE, 1, IMAGE_SIZE, IMAGE_SIZE])
        c.expect_tensor(y, f"{name} y", shape=(BATCH_SIZE,), dtype=torch.long)
    if hidden:
        c.expect(not test_dataloader.drop_last, "tinyvgg_drop_last")
        seen = sum(len(batch[1]) for batch in test_dataloader)
        c.expect(seen == n_test, "tinyvgg_drop_last")


# --- confusion_matrix ---------------------------------------------------------------------------------------

def _reference_confusion(y_true, y_pred, num_classes):
    cm = torch.zeros(num_classes, num_classes, dtype=torch.long)
    cm.index_put_((y_true.cpu(), y_pred.cpu()), torch.ones(len(y_true), dtype=torch.long), accumulate=True)
    return cm


@c.check("confusion_matrix")
def check_confusion_matrix(confusion_matrix, hidden=False):
    c.expect_callable(confusion_matrix, "confusion_matrix")
    if hidden:
        g = torch.Generator().manual_seed(41)
        cases = []
        for n, k, occurring in ((500, 7, 6), (60, 12, 12)):  # in the first case the last class never occurs
            y_true = torch.randint(0, occurring, (n,), generator=g)
            noise = torch.randint(0, occurring, (n,), generator=g)
            y_pred = torch.where(torch.rand(n, generator=g) < 0.6, y_true, noise)
            cases.append((y_true.to(c.device()), y_pred.to(c.device()), k))
    else:
        cases = [(torch.tensor([0, 1, 2, 2, 1, 0, 2, 1]), torch.tensor([0, 2, 2, 1, 1, 0, 2, 2]), 3)]
    for y_true, y_pred, k in cases:
        expected = _reference_confusion(y_true, y_pred, k)
        got = c.call(confusion_matrix, y_true.clone(), y_pred.clone(), k)
        c.expect_tensor(got, "confusion_matrix(y_true, y_pred, num_classes)", shape=(k, k))
        got = got.detach().cpu()
        if torch.equal(got.to(torch.long), expected) and torch.equal(got, got.round()):
            continue
        if torch.equal(got.to(torch.long), expected.T):
            raise CheckFailure("tinyvgg_confusion_transposed")
        total = float(got.sum())
        c.expect(total == len(y_true), "tinyvgg_confusion_total", total=total, n=len(y_true))
        raise CheckFailure("tinyvgg_confusion_wrong", expected=str(expected.tolist())[:200],
                           got=str(got.tolist())[:200])


# --- save_load ----------------------------------------------------------------------------------------------

@c.check("save_load")
def check_save_load(model, loaded_model, MODEL_SAVE_PATH, hidden=False):
    c.expect(isinstance(model, nn.Module), "not_module_class", name="model")
    c.expect(isinstance(loaded_model, nn.Module), "not_module_class", name="loaded_model")
    path = Path(MODEL_SAVE_PATH)
    c.expect(path.is_file(), "tinyvgg_save_missing", path=str(path))
    try:
        saved = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as exc:  # a pickled whole model does not load with weights_only=True
        raise CheckFailure("tinyvgg_save_not_state_dict", got=type(exc).__name__) from None
    if not isinstance(saved, Mapping) or not saved or not all(isinstance(v, torch.Tensor) for v in saved.values()):
        raise CheckFailure("tinyvgg_save_not_state_dict", got=type(saved).__name__)
    current = model.state_dict()
    if set(saved) != set(current):
        raise CheckFailure("tinyvgg_save_stale")
    if not all(torch.equal(saved[k], current[k].detach().cpu()) for k in current):
        raise CheckFailure("tinyvgg_save_stale")
    c.expect(loaded_model is not model, "tinyvgg_loaded_same")
    device = c.device()
    model.to(device)
    loaded_model.to(device)
    if hidden:
        X = torch.rand(16, 1, IMAGE_SIZE, IMAGE_SIZE, generator=torch.Generator().manual_seed(51))
    else:
        X = _subset(16, 52)[0]
    model.eval()
    loaded_model.eval()
    with torch.inference_mode():
        a = c.forward(model, X.to(device))
        b = c.forward(loaded_model, X.to(device))
    c.expect(isinstance(b, torch.Tensor) and a.shape == b.shape, "tinyvgg_loaded_differs", diff=float("inf"))
    diff = float((a - b).abs().max())
    c.expect(diff <= 1e-5, "tinyvgg_loaded_differs", diff=diff)


ASSIGNMENT = Assignment("04_tinyvgg", "tinyvgg", (
    TestSpec("dataloaders", 1, ("train_dataloader", "test_dataloader"), check_dataloaders),
    TestSpec("tinyvgg_model", 4, ("TinyVGG",), check_tinyvgg_model),
    TestSpec("train_step", 3, ("train_step",), check_train_step),
    TestSpec("test_step", 2, ("test_step",), check_test_step),
    TestSpec("train", 2, ("train",), check_train),
    TestSpec("training", 3, ("TinyVGG", "train_step", "model", "model_results"), check_training),
    TestSpec("confusion_matrix", 2, ("confusion_matrix",), check_confusion_matrix),
    TestSpec("save_load", 1, ("model", "loaded_model", "MODEL_SAVE_PATH"), check_save_load),
))
