"""In-process tests of the 06_aktararak_ogrenme checks (both directions) and of the pretrained weights."""

from __future__ import annotations

import contextlib

import numpy as np
import pytest
import torch
from helpers import both, expect_failure, query_leaves, recording_oracle, sends_any_image, solution_namespace
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from autograder import pretrain
from autograder.assignments import aktararak_ogrenme as m
from autograder.assignments.aktararak_ogrenme import checks as judgements
from autograder.errors import CheckFailure
from autograder.oracle import Oracle
from autograder.pretrain import DigitNet

NAME = "06_aktararak_ogrenme"


@pytest.fixture(scope="module")
def ns():
    """The solution notebook's code cells run here: functions and trained models."""
    return solution_namespace(NAME)


# --- the pretrained weights -------------------------------------------------------------------------------

def test_committed_weights_are_small_and_match_the_recorded_digest():
    assert pretrain.WEIGHTS_PATH.stat().st_size < 1024 * 1024
    state = torch.load(pretrain.WEIGHTS_PATH, map_location="cpu", weights_only=True)
    assert pretrain.state_digest(state) == pretrain.WEIGHTS_DIGEST
    model = DigitNet()
    model.load_state_dict(state)
    X, y = pretrain.digit_subset(pretrain.SOURCE_DIGITS, train=False)
    assert pretrain.accuracy(model, X, y) >= 98.0


def test_pretraining_is_deterministic():
    a = pretrain.train_source_model(epochs=1, verbose=False).state_dict()
    b = pretrain.train_source_model(epochs=1, verbose=False).state_dict()
    assert pretrain.state_digest(a) == pretrain.state_digest(b)


def test_target_data_is_new_to_the_pretrained_model_and_to_the_notebook(ns):
    """The pretraining never sees 5–9; the grader's visible images are not the notebook's training images."""
    X, y = pretrain.digit_subset(pretrain.TARGET_DIGITS, train=True)
    first = torch.cat([(y == k).nonzero().flatten()[:m.NOTEBOOK_PER_CLASS] for k in range(5)])
    assert torch.equal(ns["X_train"], X[first])
    Xv, _ = m.target_data(False)
    flat = {tuple(row.tolist()) for row in (ns["X_train"].flatten(1) * 255).round().int()}
    assert not flat & {tuple(row.tolist()) for row in (Xv.flatten(1) * 255).round().int()}


def test_transfer_beats_scratch_by_a_wide_margin_for_other_seeds(ns):
    """The comparison the grader makes is not luck: other seeds of the notebook's recipe."""
    X, y = m.target_data(False)
    for seed in (1, 2):
        torch.manual_seed(seed)
        loader = DataLoader(TensorDataset(ns["X_train"], ns["y_train"]), batch_size=10, shuffle=True)
        transfer = ns["replace_head"](ns["freeze_features"](ns["load_pretrained_model"]()), 5)
        ns["train_model"](transfer, loader, epochs=10, lr=0.003, device="cpu")
        torch.manual_seed(seed)
        scratch = DigitNet(num_classes=5)
        ns["train_model"](scratch, loader, epochs=10, lr=0.003, device="cpu")
        t, s = pretrain.accuracy(transfer, X, y), pretrain.accuracy(scratch, X, y)
        assert t >= m.TRANSFER_THRESHOLD + 5 and t >= s + 10, (seed, t, s)


# --- load_pretrained -------------------------------------------------------------------------------------

def test_load_pretrained_reference_passes(ns):
    both(m.check_load_pretrained, ns["load_pretrained_model"])

    def strict_load(weights_path=pretrain.WEIGHTS_PATH, device="cpu"):
        model = DigitNet(num_classes=5).to(device)
        model.load_state_dict(torch.load(str(weights_path), map_location="cpu"), strict=True)
        return model

    both(m.check_load_pretrained, strict_load)


def test_load_pretrained_mistakes():
    def not_loaded(weights_path=None, device="cpu"):
        return DigitNet(num_classes=5).to(device)

    def fixed_path(weights_path=None, device="cpu"):
        model = DigitNet(num_classes=5)
        model.load_state_dict(torch.load(pretrain.WEIGHTS_PATH, weights_only=True))
        return model.to(device)

    shared = DigitNet(num_classes=5)

    def same_object(weights_path=None, device="cpu"):
        shared.load_state_dict(torch.load(weights_path, weights_only=True))
        return shared.to(device)

    def state_only(weights_path=None, device="cpu"):
        return torch.load(weights_path, weights_only=True)

    def ten_classes(weights_path=None, device="cpu"):
        model = DigitNet(num_classes=10)
        model.load_state_dict(torch.load(weights_path, weights_only=True))
        return model

    expect_failure(m.check_load_pretrained, not_loaded, key="ao_not_loaded")
    expect_failure(m.check_load_pretrained, fixed_path, key="ao_load_fixed_path", hidden=True)
    expect_failure(m.check_load_pretrained, same_object, key="ao_same_object")
    expect_failure(m.check_load_pretrained, state_only, key="ao_not_model")
    message = expect_failure(m.check_load_pretrained, ten_classes, key="student_error", hint="hint_state_dict")
    assert "num_classes=5" in message


