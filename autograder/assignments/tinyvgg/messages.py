"""Messages of 04_tinyvgg (Turkish and English)."""

from autograder.messages import register

register({
    # --- tinyvgg_model ------------------------------------------------------------------------
    "tinyvgg_signature": {
        "tr": "`TinyVGG` şöyle oluşturulabilmeli: `TinyVGG(input_shape=..., hidden_units=..., output_shape=...)`. `__init__` imzası `def __init__(self, input_shape: int, hidden_units: int, output_shape: int)` olmalı (parametre adları tam olarak böyle). Sorun: {error}",
        "en": "`TinyVGG` must be constructible as `TinyVGG(input_shape=..., hidden_units=..., output_shape=...)`. The signature must be `def __init__(self, input_shape: int, hidden_units: int, output_shape: int)` (exactly these parameter names). Problem: {error}",
    },
    "tinyvgg_conv_count": {
        "tr": "`{config}` içinde {got} tane `nn.Conv2d` var, 4 olmalı: iki blok, her blokta iki evrişim (convolution) katmanı: (Conv2d → ReLU → Conv2d → ReLU → MaxPool2d) × 2.",
        "en": "`{config}` has {got} `nn.Conv2d` layers, it needs 4: two blocks of two convolutions each: (Conv2d → ReLU → Conv2d → ReLU → MaxPool2d) × 2.",
    },
    "tinyvgg_conv_kernel": {
        "tr": "Bir `nn.Conv2d` katmanının çekirdek (kernel) boyutu {got}; TinyVGG'de her evrişim 3×3 çekirdek kullanır: `kernel_size=3`. (Çekirdek boyutu değişince çıktı boyutu da değişir: çıktı = (girdi − çekirdek + 2·dolgu) / adım + 1.)",
        "en": "A `nn.Conv2d` layer has kernel size {got}; every convolution of TinyVGG uses a 3×3 kernel: `kernel_size=3`. (Another kernel size changes the output size: out = (in − kernel + 2·padding) / stride + 1.)",
    },
    "tinyvgg_conv_padding": {
        "tr": "Bir `nn.Conv2d` katmanının dolgusu (padding) {got}; `padding=1` olmalı. 3×3 çekirdekle 1 piksel dolgu görüntü boyutunu korur: (28 − 3 + 2·1) / 1 + 1 = 28. Dolgu olmadan her evrişim 2 piksel küçültür ve `Linear` katmanının `hidden_units*7*7` girişi tutmaz.",
        "en": "A `nn.Conv2d` layer has padding {got}; it must be `padding=1`. With a 3×3 kernel, 1 pixel of padding keeps the size: (28 − 3 + 2·1) / 1 + 1 = 28. Without padding every convolution loses 2 pixels and the `Linear` layer's `hidden_units*7*7` inputs no longer fit.",
    },
    "tinyvgg_conv_stride": {
        "tr": "Bir `nn.Conv2d` katmanının adımı (stride) {got}; TinyVGG'de evrişimler `stride=1` kullanır. Boyutu yarıya indirme işini `nn.MaxPool2d(kernel_size=2)` yapar.",
        "en": "A `nn.Conv2d` layer has stride {got}; TinyVGG's convolutions use `stride=1`. Halving the size is the job of `nn.MaxPool2d(kernel_size=2)`.",
    },
    "tinyvgg_conv_channels": {
        "tr": "`{config}` için evrişim katmanlarının (giriş, çıkış) kanal sayıları {got}; beklenen {expected}. İlk `Conv2d`: `in_channels=input_shape`, `out_channels=hidden_units`; diğer üçü `hidden_units → hidden_units`. Sayıları sabit yazmayın, `__init__` parametrelerini kullanın.",
        "en": "For `{config}` the (in, out) channels of the convolutions are {got}; expected {expected}. The first `Conv2d`: `in_channels=input_shape`, `out_channels=hidden_units`; the other three `hidden_units → hidden_units`. Don't hard-code the numbers, use the `__init__` parameters.",
    },
    "tinyvgg_linear_count": {
        "tr": "`{config}` içinde {got} tane `nn.Linear` var; TinyVGG'nin sınıflandırıcısı `nn.Flatten()` ve tek bir `nn.Linear(in_features=hidden_units*7*7, out_features=output_shape)` katmanıdır.",
        "en": "`{config}` has {got} `nn.Linear` layers; TinyVGG's classifier is `nn.Flatten()` and a single `nn.Linear(in_features=hidden_units*7*7, out_features=output_shape)`.",
    },
    "tinyvgg_linear_in": {
        "tr": "`{config}` içindeki `nn.Linear` katmanının `in_features` değeri {got}, ama {expected} olmalı (`hidden_units*7*7`). Neden 7×7? 28×28 görüntü, `padding=1` olan 3×3 evrişimlerden boyutu değişmeden geçer; her `MaxPool2d(2)` yüksekliği ve genişliği yarıya indirir: 28 → 14 → 7. Flatten sonrası her görüntü `hidden_units × 7 × 7` sayı olur.",
        "en": "The `nn.Linear` layer of `{config}` has `in_features={got}`, but it must be {expected} (`hidden_units*7*7`). Why 7×7? A 28×28 image passes the 3×3 convolutions with `padding=1` unchanged; each `MaxPool2d(2)` halves height and width: 28 → 14 → 7. After Flatten every image is `hidden_units × 7 × 7` numbers.",
    },
    "tinyvgg_linear_out": {
        "tr": "`{config}` içindeki `nn.Linear` katmanının `out_features` değeri {got}, ama `output_shape` = {expected} olmalı (sınıf başına bir logit). Sınıf sayısını sabit yazmayın.",
        "en": "The `nn.Linear` layer of `{config}` has `out_features={got}`, but it must be `output_shape` = {expected} (one logit per class). Don't hard-code the number of classes.",
    },
    "hint_tinyvgg_flatten": {
        "tr": "İpucu (TinyVGG): `Flatten`'dan çıkan tensör `[yığın, hidden_units*7*7]` olmalı ve `nn.Linear`'ın `in_features` değeri bununla aynı olmalı. 28×28 görüntü `padding=1` olan 3×3 evrişimlerden boyutu değişmeden geçer, iki `MaxPool2d(2)` onu 28 → 14 → 7'ye indirir; bu yüzden `in_features=hidden_units*7*7`. Emin değilseniz `forward` içinde `print(x.shape)` ile bakın.",
        "en": "Hint (TinyVGG): the tensor leaving `Flatten` must be `[batch, hidden_units*7*7]` and the `in_features` of `nn.Linear` must match it. A 28×28 image passes the 3×3 convolutions with `padding=1` unchanged and the two `MaxPool2d(2)` take it 28 → 14 → 7; hence `in_features=hidden_units*7*7`. If unsure, `print(x.shape)` inside `forward`.",
    },
    "hint_tinyvgg_channels": {
        "tr": "İpucu (TinyVGG): bir evrişim katmanının `in_channels` değeri gelen tensörün kanal sayısıyla uyuşmuyor. Görüntüler NCHW düzeninde gelir (`[yığın, kanal, yükseklik, genişlik]`): ilk `Conv2d`'nin `in_channels` değeri `input_shape`, sonrakilerin `hidden_units` olmalı.",
        "en": "Hint (TinyVGG): a convolution's `in_channels` does not match the channels of its input. Images come in NCHW layout (`[batch, channels, height, width]`): the first `Conv2d` takes `in_channels=input_shape`, the later ones `hidden_units`.",
    },
    "tinyvgg_pool_positions": {
        "tr": "Evrişim katmanlarına giren görüntülerin boyutları {got}, beklenen {expected}. Her bloğun SONUNDA (2. ve 4. evrişimden sonra) bir `MaxPool2d(kernel_size=2)` olmalı: 28 → 14 → 7.",
        "en": "The sizes entering the convolutions are {got}, expected {expected}. Each block must END with a `MaxPool2d(kernel_size=2)` (after the 2nd and the 4th convolution): 28 → 14 → 7.",
    },
    "tinyvgg_probabilities": {
        "tr": "`forward` olasılık döndürüyor ({fn} uygulanmış), ama ham çıktı yani logit (modelin ham çıktısı) bekleniyor. `forward`'dan softmax/sigmoid'i kaldırın: `nn.CrossEntropyLoss` softmax'ı kendisi uygular. Olasılık ve tahmin için sırayı modelin dışında kurun: logit → `torch.softmax(logits, dim=1)` → `argmax(dim=1)`.",
        "en": "`forward` returns probabilities ({fn} applied), but raw logits are expected. Remove the softmax/sigmoid from `forward`: `nn.CrossEntropyLoss` applies the softmax itself. Turn logits into probabilities and predictions outside the model: logits → `torch.softmax(logits, dim=1)` → `argmax(dim=1)`.",
    },
    "tinyvgg_relu_missing": {
        "tr": "ReLU eksik: {positions}. evrişim (Conv2d) katmanından sonra aktivasyon fonksiyonu yok. TinyVGG'de her `Conv2d`'den sonra `nn.ReLU()` gelir (toplam 4 kez); ReLU olmadan evrişimler üst üste doğrusal kalır ve model daha az şey öğrenebilir.",
        "en": "ReLU missing: there is no activation function after convolution number {positions}. In TinyVGG every `Conv2d` is followed by `nn.ReLU()` (4 times in all); without ReLU stacked convolutions stay linear and the model can learn less.",
    },
    "tinyvgg_relu_after_linear": {
        "tr": "Son `nn.Linear` katmanından sonra ReLU uygulanmış: logitler (modelin ham çıktısı) negatif de olabilmeli. Sınıflandırıcı yalnızca `Flatten` ve `Linear`'dan oluşur; çıkışa aktivasyon koymayın.",
        "en": "A ReLU is applied after the last `nn.Linear`: logits must be able to go negative. The classifier is just `Flatten` and `Linear`; put no activation on the output.",
    },
    "tinyvgg_not_relu": {
        "tr": "Evrişimlerden sonra ReLU yerine başka bir aktivasyon fonksiyonu ({fn}) kullanılmış. Alıştırmadaki tablo ve katman listesi gibi, TinyVGG'de her `Conv2d`'den sonra `nn.ReLU()` gelir (başka bir aktivasyon fonksiyonu değil).",
        "en": "The convolutions are followed by another activation function ({fn}) instead of ReLU. As in the exercise's table and list of layers, every `Conv2d` of TinyVGG is followed by `nn.ReLU()` (not another activation function).",
    },
    "tinyvgg_avgpool": {
        "tr": "Maksimum havuzlama (max pooling) yerine ortalama havuzlama (average pooling) kullanılmış. TinyVGG `nn.MaxPool2d(kernel_size=2)` kullanır: her 2×2 pencereden en büyük değeri alır.",
        "en": "Average pooling is used instead of max pooling. TinyVGG uses `nn.MaxPool2d(kernel_size=2)`: it keeps the largest value of each 2×2 window.",
    },
    "tinyvgg_architecture": {
        "tr": "`{config}` çıktısı, aynı katmanlarla kurulmuş TinyVGG'nin çıktısından farklı. Beklenen sıra: [Conv2d(3×3, padding=1) → ReLU → Conv2d(3×3, padding=1) → ReLU → MaxPool2d(2)] × 2 → Flatten → Linear. Fazladan bir katman, yanlış bir sıra ya da bir katmanın iki kez kullanılması olabilir.",
        "en": "The output of `{config}` differs from TinyVGG built from the same layers. Expected order: [Conv2d(3×3, padding=1) → ReLU → Conv2d(3×3, padding=1) → ReLU → MaxPool2d(2)] × 2 → Flatten → Linear. There may be an extra layer, a wrong order or a layer used twice.",
    },
    "tinyvgg_param_count": {
        "tr": "`{config}` modelinde {got} parametre var, aynı hiperparametrelerle kurulan TinyVGG'de {expected}. Fazladan bir katman (ör. BatchNorm, ikinci bir Linear), `bias=False` ya da yanlış kanal sayısı olabilir.",
        "en": "`{config}` has {got} parameters; TinyVGG with the same hyperparameters has {expected}. There may be an extra layer (e.g. BatchNorm, a second Linear), `bias=False` or a wrong number of channels.",
    },
    # --- train_step / test_step ----------------------------------------------------------------
    "tinyvgg_step_return": {
        "tr": "`{name}` iki sayı döndürmeli: `(ortalama_kayıp, doğruluk)`, doğruluk 0 ile 1 arasında. Dönen: {got}.",
        "en": "`{name}` must return two numbers: `(mean_loss, accuracy)`, the accuracy between 0 and 1. Returned: {got}.",
    },
    "tinyvgg_step_no_forward": {
        "tr": "`{name}` modeli hiç çağırmadı: `for X, y in dataloader:` döngüsünde `y_pred = model(X)` ile ileri geçiş yapın.",
        "en": "`{name}` never called the model: do a forward pass `y_pred = model(X)` inside `for X, y in dataloader:`.",
    },
    "tinyvgg_train_mode": {
        "tr": "`train_step` ileri geçişi değerlendirme kipinde (eval mode) yaptı: fonksiyonun başında `model.train()` çağırın. (Bir önceki `test_step` modeli `eval()` kipinde bırakır; Dropout ve BatchNorm gibi katmanlar eğitimde başka davranır.)",
        "en": "`train_step` ran the forward pass in eval mode: call `model.train()` at the start of the function. (The previous `test_step` leaves the model in `eval()` mode; layers such as Dropout and BatchNorm behave differently while training.)",
    },
    "tinyvgg_zero_grad": {
        "tr": "Gradyanlar yığınlar arasında birikiyor: her yığında `loss.backward()`'tan önce `optimizer.zero_grad()` çağırın. PyTorch gradyanları varsayılan olarak toplar; sıfırlanmazsa her adım önceki yığınların gradyanlarını da kullanır.",
        "en": "Gradients accumulate across batches: call `optimizer.zero_grad()` before `loss.backward()` in every batch. PyTorch adds gradients up by default; without zeroing every step also uses the previous batches' gradients.",
    },
    "tinyvgg_loss_fn_ignored": {
        "tr": "`{name}` kendisine verilen `loss_fn`'i kullanmıyor (notlandırıcı başka ayarlı bir kayıp fonksiyonu verdi, sonuç varsayılan `nn.CrossEntropyLoss()` ile hesaplanmış gibi). Fonksiyonun içinde yeni bir kayıp fonksiyonu oluşturmayın; parametre olarak gelen `loss_fn`'i kullanın.",
        "en": "`{name}` does not use the `loss_fn` it was given (the grader passed a differently configured loss function, the result looks computed with a default `nn.CrossEntropyLoss()`). Don't create a new loss function inside; use the `loss_fn` parameter.",
    },
    "tinyvgg_no_update": {
        "tr": "`train_step` sonrasında modelin parametreleri hiç değişmedi. Her yığında sıra şöyle olmalı: `optimizer.zero_grad()` → `loss.backward()` → `optimizer.step()`. `loss.backward()` ya da `optimizer.step()` eksikse ya da `zero_grad()` `backward` ile `step` arasına konduysa (gradyanları siler) model öğrenmez. Parametre olarak gelen `optimizer`'ı kullanın.",
        "en": "The model's parameters did not change at all during `train_step`. In every batch the order must be `optimizer.zero_grad()` → `loss.backward()` → `optimizer.step()`. Without `loss.backward()` or `optimizer.step()`, or with `zero_grad()` between `backward` and `step` (it erases the gradients), the model learns nothing. Use the `optimizer` passed in.",
    },
    "tinyvgg_train_step_params": {
        "tr": "`train_step` sonrasında parametreler, her yığın için bir optimize edici (optimizer) adımının vereceği değerlerden farklı (notlandırıcı aynı yığınları modelin bir kopyasında tekrarladı). Her yığında sırayla: ileri geçiş, `loss = loss_fn(y_pred, y)`, `optimizer.zero_grad()`, `loss.backward()`, `optimizer.step()`; yığın başına tam bir kez, parametre olarak gelen `optimizer` ve `dataloader` ile.",
        "en": "After `train_step` the parameters differ from one optimizer step per batch (the grader repeated the same batches on a copy of the model). For every batch, in order: forward pass, `loss = loss_fn(y_pred, y)`, `optimizer.zero_grad()`, `loss.backward()`, `optimizer.step()`; exactly once per batch, with the `optimizer` and `dataloader` passed in.",
    },
    "tinyvgg_loss_mismatch": {
        "tr": "`{name}` fonksiyonunun döndürdüğü ortalama kayıp ({got:.4f}) notlandırıcının aynı yığınlarda ölçtüğü değerle ({expected:.4f}) uyuşmuyor. Her yığında `loss.item()` değerini toplayın (son yığınınkini değil, hepsini) ve döngüden sonra yığın sayısına bölün: `/ len(dataloader)`.",
        "en": "The mean loss returned by `{name}` ({got:.4f}) does not match what the grader measured on the same batches ({expected:.4f}). Add up `loss.item()` of every batch (all of them, not just the last) and divide by the number of batches after the loop: `/ len(dataloader)`.",
    },
    "tinyvgg_acc_mismatch": {
        "tr": "`{name}` fonksiyonunun döndürdüğü doğruluk ({got:.4f}) notlandırıcının aynı yığınlarda ölçtüğü değerle ({expected:.4f}) uyuşmuyor. Her yığında tahmin `y_pred.argmax(dim=1)`, yığın doğruluğu `(tahmin == y).sum().item() / len(y)`; toplayıp döngüden sonra `len(dataloader)`'a bölün.",
        "en": "The accuracy returned by `{name}` ({got:.4f}) does not match what the grader measured on the same batches ({expected:.4f}). In each batch the predictions are `y_pred.argmax(dim=1)` and the batch accuracy `(pred == y).sum().item() / len(y)`; add them up and divide by `len(dataloader)` after the loop.",
    },
    "tinyvgg_loss_not_averaged": {
        "tr": "`{name}` fonksiyonunun döndürdüğü kayıp ({got:.4f}) yığınların kayıplarının toplamı gibi görünüyor; ortalama olmalı ({expected:.4f}). Döngüden sonra yığın sayısına bölün: `/ len(dataloader)`.",
        "en": "The loss returned by `{name}` ({got:.4f}) looks like the sum of the batch losses; it must be their mean ({expected:.4f}). Divide by the number of batches after the loop: `/ len(dataloader)`.",
    },
    "tinyvgg_acc_not_averaged": {
        "tr": "`{name}` fonksiyonunun döndürdüğü doğruluk ({got:.4f}) yığınların doğruluklarının toplamı gibi görünüyor; ortalama olmalı ({expected:.4f}). Döngüden sonra yığın sayısına bölün: `/ len(dataloader)`.",
        "en": "The accuracy returned by `{name}` ({got:.4f}) looks like the sum of the batch accuracies; it must be their mean ({expected:.4f}). Divide by the number of batches after the loop: `/ len(dataloader)`.",
    },
    "tinyvgg_accuracy_percent": {
        "tr": "`{name}` doğruluğu yüzde olarak döndürüyor ({got:.2f}); burada, kursun `engine.py` dosyasındaki gibi, 0 ile 1 arasında bir kesir bekleniyor ({expected:.4f}). 100 ile çarpmayın: 0.955, %95.5 demektir.",
        "en": "`{name}` returns the accuracy as a percentage ({got:.2f}); as in the course's `engine.py`, a fraction between 0 and 1 is expected here ({expected:.4f}). Don't multiply by 100: 0.955 means 95.5%.",
    },
    "tinyvgg_step_swapped": {
        "tr": "`{name}` değerleri ters sırada döndürüyor: önce ortalama kayıp, sonra doğruluk: `return train_loss, train_acc`.",
        "en": "`{name}` returns the values in the wrong order: first the mean loss, then the accuracy: `return train_loss, train_acc`.",
    },
    "tinyvgg_eval_mode": {
        "tr": "`test_step` ileri geçişi eğitim kipinde (train mode) yaptı: fonksiyonun başında `model.eval()` çağırın. Dropout ve BatchNorm gibi katmanlar testte farklı davranmalı.",
        "en": "`test_step` ran the forward pass in train mode: call `model.eval()` at the start of the function. Layers such as Dropout and BatchNorm must behave differently when testing.",
    },
    "tinyvgg_grad_enabled": {
        "tr": "`test_step` ileri geçişte gradyan izliyor: döngüyü `with torch.inference_mode():` (ya da `with torch.no_grad():`) bloğunun içine alın. Testte gradyan gerekmez; izlemek bellek ve zaman harcar.",
        "en": "`test_step` tracks gradients during the forward pass: put the loop inside `with torch.inference_mode():` (or `with torch.no_grad():`). Testing needs no gradients; tracking them wastes memory and time.",
    },
    "tinyvgg_test_changed": {
        "tr": "`test_step` modelin parametrelerini değiştirdi ya da gradyan hesapladı: test adımında `loss.backward()`, `optimizer.zero_grad()` ve `optimizer.step()` olmamalı; yalnızca ölçüm yapılır.",
        "en": "`test_step` changed the model's parameters or computed gradients: a test step has no `loss.backward()`, `optimizer.zero_grad()` or `optimizer.step()`; it only measures.",
    },
    # --- train ---------------------------------------------------------------------------------
    "tinyvgg_train_signature": {
        "tr": "`train` şu adlarla çağrılabilmeli: `train(model, train_dataloader, test_dataloader, optimizer, loss_fn, epochs, device)`. Sorun: {error}",
        "en": "`train` must accept these names: `train(model, train_dataloader, test_dataloader, optimizer, loss_fn, epochs, device)`. Problem: {error}",
    },
    "tinyvgg_train_epochs": {
        "tr": "`train` modeli {got} epok eğitti, ama `epochs={expected}` istendi. Döngü `for epoch in range(epochs):` olmalı ve her epokta `train_step` bir kez çağrılmalı.",
        "en": "`train` trained the model for {got} epochs, but `epochs={expected}` was asked. The loop must be `for epoch in range(epochs):` with one `train_step` call per epoch.",
    },
    "tinyvgg_train_on_test": {
        "tr": "`train` modeli test verisiyle eğitiyor: `train_step`'e `train_dataloader`, `test_step`'e `test_dataloader` verilmeli. Test kümesi yalnızca ölçüm içindir.",
        "en": "`train` trains on the test data: pass `train_dataloader` to `train_step` and `test_dataloader` to `test_step`. The test set is only for measuring.",
    },
    "tinyvgg_train_replay": {
        "tr": "`train` sonunda modelin parametreleri, notlandırıcının aynı adımları tekrarlayarak bulduğundan farklı. Her epokta bir kez `train_step(model, train_dataloader, loss_fn, optimizer, device)` ve ardından `test_step(model, test_dataloader, loss_fn, device)` çağırın; parametre olarak gelen `optimizer`'ı kullanın, yenisini oluşturmayın.",
        "en": "After `train` the parameters differ from what the grader gets by repeating the same steps. Each epoch call `train_step(model, train_dataloader, loss_fn, optimizer, device)` once, then `test_step(model, test_dataloader, loss_fn, device)`; use the `optimizer` passed in, don't create a new one.",
    },
    "tinyvgg_history_values": {
        "tr": "`history['{history_key}']` = {got}, ama notlandırıcının ölçümü {expected}. Her epokta `train_step`'in döndürdüğü kayıp/doğruluğu `train_loss`/`train_acc` listelerine, `test_step`'inkileri `test_loss`/`test_acc` listelerine ekleyin (doğruluk 0–1 arası).",
        "en": "`history['{history_key}']` = {got}, but the grader measured {expected}. Every epoch append the loss/accuracy returned by `train_step` to `train_loss`/`train_acc` and those of `test_step` to `test_loss`/`test_acc` (accuracy between 0 and 1).",
    },
    # --- training ------------------------------------------------------------------------------
    "tinyvgg_model_type": {
        "tr": "`{name}` bir `TinyVGG` örneği olmalı: `{name} = TinyVGG(input_shape=1, hidden_units=10, output_shape=len(class_names)).to(device)`. Şu an tipi: `{got}`.",
        "en": "`{name}` must be a `TinyVGG` instance: `{name} = TinyVGG(input_shape=1, hidden_units=10, output_shape=len(class_names)).to(device)`. Its type now: `{got}`.",
    },
    "tinyvgg_training_low": {
        "tr": "Notlandırıcı `TinyVGG(input_shape=1, hidden_units={hidden_units}, output_shape=10)` modelinizi sizin `train_step`'inizle kendi verisinde {epochs} epok (Adam, lr={lr}, yığın boyutu 32) eğitti; görmediği test görüntülerinde doğruluk {acc:.3f}, en az {threshold:.2f} olmalı. `tinyvgg_model` ve `train_step` kontrollerinin geçtiğinden emin olun.",
        "en": "The grader trained your `TinyVGG(input_shape=1, hidden_units={hidden_units}, output_shape=10)` with your `train_step` on its own data for {epochs} epochs (Adam, lr={lr}, batch size 32); accuracy on held-out images is {acc:.3f}, it must be at least {threshold:.2f}. Make sure the `tinyvgg_model` and `train_step` checks pass.",
    },
    "tinyvgg_training_differs": {
        "tr": "Notlandırıcı, eğitilmiş `TinyVGG(input_shape=1, hidden_units={hidden_units}, output_shape=10)` modelinizi kendi kopyasında ölçer (test görüntüleri notlandırıcıda kalır): modelinizin katmanlarını ve ağırlıklarını kendi TinyVGG'sine yükler. Bu kopya modelinizin çıktılarını vermedi; modeliniz kursun mimarisine uymuyor: (Conv2d → ReLU → Conv2d → ReLU → MaxPool2d) × 2, Flatten, Linear. Önce `tinyvgg_model` kontrolünün geçmesini sağlayın.",
        "en": "The grader measures your trained `TinyVGG(input_shape=1, hidden_units={hidden_units}, output_shape=10)` on its own copy (the held-out images stay with the grader): it loads your model's layers and weights into its own TinyVGG. That copy did not give your model's outputs; your model does not follow the course's architecture: (Conv2d → ReLU → Conv2d → ReLU → MaxPool2d) × 2, Flatten, Linear. Make the `tinyvgg_model` check pass first.",
    },
    "tinyvgg_training_slow": {
        "tr": "{epochs} epok eğitim {seconds:.0f} sn sürdü, sınır {limit:.0f} sn. `train_step` içinde örnek örnek döngü, gereksiz kopyalama ya da her yığında yeni model/optimize edici oluşturma olabilir.",
        "en": "{epochs} epochs of training took {seconds:.0f} s, the limit is {limit:.0f} s. `train_step` may loop over single samples, copy data needlessly or build a new model/optimizer every batch.",
    },
    # --- hidden_units_sweep ----------------------------------------------------------------------
    "tinyvgg_sweep_not_dict": {
        "tr": "`{name}` bir sözlük (dict) olmalı: anahtar gizli birim sayısı (`hidden_units`), değer o değerle yapılan deneyin sonucu. Şu an tipi: `{got}`.",
        "en": "`{name}` must be a dict: the number of hidden units (`hidden_units`) as the key, the result of the run with that value as the value. Its type now: `{got}`.",
    },
    "tinyvgg_sweep_keys": {
        "tr": "`{name}` sözlüğünün anahtarları {got}, ama tam olarak `HIDDEN_UNITS_VALUES` içindeki tam sayılar olmalı: {expected}. Döngüde her `hidden_units` değerini (tam sayı olarak) anahtar yapın.",
        "en": "The keys of `{name}` are {got}, but they must be exactly the integers of `HIDDEN_UNITS_VALUES`: {expected}. Use each `hidden_units` value of the loop (as an integer) as a key.",
    },
    "tinyvgg_sweep_value_type": {
        "tr": "`sweep_results[{hidden_units}]` değeri bir doğruluk olmalı (0 ile 1 arasında bir sayı), ama değeri: {got}. `test_step`'in döndürdüğü ikinci değeri (doğruluğu) yazın.",
        "en": "`sweep_results[{hidden_units}]` must be an accuracy (a number between 0 and 1), but it is: {got}. Store the second value `test_step` returns (the accuracy).",
    },
    "tinyvgg_sweep_percent": {
        "tr": "`sweep_results[{hidden_units}]` = {got:.2f}: doğruluk yüzde gibi yazılmış. Bu not defterinde doğruluk 0 ile 1 arasında bir kesirdir; 100 ile çarpmayın.",
        "en": "`sweep_results[{hidden_units}]` = {got:.2f}: the accuracy looks like a percentage. In this notebook accuracy is a fraction between 0 and 1; don't multiply by 100.",
    },
    "tinyvgg_sweep_best_not_key": {
        "tr": "`best_hidden_units` ({got}) denenen değerlerden biri olmalı: {expected}. En yüksek test doğruluğunu veren `hidden_units` değerini seçin.",
        "en": "`best_hidden_units` ({got}) must be one of the values tried: {expected}. Pick the `hidden_units` value with the highest test accuracy.",
    },
    "tinyvgg_sweep_best_not_max": {
        "tr": "`best_hidden_units` = {best}, ama `sweep_results` içinde bu değerin doğruluğu ({acc:.3f}) en yüksek doğruluk ({top:.3f}) değil. Sözlükte en yüksek doğruluğu veren anahtarı seçin, ör. `max(sweep_results, key=sweep_results.get)`.",
        "en": "`best_hidden_units` = {best}, but in `sweep_results` its accuracy ({acc:.3f}) is not the highest ({top:.3f}). Pick the key with the highest accuracy, e.g. `max(sweep_results, key=sweep_results.get)`.",
    },
    "tinyvgg_sweep_model_type": {
        "tr": "`sweep_models[{hidden_units}]` eğitilmiş bir `TinyVGG` modeli olmalı, ama tipi `{got}`.",
        "en": "`sweep_models[{hidden_units}]` must be a trained `TinyVGG` model, but its type is `{got}`.",
    },
    "tinyvgg_sweep_model_differs": {
        "tr": "`sweep_models[{hidden_units}]`, `TinyVGG(input_shape=1, hidden_units={hidden_units}, output_shape=10)` gibi kurulmuş bir model değil (notlandırıcı modelin katmanlarını ve ağırlıklarını kendi TinyVGG'sine yükledi, ama aynı çıktıları alamadı). Her `hidden_units` değeri için o değerle YENİ bir model oluşturun ve sözlüğe o modeli koyun; hep aynı modeli kullanmayın.",
        "en": "`sweep_models[{hidden_units}]` is not a model built like `TinyVGG(input_shape=1, hidden_units={hidden_units}, output_shape=10)` (the grader loaded its layers and weights into its own TinyVGG but did not get the same outputs). For every `hidden_units` value build a NEW model with that value and put that model in the dict; don't reuse one model.",
    },
    "tinyvgg_sweep_value_mismatch": {
        "tr": "`sweep_results[{hidden_units}]` = {got:.3f}, ama notlandırıcı `sweep_models` sözlüğündeki aynı modeli `sweep_test_dataloader` görüntülerinde kendisi ölçünce {expected:.3f} buldu. Modeli eğittikten sonra `test_step(model, sweep_test_dataloader, ...)` ile ölçün ve onun döndürdüğü test doğruluğunu yazın (eğitim doğruluğunu ya da kaybı değil).",
        "en": "`sweep_results[{hidden_units}]` = {got:.3f}, but measuring the same model of `sweep_models` on the `sweep_test_dataloader` images itself, the grader found {expected:.3f}. After training, measure the model with `test_step(model, sweep_test_dataloader, ...)` and store the test accuracy it returns (not the training accuracy, not the loss).",
    },
    "tinyvgg_sweep_not_trained": {
        "tr": "Taramadaki en iyi model bile notlandırıcının ölçümünde yalnızca {acc:.3f} doğruluk aldı; en az {threshold:.2f} olmalı. Modeller eğitilmemiş gibi: her model için kendi parametreleriyle YENİ bir optimize edici (`torch.optim.Adam(model.parameters(), lr=0.003)`) kurup `train_step` ile `SWEEP_EPOCHS` epok eğitin.",
        "en": "Even the sweep's best model scored only {acc:.3f} by the grader's measurement; it needs at least {threshold:.2f}. The models look untrained: for each model build a NEW optimizer over its own parameters (`torch.optim.Adam(model.parameters(), lr=0.003)`) and train it for `SWEEP_EPOCHS` epochs with `train_step`.",
    },
    "tinyvgg_sweep_best_wrong": {
        "tr": "`best_hidden_units` = {best}, ama notlandırıcının kendi ölçümünde bu modelin doğruluğu {acc:.3f}, `hidden_units` = {other} olan modelinki {top:.3f}. En iyi değeri test doğruluğuna göre seçin.",
        "en": "`best_hidden_units` = {best}, but by the grader's own measurement that model scores {acc:.3f} and the one with `hidden_units` = {other} scores {top:.3f}. Choose the best value by test accuracy.",
    },
    # --- dataloaders ---------------------------------------------------------------------------
    "tinyvgg_not_dataloader": {
        "tr": "`{name}` bir `torch.utils.data.DataLoader` olmalı, ama `{got}` tipinde: `DataLoader(dataset, batch_size=32, shuffle=...)`.",
        "en": "`{name}` must be a `torch.utils.data.DataLoader`, but it is a `{got}`: `DataLoader(dataset, batch_size=32, shuffle=...)`.",
    },
    "tinyvgg_batch_size": {
        "tr": "`{name}` yığın boyutu (batch size) {got}, ama 32 olmalı: `batch_size=32`.",
        "en": "`{name}` has batch size {got}, it must be 32: `batch_size=32`.",
    },
    "tinyvgg_train_shuffle": {
        "tr": "`train_dataloader` veriyi karıştırmıyor: `shuffle=True` verin. Her epokta farklı sırayla gelen yığınlar modelin örneklerin sırasını ezberlemesini önler.",
        "en": "`train_dataloader` does not shuffle: pass `shuffle=True`. Batches in a new order every epoch keep the model from learning the order of the samples.",
    },
    "tinyvgg_test_shuffle": {
        "tr": "`test_dataloader` veriyi karıştırıyor: test kümesinde `shuffle=False` kullanın; ölçüm sırası sabit kalsın (ör. tahminleri etiketlerle eşleştirirken).",
        "en": "`test_dataloader` shuffles: use `shuffle=False` for the test set so the order stays fixed (e.g. when matching predictions with labels).",
    },
    "tinyvgg_loaders_swapped": {
        "tr": "`train_dataloader` {train} örnek, `test_dataloader` {test} örnek içeriyor: eğitim kümesi daha büyük olmalı. İki veri yükleyicinin (DataLoader) veri kümesini karıştırmış olabilirsiniz.",
        "en": "`train_dataloader` holds {train} samples and `test_dataloader` {test}: the training set should be the bigger one. The two data loaders' datasets may be swapped.",
    },
    "tinyvgg_batch_layout": {
        "tr": "`{name}` yığınındaki görüntülerin şekli {got}; PyTorch NCHW düzeni bekler: `[yığın, kanal, yükseklik, genişlik]` = {expected}. Kanalı sona koyan NHWC düzeni (`[32, 28, 28, 1]`, TensorFlow/matplotlib alışkanlığı) `nn.Conv2d` ile çalışmaz; görüntüleri `load_image_data`'nın verdiği gibi kullanın.",
        "en": "The images of a `{name}` batch have shape {got}; PyTorch expects NCHW: `[batch, channels, height, width]` = {expected}. NHWC with the channels last (`[32, 28, 28, 1]`, a TensorFlow/matplotlib habit) does not work with `nn.Conv2d`; use the images as `load_image_data` gives them.",
    },
    "tinyvgg_drop_last": {
        "tr": "`test_dataloader` son eksik yığını atıyor (`drop_last=True`): test kümesindeki her görüntü ölçülmeli.",
        "en": "`test_dataloader` drops the last incomplete batch (`drop_last=True`): every test image must be measured.",
    },
    # --- confusion_matrix ----------------------------------------------------------------------
    "tinyvgg_confusion_transposed": {
        "tr": "`confusion_matrix` satırları ve sütunları ters: satır i gerçek sınıf, sütun j tahmin edilen sınıf olmalı (`cm[y_true, y_pred] += 1`).",
        "en": "`confusion_matrix` has rows and columns swapped: row i is the true class, column j the predicted class (`cm[y_true, y_pred] += 1`).",
    },
    "tinyvgg_confusion_total": {
        "tr": "`confusion_matrix` içindeki sayıların toplamı {total:g}, ama {n} örnek var: her örnek tam bir kez sayılmalı (`cm[gerçek, tahmin] += 1`).",
        "en": "The counts of `confusion_matrix` add up to {total:g}, but there are {n} samples: every sample must be counted exactly once (`cm[true, pred] += 1`).",
    },
    "tinyvgg_confusion_wrong": {
        "tr": "`confusion_matrix` yanlış sayıyor: beklenen {expected}, dönen {got}. Karışıklık matrisinde (confusion matrix) `cm[i, j]`, gerçek sınıfı i olup j diye tahmin edilen örneklerin sayısıdır; köşegen doğru tahminlerdir. Sayımları oranlara çevirmeyin (normalleştirmeyin).",
        "en": "`confusion_matrix` counts wrongly: expected {expected}, got {got}. In a confusion matrix `cm[i, j]` is the number of samples of true class i predicted as j; the diagonal holds the correct predictions. Don't turn the counts into fractions (no normalizing).",
    },
    # --- save_load -----------------------------------------------------------------------------
    "tinyvgg_save_missing": {
        "tr": "`MODEL_SAVE_PATH` ({path}) dosyası yok: `torch.save(obj=model.state_dict(), f=MODEL_SAVE_PATH)` ile kaydedin.",
        "en": "The file `MODEL_SAVE_PATH` ({path}) does not exist: save with `torch.save(obj=model.state_dict(), f=MODEL_SAVE_PATH)`.",
    },
    "tinyvgg_save_not_state_dict": {
        "tr": "`MODEL_SAVE_PATH` dosyası bir `state_dict` (katman adı → ağırlık tensörü sözlüğü) içermiyor ({got}). Modelin tamamını değil, yalnızca öğrenilen parametreleri kaydedin: `torch.save(model.state_dict(), MODEL_SAVE_PATH)`.",
        "en": "The file at `MODEL_SAVE_PATH` does not hold a `state_dict` (layer name → weight tensor) ({got}). Save only the learned parameters, not the whole model: `torch.save(model.state_dict(), MODEL_SAVE_PATH)`.",
    },
    "tinyvgg_save_stale": {
        "tr": "Kaydedilen `state_dict` şu anki `model`'in katmanları ya da ağırlıklarıyla aynı değil: modeli eğittikten sonra kaydedin ve kaydettiğiniz modelin `model` olduğundan emin olun.",
        "en": "The saved `state_dict` does not match the layers or the current weights of `model`: save after training, and make sure the model you save is `model`.",
    },
    "tinyvgg_loaded_same": {
        "tr": "`loaded_model`, `model`'in kendisi (aynı nesne). Yeni bir örnek oluşturup ağırlıkları dosyadan yükleyin: `loaded_model = TinyVGG(...)`, `loaded_model.load_state_dict(torch.load(MODEL_SAVE_PATH))`.",
        "en": "`loaded_model` is `model` itself (the same object). Build a new instance and load the weights from the file: `loaded_model = TinyVGG(...)`, `loaded_model.load_state_dict(torch.load(MODEL_SAVE_PATH))`.",
    },
    "tinyvgg_loaded_differs": {
        "tr": "`loaded_model` ile `model` aynı görüntülerde farklı tahmin ediyor (logitler arasındaki en büyük fark {diff:.2e}). `loaded_model`'i `model` ile aynı hiperparametrelerle oluşturup `load_state_dict(torch.load(MODEL_SAVE_PATH))` ile yükleyin.",
        "en": "`loaded_model` and `model` predict differently on the same images (largest logit difference {diff:.2e}). Build `loaded_model` with the same hyperparameters as `model` and load it with `load_state_dict(torch.load(MODEL_SAVE_PATH))`.",
    },
})
