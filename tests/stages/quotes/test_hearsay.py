"""Passive cues with nobody named ("are expected to", "is said to", "it is believed that")."""
from __future__ import annotations

from tests.stages.test_quotes import only


def test_expected_to_reports_subject_and_infinitive(quotes_of):
    q = only(quotes_of("The peace talks are expected to resume in Doha next week."))
    assert (q.kind, q.cue, q.text, q.speaker) == ("indirect", "expected", "The peace talks are expected to resume "
                                                  "in Doha next week", None)


def test_it_is_believed_that(quotes_of):
    q = only(quotes_of("It is widely believed that the general ordered the strike himself."))
    assert (q.cue, q.text) == ("believed", "that the general ordered the strike himself")


def test_supposed_to_is_no_hearsay(quotes_of):
    assert quotes_of("The new bridge was supposed to open in March.") == []


def test_passive_with_agent_keeps_the_agent(quotes_of):
    q = only(quotes_of("The general is believed by Western officials to have ordered the strike."))
    assert q.cue == "believed" and q.speaker.text == "Western officials"
