"""Phrases that source a clause without a cue verb ("in the minister's view", "in a poll")."""
from __future__ import annotations

from tests.stages.test_quotes import only


def test_in_someones_view_sources_the_clause(quotes_of):
    q = only(quotes_of("In the finance minister's view, the budget deficit will narrow next year."))
    assert (q.kind, q.cue, q.text) == ("indirect", "In", "the budget deficit will narrow next year")
    assert q.speaker.text == "the finance minister"


def test_in_a_poll_sources_the_clause(quotes_of):
    q = only(quotes_of("In a Gallup poll released on Tuesday, the governor led her rival by six points."))
    assert q.cue == "In" and q.text == "the governor led her rival by six points"


def test_said_in_a_statement_keeps_the_verb_as_cue(quotes_of):
    q = only(quotes_of("The ministry said in a statement that the border would reopen on Monday."))
    assert (q.cue, q.text) == ("said", "that the border would reopen on Monday")


def test_in_with_an_ordinary_noun_is_no_source(quotes_of):
    assert quotes_of("In the capital, the streets were quiet on Sunday.") == []


def test_dateline_is_no_speaker(quotes_of):
    q = only(quotes_of("Kenya opens rail line to the west.\n\nNAIROBI -- President William Ruto, opening the new rail "
                       "terminal on Friday, said the line would carry freight to Uganda by 2027."))
    assert q.cue == "said" and "Ruto" in q.speaker.text


def test_subject_hung_on_the_participle_clause(quotes_of):
    q = only(quotes_of("President William Ruto, opening the new rail terminal on Friday, said the line would carry "
                       "freight to Uganda by 2027."))
    assert q.cue == "said" and "Ruto" in q.speaker.text


def test_headline_label_before_the_subject_is_no_speaker(quotes_of):
    q = only(quotes_of("The Latest: Governor Hale urges residents to leave the coast."))
    assert q.cue == "urges" and "Hale" in q.speaker.text
