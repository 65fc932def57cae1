"""The store: round trips, idempotency, filters, exports, URLs and errors (no spaCy needed).

Every test that takes ``url`` or ``store`` runs on both backends: an embedded DuckDB
file and a PostgreSQL database (a throwaway server, see conftest.py).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
import textwrap

import pytest

from eventwire.errors import StoreError, UsageError
from eventwire.records import (
    AcledLabel, ActorMention, Article, ErrorInfo, Event, EventDate, Place, Published, Quote,
    Section, Span, Speaker, TimeExpr,
)
from eventwire.store import (
    EVENT_FORMATS, SCHEMA_VERSION, connect, parse_day, parse_url, write_events, write_incidents,
)
from eventwire.store.rows import period_start

pytest.importorskip("duckdb")

TEXT_1 = ("Iraqi forces recaptured Ramadi from Islamic State on 28 December 2015.\n"
          "Russian jets bombed Aleppo in September 2015, the ministry told Anadolu.\n"
          "Iraq may attack Mosul next year.")
TEXT_2 = "Protesters marched in Baghdad on 2015-09-05. Nothing else happened."

ACTORS = {
    "IRQ-MIL": ("Iraqi Armed Forces", "IRQ", "MIL", "state"),
    "Q2429253": ("Islamic State", None, "REB", "armed_group"),
    "RUS-MIL": ("Russian Air Force", "RUS", "MIL", "state"),
    "SYR": ("Syria", "SYR", "GOV", "state"),
    "IRQ-PRO": ("Iraqi protesters", "IRQ", "OPP", "group"),
}


def span(text: str, part: str, after: int = 0) -> Span:
    start = text.index(part, after)
    return Span.of(text, start, start + len(part))


def actor(text: str, word: str, ident: str) -> ActorMention:
    name, country, sector, kind = ACTORS[ident]
    return ActorMention(span(text, word), ident, name, country, sector, kind)


def place(text, word, name, gid, lat, lon, country, admin1, feature="city", precision=1) -> Place:
    return Place(span(text, word), name, gid, lat, lon, country, admin1, feature, precision)


def event(text, ident, sentence, type_, actors, recipients, location, date, modality="asserted",
          acled=None, fatalities=None, mode=None, contexts=(), attribution=()) -> Event:
    return Event(
        id=ident, type=type_, mode=mode, contexts=tuple(contexts),
        acled=AcledLabel(*acled) if acled else None, cameo="190" if type_ == "ASSAULT" else None,
        actors=tuple(actors), recipients=tuple(recipients), location=location,
        date=EventDate(date[0], date[1], None, "sentence") if date else EventDate(None, None, None, "unknown"),
        modality=modality, attribution=tuple(attribution), fatalities=fatalities, injured=None,
        arrested=None, evidence=span(text, sentence), confidence=0.8,
    )


def article_1() -> Article:
    t = TEXT_1
    ramadi = place(t, "Ramadi", "Ramadi", 91354, 33.4258, 43.2992, "IRQ", "Anbar")
    aleppo = place(t, "Aleppo", "Aleppo", 170063, 36.2021, 37.1343, "SYR", "Aleppo")
    mosul = place(t, "Mosul", "Mosul", 99072, 36.335, 43.1189, "IRQ", "Nineveh")
    quote = Quote("q1", "indirect", span(t, "Russian jets bombed Aleppo in September 2015"),
                  span(t, "told"), Speaker(span(t, "the ministry"), None, None, True, "the ministry"),
                  via="Anadolu")
    s1, s2, s3 = t.split("\n")
    return Article(
        id="art-1", url="https://example.org/ramadi", publisher="Example News", title="Ramadi",
        published=Published("2015-12-29", "given"), language="en", status="ok", errors=(), text=t,
        sections=(Section("body", 0, len(t)),),
        actors=(actor(t, "Iraqi forces", "IRQ-MIL"), actor(t, "Islamic State", "Q2429253"),
                actor(t, "Russian jets", "RUS-MIL")),
        places=(ramadi, aleppo, mosul),
        times=(TimeExpr(span(t, "28 December 2015"), "2015-12-28", "day"),
               TimeExpr(span(t, "September 2015"), "2015-09", "month")),
        quotes=(quote,),
        events=(
            event(t, "e1", s1, "ASSAULT", ["IRQ-MIL"], ["Q2429253"], ramadi, ("2015-12-28", "day"),
                  acled=("Battles", "Government regains territory"), fatalities=12,
                  mode="retake-territory", contexts=["military", "terrorism"]),
            event(t, "e2", s2, "ASSAULT", ["RUS-MIL"], [], aleppo, ("2015-09", "month"),
                  acled=("Explosions/Remote violence", "Air/drone strike"), attribution=["q1"]),
            event(t, "e3", s3, "ASSAULT", ["IRQ-MIL"], [], mosul, ("2016", "year"), modality="future"),
        ),
        source="test",
    )


def article_2() -> Article:
    t = TEXT_2
    baghdad = place(t, "Baghdad", "Baghdad", 98182, 33.3406, 44.4009, "IRQ", "Baghdad")
    return Article(
        id="art-2", url=None, publisher="Other Wire", title=None,
        published=Published("2015-09-06", "metadata"), language="en", status="ok", errors=(), text=t,
        actors=(actor(t, "Protesters", "IRQ-PRO"),), places=(baghdad,),
        events=(event(t, "e4", t.split(". ")[0], "PROTEST", ["IRQ-PRO"], [], baghdad,
                      ("2015-09-05", "day"), acled=("Protests", "Peaceful protest")),),
    )


def skipped_article() -> Article:
    return Article(id="art-3", url="https://example.org/empty", publisher=None, title=None,
                   published=Published(None, "unknown"), language=None, status="skipped",
                   errors=(ErrorInfo("E100", "input is empty or whitespace only"),), text="")


BACKENDS = ["duckdb", "postgresql"]


@pytest.fixture(params=BACKENDS)
def url(request, tmp_path):
    """The URL of a new, empty store, once per backend."""
    if request.param == "duckdb":
        return f"duckdb:///{tmp_path}/ew.duckdb"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(url):
    with connect(url) as s:
        s.add_many([article_1(), article_2(), skipped_article()])
        yield s


# -- URLs -------------------------------------------------------------------------

@pytest.mark.parametrize("url, expected", [
    (None, ("duckdb", "eventwire.duckdb")),
    ("duckdb:///eventwire.duckdb", ("duckdb", "eventwire.duckdb")),
    ("duckdb:///data/ew.duckdb", ("duckdb", "data/ew.duckdb")),
    ("duckdb:////abs/ew.duckdb", ("duckdb", "/abs/ew.duckdb")),
    ("duckdb:///:memory:", ("duckdb", ":memory:")),
    ("DuckDB:///x.duckdb", ("duckdb", "x.duckdb")),
    ("ew.duckdb", ("duckdb", "ew.duckdb")),
    ("/tmp/ew.duckdb", ("duckdb", "/tmp/ew.duckdb")),
    ("postgresql://user@host:5432/db", ("postgresql", "postgresql://user@host:5432/db")),
    ("postgres://user@host/db", ("postgresql", "postgresql://user@host/db")),
    ("postgresql+psycopg://u:p@h/db", ("postgresql", "postgresql://u:p@h/db")),
])
def test_parse_url(url, expected):
    assert parse_url(url) == expected


@pytest.mark.parametrize("url", ["mysql://h/db", "sqlite:///x.db", "duckdb://host/x.duckdb", ""])
def test_parse_url_rejects(url):
    with pytest.raises(StoreError, match="duckdb:///"):
        parse_url(url)


def test_postgres_unreachable_is_one_line_without_password():
    with pytest.raises(StoreError) as caught:
        connect("postgresql://bob:s3cret@127.0.0.1:1/events")
    message = str(caught.value)
    assert message.startswith("cannot connect to PostgreSQL store postgresql://bob@127.0.0.1:1/events")
    assert "s3cret" not in message and "\n" not in message


@pytest.mark.parametrize("url, expected", [
    ("postgresql://bob:pw@h:5432/db", "postgresql://bob@h:5432/db"),
    ("postgresql://bob@h/db", "postgresql://bob@h/db"),
    ("postgresql://h/db?password=pw&sslmode=require", "postgresql://h/db?sslmode=require"),
])
def test_postgres_url_redacted(url, expected):
    from eventwire.store.postgres import redact

    assert redact(url) == expected


@pytest.mark.parametrize("sql, expected", [
    ("SELECT 1 WHERE a = ? AND b IN (?, ?)", "SELECT 1 WHERE a = %s AND b IN (%s, %s)"),
    ("SELECT '?', \"a?\" FROM t WHERE x LIKE '10%' AND y = ?",
     "SELECT '?', \"a?\" FROM t WHERE x LIKE '10%%' AND y = %s"),
])
def test_postgres_placeholders(sql, expected):
    from eventwire.store.postgres import to_psycopg

    assert to_psycopg(sql) == expected


def test_plain_path_and_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with connect() as s:
        assert s.add(article_2())
    assert (tmp_path / "eventwire.duckdb").exists()
    with connect(str(tmp_path / "eventwire.duckdb")) as s:
        assert s.has("art-2")


# -- dates ------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("2015-09-05", dt.date(2015, 9, 5)), ("2015-09", dt.date(2015, 9, 1)),
    ("2015", dt.date(2015, 1, 1)), ("2015-W36", dt.date(2015, 8, 31)),
    ("2015-Q3", dt.date(2015, 7, 1)), ("2015-SU", dt.date(2015, 6, 1)),
    ("199", dt.date(1990, 1, 1)), ("19", dt.date(1900, 1, 1)),
    ("2015-09-05T14:30", dt.date(2015, 9, 5)), ("2015-02-30", None), ("PRESENT_REF", None),
    (None, None),
])
def test_period_start(value, expected):
    assert period_start(value) == expected


@pytest.mark.parametrize("value, end, expected", [
    ("2015", False, dt.date(2015, 1, 1)), ("2015", True, dt.date(2015, 12, 31)),
    ("2016-02", True, dt.date(2016, 2, 29)), ("2015-12", True, dt.date(2015, 12, 31)),
    ("2015-09-05", True, dt.date(2015, 9, 5)), (dt.date(2015, 1, 2), False, dt.date(2015, 1, 2)),
])
def test_parse_day(value, end, expected):
    assert parse_day(value, end=end) == expected


def test_parse_day_rejects():
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        parse_day("last week")


# -- writing and reading ----------------------------------------------------------

def test_round_trip(store):
    for art in (article_1(), article_2(), skipped_article()):
        assert store.article(art.id) == art.to_dict()
    assert store.article("nope") is None
    assert store.has("art-1") and not store.has("nope")
    assert store.known(["art-1", "art-3", "nope"]) == {"art-1", "art-3"}


def test_counts(store):
    assert store.count() == {"articles": 3, "ok": 2, "skipped": 1, "error": 0, "events": 4,
                             "incidents": 4, "actors": 4, "places": 4, "times": 2, "quotes": 1}


def test_idempotent(store, tmp_path):
    assert store.add(article_1()) is False
    assert store.add_many([article_1(), article_2(), article_2()]) == 0
    assert store.count()["articles"] == 3
    assert store.count()["events"] == 4


def test_add_many_dedupes_within_stream(url):
    with connect(url) as s:
        assert s.add_many([article_1(), article_1(), article_2()], batch_size=1) == 2
        assert s.add_many([article_1(), article_2(), skipped_article()], batch_size=2) == 1
        assert s.count()["articles"] == 3


def test_skipped_articles_are_kept(store):
    rows = store.articles(status="skipped").rows()
    assert [(r["id"], r["error_codes"]) for r in rows] == [("art-3", ["E100"])]
    assert len(store.articles()) == 3


def test_reopen_keeps_data(url):
    with connect(url) as s:
        s.add(article_1())
    with connect(url, read_only=True) as s:
        assert s.count()["events"] == 3
        with pytest.raises(StoreError, match="read-only"):
            s.add(article_2())


def test_failed_add_stores_nothing(url, monkeypatch):
    with connect(url) as s:
        real = s._db.insert

        def failing(table, columns, rows):
            if table == "events":
                raise StoreError("disk full")
            real(table, columns, rows)

        monkeypatch.setattr(s._db, "insert", failing)
        with pytest.raises(StoreError, match="disk full"):
            s.add(article_1())
        monkeypatch.setattr(s._db, "insert", real)
        assert not s.has("art-1")
        assert s.count()["actors"] == 0
        assert s.add(article_1())


def test_killed_mid_add_stores_nothing(url):
    """A process killed inside the transaction leaves no half-stored article."""
    script = textwrap.dedent(f"""
        import os, sys
        sys.path.insert(0, {os.path.dirname(__file__)!r})
        from test_store import article_1
        from eventwire.store import connect
        s = connect({url!r})
        real = s._db.insert
        def dying(table, columns, rows):
            real(table, columns, rows)
            if table == "places":
                os._exit(3)
        s._db.insert = dying
        s.add(article_1())
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 3, done.stderr
    with connect(url) as s:
        assert not s.has("art-1")
        assert s.count()["actors"] == 0
        assert s.add(article_1())


