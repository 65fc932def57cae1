"""Human review of coded events: accept, reject or edit, with an audit trail.

The machine's coding in ``events`` is never changed.  A review is kept beside it:
``event_reviews`` holds the current decision per event (status, the edited fields as
JSON, note, who, when) and, in typed columns named as in ``events``, the event's
values as reviewed (the machine's where nothing was edited).  ``review_audit`` holds
every change: who, when, the review before and after, and each edited field's value
before and after.

Reads apply reviews in SQL (:func:`events`, :func:`count`, :func:`fetch`): the
machine's rows without a review, united with the reviewed rows of ``event_reviews``
joined to ``events``, filtered, sorted and paged together.  So filters see the
reviewed values (an event re-typed to ASSAULT is found by ``type=ASSAULT``; a rejected
one is left out) and the unreviewed part still uses the events table's own indexes.
Nested records get the same edits from :func:`apply`, with the machine's values of the
edited fields kept under ``review.original``.

SQL is portable (DuckDB and PostgreSQL) and parameterised; the tables are created
(and older review tables widened) on first use by a writable store.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import math
import re
import unicodedata
from typing import TYPE_CHECKING, Any, Iterable, Optional

from ..errors import StoreError, UsageError
from .result import EVENT_COLUMNS, Result

if TYPE_CHECKING:  # pragma: no cover
    from .core import Store

ACTIONS = ("accept", "reject", "edit")
STATUSES = {"accept": "accepted", "reject": "rejected", "edit": "edited"}
REVIEW_FILTERS = ("visible", "all", "unreviewed", "accepted", "rejected", "edited")
EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
               "REJECT", "ACCUSE", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
MODALITIES = ("asserted", "hypothetical", "future", "negated", "historical")
FEATURES = ("country", "admin", "city", "site", "region", "continent")
# Fields a reviewer may correct (the keys of ``changes``).
EDITABLE = ("type", "mode", "acled_event_type", "acled_sub_event_type", "modality", "actors",
            "recipients", "location", "date", "fatalities", "injured", "arrested")
COUNTS = ("fatalities", "injured", "arrested")
MAX_COUNT = 2**31 - 1  # the INTEGER columns' limit (counts, GeoNames ids)
# The events columns a review can change; event_reviews keeps the reviewed value of each.
OVERLAY: dict[str, str] = {
    "type": "TEXT", "mode": "TEXT", "acled_event_type": "TEXT", "acled_sub_event_type": "TEXT",
    "modality": "TEXT", "actors": "TEXT[]", "actor_names": "TEXT[]", "actor_countries": "TEXT[]",
    "actor_sectors": "TEXT[]", "recipients": "TEXT[]", "recipient_names": "TEXT[]",
    "recipient_countries": "TEXT[]", "recipient_sectors": "TEXT[]", "location": "TEXT",
    "location_geonameid": "BIGINT", "location_lat": "DOUBLE PRECISION", "location_lon": "DOUBLE PRECISION",
    "location_country": "TEXT", "location_admin1": "TEXT", "location_feature": "TEXT",
    "location_precision": "INTEGER", "date": "TEXT", "date_granularity": "TEXT", "date_basis": "TEXT",
    "event_date": "DATE", "fatalities": "INTEGER", "injured": "INTEGER", "arrested": "INTEGER",
}
# Exported rows: the event's columns, as reviewed, and the review's status.
EXPORT_COLUMNS: dict[str, str] = {**EVENT_COLUMNS, "review_status": "str"}
ORDERS = {
    "date": "event_date ASC NULLS LAST, article_id, evidence_start, id",
    "-date": "event_date DESC NULLS LAST, article_id, evidence_start, id",
    "confidence": "confidence DESC NULLS LAST, event_date ASC NULLS LAST, article_id, id",
    "-confidence": "confidence ASC NULLS LAST, event_date ASC NULLS LAST, article_id, id",
    "type": "type, event_date ASC NULLS LAST, article_id, id",
    "article": "article_id, evidence_start, id",
}

_TABLES = (
    "CREATE TABLE IF NOT EXISTS event_reviews (\n"
    "    article_id TEXT NOT NULL,\n    event_id TEXT NOT NULL,\n    status TEXT NOT NULL,\n"
    "    changes TEXT NOT NULL,\n    note TEXT,\n    reviewer TEXT NOT NULL,\n"
    "    reviewed_at TIMESTAMP NOT NULL,\n"
    + "".join(f"    {name} {kind},\n" for name, kind in OVERLAY.items())
    + "    PRIMARY KEY (article_id, event_id)\n)",
    """CREATE TABLE IF NOT EXISTS review_audit (
        article_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        action TEXT NOT NULL,
        reviewer TEXT NOT NULL,
        changed_at TIMESTAMP NOT NULL,
        before_json TEXT,
        after_json TEXT NOT NULL,
        note TEXT,
        fields_json TEXT,
        PRIMARY KEY (article_id, event_id, seq)
    )""",
)
_ARTICLE_FIELDS = ("url", "publisher", "title", "published", "ingested_at")
_REVIEW_OUT = ("review_status", "review_changes", "review_note", "review_reviewer", "review_at")
_DAY = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_ISO3 = re.compile(r"^[A-Z]{3}$")


# -- tables -----------------------------------------------------------------------

def ensure_tables(store: "Store") -> None:
    """Create the review tables if the store lacks them, widening older ones (a no-op afterwards)."""
    if getattr(store, "_review_ready", False) or store.read_only:
        return
    with store._lock:
        with store._db.transaction():
            for statement in _TABLES:
                store._db.execute(store._db.ddl(statement))
            missing = _missing_columns(store)
            for table, name, kind in missing:
                store._db.execute(store._db.ddl(f"ALTER TABLE {table} ADD COLUMN {name} {kind}"))
            if any(table == "event_reviews" for table, _, _ in missing):
                _backfill(store)
        store._review_ready = True


def _missing_columns(store: "Store") -> list[tuple[str, str, str]]:
    found = {(t, c) for t, c in store._db.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name IN ('event_reviews', 'review_audit')")}
    wanted = [("event_reviews", name, kind) for name, kind in OVERLAY.items()]
    wanted.append(("review_audit", "fields_json", "TEXT"))
    return [w for w in wanted if (w[0], w[1]) not in found]


def _backfill(store: "Store") -> None:
    """Reviewed values for reviews saved before event_reviews kept them (older stores)."""
    for article_id, event_id, changes in store._db.execute(
            "SELECT article_id, event_id, changes FROM event_reviews"):
        machine = _machine(store, article_id, event_id)
        if machine is None:
            continue
        current = _legacy_changes(store, article_id, json.loads(changes))
        values = _reviewed_values(machine, current)
        store._db.execute(
            f"UPDATE event_reviews SET changes = ?, {', '.join(f'{c} = ?' for c in OVERLAY)} "
            "WHERE article_id = ? AND event_id = ?",
            [json.dumps(current, sort_keys=True)] + [values[c] for c in OVERLAY] + [article_id, event_id])


def _legacy_changes(store: "Store", article_id: str, changes: dict) -> dict:
    # Early reviews stored actors as bare ids; resolve them into the current shape.
    out = dict(changes)
    for key in ("actors", "recipients"):
        if key in out and any(isinstance(v, str) for v in out[key] or ()):
            out[key] = [v if isinstance(v, dict) else _known_actor(store, v, article_id) or
                        {"id": v, "name": v, "country": None, "sector": None} for v in out[key]]
    if isinstance(out.get("date"), str):
        out["date"] = _day_value(out["date"])[0]
    return out


def _state(store: "Store") -> str:
    """``ready`` (reviews can be read in SQL), ``none`` (no review table) or ``old``."""
    if getattr(store, "_review_ready", False):
        return "ready"
    with store._lock:
        columns = {c for (c,) in store._db.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = 'event_reviews'")}
    if not columns:
        return "none"
    if not set(OVERLAY) <= columns:
        return "old"
    store._review_ready = True
    return "ready"


def _ready(store: "Store") -> bool:
    """Whether the store has reviews to read (raises for an older review table read-only)."""
    ensure_tables(store)
    state = _state(store)
    if state == "old":
        raise StoreError(f"store {store.target} holds reviews saved by an older eventwire; open it once "
                         "for writing (e.g. `eventwire serve --db ...`) to upgrade them")
    return state == "ready"


# -- vocabulary and validation ------------------------------------------------------

@functools.lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """What a reviewer may choose from: PLOVER types and their modes, modalities, ACLED types.

    Modes per type are those the event lexicon and the PLOVER CAMEO crosswalk use
    (``data/events/``); ACLED types and sub-types are ACLED's codebook taxonomy.
    """
    from ..coding.lexicon import load_lexicon
    from .export import acled_sub_types

    lexicon = load_lexicon()
    modes: dict[str, set[str]] = {t: set() for t in EVENT_TYPES}
    for table in (lexicon.verbs, lexicon.nouns):
        for entries in table.values():
            for entry in entries:
                if entry.mode and entry.type in modes:
                    modes[entry.type].add(entry.mode)
    for _code, plover, mode, _contexts in lexicon.crosswalk:
        if mode and plover in modes:
            modes[plover].add(mode)
    for mode, _acled in lexicon.instruments.values():
        modes["ASSAULT"].add(mode)
    for mode in lexicon.request_modes.values():  # the manual shares these modes between the two
        modes["REQUEST"].add(mode)
        modes["REJECT"].add(mode)
    return {"types": list(EVENT_TYPES), "modes": {t: sorted(v) for t, v in modes.items()},
            "modalities": list(MODALITIES),
            "acled": {t: list(subs) for t, subs in acled_sub_types().items()},
            "features": list(FEATURES), "editable": list(EDITABLE)}


def check_changes(store: "Store", article_id: str, machine: dict[str, Any],
                  changes: Optional[dict[str, Any]], earlier: Optional[dict[str, Any]] = None) -> dict[str, Any]:
    """The edited fields, validated and normalised; a UsageError names the first bad one.

    ``machine``: the event's machine row (flat columns); ``earlier``: the changes
    already in force, so that a combination (type and mode, ACLED type and sub-type)
    is checked as it will be after this edit.
    """
    changes = dict(changes or {})
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise UsageError(f"field {unknown[0]!r} cannot be edited; editable fields: {', '.join(EDITABLE)}")
    out: dict[str, Any] = {}
    if "type" in changes:
        value = str(changes["type"] or "").strip().upper()
        if value not in EVENT_TYPES:
            raise UsageError(f"type {changes['type']!r} is not a PLOVER event type ({', '.join(EVENT_TYPES)})")
        out["type"] = value
    if "mode" in changes:
        out["mode"] = _optional_text(changes["mode"], "mode")
    if "modality" in changes:
        value = str(changes["modality"] or "").strip().lower()
        if value not in MODALITIES:
            raise UsageError(f"modality {changes['modality']!r} is not one of {', '.join(MODALITIES)}")
        out["modality"] = value
    for key in ("acled_event_type", "acled_sub_event_type"):
        if key in changes:
            out[key] = _optional_text(changes[key], key)
    for key in COUNTS:
        if key in changes:
            value = changes[key]
            if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                      or not 0 <= value <= MAX_COUNT):
                raise UsageError(f"{key} must be a whole number from 0 to {MAX_COUNT}, or null (not {value!r})")
            out[key] = value
    if "date" in changes:
        out["date"] = None if changes["date"] in (None, "") else _day_value(changes["date"])[0]
    for key in ("actors", "recipients"):
        if key in changes:
            out[key] = _actors(store, article_id, key, changes[key])
    if "location" in changes:
        out["location"] = _location(store, changes["location"])
    _check_combinations(machine, {**(earlier or {}), **out}, out)
    return out


def _optional_text(value: Any, key: str) -> Optional[str]:
    if value is None:
        return None
    if not isinstance(value, str):
        raise UsageError(f"{key} must be text or null")
    return value.strip() or None


def _check_combinations(machine: dict[str, Any], merged: dict[str, Any], new: dict[str, Any]) -> None:
    if {"type", "mode"} & set(new):
        etype = merged.get("type", machine.get("type"))
        mode = merged.get("mode", machine.get("mode"))
        known = vocabulary()["modes"].get(etype, [])
        if mode is not None and mode not in known:
            choice = f"one of {', '.join(known)}, or null" if known else "null (eventwire knows no modes for it)"
            raise UsageError(f"mode {mode!r} is not a mode of {etype}; set mode to {choice}")
    if {"acled_event_type", "acled_sub_event_type"} & set(new):
        acled = vocabulary()["acled"]
        etype = merged.get("acled_event_type", machine.get("acled_event_type"))
        sub = merged.get("acled_sub_event_type", machine.get("acled_sub_event_type"))
        if etype is None and sub is None:
            return
        if etype not in acled:
            raise UsageError(f"ACLED event type {etype!r} is not one of {', '.join(acled)}"
                             + (" (set both ACLED fields to null to drop the label)" if etype is None else ""))
        if sub not in acled[etype]:
            raise UsageError(f"ACLED sub-event type {sub!r} is not a sub-type of {etype!r}: "
                             f"use one of {', '.join(acled[etype])}")


def _day_value(value: Any) -> tuple[str, str, dt.date]:
    """``(normalised value, granularity, first day)`` of YYYY, YYYY-MM or YYYY-MM-DD."""
    m = _DAY.match(str(value).strip()) if isinstance(value, str) else None
    try:
        if not m:
            raise ValueError
        year, month, day = int(m[1]), int(m[2] or 0), int(m[3] or 0)
        if day:
            first = dt.date(year, month, day)
            return first.isoformat(), "day", first
        if month:
            first = dt.date(year, month, 1)
            return first.isoformat()[:7], "month", first
        return f"{year:04d}", "year", dt.date(year, 1, 1)
    except ValueError:
        raise UsageError(f"date {value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD") from None


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _known_actor(store: "Store", value: str, article_id: Optional[str] = None) -> Optional[dict]:
    """The stored actor with this id, else with this name (case-insensitive); the most mentioned."""
    for where in ("id = ?", "lower(name) = lower(?)"):
        found = store._db.execute(
            f"SELECT id, name, country, sector, SUM(CASE WHEN article_id = ? THEN 1 ELSE 0 END) AS here, "
            f"COUNT(*) AS n FROM actors WHERE {where} GROUP BY id, name, country, sector "
            "ORDER BY here DESC, n DESC, id, name LIMIT 1", [article_id or "", value])
        if found:
            ident, name, country, sector = found[0][:4]
            return {"id": ident, "name": name or ident, "country": country, "sector": sector}
    return None


def _actors(store: "Store", article_id: str, key: str, values: Any) -> list[dict]:
    """Actors given by id or name (known to the store), or as {"name", "country", "sector", "id"}."""
    if values is None:
        return []
    if not isinstance(values, list):
        raise UsageError(f"{key} must be a list of actor ids, names or {{\"name\": ...}} objects")
    out, seen = [], set()
    for value in values:
        if isinstance(value, str):
            text = value.strip()
            if not text:
                continue
            with store._lock:
                actor = _known_actor(store, text, article_id)
            if actor is None:
                raise UsageError(f"{key}: no stored actor has the id or name {text!r}; give a known one, or "
                                 f"a new actor as {{\"name\": {text!r}, \"country\": \"ISO3\"}}")
        elif isinstance(value, dict):
            unknown = set(value) - {"id", "name", "country", "sector"}
            if unknown:
                raise UsageError(f"{key}: an actor has only id, name, country and sector, not {sorted(unknown)[0]!r}")
            name = value.get("name")
            ident = value.get("id")
            if not (isinstance(name, str) and name.strip()) and not (isinstance(ident, str) and ident.strip()):
                raise UsageError(f"{key}: a new actor needs a name")
            known = None
            if isinstance(ident, str) and ident.strip():
                with store._lock:
                    known = _known_actor(store, ident.strip(), article_id)
            actor = dict(known or {"id": (ident or "").strip() or "ew:" + _slug(name),
                                   "name": (name or ident).strip(), "country": None, "sector": None})
            for field in ("name", "country", "sector"):
                if value.get(field) is not None:
                    if not isinstance(value[field], str):
                        raise UsageError(f"{key}: an actor's {field} must be text")
                    actor[field] = value[field].strip() or None
            if actor["country"] is not None:
                actor["country"] = actor["country"].upper()
                if not _ISO3.match(actor["country"]):
                    raise UsageError(f"{key}: country {value['country']!r} is not an ISO3 code such as IRQ")
            if actor["id"] in ("", "ew:"):
                raise UsageError(f"{key}: a new actor needs a name with letters or digits")
        else:
            raise UsageError(f"{key} must be a list of actor ids, names or {{\"name\": ...}} objects")
        if actor["id"] not in seen:
            seen.add(actor["id"])
            out.append(actor)
    return out


def _location(store: "Store", value: Any) -> Optional[dict]:
    """A place: {"name", "lat", "lon", ...}; a name alone is looked up among stored places."""
    if value is None:
        return None
    if isinstance(value, str):
        value = {"name": value}
    if not isinstance(value, dict):
        raise UsageError("location must be an object {\"name\", \"lat\", \"lon\", \"country\"} or null")
    allowed = {"name", "lat", "lon", "country", "admin1", "geonameid", "feature", "precision"}
    unknown = set(value) - allowed
    if unknown:
        raise UsageError(f"location has no field {sorted(unknown)[0]!r}; use {', '.join(sorted(allowed))}")
    name = value.get("name")
    if not isinstance(name, str) or not name.strip():
        raise UsageError("location needs a name")
    place = {"name": name.strip(), "geonameid": None, "lat": None, "lon": None, "country": None,
             "admin1": None, "feature": None, "precision": None}
    if value.get("lat") is None and value.get("lon") is None:
        with store._lock:
            found = store._db.execute(
                "SELECT name, geonameid, lat, lon, country, admin1, feature, precision, COUNT(*) AS n "
                "FROM places WHERE lower(name) = lower(?) AND lat IS NOT NULL AND lon IS NOT NULL "
                "GROUP BY name, geonameid, lat, lon, country, admin1, feature, precision "
                "ORDER BY n DESC, geonameid LIMIT 1", [place["name"]])
        if not found:
            raise UsageError(f"location {place['name']!r} is not a place eventwire has seen; give its lat and lon")
        place.update(zip(("name", "geonameid", "lat", "lon", "country", "admin1", "feature", "precision"),
                         found[0][:8]))
    for axis, bound in (("lat", 90), ("lon", 180)):
        v = value.get(axis, place[axis])
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or abs(v) > bound:
            raise UsageError(f"location {axis} must be a number from -{bound} to {bound} (not {v!r})")
        place[axis] = float(v)
    if value.get("country") is not None:
        country = str(value["country"]).strip().upper()
        if not _ISO3.match(country):
            raise UsageError(f"location country {value['country']!r} is not an ISO3 code such as IRQ")
        place["country"] = country
    if value.get("admin1") is not None:
        place["admin1"] = str(value["admin1"]).strip() or None
    if value.get("geonameid") is not None:
        if (isinstance(value["geonameid"], bool) or not isinstance(value["geonameid"], int)
                or not 0 <= value["geonameid"] <= MAX_COUNT):
            raise UsageError(f"location geonameid must be a whole number from 0 to {MAX_COUNT}")
        place["geonameid"] = value["geonameid"]
    if value.get("feature") is not None:
        if value["feature"] not in FEATURES:
            raise UsageError(f"location feature {value['feature']!r} is not one of {', '.join(FEATURES)}")
        place["feature"] = value["feature"]
    if value.get("precision") is not None:
        if value["precision"] not in (1, 2, 3):
            raise UsageError("location precision is ACLED's geo precision: 1, 2 or 3")
        place["precision"] = value["precision"]
    return place


# -- writing ------------------------------------------------------------------------

def _machine(store: "Store", article_id: str, event_id: str) -> Optional[dict[str, Any]]:
    cols = list(OVERLAY)
    found = store._db.execute(f"SELECT {', '.join(cols)} FROM events WHERE article_id = ? AND id = ?",
                              [article_id, event_id])
    return dict(zip(cols, found[0])) if found else None


def _reviewed_values(machine: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """The event's flat columns as reviewed: the machine's, with ``changes`` (normalised) applied."""
    out = {c: machine.get(c) for c in OVERLAY}
    for key in ("type", "mode", "modality", "acled_event_type", "acled_sub_event_type") + COUNTS:
        if key in changes:
            out[key] = changes[key]
    for key, prefix in (("actors", "actor"), ("recipients", "recipient")):
        if key in changes:
            people = changes[key] or []
            out[key] = [p["id"] for p in people]
            out[f"{prefix}_names"] = [p.get("name") for p in people]
            out[f"{prefix}_countries"] = [p.get("country") for p in people]
            out[f"{prefix}_sectors"] = [p.get("sector") for p in people]
    if "location" in changes:
        place = changes["location"] or {}
        out["location"] = place.get("name")
        for field in ("geonameid", "lat", "lon", "country", "admin1", "feature", "precision"):
            out[f"location_{field}"] = place.get(field)
    if "date" in changes:
        if changes["date"] is None:
            out.update(date=None, date_granularity=None, date_basis="reviewed", event_date=None)
        else:
            value, granularity, first = _day_value(changes["date"])
            out.update(date=value, date_granularity=granularity, date_basis="reviewed", event_date=first)
    return out


def _effective(machine: dict[str, Any], changes: dict[str, Any], key: str) -> Any:
    """One editable field's value (as a reviewer gives it) under ``changes``."""
    if key in changes:
        return changes[key]
    if key in ("actors", "recipients"):
        prefix = "actor" if key == "actors" else "recipient"
        ids = machine.get(key) or []
        names = machine.get(f"{prefix}_names") or []
        countries = machine.get(f"{prefix}_countries") or []
        return [{"id": i, "name": names[n] if n < len(names) else None,
                 "country": countries[n] if n < len(countries) else None} for n, i in enumerate(ids)]
    if key == "location":
        if machine.get("location") is None:
            return None
        return {"name": machine["location"], "lat": machine.get("location_lat"),
                "lon": machine.get("location_lon"), "country": machine.get("location_country")}
    value = machine.get(key)
    return value.isoformat() if isinstance(value, dt.date) else value


