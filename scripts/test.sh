#!/usr/bin/env bash
# Set-up command 2: install the test dependencies and run the whole test suite,
# then the evaluation suites against their pinned baselines.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh "[test]"
# The store tests run against PostgreSQL too: install it where it is missing (Debian's
# package; tests/conftest.py starts a throwaway server as the postgres user), and fail
# rather than skip those tests when no server can be started.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get install -y -q postgresql >/dev/null \
    || { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q postgresql >/dev/null; }
fi
export EVENTWIRE_REQUIRE_PG=${EVENTWIRE_REQUIRE_PG:-1}
bash scripts/ui-assets.sh --browser   # web UI assets (npm) and Debian chromium for tests/test_web.py
.venv/bin/python -m pytest -q -rs "$@"
.venv/bin/eventwire eval all --baseline   # every suite with pinned baselines
