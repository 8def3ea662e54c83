"""Event coding on sentences written for the project, one test per construction."""
from __future__ import annotations

import pytest

from tests.stages.events.conftest import of_type, party
from tidings.stages.events import actorrefs


def test_simple_transitive_verb(code):
    doc = code("Russian troops attacked a Ukrainian border post on Tuesday.")
    (event,) = of_type(doc, "ASSAULT")
    assert party(event.actor) == "RUS" and party(event.recipient) == "UKR"
    assert event.status == "asserted" and not event.historical
    assert doc.text[event.trigger.start:event.trigger.end] == "attacked"
    assert event.quad_class == 4 and event.goldstein <= -9


def test_particle_verb(code):
    doc = code("Germany pulled out its troops from Mali last week.")
    (event,) = of_type(doc, "RETREAT")
    assert party(event.actor) == "DEU"
    assert event.cameo.startswith("087")


def test_light_verb_with_event_noun(code):
    doc = code("France held talks with Algeria in Paris on Monday.")
    (event,) = of_type(doc, "CONSULT")
    assert party(event.actor) == "FRA" and party(event.recipient) == "DZA"
    assert event.evidence.startswith("cooperation:040")


def test_imposed_sanctions(code):
    doc = code("The European Union imposed new sanctions on Belarus on Friday.")
    (event,) = of_type(doc, "SANCTION")
    assert event.cameo == "163" and party(event.recipient) == "BLR"


def test_nominal_event_with_possessive_actor_is_historical_and_dated(code):
    doc = code("Russia's 2008 invasion of Georgia still shapes politics in the Caucasus.")
    (event,) = of_type(doc, "ASSAULT")
    assert party(event.actor) == "RUS" and party(event.recipient) == "GEO"
    assert event.date == "2008" and event.date_precision == "year" and event.historical


def test_coordinated_actors_give_one_event_each(code):
    doc = code("Hungarian and Romanian officials agreed to reopen the border crossing.")
    countries = sorted(party(e.actor) for e in of_type(doc, "AGREE"))
    assert countries == ["HUN", "ROU"]


def test_coordinated_verbs_share_their_subject(code):
    doc = code("Russia denies any plan to invade and accuses Ukraine of provocations.")
    (accuse,) = of_type(doc, "ACCUSE")
    assert party(accuse.actor) == "RUS" and party(accuse.recipient) == "UKR"
    assert accuse.status == "asserted"
    (invade,) = of_type(doc, "ASSAULT")
    assert invade.status == "negated"


def test_reported_speech_codes_the_reported_event_not_the_saying(code):
    doc = code("The defence ministry said rebels attacked a police convoy in the north.")
    assert [e.type for e in doc.events] == ["ASSAULT"]
    assert doc.events[0].actor.sector in ("REB", None) and "rebels" in doc.events[0].actor.text


def test_request_with_object_control_and_content_code(code):
    doc = code("Britain urged Iran to release the detained sailors.")
    (event,) = of_type(doc, "REQUEST")
    assert party(event.actor) == "GBR" and party(event.recipient) == "IRN"
    assert event.cameo == "1053"
    assert not of_type(doc, "RETREAT")


def test_threat_takes_its_content_as_code_and_mode(code):
    doc = code("Turkey threatened to impose a curfew in the border town.")
    (event,) = of_type(doc, "THREATEN")
    assert event.cameo == "1323" and event.mode == "curfew"
    assert not of_type(doc, "COERCE")


def test_threatened_consequence_is_a_threat_by_the_speaker(code):
    doc = code("The US president warned Moscow that an invasion could result in sanctions.")
    (threat,) = of_type(doc, "THREATEN")
    assert party(threat.actor) == "USA" and party(threat.recipient) == "RUS"
    assert threat.status == "asserted" and threat.cameo == "1312"  # the threatened consequence: sanctions
    assert not of_type(doc, "SANCTION") and not of_type(doc, "ASSAULT")


def test_modal_consequence_without_a_frame_verb_is_hypothetical(code):
    doc = code("Officials in Washington said new sanctions would follow any incursion.")
    threats = of_type(doc, "THREATEN")
    assert threats and all(t.status == "hypothetical" for t in threats)


