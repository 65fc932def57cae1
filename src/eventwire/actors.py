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

import collections
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
from .records import ActorMention, Place, Span

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

DATA = Path(__file__).parent / "data" / "actors"
# Named people with their country (``data/actors/people/*.csv``: name, country, aliases).  They
# are not matched in the text: they only lend a country to a name the tagger found as a person.
PEOPLE = DATA / "people"
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
GROUP_DESCRIPTORS = {"paramilitary", "rebel", "militant", "armed", "jihadist", "islamist", "separatist",
                     "insurgent", "extremist"}
MEMBER_NOUNS = {"ally", "allies", "member", "members", "partner", "partners", "unit", "units", "fighter",
                "fighters"}
ROLE_NOUNS = {"coordinator", "envoy", "spokesman", "spokeswoman", "spokesperson", "chief", "head", "service",
              "office", "mission", "official", "representative", "commissioner", "delegation", "negotiator",
              "ambassador", "monitor", "observer", "team", "staff", "peacekeeper", "secretary", "director",
              "chairman", "chairwoman", "chair", "president", "commission", "agency", "body", "panel"}
REGIME_TAIL = {"regime": "GOV", "government": "GOV", "administration": "GOV", "cabinet": "GOV",
               "forces": "MIL", "troops": "MIL"}
LOCATIVE_PREPS = {"in", "at", "inside", "outside", "near", "into", "to", "towards", "toward", "around",
                  "across", "within", "through", "from", "on", "past", "beyond", "via", "outside of",
                  "throughout", "over", "behind", "off"}
# A capital is a place unless the sentence makes it act; these verbs never make it act.
# Verbs of verbal attack whose "at" object is the addressee ("lashed out at", "railed at").
SNIPE_VERBS = {"rail", "snap", "swipe", "jab", "bristle", "balk", "scoff", "sneer"}
# Words of visiting: the capital visited stands for its government, the host.
VISIT_WORDS = {"visit", "tour", "trip", "journey"}
# Heads of a "hosted X" object that make the host a government: "Moscow hosted the Egyptian president".
VISITOR_HEADS = {"president", "minister", "premier", "leader", "delegation", "king", "queen", "envoy",
                 "chancellor", "counterpart", "emir", "prince", "secretary", "talks", "summit", "visit"}
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
                   "statement", "message", "signal", "move", "efforts", "attempt", "claim", "claims",
                   "ceasefire", "truce", "deal", "accord", "sanction", "sanctions", "resolution", "vote",
                   "announcement", "talks", "measure", "measures", "offer", "initiative", "ultimatum",
                   "bid", "appeal", "protest", "complaint", "invitation", "veto", "boycott", "embargo",
                   "blockade", "pledge", "promise", "apology", "denial", "accusation", "allegation",
                   "order", "ban", "crackdown", "counterproposal", "overture", "mediation", "guarantee",
                   "commitment", "objections", "demands", "proposals", "ultimatums", "warnings", "threats"}
# Prepositions whose object is what an event is done to, for and against ("a blockade on
# Palestinian lorries", "a meeting of Palestinian factions").
TARGET_PREPS = {"on", "against", "to", "of", "with", "for", "at", "outside", "near", "inside"}
# Nouns a nationality adjective describes without making the country a party to the event
# ("Russian language", "the Iraqi dinar", "Iranian oil", "Syrian territory").
NON_ACTOR_HEADS = {"language", "dinar", "rial", "lira", "pound", "currency", "oil", "gas",
                   "territory", "soil", "border", "borders", "coast", "city", "town", "village",
                   "capital", "province", "region", "time", "news", "media", "press", "culture",
                   "food", "cuisine", "style", "name", "descent", "origin", "citizenship",
                   "nationality", "passport", "airspace", "waters"}
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
               "judge", "mayor", "governor", "ayatollah", "emir", "chancellor", "sir", "lord",
               "brigadier", "brig", "major", "maj", "lieutenant", "sergeant", "sgt", "admiral", "marshal",
               "commander", "cmdr", "field", "lieutenant-general", "major-general", "mrs.", "ms."}
BARE_SKIP = {"administration", "court", "cabinet", "regime", "intelligence", "security",
             "military", "government", "forces", "force", "president", "minister", "commander",
             "official", "ministry", "source", "sources", "leadership", "army", "parliament",
             "opposition", "defence", "defense", "people", "person", "man", "men", "woman",
             "women", "family", "families", "child", "children", "public", "population"}
# Nouns for a unit of an agent: "a riot police squad", "an army unit".
UNIT_NOUNS = {"squad", "squads", "unit", "units", "team", "teams", "detachment", "detachments", "patrol",
              "patrols", "contingent", "contingents", "battalion", "battalions", "brigade", "brigades",
              "convoy", "convoys", "platoon", "platoons", "company", "companies", "column", "columns"}
# Students and teachers act in protests; bare "schools" and "universities" do not.
PEOPLE_HEADS = {
    "EDU": {"student", "pupil", "teacher", "lecturer", "professor", "schoolchild", "undergraduate"},
    "REL": {"islamist", "fundamentalist", "cleric", "muslim", "christian", "imam", "priest", "monk",
            "clergyman", "mullah", "sunni", "shia", "shiite", "jew", "hindu", "sikh", "buddhist",
            "bishop", "missionary", "pilgrim", "worshipper", "believer", "extremist", "zealot"},
    "LAB": {"worker", "unionist", "trade unionist", "miner", "docker", "dockworker", "striker"},
    "AGR": {"farmer", "peasant", "herder", "herdsman", "pastoralist", "fisherman", "villager"},
}
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
    surname: bool = False  # a leader's surname, derived from their full names ("Bush")


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
    # overrides.toml first: its agent words and aliases win over the generated CSV files.
    first = [DATA / "overrides.toml"] if (DATA / "overrides.toml").exists() else []
    rest = sorted(DATA.glob("*.csv")) + sorted(DATA.glob("*.toml")) + sorted(DATA.glob("*.y*ml"))
    return first + [p for p in rest if p not in first]


def _renames(paths: Iterable[Path]) -> dict[str, str]:
    """``[[rename]]`` tables (id, name) in TOML files: the display name of an actor id."""
    out: dict[str, str] = {}
    for path in paths:
        if path.suffix.lower() != ".toml":
            continue
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError):
            continue  # _read_rows reports these
        for row in data.get("rename", []) if isinstance(data, dict) else []:
            if row.get("id") and row.get("name"):
                out.setdefault(str(row["id"]), str(row["name"]))
    return out


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
            own = {a.lower() for a in aliases}
            surnames: set[str] = set()
            if entry.kind in ("igo", "organization"):
                aliases = _spellings(aliases)
            for alias in aliases:
                toks = _tokens(alias)
                if not toks:
                    continue
                if entry.role == "leader":
                    toks = _loose_leader_tokens(toks)
                    last = toks[-1]
                    if entry.kind == "state" and len(toks) >= 2 and last.istitle() and last.isalpha() and len(last) >= 3 \
                            and not _is_word(last) and last.lower() not in TITLE_WORDS | set(REGIME_TAIL) \
                            and last.lower() not in own and last.lower() not in _MONTHS:
                        surnames.add(last)
                node = trie
                for tok in toks:
                    node = node.setdefault(tok.lower(), {})
                ambiguous = len(toks) == 1 and toks[0].isupper() and _is_word(toks[0])
                node.setdefault(_END, []).append(_Pattern(index, toks, ambiguous))
            for last in sorted(surnames):
                trie.setdefault(last.lower(), {}).setdefault(_END, []).append(
                    _Pattern(index, (last,), False, True))
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
    renames = _renames([Path(p) for p in extra] + _default_files())
    if renames:
        entries = [Entry(e.id, renames[e.id], e.kind, e.country, e.sector, e.role, e.start, e.end)
                   if e.id in renames else e for e in entries]
    by_id: dict[str, Entry] = {}
    for e in entries:
        by_id.setdefault(e.id, e)
    return Catalogue(tuple(entries), trie, agents, by_id)


# British and American spellings of the words of organisations' names: news on either side of
# the Atlantic writes "World Health Organisation" and "International Labor Organization".
_SPELLINGS = {"organization": "organisation", "organisation": "organization", "labor": "labour",
              "labour": "labor", "defense": "defence", "defence": "defense", "center": "centre",
              "centre": "center", "program": "programme", "programme": "program"}


def _spellings(aliases: Iterable[str]) -> list[str]:
    """The aliases, each also in the other spelling of its British/American words."""
    out = list(aliases)
    seen = {a.lower() for a in out}
    for alias in list(out):
        words = alias.split(" ")
        swapped = [_SPELLINGS.get(w.lower(), w) for w in words]
        swapped = [w.capitalize() if o[:1].isupper() and w != o else w for w, o in zip(swapped, words)]
        variant = " ".join(swapped)
        if variant.lower() not in seen:
            out.append(variant)
            seen.add(variant.lower())
    return out


_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"}