# -- queries ----------------------------------------------------------------------

def ids(result) -> list[str]:
    return [r["id"] for r in result]


@pytest.mark.parametrize("filters, expected", [
    ({}, ["e2", "e4", "e1"]),
    ({"modality": "all"}, ["e2", "e4", "e1", "e3"]),
    ({"modality": "future"}, ["e3"]),
    ({"modality": ["future", "asserted"], "type": "assault"}, ["e2", "e1", "e3"]),
    ({"start": "2015-09-02"}, ["e4", "e1"]),
    ({"start": "2015-09", "end": "2015-09"}, ["e2", "e4"]),
    ({"end": "2015-09-04"}, ["e2"]),
    ({"start": dt.date(2015, 12, 1), "end": "2015"}, ["e1"]),
    ({"country": "SYR"}, ["e2"]),
    ({"country": "irq"}, ["e4", "e1"]),
    ({"country": "RUS"}, ["e2"]),
    ({"country": ["RUS", "IRQ"]}, ["e2", "e4", "e1"]),
    ({"actor": "islamic"}, ["e1"]),
    ({"actor": "Q2429253"}, ["e1"]),
    ({"actor": "RUSSIAN air"}, ["e2"]),
    ({"type": "PROTEST"}, ["e4"]),
    ({"type": "PROTEST,ASSAULT"}, ["e2", "e4", "e1"]),
    ({"text": "BOMBED"}, ["e2"]),
    ({"text": "100%_"}, []),
    ({"acled": "air/drone strike"}, ["e2"]),
    ({"acled": "Battles"}, ["e1"]),
    ({"article_id": "art-2"}, ["e4"]),
    ({"order": "-date"}, ["e1", "e4", "e2"]),
    ({"limit": 2}, ["e2", "e4"]),
    ({"limit": 2, "offset": 1}, ["e4", "e1"]),
    ({"limit": 0}, []),
])
def test_event_filters(store, filters, expected):
    assert ids(store.events(**filters)) == expected


