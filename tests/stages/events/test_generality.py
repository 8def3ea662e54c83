"""Event coding of constructions found weak by failure analysis, on sentences written for the project."""
from __future__ import annotations

import pytest

from tests.stages.events.conftest import of_type, party


def main(doc):
    return max(doc.events, key=lambda e: e.confidence)


@pytest.mark.parametrize("text, country", [
    ("Ukrainian artillery strikes pounded Russian trenches east of the river.", "UKR"),
    ("Israeli drone strikes killed three fighters in southern Lebanon overnight.", "ISR"),
])
def test_weapon_strikes_are_assaults_not_labour_strikes(code, text, country):
    doc = code(text)
    assert not of_type(doc, "PROTEST")
    assert party(main(doc).actor) == country and main(doc).type == "ASSAULT"


def test_slam_into_is_physical_slam_a_party_is_criticism(code):
    hit = code("A Russian drone slammed into a fuel depot in western Ukraine.")
    assert main(hit).type == "ASSAULT" and party(main(hit).recipient) == "UKR"
    scold = code("The Chinese foreign ministry slammed Tokyo over the remarks.")
    assert main(scold).type == "ACCUSE"
    assert not code("Argentina's economy slammed into recession last year.").events


@pytest.mark.parametrize(("text", "actor", "recipient"), [
    ("Ukrainian drones hit an oil refinery in Russia's Krasnodar region.", "UKR", "RUS"),
    ("Russian missiles hit a power plant near Kharkiv on Sunday.", "RUS", "UKR"),
])
def test_a_weapon_that_hits_is_an_assault(code, text, actor, recipient):
    (event,) = of_type(code(text), "ASSAULT")
    assert party(event.actor) == actor and party(event.recipient) == recipient


def test_struck_a_deal_is_an_agreement(code):
    doc = code("The United States struck a deal with Iran on prisoner releases.")
    assert main(doc).type == "AGREE" and not of_type(doc, "ASSAULT")


@pytest.mark.parametrize("verb", ["kidnapped", "abducted"])
def test_abductions_are_assaults(code, verb):
    doc = code(f"Gunmen {verb} three Turkish engineers in northern Iraq on Sunday.")
    (event,) = of_type(doc, "ASSAULT")
    assert event.cameo == "181" and event.mode == "abduct" and party(event.recipient) == "TUR"


def test_came_under_fire_from_makes_the_subject_the_target(code):
    doc = code("An Indian border post came under fire from Pakistani troops on Friday.")
    (event,) = of_type(doc, "ASSAULT")
    assert party(event.actor) == "PAK" and party(event.recipient) == "IND"


def test_hit_by_a_missile(code):
    doc = code("A Saudi patrol boat was hit by an Iranian missile in the Gulf.")
    (event,) = of_type(doc, "ASSAULT")
    assert party(event.actor) == "IRN" and party(event.recipient) == "SAU"


@pytest.mark.parametrize("text, recipient", [
    ("Vietnam donated 3,000 tonnes of rice to Cuba last month.", "CUB"),
    ("Mexico extradited a cartel boss to the United States on Thursday.", "USA"),
    ("Jordan airdropped food to residents of Gaza.", "PSE"),
])
def test_transfer_recipient_is_the_to_phrase(code, text, recipient):
    event = main(code(text))
    assert party(event.recipient) == recipient


def test_ordered_a_carrier_to_the_region_is_a_deployment(code):
    doc = code("The Pentagon ordered a second aircraft carrier to the Red Sea.")
    assert main(doc).type == "MOBILIZE" and party(main(doc).actor) == "USA"


def test_warning_of_military_action_is_a_threat(code):
    doc = code("Seoul warned it would take military action against North Korea.")
    event = main(doc)
    assert event.type == "THREATEN" and party(event.actor) == "KOR" and party(event.recipient) == "PRK"


def test_stone_age_threat(code):
    doc = code("Israel threatened to bomb Lebanon back to the Stone Age.")
    assert main(doc).type == "THREATEN" and party(main(doc).recipient) == "LBN"


def test_joint_naval_drills_are_cooperation(code):
    doc = code("Iran held joint naval drills with Russia and China in the Gulf of Oman.")
    event = main(doc)
    assert event.type == "COOPERATE" and party(event.actor) == "IRN" and party(event.recipient) == "RUS"


