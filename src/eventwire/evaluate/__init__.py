"""Evaluation suites for ``eventwire eval``: gold sets in, scores out, baselines pinned.

Baselines live in ``eventwire/data/baselines.toml``; CI runs the suites with
``--baseline`` so that a score that falls below its pinned value fails the build.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from ..errors import UsageError

BASELINES = Path(__file__).resolve().parent.parent / "data" / "baselines.toml"
CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@dataclass
class Report:
    """Scores of one suite, with the lines to print."""

    suite: str
    scores: dict[str, float]
    lines: list[str] = field(default_factory=list)

    def text(self) -> str:
        """Human-readable report."""
        body = "\n".join(self.lines)
        scores = "\n".join(f"  {k:<28} {v:.3f}" for k, v in sorted(self.scores.items()))
        return f"{body}\n{self.suite} scores:\n{scores}\n"

    def below_baseline(self) -> list[str]:
        """Scores below the baseline pinned for this suite."""
        pinned = load_baselines().get(self.suite, {})
        return [f"{k}: {self.scores.get(k, 0.0):.3f} < {v:.3f}" for k, v in pinned.items()
                if isinstance(v, (int, float)) and self.scores.get(k, 0.0) + 1e-9 < v]


def load_baselines() -> dict[str, dict[str, Any]]:
    """The pinned baselines, by suite: ``data/baselines.toml`` and ``data/baselines/*.toml``
    (one file a suite, named after it)."""
    with BASELINES.open("rb") as fh:
        pinned = tomllib.load(fh)
    for extra in sorted(BASELINES.with_suffix("").glob("*.toml")):
        with extra.open("rb") as fh:
            pinned.setdefault(extra.stem, {}).update(tomllib.load(fh))
    return pinned


def published_for(expected_path: Path, expected: dict) -> str | None:
    """The publication date an expected file is run with: its ``published`` key, or the
    ``--published YYYY-MM-DD`` its header comment names."""
    if expected.get("published"):
        return str(expected["published"])
    head = expected_path.read_text(encoding="utf-8")[:2000]
    m = re.search(r"--published\s+(\d{4}-\d{2}-\d{2})", head)
    return m.group(1) if m else None


def expected_files(path: str | None) -> list[Path]:
    """``*.expected.yaml`` files under ``path`` (default: the bundled sample corpus)."""
    root = Path(path) if path else CORPUS
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise UsageError(f"{root} is neither an expected file nor a directory of them")
    files = sorted(root.glob("*.expected.yaml"))
    if not files:
        raise UsageError(f"no *.expected.yaml files in {root}")
    return files


def run_sample(path: str | None = None, pipeline: Any = None) -> Report:
    """Score the pipeline on articles with expected files (the seed and the sample corpus)."""
    from ..pipeline import Pipeline
    from .expected import SECTIONS, check, load_expected

    pipe = pipeline or Pipeline()
    totals: dict[str, list[int]] = {s: [0, 0] for s in SECTIONS}
    lines = []
    for exp_path in expected_files(path):
        expected = load_expected(exp_path)
        source = exp_path.with_name(exp_path.name.replace(".expected.yaml", ".txt"))
        if not source.exists():
            source = exp_path.with_name(exp_path.name.replace(".expected.yaml", ".html"))
        data = source.read_bytes()
        record = pipe.process(data, published=published_for(exp_path, expected)).to_dict()
        unpublished = pipe.process(data).to_dict()
        outcome = check(record, expected, unpublished, name=exp_path.name.replace(".expected.yaml", ""))
        lines.append(outcome.summary())
        for c in outcome.failures():
            lines.append(f"    x {c.section}: {c.label} ({c.why})")
        for s in SECTIONS:
            ok, n = outcome.count(s)
            totals[s][0] += ok
            totals[s][1] += n
    scores = {s: ok / n for s, (ok, n) in totals.items() if n}
    return Report("sample", scores, lines)


# Suite name -> "module:function" under eventwire.evaluate; each function takes the gold
# path (or None for its default data) and returns a Report.  Modules load on use.
SUITES: dict[str, str] = {
    "sample": "eventwire.evaluate:run_sample",
    "plover-gsr": "eventwire.evaluate.plover:run",
    "events": "eventwire.evaluate.events:run",
    "geo": "eventwire.evaluate.geo:run",
    "actors": "eventwire.evaluate.actors:run",
    "times": "eventwire.evaluate.times:run",
    "quotes": "eventwire.evaluate.quotes:run",
    "incidents": "eventwire.evaluate.incidents:run",
}


def pinned_suites() -> list[str]:
    """Suites that have pinned baselines, in registry order."""
    pinned = load_baselines()
    return [name for name in SUITES if name in pinned]


def run_suite(name: str, path: str | None = None) -> Report:
    """Run the suite ``name`` on ``path`` (or its default gold data)."""
    import importlib

    if name not in SUITES:
        raise UsageError(f"unknown suite {name!r}; choose one of: {', '.join(SUITES)}")
    module, func = SUITES[name].split(":")
    try:
        runner: Callable[[str | None], Report] = getattr(importlib.import_module(module), func)
    except (ImportError, AttributeError):
        raise UsageError(f"suite {name!r} is not available in this version") from None
    return runner(path)
