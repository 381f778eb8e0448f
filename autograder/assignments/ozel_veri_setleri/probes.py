"""Kernel side of 05's checks: call the student's code on the host's inputs, return plain data.

The grader's image folders and files arrive as bytes and are written into a temporary folder
inside the kernel's working folder for the duration of one probe. Errors of the student's code
propagate (the host explains them, naming the cell), except where the host must judge facts
gathered before them first: there each step is recorded as ``{"ok": value}`` or
``{"error": ...}`` and the probe stops at the first error (:class:`Steps`).
"""

from __future__ import annotations

import contextlib
import os
import random
import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import torch
from PIL import Image
from torch import nn
from torch.utils.data import DataLoader, Dataset, RandomSampler, SequentialSampler
from torchvision import datasets, transforms

from autograder import checks as c
from autograder import vision
from autograder.assignments.ozel_veri_setleri.reference import (
    PixelProbe,
    grader_transform,
    make_optimizer,
    pil_image,
    probe_cnn,
    write_tree,
)
from autograder.errors import CheckFailure

DATASET_ATTRS = ("paths", "transform", "classes", "class_to_idx")


# --- helpers ------------------------------------------------------------------------------------------------

class Steps:
    """The results of successive calls into student code, in order, up to the first error."""

    def __init__(self):
        self.results: dict = {}
        self.failed = False

    def put(self, key: str, value) -> None:
        if not self.failed:
            self.results[key] = {"ok": value}

    def run(self, key: str, fn, *args, **kwargs):
        if self.failed:
            return None
        try:
            value = fn(*args, **kwargs)
        except CheckFailure as exc:
            self.results[key] = {"error": {"key": exc.key, "params": dict(exc.params), "hint": exc.hint}}
        except (Exception, SystemExit, KeyboardInterrupt) as exc:
            try:
                message = str(exc).strip()[:2000]
            except Exception:
                message = ""
            self.results[key] = {"error": {"type": type(exc).__name__, "message": message}}
        else:
            self.results[key] = {"ok": value}
            return value
        self.failed = True
        return None


def short(value, limit: int = 1000) -> str:
    """The start of ``repr(value)`` (a class: its name), for the host's messages."""
    try:
        text = value.__name__ if isinstance(value, type) else repr(value)
    except Exception:
        text = f"<{type(value).__name__}>"
    return str(text)[:limit]


@contextlib.contextmanager
def work_folder() -> Iterator[Path]:
    """A temporary folder inside the working folder (the kernel's private copy), removed afterwards."""
    here = os.getcwd()
    with tempfile.TemporaryDirectory(prefix=".autograder-05-", dir=here if os.access(here, os.W_OK) else None) as tmp:
        yield Path(tmp)


@contextlib.contextmanager
def grader_folder(tree: dict) -> Iterator[Path]:
    """The host's files written into a :func:`work_folder`."""
    with work_folder() as root:
        yield write_tree(root, tree)


def construct(cls, name: str, *args, **kwargs):
    """Build the student's class; ``NotImplementedError`` travels as it is (the host names the cell)."""
    try:
        return cls(*args, **kwargs)
    except NotImplementedError:
        raise
    except (Exception, SystemExit, KeyboardInterrupt) as exc:
        raise CheckFailure("construct_failed", name=name, error=f"{type(exc).__name__}: {exc}"[:300],
                           hint=c.hint_for(exc)) from None


def _relative(path, base: Path) -> str:
    return os.path.relpath(Path(os.fspath(path)).resolve(), base.resolve())


def _value(x) -> dict:
    """A PIL image as its mode and pixels; anything else as it is (plain data travels, the rest as its
    type's name), with its short text."""
    if isinstance(x, Image.Image):
        return {"kind": "pil", "type": type(x).__name__, "mode": str(x.mode),
                "pixels": torch.from_numpy(np.array(x, dtype=np.uint8))}
    if isinstance(x, str):
        x = str(x)
    return {"kind": "value", "value": x, "short": short(x)}


def _pair(item) -> dict:
    if not isinstance(item, (tuple, list)) or len(item) != 2:
        return {"pair": False, "short": short(item)}
    return {"pair": True, "image": _value(item[0]), "label": _value(item[1])}


def _eval_outputs(model: nn.Module, inputs: dict) -> dict:
    dev = c.device()
    model.eval()
    with torch.inference_mode(), c.exact_math():
        return {name: model(x.to(dev)) for name, x in inputs.items()}


# --- walk_through_dir, find_classes, ImageFolderCustom ------------------------------------------------------

