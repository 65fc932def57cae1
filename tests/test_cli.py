"""CLI: start-up without heavy imports, one-line errors, documented commands, real output."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from eventwire.cli import build_parser, main

from .conftest import ROOT, SEED


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], input=stdin,
                          capture_output=True, cwd=ROOT, timeout=300)


def test_help_does_not_import_heavy_modules():
    code = ("import sys; from eventwire.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = [m for m in ('spacy', 'duckdb', 'dask', 'trafilatura', 'pandas') if m in sys.modules]\n"
            "print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("command", ["process", "ingest", "events", "incidents", "eval", "schema"])
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    assert "usage: eventwire " + command in capsys.readouterr().out


def test_every_command_is_documented_in_readme():
    readme = (ROOT / "README.md").read_text()
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    for name in sub.choices:
        assert f"eventwire {name}" in readme, name


@pytest.mark.parametrize("args,message", [
    (["process", "no/such/file.html"], "Error: "),
    (["process", str(SEED), "--published", "31/10/2015"], "YYYY-MM-DD"),
    (["events", "--db", "nosuchscheme://x"], "Error: "),
    (["eval", "nosuchsuite"], "unknown suite"),
])
def test_user_errors_are_one_line(args, message):
    out = run(*args)
    assert out.returncode == 1
    err = out.stderr.decode()
    assert message in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_usage_error_exits_2():
    assert run("process").returncode == 2


@pytest.mark.model
def test_process_prints_jsonl_record():
    out = run("process", str(SEED), "--published", "2015-10-31")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.decode().splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert record["status"] == "ok" and record["events"]
    assert record["title"] == "Iraq authorises Russia to strike Islamic State inside country"


@pytest.mark.model
def test_process_stdin_and_table():
    out = run("process", "-", "--format", "table", "--published", "2015-10-31", stdin=SEED.read_bytes())
    assert out.returncode == 0, out.stderr
    assert "ASSAULT" in out.stdout.decode()


@pytest.mark.model
def test_ingest_sample_then_query(tmp_path):
    db = f"duckdb:///{tmp_path}/t.duckdb"
    first = run("ingest", "--sample", "--db", db, "--quiet")
    assert first.returncode == 0, first.stderr
    assert "ok" in first.stdout.decode()
    again = run("ingest", "--sample", "--db", db, "--quiet")
    assert again.returncode == 0
    assert "0 ok" in again.stdout.decode()  # idempotent: nothing new
    events = run("events", "--db", db, "--country", "IRQ")
    rows = [json.loads(x) for x in events.stdout.decode().splitlines()]
    assert rows and all(r["modality"] == "asserted" for r in rows)
    assert {"article_id", "url", "publisher", "incident_id", "grade"} <= set(rows[0])
