"""Places stage: every toponym in the text, resolved against the offline gazetteer.

Candidates come from spaCy's named entities (GPE, LOC, FAC) and from a gazetteer
match over runs of capitalised tokens, so that toponyms the small model misses are
found too.  A span that the actors stage marked as a metonym ("Ankara" for Turkey's
government, "the Kremlin") is an actor, not a place; an adjective ("Iraqi") is not a
place either.  Each toponym is resolved by ranking its gazetteer readings: countries,
first-level divisions, continents and large or capital cities above homonymous
villages, readings in the countries the article is about above others, and a
qualifier ("Paris, Texas") or a cue ("the northern city of Mosul") above both.
"""
from __future__ import annotations

import csv
import dataclasses
import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from .gazetteer import DATA_DIR, Entry, Gazetteer, distance_km, load_gazetteer, normalise
from .records import ActorMention, Place, Span

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

__all__ = ["load_gazetteer", "find_places"]

NER_LABELS = {"GPE", "LOC", "FAC"}
# Entities whose words are not toponyms even where a gazetteer knows them.
BLOCKING_LABELS = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW",
                   "LANGUAGE", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"}
PLACE_ACTOR_KINDS = {"state"}
MAX_TOKENS = 6
CONNECTORS = {"of", "de", "del", "la", "le", "al", "el", "du", "des", "da", "do", "dos", "and", "-", "upon", "on"}
# Capitalised words that gazetteers know as places but prose uses otherwise.
COMMON = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "president", "minister", "prime", "king", "queen", "prince", "general",
    "god", "allah", "prophet", "mr", "mrs", "ms", "dr", "sir", "lord", "saint", "st", "mount",
    "north", "south", "east", "west", "central", "centre", "center", "northern", "southern",
    "eastern", "western", "capital", "city", "state", "union", "republic", "island", "islands",
    "university", "police", "army", "news", "agency", "times", "post", "ministry", "council",
    "court", "party", "government", "parliament", "house", "senate", "congress", "white", "black",
    "red", "green", "blue", "new", "old", "good", "best", "great", "hope", "peace", "victory",
    "liberty", "independence", "unity", "freedom", "justice", "mobile", "reading", "bath", "nice",
    "split", "male", "female", "orange", "banana", "cork", "derby", "march", "media", "energy",
    "transport", "national", "international", "federal", "royal", "imperial", "middle",
}
# Capitalised words that are names of other things far more often than of places, even
# where the model calls them GPE or LOC: adjectives of events and parties, holidays,
# given names and surnames, brands.  A single such word is never a toponym on its own.
NOT_PLACES = {
    "olympic", "olympics", "paralympic", "paralympics", "easter", "christmas", "ramadan",
    "liberal", "liberals", "conservative", "democrat", "democrats", "republican", "labour",
    "real", "amber", "mcdonald", "mcdonalds", "google", "apple", "amazon", "twitter", "eta",
}
ADJ_SUFFIX = re.compile(r"^-(led|backed|based|born|made|run|owned|controlled|held|funded|allied|"
                        r"sponsored|supported|linked|bound|wide|style|era)$", re.I)
CITY_CUES = {"city", "town", "village", "capital", "port", "township", "suburb", "hamlet", "municipality"}
ADMIN_CUES = {"province", "governorate", "state", "region", "county", "prefecture", "oblast",
              "district", "territory", "canton", "department"}
GEO_WORDS = CITY_CUES | ADMIN_CUES | {
    "dam", "airport", "river", "valley", "bay", "lake", "street", "square", "border", "mountains",
    "mountain", "island", "islands", "desert", "plain", "basin", "gulf", "sea", "coast", "strait",
    "crossing", "camp", "base", "refinery", "bridge", "road", "highway", "park", "peninsula",
}
PRE_MODIFIERS = {"northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
                 "southeastern", "southwestern", "greater", "downtown", "rural", "occupied", "upstate"}
# Words after a name that make it a state's ("New York Gov. Mario Cuomo").
GOVERNOR_CUES = {"gov", "governor", "legislature", "statehouse"}
# Words that make a following name the first-level division ("Kirkuk province").
ADMIN1_CUES = {"province", "governorate", "state", "region", "oblast", "prefecture"}
# What governs a toponym: "in Goma", "reached Goma", "withdrew from Goma".
LOC_PREPS = {"in", "at", "near", "from", "to", "around", "into", "outside", "towards", "toward",
             "across", "through", "inside", "throughout", "via", "toward", "onto"}
