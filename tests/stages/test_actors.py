"""The actors stage: KB names, role phrases, date-aware offices, people, and the helper API."""
from pathlib import Path

import pytest

from tidings.models import RawArticle
from tidings.resources.actors import read_kb
from tidings.stages import actors, clean, nlp
from tidings.stages.actors.context import dateline_country
from tidings.stages.actors.index import NameIndex

FIXTURE_PEOPLE = Path(__file__).parents[1] / "fixtures" / "actors" / "people.jsonl"


@pytest.fixture(scope="module")
def index():
    """The packaged countries/organisations with the small fixture people file."""
    return NameIndex(read_kb(people_paths=[FIXTURE_PEOPLE]))


@pytest.fixture(scope="module")
def annotate(index):
    def run(text, published="2022-03-01"):
        doc = nlp.run(clean.run(RawArticle(id="t", text=text, published=published)))
        return actors.run(doc, index=index)

    return run


def found(doc):
    """{mention text: (actor id, country, sector)} for compact assertions."""
    return {m.text: (a.id, a.country, a.sector) for m in doc.mentions if (a := doc.actor(m.actor_id))}


def test_demonym_and_role_noun_give_country_sector(annotate):
    doc = annotate("Russian officials said Ukrainian troops had pulled back overnight.")
    assert found(doc) == {"Russian officials": ("RUS-GOV", "RUS", "GOV"),
                          "Ukrainian troops": ("UKR-MIL", "UKR", "MIL")}
    assert doc.actor("UKR-MIL").name == "Ukrainian military"


def test_coordinated_demonyms_become_two_actors(annotate):
    doc = annotate("Senior Hungarian and Romanian officials agreed to reopen the border crossing.")
    assert found(doc) == {"Hungarian": ("HUN-GOV", "HUN", "GOV"), "Romanian": ("ROU-GOV", "ROU", "GOV")}


def test_protesters_in_a_capital(annotate):
    doc = annotate("Protesters in Minsk clashed with riot police on Sunday.")
    assert found(doc)["Protesters"] == ("BLR-CVL", "BLR", "CVL")
    assert found(doc)["riot police"] == ("COP", None, "COP")


def test_backed_rebels_carry_a_patron(annotate):
    doc = annotate("Moscow-backed rebels in eastern Ukraine shelled a government checkpoint.")
    mention = doc.mentions[0]
    actor = doc.actor(mention.actor_id)
    assert mention.text == "Moscow-backed rebels"
    assert (actor.id, actor.country, actor.sector, actor.patron) == ("UKR-REB~RUS", "UKR", "REB", "RUS")


def test_seats_and_capitals_stand_for_governments(annotate):
    doc = annotate("The Kremlin rejected the proposal, while Washington said the Pentagon would send advisers.")
    assert found(doc) == {"Kremlin": ("RUS-GOV", "RUS", "GOV"), "Washington": ("USA-GOV", "USA", "GOV"),
                          "Pentagon": ("USA-MIL", "USA", "MIL")}


def test_capital_as_a_place_is_not_an_actor(annotate):
    doc = annotate("The delegation flew to Moscow on Tuesday.")
    assert "Moscow" not in found(doc)


def test_brussels_is_read_as_the_eu(annotate):
    doc = annotate("Brussels warned Budapest that funds would be frozen.")
    assert found(doc)["Brussels"] == ("EU", None, "IGO")


def test_organisations_and_armed_groups(annotate):
    doc = annotate("NATO and the United Nations condemned the attack claimed by al-Shabaab and the Houthis.")
    assert found(doc) == {"NATO": ("NATO", None, "IGO"), "United Nations": ("UN", None, "IGO"),
                          "al-Shabaab": ("ALSHABAAB", None, "REB"), "Houthis": ("HOUTHI", None, "REB")}
    assert doc.actor("NATO").org == "NATO"


def test_org_modifier_wins_over_role_noun(annotate):
    doc = annotate("NATO officials met Hamas fighters' relatives.")
    assert found(doc)["NATO officials"][0] == "NATO"


def test_office_holder_depends_on_publication_date(annotate):
    text = "The U.S. president spoke to reporters on Friday."
    assert found(annotate(text, published="2020-06-01"))["U.S. president"][0] == "donald-trump"
    assert found(annotate(text, published="2022-06-01"))["U.S. president"][0] == "joe-biden"


def test_office_without_holder_falls_back_to_country_sector(annotate):
    doc = annotate("The Chilean president spoke to reporters on Friday.")
    assert found(doc)["Chilean president"] == ("CHL-GOV", "CHL", "GOV")


def test_person_sector_follows_tenure_on_the_date(annotate):
    assert found(annotate("President Biden called Putin.", published="2021-06-01"))["President Biden"] == (
        "joe-biden", "USA", "GOV")
    doc = annotate("Former President Barack Obama endorsed the plan.", published="2021-06-01")
    assert found(doc)["Former President Barack Obama"] == ("barack-obama", "USA", "ELI")
    # Medvedev was president in 2010 and out of that office (no tenure) in 2015.
    assert found(annotate("Medvedev spoke.", published="2010-01-01"))["Medvedev"][2] == "GOV"
    assert found(annotate("Medvedev spoke.", published="2015-01-01"))["Medvedev"][2] == "ELI"


