"""When an event happened, and whether it is background (historical) rather than news.

Policy (GDELT's best-known flaw is dating background events to the publication day):

* A time expression in the event's own clause dates it ("on Wednesday" → that day,
  "Russia's 2008 invasion" → ``2008``). The event is historical when that date ends more
  than :data:`HISTORICAL_DAYS` before publication. Without a publication date: before the latest
  date the article reports in the past tense (the article was written after it), or a past date
  that writes its year out ("in March 2003": news of the current year leaves the year out); a
  relative expression it cannot place ("two weeks ago", "on Monday") decides the flag when every
  publication day would give the same answer, leaving the date ``None``.
* A clause without a tense of its own shares the time of the clause it hangs from ("travelled
  in 1975 to plead", "spoke on Thursday, promising", "the Feb. 23 accord signed by"), as do a verb
  conjoined without a subject of its own and a "when" clause ("until 1995, when he resigned"), a gerund of
  means ("caused chaos in 2000 by blocking roads"), and any clause conjoined to one whose date is written
  before its subject ("In June, the leaders fell out and the general was arrested").
* Without a date, "used to", "former(ly)", "previously", "ago" and "since" mark background:
  historical, date ``None``, precision ``unknown``; so does coming before an old dated clause
  ("banned the march in 1998 after rioters attacked"). A past perfect alone ("had accused") does
  not: in news it is mostly the story's own recent past (on the annotated corpus it was right for
  10 of 28 events).
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
from dataclasses import dataclass

from tidings.models import DateMention, Document, Parse
from tidings.periods import period_bounds
from tidings.resources import grammar
from tidings.resources.dates import load_lexicon as load_dates_lexicon
from tidings.stages import dates
from tidings.stages.dates import governing_verb, tense_at, tense_of
from tidings.stages.events.actorrefs import parse_of
from tidings.stages.events.factuality import FINITE_TAGS

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
ANTERIORITY_WORDS = grammar.words("anteriority_words")
#: Prepositions whose gerund is the means of the verb above, at its time ("by blocking roads").
MANNER_PREPS = grammar.words("manner_prepositions")
#: How a date hangs from a noun it dates or names ("the 1992 demolition", "his 2016 book", "Act 2000").
NOUN_MODIFIER_DEPS = frozenset({"nummod", "compound", "amod", "poss", "nmod", "appos"})
PRESENT_TAGS = frozenset({"VBZ", "VBP", "MD"})
#: Dependencies of a clause that, without a tense of its own, takes the time of the clause above it.
UNTENSED_CLAUSE_DEPS = frozenset({"xcomp", "advcl", "acl"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: How many clauses up an event may take its time from.
MAX_SHARED_CLAUSES = 4
#: Publication days spread over a year: a relative expression ("three years ago", "on Monday") whose age is the
#: same from every one of them is old or recent whatever the day the article came out.
ANY_PUBLICATION_DAYS = tuple(dt.date(2001, month, 15) for month in (1, 4, 7, 10))


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
    """True when the date span is the event's own: it hangs from the anchor's clause, or from a clause that
    shares its time (:func:`time_levels`), without crossing into a clause below it or a period
    preposition ("since", "after")."""
    return clause_distance(parse, anchor, start, end) is not None


def clause_distance(parse: Parse, anchor: int, start: int, end: int) -> int | None:
    """0 when the date span hangs from the event's own clause, k from the k-th clause up that shares its time
    (:func:`time_levels`), None when it belongs to another clause or bounds a period."""
    tokens = parse.tokens_in(start, end)
    if not tokens:
        return None
    level = {i: k for k, heads in reversed(list(enumerate(time_levels(parse, anchor)))) for i in heads}
    inside = {t.i for t in tokens}
    head = parse.span_head(start, end)
    top = parse.tokens[head] if head is not None else tokens[0]
    noun = parse.tokens[top.head]
    if top.dep in NOUN_MODIFIER_DEPS and top.head not in level and noun.pos in ("NOUN", "PROPN") and \
            not (noun.dep in SUBJECT_DEPS and parse.clause_head(noun.i) in level):
        # "sought a response on the 1992 demolition", "the Terrorism Act 2000": the noun's date or name; not "that
        # 1978 resolution calls for": the doer's date is its act's
        return None
    i, hops = tokens[0].i, 0
    while hops < 12:
        if i in level:
            return level[i]
        tok = parse.tokens[i]
        if i not in inside and (tok.dep in CLAUSE_DEPS and tok.pos in ("VERB", "AUX") and not _when_clause(parse, i)
                                or tok.dep == "prep" and tok.text.lower() in PERIOD_PREPS):
            return None
        if tok.head == i:
            return None
        i = tok.head
        hops += 1
    return None


def time_levels(parse: Parse, anchor: int) -> list[set[int]]:
    """The tokens whose dates date the event, nearest first: its own clause, then each clause whose time it
    shares (:func:`_shares_time`) up to a noun ("the Feb. 23 accord signed by": the accord's date)."""
    i = parse.clause_head(anchor)
    levels = [{anchor, i}]
    for _ in range(MAX_SHARED_CLAUSES):
        governor = parse.tokens[i].head
        means = parse.tokens[governor]
        if parse.tokens[i].dep == "pcomp" and means.text.lower() in MANNER_PREPS and means.head != governor and \
                not _tensed(parse, i):
            levels.append({governor, means.head})  # "caused chaos in 2000 by blocking roads": the means, then
            i = means.head
            continue
        if governor == i or not _shares_time(parse, i):
            fronted = _fronted_adjuncts(parse, governor) if parse.tokens[i].dep == "conj" and governor != i else set()
            if fronted:  # "In June, the leaders fell out and X was arrested": a date before the first subject
                levels.append(fronted)
            break
        levels.append({governor})
        if parse.tokens[governor].pos not in ("VERB", "AUX"):
            break
        i = governor
    return levels


def _fronted_adjuncts(parse: Parse, verb: int) -> set[int]:
    """The prepositional and noun adjuncts of ``verb`` written before its subject ("In June last year, the
    leaders ..."): they set the time of every clause conjoined to it."""
    subject = next((c for c in parse.children(verb) if parse.tokens[c].dep in SUBJECT_DEPS), None)
    if subject is None:
        return set()
    return {c for c in parse.children(verb) if c < subject and parse.tokens[c].dep in ("prep", "npadvmod")}


def _shares_time(parse: Parse, head: int) -> bool:
    """A clause that takes its time from the one it hangs from: a "when" clause ("until 1995, when he
    resigned"), a verb conjoined without a subject of its own ("condemned ... on Thursday and called on"),
    a clause without a tense of its own ("travelled in 1975 to plead", "spoke on Thursday, promising")."""
    tok = parse.tokens[head]
    kids = [parse.tokens[c] for c in parse.children(head)]
    if _when_clause(parse, head):
        return True
    if tok.dep == "conj":
        return not any(k.dep in SUBJECT_DEPS for k in kids)
    return tok.dep in UNTENSED_CLAUSE_DEPS and not _tensed(parse, head)


def _tensed(parse: Parse, head: int) -> bool:
    """The verb or one of its auxiliaries carries a tense of its own ("had resigned", not "blocking")."""
    tags = {parse.tokens[head].tag} | {parse.tokens[k].tag for k in parse.children(head)
                                       if parse.tokens[k].dep in ("aux", "auxpass")}
    return bool(tags & FINITE_TAGS)


def _when_clause(parse: Parse, head: int) -> bool:
    """A clause opened by "when": it happens at the time of the clause it modifies, and that clause at its time."""
    return parse.tokens[head].dep in ("advcl", "relcl") and any(
        parse.tokens[c].dep == "advmod" and parse.tokens[c].text.lower() == "when" for c in parse.children(head))


def period_end(value: str) -> dt.date | None:
    """The last day covered by a TimeML date value (``2008`` → 2008-12-31, ``1998-FA`` → 1998-11-30)."""
    bounds = period_bounds(value)
    return bounds[1] if bounds else None


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


#: Weekday names (lower case), which point ahead in an arrangement ("is meeting him on Friday").
WEEKDAYS = frozenset(w.lower() for w in load_dates_lexicon()["weekdays"])
#: Words of a time expression that put a present progressive ahead ("is meeting him on Friday").
ARRANGEMENT_WORDS = grammar.words("arrangement_time_words") | WEEKDAYS
#: Auxiliaries of a present progressive ("is meeting", "are holding"): present tense, no modal.
PROGRESSIVE_AUX_TAGS = PRESENT_TAGS - {"MD"}


def arranged(doc: Document, anchor: int) -> bool:
    """A present progressive whose own clause names a day or a time to come ("the minister is holding talks
    with unions on Friday", "is travelling to Washington next week"): an arrangement, not yet done, whether or
    not the article's publication day places the date."""
    parse = parse_of(doc)
    verb = parse.tokens[anchor]
    if verb.tag != "VBG" or not any(parse.tokens[k].dep == "aux" and parse.tokens[k].tag in PROGRESSIVE_AUX_TAGS
                                    for k in parse.children(anchor)):
        return False
    return any(_dates_verb(parse, anchor, m) and not _on_publication_day(doc, _date_value(m)) and (
        after_publication(doc, _date_value(m)) or not ARRANGEMENT_WORDS.isdisjoint(m.text.lower().split()))
        for m in doc.dates)


def _on_publication_day(doc: Document, date: str | None) -> bool:
    """The date is the publication day itself ("is filing a complaint Monday" in Monday's paper: today)."""
    published = _published(doc)
    return bool(date and published and date[:10] == published.isoformat())


def _ahead(doc: Document, mention: DateMention, value: str, status: str) -> str:
    """The value of a weekday that dates an event still to come, read ahead of the publication day when the
    dates stage read it back ("is meeting him on Friday" in Monday's paper is the coming Friday)."""
    published = _published(doc)
    start = period_start(value)
    words = mention.text.lower().split()
    if status != "future" or not (published and start and start < published) or WEEKDAYS.isdisjoint(words) \
            or any(ch.isdigit() for ch in mention.text):
        return value
    ahead = [v for m in dates.find(mention.text, anchor=published, tense="future") if (v := _date_value(m))]
    return ahead[0] if ahead else value


def _dates_verb(parse: Parse, verb: int, mention: DateMention) -> bool:
    """The time expression hangs from the verb or its direct object ("is holding talks … on Friday"), not from a
    noun deeper in the clause, which it dates instead ("refusing to run it ahead of its release on Friday")."""
    head = parse.span_head(mention.start, mention.end)
    if head is None:
        return False
    governor = parse.tokens[head].head
    if parse.tokens[governor].pos == "ADP":
        governor = parse.tokens[governor].head
    return governor == verb or (parse.tokens[governor].head == verb and parse.tokens[governor].dep == "dobj")


def period_start(value: str) -> dt.date | None:
    """The first day covered by a TimeML date value (``2008`` → 2008-01-01)."""
    bounds = period_bounds(value)
    return bounds[0] if bounds else None


def _date_value(mention: DateMention) -> str | None:
    """The mention's normalised value when it is a calendar date or time (None for anything else)."""
    value = mention.value
    return value if value and value[:4].isdigit() and mention.type in ("DATE", "TIME") else None


def event_timing(doc: Document, anchor: int, sentence_index: int, status: str) -> Timing:
    """Date, precision and historical flag of the event whose trigger is token ``anchor``."""
    parse = parse_of(doc)
    sentence = parse.sentences[sentence_index]
    published = _published(doc)
    own = []  # (how many clauses up, mention): the event's own clause first, then those whose time it shares
    for mention in doc.dates:
        distance = clause_distance(parse, anchor, mention.start, mention.end) \
            if sentence.start <= mention.start < sentence.end else None
        if distance is not None:
            own.append((distance, mention))
    for _, mention in sorted(own, key=lambda pair: pair[0]):
        value = _date_value(mention)
        if value is not None:
            return _dated(doc, mention, _ahead(doc, mention, value, status), published)
        old = None if published else _old_on_any_day(parse, mention)
        if old is not None:
            age = "over" if old else "within"
            return Timing(None, "unknown", old,
                          f"clause date '{mention.text}' ({age} a month before any publication day)")
    background = _background_cue(parse, anchor)
    if background:
        return Timing(None, "unknown", True, background)
    later = _later_clause(parse, anchor)
    if later is not None:
        before = event_timing(doc, later, sentence_index, status)
        if before.historical and before.date is not None:  # what came before an old dated happening is old too
            return Timing(None, "unknown", True, f"before an old clause ({before.reason})")
    return Timing(None, "unknown", False, "no date in the clause")


def _dated(doc: Document, mention: DateMention, value: str, published: dt.date | None) -> Timing:
    """The timing a calendar date gives; without a publication date the article is at least as late as the
    latest date it reports in the past tense."""
    end = period_end(value)
    reported = None if published else _latest_reported(doc)
    reference = published or (reported[0] if reported else None)
    old = bool(end and reference and _background_period(value, end, reference, whole_years=published is not None))
    date = value[:10] if mention.precision == "day" else value
    reason = f"clause date '{mention.text}'"
    if old and reported:
        reason += f" (over a month before '{reported[1]}', which the article reports)"
    elif not published and not old and _year_written_in_past(doc, mention, value):
        old = True
        reason += " (a past year written out in an undated article: news of the year leaves it out)"
    return Timing(date, mention.precision, old, reason)


def _year_written_in_past(doc: Document, mention: DateMention, value: str) -> bool:
    """The expression writes its year out ("in March 2003", not "in March") and a finite past verb reports it."""
    parse = parse_of(doc)
    verb = governing_verb(parse, mention.start, mention.end)
    return value[:4] in mention.text and verb is not None and verb.tag in ("VBD", "VBN") and \
        tense_of(parse, verb) == "past"


def _latest_reported(doc: Document) -> tuple[dt.date, str] | None:
    """The latest start of a date the article reports with a finite past verb ("resigned in June 2004"), and its
    words: the article was written after it (None when it reports none)."""
    parse = parse_of(doc)
    found = []
    for mention in doc.dates:
        value = _date_value(mention)
        start = period_start(value) if value else None
        verb = governing_verb(parse, mention.start, mention.end)
        if start and verb is not None and verb.tag in ("VBD", "VBN") and tense_of(parse, verb) == "past":
            found.append((start, mention.text))
    return max(found) if found else None


def _old_on_any_day(parse: Parse, mention: DateMention) -> bool | None:
    """Whether a relative date the article cannot place ("three years ago", "on Monday") ends over
    :data:`HISTORICAL_DAYS` before publication, when every publication day gives the same answer."""
    tense = tense_at(parse, mention.start, mention.end)
    answers = set()
    for day in ANY_PUBLICATION_DAYS:
        values = [v for m in dates.find(mention.text, anchor=day, tense=tense) if (v := _date_value(m))]
        start, end = (period_start(values[0]), period_end(values[0])) if values else (None, None)
        if start is None or end is None or start > day:
            return None  # not a date, or still to come
        answers.add(_background_period(values[0], end, day, whole_years=True))
    return answers.pop() if len(answers) == 1 else None


def _background_period(value: str, end: dt.date, reference: dt.date, *, whole_years: bool) -> bool:
    """A period that ended over :data:`HISTORICAL_DAYS` before ``reference``; with ``whole_years``, also a whole
    calendar year before the reference's ("last year", "in 2003": background even when it ended weeks ago)."""
    return (reference - end).days > HISTORICAL_DAYS or whole_years and len(value) == 4 and end.year < reference.year


def _later_clause(parse: Parse, anchor: int) -> int | None:
    """The verb of the clause an event comes before ("after troops opened fire", "following his arrest"), if any."""
    head = parse.clause_head(anchor)
    for i in (anchor, head):
        tok = parse.tokens[i]
        if any(parse.tokens[c].dep == "mark" and parse.tokens[c].text.lower() in ANTERIORITY_WORDS
               for c in parse.children(i)) and tok.head != i:
            return parse.clause_head(tok.head)  # "after troops opened fire"
        governor = parse.tokens[tok.head]
        if tok.dep in ("pobj", "pcomp") and governor.text.lower() in ANTERIORITY_WORDS and governor.head != governor.i:
            return parse.clause_head(governor.head)  # "following his arrest", "after being questioned"
    return None


def _background_cue(parse: Parse, anchor: int) -> str:
    head = parse.clause_head(anchor)
    if _used_to(parse, head):
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


def _used_to(parse: Parse, head: int) -> bool:
    """The verb is the infinitive of a habitual "used to" ("troops used to attack"), not "use X to do"."""
    tok = parse.tokens[head]
    used = parse.tokens[tok.head]
    return tok.dep == "xcomp" and used.text.lower() == "used" and used.tag == "VBD" and any(
        parse.tokens[c].tag == "TO" and c == used.i + 1 for c in parse.children(head))


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

