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
           publisher=None, group=None, speakers=(), claimants=()):
    return co.Report(eid, article or eid, type, dt.date.fromisoformat(day), "day", frozenset(actors),
                     frozenset(recipients), frozenset({country}), lat, lon, country,
                     co.evidence_words(evidence), publisher, group, frozenset(speakers),
                     claimants=frozenset(claimants))


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


def _claim_article(**changes):
    quotes = [
        {"id": "q-claim", "speaker": {"actor_id": "ew:al-shabaab"}, "cue": {"text": "claimed responsibility"}},
        {"id": "q-rebels", "speaker": {"actor_id": "ew:group:reb-som"}, "cue": {"text": "claimed responsibility"}},
        {"id": "q-police", "speaker": {"actor_id": "Q1045"}, "cue": {"text": "said"}},
    ]
    events = [
        {"id": "e-protest", "type": "PROTEST", "modality": "asserted", "evidence": {"start": 0}},
        {"id": "e-bomb", "type": "ASSAULT", "modality": "asserted", "evidence": {"start": 40},
         "attribution": ["q-police"]},
        {"id": "e-old", "type": "ASSAULT", "modality": "historical", "evidence": {"start": 20}},
        {"id": "e-later", "type": "ASSAULT", "modality": "asserted", "evidence": {"start": 300}},
    ]
    for event in events:
        event.update(changes.get(event["id"], {}))
    return {"id": "A", "quotes": quotes, "events": events}


def test_claims_within_an_article():
    # The claim is about the article's first asserted attack; an unnamed claimant
    # ("rebels") is no acknowledgement; a statement that is not a claim claims nothing.
    assert co.claims(_claim_article()) == {"e-bomb": frozenset({"ew:al-shabaab"})}
    # A claim that holds an attack ("claimed responsibility for a car bomb that killed 8") is about it.
    held = _claim_article(**{"e-later": {"attribution": ["q-claim"]}})
    assert co.claims(held) == {"e-later": frozenset({"ew:al-shabaab"})}
    assert co.claims({"id": "B", "quotes": [], "events": _claim_article()["events"]}) == {}


@pytest.mark.parametrize("reports, grade, reason", [
    # a claim of responsibility in another outlet's article
    ([report("a", article="a", publisher="Wire", group="a"),
      report("b", article="b", publisher="Paper", group="b", claimants={"ew:al-shabaab"})],
     "acknowledged", "al-Shabaab claimed responsibility (b)"),
    # "the army said it carried out the strike": actor and speaker are one
    ([report("a", actors={"Q1033"}, speakers={"Q1033"}, publisher="Wire")],
     "acknowledged", "Nigeria reports it in its own statement (a)"),
    # "Ukraine's military intelligence said its drones hit the terminal" (no actor of its
    # own) where another report names Ukraine as the actor
    ([report("a", article="a", publisher="Wire", group="a", actors={"Q212"}),
      report("b", article="b", publisher="Paper", group="b", speakers={"Q212"})],
     "acknowledged", "Ukraine, named as the actor in a, reports it in its own statement (b)"),
    # ... not when the speaker is the target of its own report
    ([report("a", article="a", publisher="Wire", group="a", actors={"Q212"}),
      report("b", article="b", publisher="Paper", group="b", speakers={"Q212"}, recipients={"Q212"})],
     "corroborated", None),
    # ... nor for a generic speaker ("rebels said"), nor when the statement names another actor
    ([report("a", article="a", publisher="Wire", group="a", actors={"ew:group:reb-mli"}),
      report("b", article="b", publisher="Paper", group="b", speakers={"ew:group:reb-mli"})],
     "corroborated", None),
    ([report("a", article="a", publisher="Wire", group="a", actors={"Q212"}),
      report("b", article="b", publisher="Paper", group="b", speakers={"Q212"}, actors={"Q159"})],
     "contested", None),
    # talks reported by a party to them are reported, not acknowledged
    ([report("a", type="CONSULT", actors={"Q668"}, speakers={"Q668"}, publisher="Wire")],
     "single_source", None),
])
def test_acknowledged(reports, grade, reason):
    names = {"Q1033": "Nigeria", "Q212": "Ukraine", "Q159": "Russia", "ew:al-shabaab": "al-Shabaab"}
    graded = co.grade(reports, names)
    assert graded.grade == grade, graded.reasons
    acknowledged = [r for r in graded.reasons if r.startswith("acknowledged")]
    assert acknowledged == ([f"acknowledged: {reason}"] if reason else [])


# -- the store ------------------------------------------------------------------------------


