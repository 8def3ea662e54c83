"""The event lexicon: format, validation, user overrides and PETRARCH import."""
from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from tidings.resources import lexicon, ontology

FIXTURES = Path(__file__).parent / "fixtures"


def test_builtin_lexicon_is_valid_and_large():
    assert lexicon.validate() == []
    assert lexicon.validate_combinations() == []
    lex = lexicon.builtin()
    assert len(lex) >= 1500
    per_type = Counter(p.type for p in lex.patterns)
    assert set(per_type) == set(ontology.PLOVER_TYPES)
    assert min(per_type.values()) >= 50


def test_pattern_kinds_are_all_present():
    lex = lexicon.builtin()
    ids = {p.id for p in lex.patterns}
    assert "conflict:1712:v:blow up *" in ids           # particle verb
    assert "demands:100:v:call on * to" in ids          # verb + preposition + slot + infinitive
    assert "conflict:190:n:invasion of *" in ids        # nominal event
    assert "cooperation:040:v:hold talks with *" in ids  # light verb
    assert any(p.frame == "threat" for p in lex.patterns)


def test_expand_multiplies_alternatives():
    assert lexicon.expand("{hold|have} talks {with|between} *") == [
        "hold talks with *", "hold talks between *", "have talks with *", "have talks between *"]


def test_type_mode_and_context_come_from_the_ontology(tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text("# version: 1\n[1723 mode=curfew]\nslap curfew on *\n[0871 pos=noun context=territory]\nlull\n")
    curfew, lull = lexicon.read_file(path)
    assert (curfew.type, curfew.mode, curfew.cameo, curfew.words) == ("COERCE", "curfew", "1723",
                                                                     ("slap", "curfew", "on", "*"))
    assert (lull.type, lull.pos, lull.context) == ("RETREAT", "noun", ("territory",))


def test_validator_reports_bad_patterns(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("[190 mode=hugging]\nhug *\n[0105]\nfoo\n")
    with pytest.raises(ValueError, match="unknown CAMEO code 0105"):
        lexicon.read_file(path)
    path.write_text("[190 mode=hugging]\nhug *\n")
    problems = lexicon.validate(lexicon.Lexicon(lexicon.read_file(path)))
    assert problems == ["bad:190:v:hug *: mode hugging not a ASSAULT mode"]


def test_pattern_before_header_is_an_error(tmp_path):
    path = tmp_path / "headless.txt"
    path.write_text("attack *\n")
    with pytest.raises(ValueError, match="before any"):
        lexicon.read_file(path)


def test_user_file_overrides_builtin_pattern(tmp_path, monkeypatch):
    path = tmp_path / "override.txt"
    path.write_text("[051]\nblast *\n")
    assert [p.cameo for p in lexicon.builtin().by_head["blast"] if p.words == ("blast", "*")] == ["110"]
    merged = lexicon.load([path])
    assert [p.cameo for p in merged.by_head["blast"] if p.words == ("blast", "*")] == ["051"]
    monkeypatch.setenv(lexicon.ENV_VAR, str(path))
    from_env = lexicon.load()
    assert [p.cameo for p in from_env.by_head["blast"] if p.words == ("blast", "*")] == ["051"]
    assert len(from_env) == len(lexicon.builtin())


def test_import_petrarch_verb_dictionary():
    patterns = lexicon.import_petrarch(FIXTURES / "sample.verbs")
    got = {(p.words, p.cameo) for p in patterns}
    assert (("blockade",), "191") in got
    assert (("blockaded",), "191") in got                     # inflected forms become heads too
    assert (("blockade", "ports", "of", "*"), "191") in got   # + is the recipient slot
    assert (("blockade", "roads"), "1441") in got
    assert (("snub", "invitation", "from", "*"), "125") in got
    assert not any(p.words == ("snub",) or p.words == ("snub", "summit") for p in patterns)  # [---] skipped
    assert (("parley", "with", "*"), "040") in got
    assert lexicon.validate(lexicon.Lexicon(patterns)) == []


def test_petrarch_files_load_through_the_environment(monkeypatch):
    monkeypatch.setenv(lexicon.ENV_VAR, str(FIXTURES / "sample.verbs"))
    assert any(p.id.startswith("petrarch:") for p in lexicon.load().by_head["parley"])


def test_combine_picks_the_longest_prefix():
    assert lexicon.combine("request", "0841") == "1053"
    assert lexicon.combine("threat", "1723") == "1323"
    assert lexicon.combine("intent", "042") == "036"
    assert lexicon.combine("reject", "190") is None


def test_head_index_offers_exactly_the_patterns_whose_words_are_near_in_lexicon_order():
    lex = lexicon.builtin()
    heads = lex.headed_by("launch", "launched")
    assert heads.patterns == lex.by_head["launch"] + lex.by_head.get("launched", [])
    for words in ({"attack", "on"}, {"protest", "against", "in", "front", "of"}, set(), {"talks"}):
        assert heads.possible(words) == [p for p in heads.patterns if p.required <= words]
    assert lex.headed_by("zzzz", "zzzz") is None


def test_head_index_puts_the_lemma_patterns_before_the_form_patterns():
    patterns = [lexicon.make_pattern("t:1", ["talk"], "040"),
                lexicon.make_pattern("t:2", ["talks", "with", "*"], "040")]
    lex = lexicon.Lexicon(patterns)
    assert [p.id for p in lex.headed_by("talk", "talks").patterns] == ["t:1", "t:2"]
    assert [p.id for p in lex.headed_by("talk", "talks").possible({"with"})] == ["t:1", "t:2"]
    assert [p.id for p in lex.headed_by("talks", "talks").possible(set())] == []


def test_user_files_are_merged_once_and_again_when_edited(tmp_path):
    user = tmp_path / "mine.txt"
    user.write_text("# my verbs\n[173]\nround up *\n", encoding="utf-8")
    first = lexicon.load([user])
    assert lexicon.load([user]) is first  # the events stage asks for every article: no re-reading
    user.write_text("# my verbs\n[173]\nround up *\nrope in *\n", encoding="utf-8")
    os.utime(user, ns=(user.stat().st_atime_ns, user.stat().st_mtime_ns + 1_000_000))
    edited = lexicon.load([user])
    assert edited is not first and len(edited) == len(first) + 1
    assert lexicon.load() is lexicon.builtin()
