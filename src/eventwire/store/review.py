"""Human review of coded events: accept, reject or edit, with an audit trail.

The machine's coding in ``events`` is never changed.  A review is kept beside it:
``event_reviews`` holds the current decision per event (status, the edited fields as
JSON, who, when) and ``review_audit`` holds every change (who, when, the review
before and after).  Readers overlay the review on the machine's event with
:func:`apply`; the original stays available under ``review.original``.

SQL is portable (DuckDB and PostgreSQL) and parameterised; the tables are created
with ``CREATE TABLE IF NOT EXISTS`` on first use, so older stores gain them lazily.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any, Iterable, Optional

from ..errors import UsageError

if TYPE_CHECKING:  # pragma: no cover
    from .core import Store

ACTIONS = ("accept", "reject", "edit")
STATUSES = {"accept": "accepted", "reject": "rejected", "edit": "edited"}
EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
               "REJECT", "ACCUSE", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
MODALITIES = ("asserted", "hypothetical", "future", "negated", "historical")
# Fields a reviewer may correct, and how each value is checked.
EDITABLE = ("type", "mode", "modality", "date", "fatalities", "injured", "arrested",
            "actors", "recipients")

_TABLES = (
    """CREATE TABLE IF NOT EXISTS event_reviews (
        article_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        status TEXT NOT NULL,
        changes TEXT NOT NULL,
        note TEXT,
        reviewer TEXT NOT NULL,
        reviewed_at TIMESTAMP NOT NULL,
        PRIMARY KEY (article_id, event_id)
    )""",
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
        PRIMARY KEY (article_id, event_id, seq)
    )""",
)


def ensure_tables(store: "Store") -> None:
    """Create the review tables if the store lacks them (a no-op afterwards)."""
    if getattr(store, "_review_ready", False):
        return
    with store._lock:
        if not store.read_only:
            for statement in _TABLES:
                store._db.execute(statement)
        store._review_ready = True


def check_changes(changes: dict[str, Any] | None) -> dict[str, Any]:
    """The edited fields, validated; a UsageError names the first bad one."""
    changes = dict(changes or {})
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise UsageError(f"field {unknown[0]!r} cannot be edited; editable fields: {', '.join(EDITABLE)}")
    if "type" in changes:
        value = str(changes["type"]).upper()
        if value not in EVENT_TYPES:
            raise UsageError(f"type {changes['type']!r} is not a PLOVER event type ({', '.join(EVENT_TYPES)})")
        changes["type"] = value
    if "modality" in changes and changes["modality"] not in MODALITIES:
        raise UsageError(f"modality {changes['modality']!r} is not one of {', '.join(MODALITIES)}")
    for key in ("fatalities", "injured", "arrested"):
        if key in changes and changes[key] is not None:
            value = changes[key]
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise UsageError(f"{key} must be a whole number of 0 or more, or null")
    if "date" in changes and changes["date"] is not None:
        from .core import parse_day

        parse_day(str(changes["date"]))  # raises UsageError for a bad date
        changes["date"] = str(changes["date"])
    for key in ("actors", "recipients"):
        if key in changes:
            value = changes[key]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise UsageError(f"{key} must be a list of actor ids")
    if "mode" in changes and changes["mode"] is not None and not isinstance(changes["mode"], str):
        raise UsageError("mode must be a string or null")
    return changes


