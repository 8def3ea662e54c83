"""The amounts stage: counts and money with their objects, on sentences written for the project."""
from __future__ import annotations

import pytest

from tidings.models import Article, Document
from tidings.resources import amounts as amounts_lexicon
from tidings.stages import amounts, dates, nlp


def amounts_in(text: str) -> list[tuple[str, float | None, str | None, bool, str | None]]:
    doc = Document(Article(id="t", text=text, published="2021-12-30", language="en"))
    doc = amounts.run(dates.run(nlp.run(doc)))
    assert all(text[a.start : a.end] == a.text for a in doc.amounts)
    return [(a.text, a.value, a.object, a.approximate, a.unit) for a in doc.amounts]


@pytest.mark.parametrize(("text", "expected"), [
    ("At least 40 people were killed in the blast.", [("At least 40 people", 40, "people", True, None)]),
    ("An estimated 100,000 soldiers massed near the border.",
     [("An estimated 100,000 soldiers", 100000, "soldiers", True, None)]),
    ("Washington pledged $2.5 billion in aid to the region.",
     [("$2.5 billion in aid", 2.5e9, "aid", False, "USD")]),
    ("Dozens of protesters gathered outside the embassy.", [("Dozens of protesters", 24, "protesters", True, None)]),
    ("Police detained three journalists overnight.", [("three journalists", 3, "journalists", False, None)]),
    ("The war has displaced 1.2 million refugees.", [("1.2 million refugees", 1.2e6, "refugees", False, None)]),
    ("Hundreds of villagers fled, and tens of thousands of people marched in the capital.",
     [("Hundreds of villagers", 200, "villagers", True, None),
      ("tens of thousands of people", 20000, "people", True, None)]),
    ("The ministry paid 2.3bn euros to contractors.", [("2.3bn euros", 2.3e9, None, False, "EUR")]),
    ("Ships carried 3 million tons of grain.", [("3 million tons of grain", 3e6, "grain", False, "ton")]),
    ("More than two hundred Russian troops crossed the river.",
     [("More than two hundred Russian troops", 200, "troops", True, None)]),
    ("At least 12 were killed and police arrested 40 others.",
     [("At least 12", 12, None, True, None), ("40 others", 40, "others", False, None)]),
    ("Between 40 to 50 people were injured.", [("50 people", 50, "people", False, None)]),
    ("The state spent millions of dollars.", [("millions of dollars", 2e6, None, True, "USD")]),
    ("Police detained about two dozen activists.", [("about two dozen activists", 24, "activists", True, None)]),
    ("The bloc approved a €1.2bn package.", [("€1.2bn package", 1.2e9, "package", False, "EUR")]),
])
def test_counts_and_money(text, expected):
    assert amounts_in(text) == expected


@pytest.mark.parametrize("text", [
    "Turnout rose 15 percent in 2019 and 12% in 2020.",
    "The 45-year-old mayor, aged 62 by some accounts, served for three years.",
    "One of the men was released on Dec. 3.",
    "Resolution 2231 was adopted by the council.",
    "The incumbent won 52 to 48.",
    "One in 5 homes was destroyed by 155mm shells.",
])
def test_percentages_ages_years_durations_and_bare_numbers_are_skipped(text):
    assert amounts_in(text) == []


def test_lexicon_is_valid_and_validator_catches_problems():
    assert amounts_lexicon.validate() == []
    broken = dict(amounts_lexicon.load_quantities(), currency_symbols={"$": "XXX"}, vague={"dozens": 0})
    problems = amounts_lexicon.validate(broken)
    assert any("XXX" in p for p in problems) and any("dozens" in p for p in problems)


def test_a_count_with_its_object_on_a_fixed_tree():
    """Written by hand (tests/parses.py), so the rule is tested whatever tree the model gives the sentence."""
    from tests.parses import doc_from_conllu

    doc = amounts.run(dates.run(doc_from_conllu("""
        1   At      at      ADV    RB   _  2   advmod     _  NER=B-CARDINAL
        2   least   least   ADJ    JJS  _  3   advmod     _  NER=I-CARDINAL
        3   40      40      NUM    CD   _  4   nummod     _  NER=I-CARDINAL
        4   people  people  NOUN   NNS  _  6   nsubjpass  _  _
        5   were    be      AUX    VBD  _  6   auxpass    _  _
        6   killed  kill    VERB   VBN  _  0   ROOT       _  _
        7   in      in      ADP    IN   _  6   prep       _  _
        8   the     the     DET    DT   _  9   det        _  _
        9   blast   blast   NOUN   NN   _  7   pobj       _  SpaceAfter=No
        10  .       .       PUNCT  .    _  6   punct      _  _
    """)))
    assert [(a.text, a.value, a.object, a.approximate) for a in doc.amounts] == [
        ("At least 40 people", 40, "people", True)]
