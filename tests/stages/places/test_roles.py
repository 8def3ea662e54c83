"""Place roles on sentences written for these tests: each rule with a case it catches and one it must not."""
from __future__ import annotations

import shutil

import pytest

from tidings.models import Article, Document
from tidings.resources import places as resources
from tidings.resources.places import load_role_cues
from tidings.stages import nlp, places


@pytest.fixture(scope="module")
def roles(build_doc):
    """``roles(text)`` → {place text: role} for the places found in ``text`` (the last one of a name)."""

    def run(text: str) -> dict[str, str]:
        doc = build_doc(text, until="places")
        return {p.text: p.role for p in doc.places}

    return run


def test_subjects_of_speech_and_decision_verbs_act_but_places_where_things_happen_do_not(roles):
    found = roles("Kyiv rejected the proposal on Monday, hours after heavy shelling near Kharkiv.")
    assert found["Kyiv"] == "actor"
    assert found["Kharkiv"] == "location"
    found = roles("Fighting in Kyiv intensified overnight as sirens sounded across the capital.")
    assert found["Kyiv"] == "location"


def test_subject_of_a_modal_standing_for_the_verb_acts(roles):
    found = roles("If Washington raises tariffs again, so will Beijing, a trade official in Geneva warned.")
    assert found["Beijing"] == "actor"
    assert found["Geneva"] == "location"


def test_coordinated_subjects_share_the_role(roles):
    found = roles("Serbia and Kosovo agreed on Thursday to resume talks, officials in Brussels said.")
    assert (found["Serbia"], found["Kosovo"], found["Brussels"]) == ("actor", "actor", "location")


def test_passive_subject_of_a_verb_aimed_at_governments_acts_but_a_stricken_place_does_not(roles):
    assert roles("Iran was accused of supplying drones, diplomats said.")["Iran"] == "actor"
    assert roles("Haiti was hit by a powerful earthquake on Saturday.")["Haiti"] == "location"


def test_possessor_of_an_institution_or_decision_acts_but_not_of_its_coast(roles):
    found = roles("Moscow's envoy met Japan's foreign minister, while storms battered Japan's northern coast.")
    assert found["Moscow"] == "actor"
    text = "Tokyo's envoy arrived as storms battered Peru's northern coast."
    assert roles(text) == {"Tokyo": "actor", "Peru": "location"}


def test_place_before_a_government_or_officials_noun_acts(roles):
    found = roles("U.S. officials said Manila police detained two men near the port of Cebu.")
    assert found["U.S."] == "actor"
    assert found["Manila"] == "actor"
    assert found["Cebu"] == "location"


def test_place_before_a_title_acts(roles):
    assert roles("Ghana President Nana Akufo-Addo arrived in Abuja on Tuesday.") == {"Ghana": "actor",
                                                                                    "Abuja": "location"}


def test_place_before_a_physical_noun_stays_a_place(roles):
    assert roles("Traffic on the Ohio border crossing was backed up for miles.")["Ohio"] == "location"


def test_government_of_a_country_acts_but_the_outskirts_of_a_city_do_not(roles):
    found = roles("Washington urged the government of Ukraine to act, as troops massed on the outskirts of Kharkiv.")
    assert found["Ukraine"] == "actor"
    assert found["Kharkiv"] == "location"


def test_parties_to_a_relation_act_but_flights_between_cities_do_not(roles):
    found = roles("Relations between Ankara and Athens have thawed, and flights between Izmir and Thessaloniki "
                  "resumed.")
    assert (found["Ankara"], found["Athens"]) == ("actor", "actor")
    assert (found["Izmir"], found["Thessaloniki"]) == ("location", "location")


def test_hyphenated_pair_before_a_relation_noun_acts_but_not_before_a_border(roles):
    found = roles("Officials prepared for the Vietnam-Japan summit while guards patrolled the Laos-Cambodia border.")
    assert (found["Vietnam"], found["Japan"]) == ("actor", "actor")
    assert (found["Laos"], found["Cambodia"]) == ("location", "location")


def test_patron_of_a_hyphenated_participle_acts_but_a_base_does_not(roles):
    found = roles("Tehran-backed militias attacked a convoy, a Dubai-based analyst said.")
    assert found["Tehran"] == "actor"
    assert found["Dubai"] == "location"


def test_recipients_and_grantors_act_but_destinations_and_origins_do_not(roles):
    found = roles("The deal would sell 40 jets to Qatar, months after Namibia won independence from Britain. "
                  "The jets will be flown to Doha from Texas.")
    assert (found["Qatar"], found["Britain"]) == ("actor", "actor")
    assert (found["Doha"], found["Texas"]) == ("location", "location")


