"""Extract: the clean article (title, standfirst, captions, body) and its metadata.

HTML goes through trafilatura (body, metadata) and htmldate (publication date, via
trafilatura), with the standfirst and figure captions taken from the page itself.
Page text (what a browser's "select all, copy" gives) is split into lines and each line
is classified by general cues kept in ``data/extract/boilerplate.toml``: navigation,
calls to subscribe, share and cookie text, publisher footers and link blocks are page
furniture; of the rest, the first headline-like line is the title, a summary line after
it the standfirst, lines that describe a picture are captions, and sentences are body.

The clean text is always built the same way: title, standfirst, captions, then body
paragraphs, separated by blank lines, with one :class:`Section` per block.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from . import errors
from .acquire import decode, looks_like_html
from .config import Options
from .errors import UsageError
from .records import ErrorInfo, Extracted, Published, RawDoc, Section
from .textutil import (clean_line, data_path, date_in_url, ends_sentence, find_date, load_toml,
                       merge_lists, valid_date, words)

_SEP = "\n\n"
# Control characters and lone surrogates: never text, and lxml refuses them.
_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


# --------------------------------------------------------------------------- entry point

def extract(raw: RawDoc, options: Options | None = None) -> Extracted:
    """The clean article of ``raw``: text, sections and metadata.

    Raises ``UsageError`` when the caller gave a publication date that is not
    ``YYYY-MM-DD``; odd pages never raise, they come back with status ``skipped``.
    """
    options = options or Options()
    given = validate_published(raw.published) if raw.published else None
    page = _CONTROL.sub(" ", decode(raw.data))
    cues = load_cues(tuple(getattr(options, "boilerplate_files", ()) or ()))
    kind = raw.kind if raw.kind in ("html", "text") else ("html" if looks_like_html(page) else "text")
    parts = _html_parts(page, raw, cues) if kind == "html" else _page_parts(page, cues, raw.title)
    return _finish(parts, raw, options, given)


def validate_published(value: str) -> str:
    """``value`` as ``YYYY-MM-DD`` (an ISO date-time is cut to its date); else ``UsageError``."""
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?", text)
    date = valid_date(int(m[1]), int(m[2]), int(m[3])) if m else None
    if date is None:
        raise UsageError(f"published date {value!r} is not a date written YYYY-MM-DD "
                         f"(for example --published 2015-10-31)")
    return date


@dataclass
class _Parts:
    """What one page gave, before the text is assembled."""

    title: Optional[str] = None
    standfirst: Optional[str] = None
    captions: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    publisher: Optional[str] = None
    byline: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None


def _finish(parts: _Parts, raw: RawDoc, options: Options, given: Optional[str]) -> Extracted:
    title = clean_line(raw.title) if raw.title else parts.title
    text, sections = assemble(title, parts.standfirst, parts.captions, parts.body)
    url = raw.url or parts.url
    if given:
        published = Published(given, "given")
    elif parts.published or date_in_url(url):
        published = Published(parts.published or date_in_url(url), "metadata")
    else:
        published = Published(None, "unknown")
    found: list[ErrorInfo] = []
    status = "ok"
    language = detect_language(text) if text else None
    if not any(s.kind == "body" for s in sections):
        status = "skipped"
        found.append(ErrorInfo("E200", errors.describe("E200")))
    elif language and language not in options.languages:
        status = "skipped"
        found.append(ErrorInfo("E201", errors.describe("E201", language=language)))
    if len(text) > options.max_chars:
        found.append(ErrorInfo("E302", errors.describe("E302", size=len(text), limit=options.max_chars)))
        text, sections = truncate(text, sections, options.max_chars)
    return Extracted(
        text=text, sections=sections, title=title, publisher=clean_line(raw.publisher) if raw.publisher
        else parts.publisher, byline=parts.byline, published=published, language=language, url=url,
        errors=tuple(found), status=status,
    )


def assemble(title: Optional[str], standfirst: Optional[str], captions: Iterable[str],
             body: Iterable[str]) -> tuple[str, tuple[Section, ...]]:
    """Clean text (blocks separated by blank lines) and one section per block."""
    blocks = [("title", title), ("standfirst", standfirst)]
    blocks += [("caption", c) for c in captions] + [("body", b) for b in body]
    pieces: list[str] = []
    sections: list[Section] = []
    pos = 0
    for kind, block in blocks:
        block = clean_line(block or "")
        if not block:
            continue
        if pieces:
            pos += len(_SEP)
        sections.append(Section(kind, pos, pos + len(block)))
        pieces.append(block)
        pos += len(block)
    return _SEP.join(pieces), tuple(sections)


def truncate(text: str, sections: tuple[Section, ...], limit: int) -> tuple[str, tuple[Section, ...]]:
    """``text`` cut to at most ``limit`` characters at a space, with sections clipped to it."""
    if len(text) <= limit:
        return text, sections
    cut = text.rfind(" ", 0, limit + 1)
    cut = cut if cut > limit * 0.9 else limit
    text = text[:cut].rstrip()
    kept = []
    for s in sections:
        end = min(s.end, len(text))
        while end > s.start and text[end - 1].isspace():
            end -= 1
        if end > s.start:
            kept.append(Section(s.kind, s.start, end))
    return text, tuple(kept)


# --------------------------------------------------------------------------- cues

@dataclass(frozen=True)
class Cues:
    """Compiled boilerplate, caption and publisher cues (see ``data/extract/*.toml``)."""

    nav_lines: frozenset[str]
    always: _Any
    short: _Any
    short_max_words: int
    related: _Any
    link_max_words: int
    byline: tuple[re.Pattern, ...]
    dateline_published: _Any
    dateline_other: _Any
    caption_credit: _Any
    caption_label: _Any
    caption_start: _Any
    publisher: tuple[re.Pattern, ...]
    publisher_stop: frozenset[str]
    consent_controls: frozenset[str] = frozenset()
    consent_words: Optional[_Any] = None
    time_zones: frozenset[str] = frozenset()

    def is_furniture(self, line: str) -> bool:
        """Whether one cleaned line is page furniture rather than article text."""
        if _key(line) in self.nav_lines:
            return True
        count = len(words(line))
        if count <= 60 and self.always.search(line):
            return True
        if count <= self.short_max_words and self.short.search(line):
            return True
        parts = _sentences(line)
        if len(parts) > 1:
            hits = sum(1 for s in parts if self.always.search(s)
                       or (self.short.search(s) and len(words(s)) <= self.short_max_words))
            return 2 * hits >= len(parts)
        return False

    def caption_score(self, line: str) -> float:
        """How much a line looks like a picture caption (2 or more: a caption)."""
        if len(words(line)) < 5:
            return 0.0  # a caption describes something: labels and credits alone are not one
        score = 0.0
        if self.caption_credit.search(line[-90:]):  # credits close the caption
            score += 2
        if self.caption_label.search(line):
            score += 2
        if self.caption_start.search(line):
            score += 1.5
        if find_date(line) or re.search(r"\b(?:on|in) (?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                                        r"Saturday|Sunday|January|February|March|April|May|June|July|"
                                        r"August|September|October|November|December)\b", line):
            score += 0.5
        if not ends_sentence(line):
            score += 0.25
        return score


def _key(line: str) -> str:
    return re.sub(r"[\s\W\d_]+$", "", line.lower()).strip()


class _Any:
    """Several patterns as one: anchored ones are tried at the start only, the rest anywhere."""

    __slots__ = ("_anchored", "_floating")

    def __init__(self, patterns: Iterable[str]):
        patterns = [p for p in patterns if p]
        anchored = [p for p in patterns if p.startswith("^")]
        floating = [p for p in patterns if not p.startswith("^")]
        self._anchored = re.compile("|".join(f"(?:{p})" for p in anchored), re.I) if anchored else None
        self._floating = re.compile("|".join(f"(?:{p})" for p in floating), re.I) if floating else None

    def search(self, text: str) -> Optional[re.Match]:
        """The first match of any pattern (anchored patterns first)."""
        found = self._anchored.match(text) if self._anchored else None
        if found is None and self._floating is not None:
            found = self._floating.search(text)
        return found

    match = search


def _alternation(patterns: Iterable[str]) -> _Any:
    return _Any(patterns)


@functools.lru_cache(maxsize=8)
def load_cues(extra_files: tuple[str, ...] = ()) -> Cues:
    """The packaged cues, with user files layered on top (lists are extended)."""
    base = load_toml(data_path("extract", "boilerplate.toml"))
    pub = load_toml(data_path("extract", "publisher.toml"))
    extras = [load_toml(path) for path in extra_files]
    b = merge_lists([base, *extras])
    p = merge_lists([pub, *[e.get("publisher", {}) for e in extras]])
    try:
        return Cues(
            nav_lines=frozenset(_key(x) for x in b.get("lines", [])),
            always=_alternation(b.get("always", [])),
            short=_alternation(b.get("short", [])),
            short_max_words=int(b.get("short_max_words", 30)),
            related=_alternation(b.get("related_headings", [])),
            link_max_words=int(b.get("link_max_words", 20)),
            byline=tuple(re.compile(x, re.I) for x in b.get("byline", [])),
            dateline_published=_alternation(b.get("dateline_published", [])),
            dateline_other=_alternation(b.get("dateline_other", [])),
            caption_credit=_alternation(b.get("caption_credit", [])),
            caption_label=_alternation(b.get("caption_label", [])),
            caption_start=_alternation(b.get("caption_start", [])),
            publisher=tuple(re.compile(x) for x in p.get("patterns", [])),
            publisher_stop=frozenset(p.get("stop_words", [])),
            consent_controls=frozenset(_key(x) for x in b.get("consent_controls", [])),
            consent_words=_alternation(b.get("consent_words", [])),
            time_zones=frozenset(x.lower() for x in b.get("time_zones", [])),
        )
    except (re.error, TypeError, ValueError) as exc:
        raise errors.ConfigError(f"invalid extraction cue in {extra_files or 'packaged data'}: {exc}") from None


# --------------------------------------------------------------------------- page text

_SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_BREADCRUMB = re.compile(r"\s(?:>|›|»|/|\||·|•)\s")


def _sentences(line: str) -> list[str]:
    return [s for s in _SENTENCE_SPLIT.split(line) if s.strip()]


def _logical_lines(text: str) -> list[str]:
    """Cleaned non-empty lines, with hard-wrapped paragraph lines joined back."""
    out: list[str] = []
    joinable = False
    for raw_line in text.splitlines():
        line = clean_line(raw_line)
        if not line:
            joinable = False
            continue
        if joinable and out and line[:1].islower() and not ends_sentence(out[-1]):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        joinable = len(words(line)) >= 6
    return out


@dataclass
class _Labelled:
    lines: list[str]
    labels: list[str]  # "content", "junk", "byline", "date"
    byline: Optional[str] = None
    published: Optional[str] = None
    other_date: Optional[str] = None


def _label_lines(lines: list[str], cues: Cues) -> _Labelled:
    """Mark each line as page furniture, byline, dateline or content."""
    out = _Labelled(lines, ["content"] * len(lines))
    in_links = False
    for i, line in enumerate(lines):
        count = len(words(line))
        if in_links:
            if count <= cues.link_max_words and not ends_sentence(line) and cues.caption_score(line) < 2:
                out.labels[i] = "junk"
                continue
            in_links = False
        if count <= 8 and cues.related.search(line):
            out.labels[i] = "junk"
            in_links = True
        elif count == 0 or cues.is_furniture(line) or _is_breadcrumb(line):
            out.labels[i] = "junk"
        elif (name := _byline(line, cues)) is not None:
            out.labels[i] = "byline"
            out.byline = out.byline or name
        elif (date := _dateline(line, cues, after_byline=i > 0 and out.labels[i - 1] == "byline")) is not None:
            out.labels[i] = "date"
            kind, value = date
            if kind == "published" and not out.published:
                out.published = value
            elif kind == "other" and not out.other_date:
                out.other_date = value
    _drop_consent(out, cues)
    _drop_menus(out)
    return out


def _is_consent_controls(line: str, cues: Cues) -> bool:
    """A line of consent buttons only: "Accept | Reject | Settings", "Accept all"."""
    parts = [p for p in re.split(r"\s*(?:\||/|·|•|\s{2,})\s*", line) if p.strip()]
    return bool(parts) and all(_key(p) in cues.consent_controls for p in parts)


def _drop_consent(out: _Labelled, cues: Cues) -> None:
    """A consent banner: the controls line, and the lines above it that speak of consent."""
    if not cues.consent_controls or cues.consent_words is None:
        return
    for i, line in enumerate(out.lines):
        if not _is_consent_controls(line, cues):
            continue
        out.labels[i] = "junk"
        j = i - 1
        while j >= 0 and i - j <= 3:
            prev = out.lines[j]
            if out.labels[j] == "content":
                if len(words(prev)) > 80 or not cues.consent_words.search(prev):
                    break
                out.labels[j] = "junk"
            j -= 1


def _byline(line: str, cues: Cues) -> Optional[str]:
    if len(words(line)) > 14:
        return None
    for pattern in cues.byline:
        m = pattern.match(line)
        if m:
            name = re.split(r"\s*[|–—]\s*|\s+-\s+", m.group("name"))[0]
            # the patterns are case-blind: a name is capitalised words ("By Jane Doe in
            # Nairobi" is Jane Doe; "By signing up you agree" names no one)
            kept: list[str] = []
            for token in name.split():
                if token[:1].isupper() or (kept and token.lower() in _NAME_PARTICLES):
                    kept.append(token)
                else:
                    break
            while kept and kept[-1].lower() in _NAME_PARTICLES:
                kept.pop()
            return " ".join(kept).strip(" ,;:") or None
    return None


_NAME_PARTICLES = frozenset({"de", "da", "del", "la", "le", "du", "di", "dos", "das", "al", "el", "ben", "abu", "bin", "ibn", "van", "von", "der", "and", "&", ","})


_DATE_WORDS = re.compile(
    r"\b(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|[ap]\.?m\.?|gmt|utc|bst|cet|cest|est|edt|pst|pdt|ast|"
    r"at|on|am|pm|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"updated|last|published|first|posted|modified|date|dated|edited|amended|released)\b|\d+\s*(?:hours?|"
    r"mins?|minutes?|days?)\s+ago", re.I)


def _dateline(line: str, cues: Cues, after_byline: bool = False) -> Optional[tuple[str, Optional[str]]]:
    """("published"|"other"|"bare", date) for a line that only states when the page was dated.

    A timestamp under a byline ("13 November 2025, 14:05 EAT") is the publication date.
    """
    if len(words(line)) > 16:
        return None
    date = find_date(line)
    rest = _DATE_WORDS.sub(" ", line)
    if cues.time_zones:
        rest = " ".join(w for w in re.split(r"(\s+)", rest)
                        if re.sub(r"[+-]\d{1,2}(?::?\d\d)?$|\W", "", w).lower() not in cues.time_zones)
    for pattern in (r"\b(?:19|20)\d\d-\d\d?-\d\d?\b", r"\b\d{1,2}(?:st|nd|rd|th)?\b", r"\b(?:19|20)\d\d\b"):
        rest = re.sub(pattern, " ", rest)
    rest = re.sub(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?", " ", rest, flags=re.I)
    leftover = len(words(rest))
    if cues.dateline_published.match(line) and (date or leftover <= 2):
        return ("published", date)
    if cues.dateline_other.match(line) and (date or leftover <= 2):
        return ("other", date)
    if date and (leftover == 0 or (after_byline and leftover <= 2 and not ends_sentence(line))):
        return ("published", date)
    return None


def _is_breadcrumb(line: str) -> bool:
    parts = _BREADCRUMB.split(line)
    return len(parts) >= 3 and all(0 < len(words(p)) <= 4 for p in parts) and not ends_sentence(line)


def _drop_menus(out: _Labelled) -> None:
    """Runs of three or more short lines without punctuation are menus or link lists."""
    run: list[int] = []

    def flush() -> None:
        if len(run) >= 3:
            for j in run:
                out.labels[j] = "junk"
        run.clear()

    for i, line in enumerate(out.lines):
        if out.labels[i] == "content" and len(words(line)) <= 4 and not ends_sentence(line):
            run.append(i)
        elif out.labels[i] == "junk" and run:
            continue  # a menu run may be broken by a furniture line ("Search", "Menu")
        else:
            flush()
    flush()


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _page_parts(text: str, cues: Cues, title_hint: Optional[str] = None) -> _Parts:
    """Title, standfirst, captions, body and metadata of page text."""
    lab = _label_lines(_logical_lines(text), cues)
    lines, labels = lab.lines, lab.labels
    content = [i for i, kind in enumerate(labels) if kind == "content"]
    score = {i: cues.caption_score(lines[i]) for i in content}

    junk = [lines[i] for i, kind in enumerate(labels) if kind == "junk"]
    publisher = publisher_from_lines(junk, cues)
    title_idx: Optional[int] = None
    skipped: list[int] = []
    if title_hint:
        hint = _norm(title_hint)
        title_idx = next((i for i in content if _norm(lines[i]) == hint), None)
    else:
        for i in content:
            count = len(words(lines[i]))
            if score[i] >= 2:
                skipped.append(i)  # a picture before the headline: its caption is kept below
                continue
            if 3 <= count <= 30 and not re.search(r"[.,;:]$", lines[i]) and \
                    _norm(lines[i]) != _norm(publisher or ""):
                title_idx = i
                break
            if count >= 8:
                break
            skipped.append(i)
    if title_idx is not None:
        for i in skipped:
            if score[i] < 2:
                labels[i] = "junk"  # kickers and section labels above the headline
        for i in content:
            if i <= title_idx or labels[i] != "content" or score[i] >= 2:
                continue
            if ends_sentence(lines[i]) and len(words(lines[i])) >= 8:
                break
            if _is_name_line(lines[i]):
                # "Jane Doe, Oslo" between headline and story: an unmarked byline
                labels[i] = "byline"
                lab.byline = lab.byline or re.split(r"\s*,\s*", lines[i])[0]
    rest = [i for i in content if labels[i] == "content" and i != title_idx]

    captions = [i for i in rest if score[i] >= 2]
    standfirst_idx: Optional[int] = None
    if title_idx is not None:
        after = [i for i in rest if i > title_idx and i not in captions]
        if after:
            first = after[0]
            following = after[1] if len(after) > 1 else len(lines)
            between = labels[first + 1:following]
            gap = any(k in ("byline", "date") for k in between) or any(c in captions for c in range(first + 1, following))
            count = len(words(lines[first]))
            if 6 <= count <= 80 and (not ends_sentence(lines[first]) or gap) and len(after) > 1:
                standfirst_idx = first
    body = [i for i in rest if i not in captions and i != standfirst_idx]
    while body and len(words(lines[body[-1]])) <= cues.link_max_words and not ends_sentence(lines[body[-1]]) \
            and any(ends_sentence(lines[j]) for j in body[:-1]):
        labels[body.pop()] = "junk"  # headline-like lines after the last sentence: links, not article

    title = lines[title_idx] if title_idx is not None else None
    standfirst = lines[standfirst_idx] if standfirst_idx is not None else None
    body_lines = [lines[i] for i in body]
    if not body_lines and not captions:
        body_lines = [x for x in (title, standfirst) if x]  # a headline alone is still text
        title = standfirst = None
    if publisher is None:
        publisher = publisher_from_lines([lines[i] for i, kind in enumerate(labels) if kind == "junk"], cues)
    if publisher is None:
        publisher = masthead_publisher(lines) or credit_publisher(lines[i] for i in (*captions, *body))
    return _Parts(
        title=title, standfirst=standfirst, captions=_unique(lines[i] for i in captions),
        body=body_lines, publisher=publisher, byline=lab.byline,
        published=lab.published or lab.other_date,
    )


def _is_name_line(line: str) -> bool:
    """A short line of capitalised words with a comma or "and": names and a place."""
    tokens = words(line)
    if not 2 <= len(tokens) <= 6 or ends_sentence(line) or not re.search(r",| and | & ", line):
        return False
    return all(t[:1].isupper() or t in ("and", "de", "al", "van", "von", "bin") for t in tokens)


def _unique(items: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        key = _norm(item)
        if key and key not in seen:
            seen.add(key)
            out.append(item)
    return out


def publisher_from_lines(lines: Iterable[str], cues: Cues | None = None) -> Optional[str]:
    """The publisher named in footer lines ("© 2015 X", "X delivers ...", "About X")."""
    cues = cues or load_cues()
    lines = list(lines)
    for pattern in cues.publisher:
        for line in lines:
            for part in [line, *_sentences(line)]:
                m = pattern.search(part)
                if m:
                    name = _trim_name(m.group("name"), cues.publisher_stop)
                    if name:
                        return name
    return None


def masthead_publisher(lines: list[str], top: int = 6) -> Optional[str]:
    """The site's name from its masthead: a short line at the top of the page whose words
    come back in the page's last lines ("FRONTLINE BRIEF" ... "Frontline Brief © 2024")."""
    tail = lines[max(top, len(lines) * 2 // 3):]
    for line in lines[:top]:
        tokens = words(line)
        if not 1 <= len(tokens) <= 5 or ends_sentence(line) or not all(t[:1].isupper() for t in tokens):
            continue
        if len(tokens) == 1 and not line.isupper():
            continue  # "Search", "Menu": one ordinary word is not a masthead
        found = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(t) for t in tokens) + r"(?!\w)", re.I)
        for other in tail:
            m = found.search(other)
            if m and not m.group().islower():
                return m.group() if not m.group().isupper() else line
    return None


_CREDIT = re.compile(r"^[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][\w. ]{1,30})?\s*\((?P<name>[A-Z][^()\n]{1,40})\)\s*[-–—]")


def credit_publisher(lines: Iterable[str]) -> Optional[str]:
    """The outlet of a dateline credit ("DOHA (The Envoy Report) — ...") that recurs in a
    picture credit ("(Envoy Report/Jane Doe)"), or that names the only credit there is."""
    lines = list(lines)
    for line in lines:
        m = _CREDIT.match(line)
        if m:
            name = m.group("name").strip()
            core = re.sub(r"^The\s+", "", name)
            if any(core in other for other in lines if other is not line):
                return name
    return None


def _trim_name(name: str, stop: frozenset[str]) -> Optional[str]:
    kept = []
    for token in name.split():
        if token.strip(".,") in stop:
            break
        kept.append(token)
        if token.endswith(".") and len(token) > 3 and not re.fullmatch(r"(?:[A-Z]\.)+", token):
            break  # "The Daily Tern. All rights reserved."
    name = " ".join(kept).strip(" .,;:-–—|")
    return name if len(name) >= 2 and name.lower() not in {"the", "this", "our", "we", "us", "all"} else None


# --------------------------------------------------------------------------- HTML

_META_KEYS = ("og:title", "twitter:title", "og:description", "twitter:description", "description",
              "og:site_name", "application-name", "author", "article:author", "og:url")
_STANDFIRST_CLASS = re.compile(
    r"(?:^|[-_\s])(?:standfirst|summary|dek|deck|lede|lead|subtitle|sub-?headline|subhead(?:ing)?|"
    r"strapline|strap|excerpt|intro|teaser|description|kicker-text|article-summary)(?:$|[-_\s])", re.I)
_CHROME_CLASS = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|menu|footer|sidebar|related|share|sharing|social|newsletter|promo|"
    r"cookie|consent|banner|advert|ad|ads|comments?|subscribe|signup|most-read|trending|breadcrumbs?)"
    r"(?:$|[-_\s])", re.I)
_BLOCK_TAGS = ("p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "li",
               "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "blockquote",
               "br", "tr", "table", "dd", "dt", "pre", "address", "form", "details", "summary")


def _safe_ref(m: re.Match) -> str:
    """A numeric character reference, or a space where it names a character XML cannot hold."""
    code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
    if code > 0x10FFFF or _CONTROL.match(chr(code)):
        return " "
    return m.group(0)


def _parse_html(html: str):
    import lxml.html
    from lxml import etree

    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    html = _CHAR_REF.sub(_safe_ref, html)
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def _in_chrome(el) -> bool:
    """Whether an element sits in navigation, footers, asides or share/related boxes."""
    node = el
    inside_article = False
    chain = []
    while node is not None:
        chain.append(node)
        node = node.getparent()
    for node in chain:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("article", "main"):
            inside_article = True
    for node in chain:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("nav", "footer", "aside") or (tag == "header" and not inside_article):
            return True
        if tag in ("article", "main", "body", "html"):
            continue
        if node.get("hidden") is not None or node.get("aria-hidden") == "true" or \
                re.search(r"display\s*:\s*none", node.get("style") or "", re.I):
            return True
        marks = f"{node.get('class') or ''} {node.get('id') or ''}"
        if _CHROME_CLASS.search(marks):
            return True
    return False


_INVISIBLE = ("script", "style", "noscript", "template")


def _element_text(el) -> str:
    # Text inside <script>/<style> (and comments) is never article text.
    out: list[str] = []

    def walk(e) -> None:
        if not isinstance(e.tag, str) or e.tag in _INVISIBLE:
            return
        out.append(e.text or "")
        for child in e:
            walk(child)
            out.append(child.tail or "")

    walk(el)
    return clean_line(" ".join(out))


def _meta(tree) -> dict[str, str]:
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = clean_line(el.get("content") or "")
        if key in _META_KEYS and value and key not in found:
            found[key] = value
    for el in tree.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
            found.setdefault("canonical", el.get("href").strip())
    return found


def html_to_lines(tree) -> list[str]:
    """The visible text of a parsed page, one block element per line."""
    import copy

    tree = copy.deepcopy(tree)
    for el in list(tree.iter("script", "style", "noscript", "template", "svg", "head")):
        el.drop_tree()
    for el in tree.iter(*_BLOCK_TAGS):
        # character references (&#1;) can put control characters back after parsing
        el.tail = "\n" + _CONTROL.sub(" ", el.tail or "")
        if el.tag != "br":
            el.text = "\n" + _CONTROL.sub(" ", el.text or "")
    return [line for line in (clean_line(x) for x in tree.text_content().splitlines()) if line]


def _html_parts(html: str, raw: RawDoc, cues: Cues) -> _Parts:
    tree = _parse_html(html)
    if tree is None:
        return _page_parts(html, cues, raw.title)
    meta = _meta(tree)
    visible = html_to_lines(tree)
    visible_norm = _norm(" ".join(visible))
    doc = _trafilatura(html, raw.url)

    title = _html_title(tree, meta, doc)
    captions = _html_captions(tree)
    standfirst = _html_standfirst(tree, meta, visible_norm, title)
    body_lines = [clean_line(x) for x in (doc.get("text") or "").splitlines()] if doc else []
    body_lines = [x for x in body_lines if x]
    fallback: Optional[_Parts] = None
    if not body_lines:
        # lxml gives up on pathological pages (thousands of nested tags); the standard
        # library's tolerant tokenizer still recovers their visible text.
        lines = visible if len(" ".join(visible)) > 200 else _tolerant_lines(html)
        fallback = _page_parts("\n".join(lines), cues, raw.title or title)
        body_lines = fallback.body
        captions = captions or fallback.captions
        standfirst = standfirst or fallback.standfirst
        title = title or fallback.title
    lab = _label_lines(body_lines, cues)
    taken = [_norm(x) for x in (title, standfirst, *captions) if x]
    body = []
    for line, kind in zip(lab.lines, lab.labels):
        key = _norm(line)
        if kind != "content" or not key or any(key == t or key in t for t in taken):
            continue
        body.append(line)
    junk = [line for line in _label_lines(visible, cues).lines if cues.is_furniture(line)]
    publisher = (meta.get("og:site_name") or meta.get("application-name") or (doc or {}).get("sitename")
                 or publisher_from_lines(junk, cues) or (fallback.publisher if fallback else None))
    byline = (doc or {}).get("author") or meta.get("author") or meta.get("article:author") or lab.byline
    if byline and re.match(r"https?://", byline):
        byline = None
    published = (doc or {}).get("date") or lab.published
    url = meta.get("og:url") or meta.get("canonical") or (doc or {}).get("url")
    return _Parts(title=title, standfirst=standfirst, captions=captions, body=body,
                  publisher=clean_line(publisher) if publisher else None,
                  byline=clean_line(byline) if byline else None,
                  published=published if published and re.fullmatch(r"\d{4}-\d{2}-\d{2}", published) else None,
                  url=url if url and re.match(r"https?://", url) else None)


def _tolerant_lines(html: str) -> list[str]:
    """Visible text lines by the standard library's HTML tokenizer (no depth limit)."""
    from html.parser import HTMLParser

    hidden = {"script", "style", "noscript", "template", "svg", "head"}
    blocks = set(_BLOCK_TAGS)

    class Lines(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag, attrs):
            if tag in hidden:
                self.skip += 1
            elif tag in blocks:
                self.parts.append("\n")

        def handle_endtag(self, tag):
            if tag in hidden:
                self.skip = max(0, self.skip - 1)
            elif tag in blocks:
                self.parts.append("\n")

        def handle_data(self, data):
            if not self.skip:
                self.parts.append(data)

    parser = Lines()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001 - whatever was read before the failure is kept
        pass
    text = _CONTROL.sub(" ", "".join(parser.parts))
    return [line for line in (clean_line(x) for x in text.splitlines()) if line]


def _trafilatura(html: str, url: Optional[str]) -> Optional[dict]:
    """trafilatura's body and metadata; the date comes from metadata and the URL only."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, fast=True, with_metadata=True, include_comments=False,
            include_tables=False, include_images=False, include_links=False, deduplicate=False,
            date_extraction_params={"extensive_search": False, "original_date": True,
                                    "outputformat": "%Y-%m-%d"},
        )
    except Exception:  # noqa: BLE001 - a page trafilatura cannot read falls back to page text
        return None
    if doc is None:
        return None
    return doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)


def _html_title(tree, meta: dict[str, str], doc: Optional[dict]) -> Optional[str]:
    heads = [h for h in tree.iter("h1") if _element_text(h)]
    in_article = [h for h in heads if any(a.tag in ("article", "main") for a in h.iterancestors())]
    for h in in_article + heads:
        if not _in_chrome(h) or h in in_article:
            return _element_text(h)
    title = (doc or {}).get("title") or meta.get("og:title") or meta.get("twitter:title")
    if not title:
        el = tree.find(".//title")
        title = _element_text(el) if el is not None else None
    if title:
        site = meta.get("og:site_name")
        parts = re.split(r"\s+[|–—-]\s+", title)
        if len(parts) > 1 and (not site or _norm(parts[-1]) == _norm(site) or len(words(parts[-1])) <= 4):
            title = " - ".join(parts[:-1])
    return clean_line(title) if title else None


def _html_captions(tree) -> list[str]:
    found = []
    taken: set = set()
    for el in tree.iter():
        if not isinstance(el.tag, str) or el in taken:
            continue
        marks = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
        if el.tag != "figcaption" and not re.search(r"caption", marks):
            continue
        if any(a in taken for a in el.iterancestors()) or _in_chrome(el):
            continue
        text = _element_text(el)
        if len(words(text)) >= 3:
            taken.add(el)
            found.append(text)
    return _unique(found)


def _html_standfirst(tree, meta: dict[str, str], visible: str, title: Optional[str]) -> Optional[str]:
    for el in tree.iter("p", "div", "h2", "span", "section"):
        marks = f"{el.get('class') or ''} {el.get('id') or ''}"
        if not _STANDFIRST_CLASS.search(marks) or _in_chrome(el):
            continue
        text = _element_text(el)
        if 6 <= len(words(text)) <= 80 and _norm(text) != _norm(title or ""):
            return text
    for key in ("og:description", "description", "twitter:description"):
        text = meta.get(key)
        if text and len(words(text)) >= 6 and _norm(text) in visible:
            return text  # shown on the page, not only written for search engines
    return None


# --------------------------------------------------------------------------- language

_SCRIPT_LANGS = (
    ((0x0600, 0x06FF), "ar"), ((0x0750, 0x077F), "ar"), ((0x0400, 0x04FF), "ru"),
    ((0x0590, 0x05FF), "he"), ((0x0370, 0x03FF), "el"), ((0x0900, 0x097F), "hi"),
    ((0x0E00, 0x0E7F), "th"), ((0x3040, 0x30FF), "ja"), ((0xAC00, 0xD7AF), "ko"),
    ((0x4E00, 0x9FFF), "zh"), ((0x0530, 0x058F), "hy"), ((0x10A0, 0x10FF), "ka"),
)


_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_SCRIPT_PATTERNS = tuple((lang, re.compile(f"[{chr(low)}-{chr(high)}]")) for (low, high), lang in _SCRIPT_LANGS)


@functools.lru_cache(maxsize=1)
def _stopwords() -> dict[str, frozenset[str]]:
    table = load_toml(data_path("extract", "stopwords.toml"))
    return {lang: frozenset(value.split()) for lang, value in table.items() if isinstance(value, str)}


def detect_language(text: str) -> Optional[str]:
    """ISO 639-1 code of the text's language, or None when too little text to tell.

    Scripts decide for non-Latin text; stopword shares for Latin-script text.
    """
    sample = text[:6000]
    latin = len(_LATIN.findall(sample))
    counts = {}
    for lang, pattern in _SCRIPT_PATTERNS:
        found = len(pattern.findall(sample))
        if found:
            counts[lang] = counts.get(lang, 0) + found
    total = latin + sum(counts.values())
    if total < 10:
        return None
    if counts:
        lang, count = max(counts.items(), key=lambda kv: kv[1])
        if count > latin:
            if lang == "zh" and counts.get("ja"):
                return "ja"  # Japanese mixes kana with Han characters
            if lang == "ar" and re.search("[پچژگ]", sample) and not re.search("[ةى]", sample):
                return "fa"
            if lang == "ru" and re.search("[іїєґ]", sample, re.I):
                return "uk"
            return lang
    tokens = [t.lower() for t in words(sample)]
    if not tokens:
        return None
    shares = {lang: sum(1 for t in tokens if t in stop) / len(tokens) for lang, stop in _stopwords().items()}
    best = max(shares, key=shares.get)
    english = shares.get("en", 0.0)
    if best != "en" and len(tokens) >= 15 and shares[best] >= 0.12 and shares[best] > 1.5 * english:
        return best
    return "en" if english > 0 or len(tokens) < 15 else None