# --- freeze_features -------------------------------------------------------------------------------------

def test_freeze_features_reference_and_alternatives_pass(ns):
    both(m.check_freeze_features, ns["freeze_features"])
    both(m.check_freeze_features, lambda model: model.features.requires_grad_(False))

    def in_place_only(model):
        for name, param in model.named_parameters():
            if name.startswith("features"):
                param.requires_grad_(False)

    both(m.check_freeze_features, in_place_only)


def test_freeze_features_mistakes():
    def comparison_typo(model):
        for param in model.features.parameters():
            param.requires_grad == False  # noqa: B015, E712 - the typical slip
        return model

    def with_no_grad(model):
        with torch.no_grad():
            return model

    def everything(model):
        return model.requires_grad_(False)

    def first_layer(model):
        model.features[0].requires_grad_(False)
        return model

    def reinitialises(model):
        model.features.requires_grad_(False)
        model.features[0].reset_parameters()
        return model

    expect_failure(m.check_freeze_features, comparison_typo, key="ao_not_frozen")
    expect_failure(m.check_freeze_features, with_no_grad, key="ao_not_frozen")
    expect_failure(m.check_freeze_features, everything, key="ao_head_frozen")
    expect_failure(m.check_freeze_features, first_layer, key="ao_partly_frozen")
    expect_failure(m.check_freeze_features, reinitialises, key="ao_weights_changed")


# --- replace_head ----------------------------------------------------------------------------------------

def test_replace_head_reference_and_alternative_pass(ns):
    both(m.check_replace_head, ns["replace_head"])

    def linear_only(model, num_classes):
        old = model.classifier[1]
        model.classifier[1] = nn.Linear(old.in_features, num_classes).to(old.weight.device)
        return model

    both(m.check_replace_head, linear_only)


def test_replace_head_mistakes():
    def fixed_in_features(model, num_classes):
        model.classifier = nn.Sequential(nn.Dropout(0.2), nn.Linear(1152, num_classes))
        return model

    def fixed_classes(model, num_classes):
        model.classifier = nn.Sequential(nn.Dropout(0.2), nn.Linear(model.classifier[1].in_features, 5))
        return model

    def appended(model, num_classes):
        model.classifier = nn.Sequential(model.classifier, nn.Linear(model.classifier[1].out_features, num_classes))
        return model

    def new_model(model, num_classes):
        return DigitNet(num_classes=num_classes, width=model.features[0].out_channels)

    def freezes_all(model, num_classes):
        model.classifier = nn.Sequential(nn.Dropout(0.2), nn.Linear(model.classifier[1].in_features, num_classes))
        return model.requires_grad_(False)

    def unfreezes(model, num_classes):
        model.requires_grad_(True)
        model.classifier = nn.Sequential(nn.Dropout(0.2), nn.Linear(model.classifier[1].in_features, num_classes))
        return model

    expect_failure(m.check_replace_head, fixed_in_features, key="ao_head_in_features", hidden=True)
    expect_failure(m.check_replace_head, fixed_classes, key="ao_head_classes", hidden=True)
    expect_failure(m.check_replace_head, appended, key="ao_head_not_replaced")
    expect_failure(m.check_replace_head, new_model, key="ao_weights_changed")
    expect_failure(m.check_replace_head, freezes_all, key="ao_head_not_trainable")
    expect_failure(m.check_replace_head, unfreezes, key="ao_features_unfrozen")


# --- count_parameters --------------------------------------------------------------------------------

def test_count_parameters_reference_and_alternative_pass(ns):
    both(m.check_count_parameters, ns["count_parameters"])

    def as_tensors(model):
        sizes = torch.tensor([p.numel() for p in model.parameters()])
        mask = torch.tensor([p.requires_grad for p in model.parameters()])
        return sizes.sum(), sizes[mask].sum()

    both(m.check_count_parameters, as_tensors)


