"""The ``geo`` suite: toponym recognition and resolution on TR-News-style gold.

Gold format (TR-News, Gritta et al., "A Pragmatic Guide to Geoparsing Evaluation";
GPL-3.0, read in place from ``../shared/data/geo/``, never copied): ``<article
docid>`` with ``<domain>``, ``<dltime>``, ``<text>`` and ``<toponyms>``, each
``<toponym>`` with ``<phrase>``, character ``<start>``/``<end>`` and, where the
annotators resolved it, a ``<gaztag geonameid>`` with ``<lat>``/``<lon>``.

Scoring rules:

- The pipeline stages run on the gold text itself (nlp, actors, places), so that
  offsets are comparable; no page-text extraction.
- Some gold offsets are a few characters off; a toponym whose ``text[start:end]`` is not
  its phrase is moved to the nearest occurrence of the phrase (within 60 characters).
- Gold toponyms without coordinates (streets, "West Coast") are neutral: a prediction
  that overlaps one counts neither way, and they are not in the recall denominator.
- A predicted span matches a gold span when they overlap by at least one character;
  matching is one-to-one, in text order.
- TR-News annotates demonyms used as modifiers ("a Turkish policeman") as toponyms of
  their country.  eventwire's ``places`` keep adjectives out (an adjective is not a
  place name); this suite scores the geoparser reading of the article: the places plus
  the actors stage's demonym mentions of a state ("Turkish" -> Turkey), placed at the
  country's gazetteer point.  ``recall_places_only`` gives recall without them.
- ``acc161`` is accuracy within 161 km over matched toponyms (what Mordecai3's 0.873 on
  TR-News measures); ``acc161_all`` counts every gold toponym with coordinates, an
  unrecognised one as a miss.  ``geonameid_match`` is over matched toponyms.
- ``dev_*`` and ``test_*`` split the articles by docid order: the first half was used
  for tuning, the second half is held out.
"""
from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from ..errors import UsageError
from . import Report

ACC_KM = 161.0
REALIGN_WINDOW = 60


def default_path() -> Path:
    """``../shared/data/geo/TR-News.xml`` beside the first ancestor of the package that has it."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent.parent / "shared" / "data" / "geo" / "TR-News.xml"
        if candidate.is_file():
            return candidate
    return here.parents[3].parent / "shared" / "data" / "geo" / "TR-News.xml"


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    geonameid: Optional[int] = None
    lat: Optional[float] = None
    lon: Optional[float] = None

    @property
    def resolved(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class GoldArticle:
    docid: str
    text: str
    domain: Optional[str]
    published: Optional[str]
    toponyms: tuple[GoldToponym, ...]


@dataclass(frozen=True)
class Predicted:
    start: int
    end: int
    text: str
    lat: Optional[float]
    lon: Optional[float]
    geonameid: Optional[int]
    source: str = "place"  # "place" | "demonym"


@dataclass
class Tally:
    """Counts from which the scores are computed."""

    tp: int = 0  # matched gold toponyms (with coordinates)
    fp: int = 0
    gold: int = 0  # gold toponyms with coordinates
    tp_places: int = 0  # matched by a place, not a demonym
    within: int = 0
    same_id: int = 0
    errors_km: list = field(default_factory=list)

    def add(self, other: "Tally") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.gold += other.gold
        self.tp_places += other.tp_places
        self.within += other.within
        self.same_id += other.same_id
        self.errors_km.extend(other.errors_km)

    def scores(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": p, "recall": r, "f1": f1,
            "recall_places_only": self.tp_places / self.gold if self.gold else 0.0,
            "acc161": self.within / self.tp if self.tp else 0.0,
            "acc161_all": self.within / self.gold if self.gold else 0.0,
            "geonameid_match": self.same_id / self.tp if self.tp else 0.0,
        }


def _text(el: ET.Element, tag: str) -> Optional[str]:
    value = el.findtext(tag)
    return value.strip() if value is not None and value.strip() else None


def _realign(text: str, start: int, end: int, phrase: str) -> tuple[int, int]:
    if text[start:end] == phrase:
        return start, end
    best = None
    lo = max(0, start - REALIGN_WINDOW)
    i = text.find(phrase, lo)
    while i != -1 and i <= start + REALIGN_WINDOW:
        if best is None or abs(i - start) < abs(best - start):
            best = i
        i = text.find(phrase, i + 1)
    return (best, best + len(phrase)) if best is not None else (start, end)


def load_gold(path: str | Path) -> list[GoldArticle]:
    """Articles of a TR-News-format file, sorted by docid."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise UsageError(f"cannot read geo gold file {path}: {exc}; give a TR-News-format XML file") from None
    articles = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for t in art.iter("toponym"):
            phrase = t.findtext("phrase") or ""
            start, end = _realign(text, int(t.findtext("start")), int(t.findtext("end")), phrase)
            g = t.find("gaztag")
            if g is not None and _text(g, "lat") is not None:
                gid = g.get("geonameid")
                tops.append(GoldToponym(start, end, phrase, int(gid) if gid and gid.isdigit() else None,
                                        float(_text(g, "lat")), float(_text(g, "lon"))))
            else:
                tops.append(GoldToponym(start, end, phrase))
        articles.append(GoldArticle(art.get("docid") or str(len(articles)), text, _text(art, "domain"),
                                    _text(art, "dltime"), tuple(sorted(tops, key=lambda x: x.start))))
    return sorted(articles, key=lambda a: a.docid)


