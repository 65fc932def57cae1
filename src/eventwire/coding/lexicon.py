"""The event lexicon: trigger words as data, compiled into lemma lookups.

The packaged ``data/events/lexicon.toml`` is read first; user files given to
:func:`load_lexicon` are layered on top (their triggers are added after the packaged
ones, so a user entry for the same word wins; their governor lists and tables are
merged in).  CAMEO codes come from ``data/events/cameo_plover.csv``, derived from
PLOVER's CAMEO2PLOVER-2021 crosswalk (CC BY-SA 4.0, openeventdata/PLOVER).
"""
from __future__ import annotations

import csv
import functools
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Optional

from ..errors import ConfigError

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "REJECT", "ACCUSE", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# PLOVER: these types need a recipient to be complete (used by the confidence score).
NEEDS_RECIPIENT = frozenset({"COOPERATE", "AID", "SANCTION", "ACCUSE", "ASSAULT", "COERCE"})


@dataclass(frozen=True)
class Entry:
    """One trigger sense: the labels a matching word gives an event."""

    key: str
    pos: str  # "verb" | "noun"
    words: tuple[str, ...]  # noun phrase words (lower-case), or (lemma,) for a verb
    type: str
    mode: Optional[str] = None
    contexts: tuple[str, ...] = ()
    acled: Optional[tuple[str, str]] = None
    acled_state: Optional[tuple[str, str]] = None
    acled_nonstate: Optional[tuple[str, str]] = None
    acled_civilian: Optional[tuple[str, str]] = None
    acled_armed: Optional[tuple[str, str]] = None
    cameo: Optional[str] = None
    particle: Optional[str] = None
    particle_forbid: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    not_objects: tuple[str, ...] = ()
    recipient_preps: tuple[str, ...] = ()
    contexts_from_complement: bool = False
    needs_complement: bool = False
    specificity: float = 0.6
    order: int = 0
    requires_child: tuple[str, ...] = ()  # the verb needs a child word ("clear X of Y", "hold X responsible")
    object_is_theme: bool = False  # the direct object is what is moved/given, never a recipient
    future_only: bool = False  # a threat: code only when stated as future ("will respond")
    two_sided: bool = False  # both sides of the fighting are actors ("repelled an RSF assault")
    nonstate: Optional[tuple[str, Optional[str]]] = None  # (type, mode) when the doer is no state ("militants raided")
    people: Optional[tuple[str, Optional[str]]] = None  # (type, mode) when unarmed people do it ("workers staged a strike")


@dataclass(frozen=True)
class Lexicon:
    """Compiled lexicon: verb lemma -> entries, noun head -> entries, governor classes."""

    verbs: dict[str, tuple[Entry, ...]]
    nouns: dict[str, tuple[Entry, ...]]  # keyed by the phrase's last word
    governors: dict[str, frozenset[str]]
    inflections: dict[str, str]
    context_modifiers: dict[str, str]
    civilians: frozenset[str]
    civilian_sites: frozenset[str] = frozenset()  # places whose attack targets civilians ("a market")
    instruments: dict[str, tuple[str, Optional[tuple[str, str]]]] = field(default_factory=dict)
    request_modes: dict[str, str] = field(default_factory=dict)
    agents: frozenset[str] = frozenset()  # head nouns that name a doer ("the president", "both sides")
    groups: frozenset[str] = frozenset()  # group heads resolved through "of"/"from" ("delegations from Egypt")
    frames: frozenset[str] = frozenset()  # nouns a trigger noun modifies ("mediation effort", "aid programme")
    containers: frozenset[str] = frozenset()  # quantity nouns over an event ("days of talks", "a wave of arrests")
    # PLOVER type -> the sector of the doer an event of that type has when the text names none
    unnamed_doers: dict[str, str] = field(default_factory=dict)
    # PLOVER types whose target may be a place: "bombed Gaza City", "visit Beijing" -> its state
    place_targets: frozenset[str] = frozenset()
    # "state"/"people" -> PLOVER type -> sector of the target at home of a domestic event
    domestic_targets: dict[str, dict[str, str]] = field(default_factory=dict)
    crosswalk: tuple[tuple[str, str, str, frozenset[str]], ...] = field(repr=False, default=())

    def governs(self, cls: str, lemma: str) -> bool:
        """Whether ``lemma`` belongs to governor class ``cls`` (negate, future, ...)."""
        return lemma in self.governors.get(cls, ())

    def cameo_for(self, type_: str, mode: Optional[str], contexts: Iterable[str]) -> Optional[str]:
        """The CAMEO code whose PLOVER mapping best matches type, mode and contexts."""
        return _cameo(self.crosswalk, type_, mode or "", frozenset(contexts))


