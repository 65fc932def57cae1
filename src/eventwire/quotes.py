"""Quotes stage: direct, indirect and mixed statements with speaker, cue and outlet.

Reads the parsed ``Doc`` and the actor mentions of an :class:`Analysis`; writes
:class:`Quote` records.  Two passes share one lexicon (``data/quotes/*.toml``):

* quote marks are paired on the text itself (straight and curly, across paragraphs when
  a paragraph opens a quote without closing it and the next one opens with a mark), and
  each quoted stretch takes its cue from the words just after it (``"...," he said``)
  or just before it (``He said: "..."``);
* every speech verb outside quote marks is read through the dependency parse: its clausal
  (or object, or "of ...") complement is the reported content, its subject the speaker.
  A complement that holds a quoted fragment and words of the reporter is ``mixed``.

Speakers are named from the actor mentions they overlap; unnamed sources ("a senior
official", "one of the officers") are anonymous and keep their description; pronouns
and definite descriptions ("he", "they", "the official") take the identity of the most
recent compatible speaker or person in an earlier sentence.
"""
from __future__ import annotations

import bisect
import functools
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional

from .records import ActorMention, Analysis, Quote, Span, Speaker
from .textutil import data_path, load_toml, merge_lists

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

__all__ = ["find_quotes", "load_rules", "Rules", "claims_responsibility"]

_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SENT_END = frozenset({".", "!", "?"})
_SUBJECTS = ("nsubj", "nsubjpass")
_CLIMB = frozenset({"conj", "advcl", "xcomp", "pcomp", "prep", "acl"})
_OPEN_DOUBLE = "\"“«„"
_CLOSE_DOUBLE = "\"”»"
_SINGLE = "'‘’"
_MARKS = frozenset(_OPEN_DOUBLE + _CLOSE_DOUBLE + _SINGLE + "``''")
_TRIM = " \t\n\r\u00a0,;:—–-"
_PRONOUNS = {"he": "sg-human", "she": "sg-human", "they": "plural", "it": "sg-thing"}
_ORG_KINDS = frozenset({"organization", "media", "igo", "state", "armed_group", "group"})


# -- the lexicon ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Rules:
    """The compiled lexicon of the quotes stage."""

    verbs: dict[str, frozenset[str]]
    particles: dict[str, str]
    anonymous_nouns: frozenset[str]
    quantifiers: frozenset[str]
    anonymity_cues: tuple[str, ...]
    document_nouns: frozenset[str]
    outlet_nouns: frozenset[str]
    audience_nouns: frozenset[str]
    not_sources: frozenset[str]
    attribution: tuple[tuple[str, ...], ...]
    via_nouns: frozenset[str]
    via_preps: frozenset[str]
    verb_preps: frozenset[str]
    claim_verbs: frozenset[str] = frozenset()
    claim_nouns: frozenset[str] = frozenset()
    claim_negators: frozenset[str] = frozenset()
    claim_habitual: frozenset[str] = frozenset()
    claim_other_acts: frozenset[str] = frozenset()


def load_rules(extra_files: Iterable[str | Path] = ()) -> Rules:
    """The packaged lexicon with ``extra_files`` (same TOML tables) layered on top."""
    return _load_rules(tuple(str(p) for p in extra_files))


@functools.lru_cache(maxsize=8)
def _load_rules(extra_files: tuple[str, ...]) -> Rules:
    tables = merge_lists([load_toml(data_path("quotes", "speech_verbs.toml")),
                          load_toml(data_path("quotes", "sources.toml"))]
                         + [load_toml(p) for p in extra_files])
    verbs = sources = tables
    low = lambda xs: frozenset(x.lower() for x in xs)  # noqa: E731
    via = sources.get("via", {})
    claims = verbs.get("responsibility", {})
    return Rules(
        verbs={k.lower(): frozenset(v) for k, v in verbs.get("verbs", {}).items()},
        particles={k.lower(): v.lower() for k, v in verbs.get("particles", {}).items()},
        anonymous_nouns=low(sources.get("anonymous_nouns", ())),
        quantifiers=low(sources.get("quantifiers", ())),
        anonymity_cues=tuple(c.lower() for c in sources.get("anonymity_cues", ())),
        document_nouns=low(sources.get("document_nouns", ())),
        outlet_nouns=low(sources.get("outlet_nouns", ())),
        audience_nouns=low(sources.get("audience_nouns", ())),
        not_sources=low(sources.get("not_sources", ())),
        attribution=tuple(tuple(w.lower() for w in a["words"]) for a in sources.get("attribution", ())),
        via_nouns=low(via.get("nouns", ())),
        via_preps=low(via.get("preps", ())),
        verb_preps=low(via.get("verb_preps", ())),
        claim_verbs=low(claims.get("verbs", ())),
        claim_nouns=low(claims.get("nouns", ())),
        claim_negators=low(claims.get("negators", ())),
        claim_habitual=low(claims.get("habitual", ())),
        claim_other_acts=low(claims.get("other_acts", ())),
    )


def claims_responsibility(cue: str, rules: Optional[Rules] = None) -> bool:
    """Whether a quote's cue is a claim of responsibility ("claimed responsibility").

    Claims are the only statements whose cue holds a noun of ``[responsibility]``: other
    cues are a speech verb or an attribution phrase ("according to").
    """
    nouns = (rules or load_rules()).claim_nouns
    return any(w in nouns for w in re.findall(r"[a-z]+", cue.lower()))


# -- quote marks ---------------------------------------------------------------------------


@dataclass
class _Segment:
    """A stretch of text within quote marks: ``open`` is the first mark, ``close`` the end of the last."""

    open: int
    start: int
    end: int
    close: int
    cue: Optional[int] = None          # token index of the cue, or of "according"
    consumed: bool = False              # part of a mixed quote


