"""Actors stage: who is named in the article, resolved to canonical actors.

The catalogue (``data/actors/``: countries, capitals and seats of government, leaders
with their terms, armed groups, IGOs, media, agent words with PLOVER sectors) is
compiled once into token tries keyed on lower-cased token text.  Matching is then a
single left-to-right walk over the parsed ``Doc``; the dependency parse is read only
to decide the few things a lexicon cannot: whether a capital acts as a government
("Ankara said", "the support of Ankara") or names a place ("in Ankara"), and what an
appositive tells about a named person.

Reads: token text, POS, dependency parse, PERSON entities.  Writes: nothing on the Doc.
"""
from __future__ import annotations

import csv
import functools
import io
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Optional

from .errors import ConfigError
from .records import ActorMention, Span

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

DATA = Path(__file__).parent / "data" / "actors"
KINDS = {"state", "person", "organization", "armed_group", "igo", "media", "group"}
ROLES = {"country", "adjective", "demonym", "capital", "seat", "leader", "actor"}
SECTORS = {"COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
           "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC"}
# Sectors of the state itself: "Iraqi security forces" is Iraq acting; "Syrian rebels" is not.
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
SECTOR_NAMES = {"GOV": "government", "MIL": "military", "COP": "police", "JUD": "judiciary",
                "LEG": "legislature", "REB": "rebels", "OPP": "opposition", "CVL": "civilians",
                "UAF": "unidentified armed group", "PRM": "paramilitaries", "SPY": "intelligence",
                "REF": "refugees", "JRN": "journalists", "PTY": "political party", "MED": "health workers",
                "EDU": "students and educators", "LAB": "labour", "BUS": "business", "CRM": "criminals",
                "REL": "religious group", "SOC": "civil society", "ELI": "former officials", "AGR": "farmers"}

# Words that may follow a group's name inside one mention: "the IS militant group",
# "al-Hashd al-Shaabi Shia militia", "Houthi rebels".
GROUP_TAIL = {"group", "groups", "militant", "militants", "militia", "militias", "fighters", "rebels",
              "rebel", "movement", "insurgents", "jihadists", "jihadist", "forces", "members", "gunmen",
              "organisation", "organization", "network", "shia", "shiite", "shi'ite", "sunni", "kurdish",
              "islamist", "armed", "paramilitary", "terrorist", "terror", "extremist", "extremists",
              "fighter", "units", "brigades"}
GROUP_TAIL_HEADS = GROUP_TAIL - {"shia", "shiite", "shi'ite", "sunni", "kurdish", "islamist", "armed",
                                 "paramilitary", "terrorist", "terror", "extremist", "militant", "jihadist",
                                 "rebel"}
REGIME_TAIL = {"regime": "GOV", "government": "GOV", "administration": "GOV", "cabinet": "GOV",
               "forces": "MIL", "troops": "MIL"}
LOCATIVE_PREPS = {"in", "at", "inside", "outside", "near", "into", "to", "towards", "toward", "around",
                  "across", "within", "through", "from", "on", "past", "beyond", "via", "outside of",
                  "throughout", "over", "behind", "off"}
# A capital is a place unless the sentence makes it act; these verbs never make it act.
NONAGENT_VERBS = {"be", "become", "remain", "lie", "sit", "host", "see", "experience", "stay", "look",
                  "seem", "appear", "wake", "suffer", "swelter", "shiver", "boast", "feature", "fall",
                  "rank", "welcome", "attract", "shake", "flood", "burn", "celebrate", "grow", "sprawl"}
PLACE_NOUNS = {"airport", "street", "streets", "mayor", "resident", "residents", "suburb", "suburbs",
               "centre", "center", "outskirts", "skyline", "metro", "subway", "population", "museum",
               "university", "district", "neighbourhood", "neighborhood", "hospital", "stadium", "club",
               "team", "weather", "traffic", "people", "citizen", "citizens", "council", "police", "zoo",
               "square", "embassy", "station", "port", "market", "old", "city", "hotel", "school"}
