"""The places stage: recognition, metonym exclusion and disambiguation in context."""
from __future__ import annotations

import re

import pytest

from eventwire.gazetteer import distance_km
from eventwire.records import ActorMention, Span

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def gaz():
    from eventwire.places import load_gazetteer

    return load_gazetteer()


def mentions(text, word, *, country, metonym=False, kind="state"):
    return [ActorMention(Span.of(text, m.start(), m.end()), id=country, name=word, country=country,
                         sector="GOV" if metonym else None, kind=kind, metonym=metonym)
            for m in re.finditer(re.escape(word), text)]


def places_of(nlp, gaz, text, actors=()):
    from eventwire.places import find_places

    return find_places(nlp(text), tuple(actors), gaz)


@pytest.mark.parametrize("text, surface, country, lat, lon, feature", [
    ("He flew to Paris on Monday.", "Paris", "FRA", 48.85, 2.35, "city"),
    ("She grew up in Paris, Texas, before moving away.", "Paris", "USA", 33.66, -95.56, "city"),
    ("Clashes in Tripoli left three dead, Lebanese officials said. Lebanon's army deployed.",
     "Tripoli", "LBN", 34.43, 35.84, "city"),
    ("Militias fought in Tripoli, the capital of Libya.", "Tripoli", "LBY", 32.89, 13.19, "city"),
    ("Fires spread across Queensland this week.", "Queensland", "AUS", -20.0, 145.0, "admin"),
    ("The governor of Texas spoke in Austin.", "Texas", "USA", 31.25, -99.25, "admin"),
    ("Troops entered the northern city of Mosul in Iraq.", "Mosul", "IRQ", 36.34, 43.13, "city"),
    ("Trade with Asia grew.", "Asia", None, None, None, "continent"),
])
def test_disambiguation(nlp, gaz, text, surface, country, lat, lon, feature):
    found = {p.span.text: p for p in places_of(nlp, gaz, text)}
    place = found[surface]
    assert place.country == country and place.feature == feature
    if lat is not None:
        assert distance_km(lat, lon, place.lat, place.lon) < 25


@pytest.mark.parametrize("text, absent", [
    ("Iraqi forces advanced.", "Iraqi"),
    ("The US-led coalition struck again.", "US"),
    ("May brought rain, and Will stayed home.", "May"),
    ("George Washington crossed the river.", "Washington"),
    ("The Conference Board of Canada published a report.", "Canada"),
    ("Middle East Eye reported the story.", "Eye"),
])
def test_not_places(nlp, gaz, text, absent):
    assert absent not in {p.span.text for p in places_of(nlp, gaz, text)}


def test_metonyms_are_actors_not_places(nlp, gaz):
    text = ("Rebel groups in Syria enjoy the support of Ankara and Washington. "
            "According to the Kremlin, the strikes target militants.")
    actors = (mentions(text, "Ankara", country="TUR", metonym=True)
              + mentions(text, "Washington", country="USA", metonym=True)
              + mentions(text, "the Kremlin", country="RUS", metonym=True)
              + mentions(text, "Syria", country="SYR"))
    found = places_of(nlp, gaz, text, actors)
    assert [p.span.text for p in found] == ["Syria"]
    assert found[0].feature == "country" and found[0].precision == 3


def test_spans_point_into_text(nlp, gaz):
    text = "Shelling hit Aleppo and Homs in Syria, and Mosul in Iraq."
    found = places_of(nlp, gaz, text)
    assert [p.span.text for p in found] == ["Aleppo", "Homs", "Syria", "Mosul", "Iraq"]
    for p in found:
        assert text[p.span.start:p.span.end] == p.span.text
    assert [p.start for p in (f.span for f in found)] == sorted(f.span.start for f in found)


def test_seed_article(nlp, gaz):
    from .conftest import SEED

    text = SEED.read_text(encoding="utf-8")
    actors = (mentions(text, "Ankara", country="TUR", metonym=True)
              + mentions(text, "Washington", country="USA", metonym=True)
              + mentions(text, "the Kremlin", country="RUS", metonym=True)
              + mentions(text, "Iraq", country="IRQ") + mentions(text, "Syria", country="SYR"))
    found = places_of(nlp, gaz, text, sorted(actors, key=lambda a: a.span.start))
    by_text = {}
    for p in found:
        by_text.setdefault(p.span.text, p)
    baiji, mosul = by_text["Baiji"], by_text["Mosul"]
    assert baiji.country == "IRQ" and distance_km(34.93, 43.49, baiji.lat, baiji.lon) < 25
    assert mosul.country == "IRQ" and distance_km(36.34, 43.13, mosul.lat, mosul.lon) < 25
    assert by_text["Syria"].feature == "country" and by_text["Syria"].country == "SYR"
    assert by_text["Iraq"].feature == "country" and by_text["Iraq"].country == "IRQ"
    assert not {"Ankara", "Washington", "Kremlin", "the Kremlin"} & set(by_text)