def test_count_parameters_mistakes():
    expect_failure(m.check_count_parameters, lambda model: (len(list(model.parameters())),) * 2,
                   key="ao_count_tensors")
    expect_failure(m.check_count_parameters,
                   lambda model: (sum(p.numel() for p in model.parameters()),) * 2, key="ao_count_trainable")
    expect_failure(m.check_count_parameters,
                   lambda model: (sum(p.numel() for p in model.parameters() if p.requires_grad),
                                  sum(p.numel() for p in model.parameters())), key="ao_count_swapped")
    expect_failure(m.check_count_parameters, lambda model: sum(p.numel() for p in model.parameters()),
                   key="ao_count_return")
    expect_failure(m.check_count_parameters, lambda model: (98437, 5765), key="ao_count_wrong", hidden=True)


# --- train_model -------------------------------------------------------------------------------------------

def _fit_variant(*, unfreeze=False, step=True, per_batch=False, trainable_only=False):
    def train_model(model, dataloader, epochs=10, lr=0.003, device="cpu"):
        if unfreeze:
            model.requires_grad_(True)
        params = [p for p in model.parameters() if p.requires_grad] if trainable_only else model.parameters()
        optimizer = torch.optim.Adam(params, lr=lr)
        losses = []
        for _ in range(epochs):
            model.train()
            batch_losses = []
            for X, y in dataloader:
                loss = nn.functional.cross_entropy(model(X.to(device)), y.to(device))
                optimizer.zero_grad()
                loss.backward()
                if step:
                    optimizer.step()
                batch_losses.append(loss.item())
            losses += batch_losses if per_batch else [sum(batch_losses) / len(batch_losses)]
        return losses

    return train_model


def test_train_model_reference_and_alternative_pass(ns):
    both(m.check_train_model, ns["train_model"])
    both(m.check_train_model, _fit_variant(trainable_only=True))


def test_train_model_mistakes():
    expect_failure(m.check_train_model, _fit_variant(unfreeze=True), key="ao_frozen_changed")
    expect_failure(m.check_train_model, _fit_variant(step=False), key="params_unchanged")
    expect_failure(m.check_train_model, _fit_variant(per_batch=True), key="ao_fit_return")

    def returns_nothing(model, dataloader, epochs=10, lr=0.003, device="cpu"):
        _fit_variant()(model, dataloader, epochs, lr, device)

    expect_failure(m.check_train_model, returns_nothing, key="ao_fit_return")


# --- transfer_model / scratch_model --------------------------------------------------------------------

def test_transfer_and_scratch_models_of_the_solution_pass(ns):
    both(m.check_transfer_model, ns["transfer_model"])
    both(m.check_scratch_model, ns["scratch_model"], ns["transfer_model"])


def _trained(model, ns, epochs=10):
    torch.manual_seed(0)
    loader = DataLoader(TensorDataset(ns["X_train"], ns["y_train"]), batch_size=10, shuffle=True)
    ns["train_model"](model, loader, epochs=epochs, lr=0.003, device="cpu")
    return model


def test_transfer_model_mistakes(ns):
    unfrozen = _trained(ns["replace_head"](ns["load_pretrained_model"](), 5), ns)
    expect_failure(m.check_transfer_model, unfrozen, key="ao_transfer_features_changed")
    untrained = ns["replace_head"](ns["freeze_features"](ns["load_pretrained_model"]()), 5)
    message = expect_failure(m.check_transfer_model, untrained, key="ao_transfer_accuracy")
    assert "0.60" in message
    expect_failure(m.check_transfer_model, ns["load_pretrained_model"]().classifier, key="student_error")
    expect_failure(m.check_transfer_model, ns["replace_head"](ns["load_pretrained_model"](), 10),
                   key="ao_output_shape")


def test_scratch_model_mistakes(ns):
    transfer = ns["transfer_model"]
    pretrained_scratch = _trained(ns["load_pretrained_model"](), ns)
    expect_failure(m.check_scratch_model, pretrained_scratch, transfer, key="ao_scratch_pretrained")
    torch.manual_seed(3)
    expect_failure(m.check_scratch_model, DigitNet(num_classes=5), transfer, key="ao_scratch_untrained")
    expect_failure(m.check_scratch_model, _trained(DigitNet(num_classes=5, width=16), ns), transfer,
                   key="ao_scratch_architecture")
    torch.manual_seed(4)
    weak_transfer = ns["replace_head"](ns["freeze_features"](ns["load_pretrained_model"]()), 5)  # head untrained
    strong_scratch = _trained(DigitNet(num_classes=5), ns, epochs=10)
    message = expect_failure(m.check_scratch_model, strong_scratch, weak_transfer, key="ao_transfer_not_better")
    assert "transfer_model" in message


