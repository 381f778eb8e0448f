#!/usr/bin/env bash
# README command 1: set up, then grade the bundled demo submission and print the Turkish report.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo ">> örnek teslim notlandırılıyor / grading the demo submission"
set +e
.venv/bin/autograder check demo/ogrenci_ayse/02_ikili_siniflandirma/02_ikili_siniflandirma.ipynb "$@"
code=$?
set -e
# 0 = every test passed, 1 = some failed (the demo has two deliberate mistakes): both are a good run.
[ "$code" -le 1 ] || exit "$code"
