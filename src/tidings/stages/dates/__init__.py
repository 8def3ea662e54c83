"""The dates stage: find time expressions and normalise them to TimeML values.

``run(doc)`` fills ``doc.dates`` with :class:`DateMention` records (DATE, TIME, DURATION, SET),
normalised against ``doc.article.published`` and, for weekdays, month names and holidays
written without a year, the tense of the verb that governs them ("on Wednesday" in past tense
is the previous Wednesday, in future tense the next one). ``normalise(text, anchor=..., tense=...)``
gives other stages the same normaliser for a single phrase.
"""
from __future__ import annotations

from tidings.models import DateMention, Document, Parse
from tidings.resources.grammar import words as word_class
from tidings.stages.dates import calendar
from tidings.stages.dates.grammar import Candidate, Context, candidates
from tidings.stages.dates.tense import governing_verb, tense_at, tense_of

__all__ = ["run", "normalise", "find", "governing_verb", "tense_at", "tense_of"]

#: Rules whose value depends on the dates mentioned before them (a clock time without a day is on the day last named).
ANAPHORIC_RULES = {"anaphoric", "clock", "part_of_day"}
_MODAL_MONTHS = word_class("modal_month_names")
#: How much text before a sentence counts as its context (e.g. quarterly results around "a year ago").
CONTEXT_CHARS = 300
_COUNT_TAGS = {"NNS"}
_DETERMINERS = word_class("year_determiners")
_TIME_NOUNS = word_class("dated_plural_nouns")


def run(doc: Document) -> Document:
    """Add the dates layer to ``doc`` (one DateMention per time expression, in text order)."""
    anchor = calendar.parse_anchor(doc.article.published)
    doc.dates = find(doc.article.text, anchor=anchor, parse=doc.parse)
    return doc


def find(text: str, *, anchor: calendar.Date | None, parse: Parse | None = None,
         tense: str | None = None) -> list[DateMention]:
    """Time expressions in ``text`` (tense read from ``parse`` when given, else ``tense``).

    The longest match wins where rules overlap. Anaphoric expressions ("that day", "the next
    day") are resolved last, in text order, against the latest fully dated expression before them.
    """
    chosen: list[tuple[Candidate, str | None, str]] = []
    deferred: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(candidates(text), key=lambda c: (c.start - c.end, c.start)):
        if any(cand.start < end and cand.end > start for start, end in taken):
            continue
        if parse is not None and not _plausible(cand, parse):
            continue
        if cand.rule.name in ANAPHORIC_RULES:
            deferred.append(cand)
            taken.append((cand.start, cand.end))
            continue
        result = _interpret(cand, text, anchor, parse, tense, reference=None)
        if result is not None:
            chosen.append((cand, *result))
            taken.append((cand.start, cand.end))
    chosen.sort(key=lambda item: item[0].start)
    for cand in deferred:
        before = [value for c, value, kind in chosen if c.start < cand.start and kind == "DATE" and value
                  and value[:1].isdigit() and "T" not in value]
        result = _interpret(cand, text, anchor, parse, tense, reference=before[-1] if before else None)
        if result is not None:
            chosen.append((cand, *result))
            chosen.sort(key=lambda item: item[0].start)
    return [
        DateMention(text=text[c.start : c.end], start=c.start, end=c.end, value=value,
                    precision=calendar.precision_of(value) if kind in ("DATE", "TIME") else "unknown", type=kind)
        for c, value, kind in chosen
    ]


def _interpret(cand: Candidate, text: str, anchor: calendar.Date | None, parse: Parse | None,
               tense: str | None, *, reference: str | None) -> tuple[str | None, str] | None:
    """Run a candidate's interpreter with its context (None when it is not a time expression)."""
    here = tense_at(parse, cand.start, cand.end) if parse is not None else tense
    ctx = Context(anchor=anchor, tense=here, before=text[max(0, cand.start - 40) : cand.start],
                  sentence=_sentence(text, cand.start, parse), reference=reference)
    try:
        return cand.rule.interpret(cand.match, ctx)
    except (ValueError, OverflowError):  # out-of-calendar arithmetic ("9000 years ago")
        return None


def normalise(text: str, *, anchor: str | None, tense: str | None = None) -> tuple[str | None, str]:
    """The TimeML value and precision of the time expression in ``text`` ("next year" → ``("2022", "year")``).

    ``anchor`` is the publication date (ISO); ``tense`` (``past``/``present``/``future``) resolves
    weekdays and month names written without a year. ``(None, "unknown")`` when nothing is found.
    """
    found = find(text, anchor=calendar.parse_anchor(anchor), tense=tense)
    dated = [d for d in found if d.type in ("DATE", "TIME")] or found
    if not dated:
        return None, "unknown"
    best = max(dated, key=lambda d: d.end - d.start)
    return best.value, best.precision


def _sentence(text: str, at: int, parse: Parse | None) -> str:
    """The sentence around offset ``at`` with the text just before it (a window without a parse)."""
    sent = parse.sentence_at(at) if parse is not None else None
    if sent is None:
        return text[max(0, at - CONTEXT_CHARS) : at + 200]
    return text[max(0, sent.start - CONTEXT_CHARS) : sent.end]


def _plausible(cand: Candidate, parse: Parse) -> bool:
    """Parse-based vetoes for ambiguous matches (the verb "may", counts like "2000 soldiers")."""
    name = cand.rule.name
    if name == "set" and cand.match["word"]:
        tok = parse.token_at(cand.start)
        if tok is not None and tok.pos in ("NOUN", "PROPN"):
            return False  # "the party daily Granma" is a newspaper
        if cand.match["word"].lower() == "quarterly":
            return tok is None or tok.pos == "ADV"  # "reports quarterly", not "a quarterly dividend"
    if name == "month" and cand.match["mon"].lower() in _MODAL_MONTHS and cand.end - cand.start <= 5:
        tok = parse.token_at(cand.start)
        return tok is not None and tok.tag != "MD" and tok.dep != "aux"
    if name == "year" and cand.end - cand.start == 4:
        tok = parse.token_at(cand.start)
        if tok is None:
            return True
        if tok.ent_type in ("MONEY", "PERCENT", "QUANTITY"):
            return False
        prev = parse.tokens[tok.i - 1] if tok.i > 0 else None
        if prev is not None and prev.text.lower() in _DETERMINERS:
            return True  # "the 1992 protests": a year naming the events ("2000 soldiers" has no article)
        nxt = parse.tokens[tok.i + 1] if tok.i + 1 < len(parse.tokens) else None
        return nxt is None or nxt.tag not in _COUNT_TAGS or nxt.text.lower() in _TIME_NOUNS
    return True
