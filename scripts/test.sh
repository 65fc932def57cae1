#!/usr/bin/env bash
# Set-up command 2: install the test dependencies and run the whole test suite,
# then the evaluation suites against their pinned baselines.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh "[test]"
bash scripts/ui-assets.sh --browser   # web UI assets (npm) and Debian chromium for tests/test_web.py
.venv/bin/python -m pytest -q -rs "$@"
.venv/bin/eventwire eval all --baseline   # every suite with pinned baselines
