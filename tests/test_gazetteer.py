"""The compiled gazetteer: normalisation, lookups of alternate spellings, country points."""
from __future__ import annotations

import pytest

from eventwire import gazetteer
from eventwire.gazetteer import distance_km, loose, normalise


@pytest.fixture(scope="module")
def gaz():
    return gazetteer.load_gazetteer()


@pytest.mark.parametrize("name, key", [
    ("Bayjī", "bayji"),
    ("Salah ad-Din", "salah ad din"),
    ("U.S.", "us"),
    ("Côte d’Ivoire", "cote divoire"),
    ("  São  Paulo ", "sao paulo"),
])
def test_normalise(name, key):
    assert normalise(name) == key


@pytest.mark.parametrize("a, b", [("baiji", "beiji"), ("bayji", "beiji"), ("al mawsil", "mawsil")])
def test_loose_keys_join_transliterations(a, b):
    assert loose(a) == loose(b)


@pytest.mark.parametrize("name, country, lat, lon", [
    ("Baiji", "IRQ", 34.93, 43.49),
    ("Bayji", "IRQ", 34.93, 43.49),
    ("Mosul", "IRQ", 36.34, 43.13),
    ("al-Mosul", "IRQ", 36.34, 43.13),
    ("Mossoul", "IRQ", 36.34, 43.13),
    ("Aleppo", "SYR", 36.20, 37.16),
    ("Tarabulus", "LBY", 32.89, 13.19),
])
def test_alternate_spellings(gaz, name, country, lat, lon):
    hits = [e for e in gaz.lookup(name) if e.country == country]
    assert hits, name
    assert min(distance_km(lat, lon, e.lat, e.lon) for e in hits) < 25


def test_loose_lookup_finds_unlisted_spelling(gaz):
    assert "Beiji" not in {e.name for e in gaz.lookup("Beiji") if e.country == "IRQ"}
    assert any(e.geonameid == 97783 for e in gaz.lookup_loose("Beiji"))


@pytest.mark.parametrize("code, lat, lon", [
    ("IRQ", 33.0, 44.0), ("SYR", 35.0, 38.0), ("TUR", 39.0, 35.0), ("USA", 39.76, -98.5),
    ("FRA", 46.0, 2.0), ("RUS", 60.0, 100.0),
])
def test_country_points(gaz, code, lat, lon):
    entry = gaz.country(code)
    assert entry.feature == "country" and entry.country == code
    assert distance_km(lat, lon, entry.lat, entry.lon) < 1


def test_every_country_has_a_point(gaz):
    for cc in ("AF", "GB", "CN", "BR", "NZ", "TV", "VA"):
        entry = gaz.country(cc)
        assert entry is not None and not (entry.lat == 0 and entry.lon == 0)


@pytest.mark.parametrize("name, feature, country, admin1", [
    ("Texas", "admin", "USA", "TX"),
    ("Queensland", "admin", "AUS", "04"),
    ("Saladin", "admin", "IRQ", "18"),
    ("Salah ad-Din", "admin", "IRQ", "18"),
    ("Bavaria", "admin", "DEU", "02"),
    ("Asia", "continent", None, None),
    ("Middle East", "region", None, None),
])
def test_divisions_and_regions(gaz, name, feature, country, admin1):
    hits = [e for e in gaz.lookup(name) if e.feature == feature]
    assert hits and hits[0].country == country and hits[0].admin1 == admin1


@pytest.mark.parametrize("surface, code", [("US", "USA"), ("U.S.", "USA"), ("UK", "GBR"), ("UAE", "ARE")])
def test_acronyms_are_exact(gaz, surface, code):
    assert [e.country for e in gaz.lookup_exact(surface)] == [code]


def test_airport_codes_and_short_names_are_not_names(gaz):
    assert 2988507 not in {e.geonameid for e in gaz.lookup("PAR")}  # Paris's IATA code
    assert not gaz.lookup("us")


def test_admin1_names(gaz):
    assert gaz.admin1_name("IQ", "18") == "Saladin"
    assert gaz.admin1_name("US", "TX") == "Texas"


def test_build_is_atomic_and_loadable(tmp_path, monkeypatch):
    path = gazetteer.build(tmp_path / "g.pickle")
    assert path.is_file() and not list(tmp_path.glob("*.tmp"))
    assert gazetteer.load(path).lookup("Mosul")


def test_index_is_keyed_by_versions(monkeypatch, tmp_path):
    monkeypatch.setenv("EVENTWIRE_CACHE", str(tmp_path))
    path = gazetteer.index_path()
    assert path.parent == tmp_path and "gnc" in path.name and f"-b{gazetteer.BUILDER_VERSION}-" in path.name
