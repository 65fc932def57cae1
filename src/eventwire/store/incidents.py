"""Incidents in the store: corroboration run as articles arrive.

:class:`Corroboration` works inside the transaction that inserts a batch of articles, with
a handful of statements a batch, however many articles it holds:

1. before the rows are written, it finds each new article's copy group: one query reads
   the stored articles that share an LSH band (``copy_bands``) with an article of the
   batch, one their signatures (``copies``);
2. it places each asserted event in an incident.  The candidates are the stored asserted
   events of a compatible type, in the date buckets around the event, sharing a country
   with it (or placed in none), filed by (type, country, bucket) in a
   :class:`CandidateCache`: one query a batch reads what the cache lacks; the batch's own
   events join the cache as they are placed;
3. it grades every incident the batch touches: a new one from the batch's reports, a
   stored one from its stored reports and the batch's (the stored reports of all of them
   are read with one query, their publishers, copy groups and statements with three more);
4. :meth:`Corroboration.patch` writes the incident id and grade into the batch's event
   rows; after they are written, :meth:`Corroboration.write` records the copies, replaces
   the rows of the incidents that changed, and updates the grade of stored events whose
   incident changed grade.

The cache belongs to the Store and outlives a batch where the store has one writer (a
DuckDB file): stored events are never deleted and never change incident, so a cell once
read stays right as long as this Store is the one adding events, which it checks by the
number of event rows at the start of each batch.  Elsewhere (PostgreSQL, shared by
writers) it lasts one batch.

Matching and grading are :mod:`eventwire.corroborate`'s pure functions; this module only
reads and writes rows.  SQL is portable and parameterised.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import replace
from typing import Any, Iterable, Optional, Sequence

from .. import corroborate as co
from ..records import Article
from .backends import Backend

_COLUMNS = ("e.id", "e.article_id", "e.type", "e.event_date", "e.date_granularity",
            "e.actors", "e.recipients", "e.actor_countries", "e.recipient_countries",
            "e.location_lat", "e.location_lon", "e.location_country", "e.evidence", "e.incident_id")
# Parameters a statement takes at most (PostgreSQL allows 65,535; chunks stay well below).
_CHUNK = 1000
# Rows and reports a cache holds before it starts afresh (about 1.6 KB each: some 80 MB).
CACHE_LIMIT = 50_000
# A batch that needs more date buckets than this (articles about many different weeks)
# reads only the (type, country, bucket) cells it looks in, not whole buckets.
WIDE = 12
_INCIDENT_COLUMNS = ("id", "grade", "reasons", "event_ids", "article_ids", "sources")


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


def _chunks(values: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _day(value) -> Optional[dt.date]:
    return value.date() if isinstance(value, dt.datetime) else value


def _countries(acountries, rcountries, lcountry) -> frozenset[str]:
    return frozenset(c for c in list(acountries or []) + list(rcountries or []) + [lcountry] if c)


def _report(row: Sequence[Any], *, publisher: str | None = None, copy_group: str | None = None,
            speakers: Iterable[str] = (), claimants: Iterable[str] = ()) -> co.Report:
    (eid, aid, etype, day, gran, actors, recipients, acountries, rcountries, lat, lon, lcountry,
     evidence, incident) = row[:14]
    return co.Report(eid, aid, etype, _day(day), gran, frozenset(actors or ()), frozenset(recipients or ()),
                     _countries(acountries, rcountries, lcountry), lat, lon, lcountry,
                     co.evidence_words(evidence), publisher, copy_group, frozenset(speakers), "asserted",
                     incident, frozenset(claimants))


def _record(article: Article) -> dict:
    """The parts of the article record that :func:`corroborate.from_event` and
    :func:`corroborate.claims` read."""
    return {"id": article.id, "publisher": article.publisher,
            "actors": [{"id": a.id, "country": a.country} for a in article.actors],
            "quotes": [{"id": q.id, "speaker": {"actor_id": q.speaker.actor_id}, "cue": {"text": q.cue.text}}
                       for q in article.quotes],
            "events": [_event(e) for e in article.events]}


def _event(event) -> dict:
    loc = event.location
    return {"id": event.id, "type": event.type, "actors": event.actors, "recipients": event.recipients,
            "location": {"lat": loc.lat, "lon": loc.lon, "country": loc.country} if loc else None,
            "date": {"value": event.date.value, "granularity": event.date.granularity},
            "evidence": {"text": event.evidence.text, "start": event.evidence.start},
            "attribution": event.attribution, "modality": event.modality}


class CandidateCache:
    """Stored asserted events filed by (type, country or "", date bucket), for matching.

    A batch about a few weeks (a news feed) reads whole date buckets, every type and
    country at once: reading fewer rows costs about as much (the query is a scan), and the
    next articles, about the same days, find them read.  A batch about many weeks (an
    archive in no order) reads only the cells it looks in, or it would read the whole
    table.  ``buckets`` and ``loaded`` hold what was read, whose events are all filed.
    A row read stays a row until a report in its cell is matched against it: most rows
    read are never compared (another type or country), and building a report (its
    evidence words) costs more than filing the row.  New events are filed as reports as
    they are placed, in every cell they belong to.
    """

    def __init__(self, limit: Optional[int] = None, wide: Optional[int] = None):
        self.limit = CACHE_LIMIT if limit is None else limit
        self.wide = WIDE if wide is None else wide
        self.reset()

    def reset(self) -> None:
        """Forget everything (after a failed write, or when another writer may have written)."""
        self.cells: dict[co.Cell, dict[tuple[str, str], Any]] = {}  # cell -> key -> Report or row
        self.buckets: set[int] = set()
        self.loaded: set[co.Cell] = set()
        self.size = 0
        self.events: Optional[int] = None  # event rows in the store when last in step with it

    def begin(self, db: Backend) -> None:
        """Check, at the start of a write transaction, that the cache still matches the store."""
        if not db.single_writer:
            self.reset()
            return
        stored = db.execute("SELECT COUNT(*) FROM events")[0][0]
        if stored != self.events or self.size > self.limit:
            self.reset()
        self.events = stored

    def added(self, n_events: int) -> None:
        """``n_events`` event rows were written by this batch."""
        if self.events is not None:
            self.events += n_events

    def file(self, key: tuple[str, str], item: Any, cells: Iterable[co.Cell]) -> None:
        for cell in cells:
            filed = self.cells.setdefault(cell, {})
            if key not in filed:
                filed[key] = item
                self.size += 1

    def place(self, report: co.Report) -> None:
        """File a newly placed report."""
        self.file((report.article_id, report.event_id), report, co.index_cells(report))

    def candidates(self, report: co.Report) -> list[co.Report]:
        """The reports filed in ``report``'s lookup cells, each once (as :func:`corroborate.candidates`)."""
        seen: set[tuple[str, str]] = set()
        out = []
        for cell in co.lookup_cells(report):
            filed = self.cells.get(cell)
            if not filed:
                continue
            for key, item in filed.items():
                if key in seen:
                    continue
                seen.add(key)
                if not isinstance(item, co.Report):
                    item = filed[key] = _report(item)
                out.append(item)
        return out

    def load(self, db: Backend, reports: Sequence[co.Report], batch: set[str]) -> None:
        """Read, in one query, what ``reports`` look in and the cache lacks (see the class).
        Rows of the articles in ``batch`` are left out: the batch files its own."""
        cells = {c for r in reports for c in co.lookup_cells(r) if c[2] not in self.buckets} - self.loaded
        if not cells:
            return
        buckets = {b for _, _, b in cells}
        where, params = ["e.modality = ?"], ["asserted"]
        ranges = _ranges(sorted(buckets))
        where.append("(" + " OR ".join("(e.event_date >= ? AND e.event_date < ?)" for _ in ranges) + ")")
        for lo, hi in ranges:
            params += [dt.date.fromordinal(lo * co.BUCKET_DAYS), dt.date.fromordinal((hi + 1) * co.BUCKET_DAYS)]
        whole = len(buckets) <= self.wide
        if not whole:
            types = sorted({t for t, _, _ in cells})
            countries = sorted({c for _, c, _ in cells if c})
            where.append(f"e.type IN ({_marks(types)})")
            params += types
            places = []
            if countries:
                places.append(f"e.location_country IN ({_marks(countries)})")
                places.append("e.actor_countries && CAST(? AS TEXT[])")
                places.append("e.recipient_countries && CAST(? AS TEXT[])")
                params += [*countries, countries, countries]
            if any(not c for _, c, _ in cells):
                places.append("(e.location_country IS NULL AND COALESCE(array_to_string(e.actor_countries, ''), '') = ''"
                              " AND COALESCE(array_to_string(e.recipient_countries, ''), '') = '')")
            where.append("(" + " OR ".join(places) + ")")
        rows = db.execute(f"SELECT {', '.join(_COLUMNS)} FROM events e WHERE {' AND '.join(where)}", params)
        for row in rows:
            day = _day(row[3])
            if row[1] in batch or day is None:
                continue
            b = co.bucket(day)
            filed = [(row[2], c, b) for c in sorted(_countries(row[7], row[8], row[11])) or [""]]
            self.file((row[1], row[0]), row, filed if whole else [c for c in filed if c in cells])
        if whole:
            self.buckets |= buckets
        else:
            self.loaded |= cells


