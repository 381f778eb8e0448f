"""04_tinyvgg checks, in-process, in both directions.

The reference objects are the solution cells of ``solutions/04_tinyvgg``, executed here the way a
kernel runs them (one namespace); alternatives and typical mistakes are small variations of them.
"""

from __future__ import annotations

import textwrap

import pytest
import torch
import torch.nn.functional as F
from helpers import both, expect_failure, solution_cells
from torch import nn
from torch.utils.data import DataLoader, Dataset

from autograder.assignments import tinyvgg as a04
from autograder.assignments.tinyvgg import probes as a04_probes
from autograder.data import DigitsDataset, split_indices
from autograder.errors import CheckFailure
from autograder.oracle import LocalOracle, Oracle

NAME = "04_tinyvgg"
IMPORTS = """
from pathlib import Path
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader
from tqdm.auto import tqdm
device = "cpu"
"""


@pytest.fixture(scope="module")
def sol() -> dict:
    """The solution cells run in one namespace, like a notebook kernel."""
    cells = solution_cells(NAME)
    namespace: dict = {}
    exec(IMPORTS, namespace)
    for cell in ("tinyvgg_model", "train_step", "test_step", "train", "confusion_matrix"):
        exec(cells[cell], namespace)
    return namespace


def define(sol: dict, source: str) -> dict:
    """A student's namespace: the solution, with ``source`` (a cell's code) run on top of it."""
    namespace = dict(sol)
    exec(textwrap.dedent(source), namespace)
    return namespace


# --- tinyvgg_model ----------------------------------------------------------------------------------------

def test_tinyvgg_solution_passes(sol):
    both(a04.check_tinyvgg_model, sol["TinyVGG"])


ALTERNATIVES = {
    "functional": """
        class TinyVGG(nn.Module):  # attributes, functional ReLU and pooling, view instead of Flatten
            def __init__(self, input_shape, hidden_units, output_shape):
                super().__init__()
                self.c1 = nn.Conv2d(input_shape, hidden_units, 3, padding=1)
                self.c2 = nn.Conv2d(hidden_units, hidden_units, 3, padding=1)
                self.c3 = nn.Conv2d(hidden_units, hidden_units, 3, padding=1)
                self.c4 = nn.Conv2d(hidden_units, hidden_units, 3, padding=1)
                self.fc = nn.Linear(hidden_units * 7 * 7, output_shape)

            def forward(self, x):
                x = F.max_pool2d(torch.relu(self.c2(torch.relu(self.c1(x)))), 2)
                x = F.max_pool2d(F.relu(self.c4(F.relu(self.c3(x)))), kernel_size=2, stride=2)
                return self.fc(x.view(x.size(0), -1))
    """,
    "lazy_same_reordered": """
        class TinyVGG(nn.Module):  # registered in another order, padding="same", LazyLinear, pool before ReLU
            def __init__(self, input_shape, hidden_units, output_shape):
                super().__init__()
                self.head = nn.LazyLinear(output_shape)
                self.convs = nn.ModuleList([nn.Conv2d(hidden_units, hidden_units, (3, 3), padding="same")
                                            for _ in range(3)])
                self.first = nn.Conv2d(input_shape, hidden_units, kernel_size=3, stride=1, padding=1)
                self.pool = nn.MaxPool2d(2, 2)

            def forward(self, x):
                x = self.pool(self.convs[0](nn.functional.relu(self.first(x)))).relu()
                x = self.pool(self.convs[2](self.convs[1](x).relu())).relu()
                return self.head(torch.flatten(x, start_dim=1))
    """,
    "one_sequential": """
        class TinyVGG(nn.Module):  # one nn.Sequential, in-place ReLU, a harmless Dropout(0)
            def __init__(self, input_shape: int, hidden_units: int, output_shape: int) -> None:
                super().__init__()
                h = hidden_units
                self.net = nn.Sequential(
                    nn.Conv2d(input_shape, h, 3, 1, 1), nn.ReLU(inplace=True), nn.Conv2d(h, h, 3, 1, 1),
                    nn.ReLU(inplace=True), nn.MaxPool2d(2), nn.Conv2d(h, h, 3, 1, 1), nn.ReLU(),
                    nn.Conv2d(h, h, 3, 1, 1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Dropout(0.0),
                    nn.Linear(h * 49, output_shape))

            def forward(self, x):
                return self.net(x)
    """,
}


@pytest.mark.parametrize("variant", ALTERNATIVES)
def test_tinyvgg_written_differently_passes(sol, variant):
    both(a04.check_tinyvgg_model, define(sol, ALTERNATIVES[variant])["TinyVGG"])


def variant_model(block_1=None, block_2=None, classifier=None, *, kernel=3, padding=1, stride=1, bias=True):
    """The course's layout with one part swapped: ``block_1(input_shape, h)``, ``block_2(h)``,
    ``classifier(h, output_shape)`` build the replaced parts."""

    class TinyVGG(nn.Module):
        def __init__(self, input_shape, hidden_units, output_shape):
            super().__init__()
            h = hidden_units

            def conv(i, o):
                return nn.Conv2d(i, o, kernel, stride=stride, padding=padding, bias=bias)

            self.block_1 = block_1(input_shape, h) if block_1 else nn.Sequential(
                conv(input_shape, h), nn.ReLU(), conv(h, h), nn.ReLU(), nn.MaxPool2d(2))
            self.block_2 = block_2(h) if block_2 else nn.Sequential(
                conv(h, h), nn.ReLU(), conv(h, h), nn.ReLU(), nn.MaxPool2d(2))
            self.classifier = classifier(h, output_shape) if classifier else nn.Sequential(
                nn.Flatten(), nn.Linear(h * 7 * 7, output_shape))

        def forward(self, x):
            return self.classifier(self.block_2(self.block_1(x)))

    return TinyVGG


def _conv(i, o):
    return nn.Conv2d(i, o, 3, padding=1)


def test_tinyvgg_missing_relu_is_named():
    model = variant_model(block_2=lambda h: nn.Sequential(_conv(h, h), _conv(h, h), nn.ReLU(), nn.MaxPool2d(2)))
    message = expect_failure(a04.check_tinyvgg_model, model, key="tinyvgg_relu_missing")
    assert "3. evrişim" in message and "nn.ReLU()" in message


def test_tinyvgg_wrong_kernel_size_is_named():
    # 5x5 with padding 2 keeps 28x28 (so the shapes work): the kernel size itself is wrong
    message = expect_failure(a04.check_tinyvgg_model, variant_model(kernel=5, padding=2), key="tinyvgg_conv_kernel")
    assert "kernel_size=3" in message