@pytest.mark.parametrize("filters, error", [
    ({"modality": "maybe"}, "modality"), ({"order": "random"}, "order"),
    ({"start": "yesterday"}, "YYYY"), ({"limit": -1}, "limit"),
])
def test_event_filter_errors(store, filters, error):
    with pytest.raises(UsageError, match=error):
        store.events(**filters)


def test_event_row_fields(store):
    row = store.events(type="ASSAULT", country="IRQ").rows()[0]
    assert row["id"] == "e1"
    assert row["article_id"] == "art-1"
    assert row["url"] == "https://example.org/ramadi"
    assert row["publisher"] == "Example News"
    # Incident ids come from corroboration; the incident holds this event.
    assert row["grade"] == "single_source"
    assert [r["event_ids"] for r in store.incidents() if r["id"] == row["incident_id"]] == [["e1"]]
    assert row["actors"] == ["IRQ-MIL"] and row["actor_names"] == ["Iraqi Armed Forces"]
    assert row["recipient_names"] == ["Islamic State"] and row["recipient_countries"] == [None]
    assert row["contexts"] == ["military", "terrorism"]
    assert row["event_date"] == dt.date(2015, 12, 28)
    assert row["date"] == "2015-12-28" and row["date_granularity"] == "day"
    assert (row["location"], row["location_country"], row["location_lat"]) == ("Ramadi", "IRQ", 33.4258)
    assert row["fatalities"] == 12
    assert TEXT_1[row["evidence_start"]:row["evidence_end"]] == row["evidence"]
    assert row["acled_sub_event_type"] == "Government regains territory"


