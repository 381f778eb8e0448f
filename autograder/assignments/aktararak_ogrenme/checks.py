"""Checks of ``06_aktararak_ogrenme`` (transfer learning with the project's offline pretrained CNN).

The pretrained feature extractor is ``autograder.pretrain.DigitNet`` trained on digits 0–4
(``autograder/weights/digitnet_0_4.pt``); the new task is digits 5–9. The grader builds its own
models (other widths, other class counts, perturbed weight files) to test the student's functions,
and measures the student's trained models on its own target images: digits 5–9 the notebook does
not train on, moved off-centre by up to 4 pixels (visible: training-split digits the notebook leaves
out; hidden: test-split digits with other shifts).
"""

from __future__ import annotations

import io
import math
import numbers
import tempfile
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from autograder import checks as c
from autograder import pretrain
from autograder.assignments import Assignment, TestSpec
from autograder.assignments.ozel_veri_setleri import (
    ModeRecorder,
    expect_modes,
    student_output_hidden,
    with_hints,
)
from autograder.errors import CheckFailure
from autograder.messages import register
from autograder.pretrain import DigitNet

SEEDS = {False: 17, True: 9090}          # grader data: visible / hidden
NOTEBOOK_PER_CLASS = 10                  # the notebook trains on the first 10 digits of each class
TARGET_SHIFT = 4                         # target images are moved by up to 4 pixels
SOURCE_THRESHOLD = 95.0                  # the loaded model on digits 0–4 (test split)
FIT_THRESHOLD = 60.0
TRANSFER_THRESHOLD = 60.0
SCRATCH_MINIMUM = 30.0                   # chance is 20 %: the scratch model must have been trained at all
N_TARGET = len(pretrain.TARGET_DIGITS)

