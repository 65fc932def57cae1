"""Check an article record against an ``*.expected.yaml`` file: what a careful coder extracts.

The expected format is the one of ``../shared/corpus/mee-iraq-russia-2015.expected.yaml``:
sections ``article``, ``actors``, ``places``, ``times``, ``quotes``, ``events`` and
``must_not``.  Each entry becomes a :class:`Check` that holds or not, with a reason, so
that a test can pin how many hold and print which do not.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

SECTIONS = ("article", "actors", "places", "times", "quotes", "events", "must_not")


@dataclass(frozen=True)
class Check:
    """One expectation and whether the record meets it."""

    section: str
    label: str
    ok: bool
    why: str = ""


@dataclass
class Outcome:
    """All checks of one article."""

    name: str
    checks: list[Check] = field(default_factory=list)

    def count(self, section: str) -> tuple[int, int]:
        """(holding, total) checks of ``section``."""
        mine = [c for c in self.checks if c.section == section]
        return sum(c.ok for c in mine), len(mine)

    def failures(self, section: str | None = None) -> list[Check]:
        """Checks that do not hold."""
        return [c for c in self.checks if not c.ok and (section is None or c.section == section)]

    def summary(self) -> str:
        """One line per section: holding/total."""
        parts = []
        for s in SECTIONS:
            ok, total = self.count(s)
            if total:
                parts.append(f"{s} {ok}/{total}")
        return f"{self.name}: " + ", ".join(parts)


def load_expected(path: str | Path) -> dict[str, Any]:
    """Read an expected file."""
    import yaml

    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


# -- helpers ------------------------------------------------------------------------------


def _fold(s: Optional[str]) -> str:
    s = (s or "").replace("\u2019", "'").casefold().strip()
    return re.sub(r"^the\s+", "", s)


def _has_form(span_text: str, form: str) -> bool:
    # Acronyms are matched case-sensitively ("IS" must not match "is").
    flags = 0 if form.isupper() else re.IGNORECASE
    return re.search(r"(?<!\w)" + re.escape(form) + r"(?!\w)", span_text.replace("\u2019", "'"), flags) is not None


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _section_text(record: dict, kind: str) -> list[str]:
    text = record["text"]
    return [text[s["start"]:s["end"]] for s in record.get("sections", []) if s["kind"] == kind]


# -- article -------------------------------------------------------------------------------


def check_article(record: dict, exp: dict, unpublished: Optional[dict] = None) -> list[Check]:
    """The ``article`` expectations; ``unpublished`` is the record run without a date."""
    out: list[Check] = []
    add = lambda label, ok, why="": out.append(Check("article", label, bool(ok), why))  # noqa: E731
    if "title" in exp:
        add("title", record.get("title") == exp["title"], f"got {record.get('title')!r}")
    if "publisher_any_of" in exp:
        add("publisher", record.get("publisher") in exp["publisher_any_of"], f"got {record.get('publisher')!r}")
    if "publisher" in exp:
        add("publisher", record.get("publisher") == exp["publisher"], f"got {record.get('publisher')!r}")
    if "standfirst_starts" in exp:
        got = _section_text(record, "standfirst")
        add("standfirst", any(t.startswith(exp["standfirst_starts"]) for t in got), f"got {got[:1]!r}")
    if "caption_starts" in exp:
        got = _section_text(record, "caption")
        add("caption", any(t.startswith(exp["caption_starts"]) for t in got), f"got {got[:2]!r}")
    for phrase in exp.get("boilerplate_absent", []):
        add(f"no boilerplate {phrase[:30]!r}", phrase not in record["text"], "still in text")
    wpd = exp.get("without_published_date")
    if wpd and "published_basis_any_of" in wpd:
        if unpublished is None:
            add("published basis without a date", False, "not run without a date")
        else:
            basis = unpublished["published"]["basis"]
            add("published basis without a date", basis in wpd["published_basis_any_of"], f"got {basis!r}")
    return out


# -- actors, places, times, quotes --------------------------------------------------------


def check_actor(record: dict, exp: dict) -> Check:
    """An actor holds when it is found with its attributes and every listed form resolves to it."""
    name = exp["name"]
    mine = [a for a in record["actors"] if _fold(a["name"]) == _fold(name)]
    if not mine:
        return Check("actors", name, False, "no mention resolves to it")
    for attr in ("country", "kind", "sector"):
        if attr in exp and not any(a.get(attr) == exp[attr] for a in mine):
            got = sorted({str(a.get(attr)) for a in mine})
            return Check("actors", name, False, f"{attr} {exp[attr]!r} not found (got {got})")
    missing = [f for f in exp.get("forms", []) if not any(_has_form(a["span"]["text"], f) for a in mine)]
    if missing:
        return Check("actors", name, False, f"forms not resolved to it: {missing}")
    return Check("actors", name, True)


def check_place(record: dict, exp: dict) -> Check:
    """A place holds when a place with that text has the right country, feature and point."""
    label = exp["text"]
    cands = [p for p in record["places"] if _fold(p["span"]["text"]) == _fold(label)]
    if not cands:
        return Check("places", label, False, "not found as a place")
    why = []
    for p in cands:
        if "country" in exp and p.get("country") != exp["country"]:
            why.append(f"country {p.get('country')}")
            continue
        if "feature" in exp and p.get("feature") != exp["feature"]:
            why.append(f"feature {p.get('feature')}")
            continue
        if "lat" in exp:
            if p.get("lat") is None:
                why.append("no coordinates")
                continue
            d = _km(exp["lat"], exp["lon"], p["lat"], p["lon"])
            if d > exp.get("tolerance_km", 25):
                why.append(f"{d:.0f} km off")
                continue
        return Check("places", label, True)
    return Check("places", label, False, "; ".join(why))


def check_time(record: dict, exp: dict) -> Check:
    """A time holds when an expression containing the text has the expected value."""
    label = exp["text"]
    cands = [t for t in record["times"] if _fold(label) in _fold(t["span"]["text"])]
    if not cands:
        return Check("times", label, False, "not found")
    if any(t["value"] == str(exp["value"]) for t in cands):
        return Check("times", label, True)
    return Check("times", label, False, f"values {[t['value'] for t in cands]}")


def _speaker_texts(q: dict, record: Optional[dict] = None) -> list[str]:
    """What a speaker may be recognised by: its name, description, words, and the canonical
    name of its actor ("Moscow" said ... is Russia speaking)."""
    sp = q["speaker"]
    actor = _names(record).get(sp.get("actor_id") or "") if record else None
    return [x for x in (sp.get("name"), sp.get("description"), (sp.get("span") or {}).get("text"), actor) if x]


def quote_matches(q: dict, exp: dict, record: dict) -> Optional[str]:
    """None when quote ``q`` meets ``exp``, else why not."""
    if "content_has" in exp and exp["content_has"].casefold() not in q["content"]["text"].casefold():
        return "content"
    if "kind" in exp and q["kind"] != exp["kind"]:
        return f"kind {q['kind']}"
    sp = q["speaker"]
    if "speaker_anonymous" in exp and bool(sp.get("anonymous")) != exp["speaker_anonymous"]:
        return f"anonymous={sp.get('anonymous')}"
    if "speaker_description_has" in exp:
        if _fold(exp["speaker_description_has"]) not in _fold(sp.get("description")):
            return f"description {sp.get('description')!r}"
    if "speaker" in exp:
        want = _fold(exp["speaker"])
        if not any(want in _fold(t) for t in _speaker_texts(q, record)):
            return f"speaker {_speaker_texts(q, record)}"
    vias = exp.get("via_any_of") or ([exp["via"]] if "via" in exp else None)
    if vias is not None and _fold(q.get("via")) not in {_fold(v) for v in vias}:
        return f"via {q.get('via')!r}"
    return None


def _any_match(section: str, label: str, items: list, matches: Callable[[dict], Optional[str]],
               quiet: str, nothing: str) -> Check:
    """Holds when some item matches; else says why the near misses failed (``quiet`` reasons
    are too common to list)."""
    whys = []
    for item in items:
        why = matches(item)
        if why is None:
            return Check(section, label, True)
        if why != quiet:
            whys.append(why)
    return Check(section, label, False, "; ".join(sorted(set(whys))[:4]) or nothing)


def check_quote(record: dict, exp: dict) -> Check:
    """A quote holds when some extracted quote meets every field."""
    label = exp.get("content_has") or exp.get("speaker") or "quote"
    return _any_match("quotes", label, record["quotes"], lambda q: quote_matches(q, exp, record),
                      "content", "no quote with that content")


# -- events -------------------------------------------------------------------------------


def _names(record: dict) -> dict[str, str]:
    return {a["id"]: a["name"] for a in record["actors"]}


def event_matches(ev: dict, exp: dict, record: dict) -> Optional[str]:
    """None when event ``ev`` meets ``exp``, else the first constraint it breaks."""
    names = _names(record)
    actors = {_fold(names.get(i, i)) for i in ev["actors"]}
    recipients = {_fold(names.get(i, i)) for i in ev["recipients"]}
    fold = lambda xs: {_fold(x) for x in xs}  # noqa: E731
    if "type" in exp and ev["type"] != exp["type"]:
        return "type"
    if "type_any_of" in exp and ev["type"] not in exp["type_any_of"]:
        return "type"
    if "mode" in exp and ev.get("mode") != exp["mode"]:
        return f"mode {ev.get('mode')}"
    if "contexts_has" in exp and exp["contexts_has"] not in (ev.get("contexts") or []):
        return f"contexts {ev.get('contexts')}"
    acled = ev.get("acled") or {}
    wanted = exp.get("acled_any_of") or ([exp["acled"]] if "acled" in exp else None)
    if wanted is not None and not any(acled.get("event_type") == w.get("event_type")
                                      and acled.get("sub_event_type") == w.get("sub_event_type")
                                      for w in wanted):
        return f"acled {acled}"
    if "actors" in exp and actors != fold(exp["actors"]):
        return f"actors {sorted(actors)}"
    if "actors_include" in exp and not fold(exp["actors_include"]) <= actors:
        return f"actors {sorted(actors)}"
    if "actors_include_any" in exp and not fold(exp["actors_include_any"]) & actors:
        return f"actors {sorted(actors)}"
    if "recipients" in exp and recipients != fold(exp["recipients"]):
        return f"recipients {sorted(recipients)}"
    if "recipients_include" in exp and not fold(exp["recipients_include"]) <= recipients:
        return f"recipients {sorted(recipients)}"
    if "location" in exp:
        loc = ev.get("location") or {}
        got = {_fold(loc.get("name")), _fold((loc.get("span") or {}).get("text"))}
        if _fold(exp["location"]) not in got:
            return f"location {loc.get('name')!r}"
    if "date" in exp and (ev.get("date") or {}).get("value") != str(exp["date"]):
        return f"date {(ev.get('date') or {}).get('value')}"
    if "modality" in exp and ev["modality"] != exp["modality"]:
        return f"modality {ev['modality']}"
    if "modality_any_of" in exp and ev["modality"] not in exp["modality_any_of"]:
        return f"modality {ev['modality']}"
    for count in ("fatalities", "injured", "arrested"):
        if count in exp and ev.get(count) != exp[count]:
            return f"{count} {ev.get(count)}"
    if "attributed_to_any_of" in exp:
        quotes = {q["id"]: q for q in record["quotes"]}
        said = [t for qid in ev.get("attribution", []) if qid in quotes for t in _speaker_texts(quotes[qid], record)]
        if not any(_fold(w) in _fold(t) for w in exp["attributed_to_any_of"] for t in said):
            return f"attribution {said}"
    return None


def check_event(record: dict, exp: dict) -> Check:
    """An event holds when some coded event meets every constraint."""
    label = str(exp.get("id", exp.get("type", "event")))
    return _any_match("events", label, record["events"], lambda ev: event_matches(ev, exp, record),
                      "type", "no event of that type")


# -- must_not -----------------------------------------------------------------------------

_NAMES = r"(.+?)"


def _split_names(s: str) -> list[str]:
    return [n.strip() for n in re.split(r",|\bor\b|\band\b", s) if n.strip()]


def _inside_sections(record: dict, span: dict) -> bool:
    return any(s["start"] <= span["start"] and span["end"] <= s["end"] for s in record.get("sections", []))


def check_must_not(record: dict, rule: Any, boilerplate: Iterable[str] = ()) -> Check:
    """Interpret one ``must_not`` rule; a rule that cannot be read fails loudly."""
    if isinstance(rule, dict):
        return _structured_must_not(record, rule)
    text = str(rule)
    low = text.casefold()
    if "only evidence is boilerplate" in low:
        bad = [e["id"] for e in record["events"]
               if not _inside_sections(record, e["evidence"])
               or any(b in e["evidence"]["text"] for b in boilerplate)]
        return Check("must_not", text, not bad, f"events {bad}")
    m = re.match(r"an? ([A-Z]+) by (.+?) (?:on|against|of|in) .*(?:reported|counted|coded) as (?:having happened|asserted|fact)",
                 text)
    if m:
        return _structured_must_not(record, {"event": {"type": m.group(1), "actor": m.group(2),
                                                       "modality_any_of": ["asserted", "historical"]}}, text)
    m = re.match(r"an? place for ([^:(]+)", text, re.IGNORECASE)
    if m:
        return _structured_must_not(record, {"place": _split_names(m.group(1))}, text)
    return Check("must_not", text, False, "rule not understood by the checker; write it as a mapping")


def _event_hits(record: dict, spec: dict) -> list[str]:
    """Evidence of the events that meet every field of ``spec``."""
    names = _names(record)
    sectors = {a["id"]: a.get("sector") for a in record["actors"]}
    types = spec.get("types") or ([spec["type"]] if "type" in spec else None)
    hits = []
    for ev in record["events"]:
        date = (ev.get("date") or {}).get("value") or ""
        if types and ev["type"] not in types:
            continue
        if "modality_any_of" in spec and ev["modality"] not in spec["modality_any_of"]:
            continue
        if "evidence_has" in spec and spec["evidence_has"].casefold() not in ev["evidence"]["text"].casefold():
            continue
        if "actor" in spec and _fold(spec["actor"]) not in {_fold(names.get(i, i)) for i in ev["actors"]}:
            continue
        if "recipient" in spec and _fold(spec["recipient"]) not in {_fold(names.get(i, i)) for i in ev["recipients"]}:
            continue
        if "actor_sector" in spec and spec["actor_sector"] not in {sectors.get(i) for i in ev["actors"]}:
            continue
        if spec.get("has_actor") and not ev["actors"]:
            continue
        # a named perpetrator: an "Unidentified armed group (X)" asserts no one in particular
        if spec.get("has_named_actor") and not [i for i in ev["actors"] if sectors.get(i) != "UAF"]:
            continue
        if "date" in spec and date != str(spec["date"]):
            continue
        if "date_prefix" in spec and not date.startswith(str(spec["date_prefix"])):
            continue
        if "has_count" in spec and not any(ev.get(c) for c in spec["has_count"]):
            continue
        hits.append(ev["evidence"]["text"][:60])
    return hits


def _speaker_key(q: dict) -> tuple:
    sp = q["speaker"]
    return (sp.get("actor_id") or _fold(sp.get("name")), _fold(sp.get("description")), bool(sp.get("anonymous")))


def _structured_must_not(record: dict, rule: dict, label: str | None = None) -> Check:
    """Structured rules: each key names a thing that must not be found in the record."""
    label = label or str(rule.get("note") or rule)
    if "place" in rule:
        names = rule["place"] if isinstance(rule["place"], list) else [rule["place"]]
        bad = [p["span"]["text"] for p in record["places"] if _fold(p["span"]["text"]) in {_fold(n) for n in names}]
        return Check("must_not", label, not bad, f"places {bad}")
    if "event" in rule or "event_any_of" in rule:
        specs = rule.get("event_any_of") or [rule["event"]]
        bad = [h for spec in specs for h in _event_hits(record, spec)]
        return Check("must_not", label, not bad, f"events {bad}")
    if "text_has" in rule:
        bad = [t for t in rule["text_has"] if t in record["text"]]
        return Check("must_not", label, not bad, f"in text: {bad}")
    if "time" in rule:
        spec = rule["time"]
        bad = [t["value"] for t in record["times"] if _fold(spec["text"]) in _fold(t["span"]["text"])
               and not t["value"].startswith(str(spec["value_not_prefix"]))]
        return Check("must_not", label, not bad, f"times {bad}")
    if "quote" in rule:
        spec = dict(rule["quote"])
        named = spec.pop("speaker_named", None)
        bad = [q["content"]["text"][:40] for q in record["quotes"] if quote_matches(q, spec, record) is None
               and (named is None or bool(q["speaker"].get("name")) == named)]
        return Check("must_not", label, not bad, f"quotes {bad}")
    if "quotes_differ_in_speaker" in rule:
        bad = []
        for group in rule["quotes_differ_in_speaker"]:
            found = [[q for q in record["quotes"] if part.casefold() in q["content"]["text"].casefold()] for part in group]
            keys = {_speaker_key(q) for qs in found for q in qs}
            if any(not qs for qs in found) or len(keys) != 1 or not any(keys.pop()[:2]):
                bad.append(group[0])
        return Check("must_not", label, not bad, f"speakers differ or missing for {bad}")
    return Check("must_not", label, False, "rule not understood by the checker")


# -- whole article -------------------------------------------------------------------------


CHECKERS: dict[str, Callable[[dict, dict], Check]] = {
    "actors": check_actor, "places": check_place, "times": check_time,
    "quotes": check_quote, "events": check_event,
}


def check(record: dict, expected: dict, unpublished: Optional[dict] = None, name: str = "") -> Outcome:
    """Every check of ``expected`` on ``record`` (and ``unpublished``, the run without a date)."""
    out = Outcome(name or record.get("id", ""))
    art = expected.get("article", {})
    out.checks += check_article(record, art, unpublished)
    for section, fn in CHECKERS.items():
        out.checks += [fn(record, e) for e in expected.get(section, []) or []]
    for rule in expected.get("must_not", []) or []:
        out.checks.append(check_must_not(record, rule, art.get("boilerplate_absent", [])))
    return out
