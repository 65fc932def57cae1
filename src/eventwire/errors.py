"""One error hierarchy, and the catalogue of coded reasons an article can carry.

Library code raises :class:`EventwireError` subclasses with a message that says what
to do.  The CLI turns them into one ``Error: ...`` line and exit status 1.  An
article that cannot be processed is not raised about: it gets ``status`` and a coded
reason from :data:`CODES` in its record, so nothing is dropped silently.
"""
from __future__ import annotations

# Coded reasons for records with status "skipped" or "error".  Codes are stable:
# users filter on them.  Messages are templates filled with str.format(**details).
CODES: dict[str, str] = {
    "E100": "input is empty or whitespace only",
    "E101": "input looks binary ({kind}), not HTML or text",
    "E102": "input could not be decoded as text ({detail})",
    "E103": "input is larger than the limit ({size} bytes > {limit} bytes)",
    "E104": "JSONL line {line} is not a JSON object ({detail})",
    "E105": "JSONL line {line} has neither 'text' nor 'html'",
    "E106": "WARC record could not be read ({detail})",
    "E107": "input could not be read ({detail})",
    "E108": "URL refused ({detail})",
    "E109": "URL could not be fetched ({detail})",
    "E200": "no article text could be extracted",
    "E201": "language is {language}, not supported (supported: en)",
    "E202": "extraction failed ({detail})",
    "E300": "processing failed in stage {stage} ({detail})",
    "E301": "processing took longer than the limit ({limit} s) in stage {stage}",
    "E302": "text is longer than the processing limit ({size} characters > {limit}); truncated",
    "E303": "processing needed more memory than the limit ({limit} MB) in stage {stage}",
}


def describe(code: str, **details: object) -> str:
    """The message of ``code`` with its details filled in."""
    template = CODES[code]
    try:
        return template.format(**details)
    except (KeyError, IndexError):
        return template


class EventwireError(Exception):
    """Base of every error eventwire raises on purpose."""


class UsageError(EventwireError):
    """The user asked for something that cannot be done as asked (bad option, bad path)."""


class InputError(EventwireError):
    """An input cannot be read at all (missing file, unreadable directory)."""


class ConfigError(EventwireError):
    """A configuration or data file is invalid."""


class ModelError(EventwireError):
    """The spaCy model is not installed or cannot be loaded."""


class StoreError(EventwireError):
    """The store cannot be opened, written or queried."""
