"""Build ``source/``, ``release/`` and ``solutions/`` from ``authoring/*.nbsrc``.

    python -m autograder.build [NAME ...]          rebuild (release through nbgrader, solutions executed)
    python -m autograder.build --check [NAME ...]  exit 1 when a committed notebook drifted

``release/`` is made by the real ``nbgrader generate_assignment`` in a temporary course
directory (so no gradebook appears in the repo); ``solutions/`` is the source without
hidden tests, executed so outputs and plots show.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from autograder import assignments
from autograder.authoring import build_source, solution_notebook
from autograder.session import thread_env

ROOT = Path(__file__).resolve().parent.parent


def paths(name: str, root: Path = ROOT) -> dict[str, Path]:
    return {"authoring": root / "authoring" / f"{name}.nbsrc",
            "source": root / "source" / name / f"{name}.ipynb",
            "release": root / "release" / name / f"{name}.ipynb",
            "solutions": root / "solutions" / name / f"{name}.ipynb"}


def authored() -> list[str]:
    return [n for n in assignments.known() if paths(n)["authoring"].exists()]


def tool_env() -> dict[str, str]:
    """nbgrader runs ``alembic`` from PATH: put this interpreter's bin/ first."""
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def generate_release(name: str, source_nb: Path, root: Path = ROOT) -> nbformat.NotebookNode:
    with tempfile.TemporaryDirectory(prefix="nbgrader-course-") as course:
        course = Path(course)
        shutil.copy2(root / "nbgrader_config.py", course / "nbgrader_config.py")
        (course / "source" / name).mkdir(parents=True)
        shutil.copy2(source_nb, course / "source" / name / source_nb.name)
        cmd = [sys.executable, "-m", "nbgrader", "generate_assignment", name, "--force",
               f"--CourseDirectory.root={course}", f"--CourseDirectory.db_url=sqlite:///{course}/gradebook.db"]
        proc = subprocess.run(cmd, cwd=course, env=tool_env(), capture_output=True, text=True)
        out = course / "release" / name / source_nb.name
        if proc.returncode != 0 or not out.exists():
            raise RuntimeError(f"nbgrader generate_assignment {name} failed:\n{proc.stdout}\n{proc.stderr}")
        return nbformat.read(out, as_version=4)


def execute(nb: nbformat.NotebookNode, timeout: int = 300) -> nbformat.NotebookNode:
    with tempfile.TemporaryDirectory(prefix="solution-run-") as workdir:
        env = tool_env()
        env.update(thread_env())
        env.pop("MPLBACKEND", None)  # keep the inline backend: solutions show their plots
        client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                                resources={"metadata": {"path": workdir}})
        client.km = client.create_kernel_manager()
        with client.setup_kernel(env=env):
            for index, cell in enumerate(nb.cells):
                client.execute_cell(cell, index)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    return nb


# The bundled demo submission (README's first command grades it): the release of 02 with
# most exercises solved, one typical mistake and one exercise left untouched.
DEMO_NAME = "02_ikili_siniflandirma"
DEMO_PATH = ROOT / "demo" / "ogrenci_ayse" / DEMO_NAME / f"{DEMO_NAME}.ipynb"
DEMO_CHANGES = {
    # accuracy as a 0-1 fraction: the grader names the missing "× 100"
    "accuracy_fn": "def accuracy_fn(y_true, y_pred):\n"
                   "    correct = torch.eq(y_true, y_pred).sum().item()\n"
                   "    return correct / len(y_pred)",
    "moons": None,  # left as the release stub
}


def demo_notebook() -> nbformat.NotebookNode:
    release = nbformat.read(paths(DEMO_NAME)["release"], as_version=4)
    solutions = {c.metadata["nbgrader"]["grade_id"]: c.source
                 for c in nbformat.read(paths(DEMO_NAME)["solutions"], as_version=4).cells
                 if c.metadata.get("nbgrader", {}).get("solution")}
    for cell in release.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in solutions and gid not in DEMO_CHANGES:
            cell.source = solutions[gid]
        elif DEMO_CHANGES.get(gid):
            cell.source = DEMO_CHANGES[gid]
    return release


def _write(nb: nbformat.NotebookNode, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)


def build(name: str) -> dict[str, float]:
    p = paths(name)
    timings = {}
    _write(build_source(p["authoring"], name), p["source"])
    t0 = time.perf_counter()
    _write(generate_release(name, p["source"]), p["release"])
    timings["release"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    _write(execute(solution_notebook(nbformat.read(p["source"], as_version=4))), p["solutions"])
    timings["solutions"] = time.perf_counter() - t0
    if name == DEMO_NAME:
        _write(demo_notebook(), DEMO_PATH)
    return timings


def _code_view(nb: nbformat.NotebookNode) -> list[tuple[str, str]]:
    return [(cell.cell_type, cell.source) for cell in nb.cells]


def drift(name: str, root: Path = ROOT) -> list[str]:
    """What differs between the committed notebooks and a fresh build (empty when in sync)."""
    p = paths(name, root)
    problems = []
    fresh_source = build_source(p["authoring"], name)
    if not p["source"].exists() or nbformat.read(p["source"], as_version=4) != fresh_source:
        problems.append(f"{p['source']} is not what {p['authoring'].name} builds")
        return problems
    fresh_release = generate_release(name, p["source"], root)
    if not p["release"].exists() or nbformat.read(p["release"], as_version=4) != fresh_release:
        problems.append(f"{p['release']} is not what nbgrader generates from source/")
    if not p["solutions"].exists():
        problems.append(f"{p['solutions']} is missing")
    else:
        committed = nbformat.read(p["solutions"], as_version=4)
        if _code_view(committed) != _code_view(solution_notebook(fresh_source)):
            problems.append(f"{p['solutions']} cells differ from source/")
        unexecuted = [i for i, cell in enumerate(committed.cells)
                      if cell.cell_type == "code" and cell.source.strip() and cell.execution_count is None]
        errors = [i for i, cell in enumerate(committed.cells) if cell.cell_type == "code"
                  and any(o.get("output_type") == "error" for o in cell.get("outputs", []))]
        if unexecuted or errors:
            problems.append(f"{p['solutions']}: unexecuted cells {unexecuted}, cells with errors {errors}")
    if name == DEMO_NAME and root == ROOT and (not DEMO_PATH.exists() or
                              _code_view(nbformat.read(DEMO_PATH, as_version=4)) != _code_view(demo_notebook())):
        problems.append(f"{DEMO_PATH} is not what the build makes")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m autograder.build", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", help="assignments (default: every authored one)")
    parser.add_argument("--check", action="store_true", help="only report drift")
    args = parser.parse_args(argv)
    names = args.names or authored()
    if args.check:
        problems = [problem for name in names for problem in drift(name)]
        print("\n".join(problems) or f"in sync: {', '.join(names)}")
        return 1 if problems else 0
    for name in names:
        timings = build(name)
        print(f"{name}: release {timings['release']:.1f} s, solutions executed in {timings['solutions']:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