def _loose_leader_tokens(toks: tuple[str, ...]) -> tuple[str, ...]:
    """A leader alias with its common words in lower case, so that they match either way.

    The Phoenix dictionaries title-case every word ("The Bush Administration", "Us President
    George Bush"); news copy writes "the Bush administration".  Names keep their capitals.
    """
    out = tuple(t.lower() if (t.lower() in REGIME_TAIL or t.lower().rstrip(".") in TITLE_WORDS
                              or _is_word(t)) and not t.isupper() else t for t in toks)
    return out if any(t[:1].isupper() for t in out) else toks


@functools.lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _is_word(token: str) -> bool:
    return token.lower() in _stop_words()


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _name_key(text: str) -> str:
    """A person's name folded for look-up: "F.W. de Klerk" and "F. W. De Klerk" agree."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[.]", " ", re.sub(r"\s*-\s*", "-", text)).split())


@dataclass(frozen=True)
class _People:
    full: dict  # folded full name -> countries
    pair: dict  # (first, last) folded -> countries
    last: dict  # folded surname -> countries


@functools.lru_cache(maxsize=1)
def _people() -> _People:
    """The people index: full names, first+last names and surnames, each with the countries
    of the people who bear them."""
    full: dict[str, set] = {}
    pair: dict[tuple[str, str], set] = {}
    last: dict[str, set] = {}
    stop = _stop_words()
    for path in sorted(PEOPLE.glob("*.csv")) if PEOPLE.is_dir() else ():
        try:
            lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
        except OSError as exc:
            raise ConfigError(f"cannot read people file {path}: {exc.strerror}; check the path") from exc
        for row in csv.DictReader(io.StringIO("\n".join(lines))):
            iso = (row.get("country") or "").strip().upper()
            if not iso:
                continue
            for alias in (row.get("aliases") or row.get("name") or "").split("|"):
                words = _name_key(alias).split()
                if len(words) == 1 and path.stem.endswith("mononyms") and words[0].isalpha() \
                        and words[0] not in stop:
                    last.setdefault(words[0], set()).add(iso)  # "President Suharto": after a title only
                    continue
                if len(words) < 2:
                    continue
                full.setdefault(" ".join(words), set()).add(iso)
                pair.setdefault((words[0], words[-1]), set()).add(iso)
                if len(words[-1]) >= 3 and words[-1].isalpha() and words[-1] not in stop:
                    last.setdefault(words[-1], set()).add(iso)
    return _People(full, pair, last)


def _person_country(words: list[str], titled: bool) -> Optional[str]:
    """The country of a named person known to the people files, where the name is unambiguous.

    A full name ("Abdelaziz Bouteflika") or its first and last names ("Omar el-Bashir" for
    "Omar Hassan al-Bashir") must point to one country; a surname alone ("President Mugabe")
    only after a title, and only where everyone in the files who bears it is of one country.
    """
    people = _people()
    key = _name_key(" ".join(words)).split()
    if not key:
        return None
    if len(key) >= 2:
        for hit in (people.full.get(" ".join(key)), people.pair.get((key[0], key[-1]))):
            if hit and len(hit) == 1:
                return next(iter(hit))
        return None
    hit = people.last.get(key[0]) if titled else None
    return next(iter(hit)) if hit and len(hit) == 1 else None


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
    ref: int = -1  # "they": the token of the subject it stands for

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
        elif len(letters) >= 2 and any(c.isupper() for c in want[1:]) and "-" not in want:
            if got != want:  # mixed-case acronyms too: "LeT" is not a sentence-initial "Let"
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
    (YYYY-MM-DD) picks the leader in office ("Assad" -> Syria's government).  Outlets named
    in photo credits and copyright lines ("(Frontline Brief/Stringer)") are media too.
    Agents with no country of their own ("police", "the interior minister") take the
    country of the nearest preceding mention of their sector, else the article's home
    country; "the group", "the bloc", "her party" and "she said" take the actor they
    refer back to.
    """
    n = len(doc)
    if n == 0:
        return ()
    texts = [t.text for t in doc]
    lowers = [t.lower_ for t in doc]
    shout: dict = {}
    entries = catalogue.entries
    outlets, not_people = _credits(doc)
    person_tokens = set()
    first_names: set[int] = set()  # tokens after a first name inside a PERSON entity
    forenames: set[int] = set()  # tokens a further name follows inside a PERSON entity
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1 and not _all_places(catalogue, lowers, ent.start, ent.end):
            person_tokens.update(range(ent.start, ent.end))
        if ent.label_ == "PERSON":
            given = [k for k in range(ent.start, ent.end) if lowers[k].rstrip(".") not in TITLE_WORDS]
            first_names.update(given[1:])
            forenames.update(given[:-1])

    names = _outlet_names(publisher, outlets)
    own = _publisher_entries(catalogue, names) if names else None
    candidates: list[tuple[int, int, list[Entry]]] = []
    for i in range(n):
        if lowers[i] not in catalogue.trie and (own is None or lowers[i] not in own[0]):
            continue
        for trie, pool in ((catalogue.trie, entries),) + (((own[0], own[1]),) if own else ()):
            for end, patterns in _walk(trie, lowers, i):
                alts: list[Entry] = []
                by_surname = set()
                for pat in patterns:
                    if not _case_ok(pat, texts, i):
                        continue
                    if pat.surname and (i in first_names or i in forenames or doc[i].is_upper):
                        continue  # "Laura Bush" is not President Bush; "Carlos Menem" is not King Juan Carlos
                    if pat.ambiguous and _shouting(doc, i, shout):
                        continue
                    entry = pool[pat.entry]
                    if entry.role == "leader" and not _in_office(entry, published) and \
                            (published or len(pat.tokens) < 2):
                        continue  # undated text: a past leader's full name still names them
                    if entry.role in ("country", "capital", "adjective", "demonym") and \
                            any(k in person_tokens for k in range(i, end)) and \
                            (end - i < 2 or all(k in person_tokens for k in range(i, end))):
                        # part of a personal name ("George Washington", "Michael Jordan"); a longer
                        # name the tagger cut into a person is still the country ("the Former
                        # Yugoslav Republic of Macedonia")
                        continue
                    if pat.surname:
                        by_surname.add(entry.country)
                    if all(entry.id != a.id for a in alts):
                        alts.append(entry)
                if len(by_surname) > 1:
                    # a surname two leaders in office share ("Hussein"): no one in particular
                    alts = [a for a in alts if a.role != "leader" or a.country not in by_surname]
                if alts:
                    candidates.append((i, end, alts))
    # An alias shared by several actors ("Brussels": Belgium or the EU) goes to the one the
    # article otherwise names.
    named = {alts[0].id for _, _, alts in candidates if len(alts) == 1}
    chosen = [(s, e, next((a for a in alts if a.id in named), alts[0])) for s, e, alts in candidates]
    chosen = _select(chosen)
    dominant, strong = _home_country(chosen)
    found = [_resolve(doc, lowers, catalogue, s, e, entry) for s, e, entry in chosen]
    found = [f for f in found if f is not None]
    found = _select_found(found)
    taken = {k for f in found for k in range(f.start, f.end)}
    found = _select_found(found + _unknown_orgs(doc, lowers, catalogue, taken))
    covered = {k for f in found for k in range(f.start, f.end)}
    found = _select_found(found + _anaphora(doc, lowers, covered, found))
    covered = {k for f in found for k in range(f.start, f.end)}
    found += _bare_agents(doc, lowers, catalogue, covered, found)
    found = _select_found(found)
    found = _persons(doc, lowers, catalogue, found, not_people)
    found = _merge_adjacent(_select_found(found))
    found = _ground(doc, lowers, catalogue, found, dominant, strong)
    text = doc.text  # Doc.text joins the tokens anew on each access
    return tuple(f.mention(doc, text) for f in sorted(found, key=lambda f: f.start))


_PLACE_ROLES = ("country", "adjective", "demonym", "capital")


def _all_places(cat: Catalogue, lowers: list[str], s: int, e: int) -> bool:
    """Is a PERSON entity made of countries and capitals only ("Congo Kigali", "Sri Lanka")?"""
    k = s
    while k < e:
        ends = [end for end, pats in _walk(cat.trie, lowers, k)
                if end <= e and any(cat.entries[p.entry].role in _PLACE_ROLES for p in pats)]
        if not ends:
            return False
        k = max(ends)
    return True


def _home_country(chosen: list[tuple[int, int, Entry]]) -> tuple[Optional[str], bool]:
    """The article's home country: the one its countries, capitals and groups name most.

    Returns (ISO3 or None, strong): strong when it is named at least three times and twice
    as often as any other.
    """
    counts: dict[str, int] = {}
    for _, _, entry in chosen:
        if entry.country and (entry.role in _PLACE_ROLES or entry.kind in ("armed_group", "state")):
            counts[entry.country] = counts.get(entry.country, 0) + 1
    if not counts:
        return None, False
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])  # stable: ties go to the first named
    top, k = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    return top, k >= 3 and k >= 2 * second


