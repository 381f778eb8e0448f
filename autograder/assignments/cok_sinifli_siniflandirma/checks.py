"""Checks of ``03_cok_sinifli_siniflandirma`` (multiclass classification: blobs, spirals, metrics).

Visible checks use one seed (and the notebook's 2 features / 4 classes) for the grader's fresh
data, hidden ones another seed and other sizes (3 features / 5 classes); accuracy and loss are
measured here, on the student's model, never read from what the student's code returns.
Expected metric values come from scikit-learn on the grader's own labels.
"""

from __future__ import annotations

import functools
import math
import numbers

import numpy as np
import torch
from sklearn.datasets import make_blobs
from sklearn.metrics import accuracy_score, precision_recall_fscore_support
from sklearn.metrics import confusion_matrix as sk_confusion_matrix
from sklearn.model_selection import train_test_split
from torch import nn

from autograder import checks as c
from autograder.assignments import Assignment, TestSpec
from autograder.errors import CheckFailure
from autograder.messages import register

NUM_CLASSES, NUM_FEATURES = 4, 2
BLOBS = {"n_samples": 1000, "n_features": NUM_FEATURES, "centers": NUM_CLASSES, "cluster_std": 1.5,
         "random_state": 42}
SPIRALS = {"n_per_class": 100, "n_classes": 3, "noise": 0.2, "seed": 42}
# The grader's own blobs: (seed, features, classes) for the model check and the training check.
# The seeds were picked so the clusters barely overlap (a logistic regression scores >= 99.5 %),
# so the 95 % bar measures the student's code, not the luck of the draw.
BLOB_MODEL_DATA = {False: (7, 2, 4), True: (13, 3, 5)}
TRAIN_DATA = {False: (10, 2, 4), True: (17, 3, 5)}
SPIRAL_SEEDS = {False: 7, True: 2718}
ACCURACY_THRESHOLD = 95.0
HISTORY_KEYS = ("train_loss", "test_loss", "test_acc")
METRIC_KEYS = ("accuracy", "precision", "recall", "f1")

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
        "tr": "`BlobModel(2, 4, hidden_units=8)` ile `BlobModel(2, 4, hidden_units=16)` aynı sayıda parametreye "
              "sahip: `hidden_units` kullanılmıyor. Gizli katmanların nöron sayısını `hidden_units` ile belirleyin.",
        "en": "`BlobModel(2, 4, hidden_units=8)` and `BlobModel(2, 4, hidden_units=16)` have the same number of "
              "parameters: `hidden_units` is not used. Size the hidden layers with `hidden_units`.",
    },
    "mc_softmax_in_forward": {
        "tr": "`{name}` olasılık döndürüyor (her satır negatif değil ve toplamı 1): `forward` içinde softmax var. "
              "`forward` logit (modelin ham çıktısı) döndürmeli; `nn.CrossEntropyLoss` softmax'i kendi içinde "
              "uygular. Softmax'i yalnızca tahmin üretirken, modelin dışında kullanın.",
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
        "tr": "`pred_probs` yanlış: olasılıklar sütun boyunca normalize edilmiş. Softmax'i **sınıf boyutunda** "
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
              "bekler ve softmax'i kendisi uygular: `loss_fn(model(X), y)` yazın, `loss_fn(torch.softmax(...), y)` "
              "değil. Softmax'i yalnızca doğruluk için tahmin üretirken kullanın.",
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
        "tr": "`train_multiclass`'ın son `test_acc` değeri ({got:.2f}) notlandırıcının ölçtüğü test doğruluğuyla "
              "(%{expected:.2f}) uyuşmuyor: tahminleri `argmax(dim=1)` ile üretip doğruluğu yüzde (0–100) olarak, "
              "eğitim adımından sonra test verisinde hesaplayın.",
        "en": "The last `test_acc` of `train_multiclass` ({got:.2f}) does not match the test accuracy the grader "
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
        "tr": "`classification_metrics` şu anahtarları içeren bir sözlük (dict) döndürmeli: {keys}; her biri "
              "0 ile 1 arasında bir sayı. Sorun: {problem}",
        "en": "`classification_metrics` must return a dict with the keys {keys}, each a number from 0 to 1. "
              "Problem: {problem}",
    },
    "mc_metric_percent": {
        "tr": "`{name}` 0 ile 1 arasında olmalı (scikit-learn ve torchmetrics gibi), ama {got:.4f} döndü "
              "(beklenen {expected:.4f}): 100 ile çarpmayın.",
        "en": "`{name}` must be between 0 and 1 (like scikit-learn and torchmetrics), but {got:.4f} came back "
              "(expected {expected:.4f}): don't multiply by 100.",
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
        "tr": "`{name}` doğrulukla aynı çıktı ({got:.4f}): bu mikro ortalamadır (micro average). Burada **makro "
              "ortalama** isteniyor: her sınıf için ayrı hesaplayıp sınıfların basit ortalamasını alın "
              "(beklenen {expected:.4f}).",
        "en": "`{name}` equals the accuracy ({got:.4f}): that is the micro average. The **macro average** is "
              "asked for here: compute it per class and take the plain mean over the classes "
              "(expected {expected:.4f}).",
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
    "mc_metric_wrong": {
        "tr": "`{name}` yanlış: beklenen {expected:.4f}, dönen {got:.4f} (makro ortalama, 0–1 arası).",
        "en": "`{name}` is wrong: expected {expected:.4f}, got {got:.4f} (macro average, between 0 and 1).",
    },


    "mc_hint_out_of_bounds": {
        "tr": "İpucu: etiketteki bir sınıf indeksi modelin çıktı sayısından büyük: çıktı katmanında sınıf başına bir "
              "nöron olmalı (`out_features` = sınıf sayısı).",
        "en": "Hint: a class index in the labels is larger than the model's number of outputs: the output layer "
              "needs one unit per class (`out_features` = number of classes).",
    },
})

