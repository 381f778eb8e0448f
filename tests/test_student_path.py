"""What a student sees in the notebook before the grader is involved: Turkish from the first
click (stubs and early checks show one Turkish line, no English traceback), a visible pass line,
``ipucu(...)`` hints that grow stronger and never give the solution, and ``autograder ilerleme``.
"""

from __future__ import annotations

import importlib
import json
import re
import traceback

import nbformat
import pytest
from helpers import ROOT, notebook, run_cli
from nbclient import NotebookClient

from autograder import assignments, exercises, notebook_hooks
from autograder.authoring import build_source, hidden_and_solution_lines, parse
from autograder.build import authored, tool_env
from autograder.session import thread_env

NAMES = authored()
STUB = re.compile(r'raise NotImplementedError\("Alıştırma (\d+) \((\w+)\) henüz çözülmedi: bu satırı silip '
                  r'kodunuzu yazın\."\)')
ENGLISH = ("Traceback", "Error", "Cell In[", "most recent call")


def _run_untouched(name: str, workdir) -> nbformat.NotebookNode:
    """The release notebook as a student's JupyterLab runs it: every cell, errors allowed (in a
    temporary folder: what the cells write stays out of the repository)."""
    nb = nbformat.read(notebook("release", name), as_version=4)
    env = {**tool_env(), **thread_env(), "MPLBACKEND": "Agg"}
    client = NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                            resources={"metadata": {"path": str(workdir)}})
    client.km = client.create_kernel_manager()
    with client.setup_kernel(env=env):
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
    return nb


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_untouched_release_shows_turkish_only(name, tmp_path):
    nb = _run_untouched(name, tmp_path)
    errors = [(cell.id, out) for cell in nb.cells if cell.cell_type == "code"
              for out in cell.outputs if out.output_type == "error"]
    stubs = [cell.id for cell in nb.cells if STUB.search(cell.source)]
    assert stubs and errors
    for cell_id, out in errors:
        shown = "\n".join(out.traceback)
        assert len(out.traceback) == 1 and shown.startswith("✗ "), (cell_id, shown)
        prose = re.sub(r"`[^`]*`", "", shown)  # code in backticks may be English
        assert not any(word in prose for word in ENGLISH), (cell_id, shown)
    assert any(out.ename == "NotImplementedError" for _, out in errors)
    streams = [out.text for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs
               if out.output_type == "stream"]
    assert not [text for text in streams if "Traceback" in text or "Error:" in text]  # e.g. a script run by `!`


@pytest.mark.parametrize("name", NAMES)
def test_every_stub_names_its_exercise(name):
    nb = nbformat.read(notebook("release", name), as_version=4)
    numbers = exercises.numbers(nb.cells)
    solution_ids = [c.id for c in nb.cells if (c.metadata.get("nbgrader") or {}).get("solution")]
    named = {m.group(2): m.group(1) for c in nb.cells for m in STUB.finditer(c.source)}
    assert set(named) == set(solution_ids)
    assert named == {cell: numbers[cell] for cell in solution_ids}


def test_hooks_keep_other_errors_english():
    """Only the stub raised by a notebook cell and the names an exercise defines get the Turkish line."""
    def library():
        raise NotImplementedError("a library's own reason")

    try:
        library()
    except NotImplementedError as exc:
        tb = exc.__traceback__
        assert notebook_hooks.turkish_line(exc, tb, cell_files=set()) is None
        cell = traceback.extract_tb(tb)[-1].filename
        assert notebook_hooks.turkish_line(exc, tb, cell_files={cell}) == "a library's own reason"
    importlib.import_module("autograder.assignments.ikili_siniflandirma")
    assert "`X_train` tanımlı değil" in notebook_hooks.turkish_line(NameError("x", name="X_train"), None, set())
    assert notebook_hooks.turkish_line(NameError("x", name="my_own_name"), None, set()) is None
    try:
        my_own_name  # noqa: B018, F821
    except NameError as exc:
        cell = traceback.extract_tb(exc.__traceback__)[-1]
        line = notebook_hooks.turkish_line(exc, exc.__traceback__, cell_files={cell.filename})
        assert line.startswith(f"`my_own_name` tanımlı değil (bu hücrenin {cell.lineno}. satırında)")