_CREDIT = re.compile(r"\(([A-Z][\w&'’. -]{1,50}?)/([A-Z][\w'’. -]{1,50}?)\)")
_COPYRIGHT = re.compile(r"\u00a9 *(?:\d{4} +)?((?:[A-Z][\w'\u2019&-]* ?){1,5})|"
                        r"((?:[A-Z][\w'\u2019&-]* ){1,5})\u00a9")
_CORPORATE = re.compile(r"\s+(?:Ltd|Limited|Inc|LLC|plc|Group|Media|All)\.?$")


def _fold_the(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip().casefold())


def _outlet_names(publisher: Optional[str], outlets: list[str]) -> tuple[str, ...]:
    """The publisher, then each other outlet once ("Rift Bulletin" is "The Rift Bulletin")."""
    best: dict[str, str] = {}
    for name in outlets:
        key = _fold_the(name)
        if key and len(name) > len(best.get(key, "")):
            best[key] = name.strip()
    out = [publisher.strip()] if publisher and publisher.strip() else []
    pub = _fold_the(publisher) if publisher else None
    out += [name for key, name in best.items() if key != pub]
    return tuple(out)


def _credits(doc: "Doc") -> tuple[list[str], set[int]]:
    """Outlets named in photo credits and copyright lines, and the credited names' tokens.

    "(Rift Bulletin/Daniel Kiprop)": the outlet is a media actor, the photographer no actor.
    """
    text = doc.text
    outlets: list[str] = []
    spans: list[tuple[int, int]] = []
    for m in _CREDIT.finditer(text):
        outlet = m.group(1).strip()
        if 1 <= len(outlet.split()) <= 5:
            outlets.append(outlet)
        spans.append((m.start(2), m.end(2)))
    for m in _COPYRIGHT.finditer(text):
        name = (m.group(1) or m.group(2) or "").strip()
        while True:
            cut = _CORPORATE.sub("", name)
            if cut == name:
                break
            name = cut
        if name and not name[:1].isdigit() and 1 <= len(name.split()) <= 5:
            outlets.append(name)
    tokens: set[int] = set()
    if spans:
        for t in doc:
            if any(a <= t.idx < b for a, b in spans):
                tokens.add(t.i)
    return outlets, tokens


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
def _publisher_entries(catalogue: Catalogue, names: tuple[str, ...]) -> Optional[tuple[dict, tuple[Entry, ...]]]:
    """A trie of the article's own outlets: catalogue media where known, else new media actors."""
    trie: dict = {}
    pool: list[Entry] = []
    for name in (n.strip() for n in names):
        toks_name = _tokens(name)
        if not toks_name:
            continue
        known = None
        for end, patterns in _walk(catalogue.trie, [t.lower() for t in toks_name], 0):
            if end == len(toks_name):
                media = [catalogue.entries[p.entry] for p in patterns if catalogue.entries[p.entry].kind == "media"]
                known = media[0] if media else None
        pool.append(known or Entry("ew:media:" + _slug(name), name, "media", None, "JRN"))
        aliases = [name]
        bare = re.sub(r"^(?i:the)\s+", "", name)
        if bare != name and len(_tokens(bare)) >= 2:
            aliases.append(bare)  # "The Rift Bulletin" -> "Rift Bulletin"
        words = [w for w in re.split(r"[\s\-]+", bare) if w[:1].isalpha()]
        initials = "".join(w[0] for w in words if w[0].isupper())
        if len(initials) >= 2 and len(words) >= 2:
            aliases.append(initials)  # "Middle East Eye" -> "MEE"
        for alias in aliases:
            toks = _tokens(alias)
            node = trie
            for tok in toks:
                node = node.setdefault(tok.lower(), {})
            node.setdefault(_END, []).append(_Pattern(len(pool) - 1, toks, len(toks) == 1 and _is_word(toks[0])))
    return (trie, tuple(pool)) if pool else None


def _with_the(doc: "Doc", lowers: list[str], start: int, end: int) -> int:
    """Start of the mention with its determiner: "the Kremlin", "The Iraqi government"."""
    if start > 0 and lowers[start - 1] == "the" and start <= doc[start - 1].head.i < end:
        return start - 1
    return start


def _resolve(doc: "Doc", lowers: list[str], cat: Catalogue, s: int, e: int, entry: Entry) -> Optional[_Found]:
    role = entry.role
    if role in ("adjective", "demonym") and s > 0 and lowers[s - 1] == "ethnic":
        # "ethnic Albanians demonstrated in Serbia": a people wherever they live, not the state
        # their name comes from; the places of the text give their country (ground_by_places)
        end = e
        if role == "adjective" and e < len(doc) and doc[e].pos_ == "NOUN" and doc[e - 1].head.i == e:
            end = e + 1
        return _Found(s - 1, end, Entry("ew:group:bare", lowers[end - 1], "group", None, "CVL", "foreign"), "CVL")
    if role in ("country", "adjective", "demonym"):
        composed = _compose(doc, lowers, cat, s, e, entry)
        if composed:
            return composed
        root = _first_conjunct(doc[s:e].root)
        if role == "demonym" and root.tag_ in ("NNS", "NNPS") and root.dep_ == "pobj" \
                and root.head.lower_ == "of" and root.head.head.lemma_.lower() in CROWD_HEADS and entry.country:
            # "thousands of Serbians rallied": a crowd of that country's people, not its state
            group = Entry(f"ew:group:cvl-{entry.country.lower()}", _group_name("CVL", entry.name),
                          "group", entry.country, "CVL")
            return _Found(s, e, group, "CVL")
        if role == "country" and root.dep_ == "pobj" and root.head.lower_ in ("in", "inside", "within", "throughout") \
                and root.head.head.pos_ in ("VERB", "AUX"):
            return None  # "lived in Iraq", "struck targets in Lebanon": a place, not an actor
        if role == "adjective":
            tok = doc[e - 1]
            # "the Iraqis"/"an Afghan" used as a noun is the people or the state; "Iraqi oil" is neither.
            if tok.dep_ == "amod" and tok.head.lemma_.lower() in POLITICAL_NOUNS and tok.head.i >= e \
                    and all(doc[k].head.i == tok.head.i and doc[k].dep_ in ("compound", "amod")
                            for k in range(e, tok.head.i)):
                # "Russian pressure", "a Senegalese peace plan": the state acts
                return _Found(s, e, entry, entry.sector)
            if _argument_adjective(doc, tok, e):
                # "demolished Palestinian homes", "rejected proposed Israeli changes": what the
                # event is done to belongs to that country, so the country can be its target;
                # people of that country who act ("Iraqi Kurds demonstrated") are its people
                people = _people_of(doc, lowers, cat, tok, entry)
                return people or _Found(s, e, entry, entry.sector)
            if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("amod", "compound"):
                return None
        return _Found(s, e, entry, entry.sector)
    if role == "capital":
        hit = _agent_at(cat, lowers, e) if e < len(doc) and doc[e - 1].dep_ == "compound" else None
        if hit and hit[1] in STATE_SECTORS and doc[hit[0] - 1].pos_ == "NOUN":
            # "the Khartoum government", "the Kabul regime": the capital names whose organ it is
            return _Found(_with_the(doc, lowers, s, hit[0]), hit[0], entry, hit[1], metonym=True, kind="state")
        if not _capital_acts(doc, s, e):
            return None
        return _Found(s, e, entry, entry.sector or "GOV", metonym=True)
    if role == "seat":
        if _is_located(doc, s, e):
            return None
        return _Found(_with_the(doc, lowers, s, e), e, entry, entry.sector or "GOV", metonym=True)
    if role == "leader":
        sector = entry.sector or ("GOV" if entry.kind == "state" else None)
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
        k = s
        while k > 0 and lowers[k - 1] in GROUP_DESCRIPTORS and s - k < 2:
            k -= 1  # "the paramilitary Rapid Support Forces"
        start = _with_the(doc, lowers, k, j)
        return _Found(_members_of(doc, start, j), j, entry, entry.sector)
    if entry.kind in ("igo", "organization"):
        start = _with_the(doc, lowers, s, e)
        return _Found(start, _possessed(doc, lowers, cat, s, e), entry, entry.sector)
    return _Found(_with_the(doc, lowers, s, e), e, entry, entry.sector)


_LEADERS = {"leader", "official", "authority", "diplomat", "envoy", "negotiator", "delegate", "representative"}
_PEOPLE = {"people", "civilian", "resident", "villager", "prisoner", "inmate", "detainee", "citizen", "national",
           "youth", "man", "woman", "child", "family", "tribesman", "migrant", "pilgrim", "worshipper", "mourner",
           "protester", "demonstrator", "crowd", "voter", "settler"}


