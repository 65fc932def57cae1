"""Times stage: find time expressions and normalise them against the publication date.

Reads the parsed ``Doc`` (its text; where a model ran, also its DATE entities, tags and
dependencies) and writes :class:`~eventwire.records.TimeExpr` records with TIMEX3-like
values: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-Www`` (``-WE`` for a weekend),
``YYYY-SU``/``SP``/``FA``/``WI``, ``YYYY-Qn``, decades ``199X`` and centuries ``19``.

A deterministic grammar compiled from ``data/times/lexicon.toml`` proposes candidate
spans; the model only settles what the text alone cannot: whether a bare "May" or
"2000" is a date (DATE entity, not PERSON or CARDINAL) and whether a clause is in the
future tense ("will meet on Friday" is the next Friday, "met on Friday" the last one).
spaCy's own DATE spans are not copied: they over-extend ("the past three years",
"35-year-old") and miss abbreviations ("Sept. 30").  Durations, ages, counts and
times of day alone are not time expressions here.

Choices a reader should know:

* A span is the expression proper, without its preposition: "Friday", not "on Friday";
  a modifier stays inside ("mid-October", "Earlier this month", "late 2014").
* Modifiers do not change the value: "mid-October" is ``2015-10``, "late 2014" is
  ``2014`` (TimeExpr has no TIMEX3 ``mod`` field).
* A day range within one month ("10-12 October") is that month: the value must contain
  what the text says.
* Without a publication date nothing relative is emitted: no guesses.
* An undated day or month ("30 September", "in June") is the most recent one on or
  before publication in past-tense clauses, the next one in future-tense clauses, and
  the nearest one when the clause has no tense (a noun phrase).  A weekday with no
  tense is read as past, as news usually is.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Optional

from .records import Published, Section, Span, TimeExpr

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = ["find_times", "find_times_in_text", "normalise", "infer_published"]

Tense = Optional[str]  # "past" | "future" | None


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class _Lexicon:
    months: dict[str, int]            # surface form without "." -> month
    full_months: tuple[str, ...]
    abbreviations: tuple[str, ...]
    weekdays: dict[str, int]
    weekday_blockers: frozenset[str]
    parts_of_day: tuple[str, ...]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    seasons: dict[str, str]
    holidays: dict[str, tuple[int, int]]  # name with plain apostrophes -> (month, day)
    month_preps: frozenset[str]
    year_preps: frozenset[str]
    reporting_verbs: frozenset[str] = frozenset()
    anaphors: tuple[tuple[str, str, int], ...] = ()  # (phrase, "day"|"week", offset)


@functools.cache
def _lexicon() -> _Lexicon:
    raw = tomllib.loads(resources.files("eventwire").joinpath("data/times/lexicon.toml").read_text("utf-8"))
    months = {k: int(v) for k, v in raw["months"].items()}
    longest: dict[int, str] = {}
    for name, number in months.items():
        if len(name) > len(longest.get(number, "")):
            longest[number] = name
    full = tuple(longest.values())
    holidays = {k: (int(v[:2]), int(v[3:])) for k, v in raw["holidays"].items()}
    return _Lexicon(
        months=months,
        full_months=full,
        abbreviations=tuple(k for k in months if k not in full),
        weekdays={k: int(v) for k, v in raw["weekdays"].items()},
        weekday_blockers=frozenset(raw["weekday_names"]["blockers"]),
        parts_of_day=tuple(raw["parts_of_day"]["words"]),
        numbers={k.lower(): int(v) for k, v in raw["numbers"].items()},
        ordinals={k.lower(): int(v) for k, v in raw["ordinals"].items()},
        seasons={k.lower(): v for k, v in raw["seasons"].items()},
        holidays=holidays,
        month_preps=frozenset(w.lower() for w in raw["prepositions"]["month"]),
        year_preps=frozenset(w.lower() for w in raw["prepositions"]["year"]),
        reporting_verbs=frozenset(raw.get("tense", {}).get("reporting_verbs", ())),
        anaphors=tuple((k.lower(), str(v[0]), int(v[1])) for k, v in raw.get("anaphors", {}).items()),
    )


# --------------------------------------------------------------------------- grammar


def _alt(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


def _spaced(phrase: str) -> str:
    return r"\s+".join(re.escape(w).replace("'", "['’]") for w in phrase.split())


@functools.cache
def _grammar() -> tuple[re.Pattern[str], tuple[tuple[str, re.Pattern[str]], ...]]:
    """A trigger pattern (a word every expression contains) and the rules, by kind."""
    lex = _lexicon()
    month_any = (
        "(?:" + _alt([re.escape(m) for m in lex.full_months] + [re.escape(a) + r"\.?" for a in lex.abbreviations])
        + r")(?![A-Za-z])"
    )
    month_full = "(?:" + _alt(lex.full_months) + r")(?![\w])"
    wd = "(?:" + _alt(lex.weekdays) + r")(?![\w])"
    day = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w)"
    year = r"(?:1\d\d\d|20\d\d)(?![\w%]|[.,]\d)"
    day_start = r"(?<![\w.,:/$£€–-])"
    mod = (r"(?P<mod>(?i:early|late|mid)(?:-|\s+)|"
           r"(?i:(?:the\s+)?(?:end|beginning|start|middle|first\s+half|second\s+half)\s+of)\s+)")
    dmod = r"(?P<mod>(?i:early|late|mid)(?:-|\s+))"
    rel = r"(?P<rel>(?i:this\s+past|last|this|next))\s+"
    parts = "(?i:" + _alt(lex.parts_of_day) + ")"
    numbers = "|".join(_spaced(w) for w in sorted(lex.numbers, key=len, reverse=True))
    ordinals = _alt(re.escape(w) for w in lex.ordinals)
    seasons = _alt(lex.seasons)
    holidays = _alt(_spaced(h) for h in lex.holidays)
    year_tail = rf"(?:,?\s+(?P<y>{year}))?"
    rules = {
        "iso": rf"(?<![\w./-])(?P<y>(?:1[6-9]|20)\d\d)(?P<sep>[-/])(?P<m>0?[1-9]|1[0-2])(?P=sep)"
               rf"(?P<d>0?[1-9]|[12]\d|3[01])(?![\w/-])",
        "numeric": r"(?<![\w./-])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:1[6-9]|20)\d\d)(?![\w/])",
        "dmy": rf"(?:(?P<wd>{wd})(?:\s+{parts})?,?\s+)?{day_start}(?P<d>{day})(?:\s+of)?\s+(?P<m>{month_any}){year_tail}",
        "mdy": rf"(?:(?P<wd>{wd})(?:\s+{parts})?,?\s+)?(?P<m>{month_any})\s+(?P<d>{day})(?![:.,]\d){year_tail}",
        "drange": rf"{day_start}(?P<d>{day})\s*(?:-|–|to|and)\s*(?P<d2>{day})\s+(?P<m>{month_any}){year_tail}",
        "mdrange": rf"(?P<m>{month_any})\s+(?P<d>{day})\s*(?:-|–|to|and)\s*(?P<d2>{day}){year_tail}",
        "month_year": rf"{mod}?(?P<m>{month_any})(?:\s+of)?,?\s+(?P<y>{year})",
        "month": rf"(?:{mod}|{rel})?(?P<m>{month_full})",
        "year_mod": rf"{mod}(?P<y>{year})",
        "year": rf"(?<![\w.,$£€/#])(?P<y>{year})(?![-–]year)",
        "decade": rf"(?<![\w'’]){dmod}?(?P<y>(?:1\d|20)\d0)['’]?s(?!\w)",
        "decade_short": rf"(?i:\bthe\s+)(?P<core>{dmod}?['’]?(?P<yy>\d0)s)(?!\w)",
        "century": rf"{dmod}?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|(?i:{ordinals}))[\s-]+(?i:century)(?!\w)",
        "weekday": rf"(?:{rel})?(?P<wd>{wd})(?:\s+(?P<part>{parts})(?!\w))?",
        "relday": r"(?i:\b(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today"
                  r"|tonight|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))"
                  r"(?:\s+(?P<part>morning|afternoon|evening|night))?(?!\w))",
        "relunit": rf"(?i:(?:\b(?P<mod>earlier|later|early|late|mid|(?:the\s+)?(?:end|beginning|start|middle|"
                   rf"first\s+half|second\s+half)\s+of)[\s-]+)?\b(?P<rel>this\s+past|last|this|next)\s+"
                   rf"(?P<unit>weekend|week|month|year|quarter|{seasons})(?!\w))",
        "ago": rf"(?i:\b(?P<n>\d{{1,3}}|{numbers})\s+(?P<unit>day|week|month|year|decade)s?\s+ago(?!\w))",
        "season_year": rf"{dmod}?(?:(?i:the)\s+)?(?P<s>(?i:{seasons}))(?:\s+of)?,?\s+(?P<y>{year})",
        "quarter": rf"(?:(?i:the)\s+)?(?P<q>(?i:first|second|third|fourth|1st|2nd|3rd|4th))\s+(?i:quarter)"
                   rf"(?:\s+of)?,?\s+(?P<y>{year})",
        "quarter_q": rf"\bQ(?P<q>[1-4])\s+(?P<y>{year})",
        "holiday": rf"(?P<h>{holidays}){year_tail}(?!\w)",
        "christmas": rf"(?P<h>Christmas)\s+(?P<y>{year})",
    }
    heads = {*lex.months, *lex.weekdays, *(re.escape(h.split()[0]) for h in lex.holidays), "Christmas"}
    keywords = [*lex.seasons, *lex.parts_of_day, "week", "weekend", "month", "year", "quarter", "century",
                "yesterday", "today", "tonight", "tomorrow", "ago"]
    heads |= {w for k in keywords for w in (k, k.capitalize(), k.upper())}
    trigger = rf"(?<![A-Za-z])(?:\d|Q[1-4]|(?:{_alt(heads)})(?![a-z]))"
    # Every expression starts a word; the look-behind makes each rule fail fast inside words.
    return re.compile(trigger), tuple((kind, re.compile(rf"(?<![\w'’])(?:{pattern})"))
                                      for kind, pattern in rules.items())


# --------------------------------------------------------------------------- context


class _Context:
    """What the text alone cannot tell: the model's entities and tense, where a model ran."""

    def __init__(self, text: str, doc: "Doc | None" = None):
        self.text = text
        self.doc = doc

    def _span(self, start: int, end: int):
        return self.doc.char_span(start, end, alignment_mode="expand") if self.doc is not None else None

    def entity(self, start: int, end: int) -> Optional[str]:
        """The entity label the model gave these characters, if any."""
        span = self._span(start, end)
        if span is None:
            return None
        labels = [t.ent_type_ for t in span if t.ent_type_]
        return labels[0] if labels else None

    def next_is_plural_noun(self, start: int, end: int) -> bool:
        """Whether a plural noun follows ("in 2000 villages": a count, not a year)."""
        span = self._span(start, end)
        if span is not None:
            return span.end < len(self.doc) and self.doc[span.end].tag_ == "NNS"
        m = re.match(r"\s+([a-z]+s)\b", self.text[end:end + 30])
        return bool(m) and m.group(1) not in {"was", "has", "is", "as", "its", "this", "his", "us", "says"}

    def tense(self, start: int, end: int) -> Tense:
        """"future", "past" or None for the clause governing ``text[start:end]``."""
        if self.doc is None:
            return _text_tense(self.text, start)
        span = self._span(start, end)
        return _parse_tense(span.root) if span is not None else None


