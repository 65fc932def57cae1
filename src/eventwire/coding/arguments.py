"""Who did it to whom: event arguments from the dependency parse, mapped to actor mentions.

The parse gives argument *tokens* (subject, agent, object, prepositional objects,
coordinated heads); :class:`Mentions` maps each to the actor mentions that cover the
token or its pre-modifiers ("the Iraqi government", "US-led coalition strikes").
"""
from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Iterable, Optional

from ..records import ActorMention

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from .lexicon import Lexicon

_MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "npadvmod", "det"}
_QUANTIFIERS = {"one", "some", "many", "several", "all", "most", "each", "none", "two", "three",
                "dozens", "hundreds", "thousands", "members", "part", "units", "forces", "fighters"}
_RELATIVE = {"which", "who", "that", "whom"}
# adjectives and participles of allegiance: "fighters loyal to", "militias allied with"
_ALLEGIANCE = {"loyal", "affiliate", "affiliated", "ally", "allied", "link", "linked", "aligned", "align",
               "belong", "belonging", "faithful", "close", "tie", "tied", "connect", "connected"}
SUBJECT_DEPS = {"nsubj", "csubj", "expl"}


class Mentions:
    """Actor mentions indexed by token, for quick look-up of argument tokens."""

    def __init__(self, doc: "Doc", mentions: Iterable[ActorMention], groups: Iterable[str] = ()):
        self.doc = doc
        self.groups = frozenset(groups)
        self.by_token: dict[int, list[ActorMention]] = {}
        starts = [t.idx for t in doc]
        for mention in mentions:
            first = max(bisect.bisect_right(starts, mention.span.start) - 1, 0)
            for i in range(first, len(doc)):
                token = doc[i]
                if token.idx >= mention.span.end:
                    break
                if token.idx + len(token.text) > mention.span.start:
                    self.by_token.setdefault(i, []).append(mention)

    def covering(self, token: "Token") -> list[ActorMention]:
        """Mentions overlapping ``token``, longest first."""
        found = self.by_token.get(token.i, [])
        return sorted(found, key=lambda m: m.span.start - m.span.end)

    def of_phrase(self, head: "Token", exclude: frozenset[int] = frozenset()) -> list[ActorMention]:
        """Mentions naming the phrase headed by ``head``: the head, else its pre-modifiers."""
        if head.i not in exclude:
            direct = self.covering(head)
            if direct:
                # "RSF artillery": a generic head ("artillery", "troops") resolved on its own
                # yields to a named owner among its own modifiers
                if direct[0].span.start >= head.idx:
                    for child in head.lefts:
                        if child.dep_ in ("compound", "poss") and child.i not in exclude:
                            own = [m for m in self.covering(child) if m.span.end <= head.idx]
                            if own:
                                return own[:1]
                if direct[0].kind == "person":
                    # "U.N. mediator Diego Cordovez": a person titled by an international body
                    # acts for it, and the body is a party too
                    bodies = [m for child in head.lefts if child.dep_ in ("compound", "amod", "nmod")
                              for t in child.subtree if t.i not in exclude
                              for m in self.covering(t)[:1] if m.kind == "igo"]
                    if bodies:
                        return bodies[:1] + direct[:1]
                # "Indian and Chinese troops": the first of coordinated modifiers names a party too
                paired_first = [m for child in head.lefts if child.dep_ in ("amod", "compound")
                                and child.i not in exclude and any(c.dep_ == "conj" for c in child.children)
                                for m in self.covering(child)[:1] if m != direct[0]]
                return paired_first + direct[:1]
        found: list[ActorMention] = []
        paired = False  # "the Turkish and Greek sides": coordinated modifiers name both
        for child in head.lefts:
            if child.dep_ in _MODIFIER_DEPS:
                for token in child.subtree:
                    if token.i in exclude:
                        continue
                    for mention in self.covering(token)[:1]:
                        if mention not in found:
                            found.append(mention)
                            paired = paired or (token.dep_ == "conj" and token.head.i == child.i)
        if found:
            return found[:1] if head.pos_ in ("NOUN", "PROPN") and not paired else found
        # "militants loyal to Zarqawi", "workers affiliated with the union": whose they are
        for child in head.children:
            if child.dep_ in ("amod", "acl") and child.i > head.i and child.lemma_.lower() in _ALLEGIANCE:
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("to", "with"):
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj":
                                for tok in coordinated(pobj):
                                    found.extend(m for m in self.of_phrase(tok, exclude) if m not in found)
        if found:
            return found
        # "delegations from Ethiopia and Egypt", "a group of Moroccan diplomats", "the two sides of
        # Cyprus", "opposition groups in Zimbabwe"
        if head.pos_ == "NOUN" and head.lemma_.lower() in self.groups:
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "from", "in"):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            for tok in coordinated(pobj):
                                for mention in self.of_phrase(tok, exclude):
                                    if mention not in found:
                                        found.append(mention)
            if found:
                return found
        # "They [the US-led coalition]", "one of the officers", "members of IS"
        if head.pos_ == "PRON" or head.lower_ in _QUANTIFIERS:
            for child in head.children:
                if child.dep_ == "appos":
                    return self.of_phrase(child, exclude)
            nxt = head.i + 1
            if nxt < len(head.doc) and head.doc[nxt].text in ("[", "("):
                for token in head.doc[nxt + 1: nxt + 12]:
                    if token.text in ("]", ")"):
                        break
                    if self.covering(token):
                        return self.covering(token)[:1]
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return self.of_phrase(pobj, exclude)
        return []


