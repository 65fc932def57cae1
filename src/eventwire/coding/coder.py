"""Event coding: triggers from the lexicon, arguments from the parse, records out.

Reads the parsed ``Doc`` and the ``Analysis`` (actors, places, times, quotes,
sections); writes ``Event`` records.  One pass finds triggers (verb lemmas, noun
phrases, light-verb objects); each becomes an event when at least one argument,
a location or a count anchors it.  Complements of "refuse to", "accuse of",
"threaten to" are handled by the governing verb (see :mod:`.modality`).
"""
from __future__ import annotations

import datetime as _dt
import hashlib
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Callable, Iterable, Optional

from ..records import AcledLabel, ActorMention, Analysis, Event, EventDate, Place, Span, TimeExpr
from . import arguments as args
from .counts import find_counts
from .lexicon import NEEDS_RECIPIENT, Entry, Lexicon
from .modality import alleged, governor, modality

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

VERBAL = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "REJECT", "ACCUSE", "THREATEN"})
# Types whose implicit agent, in a passive inside a reported statement, is the speaker's
# side: "Russia would be invited to bomb IS", said by Iraqi officials -> Iraq invites.
SPEAKER_AGENT_TYPES = frozenset({"REQUEST", "COOPERATE", "AGREE", "AID", "SUPPORT", "CONCEDE", "REJECT"})
# Types whose location may come from the clause or sentence, not only a locative phrase.
LOCATED_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT"})
_CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "parataxis", "csubj", "acl", "conj"}
_CLAUSE_CUT = {"ccomp", "advcl", "relcl", "parataxis", "csubj"}
_LOC_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout", "around", "within",
              "into", "on", "over", "outside", "of", "from", "towards", "toward", "along"}
_VERB_RECIPIENT_PREPS = ("against", "on", "at", "with", "to", "upon")
_NOUN_RECIPIENT_PREPS = ("on", "against", "with", "to", "for", "upon", "into")
_NOUN_ACTOR_PREPS = ("by", "between", "among", "from")
_STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "LEG", "JUD", "PTY"}
_HISTORICAL_DAYS = 183
# "declined to comment / to be named": no political refusal
_NO_COMMENT = frozenset({"comment", "name", "identify", "elaborate", "say", "speak", "confirm", "disclose",
                         "give", "answer", "reveal", "respond", "discuss", "specify", "provide", "detail"})
# where an ASSAULT's victims are protesters, or its doers a crowd, ACLED codes a protest or riot
_PROTESTERS = frozenset({"protester", "protestor", "demonstrator", "marcher", "rioter", "sit-in", "rally", "march",
                         "demonstration", "protest", "striker"})
_MOB = frozenset({"mob", "crowd", "vigilante", "villager", "youth", "lyncher", "resident", "mourner"})


@dataclass
class _Trigger:
    head: "Token"
    start: int  # token index of the first trigger word
    entry: Entry
    end: int = -1  # token index of the last trigger word when it is not the head ("days of war games")


@dataclass
class _Candidate:
    trigger: _Trigger
    clause_verb: Optional["Token"]
    actors: list[ActorMention] = field(default_factory=list)
    recipients: list[ActorMention] = field(default_factory=list)
    recipient_heads: list["Token"] = field(default_factory=list)
    modality: str = "asserted"
    light: bool = False
    anchored: bool = False
    contexts: tuple[str, ...] = ()
    entry: Optional[Entry] = None  # labels (may differ from the trigger's after merging)
    rescued: bool = False  # coded as its sentence's only event though unanchored (see code_events)


# ------------------------------------------------------------------ triggers

def _lemma(token: "Token", lexicon: Lexicon) -> str:
    lemma = token.lemma_.lower()
    if lemma == token.lower_ and lemma in lexicon.inflections:
        return lexicon.inflections[lemma]
    return lexicon.inflections.get(token.lower_, lemma)


def _verb_entry(token: "Token", lexicon: Lexicon) -> Optional[Entry]:
    entries = None
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_:
        # hyphenated verbs the tokenizer splits: "test-fired" -> "test-fire"
        entries = lexicon.verbs.get(f"{doc[token.i - 2].lower_}-{_lemma(token, lexicon)}")
    entries = entries or lexicon.verbs.get(_lemma(token, lexicon))
    if not entries:
        return None
    # "pulled out of the town": the small model often parses the particle as a preposition
    particles = {c.lower_ for c in token.children
                 if c.dep_ == "prt" or (c.dep_ in ("prep", "advmod") and c.i == token.i + 1 and c.lower_ in _PARTICLES)}
    # (a sentence-initial noun the parser takes for a verb is a "csubjpass": "Aid to X was suspended")
    objs = {c.lemma_.lower() for c in token.children if c.dep_ in ("dobj", "nsubjpass", "csubjpass")}
    objs |= {g.lemma_.lower() for g in _partitive_objects(token)}
    # "crimes committed by X": the noun a participle modifies is its object, but only to rule
    # a sense out (not_objects), since it is often the event's theme rather than its patient
    ruled = objs | ({token.head.lemma_.lower()} if token.dep_ == "acl" and token.tag_ == "VBN" else set())
    best, best_rank = None, -1
    for entry in entries:
        if entry.particle and entry.particle not in particles:
            continue
        if particles & set(entry.particle_forbid):
            continue
        if entry.objects and not (objs & set(entry.objects)) \
                and not ("@person" in entry.objects and _person_object(token)):
            continue
        if ruled & set(entry.not_objects):
            continue
        if entry.requires_child and not _has_child_word(token, entry.requires_child):
            continue
        rank = 2 if (entry.particle or entry.objects) else 1
        if rank >= best_rank:
            best, best_rank = entry, rank
    return best


# heads that make an event noun before them a description of people ("riot police")
_WHO_HEADS = frozenset({"police", "policeman", "officer", "leader", "organiser", "organizer", "veteran"})
_PARTICLES = frozenset({"out", "off", "up", "down", "back", "over", "away", "in"})
_PARTITIVE = frozenset({"part", "most", "some", "all", "portion", "share", "much", "half", "rest", "bulk",
                        "thousand", "hundred", "dozen", "million", "number", "contingent", "battalion", "unit"})


def _partitive_objects(verb: "Token") -> list["Token"]:
    """The real object behind a partitive one ("suspended part of the aid programme"), and the
    head noun a trigger noun modifies ("ended mediation efforts" -> mediation)."""
    out = []
    for c in verb.children:
        if c.dep_ not in ("dobj", "nsubjpass"):
            continue
        out.extend(g for g in c.children if g.dep_ == "compound")
        if c.lemma_.lower() in _PARTITIVE:
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ == "of":
                    for o in p.children:
                        if o.dep_ == "pobj":
                            out.append(o)
                            out.extend(g for g in o.children if g.dep_ == "compound")
    return out


def _person_object(token: "Token") -> bool:
    """Whether the verb's direct object names a person ("release Prime Minister Chaudhry")."""
    return any(c.dep_ in ("dobj", "nsubjpass") and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN")
               for c in token.children)


def _has_child_word(token: "Token", words) -> bool:
    """Whether a child or grandchild of ``token`` is one of ``words`` ("cleared it of", "held X responsible")."""
    for child in token.children:
        if child.lower_ in words:
            return True
        if child.dep_ in ("ccomp", "advcl", "relcl", "conj"):
            continue
        for grand in child.children:
            if grand.lower_ in words:
                return True
            # "walked out of the talks": a preposition chained on the particle
            if grand.dep_ == "prep" and any(g.dep_ == "pobj" and g.lower_ in words for g in grand.children):
                return True
    return False


def _noun_entry(token: "Token", lexicon: Lexicon) -> Optional[tuple[int, Entry]]:
    keys = {token.lower_, token.lemma_.lower(), lexicon.inflections.get(token.lower_, "")}
    doc = token.doc
    for key in keys:
        for entry in lexicon.nouns.get(key, ()):
            n = len(entry.words)
            start = token.i - n + 1
            if start < 0:
                continue
            ok = all(doc[start + k].lower_ == w or doc[start + k].lemma_.lower() == w
                     for k, w in enumerate(entry.words[:-1]))
            if ok:
                return start, entry
    return None