_FUTURE_WORDS = re.compile(r"(?i)\b(?:will|shall|won['’]t|['’]ll|(?:is|are)\s+(?:due|scheduled|set|expected|"
                           r"slated|planned|going|poised)\s+to|plans?\s+to)\b")


_REPORTED_FUTURE = re.compile(r"(?i)\b(?:said|told|announced|added|warned|promised|pledged|vowed)\b.*\bwould\b")


_PAST_WORDS = re.compile(r"\b(?:was|were|had|did|said|told|began|took|made|came|went|fell|held|broke|met|left|"
                         r"won|lost|saw|gave|struck|fought|fled|rose|drew|sent|brought|"
                         r"(?<!is\s)(?<!are\s)(?<!be\s)(?<!been\s)[a-z]{2,}ed)\b")


def _text_tense(text: str, start: int) -> Tense:
    # Without a parse: a future auxiliary, else a past-tense verb, earlier in the same clause.
    window = re.split(r"[.!?;\n]|,\s", text[max(0, start - 80):start])[-1]
    if _FUTURE_WORDS.search(window) or _REPORTED_FUTURE.search(window):
        return "future"
    return "past" if _PAST_WORDS.search(window) else None


_FUTURE_LEMMAS = {"schedule", "plan", "set", "due", "expect", "slate", "intend", "go", "poise"}