def review(store: "Store", article_id: str, event_id: str, action: str, *, reviewer: str,
           changes: dict[str, Any] | None = None, note: str | None = None) -> dict[str, Any]:
    """Record a decision on one event and its audit row, in one transaction; returns the review.

    ``accept`` and ``reject`` keep earlier edits; ``edit`` merges ``changes`` into them
    (and clears an earlier rejection).  ``changes`` (see :data:`EDITABLE`): ``type``,
    ``mode``, ``modality``, ``acled_event_type``/``acled_sub_event_type``, ``actors`` and
    ``recipients`` (lists of actor ids or names the store knows, or
    ``{"name", "country", "sector"}`` objects for new ones), ``location``
    (``{"name", "lat", "lon", "country"}``, or a stored place's name), ``date``
    (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) and the counts ``fatalities``, ``injured``,
    ``arrested`` (whole numbers of 0 or more, or null).
    """
    if action not in ACTIONS:
        raise UsageError(f"unknown review action {action!r}; use one of {', '.join(ACTIONS)}")
    reviewer = (reviewer or "").strip()
    if not reviewer:
        raise UsageError("a review needs a reviewer name")
    if action == "edit" and not changes:
        raise UsageError("an edit needs at least one changed field")
    if "\x00" in (note or "") + reviewer or "\\u0000" in json.dumps(changes or {}, default=str):
        raise UsageError("review text may not contain NUL characters")
    store._writable()
    ensure_tables(store)
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    with store._lock:
        machine = _machine(store, article_id, event_id)
        if machine is None:
            raise UsageError(f"no event {event_id!r} in article {article_id!r}")
        with store._db.transaction():
            before = _current(store, article_id, event_id)
            earlier = _legacy_changes(store, article_id, before["changes"]) if before else {}
            checked = check_changes(store, article_id, machine, changes, earlier)
            merged = {**earlier, **checked}
            after = {"status": STATUSES[action], "changes": merged, "note": note,
                     "reviewer": reviewer, "reviewed_at": now.isoformat()}
            fields = {k: {"before": _effective(machine, earlier, k), "after": v} for k, v in checked.items()}
            values = _reviewed_values(machine, merged)
            columns = ["status", "changes", "note", "reviewer", "reviewed_at"] + list(OVERLAY)
            params = ([after["status"], json.dumps(merged, sort_keys=True), note, reviewer, now]
                      + [values[c] for c in OVERLAY])
            if before:
                store._db.execute(
                    f"UPDATE event_reviews SET {', '.join(f'{c} = ?' for c in columns)} "
                    "WHERE article_id = ? AND event_id = ?", params + [article_id, event_id])
            else:
                store._db.execute(
                    f"INSERT INTO event_reviews ({', '.join(columns)}, article_id, event_id) "
                    f"VALUES ({', '.join('?' for _ in columns)}, ?, ?)", params + [article_id, event_id])
            seq = store._db.execute(
                "SELECT COALESCE(MAX(seq), 0) + 1 FROM review_audit WHERE article_id = ? AND event_id = ?",
                [article_id, event_id])[0][0]
            store._db.execute(
                "INSERT INTO review_audit (article_id, event_id, seq, action, reviewer, changed_at, "
                "before_json, after_json, note, fields_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [article_id, event_id, seq, action, reviewer, now,
                 json.dumps(before, sort_keys=True) if before else None,
                 json.dumps(after, sort_keys=True), note, json.dumps(fields, sort_keys=True)])
    return after


