"""Coding stage: PLOVER/ACLED/CAMEO events from a parsed article.

Reads the spaCy ``Doc`` and the ``Analysis`` (actors, places, times, quotes, sections);
returns ``Event`` records.  Knowledge lives in ``data/events/`` (``lexicon.toml``,
``cameo_plover.csv``); users add their own lexicon files on top.

- :func:`load_lexicon` ``(extra_files=()) -> Lexicon``, cached per process;
- :func:`code_events` ``(doc, analysis, lexicon, implied=None) -> tuple[Event, ...]`` sorted by evidence start
  (``implied`` collects recipients the text implies but names no actor for);
- :func:`attribute_unnamed` ``(events, actors, lexicon, make, doc=None, implied=()) -> (events, actors)``:
  events of a type with an unnamed doer get that doer's group of the country they happened in;
  with ``doc``, events with no recipient get the state of a place they govern or, when domestic,
  a target at home; ``implied`` recipients (from ``code_events``) become actor mentions.
"""
from __future__ import annotations

from .coder import attribute_unnamed, code_events
from .lexicon import PLOVER_TYPES, Lexicon, load_lexicon

__all__ = ["attribute_unnamed", "code_events", "load_lexicon", "Lexicon", "PLOVER_TYPES"]
