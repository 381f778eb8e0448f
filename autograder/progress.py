"""``autograder ilerleme [FOLDER]``: a self-learner's overview of every notebook in a folder.

Each notebook is graded like ``check`` (same sandbox, same judgements); the table shows
the assignment, score / max, a bar and the next unfinished exercise, named as its heading
in the notebook names it ("Alıştırma 3 (circle_model)").
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from autograder import assignments, exercises, runner
from autograder.errors import BadInput
from autograder.i18n import get_lang, render
from autograder.messages import MESSAGES, register
from autograder.notebook_io import detect_assignment, read_notebook

register({
    "progress_header": {"tr": "ödev|puan|ilerleme|sıradaki alıştırma",
                        "en": "assignment|score|progress|next exercise"},
    "progress_done": {"tr": "tamamlandı ✓", "en": "done ✓"},
    "progress_total": {"tr": "Toplam: {score:g} / {max_score:g} puan, {done} / {count} ödev tamamlandı.",
                       "en": "Total: {score:g} / {max_score:g} points, {done} / {count} assignments done."},
    "progress_no_folder": {"tr": "`{path}` bir klasör değil.", "en": "`{path}` is not a folder."},
    "progress_none": {"tr": "`{path}` altında bu çalışma kitabının hiçbir not defteri yok (ör. `release/` ya da "
                            "kendi kopyanız).",
                      "en": "No notebook of this workbook under `{path}` (e.g. `release/` or your own copy)."},
    "progress_skipped": {"tr": "atlandı (bu kitabın bir ödevi değil): {path}",
                         "en": "skipped (not an assignment of this workbook): {path}"},
})

BAR = 20


def find(folder: Path) -> tuple[list[tuple[Path, object, str]], list[Path]]:
    """(path, parsed notebook, assignment) under ``folder``, and the notebooks that belong to no
    assignment (or are no notebook)."""
    if not folder.is_dir():
        raise BadInput("progress_no_folder", path=str(folder))
    known, found, skipped = assignments.known(), [], []
    for path in sorted(folder.rglob("*.ipynb")):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):  # .ipynb_checkpoints
            continue
        try:
            nb = read_notebook(path)
            found.append((path, nb, detect_assignment(path, nb, known)))
        except BadInput:
            skipped.append(path)
    if not found:
        raise BadInput("progress_none", path=str(folder))
    return found, skipped


def row(path: Path, nb, assignment: str, options: dict) -> dict:
    """One notebook graded; its next unfinished exercise from the notebook's own headings."""
    job = runner.prepare(path, nb=nb, assignment=assignment, **options)
    result = runner.grade(job)
    numbers = exercises.numbers(job.nb.cells)
    cells = {t.id: t.solution_cell for t in assignments.outline(job.assignment).tests}
    unfinished = next((t for t in result["tests"] if not t["passed"]), None)
    following = None
    if unfinished is not None:
        cell = cells.get(unfinished["id"], unfinished["id"])
        following = {"test": unfinished["id"], "cell": cell, "exercise": numbers.get(cell)}
    return {"path": str(path), "assignment": job.assignment, "score": result["score"],
            "max_score": result["max_score"], "next": following, "notices": list(job.notices)}


def table(rows: list[dict], lang: str) -> str:
    headers = render(MESSAGES["progress_header"], lang).split("|")
    lines = []
    for r in rows:
        share = r["score"] / r["max_score"] if r["max_score"] else 0.0
        filled = round(share * BAR)
        nxt = r["next"]
        following = (exercises.label(nxt["cell"], nxt["exercise"], lang) if nxt
                     else render(MESSAGES["progress_done"], lang))
        lines.append([r["assignment"], f"{r['score']:g} / {r['max_score']:g}",
                      "█" * filled + "░" * (BAR - filled) + f" {share:4.0%}", following])
    widths = [max(len(x) for x in column) for column in zip(headers, *lines)]
    out = ["  ".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip() for line in [headers, *lines]]
    out.insert(1, "  ".join("─" * w for w in widths))
    done = sum(r["next"] is None for r in rows)
    out += ["", render(MESSAGES["progress_total"], lang, score=sum(r["score"] for r in rows),
                       max_score=sum(r["max_score"] for r in rows), done=done, count=len(rows))]
    return "\n".join(out)


def run(folder: str, *, as_json: bool, **options) -> int:
    """Grade every notebook under ``folder`` and print the table (or one JSON object)."""
    found, skipped = find(Path(folder))
    for path in skipped:
        print(render(MESSAGES["progress_skipped"], path=str(path)), file=sys.stderr)
    rows = [row(path, nb, name, options) for path, nb, name in found]
    notices = [r.pop("notices") for r in rows][0]  # the same for every notebook (sandbox, secret)
    for notice in notices:
        print(notice, file=sys.stderr)
    if as_json:
        print(json.dumps({"folder": folder, "notebooks": rows}, ensure_ascii=False))
    else:
        print(table(rows, options.get("lang") or get_lang()))
    return 0