def test_tinyvgg_softmax_in_forward_is_named():
    model = variant_model(classifier=lambda h, k: nn.Sequential(nn.Flatten(), nn.Linear(h * 49, k), nn.Softmax(dim=1)))
    message = expect_failure(a04.check_tinyvgg_model, model, key="tinyvgg_probabilities")
    assert "CrossEntropyLoss" in message and "logit" in message
    model = variant_model(classifier=lambda h, k: nn.Sequential(nn.Flatten(), nn.Linear(h * 49, k), nn.LogSoftmax(1)))
    assert "log_softmax" in expect_failure(a04.check_tinyvgg_model, model, key="tinyvgg_probabilities")


def test_tinyvgg_wrong_in_features_is_named():
    model = variant_model(classifier=lambda h, k: nn.Sequential(nn.Flatten(), nn.Linear(h * 14 * 14, k)))
    message = expect_failure(a04.check_tinyvgg_model, model, key="tinyvgg_linear_in")
    assert "28 → 14 → 7" in message and "hidden_units*7*7" in message
    hard_coded = variant_model(classifier=lambda h, k: nn.Sequential(nn.Flatten(), nn.Linear(10 * 7 * 7, k)))
    expect_failure(a04.check_tinyvgg_model, hard_coded, key="tinyvgg_linear_in")  # right only for h=10


def test_tinyvgg_lazy_linear_after_one_pool_is_named():
    model = variant_model(block_2=lambda h: nn.Sequential(_conv(h, h), nn.ReLU(), _conv(h, h), nn.ReLU()),
                          classifier=lambda h, k: nn.Sequential(nn.Flatten(), nn.LazyLinear(k)))
    message = expect_failure(a04.check_tinyvgg_model, model, key="tinyvgg_linear_in")
    assert "7×7" in message


def test_tinyvgg_mat1_mat2_error_gets_the_7x7_hint():
    class FlattenAll(nn.Module):  # flattens the batch dimension too
        def forward(self, x):
            return x.flatten()

    model = variant_model(classifier=lambda h, k: nn.Sequential(FlattenAll(), nn.Linear(h * 49, k)))
    message = expect_failure(a04.check_tinyvgg_model, model, key="student_error", hint="hint_tinyvgg_flatten")
    assert "mat1 and mat2" in message and "28 → 14 → 7" in message


def test_tinyvgg_padding_stride_channels_and_counts():
    expect_failure(a04.check_tinyvgg_model, variant_model(padding=0), key="tinyvgg_conv_padding")
    expect_failure(a04.check_tinyvgg_model, variant_model(stride=2, padding=1), key="tinyvgg_conv_stride")
    one_channel = variant_model(block_1=lambda c, h: nn.Sequential(_conv(1, h), nn.ReLU(), _conv(h, h), nn.ReLU(),
                                                                   nn.MaxPool2d(2)))
    expect_failure(a04.check_tinyvgg_model, one_channel, key="tinyvgg_conv_channels")
    three_convs = variant_model(block_2=lambda h: nn.Sequential(_conv(h, h), nn.ReLU(), nn.MaxPool2d(2)))
    expect_failure(a04.check_tinyvgg_model, three_convs, key="tinyvgg_conv_count")
    two_linears = variant_model(classifier=lambda h, k: nn.Sequential(nn.Flatten(), nn.Linear(h * 49, 32), nn.ReLU(),
                                                                      nn.Linear(32, k)))
    expect_failure(a04.check_tinyvgg_model, two_linears, key="tinyvgg_linear_count")
    ten_classes = variant_model(classifier=lambda h, k: nn.Sequential(nn.Flatten(), nn.Linear(h * 49, 10)))
    expect_failure(a04.check_tinyvgg_model, ten_classes, key="tinyvgg_linear_out")


def test_tinyvgg_activation_and_pooling_mistakes():
    relu_out = variant_model(classifier=lambda h, k: nn.Sequential(nn.Flatten(), nn.Linear(h * 49, k), nn.ReLU()))
    expect_failure(a04.check_tinyvgg_model, relu_out, key="tinyvgg_relu_after_linear")
    avg = variant_model(block_2=lambda h: nn.Sequential(_conv(h, h), nn.ReLU(), _conv(h, h), nn.ReLU(),
                                                        nn.AvgPool2d(2)))
    expect_failure(a04.check_tinyvgg_model, avg, key="tinyvgg_avgpool")


def test_tinyvgg_tanh_everywhere_is_named(sol):
    tanh = define(sol, ALTERNATIVES["functional"].replace("torch.relu", "torch.tanh").replace("F.relu", "torch.tanh"))
    assert "Tanh" in expect_failure(a04.check_tinyvgg_model, tanh["TinyVGG"], key="tinyvgg_not_relu")


def test_tinyvgg_pool_in_the_wrong_place_is_named(sol):
    moved = define(sol, ALTERNATIVES["functional"].replace(
        "x = F.max_pool2d(torch.relu(self.c2(torch.relu(self.c1(x)))), 2)",
        "x = torch.relu(self.c2(F.max_pool2d(torch.relu(self.c1(x)), 2)))").replace(
        "x = F.max_pool2d(F.relu(self.c4(F.relu(self.c3(x)))), kernel_size=2, stride=2)",
        "x = F.relu(self.c4(F.max_pool2d(F.relu(self.c3(x)), 2)))"))
    expect_failure(a04.check_tinyvgg_model, moved["TinyVGG"], key="tinyvgg_pool_positions")


def test_tinyvgg_extra_parameters_are_counted():
    expect_failure(a04.check_tinyvgg_model, variant_model(bias=False), key="tinyvgg_param_count")
    batchnorm = variant_model(block_2=lambda h: nn.Sequential(_conv(h, h), nn.BatchNorm2d(h), nn.ReLU(), _conv(h, h),
                                                              nn.ReLU(), nn.MaxPool2d(2)))
    expect_failure(a04.check_tinyvgg_model, batchnorm, key="tinyvgg_param_count")


def test_tinyvgg_signature_and_type(sol):
    renamed = define(sol, ALTERNATIVES["functional"].replace(
        "def __init__(self, input_shape, hidden_units, output_shape)",
        "def __init__(self, in_channels, hidden_units, num_classes)").replace("input_shape", "in_channels").replace(
        "output_shape", "num_classes"))
    assert "input_shape" in expect_failure(a04.check_tinyvgg_model, renamed["TinyVGG"], key="tinyvgg_signature")
    expect_failure(a04.check_tinyvgg_model, lambda *a: None, key="not_module_class")


