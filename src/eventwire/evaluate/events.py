"""``eventwire eval events``: the hand-coded event gold set.

Gold files are ``data/gold/events/*.gold`` (or PATH, a file or a directory of them): one
record a line, seven fields separated by `` | ``::

    text | PLOVER type | ACLED sub-event type or - | actor | recipient | modality | counts

``actor``/``recipient`` name a country (ISO3) or a canonical actor name, several joined
with ``+``, ``-`` for none; ``counts`` is ``-`` or ``f=N i=N a=N`` (fatalities, injured,
arrested).  ``#`` starts a comment line; a ``# source:`` comment names where the following
lines come from.  The records were coded by hand from the text, never from eventwire's
output.

Scoring rules:

- Which predicted event answers a record: the events of the gold PLOVER type if any, else
  all events; among them those with the gold ACLED sub-type first, then the most confident
  (ties: the earliest).  No event = a miss on every score; ``coverage`` counts records with
  one.
- ``acled_weighted_f1``: per ACLED sub-type F1 (a record with no gold sub-type that gets one
  is a false positive of that sub-type; a gold sub-type answered by none is a false
  negative), averaged with the gold supports as weights.
- ``plover_accuracy``, ``modality_accuracy``: exact match of the chosen event.
- ``actor_accuracy`` / ``recipient_accuracy``: over records with a gold actor (recipient),
  right when one predicted actor has a gold country or a gold name (a name also answers through
  the actor catalogue's aliases: gold "RSF" is the actor "Rapid Support Forces").
  A gold actor named by a generic word ("civilians", "police", "protesters", "militants")
  is answered by a predicted actor of the PLOVER sector that word names (``GENERIC``):
  eventwire names such groups by sector and country ("Civilians (Kenya)", Kenya's police).
  "civilians" is answered by any unarmed people's group (students, farmers, worshippers, aid
  workers, refugees, journalists, medics): ACLED's civilians are unarmed non-combatants, and it
  names such victims "Civilians (Nigeria)" with the group ("Farmers (Nigeria)") as associated actor.
- ``counts_accuracy``: over records with gold counts, every gold count equal.
- Split: lines alternate dev (1st, 3rd, ...) / test (2nd, 4th, ...) within each file.

Real-news subset (``*.offsets``): sentences of TR-News (``../shared/data/geo/TR-News.xml``,
GPL), kept as ``docid | start | end | published | PLOVER | ACLED | actor | recipient |
modality | counts``; the sentence is read from the article's ``<text>`` at eval time, so no
GPL text is copied.  Scored separately as ``trnews_*`` (a held-out-like check: nothing is
tuned on it); skipped with a note when the shared file is absent.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Optional

from ..errors import UsageError
from . import Report

GOLD = Path(__file__).resolve().parent.parent / "data" / "gold" / "events"
TRNEWS = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "geo" / "TR-News.xml"
PUBLISHED = "2024-03-15"
MODALITIES = ("asserted", "hypothetical", "future", "negated", "historical")


@dataclass(frozen=True)
class GoldEvent:
    """One hand-coded record."""

    text: str
    type: str
    acled: Optional[str]
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    modality: str
    counts: dict[str, int] = field(default_factory=dict)
    source: str = ""
    line: int = 0
    published: Optional[str] = PUBLISHED


@dataclass(frozen=True)
class Predicted:
    """One predicted event reduced to what is scored."""

    type: str
    acled: Optional[str]
    actors: frozenset[str]  # countries and lower-cased names
    recipients: frozenset[str]
    modality: str
    counts: dict[str, Optional[int]] = field(default_factory=dict)
    confidence: float = 0.0


def _names(field_: str) -> tuple[str, ...]:
    field_ = field_.strip()
    return () if field_ in ("", "-") else tuple(x.strip() for x in field_.split("+") if x.strip())


def _counts(field_: str) -> dict[str, int]:
    keys = {"f": "fatalities", "i": "injured", "a": "arrested"}
    return {keys[k]: int(v) for k, v in re.findall(r"\b([fia])=(\d+)", field_)}


def _rows(text: str, fields: int, source_name: str) -> Iterator[tuple[int, list[str], str]]:
    """(line number, fields, source note) of each record line; ``# source:`` comments set the note."""
    from ..coding import PLOVER_TYPES

    source = source_name
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            m = re.match(r"#\s*source:\s*(.+)", line)
            if m:
                source = m.group(1).strip()
            continue
        parts = [p.strip() for p in line.split(" | ")]
        if len(parts) != fields:
            raise UsageError(f"{source_name}:{n}: expected {fields} fields separated by ' | ', got {len(parts)}")
        type_, modality = parts[-6], parts[-2]
        if type_ not in PLOVER_TYPES or modality not in MODALITIES:
            raise UsageError(f"{source_name}:{n}: bad type {type_!r} or modality {modality!r}")
        yield n, parts, source


