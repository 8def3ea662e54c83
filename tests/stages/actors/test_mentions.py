"""Each mention generator alone with explicit inputs, the selector on plain candidates, and the composed finder."""
from pathlib import Path

import pytest

from tidings.models import Actor, RawArticle
from tidings.resources.actors import read_kb
from tidings.stages import clean, nlp
from tidings.stages.actors.index import NameIndex
from tidings.stages.actors.mentions import Candidate, MentionFinder, find_mentions, select_candidates
from tidings.stages.actors.resolve import Resolver

FIXTURE_PEOPLE = Path(__file__).parents[2] / "fixtures" / "actors" / "people.jsonl"


@pytest.fixture(scope="module")
def index():
    return NameIndex(read_kb(people_paths=[FIXTURE_PEOPLE]))


@pytest.fixture(scope="module")
def parse():
    def run(text):
        return nlp.run(clean.run(RawArticle(id="t", text=text, published="2022-03-01")))

    return run


@pytest.fixture(scope="module")
def finder(index, parse):
    resolver = Resolver(index.kb, index)
    return lambda text: MentionFinder(parse(text), index, resolver)


def described(text, candidates):
    """{mention text: (priority, label, actor id, country)}."""
    return {text[c.start:c.end]: (c.priority, c.label, c.actor.id, c.actor.country) for c in candidates}


TITLED = "Kenyan President Uhuru Kenyatta met Russian officials in Nairobi on Tuesday, a spokesman said."


def test_people_pass_takes_the_title_and_repeats(finder):
    assert described(TITLED, finder(TITLED).people_candidates().candidates) == {
        "Kenyan President Uhuru Kenyatta": (3, "PERSON", "uhuru-kenyatta", "KEN")}
    repeat = "Steven Pifer, a former U.S. ambassador to Ukraine, said Pifer had warned Kyiv."
    assert described(repeat, finder(repeat).people_candidates().candidates) == {
        "Steven Pifer": (3, "PERSON", "steven-pifer", "USA"), "Pifer": (3, "PERSON", "steven-pifer", "USA")}


def test_role_candidates_find_countries_and_patrons(finder):
    found = finder(TITLED).role_candidates(frozenset(), [])
    assert described(TITLED, found.candidates) == {"Russian officials": (2, "NOMINAL", "RUS-GOV", "RUS")}
    text = "Moscow-backed rebels shelled the town, Ukrainian troops said."
    assert described(text, finder(text).role_candidates(frozenset(), []).candidates) == {
        "Moscow-backed rebels": (2, "NOMINAL", "REB~RUS", None),
        "Ukrainian troops": (2, "NOMINAL", "UKR-MIL", "UKR")}


def test_role_candidates_bind_offices_to_countries(finder):
    found = finder("Zimbabwe's president flew to Harare.").role_candidates(frozenset(), [])
    assert [c.actor.id for c in found.candidates] == ["ZWE-GOV"]
    assert found.claimed == {0, 1, 2}
    assert found.office_countries == {"president": {("ZWE", 0)}}


def test_role_candidates_take_the_possessor_from_earlier_mentions(finder):
    text = "Putin said on Monday that his government would not negotiate with Ukrainian troops."
    found = finder(text)
    people = found.people_candidates()
    alone = found.role_candidates(frozenset(), [])
    after_people = found.role_candidates(frozenset(people.claimed), people.candidates)
    assert described(text, alone.candidates)["government"] == (2, "NOMINAL", "GOV", None)
    assert described(text, after_people.candidates)["government"] == (2, "NOMINAL", "RUS-GOV", "RUS")
    assert 0 in after_people.claimed and 0 not in alone.claimed


def test_name_candidates_keep_agentive_capitals_and_skip_claimed_tokens(finder):
    assert described(TITLED, finder(TITLED).name_candidates(frozenset())) == {
        "Kenyan": (1, "NORP", "KEN", "KEN"), "Russian": (1, "NORP", "RUS", "RUS")}  # "in Nairobi" is a place
    assert described(TITLED, finder(TITLED).name_candidates(frozenset({0}))) == {
        "Russian": (1, "NORP", "RUS", "RUS")}
    text = "Shares fell after Washington announced new sanctions."
    assert described(text, finder(text).name_candidates(frozenset())) == {"Washington": (1, "GPE", "USA-GOV", "USA")}


def test_organisation_candidates_read_country_and_sector_from_the_name(finder):
    text = "The Ukrainian Orthodox Church said on Sunday that Toyota Motor Corp would close its plant."
    found = finder(text).organisation_candidates(frozenset(), [])
    assert {text[c.start:c.end]: (c.actor.country, c.actor.sector) for c in found} == {
        "Ukrainian Orthodox Church": ("UKR", "REL"), "Toyota Motor Corp": (None, "BUS")}
    church = found[0]
    assert [text[c.start:c.end] for c in finder(text).organisation_candidates(frozenset(), [church])] == [
        "Toyota Motor Corp"]


