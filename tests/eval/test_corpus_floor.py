"""Event quality on the project's annotated real-news corpus (test split): floors, and the issue's targets.

The targets not yet met are strict xfails: the day one passes, the xfail turns red and its floor goes up.
"""
from __future__ import annotations

import pytest

from tidings.corpus import sources
from tidings.eval import corpus

#: The event-precision issue's targets on the test split.
TARGET_PRECISION = 0.85
TARGET_FULLY_RIGHT = 0.65
TARGET_RECALL = 0.70
MAX_OFF_TOPIC_PER_1000_WORDS = 0.3
MAX_DEV_TEST_GAP = 0.05
#: The arguments issue's targets, among emitted events of the right type on the test split.
ARGUMENT_TARGETS = {"actor_right": 0.85, "recipient_right": 0.85, "status_right": 0.92, "historical_right": 0.92,
                    "fully_right_among_right_type": 0.75}
TARGET_DATE = 0.92
RECIPIENT_SHORT = "test recipient 0.851 at session 12's print, 0.846 at session 13's end (session 12's role rules)"


@pytest.fixture(scope="module")
def reports():
    if not sources.available():
        pytest.skip("the shared folder is not there (clone with ../shared beside the checkout)")
    return {split: corpus.evaluate(split) for split in ("dev", "test")}


@pytest.mark.eval
def test_corpus_test_scores_stay_above_floors(reports, assert_above_floors):
    assert_above_floors("corpus", reports["test"].scores)


@pytest.mark.eval
def test_non_political_pages_produce_almost_no_events(reports):
    assert reports["test"].scores["off_topic_events_per_1000_words"] <= MAX_OFF_TOPIC_PER_1000_WORDS


@pytest.mark.eval
@pytest.mark.parametrize("score, target", [
    ("precision_right_type", TARGET_PRECISION),
    ("precision_fully_right", TARGET_FULLY_RIGHT),
    pytest.param("recall_right_type", TARGET_RECALL, marks=pytest.mark.xfail(
        strict=True, reason="recall 0.10 at the default threshold, 0.35 with every candidate kept: few are sure")),
])
def test_issue_targets(reports, score, target):
    assert reports["test"].scores[score] >= target


@pytest.mark.eval
@pytest.mark.parametrize("score", [
    pytest.param(score, marks=pytest.mark.xfail(strict=True, reason=RECIPIENT_SHORT)) if score == "recipient_right"
    else score for score in sorted(ARGUMENT_TARGETS)])
def test_argument_targets(reports, score):
    assert reports["test"].scores[score] >= ARGUMENT_TARGETS[score]


@pytest.mark.eval
@pytest.mark.xfail(strict=True, reason="12 of the 15 test events with a date to judge are dated right (dev 14 of 14)")
def test_date_target(reports):
    assert reports["test"].scores["date_right"] >= TARGET_DATE


@pytest.mark.eval
def test_dev_test_gap(reports):
    gap = reports["dev"].scores["precision_right_type"] - reports["test"].scores["precision_right_type"]
    assert abs(gap) <= MAX_DEV_TEST_GAP