def score_article(gold: Iterable[GoldToponym], predicted: Iterable[Predicted],
                  misses: Optional[list] = None) -> Tally:
    """Match predictions to gold by overlap, one to one in text order, and count."""
    from ..gazetteer import distance_km

    gold = sorted(gold, key=lambda g: (g.start, g.end))
    predicted = sorted(predicted, key=lambda p: (p.start, p.end))
    tally = Tally(gold=sum(1 for g in gold if g.resolved))
    used: set[int] = set()
    for p in predicted:
        hit = next((k for k, g in enumerate(gold)
                    if k not in used and g.start < p.end and p.start < g.end), None)
        if hit is None:
            # Overlapping an already matched or an unresolved gold toponym is neutral.
            if not any(g.start < p.end and p.start < g.end for g in gold):
                tally.fp += 1
                if misses is not None:
                    misses.append(("fp", p.text, ""))
            continue
        used.add(hit)
        g = gold[hit]
        if not g.resolved:
            continue
        tally.tp += 1
        tally.tp_places += p.source == "place"
        if p.lat is None or p.lon is None:
            tally.errors_km.append(20038.0)
            continue
        km = distance_km(g.lat, g.lon, p.lat, p.lon)
        tally.errors_km.append(km)
        tally.within += km <= ACC_KM
        tally.same_id += g.geonameid is not None and g.geonameid == p.geonameid
        if misses is not None and km > ACC_KM:
            misses.append(("far", g.phrase, f"{km:.0f} km ({p.lat:.2f},{p.lon:.2f})"))
    if misses is not None:
        misses.extend(("fn", g.phrase, "") for k, g in enumerate(gold) if k not in used and g.resolved)
    return tally


def predict(article: GoldArticle, nlp=None, catalogue=None, gazetteer=None) -> list[Predicted]:
    """The pipeline's places (and demonym mentions of states) in the article's own text."""
    from .. import actors as actors_mod
    from .. import nlp as nlp_mod
    from .. import places as places_mod

    doc = nlp_mod.parse(article.text, nlp)
    found_actors = actors_mod.find_actors(doc, catalogue, publisher=article.domain,
                                          published=article.published)
    found = places_mod.find_places(doc, found_actors, gazetteer, publisher=article.domain)
    out = [Predicted(p.span.start, p.span.end, p.span.text, p.lat, p.lon, p.geonameid) for p in found]
    others = places_mod.toponyms(doc, found_actors, gazetteer, found, publisher=article.domain)
    out += [Predicted(p.span.start, p.span.end, p.span.text, p.lat, p.lon, p.geonameid, "mention")
            for p in others]
    for d in places_mod.demonyms(doc, found_actors, gazetteer, found + others):
        out.append(Predicted(d.span.start, d.span.end, d.span.text, d.lat, d.lon, d.geonameid, "demonym"))
    return out


def evaluate(articles: list[GoldArticle]) -> tuple[dict[str, float], list[str]]:
    """Scores (whole set, and the dev/test halves) and the lines to print."""
    from .. import actors as actors_mod
    from .. import nlp as nlp_mod
    from .. import places as places_mod

    nlp = nlp_mod.load()
    catalogue = actors_mod.load_catalogue()
    gaz = places_mod.load_gazetteer()
    half = (len(articles) + 1) // 2
    total, dev, test = Tally(), Tally(), Tally()
    lines: list[str] = []
    missed: Counter = Counter()
    for k, art in enumerate(articles):
        misses: list = []
        tally = score_article(art.toponyms, predict(art, nlp, catalogue, gaz), misses)
        total.add(tally)
        (dev if k < half else test).add(tally)
        for kind, phrase, why in misses:
            missed[(kind, phrase, why.split(" (")[0] if kind != "far" else "")] += 1
        lines.append(f"{art.docid}: {tally.tp}/{tally.gold} found, {tally.fp} spurious, "
                     f"{tally.within}/{tally.tp} within {ACC_KM:.0f} km"
                     + ("" if not misses else "; " + ", ".join(f"{kind}:{phrase}" for kind, phrase, _ in misses[:8])))
    scores = total.scores()
    if total.errors_km:
        scores["median_error_km"] = statistics.median(total.errors_km)
    if len(articles) > 1:
        scores.update({f"dev_{k}": v for k, v in dev.scores().items()})
        scores.update({f"test_{k}": v for k, v in test.scores().items()})
    lines.append("most frequent misses (fn: not found, fp: spurious, far: > 161 km):")
    for (kind, phrase, _), n in missed.most_common(25):
        lines.append(f"  {n:>3} {kind:<3} {phrase}")
    return scores, lines


def run(path: str | None = None, limit: Optional[int] = None) -> Report:
    """Score the places stage on a TR-News-format gold file (default: TR-News)."""
    gold_path = Path(path) if path else default_path()
    if not gold_path.is_file():
        raise UsageError(f"geo gold file {gold_path} not found; give its path: eventwire eval geo PATH")
    articles = load_gold(gold_path)
    if limit:
        articles = articles[:limit]
    scores, lines = evaluate(articles)
    lines.insert(0, f"{gold_path.name}: {len(articles)} articles, "
                    f"{sum(1 for a in articles for t in a.toponyms if t.resolved)} toponyms with coordinates")
    return Report("geo", scores, lines)