c.register_error_hint("expected target dtype to be Long", "hint_long_target")
for _index in range(1, 32):
    c.register_error_hint(f"Target {_index} is out of bounds", "mc_hint_out_of_bounds")


# --- data the grader generates ---------------------------------------------------------------------------

def blobs(seed: int, features: int = NUM_FEATURES, classes: int = NUM_CLASSES, n: int = 1000, device=None):
    X, y = make_blobs(n_samples=n, n_features=features, centers=classes, cluster_std=1.5, random_state=seed)
    return (torch.tensor(X, dtype=torch.float32, device=device), torch.tensor(y, dtype=torch.long, device=device))


def make_spirals(n_per_class: int = 100, n_classes: int = 3, noise: float = 0.2, seed: int = 42):
    """The notebook's spirals (same code): ``n_classes`` arms turning 4 radians from the centre outwards."""
    rng = np.random.default_rng(seed)
    radius = np.tile(np.linspace(0.0, 1.0, n_per_class), n_classes)
    y = np.repeat(np.arange(n_classes), n_per_class)
    angle = 4.0 * radius + 2 * np.pi * y / n_classes + rng.normal(0.0, noise, radius.shape)
    X = np.column_stack([radius * np.sin(angle), radius * np.cos(angle)])
    return X, y


def spirals(n_per_class: int, seed: int, device=None):
    X, y = make_spirals(n_per_class, SPIRALS["n_classes"], SPIRALS["noise"], seed)
    return (torch.tensor(X, dtype=torch.float32, device=device), torch.tensor(y, dtype=torch.long, device=device))


def reference_blob_split():
    X, y = make_blobs(**BLOBS)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
    return (torch.tensor(X_train, dtype=torch.float32), torch.tensor(X_test, dtype=torch.float32),
            torch.tensor(y_train, dtype=torch.long), torch.tensor(y_test, dtype=torch.long))


def reference_spiral_split():
    X, y = make_spirals(**SPIRALS)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
    return (torch.tensor(X_train, dtype=torch.float32), torch.tensor(X_test, dtype=torch.float32),
            torch.tensor(y_train, dtype=torch.long), torch.tensor(y_test, dtype=torch.long))


def reference_model(features: int = NUM_FEATURES, classes: int = NUM_CLASSES, hidden_units: int = 8) -> nn.Module:
    """The course's blob model (a stack of linear layers): used to test the training function alone."""
    return nn.Sequential(nn.Linear(features, hidden_units), nn.Linear(hidden_units, hidden_units),
                         nn.Linear(hidden_units, classes))


