"""Texts the benchmarks share: the bundled sample corpus, then TR-News articles read in place."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRNEWS = ROOT.parent / "shared" / "data" / "geo" / "TR-News.xml"


def corpus(limit: int) -> list[tuple[str, str | None]]:
    """(text, published) pairs: sample articles, then TR-News articles (not copied)."""
    from eventwire.cli import sample_paths, sample_published

    items = [(Path(p).read_text(encoding="utf-8"), sample_published(p)) for p in sample_paths()]
    if TRNEWS.exists():
        for art in ET.parse(TRNEWS).getroot():
            text = art.findtext("text") or ""
            if text.strip():
                items.append((text, None))
    return items[:limit]
