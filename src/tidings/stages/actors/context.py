"""Gives bare role nouns ("the government", "police", "protesters") the country their article binds them to.

A role-noun mention without a country ("GOV", "COP") takes one, first rule that applies:

* ``coref``    — the last mention of the same sector with a country in the two sentences before
  ("The Ethiopian government said ... The government also said" → ETH-GOV), or further back when all
  such mentions in the article agree;
* ``nearby``   — state sectors only: the one country named (not by a person) in the previous sentence
  ("Ethiopia ... The army said");
* ``dateline`` — the dateline's country ("KHARTOUM (Reuters)" → SDN) when it is among the article's two
  most mentioned countries;
* ``dominant`` — the article's single dominant country (at least 3 mentions, half of all country
  mentions, more than any other).

Refusals: ``coref`` gives way when another country is named between the antecedent and the noun,
``nearby`` when the noun's sentence names another country before it;
``dateline``/``dominant`` when its sentence names any other country. Antecedents in the noun's own
sentence are not used (a second same-sector noun there is usually another party: "U.S. officials said
... reward the regime"). Phrases naming a country ("South Korean fisheries official"), with a possessive
("Eritrea, whose troops") or a word of ``foreign_markers.tsv`` ("Western governments") are left alone.
The rule used is recorded in the mention label (``NOMINAL:coref``); which sectors take part is the
``context`` column of ``sectors.tsv``.
"""
from __future__ import annotations

import re
from collections import Counter

from tidings.models import Document, Parse, Token

from .index import CAPITAL, COUNTRY, NameIndex
from .mentions import MINORITY_MARKERS, ROLE_LABEL, Candidate, city_country, parse_of
from .resolve import Resolver, is_countryish

#: Fewest country mentions for an article to have a dominant country, and the share it needs.
DOMINANT_MIN, DOMINANT_SHARE = 3, 0.5
#: Sentences back within which the last same-sector mention binds; beyond, only when all such mentions agree.
COREF_WINDOW = 2
#: Possessives point at a specific owner ("Eritrea, whose troops"); such phrases are left alone.
POSSESSIVE_WORDS = frozenset({"its", "their", "his", "her", "whose", "our"})


def inherit_countries(doc: Document, chosen: list[Candidate], index: NameIndex, resolver: Resolver) -> None:
    """Give each country-less role mention in ``chosen`` (text order) its article's country, in place; a
    mention given a country serves as antecedent for later ones ("the government ... the government")."""
    parse = parse_of(doc)
    bare = [c for c in chosen if _is_bare(c, doc, parse, index)]
    if not bare:
        return
    counts = Counter(c.actor.country for c in chosen if c.actor.country)
    article_country, rule = _dateline_choice(doc, counts, index), "dateline"
    if article_country is None:
        article_country, rule = _dominant(counts), "dominant"
    sent_of = {id(c): _sentence(parse, c.start) for c in chosen}
    for cand in bare:
        here = sent_of[id(cand)]
        in_sentence = [c for c in chosen if sent_of[id(c)] == here and c.actor.country]
        before = {c.actor.country for c in in_sentence if c.end <= cand.start}
        found, how = _coreferent(cand, chosen, sent_of), "coref"
        sector = cand.actor.sector  # a bare mention's sector is in the KB (``_is_bare``)
        if found is None and sector is not None and index.kb.sectors[sector].context == "state":
            found, how = _nearby(cand, chosen, sent_of), "nearby"
        if found is None or not before <= {found}:  # the sentence so far names another country
            found, how = article_country, rule
            if {c.actor.country for c in in_sentence} - {found}:  # another country takes part in the sentence
                found = None
        if found is not None:
            cand.actor = resolver.country(found, cand.actor.sector)
            cand.label = f"{ROLE_LABEL}:{how}"


def default_countries(doc: Document, chosen: list[Candidate], index: NameIndex, resolver: Resolver) -> None:
    """Give a bare role mention still without a country the default country of its government noun
    ("a senior administration official" → USA-GOV; ``government_nouns.tsv``), in place. Runs after
    ``inherit_countries``: a country bound by the article's context wins."""
    parse = parse_of(doc)
    for cand in chosen:
        if not _is_bare(cand, doc, parse, index):
            continue
        words = [t.text.lower() for t in parse.tokens_in(cand.start, cand.end)]
        iso = next((iso for w in words if (iso := index.kb.government_nouns.get(w))), None)
        if iso is not None:
            cand.actor = resolver.country(iso, cand.actor.sector)
            cand.label = f"{ROLE_LABEL}:default"