def _segments(text: str) -> list[_Segment]:
    """Pair quote marks paragraph by paragraph; an unclosed quote runs on into a paragraph
    that opens with a mark (the wire convention for multi-paragraph quotes)."""
    found: list[_Segment] = []
    carry: Optional[tuple[int, int]] = None  # (open mark, content start) of an unclosed quote
    last_end = 0
    for para in re.finditer(r"[^\n]+", text):
        p_start, p_end = para.span()
        line = para.group()
        stripped = len(line) - len(line.lstrip())
        pos = p_start + stripped
        open_at: Optional[tuple[int, int]] = None
        if carry is not None:
            if pos < p_end and text[pos] in _OPEN_DOUBLE:
                open_at = carry
                pos += 1
            else:
                found.append(_Segment(carry[0], carry[1], last_end, last_end))
        carry = None
        single: Optional[tuple[int, int]] = None
        for m in re.finditer(r"[\"“”«»„'‘’]", text[pos:p_end]):
            i = pos + m.start()
            c = m.group()
            prev = text[i - 1] if i > p_start else " "
            nxt = text[i + 1] if i + 1 < p_end else " "
            if c in "'‘’":
                if open_at is not None:
                    continue  # nested single quotes belong to the double-quoted stretch
                if single is None and c != "’" and (prev.isspace() or prev in "([—–-") and nxt.isalnum():
                    single = (i, i + 1)
                elif single is not None and c != "‘" and not nxt.isalnum() and not prev.isspace():
                    found.append(_Segment(single[0], single[1], i, i + 1))
                    single = None
                continue
            if open_at is None:
                if c in _OPEN_DOUBLE:
                    open_at = (i, i + 1)
                    single = None
            elif c in _CLOSE_DOUBLE:
                found.append(_Segment(open_at[0], open_at[1], i, i + 1))
                open_at = None
        if open_at is not None:
            carry = open_at
        last_end = p_start + len(line.rstrip())
    if carry is not None:
        found.append(_Segment(carry[0], carry[1], last_end, last_end))
    for seg in found:
        seg.start, seg.end = _trim(text, seg.start, seg.end, keep_end=".?!…")
    return [s for s in found if s.end > s.start]


def _trim(text: str, start: int, end: int, keep_end: str = "") -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and (text[end - 1] in _TRIM or text[end - 1] in ".?!…") and text[end - 1] not in keep_end:
        end -= 1
    return start, end


# -- the pass over one document ------------------------------------------------------------


@dataclass
class _Source:
    """A resolved speaker, with what pronoun resolution needs to know about it."""

    speaker: Speaker
    sentence: int          # start of its sentence: recency is counted in sentences
    subject: bool          # a subject is the likelier antecedent within a sentence
    position: int
    plural: bool
    human: bool
    lemmas: frozenset[str] = frozenset()
    head_lemma: str = ""


@dataclass
class _Found:
    kind: str
    start: int
    end: int
    cue: tuple[int, int]
    speaker_tokens: Optional[tuple[int, int, int]]
    cue_token: Optional[int]
    via: Optional[str]
    linked_to: Optional[int] = None  # index into the found list: share that quote's speaker


class _Context:
    def __init__(self, doc: "Doc", analysis: Analysis, rules: Rules):
        self.doc = doc
        self.text = doc.text
        self.rules = rules
        self.analysis = analysis
        self.mentions = sorted(analysis.actors, key=lambda a: (a.span.start, -a.span.end))
        self.mention_starts = [a.span.start for a in self.mentions]
        self.segments = _segments(self.text)
        self.token_starts = [t.idx for t in doc]
        self.in_quote = [-1] * len(doc)
        self.is_mark = [False] * len(doc)
        seg_starts = [s.start for s in self.segments]
        for t in doc:
            k = bisect.bisect_right(seg_starts, t.idx) - 1
            if k >= 0 and t.idx < self.segments[k].end:
                self.in_quote[t.i] = k
            if t.text in _MARKS or (len(t.text) <= 2 and all(ch in _MARKS for ch in t.text)):
                self.is_mark[t.i] = True
        self.sent_of = [0] * len(doc)       # token -> index into self.sents
        self.sents = list(doc.sents)
        for k, sent in enumerate(self.sents):
            self.sent_of[sent.start:sent.end] = [k] * (sent.end - sent.start)
        self.ents = list(doc.ents)
        self._outside: dict[int, str] = {}
        self.opens = {s.open for s in self.segments}
        self.closes = {s.close for s in self.segments}
        self.publisher_forms = _publisher_forms(analysis.publisher)

    # tokens and characters
    def token_at(self, char: int) -> int:
        """Index of the first token that starts at or after ``char``."""
        return bisect.bisect_left(self.token_starts, char)

    def span(self, first: int, last: int) -> Optional[tuple[int, int]]:
        """Characters of tokens ``first..last``, trimmed of punctuation at both ends."""
        if first > last:
            return None
        start = self.doc[first].idx
        end = self.doc[last].idx + len(self.doc[last])
        start, end = _trim(self.text, start, end)
        while start < end and self.text[start] in _MARKS and self.text[start] != "'":
            start += 1
        while end > start and self.text[end - 1] in _MARKS and self.text[end - 1] != "'":
            end -= 1
        start, end = _trim(self.text, start, end)
        return (start, end) if end > start else None

    def overlapping(self, start: int, end: int) -> list[ActorMention]:
        k = bisect.bisect_left(self.mention_starts, end)
        return [a for a in self.mentions[:k] if a.span.end > start]

    def outside_quotes(self, i: int) -> bool:
        return self.in_quote[i] < 0 and not self.is_mark[i]

    def sent(self, i: int):
        """The sentence of token ``i`` (``Token.sent`` rescans the parse on every call)."""
        return self.sents[self.sent_of[i]]

    def outside_text(self, i: int) -> str:
        """The lower-cased words of token ``i``'s sentence that stand outside quote marks."""
        k = self.sent_of[i]
        if k not in self._outside:
            self._outside[k] = " ".join(t.lower_ for t in self.sents[k] if self.outside_quotes(t.i))
        return self._outside[k]


