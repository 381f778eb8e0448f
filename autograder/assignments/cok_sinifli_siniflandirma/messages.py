"""Messages of 03_cok_sinifli_siniflandirma (Turkish and English) and its error-text hints."""

from autograder import checks as c
from autograder.messages import register

register({
    "mc_labels_not_long": {
        "tr": "`{name}` veri tipi `torch.long` (LongTensor) olmalı, ama `{got}`. Çok sınıflı sınıflandırmada "
              "etiketler sınıf indeksleridir (0, 1, 2, …) ve `nn.CrossEntropyLoss` onları `torch.long` olarak "
              "bekler: `torch.from_numpy(y).type(torch.LongTensor)` kullanın.",
        "en": "`{name}` must have dtype `torch.long` (LongTensor), but it is `{got}`. In multiclass "
              "classification the labels are class indices (0, 1, 2, ...) and `nn.CrossEntropyLoss` expects "
              "them as `torch.long`: use `torch.from_numpy(y).type(torch.LongTensor)`.",
    },
    "mc_blob_values": {
        "tr": "`{name}` değerleri beklenenden farklı. `make_blobs(n_samples=1000, n_features=2, centers=4, "
              "cluster_std=1.5, random_state=42)` ve `train_test_split(X, y, test_size=0.2, random_state=42)` "
              "kullanın; sırayı koruyun (X_train, X_test, y_train, y_test).",
        "en": "`{name}` has unexpected values. Use `make_blobs(n_samples=1000, n_features=2, centers=4, "
              "cluster_std=1.5, random_state=42)` and `train_test_split(X, y, test_size=0.2, random_state=42)`; "
              "keep the order (X_train, X_test, y_train, y_test).",
    },
    "mc_spiral_values": {
        "tr": "`{name}` değerleri beklenenden farklı. Verilen `make_spirals()` fonksiyonunu varsayılan "
              "değerleriyle çağırın ve `train_test_split(X, y, test_size=0.2, random_state=42)` ile ayırın; "
              "sırayı koruyun (X_train, X_test, y_train, y_test).",
        "en": "`{name}` has unexpected values. Call the given `make_spirals()` with its defaults and split with "
              "`train_test_split(X, y, test_size=0.2, random_state=42)`; keep the order "
              "(X_train, X_test, y_train, y_test).",
    },
    "mc_wrong_output_units": {
        "tr": "`{name}` çıktısının şekli `{expected}` olmalı, ama `{got}`: çıktı katmanında **sınıf başına bir "
              "nöron** olmalı. Son `nn.Linear`'ın `out_features` değerini sınıf sayısı yapın ({classes}); "
              "sayıyı sabit yazmayın, `output_features` parametresini kullanın.",
        "en": "The output of `{name}` should have shape `{expected}`, but it has `{got}`: the output layer needs "
              "**one unit per class**. Set the last `nn.Linear`'s `out_features` to the number of classes "
              "({classes}); don't hard-code it, use the `output_features` parameter.",
    },
    "mc_in_features_ignored": {
        "tr": "`BlobModel({features}, {classes})` {features} öznitelikli girdiyi işleyemedi: ilk `nn.Linear`'ın "
              "`in_features` değeri sabit yazılmış olabilir. `in_features=input_features` kullanın.",
        "en": "`BlobModel({features}, {classes})` could not take inputs with {features} features: the first "
              "`nn.Linear`'s `in_features` may be hard-coded. Use `in_features=input_features`.",
    },
    "mc_hidden_units_ignored": {
        "tr": "`BlobModel({features}, {classes}, hidden_units={small})` ile `BlobModel({features}, {classes}, "
              "hidden_units={big})` aynı sayıda parametreye sahip: `hidden_units` kullanılmıyor. Gizli "
              "katmanların nöron sayısını `hidden_units` ile belirleyin.",
        "en": "`BlobModel({features}, {classes}, hidden_units={small})` and `BlobModel({features}, {classes}, "
              "hidden_units={big})` have the same number of parameters: `hidden_units` is not used. Size the "
              "hidden layers with `hidden_units`.",
    },
    "mc_softmax_in_forward": {
        "tr": "`{name}` olasılık döndürüyor (her satır negatif değil ve toplamı 1): `forward` içinde softmax var. "
              "`forward` logit (modelin ham çıktısı) döndürmeli; `nn.CrossEntropyLoss` softmax'ı kendi içinde "
              "uygular. Softmax'ı yalnızca tahmin üretirken, modelin dışında kullanın.",
        "en": "`{name}` returns probabilities (every row is non-negative and sums to 1): there is a softmax in "
              "`forward`. `forward` must return raw logits; `nn.CrossEntropyLoss` applies the softmax itself. "
              "Use softmax only outside the model, when turning logits into predictions.",
    },
    "mc_spiral_linear": {
        "tr": "`{name}` doğrusal (lineer) davranıyor: katmanlar arasında doğrusal olmayan bir aktivasyon "
              "fonksiyonu (`nn.ReLU()`, `nn.Tanh()` …) yok. Doğrusal bir model düzlemi düz çizgilerle böler; "
              "iç içe dönen sarmal kollarını ayıramaz (yaklaşık %50'de kalır).",
        "en": "`{name}` behaves linearly: there is no non-linear activation function (`nn.ReLU()`, "
              "`nn.Tanh()`, ...) between its layers. A linear model splits the plane with straight lines and "
              "cannot separate the interleaved spiral arms (it stays around 50%).",
    },
    "mc_probs_softmax_dim": {
        "tr": "`pred_probs` yanlış: olasılıklar sütun boyunca normalize edilmiş. Softmax'ı **sınıf boyutunda** "
              "uygulayın: `torch.softmax(logits, dim=1)` (dim=0 yığındaki örnekleri birbirine karıştırır).",
        "en": "`pred_probs` is wrong: the probabilities are normalised down the columns. Apply softmax over the "
              "**class dimension**: `torch.softmax(logits, dim=1)` (dim=0 mixes the samples of the batch).",
    },
    "mc_probs_sigmoid": {
        "tr": "`pred_probs` satırlarının toplamı 1 değil: sigmoid ikili sınıflandırma içindir. Çok sınıflı "
              "sınıflandırmada logitleri `torch.softmax(logits, dim=1)` ile olasılığa çevirin.",
        "en": "The rows of `pred_probs` do not sum to 1: sigmoid is for binary classification. In multiclass "
              "classification turn logits into probabilities with `torch.softmax(logits, dim=1)`.",
    },
    "mc_probs_wrong": {
        "tr": "`pred_probs` beklenen softmax olasılıklarıyla uyuşmuyor: `torch.softmax(logits, dim=1)` kullanın.",
        "en": "`pred_probs` does not match the expected softmax probabilities: use `torch.softmax(logits, dim=1)`.",
    },
    "mc_labels_argmax_dim": {
        "tr": "`pred_labels` şekli `{expected}` olmalı, ama `{got}`: `argmax` yanlış boyutta alınmış. Her örnek "
              "için en olası sınıfı seçin: `pred_probs.argmax(dim=1)`.",
        "en": "`pred_labels` should have shape `{expected}`, but it has `{got}`: `argmax` was taken over the wrong "
              "dimension. Pick the most likely class of each sample: `pred_probs.argmax(dim=1)`.",
    },
    "mc_labels_wrong": {
        "tr": "`pred_labels` yanlış: her örnek için en yüksek olasılıklı sınıfın indeksi bekleniyor "
              "(`pred_probs.argmax(dim=1)`). Yuvarlama (`torch.round`) ikili sınıflandırma içindir.",
        "en": "`pred_labels` is wrong: the index of the most likely class of each sample is expected "
              "(`pred_probs.argmax(dim=1)`). Rounding (`torch.round`) is for binary classification.",
    },
    "mc_not_pair": {
        "tr": "`logits_to_predictions` iki değer döndürmeli: `(pred_probs, pred_labels)`; dönen: `{got}`.",
        "en": "`logits_to_predictions` must return two values: `(pred_probs, pred_labels)`; it returned `{got}`.",
    },
    "mc_softmax_before_loss": {
        "tr": "Kayıp değerleri, logitler yerine softmax olasılıklarından hesaplanmış gibi görünüyor "
              "(bildirilen {got:.4f}, logitlerle ölçülen {expected:.4f}). `nn.CrossEntropyLoss` **logit** "
              "bekler ve softmax'ı kendisi uygular: `loss_fn(model(X), y)` yazın, `loss_fn(torch.softmax(...), y)` "
              "değil. Softmax'ı yalnızca doğruluk için tahmin üretirken kullanın.",
        "en": "The losses look computed from softmax probabilities instead of logits (reported {got:.4f}, "
              "measured on the logits {expected:.4f}). `nn.CrossEntropyLoss` expects **logits** and applies the "
              "softmax itself: write `loss_fn(model(X), y)`, not `loss_fn(torch.softmax(...), y)`. Use softmax "
              "only when making predictions for the accuracy.",
    },
    "mc_test_loss_mismatch": {
        "tr": "`train_multiclass`'ın son `test_loss` değeri ({got:.4f}) notlandırıcının aynı modelde ölçtüğü test "
              "kaybıyla ({expected:.4f}) uyuşmuyor: test kaybını her epokta, eğitim adımından **sonra**, test "
              "verisinde `nn.CrossEntropyLoss` ile (`model.eval()` ve `torch.inference_mode()` içinde) hesaplayın.",
        "en": "The last `test_loss` of `train_multiclass` ({got:.4f}) does not match the test loss the grader "
              "measured on the same model ({expected:.4f}): compute the test loss every epoch, **after** the "
              "training step, on the test data with `nn.CrossEntropyLoss` (inside `model.eval()` and "
              "`torch.inference_mode()`).",
    },
    "mc_test_acc_mismatch": {
        "tr": "`train_multiclass`'ın son `test_acc` değeri (%{got:.2f}) notlandırıcının ölçtüğü test doğruluğuyla "
              "(%{expected:.2f}) uyuşmuyor: tahminleri `argmax(dim=1)` ile üretip doğruluğu yüzde (0–100) olarak, "
              "eğitim adımından sonra test verisinde hesaplayın.",
        "en": "The last `test_acc` of `train_multiclass` ({got:.2f}%) does not match the test accuracy the grader "
              "measured ({expected:.2f}%): make predictions with `argmax(dim=1)` and compute the accuracy as a "
              "percentage (0-100), after the training step, on the test data.",
    },
    "mc_confusion_transposed": {
        "tr": "Karışıklık matrisi (confusion matrix) devrik: satırlar **gerçek** sınıfı, sütunlar **tahmin "
              "edilen** sınıfı göstermeli, yani `cm[gerçek, tahmin] += 1`.",
        "en": "The confusion matrix is transposed: rows must be the **true** class and columns the **predicted** "
              "class, i.e. `cm[true, pred] += 1`.",
    },
    "mc_confusion_wrong": {
        "tr": "Karışıklık matrisi yanlış: `cm[i, j]`, gerçek sınıfı `i` olup `j` tahmin edilen örneklerin sayısı "
              "olmalı (toplamı örnek sayısına eşit). Beklenen:\n{expected}\nDönen:\n{got}",
        "en": "The confusion matrix is wrong: `cm[i, j]` must count the samples whose true class is `i` and "
              "predicted class is `j` (summing to the number of samples). Expected:\n{expected}\nGot:\n{got}",
    },
    "mc_confusion_shape": {
        "tr": "Karışıklık matrisinin şekli `{expected}` olmalı, ama `{got}`: boyutu etiketlerden değil "
              "`num_classes`'tan alın (hiç görünmeyen bir sınıf da bir satır ve sütun alır).",
        "en": "The confusion matrix should have shape `{expected}`, but it has `{got}`: take its size from "
              "`num_classes`, not from the labels (a class that never appears still gets a row and a column).",
    },
    "mc_metrics_not_dict": {
        "tr": "`classification_metrics` şu anahtarları içeren bir sözlük (dict) döndürmeli: {keys}; her biri bir "
              "sayı (`accuracy` 0–100 arası bir yüzde, ötekiler 0 ile 1 arasında). Sorun: {problem}",
        "en": "`classification_metrics` must return a dict with the keys {keys}, each a number (`accuracy` a "
              "percentage from 0 to 100, the others between 0 and 1). Problem: {problem}",
    },
    "mc_metric_percent": {
        "tr": "`{name}` 0 ile 1 arasında olmalı (scikit-learn ve torchmetrics gibi), ama {got:.4f} döndü "
              "(beklenen {expected:.4f}): 100 ile çarpmayın. Yüzde olarak yalnızca `accuracy` döner.",
        "en": "`{name}` must be between 0 and 1 (like scikit-learn and torchmetrics), but {got:.4f} came back "
              "(expected {expected:.4f}): don't multiply by 100. Only `accuracy` is a percentage.",
    },
    "mc_precision_recall_swapped": {
        "tr": "Kesinlik (precision) ile duyarlılık (recall) yer değiştirmiş. Kesinlik = TP / (TP + FP): "
              "\"bu sınıf\" dediklerimizin ne kadarı doğru (karışıklık matrisinde **sütun** toplamı). "
              "Duyarlılık = TP / (TP + FN): gerçekten bu sınıftan olanların ne kadarını bulduk (**satır** toplamı). Metrikleri karışıklık "
              "matrisinden hesaplıyorsanız matrisin devrik olmadığından da emin olun.",
        "en": "Precision and recall are swapped. Precision = TP / (TP + FP): how many of our \"this class\" calls "
              "are right (the **column** sum of the confusion matrix). Recall = TP / (TP + FN): how many of the "
              "real members of the class we found (the **row** sum). If you compute the metrics from the confusion "
              "matrix, also make sure the matrix is not transposed.",
    },
    "mc_metric_micro": {
        "tr": "`{name}` 0–1 arasına çevrilmiş doğrulukla aynı çıktı ({got:.4f}): bu mikro ortalamadır (micro "
              "average). Burada **makro ortalama** isteniyor: her sınıf için ayrı hesaplayıp sınıfların basit "
              "ortalamasını alın (beklenen {expected:.4f}).",
        "en": "`{name}` equals the accuracy as a fraction from 0 to 1 ({got:.4f}): that is the micro average. The "
              "**macro average** is asked for here: compute it per class and take the plain mean over the "
              "classes (expected {expected:.4f}).",
    },
    "mc_f1_from_macro": {
        "tr": "`f1` ({got:.4f}), makro kesinlik ile makro duyarlılığın harmonik ortalaması olarak hesaplanmış. "
              "Makro F1, **her sınıfın kendi F1 puanlarının** ortalamasıdır: önce sınıf başına "
              "F1 = 2·P·R / (P + R), sonra ortalama (beklenen {expected:.4f}).",
        "en": "`f1` ({got:.4f}) was computed as the harmonic mean of macro precision and macro recall. Macro F1 "
              "is the mean of **each class's own F1 score**: first F1 = 2·P·R / (P + R) per class, then the mean "
              "(expected {expected:.4f}).",
    },
    "mc_zero_division": {
        "tr": "`{name}` sayı değil ({got}): hiç tahmin edilmeyen bir sınıfta TP + FP = 0 olur ve 0/0 NaN verir. "
              "Böyle bir sınıfın kesinliğini (ve F1'ini) 0 sayın.",
        "en": "`{name}` is not a number ({got}): for a class that is never predicted TP + FP = 0 and 0/0 gives "
              "NaN. Count the precision (and F1) of such a class as 0.",
    },
    "mc_accuracy_wrong": {
        "tr": "`accuracy` yanlış: beklenen %{expected:.4f}, dönen %{got:.4f} (doğru tahminlerin yüzdesi, 0–100 arası; "
              "`accuracy_fn` ile aynı sayı).",
        "en": "`accuracy` is wrong: expected {expected:.4f}%, got {got:.4f}% (the percentage of correct predictions, "
              "from 0 to 100; the same number as `accuracy_fn` gives).",
    },
    "mc_metric_wrong": {
        "tr": "`{name}` yanlış: beklenen {expected:.4f}, dönen {got:.4f} (makro ortalama, 0–1 arası).",
        "en": "`{name}` is wrong: expected {expected:.4f}, got {got:.4f} (macro average, between 0 and 1).",
    },


    "mc_hint_out_of_bounds": {
        "tr": "İpucu: etiketlerdeki bir sınıf indeksi modelin çıktı sayısına eşit ya da ondan büyük (indeksler 0'dan "
              "başlar, bu yüzden her etiket çıktı sayısından küçük olmalı): çıktı katmanında sınıf başına bir nöron "
              "olmalı (`out_features` = sınıf sayısı).",
        "en": "Hint: a class index in the labels is equal to or larger than the model's number of outputs (indices "
              "start at 0, so every label must be smaller than the number of outputs): the output layer needs one "
              "unit per class (`out_features` = number of classes).",
    },
})

c.register_error_hint("expected target dtype to be Long", "hint_long_target")
for _index in range(1, 32):
    c.register_error_hint(f"Target {_index} is out of bounds", "mc_hint_out_of_bounds")
