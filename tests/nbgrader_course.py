"""A throw-away nbgrader course directory driven through the real nbgrader command line."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import ROOT

# Appended to the course's config to grade with nbgrader's own Execute (the notebooks' check_*
# cells in the student's kernel) instead of the workbook's sandboxed engine: for comparisons.
NBGRADER_EXECUTE = """
from nbgrader.preprocessors import Execute  # noqa: E402
c.Autograde.autograde_preprocessors = [Execute if p is SandboxedGrading else p
                                       for p in c.Autograde.autograde_preprocessors]
"""


class Course:
    def __init__(self, root: Path, *, nbgrader_execute: bool = False):
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        config = (ROOT / "nbgrader_config.py").read_text(encoding="utf-8")
        (root / "nbgrader_config.py").write_text(config + (NBGRADER_EXECUTE if nbgrader_execute else ""),
                                                 encoding="utf-8")

    def nbgrader(self, *args: str, check: bool = True, extra_env: dict | None = None) -> subprocess.CompletedProcess:
        # nbgrader runs alembic from PATH: put this interpreter's bin/ first.
        env = dict(os.environ, PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]),
                   AUTOGRADER_DEVICE="cpu", **(extra_env or {}))
        cmd = [sys.executable, "-m", "nbgrader", *args, f"--CourseDirectory.root={self.root}",
               f"--CourseDirectory.db_url=sqlite:///{self.root}/gradebook.db"]
        proc = subprocess.run(cmd, cwd=self.root, env=env, capture_output=True, text=True, timeout=1200)
        assert proc.returncode == 0 or not check, proc.stdout + proc.stderr
        return proc

    def add_source(self, name: str) -> None:
        shutil.copytree(ROOT / "source" / name, self.root / "source" / name, dirs_exist_ok=True)
        self.nbgrader("generate_assignment", name, "--force")

    def submit(self, student: str, name: str, notebook: Path) -> Path:
        target = self.root / "submitted" / student / name / f"{name}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(notebook, target)
        return target

    def scores(self) -> dict[tuple[str, str], float]:
        """(student, assignment) -> score, from ``nbgrader export``."""
        self.nbgrader("export", f"--CsvExportPlugin.to={self.root / 'grades.csv'}")
        with open(self.root / "grades.csv", newline="", encoding="utf-8") as f:
            return {(row["student_id"], row["assignment"]): float(row["score"]) for row in csv.DictReader(f)}