def softmax_loss_floor(classes: int) -> float:
    """The smallest cross-entropy possible when probabilities (in [0, 1]) are passed as logits."""
    return math.log(1 + (classes - 1) / math.e)


# --- shared pieces ---------------------------------------------------------------------------------------

def _expect_labels(y, name: str, rows: int) -> None:
    c.expect_tensor(y, name)
    if y.dtype != torch.long:
        raise CheckFailure("mc_labels_not_long", name=name, got=str(y.dtype))
    c.expect_tensor(y, name, shape=(rows,))


def _expect_split(kind: str, values: tuple, n_train: int, n_test: int, features: int, reference=None) -> None:
    """``X_<kind>_train, X_<kind>_test, y_<kind>_train, y_<kind>_test``: float32 features, long labels,
    the given row counts; with ``reference`` (hidden tests), also the values of the grader's split."""
    names = (f"X_{kind}_train", f"X_{kind}_test", f"y_{kind}_train", f"y_{kind}_test")
    rows = (n_train, n_test, n_train, n_test)
    for name, value, n in zip(names[:2], values[:2], rows[:2]):
        c.expect_tensor(value, name, shape=(n, features), dtype=torch.float32)
    for name, value, n in zip(names[2:], values[2:], rows[2:]):
        _expect_labels(value, name, n)
    if reference:
        for name, value, expected in zip(names, values, reference()):
            c.expect(torch.allclose(value.detach().cpu(), expected, atol=1e-5), f"mc_{kind}_values", name=name)


def _check_logits(model: nn.Module, X: torch.Tensor, classes: int, name: str) -> torch.Tensor:
    """[N, classes] float logits, not probabilities; returns them."""
    out = c.forward(model, X)
    c.expect_tensor(out, f"{name}(X)")
    if out.ndim != 2 or out.shape[0] != len(X) or out.shape[1] != classes:
        raise CheckFailure("mc_wrong_output_units", name=name, expected=[len(X), classes],
                           got=list(out.shape), classes=classes)
    c.expect_tensor(out, f"{name}(X)", dtype=torch.float32)
    out = out.detach()
    if bool((out >= 0).all()) and torch.allclose(out.sum(dim=1), torch.ones(len(X), device=out.device), atol=1e-4):
        raise CheckFailure("mc_softmax_in_forward", name=name)
    return out


def _train_and_measure(model: nn.Module, X: torch.Tensor, y: torch.Tensor, X_test, y_test, steps: int,
                       lr: float) -> float:
    losses = c.train_with(model, X, y, nn.CrossEntropyLoss(), steps=steps, lr=lr)
    c.expect_loss_decrease(losses, 0.5)
    return c.multiclass_accuracy(model, X_test, y_test)


# --- checks ------------------------------------------------------------------------------------------------

@c.check("blob_data")
def check_blob_data(X_blob_train, X_blob_test, y_blob_train, y_blob_test, hidden=False):
    _expect_split("blob", (X_blob_train, X_blob_test, y_blob_train, y_blob_test), 800, 200, NUM_FEATURES,
                  reference_blob_split if hidden else None)


@c.check("blob_model")
def check_blob_model(BlobModel, hidden=False):
    c.expect_module_class(BlobModel, "BlobModel")
    device = c.device()
    seed, features, classes = BLOB_MODEL_DATA[hidden]
    X, y = blobs(seed, features, classes, device=device)
    model = c.construct(BlobModel, "BlobModel", features, classes).to(device)
    try:
        _check_logits(model, X[:16], classes, f"BlobModel({features}, {classes})")
    except CheckFailure as exc:
        if exc.hint == "hint_matmul_shape" and features != NUM_FEATURES:
            raise CheckFailure("mc_in_features_ignored", features=features, classes=classes) from None
        raise
    if not hidden:
        sizes = [sum(p.numel() for p in c.construct(BlobModel, "BlobModel", features, classes, hidden_units=h)
                     .parameters()) for h in (8, 16)]
        c.expect(sizes[0] != sizes[1], "mc_hidden_units_ignored")
    accuracy = _train_and_measure(model, X[:800], y[:800], X[800:], y[800:], steps=200, lr=0.01)
    c.expect_accuracy(accuracy, ACCURACY_THRESHOLD)