def _parse_tense(token) -> Tense:
    # Climb from the expression to the verb that governs it; the first verb that shows
    # tense decides.  Non-finite verbs ("carrying" in "began carrying out strikes on
    # 30 September") pass the question to their head.
    for _ in range(10):
        if token.pos_ in ("VERB", "AUX") or (token.lemma_ == "due" and token.pos_ == "ADJ"):
            auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
            words = {a.lower_ for a in auxes}
            if words & {"will", "shall", "'ll", "’ll", "wo"}:
                return "future"
            if "would" in words and token.dep_ == "ccomp" and token.head.tag_ == "VBD" \
                    and token.head.lemma_.lower() in _lexicon().reporting_verbs:
                return "future"  # reported future: "she said they would march on Friday"
            if words & {"would", "could", "might", "should", "may", "must"}:
                return None
            present = token.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes) \
                or (token.pos_ == "ADJ" and token.head.tag_ in ("VBZ", "VBP"))
            if token.lemma_ in _FUTURE_LEMMAS and present and any(c.dep_ == "xcomp" for c in token.children):
                return "future"
            if token.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
                return "past"
            if token.tag_ == "VBN" and (not auxes or any(a.lemma_ == "have" for a in auxes)):
                return "past"  # "has retaken", and "the budget, approved in January"
            if present:
                return None
        if token.head.i == token.i:
            return None
        token = token.head
    return None


