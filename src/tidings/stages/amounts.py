"""The amounts stage: counted quantities and sums of money, GDELT GKG style.

``run(doc)`` fills ``doc.amounts`` with :class:`Amount` records read from the token layer:
"at least 40 people" (40, people, approximate), "$2.5 billion in aid" (2.5e9, USD, aid),
"dozens of protesters" (24, protesters, approximate; vague words get the conventional values
documented in ``resources/data/amounts/README.md``). Counts need an object noun, or must be the
subject or object of a verb themselves ("12 were killed"); money needs neither.
Skipped: percentages, ages, measures of time and distance, and anything the dates stage found
(years, dates, durations).
"""
from __future__ import annotations

import functools
import re
from collections.abc import Collection
from dataclasses import dataclass

from tidings.models import Amount, Document, Token
from tidings.resources import grammar
from tidings.resources.amounts import load_quantities

_NUMERIC = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_SUFFIXED = re.compile(r"^(\d+(?:\.\d+)?)(bn|mn|mln|bln|m|k)$", re.I)
_NOUN_TAGS = {"NN", "NNS", "NNPS"}  # a singular proper noun is a name ("8024 Turtle Creek Cir"), not an object
_MODIFIER_TAGS = {"JJ", "JJR", "JJS", "VBN", "VBG", "HYPH", "NN", "NNP", "NNS", "NNPS", "POS", "CC"}
_SKIP_TO_NOUN_TAGS = {"DT", "JJ", "JJR", "JJS", "PRP$", "VBN", "VBG", "HYPH", "CD"}
_MONEY_PREPOSITIONS = grammar.words("money_prepositions")
_CLAUSE_ARGUMENTS = grammar.labels("clause_arguments")
_MAX_MODIFIERS = 4


@dataclass
class _Quantity:
    first: int  # index of the first token of the number (or currency symbol)
    last: int  # index of the last token of the number (or currency word)
    value: float
    vague: bool = False
    unit: str | None = None


def run(doc: Document) -> Document:
    """Add the amounts layer to ``doc``."""
    if doc.parse is None:
        return doc
    tokens = doc.parse.tokens
    taken_by_dates = [(d.start, d.end) for d in doc.dates]
    amounts: list[Amount] = []
    resume = 0  # a quantity's tokens are not read again
    for i in _possible_starts(tokens, doc.parse.lower_texts):
        quantity = _quantity_at(tokens, i) if i >= resume else None
        if quantity is None:
            continue
        amount = _amount(doc, tokens, quantity, taken_by_dates)
        if amount is not None:
            amounts.append(amount)
        resume = quantity.last + 1
    doc.amounts = amounts
    return doc


@functools.cache
def _starting_words() -> frozenset[str]:
    """Lower-case words that can open a quantity: currency symbols, number words, first words of vague ones."""
    lex = load_quantities()
    return frozenset([*lex["currency_symbols"], *lex["number_words"], *(v.split(" ")[0] for v in lex["vague"])])


def _possible_starts(tokens: list[Token], lowered: list[str]) -> list[int]:
    """A cheap test that rules out most tokens before :func:`_quantity_at` looks at them: the indices of
    currency symbols, digits, hyphenated words and words that may open a quantity."""
    starters = _starting_words()
    return [i for i, (t, text) in enumerate(zip(tokens, lowered, strict=True)) if t.tag == "$" or text[:1].isdigit()
            or "-" in text or text in starters or t.text in starters]


def _quantity_at(tokens: list[Token], i: int) -> _Quantity | None:
    """The number (with scale words, currency symbol or word) starting at token ``i``, if any."""
    lex = load_quantities()
    currency = lex["currency_symbols"].get(tokens[i].text) if tokens[i].tag == "$" or tokens[i].text in \
        lex["currency_symbols"] else None
    start = i + 1 if currency else i
    vague = _vague_at(tokens, start)
    if vague is not None:
        value, last = vague
        return _Quantity(i, last, value, vague=True, unit=currency)
    number, last = _number_at(tokens, start)
    if number is None:
        return None
    word = tokens[last + 1].text.lower() if last + 1 < len(tokens) else ""
    if not currency and word in lex["currency_words"]:
        currency, last = lex["currency_words"][word], last + 1
    return _Quantity(i, last, number, unit=currency)


