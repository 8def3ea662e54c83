"""The event scorer: its features, the rules' order, calibrated probabilities on texts written for the tests."""
from __future__ import annotations

import numpy as np
import pytest

from tidings.learn import scorer
from tidings.models import Event, SentenceRef, Trigger


def _event(sentence, start, confidence, type_="ACCUSE"):
    return Event(id="e", type=type_, mode=None, context=[], cameo="112", quad_class=3, goldstein=-2.0, actor=None,
                 recipient=None, sentence=SentenceRef(sentence, 0, 10), trigger=Trigger("x", start, start + 1),
                 confidence=confidence)


def test_rule_ranks_order_by_confidence_then_position_within_each_sentence():
    events = [_event(0, 5, 0.5), _event(0, 1, 0.7), _event(1, 9, 0.2), _event(0, 3, 0.5)]
    assert scorer.rule_ranks(events) == [2, 0, 0, 1]


def test_prior_grows_with_the_rules_confidence_and_penalises_a_second_choice():
    dense = np.zeros((3, scorer.DENSE))
    dense[:, scorer.RULE_CONFIDENCE] = [0.3, 0.8, 0.8]
    dense[2, scorer.NOT_FIRST] = 1.0
    low, high, second = scorer.prior(dense)
    assert low < second < high


def test_features_of_a_coded_event(code):
    doc = code("Police arrested two opposition activists in Minsk on Monday.")
    (event, *_) = [e for e in doc.events if e.type == "COERCE"]
    dense, hashed = scorer.features(doc, event)
    assert dense.shape == (scorer.DENSE,) and np.abs(dense[:scorer.WIDTH]).sum() > 0  # the parser's vector
    assert dense[scorer.RULE_CONFIDENCE] == event.confidence
    assert hashed and all(0 <= h < 1 << scorer.HASH_BITS for h in hashed)


@pytest.fixture(scope="module")
def code(build_doc):
    return lambda text: build_doc(text, until="events")


def test_committed_scorer_loads_with_a_threshold():
    model = scorer.load()
    assert model is not None and 0.3 <= model.threshold <= 0.95
    assert scorer.default_min_confidence() == model.threshold


@pytest.mark.parametrize("text", [
    "Leeds beat Hull 3-1 on Saturday to go top of the table.",
    "The firm released its new phone on Monday, and the battery was charging within minutes.",
])
def test_other_senses_stay_below_the_threshold(code, text):
    doc = code(text)
    assert all(e.confidence < scorer.default_min_confidence() for e in doc.events), \
        [(e.type, e.trigger.text, e.confidence) for e in doc.events]


def test_confidences_are_probabilities(code):
    doc = code("The foreign minister condemned the attack on the embassy and demanded that the rebels release "
               "the hostages.")
    assert doc.events and all(0.0 <= e.confidence <= 1.0 for e in doc.events)


def test_the_network_never_sees_the_rules_rank(code):
    """The rules' main event stays first: a candidate's rank reaches the prior, not the fitted correction."""
    doc = code("The minister accused the army of abuses after troops attacked a village.")
    event = doc.events[0]
    first, second = scorer.features(doc, event, rank=0), scorer.features(doc, event, rank=1)
    assert first[1] == second[1]  # no hashed feature depends on the rank
    assert first[0][scorer.NOT_FIRST] == 0.0 and second[0][scorer.NOT_FIRST] == 1.0
    model = scorer.load()
    assert model is not None and model.scale[scorer.NOT_FIRST] == 0.0
    logits = [model.model.logits(scorer.matrix([row], model.scale))[0] for row in (first, second)]
    assert logits[0] == logits[1]
    assert model.probability(doc, event, rank=1) < model.probability(doc, event, rank=0)
