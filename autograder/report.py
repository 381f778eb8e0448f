"""The human-readable report (Turkish by default)."""

from __future__ import annotations

from autograder.device import describe
from autograder.i18n import render
from autograder.messages import MESSAGES


def text_report(result: dict, lang: str) -> str:
    lines = [render(MESSAGES["report_title"], lang, assignment=result["assignment"],
                    device=describe(result["device"]) if result["device"] else "?"), ""]
    width = max((len(t["id"]) for t in result["tests"]), default=10)
    for t in result["tests"]:
        mark = "✓" if t["passed"] else "✗"
        lines.append(f"{mark} {t['id']:<{width}}  {t['points']:g}/{t['max_points']:g}")
        message = t["message"] or render(MESSAGES["passed"], lang)
        lines.extend("    " + line for line in message.splitlines())
    lines.append("")
    lines.append(render(MESSAGES["report_total"], lang, score=result["score"], max_score=result["max_score"]))
    failed = sum(not t["passed"] for t in result["tests"])
    lines.append(render(MESSAGES["report_all_passed"], lang) if not failed
                 else render(MESSAGES["report_some_failed"], lang, failed=failed))
    return "\n".join(lines)
