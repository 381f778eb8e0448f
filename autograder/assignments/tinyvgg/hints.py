"""Progressive hints for ``ipucu("<cell>")`` in the 04_tinyvgg notebook: each call shows the next one; never the solution."""

HINTS: dict[str, list[dict[str, str]]] = {
    "dataloaders": [
        {"tr": "2. bölüm: `DataLoader` bir veri kümesini yineleyebileceğiniz yığınlara çevirir; eğitim ve "
               "test kümesi için birer tane gerekir.",
         "en": "Section 2: a `DataLoader` turns a dataset into batches you can iterate over; you need one "
               "for the training set and one for the test set."},
        {"tr": "İkisinde de `batch_size=BATCH_SIZE` (32) kullanın; aralarındaki tek fark `shuffle` "
               "argümanı.",
         "en": "Use `batch_size=BATCH_SIZE` (32) in both; the only difference between them is the "
               "`shuffle` argument."},
        {"tr": "Eğitim yükleyicisi karıştırmalı (her epokta farklı sıra), test yükleyicisi karıştırmamalı "
               "(ölçüm sırası sabit). `train_data` ile `test_data` yerlerini karıştırmayın ve `drop_last` "
               "vermeyin: gizli testler test kümesindeki her görüntünün ölçüldüğüne bakar.",
         "en": "The training loader must shuffle (a different order every epoch), the test loader must not "
               "(a fixed order for measuring). Don't swap `train_data` and `test_data`, and don't pass "
               "`drop_last`: the hidden tests check that every test image is measured."},
    ],
    "tinyvgg_model": [
        {"tr": "4. bölümdeki tablo modelin katman katman tarifidir: iki evrişim bloğu ve bir "
               "sınıflandırıcı. Her satırdaki çıktı şeklini izleyin.",
         "en": "The table of section 4 is the layer-by-layer recipe of the model: two convolution blocks "
               "and a classifier. Follow the output shape on each row."},
        {"tr": "Her blok: `nn.Conv2d` (3×3, `padding=1`, `stride=1`), `nn.ReLU`, yine `nn.Conv2d` ve "
               "`nn.ReLU`, sonra `nn.MaxPool2d(kernel_size=2)`. İlk evrişim `input_shape` kanal alır, "
               "diğer bütün evrişimler `hidden_units` kanal alıp verir; sınıflandırıcı `nn.Flatten` ve tek "
               "bir `nn.Linear`.",
         "en": "Each block: `nn.Conv2d` (3×3, `padding=1`, `stride=1`), `nn.ReLU`, again `nn.Conv2d` and "
               "`nn.ReLU`, then `nn.MaxPool2d(kernel_size=2)`. The first convolution takes `input_shape` "
               "channels, all the others take and give `hidden_units` channels; the classifier is "
               "`nn.Flatten` and a single `nn.Linear`."},
        {"tr": "Sık hata `nn.Linear` katmanının `in_features` değeridir: iki havuzlama 28 → 14 → 7 yaptığı "
               "için `Flatten` sonrası her görüntü `hidden_units` × 7 × 7 sayıdır; emin değilseniz "
               "`forward` içinde `print(x.shape)` ile bakın. Sayıları sabit yazmayın (notlandırıcı başka "
               "`input_shape`, `hidden_units` ve `output_shape` değerleriyle kurar) ve son katmandan sonra "
               "ReLU ya da softmax koymayın.",
         "en": "The usual mistake is the `in_features` of the `nn.Linear` layer: the two poolings go 28 → "
               "14 → 7, so after `Flatten` each image is `hidden_units` × 7 × 7 numbers; if unsure, look "
               "with `print(x.shape)` inside `forward`. Don't hard-code numbers (the grader builds the "
               "model with other `input_shape`, `hidden_units` and `output_shape` values) and put no ReLU "
               "or softmax after the last layer."},
    ],
    "train_step": [
        {"tr": "5. bölüm: `train_step` bir epok boyunca bütün yığınların üzerinden geçer, her yığında "
               "01–03'teki eğitim adımlarını yapar ve ortalama kayıp ile doğruluğu döndürür.",
         "en": "Section 5: `train_step` goes over all batches for one epoch, does the training steps of "
               "01–03 on each batch and returns the mean loss and accuracy."},
        {"tr": "Döngüden önce `model.train()`; her yığında `X` ve `y` tensörlerini `device`'a taşıyın, "
               "sonra ileri geçiş, kayıp, `optimizer.zero_grad`, `loss.backward`, `optimizer.step`. "
               "Parametre olarak gelen `loss_fn` ve `optimizer` dışında yenisini oluşturmayın.",
         "en": "Call `model.train()` before the loop; on each batch move `X` and `y` to `device`, then "
               "forward pass, loss, `optimizer.zero_grad`, `loss.backward`, `optimizer.step`. Don't create "
               "a new `loss_fn` or `optimizer`; use the ones passed in."},
        {"tr": "Her yığının `loss.item()` değerini ve yığın doğruluğunu (`argmax(dim=1)` ile bulunan "
               "tahminlerin etiketlere eşit olma oranı) toplayın; döngüden sonra ikisini de "
               "`len(dataloader)` ile bölün. Doğruluk 0–1 arası bir oran olmalı (yüzde değil) ve dönüş "
               "sırası önce kayıp, sonra doğruluk.",
         "en": "Add up each batch's `loss.item()` and its accuracy (the fraction of predictions from "
               "`argmax(dim=1)` that equal the labels); after the loop divide both by `len(dataloader)`. "
               "The accuracy must be a fraction between 0 and 1 (not a percentage), and the order is the "
               "loss first, then the accuracy."},
    ],
    "test_step": [
        {"tr": "`test_step`, `train_step` ile aynı ölçümleri yapar ama modeli değiştirmez, yalnızca ölçer.",
         "en": "`test_step` makes the same measurements as `train_step` but does not change the model; it "
               "only measures."},
        {"tr": "Başta `model.eval()` ile değerlendirmeye geçin ve döngüyü `torch.inference_mode()` "
               "bloğunun içine alın; veriyi yine `device`'a taşıyın.",
         "en": "Switch to evaluation with `model.eval()` first and put the loop inside a "
               "`torch.inference_mode()` block; move the data to `device` as before."},
        {"tr": "`loss.backward`, `optimizer.zero_grad` ya da `optimizer.step` çağırmayın; fonksiyonun "
               "optimize edici parametresi bile yok. Kaybı ve doğruluğu `train_step` ile aynı yoldan, "
               "yığın sayısına bölerek ve doğruluğu 0–1 oranı olarak döndürün.",
         "en": "Call no `loss.backward`, `optimizer.zero_grad` or `optimizer.step`; the function does not "
               "even take an optimizer. Return the loss and the accuracy the same way as `train_step`: "
               "divided by the number of batches, with the accuracy as a 0–1 fraction."},
    ],
    "train": [
        {"tr": "6. bölüm: `train`, her epokta bir kez `train_step` ve bir kez `test_step` çağırıp "
               "sonuçları biriktiren bir döngüdür.",
         "en": "Section 6: `train` is a loop that calls `train_step` once and `test_step` once every epoch "
               "and collects the results."},
        {"tr": "Dört anahtarlı bir sözlükle başlayın (`train_loss`, `train_acc`, `test_loss`, `test_acc`), "
               "her epokta dört değeri ilgili listelere ekleyin ve sözlüğü döndürün. Döngüyü "
               "`range(epochs)` üzerinde kurun; `tqdm` ile sarmak serbest.",
         "en": "Start with a dict of four keys (`train_loss`, `train_acc`, `test_loss`, `test_acc`), "
               "append the four values to their lists every epoch and return the dict. Loop over "
               "`range(epochs)`; wrapping it in `tqdm` is up to you."},
        {"tr": "`train_step` fonksiyonuna `train_dataloader`, `test_step` fonksiyonuna `test_dataloader` "
               "verin ve kendisine gelen `optimizer` ile `loss_fn` dışında yenisini oluşturmayın. "
               "Notlandırıcı aynı adımları tekrarlayıp parametreleri ve her epoğun değerlerini "
               "karşılaştırır: döngü tam `epochs` kez dönmeli, her epokta her adım bir kez çağrılmalı.",
         "en": "Pass `train_dataloader` to `train_step` and `test_dataloader` to `test_step`, and create "
               "no optimizer or loss function besides the ones passed in. The grader replays the same "
               "steps and compares the parameters and every epoch's values: the loop must run exactly "
               "`epochs` times, with each step called once per epoch."},
    ],
    "training": [
        {"tr": "7. bölüm: bu alıştırma önceki parçaları (TinyVGG, `train`, veri yükleyiciler) bir araya "
               "getirir: model oluşturulur, sonra eğitilir.",
         "en": "Section 7: this exercise puts the earlier pieces (TinyVGG, `train`, the data loaders) "
               "together: the model is built, then trained."},
        {"tr": "Modeli `input_shape=1`, `hidden_units=10` ve sınıf sayısıyla (`len(class_names)`) "
               "oluşturup `device`'a taşıyın; kayıp fonksiyonu `nn.CrossEntropyLoss`, optimize edici "
               "`lr=0.001` ile `torch.optim.Adam`. `train` ile 5 epok eğitip sonucu `model_results` adına "
               "atayın; süre için eğitimin önünde ve arkasında `timer()` çağrıları olmalı.",
         "en": "Build the model with `input_shape=1`, `hidden_units=10` and the number of classes "
               "(`len(class_names)`) and move it to `device`; the loss function is `nn.CrossEntropyLoss`, "
               "the optimizer `torch.optim.Adam` with `lr=0.001`. Train for 5 epochs with `train` and "
               "assign the result to `model_results`; for the time, put `timer()` calls before and after "
               "the training."},
        {"tr": "Kontrol sizin sayılarınıza değil, `TinyVGG` sınıfınıza ve `train_step` fonksiyonunuza "
               "bakar: notlandırıcı onlarla kendi verisinde 3 epok eğitip en az 0.90 doğruluk ve en az "
               "yarıya inen bir kayıp bekler. Bu kontrol geçmiyorsa önce `tinyvgg_model` ve `train_step` "
               "kontrollerinin geçtiğinden emin olun.",
         "en": "The check does not look at your numbers but at your `TinyVGG` class and your `train_step`: "
               "the grader trains with them for 3 epochs on its own data and expects an accuracy of at least 0.90 "
               "and a loss that at least halves. If this check fails, first make sure the `tinyvgg_model` "
               "and `train_step` checks pass."},
    ],
    "confusion_matrix": [
        {"tr": "10. bölüm: `cm[i, j]`, gerçek sınıfı `i` olup `j` tahmin edilen örneklerin sayısıdır; "
               "satırlar gerçek, sütunlar tahmin edilen sınıftır.",
         "en": "Section 10: `cm[i, j]` is the number of samples of true class `i` predicted as `j`; the "
               "rows are the true classes, the columns the predicted ones."},
        {"tr": "Sonuç `[num_classes, num_classes]` şeklinde tam sayı sayımlardan oluşmalı: bir sıfır "
               "matrisiyle başlayıp her (gerçek, tahmin) çiftinde bir hücreyi artırabilir ya da "
               "`torch.bincount` fonksiyonunu `minlength` ile kullanabilirsiniz.",
         "en": "The result must be a `[num_classes, num_classes]` tensor of integer counts: start from a "
               "matrix of zeros and add one to a cell for every (true, predicted) pair, or use "
               "`torch.bincount` with `minlength`."},
        {"tr": "Boyutu etiketlerden değil `num_classes` değerinden alın: hiç görünmeyen bir sınıfın da "
               "satırı ve sütunu olmalı. Gizli testlerde tensörler GPU'dan gelebilir: sonucu onların "
               "cihazında oluşturun ya da önce `.cpu()` ile taşıyın; sayımları orana çevirmeyin.",
         "en": "Take the size from `num_classes`, not from the labels: a class that never occurs still "
               "gets a row and a column. In the hidden tests the tensors may come from the GPU: build the "
               "result on their device or move them with `.cpu()` first; don't turn the counts into "
               "fractions."},
    ],
    "save_load": [
        {"tr": "11. bölüm: önerilen yol modelin tamamını değil, yalnızca `state_dict` sözlüğünü kaydetmek "
               "ve aynı mimariden yeni bir modele geri yüklemektir.",
         "en": "Section 11: the recommended way is to save only the `state_dict`, not the whole model, and "
               "to load it back into a new model of the same architecture."},
        {"tr": "Kaydetmek için `torch.save` ile `model.state_dict()` sözlüğünü `MODEL_SAVE_PATH` dosyasına "
               "yazın; yüklemek için `torch.load` ve `load_state_dict` kullanın.",
         "en": "To save, write `model.state_dict()` to the file `MODEL_SAVE_PATH` with `torch.save`; to "
               "load, use `torch.load` and `load_state_dict`."},
        {"tr": "`loaded_model` yeni bir `TinyVGG` örneği olmalı (`model` nesnesinin kendisi değil) ve "
               "`model` ile aynı hiperparametrelerle kurulmalı, yoksa ağırlıklar uymaz. Kaydı eğitimden "
               "sonra yapın ve yüklenen modeli `device`'a taşıyın.",
         "en": "`loaded_model` must be a new `TinyVGG` instance (not the `model` object itself) built with "
               "the same hyperparameters as `model`, otherwise the weights do not fit. Save after training "
               "and move the loaded model to `device`."},
    ],
    "hidden_units_sweep": [
        {"tr": "12. bölüm: bir deneyde yalnızca bir şey değişir. Burada o şey `hidden_units`; veri, tohum, "
               "optimize edici, öğrenme oranı ve epok sayısı her değer için aynı kalır.",
         "en": "Section 12: an experiment changes one thing only. Here that is `hidden_units`; the data, the "
               "seed, the optimizer, the learning rate and the number of epochs stay the same for every value."},
        {"tr": "`HIDDEN_UNITS_VALUES` üzerinde bir döngü kurun. Her turda tohumu sabitleyip o değerle yeni bir "
               "model ve o modelin parametreleriyle yeni bir Adam optimize edicisi oluşturun; `train_step` "
               "fonksiyonunu `SWEEP_EPOCHS` kez çağırın, sonra `test_step` ile ölçün.",
         "en": "Loop over `HIDDEN_UNITS_VALUES`. In every round set the seed, then build a new model with that "
               "value and a new Adam optimizer over that model's parameters; call `train_step` `SWEEP_EPOCHS` "
               "times, then measure with `test_step`."},
        {"tr": "`test_step` iki değer döndürür; sözlüğe ikincisini (0–1 doğruluk) yazın, eğitilmiş modeli de "
               "`sweep_models` sözlüğüne aynı anahtarla koyun. Anahtarlar tam sayı `hidden_units` değerleri "
               "olmalı. En iyi değer için `max` fonksiyonunun `key` parametresi işinize yarar; önceki bir "
               "modelin optimize edicisini yeniden kullanırsanız yeni model hiç öğrenmez.",
         "en": "`test_step` returns two values; store the second one (the 0–1 accuracy) in the dict, and put "
               "the trained model into `sweep_models` under the same key. The keys must be the integer "
               "`hidden_units` values. For the best value, the `key` parameter of `max` helps; if you reuse "
               "the optimizer of an earlier model, the new model never learns."},
    ],
}
