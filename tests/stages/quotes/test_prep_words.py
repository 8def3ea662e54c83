"""Stance nouns and adjectives with a preposition ("critical of", "an opponent of", "concern about")."""
from __future__ import annotations

from tests.stages.test_quotes import only, quotes_of  # noqa: F401  (quotes_of is a fixture)


def test_adjective_after_copula(quotes_of):
    q = only(quotes_of("Senator Ruth Adler has been critical of the trade agreement since its signing."))
    assert (q.kind, q.cue, q.text) == ("indirect", "critical", "the trade agreement")
    assert q.speaker.name == "Ruth Adler"


def test_role_noun_after_copula(quotes_of):
    q = only(quotes_of("Dlamini is a longtime opponent of nuclear power."))
    assert (q.cue, q.text, q.speaker.text) == ("opponent", "nuclear power", "Dlamini")


def test_noun_object_of_a_verb(quotes_of):
    q = only(quotes_of("Teachers' unions expressed concern about the proposed cuts to school budgets."))
    assert (q.cue, q.text) == ("concern", "the proposed cuts to school budgets")
    assert q.speaker.text == "Teachers' unions"


def test_adjective_describing_its_holder(quotes_of):
    q = only(quotes_of("The finance minister, skeptical of the new tax, ordered a review."))
    assert (q.cue, q.text, q.speaker.text) == ("skeptical", "the new tax", "The finance minister")


def test_cognition_verb_with_preposition(quotes_of):
    q = only(quotes_of("Officials worried about low turnout in the northern provinces."))
    assert q.cue == "worried" and q.text.startswith("low turnout")


def test_stance_word_without_holder_is_not_attributed(quotes_of):
    assert quotes_of("Concern about the drought is growing across the region.") == []
