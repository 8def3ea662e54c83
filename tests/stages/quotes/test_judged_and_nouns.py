"""Passive judgements with an object complement ("has been called a fraud by …", "is considered a threat") and
nouns of proof and agreement with their that-clause."""
from __future__ import annotations

from tests.stages.test_quotes import only


def test_passive_object_complement_with_agent(quotes_of):
    q = only(quotes_of("The governor has been called a coward by the opposition."))
    assert (q.cue, q.text, q.speaker.text) == ("called", "The governor has been called a coward", "the opposition")


def test_is_considered_a_judgement(quotes_of):
    q = only(quotes_of("The militia is considered a threat to the northern border crossings."))
    assert q.cue == "considered" and q.text.startswith("The militia") and q.speaker is None


def test_no_proof_that(quotes_of):
    found = quotes_of("The minister offered no proof that the opposition had paid the protesters.")
    q = only(found)
    assert q.text == "that the opposition had paid the protesters" and q.speaker.text == "The minister"


def test_agreement_that(quotes_of):
    q = only(quotes_of("There was broad agreement that the ceasefire should be extended."))
    assert (q.cue, q.text) == ("agreement", "that the ceasefire should be extended")


def test_market_move_is_no_quote(quotes_of):
    assert quotes_of("Shares of the cement maker rose 4.5 percent in early trading, brokers said.") == []


def test_forecast_of_output_is_still_a_quote(quotes_of):
    q = only(quotes_of("The oil minister said output would rise by 5 percent next year."))
    assert q.text == "output would rise by 5 percent next year"
