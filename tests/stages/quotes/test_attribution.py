"""Speakers of cues the parser hangs inside the clause another cue reports (sentences written for these tests)."""
from __future__ import annotations

import pytest

from tests.parses import doc_from_conllu
from tidings.stages import actors, quotes


def _speaker_of(found, cue):
    return next(q.speaker.text for q in found if q.cue == cue)


@pytest.mark.parametrize(("sentence", "cue", "speaker"), [
    # a participle after a reported clause is the first speaker's
    ("Opposition lawmakers said rising fuel prices had hurt small farmers across the north, "
     "citing figures from the agriculture ministry.",
     "citing", "Opposition lawmakers"),
    # a conjunct agreeing with the verb of saying is its speaker's
    ("Prime Minister Ana Duarte said that the government would table the bill in March and warned "
     "that delays would cost jobs.",
     "warned", "Prime Minister Ana Duarte"),
    # a conjunct agreeing with the reported verb keeps its subject
    ("The senator said the governor resigned and blamed the press for his downfall.",
     "blamed", "the governor"),
    # a participle of saying after a name is that person's
    ('The new advertisement shows footage of Governor Lena Hart asking, "Why should anyone trust '
     'this council again?"',
     "asking", "Governor Lena Hart"),
    # the object of a verb of making speaks its infinitive
    ("The committee chairman forced Daniel Ortega, the bank's chief executive, to admit that no "
     "senior manager had been disciplined.",
     "admit", "Daniel Ortega"),
])
def test_the_speaker_of_a_cue(quotes_of, sentence, cue, speaker):
    assert _speaker_of(quotes_of(sentence), cue) == speaker


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


def test_a_cue_after_an_adverb_with_a_preposition_climbs_to_the_verb(quotes_of):
    found = quotes_of("The mayor praised the firefighters but stopped short of calling the fire an act of arson. "
                      "The governor has refused to discuss the candidates, aside from saying he wants someone with "
                      "experience in Congress.")
    assert (_speaker_of(found, "calling"), _speaker_of(found, "saying")) == ("The mayor", "The governor")


def test_a_conjunct_cue_takes_the_name_before_its_subjectless_first_verb():
    # the parser hangs the subjects on "vote" and leaves "call" without one
    doc = quotes.run(actors.run(doc_from_conllu('''
        1   After     after     ADP    IN   _  8   prep   _  _
        2   the       the       DET    DT   _  3   det    _  _
        3   vote      vote      NOUN   NN   _  1   pobj   _  SpaceAfter=No
        4   ,         ,         PUNCT  ,    _  3   punct  _  _
        5   Kovac     Kovac     PROPN  NNP  _  3   conj   _  NER=B-PERSON
        6   and       and       CCONJ  CC   _  5   cc     _  _
        7   Lind      Lind      PROPN  NNP  _  5   conj   _  NER=B-PERSON
        8   call      call      VERB   VBP  _  0   root   _  _
        9   it        it        PRON   PRP  _  8   dobj   _  _
        10  a         a         DET    DT   _  11  det    _  _
        11  fraud     fraud     NOUN   NN   _  8   oprd   _  _
        12  and       and       CCONJ  CC   _  8   cc     _  _
        13  describe  describe  VERB   VB   _  8   conj   _  _
        14  the       the       DET    DT   _  15  det    _  _
        15  count     count     NOUN   NN   _  13  dobj   _  _
        16  as        as        ADP    IN   _  13  prep   _  _
        17  a         a         DET    DT   _  18  det    _  _
        18  sham      sham      NOUN   NN   _  16  pobj   _  SpaceAfter=No
        19  .         .         PUNCT  .    _  8   punct  _  _
    ''')))
    assert _speaker_of(doc.quotes, "describe") == "Lind"



def test_according_to_a_phrase_parsed_as_a_verb_names_its_noun():
    # "show" taken for a verb: "insiders" is its object, not the preposition's
    doc = quotes.run(actors.run(doc_from_conllu('''
        1   The        the       DET    DT   _  2   det     _  _
        2   host       host      NOUN   NN   _  3   nsubj   _  _
        3   mocked     mock      VERB   VBD  _  0   root    _  _
        4   the        the       DET    DT   _  5   det     _  _
        5   guests     guest     NOUN   NNS  _  3   dobj    _  _
        6   off        off       ADP    RP   _  3   prt     _  _
        7   camera     camera    NOUN   NN   _  3   npadvmod _ SpaceAfter=No
        8   ,          ,         PUNCT  ,    _  3   punct   _  _
        9   according  accord    VERB   VBG  _  3   prep    _  _
        10  to         to        ADP    IN   _  9   prep    _  _
        11  show       show      VERB   VB   _  10  pcomp   _  _
        12  insiders   insider   NOUN   NNS  _  11  dobj    _  SpaceAfter=No
        13  .          .         PUNCT  .    _  3   punct   _  _
    ''')))
    assert [(q.cue, q.speaker.text) for q in doc.quotes if q.cue == "according to"] == [("according to", "insiders")]


def test_as_someone_put_it_attributes_the_quotation_after_it(quotes_of):
    found = quotes_of('As the commission chair recently put it, "Nobody in this building can say where the money '
                      'went."')
    assert [(q.kind, q.cue, q.speaker.text) for q in found] == [("direct", "put", "the commission chair")]
