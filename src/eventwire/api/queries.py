"""What the API reads: store queries with human reviews overlaid.

Event filters that a review can change (type, modality) and the review status are
applied after the overlay, so a corrected event is found by its corrected values.
The few lookups the Store has no method for (one event by id, one incident, actor
and place summaries) are parameterised SQL on the Store's connection.

Reviewed event lists are kept in a small :class:`ReadCache` for a couple of seconds:
a DuckDB query costs milliseconds even on a small store, and a browser asks for the
same list many times.  Writes through the API clear it at once; writes by another
process are seen when the entries expire.
"""
from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections import OrderedDict
from typing import Any, Callable, Optional

from ..errors import UsageError
from ..store import review as _review
from ..store.core import Store
from ..store.result import EVENT_COLUMNS, INCIDENT_COLUMNS, Result

REVIEW_FILTERS = ("visible", "all", "unreviewed", "accepted", "rejected", "edited")
SORTS = {
    "date": (lambda e: (e.get("event_date") or "9999", e["article_id"], e["id"]), False),
    "-date": (lambda e: (e.get("event_date") or "", e["article_id"], e["id"]), True),
    "confidence": (lambda e: (e.get("confidence") or 0.0, e["id"]), True),
    "-confidence": (lambda e: (e.get("confidence") or 0.0, e["id"]), False),
    "type": (lambda e: (e.get("type") or "", e.get("event_date") or "", e["id"]), False),
    "article": (lambda e: (e["article_id"], (e.get("evidence") or {}).get("start") or 0, e["id"]), False),
}
_EXTRA = ("title", "actor_names", "actor_countries", "recipient_names", "recipient_countries")


class ReadCache:
    """Recently computed read results, for ``ttl`` seconds, at most ``size`` of them."""

    def __init__(self, ttl: float = 2.0, size: int = 256):
        self.ttl, self.size = ttl, size
        self._data: OrderedDict = OrderedDict()
        self._lock = threading.Lock()
        self._generation = 0
        self._computing: dict[tuple, threading.Lock] = {}

    def get(self, key: tuple, make: Callable[[], Any]) -> Any:
        """The cached value of ``key``, or ``make()`` (cached unless a write happened meanwhile)."""
        hit = self._hit(key)
        if hit is not None:
            return hit[1]
        # One computation per key at a time: when an entry expires under load, the
        # other requests for it wait for that one instead of all querying the store.
        with self._lock:
            key_lock = self._computing.setdefault(key, threading.Lock())
        with key_lock:
            hit = self._hit(key)
            if hit is not None:
                return hit[1]
            with self._lock:
                generation = self._generation
            now = time.monotonic()
            try:
                value = make()
            finally:
                with self._lock:
                    self._computing.pop(key, None)
            with self._lock:
                if generation == self._generation and self.size:
                    self._data[key] = (now, value)
                    while len(self._data) > self.size:
                        self._data.popitem(last=False)
        return value

    def _hit(self, key: tuple):
        with self._lock:
            hit = self._data.get(key)
            if hit is not None and time.monotonic() - hit[0] < self.ttl:
                self._data.move_to_end(key)
                return hit
        return None

    def clear(self) -> None:
        """Forget everything (after a write)."""
        with self._lock:
            self._generation += 1
            self._data.clear()


_NO_CACHE = ReadCache(ttl=0.0, size=0)


def _run(store: Store, sql: str, params: list[Any]) -> list[tuple]:
    with store._lock:
        return store._db.execute(sql, params)


def _as_list(value: Optional[str]) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _modalities(value: Optional[str]) -> Optional[set[str]]:
    """None means every modality; no value means asserted only, as in the store's queries."""
    wanted = [v.lower() for v in _as_list(value)] or ["asserted"]
    if "all" in wanted:
        return None
    bad = [m for m in wanted if m not in _review.MODALITIES]
    if bad:
        raise UsageError(f"unknown modality {bad[0]!r}; use all or any of {', '.join(_review.MODALITIES)}")
    return set(wanted)


def _items(store: Store, result: Result) -> list[dict[str, Any]]:
    """Result rows as API events: the nested record, store fields, names, and the review."""
    rows = result.rows()
    records = list(result.records())
    found = _review.reviews(store, [(r["article_id"], r["id"]) for r in rows])
    items = []
    for row, record in zip(rows, records):
        for key in _EXTRA:
            record[key] = row.get(key)
        items.append(_review.apply(record, found.get((row["article_id"], row["id"]))))
    return items