LOC_VERBS = {"reach", "enter", "hold", "capture", "seize", "retake", "recapture", "besiege",
             "overrun", "storm", "shell", "bomb", "liberate", "encircle", "surround", "evacuate",
             "withdraw", "flee", "leave", "occupy", "take"}
SPEECH_VERBS = {"say", "tell", "add", "state", "announce", "claim", "deny", "argue", "write",
                "insist", "explain", "warn", "ask", "reply", "note", "think", "believe", "want"}
TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "president", "minister", "general", "gen",
          "colonel", "col", "captain", "capt", "lt", "sgt", "judge", "governor", "senator", "rep",
          "king", "queen", "prince", "sheikh", "imam", "pastor", "father", "bishop", "mayor",
          "commander", "chief", "lord", "lady", "professor", "prof", "said", "says"}
PERSON_PLACE_POPULATION = 100_000
# The publisher's country (from its web domain) counts as this many mentions.
HOME_WEIGHT = 3
ADMIN_BONUS = 2.5
# A town within NEAR_KM of another town of the story gains NEAR_BONUS.
NEAR_KM = 200.0
NEAR_BONUS = 2.0
BASE = {"country": 8.0, "continent": 8.0, "region": 7.5, "admin": 6.5, "site": 4.0}
PRECISION = {"city": 1, "site": 1, "admin": 2, "country": 3, "continent": 3, "region": 3}


@dataclass
class _Candidate:
    start: int  # token index
    end: int
    ner: bool
    readings: list[Entry]
    loose: bool = False
    qualifier: Optional["_Candidate"] = None
    cue: Optional[str] = None
    best: Optional[Entry] = None
    scores: dict[int, float] = field(default_factory=dict)


def find_places(doc: "Doc", actors: tuple[ActorMention, ...] = (),
                gazetteer: Gazetteer | None = None, *, publisher: str | None = None) -> tuple[Place, ...]:
    """Every toponym in ``doc`` that the gazetteer resolves, sorted by start.

    ``actors`` are the actors stage's mentions: metonym spans are left out, and the
    countries of all mentions are context for disambiguation.  ``publisher`` (a name
    or web domain) adds the publisher's country as weak context ("cbc.ca": Canada).
    """
    gaz = gazetteer or load_gazetteer()
    text = doc.text
    blocked = _blocked_chars(doc, actors)
    candidates = _candidates(doc, gaz, blocked, actors)
    if not candidates:
        return ()
    _attach_qualifiers(doc, candidates)
    candidates = [c for c in candidates if c.readings]
    _resolve(doc, candidates, actors, gaz, publisher_country(publisher))
    places = []
    for cand in candidates:
        entry = cand.best
        if entry is None:
            continue
        span = doc[cand.start:cand.end]
        places.append(Place(
            span=Span.of(text, span.start_char, span.end_char), name=entry.name,
            geonameid=entry.geonameid, lat=round(entry.lat, 5), lon=round(entry.lon, 5),
            country=entry.country, admin1=gaz.admin1_name(entry.cc, entry.admin1) or entry.admin1,
            feature=entry.feature, precision=PRECISION.get(entry.feature),
        ))
    return tuple(sorted(places, key=lambda p: (p.span.start, p.span.end)))


# --- recognition ---------------------------------------------------------------------

def _blocked_chars(doc: "Doc", actors: tuple[ActorMention, ...]) -> dict[int, str]:
    """Character offsets covered by spans that are not places, with the reason."""
    blocked: dict[int, str] = {}
    for actor in actors:
        if actor.metonym:
            reason = "metonym"
        elif actor.kind in PLACE_ACTOR_KINDS:
            continue  # "Iraq" the state is also "Iraq" the place
        else:
            reason = "actor"
        for i in range(actor.span.start, actor.span.end):
            blocked[i] = reason
    return blocked


def _trim(doc: "Doc", start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in {"'s", "’s", "'"}):
        end -= 1
    return start, end


