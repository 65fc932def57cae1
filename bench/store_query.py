"""Store queries at scale: a filtered ``events`` query over 1,000,000 generated events.

    .venv/bin/python bench/store_query.py [--events 1000000] [--runs 20] [--db PATH] [--keep]

Fast path to a big store (documented, not the ingest path): the store is created with
:func:`eventwire.connect` (so it has the real schema), then ``articles`` and ``events``
rows are generated with numpy as Arrow tables and inserted in bulk through DuckDB
(``INSERT INTO events SELECT ... FROM arrow_table``), ten events an article, event dates
spread over 2015-2024 in random order, 16 PLOVER types, about 60 countries.  Then the
store is reopened read-only and ``Store.events(country=..., start=..., end=..., type=...)``
(what ``eventwire events --country IRQ --start 2020-01-01 --end 2020-06-30 --type ASSAULT``
runs, rows fetched into Python included) is timed ``--runs`` times; the median is
reported.  Target: under 200 ms.

The same filters are then timed with human reviews applied in SQL
(``eventwire.store.review.fetch``: the unreviewed machine rows united with the reviewed
rows, filtered, sorted and paged together), after ``--reviews`` events (default 1,000,
evenly spread) were reviewed through ``review.review`` itself: a third rejected, a third
re-typed to ASSAULT, a third given a death toll.  The reviewed rows are checked against
what the reviews imply before anything is timed.  Also timed: the API's first page (all
events, 100 rows, newest first) with its total count.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time

TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "REJECT", "ACCUSE", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
COUNTRIES = ["IRQ", "SYR", "TUR", "RUS", "USA", "UKR", "ISR", "PSE", "IRN", "SDN", "SSD", "ETH",
             "SOM", "KEN", "NGA", "MLI", "BFA", "NER", "LBY", "EGY", "YEM", "SAU", "AFG", "PAK",
             "IND", "CHN", "MMR", "PHL", "COL", "VEN", "MEX", "BRA", "COD", "CAF", "CMR", "MOZ",
             "LBN", "JOR", "GBR", "FRA", "DEU", "POL", "BLR", "GEO", "ARM", "AZE", "KAZ", "UZB",
             "THA", "IDN", "BGD", "LKA", "NPL", "HTI", "PER", "CHL", "ARG", "ZAF", "ZWE", "UGA"]


def build(path: str, n_events: int, seed: int = 6, shuffle: bool = False) -> float:
    import numpy as np
    import pyarrow as pa

    import eventwire
    from eventwire.store.rows import COLUMNS

    t0 = time.perf_counter()
    eventwire.connect(path).close()  # the real schema
    rng = np.random.default_rng(seed)
    n_articles = max(1, n_events // 10)
    art_ids = np.char.add("art", np.arange(n_articles).astype(str))
    base = np.datetime64("2015-01-01")
    if shuffle:  # worst case: event dates in random order across the table
        days = rng.integers(0, 3650, n_events)
    else:  # ingest order: articles arrive by publication day, events a few days before it
        published = np.sort(rng.integers(30, 3650, n_articles))
        days = np.repeat(published, 10)[:n_events] - rng.integers(0, 30, n_events)
    event_date = base + days.astype("timedelta64[D]")
    countries = np.array(COUNTRIES)
    c1 = countries[rng.integers(0, len(countries), n_events)]
    c2 = countries[rng.integers(0, len(countries), n_events)]
    c3 = countries[rng.integers(0, len(countries), n_events)]
    types = np.array(TYPES)[rng.integers(0, len(TYPES), n_events)]
    modality = np.where(rng.random(n_events) < 0.8, "asserted", "historical")
    ev_ids = np.char.add("e", np.arange(n_events).astype(str))
    article_of = art_ids[np.arange(n_events) // 10]

    def lists(values):
        return pa.array([[v] for v in values.tolist()], type=pa.list_(pa.string()))

    events = {
        "id": pa.array(ev_ids), "article_id": pa.array(article_of), "type": pa.array(types),
        "actors": lists(c1), "actor_names": lists(c1), "actor_countries": lists(c1),
        "recipients": lists(c2), "recipient_names": lists(c2), "recipient_countries": lists(c2),
        "location_country": pa.array(c3), "date": pa.array(np.datetime_as_string(event_date)),
        "date_granularity": pa.array(np.full(n_events, "day")),
        "event_date": pa.array(event_date.astype("datetime64[D]")),
        "modality": pa.array(modality),
        "evidence": pa.array(np.char.add("Generated evidence sentence number ", np.arange(n_events).astype(str))),
        "evidence_start": pa.array(np.zeros(n_events, dtype=np.int32)),
        "evidence_end": pa.array(np.full(n_events, 40, dtype=np.int32)),
        "confidence": pa.array(rng.random(n_events)), "incident_id": pa.array(ev_ids),
        "grade": pa.array(np.full(n_events, "single_source")),
        "record": pa.array(np.full(n_events, "{}")),
    }
    articles = {
        "id": pa.array(art_ids), "url": pa.array(np.char.add("https://news.example/", art_ids)),
        "publisher": pa.array(np.full(n_articles, "Example News")),
        "title": pa.array(np.char.add("Title ", art_ids)), "status": pa.array(np.full(n_articles, "ok")),
        "n_events": pa.array(np.full(n_articles, 10, dtype=np.int32)),
        "ingested_at": pa.array(np.full(n_articles, np.datetime64("2025-01-01T00:00:00", "us"))),
        "record": pa.array(np.full(n_articles, "{}")),
    }
    import duckdb

    con = duckdb.connect(path)
    for table, data in (("articles", articles), ("events", events)):
        assert set(data) <= set(COLUMNS[table])
        frame = pa.table(data)
        con.register("bulk", frame)
        cols = ", ".join(data)
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM bulk")
        con.unregister("bulk")
    con.execute("CHECKPOINT")
    con.close()
    return time.perf_counter() - t0


def add_reviews(path: str, n_reviews: int) -> tuple[float, dict[str, set[str]]]:
    """Review ``n_reviews`` events spread over the store; returns seconds taken and the ids by kind."""
    import eventwire
    from eventwire.store import review

    kinds: dict[str, set[str]] = {"reject": set(), "retype": set(), "toll": set()}
    store = eventwire.connect(path)
    total = store.count()["events"]
    step = max(1, total // max(1, n_reviews))
    done = review.reviews(store)
    t0 = time.perf_counter()
    for i in range(min(n_reviews, total)):
        event_id = f"e{i * step}"
        article_id = f"art{(i * step) // 10}"
        kind = ("reject", "retype", "toll")[i % 3]
        kinds[kind].add(event_id)
        if (article_id, event_id) in done:
            continue
        if kind == "reject":
            review.review(store, article_id, event_id, "reject", reviewer="bench")
        elif kind == "retype":
            review.review(store, article_id, event_id, "edit", reviewer="bench",
                          changes={"type": "ASSAULT", "mode": None})
        else:
            review.review(store, article_id, event_id, "edit", reviewer="bench", changes={"fatalities": i})
    seconds = time.perf_counter() - t0
    store.close()
    return seconds, kinds


def check_reviewed(store, filters: dict, kinds: dict[str, set[str]]) -> int:
    """The reviewed rows are the machine's, less the rejected, plus the events re-typed into the filter."""
    from eventwire.store import review

    got = {row["id"] for row, _ in review.fetch(store, **filters)}
    machine = {r["id"] for r in store.events(**filters)}
    untyped = {k: v for k, v in filters.items() if k != "type"}
    retyped_in = {r["id"] for r in store.events(**untyped)} & kinds["retype"]
    expected = (machine - kinds["reject"]) | retyped_in if filters.get("type") == "ASSAULT" else (
        machine - kinds["reject"] - (kinds["retype"] if filters.get("type") else set()))
    if got != expected:
        raise SystemExit(f"reviewed rows differ from what the reviews imply: {len(got)} vs {len(expected)}")
    if review.count(store, **{k: v for k, v in filters.items() if k != "limit"}) < len(got):
        raise SystemExit("reviewed count is below the rows returned")
    return len(got)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--db", help="DuckDB file to build (default: a temporary file)")
    parser.add_argument("--shuffle", action="store_true",
                        help="event dates in random order (worst case) instead of ingest order")
    parser.add_argument("--keep", action="store_true", help="keep the generated store")
    parser.add_argument("--reviews", type=int, default=1000, help="events to review (0: skip the reviewed timings)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    import eventwire

    folder = tempfile.mkdtemp(prefix="ew-bench-")
    path = args.db or os.path.join(folder, "events.duckdb")
    if not os.path.exists(path):
        build_s = build(path, args.events, shuffle=args.shuffle)
    else:
        build_s = 0.0
    review_s, kinds = add_reviews(path, args.reviews) if args.reviews else (0.0, {})
    store = eventwire.connect(path, read_only=True)
    queries = {
        "country+date+type": dict(country="IRQ", start="2020-01-01", end="2020-06-30", type="ASSAULT"),
        "country+date+type, all modalities": dict(country="IRQ", start="2020-01-01", end="2020-06-30",
                                                  type="ASSAULT", modality="all"),
        "date range only, limit 1000": dict(start="2019-01-01", end="2019-12-31", limit=1000),
    }
    result = {"events": store.count()["events"], "shuffled": args.shuffle, "build_s": build_s, "runs": args.runs,
              "reviews": args.reviews, "review_s": review_s, "queries": {}}

    def timed(name, filters, run):
        run()  # warm
        times, rows = [], 0
        for _ in range(args.runs):
            t0 = time.perf_counter()
            rows = run()
            times.append(time.perf_counter() - t0)
        result["queries"][name] = {"filters": filters, "rows": rows,
                                   "median_ms": statistics.median(times) * 1000,
                                   "max_ms": max(times) * 1000}

    for name, filters in queries.items():
        timed(name, filters, lambda f=filters: len(store.events(**f)))
    if args.reviews:
        from eventwire.store import review

        for name, filters in queries.items():
            check_reviewed(store, filters, kinds)
            timed(f"reviewed: {name}", filters, lambda f=filters: len(review.fetch(store, **f)))

        def first_page():
            rows = review.fetch(store, modality="all", order="-date", limit=100)
            return len(rows) + 0 * review.count(store, modality="all")

        timed("reviewed: API first page + total", {"order": "-date", "limit": 100}, first_page)
    store.close()
    if not args.keep and not args.db:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{result['events']} events (built in {build_s:.1f} s); {args.reviews} reviews "
          f"(written in {review_s:.1f} s); medians of {args.runs} runs; target < 200 ms")
    for name, q in result["queries"].items():
        print(f"  {name:<46} {q['median_ms']:7.1f} ms  (max {q['max_ms']:.1f})  {q['rows']} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
