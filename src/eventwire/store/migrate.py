"""Schema migrations: ordered SQL files, applied when a store is opened.

Version 1 is ``data/store/schema.sql``; each later version is one file
``data/store/migrations/NNNN_what.sql`` (NNNN its version).  A released file is never
edited: a change to the schema is a new file.  ``schema_version`` gets one row per
version applied, so ``MAX(version)`` is the store's version.

Migrations run in one transaction, which on PostgreSQL holds the writers' lock: two
processes opening a new database at once create it once, and a failed migration
leaves the store as it was.
"""
from __future__ import annotations

import re
from importlib import resources
from typing import Iterable, Optional

from ..errors import StoreError
from .backends import Backend

_FILE = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def migrations() -> list[tuple[int, str]]:
    """``(version, SQL text)`` for every packaged migration, in order."""
    data = resources.files("eventwire").joinpath("data/store")
    found = [(1, data.joinpath("schema.sql").read_text("utf-8"))]
    folder = data.joinpath("migrations")
    if folder.is_dir():
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            m = _FILE.match(entry.name)
            if m:
                found.append((int(m[1]), entry.read_text("utf-8")))
    versions = [v for v, _ in found]
    if versions != list(range(1, len(found) + 1)):
        raise StoreError(f"packaged schema migrations are not numbered 1, 2, 3, ...: {versions}")
    return found


SCHEMA_VERSION = len(migrations())


def statements(sql: str) -> list[str]:
    """The statements of a migration file (``;`` ends one; ``--`` lines are comments)."""
    lines = [line for line in sql.splitlines() if not line.lstrip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def migrate(db: Backend, *, read_only: bool = False,
            available: Optional[Iterable[tuple[int, str]]] = None) -> int:
    """Bring the store up to the newest schema (or check it, read-only); returns its version."""
    available = list(available if available is not None else migrations())
    latest = available[-1][0]
    found = current_version(db)
    if found == latest:
        return found
    if found is not None and found > latest:
        raise StoreError(f"store {db.target} has schema version {found}, this eventwire knows "
                         f"{latest}; upgrade eventwire")
    if read_only:
        if found is None:
            raise StoreError(f"{db.target} is not an eventwire store (no schema_version table); "
                             "run `eventwire ingest` into it first")
        raise StoreError(f"store {db.target} has schema version {found} and needs upgrading to "
                         f"{latest}; open it once for writing (e.g. `eventwire ingest`) to migrate it")
    with db.transaction():
        found = current_version(db)  # again, under the lock: another process may have done it
        if found is None and _has_table(db, "articles"):
            raise StoreError(f"{db.target} has an articles table but is not an eventwire store")
        for version, sql in available:
            if version <= (found or 0):
                continue
            for statement in statements(sql):
                db.execute(db.ddl(statement))
            db.execute("INSERT INTO schema_version (version) VALUES (?)", [version])
    return latest


def current_version(db: Backend) -> Optional[int]:
    """The store's schema version; None for a database without eventwire's tables."""
    if not _has_table(db, "schema_version"):
        return None
    found = db.execute("SELECT MAX(version) FROM schema_version")[0][0]
    if found is None:
        raise StoreError(f"store {db.target} has an empty schema_version table; it was never "
                         "fully created: remove it or choose another --db")
    return int(found)


def _has_table(db: Backend, name: str) -> bool:
    return bool(db.execute(
        "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() "
        "AND table_name = ?", [name]))