def test_negation(code):
    doc = code("Israeli jets did not strike targets in Gaza overnight, the army said.")
    (event,) = of_type(doc, "ASSAULT")
    assert event.status == "negated"


def test_denied_claims_negate_the_reported_event(code):
    doc = code("Moscow rejected claims that its troops shelled the village.")
    (event,) = of_type(doc, "ASSAULT")
    assert event.status == "negated"


def test_undated_future_visit_is_an_intent(code):
    doc = code("The Chinese foreign minister will visit Pakistan to discuss trade.")
    (event,) = of_type(doc, "AGREE")
    assert event.cameo == "036" and event.status == "future"
    assert party(event.actor) == "CHN" and party(event.recipient) == "PAK"


def test_present_progressive_meeting_on_a_weekday_is_future(code):
    doc = code("The French president is meeting the German chancellor in Berlin on Friday.")
    (event,) = of_type(doc, "CONSULT")
    assert event.status == "future" and party(event.actor) == "FRA"


def test_scheduled_meeting_stays_a_future_consultation(code):
    doc = code("The US president will speak by phone with the Russian president on Thursday.")
    (event,) = doc.events
    assert (event.type, event.mode, event.status) == ("CONSULT", "phone", "future")
    assert event.date == "2021-12-30" and event.date_precision == "day"


def test_promise_to_give_aid(code):
    doc = code("Japan promised to send humanitarian aid to Afghanistan.")
    (event,) = of_type(doc, "AGREE")
    assert event.cameo == "0333" and party(event.recipient) == "AFG"


def test_conditional_event_is_hypothetical(code):
    doc = code("If Serbia attacks Kosovo, the alliance will respond.")
    (event,) = of_type(doc, "ASSAULT")
    assert event.status == "hypothetical"


def test_protest_absorbs_its_stated_demand(code):
    doc = code("Thousands of Serbian students marched in Belgrade to demand the resignation of the government.")
    assert [e.type for e in doc.events] == ["PROTEST"]


def test_past_perfect_background_is_historical_without_a_date(code):
    doc = code("Officials met on Wednesday. Years earlier, the militia had kidnapped two aid workers.")
    (event,) = of_type(doc, "ASSAULT")
    assert event.historical and event.date is None and event.date_precision == "unknown"


def test_lead_news_without_a_date_is_not_given_the_publication_week(code):
    doc = code("Pakistani police arrested twelve opposition activists in Lahore.", published="2021-12-30")
    (event,) = of_type(doc, "COERCE")
    assert event.date is None and event.date_precision == "unknown" and not event.historical


def test_no_self_directed_event(code):
    doc = code("Ukrainian forces attacked Ukrainian forces' own depot by mistake.")
    for event in doc.events:
        if event.actor and event.recipient and event.actor.actor_id:
            assert event.actor.actor_id != event.recipient.actor_id


def test_event_ids_are_stable_and_offsets_point_into_text(code):
    text = "Indian troops fired on Chinese soldiers in Ladakh."
    first, second = code(text), code(text)
    assert [e.id for e in first.events] == [e.id for e in second.events]
    for event in first.events:
        assert first.text[event.trigger.start:event.trigger.end] == event.trigger.text
        assert first.text[event.sentence.start:event.sentence.end].startswith("Indian troops")
        assert event.evidence and 0 < event.confidence <= 1


def test_location_from_places_in_the_same_clause(code):
    doc = code("Iranian and Saudi diplomats held talks in Baghdad on Sunday.")
    locations = {e.location.name for e in of_type(doc, "CONSULT") if e.location}
    assert locations == {"Baghdad"}


def test_participle_modifier_takes_the_modified_noun_as_subject(code):
    doc = code("Police in Nairobi fired tear gas at protesters demanding lower food prices.")
    (repression,) = of_type(doc, "ASSAULT")
    assert repression.cameo == "175" and party(repression.actor) == "KEN"
    (demand,) = of_type(doc, "REQUEST")
    assert "protesters" in demand.actor.text


def test_event_noun_object_of_an_event_verb_is_not_coded_twice(code):
    doc = code("Egypt brokered a truce between Israel and Hamas.")
    assert {e.type for e in doc.events} == {"CONSULT"}
    assert {e.cameo for e in doc.events} == {"045"}


