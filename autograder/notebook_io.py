"""Reading student notebooks safely and telling which assignment they belong to."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import nbformat

from autograder.errors import BadInput

MAX_BYTES = 20 * 1024 * 1024  # a student notebook larger than this is refused, not parsed


class TooLarge(Exception):
    def __init__(self, size: int):
        super().__init__(size)
        self.size = size


def read_regular(path: str | Path, limit: int) -> bytes:
    """A regular file's bytes, opened without following a link and refused unread when larger than
    ``limit`` (a sparse 64 GiB file is never loaded). OSError when it is no regular file."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError("not a regular file")
        if info.st_size > limit:
            raise TooLarge(info.st_size)
        with os.fdopen(fd, "rb", closefd=False) as f:
            raw = f.read(limit + 1)
    finally:
        os.close(fd)
    if len(raw) > limit:  # it grew while being read
        raise TooLarge(len(raw))
    return raw


def read_private(path: str | Path) -> bytes:
    """A notebook file's bytes, read once: never through a symbolic link, size checked first."""
    path = Path(path)
    if path.is_symlink():
        raise BadInput("symlink_refused", path=str(path))
    try:
        return read_regular(path, MAX_BYTES)
    except TooLarge as exc:
        raise BadInput("too_large", path=str(path), size=exc.size / 2**20, limit=MAX_BYTES // 2**20) from None
    except OSError:
        raise BadInput("no_file", path=str(path)) from None


def parse_notebook(raw: bytes, path: str | Path) -> nbformat.NotebookNode:
    """Validate a notebook's bytes; every problem becomes a BadInput with a Turkish message."""
    path = str(path)
    try:
        data = json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise BadInput("not_notebook", path=path, error="çok derin iç içe JSON / JSON nested too deeply") from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadInput("bad_json", path=path, error=type(exc).__name__) from None
    if not isinstance(data, dict) or "cells" not in data or not isinstance(data.get("cells"), list):
        raise BadInput("not_notebook", path=path, error="'cells' listesi yok / no 'cells' list")
    try:
        nb = nbformat.reads(json.dumps(data), as_version=4)
    except Exception as exc:  # nbformat raises many kinds of errors for odd files (RecursionError too)
        raise BadInput("not_notebook", path=path, error=f"{type(exc).__name__}: {exc}"[:200]) from None
    _expect_mapping(nb.get("metadata"), path, "metadata")
    _expect_mapping(nb.metadata.get("autograder", {}), path, "metadata.autograder")
    for i, cell in enumerate(nb.cells):
        _expect_mapping(cell.get("metadata", {}), path, f"cells[{i}].metadata")
        _expect_mapping(cell.get("metadata", {}).get("nbgrader", {}), path, f"cells[{i}].metadata.nbgrader")
        if not isinstance(cell.get("source", ""), str):
            raise BadInput("not_notebook", path=path, error=f"cells[{i}].source")
    if not any(c.get("cell_type") == "code" for c in nb.cells):
        raise BadInput("empty_notebook", path=path)
    return nb


def _expect_mapping(value, path: str, where: str) -> None:
    if not isinstance(value, dict):
        raise BadInput("not_notebook", path=path, error=f"`{where}` bir sözlük değil / is not a mapping")


def read_notebook(path: str | Path) -> nbformat.NotebookNode:
    """Load and validate a notebook (read once, no links, size checked first)."""
    return parse_notebook(read_private(path), path)


def cell_grade_id(cell) -> str | None:
    return (cell.get("metadata", {}).get("nbgrader") or {}).get("grade_id")


def is_test_cell(cell) -> bool:
    """Autograded test cells: the grader runs its own checks instead of the notebook's copies.

    A solution cell never is one, even when its id starts with ``test_`` (04's ``test_step``)."""
    meta = cell.get("metadata", {}).get("nbgrader") or {}
    if meta.get("solution"):
        return False
    return bool(meta.get("grade")) or (meta.get("grade_id") or "").startswith("test_")


def detect_assignment(path: str | Path, nb, known: list[str]) -> str:
    """From the notebook's metadata, else its folder name, else its file name (for ``check``;
    in ``grade`` the folder decides, see :func:`claimed_assignment`)."""
    path = Path(path)
    meta = claimed_assignment(nb)
    for candidate in (meta, path.parent.name, path.stem):
        if candidate in known:
            return candidate
    raise BadInput("unknown_assignment", path=str(path), known=", ".join(known))


def claimed_assignment(nb) -> str | None:
    """The assignment a notebook's metadata names, if any."""
    value = (nb.metadata.get("autograder") or {}).get("assignment")
    return value if isinstance(value, str) else None
