"""The hand-built parse helper (tests/parses.py): CoNLL-U in, the same Parse layer the nlp stage gives out."""
from __future__ import annotations

import pytest

from tests.parses import doc_from_conllu, parse_conllu, to_conllu
from tidings.models import Article, Document
from tidings.stages import nlp

KYIV = """
    # text = Kyiv rejected the proposal.
    1  Kyiv      Kyiv      PROPN  NNP  _  2  nsubj  _  NER=B-GPE
    2  rejected  reject    VERB   VBD  _  0  ROOT   _  _
    3  the       the       DET    DT   _  4  det    _  _
    4  proposal  proposal  NOUN   NN   _  2  dobj   _  SpaceAfter=No
    5  .         .         PUNCT  .    _  2  punct  _  _

    1  New   New    PROPN  NNP  _  2  compound  _  NER=B-GPE
    2  York  York   PROPN  NNP  _  3  nsubj     _  NER=I-GPE
    3  did   do     VERB   VBD  _  0  root      _  _
    4  not   not    PART   RB   _  3  neg       _  SpaceAfter=No
    5  .     .      PUNCT  .    _  3  punct     _  SpacesAfter=\\n\\n
"""


def test_a_conllu_block_gives_text_tokens_sentences_and_entities():
    text, parse = parse_conllu(KYIV)
    assert text == "Kyiv rejected the proposal. New York did not.\n\n"
    assert [t.text for t in parse.tokens] == ["Kyiv", "rejected", "the", "proposal", ".", "New", "York", "did",
                                             "not", "."]
    assert all(text[t.start:t.end] == t.text for t in parse.tokens)
    kyiv, rejected, did = parse.tokens[0], parse.tokens[1], parse.tokens[7]
    assert (kyiv.head, kyiv.dep, kyiv.pos, kyiv.tag, kyiv.lemma) == (1, "nsubj", "PROPN", "NNP", "Kyiv")
    assert (rejected.head, rejected.dep, did.head, did.dep) == (1, "ROOT", 7, "ROOT")  # the root heads itself
    assert parse.tokens[6].head == 7 and parse.tokens[6].sent == 1
    assert [(s.start, s.end, s.token_start, s.token_end) for s in parse.sentences] == [(0, 27, 0, 5),
                                                                                      (28, 45, 5, 10)]
    assert [(e.text, e.label, e.token_start, e.token_end) for e in parse.entities] == [("Kyiv", "GPE", 0, 1),
                                                                                       ("New York", "GPE", 5, 7)]
    assert parse.children(1) == [0, 3, 4] and parse.subtree(3) == [2, 3]


def test_a_document_from_conllu_is_ready_for_the_stages_after_nlp():
    doc = doc_from_conllu(KYIV, published="2022-03-01")
    assert doc.article.text == doc.text and doc.article.published == "2022-03-01" and doc.parse.tokens


def test_bad_blocks_are_refused():
    with pytest.raises(ValueError, match="count 1, 2, 3"):
        parse_conllu("1 a a X X _ 0 ROOT\n3 b b X X _ 1 dep")
    with pytest.raises(ValueError, match="outside"):
        parse_conllu("1 a a X X _ 0 ROOT\n2 b b X X _ 7 dep")


def test_the_model_parse_round_trips_through_conllu():
    text = ("Russian officials said on Monday that Ukrainian troops had pulled back from Kharkiv. "
            "NATO's secretary-general, Jens Stoltenberg, called the move \"a first step\".")
    doc = nlp.run(Document(Article(id="t", text=text, published="2022-03-01", language="en")))
    again_text, again = parse_conllu(to_conllu(doc.parse, text))
    assert again_text == text
    assert again.tokens == doc.parse.tokens
    assert again.sentences == doc.parse.sentences
    assert again.entities == doc.parse.entities
