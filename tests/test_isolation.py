"""Isolation: a hostile notebook reaches nothing but its own grade.

``autograder grade`` with honest classmates (the full solution, the untouched release, the demo's
student) beside notebooks that kill or stop what they can see, overwrite a classmate's notebook,
rewrite the results and ``--out`` from a background process, leave a ``setsid`` child behind, lie
about their assignment, point a symbolic link at a classmate, are a 64 GiB sparse file, or hunt for
the instructor's secret. The real ``nbgrader autograde`` with notebooks that replace the ``check_*``
functions, blank the test cells, or edit ``gradebook.db`` from a background process. Absolute
paths of the course are written into the hostile notebooks: the sandbox must hide them.
"""

from __future__ import annotations

import csv
import glob
import hashlib
import io
import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from helpers import REPLACE_CHECKS, ROOT, by_id, cell_code, make_submission, notebook, run_cli, solution_cells
from nbgrader_course import Course

from autograder.assignments import outline

NAME = "02_ikili_siniflandirma"
SOL = solution_cells(NAME)
DATA, ACC = SOL["data"], SOL["accuracy_fn"]
NOT_FILLED = "henüz doldurmadınız"
TEST_IDS = tuple(spec.id for spec in outline(NAME).tests)   # test_data and test_accuracy_fn first
MAX = 13
CELL_TIMEOUT = "20"
LATE = 25  # seconds the background processes sleep before their last attempt
SLEEPERS = ("987654", "987655")  # arguments of the setsid children, looked for with pgrep afterwards




def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- the hostile cells ------------------------------------------------------------------------------------

KILL_PARENT = DATA + "\n" + cell_code("""
    import os
    import signal
    for _hedef in (lambda: os.kill(os.getppid(), signal.SIGKILL), lambda: os.kill(-1, signal.SIGKILL),
                   lambda: os.killpg(0, signal.SIGKILL)):
        try:
            _hedef()
        except OSError:
            pass
    """)

STOP_EVERYTHING = cell_code("""
    import os
    import signal
    for _pid in os.listdir("/proc"):
        if _pid.isdigit() and int(_pid) != os.getpid():
            try:
                os.kill(int(_pid), signal.SIGSTOP)
            except OSError:
                pass
    try:
        os.kill(-1, signal.SIGSTOP)
    except OSError:
        pass
    os.kill(os.getpid(), signal.SIGSTOP)
    """)

OVERWRITE_CLASSMATES = DATA + "\n" + cell_code("""
    import glob
    import os
    _hedefler = set(@@PATHS@@)
    for _cmdline in glob.glob("/proc/*/cmdline"):
        try:
            _parcalar = open(_cmdline, "rb").read().split(b"\\0")
        except OSError:
            continue
        _hedefler.update(p.decode(errors="ignore") for p in _parcalar if b"submitted" in p)
    for _yol in sorted(_hedefler):
        for _kok, _, _dosyalar in os.walk(os.path.dirname(os.path.dirname(os.path.dirname(_yol)))):
            _hedefler.update(os.path.join(_kok, d) for d in _dosyalar if d.endswith(".ipynb"))
    for _yol in sorted(_hedefler):
        try:
            with open(_yol, "w") as _f:
                _f.write("{}")
        except OSError:
            pass
    """)

BACKGROUND_WRITER = DATA + "\n" + cell_code("""
    import os
    import time
    _HEDEFLER = @@PATHS@@

    def _yaz():
        for _yol in _HEDEFLER:
            try:
                if os.path.isdir(_yol):
                    for _ad in os.listdir(_yol):
                        with open(os.path.join(_yol, _ad), "w") as _f:
                            _f.write('{"hacked": true}')
                    with open(os.path.join(_yol, "sahte.json"), "w") as _f:
                        _f.write('{"hacked": true}')
                else:
                    with open(_yol, "w") as _f:
                        _f.write('{"hacked": true}')
            except OSError:
                pass

    for _uyku in (0, 3, @@LATE@@):
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                time.sleep(_uyku)
                _yaz()
                os._exit(0)
            os._exit(0)
        os.wait()
    """)