def test_aid_in_kind(code):
    doc = code("Kenya donated vaccines to Uganda.")
    (event,) = doc.events
    assert (event.type, party(event.actor), party(event.recipient)) == ("AID", "KEN", "UGA")


def test_phrasal_verbs_with_particle_and_preposition(code):
    retake = code("Ukrainian forces took back the city of Kherson from Russian troops.")
    (event,) = retake.events
    assert (event.type, party(event.actor), party(event.recipient)) == ("COERCE", "UKR", "RUS")
    quit_deal = code("The United States pulled out of the nuclear deal.")
    assert [e.type for e in quit_deal.events] == ["REJECT"]


def test_lone_verb_needs_a_party_as_its_object(code):
    assert not of_type(code("The Canadian prime minister supported the decision."), "SUPPORT")
    (event,) = of_type(code("The Canadian prime minister supported Ukrainian farmers."), "SUPPORT")
    assert party(event.recipient) == "UKR"


def test_code_only_when_a_party_is_known(code):
    assert code("Somebody attacked something somewhere.").events == []


def test_coordinated_nationalities_inside_one_mention(code):
    doc = code("Chinese and Russian warships held drills near Japan on Monday.")
    assert sorted(party(e.actor) for e in doc.events) == ["CHN", "RUS"]
    assert {party(e.recipient) for e in doc.events} == {"JPN"}


def test_no_domestic_default_when_the_other_parties_disagree(code):
    doc = code("Hungarian and Romanian officials were attacked by gunmen.")
    assert sorted(party(e.recipient) for e in doc.events) == ["HUN", "ROU"]
    assert all(e.actor is None or e.actor.country is None for e in doc.events)


def test_no_domestic_default_that_makes_an_official_part_of_the_body_they_act_on(code):
    (event,) = of_type(code("Energy Minister Olena Marchuk accused Moscow of trying to freeze civilians."), "ACCUSE")
    assert party(event.recipient) == "RUS" and event.actor.country is None  # not RUS-GOV accusing RUS-GOV
    # another person of the same government keeps the default
    (meeting,) = of_type(code("President Joe Biden met his senior adviser, Pablo Vela, on Tuesday."), "CONSULT")
    assert party(meeting.actor) == party(meeting.recipient) == "USA"


def test_one_politician_attacking_another_is_criticism(code):
    (event,) = code("Donald Trump attacked Hillary Clinton over her emails.").events
    assert (event.type, event.cameo) == ("ACCUSE", "111") and "+ rule:verbal-attack;" in event.evidence
    (fight,) = code("Russian soldiers attacked Ukrainian villagers.").events
    assert fight.type == "ASSAULT"


@pytest.mark.parametrize("sentence", ["Donald Trump is doubling down on his attacks on Alicia Machado.",
                                      "Trump has been targeting Machado since the debate.",
                                      "Senator Harry Reid has been steadily pounding Donald Trump as a con artist."])
def test_one_politician_targeting_or_attacking_another_in_a_noun_is_criticism(code, sentence):
    (event,) = code(sentence).events
    assert event.type == "ACCUSE" and "+ rule:verbal-attack;" in event.evidence


def test_a_strike_on_someone_is_an_attack(code):
    (event,) = code("Israel's strike on Hamas leader Yahya Sinwar killed him.").events
    assert event.type == "ASSAULT" and party(event.actor) == "ISR"


def test_named_party_after_the_preposition_outranks_the_thing_sent(code):
    doc = code("The rebels vowed to inflict heavy losses on the Nigerian army.")
    assert {party(e.recipient) for e in doc.events} == {"NGA"}


def test_a_statement_with_no_demand_codes_no_request(code):
    doc = code("The Taliban issued a declaration on Monday about the new school year.")
    assert not of_type(doc, "REQUEST")


def test_curbs_imposed_and_lifted(code):
    (imposed,) = of_type(code("Japan imposed export curbs on South Korea in July."), "SANCTION")
    (lifted,) = of_type(code("Japan lifted export curbs on South Korea on Thursday."), "RETREAT")
    assert party(imposed.recipient) == party(lifted.recipient) == "KOR"


def test_countermeasures_taken_are_sanctions_and_promised_ones_threats(code):
    (taken,) = of_type(code("China took countermeasures against US defence firms on Friday."), "SANCTION")
    assert party(taken.actor) == "CHN" and party(taken.recipient) == "USA"
    doc = code("North Korea warned it would take strong countermeasures against South Korea.")
    assert {(party(e.actor), party(e.recipient)) for e in of_type(doc, "THREATEN")} == {("PRK", "KOR")}
    assert not of_type(doc, "SANCTION")


