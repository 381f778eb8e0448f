"""The ``.nbsrc`` authoring format: a plain-text notebook with readable diffs.

Cells start with a marker line::

    #%% md                 a Markdown cell
    #%% code               an ordinary code cell
    #%% solution data      a solution cell, nbgrader grade_id "data"
    #%% test data          the autograded test cell "test_data" (code and points from the
                           assignment's TestSpec, so they never drift from the grader)
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from autograder import assignments

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def _nbgrader(grade_id: str, *, solution: bool, grade: bool, points: float | None = None) -> dict:
    meta = {"grade": grade, "grade_id": grade_id, "locked": grade, "schema_version": 3,
            "solution": solution, "task": False}
    if points is not None:
        meta["points"] = points
    return meta


def parse(text: str) -> list[tuple[str, str, str]]:
    """``[(kind, arg, body), ...]`` from .nbsrc text."""
    cells, kind, arg, body = [], None, "", []
    for line in text.splitlines():
        if line.startswith("#%% "):
            if kind:
                cells.append((kind, arg, "\n".join(body).strip("\n")))
            parts = line[4:].split()
            kind, arg, body = parts[0], (parts[1] if len(parts) > 1 else ""), []
        elif kind:
            body.append(line)
    if kind:
        cells.append((kind, arg, "\n".join(body).strip("\n")))
    return cells


def build_source(nbsrc: Path, name: str) -> nbformat.NotebookNode:
    assignment = assignments.get(name)
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": KERNELSPEC, "language_info": {"name": "python"},
                   "autograder": {"assignment": name}}
    tests_seen = []
    for index, (kind, arg, body) in enumerate(parse(nbsrc.read_text(encoding="utf-8"))):
        if kind == "md":
            cell = nbformat.v4.new_markdown_cell(body)
        elif kind == "code":
            cell = nbformat.v4.new_code_cell(body)
        elif kind == "solution":
            cell = nbformat.v4.new_code_cell(body)
            cell.metadata["nbgrader"] = _nbgrader(arg, solution=True, grade=False)
        elif kind == "test":
            spec = assignment.test(f"test_{arg}")
            cell = nbformat.v4.new_code_cell(spec.cell_source(assignment.module))
            cell.metadata["nbgrader"] = _nbgrader(spec.id, solution=False, grade=True, points=spec.points)
            tests_seen.append(spec.id)
        else:
            raise ValueError(f"{nbsrc}: unknown cell kind {kind!r}")
        cell.id = (cell.metadata.get("nbgrader") or {}).get("grade_id") or f"c{index:03d}"
        nb.cells.append(cell)
    missing = [t.id for t in assignment.tests if t.id not in tests_seen]
    if missing:
        raise ValueError(f"{nbsrc}: no test cell for {missing}")
    return nb


def _strip_lines(source: str, begin: str, end: str, keep_inside: bool) -> str:
    out, inside = [], False
    for line in source.splitlines():
        stripped = line.strip()
        if stripped == begin:
            inside = True
            continue
        if stripped == end:
            inside = False
            continue
        if not inside or keep_inside:
            out.append(line)
    return "\n".join(out)


def solution_notebook(source_nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The source with hidden tests removed and the solution markers dropped (their code kept).

    The nbgrader metadata stays, so ``autograder check`` on a solution knows its test cells.
    """
    nb = nbformat.from_dict(source_nb)
    for cell in nb.cells:
        text = _strip_lines(cell.source, "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS", keep_inside=False)
        cell.source = _strip_lines(text, "### BEGIN SOLUTION", "### END SOLUTION", keep_inside=True).rstrip()
    return nb


def hidden_and_solution_lines(source_nb: nbformat.NotebookNode) -> list[str]:
    """Every non-trivial line that must never reach release/ (solutions and hidden tests)."""
    lines = []
    for cell in source_nb.cells:
        for begin, end in (("### BEGIN SOLUTION", "### END SOLUTION"),
                           ("### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS")):
            inside = False
            for line in cell.source.splitlines():
                stripped = line.strip()
                if stripped == begin:
                    inside = True
                elif stripped == end:
                    inside = False
                elif inside and len(stripped) > 3 and not stripped.startswith("#"):
                    lines.append(stripped)
    return lines
