"""nbgrader's ``generate_assignment``, adapted to the workbook (configured in ``nbgrader_config.py``).

* :class:`ExerciseStubs` takes the place of ``ClearSolutions``: the stub of each solution cell
  names its exercise, ``raise NotImplementedError("Alıştırma 2 (accuracy_fn) henüz çözülmedi:
  …")``. The error stays a ``NotImplementedError`` (graders and nbgrader's tools recognise an
  unanswered cell by it) and, in a kernel where the notebook's first cell ran, shows as that one
  Turkish line (:mod:`autograder.notebook_hooks`).
* ``ExerciseStubs.hints = False`` turns ``ipucu(...)`` off in the released notebooks (graded
  releases): the first cell's import is replaced by one that only says the hints are off.
"""

from __future__ import annotations

import re

from nbgrader.preprocessors import ClearSolutions
from traitlets import Bool

from autograder import exercises
from autograder.i18n import render
from autograder.messages import MESSAGES
from autograder.notebook_io import cell_grade_id

STUB_PLACEHOLDER = "{exercise}"
_HINTS_IMPORT = re.compile(r"^from autograder\.assignments\.\w+ import ipucu\b.*$", re.MULTILINE)
HINTS_OFF_IMPORT = "from autograder.hints import hints_off as ipucu  # bu ödevde ipuçları kapalı"


class ExerciseStubs(ClearSolutions):
    hints = Bool(True, help="keep ipucu(...) in the released notebooks (False: graded releases)").tag(config=True)

    def preprocess(self, nb, resources):
        self._numbers = exercises.numbers(nb.cells)
        if not self.hints:
            for cell in nb.cells:
                if cell.cell_type == "code":
                    cell.source = _HINTS_IMPORT.sub(HINTS_OFF_IMPORT, cell.source)
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, cell_index):
        cell, resources = super().preprocess_cell(cell, resources, cell_index)
        grade_id = cell_grade_id(cell)
        if cell.cell_type == "code" and STUB_PLACEHOLDER in cell.source:
            exercise = exercises.label(grade_id, self._numbers.get(grade_id), "tr") if grade_id else "Bu hücre"
            message = render(MESSAGES["stub_exercise"], "tr", exercise=exercise)
            cell.source = cell.source.replace(STUB_PLACEHOLDER, _quoted(message))
        return cell, resources


def _quoted(text: str) -> str:
    """The message as it goes inside the stub's double-quoted string literal."""
    return text.replace("\\", "\\\\").replace('"', '\\"')
