#!/usr/bin/env bash
# Student mode: JupyterLab on the released notebooks (default release/) with nbgrader's student parts
# only (assignment list, Validate button): no formgrader, course list or Create Assignment panel.
# The settings live in ogrenci/ and only this script reads them (plain `jupyter lab` is unchanged).
#   bash scripts/ogrenci.sh [FOLDER] [jupyter lab options, e.g. --no-browser --port 8899]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
FOLDER="$ROOT/release"
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then FOLDER="$1"; shift; fi
[ -d "$FOLDER" ] || { echo "!! klasör yok / no such folder: $FOLDER" >&2; exit 2; }
FOLDER="$(cd "$FOLDER" && pwd)"   # relative to the caller's directory
[ -x "$ROOT/.venv/bin/jupyter" ] || bash "$ROOT/scripts/setup.sh"
cd "$ROOT"   # nbgrader's Validate reads the course's nbgrader_config.py from here
export JUPYTER_CONFIG_PATH="$ROOT/ogrenci${JUPYTER_CONFIG_PATH:+:$JUPYTER_CONFIG_PATH}"
extra=()
[ "$(id -u)" = 0 ] && extra+=(--allow-root)
# JupyterLab's log passes through unchanged; its first address also gets one Turkish line. exec: the
# script's process is JupyterLab itself (Ctrl+C and kill reach it); the filter ignores Ctrl+C so that
# JupyterLab's own "Shutdown this Jupyter server?" prompt still shows, and ends with JupyterLab's output.
say_url() {
  trap '' INT
  local line shown=""
  while IFS= read -r line; do
    printf '%s\n' "$line"
    if [ -z "$shown" ] && [[ $line =~ (https?://[^[:space:]]+/lab[^[:space:]]*) ]]; then
      shown=1
      echo ">> Öğrenci modu hazır: tarayıcıda ${BASH_REMATCH[1]} adresini açın (durdurmak için Ctrl+C)."
    fi
  done
}
export PYTHONUNBUFFERED=1
exec "$ROOT/.venv/bin/jupyter" lab --notebook-dir="$FOLDER" ${extra[@]+"${extra[@]}"} "$@" > >(say_url) 2>&1
