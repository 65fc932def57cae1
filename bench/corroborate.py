"""Incremental corroboration: milliseconds per added article with 100,000 events stored.

Generates a synthetic history (``--events`` events over two years, 60 countries, the 16
PLOVER types, 3 events an article, a tenth of the articles syndicated copies), then adds
``--new`` more articles one at a time and reports the median and 95th-percentile cost of
one article, in two settings measured in the same run:

* ``memory``: :class:`eventwire.corroborate.IncidentIndex` and ``CopyIndex`` (MinHash of
  the text, LSH lookup, incident matching through the (type, date bucket) index);
* ``store``: ``Store.add`` into a DuckDB store that already holds the history (rows
  written in bulk), i.e. what ``eventwire ingest`` pays per article: its rows, copy
  detection, candidate lookup through the (type, event_date) index and regrading.
  ``store`` adds the articles one by one (``Store.add``: one transaction each);
  ``store-50`` in batches of 50, as ``eventwire ingest`` does (per article, amortised).
* ``baseline``: comparing each new event with every stored event (what the index avoids),
  on a sample of new articles, for the ratio.

    .venv/bin/python bench/corroborate.py [--events 100000] [--new 300] [--no-store]
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from eventwire import corroborate as co  # noqa: E402
from eventwire.records import (ActorMention, Article, Event, EventDate, Place, Published,  # noqa: E402
                               Span)

TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "REJECT",
         "ACCUSE", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
WORDS = ("army rebels strike village market town police protest killed wounded minister talks border "
         "drone attack camp fighters capital government officials civilians agreement sanctions "
         "troops convoy checkpoint province district region clashes arrested militia").split()
START = dt.date(2023, 1, 1)


def synthetic_article(rng: random.Random, n: int, *, copy_of: Article | None = None) -> Article:
    """One article of three events (or a lightly edited copy of ``copy_of``)."""
    if copy_of is not None:
        text = copy_of.text.replace(" the ", " a ", 2) + " (Syndicated.)"
        return Article(f"b{n}", None, f"Outlet {n % 500}", None, copy_of.published, "en", "ok", (), text,
                       actors=copy_of.actors, events=tuple(
                           Event(f"{e.id}-c{n}", e.type, None, (), None, None, e.actors, e.recipients,
                                 e.location, e.date, "asserted", (), None, None, None,
                                 Span.of(text, 0, min(len(text), e.evidence.end)), 0.5)
                           for e in copy_of.events))
    day = START + dt.timedelta(days=rng.randrange(730))
    country = f"C{rng.randrange(60):02d}"
    words = [rng.choice(WORDS) for _ in range(220)]
    text = " ".join(words)
    actors = tuple(ActorMention(Span.of(text, 0, len(words[0])), f"ew:{country}-{rng.randrange(40)}",
                                f"Actor {k}", country, None, "organization") for k in range(3))
    events = []
    for k in range(3):
        lat, lon = rng.uniform(-40, 60), rng.uniform(-100, 120)
        place = Place(Span.of(text, 0, len(words[0])), "Town", None, lat, lon, country, None, "city")
        a = k * 60
        events.append(Event(f"e{n}-{k}", rng.choice(TYPES), None, (), None, None, (actors[k].id,),
                            (actors[(k + 1) % 3].id,), place,
                            EventDate((day + dt.timedelta(days=rng.randrange(2))).isoformat(), "day", None,
                                      "published"),
                            "asserted", (), None, None, None, Span.of(text, a, a + 120), 0.5))
    return Article(f"a{n}", None, f"Outlet {n % 500}", None, Published(day.isoformat(), "given"), "en", "ok",
                   (), text, actors=actors, events=tuple(events))


def reports(article: Article) -> list[co.Report]:
    record = article.to_dict()
    return [co.from_event(e, record) for e in record["events"]]


def history(n_events: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    out: list[Article] = []
    total = 0
    while total < n_events:
        n = len(out)
        out.append(synthetic_article(rng, n, copy_of=out[rng.randrange(n)] if n > 10 and rng.random() < 0.1 else None))
        total += len(out[-1].events)
    return out


def bench_memory(old: list[Article], new: list[Article]) -> list[float]:
    index, copies = co.IncidentIndex(), co.CopyIndex()
    for a in old:
        group = copies.add(a.id, a.text)
        for r in reports(a):
            index.add(co.Report(**{**{f: getattr(r, f) for f in r.__slots__}, "copy_group": group}))
    times = []
    for a in new:
        t = time.perf_counter()
        group = copies.add(a.id, a.text)
        for r in reports(a):
            index.add(co.Report(**{**{f: getattr(r, f) for f in r.__slots__}, "copy_group": group}))
        times.append((time.perf_counter() - t) * 1000)
    return times


def bench_baseline(old: list[Article], new: list[Article]) -> list[float]:
    stored = [r for a in old for r in reports(a)]
    times = []
    for a in new:
        t = time.perf_counter()
        for r in reports(a):
            max((co.match(r, s) or 0.0 for s in stored), default=0.0)
        times.append((time.perf_counter() - t) * 1000)
    return times


def bench_store(old: list[Article], new: list[Article], batch_size: int = 50) -> tuple[list[float], list[float]]:
    from eventwire.store import connect
    from eventwire.store import rows as _rows

    with tempfile.TemporaryDirectory() as tmp:
        store = connect(f"duckdb:///{tmp}/bench.duckdb")
        db = store._db  # bulk load of the history: rows as ingest writes them, incidents per event
        now = dt.datetime(2024, 1, 1)
        tables: dict[str, list[tuple]] = {name: [] for name in _rows.TABLES}
        copies, bands = [], []
        for a in old:
            for name, found in _rows.article_rows(a, now).items():
                tables[name].extend(found)
            sig = co.signature(a.text)
            copies.append((a.id, a.id, co.encode_signature(sig)))
            bands.extend((k, a.id) for k in co.band_keys(sig))
        with db.transaction():
            for name in _rows.TABLES:
                db.insert(name, _rows.COLUMNS[name], tables[name])
            db.insert("copies", ("article_id", "copy_group", "signature"), copies)
            db.insert("copy_bands", ("band", "article_id"), bands)
        times = []
        half = len(new) // 2
        for a in new[:half]:
            t = time.perf_counter()
            store.add(a)
            times.append((time.perf_counter() - t) * 1000)
        batch = []
        for start in range(half, len(new), batch_size):
            chunk = new[start:start + batch_size]
            t = time.perf_counter()
            store.add_many(chunk)
            batch.append((time.perf_counter() - t) * 1000 / len(chunk))
        counts = store.count()
        store.close()
    print(f"  store holds {counts['events']:,} events, {counts['incidents']:,} incidents", file=sys.stderr)
    return times, batch


def summary(name: str, times: list[float]) -> str:
    times = sorted(times)
    p95 = times[int(0.95 * (len(times) - 1))]
    return f"{name:<9} median {statistics.median(times):8.2f} ms/article   p95 {p95:8.2f} ms   (n={len(times)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--new", type=int, default=300)
    parser.add_argument("--no-store", action="store_true", help="skip the DuckDB store measurement")
    args = parser.parse_args()
    t = time.perf_counter()
    articles = history(args.events + 3 * args.new)
    split = len(articles) - args.new
    old, new = articles[:split], articles[split:]
    print(f"generated {sum(len(a.events) for a in old):,} stored events in {len(old):,} articles "
          f"({time.perf_counter() - t:.1f} s); adding {len(new)} articles", file=sys.stderr)
    print(summary("memory", bench_memory(old, new)))
    base = bench_baseline(old, new[:20])
    print(summary("baseline", base))
    if not args.no_store:
        one, batch = bench_store(old, new)
        print(summary("store", one))
        print(summary("store-50", batch) + "  (add_many of 50, per article)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
