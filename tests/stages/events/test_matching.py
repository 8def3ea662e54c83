"""Lexicon matching on the parse: pattern words, slots, particles and infinitives."""
from __future__ import annotations

import pytest

from tests.stages.events.conftest import of_type
from tidings.resources import lexicon
from tidings.stages.events.matching import match_sentence


@pytest.fixture(scope="module")
def matches(build_doc):
    lex = lexicon.load()

    def run(text: str) -> list[str]:
        doc = build_doc(text, until="actors")
        return [m.pattern.id for k in range(len(doc.parse.sentences)) for m in match_sentence(doc.parse, k, lex)]

    return run


def test_preposition_before_a_slot_needs_its_object(matches):
    assert not any("call on * to" in m for m in matches("The minister called his aides on Friday to plan a visit."))
    assert "demands:100:v:call on * to" in matches("The minister called on Iran to free the crew.")


def test_a_pattern_preposition_comes_after_its_head(matches):
    fronted = matches('For the Liberal Democrats, Senator Anna Berg called the plan "hugely unambitious".')
    assert not any(m.startswith("demands:") for m in fronted)
    assert "demands:100:v:call for *" in matches("Senator Anna Berg called for calm.")


def test_particle_slot_takes_the_verbs_object(matches):
    assert "cooperation:063:v:hand over * to *" in matches("Libya handed over two suspects to Britain.")


def test_longest_pattern_wins_on_a_head(matches):
    assert matches("The army imposed a curfew on the city.") == ["conflict:1723:v:impose curfew on *"]


def test_event_noun_used_as_modifier_still_matches_its_compound(matches):
    assert "conflict:1831:n:suicide bombing" in matches("A suicide bombing hit the market in Kabul.")


def test_a_pattern_preposition_deep_inside_an_object_predicate_is_not_the_patterns(code):
    doc = code("Ohio Democratic Party chairman David Pepper called the court's ruling a huge win for Ohio voters.")
    assert not of_type(doc, "REQUEST")


def test_a_pattern_preposition_on_the_direct_object_still_counts(code):
    doc = code("Senator John McCain accused the president of lying about the war in Iraq.")
    (event,) = of_type(doc, "ACCUSE")
    assert event.recipient is not None and "president" in event.recipient.text


def test_a_month_is_no_word_of_a_pattern(matches):
    assert not any("join march" in m for m in matches("Poland will officially join NATO on March 12."))
    assert "conflict:140:v:join march" in matches("Thousands of students will join the march on Saturday.")
