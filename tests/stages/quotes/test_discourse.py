"""Speakers from the discourse, documents by their authors, and content that says nothing (sentences written
for these tests)."""
from __future__ import annotations


def _speakers(found):
    return [(q.speaker.text, q.speaker.name) for q in found]


def test_he_said_is_the_last_speaker_not_the_last_man_named(quotes_of):
    found = quotes_of("Tom Keller said the deal was fair to the dockers represented by Mark Dunn's union. "
                      '"We will sign it on Friday," he said.')
    assert _speakers(found)[-1] == ("he", "Tom Keller")


def test_she_said_skips_a_speaker_of_the_other_gender(quotes_of):
    found = quotes_of("Anna Berg said the port would reopen. Tom Keller said the deal was fair. "
                      '"It is a good day for the town," she said.')
    assert _speakers(found)[-1] == ("she", "Anna Berg")


def test_he_in_the_speakers_own_sentence_is_the_subject_before_it(quotes_of):
    found = quotes_of('"We are ready," Carlos Mendes said. '
                      "Peter Lang said after the vote he would not accept the result.")
    assert _speakers(found)[-1] == ("he", "Peter Lang")


def test_quoted_words_inside_an_earlier_cues_complement_are_that_speakers(quotes_of):
    found = quotes_of('Police chief Rafael Ortiz said it did not give "any clear evidence that anyone in the car was '
                      'pointing a weapon at the officers," but he said the inquiry would go on.')
    quoted = next(q for q in found if "any clear evidence" in q.text)
    first_said = len("Police chief Rafael Ortiz ")
    assert (quoted.cue, quoted.cue_start, quoted.speaker.name) == ("said", first_said, "Rafael Ortiz")


def test_a_letter_is_spoken_by_its_signers_not_its_addressee(quotes_of):
    found = quotes_of("An open letter addressed to Interior Minister Karl Weber and signed by 40 mayors says "
                      "the reform will close rural schools.")
    assert [q.speaker.text for q in found] == ["40 mayors"]


def test_a_bare_noun_for_speech_is_no_quote(quotes_of):
    assert quotes_of("The ministry denied the allegations on Tuesday.") == []


def test_a_reported_amount_is_no_quote(quotes_of):
    found = quotes_of("Analysts estimated $4.5 billion. The agency said the harvest would be poor.")
    assert [q.text for q in found] == ["the harvest would be poor"]


def test_a_speaker_before_the_cue_when_the_parser_took_a_subject_inside_the_quotation(quotes_of):
    found = quotes_of('"My reaction, that was a mistake," the former campaign strategist said in an interview.')
    assert [q.speaker.text for q in found] == ["the former campaign strategist"]


def test_a_reported_figure_is_no_quote(quotes_of):
    found = quotes_of("The carmaker reported net income of $104m for the quarter. "
                      "The minister denied any role in the 2019 contract.")
    assert [q.text for q in found] == ["any role"]
