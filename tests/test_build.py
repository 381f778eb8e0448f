"""release/, solutions/ and the demo are built from source/ (and source/ from authoring/): no drift, no leaks."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import nbformat
import pytest
from helpers import ROOT

from autograder import assignments, build
from autograder.authoring import hidden_and_solution_lines, parse, solution_notebook

NAMES = build.authored()


def test_every_contract_folder_is_present():
    for top in ("source", "release", "solutions", "autograder", "tests", "bench", ".ci"):
        assert (ROOT / top).is_dir(), top
    for top in ("nbgrader_config.py", "README.md", "pyproject.toml"):
        assert (ROOT / top).is_file(), top
    assert "02_ikili_siniflandirma" in NAMES


@pytest.mark.parametrize("name", NAMES)
def test_no_drift(name):
    assert build.drift(name) == []


@pytest.mark.parametrize("name", NAMES)
def test_no_solution_or_hidden_test_leaks_into_release(name):
    source = nbformat.read(build.paths(name)["source"], as_version=4)
    release_text = build.paths(name)["release"].read_text(encoding="utf-8")
    release = nbformat.read(build.paths(name)["release"], as_version=4)
    # Lines that the source also shows outside solution regions (given code) may appear.
    given = {line.strip() for cell in solution_notebook(source).cells for line in cell.source.splitlines()
             if cell.metadata.get("nbgrader", {}).get("solution") is not True}
    secret = [line for line in hidden_and_solution_lines(source) if line not in given]
    release_lines = {line.strip() for cell in release.cells for line in cell.source.splitlines()}
    assert secret, "the source has solutions"
    assert [line for line in secret if line in release_lines] == []
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "hidden=True"):
        assert marker not in release_text
    for cell in release.cells:
        if cell.metadata.get("nbgrader", {}).get("solution") and cell.cell_type == "code":
            body = re.sub(r"\A%%writefile \S+\n", "", cell.source)  # 08: the magic stays above the stub
            assert body.startswith("# KODUNUZU BURAYA YAZIN"), cell.source


@pytest.mark.parametrize("name", NAMES)
def test_solutions_keep_visible_tests_only(name):
    text = build.paths(name)["solutions"].read_text(encoding="utf-8")
    assert "hidden=True" not in text and "BEGIN SOLUTION" not in text


def test_drift_is_detected(tmp_path):
    """Editing a committed notebook by hand is caught."""
    name = "02_ikili_siniflandirma"
    for kind in ("authoring", "source", "release", "solutions"):
        dst = build.paths(name, tmp_path)[kind]
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(build.paths(name)[kind], dst)
    shutil.copy(ROOT / "nbgrader_config.py", tmp_path / "nbgrader_config.py")
    assert build.drift(name, tmp_path) == []
    nb = nbformat.read(build.paths(name, tmp_path)["release"], as_version=4)
    nb.cells[0].source += "\nelle eklenmiş satır"
    nbformat.write(nb, build.paths(name, tmp_path)["release"])
    assert any("release" in p for p in build.drift(name, tmp_path))


def test_nbsrc_parser():
    cells = parse("ignored\n#%% md\n# Başlık\n\n#%% solution data\nx = 1\n#%% test data\n")
    assert cells == [("md", "", "# Başlık"), ("solution", "data", "x = 1"), ("test", "data", "")]


def test_ruff_clean():
    ruff = shutil.which("ruff") or str(ROOT / ".venv" / "bin" / "ruff")
    proc = subprocess.run([ruff, "check", str(ROOT)], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("name", NAMES)
def test_outline_read_from_source_matches_the_module(name):
    """The host's torch-free reading of ASSIGNMENT agrees with the imported module's."""
    outline, real = assignments.outline(name), assignments.get(name)
    assert (outline.name, outline.module, outline.max_score) == (real.name, real.module, real.max_score)
    assert [(t.cell, t.points, t.names, t.check.__name__) for t in outline.tests] == \
        [(t.cell, t.points, t.names, t.check.__name__) for t in real.tests]


def test_host_modules_do_not_import_torch():
    code = ("import sys, autograder.cli, autograder.grading, autograder.session, autograder.suites\n"
            "from autograder import assignments\n"
            "[assignments.outline(n) for n in assignments.known()]\n"
            "print(sorted(m for m in ('torch', 'sklearn', 'IPython', 'rfc3987_syntax') if sys.modules.get(m)))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.stdout.strip() == "[]", proc.stderr