register({
    "ao_not_model": {
        "tr": "`{name}` bir `nn.Module` (model) döndürmeli, ama `{got}` döndürdü.",
        "en": "`{name}` must return an `nn.Module` (a model), but returned `{got}`.",
    },
    "ao_load_keys": {
        "tr": "Dönen modelin parametre adları `DigitNet`'inkilerle aynı değil (ör. `{example}`). Mimariyi "
              "`DigitNet(num_classes=5)` ile kurun, sonra `load_state_dict` ile ağırlıkları yükleyin.",
        "en": "The returned model's parameter names differ from `DigitNet`'s (e.g. `{example}`). Build "
              "`DigitNet(num_classes=5)`, then load the weights with `load_state_dict`.",
    },
    "ao_not_loaded": {
        "tr": "Dönen modelin ağırlıkları `weights_path` dosyasındakilerle aynı değil (`{name}` farklı): ağırlıklar "
              "yüklenmemiş, model rastgele başlatılmış gibi. `model.load_state_dict(torch.load(weights_path, "
              "map_location=device, weights_only=True))` yazın ve verilen `weights_path`'i kullanın (yolu "
              "sabit yazmayın).",
        "en": "The returned model's weights differ from the `weights_path` file (`{name}` differs): the weights "
              "were not loaded. Use `model.load_state_dict(torch.load(weights_path, map_location=device, "
              "weights_only=True))` with the given `weights_path`.",
    },
    "hint_state_dict": {
        "tr": "İpucu: ağırlık dosyası ile kurduğunuz mimari uyuşmuyor (parametre adları ya da şekilleri farklı). "
              "Dosya kaynak görevin 5 sınıflı başlığını içerir: önce `DigitNet(num_classes=5)` kurup yükleyin, "
              "başlığı sonra değiştirin.",
        "en": "Hint: the weight file does not fit the architecture you built (parameter names or shapes differ). "
              "The file holds the source task's 5-class head: build `DigitNet(num_classes=5)`, load, and replace "
              "the head afterwards.",
    },
    "ao_load_fixed_path": {
        "tr": "`load_pretrained_model` kendisine verilen `weights_path` dosyasını değil, projenin dosyasını yükledi. "
              "Fonksiyon içinde `WEIGHTS_PATH` yerine `weights_path` parametresini kullanın: "
              "`torch.load(weights_path, ...)`.",
        "en": "`load_pretrained_model` loaded the project's file instead of the `weights_path` it was given. Use "
              "the `weights_path` parameter inside the function, not `WEIGHTS_PATH`.",
    },
    "ao_load_device": {
        "tr": "Model `{device}` cihazında olmalı, ama parametreleri `{got}` üzerinde: `model.to(device)` ile "
              "taşıyıp döndürün.",
        "en": "The model should be on `{device}`, but its parameters are on `{got}`: return `model.to(device)`.",
    },
    "ao_same_object": {
        "tr": "`load_pretrained_model` iki çağrıda aynı nesneyi döndürdü: her çağrıda yeni bir `DigitNet` kurun. "
              "Yoksa bir modeldeki değişiklik (dondurma, yeni başlık) ötekini de değiştirir.",
        "en": "`load_pretrained_model` returned the same object twice: build a new `DigitNet` on every call.",
    },
    "ao_source_accuracy": {
        "tr": "Yüklenen model kaynak görevde (0–4 rakamları) %{acc:.1f} doğruluk aldı, en az %{threshold:.0f} "
              "bekleniyordu: önceden eğitilmiş ağırlıklar doğru yüklenmemiş.",
        "en": "The loaded model scored {acc:.1f}% on the source task (digits 0–4), expected at least "
              "{threshold:.0f}%: the pretrained weights were not loaded correctly.",
    },
    "ao_not_frozen": {
        "tr": "`freeze_features` sonrası öznitelik çıkarıcının (`model.features`) hiçbir parametresi dondurulmadı "
              "(hepsinde `requires_grad=True`). `for param in model.features.parameters(): param.requires_grad "
              "= False` (dikkat: `==` değil `=`) ya da `model.features.requires_grad_(False)` yazın. "
              "`torch.no_grad()` parametreleri dondurmaz.",
        "en": "After `freeze_features` no parameter of the feature extractor (`model.features`) is frozen. Write "
              "`param.requires_grad = False` (`=`, not `==`) for each, or `model.features.requires_grad_(False)`.",
    },
    "ao_partly_frozen": {
        "tr": "Öznitelik çıkarıcının yalnızca bir kısmı donduruldu ({frozen}/{total} parametre tensörü): "
              "`model.features`'ın bütün parametrelerini dondurun.",
        "en": "Only part of the feature extractor is frozen ({frozen}/{total} parameter tensors): freeze every "
              "parameter of `model.features`.",
    },
    "ao_head_frozen": {
        "tr": "Sınıflandırıcı başlığı da donduruldu (`{name}` için `requires_grad=False`): yalnızca "
              "`model.features` dondurulmalı, yoksa eğitilecek hiçbir şey kalmaz. `model.requires_grad_(False)` "
              "yerine `model.features.requires_grad_(False)` kullanın.",
        "en": "The classifier head was frozen too (`requires_grad=False` for `{name}`): freeze only "
              "`model.features`, otherwise nothing is left to train.",
    },
    "ao_weights_changed": {
        "tr": "`{name}` öznitelik çıkarıcının ağırlıklarını değiştirdi (`{param}`): dondurmak ya da başlığı "
              "değiştirmek önceden eğitilmiş ağırlıklara dokunmamalı. Yeni bir model kurmayın, verilen modeli "
              "değiştirin.",
        "en": "`{name}` changed the feature extractor's weights (`{param}`): freezing or replacing the head must "
              "not touch the pretrained weights. Modify the given model, don't build a new one.",
    },
    "ao_head_in_features": {
        "tr": "Yeni başlığın `in_features` değeri öznitelik sayısıyla uyuşmuyor: {error}. Sayıyı sabit yazmayın, "
              "eski başlıktan okuyun: `model.classifier[1].in_features`.",
        "en": "The new head's `in_features` does not match the number of features: {error}. Don't hard-code "
              "it, read it from the old head: `model.classifier[1].in_features`.",
    },
    "ao_head_classes": {
        "tr": "`replace_head(model, num_classes={num_classes})` sonrası model `[yığın, {num_classes}]` logit "
              "döndürmeli, ama şekil {got}. Yeni `nn.Linear`'ın `out_features` değeri `num_classes` olmalı.",
        "en": "After `replace_head(model, num_classes={num_classes})` the model must return `[batch, "
              "{num_classes}]` logits, but the shape is {got}. The new `nn.Linear` needs "
              "`out_features=num_classes`.",
    },
    "ao_head_not_replaced": {
        "tr": "Sınıflandırıcı başlığı değiştirilmemiş: eski başlığın ağırlıkları (`{name}`) hâlâ modelde. "
              "`model.classifier = nn.Sequential(nn.Dropout(p=0.2), nn.Linear(in_features, num_classes))` ile "
              "yeni bir başlık atayın (eskisinin arkasına eklemeyin).",
        "en": "The classifier head was not replaced: the old head's weights (`{name}`) are still in the model. "
              "Assign a new head: `model.classifier = nn.Sequential(nn.Dropout(p=0.2), nn.Linear(in_features, "
              "num_classes))` (don't append it after the old one).",
    },
    "ao_features_unfrozen": {
        "tr": "`{name}` sonrası öznitelik çıkarıcının parametreleri yeniden eğitilebilir (`requires_grad=True`) "
              "oldu: yalnızca başlığı değiştirin, `model.requires_grad_(True)` çağırmayın.",
        "en": "After `{name}` the feature extractor's parameters are trainable again (`requires_grad=True`): only "
              "replace the head, don't call `model.requires_grad_(True)`.",
    },
    "ao_head_not_trainable": {
        "tr": "Yeni başlığın parametresi `{name}` eğitilemez (`requires_grad=False`): yeni katmanlar varsayılan "
              "olarak eğitilebilir; başlığı değiştirdikten sonra bütün modeli dondurmayın.",
        "en": "The new head's parameter `{name}` is not trainable (`requires_grad=False`): don't freeze the whole "
              "model after replacing the head.",
    },
    "ao_count_return": {
        "tr": "`count_parameters` iki tam sayı döndürmeli: `(toplam, eğitilebilir)`. Dönen: `{got}`.",
        "en": "`count_parameters` must return two integers: `(total, trainable)`. Got: `{got}`.",
    },
    "ao_count_tensors": {
        "tr": "`count_parameters` parametre tensörlerini saydı ({got}), sayıların (elemanların) toplamını değil "
              "({expected}). `sum(p.numel() for p in model.parameters())` kullanın.",
        "en": "`count_parameters` counted parameter tensors ({got}), not the numbers in them ({expected}). "
              "Use `sum(p.numel() for p in model.parameters())`.",
    },
    "ao_count_trainable": {
        "tr": "Eğitilebilir parametre sayısı {got} döndü, beklenen {expected}: yalnızca `p.requires_grad` olan "
              "parametreleri sayın: `sum(p.numel() for p in model.parameters() if p.requires_grad)`.",
        "en": "Got {got} trainable parameters, expected {expected}: count only parameters with "
              "`p.requires_grad`.",
    },
    "ao_count_swapped": {
        "tr": "`count_parameters` sırası ters: önce toplam ({total}), sonra eğitilebilir ({trainable}) "
              "parametre sayısını döndürün.",
        "en": "`count_parameters` has the order swapped: return the total ({total}) first, then the trainable "
              "({trainable}) count.",
    },
    "ao_count_wrong": {
        "tr": "`count_parameters` {got} döndürdü, beklenen (toplam, eğitilebilir) = {expected}. Sayıları verilen "
              "modelden hesaplayın (sabit yazmayın).",
        "en": "`count_parameters` returned {got}, expected (total, trainable) = {expected}. Compute them from the "
              "given model.",
    },
    "ao_fit_return": {
        "tr": "`train_model` epok başına bir ortalama kayıp içeren bir liste döndürmeli ({epochs} sayı). "
              "Sorun: {problem}",
        "en": "`train_model` must return a list with one mean loss per epoch ({epochs} numbers). Problem: {problem}",
    },
    "ao_frozen_changed": {
        "tr": "Eğitimden sonra dondurulmuş öznitelik çıkarıcının ağırlıkları değişti (`{name}`): "
              "`train_model` modeli yeniden eğitilebilir yapmamalı (`requires_grad_(True)` çağırmayın) ve "
              "dondurulmuş ağırlıkları elle güncellememeli. Yalnızca başlık öğrenmeli.",
        "en": "After training, the frozen feature extractor's weights changed (`{name}`): `train_model` must "
              "not make the model trainable again nor update frozen weights by hand. Only the head should learn.",
    },
    "ao_fit_accuracy": {
        "tr": "`train_model` ile eğitilen başlık notlandırıcının verisinde yalnızca %{acc:.1f} doğruluk aldı "
              "(en az %{threshold:.0f}). Kayıp fonksiyonu `nn.CrossEntropyLoss()`, optimize edici "
              "`torch.optim.Adam(model.parameters(), lr=lr)`; her yığında `zero_grad` → `backward` → `step`.",
        "en": "The head trained with `train_model` scored only {acc:.1f}% on the grader's data (at least "
              "{threshold:.0f}%). Use `nn.CrossEntropyLoss()` and `torch.optim.Adam(model.parameters(), lr=lr)`.",
    },
    "ao_output_shape": {
        "tr": "`{name}` `[yığın, 1, 28, 28]` girdiden `[yığın, {classes}]` logit döndürmeli; dönen şekil {got}.",
        "en": "`{name}` must map `[batch, 1, 28, 28]` inputs to `[batch, {classes}]` logits; got shape {got}.",
    },
    "ao_transfer_features_changed": {
        "tr": "`transfer_model`'in öznitelik çıkarıcısı önceden eğitilmiş ağırlıklarla aynı değil (`{name}`): "
              "eğitimden önce `freeze_features` ile dondurun ki yalnızca yeni başlık öğrensin.",
        "en": "`transfer_model`'s feature extractor differs from the pretrained weights (`{name}`): freeze it "
              "with `freeze_features` before training so only the new head learns.",
    },
    "ao_transfer_accuracy": {
        "tr": "`transfer_model` notlandırıcının 5–9 rakamlarında %{acc:.1f} doğruluk aldı, en az "
              "%{threshold:.0f} olmalı. Önceden eğitilmiş modeli yükleyip dondurdunuz, başlığı değiştirip "
              "`train_model` ile en az {epochs} epok eğittiniz mi?",
        "en": "`transfer_model` scored {acc:.1f}% on the grader's digits 5–9; it needs at least {threshold:.0f}%. "
              "Did you load, freeze, replace the head and train it with `train_model` for {epochs} epochs?",
    },
    "ao_scratch_architecture": {
        "tr": "`scratch_model` `transfer_model` ile aynı mimaride olmalı (`DigitNet(num_classes=5)`): "
              "parametre `{name}` farklı. Karşılaştırma ancak aynı ağla anlamlıdır.",
        "en": "`scratch_model` must have the same architecture as `transfer_model` (`DigitNet(num_classes=5)`): "
              "parameter `{name}` differs.",
    },
    "ao_scratch_pretrained": {
        "tr": "`scratch_model`'in öznitelik çıkarıcısı önceden eğitilmiş ağırlıkları taşıyor: sıfırdan eğitim "
              "için yeni bir `DigitNet(num_classes=5)` kurun, ağırlık yüklemeyin.",
        "en": "`scratch_model`'s feature extractor holds the pretrained weights: for training from scratch build "
              "a new `DigitNet(num_classes=5)` without loading weights.",
    },
    "ao_scratch_untrained": {
        "tr": "`scratch_model` notlandırıcının verisinde %{acc:.1f} doğruluk aldı (şans düzeyi %20): eğitilmemiş "
              "gibi. `transfer_model` ile aynı veriyle, aynı epok sayısı ve öğrenme oranıyla `train_model` ile "
              "eğitin.",
        "en": "`scratch_model` scored {acc:.1f}% on the grader's data (chance is 20%): it looks untrained. Train it "
              "with `train_model` on the same data, epochs and learning rate as `transfer_model`.",
    },
    "ao_transfer_not_better": {
        "tr": "Aktararak öğrenme kazanmadı: notlandırıcının verisinde `transfer_model` %{transfer:.1f}, "
              "`scratch_model` %{scratch:.1f}. İki modeli aynı küçük veriyle ve aynı ayarlarla eğittiniz mi? "
              "`transfer_model`'in öznitelik çıkarıcısı dondurulmuş ve önceden eğitilmiş olmalı.",
        "en": "Transfer learning did not win: on the grader's data `transfer_model` scored {transfer:.1f}%, "
              "`scratch_model` {scratch:.1f}%. Did you train both on the same small data with the same settings?",
    },
    "ao_confmat_shape": {
        "tr": "Karışıklık matrisi `[num_classes, num_classes]` = {expected} şeklinde olmalı, ama {got}. Hiç "
              "görünmeyen sınıflar için de satır/sütun olmalı: boyutu `num_classes`'tan alın.",
        "en": "The confusion matrix must have shape `[num_classes, num_classes]` = {expected}, but it has {got}. "
              "Classes that never occur still get a row and a column: take the size from `num_classes`.",
    },
    "ao_confmat_transposed": {
        "tr": "Karışıklık matrisi devrik (transpoze): satırlar gerçek etiketler, sütunlar tahminler olmalı: "
              "`matrix[y_true, y_pred] += 1`.",
        "en": "The confusion matrix is transposed: rows must be the true labels and columns the "
              "predictions: `matrix[y_true, y_pred] += 1`.",
    },
    "ao_confmat_wrong": {
        "tr": "Karışıklık matrisi notlandırıcının aynı model ve veriyle hesapladığından farklı (toplam {got} "
              "örnek sayıldı, beklenen {expected}). Her yığında `y_pred = model(X).argmax(dim=1)` ve her "
              "(gerçek, tahmin) çifti için `matrix[y, p] += 1`; bütün yığınları toplayın.",
        "en": "The confusion matrix differs from the grader's for the same model and data ({got} samples "
              "counted, expected {expected}). Per batch `y_pred = model(X).argmax(dim=1)`, then "
              "`matrix[y, p] += 1` for every (true, predicted) pair, over all batches.",
    },
    "ao_confmat_type": {
        "tr": "`make_confusion_matrix` tam sayılardan oluşan bir tensör (ya da NumPy dizisi) döndürmeli; dönen: "
              "`{got}`.",
        "en": "`make_confusion_matrix` must return a tensor (or NumPy array) of integers; got: `{got}`.",
    },
})