def _current(store: "Store", article_id: str, event_id: str) -> Optional[dict[str, Any]]:
    found = store._db.execute(
        "SELECT status, changes, note, reviewer, reviewed_at FROM event_reviews "
        "WHERE article_id = ? AND event_id = ?", [article_id, event_id])
    return _review_row(found[0]) if found else None


def _review_row(row: tuple) -> dict[str, Any]:
    status, changes, note, reviewer, at = row
    return {"status": status, "changes": json.loads(changes), "note": note, "reviewer": reviewer,
            "reviewed_at": at.isoformat() if hasattr(at, "isoformat") else at}


# -- reading --------------------------------------------------------------------------

def reviews(store: "Store", keys: Iterable[tuple[str, str]] | None = None) -> dict[tuple[str, str], dict]:
    """Current reviews keyed by (article_id, event_id); all of them when ``keys`` is None."""
    ensure_tables(store)
    if _state(store) == "none":
        return {}
    sql = "SELECT article_id, event_id, status, changes, note, reviewer, reviewed_at FROM event_reviews"
    wanted = None if keys is None else set(keys)
    params: list[Any] = []
    if wanted is not None:
        if not wanted:
            return {}
        articles = sorted({a for a, _ in wanted})
        if len(articles) <= 500:
            sql += f" WHERE article_id IN ({', '.join('?' for _ in articles)})"
            params = articles
    with store._lock:
        found = store._db.execute(sql, params)
    out = {(r[0], r[1]): _review_row(r[2:]) for r in found}
    if wanted is not None:
        out = {k: v for k, v in out.items() if k in wanted}
    return out