def _article(aid, publisher, text, *, actor="Q159", said_by=None, day="2024-03-05", claim_by=None,
             lat=35.65, lon=36.67):
    start = text.index("strike")
    actors = (ActorMention(Span.of(text, 0, 6), actor, "Russia", "RUS", "GOV", "state"),) if actor else ()
    quotes = ()
    if said_by:
        quotes = (Quote("q-1", "indirect", Span.of(text, 0, 20), Span.of(text, 0, 3),
                        Speaker(None, "Russia", said_by, False, None)),)
    if claim_by:  # "X claimed responsibility for ...", in a later sentence than the attack
        cue = text.index("claimed responsibility")
        quotes += (Quote("q-2", "indirect", Span.of(text, cue + 8, len(text)), Span.of(text, cue, cue + 22),
                         Speaker(None, "claimant", claim_by, False, None)),)
    place = Place(Span.of(text, 0, 6), "Maarat al-Numan", 170017, lat, lon, "SYR", None, "city")
    event = Event(f"e-{aid}", "ASSAULT", None, (), None, None, (actor,) if actor else (), (), place,
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


def test_store_keeps_claims_across_articles(tmp_path):
    from eventwire.store import connect

    store = connect(f"duckdb:///{tmp_path}/s.duckdb")
    store.add(_article("a", "Levant Wire", WIRE, actor=None))
    claimed = ("A strike on the market in Maarat al-Numan on Tuesday killed 12 people. "
               "Hayat Tahrir al-Sham claimed responsibility for the attack.")
    store.add(_article("b", "Idlib Post", claimed, actor=None, claim_by="Q21013931"))
    row = store.incidents().rows()[0]
    assert row["grade"] == "acknowledged" and "acknowledged: Q21013931 claimed responsibility (b)" in row["reasons"]
    # a third report is graded with the claim read back from the stored quotes and events
    store.add(_article("c", "Damascus Daily", "Syrian state media said the strike on the market in Maarat "
                       "al-Numan killed militants on Tuesday.", actor=None))
    rows = store.incidents().rows()
    assert len(rows) == 1 and rows[0]["grade"] == "acknowledged" and len(rows[0]["sources"]) == 3
    assert {e["grade"] for e in store.events()} == {"acknowledged"}
    store.close()


def _stream(n: int) -> list[Article]:
    """Reports of a few incidents in two places, a day apart, from several outlets."""
    out = []
    for k in range(n):
        day = f"2024-03-{5 + k % 3:02d}"
        lat, lon = ((35.65, 36.67), (33.51, 36.29))[k % 2]
        out.append(_article(f"s{k}", f"Outlet {k % 4}", f"Report {k}: the strike hit the market on day {k % 3}.",
                            day=day, lat=lat, lon=lon))
    return out


def _incidents(store) -> list[tuple]:
    return sorted((r["id"], r["grade"], tuple(r["event_ids"]), tuple(r["sources"])) for r in store.incidents())


@pytest.mark.parametrize("wide", [12, 0], ids=["whole-buckets", "cells"])
def test_warm_cache_places_as_a_fresh_store(tmp_path, monkeypatch, wide):
    from eventwire.store import connect, incidents

    monkeypatch.setattr(incidents, "WIDE", wide)  # 0: every read is of the cells looked in
    articles = _stream(12)
    warm = connect(f"duckdb:///{tmp_path}/warm.duckdb")
    for a in articles:
        warm.add(a)
    assert warm._candidates.size > 0  # the cache was kept between the adds
    for a in articles:  # every add in a new Store: a cold cache each time
        with connect(f"duckdb:///{tmp_path}/cold.duckdb") as cold:
            cold.add(a)
    with connect(f"duckdb:///{tmp_path}/batch.duckdb") as batch:
        batch.add_many(articles)
        expected = _incidents(batch)
    with connect(f"duckdb:///{tmp_path}/cold.duckdb") as cold:
        assert _incidents(warm) == _incidents(cold) == expected
    assert len(expected) < len(articles)
    warm.close()


def test_cache_notices_another_writer_and_a_failed_write(tmp_path, monkeypatch):
    from eventwire.errors import StoreError
    from eventwire.store import connect

    articles = _stream(6)  # s0: place A; s1: place B, a day later; s3: place B, s0's day
    first = connect(f"duckdb:///{tmp_path}/s.duckdb")
    first.add(articles[0])  # reads the days around s0 into first's cache
    with connect(f"duckdb:///{tmp_path}/s.duckdb") as second:  # another Store on the same file
        second.add(articles[1])  # founds the place-B incident that s3 must join
    real = first._db.insert

    def failing(table, columns, rows):
        if table == "incidents":
            raise StoreError("disk full")
        real(table, columns, rows)

    monkeypatch.setattr(first._db, "insert", failing)
    with pytest.raises(StoreError):
        first.add(articles[2])
    assert first._candidates.size == 0  # what the failed write filed is forgotten
    monkeypatch.setattr(first._db, "insert", real)
    for a in articles[2:]:
        first.add(a)
    with connect(f"duckdb:///{tmp_path}/ref.duckdb") as ref:
        ref.add_many(articles)
        assert _incidents(first) == _incidents(ref)
    joined = {e["article_id"]: e["incident_id"] for e in first.events()}
    assert joined["s3"] == joined["s1"] != joined["s0"]
    first.close()


def test_cache_notices_another_writer(tmp_path):
    from eventwire.store import connect

    articles = _stream(4)
    first = connect(f"duckdb:///{tmp_path}/s.duckdb")
    first.add(articles[0])
    with connect(f"duckdb:///{tmp_path}/s.duckdb") as second:
        second.add(articles[1])
    first.add(articles[3])  # must see s1, which first's cache did not hold
    joined = {e["article_id"]: e["incident_id"] for e in first.events()}
    assert joined["s3"] == joined["s1"] != joined["s0"]
    first.close()