def test_condemned_event_with_no_named_doer_is_still_coded(code):
    doc = code("The attack on the embassy was condemned by France and Germany.")
    assert sorted(party(e.actor) for e in of_type(doc, "ACCUSE")) == ["DEU", "FRA"]
    assert not code("Germany supported the decision.").events


def test_possessor_of_a_decision_does_what_its_infinitive_says(code):
    (event,) = of_type(code("Serbia's decision to expel Croatian diplomats drew criticism."), "SANCTION")
    assert party(event.actor) == "SRB" and party(event.recipient) == "HRV"
    (event,) = of_type(code("The decision to expel Croatian diplomats drew criticism."), "SANCTION")
    assert event.actor is None


def test_participle_with_agent_acts_on_the_noun_it_modifies(code):
    doc = code("The Syrian government, backed by Russia, launched an offensive against rebels in Idlib.")
    (support,) = of_type(doc, "SUPPORT")
    assert party(support.actor) == "RUS" and party(support.recipient) == "SYR"
    (assault,) = of_type(doc, "ASSAULT")
    assert party(assault.actor) == "SYR"


def test_gerund_after_for_is_done_by_the_criticised_party(code):
    doc = code("China's foreign ministry criticized the United States for sending warships through the strait.")
    (mobilize,) = of_type(doc, "MOBILIZE")
    assert party(mobilize.actor) == "USA"
    (mobilize,) = of_type(code("Kenya argued for sending troops to Somalia."), "MOBILIZE")
    assert party(mobilize.actor) == "KEN" and party(mobilize.recipient) == "SOM"  # no object: the subject acts


def test_military_training_is_military_aid(code):
    (event,) = of_type(code("Britain has trained thousands of Ukrainian soldiers since 2015."), "AID")
    assert party(event.actor) == "GBR" and party(event.recipient) == "UKR" and event.cameo == "072"
    assert not code("The Ukrainian soldiers trained near the border for a week.").events


def test_mediating_between_two_parties_names_both(code):
    doc = code("Ghana offered to mediate between Togo and Benin.")
    assert sorted(party(e.recipient) for e in doc.events) == ["BEN", "TGO"]


def test_relative_pronoun_subject_is_the_noun_it_modifies(code):
    doc = code("Burundi accused Rwanda of backing rebels who attacked its territory.")
    (assault,) = of_type(doc, "ASSAULT")
    assert party(assault.actor) != "RWA"
    doc = code("Iran, which backs Hezbollah, denounced the Israeli strikes.")
    (support,) = of_type(doc, "SUPPORT")
    assert party(support.actor) == "IRN"


def test_prompting_someone_makes_them_the_actor(code):
    doc = code("Kosovo police arrested a Serbian officer, prompting Belgrade to put its army on alert.")
    (mobilize,) = of_type(doc, "MOBILIZE")
    assert party(mobilize.actor) == "SRB"
    (coerce,) = of_type(doc, "COERCE")
    assert party(coerce.actor) == "XKX" and party(coerce.recipient) == "SRB"


def test_rejected_proposal_owned_through_a_pronoun(code):
    (event,) = of_type(code("The Kremlin said Kyiv had rejected its proposal for a ceasefire."), "REJECT")
    assert party(event.actor) == "UKR" and party(event.recipient) == "RUS"
    (event,) = of_type(code("Hanoi rejected its own plan."), "REJECT")
    assert event.recipient is None


def test_sending_an_envoy_is_a_visit_and_a_discussed_truce_is_no_truce(code):
    doc = code("Egypt sent a delegation to Israel to discuss the truce.")
    (visit,) = of_type(doc, "CONSULT")
    assert party(visit.actor) == "EGY" and party(visit.recipient) == "ISR" and visit.mode == "visit"
    assert not of_type(doc, "RETREAT")
    (truce,) = of_type(code("Israel declared a truce on Sunday."), "RETREAT")
    assert party(truce.actor) == "ISR"