def find_quotes(doc: "Doc", analysis: Analysis) -> tuple[Quote, ...]:
    """The statements reported in ``doc``, sorted by the start of their content."""
    if doc is None or not doc.text.strip():
        return ()
    ctx = _Context(doc, analysis, load_rules())
    found = _direct_quotes(ctx) + _reported_speech(ctx)
    return _build(ctx, found)


# -- direct quotes -------------------------------------------------------------------------


def _is_cue(ctx: _Context, t: "Token") -> bool:
    lemma = t.lemma_.lower()
    if lemma not in ctx.rules.verbs or not t.tag_.startswith("VB") or not ctx.outside_quotes(t.i):
        return False
    particle = ctx.rules.particles.get(lemma)
    if particle and not any(c.dep_ == "prt" and c.lower_ == particle for c in t.children):
        return False
    if any(c.dep_ == "neg" for c in t.children):
        return False  # "did not say": nothing was stated
    if any(c.dep_ == "auxpass" for c in t.children) and lemma not in ("quote",):
        return False  # "was told that": the subject is the listener
    return True


def _attribution_at(ctx: _Context, i: int) -> Optional[tuple[int, int]]:
    """(first, last) token of an attribution phrase ("according to") starting at ``i``."""
    doc = ctx.doc
    low = doc[i].lower_
    for words in ctx.rules.attribution:
        if low != words[0] or i + len(words) > len(doc):
            continue
        if all(doc[i + k].lower_ == w for k, w in enumerate(words)):
            return i, i + len(words) - 1
    return None


def _quote_like(ctx: _Context, seg: _Segment) -> bool:
    """Whether a quoted stretch reads as speech, not a title or a scare-quoted term."""
    first, last = ctx.token_at(seg.start), ctx.token_at(seg.end) - 1
    toks = [t for t in ctx.doc[first:last + 1] if not t.is_punct and not t.is_space]
    if len(toks) >= 5:
        return True
    return len(toks) >= 2 and any(t.pos_ in ("VERB", "AUX") for t in toks)


def _after(ctx: _Context, seg: _Segment) -> list[int]:
    """Tokens of the attribution after a quote: up to the end of the sentence."""
    out: list[int] = []
    doc = ctx.doc
    i = ctx.token_at(seg.close)
    ended = ctx.text[seg.start:seg.end].rstrip()[-1:] in (".", "…")
    if ended and i < len(doc) and not doc[i].text[:1].islower():
        return out  # `"... town." The army ...`: the quote closed the sentence
    while i < len(doc) and len(out) < 40:
        t = doc[i]
        if ctx.in_quote[t.i] >= 0 or (ctx.is_mark[t.i] and t.idx in ctx.opens):
            break
        out.append(i)
        if t.text in _SENT_END or "\n" in t.text or "\n" in t.whitespace_:
            break
        i += 1
    return out


def _before(ctx: _Context, seg: _Segment) -> list[int]:
    """Tokens of the attribution before a quote, back to the start of the sentence."""
    out: list[int] = []
    doc = ctx.doc
    i = ctx.token_at(seg.open) - 1
    while i >= 0 and len(out) < 40:
        t = doc[i]
        if t.text in _SENT_END or "\n" in t.text or "\n" in t.whitespace_ or ctx.in_quote[i] >= 0:
            break
        if ctx.is_mark[i] and t.idx + len(t) in ctx.closes:
            break
        out.append(i)
        i -= 1
    out.reverse()
    return out


def _direct_quotes(ctx: _Context) -> list[_Found]:
    found: list[_Found] = []
    doc = ctx.doc
    last_attributed: Optional[int] = None  # index into `found`
    last_tail = -1
    for seg in ctx.segments:
        after = _after(ctx, seg)
        # `"We," he said, "will win."`: a short first half still counts, being half of a quote
        split = bool(after) and doc[after[-1]].text == "," and after[-1] + 1 < len(doc) \
            and doc[after[-1] + 1].idx in ctx.opens
        if not split and not _quote_like(ctx, seg):
            continue
        cue: Optional[tuple[int, int]] = None
        speaker = None
        tail = seg.close
        for i in after:
            att = _attribution_at(ctx, i)
            if att:
                cue, speaker = att, _attribution_speaker(ctx, att)
                break
            if _is_cue(ctx, doc[i]):
                cue = (i, i)
                speaker = _speaker_of(ctx, doc[i]) or _phrase(ctx, [j for j in after if j < i])
                break
        if cue is not None and after:
            tail = doc[after[-1]].idx + len(doc[after[-1]])
        if cue is None:
            before = _before(ctx, seg)
            for i in reversed(before):
                att = _attribution_at(ctx, i)
                if att and att[1] < ctx.token_at(seg.open):
                    cue, speaker = att, _attribution_speaker(ctx, att)
                    break
                if _is_cue(ctx, doc[i]) and "quote" in ctx.rules.verbs[doc[i].lemma_.lower()]:
                    gap = [doc[j] for j in before if j > i]
                    if any(t.tag_ in _FINITE for t in gap) or len(gap) > 12:
                        break  # "He said the attack was "barbaric"": a fragment, read as mixed later
                    cue, speaker = (i, i), _speaker_of(ctx, doc[i])
                    break
        if cue is None:
            cue, speaker = _headline_colon(ctx, seg)
        if cue is not None:
            via = _via(ctx, doc[cue[0]]) if cue[0] == cue[1] and doc[cue[0]].pos_ == "VERB" else None
            found.append(_Found("direct", seg.start, seg.end, _cue_chars(ctx, cue), speaker, cue[0], via))
            last_attributed, last_tail = len(found) - 1, tail
            seg.cue = cue[0]
            continue
        # A quote standing alone right after an attributed one continues that speaker.
        if last_attributed is not None and not ctx.text[last_tail:seg.open].strip():
            prev = found[last_attributed]
            found.append(_Found("direct", seg.start, seg.end, prev.cue, prev.speaker_tokens,
                                prev.cue_token, prev.via, linked_to=last_attributed))
            seg.cue = prev.cue_token
            last_tail = seg.close
    return found