def find_triggers(doc: "Doc", lexicon: Lexicon) -> list[_Trigger]:
    """Every token that a lexicon entry names, with the entry; longest noun phrase wins."""
    found: list[_Trigger] = []
    for token in doc:
        pos = token.pos_
        if pos == "VERB":
            entry = _verb_entry(token, lexicon)
            if entry is not None:
                found.append(_Trigger(token, token.i, entry))
                continue
        if pos in ("NOUN", "PROPN", "VERB") and (pos != "PROPN" or token.lower_ == token.text or token.is_upper):
            if pos == "VERB" and (token.tag_ != "VBG" or token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos")):
                continue
            hit = _noun_entry(token, lexicon)
            if hit is not None and token.dep_ == "compound" and token.head.i > token.i \
                    and _lemma(token.head, lexicon) in _WHO_HEADS:
                continue  # "riot police", "protest leaders": the noun names who, not what happened
            if hit is not None:
                head, start, end = token, hit[0], -1
                # "a mediation effort", "the aid programme": the frame noun carries the arguments
                if token.dep_ == "compound" and token.head.pos_ == "NOUN" and token.head.i == token.i + 1 \
                        and token.head.lemma_.lower() in lexicon.frames:
                    head = token.head
                # "launched ten days of war games", "a wave of arrests": the quantity noun stands
                # in the clause for the event it measures
                container = _container(token, lexicon)
                if container is not None:
                    head, start, end = container, container.i, token.i
                elif "of" in hit[1].words and token.dep_ == "pobj" and doc[start] in token.ancestors:
                    # "a state of emergency", "an exchange of fire": the first noun heads the phrase
                    head, end = doc[start], token.i
                found.append(_Trigger(head, start, hit[1], end))
    # drop triggers whose head sits inside another trigger's phrase
    inside = {i for t in found for i in range(t.start, t.head.i)}
    return [t for t in found if t.head.i not in inside]


def _container(token: "Token", lexicon: Lexicon) -> Optional["Token"]:
    """The quantity noun whose "of" phrase ``token`` is ("days of talks", "a series of bombs")."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == prep.i:
        return None
    holder = prep.head
    if holder.pos_ == "NOUN" and holder.lemma_.lower() in lexicon.containers and holder.i < token.i:
        return holder
    return None


# ------------------------------------------------------------------ arguments

def _clause_verb(token: "Token") -> Optional["Token"]:
    """The verb of the clause a (noun) trigger sits in."""
    current, seen = token, 0
    while seen < 12:
        seen += 1
        if current.pos_ in ("VERB", "AUX") and current.i != token.i:
            return current
        if current.head.i == current.i:
            return current if current.pos_ in ("VERB", "AUX") else None
        current = current.head
    return None


def _clause_top(verb: "Token") -> "Token":
    """Climb through complements ("began carrying out") to the top of the clause."""
    current, seen = verb, 0
    while seen < 8 and current.dep_ in ("xcomp", "pcomp", "prep", "pobj", "dobj", "aux") and current.head.i != current.i:
        seen += 1
        current = current.head
    return current


def _clause_tokens(top: "Token") -> list["Token"]:
    out, stack = [], [top]
    while stack:
        token = stack.pop()
        out.append(token)
        for child in token.children:
            if child.dep_ in _CLAUSE_CUT or (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")):
                continue
            stack.append(child)
    return out


def _mentions(tokens, table: args.Mentions, exclude=frozenset()) -> list[ActorMention]:
    out: list[ActorMention] = []
    for token in tokens:
        for mention in table.of_phrase(token, exclude):
            if mention not in out:
                out.append(mention)
    return out


def _light_verb(noun: "Token", lexicon: Lexicon) -> Optional["Token"]:
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX"):
        verb = noun.head
        lemma = _lemma(verb, lexicon)
        if lexicon.governs("light", lemma) or lexicon.governs("aspect", lemma):
            return verb
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ == "for" \
            and noun.head.head.lemma_.lower() in ("call", "appeal", "push", "press"):
        return noun.head.head
    # "participated in the protest", "took part in a rally"
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ == "in":
        holder = noun.head.head
        if holder.pos_ in ("VERB", "AUX") and lexicon.governs("participate", _lemma(holder, lexicon)):
            return holder
        if holder.lower_ == "part" and holder.head.pos_ in ("VERB", "AUX"):
            return holder.head
    # "put under investigation", "brought to trial", "came under attack"
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in ("under", "on", "to", "into") \
            and noun.head.head.pos_ in ("VERB", "AUX") \
            and (lexicon.governs("light_prep", _lemma(noun.head.head, lexicon))
                 or lexicon.governs("undergo", _lemma(noun.head.head, lexicon))):
        if noun.head.lower_ != "under" and _lemma(noun.head.head, lexicon) in _UNDER_ONLY:
            return None  # "were on strike" is striking; "were under investigation" undergoing it
        return noun.head.head
    return None


# undergo verbs that take their event noun only after "under" ("is under investigation")
_UNDER_ONLY = frozenset({"be", "remain", "stay"})


def _fallback_recipient(trigger: "Token", table: args.Mentions, taken) -> list[ActorMention]:
    # small-model misparses ("bomb IS" with IS read as a verb): the mention right after
    doc = trigger.doc
    i = trigger.i + 1
    while i < len(doc) and i <= trigger.i + 3 and doc[i].pos_ in ("DET", "ADJ", "PART"):
        i += 1
    if i < len(doc) and i <= trigger.i + 3:
        for mention in table.covering(doc[i])[:1]:
            if mention not in taken:
                return [mention]
    return []


_PERSONAL = {"he", "she", "him", "her"}


# dependency relations whose subtrees hold no recipient of the governing event: its doer, and
# clauses, appositions and quotes with a doer of their own
_NOT_RECIPIENT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent", "appos", "parataxis", "relcl",
                                 "mark", "punct", "cc", "aux", "auxpass", "neg"})
_OWN_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "conj"})


def _inferred_actor(cand: _Candidate, table: args.Mentions, recipient_ids: set[str]) -> list[ActorMention]:
    """The last resort for an event whose parse gave no doer: the subject of a clause above
    the trigger ("the army said its units would begin shelling" -> the army), else (not for
    violence or protest) the first actor named before the trigger in its sentence, as event
    coders take a sentence's subject for its source.  Never a recipient or a news outlet; for
    material acts never a speaker, who reports them rather than does them.  Such an actor
    costs confidence."""
    head = cand.trigger.head
    node = cand.clause_verb or head
    # a noun with no light verb ("police broke up a march"): whoever governs it is not its doer
    steps = 0 if cand.trigger.entry.pos == "noun" and not cand.light else 4
    if args.is_passive(node):
        steps = 0  # "X has been put under investigation, the agency reported": the doer is untold
    for _ in range(steps):
        # up through clauses and "after/by doing" phrases, never from a noun's modifier to
        # the noun's governor ("officers moved to break up a march by students demonstrating")
        if node.head.i == node.i or node.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "pcomp", "prep", "aux"):
            break
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue
        if node.lemma_.lower() in _SPEECH and cand.entry.type not in VERBAL:
            break
        for child in node.children:
            if child.dep_ == "nsubj":
                found = [m for t in args.coordinated(child) for m in table.of_phrase(t)
                         if m.id not in recipient_ids and m.kind != "media"]
                if found:
                    return found[:1]
    if cand.entry.type in ("ASSAULT", "COERCE", "PROTEST"):
        # violence and protest: the party named first is as often who suffers or breaks it up
        # ("police broke up a march"); an attack with no named doer is an unidentified group's
        return []
    sent = head.sent
    # the patient of a passive ("a US national has been put under investigation") does nothing
    for tok in head.doc[sent.start: cand.trigger.start]:
        for m in table.covering(tok)[:1]:
            if m.id not in recipient_ids and m.kind != "media" and tok.dep_ in ("nsubj", "poss", "compound", "amod") \
                    and not (tok.dep_ != "nsubj" and tok.head.dep_ == "nsubjpass"):
                return [m]
    return []


# types a sentence's only event word is coded for even when unanchored (every type)
_RESCUE_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST",
                           "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})


def _first_party(cand: _Candidate, table: args.Mentions, recipient_ids: set[str]) -> list[ActorMention]:
    """The doer of a rescued event: the first actor of its sentence that is a subject or an
    owner ("Syria's ... withdrawal"), never a recipient, a news outlet or a reporting subject."""
    head = cand.trigger.head
    doc = head.doc
    seen: set[int] = set()
    for tok in head.sent:
        for m in table.covering(tok)[:1]:
            if m.span.start in seen:
                continue
            seen.add(m.span.start)
            span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
            root = span.root if span is not None else tok
            if root.dep_ not in ("nsubj", "poss", "compound", "amod") or (
                    root.dep_ == "nsubj" and root.head.lemma_.lower() in _SPEECH and cand.entry.type not in VERBAL):
                continue
            if m.id not in recipient_ids and m.kind != "media":
                return [m]
    return []


_ASIDE = frozenset({"despite", "although", "though", "because", "unlike", "than", "whereas", "while"})


def _following_party(cand: _Candidate, table: args.Mentions, actor_ids: set[str]) -> list[ActorMention]:
    """The first actor named after the trigger in its sentence, as event coders take the
    party a verb is followed by for its target; never a news outlet or the subject of a
    speech verb (who reports the event), and not past a semicolon or a quote."""
    head = cand.trigger.head
    doc = head.doc
    end = head.sent.end
    # concessive, causal and comparative adjuncts name other parties ("... despite the fact
    # Daesh militants use them", "because Iran ...", "unlike Turkey")
    aside = {t.i for tok in head.sent if tok.lower_ in _ASIDE and tok.dep_ in ("prep", "mark")
             for t in (tok.head.subtree if tok.dep_ == "mark" else tok.subtree)}
    themes = _theme_starts(cand, table)
    # the reporter of a trailing frame ("..., the UN said"): its whole subject phrase
    reporters = {t.i for tok in head.sent if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _SPEECH
                 and tok.i > head.i for t in tok.subtree}
    for i in range(max(cand.trigger.end, head.i) + 1, end):
        tok = doc[i]
        if tok.text in (";", '"', "“", "”") or i in reporters:
            break
        if i in aside:
            continue
        for m in table.covering(tok)[:1]:
            if m.id not in actor_ids and m.kind != "media" and m.span.start not in themes:
                return [m]
    return []


def _hits_civilian_site(cand: _Candidate, lexicon: Lexicon) -> bool:
    """Whether an act is aimed at a place of civilian life: its object, or the object of its
    "at", "into", "on", "in" or "outside" ("a grenade into a bar", "plundered hospitals")."""
    head = cand.trigger.head
    targets = [t for c in head.children if c.dep_ == "dobj" for t in args.coordinated(c)]
    targets += args.prep_objects(head, ("at", "into", "on", "in", "outside", "inside"))
    targets += [p for t in list(targets) for p in args.prep_objects(t, ("at", "into", "on", "in", "outside"))]
    return any(t.lemma_.lower() in lexicon.civilian_sites for t in targets)


def _theme_starts(cand: _Candidate, table: args.Mentions) -> set[int]:
    """Where the mentions of what a move or gift moves begin ("stationed more troops"): the
    direct object of a MOBILIZE, RETREAT or AID trigger is never its recipient."""
    if cand.entry.type not in _THEME_OBJECT_TYPES:
        return set()
    return {m.span.start for c in cand.trigger.head.children if c.dep_ == "dobj" for m in table.covering(c)}


def _near_recipient(cand: _Candidate, table: args.Mentions, actor_ids: set[str]) -> list[ActorMention]:
    """The last resort for an event whose parse gave no recipient: the actor mention nearest
    the trigger in its own phrase and clause (objects, prepositional phrases, their owners),
    never its doer's phrase, a clause with a doer of its own, or a news outlet.  "held their
    first meeting with President Obama", "hack into the computers of South Korean officers"."""
    head = cand.trigger.head
    roots = [head]
    if cand.clause_verb is not None and cand.clause_verb.i != head.i:
        roots.append(cand.clause_verb)
    seen = {t.i for t in roots}
    themes = _theme_starts(cand, table)
    frontier = list(roots)
    for _ in range(4):  # at most four dependency steps down
        nxt = []
        for tok in frontier:
            for child in sorted(tok.children, key=lambda c: abs(c.i - head.i)):
                if child.i in seen or child.dep_ in _NOT_RECIPIENT_DEPS or child.lower_ in _ASIDE:
                    continue  # nor a concessive aside ("despite Israel's wish")
                if child.dep_ in _OWN_CLAUSE_DEPS and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                    continue
                seen.add(child.i)
                for m in table.covering(child)[:1]:
                    if m.id not in actor_ids and m.kind != "media" and m.span.start not in themes:
                        return [m]
                nxt.append(child)
        frontier = nxt
    return []


def _pronoun_actor(subj_tokens, table: args.Mentions) -> list[ActorMention]:
    """'he'/'she' left unresolved: the nearest person named before it in this or the last sentence."""
    for tok in subj_tokens:
        if tok.lower_ not in _PERSONAL or table.covering(tok):
            continue
        sent = tok.sent
        first = sent.start
        if first > 0:
            first = tok.doc[first - 1].sent.start
        for i in range(tok.i - 1, first - 1, -1):
            persons = [m for m in table.by_token.get(i, ()) if m.kind == "person"]
            if persons:
                return persons[:1]
    return []


def _of_objects(obj_tokens, table: args.Mentions) -> list["Token"]:
    """"froze the assets of three commanders": the owner behind an object naming no actor."""
    out = []
    for tok in obj_tokens:
        if tok.pos_ in ("NOUN",) and not table.of_phrase(tok):
            # "the assets of three commanders", "a camp for Congolese refugees"
            for t in args.prep_objects(tok, ("of", "for")):
                if t in obj_tokens:
                    continue
                # "the release of an aid worker held by Iran": who holds them comes first
                out.extend(a for c in t.children if c.dep_ == "acl" and c.tag_ == "VBN" for a in args.agent(c))
                out.append(t)
    return out


# the addressee of a demand, threat or accusation is the subject of its content clause
# ("demanded that the US cancel", "warned that Iran would pay")
_CLAUSE_ADDRESSEE = frozenset({"REQUEST", "THREATEN", "ACCUSE", "REJECT"})


def _deep_recipients(verb, preps: tuple[str, ...], type_: str) -> list:
    """Recipients one step down the tree when the verb has none of its own: the subject of a
    demand's content clause, or a recipient preposition on the verb's object or infinitival
    complement ("promised military aid to Mozambique", "offered to hand them over to Britain")."""
    out = []
    for child in verb.children:
        if child.dep_ == "ccomp" and type_ in _CLAUSE_ADDRESSEE:
            for sub in child.children:
                if sub.dep_ in ("nsubj", "nsubjpass"):
                    out.extend(args.coordinated(sub))
        elif child.dep_ == "dobj":
            out.extend(args.prep_objects(child, preps))
            if type_ in ("REQUEST", "REJECT"):  # "demanded an admission by Moscow"
                out.extend(args.prep_objects(child, ("by", "from")))
        elif child.dep_ == "xcomp" or (child.dep_ == "advcl" and _purpose(child)):
            # "threatened to ban X", "opened the bridge to allow deliveries to Afghanistan"
            out.extend(args.prep_objects(child, preps))
            for grand in child.children:
                if grand.dep_ == "dobj":
                    out.extend(args.prep_objects(grand, preps))
                    if type_ in _CLAUSE_ADDRESSEE:  # "threatened to ban opposition candidates"
                        out.extend(args.coordinated(grand))
            if type_ in ("THREATEN", "REQUEST"):
                out.extend(_condition_subjects(child))
    if type_ == "THREATEN":  # "threatened ... unless Baghdad accepted"
        out.extend(_condition_subjects(verb))
    if not out:
        out.extend(_purpose_enemies(verb, type_))
    return out


def _purpose_enemies(verb, type_: str) -> list:
    """"mobilized reservists for a possible war against Iraq": the enemy of the purpose noun."""
    if type_ not in ("MOBILIZE", "THREATEN", "AID", "COOPERATE"):
        return []
    out = []
    holders = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
    for purpose in [p for h in holders for p in args.prep_objects(h, ("for",))]:
        out.extend(args.prep_objects(purpose, ("against", "on", "with")))
    return out


# types whose recipient may be the owner or doer of what the trigger noun is about
_CONTENT_TYPES = frozenset({"ACCUSE", "REQUEST", "REJECT", "SANCTION", "COERCE", "PROTEST"})
# prepositions whose objects name whose a demanded or contested thing is ("the resignation of
# X", "reforms by X's government", "independence from Iraq", "a referendum on independence")
_CONTENT_PREPS = ("of", "by", "from", "on", "against", "to", "with")
# the verbs of a protest's stated aim ("to demand", "calling for", "in protest of")
_AIM_NOUNS = frozenset({"protest", "response", "opposition", "defiance"})  # not "in support of X"


def _content_holders(token, depth: int = 0) -> list:
    """Tokens naming whose a demanded thing is: its possessor, the objects of its content
    prepositions, the agent of a participle on it ("property seized by the army"), one noun
    further down ("demands for freedom from X")."""
    out = []
    for child in token.children:
        if child.dep_ == "poss":
            out.append(child)
        elif child.dep_ in ("prep", "agent") and child.lower_ in _CONTENT_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out.extend(args.coordinated(pobj))
                    if depth < 1:
                        out.extend(_content_holders(pobj, depth + 1))
        elif child.dep_ == "acl" and child.tag_ == "VBN":
            out.extend(args.agent(child))
        elif child.dep_ == "prep" and child.lower_ == "for" and depth < 1:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out.extend(_content_holders(pobj, depth + 1))
    return out


def _aim_recipients(head) -> list:
    """Whom a protest addresses, from its stated aim: the object of "to demand"/"calling for"
    and whose it is ("to demand the resignation of X", "calling for independence from Iraq"),
    or the complement of "in protest of/against" ("in protest of the government's refusal")."""
    out = []
    for child in head.children:
        if child.dep_ in ("advcl", "xcomp", "acl") and child.pos_ in ("VERB", "AUX"):
            for obj in child.children:
                if obj.dep_ == "dobj":
                    out.extend(_content_holders(obj))
                elif obj.dep_ == "prep" and obj.lower_ in ("for", "against", "on"):
                    for pobj in obj.children:
                        if pobj.dep_ == "pobj":
                            out.extend(args.coordinated(pobj) if obj.lower_ != "for" else [])
                            out.extend(_content_holders(pobj))
        elif child.dep_ == "prep" and child.lower_ in ("in", "against", "to", "at", "outside", "across"):
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                if child.lower_ != "against":
                    # "rallied in Belgrade against the government", "took to the streets against
                    # the reform": the parser hangs the aim on the place
                    for prep in pobj.children:
                        if prep.dep_ == "prep" and prep.lower_ == "against":
                            for target in prep.children:
                                if target.dep_ == "pobj":
                                    out.extend(args.coordinated(target))
                                    out.extend(_content_holders(target))
                if child.lower_ == "against":
                    out.extend(args.coordinated(pobj))
                    out.extend(_content_holders(pobj))
                elif pobj.lemma_.lower() in _AIM_NOUNS:
                    for prep in pobj.children:
                        if prep.dep_ == "prep" and prep.lower_ in ("of", "against", "at", "to"):
                            for target in prep.children:
                                if target.dep_ == "pobj":
                                    out.extend(args.coordinated(target))
                                    out.extend(_content_holders(target))
    return out


def _stative_passive(verb) -> bool:
    """"is committed to", "are opposed to": a participle with no agent that takes a "to"
    complement states the subject's stance, not something done to it."""
    return args.is_passive(verb) and not args.agent(verb) \
        and any((c.dep_ == "prep" and c.lower_ == "to") or c.dep_ == "xcomp" for c in verb.children)


def _purpose(clause) -> bool:
    """Whether an adverbial clause is a to-infinitive of purpose ("... to allow deliveries")."""
    return clause.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)


def _condition_subjects(verb) -> list:
    """Subjects of an "if"/"unless" clause on ``verb``: whom a threat's condition addresses."""
    out = []
    for child in verb.children:
        if child.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in child.children):
            out.extend(t for c in child.children if c.dep_ in ("nsubj", "nsubjpass") for t in args.coordinated(c))
    return out