SETSID_CHILD = DATA + "\n" + cell_code("""
    import os
    import subprocess
    subprocess.Popen(["setsid", "sleep", @@FIRST@@], start_new_session=True)
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            os.execvp("sleep", ["sleep", @@SECOND@@])
        os._exit(0)
    os.wait()
    """, FIRST=SLEEPERS[0], SECOND=SLEEPERS[1])

# Defines the data correctly only if it found the instructor's secret: its data test proves it did not.
SECRET_HUNTER = cell_code("""
    import glob
    import os

    def _sir_bul():
        if os.environ.get("AUTOGRADER_SECRET"):
            return True
        for _yol in @@FILES@@ + glob.glob("/proc/*/environ"):
            try:
                with open(_yol, "rb") as _f:
                    _icerik = _f.read()
            except OSError:
                continue
            if _icerik.strip() and (not _yol.endswith("environ") or b"AUTOGRADER_SECRET" in _icerik):
                return True
        return False

    SIR_BULUNDU = _sir_bul()
    X, y = make_circles(n_samples=1000, noise=0.03, random_state=42)
    X, y = torch.from_numpy(X), torch.from_numpy(y)
    if SIR_BULUNDU:
        X, y = X.type(torch.float), y.type(torch.float)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
    """)

# The kernel finds its session folder on the host (next to its working directory, and in the
# connection file's path on its own command line) and tries to replace a folder the host writes in
# with a link to a host folder.
SHARED_FOLDER_LINK = cell_code("""
    import os
    import shutil

    def _paylasilan_yollar(ad):
        yollar = {os.path.join(os.getcwd(), ad), os.path.join(os.path.dirname(os.getcwd()), ad)}
        for _parca in open("/proc/self/cmdline", "rb").read().split(b"\\0"):
            if _parca.endswith(b"connection.json"):
                yollar.add(os.path.join(os.path.dirname(os.path.dirname(_parca.decode())), ad))
        return sorted(yollar)

    for _yol in _paylasilan_yollar(@@NAME@@):
        for _dene in (lambda: shutil.rmtree(_yol), lambda: os.rename(_yol, _yol + ".eski"),
                      lambda: os.symlink(@@TARGET@@, _yol)):
            try:
                _dene()
            except OSError:
                pass
    """)
EXCHANGE_LINK = SHARED_FOLDER_LINK.replace("@@NAME@@", repr(".autograder"))
IPC_LINK = SHARED_FOLDER_LINK.replace("@@NAME@@", repr(".ipc")) + "\nos._exit(1)"

BLANK_TEST_CELLS = cell_code("""
    def _testleri_sil(lines):
        return [] if any("check_" in line or "autograder" in line for line in lines) else lines
    get_ipython().input_transformers_post.append(_testleri_sil)
    """)

GRADEBOOK_WRITER = cell_code("""
    import os
    import sqlite3
    import time
    _DB = @@DB@@

    def _saldir():
        try:
            _con = sqlite3.connect(_DB, timeout=2)
            _con.execute("UPDATE grade SET manual_score = 99, extra_credit = 99")
            _con.commit()
        except Exception:
            pass
        try:
            with open(_DB, "r+b") as _f:
                _f.write(b"bozuk" * 1000)
        except OSError:
            pass

    for _uyku in (0, 2, @@LATE@@):
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                time.sleep(_uyku)
                _saldir()
                os._exit(0)
            os._exit(0)
        os.wait()
    """)


# --- autograder grade --------------------------------------------------------------------------------------

