"""The gazetteer: its tables validate, and the lookups the places stage relies on work."""
from __future__ import annotations

import shutil

import pytest

from tidings.resources import places
from tidings.resources.places import contains, distance_km, load_gazetteer, name_key


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def test_shipped_tables_are_valid():
    assert places.validate() == []


def test_validator_reports_broken_rows(tmp_path):
    data = tmp_path / "places"
    shutil.copytree(places.DATA, data)
    with (data / "regions.tsv").open("a", encoding="utf-8") as fh:
        fh.write("Nowhere Sea\t\tswamp\tXXX\t95\t10\t\n")
    with (data / "demonyms.tsv").open("a", encoding="utf-8") as fh:
        fh.write("FRA\tFrance\n")
    problems = places.validate(data)
    assert any("unknown feature 'swamp'" in p for p in problems)
    assert any("unknown country XXX" in p for p in problems)
    assert any("bad coordinates 95" in p for p in problems)
    assert any("'France' is also a place name" in p for p in problems)


def test_name_key_ignores_case_accents_and_quote_style():
    assert name_key("Québec") == name_key("QUEBEC") == "quebec"
    assert name_key("Côte d’Ivoire") == "cote d'ivoire"


def test_distance_km():
    assert distance_km(48.8534, 2.3488, 51.5085, -0.1257) == pytest.approx(343, abs=3)
    assert distance_km(10, 10, 10, 10) == 0


def test_lookup_finds_every_namesake(gazetteer):
    wilmingtons = [m.entry for m in gazetteer.lookup("Wilmington") if m.primary and m.entry.country == "USA"]
    assert {"Delaware", "North Carolina"} <= {e.admin1 for e in wilmingtons}
    delaware = {(m.entry.feature, m.entry.admin1) for m in gazetteer.lookup("Delaware")}
    assert ("admin1", "Delaware") in delaware and ("city", "Ohio") in delaware


def test_alternate_names_and_article_less_arabic_names(gazetteer):
    assert any(m.entry.country == "UKR" and not m.primary for m in gazetteer.lookup("Kiev"))
    assert any(m.entry.country == "SYR" for m in gazetteer.lookup("Qamishli"))


def test_qualifiers_resolve_abbreviations_only_after_a_comma(gazetteer):
    assert [e.name for e in gazetteer.lookup_qualifier("Del.")] == ["Delaware"]
    assert [e.name for e in gazetteer.lookup_qualifier("Ont.")] == ["Ontario"]
    assert not gazetteer.lookup("Del.")


def test_countries_regions_and_water(gazetteer):
    usa = gazetteer.by_geonames_id(6252001)
    assert (usa.feature, usa.country, round(usa.lat)) == ("country", "USA", 40)
    assert {m.entry.country for m in gazetteer.lookup("U.S.")} == {"USA"}
    assert gazetteer.lookup("Black Sea")[0].entry.feature == "water"
    assert gazetteer.lookup("Crimea")[0].entry.country == "UKR"
    assert gazetteer.lookup("Kashmir")[0].entry.country is None


def test_cities_know_their_admin1_region(gazetteer):
    edmonton = max((m.entry for m in gazetteer.lookup("Edmonton")), key=lambda e: e.population)
    assert (edmonton.country, edmonton.admin1) == ("CAN", "Alberta")
    alberta = gazetteer.lookup("Alberta")[0].entry
    assert contains(alberta, edmonton)
    assert not contains(gazetteer.countries["USA"], edmonton)


def test_side_tables(gazetteer):
    assert gazetteer.demonym("Syrian") == "SYR"
    assert gazetteer.demonym("Syria") is None
    assert gazetteer.is_stopword("police")
    assert gazetteer.is_person_title("Gov.")
    assert "be" in gazetteer.stative_verbs
    assert "accuse" in gazetteer.actor_object_verbs
    assert "GEO" in gazetteer.neighbours["RUS"]
    assert gazetteer.is_capital(max((m.entry for m in gazetteer.lookup("Paris")), key=lambda e: e.population))


def test_index_is_cached_on_disk(gazetteer, tmp_path, monkeypatch):
    monkeypatch.setenv("TIDINGS_CACHE", str(tmp_path))
    built = places.read_or_build_gazetteer(15000)
    assert list(tmp_path.glob("places-*.pickle"))
    reloaded = places.read_or_build_gazetteer(15000)
    assert len(reloaded) == len(built) and reloaded.lookup("Nairobi") == built.lookup("Nairobi")


def test_largest_city_takes_the_most_populous_namesake_spelt_as_written(gazetteer):
    assert gazetteer.largest_city("Minsk").country == "BLR"
    assert gazetteer.largest_city("San José", min_population=15_000).country == "CRI"  # not San Jose, California
    assert gazetteer.largest_city("Vaduz", min_population=15_000).country == "LIE"  # a capital, whatever its size
    assert gazetteer.largest_city("MINSK") is None
    assert gazetteer.largest_city("MINSK", case_sensitive=False).country == "BLR"
    assert gazetteer.largest_city("Nowhereville") is None


def test_the_actors_stage_reads_city_names_from_the_same_gazetteer(gazetteer):
    from tidings.stages.actors.mentions import city_country

    assert load_gazetteer() is load_gazetteer(1000) is gazetteer  # one index per process, however it is asked for
    assert city_country("Minsk") == gazetteer.largest_city("Minsk").country
    assert city_country("KHARTOUM", case_sensitive=False) == "SDN"
    assert city_country("Khartoum") == "SDN" and city_country("KHARTOUM") is None


def test_us_counties_lie_in_their_states(gazetteer):
    states = {m.entry.admin1 for m in gazetteer.lookup("Metcalfe County")}
    assert states == {"Kentucky"}
    assert {m.entry.admin1 for m in gazetteer.lookup("Jefferson County")} >= {"Kentucky", "Alabama", "Colorado"}


def test_a_major_airport_known_by_one_name_is_the_airport(gazetteer):
    entries = {(m.entry.feature, m.entry.country) for m in gazetteer.lookup("Heathrow")}
    assert ("other", "GBR") in entries
    heathrow = next(m.entry for m in gazetteer.lookup("Heathrow Airport"))
    assert distance_km(heathrow.lat, heathrow.lon, 51.47, -0.45) < 10


def test_country_code_domains(gazetteer):
    assert [gazetteer.country_by_domain(d) for d in ("ca", "uk", "de", "zz")] == ["CAN", "GBR", "DEU", None]


def test_an_abbreviation_is_no_place_name(gazetteer):
    assert gazetteer.is_abbreviation("Man.") and not gazetteer.is_abbreviation("Manitoba")
