"""Shared fixtures: paths to the shared corpus, one pipeline per test session, and a
PostgreSQL server (started for the session) with a fresh database per test."""
from __future__ import annotations

import os
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

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


# -- PostgreSQL -------------------------------------------------------------------

@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server URL: $EVENTWIRE_TEST_PG, else a throwaway server for the session.

    Without PostgreSQL the tests that need it are skipped, unless EVENTWIRE_REQUIRE_PG
    is set (scripts/test.sh sets it, so CI never skips them silently).
    """
    given = os.environ.get("EVENTWIRE_TEST_PG")
    if given:
        yield given
        return
    from .pgserver import Server, Unavailable

    try:
        server = Server()
        url = server.start()
    except Unavailable as exc:
        if os.environ.get("EVENTWIRE_REQUIRE_PG"):
            pytest.fail(f"PostgreSQL is required (EVENTWIRE_REQUIRE_PG) but unavailable: {exc}")
        pytest.skip(f"PostgreSQL tests skipped: {exc}")
    try:
        yield url
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server):
    """The URL of a new, empty store on the session's server; removed afterwards.

    Each test gets its own schema (``search_path`` in the URL's ``options``): creating
    one takes milliseconds, where CREATE DATABASE takes half a second.
    """
    import psycopg

    name = f"eventwire_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_server, autocommit=True) as con:
        con.execute(f'CREATE SCHEMA "{name}"')
    parts = urlsplit(pg_server)
    query = "&".join(q for q in (parts.query, f"options=-csearch_path%3D{name}") if q)
    yield urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))
    with psycopg.connect(pg_server, autocommit=True) as con:
        con.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
