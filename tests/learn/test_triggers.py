"""The corpus-learned trigger table: counting, proposing, leaving an article out, validating, round trip."""
from __future__ import annotations

from dataclasses import dataclass

from tidings.learn import triggers
from tidings.learn.triggers import TriggerTable


@dataclass
class _Gold:
    trigger: tuple[int, int]
    type: str
    cameo: str


def test_counting_takes_the_head_word_lemma_of_each_annotated_trigger(build_doc):
    doc = build_doc("Police arrested two men. The minister called for calm and police arrested a third man.")
    text = doc.article.text
    first, second = text.index("arrested"), text.rindex("arrested")
    called = text.index("called for")
    table = triggers.count([(doc.parse, [_Gold((first, first + 8), "COERCE", "173"),
                                         _Gold((second, second + 8), "COERCE", "173"),
                                         _Gold((called, called + 10), "REQUEST", "100")])])
    assert table.count("arrest", "COERCE") == 2 and table.count("call", "REQUEST") == 1
    assert table.proposals("arrest") == [("COERCE", "173")]
    assert table.proposals("call") == []  # seen once: below the minimum count


def test_proposals_rank_types_and_give_the_most_frequent_code():
    table = TriggerTable()
    table.add("attack", "ASSAULT", "190", 2)
    table.add("attack", "ASSAULT", "193", 3)
    table.add("attack", "ACCUSE", "111", 2)
    assert table.proposals("attack") == [("ASSAULT", "193"), ("ACCUSE", "111")]


def test_leaving_an_article_out_subtracts_its_counts():
    table, own = TriggerTable(), TriggerTable()
    table.add("say", "ACCUSE", "112", 3)
    own.add("say", "ACCUSE", "112", 2)
    left = table.without(own)
    assert left.count("say", "ACCUSE") == 1 and left.proposals("say") == []
    assert table.count("say", "ACCUSE") == 3  # the original is untouched


def test_validation_finds_codes_of_another_type_and_unknown_codes():
    table = TriggerTable()
    table.add("strike", "AGREE", "190")
    table.add("strike", "ASSAULT", "9999")
    problems = triggers.validate(table)
    assert any("190" in p and "AGREE" in p for p in problems) and any("9999" in p for p in problems)


def test_save_and_load_round_trip(tmp_path):
    table = TriggerTable()
    table.add("urge", "REQUEST", "100", 4)
    path = tmp_path / "t.json"
    triggers.save(table, path)
    assert triggers.load(path).to_json() == table.to_json()


def test_committed_table_is_sound():
    table = triggers.load()
    assert table is not None and triggers.validate(table) == []
    assert ("COERCE", "173") in table.proposals("arrest")
