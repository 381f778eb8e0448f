#!/usr/bin/env bash
# README command 2: set up, then run the whole test suite (real kernels, real nbgrader, no network).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser   # also chromium, for tests/test_browser.py
export PATH="$PWD/.venv/bin:$PATH"   # nbgrader runs alembic from PATH
exec .venv/bin/python -m pytest -n "${TEST_JOBS:-2}" --dist loadfile "$@"