def test_invitation_extended(code):
    (event,) = of_type(code("Kenya extended an invitation to Ethiopia's prime minister."), "AGREE")
    assert party(event.actor) == "KEN" and party(event.recipient) == "ETH"


def test_promise_verb_with_a_thing_given_to_someone_is_no_promise(code):
    assert not code("The generals swore allegiance to the new president of Niger.").events
    assert not code("Spain offered condolences to Morocco after the earthquake.").events
    (event,) = of_type(code("Hezbollah vowed to retaliate against Israel."), "THREATEN")
    assert party(event.recipient) == "ISR"
    (event,) = of_type(code("Benin refused entry to Ghanaian traders."), "SANCTION")
    assert party(event.recipient) == "GHA"


def test_banning_someone_from_acting_does_not_make_the_banner_act(code):
    doc = code("Zimbabwe's government banned the main opposition party from holding rallies.")
    assert not of_type(doc, "PROTEST")
    assert party(of_type(doc, "COERCE")[0].actor) == "ZWE"


def test_a_sea_is_no_recipient(code):
    (event,) = of_type(code("North Korea test-fired a ballistic missile toward the Sea of Japan."), "ASSAULT")
    assert event.recipient is None
    (event,) = of_type(code("Israel struck the Golan Heights overnight."), "ASSAULT")
    assert party(event.recipient) == "SYR"



def test_a_day_or_a_time_is_no_party(code):
    (event,) = of_type(code("Japan condemned Monday's test."), "ACCUSE")
    assert event.recipient is None
    bombings = of_type(code("A man was arrested over last year's bombings of the embassy in Nairobi."), "ASSAULT")
    assert all(e.actor is None for e in bombings)


def test_a_month_name_alone_may_still_be_a_party(build_doc):
    doc = build_doc("May said the plan would go ahead.", until="coref")
    ref = actorrefs.ActorRef(text="May", start=0, end=3)
    assert not actorrefs.names_a_time(doc, ref)


def test_strikes_by_a_weapon_are_attacks(code):
    doc = code("Government forces launched cruise missile strikes against rebel camps near the border.")
    assert [e.type for e in doc.events] == ["ASSAULT"]


def test_an_armed_group_striking_attacks_but_police_striking_walk_out(code):
    (event,) = code("The militants struck in a series of attacks on hotels in the city.").events
    assert (event.type, event.cameo) == ("ASSAULT", "190") and "rule:armed-sense" in event.evidence
    (event,) = code("Police officers struck over pensions.").events
    assert event.type == "PROTEST"


def test_a_town_before_a_noun_of_force_is_where_not_who(code):
    assert not [e for e in code("Police said the Adair County shooting left two men injured.").events
                if e.actor is not None and e.actor.text == "Adair County"]
    (event,) = of_type(code("A US air strike killed three militants near the border."), "ASSAULT")
    assert party(event.actor) == "USA"


def test_a_means_of_transport_is_no_agent(code):
    (event,) = code("The weapons were transferred by sea via Djibouti to the rebels in Somalia.").events
    assert event.actor is None


def test_a_particle_the_pattern_does_not_name_makes_another_verb(code):
    doc = code("The senator wound up his visit to Kenya on Tuesday.")  # "wound up" is no wounding
    assert not of_type(doc, "ASSAULT") and of_type(doc, "CONSULT")


@pytest.mark.parametrize("sentence, recipient", [
    ("Mayor Bill de Blasio condemned the police shootings of two teenagers.", "police"),
    ("Amnesty International condemned the army raids on the villages.", "army"),
])
def test_a_body_before_a_condemned_act_is_its_doer(code, sentence, recipient):
    (event,) = of_type(code(sentence), "ACCUSE")
    assert event.recipient is not None and event.recipient.text == recipient


def test_an_unnamed_official_is_enough_of_an_object(code):
    (event,) = of_type(code("The opposition criticised the minister over the delays."), "ACCUSE")
    assert event.recipient is not None and event.recipient.text == "minister"


@pytest.mark.parametrize("sentence, recipient", [
    ("The United States filed a complaint against Brussels with the WTO over subsidies.", "Brussels"),
    ("Japan lodged a formal protest with China over the incursion.", "CHN"),
])
def test_a_complaint_is_aimed_at_whom_it_is_against_not_where_it_is_lodged(code, sentence, recipient):
    (event,) = of_type(code(sentence), "ACCUSE")
    assert recipient in (party(event.recipient), event.recipient and event.recipient.text)