def _vague_at(tokens: list[Token], i: int) -> tuple[float, int] | None:
    """A vague quantity ("dozens of", "tens of thousands of", "several") starting at ``i``: (value, last index)."""
    lex = load_quantities()["vague"]
    for size in (3, 2, 1):
        words = " ".join(t.text.lower() for t in tokens[i : i + size])
        if len(tokens[i : i + size]) == size and words in lex:
            last = i + size - 1
            plural_of = words.endswith("s") and words not in ("several", "numerous")
            nxt = tokens[last + 1] if last + 1 < len(tokens) else None
            if plural_of and (nxt is None or nxt.text.lower() != "of"):
                return None  # "scores" the verb, "thousands" alone
            return float(lex[words]), last
    return None


def _number_at(tokens: list[Token], i: int) -> tuple[float | None, int]:
    """A written number ("1.2 million", "100,000", "two hundred", "2.5bn") starting at ``i``."""
    lex = load_quantities()
    total, current, last, seen = 0.0, 0.0, i - 1, False
    for j in range(i, min(len(tokens), i + 6)):
        text = tokens[j].text.lower()
        suffixed = _SUFFIXED.match(text)
        if _NUMERIC.match(text) and not seen:
            current = float(text.replace(",", ""))
        elif suffixed and not seen:
            current = float(suffixed[1]) * lex["scales"][suffixed[2].lower()]
        elif text in lex["number_words"] and tokens[j].tag == "CD":
            current += lex["number_words"][text]
        elif "-" in text and all(p in lex["number_words"] for p in text.split("-")):
            current += sum(lex["number_words"][p] for p in text.split("-"))
        elif text == "hundred" and seen:
            current *= 100
        elif text in lex["scales"] and seen and len(text) > 2 and tokens[j].tag in ("CD", "NN", "NNS"):
            total += current * lex["scales"][text]
            current = 0.0
        elif text in ("m", "bn", "mn", "k") and seen and tokens[j].start == tokens[j - 1].end:
            total += current * lex["scales"][text]  # "300m" split by the tokenizer
            current = 0.0
        else:
            break
        seen, last = True, j
    if not seen:
        return None, i
    return total + current, last


def _amount(doc: Document, tokens: list[Token], q: _Quantity, dated: list[tuple[int, int]]) -> Amount | None:
    lex = load_quantities()
    first, last = tokens[q.first], tokens[q.last]
    if any(first.start < end and last.end > start for start, end in dated):
        return None  # years, dates and durations belong to the dates stage
    nxt = tokens[q.last + 1] if q.last + 1 < len(tokens) else None
    prev = tokens[q.first - 1] if q.first > 0 else None
    if nxt is not None and (nxt.text in ("%", "-", "/", ":") or nxt.text.lower() in ("percent", "per")):
        return None  # percentages, ages ("45-year-old"), scores and ratios
    if prev is not None and (prev.text.lower() in ("aged", "age", "no.", "number") or prev.text in ("-", "/", "#")):
        return None
    if nxt is not None and nxt.start == last.end and nxt.text.isalpha() and q.unit is None:
        return None  # a measurement glued to its unit: "155mm", "20km"
    if prev is not None and prev.text.lower() == "in" and q.first >= 2 and _number_at(tokens, q.first - 2)[0]:
        return None  # the denominator of a ratio: "1 in 5 homes"
    if nxt is not None and nxt.text.lower() in ("to", "in") and _number_at(tokens, q.last + 2)[0]:
        return None  # a score, a range or a ratio: "won 52 to 48", "40 to 50 people", "one in five"
    approx_start = _approximator_before(tokens, q.first)
    object_token = _object(tokens, q)
    span_end = max(last.end, object_token.end if object_token is not None else last.end)
    unit = q.unit
    if unit is None and object_token is not None and object_token.text.lower() in lex["currency_words"]:
        unit, object_token = lex["currency_words"][object_token.text.lower()], None  # "millions of dollars"
    if object_token is not None and object_token.text.lower() in lex["measure_units"]:
        unit = lex["measure_units"][object_token.text.lower()]
        object_token = _noun_after_preposition(tokens, object_token.i, {"of"})
    if object_token is not None and object_token.text.lower() in lex["not_objects"]:
        return None
    if unit is None and object_token is None and not _stands_for_people(tokens, q):
        return None  # a bare number is not a count of anything
    if unit is None and not q.vague and q.value == 1 and first.text.lower() == "one" and nxt is not None \
            and nxt.text.lower() == "of":
        return None  # "one of the ..." is a pronoun, not a count
    start = tokens[approx_start].start if approx_start is not None else first.start
    end = max(span_end, object_token.end if object_token is not None else last.end)
    return Amount(
        text=doc.article.text[start:end],
        start=start,
        end=end,
        value=int(q.value) if q.value.is_integer() else q.value,
        object=object_token.text if object_token is not None else None,
        approximate=q.vague or approx_start is not None,
        unit=unit,
    )


