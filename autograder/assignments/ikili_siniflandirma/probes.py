"""Kernel side of 02's checks: call the student's code on the host's inputs, return plain data."""

from __future__ import annotations

import torch
from torch import nn
from torch.overrides import TorchFunctionMode

from autograder import checks as c
from autograder.assignments.ikili_siniflandirma.reference import reference_model


def values(v: dict) -> dict:
    """The student's values as they are (tensors travel, anything else as its type's name)."""
    return dict(v)


def accuracy(v: dict, cases: list) -> list:
    fn = v["accuracy_fn"]
    c.expect_callable(fn, "accuracy_fn")
    return [c.call(fn, y_true, y_pred) for y_true, y_pred in cases]


class _CalledNames(TorchFunctionMode):
    """Remembers the name of every torch function and tensor method called inside (torch.tanh,
    x.tanh() and nn.Tanh all arrive here as ``tanh``); replaces nothing."""

    def __init__(self):
        super().__init__()
        self.names: set[str] = set()

    def __torch_function__(self, func, types, args=(), kwargs=None):
        self.names.add(str(getattr(func, "__name__", "")))
        return func(*args, **(kwargs or {}))


def activation(v: dict, inputs: dict) -> dict:
    """The student's ``tanh`` on each of the host's inputs, and whether it called torch's own tanh."""
    fn = v["tanh"]
    c.expect_callable(fn, "tanh")
    dev = c.device()
    data = {name: x.to(dev) for name, x in inputs.items()}
    recorder = _CalledNames()
    with c.exact_math(), torch.no_grad(), recorder:
        outputs = {name: c.call(fn, x) for name, x in data.items()}
    return {"outputs": outputs, "uses_tanh": bool({"tanh", "tanh_"} & recorder.names)}


def circle_outputs(v: dict, inputs: dict) -> dict:
    """A fresh ``CircleModel()``'s outputs on the host's inputs (eval mode, no gradients)."""
    cls = v["CircleModel"]
    c.expect_module_class(cls, "CircleModel")
    model = c.construct(cls, "CircleModel").to(c.device())
    return c.outputs(model, inputs)


def circle_train(v: dict, X_train, y_train, steps: int, lr: float, inputs: dict) -> dict:
    """The same fresh model trained by the grader's loop on the host's data, then its outputs."""
    model = c.construct(v["CircleModel"], "CircleModel").to(c.device())
    dev = c.device()
    losses = c.train_with(model, X_train.to(dev), y_train.to(dev).unsqueeze(1), nn.BCEWithLogitsLoss(),
                          steps=steps, lr=lr)
    return {"losses": losses, "outputs": c.outputs(model, inputs)}


def train_model(v: dict, state: dict, X_train, y_train, X_test, y_test) -> dict:
    """The student's ``train_model`` on the grader's reference model; its state afterwards."""
    return c.train_reference(v["train_model"], "train_model", reference_model(), state,
                             X_train, y_train, X_test, y_test)


def moons(v: dict, inputs: dict) -> dict:
    model = v["moon_model"]
    if not isinstance(model, nn.Module):
        return {"is_module": False}
    model.to(c.device())
    return {"is_module": True, "outputs": c.outputs(model, inputs)}
