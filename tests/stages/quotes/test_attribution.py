"""Speakers of cues the parser hangs inside the clause another cue reports (sentences written for these tests)."""
from __future__ import annotations

from tests.parses import doc_from_conllu
from tidings.stages import actors, quotes


def _speaker_of(found, cue):
    return next(q.speaker.text for q in found if q.cue == cue)


def test_a_participle_after_a_reported_clause_is_the_first_speakers(quotes_of):
    found = quotes_of("Opposition lawmakers said rising fuel prices had hurt small farmers across the north, "
                      "citing figures from the agriculture ministry.")
    assert _speaker_of(found, "citing") == "Opposition lawmakers"


def test_a_conjunct_agreeing_with_the_verb_of_saying_is_its_speakers(quotes_of):
    found = quotes_of("Prime Minister Ana Duarte said that the government would table the bill in March and warned "
                      "that delays would cost jobs.")
    assert _speaker_of(found, "warned") == "Prime Minister Ana Duarte"


def test_a_conjunct_agreeing_with_the_reported_verb_keeps_its_subject(quotes_of):
    found = quotes_of("The senator said the governor resigned and blamed the press for his downfall.")
    assert _speaker_of(found, "blamed") == "the governor"


def test_a_participle_hung_on_a_quoted_verb_is_the_speaker_of_the_cue_before_it():
    # the parser hangs "adding" on "want", inside the quotation, not on "said"
    doc = quotes.run(actors.run(doc_from_conllu('''
        1   "        "        PUNCT  ``   _  3   punct      _  SpaceAfter=No
        2   Voters   voter    NOUN   NNS  _  3   nsubj      _  _
        3   want     want     VERB   VBP  _  0   root       _  _
        4   change   change   NOUN   NN   _  3   dobj       _  SpaceAfter=No
        5   ,        ,        PUNCT  ,    _  3   punct      _  SpaceAfter=No
        6   "        "        PUNCT  ''   _  3   punct      _  _
        7   Mensah   Mensah   PROPN  NNP  _  8   nsubj      _  NER=B-PERSON
        8   said     say      VERB   VBD  _  3   parataxis  _  SpaceAfter=No
        9   ,        ,        PUNCT  ,    _  10  punct      _  _
        10  adding   add      VERB   VBG  _  3   advcl      _  _
        11  that     that     SCONJ  IN   _  14  mark       _  _
        12  turnout  turnout  NOUN   NN   _  14  nsubj      _  _
        13  would    would    AUX    MD   _  14  aux        _  _
        14  rise     rise     VERB   VB   _  10  ccomp      _  SpaceAfter=No
        15  .        .        PUNCT  .    _  3   punct      _  _
    ''')))
    assert _speaker_of(doc.quotes, "adding") == "Mensah"


def test_a_participle_of_saying_after_a_name_is_that_persons(quotes_of):
    found = quotes_of('The new advertisement shows footage of Governor Lena Hart asking, "Why should anyone trust '
                      'this council again?"')
    assert _speaker_of(found, "asking") == "Governor Lena Hart"


def test_the_object_of_a_verb_of_making_speaks_its_infinitive(quotes_of):
    found = quotes_of("The committee chairman forced Daniel Ortega, the bank's chief executive, to admit that no "
                      "senior manager had been disciplined.")
    assert _speaker_of(found, "admit") == "Daniel Ortega"
