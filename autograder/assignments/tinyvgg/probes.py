"""Kernel side of 04's checks: call the student's code on the host's inputs, return plain data.

Errors of the student's code are left to propagate (the host explains them, naming the cell),
except where the host must see them later than the facts gathered before them (then they travel
as ``{"type": ..., "message": ...}``).
"""

from __future__ import annotations

import contextlib
import inspect
import io
import numbers
import time
from collections.abc import Mapping

import torch
from torch import nn
from torch.utils.data import DataLoader, RandomSampler, SequentialSampler, TensorDataset

from autograder import checks as c
from autograder import vision
from autograder.assignments.tinyvgg.reference import make_optimizer
from autograder.errors import CheckFailure


def _error(exc: BaseException) -> dict:
    return {"type": type(exc).__name__, "message": str(exc).strip()[:2000]}


def _try_forward(model: nn.Module, X: torch.Tensor):
    """``(model(X), None)`` or ``(None, error)``: the host explains a forward error with TinyVGG's hints."""
    try:
        return model(X), None
    except (Exception, SystemExit, KeyboardInterrupt) as exc:
        return None, _error(exc)


def _construct(TinyVGG, input_shape: int, hidden_units: int, output_shape: int) -> nn.Module:
    c.expect_module_class(TinyVGG, "TinyVGG")
    kwargs = {"input_shape": input_shape, "hidden_units": hidden_units, "output_shape": output_shape}
    try:
        inspect.signature(TinyVGG).bind(**kwargs)
    except TypeError as exc:
        raise CheckFailure("tinyvgg_signature", error=str(exc)) from None
    except ValueError:  # no signature available: just try
        pass
    try:
        return TinyVGG(**kwargs)
    except NotImplementedError:
        raise  # the host says which cell is not filled in
    except (Exception, SystemExit, KeyboardInterrupt) as exc:
        raise CheckFailure("construct_failed", name="TinyVGG", error=f"{type(exc).__name__}: {exc}"[:300],
                           hint=c.hint_for(exc)) from None


def _uninitialized(module: nn.Module) -> bool:
    has = getattr(module, "has_uninitialized_params", None)
    return bool(has and has())


def _pair(value) -> list:
    return list(value) if isinstance(value, (tuple, list)) else [value, value]


def _describe(model: nn.Module) -> dict:
    """The Conv2d and Linear layers as registered (before any forward pass: lazy layers unset)."""
    convs = [{"kernel": _pair(m.kernel_size), "stride": _pair(m.stride),
              "padding": m.padding if isinstance(m.padding, str) else _pair(m.padding),
              "dilation": _pair(m.dilation), "groups": int(m.groups), "padding_mode": str(m.padding_mode),
              "uninitialized": _uninitialized(m),
              "channels": None if _uninitialized(m) else [int(m.in_channels), int(m.out_channels)]}
             for m in model.modules() if isinstance(m, nn.Conv2d)]
    linears = [{"uninitialized": _uninitialized(m), "in": None if _uninitialized(m) else int(m.in_features),
                "out": int(m.out_features)} for m in model.modules() if isinstance(m, nn.Linear)]
    return {"convs": convs, "linears": linears}


def _weights(module: nn.Module) -> dict:
    """The module's weight and bias as they are now (copies: training goes on changing the module's own)."""
    bias = module.bias
    return {"weight": module.weight.detach().clone(), "bias": None if bias is None else bias.detach().clone()}


