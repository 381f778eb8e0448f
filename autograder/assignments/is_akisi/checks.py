"""Checks of ``01_is_akisi`` (the PyTorch workflow: linear regression end to end, saving and loading).

The training check hands the student's ``train_and_test`` the grader's own model, loss,
optimizer and a freshly generated straight line with another weight and bias; the model
records how it was called (train/eval mode, gradients on or off) and the optimizer records
whether the gradients were zeroed, so each typical mistake gets its own hint. Saving and
loading happen in a temporary folder, never in the repository.
"""

from __future__ import annotations

import functools
import math
import tempfile
from pathlib import Path

import torch
from torch import nn

from autograder import checks as c
from autograder.assignments import Assignment, TestSpec
from autograder.errors import CheckFailure
from autograder.messages import register

WEIGHT, BIAS = 0.7, 0.3          # the notebook's line
START, END, STEP = 0.0, 1.0, 0.02
TRAIN_FRACTION = 0.8
# The grader's lines for the training check: (weight, bias, start, end, step); other weights and biases
# than the notebook's. 300 epochs of SGD (lr=0.01, L1) from weight = bias = 0 get within 0.01 of them.
TRAIN_LINES = {False: (0.3, 0.9, 0.0, 1.0, 0.02), True: (-0.5, 0.2, 0.0, 1.0, 0.025)}
TRAIN_EPOCHS, TRAIN_LR = 300, 0.01
TOLERANCE = 0.03                 # learned weight and bias vs the truth
MODEL_1_TOLERANCE = 0.02         # mean absolute error of model_1 on the grader's points of the notebook's line

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
        "en": "`{name}` must hold {expected} learnable parameter tensors ({what}), but `model.parameters()` yields "
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
        "tr": "Eğitim adımı değerlendirme modunda (eval) çalıştı: her epokun başında `model.train()` çağırın "
              "(test ölçümünden sonra model `eval` modunda kalır).",
        "en": "The training step ran in evaluation mode: call `model.train()` at the start of every epoch (after "
              "the test pass the model stays in `eval` mode).",
    },
    "wf_eval_mode": {
        "tr": "Test kümesindeki ileri geçiş eğitim modunda çalıştı: test ölçümünden önce `model.eval()` çağırın.",
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
        "tr": "Gradyanlar epoklar arasında birikiyor: `optimizer.step()` anında gradyan bu epokun gradyanından "
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
        "tr": "İpucu: dosyadaki `state_dict` yeni modelin parametreleriyle uyuşmuyor. `load_model` içinde modeli "
              "parametre olarak gelen sınıfla oluşturun (`model = model_class()`, sınıfı sabit yazmayın) ve dosyaya "
              "`model.state_dict()` kaydedin.",
        "en": "Hint: the `state_dict` in the file does not fit the new model's parameters. Inside `load_model` "
              "build the model from the class you were given (`model = model_class()`, don't hard-code the class) "
              "and save `model.state_dict()` to the file.",
    },
})

c.register_error_hint("Error(s) in loading state_dict", "wf_hint_state_dict")


# --- reference pieces ------------------------------------------------------------------------------------

def line(weight: float, bias: float, start: float, end: float, step: float, device=None):
    """``(X [N, 1], y [N, 1])`` on the straight line ``y = weight * X + bias``."""
    X = torch.arange(start, end, step, device=device).unsqueeze(dim=1)
    return X, weight * X + bias


def split(X: torch.Tensor, y: torch.Tensor):
    """The in-order 80/20 split: X_train, y_train, X_test, y_test."""
    n = int(TRAIN_FRACTION * len(X))
    return X[:n], y[:n], X[n:], y[n:]


class ReferenceLinearRegression(nn.Module):
    """The course's model written out: one weight, one bias, ``weights * x + bias``."""

    def __init__(self):
        super().__init__()
        self.weights = nn.Parameter(torch.randn(1))
        self.bias = nn.Parameter(torch.randn(1))

    def forward(self, x):
        return self.weights * x + self.bias


def parameter_count(model: nn.Module) -> tuple[int, int]:
    """(number of parameter tensors, number of values)."""
    params = list(model.parameters())
    return len(params), sum(p.numel() for p in params)


# --- data ------------------------------------------------------------------------------------------------------

