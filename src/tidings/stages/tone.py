"""The tone stage: GDELT-style document tone from the project's tone lexicon.

``run(doc)`` sets ``doc.tone``: positive and negative are the percentages of words that carry
positive or negative tone, score = positive − negative, polarity = positive + negative. A tone word
within three words after a negator in the same sentence counts for the other side ("not good",
"no progress"). Words are matched on their lemma and their form (``resources/data/tone``); proper
names ("Shell", "Justice Department") carry no tone but count as words.
"""
from __future__ import annotations

import re

from tidings.models import Document, Tone
from tidings.resources.tone import ToneLexicon, load_lexicon

NEGATION_WINDOW = 3
#: How many (form, lemma) polarities the lexicon remembers across articles before starting afresh.
MAX_REMEMBERED = 200_000
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*|n't")
_SUFFIXES = ("ies", "es", "s", "ed", "d", "ing", "ly")
_NOT_WORDS = frozenset(("PUNCT", "SPACE", "NUM", "SYM"))


def run(doc: Document) -> Document:
    """Add the tone layer to ``doc``."""
    lexicon = load_lexicon()
    if doc.parse is not None:
        parse = doc.parse
        words = [(form, "" if t.pos == "PROPN" else lemma, t.sent)
                 for t, form, lemma in zip(parse.tokens, parse.lower_texts, parse.lower_lemmas, strict=True)
                 if t.pos not in _NOT_WORDS and (t.text.isalpha() or any(c.isalpha() for c in t.text))]
    else:
        words = [(w.lower(), w.lower(), 0) for w in _WORD.findall(doc.article.text)]
    doc.tone = score(words, lexicon)
    return doc


def score(words: list[tuple[str, str, int]], lexicon: ToneLexicon) -> Tone:
    """Tone of a word sequence given as (form, lemma, sentence index) triples."""
    positive = negative = 0
    polarities = lexicon.polarities
    if len(polarities) > MAX_REMEMBERED:
        polarities.clear()
    for k, (form, lemma, sent) in enumerate(words):
        polarity = polarities.get((form, lemma))
        if polarity is None:
            polarity = polarities[form, lemma] = _polarity(form, lemma, lexicon)
        if not polarity:
            continue
        window = words[max(0, k - NEGATION_WINDOW) : k]
        if any(w[0] in lexicon.negators and w[2] == sent for w in window):
            polarity = -polarity
        if polarity > 0:
            positive += 1
        else:
            negative += 1
    total = len(words)
    if not total:
        return Tone()
    pos, neg = 100.0 * positive / total, 100.0 * negative / total
    return Tone(score=round(pos - neg, 3), positive=round(pos, 3), negative=round(neg, 3),
                polarity=round(pos + neg, 3), word_count=total)


def _polarity(form: str, lemma: str, lexicon: ToneLexicon) -> int:
    """+1, -1 or 0 for a word, trying its lemma, its form, then the form without common suffixes.

    An empty lemma marks a proper name ("Shell", "United Nations"), which carries no tone.
    """
    if not lemma:
        return 0
    candidates = [lemma, form]
    if lemma == form:  # no lemmatiser: strip the usual English endings
        for suffix in _SUFFIXES:
            stem = form[: -len(suffix)]
            if form.endswith(suffix) and len(stem) >= 3:
                candidates += [stem + ("y" if suffix == "ies" else ""), stem + "e", stem[:-1]]
    for word in candidates:
        if word in lexicon.negative:
            return -1
        if word in lexicon.positive:
            return 1
    return 0
