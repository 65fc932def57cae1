"""Scaling: ingest throughput with 1 process, 2 local workers and a 2-worker Dask LocalCluster.

    .venv/bin/python bench/scale.py [--articles 240] [--repeat 3] [--chunk-size 8]
                                    [--dask-default] [--no-dask] [--json]

Each mode runs the whole ingest (pipeline + store writes into an in-memory DuckDB store)
over the same articles; runs are interleaved (1, 2, dask, 1, 2, dask, ...) so that the
noise of a shared machine falls on every mode alike, and medians are reported with the
throughput ratios to one process measured in the same run.  Every run starts its mode's
processes afresh and stops them after, so no mode's idle workers or scheduler run beside
another's; start-up (processes, model loading; the first, cold, one) is timed separately
and kept out of the throughput.  Peak resident memory is read from each worker process.

The Dask mode is the cluster eventwire starts itself (``--dask local --workers 2``);
``--dask-default`` adds one more mode, a LocalCluster with Dask's default configuration
driven by the same executor (as a remote cluster would be).

CPU time is counted too, since wall time on a shared machine says little about overhead:
the CPU-seconds per 100 articles of the parent process (for Dask it also hosts the
scheduler, the nannies and the client) and of the worker processes, and the extra over
one process doing everything, which is what the parallel modes spend on coordination.

Articles: the bundled sample corpus and the TR-News articles of
../shared/data/geo/TR-News.xml (read in place), repeated with distinct ids and a varied
closing line until there are ``--articles`` of them.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))


def articles(n: int):
    from _corpus import corpus

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


def own_cpu() -> float:
    """CPU-seconds of this process so far, all threads."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def children() -> set[int]:
    import psutil

    return {p.pid for p in psutil.Process().children(recursive=True)}


def cpu_of(pids: set[int]) -> float:
    """CPU-seconds so far of the processes ``pids`` (those still alive)."""
    import psutil

    total = 0.0
    for pid in pids:
        try:
            times = psutil.Process(pid).cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


class default_cluster:
    """The Dask executor on a LocalCluster with Dask's default configuration, as a remote one is."""

    def __init__(self):
        from distributed import Client, LocalCluster

        from eventwire.scale import DaskExecutor

        self.cluster = LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None)
        self.client = Client(self.cluster)
        self.run = DaskExecutor(self.client)

    def __enter__(self):
        return self.run.__enter__()

    def __exit__(self, *exc: object) -> None:
        self.run.__exit__(*exc)
        self.client.close()
        self.cluster.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=240)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--chunk-size", type=int, default=8)
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--dask-default", action="store_true",
                        help="also run a LocalCluster with Dask's default configuration")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from eventwire.scale import DaskExecutor, LocalExecutor, SerialExecutor, ingest
    from eventwire.store import connect

    raws = articles(args.articles)
    makers: dict[str, Callable[[], Any]] = {
        "1 process": SerialExecutor,
        "2 workers": lambda: LocalExecutor(2),
    }
    if not args.no_dask:
        makers["dask 2 workers"] = lambda: DaskExecutor("local", workers=2)
        if args.dask_default:
            makers["dask default"] = default_cluster

    startup: dict[str, float] = {}
    rss: dict[str, list[float]] = {}
    times: dict[str, list[float]] = {name: [] for name in makers}
    cpu: dict[str, list[tuple[float, float]]] = {name: [] for name in makers}
    loads: list[float] = []
    events: dict[str, int] = {}
    for _ in range(args.repeat):
        for name, make in makers.items():
            # Each mode runs alone: no other mode's idle processes or cluster beside it.
            before = children()
            t0 = time.perf_counter()
            with make() as run:
                run.start()
                startup.setdefault(name, time.perf_counter() - t0)  # the first, cold, start
                pids = children() - before  # this mode's worker processes
                with connect("duckdb:///:memory:") as store:
                    own0, workers0 = own_cpu(), cpu_of(pids)
                    t0 = time.perf_counter()
                    report = ingest(store, raws, run, chunk_size=args.chunk_size)
                    times[name].append(time.perf_counter() - t0)
                    cpu[name].append((own_cpu() - own0, cpu_of(pids) - workers0))
                    events[name] = report.counts["events"]
                rss[name] = run.peak_rss_mb()
            loads.append(os.getloadavg()[0])

    n = len(raws)
    base = statistics.median(times["1 process"])
    per100 = 100 / n
    base_cpu = statistics.median(sum(c) for c in cpu["1 process"]) * per100
    result = {
        "articles": n, "repeat": args.repeat, "chunk_size": args.chunk_size,
        "load_1min": {"min": min(loads), "median": statistics.median(loads), "max": max(loads)},
        "cpus": os.cpu_count(),
        "modes": {},
    }
    for name, t in times.items():
        parent = statistics.median(c[0] for c in cpu[name]) * per100
        workers = statistics.median(c[1] for c in cpu[name]) * per100
        total = statistics.median(sum(c) for c in cpu[name]) * per100
        result["modes"][name] = {
            "median_s": statistics.median(t), "runs_s": t,
            "articles_per_s": n / statistics.median(t),
            "speedup_vs_1": base / statistics.median(t),
            "speedups_vs_1": [b / x for b, x in zip(times["1 process"], t)],
            "startup_s": startup[name], "peak_rss_mb_per_worker": rss[name],
            "cpu_s_per_100": {"parent": parent, "workers": workers, "total": total,
                              "extra_vs_1": total - base_cpu},
            "events": events[name],
        }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    if len(set(events.values())) > 1:
        print(f"WARNING: the modes found different numbers of events: {events}", file=sys.stderr)
    load = result["load_1min"]
    print(f"{n} articles, {args.repeat} interleaved runs per mode (medians), chunk size {args.chunk_size}; "
          f"load average {load['min']:.1f}-{load['max']:.1f} on {result['cpus']} CPUs")
    for name, m in result["modes"].items():
        c = m["cpu_s_per_100"]
        print(f"  {name:<15} {m['median_s']:6.1f} s  {m['articles_per_s']:5.1f} articles/s  "
              f"x{m['speedup_vs_1']:.2f} (runs {', '.join(f'x{v:.2f}' for v in m['speedups_vs_1'])})  "
              f"start-up {m['startup_s']:.1f} s  "
              f"peak RSS/worker {', '.join(f'{v:.0f}' for v in m['peak_rss_mb_per_worker'])} MB  "
              f"({m['events']} events)")
        print(f"  {'':<15} CPU-s per 100 articles: parent {c['parent']:.2f}, workers {c['workers']:.2f}, "
              f"total {c['total']:.2f} ({c['extra_vs_1']:+.2f} vs 1 process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