def _adjectival(doc: "Doc", end: int) -> bool:
    """"US-led", "Iran-backed": a toponym used as the first part of an adjective."""
    if end + 1 < len(doc) and doc[end].text in {"-", "–"}:
        return bool(ADJ_SUFFIX.match("-" + doc[end + 1].text)) or doc[end + 1].is_lower
    tok = doc[end - 1] if end else None
    return bool(tok is not None and "-" in tok.text and ADJ_SUFFIX.search(tok.text[tok.text.index("-"):]))


def _lookup(gaz: Gazetteer, surface: str) -> list[Entry]:
    letters = surface.replace(".", "")
    if letters.isupper() and len(letters) <= 5:
        # An acronym is a name only as written ("US", "UK"), never a village called "Us".
        return gaz.lookup_exact(surface) or gaz.lookup_exact(letters)
    # An abbreviation with its full stop ("Ky.", "Man.", "Ark.") is an exact alias.
    exact = gaz.lookup_exact(surface) if surface.endswith(".") else []
    return exact or gaz.lookup(surface)


def _abbreviation(doc: "Doc", gaz: Gazetteer, i: int) -> list[Entry]:
    """"Churchill, Man.": a division's abbreviation that the tokenizer split from its stop."""
    tok = doc[i]
    if not (i > 0 and doc[i - 1].text == "," and i + 1 < len(doc) and doc[i + 1].text == "."):
        return []
    return gaz.lookup_exact(tok.text + ".")


def _person_words(doc: "Doc", actors: tuple[ActorMention, ...]) -> set[str]:
    """Words of the names of persons in the text: a surname alone is still the person."""
    words: set[str] = set()
    for actor in actors:
        if actor.kind == "person":
            words.update(w.lower() for w in re.findall(r"\w+", actor.span.text) if w[:1].isupper())
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            words.update(t.lower_ for t in ent if t.is_alpha and t.lower_ not in TITLES)
    return words


def _big(readings: list[Entry]) -> bool:
    return any(e.feature in ("country", "admin", "continent", "region")
               or e.population >= PERSON_PLACE_POPULATION for e in readings)


