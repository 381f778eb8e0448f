"""Kernel side of 08's checks: import the student's scripts, call them on the host's inputs, return plain data.

The scripts are read from ``MODULE_DIR`` (relative to the kernel's working folder) afresh at every
question: no module is taken from ``sys.modules``, so the file as it is now is what gets graded (the
student's own ``import`` in the notebook would keep the first version). The host's image folders arrive
as pixels and are written as PNG files into a temporary folder inside the working folder for one
question; ``train.py`` runs as a subprocess of the kernel (``sys.executable``, the working folder as its
current folder, the host's hyperparameters on its command line, a time limit).
"""

from __future__ import annotations

import contextlib
import inspect
import io
import os
import subprocess
import sys
import tempfile
import types
from collections.abc import Iterator, Mapping
from pathlib import Path

import torch
from torch import nn
from torch.utils.data import DataLoader, RandomSampler, SequentialSampler
from torchvision import transforms

from autograder import checks as c
from autograder import vision
from autograder.assignments.moduler_hale_getirme.reference import MODULE_CELLS, write_images
from autograder.errors import CheckFailure

# --- the student's files -----------------------------------------------------------------------------------

def module_dir(v: dict) -> Path:
    folder = v["MODULE_DIR"]
    c.expect(isinstance(folder, (str, os.PathLike)), "mhg_module_dir", got=type(folder).__name__)
    return Path(os.fspath(folder))


def _text(path: Path) -> str:
    c.expect(path.is_file(), "mhg_file_missing", file=path.name, folder=str(path.parent))
    return path.read_text(encoding="utf-8")


@contextlib.contextmanager
def _siblings(folder: Path) -> Iterator[None]:
    """While a script runs: its folder first on ``sys.path`` (``import data_setup`` finds the student's
    file) and none of the five names cached, so a sibling import also reads the file as it is now."""
    saved = {name: sys.modules.pop(name) for name in MODULE_CELLS if name in sys.modules}
    entry = os.path.abspath(folder)
    sys.path.insert(0, entry)
    try:
        yield
    finally:
        for name in MODULE_CELLS:
            sys.modules.pop(name, None)
        sys.modules.update(saved)
        with contextlib.suppress(ValueError):
            sys.path.remove(entry)


def load(v: dict, name: str) -> types.ModuleType:
    """``MODULE_DIR/<name>.py`` executed as a fresh module (its errors propagate: the stub's
    ``NotImplementedError`` tells the host the cell is not filled in)."""
    path = module_dir(v) / f"{name}.py"
    source = _text(path)
    module = types.ModuleType(name)
    module.__file__ = str(path)
    with _siblings(path.parent):
        sys.modules[name] = module
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(source, str(path), "exec"), module.__dict__)
    return module


# The grader's reference code (TinyVGG, the steps): a student's file may not take it over.
GRADER = ("autograder",)
REFERENCE = ("autograder.vision", "autograder.assignments")


def _within(origin, prefixes: tuple[str, ...]) -> bool:
    return isinstance(origin, str) and any(origin == p or origin.startswith(f"{p}.") for p in prefixes)


def _origin(value) -> str | None:
    """Where a value comes from: a module's own name, else the ``__module__`` its definition records."""
    try:
        origin = value.__name__ if isinstance(value, types.ModuleType) else getattr(value, "__module__", None)
    except Exception:
        return None
    return origin if isinstance(origin, str) else None


def not_own_code(module: types.ModuleType, name: str, origin) -> CheckFailure:
    return CheckFailure("mhg_not_own_code", file=f"{module.__name__}.py", name=name, origin=str(origin)[:120])


def own_code(module: types.ModuleType, name: str, obj) -> None:
    """``obj`` (``module.name``) must be defined in the student's file itself (``__module__``), no class in its
    MRO may be the grader's, and no name of the file may hold the grader's reference code (a module of it, or
    a function or class of it): a file that imports ``autograder.vision.TinyVGG`` or its steps gets nothing."""
    origin = _origin(obj)
    if origin != module.__name__:
        raise not_own_code(module, name, origin)
    if inspect.isclass(obj):
        for base in inspect.getmro(obj):
            if _within(_origin(base), GRADER):
                raise not_own_code(module, name, f"{_origin(base)}.{base.__qualname__}")
    for key, value in list(vars(module).items()):
        origin = _origin(value)
        package = isinstance(value, types.ModuleType) and origin == "autograder"
        if package or _within(origin, REFERENCE):
            raise not_own_code(module, key, origin)