def _traced(model: nn.Module, X: torch.Tensor) -> dict:
    """The model's output on ``X`` (eval mode, no gradients, full float32 precision) and its Conv2d/Linear
    modules in the order the forward pass called them (with their input shapes and weights); or the
    forward pass's error."""
    model.eval()
    convs = [m for m in model.modules() if isinstance(m, nn.Conv2d)]
    linears = [m for m in model.modules() if isinstance(m, nn.Linear)]
    trace = []

    def hook(module, args, output):
        if isinstance(module, nn.Conv2d):
            trace.append({"kind": "conv", "index": convs.index(module), "shape": list(args[0].shape)})
        else:
            trace.append({"kind": "linear", "index": linears.index(module), "shape": list(args[0].shape)})

    handles = [m.register_forward_hook(hook) for m in (*convs, *linears)]
    try:
        with torch.no_grad(), c.exact_math():  # not inference_mode: lazy layers must get ordinary parameters
            out, error = _try_forward(model, X.to(c.device()))
    finally:
        for h in handles:
            h.remove()
    if error is not None:
        return {"forward_error": error}
    return {"out": out, "trace": trace, "conv_weights": [_weights(m) for m in convs],
            "linear_weights": [_weights(m) for m in linears]}


def tinyvgg_model(v: dict, input_shape: int, hidden_units: int, output_shape: int, X: torch.Tensor) -> dict:
    """One fresh model: its layers, its output on ``X`` and the Conv2d/Linear modules in the order the
    forward pass called them (with their input shapes and weights)."""
    model = _construct(v["TinyVGG"], input_shape, hidden_units, output_shape)
    layers = _describe(model)
    traced = _traced(model.to(c.device()), X)
    if "forward_error" in traced:
        return {"layers": layers, "forward_error": traced["forward_error"]}
    return {"layers": layers, **traced, "parameters": sum(p.numel() for p in model.parameters()),
            "device": c.device().type}


def _recorder(model: nn.Module) -> tuple[list, object]:
    calls: list = []

    def hook(module, args):
        calls.append({"training": module.training, "grad": torch.is_grad_enabled()})

    return calls, model.register_forward_pre_hook(hook)


def _reference(hidden_units: int, state: dict) -> nn.Module:
    model = vision.TinyVGG(1, hidden_units, 10)
    model.load_state_dict(state)
    return model.to(c.device())


def train_step(v: dict, hidden_units: int, state: dict, X, y, batch_size: int, optimizer: str,
               smoothing: float) -> dict:
    """The student's ``train_step`` on the grader's reference TinyVGG (left in eval mode, as a previous
    test_step leaves it) and the grader's batches: its result, the modes of its forward passes and
    the model's state afterwards."""
    fn = v["train_step"]
    c.expect_callable(fn, "train_step")
    dev = c.device()
    model = _reference(hidden_units, state)
    opt = make_optimizer(optimizer, model.parameters())
    model.eval()
    calls, handle = _recorder(model)
    try:
        with c.exact_math():
            result = fn(model, vision.loader(X, y, batch_size), nn.CrossEntropyLoss(label_smoothing=smoothing), opt,
                        dev)
    finally:
        handle.remove()
    return {"result": result, "calls": calls, "state": model.state_dict(), "device": dev.type}


def test_step(v: dict, hidden_units: int, state: dict, X, y, batch_size: int, smoothing: float) -> dict:
    """The student's ``test_step`` on the grader's reference TinyVGG (left in train mode): its result,
    the modes of its forward passes, the state afterwards and whether any gradient appeared."""
    fn = v["test_step"]
    c.expect_callable(fn, "test_step")
    dev = c.device()
    model = _reference(hidden_units, state)
    model.train()  # as train_step leaves it: test_step must switch to eval mode
    calls, handle = _recorder(model)
    try:
        with c.exact_math():
            result = fn(model, vision.loader(X, y, batch_size), nn.CrossEntropyLoss(label_smoothing=smoothing), dev)
    finally:
        handle.remove()
    return {"result": result, "calls": calls, "state": model.state_dict(),
            "grads": any(p.grad is not None for p in model.parameters()), "device": dev.type}


test_step.__test__ = False  # not a pytest test when imported into a test module


