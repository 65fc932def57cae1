"""`eventwire ingest`: idempotent, resumable after kill -9, the same with worker processes."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.cli import sample_paths, sample_published

from .conftest import FIXTURES, ROOT

pytestmark = pytest.mark.model


def write_corpus(path: Path, n: int = 40) -> Path:
    """``n`` JSONL articles made from the bundled texts by light variation (ids, a closing line)."""
    bases = [(Path(p).read_text(encoding="utf-8"), sample_published(p)) for p in sample_paths()]
    bases += [(p.read_text(encoding="utf-8"), None) for p in sorted(FIXTURES.glob("*.txt"))]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            text, published = bases[i % len(bases)]
            line = {"id": f"art-{i:03d}", "text": text + f"\n\nThis is version {i // len(bases)} of the report."}
            if published:
                line["published"] = published
            fh.write(json.dumps(line) + "\n")
        fh.write(json.dumps({"id": "art-000", "text": "a repeat of a known id is not redone"}) + "\n")
        fh.write("{not json\n")
    return path


def ingest_cmd(corpus: Path, db: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "eventwire.cli", "ingest", str(corpus), "--db", str(db),
            "--quiet", "--chunk-size", "4", *extra]


def snapshot(db: Path) -> dict[str, list[tuple]]:
    from eventwire.store import connect

    with connect(str(db), read_only=True) as store:
        q = store._db.execute
        return {
            "counts": store.count(),
            "articles": q("SELECT id, status, record FROM articles ORDER BY id"),
            "events": q("SELECT id, article_id, record FROM events ORDER BY article_id, id"),
            "inputs": q("SELECT key, article_id, status FROM inputs ORDER BY key"),
        }


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ingest")
    corpus = write_corpus(folder / "corpus.jsonl")
    db = folder / "clean.duckdb"
    started = time.perf_counter()
    out = subprocess.run(ingest_cmd(corpus, db), capture_output=True, text=True, cwd=ROOT, timeout=300)
    elapsed = time.perf_counter() - started
    assert out.returncode == 0, out.stderr
    assert "40 ok" in out.stdout and "1 failed" in out.stdout and "1 already stored" in out.stdout
    assert "new incidents:" in out.stdout
    return corpus, snapshot(db), elapsed, db


def test_ingesting_twice_adds_nothing(clean, tmp_path):
    import shutil

    corpus, snap, _, clean_db = clean
    db = tmp_path / "twice.duckdb"
    shutil.copy(clean_db, db)
    out = subprocess.run(ingest_cmd(corpus, db), capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert "0 ok, 0 skipped, 0 failed, 42 already stored" in out.stdout
    assert snapshot(db) == snap


def kill_trials(clean, tmp_path, trials: int, seed: int, workers: int = 1) -> None:
    corpus, snap, elapsed, _ = clean
    db = tmp_path / "killed.duckdb"
    rng = random.Random(seed)
    extra = ("--workers", str(workers)) if workers > 1 else ()
    for _ in range(trials):
        proc = subprocess.Popen(ingest_cmd(corpus, db, *extra), cwd=ROOT, start_new_session=True,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, max(0.5, elapsed * 0.9)))
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # the ingest and any worker it started
        except ProcessLookupError:
            pass
        proc.wait(timeout=60)
    out = subprocess.run(ingest_cmd(corpus, db), capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    assert snapshot(db) == snap


def test_resumes_after_kill_9(clean, tmp_path):
    kill_trials(clean, tmp_path, trials=2, seed=6)


@pytest.mark.slow
def test_resumes_after_many_kill_9(clean, tmp_path):
    kill_trials(clean, tmp_path, trials=8, seed=66)


@pytest.mark.slow
def test_resumes_after_kill_9_with_workers(clean, tmp_path):
    kill_trials(clean, tmp_path, trials=3, seed=7, workers=2)


@pytest.mark.slow  # tests/test_scale.py checks the same on fewer articles, in process
def test_two_workers_give_the_same_store(clean, tmp_path):
    corpus, snap, _, _ = clean
    db = tmp_path / "workers.duckdb"
    out = subprocess.run(ingest_cmd(corpus, db, "--workers", "2"), capture_output=True, text=True,
                         cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    assert snapshot(db) == snap


@pytest.mark.parametrize("args, message", [
    (("--workers", "0"), "--workers must be 1 or more"),
    (("--chunk-size", "0"), "--chunk-size must be 1 or more"),
])
def test_bad_options_are_one_line_errors(tmp_path, args, message):
    from eventwire.cli import main

    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "x", "text": "Nothing."}\n')
    proc = subprocess.run([sys.executable, "-m", "eventwire.cli", "ingest", str(corpus), "--db",
                           str(tmp_path / "s.duckdb"), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode == 1 and proc.stderr.startswith("Error: " + message)
    assert main is not None
