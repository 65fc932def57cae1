"""Long fuzz run: the Hypothesis strategies of tests/test_hardening.py for many more cases than CI.

CI runs 2,000 input-path cases and 150 whole-pipeline cases (tests/test_hardening.py);
this runs the same strategies and the same checks (imported, not copied) for, by default,
100,000 cases of the input path (acquire + extract) and 2,000 of the whole pipeline,
with a per-case time limit, and reports cases, failures, the slowest case and the time.

    nice -n 15 .venv/bin/python bench/fuzz_long.py [--input-cases 100000] [--pipeline-cases 2000]
        [--input-limit 5] [--pipeline-limit 30] [--seed 0] [--json results.json] [--failures DIR]

The per-case limit is on CPU time (``ITIMER_PROF``), so that a busy shared machine does
not turn waiting into failures, and because the pipeline's own wall-clock limit
(``Options.time_limit``, E301) already uses ``ITIMER_REAL``.  A case over the limit is
interrupted and counted as a failure.  Failing inputs are written to ``--failures``
for replay.  Exit status: 0 when nothing failed, 1 otherwise.
"""
from __future__ import annotations

import argparse
import collections
import json
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests/ is a package: import its strategies and checks


class CaseTimeout(BaseException):
    """Raised inside a case that used more CPU time than its limit (BaseException: not swallowed)."""


def _expire(signum, frame):
    raise CaseTimeout()


class Tally:
    """Counts, outcomes, failures and the slowest case of one run."""

    def __init__(self, name: str, limit: float, failures_dir: Path | None):
        self.name, self.limit, self.failures_dir = name, limit, failures_dir
        self.cases = 0
        self.outcomes: collections.Counter = collections.Counter()
        self.failures: list[dict] = []
        self.slowest = (0.0, 0.0, None)  # (cpu s, wall s, input)
        self.started = time.perf_counter()

    def run(self, check, value) -> None:
        self.cases += 1
        cpu0, wall0 = time.process_time(), time.perf_counter()
        signal.setitimer(signal.ITIMER_PROF, self.limit)
        try:
            outcome = check(value)
        except CaseTimeout:
            outcome = self._fail(value, f"over the {self.limit} s CPU limit")
        except Exception as exc:  # noqa: BLE001 - every failure is counted, the run goes on
            outcome = self._fail(value, f"{type(exc).__name__}: {str(exc)[:300]}")
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
        self.outcomes[outcome] += 1
        if cpu > self.slowest[0]:
            self.slowest = (cpu, wall, value)

    def _fail(self, value, why: str) -> str:
        self.failures.append({"case": self.cases, "why": why, "input": _preview(value)})
        if self.failures_dir is not None:
            self.failures_dir.mkdir(parents=True, exist_ok=True)
            data = value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")
            (self.failures_dir / f"{self.name}-{self.cases}.bin").write_bytes(data)
        return "FAILED"

    def report(self) -> dict:
        cpu, wall, value = self.slowest
        seconds = time.perf_counter() - self.started
        return {"name": self.name, "cases": self.cases, "failures": len(self.failures),
                "failed": self.failures[:20], "outcomes": dict(self.outcomes.most_common()),
                "seconds": round(seconds, 1), "cases_per_s": round(self.cases / seconds, 1) if seconds else None,
                "limit_cpu_s": self.limit,
                "slowest": {"cpu_s": round(cpu, 3), "wall_s": round(wall, 3), "input": _preview(value),
                            "input_bytes": len(value) if isinstance(value, bytes) else len(str(value or ""))}}


def _preview(value, size: int = 120) -> str:
    text = repr(value)
    return text if len(text) <= size else text[:size] + "..."


def fuzz(tally: Tally, strategy, check, cases: int, seed: int, batch: int, progress: bool) -> None:
    """Run ``check`` on ``cases`` values drawn by Hypothesis from ``strategy``, in batches.

    Batches of a fresh ``@given`` each (seeded ``seed``, ``seed + 1``, ...) keep
    Hypothesis's memory of tried inputs bounded over a run of 100,000 cases.
    """
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hseed

    number = 0
    while tally.cases < cases:
        want = min(batch, cases - tally.cases)
        before = tally.cases

        @hseed(seed + number)
        @settings(max_examples=want, deadline=None, database=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck), report_multiple_bugs=False)
        @given(strategy)
        def one(value):
            tally.run(check, value)

        one()
        number += 1
        if tally.cases == before:
            break  # the strategy is exhausted: nothing new to draw
        if progress:
            sys.stderr.write(f"{tally.name}: {tally.cases}/{cases} cases, {len(tally.failures)} failures, "
                             f"{time.perf_counter() - tally.started:.0f} s\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input-cases", type=int, default=100_000)
    parser.add_argument("--pipeline-cases", type=int, default=2_000)
    parser.add_argument("--input-limit", type=float, default=5.0, help="CPU seconds per input-path case")
    parser.add_argument("--pipeline-limit", type=float, default=30.0, help="CPU seconds per pipeline case")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch", type=int, default=5_000, help="cases per Hypothesis run")
    parser.add_argument("--json", help="also write the report to this file")
    parser.add_argument("--failures", type=Path, help="write each failing input to this folder")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    args = parser.parse_args()

    from tests import test_hardening as hardening

    previous = signal.signal(signal.SIGPROF, _expire)
    reports = []
    try:
        if args.input_cases > 0:
            tally = Tally("input", args.input_limit, args.failures)
            fuzz(tally, hardening.INPUT_DATA, hardening.check_input_path, args.input_cases, args.seed,
                 args.batch, not args.quiet)
            reports.append(tally.report())
        if args.pipeline_cases > 0:
            from eventwire.pipeline import Pipeline

            pipeline = Pipeline()
            pipeline.process("Russia said on Friday.", published="2015-10-31")  # load models outside the timing
            tally = Tally("pipeline", args.pipeline_limit, args.failures)
            fuzz(tally, hardening.PIPELINE_TEXT, lambda text: hardening.check_pipeline(pipeline, text),
                 args.pipeline_cases, args.seed, min(args.batch, 500), not args.quiet)
            reports.append(tally.report())
    finally:
        signal.signal(signal.SIGPROF, previous)
    out = json.dumps({"runs": reports}, indent=2, ensure_ascii=False)
    print(out)
    if args.json:
        Path(args.json).write_text(out + "\n", encoding="utf-8")
    return 1 if any(r["failures"] for r in reports) else 0


if __name__ == "__main__":
    sys.exit(main())
