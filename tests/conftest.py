"""Shared fixtures: paths to the shared corpus and one pipeline per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "corpus" / "mee-iraq-russia-2015.txt"
SEED_EXPECTED = SHARED / "corpus" / "mee-iraq-russia-2015.expected.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def pipeline():
    from eventwire.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def nlp():
    from eventwire import nlp

    return nlp.load()
