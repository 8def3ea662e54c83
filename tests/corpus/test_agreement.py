"""Agreement measures between two annotators."""
from __future__ import annotations

from tidings.corpus.agreement import compare, kappa
from tidings.corpus.annotations import AnnotatedDoc, GoldEvent, NonEvent


def test_kappa_of_full_chance_and_no_agreement():
    assert kappa([("a", "a"), ("b", "b"), ("a", "a"), ("b", "b")]) == 1.0
    assert kappa([("a", "b"), ("b", "a"), ("a", "b"), ("b", "a")]) == -1.0
    assert abs(kappa([("a", "a"), ("a", "b"), ("b", "a"), ("b", "b")])) < 1e-9


def _doc(events, non_events):
    return AnnotatedDoc("d", "train", "x",
                        [GoldEvent(t, ty, "010", None, None, "asserted", False, origin) for t, ty, origin in events],
                        [NonEvent(t, "AID", "other_sense", "proposed") for t in non_events])


def test_compare_counts_candidates_and_events():
    first = _doc([((0, 4), "ACCUSE", "proposed"), ((10, 14), "AGREE", "added")], [(20, 24)])
    second = _doc([((0, 4), "ACCUSE", "proposed"), ((30, 34), "ASSAULT", "added")], [(20, 24)])
    figures = compare((first,), (second,))
    assert figures["candidates"] == 2 and figures["kappa_event_or_not"] == 1.0
    assert figures["event_f1"] == 0.5 and figures["events_primary"] == 2 and figures["events_second"] == 2
