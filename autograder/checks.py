"""Check primitives shared by every assignment, for both halves of a check.

A public ``check_*`` function of an assignment is a *judgement* wrapped with :func:`check`:
it talks to an :class:`~autograder.oracle.Oracle` (``k.ask("probe", **inputs)``), never to
the student's objects. On the grading host the oracle is the sandboxed kernel
(``session.py``); in the student's own notebook (``check_data(X_train, ...)``) it is a
:class:`~autograder.oracle.LocalOracle` over the given values. The wrapper seeds everything,
silences warnings, keeps stderr empty (nbgrader scores a test cell with stderr output as 0)
and returns None (nbgrader reads a bare number left as a cell's value as partial credit).

Helpers that call student code (:func:`call`, :func:`construct`, :func:`forward`,
:func:`train_with`) are for the probes, which run in the kernel; the ``expect*`` helpers
judge plain values on the host.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import inspect
import os
import sys
import warnings
from collections.abc import Callable, Iterator

import torch
from torch import nn

from autograder import secret
from autograder.device import get_device
from autograder.errors import CheckFailure
from autograder.i18n import render
from autograder.messages import MESSAGES
from autograder.oracle import LocalOracle, Oracle, is_type_tag, type_name
from autograder.seeding import seed_everything

# Substrings of torch's error texts and the hint that explains them.
_ERROR_HINTS = [
    ("Expected all tensors to be on the same device", "hint_device"),
    ("Torch not compiled with CUDA", "hint_device"),
    ("No CUDA GPUs are available", "hint_device"),
    ("Found no NVIDIA driver", "hint_device"),
    ("is not on the expected device", "hint_device"),
    ("must have the same dtype", "hint_dtype"),
    ("expected scalar type Float but found Double", "hint_dtype"),
    ("expected scalar type Double but found Float", "hint_dtype"),
    ("expected m1 and m2 to have the same dtype", "hint_dtype"),
    ("Input type (double) and bias type (float)", "hint_dtype"),
    ("Input type (torch.DoubleTensor)", "hint_dtype"),
    ("must be the same as input size", "hint_target_shape"),
    ("mat1 and mat2 shapes cannot be multiplied", "hint_matmul_shape"),
    ("expected scalar type Long but found Float", "hint_long_target"),
    ("\"nll_loss_forward_reduce_cuda_kernel_2d_index\" not implemented for 'Float'", "hint_long_target"),
    ("not implemented for 'Float'", "hint_long_target"),
]

_current_cell: list[str] = []


@contextlib.contextmanager
def current_cell(cell: str) -> Iterator[None]:
    """The solution cell whose check is running (named in "not filled" messages)."""
    _current_cell.append(cell)
    try:
        yield
    finally:
        _current_cell.pop()


def register_error_hint(needle: str, key: str) -> None:
    """Assignment modules add their own (error text -> hint key) diagnoses."""
    if (needle, key) not in _ERROR_HINTS:
        _ERROR_HINTS.insert(0, (needle, key))


def hint_for(exc: BaseException) -> str | None:
    text = str(exc)
    for needle, key in _ERROR_HINTS:
        if needle in text:
            return key
    return None


def explain(exc: BaseException) -> CheckFailure:
    """Turn an exception raised by the student's code into a check failure with a hint."""
    if isinstance(exc, CheckFailure):
        return exc
    return explain_error(type(exc).__name__, str(exc), _current_cell[-1] if _current_cell else "?")


