"""Messages of 01_is_akisi (Turkish and English) and its error hint."""

from autograder.checks import register_error_hint
from autograder.messages import register

register({
    "wf_x_not_column": {
        "tr": "`X` şekli `{expected}` olmalı, ama `{got}`: her örnek tek öznitelikli bir satır olmalı. "
              "`torch.arange(start, end, step).unsqueeze(dim=1)` ile bir boyut ekleyin.",
        "en": "`X` should have shape `{expected}`, but it has `{got}`: each sample must be a row with one "
              "feature. Add a dimension with `torch.arange(start, end, step).unsqueeze(dim=1)`.",
    },
    "wf_x_values": {
        "tr": "`X` değerleri beklenenden farklı: `torch.arange(start=0, end=1, step=0.02)` kullanın "
              "(`end` dahil değildir, 50 değer).",
        "en": "`X` has unexpected values: use `torch.arange(start=0, end=1, step=0.02)` (`end` is excluded, "
              "50 values).",
    },
    "wf_line_params": {
        "tr": "`weight` 0.7 ve `bias` 0.3 olmalı, ama `weight={weight}`, `bias={bias}`.",
        "en": "`weight` must be 0.7 and `bias` 0.3, but `weight={weight}`, `bias={bias}`.",
    },
    "wf_y_not_line": {
        "tr": "`y` doğru formülüyle üretilmemiş: `y = weight * X + bias` olmalı (doğrusal regresyon formülü).",
        "en": "`y` was not made with the line formula: it must be `y = weight * X + bias` (the linear "
              "regression formula).",
    },
    "wf_split_shuffled": {
        "tr": "`{name}` doğru değerleri içeriyor ama sırası karışık. Bu veride ayırma **sırayla** yapılır: "
              "`train_split = int(0.8 * len(X))`, `X_train = X[:train_split]`, `X_test = X[train_split:]` "
              "(karıştırmadan; test kümesi doğrunun en sağındaki noktalar olsun).",
        "en": "`{name}` holds the right values but in a shuffled order. Here the split is **in order**: "
              "`train_split = int(0.8 * len(X))`, `X_train = X[:train_split]`, `X_test = X[train_split:]` "
              "(no shuffling; the test set is the right end of the line).",
    },
    "wf_split_wrong": {
        "tr": "`{name}` beklenenden farklı: ilk %80 eğitim, son %20 test olmalı: `train_split = int(0.8 * len(X))`, "
              "`X_train, y_train = X[:train_split], y[:train_split]`, `X_test, y_test = X[train_split:], "
              "y[train_split:]`.",
        "en": "`{name}` is not as expected: the first 80% is for training, the last 20% for testing: "
              "`train_split = int(0.8 * len(X))`, `X_train, y_train = X[:train_split], y[:train_split]`, "
              "`X_test, y_test = X[train_split:], y[train_split:]`.",
    },
    "wf_parameter_count": {
        "tr": "`{name}` içinde {expected} öğrenilebilir parametre tensörü olmalı ({what}), ama `model.parameters()` "
              "{got} tane veriyor. Ağırlığı ve yanlılığı (bias) `nn.Parameter(torch.randn(1))` ile sarın; "
              "sıradan bir tensör `model.parameters()`'ta görünmez ve optimize edici onu güncelleyemez.",
        "en": "`{name}` must hold {expected} learnable parameter tensors ({what_en}), but `model.parameters()` yields "
              "{got}. Wrap the weight and the bias in `nn.Parameter(torch.randn(1))`; a plain tensor does not "
              "show up in `model.parameters()` and the optimizer cannot update it.",
    },
    "wf_no_grad_param": {
        "tr": "`{name}` parametrelerinden biri `requires_grad=False`: gradyan hesaplanamaz, model öğrenemez. "
              "`nn.Parameter(..., requires_grad=True)` kullanın (varsayılan zaten budur).",
        "en": "One of the parameters of `{name}` has `requires_grad=False`: no gradient, no learning. Use "
              "`nn.Parameter(..., requires_grad=True)` (the default).",
    },
    "wf_forward_not_line": {
        "tr": "`{name}.forward` doğrusal regresyon formülünü uygulamıyor: `return self.weights * x + self.bias` "
              "bekleniyor (ağırlık {weight} ve yanlılık {bias} iken x={x} için {expected} beklendi, {got} döndü).",
        "en": "`{name}.forward` does not apply the linear regression formula: `return self.weights * x + "
              "self.bias` is expected (with weight {weight} and bias {bias}, x={x} should give {expected}, got "
              "{got}).",
    },
    "wf_v2_not_line": {
        "tr": "`LinearRegressionModelV2` düz bir doğru çizmiyor: `forward` yalnızca `self.linear_layer(x)` "
              "döndürmeli (aktivasyon fonksiyonu ya da başka bir işlem eklemeyin).",
        "en": "`LinearRegressionModelV2` does not draw a straight line: `forward` should only return "
              "`self.linear_layer(x)` (no activation function or other operation).",
    },
    "wf_not_learned": {
        "tr": "Model doğruyu öğrenemedi: gerçek ağırlık {weight:.3f} ve yanlılık {bias:.3f}, öğrenilen {got_weight:.3f} "
              "ve {got_bias:.3f} (tolerans {tol}). {advice}",
        "en": "The model did not learn the line: true weight {weight:.3f} and bias {bias:.3f}, learned "
              "{got_weight:.3f} and {got_bias:.3f} (tolerance {tol}). {advice}",
    },
    "wf_no_linear": {
        "tr": "`LinearRegressionModelV2` içinde bir `nn.Linear` katmanı yok: parametreleri elle tanımlamak yerine "
              "`self.linear_layer = nn.Linear(in_features=1, out_features=1)` kullanın.",
        "en": "`LinearRegressionModelV2` has no `nn.Linear` layer: instead of defining the parameters by hand, "
              "use `self.linear_layer = nn.Linear(in_features=1, out_features=1)`.",
    },
    "wf_loss_is_mse": {
        "tr": "`loss_fn` ortalama kare hatası (MSE) hesaplıyor; bu bölümde ortalama mutlak hata (MAE) kullanıyoruz: "
              "`loss_fn = nn.L1Loss()`.",
        "en": "`loss_fn` computes the mean squared error (MSE); this section uses the mean absolute error (MAE): "
              "`loss_fn = nn.L1Loss()`.",
    },
    "wf_loss_not_l1": {
        "tr": "`loss_fn` ortalama mutlak hatayı vermiyor (beklenen {expected:.4f}, dönen {got}): "
              "`loss_fn = nn.L1Loss()` kullanın.",
        "en": "`loss_fn` does not give the mean absolute error (expected {expected:.4f}, got {got}): use "
              "`loss_fn = nn.L1Loss()`.",
    },
    "wf_optimizer_not_sgd": {
        "tr": "`optimizer` bir `torch.optim.SGD` olmalı (bu bölümün optimize edicisi), ama `{got}`.",
        "en": "`optimizer` must be a `torch.optim.SGD` (this section's optimizer), but it is `{got}`.",
    },
    "wf_optimizer_params": {
        "tr": "`optimizer` `model_0`'ın parametrelerini güncellemiyor: `torch.optim.SGD(params=model_0.parameters(), "
              "lr=0.01)` yazın. Başka bir modelin (ya da yeni oluşturulmuş bir modelin) parametrelerini verirseniz "
              "`model_0` hiç öğrenmez.",
        "en": "`optimizer` does not update the parameters of `model_0`: write `torch.optim.SGD(params="
              "model_0.parameters(), lr=0.01)`. With another (or a freshly created) model's parameters, `model_0` "
              "never learns.",
    },
    "wf_lr": {
        "tr": "Öğrenme oranı (learning rate) {lr}: bu problem için 0.001 ile 0.1 arasında olmalı (önerilen 0.01).",
        "en": "The learning rate is {lr}: for this problem it should be between 0.001 and 0.1 (0.01 suggested).",
    },
    "wf_train_mode": {
        "tr": "Eğitim adımı değerlendirme kipinde (eval) çalıştı: her epoğun başında `model.train()` çağırın "
              "(test ölçümünden sonra model değerlendirme kipinde kalır).",
        "en": "The training step ran in evaluation mode: call `model.train()` at the start of every epoch (after "
              "the test pass the model stays in `eval` mode).",
    },
    "wf_eval_mode": {
        "tr": "Test kümesindeki ileri geçiş eğitim kipinde çalıştı: test ölçümünden önce `model.eval()` çağırın.",
        "en": "The forward pass on the test set ran in training mode: call `model.eval()` before the test pass.",
    },
    "wf_test_grad": {
        "tr": "Test kümesindeki ileri geçiş gradyan takibi açıkken çalıştı: test ölçümünü "
              "`with torch.inference_mode():` bloğunun içine alın (gradyan gerekmez, daha hızlıdır).",
        "en": "The forward pass on the test set ran with gradient tracking on: put the test pass inside "
              "`with torch.inference_mode():` (no gradients needed, and it is faster).",
    },
    "wf_no_test_pass": {
        "tr": "`train_and_test` test verisinde hiç ileri geçiş yapmadı: her epokta test kaybını da hesaplayın.",
        "en": "`train_and_test` never ran the model on the test data: compute the test loss every epoch too.",
    },
    "wf_zero_grad": {
        "tr": "Gradyanlar epoklar arasında birikiyor: `optimizer.step()` anında gradyan bu epoğun gradyanından "
              "farklı. Her epokta `loss.backward()`'dan önce `optimizer.zero_grad()` çağırın.",
        "en": "The gradients pile up across epochs: at `optimizer.step()` the gradient differs from this epoch's "
              "gradient. Call `optimizer.zero_grad()` before `loss.backward()` every epoch.",
    },
    "wf_zero_grad_order": {
        "tr": "`optimizer.step()` çağrıldığında gradyanlar sıfırlanmış durumda: `optimizer.zero_grad()` "
              "`loss.backward()` ile `optimizer.step()` arasında olmamalı. Sıra: `zero_grad()` → `backward()` → "
              "`step()`.",
        "en": "The gradients were already cleared when `optimizer.step()` ran: `optimizer.zero_grad()` must not sit "
              "between `loss.backward()` and `optimizer.step()`. The order is `zero_grad()` → `backward()` → "
              "`step()`.",
    },
    "wf_given_optimizer": {
        "tr": "`train_and_test` kendisine verilen `optimizer`'ı kullanmadı ({steps} `step()` çağrısı, {epochs} "
              "epok). Fonksiyonun içinde yeni bir optimize edici oluşturmayın; parametre olarak geleni kullanın.",
        "en": "`train_and_test` did not use the `optimizer` it was given ({steps} `step()` calls, {epochs} "
              "epochs). Don't create a new optimizer inside the function; use the one passed in.",
    },
    "wf_test_loss_mismatch": {
        "tr": "`train_and_test`'in son `test_loss` değeri ({got:.4f}) notlandırıcının aynı modelde ölçtüğü test "
              "kaybıyla ({expected:.4f}) uyuşmuyor: test kaybını her epokta, eğitim adımından **sonra**, test "
              "verisinde `loss_fn(test_pred, y_test)` ile hesaplayın.",
        "en": "The last `test_loss` of `train_and_test` ({got:.4f}) does not match the test loss the grader "
              "measured on the same model ({expected:.4f}): compute the test loss every epoch, **after** the "
              "training step, on the test data with `loss_fn(test_pred, y_test)`.",
    },
    "wf_not_saved": {
        "tr": "`save_model(model, path)` çağrıldıktan sonra `{path}` dosyası yok: `torch.save(obj=model.state_dict(), "
              "f=path)` kullanın.",
        "en": "After `save_model(model, path)` there is no file `{path}`: use `torch.save(obj=model.state_dict(), "
              "f=path)`.",
    },
    "wf_saved_whole_model": {
        "tr": "`save_model` modelin kendisini kaydetmiş (`torch.save(model, path)`). Önerilen yol yalnızca "
              "parametreleri kaydetmektir: `torch.save(obj=model.state_dict(), f=path)`. Bütün modeli kaydetmek "
              "dosyayı sınıfın tanımına ve klasör yapısına bağlar, kolayca bozulur.",
        "en": "`save_model` saved the model object itself (`torch.save(model, path)`). The recommended way is to "
              "save only the parameters: `torch.save(obj=model.state_dict(), f=path)`. Saving the whole model "
              "ties the file to the class definition and folder layout and breaks easily.",
    },
    "wf_saved_wrong": {
        "tr": "Kaydedilen dosya modelin `state_dict()`'i değil (içinde `{got}` var, anahtarlar {keys} bekleniyordu): "
              "`torch.save(obj=model.state_dict(), f=path)` kullanın.",
        "en": "The saved file is not the model's `state_dict()` (it holds `{got}`, the keys {keys} were expected): "
              "use `torch.save(obj=model.state_dict(), f=path)`.",
    },
    "wf_load_not_model": {
        "tr": "`load_model(model_class, path)` bir `{cls}` örneği döndürmeli, ama `{got}` döndü. Yeni bir model "
              "oluşturun (`model = model_class()`), `model.load_state_dict(torch.load(f=path))` ile parametreleri "
              "yükleyin ve modeli döndürün.",
        "en": "`load_model(model_class, path)` must return a `{cls}` instance, but it returned `{got}`. Create a "
              "new model (`model = model_class()`), load the parameters with `model.load_state_dict(torch.load("
              "f=path))` and return the model.",
    },
    "wf_load_same_model": {
        "tr": "`load_model(model_class, path)` kendisine kaydettirilen modelin aynısını döndürdü (aynı nesne). "
              "Yeni bir model oluşturun (`model = model_class()`), parametreleri dosyadan "
              "`model.load_state_dict(torch.load(f=path))` ile yükleyin ve bu yeni modeli döndürün.",
        "en": "`load_model(model_class, path)` returned the very model that was saved (the same object). Create a "
              "new model (`model = model_class()`), load the parameters from the file with "
              "`model.load_state_dict(torch.load(f=path))` and return this new model.",
    },
    "wf_not_loaded": {
        "tr": "Yüklenen model kaydedilenle aynı tahminleri vermiyor: parametreler yüklenmemiş. Yeni modeli "
              "oluşturduktan sonra `model.load_state_dict(torch.load(f=path))` çağırın.",
        "en": "The loaded model does not give the same predictions as the saved one: the parameters were not "
              "loaded. After creating the new model, call `model.load_state_dict(torch.load(f=path))`.",
    },
    "wf_model_1_off": {
        "tr": "`model_1` doğruyu yeterince iyi öğrenmemiş: notlandırıcının doğru üzerindeki (ağırlık 0.7, "
              "yanlılık 0.3) yeni noktalarında ortalama mutlak hata {error:.4f}, en fazla {tol} olmalı. "
              "`model_1`'i `nn.L1Loss` ve `torch.optim.SGD(lr=0.01)` ile en az 1000 epok eğitin.",
        "en": "`model_1` did not learn the line well enough: on the grader's new points of the line (weight 0.7, "
              "bias 0.3) its mean absolute error is {error:.4f}, it should be at most {tol}. Train `model_1` with "
              "`nn.L1Loss` and `torch.optim.SGD(lr=0.01)` for at least 1000 epochs.",
    },
    "wf_hint_state_dict": {
        "tr": "İpucu: dosyadaki `state_dict` yeni modelin parametreleriyle uyuşmuyor (anahtarlar ya da şekiller "
              "farklı). `load_model` içinde modeli parametre olarak gelen sınıfla oluşturun (`model = model_class()`; "
              "sınıfı sabit yazmayın), sonra dosyadan okunan sözlüğü o modele yükleyin: "
              "`model.load_state_dict(torch.load(f=path))`.",
        "en": "Hint: the `state_dict` in the file does not fit the new model's parameters (other keys or shapes). "
              "Inside `load_model` build the model from the class you were given (`model = model_class()`; don't "
              "hard-code the class), then load the dictionary read from the file into that model: "
              "`model.load_state_dict(torch.load(f=path))`.",
    },
})

register_error_hint("Error(s) in loading state_dict", "wf_hint_state_dict")