def _people_of(doc: "Doc", lowers: list[str], cat: Catalogue, tok: "Token", entry: Entry) -> Optional[_Found]:
    """The people a nationality adjective qualifies when they are a plural subject: the
    state itself for its organs ("Iraqi troops", "Palestinian leaders" -> the state with that
    sector), else a group of that country named by the head's sector ("Iraqi Kurds" ->
    civilians of Iraq, "Kenyan students" -> students and educators of Kenya)."""
    head = tok.head if tok.dep_ != "conj" else tok.head.head
    if head.tag_ not in ("NNS", "NNPS") or _first_conjunct(head).dep_ not in ("nsubj", "pobj") \
            or not entry.country or entry.kind != "state":
        return None
    if _first_conjunct(head).dep_ == "pobj" and _first_conjunct(head).head.lower_ != "of":
        return None  # "a blockade on Palestinian lorries": a target, the country's
    hit = _agent_at(cat, lowers, head.i)
    lemma = head.lemma_.lower()
    if hit:
        sector = hit[1]
    elif lemma in _LEADERS:
        sector = "GOV"
    elif lemma in _PEOPLE or (head.pos_ == "PROPN" and head.ent_type_ == "NORP"):
        sector = "CVL"
    else:
        return None  # "Israeli bulldozers": the state's means, the state acting
    if sector in STATE_SECTORS:
        return _Found(tok.i, tok.i + 1, entry, sector)
    group = Entry(f"ew:group:{sector.lower()}-{entry.country.lower()}", _group_name(sector, entry.name),
                  "group", entry.country, sector)
    return _Found(tok.i, tok.i + 1, group, sector)


# Heads of "X of <people>" that count or gather people rather than name an actor.
CROWD_HEADS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "score", "scores", "ten",
               "tens", "million", "millions", "group", "crowd", "number", "band", "some", "many", "most",
               "all", "several", "few", "busload", "contingent"}


def _argument_adjective(doc: "Doc", tok: "Token", e: int) -> bool:
    """Whether nationality adjective ``tok`` qualifies an argument of an event: the object of a
    verb or of a target preposition ("demolished Palestinian homes", "a blockade on Palestinian
    lorries") or a plural subject ("Palestinian prisoners rioted").  Its head must be a plain noun right after the adjective (pre-modifiers only); the
    parser's "compound" for a nationality word tagged as a proper noun counts as "amod"."""
    if tok.dep_ == "conj" and tok.head.dep_ in ("amod", "compound") and tok.head.i < tok.i:
        tok = tok.head  # "the Turkish and Greek sides": the second of coordinated adjectives
        e = tok.i + 1
    head = tok.head
    # "Iraqi Kurds", "Lebanese Shiites": a people named by a plural proper noun
    people = head.pos_ == "PROPN" and head.tag_ == "NNPS" and head.ent_type_ == "NORP"
    if tok.dep_ not in ("amod", "compound") or (head.pos_ != "NOUN" and not people) or head.i < e or head.i - e > 2:
        return False
    if not all((doc[k].head.i == head.i and doc[k].dep_ in ("compound", "amod"))
               or (doc[k].head.i == tok.i and doc[k].dep_ in ("cc", "conj", "punct")) for k in range(e, head.i)):
        return False
    if head.lemma_.lower() in NON_ACTOR_HEADS:
        return False
    if any(c.dep_ == "appos" for c in head.children) or \
            (head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "PROPN"):
        return False  # "his Chinese counterpart Wang Yi": the person named, not the state
    arg = _first_conjunct(head)
    while arg.dep_ == "pobj" and arg.head.lower_ == "of" and arg.head.head.lemma_.lower() in CROWD_HEADS:
        # "thousands of Iraqi Kurds demonstrated", "a group of Afghan refugees"
        arg = _first_conjunct(arg.head.head)
    if arg.dep_ == "nsubj" and head.tag_ in ("NNS", "NNPS"):
        # "Palestinian leaders said", "Palestinian prisoners rioted": people of that country act
        return arg.head.pos_ == "VERB"
    if arg.dep_ == "dobj":
        return arg.head.pos_ == "VERB"
    if arg.dep_ == "pobj":
        prep = arg.head
        return prep.lower_ in TARGET_PREPS and prep.head.pos_ in ("VERB", "NOUN")
    return False


def _members_of(doc: "Doc", s: int, e: int) -> int:
    """Start of "its allies in the Joint Forces": members of a group stand for the group."""
    tok = doc[s:e].root
    if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "of", "among") and tok.head.i == s - 1:
        noun = tok.head.head
        if noun.lemma_.lower() in MEMBER_NOUNS and noun.i < s and s - noun.left_edge.i <= 6:
            return noun.left_edge.i
    return s


def _possessed(doc: "Doc", lowers: list[str], cat: Catalogue, s: int, e: int) -> int:
    """End of "the UN's humanitarian coordinator in Congo": an organ of the organisation."""
    n = len(doc)
    if e >= n or lowers[e] not in _APOS:
        return e
    tok = doc[s:e].root
    head = tok.head
    if tok.dep_ != "poss" or not (e < head.i <= e + 4) or head.pos_ != "NOUN":
        return e
    if head.lemma_.lower() not in ROLE_NOUNS and _agent_at(cat, lowers, head.i) is None:
        return e
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "in" and child.i == end and \
                any(c.dep_ == "pobj" and c.pos_ == "PROPN" for c in child.children):
            end = child.right_edge.i + 1
    return end


def _compose(doc: "Doc", lowers: list[str], cat: Catalogue, s: int, e: int, entry: Entry) -> Optional[_Found]:
    """Country + agent words as one mention: "Iraqi security forces", "Iraq's army"."""
    n = len(doc)
    p = e
    if p < n and lowers[p] in _APOS:
        p += 1
    alone = False  # "Japanese and South Korean foreign ministers": the first adjective shares the head
    conj = [c for c in doc[e - 1].children if c.dep_ == "conj" and c.i > e - 1] if e < n and lowers[e] in ("and", ",") else []
    if conj and doc[e - 1].dep_ in ("amod", "compound") and conj[0].head.i == e - 1:
        p, alone = max(t.i for t in conj[0].subtree) + 1, True
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
            if end < n and lowers[end] in UNIT_NOUNS and doc[end - 1].dep_ == "compound" \
                    and doc[end - 1].head.i == end:
                end += 1  # "a Turkish riot police squad"
            if alone and doc[e - 1].head.i != end - 1:
                return None
            if alone:
                start, end = _with_the(doc, lowers, s, e), e  # the conjunct names its own mention
            else:
                start = _with_the(doc, lowers, s, end)
                if start == s:
                    start = _grow_left(doc, lowers, set(), s, end)  # "two senior Rwandan army officers"
            if sector in STATE_SECTORS:
                return _Found(start, end, entry, sector, kind="state")
            return _Found(start, end, entry, sector, kind="group",
                          id=f"ew:group:{sector.lower()}-{(entry.country or 'none').lower()}",
                          name=_group_name(sector, entry.name))
    return None


def _group_name(sector: str, country_name: Optional[str]) -> str:
    """ "Civilians (Kenya)": an unaffiliated group named by its sector and country."""
    label = SECTOR_NAMES.get(sector, sector.lower()).capitalize()
    return f"{label} ({country_name})" if country_name else label


def _first_conjunct(tok: "Token") -> "Token":
    while tok.dep_ == "conj" and tok.head.i != tok.i:
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
        if head.lemma_.lower() == "welcome":  # "Washington welcomed the ceasefire", not tourists
            return any(c.dep_ == "dobj" and c.lemma_.lower() in POLITICAL_NOUNS for c in head.children)
        if head.lemma_.lower() == "host":  # "Beijing hosted the Vietnamese president", not the Games
            return any(c.dep_ == "dobj" and (c.lemma_.lower() in VISITOR_HEADS or c.ent_type_ == "PERSON")
                       for c in head.children)
        return head.lemma_.lower() not in NONAGENT_VERBS
    if dep == "poss":
        return head.lemma_.lower() not in PLACE_NOUNS
    if dep == "dobj":
        # "urged Kyiv", "visited Beijing": whom it addresses, whose government hosts the visit
        return head.lemma_.lower() in ADDRESS_VERBS or head.lemma_.lower() in VISIT_WORDS
    if dep == "pobj":
        prep = head.lower_
        gov = head.head
        if prep == "by" and (gov.pos_ == "VERB" or gov.lemma_.lower() in POLITICAL_NOUNS
                             or (gov.pos_ == "NOUN" and gov.lemma_.lower() not in PLACE_NOUNS)):
            return True  # "an admission by Moscow", "a decision by Ankara": who does it
        if prep == "to" and gov.lower_ == "according":
            return True
        if prep == "to" and gov.lemma_.lower() in VISIT_WORDS:
            return True  # "a two-day visit to Tehran": its government hosts it
        if prep == "at" and (gov.lemma_.lower() in SNIPE_VERBS or (
                gov.lemma_.lower() in ("hit", "lash") and any(c.lower_ == "out" for c in gov.children))):
            return True  # "hit out at Washington", "railed at Moscow": whom the words are aimed at
        if (prep in ("on", "upon") and gov.lemma_.lower() in ("call", "prevail")) or \
                (prep == "to" and gov.lemma_.lower() in ("appeal", "plead")):
            return True  # "called on Washington to lift sanctions": the addressee
        if prep in ("of", "from") and gov.lemma_.lower() in POLITICAL_NOUNS:
            return True
        if prep in ("with", "between", "against", "and") and gov.lemma_.lower() in RELATION_WORDS:
            return True
        if prep in ("with", "between") and gov.pos_ in ("VERB", "NOUN") and \
                gov.lemma_.lower() not in PLACE_NOUNS and gov.lemma_.lower() not in NONAGENT_VERBS:
            return True  # "work out further action with Moscow and Tehran": "with" is never a locative
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