def test_possessive_and_spelling_variants(annotate):
    doc = annotate("Putin's envoy met Zelenskiy, and aides to Zeleskyy said the talks were useful.")
    got = found(doc)
    assert got["Putin"][0] == "vladimir-putin"
    assert got["Zelenskiy"][0] == got["Zeleskyy"][0] == "volodymyr-zelenskyy"


def test_country_names_are_never_fuzzy(annotate):
    assert all(a.country != "RUS" for a in annotate("Rusia said it would respond.").actors)


def test_surname_repeat_links_to_the_full_name(annotate):
    doc = annotate("Hillary Clinton met Bill Clinton's aides. Later, Clinton said she was pleased.")
    assert found(doc)["Clinton"][0] == "hillary-clinton"


def test_unknown_person_from_apposition_and_repeat(annotate):
    doc = annotate("Steven Pifer, a former U.S. ambassador to Ukraine, said the talks failed. Pifer added more.")
    got = found(doc)
    assert got["Steven Pifer"] == ("steven-pifer", "USA", "ELI")
    assert got["Pifer"] == got["Steven Pifer"]
    assert "U.S. ambassador" not in got  # the apposition describes Pifer, it is not another actor


def test_unknown_person_with_title(annotate):
    doc = annotate("Kenyan Foreign Minister Amina Odhiambo arrived in Addis Ababa.")
    name = next(m for m in doc.mentions if "Odhiambo" in m.text)
    actor = doc.actor(name.actor_id)
    assert (actor.id, actor.kind, actor.country, actor.sector) == ("amina-odhiambo", "person", "KEN", "GOV")


def test_names_inside_longer_names_are_not_actors(annotate):
    got = found(annotate("Michael Jordan visited New Mexico with Ivanka Trump."))
    assert "Jordan" not in got and "Mexico" not in got
    assert got["Ivanka Trump"][0] == "ivanka-trump"


def test_modifier_role_sector_is_more_specific(annotate):
    got = found(annotate("Israeli intelligence officials and Afghan rebel leaders met."))
    assert got["Israeli intelligence officials"] == ("ISR-SPY", "ISR", "SPY")
    assert got["Afghan rebel leaders"] == ("AFG-REB", "AFG", "REB")


def test_mentions_point_into_the_text(annotate):
    doc = annotate("Hamas said Israeli forces entered Gaza after the Security Council met.")
    for mention in doc.mentions:
        assert doc.text[mention.start:mention.end] == mention.text
    assert {a.id for a in doc.actors} == {m.actor_id for m in doc.mentions}


def test_actor_at_finds_covering_or_inner_mention(annotate):
    doc = annotate("Senior Hungarian and Romanian officials agreed on Wednesday.")
    start = doc.text.index("Senior")
    end = doc.text.index("officials") + len("officials")
    assert actors.actor_at(doc, start, end)[1].id == "HUN-GOV"
    assert [a.id for _, a in actors.actors_at(doc, start, end)] == ["HUN-GOV", "ROU-GOV"]
    assert actors.actor_at(doc, doc.text.index("Wednesday"), len(doc.text)) is None


def test_person_gender(index):
    assert actors.person_gender("angela-merkel", index=index) == "f"
    assert actors.person_gender("vladimir-putin", index=index) == "m"
    assert actors.person_gender("RUS-GOV", index=index) is None


@pytest.mark.parametrize("phrase, date, expected", [
    ("the Kremlin", None, ("RUS-GOV", "RUS", "GOV")),
    ("Russian troops", None, ("RUS-MIL", "RUS", "MIL")),
    ("NATO", None, ("NATO", None, "IGO")),
    ("President Biden", "2021-03-01", ("joe-biden", "USA", "GOV")),
    ("former President Obama", "2021-03-01", ("barack-obama", "USA", "ELI")),
    ("the Russian president", "2010-01-01", ("dmitry-medvedev", "RUS", "GOV")),
    ("the Russian president", "2015-01-01", ("vladimir-putin", "RUS", "GOV")),
    ("Zelensky's", "2022-01-01", ("volodymyr-zelenskyy", "UKR", "GOV")),
    ("protesters", None, ("CVL", None, "CVL")),
    ("Kremlin-backed separatists", None, ("SEP~RUS", None, "SEP")),
    ("ex-President Obama", "2021-03-01", ("barack-obama", "USA", "ELI")),
    ("Britain", None, ("GBR", "GBR", None)),
    ("NATO Secretary General Jens Stoltenberg", "2019-01-01", ("jens-stoltenberg", None, "IGO")),
    ("NATO chief Stoltenberg", "2012-01-01", ("jens-stoltenberg", None, "IGO")),  # the title names NATO
    ("Jens Stoltenberg", "2012-01-01", ("jens-stoltenberg", "NOR", None)),  # no NATO office yet
])
def test_lookup_resolves_short_phrases(index, phrase, date, expected):
    actor = actors.lookup(phrase, on_date=date, index=index)
    assert (actor.id, actor.country, actor.sector) == expected


def test_lookup_unknown_phrase_is_none(index):
    assert actors.lookup("the weather", index=index) is None


