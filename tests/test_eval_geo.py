"""The geo suite: scoring rules on hand-made examples, and a run on part of TR-News."""
from __future__ import annotations

import pytest

from eventwire.evaluate import geo


def gold(start, end, phrase, lat=None, lon=None, gid=None):
    return geo.GoldToponym(start, end, phrase, gid, lat, lon)


def pred(start, end, text, lat, lon, gid=None, source="place"):
    return geo.Predicted(start, end, text, lat, lon, gid, source)


@pytest.mark.parametrize("golds, preds, expected", [
    # exact span, same point: matched, within 161 km, same id
    ([gold(0, 5, "Paris", 48.85, 2.35, 1)], [pred(0, 5, "Paris", 48.85, 2.35, 1)],
     dict(tp=1, fp=0, gold=1, within=1, same_id=1)),
    # overlap is enough ("Paris" inside "Paris, Texas"); wrong continent is not within
    ([gold(0, 12, "Paris, Texas", 33.66, -95.56)], [pred(0, 5, "Paris", 48.85, 2.35)],
     dict(tp=1, fp=0, gold=1, within=0, same_id=0)),
    # 100 km away counts as within 161 km
    ([gold(0, 4, "Nice", 43.70, 7.27)], [pred(0, 4, "Nice", 43.70, 8.51)],
     dict(tp=1, fp=0, gold=1, within=1)),
    # a prediction touching nothing is spurious; a missed gold stays in the denominator
    ([gold(10, 15, "Paris", 48.85, 2.35)], [pred(0, 4, "Nice", 43.7, 7.27)],
     dict(tp=0, fp=1, gold=1, within=0)),
    # gold without coordinates is neutral: neither spurious nor counted
    ([gold(0, 10, "West Coast")], [pred(0, 4, "West", 0, 0)], dict(tp=0, fp=0, gold=0)),
    # one to one: a second prediction on a matched gold is neither a match nor spurious
    ([gold(0, 12, "New York City", 40.7, -74.0)],
     [pred(0, 8, "New York", 40.7, -74.0), pred(4, 12, "York City", 53.9, -1.1)],
     dict(tp=1, fp=0, gold=1, within=1)),
])
def test_score_article(golds, preds, expected):
    tally = geo.score_article(golds, preds)
    for key, value in expected.items():
        assert getattr(tally, key) == value, key


def test_scores_from_tally():
    t = geo.Tally(tp=8, fp=2, gold=10, tp_places=6, within=6, same_id=4)
    s = t.scores()
    assert s["precision"] == pytest.approx(0.8)
    assert s["recall"] == pytest.approx(0.8)
    assert s["f1"] == pytest.approx(0.8)
    assert s["acc161"] == pytest.approx(0.75)  # over matched toponyms
    assert s["acc161_all"] == pytest.approx(0.6)  # over all gold toponyms
    assert s["recall_places_only"] == pytest.approx(0.6)
    assert s["geonameid_match"] == pytest.approx(0.5)


def test_realign_moves_offsets_to_the_phrase():
    text = "Flights from Winnipeg to Churchill."
    assert geo._realign(text, 12, 20, "Winnipeg") == (13, 21)
    assert geo._realign(text, 13, 21, "Winnipeg") == (13, 21)


@pytest.mark.model
def test_suite_on_first_30_articles():
    path = geo.default_path()
    if not path.is_file():
        pytest.skip("TR-News is not beside the repository (../shared/data/geo/)")
    report = geo.run(str(path), limit=30)
    s = report.scores
    assert s["recall"] >= 0.85
    assert s["precision"] >= 0.80
    assert s["acc161"] >= 0.85
    assert s["acc161_all"] <= s["acc161"]
    assert "test_recall" in s and "dev_recall" in s