@c.check("data")
def check_data(weight, bias, X, y, X_train, y_train, X_test, y_test, hidden=False):
    expected_X, _ = line(WEIGHT, BIAS, START, END, STEP)
    n = len(expected_X)
    c.expect_tensor(X, "X")
    if tuple(X.shape) != (n, 1):
        key = "wf_x_not_column" if tuple(X.shape) == (n,) else "wrong_shape"
        raise CheckFailure(key, name="X", expected=[n, 1], got=list(X.shape))
    c.expect_tensor(X, "X", dtype=torch.float32)
    c.expect_tensor(y, "y", shape=(n, 1), dtype=torch.float32)
    n_train = int(TRAIN_FRACTION * n)
    for name, value, rows in (("X_train", X_train, n_train), ("y_train", y_train, n_train),
                              ("X_test", X_test, n - n_train), ("y_test", y_test, n - n_train)):
        c.expect_tensor(value, name, shape=(rows, 1), dtype=torch.float32)
    try:
        ok = math.isclose(float(weight), WEIGHT) and math.isclose(float(bias), BIAS)
    except (TypeError, ValueError, RuntimeError):
        ok = False
    c.expect(ok, "wf_line_params", weight=weight, bias=bias)
    X_cpu, y_cpu = X.detach().cpu(), y.detach().cpu()
    c.expect(torch.allclose(y_cpu, WEIGHT * X_cpu + BIAS, atol=1e-6), "wf_y_not_line")
    parts = {"X_train": X_train, "y_train": y_train, "X_test": X_test, "y_test": y_test}
    for (name, value), expected in zip(parts.items(), split(X_cpu, y_cpu)):
        _expect_in_order(name, value.detach().cpu(), expected, X_cpu if name.startswith("X") else y_cpu)
    if hidden:
        c.expect(torch.allclose(X_cpu, expected_X, atol=1e-6), "wf_x_values")


def _expect_in_order(name: str, got: torch.Tensor, expected: torch.Tensor, whole: torch.Tensor) -> None:
    if torch.allclose(got, expected, atol=1e-6):
        return
    flat, pool = got.flatten(), whole.flatten()
    from_the_data = bool((flat.unsqueeze(1) - pool.unsqueeze(0)).abs().min(dim=1).values.max() < 1e-6)
    in_order = bool((flat[1:] >= flat[:-1]).all())
    if from_the_data and not in_order:  # e.g. train_test_split(..., shuffle=True)
        raise CheckFailure("wf_split_shuffled", name=name)
    raise CheckFailure("wf_split_wrong", name=name)


# --- models ----------------------------------------------------------------------------------------------------

def _fit(model: nn.Module, weight: float, bias: float, device) -> tuple[float, float]:
    """The grader's own loop on its own line: MSE + Adam (quick), then the line the model ends up drawing."""
    X, y = line(weight, bias, -1.0, 1.0, 0.05, device)
    c.train_with(model, X, y, nn.MSELoss(), steps=400, lr=0.05)
    model.eval()
    with torch.inference_mode():
        at_zero = float(c.forward(model, torch.zeros(1, 1, device=device)).reshape(-1)[0])
        at_one = float(c.forward(model, torch.ones(1, 1, device=device)).reshape(-1)[0])
    return at_one - at_zero, at_zero


def _expect_learns(model: nn.Module, hidden: bool, device) -> None:
    weight, bias = (-0.45, 0.8) if hidden else (0.25, -0.6)
    got_weight, got_bias = _fit(model, weight, bias, device)
    c.expect(abs(got_weight - weight) <= TOLERANCE and abs(got_bias - bias) <= TOLERANCE, "wf_not_learned",
             weight=weight, bias=bias, got_weight=got_weight, got_bias=got_bias, tol=TOLERANCE, advice="")


@c.check("linear_regression_model")
def check_linear_regression_model(LinearRegressionModel, hidden=False):
    c.expect_module_class(LinearRegressionModel, "LinearRegressionModel")
    device = c.device()
    model = c.construct(LinearRegressionModel, "LinearRegressionModel").to(device)
    expected_tensors, expected_values = parameter_count(ReferenceLinearRegression())
    params = list(model.parameters())
    got_tensors, got_values = parameter_count(model)
    if (got_tensors, got_values) != (expected_tensors, expected_values):
        raise CheckFailure("wf_parameter_count", name="LinearRegressionModel", expected=expected_tensors,
                           got=got_tensors, what="ağırlık ve yanlılık, birer sayı / weight and bias, one number each")
    c.expect(all(p.requires_grad for p in params), "wf_no_grad_param", name="LinearRegressionModel")
    _expect_line_forward(model, params, device, hidden)
    _expect_learns(model, hidden, device)


