"""Shared helpers for the project's tests: build submissions, run the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent


def notebook(kind: str, name: str) -> Path:
    """``kind`` is source, release or solutions."""
    return ROOT / kind / name / f"{name}.ipynb"


def solution_cells(name: str) -> dict[str, str]:
    """grade_id -> solution code, from the executed solutions notebook."""
    nb = nbformat.read(notebook("solutions", name), as_version=4)
    return {c.metadata["nbgrader"]["grade_id"]: c.source for c in nb.cells
            if c.metadata.get("nbgrader", {}).get("solution")}


def make_submission(tmp_path: Path, name: str, changes: dict[str, str] | None = None, *,
                    base: str = "solution", folder: str | None = None) -> Path:
    """A student notebook: the release with every solution cell filled from the solutions
    (``base="solution"``) or left as the stub (``base="release"``), then ``changes``
    (grade_id -> code) applied. Written to ``tmp_path/<folder or name>/<name>.ipynb``."""
    nb = nbformat.read(notebook("release", name), as_version=4)
    filled = solution_cells(name) if base == "solution" else {}
    filled.update(changes or {})
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in filled:
            cell.source = filled[gid]
    out = tmp_path / (folder or name) / f"{name}.ipynb"
    out.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, out)
    return out


def solution_namespace(name: str, *, until: str | None = None, also: tuple[str, ...] = ()) -> dict:
    """Run the solutions notebook's code cells in this process (test cells left out, plots off,
    prints swallowed) and return the namespace: the reference objects for in-process tests.
    With ``until``, stop before the first code cell containing that text, then run the cells
    whose id is in ``also``."""
    import contextlib
    import io

    import matplotlib

    from autograder.notebook_io import is_test_cell

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    nb = nbformat.read(notebook("solutions", name), as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code" and not is_test_cell(c)]
    if until is not None:
        stop = next(i for i, c in enumerate(code) if until in c.source)
        code = code[:stop] + [c for c in code[stop:] if c.id in also]
    namespace: dict = {"__name__": "__main__"}
    show, plt.show = plt.show, (lambda *a, **k: plt.close("all"))
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            for cell in code:
                exec(compile(cell.source, f"<{name}:{cell.id}>", "exec"), namespace)
    finally:
        plt.show = show
        plt.close("all")
    return namespace


def run_cli(*args: str, timeout: float = 600, extra_env: dict | None = None,
            cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, AUTOGRADER_DEVICE="cpu", PYTHONPATH=str(ROOT), **(extra_env or {}))
    env.pop("AUTOGRADER_LANG", None)
    return subprocess.run([sys.executable, "-m", "autograder", *args], capture_output=True, text=True,
                          timeout=timeout, env=env, cwd=cwd)


def check_json(path: Path, *extra: str) -> tuple[int, dict]:
    proc = run_cli("check", str(path), "--json", *extra)
    assert proc.stdout.strip(), proc.stderr
    return proc.returncode, json.loads(proc.stdout)


def by_id(result: dict) -> dict[str, dict]:
    return {t["id"]: t for t in result["tests"]}


def assert_solution_scores_full(name: str, max_score: float, ids: list[str] | None = None) -> dict:
    """``check --json`` on the worked notebook: exit 0, every test passed, in the order of ``ids``
    (default: the assignment's specs)."""
    from autograder import assignments

    code, result = check_json(notebook("solutions", name))
    assert code == 0, [t for t in result["tests"] if not t["passed"]]
    assert result["assignment"] == name and result["device"] == "cpu"
    assert [t["id"] for t in result["tests"]] == (ids or [t.id for t in assignments.outline(name).tests])
    assert result["score"] == result["max_score"] == max_score
    assert all(t["passed"] and t["points"] == t["max_points"] for t in result["tests"])
    return result


def assert_release_scores_zero(name: str, max_score: float) -> None:
    """``check --json`` on the untouched release: exit 1, 0 of ``max_score``, every cell not filled in."""
    code, result = check_json(notebook("release", name))
    assert code == 1
    assert result["max_score"] == max_score
    assert_all_not_filled(result)


def assert_all_not_filled(result: dict) -> None:
    """The untouched release: every test fails, scores 0 and says the cell is not filled in yet."""
    assert result["score"] == 0
    for test in result["tests"]:
        assert not test["passed"] and test["points"] == 0, test
        assert "bu hücreyi henüz doldurmadınız" in test["message"].lower(), test


def assert_fails_exactly(result: dict, expected: dict[str, str]) -> None:
    """Exactly the tests in ``expected`` fail, each message contains its phrase, and the score is the
    maximum less their points."""
    tests = by_id(result)
    failed = {tid for tid, t in tests.items() if not t["passed"]}
    assert failed == set(expected), {tid: tests[tid]["message"] for tid in failed}
    for tid, text in expected.items():
        assert text in tests[tid]["message"], tests[tid]["message"]
        assert tests[tid]["points"] == 0, tests[tid]
    assert result["score"] == result["max_score"] - sum(tests[tid]["max_points"] for tid in expected)


def both(check, *args) -> None:
    """The visible and the hidden call, as the nbgrader test cell makes them; both must pass."""
    check(*args)
    check(*args, hidden=True)


def expect_failure(check, *args, key: str, hint: str | None = None, **kwargs) -> str:
    """Call a check in-process and assert it fails with the catalogue key (and hint key);
    return the Turkish message."""
    from autograder.errors import CheckFailure

    try:
        check(*args, **kwargs)
    except CheckFailure as exc:
        assert exc.key == key, f"expected {key}, got {exc.key}: {exc.message()}"
        if hint:
            assert exc.hint == hint, f"expected hint {hint}, got {exc.hint}: {exc.message()}"
        return exc.message("tr")
    raise AssertionError(f"{check.__name__} passed, expected failure {key}")


def recording_oracle(check, values):
    """The honest local oracle of ``check`` (its package's probes on ``values``, in the spec's name
    order), keeping every query the judgement sends in ``.queries``."""
    import sys

    from autograder.oracle import LocalOracle

    module = sys.modules[check.__module__]
    names = module.ASSIGNMENT.test(f"test_{check.cell}").names

    class Recording(LocalOracle):
        def _answer(self, probe, query):
            self.queries.append(query)
            return super()._answer(probe, query)

    oracle = Recording(module.ASSIGNMENT.module, check.cell, dict(zip(names, values)))
    oracle.queries = []
    return oracle


def query_leaves(value) -> list:
    """Every leaf of a query (dict values and list items, recursively)."""
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        return [leaf for item in value for leaf in query_leaves(item)]
    return [value]


def sends_any_image(queries, images, size: int = 28) -> bool:
    """Whether a query holds one of ``images`` (``[N, ..., size, size]``), to within 1e-3 in every pixel."""
    import torch

    flat = images.reshape(len(images), -1)
    for query in queries:
        for leaf in query_leaves(query):
            if isinstance(leaf, torch.Tensor) and leaf.dim() >= 2 and tuple(leaf.shape[-2:]) == (size, size):
                sent = leaf.reshape(-1, flat.shape[1]).float() if leaf.numel() % flat.shape[1] == 0 else None
                if sent is not None and bool(((sent.unsqueeze(1) - flat.unsqueeze(0)).abs().amax(dim=2) < 1e-3).any()):
                    return True
    return False


def cell_code(text: str, **values) -> str:
    """Cell source written indented in a test: dedented, ``@@NAME@@`` replaced by ``repr(value)``."""
    import textwrap

    text = textwrap.dedent(text).strip("\n")
    for key, value in values.items():
        text = text.replace(f"@@{key}@@", repr(value))
    return text


# An attack used on check/grade and on nbgrader: replace every check_* the notebook could call.
REPLACE_CHECKS = cell_code("""
    import autograder.assignments.ikili_siniflandirma as _paket
    import autograder.assignments.ikili_siniflandirma.checks as _kontroller
    for _ad in list(vars(_kontroller)):
        if _ad.startswith("check_"):
            setattr(_paket, _ad, lambda *a, **k: None)
            setattr(_kontroller, _ad, lambda *a, **k: None)
            globals()[_ad] = lambda *a, **k: None
    X_train = X_test = y_train = y_test = 0
    """)