def _headline_colon(ctx: _Context, seg: _Segment) -> tuple[Optional[tuple[int, int]], Optional[tuple[int, int, int]]]:
    """`Iraq PM: 'We will win'`: a line that opens with a name and a colon before a quote."""
    before = _before(ctx, seg)
    if len(before) < 2 or ctx.doc[before[-1]].text != ":" or len(before) > 8:
        return None, None
    first = ctx.doc[before[0]]
    if first.i > 0 and "\n" not in ctx.doc[first.i - 1].text + ctx.doc[first.i - 1].whitespace_:
        return None, None
    if any(ctx.doc[i].pos_ in ("VERB", "AUX") for i in before):
        return None, None
    return (before[-1], before[-1]), _phrase(ctx, before[:-1])


def _cue_chars(ctx: _Context, cue: tuple[int, int]) -> tuple[int, int]:
    first, last = ctx.doc[cue[0]], ctx.doc[cue[1]]
    return first.idx, last.idx + len(last)


# -- reported speech -----------------------------------------------------------------------


def _reported_speech(ctx: _Context) -> list[_Found]:
    found: list[_Found] = []
    doc = ctx.doc
    used = {s.cue for s in ctx.segments if s.cue is not None}
    for t in doc:
        if not ctx.outside_quotes(t.i):
            continue
        att = _attribution_at(ctx, t.i) if t.lower_ in {a[0] for a in ctx.rules.attribution} else None
        claim = None if att else _claim(ctx, t)
        if att:
            item = _according(ctx, att)
        elif claim is not None:
            item = claim[0]
        elif _is_cue(ctx, t):
            item = _reported(ctx, t)
        else:
            continue
        if item is None:
            continue
        kind, start, end = _classify(ctx, item[0], item[1])
        if kind is None or (kind == "direct" and t.i in used):
            continue
        cue = att or ((t.i, claim[1]) if claim else (t.i, t.i))
        speaker = _attribution_speaker(ctx, att) if att else _speaker_of(ctx, t)
        via = None if att else _via(ctx, t)
        found.append(_Found(kind, start, end, _cue_chars(ctx, cue), speaker, t.i, via))
    return found