@c.check("logits_to_predictions")
def check_logits_to_predictions(logits_to_predictions, hidden=False):
    c.expect_callable(logits_to_predictions, "logits_to_predictions")
    g = torch.Generator().manual_seed(31 if hidden else 3)
    shapes = [(64, 5), (1, 5), (7, 3)] if hidden else [(16, NUM_CLASSES)]
    for rows, classes in shapes:
        logits = (torch.randn(rows, classes, generator=g) * 3).to(c.device())
        result = c.call(logits_to_predictions, logits.clone())
        if not isinstance(result, (tuple, list)) or len(result) != 2:
            raise CheckFailure("mc_not_pair", got=type(result).__name__)
        probs, labels = result
        expected = torch.softmax(logits, dim=1)
        c.expect_tensor(probs, "pred_probs", shape=(rows, classes))
        probs = probs.detach().to(expected.device).float()
        if not torch.allclose(probs, expected, atol=1e-5):
            if torch.allclose(probs, torch.softmax(logits, dim=0), atol=1e-5):
                raise CheckFailure("mc_probs_softmax_dim")
            if torch.allclose(probs, torch.sigmoid(logits), atol=1e-5):
                raise CheckFailure("mc_probs_sigmoid")
            raise CheckFailure("mc_probs_wrong")
        c.expect_tensor(labels, "pred_labels")
        if tuple(labels.shape) != (rows,):
            raise CheckFailure("mc_labels_argmax_dim", expected=[rows], got=list(labels.shape))
        c.expect(torch.equal(labels.detach().to(expected.device).long(), expected.argmax(dim=1)), "mc_labels_wrong")
        c.expect_tensor(labels, "pred_labels", dtype=torch.long)


@c.check("train_multiclass")
def check_train_multiclass(train_multiclass, hidden=False):
    c.expect_callable(train_multiclass, "train_multiclass")
    device = c.device()
    seed, features, classes = TRAIN_DATA[hidden]
    X, y = blobs(seed, features, classes, device=device)
    X_train, y_train, X_test, y_test = X[:800], y[:800], X[800:], y[800:]
    model = reference_model(features, classes).to(device)
    loss_fn = nn.CrossEntropyLoss()

    def measured(X_, y_, softmax=False):
        model.eval()
        with torch.inference_mode():
            out = model(X_)
            return float(loss_fn(torch.softmax(out, dim=1) if softmax else out, y_))

    before, first_loss = c.snapshot(model), measured(X_train, y_train)
    history = c.call(train_multiclass, model, X_train, y_train, X_test, y_test)
    c.expect(c.changed(before, model), "params_unchanged")
    c.expect_history(history, "train_multiclass", HISTORY_KEYS, c.default_args(train_multiclass).get("epochs"))
    train_losses = [float(v) for v in history["train_loss"]]
    got_test = float(history["test_loss"][-1])
    expected_test = measured(X_test, y_test)
    close = functools.partial(math.isclose, rel_tol=1e-3, abs_tol=1e-4)
    if not close(got_test, expected_test) and close(got_test, measured(X_test, y_test, softmax=True)):
        raise CheckFailure("mc_softmax_before_loss", got=got_test, expected=expected_test)
    final_train = measured(X_train, y_train)
    if min(train_losses) >= softmax_loss_floor(classes) - 1e-4 and final_train < min(train_losses) - 0.05:
        raise CheckFailure("mc_softmax_before_loss", got=min(train_losses), expected=final_train)
    c.expect_loss_decrease([first_loss, final_train], 0.5)
    accuracy = c.multiclass_accuracy(model, X_test, y_test)
    if hidden:
        if not close(got_test, expected_test):
            raise CheckFailure("mc_test_loss_mismatch", got=got_test, expected=expected_test)
        got_acc = float(history["test_acc"][-1])
        if accuracy > 0 and math.isclose(got_acc, accuracy / 100, abs_tol=1e-4):
            raise CheckFailure("accuracy_fraction", got=got_acc, expected=accuracy)
        c.expect(math.isclose(got_acc, accuracy, abs_tol=0.01), "mc_test_acc_mismatch", got=got_acc, expected=accuracy)
    c.expect_accuracy(accuracy, ACCURACY_THRESHOLD)


