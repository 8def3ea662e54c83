"""Pronoun speakers resolved to the group or person they stand for (sentences written for these tests)."""
from __future__ import annotations


def test_they_after_a_group_that_spoke(quotes_of):
    found = quotes_of("Opposition lawmakers said the budget was unrealistic. "
                      "They said the deficit would reach 6 percent.")
    first, then = found
    assert (first.speaker.text, then.speaker.text) == ("Opposition lawmakers", "They")
    assert then.speaker.name == (first.speaker.name or "Opposition lawmakers")


def test_they_after_a_group_subject_of_the_sentence_before(quotes_of):
    found = quotes_of("The ruling party and its allies met in the capital on Sunday. "
                      "They said the election would go ahead as planned.")
    assert [(q.speaker.text, q.speaker.name) for q in found] == [("They", "The ruling party")]


def test_they_with_no_group_before_stays_unresolved(quotes_of):
    found = quotes_of("Maria Lopez met the governor on Sunday. They said the talks had gone well.")
    assert [(q.speaker.text, q.speaker.name) for q in found] == [("They", None)]


def test_she_skips_a_man_known_by_his_given_name(quotes_of):
    found = quotes_of("Melanie Okonjo met Norman Veld in Lagos on Monday. She said the deal was close.")
    assert [(q.speaker.text, q.speaker.name) for q in found] == [("She", "Melanie Okonjo")]


def test_he_said_he_would_not_is_still_a_quote(quotes_of):
    found = quotes_of("Governor Tomas Reyes said he would not seek a third term.")
    assert [(q.cue, q.text) for q in found] == [("said", "he would not seek a third term")]


def test_have_a_say_is_not_a_cue(quotes_of):
    found = quotes_of("Residents want to have a say in how the new stadium is built.")
    assert [q.cue for q in found] == ["want"]  # the residents' stance, never a quote cued by "say"


def test_he_after_a_speaker_of_unknown_gender(quotes_of):
    found = quotes_of("Witnesses said Thomas Becker was unarmed when officers stopped his car. "
                      "Police chief Kerr Okoro said the officers had followed the rules. "
                      "He said an independent inquiry would follow.")
    assert [(q.speaker.text, q.speaker.name) for q in found][-1] == ("He", "Kerr Okoro")


def test_he_prefers_a_known_man_over_a_silent_person_of_unknown_gender(quotes_of):
    found = quotes_of("Governor Peter Lang met Kerr Okoro on Monday. He said the budget would be balanced.")
    assert [(q.speaker.text, q.speaker.name) for q in found] == [("He", "Peter Lang")]


def test_relative_pronoun_after_a_document_speaks_for_its_issuer(quotes_of):
    found = quotes_of("The dockworkers' unions issued a statement that said the strike would continue.")
    assert [(q.speaker.text, q.speaker.name) for q in found] == [("that", "The dockworkers' unions")]


def test_speaker_of_a_cue_after_able_to(quotes_of):
    found = quotes_of("Senator Dana Whitfield was able to tout her record on veterans' care.")
    assert [(q.cue, q.speaker.text) for q in found] == [("tout", "Senator Dana Whitfield")]


def test_speaker_of_a_verb_parsed_as_a_noun(quotes_of):
    found = quotes_of("But Trump claims that he should be the exception.")
    assert [(q.cue, q.speaker.text) for q in found] == [("claims", "Trump")]
