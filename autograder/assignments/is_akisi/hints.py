"""Progressive hints for ``ipucu("<cell>")`` in the 01_is_akisi notebook: each call shows the next one; never the solution."""

HINTS: dict[str, list[dict[str, str]]] = {
    "data": [
        {"tr": "1. bölüm: önce bilinen ağırlık ve yanlılıkla bir doğru üretin, sonra onu eğitim ve test "
               "kümesine ayırın. Alıştırmadaki dört adımı sırayla izleyin.",
         "en": "Section 1: first build a line from a known weight and bias, then split it into a training "
               "and a test set. Follow the four steps of the exercise in order."},
        {"tr": "`torch.arange` 0 ile 1 arasında 0.02 adımla 50 değer verir (1 dahil değil); `unsqueeze` "
               "ile ikinci bir boyut ekleyip şekli `[50, 1]` yapın. `y` doğrusal regresyon formülüyle "
               "hesaplanır ve aynı şekilde olur.",
         "en": "`torch.arange` gives 50 values from 0 to 1 in steps of 0.02 (1 excluded); add a second "
               "dimension with `unsqueeze` to get the shape `[50, 1]`. `y` comes from the linear "
               "regression formula and has the same shape."},
        {"tr": "Ayırmayı karıştırmadan, dilimleme (slicing) ile yapın: eğitim kümesi ilk 40 satır, test "
               "kümesi son 10 satır. `train_split` bir tam sayı olmalı (`int`), çünkü dilim indeksi "
               "ondalıklı olamaz.",
         "en": "Split without shuffling, by slicing: the training set is the first 40 rows, the test set "
               "the last 10. `train_split` must be an integer (`int`), since a slice index cannot be a "
               "decimal."},
    ],
    "linear_regression_model": [
        {"tr": "2. bölüm: her model `nn.Module`'den türeyen bir sınıftır; `__init__` parametreleri, "
               "`forward` hesabı tanımlar.",
         "en": "Section 2: every model is a class derived from `nn.Module`; `__init__` defines the "
               "parameters, `forward` the computation."},
        {"tr": "Ağırlığı ve yanlılığı `nn.Parameter` ile sarın (şekli `[1]` olan rastgele bir tensör, "
               "`torch.randn`). Sıradan bir tensör `model.parameters()` içinde görünmez ve optimize edici "
               "onu güncelleyemez.",
         "en": "Wrap the weight and the bias in `nn.Parameter` (a random tensor of shape `[1]`, "
               "`torch.randn`). A plain tensor does not show up in `model.parameters()` and the optimizer "
               "cannot update it."},
        {"tr": "`__init__` içinde önce `super().__init__` çağrısını yapın; adlar tam olarak `self.weights` "
               "ve `self.bias` olmalı. `forward` doğrusal regresyon formülünü (ağırlık çarpı girdi, artı "
               "yanlılık) döndürmeli; notlandırıcı modelin kendi ürettiği başka bir doğruyu "
               "öğrenebildiğine de bakar.",
         "en": "In `__init__`, call `super().__init__` first; the names must be exactly `self.weights` and "
               "`self.bias`. `forward` must return the linear regression formula (weight times input, plus "
               "bias); the grader also checks that the model can learn another line it makes up."},
    ],
    "loss_and_optimizer": [
        {"tr": "3. bölüm: kayıp fonksiyonu tahminin ne kadar yanlış olduğunu ölçer, optimize edici "
               "parametreleri bu kayba göre günceller. Burada ortalama mutlak hata (MAE) ve stokastik "
               "gradyan inişi (SGD) kullanılıyor.",
         "en": "Section 3: the loss function measures how wrong the prediction is, the optimizer updates "
               "the parameters from that loss. Here they are the mean absolute error (MAE) and stochastic "
               "gradient descent (SGD)."},
        {"tr": "Kayıp fonksiyonu için `nn.L1Loss` (`nn.MSELoss` değil), optimize edici için "
               "`torch.optim.SGD` kullanın; öğrenme oranı `lr=0.01`.",
         "en": "Use `nn.L1Loss` for the loss function (not `nn.MSELoss`) and `torch.optim.SGD` for the "
               "optimizer; the learning rate is `lr=0.01`."},
        {"tr": "Tohumu modeli oluşturmadan hemen önce kurun. Optimize ediciye `model_0` modelinin "
               "`parameters()` çıktısını verin; başka ya da yeni oluşturulmuş bir modelin parametrelerini "
               "verirseniz `model_0` hiç öğrenmez.",
         "en": "Set the seed right before creating the model. Give the optimizer the `parameters()` of "
               "`model_0`; with the parameters of another (or a freshly created) model, `model_0` never "
               "learns."},
    ],
    "train_and_test": [
        {"tr": "3. bölümdeki “Eğitim ve test döngüsü” listesi bu fonksiyonun iskeletidir: her epokta önce "
               "eğitimin altı adımı, sonra testin iki adımı.",
         "en": "The “training and test loop” list of section 3 is the skeleton of this function: every "
               "epoch, first the six training steps, then the two test steps."},
        {"tr": "Eğitim adımlarının sırası önemli: `model.train()`, ileri geçiş, kayıp, "
               "`optimizer.zero_grad`, `loss.backward`, `optimizer.step`. Test için `model.eval()` ile "
               "değerlendirmeye geçin ve ileri geçişi `torch.inference_mode()` bloğunun içinde yapın.",
         "en": "The order of the training steps matters: `model.train()`, forward pass, loss, "
               "`optimizer.zero_grad`, `loss.backward`, `optimizer.step`. For testing, switch to "
               "evaluation with `model.eval()` and run the forward pass inside a `torch.inference_mode()` "
               "block."},
        {"tr": "Sık hatalar: `model.train()` çağrısını döngünün dışına koymak (`model.eval()` etkisi "
               "sonraki epoğa taşınır), `zero_grad` çağrısını `backward` ile `step` arasına koymak ve "
               "fonksiyonun içinde yeni bir optimize edici oluşturmak. Her epokta iki kaybı `.item()` ile "
               "sayıya çevirip `train_loss` ve `test_loss` listelerine ekleyin ve sözlüğü döndürün.",
         "en": "Common mistakes: putting the `model.train()` call outside the loop (the effect of "
               "`model.eval()` carries over into the next epoch), putting `zero_grad` between `backward` "
               "and `step`, and creating a new optimizer inside the function. Every epoch, turn both "
               "losses into numbers with `.item()`, append them to the `train_loss` and `test_loss` lists "
               "and return the dict."},
    ],
    "save_load": [
        {"tr": "5. bölüm: önerilen yol modelin kendisini değil, yalnızca `state_dict()` sözlüğünü "
               "kaydetmektir.",
         "en": "Section 5: the recommended way is to save only the `state_dict()` dictionary, not the "
               "model itself."},
        {"tr": "`save_model` içinde `torch.save` ile modelin `state_dict()` sözlüğünü `path` dosyasına "
               "yazın. `load_model` içinde önce verilen sınıftan yeni bir model oluşturun, sonra "
               "`torch.load` ile okunan sözlüğü `load_state_dict` ile içine yükleyin.",
         "en": "In `save_model`, write the model's `state_dict()` to the file `path` with `torch.save`. In "
               "`load_model`, first create a new model from the class you were given, then load the "
               "dictionary read with `torch.load` into it with `load_state_dict`."},
        {"tr": "Sınıfı sabit yazmayın: notlandırıcı başka bir sınıfla da dener, bu yüzden modeli "
               "`model_class` argümanını çağırarak oluşturun. `load_state_dict` modeli değil bir rapor "
               "döndürür; fonksiyonun sonunda modelin kendisini döndürün.",
         "en": "Don't hard-code the class: the grader tries another class too, so create the model by "
               "calling the `model_class` argument. `load_state_dict` returns a report, not the model; "
               "return the model itself at the end of the function."},
    ],
    "linear_regression_model_v2": [
        {"tr": "6. bölüm: `nn.Linear` ağırlığı ve yanlılığı kendisi oluşturur; elle `nn.Parameter` "
               "tanımlamanıza gerek yok.",
         "en": "Section 6: `nn.Linear` creates the weight and the bias itself; you don't need to define "
               "any `nn.Parameter` by hand."},
        {"tr": "`__init__` içinde `self.linear_layer` adıyla tek bir `nn.Linear` katmanı oluşturun: bir "
               "girdi özniteliği, bir çıktı (`in_features` ve `out_features`).",
         "en": "In `__init__`, create a single `nn.Linear` layer named `self.linear_layer`: one input "
               "feature, one output (`in_features` and `out_features`)."},
        {"tr": "`forward` yalnızca bu katmanı girdiye uygulamalı; aktivasyon fonksiyonu ya da başka bir "
               "işlem eklemeyin. Girdi `[N, 1]` ise çıktı da `[N, 1]` olmalı; `super().__init__` çağrısını "
               "unutmayın.",
         "en": "`forward` should only apply this layer to the input; add no activation function or other "
               "operation. An input of `[N, 1]` must give an output of `[N, 1]`; don't forget to call "
               "`super().__init__`."},
    ],
    "model_1": [
        {"tr": "Bu alıştırma bütün iş akışını bir araya getiriyor: model, kayıp fonksiyonu, optimize edici "
               "ve Alıştırma 4'teki `train_and_test`, hepsi `device` üzerinde.",
         "en": "This exercise puts the whole workflow together: the model, the loss function, the "
               "optimizer and `train_and_test` from exercise 4, all on `device`."},
        {"tr": "Modeli oluşturduktan sonra `.to(device)` ile taşıyın; `train_and_test` fonksiyonuna "
               "verdiğiniz dört veri tensörünü de aynı cihaza taşıyın. Kayıp fonksiyonu `nn.L1Loss`, "
               "optimize edici `lr=0.01` ile `torch.optim.SGD`.",
         "en": "After creating the model, move it with `.to(device)`; move the four data tensors you pass "
               "to `train_and_test` to the same device. The loss function is `nn.L1Loss`, the optimizer "
               "`torch.optim.SGD` with `lr=0.01`."},
        {"tr": "Notlandırıcı doğrunun yeni noktalarında ortalama mutlak hatanın küçük olmasını ister; 200 "
               "epok yetmez, `epochs=1000` verin. Optimize ediciye `model_0` değil `model_1` modelinin "
               "parametrelerini verin ve tohumu modeli oluşturmadan önce kurun.",
         "en": "The grader wants a small mean absolute error on new points of the line; 200 epochs are not "
               "enough, pass `epochs=1000`. Give the optimizer the parameters of `model_1`, not of "
               "`model_0`, and set the seed before creating the model."},
    ],
}
