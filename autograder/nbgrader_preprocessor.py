"""nbgrader's ``autograde`` through the grader's own engine.

``nbgrader_config.py`` puts :class:`SandboxedGrading` where nbgrader's ``Execute`` was in
``Autograde.autograde_preprocessors``. It gets the sanitised notebook (after nbgrader's
``OverwriteCells`` restored the test cells), runs it in a sandboxed kernel with the same
session as ``check`` and ``grade`` (the host judges every test at its place), and writes
what happened back into the notebook: each student cell's outputs, and in each test cell
either nothing (passed) or an error output carrying the Turkish message (failed). nbgrader's
``SaveAutoGrades``, formgrader, ``generate_feedback`` and ``export`` then work unchanged, and
the notebook's ``check_*`` cells never run here: they are for students' self-checking.
"""

from __future__ import annotations

import nbformat
from nbconvert.preprocessors import Preprocessor
from traitlets import Bool, Float, Unicode

from autograder.notebook_io import cell_grade_id, is_test_cell


class SandboxedGrading(Preprocessor):
    enabled = Bool(True).tag(config=True)  # nbconvert's preprocessors are off unless enabled
    sandbox = Unicode("", help="auto|on|off (default: AUTOGRADER_SANDBOX, else on: grading needs the sandbox)"
                      ).tag(config=True)
    device = Unicode("", help="auto|cpu|cuda|mps (default: AUTOGRADER_DEVICE or auto)").tag(config=True)
    lang = Unicode("", help="tr|en (default: AUTOGRADER_LANG or tr)").tag(config=True)
    timeout = Float(0.0, help="seconds per student cell and per test (0: the assignment's measured limits)"
                    ).tag(config=True)
    total_timeout = Float(300.0, help="seconds for one whole submission").tag(config=True)

    def preprocess(self, nb, resources):
        from autograder import runner

        info = resources.get("nbgrader", {})
        assignment = info.get("assignment")  # the folder decides, whatever the metadata says
        job = runner.prepare(f"{info.get('student', '?')}/{assignment}/{info.get('notebook', '?')}", nb=nb,
                             assignment=assignment, device=self.device or None, lang=self.lang or None,
                             timeout=self.timeout or None, total_timeout=self.total_timeout or None,
                             sandbox_mode=self.sandbox or None, require_sandbox=True)
        with runner.open_session(job) as session:
            results = session.grade(run_all=True)
            records = session.records
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            if is_test_cell(cell):
                cell.outputs = _test_outputs(results.get(cell_grade_id(cell)))
            else:
                record = records.get(index)
                cell.outputs = [nbformat.from_dict(o) for o in record.outputs] if record else []
        return nb, resources


def _test_outputs(result: dict | None) -> list:
    """Nothing for a pass (nbgrader gives full points); an error with the message for a failure."""
    if result is None:  # not one of the assignment's tests: it scores nothing
        return [nbformat.v4.new_output("error", ename="AutograderError", evalue="",
                                       traceback=["✗ Bu test notlandırıcıda tanımlı değil / unknown test"])]
    if result["passed"]:
        return [nbformat.v4.new_output("stream", name="stdout",
                                       text=f"✓ {result['id']}: {result['points']:g}/{result['max_points']:g}\n")]
    return [nbformat.v4.new_output("error", ename="CheckFailure", evalue=result["message"],
                                   traceback=["✗ " + result["message"]])]