def _is_bare(cand: Candidate, doc: Document, parse: Parse, index: NameIndex) -> bool:
    """A role mention resolved to a sector alone ("GOV"), of a sector that may take a country, naming no
    country and not marked as other countries' actors ("Western governments")."""
    actor = cand.actor
    sector = index.kb.sectors.get(actor.sector or "")
    if not (cand.label == ROLE_LABEL and actor.country is None and actor.org is None and actor.patron is None
            and sector is not None and actor.id == sector.code and sector.context != "-"):
        return False
    text = doc.article.text[cand.start:cand.end]
    minority = text.split(maxsplit=1)[0].lower() in MINORITY_MARKERS  # "ethnic Albanians" names no country
    if not minority and any(is_countryish(t) for m in index.find(text) for t in m.targets):
        return False
    return not {t.text.lower() for t in _with_left_words(parse, cand)} & (index.kb.foreign_markers | POSSESSIVE_WORDS)


def _with_left_words(parse: Parse, cand: Candidate) -> list[Token]:
    """The mention's tokens and the two before it in its sentence (modifiers left out of the span)."""
    tokens = parse.tokens_in(cand.start, cand.end)
    if not tokens:
        return []
    first = tokens[0]
    before = [t for t in parse.tokens[max(0, first.i - 2):first.i] if t.sent == first.sent]
    return before + tokens


def _coreferent(cand: Candidate, chosen: list[Candidate], sent_of: dict[int, int]) -> str | None:
    """The country of the last non-person mention of the same sector with one in the ``COREF_WINDOW``
    sentences before (further back only when every such mention has that country), unless another
    country is named between it and ``cand``."""
    here = sent_of[id(cand)]
    earlier = [c for c in chosen if sent_of[id(c)] < here and c.actor.country
               and c.actor.kind != "person" and c.actor.sector == cand.actor.sector]
    if not earlier:
        return None
    last = earlier[-1]
    if here - sent_of[id(last)] > COREF_WINDOW and len({c.actor.country for c in earlier}) > 1:
        return None
    between = {c.actor.country for c in chosen if last.end <= c.start and c.end <= cand.start and c.actor.country}
    return last.actor.country if between <= {last.actor.country} else None


def _nearby(cand: Candidate, chosen: list[Candidate], sent_of: dict[int, int]) -> str | None:
    """The one country named (not by a person) in the previous sentence."""
    here = sent_of[id(cand)]
    previous = {c.actor.country for c in chosen if c.actor.country and c.actor.kind != "person"
                and sent_of[id(c)] == here - 1}  # "Erdogan said." binds nothing
    return previous.pop() if len(previous) == 1 else None


def _sentence(parse: Parse, char: int) -> int:
    token = parse.token_at(char)
    return token.sent if token is not None else -1


def _dominant(counts: Counter[str]) -> str | None:
    """The country with at least half of the country mentions (and ``DOMINANT_MIN``), ahead of all others."""
    ranked = counts.most_common(2)
    if not ranked:
        return None
    top, n = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return top if n >= DOMINANT_MIN and n >= DOMINANT_SHARE * sum(counts.values()) and n > runner_up else None


def _dateline_choice(doc: Document, counts: Counter[str], index: NameIndex) -> str | None:
    """The dateline's country when it is among the article's two most mentioned countries."""
    iso = dateline_country(doc.article.dateline or "", index)
    if iso is None or counts[iso] == 0:
        return None
    levels = sorted(set(counts.values()), reverse=True)
    return iso if counts[iso] >= levels[min(1, len(levels) - 1)] else None


def dateline_country(dateline: str, index: NameIndex) -> str | None:
    """The country of a dateline: "KHARTOUM (Reuters)" → SDN, "KYIV, Ukraine (AP)" → UKR, "GOMA, Congo" → COD."""
    place = re.sub(r"\(.*?\)|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\w*\.?\s+\d{1,2}\b", "",
                   dateline)
    parts = [p.strip(" .") for p in place.split(",") if p.strip(" .")]
    for part in reversed(parts):  # the country, when given, comes after the city
        for name in (part, _title(part)):
            countries = [t.key for t in index.exact(name) if t.kind in (COUNTRY, CAPITAL)]
            if countries:
                return countries[0]
    return city_country(parts[0], case_sensitive=False) if parts else None


def _title(name: str) -> str:
    """ "NEW YORK" → "New York", "DAR ES SALAAM" → "Dar Es Salaam" (a capitals-only dateline)."""
    return name.title() if name.isupper() else name

