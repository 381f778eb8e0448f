"""Messages of 02_ikili_siniflandirma (Turkish and English)."""

from autograder.messages import register

register({
    "circles_values": {
        "tr": "`{name}` değerleri beklenenden farklı. `make_circles(n_samples=1000, noise=0.03, random_state=42)` "
              "ve `train_test_split(X, y, test_size=0.2, random_state=42)` kullanın; sırayı karıştırmayın "
              "(X_train, X_test, y_train, y_test).",
        "en": "`{name}` has unexpected values. Use `make_circles(n_samples=1000, noise=0.03, random_state=42)` "
              "and `train_test_split(X, y, test_size=0.2, random_state=42)`; keep the order "
              "(X_train, X_test, y_train, y_test).",
    },
    "moons_values": {
        "tr": "`{name}` değerleri beklenenden farklı. `make_moons(n_samples=1000, noise=0.07, random_state=42)` "
              "ve `train_test_split(X, y, test_size=0.2, random_state=42)` kullanın; sırayı karıştırmayın "
              "(X_moons_train, X_moons_test, y_moons_train, y_moons_test).",
        "en": "`{name}` has unexpected values. Use `make_moons(n_samples=1000, noise=0.07, random_state=42)` "
              "and `train_test_split(X, y, test_size=0.2, random_state=42)`; keep the order "
              "(X_moons_train, X_moons_test, y_moons_train, y_moons_test).",
    },
    "act_uses_tanh": {
        "tr": "`tanh` fonksiyonunuz PyTorch'un kendi tanh'ını çağırıyor (`torch.tanh`, `x.tanh()`, `nn.Tanh` ya da "
              "`F.tanh`). Bu alıştırmada formülü kendiniz yazın: yalnızca `torch.exp` ve `+`, `-`, `*`, `/`.",
        "en": "Your `tanh` calls PyTorch's own tanh (`torch.tanh`, `x.tanh()`, `nn.Tanh` or `F.tanh`). In this "
              "exercise write the formula yourself: only `torch.exp` and `+`, `-`, `*`, `/`.",
    },
    "act_is_sigmoid": {
        "tr": "`tanh` fonksiyonunuz sigmoid hesaplıyor: sigmoid 0 ile 1 arasına, tanh ise −1 ile 1 arasına "
              "sıkıştırır. Formül: tanh(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ) = 1 − 2 / (e²ˣ + 1).",
        "en": "Your `tanh` computes a sigmoid: sigmoid squashes into 0 to 1, tanh into −1 to 1. The formula: "
              "tanh(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ) = 1 − 2 / (e²ˣ + 1).",
    },
    "act_wrong": {
        "tr": "`tanh` yanlış sonuç verdi: x = {x} için beklenen {expected}, dönen {got}. Formül: "
              "tanh(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ) = 1 − 2 / (e²ˣ + 1); üsler için `torch.exp` kullanın.",
        "en": "`tanh` gave a wrong result: for x = {x} expected {expected}, got {got}. The formula: "
              "tanh(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ) = 1 − 2 / (e²ˣ + 1); use `torch.exp` for the powers.",
    },
    "act_overflow": {
        "tr": "`tanh` büyük girdilerde bozuluyor: x = {x} için sonuç {got} (beklenen −1 ile 1 arasında bir sayı). "
              "float32'de e⁸⁹ ve üstü sonsuz (`inf`) olur ve `inf / inf` NaN verir. Taşmayan bir biçim seçin: "
              "ör. 1 − 2 / (e²ˣ + 1) büyük x'te 1 − 0 = 1, büyük negatif x'te 1 − 2 = −1 verir.",
        "en": "`tanh` breaks on large inputs: for x = {x} the result is {got} (expected a number between −1 and 1). "
              "In float32 e⁸⁹ and above are infinite (`inf`) and `inf / inf` gives NaN. Pick a form that does not "
              "overflow: e.g. 1 − 2 / (e²ˣ + 1) gives 1 − 0 = 1 for large x and 1 − 2 = −1 for very small x.",
    },
    "accuracy_wrong": {
        "tr": "`accuracy_fn` yanlış sonuç verdi: beklenen {expected:.2f}, dönen {got}. Doğruluk = (doğru tahmin "
              "sayısı / toplam) × 100; `torch.eq(y_true, y_pred).sum().item()` işinize yarar.",
        "en": "`accuracy_fn` returned a wrong result: expected {expected:.2f}, got {got}. Accuracy = (correct "
              "predictions / total) × 100; `torch.eq(y_true, y_pred).sum().item()` helps.",
    },
    "accuracy_not_number": {
        "tr": "`accuracy_fn` bir sayı (float) döndürmeli, ama `{got}` döndürdü. Sonucu `.item()` ile sayıya çevirin.",
        "en": "`accuracy_fn` must return a number (float), but it returned a `{got}`. Turn it into a number with `.item()`.",
    },
    "test_loss_mismatch": {
        "tr": "`train_model`'in son `test_loss` değeri ({got:.4f}) notlandırıcının aynı modelde ölçtüğü test "
              "kaybıyla ({expected:.4f}) uyuşmuyor: test kaybını her epokta, eğitim adımından sonra, test "
              "verisinde `BCEWithLogitsLoss` ile (`model.eval()` ve `torch.inference_mode()` içinde) hesaplayın.",
        "en": "The last `test_loss` of `train_model` ({got:.4f}) does not match the test loss the grader "
              "measured on the same model ({expected:.4f}): compute the test loss every epoch, after the "
              "training step, on the test data with `BCEWithLogitsLoss` (inside `model.eval()` and "
              "`torch.inference_mode()`).",
    },
})