# --------------------------------------------------------------------------- candidates


@dataclass(frozen=True)
class _Candidate:
    kind: str
    start: int
    end: int
    groups: dict


_MARGIN = 64  # characters around a trigger word: longer than any expression's reach from it


def _windows(text: str, trigger: re.Pattern[str]) -> list[tuple[int, int]]:
    # The rules are tried only near a trigger word; most of an article has none, and
    # trying two dozen patterns at every character costs more than the parse's margin.
    windows: list[tuple[int, int]] = []
    for m in trigger.finditer(text):
        start, end = max(0, m.start() - _MARGIN), min(len(text), m.end() + _MARGIN)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _candidates(text: str) -> Iterator[_Candidate]:
    trigger, rules = _grammar()
    windows = _windows(text, trigger)
    for kind, pattern in rules:
        for m in (m for a, b in windows for m in pattern.finditer(text, a, b)):
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            start, end = m.span("core") if "core" in groups else m.span()
            # A leading "the" is part of the expression only with a modifier ("the end of June").
            if text.startswith(("the ", "The "), start) and kind in ("season_year", "quarter"):
                start += 4
            yield _Candidate(kind, start, end, groups)


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z]+)\s+$", text[max(0, start - 30):start])
    return m.group(1) if m else ""


_NUMERIC_ENTS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL"}