def _ranges(buckets: list[int]) -> list[tuple[int, int]]:
    """Sorted bucket numbers as (first, last) runs of consecutive buckets."""
    out: list[tuple[int, int]] = []
    for b in buckets:
        if out and b == out[-1][1] + 1:
            out[-1] = (out[-1][0], b)
        else:
            out.append((b, b))
    return out


class Corroboration:
    """Copy groups, incidents and grades for one batch of new articles (see the module docstring)."""

    def __init__(self, db: Backend, articles: Sequence[Article], cache: Optional[CandidateCache] = None):
        self.db = db
        self.cache = cache if cache is not None else CandidateCache()
        self.batch = {a.id for a in articles}
        self.copies: list[tuple[str, str, str, list[str]]] = []
        self.placed: dict[tuple[str, str], str] = {}
        self.members: dict[str, list[tuple[tuple, co.Report]]] = defaultdict(list)  # incident -> (order, report)
        self.grades: dict[str, co.Grade] = {}
        self.stored_grades: dict[str, set[str]] = {}  # stored incident -> grades its stored events have
        ok = [a for a in articles if a.status == "ok"]
        groups = self._copy_groups(ok)
        names = {a.id: a.name for article in ok for a in article.actors}
        batch: list[tuple[Article, Any, co.Report]] = []
        for article in ok:
            record = _record(article)
            claimed = co.claims(record)
            for event, ev in zip(article.events, record["events"]):
                batch.append((article, event, co.from_event(ev, record, copy_group=groups[article.id],
                                                            claimed=claimed)))
        placeable = [r for _, _, r in batch if r.modality == "asserted" and r.day is not None]
        self.cache.load(db, placeable, self.batch)
        for article, event, rep in batch:
            inc = None
            if rep.modality == "asserted" and rep.day is not None:
                inc = co.best_incident(rep, self.cache.candidates(rep))
            rep = replace(rep, incident=inc or co.incident_id(rep.event_id))
            self.placed[(article.id, event.id)] = rep.incident
            self.members[rep.incident].append(((article.id, event.evidence.start or 0, event.id), rep))
            if rep.modality == "asserted" and rep.day is not None:
                self.cache.place(rep)
        # An incident with stored events is regraded with them; the others are new.
        stored = _stored(db, list(self.members), names)
        for inc, reps in self.members.items():
            old = stored.get(inc, [])
            if old:
                self.stored_grades[inc] = {g for _, _, g in old}
            everything = sorted([(order, r) for order, r, _ in old] + reps, key=lambda x: x[0])
            self.members[inc] = everything
            self.grades[inc] = co.grade([r for _, r in everything], names)

    # -- copies -------------------------------------------------------------------------

    def _copy_groups(self, articles: Sequence[Article]) -> dict[str, str]:
        """Each article's copy group: that of its most similar earlier article (stored, or
        before it in the batch) if it is a copy, else its own id."""
        sigs = {a.id: co.signature(a.text) for a in articles}
        keys = {a.id: co.band_keys(sigs[a.id]) for a in articles}
        every = sorted({k for ks in keys.values() for k in ks})
        sharing: dict[str, set[str]] = defaultdict(set)  # band -> stored articles
        for chunk in _chunks(every):
            for band, aid in self.db.execute(
                    f"SELECT band, article_id FROM copy_bands WHERE band IN ({_marks(chunk)})", chunk):
                sharing[band].add(aid)
        found = sorted({a for ids in sharing.values() for a in ids})
        stored: dict[str, tuple[tuple[int, ...], str]] = {}
        for chunk in _chunks(found):
            for aid, sig, group in self.db.execute(
                    f"SELECT article_id, signature, copy_group FROM copies WHERE article_id IN ({_marks(chunk)})",
                    chunk):
                stored[aid] = (co.decode_signature(sig), group)
        groups: dict[str, str] = {}
        bands_in_batch: dict[str, list[str]] = defaultdict(list)
        for article in articles:
            mine = keys[article.id]
            cands = {a for k in mine for a in sharing.get(k, ()) if a in stored}
            earlier = {a for k in mine for a in bands_in_batch.get(k, ())}
            group = co.copy_group(article.id, sigs[article.id],
                                  [(a, *stored[a]) for a in cands]
                                  + [(a, sigs[a], groups[a]) for a in earlier])
            groups[article.id] = group
            for k in mine:
                bands_in_batch[k].append(article.id)
            self.copies.append((article.id, group, co.encode_signature(sigs[article.id]), mine))
        return groups

    # -- rows -----------------------------------------------------------------------------

    def patch(self, event_rows: list[tuple], columns: Sequence[str]) -> list[tuple]:
        """Event rows with their incident id and grade filled in."""
        i_aid, i_id, i_inc, i_grade = (columns.index(c) for c in ("article_id", "id", "incident_id", "grade"))
        out = []
        for row in event_rows:
            inc = self.placed.get((row[i_aid], row[i_id]))
            if inc is not None:
                row = list(row)
                row[i_inc] = inc
                row[i_grade] = self.grades[inc].grade
                row = tuple(row)
            out.append(row)
        return out

    def write(self) -> set[str]:
        """Record the copies and the incidents that changed; returns their ids."""
        db = self.db
        db.insert("copies", ("article_id", "copy_group", "signature"), [c[:3] for c in self.copies])
        db.insert("copy_bands", ("band", "article_id"), [(k, c[0]) for c in self.copies for k in c[3]])
        stored = sorted(self.stored_grades)
        for chunk in _chunks(stored):
            db.execute(f"DELETE FROM incidents WHERE id IN ({_marks(chunk)})", chunk)
        db.insert("incidents", _INCIDENT_COLUMNS, [_incident_row(inc, self.grades[inc], self.members[inc])
                                                   for inc in self.members])
        changed: dict[str, list[str]] = defaultdict(list)  # new grade -> stored incidents
        for inc in stored:
            if self.stored_grades[inc] - {self.grades[inc].grade}:
                changed[self.grades[inc].grade].append(inc)
        for grade, incs in sorted(changed.items()):
            for chunk in _chunks(incs):
                db.execute(f"UPDATE events SET grade = ? WHERE incident_id IN ({_marks(chunk)}) AND grade <> ?",
                           [grade, *chunk, grade])
        return set(self.members)


