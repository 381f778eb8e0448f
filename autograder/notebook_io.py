"""Reading student notebooks safely and telling which assignment they belong to."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat

from autograder.errors import BadInput

MAX_BYTES = 20 * 1024 * 1024  # a student notebook larger than this is refused, not parsed


def read_notebook(path: str | Path) -> nbformat.NotebookNode:
    """Load and validate a notebook; every problem becomes a BadInput with a Turkish message."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise OSError("not a file")
        if size > MAX_BYTES:
            raise BadInput("too_large", path=str(path), size=size / 2**20, limit=MAX_BYTES // 2**20)
        raw = path.read_bytes()
    except OSError:
        raise BadInput("no_file", path=str(path)) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadInput("bad_json", path=str(path), error=type(exc).__name__) from None
    if not isinstance(data, dict) or "cells" not in data or not isinstance(data.get("cells"), list):
        raise BadInput("not_notebook", path=str(path), error="'cells' listesi yok / no 'cells' list")
    try:
        nb = nbformat.reads(json.dumps(data), as_version=4)
    except Exception as exc:  # nbformat raises many kinds of errors for odd files
        raise BadInput("not_notebook", path=str(path), error=f"{type(exc).__name__}: {exc}"[:200]) from None
    if not any(c.get("cell_type") == "code" for c in nb.cells):
        raise BadInput("empty_notebook", path=str(path))
    return nb


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
    """From the notebook's metadata, else its folder name, else its file name."""
    path = Path(path)
    meta = (nb.metadata.get("autograder") or {}).get("assignment")
    for candidate in (meta, path.parent.name, path.stem):
        if candidate in known:
            return candidate
    raise BadInput("unknown_assignment", path=str(path), known=", ".join(known))
