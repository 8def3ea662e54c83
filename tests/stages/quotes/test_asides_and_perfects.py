"""Cues in a perfect tense ("have suggested"), "as" asides ("as the adviser noted, …") and comparisons
("likened the rules to …")."""
from __future__ import annotations

from tests.stages.test_quotes import only


def test_perfect_participle_with_subject_is_active(quotes_of):
    q = only(quotes_of("While his aides have suggested the tour is a farewell, the senator has not ruled out "
                       "another run."))
    assert (q.cue, q.text, q.speaker.text) == ("suggested", "the tour is a farewell", "his aides")


def test_perfect_passive_is_still_passive(quotes_of):
    q = only(quotes_of("The mayor has been endorsed by three unions."))
    assert q.cue == "endorsed" and q.speaker.text == "three unions"


def test_as_aside_inside_the_clause(quotes_of):
    q = only(quotes_of("The reservoir, as one engineer pointed out, has never been this low in October."))
    assert q.cue == "pointed out" and q.speaker.text == "one engineer"
    assert q.text.startswith("The reservoir") and q.text.endswith("has never been this low in October")


def test_as_aside_opening_the_sentence(quotes_of):
    q = only(quotes_of("As the auditors noted in March, the agency spent more on consultants than on repairs."))
    assert (q.cue, q.speaker.text) == ("noted", "the auditors")
    assert q.text == "the agency spent more on consultants than on repairs"


def test_as_aside_closing_the_sentence(quotes_of):
    q = only(quotes_of("The ceasefire will not hold past the winter, as one diplomat put it."))
    assert (q.cue, q.speaker.text, q.text) == ("put", "one diplomat", "The ceasefire will not hold past the winter")


def test_as_stated_in_a_document(quotes_of):
    q = only(quotes_of("As stated in the ministry's report, the dam needs urgent repairs."))
    assert q.cue == "stated" and q.text == "the dam needs urgent repairs"
    assert q.speaker is not None and "ministry" in q.speaker.text


def test_as_with_a_complement_is_no_aside(quotes_of):
    found = quotes_of("Prices rose as analysts expected.")
    assert all("Prices rose" not in q.text for q in found)


def test_liken_object_to(quotes_of):
    q = only(quotes_of("The opposition leader likened the new tax to a robbery in broad daylight."))
    assert (q.cue, q.text) == ("likened", "the new tax to a robbery in broad daylight")


def test_compared_with_a_figure_is_no_quote(quotes_of):
    assert quotes_of("Women in the ministry earned $61,000 on average, compared with $70,000 for men.") == []


def test_as_aside_whose_speaker_the_parser_made_an_object(quotes_of):
    q = only(quotes_of("Hawaii, as one of the governor's advisers pointed out, normally does not get two storms "
                       "in a row."))
    assert q.cue == "pointed out" and q.speaker.text == "one"
    assert q.text.startswith("Hawaii") and q.text.endswith("does not get two storms in a row")