def _incident_row(inc: str, graded: co.Grade, members: Sequence[tuple[tuple, co.Report]]) -> tuple:
    reports = [r for _, r in members]
    return (inc, graded.grade, list(graded.reasons), [r.event_id for r in reports],
            sorted({r.article_id for r in reports}), list(graded.sources))


def _stored(db: Backend, incidents: list[str], names: dict[str, str]
            ) -> dict[str, list[tuple[tuple, co.Report, str]]]:
    """The stored reports of those ``incidents`` that hold stored events (incident ->
    (order, report, grade)), with their publishers, copy groups, speakers and claimants;
    adds their actors' names to ``names``.  (An incident has a row exactly when it holds
    events: both are written in one transaction.)
    """
    rows: list[tuple] = []
    for chunk in _chunks(incidents):
        # No joins: DuckDB answers a join with a hash table over all articles, where these
        # lookups by key touch a few rows.
        rows += db.execute(
            f"SELECT {', '.join(_COLUMNS)}, e.attribution, e.actor_names, e.recipient_names, "
            f"e.evidence_start, e.grade FROM events e WHERE e.incident_id IN ({_marks(chunk)})", chunk)
    articles = sorted({r[1] for r in rows})
    publishers: dict[str, Optional[str]] = {}
    groups: dict[str, str] = {}
    for chunk in _chunks(articles):
        publishers.update(db.execute(f"SELECT id, publisher FROM articles WHERE id IN ({_marks(chunk)})", chunk))
        groups.update(db.execute(f"SELECT article_id, copy_group FROM copies WHERE article_id IN ({_marks(chunk)})",
                                 chunk))
    out: dict[str, list[tuple[tuple, co.Report, str]]] = {}
    speakers, claimed = _statements(db, articles)
    for r in rows:
        for ids, labels in ((r[5], r[15]), (r[6], r[16])):
            names.update(zip(list(ids or []), list(labels or [])))
        said = [s for q in (r[14] or []) if (s := speakers.get((r[1], q)))]
        rep = _report(r, publisher=publishers.get(r[1]), copy_group=groups.get(r[1]), speakers=said,
                      claimants=claimed.get((r[1], r[0]), ()))
        out.setdefault(r[13], []).append(((r[1], -1 if r[17] is None else r[17], r[0]), rep, r[18]))
    return out


