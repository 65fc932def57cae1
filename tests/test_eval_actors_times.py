"""Scoring of ``eventwire eval actors`` and ``eval times``, and a run on a small slice."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.evaluate import actors as ev_actors
from eventwire.evaluate import load_baselines
from eventwire.evaluate import times as ev_times


def _doc(mentions, exhaustive=True):
    return {"doc": "d1", "text": "x" * 100, "exhaustive": exhaustive, "mentions": mentions}


def test_actor_scoring_overlap_id_country_precision():
    gold = [_doc([
        {"start": 0, "end": 6, "id": "Q43", "country": "TUR", "sector": "GOV", "kind": "state"},
        {"start": 10, "end": 20, "id": "ew:person:andrei-karlov", "country": "RUS", "sector": None, "kind": "person"},
        {"start": 30, "end": 35, "id": "Q1065", "country": None, "sector": None, "kind": "igo"},
        {"start": 40, "end": 46, "actor": False},
    ])]
    pred = {"d1": [
        {"start": 0, "end": 14, "id": "Q43", "country": "TUR", "sector": "MIL", "kind": "state"},
        {"start": 14, "end": 20, "id": "ew:person:karlov", "country": "TUR", "sector": None, "kind": "person"},
        {"start": 41, "end": 45, "id": "Q159", "country": "RUS", "sector": "GOV", "kind": "state"},
        {"start": 60, "end": 65, "id": "Q30", "country": "USA", "sector": None, "kind": "state"},
    ]}
    s = ev_actors.score_actors(gold, pred)
    assert s["recall"] == pytest.approx(2 / 3)
    assert s["accuracy"] == pytest.approx(1 / 3)  # Karlov found, right person, wrong country
    assert s["id_accuracy"] == 1.0
    assert s["country_accuracy"] == 0.5
    assert s["sector_accuracy"] == 0.0
    assert s["precision"] == pytest.approx(2 / 4)
    assert s["places_not_actors"] == 0.0


def test_no_precision_without_exhaustive_gold():
    s = ev_actors.score_actors([_doc([{"start": 0, "end": 3, "id": "Q43", "country": "TUR"}], False)],
                               {"d1": [{"start": 50, "end": 53, "id": "Q30", "country": "USA"}]})
    assert "precision" not in s and s["recall"] == 0.0


@pytest.mark.parametrize("gold,pred,ok", [("Q43", "Q43", True), ("Q43", "Q159", False),
                                          ("ew:person:maria-zakharova", "ew:person:zakharova", True),
                                          ("ew:person:john-kerry", "ew:person:john-brennan", False),
                                          ("Q43", None, False)])
def test_same_id(gold, pred, ok):
    assert ev_actors.same_id(gold, pred) is ok


def test_time_scoring():
    gold = [{"doc": "d1", "times": [{"start": 0, "end": 6, "value": "2016-12-19", "granularity": "day"},
                                    {"start": 10, "end": 20, "value": "2016-W50", "granularity": "week"},
                                    {"start": 30, "end": 35, "value": "199X", "granularity": "decade"}]}]
    pred = {"d1": [{"start": 0, "end": 6, "value": "2016-12-19", "granularity": "day"},
                   {"start": 12, "end": 20, "value": "2016-W49", "granularity": "week"}]}
    s = ev_times.score_times(gold, pred)
    assert s["accuracy"] == pytest.approx(1 / 3)
    assert s["recall"] == pytest.approx(2 / 3)
    assert s["granularity_accuracy"] == 1.0


def test_split_is_by_document_and_stable():
    halves = {ev_actors.half(f"W{i:02d}") for i in range(1, 21)}
    assert halves == {"dev", "test"}
    assert ev_actors.half("1040001") == ev_actors.half("1040001")


def test_gold_sets_are_large_enough_and_well_formed():
    actors = [json.loads(l) for l in ev_actors.GOLD.read_text().splitlines() if l.strip()]
    times = [json.loads(l) for l in ev_times.GOLD.read_text().splitlines() if l.strip()]
    assert sum(1 for r in actors for m in r["mentions"] if m.get("actor", True)) >= 300
    assert sum(len(r["times"]) for r in times) >= 150
    for r in actors + times:
        if "text" in r:  # written and PLOVER sentences carry their text: spans must match
            for m in r.get("mentions", r.get("times", [])):
                assert r["text"][m["start"]:m["end"]] == m["text"]
        else:
            assert r["source"] == "tr-news"  # GPL text stays in ../shared


def test_baselines_pinned():
    pinned = load_baselines()
    assert pinned["actors"]["accuracy"] > 0.8 and pinned["times"]["accuracy"] > 0.9


def _slice(gold: Path, tmp_path: Path, docs: set[str]) -> str:
    out = tmp_path / gold.parent.name / "slice.jsonl"
    out.parent.mkdir()
    out.write_text("".join(l + "\n" for l in gold.read_text().splitlines() if json.loads(l)["doc"] in docs))
    return str(out)


@pytest.mark.model
def test_run_on_written_slice(tmp_path):
    rep = ev_times.run(_slice(ev_times.GOLD, tmp_path, {"T01", "T02", "T03", "T04", "T16"}))
    assert rep.scores["accuracy"] == 1.0
    rep = ev_actors.run(_slice(ev_actors.GOLD, tmp_path, {"W01", "W05", "W09", "W12"}))
    assert rep.scores["accuracy"] >= 0.9 and rep.scores["recall"] >= 0.9