def test_fuzzy_people_allow_one_edit_and_a_moved_letter_in_long_names(index):
    assert index.fuzzy_people("Zelesnky") == ("volodymyr-zelenskyy",)  # a swap counts once
    assert index.fuzzy_people("Zelénskyyy") == ("volodymyr-zelenskyy",)  # accents aside, one letter added
    assert index.fuzzy_people("Zelenksyy") == ("volodymyr-zelenskyy",)  # long: a letter moved (two edits)
    assert index.fuzzy_people("Pputin") == ("vladimir-putin",)
    assert index.fuzzy_people("Ppuutin") == ()  # short names take one edit only
    assert index.fuzzy_people("Vladimir Ptuinn") == ()  # long names: two edits, but not two letters added
    assert index.fuzzy_people("Qutin") == ()  # same first letter
    assert index.fuzzy_people("Puti") == ()  # too short to guess


def test_packaged_people_resolve_with_real_data(build_doc):
    doc = build_doc("President Biden spoke with the Russian president by phone.", published="2022-02-12",
                    until="actors")
    got = found(doc)
    assert got["President Biden"][0] == "joe-biden"
    assert got["Russian president"][0] == "vladimir-putin"


def test_unknown_organisation_keeps_its_name_and_clues(annotate):
    doc = annotate("Officials at the Kyiv School of Economics and Exxon Mobil Corp declined to comment.")
    got = found(doc)
    assert got["Kyiv School of Economics"] == ("kyiv-school-of-economics", None, "EDU")
    assert got["Exxon Mobil Corp"][0] == "exxon-mobil-corp"
    assert doc.actor("exxon-mobil-corp").kind == "organization"


def test_group_noun_with_country(annotate):
    assert found(annotate("Iraqi Kurds voted in the referendum."))["Iraqi Kurds"] == ("IRQ-CVL", "IRQ", "CVL")


def test_shared_surname_with_office_title_picks_the_holder(annotate):
    # No bare "Clinton" alias in the KB: the office tells the two Clintons apart.
    assert found(annotate("President Clinton met the prime minister.", published="1998-05-01"))[
        "President Clinton"][0] == "bill-clinton"
    assert found(annotate("Secretary of State Clinton met the prime minister.", published="2010-05-01"))[
        "Secretary of State Clinton"][0] == "hillary-clinton"


def test_demonym_on_the_phrase_head_joins_the_role_mention(annotate):
    got = found(annotate("Israeli army bulldozers demolished two houses."))
    assert got == {"Israeli army": ("ISR-MIL", "ISR", "MIL")}


def test_description_before_the_name_is_part_of_the_mention(annotate):
    doc = annotate("Former U.S. ambassador to Moscow Michael McFaul said the talks failed. "
                   "Ukraine's President Volodymyr Zelenskyy thanked him.")
    got = found(doc)
    assert got["Former U.S. ambassador to Moscow Michael McFaul"] == ("michael-mcfaul", "USA", "ELI")
    assert got["Ukraine's President Volodymyr Zelenskyy"] == ("volodymyr-zelenskyy", "UKR", "GOV")
    assert "Moscow" not in got


def test_capital_or_brussels_as_a_place_is_not_an_actor(annotate):
    assert "Brussels" not in found(annotate("In Brussels, EU foreign ministers agreed new sanctions."))


def test_possessive_pronoun_takes_the_country_of_the_person_before(annotate):
    got = found(annotate("Chancellor Angela Merkel said her government would review the deal.", published="2019-01-01"))
    assert got["government"] == ("DEU-GOV", "DEU", "GOV")


def test_organisation_office_holder_on_the_date(annotate):
    got = found(annotate("The NATO secretary-general met reporters.", published="2019-05-01"))
    assert got["NATO secretary-general"] == ("jens-stoltenberg", None, "IGO")
    assert found(annotate("The NATO secretary-general met reporters.", published="2012-05-01"))[
        "NATO secretary-general"][0] == "NATO"  # nobody in the fixture file held it then


def test_patrons_of_organisations_and_glued_patrons(annotate):
    got = found(annotate("U.S.-backed forces and Iran-backed Houthi rebels clashed near Marib."))
    assert got["U.S.-backed forces"] == ("MIL~USA", None, "MIL")
    assert got["Iran-backed Houthi rebels"] == ("HOUTHI~IRN", None, "REB")


