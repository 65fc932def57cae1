"""What the API reads: store queries with human reviews applied.

Event lists, single events, articles' events and incidents' reports come from
:mod:`eventwire.store.review`, which applies reviews in SQL: filters, sorting and
paging see the reviewed values (an event re-typed to ASSAULT is found by
``type=ASSAULT``, a rejected one is left out unless asked for).  The few lookups the
Store has no method for (one incident, actor and place summaries) are parameterised
SQL on the Store's connection.

Results are kept in a small :class:`ReadCache` for a couple of seconds: a browser asks
for the same list many times.  Writes through the API clear it at once; writes by
another process are seen when the entries expire.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Any, Callable, Optional

from ..errors import UsageError
from ..store import review as _review
from ..store.core import Store
from ..store.result import INCIDENT_COLUMNS, Result

REVIEW_FILTERS = _review.REVIEW_FILTERS
SORTS = tuple(_review.ORDERS)
_EXTRA = ("title", "actor_names", "actor_countries", "recipient_names", "recipient_countries")
# The fields of an event that reports of one incident are compared on, in display order.
COMPARED = ("type", "mode", "acled", "actors", "recipients", "location", "date", "fatalities",
            "injured", "arrested", "modality")


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


def _items(pairs: list[tuple[dict, dict]]) -> list[dict[str, Any]]:
    """Reviewed (row, record) pairs as API events: the nested record plus names and title."""
    items = []
    for row, record in pairs:
        for key in _EXTRA:
            record[key] = row.get(key)
        items.append(record)
    return items


def _check(type: Optional[str], sort: str) -> None:
    types = {t.upper() for t in _as_list(type)}
    bad = sorted(types - set(_review.EVENT_TYPES))
    if bad:
        raise UsageError(f"unknown event type {bad[0]!r}; use PLOVER types ({', '.join(_review.EVENT_TYPES)})")
    if sort not in _review.ORDERS:
        raise UsageError(f"unknown sort {sort!r}; use one of {', '.join(_review.ORDERS)}")


def events(store: Store, *, start=None, end=None, country=None, actor=None, type=None,
           modality=None, grade=None, text=None, acled=None, article_id=None, review="visible",
           sort="date", limit: Optional[int] = 100, offset: int = 0,
           cache: ReadCache = _NO_CACHE) -> tuple[list[dict], int]:
    """Filtered, reviewed events and how many matched before paging (items are shared: copy to change)."""
    _check(type, sort)
    filters = {"start": start or None, "end": end or None, "country": country or None,
               "actor": actor or None, "type": type or None, "modality": modality or None,
               "text": text or None, "acled": acled or None, "article_id": article_id or None}
    filters = {k: v for k, v in filters.items() if v is not None}
    grade = grade or None

    def make():
        found = _review.fetch(store, review=review, order=sort, limit=limit, offset=offset, grade=grade,
                              **filters)
        if offset == 0 and (limit is None or len(found) < limit):
            total = offset + len(found)  # the whole list is here: no need to count it again
        else:
            total = _review.count(store, review=review, grade=grade, **filters)
        return _items(found), total

    return cache.get(("events", tuple(sorted(filters.items())), grade, review, sort, limit, offset), make)


def export_result(store: Store, *, review="visible", sort="date", type=None, grade=None,
                  **filters: Any) -> Result:
    """Reviewed events as a Result for the store's exporters (with ``review_status``)."""
    _check(type, sort)
    filters = {k: v for k, v in filters.items() if v not in (None, "")}
    return _review.events(store, review=review, order=sort, grade=grade or None,
                          **({"type": type} if type else {}), **filters)


def _article_events(store: Store, article_id: str, cache: ReadCache) -> list[dict[str, Any]]:
    return cache.get(("article-events", article_id), lambda: _items(
        _review.fetch(store, article_id=article_id, modality="all", review="all", order="article")))


def event(store: Store, event_id: str, cache: ReadCache = _NO_CACHE) -> Optional[dict[str, Any]]:
    """One event (whatever its modality or review), or None; a copy, free to change."""
    found = cache.get(("event", event_id), lambda: _items(
        # No page: an event id names one row or a few, so one query (not keys, then rows) does.
        _review.fetch(store, event_id=event_id, modality="all", review="all", order="article")[:1]))
    return dict(found[0]) if found else None


def incident(store: Store, incident_id: str, cache: ReadCache = _NO_CACHE) -> Optional[dict[str, Any]]:
    """One incident with every report of it, each report's version of the facts, and where they differ.

    ``events``: the reports as API events (reviewed).  ``reports``: per report, its
    outlet (``outlet``, ``title``, ``url``, ``published``, ``article_id``, ``event_id``),
    its review status, its ``version`` of the facts (``type``, ``mode``, ``acled``,
    ``actors`` and ``recipients`` as ``[{id, name, country}]``, ``location``
    ``{name, lat, lon, country}``, ``date`` ``{value, granularity}``, ``fatalities``,
    ``injured``, ``arrested``, ``modality``, ``evidence`` ``{text, start, end}``) and
    ``differs``: the fields on which it disagrees with another report.
    ``disagreements``: per such field, the distinct values and the reports giving each.
    Reports that do not state a value do not disagree; a less precise date or a
    country-wide place agrees with a more precise one inside it; rejected reports are
    listed but not compared.
    """
    def make():
        cols = list(INCIDENT_COLUMNS)
        with store._lock:
            found = store._db.execute(f"SELECT {', '.join(cols)} FROM incidents WHERE id = ?", [incident_id])
        if not found:
            return None
        out = dict(zip(cols, found[0]))
        out["events"] = _items(_review.fetch(store, incident_id=incident_id, modality="all", review="all",
                                             order="date"))
        out["reports"], out["disagreements"] = report_versions(out["events"])
        return out

    found = cache.get(("incident", incident_id), make)
    return dict(found) if found is not None else None


