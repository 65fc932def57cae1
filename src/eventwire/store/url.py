"""Store URLs, written as SQLAlchemy writes them, parsed without touching any database."""
from __future__ import annotations

import os

from ..errors import StoreError

DEFAULT_URL = "duckdb:///eventwire.duckdb"

ACCEPTED = (
    "duckdb:///relative/file.duckdb, duckdb:////absolute/file.duckdb, "
    "postgresql://user@host:port/db, or a plain path to a DuckDB file"
)

_POSTGRES_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg", "postgresql+psycopg2")


def parse_url(url: str | os.PathLike | None) -> tuple[str, str]:
    """Split a store URL into ``(backend, target)``.

    ``backend`` is ``"duckdb"`` (target: a file path, or ``":memory:"``) or
    ``"postgresql"`` (target: a libpq URL with the driver suffix removed).
    """
    if url is None:
        url = DEFAULT_URL
    url = os.fspath(url).strip()
    if not url:
        raise StoreError(f"the store URL is empty; use {ACCEPTED}")
    if "://" not in url:
        # A plain path is a DuckDB file (Windows drive letters never contain "://").
        return "duckdb", url
    scheme, rest = url.split("://", 1)
    scheme = scheme.lower()
    if scheme == "duckdb":
        # SQLAlchemy style: "duckdb:///x" is relative "x", "duckdb:////x" is absolute "/x".
        if not rest.startswith("/"):
            raise StoreError(
                f"store URL {url!r} has a host part; DuckDB URLs start with three slashes: {ACCEPTED}"
            )
        path = rest[1:]
        if path in ("", ":memory:"):
            return "duckdb", ":memory:"
        return "duckdb", path
    if scheme in _POSTGRES_SCHEMES:
        return "postgresql", "postgresql://" + rest
    raise StoreError(f"store URL {url!r} has an unknown scheme {scheme!r}; use {ACCEPTED}")