def _locative(tok: "Token") -> bool:
    """Whether ``tok`` (or the first of its conjuncts) is where something happens."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in LOC_PREPS:
        return True
    if tok.dep_ in ("dobj", "obj") and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in LOC_VERBS:
        return True
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return bool(nxt is not None and nxt.lower_ in ADMIN1_CUES | CITY_CUES - {"capital"})


def _coordinated(tok: "Token", taken: set[int]) -> bool:
    """"Goma and Bukavu" where the other one is a place already."""
    conj = [t for t in tok.conjuncts]
    return any(t.i in taken for t in conj)


def _person_reads_as_place(doc: "Doc", i: int, readings: list[Entry]) -> bool:
    """Whether a one-word PERSON entity can be a toponym at all."""
    tok = doc[i]
    if tok.pos_ != "PROPN" or not tok.is_alpha:
        return False
    if i + 1 < len(doc) and _capitalised(doc[i + 1]) and doc[i + 1].lower_ not in GEO_WORDS:
        return False  # "Paris Hilton"
    if i > 0 and (doc[i - 1].lower_.rstrip(".") in TITLES or
                  (_capitalised(doc[i - 1]) and not doc[i - 1].is_sent_start)):
        return False  # "Mr Goma", "Joseph Kabila"
    if i + 1 < len(doc) and doc[i + 1].lower_ in {"'s", "’s"}:
        return False  # "Kamau's"
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in SPEECH_VERBS:
        return False  # "Kamau said"
    if tok.dep_ in ("appos", "compound", "npadvmod", "poss") and tok.head.lower_ not in GEO_WORDS:
        return False
    return True


def _candidates(doc: "Doc", gaz: Gazetteer, blocked: dict[int, str],
                actors: tuple[ActorMention, ...] = ()) -> list[_Candidate]:
    ents_by_token: dict[int, str] = {}
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            ents_by_token[i] = ent.label_

    def is_blocked(start: int, end: int, reason: str | None = None) -> bool:
        span = doc[start:end]
        return any(blocked.get(c) in ((reason,) if reason else ("metonym", "actor"))
                   for c in range(span.start_char, span.end_char))

    found: list[_Candidate] = []
    taken: set[int] = set()
    # 1. Named entities that name places.
    for ent in doc.ents:
        if ent.label_ not in NER_LABELS:
            continue
        start, end = _trim(doc, ent.start, ent.end)
        if start >= end or is_blocked(start, end) or _adjectival(doc, end):
            continue
        if end - start == 1 and doc[start].lower_ in NOT_PLACES:
            continue
        surface = doc[start:end].text
        readings = (end - start == 1 and _abbreviation(doc, gaz, start)) or _lookup(gaz, surface)
        loose = False
        if not readings and ent.label_ != "FAC":
            readings, loose = gaz.lookup_loose(surface), True
        if readings:
            found.append(_Candidate(start, end, True, readings, loose))
            taken.update(range(start, end))
    # 1b. A single name the model calls a person ("reached Goma", "held Goma and Bukavu")
    # that no actor claims, read as a place where the gazetteer and the syntax agree.
    surnames = _person_words(doc, actors)
    pending = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        start, end = _trim(doc, ent.start, ent.end)
        if end - start != 1 or start in taken or is_blocked(start, end) or _adjectival(doc, end):
            continue
        if doc[start].lower_ in surnames or doc[start].lower_ in COMMON | NOT_PLACES:
            continue
        readings = _lookup(gaz, doc[start].text)
        if readings and _person_reads_as_place(doc, start, readings):
            pending.append((start, readings))
    for start, readings in pending:
        verdict = _locative(doc[start]) or _big(readings) or _coordinated(doc[start], taken)
        if verdict and (_big(readings) or max(e.population for e in readings) >= 1000):
            found.append(_Candidate(start, start + 1, False, readings))
            taken.add(start)
    # 2. Gazetteer matches over capitalised runs the model did not mark.
    i = 0
    n = len(doc)
    while i < n:
        if i not in taken and not is_blocked(i, i + 1):
            abbr = _abbreviation(doc, gaz, i)
            if abbr:
                found.append(_Candidate(i, i + 1, False, abbr))
                taken.add(i)
                i += 1
                continue
        if i in taken or not _capitalised(doc[i]):
            i += 1
            continue
        match = None
        for end in range(min(n, i + MAX_TOKENS), i, -1):
            if any(j in taken for j in range(i, end)) or not _capitalised(doc[end - 1]):
                continue
            if not all(_capitalised(t) or t.lower_ in CONNECTORS for t in doc[i:end]):
                continue
            surface = doc[i:end].text
            key = normalise(surface)
            if not gaz.has_name(key) and not gaz.lookup_exact(surface):
                continue
            readings = _lookup(gaz, surface)
            if readings:
                match = (end, readings)
                break
        if match is None:
            i += 1
            continue
        end, readings = match
        if _phrase_ok(doc, i, end, readings, ents_by_token) and not is_blocked(i, end) \
                and not _adjectival(doc, end):
            found.append(_Candidate(i, end, False, readings))
        i = end
    found.sort(key=lambda c: c.start)
    return found


def _capitalised(tok: "Token") -> bool:
    return tok.is_alpha and tok.text[:1].isupper() or bool(re.fullmatch(r"(?:[A-Z]\.){2,}", tok.text))


def _phrase_ok(doc: "Doc", start: int, end: int, readings: list[Entry], ents: dict[int, str]) -> bool:
    """Whether a capitalised run that only the gazetteer knows reads as a toponym."""
    labels = {ents.get(i) for i in range(start, end)} - {None}
    strong = any(e.feature in ("country", "admin", "continent", "region") for e in readings)
    if labels & BLOCKING_LABELS:
        # The small model often calls a toponym ORG or NORP ("Edmonton", "Aleppo"): an
        # entity that is exactly the toponym may be a place; one that merely contains it
        # ("Conference Board of Canada", "George Washington") is not.
        whole = any(e.start == start and e.end == end and e.label_ in {"ORG", "NORP", "LANGUAGE"}
                    for e in doc.ents)
        big = strong or max(e.population for e in readings) >= 100_000
        if not (whole and (big or "NORP" not in labels)):
            return False
    words = [t for t in doc[start:end] if t.is_alpha]
    # Part of a longer capitalised name ("Middle East Eye", "Washington Post", "George
    # Washington") unless the rest is a geographic word ("Mosul Dam", "Kirkuk Province").
    if end < len(doc) and _capitalised(doc[end]) and doc[end].lower_ not in GEO_WORDS:
        return False
    if start > 0 and _capitalised(doc[start - 1]) and not doc[start].is_sent_start:
        prev = doc[start - 1]
        if not (prev.is_stop or (prev.is_sent_start and prev.pos_ != "PROPN") or prev.lower_ in PRE_MODIFIERS or prev.lower_ in GEO_WORDS):
            return False
    if end - start == 1:
        tok = doc[start]
        if tok.lower_ in COMMON or tok.lower_ in NOT_PLACES:
            return False
        # A capitalised noun inside a sentence is a name ("a view of the Baiji").
        if tok.pos_ not in ("PROPN", "NOUN", "X") and not strong:
            return False
        if tok.is_sent_start and not strong:
            return False
        if not strong and any(t.lower_ == tok.lower_ and t.is_lower for t in doc):
            return False  # the word also appears uncapitalised: a common word
    elif all(t.lower_ in COMMON for t in words):
        return False
    if not strong and max(e.population for e in readings) < 1000:
        return False
    return True


def _attach_qualifiers(doc: "Doc", candidates: list[_Candidate]) -> None:
    """"Paris, Texas", "Tripoli, Lebanon": the second names where the first is."""
    for a, b in zip(candidates, candidates[1:]):
        if b.start == a.end + 1 and doc[a.end].text == "," and any(
                e.feature in ("admin", "country") for e in b.readings):
            a.qualifier = b
    for cand in candidates:
        before = {t.lower_ for t in doc[max(0, cand.start - 3):cand.start]}
        after = doc[cand.end].lower_.rstrip(".") if cand.end < len(doc) else ""
        if before & CITY_CUES or after in CITY_CUES - {"capital"}:
            cand.cue = "city"
        elif after in ADMIN_CUES or before & ADMIN_CUES or (
                after in GOVERNOR_CUES and any(e.feature == "admin" for e in cand.readings)):
            cand.cue = "admin"
        if after in ADMIN1_CUES and any(e.feature == "admin" for e in cand.readings):
            # "North Kivu province", "Rakhine state": the division where there is one.
            cand.readings = [e for e in cand.readings if e.feature == "admin"]
        elif after in ADMIN_CUES and doc[cand.end].text[:1].isupper():
            # "Metcalfe County", "Kirkuk Province": the name of the division, not the town.
            cand.readings = [e for e in cand.readings if e.feature != "city"]


# --- resolution ----------------------------------------------------------------------

def _near(entry: Entry, anchors: list[tuple[float, float]]) -> bool:
    return any(distance_km(entry.lat, entry.lon, lat, lon) <= NEAR_KM for lat, lon in anchors)


def _score(entry: Entry, cand: _Candidate, context: Counter, admins: set,
           anchors: list[tuple[float, float]] = ()) -> float:
    if entry.feature == "city":
        score = math.log10(entry.population + 10) + (1.5 if entry.capital else 0.0)
    else:
        score = BASE.get(entry.feature, 4.0)
    if entry.country and context.get(entry.country, 0) > 0:
        score += 2.5 * context[entry.country] / max(context.values())
    if entry.feature == "city" and (entry.cc, entry.admin1) in admins and not any(
            e.feature == "admin" and e.cc == entry.cc and e.admin1 == entry.admin1 for e in cand.readings):
        score += ADMIN_BONUS  # "Edmonton" in a story about Kentucky
    if entry.feature == "city" and anchors and _near(entry, anchors):
        score += NEAR_BONUS  # near the other towns of the story: "London" beside Toronto
    if cand.cue and entry.feature == cand.cue:
        score += 2.0
    if cand.qualifier is not None and cand.qualifier.best is not None:
        q = cand.qualifier.best
        inside = entry.cc == q.cc and (q.feature == "country" or entry.admin1 == q.admin1)
        score += 6.0 if inside else -6.0
    if cand.loose:
        score -= 1.5
    return score


def _resolve(doc: "Doc", candidates: list[_Candidate], actors: tuple[ActorMention, ...],
             gaz: Gazetteer, home: Optional[str] = None) -> None:
    def base() -> Counter:
        # Named mentions only: an agent ("the legislature", "police") takes the actors
        # stage's guess of the home country, which is no evidence of its own.
        found = Counter(a.country for a in actors
                        if a.country and any(ch.isupper() for ch in a.span.text))
        if home:
            found[home] += HOME_WEIGHT
        return found

    context = base()
    admins: set = set()
    # First the toponyms that read as a country, division or continent anyway: they
    # set the scene for the cities.
    for cand in candidates:
        top = max(cand.readings, key=lambda e: _score(e, cand, Counter(), set()))
        if top.feature in ("country", "admin") and not cand.loose:
            context[top.country] += 2
            if top.feature == "admin":
                admins.add((top.cc, top.admin1))
    own: dict[int, tuple[str, int]] = {}
    anchors: dict[int, list[tuple[float, float]]] = {}
    for _ in range(2):
        # Qualifiers are resolved before what they qualify, hence right to left.
        for cand in reversed(candidates):
            local = context
            if id(cand) in own:  # a toponym is no evidence for itself
                local = context.copy()
                local[own[id(cand)][0]] -= own[id(cand)][1]
            near = anchors.get(id(cand), [])
            cand.best = max((_score(e, cand, local, admins, near), -e.index, e) for e in cand.readings)[2]
        context = base()
        # Spatial coherence: the towns the other names of the story resolved to.
        towns = [(normalise(doc[c.start:c.end].text), c.best) for c in candidates
                 if c.best is not None and c.best.feature == "city" and not c.loose]
        anchors = {id(c): [(b.lat, b.lon) for name, b in towns if name != normalise(doc[c.start:c.end].text)]
                   for c in candidates}
        own.clear()
        for cand in candidates:
            if cand.best is not None and cand.best.country:
                weight = 2 if cand.best.feature != "city" else 1
                context[cand.best.country] += weight
                own[id(cand)] = (cand.best.country, weight)
    for cand in candidates:
        best = cand.best
        if best is None:
            continue
        if not cand.ner and best.feature == "city" and best.population < 5000 \
                and not context.get(best.country):
            cand.best = None  # a village that only the gazetteer knows, far from the story
        elif cand.loose and best.feature == "city" and context.get(best.country, 0) <= 1:
            cand.best = None  # a spelling variant is trusted only in the story's countries


# --- demonyms and publishers ---------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    with open(DATA_DIR / "demonyms.csv", encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {r["name"]: r["iso3"] for r in rows}


# Publisher web domains: a country-code suffix names the publisher's country.
_TLD = {"ca": "CAN", "uk": "GBR", "au": "AUS", "nz": "NZL", "ie": "IRL", "za": "ZAF", "in": "IND",
        "tw": "TWN", "sg": "SGP", "hk": "HKG", "ph": "PHL", "pk": "PAK", "ng": "NGA", "ke": "KEN",
        "tr": "TUR", "iq": "IRQ", "de": "DEU", "fr": "FRA", "es": "ESP", "it": "ITA", "jp": "JPN",
        "us": "USA", "my": "MYS", "lb": "LBN", "jo": "JOR", "eg": "EGY", "il": "ISR", "ru": "RUS"}


def publisher_country(publisher: Optional[str]) -> Optional[str]:
    """The country a publisher's web domain names ("www.abc.net.au" -> "AUS"), if any."""
    if not publisher:
        return None
    host = publisher.strip().lower().split("/")[0]
    if "." not in host:
        return None
    return _TLD.get(host.rsplit(".", 1)[1])


