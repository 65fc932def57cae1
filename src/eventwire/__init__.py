"""eventwire: news reports in, a sourced, geolocated, time-resolved event database out.

The public surface is small: :func:`process`, :class:`Pipeline`, :func:`connect` and the
record types.  Heavy modules (spaCy, DuckDB) load on first use, not on import.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["process", "Pipeline", "connect", "Article", "Event", "Options", "EventwireError"]

_LAZY = {
    "process": ("pipeline", "process"),
    "Pipeline": ("pipeline", "Pipeline"),
    "connect": ("store", "connect"),
    "Article": ("records", "Article"),
    "Event": ("records", "Event"),
    "Options": ("config", "Options"),
    "EventwireError": ("errors", "EventwireError"),
}

if TYPE_CHECKING:  # pragma: no cover
    from .config import Options
    from .errors import EventwireError
    from .pipeline import Pipeline, process
    from .records import Article, Event
    from .store import connect


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(f".{module}", __name__), attr)
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")