# --- confusion matrix ----------------------------------------------------------------------------------

def _confmat_variant(*, eval_mode=True, no_grad=True, transpose=False, last_batch_only=False, probs=False):
    def make_confusion_matrix(model, dataloader, num_classes, device="cpu"):
        if eval_mode:
            model.eval()
        context = torch.inference_mode() if no_grad else contextlib.nullcontext()
        matrix = torch.zeros(num_classes, num_classes)
        with context:
            for X, y in dataloader:
                if last_batch_only:
                    matrix = torch.zeros(num_classes, num_classes)
                out = model(X.to(device)).cpu()
                if probs:
                    matrix[y] += out.softmax(dim=1)
                    continue
                for t, p in zip(y.tolist(), out.argmax(dim=1).tolist()):
                    matrix[(p, t) if transpose else (t, p)] += 1
        return matrix

    return make_confusion_matrix


def test_confusion_matrix_reference_and_alternatives_pass(ns):
    both(m.check_confusion_matrix, ns["make_confusion_matrix"])
    both(m.check_confusion_matrix, _confmat_variant())   # a float matrix of whole counts is fine

    from sklearn.metrics import confusion_matrix

    def with_sklearn(model, dataloader, num_classes, device="cpu"):
        model.eval()
        ys, ps = [], []
        with torch.no_grad():
            for X, y in dataloader:
                ys.append(y)
                ps.append(model(X.to(device)).argmax(1).cpu())
        return confusion_matrix(torch.cat(ys), torch.cat(ps), labels=list(range(num_classes)))

    both(m.check_confusion_matrix, with_sklearn)


def test_confusion_matrix_mistakes():
    from sklearn.metrics import confusion_matrix

    def sklearn_without_labels(model, dataloader, num_classes, device="cpu"):
        model.eval()
        with torch.no_grad():
            pairs = [(y, model(X.to(device)).argmax(1).cpu()) for X, y in dataloader]
        return confusion_matrix(torch.cat([a for a, _ in pairs]), torch.cat([b for _, b in pairs]))

    expect_failure(m.check_confusion_matrix, _confmat_variant(transpose=True), key="ao_confmat_transposed")
    expect_failure(m.check_confusion_matrix, _confmat_variant(last_batch_only=True), key="ao_confmat_wrong")
    expect_failure(m.check_confusion_matrix, _confmat_variant(probs=True), key="ao_confmat_type")
    expect_failure(m.check_confusion_matrix, _confmat_variant(eval_mode=False), key="ovs_not_eval_mode")
    expect_failure(m.check_confusion_matrix, _confmat_variant(no_grad=False), key="ovs_grad_enabled")
    expect_failure(m.check_confusion_matrix, sklearn_without_labels, key="ao_confmat_shape", hidden=True)
    expect_failure(m.check_confusion_matrix, lambda *a, **k: "tablo", key="ao_confmat_type")


def test_confusion_case_is_lopsided():
    """Transposing the grader's matrix must change it, or the transposition check could not fail."""
    for hidden in (False, True):
        _, _, n, expected = judgements._confusion_case(hidden)
        assert not torch.equal(expected, expected.T)
        assert int(expected.sum()) > 50 and expected.shape == (n, n)


# --- most wrong predictions -----------------------------------------------------------------------------

def _most_wrong_variant(*, order="desc", among="wrong", score="predicted", eval_mode=True, result="tensor"):
    """The exercise's function with knobs that produce the likely mistakes."""
    def most_wrong(model, X, y, k, device="cpu"):
        if eval_mode:
            model.eval()
        with torch.inference_mode():
            logits = model(X.to(device)).cpu()
        probs = logits.softmax(dim=1)
        confidence, preds = probs.max(dim=1)
        if score == "true":
            confidence = probs[torch.arange(len(y)), y]
        elif score == "logit":
            confidence = logits.max(dim=1).values
        wrong = (preds != y).nonzero().flatten() if among == "wrong" else torch.arange(len(y))
        if order == "topk":   # torch.topk fails when there are fewer wrong predictions than k
            return wrong[confidence[wrong].topk(k).indices]
        ranked = confidence[wrong].argsort(descending=order != "asc")
        if order == "last_ascending":
            return wrong[confidence[wrong].argsort()][-k:]
        if among == "positions":   # positions in the list of wrong samples, not in X
            return ranked[:k]
        chosen = wrong[ranked] if order == "all" else wrong[ranked][:k]
        if result == "list":
            return [int(i) for i in chosen]
        if result == "confidence":
            return confidence[chosen]
        return chosen

    return most_wrong


