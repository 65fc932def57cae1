"""Casualty and arrest counts from the dependency parse of one sentence.

"killing 6 civilians", "at least a dozen were wounded", "three people were arrested",
"12 dead": a number is tied to the verb, adjective or noun it counts; vague words
follow ACLED's conservative readings ("dozens" -> 12, "hundreds" -> 100).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan, Token

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12,
    "dozens": 12, "hundreds": 100, "thousands": 1000, "scores": 20,
}
CATEGORIES = {
    "fatalities": {"kill", "die", "dead", "death", "fatality", "slay", "massacre", "execute",
                   "behead", "perish", "murder", "life", "body", "toll"},
    "injured": {"wound", "injure", "hurt", "injury", "wounded", "injured", "casualty_injured"},
    "arrested": {"arrest", "detain", "apprehend", "jail", "imprison", "nab", "round"},
}
_LINK_DEPS = {"nummod", "quantmod", "compound", "amod", "det", "nmod"}
_ARG_DEPS = {"dobj", "nsubjpass", "nsubj", "appos", "attr", "pobj", "conj", "npadvmod", "oprd"}


def number_value(token: "Token") -> Optional[int]:
    """The integer a number token stands for ("6", "1,200", "six", "dozens"), else None."""
    text = token.lower_.replace(",", "")
    if text.isdigit():
        return int(text)
    if text in _WORDS:
        value = _WORDS[text]
        # "two hundred" / "three thousand": the multiplier is the left number
        if value in (100, 1000) and token.i > 0:
            left = token.nbor(-1).lower_
            if left in _WORDS and _WORDS[left] < 100:
                return None  # counted through the left token
        for child in token.children:
            if child.dep_ in ("compound", "nummod", "quantmod") and child.lower_ in _WORDS and _WORDS[child.lower_] < 100:
                return _WORDS[child.lower_] * value if value >= 100 else value
        return value
    return None


def _category(lemma: str) -> Optional[str]:
    for name, lemmas in CATEGORIES.items():
        if lemma in lemmas:
            return name
    return None


def _lemma(token: "Token") -> str:
    lower = token.lower_
    if lower in ("wounded", "injured", "dead", "killed", "arrested", "detained"):
        return {"killed": "kill", "arrested": "arrest", "detained": "detain"}.get(lower, lower)
    return token.lemma_.lower()


def _classify(num: "Token") -> tuple[Optional[str], Optional["Token"]]:
    """The category a number counts and the token that says so."""
    target = num.head if num.dep_ in _LINK_DEPS and num.head.i != num.i else num
    # "12 dead", "six people killed", "two wounded"
    for token in target.children:
        if token is not num and token.dep_ in ("amod", "acl", "relcl", "appos"):
            cat = _category(_lemma(token))
            if cat:
                return cat, token
    if target.dep_ == "dobj" and target.head.lemma_ in ("leave", "find"):
        # "left 3 people dead", "found 12 bodies": the state the verb leaves them in
        for token in target.head.children:
            if token.i > target.i and token.dep_ in ("oprd", "acomp", "xcomp", "ccomp", "amod", "advmod", "advcl", "dep"):
                cat = _category(_lemma(token))
                if cat:
                    return cat, token
    if num.i + 1 < len(num.doc):
        nxt = num.doc[num.i + 1]
        if _lemma(nxt) in ("dead", "wounded", "injured", "killed"):
            return _category(_lemma(nxt)), nxt
    cat = _category(_lemma(target))  # "20 deaths", "the death toll of 20" handled below
    if cat and target is not num:
        return cat, target
    if target.dep_ == "pobj" and target.head.dep_ == "prep" and target.head.head.lemma_ in ("toll",):
        return "fatalities", target.head.head
    if target.dep_ in _ARG_DEPS and target.head.i != target.i:
        head = target.head
        if target.dep_ == "conj":  # "killing 6 civilians and 3 soldiers"
            while head.dep_ == "conj" and head.head.i != head.i:
                head = head.head
            head = head.head
        if head.dep_ == "prep" and head.lemma_ == "to" and head.head.lemma_ in ("rise", "climb", "reach"):
            return "fatalities", head.head  # "the death toll rose to 20"
        cat = _category(_lemma(head))
        if cat:
            return cat, head
    return None, None


def find_counts(sent: "SpacySpan") -> list[tuple[str, int, "Token"]]:
    """(category, number, cue token) for every count in the sentence."""
    out = []
    for token in sent:
        if not (token.like_num or token.lower_ in _WORDS):
            continue
        if token.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"):
            continue
        if token.head.lower_ == "including" or (token.head.head.lower_ == "including"):
            continue  # a breakdown of a total already counted
        before = [t.lower_ for t in sent.doc[max(token.i - 3, sent.start):token.i]]
        if "including" in before or any(a == "among" and b in ("them", "whom") for a, b in zip(before, before[1:])):
            continue  # "killing 11 civilians, among them four children"
        value = number_value(token)
        if value is None or value > 1_000_000:
            continue
        cat, cue = _classify(token)
        if cat:
            out.append((cat, value, cue))
    return out