# types whose direct object is what is moved or given, never whom it is done to
_THEME_OBJECT_TYPES = frozenset({"MOBILIZE", "RETREAT", "AID"})
# sectors of unarmed people: what they "strike" is work
_PEOPLE_SECTORS = frozenset({"CVL", "LAB", "EDU", "AGR", "REL", "SOC", "OPP", "PTY", "REF", "BUS", "MED", "JRN"})
# verb types whose object may be a deed or thing whose owner or doer is the recipient
_HOLDER_VERB_TYPES = frozenset({"ACCUSE", "REJECT", "PROTEST"})
# nominal types whose "of" phrase names what is acted on once the doer is named otherwise
_OF_THEME_TYPES = frozenset({"REJECT", "PROTEST", "SUPPORT", "REQUEST", "THREATEN", "CONCEDE", "AGREE"})
# light verbs whose subject is not the noun's doer ("Turkey hosted a visit of ...")
_HOST_VERBS = frozenset({"host", "receive", "welcome", "attend", "join", "convene"})


def _named_doer(head: "Token", verb: Optional["Token"], table: args.Mentions, lexicon: Lexicon) -> bool:
    """Whether a trigger noun's doer is named by its owner ("Ghana's rejection") or by the
    subject of its light verb ("Korean retailers launched a boycott")."""
    if any(c.dep_ == "poss" and table.covering(c) for c in head.children):
        return True
    if verb is None or head.dep_ != "dobj" or head.head.i != verb.i or _lemma(verb, lexicon) in _HOST_VERBS:
        return False
    return bool(_mentions(args.subject_tokens(verb, lexicon), table))


def _build(trig: _Trigger, table: args.Mentions, lexicon: Lexicon) -> Optional[_Candidate]:
    entry, head = trig.entry, trig.head
    phrase = frozenset(range(trig.start, head.i + 1))
    if entry.pos == "verb":
        verb = head
        if alleged(verb, lexicon):
            return None
        cand = _Candidate(trig, verb, entry=entry)
        preps = _VERB_RECIPIENT_PREPS + entry.recipient_preps
        subj_tokens = args.subject_tokens(verb, lexicon)
        cand.actors = _mentions(subj_tokens, table)
        if not cand.actors:
            cand.actors = _pronoun_actor(subj_tokens, table)
        if entry.object_is_theme:
            obj_tokens = args.prep_objects(verb, preps) + [c for c in verb.children if c.dep_ == "dative"]
        else:
            obj_tokens = args.object_tokens(verb, preps)
            obj_tokens += _of_objects(obj_tokens, table)
            if entry.type in _THEME_OBJECT_TYPES:
                # "stationed more troops in the Baltics": the forces moved are the doer's, not its target
                obj_tokens = [t for t in obj_tokens if not (t.dep_ == "dobj" and t.lemma_.lower() in _TROOPS)]
        if not cand.actors and entry.type in ("AGREE", "REJECT") and _stative_passive(verb):
            # "Vietnam is committed to opening up", "Greece is opposed to": a stance of the subject
            cand.actors = _mentions([t for c in verb.children if c.dep_ == "nsubjpass" for t in args.coordinated(c)], table)
            obj_tokens = [t for t in obj_tokens if not table.covering(t) or table.covering(t)[0] not in cand.actors]
        cand.recipient_heads = obj_tokens
        cand.recipients = [m for m in _mentions(obj_tokens, table) if m not in cand.actors]
        if not cand.recipients and not entry.object_is_theme and not any(c.dep_ == "dobj" for c in verb.children) \
                and not args.is_passive(verb):
            cand.recipients = _fallback_recipient(verb, table, cand.actors)
        if not cand.recipients and not entry.object_is_theme and entry.type in _HOLDER_VERB_TYPES:
            # "abuses by Eritrean forces were condemned by Sweden", "denounced the arrest of
            # Kurdish mayors": whose the condemned thing is (its doer first)
            held = [t for tok in obj_tokens if tok.pos_ == "NOUN" for t in _content_holders(tok)]
            held.sort(key=lambda t: t.head.lower_ != "by")
            cand.recipients = [m for m in _mentions(held, table) if m not in cand.actors]
        if not cand.recipients and not entry.object_is_theme:
            deep = _deep_recipients(verb, preps, entry.type)
            cand.recipients = [m for m in _mentions(deep, table) if m not in cand.actors]
        elif not cand.recipients:
            cand.recipients = [m for m in _mentions(_purpose_enemies(verb, entry.type), table) if m not in cand.actors]
        cand.modality = modality(verb, lexicon, type_=entry.type)
        if entry.future_only and cand.modality not in ("future", "hypothetical"):
            return None
        cand.anchored = True
        return cand
    # nominal trigger
    verb = _light_verb(head, lexicon)
    if verb is None and entry.type == "ASSAULT" and head.dep_ == "dobj" and head.head.pos_ == "VERB" \
            and lexicon.governs("claim_credit", _lemma(head.head, lexicon)) and not _has_neg(head.head):
        # "Islamic State claimed a suicide bombing": a claim of responsibility; the claimant did it
        verb = head.head
    clause_verb = verb or _clause_verb(head)
    if verb is None and clause_verb is not None and head.dep_ in ("dobj", "nsubjpass") \
            and lexicon.governs("allege", clause_verb.lemma_.lower()):
        return None  # "threatened air strikes": the content of a threat
    if clause_verb is not None and clause_verb is not verb and alleged(clause_verb, lexicon):
        return None
    cand = _Candidate(trig, clause_verb, entry=entry, light=verb is not None)
    recipient_preps = _NOUN_RECIPIENT_PREPS + entry.recipient_preps
    if entry.type in ("ASSAULT", "COERCE", "ACCUSE", "SANCTION"):
        recipient_preps += ("of",) + (("at",) if entry.type == "ASSAULT" else ())
        actor_preps = _NOUN_ACTOR_PREPS
    else:
        actor_preps = _NOUN_ACTOR_PREPS + ("of",)
    actor_preps = tuple(p for p in actor_preps if p not in entry.recipient_preps)
    if "of" in actor_preps and entry.type in _OF_THEME_TYPES and _named_doer(head, verb, table, lexicon):
        # "Ghana's rejection of the IMF's terms", "retailers launched a boycott of Japanese beer":
        # with the doer named by an owner or a light verb, the "of" phrase is what is acted on
        actor_preps = tuple(p for p in actor_preps if p != "of")
        recipient_preps += ("of",)
    actor_tokens = args.prep_objects(head, actor_preps)
    if not actor_tokens and "by" in actor_preps:
        # "the detention of three French nationals by Iranian authorities": the parser hangs the
        # event's "by" on its "of" object
        actor_tokens = [a for o in args.prep_objects(head, ("of",)) for a in args.prep_objects(o, ("by",))]
    if not actor_tokens and head.dep_ == "nsubj" and entry.type == "ASSAULT":
        # "fighting broke out between the army and the RSF"
        actor_tokens = args.prep_objects(head.head, ("between", "among"))
    modifiers = [c for c in head.children if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i not in phrase]
    actors = _mentions(actor_tokens, table)
    for mod in modifiers:
        for token in mod.subtree:
            for mention in table.covering(token)[:1]:
                if mention not in actors:
                    actors.append(mention)
    # "an RSF assault on X" (one attack) anchors; "coalition strikes have been slow" (a habit) does not
    anchored = bool(actors and (actor_tokens or any(m.dep_ == "poss" for m in modifiers)
                                or (head.tag_ == "NN" and any(m.dep_ == "compound" for m in modifiers))))
    # "came under attack": the subject undergoes the event; "put X under investigation": X does
    via_prep = verb is not None and head.dep_ == "pobj"
    undergoes = via_prep and lexicon.governs("undergo", _lemma(verb, lexicon))
    # "Greece received a third bailout from the eurozone": the subject gets it, "from" gives it
    receiving = verb is not None and not via_prep and lexicon.governs("receive", _lemma(verb, lexicon))
    if receiving:
        givers = _mentions(args.prep_objects(head, ("from", "by")) + args.prep_objects(verb, ("from", "by")), table)
        actors = givers or [m for m in actors if m not in _mentions(args.subject_tokens(verb, lexicon), table)]
    if not actors and verb is not None and not undergoes and not receiving:
        actors = _mentions(args.subject_tokens(verb, lexicon), table)
    framed = False
    if not actors and verb is None and head.dep_ == "pobj" and head.head.lower_ in ("in", "as") \
            and head.head.head.pos_ in ("VERB", "AUX") and not args.is_passive(head.head.head) \
            and entry.type not in ("ASSAULT", "COERCE", "AID", "RETREAT"):
        # "In an appeal to the Security Council, Lebanon asked ...", "flew near the coast in a show
        # of force", "walked out in protest": the act is the manner of the main verb's doer
        actors = _mentions(args.subject_tokens(head.head.head, lexicon), table)
        framed = bool(actors)
    rec_tokens = args.prep_objects(head, recipient_preps)
    parties = args.prep_objects(head, ("between", "among"))
    if entry.type == "CONSULT" and parties and verb is None:
        # "Egyptian mediation between Israel and Hamas": the owner mediates between the sides
        sides = _mentions(parties, table)
        owners = [m for mod in modifiers if mod.dep_ in ("amod", "poss", "compound")
                  for t in mod.subtree for m in table.covering(t)[:1] if m not in sides]
        if owners:
            actors = list(dict.fromkeys(owners))
            rec_tokens = parties
            entry = replace(entry, mode="third-party", cameo=None)
            cand.entry = entry
    if entry.type == "CONSULT" and verb is not None and not via_prep and parties:
        # "Qatar's emir launched a mediation effort between the Emirates and Saudi Arabia": the
        # light verb's doer mediates (third party); the sides are whom it addresses
        doer = [m for m in _mentions(args.subject_tokens(verb, lexicon), table)
                if m not in _mentions(parties, table)]
        if doer:
            actors = doer
            rec_tokens = parties
            entry = replace(entry, mode="third-party", cameo=None)
            cand.entry = entry
    if verb is not None and not via_prep and not rec_tokens:
        # "rushed aid to Turkey", "brought charges against the minister": the light verb's
        # prepositions carry the noun's recipient
        rec_tokens = args.prep_objects(verb, tuple(p for p in recipient_preps if p not in ("of", "into", "for")))
    elif verb is not None and not via_prep:
        # "filed a complaint with the UN against Croatia": whom it is against comes first
        rec_tokens = args.prep_objects(verb, ("against",)) + rec_tokens
    if receiving:
        rec_tokens = args.subject_tokens(verb, lexicon)
    if via_prep and entry.type == "MOBILIZE" and not undergoes:
        # "French police were put on high alert": the force put on alert is the one mobilised
        forces = _mentions(args.object_tokens(verb, ()), table)
        actors = actors if actors and not forces else forces or actors
    elif via_prep and not rec_tokens:
        rec_tokens = [t for c in verb.children if c.dep_ == "nsubj" for t in args.coordinated(c)] if undergoes \
            else args.object_tokens(verb, ())
    if verb is not None and entry.type == "RETREAT" and lexicon.governs("declare", _lemma(verb, lexicon)):
        # "declared a unilateral ceasefire": a declaration, not yet the retreat (PLOVER CONCEDE)
        entry = replace(entry, type="CONCEDE", mode=None, acled=None, cameo=None)
        cand.entry = entry
    if verb is not None and entry.type == "PROTEST" and lexicon.governs("complain", _lemma(verb, lexicon)):
        # "lodged a protest with Albania": a diplomatic complaint (PLOVER ACCUSE disapprove)
        entry = replace(entry, type="ACCUSE", mode="disapprove", contexts=("diplomatic",), acled=None, cameo=None)
        cand.entry = entry
        rec_tokens = rec_tokens or args.prep_objects(head, ("with", "to", "against"))
    if entry.type in _CLAUSE_ADDRESSEE and not rec_tokens:
        # "its demand that Israel ease restrictions": the addressee is the clause's subject
        for clause in head.children:
            if clause.dep_ in ("acl", "ccomp", "relcl") and any(c.lower_ == "that" and c.dep_ == "mark" for c in clause.children):
                rec_tokens = [t for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") for t in args.coordinated(c)]
    cand.recipient_heads = rec_tokens
    cand.recipients = [m for m in _mentions(rec_tokens, table) if m not in actors]
    if not cand.recipients and entry.type in _CONTENT_TYPES:
        # "an investigation into crimes committed by Croat forces": whose the named thing is
        held = [t for tok in rec_tokens if tok.pos_ == "NOUN" for t in _content_holders(tok)]
        cand.recipients = [m for m in _mentions(held, table) if m not in actors]
        cand.recipient_heads = rec_tokens + held
    cand.actors = actors
    cand.anchored = anchored or verb is not None or bool(cand.recipients) or framed
    cand.modality = modality(clause_verb, lexicon, noun=head, type_=entry.type) if clause_verb is not None else "asserted"
    if verb is not None:
        lemma = verb.lemma_.lower()
        for cls in ("negate", "hypothetical", "future"):
            if lexicon.governs(cls, lemma):
                mod = {"negate": "negated"}.get(cls, cls)
                if cand.modality == "asserted" or mod == "negated":
                    cand.modality = mod
                break
    elif clause_verb is not None and head.dep_ not in ("nsubj", "nsubjpass"):
        # the noun is the object of a non-light verb ("condemned the bombing"): its content
        cand.anchored = cand.anchored and bool(actor_tokens or rec_tokens)
        if head.dep_ == "dobj" and head.head.i == clause_verb.i:
            # "is considering sanctions", "planned strikes": what is weighed has not happened
            lemma = _lemma(clause_verb, lexicon)
            for cls, mod in (("negate", "negated"), ("hypothetical", "hypothetical"), ("future", "future")):
                if lexicon.governs(cls, lemma):
                    if cand.modality == "asserted" or mod == "negated":
                        cand.modality = mod
                    break
    return cand


# ------------------------------------------------------------------ refinements

_SPEECH = frozenset({"say", "tell", "announce", "claim", "state", "insist", "add", "report", "confirm",
                     "acknowledge", "admit", "write", "explain", "allege", "assert", "declare"})
_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i", "them", "us"})
_OWNER_PRONOUNS = frozenset({"their", "its", "our"})
_BOTH = frozenset({"both", "two", "warring", "rival"})
_TROOPS = frozenset({"troop", "soldier", "fighter", "force", "forces", "unit", "battalion", "brigade", "army", "warship",
                     "ship", "vessel", "tank", "jet", "aircraft", "plane", "reinforcement", "policeman", "marine",
                     "paratrooper", "commando", "carrier", "submarine", "frigate", "destroyer"})
_FEATURE_RANK = {"site": 0, "city": 0, "admin": 1, "region": 2, "country": 3, "continent": 4}


def _government(m: ActorMention, doc: "Doc") -> bool:
    """Whether a mention names a state as a government ("Iran", "the Chinese government"), not
    its people ("ethnic Albanians", "Iranians")."""
    if m.kind != "state":
        return False
    if (m.sector or "") in ("GOV", "LEG", "JUD"):
        return True
    span = doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
    return span is not None and span[-1].tag_ not in ("NNS", "NNPS") and span[-1].ent_type_ != "NORP"


def _speech_frame(token: "Token") -> Optional["Token"]:
    """The speech verb whose reported content holds ``token``'s clause ("police said they had ...")."""
    current, seen = token, 0
    while seen < 6 and current.head.i != current.i:
        seen += 1
        if current.dep_ in ("ccomp", "parataxis") and current.head.lemma_.lower() in _SPEECH:
            return current.head
        if current.dep_ in ("ccomp", "advcl", "relcl", "acl", "csubj"):
            return None
        current = current.head
    return None


def _speaker_mentions(token: "Token", table: args.Mentions, analysis: Analysis,
                      by_id: dict[str, ActorMention], lexicon: Lexicon) -> list[ActorMention]:
    """The speaker of the statement that contains ``token``: the speech verb's subject, or the quote's."""
    frame = _speech_frame(token)
    if frame is not None:
        found = _mentions(args.subject_tokens(frame, lexicon), table)
        if found:
            return found
    for quote in analysis.quotes:
        if quote.content.start <= token.idx < quote.content.end:
            out = []
            if quote.speaker.actor_id and quote.speaker.actor_id in by_id:
                out.append(by_id[quote.speaker.actor_id])
            if quote.speaker.span is not None:
                s, e = quote.speaker.span.start, quote.speaker.span.end
                out.extend(m for m in analysis.actors if m.span.start < e and m.span.end > s and m not in out)
            return out
    return []


def _instrument(cand: _Candidate, lexicon: Lexicon) -> None:
    """The weapon named by the subject, object, "with"/"using" phrase sets mode and ACLED sub-type."""
    entry = cand.entry
    if entry.type != "ASSAULT" or entry.mode not in (None, "firearms") or cand.trigger.entry.pos != "verb":
        return
    verb = cand.trigger.head
    heads = [c for c in verb.children if c.dep_ in ("nsubj", "dobj")]
    heads += [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "by")
              for p in c.children if p.dep_ == "pobj"]
    heads += [p for c in verb.children if c.dep_ == "advcl" and c.lemma_.lower() == "use"
              for p in c.children if p.dep_ == "dobj"]
    # a chemical agent anywhere in the weapon's phrase outranks the weapon ("shells filled with chlorine")
    for head in heads:
        for tok in head.subtree:
            hit = lexicon.instruments.get(tok.lemma_.lower()) or lexicon.instruments.get(tok.lower_)
            if hit is not None and hit[1] is not None and hit[1][1] == "Chemical weapon":
                cand.entry = replace(entry, mode=hit[0], acled=hit[1], acled_civilian=None, acled_armed=None,
                                     acled_state=None, acled_nonstate=None)
                return
    for head in heads:
        for tok in [head] + [c for c in head.children if c.dep_ == "compound"]:
            hit = lexicon.instruments.get(tok.lemma_.lower()) or lexicon.instruments.get(tok.lower_)
            if hit is None or hit[0] == entry.mode:
                continue
            mode, pair = hit
            if entry.mode == "firearms" and mode in ("firearms", "primitive", "crowd-control"):
                continue
            changes = {"mode": mode}
            if pair is not None and (entry.acled is None or pair[0] == "Explosions/Remote violence"):
                changes.update(acled=pair, acled_civilian=None, acled_armed=None, acled_state=None, acled_nonstate=None)
            cand.entry = replace(entry, **changes)
            return


