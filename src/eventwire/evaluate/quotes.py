"""The ``quotes`` suite: quote extraction and speaker attribution, scored as GenderGapTracker.

Gold (``data/gold/quotes/``, see its README): articles written for the project, with their
text (``written.jsonl``), and TR-News articles annotated by hand (``trnews.jsonl``: docid,
character offsets and speakers only; the GPL text is read at eval time from
``../shared/data/geo/TR-News.xml``, never copied).

Scoring rules (GenderGapTracker's evaluation, Asr et al. 2021):

- The stages run on the gold text itself (nlp, actors, places, times, quotes), so that
  offsets are comparable; no page-text extraction.
- A gold quote is found when some predicted quote's content overlaps it by at least
  ``OVERLAP`` (0.3) of the gold quote's characters; a predicted quote is correct when it
  overlaps some gold quote that way.  Recall counts found gold quotes, precision correct
  predicted quotes (a predicted quote that spans two gold quotes can find both).
- Speaker accuracy is over found gold quotes, judged on the predicted quote that overlaps
  the gold one most.  Speakers match by name or description: the content words of the
  predicted speaker name (or, for an anonymous source, its description) and those of one
  of the gold speaker's accepted names are a subset one of the other ("Mr Putin" and
  "Vladimir Putin", "a spokesman for the ministry" and "spokesman").  Content words are
  lower-cased letters and digits without honorifics and function words.  A prediction
  without a speaker name or description is wrong.
- ``dev_*`` and ``test_*`` split the articles by a hash of their id (stored in the gold
  as ``split``): ``dev`` was looked at while improving ``quotes.py``, ``test`` was not.
"""
from __future__ import annotations

import hashlib
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Sequence

from ..errors import UsageError
from . import Report
from .geo import default_path as trnews_path

OVERLAP = 0.3
GOLD = Path(__file__).resolve().parent.parent / "data" / "gold" / "quotes"
_STOP = frozenset("""a an the of for and or to in on at by with from as who which that is was be been
not mr mrs ms dr s its his her their our my said says told""".split())


@dataclass(frozen=True)
class GoldQuote:
    start: int
    end: int
    speakers: tuple[str, ...]


@dataclass(frozen=True)
class GoldArticle:
    id: str
    split: str
    text: str
    published: Optional[str]
    publisher: Optional[str]
    quotes: tuple[GoldQuote, ...]
    written: bool


def load_gold(path: str | Path | None = None, trnews: str | Path | None = None) -> list[GoldArticle]:
    """The gold articles: ``written.jsonl`` (with text) and ``trnews.jsonl`` (offsets only)."""
    root = Path(path) if path else GOLD
    files = [root] if root.is_file() else sorted(root.glob("*.jsonl"))
    if not files:
        raise UsageError(f"no quote gold (*.jsonl) in {root}")
    trnews_texts: Optional[dict[str, tuple[str, Optional[str], Optional[str]]]] = None
    out: list[GoldArticle] = []
    for file in files:
        for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            quotes = tuple(GoldQuote(q["start"], q["end"], tuple(q["speaker"])) for q in row["quotes"])
            if "text" in row:
                out.append(GoldArticle(row["id"], row.get("split", "dev"), row["text"], row.get("published"),
                                       row.get("publisher"), quotes, bool(row.get("written_for_project"))))
                continue
            if trnews_texts is None:
                source = Path(trnews) if trnews else trnews_path()
                # Without ../shared the suite scores the written articles alone.
                trnews_texts = _trnews(source) if source.is_file() or trnews else {}
            if not trnews_texts:
                continue
            docid = str(row["docid"])
            if docid not in trnews_texts:
                raise UsageError(f"{file.name}:{n}: TR-News has no article {docid}")
            text, published, domain = trnews_texts[docid]
            if row.get("sha1") and hashlib.sha1(text.encode()).hexdigest()[:12] != row["sha1"]:
                raise UsageError(f"{file.name}:{n}: TR-News article {docid} is not the text annotated")
            out.append(GoldArticle(f"trnews-{docid}", row.get("split", "dev"), text, published, domain,
                                   quotes, False))
    return out


def _trnews(path: Path) -> dict[str, tuple[str, Optional[str], Optional[str]]]:
    if not path.is_file():
        raise UsageError(f"TR-News not found at {path}; the quotes gold reads its text from there")
    texts = {}
    for art in ET.parse(path).getroot():
        published = (art.findtext("dltime") or "").strip()[:10] or None
        texts[art.attrib["docid"]] = (art.findtext("text") or "", published,
                                      (art.findtext("domain") or "").strip() or None)
    return texts


def content_words(text: Optional[str]) -> frozenset[str]:
    """Lower-cased content words of a speaker name or description."""
    if not text:
        return frozenset()
    words = re.findall(r"[a-z0-9]+", text.lower().replace("’", "'"))
    return frozenset(w for w in words if w not in _STOP and len(w) > 1)