@pytest.mark.parametrize("text, published, mention, expected", [
    ("U.N. Secretary-General Kofi Annan called for calm.", "2000-01-01",
     "U.N. Secretary-General Kofi Annan", ("kofi-annan", None, "IGO", "UN")),
    ("The U.N. secretary-general called for calm.", "2000-01-01", "U.N. secretary-general",
     ("kofi-annan", None, "IGO", "UN")),
    ("EU foreign policy chief Josep Borrell said the bloc was ready to act.", "2021-03-01",
     "EU foreign policy chief Josep Borrell", ("josep-borrell", None, "IGO", "EU")),
    ("The EU foreign policy chief said the bloc was ready to act.", "2021-03-01", "EU foreign policy chief",
     ("josep-borrell", None, "IGO", "EU")),
    ("U.N. Secretary-General Ban Ki-moon urged restraint.", "2000-01-01", "U.N. Secretary-General Ban Ki-moon",
     ("ban-ki-moon", None, "IGO", "UN")),  # the title names the organisation even before the KB term
    ("WHO Director-General Tedros Adhanom Ghebreyesus warned of a new wave.", "2021-01-01",
     "WHO Director-General Tedros Adhanom Ghebreyesus", ("tedros-adhanom-ghebreyesus", None, "IGO", "WHO")),
    ("Wagner chief Yevgeny Prigozhin said his men would withdraw.", "2023-05-01",
     "Wagner chief Yevgeny Prigozhin", ("yevgeny-prigozhin", "RUS", "UAF", "WAGNER")),  # a group keeps its home
    ("Kofi Annan spoke in Accra as Ghana's former president looked on.", "2010-01-01", "Kofi Annan",
     ("kofi-annan", "GHA", "ELI", None)),  # out of office: his nationality again
])
def test_international_office_holders_act_for_their_organisation(build_doc, text, published, mention, expected):
    doc = build_doc(text, published=published, until="actors")
    got = {m.text: (a.id, a.country, a.sector, a.org) for m in doc.mentions if (a := doc.actor(m.actor_id))}
    assert got[mention] == expected


def test_an_embassy_in_a_capital_is_not_an_actor(annotate):
    assert found(annotate("Protesters gathered outside an embassy in Tehran on Sunday.")) == {
        "Protesters": ("CVL", None, "CVL")}


def test_titled_unknown_person_takes_the_country_bound_to_the_title(annotate):
    # Tsvangirai is not in the fixture people file.
    got = found(annotate("Prime Minister Tsvangirai said talks would resume. Zimbabwe's prime minister has "
                         "pressed for new elections.", published="2010-05-01"))
    assert got["Prime Minister Tsvangirai"] == ("tsvangirai", "ZWE", "GOV")


@pytest.mark.parametrize("text", [
    "Prime Minister Tsvangirai said talks would resume, aides said.",
    "Prime Minister Tsvangirai met Kenya's prime minister in Nairobi.",  # a different person
    "Prime Minister Tsvangirai spoke. Kenya's prime minister and Uganda's prime minister replied.",
])
def test_titled_unknown_person_without_a_binding_keeps_no_country(annotate, text):
    assert found(annotate(text, published="2010-05-01"))["Prime Minister Tsvangirai"][1] is None


def test_user_actor_files_reach_the_stage(tmp_path, build_doc):
    people = tmp_path / "local.jsonl"
    people.write_text('{"id": "marta-quispe", "name": "Marta Quispe", "aliases": ["Quispe"], "gender": "f", '
                      '"country": "PER", "roles": [{"office": "other", "title": "Governor of Cusco", '
                      '"country": "PER", "org": null, "sector": "GOV", "start": "2019", "end": null}]}\n')
    orgs = tmp_path / "local.orgs.tsv"
    orgs.write_text("VALLEYFRONT\tValley Liberation Front\tgroup\tREB\tPER\tValley Liberation Front\n")
    doc = nlp.run(clean.run(RawArticle(id="t", published="2022-03-01",
                                       text="Governor Marta Quispe said the Valley Liberation Front attacked.")))
    doc = actors.run(doc, extra_actors=(str(people), str(orgs)))
    got = found(doc)
    assert got["Governor Marta Quispe"] == ("marta-quispe", "PER", "GOV")
    assert got["Valley Liberation Front"] == ("VALLEYFRONT", None, "REB")
    assert actors.home_country("VALLEYFRONT", kb=actors.load_kb([people, orgs])) == "PER"


# --- bare role nouns take their article's country (context.py) ------------------------------------------------


def bare_roles(doc):
    """{mention text: (actor id, label)} of role-noun mentions."""
    return {m.text: (m.actor_id, m.label) for m in doc.mentions if m.label.startswith("NOMINAL")}


def test_bare_role_noun_corefers_to_the_last_same_sector_mention(annotate):
    doc = annotate("The Ethiopian government said on Tuesday it was ready for talks with the northern leadership. "
                   "The government also promised to restore power and banking services within weeks.")
    assert bare_roles(doc)["government"] == ("ETH-GOV", "NOMINAL:coref")
    assert bare_roles(doc)["Ethiopian government"] == ("ETH-GOV", "NOMINAL")


def test_state_sector_takes_the_one_country_of_the_previous_sentence(annotate):
    doc = annotate("Mali declared a state of emergency in three central regions on Monday. "
                   "The army said it had sent reinforcements to the area.")
    assert bare_roles(doc)["army"] == ("MLI-MIL", "NOMINAL:nearby")


def test_dateline_country_when_the_article_mentions_it(annotate):
    doc = annotate("KHARTOUM (Reuters) - Protesters marched toward the presidential palace on Thursday, demanding "
                   "civilian rule in Sudan. Witnesses said tear gas was fired at the crowd near the river.")
    assert doc.article.dateline == "KHARTOUM (Reuters)"
    assert bare_roles(doc)["Protesters"] == ("SDN-CVL", "NOMINAL:dateline")


def test_dominant_country_when_the_dateline_is_not_mentioned(annotate):
    doc = annotate("PARIS (Reuters) - Iran summoned the British ambassador on Saturday. Iranian officials accused "
                   "London of stoking unrest, and Iran's state media aired a warning to foreign embassies in Tehran. "
                   "The measures took effect at midnight. Protesters gathered again in several cities on Sunday.")
    assert bare_roles(doc)["Protesters"] == ("IRN-CVL", "NOMINAL:dominant")


