"""Texts the benchmarks share: the bundled sample corpus, then TR-News articles read in place,
then (``written=True``) the articles written for the project that the quotes and incidents
gold sets hold (wire briefs and longer reports, marked ``written_for_project``)."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRNEWS = ROOT.parent / "shared" / "data" / "geo" / "TR-News.xml"
WRITTEN = [ROOT / "src" / "eventwire" / "data" / "gold" / "quotes" / "written.jsonl",
           ROOT / "src" / "eventwire" / "data" / "gold" / "incidents" / "articles.jsonl"]


def corpus(limit: int, *, written: bool = False) -> list[tuple[str, str | None]]:
    """(text, published) pairs: sample articles, then TR-News articles (not copied), then
    with ``written`` the project's written gold articles."""
    from eventwire.cli import sample_paths, sample_published

    items = [(Path(p).read_text(encoding="utf-8"), sample_published(p)) for p in sample_paths()]
    if TRNEWS.exists():
        for art in ET.parse(TRNEWS).getroot():
            text = art.findtext("text") or ""
            if text.strip():
                items.append((text, None))
    if written:
        for path in WRITTEN:
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    rec = json.loads(line)
                    items.append((rec["text"], rec.get("published")))
    return items[:limit]