@pytest.mark.parametrize("text, surface, country, feature", [
    ("A convoy of 35 trucks reached Goma on Monday.", "Goma", "COD", "city"),
    ("The rebels have held Goma and Bukavu for months.", "Goma", "COD", "city"),
    ("The rebels have held Goma and Bukavu for months.", "Bukavu", "COD", "city"),
    ("Troops entered Nineveh province on Friday.", "Nineveh", "IRQ", "admin"),
    ("Aid finally reached Ninawa after the siege.", "Ninawa", "IRQ", "admin"),
])
def test_person_tagged_towns_are_places(nlp, gaz, text, surface, country, feature):
    found = {p.span.text: p for p in places_of(nlp, gaz, text)}
    assert found[surface].country == country and found[surface].feature == feature


@pytest.mark.parametrize("text, absent, person", [
    ("Kamau said the talks had failed.", "Kamau", None),
    ("Mwangi told reporters in Nairobi that talks had failed.", "Mwangi", "Mwangi"),
    ("Paris Hilton said she was happy.", "Paris", None),
    ("President Kabila met Joseph Kabila's aides. Kabila said little.", "Kabila", None),
    ("Victoria Nuland arrived. Later Victoria said the talks went well.", "Victoria", None),
])
def test_persons_stay_persons(nlp, gaz, text, absent, person):
    actors = mentions(text, person, country="KEN", kind="person") if person else ()
    assert absent not in {p.span.text for p in places_of(nlp, gaz, text, actors)}


@pytest.mark.parametrize("text, surface, name, country", [
    ("Fighting spread across North Kivu this week.", "North Kivu", "Nord-Kivu", "COD"),
    ("Clashes were reported in South Kivu province.", "South Kivu", "Sud-Kivu", "COD"),
    ("Hundreds fled North Darfur state in June.", "North Darfur", "North Darfur", "SDN"),
    ("Militants attacked a checkpoint in Salahuddin province.", "Salahuddin", "Saladin", "IRQ"),
    ("Drones struck Khyber Pakhtunkhwa on Tuesday.", "Khyber Pakhtunkhwa", "Khyber Pakhtunkhwa", "PAK"),
    ("Police deployed across Kirkuk province.", "Kirkuk", "Kirkuk", "IRQ"),
    ("Soldiers moved through Rakhine state.", "Rakhine", "Rakhine", "MMR"),
])
def test_english_admin1_names(nlp, gaz, text, surface, name, country):
    found = {p.span.text: p for p in places_of(nlp, gaz, text)}
    place = found[surface]
    assert place.feature == "admin" and place.name == name and place.country == country


@pytest.mark.parametrize("text, surface, country, admin1", [
    # An abbreviated division after a comma qualifies the town, stop split off or not.
    ("The crash happened in Edmonton, Ky. on Friday near the school.", "Edmonton", "USA", "Kentucky"),
    ("She was born in Churchill, Man. and moved away.", "Churchill", "CAN", "Manitoba"),
    ("The champion from London, Ont. said he was happy.", "London", "CAN", "Ontario"),
])
def test_abbreviated_division_qualifies(nlp, gaz, text, surface, country, admin1):
    found = {p.span.text: p for p in places_of(nlp, gaz, text)}
    assert found[surface].country == country and found[surface].admin1 == admin1
    assert any(p.feature == "admin" and p.country == country for p in found.values())


def test_not_places_words(nlp, gaz):
    text = "The Olympic champion visited Toronto at Easter with Amber McDonald."
    assert [p.span.text for p in places_of(nlp, gaz, text)] == ["Toronto"]


def test_spatial_coherence_prefers_nearby_homonym(nlp, gaz):
    from eventwire.places import _near

    toronto = gaz.lookup("Toronto")
    london_on = [e for e in gaz.lookup("London") if e.cc == "CA"]
    london_uk = [e for e in gaz.lookup("London") if e.cc == "GB" and e.population > 1_000_000]
    anchors = [(e.lat, e.lon) for e in toronto if e.cc == "CA" and e.population > 1_000_000]
    assert _near(london_on[0], anchors) and not _near(london_uk[0], anchors)