# --- the grader's models and data ------------------------------------------------------------------------

HINTS = (("Error(s) in loading state_dict", "hint_state_dict"),)  # this module's checks only

# The first ``torch.save`` of a tensor caches ``__slotnames__`` on ``torch.Tensor`` (copyreg). The
# hidden ``load_pretrained`` check saves a weight file; the kernel's tamper guard, armed after this
# module is imported, would report that cache as tampering. Fill it now, before the guard's snapshot.
torch.save(torch.zeros(1), io.BytesIO())


def pretrained_state() -> dict[str, torch.Tensor]:
    return torch.load(pretrain.WEIGHTS_PATH, map_location="cpu", weights_only=True)


def reference_pretrained(device=None) -> DigitNet:
    model = DigitNet()
    model.load_state_dict(pretrained_state())
    return model.to(device or "cpu")


def reference_transfer_model(num_classes: int = N_TARGET, device=None, width: int | None = None,
                             seed: int = 0) -> DigitNet:
    """Pretrained (or, with another ``width``, random) DigitNet, features frozen, a fresh head."""
    torch.manual_seed(seed)
    model = reference_pretrained() if width is None else DigitNet(width=width)
    model.features.requires_grad_(False)
    in_features = model.classifier[1].in_features
    model.classifier = nn.Sequential(nn.Dropout(p=0.2), nn.Linear(in_features, num_classes))
    return model.to(device or "cpu")


