"""Shared checks of the role test files (``test_cameo_roles_*``, ``test_wire_roles_*``).

Each file lists one-sentence reports with the PLOVER type, the actor and the recipient a coder
would give; the check passes when one event of the sentence has that type, an actor answering
the actor and a recipient answering the recipient (None: not checked).  An actor answers by its
country (ISO3), its catalogue name, or the PLOVER code of a body with no country (IGO, NGO, IMG).
"""
from __future__ import annotations

import pytest

from eventwire.evaluate.plover import KIND_CODES, STATELESS_CODES


def codes(actor) -> set[str]:
    """Every code an expected actor may be given as."""
    return {actor.country, actor.name, KIND_CODES.get(actor.kind), STATELESS_CODES.get(actor.kind)} - {None}


def check_role(pipeline, text: str, published: str, type_: str, actor, recipient) -> None:
    article = pipeline.process(text, published=published)
    by_id = {a.id: a for a in article.actors}
    got = []
    for event in article.events:
        doers = set().union(*[codes(by_id[x]) for x in event.actors if x in by_id])
        targets = set().union(*[codes(by_id[x]) for x in event.recipients if x in by_id])
        got.append((event.type, event.trigger.text if event.trigger else None, sorted(doers), sorted(targets)))
        if event.type == type_ and (actor is None or actor in doers) and (recipient is None or recipient in targets):
            return
    pytest.fail(f"no {type_} event with actor {actor} and recipient {recipient}: {got}")


def check_not_overextended(pipeline, text: str, published: str, wrong: str) -> None:
    article = pipeline.process(text, published=published)
    assert wrong not in [e.type for e in article.events], \
        [(e.type, e.trigger.text if e.trigger else None) for e in article.events]
