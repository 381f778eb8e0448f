"""The student's kernel answers, the host judges.

A check is split in two halves:

- a **probe** (``assignments/<pkg>/probes.py``, runs in the student's kernel): it calls the
  student's functions and classes on inputs the host chose and returns *plain data* — tensors,
  numbers, strings, ``None`` and lists/tuples/dicts of them;
- a **judgement** (``assignments/<pkg>/checks.py``, runs on the grading host): it builds the
  inputs, keeps every secret (labels, expected values, hidden seeds, reference models), asks
  the oracle and decides.

The host reaches the kernel through a :class:`RemoteOracle` (``session.py``): inputs and answers
travel as files written with ``torch.save`` and read with ``torch.load(weights_only=True)``,
then :func:`validate` accepts exact types only (``type(x) is torch.Tensor``, never a subclass).
In a student's own JupyterLab the same judgement runs on a :class:`LocalOracle` in the same
process (self-checking: the student only deceives themselves there), through the same
encoding, so both paths see the same values.
"""

from __future__ import annotations

import collections
import importlib
import io
import secrets
from collections.abc import Callable

from autograder.errors import CheckFailure

MAX_ANSWER_BYTES = 512 * 2**20   # an answer file larger than this is refused unread
MAX_DEPTH = 32
MAX_NODES = 1_000_000            # values in one answer (a pickle can repeat one list endlessly)
MAX_ELEMENTS = 2**27             # tensor elements in one answer (512 MiB of float32)
_SCALARS = (int, float, bool, str, type(None))


class Opaque(dict):
    """Kernel side: stands for a value that is not plain data; only its type's name travels."""


def type_tag(value) -> dict:
    return {"__type__": type(value).__name__}


def is_type_tag(value) -> bool:
    return type(value) is dict and set(value) == {"__type__"}


def type_name(value) -> str:
    """The type's name of a judged value (``{"__type__": ...}`` for what was not plain)."""
    if is_type_tag(value):
        return str(value["__type__"])
    return type(value).__name__


def to_plain(value, depth: int = 0):
    """Kernel side: the plain-data form of a probe's result. Tensors are detached, moved to the CPU
    and copied; anything else that is not plain travels as ``{"__type__": name}``."""
    import numbers

    import torch

    if depth > MAX_DEPTH:
        raise ValueError("too deep")
    if isinstance(value, torch.Tensor):
        tensor = value.detach().cpu().contiguous().clone()
        return tensor if type(tensor) is torch.Tensor else tensor.as_subclass(torch.Tensor)
    if type(value) in _SCALARS:
        return value
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, numbers.Integral) and type(value).__module__ == "numpy":
        return int(value)
    if isinstance(value, numbers.Real) and type(value).__module__ == "numpy":
        return float(value)
    if type(value) in (list, tuple):
        return type(value)(to_plain(v, depth + 1) for v in value)
    if type(value) in (dict, collections.OrderedDict):
        return {k: to_plain(v, depth + 1) for k, v in value.items() if type(k) in (str, int)}
    return type_tag(value)


def validate(value) -> None:
    """Host side: raise ValueError unless ``value`` is plain data of exact types: a tree (no value
    reached twice), at most ``MAX_NODES`` values and ``MAX_ELEMENTS`` tensor elements, each tensor
    dense, contiguous and backed by storage of its full size (no expanded, strided or sparse tricks)."""
    import torch

    seen: set[int] = set()
    elements = 0
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ValueError("too deep")
        kind = type(item)
        if kind in _SCALARS:
            continue
        if id(item) in seen:
            raise ValueError("a value used twice")
        seen.add(id(item))
        if len(seen) > MAX_NODES:
            raise ValueError("too many values")
        if kind is torch.Tensor:
            if item.layout != torch.strided or item.is_quantized or not item.is_contiguous() or item.requires_grad:
                raise ValueError("not a plain dense tensor")
            if item.untyped_storage().nbytes() < item.storage_offset() * item.element_size() + item.nbytes:
                raise ValueError("tensor larger than its storage")
            elements += item.numel()
            if elements > MAX_ELEMENTS:
                raise ValueError("too many tensor elements")
        elif kind in (list, tuple):
            stack.extend((x, depth + 1) for x in item)
        elif kind in (dict, collections.OrderedDict):
            for key, x in item.items():
                if type(key) not in (str, int):
                    raise ValueError(f"key of type {type(key).__name__}")
                stack.append((x, depth + 1))
        else:
            raise ValueError(f"type {kind.__name__}")


def encode(value) -> bytes:
    import torch

    buffer = io.BytesIO()
    torch.save(value, buffer)
    return buffer.getvalue()