# --- train_step -------------------------------------------------------------------------------------------

TRAIN_STEP_RIGHT = {
    "zero_grad_last_per_sample": """
        def train_step(model, dataloader, loss_fn, optimizer, device):
            model.to(device).train()
            total_loss, correct, seen = 0.0, 0, 0
            for X, y in dataloader:
                X, y = X.to(device), y.to(device)
                logits = model(X)
                loss = loss_fn(logits, y)
                loss.backward()
                optimizer.step()
                model.zero_grad()               # zeroing after the step is right too
                total_loss += loss.item() * len(y)  # a per-sample mean is accepted as well
                correct += (torch.softmax(logits, dim=1).argmax(dim=1) == y).sum().item()
                seen += len(y)
            return torch.tensor(total_loss / seen), correct / seen  # a 0-dim tensor is a number
    """,
}


def test_train_step_solution_and_alternative_pass(sol):
    both(a04.check_train_step, sol["train_step"])
    both(a04.check_train_step, define(sol, TRAIN_STEP_RIGHT["zero_grad_last_per_sample"])["train_step"])


def edit(source: str, old: str, new: str) -> str:
    assert old in source, old
    return source.replace(old, new)


@pytest.fixture(scope="module")
def train_step_src() -> str:
    return solution_cells(NAME)["train_step"]


# Each mistake fails exactly one of the two train_step tests: the updates (train_step) or the returned values
# (train_step_values); the other test still passes, so one wrong detail costs only its own points.
@pytest.mark.parametrize(("old", "new", "key", "values"), [
    ("        optimizer.zero_grad()\n", "", "tinyvgg_zero_grad", False),
    ("    model.train()\n", "", "tinyvgg_train_mode", False),
    ("        optimizer.step()\n", "", "tinyvgg_no_update", False),
    ("        optimizer.zero_grad()\n        loss.backward()\n", "        loss.backward()\n        optimizer.zero_grad()\n",
     "tinyvgg_no_update", False),
    ("return train_loss / len(dataloader), train_acc / len(dataloader)",
     "return train_loss / len(dataloader), 100 * train_acc / len(dataloader)", "tinyvgg_accuracy_percent", True),
    ("return train_loss / len(dataloader), train_acc / len(dataloader)",
     "return train_loss, train_acc / len(dataloader)", "tinyvgg_loss_not_averaged", True),
    ("return train_loss / len(dataloader), train_acc / len(dataloader)",
     "return train_loss / len(dataloader), train_acc", "tinyvgg_acc_not_averaged", True),
    ("return train_loss / len(dataloader), train_acc / len(dataloader)",
     "return train_acc / len(dataloader), train_loss / len(dataloader)", "tinyvgg_step_swapped", True),
    ("return train_loss / len(dataloader), train_acc / len(dataloader)",
     "return train_loss / len(dataloader)", "tinyvgg_step_return", True),
    ("train_loss += loss.item()", "train_loss = loss.item() * len(dataloader)", "tinyvgg_loss_mismatch", True),
    ("train_acc += (y_pred_class == y).sum().item() / len(y)", "train_acc += (y_pred_class == y).sum().item()",
     "tinyvgg_acc_mismatch", True),
    # an optimizer of its own really changes the model while it is measured: both halves fail
    ("    model.train()\n", "    model.train()\n    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)\n",
     "tinyvgg_train_step_params", None),
])
def test_train_step_mistakes_are_named(sol, train_step_src, old, new, key, values):
    wrong = define(sol, edit(train_step_src, old, new))["train_step"]
    failing, passing = ((a04.check_train_step_values, a04.check_train_step) if values
                        else (a04.check_train_step, a04.check_train_step_values))
    expect_failure(failing, wrong, key=key)
    if values is None:
        expect_failure(passing, wrong, key="tinyvgg_loss_mismatch")
    else:
        passing(wrong)  # the other half keeps its points


def test_train_step_own_loss_fn_fails_both_halves_in_hidden(sol, train_step_src):
    own = define(sol, edit(train_step_src, "    model.train()\n",
                           "    model.train()\n    loss_fn = nn.CrossEntropyLoss()\n"))["train_step"]
    expect_failure(a04.check_train_step, own, hidden=True, key="tinyvgg_loss_fn_ignored")
    expect_failure(a04.check_train_step_values, own, hidden=True, key="tinyvgg_loss_fn_ignored")


def test_train_step_values_solution_passes_and_a_missing_name_is_the_train_step_cells(sol):
    both(a04.check_train_step_values, sol["train_step"])

    spec = a04.ASSIGNMENT.test("test_train_step_values")
    assert spec.solution_cell == "train_step"

    class Missing(Oracle):  # the kernel's answer when the name is not defined (the session's oracle cell)
        package, cell = "tinyvgg", spec.solution_cell

        def _answer(self, probe, query):
            return {"error": {"missing": "train_step"}}

    with pytest.raises(CheckFailure) as info:
        a04.check_train_step_values.judge(Missing())
    assert info.value.key == "name_missing" and info.value.params["cell"] == "train_step"


def test_train_step_own_loss_passes_visible_but_not_hidden(sol, train_step_src):
    own_loss = define(sol, edit(train_step_src, "    model.train()\n",
                                "    model.train()\n    loss_fn = nn.CrossEntropyLoss()\n"))["train_step"]
    a04.check_train_step(own_loss)  # the visible loss_fn is a plain CrossEntropyLoss
    assert "loss_fn" in expect_failure(a04.check_train_step, own_loss, hidden=True, key="tinyvgg_loss_fn_ignored")


def test_train_step_unfilled(sol):
    unfilled = define(sol, "def train_step(model, dataloader, loss_fn, optimizer, device):\n"
                           "    raise NotImplementedError()\n")["train_step"]
    assert "henüz doldurmadınız" in expect_failure(a04.check_train_step, unfilled, key="not_filled")
    assert "(`train_step`)" in expect_failure(a04.check_train_step_values, unfilled, key="not_filled")


# --- test_step --------------------------------------------------------------------------------------------

def test_test_step_solution_and_alternative_pass(sol):
    both(a04.check_test_step, sol["test_step"])
    no_grad = define(sol, """
        def test_step(model, dataloader, loss_fn, device):
            model.eval()
            losses, correct, seen = 0.0, 0, 0
            with torch.no_grad():
                for X, y in dataloader:
                    out = model(X.to(device))
                    losses += loss_fn(out, y.to(device)).item() * len(y)
                    correct += (out.argmax(1).cpu() == y).sum().item()
                    seen += len(y)
            return losses / seen, correct / seen
    """)
    both(a04.check_test_step, no_grad["test_step"])


