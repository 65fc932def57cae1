"""The bundled sample corpus, each article against its expected file.

Every `article` and `must_not` expectation must hold; the counts reached in the other
sections are printed and pinned in ``eventwire/data/baselines.toml`` (``[corpus.NAME]``)
so that they cannot fall.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.evaluate import CORPUS, load_baselines, published_for
from eventwire.evaluate.expected import check, load_expected

pytestmark = pytest.mark.model
EXPECTED = sorted(CORPUS.glob("*.expected.yaml"))


def test_corpus_has_the_seed_and_three_more():
    names = [p.name for p in EXPECTED]
    assert "mee-iraq-russia-2015.expected.yaml" in names and len(names) >= 4
    for path in EXPECTED:
        assert path.with_name(path.name.replace(".expected.yaml", ".txt")).exists()


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.name.split(".")[0])
def test_sample_article(pipeline, path: Path):
    expected = load_expected(path)
    data = path.with_name(path.name.replace(".expected.yaml", ".txt")).read_bytes()
    record = pipeline.process(data, published=published_for(path, expected)).to_dict()
    outcome = check(record, expected, pipeline.process(data).to_dict(), name=path.stem)
    print("\n" + outcome.summary())
    for failure in outcome.failures():
        print(f"  x {failure.section}: {failure.label} ({failure.why})")
    assert record["status"] == "ok"
    assert not outcome.failures("article"), outcome.failures("article")
    assert not outcome.failures("must_not"), outcome.failures("must_not")
    pinned = load_baselines().get("corpus", {}).get(path.name.split(".")[0], {})
    for section, floor in pinned.items():
        assert outcome.count(section)[0] >= floor, f"{section} fell below its pinned count {floor}"