def test_dateline_and_dominant_rules_refuse_a_sentence_naming_another_country(annotate):
    doc = annotate("KHARTOUM (Reuters) - Sudan's army said on Monday it had secured the capital. Sudan's ruling "
                   "council called for calm. Sudan closed its airspace. Refugees and protesters crossed into "
                   "Chad overnight, aid workers said.")
    assert bare_roles(doc)["protesters"] == ("CVL", "NOMINAL")


def test_two_equally_mentioned_countries_give_no_country(annotate):
    doc = annotate("Armenia and Azerbaijan traded accusations on Tuesday. Armenia said Azerbaijan had shelled "
                   "border villages overnight. The shelling stopped before dawn. Protesters gathered outside "
                   "parliament in the evening.")
    assert bare_roles(doc)["Protesters"] == ("CVL", "NOMINAL")


def test_same_sentence_antecedents_are_not_used(annotate):
    # A second government noun in the sentence of a named one is usually the other party.
    doc = annotate("U.S. officials said lifting sanctions on Myanmar now would only reward the regime.")
    assert bare_roles(doc)["regime"] == ("GOV", "NOMINAL")


def test_explicit_foreign_and_possessive_role_phrases_are_left_alone(annotate):
    doc = annotate("KHARTOUM (Reuters) - Sudan's army said on Monday it had secured the capital. Sudan's ruling "
                   "council called for calm. Kenyan police said they had tightened checks at the border. Western "
                   "governments urged restraint. Eritrea, whose troops are massed nearby, did not comment.")
    roles = bare_roles(doc)
    assert roles["Kenyan police"] == ("KEN-COP", "NOMINAL")
    assert roles["governments"] == ("GOV", "NOMINAL")
    assert roles.get("troops", ("MIL",))[0] != "SDN-MIL"


def test_inference_can_be_switched_off(index):
    doc = nlp.run(clean.run(RawArticle(id="t", text="Mali declared a state of emergency on Monday. The army said "
                                       "it had sent reinforcements.", published="2022-03-01")))
    assert bare_roles(actors.run(doc, index=index, infer_countries=False))["army"] == ("MIL", "NOMINAL")


def test_dateline_country_from_capitals_cities_and_country_names(index):
    assert dateline_country("KHARTOUM (Reuters)", index) == "SDN"
    assert dateline_country("KYIV, Ukraine (AP)", index) == "UKR"
    assert dateline_country("WASHINGTON, Dec 30 (Reuters)", index) == "USA"
    assert dateline_country("MOMBASA", index) == "KEN"
    assert dateline_country("", index) is None


# --- government nouns: "the Biden administration", "a senior administration official" (government_nouns.tsv) ----


@pytest.mark.parametrize("text, published, mention, expected", [
    ("The Biden administration announced new export controls on Thursday.", "2022-10-06",
     "Biden administration", "USA-GOV"),
    # Trump was out of office on this date: the phrase still names the U.S. government, never ELI.
    ("Tariffs imposed by the Trump administration remain in place, the trade office said.", "2021-12-30",
     "Trump administration", "USA-GOV"),
    ("Critics of the Putin regime were detained in Moscow over the weekend.", "2022-03-01",
     "Putin regime", "RUS-GOV"),
    ("The Merkel government agreed to phase out nuclear power by the end of 2022.", "2011-06-06",
     "Merkel government", "DEU-GOV"),
])
def test_leader_name_before_a_government_noun_names_the_government(annotate, text, published, mention, expected):
    doc = annotate(text, published=published)
    assert bare_roles(doc)[mention] == (expected, "NOMINAL")
    assert not any(m.label == "PERSON" for m in doc.mentions)


def test_unqualified_administration_official_defaults_to_the_united_states(annotate):
    doc = annotate("A senior administration official said the talks would resume next week in Geneva.")
    assert bare_roles(doc)["administration official"] == ("USA-GOV", "NOMINAL:default")
    doc = annotate("Administration officials said Iran had not yet answered the latest proposal.")
    assert bare_roles(doc)["Administration officials"] == ("USA-GOV", "NOMINAL:default")
    doc = annotate("A former administration official said the deal had been years in the making.")
    assert bare_roles(doc)["administration official"] == ("USA-ELI", "NOMINAL:default")


def test_article_context_wins_over_the_default_country(annotate):
    doc = annotate("BUDAPEST (Reuters) - Hungary's government said on Monday it would block the budget deal. "
                   "Administration officials told reporters the veto would stand until the funds were released.")
    assert bare_roles(doc)["Administration officials"] == ("HUN-GOV", "NOMINAL:coref")


def test_default_country_needs_a_government_noun_that_has_one(annotate):
    doc = annotate("A senior government official said the talks would resume next week in Geneva.")
    assert bare_roles(doc)["government official"] == ("GOV", "NOMINAL")


