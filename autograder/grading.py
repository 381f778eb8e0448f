"""``autograder grade``: a whole class, N submissions at a time, resumable, isolated.

Layout (nbgrader's): ``SUBMITTED_DIR/<student>/<ASSIGNMENT>/*.ipynb``; the folder decides the
assignment. The host reads each notebook once (size checked first, links refused), hashes those
bytes and hands the same private copy to a worker process, which grades it in a sandboxed
kernel (:mod:`autograder.runner`). Results, the cache and ``--out`` are written by this host
process only, atomically, as soon as each is known, keyed by the notebook's content: an
interrupted run loses nothing, and a rerun grades only new or changed notebooks. A crash is
never cached; a broken pool is rebuilt and its jobs retried one by one; a watchdog ends a
worker that outlives its submission's time budget.
"""

from __future__ import annotations

import concurrent.futures as cf
import csv
import hashlib
import html
import io
import json
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from autograder import __version__, assignments, sandbox
from autograder.device import requested, resolve_device_name
from autograder.errors import BadInput, CheckFailure
from autograder.i18n import get_lang, render
from autograder.messages import register
from autograder.notebook_io import claimed_assignment, parse_notebook, read_private

register({
    "no_submission_dir": {
        "tr": "`{path}` klasörü yok: teslimler `SUBMITTED_DIR/<öğrenci>/<ödev>/*.ipynb` düzeninde olmalı.",
        "en": "The folder `{path}` does not exist: submissions must be laid out as "
              "`SUBMITTED_DIR/<student>/<assignment>/*.ipynb`.",
    },
    "no_notebook": {
        "tr": "Teslim klasöründe (`{path}`) hiç not defteri (.ipynb) yok.",
        "en": "The submission folder (`{path}`) has no notebook (.ipynb).",
    },
    "two_notebooks": {
        "tr": "Teslim klasöründe birden çok not defteri var ({names}); hangisinin notlandırılacağı belli değil. "
              "Yalnızca `{expected}` adlı defteri bırakın.",
        "en": "The submission folder has several notebooks ({names}); it is not clear which one to grade. "
              "Keep only `{expected}`.",
    },
    "submission_timeout": {
        "tr": "Bu teslim zaman bütçesini ({seconds:.0f} sn) aştı ve durduruldu; teslim 0 puan aldı.",
        "en": "This submission exceeded its time budget ({seconds:.0f} s) and was stopped; it scored 0.",
    },
    "grader_crashed": {
        "tr": "Bu teslim notlandırılırken notlandırıcı süreci durdu ({error}); teslim 0 puan aldı.",
        "en": "The grading process stopped on this submission ({error}); it scored 0.",
    },
    "summary_title": {"tr": "Özet: {assignment} ({students} öğrenci)", "en": "Summary: {assignment} ({students} students)"},
    "summary_scores": {
        "tr": "Ortalama puan: {mean:.2f} / {max:g}   Ortanca: {median:g} / {max:g}",
        "en": "Mean score: {mean:.2f} / {max:g}   Median: {median:g} / {max:g}",
    },
    "summary_tests": {"tr": "Test başına geçme oranı:", "en": "Pass rate per test:"},
    "summary_slowest": {"tr": "En yavaş teslimler:", "en": "Slowest submissions:"},
    "summary_cached": {
        "tr": "{cached} teslim değişmediği için yeniden notlandırılmadı (--force ile zorlayın).",
        "en": "{cached} unchanged submissions were not graded again (use --force).",
    },
    "feedback_title": {"tr": "Geri bildirim: {assignment}", "en": "Feedback: {assignment}"},
    "feedback_student": {"tr": "Öğrenci", "en": "Student"},
    "feedback_score": {"tr": "Puan", "en": "Score"},
    "feedback_test": {"tr": "Test", "en": "Test"},
    "feedback_message": {"tr": "Açıklama", "en": "Message"},
})

GRADESCOPE_HIDDEN = "after_published"
DEFAULT_BUDGET = 300.0      # seconds per submission unless --timeout says otherwise
WATCHDOG_GRACE = 60.0       # beyond the budget before the host ends a worker


@dataclass(frozen=True)
class Job:
    student: str
    assignment: str
    name: str = ""                 # the notebook's file name
    data: bytes | None = None      # the private copy read once by the host
    problem: tuple | None = None   # (message key, params) explaining why it cannot be graded


def _read_job(student: str, assignment: str, path: Path) -> Job:
    try:
        return Job(student, assignment, path.name, read_private(path))
    except BadInput as exc:
        return Job(student, assignment, path.name, problem=(exc.key, exc.params))