_UNOPPOSED = frozenset({"unopposed", "unchallenged", "peacefully", "uncontested"})
_FIGHT = frozenset({"fight", "fighting", "resistance", "shot", "battle", "struggle", "bloodshed", "clash"})


def _unopposed(verb: "Token") -> bool:
    """Whether a capture is said to have met no resistance ("without a fight", "unopposed")."""
    for child in verb.children:
        if child.lower_ in _UNOPPOSED:
            return True
        if child.dep_ == "prep" and child.lower_ == "without" \
                and any(g.dep_ == "pobj" and g.lemma_.lower() in _FIGHT for g in child.children):
            return True
    return False


def _after_withdrawal(cand: _Candidate, live: dict[int, _Candidate]) -> bool:
    """Whether the other side withdrew in the same sentence ("took the town after the rebels
    pulled out"): ACLED, "army moved in after militants withdrew" is a non-violent transfer."""
    head = cand.trigger.head
    for other in live.values():
        if other is cand or other.entry.type != "RETREAT" or other.entry.mode != "withdraw" \
                or other.trigger.head.sent.start != head.sent.start or other.modality != "asserted":
            continue
        if not (set(other.actors) & set(cand.actors)):
            return True
    return False


def _crowd(cand: _Candidate, lexicon: Lexicon) -> None:
    """Violence by protesters is a riot (PLOVER PROTEST riot, ACLED violent demonstration);
    by a mob or vigilantes, ACLED mob violence; against protesters by armed forces, ACLED
    excessive force (tear gas and batons alone: a protest with intervention)."""
    entry = cand.entry
    if entry.type != "ASSAULT":
        return
    head = cand.trigger.head
    if cand.trigger.entry.pos == "verb":
        doers = [t.lemma_.lower() for t in args.subject_tokens(head, lexicon)]
    else:
        doers = [t.lemma_.lower() for t in args.prep_objects(head, ("by",))]
    clear = dict(acled_state=None, acled_nonstate=None, acled_civilian=None, acled_armed=None, cameo=None)
    if set(doers) & _PROTESTERS:
        cand.entry = replace(entry, type="PROTEST", mode="riot", acled=("Riots", "Violent demonstration"), **clear)
    elif set(doers) & _MOB or head.lemma_.lower() in ("lynch",):
        cand.entry = replace(entry, acled=("Riots", "Mob violence"), **clear)
    elif any(t.lemma_.lower() in _PROTESTERS for t in cand.recipient_heads):
        if entry.mode == "crowd-control":
            cand.entry = replace(entry, acled=("Protests", "Protest with intervention"), **clear)
        else:
            cand.entry = replace(entry, acled=("Protests", "Excessive force against protesters"), **clear)


def _request_mode(cand: _Candidate, lexicon: Lexicon) -> None:
    """REQUEST/REJECT mode from what is asked for (PLOVER: assist, change, yield, meet)."""
    if cand.entry.type not in ("REQUEST", "REJECT") or cand.entry.mode or not lexicon.request_modes:
        return
    head = cand.trigger.head
    tokens = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
    tokens += args.prep_objects(head, ("for",))
    for comp in [c for c in head.children if c.dep_ in ("xcomp", "ccomp", "acl", "relcl")]:
        tokens.append(comp)
        tokens += [c for c in comp.children if c.dep_ == "dobj"]
    expanded = []
    for tok in tokens:
        expanded.extend(args.coordinated(tok))
    for tok in expanded:
        mode = lexicon.request_modes.get(tok.lemma_.lower())
        if mode:
            cand.entry = replace(cand.entry, mode=mode)
            return


def _refine(cands: dict[int, _Candidate], drop: set[int], table: args.Mentions, lexicon: Lexicon,
            analysis: Analysis, by_id: dict[str, ActorMention]) -> None:
    """Argument and label repairs that need the other candidates of the article."""
    live = {i: c for i, c in cands.items() if i not in drop}
    for i, cand in sorted(live.items()):
        head = cand.trigger.head
        entry = cand.entry
        # "fired tear gas and then live rounds at protesters": a weapon noun in the object of
        # a violent verb (or of a verb coordinated with one) is that verb's event
        if cand.trigger.entry.pos == "noun" and entry.type == "ASSAULT" and head.dep_ in ("dobj", "conj"):
            verb = head.head
            while verb.dep_ == "conj" and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            host = verb
            if host.dep_ == "conj" and host.head.i in live and host.head.pos_ in ("VERB", "AUX"):
                host = host.head
            if host.pos_ in ("VERB", "AUX") and host.i in live and live[host.i].entry.type == "ASSAULT":
                if not cand.actors:
                    cand.actors = list(live[host.i].actors) or _mentions(args.subject_tokens(verb, lexicon), table)
                rec = args.prep_objects(verb, _VERB_RECIPIENT_PREPS + ("into",))
                if not rec and host is not verb:
                    rec = args.prep_objects(host, _VERB_RECIPIENT_PREPS + ("into",))
                cand.recipient_heads = cand.recipient_heads + rec
                cand.recipients += [m for m in _mentions(rec, table) if m not in cand.recipients and m not in cand.actors]
                cand.anchored = True
                if verb is not host and cand.modality == "asserted":
                    cand.modality = live[host.i].modality
        # the verb shares the "at protesters" of a coordinated verb
        if cand.trigger.entry.pos == "verb" and entry.type == "ASSAULT" and not cand.recipients:
            for conj in [c for c in head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]:
                rec = args.prep_objects(conj, ("at", "on", "against"))
                for obj in [c for c in conj.children if c.dep_ == "dobj"]:
                    rec += args.prep_objects(obj, ("at", "on", "against"))
                cand.recipients += [m for m in _mentions(rec, table) if m not in cand.actors and m not in cand.recipients]
                cand.recipient_heads = cand.recipient_heads + rec
        # "Iran protested to Britain": a government's protest is a diplomatic complaint
        # (PLOVER: diplomatic protests are ACCUSE disapprove; PROTEST needs people in the street)
        if entry.type == "PROTEST" and entry.mode == "demo" and cand.actors \
                and all(_government(m, head.doc) for m in cand.actors):
            cand.entry = replace(entry, type="ACCUSE", mode="disapprove",
                                 contexts=("diplomatic",), acled=None, cameo=None)
            if not cand.recipients:
                rec = args.prep_objects(head, ("to", "with", "against"))
                cand.recipients = [m for m in _mentions(rec, table) if m not in cand.actors]
        # "took the town without a fight", "entered unopposed": ACLED non-violent transfer of
        # territory, and PLOVER MOBILIZE (a move short of the use of force)
        if entry.type in ("ASSAULT", "COERCE") and "territory" in entry.contexts \
                and (_unopposed(head) or _after_withdrawal(cand, live)):
            cand.entry = replace(entry, type="MOBILIZE", mode="troops", cameo=None,
                                 acled=("Strategic developments", "Non-violent transfer of territory"),
                                 acled_state=None, acled_nonstate=None, acled_civilian=None, acled_armed=None)
        _instrument(cand, lexicon)
        _crowd(cand, lexicon)
        _request_mode(cand, lexicon)
        # a protest addresses whom its stated aim does ("to demand the resignation of X")
        if cand.entry.type == "PROTEST" and not cand.recipients:
            aim = _aim_recipients(head)
            if not aim and cand.clause_verb is not None and cand.light:
                aim = _aim_recipients(cand.clause_verb)
            cand.recipients = [m for m in _mentions(aim, table) if m not in cand.actors]
            cand.recipient_heads = cand.recipient_heads + aim
        # "trucks carrying food": the noun an active participle hangs on is its doer
        if not cand.actors and cand.trigger.entry.pos == "verb" and head.dep_ == "acl" and head.tag_ == "VBG":
            cand.actors = [m for m in table.of_phrase(head.head) if m not in cand.recipients]
        # "police said they had arrested ...": a pronoun subject in reported speech is the speaker
        subj = [c for c in (cand.clause_verb or head).children if c.dep_ == "nsubj"]
        if not subj and cand.trigger.entry.pos == "verb" and head.dep_ == "xcomp":
            # "said they attempted to assassinate": the controller's pronoun
            subj = [t for t in args.subject_tokens(head, lexicon) if t.pos_ == "PRON"][:1]
        # ("their forces had completed their withdrawal": an owner pronoun on the subject as well)
        owned = bool(subj) and not cand.actors and not table.of_phrase(subj[0]) \
            and any(c.dep_ == "poss" and c.lower_ in _OWNER_PRONOUNS for c in subj[0].children)
        if (cand.trigger.entry.pos == "verb" or cand.light) and subj and (subj[0].lower_ in _PRONOUNS or owned) \
                and not table.covering(subj[0]) and not table.of_phrase(subj[0]) \
                and not (subj[0].lower_ in _PERSONAL and cand.actors):
            rec_ids = {m.id for m in cand.recipients}
            known = {m.id for m in cand.actors}
            cand.actors += [m for m in _speaker_mentions(head, table, analysis, by_id, lexicon)
                            if m.id not in rec_ids and m.id not in known]
        # reported "would" is the speaker's "will": "she said her party would hold a march"
        if cand.modality == "hypothetical" and _speech_frame(head) is not None:
            verb = cand.clause_verb or head
            auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
            marks = {c.lower_ for t in verb.subtree for c in [t] if c.dep_ == "mark"}
            if auxes & {"would", "'d"} and not marks & {"if", "unless"} and not _has_neg(verb) \
                    and not args.is_passive(verb) and not any(c.lower_ in ("likely", "possibly", "probably") for c in verb.children):
                cand.modality = "future"
        # "we will respond": the threat itself is made now (a conditional one stays hypothetical)
        if cand.entry.future_only and cand.modality == "future":
            cand.modality = "asserted"
        # "a week of talks mediated by Qatar" after which X and Y signed: the talks are X and Y's
        if entry.type == "CONSULT" and cand.trigger.entry.pos == "noun":
            mediators = []
            noun = head.doc[cand.trigger.end] if cand.trigger.end >= 0 else head  # "a week of talks mediated by"
            for child in list(head.children) + (list(noun.children) if noun.i != head.i else []):
                if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in ("mediate", "broker", "host", "facilitate", "sponsor"):
                    mediators = _mentions(args.agent(child), table)
                    cand.entry = replace(entry, mode="third-party")
            if not cand.actors:
                up = head
                while up.dep_ in ("pobj", "prep") and up.head.i != up.i:
                    up = up.head
                if up.i != head.i and up.pos_ in ("VERB", "AUX"):
                    cand.actors = _mentions(args.subject_tokens(up, lexicon), table)
                    cand.anchored = cand.anchored or bool(cand.actors)
            cand.actors += [m for m in mediators if m not in cand.actors]
        # "sent troops across the border" with nobody to receive them: a deployment
        if entry.type == "AID" and entry.object_is_theme and not cand.recipients:
            objs = [c.lemma_.lower() for c in head.children if c.dep_ == "dobj"]
            objs += [g.lemma_.lower() for g in _partitive_objects(head)]  # "sent thousands of troops"
            if objs and (objs[0] in _TROOPS or (objs[0] in _PARTITIVE and set(objs[1:]) & _TROOPS)):
                cand.entry = replace(entry, type="MOBILIZE", mode="troops", contexts=("military",), cameo=None,
                                     acled=("Strategic developments", "Change to group/activity"))
    # "Rioters clashed with police": the rioters are the riot's doers, not a second protest
    for i, cand in sorted(live.items()):
        if cand.entry.type != "PROTEST" or cand.trigger.entry.pos != "verb" or i in drop:
            continue
        for tok in args.subject_tokens(cand.trigger.head, lexicon):
            other = live.get(tok.i)
            if other is not None and other is not cand and other.entry.type == "PROTEST" \
                    and other.trigger.entry.pos == "noun":
                cand.actors += [m for m in other.actors if m not in cand.actors and m not in cand.recipients]
                drop.add(tok.i)
    # "both sides", "the two sides": the parties of the latest event with two of them
    for i, cand in sorted(live.items()):
        for heads, attr in ((cand.recipient_heads, "recipients"),
                            (args.subject_tokens(cand.trigger.head, lexicon) if cand.trigger.entry.pos == "verb" else [], "actors")):
            for tok in heads:
                if tok.lemma_.lower() in ("side", "party") and any(c.lower_ in _BOTH for c in tok.children):
                    parties = _latest_parties(live, i)
                    current = getattr(cand, attr)
                    setattr(cand, attr, current + [m for m in parties if m not in current])
    # "rejected a demand by Kinshasa" / "rejected the sanctions": the recipient is whoever
    # made the demand, or imposed the sanctions last mentioned
    for i, cand in sorted(live.items()):
        if cand.entry.type not in ("REJECT", "ACCUSE", "SUPPORT", "CONCEDE") or cand.recipients \
                or cand.trigger.entry.pos != "verb":
            continue
        for obj in [c for c in cand.trigger.head.children if c.dep_ == "dobj"]:
            other = cands.get(obj.i)
            if other is None:
                continue
            if other.actors:
                cand.recipients = [m for m in other.actors if m not in cand.actors]
            elif any(c.lower_ in ("the", "these", "this", "those") for c in obj.children):
                prior = [c for j, c in cands.items() if j < i and j != obj.i and c.entry.type == other.entry.type
                         and c.actors and c.modality == "asserted"]
                if prior:
                    cand.recipients = [m for m in prior[-1].actors if m not in cand.actors]
    # "we will respond to this aggression": the threat is aimed at the latest aggressor
    for i, cand in sorted(live.items()):
        if cand.entry.type != "THREATEN" or cand.entry.mode != "violence" or cand.recipients:
            continue
        back = [c for j, c in sorted(cands.items()) if j < i
                and c.trigger.head.sent.start >= _sent_back(cand.trigger.head, 3)]
        for c in reversed(back):
            if c.entry.type == "ASSAULT" and c.actors and not set(c.actors) & set(cand.actors):
                cand.recipients = list(c.actors)
                break
            if c.entry.type == "ACCUSE" and c.recipients and not set(c.recipients) & set(cand.actors):
                cand.recipients = list(c.recipients)
                break


