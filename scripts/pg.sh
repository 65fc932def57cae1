#!/usr/bin/env bash
# A throwaway PostgreSQL server on a loopback port, for tests and trying the shared store.
#   scripts/pg.sh start [DIR] [PORT]   start one (DIR default /tmp/eventwire-pg, PORT 55432);
#                                      prints `export EVENTWIRE_TEST_PG=URL` for the tests
#   scripts/pg.sh stop [DIR]           stop it and remove DIR
# initdb refuses to run as root: as root the server runs as the `postgres` user.
# The tests do not need this (tests/conftest.py starts its own server unless
# EVENTWIRE_TEST_PG is set); it is for CI variants and for people.
set -euo pipefail
cmd=${1:-}
dir=${2:-${TMPDIR:-/tmp}/eventwire-pg}
port=${3:-55432}
bin=${EVENTWIRE_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
if [ -z "$bin" ] && command -v initdb >/dev/null; then bin=$(dirname "$(command -v initdb)"); fi
[ -n "$bin" ] && [ -x "$bin/initdb" ] || { echo "error: PostgreSQL is not installed (apt-get install -y postgresql)" >&2; exit 1; }
as_pg=()
if [ "$(id -u)" = 0 ]; then as_pg=(runuser -u postgres --); fi
case "$cmd" in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$dir"; fi
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      "${as_pg[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C --no-sync >/dev/null
    fi
    "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null
    echo "export EVENTWIRE_TEST_PG=postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      "${as_pg[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: scripts/pg.sh start [DIR] [PORT] | stop [DIR]" >&2
    exit 2
    ;;
esac
