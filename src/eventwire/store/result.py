"""Query results: plain rows that convert to Arrow, pandas or polars on demand.

pyarrow, pandas and polars are imported only inside the ``to_*`` methods.
"""
from __future__ import annotations

import json
from typing import Any, Iterator, Optional, Sequence

from ..errors import StoreError

# Column types of each result kind, so that empty results still have typed columns.
# Kinds: str, int, float, bool, date, timestamp, list (of str).
EVENT_COLUMNS: dict[str, str] = {
    "id": "str", "article_id": "str", "url": "str", "publisher": "str", "title": "str",
    "published": "str",
    "type": "str", "mode": "str", "contexts": "list",
    "acled_event_type": "str", "acled_sub_event_type": "str", "cameo": "str",
    "actors": "list", "actor_names": "list", "actor_countries": "list", "actor_sectors": "list",
    "recipients": "list", "recipient_names": "list", "recipient_countries": "list",
    "recipient_sectors": "list",
    "location": "str", "location_geonameid": "int", "location_lat": "float",
    "location_lon": "float", "location_country": "str", "location_admin1": "str",
    "location_feature": "str", "location_precision": "int",
    "date": "str", "date_granularity": "str", "date_basis": "str", "event_date": "date",
    "modality": "str", "attribution": "list",
    "fatalities": "int", "injured": "int", "arrested": "int",
    "evidence": "str", "evidence_start": "int", "evidence_end": "int", "confidence": "float",
    "incident_id": "str", "grade": "str", "ingested_at": "timestamp",
}

INCIDENT_COLUMNS: dict[str, str] = {
    "id": "str", "grade": "str", "reasons": "list", "event_ids": "list",
    "article_ids": "list", "sources": "list",
}

ARTICLE_COLUMNS: dict[str, str] = {
    "id": "str", "url": "str", "publisher": "str", "title": "str", "published": "str",
    "published_basis": "str", "language": "str", "status": "str", "error_codes": "list",
    "error_messages": "list", "source": "str", "n_events": "int", "ingested_at": "timestamp",
}


class Result:
    """Rows of a query, with their column names and types.

    Iterating gives dicts; ``rows()`` gives a list of dicts; ``to_arrow()``,
    ``to_pandas()`` and ``to_polars()`` give typed tables.  For events,
    ``records()`` gives each event as in the article record (nested location,
    date, acled, evidence) plus the store's fields.
    """

    def __init__(self, kind: str, types: dict[str, str], data: Sequence[tuple],
                 records: Optional[Sequence[str]] = None):
        self.kind = kind
        self.types = types
        self.columns = list(types)
        self._data = list(data)
        self._records = list(records) if records is not None else None

    def __len__(self) -> int:
        return len(self._data)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        for row in self._data:
            yield dict(zip(self.columns, row))

    def __repr__(self) -> str:
        return f"<Result {self.kind}: {len(self)} rows>"

    def rows(self) -> list[dict[str, Any]]:
        """The rows as dicts (dates as ``datetime.date``, lists as lists)."""
        return list(self)

    def records(self) -> Iterator[dict[str, Any]]:
        """Events as in the article record, plus article and incident fields."""
        if self._records is None:
            yield from self
            return
        for row, raw in zip(self, self._records):
            record = json.loads(raw)
            for key in ("article_id", "url", "publisher", "published", "incident_id", "grade"):
                record[key] = row[key]
            event_date = row.get("event_date")
            record["event_date"] = event_date.isoformat() if event_date else None
            yield record

    def to_arrow(self):
        """A ``pyarrow.Table`` with typed columns (list columns as ``list<string>``)."""
        pa = _need("pyarrow")
        kinds = {
            "str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
            "date": pa.date32(), "timestamp": pa.timestamp("us"), "list": pa.list_(pa.string()),
        }
        schema = pa.schema([(name, kinds[kind]) for name, kind in self.types.items()])
        columns = list(zip(*self._data)) if self._data else [() for _ in self.columns]
        arrays = [pa.array(list(col), type=schema.field(i).type) for i, col in enumerate(columns)]
        return pa.Table.from_arrays(arrays, schema=schema)

    def to_pandas(self):
        """A ``pandas.DataFrame`` (list columns hold Python lists)."""
        pd = _need("pandas")
        try:
            table = self.to_arrow()
        except StoreError:  # no pyarrow: build the frame from the rows
            return pd.DataFrame(self._data, columns=self.columns)
        frame = table.to_pandas()
        for name, kind in self.types.items():  # plain lists are easier to use than ndarrays
            if kind == "list":
                frame[name] = [list(v) if v is not None else None for v in frame[name]]
        return frame

    def to_polars(self):
        """A ``polars.DataFrame``."""
        pl = _need("polars")
        try:
            return pl.from_arrow(self.to_arrow())
        except StoreError:
            return pl.DataFrame(self.rows())


def _need(module: str):
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise StoreError(f"{module} is not installed; install it with: pip install {module}") from None
