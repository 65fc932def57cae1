"""The store: article records in, event and incident queries out.

Tables: ``articles`` (typed columns plus the whole record as JSON in ``record``),
``actors``, ``places``, ``times``, ``quotes``, ``events`` (denormalised for filtering
and export), ``incidents`` and ``schema_version``; see ``data/store/schema.sql``.

Event rows are flat, so that they export well to CSV, Parquet and data frames:
the record's nested fields become ``acled_event_type``/``acled_sub_event_type``,
``location`` (the place name) and ``location_*``, ``date`` (the normalised value),
``date_granularity``, ``date_basis`` and ``event_date`` (the period's first day, a
DATE used by range filters), ``evidence`` (the text), ``evidence_start``/``_end``.
``actor_names``/``actor_countries``/``actor_sectors`` are aligned with ``actors``
(likewise for recipients).  Each row adds ``article_id``, ``url``, ``publisher``,
``title``, ``published``, ``incident_id`` and ``grade``.  ``Result.records()`` (and
JSONL export) gives events nested as in the article record instead.

Until corroboration is written, every event is its own incident: ``incident_id`` is
the event id and ``grade`` is ``single_source``.

Importing this package imports no database driver; DuckDB loads in :func:`connect`.
"""
from __future__ import annotations

from .core import SCHEMA_VERSION, Store, connect, parse_day
from .export import EVENT_FORMATS, INCIDENT_FORMATS, write_events, write_incidents
from .result import Result
from .url import DEFAULT_URL, parse_url

__all__ = [
    "connect", "Store", "Result", "parse_url", "parse_day", "write_events", "write_incidents",
    "EVENT_FORMATS", "INCIDENT_FORMATS", "DEFAULT_URL", "SCHEMA_VERSION",
]