@c.check("spiral_model")
def check_spiral_model(SpiralModel, hidden=False):
    c.expect_module_class(SpiralModel, "SpiralModel")
    device = c.device()
    model = c.construct(SpiralModel, "SpiralModel").to(device)
    seed = SPIRAL_SEEDS[hidden] + 1
    X_train, y_train = spirals(SPIRALS["n_per_class"], seed, device)
    X_test, y_test = spirals(200, seed + 1, device)
    _check_logits(model, X_train[:16], SPIRALS["n_classes"], "SpiralModel()")
    c.expect(not c.is_affine(model, X_train), "mc_spiral_linear", name="SpiralModel")
    accuracy = _train_and_measure(model, X_train, y_train, X_test, y_test, steps=800, lr=0.02)
    c.expect_accuracy(accuracy, ACCURACY_THRESHOLD)


@c.check("spirals")
def check_spirals(X_spiral_train, X_spiral_test, y_spiral_train, y_spiral_test, spiral_model, hidden=False):
    n = SPIRALS["n_per_class"] * SPIRALS["n_classes"]
    n_test = n // 5
    _expect_split("spiral", (X_spiral_train, X_spiral_test, y_spiral_train, y_spiral_test), n - n_test, n_test, 2,
                  reference_spiral_split if hidden else None)
    c.expect(isinstance(spiral_model, nn.Module), "not_module_class", name="spiral_model")
    device = c.device()
    model = spiral_model.to(device)
    X, y = spirals(200, SPIRAL_SEEDS[hidden], device)  # fresh points from the same distribution
    _check_logits(model, X[:16], SPIRALS["n_classes"], "spiral_model")
    c.expect(not c.is_affine(model, X), "mc_spiral_linear", name="spiral_model")
    c.expect_accuracy(c.multiclass_accuracy(model, X, y), ACCURACY_THRESHOLD)


def _label_cases(hidden: bool, device, absent_class: bool = False):
    """``[(y_true, y_pred, num_classes)]``: the visible case is balanced; hidden ones are skewed and one
    never predicts a class. With ``absent_class`` one more case has a class that never occurs at all
    (its row and column of the confusion matrix stay zero)."""
    g = torch.Generator().manual_seed(2718 if hidden else 5)

    def noisy(y_true, classes, keep):
        return torch.where(torch.rand(len(y_true), generator=g) < keep, y_true,
                           torch.randint(0, classes, (len(y_true),), generator=g))

    if not hidden:
        y_true = torch.arange(60) % NUM_CLASSES
        cases = [(y_true, noisy(y_true, NUM_CLASSES, 0.7), NUM_CLASSES)]
    else:
        weights = torch.tensor([0.5, 0.2, 0.15, 0.1, 0.05])
        y_true = torch.multinomial(weights, 300, replacement=True, generator=g)
        skewed = noisy(y_true, 5, 0.6)
        never_predicted = torch.where(skewed == 4, torch.zeros_like(skewed), skewed)
        y_three = torch.arange(45) % 3
        cases = [(y_true, skewed, 5), (y_true, never_predicted, 5), (y_three, noisy(y_three, 3, 0.5), 3)]
        if absent_class:
            cases.append((y_three, noisy(y_three, 3, 0.5), 4))
    return [(a.to(device), b.to(device), k) for a, b, k in cases]


def reference_metrics(y_true: torch.Tensor, y_pred: torch.Tensor, classes: int) -> dict[str, float]:
    t, p = y_true.cpu().numpy(), y_pred.cpu().numpy()
    precision, recall, f1, _ = precision_recall_fscore_support(t, p, labels=list(range(classes)), average="macro",
                                                               zero_division=0)
    return {"accuracy": float(accuracy_score(t, p)), "precision": float(precision), "recall": float(recall),
            "f1": float(f1)}


@c.check("confusion_matrix_fn")
def check_confusion_matrix_fn(confusion_matrix_fn, hidden=False):
    c.expect_callable(confusion_matrix_fn, "confusion_matrix_fn")
    for y_true, y_pred, classes in _label_cases(hidden, c.device(), absent_class=True):
        expected = torch.tensor(sk_confusion_matrix(y_true.cpu().numpy(), y_pred.cpu().numpy(),
                                                    labels=list(range(classes))))
        got = c.call(confusion_matrix_fn, y_true.clone(), y_pred.clone(), classes)
        c.expect_tensor(got, "confusion_matrix_fn(...)")
        if tuple(got.shape) != (classes, classes):
            raise CheckFailure("mc_confusion_shape", expected=[classes, classes], got=list(got.shape))
        got = got.detach().cpu()
        if torch.equal(got.double(), expected.double()):
            continue
        if torch.equal(got.double(), expected.T.double()):
            raise CheckFailure("mc_confusion_transposed")
        raise CheckFailure("mc_confusion_wrong", expected=expected.numpy(), got=got.numpy())


