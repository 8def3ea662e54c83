"""Toponym detection: spaCy's place entities plus gazetteer matching of names NER missed.

The gazetteer is a second detector wherever the context says "place": capitalised names of towns of at
least ``min_scan_population`` anywhere, smaller ones after "in", "at", "near" … or a "to" of motion ("moved
to Thornhill") or at the end of a route ("from Gloucester to Cirencester"); towns listed beside a place
found ("Žilina, Nitra and Košice"); towns naming local people or institutions ("Danbury police", "a Tabriz
resident"). Never a word of a person's name used in the article (unless after "in", "at" …) or after a
title ("Mr Paterson"); names ending in a facility word ("… Hospital") and numbered roads after "the"
("the A120") are places even when unresolved.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from tidings.models import Parse, Token
from tidings.resources import grammar
from tidings.resources.places import Gazetteer, GazetteerEntry, contains, name_key

#: Lower-case words allowed inside a multi-word name ("Rio de Janeiro", "Sea of Azov").
CONNECTORS = grammar.words("name_connectors")
#: Generic words that may end a name ("Donetsk region", "Idlib province").
DESIGNATORS = grammar.words("place_designators")
MAX_NAME_TOKENS = 6
#: Words whose "to" leads to a place: verbs and nouns of motion ("travelling to", "a trip to").
MOTION_HEADS = grammar.words("motion_words")
#: Nouns a town's name modifies as the place of local people and institutions ("Danbury police", "Tabriz
#: resident", "the Innisfail skater"), beside the people of a place of ``role_cues.tsv`` ("Leeds man").
LOCAL_HEADS = grammar.words("local_heads")
#: How far before "to" a "from" may open a route ("from Gloucester to Cirencester").
ROUTE_TOKENS = 6
#: Words joining the members of a list of places ("Žilina, Nitra and Košice").
LIST_JOINERS = frozenset({",", "and", "or"})
#: Nouns of a first-level region's office ("New York Gov."): the name before one means the region.
REGION_HEADS = grammar.words("region_heads")
#: What stands between two members of a list of names ("Alaska, Hawaii and Florida").
LIST_SEPARATORS = frozenset({",", "and", "or", ", and", ", or"})
#: British road numbers after "the", alone or listed ("the A120", "via the A436, A40 and A429", "the M25").
ROAD_NUMBERS = re.compile(r"\b[Tt]he ((?:[AM]\d{1,4}(?:\(M\))?)(?:(?:, | and | or )[AM]\d{1,4}(?:\(M\))?)*)(?![\w-])")
ROAD_NUMBER = re.compile(r"[AM]\d{1,4}(?:\(M\))?")
#: Dashes that, with spaces around them, separate two names rather than join them ("Trump - Wisconsin").
DASHES = frozenset({"-", "--", "–", "—"})
#: Entity labels of names that may hold a major place's name ("Kentucky State Police", "Venice Film Festival").
NAMES_HOLDING_PLACES = frozenset({"ORG", "EVENT", "WORK_OF_ART"})
#: A city this large is taken even where the name is doubtful (sentence start, a mislabelled entity).
MAJOR_CITY_POPULATION = 100_000


@dataclass
class Toponym:
    """A detected place name. ``qualifiers`` are places named right after it ("Paris, Texas");
    ``fixed`` restricts the candidates (an abbreviation such as "Del."); ``address`` marks either
    half of such a pair; ``district_of`` is the town a district is named after ("Plymouth County");
    ``listed_next``: a comma, "and" or "or" joins it to the next name (a list); ``region_head``: a noun of
    a first-level region's office follows it ("New York Gov.")."""

    start: int
    end: int
    text: str
    qualifiers: list[GazetteerEntry] = field(default_factory=list)
    fixed: list[GazetteerEntry] = field(default_factory=list)
    address: bool = False
    district_of: str = ""
    listed_next: bool = False
    region_head: bool = False


@dataclass
class _Span:
    first: int
    last: int  # inclusive token indices