def train(v: dict, hidden_units: int, state: dict, X_train, y_train, X_test, y_test, epochs: int) -> dict:
    """The student's loop with the grader's own steps bound in place of the student's (a broken step
    costs the step's points, not the loop's): its history and the model's state afterwards."""
    fn = v["train"]
    c.expect_callable(fn, "train")
    dev = c.device()
    model = _reference(hidden_units, state)
    kwargs = {"model": model, "train_dataloader": vision.loader(X_train, y_train),
              "test_dataloader": vision.loader(X_test, y_test), "optimizer": make_optimizer("adam3", model.parameters()),
              "loss_fn": nn.CrossEntropyLoss(), "epochs": epochs, "device": dev}
    try:
        inspect.signature(fn).bind(**kwargs)
    except TypeError as exc:
        raise CheckFailure("tinyvgg_train_signature", error=str(exc)) from None
    except ValueError:
        pass
    # the loop's prints stay out
    with vision.ReferenceSteps(fn), contextlib.redirect_stdout(io.StringIO()), c.exact_math():
        history = fn(**kwargs)
    if isinstance(history, Mapping):
        history = {str(k): history[k] for k in history}
    return {"history": history, "state": model.state_dict(), "device": dev.type}


def training_names(v: dict):
    """The notebook's own ``model`` must be a ``TinyVGG``; its ``model_results`` as they are."""
    TinyVGG = v["TinyVGG"]
    c.expect_module_class(TinyVGG, "TinyVGG")
    c.expect_callable(v["train_step"], "train_step")
    model, results = v["model"], v["model_results"]
    c.expect(isinstance(model, TinyVGG), "tinyvgg_model_type", name="model", got=type(model).__name__)
    if isinstance(results, Mapping):
        results = {str(k): results[k] for k in results}
    return results


def _report(model: nn.Module, X_check: torch.Tensor) -> dict:
    """What the host needs to rebuild ``model`` and confirm its copy: the layers, the output on the host's
    confirmation images and the Conv2d/Linear weights in the order the forward pass called them."""
    traced = _traced(model, X_check)
    return {"layers": _describe(model), **traced}


def training(v: dict, hidden_units: int, model_seed: int, X_train, y_train, X_check, lrs: list, batch_size: int,
             time_limit: float) -> dict:
    """The student's TinyVGG trained by the student's ``train_step`` on the grader's training data (Adam,
    one learning rate per epoch, shuffled batches): the model before and after training, each as its
    weights and its outputs on the host's confirmation images. The held-out images never come here: the
    host measures its own copy of the returned model on them."""
    TinyVGG = v["TinyVGG"]
    training_names(v)
    dev = c.device()
    torch.manual_seed(model_seed)
    student_model = _construct(TinyVGG, 1, hidden_units, 10).to(dev)
    before = _report(student_model, X_check)  # also initializes lazy layers
    if "forward_error" in before or not isinstance(before["out"], torch.Tensor):  # the host says what is wrong
        return {"before": before, "device": dev.type}
    optimizer = torch.optim.Adam(student_model.parameters(), lr=lrs[0])
    loader = DataLoader(TensorDataset(X_train, y_train), batch_size=batch_size, shuffle=True,
                        generator=torch.Generator().manual_seed(model_seed))
    start = time.perf_counter()
    with c.compute_threads():
        for lr in lrs:
            for group in optimizer.param_groups:
                group["lr"] = lr
            v["train_step"](student_model, loader, nn.CrossEntropyLoss(), optimizer, dev)
            seconds = time.perf_counter() - start
            c.expect(seconds <= time_limit, "tinyvgg_training_slow", epochs=len(lrs), seconds=seconds,
                     limit=time_limit)
    return {"before": before, "after": _report(student_model, X_check), "device": dev.type}


