#!/usr/bin/env bash
# Creates .venv (if missing), installs the workbook with its test tools, bubblewrap (the sandbox
# around student kernels) and, with --browser, chromium (the browser test) when it can, and the course's instructor
# secret. Safe to rerun.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if ! command -v bwrap >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo ">> bubblewrap kuruluyor / installing bubblewrap (the sandbox for student code)"
    (apt-get install -y -qq bubblewrap >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq bubblewrap >/dev/null; }) \
      || echo "!! bubblewrap kurulamadı / could not install bubblewrap: check runs unsandboxed, grade refuses"
  else
    echo "!! bubblewrap yok / bubblewrap missing: 'sudo apt-get install bubblewrap' (check runs unsandboxed, grade refuses)"
  fi
fi
# Chromium for the real-browser test of the student's path (tests/test_browser.py, Playwright): only
# for the test command (scripts/test.sh passes --browser), not for the demo or students.
if [ "${1:-}" = "--browser" ] && ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo ">> chromium kuruluyor / installing chromium (for the browser test; takes a minute)"
    export DEBIAN_FRONTEND=noninteractive
    (apt-get install -y -qq chromium >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null; }) \
      || echo "!! chromium kurulamadı / could not install chromium: tests/test_browser.py skips (fails in CI)"
  else
    echo "!! chromium yok / chromium missing: 'sudo apt-get install chromium' (tests/test_browser.py skips)"
  fi
fi
if [ ! -x .venv/bin/python ]; then
  echo ">> sanal ortam oluşturuluyor / creating the virtual environment (.venv)"
  "$PYTHON" -m venv .venv
fi
echo ">> paketler kuruluyor / installing packages (torch is large: the first time takes minutes)"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
# The instructor's secret for hidden tests (git ignores it; keep it out of students' hands).
.venv/bin/python -m autograder.secret >/dev/null
