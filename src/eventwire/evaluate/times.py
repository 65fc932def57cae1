"""``eventwire eval times``: time expressions against a hand-annotated gold set.

Gold (``data/gold/times/gold.jsonl``): expressions with the expected value and
granularity, in TR-News articles (read from ``../shared`` at eval time, normalised
against the article's download date) and in sentences written for the project.
The headline ``accuracy`` is the fraction of gold expressions found (overlapping span)
with exactly the expected value.
"""
from __future__ import annotations

from pathlib import Path

from . import Report
from .actors import best_match, load_counted, shared_data, split_scores

GOLD = Path(__file__).resolve().parent.parent / "data" / "gold" / "times" / "gold.jsonl"


def score_times(gold_docs: list[dict], predicted: dict[str, list[dict]]) -> dict[str, float]:
    """Scores for gold docs against predictions (``{doc: [{start, end, value, granularity}]}``)."""
    n = found = exact = gran = 0
    for rec in gold_docs:
        preds = predicted.get(rec["doc"], [])
        for t in rec["times"]:
            n += 1
            p = best_match((t["start"], t["end"]), preds, lambda p: (p["start"], p["end"]))
            if p is None:
                continue
            found += 1
            exact += p["value"] == t["value"]
            gran += p["granularity"] == t["granularity"]
    if not n:
        return {"accuracy": 0.0, "recall": 0.0}
    return {"accuracy": exact / n, "recall": found / n,
            "granularity_accuracy": gran / found if found else 0.0}


def predict(records: list[dict]) -> dict[str, list[dict]]:
    """Run the times stage on each gold text against its publication date."""
    from .. import nlp
    from ..times import find_times

    out = {}
    for rec in records:
        doc = nlp.parse(rec["text"])
        out[rec["doc"]] = [{"start": t.span.start, "end": t.span.end, "value": t.value,
                            "granularity": t.granularity} for t in find_times(doc, rec.get("published"))]
    return out


def run(path: str | None = None) -> Report:
    """Score the times stage on the gold set at ``path`` (default: the packaged one)."""
    records, skipped = load_counted(path, GOLD)
    predicted = predict(records)
    scores = split_scores(records, predicted, score_times)
    lines = [f"times: {len(records)} texts, {sum(len(r['times']) for r in records)} gold expressions"]
    if skipped:
        lines.append(f"  ({skipped} TR-News texts skipped: {shared_data()} not found)")
    for rec in records:
        for t in rec["times"]:
            p = best_match((t["start"], t["end"]), predicted[rec["doc"]], lambda p: (p["start"], p["end"]))
            surface = rec["text"][t["start"]:t["end"]]
            if p is None:
                lines.append(f"  miss {rec['doc']}: {surface!r} want {t['value']}")
            elif p["value"] != t["value"]:
                lines.append(f"  wrong {rec['doc']}: {surface!r} want {t['value']} got {p['value']}")
    return Report("times", scores, lines)