POLITICAL_NOUNS = {"support", "backing", "position", "stance", "policy", "decision", "ally", "allies",
                   "role", "intervention", "request", "demand", "call", "plan", "proposal", "approach",
                   "response", "reaction", "involvement", "pressure", "help", "aid", "assistance",
                   "objection", "opposition", "view", "concern", "criticism", "approval", "consent",
                   "blessing", "agreement", "refusal", "rejection", "warning", "threat", "offer",
                   "condemnation", "recognition", "insistence", "strategy", "interests", "official",
                   "officials", "envoy", "envoys", "representative", "representatives", "delegation",
                   "statement", "message", "signal", "move", "efforts", "attempt", "claim", "claims"}
RELATION_WORDS = {"talk", "tie", "contact", "negotiation", "relation", "talks", "relation", "relations", "ties", "deal", "agreement", "cooperation", "dispute",
                  "tension", "tensions", "rift", "row", "negotiation", "negotiations", "alliance",
                  "coordination", "contact", "contacts", "dialogue", "feud", "standoff", "spat", "war",
                  "cooperate", "negotiate", "side", "coordinate", "agree", "clash", "break", "normalise",
                  "normalize", "sanction", "sanctions", "retaliate", "pressure"}
ADDRESS_VERBS = {"accuse", "urge", "warn", "criticise", "criticize", "condemn", "blame", "call", "ask",
                 "tell", "pressure", "press", "sanction", "support", "back", "help", "thank", "invite",
                 "inform", "reassure", "threaten", "reject", "persuade", "convince", "lobby", "court",
                 "woo", "push", "defy", "rebuke", "snub", "praise", "notify", "petition", "join",
                 "oppose", "confront", "challenge", "trust", "believe", "contact", "fault", "provoke"}
TITLE_WORDS = {"mr", "mrs", "ms", "dr", "president", "prime", "minister", "king", "queen", "prince",
               "general", "gen", "sheikh", "colonel", "col", "lt", "captain", "sen", "senator", "rep",
               "judge", "mayor", "governor", "ayatollah", "emir", "chancellor", "sir", "lord"}
BARE_SKIP = {"authority", "administration", "court", "cabinet", "regime", "intelligence", "security",
             "military", "government", "forces", "force", "president", "minister", "commander",
             "official", "ministry", "source", "sources", "leadership", "army", "parliament",
             "opposition", "defence", "defense", "people", "person", "man", "men", "woman",
             "women", "family", "families", "child", "children", "public", "population"}
# Sectors that name who acts in political events; bare "schools" or "companies" are not actors here.
BARE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PRM", "REB", "UAF", "OPP", "CVL", "REF", "JRN",
                "PTY", "CRM"}
_END = "\0"
_APOS = {"'s", "’s", "'", "’"}


@dataclass(frozen=True, slots=True)
class Entry:
    """One canonical actor in one role, as the data files declare it."""

    id: str
    name: str
    kind: str
    country: Optional[str]
    sector: Optional[str]
    role: str = "actor"
    start: Optional[str] = None  # leaders: first day in office (YYYY-MM-DD)
    end: Optional[str] = None  # leaders: first day out of office; None while in office


@dataclass(frozen=True, slots=True)
class _Pattern:
    entry: int
    tokens: tuple[str, ...]  # the alias's own token texts, for the case checks
    ambiguous: bool  # an acronym that is also an English word ("IS", "US", "WHO")


@dataclass(frozen=True, eq=False)
class Catalogue:
    """The compiled actor catalogue: entries and the token tries that find them."""

    entries: tuple[Entry, ...]
    trie: dict  # lower token -> node; node[_END] = tuple of _Pattern
    agents: dict  # lower token -> node; node[_END] = PLOVER sector
    by_id: dict  # actor id -> first Entry with that id

    def __len__(self) -> int:
        return len(self.entries)

    def __repr__(self) -> str:
        return f"Catalogue({len(self.entries)} entries)"