@pytest.fixture(scope="module")
def test_step_src() -> str:
    return solution_cells(NAME)["test_step"]


def test_test_step_tracking_gradients_is_named(sol, test_step_src):
    src = edit(test_step_src, "    with torch.inference_mode():\n", "    if True:\n")
    message = expect_failure(a04.check_test_step, define(sol, src)["test_step"], key="tinyvgg_grad_enabled")
    assert "torch.inference_mode()" in message


def test_test_step_without_eval_is_named(sol, test_step_src):
    src = edit(test_step_src, "    model.eval()\n", "")
    assert "model.eval()" in expect_failure(a04.check_test_step, define(sol, src)["test_step"],
                                            key="tinyvgg_eval_mode")


def test_test_step_copied_from_train_step_is_named(sol, train_step_src):
    # the classic copy-paste: a "test" step that still calls backward and step
    src = edit(train_step_src.replace("def train_step(model: nn.Module, dataloader: DataLoader, loss_fn: nn.Module,\n"
                                      "               optimizer: torch.optim.Optimizer, device: torch.device):",
                                      "def test_step(model, dataloader, loss_fn, device):"),
               "    model.train()\n", "    model.eval()\n    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)\n")
    expect_failure(a04.check_test_step, define(sol, src)["test_step"], key="tinyvgg_grad_enabled")


def test_test_step_changing_weights_is_named(sol, test_step_src):
    src = edit(test_step_src, "    return test_loss", "    with torch.no_grad():\n"
                                                      "        for p in model.parameters():\n"
                                                      "            p.mul_(0.5)\n    return test_loss")
    expect_failure(a04.check_test_step, define(sol, src)["test_step"], key="tinyvgg_test_changed")


def test_test_step_values(sol, test_step_src):
    percent = edit(test_step_src, "test_acc / len(dataloader)", "100 * test_acc / len(dataloader)")
    expect_failure(a04.check_test_step, define(sol, percent)["test_step"], key="tinyvgg_accuracy_percent")
    own_loss = edit(test_step_src, "    model.eval()\n", "    model.eval()\n    loss_fn = nn.CrossEntropyLoss()\n")
    a04.check_test_step(define(sol, own_loss)["test_step"])
    expect_failure(a04.check_test_step, define(sol, own_loss)["test_step"], hidden=True, key="tinyvgg_loss_fn_ignored")
    first_batch = edit(test_step_src, "test_acc += (test_logits.argmax(dim=1) == y).sum().item() / len(y)",
                       "test_acc += (test_logits.argmax(dim=1) == y).sum().item() / len(y)\n            break")
    expect_failure(a04.check_test_step, define(sol, first_batch)["test_step"], key="tinyvgg_loss_mismatch")


# --- train (the loop) -------------------------------------------------------------------------------------

def test_train_solution_passes_and_namespace_is_restored(sol):
    namespace = define(sol, "")
    both(a04.check_train, namespace["train"])
    assert namespace["train_step"] is sol["train_step"] and namespace["test_step"] is sol["test_step"]


def test_train_does_not_depend_on_the_students_steps(sol, train_step_src):
    # a broken train_step costs the train_step test, not the loop's
    namespace = define(sol, edit(train_step_src, "        optimizer.zero_grad()\n", ""))
    both(a04.check_train, namespace["train"])


def test_train_written_differently_passes(sol):
    namespace = define(sol, """
        def train(model, train_dataloader, test_dataloader, optimizer, loss_fn, epochs, device):
            keys = ("train_loss", "train_acc", "test_loss", "test_acc")
            history = {k: [] for k in keys}
            for _ in range(epochs):
                values = (*train_step(model, train_dataloader, loss_fn, optimizer, device),
                          *test_step(model, test_dataloader, loss_fn, device))
                for k, v in zip(keys, values):
                    history[k].append(torch.tensor(v))
            return history
    """)
    both(a04.check_train, namespace["train"])


@pytest.fixture(scope="module")
def train_src() -> str:
    return solution_cells(NAME)["train"]


@pytest.mark.parametrize(("old", "new", "key"), [
    ("        test_loss, test_acc = test_step(model, test_dataloader, loss_fn, device)\n",
     "        test_loss, test_acc = test_step(model, test_dataloader, loss_fn, device)\n"
     "        train_step(model, train_dataloader, loss_fn, optimizer, device)\n", "tinyvgg_train_epochs"),
    ("train_step(model, train_dataloader, loss_fn, optimizer, device)",
     "train_step(model, test_dataloader, loss_fn, optimizer, device)", "tinyvgg_train_on_test"),
    ("    for epoch in tqdm(range(epochs)):\n",
     "    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)\n    for epoch in tqdm(range(epochs)):\n",
     "tinyvgg_train_replay"),
    ("test_step(model, test_dataloader, loss_fn, device)", "test_step(model, train_dataloader, loss_fn, device)",
     "tinyvgg_history_values"),
    ('results["test_acc"].append(test_acc)', 'results["test_acc"].append(100 * test_acc)',
     "tinyvgg_accuracy_percent"),
    ('        results["train_acc"].append(train_acc)\n', "", "history_bad"),
    ("for epoch in tqdm(range(epochs)):", "for epoch in tqdm(range(epochs - 1)):", "history_bad"),
    ("def train(model: nn.Module, train_dataloader: DataLoader, test_dataloader: DataLoader,",
     "def train(model: nn.Module, train_loader: DataLoader, test_dataloader: DataLoader,", "tinyvgg_train_signature"),
])
def test_train_mistakes_are_named(sol, train_src, old, new, key):
    namespace = define(sol, edit(train_src, old, new))
    expect_failure(a04.check_train, namespace["train"], key=key)


# --- training ---------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def trained_names(sol):
    model = sol["TinyVGG"](1, 10, 10)
    results = {k: [0.5] for k in a04.HISTORY_KEYS}
    return model, results


def test_training_solution_passes(sol, trained_names):
    both(a04.check_training, sol["TinyVGG"], sol["train_step"], *trained_names)


def test_training_without_learning_fails(sol, train_step_src, trained_names):
    no_step = define(sol, edit(train_step_src, "        optimizer.step()\n", ""))["train_step"]
    expect_failure(a04.check_training, sol["TinyVGG"], no_step, *trained_names, key="loss_not_falling")