def audit(store: "Store", article_id: str, event_id: str) -> list[dict[str, Any]]:
    """Every change to one event's review, oldest first: who, when, action, before, after.

    ``fields`` gives each field that change edited, with its value before (the machine's,
    or an earlier reviewer's) and after.
    """
    ensure_tables(store)
    state = _state(store)
    if state == "none":
        return []
    with store._lock:
        has_fields = state == "ready"
        found = store._db.execute(
            "SELECT seq, action, reviewer, changed_at, before_json, after_json, note, "
            + ("fields_json" if has_fields else "NULL") + " FROM review_audit "
            "WHERE article_id = ? AND event_id = ? ORDER BY seq", [article_id, event_id])
    return [{"seq": seq, "action": action, "reviewer": who,
             "at": at.isoformat() if hasattr(at, "isoformat") else at,
             "before": json.loads(before) if before else None, "after": json.loads(after), "note": note,
             "fields": json.loads(fields) if fields else {}}
            for seq, action, who, at, before, after, note, fields in found]


def apply(event: dict[str, Any], current: Optional[dict[str, Any]]) -> dict[str, Any]:
    """The nested event record as reviewed: edited fields overlaid, plus a ``review`` field.

    ``review`` is ``{"status": "unreviewed"}`` without a review; otherwise it holds the
    status, reviewer, time, note, the edited fields (``changes``), and ``original``: the
    machine's values of the edited fields, in the record's own shape.
    """
    out = dict(event)
    if not current:
        out["review"] = {"status": "unreviewed"}
        return out
    original: dict[str, Any] = {}
    changes = current["changes"]
    for key, value in changes.items():
        if key == "date":
            machine = event.get("date") if isinstance(event.get("date"), dict) else {"value": event.get("date")}
            original["date"] = machine.get("value")
            if value is None:
                out["date"] = {**machine, "value": None, "granularity": None, "span": None, "basis": "reviewed"}
            else:
                day, granularity, _first = _day_value(value)
                out["date"] = {**machine, "value": day, "granularity": granularity, "span": None,
                               "basis": "reviewed"}
        elif key in ("acled_event_type", "acled_sub_event_type"):
            acled = event.get("acled") or {}
            original[key] = acled.get(key.removeprefix("acled_"))
        elif key in ("actors", "recipients"):
            original[key] = event.get(key)
            out[key] = [v["id"] if isinstance(v, dict) else v for v in value or []]
        elif key == "location":
            machine = event.get("location")
            original["location"] = ({k: machine.get(k) for k in ("name", "lat", "lon", "country")}
                                    if isinstance(machine, dict) else machine)
            out["location"] = None if value is None else {"span": None, **value}
        else:
            original[key] = event.get(key)
            out[key] = value
    if "acled_event_type" in changes or "acled_sub_event_type" in changes:
        acled = event.get("acled") or {}
        etype = changes.get("acled_event_type", acled.get("event_type"))
        sub = changes.get("acled_sub_event_type", acled.get("sub_event_type"))
        out["acled"] = None if etype is None and sub is None else {"event_type": etype, "sub_event_type": sub}
    out["review"] = {**current, "original": original}
    return out


