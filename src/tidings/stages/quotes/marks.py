"""Direct quotations found from quotation marks alone (no parse needed).

Curly and straight marks are both read, and so are doubled apostrophes ('' and ``); a
mark's role (opening or closing) comes from what surrounds it first and from its shape
second, so a mistyped mark still pairs. Double marks are the quotation; single marks inside
them are nested quotes and stay part of the content; single marks outside double ones are
read when they pair cleanly: as a full quotation (British style) when long enough, else as
a fragment (a partial or scare quote). Pairing restarts at every paragraph,
so one unbalanced mark never costs more than its own paragraph. A paragraph that opens a
quote without closing it runs to its end; when the next paragraph opens with a quotation
mark too, the quote *continues* there (the news convention for multi-paragraph quotes).
Transcript turns (``PENCE: Well, look …``) are direct quotes too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "“„‟«"
DOUBLE_CLOSE = "”»"
DOUBLE_AMBIGUOUS = '"″'
SINGLE_OPEN = "‘‚"
SINGLE_CLOSE = "’"
SINGLE_AMBIGUOUS = "'"
DOUBLE = DOUBLE_OPEN + DOUBLE_CLOSE + DOUBLE_AMBIGUOUS
SINGLE = SINGLE_OPEN + SINGLE_CLOSE + SINGLE_AMBIGUOUS
ALL_MARKS = DOUBLE + SINGLE

_DOUBLE_MARK = re.compile("''|``|[" + re.escape(DOUBLE) + "]")
_DOUBLE_OPENERS = (*DOUBLE_OPEN, "``")
_DOUBLE_CLOSERS = tuple(DOUBLE_CLOSE)
_OPEN_BEFORE = "([{—–-/"
_CLOSE_AFTER = ".,;:!?)]}—–-…"
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_SPEAKER_LABEL = re.compile(r"(?:[\"“]\s*)?((?:[A-Z][A-Z.'’-]+ ){0,3}[A-Z][A-Z.'’-]+):[ \t]+(?=\S)")
_NAME_LABEL = re.compile(r"(?:[\"“]\s*)?((?:[A-Z][\w.'’-]+ ){0,3}[A-Z][\w.'’-]+):[ \t]+(?=\S)")
NOT_SPEAKERS = frozenset({"UPDATE", "UPDATED", "WATCH", "READ", "NOTE", "EDITOR'S NOTE", "EDITOR’S NOTE",
                          "BREAKING", "PHOTOS", "VIDEO", "LISTEN", "CORRECTION", "CLARIFICATION", "RELATED", "SOURCE",
                          "SOURCES", "Q", "A", "FACT CHECK", "ANALYSIS", "OPINION", "EXCLUSIVE", "POLL", "MORE"})
_TRIM = " \t\r\n,"
#: Single-quoted text of this many words or more is a full quotation (British style), not a fragment.
FULL_QUOTE_WORDS = 4
_QUOTE_END = ".,!?;…—–-"


@dataclass
class MarkedQuote:
    """Text between quotation marks. ``start``/``end`` bound the content (marks excluded)."""

    start: int
    end: int
    open_at: int | None  # offset of the opening mark (None: paragraph began inside the quote)
    close_at: int | None  # offset of the closing mark (None: never closed in its paragraph)
    paragraph: int
    fragment: bool = False  # a short single-quoted phrase (partial or scare quote), not a full quotation
    continues: bool = False  # unclosed, and the next paragraph opens the same quote
    close_width: int = 1  # 2 for a doubled-apostrophe mark ('')

    @property
    def outer_start(self) -> int:
        return self.open_at if self.open_at is not None else self.start

    @property
    def outer_end(self) -> int:
        return self.close_at + self.close_width if self.close_at is not None else self.end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph; paragraphs are separated by blank lines."""
    spans, start = [], 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, brk.start()))
        start = brk.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _role(text: str, i: int, j: int, lo: int, hi: int, opens: tuple[str, ...], closes: tuple[str, ...]) -> str:
    """``open``, ``close`` or ``either`` for the mark ``text[i:j]`` inside [lo, hi)."""
    before = text[i - 1] if i > lo else None
    after = text[j] if j < hi else None
    looks_open = (before is None or before.isspace() or before in _OPEN_BEFORE or before in ALL_MARKS) and (
        after is not None and not after.isspace())
    looks_close = (before is not None and not before.isspace()) and (
        after is None or after.isspace() or after in _CLOSE_AFTER or after in ALL_MARKS)
    if looks_open and not looks_close:
        return "open"
    if looks_close and not looks_open:
        return "close"
    if text[i:j] in opens:
        return "open"
    if text[i:j] in closes:
        return "close"
    return "either"


def _double_marks(text: str, lo: int, hi: int):
    """(start, end) of each double quotation mark, doubled apostrophes ('' and ``) included."""
    for match in _DOUBLE_MARK.finditer(text, lo, hi):
        yield match.start(), match.end()


def strip_span(text: str, start: int, end: int, chars: str) -> tuple[int, int]:
    """[start, end) narrowed past any of ``chars`` at either edge."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def _span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces and a trailing comma (the attribution's, not the speaker's)."""
    return strip_span(text, start, end, _TRIM)