def _accepted(c: _Candidate, ctx: _Context) -> bool:
    lex = _lexicon()
    text = ctx.text
    if c.kind == "month" and not ("mod" in c.groups or "rel" in c.groups):
        label = ctx.entity(c.start, c.end)
        if label == "DATE":
            return True
        if label is not None:  # "May" the person, "March" the event name
            return False
        return _prev_word(text, c.start).lower() in lex.month_preps
    if c.kind == "year":
        label = ctx.entity(c.start, c.end)
        prev = _prev_word(text, c.start).lower()
        if label in _NUMERIC_ENTS:
            return False
        if ctx.next_is_plural_noun(c.start, c.end):
            # "2000 troops" counts; "the 2014 elections" dates (the model tags both DATE).
            return prev == "the"
        if label == "DATE":
            return True
        if re.search(r"(?:1\d|20)\d\d\s*(?:[-–]|to|and|or)\s*$", text[max(0, c.start - 12):c.start]):
            return True
        return prev in lex.year_preps
    if c.kind == "weekday" and "rel" not in c.groups:
        return _prev_word(text, c.start) not in lex.weekday_blockers
    if c.kind == "relday" and text[c.start:c.end].startswith("Today"):
        # "USA Today", "Russia Today" are outlets.
        before = text[max(0, c.start - 30):c.start]
        return not re.search(r"[A-Z][\w.]*[ \t]+$", before)
    if c.kind == "relunit" and "mod" not in c.groups:
        # "the last week", "over the next year": durations, not dates.
        return _prev_word(text, c.start).lower() != "the"
    return True


def _select(cands: Iterable[_Candidate]) -> list[_Candidate]:
    chosen: list[_Candidate] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.start)):
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


# --------------------------------------------------------------------------- resolution


@dataclass(frozen=True)
class _Value:
    value: str
    granularity: str
    relative: bool = False


def _month(word: str) -> int:
    return _lexicon().months[word.rstrip(".")]


def _int(digits: str) -> int:
    return int(re.match(r"\d+", digits).group())


def _date(y: int, m: int, d: int) -> Optional[dt.date]:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _day(d: Optional[dt.date], relative: bool = False) -> Optional[_Value]:
    return _Value(d.isoformat(), "day", relative) if d is not None else None


def _week(d: dt.date, suffix: str = "") -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}{suffix}"


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    index = y * 12 + m - 1 + k
    return index // 12, index % 12 + 1


def _pick(prev, nxt, tense: Tense, distance: Callable):
    if tense == "future":
        return nxt or prev
    if tense == "past" or prev is None or nxt is None:
        return prev or nxt
    return prev if distance(prev) <= distance(nxt) else nxt


def _pick_day(month: int, day: int, pub: dt.date, tense: Tense) -> Optional[dt.date]:
    options = [d for y in (pub.year - 1, pub.year, pub.year + 1) if (d := _date(y, month, day))]
    prev = max((d for d in options if d <= pub), default=None)
    nxt = min((d for d in options if d >= pub), default=None)
    return _pick(prev, nxt, tense, lambda d: abs((d - pub).days))


def _pick_month(month: int, pub: dt.date, tense: Tense) -> tuple[int, int]:
    here = pub.year * 12 + pub.month - 1
    options = [y * 12 + month - 1 for y in (pub.year - 1, pub.year, pub.year + 1)]
    prev = max((i for i in options if i <= here), default=None)
    nxt = min((i for i in options if i >= here), default=None)
    index = _pick(prev, nxt, tense, lambda i: abs(i - here))
    return index // 12, index % 12 + 1


def _pick_weekday(weekday: int, pub: dt.date, rel: str, tense: Tense) -> dt.date:
    back = (pub.weekday() - weekday) % 7
    ahead = (weekday - pub.weekday()) % 7
    if rel in ("last", "this past"):
        return pub - dt.timedelta(days=back or 7)
    if rel == "next":
        return pub + dt.timedelta(days=ahead or 7)
    if tense == "future" or (rel == "this" and tense != "past"):
        return pub + dt.timedelta(days=ahead)
    return pub - dt.timedelta(days=back)


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _pick_season(code: str, pub: dt.date, step: int) -> str:
    here = pub.year * 12 + pub.month - 1
    current_start = max(y * 12 + s - 1 for y in (pub.year - 1, pub.year)
                        for s in _SEASON_START.values() if y * 12 + s - 1 <= here)
    starts = [y * 12 + _SEASON_START[code] - 1 for y in range(pub.year - 2, pub.year + 2)]
    if step < 0:
        index = max(i for i in starts if i < current_start)
    elif step > 0:
        index = min(i for i in starts if i > here)
    else:
        return f"{pub.year - (code == 'WI' and pub.month <= 2)}-{code}"
    return f"{index // 12}-{code}"


