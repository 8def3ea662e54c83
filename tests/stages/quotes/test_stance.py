"""Stance and intention verbs as reported content, on sentences written for these tests (wire style)."""
from __future__ import annotations

from tests.stages.test_quotes import only, quotes_of  # noqa: F401  (quotes_of is a fixture)


def test_stance_verb_object_is_the_position(quotes_of):
    q = only(quotes_of("The largest farmers' union on Tuesday endorsed the government's water reform."))
    assert (q.kind, q.cue, q.text) == ("indirect", "endorsed", "the government's water reform")
    assert q.speaker.text == "The largest farmers' union"


def test_stance_verb_with_infinitive(quotes_of):
    q = only(quotes_of("Senator Maria Okafor refused to testify before the ethics committee on Thursday."))
    assert (q.cue, q.text, q.speaker.name) == ("refused", "to testify before the ethics committee on Thursday",
                                               "Maria Okafor")


def test_passive_stance_with_agent(quotes_of):
    q = only(quotes_of("The border agreement was rejected by the opposition Labour Party."))
    assert (q.cue, q.text) == ("rejected", "The border agreement")
    assert q.speaker.text == "the opposition Labour Party"


def test_passive_stance_without_agent_is_not_attributed(quotes_of):
    assert quotes_of("The border agreement was rejected last year.") == []


def test_stance_needs_an_identifiable_holder(quotes_of):
    assert quotes_of("Most voters back the new border policy.") == []


def test_stance_inside_reported_content_is_not_separate(quotes_of):
    q = only(quotes_of("The minister accused Washington of ignoring Moscow's proposals."))
    assert (q.cue, q.text) == ("accused", "ignoring Moscow's proposals")


def test_point_out_and_point_to(quotes_of):
    out = only(quotes_of("Analysts pointed out that turnout had fallen in every district."))
    assert (out.cue, out.text) == ("pointed out", "that turnout had fallen in every district")
    to = only(quotes_of("The prime minister pointed to rising exports and a stronger currency."))
    assert (to.cue, to.text) == ("pointed", "rising exports and a stronger currency")


def test_discuss_reports_its_topic(quotes_of):
    q = only(quotes_of("President Lula discussed the Amazon fund with Norwegian officials on Monday."))
    assert q.cue == "discussed" and q.text.startswith("the Amazon fund")


def test_military_attack_is_no_stance(quotes_of):
    assert quotes_of("Rebel fighters attacked an army post near the border on Sunday.") == []


def test_stance_verb_takes_no_clause(quotes_of):
    found = quotes_of("The coalition wants, its leader said, a vote before the summer.")
    assert [q.cue for q in found if q.cue in ("wants", "want")] == []


def test_evidence_verb_object(quotes_of):
    q = only(quotes_of("Recent polls show a close race in the northern provinces."))
    assert (q.cue, q.text) == ("show", "a close race in the northern provinces")


def test_say_with_an_object(quotes_of):
    q = only(quotes_of("Several Republican senators have said the same thing."))
    assert (q.cue, q.text) == ("said", "the same thing")


def test_agree_with(quotes_of):
    q = only(quotes_of("Chancellor Olaf Scholz agreed with the French president on the need for new rules."))
    assert q.cue == "agreed" and q.text == "the French president"


def test_sees_x_as_y(quotes_of):
    q = only(quotes_of("Opposition leader Musa Bello sees the vote as a test of the government's strength."))
    assert (q.cue, q.text) == ("sees", "the vote as a test of the government's strength")


def test_see_without_as_is_perception(quotes_of):
    assert quotes_of("Opposition leader Musa Bello saw the fire from his office window.") == []