def _expect_line_forward(model: nn.Module, params: list[nn.Parameter], device, hidden: bool) -> None:
    """Set the two parameters to known values and check ``forward`` draws that line, whatever the names."""
    values = (2.5, -1.5) if hidden else (2.0, -3.0)
    with torch.no_grad():
        for p, v in zip(params, values):
            p.fill_(v)
    X = torch.linspace(-2, 2, 9, device=device).unsqueeze(1)
    model.eval()
    with torch.inference_mode():
        out = c.forward(model, X)
    c.expect_tensor(out, "LinearRegressionModel()(X)", shape=tuple(X.shape))
    candidates = [values, values[::-1]]  # which of the two is the weight is up to the student
    if not any(torch.allclose(out, w * X + b, atol=1e-5) for w, b in candidates):
        w, b = values
        raise CheckFailure("wf_forward_not_line", name="LinearRegressionModel", weight=w, bias=b, x=1.0,
                           expected=w + b, got=round(float(out[6, 0]), 4))
    with torch.no_grad():
        for p in params:
            p.copy_(torch.randn_like(p))


@c.check("linear_regression_model_v2")
def check_linear_regression_model_v2(LinearRegressionModelV2, hidden=False):
    c.expect_module_class(LinearRegressionModelV2, "LinearRegressionModelV2")
    device = c.device()
    model = c.construct(LinearRegressionModelV2, "LinearRegressionModelV2").to(device)
    c.expect(any(isinstance(m, nn.Linear) for m in model.modules()), "wf_no_linear")
    reference = nn.Linear(in_features=1, out_features=1)
    expected = parameter_count(reference)
    if parameter_count(model) != expected:
        raise CheckFailure("wf_parameter_count", name="LinearRegressionModelV2", expected=expected[0],
                           got=parameter_count(model)[0],
                           what="nn.Linear(1, 1): ağırlık ve yanlılık / weight and bias")
    X = torch.linspace(-50, 50, 64, device=device).unsqueeze(1)  # wide: a ReLU's kink falls inside
    c.expect_tensor(c.forward(model, X), "LinearRegressionModelV2()(X)", shape=(64, 1), dtype=torch.float32)
    c.expect(c.is_affine(model, X), "wf_v2_not_line")
    _expect_learns(model, hidden, device)


# --- loss and optimizer ---------------------------------------------------------------------------------------

@c.check("loss_and_optimizer")
def check_loss_and_optimizer(model_0, loss_fn, optimizer, hidden=False):
    c.expect(isinstance(model_0, nn.Module), "not_module_class", name="model_0")
    c.expect_callable(loss_fn, "loss_fn")
    g = torch.Generator().manual_seed(11 if hidden else 1)
    a, b = torch.randn(20, 1, generator=g), torch.randn(20, 1, generator=g)
    got = c.call(loss_fn, a, b)
    expected = float((a - b).abs().mean())
    got_value = float(got) if isinstance(got, torch.Tensor) and got.numel() == 1 else got
    if not isinstance(got_value, float) or not math.isclose(got_value, expected, rel_tol=1e-5):
        if isinstance(got_value, float) and math.isclose(got_value, float(((a - b) ** 2).mean()), rel_tol=1e-5):
            raise CheckFailure("wf_loss_is_mse")
        raise CheckFailure("wf_loss_not_l1", expected=expected, got=got_value)
    c.expect(isinstance(optimizer, torch.optim.SGD), "wf_optimizer_not_sgd", got=type(optimizer).__name__)
    in_optimizer = {id(p) for group in optimizer.param_groups for p in group["params"]}
    c.expect({id(p) for p in model_0.parameters()} == in_optimizer and in_optimizer, "wf_optimizer_params")
    for group in optimizer.param_groups:
        c.expect(1e-3 <= group["lr"] <= 0.1, "wf_lr", lr=group["lr"])


# --- the training and test loop ----------------------------------------------------------------------------------

class _RecordingModel(nn.Module):
    """The grader's linear regression model; remembers how each forward pass was made."""

    def __init__(self):
        super().__init__()
        self.weights = nn.Parameter(torch.zeros(1))
        self.bias = nn.Parameter(torch.zeros(1))
        self.calls: list[tuple[int, bool, bool]] = []   # (rows, training, grad enabled)

    def forward(self, x):
        self.calls.append((int(x.shape[0]), self.training, torch.is_grad_enabled()))
        return self.weights * x + self.bias