def source_data(hidden: bool) -> tuple[torch.Tensor, torch.Tensor]:
    """Digits 0–4 of the test split (hidden: moved by up to 3 pixels)."""
    X, y = pretrain.digit_subset(pretrain.SOURCE_DIGITS, train=False)
    if hidden:
        X = pretrain.shifted(X, torch.Generator().manual_seed(SEEDS[hidden]), max_shift=3)
    return X, y


def target_data(hidden: bool, per_class: int = 40) -> tuple[torch.Tensor, torch.Tensor]:
    """The grader's images of the target task (digits 5–9, labels 0–4), moved off-centre.

    Visible: training-split digits after the notebook's first ``NOTEBOOK_PER_CLASS`` of each class;
    hidden: test-split digits with other shifts than the notebook's test set.
    """
    X, y = pretrain.digit_subset(pretrain.TARGET_DIGITS, train=hidden is False)
    if hidden:
        keep = torch.arange(len(y))
    else:
        keep = torch.cat([(y == k).nonzero().flatten()[NOTEBOOK_PER_CLASS:NOTEBOOK_PER_CLASS + per_class]
                          for k in range(N_TARGET)])
    generator = torch.Generator().manual_seed(SEEDS[hidden] + 1)
    return pretrain.shifted(X[keep], generator, max_shift=TARGET_SHIFT), y[keep]


