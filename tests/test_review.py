"""Review of coded events (store/review.py): edits, audit, reviews applied in SQL, exports.

Every test that takes ``url`` or ``store`` runs on both backends: an embedded DuckDB
file and a PostgreSQL database (a throwaway server, see conftest.py).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from eventwire.errors import StoreError, UsageError
from eventwire.store import connect, review, write_events

from .test_store import article_1, article_2, url  # noqa: F401 - url: a new store, once per backend

pytest.importorskip("duckdb")


@pytest.fixture
def store(url):
    with connect(url) as s:
        s.add_many([article_1(), article_2()])
        yield s


def ids(store, **query) -> list[str]:
    return [row["id"] for row, _ in review.fetch(store, **query)]


def edit(store, event_id, article_id="art-1", who="ana", **changes):
    return review.review(store, article_id, event_id, "edit", reviewer=who, changes=changes)


# -- filters, sorting and paging see reviewed values ------------------------------------

def test_without_reviews_the_machine_events_are_listed(store):
    assert ids(store) == ["e2", "e4", "e1"]
    assert ids(store, modality="all") == ["e2", "e4", "e1", "e3"]
    assert review.count(store) == 3
    assert [r["id"] for r in store.events()] == ids(store)


def test_rejected_events_are_left_out_and_counted_out(store):
    review.review(store, "art-1", "e1", "reject", reviewer="ana", note="duplicate")
    assert ids(store) == ["e2", "e4"] and review.count(store) == 2
    assert ids(store, type="ASSAULT") == ["e2"]
    assert ids(store, review="rejected") == ["e1"] and review.count(store, review="rejected") == 1
    assert ids(store, review="all") == ["e2", "e4", "e1"]
    assert ids(store, review="unreviewed") == ["e2", "e4"]
    assert ids(store, limit=1, offset=1) == ["e4"]
    # accepting again brings it back, earlier edits kept
    review.review(store, "art-1", "e1", "accept", reviewer="ben")
    assert ids(store) == ["e2", "e4", "e1"] and ids(store, review="accepted") == ["e1"]


def test_a_retyped_event_is_found_by_its_new_type(store):
    edit(store, "e4", "art-2", type="ASSAULT", mode="firearms")
    assert ids(store, type="ASSAULT") == ["e2", "e4", "e1"]
    assert ids(store, type="PROTEST") == []
    assert review.count(store, type="ASSAULT") == 3
    assert ids(store, type="ASSAULT", limit=2, offset=1) == ["e4", "e1"]
    assert ids(store, review="edited") == ["e4"]
    row, record = review.fetch(store, type="ASSAULT", article_id="art-2")[0]
    assert row["type"] == "ASSAULT" and row["mode"] == "firearms" and row["review_status"] == "edited"
    assert record["type"] == "ASSAULT" and record["review"]["original"] == {"type": "PROTEST", "mode": None}


def test_modality_date_place_and_actor_filters_see_edits(store):
    edit(store, "e3", modality="asserted", date="2016-02-14")
    assert ids(store) == ["e2", "e4", "e1", "e3"]
    assert ids(store, start="2016-02") == ["e3"]
    edit(store, "e2", location="Ramadi", date="2015-12-30")  # a stored place, looked up by name
    assert ids(store, country="SYR") == []
    assert ids(store, country="IRQ") == ["e4", "e1", "e2", "e3"]
    assert ids(store, start="2015-12-29", end="2015-12-31") == ["e2"]
    edit(store, "e4", "art-2", actors=["Russian Air Force"], recipients=["IRQ-PRO"])
    assert ids(store, actor="RUS-MIL") == ["e4", "e2"]
    assert ids(store, actor="protesters") == ["e4"]
    row = next(r for r, _ in review.fetch(store, article_id="art-2"))
    assert row["actors"] == ["RUS-MIL"] and row["actor_names"] == ["Russian Air Force"]
    assert row["actor_countries"] == ["RUS"] and row["recipient_names"] == ["Iraqi protesters"]
    assert ids(store, order="-date") == ["e3", "e2", "e1", "e4"]


def test_grade_incident_and_event_filters(store):
    one = next(iter(store.events()))
    assert ids(store, event_id=one["id"], modality="all") == [one["id"]]
    assert ids(store, incident_id=one["incident_id"], modality="all") == [one["id"]]
    assert ids(store, grade="single_source") == ["e2", "e4", "e1"]
    assert ids(store, grade="contested") == []


def test_unknown_filters_and_orders_are_refused(store):
    with pytest.raises(UsageError, match="review filter"):
        review.fetch(store, review="maybe")
    with pytest.raises(UsageError, match="sort"):
        review.fetch(store, order="colour")
    with pytest.raises(UsageError, match="filter"):
        review.fetch(store, colour="red")


# -- what an edit may change, and how it is kept ---------------------------------------

def test_every_editable_field(store):
    edit(store, "e1", type="COERCE", mode="arrest", acled_event_type="Strategic developments",
         acled_sub_event_type="Arrests", modality="historical",
         actors=[{"name": "Unidentified gunmen", "country": "irq", "sector": "UAF"}],
         recipients=["Islamic State", "RUS-MIL"],
         location={"name": "Fallujah", "lat": 33.35, "lon": 43.78, "country": "IRQ", "feature": "city"},
         date="2015-12", fatalities=3, injured=0, arrested=14)
    (row, record), = review.fetch(store, event_id="e1", modality="all")
    assert (row["type"], row["mode"], row["modality"]) == ("COERCE", "arrest", "historical")
    assert (row["acled_event_type"], row["acled_sub_event_type"]) == ("Strategic developments", "Arrests")
    assert row["actors"] == ["ew:unidentified-gunmen"] and row["actor_countries"] == ["IRQ"]
    assert row["actor_sectors"] == ["UAF"]
    assert row["recipients"] == ["Q2429253", "RUS-MIL"] and row["recipient_names"] == ["Islamic State",
                                                                                      "Russian Air Force"]
    assert (row["location"], row["location_lat"], row["location_lon"]) == ("Fallujah", 33.35, 43.78)
    assert row["location_geonameid"] is None and row["location_country"] == "IRQ"
    assert (row["date"], row["date_granularity"], row["date_basis"]) == ("2015-12", "month", "reviewed")
    assert row["event_date"] == dt.date(2015, 12, 1)
    assert (row["fatalities"], row["injured"], row["arrested"]) == (3, 0, 14)
    assert record["acled"] == {"event_type": "Strategic developments", "sub_event_type": "Arrests"}
    assert record["location"]["name"] == "Fallujah" and record["location"]["span"] is None
    assert record["date"]["value"] == "2015-12" and record["date"]["basis"] == "reviewed"
    assert record["actors"] == ["ew:unidentified-gunmen"]
    original = record["review"]["original"]
    assert original["type"] == "ASSAULT" and original["fatalities"] == 12 and original["date"] == "2015-12-28"
    assert original["acled_sub_event_type"] == "Government regains territory"
    assert original["location"]["name"] == "Ramadi" and original["actors"] == ["IRQ-MIL"]
    # clearing: null counts, no location, no ACLED label
    edit(store, "e1", fatalities=None, location=None, acled_event_type=None, acled_sub_event_type=None)
    (row, record), = review.fetch(store, event_id="e1", modality="all")
    assert row["fatalities"] is None and row["location"] is None and row["acled_event_type"] is None
    assert record["acled"] is None and record["location"] is None and row["arrested"] == 14


def test_machine_coding_is_never_changed_and_every_change_is_audited(store):
    before = [r for r in store.events(modality="all")]
    edit(store, "e1", type="COERCE", mode=None, fatalities=4)
    edit(store, "e1", who="ben", fatalities=5, date="2015-12-27")
    review.review(store, "art-1", "e1", "reject", reviewer="cleo", note="not an event")
    assert [r for r in store.events(modality="all")] == before
    trail = review.audit(store, "art-1", "e1")
    assert [(a["seq"], a["action"], a["reviewer"]) for a in trail] == [
        (1, "edit", "ana"), (2, "edit", "ben"), (3, "reject", "cleo")]
    assert trail[0]["before"] is None and trail[0]["after"]["status"] == "edited"
    assert trail[0]["fields"] == {"type": {"before": "ASSAULT", "after": "COERCE"},
                                  "mode": {"before": "retake-territory", "after": None},
                                  "fatalities": {"before": 12, "after": 4}}
    assert trail[1]["fields"] == {"fatalities": {"before": 4, "after": 5},
                                  "date": {"before": "2015-12-28", "after": "2015-12-27"}}
    assert trail[1]["before"]["changes"] == {"type": "COERCE", "mode": None, "fatalities": 4}
    assert trail[2]["after"]["changes"] == {"type": "COERCE", "mode": None, "fatalities": 5,
                                            "date": "2015-12-27"}
    assert trail[2]["after"]["status"] == "rejected" and trail[2]["note"] == "not an event"
    assert all(isinstance(dt.datetime.fromisoformat(a["at"]), dt.datetime) for a in trail)


@pytest.mark.parametrize("changes, words", [
    ({"type": "EXPLODE"}, "PLOVER"),
    ({"type": "PROTEST"}, "retake-territory"),  # the machine's mode is not a PROTEST mode
    ({"mode": "picnic"}, "mode"),
    ({"modality": "rumoured"}, "modality"),
    ({"date": "2015-02-30"}, "YYYY-MM-DD"),
    ({"date": 2015}, "YYYY"),
    ({"fatalities": -2}, "from 0"),
    ({"injured": 1.5}, "whole number"),
    ({"arrested": True}, "whole number"),
    ({"acled_event_type": "Riots"}, "sub-type"),
    ({"acled_sub_event_type": None}, "sub-type"),
    ({"actors": "IRQ-MIL"}, "list"),
    ({"actors": ["Nobody"]}, "no stored actor"),
    ({"recipients": [{"country": "IRQ"}]}, "name"),
    ({"actors": [{"name": "X", "country": "Iraq"}]}, "ISO3"),
    ({"location": {"name": "Atlantis"}}, "lat"),
    ({"location": {"name": "Ramadi", "lat": 91, "lon": 0}}, "lat"),
    ({"location": {"name": "Ramadi", "lat": 33, "lon": 43, "feature": "town"}}, "feature"),
    ({"evidence": "x"}, "cannot be edited"),
])
def test_invalid_edits_change_nothing(store, changes, words):
    with pytest.raises(UsageError, match=words):
        review.review(store, "art-1", "e1", "edit", reviewer="ana", changes=changes)
    assert review.audit(store, "art-1", "e1") == [] and review.reviews(store) == {}


def test_review_needs_an_action_a_reviewer_and_an_event(store):
    with pytest.raises(UsageError, match="action"):
        review.review(store, "art-1", "e1", "approve", reviewer="ana")
    with pytest.raises(UsageError, match="reviewer"):
        review.review(store, "art-1", "e1", "accept", reviewer=" ")
    with pytest.raises(UsageError, match="no event"):
        review.review(store, "art-1", "nope", "accept", reviewer="ana")


def test_vocabulary_comes_from_the_data():
    vocab = review.vocabulary()
    assert vocab["types"][-1] == "ASSAULT" and "aerial" in vocab["modes"]["ASSAULT"]
    assert "arrest" in vocab["modes"]["COERCE"] and vocab["modes"]["AGREE"] == []
    assert "Air/drone strike" in vocab["acled"]["Explosions/Remote violence"]
    assert sum(len(v) for v in vocab["acled"].values()) == 25 and len(vocab["acled"]) == 6


# -- exports ------------------------------------------------------------------------

def test_exports_in_every_format_show_the_reviewed_values(store, tmp_path):
    review.review(store, "art-2", "e4", "reject", reviewer="ana")
    edit(store, "e2", fatalities=7, actors=["Iraqi Armed Forces"],
         acled_event_type="Explosions/Remote violence", acled_sub_event_type="Shelling/artillery/missile attack",
         location={"name": "Tikrit", "lat": 34.6, "lon": 43.68, "country": "IRQ"})
    result = review.events(store)
    assert [r["id"] for r in result] == ["e2", "e1"]

    def written(fmt):
        out = io.StringIO()
        write_events(result, fmt, out)
        return out.getvalue()

    rows = list(csv.DictReader(io.StringIO(written("csv"))))
    assert rows[0]["fatalities"] == "7" and rows[0]["review_status"] == "edited"
    assert rows[0]["actor_names"] == "Iraqi Armed Forces" and rows[1]["review_status"] == "unreviewed"
    acled = list(csv.DictReader(io.StringIO(written("acled"))))
    assert (acled[0]["fatalities"], acled[0]["actor1"], acled[0]["location"]) == ("7", "Iraqi Armed Forces", "Tikrit")
    assert acled[0]["sub_event_type"] == "Shelling/artillery/missile attack" and acled[0]["country"] == "Iraq"
    assert acled[0]["latitude"] == "34.6" and acled[1]["fatalities"] == "12"
    records = [json.loads(line) for line in written("jsonl").splitlines()]
    assert records[0]["fatalities"] == 7 and records[0]["review"]["status"] == "edited"
    assert records[0]["location"]["name"] == "Tikrit" and records[1]["review"] == {"status": "unreviewed"}
    plover = [json.loads(line) for line in written("plover").splitlines()]
    assert plover[0]["size"]["dead"] == 7 and plover[0]["actor"][0]["identifier_text"] == "Iraqi Armed Forces"
    assert plover[0]["event_loc"]["resolved_place"] == "Tikrit"
    geo = json.loads(written("geojson"))
    assert geo["features"][0]["geometry"]["coordinates"] == [43.68, 34.6]
    pytest.importorskip("pyarrow")
    path = tmp_path / "events.parquet"
    with open(path, "wb") as fh:
        write_events(result, "parquet", fh)
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    assert table.column("fatalities").to_pylist() == [7, 12]
    assert table.column("review_status").to_pylist() == ["edited", "unreviewed"]


def test_reviewed_overlays_a_store_query(store):
    # What `eventwire events` applies to Store.events(): edits shown, rejected left out.
    review.review(store, "art-2", "e4", "reject", reviewer="ana")
    edit(store, "e1", fatalities=2, actors=["RUS-MIL"])
    result = review.reviewed(store, store.events())
    rows = result.rows()
    assert [r["id"] for r in rows] == ["e2", "e1"]
    assert rows[1]["fatalities"] == 2 and rows[1]["actor_names"] == ["Russian Air Force"]
    assert json.loads(result._records[1])["review"]["status"] == "edited"


# -- stores: read-only, older review tables -----------------------------------------------

def test_read_only_store_without_review_tables(url):
    with connect(url) as s:
        s.add_many([article_1(), article_2()])
    with connect(url, read_only=True) as s:
        assert ids(s) == ["e2", "e4", "e1"] and review.count(s) == 3
        assert ids(s, review="rejected") == [] and review.audit(s, "art-1", "e1") == []
        assert review.reviews(s) == {}
        with pytest.raises(StoreError, match="read-only"):
            review.review(s, "art-1", "e1", "accept", reviewer="ana")


def test_reviews_of_an_older_store_are_upgraded(url):
    # The first review tables kept only the changes (actors as bare ids); opening the
    # store for writing adds the reviewed columns and fills them from the changes.
    with connect(url) as s:
        s.add_many([article_1(), article_2()])
        s._db.execute("CREATE TABLE event_reviews (article_id TEXT NOT NULL, event_id TEXT NOT NULL, "
                      "status TEXT NOT NULL, changes TEXT NOT NULL, note TEXT, reviewer TEXT NOT NULL, "
                      "reviewed_at TIMESTAMP NOT NULL, PRIMARY KEY (article_id, event_id))")
        s._db.execute("CREATE TABLE review_audit (article_id TEXT NOT NULL, event_id TEXT NOT NULL, "
                      "seq INTEGER NOT NULL, action TEXT NOT NULL, reviewer TEXT NOT NULL, "
                      "changed_at TIMESTAMP NOT NULL, before_json TEXT, after_json TEXT NOT NULL, note TEXT, "
                      "PRIMARY KEY (article_id, event_id, seq))")
        s._db.execute("INSERT INTO event_reviews VALUES (?, ?, ?, ?, ?, ?, ?)",
                      ["art-2", "e4", "edited", json.dumps({"type": "ASSAULT", "actors": ["RUS-MIL"]}), None,
                       "ana", dt.datetime(2024, 1, 2, 3, 4, 5)])
        s._db.execute("INSERT INTO event_reviews VALUES (?, ?, ?, ?, ?, ?, ?)",
                      ["art-1", "e1", "rejected", "{}", None, "ana", dt.datetime(2024, 1, 2, 3, 4, 6)])
    with connect(url, read_only=True) as s:
        with pytest.raises(StoreError, match="older eventwire"):
            review.fetch(s)
    with connect(url) as s:
        assert ids(s, type="ASSAULT") == ["e2", "e4"]
        (row, record), = review.fetch(s, article_id="art-2")
        assert row["actor_names"] == ["Russian Air Force"] and record["review"]["reviewer"] == "ana"
        edit(s, "e4", "art-2", fatalities=1)
        assert review.audit(s, "art-2", "e4")[0]["fields"] == {"fatalities": {"before": None, "after": 1}}


def test_text_with_nul_characters_is_refused(store):
    with pytest.raises(UsageError, match="NUL"):
        review.review(store, "art-1", "e1", "accept", reviewer="ana", note="a\x00b")
    with pytest.raises(UsageError, match="NUL"):
        edit(store, "e1", actors=[{"name": "Gun\x00men"}])
    assert review.reviews(store) == {}