def attribute(module: types.ModuleType, name: str):
    c.expect(hasattr(module, name), "mhg_missing_name", name=name, file=f"{module.__name__}.py")
    obj = getattr(module, name)
    own_code(module, name, obj)
    return obj


@contextlib.contextmanager
def work_folder() -> Iterator[Path]:
    """A temporary folder inside the working folder (the kernel's private copy), removed afterwards."""
    here = os.getcwd()
    with tempfile.TemporaryDirectory(prefix=".autograder-08-", dir=here if os.access(here, os.W_OK) else None) as tmp:
        yield Path(tmp)


def _short(value, limit: int = 200) -> str:
    try:
        text = repr(value)
    except Exception:
        text = f"<{type(value).__name__}>"
    return text[:limit]


def _error(exc: BaseException) -> dict:
    return {"type": type(exc).__name__, "message": str(exc).strip()[:2000]}


def _saved(path: Path) -> dict:
    """What a saved model file holds, loaded weights-only: ``{"saved": state_dict}`` or ``{"load_error": ...}``."""
    try:
        saved = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as exc:  # a pickled whole model does not load weights-only
        return {"load_error": type(exc).__name__}
    if isinstance(saved, Mapping):
        return {"saved": {str(k): saved[k] for k in saved}}
    return {"saved": {"__type__": type(saved).__name__}}


# --- data_setup.py -----------------------------------------------------------------------------------------

def data_setup(v: dict, files: dict, size: list, batch_size: int, as_path: bool) -> dict:
    """``create_dataloaders`` on the host's folders (written here from pixels) with the grader's transform:
    what it returned, the loaders' settings and every test batch."""
    fn = attribute(load(v, "data_setup"), "create_dataloaders")
    c.expect_callable(fn, "create_dataloaders")
    transform = transforms.Compose([transforms.Resize(tuple(size)), transforms.ToTensor()])
    with work_folder() as root:
        write_images(root, files)
        train_dir, test_dir = root / "train", root / "test"
        if not as_path:
            train_dir, test_dir = str(train_dir), str(test_dir)
        result = c.call(fn, train_dir=train_dir, test_dir=test_dir, transform=transform, batch_size=batch_size,
                        num_workers=0)
        facts: dict = {"kind": type(result).__name__,
                       "length": len(result) if isinstance(result, (tuple, list)) else None}
        if not (isinstance(result, (tuple, list)) and len(result) == 3):
            return facts
        train_loader, test_loader, class_names = result
        names_ok = isinstance(class_names, (list, tuple)) and all(isinstance(x, str) for x in class_names)
        facts["class_names"] = [str(x) for x in class_names] if names_ok else None
        facts["class_names_short"] = _short(class_names)
        for key, loader in (("train", train_loader), ("test", test_loader)):
            if not isinstance(loader, DataLoader):
                facts[key] = {"is_dataloader": False, "type": type(loader).__name__}
                continue
            facts[key] = {"is_dataloader": True, "batch_size": loader.batch_size,
                          "random": isinstance(loader.sampler, RandomSampler),
                          "sequential": isinstance(loader.sampler, SequentialSampler),
                          "num_workers": int(loader.num_workers), "size": c.call(len, loader.dataset)}
        if facts["train"]["is_dataloader"] and facts["test"]["is_dataloader"]:
            facts["test_batches"] = [list(batch) if isinstance(batch, (tuple, list)) else batch
                                     for batch in c.call(list, test_loader)]
    return facts


# --- model_builder.py --------------------------------------------------------------------------------------