def walk_through_dir(v: dict, tree: dict, as_path: bool) -> dict:
    """The student's result on the grader's folder: each key as a path relative to it (or as given
    when outside it) with its value."""
    fn = v["walk_through_dir"]
    c.expect_callable(fn, "walk_through_dir")
    with grader_folder(tree) as root, c.student_output_hidden():
        result = fn(root if as_path else str(root))
        if not isinstance(result, dict):
            return {"is_dict": False, "short": short(result)}
        real = root.resolve()
        items = []
        for key, value in result.items():
            path = Path(os.fspath(key))
            full = (path if path.is_absolute() else root / path).resolve()
            inside = full == real or real in full.parents
            items.append([full.relative_to(real).as_posix() if inside else str(full), inside, value])
        return {"is_dict": True, "items": items}


def find_classes(v: dict, tree: dict, as_path: bool) -> dict:
    """The student's result for ``train`` and what happens for the folder ``bos`` (no class folders)."""
    fn = v["find_classes"]
    c.expect_callable(fn, "find_classes")
    steps = Steps()
    with grader_folder(tree) as root:
        folder, empty = root / "train", root / "bos"
        result = steps.run("result", fn, folder if as_path else str(folder))
        if steps.failed:
            return steps.results
        facts = {"short": short(result), "pair": isinstance(result, (tuple, list)) and len(result) == 2}
        if facts["pair"]:
            classes, class_to_idx = result
            facts["list"] = isinstance(classes, (list, tuple))
            facts["dict"] = isinstance(class_to_idx, dict)
            if facts["list"] and facts["dict"]:
                facts["classes"] = [os.fspath(x) if isinstance(x, os.PathLike) else x for x in classes]
                facts["classes"] = [str(x) if isinstance(x, str) else x for x in facts["classes"]]
                facts["classes_short"] = short(facts["classes"])
                facts["class_to_idx"] = {str(k) if isinstance(k, str) else k: x for k, x in class_to_idx.items()}
                facts["class_to_idx_short"] = short(class_to_idx)
        steps.put("facts", facts)

        def on_empty():
            try:
                got = fn(empty if as_path else str(empty))
            except NotImplementedError:
                raise
            except Exception:
                return {"raised": True}
            return {"raised": False, "short": short(got)}

        steps.run("empty", on_empty)
    return steps.results


def image_folder_custom(v: dict, tree: dict, split: str, as_path: bool, count: int, resize: list) -> dict:
    """The student's dataset over the grader's folder, step by step: its attributes, paths (relative to
    the folder), length, every item without and with the grader's transform."""
    cls = v["ImageFolderCustom"]
    steps = Steps()
    steps.put("is_dataset", isinstance(cls, type) and issubclass(cls, Dataset))
    if not steps.results["is_dataset"]["ok"]:
        return steps.results
    with grader_folder(tree) as root:
        folder = root / split
        target = folder if as_path else str(folder)
        ds = steps.run("construct", construct, cls, "ImageFolderCustom", target)
        steps.run("missing", lambda: [attr for attr in DATASET_ATTRS if not hasattr(ds, attr)])
        steps.run("classes", lambda: {"value": [str(x) if isinstance(x, str) else x for x in ds.classes],
                                      "short": short(ds.classes)})
        steps.run("class_to_idx", lambda: {"value": dict(ds.class_to_idx), "short": short(ds.class_to_idx, 1000)})

        def paths():
            try:
                return [_relative(p, folder) for p in ds.paths]
            except TypeError:
                return None

        steps.run("paths", paths)
        steps.run("len", len, ds)
        steps.run("has_load_image", hasattr, ds, "load_image")
        def load(index):
            image = ds.load_image(index)
            return {"pil": isinstance(image, Image.Image), "type": type(image).__name__}

        for index in range(count):
            steps.run(f"load_{index}", load, index)
            steps.run(f"item_{index}", lambda i=index: _pair(ds.__getitem__(i)))
        ds_t = steps.run("construct_t", construct, cls, "ImageFolderCustom", target,
                         transform=grader_transform(resize))
        for index in range(count):
            steps.run(f"titem_{index}", lambda i=index: _pair(ds_t.__getitem__(i)))
    return steps.results


# --- transforms ---------------------------------------------------------------------------------------------

def transform_outputs(v: dict, name: str, callables: list, pixels: torch.Tensor, seeds: list) -> dict:
    """``v[name]`` applied to the host's image once per seed (``torch`` and ``random`` seeded)."""
    for other in callables:
        c.expect_callable(v[other], other)
    fn = v[name]
    image = pil_image(pixels)
    steps = Steps()
    for k, seed in enumerate(seeds):
        torch.manual_seed(seed)
        random.seed(seed)
        steps.run(str(k), fn, image.copy())
    return steps.results


