"""``eventwire eval actors``: actor mentions against a hand-annotated gold set.

The gold set (``data/gold/actors/gold.jsonl``, see its README) holds mentions with the
expected actor id, country, sector and kind, by character offsets.  Texts are either in
the gold file (PLOVER GSR sentences, sentences written for the project) or read at eval
time from ``../shared/data/geo/TR-News.xml`` by article id (its licence keeps it out of
the repo).

The actors stage runs with the places stage's grounding of groups no country was found for
(``actors.ground_by_places``), as the article record stores them.

Scoring: a gold mention is found when a predicted mention overlaps it.  The headline
``accuracy`` is the fraction of gold mentions found with the right canonical actor (id)
and country; fields the gold leaves empty are not scored.  Precision counts only texts
whose gold is exhaustive.  Gold spans marked ``actor: false`` (a capital named as a
place) must not be tagged.  Documents are split into dev/test halves by a hash of their id.
"""
from __future__ import annotations

import json
import os
import zlib
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from . import Report

GOLD = Path(__file__).resolve().parent.parent / "data" / "gold" / "actors" / "gold.jsonl"


def shared_data() -> Path:
    """``../shared/data`` next to the checkout, or ``$EVENTWIRE_SHARED_DATA``."""
    env = os.environ.get("EVENTWIRE_SHARED_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3].parent / "shared" / "data"


_TRNEWS: dict[str, str] = {}


def trnews_texts() -> dict[str, str]:
    """TR-News article texts by docid (empty when the file is not there)."""
    if not _TRNEWS:
        path = shared_data() / "geo" / "TR-News.xml"
        if path.exists():
            import xml.etree.ElementTree as ET

            for art in ET.parse(path).getroot().iter("article"):
                _TRNEWS[art.get("docid", "")] = art.findtext("text") or ""
    return _TRNEWS


def load_gold(path: Path) -> list[dict]:
    """Gold records (JSONL) with their ``text`` filled in; records whose text is unavailable
    are dropped."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        if "text" not in rec:
            text = trnews_texts().get(rec["doc"]) if rec.get("source") == "tr-news" else None
            if text is None:
                continue
            rec["text"] = text
        out.append(rec)
    return out


def half(doc: str) -> str:
    """"dev" or "test": a stable split by document."""
    return "dev" if zlib.crc32(doc.encode("utf-8")) % 2 == 0 else "test"


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def best_match(span: tuple[int, int], preds: Iterable[Any], key: Callable[[Any], tuple[int, int]]) -> Any:
    """The prediction overlapping ``span`` the most, or None."""
    best, size = None, 0
    for p in preds:
        s, e = key(p)
        common = min(e, span[1]) - max(s, span[0])
        if common > size:
            best, size = p, common
    return best


def same_id(gold: str, pred: Optional[str]) -> bool:
    """Equal ids; a person named in full and by surname ("ew:person:karlov") are the same."""
    if pred is None:
        return False
    if gold == pred:
        return True
    if gold.startswith("ew:person:") and pred.startswith("ew:person:"):
        g, p = gold[10:].split("-"), pred[10:].split("-")
        return g[-1] == p[-1]
    return False


def score_actors(gold_docs: list[dict], predicted: dict[str, list[dict]]) -> dict[str, float]:
    """Scores for gold docs against predictions (``{doc: [{start, end, id, country, sector, kind}]}``)."""
    n = found = right = neg = neg_ok = 0
    fields = {k: [0, 0] for k in ("id", "country", "sector", "kind")}
    p_all = p_ok = 0
    for rec in gold_docs:
        preds = predicted.get(rec["doc"], [])
        golds = [m for m in rec["mentions"] if m.get("actor", True)]
        for m in rec["mentions"]:
            if m.get("actor", True):
                continue
            neg += 1
            neg_ok += not any(overlaps((m["start"], m["end"]), (p["start"], p["end"])) for p in preds)
        for m in golds:
            n += 1
            p = best_match((m["start"], m["end"]), preds, lambda p: (p["start"], p["end"]))
            if p is None:
                continue
            found += 1
            ok = True
            for k in fields:
                if m.get(k) is None:
                    continue
                hit = same_id(m[k], p.get(k)) if k == "id" else m[k] == p.get(k)
                fields[k][0] += hit
                fields[k][1] += 1
                if k in ("id", "country") and not hit:
                    ok = False
            right += ok
        if rec.get("exhaustive"):
            spans = [(m["start"], m["end"]) for m in golds]
            for p in preds:
                p_all += 1
                p_ok += any(overlaps((p["start"], p["end"]), s) for s in spans)
    scores = {"accuracy": right / n if n else 0.0, "recall": found / n if n else 0.0}
    if p_all:
        scores["precision"] = p_ok / p_all
    if neg:
        scores["places_not_actors"] = neg_ok / neg
    for k, (ok, total) in fields.items():
        if total:
            scores[f"{k}_accuracy"] = ok / total
    return scores


def predict(records: list[dict]) -> dict[str, list[dict]]:
    """Run the actors stage on each gold text, with the grounding the places stage gives
    groups no country was found for (``actors.ground_by_places``), as articles store them."""
    from .. import nlp, places
    from ..actors import find_actors, ground_by_places, load_catalogue

    cat = load_catalogue()
    gazetteer = places.load_gazetteer()
    out = {}
    for rec in records:
        doc = nlp.parse(rec["text"])
        found = find_actors(doc, cat, published=rec.get("published"))
        found = ground_by_places(doc, found, places.find_places(doc, found, gazetteer), cat)
        out[rec["doc"]] = [{"start": m.span.start, "end": m.span.end, "id": m.id, "country": m.country,
                            "sector": m.sector, "kind": m.kind} for m in found]
    return out


def split_scores(records: list[dict], predicted: dict, scorer: Callable) -> dict[str, float]:
    """Overall scores plus ``dev_*``/``test_*`` for the two halves."""
    scores = scorer(records, predicted)
    for name in ("dev", "test"):
        part = [r for r in records if half(r["doc"]) == name]
        if part:
            for k, v in scorer(part, predicted).items():
                if k in ("accuracy", "recall", "precision"):
                    scores[f"{name}_{k}"] = v
    return scores


def load_counted(path: str | None, default: Path) -> tuple[list[dict], int]:
    """Gold records at ``path`` (or ``default``), and how many were skipped for want of
    ../shared (TR-News texts are read from there, not stored)."""
    gold = Path(path) if path else default
    records = load_gold(gold)
    lines = sum(1 for line in gold.read_text(encoding="utf-8").splitlines() if line.strip())
    return records, lines - len(records)


def run(path: str | None = None) -> Report:
    """Score the actors stage on the gold set at ``path`` (default: the packaged one)."""
    records, skipped = load_counted(path, GOLD)
    predicted = predict(records)
    scores = split_scores(records, predicted, score_actors)
    n = sum(1 for r in records for m in r["mentions"] if m.get("actor", True))
    lines = [f"actors: {len(records)} texts, {n} gold mentions"]
    if skipped:
        lines.append(f"  ({skipped} TR-News texts skipped: {shared_data()} not found)")
    for rec in records:
        preds = predicted[rec["doc"]]
        for m in rec["mentions"]:
            if not m.get("actor", True):
                continue
            p = best_match((m["start"], m["end"]), preds, lambda p: (p["start"], p["end"]))
            surface = rec["text"][m["start"]:m["end"]]
            if p is None:
                lines.append(f"  miss {rec['doc']}: {surface!r} ({m.get('id')})")
            elif (m.get("id") and not same_id(m["id"], p["id"])) or (m.get("country") and m["country"] != p["country"]):
                lines.append(f"  wrong {rec['doc']}: {surface!r} want {m.get('id')}/{m.get('country')} "
                             f"got {p['id']}/{p['country']}")
    return Report("actors", scores, lines)