def review(store: "Store", article_id: str, event_id: str, action: str, *, reviewer: str,
           changes: dict[str, Any] | None = None, note: str | None = None) -> dict[str, Any]:
    """Record a decision on one event and its audit row, in one transaction; returns the review.

    ``accept`` and ``reject`` keep earlier edits; ``edit`` merges ``changes`` into them
    (and clears an earlier rejection).
    """
    if action not in ACTIONS:
        raise UsageError(f"unknown review action {action!r}; use one of {', '.join(ACTIONS)}")
    reviewer = (reviewer or "").strip()
    if not reviewer:
        raise UsageError("a review needs a reviewer name")
    changes = check_changes(changes)
    if action == "edit" and not changes:
        raise UsageError("an edit needs at least one changed field")
    ensure_tables(store)
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)
    with store._lock:
        store._writable()
        with store._db.transaction():
            before = _current(store, article_id, event_id)
            merged = dict(before["changes"]) if before else {}
            merged.update(changes)
            after = {"status": STATUSES[action], "changes": merged, "note": note,
                     "reviewer": reviewer, "reviewed_at": now.isoformat()}
            params = [after["status"], json.dumps(merged, sort_keys=True), note, reviewer, now]
            if before:
                store._db.execute(
                    "UPDATE event_reviews SET status = ?, changes = ?, note = ?, reviewer = ?, "
                    "reviewed_at = ? WHERE article_id = ? AND event_id = ?",
                    params + [article_id, event_id])
            else:
                store._db.execute(
                    "INSERT INTO event_reviews (status, changes, note, reviewer, reviewed_at, "
                    "article_id, event_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    params + [article_id, event_id])
            seq = store._db.execute(
                "SELECT COALESCE(MAX(seq), 0) + 1 FROM review_audit WHERE article_id = ? AND event_id = ?",
                [article_id, event_id])[0][0]
            store._db.execute(
                "INSERT INTO review_audit (article_id, event_id, seq, action, reviewer, changed_at, "
                "before_json, after_json, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [article_id, event_id, seq, action, reviewer, now,
                 json.dumps(before, sort_keys=True) if before else None,
                 json.dumps(after, sort_keys=True), note])
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


def reviews(store: "Store", keys: Iterable[tuple[str, str]] | None = None) -> dict[tuple[str, str], dict]:
    """Current reviews keyed by (article_id, event_id); all of them when ``keys`` is None."""
    ensure_tables(store)
    if store.read_only and not _has_table(store):
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
    """Every change to one event's review, oldest first: who, when, action, before, after."""
    ensure_tables(store)
    if store.read_only and not _has_table(store):
        return []
    with store._lock:
        found = store._db.execute(
            "SELECT seq, action, reviewer, changed_at, before_json, after_json, note FROM review_audit "
            "WHERE article_id = ? AND event_id = ? ORDER BY seq", [article_id, event_id])
    return [{"seq": seq, "action": action, "reviewer": who,
             "at": at.isoformat() if hasattr(at, "isoformat") else at,
             "before": json.loads(before) if before else None, "after": json.loads(after), "note": note}
            for seq, action, who, at, before, after, note in found]


def _has_table(store: "Store") -> bool:
    with store._lock:
        return bool(store._db.execute(
            "SELECT 1 FROM information_schema.tables WHERE table_name = ?", ["event_reviews"]))


def apply(event: dict[str, Any], current: Optional[dict[str, Any]]) -> dict[str, Any]:
    """The event as reviewed: edited fields overlaid, plus a ``review`` field.

    ``review`` is ``{"status": "unreviewed"}`` without a review; otherwise it holds the
    status, reviewer, time, note, the edited fields, and ``original``: the machine's
    values of the fields that were edited.
    """
    out = dict(event)
    if not current:
        out["review"] = {"status": "unreviewed"}
        return out
    original = {}
    for key, value in current["changes"].items():
        if key == "date":
            original["date"] = (event.get("date") or {}).get("value") if isinstance(event.get("date"), dict) \
                else event.get("date")
            if isinstance(event.get("date"), dict):
                out["date"] = {**event["date"], "value": value, "basis": "reviewed"}
            else:
                out["date"] = value
            continue
        original[key] = event.get(key)
        out[key] = value
    out["review"] = {**current, "original": original}
    return out


def reviewed(store: "Store", result):
    """Events as reviewed, for exports: edits overlaid, rejected events left out.

    Rows keep their columns (edited values replace the machine's); nested records
    (JSONL) gain a ``review`` field where a review exists.  Without reviews the
    result is returned as it is.
    """
    from .core import parse_day
    from .result import Result

    if result.kind != "events" or not len(result):
        return result
    rows = result.rows()
    found = reviews(store, [(r["article_id"], r["id"]) for r in rows])
    if not found:
        return result
    raw = result._records or [None] * len(rows)
    data, records = [], []
    for row, record in zip(rows, raw):
        current = found.get((row["article_id"], row["id"]))
        if current is not None:
            if current["status"] == "rejected":
                continue
            for key, value in current["changes"].items():
                if key == "date":
                    row.update(date=value, date_basis="reviewed",
                               event_date=parse_day(value) if value else None)
                elif key in row:
                    row[key] = value
            if record is not None:
                record = json.dumps(apply(json.loads(record), current), ensure_ascii=False)
        data.append(tuple(row[c] for c in result.columns))
        records.append(record)
    return Result(result.kind, result.types, data, records if result._records is not None else None)