def detect(text: str, parse: Parse, gazetteer: Gazetteer, *, min_scan_population: int) -> list[Toponym]:
    """Place names in ``text`` with character offsets, ordered, non-overlapping."""
    tokens = parse.tokens
    covered = [False] * len(tokens)
    found: list[Toponym] = []
    for ent in parse.entities:
        # names inside the names of organisations or events ("Kentucky State Police", "the Venice Film
        # Festival") stay open to the gazetteer scan
        if ent.label not in NAMES_HOLDING_PLACES or ent.token_end - ent.token_start == 1:
            for i in range(ent.token_start, ent.token_end):
                covered[i] = True
        found.extend(_from_entity(text, tokens, ent.token_start, ent.token_end, ent.label, gazetteer))
    in_org = [False] * len(tokens)
    for ent in parse.entities:
        if ent.label in NAMES_HOLDING_PLACES:
            in_org[ent.token_start:ent.token_end] = [True] * (ent.token_end - ent.token_start)
    found.extend(_scan(text, tokens, covered, in_org, gazetteer, min_scan_population))
    found.extend(_road_numbers(text))
    found.extend(_compound_prefixes(tokens, gazetteer))
    people = _person_words(parse, gazetteer)
    found = [t for t in _without_overlaps(found) if not _names_person(t, tokens, parse, people, gazetteer)]
    found = _with_list_members(text, tokens, found, gazetteer, people)
    found = _without_overlaps(found + _local_modifiers(text, tokens, found, gazetteer, people))
    _attach_qualifiers(text, tokens, found, gazetteer)
    found = _without_overlaps(found)
    _mark_context(text, found)
    return found


def _mark_context(text: str, found: list[Toponym]) -> None:
    """Mark the names joined to the next one in a list and those a region's office noun follows."""
    for toponym, after in zip(found, found[1:], strict=False):
        toponym.listed_next = text[toponym.end:after.start].strip() in LIST_SEPARATORS
    for toponym in found:
        following = text[toponym.end:toponym.end + 30].split()
        toponym.region_head = bool(following) and following[0].rstrip(".,").lower() in REGION_HEADS


def _compound_prefixes(tokens: list[Token], gazetteer: Gazetteer) -> list[Toponym]:
    """Major places opening a one-token compound ("the U.S.-led campaign", "a U.K.-based firm")."""
    out = []
    for token in tokens:
        prefix, dash, rest = token.text.rpartition("-")
        if not dash or not rest.isalpha() or not rest.islower() or not _capitalised(token) or gazetteer.demonym(prefix):
            continue
        if any(_major(m.entry) and m.primary for m in gazetteer.lookup(prefix)):
            out.append(Toponym(token.start, token.start + len(prefix), prefix))
    return out


def _road_numbers(text: str) -> list[Toponym]:
    """Numbered roads ("a crash on the A120"): places the gazetteer cannot know, whatever spaCy made of them."""
    return [Toponym(match.start(1) + road.start(), match.start(1) + road.end(), road.group())
            for match in ROAD_NUMBERS.finditer(text) for road in ROAD_NUMBER.finditer(match.group(1))]


def _from_entity(text: str, tokens: list[Token], first: int, end: int, label: str,
                 gazetteer: Gazetteer) -> list[Toponym]:
    out = []
    for whole in _comma_parts(tokens, first, end):
        part = _trim(tokens, whole)
        if part is None:
            continue
        name = text[tokens[part.first].start:tokens[part.last].end]
        if gazetteer.demonym(name):
            continue
        known = _lookup_name(tokens, part, name, gazetteer)
        facility = name_key(tokens[part.last].text) in gazetteer.facility_words and part.last > part.first
        if label in ("GPE", "LOC") and not known and not facility:
            # "South Florida", "Greece Italy": the known names inside, else the whole name unresolved
            inner = _known_parts(text, tokens, part, gazetteer)
            if inner or not (gazetteer.is_person_title(tokens[part.first].text)  # not "Ms Raggi"
                             or any(ch.isdigit() for ch in name)):  # nor "G7"
                out.extend(inner or [Toponym(tokens[part.first].start, tokens[part.last].end, name)])
            continue
        after_the = part.first > 0 and tokens[part.first - 1].text.lower() == "the"
        if gazetteer.is_stopword(name) and (label not in ("GPE", "LOC") or after_the):
            continue  # "the Centre" (a government); a GPE "Charlotte" stays
        # spaCy's small model often calls "Aleppo" a PERSON, NORP or ORG: keep major places, and any
        # town that follows a locative preposition ("in Klamath Falls")
        if label not in ("GPE", "LOC", "FAC") and not facility and (
                not known or not (any(_major(m.entry) and m.primary for m in gazetteer.lookup(known))
                                  or _after_locative(tokens, part.first, gazetteer))):
            continue
        out.append(Toponym(tokens[part.first].start, tokens[part.last].end, name))
    return out


