"""Friendlier errors inside a notebook kernel (JupyterLab, nbgrader, the grader's own kernel).

When a test cell uses a name that the student's cell never defined (the cell still raises
``NotImplementedError``), Python only says ``NameError``. Importing an assignment's checks
installs an IPython handler that keeps the traceback and adds, in Turkish, which cell to
fill in. Outside IPython this does nothing.
"""

from __future__ import annotations

import sys

_OWNERS: dict[str, str] = {}  # student name -> the solution cell that defines it


def install_name_hints(owners: dict[str, str]) -> None:
    _OWNERS.update(owners)
    if "IPython" not in sys.modules:  # not in a kernel (e.g. the grading host): nothing to hook
        return
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is None or getattr(shell, "_autograder_name_hints", False):
        return

    def handler(self, etype, value, tb, tb_offset=None):
        from autograder.errors import CheckFailure

        stb = self.InteractiveTB.structured_traceback(etype, value, tb, tb_offset=tb_offset)
        name = getattr(value, "name", None)
        if name in _OWNERS:
            stb = [*stb, "✗ " + CheckFailure("name_not_filled", name=name, cell=_OWNERS[name]).message()]
        self._showtraceback(etype, value, stb)
        return stb

    shell.set_custom_exc((NameError,), handler)
    shell._autograder_name_hints = True