def budget_loader(hidden: bool, per_class: int = 10, batch_size: int = 10) -> DataLoader:
    """A small labelled set of centred target digits the notebook does not use (for ``train_model``)."""
    X, y = pretrain.digit_subset(pretrain.TARGET_DIGITS, train=True)
    start = 60 if not hidden else 80
    keep = torch.cat([(y == k).nonzero().flatten()[start:start + per_class] for k in range(N_TARGET)])
    generator = torch.Generator().manual_seed(SEEDS[hidden] + 2)
    return DataLoader(TensorDataset(X[keep], y[keep]), batch_size=batch_size, shuffle=True, generator=generator)


def _accuracy(model: nn.Module, X: torch.Tensor, y: torch.Tensor) -> float:
    device = next(model.parameters()).device
    return c.multiclass_accuracy(model, X.to(device), y.to(device))


def _model_device(model: nn.Module) -> torch.device | None:
    params = list(model.parameters())
    return params[0].device if params else None


def _head_names(model: nn.Module) -> list[str]:
    return [name for name, _ in model.named_parameters() if not name.startswith("features.")]


def _features_equal(model: nn.Module, state: dict[str, torch.Tensor]) -> str | None:
    """The first ``features.*`` parameter that differs from ``state`` (None when all are equal)."""
    params = dict(model.named_parameters())
    for name, value in state.items():
        if name.startswith("features."):
            if name not in params or params[name].shape != value.shape:
                return name
            if not torch.equal(params[name].detach().cpu(), value.cpu()):
                return name
    return None


def _returned_model(result, model: nn.Module) -> nn.Module:
    """The model a function returned, or the one it changed in place (``None`` or e.g.
    ``model.features.requires_grad_(False)``, which returns the ``features`` block)."""
    return result if isinstance(result, nn.Module) and hasattr(result, "features") else model


def _relative_distance(model: nn.Module, state: dict[str, torch.Tensor]) -> float:
    """How far the ``features.*`` weights are from ``state`` (1.0 or more: unrelated weights)."""
    params = dict(model.named_parameters())
    diff = norm = 0.0
    for name, value in state.items():
        if name.startswith("features.") and name in params and params[name].shape == value.shape:
            diff += float((params[name].detach().cpu() - value).square().sum())
            norm += float(value.square().sum())
    return math.sqrt(diff / norm) if norm else float("inf")


def _state_cpu(model: nn.Module) -> dict[str, torch.Tensor]:
    return {k: v.detach().cpu().clone() for k, v in model.state_dict().items()}


def _perturbed_weights(folder: Path) -> tuple[Path, dict[str, torch.Tensor]]:
    """A weight file like the real one, every tensor slightly changed: proves the given path is used."""
    generator = torch.Generator().manual_seed(SEEDS[True])
    state = {k: v + 0.01 * torch.randn(v.shape, generator=generator) for k, v in pretrained_state().items()}
    path = folder / "baska_agirliklar.pt"
    torch.save(state, path)
    return path, state