def discover(submitted_dir: Path, assignment: str) -> list[Job]:
    if not submitted_dir.is_dir():
        raise BadInput("no_submission_dir", path=str(submitted_dir))
    jobs = []
    for student_dir in sorted(p for p in submitted_dir.iterdir() if p.is_dir()):
        folder = student_dir / assignment
        if student_dir.is_symlink() or folder.is_symlink():
            jobs.append(Job(student_dir.name, assignment, problem=("symlink_refused", {"path": str(folder)})))
            continue
        if not folder.is_dir():
            continue
        notebooks = sorted(p for p in folder.glob("*.ipynb") if p.is_symlink() or p.is_file())
        expected = f"{assignment}.ipynb"
        if len(notebooks) > 1 and any(p.name == expected for p in notebooks):
            notebooks = [folder / expected]
        if not notebooks:
            jobs.append(Job(student_dir.name, assignment,
                            problem=("no_notebook", {"path": f"{student_dir.name}/{assignment}"})))
        elif len(notebooks) > 1:
            names = ", ".join(p.name for p in notebooks)
            jobs.append(Job(student_dir.name, assignment,
                            problem=("two_notebooks", {"names": names, "expected": expected})))
        else:
            jobs.append(_read_job(student_dir.name, assignment, notebooks[0]))
    return jobs


def _zero_result(assignment: str, key: str, params: dict, lang: str, student: str = "") -> dict:
    message = CheckFailure(key, **params).message(lang)
    spec = assignments.outline(assignment)
    return {"assignment": assignment, "device": "", "score": 0.0, "max_score": spec.max_score,
            "student": student, "seconds": 0.0,
            "tests": [{"id": t.id, "points": 0.0, "max_points": float(t.points), "passed": False,
                       "message": message, "visible_passed": False} for t in spec.tests]}


def grade_submission(job: Job, *, device: str | None, lang: str, cell_timeout: float | None,
                     total_timeout: float | None, sandbox_mode: str) -> dict:
    """Grade one submission from its private copy (a pure function of its inputs)."""
    from autograder import runner

    start = time.perf_counter()
    try:
        if job.problem:
            raise BadInput(job.problem[0], **job.problem[1])
        display = f"{job.student}/{job.assignment}/{job.name}"
        nb = parse_notebook(job.data, display)
        claimed = claimed_assignment(nb)
        if claimed and claimed != job.assignment:
            raise BadInput("wrong_assignment", claimed=claimed[:80], assignment=job.assignment)
        prepared = runner.prepare(display, nb=nb, assignment=job.assignment, device=device, lang=lang,
                                  timeout=cell_timeout, total_timeout=total_timeout, sandbox_mode=sandbox_mode,
                                  require_sandbox=sandbox_mode != "off")
        result = runner.grade(prepared, details=True)
    except BadInput as exc:
        result = _zero_result(job.assignment, exc.key, exc.params, lang)
    except Exception as exc:  # never let one submission stop the class
        result = _crashed(job, "grader_crashed", {"error": f"{type(exc).__name__}: {exc}"[:200]}, lang)
    result["student"] = job.student
    result["seconds"] = round(time.perf_counter() - start, 2)
    return result


# --- cache -------------------------------------------------------------------------------------------------

def content_key(job: Job, device: str | None) -> str:
    """Changes when the notebook, the grader version, the assignment's checks or the device change."""
    digest = hashlib.sha256()
    digest.update(f"{__version__}|{job.assignment}|{device}|{job.problem}|{job.name}".encode())
    package = assignments.HERE / assignments.modules()[job.assignment]
    for path in sorted(package.glob("*.py")):
        digest.update(path.read_bytes())
    if job.data is not None:
        digest.update(job.data)
    return digest.hexdigest()


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def load_cached(results_dir: Path, job: Job, key: str) -> dict | None:
    path = results_dir / f"{job.student}.json"
    try:
        cached = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    result = cached.get("result") if isinstance(cached, dict) and cached.get("key") == key else None
    return None if not isinstance(result, dict) or result.get("crashed") else result


# --- running ---------------------------------------------------------------------------------------------

def _pool(n: int) -> cf.ProcessPoolExecutor:
    # spawn: a clean interpreter per worker (no forked ZMQ/torch state); each worker grades many.
    return cf.ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("spawn"))


def _end_pool(pool: cf.ProcessPoolExecutor) -> None:
    """Stop a pool now, its workers (and their sandboxes, which die with them) included."""
    for process in list(getattr(pool, "_processes", {}).values()):
        try:
            process.kill()
        except Exception:
            pass
    pool.shutdown(wait=False, cancel_futures=True)