def test_training_on_a_few_batches_is_too_inaccurate(sol, train_step_src, trained_names):
    # a debugging leftover: only 10 batches an epoch; the loss halves, but 30 steps are not enough for 90 %
    few = define(sol, edit(train_step_src, "    for X, y in dataloader:\n",
                           "    for batch, (X, y) in enumerate(dataloader):\n"
                           "        if batch == 10:\n"
                           "            break\n"))["train_step"]
    message = expect_failure(a04.check_training, sol["TinyVGG"], few, *trained_names, key="tinyvgg_training_low")
    assert "0.90" in message and "train_step" in message
    a04.check_train_step(few)  # the step check's few batches never reach the break: this check catches it


def test_training_names_and_time_limit(sol, trained_names, monkeypatch):
    model, results = trained_names
    expect_failure(a04.check_training, sol["TinyVGG"], sol["train_step"], "model", results, key="tinyvgg_model_type")
    message = expect_failure(a04.check_training, sol["TinyVGG"], sol["train_step"], model, {"train_loss": [1.0]},
                             key="history_bad")
    assert "(5 eleman)" in message
    monkeypatch.setattr(a04.checks, "TRAINING_TIME_LIMIT", 0.0)
    before = torch.get_num_threads()
    torch.set_num_threads(2)
    try:  # the check trains with the grader's one thread, and gives the kernel its own setting back
        expect_failure(a04.check_training, sol["TinyVGG"], sol["train_step"], model, results,
                       key="tinyvgg_training_slow")
        assert torch.get_num_threads() == 2
    finally:
        torch.set_num_threads(before)


# --- dataloaders ------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def digits():
    return DigitsDataset(train=True), DigitsDataset(train=False)


def test_dataloaders_right(digits):
    train_data, test_data = digits
    both(a04.check_dataloaders, DataLoader(train_data, batch_size=32, shuffle=True),
         DataLoader(test_data, batch_size=32))


class NHWC(Dataset):
    def __init__(self, base):
        self.base = base

    def __len__(self):
        return len(self.base)

    def __getitem__(self, i):
        image, label = self.base[i]
        return image.permute(1, 2, 0), label


def test_dataloaders_mistakes(digits):
    train_data, test_data = digits
    right_test = DataLoader(test_data, batch_size=32)
    expect_failure(a04.check_dataloaders, DataLoader(train_data, batch_size=32), right_test,
                   key="tinyvgg_train_shuffle")
    expect_failure(a04.check_dataloaders, DataLoader(train_data, batch_size=32, shuffle=True),
                   DataLoader(test_data, batch_size=32, shuffle=True), key="tinyvgg_test_shuffle")
    expect_failure(a04.check_dataloaders, DataLoader(train_data, batch_size=64, shuffle=True), right_test,
                   key="tinyvgg_batch_size")
    expect_failure(a04.check_dataloaders, DataLoader(test_data, batch_size=32, shuffle=True),
                   DataLoader(train_data, batch_size=32), key="tinyvgg_loaders_swapped")
    message = expect_failure(a04.check_dataloaders, DataLoader(NHWC(train_data), batch_size=32, shuffle=True),
                             right_test, key="tinyvgg_batch_layout")
    assert "NCHW" in message and "NHWC" in message
    expect_failure(a04.check_dataloaders, list(train_data), right_test, key="tinyvgg_not_dataloader")
    dropping = DataLoader(test_data, batch_size=32, drop_last=True)
    a04.check_dataloaders(DataLoader(train_data, batch_size=32, shuffle=True), dropping)
    expect_failure(a04.check_dataloaders, DataLoader(train_data, batch_size=32, shuffle=True), dropping,
                   hidden=True, key="tinyvgg_drop_last")


# --- confusion_matrix -------------------------------------------------------------------------------------

def test_confusion_matrix_right(sol):
    both(a04.check_confusion_matrix, sol["confusion_matrix"])

    def loop(y_true, y_pred, num_classes):  # a loop with float counts is fine too
        cm = torch.zeros(num_classes, num_classes)
        for t, p in zip(y_true.tolist(), y_pred.tolist()):
            cm[t, p] += 1
        return cm

    both(a04.check_confusion_matrix, loop)


def test_confusion_matrix_mistakes(sol):
    def transposed(y_true, y_pred, num_classes):
        return sol["confusion_matrix"](y_pred, y_true, num_classes)

    expect_failure(a04.check_confusion_matrix, transposed, key="tinyvgg_confusion_transposed")

    def too_small(y_true, y_pred, num_classes):  # sized from the data: misses classes that never occur
        k = int(max(y_true.max(), y_pred.max())) + 1
        return sol["confusion_matrix"](y_true, y_pred, k)

    a04.check_confusion_matrix(too_small)  # every class occurs in the visible example
    expect_failure(a04.check_confusion_matrix, too_small, hidden=True, key="wrong_shape")

    def normalized(y_true, y_pred, num_classes):
        cm = sol["confusion_matrix"](y_true, y_pred, num_classes).float()
        return cm / cm.sum(dim=1, keepdim=True).clamp_min(1)

    expect_failure(a04.check_confusion_matrix, normalized, key="tinyvgg_confusion_total")

    def off_by_one(y_true, y_pred, num_classes):  # predicted classes shifted by one
        return sol["confusion_matrix"](y_true, (y_pred + 1) % num_classes, num_classes)

    assert "beklenen" in expect_failure(a04.check_confusion_matrix, off_by_one, key="tinyvgg_confusion_wrong")

    def on_the_cpu(y_true, y_pred, num_classes):  # GPU tensors would fail here; the CPU run must still pass
        return F.one_hot(y_true.cpu(), num_classes).T.float() @ F.one_hot(y_pred.cpu(), num_classes).float()

    both(a04.check_confusion_matrix, on_the_cpu)


# --- save_load --------------------------------------------------------------------------------------------

@pytest.fixture()
def saved(sol, tmp_path):
    torch.manual_seed(0)
    model = sol["TinyVGG"](1, 10, 10)
    path = tmp_path / "04_tinyvgg_model.pth"
    torch.save(model.state_dict(), path)
    loaded = sol["TinyVGG"](1, 10, 10)
    loaded.load_state_dict(torch.load(path))
    return model, loaded, path


def test_save_load_right(saved):
    both(a04.check_save_load, *saved)
    model, loaded, path = saved
    both(a04.check_save_load, model, loaded, str(path))  # a str path works as well as a Path


