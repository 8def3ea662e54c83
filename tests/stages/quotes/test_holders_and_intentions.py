"""Nouns of intention with their infinitive, more stance nouns with a preposition, who holds a stance, whose
claim a claim is, which neighbour a cue-less quote follows, reported speech around quoted words, passive
judgements, possessive pronouns as speakers, a cue after two clauses, signatures, inverted cues, and verbs of
rebuke, esteem and rating."""
from __future__ import annotations

import pytest

from tests.stages.test_quotes import only


@pytest.mark.parametrize("sentence, cue, content, speaker", [
    # a possessor holds the intention
    ("The union's refusal to return to the bargaining table angered the transport minister.",
     "refusal", "to return to the bargaining table", "The union"),
    # the object of a light verb: the verb's subject holds it
    ("The governor made a decision to veto the spending bill on Friday.",
     "decision", "to veto the spending bill on Friday", "The governor"),
    # a noun that also takes a preposition ("a proposal for")
    ("The finance minister's proposal to cut fuel subsidies drew protests.",
     "proposal", "to cut fuel subsidies", "The finance minister"),
])
def test_noun_of_intention_and_its_infinitive(quotes_of, sentence, cue, content, speaker):
    q = only(quotes_of(sentence))
    assert (q.kind, q.cue, q.text, q.speaker.text) == ("indirect", cue, content, speaker)


@pytest.mark.parametrize("sentence, cue, content, speaker", [
    ("Opposition lawmakers raised questions about the cost of the new airport.",
     "questions", "the cost of the new airport", "Opposition lawmakers"),
    ("Rights groups issued a sharp condemnation of the mass arrests in the capital.",
     "condemnation", "the mass arrests", "Rights groups"),
])
def test_more_stance_nouns_with_a_preposition(quotes_of, sentence, cue, content, speaker):
    q = only(quotes_of(sentence))
    assert (q.cue, q.text, q.speaker.text) == (cue, content, speaker)


def test_a_bare_plural_holds_a_stance_but_a_quantified_one_does_not(quotes_of):
    q = only(quotes_of("Farmers oppose the new water tariffs."))
    assert (q.cue, q.text, q.speaker.text) == ("oppose", "the new water tariffs", "Farmers")
    assert quotes_of("Several farmers oppose the new water tariffs.") == []


def test_a_claim_belongs_to_its_owner_not_to_who_rates_it(quotes_of):
    q = only(quotes_of("Fact-checkers rated the mayor's claim that crime had halved as false."))
    assert (q.cue, q.speaker.text) == ("claim", "the mayor")


def test_a_quote_after_its_neighbours_cue_goes_on_in_that_voice(quotes_of):
    found = quotes_of('"The strike will go on," Ortiz said. "Our members have waited two years for a raise." '
                      'Her deputy, Ana Ruiz, said, "We are ready to talk."')
    assert [(q.text, q.speaker.text) for q in found] == [
        ("The strike will go on", "Ortiz"), ("Our members have waited two years for a raise.", "Ortiz"),
        ("We are ready to talk.", "Her deputy")]


def test_speech_reported_around_quoted_words_keeps_its_own_speaker(quotes_of):
    found = quotes_of('The mayor says it shows the council was "reckless, arrogant and completely out of touch '
                      'with residents."')
    assert [(q.cue, q.speaker.text) for q in found if q.kind == "indirect"][0] == ("says", "The mayor")


def test_a_reported_clause_that_is_only_the_quotation_stays_direct(quotes_of):
    q = only(quotes_of('The mayor said, "The council was reckless."'))
    assert (q.kind, q.text) == ("direct", "The council was reckless.")


@pytest.mark.parametrize("sentence, cue, content", [
    ("The former mayor was accused of taking bribes from a construction firm.", "accused",
     "The former mayor was accused of taking bribes from a construction firm"),
    ("The new budget was described as reckless.", "described", "The new budget was described as reckless"),
])
def test_a_passive_judgement_without_agent_reports_its_clause(quotes_of, sentence, cue, content):
    q = only(quotes_of(sentence))
    assert (q.cue, q.text, q.speaker) == (cue, content, None)


def test_a_possessive_pronoun_speaks_for_its_antecedent(quotes_of):
    found = quotes_of("Senator Ruth Adler spoke on Tuesday. She repeated her criticism of the trade agreement.")
    criticism = only([q for q in found if q.cue == "criticism"])
    assert (criticism.speaker.text, criticism.speaker.name) == ("her", "Ruth Adler")


@pytest.mark.parametrize("sentence, content", [
    # two clauses the parser hangs from the cue
    ("The talks collapsed on Monday, but both sides agreed to meet again next week, the mediator said.",
     "The talks collapsed on Monday, but both sides agreed to meet again next week"),
    # a cue set off after the second of two conjuncts
    ("The talks collapsed on Monday and both sides left the capital, a diplomat said.",
     "The talks collapsed on Monday and both sides left the capital"),
])
def test_a_cue_after_two_clauses_reports_both(quotes_of, sentence, content):
    said = only([q for q in quotes_of(sentence) if q.cue == "said"])
    assert said.text == content


def test_a_dash_glued_to_the_closing_mark_still_signs_the_quote(quotes_of):
    found = quotes_of("Readers sent us their views on the new bypass.\n\n"
                      "“The traffic on our street has doubled since it opened.”― Marta Kowalski\n\n"
                      "“Nobody asked the people who live here.” ― Tom Reyes")
    assert [q.speaker.text for q in found] == ["Marta Kowalski", "Tom Reyes"]


def test_an_inverted_cue_without_a_parsed_subject_takes_the_name_after_it(quotes_of):
    q = only(quotes_of('Said Ellis: “Nobody on the council wants to talk about the cost.”'))
    assert (q.cue, q.speaker.text) == ("Said", "Ellis")


@pytest.mark.parametrize("sentence, cue, content", [
    ("The opposition leader chastised the health minister for the long delays at rural clinics.",
     "chastised", "the long delays at rural clinics"),
    ("Independent fact-checkers rated the governor's statement as mostly false.",
     "rated", "the governor's statement as mostly false"),
    ("Older voters still admire the former president.", "admire", "the former president"),
])
def test_verbs_of_rebuke_esteem_and_rating(quotes_of, sentence, cue, content):
    q = only(quotes_of(sentence))
    assert (q.cue, q.text) == (cue, content)
