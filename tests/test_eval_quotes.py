"""The quotes and incidents evaluation suites: gold files, matching rules, scores.

Scoring is tested on hand-made quotes; the gold files are checked for size and sanity.
"""
from __future__ import annotations

import json

import pytest

from eventwire.evaluate import incidents as ev_incidents
from eventwire.evaluate import quotes as ev_quotes


@pytest.mark.parametrize("gold, name, description, ok", [
    (["Vladimir Putin"], "Mr Putin", None, True),
    (["Vladimir Putin"], "Putin", None, True),
    (["Justice Jim Henry", "Justine Henry"], "Justice Henry", None, True),
    (["Cynthia Lau", "Cynthia"], "Ian's wife Cynthia", None, True),
    (["Cynthia Lau", "Cynthia"], "Ian Lau", None, False),
    (["spokesman for the transport ministry", "spokesman"], None,
     "A spokesman for the transport ministry, who asked not to be named", True),
    (["Hillary Clinton"], "Donald Trump", None, False),
    (["Barack Obama"], None, None, False),
])
def test_speaker_matches(gold, name, description, ok):
    assert ev_quotes.speaker_matches(gold, name, description) is ok


def _q(start, end, name):
    return {"content": {"start": start, "end": end, "text": "x" * (end - start)},
            "speaker": {"name": name, "description": None}}


def test_score_article_overlap_rule():
    gold = [ev_quotes.GoldQuote(0, 100, ("Ann Smith",)), ev_quotes.GoldQuote(200, 300, ("Bob Jones",))]
    # 30 of 100 gold characters is enough; 29 is not; one long prediction finds both
    assert ev_quotes.score_article(gold, [_q(70, 130, "Smith")]).found == 1
    assert ev_quotes.score_article(gold, [_q(71, 130, "Smith")]).found == 0
    t = ev_quotes.score_article(gold, [_q(0, 300, "Ann Smith")])
    assert (t.found, t.correct, t.predicted, t.speaker_ok) == (2, 1, 1, 1)
    t = ev_quotes.score_article(gold, [_q(0, 90, "Ann Smith"), _q(210, 300, "Ann Smith"), _q(400, 420, None)])
    s = t.scores()
    assert s["recall"] == 1.0 and s["precision"] == pytest.approx(2 / 3) and s["speaker_accuracy"] == 0.5


def test_quote_gold_is_large_and_sane():
    articles = ev_quotes.load_gold()
    assert len(articles) >= 40 and sum(len(a.quotes) for a in articles) >= 300
    assert {a.split for a in articles} == {"dev", "test"}
    for a in articles:
        for q in a.quotes:
            assert 0 <= q.start < q.end <= len(a.text) and q.speakers
            assert a.text[q.start:q.end].strip() == a.text[q.start:q.end]


def test_written_quote_gold_is_marked():
    rows = [json.loads(line) for line in (ev_quotes.GOLD / "written.jsonl").read_text().splitlines()]
    assert rows and all(r["written_for_project"] for r in rows)
    assert all("text" not in json.loads(line) for line in (ev_quotes.GOLD / "trnews.jsonl").read_text().splitlines())


def test_pairwise():
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    assert ev_incidents.pairwise({"a": "x", "b": "x", "c": "y", "d": "y"}, gold) == (1.0, 1.0)
    p, r = ev_incidents.pairwise({"a": "x", "b": "x", "c": "x", "d": "y"}, gold)
    assert p == pytest.approx(1 / 3) and r == pytest.approx(1 / 2)
    assert ev_incidents.pairwise({}, gold) == (1.0, 0.0)


def test_lead_incidents_take_the_majority():
    events = [{"article_id": "a", "incident_id": "i1", "evidence_start": 0, "modality": "asserted"},
              {"article_id": "a", "incident_id": "i2", "evidence_start": 50, "modality": "asserted"},
              {"article_id": "a", "incident_id": "i2", "evidence_start": 90, "modality": "asserted"},
              {"article_id": "b", "incident_id": "i3", "evidence_start": 0, "modality": "future"}]
    assert ev_incidents.lead_incidents(events) == {"a": "i2"}


def test_incident_gold_is_large_and_consistent():
    articles, gold = ev_incidents.load()
    ids = {a["id"] for a in articles}
    assert len(articles) >= 60 and all(a["written_for_project"] for a in articles)
    assert {a for group in gold["incidents"].values() for a in group} == ids
    assert all(set(g) <= ids for g in gold["copies"]) and len(gold["copies"]) >= 10
    assert all({"id", "publisher", "url", "published", "text"} <= set(a) for a in articles)
