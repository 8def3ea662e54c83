"""The tone stage: GDELT-style percentages from the project's lexicon, with simple negation."""
from __future__ import annotations

import pytest

from tidings.models import Article, Document
from tidings.resources import tone as tone_lexicon
from tidings.stages import nlp, tone


def tone_of(text: str, *, parsed: bool = True):
    doc = Document(Article(id="t", text=text, language="en"))
    if parsed:
        doc = nlp.run(doc)
    return tone.run(doc).tone


def test_conflict_report_is_negative():
    result = tone_of("Rebels killed twelve soldiers in a brutal attack, and the government condemned the massacre.")
    assert result.negative > 0 and result.positive == 0
    assert result.score == pytest.approx(result.positive - result.negative)
    assert result.polarity == pytest.approx(result.positive + result.negative)


def test_cooperation_report_is_positive():
    result = tone_of("The two leaders welcomed the peace agreement and praised the constructive talks.")
    assert result.score > 0 and result.negative == 0


def test_percentages_are_of_all_words():
    result = tone_of("Officials praised the agreement on Monday.")
    assert result.word_count == 6
    assert result.positive == pytest.approx(100 * 2 / 6, abs=1e-3)


def test_negation_flips_polarity():
    assert tone_of("The talks were not productive and brought no progress.").score < 0
    assert tone_of("The minister said the ceasefire was never violated.").score > 0


def test_negation_does_not_cross_sentences():
    result = tone_of("He did not comment. The attack was brutal.")
    assert result.positive == 0 and result.negative > 0


def test_inflected_forms_count_with_and_without_a_parse():
    for parsed in (True, False):
        result = tone_of("Militants attacked villages, killing civilians and injuring dozens.", parsed=parsed)
        assert (result.negative, result.word_count) == (pytest.approx(50.0), 8), parsed  # 4 of 8 words


def test_empty_text_has_neutral_tone():
    assert tone.score([], tone_lexicon.load_lexicon()).word_count == 0


def test_lexicon_is_valid_and_validator_catches_overlap():
    assert tone_lexicon.validate() == []
    lexicon = tone_lexicon.load_lexicon()
    broken = tone_lexicon.ToneLexicon(positive=lexicon.positive | {"attack"}, negative=lexicon.negative,
                                      negators=frozenset())
    problems = tone_lexicon.validate(broken)
    assert "'attack' is both positive and negative" in problems and "negators list is empty" in problems
    assert len(lexicon.negative) > 1400 and len(lexicon.positive) > 800


def test_proper_names_carry_no_tone():
    result = tone_of("Officials from Royal Dutch Shell met the United Nations envoy in Hope, Arkansas.")
    assert (result.positive, result.negative) == (0, 0) and result.word_count > 0
