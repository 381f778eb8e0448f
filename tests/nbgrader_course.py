"""A throw-away nbgrader course directory driven through the real nbgrader command line."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import ROOT


class Course:
    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "nbgrader_config.py", root / "nbgrader_config.py")

    def nbgrader(self, *args: str) -> subprocess.CompletedProcess:
        # nbgrader runs alembic from PATH: put this interpreter's bin/ first.
        env = dict(os.environ, PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]]),
                   AUTOGRADER_DEVICE="cpu")
        cmd = [sys.executable, "-m", "nbgrader", *args, f"--CourseDirectory.root={self.root}",
               f"--CourseDirectory.db_url=sqlite:///{self.root}/gradebook.db"]
        proc = subprocess.run(cmd, cwd=self.root, env=env, capture_output=True, text=True, timeout=1200)
        assert proc.returncode == 0, proc.stdout + proc.stderr
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
