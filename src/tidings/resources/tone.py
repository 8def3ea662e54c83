"""The tone lexicon: positive and negative lemmas and the negators that flip them.

Data: ``data/tone/positive.txt``, ``negative.txt``, ``negators.txt`` (whitespace-separated words,
``#`` comments; see ``data/tone/README.md``). ``validate()`` returns a list of problems.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).parent / "data" / "tone"
_WORD = re.compile(r"^(?:[a-zé]+|n't)$")


@dataclass(frozen=True)
class ToneLexicon:
    positive: frozenset[str]
    negative: frozenset[str]
    negators: frozenset[str]
    #: (form, lemma) → polarity, filled by the tone stage (words repeat across articles)
    polarities: dict[tuple[str, str], int] = field(default_factory=dict, init=False, repr=False, compare=False)


def read_words(path: Path) -> list[str]:
    """The words of a lexicon file (comments and blank lines skipped), in file order."""
    words: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            words.extend(line.split())
    return words


@functools.cache
def load_lexicon(folder: Path = DATA) -> ToneLexicon:
    """The tone lexicon (cached)."""
    return ToneLexicon(
        positive=frozenset(read_words(folder / "positive.txt")),
        negative=frozenset(read_words(folder / "negative.txt")),
        negators=frozenset(read_words(folder / "negators.txt")),
    )


def validate(lexicon: ToneLexicon | None = None) -> list[str]:
    """Problems in the lexicon: empty lists, words in both lists, words that are not lower-case words."""
    lexicon = load_lexicon() if lexicon is None else lexicon
    problems = [f"{name} list is empty" for name in ("positive", "negative", "negators")
                if not getattr(lexicon, name)]
    problems += [f"{w!r} is both positive and negative" for w in sorted(lexicon.positive & lexicon.negative)]
    for name in ("positive", "negative", "negators"):
        problems += [f"{name}: {w!r} is not a lower-case word" for w in sorted(getattr(lexicon, name))
                     if not _WORD.match(w)]
    return problems