def test_most_wrong_reference_and_alternatives_pass(ns):
    both(m.check_most_wrong, ns["most_wrong"])
    both(m.check_most_wrong, _most_wrong_variant(result="list"))


@pytest.mark.parametrize("knobs, key", [
    ({"order": "asc"}, "ao_mw_least_confident"),
    ({"order": "last_ascending"}, "ao_mw_order"),
    ({"among": "all"}, "ao_mw_includes_correct"),
    ({"score": "true"}, "ao_mw_true_class"),
    ({"score": "logit"}, "ao_mw_logits"),
    ({"eval_mode": False}, "ovs_not_eval_mode"),
    ({"result": "confidence"}, "ao_mw_type"),
    ({"order": "all"}, "ao_mw_count"),
])
def test_most_wrong_mistakes(knobs, key):
    expect_failure(m.check_most_wrong, _most_wrong_variant(**knobs), key=key)


def test_most_wrong_hidden_mistakes():
    """More than there are wrong predictions (only the hidden check asks for it), and positions in the
    list of wrong samples instead of in ``X``."""
    m.check_most_wrong(_most_wrong_variant(order="topk"))
    expect_failure(m.check_most_wrong, _most_wrong_variant(order="topk"), key="student_error", hidden=True)
    expect_failure(m.check_most_wrong, _most_wrong_variant(among="positions"), key="ao_mw_includes_correct")


def test_most_wrong_case_tells_the_mistakes_apart():
    """Enough wrong predictions, and confident right ones: every likely mistake changes the answer."""
    for hidden in (False, True):
        state, X, y = judgements._most_wrong_case(hidden)
        model = DigitNet()
        model.load_state_dict(state)
        probs = _outputs_of(model, X).softmax(dim=1)
        confidence, preds = probs.max(dim=1)
        wrong = int((preds != y).sum())
        assert max(judgements.MOST_WRONG_K[hidden][:1]) + 5 <= wrong < len(y) / 3, wrong
        assert float(confidence[preds == y].max()) > float(confidence[preds != y].max())


def test_forged_most_wrong_needs_the_models_own_logits():
    """Indices made consistent with invented logits: the host checks the logits against its copy."""
    def answer(probe, inputs):
        logits = torch.zeros(len(inputs["y"]), 5)
        logits[:, 0] = 1.0
        return {"type": "list", "calls": [(False, False)], "logits": logits, "indices": []}

    judge_fails(m.check_most_wrong, answer, "bad_answer")
    judge_fails(m.check_most_wrong, lambda probe, inputs: {
        "type": "list", "calls": [(False, False)], "logits": torch.zeros(3), "indices": [True]}, "bad_answer")


# --- the module as a whole -----------------------------------------------------------------------------

def test_messages_and_points():
    from autograder.messages import MESSAGES

    for key in [k for k in MESSAGES if k.startswith("ao_")]:
        assert MESSAGES[key]["tr"] and MESSAGES[key]["en"]
    assert [t.id for t in m.ASSIGNMENT.tests] == [
        "test_load_pretrained", "test_freeze_features", "test_replace_head", "test_count_parameters",
        "test_train_model", "test_transfer_model", "test_scratch_model", "test_confusion_matrix", "test_most_wrong"]
    assert m.ASSIGNMENT.max_score == 18


def test_checks_return_none_and_write_nothing_to_stderr(ns, capsys):
    assert m.check_count_parameters(ns["count_parameters"]) is None
    assert m.check_train_model(ns["train_model"], hidden=True) is None
    assert capsys.readouterr().err == ""
    assert np.isfinite(m.TRANSFER_THRESHOLD)


def test_transfer_model_with_another_head_is_measured_on_the_host(ns):
    """A head that does not fit ``DigitNet(num_classes=5)`` (two layers) is rebuilt on the host from its
    description and measured there; the grader's images and labels stay on the host."""
    model = ns["freeze_features"](ns["load_pretrained_model"]())
    torch.manual_seed(0)
    model.classifier = nn.Sequential(nn.Dropout(p=0.2), nn.Linear(model.classifier[1].in_features, 32), nn.ReLU(),
                                     nn.Linear(32, 5))
    both(m.check_transfer_model, _trained(model, ns))


# --- the host judges: secrets, forged answers ----------------------------------------------------------

