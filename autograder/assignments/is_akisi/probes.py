"""Kernel side of 01's checks: call the student's code on the host's inputs, return plain data.

Nothing here decides: the host judges every answer (``checks.py``). Where the student's code
could fail on something an earlier judgement would have explained better, a probe skips the
later steps and the host's earlier judgement fails first, as it did when checks ran in the kernel.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import torch
from torch import nn

import autograder.assignments.is_akisi.messages  # noqa: F401  (the hint for load_state_dict's errors)
from autograder import checks as c
from autograder.assignments.is_akisi.reference import SAVED_MODELS, RecordingModel, RecordingSGD


def values(v: dict) -> dict:
    """The student's values as they are (tensors travel, anything else as its type's name)."""
    return dict(v)


def _parameters(model: nn.Module) -> dict:
    params = list(model.parameters())
    return {"sizes": [p.numel() for p in params], "requires_grad": [bool(p.requires_grad) for p in params]}


def _learn(model: nn.Module, X, y, steps: int, lr: float, points: dict) -> dict:
    """The grader's loop (MSE + Adam) on the host's line, then the outputs at the host's points."""
    dev = c.device()
    c.train_with(model, X.to(dev), y.to(dev), nn.MSELoss(), steps=steps, lr=lr)
    return c.outputs(model, points)


def linear_forward(v: dict, fill: list, sizes: list, X) -> dict:
    """A fresh ``LinearRegressionModel()``: its parameters, then (when they are ``sizes`` and
    learnable) its outputs on ``X`` once its parameters hold the values ``fill``, in their order."""
    cls = v["LinearRegressionModel"]
    c.expect_module_class(cls, "LinearRegressionModel")
    model = c.construct(cls, "LinearRegressionModel").to(c.device())
    report = _parameters(model)
    if report["sizes"] == sizes and all(report["requires_grad"]):
        with torch.no_grad():
            for p, value in zip(model.parameters(), fill):
                p.fill_(value)
        report["outputs"] = c.outputs(model, {"x": X})["x"]
    return report


def linear_learn(v: dict, X, y, steps: int, lr: float, points: dict) -> dict:
    """A fresh ``LinearRegressionModel()`` with random parameters trained on the host's line."""
    model = c.construct(v["LinearRegressionModel"], "LinearRegressionModel").to(c.device())
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.randn_like(p))
    return _learn(model, X, y, steps, lr, points)


def v2_model(v: dict, sizes: list, inputs: dict) -> dict:
    """A fresh ``LinearRegressionModelV2()``: whether it holds an ``nn.Linear``, its parameters, then
    (when it does and they are ``sizes``) its outputs on the host's inputs."""
    cls = v["LinearRegressionModelV2"]
    c.expect_module_class(cls, "LinearRegressionModelV2")
    model = c.construct(cls, "LinearRegressionModelV2").to(c.device())
    report = {"has_linear": any(isinstance(m, nn.Linear) for m in model.modules()), **_parameters(model)}
    if report["has_linear"] and report["sizes"] == sizes:
        report["outputs"] = c.outputs(model, inputs)
    return report


def v2_learn(v: dict, X, y, steps: int, lr: float, points: dict) -> dict:
    model = c.construct(v["LinearRegressionModelV2"], "LinearRegressionModelV2").to(c.device())
    return _learn(model, X, y, steps, lr, points)


def loss_and_optimizer(v: dict, a, b) -> dict:
    """``loss_fn(a, b)`` and what the optimizer is (its type, whether it holds exactly model_0's
    parameters, its learning rates)."""
    model_0, loss_fn, optimizer = v["model_0"], v["loss_fn"], v["optimizer"]
    if not isinstance(model_0, nn.Module):
        return {"is_module": False}
    c.expect_callable(loss_fn, "loss_fn")
    report = {"is_module": True, "loss": c.call(loss_fn, a, b), "optimizer": type(optimizer).__name__,
              "is_sgd": isinstance(optimizer, torch.optim.SGD)}
    if report["is_sgd"]:
        in_optimizer = {id(p) for group in optimizer.param_groups for p in group["params"]}
        report["same_params"] = bool(in_optimizer) and in_optimizer == {id(p) for p in model_0.parameters()}
        report["lrs"] = [group["lr"] for group in optimizer.param_groups]
    return report


def train_and_test(v: dict, X_train, y_train, X_test, y_test, epochs: int, lr: float) -> dict:
    """The student's loop on the grader's recording model and optimizer (L1 loss): the history, how
    the model was called, what the optimizer saw, and the model's state afterwards."""
    fn = v["train_and_test"]
    c.expect_callable(fn, "train_and_test")
    dev = c.device()
    model = RecordingModel().to(dev)
    optimizer = RecordingSGD(model.parameters(), lr=lr)
    model.eval()  # a loop that never calls model.train() shows up in the first epoch
    history = c.call(fn, model, nn.L1Loss(), optimizer, X_train.to(dev), y_train.to(dev), X_test.to(dev),
                     y_test.to(dev), epochs=epochs)
    return {"history": history, "calls": [list(call) for call in model.calls], "steps": optimizer.steps,
            "cleared": optimizer.cleared, "piled_up": optimizer.piled_up, "state": model.state_dict()}


def _file_content(path: Path) -> dict:
    """What the saved file holds: a module, something unreadable, or data (with its keys if any)."""
    try:
        saved = torch.load(path, map_location="cpu", weights_only=True)
    except Exception:
        try:
            saved = torch.load(path, map_location="cpu", weights_only=False)
        except Exception as exc:
            return {"kind": "unreadable", "type": type(exc).__name__}
    if isinstance(saved, nn.Module):
        return {"kind": "module", "type": type(saved).__name__}
    try:
        keys = sorted(str(key) for key in saved.keys()) if hasattr(saved, "keys") else None
    except Exception:
        keys = None
    return {"kind": "data", "type": type(saved).__name__, "keys": keys}


def save_load(v: dict, kind: str, state: dict, X, file_name: str) -> dict:
    """The host's model (``state``) saved with ``save_model`` into a fresh folder inside the kernel's
    working folder (removed afterwards), the file's content, then ``load_model``'s model: its type,
    its outputs on ``X`` and its state."""
    save_model, load_model = v["save_model"], v["load_model"]
    c.expect_callable(save_model, "save_model")
    c.expect_callable(load_model, "load_model")
    model_class = SAVED_MODELS[kind]
    dev = c.device()
    model = model_class()
    model.load_state_dict(state)
    model.to(dev).eval()
    with tempfile.TemporaryDirectory(prefix="autograder-save-", dir=os.getcwd()) as folder:
        path = Path(folder) / Path(file_name).name
        c.call(save_model, model, path)
        if not path.is_file():
            return {"saved": False}
        report = {"saved": True, "content": _file_content(path)}
        if report["content"]["kind"] != "data" or report["content"].get("keys") != sorted(model.state_dict()):
            return report
        loaded = c.call(load_model, model_class, path)
    report.update(instance=isinstance(loaded, model_class), type=type(loaded).__name__, same=loaded is model)
    if report["instance"] and not report["same"]:
        loaded = loaded.to(dev)
        report["outputs"] = c.outputs(loaded, {"x": X})["x"]
        report["state"] = loaded.state_dict()
    return report


def model_1(v: dict, X) -> dict:
    model = v["model_1"]
    if not isinstance(model, nn.Module):
        return {"is_module": False}
    model.to(c.device())
    return {"is_module": True, "outputs": c.outputs(model, {"x": X})["x"]}
