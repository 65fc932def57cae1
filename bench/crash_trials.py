"""Crash safety: kill -9 an ingest at random moments, resume it, and compare with a clean run.

    .venv/bin/python bench/crash_trials.py [--backend duckdb|postgresql|both] [--trials 20]
        [--articles 240] [--chunk-size 8] [--seed 8] [--clock wall|cpu] [--trial-seed S --first-index N]
        [--json FILE]

For each backend: one uninterrupted reference ingest of the corpus into a fresh store,
then ``--trials`` trials, each on a fresh store: ``eventwire ingest`` (1 worker in even
trials, 2 in odd ones) is killed with SIGKILL after a random delay drawn from
[0, reference duration] (wall-clock seconds; ``--clock cpu``: CPU seconds of the ingest
and its workers, which do not stretch with the load on a shared machine); with 2
workers, half the kills hit only the parent process (its workers are then watched for
10 s to see whether they exit by themselves, and killed).
In about 30% of the trials the resume is killed too.  Then the ingest is resumed to the
end and the store is compared with the reference: every table, row by row (all columns
but ``ingested_at``), the counts the CLI reports, no row or key twice, no orphan rows,
incidents consistent with their events.  After each kill the store is also opened as the
kill left it (a copy, for DuckDB, so that its write-ahead log is replayed there and not
in the trial's file) and must hold whole chunks only: the inputs recorded are a prefix of
the input stream and the articles' rows are the reference's.

The corpus (written to a temporary folder, see ``tests/crashlib.py``) mixes page-text and
HTML files, two JSONL files, inputs keyed by id, URL and content, syndicated copies,
repeats and bad inputs, from the sample corpus and TR-News (read in place, not copied).
PostgreSQL runs on a throwaway server (``tests/pgserver.py``; as root, as the postgres user).
Every ingest runs from one copy of ``src/eventwire`` taken at the start, so that edits
to the working tree during a run cannot make a trial differ from the reference.
Each trial prints its number and seed; ``--trial-seed S --first-index N --trials 1``
reruns trial N.  Exits 1 on any mismatch.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import crashlib  # noqa: E402  (shared with tests/test_crash.py)


def run_backend(backend: str, corpus: Path, work: Path, args, server_url: str | None,
                env: dict) -> list:
    if backend == "duckdb":
        new, drop = crashlib.duckdb_stores(work / "duckdb")
    else:
        new, drop = crashlib.pg_stores(server_url)
    setup = crashlib.reference_setup(backend, corpus, new, work / "probe", chunk_size=args.chunk_size,
                                     drop_store=drop, env=env)
    print(f"\n{backend}: reference ingest of {len(setup.keys)} inputs in "
          f"{setup.reference_seconds:.1f} s ({setup.reference_cpu:.1f} CPU s); {setup.reference_holds}",
          flush=True)
    head = (f"{'#':>3} {'seed':>10} {'wk':>2} {'kill':>6} {'delay s':>7} {'phase':<17} {'in@kill':>7} "
            f"{'wal':>3} {'2nd kill':>13} {'resume s':>8} {'added':>5}  result")
    print(head)
    print("-" * len(head))
    rng = random.Random(f"{args.seed}:{backend}")
    trials = []
    for index in range(args.first_index, args.first_index + args.trials):
        seed = args.trial_seed if args.trial_seed is not None else rng.randrange(2**31)
        t = crashlib.run_trial(setup, index, seed, clock=args.clock)
        trials.append(t)
        second = "-"
        if t.delay2 is not None:
            second = f"{t.delay2:5.1f}s " + (f"@{t.at_kill2.inputs}" if t.landed2 == "killed" else "done")
        kill = "group" if t.group else "parent"
        print(f"{index:>3} {seed:>10} {t.workers:>2} {kill:>6} {t.delay:>7.1f} {t.phase:<17} "
              f"{t.at_kill.inputs:>7} {'yes' if t.at_kill.wal else '-':>3} {second:>13} "
              f"{t.resume_seconds:>8.1f} {t.resume_added if t.resume_added is not None else '?':>5}  "
              + ("ok" if not t.problems else "MISMATCH: " + "; ".join(t.problems)), flush=True)
    phases = {p: sum(t.phase == p for t in trials) for p in
              ("before 1st commit", "mid-ingest", "after last commit", "after finish")}
    bad = [t for t in trials if t.problems]
    print(f"{backend}: {len(trials)} trials; first kill: " + ", ".join(f"{n} {p}" for p, n in phases.items())
          + f"; second kills {sum(t.delay2 is not None for t in trials)}"
          + (f" ({sum(t.landed2 == 'killed' and 0 < t.at_kill2.inputs < len(setup.keys) for t in trials if t.at_kill2)} mid-ingest)")
          + (f"; kills leaving a WAL {sum(t.at_kill.wal or bool(t.at_kill2 and t.at_kill2.wal) for t in trials)}"
             if backend == "duckdb" else "")
          + (f"; parent-only kills that landed {sum(not t.group and t.landed == 'killed' for t in trials)}, "
             f"after which the workers exited on their own "
             f"{sum(t.orphans_left for t in trials if not t.group and t.landed == 'killed')}")
          + f"; mismatches {len(bad)}", flush=True)
    if trials:
        print(f"{backend}: resume median {statistics.median(t.resume_seconds for t in trials):.1f} s "
              f"(reference {setup.reference_seconds:.1f} s)")
    return [dict(asdict(t), phase=t.phase,
                 reference_seconds=setup.reference_seconds) for t in trials]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("duckdb", "postgresql", "both"), default="both")
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--articles", type=int, default=240)
    parser.add_argument("--chunk-size", type=int, default=8)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--trial-seed", type=int, help="run every trial with this seed (to rerun one)")
    parser.add_argument("--first-index", type=int, default=0,
                        help="number of the first trial (even: 1 worker, odd: 2 workers)")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall",
                        help="draw kill delays in wall-clock seconds, or in CPU seconds of the ingest "
                             "(the same point of the work however loaded the machine is)")
    parser.add_argument("--json", metavar="FILE", help="also write every trial as JSON here")
    args = parser.parse_args()

    backends = ["duckdb", "postgresql"] if args.backend == "both" else [args.backend]
    began = time.perf_counter()
    results = []
    with tempfile.TemporaryDirectory(prefix="eventwire-crash-") as tmp:
        work = Path(tmp)
        corpus = crashlib.write_corpus(work / "corpus", args.articles)
        # Every ingest of this run uses one copy of the code (the tree may be edited meanwhile).
        env = crashlib.freeze_source(work / "src")
        print(f"corpus: {args.articles} articles (+ repeats and bad inputs) in {corpus}; seed {args.seed}; "
              f"chunk size {args.chunk_size}; kill delays in {args.clock} seconds")
        server = None
        try:
            for backend in backends:
                url = None
                if backend == "postgresql":
                    from tests.pgserver import Server

                    server = Server()
                    url = server.start()
                    print(f"PostgreSQL server started in {server.seconds:.1f} s")
                results += run_backend(backend, corpus, work, args, url, env)
        finally:
            if server is not None:
                server.stop()
    print(f"\nall: {len(results)} trials, {sum(bool(r['problems']) for r in results)} mismatches, "
          f"{time.perf_counter() - began:.0f} s")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, default=str))
    return 1 if any(r["problems"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
