"""The tense of a date's verb agrees with the events stage about what is future (one list of future verbs)."""
from tests.parses import doc_from_conllu
from tidings.stages.dates import tense
from tidings.stages.events import factuality

POISED = """
1  Russia  Russia  PROPN  NNP  _  3  nsubjpass  _  NER=B-GPE
2  is      be      AUX    VBZ  _  3  auxpass    _  _
3  poised  poise   VERB   VBN  _  0  ROOT       _  _
4  to      to      PART   TO   _  5  aux        _  _
5  strike  strike  VERB   VB   _  3  xcomp      _  _
6  on      on      ADP    IN   _  5  prep       _  _
7  Friday  Friday  PROPN  NNP  _  6  pobj       _  SpaceAfter=No|NER=B-DATE
8  .       .       PUNCT  .    _  3  punct      _  _
"""


def _strike(conllu: str = POISED):
    doc = doc_from_conllu(conllu)
    return doc.parse, doc.parse.tokens[4]


def test_a_future_verb_makes_both_the_event_and_its_date_future():
    parse, strike = _strike()
    assert factuality.assess(parse, strike.i).status == "future"
    assert tense.tense_of(parse, strike) == "future"


def test_a_verb_of_commitment_dates_ahead_but_its_event_is_a_frame_not_a_future():
    vowing = POISED.replace("auxpass", "aux     ").replace("poised  poise   VERB   VBN", "vowing  vow     VERB   VBG")
    parse, strike = _strike(vowing)  # "Russia is vowing to strike on Friday"
    assert tense.tense_of(parse, strike) == "future"
    assert factuality.assess(parse, strike.i).status == "asserted"  # the coder frames it as a threat instead