_STEP = {"last": -1, "this past": -1, "this": 0, "next": 1}


def _norm(word: str) -> str:
    return re.sub(r"\s+", " ", word.lower())


def _resolve(c: _Candidate, pub: Optional[dt.date], tense: Callable[[], Tense]) -> Optional[_Value]:
    g = c.groups
    kind = c.kind
    if kind == "iso":
        return _day(_date(int(g["y"]), int(g["m"]), int(g["d"])))
    if kind == "numeric":
        a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
        if a > 12 >= b:
            return _day(_date(y, b, a))
        if b > 12 >= a or a == b:
            return _day(_date(y, a, b))
        return None  # 03/04/2015: day-month order unknown
    if kind in ("dmy", "mdy", "holiday", "christmas"):
        if kind == "christmas":
            month, day = 12, 25
        elif kind == "holiday":
            month, day = _lexicon().holidays[re.sub(r"\s+", " ", g["h"]).replace("’", "'")]
        else:
            month, day = _month(g["m"]), _int(g["d"])
        if "y" in g:
            return _day(_date(int(g["y"]), month, day))
        if pub is None or _date(2000, month, day) is None:
            return None
        return _day(_pick_day(month, day, pub, tense()), relative=True)
    if kind in ("drange", "mdrange"):
        month = _month(g["m"])
        if _int(g["d"]) >= _int(g["d2"]):
            return None
        if "y" in g:
            return _Value(f"{int(g['y']):04d}-{month:02d}", "month")
        if pub is None:
            return None
        y, m = _pick_month(month, pub, tense())
        return _Value(f"{y:04d}-{m:02d}", "month", True)
    if kind == "month_year":
        return _Value(f"{int(g['y']):04d}-{_month(g['m']):02d}", "month")
    if kind == "month":
        if pub is None:
            return None
        month = _month(g["m"])
        here = pub.year * 12 + pub.month - 1
        rel = _norm(g.get("rel", ""))
        if rel in ("last", "this past"):
            index = here - ((pub.month - month) % 12 or 12)
        elif rel == "next":
            index = here + ((month - pub.month) % 12 or 12)
        elif rel == "this":
            index = pub.year * 12 + month - 1
        else:
            y, m = _pick_month(month, pub, tense())
            index = y * 12 + m - 1
        return _Value(f"{index // 12:04d}-{index % 12 + 1:02d}", "month", True)
    if kind in ("year", "year_mod"):
        return _Value(f"{int(g['y']):04d}", "year")
    if kind == "decade":
        return _Value(f"{int(g['y']) // 10}X", "decade")
    if kind == "decade_short":
        yy = int(g["yy"])
        century = pub.year // 100 if pub else (19 if yy >= 30 else 20)
        if pub and century * 100 + yy > pub.year:
            century -= 1
        return _Value(f"{century * 10 + yy // 10}X", "decade")
    if kind == "century":
        n = g["n"].lower()
        number = _lexicon().ordinals.get(n) or _int(n)
        return _Value(f"{number - 1:02d}", "century") if 1 <= number <= 21 else None
    if kind == "season_year":
        return _Value(f"{int(g['y']):04d}-{_lexicon().seasons[g['s'].lower()]}", "season")
    if kind in ("quarter", "quarter_q"):
        q = g["q"].lower()
        number = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(q) or _int(q)
        return _Value(f"{int(g['y']):04d}-Q{number}", "quarter")
    if pub is None:
        return None  # everything below is relative to the publication date
    if kind == "weekday":
        weekday = _lexicon().weekdays[g["wd"]]
        rel = _norm(g.get("rel", ""))
        return _day(_pick_weekday(weekday, pub, rel, tense() if rel in ("", "this") else None), True)
    if kind == "relday":
        w = _norm(g["w"])
        offset = {"yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2,
                  "the day after tomorrow": 2}.get(w, 0)
        return _day(pub + dt.timedelta(days=offset), True)
    if kind == "relunit":
        step = _STEP[_norm(g["rel"])]
        unit = g["unit"].lower()
        if unit in ("week", "weekend"):
            return _Value(_week(pub + dt.timedelta(days=7 * step), "-WE" if unit == "weekend" else ""), "week", True)
        if unit == "month":
            y, m = _shift_month(pub.year, pub.month, step)
            return _Value(f"{y:04d}-{m:02d}", "month", True)
        if unit == "year":
            return _Value(f"{pub.year + step:04d}", "year", True)
        if unit == "quarter":
            index = pub.year * 4 + (pub.month - 1) // 3 + step
            return _Value(f"{index // 4:04d}-Q{index % 4 + 1}", "quarter", True)
        return _Value(_pick_season(_lexicon().seasons[unit], pub, step), "season", True)
    if kind == "ago":
        n_word = _norm(g["n"])
        n = int(n_word) if n_word.isdigit() else _lexicon().numbers[n_word]
        unit = g["unit"].lower()
        years_back = {"year": n, "decade": 10 * n}.get(unit, 0)
        if n == 0 or pub.year - years_back < 1:
            return None
        if unit == "day":
            return _day(pub - dt.timedelta(days=n), True)
        if unit == "week":
            return _Value(_week(pub - dt.timedelta(days=7 * n)), "week", True)
        if unit == "month":
            y, m = _shift_month(pub.year, pub.month, -n)
            return _Value(f"{y:04d}-{m:02d}", "month", True)
        if unit == "year":
            return _Value(f"{pub.year - n:04d}", "year", True)
        return _Value(f"{(pub.year - 10 * n) // 10}X", "decade", True)
    return None


