"""The topic gate: the committed model, its decisions on texts written for the tests, and training."""
from __future__ import annotations

import pytest

from tidings.corpus import sources
from tidings.learn import topic

SPORT = ("United came from behind to beat City 3-1 at the weekend, with the striker scoring twice after the "
         "break. The manager praised his players, and the captain said the team would now chase the league "
         "title. The goalkeeper made two fine saves in the first half before the winger was sent off.")
POLITICS = ("The prime minister faced questions in parliament on Tuesday over the government's plans for "
            "immigration, as opposition leaders accused ministers of breaking election pledges. The home "
            "secretary said the new bill would be debated by MPs next week before a vote in the Commons.")


def test_committed_model_gives_a_distribution_over_five_topics():
    probabilities = topic.load().probabilities(POLITICS)
    assert set(probabilities) == set(topic.TOPICS)
    assert abs(sum(probabilities.values()) - 1) < 1e-3


def test_gate_stops_sport_and_keeps_politics():
    model = topic.load()
    assert model.off_topic(model.probabilities(SPORT))
    assert not model.off_topic(model.probabilities(POLITICS))
    assert max(model.probabilities(POLITICS).items(), key=lambda kv: kv[1])[0] == "politics"


def test_a_text_without_known_words_gets_the_prior_and_passes():
    model = topic.load()
    assert not model.off_topic(model.probabilities("Zxq vbnm."))


def test_gate_is_conservative():
    assert topic.load().gate >= 0.85  # one confident topic: news outside the five topics spreads over several


def test_training_on_a_slice_of_the_bbc_corpus_learns_the_topics():
    if not sources.available():
        pytest.skip("the BBC topic corpus is not there (clone with ../shared beside the checkout)")
    train = list(sources.bbc_rows("train"))[:400]
    dev = list(sources.bbc_rows("val"))[:100]
    model, figures = topic.train(train, dev, epochs=120)
    assert figures["accuracy"] > 0.85
    assert figures["on_topic_stopped"] <= 0.02
    assert model.gate >= 0.85