def test_save_load_mistakes(sol, saved, tmp_path):
    model, loaded, path = saved
    expect_failure(a04.check_save_load, model, loaded, tmp_path / "yok.pth", key="tinyvgg_save_missing")
    expect_failure(a04.check_save_load, model, model, path, key="tinyvgg_loaded_same")
    torch.manual_seed(1)
    fresh = sol["TinyVGG"](1, 10, 10)  # built, but the weights were never loaded
    expect_failure(a04.check_save_load, model, fresh, path, key="tinyvgg_loaded_differs")
    whole = tmp_path / "whole.pth"
    torch.save(nn.Sequential(nn.Linear(2, 2)), whole)  # a whole pickled model, not a state_dict
    assert "state_dict" in expect_failure(a04.check_save_load, model, loaded, whole, key="tinyvgg_save_not_state_dict")
    with torch.no_grad():  # trained further after saving
        next(model.parameters()).add_(0.1)
    expect_failure(a04.check_save_load, model, loaded, path, key="tinyvgg_save_stale")


# --- the specs ----------------------------------------------------------------------------------------------

def test_contract_ids_and_points():
    ids = [spec.id for spec in a04.ASSIGNMENT.tests]
    for required in ("test_tinyvgg_model", "test_train_step", "test_test_step"):
        assert required in ids
    assert a04.ASSIGNMENT.test("test_tinyvgg_model").names == ("TinyVGG",)
    assert a04.ASSIGNMENT.max_score == sum(spec.points for spec in a04.ASSIGNMENT.tests)


def test_reference_parameter_count_is_computed():
    # the formula, independently of the reference class: 4 convs (3x3 + bias) and the linear layer
    for c_in, h, k in ((1, 10, 10), (3, 8, 5)):
        formula = (c_in * 9 + 1) * h + 3 * (h * 9 + 1) * h + (h * 49 + 1) * k
        assert a04.parameter_count(a04.ReferenceTinyVGG(c_in, h, k)) == formula


# --- another hidden seed (an instructor's secret) -----------------------------------------------------------

def test_solution_passes_hidden_checks_with_a_secret(sol, digits, saved, trained_names, sweep):
    from autograder import secret

    train_data, test_data = digits
    secret.use(b"some-secret")
    try:
        assert a04.checks._seed(True, 0, 41) != 41  # the hidden data really is another
        a04.check_dataloaders(DataLoader(train_data, batch_size=32, shuffle=True), DataLoader(test_data, batch_size=32),
                              hidden=True)
        a04.check_tinyvgg_model(sol["TinyVGG"], hidden=True)
        a04.check_train_step(sol["train_step"], hidden=True)
        a04.check_train_step_values(sol["train_step"], hidden=True)
        a04.check_test_step(sol["test_step"], hidden=True)
        a04.check_train(define(sol, "")["train"], hidden=True)
        a04.check_training(sol["TinyVGG"], sol["train_step"], *trained_names, hidden=True)
        a04.check_confusion_matrix(sol["confusion_matrix"], hidden=True)
        a04.check_save_load(*saved, hidden=True)
        a04.check_hidden_units_sweep(*sweep, hidden=True)
    finally:
        secret.use(None)


# --- forged answers: the host decides ---------------------------------------------------------------------

class Forged(Oracle):
    """A kernel that answers whatever it likes: ``answers`` maps a probe to its answer, or to a function of
    the query's inputs."""

    package, cell = "tinyvgg", "forged"

    def __init__(self, answers: dict):
        self.answers = answers

    def _answer(self, probe, query):
        answer = self.answers[probe]
        return {"ok": answer(query["inputs"]) if callable(answer) else answer}


def forged_key(check, answers: dict) -> str:
    with pytest.raises(CheckFailure) as info:
        check.judge(Forged(answers), hidden=True)
    return info.value.key


def test_forged_tinyvgg_answer_does_not_pass():
    """Layers and trace as the contract wants them, but the output is not what those weights compute."""

    def answer(inputs):
        h, k, X = inputs["hidden_units"], inputs["output_shape"], inputs["X"]
        reference = a04.ReferenceTinyVGG(inputs["input_shape"], h, k)
        convs = [m for m in reference.modules() if isinstance(m, nn.Conv2d)]

        def conv(m):  # a fresh dict each time: an answer is a tree (no value used twice)
            return {"kernel": [3, 3], "stride": [1, 1], "padding": [1, 1], "dilation": [1, 1], "groups": 1,
                    "padding_mode": "zeros", "uninitialized": False, "channels": [m.in_channels, m.out_channels]}

        shapes = [[len(X), inputs["input_shape"], 28, 28], [len(X), h, 28, 28], [len(X), h, 14, 14],
                  [len(X), h, 14, 14]]
        return {
            "layers": {"convs": [conv(m) for m in convs],
                       "linears": [{"uninitialized": False, "in": h * 49, "out": k}]},
            "out": torch.randn(len(X), k),
            "trace": [{"kind": "conv", "index": i, "shape": s} for i, s in enumerate(shapes)]
            + [{"kind": "linear", "index": 0, "shape": [len(X), h * 49]}],
            "conv_weights": [{"weight": m.weight.detach(), "bias": m.bias.detach()} for m in convs],
            "linear_weights": [{"weight": reference.classifier[1].weight.detach(),
                                "bias": reference.classifier[1].bias.detach()}],
            "parameters": a04.parameter_count(reference),
        }

    assert forged_key(a04.check_tinyvgg_model, {"tinyvgg_model": answer}) == "tinyvgg_architecture"
    assert forged_key(a04.check_tinyvgg_model, {"tinyvgg_model": {"out": torch.zeros(2, 10)}}) == "bad_answer"


def _report(model: nn.Module, X: torch.Tensor) -> dict:
    """What an honest kernel reports of a model (the probe's own helper, run here)."""
    return a04_probes._report(model, X)


def _fresh_reference(hidden_units: int, seed: int = 0) -> nn.Module:
    torch.manual_seed(seed)
    return a04.ReferenceTinyVGG(1, hidden_units, 10)


def test_forged_training_answer_does_not_pass():
    """The kernel knows the training labels, but every loss and the held-out accuracy are computed here, on the
    host's copy of the returned weights."""
    results = {key: [0.5] for key in a04.HISTORY_KEYS}

    def untrained(inputs):  # an honest report of a model that never learned
        model = _fresh_reference(inputs["hidden_units"])
        return {"before": _report(model, inputs["X_check"]), "after": _report(model, inputs["X_check"]),
                "device": "cpu"}

    def claims(inputs):  # the same weights, but outputs that claim to have learned
        answer = untrained(inputs)
        answer["after"]["out"] = 20 * F.one_hot(torch.arange(len(inputs["X_check"])) % 10, 10).float()
        return answer

    answers = {"training_names": results, "training": untrained}
    assert forged_key(a04.check_training, answers) == "loss_not_falling"
    assert forged_key(a04.check_training, {**answers, "training": claims}) == "tinyvgg_training_differs"
    assert forged_key(a04.check_training, {**answers, "training_names": [0.5]}) == "history_bad"
    assert forged_key(a04.check_training, {**answers, "training": {"before": None}}) == "bad_answer"


