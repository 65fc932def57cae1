"""``eventwire eval plover-gsr``: the PLOVER gold-standard records (GSR) of the CAMEO manual.

The gold file is ``../shared/data/plover/PLOVER_GSR_CAMEO.txt`` (openeventdata/PLOVER,
CC BY-SA 4.0): 322 example sentences coded with PLOVER 0.5b1 labels and source/target
actor codes.  It is read where it lies; nothing of it is copied into the package.

Scoring rules (documented here because a reader must be able to replicate them):

- Labels: 0.5b1 names are mapped to today's with the manual's CAMEO-to-PLOVER table
  (section "CAMEO to PLOVER translation"): DEMAND -> REQUEST, DISAPPROVE -> ACCUSE,
  INVESTIGATE -> ACCUSE (CAMEO 09 is ACCUSE-investigate), FIGHT -> ASSAULT, YIELD ->
  CONCEDE; the other names are unchanged.  One 0.5b1 mode moved type: COERCE ``destroy``
  (demolished homes, blew up power lines) is today's ASSAULT ``destroy`` ("Intentional
  destruction of property", manual table "ASSAULT modes"; the crosswalk's CAMEO 1712
  "Destroy property" -> ASSAULT), so those records are scored as ASSAULT.
- Which predicted event answers a record: the events of the gold type if any, else all
  events; among them the one with the highest confidence (ties: the earliest).  A record
  with no event counts as a miss for every score; ``coverage`` is the share of records
  with at least one event.
- Actor/recipient country: the predicted event's actors (recipients) are mapped to codes:
  the actor's ISO3 country; else, for the international non-state entities of the manual's
  table "International Non-state actor names", ``IGO`` for an intergovernmental body,
  ``NGO`` for an organisation with no country of its own, ``IMG`` ("Transnational
  Militarized Group") for an armed group with no home country.  The record is right when
  that set shares a code with the gold codes.  Scored only over records whose gold source
  (target) has codes.  The manual's old CAMEO country codes are normalised (JAP -> JPN,
  ITL -> ITA, VTN -> VNM).  The GSR's own IGO/NGO choices are kept as they are (it codes
  Amnesty International and the Red Cross ``IGO``; we code them ``NGO`` and count the miss).
- Places coded as targets (decision, with the reason): the GSR was coded in the CAMEO era,
  when an event record had no location field, so a place the event happens in or to is
  often its target ("imposed a curfew in the town of Cizre" -> TUR, "would blockade Paris"
  -> FRA, "rioted at this jail in northern Israel" -> ISR).  PLOVER 2.0 records where an
  event happened in ``event_loc`` (manual, "Summary of event categories" and the JSON
  record fields) and makes the recipient optional for every type except COOPERATE, AID and
  SANCTION ("Requires recipient: No" in each type's section); for those optional-recipient
  types a PLOVER 2.0 coder rightly puts the place in the location and may leave the
  recipient empty.  So for a record of an optional-recipient type, a gold target whose
  text is a place is answered by the predicted event's *location* when the location's span
  overlaps that target text in the sentence (the same toponym, not merely the same country)
  and the location's country is one of the gold target codes.  For COOPERATE, AID and
  SANCTION the recipient must be named.  ``recipient_accuracy`` applies this convention;
  ``recipient_accuracy_strict`` does not (recipients only), and ``recipient_by_location``
  is the share of scored records that only the convention counts right, so the effect of
  the convention is always visible.
- Split: records alternate dev (odd position) / test (even position) in file order;
  rules are tuned on dev only.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Optional

from ..errors import UsageError
from . import Report

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
GSR = SHARED / "data" / "plover" / "PLOVER_GSR_CAMEO.txt"

# PLOVER 0.5b1 -> PLOVER 2.0 event names (manual, CAMEO to PLOVER translation table).
OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
             "FIGHT": "ASSAULT", "YIELD": "CONCEDE"}
# CAMEO-era country codes in the GSR that are not ISO 3166 alpha-3.
OLD_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
# 0.5b1 (event, mode) pairs whose mode is a different type in PLOVER 2.0.
OLD_MODES = {("COERCE", "destroy"): "ASSAULT"}
KIND_CODES = {"igo": "IGO"}
# International non-state codes for actors with no country (manual, table "International
# Non-state actor names"): an organisation is an NGO, an armed group a transnational one.
STATELESS_CODES = {"organization": "NGO", "armed_group": "IMG"}
# Types whose recipient PLOVER makes required ("Requires recipient: Yes"): a place in the
# event's location does not stand in for their recipient.
RECIPIENT_REQUIRED = frozenset({"COOPERATE", "AID", "SANCTION"})


@dataclass(frozen=True)
class GoldRecord:
    """One GSR record, with labels mapped to today's PLOVER."""

    id: str
    text: str
    date: Optional[str]
    type: str
    sources: frozenset[str]
    targets: frozenset[str]
    target_texts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Predicted:
    """What the pipeline said about one record, reduced to what is scored."""

    type: str
    actors: frozenset[str]
    recipients: frozenset[str]
    confidence: float = 0.0
    location: Optional[tuple[int, int, str]] = None  # (start, end, country) of the event's place