class _RecordingSGD(torch.optim.SGD):
    """SGD that looks, at every step, whether the gradient is this epoch's own: not piled up on the
    previous epochs' (zero_grad missing) and not wiped out before the step (zero_grad after backward)."""

    def __init__(self, params, lr):
        params = list(params)
        super().__init__(params, lr=lr)
        self.steps = self.cleared = self.piled_up = 0
        self.incoming: dict[int, torch.Tensor] = {}
        for p in params:
            p.register_hook(functools.partial(self._remember, id(p)))

    def _remember(self, key, grad):
        self.incoming[key] = grad.detach().clone()

    def step(self, closure=None):
        self.steps += 1
        pairs = [(p.grad, self.incoming[id(p)]) for group in self.param_groups for p in group["params"]
                 if id(p) in self.incoming]
        if pairs and any(bool(torch.any(fresh)) for _, fresh in pairs):
            if all(grad is None or not bool(torch.any(grad)) for grad, _ in pairs):
                self.cleared += 1
            elif any(grad is None or not torch.allclose(grad, fresh, atol=1e-7) for grad, fresh in pairs):
                self.piled_up += 1
        self.incoming = {}
        return super().step(closure)


@c.check("train_and_test")
def check_train_and_test(train_and_test, hidden=False):
    c.expect_callable(train_and_test, "train_and_test")
    device = c.device()
    weight, bias, start, end, step = TRAIN_LINES[hidden]
    X, y = line(weight, bias, start, end, step, device)
    X_train, y_train, X_test, y_test = split(X, y)
    model = _RecordingModel().to(device)
    loss_fn = nn.L1Loss()
    optimizer = _RecordingSGD(model.parameters(), lr=TRAIN_LR)

    def measured(X_, y_):
        model.eval()
        with torch.inference_mode():
            return float(loss_fn(X_ * model.weights + model.bias, y_))

    before, first_loss = c.snapshot(model), measured(X_train, y_train)
    model.calls.clear()
    model.eval()  # a loop that never calls model.train() shows up in the first epoch
    history = c.call(train_and_test, model, loss_fn, optimizer, X_train, y_train, X_test, y_test,
                     epochs=TRAIN_EPOCHS)
    c.expect_history(history, "train_and_test", ("train_loss", "test_loss"), TRAIN_EPOCHS)
    # training passes: the train data with gradients on (a pass on the train data inside inference_mode,
    # e.g. for a plot, is an evaluation and may run in eval mode)
    train_calls = [call for call in model.calls if call[0] == len(X_train) and call[2]]
    test_calls = [call for call in model.calls if call[0] == len(X_test)]
    c.expect(test_calls, "wf_no_test_pass")
    c.expect(all(training for _, training, _ in train_calls), "wf_train_mode")
    c.expect(not any(training for _, training, _ in test_calls), "wf_eval_mode")
    c.expect(not any(grad for _, _, grad in test_calls), "wf_test_grad")
    # most steps, not all: a sum of past gradients can now and then equal this epoch's own (or zero)
    c.expect(optimizer.cleared <= optimizer.steps // 2, "wf_zero_grad_order")
    c.expect(optimizer.piled_up <= optimizer.steps // 2, "wf_zero_grad")
    c.expect(c.changed(before, model), "params_unchanged")
    c.expect(optimizer.steps >= TRAIN_EPOCHS, "wf_given_optimizer", steps=optimizer.steps, epochs=TRAIN_EPOCHS)
    c.expect_loss_decrease([first_loss, measured(X_train, y_train)], 0.25)
    got_weight, got_bias = float(model.weights), float(model.bias)
    c.expect(abs(got_weight - weight) <= TOLERANCE and abs(got_bias - bias) <= TOLERANCE, "wf_not_learned",
             weight=weight, bias=bias, got_weight=got_weight, got_bias=got_bias, tol=TOLERANCE,
             advice=f"({TRAIN_EPOCHS} epok, SGD lr={TRAIN_LR}, L1)")
    expected = measured(X_test, y_test)
    got = float(history["test_loss"][-1])
    if not math.isclose(got, expected, rel_tol=1e-3, abs_tol=1e-5):
        raise CheckFailure("wf_test_loss_mismatch", got=got, expected=expected)


# --- saving and loading ----------------------------------------------------------------------------------------

class _SmallNet(nn.Module):
    """Another model to save and load in the hidden test: more layers and a buffer."""

    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(3, 5), nn.BatchNorm1d(5), nn.ReLU(), nn.Linear(5, 2))

    def forward(self, x):
        return self.layers(x)


@c.check("save_load")
def check_save_load(save_model, load_model, hidden=False):
    c.expect_callable(save_model, "save_model")
    c.expect_callable(load_model, "load_model")
    device = c.device()
    model_class = _SmallNet if hidden else ReferenceLinearRegression
    torch.manual_seed(123 if hidden else 7)
    model = model_class().to(device)
    with torch.no_grad():
        for p in model.parameters():
            p.add_(torch.randn_like(p))  # not what a fresh model would draw
        if hidden:
            model.layers[1].running_mean.normal_()
            model.layers[1].running_var.uniform_(0.5, 2.0)
    model.eval()
    X = torch.randn(8, 3 if hidden else 1, device=device)
    with torch.inference_mode():
        expected = model(X)
    with tempfile.TemporaryDirectory(prefix="autograder-save-") as folder:
        path = Path(folder) / ("small_net.pth" if hidden else "model_0.pth")
        c.call(save_model, model, path)
        c.expect(path.is_file(), "wf_not_saved", path=path.name)
        _expect_state_dict_file(path, model)
        loaded = c.call(load_model, model_class, path)
    c.expect(isinstance(loaded, model_class), "wf_load_not_model", cls=model_class.__name__,
             got=type(loaded).__name__)
    c.expect(loaded is not model, "wf_load_not_model", cls=model_class.__name__, got="aynı model / the same model")
    loaded = loaded.to(device)
    loaded.eval()
    with torch.inference_mode():
        got = loaded(X)
    c.expect(torch.equal(got, expected), "wf_not_loaded")


def _expect_state_dict_file(path: Path, model: nn.Module) -> None:
    try:
        saved = torch.load(path, map_location="cpu", weights_only=True)
    except Exception:
        try:
            saved = torch.load(path, map_location="cpu", weights_only=False)
        except Exception as exc:
            raise CheckFailure("wf_saved_wrong", got=type(exc).__name__, keys=list(model.state_dict())) from None
    if isinstance(saved, nn.Module):
        raise CheckFailure("wf_saved_whole_model")
    keys = list(model.state_dict())
    if not (hasattr(saved, "keys") and sorted(saved.keys()) == sorted(keys)):
        raise CheckFailure("wf_saved_wrong", got=type(saved).__name__, keys=keys)


# --- all together ------------------------------------------------------------------------------------------------

@c.check("model_1")
def check_model_1(model_1, hidden=False):
    c.expect(isinstance(model_1, nn.Module), "not_module_class", name="model_1")
    device = c.device()
    model = model_1.to(device)
    g = torch.Generator().manual_seed(5 if hidden else 4)
    low, high = (1.0, 1.5) if hidden else (0.0, 1.0)  # hidden: a little beyond the data
    X = (low + (high - low) * torch.rand(200, 1, generator=g)).to(device)
    model.eval()
    with torch.inference_mode():
        out = c.forward(model, X)
    c.expect_tensor(out, "model_1(X)", shape=(200, 1))
    error = float((out - (WEIGHT * X + BIAS)).abs().mean())
    c.expect(error <= MODEL_1_TOLERANCE, "wf_model_1_off", error=error, tol=MODEL_1_TOLERANCE)


ASSIGNMENT = Assignment("01_is_akisi", "is_akisi", (
    TestSpec("data", 2, ("weight", "bias", "X", "y", "X_train", "y_train", "X_test", "y_test"), check_data),
    TestSpec("linear_regression_model", 2, ("LinearRegressionModel",), check_linear_regression_model),
    TestSpec("loss_and_optimizer", 1, ("model_0", "loss_fn", "optimizer"), check_loss_and_optimizer),
    TestSpec("train_and_test", 3, ("train_and_test",), check_train_and_test),
    TestSpec("save_load", 2, ("save_model", "load_model"), check_save_load),
    TestSpec("linear_regression_model_v2", 2, ("LinearRegressionModelV2",), check_linear_regression_model_v2),
    TestSpec("model_1", 2, ("model_1",), check_model_1),
))