def _known_parts(text: str, tokens: list[Token], span: _Span, gazetteer: Gazetteer) -> list[Toponym]:
    """Capitalised stretches inside ``span`` that the gazetteer knows, longest first."""
    found: list[Toponym] = []
    taken: set[int] = set()
    for size in range(span.last - span.first, 0, -1):
        for first in range(span.first, span.last - size + 2):
            inner = _Span(first, first + size - 1)
            if taken & set(range(inner.first, inner.last + 1)):
                continue
            name = text[tokens[inner.first].start:tokens[inner.last].end]
            if not name[:1].isupper() or gazetteer.is_stopword(name) or gazetteer.demonym(name):
                continue
            if not _lookup_name(tokens, inner, name, gazetteer):
                continue
            if inner.last < span.last and tokens[inner.last + 1].text.lower() in DESIGNATORS:
                # "Plymouth County": the district around a town of that name (placed only in a region named)
                whole = text[tokens[inner.first].start:tokens[inner.last + 1].end]
                found.append(Toponym(tokens[inner.first].start, tokens[inner.last + 1].end, whole, district_of=name))
                taken.update(range(inner.first, inner.last + 2))
                continue
            found.append(Toponym(tokens[inner.first].start, tokens[inner.last].end, name))
            taken.update(range(inner.first, inner.last + 1))
    return sorted(found, key=lambda t: t.start)


def _after_locative(tokens: list[Token], first: int, gazetteer: Gazetteer) -> bool:
    """Whether the name starting at token ``first`` is the object of "in", "at", "near"..., or of a "to" of
    motion ("moved to Thornhill", "a trip to Saipan")."""
    if first == 0:
        return False
    before = tokens[first - 1]
    if name_key(before.text) in gazetteer.locative_prepositions:
        return True
    if before.text.lower() != "to":
        return False
    if before.head != before.i and tokens[before.head].lemma.lower() in MOTION_HEADS:
        return True
    # "the road from Gloucester to Cirencester": a route from a place found before
    return any(tokens[i].text.lower() == "from" and tokens[i].sent == before.sent and i + 1 < first - 1
               and _capitalised(tokens[i + 1]) for i in range(max(0, first - 1 - ROUTE_TOKENS), first - 1))


def _with_list_members(text: str, tokens: list[Token], found: list[Toponym], gazetteer: Gazetteer,
                       people: frozenset[str]) -> list[Toponym]:
    """Add gazetteer names listed beside a place found ("stops in Hilversum and Almelo", "Žilina, Nitra,
    Prešov and Košice") that the model called a person or organisation or left out: a capitalised name of
    a known town, joined by a comma, "and" or "or" to the place before or after it."""
    starts = {tok.start: tok.i for tok in tokens}
    ends = {tok.end: tok.i for tok in tokens}
    members = found
    for _ in range(2):  # a list grows from its known members outwards
        taken = {i for t in found if t.start in starts and t.end in ends
                 for i in range(starts[t.start], ends[t.end] + 1)}
        added: dict[int, Toponym] = {}
        for toponym in members:
            first, last = starts.get(toponym.start), ends.get(toponym.end)
            if first is None or last is None:
                continue
            if last + 2 < len(tokens) and tokens[last + 1].text in LIST_JOINERS:
                end = _list_member(text, tokens, range(last + 2, min(len(tokens), last + 5)), taken, gazetteer, people)
                if end is not None:
                    added[last + 2] = Toponym(tokens[last + 2].start, tokens[end].end,
                                              text[tokens[last + 2].start:tokens[end].end])
            if first >= 2 and tokens[first - 1].text in LIST_JOINERS:
                begin = _list_member(text, tokens, range(first - 2, max(-1, first - 5), -1), taken, gazetteer,
                                     people)
                if begin is not None:
                    added[begin] = Toponym(tokens[begin].start, tokens[first - 2].end,
                                           text[tokens[begin].start:tokens[first - 2].end])
        if not added:
            break
        members = list(added.values())
        found = _without_overlaps(found + members)
    return found