def explain_error(ename: str, message: str, cell: str) -> CheckFailure:
    """The failure for an error of the student's code, known by its type's name and text (the
    host only ever sees these two strings)."""
    if ename == "NotImplementedError":
        return CheckFailure("not_filled", cell=cell)
    first_line = (message.strip().splitlines() or [""])[0][:300]
    return CheckFailure("student_error", error=f"{ename}: {first_line}", hint=hint_for(Exception(message)))


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """No warnings, and anything written to stderr goes to stdout instead."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with contextlib.redirect_stderr(sys.stdout):
            yield


@contextlib.contextmanager
def compute_threads() -> Iterator[None]:
    """The grader's thread policy during a check: ``AUTOGRADER_THREADS`` (default 1), restored after.

    Also where someone else started the kernel (``nbgrader autograde``, JupyterLab). Measured here
    under load: 3 TinyVGG epochs took 5 s with one thread and 43 s with two threads fighting over
    two cores; a tiny ViT 1.4 s against 21 s."""
    before = torch.get_num_threads()
    try:
        wanted = max(1, int(os.environ.get("AUTOGRADER_THREADS", "1")))
    except ValueError:
        wanted = 1
    torch.set_num_threads(wanted)
    try:
        yield
    finally:
        torch.set_num_threads(before)


class Seeds:
    """``SEEDS[hidden]``: the visible seed is the package's; the hidden one comes from the
    instructor's secret (:mod:`autograder.secret`) when there is one, else the package default."""

    def __init__(self, visible: int, hidden: int, salt: str = ""):
        self.visible, self.hidden, self.salt = visible, hidden, salt

    def __getitem__(self, hidden: bool) -> int:
        if not hidden:
            return self.visible
        return self._derive(f"{self.salt}|{self.hidden}", self.hidden)

    def kernel(self, hidden: bool, label: str) -> int:
        """A seed that may be sent to the kernel (its RNG, its shuffles): independent of
        ``self[hidden]``, so the kernel learns nothing about the hidden data from it."""
        fallback = int.from_bytes(hashlib.sha256(f"{self.salt}|{label}|{hidden}".encode()).digest()[:4], "big")
        if not hidden:
            return fallback % 2**31
        return self._derive(f"{self.salt}|kernel|{label}", fallback % 2**31)

    @staticmethod
    def _derive(message: str, default: int) -> int:
        key = secret.current()
        if key is None:
            return default
        digest = hmac.new(key, message.encode(), hashlib.sha256).digest()
        return int.from_bytes(digest[:4], "big") % 2**31


def seeds(visible: int, hidden: int) -> Seeds:
    """An assignment's seeds; the salt is the calling module, so two assignments' hidden seeds differ."""
    return Seeds(visible, hidden, sys._getframe(1).f_globals.get("__name__", ""))


def check(cell: str, seed: int = 0) -> Callable:
    """Decorator for a judgement ``fn(k, hidden=False)``.

    The result is the public ``check_<cell>(*values, hidden=False)`` for notebooks (a local
    oracle over the values, in the spec's name order); the host calls ``.judge(oracle, hidden)``.
    """

    def decorate(fn: Callable) -> Callable:
        package = fn.__module__.split(".")[-2] if fn.__module__.count(".") >= 3 else fn.__module__

        def spec():
            return sys.modules[fn.__module__].ASSIGNMENT.test(f"test_{cell}")

        def judge(k: Oracle, hidden: bool = False) -> None:
            with current_cell(spec().solution_cell), quiet(), compute_threads():
                seed_everything(seed)
                try:
                    fn(k, hidden=hidden)
                except CheckFailure:
                    raise
                except (Exception, SystemExit, KeyboardInterrupt) as exc:  # local student code failed
                    raise explain(exc) from None

        @functools.wraps(fn)
        def wrapper(*values, hidden: bool = False) -> None:
            test = spec()
            judge(LocalOracle(package, test.solution_cell, dict(zip(test.names, values))), hidden)
            # A visible pass (stdout only: nbgrader zeroes a test cell with stderr output).
            print(render(MESSAGES["check_passed_hidden" if hidden else "check_passed"], cell=cell,
                         points=test.points))
            return None

        wrapper.cell = cell
        wrapper.judge = judge
        return wrapper

    return decorate


def call(fn: Callable, *args, **kwargs):
    """Probe side: call student code; any error (even SystemExit or KeyboardInterrupt raised by
    the student's code) becomes a CheckFailure with a hint."""
    try:
        return fn(*args, **kwargs)
    except CheckFailure:
        raise
    except (Exception, SystemExit, KeyboardInterrupt) as exc:
        raise explain(exc) from None


