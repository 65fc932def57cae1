"""The ``incidents`` suite: clustering reports of one incident across articles.

Gold (``data/gold/incidents/``, see its README): ``articles.jsonl``, short wire-style
articles written for the project (id, publisher, url, published, text), several outlets
reporting each of 21 incidents, with syndicated copies; ``clusters.json`` gives the gold
incident of every article, the groups of syndicated copies and the gold grade of each incident.

Scoring rules:

- The articles go through the whole pipeline and into a fresh store, in file order, as
  ``eventwire ingest`` would put them; incidents are what the store then holds.
- An article's incident is the incident that most of its asserted events belong to (on a
  tie, the one stated first: a wire story states its incident first).  An article without
  an asserted event is an incident of its own.
- Pairwise clustering: over all pairs of articles, a pair is predicted together when
  their incidents are the same, gold together when the gold puts them in one incident;
  ``pair_precision`` and ``pair_recall`` follow.  ``copy_precision``/``copy_recall`` score
  the copy groups the same way against the gold groups of syndicated copies.
- ``sources_exact`` is the share of gold incidents whose lead incident counts as many
  independent sources as the gold has distinct original reports.
- Grades: a gold incident's predicted grade is that of its lead incident (the incident
  most of its articles lead with).  ``grade_accuracy`` is the share of gold incidents
  (with a gold grade in ``clusters.json``'s ``grades``) graded as the gold says;
  ``acknowledged_precision``/``acknowledged_recall`` score the ``acknowledged`` grade
  alone, over those incidents.
"""
from __future__ import annotations

import json
import tempfile
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Iterable

from ..errors import UsageError
from . import Report

GOLD = Path(__file__).resolve().parent.parent / "data" / "gold" / "incidents"


def pairwise(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering (item -> cluster) against the gold."""
    items = sorted(gold)
    tp = fp = fn = 0
    for a, b in combinations(items, 2):
        same_p = predicted.get(a, a) == predicted.get(b, b)
        same_g = gold[a] == gold[b]
        tp += same_p and same_g
        fp += same_p and not same_g
        fn += same_g and not same_p
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)


def load(path: str | Path | None = None) -> tuple[list[dict], dict]:
    root = Path(path) if path else GOLD
    if root.is_file():
        root = root.parent
    articles_file, clusters_file = root / "articles.jsonl", root / "clusters.json"
    if not articles_file.is_file() or not clusters_file.is_file():
        raise UsageError(f"{root} needs articles.jsonl and clusters.json (see data/gold/incidents/README.md)")
    articles = [json.loads(line) for line in articles_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    return articles, json.loads(clusters_file.read_text(encoding="utf-8"))


def lead_incidents(events: Iterable[dict]) -> dict[str, str]:
    """Article id -> the incident most of its asserted events belong to (ties: the earliest)."""
    held: dict[str, dict[str, list[int]]] = {}
    for e in events:
        if e["modality"] != "asserted" or not e.get("incident_id"):
            continue
        held.setdefault(e["article_id"], {}).setdefault(e["incident_id"], []).append(e["evidence_start"])
    return {a: min(incs, key=lambda i: (-len(incs[i]), min(incs[i]), i)) for a, incs in held.items()}


def run(path: str | None = None) -> Report:
    """Score incident clustering and copy detection on the gold corpus."""
    from .. import corroborate as co
    from ..pipeline import Pipeline
    from ..records import RawDoc
    from ..store import connect

    articles, gold = load(path)
    gold_incident = {a: label for label, ids in gold["incidents"].items() for a in ids}
    gold_copy = {a: group[0] for group in gold.get("copies", ()) for a in group}
    missing = [a["id"] for a in articles if a["id"] not in gold_incident]
    if missing:
        raise UsageError(f"articles without a gold incident: {', '.join(missing[:5])}")
    raws = [RawDoc(source=f"articles.jsonl:{i}", data=a["text"], kind="text", id=a["id"], url=a.get("url"),
                   published=a.get("published"), publisher=a.get("publisher")) for i, a in enumerate(articles, 1)]
    with tempfile.TemporaryDirectory() as tmp:
        store = connect(f"duckdb:///{tmp}/incidents.duckdb")
        try:
            processed = list(Pipeline().process_many(raws))
            store.add_many(processed)
            events = store.events(modality="all").rows()
            incidents = {r["id"]: r for r in store.incidents(modality="all").rows()}
        finally:
            store.close()
    lead = lead_incidents(events)
    predicted = {a["id"]: lead.get(a["id"], "none:" + a["id"]) for a in articles}
    p, r = pairwise(predicted, gold_incident)
    copies = co.CopyIndex()
    predicted_copy = {a.id: copies.add(a.id, a.text) for a in processed}
    cp, cr = pairwise(predicted_copy, {a["id"]: gold_copy.get(a["id"], a["id"]) for a in articles})
    lines = [f"{len(articles)} articles (written for the project), {len(gold['incidents'])} gold incidents, "
             f"{len(gold.get('copies', ()))} groups of syndicated copies"]
    exact = 0
    gold_grades = gold.get("grades", {})
    graded: list[tuple[str, str]] = []  # (gold grade, predicted grade)
    for label, ids in sorted(gold["incidents"].items()):
        originals = {gold_copy.get(a, a) for a in ids}
        leads = Counter(predicted[a] for a in ids)
        top, n = leads.most_common(1)[0]
        row = incidents.get(top)
        n_sources = len(row["sources"]) if row else 1
        exact += n_sources == len(originals)
        grade = row["grade"] if row else "single_source"
        if label in gold_grades:
            graded.append((gold_grades[label], grade))
        mark = "" if gold_grades.get(label, grade) == grade else f" (gold {gold_grades[label]})"
        lines.append(f"  {label:<28} {n}/{len(ids)} articles in one incident, {n_sources} source(s) "
                     f"(gold {len(originals)}), {grade}{mark}")
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    scores = {"pair_precision": p, "pair_recall": r, "pair_f1": f1, "copy_precision": cp,
              "copy_recall": cr, "sources_exact": exact / len(gold["incidents"])}
    if graded:
        scores["grade_accuracy"] = sum(g == p for g, p in graded) / len(graded)
        said = sum(p == "acknowledged" for _, p in graded)
        true = sum(g == "acknowledged" for g, _ in graded)
        hits = sum(g == p == "acknowledged" for g, p in graded)
        scores["acknowledged_precision"] = hits / said if said else 1.0
        scores["acknowledged_recall"] = hits / true if true else 1.0
    return Report("incidents", scores, lines)
