"""``autograder grade``: a mixed class, every output format, resume, isolation, Dask."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from helpers import ROOT, make_submission, run_cli, solution_cells

NAME = "02_ikili_siniflandirma"


@pytest.fixture(scope="module")
def klass(tmp_path_factory):
    """Six students: full, empty, half done, broken file, no notebook, two notebooks; one Turkish file name."""
    root = tmp_path_factory.mktemp("sinif")
    sub = root / "submitted"
    make_submission(sub / "ali", NAME)
    make_submission(sub / "veli", NAME, base="release")
    half = {k: v for k, v in solution_cells(NAME).items() if k in ("data", "accuracy_fn")}
    path = make_submission(sub / "şule", NAME, half, base="release")
    path.rename(path.parent / "öğrenci ödevi ıŞ.ipynb")
    broken = sub / "bozuk" / NAME / f"{NAME}.ipynb"
    broken.parent.mkdir(parents=True)
    broken.write_text('{"cells": [', encoding="utf-8")
    (sub / "can" / NAME).mkdir(parents=True)
    two = make_submission(sub / "ece", NAME)
    shutil.copy(two, two.parent / "kopya.ipynb")
    two.rename(two.parent / "eski.ipynb")
    proc = run_cli("grade", str(sub), NAME, "--jobs", "2", "--out", str(root / "grades.json"),
                   "--results-dir", str(root / "results"))
    assert proc.returncode == 0, proc.stderr
    return root, proc


EXPECTED = {"ali": 13.0, "veli": 0.0, "şule": 3.0, "bozuk": 0.0, "can": 0.0, "ece": 0.0}


CHEAP = ("veli", "şule", "can", "bozuk")  # the quick ones, for tests that regrade


def _subset(root, dest, students=CHEAP):
    for student in students:
        shutil.copytree(root / "submitted" / student, dest / "submitted" / student)
    return dest


def _grade(root, *args):
    return run_cli("grade", str(root / "submitted"), NAME, "--results-dir", str(root / "results"), *args)


def test_json_scores_and_messages(klass):
    root, proc = klass
    data = json.loads((root / "grades.json").read_text(encoding="utf-8"))
    assert data["assignment"] == NAME
    students = {s["student"]: s for s in data["students"]}
    assert {k: v["score"] for k, v in students.items()} == EXPECTED
    for s in students.values():
        assert set(s) == {"student", "score", "max_score", "tests"} and s["max_score"] == 13.0
        assert all(set(t) == {"id", "points", "max_points", "passed", "message"} for t in s["tests"])
    assert "geçerli bir Jupyter not defteri" in students["bozuk"]["tests"][0]["message"]
    assert "hiç not defteri" in students["can"]["tests"][0]["message"]
    assert "birden çok not defteri" in students["ece"]["tests"][0]["message"]
    assert "Traceback" not in proc.stderr


def test_summary_and_feedback(klass):
    root, proc = klass
    assert "Özet: 02_ikili_siniflandirma (6 öğrenci)" in proc.stderr
    assert "Ortalama puan: 2.67 / 13" in proc.stderr and "En yavaş teslimler" in proc.stderr
    for student in EXPECTED:
        page = root / "feedback" / student / NAME / "autograder_raporu.html"
        assert page.exists(), page
    text = (root / "feedback" / "veli" / NAME / "autograder_raporu.html").read_text(encoding="utf-8")
    assert "henüz doldurmadınız" in text and "0 / 13" in text


def test_csv_and_gradescope_from_cache(klass):
    root, _ = klass
    proc = _grade(root, "--format", "csv")
    assert proc.returncode == 0 and "6 teslim değişmediği" in proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert list(rows[0]) == ["student", "score", "max_score", "test_data", "test_accuracy_fn", "test_activation",
                             "test_circle_model", "test_train_model", "test_train_model_history", "test_moons_data",
                             "test_moons"]
    assert {r["student"]: float(r["score"]) for r in rows} == EXPECTED
    half = next(r for r in rows if r["student"] == "şule")
    assert (half["test_data"], half["test_accuracy_fn"], half["test_moons"]) == ("2", "1", "0")

    gs = json.loads(_grade(root, "--format", "gradescope").stdout)
    ali = gs["ali"]
    assert ali["score"] == 13.0
    full = [t for t in ali["tests"] if t["visibility"] == "after_published"]
    shown = [t for t in ali["tests"] if t["visibility"] == "visible"]
    assert len(full) == len(shown) == 8
    assert sum(t["max_score"] for t in full) == 13.0 and all(t["max_score"] == 0 for t in shown)
    assert all("henüz doldurmadınız" in t["output"] for t in gs["veli"]["tests"])


def test_rerun_grades_only_changed_notebooks(klass, tmp_path):
    root, _ = klass
    work = _subset(root, tmp_path)
    shutil.copytree(root / "results", work / "results")
    # veli finishes the first exercise: only his notebook changes.
    make_submission(work / "submitted" / "veli", NAME, {"data": solution_cells(NAME)["data"]}, base="release")
    proc = _grade(work)
    assert proc.returncode == 0, proc.stderr
    assert "3 teslim değişmediği" in proc.stderr
    scores = {s["student"]: s["score"] for s in json.loads(proc.stdout)["students"]}
    assert scores == {**{k: EXPECTED[k] for k in CHEAP}, "veli": 2.0}
    forced = _grade(work, "--force", "--jobs", "2")
    assert "değişmediği" not in forced.stderr
    assert {s["student"]: s["score"] for s in json.loads(forced.stdout)["students"]} == scores


def test_interrupted_run_keeps_what_was_graded(tmp_path):
    sub = tmp_path / "submitted"
    for student in ("a1", "a2", "a3"):
        make_submission(sub / student, NAME, base="release")
    env = dict(os.environ, AUTOGRADER_DEVICE="cpu", PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "autograder", "grade", str(sub), NAME, "--jobs", "1",
                             "--results-dir", str(tmp_path / "results")], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and not list((tmp_path / "results").glob("*.json")):
        time.sleep(0.5)
    os.killpg(proc.pid, signal.SIGKILL)  # as hard as an interruption gets
    proc.wait()
    done = list((tmp_path / "results").glob("*.json"))
    assert 1 <= len(done) < 3
    assert all(json.loads(p.read_text(encoding="utf-8"))["result"]["score"] == 0.0 for p in done)
    rerun = run_cli("grade", str(sub), NAME, "--jobs", "1", "--results-dir", str(tmp_path / "results"))
    assert f"{len(done)} teslim değişmediği" in rerun.stderr
    assert len(json.loads(rerun.stdout)["students"]) == 3


def test_bad_arguments_are_bad_input(tmp_path):
    proc = run_cli("grade", str(tmp_path / "yok"), NAME)
    assert proc.returncode == 2 and "klasörü yok" in proc.stderr
    proc = run_cli("grade", str(tmp_path), "99_yok")
    assert proc.returncode == 2 and "Bilinen ödevler" in proc.stderr
    proc = run_cli("grade", str(tmp_path), NAME, "--device", "gpu")
    assert proc.returncode == 2 and "Komut satırı anlaşılamadı" in proc.stderr and "'gpu'" in proc.stderr


def test_missing_device_is_said_once_and_grades_nobody(klass, tmp_path):
    """An instructor's --device cuda on a machine without one: exit 2, no 0-point results written."""
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA")
    root = _subset(klass[0], tmp_path, ("veli",))
    proc = _grade(root, "--device", "cuda")
    assert proc.returncode == 2 and "cihaz `cuda` bu makinede yok" in proc.stderr
    assert not (root / "results").exists()