def _local_modifiers(text: str, tokens: list[Token], found: list[Toponym], gazetteer: Gazetteer,
                     people: frozenset[str]) -> list[Toponym]:
    """Known towns naming the place of the people or institution after them ("Danbury police", "a Tabriz
    resident", "the Innisfail skater") that the model took for part of a name or left out."""
    starts = {tok.start: tok.i for tok in tokens}
    ends = {tok.end: tok.i for tok in tokens}
    taken = {i for t in found if t.start in starts and t.end in ends for i in range(starts[t.start], ends[t.end] + 1)}
    heads = LOCAL_HEADS | gazetteer.role_cues.origin_nouns
    out = []
    for head in range(1, len(tokens)):
        if tokens[head].lemma.lower() not in heads:
            continue
        first = _list_member(text, tokens, range(head - 1, max(-1, head - 4), -1), taken, gazetteer, people)
        if first is None or (first > 0 and _capitalised(tokens[first - 1]) and tokens[first - 1].tag in ("NNP", "NNPS")
                             and tokens[first - 1].sent == tokens[first].sent):
            continue  # the end of a longer name ("North Powderly High School")
        out.append(Toponym(tokens[first].start, tokens[head - 1].end, text[tokens[first].start:tokens[head - 1].end]))
    return out


def _list_member(text: str, tokens: list[Token], reach: range, taken: set[int], gazetteer: Gazetteer,
                 people: frozenset[str]) -> int | None:
    """The far end of the longest known town's name (one to three capitalised words) running from
    ``reach[0]`` in the direction of ``reach``; None when there is none."""
    anchor = reach[0]
    best = None
    for far in reach:
        if far in taken or not _capitalised(tokens[far]) or tokens[far].tag not in ("NNP", "NNPS"):
            break
        lo, hi = min(anchor, far), max(anchor, far)
        name = text[tokens[lo].start:tokens[hi].end]
        if gazetteer.is_stopword(name) or gazetteer.demonym(name) or (lo == hi and name_key(name) in people):
            continue
        if any(m.primary for m in gazetteer.lookup(name)):
            best = far
    return best


def _person_words(parse: Parse, gazetteer: Gazetteer) -> frozenset[str]:
    """Words of clean multi-word person names in the article ("Georgia" of "Georgia Stevens")."""
    words: set[str] = set()
    for ent in parse.entities:
        if ent.label != "PERSON":
            continue
        names = [t.text for t in parse.tokens[ent.token_start:ent.token_end] if not gazetteer.is_person_title(t.text)]
        if 2 <= len(names) <= 4 and all(n[:1].isupper() and n.rstrip(".").isalpha() for n in names):
            words.update(name_key(n) for n in names)
    return frozenset(words)


def _names_person(toponym: Toponym, tokens: list[Token], parse: Parse, people: frozenset[str],
                  gazetteer: Gazetteer) -> bool:
    """A one-word name that is part of a person's name in the article, or follows a title ("Mr Paterson");
    not one that follows "in", "at", "near" … ("a ticket sold in Riverdale": people are not where things are)."""
    span = parse.tokens_in(toponym.start, toponym.end)
    if span and span[0].i > 0 and gazetteer.is_person_title(tokens[span[0].i - 1].text):
        return True
    return len(span) == 1 and name_key(toponym.text) in people and not (
        span[0].i > 0 and name_key(tokens[span[0].i - 1].text) in gazetteer.locative_prepositions
        and tokens[span[0].i - 1].text.lower() not in ("from", "between", "via"))


def _major(entry: GazetteerEntry) -> bool:
    return entry.feature != "city" or entry.population >= MAJOR_CITY_POPULATION


def _comma_parts(tokens: list[Token], first: int, end: int) -> list[_Span]:
    """Split an entity like "Wilmington, Del." at its commas, and one the model ran across a dash between
    spaces ("won by Mr Trump - Wisconsin")."""
    parts, start = [], first
    for i in range(first, end):
        spaced_dash = tokens[i].text in DASHES and first < i < end - 1 and \
            tokens[i - 1].end < tokens[i].start and tokens[i].end < tokens[i + 1].start
        if tokens[i].text == "," or spaced_dash:
            if i > start:
                parts.append(_Span(start, i - 1))
            start = i + 1
    if start < end:
        parts.append(_Span(start, end - 1))
    return parts


