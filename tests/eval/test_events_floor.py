"""Events quality gate: PLOVER gold-standard scores never fall below the pinned floors."""
from __future__ import annotations

import json

from tidings.eval import events
from tidings.models import ActorRef, Event, SentenceRef, Trigger


def test_events_scores_stay_above_floors(shared_eval, assert_above_floors):
    report = events.evaluate(shared_eval / "events" / "plover_gsr_dev.jsonl")
    assert_above_floors("events", report.scores)


def _event(type_, actor, recipient, start=0, confidence=0.5):
    return Event(id="e", type=type_, mode=None, context=[], cameo="190", quad_class=4, goldstein=-10.0,
                 actor=actor, recipient=recipient, sentence=SentenceRef(0, 0, 10),
                 trigger=Trigger("x", start, start + 1), confidence=confidence)


def test_gold_parties_use_country_else_non_state_category():
    gold = {"type": "ASSAULT", "actor": [{"code": "USA", "country": "USA"}, {"code": "IGO", "country": None}],
            "recipient": []}
    assert events.gold_triples(gold) == {("ASSAULT", "USA", None), ("ASSAULT", "IGO", None)}


def test_predicted_parties_and_main_event():
    un = ActorRef("the UN", org="UN", sector="IGO")
    militia = ActorRef("Islamic State", org="IS", sector="REB")
    weak = _event("CONSULT", ActorRef("France", country="FRA"), None, start=5, confidence=0.4)
    strong = _event("ASSAULT", militia, un, start=9, confidence=0.8)
    sibling = _event("ASSAULT", militia, ActorRef("Iraq", country="IRQ"), start=9, confidence=0.6)
    assert events.predicted_party(un) == "IGO" and events.predicted_party(militia) == "IMG"
    assert events.main_event([weak, strong, sibling]) is strong
    assert events.main_events([weak, strong, sibling]) == [strong, sibling]
    assert events.predicted_triples([strong]) == {("ASSAULT", "IMG", "IGO")}


def test_evaluate_on_a_small_file_written_for_the_tests(tmp_path, build_doc):
    gold = [
        {"id": "t1", "text": "Chinese troops attacked Indian soldiers on the disputed border.",
         "events": [{"type": "ASSAULT", "actor": [{"code": "CHN", "country": "CHN"}],
                     "recipient": [{"code": "IND", "country": "IND"}]}]},
        {"id": "t2", "text": "Kenya praised Ethiopia for its mediation.",
         "events": [{"type": "SUPPORT", "actor": [{"code": "KEN", "country": "KEN"}],
                     "recipient": [{"code": "ETH", "country": "ETH"}]}]},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(g) for g in gold))
    report = events.evaluate(path)
    assert report.scores["type_accuracy"] == 1.0
    assert report.scores["triple_f1"] == 1.0
    assert "per-type recall" in report.render()


def test_armed_group_matches_gold_coding_its_home_country():
    houthis = ActorRef("the Houthis", actor_id="HOUTHI", org="HOUTHI", sector="REB")
    attack = _event("ASSAULT", houthis, ActorRef("Saudi Arabia", country="SAU"))
    assert events.party_labels(houthis) == ["IMG", "YEM"]
    assert events.predicted_triples([attack], {("ASSAULT", "YEM", "SAU")}) == {("ASSAULT", "YEM", "SAU")}
    assert events.predicted_triples([attack]) == {("ASSAULT", "IMG", "SAU")}
