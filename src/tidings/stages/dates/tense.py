"""The tense governing a stretch of text, read from the dependency parse."""
from __future__ import annotations

from tidings.models import Parse, Token
from tidings.resources import grammar

_FUTURE_AUX = grammar.words("future_auxiliaries")
#: The events stage's future verbs (so events and dates agree on what is future) and verbs of commitment,
#: whose infinitive also happens later ("vowed to retaliate on Friday").
_FUTURE_HEADS = grammar.words("future_verbs") | grammar.words("commitment_verbs")
_PLANNING = grammar.words("planning_verbs")
_DEFERRING = grammar.words("deferring_verbs")
_DEADLINE_PREPS = grammar.words("deadline_prepositions")
_COPULAS = grammar.words("copulas")
_AUXILIARY_DEPS = grammar.labels("auxiliaries")
_PARTICIPLE_DEPS = grammar.labels("participle_modifiers")
_MAX_HOPS = 8


def governing_verb(parse: Parse, start: int, end: int) -> Token | None:
    """The verb the expression at [start, end) hangs from (walking up the tree), if any."""
    first = parse.token_at(start)
    if first is None:
        return None
    inside = [t for t in parse.tokens[first.i : first.i + 12] if t.start < end]
    top = next((t for t in inside if not start <= parse.tokens[t.head].start < end or t.head == t.i), first)
    tok, hops = top, 0
    while tok.pos not in ("VERB", "AUX") and tok.head != tok.i and hops < _MAX_HOPS:
        tok, hops = parse.tokens[tok.head], hops + 1
    return tok if tok.pos in ("VERB", "AUX") else None


def tense_of(parse: Parse, verb: Token) -> str | None:
    """``past``, ``present`` or ``future`` for a verb with its auxiliaries; None for modals/conditionals."""
    if verb.pos == "ADJ":  # predicative adjective takes its copula's tense: "was due to expire Friday"
        head = parse.tokens[verb.head]
        return tense_of(parse, head) if head.i != verb.i and head.pos in ("VERB", "AUX") else None
    kids = [parse.tokens[i] for i in parse.children(verb.i)]
    auxes = [k for k in kids if k.dep in _AUXILIARY_DEPS]
    if any(a.text.lower() in _FUTURE_AUX or a.lemma in _FUTURE_AUX for a in auxes):
        return "future"  # "will meet on Friday"
    if any(a.tag == "MD" for a in auxes):
        return None  # other modals ("could", "would", "may") say nothing about direction
    if verb.tag == "VB" and any(a.text.lower() == "to" for a in auxes):  # infinitive: ask the verb above
        head = parse.tokens[verb.head]
        if head.i == verb.i or head.pos not in ("VERB", "AUX", "ADJ"):
            return None
        head_tense = tense_of(parse, head)
        if head.lemma == "be" and head_tense == "present":
            return "future"  # "trading is to resume on Friday": a scheduled event
        if head.lemma in _FUTURE_HEADS:
            # "plans to meet on Friday" looks ahead; "had been scheduled to expire Friday" is unclear
            return "future" if head_tense != "past" else None
        return head_tense
    if verb.tag in ("VBG", "VBN") and not auxes and verb.head != verb.i:
        head = parse.tokens[verb.head]
        if head.pos in ("VERB", "AUX"):
            return tense_of(parse, head)  # participle clause: "..., closing at $29 Friday"
    tags = {verb.tag} | {a.tag for a in auxes}
    if tags & {"VBD"}:
        return "past"  # simple past or past auxiliary: "met", "was held", "had agreed"
    if verb.tag in ("VBN", "VBG") and any(a.lemma == "have" for a in auxes):
        return "past"  # present perfect: "has said", "have met", "have been searching since"
    if verb.tag == "VBN" and verb.dep in _PARTICIPLE_DEPS:
        return "past"  # reduced relative: "talks held on Friday"
    if tags & {"VBZ", "VBP", "VBG"}:
        return "present"  # "meets", "are meeting": scheduled or ongoing, no direction
    return None


def tense_at(parse: Parse | None, start: int, end: int) -> str | None:
    """The tense governing the expression at [start, end) (None without a parse or verb)."""
    if parse is None:
        return None
    verb = governing_verb(parse, start, end)
    before = _word_before(parse, start)
    if before is not None and before.text.lower() == "effective":
        ahead = _word_before(parse, before.start)
        if ahead is None or ahead.lemma not in _COPULAS:
            return "future"  # "a new office, effective Feb. 1" (but "became effective Feb. 1" is past)
    if verb is None:
        return None
    tense = tense_of(parse, verb)
    if tense == "past" and verb.lemma in _PLANNING:
        return None  # "protesters planned a rally on Saturday": the plan looks ahead of its own past
    if tense == "past" and verb.lemma in _DEFERRING and before is not None and before.text.lower() in _DEADLINE_PREPS:
        return "future"  # "the court extended the deadline until Tuesday"
    return tense


def _word_before(parse: Parse, at: int) -> Token | None:
    """The token ending right before offset ``at`` (None at the start of the text)."""
    first = parse.token_at(at)
    return parse.tokens[first.i - 1] if first is not None and first.i > 0 else None