# PLOVER manual: statements of intent are AGREE (cooperation) or THREATEN (coercion, or
# any act made conditional with "unless"); refusals are REJECT; "X must do" is REQUEST.
_COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"})
_HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"})
_FUTURE_AGREE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID"})
_INTENT_AUX = frozenset({"will", "would", "shall", "'ll", "wo", "'d"})
_HEDGE_AUX = frozenset({"could", "may", "might"})
_DEMAND_AUX = frozenset({"must", "should"})
_DEMAND_FRAMES = _SPEECH | frozenset({"conclude", "stress", "reiterate", "insist", "argue", "warn", "note",
                                      "emphasise", "emphasize", "believe", "maintain", "demand"})


def _intent(verb: "Token", lexicon: Lexicon) -> Optional[str]:
    """How the clause of ``verb`` states an intent: "gov" ("promised/offered/is willing to"),
    "aux" (will/would), or None."""
    current, found, seen = verb, None, 0
    while current is not None and seen < 4:
        seen += 1
        if any(c.dep_ == "aux" and c.lower_ in _INTENT_AUX for c in current.children):
            found = found or "aux"
        elif any(c.dep_ == "aux" and c.lower_ in _HEDGE_AUX for c in current.children) \
                and not any(c.dep_ == "aux" and c.lower_ == "have" for c in current.children):
            found = found or "hedge"  # "said it could cut ties": a veiled threat, when said of oneself
        parent = governor(current)
        if parent is not None and lexicon.governs("intent", parent.lemma_.lower()):
            return "gov"
        if parent is None or not (lexicon.governs("aspect", parent.lemma_.lower())
                                  or parent.lemma_.lower() in ("be", "have")):
            break
        current = parent
    return found


def _says_of_itself(frame: "Token", cand: _Candidate, table: args.Mentions) -> bool:
    """Whether the speaker of ``frame`` is the doer of the reported act ("Rwanda said it
    could cut ties"): a pronoun doer, or the same actor as the speech verb's subject."""
    doer = [c for c in cand.trigger.head.children if c.dep_ == "nsubj"]
    if doer and doer[0].pos_ == "PRON":
        return True
    speakers = {m.id for c in frame.children if c.dep_ == "nsubj" for m in table.covering(c)[:1]}
    return bool(speakers & {m.id for m in cand.actors})


def _governors(verb: "Token") -> list["Token"]:
    """The chain of verbs governing ``verb``'s clause ("failed to reach", "refused to deploy")."""
    out, current = [], verb
    while len(out) < 4:
        parent = governor(current)
        if parent is None:
            break
        out.append(parent)
        current = parent
    return out


def _refusal(verb: "Token", lexicon: Lexicon) -> bool:
    """Whether a refusal verb ("refuse", "decline", "fail") governs ``verb``'s clause."""
    return any(g.lemma_.lower() in ("refuse", "decline", "fail", "reject") for g in _governors(verb))


def _conditional(verb: "Token") -> Optional[str]:
    """"unless"/"if" heading an adverbial clause on ``verb``."""
    for child in verb.children:
        if child.dep_ == "advcl":
            marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
            if "unless" in marks:
                return "unless"
            if "if" in marks:
                return "if"
    return None


def _derive(cands: dict, drop: set, table: args.Mentions, lexicon: Lexicon, analysis: Analysis,
            by_id: dict[str, ActorMention], doc: "Doc") -> None:
    """Add the speech acts a sentence performs besides what it reports: the promise or threat
    of "said it will withdraw (unless ...)", the refusal of "will not accept", the demand of
    "said Sudan must return".  The reported act keeps its own (future, hypothetical,
    negated) modality, so it is never counted as having happened."""
    request = next((e for e in lexicon.verbs.get("demand", ()) if e.type == "REQUEST"), None)
    added: dict[float, _Candidate] = {}
    for i, cand in sorted((k, c) for k, c in cands.items() if k not in drop):
        content = cand.entry.type
        if content not in _COOPERATIVE | _HOSTILE | {"AGREE"}:
            continue
        planned = content in _FUTURE_AGREE and cand.modality == "future"
        verb = cand.trigger.head if cand.trigger.entry.pos == "verb" else \
            (cand.clause_verb if cand.light or planned else None)  # "will send a delegation for talks"
        if verb is None:
            continue
        how = _intent(verb, lexicon)
        # "X will do ..., Y said": the speech verb may hang below the reported clause
        frame = _speech_frame(verb) or next((c for c in verb.children if c.dep_ in ("parataxis", "advcl", "conj") and c.i > verb.i
                                             and c.lemma_.lower() in _SPEECH), None)
        refused = content in _COOPERATIVE | {"AGREE", "CONSULT"} and cand.modality == "negated" \
            and _refusal(verb, lexicon)
        # PLOVER AGREE: "cooperative actions of types CONSULT, SUPPORT, COOPERATE, and AID reported
        # in future tense are also taken to imply intentions" ("the president will visit Moscow")
        if not refused and not planned and (how is None or (how in ("aux", "hedge") and frame is None)):
            continue
        if how == "hedge" and (content not in _HOSTILE or not _says_of_itself(frame, cand, table)):
            continue  # "analysts said sanctions could follow": no one threatens
        negated = _has_neg(verb)
        cond = _conditional(verb)
        if refused:
            if any(c.entry.type == "REJECT" and c.trigger.head.i == g.i for g in _governors(verb)
                   for k, c in cands.items() if k not in drop):
                continue  # "refused to withdraw": the refusal is already coded
            type_ = "REJECT"
        elif negated:
            if content not in _COOPERATIVE | {"AGREE"}:
                continue
            type_ = "REJECT"
        elif cond == "unless" or content in _HOSTILE:
            type_ = "THREATEN"
        elif content == "RETREAT" and frame is not None and lexicon.governs("declare", _lemma(frame, lexicon)):
            # "Moscow announced it would withdraw troops": a declared withdrawal (PLOVER CONCEDE)
            type_ = "CONCEDE"
        else:
            type_ = "AGREE"
        gov = governor(verb)
        if how == "gov" and gov is not None and gov.i in cands and cands[gov.i].entry.type == "AGREE" \
                and type_ == "THREATEN":
            drop.add(gov.i)  # "vowed to fight": a threat, not an agreement
        if type_ == content or any(c.trigger.head.i == verb.i and c.entry.type == type_
                                   for k, c in list(cands.items()) + list(added.items()) if k not in drop):
            continue  # one event per trigger and type (event ids hash both)
        actors = list(cand.actors) or _speaker_mentions(verb, table, analysis, by_id, lexicon)
        if not actors and not cand.recipients:
            continue
        entry = replace(cand.entry, type=type_, mode=None, acled=None, acled_state=None, acled_nonstate=None,
                        acled_civilian=None, acled_armed=None, cameo=None, future_only=False, object_is_theme=False,
                        specificity=min(cand.entry.specificity, 0.6))
        new = _Candidate(_Trigger(verb, verb.i, entry), verb, actors=actors,
                         recipients=[m for m in cand.recipients if m not in actors],
                         recipient_heads=list(cand.recipient_heads), modality="asserted", anchored=True,
                         contexts=cand.contexts, entry=entry)
        added[i + 0.5] = new
    mobilize = next((e for e in lexicon.verbs.get("mobilize", ()) if e.type == "MOBILIZE"), None)
    for i, cand in sorted((k, c) for k, c in cands.items() if k not in drop):
        # "the army prepared to resume shelling": readying an attack is a show of force (PLOVER
        # MOBILIZE), asserted; the attack itself keeps its future modality
        if mobilize is None or cand.entry.type != "ASSAULT" or cand.modality == "asserted":
            continue
        node = cand.trigger.head if cand.trigger.entry.pos == "verb" else cand.clause_verb
        for _ in range(3):
            gov = governor(node) if node is not None else None
            if gov is None or not lexicon.governs("aspect", _lemma(gov, lexicon)):
                break
            node = gov  # through "resume", "begin"
        gov = governor(node) if node is not None else None
        if gov is None or not lexicon.governs("posture", _lemma(gov, lexicon)) or gov.i in cands \
                or _has_neg(gov):
            continue
        entry = replace(mobilize, specificity=0.7, cameo=None)
        added[gov.i + 0.5] = _Candidate(_Trigger(gov, gov.i, entry), gov, actors=list(cand.actors),
                                        recipients=list(cand.recipients), recipient_heads=list(cand.recipient_heads),
                                        modality=modality(gov, lexicon), anchored=True, entry=entry)
    if request is not None:
        for verb in doc:
            if verb.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "aux" and c.lower_ in _DEMAND_AUX
                                                           for c in verb.children):
                continue
            if any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children) or _has_neg(verb):
                continue  # "must have known": an inference, not a demand
            if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in _DEMAND_FRAMES:
                continue
            if any(c.trigger.head.i == verb.i and c.entry.type == "REQUEST"
                   for k, c in list(cands.items()) + list(added.items()) if k not in drop):
                continue
            frame = verb.head
            actors = _mentions(args.subject_tokens(frame, lexicon), table) \
                or _speaker_mentions(verb, table, analysis, by_id, lexicon)
            subj = [t for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in args.coordinated(c)]
            recipients = [m for m in _mentions(subj, table) if m not in actors]
            if not actors:
                continue
            entry = replace(request, specificity=0.6)
            added[verb.i + 0.25] = _Candidate(_Trigger(verb, verb.i, entry), verb, actors=actors,
                                              recipients=recipients, recipient_heads=subj,
                                              modality=modality(frame, lexicon), anchored=True, entry=entry)
    cands.update(added)


def _count_owner(cue: "Token", cat: str, cands: dict[int, _Candidate], drop: set[int]) -> Optional[_Candidate]:
    """The violent (or arresting) event a casualty cue hangs on: the cue's own trigger, or
    the first governing verb that is a trigger or has one as subject or object."""
    wanted = ("COERCE",) if cat == "arrested" else ("ASSAULT",)
    current, seen = cue, 0
    while seen < 6:
        seen += 1
        if current.i in cands and current.i not in drop and cands[current.i].entry.type in wanted:
            return cands[current.i]
        for child in current.children:
            if child.dep_ in ("nsubj", "dobj", "nsubjpass") and child.i in cands and child.i not in drop \
                    and cands[child.i].entry.type in wanted:
                return cands[child.i]
        if current.head.i == current.i or current.dep_ in ("ccomp", "relcl", "parataxis"):
            return None
        current = current.head
    return None