@functools.lru_cache(maxsize=256)
def _cameo(crosswalk, type_: str, mode: str, contexts: frozenset[str]) -> Optional[str]:
    best, best_key = None, None
    for code, plover, row_mode, row_ctx in crosswalk:
        if plover != type_:
            continue
        score = 0.0
        if row_mode:
            score += 2 if row_mode == mode else -1
        score += len(row_ctx & contexts) - 0.5 * len(row_ctx - contexts)
        key = (score, -len(code), -int(code))
        if best_key is None or key > best_key:
            best, best_key = code, key
    return best


def _package_file(name: str) -> str:
    return resources.files("eventwire").joinpath("data", "events", name).read_text(encoding="utf-8")


def _crosswalk() -> tuple[tuple[str, str, str, frozenset[str]], ...]:
    lines = [line for line in _package_file("cameo_plover.csv").splitlines() if not line.startswith("#")]
    rows = []
    for row in csv.DictReader(lines):
        ctx = frozenset(c for c in row["contexts"].split(";") if c)
        rows.append((row["cameo"], row["plover"], row["mode"], ctx))
    return tuple(rows)


def _pair(value) -> Optional[tuple[str, str]]:
    if not value:
        return None
    if not (isinstance(value, list) and len(value) == 2):
        raise ConfigError(f"an ACLED label must be [event_type, sub_event_type], got {value!r}")
    return (str(value[0]), str(value[1]))


def _switch(raw: dict, who: str) -> Optional[tuple[str, Optional[str]]]:
    """(type, mode) of a ``type_<who>``/``mode_<who>`` pair: the labels when the doer is no
    state (``nonstate``) or a group of unarmed people (``people``)."""
    if not raw.get(f"type_{who}"):
        return None
    other = str(raw[f"type_{who}"]).upper()
    if other not in PLOVER_TYPES:
        raise ConfigError(f"lexicon trigger {raw.get('verbs') or raw.get('nouns')}: "
                          f"type_{who} {other!r} is not a PLOVER event type")
    return (other, raw.get(f"mode_{who}") or None)


def _entries(raw: dict, order: int) -> list[Entry]:
    type_ = str(raw.get("type", "")).upper()
    if type_ not in PLOVER_TYPES:
        raise ConfigError(f"lexicon trigger {raw.get('verbs') or raw.get('nouns')}: "
                          f"type {type_!r} is not a PLOVER event type ({', '.join(PLOVER_TYPES)})")
    nonstate, people = _switch(raw, "nonstate"), _switch(raw, "people")
    common = dict(
        type=type_, mode=raw.get("mode") or None, contexts=tuple(raw.get("contexts", ())),
        acled=_pair(raw.get("acled")), acled_state=_pair(raw.get("acled_state")),
        acled_nonstate=_pair(raw.get("acled_nonstate")), acled_civilian=_pair(raw.get("acled_civilian")),
        acled_armed=_pair(raw.get("acled_armed")), cameo=raw.get("cameo"),
        particle_forbid=tuple(raw.get("particle_forbid", ())),
        recipient_preps=tuple(raw.get("recipient_preps", ())),
        contexts_from_complement=bool(raw.get("contexts_from_complement", False)),
        needs_complement=bool(raw.get("needs_complement", False)),
        specificity=float(raw.get("specificity", 0.6)), order=order,
        requires_child=tuple(w.lower() for w in raw.get("requires_child", ())),
        object_is_theme=bool(raw.get("object_is_theme", False)),
        future_only=bool(raw.get("future_only", False)),
        two_sided=bool(raw.get("two_sided", False)), nonstate=nonstate, people=people,
    )
    out = []
    objects_for = raw.get("objects_for", {})
    not_objects_for = raw.get("not_objects_for", {})
    for verb in raw.get("verbs", ()):
        lemma, _, particle = verb.partition("_")
        lemma = lemma.lower()
        out.append(Entry(
            key=verb, pos="verb", words=(lemma,), particle=particle or raw.get("particle"),
            objects=tuple(objects_for.get(lemma, raw.get("objects", ()))),
            not_objects=tuple(not_objects_for.get(lemma, raw.get("not_objects", ()))), **common))
    for noun in raw.get("nouns", ()):
        words = tuple(noun.lower().replace("-", " - ").split())
        out.append(Entry(key=noun, pos="noun", words=words, **common))
    return out


