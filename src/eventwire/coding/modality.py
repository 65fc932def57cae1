"""Modality: is an event stated as having happened, or as hypothetical, future, negated?

The trigger's clause is read upwards along the chain of governing verbs
(``xcomp``/``pcomp`` complements, light verbs of nominal events): auxiliaries
(would/could/might/may -> hypothetical, will/shall -> future), negation, hedges
("likely"), conditionals ("if") and the lexical class of a governing verb ("refuse
to", "plans to", "authorised X to") decide.  Negation wins over the rest, then
hypothetical, then future.  ``historical`` is decided later, from the event's date.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

    from .lexicon import Lexicon

_HYPO_AUX = {"would", "could", "might", "may", "should", "must", "can", "ca", "'d"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_HEDGES = {"likely", "possibly", "probably", "perhaps", "potentially", "maybe", "unlikely"}
_CONDITIONAL = {"if", "unless", "whether"}
_NEG_WORDS = {"not", "n't", "never", "no", "neither", "nor", "without"}
_RANK = {"negated": 3, "hypothetical": 2, "future": 1, "asserted": 0}
# How a verb's complement hangs on it: "refuse to strike", "accused of targeting",
# "called for talks", "plans to attack".
_COMPLEMENT_DEPS = {"xcomp", "pcomp", "advcl", "ccomp"}


def governor(token: "Token") -> Optional["Token"]:
    """The verb whose complement ``token`` (a verb) is, or None at a clause top."""
    if token.dep_ == "xcomp" or (token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)):
        return token.head
    if token.dep_ == "pcomp" and token.head.dep_ == "prep":
        return token.head.head
    if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.tag_ == "VBG":
        return token.head.head
    if token.dep_ == "acl" and token.head.pos_ == "NOUN" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return token.head  # "Iran's offer to mediate", "the decision to withdraw": the noun governs
    return None


def _own(verb: "Token") -> str:
    """Modality marked on one verb by its auxiliaries, negation, hedges and 'if'."""
    found = "asserted"
    for child in verb.children:
        lower = child.lower_
        if child.dep_ == "neg" or (child.dep_ in ("advmod", "det") and lower in ("never",)):
            return "negated"
        if child.dep_ == "aux" and lower in _HYPO_AUX:
            found = _max(found, "hypothetical")
        elif child.dep_ == "aux" and lower in _FUTURE_AUX:
            found = _max(found, "future")
        elif child.dep_ == "advmod" and lower in _HEDGES:
            found = _max(found, "hypothetical")
        elif child.dep_ == "mark" and lower in _CONDITIONAL:
            found = _max(found, "hypothetical")
    # "is to visit", "are going to strike"
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "be" and any(c.lower_ == "to" for c in verb.children):
        found = _max(found, "future")
    if verb.dep_ == "xcomp" and verb.head.lower_ == "going":
        found = _max(found, "future")
    return found


def _max(a: str, b: str) -> str:
    return a if _RANK[a] >= _RANK[b] else b


def modality(verb: Optional["Token"], lexicon: "Lexicon", noun: Optional["Token"] = None,
             type_: Optional[str] = None) -> str:
    """The modality of the event whose clause verb is ``verb`` (``noun``: a nominal trigger).
    An attempt at violence is violence done (governor class ``attempt`` for types in
    ``attempt_types``): PLOVER codes attempted assassinations as ASSAULT."""
    found = "asserted"
    if noun is not None and any(c.dep_ == "det" and c.lower_ in ("no",) for c in noun.children):
        return "negated"
    seen = 0
    current = verb
    while current is not None and seen < 8:
        seen += 1
        found = _max(found, _own(current))
        parent = governor(current)
        if parent is None:
            # "if" on an enclosing adverbial clause, e.g. "if talks fail, X will strike"
            if current.dep_ == "conj" and current.head.pos_ in ("VERB", "AUX"):
                current = current.head
                continue
            break
        lemma = parent.lemma_.lower()
        if type_ is not None and lexicon.governs("attempt", lemma) and lexicon.governs("attempt_types", type_):
            pass  # "attempted to assassinate the prime minister": the attempt happened
        elif lexicon.governs("negate", lemma):
            found = _max(found, "negated")
        elif lexicon.governs("hypothetical", lemma):
            found = _max(found, "hypothetical")
        elif lexicon.governs("future", lemma):
            found = _max(found, "future")
        elif not lexicon.governs("aspect", lemma) and not lexicon.governs("light", lemma):
            # other matrix verbs ("aimed at", "contributed to") keep what we have
            pass
        current = parent
    return found


def alleged(verb: Optional["Token"], lexicon: "Lexicon") -> bool:
    """Whether the clause is the content of an accusation or threat ("accuse X of -ing")."""
    current, seen = verb, 0
    while current is not None and seen < 8:
        seen += 1
        parent = governor(current)
        if parent is None:
            return False
        if lexicon.governs("allege", parent.lemma_.lower()):
            return True
        current = parent
    return False
