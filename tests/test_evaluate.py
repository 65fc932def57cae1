"""The expected-file checker: it passes what meets an expectation and fails what does not."""
from __future__ import annotations

import pytest

from eventwire.evaluate.expected import check_actor, check_event, check_must_not, check_place, check_time

TEXT = "Ankara and Washington back rebels. Russian jets struck Idlib on 30 September."


def span(text: str) -> dict:
    start = TEXT.index(text)
    return {"text": text, "start": start, "end": start + len(text)}


RECORD = {
    "text": TEXT,
    "sections": [{"kind": "body", "start": 0, "end": len(TEXT)}],
    "actors": [
        {"span": span("Ankara"), "id": "Q43", "name": "Turkey", "country": "TUR", "sector": "GOV", "kind": "state"},
        {"span": span("Russian jets"), "id": "Q159", "name": "Russia", "country": "RUS", "sector": "MIL", "kind": "state"},
    ],
    "places": [{"span": span("Idlib"), "name": "Idlib", "country": "SYR", "lat": 35.93, "lon": 36.63, "feature": "city"}],
    "times": [{"span": span("30 September"), "value": "2015-09-30", "granularity": "day"}],
    "quotes": [],
    "events": [{
        "id": "e1", "type": "ASSAULT", "mode": "aerial", "contexts": [], "actors": ["Q159"], "recipients": [],
        "acled": {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"},
        "location": {"name": "Idlib", "span": span("Idlib")}, "date": {"value": "2015-09-30"},
        "modality": "asserted", "attribution": [], "evidence": span("Russian jets struck Idlib on 30 September."),
    }],
}


@pytest.mark.parametrize("exp,ok", [
    ({"name": "Turkey", "country": "TUR", "forms": ["Ankara"]}, True),
    ({"name": "Turkey", "forms": ["Ankara", "Turkish"]}, False),
    ({"name": "Turkey", "sector": "MIL"}, False),
    ({"name": "Iran"}, False),
])
def test_actor(exp, ok):
    assert check_actor(RECORD, exp).ok is ok


@pytest.mark.parametrize("exp,ok", [
    ({"text": "Idlib", "country": "SYR", "lat": 35.93, "lon": 36.63, "tolerance_km": 25}, True),
    ({"text": "Idlib", "country": "SYR", "lat": 36.93, "lon": 36.63, "tolerance_km": 25}, False),
    ({"text": "Ankara"}, False),
])
def test_place(exp, ok):
    assert check_place(RECORD, exp).ok is ok


def test_time():
    assert check_time(RECORD, {"text": "30 September", "value": "2015-09-30"}).ok
    assert not check_time(RECORD, {"text": "30 September", "value": "2014-09-30"}).ok


@pytest.mark.parametrize("exp,ok", [
    ({"type": "ASSAULT", "mode": "aerial", "actors": ["Russia"], "location": "Idlib", "date": "2015-09-30",
      "acled": {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}}, True),
    ({"type": "ASSAULT", "actors": ["Turkey"]}, False),
    ({"type": "ASSAULT", "modality": "negated"}, False),
    ({"type_any_of": ["ACCUSE", "REJECT"]}, False),
])
def test_event(exp, ok):
    assert check_event(RECORD, exp).ok is ok


@pytest.mark.parametrize("rule,ok", [
    ("a place for Ankara, Washington or the Kremlin", True),
    ("a place for Idlib", False),
    ("an ASSAULT by Russia on mosques reported as having happened", False),
    ("an ASSAULT by Turkey on mosques reported as having happened", True),
    ({"event": {"type": "ASSAULT", "evidence_has": "Idlib", "modality_any_of": ["asserted"]}}, False),
    ({"text_has": ["Skip to main content"]}, True),
    ("something the checker cannot read", False),
])
def test_must_not(rule, ok):
    assert check_must_not(RECORD, rule).ok is ok