@c.check("classification_metrics")
def check_classification_metrics(classification_metrics, hidden=False):
    c.expect_callable(classification_metrics, "classification_metrics")
    for y_true, y_pred, classes in _label_cases(hidden, c.device()):
        expected = reference_metrics(y_true, y_pred, classes)
        got = c.call(classification_metrics, y_true.clone(), y_pred.clone(), classes)
        if not isinstance(got, dict):
            raise CheckFailure("mc_metrics_not_dict", keys=", ".join(METRIC_KEYS), problem=type(got).__name__)
        values = {}
        for key in METRIC_KEYS:
            value = got.get(key)
            if isinstance(value, torch.Tensor) and value.numel() == 1:
                value = value.item()
            if not isinstance(value, numbers.Real):
                raise CheckFailure("mc_metrics_not_dict", keys=", ".join(METRIC_KEYS), problem=f"'{key}'")
            values[key] = float(value)
        _compare_metrics(values, expected, y_true, y_pred, classes)


def _compare_metrics(got: dict, expected: dict, y_true, y_pred, classes: int) -> None:
    def same(a, b):
        return math.isclose(a, b, abs_tol=1e-4)

    for key in METRIC_KEYS:
        if math.isnan(got[key]):
            raise CheckFailure("mc_zero_division", name=key, got=got[key])
        if expected[key] > 0 and same(got[key], 100 * expected[key]):
            raise CheckFailure("mc_metric_percent", name=key, got=got[key], expected=expected[key])
    if not same(got["accuracy"], expected["accuracy"]):
        raise CheckFailure("mc_metric_wrong", name="accuracy", expected=expected["accuracy"], got=got["accuracy"])
    if not (same(got["precision"], expected["precision"]) and same(got["recall"], expected["recall"])):
        if same(got["precision"], expected["recall"]) and same(got["recall"], expected["precision"]):
            raise CheckFailure("mc_precision_recall_swapped")
        for key in ("precision", "recall"):
            if not same(got[key], expected[key]):
                if same(got[key], expected["accuracy"]):
                    raise CheckFailure("mc_metric_micro", name=key, got=got[key], expected=expected[key])
                raise CheckFailure("mc_metric_wrong", name=key, expected=expected[key], got=got[key])
    if not same(got["f1"], expected["f1"]):
        p, r = expected["precision"], expected["recall"]
        if p + r > 0 and same(got["f1"], 2 * p * r / (p + r)):
            raise CheckFailure("mc_f1_from_macro", got=got["f1"], expected=expected["f1"])
        if same(got["f1"], expected["accuracy"]):
            raise CheckFailure("mc_metric_micro", name="f1", got=got["f1"], expected=expected["f1"])
        raise CheckFailure("mc_metric_wrong", name="f1", expected=expected["f1"], got=got["f1"])


ASSIGNMENT = Assignment("03_cok_sinifli_siniflandirma", "cok_sinifli_siniflandirma", (
    TestSpec("blob_data", 2, ("X_blob_train", "X_blob_test", "y_blob_train", "y_blob_test"), check_blob_data),
    TestSpec("blob_model", 3, ("BlobModel",), check_blob_model),
    TestSpec("logits_to_predictions", 2, ("logits_to_predictions",), check_logits_to_predictions),
    TestSpec("train_multiclass", 3, ("train_multiclass",), check_train_multiclass),
    TestSpec("spiral_model", 3, ("SpiralModel",), check_spiral_model),
    TestSpec("spirals", 3, ("X_spiral_train", "X_spiral_test", "y_spiral_train", "y_spiral_test", "spiral_model"),
             check_spirals),
    TestSpec("confusion_matrix_fn", 2, ("confusion_matrix_fn",), check_confusion_matrix_fn),
    TestSpec("classification_metrics", 2, ("classification_metrics",), check_classification_metrics),
))