def _claim(ctx: _Context, verb: "Token") -> Optional[tuple[Optional[tuple[int, int]], int]]:
    """A claim of responsibility made with ``verb`` ("claimed responsibility for the attack"):
    (characters of its content, token of the claimed noun), or None (see ``[responsibility]``)."""
    rules = ctx.rules
    if verb.lemma_.lower() not in rules.claim_verbs or not verb.tag_.startswith("VB") \
            or not ctx.outside_quotes(verb.i):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in rules.claim_nouns), None)
    if obj is None or verb.dep_ == "xcomp":
        return None  # "has yet to claim", "wants to take credit": nothing claimed yet
    for c in verb.children:
        if c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") or \
                (c.dep_ == "advmod" and c.lower_ in rules.claim_habitual):
            return None
        if c.dep_ in _SUBJECTS and any(t.lower_ in rules.claim_negators for t in c.subtree if t.i <= c.i):
            return None  # "no group has claimed responsibility"
    last = obj.right_edge.i
    for p in [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" and c.i > obj.i] + \
             [c for c in obj.children if c.dep_ == "prep" and c.lower_ == "for"]:
        if any(t.lower_ in rules.claim_other_acts for t in p.subtree if t.i > p.i and t.dep_ in ("amod", "det", "nummod")):
            return None  # "claimed responsibility for previous attacks"
        last = max(last, p.right_edge.i)
    return ctx.span(obj.left_edge.i, last), obj.i


def _classify(ctx: _Context, start: int, end: int) -> tuple[Optional[str], int, int]:
    """Direct, mixed or indirect, by the quote marks inside the content ``start..end``."""
    inside = [s for s in ctx.segments if s.start < end and s.end > start]
    if not inside:
        return "indirect", start, end
    words_outside = [
        t for t in ctx.doc[ctx.token_at(start):ctx.token_at(end)]
        if ctx.in_quote[t.i] < 0 and not t.is_punct and not t.is_space and not ctx.is_mark[t.i]
        and t.lower_ != "that"
    ]
    if not words_outside:
        seg = inside[0]
        if seg.cue is not None or len(inside) > 1:
            return None, start, end  # already attributed by the quote pass
        return "direct", seg.start, seg.end
    for seg in inside:
        seg.consumed = True
        # keep the marks of a quoted fragment at either end of the content
        if seg.open < start <= seg.start:
            start = seg.open
        if seg.end <= end < seg.close:
            end = seg.close
    return "mixed", start, end


def _reported(ctx: _Context, verb: "Token") -> Optional[tuple[int, int]]:
    """Characters of the content a speech verb reports, from its complement."""
    frames = ctx.rules.verbs[verb.lemma_.lower()]
    children = list(verb.children)
    if "ccomp" in frames:
        comps = [c for c in children if c.dep_ == "ccomp"]
        right = [c for c in comps if c.i > verb.i]
        left = [c for c in comps if c.i < verb.i]
        if right:
            first = min(c.left_edge.i for c in right)
            last = max(c.right_edge.i for c in right)
            for k in range(verb.i + 1, min(first, verb.i + 9)):
                t = ctx.doc[k]
                if t.dep_ == "mark" and t.lower_ == "that" and t.head.i > k and \
                        not any(ctx.doc[j].pos_ in ("VERB", "AUX") for j in range(verb.i + 1, k)) and \
                        any(a.i == verb.i for a in t.head.ancestors):
                    # "saying in a statement that ...": the parse hung the clause on "statement"
                    first, last = k, max(last, t.head.right_edge.i)
                    break
            for k in range(first + 1, min(first + 4, last) + 1):
                if ctx.doc[k].dep_ == "mark" and ctx.doc[k].lower_ == "that":
                    first = k  # "told the agency SANA that ...": the clause starts at "that"
                    break
            while first <= last and (ctx.doc[first].lower_ in ("that", ",", ":", "—") or ctx.doc[first].is_space):
                first += 1
            return ctx.span(first, last)
        that = _that_clause(ctx, verb)
        if that is not None:
            return that
        if left:
            return _undated(ctx, ctx.span(min(c.left_edge.i for c in left), max(c.right_edge.i for c in left)))
        head = verb.head
        lead, tail = verb.left_edge.i, verb.right_edge.i
        while lead < verb.i and ctx.doc[lead].is_punct:
            lead += 1
        while tail > verb.i and ctx.doc[tail].is_punct:
            tail -= 1
        sent = ctx.sent(verb.i)
        if (verb.dep_ == "parataxis" and head.i > verb.i and _has_subject(verb) and lead > sent.start
                and ctx.doc[lead - 1].text == "," and tail + 1 < len(ctx.doc) and ctx.doc[tail + 1].text == ","):
            # "The attack, the ministry said, killed 20 people": the whole clause is reported
            return ctx.span(sent.start, sent.end - 1)
        if verb.dep_ in ("parataxis", "ccomp", "conj") and head.i < verb.i and _has_subject(verb):
            # "The offensive has begun, the army said": the parse hangs the cue on the content.
            lead = verb.left_edge.i
            if lead > 0 and ctx.doc[lead - 1].text in (",", "—") and verb.right_edge.i >= sent.end - 2:
                return _undated(ctx, ctx.span(max(head.left_edge.i, sent.start), lead - 1))
    obj = next((c for c in children if c.dep_ == "dobj"), None)
    if "as_quoted" in frames or "oprd_quoted" in frames:
        # "rejected the sanctions as "unjust"", "called the deal "a first step"": the object
        # and its characterisation, a statement only when the characterisation is quoted
        pred = [c for c in children if c.i > verb.i and (
            ("oprd_quoted" in frames and c.dep_ in ("oprd", "xcomp", "ccomp"))
            or ("as_quoted" in frames and c.dep_ == "prep" and c.lower_ == "as"))]
        if "oprd_quoted" in frames and obj is not None and obj.i > verb.i:
            pred += [c for c in obj.children if c.dep_ == "appos" and c.i > obj.i]  # parsed as apposition
        for c in pred:
            lo, hi = c.left_edge.i, c.right_edge.i
            if c.dep_ == "prep" and hi + 1 < len(ctx.doc) and ctx.is_mark[hi + 1]:
                hi += 1  # the closing mark the parse hung on the verb
            quoted = any(s.start < ctx.doc[hi].idx + len(ctx.doc[hi]) and s.end > ctx.doc[lo].idx
                         for s in ctx.segments)
            if quoted:
                first = obj.left_edge.i if obj is not None and obj.i < c.i else lo
                return ctx.span(first, hi)
    for prep in ("of", "for", "about", "on", "at"):
        if prep in frames:
            p = next((c for c in children if c.dep_ == "prep" and c.lower_ == prep and c.i > verb.i), None)
            if p is not None and any(True for _ in p.children):
                first = obj.left_edge.i if obj is not None and obj.i < p.i else p.i + 1
                return ctx.span(first, p.right_edge.i)
    if "xcomp" in frames:
        x = next((c for c in children if c.dep_ == "xcomp" and c.i > verb.i), None)
        if x is not None:
            first = obj.left_edge.i if obj is not None and obj.i < x.i else x.left_edge.i
            return ctx.span(first, x.right_edge.i)
    if "object" in frames and obj is not None and obj.i > verb.i:
        return ctx.span(obj.left_edge.i, obj.right_edge.i)
    return None


def _that_clause(ctx: _Context, verb: "Token") -> Optional[tuple[int, int]]:
    """"saying in a statement that ...": a that-clause the parse hung on a noun after the verb."""
    for k in range(verb.i + 1, min(len(ctx.doc), verb.i + 9)):
        t = ctx.doc[k]
        if ctx.doc[k].pos_ in ("VERB", "AUX") or ctx.doc[k].text in _SENT_END:
            return None
        if t.dep_ == "mark" and t.lower_ == "that" and t.head.i > k and any(a.i == verb.i for a in t.head.ancestors):
            return ctx.span(k + 1, t.head.right_edge.i)
    return None


_DATELINE = re.compile(r"[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w. ]{1,30})?\s*(?:\([^)\n]{1,40}\))?\s*[-–—]+\s+")


def _undated(ctx: _Context, chars: Optional[tuple[int, int]]) -> Optional[tuple[int, int]]:
    """Content that opens a paragraph without its dateline ("BEIRUT (Reuters) - ")."""
    if chars is None or (chars[0] > 0 and ctx.text[chars[0] - 1] != "\n"):
        return chars
    m = _DATELINE.match(ctx.text, chars[0], chars[1])
    return (m.end(), chars[1]) if m and m.end() < chars[1] else chars


def _has_subject(verb: "Token") -> bool:
    return any(c.dep_ in _SUBJECTS for c in verb.children)


def _according(ctx: _Context, att: tuple[int, int]) -> Optional[tuple[int, int]]:
    """The clause an "according to X" phrase attributes: the larger side of the sentence."""
    doc = ctx.doc
    speaker = _attribution_speaker(ctx, att)
    if speaker is None:
        return None
    head = doc[speaker[0]]
    if head.lemma_.lower() in ctx.rules.not_sources or head.lower_ in ctx.rules.not_sources:
        return None
    sent = ctx.sent(att[0])
    left = ctx.span(sent.start, att[0] - 1) if att[0] > sent.start else None
    right = ctx.span(speaker[2] + 1, sent.end - 1) if speaker[2] + 1 < sent.end else None
    sizes = [(len(ctx.text[s[0]:s[1]].split()), -k, s) for k, s in enumerate((left, right)) if s]
    if not sizes:
        return None
    return max(sizes)[2]


# -- speakers ------------------------------------------------------------------------------


def _attribution_speaker(ctx: _Context, att: tuple[int, int]) -> Optional[tuple[int, int, int]]:
    last = ctx.doc[att[1]]
    obj = next((c for c in last.children if c.dep_ == "pobj"), None)
    if obj is None:
        j = att[1] + 1
        if j >= len(ctx.doc) or ctx.doc[j].is_punct:
            return None
        obj = ctx.doc[j]
    return _author(ctx, obj)


def _author(ctx: _Context, head: "Token") -> tuple[int, int, int]:
    """The speaker phrase headed by ``head``; a document's author where one is named."""
    if head.lemma_.lower() in ctx.rules.document_nouns:
        for p in head.children:
            if p.dep_ in ("prep", "agent") and p.lower_ in ("by", "from", "of"):
                obj = next((c for c in p.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    head = obj
                    break
    return _extent(ctx, head)


def _extent(ctx: _Context, head: "Token") -> tuple[int, int, int]:
    first, last = head.left_edge.i, head.right_edge.i
    while first < head.i and (ctx.doc[first].is_punct or not ctx.outside_quotes(first)):
        first += 1
    while last > head.i and (ctx.doc[last].is_punct or not ctx.outside_quotes(last) or ctx.doc[last].is_space):
        last -= 1
    return head.i, first, last


def _speaker_of(ctx: _Context, verb: "Token") -> Optional[tuple[int, int, int]]:
    """The subject of a speech verb, climbing from participles and conjuncts ("..., adding")."""
    node = verb
    for _ in range(5):
        subjects = [c for c in node.children if c.dep_ in _SUBJECTS and ctx.outside_quotes(c.i)]
        if subjects:
            subj = subjects[-1]
            if subj.tag_ in ("WP", "WDT") and node.dep_ == "relcl":
                return _extent(ctx, node.head)  # "Smith, who said ..."
            found = _author(ctx, subj)
            if len(subjects) > 1:  # a name the parse broke up: "Haider al - Abadi" as three subjects
                return found[0], min(found[1], subjects[0].left_edge.i), found[2]
            return found
        if node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
            noun = node.head  # "a statement saying ...": the statement's issuer, else the statement
            if noun.dep_ == "dobj":
                node = noun.head
                continue
            return _author(ctx, noun)
        if node.dep_ not in _CLIMB or node.head.i == node.i:
            break
        node = node.head
    # "said Smith" when the parse found no subject: the name after the verb.
    nxt = verb.i + 1
    inverted = verb.i > 0 and (ctx.is_mark[verb.i - 1] or ctx.doc[verb.i - 1].text == ",")
    if (inverted and nxt < len(ctx.doc) and ctx.doc[nxt].pos_ in ("PROPN", "DET", "NOUN", "NUM", "ADJ")
            and ctx.outside_quotes(nxt)):
        return _extent(ctx, ctx.doc[nxt].head if ctx.doc[nxt].head.i > verb.i else ctx.doc[nxt])
    return None


def _phrase(ctx: _Context, idx: list[int]) -> Optional[tuple[int, int, int]]:
    """A speaker phrase from raw tokens (when the parse gave the verb no subject)."""
    idx = [i for i in idx if not ctx.doc[i].is_punct and not ctx.doc[i].is_space]
    if not idx:
        return None
    inside = set(idx)
    head = next((ctx.doc[i] for i in idx if ctx.doc[i].head.i not in inside or ctx.doc[i].head.i == i), ctx.doc[idx[-1]])
    return head.i, idx[0], idx[-1]


def _core(ctx: _Context, head: "Token", first: int, last: int) -> tuple[int, int]:
    """The naming part of a speaker phrase: without appositions and relative clauses."""
    cut = set()
    for c in head.children:
        if c.dep_ in ("appos", "relcl", "acl", "advcl", "parataxis") or (c.dep_ == "punct" and c.i > head.i):
            cut.update(range(c.left_edge.i, c.right_edge.i + 1))
    lo = head.i
    while lo - 1 >= first and lo - 1 not in cut and (not ctx.doc[lo - 1].is_punct or _joiner(ctx.doc[lo - 1])):
        lo -= 1
    hi = head.i
    while hi + 1 <= last and hi + 1 not in cut:
        hi += 1
    return lo, hi


def _joiner(t: "Token") -> bool:
    """A hyphen inside a name ("al-Abadi", "Al-Sumaria")."""
    return t.text in ("-", "‐") and not t.whitespace_ and t.i > 0 and not t.doc[t.i - 1].whitespace_


def _person_name(ctx: _Context, tokens: list["Token"]) -> Optional[tuple[str, Optional[str], int]]:
    """(name, actor id, position) of a person named by one of ``tokens``."""
    for t in tokens:
        for a in ctx.overlapping(t.idx, t.idx + len(t)):
            if a.kind == "person":
                return a.name, a.id, a.span.start
    for t in tokens:
        if t.ent_type_ == "PERSON" and t.pos_ == "PROPN" and not (t.text.isupper() and len(t.text) <= 5):
            ent = next((e for e in ctx.ents if e.start <= t.i < e.end), None)
            if ent is not None and not ctx.overlapping(ent.start_char, ent.end_char):
                return ent.text, None, ent.start_char
    return None


def _appositive_name(ctx: _Context, head: "Token") -> Optional[tuple[str, Optional[str], int]]:
    """"Congo's chief negotiator, Pascal Ilunga Mbuyi": a name in apposition to a human role
    is a person's name, whatever label the model gave it."""
    if head.lemma_.lower() not in ctx.rules.anonymous_nouns and head.lower_ not in ctx.rules.anonymous_nouns:
        return None
    for c in head.children:
        if c.dep_ != "appos" or c.pos_ != "PROPN" or c.i < head.i:
            continue
        toks = [t for t in ctx.doc[c.left_edge.i:c.i + 1]]
        toks = [t for t in toks if not (t.is_punct and t.text not in ("-", "‐"))]
        if not 2 <= len(toks) <= 5 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() and not t.is_upper
                                               for t in toks if t.is_alpha):
            continue
        start, end = toks[0].idx, c.idx + len(c)
        if any(a.kind != "person" for a in ctx.overlapping(start, end)):
            continue
        return ctx.text[start:end], None, start
    return None


def _describe(ctx: _Context, raw: tuple[int, int, int]) -> Optional[_Source]:
    """Name, actor and anonymity of the speaker phrase ``raw`` (head, first, last token)."""
    doc = ctx.doc
    head_i, first, last = raw
    head = doc[head_i]
    chars = _undated(ctx, ctx.span(first, last))
    if chars is None:
        return None
    first = max(first, ctx.token_at(chars[0]))
    span = Span.of(ctx.text, *chars)
    rules = ctx.rules
    noun = head
    plural = head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in head.children)
    if head.lower_ in rules.quantifiers:
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None:
            noun = obj
        plural = head.lower_ not in ("one", "another", "each")
    lemma = noun.lemma_.lower()
    lemmas = frozenset(t.lemma_.lower() for t in doc[first:last + 1] if t.pos_ in ("NOUN", "PROPN"))

    def source(speaker: Speaker, human: bool) -> _Source:
        return _Source(speaker, ctx.sent(head.i).start_char, True, span.start, plural, human, lemmas, lemma)

    names = [head] + [c for c in head.children if c.dep_ in ("appos", "compound", "flat")]
    person = _person_name(ctx, names) or _appositive_name(ctx, head)
    if person is not None:
        return source(Speaker(span, person[0], person[1], False, None), True)
    inside = ctx.overlapping(*chars)
    affiliated = next((a for a in inside if a.kind != "person"), None)
    sentence = ctx.outside_text(head.i)
    cue_found = any(c in span.text.lower() or c in sentence for c in rules.anonymity_cues)
    # "Iraq's prime minister", "the ministry's spokesman": a named office, not an unnamed source
    office = not plural and noun is head and any(c.dep_ == "poss" for c in head.children)
    unnamed = lemma in rules.anonymous_nouns or noun.lower_ in rules.anonymous_nouns
    if (unnamed and not office) or (cue_found and noun.pos_ in ("NOUN", "NUM")):
        if head.pos_ != "PRON":
            return source(Speaker(span, None, affiliated.id if affiliated else None, True, span.text), True)
    lo, hi = _core(ctx, head, first, last)
    core = ctx.span(lo, hi) or chars
    at_head = [a for a in ctx.overlapping(head.idx, head.idx + len(head)) if a.kind in _ORG_KINDS]
    if at_head:
        a = at_head[0]
        named = any(t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE") for t in ctx.doc[lo:hi + 1])
        # "Rwanda's government", "Kenyan police" and metonyms ("Moscow") keep their words;
        # "the army" (an organ of a state the actors stage resolved) takes the actor's name
        surface = a.metonym or ((a.kind in ("state", "group") or plural) and (named or plural))
        # "the health ministry" of no known state resolves to a generic "Government":
        # its own words say more than that name does
        surface = surface or (a.country is None and a.kind == "group" and hi > lo)
        name = ctx.text[core[0]:core[1]] if surface else a.name
        return source(Speaker(span, name, a.id, False, None), False)
    if head.pos_ == "PRON":
        return source(Speaker(span, None, None, False, None), False)
    return source(Speaker(span, ctx.text[core[0]:core[1]], affiliated.id if affiliated else None, False, None), False)


# -- outlets -------------------------------------------------------------------------------


def _publisher_forms(publisher: Optional[str]) -> dict[str, str]:
    if not publisher:
        return {}
    initials = "".join(w[0] for w in publisher.split() if w[:1].isupper())
    forms = {publisher.lower(): publisher}
    if len(initials) >= 2:
        forms[initials.lower()] = publisher
    return forms


def _via(ctx: _Context, verb: "Token") -> Optional[str]:
    """The outlet a statement was given to: "told Anadolu Agency", "in an interview with Reuters"."""
    rules = ctx.rules
    candidates: list["Token"] = []
    nodes = [verb]
    node = verb
    for _ in range(3):  # "was quoted by X as saying": the outlet hangs on "quoted"
        if node.dep_ not in ("pcomp", "prep", "advcl", "xcomp") or node.head.i == node.i:
            break
        node = node.head
        nodes.append(node)
    for n in nodes:
        for c in n.children:
            if c.dep_ in ("dobj", "dative", "iobj") and n.lemma_.lower() in ("tell", "inform", "assure", "brief"):
                candidates.append(c)
            elif c.dep_ in ("prep", "agent"):
                objs = [o for o in c.children if o.dep_ == "pobj"]
                if c.lower_ in rules.verb_preps or c.dep_ == "agent" or (c.lower_ == "by" and n is not verb):
                    candidates += objs
                elif c.lower_ in ("in", "during") and objs and objs[0].lemma_.lower() in rules.via_nouns:
                    for p in objs[0].children:
                        if p.dep_ == "prep" and p.lower_ in rules.via_preps:
                            candidates += [o for o in p.children if o.dep_ == "pobj"]
            elif c.dep_ == "advcl" and c.lemma_.lower() in ("speak", "talk"):
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in ("to", "with"):
                        candidates += [o for o in p.children if o.dep_ == "pobj"]
    for cand in candidates:
        name = _outlet(ctx, cand)
        if name:
            return name
    return None


def _outlet(ctx: _Context, head: "Token") -> Optional[str]:
    rules = ctx.rules
    lo, hi = _core(ctx, head, head.left_edge.i, head.right_edge.i)
    doc = ctx.doc
    while (hi + 1 < len(doc) and hi + 1 > head.i and doc[hi].whitespace_ and doc[hi + 1].is_alpha
           and (doc[hi + 1].pos_ == "PROPN" or doc[hi + 1].is_upper) and ctx.outside_quotes(hi + 1)):
        hi += 1  # "the state news agency SANA", which the parse may hang on the next clause
    chars = ctx.span(lo, hi)
    if chars is None:
        return None
    text = ctx.text[chars[0]:chars[1]]
    bare = re.sub(r"^(the)\s+", "", text, flags=re.I).lower()
    if bare in ctx.publisher_forms:
        return ctx.publisher_forms[bare]  # "told Frontline Brief": the publisher, whatever the model took it for
    actors = ctx.overlapping(*chars)
    media = next((a for a in actors if a.kind == "media"), None)
    if media is not None:
        return media.name
    if any(a.kind != "media" for a in actors):
        return None
    lemma = head.lemma_.lower()
    if head.pos_ == "PRON" or (head.pos_ != "PROPN" and (lemma in rules.audience_nouns or head.lower_ in rules.audience_nouns)):
        return None
    if lemma in rules.outlet_nouns:
        return text
    if head.pos_ == "PROPN":
        acronym = head.text.isupper() and 2 <= len(head.text) <= 6
        if acronym or head.ent_type_ in ("ORG", "WORK_OF_ART", ""):
            return text
    return None


# -- records -------------------------------------------------------------------------------


def _build(ctx: _Context, found: list[_Found]) -> tuple[Quote, ...]:
    consumed = [(s.start, s.end) for s in ctx.segments if s.consumed]
    keep: list[int] = []
    seen: set[tuple[int, int]] = set()
    for k, f in enumerate(found):
        if f.kind == "direct" and (f.start, f.end) in consumed:
            continue
        if (f.start, f.end) in seen or f.end <= f.start:
            continue
        seen.add((f.start, f.end))
        keep.append(k)
    # Speakers are resolved in text order so that a pronoun finds the speakers before it.
    order = sorted(keep, key=lambda k: _position(ctx, found[k]))
    resolved: dict[int, Optional[_Source]] = {}
    history = _mentioned(ctx)
    for k in order:
        f = found[k]
        if f.linked_to is not None and f.linked_to in resolved:
            resolved[k] = resolved[f.linked_to]
            continue
        source = _describe(ctx, f.speaker_tokens) if f.speaker_tokens else None
        if source is not None:
            source = _resolve(ctx, source, f.speaker_tokens, history)
            history.append(source)
        resolved[k] = source
    quotes = []
    for k in keep:
        f = found[k]
        source = resolved.get(k)
        speaker = source.speaker if source else Speaker(None, None, None, False, None)
        digest = hashlib.sha1(f"{ctx.analysis.article_id}|{f.start}|{f.end}".encode()).hexdigest()[:12]
        quotes.append(Quote(
            id=f"q-{digest}", kind=f.kind, content=Span.of(ctx.text, f.start, f.end),
            cue=Span.of(ctx.text, *f.cue), speaker=speaker, via=f.via,
        ))
    quotes.sort(key=lambda q: (q.content.start, q.content.end))
    return tuple(quotes)


def _position(ctx: _Context, f: _Found) -> int:
    if f.speaker_tokens:
        return ctx.doc[f.speaker_tokens[1]].idx
    return f.cue[0]


def _mentioned(ctx: _Context) -> list[_Source]:
    """Persons and organisations named outside quotes: antecedents besides earlier speakers."""
    out = []
    for a in ctx.mentions:
        if a.kind not in ("person", "organization", "igo", "media", "armed_group"):
            continue
        i = min(ctx.token_at(a.span.start), len(ctx.doc) - 1)
        last = min(max(ctx.token_at(a.span.end) - 1, i), len(ctx.doc) - 1)
        if not ctx.outside_quotes(i):
            continue
        head = ctx.doc[last]
        while head.dep_ in ("compound", "flat") and head.head.i != head.i:
            head = head.head
        human = a.kind == "person"
        # "President Barack Obama": the title before a name lets "the president" refer to him
        lo = i
        if lo > 0 and ctx.doc[lo - 1].pos_ in ("PROPN", "NOUN") and ctx.doc[lo - 1].text[:1].isupper():
            lo -= 1
        # only the title word next to the name: "city engineer Nils Berg" is no "city"
        titles = frozenset({ctx.doc[i - 1].lemma_.lower()}) if human and lo < i else frozenset()
        out.append(_Source(Speaker(a.span, a.name, a.id, False, None), ctx.sent(i).start_char,
                           head.dep_ in _SUBJECTS, a.span.start, False, human, titles))
    return out


def _resolve(ctx: _Context, source: _Source, raw: tuple[int, int, int], history: list[_Source]) -> _Source:
    """Pronouns and definite descriptions take the identity of an earlier speaker."""
    head = ctx.doc[raw[0]]
    word = head.lower_
    sentence = source.sentence
    ante: Optional[_Source] = None
    if head.pos_ == "PRON" and word in _PRONOUNS:
        want = _PRONOUNS[word]
        cands = [s for s in history if s.sentence < sentence and _agrees(want, s)]
        if cands:
            ante = max(cands, key=lambda s: (s.sentence, s.subject, s.position))
    elif ctx.doc[raw[1]].lower_ in ("the", "this", "that") and (
            (source.speaker.anonymous and source.human)
            or (source.speaker.actor_id is None and head.pos_ == "NOUN" and not source.plural)):
        # "the official said": the official met before, if any; "the president said":
        # the person named with that title ("President Barack Obama")
        human_only = not source.speaker.anonymous
        cands = [s for s in history if s.sentence < sentence and s.plural == source.plural
                 and source.head_lemma in s.lemmas and (s.human or not human_only)]
        if cands:
            ante = max(cands, key=lambda s: (s.sentence, s.subject, s.position))
    if ante is None:
        return source
    sp = ante.speaker
    speaker = Speaker(source.speaker.span, sp.name, sp.actor_id, sp.anonymous, sp.description)
    return _Source(speaker, source.sentence, source.subject, source.position, ante.plural, ante.human,
                   ante.lemmas | source.lemmas, ante.head_lemma)


def _agrees(want: str, s: _Source) -> bool:
    if want == "plural":
        return s.plural
    if want == "sg-human":
        return not s.plural and s.human
    return not s.plural and not s.human and s.speaker.name is not None
