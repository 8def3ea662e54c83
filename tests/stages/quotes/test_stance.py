"""Stance and intention verbs, and verbs whose object is what was said, on sentences written for these tests."""
from __future__ import annotations

import pytest

from tests.stages.test_quotes import only


@pytest.mark.parametrize("sentence, cue, content", [
    # a stance verb: its object is the position its subject holds
    ("The largest farmers' union on Tuesday endorsed the government's water reform.",
     "endorsed", "the government's water reform"),
    # an intention verb: its infinitive
    ("Senator Maria Okafor refused to testify before the ethics committee on Thursday.",
     "refused", "to testify before the ethics committee on Thursday"),
    # "point out" takes a clause, "point to" an object
    ("Analysts pointed out that turnout had fallen in every district.",
     "pointed out", "that turnout had fallen in every district"),
    ("The prime minister pointed to rising exports and a stronger currency.",
     "pointed", "rising exports and a stronger currency"),
    # evidence and speech verbs with a noun object
    ("Recent polls show a close race in the northern provinces.", "show", "a close race in the northern provinces"),
    ("Several Republican senators have said the same thing.", "said", "the same thing"),
    ("Chancellor Olaf Scholz agreed with the French president on the need for new rules.",
     "agreed", "the French president"),
    ("The mayor's office disagreed with the auditor's findings.", "disagreed", "the auditor's findings"),
    # "sees X as Y": the object with its complement
    ("Opposition leader Musa Bello sees the vote as a test of the government's strength.",
     "sees", "the vote as a test of the government's strength"),
])
def test_object_or_infinitive_is_the_content(quotes_of, sentence, cue, content):
    q = only(quotes_of(sentence))
    assert (q.kind, q.cue, q.text) == ("indirect", cue, content)


def test_stance_holder_is_the_subject(quotes_of):
    q = only(quotes_of("The largest farmers' union on Tuesday endorsed the government's water reform."))
    assert q.speaker.text == "The largest farmers' union"


def test_passive_stance_with_agent(quotes_of):
    q = only(quotes_of("The border agreement was rejected by the opposition Labour Party."))
    assert (q.cue, q.text, q.speaker.text) == ("rejected", "The border agreement", "the opposition Labour Party")


@pytest.mark.parametrize("sentence", [
    "The border agreement was rejected last year.",  # a passive stance with nobody holding it
    "Most voters back the new border policy.",  # no identifiable holder
    "Rebel fighters attacked an army post near the border on Sunday.",  # a military attack is no stance
    "Opposition leader Musa Bello saw the fire from his office window.",  # "see" without "as" is perception
])
def test_no_stance(quotes_of, sentence):
    assert quotes_of(sentence) == []


def test_stance_inside_reported_content_is_not_separate(quotes_of):
    q = only(quotes_of("The minister accused Washington of ignoring Moscow's proposals."))
    assert (q.cue, q.text) == ("accused", "ignoring Moscow's proposals")


def test_stance_verb_takes_no_clause(quotes_of):
    found = quotes_of("The coalition wants, its leader said, a vote before the summer.")
    assert [q.cue for q in found if q.cue in ("wants", "want")] == []


def test_discuss_reports_its_topic(quotes_of):
    q = only(quotes_of("President Lula discussed the Amazon fund with Norwegian officials on Monday."))
    assert q.cue == "discussed" and q.text.startswith("the Amazon fund")
