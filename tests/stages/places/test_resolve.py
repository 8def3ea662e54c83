"""Resolution of names the gazetteer knows only in part (sentences written for these tests)."""
from __future__ import annotations

from tests.stages.conftest import by_text
from tidings.resources.places import distance_km, load_gazetteer
from tidings.stages import places
from tidings.stages.places.detect import Toponym
from tidings.stages.places.resolve import resolve


def test_a_province_named_with_its_designator_is_the_province(geoparse):
    found = geoparse("Heavy rain caused landslides in Yunnan province on Saturday, state media reported.")
    province = by_text(found, "Yunnan province")
    assert (province.country, province.feature) == ("CHN", "admin1")


def test_a_longer_unknown_name_is_placed_at_the_known_place_inside_it():
    gazetteer = load_gazetteer()
    names = ["Far North Queensland", "West Virginia State", "Upper Unknownshire"]
    found = resolve([Toponym(0, len(n), n) for n in names], gazetteer, demonym_countries=[], dateline=[])
    assert [(e.country, e.admin1) if e else None for e in found] == [
        ("AUS", "Queensland"), ("USA", "West Virginia"), None]


def test_a_facility_is_placed_in_the_town_named_after_it(geoparse):
    found = geoparse("The injured driver was taken to Mercy General Hospital in Sacramento on Friday.")
    hospital = by_text(found, "Mercy General Hospital")
    assert (hospital.name, hospital.admin1, hospital.geonames_id) == ("Mercy General Hospital", "California", None)
    assert hospital.lat == by_text(found, "Sacramento").lat


def test_a_facility_name_that_acts_is_an_organisation_not_a_place(geoparse):
    found = geoparse("The Northern Civil Liberties Center, which tracks police shootings, said the figures were low.")
    assert found == []


def test_the_publications_country_decides_an_ambiguous_town(build_doc):
    text = "Organizers of a rally in London thanked volunteers on Saturday."
    local = build_doc(text, until="actors")
    local.article.url = "https://www.lfpress.ca/news/local-news/rally"
    assert [p.country for p in places.run(local).places] == ["CAN"]
    assert [p.country for p in places.run(build_doc(text, until="actors")).places] == ["GBR"]


def test_only_country_domains_name_a_publications_country():
    gazetteer = load_gazetteer()
    found = [places.source_countries(a, gazetteer) for a in
             ("https://www.bbc.co.uk/news/uk-1", "lfpress.ca", "https://news.example.com/x", "https://cnn.tv", None)]
    assert found == [["GBR"], ["CAN"], [], [], []]


def test_one_sense_per_article_for_a_name_pinned_by_its_state():
    gazetteer = load_gazetteer()
    names = [Toponym(0, 11, "Springfield", qualifiers=gazetteer.lookup_qualifier("Ill.")),
             Toponym(20, 33, "Massachusetts"), Toponym(40, 46, "Boston"), Toponym(50, 61, "Springfield")]
    found = resolve(names, gazetteer, demonym_countries=[], dateline=[])
    assert [e.admin1 for e in found] == ["Illinois", "Massachusetts", "Massachusetts", "Illinois"]


def _km(a, b) -> float:
    return distance_km(a.lat, a.lon, b.lat, b.lon)


def test_a_county_is_placed_among_the_towns_of_its_state_the_article_names(geoparse):
    found = geoparse("Crews from Travis County were called to a blaze in Pflugerville, north of Austin, on Sunday.")
    assert _km(by_text(found, "Travis County"), by_text(found, "Austin")) < 30


def test_a_county_without_towns_nearby_is_placed_at_a_large_town_of_its_name(geoparse):
    found = geoparse("Voters in Sacramento County will choose a new sheriff in June.")
    county = by_text(found, "Sacramento County")
    assert (county.admin1, round(county.lat), round(county.lon)) == ("California", 39, -121)


def test_a_name_before_a_governors_title_is_the_state(geoparse):
    found = geoparse("Former New York Gov. David Paterson spoke at the rally on Monday.")
    assert (by_text(found, "New York").feature, by_text(found, "New York").admin1) == ("admin1", "New York State")


def test_a_state_named_in_full_after_a_town_is_the_state(geoparse):
    found = geoparse("The bakery in Tacoma, Washington, reopened on Friday after the storm.")
    assert by_text(found, "Washington").admin1 == "Washington State"


def test_a_name_listed_beside_states_is_a_state(geoparse):
    found = geoparse("Tech firms are leaving California or Washington for cheaper states such as Idaho.")
    assert by_text(found, "Washington").admin1 == "Washington State"


def test_a_facility_named_after_a_pinned_town_lies_in_that_town(geoparse):
    found = geoparse("The woman, of Paris, Texas, was taken to Paris Regional Medical Center after the crash.")
    assert by_text(found, "Paris Regional Medical Center").admin1 == "Texas"


def test_a_capital_listed_beside_the_regions_around_it_stays_the_capital(geoparse):
    found = geoparse("Officials in Washington and Maryland ordered schools closed on Tuesday.")
    assert by_text(found, "Washington").admin1 == "District of Columbia"
    found = geoparse("Officials in Washington and Oregon ordered schools closed on Tuesday.")
    assert by_text(found, "Washington").admin1 == "Washington State"


def test_provinces_of_south_africa_and_iran_are_known(geoparse):
    found = geoparse("Floods hit villages in Mpumalanga and the Eastern Cape, while Fars province stayed dry.")
    assert [(p.text, p.country, p.feature) for p in found] == [
        ("Mpumalanga", "ZAF", "admin1"), ("Eastern Cape", "ZAF", "admin1"), ("Fars province", "IRN", "admin1")]


def test_counties_of_britain_and_ireland_are_known(geoparse):
    found = geoparse("Floods hit farms in Ceredigion and Powys on Sunday, and a man from Co. Cavan was rescued.")
    assert [(p.text, p.country) for p in found] == [("Ceredigion", "GBR"), ("Powys", "GBR"), ("Co. Cavan", "IRL")]