def test_the_solution_passes_the_hidden_checks_with_another_secret(ns):
    """With an instructor's secret the hidden seed (data, shifts, models) differs; expected values
    are computed from it at judge time."""
    from autograder import secret

    secret.use(b"another course's secret")
    try:
        assert m.SEEDS[True] != m.SEEDS.hidden
        m.check_load_pretrained(ns["load_pretrained_model"], hidden=True)
        m.check_freeze_features(ns["freeze_features"], hidden=True)
        m.check_replace_head(ns["replace_head"], hidden=True)
        m.check_count_parameters(ns["count_parameters"], hidden=True)
        m.check_train_model(ns["train_model"], hidden=True)
        m.check_transfer_model(ns["transfer_model"], hidden=True)
        m.check_scratch_model(ns["scratch_model"], ns["transfer_model"], hidden=True)
        m.check_confusion_matrix(ns["make_confusion_matrix"], hidden=True)
        m.check_most_wrong(ns["most_wrong"], hidden=True)
        expect_failure(m.check_load_pretrained, lambda weights_path=None, device="cpu": DigitNet(),
                       key="ao_not_loaded", hidden=True)
    finally:
        secret.use(None)


class Forged(Oracle):
    """A kernel that answers whatever it likes: ``answer(probe, inputs)`` gives the 'ok' value."""

    package, cell = "aktararak_ogrenme", "forged"

    def __init__(self, answer):
        self.answer = answer
        self.asked = []

    def _answer(self, probe, query):
        self.asked.append((probe, query["inputs"]))
        return {"ok": self.answer(probe, query["inputs"])}


def judge_fails(check, answer, key: str) -> None:
    with pytest.raises(CheckFailure) as info:
        check.judge(Forged(answer), hidden=True)
    assert info.value.key == key, info.value.message("en")


class SubTensor(torch.Tensor):
    pass


def _outputs_of(model, x):
    model.eval()
    with torch.inference_mode():
        return model(x)


def test_forged_outputs_do_not_buy_accuracy():
    """Logits that match the hidden labels perfectly (as if they had leaked) next to weights that do not
    produce them (the weights' own outputs on every other input): the host measures its own copy of the
    returned weights."""
    X, y = m.target_data(True)
    perfect = nn.functional.one_hot(y, 5).float() * 10
    torch.manual_seed(1)
    untrained = DigitNet(num_classes=5)
    untrained.load_state_dict({**untrained.state_dict(), **{
        k: v for k, v in pretrain_state().items() if k.startswith("features.")}})

    def answer(probe, inputs):
        outputs = {name: perfect.clone() if name == "target" else _outputs_of(untrained, x)
                   for name, x in inputs["inputs"].items()}
        return {"is_module": True, "outputs": outputs, "params": untrained.state_dict(),
                "state": untrained.state_dict(), "head": {"type": "Sequential", "children": []}}

    judge_fails(m.check_transfer_model, answer, "ao_transfer_accuracy")
    judge_fails(m.check_scratch_model, answer, "ao_scratch_pretrained")
    forger = Forged(answer)
    with pytest.raises(CheckFailure):
        m.check_transfer_model.judge(forger, hidden=True)
    assert forger.asked and not any(sent_tensors(inputs, y) for _, inputs in forger.asked)


def sent_tensors(inputs, like: torch.Tensor) -> list:
    """The tensors of a query with the shape of ``like`` (e.g. the labels the host measures on)."""
    if isinstance(inputs, torch.Tensor):
        return [inputs] if inputs.shape == like.shape else []
    if isinstance(inputs, dict):
        inputs = list(inputs.values())
    if isinstance(inputs, (list, tuple)):
        return [t for item in inputs for t in sent_tensors(item, like)]
    return []


def pretrain_state():
    return torch.load(pretrain.WEIGHTS_PATH, map_location="cpu", weights_only=True)


def test_forged_training_does_not_pass():
    """Weights claimed to be trained (the head changed at random) and falling losses: the host measures
    the budget loss and the held-out accuracy itself."""
    def answer(probe, inputs):
        state = {k: v.clone() for k, v in inputs["state"].items()}
        state["classifier.1.weight"] += 0.05
        flags = {k: not k.startswith("features.") for k in state}
        return {"losses": [1.0 / (i + 1) for i in range(inputs["epochs"])], "state": state, "requires_grad": flags}

    with pytest.raises(CheckFailure) as info:
        m.check_train_model.judge(Forged(answer), hidden=True)
    assert info.value.key in ("loss_not_falling", "ao_fit_accuracy")
    forger = Forged(answer)
    with pytest.raises(CheckFailure):
        m.check_train_model.judge(forger, hidden=True)
    X_held, y_held = m.target_data(True)
    assert forger.asked   # only the small training set travels, never the measured images or labels
    assert not any(sent_tensors(inputs, X_held) or sent_tensors(inputs, y_held) for _, inputs in forger.asked)