# ---------------------------------------------------------------- loading


@functools.lru_cache(maxsize=1)
def _tokenizer():
    import spacy

    # The model's tokenizer is built from the same English defaults, so aliases split
    # exactly as article text does ("al-Assad" -> al, -, Assad; "US-led" -> US, -, led).
    return spacy.blank("en").tokenizer


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(t.text for t in _tokenizer()(text) if not t.is_space)


def _read_rows(path: Path) -> tuple[list[dict], list[dict]]:
    """(actor rows, agent rows) of one TOML, YAML or CSV data file."""
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read actor file {path}: {exc.strerror}; check the path") from exc
    suffix = path.suffix.lower()
    try:
        if suffix == ".toml":
            data = tomllib.loads(raw)
        elif suffix in (".yaml", ".yml"):
            import yaml

            data = yaml.safe_load(raw) or {}
        elif suffix == ".csv":
            lines = [ln for ln in raw.splitlines() if not ln.startswith("#")]
            rows = list(csv.DictReader(io.StringIO("\n".join(lines))))
            if rows and "phrase" in rows[0]:
                return [], rows
            return rows, []
        else:
            raise ConfigError(f"actor file {path} must be .toml, .yaml or .csv")
    except (tomllib.TOMLDecodeError, ValueError) as exc:
        raise ConfigError(f"actor file {path} is not valid {suffix[1:].upper()}: {exc}") from exc
    except ImportError as exc:  # pragma: no cover
        raise ConfigError("reading YAML actor files needs PyYAML: pip install pyyaml") from exc
    if isinstance(data, list):
        return data, []
    if not isinstance(data, dict):
        raise ConfigError(f"actor file {path} must hold [[actor]] and/or [[agent]] tables")
    return list(data.get("actor", [])), list(data.get("agent", []))


def _entry(row: dict, path: Path) -> tuple[Entry, list[str]]:
    def get(key: str) -> Optional[str]:
        value = row.get(key)
        return str(value).strip() or None if value not in (None, "") else None

    aliases = row.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [a for a in aliases.split("|") if a.strip()]
    name, kind, role = get("name"), get("kind") or "organization", get("role") or "actor"
    if not name or not aliases:
        raise ConfigError(f"actor in {path} needs a name and aliases: {row!r}")
    if kind not in KINDS:
        raise ConfigError(f"actor {name!r} in {path}: kind {kind!r} is not one of {sorted(KINDS)}")
    if role not in ROLES:
        raise ConfigError(f"actor {name!r} in {path}: role {role!r} is not one of {sorted(ROLES)}")
    sector = get("sector")
    if sector and sector not in SECTORS:
        raise ConfigError(f"actor {name!r} in {path}: sector {sector!r} is not a PLOVER sector code")
    ident = get("id") or "ew:" + _slug(name)
    entry = Entry(ident, name, kind, get("country"), sector, role, get("start"), get("end"))
    return entry, [str(a).strip() for a in aliases]


def _default_files() -> list[Path]:
    return sorted(DATA.glob("*.csv")) + sorted(DATA.glob("*.toml")) + sorted(DATA.glob("*.y*ml"))


def load_catalogue(extra_files: Iterable[str] = ()) -> Catalogue:
    """The packaged actor catalogue, with user files (TOML/YAML/CSV) layered on top.

    A user file's entries win over packaged ones for the same alias.  Cached per
    process for each distinct list of files.
    """
    return _load(tuple(str(f) for f in extra_files))