def _double_quotes(text: str, lo: int, hi: int, paragraph: int) -> list[MarkedQuote]:
    found: list[MarkedQuote] = []
    open_at: int | None = None
    open_end = lo
    seen_mark = False
    for i, j in _double_marks(text, lo, hi):
        if text[i] in DOUBLE_AMBIGUOUS and i > lo and text[i - 1].isdigit():
            continue  # 12" is twelve inches
        role = _role(text, i, j, lo, hi, _DOUBLE_OPENERS, _DOUBLE_CLOSERS)
        if role == "either":
            role = "close" if open_at is not None else "open"
        if role == "open":
            if open_at is not None:  # the previous quote was never closed: end it here
                found.append(MarkedQuote(*_span(text, open_end, i), open_at, None, paragraph))
            open_at, open_end = i, j
        elif open_at is not None:
            found.append(MarkedQuote(*_span(text, open_end, i), open_at, i, paragraph, close_width=j - i))
            open_at = None
        elif not seen_mark and text[i - 1] in _QUOTE_END:  # the paragraph began inside a quote
            found.append(MarkedQuote(*_span(text, lo, i), None, i, paragraph, close_width=j - i))
        seen_mark = True
    if open_at is not None:
        found.append(MarkedQuote(*_span(text, open_end, hi), open_at, None, paragraph))
    return [q for q in found if q.end > q.start]


def _single_quotes(text: str, lo: int, hi: int, paragraph: int, taken: list[MarkedQuote]) -> list[MarkedQuote]:
    """Cleanly paired single marks outside double quotes; apostrophes never open or close."""
    def inside_double(i: int) -> bool:
        return any(q.outer_start <= i < q.outer_end for q in taken)

    found: list[MarkedQuote] = []
    open_at: int | None = None
    for i in range(lo, hi):
        if text[i] not in SINGLE or inside_double(i):
            continue
        before = text[i - 1] if i > lo else " "
        after = text[i + 1] if i + 1 < hi else " "
        if (before.isalnum() and after.isalnum()) or before in SINGLE or after in SINGLE:
            continue  # an apostrophe inside a word, or half of a doubled mark
        role = _role(text, i, i + 1, lo, hi, tuple(SINGLE_OPEN), ())
        if role == "open" and (after.isalnum() or after in DOUBLE):
            open_at = i
        elif role == "close" and open_at is not None:
            if text[i] == SINGLE_CLOSE or text[i] == SINGLE_AMBIGUOUS or text[open_at] in SINGLE_OPEN:
                start, end = _span(text, open_at + 1, i)
                found.append(MarkedQuote(start, end, open_at, i, paragraph,
                                         fragment=len(text[start:end].split()) < FULL_QUOTE_WORDS))
            open_at = None
    return [q for q in found if q.end > q.start]


def _nested(quote: MarkedQuote, others: list[MarkedQuote]) -> bool:
    """Inside another full quotation (British style: ‘He said “no”’)."""
    return any(o is not quote and not o.fragment and o.outer_start < quote.outer_start
               and quote.outer_end <= o.outer_end for o in others)


def find_marked_quotes(text: str) -> list[MarkedQuote]:
    """Every quotation in ``text``, in order, with multi-paragraph continuations flagged."""
    quotes: list[MarkedQuote] = []
    paras = paragraphs(text)
    for index, (lo, hi) in enumerate(paras):
        doubles = _double_quotes(text, lo, hi, index)
        singles = _single_quotes(text, lo, hi, index, doubles)
        found = doubles + singles
        quotes.extend(sorted((q for q in found if not _nested(q, found)), key=lambda q: q.start))
    for quote in quotes:
        if quote.close_at is None and not quote.fragment and quote.paragraph + 1 < len(paras):
            nxt = paras[quote.paragraph + 1][0]
            width = next((j - i for i, j in _double_marks(text, nxt, nxt + 2) if i == nxt), 0)
            quote.continues = width > 0 and _role(
                text, nxt, nxt + width, nxt, paras[quote.paragraph + 1][1], _DOUBLE_OPENERS, _DOUBLE_CLOSERS) != "close"
    return [q for q in quotes if q.close_at is not None or q.continues or _opens_statement(text, q, paras)]


def _opens_statement(text: str, quote: MarkedQuote, paras: list[tuple[int, int]]) -> bool:
    """An unclosed quote is kept when its mark opens a sentence or follows "said:" / "said,";
    a stray mark inside a sentence ("the so-called "plan was …") opens nothing."""
    if quote.open_at is None:
        return True
    before = text[paras[quote.paragraph][0]:quote.open_at].rstrip()
    return not before or before[-1] in ".!?:,;—–-"


@dataclass
class Turn:
    """A transcript paragraph: an upper-case speaker label, a colon, then what was said."""

    label_start: int
    label_end: int
    start: int
    end: int
    paragraph: int


def find_transcript_turns(text: str, *, names: bool = False) -> list[Turn]:
    """Paragraphs opening with an upper-case speaker label ("WALLACE: …", "SEN. KAINE: …"), quoted or not;
    with ``names``, also with a capitalised label ("Loretta Lynch: …"), for the caller to check is a name."""
    pattern = _NAME_LABEL if names else _SPEAKER_LABEL
    turns = []
    for index, (lo, hi) in enumerate(paragraphs(text)):
        match = pattern.match(text, lo, hi)
        if match and match.group(1).replace(".", "") not in NOT_SPEAKERS and len(match.group(1)) > 1:
            start, end = _span(text, match.end(), hi)
            if end > start:
                turns.append(Turn(match.start(1), match.end(1), start, end, index))
    return turns
