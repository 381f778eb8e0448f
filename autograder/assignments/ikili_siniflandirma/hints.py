"""Progressive hints for ``ipucu("<cell>")`` in the 02_ikili_siniflandirma notebook: each call shows the next one; never the solution."""

HINTS: dict[str, list[dict[str, str]]] = {
    "data": [
        {"tr": "1. bölümdeki “Veri” kısmı: `make_circles` NumPy dizileri döndürür; bunları tensöre çevirip "
               "eğitim ve test kümesine ayırmanız gerekiyor.",
         "en": "The “data” part of section 1: `make_circles` returns NumPy arrays; you need to turn them "
               "into tensors and split them into a training and a test set."},
        {"tr": "NumPy'nin varsayılan veri tipi `float64`; `X` ve `y` ikisi de `torch.float32` olmalı "
               "(etiketler de, çünkü `BCEWithLogitsLoss` ondalıklı etiket bekler). Ayırmak için "
               "`train_test_split` ile `test_size=0.2` ve `random_state=42`.",
         "en": "NumPy's default dtype is `float64`; `X` and `y` must both be `torch.float32` (the labels "
               "too, since `BCEWithLogitsLoss` expects float labels). Split with `train_test_split`, "
               "`test_size=0.2` and `random_state=42`."},
        {"tr": "`train_test_split` sonuçları `X_train, X_test, y_train, y_test` sırasıyla döndürür; adları "
               "bu sırayla atayın. Şekiller `[800, 2]`, `[200, 2]`, `[800]`, `[200]` olmalı; gizli testler "
               "değerleri de karşılaştırdığı için `noise=0.03` ve `random_state=42` değerlerini "
               "değiştirmeyin.",
         "en": "`train_test_split` returns its results in the order `X_train, X_test, y_train, y_test`; "
               "assign the names in that order. The shapes must be `[800, 2]`, `[200, 2]`, `[800]`, "
               "`[200]`; the hidden tests compare the values too, so keep `noise=0.03` and "
               "`random_state=42`."},
    ],
    "accuracy_fn": [
        {"tr": "2. bölümdeki formül: doğruluk, doğru tahmin sayısının toplam tahmin sayısına oranının 100 "
               "katıdır.",
         "en": "The formula of section 2: accuracy is 100 times the number of correct predictions divided "
               "by the total number of predictions."},
        {"tr": "Eşit elemanları `torch.eq` ile bulun, `.sum()` ile sayın ve `.item()` ile Python sayısına "
               "çevirin; toplam tahmin sayısı için `len` kullanın.",
         "en": "Find the equal elements with `torch.eq`, count them with `.sum()` and turn the count into "
               "a Python number with `.item()`; use `len` for the total number of predictions."},
        {"tr": "Sonuç 0–100 arası bir yüzde olmalı: `0.75` değil `75.0`. Dönen değer tensör değil, Python "
               "`float` olmalı; notlandırıcı hepsi doğru ve hepsi yanlış tahminleri de dener.",
         "en": "The result must be a percentage from 0 to 100: `75.0`, not `0.75`. Return a Python "
               "`float`, not a tensor; the grader also tries all-correct and all-wrong predictions."},
    ],
    "activation": [
        {"tr": "3. bölümdeki formül: tanh(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ). Fonksiyon bir tensör alır ve her "
               "elemana bu formülü uygulayıp aynı şekilde bir tensör döndürür; döngü gerekmez, tensör "
               "işlemleri her elemanda birden çalışır.",
         "en": "The formula of section 3: tanh(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ). The function takes a tensor, "
               "applies the formula to every element and returns a tensor of the same shape; no loop is "
               "needed, tensor operations work on every element at once."},
        {"tr": "eˣ için `torch.exp(x)`, e⁻ˣ için `torch.exp(-x)` yazın. `torch.tanh`, `x.tanh()` ve "
               "`nn.Tanh` yasak; notlandırıcı onları çağırdığınızı fark eder.",
         "en": "Write `torch.exp(x)` for eˣ and `torch.exp(-x)` for e⁻ˣ. `torch.tanh`, `x.tanh()` and "
               "`nn.Tanh` are not allowed; the grader notices when you call them."},
        {"tr": "x = 100 için eˣ = e¹⁰⁰, x = −100 için e⁻ˣ = e¹⁰⁰ olur; e¹⁰⁰ float32'ye sığmaz (`inf`) ve "
               "`inf / inf` NaN verir. Pay ve paydayı eˣ ile çarparsanız formül (e²ˣ − 1) / (e²ˣ + 1) olur; "
               "bunu da 1 − 2 / (e²ˣ + 1) diye yazın ve kodda tam bu biçimi kullanın: çok büyük x için "
               "e²ˣ = `inf` ve sonuç 1, büyük negatif x için e²ˣ = 0 ve sonuç −1; hiçbir yerde NaN çıkmaz. "
               "(e²ˣ − 1) / (e²ˣ + 1) biçimi ise büyük x için yine `inf / inf` verir.",
         "en": "For x = 100, eˣ = e¹⁰⁰, and for x = −100, e⁻ˣ = e¹⁰⁰; e¹⁰⁰ does not fit in float32 (`inf`), "
               "and `inf / inf` gives NaN. Multiplying the numerator and the denominator by eˣ turns the "
               "formula into (e²ˣ − 1) / (e²ˣ + 1); write that as 1 − 2 / (e²ˣ + 1) and use exactly this form "
               "in your code: for a very large x, e²ˣ = `inf` and the result is 1; for a large negative x, "
               "e²ˣ = 0 and the result is −1; no NaN anywhere. The form (e²ˣ − 1) / (e²ˣ + 1) still gives "
               "`inf / inf` for a large x."},
    ],
    "circle_model": [
        {"tr": "3. bölüm: yalnızca `nn.Linear` katmanlarından oluşan bir model düz bir çizgi çizer; "
               "çemberleri ayırmak için katmanlar arasında doğrusal olmayan bir aktivasyon fonksiyonu "
               "gerekir.",
         "en": "Section 3: a model made only of `nn.Linear` layers draws a straight line; to separate the "
               "circles you need a non-linear activation function between the layers."},
        {"tr": "`nn.Linear` katmanlarını `in_features=2` ile başlatıp `out_features=1` ile bitirin ve "
               "aralarına `nn.ReLU` koyun (ör. 2 → 10 → 10 → 1). Sınıf argümansız oluşturulabilmeli.",
         "en": "Start the `nn.Linear` layers with `in_features=2`, end them with `out_features=1` and put "
               "`nn.ReLU` between them (e.g. 2 → 10 → 10 → 1). The class must be constructible without "
               "arguments."},
        {"tr": "`forward` sigmoid uygulamadan `[N, 1]` şeklinde ham logit döndürmeli; sigmoid'i kayıp "
               "fonksiyonu kendisi uygular. ReLU'yu her gizli katmandan sonra koyun, son katmandan sonra "
               "değil; notlandırıcı modeli kendi çember verisinde Adam ile eğitip görmediği noktalarda en "
               "az %90 doğruluk bekler.",
         "en": "`forward` must return raw logits of shape `[N, 1]` without a sigmoid; the loss function "
               "applies the sigmoid itself. Put a ReLU after every hidden layer, not after the last one; "
               "the grader trains the model on its own circles with Adam and expects at least 90% accuracy "
               "on points it never trained on."},
    ],
    "train_model": [
        {"tr": "4. bölümdeki beş adımlı eğitim döngüsü ve ardından gelen test ölçümü bu fonksiyonun "
               "iskeletidir. Fonksiyon verilen modeli yerinde eğitir ve bir geçmiş sözlüğü döndürür.",
         "en": "The five-step training loop of section 4 and the test measurement after it are the "
               "skeleton of this function. The function trains the given model in place and returns a "
               "history dict."},
        {"tr": "Kayıp fonksiyonu `nn.BCEWithLogitsLoss`; optimize ediciyi fonksiyonun içinde "
               "`model.parameters()` ile kurun. Modelin çıktısı `[N, 1]`, etiketler `[N]`: kayba vermeden "
               "önce `squeeze(dim=1)` ile son boyutu kaldırın.",
         "en": "The loss function is `nn.BCEWithLogitsLoss`; build the optimizer inside the function with "
               "`model.parameters()`. The model outputs `[N, 1]`, the labels are `[N]`: remove the last "
               "dimension with `squeeze(dim=1)` before the loss."},
        {"tr": "Notlandırıcı fonksiyonu varsayılan argümanlarla çağırır: `epochs` ve `lr` için iyi çalışan "
               "varsayılanlar verin (ör. Adam, `lr=0.01`, 500 epok) ve veriyi modelin cihazına taşıyın. "
               "Test tahmini için logitlere önce `torch.sigmoid` sonra `torch.round` uygulayın, "
               "`test_acc` listesine `accuracy_fn` ile yüzde ekleyin; test kaybını eğitim adımından sonra, "
               "`model.eval()` ile değerlendirmede ve `torch.inference_mode()` içinde hesaplayın.",
         "en": "The grader calls the function with its default arguments: give `epochs` and `lr` defaults "
               "that work (e.g. Adam, `lr=0.01`, 500 epochs) and move the data to the model's device. For "
               "the test predictions apply `torch.sigmoid`, then `torch.round` to the logits and append "
               "the percentage from `accuracy_fn` to `test_acc`; compute the test loss after the training "
               "step, in evaluation with `model.eval()` and inside `torch.inference_mode()`."},
    ],
    "moons_data": [
        {"tr": "6. bölüm: çemberler için Alıştırma 1'de yaptığınızı yarım ay verisine uygulayın.",
         "en": "Section 6: do for the moons what you did for the circles in exercise 1."},
        {"tr": "`make_moons` NumPy dizileri döndürür: ikisini de `torch.float32` tensörlere çevirin "
               "(etiketler de), sonra `train_test_split` ile `test_size=0.2`, `random_state=42` "
               "kullanarak ayırın.",
         "en": "`make_moons` returns NumPy arrays: turn both into `torch.float32` tensors (the labels "
               "too), then split them with `train_test_split`, `test_size=0.2`, `random_state=42`."},
        {"tr": "`train_test_split` sonuçları `X_train, X_test, y_train, y_test` sırasıyla döndürür; "
               "`X_moons_train, X_moons_test, y_moons_train, y_moons_test` adlarını bu sırayla atayın. "
               "Gizli testler değerleri de karşılaştırdığı için `noise=0.07` ve `random_state=42` "
               "değerlerini değiştirmeyin.",
         "en": "`train_test_split` returns its results in the order `X_train, X_test, y_train, y_test`; "
               "assign `X_moons_train, X_moons_test, y_moons_train, y_moons_test` in that order. The "
               "hidden tests compare the values too, so keep `noise=0.07` and `random_state=42`."},
    ],
    "moons": [
        {"tr": "6. bölüm: çemberler için yaptığınız iki adımı (model, eğitim) yarım ay verisine uygulayın.",
         "en": "Section 6: apply the two steps you did for the circles (model, training) to the moons."},
        {"tr": "Yeni bir model sınıfı yazın (2 girdi, 1 logit, aralarında ReLU) ve `train_model` "
               "fonksiyonunuzla eğitin; `train_model`'in döndürdüğü sözlüğü `moon_history` adına atayın "
               "(verilen kod onu kullanır).",
         "en": "Write a new model class (2 inputs, 1 logit, ReLU in between) and train it with your "
               "`train_model`; assign the dict `train_model` returns to `moon_history` (the given code "
               "uses it)."},
        {"tr": "`moon_model` sınıfın kendisi değil, eğitilmiş bir örneği olmalı ve `[N, 1]` logit "
               "döndürmeli. Notlandırıcı kendi ürettiği yeni yarım ay noktalarında en az %96 doğruluk "
               "ister; yetmiyorsa gizli katmanlardaki nöron sayısını ya da epok sayısını artırın.",
         "en": "`moon_model` must be a trained instance, not the class itself, and return `[N, 1]` logits. "
               "The grader wants at least 96% accuracy on new moon points it generates; if that is not "
               "reached, increase the number of neurons in the hidden layers or the number of epochs."},
    ],
}