_RELATIVE_SUBJECTS = frozenset({"that", "which", "who"})


def _has_neg(verb: "Token") -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _sent_back(token: "Token", n: int) -> int:
    """Token index where the sentence ``n`` sentences before ``token``'s starts."""
    start = token.sent.start
    for _ in range(n):
        if start == 0:
            break
        start = token.doc[start - 1].sent.start
    return start


def _latest_parties(cands: dict[int, _Candidate], before: int) -> list[ActorMention]:
    for j in sorted((j for j in cands if j < before), reverse=True):
        c = cands[j]
        if c.entry.type in ("AGREE", "CONSULT", "ASSAULT", "RETREAT", "COOPERATE") and c.modality == "asserted" \
                and c.entry.mode != "third-party":
            parties = list(dict.fromkeys(c.actors + c.recipients))
            if len({m.id for m in parties}) >= 2:
                return parties
    return []


# ------------------------------------------------------------------ where, when

def _span_tokens(doc: "Doc", start: int, end: int) -> tuple[int, int]:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return (-1, -1)
    return span.start, span.end


def _place_for(cand: _Candidate, doc, places: list[tuple[int, int, Place]], sent, used: set[int],
               acting: Optional[args.Mentions] = None) -> tuple[Optional[Place], bool]:
    """The event's place, and whether a locative phrase of its own clause names it."""
    head = cand.trigger.head
    in_sent = [(s, e, p) for s, e, p in places if sent.start <= s < sent.end and not (set(range(s, e)) & used)]
    if not in_sent:
        return None, False
    # 1. a place attached to the trigger or its clause chain by a locative preposition,
    #    or inside the trigger's own object ("stormed the city of Mosul")
    chain = [head]
    current = head
    while current.head.i != current.i and current.dep_ not in _CLAUSE_CUT and len(chain) < 8:
        current = current.head
        chain.append(current)
    near: set[int] = set()
    noun = head.pos_ in ("NOUN", "PROPN")
    for node in chain:
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ in _LOC_PREPS:
                if child.lower_ in ("of", "from") and not (node.i == head.i and noun):
                    continue
                near.update(t.i for t in child.subtree)
            elif node.i == head.i and child.dep_ in ("dobj", "appos", "compound") and cand.entry.type not in VERBAL:
                near.update(t.i for t in child.subtree)
            elif node.i == head.i and child.dep_ == "xcomp" and cand.entry.type in VERBAL:
                # "threatened to impose a curfew in Algiers": the place of the threatened act
                for sub in [child] + [c for c in child.children if c.dep_ == "dobj"]:
                    for grand in sub.children:
                        if grand.dep_ == "prep" and grand.lower_ in ("in", "at", "on", "across", "throughout"):
                            near.update(t.i for t in grand.subtree)
            elif node.i != head.i and child.dep_ == "dobj" and node.lemma_.lower() in ("reach", "enter"):
                near.update(t.i for t in child.subtree)  # "trucks carrying aid reached Goma"
            elif node.i != head.i and node.pos_ in ("VERB", "AUX") and child.dep_ == "dobj":
                # "signed an agreement in Doha after talks": the place of the governing clause
                for grand in child.children:
                    if grand.dep_ == "prep" and grand.lower_ in ("in", "at"):
                        near.update(t.i for t in grand.subtree)
    near -= used
    best = [(_FEATURE_RANK.get(p.feature, 2), abs(s - head.i), p) for s, e, p in in_sent if s in near]
    if best:
        return min(best, key=lambda x: x[:2])[2], True
    if cand.entry.type not in LOCATED_TYPES:
        return None, False
    # 2. nearest place in the clause, 3. nearest in the sentence
    clause = {t.i for t in _clause_tokens(_clause_top(cand.clause_verb or head))}
    subj = set()
    for t in clause:
        tok = doc[t]
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i in clause:
            subj.update(x.i for x in tok.subtree)
    best = [(abs(s - head.i), p) for s, e, p in in_sent if s in clause and s not in subj]
    if not best:
        # a place that is the subject of a clause acts ("Egypt brokered a truce"): not a location
        doers = set()
        for tok in sent:
            if tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" and acting is not None:
                for m in acting.covering(tok)[:1]:  # "Poland's parliament demanded": all of it acts
                    doers.update(t.i for t in doc.char_span(m.span.start, m.span.end, alignment_mode="expand") or ())
        best = [(abs(s - head.i), p) for s, e, p in in_sent if not set(range(s, e)) & doers]
    return (min(best, key=lambda x: x[0])[1] if best else None), False


def _date_for(cand: _Candidate, doc, times: list[tuple[int, int, TimeExpr]], sent, published) -> EventDate:
    head = cand.trigger.head
    top = _clause_top(cand.clause_verb or head)
    clause = {t.i for t in _clause_tokens(top)}
    in_sent = [(s, e, t) for s, e, t in times if sent.start <= s < sent.end]
    own = [(abs(s - head.i), t) for s, e, t in in_sent if s in clause]
    if own:
        t = min(own, key=lambda x: x[0])[1]
        return EventDate(t.value, t.granularity, t.span, "clause")
    # "entered Bara on Tuesday and cleared it": coordinated verbs share the first one's time
    if top.dep_ == "conj" and top.head.pos_ in ("VERB", "AUX"):
        first = {t.i for t in _clause_tokens(top.head)}
        shared = [(abs(s - head.i), t) for s, e, t in in_sent if s in first]
        if shared:
            t = min(shared, key=lambda x: x[0])[1]
            return EventDate(t.value, t.granularity, t.span, "clause")
    # "since June 2014, when IS stormed ...": a clause hanging on a time expression
    if top.dep_ in ("relcl", "advcl", "acl"):
        for s, e, t in in_sent:
            if s <= top.head.i < e:
                return EventDate(t.value, t.granularity, t.span, "clause")
    if in_sent:
        t = min(((abs(s - head.i), t) for s, e, t in in_sent), key=lambda x: x[0])[1]
        return EventDate(t.value, t.granularity, t.span, "sentence")
    if published:
        return EventDate(published, "day", None, "published")
    return EventDate(None, None, None, "unknown")


def _as_date(value: Optional[str]) -> Optional[_dt.date]:
    if not value:
        return None
    parts = value.split("-")
    try:
        year = int(parts[0][:4])
        month = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 1
        day = int(parts[2][:2]) if len(parts) > 2 and parts[2][:2].isdigit() else 1
        return _dt.date(year, month, day)
    except (ValueError, IndexError):
        return None


# ------------------------------------------------------------------ labels

def _is_state(m: ActorMention) -> bool:
    # "police", "soldiers" with no country named are still state forces
    return m.kind == "state" or ((m.sector or "") in _STATE_SECTORS and m.kind != "armed_group")


def _is_armed(m: ActorMention) -> bool:
    sector = m.sector or ""
    if sector == "CVL":
        return False
    if m.kind in ("armed_group", "state"):
        return True
    # a plain group is armed only by its sector ("gunmen" yes, "students" or "teachers" no)
    return sector in {"MIL", "REB", "INS", "COP", "UAF", "SPY"}


def _acled(cand: _Candidate, lexicon: Lexicon) -> Optional[AcledLabel]:
    entry = cand.entry
    if cand.modality in ("negated", "future", "hypothetical"):
        return None  # ACLED records what took place, not what is denied, planned or possible
    pair = entry.acled
    victims = [t for t in cand.recipient_heads if t.lemma_.lower() in lexicon.civilians]
    if entry.acled_civilian and (victims or _hits_civilian_site(cand, lexicon)):
        pair = entry.acled_civilian
    elif entry.acled_armed and cand.actors and cand.recipients and all(_is_armed(m) for m in cand.actors + cand.recipients):
        pair = entry.acled_armed
    elif cand.actors:
        actor = cand.actors[0]
        if entry.acled_state and _is_state(actor):
            pair = entry.acled_state
        elif entry.acled_nonstate and not _is_state(actor):
            pair = entry.acled_nonstate
    return AcledLabel(*pair) if pair else None


def _contexts(cand: _Candidate, lexicon: Lexicon, complement: Optional[_Candidate]) -> tuple[str, ...]:
    contexts = list(cand.entry.contexts)
    for child in cand.trigger.head.children:
        ctx = lexicon.context_modifiers.get(child.lower_)
        if child.dep_ in ("compound", "amod") and ctx and ctx not in contexts:
            contexts.append(ctx)
    if cand.entry.contexts_from_complement and complement is not None:
        for ctx in complement.entry.contexts:
            if ctx not in contexts:
                contexts.append(ctx)
        if complement.entry.type in ("ASSAULT", "MOBILIZE") and "military" not in contexts:
            contexts.append("military")
    return tuple(contexts)


def _confidence(cand: _Candidate, place: Optional[Place], date: EventDate, inferred: bool = False,
                weak_recipient: bool = False) -> float:
    """0.3 base; +0.25 actor resolved (+0.1 when only inferred from the sentence); +0.15
    recipient resolved or not needed by the type (+0.05 when only the nearest party);
    +0.2 x lexicon specificity; +0.05 located; +0.05 dated in its own clause; -0.05 for a
    nominal trigger without a light verb.  Capped at 0.95."""
    score = 0.3 + 0.2 * cand.entry.specificity
    score += (0.1 if inferred else 0.25) if cand.actors else 0.0
    if cand.recipients or cand.entry.type not in NEEDS_RECIPIENT:
        score += 0.05 if weak_recipient and cand.entry.type in NEEDS_RECIPIENT else 0.15
    score += 0.05 if place is not None else 0.0
    score += 0.05 if date.basis == "clause" else 0.0
    if cand.trigger.entry.pos == "noun" and not cand.light:
        score -= 0.05
    return round(min(score, 0.95), 3)


# ------------------------------------------------------------------ quotes

def _speaker_state(quote, analysis: Analysis, by_id: dict[str, ActorMention]) -> Optional[ActorMention]:
    candidates: list[ActorMention] = []
    if quote.speaker.actor_id and quote.speaker.actor_id in by_id:
        candidates.append(by_id[quote.speaker.actor_id])
    if quote.speaker.span is not None:
        s, e = quote.speaker.span.start, quote.speaker.span.end
        candidates.extend(m for m in analysis.actors if m.span.start < e and m.span.end > s)
    for mention in candidates:
        if mention.kind == "state":
            return mention
    for mention in candidates:
        if mention.country:
            for other in analysis.actors:
                if other.kind == "state" and other.country == mention.country:
                    return other
    return candidates[0] if candidates else None


# ------------------------------------------------------------------ the stage

def _event_id(article_id: str, start: int, type_: str) -> str:
    return "e-" + hashlib.sha1(f"{article_id}:{start}:{type_}".encode("utf-8")).hexdigest()[:12]


def _section_kind(analysis: Analysis, offset: int) -> Optional[str]:
    for section in analysis.sections:
        if section.start <= offset < section.end:
            return section.kind
    return None


