"""``ipucu("moons")``: on-demand hints in the notebooks, each call a little stronger, never the solution.

The texts live in each assignment's ``hints.py`` (``HINTS[cell] = [level 1, level 2, level 3]``,
each ``{"tr": …, "en": …}``). Instructors turn hints off for graded releases with
``c.ExerciseStubs.hints = False`` (see :mod:`autograder.nbgrader_release`), which imports
:func:`hints_off` under the same name instead.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from autograder.i18n import render
from autograder.messages import MESSAGES, register

register({
    "hint_line": {
        "tr": "💡 İpucu {level}/{levels} · {cell}: {text}",
        "en": "💡 Hint {level}/{levels} · {cell}: {text}",
    },
    "hint_last": {
        "tr": "Bu, bu alıştırmanın son ipucuydu. Kontrol hücresinin mesajı hatanızı adıyla söyler; "
              "yine takılırsanız eğitmeninize sorun.",
        "en": "That was this exercise's last hint. The check cell's message names your mistake; if you are "
              "still stuck, ask your instructor.",
    },
    "hint_unknown": {
        "tr": "`{cell}` adında bir alıştırma yok. İpucu alınabilen alıştırmalar: {cells}.",
        "en": "There is no exercise called `{cell}`. Exercises with hints: {cells}.",
    },
    "hint_usage": {
        "tr": "Kullanım: ipucu(\"alıştırmanın adı\"), ör. ipucu(\"{first}\"). Alıştırmalar: {cells}.",
        "en": "Usage: ipucu(\"exercise name\"), e.g. ipucu(\"{first}\"). Exercises: {cells}.",
    },
    "hints_off": {
        "tr": "Bu ödevde ipuçları eğitmeniniz tarafından kapatıldı. Kontrol hücrelerinin mesajları yine de "
              "hatanızı adıyla söyler.",
        "en": "Your instructor turned hints off for this assignment. The check cells' messages still name your "
              "mistake.",
    },
})


def ipucu_for(package: str) -> Callable[..., None]:
    """The ``ipucu`` function of one assignment package (its hints are loaded on first use)."""
    shown: dict[str, int] = {}

    def ipucu(cell: str | None = None) -> None:
        """Bir alıştırma için bir sonraki ipucunu yazar / prints the next hint for an exercise."""
        hints = importlib.import_module(f"autograder.assignments.{package}.hints").HINTS
        cells = ", ".join(f'"{name}"' for name in hints)
        if cell is None:
            print(render(MESSAGES["hint_usage"], first=next(iter(hints)), cells=cells))
            return
        if cell not in hints:
            print(render(MESSAGES["hint_unknown"], cell=cell, cells=cells))
            return
        levels = hints[cell]
        level = min(shown.get(cell, 0) + 1, len(levels))
        shown[cell] = level
        print(render(MESSAGES["hint_line"], level=level, levels=len(levels), cell=cell,
                     text=render(levels[level - 1])))
        if level == len(levels):
            print(render(MESSAGES["hint_last"]))

    return ipucu


def hints_off(cell: str | None = None) -> None:
    """Stands for ``ipucu`` where the instructor turned hints off."""
    print(render(MESSAGES["hints_off"]))