# student -> (score, {failed test: phrase}); tests not listed pass
EXPECTED = {
    "cozum": (MAX, {}),
    "bos": (0, {t: NOT_FILLED for t in TEST_IDS}),
    "ayse": (10, {"test_accuracy_fn": "100 ile çarpmayı", "test_moons": NOT_FILLED}),
    "ebeveyni_oldur": (1, {"test_data": "çöktü", **{t: NOT_FILLED for t in TEST_IDS[2:]}}),
    "hepsini_durdur": (1, {"test_data": "zaman aşımına uğradı", **{t: NOT_FILLED for t in TEST_IDS[2:]}}),
    "arkadasini_ez": (2, {t: NOT_FILLED for t in TEST_IDS[1:]}),
    "arka_planda_yaz": (2, {t: NOT_FILLED for t in TEST_IDS[1:]}),
    "setsid_cocuk": (2, {t: NOT_FILLED for t in TEST_IDS[1:]}),
    "sir_avcisi": (0, {"test_data": "float64", **{t: NOT_FILLED for t in TEST_IDS[1:]}}),
    "yanlis_odev": (0, {t: "klasör belirleyicidir" for t in TEST_IDS}),
    "sembolik_bag": (0, {t: "sembolik bağlantı" for t in TEST_IDS}),
    "seyrek_dev": (0, {t: "çok büyük" for t in TEST_IDS}),
    # The link is refused (the shared folders are mount points), the oracle answers as usual.
    "degisim_klasoru_bagi": (0, {"test_data": "tanımlı değil", **{t: NOT_FILLED for t in TEST_IDS[1:]}}),
    "ipc_klasoru_bagi": (1, {"test_data": "çöktü", **{t: NOT_FILLED for t in TEST_IDS[2:]}}),
}
HONEST = ("cozum", "bos", "ayse")


def _claim_assignment(path: Path, claimed: str) -> None:
    nb = nbformat.read(path, as_version=4)
    nb.metadata.setdefault("autograder", {})["assignment"] = claimed
    nbformat.write(nb, path)


@pytest.fixture(scope="module")
def klass(tmp_path_factory):
    """One class graded with ``--jobs 2``; everything the tests look at afterwards."""
    root = tmp_path_factory.mktemp("izolasyon")
    sub, results, out, feedback = root / "submitted", root / "results", root / "grades.json", root / "feedback"
    target, ipc_target = root / "hedef", root / "ipc_hedef"
    target.mkdir()
    ipc_target.mkdir()
    paths = {"cozum": make_submission(sub / "cozum", NAME), "bos": make_submission(sub / "bos", NAME, base="release")}
    paths["ayse"] = sub / "ayse" / NAME / f"{NAME}.ipynb"
    paths["ayse"].parent.mkdir(parents=True)
    shutil.copy(ROOT / "demo" / "ogrenci_ayse" / NAME / f"{NAME}.ipynb", paths["ayse"])
    honest_files = [str(paths[s].resolve()) for s in HONEST]
    cells = {
        "ebeveyni_oldur": {"data": KILL_PARENT, "accuracy_fn": ACC},
        "hepsini_durdur": {"data": STOP_EVERYTHING, "accuracy_fn": ACC},
        "arkadasini_ez": {"data": OVERWRITE_CLASSMATES.replace("@@PATHS@@", repr(honest_files))},
        "arka_planda_yaz": {"data": BACKGROUND_WRITER.replace("@@PATHS@@", repr(
            [str(results), str(out), str(feedback), *honest_files])).replace("@@LATE@@", str(LATE))},
        "setsid_cocuk": {"data": SETSID_CHILD},
        "sir_avcisi": {"data": SECRET_HUNTER.replace("@@FILES@@", repr(
            [str(ROOT / ".autograder_secret"), str(Path.home() / ".autograder_secret")]))},
        "degisim_klasoru_bagi": {"data": EXCHANGE_LINK.replace("@@TARGET@@", repr(str(target)))},
        "ipc_klasoru_bagi": {"data": IPC_LINK.replace("@@TARGET@@", repr(str(ipc_target))), "accuracy_fn": ACC},
    }
    for student, changes in cells.items():
        paths[student] = make_submission(sub / student, NAME, changes, base="release")
    paths["yanlis_odev"] = make_submission(sub / "yanlis_odev", NAME)
    _claim_assignment(paths["yanlis_odev"], "03_cok_sinifli_siniflandirma")
    link = sub / "sembolik_bag" / NAME / f"{NAME}.ipynb"
    link.parent.mkdir(parents=True)
    link.symlink_to(paths["cozum"].resolve())
    sparse = sub / "seyrek_dev" / NAME / f"{NAME}.ipynb"
    sparse.parent.mkdir(parents=True)
    with open(sparse, "wb") as f:
        f.truncate(64 * 2**30)
    before = {s: sha(paths[s]) for s in HONEST}
    ipc_mode = ipc_target.stat().st_mode

    start = time.monotonic()
    proc = run_cli("grade", str(sub), NAME, "--jobs", "2", "--cell-timeout", CELL_TIMEOUT, "--out", str(out),
                   "--results-dir", str(results), "--feedback-dir", str(feedback), timeout=3600)
    assert proc.returncode == 0, proc.stderr
    sleepers = subprocess.run(["pgrep", "-af", "|".join(SLEEPERS)], capture_output=True, text=True).stdout
    after_grade = {"results": snapshot(results), "out": out.read_bytes(), "feedback": snapshot(feedback)}
    time.sleep(max(0.0, start + LATE + 10 - time.monotonic()))  # the background processes' last attempt
    return {
        "root": root, "sub": sub, "paths": paths, "before": before, "proc": proc, "results": results,
        "out": out, "feedback": feedback, "after_grade": after_grade, "sleepers": sleepers,
        "target": target, "ipc_target": ipc_target, "ipc_mode": ipc_mode,
        "students": {s["student"]: s for s in json.loads(out.read_text(encoding="utf-8"))["students"]},
    }