def code_events(doc: "Doc", analysis: Analysis, lexicon: Lexicon,
                implied: Optional[list[tuple[str, str, str]]] = None) -> tuple[Event, ...]:
    """Code the events of one article; sorted by evidence start.

    ``implied``, when given, receives (event id, country, sector) for recipients the text
    implies but names no actor for ("killing 15 people" at a market in Maiduguri: civilians of
    Nigeria); ``attribute_unnamed`` turns them into actor mentions."""
    text = analysis.text
    table = args.Mentions(doc, analysis.actors, lexicon.groups)
    by_id = {m.id: m for m in analysis.actors}
    places = [(*_span_tokens(doc, p.span.start, p.span.end), p) for p in analysis.places]
    times = [(*_span_tokens(doc, t.span.start, t.span.end), t) for t in analysis.times]
    published = _as_date(analysis.published)

    triggers = find_triggers(doc, lexicon)
    cands: dict[int, _Candidate] = {}
    for trig in triggers:
        cand = _build(trig, table, lexicon)
        if cand is not None:
            cands[trig.head.i] = cand

    # Complements: "refuse to strike" codes the strike (negated), not a REJECT besides;
    # "allow X to" only codes with a complement; contexts flow up from the complement.
    complement_of: dict[int, _Candidate] = {}
    for i, cand in cands.items():
        if cand.trigger.entry.pos != "verb":
            continue
        gov = governor(cand.trigger.head)
        if gov is not None and gov.i in cands:
            complement_of[gov.i] = cand
    for i in list(cands):
        noun = cands[i].trigger.head
        if cands[i].trigger.entry.pos == "noun":  # "the authorisation for Russia to target IS"
            for child in noun.children:
                if child.dep_ in ("advcl", "acl", "relcl") and child.i in cands:
                    complement_of.setdefault(i, cands[child.i])
    drop: set[int] = set()
    for i, cand in cands.items():
        comp = complement_of.get(i)
        lemma = cand.trigger.head.lemma_.lower()
        # "denied attacking": the attack is negated, no REJECT besides; "refused to deploy
        # peacekeepers" is a refusal (PLOVER REJECT) and the deployment is negated
        if comp is not None and lexicon.governs("negate", lemma) and cand.entry.type == "REJECT":
            if lemma in ("deny",) or not (cand.actors or comp.actors or _agent_subject(cand, lexicon)):
                drop.add(i)
            else:
                cand.actors = cand.actors or list(comp.actors)
                if not cand.recipients:
                    cand.recipients = [m for m in comp.recipients if m not in cand.actors]
        if cand.entry.needs_complement and comp is None:
            head = cand.trigger.head
            if lexicon.governs("permissive", lemma) and any(c.dep_ in ("xcomp", "ccomp") for c in head.children) \
                    and not _has_neg(head):
                # "allowed the opposition leader to hold a rally": easing a restriction
                cand.entry = replace(cand.entry, type="CONCEDE", mode=None, cameo=None, acled=None,
                                     contexts_from_complement=False, needs_complement=False)
            else:
                drop.add(i)
        # "declined to be named", "refused to comment": no political rejection
        if comp is None and cand.entry.type == "REJECT" and lexicon.governs("negate", lemma) \
                and any(c.dep_ == "xcomp" and (c.lemma_.lower() in _NO_COMMENT or not cand.actors)
                        for c in cand.trigger.head.children):
            drop.add(i)
        cand.contexts = _contexts(cand, lexicon, comp)

    # A violent noun as subject or instrument of a violent verb is one event:
    # "an air strike killed six" / "six were killed in an air strike".
    for i, cand in list(cands.items()):
        if i in drop or cand.trigger.entry.pos != "verb" or cand.entry.type != "ASSAULT":
            continue
        verb = cand.trigger.head
        linked = [c for c in verb.children if c.dep_ in ("nsubj", "csubj") and c.i in cands]
        linked += [c for c in verb.children if c.dep_ == "dobj" and c.i in cands
                   and cands[c.i].entry.specificity >= cand.entry.specificity]  # "fired tear gas"
        linked += [p for c in verb.children if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by")
                   for p in c.children if p.dep_ == "pobj" and p.i in cands]
        for tok in linked:
            noun = cands[tok.i]
            if noun.entry.type != "ASSAULT" or noun.trigger.entry.pos != "noun":
                continue
            if noun.entry.specificity >= cand.entry.specificity or noun.entry.acled is not None:
                cand.entry = replace(noun.entry, acled_civilian=noun.entry.acled_civilian or cand.entry.acled_civilian)
                cand.contexts = tuple(dict.fromkeys(noun.contexts + cand.contexts))
            if noun.actors:
                cand.actors = noun.actors + [m for m in cand.actors if m not in noun.actors]
            if cand.trigger.entry.two_sided:  # PLOVER: in two-sided violence every side is an actor
                ids_ = {m.id for m in cand.actors}
                cand.recipients = [m for m in cand.recipients if m.id not in ids_]
            cand.actors = [m for m in cand.actors if m not in cand.recipients]
            drop.add(tok.i)

    # "suspended its aid programme", "ended mediation efforts": the SANCTION verb is the event;
    # the cooperative noun it ends is its content, not a second (asserted) event; likewise the
    # restriction that a concession lifts ("eased restrictions on the media")
    for i, cand in list(cands.items()):
        if i in drop or cand.entry.type not in ("SANCTION", "CONCEDE", "RETREAT"):
            continue
        ended = _COOPERATIVE | {"AGREE", "CONSULT"} if cand.entry.type == "SANCTION" else {"COERCE", "SANCTION"}
        verb = cand.trigger.head
        if cand.trigger.entry.pos == "verb":
            objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "csubjpass")] + _partitive_objects(verb)
        else:  # "a suspension of air links with Serbia", "the lifting of the blockade"
            objs = args.prep_objects(verb, ("of",))
        for tok in objs:
            noun = cands.get(tok.i)
            if noun is None or noun is cand or noun.trigger.entry.pos != "noun" or noun.entry.type not in ended:
                continue
            if not cand.recipients:
                cand.recipients = [m for m in noun.recipients + noun.actors if m not in cand.actors]
            drop.add(tok.i)

    # "..., killing 12 civilians": a subjectless participle adds victims and counts to
    # the event of its main clause (or of that clause's subject/object noun), not a new event.
    for i, cand in list(cands.items()):
        verb = cand.trigger.head
        if i in drop or cand.trigger.entry.pos != "verb" or cand.entry.type != "ASSAULT":
            continue
        # "..., with at least five soldiers killed": the absolute phrase reports the main event's toll
        absolute = verb.dep_ == "pcomp" and verb.tag_ == "VBN" and verb.head.lower_ == "with" \
            and verb.head.head.pos_ in ("VERB", "AUX")
        # "..., killing three and wounding dozens": the second participle joins the first
        chained = verb.dep_ == "conj" and verb.tag_ == "VBG" and verb.head.dep_ == "advcl" \
            and verb.head.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        if not absolute and not chained and (verb.dep_ != "advcl" or verb.tag_ != "VBG"
                                             or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):
            continue
        main = verb.head.head if (absolute or chained) else verb.head
        host = cands.get(main.i) if main.i not in drop else None
        if host is None:
            for c in main.children:
                if c.dep_ in ("nsubj", "dobj", "nsubjpass") and c.i in cands and c.i not in drop:
                    host = cands[c.i]
                    break
        if host is None or host.entry.type not in ("ASSAULT", "COERCE"):
            continue
        host.recipients += [m for m in cand.recipients if m not in host.recipients and m not in host.actors]
        host.recipient_heads += cand.recipient_heads
        host.anchored = True
        drop.add(i)

    # "a suicide bombing that killed 30 people": the relative clause tells the attack's toll
    # and victims; it is the same attack, not a second one
    for i, cand in list(cands.items()):
        verb = cand.trigger.head
        if i in drop or cand.trigger.entry.pos != "verb" or cand.entry.type != "ASSAULT" or verb.dep_ != "relcl":
            continue
        host = cands.get(verb.head.i) if verb.head.i not in drop else None
        if host is None or host.entry.type != "ASSAULT" or host.trigger.entry.pos != "noun" \
                or not any(c.dep_ == "nsubj" and c.lower_ in _RELATIVE_SUBJECTS for c in verb.children):
            continue
        host.recipients += [m for m in cand.recipients if m not in host.recipients and m not in host.actors]
        host.recipient_heads = host.recipient_heads + cand.recipient_heads
        host.anchored = True
        drop.add(i)

    # "killed three and wounded five", "were wounded when their patrol was ambushed": a
    # wounding that shares its subject with, or happens in, another violent act is that act
    for i, cand in sorted(cands.items()):
        if i in drop or cand.trigger.entry.pos != "verb" or cand.entry.type != "ASSAULT":
            continue
        verb = cand.trigger.head
        if not lexicon.governs("wounding", _lemma(verb, lexicon)):
            continue
        host = None
        if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            host = cands.get(verb.head.i)
        if host is None:
            host = next((cands[c.i] for c in verb.children if c.dep_ == "advcl" and c.i in cands), None)
        if host is None or host is cand or host.trigger.head.i in drop or host.entry.type != "ASSAULT" \
                or host.trigger.entry.pos != "verb":
            continue
        host.recipients += [m for m in cand.recipients if m not in host.recipients and m not in host.actors]
        host.recipient_heads = host.recipient_heads + cand.recipient_heads
        drop.add(i)

    _refine(cands, drop, table, lexicon, analysis, by_id)
    _derive(cands, drop, table, lexicon, analysis, by_id, doc)

    sent_counts: dict[int, list] = {}
    events: list[Event] = []
    weak_place: set[str] = set()
    pending, rescue = sorted(cands.items()), False
    coded_sents: set[int] = set()  # sentences (first token) with an event kept
    while pending:
        for i, cand in pending:
            if i in drop:
                continue
            head = cand.trigger.head
            sent = head.sent
            # speaker's side as the implicit agent of a passive request/authorisation
            if not cand.actors and cand.entry.type in SPEAKER_AGENT_TYPES:
                if cand.trigger.entry.pos == "noun" or args.is_passive(head):
                    for quote in analysis.quotes:
                        if quote.content.start <= head.idx < quote.content.end:
                            state = _speaker_state(quote, analysis, by_id)
                            if state is not None and state not in cand.recipients:
                                cand.actors = [state]
                            break
            used = set()
            for m in cand.actors + cand.recipients:
                s, e = _span_tokens(doc, m.span.start, m.span.end)
                used.update(range(s, e))
            place, strong_place = _place_for(cand, doc, places, sent, used, table)
            if place is None and cand.entry.type in LOCATED_TYPES:
                place = _anaphoric_place(cand, places)
                strong_place = strong_place or place is not None
            date = _date_for(cand, doc, times, sent, analysis.published)
            counts = {"fatalities": None, "injured": None, "arrested": None}
            if cand.entry.type in ("ASSAULT", "COERCE", "PROTEST"):
                if sent.start not in sent_counts:
                    sent_counts[sent.start] = find_counts(sent)
                for cat, value, cue in sent_counts[sent.start]:
                    if cat == "arrested" and cand.entry.type == "ASSAULT" and cand.entry.mode != "abduct":
                        continue
                    # the count belongs to the event its cue hangs on ("fired ..., killing three"),
                    # else to the nearest eligible trigger in the sentence
                    rivals = [c for j, c in cands.items() if j not in drop and c.trigger.head.sent.start == sent.start
                              and c.entry.type in ("ASSAULT", "COERCE", "PROTEST")]
                    owner = _count_owner(cue, cat, cands, drop)
                    if owner is None or owner not in rivals:
                        owner = min(rivals, key=lambda c: abs(c.trigger.head.i - cue.i))
                    if owner is cand:
                        counts[cat] = (counts[cat] or 0) + value
            actor_ids = {m.id for m in cand.actors}
            cand.recipients = [m for m in cand.recipients if m.id not in actor_ids]
            inferred = weak_recipient = False
            if not cand.actors:
                cand.actors = _inferred_actor(cand, table, {m.id for m in cand.recipients})
                inferred = bool(cand.actors)
                actor_ids = {m.id for m in cand.actors}
            has_count = any(v is not None for v in counts.values())
            if cand.entry.type == "PROTEST" and strong_place and cand.modality == "asserted":
                # "smaller protests in Mombasa passed off peacefully": the place anchors a protest,
                # and protesters nobody names are the civilians of that country
                cand.anchored = True
                if not cand.actors and place is not None and place.country:
                    crowd = [m for m in analysis.actors if (m.sector or "") == "CVL" and m.country == place.country]
                    cand.actors = crowd[:1]
            if cand.rescued and not cand.actors:
                cand.actors = _first_party(cand, table, {m.id for m in cand.recipients})
                inferred = bool(cand.actors)
                actor_ids = {m.id for m in cand.actors}
            if cand.rescued and not cand.actors:
                continue
            if not cand.rescued and not (cand.actors or cand.recipients or has_count
                                         or (place is not None and cand.entry.type not in VERBAL)
                                         or _agent_subject(cand, lexicon)):
                continue
            if not cand.anchored and not has_count and not cand.rescued:
                continue
            # unnamed civilian victims ("killing 15 people", "wounding 11 people") of an attack
            # in a known country are that country's civilians, as ACLED codes them
            civilians_hit = not cand.recipients and cand.entry.type in ("ASSAULT", "COERCE") \
                and place is not None and place.country is not None \
                and (any(t.lemma_.lower() in lexicon.civilians for t in cand.recipient_heads)
                     or _hits_civilian_site(cand, lexicon))
            if not cand.recipients and not civilians_hit:
                cand.recipients = _near_recipient(cand, table, actor_ids) or _following_party(cand, table, actor_ids)
                weak_recipient = bool(cand.recipients)
            mod = cand.modality
            when = _as_date(date.value)
            if mod == "asserted" and published and when and (published - when).days > _HISTORICAL_DAYS:
                mod = "historical"
            # evidence: the sentence, trimmed of surrounding space
            s_start, s_end = sent.start_char, sent.end_char
            chunk = text[s_start:s_end]
            s_start += len(chunk) - len(chunk.lstrip())
            s_end -= len(chunk) - len(chunk.rstrip())
            trig_start = doc[cand.trigger.start].idx
            last = doc[cand.trigger.end] if cand.trigger.end >= 0 else head
            trig_end = last.idx + len(last.text)
            clause = _clause_tokens(_clause_top(cand.clause_verb or head))
            c_start = min(t.idx for t in clause)
            c_end = max(t.idx + len(t.text) for t in clause)
            attribution = tuple(
                q.id for q in analysis.quotes
                if (q.content.start <= trig_start < q.content.end)
                or (q.content.start < c_end and q.content.end > c_start and q.content.start <= trig_start)
            )
            if cand.entry.people and cand.actors and (cand.actors[0].sector or "") in _PEOPLE_SECTORS:
                # "garment workers staged a strike" is a stoppage; "jets carried out a strike" an attack
                other, other_mode = cand.entry.people
                cand.entry = replace(cand.entry, type=other, mode=other_mode, cameo=None, people=None, nonstate=None,
                                     acled=None, acled_state=None, acled_nonstate=None, acled_civilian=None,
                                     acled_armed=None)
            if cand.entry.nonstate and cand.actors and not _is_state(cand.actors[0]):
                # "militants raided a village" is an attack; "police raided the offices" a search
                other, other_mode = cand.entry.nonstate
                cand.entry = replace(cand.entry, type=other, mode=other_mode, cameo=None, nonstate=None)
            entry = cand.entry
            contexts = cand.contexts or entry.contexts
            cameo = entry.cameo or lexicon.cameo_for(entry.type, entry.mode, contexts)
            events.append(Event(
                id=_event_id(analysis.article_id, trig_start, entry.type),
                type=entry.type, mode=entry.mode, contexts=tuple(contexts), acled=_acled(cand, lexicon),
                cameo=cameo, actors=args.ids(cand.actors), recipients=args.ids(cand.recipients),
                location=place, date=date, modality=mod, attribution=attribution,
                fatalities=counts["fatalities"], injured=counts["injured"], arrested=counts["arrested"],
                evidence=Span.of(text, s_start, s_end),
                confidence=round(_confidence(cand, place, date, inferred, weak_recipient) * (0.8 if cand.rescued else 1), 3),
                trigger=Span.of(text, trig_start, trig_end),
            ))
            coded_sents.add(sent.start)
            if not strong_place:
                weak_place.add(events[-1].id)
            if civilians_hit and implied is not None:
                implied.append((events[-1].id, place.country, "CVL"))
        if rescue or sum(1 for _ in doc.sents) != 1:
            break
        # A text of one sentence is an event report (a data set's record, an ACLED note, a
        # headline or caption fed alone): when none of its event words was kept, its most
        # specific candidate is coded after all, as a weak event, with the sentence's first
        # subject or owner for its doer.  In an article such sentences are background and
        # stay uncoded.
        rescue = True
        coded = coded_sents
        best: dict[int, tuple[int, _Candidate]] = {}
        for i, cand in cands.items():
            start_ = cand.trigger.head.sent.start
            if i in drop or start_ in coded or cand.entry.type not in _RESCUE_TYPES:
                continue
            if cand.trigger.entry.pos == "noun" and cand.trigger.head.dep_ in ("nsubj", "nsubjpass", "csubj", "compound"):
                continue  # "coalition strikes have been slow": what is said of a kind of event; "evacuation buses"
            doer = cand.trigger.head if cand.trigger.entry.pos == "verb" else (cand.clause_verb if cand.light else None)
            if doer is not None and any(t.pos_ != "PRON" and not table.covering(t)
                                        for t in args.subject_tokens(doer, lexicon)):
                continue  # "the measure ... by cutting supply lines": the doer is named, and is no actor
            if start_ not in best or cand.entry.specificity > best[start_][1].entry.specificity:
                best[start_] = (i, cand)
        pending = sorted(best.values(), key=lambda ic: ic[0])
        for _, cand in pending:
            cand.rescued = True

    sent_starts = [sent.start_char for sent in doc.sents]
    events = _discourse(events, analysis, sent_starts, weak_place)
    events = _dedupe(events, analysis, weak_place, sent_starts)
    return tuple(sorted(events, key=lambda e: (e.evidence.start, e.trigger.start if e.trigger else 0)))


