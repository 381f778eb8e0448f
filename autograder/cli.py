"""``autograder check NOTEBOOK``, ``autograder ilerleme [FOLDER]`` and ``autograder grade SUBMITTED_DIR ASSIGNMENT``.

Exit codes: 0 every test passed, 1 some failed, 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from autograder.device import CHOICES
from autograder.errors import BadInput
from autograder.i18n import LANGS, get_lang, set_lang
from autograder.sandbox import MODES


def _cmd_check(args) -> int:
    from autograder import runner
    from autograder.report import text_report

    job = runner.prepare(args.notebook, device=args.device, lang=args.lang, timeout=args.timeout,
                         sandbox_mode=args.sandbox)
    for notice in job.notices:
        print(notice, file=sys.stderr)
    result = runner.grade(job)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(text_report(result, job.lang))
    return 0 if all(t["passed"] for t in result["tests"]) else 1


def _cmd_progress(args) -> int:
    from autograder import progress

    return progress.run(args.folder, as_json=args.json, device=args.device, lang=args.lang,
                        timeout=args.timeout, sandbox_mode=args.sandbox)


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
        p.add_argument("--sandbox", choices=MODES, default=None,
                       help="auto|on|off: bubblewrap korumalı alanı / the bubblewrap sandbox "
                            "(varsayılan: AUTOGRADER_SANDBOX ya da auto; grade için zorunlu)")

    p = sub.add_parser("check", help="bir not defterini notlandır / grade one notebook")
    p.add_argument("notebook")
    p.add_argument("--json", action="store_true", help="tek bir JSON nesnesi yaz / print one JSON object")
    common(p)
    p.set_defaults(func=_cmd_check)

    r = sub.add_parser("ilerleme", help="bir klasördeki bütün not defterlerinde nerede olduğunuz / "
                                        "self-study progress over every notebook in a folder")
    r.add_argument("folder", nargs="?", default=".")
    r.add_argument("--json", action="store_true", help="tek bir JSON nesnesi yaz / print one JSON object")
    common(r)
    r.set_defaults(func=_cmd_progress)

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
    set_lang(args.lang or get_lang())
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