def _trim(tokens: list[Token], span: _Span) -> _Span | None:
    """Drop leading lower-case words ("the", "north west") and a trailing possessive or punctuation."""
    first, last = span.first, span.last
    while first <= last and (not tokens[first].text[:1].isupper() or tokens[first].text.lower() == "the"):
        first += 1
    while last >= first and (tokens[last].text in ("'s", "’s", "'", "’") or tokens[last].pos == "PUNCT"
                             and tokens[last].text != "."):
        last -= 1
    return _Span(first, last) if first <= last else None


def _lookup_name(tokens: list[Token], span: _Span, name: str, gazetteer: Gazetteer) -> str | None:
    """The gazetteer key this span answers to ("the Gulf" when preceded by "the"), else None."""
    before = tokens[span.first - 1].text.lower() if span.first > 0 else ""
    if before == "the" and gazetteer.has_name("the " + name):
        return "the " + name
    return name if gazetteer.has_name(name) else None


def _scan(text: str, tokens: list[Token], covered: list[bool], in_org: list[bool], gazetteer: Gazetteer,
          min_population: int) -> list[Toponym]:
    """Gazetteer names among capitalised tokens that no entity covers (longest match first)."""
    out: list[Toponym] = []
    i, n = 0, len(tokens)
    while i < n:
        if covered[i] or not _capitalised(tokens[i]) or tokens[i].text == "The":
            i += 1
            continue
        match = None
        for last in range(min(n, i + MAX_NAME_TOKENS) - 1, i - 1, -1):
            span = _Span(i, last)
            if not _name_shaped(tokens, span, covered):
                continue
            name = text[tokens[i].start:tokens[last].end]
            key = _lookup_name(tokens, span, name, gazetteer)
            # inside an organisation's name only major places count ("Kentucky State Police")
            population = MAJOR_CITY_POPULATION if in_org[i] else min_population
            if key and _plausible(text, tokens, span, key, gazetteer, population, in_org[i]):
                match = (span, name)
                break
        if match is None:
            i += 1
            continue
        span, name = match
        out.append(Toponym(tokens[span.first].start, tokens[span.last].end, name))
        i = span.last + 1
    return out


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and token.text[:1].isalpha()


def _name_shaped(tokens: list[Token], span: _Span, covered: list[bool]) -> bool:
    """Capitalised tokens with optional connectors inside and one designator at the end."""
    for i in range(span.first, span.last + 1):
        tok = tokens[i]
        if covered[i] or "\n" in tok.text:
            return False
        if _capitalised(tok) or tok.text in ("-", "'"):
            continue
        lower = tok.text.lower()
        if i == span.last and i > span.first and lower in DESIGNATORS:
            continue
        if span.first < i < span.last and lower in CONNECTORS:
            continue
        return False
    return True


def _plausible(text: str, tokens: list[Token], span: _Span, key: str, gazetteer: Gazetteer,
               min_population: int, embedded: bool) -> bool:
    """Guards for a name NER did not flag: no stop words, demonyms, common words or minor towns."""
    name_tokens = tokens[span.first:span.last + 1]
    if _dateline_shaped(tokens, span):
        return any(m.primary for m in gazetteer.lookup(key))  # "VICTORIA — The home of..."
    if gazetteer.is_stopword(key) or gazetteer.demonym(key):
        return False
    single = len(name_tokens) == 1
    if single and name_tokens[0].tag not in ("NNP", "NNPS") and not name_tokens[0].text.isupper():
        return False  # a capitalised common word ("Police", "Reading")
    if single and not embedded and span.first > 0 and _opens_longer_name(tokens, span.first - 1):
        return False  # the end of a longer name ("Hugo Chávez"); organisations excepted ("Environment Canada")
    entries = [m.entry for m in gazetteer.lookup(key) if m.primary]  # alternate names only for NER's places
    if not entries:
        return False
    if any(e.feature != "city" for e in entries):
        return True
    after = _qualifier_after(text, tokens, span.last, gazetteer)
    if after is not None and any(contains(q, e) for q in after[1] for e in entries):
        return True  # a small town pinned by its state ("Dover, Del.")
    largest = max(e.population for e in entries)
    sentence_initial = span.first == 0 or tokens[span.first - 1].sent != tokens[span.first].sent
    if single and sentence_initial:
        return largest >= MAJOR_CITY_POPULATION
    return largest >= min_population or _after_locative(tokens, span.first, gazetteer)