# --- data loaders -------------------------------------------------------------------------------------------

def dataloaders(v: dict, hidden: bool) -> dict:
    """The loaders' settings, the image counts of the student's folders (torchvision's ``ImageFolder``)
    and, visible: each loader's first batch; hidden: the labels of one pass over the test loader."""
    names = ("train_dataloader_custom", "test_dataloader_custom")
    loaders = {name: v[name] for name in names}
    steps = Steps()
    steps.put("types", {name: None if isinstance(loader, DataLoader) else type(loader).__name__
                        for name, loader in loaders.items()})
    if not all(isinstance(loader, DataLoader) for loader in loaders.values()):
        return steps.results
    train, test = loaders[names[0]], loaders[names[1]]
    steps.run("n_train", lambda: len(datasets.ImageFolder(str(v["train_dir"]))))
    steps.run("n_test", lambda: len(datasets.ImageFolder(str(v["test_dir"]))))
    steps.run("got_train", len, train.dataset)
    steps.run("got_test", len, test.dataset)
    steps.put("settings", {"batch_size": {name: loader.batch_size for name, loader in loaders.items()},
                           "BATCH_SIZE": v["BATCH_SIZE"], "random": isinstance(train.sampler, RandomSampler),
                           "sequential": isinstance(test.sampler, SequentialSampler)})
    if hidden:
        steps.run("want", lambda: [int(t) for t in datasets.ImageFolder(str(v["test_dir"])).targets])
        steps.run("labels", lambda: [int(t) for batch in list(test) for t in batch[1]])
        return steps.results
    for name, loader in loaders.items():
        steps.run(f"batch_{name}", lambda lo=loader: (lambda b: {"value": b, "short": short(b)})(next(iter(lo))))
    return steps.results


# --- TinyVGG ------------------------------------------------------------------------------------------------

def _missing_activation(model: nn.Module, X: torch.Tensor) -> bool:
    """True when a convolution's output goes unchanged into the next convolution (no ReLU between).

    Max pooling is itself non-linear, so an affinity test cannot see a missing ReLU; forward hooks
    on the ``Conv2d`` layers can, whether the activation is a module or ``F.relu``.
    """
    seen: list[tuple[torch.Tensor, torch.Tensor]] = []
    hooks = [m.register_forward_hook(lambda _m, inp, out: seen.append((inp[0].detach(), out.detach())))
             for m in model.modules() if isinstance(m, nn.Conv2d)]
    try:
        model.eval()
        with torch.inference_mode():
            model(X)
    finally:
        for hook in hooks:
            hook.remove()
    for (_, previous_out), (current_in, _) in zip(seen, seen[1:]):
        if (previous_out.shape == current_in.shape and bool((previous_out < 0).any())
                and torch.equal(previous_out, current_in)):
            return True
    return False


def _unused_parameter(model: nn.Module, X: torch.Tensor):
    """The first parameter that gets no gradient from the output, or None."""
    model.train()
    model.zero_grad()
    model(X).square().sum().backward()
    for name, param in model.named_parameters():
        if param.grad is None or not bool(param.grad.abs().sum() > 0):
            return name
    return None


def tiny_vgg(v: dict, input_shape: int, hidden_units: int, output_shape: int, X: torch.Tensor) -> dict:
    """A fresh ``TinyVGG(...)`` on the host's images: its output (training mode, as built), parameter
    count, whether a ReLU is missing, its eval outputs on ``X * 50`` and ``X``, its state and the
    first parameter without gradient."""
    cls = v["TinyVGG"]
    c.expect_module_class(cls, "TinyVGG")
    dev = c.device()
    model = construct(cls, "TinyVGG", input_shape=input_shape, hidden_units=hidden_units,
                      output_shape=output_shape).to(dev)
    X = X.to(dev)
    steps = Steps()
    with c.exact_math():
        steps.run("out", model, X)
        steps.put("parameters", sum(p.numel() for p in model.parameters()))
        steps.run("missing_activation", _missing_activation, model, X)
        steps.run("outputs", _eval_outputs, model, {"big": X * 50, "x": X})
        steps.put("state", model.state_dict())
        steps.run("unused", _unused_parameter, model, X)
    return steps.results


# --- train_step, test_step, train ---------------------------------------------------------------------------

def _grader_cnn(state: dict) -> nn.Module:
    model = probe_cnn()
    model.load_state_dict(state)
    return model.to(c.device())