def test_forged_answers_of_the_wrong_form_fail():
    state = pretrain_state()
    judge_fails(m.check_load_pretrained, lambda probe, inputs: {"is_module": True}, "bad_answer")
    judge_fails(m.check_load_pretrained, lambda probe, inputs: {"__type__": "DigitNet"}, "bad_answer")
    judge_fails(m.check_load_pretrained, lambda probe, inputs: {
        "is_module": True, "state": {k: v.as_subclass(SubTensor) for k, v in inputs["state"].items()},
        "device": "cpu", "expected_device": "cpu", "same_object": False, "outputs": {}}, "bad_answer")
    judge_fails(m.check_count_parameters, lambda probe, inputs: (SubTensor([5.0]), 5), "bad_answer")
    judge_fails(m.check_count_parameters, lambda probe, inputs: (True, 1), "ao_count_return")
    judge_fails(m.check_count_parameters, lambda probe, inputs: {"__type__": "tuple"}, "ao_count_return")
    judge_fails(m.check_count_parameters, lambda probe, inputs: (float("nan"), 1.0), "ao_count_return")
    judge_fails(m.check_freeze_features, lambda probe, inputs: {
        "params": inputs["state"], "requires_grad": {k: "False" for k in inputs["state"]}}, "bad_answer")
    judge_fails(m.check_replace_head, lambda probe, inputs: {
        "out": torch.zeros(4, 3).as_subclass(SubTensor), "params": state, "requires_grad": {}}, "bad_answer")
    judge_fails(m.check_replace_head, lambda probe, inputs: {
        "out": [[0.0] * 3 for _ in range(4)], "params": state, "requires_grad": {}}, "ao_head_classes")
    judge_fails(m.check_train_model, lambda probe, inputs: {"losses": [1.0] * inputs["epochs"]}, "bad_answer")
    judge_fails(m.check_scratch_model, lambda probe, inputs: {"is_module": True, "outputs": {"probe": torch.zeros(2, 5)},
                                                              "params": [1, 2]}, "bad_answer")


def test_forged_confusion_matrix_needs_the_models_own_logits():
    """A matrix made consistent with invented logits: the host checks the logits against its copy."""
    def answer(probe, inputs):
        n = inputs["state"]["classifier.1.weight"].shape[0]
        logits = torch.zeros(len(inputs["y"]), n)
        logits[:, 0] = 1.0
        matrix = torch.bincount(inputs["y"] * n, minlength=n * n).reshape(n, n)
        return {"type": "Tensor", "calls": [(False, False)], "logits": logits, "matrix": matrix}

    judge_fails(m.check_confusion_matrix, answer, "bad_answer")
    judge_fails(m.check_confusion_matrix, lambda probe, inputs: {
        "type": "Tensor", "calls": [(False, False)], "logits": inputs["X"], "matrix": None}, "bad_answer")


# --- measured images and hidden seeds never reach the kernel --------------------------------------------

class Head(nn.Module):
    """A head of the student's own class: the host cannot rebuild it (measured from the kernel's logits)."""

    def __init__(self, in_features, num_classes):
        super().__init__()
        self.drop, self.fc = nn.Dropout(p=0.2), nn.Linear(in_features, num_classes)

    def forward(self, x):
        return self.fc(self.drop(x))


def _own_head_model(ns):
    model = ns["freeze_features"](ns["load_pretrained_model"]())
    torch.manual_seed(0)
    model.classifier = Head(model.classifier[1].in_features, 5)
    return _trained(model, ns)


def test_transfer_model_with_a_head_the_host_cannot_build_passes(ns):
    both(m.check_transfer_model, _own_head_model(ns))


def test_a_model_that_computes_otherwise_than_its_weights_in_digitnet_fails(ns):
    """The host's copy must compute what the student's model computes (checked on noise images)."""
    class Doubled(DigitNet):
        def forward(self, x):
            return 2 * super().forward(x)

    model = Doubled(num_classes=5)
    model.load_state_dict(ns["transfer_model"].state_dict())
    expect_failure(m.check_transfer_model, model, key="ao_model_differs", hidden=True)


