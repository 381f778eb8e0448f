"""Benchmarks: prints tables of measured times (not a test).

    python bench/run.py                   # everything (takes several minutes on 2 cores)
    python bench/run.py --class-sizes 8   # only the 8-submission class
    python bench/run.py --skip-notebooks  # only class grading

1. Each assignment's reference notebook: plain execution (fresh kernel, every cell) vs
   ``autograder check`` on it (kernel + the assignment's visible and hidden checks).
2. A class of 02_ikili_siniflandirma submissions (half full, a quarter partial, a quarter empty):
   ``autograder grade --jobs 1``, ``--jobs 2`` and sequential ``nbgrader autograde`` (through the
   workbook's sandboxed engine, and through nbgrader's own ``Execute`` for comparison).
3. Per-submission overhead: the host's imports, the sandbox's start, kernel start, ``import torch``
   in the kernel, and a whole ``check`` of the untouched release (the fixed cost of one submission).

Everything runs with the sandbox on (bubblewrap), as grading does.
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from helpers import make_submission, solution_cells  # noqa: E402
from nbgrader_course import Course  # noqa: E402

from autograder.build import authored, execute, tool_env  # noqa: E402

NAME = "02_ikili_siniflandirma"


def timed(fn, *args, **kwargs) -> float:
    start = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - start


def cli(*args: str) -> None:
    env = dict(tool_env(), AUTOGRADER_DEVICE=os.environ.get("AUTOGRADER_DEVICE", "cpu"))
    proc = subprocess.run([sys.executable, "-m", "autograder", *args], capture_output=True, text=True, env=env)
    if proc.returncode not in (0, 1):
        raise RuntimeError(proc.stderr)


def bench_notebooks() -> None:
    print("## Reference notebooks: plain execution vs `autograder check`\n")
    print("| assignment | plain execution (s) | autograder check (s) | overhead ratio |")
    print("|---|---:|---:|---:|")
    for name in authored():
        path = ROOT / "solutions" / name / f"{name}.ipynb"
        plain = timed(execute, nbformat.read(path, as_version=4))
        check = timed(cli, "check", str(path), "--json")
        print(f"| {name} | {plain:.1f} | {check:.1f} | {check / plain:.2f} |", flush=True)
    print()


def make_class(root: Path, size: int) -> Path:
    sub = root / "submitted"
    partial = {k: v for k, v in solution_cells(NAME).items() if k in ("data", "accuracy_fn", "circle_model")}
    for i in range(size):
        kind = ("full", "full", "partial", "empty")[i % 4]
        student = f"ogrenci{i:02d}"
        if kind == "full":
            make_submission(sub / student, NAME)
        else:
            make_submission(sub / student, NAME, partial if kind == "partial" else {}, base="release")
    return sub


def bench_class(size: int) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-class-") as tmp:
        tmp = Path(tmp)
        course = Course(tmp / "course")
        course.add_source(NAME)
        sub = make_class(course.root, size)
        times = {}
        for jobs in (1, 2):
            results = tmp / f"results{jobs}"
            times[f"grade --jobs {jobs}"] = timed(cli, "grade", str(sub), NAME, "--jobs", str(jobs),
                                                  "--results-dir", str(results), "--out", str(tmp / "g.json"))
        times["nbgrader autograde"] = timed(course.nbgrader, "autograde", NAME, "--force")
        execute = Course(tmp / "course_execute", nbgrader_execute=True)
        execute.add_source(NAME)
        shutil.copytree(sub, execute.root / "submitted")
        times["nbgrader autograde (nbgrader's Execute)"] = timed(execute.nbgrader, "autograde", NAME, "--force")
        base = times["grade --jobs 1"]
        print(f"## A class of {size} submissions of {NAME}\n")
        print("| command | time (s) | s / submission | vs grade --jobs 1 | vs nbgrader |")
        print("|---|---:|---:|---:|---:|")
        for label, seconds in times.items():
            print(f"| `{label}` | {seconds:.1f} | {seconds / size:.2f} | {base / seconds:.2f}x | "
                  f"{seconds / times['nbgrader autograde']:.2f} |")
        print(f"\nspeed-up of --jobs 2 over --jobs 1: {base / times['grade --jobs 2']:.2f}x; "
              f"grade --jobs 2 / nbgrader autograde: {times['grade --jobs 2'] / times['nbgrader autograde']:.2f}\n",
              flush=True)


def bench_overhead(repeats: int = 3) -> None:
    """Fixed costs of one submission, best of ``repeats``."""
    from jupyter_client.manager import start_new_kernel

    from autograder import sandbox
    from autograder.session import thread_env

    host = "import autograder.cli, autograder.grading, autograder.session, autograder.suites"
    judgements = "import autograder.assignments.ikili_siniflandirma"
    rows = {"host: python + grader imports (no torch)": [],
            "host: the assignment's judgements (torch; imported while the kernel starts)": [],
            "sandbox: bubblewrap start and exit": [], "kernel start": [],
            "kernel: import torch + sklearn + matplotlib": [],
            "`check` of the untouched release (the whole fixed cost)": []}
    release = ROOT / "release" / NAME / f"{NAME}.ipynb"
    for _ in range(repeats):
        rows["host: python + grader imports (no torch)"].append(
            timed(subprocess.run, [sys.executable, "-c", host], check=True, cwd=ROOT))
        rows["host: the assignment's judgements (torch; imported while the kernel starts)"].append(
            timed(subprocess.run, [sys.executable, "-c", judgements], check=True, cwd=ROOT)
            - rows["host: python + grader imports (no torch)"][-1])
        with tempfile.TemporaryDirectory() as work:
            sandbox.layout(work)
            rows["sandbox: bubblewrap start and exit"].append(
                timed(subprocess.run, sandbox.command(["true"], work, {}), check=True))
        t0 = time.perf_counter()
        km, kc = start_new_kernel(kernel_name="python3", env={**os.environ, **thread_env()})
        rows["kernel start"].append(time.perf_counter() - t0)
        rows["kernel: import torch + sklearn + matplotlib"].append(
            timed(kc.execute_interactive, "import torch, sklearn.datasets, matplotlib.pyplot", timeout=120))
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        rows["`check` of the untouched release (the whole fixed cost)"].append(
            timed(cli, "check", str(release), "--json"))
    print(f"## Per-submission overhead (best of {repeats})\n")
    print("| step | seconds |")
    print("|---|---:|")
    for label, values in rows.items():
        print(f"| {label} | {min(values):.2f} |")
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--class-sizes", type=int, nargs="*", default=[8, 32])
    parser.add_argument("--skip-notebooks", action="store_true")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, python {sys.version.split()[0]}\n")
    bench_overhead()
    if not args.skip_notebooks:
        bench_notebooks()
    for size in args.class_sizes:
        bench_class(size)
    shutil.rmtree(ROOT / "bench" / "__pycache__", ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
