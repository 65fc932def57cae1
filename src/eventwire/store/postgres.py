"""The PostgreSQL backend: the shared, multi-user store (psycopg 3).

The Store writes portable SQL with ``?`` placeholders; this backend turns them into
psycopg's ``%s`` and bulk-inserts with COPY.  Concurrent writers are serialised by a
transaction-level advisory lock: every write transaction takes it before it looks
for articles already stored, so two processes adding the same article store it once
and neither fails.  Readers never wait for it.
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, Iterator, Sequence
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..errors import StoreError, UsageError
from .backends import Backend, _first_line

# One advisory lock key for all eventwire writers in a database ("ewstore" in ASCII).
WRITE_LOCK = 0x65_77_73_74_6F_72_65
# Seconds to wait for a server before giving up (psycopg's default is to wait forever).
CONNECT_TIMEOUT = 10


class PostgresBackend(Backend):
    """A PostgreSQL database, shared by any number of reading and writing processes."""

    name = "postgresql"

    def __init__(self, url: str, *, read_only: bool = False):
        try:
            import psycopg  # lazy: `eventwire --help` must not import the driver
        except ImportError:
            raise StoreError("PostgreSQL stores need psycopg 3: pip install 'psycopg[binary]'") from None

        self._psycopg = psycopg
        self.target = redact(url)
        try:
            self._con = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT,
                                        application_name="eventwire")
        except psycopg.Error as exc:
            raise StoreError(
                f"cannot connect to PostgreSQL store {self.target}: {_reason(exc)}; check that the "
                "server is running and that the user, host, port and database in --db are right"
            ) from None
        except Exception as exc:  # a malformed URL is reported by libpq's parser
            raise StoreError(f"store URL {self.target} is not a valid PostgreSQL URL: {_first_line(exc)}") from None
        if read_only:
            self.execute("SET default_transaction_read_only = on")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        params = list(params)
        if any(isinstance(p, str) and "\x00" in p for p in params):
            # PostgreSQL text cannot hold NUL; DuckDB's can, so a filter with one matches nothing there.
            raise UsageError("NUL characters are not allowed in filters and fields")
        try:
            cursor = self._con.execute(to_psycopg(sql) if params else sql, params or None)
            return cursor.fetchall() if cursor.description else []
        except self._psycopg.Error as exc:
            raise StoreError(f"store {self.target}: {_reason(exc)}") from None

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[tuple]) -> None:
        if not rows:
            return
        # COPY is PostgreSQL's bulk path; identifiers come from rows.COLUMNS, never from users.
        copy_sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        try:
            with self._con.cursor() as cursor, cursor.copy(copy_sql) as copy:
                for row in rows:
                    copy.write_row(row)
        except self._psycopg.Error as exc:
            raise StoreError(f"store {self.target}: {_reason(exc)}") from None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A transaction holding the write lock, so that writers never see each other half-done."""
        with super().transaction():
            self.execute("SELECT pg_advisory_xact_lock(?)", [WRITE_LOCK])
            yield

    def ddl(self, statement: str) -> str:
        # Byte-order collation, as DuckDB sorts: ORDER BY id gives the same rows on every
        # server, whatever locale its database was created with.
        if re.match(r"\s*(CREATE|ALTER)\s+TABLE", statement, re.IGNORECASE):
            return re.sub(r"\bTEXT\b(?!\s*\[)", 'TEXT COLLATE "C"', statement)
        return statement

    def close(self) -> None:
        try:
            self._con.close()
        except self._psycopg.Error:
            pass


@lru_cache(maxsize=256)
def to_psycopg(sql: str) -> str:
    """Portable ``?`` placeholders as psycopg's ``%s``; a literal ``%`` becomes ``%%``.

    Text inside quotes ('literals', "identifiers") is left alone.
    """
    out: list[str] = []
    quote = ""
    for ch in sql:
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch == "?":
            out.append("%s")
            continue
        out.append("%%" if ch == "%" else ch)
    return "".join(out)


def redact(url: str) -> str:
    """The URL without its password (in the authority part or as a query parameter)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "postgresql://…"
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        netloc = userinfo.split(":", 1)[0] + "@" + host
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k != "password"])
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def _reason(exc: Exception) -> str:
    text = _first_line(exc)
    # libpq: 'connection failed: connection to server at "127.0.0.1", port 1 failed: Connection refused'
    return text.removeprefix("connection failed: ")
