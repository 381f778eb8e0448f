"""TensorBoard event files between the kernel and the host (no student code here).

Kernel side, :func:`collect`: the event files under a folder (``runs/``, or a probe's own log folder) as
plain data, ``[[relative path, bytes as a uint8 tensor], ...]``, within the size limits below (the writer's
scalars take a few hundred bytes a run; anything far larger is refused, not sent).

Host side, :func:`read_scalars`: those files written into a private temporary folder and read with
TensorBoard's own reader (``EventAccumulator``), imported only here, when a judgement needs it: the
grading host's modules do not import TensorBoard (nor torch) at import time. The bytes are the kernel's:
a tensor event becomes a number only when its header says one float element (never an array of the
size a forged header claims), the values kept per tag are bounded, and TensorBoard's log messages (which
quote kernel-chosen tags) stay silent.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from pathlib import Path

MAX_FILES = 200
MAX_FILE_BYTES = 2**20
MAX_TOTAL_BYTES = 8 * 2**20
_UNSAFE = re.compile(r"[^A-Za-z0-9_.\-]")


def collect(root: str | os.PathLike) -> dict:
    """Kernel side: ``{"exists": False}``, ``{"exists": True, "too_big": True, ...}`` or
    ``{"exists": True, "files": [[relative posix path, uint8 tensor], ...]}`` for every file under
    ``root`` whose name contains ``tfevents`` (links are not followed)."""
    import torch

    root = Path(root)
    if not root.is_dir() or root.is_symlink():
        return {"exists": False}
    found = []
    for folder, dirs, names in os.walk(root, followlinks=False):
        dirs.sort()
        for name in sorted(names):
            path = Path(folder) / name
            if "tfevents" in name and path.is_file() and not path.is_symlink():
                found.append(path)
    files, total = [], 0
    for path in found:
        size = path.stat().st_size
        total += size
        if len(files) >= MAX_FILES or size > MAX_FILE_BYTES or total > MAX_TOTAL_BYTES:
            return {"exists": True, "too_big": True, "count": len(found),
                    "bytes": sum(p.stat().st_size for p in found)}
        data = path.read_bytes()
        tensor = torch.frombuffer(bytearray(data), dtype=torch.uint8).clone() if data else torch.zeros(
            0, dtype=torch.uint8)
        files.append([path.relative_to(root).as_posix(), tensor])
    return {"exists": True, "files": files}


def _safe_folder(relative: str) -> str:
    """The folder part of a kernel-chosen path, made harmless: only ``[A-Za-z0-9_.-]`` in each part, no
    ``.``/``..`` parts, at most 12 levels ("" for files directly in the root)."""
    parts = [p for p in relative.split("/")[:-1] if p]
    safe = []
    for part in parts[:12]:
        part = _UNSAFE.sub("_", part)[:100]
        safe.append("_" if part in (".", "..") else part)
    return "/".join(safe)


def files_of(answer) -> list[tuple[str, bytes]] | None:
    """Host side: the ``files`` of a :func:`collect` answer as ``(relative path, bytes)``, or None when the
    answer is malformed (a forged or broken kernel)."""
    import torch

    files = answer.get("files") if type(answer) is dict else None
    if type(files) is not list or len(files) > MAX_FILES:
        return None
    out, total = [], 0
    for item in files:
        if not (type(item) in (list, tuple) and len(item) == 2 and type(item[0]) is str and len(item[0]) <= 1000
                and type(item[1]) is torch.Tensor and item[1].dtype == torch.uint8 and item[1].dim() == 1):
            return None
        total += item[1].numel()
        if item[1].numel() > MAX_FILE_BYTES or total > MAX_TOTAL_BYTES:
            return None
        out.append((item[0], item[1].numpy().tobytes()))
    return out


MAX_EVENTS_PER_TAG = 1000   # values kept per tag and run (TensorBoard's reservoir; the grid writes a few)
# A tensor event becomes a number only when it holds one element of one of these dtypes (TensorBoard's
# ``DataType``: DT_FLOAT, DT_DOUBLE, DT_HALF), as ``add_scalar(..., new_style=True)`` writes it.
_SCALAR_DTYPES = (1, 2, 19)


def _tensor_number(proto) -> float | None:
    """A tensor event's value as a float when it is a scalar (one element: no dims or all dims of size 1;
    a float, double or half dtype; at most one stored value), else None. The shape and dtype are read from
    the header *before* any array is built: a forged header may claim billions of elements."""
    from tensorboard.util import tensor_util

    shape = proto.tensor_shape
    if shape.unknown_rank or len(shape.dim) > 8 or any(d.size != 1 for d in shape.dim):
        return None
    if proto.dtype not in _SCALAR_DTYPES:
        return None
    if len(proto.tensor_content) > 8 or len(proto.float_val) + len(proto.double_val) + len(proto.half_val) > 1:
        return None
    try:
        array = tensor_util.make_ndarray(proto)
    except Exception:  # forged or damaged bytes: not a number
        return None
    return float(array.reshape(-1)[0]) if array.size == 1 else None


@contextlib.contextmanager
def _tensorboard_silent():
    """TensorBoard's log messages (they quote kernel-chosen tags) never reach the host's output: the
    ``tensorboard`` logger and its children write to a NullHandler only while the files are read."""
    logger = logging.getLogger("tensorboard")
    saved = logger.level, logger.propagate, list(logger.handlers), logger.disabled
    logger.handlers = [logging.NullHandler()]
    logger.setLevel(logging.CRITICAL + 1)
    logger.propagate = False
    logger.disabled = True
    try:
        yield
    finally:
        logger.setLevel(saved[0])
        logger.propagate, logger.handlers, logger.disabled = saved[1], saved[2], saved[3]


def read_scalars(files: list[tuple[str, bytes]]) -> dict[str, dict[str, list[tuple[int, float]]]]:
    """Host side: ``{folder: {tag: [(step, value), ...]}}`` for every folder holding event files (folders
    relative to the collected root; a folder whose files hold no scalars maps to ``{}``). Every value
    written is kept (up to ``MAX_EVENTS_PER_TAG`` a tag), in the order of the files' names then of writing
    (no purging of repeated steps), so runs written twice under one name show twice. A tag whose tensor
    events are not all scalars (see :func:`_tensor_number`) is left out. Raises ``ValueError`` when
    TensorBoard cannot read them."""
    import tempfile

    from tensorboard.backend.event_processing import event_accumulator as ea

    guidance = {ea.SCALARS: MAX_EVENTS_PER_TAG, ea.TENSORS: MAX_EVENTS_PER_TAG, ea.IMAGES: 1, ea.AUDIO: 1,
                ea.HISTOGRAMS: 1, ea.COMPRESSED_HISTOGRAMS: 1}
    result: dict[str, dict[str, list[tuple[int, float]]]] = {}
    with tempfile.TemporaryDirectory(prefix="autograder-events-") as tmp, _tensorboard_silent():
        folders: dict[str, int] = {}
        for index, (relative, data) in enumerate(sorted(files)):
            folder = _safe_folder(relative)
            target = Path(tmp, "runs", folder) if folder else Path(tmp, "runs")
            target.mkdir(parents=True, exist_ok=True)
            (target / f"events.out.tfevents.{index:06d}.grader").write_bytes(data)
            folders[folder] = folders.get(folder, 0) + 1
        for folder in sorted(folders):
            path = Path(tmp, "runs", folder) if folder else Path(tmp, "runs")
            try:
                acc = ea.EventAccumulator(str(path), size_guidance=guidance, purge_orphaned_data=False)
                acc.Reload()
                tags = acc.Tags()
                scalars = {tag: [(int(e.step), float(e.value)) for e in acc.Scalars(tag)] for tag in tags["scalars"]}
                for tag in tags.get("tensors", []):  # add_scalar(..., new_style=True) writes tensors
                    values = [(int(e.step), _tensor_number(e.tensor_proto)) for e in acc.Tensors(tag)]
                    if values and all(v is not None for _, v in values):
                        scalars.setdefault(tag, []).extend(values)
            except Exception as exc:  # TensorBoard's reader on damaged or forged bytes
                raise ValueError(f"{type(exc).__name__}: {exc}"[:200]) from None
            result[folder] = scalars
    return result
