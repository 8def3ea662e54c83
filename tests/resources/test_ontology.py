"""The ontology tables: CAMEO codes, Goldstein scores, QuadClass and the PLOVER mapping."""
from __future__ import annotations

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