def assert_grade(result: dict, score: float, failures: dict[str, str], name: str) -> None:
    tests = by_id(result)
    failed = {tid for tid, t in tests.items() if not t["passed"]}
    detail = (name, {tid: tests[tid]["message"][:200] for tid in failed})
    assert failed == set(failures), detail
    assert result["score"] == score, detail
    for test_id, phrase in failures.items():
        assert phrase in tests[test_id]["message"], (name, test_id, tests[test_id]["message"])
    assert all("Traceback" not in t["message"] for t in result["tests"]), detail


def test_expected_grades_fit_the_assignment():
    assert TEST_IDS[:2] == ("test_data", "test_accuracy_fn") and outline(NAME).max_score == MAX


@pytest.mark.parametrize("student", list(EXPECTED))
def test_exact_grade(klass, student):
    score, failures = EXPECTED[student]
    assert_grade(klass["students"][student], score, failures, student)


def test_no_traceback_and_every_student_listed(klass):
    assert "Traceback" not in klass["proc"].stderr + klass["proc"].stdout
    assert set(klass["students"]) == set(EXPECTED)


def test_classmates_notebooks_are_untouched(klass):
    assert {s: sha(klass["paths"][s]) for s in HONEST} == klass["before"]


def test_results_and_out_are_not_rewritten_later(klass):
    """A double-forked process sleeping past the end of grading finds nothing to write to."""
    now = {"results": snapshot(klass["results"]), "out": klass["out"].read_bytes(),
           "feedback": snapshot(klass["feedback"])}
    assert now == klass["after_grade"]
    assert sorted(now["results"]) == sorted(f"{s}.json" for s in klass["students"])
    everything = b"".join([now["out"], *now["results"].values(), *now["feedback"].values()])
    assert b"hacked" not in everything
    for student, result in klass["students"].items():
        cached = json.loads(now["results"][f"{student}.json"])["result"]
        assert cached["score"] == result["score"]