@pytest.mark.parametrize("phrase, date, expected", [
    ("the Biden administration", "2022-01-01", ("USA-GOV", "USA", "GOV")),
    ("the Trump administration", "2021-12-30", ("USA-GOV", "USA", "GOV")),
    ("the Putin regime", "2022-01-01", ("RUS-GOV", "RUS", "GOV")),
    ("the Stoltenberg government", "2012-01-01", ("NOR-GOV", "NOR", "GOV")),
    ("a senior administration official", None, ("USA-GOV", "USA", "GOV")),
    ("administration officials", None, ("USA-GOV", "USA", "GOV")),
    ("a former administration official", None, ("USA-ELI", "USA", "ELI")),
    ("government officials", None, ("GOV", None, "GOV")),
])
def test_lookup_government_nouns(index, phrase, date, expected):
    actor = actors.lookup(phrase, on_date=date, index=index)
    assert (actor.id, actor.country, actor.sector) == expected


def test_demonyms_and_role_nouns_on_a_fixed_tree(index):
    """The rule of the first test above, on a tree written by hand (tests/parses.py): no parser in the loop."""
    from tests.parses import doc_from_conllu

    doc = actors.run(doc_from_conllu("""
        1   Russian    russian    ADJ    JJ   _  2  amod    _  NER=B-NORP
        2   officials  official   NOUN   NNS  _  3  nsubj   _  _
        3   said       say        VERB   VBD  _  0  ROOT    _  _
        4   Ukrainian  ukrainian  ADJ    JJ   _  5  amod    _  NER=B-NORP
        5   troops     troop      NOUN   NNS  _  7  nsubj   _  _
        6   had        have       AUX    VBD  _  7  aux     _  _
        7   pulled     pull       VERB   VBN  _  3  ccomp   _  _
        8   back       back       ADV    RB   _  7  advmod  _  SpaceAfter=No
        9   .          .          PUNCT  .    _  3  punct   _  _
    """, published="2022-03-01"), index=index)
    assert found(doc) == {"Russian officials": ("RUS-GOV", "RUS", "GOV"),
                          "Ukrainian troops": ("UKR-MIL", "UKR", "MIL")}


def test_a_titled_name_and_its_surname_alone_are_one_person_on_a_fixed_tree(index):
    from tests.parses import doc_from_conllu

    doc = actors.run(doc_from_conllu("""
        1   President  President  PROPN  NNP  _  3  compound  _  _
        2   Vladimir   Vladimir   PROPN  NNP  _  3  compound  _  NER=B-PERSON
        3   Putin      Putin      PROPN  NNP  _  4  nsubj     _  NER=I-PERSON
        4   spoke      speak      VERB   VBD  _  0  ROOT      _  SpaceAfter=No
        5   .          .          PUNCT  .    _  4  punct     _  _

        1   Putin      Putin      PROPN  NNP  _  2  nsubj     _  NER=B-PERSON
        2   left       leave      VERB   VBD  _  0  ROOT      _  SpaceAfter=No
        3   .          .          PUNCT  .    _  2  punct     _  _
    """, published="2022-03-01"), index=index)
    assert {m.text: m.actor_id for m in doc.mentions} == {"President Vladimir Putin": "vladimir-putin",
                                                          "Putin": "vladimir-putin"}  # the title is part of it


# --- resolution with evidence (issue 11): demonyms of regions, namesakes, places and things, typed organisations


@pytest.mark.parametrize("text, mention, country", [
    ("British Columbians went to the polls on Tuesday as wildfires burned.", "British Columbians", "CAN"),
    ("Texans lined up for water after the storm knocked out power.", "Texans", "USA"),
    ("Bavarians voted for a new state parliament on Sunday.", "Bavarians", "DEU"),
    ("Scottish ministers demanded a second referendum.", "Scottish ministers", "GBR"),
])
def test_demonyms_of_regions_stand_for_their_country(annotate, text, mention, country):
    assert found(annotate(text))[mention][1] == country


def test_a_titled_surname_is_not_a_relative_named_earlier(annotate):
    doc = annotate("Hunter Biden appeared in court in Delaware. Vice President Biden said he loved his son.",
                   published="2014-06-01")
    assert found(doc)["Hunter Biden"][0] == "hunter-biden"
    assert found(doc)["Vice President Biden"] == ("joe-biden", "USA", "GOV")


def test_an_untitled_surname_repeats_the_person_named_earlier(annotate):
    doc = annotate("Hunter Biden appeared in court on Monday. Biden told reporters he had done nothing wrong.",
                   published="2014-06-01")
    assert found(doc)["Biden"][0] == "hunter-biden"


def test_an_honorific_of_the_other_gender_is_a_namesake(annotate):
    doc = annotate("Hillary Clinton spoke first. Mr. Clinton said later that he agreed, and Mrs. Clinton thanked him.",
                   published="2016-06-01")
    assert [doc.actor(m.actor_id).id for m in doc.mentions] == ["hillary-clinton", "bill-clinton", "hillary-clinton"]


def test_a_think_tank_is_not_the_military(annotate):
    doc = annotate("Mark Halvorsen, a former ambassador who is now a scholar at a Washington think tank, said the "
                   "plan would fail.")
    assert found(doc)["Mark Halvorsen"][2] == "ELI"
    assert found(doc)["Washington think tank"] == ("USA-NGO", "USA", "NGO")