def test_records_are_nested_like_the_article(store):
    records = list(store.events().records())
    by_id = {r["id"]: r for r in records}
    e1 = by_id["e1"]
    incident = {r["id"]: r["incident_id"] for r in store.events()}["e1"]
    assert e1 == {**article_1().to_dict()["events"][0], "article_id": "art-1",
                  "url": "https://example.org/ramadi", "publisher": "Example News",
                  "published": "2015-12-29", "incident_id": incident, "grade": "single_source",
                  "event_date": "2015-12-28"}


def test_dataframes(store):
    pd = pytest.importorskip("pandas")
    df = store.events(country="IRQ").to_pandas()
    assert list(df["id"]) == ["e4", "e1"]
    assert df.loc[1, "actor_names"] == ["Iraqi Armed Forces"]
    assert pd.Timestamp(df.loc[0, "event_date"]) == pd.Timestamp("2015-09-05")
    table = store.events(country="NOR").to_arrow()
    assert table.num_rows == 0 and str(table.schema.field("actors").type) == "list<item: string>"
    pl = pytest.importorskip("polars")
    frame = store.events(modality="all").to_polars()
    assert frame.height == 4 and frame["event_date"].dtype == pl.Date


def test_incidents(store):
    result = store.incidents()
    assert len(result) == 3
    first = result.rows()[0]
    assert first["grade"] == "single_source"
    assert first["event_ids"] == ["e2"] and first["article_ids"] == ["art-1"]
    assert first["sources"] == ["Example News"] and first["reasons"]
    found = store.incidents(country="IRQ", modality="all")
    assert [r["event_ids"] for r in found] == [["e4"], ["e1"], ["e3"]]
    assert ids(store.incidents(grade="corroborated")) == []
    with pytest.raises(UsageError):
        store.incidents(colour="red")


# -- exports ----------------------------------------------------------------------

def export(result, fmt) -> str:
    out = io.StringIO()
    write_events(result, fmt, out)
    return out.getvalue()


def test_export_csv(store):
    rows = list(csv.DictReader(io.StringIO(export(store.events(), "csv"))))
    assert [r["id"] for r in rows] == ["e2", "e4", "e1"]
    assert rows[2]["contexts"] == "military;terrorism"
    assert rows[2]["event_date"] == "2015-12-28" and rows[2]["fatalities"] == "12"
    assert rows[0]["fatalities"] == ""


def test_export_jsonl(store):
    lines = export(store.events(), "jsonl").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == ["e2", "e4", "e1"]
    assert records[0]["location"]["name"] == "Aleppo"
    assert records[0]["date"] == {"value": "2015-09", "granularity": "month", "span": None,
                                  "basis": "sentence"}


