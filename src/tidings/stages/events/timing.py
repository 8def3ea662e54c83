"""When an event happened, and whether it is background (historical) rather than news.

Policy (GDELT's best-known flaw is dating background events to the publication day):

* A time expression in the event's own clause dates it ("on Wednesday" → that day,
  "Russia's 2008 invasion" → ``2008``). The event is historical when that date ends more
  than :data:`HISTORICAL_DAYS` before publication.
* Without a date, past perfect ("had invaded"), "used to", "former(ly)", "previously", "ago"
  and "since" mark background: historical, date ``None``, precision ``unknown``.
* A date expression counts only in the event's own clause: not in a clause below it ("said that
  X attacked on Monday" dates the attack, not the saying) and not as the bound of a period
  ("have clashed since their 2020 war": 2020 is when the war was, not when the clashes were).
* A past-tense relative clause under a present-tense sentence ("Russia, which invaded Georgia,
  says ...") is background too.
* Nothing else dates an event: no event takes the publication day or week without a date
  expression in its own clause (it stays ``None`` / ``unknown``, historical false).

Each :class:`Timing` names the rule that decided it (``reason``); the events stage appends it to
the event's ``evidence`` as ``"; date: <rule>"``.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from tidings.models import DateMention, Document, Parse
from tidings.resources import grammar
from tidings.stages.events.actorrefs import parse_of
from tidings.stages.events.frames import REPORTING_VERBS

HISTORICAL_DAYS = 31
#: Background words that alone mean earlier in the same news ("Earlier, X said"); with a measure they do not.
NEWS_CYCLE_WORDS = grammar.words("news_cycle_words")
#: How the events stage appends the dating rule to an event's evidence.
DATE_NOTE = "; date: "
BACKGROUND_WORDS = grammar.words("background_words")
#: Dependencies that open a clause of its own: a date below one belongs to that clause's event.
CLAUSE_DEPS = grammar.labels("clause_openers")
#: Prepositions whose date bounds a period or dates another happening ("since 2020", "after Monday's vote").
PERIOD_PREPS = grammar.words("period_prepositions")
PRESENT_TAGS = frozenset({"VBZ", "VBP", "MD"})
_YEAR = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


@dataclass(frozen=True)
class Timing:
    date: str | None
    precision: str
    historical: bool
    reason: str


def same_clause(parse: Parse, anchor: int, start: int, end: int) -> bool:
    """True when the span's tokens hang from the anchor's clause (or from the anchor itself)."""
    tokens = parse.tokens_in(start, end)
    if not tokens:
        return False
    top = parse.clause_head(anchor)
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


def own_clause(parse: Parse, anchor: int, start: int, end: int) -> bool:
    """True when the date span is the event's own: it hangs from the anchor's clause without crossing into
    a clause below it or a period preposition ("since", "after")."""
    tokens = parse.tokens_in(start, end)
    if not tokens:
        return False
    top = parse.clause_head(anchor)
    inside = {t.i for t in tokens}
    i, hops = tokens[0].i, 0
    while hops < 12:
        if i in (anchor, top):
            return True
        tok = parse.tokens[i]
        if i not in inside and (tok.dep in CLAUSE_DEPS and tok.pos in ("VERB", "AUX")
                                or tok.dep == "prep" and tok.text.lower() in PERIOD_PREPS):
            return False
        if tok.head == i:
            return False
        i = tok.head
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


def after_publication(doc: Document, date: str | None) -> bool:
    """The date (a TimeML value) begins after the article's publication day: still to come when written."""
    published = _published(doc)
    start = period_start(date) if date else None
    return bool(start and published and start > published)


def period_start(value: str) -> dt.date | None:
    """The first day covered by a TimeML date value (``2008`` → 2008-01-01)."""
    week = _WEEK.match(value)
    if week:
        return dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
    m = _YEAR.match(value[:10])
    if not m:
        return None
    return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))


def _date_value(mention: DateMention) -> str | None:
    """The mention's normalised value when it is a calendar date or time (None for anything else)."""
    value = mention.value
    return value if value and value[:4].isdigit() and mention.type in ("DATE", "TIME") else None


def event_timing(doc: Document, anchor: int, sentence_index: int, status: str) -> Timing:
    """Date, precision and historical flag of the event whose trigger is token ``anchor``."""
    parse = parse_of(doc)
    sentence = parse.sentences[sentence_index]
    published = _published(doc)
    for mention in doc.dates:
        value = _date_value(mention)
        if value is None or not (sentence.start <= mention.start < sentence.end):
            continue
        if not own_clause(parse, anchor, mention.start, mention.end):
            continue
        end = period_end(value)
        old = bool(end and published and (published - end).days > HISTORICAL_DAYS)
        date = value[:10] if mention.precision == "day" else value
        return Timing(date, mention.precision, old, f"clause date '{mention.text}'")
    background = _background_cue(parse, anchor)
    if background:
        return Timing(None, "unknown", True, background)
    return Timing(None, "unknown", False, "no date in the clause")


def _background_cue(parse: Parse, anchor: int) -> str:
    head = parse.clause_head(anchor)
    kids = [parse.tokens[c] for c in parse.children(head)]
    if any(k.dep == "aux" and k.lemma.lower() == "have" and k.tag == "VBD" for k in kids) and \
            parse.tokens[head].tag == "VBN" and not _backshifted(parse, head):
        return "past perfect"
    if parse.tokens[head].lemma.lower() == "use" and any(parse.tokens[c].tag == "TO" for c in parse.subtree(head)):
        return "'used to'"
    for i in parse.children(anchor) + parse.children(head):
        word = parse.tokens[i].text.lower()
        if word in NEWS_CYCLE_WORDS and not any(parse.tokens[c].dep in ("npadvmod", "nummod", "amod")
                                                for c in parse.children(i)):
            continue  # "Earlier, Dr Fox accused ...": earlier in the same news, unlike "years earlier"
        if word in BACKGROUND_WORDS and parse.tokens[i].dep in ("advmod", "amod", "prep", "npadvmod"):
            return f"background cue '{parse.tokens[i].text}'"
    if _past_relative(parse, head):
        return "past relative clause"
    return ""


def _backshifted(parse: Parse, head: int) -> bool:
    """Past perfect reported under a past verb of saying ("CNS reported that the U.S. had accepted 11,491
    refugees"): the tense of indirect speech, not a sign of background."""
    tok = parse.tokens[head]
    governor = parse.tokens[tok.head]
    return tok.dep == "ccomp" and governor.lemma.lower() in REPORTING_VERBS and governor.tag == "VBD"


def _past_relative(parse: Parse, head: int) -> bool:
    """A simple-past relative clause under a present-tense clause ("Russia, which invaded Georgia, says")."""
    tok = parse.tokens[head]
    if tok.dep != "relcl" or tok.tag != "VBD":
        return False
    owner = parse.clause_head(tok.head)
    if owner == head:
        return False
    verb = parse.tokens[owner]
    tags = {verb.tag} | {parse.tokens[c].tag for c in parse.children(owner) if parse.tokens[c].dep == "aux"}
    return bool(tags & PRESENT_TAGS) and "VBD" not in tags

