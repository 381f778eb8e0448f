"""How the grading host and the student's kernel talk: the host sends code, the kernel
answers with one JSON object on a marked stdout line. Kept free of torch, which only the
kernel imports."""

from __future__ import annotations

import json

MARKER = "@@AUTOGRADER_RESULT@@"


def answer_line(result: dict) -> str:
    return "\n" + MARKER + json.dumps(result) + "\n"


def parse_answer(outputs: list) -> dict | None:
    """The last marked JSON object in a cell's stdout outputs, or None."""
    for out in reversed(outputs):
        if out.get("output_type") == "stream" and out.get("name") == "stdout":
            for line in reversed(str(out.get("text", "")).splitlines()):
                if line.startswith(MARKER):
                    try:
                        return json.loads(line[len(MARKER):])
                    except ValueError:
                        return None
    return None


def cell_error_text(ename: str, evalue: str) -> str:
    """``Name: first line`` of an error a student's cell raised."""
    return f"{ename}: {evalue.splitlines()[0] if evalue else ''}"
