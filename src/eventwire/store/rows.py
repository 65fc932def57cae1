"""Article records turned into table rows: pure functions, no database.

Both backends insert exactly these tuples, in the column order of ``COLUMNS``
(which is the order of ``data/store/schema.sql``).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any, Optional

from ..records import Article, Event

SINGLE_SOURCE = "single_source"
# Until corroboration is written, every event is its own incident, reported once.
SINGLE_SOURCE_REASONS = ("reported in one article; not yet compared with other reports",)

COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": (
        "id", "url", "publisher", "title", "published", "published_basis", "published_date",
        "language", "status", "error_codes", "error_messages", "byline", "source", "n_events",
        "ingested_at", "record",
    ),
    "actors": (
        "article_id", "idx", "id", "name", "country", "sector", "kind", "metonym",
        "span_text", "span_start", "span_end",
    ),
    "places": (
        "article_id", "idx", "name", "geonameid", "lat", "lon", "country", "admin1", "feature",
        "precision", "span_text", "span_start", "span_end",
    ),
    "times": (
        "article_id", "idx", "value", "granularity", "relative", "since",
        "span_text", "span_start", "span_end",
    ),
    "quotes": (
        "article_id", "id", "kind", "content_text", "content_start", "content_end", "cue_text",
        "speaker_name", "speaker_actor_id", "speaker_anonymous", "speaker_description", "via",
    ),
    "events": (
        "id", "article_id", "type", "mode", "contexts", "acled_event_type", "acled_sub_event_type",
        "cameo", "actors", "actor_names", "actor_countries", "actor_sectors",
        "recipients", "recipient_names", "recipient_countries", "recipient_sectors",
        "location", "location_geonameid", "location_lat", "location_lon", "location_country",
        "location_admin1", "location_feature", "location_precision",
        "date", "date_granularity", "date_basis", "event_date", "modality", "attribution",
        "fatalities", "injured", "arrested", "evidence", "evidence_start", "evidence_end",
        "confidence", "incident_id", "grade", "record",
    ),
    "incidents": ("id", "grade", "reasons", "event_ids", "article_ids", "sources"),
}

TABLES = tuple(COLUMNS)


def article_rows(article: Article, ingested_at: dt.datetime) -> dict[str, list[tuple]]:
    """All rows one article adds, table by table."""
    record = article.to_dict()
    rows: dict[str, list[tuple]] = {name: [] for name in TABLES}
    rows["articles"].append((
        article.id, article.url, article.publisher, article.title,
        article.published.value, article.published.basis, period_start(article.published.value),
        article.language, article.status,
        [e.code for e in article.errors], [e.message for e in article.errors],
        article.byline, article.source, len(article.events), ingested_at,
        json.dumps(record, ensure_ascii=False),
    ))
    for i, a in enumerate(article.actors):
        rows["actors"].append((
            article.id, i, a.id, a.name, a.country, a.sector, a.kind, a.metonym,
            a.span.text, a.span.start, a.span.end,
        ))
    for i, p in enumerate(article.places):
        rows["places"].append((
            article.id, i, p.name, p.geonameid, p.lat, p.lon, p.country, p.admin1, p.feature,
            p.precision, p.span.text, p.span.start, p.span.end,
        ))
    for i, t in enumerate(article.times):
        rows["times"].append((
            article.id, i, t.value, t.granularity, t.relative, t.since,
            t.span.text, t.span.start, t.span.end,
        ))
    for q in article.quotes:
        s = q.speaker
        rows["quotes"].append((
            article.id, q.id, q.kind, q.content.text, q.content.start, q.content.end, q.cue.text,
            s.name, s.actor_id, s.anonymous, s.description, q.via,
        ))
    # The first mention of an actor id names it; events only carry ids.
    known: dict[str, Any] = {}
    for a in article.actors:
        known.setdefault(a.id, a)
    for event, event_record in zip(article.events, record["events"]):
        rows["events"].append(_event_row(article, event, event_record, known))
        rows["incidents"].append((
            event.id, SINGLE_SOURCE, list(SINGLE_SOURCE_REASONS), [event.id], [article.id],
            [article.publisher] if article.publisher else [],
        ))
    return rows


def _event_row(article: Article, e: Event, record: dict, known: dict[str, Any]) -> tuple:
    def names(ids):
        return [known[i].name if i in known else i for i in ids]

    # Lists aligned with the ids: countries[i] is the country of ids[i] (or None).
    def countries(ids):
        return [known[i].country if i in known else None for i in ids]

    def sectors(ids):
        return [known[i].sector if i in known else None for i in ids]

    loc = e.location
    return (
        e.id, article.id, e.type, e.mode, list(e.contexts),
        e.acled.event_type if e.acled else None, e.acled.sub_event_type if e.acled else None,
        e.cameo,
        list(e.actors), names(e.actors), countries(e.actors), sectors(e.actors),
        list(e.recipients), names(e.recipients), countries(e.recipients), sectors(e.recipients),
        loc.name if loc else None, loc.geonameid if loc else None,
        loc.lat if loc else None, loc.lon if loc else None, loc.country if loc else None,
        loc.admin1 if loc else None, loc.feature if loc else None, loc.precision if loc else None,
        e.date.value, e.date.granularity, e.date.basis, period_start(e.date.value),
        e.modality, list(e.attribution), e.fatalities, e.injured, e.arrested,
        e.evidence.text, e.evidence.start, e.evidence.end, e.confidence,
        e.id, SINGLE_SOURCE, json.dumps(record, ensure_ascii=False),
    )


_SEASONS = {"SP": 3, "SU": 6, "FA": 9, "AU": 9, "WI": 12}
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})(?:XX)?$")


def period_start(value: Optional[str]) -> Optional[dt.date]:
    """The first day of a normalised time value (TIMEX3 style), or None when it has none.

    ``2015`` -> 2015-01-01, ``2015-09`` -> 2015-09-01, ``2015-W36`` -> that Monday,
    ``2015-Q3`` -> 2015-07-01, ``2015-SU`` -> 2015-06-01, ``199``/``199X`` -> 1990-01-01,
    ``19``/``19XX`` -> 1900-01-01.
    """
    if not value:
        return None
    value = value.strip()
    try:
        if m := _DATE.match(value):
            return dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
        if m := _WEEK.match(value):
            return dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m := _QUARTER.match(value):
            return dt.date(int(m[1]), 3 * (int(m[2]) - 1) + 1, 1)
        if m := _SEASON.match(value):
            return dt.date(int(m[1]), _SEASONS[m[2]], 1)
        if m := _DECADE.match(value):
            return dt.date(int(m[1]) * 10, 1, 1)
        if m := _CENTURY.match(value):
            return dt.date(int(m[1]) * 100, 1, 1)
    except ValueError:  # "2015-02-30", week 54: not a date, so no period start
        return None
    return None