def test_forged_lookup_logits_do_not_pass():
    """The reviewer's attack: a TinyVGG whose weights are all zero, and one-hot "logits" looked up (nearest
    neighbour) in sklearn's digits, which the kernel can read, for whatever images it is sent."""
    results = {key: [0.5] for key in a04.HISTORY_KEYS}
    known = {mode: a04.reference.digits(mode) for mode in ("bilinear", "bicubic")}

    def lookup(images):
        candidates = torch.cat([known[mode][0] for mode in known]).flatten(1)
        labels = torch.cat([known[mode][1] for mode in known])
        nearest = torch.cdist(images.flatten(1), candidates).argmin(dim=1)
        return 20 * F.one_hot(labels[nearest], 10).float()

    def zeros(hidden_units):
        model = _fresh_reference(hidden_units)
        with torch.no_grad():
            for p in model.parameters():
                p.zero_()
        return model

    def answer(inputs):
        h, X_check = inputs["hidden_units"], inputs["X_check"]
        sent = [t for t in inputs.values() if type(t) is torch.Tensor and t.dim() == 4]
        assert all(len(t) in (len(inputs["X_train"]), len(X_check)) for t in sent)  # nothing else to look up
        after = _report(zeros(h), X_check)
        after["out"] = lookup(X_check)
        return {"before": _report(_fresh_reference(h), X_check), "after": after, "device": "cpu"}

    answers = {"training_names": results, "training": answer}
    assert forged_key(a04.check_training, answers) == "tinyvgg_training_differs"

    def consistent(inputs):  # the zero model's own outputs: the host's copy agrees, and measures zeros
        h, X_check = inputs["hidden_units"], inputs["X_check"]
        return {"before": _report(_fresh_reference(h), X_check), "after": _report(zeros(h), X_check),
                "device": "cpu"}

    assert forged_key(a04.check_training, {**answers, "training": consistent}) == "loss_not_falling"


class Recording(LocalOracle):
    """The local oracle, remembering every query the host sent."""

    def __init__(self, cell: str, values: dict):
        super().__init__("tinyvgg", cell, values)
        self.queries: list[tuple[str, dict]] = []

    def _answer(self, probe, query):
        self.queries.append((probe, query))
        return super()._answer(probe, query)