@pytest.mark.parametrize("text", ["Beijing halted trade with Lithuania in December.",
                                  "Moscow suspended its participation in the arms treaty with Washington."])
def test_halting_cooperation_is_a_sanction(code, text):
    assert main(code(text)).type == "SANCTION"


def test_taking_part_in_protests_is_a_protest(code):
    doc = code("Thousands of Kenyan students took part in the demonstrations in Nairobi.")
    assert not of_type(doc, "COERCE") and main(doc).type == "PROTEST"


def test_protested_to_a_state_is_an_official_complaint(code):
    doc = code("Manila protested to Beijing over the water cannon attack.")
    event = main(doc)
    assert event.type == "ACCUSE" and event.cameo == "114" and party(event.recipient) == "CHN"


def test_deal_to_end_a_walkout_is_an_agreement(code):
    doc = code("Dock workers reached a deal with the Canadian government to end the walkout.")
    assert main(doc).type == "AGREE" and not of_type(doc, "THREATEN")


def test_a_visited_city_stands_for_its_country_not_the_visitor(code):
    doc = code("The Saudi crown prince arrived in Paris for a three-day visit.")
    (event,) = of_type(doc, "CONSULT")
    assert party(event.actor) == "SAU" and party(event.recipient) == "FRA"


def test_joint_meeting_needs_no_party_as_its_object(code):
    doc = code("Kenyan and Somali officials met in Mombasa to discuss the truce.")
    parties = {party(e.actor) for e in of_type(doc, "CONSULT")}
    assert parties == {"KEN", "SOM"}


def test_indirect_object_is_the_receiver(code):
    event = main(code("Japan gave Indonesia another $500 million in development aid."))
    assert event.type == "AID" and party(event.recipient) == "IDN"


def test_receiving_an_envoy_hosts_a_visit(code):
    doc = code("The Egyptian president received the Qatari foreign minister in Cairo on Sunday.")
    (event,) = of_type(doc, "CONSULT")
    assert party(event.actor) == "EGY" and party(event.recipient) == "QAT"


def test_rallying_in_a_city_against_the_government_is_a_protest(code):
    event = main(code("Thousands of Georgians rallied in Tbilisi against the government."))
    assert event.type == "PROTEST" and party(event.actor) == "GEO"


def test_drones_launched_at_a_city(code):
    event = main(code("Russia launched dozens of drones at Kyiv on Sunday."))
    assert event.type == "ASSAULT" and party(event.actor) == "RUS" and party(event.recipient) == "UKR"


@pytest.mark.parametrize("text, type_, recipient", [
    ("Algeria dispatched rescue teams to earthquake-hit Morocco.", "AID", "MAR"),
    ("The European Union announced new humanitarian assistance for Chad.", "AID", "TCD"),
    ("Beijing offered Cambodia a $1 billion loan for a new airport.", "AGREE", "KHM"),
])
def test_aid_phrasings(code, text, type_, recipient):
    event = main(code(text))
    assert event.type == type_ and party(event.recipient) == recipient


@pytest.mark.parametrize("text", ["South Korea scrambled fighter jets after the incursion.",
                                  "Israel put its air defences on high alert."])
def test_readiness_is_mobilisation(code, text):
    assert main(code(text)).type == "MOBILIZE"


def test_the_slot_naming_a_party_is_the_recipient(code):
    warned = main(code("India warned Pakistan against any misadventure on the border."))
    assert warned.type == "THREATEN" and party(warned.recipient) == "PAK"
    handed = main(code("Peru extradited a former army officer to Argentina."))
    assert party(handed.recipient) == "ARG"


def test_warning_of_retaliation_is_a_threat_against_the_named_party(code):
    event = main(code("Tehran warned that it would retaliate against any Israeli aggression."))
    assert event.type == "THREATEN" and party(event.actor) == "IRN" and party(event.recipient) == "ISR"


@pytest.mark.parametrize("text", ["Burkina Faso withdrew from the regional alliance.",
                                  "Chad revoked its defence pact with France."])
def test_leaving_an_alliance_or_revoking_a_pact_is_a_rejection(code, text):
    doc = code(text)
    assert main(doc).type == "REJECT" and not of_type(doc, "RETREAT") and not of_type(doc, "AGREE")