def test_dask_local_cluster_gives_the_same_grades(klass, tmp_path):
    distributed = pytest.importorskip("distributed")
    work = _subset(klass[0], tmp_path)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        proc = run_cli("grade", str(work / "submitted"), NAME, "--scheduler", cluster.scheduler_address,
                       "--results-dir", str(tmp_path / "results"))
    assert proc.returncode == 0, proc.stderr
    assert {s["student"]: s["score"] for s in json.loads(proc.stdout)["students"]} == {k: EXPECTED[k] for k in CHEAP}


# --- the sandbox is required for class grading -----------------------------------------------------------

def _without_bwrap(*args):
    env = {"AUTOGRADER_BWRAP": "/nonexistent/bwrap"}
    return run_cli(*args, extra_env=env)


def test_grade_refuses_without_the_sandbox(klass, tmp_path):
    root = _subset(klass[0], tmp_path, ("veli",))
    proc = _without_bwrap("grade", str(root / "submitted"), NAME, "--results-dir", str(root / "results"))
    assert proc.returncode == 2 and "bubblewrap" in proc.stderr and "--sandbox off" in proc.stderr
    assert not (root / "results").exists() and "Traceback" not in proc.stderr
    allowed = _without_bwrap("grade", str(root / "submitted"), NAME, "--sandbox", "off",
                             "--results-dir", str(root / "results"))
    assert allowed.returncode == 0, allowed.stderr
    assert [s["score"] for s in json.loads(allowed.stdout)["students"]] == [0.0]


def test_check_warns_in_one_line_without_the_sandbox():
    proc = _without_bwrap("check", str(ROOT / "release" / NAME / f"{NAME}.ipynb"), "--json")
    assert proc.returncode == 1, proc.stderr
    warnings = [line for line in proc.stderr.splitlines() if "Korumalı alan" in line]
    assert len(warnings) == 1 and "bubblewrap" in warnings[0]
    assert json.loads(proc.stdout)["score"] == 0.0


def test_check_says_when_there_is_no_instructor_secret(tmp_path):
    nb = ROOT / "release" / NAME / f"{NAME}.ipynb"
    without = run_cli("check", str(nb), "--json", extra_env={"AUTOGRADER_SECRET": ""}, cwd=tmp_path)
    assert "Eğitmen anahtarı yok" in without.stderr
    with_secret = run_cli("check", str(nb), "--json")
    assert "Eğitmen anahtarı yok" not in with_secret.stderr