def demonyms(doc: "Doc", actors: tuple[ActorMention, ...] = (), gazetteer: Gazetteer | None = None,
             places: tuple[Place, ...] = ()) -> tuple[Place, ...]:
    """Country adjectives used as modifiers ("a Turkish policeman", "the Syrian war"),
    placed at their country's point.

    Not places of the article record (an adjective is not a place name); geoparsing
    gold sets such as TR-News count them as toponyms of the country, so the ``geo``
    evaluation scores them.  Metonym spans and spans already found as places are skipped.
    """
    gaz = gazetteer or load_gazetteer()
    table = _demonyms()
    taken = {i for p in places for i in range(p.span.start, p.span.end)}
    taken.update(i for a in actors if a.metonym for i in range(a.span.start, a.span.end))
    out = []
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        two = doc[i:i + 2].text if i + 1 < n else None
        size, iso3 = (2, table[two]) if two in table else (1, table.get(tok.text))
        if iso3 is None or tok.idx in taken:
            i += 1
            continue
        last = doc[i + size - 1]
        nxt = doc[i + size] if i + size < n else None
        # A modifier of a following noun; not a language ("in Turkish") nor people ("Turks").
        modifier = nxt is not None and nxt.is_alpha and (nxt.pos_ in ("NOUN", "PROPN", "ADJ")) \
            and last.dep_ in ("amod", "compound", "nmod", "npadvmod", "nummod", "dep")
        entry = gaz.country(iso3)
        if modifier and entry is not None:
            span = doc[i:i + size]
            out.append(Place(
                span=Span.of(doc.text, span.start_char, span.end_char), name=entry.name,
                geonameid=entry.geonameid, lat=round(entry.lat, 5), lon=round(entry.lon, 5),
                country=entry.country, admin1=None, feature="country", precision=PRECISION["country"]))
        i += size
    return tuple(out)


