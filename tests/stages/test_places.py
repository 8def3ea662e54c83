"""The places stage on sentences written for these tests, one per disambiguation case."""
from __future__ import annotations

from tests.stages.conftest import by_text
from tidings.models import Article, Document
from tidings.stages import nlp, places


def test_state_abbreviation_after_comma_picks_the_town_in_that_state(geoparse):
    found = geoparse("Firefighters in Wilmington, Del., battled a warehouse blaze on Sunday night.")
    town = by_text(found, "Wilmington")
    assert (town.country, town.admin1, town.feature) == ("USA", "Delaware", "city")
    state = by_text(found, "Del.")
    assert (state.name, state.feature, state.geonames_id) == ("Delaware", "admin1", 4142224)


def test_spelled_out_state_after_comma_beats_the_famous_namesake(geoparse):
    found = geoparse("The county fair in Paris, Texas, drew record crowds this weekend, organizers said.")
    town = by_text(found, "Paris")
    assert (town.country, town.admin1) == ("USA", "Texas")
    assert abs(town.lat - 33.66) < 0.2


def test_georgia_next_to_russia_is_the_country(geoparse):
    found = geoparse("Analysts compared the buildup to Russia's 2008 invasion of its neighbor Georgia, "
                     "which cost Tbilisi control of two breakaway regions.")
    assert by_text(found, "Georgia").country == "GEO"
    assert by_text(found, "Georgia").feature == "country"


def test_georgia_in_an_american_story_is_the_state(geoparse):
    found = geoparse("Voters in Atlanta and Savannah lined up for hours on Tuesday as Georgia held its "
                     "primary, while officials in Texas and Florida watched the turnout closely.")
    georgia = by_text(found, "Georgia")
    assert (georgia.country, georgia.feature) == ("USA", "admin1")


def test_dateline_sets_the_country_context(geoparse):
    text = "Police said a man was arrested in Dover after a car struck a bus shelter near the town hall."
    assert by_text(geoparse(text, dateline="DOVER, Del. (AP)"), "Dover").admin1 == "Delaware"
    assert by_text(geoparse(text, dateline="DOVER, England"), "Dover").country == "GBR"


def test_population_prior_picks_the_capital_without_context(geoparse):
    found = geoparse("The summit will open in Paris next week, with delegations expected from 40 nations.")
    paris = by_text(found, "Paris")
    assert paris.country == "FRA"
    assert paris.geonames_id == 2988507


def test_article_context_picks_the_smaller_namesake(geoparse):
    found = geoparse("Ontario's police watchdog is investigating a crash in London that killed two people. "
                     "The collision happened near Western University, and roads between Sarnia, Windsor "
                     "and Kitchener were closed for hours, Ontario Provincial Police said.")
    assert by_text(found, "London").country == "CAN"


def test_nearby_towns_pull_an_ambiguous_name_together(geoparse):
    found = geoparse("Residents of Edmonton and Enfield in north London complained about the new bus "
                     "routes, and councillors in Tottenham promised a review.")
    assert by_text(found, "Edmonton").country == "GBR"


def test_demonyms_and_adjectives_are_not_places(geoparse):
    found = geoparse("Russian and Ukrainian negotiators met with French mediators, a Turkish official said.")
    assert not {"Russian", "Ukrainian", "French", "Turkish"} & {p.text for p in found}


def test_places_that_act_or_speak_are_actors(geoparse):
    found = geoparse("Moscow denied the report on Tuesday, and Beijing warned against interference. "
                     "Washington said talks in Geneva would go ahead.")
    assert by_text(found, "Moscow").role == "actor"
    assert by_text(found, "Beijing").role == "actor"
    assert by_text(found, "Washington").role == "actor"
    geneva = by_text(found, "Geneva")
    assert (geneva.role, geneva.country) == ("location", "CHE")


def test_place_as_agent_of_a_passive_verb_is_an_actor(geoparse):
    found = geoparse("The missile test was condemned by Tokyo within hours.")
    assert by_text(found, "Tokyo").role == "actor"


def test_possessors_partners_and_opponents_are_actors(geoparse):
    found = geoparse("Britain's decision surprised diplomats. The bloc will widen sanctions against Iran and "
                     "resume talks with Venezuela at a meeting in Vienna.")
    assert by_text(found, "Britain").role == "actor"
    assert by_text(found, "Iran").role == "actor"
    assert by_text(found, "Venezuela").role == "actor"
    assert by_text(found, "Vienna").role == "location"


def test_objects_of_verbs_aimed_at_governments_are_actors(geoparse):
    found = geoparse("The minister accused Washington of meddling and urged Beijing to show restraint, "
                     "then visited Lagos.")
    assert by_text(found, "Washington").role == "actor"
    assert by_text(found, "Beijing").role == "actor"
    assert by_text(found, "Lagos").role == "location"


def test_stative_verbs_keep_a_place_a_location(geoparse):
    found = geoparse("Texas has seen record heat this summer, forecasters said.")
    assert by_text(found, "Texas").role == "location"


