"""Acceptance: the seed page (as page text and as an HTML page) against its expected file.

The counts reached are printed and pinned in ``eventwire/data/baselines.toml`` (section
``seed``) so that they cannot fall.
"""
from __future__ import annotations

import pytest

from eventwire.evaluate import load_baselines
from eventwire.evaluate.expected import check, load_expected

from .conftest import FIXTURES, SEED, SEED_EXPECTED

pytestmark = pytest.mark.model
PUBLISHED = "2015-10-31"
FLOORS = {"actors": 0.8, "places": 0.8, "times": 0.8, "quotes": 0.8}


@pytest.fixture(scope="module")
def expected():
    return load_expected(SEED_EXPECTED)


def _outcome(pipeline, data: bytes, expected: dict, name: str):
    record = pipeline.process(data, published=PUBLISHED).to_dict()
    unpublished = pipeline.process(data).to_dict()
    return check(record, expected, unpublished, name=name)


@pytest.mark.parametrize("source", [SEED, FIXTURES / "mee-iraq-russia-2015.html"], ids=["page-text", "html"])
def test_seed_expectations(pipeline, expected, source):
    outcome = _outcome(pipeline, source.read_bytes(), expected, source.name)
    print("\n" + outcome.summary())
    for failure in outcome.failures():
        print(f"  x {failure.section}: {failure.label} ({failure.why})")

    ok, total = outcome.count("article")
    assert ok == total, outcome.failures("article")
    ok, total = outcome.count("must_not")
    assert ok == total, outcome.failures("must_not")
    for section, floor in FLOORS.items():
        ok, total = outcome.count(section)
        assert ok >= floor * total, (section, outcome.failures(section))
    ok, total = outcome.count("events")
    assert ok >= 6, outcome.failures("events")

    pinned = load_baselines()["seed"]
    for section in ("actors", "places", "times", "quotes", "events"):
        assert outcome.count(section)[0] >= pinned[section], f"{section} fell below its pinned count"