def test_bind_titles_gives_an_unknown_president_the_country_of_the_title(index, parse):
    text = "President Mugabe arrived in Harare on Friday. Zimbabwe's president has ruled since 1980."
    chosen = find_mentions(parse(text), index, Resolver(index.kb, index))
    assert [(text[c.start:c.end], c.actor.id, c.actor.country) for c in chosen] == [
        ("President Mugabe", "mugabe", "ZWE"), ("Zimbabwe's president", "ZWE-GOV", "ZWE")]


def _candidate(priority, start, end, name):
    return Candidate(priority, start, end, "ORG", Actor(id=name, name=name, kind="organization"))


def test_selector_prefers_priority_then_length_and_returns_text_order():
    name = _candidate(1, 0, 7, "name")
    role = _candidate(2, 0, 17, "role")
    longer = _candidate(1, 20, 35, "longer")
    shorter = _candidate(1, 20, 26, "shorter")
    person = _candidate(3, 30, 40, "person")
    chosen = select_candidates([longer, name, shorter, person, role])
    assert [c.actor.id for c in chosen] == ["role", "shorter", "person"]
    assert select_candidates([shorter, longer]) == [longer]


def test_people_candidates_remember_untitled_countries_and_bind_titles_fills_them(finder):
    mugabe = finder("President Mugabe arrived in Harare on Friday.")
    people = mugabe.people_candidates()
    (actor, titles), = people.untold
    assert (actor.id, actor.country, titles) == ("mugabe", None, {"president"})
    mugabe.bind_titles(people.candidates, people.untold, {"president": {("ZWE", 0)}})
    assert actor.country is None  # the title is bound in the sentence naming him: someone else
    mugabe.bind_titles(people.candidates, people.untold, {"president": {("ZWE", 1)}})
    assert actor.country == "ZWE"


def test_state_outlets_speak_for_the_government(finder):
    """A newspaper, broadcaster or news agency called official, state(-run) or government is the state's voice."""
    text = "The official Egyptian newspaper and Iranian state-run television criticised the plan; Kenyan radio did not."
    assert described(text, finder(text).role_candidates(frozenset(), []).candidates) == {
        "official Egyptian newspaper": (2, "NOMINAL", "EGY-GOV", "EGY"),
        "Iranian state-run television": (2, "NOMINAL", "IRN-GOV", "IRN"),
        "Kenyan radio": (2, "NOMINAL", "KEN-MED", "KEN")}


def test_military_vehicles_and_community_forces(finder):
    """A country's helicopters or drones are its military; forces named after a community are irregulars."""
    text = "Turkish drones and helicopters struck the valley after Christian forces seized the bridge."
    found = described(text, finder(text).role_candidates(frozenset(), []).candidates)
    assert found["Turkish drones"][2] == "TUR-MIL"
    assert found["Christian forces"][2] == "REB"


def test_a_national_is_a_civilian_but_not_a_national_assembly(finder):
    text = "A Canadian national was detained at the border."
    assert described(text, finder(text).role_candidates(frozenset(), []).candidates) == {
        "Canadian national": (2, "NOMINAL", "CAN-CVL", "CAN")}
    text = "The Ecuadorian National Assembly speaker resigned."
    assert all(c.actor.sector != "CVL" for c in finder(text).role_candidates(frozenset(), []).candidates)


def test_a_role_noun_holding_ground_takes_the_holder_demonym(finder):
    """"Georgian rebel-held villages": the demonym describes the rebels holding them."""
    text = "Artillery pounded Georgian rebel-held villages and Sudanese government-controlled towns."
    found = described(text, finder(text).role_candidates(frozenset(), []).candidates)
    assert found["Georgian rebel"] == (2, "NOMINAL", "GEO-REB", "GEO")
    assert found["Sudanese government"] == (2, "NOMINAL", "SDN-GOV", "SDN")


def test_a_hyphenated_description_belongs_to_the_title(finder):
    text = "Voters in Kyiv cheered Ukrainian left-winger Volodymyr Zelenskyy on Sunday."
    people = described(text, finder(text).people_candidates().candidates)
    assert people == {"Ukrainian left-winger Volodymyr Zelenskyy": (3, "PERSON", "volodymyr-zelenskyy", "UKR")}


def test_held_people_are_civilians_unless_political_or_prisoners_of_war(finder):
    text = "Officials swapped Ukrainian prisoners of war for Belarusian political prisoners and freed Thai hostages."
    found = described(text, finder(text).role_candidates(frozenset(), []).candidates)
    assert found["Ukrainian prisoners of war"][2] == "UKR-MIL"
    assert found["Belarusian political prisoners"][2] == "BLR-OPP"
    assert found["Thai hostages"][2] == "THA-CVL"


def test_the_possessor_of_a_militia_ally_is_its_patron(finder):
    """"Iran's militia allies in Iraq" are Iraqi fighters backed by Iran, not Iranian ones."""
    text = "Syria's militia allies in Lebanon fired rockets across the border."
    found = described(text, finder(text).role_candidates(frozenset(), []).candidates)
    assert found["Syria's militia"] == (2, "NOMINAL", "LBN-REB~SYR", "LBN")