FOREIGN_MODS = {"western", "foreign", "international", "european", "african", "arab", "regional", "un",
                "overseas", "outside", "multinational", "global"}
ORG_HEADS = {"centre": "SOC", "center": "SOC", "alliance": "PTY", "party": "PTY", "front": "PTY",
             "movement": "SOC", "congress": "PTY", "council": "GOV", "commission": "GOV", "ministry": "GOV",
             "authority": "GOV", "union": "LAB", "federation": "LAB", "association": "SOC",
             "foundation": "SOC", "institute": "EDU", "university": "EDU", "committee": "SOC",
             "coalition": "PTY", "league": "SOC", "network": "SOC", "organisation": "SOC",
             "organization": "SOC", "forum": "SOC", "society": "SOC", "trust": "SOC", "watch": "SOC",
             "initiative": "SOC", "church": "REL", "bank": "BUS", "corporation": "BUS", "company": "BUS"}
_PARTY_HEADS = {"alliance", "party", "front", "congress", "coalition"}
# Definite descriptions that refer back to a named actor: (tokens, class).
ANAPHORA = {
    ("group",): "group", ("rebels",): "armed", ("rebel", "group"): "armed", ("rebel", "militia"): "armed",
    ("militia",): "armed", ("paramilitaries",): "armed", ("paramilitary", "group"): "armed",
    ("rebellion",): "armed", ("insurgents",): "armed", ("militants",): "armed", ("armed", "group"): "armed",
    ("militant", "group"): "armed", ("rights", "group"): "org", ("organisation",): "org",
    ("organization",): "org", ("watchdog",): "org", ("charity",): "org", ("bloc",): "igo",
    ("agency",): "agency", ("party",): "party",
}
_ANAPHOR_DETS = {"the"}
_PARTY_DETS = {"the", "her", "his", "their"}


INSTITUTIONS = {"army", "military", "government", "regime", "parliament", "ministry", "court", "cabinet",
                "administration", "authority", "authorities", "forces", "force", "intelligence", "security",
                "junta", "legislature", "judiciary", "navy", "police"}


def _grow_left(doc: "Doc", lowers: list[str], covered: set[int], i: int, end: int) -> int:
    """Start of an agent phrase with its determiner and modifiers: "two senior officers"."""
    start = i
    while start > 0 and start - 1 not in covered and doc[start - 1].head.i in range(start, end) \
            and doc[start - 1].dep_ in ("det", "nummod", "amod", "compound", "poss") \
            and (doc[start - 1].is_lower or doc[start - 1].is_digit or doc[start - 1].is_sent_start
                 or lowers[start - 1] in FOREIGN_MODS) and i - start < 4:
        start -= 1
    return start


def _unknown_orgs(doc: "Doc", lowers: list[str], cat: Catalogue, taken: set[int]) -> list[_Found]:
    """Capitalised names ending in an organisation word: "the Mulika Rights Centre"."""
    out = []
    i, n = 0, len(doc)
    while i < n:
        t = doc[i]
        if i in taken or not (t.is_title and t.is_alpha) or lowers[i] in ("the", "a", "an"):
            i += 1
            continue
        j, head = i, None
        while j < n and j not in taken and (
                (doc[j].is_title and doc[j].is_alpha)
                or (lowers[j] in ("of", "for", "and") and j + 1 < n and doc[j + 1].is_title)):
            if lowers[j] in ORG_HEADS:
                head = j
            j += 1
        if head is None and j > i and j < n and j not in taken and lowers[j] in _PARTY_HEADS \
                and doc[j - 1].head.i == j:
            head, j = j, j + 1  # "the Umma party", "the ruling Baath party": news lower-cases it
        if head is not None and j - i >= 2 and not _shouting(doc, i, {}):
            words = lowers[i:j]
            sector = ORG_HEADS[lowers[head]]
            if "rights" in words or "human" in words:
                sector = "SOC"  # PLOVER has no NGO sector; SOC is civil society
            sent = doc[i].sent
            if lowers[head] in _PARTY_HEADS and (sector == "PTY") and \
                    any(tok.lower_ == "opposition" for tok in sent):
                sector = "OPP"
            name = doc[i:j].text
            country = _based_in(doc, lowers, cat, j)
            entry = Entry("ew:org:" + _slug(name), name, "organization", country, sector, "org?")
            out.append(_Found(_with_the(doc, lowers, i, j), j, entry, sector))
        i = max(j, i + 1)
    return out


def _based_in(doc: "Doc", lowers: list[str], cat: Catalogue, e: int) -> Optional[str]:
    """The country in ", a Nairobi-based rights group" just after an organisation's name."""
    sent_end = doc[e - 1].sent.end
    for k in range(e, min(e + 8, sent_end)):
        if lowers[k] == "based" and k >= 2 and lowers[k - 1] == "-":
            node = cat.trie.get(lowers[k - 2])
            for pat in (node or {}).get(_END, ()):
                entry = cat.entries[pat.entry]
                if entry.role in _PLACE_ROLES and entry.country:
                    return entry.country
    return None


_CLASSES = {
    "armed": ("armed_group",), "group": ("armed_group", "organization"), "org": ("organization",),
    "igo": ("igo",), "agency": ("igo", "organization"), "party": ("organization",),
}


def _class_ok(f: _Found, cls: str) -> bool:
    kind = f.kind or f.entry.kind
    if kind not in _CLASSES[cls]:
        return False
    return cls != "party" or f.sector in ("PTY", "OPP")


def _anaphora(doc: "Doc", lowers: list[str], covered: set[int], found: list[_Found]) -> list[_Found]:
    """"the group", "the bloc", "her party", "she": placeholders resolved in ``_ground``."""
    out = []
    n = len(doc)
    ordered = sorted(found, key=lambda f: f.start)
    for i in range(n - 1):
        det = lowers[i]
        if det in _PARTY_DETS and i not in covered:
            for words, cls in ANAPHORA.items():
                e = i + 1 + len(words)
                if tuple(lowers[i + 1:e]) != words or any(k in covered for k in range(i, e)):
                    continue
                if det != "the" and cls != "party":
                    continue
                if e < n and (doc[e].pos_ in ("NOUN", "PROPN") or lowers[e] == "of"):
                    continue  # "the group's", "the rebel group leaders", "the group of protesters"
                if any(_class_ok(f, cls) for f in ordered if f.end <= i):
                    entry = Entry("ew:anaphor", doc[i:e].text, cls, None, None, "coref")
                    out.append(_Found(i, e, entry, None))
                    covered.update(range(i, e))
                break
    spans = {k: f for f in found for k in range(f.start, f.end)}
    for t in doc:
        if t.lower_ == "they" and t.dep_ in ("nsubj", "nsubjpass") and t.i not in covered \
                and t.head.dep_ == "ccomp":
            subj = next((c for c in t.head.head.children if c.dep_ == "nsubj" and c.i < t.i), None)
            g = spans.get(subj.i) if subj is not None else None
            if g is not None and (g.kind or g.entry.kind) in ("state", "group", "armed_group", "organization", "igo"):
                out.append(_Found(t.i, t.i + 1, Entry("ew:anaphor", t.text, "group", None, None, "they"), None,
                                  ref=subj.i))  # "Somali police said they had arrested"
        if t.lower_ in ("she", "he") and t.dep_ in ("nsubj", "nsubjpass") and t.i not in covered:
            out.append(_Found(t.i, t.i + 1, Entry("ew:anaphor", t.text, "person", None, None, "pronoun"), None))
    return out


