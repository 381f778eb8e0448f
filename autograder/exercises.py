"""Which exercise a solution cell belongs to: the nearest "Alıştırma N" heading above it.

Used where a student is told about an exercise by its number: the release stubs
(:mod:`autograder.nbgrader_release`) and ``autograder ilerleme``.
"""

from __future__ import annotations

import re

from autograder.i18n import render
from autograder.messages import MESSAGES

_HEADING = re.compile(r"^#+\s*(?:Alıştırma|Exercise)\s+(\d+)", re.MULTILINE)


def numbers(cells) -> dict[str, str]:
    """grade_id of each solution cell -> the number of the exercise heading above it."""
    found, current = {}, None
    for cell in cells:
        if cell.get("cell_type") == "markdown":
            headings = _HEADING.findall(cell.get("source", ""))
            current = headings[-1] if headings else current
            continue
        meta = cell.get("metadata", {}).get("nbgrader") or {}
        if meta.get("solution") and meta.get("grade_id") and current:
            found.setdefault(meta["grade_id"], current)
    return found


def label(cell: str, number: str | None, lang: str | None = None) -> str:
    """``Alıştırma 2 (accuracy_fn)``, or the cell's id where no heading numbers it."""
    return render(MESSAGES["exercise_label"], lang, number=number, cell=cell) if number else cell
