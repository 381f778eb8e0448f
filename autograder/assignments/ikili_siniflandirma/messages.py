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
