"""Widened candidates: lexicon words no strict pattern matched, and criticism, praise and demands in speech."""
from __future__ import annotations

import pytest

from tidings.learn import scorer
from tidings.learn.triggers import TriggerTable
from tidings.resources import lexicon as lexicon_data
from tidings.stages.events import loose, speech


@pytest.fixture(scope="module")
def annotated(build_doc):
    """Documents annotated up to quotes: the layers the generators read, before the events stage."""
    return lambda text: build_doc(text, until="quotes")


def test_loose_candidate_takes_its_parties_from_the_parse(annotated):
    doc = annotated("Opposition leader Michael Howard lambasted the government over its immigration plans.")
    (word,) = loose.candidates(doc, lexicon_data.load(), taken=set())
    assert word.evidence.startswith(loose.EVIDENCE_PREFIX) and word.confidence == loose.LOOSE_CONFIDENCE
    assert (word.type, word.trigger.text) == ("ACCUSE", "lambasted")
    assert "Howard" in word.actor.text and word.recipient.text.endswith("government")


def test_a_loose_candidate_needs_a_party_on_one_side(annotated):
    doc = annotated("Hunting with dogs was banned in 2004.")
    assert all(e.actor is not None or e.recipient is not None
               for e in loose.candidates(doc, lexicon_data.load(), taken=set()))


def test_loose_candidates_skip_taken_triggers(annotated):
    doc = annotated("The army shelled the town and rebels attacked a convoy.")
    every = loose.candidates(doc, lexicon_data.load(), taken=set())
    taken = {(e.trigger.start, e.type) for e in every}
    assert every and not loose.candidates(doc, lexicon_data.load(), taken=taken)


def test_the_trigger_table_proposes_its_types_where_no_strict_event_has_them(annotated):
    doc = annotated("Opposition leader Michael Howard said the minister had misled parliament.")
    table = TriggerTable()
    table.add("say", "ACCUSE", "112", 3)
    table.add("say", "SUPPORT", "051", 1)  # seen once: too rare to propose
    (said,) = loose.candidates(doc, lexicon_data.load(), taken=set(), triggers=table)
    assert (said.type, said.cameo, said.trigger.text) == ("ACCUSE", "112", "said")
    assert said.evidence.startswith(loose.LEARNED_PREFIX + "say/ACCUSE") and "Howard" in said.actor.text
    assert not loose.candidates(doc, lexicon_data.load(), taken={(said.trigger.start, "ACCUSE")}, triggers=table)


@pytest.mark.parametrize("text, type_, actor_word", [
    ("Opposition leader Michael Howard said the government's plans were a shambles and a disgrace.", "ACCUSE",
     "Howard"),
    ("Chancellor Gordon Brown said Tony Blair was a great and successful leader.", "SUPPORT", "Brown"),
    ("Liberal Democrat leader Charles Kennedy said ministers must apologise to the families.", "REQUEST",
     "Kennedy"),
])
def test_reported_speech_gives_a_candidate_of_its_reading(annotated, text, type_, actor_word):
    found = [e for e in speech.candidates(annotated(text), taken=set()) if e.type == type_]
    assert found, [(e.type, e.trigger.text) for e in speech.candidates(annotated(text), taken=set())]
    assert actor_word in found[0].actor.text and found[0].trigger.text == "said"


def test_neutral_speech_gives_no_candidate(annotated):
    doc = annotated("The foreign minister said the talks would resume in Geneva on Monday.")
    assert speech.candidates(doc, taken=set()) == []


def test_negation_flips_the_reading(annotated):
    doc = annotated("Opposition leader Michael Howard said the plan was not good for Britain.")
    assert [e.type for e in speech.candidates(doc, taken=set())] == ["ACCUSE"]


def test_the_scorer_knows_every_widened_generator():
    assert set(scorer.WIDENED) == {loose.EVIDENCE_PREFIX, loose.LEARNED_PREFIX, speech.EVIDENCE_PREFIX}