@pytest.mark.parametrize("text, name", [
    ("Russia tested its Zircon hypersonic missile on Friday, and the Zircon can fly at nine times the speed "
     "of sound.", "Zircon"),
    ("Crimea voted to join Russia in a referendum the West rejected.", "Crimea"),
    ("Tensions in the Caucasus rose after the Caucasus summit collapsed.", "Caucasus"),
])
def test_places_and_weapons_are_not_organisations(annotate, text, name):
    doc = annotate(text)
    assert not [m for m in doc.mentions if name in m.text and doc.actor(m.actor_id).kind == "organization"]


@pytest.mark.parametrize("text, name, sector", [
    ("Toyota Motor Corp said it would cut output in March.", "Toyota Motor Corp", "BUS"),
    ("The Daily Clarion Post reported the deal first.", "Daily Clarion Post", "MED"),
    ("The Green Horizon Party said it would join the coalition.", "Green Horizon Party", "PTY"),
    ("The Aldermoor Foundation criticised the decision.", "Aldermoor Foundation", "NGO"),
])
def test_organisations_outside_the_kb_are_typed_by_their_name(annotate, text, name, sector):
    doc = annotate(text)
    orgs = {m.text: doc.actor(m.actor_id) for m in doc.mentions}
    assert orgs[name].kind == "organization" and orgs[name].sector == sector


def test_coordinated_kb_organisations_inside_one_tagged_span(annotate):
    doc = annotate("Amnesty International and Human Rights Watch criticised the verdict.")
    assert found(doc) == {"Amnesty International": ("AMNESTY", None, "HRI"),
                          "Human Rights Watch": ("HRW", None, "HRI")}


@pytest.fixture(scope="module")
def annotate_with_phoenix(tmp_path_factory):
    """The fixture people plus name-only people converted from a Phoenix-style dictionary."""
    from tidings.resources.actors import TAGGED_ONLY_PREFIX, write_phoenix_people
    target = tmp_path_factory.mktemp("people") / (TAGGED_ONLY_PREFIX + "sample.jsonl")
    source = Path(__file__).parents[1] / "fixtures" / "actors" / "petrarch" / "countries_sample.actors"
    write_phoenix_people(source, target, read_kb(people_paths=[FIXTURE_PEOPLE]))
    phoenix_index = NameIndex(read_kb(people_paths=[FIXTURE_PEOPLE, target]))

    def run(text, published):
        return actors.run(nlp.run(clean.run(RawArticle(id="t", text=text, published=published))),
                          index=phoenix_index)

    return run


def test_name_only_people_resolve_by_date_from_a_tagged_full_name(annotate_with_phoenix):
    during = annotate_with_phoenix("Marta Voskuijl said on Monday that the court ruling would be respected.",
                                   "2012-03-05")
    after = annotate_with_phoenix("Marta Voskuijl said on Monday that the court ruling would be respected.",
                                  "2019-03-05")
    assert found(during)["Marta Voskuijl"] == ("marta-elena-voskuijl", "NLD", "GOV")
    assert found(after)["Marta Voskuijl"] == ("marta-elena-voskuijl", "NLD", "ELI")


def test_name_only_people_are_never_found_from_a_surname(annotate_with_phoenix):
    doc = annotate_with_phoenix("Voskuijl said on Monday that the court ruling would be respected.", "2012-03-05")
    assert all(doc.actor(m.actor_id).id != "marta-elena-voskuijl" for m in doc.mentions)


@pytest.mark.parametrize("text, name, country", [
    ("Turkish Airlines cancelled dozens of flights on Monday.", "Turkish Airlines", "TUR"),
    ("The Bank of China raised its lending rate.", "Bank of China", "CHN"),
    ("Georgia Power Company raised its rates for the third time this year.", "Georgia Power Company", None),
    ("Shares in the Jordan Brand Company fell sharply.", "Jordan Brand Company", None),
])
def test_a_company_takes_a_country_only_from_what_its_name_says(annotate, text, name, country):
    doc = annotate(text)
    orgs = {m.text: doc.actor(m.actor_id) for m in doc.mentions}
    assert (orgs[name].kind, orgs[name].country, orgs[name].sector) == ("organization", country, "BUS")


def test_a_name_coordinated_with_a_company_is_not_its_country(annotate):
    doc = annotate("The Bank of China and Air India reported losses.")
    assert found(doc)["Bank of China"] == ("bank-of-china", "CHN", "BUS")


def test_name_only_groups_resolve_from_a_tagged_organisation_name(annotate):
    doc = annotate("Ansar Dine fighters withdrew from the town after Ansar Dine lost its commander.")
    groups = [doc.actor(m.actor_id) for m in doc.mentions if m.text == "Ansar Dine"]
    assert groups and all((a.kind, a.sector, a.country) == ("group", "REB", None) for a in groups)
    assert {a.org for a in groups} == {"PHXANSARDINE"}


def test_a_given_name_tagged_as_a_place_stays_in_the_persons_name(annotate):
    doc = annotate("Marta Voskuijl said on Monday that the court ruling would be respected.")
    assert [(m.text, doc.actor(m.actor_id).id, doc.actor(m.actor_id).kind) for m in doc.mentions] == [
        ("Marta Voskuijl", "marta-voskuijl", "person")]  # not "Voskuijl" with "Marta" read as a title


