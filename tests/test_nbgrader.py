"""The real nbgrader pipeline on the workbook: generate_assignment, autograde, feedback, export.

``nbgrader autograde`` runs through the workbook's sandboxed engine (``nbgrader_config.py``).
Every authored assignment: the solution gets full points and the untouched release zero; for 02
a half-done submission gets exactly the points of its finished exercises, and on a mixed class
(full, empty, half done, the demo's wrong answer) ``autograder grade`` gives exactly nbgrader's
points, test by test, both through the project's preprocessor and through nbgrader's own
``Execute`` (the notebooks' ``check_*`` cells in the student's kernel) on these honest notebooks.
"""

from __future__ import annotations

import json

import pytest
from helpers import ROOT, make_submission, run_cli, solution_cells
from nbgrader_course import Course

from autograder import assignments
from autograder.build import authored

NAMES = authored()
MIXED = "02_ikili_siniflandirma"


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
    course.submit("ayse", MIXED, ROOT / "demo" / "ogrenci_ayse" / MIXED / f"{MIXED}.ipynb")
    for name in NAMES:
        course.nbgrader("autograde", name, "--force")
    # The same honest 02 class through nbgrader's own Execute.
    plain = Course(tmp_path_factory.mktemp("course_execute"), nbgrader_execute=True)
    plain.add_source(MIXED)
    for student in ("cozum", "bos", "yarim", "ayse"):
        plain.submit(student, MIXED, course.root / "submitted" / student / MIXED / f"{MIXED}.ipynb")
    plain.nbgrader("autograde", MIXED, "--force")
    course.plain = plain
    # Our grader on the same submitted folder (the other assignments' runs are in their own tests).
    proc = run_cli("grade", str(root / "submitted"), MIXED, "--jobs", "2", "--results-dir", str(root / "ours"),
                   "--feedback-dir", str(root / "our_feedback"))
    assert proc.returncode == 0, proc.stderr
    course.ours = {s["student"]: s for s in json.loads(proc.stdout)["students"]}
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


@pytest.mark.parametrize("engine", ["sandboxed", "nbgrader_execute"])
def test_grade_agrees_with_nbgrader_test_by_test(course, engine):
    from nbgrader.api import Gradebook

    graded = course if engine == "sandboxed" else course.plain
    totals = graded.scores()
    assert sorted(course.ours) == ["ayse", "bos", "cozum", "yarim"]
    assert len({s["score"] for s in course.ours.values()}) == 4  # four different outcomes
    with Gradebook(f"sqlite:///{graded.root}/gradebook.db") as gradebook:
        for student, ours in course.ours.items():
            assert ours["score"] == totals[(student, MIXED)], student
            for test in ours["tests"]:
                theirs = gradebook.find_grade(test["id"], MIXED, MIXED, student)
                assert (test["id"], test["points"]) == (test["id"], theirs.score), student


def test_failed_test_cells_carry_the_turkish_message(course):
    import nbformat

    nb = nbformat.read(course.root / "autograded" / "bos" / MIXED / f"{MIXED}.ipynb", as_version=4)
    errors = [o for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id", "").startswith("test_")
              for o in c.get("outputs", []) if o.output_type == "error"]
    assert len(errors) == len(assignments.get(MIXED).tests) and all("henüz doldurmadınız" in e.evalue for e in errors)


def test_nbgrader_refuses_without_the_sandbox(tmp_path):
    course = Course(tmp_path / "course")
    course.add_source(MIXED)
    course.submit("x", MIXED, ROOT / "release" / MIXED / f"{MIXED}.ipynb")
    proc = course.nbgrader("autograde", MIXED, "--force", check=False, extra_env={"AUTOGRADER_BWRAP": "/yok/bwrap"})
    assert "bubblewrap" in proc.stdout + proc.stderr
    assert not (course.root / "autograded" / "x" / MIXED / f"{MIXED}.ipynb").exists()


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


def test_stubs_name_exercises_and_hints_can_be_turned_off(course, tmp_path):
    """The real generate_assignment writes exercise-naming stubs; hints=False swaps ipucu for hints_off."""
    import nbformat

    released = nbformat.read(course.root / "release" / MIXED / f"{MIXED}.ipynb", as_version=4)
    stub = next(c.source for c in released.cells if c.id == "accuracy_fn")
    assert 'raise NotImplementedError("Alıştırma 2 (accuracy_fn) henüz çözülmedi' in stub
    assert "import ipucu" in released.cells[1].source
    graded = Course(tmp_path / "graded")
    with open(graded.root / "nbgrader_config.py", "a", encoding="utf-8") as f:
        f.write("\nc.ExerciseStubs.hints = False\n")
    graded.add_source(MIXED)
    first = nbformat.read(graded.root / "release" / MIXED / f"{MIXED}.ipynb", as_version=4).cells[1].source
    assert "from autograder.hints import hints_off as ipucu" in first and "import ipucu" not in first.replace(
        "hints_off as ipucu", "")
