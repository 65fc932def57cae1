"""Database backends: the only code that talks to a driver.

A backend runs portable SQL written with ``?`` placeholders and raises
:class:`StoreError` for every driver error.  DuckDB is here; the PostgreSQL backend
(psycopg, ``%s`` placeholders, COPY for bulk inserts, a write lock) is in ``postgres.py``.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Any, Iterator, Sequence

from ..errors import StoreError

# Rows per multi-row INSERT when no faster bulk path is available.
_VALUES_CHUNK = 200
# DuckDB inserts of this many rows or more pass each column as one list parameter and
# unnest them: one statement with a few parameters, where a multi-row VALUES binds every
# value and costs 4-15 times more (fewer rows: VALUES, whose plan is cheaper than the casts).
_UNNEST_MIN_ROWS = 8
# From this many rows on (bulk loads), Arrow converts columns faster still.
_ARROW_MIN_ROWS = 2000


class Backend:
    """What :class:`~eventwire.store.Store` needs from a database."""

    name = "abstract"
    target = ""
    # Whether this connection's process is the only one that can write to the database
    # (a DuckDB file is locked by its writer): caches of stored rows may then outlive a
    # transaction.
    single_writer = False

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Run one statement; return its rows (empty for statements without rows)."""
        raise NotImplementedError

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[tuple]) -> None:
        """Insert many rows into ``table`` (inside the current transaction)."""
        if not rows:
            return
        # Identifiers come from rows.COLUMNS, never from users; values stay parameters.
        one = "(" + ", ".join("?" for _ in columns) + ")"
        head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
        for start in range(0, len(rows), _VALUES_CHUNK):
            chunk = rows[start:start + _VALUES_CHUNK]
            self.execute(head + ", ".join(one for _ in chunk), [v for row in chunk for v in row])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything inside is committed together, or rolled back together."""
        self.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            try:
                self.execute("ROLLBACK")
            except StoreError:
                pass
            raise
        self.execute("COMMIT")

    def ddl(self, statement: str) -> str:
        """A schema statement from ``data/store`` as this database should run it."""
        return statement

    def close(self) -> None:
        raise NotImplementedError


class DuckDBBackend(Backend):
    """An embedded DuckDB file: many readers or one writing process at a time."""

    name = "duckdb"
    single_writer = True

    def __init__(self, target: str, *, read_only: bool = False):
        import duckdb  # lazy: `eventwire --help` must not import DuckDB

        self._duckdb = duckdb
        self.target = target
        if target != ":memory:":
            path = os.path.abspath(os.path.expanduser(target))
            folder = os.path.dirname(path)
            if not os.path.isdir(folder):
                raise StoreError(
                    f"cannot open store {target}: folder {folder} does not exist; "
                    "create it first or choose another --db"
                )
            if os.path.isdir(path):
                raise StoreError(f"cannot open store {target}: it is a directory, not a DuckDB file")
            if read_only and not os.path.exists(path):
                raise StoreError(
                    f"no store at {target}; run `eventwire ingest` first or pass --db with an existing store"
                )
            target = path
        self._column_types: dict[str, dict[str, str]] = {}
        try:
            self._con = duckdb.connect(target, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(_open_message(self.target, exc)) from None

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        try:
            cursor = self._con.execute(sql, list(params))
            return cursor.fetchall() if cursor.description else []
        except self._duckdb.Error as exc:
            raise StoreError(f"store {self.target}: {_first_line(exc)}") from None

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[tuple]) -> None:
        if not rows:
            return
        table_data = _arrow_table(columns, rows) if len(rows) >= _ARROW_MIN_ROWS else None
        if table_data is not None:
            self._insert_arrow(table, columns, table_data)
            return
        types = self._types(table) if len(rows) >= _UNNEST_MIN_ROWS else {}
        if any(c not in types for c in columns):
            super().insert(table, columns, rows)
            return
        # Identifiers and types come from rows.COLUMNS and the catalogue; values are parameters.
        lists = ", ".join(f"unnest(CAST(? AS {types[c]}[]))" for c in columns)
        for start in range(0, len(rows), _ARROW_MIN_ROWS):
            chunk = rows[start:start + _ARROW_MIN_ROWS]
            self.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {lists}",
                         [list(col) for col in zip(*chunk)])

    def _types(self, table: str) -> dict[str, str]:
        """Column -> DuckDB type of ``table`` (read once a connection)."""
        if table not in self._column_types:
            self._column_types[table] = dict(self.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_name = ? AND table_schema = current_schema()", [table]))
        return self._column_types[table]

    def _insert_arrow(self, table: str, columns: Sequence[str], table_data) -> None:
        name = "_eventwire_rows"
        cols = ", ".join(columns)
        try:
            self._con.register(name, table_data)
            self._con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {name}")
        except self._duckdb.Error as exc:
            raise StoreError(f"store {self.target}: {_first_line(exc)}") from None
        finally:
            try:
                self._con.unregister(name)
            except self._duckdb.Error:
                pass

    def close(self) -> None:
        try:
            self._con.close()
        except self._duckdb.Error:
            pass


def _arrow_table(columns: Sequence[str], rows: Sequence[tuple]):
    """Rows as a pyarrow Table, or None when pyarrow is missing or cannot type a column."""
    try:
        import pyarrow as pa
    except ImportError:
        return None
    try:
        return pa.table({name: pa.array(list(col)) for name, col in zip(columns, zip(*rows))})
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        return None


def _open_message(target: str, exc: Exception) -> str:
    text = _first_line(exc)
    low = text.lower()
    if "lock" in low:
        return (f"store {target} is in use by another process (a DuckDB file has one writer at a "
                "time); wait for it to finish, or use a PostgreSQL store for shared use")
    if "not a valid duckdb" in low or "corrupt" in low or "invalid" in low or "version" in low:
        return (f"store {target} is not a readable DuckDB database ({text}); "
                "move it aside or choose another --db")
    return f"cannot open store {target}: {text}"


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
