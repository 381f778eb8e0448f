"""Turkish errors from the first click, inside a notebook kernel (JupyterLab, nbgrader validate).

Importing an assignment package (the notebook's first code cell imports its ``ipucu``, every
check cell imports a check) installs one IPython handler that replaces two English
tracebacks a student meets before having written anything with a single Turkish line:

* the release stub of an unfilled cell, ``raise NotImplementedError("Alıştırma 2 (…) henüz
  çözülmedi: …")`` (written by :mod:`autograder.nbgrader_release`), raised by a notebook cell;
* a ``NameError`` raised by notebook code: for a name that a solution cell should define (a
  check run before its exercise was filled in) the message names that cell; for any other
  name it gives the line and the two usual causes (a typo, a cell above not run yet).

Every other error keeps its normal traceback. Outside IPython this does nothing.
"""

from __future__ import annotations

import sys
import traceback

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
        line = turkish_line(value, tb, getattr(self.compile, "_filename_map", {}))
        if line is None:
            stb = self.InteractiveTB.structured_traceback(etype, value, tb, tb_offset=tb_offset)
        else:
            stb = ["✗ " + line]
        self._showtraceback(etype, value, stb)
        return stb

    shell.set_custom_exc((NameError, NotImplementedError), handler)
    shell._autograder_name_hints = True


def turkish_line(value: BaseException, tb, cell_files) -> str | None:
    """The one line shown instead of the traceback, or None to keep the traceback."""
    from autograder.errors import CheckFailure

    name = getattr(value, "name", None)
    if isinstance(value, NameError) and name in _OWNERS:
        return CheckFailure("name_not_filled", name=name, cell=_OWNERS[name]).message()
    line = _cell_line(tb, cell_files)
    if line is None:
        return None
    if type(value) is NotImplementedError:
        return str(value).strip() or CheckFailure("stub_not_filled").message()
    if type(value) is NameError and name:
        return CheckFailure("name_undefined", name=name, line=line).message()
    return None


def _cell_line(tb, cell_files) -> int | None:
    """The line of notebook code where the error was raised (at a cell's top level or in a
    function a cell defined); None when a library raised it for its own reasons."""
    frames = traceback.extract_tb(tb)
    return frames[-1].lineno if frames and frames[-1].filename in cell_files else None