# One construction per row: (what it catches, sentence, event type, actor party, recipient party; None = not checked).
CONSTRUCTIONS = [
    ("passive_with_agent_swaps_roles",
     "A convoy of Ukrainian soldiers was attacked by Russian forces near Kharkiv.", "ASSAULT", "RUS", "UKR"),
    ("refusal_is_a_rejection",
     "Poland refused to accept the migrants stranded at the border.", "REJECT", "POL", None),
    ("negated_future_of_cooperation_is_a_rejection",
     "Syria says it will not accept refugees from the camps.", "REJECT", "SYR", None),
    ("reported_obligation_is_a_request_by_the_speaker",
     "The German chancellor said Hungary must respect the court ruling.", "REQUEST", "DEU", "HUN"),
    ("named_prepositional_object_of_the_content_verb_is_the_recipient",
     "Al-Shabaab has threatened to deliver painful blows to Kenya, a spokesman said on Sunday.",
     "THREATEN", None, "KEN"),
    ("party_object_is_kept_over_a_placeless_preposition",
     "Kenyan police arrested two Somali nationals at the border crossing.", "COERCE", None, "SOM"),
    ("named_direct_object_outranks_a_thing_caught_in_the_slot",
     "Beijing condemned Tokyo for the visit to the shrine.", "ACCUSE", "CHN", "JPN"),
    ("named_slot_is_kept",
     "Japan donated rice to North Korea through the World Food Programme.", "AID", None, "PRK"),
    ("actor_as_its_own_recipient_gives_way_to_the_proposal_owner",
     "Nepal has rejected a Chinese proposal for signing a transit treaty with it, officials said.",
     "REJECT", "NPL", "CHN"),
    ("addressee_of_a_demand_under_the_request_noun",
     "The Taliban issued a declaration demanding that the Afghan government free its fighters.",
     "REQUEST", None, "AFG"),
    ("condemned_event_points_at_whoever_did_it",
     "Berlin condemned the seizure of the tanker by Iran.", "ACCUSE", "DEU", "IRN"),
]


@pytest.mark.parametrize("sentence, event_type, actor, recipient", [row[1:] for row in CONSTRUCTIONS],
                         ids=[row[0] for row in CONSTRUCTIONS])
def test_construction_codes_its_parties(code, sentence, event_type, actor, recipient):
    (event,) = of_type(code(sentence), event_type)
    assert actor is None or party(event.actor) == actor
    assert recipient is None or party(event.recipient) == recipient


@pytest.mark.parametrize("sentence", [
    "The storm killed 12 people in the Philippines on Sunday.",
    "Floods forced 10,000 people from their homes in Pakistan.",
    "Typhoon Haiyan struck the central Philippines on Friday, killing hundreds.",
    "Dozens of homes were destroyed by a wildfire near Athens.",
])
def test_a_natural_force_as_the_doer_makes_no_event(code, sentence):
    assert code(sentence).events == []


@pytest.mark.parametrize(("sentence", "type_"), [
    ("Many villagers were killed by disease and war.", "ASSAULT"),  # one party of the doers is no force
    ("Mr Snow applauded Ireland's tax cuts.", "SUPPORT"),  # a name, not a snowfall
    ("Dr Slepian was gunned down by sniper fire in his kitchen.", "ASSAULT"),  # fire from a gun is a weapon
])
def test_only_a_force_of_nature_is_no_doer(code, sentence, type_):
    assert of_type(code(sentence), type_)


@pytest.mark.parametrize(("sentence", "type_"), [
    # a politician or a party attacks in words, whatever the object
    ("The Tories attacked the government over its immigration record.", "ACCUSE"),
    ("Chief Secretary to the Treasury Paul Boateng attacked the Tory plans.", "ACCUSE"),
    # a government, an army or a politician's troops attack with force
    ("The Syrian government attacked the rebel-held town of Idlib.", "ASSAULT"),
    ("Hun Sen's troops attacked the rebel stronghold.", "ASSAULT"),
])
def test_who_attacks_says_whether_in_words_or_by_force(code, sentence, type_):
    doc = code(sentence)
    assert [e.type for e in doc.events if e.trigger.text == "attacked"] == [type_]
