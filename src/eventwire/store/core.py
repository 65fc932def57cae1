"""The Store: ingest article records, answer event and incident queries.

SQL here is portable (DuckDB and PostgreSQL) and parameterised: user values are
always ``?`` parameters; only fixed identifiers and placeholders are formatted in.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import threading
from contextlib import contextmanager
from typing import Any, Iterable, Iterator, Optional, Sequence

from ..errors import StoreError, UsageError
from ..records import Article
from . import rows as _rows
from .backends import Backend, DuckDBBackend
from .migrate import SCHEMA_VERSION, migrate
from .result import ARTICLE_COLUMNS, EVENT_COLUMNS, INCIDENT_COLUMNS, Result
from .url import parse_url

MODALITIES = ("asserted", "hypothetical", "future", "negated", "historical")
_ORDERS = {
    "date": "e.event_date ASC NULLS LAST, e.article_id, e.evidence_start, e.id",
    "-date": "e.event_date DESC NULLS LAST, e.article_id, e.evidence_start, e.id",
    "confidence": "e.confidence DESC, e.event_date ASC NULLS LAST, e.id",
    "article": "e.article_id, e.evidence_start, e.id",
}
_INCIDENT_ORDERS = {
    "date": "m.first_date ASC NULLS LAST, i.id",
    "-date": "m.first_date DESC NULLS LAST, i.id",
    "confidence": "m.first_date ASC NULLS LAST, i.id",
    "article": "i.id",
}


def connect(url: str | os.PathLike | None = None, *, read_only: bool = False) -> "Store":
    """Open (creating if needed) the store at ``url``; ``None`` is ``duckdb:///eventwire.duckdb``.

    ``read_only=True`` opens an existing store for queries only (and fails if there is none).
    """
    backend, target = parse_url(url)
    if backend == "duckdb":
        return Store(DuckDBBackend(target, read_only=read_only), read_only=read_only)
    from .postgres import PostgresBackend  # lazy: psycopg loads only for PostgreSQL stores

    return Store(PostgresBackend(target, read_only=read_only), read_only=read_only)


class Store:
    """Articles, their actors, places, times, quotes and events, in one database.

    A Store holds one connection and serialises calls on it with a lock, so one
    Store may be shared by threads; use one Store per process.
    """

    def __init__(self, backend: Backend, *, read_only: bool = False):
        self._db = backend
        self._lock = threading.RLock()
        self.read_only = read_only
        # Stored events that new ones may join, kept between writes (store/incidents.py);
        # made on the first write, so that reading never imports corroboration.
        self._candidates = None
        try:
            self._prepare()
        except BaseException:
            backend.close()
            raise

    @property
    def backend(self) -> str:
        """``"duckdb"`` or ``"postgresql"``."""
        return self._db.name

    @property
    def target(self) -> str:
        """The file (DuckDB) or database URL the store lives in."""
        return self._db.target

    def __repr__(self) -> str:
        return f"<Store {self._db.name}:{self._db.target}>"

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (a DuckDB file is unlocked for other processes)."""
        with self._lock:
            self._db.close()

    # -- schema -------------------------------------------------------------------

    def _prepare(self) -> None:
        # Creates a new store, or applies the schema migrations an older one lacks
        # (data/store/schema.sql, then data/store/migrations/NNNN_*.sql, in order).
        migrate(self._db, read_only=self.read_only)

    # -- writing ------------------------------------------------------------------

    def add(self, article: Article) -> bool:
        """Store one article with everything found in it, in one transaction.

        Returns False (and stores nothing) when an article with the same id is
        already stored.  Skipped and failed articles are stored too, with their status.
        """
        with self._lock:
            self._writable()
            try:
                with self._transaction():
                    if self._db.execute("SELECT 1 FROM articles WHERE id = ?", [article.id]):
                        return False
                    self._insert([article])
            except StoreError as exc:
                raise StoreError(f"article {article.id} was not stored: {exc}") from None
        return True

    def add_many(self, articles: Iterable[Article], *, batch_size: int = 500) -> int:
        """Store a stream of articles in batches; returns how many were new.

        Each batch is one transaction.  Articles already stored, and repeats within
        the stream, are left out, so an interrupted ingest can simply be run again.
        """
        added = 0
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= batch_size:
                added += self._add_batch(batch)
                batch = []
        if batch:
            added += self._add_batch(batch)
        return added

    def _add_batch(self, batch: list[Article]) -> int:
        unique: dict[str, Article] = {}
        for article in batch:
            unique.setdefault(article.id, article)
        with self._lock:
            self._writable()
            try:
                with self._transaction():
                    stored = self._known(list(unique))
                    new = [a for i, a in unique.items() if i not in stored]
                    self._insert(new)
                return len(new)
            except StoreError:
                pass
        # Something in the batch could not be stored: store article by article, so
        # that the others are kept and the error names the article that failed.
        added, failure = 0, None
        for article in unique.values():
            try:
                added += self.add(article)
            except StoreError as exc:
                failure = failure or exc
        if failure is not None:
            raise failure
        return added

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """A write transaction; if it fails, the candidate cache may hold what was rolled back."""
        try:
            with self._db.transaction():
                yield
        except BaseException:
            if self._candidates is not None:
                self._candidates.reset()
            raise

    def _insert(self, articles: Sequence[Article]) -> None:
        if not articles:
            return
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        tables: dict[str, list[tuple]] = {name: [] for name in _rows.TABLES}
        for article in articles:
            for name, found in _rows.article_rows(article, now).items():
                tables[name].extend(found)
        from .incidents import CandidateCache, Corroboration

        # Corroboration decides the incidents: it places the new events before their rows
        # are written, and writes the incidents that changed after them.
        if self._candidates is None:
            self._candidates = CandidateCache()
        self._candidates.begin(self._db)
        corroboration = Corroboration(self._db, articles, self._candidates)
        tables["events"] = corroboration.patch(tables["events"], _rows.COLUMNS["events"])
        for name in _rows.TABLES:
            if name != "incidents":
                self._db.insert(name, _rows.COLUMNS[name], tables[name])
        corroboration.write()
        self._candidates.added(len(tables["events"]))

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError(f"store {self._db.target} was opened read-only")

    # -- reading ------------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        """Whether an article with this id is stored."""
        with self._lock:
            return bool(self._db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]))

    def known(self, article_ids: Iterable[str]) -> set[str]:
        """The ids among ``article_ids`` that are already stored (for resumable ingest)."""
        with self._lock:
            return self._known(list(article_ids))

    def _known(self, ids: list[str], table: str = "articles", column: str = "id") -> set[str]:
        found: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            sql = f"SELECT {column} FROM {table} WHERE {column} IN ({_marks(chunk)})"
            found.update(r[0] for r in self._db.execute(sql, chunk))
        return found

    def known_inputs(self, keys: Iterable[str]) -> set[str]:
        """The input keys among ``keys`` already processed (see :func:`eventwire.scale.input_key`)."""
        with self._lock:
            return self._known(list(keys), "inputs", "key")

    def add_processed(self, items: Sequence[tuple[str, Article]]) -> set[str]:
        """Store articles with the keys of the inputs they came from, in one transaction.

        Returns the ids of the articles that were new.  Articles already stored (by id)
        are left out, but their input keys are recorded, so the input is skipped next time.
        A kill at any moment leaves either all of ``items`` stored or none of them.
        """
        items = list(items)
        with self._lock:
            self._writable()
            try:
                with self._transaction():
                    new = self._add_keyed(items)
                return new
            except StoreError:
                pass
        # Something could not be stored: article by article, so that the error names it.
        new, failure = set(), None
        for key, article in items:
            try:
                with self._lock, self._transaction():
                    new |= self._add_keyed([(key, article)])
            except StoreError as exc:
                failure = failure or StoreError(f"article {article.id} was not stored: {exc}")
        if failure is not None:
            raise failure
        return new

    def _add_keyed(self, items: list[tuple[str, Article]]) -> set[str]:
        unique: dict[str, Article] = {}
        for _, article in items:
            unique.setdefault(article.id, article)
        stored = self._known(list(unique))
        new = [a for i, a in unique.items() if i not in stored]
        self._insert(new)
        keys: dict[str, tuple] = {}
        for key, article in items:
            keys.setdefault(key, (key, article.id, article.status, article.source))
        done = self._known(list(keys), "inputs", "key")
        self._db.insert("inputs", ("key", "article_id", "status", "source"),
                        [row for k, row in keys.items() if k not in done])
        return {a.id for a in new}

    def article(self, article_id: str) -> Optional[dict[str, Any]]:
        """The stored article record (as ``Article.to_dict()`` gave it), or None."""
        with self._lock:
            found = self._db.execute("SELECT record FROM articles WHERE id = ?", [article_id])
        return json.loads(found[0][0]) if found else None

    def count(self) -> dict[str, int]:
        """How much is stored: articles (and by status ok/skipped/error), events, incidents, ..."""
        with self._lock:
            counts = {"articles": 0, "ok": 0, "skipped": 0, "error": 0}
            for status, n in self._db.execute("SELECT status, COUNT(*) FROM articles GROUP BY status"):
                counts[status] = n
                counts["articles"] += n
            for table in ("events", "incidents", "actors", "places", "times", "quotes"):
                counts[table] = self._db.execute(f"SELECT COUNT(*) FROM {table}")[0][0]
        return counts

    def articles(self, *, status: str | Sequence[str] | None = None, limit: Optional[int] = None,
                 offset: int = 0) -> Result:
        """Stored articles without their text, oldest ingest first; ``status`` filters."""
        where, params = [], []
        statuses = _as_list(status)
        if statuses:
            where.append(f"status IN ({_marks(statuses)})")
            params.extend(statuses)
        sql = (f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles"
               + (" WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY ingested_at, id" + _limit_sql(limit, offset, params))
        with self._lock:
            data = self._db.execute(sql, params)
        return Result("articles", ARTICLE_COLUMNS, data)

    def events(self, *, start: str | dt.date | None = None, end: str | dt.date | None = None,
               country: str | Sequence[str] | None = None, actor: str | None = None,
               type: str | Sequence[str] | None = None, modality: str | Sequence[str] | None = None,
               text: str | None = None, acled: str | None = None, article_id: str | None = None,
               min_confidence: float | None = None, limit: Optional[int] = None, offset: int = 0,
               order: str = "date") -> Result:
        """Stored events with their article and incident fields, filtered.

        ``start``/``end``: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, inclusive, on the first
        day of the event's date (``event_date``); ``end="2015-09"`` includes all of September.
        ``country``: ISO3 of an actor, a recipient or the location.  ``actor``: an actor id,
        or part of an actor's or recipient's name (case-insensitive).  ``type``: PLOVER type(s).
        ``modality``: None for asserted events only, ``"all"`` for every modality, or the
        modalities wanted.  ``text``: part of the evidence (case-insensitive).  ``acled``:
        an ACLED event type or sub-event type.  ``order``: date, -date, confidence, article.
        """
        where, params = _event_filters(start=start, end=end, country=country, actor=actor,
                                       type=type, modality=modality, text=text, acled=acled,
                                       article_id=article_id, min_confidence=min_confidence)
        if order not in _ORDERS:
            raise UsageError(f"unknown order {order!r}; use one of {', '.join(_ORDERS)}")
        article_fields = {"url", "publisher", "title", "published", "ingested_at"}
        select = ", ".join(f"a.{c}" if c in article_fields else f"e.{c}" for c in EVENT_COLUMNS)
        sql = (f"SELECT {select}, e.record FROM events e JOIN articles a ON a.id = e.article_id"
               f" WHERE {' AND '.join(where)} ORDER BY {_ORDERS[order]}"
               + _limit_sql(limit, offset, params))
        with self._lock:
            data = self._db.execute(sql, params)
        return Result("events", EVENT_COLUMNS, [r[:-1] for r in data], [r[-1] for r in data])

    def incidents(self, *, grade: str | Sequence[str] | None = None, limit: Optional[int] = None,
                  offset: int = 0, order: str = "date", **filters: Any) -> Result:
        """Incidents with at least one event matching the event filters (see :meth:`events`).

        Incidents are kept up to date as articles are added (see ``store/incidents.py``):
        the reports of one incident across articles, graded ``single_source``,
        ``corroborated``, ``contested`` or ``acknowledged``, with the reasons.
        """
        unknown = set(filters) - {"start", "end", "country", "actor", "type", "modality", "text",
                                  "acled", "article_id", "min_confidence"}
        if unknown:
            raise UsageError(f"unknown incident filter(s): {', '.join(sorted(unknown))}")
        where, params = _event_filters(**filters)
        outer, outer_params = [], []
        grades = _as_list(grade)
        if grades:
            outer.append(f"i.grade IN ({_marks(grades)})")
            outer_params.extend(grades)
        if order not in _INCIDENT_ORDERS:
            raise UsageError(f"unknown order {order!r}; use one of {', '.join(_INCIDENT_ORDERS)}")
        params.extend(outer_params)
        cols = ", ".join(f"i.{c}" for c in INCIDENT_COLUMNS)
        sql = (f"SELECT {cols}, m.first_date FROM incidents i JOIN ("
               "SELECT e.incident_id AS incident_id, MIN(e.event_date) AS first_date "
               "FROM events e JOIN articles a ON a.id = e.article_id "
               f"WHERE {' AND '.join(where)} GROUP BY e.incident_id) m ON m.incident_id = i.id"
               + (" WHERE " + " AND ".join(outer) if outer else "")
               + f" ORDER BY {_INCIDENT_ORDERS[order]}" + _limit_sql(limit, offset, params))
        with self._lock:
            data = self._db.execute(sql, params)
        return Result("incidents", {**INCIDENT_COLUMNS, "first_date": "date"}, data)


# -- helpers ----------------------------------------------------------------------


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


def _as_list(value: str | Sequence[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return [str(v) for v in value]


def _limit_sql(limit: Optional[int], offset: int, params: list[Any]) -> str:
    sql = ""
    if limit is not None:
        if int(limit) < 0:
            raise UsageError(f"limit must be 0 or more, not {limit}")
        sql += " LIMIT ?"
        params.append(int(limit))
    if offset:
        if int(offset) < 0:
            raise UsageError(f"offset must be 0 or more, not {offset}")
        sql += " OFFSET ?"
        params.append(int(offset))
    return sql


_DAY = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def parse_day(value: str | dt.date, *, end: bool = False) -> dt.date:
    """A filter date: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; as an end, the period's last day."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = _DAY.match(str(value).strip())
    try:
        if not m:
            raise ValueError
        year, month, day = int(m[1]), int(m[2] or 0), int(m[3] or 0)
        if day:
            return dt.date(year, month, day)
        if month:
            first = dt.date(year, month, 1)
            if not end:
                return first
            return (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    except ValueError:
        raise UsageError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD") from None


def _event_filters(*, start=None, end=None, country=None, actor=None, type=None, modality=None,
                   text=None, acled=None, article_id=None, min_confidence=None
                   ) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if start is not None:
        where.append("e.event_date >= ?")
        params.append(parse_day(start))
    if end is not None:
        where.append("e.event_date <= ?")
        params.append(parse_day(end, end=True))
    countries = [c.upper() for c in _as_list(country)]
    if countries:
        parts = []
        for c in countries:
            # array_position (DuckDB and PostgreSQL alike) is a plain function call;
            # "? = ANY(list)" becomes a subquery per row in DuckDB, 2-3 times slower.
            parts.append("(array_position(e.actor_countries, CAST(? AS TEXT)) IS NOT NULL"
                         " OR array_position(e.recipient_countries, CAST(? AS TEXT)) IS NOT NULL"
                         " OR e.location_country = ?)")
            params.extend([c, c, c])
        where.append("(" + " OR ".join(parts) + ")")
    if actor:
        where.append("(array_position(e.actors, CAST(? AS TEXT)) IS NOT NULL"
                     " OR array_position(e.recipients, CAST(? AS TEXT)) IS NOT NULL"
                     " OR strpos(lower(array_to_string(e.actor_names, ' | ')), lower(?)) > 0"
                     " OR strpos(lower(array_to_string(e.recipient_names, ' | ')), lower(?)) > 0)")
        params.extend([actor, actor, actor, actor])
    types = [t.upper() for t in _as_list(type)]
    if types:
        where.append(f"e.type IN ({_marks(types)})")
        params.extend(types)
    modalities = _modalities(modality)
    if modalities:
        where.append(f"e.modality IN ({_marks(modalities)})")
        params.extend(modalities)
    if text:
        where.append("strpos(lower(e.evidence), lower(?)) > 0")
        params.append(text)
    if acled:
        where.append("(lower(e.acled_event_type) = lower(?) OR lower(e.acled_sub_event_type) = lower(?))")
        params.extend([acled, acled])
    if article_id:
        where.append("e.article_id = ?")
        params.append(article_id)
    if min_confidence is not None:
        where.append("e.confidence >= ?")
        params.append(float(min_confidence))
    return where or ["1 = 1"], params


def _modalities(modality: str | Sequence[str] | None) -> list[str]:
    """None: asserted only (what default queries show); "all": no filter."""
    if modality is None:
        return ["asserted"]
    wanted = [m.lower() for m in _as_list(modality)]
    if "all" in wanted:
        return []
    bad = [m for m in wanted if m not in MODALITIES]
    if bad:
        raise UsageError(f"unknown modality {bad[0]!r}; use all or any of {', '.join(MODALITIES)}")
    return wanted
