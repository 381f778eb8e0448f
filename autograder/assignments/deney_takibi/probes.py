"""Kernel side of 09_deney_takibi: call the student's code on the host's inputs, read the event files it
wrote, return plain data. Nothing is judged here.

TensorBoard's writer (``torch.utils.tensorboard``) is imported inside the probes that need it. Every
folder a probe writes into is its own temporary folder, so the student's ``runs/`` only ever holds what
the notebook wrote.
"""

from __future__ import annotations

import contextlib
import inspect
import io
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

import torch
from torch import nn

from autograder import checks as c
from autograder import vision
from autograder.assignments.deney_takibi import events
from autograder.assignments.deney_takibi.reference import run_names
from autograder.errors import CheckFailure


def _error(exc: BaseException) -> dict:
    return {"type": type(exc).__name__, "message": str(exc).strip()[:2000]}


@contextlib.contextmanager
def _working_folder(path: str):
    """Run with ``path`` as the current folder (relative ``runs/...`` paths land there), then go back."""
    before = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def _relative(log_dir, *roots: str) -> str | None:
    """``log_dir`` relative to the first root it lies in (posix), else None."""
    try:
        target = os.path.realpath(os.fspath(log_dir))
    except TypeError:
        return None
    for root in roots:
        root = os.path.realpath(root)
        if target == root or target.startswith(root + os.sep):
            return Path(os.path.relpath(target, root)).as_posix()
    return None


def create_writer(v: dict, cases: list) -> list[dict]:
    """For each ``[experiment_name, model_name, extra]`` of the host: the type of what the student's
    ``create_writer`` returned and its ``log_dir`` relative to the current folder. Called inside a fresh
    temporary folder, so nothing lands in the notebook's ``runs/``."""
    from torch.utils.tensorboard import SummaryWriter

    fn = v["create_writer"]
    c.expect_callable(fn, "create_writer")
    original = os.getcwd()
    answers = []
    for experiment_name, model_name, extra in cases:
        kwargs = {"experiment_name": experiment_name, "model_name": model_name, "extra": extra}
        try:
            inspect.signature(fn).bind(**kwargs)
        except TypeError as exc:
            raise CheckFailure("deney_writer_signature", error=str(exc)[:200]) from None
        except ValueError:
            pass
        folder = tempfile.mkdtemp(prefix="create-writer-")
        try:
            with _working_folder(folder), contextlib.redirect_stdout(io.StringIO()):
                writer = c.call(fn, **kwargs)
                log_dir = getattr(writer, "log_dir", None) if isinstance(writer, SummaryWriter) else None
                answers.append({"is_writer": isinstance(writer, SummaryWriter), "type": type(writer).__name__,
                                "log_dir": _relative(log_dir, folder, original) if log_dir is not None else None,
                                "inside": _relative(log_dir, folder) is not None if log_dir is not None else False})
                if isinstance(writer, SummaryWriter):
                    writer.close()
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return answers


def _reference(hidden_units: int, state: dict) -> nn.Module:
    model = vision.TinyVGG(1, hidden_units, 10)
    model.load_state_dict(state)
    return model.to(c.device())


def _kwargs(fn, model, X_train, y_train, X_test, y_test, epochs: int, lr: float, writer) -> dict:
    kwargs = {"model": model, "train_dataloader": vision.loader(X_train, y_train),
              "test_dataloader": vision.loader(X_test, y_test),
              "optimizer": torch.optim.Adam(model.parameters(), lr=lr), "loss_fn": nn.CrossEntropyLoss(),
              "epochs": epochs, "device": c.device(), "writer": writer}
    try:
        inspect.signature(fn).bind(**kwargs)
    except TypeError as exc:
        raise CheckFailure("deney_train_signature", error=str(exc)[:200]) from None
    except ValueError:
        pass
    return kwargs


