"""The real nbgrader pipeline on the workbook: generate_assignment, autograde, feedback, export.

Every authored assignment: nbgrader gives the solution full points and the untouched release
zero; for 02 a half-done submission gets exactly the points of its finished exercises, and the
totals agree with ``autograder check --json`` on the same notebooks.
"""

from __future__ import annotations

import pytest
from helpers import ROOT, check_json, make_submission, solution_cells
from nbgrader_course import Course

from autograder import assignments
from autograder.build import authored

NAMES = authored()


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    root = tmp_path_factory.mktemp("course")
    course = Course(root)
    work = tmp_path_factory.mktemp("subs")
    for name in NAMES:
        course.add_source(name)
        course.submit("cozum", name, make_submission(work / "cozum", name))
        course.submit("bos", name, make_submission(work / "bos", name, base="release"))
    # The first two exercises done, the rest untouched.
    filled = {k: v for k, v in solution_cells("02_ikili_siniflandirma").items() if k in ("data", "accuracy_fn")}
    course.submit("yarim", "02_ikili_siniflandirma",
                  make_submission(work / "yarim", "02_ikili_siniflandirma", filled, base="release"))
    for name in NAMES:
        course.nbgrader("autograde", name, "--force")
    # The CLI on the same submitted notebooks of 02 (the other assignments' CLI runs are in
    # their own end-to-end tests).
    course.cli_scores = {}
    for path in sorted((root / "submitted").glob("*/02_ikili_siniflandirma/*.ipynb")):
        course.cli_scores[(path.parent.parent.name, path.parent.name)] = check_json(path)[1]["score"]
    return course


def test_release_has_turkish_stubs(course):
    for name in NAMES:
        text = (course.root / "release" / name / f"{name}.ipynb").read_text(encoding="utf-8")
        assert "KODUNUZU BURAYA YAZIN" in text and "YOUR CODE HERE" not in text


@pytest.mark.parametrize("name", NAMES)
def test_autograde_solution_full_release_zero(course, name):
    scores = course.scores()
    assert scores[("cozum", name)] == assignments.get(name).max_score
    assert scores[("bos", name)] == 0.0


def test_half_done_gets_partial_points(course):
    spec = assignments.get("02_ikili_siniflandirma")
    expected = spec.test("test_data").points + spec.test("test_accuracy_fn").points
    assert course.scores()[("yarim", "02_ikili_siniflandirma")] == expected


def test_export_agrees_with_cli(course):
    scores = course.scores()
    assert len(course.cli_scores) == 3
    for key, score in course.cli_scores.items():
        assert scores[key] == score, key


def test_generate_feedback_writes_html(course):
    course.nbgrader("generate_feedback", "02_ikili_siniflandirma", "--force")
    for student in ("cozum", "bos", "yarim"):
        html = course.root / "feedback" / student / "02_ikili_siniflandirma" / "02_ikili_siniflandirma.html"
        assert html.exists(), html
    assert "henüz doldurmadınız" in (course.root / "feedback" / "bos" / "02_ikili_siniflandirma" /
                                       "02_ikili_siniflandirma.html").read_text(encoding="utf-8")


def test_points_in_source_match_the_specs():
    import nbformat

    for name in NAMES:
        nb = nbformat.read(ROOT / "source" / name / f"{name}.ipynb", as_version=4)
        points = {c.metadata["nbgrader"]["grade_id"]: c.metadata["nbgrader"]["points"] for c in nb.cells
                  if c.metadata.get("nbgrader", {}).get("grade")}
        assert points == {t.id: t.points for t in assignments.get(name).tests}
