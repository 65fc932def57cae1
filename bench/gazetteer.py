"""Gazetteer index: cold load time and resident memory.

Each of 5 runs loads the compiled index in a fresh subprocess (building it first if
the cache lacks it) and reports the load time and the process's peak resident set.
Targets (issue 4): under 2 s to load, under 300 MB resident.

    .venv/bin/python bench/gazetteer.py
"""
from __future__ import annotations

import json
import statistics
import subprocess
import sys

CHILD = r"""
import json, resource, time
t = time.perf_counter()
from eventwire import gazetteer
g = gazetteer.load()
g.lookup("Mosul")
elapsed = time.perf_counter() - t
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"load_s": elapsed, "rss_mb": rss_mb, "entries": len(g)}))
"""

BASE = r"""
import json, resource
print(json.dumps({"rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _run(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(runs: int = 5) -> int:
    from eventwire import gazetteer

    if not gazetteer.index_path().is_file():
        gazetteer.build()  # the build is a one-off; the benchmark measures loads
    results = [_run(CHILD) for _ in range(runs)]
    base = _run(BASE)["rss_mb"]
    load = statistics.median(r["load_s"] for r in results)
    rss = statistics.median(r["rss_mb"] for r in results)
    print(f"entries           {results[0]['entries']}")
    print(f"load (median of {runs}) {load:.3f} s   target < 2 s")
    print(f"peak RSS          {rss:.0f} MB (bare interpreter {base:.0f} MB)   target < 300 MB")
    return 0 if load < 2.0 and rss < 300 else 1


if __name__ == "__main__":
    sys.exit(main())
