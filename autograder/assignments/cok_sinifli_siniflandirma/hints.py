"""Progressive hints for ``ipucu("<cell>")`` in the 03_cok_sinifli_siniflandirma notebook: each call shows the next one; never the solution."""

HINTS: dict[str, list[dict[str, str]]] = {
    "blob_data": [
        {"tr": "2. bölüm ve 1. bölümdeki tablo: çok sınıflı sınıflandırmada öznitelikler `float32`, "
               "etiketler ise tam sayı sınıf indeksleridir.",
         "en": "Section 2 and the table of section 1: in multiclass classification the features are "
               "`float32`, while the labels are integer class indices."},
        {"tr": "`make_blobs` NumPy dizileri döndürür: öznitelikleri `torch.float32`, etiketleri "
               "`torch.long` (LongTensor) tensörlere çevirin. Sonra `train_test_split` ile `test_size=0.2` "
               "ve `random_state=42` kullanarak ayırın.",
         "en": "`make_blobs` returns NumPy arrays: turn the features into `torch.float32` and the labels "
               "into `torch.long` (LongTensor) tensors. Then split them with `train_test_split`, "
               "`test_size=0.2` and `random_state=42`."},
        {"tr": "En sık hata etiketleri de `float` yapmaktır: `nn.CrossEntropyLoss` onları kabul etmez, "
               "kontrol de `torch.long` ister. Sonuçları `X_blob_train, X_blob_test, y_blob_train, "
               "y_blob_test` sırasıyla atayın; gizli testler değerleri de karşılaştırdığı için "
               "`make_blobs` argümanlarını alıştırmadaki gibi bırakın.",
         "en": "The most common mistake is making the labels `float` too: `nn.CrossEntropyLoss` does not "
               "accept them, and the check asks for `torch.long`. Assign the results in the order "
               "`X_blob_train, X_blob_test, y_blob_train, y_blob_test`; the hidden tests compare the "
               "values too, so keep the arguments of `make_blobs` as in the exercise."},
    ],
    "blob_model": [
        {"tr": "3. bölüm: çok sınıflı bir model sınıf başına bir logit üretir; çıktı katmanının "
               "`out_features` değeri sınıf sayısıdır.",
         "en": "Section 3: a multiclass model produces one logit per class; the `out_features` of the "
               "output layer is the number of classes."},
        {"tr": "Katman boyutlarını sabit sayılarla değil, yapıcının argümanlarıyla verin: ilk `nn.Linear` "
               "için `input_features`, gizli katmanlar için `hidden_units`, son katman için "
               "`output_features`. `nn.Sequential` işinizi kolaylaştırır.",
         "en": "Give the layer sizes from the constructor's arguments, not as fixed numbers: "
               "`input_features` for the first `nn.Linear`, `hidden_units` for the hidden layers, "
               "`output_features` for the last one. `nn.Sequential` makes this easier."},
        {"tr": "Notlandırıcı modeli başka öznitelik ve sınıf sayılarıyla (ör. 3 ve 5) ve farklı "
               "`hidden_units` değerleriyle kurar; parametre sayısı `hidden_units` ile değişmeli. "
               "`forward` softmax uygulamadan `[N, output_features]` logit döndürmeli.",
         "en": "The grader builds the model with other numbers of features and classes (e.g. 3 and 5) and "
               "with different `hidden_units`; the number of parameters must change with `hidden_units`. "
               "`forward` must return `[N, output_features]` logits without a softmax."},
    ],
    "logits_to_predictions": [
        {"tr": "4. bölüm: logit → softmax → olasılık → `argmax` → tahmin zinciri. Fonksiyon bu zincirin "
               "son halkalarını uygular ve iki değer döndürür.",
         "en": "Section 4: the chain logits → softmax → probabilities → `argmax` → prediction. The "
               "function applies the last links of this chain and returns two values."},
        {"tr": "Olasılıklar için `torch.softmax`, tahmin edilen sınıf için `argmax` kullanın; ikisi de "
               "sınıf boyutunda, yani `dim=1` üzerinde çalışmalı.",
         "en": "Use `torch.softmax` for the probabilities and `argmax` for the predicted class; both must "
               "work along the class dimension, that is `dim=1`."},
        {"tr": "`dim=0` yazarsanız softmax yığındaki örnekleri birbirine karşı normalize eder ve satır "
               "toplamları 1 olmaz. `pred_labels` şekli `[N]`, veri tipi `torch.long` olmalı (tek örneklik "
               "`[1, C]` bir yığında da); önce `pred_probs`, sonra `pred_labels` döndürün.",
         "en": "With `dim=0` the softmax normalizes the samples of the batch against each other and the "
               "rows do not sum to 1. `pred_labels` must have shape `[N]` and dtype `torch.long` (also for "
               "a one-sample `[1, C]` batch); return `pred_probs` first, then `pred_labels`."},
    ],
    "train_multiclass": [
        {"tr": "5. bölüm: bu, 02'deki `train_model` ile aynı iskelettir; değişen kayıp fonksiyonu ve "
               "logitten tahmine giden yoldur.",
         "en": "Section 5: this is the same skeleton as `train_model` in 02; what changes is the loss "
               "function and the way from logits to predictions."},
        {"tr": "Kayıp fonksiyonu `nn.CrossEntropyLoss`: ona modelin ham logitlerini (`[N, C]`) ve "
               "`torch.long` etiketleri (`[N]`) verin, `squeeze` gerekmez. Test doğruluğu için tahmini "
               "`softmax` ve `argmax(dim=1)` ile bulup `accuracy_fn` ile yüzde olarak ekleyin.",
         "en": "The loss function is `nn.CrossEntropyLoss`: give it the model's raw logits (`[N, C]`) and "
               "the `torch.long` labels (`[N]`), no `squeeze` needed. For the test accuracy, get the "
               "prediction with `softmax` and `argmax(dim=1)` and append it as a percentage with "
               "`accuracy_fn`."},
        {"tr": "En sinsi hata kayıptan önce softmax uygulamaktır: hata vermez ama kayıp belli bir sınırın "
               "altına inemez ve notlandırıcı bunu yakalar. Veriyi modelin cihazına taşıyın, test kaybını "
               "eğitim adımından sonra `model.eval()` ile değerlendirmede ve `torch.inference_mode()` "
               "içinde hesaplayın; sınıf sayısını hiçbir yerde sabit yazmayın.",
         "en": "The sneakiest mistake is applying a softmax before the loss: nothing fails, but the loss "
               "cannot go below a floor and the grader notices. Move the data to the model's device, "
               "compute the test loss after the training step, in evaluation with `model.eval()` and "
               "inside `torch.inference_mode()`; never hard-code the number of classes."},
    ],
    "spiral_model": [
        {"tr": "7. bölüm: sarmalın kolları düz çizgilerle ayrılamaz; modelde katmanlar arasında doğrusal "
               "olmayan bir aktivasyon fonksiyonu olmalı.",
         "en": "Section 7: the arms of the spiral cannot be separated by straight lines; the model needs a "
               "non-linear activation function between its layers."},
        {"tr": "`nn.Linear` katmanlarının arasına `nn.ReLU` (ya da `nn.Tanh`) koyun; ilk katman 2 "
               "öznitelik alır, son katman 3 logit verir (ör. 2 → 16 → 16 → 3). Sınıf argümansız "
               "oluşturulabilmeli: argümanı varsa varsayılan değer verin.",
         "en": "Put `nn.ReLU` (or `nn.Tanh`) between the `nn.Linear` layers; the first layer takes 2 "
               "features, the last gives 3 logits (e.g. 2 → 16 → 16 → 3). The class must be constructible "
               "without arguments: give any argument a default."},
        {"tr": "Notlandırıcı modeli kendi sarmal verisinde Adam ile (800 adım, `lr=0.02`) eğitip yeni "
               "noktalarda en az %95 doğruluk ister. Yetmiyorsa gizli katmanlardaki nöron sayısını "
               "artırın; `forward` softmax değil ham logit döndürmeli.",
         "en": "The grader trains the model on its own spiral with Adam (800 steps, `lr=0.02`) and wants "
               "at least 95% accuracy on new points. If that is not reached, add neurons to the hidden "
               "layers; `forward` must return raw logits, not a softmax."},
    ],
    "spiral_data": [
        {"tr": "Bu alıştırma Alıştırma 1'in tarifini sarmal verisine uygular: NumPy dizilerini tensöre "
               "çevirip eğitim ve test kümesine ayırın.",
         "en": "This exercise applies the recipe of exercise 1 to the spiral data: turn the NumPy arrays "
               "into tensors and split them into a training and a test set."},
        {"tr": "`X_spiral` dizisini `float32`, `y_spiral` dizisini `torch.long` tensöre çevirin; ayırmak "
               "için `train_test_split` ile `test_size=0.2` ve `random_state=42` kullanın.",
         "en": "`X_spiral` must become a `float32` tensor and `y_spiral` a `torch.long` one; split them "
               "with `train_test_split`, `test_size=0.2` and `random_state=42`."},
        {"tr": "Sonuçları `X_spiral_train, X_spiral_test, y_spiral_train, y_spiral_test` sırasıyla atayın. "
               "Gizli testler değerleri de karşılaştırır: verilen `make_spirals` fonksiyonunu "
               "değiştirmeyin, varsayılanlarıyla kullanın.",
         "en": "Assign the results in the order `X_spiral_train, X_spiral_test, y_spiral_train, "
               "y_spiral_test`. The hidden tests compare the values too: don't change the given "
               "`make_spirals`; use it with its defaults."},
    ],
    "spirals": [
        {"tr": "Bu alıştırma Alıştırma 4'ün eğitimini sarmala uygular: bir `SpiralModel` kurun ve "
               "`train_multiclass` ile eğitin.",
         "en": "This exercise applies the training of exercise 4 to the spiral: build a `SpiralModel` "
               "and train it with `train_multiclass`."},
        {"tr": "`train_multiclass`'ın döndürdüğü sözlüğü `spiral_history` adına atayın: hücrenin altındaki "
               "verilen kod son test doğruluğunu ondan yazdırır.",
         "en": "Assign the dict `train_multiclass` returns to `spiral_history`: the given code below the "
               "cell prints the last test accuracy from it."},
        {"tr": "Sarmal bulutlardan zordur: alıştırmanın önerdiği gibi daha çok epok (ör. 1000) ve daha "
               "büyük bir öğrenme oranı (ör. 0.5) kullanın. `spiral_model` eğitilmiş bir `SpiralModel` "
               "örneği olmalı; notlandırıcı aynı dağılımdan yeni çektiği noktalarda en az %95 doğruluk "
               "ister.",
         "en": "The spiral is harder than the blobs: as the exercise suggests, use more epochs (e.g. 1000) "
               "and a larger learning rate (e.g. 0.5). `spiral_model` must be a trained `SpiralModel` "
               "instance; the grader wants at least 95% accuracy on fresh points from the same "
               "distribution."},
    ],
    "confusion_matrix_fn": [
        {"tr": "8. bölüm: `cm[i, j]`, gerçek sınıfı `i` olup `j` tahmin edilen örneklerin sayısıdır; satır "
               "gerçek sınıf, sütun tahmin edilen sınıftır.",
         "en": "Section 8: `cm[i, j]` is the number of samples of true class `i` predicted as `j`; the row "
               "is the true class, the column the predicted one."},
        {"tr": "Matrisi `[num_classes, num_classes]` şeklinde bir sıfır matrisiyle başlatıp her (gerçek, "
               "tahmin) çifti için ilgili hücreyi bir artırabilir ya da `torch.bincount` fonksiyonunu "
               "`minlength` ile kullanabilirsiniz.",
         "en": "You can start from a `[num_classes, num_classes]` matrix of zeros and add one to the "
               "matching cell for every (true, predicted) pair, or use `torch.bincount` with `minlength`."},
        {"tr": "Satır ile sütunu karıştırmayın: matrisiniz devrikse kontrol bunu söyler. Boyutu "
               "etiketlerde görünen en büyük sınıftan değil `num_classes` değerinden alın; notlandırıcı "
               "hiç görünmeyen bir sınıf içeren durumları da dener.",
         "en": "Don't swap rows and columns: if your matrix is transposed, the check says so. Take the "
               "size from `num_classes`, not from the largest class seen in the labels; the grader also "
               "tries cases with a class that never occurs."},
    ],
    "classification_metrics": [
        {"tr": "8. bölümdeki metrik tablosu: doğruluk, kesinlik, duyarlılık ve F1. Kesinlik, duyarlılık ve "
               "F1 sınıf başına hesaplanıp makro ortalamayla birleştirilir.",
         "en": "The metrics table of section 8: accuracy, precision, recall and F1. Precision, recall and "
               "F1 are computed per class and combined with a macro average."},
        {"tr": "Hepsi karışıklık matrisinden çıkar: köşegen TP, sütun toplamları TP + FP, satır toplamları "
               "TP + FN. Sınıf başına değerleri vektör olarak hesaplayıp ortalamasını alın. Dört değeri de "
               "Python sayısı olarak döndürün: `accuracy` not defterinin geri kalanındaki gibi yüzde (0–100, "
               "`accuracy_fn` ile aynı), öteki üçü 0–1 aralığında (yüzde değil).",
         "en": "Everything comes from the confusion matrix: the diagonal is TP, the column sums are TP + "
               "FP, the row sums TP + FN. Compute the per-class values as vectors and average them. Return "
               "all four values as Python numbers: `accuracy` as a percentage (0-100, the same as "
               "`accuracy_fn`) like in the rest of the notebook, the other three between 0 and 1 (not "
               "percentages)."},
        {"tr": "F1'i her sınıf için ayrı hesaplayıp sonra ortalayın; makro kesinlik ile makro duyarlılığın "
               "harmonik ortalaması başka bir sayıdır. Hiç tahmin edilmeyen bir sınıfta 0/0 NaN verir: "
               "böyle bir sınıfın kesinliğini ve F1'ini 0 sayın (ör. `torch.where` ile).",
         "en": "Compute F1 for each class first and then average; the harmonic mean of macro precision and "
               "macro recall is a different number. A class that is never predicted gives 0/0 = NaN: count "
               "its precision and F1 as 0 (e.g. with `torch.where`)."},
    ],
}