def _stands_for_people(tokens: list[Token], q: _Quantity) -> bool:
    """A number that is itself the subject or object of a casualty verb ("12 were killed", "police arrested 40")."""
    number, head = tokens[q.last], tokens[tokens[q.last].head]
    return (number.dep in _CLAUSE_ARGUMENTS and head.lemma in load_quantities()["people_verbs"]
            and number.text.lower() != "one")


def _approximator_before(tokens: list[Token], first: int) -> int | None:
    """Index of the first token of an approximator ("at least", "an estimated") right before ``first``."""
    for size in (3, 2, 1):
        if first - size < 0:
            continue
        words = " ".join(t.text.lower() for t in tokens[first - size : first])
        if words in load_quantities()["approximators"]:
            return first - size
    return None


def _object(tokens: list[Token], q: _Quantity) -> Token | None:
    """The noun a quantity counts: after "of", the number's noun head, or (money) what it is "in"/"for"."""
    after = q.last + 1
    if after >= len(tokens):
        return None
    if q.unit is not None:
        money_for = _noun_after_preposition(tokens, q.last, _MONEY_PREPOSITIONS)
        return money_for if money_for is not None else _noun_head(tokens, q)
    if tokens[after].text.lower() == "of":
        return _noun_after_preposition(tokens, q.last, {"of"})
    return _noun_head(tokens, q)


def _noun_head(tokens: list[Token], q: _Quantity) -> Token | None:
    """The noun right after a quantity that it modifies ("three journalists", "a $1bn aid package")."""
    after = q.last + 1
    number = tokens[q.last]
    head = tokens[number.head]
    if head.i > q.last and head.tag in _NOUN_TAGS and head.i - q.last <= _MAX_MODIFIERS + 1:
        return head  # nummod: "three journalists", "100,000 Russian soldiers"
    noun = None
    for tok in tokens[after : after + _MAX_MODIFIERS + 1]:
        if tok.tag not in _MODIFIER_TAGS or tok.tag in ("CC", "POS"):
            break
        if tok.tag in _NOUN_TAGS:
            noun = tok
    return noun


def _noun_after_preposition(tokens: list[Token], i: int, prepositions: Collection[str]) -> Token | None:
    """The noun after a preposition that directly follows token ``i`` ("in aid", "of the protesters")."""
    j = i + 1
    if j < len(tokens) and tokens[j].text.lower() in prepositions:
        j += 1 + (tokens[j].text.lower() == "worth" and j + 1 < len(tokens) and tokens[j + 1].text == "of")
        noun = None
        for tok in tokens[j : j + _MAX_MODIFIERS + 2]:
            if tok.tag in _NOUN_TAGS:
                noun = tok
            elif noun is not None or tok.tag not in _SKIP_TO_NOUN_TAGS:
                break
        return noun
    return None
