"""The grammar word classes and dependency label classes load by name, and their validator catches broken data."""
import shutil

import pytest

from tidings.resources import grammar


def test_shipped_classes_are_sound_and_load_by_name():
    assert grammar.validate() == []
    assert grammar.words("future_auxiliaries") == {"will", "shall", "'ll", "wo"}
    assert grammar.sequence("recipient_prepositions")[:2] == ("against", "on")  # the first listed wins
    assert grammar.labels("subjects") == {"nsubj", "nsubjpass", "csubj"}
    assert grammar.label_sequence("objects")[0] == "dobj"
    for name in grammar.word_class_names():
        assert grammar.words(name), name


def test_unknown_classes_are_named_errors():
    with pytest.raises(KeyError, match="future_verbs"):
        grammar.words("futur_verbs")  # the message lists the known classes
    with pytest.raises(KeyError, match="no dependency label class"):
        grammar.labels("subject")


def test_every_label_class_uses_labels_of_the_parser():
    from tidings.stages.nlp import load_bare_model

    assert grammar.parser_labels() == set(load_bare_model().get_pipe("parser").labels)


def test_validator_reports_broken_words_and_labels(tmp_path):
    folder = tmp_path / "grammar"
    shutil.copytree(grammar.DATA, folder)
    (folder / "copulas.txt").write_text("# linking verbs\nbe Become be\n", encoding="utf-8")
    (folder / "negators.txt").write_text("# nothing but a comment\n", encoding="utf-8")
    with (folder / grammar.LABELS_FILE).open("a", encoding="utf-8") as table:
        table.write("subjects\tnsubj subj\tsubjects again, one label of another scheme\n")
    problems = grammar.validate(folder)
    assert "copulas: 'Become' is not a lower-case word" in problems
    assert "copulas: duplicate entries" in problems
    assert "negators: empty word class" in problems
    assert f"{grammar.LABELS_FILE}: class 'subjects' defined twice" in problems
    assert f"{grammar.LABELS_FILE}: subjects: 'subj' is not a label of the parser" in problems
    assert len(problems) == 5


def test_a_named_sub_class_stays_inside_its_class(tmp_path):
    folder = tmp_path / "grammar"
    shutil.copytree(grammar.DATA, folder)
    assert grammar.within("planning_verbs") == "future_verbs"
    (folder / "planning_verbs.txt").write_text("# plans\n# within: future_verbs\nplan scheme\n", encoding="utf-8")
    (folder / "region_designators.txt").write_text("# regions\n# within: place_names\nprovince\n", encoding="utf-8")
    assert grammar.validate(folder) == ["planning_verbs: 'scheme' is not in future_verbs",
                                        "region_designators: within unknown class 'place_names'"]