def _crashed(job: Job, key: str, params: dict, lang: str) -> dict:
    """A 0 that is the grader's fault: reported, never cached."""
    result = _zero_result(job.assignment, key, params, lang, job.student)
    result["crashed"] = True
    return result


def _run_pool(jobs: list[Job], settings: dict, n: int, budget: float):
    """Yield results as they finish: at most ``n`` in flight (so each job's start is known), a
    watchdog over each, and the pool rebuilt after it breaks. The jobs that were in flight then
    become suspects and run alone, so only the one that breaks a pool by itself scores 0."""
    queue = list(range(len(jobs)))
    suspects: set[int] = set()
    limit = budget + WATCHDOG_GRACE
    pool, running = _pool(n), {}
    try:
        while queue or running:
            while queue and len(running) < n and not (running and queue[0] in suspects):
                index = queue.pop(0)
                running[pool.submit(grade_submission, jobs[index], **settings)] = (index, time.monotonic())
                if index in suspects:
                    break
            done, _ = cf.wait(running, timeout=2, return_when=cf.FIRST_COMPLETED)
            broken = False
            for future in done:
                index, _ = running.pop(future)
                try:
                    yield future.result()
                except Exception as exc:  # the worker died (BrokenProcessPool) or could not answer
                    if index in suspects:
                        yield _crashed(jobs[index], "grader_crashed", {"error": type(exc).__name__}, settings["lang"])
                    else:
                        suspects.add(index)
                        queue.insert(0, index)
                    broken = True
            now = time.monotonic()
            for future in [f for f, (_, started) in running.items() if now - started > limit]:
                index, _ = running.pop(future)
                yield _crashed(jobs[index], "submission_timeout", {"seconds": budget}, settings["lang"])
                broken = True
            if broken:  # a fresh pool; whatever was still in flight runs again, alone
                for index, _ in running.values():
                    suspects.add(index)
                    queue.insert(0, index)
                running.clear()
                _end_pool(pool)
                pool = _pool(n)
    finally:
        _end_pool(pool)


def _run(jobs: list[Job], settings: dict, n: int, scheduler: str | None, budget: float):
    """Yield results as they finish."""
    if scheduler:
        from distributed import Client, as_completed

        with Client(scheduler) as client:
            futures = [client.submit(grade_submission, job, pure=False, **settings) for job in jobs]
            for future in as_completed(futures):
                yield future.result()
        return
    yield from _run_pool(jobs, settings, max(1, n), budget)


def grade_class(args) -> int:
    lang = args.lang or get_lang()
    assignment = assignments.outline(args.assignment).name
    submitted = Path(args.submitted_dir)
    jobs = discover(submitted, assignment)
    results_dir = Path(args.results_dir or Path("autograder_sonuclari") / assignment)
    device = requested(args.device)
    if device in ("cuda", "mps"):  # asked for by name: say once if it is missing, not 0 points per student
        resolve_device_name(device)
    # Said once, before anyone is graded: no sandbox, no grades (unless the instructor says off).
    sandbox_mode = "on" if sandbox.decide(args.sandbox, required=True) else "off"
    budget = args.timeout or DEFAULT_BUDGET
    settings = {"device": device, "lang": lang, "cell_timeout": args.cell_timeout, "total_timeout": budget,
                "sandbox_mode": sandbox_mode}

    results: dict[str, dict] = {}
    todo, keys = [], {}
    for job in jobs:
        keys[job.student] = content_key(job, device)
        cached = None if args.force else load_cached(results_dir, job, keys[job.student])
        if cached:
            results[job.student] = cached
        else:
            todo.append(job)
    cached_count = len(results)

    progress = _progress(len(todo), lang)
    for result in _run(todo, settings, max(1, args.jobs), args.scheduler, budget):
        student = result["student"]
        if not result.get("crashed"):  # a crash is the grader's problem: never served again from the cache
            write_atomic(results_dir / f"{student}.json",
                         json.dumps({"key": keys[student], "result": result}, ensure_ascii=False))
        results[student] = result
        progress.update(1)
    progress.close()

    ordered = [results[job.student] for job in jobs]
    feedback_dir = Path(args.feedback_dir) if args.feedback_dir else submitted.resolve().parent / "feedback"
    for result in ordered:
        write_atomic(feedback_dir / result["student"] / assignment / "autograder_raporu.html",
                     feedback_html(result, lang))
    text = render_output(assignment, ordered, args.format)
    if args.out:
        write_atomic(Path(args.out), text)
    else:
        sys.stdout.write(text + "\n")
    print(summary(assignment, ordered, lang, cached_count), file=sys.stderr)
    return 0