def test_no_process_outlives_its_sandbox(klass):
    assert klass["sleepers"] == ""
    assert subprocess.run(["pgrep", "-f", "|".join(SLEEPERS)], capture_output=True).returncode == 1


def test_rerun_serves_no_crash_and_csv_still_works(klass):
    """Nobody crashed the grader: every result was cached and a rerun in CSV serves the same grades."""
    for student in klass["students"]:
        cached = json.loads((klass["results"] / f"{student}.json").read_text(encoding="utf-8"))["result"]
        assert not cached.get("crashed"), student
    proc = run_cli("grade", str(klass["sub"]), NAME, "--jobs", "2", "--format", "csv", "--cell-timeout",
                   CELL_TIMEOUT, "--results-dir", str(klass["results"]), "--feedback-dir",
                   str(klass["root"] / "feedback_csv"), timeout=1200)
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert {r["student"]: float(r["score"]) for r in rows} == {s: float(r["score"]) for s, r in
                                                               klass["students"].items()}
    assert list(rows[0]) == ["student", "score", "max_score", *TEST_IDS]
    assert f"{len(klass['students'])} teslim değişmediği için" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_exchange_folder_link_writes_nothing_on_the_host(klass):
    """The host writes its questions into the session's `.autograder` folder, never through a link."""
    assert list(klass["target"].iterdir()) == []


def test_ipc_folder_link_changes_nothing_on_the_host(klass):
    """A restart writes the connection file into the session's `.ipc` folder, never through a link."""
    assert klass["ipc_target"].stat().st_mode == klass["ipc_mode"]
    assert list(klass["ipc_target"].iterdir()) == []


# --- the instructor's secret -------------------------------------------------------------------------------

def test_secret_hunter_would_find_a_reachable_secret(tmp_path, monkeypatch):
    """The hunter is not blind: run on the host, outside the sandbox, it finds both kinds of secret."""
    import torch
    from sklearn.datasets import make_circles
    from sklearn.model_selection import train_test_split

    secret_file = tmp_path / ".autograder_secret"
    secret_file.write_text("gizli\n", encoding="utf-8")
    for env, files in (({"AUTOGRADER_SECRET": "gizli"}, []), ({}, [str(secret_file)])):
        monkeypatch.delenv("AUTOGRADER_SECRET", raising=False)
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        namespace = {"torch": torch, "make_circles": make_circles, "train_test_split": train_test_split}
        exec(SECRET_HUNTER.replace("@@FILES@@", repr(files)), namespace)
        assert namespace["SIR_BULUNDU"] and namespace["X_train"].dtype == torch.float32


