"""Breadth of the event lexicon: common wire-copy phrasings of each PLOVER type.

The sentences were written for this test in the manner of wire copy (none is taken from a
gold file); each names a phrasing the lexicon's synonym sets cover ("sided with", "joined
forces", "slapped tariffs on", "set free", "lashed out at", ...).  The whole pipeline runs,
so the test checks that some event of the sentence has the expected PLOVER type; the
negative cases check that a broader sense did not take over a word's old reading.
"""
from __future__ import annotations

import pytest

PUBLISHED = "2015-10-27"

CASES = [
    # SUPPORT
    ("Italy sided with Spain in the row over fishing quotas.", "SUPPORT"),
    ("Gulf states rallied behind the Egyptian president on Sunday.", "SUPPORT"),
    # CONSULT
    ("The Afghan president sat down with Taliban envoys in Doha.", "CONSULT"),
    ("The Brazilian president played host to the Argentine leader in Brasilia.", "CONSULT"),
    # COOPERATE
    ("Kenya and Uganda joined forces to fight cattle rustlers.", "COOPERATE"),
    ("Turkey and Azerbaijan signed a defence pact in Baku.", "COOPERATE"),
    # AID
    ("Lebanon took in more than a million refugees from Syria.", "AID"),
    ("The Paris Club agreed to write off Zambia's debt, and Norway forgave its loans to Malawi.", "AID"),
    # CONCEDE
    ("The governor commuted the death sentence of the convicted rebel commander.", "CONCEDE"),
    ("The dockworkers' union called off the strike after the government raised wages.", "CONCEDE"),
    # RETREAT
    ("The gunmen set free the three kidnapped engineers on Friday.", "RETREAT"),
    ("The militia disbanded its fighters after the peace deal.", "RETREAT"),
    # REQUEST
    ("Opposition parties pushed for an independent inquiry into the shooting.", "REQUEST"),
    # ACCUSE
    ("The Venezuelan president lashed out at the United States over the sanctions.", "ACCUSE"),
    ("The victims' families took the Nigerian army to court.", "ACCUSE"),
    # REJECT
    ("China blocked the draft resolution at the Security Council.", "REJECT"),
    ("The rebels scoffed at the government's offer of an amnesty.", "REJECT"),
    # THREATEN
    ("The insurgents vowed revenge for the death of their commander.", "THREATEN"),
    # PROTEST
    ("Thousands of opposition supporters gathered outside the electoral commission in Kampala.", "PROTEST"),
    ("Striking miners erected barricades on the main highway.", "PROTEST"),
    # SANCTION
    ("Washington slapped tariffs on Mexican tomatoes.", "SANCTION"),
    ("The African Union suspended Guinea from the bloc after the coup.", "SANCTION"),
    # MOBILIZE
    ("The rebels regrouped in the hills after the offensive.", "MOBILIZE"),
    # COERCE
    ("Security forces sealed off the district after the protest.", "COERCE"),
    ("The army toppled the elected president in a coup.", "COERCE"),
    # ASSAULT
    ("Indian and Pakistani troops traded fire across the Line of Control.", "ASSAULT"),
    ("Militants planted a bomb under a bridge near Peshawar.", "ASSAULT"),
    ("Rebel fighters violated the ceasefire near Donetsk on Sunday.", "ASSAULT"),
    # AGREE
    ("The two parties struck a deal to share power.", "AGREE"),
    ("Sudan and South Sudan hammered out a compromise on oil transit fees.", "AGREE"),
]

# a broader sense must not take over the word's usual reading
KEEP = [
    ("Talks between Japan and Korea ended on Tuesday.", "CONSULT"),
    ("The rebels handed over their weapons on Sunday.", "RETREAT"),
    ("The navy blockaded the port of Hodeidah.", "COERCE"),
    ("Thousands of students protested the decision in Dhaka.", "PROTEST"),
    ("Rebels fought government troops for control of the town.", "ASSAULT"),
    ("Russia warned Georgia of serious consequences.", "THREATEN"),
]


@pytest.mark.model
@pytest.mark.parametrize("text, type_", CASES + KEEP, ids=[c[0][:40] for c in CASES + KEEP])
def test_phrasing_gets_type(pipeline, text, type_):
    article = pipeline.process(text, published=PUBLISHED)
    got = [(e.type, e.trigger.text if e.trigger else None) for e in article.events]
    assert type_ in [t for t, _ in got], got


@pytest.mark.model
@pytest.mark.parametrize("text, wrong", [
    # reading a word in its event sense only with the right objects / particles
    ("The rebels laid down strict conditions for the talks.", "RETREAT"),
    ("The two companies hammered out the details of the merger.", "ASSAULT"),
    ("Protesters rallied against the new tax in the capital.", "SUPPORT"),
])
def test_sense_not_overextended(pipeline, text, wrong):
    article = pipeline.process(text, published=PUBLISHED)
    assert wrong not in [e.type for e in article.events], [(e.type, e.trigger.text) for e in article.events]