def model_builder(v: dict, cases: list) -> list:
    """For each ``(input_shape, hidden_units, output_shape, X)``: a fresh ``TinyVGG``, its output on ``X``
    (eval mode, no gradients), its ``state_dict`` and its parameter count."""
    module = load(v, "model_builder")
    cls = attribute(module, "TinyVGG")
    c.expect_module_class(cls, "TinyVGG")
    dev = c.device()
    answers = []
    for input_shape, hidden_units, output_shape, X in cases:
        model = c.construct(cls, "TinyVGG", input_shape=input_shape, hidden_units=hidden_units,
                            output_shape=output_shape)
        # the grader's TinyVGG (or a layer of its code) kept inside one's own class is not one's own either
        for kind in c.call(lambda m=model: [type(part) for part in m.modules()]):
            if _within(kind.__module__, GRADER):
                raise not_own_code(module, "TinyVGG", f"{kind.__module__}.{kind.__qualname__}")
        model = model.to(dev)
        model.eval()
        with torch.no_grad(), c.exact_math():
            out = c.forward(model, X.to(dev))
        answers.append({"out": out, "state": dict(model.state_dict()),
                        "parameters": sum(p.numel() for p in model.parameters()), "device": dev.type})
    return answers


# --- engine.py ---------------------------------------------------------------------------------------------

def _reference(hidden_units: int, classes: int, state: dict) -> nn.Module:
    model = vision.TinyVGG(3, hidden_units, classes)
    model.load_state_dict(state)
    return model.to(c.device())


def _recorder(model: nn.Module) -> tuple[list, object]:
    calls: list = []

    def hook(module, args):
        calls.append({"training": module.training, "grad": torch.is_grad_enabled()})

    return calls, model.register_forward_pre_hook(hook)


def _optimizer(kind: str, params):
    return torch.optim.SGD(params, lr=0.1) if kind == "sgd" else torch.optim.Adam(params, lr=1e-3)


def train_step(v: dict, hidden_units: int, classes: int, state: dict, X, y, batch_size: int, optimizer: str) -> dict:
    """``engine.train_step`` on the grader's TinyVGG (left in eval mode) and batches: its result, the mode of
    each forward pass and the state afterwards."""
    fn = attribute(load(v, "engine"), "train_step")
    c.expect_callable(fn, "train_step")
    dev = c.device()
    model = _reference(hidden_units, classes, state)
    opt = _optimizer(optimizer, model.parameters())
    model.eval()
    calls, handle = _recorder(model)
    try:
        with c.exact_math(), contextlib.redirect_stdout(io.StringIO()):
            result = c.call(fn, model, vision.loader(X, y, batch_size), nn.CrossEntropyLoss(), opt, dev)
    finally:
        handle.remove()
    return {"result": result, "calls": calls, "state": dict(model.state_dict()), "device": dev.type}


def test_step(v: dict, hidden_units: int, classes: int, state: dict, X, y, batch_size: int) -> dict:
    """``engine.test_step`` on the grader's TinyVGG (left in train mode): its result, the modes, the state
    afterwards and whether a gradient appeared."""
    fn = attribute(load(v, "engine"), "test_step")
    c.expect_callable(fn, "test_step")
    dev = c.device()
    model = _reference(hidden_units, classes, state)
    model.train()
    calls, handle = _recorder(model)
    try:
        with c.exact_math(), contextlib.redirect_stdout(io.StringIO()):
            result = c.call(fn, model, vision.loader(X, y, batch_size), nn.CrossEntropyLoss(), dev)
    finally:
        handle.remove()
    return {"result": result, "calls": calls, "state": dict(model.state_dict()),
            "grads": any(p.grad is not None for p in model.parameters()), "device": dev.type}


test_step.__test__ = False  # not a pytest test when imported into a test module


def train(v: dict, hidden_units: int, classes: int, state: dict, X_train, y_train, X_test, y_test,
          batch_size: int, epochs: int) -> dict:
    """``engine.train`` (with the student's own steps) on the grader's TinyVGG and data: its results and
    the state afterwards."""
    fn = attribute(load(v, "engine"), "train")
    c.expect_callable(fn, "train")
    dev = c.device()
    model = _reference(hidden_units, classes, state)
    kwargs = {"model": model, "train_dataloader": vision.loader(X_train, y_train, batch_size),
              "test_dataloader": vision.loader(X_test, y_test, batch_size),
              "optimizer": _optimizer("adam", model.parameters()), "loss_fn": nn.CrossEntropyLoss(),
              "epochs": epochs, "device": dev}
    with c.exact_math(), contextlib.redirect_stdout(io.StringIO()):
        history = c.call(fn, **kwargs)
    if isinstance(history, Mapping):
        history = {str(k): history[k] for k in history}
    return {"history": history, "state": dict(model.state_dict()), "device": dev.type}