def _keep(item: dict[str, Any], *, types, modalities, grades, review: str) -> bool:
    if types and (item.get("type") or "").upper() not in types:
        return False
    if modalities is not None and item.get("modality") not in modalities:
        return False
    if grades and item.get("grade") not in grades:
        return False
    status = item["review"]["status"]
    if review == "visible":
        return status != "rejected"
    return review == "all" or status == review


def events(store: Store, *, start=None, end=None, country=None, actor=None, type=None,
           modality=None, grade=None, text=None, acled=None, article_id=None, review="visible",
           sort="date", limit: Optional[int] = 100, offset: int = 0,
           cache: ReadCache = _NO_CACHE) -> tuple[list[dict], int]:
    """Filtered, reviewed events and how many matched before paging (items are shared: copy to change)."""
    if review not in REVIEW_FILTERS:
        raise UsageError(f"unknown review filter {review!r}; use one of {', '.join(REVIEW_FILTERS)}")
    if sort not in SORTS:
        raise UsageError(f"unknown sort {sort!r}; use one of {', '.join(SORTS)}")
    modalities = _modalities(modality)
    types = {t.upper() for t in _as_list(type)}
    bad = sorted(types - set(_review.EVENT_TYPES))
    if bad:
        raise UsageError(f"unknown event type {bad[0]!r}; use PLOVER types ({', '.join(_review.EVENT_TYPES)})")
    sql_filters = {"start": start or None, "end": end or None, "country": country or None,
                   "actor": actor or None, "text": text or None, "acled": acled or None,
                   "article_id": article_id or None}
    found = cache.get(("events",) + tuple(sql_filters.values()), lambda: _items(
        store, store.events(**sql_filters, modality="all", order="date")))
    grades = set(_as_list(grade))
    key, reverse = SORTS[sort]
    items = sorted((i for i in found if _keep(i, types=types, modalities=modalities, grades=grades,
                                                review=review)), key=key, reverse=reverse)
    total = len(items)
    end_at = None if limit is None else offset + limit
    return items[offset:end_at], total


def _article_events(store: Store, article_id: str, cache: ReadCache) -> list[dict[str, Any]]:
    return cache.get(("article-events", article_id), lambda: _items(
        store, store.events(article_id=article_id, modality="all", order="article")))


def event(store: Store, event_id: str, cache: ReadCache = _NO_CACHE) -> Optional[dict[str, Any]]:
    """One event (whatever its modality or review), or None; a copy, free to change."""
    found = cache.get(("event-article", event_id), lambda: _run(
        store, "SELECT article_id FROM events WHERE id = ? ORDER BY article_id LIMIT 1", [event_id]))
    if not found:
        return None
    for item in _article_events(store, found[0][0], cache):
        if item["id"] == event_id:
            return dict(item)
    return None


def incident(store: Store, incident_id: str, cache: ReadCache = _NO_CACHE) -> Optional[dict[str, Any]]:
    """One incident with every report of it (events with their article and outlet)."""
    cols = list(INCIDENT_COLUMNS)
    found = _run(store, f"SELECT {', '.join(cols)} FROM incidents WHERE id = ?", [incident_id])
    if not found:
        return None
    out = dict(zip(cols, found[0]))
    keys = _run(store, "SELECT DISTINCT article_id FROM events WHERE incident_id = ? ORDER BY article_id",
                [incident_id])
    reports = []
    for (article_id,) in keys:
        reports.extend(i for i in _article_events(store, article_id, cache) if i.get("incident_id") == incident_id)
    out["events"] = reports
    return out


def incidents(store: Store, *, grade=None, limit: Optional[int] = 100, offset: int = 0,
              sort: str = "date", **filters: Any) -> tuple[list[dict], int]:
    """Incidents with an event matching the filters, and how many matched."""
    order = {"date": "date", "-date": "-date"}.get(sort)
    if order is None:
        raise UsageError(f"unknown sort {sort!r}; use date or -date")
    filters = {k: v for k, v in filters.items() if v not in (None, "")}
    filters.setdefault("modality", "all")
    result = store.incidents(grade=grade or None, order=order, **filters)
    rows = result.rows()
    end_at = None if limit is None else offset + limit
    return rows[offset:end_at], len(rows)