def test_water_bodies_and_regions(geoparse):
    found = geoparse("Tankers avoided the Strait of Hormuz and the Red Sea after attacks, while aid "
                     "groups warned of drought across the Sahel and unrest in Central Asia.")
    assert by_text(found, "Strait of Hormuz").feature == "water"
    assert by_text(found, "Red Sea").feature == "water"
    assert by_text(found, "Sahel").feature == "region"
    assert by_text(found, "Central Asia").country is None


def test_disputed_territories_follow_the_documented_convention(geoparse):
    found = geoparse("Shelling was reported in Crimea and the Donetsk region, in the Gaza Strip and "
                     "near the Golan Heights, and along the line in South Ossetia.")
    assert by_text(found, "Crimea").country == "UKR"
    assert by_text(found, "Donetsk region").country == "UKR"
    assert by_text(found, "Gaza Strip").country == "PSE"
    assert by_text(found, "Golan Heights").country == "SYR"
    assert by_text(found, "South Ossetia").country == "GEO"


def test_names_after_a_title_or_inside_a_person_name_are_not_places(geoparse):
    found = geoparse("Sydney Clarke, 14, won the junior title. Her coach said Clarke trains six days a week, "
                     "and Sydney hopes to compete abroad next year. Mr Paterson, the club president, agreed.")
    assert not {"Sydney", "Paterson"} & {p.text for p in found}


def test_town_after_a_locative_preposition_is_found_even_if_unlabelled(geoparse):
    found = geoparse("Two men were injured when a tractor overturned near Cirencester on Friday.")
    town = by_text(found, "Cirencester")
    assert (town.country, town.feature) == ("GBR", "city")


def test_streets_are_places_even_without_coordinates(geoparse):
    found = geoparse("Officers closed Assembly Street and Harbour Road after the crash, police said.")
    street = by_text(found, "Assembly Street")
    assert street.lat is None and street.name is None


def test_run_replaces_the_layer_and_skips_unparsed_documents(build_doc):
    doc = build_doc("Protesters gathered in Nairobi and Mombasa.", until="actors")
    doc = places.run(places.run(doc))
    assert [p.text for p in doc.places] == ["Nairobi", "Mombasa"]
    doc.parse = None
    assert places.run(doc) is doc


def test_a_us_county_lies_in_the_state_the_article_names_or_the_only_state_that_has_it(geoparse):
    found = geoparse("Deputies in Jefferson County, Kentucky, closed two roads near Louisville on Monday. "
                     "Storm damage was also reported in Maricopa County.")
    county = by_text(found, "Jefferson County")
    assert (county.name, county.admin1, county.feature, county.geonames_id) == ("Jefferson County", "Kentucky",
                                                                                "other", None)
    assert (by_text(found, "Maricopa County").country, by_text(found, "Maricopa County").admin1) == (
        "USA", "Arizona")


def test_a_county_shared_by_many_states_takes_the_state_of_the_towns_around_it(geoparse):
    found = geoparse("Flooding closed schools in Cedar Rapids and Iowa City on Monday. "
                     "Crews in Linn County worked through the night.")
    assert by_text(found, "Linn County").admin1 == "Iowa"


def test_the_cleaned_dateline_decides_through_the_pipeline(build_doc):
    text = ("DOVER, {} — Police said a man was arrested in Dover after a car struck a bus shelter.\n\n"
            "The driver was taken to a hospital nearby.")
    american = build_doc(text.format("Del. (AP)"), until="places")
    british = build_doc(text.format("England (Reuters)"), until="places")
    assert [p.admin1 for p in american.places if p.text == "Dover"] == ["Delaware"]
    assert [p.country for p in british.places if p.text == "Dover"] == ["GBR"]


def test_capitals_opening_a_paragraph_are_a_dateline_place():
    # text that did not go through the clean stage keeps its dateline (gold sets, raw feeds)
    doc = nlp.run(Document(Article(id="raw", text="NAIROBI — Flood waters receded on Sunday, officials said.")))
    (place,) = places.run(doc).places
    assert (place.text, place.country, place.role) == ("NAIROBI", "KEN", "location")


def test_the_end_of_a_longer_name_is_not_a_town(geoparse):
    found = geoparse("Maduro, who took office after the death of Hugo Chávez in 2013, faces a new vote.")
    assert "Chávez" not in {p.text for p in found}


def test_a_town_too_small_for_the_gazetteer_is_placed_in_the_region_named_after_it(geoparse):
    found = geoparse("The polar bear season opened in Churchill, Man., on Monday, officials said.")
    town = by_text(found, "Churchill")
    assert (town.name, town.country, town.admin1, town.geonames_id) == ("Churchill", "CAN", "Manitoba", None)


def test_a_town_pinned_by_its_state_and_repeated_alone_is_still_that_town(geoparse):
    found = geoparse("The polar bear season opened in Churchill, Man., on Monday. Tourists flew to Churchill "
                     "from across Europe and Asia.")
    assert [(p.country, p.admin1) for p in found if p.text == "Churchill"] == [("CAN", "Manitoba")] * 2
