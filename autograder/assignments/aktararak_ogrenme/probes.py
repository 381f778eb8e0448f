"""Kernel side of 06's checks: call the student's code on the host's inputs, return plain data.

Models handed to the student's functions are the grader's own ``DigitNet`` with weights the host
sent; what comes back is their parameters, ``requires_grad`` flags and outputs on host images.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from autograder import checks as c
from autograder import pretrain
from autograder.assignments.aktararak_ogrenme.reference import classes_of, count_case, describe, grader_model
from autograder.errors import CheckFailure


def _returned_model(result, model: nn.Module) -> nn.Module:
    """The model a function returned, or the one it changed in place (``None`` or e.g.
    ``model.features.requires_grad_(False)``, which returns the ``features`` block)."""
    return result if isinstance(result, nn.Module) and hasattr(result, "features") else model


def _report(model: nn.Module) -> dict:
    """A model's parameters and their ``requires_grad`` flags."""
    named = list(model.named_parameters())
    return {"params": {n: p for n, p in named}, "requires_grad": {n: bool(p.requires_grad) for n, p in named}}


def load_pretrained(v: dict, state, inputs: dict) -> dict:
    """The student's ``load_pretrained_model`` on the package's weight file (``state`` None) or on a
    file with the host's ``state``; the returned model's weights, device and outputs."""
    fn = v["load_pretrained_model"]
    c.expect_callable(fn, "load_pretrained_model")
    dev = c.device()
    with tempfile.TemporaryDirectory(prefix="autograder-06-") as tmp:
        if state is None:
            path = str(pretrain.WEIGHTS_PATH)
        else:
            path = Path(tmp) / "baska_agirliklar.pt"
            torch.save(state, path)
        model = c.call(fn, weights_path=path, device=dev)
        if not isinstance(model, nn.Module):
            return {"is_module": False, "type": type(model).__name__}
        params = list(model.parameters())
        answer = {"is_module": True, "state": model.state_dict(), "expected_device": dev.type,
                  "device": str(params[0].device) if params else None}
        answer["same_object"] = c.call(fn, weights_path=path, device=dev) is model
    answer["outputs"] = c.outputs(model, inputs)
    return answer


def freeze_features(v: dict, state: dict) -> dict:
    fn = v["freeze_features"]
    c.expect_callable(fn, "freeze_features")
    model = grader_model(state).to(c.device())
    return _report(_returned_model(c.call(fn, model), model))


def replace_head(v: dict, state: dict, num_classes: int, x: torch.Tensor) -> dict:
    """``replace_head`` on the grader's model (features frozen); the new model's outputs on ``x``."""
    fn = v["replace_head"]
    c.expect_callable(fn, "replace_head")
    dev = c.device()
    model = grader_model(state, frozen_features=True).to(dev)
    new = _returned_model(c.call(fn, model, num_classes), model)
    new.eval()
    try:
        with torch.inference_mode():
            out = c.forward(new, x.to(dev))
    except CheckFailure as exc:
        if exc.hint == "hint_matmul_shape":
            raise CheckFailure("ao_head_in_features", error=exc.params.get("error", "")) from None
        raise
    return {"out": out, **_report(new)}


def count_parameters(v: dict, case: dict):
    fn = v["count_parameters"]
    c.expect_callable(fn, "count_parameters")
    return c.call(fn, count_case(case))


def train_model(v: dict, state: dict, X, y, epochs: int, lr: float, batch_size: int, shuffle_seed: int) -> dict:
    """The student's ``train_model`` on the grader's transfer model and small labelled set."""
    fn = v["train_model"]
    c.expect_callable(fn, "train_model")
    dev = c.device()
    model = grader_model(state, frozen_features=True).to(dev)
    loader = DataLoader(TensorDataset(X, y), batch_size=batch_size, shuffle=True,
                        generator=torch.Generator().manual_seed(shuffle_seed))
    with c.student_output_hidden():
        losses = c.call(fn, model=model, dataloader=loader, epochs=epochs, lr=lr, device=dev)
    return {"losses": losses, "state": model.state_dict(),
            "requires_grad": {n: bool(p.requires_grad) for n, p in model.named_parameters()}}


def target_model(v: dict, name: str, inputs: dict) -> dict:
    """A trained model of the notebook: its outputs on the host's inputs, its parameters, its state and a
    description of its head (the host rebuilds the model from these and measures its own copy)."""
    model = v[name]
    if not isinstance(model, nn.Module):
        return {"is_module": False, "type": type(model).__name__}
    model.to(c.device())
    head = getattr(model, "classifier", None)
    with c.exact_math():
        outputs = c.outputs(model, inputs)
    return {"is_module": True, "outputs": outputs, "params": dict(model.named_parameters()),
            "state": dict(model.state_dict()),
            "head": describe(head) if isinstance(head, nn.Module) else {"type": "None", "unknown": True}}


def confusion_matrix(v: dict, state: dict, X, y, batch_size: int) -> dict:
    """The student's matrix for the grader's model and data, how the model was called, and the
    model's own logits per batch (for the host to check against its copy)."""
    fn = v["make_confusion_matrix"]
    c.expect_callable(fn, "make_confusion_matrix")
    dev = c.device()
    model = c.ModeRecorder(grader_model(state)).to(dev)
    num_classes = classes_of(state)
    loader = DataLoader(TensorDataset(X, y), batch_size=batch_size, shuffle=False)
    model.eval()
    with torch.inference_mode():
        logits = torch.cat([model.inner(xb.to(dev)).cpu() for xb, _ in loader])
    model.calls.clear()
    model.train()
    result = c.call(fn, model=model, dataloader=loader, num_classes=num_classes, device=dev)
    answer = {"type": type(result).__name__, "calls": list(model.calls), "logits": logits, "matrix": None}
    try:
        answer["matrix"] = torch.as_tensor(np.asarray(result.detach().cpu() if isinstance(result, torch.Tensor)
                                                      else result))
    except (TypeError, ValueError, RuntimeError):
        pass
    return answer


def _index_list(result):
    """The returned indices as a list of Python ints, or None when they are not integers."""
    if isinstance(result, torch.Tensor):
        result = result.detach().cpu()
        if result.dtype.is_floating_point or result.dtype.is_complex or result.dtype == torch.bool or result.dim() > 1:
            return None
        return [int(i) for i in result.reshape(-1).tolist()]
    if isinstance(result, np.ndarray):
        return _index_list(torch.as_tensor(result)) if result.dtype.kind in "iu" else None
    if isinstance(result, (list, tuple)):
        out = []
        for item in result:
            if isinstance(item, torch.Tensor) and item.numel() == 1 and not item.dtype.is_floating_point \
                    and item.dtype != torch.bool:
                item = item.item()
            elif isinstance(item, np.integer):
                item = int(item)
            if type(item) is not int:
                return None
            out.append(item)
        return out
    return None


def most_wrong(v: dict, state: dict, X, y, k: int) -> dict:
    """The student's ``most_wrong`` on the grader's model and labelled images, how the model was called,
    and the model's own logits (the host ranks the wrong predictions from them)."""
    fn = v["most_wrong"]
    c.expect_callable(fn, "most_wrong")
    dev = c.device()
    model = c.ModeRecorder(grader_model(state)).to(dev)
    model.eval()
    with torch.inference_mode():
        logits = model.inner(X.to(dev)).cpu()
    model.calls.clear()
    model.train()
    result = c.call(fn, model=model, X=X, y=y, k=k, device=dev)
    return {"type": type(result).__name__, "calls": list(model.calls), "logits": logits,
            "indices": _index_list(result)}