def _merge(base: dict, extra: dict) -> None:
    for key, value in extra.items():
        if key == "trigger":
            base.setdefault("trigger", []).extend(value)
        elif isinstance(value, dict):
            target = base.setdefault(key, {})
            for sub, subvalue in value.items():
                if isinstance(subvalue, list) and isinstance(target.get(sub), list):
                    target[sub] = target[sub] + subvalue
                else:
                    target[sub] = subvalue
        else:
            base[key] = value


@functools.lru_cache(maxsize=8)
def _load(extra_files: tuple[str, ...]) -> Lexicon:
    data = tomllib.loads(_package_file("lexicon.toml"))
    for path in extra_files:
        try:
            with Path(path).open("rb") as fh:
                _merge(data, tomllib.load(fh))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read event lexicon {path}: {exc}") from None
    verbs: dict[str, list[Entry]] = {}
    nouns: dict[str, list[Entry]] = {}
    for order, raw in enumerate(data.get("trigger", ())):
        for entry in _entries(raw, order):
            table = verbs if entry.pos == "verb" else nouns
            table.setdefault(entry.words[-1], []).append(entry)
    for table in (nouns,):
        for key, items in table.items():  # longest phrase first
            items.sort(key=lambda e: -len(e.words))
    governors = {k: frozenset(v) for k, v in data.get("governors", {}).items()}
    return Lexicon(
        verbs={k: tuple(v) for k, v in verbs.items()},
        nouns={k: tuple(v) for k, v in nouns.items()},
        governors=governors,
        inflections=dict(data.get("inflections", {})),
        context_modifiers=dict(data.get("context_modifiers", {})),
        civilians=frozenset(data.get("victims", {}).get("civilian", ())),
        civilian_sites=frozenset(data.get("victims", {}).get("civilian_sites", ())),
        instruments={k: (str(v[0]), _pair(list(v[1:3])) if len(v) == 3 else None)
                     for k, v in data.get("instruments", {}).items()},
        request_modes={w: mode for mode, words in data.get("request_modes", {}).items() for w in words},
        agents=frozenset(data.get("nominals", {}).get("agents", ())),
        groups=frozenset(data.get("nominals", {}).get("groups", ())),
        frames=frozenset(data.get("nominals", {}).get("frames", ())),
        containers=frozenset(data.get("nominals", {}).get("containers", ())),
        unnamed_doers={str(k): str(v) for k, v in data.get("unnamed_doers", {}).items()},
        place_targets=frozenset(data.get("place_targets", {}).get("types", ())),
        domestic_targets={side: {str(k): str(v) for k, v in table.items()}
                          for side, table in data.get("domestic_targets", {}).items()},
        crosswalk=_crosswalk(),
    )


def load_lexicon(extra_files: Iterable[str] = ()) -> Lexicon:
    """The packaged lexicon with user files layered on top; cached per process."""
    return _load(tuple(str(p) for p in extra_files))
