"""Kernel side of 07's checks: build the student's modules, run them on the host's inputs, return
plain data — outputs, parameter shapes, the states of the layers the host copies into its own
reference, and the few structural facts only the kernel can see (attention heads, which parameters
a gradient reaches, the error a module raises).

A probe with several steps runs them as *stages* (``{"name": {"ok": ...} | {"error": ...}}``, the
error in the form :func:`autograder.oracle.run_probe` writes) and stops at the first error, so the
host judges the steps in their order: a later step's error never hides an earlier step's mistake.
Errors of the student's code travel as they are (type and text); the host explains them.
"""

from __future__ import annotations

import copy
import inspect

import torch
from torch import nn

from autograder import checks as c
from autograder.errors import CheckFailure

_SCALARS = (int, float, bool, str, type(None))


class Stages:
    """Run the steps of a probe in order; after an error the remaining steps are skipped."""

    def __init__(self):
        self.parts: dict = {}
        self.failed = False

    def run(self, name: str, fn, *args, report=None):
        """``fn(*args)``; the stage records ``report(value)`` (default: the value) and the value is
        returned for the next steps (None after an error)."""
        if self.failed:
            return None
        try:
            value = fn(*args)
            self.parts[name] = {"ok": value if report is None else report(value)}
            return value
        except CheckFailure as exc:
            self.parts[name] = {"error": {"key": exc.key, "params": exc.params, "hint": exc.hint}}
        except (Exception, SystemExit, KeyboardInterrupt) as exc:
            self.parts[name] = {"error": {"type": type(exc).__name__, "message": str(exc).strip()[:2000]}}
        self.failed = True
        return None


# --- helpers ---------------------------------------------------------------------------------------------

def _construct(cls, name: str, kwargs: dict) -> nn.Module:
    """The student's module; a constructor's error names the class (a NotImplementedError travels as
    it is: the host says the cell is not filled in)."""
    try:
        return cls(**kwargs)
    except NotImplementedError:
        raise
    except (Exception, SystemExit, KeyboardInterrupt) as exc:
        raise CheckFailure("construct_failed", name=name, error=f"{type(exc).__name__}: {exc}"[:300],
                           hint=c.hint_for(exc)) from None


def _module(cls, name: str, kwargs: dict) -> nn.Module:
    """The student's module on the grader's device."""
    return _construct(cls, name, kwargs).to(c.device())


def _shapes(model: nn.Module) -> dict:
    """Every parameter's shape (shared parameters once): the host counts them."""
    return {name: list(p.shape) for name, p in model.named_parameters()}


def _layout(model: nn.Module) -> list:
    """The attention, layer-norm and linear layers in module order (linears inside an
    ``nn.MultiheadAttention`` left out), each with its state: the host copies them into its reference."""
    inside = set()
    for m in model.modules():
        if isinstance(m, nn.MultiheadAttention):
            inside.update(id(s) for s in m.modules() if s is not m)
    found = []
    for name, m in model.named_modules():
        if id(m) in inside:
            continue
        for kind in (nn.MultiheadAttention, nn.LayerNorm, nn.Linear):
            if isinstance(m, kind):
                entry = {"kind": kind.__name__, "name": name, "state": dict(m.state_dict())}
                if kind is nn.MultiheadAttention:
                    entry["heads"] = m.num_heads
                found.append(entry)
                break
    return found


def _structure(model: nn.Module) -> dict:
    return {"shapes": _shapes(model), "layout": _layout(model)}


def _heads(model: nn.Module) -> list:
    """The number of heads of every ``nn.MultiheadAttention``, in module order."""
    return [m.num_heads for m in model.modules() if isinstance(m, nn.MultiheadAttention)]


def _outputs(model: nn.Module, inputs: dict) -> dict:
    """The model's outputs on each named input, in evaluation mode, without gradients."""
    dev = c.device()
    model.eval()
    with torch.no_grad():
        return {key: model(x.to(dev)) for key, x in inputs.items()}


def _train_pair(model: nn.Module, x: torch.Tensor) -> list:
    """Two outputs for the same input in training mode (dropout shows as a difference)."""
    x = x.to(c.device())
    model.train()
    with torch.no_grad():
        first, second = model(x), model(x)
    model.eval()
    return [first, second]


def _eval_pair(model: nn.Module, x: torch.Tensor) -> list:
    x = x.to(c.device())
    model.eval()
    with torch.no_grad():
        return [model(x), model(x)]