@functools.lru_cache(maxsize=8)
def _load(extra: tuple[str, ...]) -> Catalogue:
    entries: list[Entry] = []
    trie: dict = {}
    agents: dict = {}
    # User files first: the first pattern for an alias wins when several entries share it.
    for path in [Path(p) for p in extra] + _default_files():
        actor_rows, agent_rows = _read_rows(path)
        for row in actor_rows:
            entry, aliases = _entry(row, path)
            entries.append(entry)
            index = len(entries) - 1
            for alias in aliases:
                toks = _tokens(alias)
                if not toks:
                    continue
                node = trie
                for tok in toks:
                    node = node.setdefault(tok.lower(), {})
                ambiguous = len(toks) == 1 and toks[0].isupper() and _is_word(toks[0])
                node.setdefault(_END, []).append(_Pattern(index, toks, ambiguous))
        for row in agent_rows:
            phrase, sector = str(row.get("phrase", "")).strip().lower(), str(row.get("sector", "")).strip()
            if not phrase:
                continue
            if sector not in SECTORS:
                raise ConfigError(f"agent {phrase!r} in {path}: sector {sector!r} is not a PLOVER sector code")
            node = agents
            for tok in _tokens(phrase):
                node = node.setdefault(tok.lower(), {})
            node.setdefault(_END, sector)
    by_id: dict[str, Entry] = {}
    for e in entries:
        by_id.setdefault(e.id, e)
    return Catalogue(tuple(entries), trie, agents, by_id)


@functools.lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _is_word(token: str) -> bool:
    return token.lower() in _stop_words()


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# ---------------------------------------------------------------- matching


@dataclass(slots=True)
class _Found:
    start: int  # token indices, end exclusive
    end: int
    entry: Entry
    sector: Optional[str]
    metonym: bool = False
    kind: Optional[str] = None
    id: Optional[str] = None
    name: Optional[str] = None

    def mention(self, doc: "Doc", text: str) -> ActorMention:
        s, e = doc[self.start].idx, doc[self.end - 1].idx + len(doc[self.end - 1].text)
        return ActorMention(Span.of(text, s, e), self.id or self.entry.id, self.name or self.entry.name,
                            self.entry.country, self.sector, self.kind or self.entry.kind, self.metonym)


def _shouting(doc: "Doc", i: int, cache: dict) -> bool:
    """Is token i in an all-caps line (a headline or label), where acronyms mean nothing?"""
    sent = doc[i].sent
    key = sent.start
    if key not in cache:
        words = [t.text for t in sent if t.is_alpha and len(t.text) > 1]
        upper = sum(w.isupper() for w in words)
        cache[key] = len(words) >= 3 and upper / len(words) >= 0.6
    return cache[key]


