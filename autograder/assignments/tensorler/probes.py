"""Kernel side of 00's checks: the student's values as plain data, and the few facts only the
kernel can see (which memory a view reads, which devices exist)."""

from __future__ import annotations

import numpy as np
import torch

from autograder import checks as c

NDARRAY = "__ndarray__"


def _plain(value):
    """A NumPy array travels as its data (a tensor, None where torch cannot hold the dtype) and
    its dtype; anything else as it is (to_plain turns what is not plain data into its type's name)."""
    if isinstance(value, np.ndarray):
        try:
            data = torch.from_numpy(np.ascontiguousarray(value))
        except (TypeError, ValueError, RuntimeError):
            data = None
        return {NDARRAY: data, "dtype": str(value.dtype)[:40]}
    return value


def values(v: dict) -> dict:
    """Every name's value, and the name of its type (for the messages)."""
    return {"values": {name: _plain(value) for name, value in v.items()},
            "types": {name: type(value).__name__[:80] for name, value in v.items()}}


def view_after_write(v: dict, fill) -> object:
    """Write the host's numbers into ``base``, read ``x_view``, then put ``base`` back: a view
    shows the new numbers, a copy keeps the old ones."""
    base, view = v["base"], v["x_view"]
    before = base.detach().clone()
    try:
        with torch.inference_mode():
            base.copy_(fill.to(base.device, base.dtype))
        return view.detach().clone()
    finally:
        with torch.inference_mode():
            base.copy_(before)


def devices(v: dict) -> dict:
    """Which device ``device`` names, where ``tensor_on_device`` lives, and what this machine has."""
    device, tensor = v["device"], v["tensor_on_device"]
    try:
        chosen = torch.device(device).type
    except (TypeError, RuntimeError):
        chosen = repr(device)[:200]
    return {"cuda": torch.cuda.is_available(), "grader": c.device().type, "chosen": chosen,
            "repr": repr(device)[:200], "tensor": str(tensor.device) if isinstance(tensor, torch.Tensor) else None}