def test_targets_of_sanctions_act_but_a_city_a_strike_lands_on_does_not(roles):
    found = roles("The bloc imposed new sanctions on Belarus after missiles fell on Lviv.")
    assert found["Belarus"] == "actor"
    assert found["Lviv"] == "location"


def test_object_controlling_an_infinitive_acts_but_a_place_visited_does_not(roles):
    found = roles("The envoy pressed Caracas to free the detainees before she visited Bogota.")
    assert found["Caracas"] == "actor"
    assert found["Bogota"] == "location"


def test_place_inside_an_organisation_or_treaty_name_is_not_a_location(roles):
    found = roles("The Kentucky State Police said the suspect fled toward Louisville.")
    assert found["Kentucky"] == "actor"
    assert found["Louisville"] == "location"


def test_place_inside_a_building_or_venue_name_stays_a_place(roles):
    found = roles("Students gathered outside Ankara University on Friday.")
    assert found["Ankara"] == "location"


def test_sports_teams_act(roles):
    found = roles("Denver rallied in the fourth quarter for a win over Phoenix, and the Denver coach praised "
                  "the crowd in Colorado.")
    assert found["Phoenix"] == "actor"
    assert found["Colorado"] == "location"


def test_a_place_opening_a_line_is_a_dateline_only_before_a_dash_or_bracket():
    # raw text (no clean stage) keeps its dateline, as gold sets and feeds do
    text = "LAGOS (Reuters) - Police dispersed protesters on Monday.\n\nU.S. urges calm after protests."
    doc = places.run(nlp.run(Document(Article(id="raw", text=text))))
    assert {p.text: p.role for p in doc.places} == {"LAGOS": "location", "U.S.": "actor"}


def test_role_cue_lists_are_lemmas():
    cues = load_role_cues()
    assert "official" in cues.affiliation_nouns and "coast" in cues.literal_possessions
    assert not cues.affiliation_nouns & cues.literal_possessions


def test_role_cue_validator_reports_broken_rows(tmp_path):
    data = tmp_path / "places"
    shutil.copytree(resources.DATA, data)
    with (data / "role_cues.tsv").open("a", encoding="utf-8") as fh:
        fh.write("vague_nouns\tthing\nliteral_possessions\tCoast|envoy|envoy\n")
    problems = resources.validate(data)
    assert "role_cues.tsv: unknown cue 'vague_nouns'" in problems
    assert "role_cues.tsv: cue 'literal_possessions' listed twice" in problems
    assert "role_cues.tsv: literal_possessions has 'Coast', not a lower-case lemma" in problems
    assert "role_cues.tsv: literal_possessions lists 'envoy' twice" in problems
    assert "role_cues.tsv: 'envoy' is both an affiliation noun and a literal possession" in problems


def test_place_before_a_title_inside_a_longer_name_acts(roles):
    found = roles("Harris County Sheriff Ed Gonzalez told reporters in Houston that two deputies were hurt.")
    assert (found["Harris County"], found["Houston"]) == ("actor", "location")


def test_party_after_a_conjoined_preposition_acts(roles):
    found = roles("The minister wants deeper trade with Canada and with Mexico, he told a forum in Ottawa.")
    assert (found["Canada"], found["Mexico"], found["Ottawa"]) == ("actor", "actor", "location")


def test_object_of_a_verb_punishing_a_club_or_country_acts_but_a_city_left_behind_does_not(roles):
    found = roles("UEFA charged Galatasaray and fined Marseille after the match, and the fans left Istanbul.")
    assert found["Marseille"] == "actor"
    assert found["Istanbul"] == "location"


def test_polity_nouns_make_the_place_after_of_an_actor(roles):
    found = roles("Fifty countries recognise the independence of Kosovo, diplomats in the centre of Pristina said.")
    assert found["Kosovo"] == "actor"
    assert found["Pristina"] == "location"


def test_an_armed_group_named_like_a_town_is_not_a_place(roles):
    assert "Hamas" not in roles("Talks in Doha between Hamas and Israel stalled, Qatari mediators said.")


def test_subject_of_be_described_as_an_agent_acts_but_a_quiet_city_does_not(roles):
    found = roles("Iran is ready to resume talks, and Qatar is a close ally, while Kabul is quiet and Doha "
                  "is a humid city.")
    assert (found["Iran"], found["Qatar"]) == ("actor", "actor")
    assert (found["Kabul"], found["Doha"]) == ("location", "location")