# --- checks ------------------------------------------------------------------------------------------------

@c.check("load_pretrained")
@with_hints(HINTS)
def check_load_pretrained(load_pretrained_model, hidden=False):
    c.expect_callable(load_pretrained_model, "load_pretrained_model")
    device = c.device()
    with tempfile.TemporaryDirectory(prefix="autograder-06-") as tmp:
        if hidden:
            path, expected = _perturbed_weights(Path(tmp))
        else:
            path, expected = str(pretrain.WEIGHTS_PATH), pretrained_state()
        model = c.call(load_pretrained_model, weights_path=path, device=device)
        if not isinstance(model, nn.Module):
            raise CheckFailure("ao_not_model", name="load_pretrained_model", got=type(model).__name__)
        state = model.state_dict()
        unknown = sorted(set(state) ^ set(expected))
        if unknown:
            raise CheckFailure("ao_load_keys", example=unknown[0])
        for name, value in expected.items():
            if state[name].shape != value.shape or not torch.equal(state[name].detach().cpu(), value):
                if hidden and torch.equal(state[name].detach().cpu(), pretrained_state()[name]):
                    raise CheckFailure("ao_load_fixed_path")
                raise CheckFailure("ao_not_loaded", name=name)
        got_device = _model_device(model)
        c.expect(got_device is not None and got_device.type == device.type, "ao_load_device", device=device.type,
                 got=str(got_device))
        again = c.call(load_pretrained_model, weights_path=path, device=device)
        c.expect(again is not model, "ao_same_object")
    if not hidden:  # the hidden call loads perturbed weights: their accuracy is not the point there
        X, y = source_data(hidden)
        acc = _accuracy(model, X, y)
        c.expect(acc >= SOURCE_THRESHOLD, "ao_source_accuracy", acc=acc, threshold=SOURCE_THRESHOLD)


def _check_frozen(model: nn.Module) -> None:
    features = list(model.features.named_parameters())
    frozen = [name for name, p in features if not p.requires_grad]
    if not frozen:
        raise CheckFailure("ao_not_frozen")
    if len(frozen) < len(features):
        raise CheckFailure("ao_partly_frozen", frozen=len(frozen), total=len(features))
    for name, param in model.named_parameters():
        if not name.startswith("features.") and not param.requires_grad:
            raise CheckFailure("ao_head_frozen", name=name)


@c.check("freeze_features")
@with_hints(HINTS)
def check_freeze_features(freeze_features, hidden=False):
    c.expect_callable(freeze_features, "freeze_features")
    device = c.device()
    torch.manual_seed(SEEDS[hidden])
    model = (DigitNet(num_classes=3, width=16) if hidden else reference_pretrained()).to(device)
    before = _state_cpu(model)
    result = c.call(freeze_features, model)
    frozen = _returned_model(result, model)
    changed = _features_equal(frozen, before)
    c.expect(changed is None, "ao_weights_changed", name="freeze_features", param=changed)
    _check_frozen(frozen)


@c.check("replace_head")
@with_hints(HINTS)
def check_replace_head(replace_head, hidden=False):
    c.expect_callable(replace_head, "replace_head")
    device = c.device()
    num_classes = 3 if hidden else N_TARGET
    torch.manual_seed(SEEDS[hidden])
    model = DigitNet(width=16) if hidden else reference_pretrained()
    model.features.requires_grad_(False)
    model.to(device)
    before = _state_cpu(model)
    old_head = {name: before[name] for name in _head_names(model)}
    result = c.call(replace_head, model, num_classes)
    new = _returned_model(result, model)
    X = torch.rand(4, 1, 28, 28, device=device)
    new.eval()
    try:
        with torch.inference_mode():
            out = c.forward(new, X)
    except CheckFailure as exc:
        if exc.hint == "hint_matmul_shape":
            raise CheckFailure("ao_head_in_features", error=exc.params.get("error", "")) from None
        raise
    if not isinstance(out, torch.Tensor) or tuple(out.shape) != (4, num_classes):
        got = list(out.shape) if isinstance(out, torch.Tensor) else type(out).__name__
        raise CheckFailure("ao_head_classes", num_classes=num_classes, got=got)
    changed = _features_equal(new, before)
    c.expect(changed is None, "ao_weights_changed", name="replace_head", param=changed)
    c.expect(all(not p.requires_grad for p in new.features.parameters()), "ao_features_unfrozen",
             name="replace_head")
    head = [(name, p) for name, p in new.named_parameters() if not name.startswith("features.")]
    for name, param in head:
        c.expect(param.requires_grad, "ao_head_not_trainable", name=name)
    for old_name, old_value in old_head.items():
        for _, param in head:
            if param.shape == old_value.shape and torch.equal(param.detach().cpu(), old_value):
                raise CheckFailure("ao_head_not_replaced", name=old_name)


