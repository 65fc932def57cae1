"""Typed, immutable records passed between pipeline stages.

Every extracted value keeps a :class:`Span` into the article's clean ``text``, so that
``text[span.start:span.end] == span.text`` always holds.  The JSON Schema of the
article record (``docs/article.schema.json``) is generated from these types.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal, Optional

Granularity = Literal["year", "month", "day", "decade", "century", "week", "season", "quarter", "time"]
Modality = Literal["asserted", "hypothetical", "future", "negated", "historical"]
ActorKind = Literal["state", "person", "organization", "armed_group", "igo", "media", "group"]
QuoteKind = Literal["direct", "indirect", "mixed"]
SectionKind = Literal["title", "standfirst", "caption", "body"]
Status = Literal["ok", "skipped", "error"]
PublishedBasis = Literal["given", "metadata", "inferred", "unknown"]
DateBasis = Literal["clause", "sentence", "article", "published", "inferred", "unknown"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text: ``text == article.text[start:end]``."""

    text: str
    start: int
    end: int

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        """Make a span of ``text[start:end]``."""
        return cls(text[start:end], start, end)


@dataclass(frozen=True, slots=True)
class Section:
    """A part of the clean text: title, standfirst, caption or body."""

    kind: SectionKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A mention of an actor, resolved to a canonical actor where possible.

    ``id`` is stable across articles (a Wikidata QID where known, else an
    ``ew:``-prefixed slug).  ``metonym`` marks a place name standing for a
    government ("Ankara", "the Kremlin").
    """

    span: Span
    id: str
    name: str
    country: Optional[str]
    sector: Optional[str]
    kind: ActorKind
    metonym: bool = False


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym resolved against the gazetteer."""

    span: Span
    name: str
    geonameid: Optional[int]
    lat: Optional[float]
    lon: Optional[float]
    country: Optional[str]
    admin1: Optional[str]
    feature: str  # "country" | "admin" | "city" | "site" | "region" | "continent"
    precision: Optional[int] = None  # ACLED geo precision: 1 town, 2 region, 3 country


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression normalised against the publication date."""

    span: Span
    value: str
    granularity: Granularity
    relative: bool = False  # resolved against the publication date
    since: bool = False  # "since June 2014": an open interval starting at value


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who made a statement; anonymous sources keep their description."""

    span: Optional[Span]
    name: Optional[str]
    actor_id: Optional[str]
    anonymous: bool
    description: Optional[str]


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct, indirect or mixed statement with its speaker and cue."""

    id: str
    kind: QuoteKind
    content: Span
    cue: Span
    speaker: Speaker
    via: Optional[str] = None


@dataclass(frozen=True, slots=True)
class AcledLabel:
    """ACLED event type and sub-type, in ACLED's own words."""

    event_type: str
    sub_event_type: str


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened, and what that judgement rests on."""

    value: Optional[str]
    granularity: Optional[Granularity]
    span: Optional[Span]
    basis: DateBasis


@dataclass(frozen=True, slots=True)
class Event:
    """A coded event: who did what to whom, where, when, according to whom."""

    id: str
    type: str
    mode: Optional[str]
    contexts: tuple[str, ...]
    acled: Optional[AcledLabel]
    cameo: Optional[str]
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    location: Optional[Place]
    date: EventDate
    modality: Modality
    attribution: tuple[str, ...]
    fatalities: Optional[int]
    injured: Optional[int]
    arrested: Optional[int]
    evidence: Span
    confidence: float
    trigger: Optional[Span] = None


@dataclass(frozen=True, slots=True)
class Published:
    """The publication date and where it came from."""

    value: Optional[str]
    basis: PublishedBasis


@dataclass(frozen=True, slots=True)
class ErrorInfo:
    """A coded reason why an article was skipped or failed (see ``errors.CODES``)."""

    code: str
    message: str


@dataclass(frozen=True, slots=True)
class Article:
    """The article record: one per input article (see ../shared/CONTRACT.md)."""

    id: str
    url: Optional[str]
    publisher: Optional[str]
    title: Optional[str]
    published: Published
    language: Optional[str]
    status: Status
    errors: tuple[ErrorInfo, ...]
    text: str
    sections: tuple[Section, ...] = ()
    actors: tuple[ActorMention, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    byline: Optional[str] = None
    source: Optional[str] = None  # where the input came from (path, URL, "stdin", "file.jsonl:12")

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready record (tuples become lists)."""
        return _plain(self)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def json_schema() -> dict[str, Any]:
    """JSON Schema of the article record, generated from :class:`Article`."""
    from pydantic import TypeAdapter

    schema = TypeAdapter(Article).json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://eventwire.example/schemas/article.schema.json"
    return schema


@dataclass(frozen=True, slots=True)
class RawDoc:
    """One input document as acquired, before extraction.

    ``data`` is bytes for files and URLs, str where the input was already text
    (JSONL fields, the Python API).  ``kind`` is "html", "text" or "auto".  An input
    that could not be acquired carries ``error`` and becomes an error record.
    """

    source: str
    data: bytes | str
    kind: str = "auto"
    id: Optional[str] = None
    url: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    publisher: Optional[str] = None
    error: Optional[ErrorInfo] = None


@dataclass(frozen=True, slots=True)
class Extracted:
    """The clean article as the extract stage gives it."""

    text: str
    sections: tuple[Section, ...]
    title: Optional[str]
    publisher: Optional[str]
    byline: Optional[str]
    published: Published
    language: Optional[str]
    url: Optional[str] = None
    errors: tuple[ErrorInfo, ...] = ()
    status: Status = "ok"


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the stages before event coding found: the input of ``coding`` and ``quotes``."""

    article_id: str
    text: str
    sections: tuple[Section, ...]
    published: Optional[str]  # YYYY-MM-DD, given or inferred
    publisher: Optional[str]
    actors: tuple[ActorMention, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    quotes: tuple[Quote, ...] = ()