def _bare_agents(doc: "Doc", lowers: list[str], cat: Catalogue, covered: set[int],
                 found: list[_Found]) -> list[_Found]:
    """Agent phrases with no country of their own: "rebel groups", "protesters", "the army".

    Their country is settled in ``_ground``; here the phrase is found and its span grown
    over its determiner and modifiers ("two senior officers", "the state health ministry").
    """
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
        if doc[end - 1].dep_ == "compound" and end < n and lowers[end] in UNIT_NOUNS \
                and doc[end - 1].head.i == end:
            end += 1  # "a riot police squad"
        last = doc[end - 1]
        definite = i > 0 and lowers[i - 1] == "the" and last.lemma_.lower() in INSTITUTIONS
        owned = i > 0 and i - 1 in covered and doc[i - 1].head.i in range(i, end)  # "RSF artillery"
        # "Islamists", "farmers": people of a sector, as a group (one "cleric" is a person, not a group)
        named_people = _people_head(last) in PEOPLE_HEADS.get(sector, ()) and (
            last.tag_ in ("NNS", "NNPS") or _placed(last))  # "a missionary from Calgary": where from says whose
        people = sector in BARE_SECTORS or named_people
        # "the opposition in Kenya called for ...": the definite opposition that acts is the parties
        acting_opposition = lowers[i] == "opposition" and end - i == 1 and i > 0 and lowers[i - 1] == "the" \
            and last.dep_ in ("nsubj", "nsubjpass", "poss")
        ok = (not owned and people and last.dep_ != "compound"
              and (last.pos_ == "NOUN" or (last.pos_ == "PROPN" and (named_people or doc[i].is_sent_start)))
              and not (doc[i].is_title and not doc[i].is_sent_start and not named_people)
              and not (end - i == 1 and last.lemma_.lower() in BARE_SKIP
                       and not (definite and sector in STATE_SECTORS) and not acting_opposition))
        if ok:
            start = _grow_left(doc, lowers, covered, i, end)
            foreign = any(lowers[k] in FOREIGN_MODS for k in range(start, i))
            country = _context_country(doc, last, by_token, cat)
            role = "foreign" if foreign else "bare"
            if country is None and _placed(last):
                role = "placed"  # "a terror group based in Trinidad": the place decides, after places
            entry = Entry("ew:group:bare", lowers[end - 1], "group",
                          country.country if country else None, sector, role)
            out.append(_Found(start, end, entry, sector))
            i = end
        else:
            i += 1
    return out


def _people_head(tok: "Token") -> str:
    """The singular of a people noun ("Muslims" -> "muslim"), whatever the tagger made of it."""
    word = tok.lemma_.lower()
    return word[:-1] if tok.tag_ in ("NNS", "NNPS") and word.endswith("s") and word == tok.lower_ else word


# Sectors of doers the text does not identify: their country is where they act.
UNNAMED_SECTORS = {"UAF", "CRM"}


def _named_place_in(doc: "Doc", i: int, actor_tokens: set[int]) -> bool:
    """Whether token ``i``'s sentence names a place after a locative preposition ("in
    Pakistan", "near Kano") that is no actor."""
    return any(t.dep_ == "pobj" and t.pos_ == "PROPN" and t.i not in actor_tokens
               and t.head.lower_ in ("in", "near", "at", "outside", "around", "across")
               for t in doc[i].sent)


def _located_preps(head: "Token") -> list["Token"]:
    """The prepositions that say where a phrase's referent is: "rebels in Darfur", "a group
    based in Trinidad"."""
    preps = [c for c in head.children if c.dep_ == "prep"]
    preps += [c for v in head.children if v.dep_ == "acl" and v.lemma_ in ("base", "station")
              for c in v.children if c.dep_ == "prep"]
    return [p for p in preps if p.lower_ in ("in", "from", "of")]


def _placed(head: "Token") -> bool:
    """Whether a located preposition of ``head`` names a proper place ("rebels in Darfur")."""
    return any(obj.dep_ == "pobj" and obj.pos_ == "PROPN"
               for prep in _located_preps(head) if prep.lower_ != "of" for obj in prep.children)


def _context_country(doc: "Doc", head: "Token", by_token: dict, cat: Optional[Catalogue] = None) -> Optional[Entry]:
    """The country a bare agent phrase belongs to: "rebel groups in Syria", "security
    officials in Baghdad" (a capital named as a place still says whose officials)."""
    for prep in _located_preps(head):
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            f = by_token.get(obj.i)
            if f is not None and f.entry.country and f.entry.kind == "state":
                return f.entry
            node = cat.trie.get(obj.lower_) if cat is not None and f is None and obj.is_title else None
            for pat in (node or {}).get(_END, ()):
                entry = cat.entries[pat.entry]
                if entry.role == "capital" and entry.country and len(pat.tokens) == 1:
                    return _country_entries(cat).get(entry.country, entry)
    return None


def _persons(doc: "Doc", lowers: list[str], cat: Catalogue, found: list[_Found],
             not_people: set[int] = frozenset()) -> list[_Found]:
    """PERSON entities outside the catalogue, with country and sector from their title.

    Credited photographers ("(Rift Bulletin/Daniel Kiprop)") and bylines ("By Jane Doe")
    are not actors; a lone name is kept only as a subject or after a title.
    """
    by_token = {k: f for f in found for k in range(f.start, f.end)}
    people: list[_Found] = []
    surnames: dict[str, _Found] = {}
    singles = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" and not _named_by_title(doc, ent):
            continue
        s, e = ent.start, ent.end
        if any(k in not_people or lowers[k] == "/" for k in range(s, e)):
            continue
        if s > 0 and lowers[s - 1] == "by" and (doc[s - 1].is_sent_start or doc[s - 1].is_title):
            continue  # a byline
        while e > s and (lowers[e - 1] in _APOS or not doc[e - 1].is_alpha and doc[e - 1].text not in "-."):
            e -= 1
        while s < e and lowers[s].rstrip(".") in TITLE_WORDS:
            s += 1
        if s >= e or any(k in by_token for k in range(s, e)):
            continue
        if not any(t.is_title or t.is_upper for t in doc[s:e]):
            continue
        if e - s == 1:
            if s > ent.start or doc[s].dep_ in ("nsubj", "nsubjpass") or \
                    (s > 0 and lowers[s - 1].rstrip(".") in TITLE_WORDS) or _surname_country(cat, lowers, s) \
                    or _bare_surname_country(doc[s].text):
                singles.append((s, e))
            continue
        name = doc[s:e].text
        country, sector, start, tied = _title_of(doc, lowers, cat, s, e, by_token)
        if country is None:
            country = _leader_country(cat, lowers, doc, s, e)  # "Donald Trump" before or after office
        if country is None and not tied:
            country = _person_country([t.text for t in doc[s:e]], False)  # "Abdelaziz Bouteflika"
        entry = Entry("ew:person:" + _slug(name), name, "person", country, sector,
                      "person" if tied or country else "person?")
        person = _Found(start, e, entry, sector)
        head = _head_of_state(doc, lowers, cat, start, s, country)
        if head is not None:
            person = _Found(start, e, head, "GOV", kind="state")  # as the catalogue's leaders are
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
        # "President Mugabe": a titled surname that only people of one country bear; "Bush"
        # out of office: a surname only one country's leaders bear
        titled = s > 0 and lowers[s - 1].rstrip(".") in TITLE_WORDS
        country = _surname_country(cat, lowers, s) or \
            (_person_country([name], True) if titled else _bare_surname_country(name))
        people.append(_Found(s, e, Entry("ew:person:" + _slug(name), name, "person", country, None,
                                         "person" if country else "actor"), None))
    return found + people


HEAD_TITLES = {("president",), ("prime", "minister"), ("premier",), ("king",), ("queen",), ("emir",),
               ("chancellor",), ("leader",), ("head", "of", "state")}
NOT_HEAD = {"former", "ex", "vice", "deputy", "opposition", "party", "rebel", "late", "acting", "interim",
            "elect", "-", "then", "late"}


def _leader_country(cat: Catalogue, lowers: list[str], doc: "Doc", s: int, e: int) -> Optional[str]:
    """The country of a catalogue leader named in full, whatever the date: a person's own
    country, known from the catalogue even out of office."""
    countries = set()
    for end, pats in _walk(cat.trie, lowers, s):
        if end != e:
            continue
        for pat in pats:
            entry = cat.entries[pat.entry]
            if entry.role == "leader" and len(pat.tokens) >= 2 and entry.country \
                    and all(w[:1] == g[:1] or not w[:1].isupper() for w, g in zip(pat.tokens, (t.text for t in doc[s:e]))):
                countries.add(entry.country)
    return countries.pop() if len(countries) == 1 else None


def _bare_surname_country(name: str) -> Optional[str]:
    """The country of an untitled surname the tagger found as a person ("Chirac said"): as
    for a titled one, but only a longer name, which is seldom a common word or first name."""
    return _person_country([name], True) if len(name) >= 5 and name.isalpha() and name.istitle() else None


def _surname_country(cat: Catalogue, lowers: list[str], i: int) -> Optional[str]:
    """The country of a catalogue leader's surname, whatever the date, where every leader who
    bears it is of one country ("Bush", "Obama"): a person's own country does not end with
    their term, though their acting for the government does."""
    node = cat.trie.get(lowers[i])
    pats = node.get(_END, ()) if node else ()
    countries = {cat.entries[p.entry].country for p in pats
                 if p.surname or (len(p.tokens) == 1 and cat.entries[p.entry].role == "leader")}
    return countries.pop() if len(countries) == 1 and None not in countries else None


