"""Small text helpers shared by the stages: whitespace, dates, packaged data files.

Nothing here imports a heavy library; every function is pure and never raises on
odd text.
"""
from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Optional

# Characters that render as nothing or as a plain space in web page text.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
         ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
         ("december", "dec")], start=1)
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = (
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]?\d)-(?P<day>[0-3]?\d)\b"),
    re.compile(r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b" + _MONTH + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]\d)[/-]([0-3]\d)(?:/|-|$)")


def clean_line(text: str) -> str:
    """Normalise one line: NFC, invisible characters removed, any run of whitespace (line
    breaks included) made one space."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    return _SPACES.sub(" ", text).strip()


def words(text: str) -> list[str]:
    """The word-like tokens of ``text`` (letters, digits, apostrophes, hyphens)."""
    return re.findall(r"[^\W_](?:[\w'’-]*[^\W_])?", text)


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends like a sentence (final stop, possibly inside quotes/brackets)."""
    return bool(re.search(r"[.!?…:;][\"'”’»)\]]*\s*$", text))


def valid_date(year: int, month: int, day: int) -> Optional[str]:
    """``YYYY-MM-DD`` if the parts make a real calendar date, else None."""
    import datetime as _dt

    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> Optional[str]:
    """The first unambiguous full date in ``text`` as ``YYYY-MM-DD`` (ISO or month-name forms)."""
    found: list[tuple[int, str]] = []
    if not _YEAR.search(text):
        return None
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            month = int(m["mnum"]) if "mnum" in m.groupdict() else MONTHS[m["month"].lower().rstrip(".")]
            value = valid_date(int(m["year"]), month, int(m["day"]))
            if value:
                found.append((m.start(), value))
                break
    return min(found)[1] if found else None


def date_in_url(url: Optional[str]) -> Optional[str]:
    """A ``/YYYY/MM/DD/`` date in a URL path, as ``YYYY-MM-DD``."""
    if not url:
        return None
    m = _URL_DATE.search(url)
    return valid_date(int(m[1]), int(m[2]), int(m[3])) if m else None


def data_path(*parts: str) -> Path:
    """Path of a packaged data file under ``eventwire/data``."""
    return Path(str(resources.files("eventwire").joinpath("data", *parts)))


@functools.lru_cache(maxsize=64)
def _load_toml(path: str) -> dict[str, Any]:
    with open(path, "rb") as fh:
        return tomllib.load(fh)


def load_toml(path: str | Path) -> dict[str, Any]:
    """Read a TOML file once per process; raises ``ConfigError`` naming the file when invalid."""
    from .errors import ConfigError

    try:
        return _load_toml(str(path))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read data file {path}: {exc}") from None


def merge_lists(tables: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Layer TOML tables: lists are concatenated, tables merged, scalars replaced."""
    merged: dict[str, Any] = {}
    for table in tables:
        for key, value in table.items():
            old = merged.get(key)
            if isinstance(old, list) and isinstance(value, list):
                merged[key] = old + value
            elif isinstance(old, dict) and isinstance(value, dict):
                merged[key] = merge_lists([old, value])
            else:
                merged[key] = value
    return merged