def train(v: dict, hidden_units: int, state: dict, X_train, y_train, X_test, y_test, epochs: int,
          lr: float) -> dict:
    """The student's loop on the grader's reference TinyVGG and data, with the grader's steps bound and a
    writer of the probe's own (closed afterwards): what it returned, the model's state afterwards and
    the event files written. Then one short call with ``writer=None``."""
    from torch.utils.tensorboard import SummaryWriter

    fn = v["train"]
    c.expect_callable(fn, "train")
    model = _reference(hidden_units, state)
    folder = tempfile.mkdtemp(prefix="train-writer-")
    try:
        writer = SummaryWriter(log_dir=folder)
        kwargs = _kwargs(fn, model, X_train, y_train, X_test, y_test, epochs, lr, writer)
        try:
            with vision.ReferenceSteps(fn), contextlib.redirect_stdout(io.StringIO()), c.exact_math():
                history = c.call(fn, **kwargs)
        finally:
            writer.close()
        written = events.collect(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if isinstance(history, Mapping):
        history = {str(k): history[k] for k in history}
    none_error = None
    small = _reference(hidden_units, state)
    try:
        with vision.ReferenceSteps(fn), contextlib.redirect_stdout(io.StringIO()):
            fn(**_kwargs(fn, small, X_train[:32], y_train[:32], X_test[:32], y_test[:32], 1, lr, None))
    except (Exception, SystemExit, KeyboardInterrupt) as exc:
        none_error = _error(exc)
    return {"history": history, "state": model.state_dict(), "written": written, "none_error": none_error,
            "device": c.device().type}


def _results_keys(results) -> list | dict:
    if isinstance(results, Mapping):
        return [k if type(k) is str else repr(k)[:100] for k in list(results)[:100]]
    return {"__type__": type(results).__name__}


MAX_MODEL_ELEMENTS = 2**20  # one run's weights (a TinyVGG of the grid holds under ten thousand)


def _weights(model) -> dict:
    """A trained model's weights as ``{"state": {name: CPU tensor}, "device": where they lie}`` (a
    ``state_dict`` given in place of the model is read the same way), else ``{"__type__": name}`` or
    ``{"too_big": elements}``."""
    if isinstance(model, nn.Module):
        state = model.state_dict()
    elif isinstance(model, Mapping):
        state = {key: model[key] for key in list(model)[:1000]}
    else:
        return {"__type__": type(model).__name__}
    out, total, device = {}, 0, "cpu"
    for key, value in state.items():
        if not isinstance(value, torch.Tensor):
            return {"__type__": f"{type(model).__name__}[{type(value).__name__}]"}
        total += value.numel()
        if total > MAX_MODEL_ELEMENTS:
            return {"too_big": total}
        device = value.device.type if device == "cpu" else device
        out[str(key)] = value.detach().cpu().clone()
    return {"state": out, "device": device}


def experiments(v: dict) -> dict:
    """The notebook's ``runs/`` folder (its event files), the keys of ``experiment_results`` and the
    weights of each grid run's model in ``trained_models`` (the host measures them itself)."""
    models = v["trained_models"]
    if isinstance(models, Mapping):
        trained = {"keys": _results_keys(models),
                   "weights": {run: _weights(models[run]) for run in run_names() if run in models}}
    else:
        trained = {"__type__": type(models).__name__}
    return {"runs": events.collect("runs"), "results": _results_keys(v["experiment_results"]), "trained": trained}


def best_model(v: dict) -> dict:
    """The chosen run's name, what ``best_model_path`` holds (loaded weights-only) and the notebook's
    ``runs/`` folder."""
    from pathlib import Path

    best_run = v["best_run"]
    try:
        path = Path(v["best_model_path"])
    except TypeError:
        return {"best_run": best_run, "path": repr(v["best_model_path"])[:200], "exists": False,
                "runs": events.collect("runs")}
    facts = {"best_run": best_run, "path": str(path), "exists": path.is_file(), "runs": events.collect("runs")}
    if facts["exists"]:
        try:
            saved = torch.load(path, map_location="cpu", weights_only=True)
        except Exception as exc:  # a pickled whole model does not load with weights_only=True
            facts["load_error"] = type(exc).__name__
        else:
            facts["saved"] = {str(k): saved[k] for k in saved} if isinstance(saved, Mapping) else saved
    return facts
