"""Candidate coverage: the widened generators reach events whose doer is unnamed, absent or a pronoun, passive
verbs, party-less event nouns, legal charges and unnamed speakers' demands (sentences written for these tests)."""
from __future__ import annotations

import pytest

from tidings.learn.triggers import TriggerTable
from tidings.resources import lexicon as lexicon_data
from tidings.stages.events import loose, speech


@pytest.fixture(scope="module")
def annotated(build_doc):
    """Documents annotated up to quotes: the layers the generators read, before the events stage."""
    return lambda text: build_doc(text, until="quotes")


def loose_of(doc, *, triggers=None):
    return loose.candidates(doc, lexicon_data.load(), taken=set(), triggers=triggers)


def on(events, word):
    return [e for e in events if e.trigger.text == word]


def test_an_unnamed_doer_phrase_acts_for_a_lexicon_word(annotated):
    doc = annotated("Angry pensioners lambasted the council over the new parking charges.")
    (word,) = on(loose_of(doc), "lambasted")
    assert word.type == "ACCUSE" and word.actor.text.endswith("pensioners")


def test_an_unnamed_doer_gives_no_learned_candidate(annotated):
    doc = annotated("The watchdog said the figures were published on Tuesday.")
    table = TriggerTable()
    table.add("say", "ACCUSE", "111", 5)
    assert on(loose_of(doc, triggers=table), "said") == []


def test_a_passive_verb_without_agent_has_its_patient_as_recipient(annotated):
    doc = annotated("Opposition leader Kemal Arslan was arrested in Ankara on Friday.")
    (arrest,) = on(loose_of(doc), "arrested")
    assert arrest.type == "COERCE" and arrest.actor is None and "Arslan" in arrest.recipient.text


def test_a_participle_modifying_a_party_has_it_as_recipient(annotated):
    doc = annotated("A man remanded in custody over the riot appeared in court in Belfast.")
    (remand,) = on(loose_of(doc), "remanded")
    assert remand.type == "COERCE" and remand.recipient.text.endswith("man")


def test_a_coordinated_passive_shares_its_patient(annotated):
    doc = annotated("Senator Maria Ortiz was detained on Friday and was released without charge.")
    (release,) = on(loose_of(doc), "released")
    assert "Ortiz" in release.recipient.text


def test_an_event_noun_as_subject_needs_no_party(annotated):
    doc = annotated("The protests will continue for a third day, organisers said.")
    (protests,) = on(loose_of(doc), "protests")
    assert protests.type == "PROTEST" and protests.actor is None and protests.recipient is None


def test_an_event_noun_elsewhere_needs_a_party(annotated):
    doc = annotated("Footage of the protests was shown on state television.")
    assert on(loose_of(doc), "protests") == []


def test_a_frequent_event_noun_after_a_preposition_needs_no_party(annotated):
    doc = annotated("Security was tightened at the border after the attacks.")
    table = TriggerTable()
    table.add("attack", "ASSAULT", "180", loose.FREQUENT_EVENT_NOUN)
    assert [e.type for e in on(loose_of(doc, triggers=table), "attacks")] == ["ASSAULT"]
    table = TriggerTable()
    table.add("attack", "ASSAULT", "180", loose.FREQUENT_EVENT_NOUN - 1)  # too rarely an event in the corpus
    assert on(loose_of(doc, triggers=table), "attacks") == []


def test_a_noun_with_a_that_clause_is_a_candidate(annotated):
    doc = annotated("The minister resigned amid claims that he had misled parliament.")
    table = TriggerTable()
    table.add("claim", "ACCUSE", "112", 3)
    assert "ACCUSE" in [e.type for e in on(loose_of(doc, triggers=table), "claims")]


def test_an_unresolved_pronoun_is_a_doer(annotated):
    doc = annotated("He lambasted the government over its immigration plans.")
    (word,) = on(loose_of(doc), "lambasted")
    assert word.actor.text == "He"


def test_no_party_at_all_gives_no_verb_candidate(annotated):
    doc = annotated("Hunting with dogs was banned in 2004.")
    assert loose_of(doc) == []


@pytest.mark.parametrize("text, word, type_", [
    ("Prosecutors charged the former mayor with fraud on Monday.", "charged", "COERCE"),
    ("Prosecutors in Milan charged the former mayor on Monday.", "charged", "COERCE"),
    ("The opposition charged that the minister had lied to parliament.", "charged", "ACCUSE"),
])
def test_legal_charges_are_coerce_and_charging_that_is_accusing(code, text, word, type_):
    events = on(code(text).events, word)
    assert events and {e.type for e in events} == {type_}, [(e.type, e.evidence) for e in events]


def test_an_unnamed_speakers_demand_is_a_request(annotated):
    doc = annotated("Candidates should be allowed to spend more on leaflets, the commission says.")
    assert [e.type for e in speech.candidates(doc, taken=set())] == ["REQUEST"]


def test_an_unnamed_speakers_tone_is_no_candidate(annotated):
    doc = annotated("The plan was a disgrace and a shambles, the group said.")
    assert speech.candidates(doc, taken=set()) == []


def test_the_trigger_table_memoises_and_forgets_on_add():
    table = TriggerTable()
    table.add("urge", "REQUEST", "100", 2)
    assert table.proposals("urge") == [("REQUEST", "100")]
    table.add("urge", "ACCUSE", "111", 3)
    assert table.proposals("urge") == [("ACCUSE", "111"), ("REQUEST", "100")]
