"""Speaker phrases resolved to who speaks (sentences written for these tests)."""
from __future__ import annotations

from tests.parses import doc_from_conllu
from tidings.stages import actors, quotes


def test_a_speech_is_spoken_by_whoever_delivered_it():
    doc = quotes.run(actors.run(doc_from_conllu('''
        1   Road       road       NOUN   NN   _  2   compound  _  _
        2   spending   spending   NOUN   NN   _  3   nsubj     _  _
        3   fell       fall       VERB   VBD  _  0   root      _  _
        4   sharply    sharply    ADV    RB   _  3   advmod    _  SpaceAfter=No
        5   ,          ,          PUNCT  ,    _  3   punct     _  _
        6   according  accord     VERB   VBG  _  3   prep      _  _
        7   to         to         ADP    IN   _  6   prep      _  _
        8   a          a          DET    DT   _  9   det       _  _
        9   speech     speech     NOUN   NN   _  7   pobj      _  _
        10  the        the        DET    DT   _  11  det       _  _
        11  minister   minister   NOUN   NN   _  12  nsubj     _  _
        12  delivered  deliver    VERB   VBD  _  9   relcl     _  SpaceAfter=No
        13  .          .          PUNCT  .    _  3   punct     _  _
    ''')))
    assert [(q.cue, q.speaker.text) for q in doc.quotes] == [("according to", "the minister")]