def answer_dict(answer, keys: tuple[str, ...], name: str) -> dict:
    """Host side: a probe's answer as a dict that has these keys, else ``bad_answer`` (a forged or
    broken answer must not reach the judgement as a KeyError)."""
    expect(type(answer) is dict and all(k in answer for k in keys), "bad_answer", error=name)
    return answer


# --- values -----------------------------------------------------------------------------------------

def expect(condition: bool, key: str, **params) -> None:
    if not condition:
        raise CheckFailure(key, **params)


def expect_callable(obj, name: str) -> None:
    expect(callable(obj), "not_callable", name=name)


def expect_tensor(x, name: str, shape: tuple | None = None, dtype: torch.dtype | None = None) -> torch.Tensor:
    """Type, then shape, then dtype, each with its own message."""
    expect(isinstance(x, torch.Tensor), "not_tensor", name=name, got=type_name(x))
    if shape is not None and tuple(x.shape) != tuple(shape):
        got, want = tuple(x.shape), tuple(shape)
        key = "wrong_shape_squeezed" if want[-1:] == (1,) and got == want[:-1] else "wrong_shape"
        raise CheckFailure(key, name=name, expected=list(want), got=list(got))
    if dtype is not None and x.dtype != dtype:
        if x.dtype == torch.float64 and dtype == torch.float32:
            raise CheckFailure("wrong_dtype_float64", name=name)
        raise CheckFailure("wrong_dtype", name=name, expected=str(dtype), got=str(x.dtype))
    return x


def expect_finite(x: torch.Tensor, name: str) -> None:
    expect(bool(torch.isfinite(x).all()), "not_finite", name=name)


def expect_module_class(cls, name: str) -> None:
    expect(inspect.isclass(cls) and issubclass(cls, nn.Module), "not_module_class", name=name)


def construct(cls, name: str, *args, **kwargs) -> nn.Module:
    """Probe side: build the student's module; a failure names the class and the error."""
    try:
        return cls(*args, **kwargs)
    except NotImplementedError as exc:
        raise explain(exc) from None
    except (Exception, SystemExit, KeyboardInterrupt) as exc:
        hint = hint_for(exc)
        raise CheckFailure("construct_failed", name=name, error=f"{type(exc).__name__}: {exc}"[:300],
                           hint=hint) from None


# --- models -------------------------------------------------------------------------------------------

def device() -> torch.device:
    return get_device()


def forward(model: nn.Module, X: torch.Tensor) -> torch.Tensor:
    return call(model, X)


def looks_like_probabilities(out: torch.Tensor) -> bool:
    return bool(out.min() >= 0) and bool(out.max() <= 1)