def _gradients(model: nn.Module, x: torch.Tensor) -> dict:
    """Which parameters backpropagation from the output reaches (eval mode: no dropout hides one).
    A gradient that is exactly zero counts as reached (a key projection's bias never changes the
    softmax)."""
    params = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    if not params:
        return {"params": 0, "missing": []}
    model.eval()
    model.zero_grad(set_to_none=True)
    out = model(x.to(c.device()))
    weights = torch.randn(out.shape, generator=torch.Generator().manual_seed(1)).to(out.device)
    if out.requires_grad:
        (out * weights).sum().backward()
        missing = [n for n, p in params if p.grad is None]
    else:
        missing = [n for n, _ in params]
    model.zero_grad(set_to_none=True)
    return {"params": len(params), "missing": missing}


def _plain_defaults(cls) -> dict:
    return {k: (v if type(v) in _SCALARS else str(v)[:80]) for k, v in c.default_args(cls).items()}


def _shape_like(value):
    """A shape as the student gave it, made plain: ``torch.Size`` and tuple/list subclasses become a
    tuple/list (numbers, tensors and anything else travel as they are)."""
    if isinstance(value, torch.Size):
        return tuple(value)
    if isinstance(value, tuple) and type(value) is not tuple:
        return tuple(value)
    if isinstance(value, list) and type(value) is not list:
        return list(value)
    return value


# --- probes -------------------------------------------------------------------------------------------------

def defaults(v: dict, name: str) -> dict:
    """The default arguments of the student's module class (plain values; others as text)."""
    cls = v[name]
    c.expect_module_class(cls, name)
    return _plain_defaults(cls)


def arguments(v: dict, name: str) -> list:
    """The names of the parameters of the student's module class's ``__init__``."""
    cls = v[name]
    c.expect_module_class(cls, name)
    try:
        return [n for n in inspect.signature(cls).parameters]
    except (TypeError, ValueError):
        return []


def shapes(v: dict, name: str, kwargs: dict) -> dict:
    """The parameter shapes of ``name(**kwargs)``."""
    cls = v[name]
    c.expect_module_class(cls, name)
    return _shapes(_construct(cls, name, kwargs))


def patch_arithmetic(v: dict, cases: list) -> dict:
    fn = v["patch_counts"]
    c.expect_callable(fn, "patch_counts")
    stages = Stages()
    for i, args in enumerate(cases):
        stages.run(f"case{i}", fn, *args, report=_shape_like)
    values = {n: _shape_like(v[n]) for n in ("number_of_patches", "patch_sequence_shape", "embedding_output_shape")}
    return {"cases": stages.parts, "values": values}


def _patches(fn, image, patch_size) -> dict:
    return {"patches": fn(image, patch_size), "image": image}


def image_patches(v: dict, cases: list) -> dict:
    """``image_to_patches`` on each host image; the image is returned too (was it changed in place?)."""
    fn = v["image_to_patches"]
    c.expect_callable(fn, "image_to_patches")
    stages = Stages()
    for i, (image, patch_size) in enumerate(cases):
        stages.run(f"case{i}", _patches, fn, image.to(c.device()), patch_size)
    return stages.parts


def patch_embedding(v: dict, kwargs: dict, inputs: dict) -> dict:
    cls = v["PatchEmbedding"]
    c.expect_module_class(cls, "PatchEmbedding")
    stages = Stages()
    model = stages.run("build", _module, cls, "PatchEmbedding", kwargs, report=_shapes)
    stages.run("outputs", _outputs, model, inputs)
    stages.run("gradients", _gradients, model, inputs["x"])
    return stages.parts


def patch_embedding_errors(v: dict, kwargs: dict, images: list) -> list:
    """For each image (whose size the patch size does not divide): None when the module raised no
    error, else ``[error type, text]``."""
    model = _module(v["PatchEmbedding"], "PatchEmbedding", kwargs)
    model.eval()
    found = []
    for x in images:
        try:
            with torch.no_grad():
                model(x.to(c.device()))
        except NotImplementedError:
            raise
        except Exception as exc:  # the error the exercise asks for: the host reads its text
            found.append([type(exc).__name__, str(exc).strip()[:2000]])
            continue
        found.append(None)
    return found


