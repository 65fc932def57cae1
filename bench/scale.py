"""Scaling: ingest throughput with 1 process, 2 local workers and a 2-worker Dask LocalCluster.

    .venv/bin/python bench/scale.py [--articles 240] [--repeat 3] [--chunk-size 8] [--json]

Each mode runs the whole ingest (pipeline + store writes into an in-memory DuckDB store)
over the same articles; runs are interleaved (1, 2, dask, 1, 2, dask, ...) so that the
noise of a shared machine falls on every mode alike, and medians are reported with the
throughput ratios to one process measured in the same run.  Start-up (processes, model
loading) is timed separately and kept out of the throughput.  Peak resident memory is
read from each worker process at the end.

Articles: the bundled sample corpus and the TR-News articles of
../shared/data/geo/TR-News.xml (read in place), repeated with distinct ids and a varied
closing line until there are ``--articles`` of them.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def articles(n: int):
    from pipeline import corpus

    from eventwire.records import RawDoc

    base = corpus(10_000)
    raws = []
    for i in range(n):
        text, published = base[i % len(base)]
        if i >= len(base):
            text += f"\n\nThis is version {i // len(base)} of the report."
        raws.append(RawDoc(source=f"bench:{i}", data=text, kind="text", id=f"bench-{i:05d}",
                           published=published))
    return raws


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=240)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--chunk-size", type=int, default=8)
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from eventwire.scale import DaskExecutor, LocalExecutor, SerialExecutor, ingest
    from eventwire.store import connect

    raws = articles(args.articles)
    modes: dict[str, object] = {}
    startup: dict[str, float] = {}

    t0 = time.perf_counter()
    modes["1 process"] = SerialExecutor()
    modes["1 process"].start()
    startup["1 process"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    modes["2 workers"] = LocalExecutor(2)
    modes["2 workers"].start()
    startup["2 workers"] = time.perf_counter() - t0
    cluster = client = None
    if not args.no_dask:
        from distributed import Client, LocalCluster

        t0 = time.perf_counter()
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None)
        client = Client(cluster)
        modes["dask 2 workers"] = DaskExecutor(client)
        modes["dask 2 workers"].start()
        startup["dask 2 workers"] = time.perf_counter() - t0

    times: dict[str, list[float]] = {name: [] for name in modes}
    events: dict[str, int] = {}
    for _ in range(args.repeat):
        for name, run in modes.items():
            with connect("duckdb:///:memory:") as store:
                t0 = time.perf_counter()
                report = ingest(store, raws, run, chunk_size=args.chunk_size)
                times[name].append(time.perf_counter() - t0)
                events[name] = report.counts["events"]
    rss = {name: run.peak_rss_mb() for name, run in modes.items()}
    modes["2 workers"].__exit__(None, None, None)
    if client is not None:
        client.close()
        cluster.close()

    n = len(raws)
    base = statistics.median(times["1 process"])
    result = {
        "articles": n, "repeat": args.repeat, "chunk_size": args.chunk_size,
        "modes": {name: {
            "median_s": statistics.median(t), "runs_s": t,
            "articles_per_s": n / statistics.median(t),
            "speedup_vs_1": base / statistics.median(t),
            "startup_s": startup[name], "peak_rss_mb_per_worker": rss[name],
            "events": events[name],
        } for name, t in times.items()},
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{n} articles, {args.repeat} interleaved runs per mode (medians), chunk size {args.chunk_size}")
    for name, m in result["modes"].items():
        print(f"  {name:<15} {m['median_s']:6.1f} s  {m['articles_per_s']:5.1f} articles/s  "
              f"x{m['speedup_vs_1']:.2f}  start-up {m['startup_s']:.1f} s  "
              f"peak RSS/worker {', '.join(f'{v:.0f}' for v in m['peak_rss_mb_per_worker'])} MB  "
              f"({m['events']} events)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
