"""Corroboration: copies, incident matching, grades, and the store keeping incidents up to date.

Records are built by hand: nothing here needs the spaCy model.
"""
from __future__ import annotations

import datetime as dt

import pytest

from eventwire import corroborate as co
from eventwire.records import ActorMention, Article, Event, EventDate, Place, Published, Quote, Span, Speaker

WIRE = ("An air strike hit a crowded vegetable market in Maarat al-Numan in northwest Syria on Tuesday, "
        "killing 12 civilians and wounding at least 30, a war monitor said. The Syrian Observatory for "
        "Human Rights said Russian jets carried out the strike shortly after 9 a.m., when the market was "
        "busiest. Rescue workers said they were still pulling people from the rubble in the afternoon.")
OTHER = ("Kenyan police fired tear gas at hundreds of protesters in central Nairobi on Wednesday as "
         "demonstrators marched against a sharp rise in fuel prices, and 23 people were arrested.")


def report(eid, *, type="ASSAULT", day="2024-03-05", actors=(), recipients=(), lat=35.65, lon=36.67,
           country="SYR", evidence="air strike hit market Maarat killing civilians", article=None,
           publisher=None, group=None, speakers=()):
    return co.Report(eid, article or eid, type, dt.date.fromisoformat(day), "day", frozenset(actors),
                     frozenset(recipients), frozenset({country}), lat, lon, country,
                     co.evidence_words(evidence), publisher, group, frozenset(speakers))


# -- copies ---------------------------------------------------------------------------------


@pytest.mark.parametrize("other, copy", [
    (WIRE, True),
    ("UPDATE 1-" + WIRE + " (Reporting by staff; editing by the desk)", True),
    (WIRE.rsplit(". ", 1)[0] + ".", True),          # last sentence cut
    (OTHER, False),
    ("", False),
])
def test_copies(other, copy):
    assert (co.similarity(co.signature(WIRE), co.signature(other)) >= co.COPY_SIMILARITY) is copy


def test_signature_is_stable_and_bands_find_copies():
    sig = co.signature(WIRE)
    assert sig == co.signature(WIRE) and len(sig) == co.SIGNATURE_SIZE
    assert co.decode_signature(co.encode_signature(sig)) == sig
    assert set(co.band_keys(sig)) & set(co.band_keys(co.signature("UPDATE 1-" + WIRE)))
    index = co.CopyIndex()
    assert index.add("a", WIRE) == "a"
    assert index.add("b", "UPDATE 1-" + WIRE) == "a"
    assert index.add("c", OTHER) == "c"


# -- matching -------------------------------------------------------------------------------


@pytest.mark.parametrize("b, same", [
    (report("b"), True),                                            # same place, day, evidence
    (report("b", day="2024-03-07", evidence="strike market town"), True),  # two days later
    (report("b", day="2024-03-12"), False),                          # outside the window
    (report("b", type="AGREE"), False),                              # incompatible type
    (report("b", type="COERCE"), True),                              # compatible type
    (report("b", lat=33.5, lon=36.3, evidence="strike market"), False),  # Damascus: 240 km away
    (report("b", country="TUR", lat=None, lon=None), False),        # another country
    (report("b", lat=None, lon=None, evidence="parliament vote budget"), False),  # nothing shared
])
def test_match(b, same):
    assert (co.match(report("a"), b) is not None) is same


def test_index_clusters_incrementally():
    index = co.IncidentIndex()
    first = index.add(report("a1", article="A"))
    assert index.add(report("b1", article="B", day="2024-03-06")) == first
    assert index.add(report("c1", article="C", day="2024-06-01")) != first
    hypothetical = co.Report("d1", "D", "ASSAULT", dt.date(2024, 3, 5), modality="hypothetical")
    assert index.add(hypothetical) == co.incident_id("d1")
    assert [r.event_id for r in index.incidents[first]] == ["a1", "b1"]


# -- grades ---------------------------------------------------------------------------------