# --- utils.py ----------------------------------------------------------------------------------------------

def utils(v: dict, hidden_units: int, state: dict, target: str, name: str, bad_name: str, as_path: bool,
          twice: bool) -> dict:
    """``save_model`` with the grader's TinyVGG into a folder that does not exist yet (twice into the same
    folder with ``twice``), then with a file name of another suffix: what was written and what it holds."""
    fn = attribute(load(v, "utils"), "save_model")
    c.expect_callable(fn, "save_model")
    model = vision.TinyVGG(3, hidden_units, 3)
    model.load_state_dict(state)
    with work_folder() as root:
        target_dir = root / target
        arg = target_dir if as_path else str(target_dir)
        for _ in range(2 if twice else 1):
            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    c.call(fn, model=model, target_dir=arg, model_name=name)
            except CheckFailure as exc:
                if exc.key == "student_error" and not target_dir.is_dir():
                    raise CheckFailure("mhg_save_no_dir", folder=target, error=exc.params.get("error", "")) from None
                raise
        path = target_dir / name
        facts: dict = {"exists": path.is_file(), "files": sorted(p.name for p in target_dir.glob("*"))
                       if target_dir.is_dir() else []}
        if facts["exists"]:
            facts.update(_saved(path))
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                fn(model=model, target_dir=arg, model_name=bad_name)
            facts["bad_raised"] = False
        except (Exception, SystemExit) as exc:
            facts["bad_raised"] = True
            facts["bad_error"] = _error(exc)
        facts["bad_written"] = (target_dir / bad_name).exists()
    return facts


# --- train.py ----------------------------------------------------------------------------------------------

def _subprocess_env() -> dict:
    """The kernel's environment (one compute thread, as the grader's policy, unless the kernel says otherwise)."""
    env = dict(os.environ)
    threads = env.get("AUTOGRADER_THREADS", "1")
    env.setdefault("OMP_NUM_THREADS", threads)
    env.setdefault("MKL_NUM_THREADS", threads)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def train_script(v: dict, files: dict, args: list, model_dir: str, model_name: str, absolute: bool,
                 timeout: float) -> dict:
    """``python MODULE_DIR/train.py ARGS`` (``{root}`` in ``args`` is the host's folder, written here from
    pixels) in the working folder: its exit code and the end of its error output, and the ``state_dict``
    it saved to ``model_dir/model_name``."""
    script = module_dir(v) / "train.py"
    _text(script)
    with work_folder() as root:
        write_images(root, files)
        base = str(root) if absolute else os.path.relpath(root)
        argv = [sys.executable, str(script), *(str(a).replace("{root}", base) for a in args)]
        try:
            proc = subprocess.run(argv, cwd=os.getcwd(), capture_output=True, text=True, errors="replace",
                                  timeout=timeout, env=_subprocess_env(), stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return {"timeout": True}
        facts: dict = {"timeout": False, "returncode": proc.returncode, "stderr": proc.stderr[-3000:]}
        path = root / model_dir / model_name
        facts["exists"] = path.is_file()
        if facts["exists"]:
            facts.update(_saved(path))
    return facts


# --- the notebook's own run --------------------------------------------------------------------------------

def train_run(v: dict) -> dict:
    """What ``MODEL_SAVE_PATH`` holds (loaded weights-only)."""
    value = v["MODEL_SAVE_PATH"]
    c.expect(isinstance(value, (str, os.PathLike)), "mhg_module_dir", got=type(value).__name__)
    path = Path(os.fspath(value))
    facts: dict = {"path": str(path), "exists": path.is_file()}
    if facts["exists"]:
        facts.update(_saved(path))
    return facts