def parse_gold(text: str, source_name: str = "") -> list[GoldEvent]:
    """Records of one gold file."""
    out = []
    for n, parts, source in _rows(text, 7, source_name):
        text_, type_, acled, actor, recipient, modality, counts = parts
        out.append(GoldEvent(text_, type_, None if acled == "-" else acled, _names(actor), _names(recipient),
                             modality, _counts(counts), source, n))
    return out


def trnews_texts(path: str | Path | None = None) -> dict[str, str]:
    """docid -> article text of the TR-News corpus (empty when the file is absent)."""
    import xml.etree.ElementTree as ET

    xml_path = Path(path) if path else TRNEWS
    if not xml_path.is_file():
        return {}
    root = ET.parse(xml_path).getroot()
    return {a.get("docid", ""): (a.findtext("text") or "") for a in root.iter("article")}


def parse_offsets(text: str, articles: dict[str, str], source_name: str = "") -> list[GoldEvent]:
    """Records of one ``*.offsets`` file, their sentences read from ``articles``."""
    out = []
    for n, parts, source in _rows(text, 10, source_name):
        docid, start, end, published, type_, acled, actor, recipient, modality, counts = parts
        article = articles.get(docid)
        if article is None:
            raise UsageError(f"{source_name}:{n}: no article {docid} in TR-News")
        out.append(GoldEvent(article[int(start):int(end)], type_, None if acled == "-" else acled, _names(actor),
                             _names(recipient), modality, _counts(counts), source, n,
                             None if published == "-" else published))
    return out


def load_gold(path: str | Path | None = None) -> list[tuple[str, list[GoldEvent]]]:
    """(file name, records) for each gold file under ``path`` (default: the packaged set)."""
    root = Path(path) if path else GOLD
    files = [root] if root.is_file() else sorted(root.glob("*.gold")) if root.is_dir() else []
    if not files:
        raise UsageError(f"no *.gold event files at {root}")
    return [(f.name, parse_gold(f.read_text(encoding="utf-8"), f.name)) for f in files]


# Generic gold names -> the PLOVER sectors of the predicted actors that answer them.
GENERIC = {
    "civilians": {"CVL", "EDU", "AGR", "REL", "LAB", "REF", "JRN", "MED"}, "villagers": {"CVL"}, "protesters": {"CVL", "EDU", "LAB", "OPP", "SOC"},
    "rioters": {"CVL"}, "mob": {"CVL"}, "vigilantes": {"CVL", "PRM"}, "police": {"COP"},
    "rebels": {"REB"}, "militants": {"REB", "UAF"}, "militant": {"REB", "UAF"}, "gunmen": {"UAF", "REB"},
    "bandits": {"CRM", "UAF"}, "militia": {"PRM", "UAF"}, "opposition": {"OPP", "PTY"},
    "union": {"LAB"}, "workers": {"LAB"}, "students": {"EDU"}, "journalist": {"JRN"},
    "journalists": {"JRN"}, "activist": {"SOC"}, "soldiers": {"MIL"}, "army": {"MIL"}, "troops": {"MIL"},
}
_BY_SECTOR: dict[str, set[str]] = {}
for _word, _sectors in GENERIC.items():
    for _sector in _sectors:
        _BY_SECTOR.setdefault(_sector, set()).add(_word)


def predictions(article: Any) -> list[Predicted]:
    """An article's events reduced to what is scored."""
    by_id = {a.id: a for a in article.actors}

    def keys(ids) -> frozenset[str]:
        out = set()
        for i in ids:
            a = by_id.get(i)
            if a is None:
                continue
            if a.country:
                out.add(a.country)
            out.add(a.name.lower())
            out.add(a.id.lower())
            out.update(_BY_SECTOR.get(a.sector or "", ()))
        return frozenset(out)

    return [Predicted(e.type, e.acled.sub_event_type if e.acled else None, keys(e.actors), keys(e.recipients),
                      e.modality, {"fatalities": e.fatalities, "injured": e.injured, "arrested": e.arrested},
                      e.confidence) for e in article.events]


def choose(gold: GoldEvent, predicted: list[Predicted]) -> Optional[Predicted]:
    """The predicted event answering a gold record (see the module's scoring rules)."""
    if not predicted:
        return None
    pool = [p for p in predicted if p.type == gold.type] or predicted
    return max(enumerate(pool), key=lambda ip: (ip[1].acled == gold.acled, ip[1].confidence, -ip[0]))[1]


def _match(gold: tuple[str, ...], got: frozenset[str]) -> bool:
    return any(g in got or g.lower() in got or bool(_catalogue_ids(g) & got) for g in gold)