def speaker_matches(gold: Sequence[str], name: Optional[str], description: Optional[str]) -> bool:
    """Whether a predicted speaker (name, else description) is one of the gold speaker's names."""
    predicted = content_words(name) or content_words(description)
    if not predicted:
        return False
    for alias in gold:
        words = content_words(alias)
        if words and (words <= predicted or predicted <= words):
            return True
    return False


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0
    speaker_ok: int = 0

    def add(self, other: "Tally") -> None:
        for k in ("gold", "found", "predicted", "correct", "speaker_ok"):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def scores(self, prefix: str = "") -> dict[str, float]:
        p = self.correct / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        acc = self.speaker_ok / self.found if self.found else 0.0
        return {f"{prefix}precision": p, f"{prefix}recall": r, f"{prefix}f1": f,
                f"{prefix}speaker_accuracy": acc}


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def score_article(gold: Sequence[GoldQuote], predicted: Sequence[dict], misses: Optional[list] = None,
                  text: str = "") -> Tally:
    """Tally one article: ``predicted`` are quote dicts as in the article record."""
    t = Tally(gold=len(gold), predicted=len(predicted))
    spans = [(q["content"]["start"], q["content"]["end"]) for q in predicted]
    correct = [False] * len(predicted)
    for g in gold:
        need = OVERLAP * (g.end - g.start)
        best, best_ov = None, 0
        for k, (s, e) in enumerate(spans):
            ov = _overlap(g.start, g.end, s, e)
            if ov >= need and ov > 0:
                correct[k] = True
                if ov > best_ov:
                    best, best_ov = k, ov
        if best is None:
            if misses is not None:
                misses.append(("missed", text[g.start:g.end][:90], g.speakers[0]))
            continue
        t.found += 1
        sp = predicted[best]["speaker"]
        if speaker_matches(g.speakers, sp.get("name"), sp.get("description")):
            t.speaker_ok += 1
        elif misses is not None:
            misses.append(("speaker", text[g.start:g.end][:60], f"{g.speakers[0]} != {sp.get('name') or sp.get('description')}"))
    t.correct = sum(correct)
    if misses is not None:
        for k, ok in enumerate(correct):
            if not ok:
                misses.append(("spurious", predicted[k]["content"]["text"][:90], predicted[k]["speaker"].get("name")))
    return t


def predict(article: GoldArticle, resources: dict) -> list[dict]:
    """The quotes stage's output on the article's own text (as record dicts)."""
    from .. import actors as actors_mod
    from .. import nlp as nlp_mod
    from .. import places as places_mod
    from .. import quotes as quotes_mod
    from .. import times as times_mod
    from ..records import Analysis, Quote, Section
    from ..records import _plain

    text = article.text
    doc = nlp_mod.parse(text, resources["nlp"])
    found_actors = actors_mod.find_actors(doc, resources["catalogue"], publisher=article.publisher,
                                          published=article.published)
    found_places = places_mod.find_places(doc, found_actors, resources["gazetteer"])
    found_times = times_mod.find_times(doc, article.published)
    first = text.find("\n")
    sections = ((Section("title", 0, first), Section("body", first + 1, len(text)))
                if article.written and first > 0 else (Section("body", 0, len(text)),))
    analysis = Analysis(article.id, text, sections, article.published, article.publisher,
                        found_actors, found_places, found_times)
    found: tuple[Quote, ...] = quotes_mod.find_quotes(doc, analysis)
    return [_plain(q) for q in found]


def run(path: str | None = None, *, show_misses: bool = False) -> Report:
    """Score the quotes stage on the gold set (default: the bundled one)."""
    from .. import actors as actors_mod
    from .. import nlp as nlp_mod
    from .. import places as places_mod

    articles = load_gold(path)
    resources = {"nlp": nlp_mod.load(), "catalogue": actors_mod.load_catalogue(),
                 "gazetteer": places_mod.load_gazetteer()}
    totals = {"": Tally(), "dev_": Tally(), "test_": Tally()}
    lines = []
    for art in articles:
        misses: list = []
        t = score_article(art.quotes, predict(art, resources), misses, art.text)
        totals[""].add(t)
        totals[f"{art.split}_"].add(t)
        s = t.scores()
        lines.append(f"  {art.id:<28} {art.split:<4} gold {t.gold:>3}  pred {t.predicted:>3}  "
                     f"F1 {s['f1']:.2f}  speaker {s['speaker_accuracy']:.2f}")
        if show_misses:
            lines.extend(f"      {kind}: {what!r} ({who})" for kind, what, who in misses)
    n_written = sum(a.written for a in articles)
    lines.insert(0, f"{len(articles)} articles ({n_written} written for the project, "
                    f"{len(articles) - n_written} TR-News), {totals[''].gold} gold quotes")
    scores: dict[str, float] = {}
    for prefix, tally in totals.items():
        scores.update(tally.scores(prefix))
    return Report("quotes", scores, lines)