def _statements(db: Backend, articles: Sequence[str]
                ) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], frozenset[str]]]:
    """For stored articles: (article, quote) -> speaker actor, and (article, event) ->
    claimants (:func:`corroborate.claims`, from the quotes and events of the articles)."""
    quotes: dict[str, list[dict]] = defaultdict(list)
    for chunk in _chunks(articles):
        for aid, qid, actor, cue in db.execute(
                "SELECT article_id, id, speaker_actor_id, cue_text FROM quotes "
                f"WHERE article_id IN ({_marks(chunk)}) AND speaker_actor_id IS NOT NULL", chunk):
            quotes[aid].append({"id": qid, "speaker": {"actor_id": actor}, "cue": {"text": cue or ""}})
    speakers = {(aid, q["id"]): q["speaker"]["actor_id"] for aid, qs in quotes.items() for q in qs}
    from ..quotes import claims_responsibility

    claiming = sorted(aid for aid, qs in quotes.items() if any(claims_responsibility(q["cue"]["text"]) for q in qs))
    claimed: dict[tuple[str, str], frozenset[str]] = {}
    for chunk in _chunks(claiming):
        events: dict[str, list[dict]] = defaultdict(list)
        for aid, eid, etype, modality, start, attribution in db.execute(
                "SELECT article_id, id, type, modality, evidence_start, attribution FROM events "
                f"WHERE article_id IN ({_marks(chunk)})", chunk):
            events[aid].append({"id": eid, "type": etype, "modality": modality, "evidence": {"start": start},
                                "attribution": list(attribution or [])})
        for aid in chunk:
            found = co.claims({"id": aid, "quotes": quotes[aid], "events": events[aid]})
            claimed.update(((aid, eid), c) for eid, c in found.items())
    return speakers, claimed
