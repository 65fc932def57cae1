"""The event suites' matching and scoring (plover-gsr, events), on hand-made examples, and a
small slice of each run end to end against its pinned floor."""
from __future__ import annotations

import pytest

from eventwire.evaluate import events as ev
from eventwire.evaluate import load_baselines
from eventwire.evaluate import plover as pl
from tests.conftest import SHARED


@pytest.mark.parametrize("old, new", [
    ("DEMAND", "REQUEST"), ("DISAPPROVE", "ACCUSE"), ("INVESTIGATE", "ACCUSE"), ("FIGHT", "ASSAULT"),
    ("AGREE", "AGREE"), ("THREATEN", "THREATEN"), ("yield", "CONCEDE"),
])
def test_plover_names(old, new):
    assert pl.plover_name(old) == new


def test_plover_mode_that_moved_type():
    assert pl.plover_name("COERCE", "destroy") == "ASSAULT"
    assert pl.plover_name("COERCE", "arrest") == "COERCE"


def test_plover_choose_prefers_gold_type_then_confidence():
    a = pl.Predicted("ACCUSE", frozenset({"USA"}), frozenset(), 0.9)
    b = pl.Predicted("REQUEST", frozenset({"USA"}), frozenset({"IRN"}), 0.5)
    c = pl.Predicted("REQUEST", frozenset({"USA"}), frozenset(), 0.7)
    assert pl.choose("REQUEST", [a, b, c]) is c
    assert pl.choose("AID", [a, b, c]) is a
    assert pl.choose("AID", []) is None


def test_plover_score_counts_misses_and_codes():
    g1 = pl.GoldRecord("1", "t", None, "REQUEST", frozenset({"USA"}), frozenset({"IRN"}))
    g2 = pl.GoldRecord("2", "t", None, "ASSAULT", frozenset({"ISR"}), frozenset())
    p1 = pl.Predicted("REQUEST", frozenset({"USA", "GBR"}), frozenset({"IRN"}), 0.8)
    s = pl.score([(g1, p1), (g2, None)])
    assert s == {"type_accuracy": 0.5, "actor_accuracy": 0.5, "recipient_accuracy": 1.0, "coverage": 0.5}


@pytest.mark.skipif(not pl.GSR.exists(), reason="../shared/data/plover not present")
def test_plover_gold_loads_322_records():
    gold = pl.load_gold()
    assert len(gold) == 322
    assert {g.type for g in gold} <= set(__import__("eventwire.coding", fromlist=["x"]).PLOVER_TYPES)
    assert any("JPN" in g.targets for g in gold)  # JAP normalised


def test_events_parse_gold_fields():
    text = "# source: test\nGunmen killed 3 farmers. | ASSAULT | Attack | - | civilians | asserted | f=3 a=1\n"
    (rec,) = ev.parse_gold(text, "t.gold")
    assert (rec.type, rec.acled, rec.actors, rec.recipients, rec.modality) == \
        ("ASSAULT", "Attack", (), ("civilians",), "asserted")
    assert rec.counts == {"fatalities": 3, "arrested": 1} and rec.source == "test"


def test_events_parse_offsets_reads_the_sentence():
    articles = {"7": "Intro. Police arrested 3 men in Lagos. More."}
    text = "# source: t\n7 | 7 | 38 | 2016-12-01 | COERCE | Arrests | NGA | - | asserted | a=3\n"
    (rec,) = ev.parse_offsets(text, articles, "t.offsets")
    assert rec.text == "Police arrested 3 men in Lagos."
    assert (rec.type, rec.acled, rec.published, rec.counts) == ("COERCE", "Arrests", "2016-12-01", {"arrested": 3})


def test_events_parse_rejects_bad_type():
    from eventwire.errors import UsageError

    with pytest.raises(UsageError):
        ev.parse_gold("x | FIGHT | - | - | - | asserted | -", "t.gold")


def test_weighted_f1():
    pairs = [("Attack", "Attack"), ("Attack", None), ("Grenade", "Grenade"), (None, "Attack")]
    # Attack: tp1 fp1 fn1 -> 0.5 (support 2); Grenade: 1.0 (support 1)
    assert ev.weighted_f1(pairs) == pytest.approx((0.5 * 2 + 1.0) / 3)


def test_events_choose_and_score():
    gold = ev.GoldEvent("t", "ASSAULT", "Grenade", ("KEN",), ("civilians",), "asserted", {"injured": 5})
    other = ev.Predicted("ASSAULT", "Attack", frozenset({"KEN"}), frozenset(), "asserted", {}, 0.9)
    right = ev.Predicted("ASSAULT", "Grenade", frozenset({"KEN", "kenyan police"}), frozenset({"civilians"}),
                         "asserted", {"injured": 5}, 0.6)
    assert ev.choose(gold, [other, right]) is right
    s = ev.score([(gold, right)])
    assert s["acled_weighted_f1"] == 1.0 and s["recipient_accuracy"] == 1.0 and s["counts_accuracy"] == 1.0


def test_events_gold_covers_every_type_and_subtype():
    from eventwire.coding import PLOVER_TYPES

    records = [r for _, rs in ev.load_gold() for r in rs]
    assert len(records) >= 300
    types = {t: sum(r.type == t for r in records) for t in PLOVER_TYPES}
    assert min(types.values()) >= 5, types
    subs = {r.acled for r in records if r.acled}
    assert len(subs) == 25
    assert all(sum(r.acled == s for r in records) >= 5 for s in subs)


@pytest.mark.skipif(not pl.GSR.exists(), reason="../shared/data/plover not present")
def test_plover_slice_runs(pipeline):
    report = pl.run(pipeline=pipeline, limit=40)
    assert report.scores["coverage"] > 0.5
    assert report.scores["type_accuracy"] > 0.3


def test_events_slice_runs(pipeline):
    report = ev.run(pipeline=pipeline, limit=30)
    assert report.scores["plover_accuracy"] > 0.4
    assert set(load_baselines()["events"]) >= {"acled_weighted_f1", "plover_accuracy", "modality_accuracy"}
    assert "plover-gsr" in load_baselines()


def test_events_gold_names_match_through_catalogue_aliases():
    # gold writes a group as news does; eventwire names it canonically
    ids = ev._catalogue_ids("RSF")
    assert ids and ev._match(("RSF",), frozenset(ids))
    assert not ev._match(("RSF",), frozenset({"sdn", "sudan"}))
    assert ev._catalogue_ids("no such actor anywhere") == frozenset()
