"""``autograder check NOTEBOOK`` and ``autograder grade SUBMITTED_DIR ASSIGNMENT``.

Exit codes: 0 every test passed, 1 some failed, 2 bad input.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
from importlib import metadata

from autograder import assignments
from autograder.device import CHOICES, requested
from autograder.errors import BadInput, CheckFailure
from autograder.i18n import LANGS, get_lang, set_lang
from autograder.notebook_io import detect_assignment, read_notebook
from autograder.report import text_report


class _Collector:
    """Keeps each generated test's result (recorded in user_properties by the plugin)."""

    def __init__(self):
        self.results: dict[str, dict] = {}
        self.errors: dict[str, str] = {}
        self.bad_input: BadInput | None = None

    def pytest_runtest_logreport(self, report):
        for key, value in report.user_properties:
            if key == "autograder_result":
                self.results[json.loads(value)["id"]] = json.loads(value)
        if report.failed and report.when != "call":  # e.g. the kernel fixture broke
            self.errors[report.nodeid.rsplit("::", 1)[-1]] = report.longreprtext.strip().splitlines()[-1:]

    def pytest_unconfigure(self, config):
        from autograder.pytest_plugin import BAD_INPUT

        self.bad_input = config.stash.get(BAD_INPUT, None)


def _plugin_autoloaded() -> bool:
    if os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD"):
        return False
    return any(ep.value == "autograder.pytest_plugin" for ep in metadata.entry_points(group="pytest11"))


CONTRACT_TEST_KEYS = ("id", "points", "max_points", "passed", "message")


def check_notebook(notebook: str, *, device: str | None = None, lang: str | None = None,
                   timeout: float | None = None, total_timeout: float | None = None,
                   details: bool = False, pytest_args: tuple[str, ...] = ()) -> dict:
    """Grade one notebook through the pytest suite; return the contract's JSON object
    (with ``details``, each test also carries ``visible_passed``)."""
    import pytest

    from autograder.pytest_plugin import suite_path

    lang = lang or get_lang()
    nb = read_notebook(notebook)
    assignment = assignments.outline(detect_assignment(notebook, nb, assignments.known()))
    device_name = requested(device)  # the kernel resolves auto; the results carry the real name
    args = [str(suite_path(assignment.name)), "--notebook", str(notebook), "--ag-device", device_name,
            "--ag-lang", lang, "-q", "-p", "no:cacheprovider", "-p", "no:randomly", *pytest_args]
    if timeout:
        args += ["--ag-cell-timeout", str(timeout), "--ag-check-timeout", str(timeout)]
    if total_timeout:
        args += ["--ag-total-timeout", str(total_timeout)]
    if not _plugin_autoloaded():
        args += ["-p", "autograder.pytest_plugin"]
    collector = _Collector()
    with contextlib.redirect_stdout(io.StringIO()) as captured:
        code = pytest.main(args, plugins=[collector])
    if collector.bad_input is not None:  # e.g. the requested device is not there
        raise collector.bad_input
    if code == 2 and not collector.results:
        raise BadInput("kernel_start_failed", error=captured.getvalue().strip().splitlines()[-1:] or "pytest")
    tests = []
    for spec in assignment.tests:
        tests.append(collector.results.get(spec.id) or {
            "id": spec.id, "points": 0.0, "max_points": float(spec.points), "passed": False,
            "visible_passed": False,
            "message": CheckFailure("internal_error", error=" ".join(collector.errors.get(spec.id, ["-"])))
            .message(lang)})
    keep = CONTRACT_TEST_KEYS + (("visible_passed",) if details else ())
    tests = [{k: t[k] for k in keep} for t in tests]
    device_name = next((r["device"] for r in collector.results.values() if r.get("device")), device_name)
    return {"assignment": assignment.name, "device": device_name,
            "score": float(sum(t["points"] for t in tests)), "max_score": assignment.max_score,
            "tests": tests}


def _cmd_check(args) -> int:
    result = check_notebook(args.notebook, device=args.device, lang=args.lang, timeout=args.timeout)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(text_report(result, args.lang or get_lang()))
    return 0 if all(t["passed"] for t in result["tests"]) else 1


def _cmd_grade(args) -> int:
    from autograder.grading import grade_class

    return grade_class(args)


class _Parser(argparse.ArgumentParser):
    """argparse, but a wrong command line gets the catalogue's Turkish (or English) message, exit 2."""

    def error(self, message: str):
        self.exit(2, "✗ " + BadInput("bad_command_line", error=message, prog=self.prog).message() + "\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="autograder", description="PyTorch Eğitimi otomatik notlandırıcısı")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def common(p):
        p.add_argument("--lang", choices=LANGS, default=None, help="tr|en (varsayılan: AUTOGRADER_LANG ya da tr)")
        p.add_argument("--device", choices=CHOICES, default=None,
                       help="auto|cpu|cuda|mps (varsayılan: AUTOGRADER_DEVICE ya da auto)")
        p.add_argument("--timeout", type=float, default=None, help="saniye / seconds")

    p = sub.add_parser("check", help="bir not defterini notlandır / grade one notebook")
    p.add_argument("notebook")
    p.add_argument("--json", action="store_true", help="tek bir JSON nesnesi yaz / print one JSON object")
    common(p)
    p.set_defaults(func=_cmd_check)

    g = sub.add_parser("grade", help="bir sınıfın tüm teslimlerini notlandır / grade a whole class")
    g.add_argument("submitted_dir")
    g.add_argument("assignment")
    g.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    g.add_argument("--out", default=None)
    g.add_argument("--format", choices=("json", "csv", "gradescope"), default="json")
    g.add_argument("--force", action="store_true", help="değişmemiş teslimleri de yeniden notlandır / regrade all")
    g.add_argument("--results-dir", default=None,
                   help="öğrenci başına sonuç dosyaları / per-student results (default: autograder_sonuclari/ASSIGNMENT)")
    g.add_argument("--feedback-dir", default=None, help="HTML geri bildirim / feedback (default: SUBMITTED_DIR/../feedback)")
    g.add_argument("--cell-timeout", type=float, default=None, help="hücre başına saniye / seconds per cell")
    g.add_argument("--scheduler", default=None, help="Dask distributed scheduler address (pip install -e .[cluster])")
    common(g)
    g.set_defaults(func=_cmd_grade)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    set_lang(args.lang)
    try:
        return args.func(args)
    except BadInput as exc:
        print("✗ " + exc.message(), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. piped into `head`
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