def decode(data: bytes):
    """Host side: the weights-only load of an answer (``Oracle.ask`` then validates what is in it)."""
    import torch

    return torch.load(io.BytesIO(data), weights_only=True, map_location="cpu")


# --- kernel side ------------------------------------------------------------------------------------------

def probe_function(package: str, probe: str) -> Callable:
    return getattr(importlib.import_module(f"autograder.assignments.{package}.probes"), probe)


def run_probe(fn: Callable, values: dict, inputs: dict, seed: int, cell: str = "?") -> dict:
    """Call a probe and wrap what happened: ``{"ok": plain}`` or ``{"error": {...}}``."""
    import contextlib
    import sys
    import warnings

    from autograder.checks import current_cell
    from autograder.seeding import seed_everything

    try:
        with warnings.catch_warnings(), contextlib.redirect_stderr(sys.stdout), current_cell(cell):
            warnings.simplefilter("ignore")
            seed_everything(seed)
            return {"ok": to_plain(fn(values, **inputs))}
    except CheckFailure as exc:  # a probe's own keyed failure (e.g. construct_failed)
        return {"error": {"key": exc.key, "params": to_plain(exc.params), "hint": exc.hint}}
    except (Exception, SystemExit, KeyboardInterrupt) as exc:
        text = str(exc).strip()
        return {"error": {"type": type(exc).__name__, "message": text[:2000]}}
    finally:  # what the random generators were seeded with stays unknown to later cells
        seed_everything(secrets.randbits(31))


def answer(package: str, probe: str, names: list[str], query_path: str, answer_path: str) -> None:
    """Entry point the host sends into the kernel: read the query, call the probe on the
    student's names, write the answer file."""
    import torch

    import __main__

    inputs = torch.load(query_path, weights_only=True)
    namespace = vars(__main__)
    missing = [n for n in names if n not in namespace]
    if missing:
        result = {"error": {"missing": missing[0]}}
    else:
        result = run_probe(probe_function(package, probe), {n: namespace[n] for n in names},
                           inputs["inputs"], inputs["seed"], str(inputs.get("cell", "?")))
    torch.save(result, answer_path)


# --- host side --------------------------------------------------------------------------------------------

def failure_from(error, cell: str) -> CheckFailure:
    """Turn a probe's error report into the check failure that explains it (host side)."""
    from autograder.checks import explain_error
    from autograder.messages import MESSAGES

    if type(error) is not dict:
        return CheckFailure("bad_answer", error="error")
    if "missing" in error:
        return CheckFailure("name_missing", name=str(error["missing"]), cell=cell)
    key = error.get("key")
    if key is not None:
        params = error.get("params")
        hint = error.get("hint")
        if type(key) is str and key in MESSAGES and type(params) is dict and (hint is None or hint in MESSAGES):
            failure = CheckFailure(key, hint=hint, **{str(k): v for k, v in params.items()})
            try:
                failure.message("tr")
                return failure
            except (KeyError, ValueError, IndexError, TypeError):
                pass
        return CheckFailure("bad_answer", error=str(key)[:80])
    return explain_error(str(error.get("type", "Error"))[:80], str(error.get("message", ""))[:2000], cell)


class Oracle:
    """What a judgement talks to. ``ask(probe, **inputs)`` returns the probe's plain answer or
    raises the CheckFailure that explains the student's error."""

    package: str
    names: tuple[str, ...]
    cell: str = "?"

    def ask(self, probe: str, *, seed: int = 0, **inputs):
        answer = self._answer(probe, {"inputs": inputs, "seed": seed, "cell": self.cell})
        try:  # the one place every answer passes, whatever the transport: only plain data goes on
            validate(answer)
        except ValueError as exc:
            raise CheckFailure("bad_answer", error=str(exc)[:80]) from None
        if type(answer) is not dict or len(answer) != 1:
            raise CheckFailure("bad_answer", error="format")
        if "error" in answer:
            raise failure_from(answer["error"], self.cell)
        if "ok" not in answer:
            raise CheckFailure("bad_answer", error="format")
        return answer["ok"]

    def _answer(self, probe: str, query: dict):
        raise NotImplementedError


class LocalOracle(Oracle):
    """Self-checking in the student's own kernel: the probe runs here, on the given values,
    through the same encoding as the remote path."""

    def __init__(self, package: str, cell: str, values: dict):
        self.package, self.cell, self.values = package, cell, values

    def _answer(self, probe: str, query: dict):
        import torch

        query = torch.load(io.BytesIO(encode(query)), weights_only=True)  # the probe gets copies, as in the kernel
        result = run_probe(probe_function(self.package, probe), self.values, query["inputs"], query["seed"],
                           query["cell"])
        try:
            return decode(encode(result))
        except Exception:
            raise CheckFailure("bad_answer", error="encoding") from None