def plover_name(old: str, mode: str = "") -> str:
    """Today's PLOVER name for a 0.5b1 event name (and mode)."""
    old = old.strip().upper()
    moved = OLD_MODES.get((old, mode.strip().lower()))
    return moved or OLD_NAMES.get(old, old)


def _codes(value: Any) -> frozenset[str]:
    if not isinstance(value, list):
        return frozenset()
    out = set()
    for item in value:
        code = str(item.get("code", "")).strip().upper() if isinstance(item, dict) else ""
        if code:
            out.add(OLD_CODES.get(code, code))
    return frozenset(out)


def _texts(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(str(item.get("actorText", "")).strip() for item in value
                 if isinstance(item, dict) and str(item.get("actorText", "")).strip())


def load_gold(path: str | Path | None = None) -> list[GoldRecord]:
    """The GSR records (the DOCUMENT record skipped)."""
    gold_path = Path(path) if path else GSR
    if not gold_path.is_file():
        raise UsageError(f"{gold_path} not found; pass the path to PLOVER_GSR_CAMEO.txt")
    try:
        raw = json.loads(gold_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise UsageError(f"{gold_path} is not the PLOVER GSR JSON file ({exc})") from None
    records = []
    for item in raw:
        if not isinstance(item, dict) or item.get("event") == "DOCUMENT" or not item.get("text"):
            continue
        records.append(GoldRecord(
            id=str(item.get("id")), text=str(item["text"]), date=item.get("date") or None,
            type=plover_name(str(item.get("event", "")), str(item.get("mode") or "")),
            sources=_codes(item.get("source")), targets=_codes(item.get("target")),
            target_texts=_texts(item.get("target"))))
    return records


def actor_codes(ids: Iterable[str], actors_by_id: dict[str, Any]) -> frozenset[str]:
    """Country codes (or IGO) of the actors with these ids."""
    out = set()
    for actor_id in ids:
        actor = actors_by_id.get(actor_id)
        if actor is None:
            continue
        if actor.country:
            out.add(actor.country)
        elif actor.kind in KIND_CODES:
            out.add(KIND_CODES[actor.kind])
        elif actor.sector in ("NGO", "IGO"):
            out.add(actor.sector)
        elif actor.kind in STATELESS_CODES:
            out.add(STATELESS_CODES[actor.kind])
    return frozenset(out)


def predictions(article: Any) -> list[Predicted]:
    """The article's events reduced to type and actor/recipient codes."""
    by_id = {a.id: a for a in article.actors}
    out = []
    for e in article.events:
        loc = e.location
        place = (loc.span.start, loc.span.end, loc.country) if loc is not None and loc.country else None
        out.append(Predicted(e.type, actor_codes(e.actors, by_id), actor_codes(e.recipients, by_id),
                             e.confidence, place))
    return out


def place_answers(gold: GoldRecord, got: Predicted) -> bool:
    """Whether the predicted event's location answers a gold target that is a place (see the
    module docstring): an optional-recipient type, the same toponym, a gold target country."""
    if gold.type in RECIPIENT_REQUIRED or got.location is None:
        return False
    start, end, country = got.location
    if country not in gold.targets:
        return False
    for text in gold.target_texts:
        at = gold.text.find(text)
        while at >= 0:
            if start < at + len(text) and at < end:
                return True
            at = gold.text.find(text, at + 1)
    return False


def choose(gold_type: str, predicted: list[Predicted]) -> Optional[Predicted]:
    """The predicted event that answers the gold record: the most confident event of the
    gold type, else the most confident event (ties: the earliest)."""
    if not predicted:
        return None
    pool = [p for p in predicted if p.type == gold_type] or predicted
    return max(enumerate(pool), key=lambda ip: (ip[1].confidence, -ip[0]))[1]


def score(pairs: list[tuple[GoldRecord, Optional[Predicted]]]) -> dict[str, float]:
    """Type, actor and recipient accuracy and coverage over (gold, chosen) pairs."""
    n = len(pairs)
    if not n:
        return {}
    typ = sum(1 for g, p in pairs if p is not None and p.type == g.type)
    with_src = [(g, p) for g, p in pairs if g.sources]
    with_tar = [(g, p) for g, p in pairs if g.targets]
    src = sum(1 for g, p in with_src if p is not None and p.actors & g.sources)
    tar = sum(1 for g, p in with_tar if p is not None and (p.recipients & g.targets or place_answers(g, p)))
    return {
        "type_accuracy": typ / n,
        "actor_accuracy": src / len(with_src) if with_src else 0.0,
        "recipient_accuracy": tar / len(with_tar) if with_tar else 0.0,
        "coverage": sum(1 for _, p in pairs if p is not None) / n,
    }


def place_scores(pairs: list[tuple[GoldRecord, Optional[Predicted]]]) -> dict[str, float]:
    """Recipient accuracy without the places-as-targets convention, and the share of records
    only the convention counts right (see the module docstring)."""
    with_tar = [(g, p) for g, p in pairs if g.targets and p is not None]
    n = sum(1 for g, _ in pairs if g.targets)
    if not n:
        return {}
    strict = sum(1 for g, p in with_tar if p.recipients & g.targets)
    by_place = sum(1 for g, p in with_tar if not p.recipients & g.targets and place_answers(g, p))
    return {"recipient_accuracy_strict": strict / n, "recipient_by_location": by_place / n}


def run(path: str | None = None, pipeline: Any = None, limit: Optional[int] = None) -> Report:
    """Score the pipeline on the GSR: all records, and the dev/test halves."""
    from ..pipeline import Pipeline

    pipe = pipeline or Pipeline()
    gold = load_gold(path)
    if limit:
        gold = gold[:limit]
    pairs: list[tuple[GoldRecord, Optional[Predicted]]] = []
    lines: list[str] = []
    for rec in gold:
        article = pipe.process(rec.text, published=rec.date)
        got = choose(rec.type, predictions(article))
        pairs.append((rec, got))
        if got is None or got.type != rec.type:
            lines.append(f"  x {rec.id}: gold {rec.type}, got {got.type if got else '-'}")
    scores = {**score(pairs), **place_scores(pairs)}
    for half, offset in (("dev", 0), ("test", 1)):
        part = pairs[offset::2]
        for key, value in {**score(part), **place_scores(part)}.items():
            scores[f"{half}_{key}"] = value
    lines.insert(0, f"{len(gold)} PLOVER GSR records")
    return Report("plover-gsr", scores, lines)
