"""The assignments and their tests, found by discovery.

Each assignment is a package ``autograder/assignments/<module>/`` whose ``checks.py`` defines
``ASSIGNMENT``: the tests, their points, which solution cell each belongs to, and which names
the probes read from the student's namespace. The nbgrader test cells of ``source/`` are
generated from the same specs, so points and calls cannot drift apart.
"""

from __future__ import annotations

import ast
import functools
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from autograder.errors import BadInput

HERE = Path(__file__).resolve().parent


def _spec_file(module: str) -> Path:
    return HERE / module / "checks.py"


@functools.cache
def modules() -> dict[str, str]:
    """nbgrader assignment name -> package under autograder.assignments (read from each package's
    ``ASSIGNMENT`` statement, without importing it)."""
    found = {}
    for folder in sorted(p for p in HERE.iterdir() if (p / "checks.py").is_file()):
        node = _assignment_node(folder.name)
        if node.args and isinstance(node.args[0], ast.Constant):
            found[node.args[0].value] = folder.name
    return found


@dataclass(frozen=True)
class TestSpec:
    cell: str                 # grade_id of the solution cell, e.g. "data"
    points: float
    names: tuple[str, ...]    # names the check reads from the student's namespace
    check: Callable           # check(*values) for visible, check(*values, hidden=True) for hidden tests
    solution: str = ""        # the solution cell, where it is not ``cell`` (a test split off another)

    @property
    def id(self) -> str:
        return f"test_{self.cell}"

    @property
    def solution_cell(self) -> str:
        """The solution cell this test checks: where it is placed when its test cell is missing,
        and the exercise that "not filled" messages and ``ilerleme`` name."""
        return self.solution or self.cell

    def cell_source(self, module: str) -> str:
        """The nbgrader test cell: visible call, then the hidden one."""
        args = ", ".join(self.names)
        fn = self.check.__name__
        return (f"from autograder.assignments.{module} import {fn}\n\n"
                f"{fn}({args})\n"
                "### BEGIN HIDDEN TESTS\n"
                f"{fn}({args}, hidden=True)\n"
                "### END HIDDEN TESTS")


@dataclass(frozen=True)
class Assignment:
    name: str
    module: str
    tests: tuple[TestSpec, ...]

    def test(self, test_id: str) -> TestSpec:
        for spec in self.tests:
            if spec.id == test_id:
                return spec
        raise KeyError(test_id)

    @property
    def max_score(self) -> float:
        return float(sum(t.points for t in self.tests))

    def __post_init__(self) -> None:
        from autograder.notebook_hooks import install_name_hints

        owners: dict[str, str] = {}
        for spec in self.tests:  # a name belongs to the first exercise that reads it
            for name in spec.names:
                owners.setdefault(name, spec.solution_cell)
        install_name_hints(owners)


def known() -> list[str]:
    """Assignments whose module exists in this installation."""
    return sorted(modules())


def get(name: str) -> Assignment:
    if name not in known():
        raise BadInput("unknown_assignment", path=name, known=", ".join(known()))
    return importlib.import_module(f"autograder.assignments.{modules()[name]}").ASSIGNMENT


@dataclass(frozen=True)
class LazyCheck:
    """Stands for a check function by name; imports its module (and torch) only when called."""

    module: str
    function: str

    @property
    def __name__(self) -> str:  # as a function's, for the generated nbgrader test cells
        return self.function

    def __call__(self, *args, **kwargs):
        return getattr(importlib.import_module(f"autograder.assignments.{self.module}"), self.function)(*args, **kwargs)


@functools.cache
def outline(name: str) -> Assignment:
    """The assignment's tests, cells and points without importing its checks, so without torch:
    read from the module's ``ASSIGNMENT = Assignment(...)`` statement. The grading host uses this
    (it only starts kernels and reads their results); the kernel imports the real module."""
    if name not in known():
        raise BadInput("unknown_assignment", path=name, known=", ".join(known()))
    module = modules()[name]
    return _literal(_assignment_node(module), module)


def _assignment_node(module: str) -> ast.Call:
    tree = ast.parse(_spec_file(module).read_text(encoding="utf-8"))
    for node in tree.body:
        if (isinstance(node, ast.Assign) and [getattr(t, "id", None) for t in node.targets] == ["ASSIGNMENT"]
                and isinstance(node.value, ast.Call)):
            return node.value
    raise ValueError(f"autograder.assignments.{module} has no ASSIGNMENT = Assignment(...) statement")


def _literal(node: ast.AST, module: str):
    """Evaluate the spec's literal: constants, tuples, Assignment/TestSpec calls, check names."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Tuple):
        return tuple(_literal(item, module) for item in node.elts)
    if isinstance(node, ast.Name):
        return LazyCheck(module, node.id)
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("Assignment", "TestSpec"):
        cls = Assignment if node.func.id == "Assignment" else TestSpec
        return cls(*(_literal(a, module) for a in node.args),
                   **{k.arg: _literal(k.value, module) for k in node.keywords})
    raise ValueError(f"autograder.assignments.{module}: ASSIGNMENT must be written as literals "
                     f"(line {getattr(node, 'lineno', '?')})")