def _count_cases(hidden: bool) -> list[nn.Module]:
    torch.manual_seed(SEEDS[hidden])
    if not hidden:
        return [reference_transfer_model(), DigitNet(num_classes=N_TARGET)]
    partly = DigitNet(num_classes=7, width=8)
    partly.features[0].requires_grad_(False)
    mixed = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 2))
    mixed[0].bias.requires_grad_(False)
    return [partly, mixed, reference_transfer_model(num_classes=3, width=24)]


@c.check("count_parameters")
@with_hints(HINTS)
def check_count_parameters(count_parameters, hidden=False):
    c.expect_callable(count_parameters, "count_parameters")
    for model in _count_cases(hidden):
        params = list(model.parameters())
        total = sum(p.numel() for p in params)
        trainable = sum(p.numel() for p in params if p.requires_grad)
        result = c.call(count_parameters, model)
        if not isinstance(result, (tuple, list)) or len(result) != 2:
            raise CheckFailure("ao_count_return", got=repr(result)[:80])
        got = []
        for value in result:
            if isinstance(value, torch.Tensor) and value.numel() == 1:
                value = value.item()
            if isinstance(value, bool) or not isinstance(value, (numbers.Integral, np.integer, float)) \
                    or value != int(value):
                raise CheckFailure("ao_count_return", got=repr(result)[:80])
            got.append(int(value))
        got_total, got_trainable = got
        if (got_total, got_trainable) == (total, trainable):
            continue
        if (got_total, got_trainable) == (trainable, total) and total != trainable:
            raise CheckFailure("ao_count_swapped", total=total, trainable=trainable)
        if got_total == len(params) != total:
            raise CheckFailure("ao_count_tensors", got=got_total, expected=total)
        if got_total == total and got_trainable != trainable:
            raise CheckFailure("ao_count_trainable", got=got_trainable, expected=trainable)
        raise CheckFailure("ao_count_wrong", got=(got_total, got_trainable), expected=(total, trainable))


@c.check("train_model")
@with_hints(HINTS)
def check_train_model(train_model, hidden=False):
    c.expect_callable(train_model, "train_model")
    device = c.device()
    epochs, lr = (12, 0.01) if hidden else (8, 0.003)
    model = reference_transfer_model(device=device, seed=SEEDS[hidden])
    loader = budget_loader(hidden)
    frozen_before = _state_cpu(model)
    head_before = c.snapshot(model.classifier)
    X_budget, y_budget = (t.to(device) for t in loader.dataset.tensors)

    def budget_loss() -> float:
        model.eval()
        with torch.inference_mode():
            return float(F.cross_entropy(model(X_budget), y_budget))

    first = budget_loss()
    with student_output_hidden():
        losses = c.call(train_model, model=model, dataloader=loader, epochs=epochs, lr=lr, device=device)
    changed = _features_equal(model, frozen_before)
    c.expect(changed is None, "ao_frozen_changed", name=changed)
    c.expect(all(not p.requires_grad for p in model.features.parameters()), "ao_features_unfrozen",
             name="train_model")
    c.expect(c.changed(head_before, model.classifier), "params_unchanged")
    if not isinstance(losses, (list, tuple)) or len(losses) != epochs:
        problem = type(losses).__name__ if not isinstance(losses, (list, tuple)) else f"{len(losses)} eleman / items"
        raise CheckFailure("ao_fit_return", epochs=epochs, problem=problem)
    values = []
    for value in losses:
        if isinstance(value, torch.Tensor) and value.numel() == 1:
            value = value.item()
        if not isinstance(value, numbers.Real) or not math.isfinite(value):
            raise CheckFailure("ao_fit_return", epochs=epochs, problem=f"{value!r}")
        values.append(float(value))
    c.expect_loss_decrease([first, budget_loss()], 0.6)
    X, y = target_data(hidden)
    acc = _accuracy(model, X, y)
    c.expect(acc >= FIT_THRESHOLD, "ao_fit_accuracy", acc=acc, threshold=FIT_THRESHOLD)


def _expect_target_model(model, name: str) -> None:
    if not isinstance(model, nn.Module):
        raise CheckFailure("ao_not_model", name=name, got=type(model).__name__)
    model.to(c.device())
    model.eval()
    with torch.inference_mode():
        out = c.forward(model, torch.rand(2, 1, 28, 28, device=c.device()))
    if not isinstance(out, torch.Tensor) or tuple(out.shape) != (2, N_TARGET):
        got = list(out.shape) if isinstance(out, torch.Tensor) else type(out).__name__
        raise CheckFailure("ao_output_shape", name=name, classes=N_TARGET, got=got)