def _randomized_outputs(model: nn.Module, init_seed: int, inputs: dict) -> dict:
    """Fresh random values in every parameter first (a zero-initialised class token would hide mistakes)."""
    g = torch.Generator().manual_seed(init_seed)
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.randn(p.shape, generator=g).to(p.device))
    return _outputs(model, inputs)


def _grad_counts(model: nn.Module, out_part: torch.Tensor) -> list:
    """For each parameter, how many of its values the gradient of ``out_part.sum()`` reaches."""
    params = [p for p in model.parameters() if p.requires_grad]
    if not params or not out_part.requires_grad:
        return [0] * len(params)
    grads = torch.autograd.grad(out_part.sum(), params, retain_graph=True, allow_unused=True)
    return [0 if g is None else int((g != 0).sum()) for g in grads]


def _token_gradients(model: nn.Module, x: torch.Tensor) -> dict:
    model.eval()   # gradients, but no dropout
    out = model(x.to(c.device()))
    return {"first": _grad_counts(model, out[:, 0]), "rest": _grad_counts(model, out[:, 1:])}


def class_token(v: dict, kwargs: dict, init_seed: int, inputs: dict) -> dict:
    cls = v["ClassAndPositionEmbedding"]
    c.expect_module_class(cls, "ClassAndPositionEmbedding")
    stages = Stages()
    model = stages.run("build", _module, cls, "ClassAndPositionEmbedding", kwargs, report=_shapes)
    stages.run("outputs", _randomized_outputs, model, init_seed, inputs)
    stages.run("gradients", _token_gradients, model, inputs["x"])
    return stages.parts


def _zeroed_output(model: nn.Module, x: torch.Tensor):
    """The output of a copy whose every parameter is zero."""
    zeroed = copy.deepcopy(model).eval()
    with torch.no_grad():
        for p in zeroed.parameters():
            p.zero_()
        return zeroed(x.to(c.device()))


def block(v: dict, name: str, kwargs: dict, inputs: dict, dropout: str | None = None,
          zeroed: bool = False, eval_dropout: bool = False) -> dict:
    """An encoder part (attention, MLP or whole block): outputs, structure, gradients, dropout."""
    cls = v[name]
    c.expect_module_class(cls, name)
    x = inputs["x"]
    stages = Stages()
    model = stages.run("build", _module, cls, name, kwargs, report=_structure)
    stages.run("outputs", _outputs, model, inputs)
    if zeroed:
        stages.run("zeroed", _zeroed_output, model, x)
    stages.run("gradients", _gradients, model, x)
    if dropout:
        quiet = stages.run("quiet", _module, cls, name, kwargs, report=lambda _: None)
        stages.run("quiet_pair", _train_pair, quiet, x)
        dropped = stages.run("dropped", _module, cls, name, {**kwargs, dropout: 0.5}, report=lambda _: None)
        stages.run("dropped_pair", _train_pair, dropped, x)
        if eval_dropout:
            stages.run("dropped_eval", _eval_pair, dropped, x)
    return stages.parts


def _muted_logits(model: nn.Module, x: torch.Tensor):
    """The logits of a copy whose every ``nn.MultiheadAttention`` is zeroed (None without one)."""
    if not any(isinstance(m, nn.MultiheadAttention) for m in model.modules()):
        return None
    muted = copy.deepcopy(model).eval()
    with torch.no_grad():
        for m in muted.modules():
            if isinstance(m, nn.MultiheadAttention):
                for p in m.parameters():
                    p.zero_()
        return muted(x.to(c.device()))


def _trains(model: nn.Module, X: torch.Tensor, y: torch.Tensor, steps: int, lr: float) -> dict:
    """The grader's Adam loop on the host's images: the losses, and the logits before and after."""
    dev = c.device()
    X, y = X.to(dev), y.to(dev)
    before = _outputs(model, {"x": X})["x"]
    with c.compute_threads():
        losses = c.train_with(model, X, y, nn.CrossEntropyLoss(), steps=steps, lr=lr)
    return {"losses": losses, "before": before, "after": _outputs(model, {"x": X})["x"]}


def _dropped_pair(cls, config: dict, arg: str, x: torch.Tensor) -> list:
    return _train_pair(_module(cls, "ViT", {**config, arg: 0.5}), x)