def test_antecedent_of_a_relative_clause_acts_unless_it_follows_a_preposition(roles):
    found = roles("Poland, which expelled two diplomats last week, summoned the envoy.")
    assert found["Poland"] == "actor"
    found = roles("Clashes broke out in Hebron, which prompted a curfew, witnesses said.")
    assert found["Hebron"] == "location"


def test_a_place_that_falls_or_suffers_stays_a_place(roles):
    found = roles("Mariupol fell to Russian forces in May and Kharkiv suffered heavy damage, Moscow claimed.")
    assert (found["Mariupol"], found["Kharkiv"], found["Moscow"]) == ("location", "location", "actor")


def test_a_place_naming_a_club_acts_but_a_city_named_city_does_not(roles):
    found = roles("Norwich City lost at home on Saturday, while fans marched in Mexico City and Kansas City.")
    assert found["Norwich"] == "actor"
    assert (found["Mexico City"], found["Kansas City"]) == ("location", "location")


def test_passive_subject_told_to_act_acts_but_a_bombed_city_stays_a_place(roles):
    found = roles("Kyiv was urged to negotiate after Odesa was bombed overnight.")
    assert (found["Kyiv"], found["Odesa"]) == ("actor", "location")


def test_a_place_a_setback_is_for_acts_but_a_flight_for_a_city_does_not(roles):
    found = roles("The vote was a setback for Moscow, analysts said, as travellers queued for flights to Riga.")
    assert (found["Moscow"], found["Riga"]) == ("actor", "location")


def test_possessor_of_a_place_stays_a_place_but_possessor_of_an_army_acts(build_doc):
    doc = build_doc("Fighting raged in Sudan's Darfur, while Sudan's army denied losing ground.", until="places")
    assert [(p.text, p.role) for p in doc.places] == [("Sudan", "location"), ("Darfur", "location"),
                                                      ("Sudan", "actor")]


def test_a_list_of_places_taken_for_one_name_stays_places(roles):
    found = roles("He is believed to be driving south to Ingham or Townsville in a white sedan.")
    assert found["Townsville"] == "location"


# --- the same rules on trees written by hand (tests/parses.py): no parser in the loop ----------------

KYIV_REJECTED = """
    1   Kyiv      Kyiv      PROPN  NNP  _  2   nsubj  _  NER=B-GPE
    2   rejected  reject    VERB   VBD  _  0   ROOT   _  _
    3   the       the       DET    DT   _  4   det    _  _
    4   proposal  proposal  NOUN   NN   _  2   dobj   _  _
    5   near      near      ADP    IN   _  4   prep   _  _
    6   Kharkiv   Kharkiv   PROPN  NNP  _  5   pobj   _  SpaceAfter=No|NER=B-GPE
    7   .         .         PUNCT  .    _  2   punct  _  _
"""
FIGHTING_IN_KYIV = """
    1   Fighting     fighting    NOUN   NN   _  4   nsubj  _  _
    2   in           in          ADP    IN   _  1   prep   _  _
    3   Kyiv         Kyiv        PROPN  NNP  _  2   pobj   _  NER=B-GPE
    4   intensified  intensify   VERB   VBD  _  0   ROOT   _  SpaceAfter=No
    5   .            .           PUNCT  .    _  4   punct  _  _
"""


def test_the_subject_of_a_verb_acts_and_the_object_of_near_is_a_place_on_a_fixed_tree():
    from tests.parses import parse_conllu
    from tidings.stages.places.roles import role

    text, parse = parse_conllu(KYIV_REJECTED)
    cues = load_role_cues()
    assert role(parse, text.index("Kyiv"), text.index("Kyiv") + 4, cues) == "actor"
    assert role(parse, text.index("Kharkiv"), text.index("Kharkiv") + 7, cues) == "location"
    assert role(parse, 0, 4, cues, address=True) == "location"  # "KYIV, Ukraine —" is a dateline
    text, parse = parse_conllu(FIGHTING_IN_KYIV)
    assert role(parse, text.index("Kyiv"), text.index("Kyiv") + 4, cues) == "location"


def test_the_places_stage_on_a_fixed_tree_resolves_and_gives_roles():
    from tests.parses import doc_from_conllu

    doc = places.run(doc_from_conllu(KYIV_REJECTED))
    assert [(p.text, p.country, p.role) for p in doc.places] == [("Kyiv", "UKR", "actor"),
                                                                ("Kharkiv", "UKR", "location")]