def toponyms(doc: "Doc", actors: tuple[ActorMention, ...] = (), gazetteer: Gazetteer | None = None,
             places: tuple[Place, ...] = (), *, publisher: str | None = None) -> tuple[Place, ...]:
    """Place names used in other roles than a place, as geoparsing gold sets annotate them.

    Beyond :func:`find_places`: metonyms ("Ottawa said"), toponyms inside names and
    compounds ("Seattle-based", "the University of Manitoba", "CBC Toronto") and other
    mentions of a name the article already uses as a place (one sense per discourse).
    Each takes the reading of the same name elsewhere in the article, else the best
    reading in the article's countries.  Demonyms are :func:`demonyms`.
    """
    gaz = gazetteer or load_gazetteer()
    taken = {i for p in places for i in range(p.span.start, p.span.end)}
    known: dict[str, Place] = {}
    for p in places:
        known.setdefault(normalise(p.span.text), p)
    context: Counter = Counter(p.country for p in places if p.country)
    home = publisher_country(publisher)
    if home:
        context[home] += HOME_WEIGHT
    metonyms = [(a.span.start, a.span.end) for a in actors if a.metonym]
    in_name = set()
    for ent in doc.ents:
        if ent.label_ in ("ORG", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT"):
            in_name.update(range(ent.start_char, ent.end_char))
    for a in actors:
        if a.kind in ("organization", "group", "media"):
            in_name.update(range(a.span.start, a.span.end))
    out: list[Place] = []
    i, n = 0, len(doc)
    while i < n:
        if not _capitalised(doc[i]) or doc[i].idx in taken:
            i += 1
            continue
        hit = None
        for end in range(min(n, i + 4), i, -1):
            span = doc[i:end]
            if not _capitalised(doc[end - 1]) or any(c in taken for c in range(span.start_char, span.end_char)):
                continue
            if not all(_capitalised(t) or t.lower_ in CONNECTORS for t in span):
                continue
            key = normalise(span.text)
            if key in known:
                hit = (end, known[key])
                break
            if all(t.lower_ in COMMON or t.lower_ in NOT_PLACES or not t.is_alpha for t in span):
                continue
            readings = _lookup(gaz, span.text)
            if not readings:
                continue
            metonym = any(s <= span.start_char and span.end_char <= e for s, e in metonyms)
            compound = end < n and doc[end].text in {"-", "–"} and end + 1 < n and doc[end + 1].is_lower
            named = span.start_char in in_name
            if not (metonym or compound or named):
                continue
            cand = _Candidate(i, end, False, readings)
            best = max(readings, key=lambda e: (_score(e, cand, context, set()), -e.index))
            if not _big([best]):
                continue
            hit = (end, Place(span=Span.of(doc.text, span.start_char, span.end_char), name=best.name,
                              geonameid=best.geonameid, lat=round(best.lat, 5), lon=round(best.lon, 5),
                              country=best.country, admin1=gaz.admin1_name(best.cc, best.admin1) or best.admin1,
                              feature=best.feature, precision=PRECISION.get(best.feature)))
            break
        if hit is None:
            i += 1
            continue
        end, place = hit
        span = doc[i:end]
        out.append(dataclasses.replace(place, span=Span.of(doc.text, span.start_char, span.end_char)))
        i = end
    return tuple(out)