def test_export_parquet(store, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = io.BytesIO()
    assert write_events(store.events(), "parquet", out) == 3
    table = pq.read_table(io.BytesIO(out.getvalue()))
    assert table.column("id").to_pylist() == ["e2", "e4", "e1"]
    assert table.column("event_date").to_pylist()[0] == dt.date(2015, 9, 1)


def test_export_parquet_to_text_stream_uses_buffer(store, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "out.parquet"
    with open(path, "w") as text_stream:
        write_events(store.events(), "parquet", text_stream)
    assert pq.read_table(path).num_rows == 3


def test_export_geojson(store):
    data = json.loads(export(store.events(modality="all"), "geojson"))
    assert data["type"] == "FeatureCollection"
    assert [f["id"] for f in data["features"]] == ["e2", "e4", "e1", "e3"]
    aleppo = data["features"][0]
    assert aleppo["geometry"] == {"type": "Point", "coordinates": [37.1343, 36.2021]}
    assert aleppo["properties"]["event_date"] == "2015-09-01"


def test_export_acled(store):
    rows = list(csv.DictReader(io.StringIO(export(store.events(), "acled"))))
    assert list(rows[0]) == [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
        "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
        "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
        "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
        "notes", "fatalities", "tags", "timestamp"]
    aleppo, protest, ramadi = rows
    assert (aleppo["event_date"], aleppo["time_precision"]) == ("2015-09-15", "3")
    assert aleppo["country"] == "Syria" and aleppo["iso"] == "760"
    assert aleppo["disorder_type"] == "Political violence"
    assert aleppo["fatalities"] == "0" and aleppo["actor2"] == ""
    assert protest["disorder_type"] == "Demonstrations" and protest["time_precision"] == "1"
    assert ramadi["actor1"] == "Iraqi Armed Forces" and ramadi["actor2"] == "Islamic State"
    assert ramadi["country"] == "Iraq" and ramadi["admin1"] == "Anbar"
    assert ramadi["year"] == "2015" and ramadi["fatalities"] == "12"
    assert ramadi["latitude"] == "33.4258" and ramadi["geo_precision"] == "1"
    assert ramadi["source"] == "Example News" and ramadi["notes"].startswith("Iraqi forces")
    assert int(ramadi["timestamp"]) > 1_600_000_000


def test_export_plover(store):
    records = [json.loads(line) for line in export(store.events(), "plover").splitlines()]
    ramadi = records[2]
    assert ramadi["id"] == "e1" and ramadi["date"] == "2015-12-28"
    assert ramadi["event"] == ["ASSAULT"] and ramadi["mode"] == ["retake-territory"]
    assert ramadi["context"] == ["military", "terrorism"]
    assert ramadi["actor"] == [{"code": "IRQ", "sector": "MIL", "identifier_id": "IRQ-MIL",
                                "identifier_text": "Iraqi Armed Forces"}]
    assert ramadi["recipient"][0]["identifier_id"] == "Q2429253"
    assert ramadi["event_loc"]["geonameid"] == 91354
    assert ramadi["event_loc"]["country_code"] == "IRQ" and ramadi["event_loc"]["resolution"] == 4
    assert ramadi["size"]["dead"] == 12
    assert ramadi["cite_info"]["url"] == "https://example.org/ramadi"


@pytest.mark.parametrize("fmt", EVENT_FORMATS)
def test_export_empty(store, fmt):
    out = io.BytesIO() if fmt == "parquet" else io.StringIO()
    assert write_events(store.events(country="NOR"), fmt, out) == 0


def test_export_unknown_format(store):
    with pytest.raises(UsageError, match="csv"):
        write_events(store.events(), "xml", io.StringIO())


_WORDINGS = {
    "r1": "A bomb struck a crowded market in Baghdad on {day}, killing nine people, police said.",
    "r1-copy": "A bomb struck a crowded market in Baghdad on {day}, killing nine people, police said.",
    "r2": "Nine shoppers died when an explosive device went off at a Baghdad market; the blast strike was {day}.",
    "r3": "Officials said the strike that hit a Baghdad market on {day} left nine dead and dozens hurt.",
    "r4": "Mourners buried victims of the market strike in Baghdad, which killed nine on {day}.",
    "r9": "A bomb struck a bus station in Baghdad on {day}, killing two people, police said.",
}


def _report(aid: str, publisher: str, day: str, *, claim: bool = False) -> Article:
    """One outlet's report of a strike on Baghdad's market (``claim``: with a claim of responsibility)."""
    t = _WORDINGS[aid].format(day=day)
    if claim:
        t += " Islamic State claimed responsibility for the attack."
    baghdad = place(t, "Baghdad", "Baghdad", 98182, 33.3406, 44.4009, "IRQ", "Baghdad")
    quotes = ()
    actors = ()
    if claim:
        actors = (actor(t, "Islamic State", "Q2429253"),)
        quotes = (Quote("q-claim", "indirect", span(t, "responsibility for the attack"),
                        span(t, "claimed responsibility"), Speaker(span(t, "Islamic State"), "Islamic State",
                                                                  "Q2429253", False, None)),)
    return Article(
        id=aid, url=None, publisher=publisher, title=None, published=Published(day, "given"), language="en",
        status="ok", errors=(), text=t, actors=actors, places=(baghdad,), quotes=quotes,
        events=(event(t, f"{aid}-e1", t.split(". ")[0], "ASSAULT", [], [], baghdad, (day, "day")),),
    )


@pytest.mark.parametrize("wide", [12, 0], ids=["whole-buckets", "cells"])
def test_incidents_kept_as_articles_arrive(url, monkeypatch, wide):
    # One by one, and with a batch that joins stored incidents: the regrade path (stored
    # reports and statements read back, rows replaced, stored events' grades updated)
    # on both backends, with candidates read by date bucket or by (type, country, bucket).
    from eventwire.store import incidents

    monkeypatch.setattr(incidents, "WIDE", wide)
    with connect(url) as s:
        s.add(_report("r1", "Tigris Wire", "2024-12-08"))
        assert [(r["grade"], r["event_ids"]) for r in s.incidents()] == [("single_source", ["r1-e1"])]
        s.add(_report("r1-copy", "Tigris Wire", "2024-12-08"))  # the same outlet again: one source
        assert [r["grade"] for r in s.incidents()] == ["single_source"]
        s.add_many([_report("r2", "Baghdad Herald", "2024-12-09"), _report("r9", "Other", "2024-06-01")])
        rows = {tuple(r["article_ids"]): r for r in s.incidents()}
        assert rows[("r1", "r1-copy", "r2")]["grade"] == "corroborated"
        assert rows[("r9",)]["grade"] == "single_source"
        s.add(_report("r3", "Kirkuk Daily", "2024-12-09", claim=True))
        row = next(r for r in s.incidents() if "r3" in r["article_ids"])
        assert row["grade"] == "acknowledged" and row["article_ids"] == ["r1", "r1-copy", "r2", "r3"]
        assert "acknowledged: Islamic State claimed responsibility (r3)" in row["reasons"]
        assert row["sources"] == ["Tigris Wire", "Baghdad Herald", "Kirkuk Daily"]
        grades = {e["article_id"]: e["grade"] for e in s.events()}
        assert grades == {"r1": "acknowledged", "r1-copy": "acknowledged", "r2": "acknowledged",
                          "r3": "acknowledged", "r9": "single_source"}
        s.add(_report("r4", "Late Post", "2024-12-10"))  # graded again from what is stored
        row = next(r for r in s.incidents() if "r4" in r["article_ids"])
        assert row["grade"] == "acknowledged" and len(row["sources"]) == 4


def test_incident_exports(store):
    out = io.StringIO()
    assert write_incidents(store.incidents(), "jsonl", out) == 3
    first = json.loads(out.getvalue().splitlines()[0])
    assert first["event_ids"] == ["e2"] and first["sources"] == ["Example News"]
    out = io.StringIO()
    write_incidents(store.incidents(), "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["event_ids"] == "e2" and rows[0]["grade"] == "single_source"


# -- errors and robustness --------------------------------------------------------

def test_missing_directory(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        connect(f"duckdb:///{tmp_path}/no/such/dir/ew.duckdb")


def test_corrupt_file(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="bad.duckdb"):
        connect(bad)


def test_directory_as_file(tmp_path):
    with pytest.raises(StoreError, match="directory"):
        connect(tmp_path)


def test_read_only_missing(tmp_path):
    with pytest.raises(StoreError, match="no store"):
        connect(tmp_path / "none.duckdb", read_only=True)


def test_locked_by_another_process(tmp_path):
    path = tmp_path / "locked.duckdb"
    connect(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         f"import sys, duckdb; c = duckdb.connect({str(path)!r}); print('ready', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="in use by another process"):
            connect(path)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def test_newer_schema_refused(url):
    with connect(url) as s:
        s._db.execute("UPDATE schema_version SET version = 99")
    with pytest.raises(StoreError, match="schema version 99"):
        connect(url)


def test_foreign_database_refused(url):
    db = raw_backend(url)
    db.execute("CREATE TABLE articles (x INTEGER)")
    db.close()
    with pytest.raises(StoreError, match="not an eventwire store"):
        connect(url)
    with pytest.raises(StoreError, match="not an eventwire store"):
        connect(url, read_only=True)


def test_import_is_lazy():
    code = ("import sys, eventwire.store; "
            "print(sorted(m for m in ('duckdb', 'pyarrow', 'pandas', 'polars') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_python_api_from_package(url):
    import eventwire

    with eventwire.connect(url) as s:
        s.add(article_1())
        assert len(s.events(country="IRQ", start="2015-09-01")) == 1


def test_without_arrow_inserts_the_same(url, monkeypatch):
    from eventwire.store import backends

    monkeypatch.setattr(backends, "_arrow_table", lambda columns, rows: None)
    many = [dataclasses_replace_id(article_1(), f"n{i}") for i in range(60)]
    with connect(url) as s:
        assert s.add_many(many + [article_2()], batch_size=100) == 61
        assert s.article("n7") == many[7].to_dict()
        assert len(s.events(modality="all")) == 60 * 3 + 1


def test_bad_article_in_batch_keeps_the_others(url):
    import dataclasses

    art = article_1()
    twice = dataclasses.replace(art, id="dup", events=(art.events[0], art.events[0]))
    with connect(url) as s:
        with pytest.raises(StoreError, match="article dup was not stored"):
            s.add_many([article_2(), twice, skipped_article()])
        assert s.known(["art-2", "dup", "art-3"]) == {"art-2", "art-3"}
        assert s.count()["events"] == 1


def dataclasses_replace_id(article: Article, new_id: str) -> Article:
    import dataclasses

    events = tuple(dataclasses.replace(e, id=f"{new_id}-{e.id}") for e in article.events)
    return dataclasses.replace(article, id=new_id, events=events)


def raw_backend(url: str):
    """The database behind ``url`` without eventwire's schema (to build odd stores)."""
    from eventwire.store.backends import DuckDBBackend
    from eventwire.store.postgres import PostgresBackend

    kind, target = parse_url(url)
    return DuckDBBackend(target) if kind == "duckdb" else PostgresBackend(target)


# -- schema migrations ------------------------------------------------------------

def columns_of(store) -> dict[str, list[tuple[str, str]]]:
    """Every eventwire table's columns, in order, with a portable type name."""
    found: dict[str, list[tuple[str, str]]] = {}
    rows = store._db.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position")
    for table, column, kind in rows:
        kind = kind.upper().replace("CHARACTER VARYING", "VARCHAR")
        kind = {"VARCHAR": "TEXT", "ARRAY": "TEXT[]", "VARCHAR[]": "TEXT[]", "DOUBLE": "DOUBLE PRECISION",
                "TIMESTAMP WITHOUT TIME ZONE": "TIMESTAMP"}.get(kind, kind)
        found.setdefault(table, []).append((column, kind))
    return found


def test_same_tables_on_both_backends(tmp_path, pg_url):
    with connect(tmp_path / "d.duckdb") as duck, connect(pg_url) as pg:
        tables = columns_of(duck)
        assert tables == columns_of(pg)
    assert {"articles", "actors", "places", "times", "quotes", "events", "incidents",
            "schema_version"} <= set(tables)
    assert ("actor_names", "TEXT[]") in tables["events"]


def test_schema_versions_are_recorded(url):
    from eventwire.store.migrate import migrations

    assert SCHEMA_VERSION == len(migrations()) >= 2
    with connect(url) as s:
        versions = [r[0] for r in s._db.execute("SELECT version FROM schema_version ORDER BY version")]
    assert versions == list(range(1, SCHEMA_VERSION + 1))


def test_old_store_is_migrated_on_open(url):
    from eventwire.store.migrate import current_version, migrate, migrations

    db = raw_backend(url)
    assert migrate(db, available=migrations()[:1]) == 1
    db.close()
    with pytest.raises(StoreError, match="needs upgrading"):
        connect(url, read_only=True)
    with connect(url) as s:
        assert current_version(s._db) == SCHEMA_VERSION
        assert s.add(article_1())
    with connect(url) as s:  # nothing left to apply: applied once only
        assert s._db.execute("SELECT COUNT(*) FROM schema_version")[0][0] == SCHEMA_VERSION
        assert s.count()["events"] == 3


def test_migrations_apply_in_order(url):
    from eventwire.store.migrate import current_version, migrate, migrations

    later = migrations() + [
        (SCHEMA_VERSION + 1, "ALTER TABLE articles ADD COLUMN note TEXT;"),
        (SCHEMA_VERSION + 2, "-- fill it\nUPDATE articles SET note = 'checked: ' || id;"),
    ]
    with connect(url) as s:
        s.add(article_2())
        assert migrate(s._db, available=later) == SCHEMA_VERSION + 2
        assert s._db.execute("SELECT note FROM articles") == [("checked: art-2",)]
        assert current_version(s._db) == SCHEMA_VERSION + 2
    with pytest.raises(StoreError, match="upgrade eventwire"):
        connect(url)


def test_failed_migration_changes_nothing(url):
    from eventwire.store.migrate import current_version, migrate, migrations

    broken = migrations() + [(SCHEMA_VERSION + 1, "CREATE TABLE extra (a INTEGER);\nSELECT * FROM nowhere;")]
    with connect(url) as s:
        with pytest.raises(StoreError, match="nowhere"):
            migrate(s._db, available=broken)
        assert current_version(s._db) == SCHEMA_VERSION
        assert not s._db.execute("SELECT 1 FROM information_schema.tables "
                                 "WHERE table_schema = current_schema() AND table_name = 'extra'")
        assert s.add(article_1())


# -- the same answers from both backends ---------------------------------------------

COMPARED_FILTERS = [
    {}, {"modality": "all"}, {"country": "IRQ"}, {"country": ["RUS", "SYR"], "modality": "all"},
    {"start": "2015-09", "end": "2015-09"}, {"actor": "islamic"}, {"type": "ASSAULT", "order": "-date"},
    {"text": "bombed"}, {"acled": "Battles"}, {"order": "confidence", "limit": 2, "offset": 1},
]


def without(rows, *fields):
    return [{k: v for k, v in r.items() if k not in fields} for r in rows]


def corpus() -> list[Article]:
    many = [dataclasses_replace_id(article_1(), f"c{i}") for i in range(12)]
    return [article_1(), article_2(), skipped_article(), *many]


def test_same_results_on_both_backends(tmp_path, pg_url):
    with connect(tmp_path / "same.duckdb") as duck, connect(pg_url) as pg:
        for s in (duck, pg):
            assert s.add_many(corpus(), batch_size=7) == 15
        assert duck.count() == pg.count()
        assert without(duck.articles().rows(), "ingested_at") == without(pg.articles().rows(), "ingested_at")
        for filters in COMPARED_FILTERS:
            d, p = duck.events(**filters), pg.events(**filters)
            assert len(d) > 0, filters
            assert without(d.rows(), "ingested_at") == without(p.rows(), "ingested_at"), filters
            assert list(d.records()) == list(p.records()), filters
            ds, ps = duck.incidents(**filters), pg.incidents(**filters)
            assert ds.rows() == ps.rows(), filters
        for art in corpus():
            assert duck.article(art.id) == pg.article(art.id) == art.to_dict()
        for fmt in EVENT_FORMATS:
            d, p = duck.events(modality="all"), pg.events(modality="all")
            if fmt == "parquet":
                tables = []
                for result in (d, p):
                    out = io.BytesIO()
                    write_events(result, fmt, out)
                    import pyarrow.parquet as pq

                    tables.append(pq.read_table(io.BytesIO(out.getvalue())).drop_columns(["ingested_at"]))
                assert tables[0].equals(tables[1])
                continue
            assert masked_export(d, fmt) == masked_export(p, fmt), fmt
        for fmt in ("jsonl", "csv"):
            outs = []
            for s in (duck, pg):
                out = io.StringIO()
                write_incidents(s.incidents(modality="all"), fmt, out)
                outs.append(out.getvalue())
            assert outs[0] == outs[1]


def masked_export(result, fmt) -> str:
    """An export with the ingest time (which differs between the two stores) blanked."""
    text = export(result, fmt)
    if fmt in ("csv", "acled"):
        rows = list(csv.reader(io.StringIO(text)))
        drop = rows[0].index("ingested_at" if fmt == "csv" else "timestamp")
        return "\n".join(",".join(r[:drop] + r[drop + 1:]) for r in rows)
    if fmt == "geojson":
        data = json.loads(text)
        for feature in data["features"]:
            feature["properties"].pop("ingested_at")
        return json.dumps(data)
    return text


def test_cli_events_on_postgres(tmp_path, pg_url):
    duck = f"duckdb:///{tmp_path}/cli.duckdb"
    for url in (duck, pg_url):
        with connect(url) as s:
            s.add_many([article_1(), article_2()])
    outs = []
    for url in (duck, pg_url):
        done = subprocess.run([sys.executable, "-m", "eventwire.cli", "events", "--db", url,
                               "--country", "IRQ", "--format", "jsonl"],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        outs.append(done.stdout)
    assert outs[0] == outs[1]
    assert [json.loads(line)["id"] for line in outs[1].splitlines()] == ["e4", "e1"]


def test_cli_unreachable_postgres():
    done = subprocess.run([sys.executable, "-m", "eventwire.cli", "events", "--db",
                           "postgresql://bob:s3cret@127.0.0.1:1/events"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "postgresql://bob@127.0.0.1:1/events" in done.stderr
    assert "s3cret" not in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


# -- concurrent writers (PostgreSQL) ---------------------------------------------

WRITER = textwrap.dedent("""
    import os, sys, time
    sys.path.insert(0, {tests!r})
    from test_store import article_1, article_2, dataclasses_replace_id
    from eventwire.store import connect

    first, last, mode = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    open(sys.argv[4] + ".ready", "w").close()
    while not os.path.exists(sys.argv[5]):  # start together: both open a new database at once
        time.sleep(0.01)
    arts = [dataclasses_replace_id(article_1(), f"w{{i}}") for i in range(first, last)] + [article_2()]
    with connect({url!r}) as s:
        if mode == "one":
            new = sum(s.add(a) for a in arts)
        else:
            new = s.add_many(arts, batch_size=3)
    print(new)
""")


def test_concurrent_writers(pg_url, tmp_path):
    """Two processes add overlapping articles at once: each stored once, no errors."""
    script = WRITER.format(tests=os.path.dirname(__file__), url=pg_url)
    go = tmp_path / "go"
    jobs = [("0", "40", "many"), ("20", "60", "one"), ("10", "50", "many")]
    procs = [subprocess.Popen([sys.executable, "-c", script, *job, str(tmp_path / f"w{n}"), str(go)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for n, job in enumerate(jobs)]
    deadline = dt.datetime.now() + dt.timedelta(seconds=60)
    while not all((tmp_path / f"w{n}.ready").exists() for n in range(len(jobs))):
        assert dt.datetime.now() < deadline and all(p.poll() is None for p in procs)
    go.touch()
    outs = [p.communicate(timeout=120) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
    assert sum(int(out) for out, _ in outs) == 61  # w0..w59 and art-2, each new exactly once
    with connect(pg_url) as s:
        counts = s.count()
        assert counts["articles"] == 61 and counts["events"] == 60 * 3 + 1
        assert counts["actors"] == 60 * 3 + 1
        # Every event is in exactly one incident, however corroboration groups them.
        in_incidents = [e for r in s.incidents(modality="all") for e in r["event_ids"]]
        assert len(in_incidents) == len(set(in_incidents)) == counts["events"]
        assert s._db.execute("SELECT COUNT(*) FROM schema_version")[0][0] == SCHEMA_VERSION
