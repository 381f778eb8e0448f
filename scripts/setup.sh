#!/usr/bin/env bash
# Creates .venv (if missing) and installs the workbook with its test tools. Safe to rerun.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo ">> sanal ortam oluşturuluyor / creating the virtual environment (.venv)"
  "$PYTHON" -m venv .venv
fi
echo ">> paketler kuruluyor / installing packages (torch is large: the first time takes minutes)"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