def _agent_subject(cand: _Candidate, lexicon: Lexicon) -> bool:
    """Whether a verb trigger's own subject names a doer that no actor mention covers
    ("The opposition denounced ...", "Vice-President Awori declined ..."), or a passive's subject
    names who underwent it ("Three journalists were detained"): a proper name, or a head noun of
    the lexicon's agent or victim lists.  Pronouns, reported speech and habits do not count."""
    if not cand.anchored:
        return False
    if cand.trigger.entry.pos == "verb":
        verb = cand.trigger.head
    elif cand.light and cand.clause_verb is not None:  # "continued their hunger strike"
        verb = cand.clause_verb
    else:
        return False
    if args.is_passive(verb):
        # "Three journalists were detained": a named undergoer anchors the event as well
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        return subj is not None and _named(subj, lexicon)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ == "xcomp":
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return subj is not None and _named(subj, lexicon)


def _named(subj: "Token", lexicon: Lexicon) -> bool:
    """A proper name, or a head noun of the lexicon's agent or victim lists."""
    if subj.pos_ == "PROPN":
        return subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or (not subj.ent_type_ and not subj.is_sent_start)
    if subj.pos_ == "NOUN" and any(c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")
                                   for c in subj.children):
        return True  # "Sandinista officials", "Israeli bulldozers"
    return subj.pos_ == "NOUN" and (subj.lemma_.lower() in lexicon.agents or subj.lemma_.lower() in lexicon.civilians)


def _anaphoric_place(cand: _Candidate, places) -> Optional[Place]:
    """"in the capital" / "in the city": the city the article has named most (the capital),
    or named last (the city), before the event."""
    head = cand.trigger.head
    clause = _clause_tokens(_clause_top(cand.clause_verb or head))
    for tok in clause:
        if tok.dep_ == "pobj" and tok.lemma_.lower() in ("capital", "city") \
                and any(c.lower_ == "the" for c in tok.children) and tok.head.lower_ in ("in", "at", "near", "into"):
            earlier = [p for s, e, p in places if 0 <= s < tok.i and p.feature == "city"]
            if not earlier:
                return None
            if tok.lemma_.lower() == "city":
                return earlier[-1]
            counts: dict[str, int] = {}
            for p in earlier:
                counts[p.name] = counts.get(p.name, 0) + 1
            best = max(counts.values())
            return [p for p in earlier if counts[p.name] == best][-1]
    return None


_INHERIT_TYPES = LOCATED_TYPES


def _discourse(events: list[Event], analysis: Analysis, sent_starts: list[int], weak_place: set[str]) -> list[Event]:
    """Article-level repairs: narrative place and time carried to the next sentence, follow-up
    casualty counts folded into the incident, and protests labelled by how they were met."""
    import bisect

    sent_no = [bisect.bisect_right(sent_starts, e.evidence.start) for e in events]
    kinds = [_section_kind(analysis, e.evidence.start) for e in events]
    out = list(events)
    inherited: set[int] = set()
    # 1. "Police said they had arrested 40 people" after a sentence about Tuesday in Nairobi
    for k, ev in enumerate(out):
        if kinds[k] != "body" or ev.type not in _INHERIT_TYPES or ev.modality != "asserted":
            continue
        prior = [j for j in range(k) if kinds[j] == "body" and 0 <= sent_no[k] - sent_no[j] <= 1
                 and out[j].type in _INHERIT_TYPES and out[j].modality in ("asserted", "historical")]
        if not prior:
            continue
        src = out[prior[-1]]
        changes = {}
        if ev.location is None and src.location is not None:
            changes["location"] = src.location
            weak_place.add(ev.id)
        if ev.date.basis == "published" and src.date.basis in ("clause", "sentence", "inferred") \
                and src.date.granularity == "day":
            changes["date"] = EventDate(src.date.value, src.date.granularity, src.date.span, "inferred")
        if changes:
            out[k] = replace(ev, **changes)
            inherited.add(k)
    # 2. "At least a dozen people were wounded when officers moved to break up a march":
    #    counts in a follow-up sentence about the same day and place belong to the incident
    for k in sorted(inherited):
        ev = out[k]
        if ev.type != "ASSAULT" or (ev.fatalities is None and ev.injured is None):
            continue
        hosts = [j for j in range(k) if sent_no[k] - sent_no[j] == 1 and out[j].type == "ASSAULT"
                 and out[j].fatalities is not None and out[j].location == ev.location
                 and out[j].date.value == ev.date.value]
        if not hosts:
            continue
        host = out[hosts[0]]
        changes = {c: getattr(ev, c) for c in ("fatalities", "injured")
                   if getattr(ev, c) is not None and getattr(host, c) is None}
        if changes:
            out[hosts[0]] = replace(host, **changes)
            out[k] = replace(ev, **{c: None for c in changes})
    # 3. PROTEST sub-type from how the same protest was met (ACLED: peaceful, with
    #    intervention, excessive force)
    for k, ev in enumerate(out):
        if ev.type != "PROTEST" or ev.acled is None or ev.acled.event_type != "Protests" \
                or ev.acled.sub_event_type != "Peaceful protest" or ev.modality not in ("asserted", "historical"):
            continue
        met = [o for o in out if o.type == "ASSAULT" and o.modality in ("asserted", "historical")
               and o.location is not None and ev.location is not None and o.location.name == ev.location.name
               and o.date.value == ev.date.value and "repression" in o.contexts]
        # "police arrested dozens of protesters at a rally": arrests or dispersal in the same sentence
        met += [o for o in out if o.evidence == ev.evidence and o.modality in ("asserted", "historical") and o not in met
                and ((o.type == "COERCE" and o.mode == "arrest") or (o.type == "ASSAULT" and "repression" in o.contexts))]
        if any(o.acled and o.acled.sub_event_type == "Excessive force against protesters" for o in met):
            out[k] = replace(ev, acled=AcledLabel("Protests", "Excessive force against protesters"))
        elif met:
            out[k] = replace(ev, acled=AcledLabel("Protests", "Protest with intervention"))
    return out


def _covers(big: Event, small: Event, weak_place: set[str] = frozenset()) -> bool:
    """``big`` says at least what ``small`` says about the same happening."""
    if big.type != small.type or big.modality != small.modality:
        return False
    if not (set(small.actors) <= set(big.actors) and set(small.recipients) <= set(big.recipients)):
        return False
    if small.location and big.location and small.location.name != big.location.name \
            and big.id not in weak_place and small.id not in weak_place:
        return False
    if small.date.basis in ("clause",) and big.date.value != small.date.value:
        return False
    return True


def _dedupe(events: list[Event], analysis: Analysis, weak_place: set[str], sent_starts: list[int]) -> list[Event]:
    """Drop title events restated in the body, and weaker restatements of one event."""
    import bisect

    kinds = {e.id: _section_kind(analysis, e.evidence.start) for e in events}
    sent_no = {e.id: bisect.bisect_right(sent_starts, e.evidence.start) for e in events}
    keep: list[Event] = []
    for event in events:
        others = [o for o in events if o is not event]
        if kinds[event.id] == "title" and any(kinds[o.id] != "title" and (_covers(o, event) or _covers(event, o)) for o in others):
            continue
        # a restatement in the same or the next sentence ("the authorisation for Russia to ...")
        stronger = [o for o in others if _covers(o, event, weak_place) and kinds[o.id] != "title"
                    and 0 <= sent_no[event.id] - sent_no[o.id] <= 1 and o.evidence.start <= event.evidence.start
                    and (len(o.actors) + len(o.recipients) > len(event.actors) + len(event.recipients)
                         or (len(o.actors) + len(o.recipients) == len(event.actors) + len(event.recipients)
                             and o.evidence.start < event.evidence.start))]
        if stronger and (event.actors or event.recipients):
            continue
        keep.append(event)
    return keep


def attribute_unnamed(events: tuple[Event, ...], mentions: tuple[ActorMention, ...], lexicon: Lexicon,
                      make: Callable[[Span, str, str], Optional[ActorMention]], doc: Optional["Doc"] = None,
                      implied: Iterable[tuple[str, str, str]] = ()
                      ) -> tuple[tuple[Event, ...], tuple[ActorMention, ...]]:
    """Asserted (or historical) events of a type with an unnamed doer (``[unnamed_doers]`` in the
    lexicon) and no doer in the text get that sector's group of the country they happened in:
    "a roadside bombing near Samarra killed a US soldier" -> an unidentified armed group of Iraq.
    The new mention's evidence is the trigger that implies the doer.  ``make(span, iso3,
    sector)`` builds the actor mention.  Returns (events, mentions).

    With ``doc``, an event of a ``[place_targets]`` type that has no recipient but governs a
    place ("bombed a building in Gaza City", "will visit Beijing") gets that place's state as its
    recipient, unless the doer is that state (a state acting on its own soil)."""
    out_events, added = [], []
    victims = {event_id: (iso, sector) for event_id, iso, sector in implied}
    for event in events:
        if event.id in victims and not event.recipients and event.trigger is not None:
            # the recipients ``code_events`` found implied: "killing 15 people" -> civilians of X
            mention = make(event.trigger, *victims[event.id])
            if mention is not None and mention.id not in event.actors:
                added.append(mention)
                event = replace(event, recipients=(mention.id,))
        sector = lexicon.unnamed_doers.get(f"{event.type}.{event.mode}") or lexicon.unnamed_doers.get(event.type)
        loc = event.location
        if event.actors or sector is None or loc is None or not loc.country or event.trigger is None \
                or event.modality not in ("asserted", "historical"):
            out_events.append(event)
            continue
        mention = make(event.trigger, loc.country, sector)
        if mention is None or mention.id in event.recipients:
            out_events.append(event)
            continue
        added.append(mention)
        out_events.append(replace(event, actors=(mention.id,)))
    by_id = {m.id: m for m in mentions + tuple(added)}
    if doc is not None and lexicon.place_targets:
        for k, event in enumerate(out_events):
            loc = event.location
            if event.recipients or event.type not in lexicon.place_targets or loc is None or not loc.country \
                    or event.trigger is None or not _governed_place(doc, event.trigger, loc.span):
                continue
            if any(by_id[a].kind == "state" and by_id[a].country == loc.country for a in event.actors if a in by_id):
                continue  # "Iraqi forces retook Mosul": no state is its own target
            mention = make(loc.span, loc.country, "GOV")
            if mention is None or mention.id in event.actors:
                continue
            added.append(mention)
            by_id[mention.id] = mention
            out_events[k] = replace(event, recipients=(mention.id,))
    if lexicon.domestic_targets:
        for k, event in enumerate(out_events):
            mention = _domestic_target(event, mentions, by_id, lexicon, make)
            if mention is not None:
                added.append(mention)
                out_events[k] = replace(event, recipients=(mention.id,), confidence=round(event.confidence - 0.1, 3))
    if not added:
        return tuple(out_events), mentions
    return tuple(out_events), tuple(sorted(mentions + tuple(added), key=lambda m: (m.span.start, m.span.end)))


# dependency steps from a place up to the trigger that governs it ("bombed [a building in] Gaza")
_PLACE_STEPS = frozenset({"pobj", "prep", "dobj", "compound", "appos", "nmod", "npadvmod"})


def _governed_place(doc: "Doc", trigger: Span, place: Span) -> bool:
    """Whether the place hangs on the trigger within three steps of object and preposition
    links: "bombed Gaza City", "a strike on a building in Gaza City", "visit to Beijing"."""
    trig = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    where = doc.char_span(place.start, place.end, alignment_mode="expand")
    if trig is None or where is None:
        return False
    heads = {t.i for t in trig} | {t.head.i for t in trig if t.dep_ == "dobj"}  # "launch an offensive in X"
    tok = where.root
    for _ in range(4):
        if tok.i in heads:
            return True
        if tok.dep_ not in _PLACE_STEPS or tok.head.i == tok.i:
            return False
        tok = tok.head
    return tok.i in heads


def _domestic_target(event: Event, mentions: tuple[ActorMention, ...], by_id: dict[str, ActorMention],
                     lexicon: Lexicon, make: Callable[[Span, str, str], Optional[ActorMention]]
                     ) -> Optional[ActorMention]:
    """The target at home of an event with no recipient whose doers are all of one country and
    whose sentence names no party of another (lexicon ``[domestic_targets]``): a state's arrests
    or curfews bear on its civilians, a people's protest or demand on its state ("the
    government lifted the curfew", "students demanded reforms")."""
    if event.recipients or not event.actors or event.trigger is None:
        return None
    doers = [by_id[a] for a in event.actors if a in by_id]
    countries = {m.country for m in doers}
    if len(doers) != len(event.actors) or len(countries) != 1 or None in countries:
        return None
    iso = next(iter(countries))
    if event.location is not None and event.location.country and event.location.country != iso:
        return None  # it happened abroad
    if any(m.country and m.country != iso or (m.kind in ("igo", "organization") and not m.country)
           for m in mentions if event.evidence.start <= m.span.start < event.evidence.end):
        return None  # a foreign or international party is about: the target is not at home
    side = "state" if all(_is_state(m) for m in doers) else "people"
    sector = lexicon.domestic_targets.get(side, {}).get(event.type)
    mention = make(event.trigger, iso, sector) if sector else None
    if mention is None or mention.id in event.actors:
        return None
    return mention
