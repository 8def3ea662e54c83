"""Turning an annotator's words into offsets, and every problem named."""
from __future__ import annotations

from tidings.corpus.convert import convert, find_span

TEXT = "Police arrested two men in Leeds. The mayor praised the police, and the police thanked him."
SIDECAR = {"doc_id": "t/1", "split": "train", "sentences": [[0, 33], [34, 91]],
           "candidates": [{"cid": "c1", "sentence": 0, "trigger": [7, 15], "trigger_text": "arrested", "type": "COERCE",
                           "cameo": "173", "actor_text": "Police", "recipient_text": "two men", "status": "asserted",
                           "historical": False}],
           "lexicon_words": [{"cid": "w1", "sentence": 1, "trigger": [44, 51], "trigger_text": "praised",
                              "type": "SUPPORT", "cameo": "051"}]}


def test_find_span_prefers_the_trigger_sentence_and_the_nearest_mention():
    assert find_span(TEXT, "police", (34, 91), 44) == [56, 62]
    assert find_span(TEXT, "Police", (34, 91), 44) == [0, 6]  # only earlier: the closest before
    assert find_span(TEXT, "Paris", (0, 33), 0) is None


def test_a_complete_judgement_becomes_stand_off_records():
    raw = {"doc_id": "t/1", "annotator": "T", "labels": {
        "c1": {"label": "ok"},
        "w1": {"label": "fix", "type": "SUPPORT", "actor": "The mayor", "recipient": "police"}},
        "missed": [{"sentence": 1, "trigger": "thanked", "type": "SUPPORT", "actor": "police", "recipient": "him"}]}
    record, problems = convert(raw, SIDECAR, TEXT)
    assert problems == []
    first, second, third = record["events"]
    assert first["actor"] == [0, 6] and first["recipient"] == [16, 23] and first["label"] == "ok"
    assert second["origin"] == "lexicon_word" and second["actor"] == [34, 43] and second["cameo"] == "051"
    assert third["origin"] == "added" and TEXT[slice(*third["trigger"])] == "thanked"
    assert record["non_events"] == []


def test_problems_are_named():
    raw = {"doc_id": "t/1", "labels": {"c1": {"label": "no", "reason": "dull"}, "w1": {"label": "ok"}, "c9": {}},
           "missed": [{"sentence": 0, "trigger": "praised", "type": "SUPPORT"},
                      {"sentence": 1, "trigger": "thanked", "type": "THANK"}]}
    _, problems = convert(raw, SIDECAR, TEXT)
    text = "\n".join(problems)
    assert "reason 'dull'" in text
    assert "a lexicon word has no proposed event to accept" in text
    assert "'praised' is not in sentence S0" in text
    assert "type 'THANK' is not a PLOVER type" in text
    assert "unknown candidates ['c9']" in text


def test_a_code_of_another_type_decides_the_type():
    raw = {"doc_id": "t/1", "labels": {"c1": {"label": "fix", "type": "CONCEDE", "cameo": "0831"},
                                       "w1": {"label": "no", "reason": "not_an_act"}}}
    record, problems = convert(raw, SIDECAR, TEXT)
    assert problems == [] and record["events"][0]["type"] == "RETREAT"
