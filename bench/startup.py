"""Start-up: wall time of ``eventwire --help`` (median of 20 runs, after one warm-up).

    .venv/bin/python bench/startup.py [--runs 20]

Runs the console script next to this Python (``.venv/bin/eventwire``), falling back to
``python -m eventwire``.  Target: under 0.3 s (spaCy, DuckDB and Dask are not imported).
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    script = Path(sys.executable).with_name("eventwire")
    cmd = [str(script), "--help"] if script.exists() else [sys.executable, "-m", "eventwire", "--help"]
    if not script.exists() and shutil.which("eventwire"):
        cmd = [shutil.which("eventwire"), "--help"]
    subprocess.run(cmd, check=True, capture_output=True)  # warm the file cache
    times = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    result = {"command": " ".join(cmd), "runs": args.runs, "median_s": statistics.median(times),
              "min_s": min(times), "max_s": max(times)}
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{result['command']}: median {result['median_s']:.3f} s over {args.runs} runs "
              f"(min {result['min_s']:.3f}, max {result['max_s']:.3f}); target < 0.3 s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