# --------------------------------------------------------------------------- public API


def _published(published: Optional[str]) -> Optional[dt.date]:
    if not published:
        return None
    try:
        day = dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        return None
    # Far from the calendar's ends, so that "next week" and "ten years ago" stay dates.
    return day if 1000 <= day.year <= 9000 else None


_SINCE = re.compile(r"(?i)\bsince\s+(?:the\s+)?$")


def _scan(ctx: _Context, published: Optional[str]) -> tuple[TimeExpr, ...]:
    text = ctx.text
    pub = _published(published)
    found = []
    for c in _select(c for c in _candidates(text) if _accepted(c, ctx)):
        value = _resolve(c, pub, lambda c=c: ctx.tense(c.start, c.end))
        if value is None:
            continue
        since = bool(_SINCE.search(text[max(0, c.start - 16):c.start]))
        found.append(TimeExpr(Span.of(text, c.start, c.end), value.value, value.granularity,  # type: ignore[arg-type]
                              relative=value.relative, since=since))
    return _anaphoric(text, tuple(found))


@functools.cache
def _anaphor_pattern() -> Optional[re.Pattern[str]]:
    phrases = [p for p, _, _ in _lexicon().anaphors]
    if not phrases:
        return None
    alt = "|".join(_spaced(p) for p in sorted(phrases, key=len, reverse=True))
    # "the day before" / "the day after" only alone: "the day before the vote" is another anchor
    return re.compile(rf"(?i)(?<![\w'’])(?:on\s+)?(?P<a>{alt})(?![\w-])")


# "the day before the vote": anchored on something else than the last date
_ANCHORED = re.compile(r"\s+(?:the|a|an|his|her|its|their|our|my|this|that|[A-Z0-9])")


