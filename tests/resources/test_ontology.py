"""The ontology tables: CAMEO codes, Goldstein scores, QuadClass and the PLOVER mapping."""
from __future__ import annotations

import dataclasses
import shutil

import pytest

from tidings.resources import ontology


def test_tables_are_consistent():
    assert ontology.validate() == []


def test_every_cameo_code_is_there_with_scores():
    onto = ontology.load()
    assert len(onto.cameo) >= 300
    assert onto.cameo["190"].goldstein == -10.0 and onto.cameo["190"].quad_class == 4
    assert onto.cameo["051"].plover_type == "SUPPORT" and onto.cameo["051"].quad_class == 1
    assert onto.cameo["0871"].plover_mode == "ceasefire"
    assert onto.cameo["106"].name.startswith("Demand meeting")


def test_plover_types_modes_and_contexts():
    onto = ontology.load()
    assert set(onto.modes) == set(ontology.PLOVER_TYPES) and len(onto.modes) == 16
    assert "phone" in onto.modes["CONSULT"] and "riot-spon" in onto.modes["PROTEST"]
    assert "military" in onto.contexts


def test_unknown_subcode_falls_back_to_parent():
    assert ontology.load().code("1939").code == "193"


def test_validator_catches_a_bad_table(tmp_path):
    onto = ontology.load()
    bad = ontology.CameoCode("190", "Fight", -12.0, 2, "BRAWL", None, ("nowhere",))
    broken = ontology.Ontology({**onto.cameo, "190": bad}, onto.modes, onto.definitions, onto.contexts)
    problems = ontology.validate(broken)
    assert any("Goldstein" in p for p in problems)
    assert any("QuadClass" in p for p in problems)
    assert any("unknown PLOVER type" in p for p in problems)
    assert any("unknown context" in p for p in problems)


def test_coding_policies_are_read_per_type():
    onto = ontology.load()
    assert set(onto.policies) == set(ontology.PLOVER_TYPES)
    threaten = onto.policy("THREATEN")
    assert threaten.frame == "threat" and threaten.recipient_fallback == "condition_subject"
    assert onto.policy("PROTEST").absorbs == {"REQUEST"} and onto.policy("ASSAULT").verbal_code == "111"
    assert onto.policy("CONSULT").is_joint("040") and onto.policy("CONSULT").keeps_when_scheduled
    assert onto.policy("SUPPORT").is_joint("057") and not onto.policy("SUPPORT").is_joint("051")
    assert onto.policy("COERCE").source_agent == "COP" and onto.policy("ASSAULT").source_agent is None
    assert onto.policy("CONSULT").not_with == {"MED"} and not onto.policy("ASSAULT").not_with
    assert onto.policy("NOT-A-TYPE") == ontology.TypePolicy()


def test_validator_catches_a_bad_coding_policy():
    onto = ontology.load()
    bad = ontology.TypePolicy(frame="wish", joint_codes=frozenset({"190"}), absorbs=frozenset({"PICNIC"}),
                              recipient_fallback="anyone", verbal_code="999", source_agent="police",
                              not_with=frozenset({"press"}))
    problems = ontology.validate(dataclasses.replace(onto, policies={**onto.policies, "SUPPORT": bad}))
    assert "coding.tsv: SUPPORT: frame wish not one of intent, request, reject, threat" in problems
    assert ("coding.tsv: SUPPORT: recipient_fallback anyone not one of location_state, condition_subject, "
            "claim_subject") in problems
    assert "coding.tsv: SUPPORT: absorbs unknown type PICNIC" in problems
    assert "coding.tsv: SUPPORT: source_agent police is no sector code" in problems
    assert "coding.tsv: SUPPORT: not_with press is no sector code" in problems
    assert "coding.tsv: SUPPORT: unknown CAMEO code 999" in problems
    assert "coding.tsv: SUPPORT: joint code 190 is not a SUPPORT code" in problems
    missing = dict(onto.policies)
    del missing["AID"]
    assert any("types differ" in p for p in ontology.validate(dataclasses.replace(onto, policies=missing)))


def test_a_bad_flag_cell_is_an_error_naming_the_type(tmp_path):
    for name in ("cameo.tsv", "plover.json"):
        shutil.copy(ontology.DATA / name, tmp_path / name)
    table = (ontology.DATA / "coding.tsv").read_text(encoding="utf-8")
    table = table.replace("CONSULT\t\tyes\tyes", "CONSULT\t\tyes\tsure")
    (tmp_path / "coding.tsv").write_text(table, encoding="utf-8")
    with pytest.raises(ValueError, match="coding.tsv: CONSULT: keeps_when_scheduled must be yes or empty"):
        ontology.load(tmp_path)
