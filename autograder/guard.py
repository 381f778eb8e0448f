"""Tamper detection inside the student's kernel.

Before any student code runs, :func:`arm` records every attribute (and the code object of
every function) of the namespaces the checks rely on: the ``autograder`` modules and their
classes, ``torch`` (``Tensor``, ``nn.Module``, ``nn.functional``, optimisers, data), NumPy,
scikit-learn's data generators, ``builtins``, and ``sys.stdout``. :func:`problems` lists what
was replaced since. The grader checks it after the student's cells, after every call into
student code made by a check, and after each test: a test that ran in a tampered kernel
scores 0. This is a tripwire, not a sandbox: code that studies the grader and subverts the
guard itself (through ``gc``, closures or ctypes) is out of scope (docs/tehdit_modeli.md).
"""

from __future__ import annotations

import sys
import types

_MISSING = object()
_FAST_CLASSES = ("torch.Tensor", "torch._C.TensorBase", "torch.nn.Module")
_MODULES = ("builtins", "math", "json", "random", "numpy", "numpy.random", "torch", "torch.nn",
            "torch.nn.functional", "torch.optim", "torch.utils.data", "sklearn.datasets",
            "sklearn.model_selection")
_CLASSES = ("torch.Tensor", "torch._C.TensorBase", "torch.nn.Module", "torch.optim.Optimizer",
            "torch.optim.Adam", "torch.optim.SGD", "torch.utils.data.DataLoader", "torch.utils.data.Dataset",
            "torch.nn.Linear", "torch.nn.Conv2d", "torch.nn.Sequential")

# Keys that change legitimately while grading (the grader's own state, IPython's last result).
_MUTABLE = {"autograder.guard": {"_snapshot", "_fast", "_stdout", "_step_hook_code"}, "autograder.i18n": {"_current"},
            "builtins": {"_", "input", "raw_input"},  # ipykernel swaps input() per request
            "torch": {"manual_seed"}}  # wrapped by torch._dynamo whenever that is first imported

_snapshot: list | None = None
_fast: list | None = None
_stdout = None
_step_hook_code = None


def _code(value):
    """The code object behind a function-like value (patching ``__code__`` is tampering too)."""
    if isinstance(value, (staticmethod, classmethod)):
        value = value.__func__
    if isinstance(value, property):
        value = value.fget
    return getattr(value, "__code__", None) if isinstance(value, types.FunctionType) else None


def _resolve(dotted: str):
    parts = dotted.split(".")
    for i in range(len(parts), 0, -1):
        module = sys.modules.get(".".join(parts[:i]))
        if module is not None:
            obj = module
            for attr in parts[i:]:
                obj = getattr(obj, attr, None)
            return obj
    return None


def _targets(fast: bool) -> list[tuple[str, object]]:
    names = [] if fast else list(_MODULES) + list(_CLASSES)
    own = [name for name in list(sys.modules) if name == "autograder" or name.startswith("autograder.")]
    targets = [(name, _resolve(name)) for name in dict.fromkeys(list(_FAST_CLASSES) + names + own)]
    # Classes and spec objects defined in the grader's own modules.
    for name in own:
        module = sys.modules[name]
        for value in list(vars(module).values()):
            if isinstance(value, type) and value.__module__ == name:
                targets.append((f"{name}.{value.__name__}", value))
        for spec in getattr(getattr(module, "ASSIGNMENT", None), "tests", ()):
            targets.append((f"{name}.ASSIGNMENT.{spec.id}", spec))
    return [(label, obj) for label, obj in targets if obj is not None]


def _record(fast: bool) -> list:
    entries = []
    for label, obj in _targets(fast):
        try:
            namespace = vars(obj)
        except TypeError:
            continue
        skip = _MUTABLE.get(label, ())
        entries.append((label, obj, namespace,
                        {k: (v, _code(v)) for k, v in list(namespace.items()) if k not in skip}))
    return entries


def _torch_step_hook(current, original) -> bool:
    """True when ``current`` is the profiling wrapper torch puts around an optimizer class's
    ``step`` the first time that class is instantiated (``Optimizer._patch_step_function``).
    Allowing exactly that change spares arming an optimizer warm-up, whose first use imports
    ``torch._dynamo`` (1.2 s of every kernel, needed only by submissions that train)."""
    wrapped = getattr(current, "__wrapped__", _MISSING)
    # A subclass may wrap its base's step before the base wraps its own: accept either layer.
    return (_step_hook_code is not None and getattr(current, "hooked", False) is True
            and _code(current) is _step_hook_code
            and (wrapped is original or wrapped is getattr(original, "__wrapped__", None)))


def _hook_code():
    import torch

    return _code(torch.optim.Optimizer.profile_hook_step(lambda: None))


def _inherited(cls: type, key: str):
    for base in cls.__mro__[1:]:
        if key in vars(base):
            return vars(base)[key]
    return None


def arm() -> None:
    """Take the snapshot. Call before any student code runs."""
    global _snapshot, _fast, _stdout, _step_hook_code
    _step_hook_code = _hook_code()
    _snapshot, _fast, _stdout = _record(False), _record(True), sys.stdout


def disarm() -> None:
    global _snapshot, _fast, _stdout
    _snapshot = _fast = _stdout = None


def armed() -> bool:
    return _snapshot is not None


def problems(full: bool = True, limit: int = 3) -> list[str]:
    """Names of watched attributes that were replaced, deleted or had their code swapped."""
    entries = _snapshot if full else _fast
    if entries is None:
        return []
    found = []
    for label, obj, _, saved in entries:
        try:
            namespace = vars(obj)
        except TypeError:
            found.append(label)
            continue
        for key, (value, code) in saved.items():
            current = namespace.get(key, _MISSING)
            if (current is not value or _code(current) is not code) and not (
                    key == "step" and _torch_step_hook(current, value)):
                found.append(f"{label}.{key}")
                if len(found) >= limit:
                    return found
        if isinstance(obj, type) and len(namespace) != len(saved):
            # A new class attribute that overrides an inherited one (Tensor.__eq__ over TensorBase's);
            # caches such as copyreg's __slotnames__ shadow nothing and are fine.
            found.extend(f"{label}.{key}" for key in namespace if key not in saved
                         and any(key in vars(base) for base in obj.__mro__[1:])
                         and not (key == "step" and _torch_step_hook(namespace[key], _inherited(obj, key))))
            if len(found) >= limit:
                return found[:limit]
    if full and sys.stdout is not _stdout:
        found.append("sys.stdout")
    return found[:limit]
