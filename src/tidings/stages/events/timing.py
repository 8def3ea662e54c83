"""When an event happened, and whether it is background (historical) rather than news.

Policy (GDELT's best-known flaw is dating background events to the publication day):

* A time expression in the event's own clause dates it ("on Wednesday" → that day,
  "Russia's 2008 invasion" → ``2008``). The event is historical when that date ends more
  than :data:`HISTORICAL_DAYS` before publication.
* Without a date, past perfect ("had invaded"), "used to", "former(ly)", "previously", "ago"
  and "since" mark background: historical, date ``None``, precision ``unknown``.
* Without a date, an asserted event in the lead paragraph of a dated article is news of the
  moment: it gets the publication *week* (``2021-W52``, precision ``week``) — close to the
  truth without claiming a day the text does not give.
* Anything else (later paragraphs, future or hypothetical events without a date) stays
  undated: ``None`` / ``unknown``, historical false.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from tidings.models import DateMention, Document, Parse

HISTORICAL_DAYS = 31
BACKGROUND_WORDS = frozenset({"previously", "formerly", "former", "ago", "since", "once", "earlier", "past"})
LEAD_SENTENCES = 2
_YEAR = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


@dataclass(frozen=True)
class Timing:
    date: str | None
    precision: str
    historical: bool
    reason: str


def clause_head(parse: Parse, i: int) -> int:
    """The nearest verb at or above token ``i`` (the clause it belongs to)."""
    seen = set()
    while i not in seen:
        seen.add(i)
        tok = parse.tokens[i]
        if tok.pos in ("VERB", "AUX") or tok.head == i:
            return i
        i = tok.head
    return i


def same_clause(parse: Parse, anchor: int, start: int, end: int) -> bool:
    """True when the span's tokens hang from the anchor's clause (or from the anchor itself)."""
    tokens = parse.tokens_in(start, end)
    if not tokens:
        return False
    top = clause_head(parse, anchor)
    for tok in tokens:
        i, hops = tok.i, 0
        while hops < 12:
            if i in (anchor, top):
                return True
            if parse.tokens[i].head == i:
                break
            i = parse.tokens[i].head
            hops += 1
    return False


def period_end(value: str) -> dt.date | None:
    """The last day covered by a TimeML date value (``2008`` → 2008-12-31)."""
    week = _WEEK.match(value)
    if week:
        return dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 7)
    m = _YEAR.match(value[:10])
    if not m:
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if day:
        return dt.date(year, int(month), int(day))
    if month:
        nxt = dt.date(year + int(month) // 12, int(month) % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(year, 12, 31)


def _published(doc: Document) -> dt.date | None:
    try:
        return dt.date.fromisoformat((doc.article.published or "")[:10])
    except ValueError:
        return None


def _dated(mention: DateMention) -> bool:
    return bool(mention.value) and mention.value[:4].isdigit() and mention.type in ("DATE", "TIME")


def event_timing(doc: Document, anchor: int, sentence_index: int, status: str) -> Timing:
    """Date, precision and historical flag of the event whose trigger is token ``anchor``."""
    parse = doc.parse
    sentence = parse.sentences[sentence_index]
    published = _published(doc)
    for mention in doc.dates:
        if not (sentence.start <= mention.start < sentence.end) or not _dated(mention):
            continue
        if not same_clause(parse, anchor, mention.start, mention.end):
            continue
        end = period_end(mention.value)
        old = bool(end and published and (published - end).days > HISTORICAL_DAYS)
        value = mention.value[:10] if mention.precision == "day" else mention.value
        return Timing(value, mention.precision, old, f"date '{mention.text}' in the event's clause")
    background = _background_cue(parse, anchor)
    if background:
        return Timing(None, "unknown", True, background)
    if status == "asserted" and published and _in_lead(doc, sentence_index):
        year, week, _ = published.isocalendar()
        return Timing(f"{year}-W{week:02d}", "week", False, "undated news in the lead: publication week")
    return Timing(None, "unknown", False, "no date in the clause")


def _background_cue(parse: Parse, anchor: int) -> str:
    head = clause_head(parse, anchor)
    kids = [parse.tokens[c] for c in parse.children(head)]
    if any(k.dep == "aux" and k.lemma.lower() == "have" and k.tag == "VBD" for k in kids) and \
            parse.tokens[head].tag == "VBN":
        return "past perfect"
    if parse.tokens[head].lemma.lower() == "use" and any(parse.tokens[c].tag == "TO" for c in parse.subtree(head)):
        return "'used to'"
    for i in parse.children(anchor) + parse.children(head):
        word = parse.tokens[i].text.lower()
        if word in BACKGROUND_WORDS and parse.tokens[i].dep in ("advmod", "amod", "prep", "npadvmod"):
            return f"background cue '{parse.tokens[i].text}'"
    return ""


def _in_lead(doc: Document, sentence_index: int) -> bool:
    text = doc.article.text
    sentence = doc.parse.sentences[sentence_index]
    first_break = text.find("\n", doc.parse.sentences[0].start)
    in_first_paragraph = first_break == -1 or sentence.start < first_break
    return sentence_index < LEAD_SENTENCES or (in_first_paragraph and sentence_index < 4)