def _head_of_state(doc: "Doc", lowers: list[str], cat: Catalogue, start: int, s: int,
                   country: Optional[str]) -> Optional[Entry]:
    """The state, where a person is titled its head of state or government ("Portuguese
    President Mario Soares", "Libyan leader Muammar Gaddafi"): the government acting, as
    the catalogue's own leaders resolve.  Former, deputy and party leaders stay people."""
    if country is None or s - start < 2 or s - start > 6:
        return None
    words = [w.rstrip(".") for w in lowers[start:s]]
    if any(w in NOT_HEAD for w in words):
        return None
    if not any(tuple(words[-len(t):]) == t for t in HEAD_TITLES):
        return None
    return _country_entries(cat).get(country)


PERSON_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "negotiator", "adviser", "advisor", "leader",
                "minister", "official", "envoy", "commander", "director", "chief", "head", "president",
                "secretary", "ambassador", "mediator", "representative", "chairman", "chairwoman", "analyst",
                "researcher", "lawyer", "activist", "resident", "witness", "doctor", "student", "journalist",
                "correspondent", "diplomat", "general", "colonel", "governor", "mayor", "aide"}


def _named_by_title(doc: "Doc", ent) -> bool:
    """A name the tagger took for an organisation, in apposition to a person's title.

    "Congo's chief negotiator, Pascal Ilunga Mbuyi" and "Pascal Ilunga Mbuyi, an adviser
    to the minister" name a person whatever the tagger says.
    """
    if ent.label_ not in ("ORG", "GPE", "NORP", "FAC", "PRODUCT", "WORK_OF_ART") or len(ent) < 2:
        return False
    if not all(t.is_title and t.pos_ == "PROPN" for t in ent) or any(t.lower_ in ORG_HEADS for t in ent):
        return False
    root = ent.root
    if root.dep_ == "appos" and root.head.i < ent.start and root.head.lemma_.lower() in PERSON_NOUNS:
        return True
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.is_title and before.lower_.rstrip(".") in TITLE_WORDS and len(ent) <= 3:
        return True  # "Vice-President Moody Awori": a title right before the name
    return any(c.dep_ == "appos" and c.i >= ent.end and c.lemma_.lower() in PERSON_NOUNS for c in root.children)


def _title_of(doc: "Doc", lowers: list[str], cat: Catalogue, s: int, e: int,
              by_token: dict) -> tuple[Optional[str], Optional[str], int, bool]:
    """(country, sector, start, tied) of a named person from the words around the name.

    A title just before the name ("Russian Foreign Minister Sergei Lavrov", "Army spokesman
    Brigadier General X") joins the mention, and so does a title it stands in apposition
    to ("Congo's chief negotiator, X"); an appositive after it ("Hakem al-Zamli, chief of
    the Iraqi parliament's security and defense committee") lends its country and sector.
    ``tied`` is true where the person speaks for an international body ("a spokeswoman for
    the EU"): no home country is guessed for them.
    """
    prev = by_token.get(s - 1)
    if prev is not None and prev.end == s and prev.entry.kind == "state" and prev.sector \
            and prev.entry.role != "bare":
        return prev.entry.country, prev.sector, prev.start, False
    k = s
    while k > 0 and s - k < 3 and (lowers[k - 1].rstrip(".") in TITLE_WORDS or lowers[k - 1] in PERSON_NOUNS):
        k -= 1
    prev = by_token.get(k - 1)
    if k < s and prev is not None and prev.end == k and prev.entry.kind == "state" and prev.entry.country \
            and prev.entry.role != "bare" and not any(doc[m].is_sent_start for m in range(k, s)):
        # "CIA Director John Brennan", "FBI director James Comey": an organ of a state, then a title
        return prev.entry.country, _title_sector(cat, lowers, k, s) or prev.sector, s, False
    for j in range(max(0, s - 6), s):
        after_state = (g := by_token.get(j - 1)) is not None and g.end == j and g.entry.kind == "state"
        # news lower-cases a title before a name: "opposition leader Imran Khan", "rebel commander X"
        close = s - j <= 3 and doc[j].is_lower and (j == 0 or not doc[j - 1].is_title or doc[j - 1].is_sent_start)
        if not (doc[j].is_title or after_state or close) or \
                any(doc[k].is_sent_start or not doc[k].is_alpha for k in range(j + 1, s)):
            continue  # "Russian Foreign Ministry spokeswoman Maria Zakharova"
        hit = _agent_at(cat, lowers, j)
        if not hit or hit[0] > s or any(lowers[k].rstrip(".") not in TITLE_WORDS and lowers[k] not in PERSON_NOUNS
                                        for k in range(hit[0], s)):
            continue
        before = by_token.get(j - 1)
        if before is not None and before.end in (j, hit[0]) and before.entry.kind == "state" \
                and before.entry.country and before.entry.role != "bare":
            # "Kenyan Government spokesman X"; "Russian Foreign Ministry spokeswoman X" (the agent
            # words overlap the state's own mention)
            return before.entry.country, hit[1], before.start, False
        return None, hit[1], j, False
    root = doc[s:e].root
    if root.dep_ == "appos" and root.head.i < s and s > 0 and lowers[s - 1] == ",":
        head = root.head
        lo = head.left_edge.i
        if s - lo <= 8 and head.pos_ == "NOUN":
            country, sector, tied = _inner(doc, lowers, cat, lo, s - 1, by_token)
            return country, sector, lo, tied  # "An M23 spokesman, X"
    for child in root.children:
        if child.dep_ != "appos" or child.i < e:
            continue
        country, sector, tied = _inner(doc, lowers, cat, child.left_edge.i, child.right_edge.i + 1, by_token)
        return country, sector, s, tied
    return None, None, s, False


def _adjective_country(doc: "Doc", lowers: list[str], cat: Catalogue, lo: int, hi: int) -> Optional[str]:
    """The country of a nationality adjective in a title ("his Russian counterpart")."""
    for k in range(lo, hi):
        if not doc[k].is_title:
            continue
        for end, pats in _walk(cat.trie, lowers, k):
            if end > hi:
                continue
            for pat in pats:
                entry = cat.entries[pat.entry]
                if entry.role in ("adjective", "country") and entry.country and _case_ok(pat, [t.text for t in doc[k:end]], 0):
                    return entry.country
    return None


def _title_sector(cat: Catalogue, lowers: list[str], lo: int, hi: int) -> Optional[str]:
    for k in range(lo, hi):
        hit = _agent_at(cat, lowers, k)
        if hit:
            return hit[1]
    return None


def _inner(doc: "Doc", lowers: list[str], cat: Catalogue, lo: int, hi: int,
           by_token: dict) -> tuple[Optional[str], Optional[str], bool]:
    """(country, sector, tied) of the mentions and title words in a person's appositive."""
    inner = sorted({id(f): f for k in range(lo, hi) if (f := by_token.get(k))}.values(), key=lambda f: f.start)
    country = next((f.entry.country for f in inner if f.entry.country), None)
    if country is None:
        country = _adjective_country(doc, lowers, cat, lo, hi)  # "his Russian counterpart, X"
    sector = next((f.sector for f in inner if f.sector and f.entry.role != "bare"), None)
    tied = any((f.kind or f.entry.kind) in ("igo", "media") and not f.entry.country for f in inner)
    if sector is None:
        # a title word inside the appositive: "a lawmaker", "the army's chief"
        for k in range(lo, hi):
            hit = _agent_at(cat, lowers, k)
            if hit:
                sector = hit[1]
                break
    if sector is None:
        sector = next((f.sector for f in inner if f.sector), None)
    return country, sector, tied


# Words in an unknown organisation's name that say it belongs to no one country.
INTERNATIONAL_WORDS = {"international", "world", "global", "worldwide", "transnational", "intercontinental"}