def test_pass_prints_one_line_to_stdout_and_returns_nothing(capsys):
    from autograder.assignments.ikili_siniflandirma import check_accuracy_fn

    def accuracy_fn(y_true, y_pred):
        return (y_true == y_pred).sum().item() / len(y_pred) * 100

    assert check_accuracy_fn(accuracy_fn) is None
    out, err = capsys.readouterr()
    assert out == "✓ accuracy_fn geçti: 1 puan (notlandırmada gizli testlerle de denenecek).\n" and err == ""
    with pytest.raises(AssertionError):
        check_accuracy_fn(lambda y_true, y_pred: (y_true == y_pred).float().mean().item())
    assert "✓" not in capsys.readouterr().out


@pytest.mark.parametrize("name", NAMES)
def test_hints_cover_every_exercise_and_never_give_the_solution(name):
    package = assignments.modules()[name]
    hints = importlib.import_module(f"autograder.assignments.{package}.hints").HINTS
    cells = [arg for kind, arg, _ in parse((ROOT / "authoring" / f"{name}.nbsrc").read_text(encoding="utf-8"))
             if kind == "solution"]
    assert list(hints) == cells
    solution = [line for line in hidden_and_solution_lines(build_source(ROOT / "authoring" / f"{name}.nbsrc", name))
                if len(line) > 16 or " = " in line]
    for cell, levels in hints.items():
        assert len(levels) >= 2
        for hint in levels:
            assert set(hint) == {"tr", "en"} and "{" not in hint["tr"]
            for line in solution:
                assert line not in hint["tr"] and line not in hint["en"], (cell, line)


def test_ipucu_grows_stronger_then_stops(capsys):
    from autograder.assignments.ikili_siniflandirma import ipucu
    from autograder.assignments.ikili_siniflandirma.hints import HINTS

    shown = []
    for _ in range(len(HINTS["moons"]) + 1):
        ipucu("moons")
        shown.append(capsys.readouterr().out)
    levels = len(HINTS["moons"])
    for level in range(levels):
        assert shown[level].startswith(f"💡 İpucu {level + 1}/{levels} · moons: {HINTS['moons'][level]['tr']}")
    assert "son ipucuydu" in shown[-1] and shown[-1] == shown[-2]
    ipucu("ay")
    assert "`ay` adında bir alıştırma yok" in capsys.readouterr().out
    ipucu()
    assert 'ipucu("data")' in capsys.readouterr().out


@pytest.mark.slow
def test_ilerleme_table_and_json(tmp_path):
    folder = tmp_path / "calismalarim"
    for kind, name in (("release", "00_tensorler"), ("solutions", "01_is_akisi")):
        target = folder / name / f"{name}.ipynb"
        target.parent.mkdir(parents=True)
        target.write_bytes(notebook(kind, name).read_bytes())
    (folder / "notlar.ipynb").write_text("{}", encoding="utf-8")
    proc = run_cli("ilerleme", str(folder), "--json")
    assert proc.returncode == 0, proc.stderr
    rows = {r["assignment"]: r for r in json.loads(proc.stdout)["notebooks"]}
    assert rows["01_is_akisi"]["score"] == rows["01_is_akisi"]["max_score"] == 14 and rows["01_is_akisi"]["next"] is None
    assert rows["00_tensorler"]["score"] == 0
    assert rows["00_tensorler"]["next"] == {"test": "test_creating_tensors", "cell": "creating_tensors", "exercise": "1"}
    assert "atlandı" in proc.stderr and "notlar.ipynb" in proc.stderr
    text = run_cli("ilerleme", str(folder)).stdout
    assert re.search(r"00_tensorler\s+0 / 22\s+░{20}\s+0%\s+Alıştırma 1 \(creating_tensors\)", text), text
    assert re.search(r"01_is_akisi\s+14 / 14\s+█{20} 100%\s+tamamlandı ✓", text), text
    assert "Toplam: 14 / 36 puan, 1 / 2 ödev tamamlandı." in text


def test_ilerleme_bad_folder_is_turkish(tmp_path):
    proc = run_cli("ilerleme", str(tmp_path / "yok"))
    assert proc.returncode == 2 and "bir klasör değil" in proc.stderr
    proc = run_cli("ilerleme", str(tmp_path))
    assert proc.returncode == 2 and "hiçbir not defteri yok" in proc.stderr