def coordinated(head: "Token") -> list["Token"]:
    """``head`` and the heads coordinated with it ("Iraq, Russia, Iran and Syria")."""
    out, stack = [], [head]
    while stack:
        token = stack.pop()
        out.append(token)
        stack.extend(c for c in token.children if c.dep_ == "conj" and c.pos_ != "VERB")
    return sorted(out, key=lambda t: t.i)


def is_passive(verb: "Token") -> bool:
    """Whether ``verb`` is passive ("was shelled", "backed by")."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") and not any(c.dep_ == "nsubj" for c in verb.children)


def _child(token: "Token", *deps: str) -> Optional["Token"]:
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


def prep_objects(token: "Token", preps: Iterable[str]) -> list["Token"]:
    """Objects of the prepositions ``preps`` attached to ``token`` (coordination expanded)."""
    wanted = set(preps)
    out = []
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in wanted:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.ent_type_ not in ("DATE", "TIME"):
                    out.extend(coordinated(pobj))  # "on 3 March" is when, never whom
    return out


def agent(verb: "Token") -> list["Token"]:
    """The "by" agent of a passive verb."""
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by" and is_passive(verb)):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return coordinated(pobj)
    return []


def subject_tokens(verb: "Token", lexicon: "Lexicon", depth: int = 0) -> list["Token"]:
    """Tokens heading the doer of ``verb``: subject, passive agent, or a controller up the tree."""
    if depth > 6:
        return []
    if is_passive(verb):
        return agent(verb)
    subj = _child(verb, "nsubj", "csubj")
    if subj is not None:
        if subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
            return coordinated(verb.head)
        return coordinated(subj)
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ in ("xcomp", "advcl") or (verb.dep_ == "pcomp" and head.dep_ == "prep"):
        gov = head.head if verb.dep_ == "pcomp" else head
        if gov.pos_ in ("VERB", "AUX"):
            if lexicon.governs("object_control", gov.lemma_.lower()):
                if is_passive(gov):
                    obj = _child(gov, "nsubjpass")
                    if obj is not None:
                        return coordinated(obj)
                obj = _child(gov, "dobj")
                if obj is not None:
                    return coordinated(obj)
                # "called on NATO to station troops", "appealed to the UN to send peacekeepers"
                for child in gov.children:
                    if child.dep_ == "prep" and (child.lower_ in ("on", "upon")
                                                 or (child.lower_ == "to" and gov.lemma_.lower() in ("appeal", "plead"))):
                        objs = [c for c in child.children if c.dep_ == "pobj"]
                        if objs:
                            return coordinated(objs[0])
            return subject_tokens(gov, lexicon, depth + 1)
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        return subject_tokens(head, lexicon, depth + 1)
    if verb.dep_ == "acomp" and head.pos_ in ("VERB", "AUX"):
        # "Iran is committed to ...": the copula's subject holds the stance
        return subject_tokens(head, lexicon, depth + 1)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN") and lexicon.agents \
            and head.lemma_.lower() in lexicon.agents:
        # "dispersed protesters demanding the release of ...": people the participle hangs on do it
        return coordinated(head)
    if verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
            and head.pos_ == "NOUN":
        # "the Saudi decision to restore ties", "Iran's offer to mediate": the noun's owner acts
        owners = [c for c in head.children if c.dep_ == "poss"
                  or (c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG"))]
        if owners:
            return coordinated(owners[0])
    if verb.dep_ == "acl" and (verb.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)) \
            and head.dep_ == "dobj" and head.head.pos_ == "VERB" and not is_passive(head.head):
        # "issued a declaration demanding that ...": whoever issued the declaration demands;
        # "took steps to ease restrictions": whoever took the steps eases them
        return subject_tokens(head.head, lexicon, depth + 1)
    if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return []
    # a misattached subject just before the verb ('"They [the coalition] refuse"' where the
    # parser hangs "They" on the bracket)
    for token in reversed(verb.doc[verb.sent.start: verb.i]):
        if token.dep_ == "nsubj" and token.head.pos_ not in ("VERB", "AUX"):
            return coordinated(token)
    return []


def object_tokens(verb: "Token", preps: Iterable[str]) -> list["Token"]:
    """Tokens heading the recipients of ``verb``: object (or passive subject) and ``preps`` objects."""
    out: list["Token"] = []
    if is_passive(verb):
        subj = _child(verb, "nsubjpass")
        if subj is not None:
            out.extend(coordinated(subj))
        elif verb.dep_ in ("acl", "amod"):
            out.extend(coordinated(verb.head))
    else:
        for child in verb.children:
            if child.dep_ in ("dobj", "dative") and child.pos_ != "PART":
                out.extend(coordinated(child))
            elif child.lower_ == "up" or (child.dep_ == "prep" and child.lower_ == "to" and child.i > 0
                                          and verb.doc[child.i - 1].lower_ == "up"):
                # "kidnapped up to 16 advisers": the parser reads a quantity as a particle and
                # a prepositional phrase
                to = child if child.lower_ == "to" else next(
                    (g for g in child.children if g.dep_ == "prep" and g.lower_ == "to"), None)
                if to is not None:
                    for pobj in to.children:
                        if pobj.dep_ == "pobj" and any(c.dep_ == "nummod" for c in pobj.children):
                            out.extend(coordinated(pobj))
    out.extend(prep_objects(verb, preps))
    return out


def ids(mentions: Iterable[ActorMention]) -> tuple[str, ...]:
    """Unique actor ids in order."""
    out: list[str] = []
    for mention in mentions:
        if mention.id not in out:
            out.append(mention.id)
    return tuple(out)