def test_grades():
    one = co.grade([report("a", publisher="Wire", group="a")])
    assert one.grade == "single_source" and one.sources == ("Wire",)
    copies = co.grade([report("a", article="a", publisher="Wire", group="a"),
                       report("b", article="b", publisher="Site", group="a")])
    assert copies.grade == "single_source" and "syndicated" in copies.reasons[0]
    two = co.grade([report("a", article="a", publisher="Wire", group="a"),
                    report("b", article="b", publisher="Paper", group="b")])
    assert two.grade == "corroborated" and two.sources == ("Wire", "Paper")
    contested = co.grade([report("a", article="a", publisher="Wire", group="a", actors={"Q159"}),
                          report("b", article="b", publisher="Paper", group="b", actors={"Q43"})],
                         {"Q159": "Russia", "Q43": "Turkey"})
    assert contested.grade == "contested"
    assert any("Russia" in r and "Turkey" in r for r in contested.reasons)
    generic = co.grade([report("a", article="a", publisher="Wire", group="a", actors={"ew:group:uaf-syr"}),
                        report("b", article="b", publisher="Paper", group="b", actors={"Q43"})])
    assert generic.grade == "corroborated"  # "unidentified armed group" disagrees with nobody
    acknowledged = co.grade([report("a", actors={"Q801"}, speakers={"Q801"}, publisher="Wire")])
    assert acknowledged.grade == "acknowledged" and "acknowledged" in acknowledged.reasons[0]


# -- the store ------------------------------------------------------------------------------


def _article(aid, publisher, text, *, actor="Q159", said_by=None, day="2024-03-05"):
    start = text.index("strike")
    actors = (ActorMention(Span.of(text, 0, 6), actor, "Russia", "RUS", "GOV", "state"),)
    quotes = ()
    if said_by:
        quotes = (Quote("q-1", "indirect", Span.of(text, 0, 20), Span.of(text, 0, 3),
                        Speaker(None, "Russia", said_by, False, None)),)
    place = Place(Span.of(text, 0, 6), "Maarat al-Numan", 170017, 35.65, 36.67, "SYR", None, "city")
    event = Event(f"e-{aid}", "ASSAULT", None, (), None, None, (actor,), (), place,
                  EventDate(day, "day", None, "sentence"), "asserted", ("q-1",) if said_by else (),
                  12, None, None, Span.of(text, start, start + 40), 0.8)
    return Article(aid, None, publisher, None, Published(day, "given"), "en", "ok", (), text,
                   actors=actors, quotes=quotes, events=(event,))


def test_store_keeps_incidents(tmp_path):
    from eventwire.store import connect

    store = connect(f"duckdb:///{tmp_path}/s.duckdb")
    store.add(_article("a", "Levant Wire", WIRE))
    assert [r["grade"] for r in store.incidents()] == ["single_source"]
    store.add(_article("b", "Gulf Post", "UPDATE 1-" + WIRE))       # a syndicated copy
    rows = store.incidents().rows()
    assert len(rows) == 1 and rows[0]["grade"] == "single_source" and rows[0]["sources"] == ["Levant Wire"]
    assert sorted(rows[0]["article_ids"]) == ["a", "b"]
    independent = ("Syrian state media said the strike on the market in Maarat al-Numan killed "
                   "militants on Tuesday, not civilians as activists claimed.")
    store.add(_article("c", "Damascus Daily", independent))
    rows = store.incidents().rows()
    assert len(rows) == 1 and rows[0]["grade"] == "corroborated"
    assert rows[0]["sources"] == ["Levant Wire", "Damascus Daily"]
    events = store.events().rows()
    assert {e["incident_id"] for e in events} == {rows[0]["id"]} and {e["grade"] for e in events} == {"corroborated"}
    store.add(_article("d", "Moscow Herald", "Russia said its strike on militants near Maarat al-Numan "
                       "on Tuesday destroyed a depot.", said_by="Q159"))
    assert store.incidents().rows()[0]["grade"] == "acknowledged"
    store.add(_article("e", "Other", independent.replace("Maarat al-Numan", "Aleppo"), day="2024-09-01"))
    assert len(store.incidents().rows()) == 2
    store.close()