def vit(v: dict, config: dict, x: torch.Tensor, dropout_args: list) -> dict:
    """A small ViT: logits, structure, dropout in training mode, class-token read-out."""
    cls = v["ViT"]
    c.expect_module_class(cls, "ViT")
    stages = Stages()
    model = stages.run("build", _module, cls, "ViT", config,
                       report=lambda m: {"shapes": _shapes(m), "heads": _heads(m)})
    stages.run("outputs", _outputs, model, {"x": x, "again": x})
    stages.run("train_pair", _train_pair, model, x)
    stages.run("muted", _muted_logits, model, x)
    for arg in dropout_args:
        stages.run(f"dropped_{arg}", _dropped_pair, cls, config, arg, x)
    return stages.parts


def vit_trains(v: dict, config: dict, X_train: torch.Tensor, y_train: torch.Tensor, steps: int, lr: float) -> dict:
    """A fresh small ViT through the grader's short training run."""
    stages = Stages()
    model = stages.run("build", _module, v["ViT"], "ViT", config, report=lambda _: None)
    stages.run("trains", _trains, model, X_train, y_train, steps, lr)
    return stages.parts


def _logits(model: nn.Module, x: torch.Tensor):
    return _outputs(model, {"x": x})["x"]


def _prepared(model: nn.Module) -> nn.Module:
    return model.to(c.device()).eval()


def _moved_logits(model: nn.Module, x: torch.Tensor):
    return _logits(_prepared(model), x)


def vit_base(v: dict, kwargs: dict, image: torch.Tensor | None) -> dict:
    """ViT-Base, built on the CPU: its parameter shapes, and (with an image) its logits."""
    cls = v["ViT"]
    c.expect_module_class(cls, "ViT")
    stages = Stages()
    model = stages.run("build", _construct, cls, "ViT", kwargs, report=_shapes)
    if image is not None:
        stages.run("logits", _moved_logits, model, image)
    return stages.parts


def _first_logits(model: nn.Module, x: torch.Tensor) -> dict:
    """The first four images: ``{"out": logits}``, or ``{"raised": text}`` when the model cannot take them."""
    try:
        with torch.no_grad():
            return {"out": model(x.to(c.device()))}
    except NotImplementedError:
        raise
    except Exception as exc:
        return {"raised": f"{type(exc).__name__}: {str(exc)[:120]}"}


def _vit_structure(model: nn.Module) -> dict:
    """What the host rebuilds a ViT from: the attention, layer-norm and linear layers (:func:`_layout`),
    the convolutions with their settings, and the parameters outside all of these (class token,
    position embedding)."""
    convs, covered = [], set()
    for name, m in model.named_modules():
        if isinstance(m, nn.Conv2d):
            convs.append({"name": name, "state": dict(m.state_dict()), "kernel_size": list(m.kernel_size),
                          "stride": list(m.stride), "padding": m.padding if isinstance(m.padding, str)
                          else list(m.padding), "dilation": list(m.dilation), "groups": m.groups,
                          "padding_mode": m.padding_mode})
        if isinstance(m, (nn.Conv2d, nn.MultiheadAttention, nn.LayerNorm, nn.Linear)):
            covered.update(id(p) for p in m.parameters())
    free = {name: p for name, p in model.named_parameters() if id(p) not in covered}
    return {"layout": _layout(model), "convs": convs, "free": free}


def _checked_logits(model: nn.Module, x: torch.Tensor):
    with c.exact_math():
        return _logits(model, x)


def small_vit(v: dict, check: torch.Tensor, X: torch.Tensor | None = None) -> dict:
    """The student's trained ``small_vit``: its structure and weights, and its logits for the host's noise
    images ``check`` (the host runs its own copy); with ``X``, its logits for those images (the host's
    digits, disguised: their labels stay on the host)."""
    ViT, model = v["ViT"], v["small_vit"]
    c.expect_module_class(ViT, "ViT")
    if not isinstance(model, ViT):
        return {"kind": {"ok": {"is_vit": False, "type": type(model).__name__}}}
    stages = Stages()
    stages.run("kind", lambda: {"is_vit": True, "type": type(model).__name__})
    stages.run("shapes", _shapes, model)
    model = stages.run("prepared", _prepared, model, report=lambda _: None)
    stages.run("first", _first_logits, model, check[:4])
    if X is None:
        stages.run("structure", _vit_structure, model)
        stages.run("check", _checked_logits, model, check)
    else:
        stages.run("logits", _logits, model, X)
    return stages.parts
