"""The event coder reads its per-type policy from the ontology's coding table: change the table, not the code."""
from __future__ import annotations

import dataclasses

import pytest

from tidings.resources import ontology
from tidings.stages.events import coder, frames

ATTACK = "Donald Trump attacked Hillary Clinton over her emails."
MARCH = "Thousands of Serbian students marched in Belgrade to demand the resignation of the government."


@pytest.fixture
def policies(monkeypatch):
    """``policies(TYPE=TypePolicy(...))`` codes with those lines of ``coding.tsv`` changed."""
    real = ontology.load()

    def change(**lines: ontology.TypePolicy) -> None:
        patched = dataclasses.replace(real, policies={**real.policies, **lines})
        monkeypatch.setattr(ontology, "load", lambda *args: patched)

    return change


def test_the_verbal_code_comes_from_the_table(code, policies):
    assert [(e.type, e.cameo) for e in code(ATTACK).events] == [("ACCUSE", "111")]
    policies(ASSAULT=ontology.TypePolicy())
    assert [e.type for e in code(ATTACK).events] == ["ASSAULT"]


def test_the_armed_code_comes_from_the_table(code, policies):
    struck = "The militants struck in a series of attacks on hotels in the city."
    assert [(e.type, e.cameo) for e in code(struck).events] == [("ASSAULT", "190")]
    policies(PROTEST=dataclasses.replace(ontology.load().policy("PROTEST"), armed_code=None))
    assert [e.type for e in code(struck).events] == ["PROTEST"]


def test_a_press_interview_is_no_consultation_by_the_table(code, policies):
    press = "The prime minister met BBC journalists at Downing Street on Monday."
    assert not of_consult(code(press))
    assert of_consult(code("The prime minister met the French president at Downing Street on Monday."))
    policies(CONSULT=dataclasses.replace(ontology.load().policy("CONSULT"), not_with=frozenset()))
    assert of_consult(code(press))


def of_consult(doc):
    return [e for e in doc.events if e.type == "CONSULT"]


def test_absorbed_purposes_come_from_the_table(code, policies):
    assert [e.type for e in code(MARCH).events] == ["PROTEST"]
    policies(PROTEST=dataclasses.replace(ontology.load().policy("PROTEST"), absorbs=frozenset()))
    assert sorted(e.type for e in code(MARCH).events) == ["PROTEST", "REQUEST"]


def test_frames_and_stances_are_one_column():
    onto = ontology.load()
    opening = {t for t in ontology.PLOVER_TYPES if onto.policy(t).frame}
    assert opening == {"AGREE", "REQUEST", "REJECT", "THREATEN"}
    assert {t for t in ontology.PLOVER_TYPES if frames.reports_stance(t)} == opening


def test_every_fallback_the_table_may_name_is_one_the_coder_knows():
    assert set(coder.RECIPIENT_FALLBACKS) == set(ontology.RECIPIENT_FALLBACKS)
    used = {p.recipient_fallback for p in ontology.load().policies.values()} - {None}
    assert used == {"location_state", "condition_subject", "claim_subject"}