def train_with(model: nn.Module, X: torch.Tensor, y: torch.Tensor, loss_fn: nn.Module, *, steps: int,
               lr: float = 0.01, batch_size: int | None = None, prepare=lambda out: out) -> list[float]:
    """The grader's own training loop (Adam): the student's model, the grader's data."""
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    losses = []
    n = len(X)
    generator = torch.Generator().manual_seed(0)
    model.train()
    for _ in range(steps):
        if batch_size:
            idx = torch.randint(0, n, (batch_size,), generator=generator).to(X.device)
            xb, yb = X[idx], y[idx]
        else:
            xb, yb = X, y
        out = prepare(forward(model, xb))
        loss = call(loss_fn, out, yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(float(loss.detach()))
    return losses


def outputs(model: nn.Module, inputs: dict) -> dict:
    """Probe side: the model's outputs on each named input (eval mode, no gradients, on the
    grader's device)."""
    dev = device()
    model.eval()
    with torch.inference_mode():
        return {name: forward(model, x.to(dev)) for name, x in inputs.items()}


def train_reference(fn, name: str, model: nn.Module, state: dict, *data: torch.Tensor) -> dict:
    """Probe side: the student's training function ``fn`` on the grader's reference ``model`` (loaded
    with the host's ``state``) and the host's data; its history, the state afterwards and its default
    ``epochs`` (the host checks all three against its own measurements)."""
    expect_callable(fn, name)
    dev = device()
    model.load_state_dict(state)
    model.to(dev)
    history = call(fn, model, *(x.to(dev) for x in data))
    epochs = default_args(fn).get("epochs")
    return {"history": history, "state": model.state_dict(), "epochs": epochs if type(epochs) is int else None}


def affine_inputs(X: torch.Tensor) -> dict:
    """Host side: the inputs for :func:`is_affine_outputs` (``x`` is ``X`` itself)."""
    a, b = X, X.flip(0) * 3.0
    return {"x": X, "a": a, "b": b, "mid": (a + b) / 2}


def is_affine_outputs(out: dict, tol: float = 1e-4) -> bool:
    """Host side: f((a+b)/2) == (f(a)+f(b))/2 everywhere: no non-linearity between the layers."""
    fa, fb, fmid = out["a"], out["b"], out["mid"]
    if not all(type(t) is torch.Tensor and t.shape == fa.shape and t.is_floating_point() for t in (fa, fb, fmid)):
        return False
    avg = (fa + fb) / 2
    scale = avg.abs().max().clamp_min(1.0)
    return bool(((fmid - avg).abs().max() / scale) < tol)


def binary_accuracy_of(logits, y: torch.Tensor) -> float:
    """Host side: percent of correct predictions from returned logits (sigmoid rounded at 0.5)."""
    if type(logits) is not torch.Tensor or logits.numel() != y.numel() or not logits.is_floating_point():
        return 0.0
    pred = (torch.sigmoid(logits.reshape(-1).float()) > 0.5).to(y.dtype)
    return 100.0 * float((pred == y.reshape(-1)).float().mean())


def multiclass_accuracy_of(logits, y: torch.Tensor) -> float:
    """Host side: percent of correct argmax predictions from returned logits ``[N, classes]``."""
    if type(logits) is not torch.Tensor or logits.dim() != 2 or logits.shape[0] != y.numel():
        return 0.0
    return 100.0 * float((logits.argmax(dim=1) == y.reshape(-1)).float().mean())


def numbers_list(values, name: str) -> list[float]:
    """Host side: a returned list of numbers (e.g. losses), or a failure."""
    ok = type(values) in (list, tuple) and values and all(type(v) in (int, float) for v in values)
    expect(bool(ok), "bad_answer", error=name)
    return [float(v) for v in values]


def load_state(model: nn.Module, state, name: str) -> None:
    """Host side: load a returned state_dict into the host's own copy of a module, accepting only
    the same keys, shapes and dtypes."""
    own = model.state_dict()
    ok = type(state) is dict and set(state) == set(own) and all(
        type(state[k]) is torch.Tensor and state[k].shape == own[k].shape and state[k].dtype == own[k].dtype
        for k in own)
    expect(ok, "state_mismatch", name=name)
    model.load_state_dict(state)


def expect_loss_decrease(losses: list[float], fraction: float) -> None:
    """Pass when the last loss is at most ``fraction`` of the first and all are finite."""
    t = torch.tensor(losses)
    expect(bool(torch.isfinite(t).all()), "not_finite", name="loss")
    expect(losses[-1] <= fraction * losses[0], "loss_not_falling",
           first=losses[0], last=losses[-1], percent=100 * fraction)






def expect_accuracy(acc: float, threshold: float, *, fraction: bool = False) -> None:
    """``acc`` and ``threshold`` in percent; ``fraction`` words the failure in the 0–1 unit of the
    notebooks from 04 on (the course's ``engine.py``), 02–03 speak percent like their ``accuracy_fn``."""
    if fraction:
        expect(acc >= threshold, "accuracy_too_low_fraction", acc=acc / 100, threshold=threshold / 100)
    else:
        expect(acc >= threshold, "accuracy_too_low", acc=acc, threshold=threshold)


def number(value) -> float | None:
    """Host side: a returned number as a float: a Python ``int``/``float`` (exactly those types) or a
    one-element real tensor; None for anything else."""
    if type(value) is torch.Tensor:
        return float(value.detach().reshape(-1)[0]) if value.numel() == 1 and not value.is_complex() else None
    if type(value) in (int, float):
        return float(value)
    return None


def history_lists(history, keys, epochs: int, bad: Callable[[str], CheckFailure]) -> dict[str, list[float]]:
    """Host side: a training loop's returned history (a dict) as ``{key: [float per epoch]}`` for ``keys``. Anything
    else raises ``bad(problem)``, the assignment's own failure, where ``problem`` says what is wrong: the
    history's type, ``'key'`` (missing or not a list), ``len('key') = n`` or ``key = [type names]``."""
    if type(history) is not dict:
        raise bad(type_name(history))
    lists = {}
    for key in keys:
        values = history.get(key)
        if type(values) not in (list, tuple):
            raise bad(f"'{key}'")
        if len(values) != epochs:
            raise bad(f"len('{key}') = {len(values)}")
        numbers_ = [number(v) for v in values]
        if None in numbers_:
            raise bad(f"{key} = {str([type_name(v) for v in values])[:60]}")
        lists[key] = numbers_
    return lists


def expect_history(history, name: str, keys: tuple[str, ...], epochs) -> None:
    """A training function's returned history: a dict of per-epoch lists of numbers (format only:
    the values are never trusted for points)."""
    def bad(problem):
        return CheckFailure("history_bad", name=name, keys=", ".join(keys),
                            epochs=epochs if isinstance(epochs, int) else "`epochs`", problem=problem)

    if not isinstance(history, dict) or is_type_tag(history):
        raise bad(type_name(history))
    for key in keys:
        values = history.get(key)
        if not isinstance(values, (list, tuple)) or not values:
            raise bad(f"'{key}'")
        if isinstance(epochs, int) and len(values) != epochs:
            raise bad(f"len('{key}') = {len(values)}")
        try:
            [float(v) for v in values]
        except (TypeError, ValueError, RuntimeError):
            raise CheckFailure("history_not_numbers", name=name, field=key) from None


def default_args(fn: Callable) -> dict:
    """The defaults of a student function's keyword parameters (e.g. ``epochs``, ``lr``)."""
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return {}
    return {k: p.default for k, p in sig.parameters.items() if p.default is not inspect.Parameter.empty}


# --- shared by several assignments' probes and judgements ------------------------------------------------

@contextlib.contextmanager
def exact_math() -> Iterator[None]:
    """Probe side: full float32 precision on a GPU while the student's code runs (no TF32), since
    the host repeats the computation on its CPU and compares."""
    try:
        saved = torch.backends.cuda.matmul.allow_tf32, torch.backends.cudnn.allow_tf32
        torch.backends.cuda.matmul.allow_tf32 = torch.backends.cudnn.allow_tf32 = False
    except (RuntimeError, AttributeError):  # e.g. the kernel set TF32 through torch's newer API: leave it
        saved = None
    try:
        yield
    finally:
        if saved is not None:
            torch.backends.cuda.matmul.allow_tf32, torch.backends.cudnn.allow_tf32 = saved


@contextlib.contextmanager
def student_output_hidden() -> Iterator[None]:
    """Probe side: while the student's function runs, its prints and plots are not shown, and the
    figures it opens are closed afterwards."""
    import io

    import matplotlib.pyplot as plt

    before = set(plt.get_fignums())
    show = plt.show
    plt.show = lambda *args, **kwargs: None
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            yield
    finally:
        plt.show = show
        for num in set(plt.get_fignums()) - before:
            plt.close(num)


class ModeRecorder(nn.Module):
    """Probe side: wraps a model; remembers, for every forward call, (training mode?, gradients enabled?)."""

    def __init__(self, inner: nn.Module):
        super().__init__()
        self.inner = inner
        self.calls: list[tuple[bool, bool]] = []

    def forward(self, x):
        self.calls.append((self.training, torch.is_grad_enabled()))
        return self.inner(x)


def with_hints(pairs) -> Callable:
    """Host side, under ``@c.check``: a failure caused by an error whose text contains one of the
    needles gets that needle's hint (an assignment's own diagnoses) instead of the generic one."""

    def decorate(fn: Callable) -> Callable:
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            try:
                return fn(*args, **kwargs)
            except CheckFailure as exc:
                error = str(exc.params.get("error", ""))
                for needle, key in pairs:
                    if needle in error:
                        raise CheckFailure(exc.key, hint=key, **exc.params) from None
                raise

        return wrapper

    return decorate