@functools.lru_cache(maxsize=None)
def _catalogue_ids(name: str) -> frozenset[str]:
    """The actor ids (lower-cased) whose alias is exactly the gold name: gold writes a group
    as news does ("RSF", "Houthi", "Red Cross"), eventwire names it canonically."""
    from .. import actors

    cat = actors.load_catalogue()
    node = cat.trie
    for token in actors._tokens(name):
        node = node.get(token.lower())
        if node is None:
            return frozenset()
    return frozenset(cat.entries[pat.entry].id.lower() for pat in node.get(actors._END, ()))


def weighted_f1(pairs: list[tuple[Optional[str], Optional[str]]]) -> float:
    """Support-weighted F1 over the gold labels of (gold, predicted) pairs; None = no label."""
    support = Counter(g for g, _ in pairs if g)
    if not support:
        return 0.0
    total = 0.0
    for label, n in support.items():
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        fn = n - tp
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        total += f1 * n
    return total / sum(support.values())


def score(pairs: list[tuple[GoldEvent, Optional[Predicted]]]) -> dict[str, float]:
    """Scores over (gold, chosen) pairs."""
    n = len(pairs)
    if not n:
        return {}

    def share(rows, ok) -> float:
        return sum(1 for g, p in rows if p is not None and ok(g, p)) / len(rows) if rows else 0.0

    with_actor = [(g, p) for g, p in pairs if g.actors]
    with_rec = [(g, p) for g, p in pairs if g.recipients]
    with_counts = [(g, p) for g, p in pairs if g.counts]
    return {
        "acled_weighted_f1": weighted_f1([(g.acled, p.acled if p else None) for g, p in pairs]),
        "plover_accuracy": share(pairs, lambda g, p: p.type == g.type),
        "modality_accuracy": share(pairs, lambda g, p: p.modality == g.modality),
        "actor_accuracy": share(with_actor, lambda g, p: _match(g.actors, p.actors)),
        "recipient_accuracy": share(with_rec, lambda g, p: _match(g.recipients, p.recipients)),
        "counts_accuracy": share(with_counts, lambda g, p: all(p.counts.get(k) == v for k, v in g.counts.items())),
        "coverage": sum(1 for _, p in pairs if p is not None) / n,
    }


def run(path: str | None = None, pipeline: Any = None, limit: Optional[int] = None) -> Report:
    """Score the pipeline on the event gold set: all records and the dev/test halves."""
    from ..pipeline import Pipeline

    pipe = pipeline or Pipeline()
    pairs, dev, test, lines = [], [], [], []
    for name, records in load_gold(path):
        for i, rec in enumerate(records[:limit] if limit else records):
            got = choose(rec, predictions(pipe.process(rec.text, published=rec.published)))
            pair = (rec, got)
            pairs.append(pair)
            (dev if i % 2 == 0 else test).append(pair)
            if got is None or got.type != rec.type or got.acled != rec.acled or got.modality != rec.modality:
                lines.append(f"  x {name}:{rec.line}: gold {rec.type}/{rec.acled}/{rec.modality}, got "
                             + (f"{got.type}/{got.acled}/{got.modality}" if got else "-"))
    scores = score(pairs)
    for half, rows in (("dev", dev), ("test", test)):
        for key, value in score(rows).items():
            scores[f"{half}_{key}"] = value
    real = _real_news(pipe, path, lines)
    for key, value in score(real).items():
        scores[f"trnews_{key}"] = value
    lines.insert(0, f"{len(pairs)} hand-coded event records" + (f"; {len(real)} TR-News sentences" if real else ""))
    return Report("events", scores, lines)


def _real_news(pipe: Any, path: str | None, lines: list[str]) -> list[tuple[GoldEvent, Optional[Predicted]]]:
    """Score the TR-News sentences (``*.offsets`` next to the gold files), if the corpus is there."""
    root = Path(path) if path else GOLD
    files = sorted(root.glob("*.offsets")) if root.is_dir() else []
    if not files:
        return []
    articles = trnews_texts()
    if not articles:
        lines.append(f"  (TR-News subset skipped: {TRNEWS} not found)")
        return []
    pairs = []
    for f in files:
        for rec in parse_offsets(f.read_text(encoding="utf-8"), articles, f.name):
            got = choose(rec, predictions(pipe.process(rec.text, published=rec.published)))
            pairs.append((rec, got))
            if got is None or got.type != rec.type or got.acled != rec.acled or got.modality != rec.modality:
                lines.append(f"  x {f.name}:{rec.line}: gold {rec.type}/{rec.acled}/{rec.modality}, got "
                             + (f"{got.type}/{got.acled}/{got.modality}" if got else "-"))
    return pairs