def train_step(v: dict, state: dict, X, y, batch_size: int, optimizer: str) -> dict:
    """The student's ``train_step`` on the grader's small CNN (left in eval mode) and batches: its result,
    the modes of the model's forward passes and the model's state afterwards."""
    fn = v["train_step"]
    c.expect_callable(fn, "train_step")
    model = _grader_cnn(state)
    model.eval()  # the student's train_step must switch to training mode itself
    with c.exact_math():
        result = fn(model, vision.loader(X, y, batch_size), nn.CrossEntropyLoss(),
                    make_optimizer(optimizer, model.parameters()), c.device())
    return {"result": result, "short": short(result), "calls": model.calls, "state": model.state_dict()}


def test_step(v: dict, state: dict, X, y, batch_size: int) -> dict:
    """The student's ``test_step`` on the grader's small CNN (left in training mode): its result, the modes
    of the forward passes and the state afterwards."""
    fn = v["test_step"]
    c.expect_callable(fn, "test_step")
    model = _grader_cnn(state)
    model.train()  # the student's test_step must switch to evaluation mode itself
    with c.exact_math():
        result = fn(model, vision.loader(X, y, batch_size), nn.CrossEntropyLoss(), c.device())
    return {"result": result, "short": short(result), "calls": model.calls, "state": model.state_dict()}


test_step.__test__ = False  # not a pytest test when imported into a test module


def train(v: dict, state: dict, X_train, y_train, X_test, y_test, batch_size: int, optimizer: str,
          epochs: int) -> dict:
    """The student's ``train`` on the grader's small CNN and batches: its results and the state afterwards."""
    fn = v["train"]
    c.expect_callable(fn, "train")
    model = _grader_cnn(state)
    with c.student_output_hidden(), c.exact_math():
        results = fn(model=model, train_dataloader=vision.loader(X_train, y_train, batch_size),
                     test_dataloader=vision.loader(X_test, y_test, batch_size),
                     optimizer=make_optimizer(optimizer, model.parameters()), loss_fn=nn.CrossEntropyLoss(),
                     epochs=epochs, device=c.device())
    if isinstance(results, dict):
        results = dict(results)
    return {"results": results, "state": model.state_dict()}


# --- model_1 ------------------------------------------------------------------------------------------------

def model_1_loader(v: dict, seeds: list) -> dict:
    """What ``model_1`` and ``train_dataloader_augmented`` are, and the first item's image of the
    loader's dataset once per seed (``torch`` and ``random`` seeded)."""
    model, loader = v["model_1"], v["train_dataloader_augmented"]
    steps = Steps()
    steps.put("types", {"model_1": isinstance(model, nn.Module), "loader": isinstance(loader, DataLoader),
                        "loader_type": type(loader).__name__})
    if not isinstance(model, nn.Module) or not isinstance(loader, DataLoader):
        return steps.results
    dataset = loader.dataset

    def first_image():
        item = dataset.__getitem__(0)
        if isinstance(item, (tuple, list)) and isinstance(item[0], torch.Tensor):
            return {"ok": True, "image": item[0]}
        return {"ok": False, "short": short(item)}

    for k, seed in enumerate(seeds):
        torch.manual_seed(seed)
        random.seed(seed)
        steps.run(str(k), first_image)
    return steps.results


def model_1_model(v: dict, X_check: torch.Tensor) -> dict:
    """``model_1``'s weights and its outputs on the host's confirmation images (random, never measured on):
    the host measures its own copy of the model on its digits, which never come here."""
    model = v["model_1"]
    c.expect(isinstance(model, nn.Module), "not_module_class", name="model_1")
    model.to(c.device())
    return {"out": _eval_outputs(model, {"x": X_check})["x"], "state": model.state_dict(), "device": c.device().type}


# --- pred_and_plot_image ------------------------------------------------------------------------------------

def pred_and_plot_image(v: dict, name: str, data: torch.Tensor, classes: list, side: int, resize, state: dict,
                        as_path: bool) -> dict:
    """The student's function on the grader's image file and model: its result and the modes of the
    model's forward passes."""
    fn = v["pred_and_plot_image"]
    c.expect_callable(fn, "pred_and_plot_image")
    dev = c.device()
    model = PixelProbe(side, len(classes))
    model.load_state_dict(state)
    model.to(dev).train()
    transform = None if resize is None else transforms.Resize(tuple(resize))
    with work_folder() as folder:
        path = folder / name
        path.write_bytes(data.numpy().tobytes())
        with c.student_output_hidden(), c.exact_math():
            result = fn(model=model, image_path=path if as_path else str(path), class_names=list(classes),
                        transform=transform, device=dev)
    text = short(result)
    if isinstance(result, (tuple, list)):
        result = [str(x) if isinstance(x, str) else x for x in result]
    return {"result": result, "short": text, "calls": model.calls}