def _case_ok(pattern: _Pattern, texts: list[str], i: int) -> bool:
    for want, got in zip(pattern.tokens, texts[i:i + len(pattern.tokens)]):
        letters = [c for c in want if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            if got != want:  # acronyms match as written: "IS" is not "is", "US" not "us"
                return False
        elif want[:1].isupper() and not got[:1].isupper():
            return False  # "Turkey" not "turkey"
    return True


def _walk(trie: dict, lowers: list[str], i: int) -> Iterable[tuple[int, Any]]:
    """(end, payload) of every trie key that starts at token i."""
    node = trie.get(lowers[i])
    j = i + 1
    while node is not None:
        if _END in node:
            yield j, node[_END]
        if j >= len(lowers):
            break
        node = node.get(lowers[j])
        j += 1


def _in_office(entry: Entry, published: Optional[str]) -> bool:
    if not published:
        return entry.end is None  # undated article: only the leader the data calls current
    day = published[:10]
    return (entry.start or "") <= day and (entry.end is None or day < entry.end)


def _agent_at(cat: Catalogue, lowers: list[str], i: int) -> Optional[tuple[int, str]]:
    best = None
    for end, sector in _walk(cat.agents, lowers, i):
        best = (end, sector)
    return best


def find_actors(doc: "Doc", catalogue: Catalogue, *, publisher: Optional[str] = None,
                published: Optional[str] = None) -> tuple[ActorMention, ...]:
    """Actor mentions in ``doc``, sorted by start, not overlapping (the longest wins).

    ``publisher`` is recognised as a media actor, with its initials ("MEE"); ``published``
    (YYYY-MM-DD) picks the leader in office ("Assad" -> Syria's government).
    """
    n = len(doc)
    if n == 0:
        return ()
    texts = [t.text for t in doc]
    lowers = [t.lower_ for t in doc]
    shout: dict = {}
    entries = catalogue.entries
    person_tokens = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            person_tokens.update(range(ent.start, ent.end))

    own = _publisher_trie(catalogue, publisher)
    candidates: list[tuple[int, int, Entry]] = []
    for i in range(n):
        if lowers[i] not in catalogue.trie and (own is None or lowers[i] not in own[0]):
            continue
        for trie, pool in ((catalogue.trie, entries),) + (((own[0], own[1]),) if own else ()):
            for end, patterns in _walk(trie, lowers, i):
                for pat in patterns:
                    if not _case_ok(pat, texts, i):
                        continue
                    if pat.ambiguous and _shouting(doc, i, shout):
                        continue
                    entry = pool[pat.entry]
                    if entry.role == "leader" and not _in_office(entry, published):
                        continue
                    if entry.role in ("country", "capital", "adjective", "demonym") and \
                            any(k in person_tokens for k in range(i, end)):
                        continue  # part of a personal name ("George Washington", "Michael Jordan")
                    candidates.append((i, end, entry))
                    break
    found = [_resolve(doc, lowers, catalogue, s, e, entry) for s, e, entry in _select(candidates)]
    found = [f for f in found if f is not None]
    found = _select_found(found)
    covered = {k for f in found for k in range(f.start, f.end)}
    found += _bare_agents(doc, lowers, catalogue, covered, found)
    found = _select_found(found)
    found = _persons(doc, lowers, catalogue, found)
    found = _merge_adjacent(_select_found(found))
    text = doc.text  # Doc.text joins the tokens anew on each access
    return tuple(f.mention(doc, text) for f in sorted(found, key=lambda f: f.start))


def _select(cands: list[tuple[int, int, Entry]]) -> list[tuple[int, int, Entry]]:
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: set[int] = set()
    out = []
    for s, e, entry in cands:
        if taken.isdisjoint(range(s, e)):
            out.append((s, e, entry))
            taken.update(range(s, e))
    return sorted(out, key=lambda c: c[0])


def _select_found(found: list[_Found]) -> list[_Found]:
    found = sorted(found, key=lambda f: (-(f.end - f.start), f.start))
    taken: set[int] = set()
    out = []
    for f in found:
        if taken.isdisjoint(range(f.start, f.end)):
            out.append(f)
            taken.update(range(f.start, f.end))
    return sorted(out, key=lambda f: f.start)


@functools.lru_cache(maxsize=64)
def _publisher_entries(catalogue: Catalogue, publisher: str) -> Optional[tuple[dict, tuple[Entry, ...]]]:
    name = publisher.strip()
    if not name:
        return None
    known = None
    for node_entry in _walk(catalogue.trie, [t.lower() for t in _tokens(name)], 0):
        end, patterns = node_entry
        if end == len(_tokens(name)):
            media = [catalogue.entries[p.entry] for p in patterns if catalogue.entries[p.entry].kind == "media"]
            known = media[0] if media else None
    entry = known or Entry("ew:media:" + _slug(name), name, "media", None, "JRN")
    aliases = [name]
    words = [w for w in re.split(r"[\s\-]+", name) if w[:1].isalpha()]
    initials = "".join(w[0] for w in words if w[0].isupper())
    if len(initials) >= 2 and len(words) >= 2:
        aliases.append(initials)  # "Middle East Eye" -> "MEE"
    trie: dict = {}
    for alias in aliases:
        toks = _tokens(alias)
        node = trie
        for tok in toks:
            node = node.setdefault(tok.lower(), {})
        node.setdefault(_END, []).append(_Pattern(0, toks, len(toks) == 1 and _is_word(toks[0])))
    return trie, (entry,)


def _publisher_trie(catalogue: Catalogue, publisher: Optional[str]):
    return _publisher_entries(catalogue, publisher) if publisher else None


def _with_the(doc: "Doc", lowers: list[str], start: int, end: int) -> int:
    """Start of the mention with its determiner: "the Kremlin", "The Iraqi government"."""
    if start > 0 and lowers[start - 1] == "the" and start <= doc[start - 1].head.i < end:
        return start - 1
    return start


def _resolve(doc: "Doc", lowers: list[str], cat: Catalogue, s: int, e: int, entry: Entry) -> Optional[_Found]:
    role = entry.role
    if role in ("country", "adjective", "demonym"):
        composed = _compose(doc, lowers, cat, s, e, entry)
        if composed:
            return composed
        if role == "adjective":
            tok = doc[e - 1]
            # "the Iraqis"/"an Afghan" used as a noun is the people or the state; "Iraqi oil" is neither.
            if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("amod", "compound"):
                return None
        return _Found(s, e, entry, entry.sector)
    if role == "capital":
        if not _capital_acts(doc, s, e):
            return None
        return _Found(s, e, entry, entry.sector or "GOV", metonym=True)
    if role == "seat":
        if _is_located(doc, s, e):
            return None
        return _Found(_with_the(doc, lowers, s, e), e, entry, entry.sector or "GOV", metonym=True)
    if role == "leader":
        sector = entry.sector or "GOV"
        if e < len(doc) and lowers[e] in REGIME_TAIL:
            sector = REGIME_TAIL[lowers[e]]
            e += 1
        return _Found(_with_the(doc, lowers, s, e), e, entry, sector)
    if entry.kind == "armed_group":
        j = e
        while j < len(doc) and lowers[j] in GROUP_TAIL and j - e < 4:
            j += 1
        while j > e and lowers[j - 1] not in GROUP_TAIL_HEADS:
            j -= 1  # end on a noun: "IS militants", not "IS militant"
        return _Found(_with_the(doc, lowers, s, j), j, entry, entry.sector)
    return _Found(_with_the(doc, lowers, s, e), e, entry, entry.sector)


def _compose(doc: "Doc", lowers: list[str], cat: Catalogue, s: int, e: int, entry: Entry) -> Optional[_Found]:
    """Country + agent words as one mention: "Iraqi security forces", "Iraq's army"."""
    n = len(doc)
    p = e
    if p < n and lowers[p] in _APOS:
        p += 1
    for q in range(p, min(p + 3, n)):
        if q > p and not (doc[q - 1].pos_ in ("ADJ", "NOUN", "PROPN") and doc[q - 1].is_alpha):
            break
        hit = _agent_at(cat, lowers, q)
        if hit:
            end, sector = hit
            if end < n and doc[end - 1].dep_ == "compound" and doc[end].pos_ in ("NOUN", "PROPN") \
                    and doc[end - 1].head.i >= end and _agent_at(cat, lowers, end) is None \
                    and sector not in STATE_SECTORS:
                return None
            start = _with_the(doc, lowers, s, end)
            if sector in STATE_SECTORS:
                return _Found(start, end, entry, sector, kind="state")
            return _Found(start, end, entry, sector, kind="group",
                          id=f"ew:group:{sector.lower()}-{(entry.country or 'none').lower()}",
                          name=f"{entry.name} {SECTOR_NAMES.get(sector, sector.lower())}")
    return None


def _first_conjunct(tok: "Token") -> "Token":
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok


def _capital_acts(doc: "Doc", s: int, e: int) -> bool:
    """A capital stands for its government where it acts, is addressed or is a party.

    Agent: subject of a verb other than being/hosting ("Ankara said"), possessor of a
    non-place noun ("Moscow's position"), object of "by" or "according to", the "of" of
    a political noun ("the support of Ankara and Washington"), the party of a relation
    ("talks with Tehran"), the addressee of a verb of urging or accusing ("urged Kyiv").
    Everything else, and every object of a locative preposition, is a place.
    """
    tok = _first_conjunct(doc[s:e].root)
    dep, head = tok.dep_, tok.head
    if dep == "nsubj":
        return head.lemma_.lower() not in NONAGENT_VERBS
    if dep == "poss":
        return head.lemma_.lower() not in PLACE_NOUNS
    if dep == "dobj":
        return head.lemma_.lower() in ADDRESS_VERBS
    if dep == "pobj":
        prep = head.lower_
        gov = head.head
        if prep == "by" and gov.pos_ == "VERB":
            return True
        if prep == "to" and gov.lower_ == "according":
            return True
        if prep in ("of", "from") and gov.lemma_.lower() in POLITICAL_NOUNS:
            return True
        if prep in ("with", "between", "against", "and") and gov.lemma_.lower() in RELATION_WORDS:
            return True
    return False


def _is_located(doc: "Doc", s: int, e: int) -> bool:
    """Is a seat of government a place here ("at the White House", "outside the Kremlin")?"""
    tok = _first_conjunct(doc[s:e].root)
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ == "to" and prep.head.lower_ == "according":
        return False
    if prep.lower_ == "from" and prep.head.pos_ in ("NOUN", "PROPN"):
        return False  # "a statement from the White House"
    return prep.lower_ in LOCATIVE_PREPS


def _bare_agents(doc: "Doc", lowers: list[str], cat: Catalogue, covered: set[int],
                 found: list[_Found]) -> list[_Found]:
    """Agent phrases with no country of their own: "rebel groups", "protesters"."""
    out = []
    by_token = {k: f for f in found for k in range(f.start, f.end)}
    i, n = 0, len(doc)
    while i < n:
        if i in covered or lowers[i] not in cat.agents:
            i += 1
            continue
        hit = _agent_at(cat, lowers, i)
        if not hit or any(k in covered for k in range(i, hit[0])):
            i += 1
            continue
        end, sector = hit
        last = doc[end - 1]
        ok = (sector in BARE_SECTORS and last.pos_ == "NOUN" and last.dep_ != "compound" and not (doc[i].is_title and not doc[i].is_sent_start)
              and not (end - i == 1 and last.lemma_.lower() in BARE_SKIP))
        if ok:
            country = _context_country(doc, last, by_token)
            ident = f"ew:group:{sector.lower()}-{(country.country if country else 'none').lower()}"
            label = SECTOR_NAMES.get(sector, sector.lower())
            entry = Entry(ident, f"{country.name} {label}" if country else label.capitalize(), "group",
                          country.country if country else None, sector)
            out.append(_Found(i, end, entry, sector))
            i = end
        else:
            i += 1
    return out


def _context_country(doc: "Doc", head: "Token", by_token: dict) -> Optional[Entry]:
    """The country a bare agent phrase belongs to: "rebel groups in Syria"."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "from", "of"):
            for obj in prep.children:
                f = by_token.get(obj.i)
                if obj.dep_ == "pobj" and f is not None and f.entry.country and f.entry.kind == "state":
                    return f.entry
    return None


def _persons(doc: "Doc", lowers: list[str], cat: Catalogue, found: list[_Found]) -> list[_Found]:
    """PERSON entities outside the catalogue, with country and sector from their title."""
    by_token = {k: f for f in found for k in range(f.start, f.end)}
    people: list[_Found] = []
    surnames: dict[str, _Found] = {}
    singles = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        s, e = ent.start, ent.end
        while e > s and (lowers[e - 1] in _APOS or not doc[e - 1].is_alpha and doc[e - 1].text not in "-."):
            e -= 1
        while s < e and lowers[s].rstrip(".") in TITLE_WORDS:
            s += 1
        if s >= e or any(k in by_token for k in range(s, e)):
            continue
        if not any(t.is_title or t.is_upper for t in doc[s:e]):
            continue
        if e - s == 1:
            singles.append((s, e))
            continue
        name = doc[s:e].text
        country, sector, start = _title_of(doc, lowers, cat, s, e, by_token)
        entry = Entry("ew:person:" + _slug(name), name, "person", country, sector)
        person = _Found(start, e, entry, sector)
        if start < s:
            for k in range(start, s):
                by_token.pop(k, None)
            found = [f for f in found if not (start <= f.start and f.end <= s)]
        people.append(person)
        last = doc[e - 1].text
        if len(last) > 2:
            surnames.setdefault(last, person)
    taken = {k for f in found + people for k in range(f.start, f.end)}
    for i, text in enumerate(doc):
        if i in taken or text.text not in surnames or not text.is_title:
            continue
        ref = surnames[text.text].entry
        s = i - 2 if i >= 2 and lowers[i - 1] == "-" and lowers[i - 2] in ("al", "el") else i
        if any(k in taken for k in range(s, i + 1)):
            s = i
        people.append(_Found(s, i + 1, ref, ref.sector))
        taken.update(range(s, i + 1))
    for s, e in singles:
        if any(k in taken for k in range(s, e)):
            continue
        name = doc[s:e].text
        people.append(_Found(s, e, Entry("ew:person:" + _slug(name), name, "person", None, None), None))
    return found + people


def _title_of(doc: "Doc", lowers: list[str], cat: Catalogue, s: int, e: int,
              by_token: dict) -> tuple[Optional[str], Optional[str], int]:
    """(country, sector, start) of a named person from the words around the name.

    A title just before the name ("Russian Foreign Minister Sergei Lavrov") joins the
    mention; an appositive after it ("Hakem al-Zamli, chief of the Iraqi parliament's
    security and defense committee") lends its country and sector.
    """
    prev = by_token.get(s - 1)
    if prev is not None and prev.end == s and prev.entry.kind == "state" and prev.sector:
        return prev.entry.country, prev.sector, prev.start
    j = s
    while j > 0 and doc[j - 1].dep_ in ("compound", "amod") and j <= doc[j - 1].head.i < e and doc[j - 1].is_title:
        j -= 1
    hit = _agent_at(cat, lowers, j) if j < s else None
    if hit and hit[0] == s:  # "Foreign Minister Sergei Lavrov"
        return None, hit[1], j
    root = doc[s:e].root
    for child in root.children:
        if child.dep_ != "appos" or child.i < e:
            continue
        lo, hi = child.left_edge.i, child.right_edge.i + 1
        inner = sorted({id(f): f for k in range(lo, hi) if (f := by_token.get(k))}.values(), key=lambda f: f.start)
        country = next((f.entry.country for f in inner if f.entry.country), None)
        sector = next((f.sector for f in inner if f.sector), None)
        if sector is None:
            # a title word inside the appositive: "a lawmaker", "the army's chief"
            for k in range(lo, hi):
                hit = _agent_at(cat, lowers, k)
                if hit:
                    sector = hit[1]
                    break
        return country, sector, s
    return None, None, s


def _merge_adjacent(found: list[_Found]) -> list[_Found]:
    """One mention for "Syrian President" + "Bashar al-Assad": adjacent, same actor."""
    out: list[_Found] = []
    for f in found:
        if out and out[-1].end == f.start and out[-1].entry.id == f.entry.id and \
                (out[-1].id or out[-1].entry.id) == (f.id or f.entry.id) and f.entry.role == "leader":
            prev = out.pop()
            out.append(_Found(prev.start, f.end, f.entry, f.sector or prev.sector, f.metonym, f.kind, f.id, f.name))
        else:
            out.append(f)
    return out