def _opens_longer_name(tokens: list[Token], before: int) -> bool:
    """Whether the capitalised token ``before`` a name begins a longer name with it: not a sentence's opening
    article or preposition ("A Queensland alert", "In Tabriz")."""
    token = tokens[before]
    if not _capitalised(token) or token.sent != tokens[before + 1].sent:
        return False
    opens_sentence = before == 0 or tokens[before - 1].sent != token.sent
    return not (opens_sentence and token.tag in ("DT", "IN", "CC", "PRP$"))


def _dateline_shaped(tokens: list[Token], span: _Span) -> bool:
    """Capitals opening a paragraph and followed by a dash, comma or bracket ("BEIRUT (AP) —")."""
    opens = span.first == 0 or "\n" in tokens[span.first - 1].text
    follows = tokens[span.last + 1].text if span.last + 1 < len(tokens) else ""
    return opens and all(t.text.isupper() for t in tokens[span.first:span.last + 1] if t.text.isalpha()) \
        and follows[:1] in ("-", "—", "–", ",", "(")


def _qualifier_after(text: str, tokens: list[Token], last: int,
                     gazetteer: Gazetteer) -> tuple[_Span, list[GazetteerEntry]] | None:
    """The state/province/country named after a comma following token ``last`` ("Dover, Del.")."""
    if last + 2 >= len(tokens) or tokens[last + 1].text != ",":
        return None
    first = last + 2
    if not tokens[first].text[:1].isupper():
        return None
    for end in range(min(len(tokens), first + 3), first, -1):
        span = _Span(first, end - 1)
        entries = gazetteer.lookup_qualifier(text[tokens[first].start:tokens[end - 1].end])
        if entries:
            return span, entries
    return None


def _attach_qualifiers(text: str, tokens: list[Token], found: list[Toponym], gazetteer: Gazetteer) -> None:
    """Link "X, Y" pairs: Y constrains X, and an abbreviation Y becomes a place of its own."""
    by_start = {t.start: t for t in found}
    token_index = {tok.end: tok.i for tok in tokens}
    for toponym in list(found):
        last = token_index.get(toponym.end)
        if last is None:
            continue
        after = _qualifier_after(text, tokens, last, gazetteer)
        if after is None:
            continue
        span, entries = after
        named = gazetteer.lookup(toponym.district_of or toponym.text)
        abbreviated = gazetteer.is_abbreviation(text[tokens[span.first].start:tokens[span.last].end])
        if not abbreviated and not any(contains(q, m.entry) for q in entries for m in named):
            continue  # a list ("Russia, China and Iran"), not an address; "Churchill, Man." is one
        toponym.qualifiers, toponym.address = entries, True
        start, end = tokens[span.first].start, tokens[span.last].end
        existing = by_start.get(start)
        if existing is not None and existing.end > end:
            continue  # a list of longer names ("Montreal, Quebec City and Halifax"), not "Montreal, Quebec"
        if existing is None:
            existing = Toponym(start, end, text[start:end])
            found.append(existing)
            by_start[start] = existing
        existing.fixed = existing.fixed or entries
        existing.address = True


def _without_overlaps(found: list[Toponym]) -> list[Toponym]:
    """Keep the longer of overlapping names (earlier on ties), in text order."""
    kept: list[Toponym] = []
    starts: list[int] = []  # of the kept names, in text order (they never overlap)
    for toponym in sorted(found, key=lambda t: (-(t.end - t.start), t.start)):
        at = bisect.bisect_left(starts, toponym.start)
        clear_before = at == 0 or kept[at - 1].end <= toponym.start
        clear_after = at == len(kept) or toponym.end <= kept[at].start
        if clear_before and clear_after:
            kept.insert(at, toponym)
            starts.insert(at, toponym.start)
    return kept
