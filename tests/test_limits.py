"""Per-article memory limit: an article that needs too much memory ends with E303, and
the batch goes on (the time limit has its own test in test_hardening.py)."""
from __future__ import annotations

import sys

import pytest

from eventwire import pipeline as pl

ARTICLE = ("Police fired tear gas at protesters in the capital on Tuesday, witnesses said. "
           "The interior ministry said 12 people were arrested. ") * 4

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS and /proc are Linux")


@linux
def test_memory_cap_raises_inside_and_restores_the_limit():
    import resource

    before = resource.getrlimit(resource.RLIMIT_AS)
    with pytest.raises(MemoryError):
        with pl._memory_cap(64):
            bytearray(512 * 1024 * 1024)
    assert resource.getrlimit(resource.RLIMIT_AS) == before
    with pl._memory_cap(64):
        small = bytearray(8 * 1024 * 1024)   # well inside the allowance
    assert len(small) == 8 * 1024 * 1024
    assert resource.getrlimit(resource.RLIMIT_AS) == before


@linux
def test_memory_cap_off_with_zero():
    with pl._memory_cap(0):
        big = bytearray(256 * 1024 * 1024)
    assert len(big)


@linux
@pytest.mark.model
def test_greedy_article_gets_e303_and_batch_goes_on(monkeypatch):
    from eventwire import coding
    from eventwire.pipeline import Pipeline

    original = coding.code_events

    def greedy(doc, analysis, lexicon, *rest):
        if "GREEDYCASE" in analysis.text:
            hog = bytearray(1024 * 1024 * 1024)   # far more than the 128 MB allowed
            del hog
        return original(doc, analysis, lexicon, *rest)

    monkeypatch.setattr(coding, "code_events", greedy)
    pipe = Pipeline({"memory_limit": 128})
    arts = list(pipe.process_many([ARTICLE + " GREEDYCASE", ARTICLE]))
    assert [a.status for a in arts] == ["error", "ok"]
    assert arts[0].errors[-1].code == "E303" and "analysis" in arts[0].errors[-1].message
    assert arts[0].text  # the clean text is kept with the error
    assert arts[1].events


@linux
@pytest.mark.model
def test_parse_over_the_limit_falls_back_to_one_by_one(monkeypatch):
    from eventwire.pipeline import Pipeline

    pipe = Pipeline({"memory_limit": 128})
    nlp = pipe.nlp
    real_pipe, real_call = nlp.pipe, nlp.__call__

    class Wrapped:
        """The model, except that parsing the greedy text allocates a gigabyte."""

        def pipe(self, texts, **kw):
            texts = list(texts)
            if any("GREEDYCASE" in t for t in texts):
                bytearray(1024 * 1024 * 1024)
            return real_pipe(texts, **kw)

        def __call__(self, text):
            if "GREEDYCASE" in text:
                bytearray(1024 * 1024 * 1024)
            return real_call(text)

    monkeypatch.setattr(pipe, "_nlp", Wrapped())
    arts = list(pipe.process_many([ARTICLE, ARTICLE + " GREEDYCASE", ARTICLE + " Again."]))
    assert [a.status for a in arts] == ["ok", "error", "ok"]
    assert arts[1].errors[-1].code == "E303" and "nlp" in arts[1].errors[-1].message