def _leaves(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _leaves(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _leaves(item)
    else:
        yield value


def test_hidden_queries_carry_neither_the_hidden_seed_nor_the_measured_images(sol, digits, saved, trained_names,
                                                                               sweep):
    """Every hidden check, under an instructor's secret: no number sent is (near) the hidden seed or the
    held-out split's seed, and no held-out image is sent."""
    from autograder import secret

    train_data, test_data = digits
    secret.use(b"some-secret")
    try:
        hidden_seed = a04.SEEDS[True]
        split = a04.TRAINING[True]["split_seed"]
        split_seed = a04.checks._seed(True, split, split)
        labels = a04.reference.digits("bilinear")[1]
        held_out = split_indices(labels, split_seed)[1]
        assert len(held_out) == len(a04.grader_split(split_seed, a04.TRAINING[True]["mode"])[3])
        values = {"train_dataloader": DataLoader(train_data, batch_size=32, shuffle=True),
                  "test_dataloader": DataLoader(test_data, batch_size=32), "TinyVGG": sol["TinyVGG"],
                  "train_step": sol["train_step"], "test_step": sol["test_step"], "train": define(sol, "")["train"],
                  "confusion_matrix": sol["confusion_matrix"], "model": saved[0], "model_results": trained_names[1],
                  "loaded_model": saved[1], "MODEL_SAVE_PATH": saved[2], "sweep_results": sweep[0],
                  "best_hidden_units": sweep[1], "sweep_models": sweep[2]}
        queries = []
        for spec in a04.ASSIGNMENT.tests:
            oracle = Recording(spec.cell, {name: values[name] for name in spec.names})
            spec.check.judge(oracle, hidden=True)
            queries += oracle.queries
    finally:
        secret.use(None)
    assert {probe for probe, _ in queries} >= {"training", "tinyvgg_model", "train_step", "confusion_matrix"}
    numbers = [v for _, query in queries for v in _leaves(query) if type(v) is int]
    assert numbers and not any(abs(v - s) < 10_000 for v in numbers for s in (hidden_seed, split_seed))
    measured = {bytes(row.numpy()) for mode in ("bilinear", "bicubic")  # each held-out digit, however resampled
                for row in a04.reference.digits(mode)[0][held_out].flatten(1)}
    images = [t for _, query in queries for t in _leaves(query) if type(t) is torch.Tensor and t.shape[-2:] == (28, 28)]
    rows = [bytes(row.numpy()) for t in images for row in t.reshape(-1, 28 * 28).contiguous()]
    assert len(rows) > 1000 and not measured & set(rows)


def test_forged_step_answers_do_not_pass():
    def moved(inputs):  # parameters that changed, but not by the grader's steps
        return {"result": (1.0, 0.5), "calls": [{"training": True, "grad": True} for _ in range(4)], "device": "cpu",
                "state": {k: v + 0.01 for k, v in inputs["state"].items()}}

    assert forged_key(a04.check_train_step, {"train_step": moved}) == "tinyvgg_train_step_params"

    def untouched(inputs):  # the right state, made-up numbers
        return {"result": (0.1, 0.99), "calls": [{"training": False, "grad": False} for _ in range(3)], "grads": False,
                "state": inputs["state"], "device": "cpu"}

    assert forged_key(a04.check_test_step, {"test_step": untouched}) == "tinyvgg_loss_mismatch"

    class Number(torch.Tensor):  # a tensor subclass in place of a number
        pass

    def subclass(inputs):
        return {**untouched(inputs), "result": (torch.tensor(1.0).as_subclass(Number), 0.5)}

    assert forged_key(a04.check_test_step, {"test_step": subclass}) == "bad_answer"  # refused before judging
    assert forged_key(a04.check_test_step, {"test_step": lambda inputs: {**untouched(inputs), "result": (
        torch.ones(2), 0.5)}}) == "tinyvgg_step_return"
    assert forged_key(a04.check_train, {"train": {"history": {}, "state": {}}}) == "history_bad"
    assert forged_key(a04.check_confusion_matrix, {"confusion_matrix": {"0": 1}}) == "bad_answer"


def test_forged_loader_and_save_answers_do_not_pass():
    def answer(images):  # fresh values each time: an answer is a tree (no value used twice)
        def loader(size):
            return {"is_dataloader": True, "batch_size": 32, "random": True, "sequential": True, "drop_last": False,
                    "size": size, "first": [images(), torch.zeros(32, dtype=torch.long)], "seen": 100}

        return {"train_dataloader": loader(1000), "test_dataloader": loader(100)}

    subclass = answer(lambda: torch.zeros(32, 1, 28, 28).as_subclass(nn.Parameter))
    assert forged_key(a04.check_dataloaders, {"dataloaders": subclass}) == "bad_answer"  # a tensor subclass
    tagged = answer(lambda: {"__type__": "Tensor"})
    assert forged_key(a04.check_dataloaders, {"dataloaders": tagged}) == "not_tensor"
    saved = {"path": "m.pth", "exists": True, "saved": {"w": torch.zeros(2)}, "current": {"w": torch.zeros(2)},
             "same_object": False,
             "forward_error": None, "outputs": [torch.zeros(2, 10), "tensor"]}
    assert forged_key(a04.check_save_load, {"save_load": saved}) == "tinyvgg_loaded_differs"
    assert forged_key(a04.check_save_load, {"save_load": {**saved, "saved": [1]}}) == "tinyvgg_save_not_state_dict"


# --- hidden_units_sweep -----------------------------------------------------------------------------------

def _measure(model: nn.Module) -> float:
    """What the notebook's ``test_step`` gives on ``sweep_test_dataloader``."""
    from autograder import vision

    return vision.test_step(model, DataLoader(DigitsDataset(train=False), batch_size=32), nn.CrossEntropyLoss(),
                            "cpu")[1]


@pytest.fixture(scope="module")
def sweep(sol):
    """The sweep as the solution cell makes it: ``(sweep_results, best_hidden_units, sweep_models)``."""
    loader = DataLoader(DigitsDataset(train=True), batch_size=32, shuffle=True)
    results, models = {}, {}
    for units in a04.SWEEP_HIDDEN_UNITS:
        torch.manual_seed(42)
        model = sol["TinyVGG"](1, units, 10)
        optimizer = torch.optim.Adam(model.parameters(), lr=0.003)
        for _ in range(2):
            sol["train_step"](model, loader, nn.CrossEntropyLoss(), optimizer, "cpu")
        results[units], models[units] = _measure(model), model
    return results, max(results, key=results.get), models


def test_sweep_solution_passes(sweep):
    results, best, models = sweep
    assert best == 8 and results[8] > 0.8
    both(a04.check_hidden_units_sweep, *sweep)
    both(a04.check_hidden_units_sweep, {k: torch.tensor(v) for k, v in results.items()}, torch.tensor(best), models)


def test_sweep_mistakes_are_named(sol, sweep, monkeypatch):
    results, best, models = sweep
    check = a04.check_hidden_units_sweep
    expect_failure(check, list(results.values()), best, models, key="tinyvgg_sweep_not_dict")
    expect_failure(check, {str(k): v for k, v in results.items()}, best, models, key="tinyvgg_sweep_keys")
    expect_failure(check, {8: results[8]}, best, models, key="tinyvgg_sweep_keys")
    expect_failure(check, {k: 100 * v for k, v in results.items()}, best, models, key="tinyvgg_sweep_percent")
    expect_failure(check, {2: "0.1", 8: results[8]}, best, models, key="tinyvgg_sweep_value_type")
    expect_failure(check, results, 5, models, key="tinyvgg_sweep_best_not_key")
    expect_failure(check, results, 2, models, key="tinyvgg_sweep_best_not_max")
    expect_failure(check, results, best, [models[2], models[8]], key="tinyvgg_sweep_not_dict")
    expect_failure(check, results, best, {8: models[8]}, key="tinyvgg_sweep_keys")
    expect_failure(check, results, best, {2: "model", 8: models[8]}, key="tinyvgg_sweep_model_type")
    # one model reused for every value: it is not a TinyVGG with 2 hidden units
    expect_failure(check, results, best, {2: models[8], 8: models[8]}, key="tinyvgg_sweep_model_differs")
    # made-up (or training) accuracies: the grader measures the models itself
    message = expect_failure(check, {2: results[2], 8: 0.99}, best, models, key="tinyvgg_sweep_value_mismatch")
    assert "0.990" in message
    # the models never trained (a new model with the optimizer of another one): recorded honestly, still no pass
    torch.manual_seed(0)
    fresh = {units: sol["TinyVGG"](1, units, 10) for units in a04.SWEEP_HIDDEN_UNITS}
    honest = {units: _measure(model) for units, model in fresh.items()}
    expect_failure(check, honest, max(honest, key=honest.get), fresh, key="tinyvgg_sweep_not_trained")
    # a choice the grader's own measurement contradicts (with the recorded values left unchecked)
    monkeypatch.setattr(a04.checks, "SWEEP_VALUE_TOL", 1.0)
    expect_failure(check, {2: 0.99, 8: 0.5}, 2, models, key="tinyvgg_sweep_best_wrong")


def test_sweep_forged_answers_do_not_pass(sol):
    """The kernel claims a perfect sweep: the host's copies of the returned (untrained) models decide."""
    torch.manual_seed(0)
    untrained = {units: sol["TinyVGG"](1, units, 10) for units in a04.SWEEP_HIDDEN_UNITS}

    def answer(inputs):
        return {"results": [[2, 0.5], [8, 0.99]], "results_type": "dict", "best": 8, "models_type": "dict",
                "models": [[units, _report(model, inputs["X_check"])] for units, model in untrained.items()],
                "device": "cpu"}

    assert forged_key(a04.check_hidden_units_sweep, {"hidden_units_sweep": answer}) == "tinyvgg_sweep_value_mismatch"

    def claims(inputs):  # outputs that claim to have learned, on the untrained weights
        forged = answer(inputs)
        forged["models"][1][1]["out"] = 20 * F.one_hot(torch.arange(len(inputs["X_check"])) % 10, 10).float()
        return forged

    assert forged_key(a04.check_hidden_units_sweep, {"hidden_units_sweep": claims}) == "tinyvgg_sweep_model_differs"
    assert forged_key(a04.check_hidden_units_sweep, {"hidden_units_sweep": {"results": 1}}) == "bad_answer"