def _hidden_checks(ns):
    return [(m.check_load_pretrained, [ns["load_pretrained_model"]]), (m.check_freeze_features, [ns["freeze_features"]]),
            (m.check_replace_head, [ns["replace_head"]]), (m.check_count_parameters, [ns["count_parameters"]]),
            (m.check_train_model, [ns["train_model"]]), (m.check_transfer_model, [ns["transfer_model"]]),
            (m.check_scratch_model, [ns["scratch_model"], ns["transfer_model"]]),
            (m.check_confusion_matrix, [ns["make_confusion_matrix"]]), (m.check_most_wrong, [ns["most_wrong"]]),
            (m.check_transfer_model, [_own_head_model(ns)])]   # the kernel's logits: disguised images


@pytest.mark.parametrize("key", [None, b"some-secret"])
def test_hidden_queries_carry_neither_the_hidden_seed_nor_the_measured_images(ns, key):
    """Every query of every hidden check, the solution's answers honest: no number within 1000 of the
    hidden seed (as ``seed=`` or inside the inputs), none of the images the host measures on, nor their
    labels; and the solution passes them all (with the instructor's secret too)."""
    from autograder import secret

    secret.use(key)
    try:
        hidden_seed = m.SEEDS[True]
        X_held, y_held = m.target_data(True)
        for check, values in _hidden_checks(ns):
            oracle = recording_oracle(check, values)
            check.judge(oracle, hidden=True)
            assert oracle.queries
            numbers = [leaf for q in oracle.queries for leaf in query_leaves(q) if type(leaf) is int]
            assert not [n for n in numbers if abs(n - hidden_seed) < 1000], check.cell
            assert not sends_any_image(oracle.queries, X_held), check.cell
            assert not any(sent_tensors(q["inputs"], y_held) for q in oracle.queries), check.cell
    finally:
        secret.use(None)


def _lookup_logits(x: torch.Tensor) -> torch.Tensor:
    """A forged kernel's answer: every image found among the digits 5–9 (both splits, every shift of up
    to 4 pixels) gets a one-hot logit for its label; anything else all zeros."""
    images, labels = [], []
    for train in (True, False):
        X, y = pretrain.digit_subset(pretrain.TARGET_DIGITS, train=train)
        padded = nn.functional.pad(X, (4,) * 4)
        for dy in range(9):
            for dx in range(9):
                images.append(padded[:, :, dy:dy + 28, dx:dx + 28].flatten(1))
                labels.append(y)
    images, labels = torch.cat(images), torch.cat(labels)
    distance, index = torch.cdist(x.flatten(1), images).min(dim=1)
    found = distance < 0.05   # exact up to the rounding of cdist
    return nn.functional.one_hot(labels[index], 5).float() * 10 * found.unsqueeze(1)


def test_forged_lookup_logits_do_not_pass():
    """A model whose head gives zeros, and a kernel that answers every image it can find among the digits
    with a one-hot logit: the host measures its own copy (zeros); a head it cannot rebuild is measured
    on images that cannot be found."""
    state = pretrain_state()
    zero_head = {**state, "classifier.1.weight": torch.zeros(5, 1152), "classifier.1.bias": torch.zeros(5)}
    own_head = {**{k: v for k, v in state.items() if k.startswith("features.")},
                "classifier.fc.weight": torch.zeros(5, 1152), "classifier.fc.bias": torch.zeros(5)}

    def forged(state, head):
        def answer(probe, inputs):
            outputs = {}
            for name, x in inputs["inputs"].items():
                outputs[name] = torch.zeros(len(x), 5) if name in ("probe", "check") else _lookup_logits(x)
            return {"is_module": True, "outputs": outputs, "params": {k: v.clone() for k, v in state.items()},
                    "state": {k: v.clone() for k, v in state.items()}, "head": head}

        return answer

    X, y = m.target_data(True)
    assert float((_lookup_logits(X).argmax(1) == y).float().mean()) > 0.95   # the lookup would have worked
    judge_fails(m.check_transfer_model, forged(zero_head, {"type": "Sequential", "children": []}),
                "ao_transfer_accuracy")
    judge_fails(m.check_transfer_model, forged(own_head, {"type": "Head", "unknown": True}), "ao_transfer_accuracy")


def test_a_head_ending_in_softmax_is_rebuilt_with_it(ns):
    """The head's description travels with its state: a softmax after the linear layer is rebuilt on the
    host too (the same keys as the exercise's head, other outputs)."""
    model = ns["freeze_features"](ns["load_pretrained_model"]())
    torch.manual_seed(0)
    model.classifier = nn.Sequential(nn.Dropout(p=0.2), nn.Linear(model.classifier[1].in_features, 5),
                                     nn.Softmax(dim=1))
    both(m.check_transfer_model, _trained(model, ns))