def _filters(filters: dict[str, Any], grade, incident_id, event_id) -> tuple[list[str], list[Any]]:
    from .core import _as_list, _event_filters, _marks

    unknown = set(filters) - {"start", "end", "country", "actor", "type", "modality", "text", "acled",
                              "article_id", "min_confidence"}
    if unknown:
        raise UsageError(f"unknown event filter(s): {', '.join(sorted(unknown))}")
    where, params = _event_filters(**filters)
    grades = _as_list(grade)
    if grades:
        where.append(f"e.grade IN ({_marks(grades)})")
        params.extend(grades)
    if incident_id is not None:
        where.append("e.incident_id = ?")
        params.append(incident_id)
    if event_id is not None:
        where.append("e.id = ?")
        params.append(event_id)
    return where, params


_SORT_COLUMNS = ("article_id", "id", "event_date", "evidence_start", "confidence", "type")


def _query(store: "Store", what: str, review: str, filters: dict[str, Any], *, grade=None,
           incident_id=None, event_id=None, keys: Optional[list[tuple[str, str]]] = None
           ) -> tuple[Optional[str], list[Any]]:
    """The SQL (and parameters) of reviewed events; None when nothing can match.

    ``what``: ``rows`` (every column), ``keys`` (the columns that sort) or ``count``.
    ``keys``: only these (article_id, event_id) pairs (the rows of a page found before).
    """
    if review not in REVIEW_FILTERS:
        raise UsageError(f"unknown review filter {review!r}; use one of {', '.join(REVIEW_FILTERS)}")
    where, params = _filters(filters, grade, incident_id, event_id)
    if keys is not None:
        from .core import _marks

        articles, events = sorted({a for a, _ in keys}), sorted({e for _, e in keys})
        where += [f"e.article_id IN ({_marks(articles)})", f"e.id IN ({_marks(events)})"]
        params += articles + events
    has_reviews = _ready(store)
    cond = " AND ".join(where)
    event_cols = ", ".join(f"a.{c}" if c in _ARTICLE_FIELDS else f"e.{c}" for c in EVENT_COLUMNS)
    join = " JOIN articles a ON a.id = e.article_id"
    if what == "rows":
        machine_cols = (event_cols + ", e.record, CAST(NULL AS TEXT) AS review_status, "
                        "CAST(NULL AS TEXT) AS review_changes, CAST(NULL AS TEXT) AS review_note, "
                        "CAST(NULL AS TEXT) AS review_reviewer, CAST(NULL AS TIMESTAMP) AS review_at")
        reviewed_cols = event_cols + ", e.record, " + ", ".join(f"e.{c}" for c in _REVIEW_OUT)
    elif what == "keys":  # no article columns: every event has its article
        machine_cols = reviewed_cols = ", ".join(f"e.{c}" for c in _SORT_COLUMNS)
        join = ""
    else:
        machine_cols = reviewed_cols = "1 AS one"
        join = ""
    parts, out_params = [], []
    if review in ("visible", "all", "unreviewed"):
        sql = (f"SELECT {machine_cols} FROM events e{join} WHERE {cond}")
        if has_reviews:
            sql += (" AND NOT EXISTS (SELECT 1 FROM event_reviews r "
                    "WHERE r.article_id = e.article_id AND r.event_id = e.id)")
        parts.append(sql)
        out_params += params
    if has_reviews and review != "unreviewed":
        inner = ", ".join(f"r.{c} AS {c}" if c in OVERLAY else f"e.{c}"
                          for c in EVENT_COLUMNS if c not in _ARTICLE_FIELDS)
        status_where, status_params = "", []
        if review == "visible":
            status_where = " WHERE r.status <> ?"
            status_params = ["rejected"]
        elif review != "all":
            status_where = " WHERE r.status = ?"
            status_params = [review]
        parts.append(
            f"SELECT {reviewed_cols} FROM (SELECT {inner}, e.record, r.status AS review_status, "
            "r.changes AS review_changes, r.note AS review_note, r.reviewer AS review_reviewer, "
            "r.reviewed_at AS review_at FROM event_reviews r JOIN events e "
            f"ON e.article_id = r.article_id AND e.id = r.event_id{status_where}) e{join} WHERE {cond}")
        out_params += status_params + params
    if not parts:
        return None, []
    return " UNION ALL ".join(parts), out_params


