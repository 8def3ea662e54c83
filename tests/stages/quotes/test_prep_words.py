"""Stance nouns and adjectives: with a preposition ("critical of", "an opponent of", "concern about") or a
clause ("confident that")."""
from __future__ import annotations

import pytest

from tests.stages.test_quotes import only


@pytest.mark.parametrize("sentence, cue, content, speaker", [
    # an adjective completing a copula: its subject holds the stance
    ("Senator Ruth Adler has been critical of the trade agreement since its signing.",
     "critical", "the trade agreement", "Senator Ruth Adler"),
    # a role noun after a copula
    ("Dlamini is a longtime opponent of nuclear power.", "opponent", "nuclear power", "Dlamini"),
    # a noun that is the object of a verb: the verb's subject holds it
    ("Teachers' unions expressed concern about the proposed cuts to school budgets.",
     "concern", "the proposed cuts to school budgets", "Teachers' unions"),
    # an adjective set off beside the noun it describes
    ("The finance minister, skeptical of the new tax, ordered a review.",
     "skeptical", "the new tax", "The finance minister"),
])
def test_stance_word_and_its_holder(quotes_of, sentence, cue, content, speaker):
    q = only(quotes_of(sentence))
    assert (q.kind, q.cue, q.text, q.speaker.text) == ("indirect", cue, content, speaker)


def test_cognition_verb_with_preposition(quotes_of):
    q = only(quotes_of("Officials worried about low turnout in the northern provinces."))
    assert q.cue == "worried" and q.text.startswith("low turnout")


def test_stance_word_without_holder_is_not_attributed(quotes_of):
    assert quotes_of("Concern about the drought is growing across the region.") == []


def test_adjective_of_belief_with_a_clause(quotes_of):
    q = only(quotes_of("The engineers are confident that the dam will hold through the flood season."))
    assert (q.cue, q.text, q.speaker.text) == ("confident", "that the dam will hold through the flood season",
                                               "The engineers")


def test_adjective_clause_without_holder(quotes_of):
    assert quotes_of("It is certain that the dam will hold through the flood season.") == []