def test_secret_file_in_the_graders_folder_stays_hidden(klass, tmp_path):
    """``.autograder_secret`` in the grader's working folder (no variable): the kernel cannot read it,
    the grader uses it (no notice), and the solution scores full marks under this second secret too."""
    from autograder import secret
    from autograder.assignments.ikili_siniflandirma.checks import SEEDS

    course = tmp_path / "kurs"
    course.mkdir()
    (course / ".autograder_secret").write_text("ikinci-bir-gizli-anahtar\n", encoding="utf-8")
    hunter = make_submission(tmp_path / "avci", NAME, {"data": SECRET_HUNTER.replace("@@FILES@@", repr(
        [str(course / ".autograder_secret"), str(ROOT / ".autograder_secret")]))}, base="release")
    env = dict(os.environ, AUTOGRADER_DEVICE="cpu", PYTHONPATH=str(ROOT))  # as run_cli, without the variable
    for key in ("AUTOGRADER_LANG", "AUTOGRADER_SECRET"):
        env.pop(key, None)
    procs = [subprocess.Popen([sys.executable, "-m", "autograder", "check", str(path), "--json"], cwd=course,
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for path in (hunter, klass["paths"]["cozum"])]
    (hunter_out, hunter_err), (solution_out, solution_err) = (p.communicate(timeout=1800) for p in procs)
    for err in (hunter_err, solution_err):
        assert "Eğitmen anahtarı yok" not in err and "Traceback" not in err, err
    assert_grade(json.loads(hunter_out), 0, {"test_data": "float64", **{t: NOT_FILLED for t in TEST_IDS[1:]}},
                 "avci")
    assert_grade(json.loads(solution_out), MAX, {}, "cozum")
    # Two secrets, two sets of hidden data: and the solution scored 13 under both (here and in `klass`).
    seeds = []
    for key in (b"pytorch-egitimi-test-secret", b"ikinci-bir-gizli-anahtar"):
        secret.use(key)
        seeds.append(SEEDS[True])
    secret.use(None)
    assert seeds[0] != seeds[1] and klass["students"]["cozum"]["score"] == MAX


# --- nbgrader autograde ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def course(tmp_path_factory):
    root = tmp_path_factory.mktemp("kurs")
    course = Course(root)
    course.add_source(NAME)
    work = tmp_path_factory.mktemp("nbgrader_subs")
    db = root / "gradebook.db"
    notebooks = {
        "cozum": make_submission(work / "cozum", NAME),
        "bos": make_submission(work / "bos", NAME, base="release"),
        "kontrolleri_degistir": make_submission(work / "k", NAME, {"data": REPLACE_CHECKS}, base="release"),
        "testleri_sil": make_submission(work / "t", NAME, {"data": BLANK_TEST_CELLS}, base="release"),
        "aa_gradebook": make_submission(work / "g", NAME, {"data": GRADEBOOK_WRITER.replace(
            "@@DB@@", repr(str(db))).replace("@@LATE@@", str(LATE))}, base="release"),
    }
    for student, path in notebooks.items():
        course.submit(student, NAME, path)
    start = time.monotonic()
    autograde = course.nbgrader("autograde", NAME, "--force")
    course.log = autograde.stdout + autograde.stderr
    after_autograde = sha(db)
    time.sleep(max(0.0, start + LATE + 10 - time.monotonic()))
    course.later = sha(db)
    course.after_autograde = after_autograde
    course.totals = course.scores()
    return course


def test_nbgrader_grades_hostile_notebooks_by_the_host(course):
    totals = {student: score for (student, assignment), score in course.totals.items() if assignment == NAME}
    assert totals == {"cozum": float(MAX), "bos": 0.0, "kontrolleri_degistir": 0.0, "testleri_sil": 0.0,
                      "aa_gradebook": 0.0}
    assert "Traceback" not in course.log


def test_background_process_cannot_touch_the_gradebook(course):
    assert course.later == course.after_autograde
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course.root}/gradebook.db") as gradebook:
        for student in ("cozum", "bos"):
            submission = gradebook.find_submission(NAME, student)
            assert not any(g.manual_score is not None or g.extra_credit for g in submission.notebooks[0].grades)


def test_nbgrader_verdicts_are_the_hosts(course):
    """The autograded notebooks carry the host's Turkish message in the test cells of the hostile ones."""
    for student, phrase in (("kontrolleri_degistir", "torch.Tensor"), ("testleri_sil", "yanıt vermedi")):
        nb = nbformat.read(course.root / "autograded" / student / NAME / f"{NAME}.ipynb", as_version=4)
        cell = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "test_data")
        assert [o.output_type for o in cell.outputs] == ["error"] and phrase in cell.outputs[0].evalue, cell.outputs


def test_notebook_tree_left_clean(klass, course):
    """Nothing outside the graded folders gained a file from a sandboxed kernel."""
    assert not glob.glob(str(klass["root"] / "**" / "sahte.json"), recursive=True)
    assert not glob.glob(str(course.root / "**" / "sahte.json"), recursive=True)
    assert stat.S_ISREG(os.lstat(klass["paths"]["cozum"]).st_mode)
    assert notebook("release", NAME).exists()
