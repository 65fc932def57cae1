"""Event-stage cost against bare spaCy: how much ``coding.code_events`` adds to the parse.

For each text (the bundled sample corpus, the TR-News articles of
../shared/data/geo/TR-News.xml read in place, and the hand-coded event gold sentences),
times (a) ``nlp(text)`` with the bare spaCy model and (b) ``code_events`` on that Doc,
with the earlier stages (actors, places, times, quotes) run untimed to build its input.
Reports the median over ``--repeat`` rounds of each total and their ratio (target <= 0.10).

    .venv/bin/python bench/coding.py [--repeat 5] [--limit 200]
"""
from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time

from _corpus import ROOT, TRNEWS, corpus as _shared_corpus  # noqa: F401 - bench/ is on sys.path


def corpus(limit: int) -> list[tuple[str, str | None]]:
    """(text, published) pairs: the shared bench texts, then the events gold sentences."""
    from eventwire.evaluate.events import PUBLISHED, load_gold

    items = _shared_corpus(10**9)
    for _, records in load_gold():
        items.extend((r.text, PUBLISHED) for r in records)
    return items[:limit]


def analyses(nlp, items):
    """(doc, analysis) for each text, built with the pipeline's stages (untimed)."""
    from eventwire import actors, places, quotes, times
    from eventwire.records import Analysis

    catalogue, gazetteer = actors.load_catalogue(), places.load_gazetteer()
    out = []
    for i, (text, published) in enumerate(items):
        doc = nlp(text)
        acts = actors.find_actors(doc, catalogue, published=published)
        analysis = Analysis(f"bench{i}", text, (), published, None, acts,
                            places.find_places(doc, acts, gazetteer), times.find_times(doc, published))
        analysis = dataclasses.replace(analysis, quotes=quotes.find_quotes(doc, analysis))
        out.append((doc, analysis))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--limit", type=int, default=200)
    args = parser.parse_args()
    from eventwire import nlp as nlp_mod
    from eventwire.coding import code_events, load_lexicon

    nlp = nlp_mod.load()
    lexicon = load_lexicon()
    items = corpus(args.limit)
    prepared = analyses(nlp, items)
    parse_t, code_t = [], []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for text, _ in items:
            nlp(text)
        parse_t.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for doc, analysis in prepared:
            code_events(doc, analysis, lexicon)
        code_t.append(time.perf_counter() - t0)
    p, c = statistics.median(parse_t), statistics.median(code_t)
    chars = sum(len(t) for t, _ in items)
    print(f"texts: {len(items)} ({chars} chars), repeat {args.repeat}")
    print(f"spaCy parse (median): {p:.3f} s")
    print(f"event stage (median): {c:.3f} s")
    print(f"ratio event/parse:    {c / p:.3f}  (target <= 0.10)")
    return 0 if c / p <= 0.10 else 1


if __name__ == "__main__":
    sys.exit(main())