@pytest.mark.parametrize("text, mention, country", [
    ("Venezuala's foreign minister flew home on Tuesday.", "Venezuala", "VEN"),
    ("Officials said Ethopia would reopen its embassy next month.", "Ethopia", "ETH"),
    ("Kazakstan signed the gas deal with its neighbours.", "Kazakstan", "KAZ"),
    ("Dozens of Tibettan monks were detained on Monday.", "Tibettan", "CHN"),
])
def test_a_misspelt_country_name_stands_for_its_country(annotate, text, mention, country):
    assert {m for m, (_id, iso, _sector) in found(annotate(text)).items() if mention in m and iso == country}


def test_a_surname_one_letter_from_a_country_is_no_country(annotate):
    doc = annotate("Senator Alice Greene said Greene would vote against the bill.")
    assert "GRC" not in {a.country for m in doc.mentions if (a := doc.actor(m.actor_id))}


@pytest.mark.parametrize("text, mention, actor_id", [
    ("Rebels in Darfur ambushed a supply convoy on Monday.", "Rebels", "SDN-REB"),
    ("The government of Sindh province banned rallies for a week.", "government", "PAK-GOV"),
])
def test_a_role_noun_takes_the_country_of_the_region_it_is_in(annotate, text, mention, actor_id):
    assert found(annotate(text))[mention][0] == actor_id


@pytest.mark.parametrize("text, mention, actor_id", [
    ("Bolivian landowners blocked the highway to protest the land reform.", "Bolivian landowners", "BOL-CVL"),
    ("A Canadian missionary was detained at the border on Friday.", "Canadian missionary", "CAN-REL"),
    ("Haiti's rulers refused to meet the mediators.", "Haiti's rulers", "HTI-GOV"),
    ("Serbian military police questioned two officers.", "Serbian military police", "SRB-MIL"),
])
def test_role_nouns_from_the_phoenix_agents_give_their_sector(annotate, text, mention, actor_id):
    assert found(annotate(text))[mention][0] == actor_id


def test_an_ethnic_minority_is_civilians_of_where_they_live_not_of_their_origin(annotate):
    doc = annotate("Ethnic Hungarians in Slovakia rallied against the language law on Sunday.")
    assert found(doc)["Ethnic Hungarians"] == ("SVK-CVL", "SVK", "CVL")
    unplaced = annotate("Hundreds of ethnic Russians queued at the consulate.")
    assert found(unplaced)["ethnic Russians"] == ("CVL", None, "CVL")


@pytest.mark.parametrize("text, mention, actor_id", [
    ("Igbo farmers blocked the highway for a second day.", "Igbo farmers", "NGA-AGR"),
    ("Kachin villagers fled across the river after the shelling.", "Kachin villagers", "MMR-CVL"),
])
def test_peoples_of_one_country_stand_for_it(annotate, text, mention, actor_id):
    assert found(annotate(text))[mention][0] == actor_id


def test_a_role_noun_takes_the_country_it_is_spread_across(annotate):
    doc = annotate("Students across Chile boycotted classes to demand free tuition.")
    assert found(doc)["Students"] == ("CHL-EDU", "CHL", "EDU")


@pytest.mark.parametrize("text, mention, actor_id", [
    ("Police detained more than 40 Georgians at the rally.", "Georgians", "GEO-CVL"),
    ("Young Tunisians crowded the ferry port on Monday.", "Tunisians", "TUN-CVL"),
    ("A Canadian was among the hostages freed on Friday.", "Canadian", "CAN-CVL"),
    ("Georgians voted on Saturday in a tense runoff.", "Georgians", "GEO"),
])
def test_counted_or_described_people_are_civilians_and_bare_ones_their_country(annotate, text, mention, actor_id):
    assert found(annotate(text))[mention][0] == actor_id


def test_a_group_based_somewhere_takes_that_country(annotate):
    doc = annotate("A terrorist group based in Mali claimed the kidnapping of two engineers.")
    assert found(doc)["terrorist group"] == ("MLI-REB", "MLI", "REB")


@pytest.mark.parametrize("text, mention, actor_id", [
    ("The camp sheltered refugees fleeing the fighting in Burundi.", "refugees", "BDI-REF"),
    ("Refugees fleeing Myanmar reached the camps at dawn.", "Refugees", "MMR-REF"),
])
def test_refugees_take_the_country_they_flee(annotate, text, mention, actor_id):
    assert found(annotate(text))[mention][0] == actor_id


def test_a_namesake_city_in_the_country_the_article_names(annotate):
    lebanon = annotate("Gunmen in Tripoli fired on an army post in the Lebanese port city overnight.")
    assert found(lebanon)["Gunmen"][1] == "LBN"
    libya = annotate("Gunmen in Tripoli fired on a checkpoint overnight.")
    assert found(libya)["Gunmen"][1] == "LBY"
    moscow = annotate("U.S. officials said protesters in Moscow were detained.")
    assert found(moscow)["protesters"][1] == "RUS"  # Moscow, Idaho is too small to be meant


def test_an_organisation_after_an_institution_noun_stays_an_organisation(annotate):
    doc = annotate("Telecoms regulator Ofcom said on Monday the fine was fair.")
    assert doc.actor(next(m.actor_id for m in doc.mentions if "Ofcom" in m.text)).kind == "organization"
