"""Incidents in the store: corroboration run as articles arrive.

:class:`Corroboration` works inside the transaction that inserts a batch of articles:

1. before the rows are written, it finds each new article's copy group (``copies`` and
   the LSH index ``copy_bands``) and places each of its events in an incident.  The
   candidates are the stored asserted events of a compatible type in the date buckets
   around the event, read through the (type, event_date) index once per article (each
   bucket once a batch) and filed by (type, country, bucket), plus the batch's own events
   placed before it;
2. :meth:`patch` writes the incident id and grade into the event rows;
3. after the rows are written, :meth:`write` records the copies and writes the rows of
   the incidents that changed, regrading those that already held stored events.

Matching and grading are :mod:`eventwire.corroborate`'s pure functions; this module only
reads and writes rows.  SQL is portable and parameterised.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import replace
from typing import Any, Sequence

from .. import corroborate as co
from ..records import Article
from .backends import Backend

_COLUMNS = ("e.id", "e.article_id", "e.type", "e.event_date", "e.date_granularity",
            "e.actors", "e.recipients", "e.actor_countries", "e.recipient_countries",
            "e.location_lat", "e.location_lon", "e.location_country", "e.evidence", "e.incident_id")


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


def _report(row: Sequence[Any], *, publisher: str | None = None, copy_group: str | None = None,
            speakers: Sequence[str] = ()) -> co.Report:
    (eid, aid, etype, day, gran, actors, recipients, acountries, rcountries, lat, lon, lcountry,
     evidence, incident) = row[:14]
    day = day.date() if isinstance(day, dt.datetime) else day
    countries = {c for c in list(acountries or []) + list(rcountries or []) + [lcountry] if c}
    return co.Report(eid, aid, etype, day, gran, frozenset(actors or ()), frozenset(recipients or ()),
                     frozenset(countries), lat, lon, lcountry, co.evidence_words(evidence), publisher,
                     copy_group, frozenset(speakers), "asserted", incident)


def _record(article: Article) -> dict:
    """The parts of the article record that :func:`corroborate.from_event` reads."""
    return {"id": article.id, "publisher": article.publisher,
            "actors": [{"id": a.id, "country": a.country} for a in article.actors],
            "quotes": [{"id": q.id, "speaker": {"actor_id": q.speaker.actor_id}} for q in article.quotes]}


def _event(event) -> dict:
    loc = event.location
    return {"id": event.id, "type": event.type, "actors": event.actors, "recipients": event.recipients,
            "location": {"lat": loc.lat, "lon": loc.lon, "country": loc.country} if loc else None,
            "date": {"value": event.date.value, "granularity": event.date.granularity},
            "evidence": {"text": event.evidence.text}, "attribution": event.attribution,
            "modality": event.modality}


class Corroboration:
    """Copy groups and incidents for one batch of new articles (see the module docstring)."""

    def __init__(self, db: Backend, articles: Sequence[Article]):
        self.db = db
        self.batch = {a.id for a in articles}
        self.cache: dict[co.Cell, list[co.Report]] = {}
        self.loaded: set[tuple[str, int]] = set()  # (type, bucket) read from the store
        self.copies: list[tuple[str, str, str, list[str]]] = []
        self.placed: dict[tuple[str, str], str] = {}
        self.members: dict[str, list[co.Report]] = defaultdict(list)  # incident -> batch reports
        self.grades: dict[str, co.Grade] = {}
        groups: dict[str, tuple[str, tuple[int, ...]]] = {}
        names = {a.id: a.name for article in articles for a in article.actors}
        for article in articles:
            if article.status != "ok":
                continue
            group = self._copy_group(article, groups)
            record = _record(article)
            reports = [co.from_event(_event(e), record, copy_group=group) for e in article.events]
            self._prefetch([r for r in reports if r.modality == "asserted" and r.day is not None])
            for event, rep in zip(article.events, reports):
                inc = None
                if rep.modality == "asserted" and rep.day is not None:
                    inc = co.best_incident(rep, self._candidates(rep))
                inc = inc or co.incident_id(rep.event_id)
                rep = replace(rep, incident=inc)
                self.placed[(article.id, event.id)] = inc
                self.members[inc].append(rep)
                if rep.modality == "asserted" and rep.day is not None:
                    for cell in co.index_cells(rep):
                        self.cache.setdefault(cell, []).append(rep)
        self.existing = self._existing(list(self.members))
        for inc, reps in self.members.items():
            if inc not in self.existing:
                self.grades[inc] = co.grade(reps, names)

    # -- copies -------------------------------------------------------------------------

    def _copy_group(self, article: Article, batch: dict[str, tuple[str, tuple[int, ...]]]) -> str:
        sig = co.signature(article.text)
        keys = co.band_keys(sig)
        found = {a for (a,) in self.db.execute(
            f"SELECT DISTINCT article_id FROM copy_bands WHERE band IN ({_marks(keys)})", keys)}
        cands = []
        if found:
            ids = sorted(found)
            cands = [(a, co.decode_signature(s), g) for a, s, g in self.db.execute(
                f"SELECT article_id, signature, copy_group FROM copies WHERE article_id IN ({_marks(ids)})", ids)]
        mine = set(keys)
        cands += [(a, s, g) for a, (g, s) in batch.items() if mine & set(co.band_keys(s))]
        group = co.copy_group(article.id, sig, cands)
        batch[article.id] = (group, sig)
        self.copies.append((article.id, group, co.encode_signature(sig), keys))
        return group

    # -- incidents ------------------------------------------------------------------------

    def _candidates(self, rep: co.Report) -> list[co.Report]:
        self._prefetch([rep])
        return co.candidates(rep, self.cache)

    def _prefetch(self, reports: list[co.Report]) -> None:
        """Load, in one query, the (type, bucket) ranges an article's events will look in."""
        need = {(t, b) for r in reports for t in co.COMPATIBLE.get(r.type, {r.type})
                for b in co.candidate_buckets(r.day, r.granularity)} - self.loaded
        if not need:
            return
        types = sorted({t for t, _ in need})
        lo = dt.date.fromordinal(min(b for _, b in need) * co.BUCKET_DAYS)
        hi = dt.date.fromordinal((max(b for _, b in need) + 1) * co.BUCKET_DAYS)
        rows = self.db.execute(f"SELECT {', '.join(_COLUMNS)} FROM events e WHERE e.type IN ({_marks(types)}) "
                               "AND e.event_date >= ? AND e.event_date < ? AND e.modality = ?",
                               [*types, lo, hi, "asserted"])
        for r in rows:
            if r[1] in self.batch:
                continue  # the batch's own events join the cache as they are placed
            rep = _report(r)
            if (rep.type, co.bucket(rep.day)) in need:
                for cell in co.index_cells(rep):
                    self.cache.setdefault(cell, []).append(rep)
        self.loaded |= need

    def _existing(self, incidents: list[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(incidents), 500):
            chunk = incidents[start:start + 500]
            found.update(r[0] for r in self.db.execute(
                f"SELECT id FROM incidents WHERE id IN ({_marks(chunk)})", chunk))
        return found

    # -- rows -----------------------------------------------------------------------------

    def patch(self, event_rows: list[tuple], columns: Sequence[str]) -> list[tuple]:
        """Event rows with their incident id and (for new incidents) grade filled in."""
        i_aid, i_id, i_inc, i_grade = (columns.index(c) for c in ("article_id", "id", "incident_id", "grade"))
        out = []
        for row in event_rows:
            inc = self.placed.get((row[i_aid], row[i_id]))
            if inc is not None:
                row = list(row)
                row[i_inc] = inc
                if inc in self.grades:
                    row[i_grade] = self.grades[inc].grade
                row = tuple(row)
            out.append(row)
        return out

    def write(self) -> set[str]:
        """Record the copies and the incidents that changed; returns their ids."""
        db = self.db
        db.insert("copies", ("article_id", "copy_group", "signature"), [c[:3] for c in self.copies])
        db.insert("copy_bands", ("band", "article_id"), [(k, c[0]) for c in self.copies for k in c[3]])
        rows = []
        for inc, graded in self.grades.items():
            reps = self.members[inc]
            rows.append((inc, graded.grade, list(graded.reasons), [r.event_id for r in reps],
                         sorted({r.article_id for r in reps}), list(graded.sources)))
        db.insert("incidents", ("id", "grade", "reasons", "event_ids", "article_ids", "sources"), rows)
        for inc in sorted(self.existing):
            regrade(db, inc)
        return set(self.members)


def regrade(db: Backend, incident: str) -> co.Grade:
    """Recompute one incident's row and its events' grade from the events it holds."""
    rows = db.execute(f"SELECT {', '.join(_COLUMNS)}, e.attribution, e.actor_names, e.recipient_names, "
                      "a.publisher, c.copy_group FROM events e JOIN articles a ON a.id = e.article_id "
                      "LEFT JOIN copies c ON c.article_id = e.article_id WHERE e.incident_id = ? "
                      "ORDER BY e.article_id, e.evidence_start, e.id", [incident])
    reports, names = [], {}
    for r in rows:
        attribution = list(r[14] or [])
        speakers: list[str] = []
        if attribution:
            speakers = [s for (s,) in db.execute(
                f"SELECT speaker_actor_id FROM quotes WHERE article_id = ? AND id IN ({_marks(attribution)})",
                [r[1], *attribution]) if s]
        for ids, labels in ((r[5], r[15]), (r[6], r[16])):
            names.update(zip(list(ids or []), list(labels or [])))
        reports.append(_report(r, publisher=r[17], copy_group=r[18], speakers=speakers))
    graded = co.grade(reports, names)
    db.execute("DELETE FROM incidents WHERE id = ?", [incident])
    db.insert("incidents", ("id", "grade", "reasons", "event_ids", "article_ids", "sources"),
              [(incident, graded.grade, list(graded.reasons), [r.event_id for r in reports],
                sorted({r.article_id for r in reports}), list(graded.sources))])
    db.execute("UPDATE events SET grade = ? WHERE incident_id = ? AND grade <> ?",
               [graded.grade, incident, graded.grade])
    return graded
