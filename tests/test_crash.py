"""Crash safety: an ingest killed with SIGKILL and resumed gives exactly the store of a clean run.

A few trials per backend (``bench/crash_trials.py`` runs 20 and more): each kills
``eventwire ingest`` at a point of a ~50-article corpus (1 or 2 workers), checks what the
kill left (whole chunks only), resumes, and compares every table row by row with an
uninterrupted reference ingest (see ``tests/crashlib.py``).
"""
from __future__ import annotations

import random
from collections import Counter

import pytest

from . import crashlib

pytestmark = pytest.mark.model

ARTICLES = 48
CHUNK = 4
# Where the three kills land, as fractions of the CPU time of the reference ingest (start-up
# included; CPU time, so that the point does not move with the load on the machine): after
# the model is loaded, spread over the ingest.
KILL_AT = (0.5, 0.7, 0.9)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("crash")
    corpus = crashlib.write_corpus(folder / "corpus", ARTICLES)
    return folder, corpus, crashlib.freeze_source(folder / "src")


@pytest.fixture(scope="module")
def duckdb_setup(corpus):
    folder, path, env = corpus
    new, drop = crashlib.duckdb_stores(folder / "duckdb")
    return crashlib.reference_setup("duckdb", path, new, folder / "probe", chunk_size=CHUNK,
                                    drop_store=drop, env=env)


def trials(setup: crashlib.Setup, seed: int) -> list[crashlib.Trial]:
    """Three trials at the KILL_AT points; up to two more, moved, until one kill lands mid-ingest."""
    rng = random.Random(seed)
    done: list[crashlib.Trial] = []
    fractions = list(KILL_AT)
    while fractions:
        fraction = fractions.pop(0)
        trial = crashlib.run_trial(setup, len(done), rng.randrange(2**31),
                                   delay=fraction * setup.reference_cpu, clock="cpu")
        done.append(trial)
        if not fractions and len(done) < len(KILL_AT) + 2 and \
                not any(t.phase == "mid-ingest" for t in done):
            # Workers and start-up shift the work a little: try again, moved.
            fractions.append(fraction + 0.1 if trial.phase == "before 1st commit" else fraction - 0.2)
    report = [(t.index, t.seed, t.workers, round(t.delay, 1), t.phase, t.at_kill.inputs, t.problems)
              for t in done]
    assert all(not t.problems for t in done), report
    assert any(t.phase == "mid-ingest" for t in done), report
    assert any(t.workers == 2 for t in done) and any(t.workers == 1 for t in done)
    return done


def test_corpus_mixes_formats_keys_and_bad_inputs(duckdb_setup):
    keys = Counter(k.split(":")[0] for k in duckdb_setup.keys)
    assert set(keys) == {"id", "url", "sha1"}
    statuses = Counter(r[duckdb_setup.reference["articles"]["columns"].index("status")]
                       for r in duckdb_setup.reference["articles"]["rows"])
    assert statuses["ok"] == ARTICLES and statuses["error"] >= 8 and statuses["skipped"] >= 1
    # Repeats, and an input whose article is already stored: more inputs than articles.
    assert len(duckdb_setup.keys) > sum(statuses.values())


def test_the_comparison_sees_a_lost_or_doubled_article(duckdb_setup):
    ref = duckdb_setup.reference
    assert crashlib.compare(ref, ref) == [] and crashlib.check(ref) == []
    lost = {t: {"columns": d["columns"], "rows": Counter(d["rows"])} for t, d in ref.items()}
    lost["articles"]["rows"].pop(next(iter(lost["articles"]["rows"])))
    assert crashlib.compare(ref, lost) == ["articles: 1 reference rows missing, 0 rows not in the reference"]
    assert any("without an input key" in p or "not stored" in p for p in crashlib.check(lost))
    doubled = {t: {"columns": d["columns"], "rows": Counter(d["rows"])} for t, d in ref.items()}
    doubled["events"]["rows"][next(iter(doubled["events"]["rows"]))] += 1
    assert "events: 1 rows stored twice" in crashlib.check(doubled)
    assert crashlib.compare(ref, doubled) == ["events: 0 reference rows missing, 1 rows not in the reference"]


# The seeds give each backend a kill of the parent process only (2 workers) and a trial
# whose resume is killed too.
def test_duckdb_ingest_survives_kill_9(duckdb_setup):
    trials(duckdb_setup, seed=4)


def test_postgresql_ingest_survives_kill_9(corpus, pg_server):
    folder, path, env = corpus
    new, drop = crashlib.pg_stores(pg_server)
    setup = crashlib.reference_setup("postgresql", path, new, folder / "probe-pg", chunk_size=CHUNK,
                                     drop_store=drop, env=env)
    try:
        trials(setup, seed=9)
    finally:
        drop(setup.reference_url)