def _progress(total: int, lang: str):
    from tqdm import tqdm

    return tqdm(total=total, desc="notlandırılıyor" if lang == "tr" else "grading", unit="teslim",
                file=sys.stderr, disable=not sys.stderr.isatty() or total == 0)


# --- outputs ---------------------------------------------------------------------------------------------

def _public_tests(result: dict) -> list[dict]:
    return [{k: t[k] for k in ("id", "points", "max_points", "passed", "message")} for t in result["tests"]]


def render_output(assignment: str, results: list[dict], fmt: str) -> str:
    if fmt == "csv":
        return to_csv(assignment, results)
    if fmt == "gradescope":
        return json.dumps({r["student"]: to_gradescope(r) for r in results}, ensure_ascii=False, indent=1)
    return json.dumps({"assignment": assignment, "students": [
        {"student": r["student"], "score": r["score"], "max_score": r["max_score"], "tests": _public_tests(r)}
        for r in results]}, ensure_ascii=False)


def to_csv(assignment: str, results: list[dict]) -> str:
    ids = [t.id for t in assignments.outline(assignment).tests]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["student", "score", "max_score", *ids])
    for r in results:
        points = {t["id"]: t["points"] for t in r["tests"]}
        writer.writerow([r["student"], f"{r['score']:g}", f"{r['max_score']:g}",
                         *(f"{points.get(i, 0.0):g}" for i in ids)])
    return out.getvalue().rstrip("\n")


def to_gradescope(result: dict) -> dict:
    """Gradescope's results.json: the visible part of each test shown at once (no points),
    the full test (visible + hidden checks, all the points) only once grades are published."""
    tests = []
    for t in result["tests"]:
        visible_ok = t.get("visible_passed", t["passed"])
        tests.append({"name": f"{t['id']} (görünür / visible)", "score": 0, "max_score": 0,
                      "output": "" if visible_ok else t["message"], "visibility": "visible"})
        tests.append({"name": t["id"], "score": t["points"], "max_score": t["max_points"],
                      "output": t["message"], "visibility": GRADESCOPE_HIDDEN})
    return {"score": result["score"], "visibility": "visible", "stdout_visibility": "hidden", "tests": tests}


def feedback_html(result: dict, lang: str) -> str:
    def t(key, **kw):
        return html.escape(render(_msg(key), lang, **kw))

    rows = "\n".join(
        f"<tr class=\"{'ok' if x['passed'] else 'fail'}\"><td>{'✓' if x['passed'] else '✗'} {html.escape(x['id'])}</td>"
        f"<td>{x['points']:g} / {x['max_points']:g}</td>"
        f"<td><pre>{html.escape(x['message'] or render(_msg('passed'), lang))}</pre></td></tr>"
        for x in result["tests"])
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{t('feedback_title', assignment=result['assignment'])}</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto}}td,th{{border-bottom:1px solid #ddd;padding:.4em;
vertical-align:top;text-align:left}}pre{{white-space:pre-wrap;margin:0;font-family:inherit}}.ok td:first-child{{color:#176f2c}}
.fail td:first-child{{color:#b00020}}</style></head><body>
<h1>{t('feedback_title', assignment=result['assignment'])}</h1>
<p>{t('feedback_student')}: <b>{html.escape(result['student'])}</b> — {t('feedback_score')}:
<b>{result['score']:g} / {result['max_score']:g}</b></p>
<table><tr><th>{t('feedback_test')}</th><th>{t('feedback_score')}</th><th>{t('feedback_message')}</th></tr>
{rows}
</table></body></html>
"""


def _msg(key: str) -> dict:
    from autograder.messages import MESSAGES

    return MESSAGES[key]


def summary(assignment: str, results: list[dict], lang: str, cached: int = 0) -> str:
    def t(key, **kw):
        return render(_msg(key), lang, **kw)

    if not results:
        return t("summary_title", assignment=assignment, students=0)
    scores = [r["score"] for r in results]
    max_score = results[0]["max_score"]
    lines = [t("summary_title", assignment=assignment, students=len(results)),
             t("summary_scores", mean=statistics.mean(scores), median=statistics.median(scores), max=max_score),
             t("summary_tests")]
    for spec in assignments.outline(assignment).tests:
        passed = sum(any(x["id"] == spec.id and x["passed"] for x in r["tests"]) for r in results)
        lines.append(f"  {spec.id:<28} %{100 * passed / len(results):5.1f}  ({passed}/{len(results)})")
    lines.append(t("summary_slowest"))
    for r in sorted(results, key=lambda r: -r.get("seconds", 0))[:3]:
        lines.append(f"  {r['student']:<28} {r.get('seconds', 0):6.1f} s")
    if cached:
        lines.append(t("summary_cached", cached=cached))
    return "\n".join(lines)