def dataloaders(v: dict, count: bool) -> dict:
    """Each loader's settings and first batch; with ``count``, how many test samples one pass yields."""
    facts = {}
    for name in ("train_dataloader", "test_dataloader"):
        loader = v[name]
        if not isinstance(loader, DataLoader):
            facts[name] = {"is_dataloader": False, "type": type(loader).__name__}
            continue
        facts[name] = {"is_dataloader": True, "batch_size": loader.batch_size,
                       "random": isinstance(loader.sampler, RandomSampler),
                       "sequential": isinstance(loader.sampler, SequentialSampler),
                       "drop_last": bool(loader.drop_last)}
    if not all(f["is_dataloader"] for f in facts.values()):
        return facts
    try:
        for name in facts:
            facts[name]["size"] = len(v[name].dataset)
        for name in facts:
            X, y = next(iter(v[name]))
            facts[name]["first"] = [X, y]
        if count:
            facts["test_dataloader"]["seen"] = sum(len(batch[1]) for batch in v["test_dataloader"])
    except (Exception, SystemExit, KeyboardInterrupt) as exc:  # the host says so after the settings
        facts["error"] = _error(exc)
    return facts


def confusion_matrix(v: dict, cases: list, on_device: bool) -> list:
    """The student's matrices for the host's ``(y_true, y_pred, num_classes)`` cases (on the grader's
    device with ``on_device``, else on the CPU)."""
    fn = v["confusion_matrix"]
    c.expect_callable(fn, "confusion_matrix")
    dev = c.device() if on_device else torch.device("cpu")
    return [fn(y_true.to(dev), y_pred.to(dev), k) for y_true, y_pred, k in cases]


def save_load(v: dict, X: torch.Tensor) -> dict:
    """What ``MODEL_SAVE_PATH`` holds (loaded weights-only), ``model``'s current state and both models'
    outputs on the host's images."""
    from pathlib import Path

    model, loaded_model = v["model"], v["loaded_model"]
    c.expect(isinstance(model, nn.Module), "not_module_class", name="model")
    c.expect(isinstance(loaded_model, nn.Module), "not_module_class", name="loaded_model")
    path = Path(v["MODEL_SAVE_PATH"])
    facts: dict = {"path": str(path), "exists": path.is_file()}
    if not facts["exists"]:
        return facts
    try:
        saved = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as exc:  # a pickled whole model does not load with weights_only=True
        return {**facts, "load_error": type(exc).__name__}
    if isinstance(saved, Mapping):
        saved = {str(k): saved[k] for k in saved}
    facts.update(saved=saved, current=model.state_dict(), same_object=loaded_model is model)
    dev = c.device()
    model.to(dev)
    loaded_model.to(dev)
    model.eval()
    loaded_model.eval()
    with torch.inference_mode():
        a, error = _try_forward(model, X.to(dev))
        b, loaded_error = (None, None) if error else _try_forward(loaded_model, X.to(dev))
    facts.update(outputs=[a, b], forward_error=error or loaded_error)
    return facts


def _plain_number(value):
    """A number as a Python float/int (one-element tensors and NumPy numbers too); anything else as it is."""
    if isinstance(value, torch.Tensor) and value.numel() == 1:
        return float(value.detach().cpu().reshape(-1)[0])
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return float(value)
    return value


def hidden_units_sweep(v: dict, X_check: torch.Tensor) -> dict:
    """The sweep as the notebook left it: ``sweep_results`` and ``sweep_models`` as ``[[key, value], ...]``
    (each model as its layers, weights and outputs on the host's confirmation images; a value that is no
    ``nn.Module`` as its type's name) and ``best_hidden_units``. The host measures the models itself."""
    results, best, models = v["sweep_results"], v["best_hidden_units"], v["sweep_models"]
    dev = c.device()
    answer = {"results": None, "results_type": type(results).__name__, "best": _plain_number(best),
              "models": None, "models_type": type(models).__name__, "device": dev.type}
    if isinstance(results, Mapping):
        answer["results"] = [[_plain_number(key), _plain_number(results[key])] for key in results]
    if isinstance(models, Mapping):
        reports = []
        for key in models:
            model = models[key]
            if isinstance(model, nn.Module):
                reports.append([_plain_number(key), _report(model.to(dev), X_check)])
            else:
                reports.append([_plain_number(key), type(model).__name__])
        answer["models"] = reports
    return answer