@c.check("transfer_model")
@with_hints(HINTS)
def check_transfer_model(transfer_model, hidden=False):
    _expect_target_model(transfer_model, "transfer_model")
    changed = _features_equal(transfer_model, pretrained_state())
    c.expect(changed is None, "ao_transfer_features_changed", name=changed)
    X, y = target_data(hidden)
    acc = _accuracy(transfer_model, X, y)
    c.expect(acc >= TRANSFER_THRESHOLD, "ao_transfer_accuracy", acc=acc, threshold=TRANSFER_THRESHOLD, epochs=10)


@c.check("scratch_model")
@with_hints(HINTS)
def check_scratch_model(scratch_model, transfer_model, hidden=False):
    _expect_target_model(scratch_model, "scratch_model")
    _expect_target_model(transfer_model, "transfer_model")
    shapes = {n: p.shape for n, p in transfer_model.named_parameters()}
    mine = {n: p.shape for n, p in scratch_model.named_parameters()}
    for name in sorted(set(shapes) | set(mine)):
        c.expect(shapes.get(name) == mine.get(name), "ao_scratch_architecture", name=name)
    # fine-tuning the pretrained network keeps its features close to the file; fresh weights are far away
    c.expect(_relative_distance(scratch_model, pretrained_state()) > 0.5, "ao_scratch_pretrained")
    X, y = target_data(hidden)
    scratch, transfer = _accuracy(scratch_model, X, y), _accuracy(transfer_model, X, y)
    c.expect(scratch >= SCRATCH_MINIMUM, "ao_scratch_untrained", acc=scratch)
    c.expect(transfer > scratch, "ao_transfer_not_better", transfer=transfer, scratch=scratch)


def _confusion_case(hidden: bool):
    """(model, loader, num_classes, expected matrix): a model whose mistakes are lopsided."""
    torch.manual_seed(SEEDS[hidden])
    if hidden:
        model, num_classes = DigitNet(num_classes=7, width=8), 7   # random; classes 5 and 6 never occur
        X, y = source_data(True)
    else:
        model, num_classes = reference_pretrained(), N_TARGET       # the 0–4 model on digits 5–9
        X, y = target_data(False, per_class=20)
    model = ModeRecorder(model).to(c.device())
    loader = DataLoader(TensorDataset(X, y), batch_size=16, shuffle=False)
    model.eval()
    with torch.inference_mode():
        pred = model.inner(X.to(c.device())).argmax(dim=1).cpu()
    expected = torch.bincount(y * num_classes + pred, minlength=num_classes ** 2).reshape(num_classes, num_classes)
    model.calls.clear()
    model.train()
    return model, loader, num_classes, expected


@c.check("confusion_matrix")
@with_hints(HINTS)
def check_confusion_matrix(make_confusion_matrix, hidden=False):
    c.expect_callable(make_confusion_matrix, "make_confusion_matrix")
    model, loader, num_classes, expected = _confusion_case(hidden)
    result = c.call(make_confusion_matrix, model=model, dataloader=loader, num_classes=num_classes,
                    device=c.device())
    try:
        matrix = torch.as_tensor(np.asarray(result.detach().cpu() if isinstance(result, torch.Tensor) else result))
    except (TypeError, ValueError, RuntimeError):
        raise CheckFailure("ao_confmat_type", got=type(result).__name__) from None
    integral = (not matrix.dtype.is_floating_point and not matrix.dtype.is_complex and matrix.dtype != torch.bool) \
        or (matrix.dtype.is_floating_point and torch.equal(matrix, matrix.round()))
    if not integral:
        raise CheckFailure("ao_confmat_type", got=f"{type(result).__name__} ({matrix.dtype})")
    matrix = matrix.long()
    expect_modes(model, "make_confusion_matrix", training=False)
    if tuple(matrix.shape) != tuple(expected.shape):
        raise CheckFailure("ao_confmat_shape", expected=list(expected.shape), got=list(matrix.shape))
    if torch.equal(matrix, expected):
        return
    if torch.equal(matrix, expected.T):
        raise CheckFailure("ao_confmat_transposed")
    raise CheckFailure("ao_confmat_wrong", got=int(matrix.sum()), expected=int(expected.sum()))


ASSIGNMENT = Assignment("06_aktararak_ogrenme", "aktararak_ogrenme", (
    TestSpec("load_pretrained", 2, ("load_pretrained_model",), check_load_pretrained),
    TestSpec("freeze_features", 2, ("freeze_features",), check_freeze_features),
    TestSpec("replace_head", 2, ("replace_head",), check_replace_head),
    TestSpec("count_parameters", 1, ("count_parameters",), check_count_parameters),
    TestSpec("train_model", 2, ("train_model",), check_train_model),
    TestSpec("transfer_model", 3, ("transfer_model",), check_transfer_model),
    TestSpec("scratch_model", 2, ("scratch_model", "transfer_model"), check_scratch_model),
    TestSpec("confusion_matrix", 2, ("make_confusion_matrix",), check_confusion_matrix),
))
