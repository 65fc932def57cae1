#!/usr/bin/env bash
# Set-up command 1: install, then run the main job on the bundled sample articles into
# the default embedded store (eventwire.duckdb) and print a summary of what it found.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/eventwire ingest --sample
.venv/bin/eventwire events --format acled --limit 20
