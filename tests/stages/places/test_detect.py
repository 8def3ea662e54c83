"""Toponyms the gazetteer finds where the model does not (sentences written for these tests)."""
from __future__ import annotations

from tests.stages.conftest import by_text


def test_towns_listed_beside_a_found_place_are_places(geoparse):
    found = geoparse("The chain closed its shops in Leeds, Cirencester, Castlegar and Almelo last year.")
    assert {p.text for p in found} >= {"Leeds", "Cirencester", "Almelo"}
    assert by_text(found, "Almelo").country == "NLD"


def test_a_town_after_a_to_of_motion_is_a_place(geoparse):
    found = geoparse("After the wedding the couple moved to Cirencester, where they opened a bakery.")
    assert by_text(found, "Cirencester").country == "GBR"


def test_a_person_after_to_is_no_place(geoparse):
    found = geoparse("The senator spoke to Jackson about the budget on Monday.")
    assert "Jackson" not in {p.text for p in found}


def test_a_town_naming_local_people_or_institutions_is_a_place(geoparse):
    found = geoparse("A Cirencester resident was arrested by Danbury police after a chase on Sunday.")
    assert {p.text for p in found} >= {"Cirencester", "Danbury"}


def test_a_politicians_name_before_a_noun_is_no_place(geoparse):
    found = geoparse("The Obama administration rejected the plan, and the Clinton campaign said nothing.")
    assert found == []


def test_a_town_after_in_is_a_place_though_a_person_in_the_article_shares_the_word(geoparse):
    found = geoparse("Carlisle Brown won the race on Friday. Fans cheered for him in Carlisle.")
    assert [(p.text, p.country) for p in found] == [("Carlisle", "GBR")]
    assert found[0].start > len("Carlisle Brown won the race on Friday.")


def test_the_end_of_a_route_from_a_place_is_a_place(geoparse):
    found = geoparse("The bypass from Air Balloon roundabout to Cirencester will be closed tonight, officials said.")
    assert by_text(found, "Cirencester").country == "GBR"


def test_numbered_roads_after_the_are_places(geoparse):
    found = geoparse("A lorry overturned on the A417 near Cirencester; drivers were sent via the A436, A40 and A429.")
    assert {"A417", "A436", "A40", "A429"} <= {p.text for p in found}
    assert by_text(found, "A40").lat is None


def test_paper_sizes_and_levels_are_no_roads(geoparse):
    found = geoparse("She printed the map on an A4 sheet and the B2 level course began in Leeds.")
    assert [p.text for p in found] == ["Leeds"]


def test_a_longer_name_in_a_list_is_no_address(geoparse):
    found = geoparse("Fares rose in Toronto, Montreal, Quebec City and Halifax last year.")
    quebec_city = by_text(found, "Quebec City")
    assert (quebec_city.feature, quebec_city.country, round(quebec_city.lat)) == ("city", "CAN", 47)


def test_a_major_place_inside_an_event_name_is_a_place(geoparse):
    found = geoparse("The team trained for the Boston Marathon all winter.")
    assert by_text(found, "Boston").admin1 == "Massachusetts"


def test_an_entity_run_across_a_spaced_dash_is_split(geoparse):
    found = geoparse("Ms Cole - Nevada's only senator - voted against the bill.")
    assert by_text(found, "Nevada").feature == "admin1"


def test_a_sentences_opening_article_does_not_lengthen_a_name(geoparse):
    found = geoparse("A Queensland Amber Alert was issued for two boys on Sunday.")
    assert by_text(found, "Queensland").country == "AUS"


def test_a_major_place_opening_a_one_token_compound_is_a_place(geoparse):
    found = geoparse("Troops from the U.S.-led coalition left the base, and a U.S.-based charity sent food.")
    assert [(p.text, p.country, p.role) for p in found] == [("U.S.", "USA", "actor"), ("U.S.", "USA", "location")]