def _people(item: dict, key: str) -> list[dict[str, Any]]:
    prefix = "actor" if key == "actors" else "recipient"
    ids = item.get(key) or []
    names = item.get(f"{prefix}_names") or []
    countries = item.get(f"{prefix}_countries") or []
    return [{"id": i, "name": names[n] if n < len(names) and names[n] else i,
             "country": countries[n] if n < len(countries) else None} for n, i in enumerate(ids)]


def version(item: dict[str, Any]) -> dict[str, Any]:
    """One report's version of the facts (see :func:`incident`)."""
    loc = item.get("location")
    date = item.get("date") if isinstance(item.get("date"), dict) else {"value": item.get("date")}
    return {
        "type": item.get("type"), "mode": item.get("mode"), "acled": item.get("acled"),
        "actors": _people(item, "actors"), "recipients": _people(item, "recipients"),
        "location": ({k: loc.get(k) for k in ("name", "lat", "lon", "country", "admin1", "feature")}
                     if isinstance(loc, dict) else None),
        "date": {"value": date.get("value"), "granularity": date.get("granularity")},
        "fatalities": item.get("fatalities"), "injured": item.get("injured"), "arrested": item.get("arrested"),
        "modality": item.get("modality"), "evidence": item.get("evidence"),
    }


def _key(field: str, v: dict[str, Any]) -> Any:
    """A comparable form of one field of a version; None when the report does not state it."""
    value = v.get(field)
    if field == "acled":
        return (value or {}).get("sub_event_type")
    if field in ("actors", "recipients"):
        return frozenset(p["id"] for p in value) or None
    if field == "location":
        return (value["name"] or "").lower() if value else None
    if field == "date":
        return value.get("value")
    return value


def _label(field: str, v: dict[str, Any]) -> str:
    value = v.get(field)
    if field == "acled":
        return f"{value['event_type']} / {value['sub_event_type']}" if value else ""
    if field in ("actors", "recipients"):
        return ", ".join(p["name"] or p["id"] for p in value)
    if field == "location":
        return ", ".join(x for x in (value.get("name"), value.get("country")) if x) if value else ""
    if field == "date":
        return value.get("value") or ""
    return "" if value is None else str(value)


def _agree(field: str, a: dict[str, Any], b: dict[str, Any]) -> bool:
    ka, kb = _key(field, a), _key(field, b)
    if ka is None or kb is None or ka == kb:
        return True
    if field == "date":  # "2015-10" and "2015-10-20" say the same at different precision
        return ka.startswith(kb) or kb.startswith(ka)
    if field == "location":  # a country-wide (or region-wide) place holds the places inside it
        la, lb = a["location"], b["location"]
        for wide, narrow in ((la, lb), (lb, la)):
            if wide.get("feature") == "country" and wide.get("country") and wide["country"] == narrow.get("country"):
                return True
            if (wide.get("feature") == "admin" and wide.get("admin1") and wide["admin1"] == narrow.get("admin1")
                    and wide.get("country") == narrow.get("country")):
                return True
    return False


def report_versions(items: list[dict[str, Any]]) -> tuple[list[dict], list[dict]]:
    """Each report's version of the facts, and the fields on which reports disagree (see :func:`incident`)."""
    reports = []
    for item in items:
        reports.append({"event_id": item["id"], "article_id": item.get("article_id"),
                        "outlet": item.get("publisher"), "title": item.get("title"), "url": item.get("url"),
                        "published": item.get("published"), "review": (item.get("review") or {}).get("status"),
                        "version": version(item), "differs": []})
    compared = [r for r in reports if r["review"] != "rejected"]
    disagreements = []
    for field in COMPARED:
        clashing = set()
        for i, a in enumerate(compared):
            for b in compared[i + 1:]:
                if not _agree(field, a["version"], b["version"]):
                    clashing.update((a["event_id"], b["event_id"]))
        if not clashing:
            continue
        values: dict[Any, dict] = {}
        for r in compared:
            k = _key(field, r["version"])
            if k is None:
                continue
            entry = values.setdefault(k, {"value": _label(field, r["version"]), "reports": []})
            entry["reports"].append(r["event_id"])
            if r["event_id"] in clashing:
                r["differs"].append(field)
        disagreements.append({"field": field, "values": list(values.values())})
    return reports, disagreements


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
    """The article record with each event's incident, grade and review (reviewed values)."""
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
