"""Check primitives shared by every assignment.

Each public ``check_*`` function of an assignment is wrapped with :func:`check`, which
seeds everything, silences warnings, keeps stderr empty (nbgrader scores a test cell with
stderr output as 0) and turns any error from the student's code into a :class:`CheckFailure`
whose message names the likely mistake. Accuracy and loss are always measured here, on the
student's model, never read from what the student's code returns.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
import os
import sys
import warnings
from collections.abc import Callable, Iterator

import torch
from torch import nn

from autograder import guard
from autograder.device import get_device
from autograder.errors import CheckFailure
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
    cell = _current_cell[-1] if _current_cell else "?"
    if isinstance(exc, NotImplementedError):
        return CheckFailure("not_filled", cell=cell)
    first_line = (str(exc).strip().splitlines() or [""])[0][:300]
    return CheckFailure("student_error", error=f"{type(exc).__name__}: {first_line}", hint=hint_for(exc))


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


def check(cell: str, seed: int = 0) -> Callable:
    """Decorator for a public check: seeded, quiet, one compute thread, student errors explained,
    returns None.

    Returning None matters: nbgrader reads a bare number left as a test cell's last
    expression as partial credit.
    """

    def decorate(fn: Callable) -> Callable:
        @functools.wraps(fn)
        def wrapper(*args, **kwargs) -> None:
            _current_cell.append(cell)
            try:
                with quiet(), compute_threads():
                    seed_everything(seed)
                    try:
                        fn(*args, **kwargs)
                    except CheckFailure:
                        raise
                    except (Exception, SystemExit, KeyboardInterrupt) as exc:  # student code failed in the check
                        raise explain(exc) from None
            finally:
                _current_cell.pop()
            return None

        wrapper.cell = cell
        return wrapper

    return decorate


def checkpoint() -> None:
    """After every call into student code: did it replace anything the checks rely on?"""
    found = guard.problems(full=False)
    if found:
        raise CheckFailure("tampering", what=", ".join(found))


def call(fn: Callable, *args, **kwargs):
    """Call student code; any error (even SystemExit or KeyboardInterrupt raised by the
    student's code) becomes a CheckFailure with a hint."""
    try:
        result = fn(*args, **kwargs)
    except CheckFailure:
        raise
    except (Exception, SystemExit, KeyboardInterrupt) as exc:
        raise explain(exc) from None
    finally:
        checkpoint()
    return result


# --- values -----------------------------------------------------------------------------------------

def expect(condition: bool, key: str, **params) -> None:
    if not condition:
        raise CheckFailure(key, **params)


def expect_callable(obj, name: str) -> None:
    expect(callable(obj), "not_callable", name=name)


def expect_tensor(x, name: str, shape: tuple | None = None, dtype: torch.dtype | None = None) -> torch.Tensor:
    """Type, then shape, then dtype, each with its own message."""
    expect(isinstance(x, torch.Tensor), "not_tensor", name=name, got=type(x).__name__)
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
    try:
        return cls(*args, **kwargs)
    except NotImplementedError as exc:
        raise explain(exc) from None
    except (Exception, SystemExit, KeyboardInterrupt) as exc:
        hint = hint_for(exc)
        raise CheckFailure("construct_failed", name=name, error=f"{type(exc).__name__}: {exc}", hint=hint) from None
    finally:
        checkpoint()


# --- models -------------------------------------------------------------------------------------------

def device() -> torch.device:
    return get_device()


def forward(model: nn.Module, X: torch.Tensor) -> torch.Tensor:
    return call(model, X)


def looks_like_probabilities(out: torch.Tensor) -> bool:
    return bool(out.min() >= 0) and bool(out.max() <= 1)


def snapshot(model: nn.Module) -> list[torch.Tensor]:
    return [p.detach().clone() for p in model.parameters()]


def changed(before: list[torch.Tensor], model: nn.Module) -> bool:
    return any(not torch.equal(a, p.detach()) for a, p in zip(before, model.parameters()))


def is_affine(model: nn.Module, X: torch.Tensor, tol: float = 1e-4) -> bool:
    """True when f((a+b)/2) == (f(a)+f(b))/2 everywhere: no non-linearity between the layers."""
    model.eval()
    with torch.inference_mode():
        a, b = X, X.flip(0) * 3.0
        mid = forward(model, (a + b) / 2)
        avg = (forward(model, a) + forward(model, b)) / 2
        scale = avg.abs().max().clamp_min(1.0)
        return bool(((mid - avg).abs().max() / scale) < tol)


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


def expect_loss_decrease(losses: list[float], fraction: float) -> None:
    """Pass when the last loss is at most ``fraction`` of the first and all are finite."""
    t = torch.tensor(losses)
    expect(bool(torch.isfinite(t).all()), "not_finite", name="loss")
    expect(losses[-1] <= fraction * losses[0], "loss_not_falling",
           first=losses[0], last=losses[-1], percent=100 * fraction)


def binary_accuracy(model: nn.Module, X: torch.Tensor, y: torch.Tensor) -> float:
    """Percent of correct predictions, rounding sigmoid(logits) at 0.5."""
    model.eval()
    with torch.inference_mode():
        logits = forward(model, X).reshape(-1)
        pred = (torch.sigmoid(logits) > 0.5).to(y.dtype)
    return 100.0 * float((pred == y.reshape(-1)).float().mean())


def multiclass_accuracy(model: nn.Module, X: torch.Tensor, y: torch.Tensor) -> float:
    model.eval()
    with torch.inference_mode():
        pred = forward(model, X).argmax(dim=1)
    return 100.0 * float((pred == y.reshape(-1)).float().mean())


def expect_accuracy(acc: float, threshold: float) -> None:
    expect(acc >= threshold, "accuracy_too_low", acc=acc, threshold=threshold)


def expect_history(history, name: str, keys: tuple[str, ...], epochs) -> None:
    """A training function's returned history: a dict of per-epoch lists of numbers (format only:
    the values are never trusted for points)."""
    def bad(problem):
        return CheckFailure("history_bad", name=name, keys=", ".join(keys),
                            epochs=epochs if isinstance(epochs, int) else "epochs", problem=problem)

    if not isinstance(history, dict):
        raise bad(type(history).__name__)
    for key in keys:
        values = history.get(key)
        if not isinstance(values, (list, tuple)) or not values:
            raise bad(f"'{key}'")
        if isinstance(epochs, int) and len(values) != epochs:
            raise bad(f"len('{key}') = {len(values)}")
        try:
            [float(v) for v in values]
        except (TypeError, ValueError, RuntimeError):
            raise bad(f"'{key}' sayı değil / not numbers") from None


def default_args(fn: Callable) -> dict:
    """The defaults of a student function's keyword parameters (e.g. ``epochs``, ``lr``)."""
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return {}
    return {k: p.default for k, p in sig.parameters.items() if p.default is not inspect.Parameter.empty}
