"""Records: spans hold in every record the pipeline produces; the schema is generated and valid."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

import pytest

from eventwire.records import Article, Published, Span, json_schema

from .conftest import FIXTURES, ROOT, SEED

SCHEMA_FILE = ROOT / "docs" / "article.schema.json"


def iter_spans(value: Any, path: str = "") -> Iterator[tuple[str, dict]]:
    """Every span-shaped mapping ({text, start, end}) inside a record, with its path."""
    if isinstance(value, dict):
        if set(value) >= {"text", "start", "end"} and isinstance(value.get("start"), int):
            yield path, value
        for key, item in value.items():
            if key != "text" or not isinstance(item, str):
                yield from iter_spans(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from iter_spans(item, f"{path}[{i}]")


def test_span_of():
    assert Span.of("Iraq and Syria", 9, 14) == Span("Syria", 9, 14)


def test_to_dict_is_plain_json():
    art = Article(id="x", url=None, publisher=None, title=None, published=Published(None, "unknown"),
                  language="en", status="ok", errors=(), text="")
    record = art.to_dict()
    assert json.loads(json.dumps(record)) == record
    assert record["actors"] == [] and record["published"] == {"value": None, "basis": "unknown"}


def test_schema_file_is_generated_from_types():
    assert SCHEMA_FILE.exists(), "run: eventwire schema > docs/article.schema.json"
    assert json.loads(SCHEMA_FILE.read_text()) == json_schema()


def _records(pipeline) -> list[dict]:
    from eventwire.cli import sample_paths, sample_published

    records = [pipeline.process(SEED.read_bytes(), published="2015-10-31").to_dict(),
               pipeline.process(SEED.read_bytes()).to_dict(),
               pipeline.process((FIXTURES / "mee-iraq-russia-2015.html").read_bytes()).to_dict()]
    for path in sample_paths():
        records.append(pipeline.process(Path(path).read_bytes(), published=sample_published(path)).to_dict())
    return records


@pytest.mark.model
def test_every_span_points_into_text_and_record_validates(pipeline):
    import jsonschema

    schema = json_schema()
    for record in _records(pipeline):
        jsonschema.validate(record, schema)
        spans = list(iter_spans(record))
        assert len(spans) > 20
        for path, span in spans:
            assert record["text"][span["start"]:span["end"]] == span["text"], (record["id"], path, span)
        for sec in record["sections"]:
            assert 0 <= sec["start"] < sec["end"] <= len(record["text"])


@pytest.mark.model
def test_ids_are_stable(pipeline):
    a = pipeline.process(SEED.read_bytes(), published="2015-10-31").to_dict()
    b = pipeline.process(SEED.read_bytes(), published="2015-10-31").to_dict()
    assert a["id"] == b["id"]
    assert [e["id"] for e in a["events"]] == [e["id"] for e in b["events"]]
    assert len({e["id"] for e in a["events"]}) == len(a["events"])