def article(store: Store, article_id: str, cache: ReadCache = _NO_CACHE) -> Optional[dict[str, Any]]:
    """The article record with each event's incident, grade and review."""
    record = store.article(article_id)
    if record is None:
        return None
    stored = {i["id"]: i for i in _article_events(store, article_id, cache)}
    merged = []
    for ev in record.get("events", []):
        item = stored.get(ev["id"])
        merged.append(item if item is not None else {**ev, "review": {"status": "unreviewed"}})
    record["events"] = merged
    return record


def articles(store: Store, *, status=None, limit: Optional[int] = 100, offset: int = 0):
    """Stored articles without their text, and how many there are."""
    result = store.articles(status=status or None, limit=limit, offset=offset)
    statuses = _as_list(status)
    if statuses:
        marks = ", ".join("?" for _ in statuses)
        total = _run(store, f"SELECT COUNT(*) FROM articles WHERE status IN ({marks})", statuses)[0][0]
    else:
        total = _run(store, "SELECT COUNT(*) FROM articles", [])[0][0]
    return result.rows(), total


def _grouped(store: Store, table: str, columns: str, group: str, order: str, keys: tuple[str, ...],
             where: list[str], params: list[Any], limit: int, offset: int):
    """Rows of ``table`` grouped by ``group``, most mentioned first, with the total count."""
    sql = (f"SELECT {columns}, COUNT(*), COUNT(DISTINCT article_id) FROM {table}"
           + (" WHERE " + " AND ".join(where) if where else "") + f" GROUP BY {group}")
    total = _run(store, f"SELECT COUNT(*) FROM ({sql}) t", list(params))[0][0]
    rows = _run(store, sql + f" ORDER BY COUNT(*) DESC, {order} LIMIT ? OFFSET ?", params + [limit, offset])
    return [dict(zip(keys + ("mentions", "articles"), r)) for r in rows], total


def _name_and_country(q, country, *, by_id: bool) -> tuple[list[str], list[Any]]:
    where, params = [], []
    if q:
        where.append("(strpos(lower(name), lower(?)) > 0 OR id = ?)" if by_id else "strpos(lower(name), lower(?)) > 0")
        params += [q, q] if by_id else [q]
    if country:
        where.append("country = ?")
        params.append(country.upper())
    return where, params


def actors(store: Store, *, q=None, country=None, limit: int = 100, offset: int = 0):
    """Actors found in articles, most mentioned first, with mention and article counts."""
    where, params = _name_and_country(q, country, by_id=True)
    return _grouped(store, "actors", "id, MIN(name), MIN(country), MIN(sector), MIN(kind)", "id", "id",
                    ("id", "name", "country", "sector", "kind"), where, params, limit, offset)


def places(store: Store, *, q=None, country=None, limit: int = 100, offset: int = 0):
    """Places named in articles, most mentioned first, with coordinates and counts."""
    where, params = _name_and_country(q, country, by_id=False)
    group = "name, geonameid, country, admin1, feature"
    return _grouped(store, "places", group + ", MIN(lat), MIN(lon)", group, "name",
                    ("name", "geonameid", "country", "admin1", "feature", "lat", "lon"),
                    where, params, limit, offset)


def export_result(store: Store, items: list[dict[str, Any]]) -> Result:
    """Reviewed events as a Result, for the store's exporters (adds ``review_status``)."""
    keys = sorted({(i["article_id"], i["id"]) for i in items})
    raw: dict[tuple[str, str], dict] = {}
    for article_id in sorted({a for a, _ in keys}):
        for row in store.events(article_id=article_id, modality="all"):
            raw[(row["article_id"], row["id"])] = row
    types = {**EVENT_COLUMNS, "review_status": "str"}
    data, records = [], []
    for item in items:
        row = dict(raw[(item["article_id"], item["id"])])
        changes = item["review"].get("changes") or {}
        for key, value in changes.items():
            if key == "date":
                row["date"] = value
                row["date_basis"] = "reviewed"
                from ..store.core import parse_day

                row["event_date"] = parse_day(value) if value else None
            elif key in row:
                row[key] = value
        row["review_status"] = item["review"]["status"]
        data.append(tuple(row.get(c) for c in types))
        record = {k: v for k, v in item.items() if k not in _EXTRA}
        records.append(json.dumps(record, default=_json_default))
    return Result("events", types, data, records)


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(type(value).__name__)
