"""Incremental corroboration: milliseconds per added article with 100,000 events stored.

Generates a synthetic history (``--events`` events over two years, 60 countries, the 16
PLOVER types, 3 events an article, a tenth of the articles syndicated copies), then adds
new articles and reports the median and 95th-percentile cost of one article:

* ``memory``: :class:`eventwire.corroborate.IncidentIndex` and ``CopyIndex`` (MinHash of
  the text, LSH lookup, incident matching through the (type, date bucket) index);
* ``baseline``: comparing each new event with every stored event (what the index avoids),
  on a sample of new articles, for the ratio;
* the DuckDB store that already holds the history (rows written in bulk), i.e. what
  ``eventwire ingest`` pays an article, in two parts measured on the same calls:

  - ``incidents``: the incident update alone (copy detection, candidate lookup, matching,
    grading, and the rows of copies and incidents, with the grade updates of stored
    events): the time spent in ``store/incidents.py``'s ``Corroboration`` and its cache;
  - ``add``: the whole ``Store.add`` / ``add_many``, article, actor, place, time, quote and
    event rows and the commit included.

  Each is measured one article at a time (``Store.add``: one transaction each) and in
  batches of 50 (``add_many``: one transaction a batch, as ``eventwire ingest`` writes a
  chunk; per article, amortised over the batch, so the percentiles are over batches), for
  two streams of new articles, each on a fresh copy of the store:

  - ``news``: dated within the last ``--window`` days of the history, in date order, as a
    news feed arrives (the store's candidate cache stays warm);
  - ``random``: dated anywhere in the two years, in random order (the worst case: every
    article reads its candidates from the database).

  The history is stored in the order of its dates, as a news feed fills a store;
  ``--shuffled`` stores it in random order (an archive ingested in no order), where every
  read of candidates scans the whole table.

    .venv/bin/python bench/corroborate.py [--events 100000] [--new 200] [--batches 8] [--shuffled] [--no-store]
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
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
DAYS = 730


def synthetic_article(rng: random.Random, n: int, *, copy_of: Article | None = None, prefix: str = "a",
                      day: dt.date | None = None) -> Article:
    """One article of three events (or a lightly edited copy of ``copy_of``)."""
    if copy_of is not None:
        text = copy_of.text.replace(" the ", " a ", 2) + " (Syndicated.)"
        return Article(f"b{prefix}{n}", None, f"Outlet {n % 500}", None, copy_of.published, "en", "ok", (), text,
                       actors=copy_of.actors, events=tuple(
                           Event(f"{e.id}-c{prefix}{n}", e.type, None, (), None, None, e.actors, e.recipients,
                                 e.location, e.date, "asserted", (), None, None, None,
                                 Span.of(text, 0, min(len(text), e.evidence.end)), 0.5)
                           for e in copy_of.events))
    day = day or START + dt.timedelta(days=rng.randrange(DAYS))
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
        events.append(Event(f"e{prefix}{n}-{k}", rng.choice(TYPES), None, (), None, None, (actors[k].id,),
                            (actors[(k + 1) % 3].id,), place,
                            EventDate((day + dt.timedelta(days=rng.randrange(2))).isoformat(), "day", None,
                                      "published"),
                            "asserted", (), None, None, None, Span.of(text, a, a + 120), 0.5))
    return Article(f"{prefix}{n}", None, f"Outlet {n % 500}", None, Published(day.isoformat(), "given"), "en", "ok",
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


def stream(n: int, order: str, window: int, seed: int) -> list[Article]:
    """``n`` new articles: ``news`` dated in the last ``window`` days in date order, or
    ``random`` dated anywhere; a tenth are copies of an earlier new article."""
    rng = random.Random(seed)
    if order == "news":
        days = sorted(START + dt.timedelta(days=DAYS - window + rng.randrange(window)) for _ in range(n))
    else:
        days = [START + dt.timedelta(days=rng.randrange(DAYS)) for _ in range(n)]
    out: list[Article] = []
    for k, day in enumerate(days):
        copy = out[-1 - rng.randrange(min(len(out), 5))] if out and rng.random() < 0.1 else None
        out.append(synthetic_article(rng, k, copy_of=copy, prefix=f"{order[0]}", day=day))
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


def build_store(old: list[Article], path: str, *, shuffled: bool = False) -> None:
    """The history in a DuckDB store, rows written in bulk as ingest writes them (each event
    its own incident; copies and LSH bands recorded), in the order of the articles' dates
    as a news feed fills a store, or ``shuffled`` (an archive ingested in no order: the
    worst case for DuckDB, whose scans skip the blocks of rows that no date filter matches)."""
    from eventwire.store import connect
    from eventwire.store import rows as _rows

    old = sorted(old, key=lambda a: (a.published.value, a.id)) if not shuffled else old
    store = connect(f"duckdb:///{path}")
    db = store._db
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
    store.close()


class Clock:
    """Time spent inside the incident update, summed over the calls made while it runs
    (``spent`` wall-clock, ``cpu`` CPU time of the process)."""

    def __init__(self) -> None:
        from eventwire.store import incidents

        self.spent = self.cpu = 0.0
        cache = getattr(incidents, "CandidateCache", None)
        for owner, name in ((incidents.Corroboration, "__init__"), (incidents.Corroboration, "patch"),
                            (incidents.Corroboration, "write"), (cache, "begin"), (cache, "added")):
            if hasattr(owner, name):  # (the cache is newer than the first store code)
                setattr(owner, name, self.timed(getattr(owner, name)))

    def timed(self, fn):
        def wrapper(*args, **kwargs):
            t, c = time.perf_counter(), time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                self.spent += time.perf_counter() - t
                self.cpu += time.process_time() - c
        return wrapper

    def start(self) -> None:
        self.spent = self.cpu = 0.0
        self.t, self.c = time.perf_counter(), time.process_time()

    def stop(self, out: dict[str, list], name: str, n: int = 1) -> None:
        """Append (wall, CPU) in ms an article, whole call and incident part, to ``out``."""
        wall, cpu = time.perf_counter() - self.t, time.process_time() - self.c
        out[name].append((wall * 1000 / n, cpu * 1000 / n))
        out["incidents" + name[3:]].append((self.spent * 1000 / n, self.cpu * 1000 / n))


def bench_store(base: str, new: list[Article], batches: list[list[Article]], clock: Clock
                ) -> dict[str, list[float]]:
    """On a fresh copy of the store: ``new`` one by one, then ``batches`` with add_many."""
    from eventwire.store import connect

    out: dict[str, list] = {"add": [], "incidents": [], "add-50": [], "incidents-50": []}
    with tempfile.TemporaryDirectory() as tmp:
        path = f"{tmp}/copy.duckdb"
        shutil.copy(base, path)
        store = connect(f"duckdb:///{path}")
        for a in new:
            clock.start()
            store.add(a)
            clock.stop(out, "add")
        for chunk in batches:
            clock.start()
            store.add_many(chunk, batch_size=len(chunk))
            clock.stop(out, "add-50", len(chunk))
        counts = store.count()
        store.close()
    print(f"  store holds {counts['events']:,} events, {counts['incidents']:,} incidents", file=sys.stderr)
    return out


def _p95(values: list[float]) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]


def summary(name: str, times: list[float], unit: str = "article") -> str:
    return (f"{name:<24} median {statistics.median(times):8.2f} ms/article   p95 {_p95(times):8.2f} ms"
            f"   (n={len(times)} {unit}s)")


def summary2(name: str, pairs: list[tuple[float, float]], unit: str = "article") -> str:
    """Wall-clock and CPU time: on a shared machine the CPU time shows the cost, the wall
    clock what a caller waited."""
    wall, cpu = [p[0] for p in pairs], [p[1] for p in pairs]
    return (f"{name:<24} median {statistics.median(wall):7.2f} ms/article  p95 {_p95(wall):7.2f} ms  |  "
            f"CPU median {statistics.median(cpu):7.2f}  p95 {_p95(cpu):7.2f}   (n={len(pairs)} {unit}s)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000, help="stored events (default 100,000)")
    parser.add_argument("--new", type=int, default=200, help="articles added one by one, per stream")
    parser.add_argument("--batches", type=int, default=8, help="batches of 50 added with add_many, per stream")
    parser.add_argument("--window", type=int, default=30, help="days the news stream spans")
    parser.add_argument("--shuffled", action="store_true",
                        help="store the history in random date order (default: in date order)")
    parser.add_argument("--no-store", action="store_true", help="skip the DuckDB store measurement")
    args = parser.parse_args()
    t = time.perf_counter()
    old = history(args.events)
    print(f"generated {sum(len(a.events) for a in old):,} stored events in {len(old):,} articles "
          f"({time.perf_counter() - t:.1f} s)", file=sys.stderr)
    sample = stream(args.new, "random", args.window, seed=11)
    print(summary("memory", bench_memory(old, sample)))
    print(summary("baseline", bench_baseline(old, sample[:20])))
    if args.no_store:
        return 0
    clock = Clock()
    with tempfile.TemporaryDirectory() as tmp:
        base = f"{tmp}/base.duckdb"
        t = time.perf_counter()
        build_store(old, base, shuffled=args.shuffled)
        print(f"  history stored in {'random' if args.shuffled else 'date'} order in "
              f"{time.perf_counter() - t:.1f} s", file=sys.stderr)
        for order, seed in (("news", 21), ("random", 22)):
            articles = stream(args.new + 50 * args.batches, order, args.window, seed)
            one, rest = articles[:args.new], articles[args.new:]
            result = bench_store(base, one, [rest[i:i + 50] for i in range(0, len(rest), 50)], clock)
            print(f"{order} stream ({'last %d days, in date order' % args.window if order == 'news' else 'any date'}):")
            print(summary2("  incidents, 1 by 1", result["incidents"]))
            print(summary2("  Store.add, 1 by 1", result["add"]))
            print(summary2("  incidents, 50 a batch", result["incidents-50"], "batch"))
            print(summary2("  add_many of 50", result["add-50"], "batch"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
