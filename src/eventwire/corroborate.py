"""Corroboration: syndicated copies, incidents across articles, and their grades.

Pure functions over records and rows; the store (``store/core.py``) calls them as
articles arrive, and ``eventwire eval incidents`` scores them.

* **Copies.** An article's text becomes a MinHash signature of its word 4-shingles
  (``SIGNATURE_SIZE`` multiply-shift hashes); locality-sensitive bands (``BANDS`` of
  ``ROWS`` values) find earlier articles that may be copies, and an estimated Jaccard
  similarity of at least ``COPY_SIMILARITY`` makes one a copy: it joins that article's
  *copy group*.  One wire story carried by twenty sites is one copy group, so one source.
* **Incidents.** An asserted event joins the incident of the best-matching earlier event
  (:func:`match`): a compatible type, dates within ``DAY_WINDOW`` days, locations within
  ``NEAR_KM`` (and none further apart than ``FAR_KM``), shared actors or countries, and
  similar evidence.  Candidates come from an index by (type, country, date bucket), so
  adding an article compares it with the events of a few days in the same countries, not
  with everything stored.
* **Grades** (:func:`grade`), as civilian-harm monitors grade reports:
  ``acknowledged`` (the acting party itself reports it: a claim of responsibility, or its
  own statement reporting the act), ``contested`` (independent sources name different
  actors, or different targets), ``corroborated`` (two or more independent sources), else
  ``single_source``.  Sources are copy groups, merged when they share a publisher; each
  grade comes with its reasons.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Iterable, Optional, Sequence

import numpy as np

__all__ = [
    "Report", "IncidentIndex", "Grade", "signature", "similarity", "band_keys", "match",
    "grade", "incident_id", "CopyIndex", "claims", "acknowledgements",
]

SHINGLE = 4
SIGNATURE_SIZE = 64
BANDS, ROWS = 32, 2
COPY_SIMILARITY = 0.5
DAY_WINDOW = 3
MONTH_WINDOW = 31
NEAR_KM = 60.0
FAR_KM = 150.0
MATCH_THRESHOLD = 0.45
BUCKET_DAYS = 4
# Types that one incident may be reported as: a raid is an assault to one outlet and
# arrests to another; a protest broken up by police is a protest, coercion or an assault
# depending on the sentence; talks that end in a deal are a meeting and an agreement.
_FAMILIES = ({"ASSAULT", "COERCE", "PROTEST"}, {"CONSULT", "AGREE"})
COMPATIBLE = {t: frozenset(f) for f in _FAMILIES for t in f}
_STOP = frozenset("""a an the of in on at to for and or but by with from as that this these those is are was
were be been has have had it its their his her they he she said says say told on after before over
than about into up out also which who whom when where while not no s t""".split())

_rng = np.random.default_rng(20240917)  # fixed: signatures must be the same in every process
_A = (_rng.integers(1, 2**63, SIGNATURE_SIZE, dtype=np.uint64) | np.uint64(1))
_B = _rng.integers(0, 2**63, SIGNATURE_SIZE, dtype=np.uint64)


# -- copies ---------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def signature(text: str) -> tuple[int, ...]:
    """MinHash signature of the word 4-shingles of ``text`` (``SIGNATURE_SIZE`` 32-bit values)."""
    words = _words(text)
    if not words:
        return tuple([0] * SIGNATURE_SIZE)
    grams = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    x = np.fromiter((int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "little")
                     for g in grams), dtype=np.uint64, count=len(grams))
    with np.errstate(over="ignore"):
        h = (_A[:, None] * x[None, :] + _B[:, None]) >> np.uint64(32)
    return tuple(int(v) for v in h.min(axis=1))


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    if not a or not b:
        return 0.0
    return sum(1 for x, y in zip(a, b) if x == y) / len(a)


def band_keys(sig: Sequence[int]) -> list[str]:
    """LSH band keys: articles sharing one are candidate copies."""
    return [f"{b}:" + "-".join(f"{v:x}" for v in sig[b * ROWS:(b + 1) * ROWS]) for b in range(BANDS)]


def encode_signature(sig: Sequence[int]) -> str:
    return ",".join(f"{v:x}" for v in sig)


def decode_signature(text: str) -> tuple[int, ...]:
    return tuple(int(v, 16) for v in text.split(",")) if text else ()


class CopyIndex:
    """In-memory copy detection: ``add`` returns the copy group an article joins."""

    def __init__(self) -> None:
        self.bands: dict[str, list[str]] = defaultdict(list)
        self.sigs: dict[str, tuple[int, ...]] = {}
        self.group: dict[str, str] = {}

    def add(self, article_id: str, text: str) -> str:
        sig = signature(text)
        keys = band_keys(sig)
        candidates = {c for k in keys for c in self.bands.get(k, ())}
        group = copy_group(article_id, sig, ((c, self.sigs[c], self.group[c]) for c in candidates))
        for k in keys:
            self.bands[k].append(article_id)
        self.sigs[article_id] = sig
        self.group[article_id] = group
        return group


def copy_group(article_id: str, sig: Sequence[int],
               candidates: Iterable[tuple[str, Sequence[int], str]]) -> str:
    """The copy group of a new article: that of its most similar candidate (article id,
    signature, group) at ``COPY_SIMILARITY`` or more, else its own id."""
    best, best_sim = article_id, COPY_SIMILARITY - 1e-9
    for cid, csig, cgroup in sorted(candidates):
        s = similarity(sig, csig)
        if s > best_sim:
            best, best_sim = cgroup, s
    return best


# -- events as reported ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Report:
    """One event as one article reports it: what matching and grading need to know."""

    event_id: str
    article_id: str
    type: str
    day: Optional[dt.date]
    granularity: Optional[str] = "day"
    actors: frozenset[str] = frozenset()
    recipients: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    lat: Optional[float] = None
    lon: Optional[float] = None
    location_country: Optional[str] = None
    evidence: frozenset[str] = frozenset()
    publisher: Optional[str] = None
    copy_group: Optional[str] = None
    speakers: frozenset[str] = frozenset()   # actor ids of the statements that report it
    modality: str = "asserted"
    incident: Optional[str] = None
    claimants: frozenset[str] = frozenset()  # actor ids claiming responsibility for it

    @property
    def source(self) -> str:
        return self.copy_group or self.article_id


def evidence_words(text: Optional[str]) -> frozenset[str]:
    """Content words of an evidence sentence (for similarity)."""
    return frozenset(w for w in _words(text or "") if w not in _STOP and len(w) > 2)


def from_event(event: dict, article: dict, *, copy_group: Optional[str] = None,
               claimed: Optional[dict[str, frozenset[str]]] = None) -> Report:
    """A :class:`Report` from an event and its article, as dicts of the article record.

    ``claimed`` is :func:`claims` of the article (computed here when not given).
    """
    from .store.rows import period_start

    known: dict[str, dict] = {}
    for a in article.get("actors", ()):
        known.setdefault(a["id"], a)  # the first mention names an actor, as in the store's rows
    speakers = {q["id"]: q["speaker"].get("actor_id") for q in article.get("quotes", ())}
    ids = list(event.get("actors", ())) + list(event.get("recipients", ()))
    loc = event.get("location") or {}
    countries = {known[i]["country"] for i in ids if i in known and known[i].get("country")}
    if loc.get("country"):
        countries.add(loc["country"])
    date = event.get("date") or {}
    if claimed is None:
        claimed = claims(article)
    return Report(
        event_id=event["id"], article_id=article["id"], type=event["type"],
        day=period_start(date.get("value")), granularity=date.get("granularity"),
        actors=frozenset(event.get("actors", ())), recipients=frozenset(event.get("recipients", ())),
        countries=frozenset(countries), lat=loc.get("lat"), lon=loc.get("lon"),
        location_country=loc.get("country"), evidence=evidence_words((event.get("evidence") or {}).get("text")),
        publisher=article.get("publisher"), copy_group=copy_group,
        speakers=frozenset(s for q in event.get("attribution", ()) if (s := speakers.get(q))),
        modality=event.get("modality", "asserted"), claimants=claimed.get(event["id"], frozenset()),
    )


# Acts a party claims responsibility for: attacks and coercion (CAMEO 015 "claim
# responsibility" is used of bombings, raids, kidnappings, assassinations).
CLAIMABLE = frozenset({"ASSAULT", "COERCE"})


def claims(article: dict) -> dict[str, frozenset[str]]:
    """Event id -> the named actors that claim responsibility for it in this article.

    A claim is a statement whose cue is a claim of responsibility ("al-Shabaab claimed
    responsibility for the attack"; see :func:`eventwire.quotes.claims_responsibility`).
    It is about the asserted attacks reported inside it ("... claimed responsibility for a
    car bomb that killed eight"), else about the article's first asserted attack: a wire
    story leads with the attack that a later paragraph says was claimed.
    """
    from .quotes import claims_responsibility

    claimants: dict[str, str] = {}  # claim quote id -> claimant
    for q in article.get("quotes", ()):
        actor = (q.get("speaker") or {}).get("actor_id")
        if actor and _named(actor) and claims_responsibility((q.get("cue") or {}).get("text", "")):
            claimants[q["id"]] = actor
    if not claimants:
        return {}
    attacks = sorted((e for e in article.get("events", ())
                      if e.get("type") in CLAIMABLE and e.get("modality", "asserted") == "asserted"),
                     key=lambda e: ((e.get("evidence") or {}).get("start", 0), e["id"]))
    out: dict[str, set[str]] = defaultdict(set)
    for qid, actor in claimants.items():
        inside = [e for e in attacks if qid in e.get("attribution", ())]
        for e in inside or attacks[:1]:
            out[e["id"]].add(actor)
    return {k: frozenset(v) for k, v in out.items()}


def _named(actor_id: str) -> bool:
    return not actor_id.startswith("ew:group:")


def _km(a: Report, b: Report) -> Optional[float]:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dl = math.radians(b.lon - a.lon)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def match(a: Report, b: Report) -> Optional[float]:
    """How well two reports describe one incident (0..1), or None when they cannot."""
    if b.type not in COMPATIBLE.get(a.type, {a.type}) or a.day is None or b.day is None:
        return None
    days = abs((a.day - b.day).days)
    fine = a.granularity in ("day", "time", None) and b.granularity in ("day", "time", None)
    if days > (DAY_WINDOW if fine else MONTH_WINDOW):
        return None
    km = _km(a, b)
    if km is not None and km > FAR_KM:
        return None
    if a.location_country and b.location_country and a.location_country != b.location_country:
        return None
    shared = _shared_parties(a, b)
    near = km is not None and km <= NEAR_KM
    ev = len(a.evidence & b.evidence) / len(a.evidence | b.evidence) if a.evidence and b.evidence else 0.0
    if not (shared or near or ev >= 0.2):
        return None
    score = (0.4 * shared + (0.3 if near else 0.0) + 0.3 * min(1.0, ev * 2.5)
             + (0.1 if a.countries & b.countries else 0.0) + (0.05 if a.type == b.type else 0.0)
             - 0.03 * days)
    return score if score >= MATCH_THRESHOLD else None


def _overlap(x: frozenset[str], y: frozenset[str]) -> float:
    return len(x & y) / min(len(x), len(y)) if x and y else 0.0


def _shared_parties(a: Report, b: Report) -> float:
    """How much two reports agree on who acted on whom (0..1).

    Named actors weigh in full when they are in the same role in both reports, half when
    one report's actor is the other's recipient (sources may disagree on who did it, but
    "X attacked a village" and "the air force bombed X" are usually two incidents).
    Generic groups ("unidentified gunmen", "civilians") count only when neither report
    names anyone in that role, and then half: every attack has them.
    """
    best = 0.0
    for x, y in ((a.actors, b.actors), (a.recipients, b.recipients)):
        nx, ny = _specific(x), _specific(y)
        best = max(best, _overlap(nx, ny) if nx and ny else 0.5 * _overlap(x, y))
    cross = max(_overlap(_specific(a.actors), _specific(b.recipients)),
                _overlap(_specific(a.recipients), _specific(b.actors)))
    return max(best, 0.5 * cross)


def incident_id(first_event_id: str) -> str:
    """The id of an incident founded by an event (stable: a hash of that event's id)."""
    return "inc-" + hashlib.sha1(first_event_id.encode()).hexdigest()[:14]


def best_incident(report: Report, candidates: Iterable[Report]) -> Optional[str]:
    """The incident of the best-matching candidate (each carrying its ``incident``), if any."""
    best, best_score = None, -1.0
    for c in candidates:
        if c.incident is None or c.article_id == report.article_id and c.event_id == report.event_id:
            continue
        s = match(report, c)
        if s is not None and (s > best_score or s == best_score and c.incident < best):
            best, best_score = c.incident, s
    return best


def bucket(day: dt.date) -> int:
    """The date bucket of the index (``BUCKET_DAYS`` days)."""
    return day.toordinal() // BUCKET_DAYS


def candidate_buckets(day: dt.date, granularity: Optional[str] = "day") -> range:
    window = DAY_WINDOW if granularity in ("day", "time", None) else MONTH_WINDOW
    return range(bucket(day - dt.timedelta(days=window)), bucket(day + dt.timedelta(days=window)) + 1)


Cell = tuple[str, str, int]  # (type, country or "", date bucket)


def index_cells(report: Report) -> list[Cell]:
    """The index cells a placed report is filed under: one per country it involves."""
    return [(report.type, c, bucket(report.day)) for c in sorted(report.countries) or [""]]


def lookup_cells(report: Report) -> list[Cell]:
    """The cells whose reports may match ``report``: compatible types, its countries (and
    reports with no country), the date buckets within the window."""
    countries = sorted(report.countries) + [""]
    return [(t, c, b) for t in sorted(COMPATIBLE.get(report.type, {report.type})) for c in countries
            for b in candidate_buckets(report.day, report.granularity)]


def candidates(report: Report, index: dict[Cell, list[Report]]) -> list[Report]:
    """The reports filed in ``report``'s lookup cells, each once."""
    seen: set[tuple[str, str]] = set()
    out = []
    for cell in lookup_cells(report):
        for c in index.get(cell, ()):
            if (c.article_id, c.event_id) not in seen:
                seen.add((c.article_id, c.event_id))
                out.append(c)
    return out


class IncidentIndex:
    """Incremental incident clustering in memory: an index by (type, country, date bucket).

    ``add`` places a report in an incident and returns its id; only the reports of
    compatible types, sharing a country, in the neighbouring buckets are compared.
    """

    def __init__(self) -> None:
        self.index: dict[Cell, list[Report]] = defaultdict(list)
        self.incidents: dict[str, list[Report]] = {}

    def add(self, report: Report) -> str:
        found = None
        if report.modality == "asserted" and report.day is not None:
            found = best_incident(report, candidates(report, self.index))
        inc = found or incident_id(report.event_id)
        placed = replace(report, incident=inc)
        self.incidents.setdefault(inc, []).append(placed)
        if report.modality == "asserted" and report.day is not None:
            for cell in index_cells(placed):
                self.index[cell].append(placed)
        return inc


# -- grades ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Grade:
    grade: str
    reasons: tuple[str, ...]
    sources: tuple[str, ...]


def independent_sources(reports: Sequence[Report]) -> list[list[Report]]:
    """Reports grouped by independent source: copy groups, joined where they share a publisher."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in reports:
        find("g:" + r.source)
        if r.publisher:
            parent[find("p:" + r.publisher.lower())] = find("g:" + r.source)
    groups: dict[str, list[Report]] = defaultdict(list)
    for r in reports:
        groups[find("g:" + r.source)].append(r)
    return [groups[k] for k in sorted(groups, key=lambda k: min(r.article_id for r in groups[k]))]


def _label(group: Sequence[Report]) -> str:
    """A source's name: the publisher of its original (the article its copies copied)."""
    first = sorted(group, key=lambda r: (r.article_id != r.source, r.article_id))
    return next((r.publisher for r in first if r.publisher), first[0].article_id if first else "unknown")


def _specific(ids: frozenset[str]) -> frozenset[str]:
    """Named actors only: "unidentified armed group", "civilians" and other generic
    sector groups (``ew:group:...``) disagree with nobody."""
    return frozenset(i for i in ids if _named(i))


def acknowledgements(reports: Sequence[Report], show=lambda ids: ", ".join(sorted(ids))) -> list[str]:
    """Why the acting party itself reports an incident: one reason per way it does, or none.

    Only acts of force and coercion (``CLAIMABLE``) are acknowledged, as harm monitors
    grade them: an agreement or a protest reported by its own parties is just reported.

    * a claim of responsibility by a named party (:func:`claims`);
    * a statement of a party that the same report names as the actor ("the army said it
      had carried out strikes": a state, its ministries and its forces share one actor id);
    * a statement of a named party that another report of the incident names as the
      actor, where the statement's own report names no actor and does not make that party
      the target ("Ukrainian drones hit the terminal" + "Ukraine's military intelligence
      said its drones had hit the terminal").
    """
    out: list[str] = []
    ordered = sorted((r for r in reports if r.type in CLAIMABLE), key=lambda r: (r.article_id, r.event_id))
    claimed = [(r, c) for r in ordered for c in sorted(r.claimants)]
    if claimed:
        r, c = claimed[0]
        out.append(f"acknowledged: {show({c})} claimed responsibility ({r.article_id})")
    own = [(r, r.actors & r.speakers) for r in ordered if r.actors & r.speakers]
    if own:
        r, ids = own[0]
        out.append(f"acknowledged: {show(ids)} reports it in its own statement ({r.article_id})")
        return out
    for r in ordered:
        if _specific(r.actors) or not _specific(r.speakers):
            continue
        for other in ordered:
            party = _specific(r.speakers & other.actors) - r.recipients
            if other is not r and party:
                out.append(f"acknowledged: {show(party)}, named as the actor in {other.article_id}, "
                           f"reports it in its own statement ({r.article_id})")
                return out
    return out


def grade(reports: Sequence[Report], names: Optional[dict[str, str]] = None) -> Grade:
    """Grade an incident from its reports; ``names`` gives actor names for the reasons."""
    names = names or {}
    show = lambda ids: ", ".join(sorted(names.get(i, i) for i in ids)) or "nobody"  # noqa: E731
    groups = independent_sources(reports)
    sources = tuple(_label(g) for g in groups)
    reasons: list[str] = []
    n_articles = len({r.article_id for r in reports})
    if n_articles > len(groups):
        reasons.append(f"{n_articles} articles from {len(groups)} independent source(s); "
                       "syndicated copies and one outlet's reports count once")
    acknowledged = acknowledgements(reports, show)
    reasons.extend(acknowledged)
    disputes = []
    for role in ("actors", "recipients"):
        versions: dict[frozenset[str], str] = {}
        for g in groups:
            for r in g:
                ids = _specific(getattr(r, role))
                if ids:
                    versions.setdefault(ids, _label(g))
        distinct = list(versions.items())
        for i, (ids, src) in enumerate(distinct):
            for other, osrc in distinct[i + 1:]:
                if not ids & other and src != osrc:
                    word = "who did it" if role == "actors" else "whom it targeted"
                    disputes.append(f"contested ({word}): {src} says {show(ids)}; {osrc} says {show(other)}")
    reasons.extend(disputes[:3])
    if len(groups) >= 2:
        reasons.append(f"corroborated by {len(groups)} independent sources: {', '.join(sources)}")
    else:
        reasons.append(f"single source: {sources[0] if sources else 'unknown'}")
    if acknowledged:
        g = "acknowledged"
    elif disputes:
        g = "contested"
    elif len(groups) >= 2:
        g = "corroborated"
    else:
        g = "single_source"
    return Grade(g, tuple(reasons), sources)