def _anaphoric(text: str, found: tuple[TimeExpr, ...]) -> tuple[TimeExpr, ...]:
    """"On the same day", "the next day", "that week": the day or week of the most recent
    day-level (or, for weeks, week-level) expression before them."""
    pattern = _anaphor_pattern()
    if pattern is None or not found:
        return found
    table = {p: (unit, offset) for p, unit, offset in _lexicon().anaphors}
    out = list(found)
    for m in pattern.finditer(text):
        start, end = m.span()
        if any(t.span.start < end and start < t.span.end for t in out):
            continue
        phrase = _norm(m.group("a")).replace("’", "'")
        if phrase.endswith(("before", "after")) and _ANCHORED.match(text, end):
            continue
        unit, offset = table[phrase]
        before = [t for t in out if t.span.end <= start and (t.granularity == "day" or
                                                              (unit == "week" and t.granularity == "week"))]
        if not before:
            continue
        ante = max(before, key=lambda t: t.span.start)
        if ante.granularity == "day":
            day = _published(ante.value)
            if day is None:
                continue
            if unit == "day":
                value, gran = (day + dt.timedelta(days=offset)).isoformat(), "day"
            else:
                value, gran = _week(day + dt.timedelta(days=7 * offset)), "week"
        else:
            m_week = re.fullmatch(r"(\d{4})-W(\d\d)", ante.value)
            if m_week is None:
                continue
            monday = dt.date.fromisocalendar(int(m_week[1]), int(m_week[2]), 1)
            value, gran = _week(monday + dt.timedelta(days=7 * offset)), "week"
        out.append(TimeExpr(Span.of(text, start, end), value, gran, relative=ante.relative))  # type: ignore[arg-type]
        out.sort(key=lambda t: t.span.start)
    return tuple(out)


def find_times(doc: "Doc", published: Optional[str]) -> tuple[TimeExpr, ...]:
    """Every time expression in ``doc``, normalised against ``published`` (YYYY-MM-DD or None).

    Expressions that need the publication date are left out when it is None.
    """
    return _scan(_Context(doc.text, doc), published)


def find_times_in_text(text: str, published: Optional[str]) -> tuple[TimeExpr, ...]:
    """Like :func:`find_times` on plain text, without a model.

    Without a parse, a bare month or year needs a preposition to count ("in May"), and
    tense comes from the words before the expression in its clause: a future auxiliary
    ("will", "is due to") makes it future, a past-tense verb past.
    """
    return _scan(_Context(text), published)


_LEAD = re.compile(r"(?i)(?:(?:(?:ever\s+)?since|on|in|at|by|during|until|from|of)\s+)?(?:the\s+)?")


def normalise(expression: str, published: Optional[str], tense: Tense = None) -> Optional[TimeExpr]:
    """The value of one time expression ("30 September", "earlier this month"), or None.

    A leading preposition is allowed ("on Friday"); ``tense`` ("past"/"future") settles
    undated days and months.  The span is relative to ``expression``.
    """
    text = expression.strip()
    pub = _published(published)
    for c in _select(_candidates(text)):
        if c.end == len(text) and _LEAD.fullmatch(text[:c.start]):
            value = _resolve(c, pub, lambda: tense)
            if value is None:
                return None
            since = bool(_SINCE.search(text[:c.start]))
            return TimeExpr(Span.of(text, c.start, c.end), value.value, value.granularity,  # type: ignore[arg-type]
                            relative=value.relative, since=since)
    return None


def infer_published(times: Iterable[TimeExpr], sections: Iterable[Section]) -> Published:
    """A lower bound on the publication date of an undated article.

    The latest absolute day-level date the text states (a dated photo caption, a
    "20 October 2015" in the body) bounds the publication date from below.  Dates after
    today are ignored, and so is a date more than a year after every other dated day
    unless it is in a caption: it is more likely a scheduled event than a report.
    Returns ``Published(None, "unknown")`` when there is nothing to go on.
    """
    today = dt.date.today()
    captions = [(s.start, s.end) for s in sections if s.kind == "caption"]
    dated: list[tuple[dt.date, bool]] = []
    for t in times:
        if t.relative or t.granularity != "day":
            continue
        day = _published(t.value)
        if day is None or day > today:
            continue
        in_caption = any(a <= t.span.start < b for a, b in captions)
        dated.append((day, in_caption))
    dated.sort()
    while len(dated) > 1 and not dated[-1][1] and (dated[-1][0] - dated[-2][0]).days > 366:
        dated.pop()
    if not dated:
        return Published(None, "unknown")
    return Published(dated[-1][0].isoformat(), "inferred")