def _ground(doc: "Doc", lowers: list[str], cat: Catalogue, found: list[_Found],
            dominant: Optional[str], strong: bool) -> list[_Found]:
    """Give every actor without a country of its own one, and resolve back-references.

    A bare agent takes the country of the nearest preceding mention of its sector, else
    the article's home country ("police" -> Kenya's police); organs of a state become the
    state with their sector, other sectors a group "<Sector> (<Country>)".  Unknown
    organisations and people take the home country; an unknown outlet only where the home
    country is clear.  "the group" and the like take the most recent actor of their class,
    "she"/"he" the most recent person within the last three sentences.
    """
    countries = _country_entries(cat)
    actor_tokens = {k for f in found if f.entry.role not in ("bare", "foreign", "placed") for k in range(f.start, f.end)}
    sent_index = [0] * len(doc)  # token -> sentence number
    for k, sent in enumerate(doc.sents):
        sent_index[sent.start:sent.end] = [k] * (sent.end - sent.start)
    quoted = _quoted(doc)
    last_country: dict[str, str] = {}
    last_security: Optional[str] = None
    out: list[_Found] = []
    for f in sorted(found, key=lambda f: f.start):
        role = f.entry.role
        if role == "coref":
            target = _coref_target(doc, f, [g for g in out if _class_ok(g, f.entry.kind)], sent_index)
            if target is None:
                continue
            f = _Found(f.start, f.end, target.entry, target.sector, False, target.kind, target.id, target.name)
        elif role == "they":
            target = next((g for g in reversed(out) if g.start <= f.ref < g.end), None)
            if target is None:
                continue
            f = _Found(f.start, f.end, target.entry, target.sector, False, target.kind, target.id, target.name)
        elif role == "pronoun":
            target = _antecedent(doc, f.start, out, quoted, sent_index)
            if target is None:
                continue
            f = _Found(f.start, f.end, target.entry, target.sector, False, target.kind, target.id, target.name)
        elif role == "bare" and (same := _same_head(doc, lowers, f, out)) is not None:
            # "the regime" after "the Bashar al-Assad regime", "the police" after "Kenyan police"
            f = _Found(f.start, f.end, same.entry, same.sector, False, same.kind, same.id, same.name)
        elif role in ("bare", "foreign", "placed"):
            sector = f.sector
            if lowers[f.end - 1] in ("officer", "officers"):
                words = set(lowers[f.start:f.end])
                sector = "MIL" if words & {"military", "army", "navy", "militar"} else \
                    "COP" if "police" in words else last_security or sector
            iso = f.entry.country
            if iso is None and role == "bare" and not (sector in UNNAMED_SECTORS and _named_place_in(doc, f.start, actor_tokens)):
                # unidentified attackers take the country of where they struck, found after places
                # ("gunmen kidnapped two Chinese engineers in Pakistan"), not the country named most
                iso = last_country.get(sector) or dominant
            state = countries.get(iso) if iso else None
            if state is not None and sector in STATE_SECTORS:
                f = _Found(f.start, f.end, state, sector, kind="state")
            else:
                cname = state.name if state is not None else None
                entry = Entry(f"ew:group:{sector.lower()}-{(iso or 'none').lower()}", _group_name(sector, cname),
                              "group", iso if state is not None else None, sector)
                f = _Found(f.start, f.end, entry, sector)
        elif role in ("person?", "org?") or (f.entry.kind == "media" and f.entry.id.startswith("ew:media:")
                                            and not f.entry.country):
            iso = f.entry.country
            if role == "org?" and set(f.entry.name.lower().split()) & INTERNATIONAL_WORDS:
                pass  # "the Third World Water Forum": an international body has no home country
            elif iso is None and (role == "org?" or (role == "person?" and f.sector)):
                # an unknown organisation, or a person whose title or appositive names no country
                # ("Interior Minister X", "X, a local activist"): whose title it is, as for a bare
                # agent.  An untitled person gets no country: a person's country comes from
                # evidence about them, never from the country the article names most.
                iso = (last_country.get(f.sector) if f.sector in STATE_SECTORS else None) or dominant
            elif iso is None and strong and role not in ("person?", "org?"):
                iso = dominant  # an unknown outlet: where the home country is clear
            e = f.entry
            entry = Entry(e.id, e.name, e.kind, iso, e.sector, "actor", e.start, e.end)
            f = _Found(f.start, f.end, entry, f.sector, f.metonym, f.kind, f.id, f.name)
        kind = f.kind or f.entry.kind
        if f.entry.country and f.sector and kind in ("state", "group"):
            last_country[f.sector] = f.entry.country
            if kind == "state" and f.sector in ("COP", "MIL"):
                last_security = f.sector
        out.append(f)
    return out


def _coref_target(doc: "Doc", f: _Found, pool: list[_Found], sent_index: list[int]) -> Optional[_Found]:
    """The antecedent of "the group": not the subject of its own clause ("Hamas praised the
    group"); as a subject, the subject of the nearest earlier main clause that fits ("The SDF
    said the YPG had withdrawn.  The group said ..."); else the most recent fitting actor."""
    tok = doc[f.end - 1]
    own = {c.i for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")} if tok.dep_ != "nsubj" else set()
    pool = [g for g in pool if not any(g.start <= k < g.end for k in own)]
    if not pool:
        return None
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT" and \
            sent_index[pool[-1].start] < sent_index[f.start]:
        here = sent_index[f.start]
        for g in reversed(pool):
            if sent_index[g.start] >= here:
                continue
            if sent_index[g.start] < here - 1:
                break
            root = doc[g.start:g.end].root
            if root.dep_ in ("nsubj", "nsubjpass") and root.head.dep_ == "ROOT":
                return g
    return pool[-1]


def _same_head(doc: "Doc", lowers: list[str], f: _Found, out: list[_Found]) -> Optional[_Found]:
    """The last named actor whose mention ends in the same noun as this definite one."""
    if lowers[f.start] != "the" or f.end - f.start != 2:
        return None
    head = lowers[f.end - 1]
    for g in reversed(out):
        if g.end - g.start >= 2 and lowers[g.end - 1] == head and g.entry.country and \
                (g.kind or g.entry.kind) == "state":
            return g
    return None


def _quoted(doc: "Doc") -> list[bool]:
    """Is each token inside quotation marks?  A line break closes any open quote."""
    out, inside = [], False
    for t in doc:
        if "\n" in t.text:
            inside = False
        if t.text in ('"', "\u201c", "\u201d"):
            inside = (t.text == "\u201c") or (t.text == '"' and not inside)
            out.append(False)
            continue
        out.append(inside)
    return out


def _antecedent(doc: "Doc", i: int, out: list[_Found], quoted: list[bool],
                sent_index: list[int]) -> Optional[_Found]:
    """The person "she"/"he" at token i refers to: the subject of the nearest main clause
    before it (outside quotes, within three sentences of narrative), where that is a person."""
    people = {k: g for g in out if (g.kind or g.entry.kind) == "person" or g.entry.role == "leader"
              for k in range(g.start, g.end)}
    seen: set[int] = set()  # sentences with narrative (unquoted) words passed so far
    for k in range(i - 1, -1, -1):
        tok = doc[k]
        if quoted[k]:
            continue
        seen.add(sent_index[k])
        if len(seen) > 3:
            return None
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.dep_ != "ROOT":
            continue
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        return people.get(k)
    return None


@functools.lru_cache(maxsize=8)
@functools.lru_cache(maxsize=8)
def _country_entries(cat: Catalogue) -> dict[str, Entry]:
    out: dict[str, Entry] = {}
    for e in cat.entries:
        if e.role == "country" and e.country and e.kind == "state":
            out.setdefault(e.country, e)
    return out


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


def ground_by_places(doc: "Doc", mentions: tuple[ActorMention, ...], places: Iterable[Place],
                     catalogue: Catalogue) -> tuple[ActorMention, ...]:
    """Give a group no country could be found for the country of where the text puts it.

    "Soldiers burned houses in Rakhine state" is Myanmar's military; "gunmen attacked a bus
    near Kano" an unidentified armed group of Nigeria, as ACLED names actors it cannot
    identify by the country of the event.  The place is one in the mention's own sentence
    (the nearest, where its places name several countries), else the country most of the
    article's places are in.  Foreign forces ("foreign troops") and people are left alone: a
    person's country comes from evidence about them.
    """
    need = [k for k, m in enumerate(mentions) if m.country is None and m.kind == "group"
            and m.id.startswith("ew:group:") and m.id.endswith("-none")
            and not any(w in FOREIGN_MODS for w in m.span.text.lower().split())]
    located = [p for p in places if p.country]
    if not need or not located:
        return mentions
    countries = _country_entries(catalogue)
    sents = [(s.start_char, s.end_char) for s in doc.sents]

    def sentence(offset: int) -> tuple[int, int]:
        return next((s for s in sents if s[0] <= offset < s[1]), (offset, offset + 1))

    tally = collections.Counter(p.country for p in located)
    top, n = tally.most_common(1)[0]
    home = top if n * 2 > len(located) else None
    out = list(mentions)
    for k in need:
        m = mentions[k]
        lo, hi = sentence(m.span.start)
        near = [p for p in located if lo <= p.span.start < hi]
        iso = min(near, key=lambda p: abs(p.span.start - m.span.start)).country if near else home
        state = countries.get(iso) if iso else None
        if state is None or not m.sector:
            continue
        if m.sector in STATE_SECTORS:
            out[k] = ActorMention(m.span, state.id, state.name, iso, m.sector, "state", False)
        else:
            out[k] = ActorMention(m.span, f"ew:group:{m.sector.lower()}-{iso.lower()}",
                                  _group_name(m.sector, state.name), iso, m.sector, "group", False)
    return tuple(out)


def unnamed_actor(catalogue: Catalogue, span: Span, iso: str, sector: str) -> Optional[ActorMention]:
    """The actor an event implies but the text does not name: the ``sector`` group of country
    ``iso`` ("Unidentified armed group (Iraq)"), or that state's organ for a state sector; the
    ``span`` is the text that implies it.  None for a country the catalogue lacks."""
    state = _country_entries(catalogue).get(iso)
    if state is None or sector not in SECTORS:
        return None
    if sector in STATE_SECTORS:
        return ActorMention(span, state.id, state.name, iso, sector, "state", False)
    return ActorMention(span, f"ew:group:{sector.lower()}-{iso.lower()}", _group_name(sector, state.name),
                        iso, sector, "group", False)