def count(store: "Store", *, review: str = "visible", grade=None, incident_id=None, event_id=None,
          **filters: Any) -> int:
    """How many events match the filters, as reviewed (see :func:`events`)."""
    sql, params = _query(store, "count", review, filters, grade=grade, incident_id=incident_id,
                         event_id=event_id)
    if sql is None:
        return 0
    with store._lock:
        return int(store._db.execute(f"SELECT COUNT(*) FROM ({sql}) u", params)[0][0])


def fetch(store: "Store", *, review: str = "visible", order: str = "date", limit: Optional[int] = None,
          offset: int = 0, grade=None, incident_id=None, event_id=None,
          **filters: Any) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Events as reviewed: ``(row, record)`` pairs, the flat row and the nested record.

    Filters are :meth:`Store.events`'s (``start``, ``end``, ``country``, ``actor``, ``type``,
    ``modality``, ``text``, ``acled``, ``article_id``, ``min_confidence``), plus ``grade``,
    ``incident_id`` and ``event_id``; they see reviewed values.  ``review``: ``visible``
    (not rejected), ``all``, ``unreviewed``, ``accepted``, ``rejected`` or ``edited``.
    ``order``: one of :data:`ORDERS`.  Each row has EVENT_COLUMNS and ``review_status``;
    each record is the event as in the article record, reviewed (with ``review``).
    """
    from .core import _limit_sql

    if order not in ORDERS:
        raise UsageError(f"unknown sort {order!r}; use one of {', '.join(ORDERS)}")
    query = dict(grade=grade, incident_id=incident_id, event_id=event_id)
    keys = None
    if limit is not None:
        # A page: sort and cut on the narrow key columns first, then read whole rows (records
        # included) for those keys only; on 1M events this is 10-100 times faster than
        # sorting whole rows (bench/store_query.py).
        sql, params = _query(store, "keys", review, filters, **query)
        if sql is None:
            return []
        sql = f"SELECT article_id, id FROM ({sql}) u ORDER BY {ORDERS[order]}" + _limit_sql(limit, offset, params)
        with store._lock:
            keys = [tuple(k) for k in store._db.execute(sql, params)]
        if not keys:
            return []
    sql, params = _query(store, "rows", review, filters, keys=keys, **query)
    if sql is None:
        return []
    sql = f"SELECT * FROM ({sql}) u ORDER BY {ORDERS[order]}"
    with store._lock:
        data = store._db.execute(sql, params)
    if keys is not None:
        wanted = set(keys)
        data = [d for d in data if (d[1], d[0]) in wanted]
    n = len(EVENT_COLUMNS)
    out = []
    for values in data:
        row = dict(zip(EVENT_COLUMNS, values[:n]))
        record = json.loads(values[n])
        status, changes, note, reviewer, at = values[n + 1:n + 6]
        current = None if status is None else _review_row((status, changes, note, reviewer, at))
        for key in ("article_id", "url", "publisher", "published", "incident_id", "grade"):
            record[key] = row[key]
        record["event_date"] = row["event_date"].isoformat() if row["event_date"] else None
        row["review_status"] = status or "unreviewed"
        out.append((row, apply(record, current)))
    return out


def events(store: "Store", **query: Any) -> Result:
    """Events as reviewed, as a Result for the exporters (see :func:`fetch` for the arguments).

    Rows have the events columns with reviewed values and ``review_status``; records
    (JSONL) are the reviewed nested events with their ``review``.
    """
    found = fetch(store, **query)
    return Result("events", EXPORT_COLUMNS, [tuple(row[c] for c in EXPORT_COLUMNS) for row, _ in found],
                  [json.dumps(record, ensure_ascii=False, default=_json_default) for _, record in found])


def reviewed(store: "Store", result: Result) -> Result:
    """An events Result from :meth:`Store.events` with reviews applied: rejected left out.

    Only the rows ``result`` already holds are considered, so filters it was made with
    saw the machine's values; :func:`events` filters on reviewed values.
    """
    if result.kind != "events" or not len(result) or _state(store) == "none":
        return result
    _ready(store)
    rows = result.rows()
    found = reviews(store, [(r["article_id"], r["id"]) for r in rows])
    if not found:
        return result
    values = _stored_values(store, list(found))
    raw = result._records or [None] * len(rows)
    data, records = [], []
    for row, record in zip(rows, raw):
        key = (row["article_id"], row["id"])
        current = found.get(key)
        if current is not None:
            if current["status"] == "rejected":
                continue
            row.update(values.get(key, {}))
            if record is not None:
                record = json.dumps(apply(json.loads(record), current), ensure_ascii=False)
        data.append(tuple(row[c] for c in result.columns))
        records.append(record)
    return Result(result.kind, result.types, data, records if result._records is not None else None)


def _stored_values(store: "Store", keys: list[tuple[str, str]]) -> dict[tuple[str, str], dict]:
    out = {}
    cols = list(OVERLAY)
    for article_id in sorted({a for a, _ in keys}):
        with store._lock:
            found = store._db.execute(
                f"SELECT event_id, {', '.join(cols)} FROM event_reviews WHERE article_id = ?", [article_id])
        for event_id, *values in found:
            out[(article_id, event_id)] = dict(zip(cols, values))
    return out


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(type(value).__name__)
