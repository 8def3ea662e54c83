"""Party phrases: the parties a noun phrase names, from the actors and places layers.

"Hungarian and Romanian officials" names two countries' officials, "an Indian proposal" India, "aid for
Chad" Chad, "scores of refugees" refugees. An actor the phrase's words name that the actors stage did not
mention ("Indian", "Central American") is looked up in the actors layer and added to ``doc.actors``, so
every ref the coreference layer hands out points into the document's actors."""
from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable

from tidings.models import Actor, ActorRef, Document, Mention, Parse
from tidings.resources import grammar
from tidings.stages import actors

#: Dependents that are not part of the actor's own name phrase.
OUTSIDE_DEPS = grammar.labels("outside_phrase")
#: Prepositional modifiers that still say who the actor is ("leaders of Hamas", "rebels in Darfur").
IDENTIFYING_PREPS = grammar.words("identifying_prepositions")
#: Prepositional modifiers that say who the actor is when a name follows ("a spokesman for UKIP").
NAMING_PREPS = grammar.words("naming_prepositions")
PRONOUNS = grammar.words("party_pronouns")
MAX_REFS = 4


def parse_of(doc: Document) -> Parse:
    """The parse of ``doc``, which coreference and the events read (their ``run`` skips an unparsed document)."""
    if doc.parse is None:
        raise ValueError("coreference and event coding need a parsed document (run the nlp stage first)")
    return doc.parse


def core_tokens(parse: Parse, head: int) -> list[int]:
    """The head's name phrase: its subtree without clauses, appositions, conjuncts and most prepositions."""
    out, stack = [], [head]
    while stack:
        j = stack.pop()
        out.append(j)
        for c in parse.children(j):
            tok = parse.tokens[c]
            if tok.dep == "prep" and j == head and (tok.text.lower() in IDENTIFYING_PREPS or
                                                    tok.text.lower() in NAMING_PREPS and _names_follow(parse, c)):
                stack.append(c)
            elif tok.dep not in OUTSIDE_DEPS:
                stack.append(c)
    return sorted(out)


def _names_follow(parse: Parse, prep: int) -> bool:
    """The preposition's object is a name ("for UKIP", "for the Home Office")."""
    return any(parse.tokens[c].dep == "pobj" and (parse.tokens[c].pos == "PROPN" or parse.tokens[c].ent_type in
                                                  ("ORG", "GPE", "NORP", "PERSON"))
               for c in parse.children(prep))


def _mentions_in(doc: Document, start: int, end: int) -> list[Mention]:
    return [m for m in doc.mentions if m.start < end and m.end > start]


def from_mention(doc: Document, mention: Mention, text: str, start: int, end: int) -> ActorRef:
    actor = doc.actor(mention.actor_id)
    return ActorRef(
        text=text, actor_id=mention.actor_id,
        name=actor.name if actor else None, country=actor.country if actor else None,
        sector=actor.sector if actor else None, org=actor.org if actor else None,
        start=start, end=end,
    )


def _from_place(doc: Document, text: str, start: int, end: int, *, cities: bool = False,
                within: Callable[[int, int], bool] | None = None) -> ActorRef | None:
    """A country read from a place name that is a party; a city only when ``cities`` (targets of force); only a
    place whose span ``within`` accepts, when given."""
    for place in doc.places:
        if place.role == "location" and place.feature == "city" and not cities:
            continue
        if place.start < end and place.end > start and place.country and \
                (within is None or within(place.start, place.end)):
            return ActorRef(text=text, name=place.name, country=place.country, start=start, end=end)
    return None


#: Nouns that count or group the real party ("scores of refugees", "a group of Yoruba leaders").
QUANTITY_NOUNS = grammar.words("quantity_nouns")


def quantified(parse: Parse, head: int) -> int:
    """The counted noun behind a quantity head ("scores of refugees" → refugees)."""
    for _ in range(3):
        tok = parse.tokens[head]
        if tok.lemma.lower() not in QUANTITY_NOUNS and tok.text.lower() not in QUANTITY_NOUNS:
            return head
        of = next((c for c in parse.children(head) if parse.tokens[c].dep == "prep"
                   and parse.tokens[c].text.lower() == "of"), None)
        obj = next((c for c in parse.children(of) if parse.tokens[c].dep == "pobj"), None) if of is not None else None
        if obj is None:
            return head
        head = obj
    return head


def resolve_phrase(doc: Document, head: int, *, cities: bool = False) -> list[ActorRef]:
    """ActorRefs for the phrase headed by token ``head`` (several for "Hungarian and Romanian officials").

    ``cities``: a city named in the phrase stands for its country (the target of an attack or
    a curfew), where otherwise a city is only where something happened.
    """
    parse = parse_of(doc)
    head = quantified(parse, head)
    tokens = core_tokens(parse, head)
    start, end = parse.tokens[tokens[0]].start, parse.tokens[tokens[-1]].end
    head_tok = parse.tokens[head]
    mentions = [m for m in _mentions_in(doc, start, end) if m.actor_id]
    covering = [m for m in mentions if m.start <= head_tok.start < m.end]
    if covering:  # a name running on past the phrase's words ("Reporters Without Borders")
        start, end = min(start, *(m.start for m in covering)), max(end, *(m.end for m in covering))
        mentions = [m for m in _mentions_in(doc, start, end) if m.actor_id]
    text = doc.text[start:end]
    coordinated = _coordinated_modifiers(parse, head)
    if len(coordinated) > 1:
        refs = [ref for ref in (_modifier_ref(doc, i, text, start, end) for i in coordinated) if ref is not None]
        if refs:
            return refs[:MAX_REFS]
    best = min(mentions, key=lambda m: (not _identified(doc, m), not (m.start <= head_tok.start < m.end),
                                        abs(m.start - head_tok.start))) if mentions else None
    if best is not None and _identified(doc, best):
        return [from_mention(doc, best, text, start, end)]
    modifier = _nationality(doc, head)
    if modifier is not None:
        return [_looked_up(doc, modifier, text, start, end,
                           named.sector if best is not None and (named := doc.actor(best.actor_id))
                           else modifier.sector)]
    inner = _inner_party(doc, head)
    if inner is not None:
        return [from_mention(doc, inner, text, start, end)]
    if best is not None:
        return [from_mention(doc, best, text, start, end)]
    place = _from_place(doc, text, start, end, cities=cities)
    if place is None:  # a place deeper in the phrase, where it may say whose the thing is (not "an invitation
        sub = parse.subtree(head)  # to debate independence from Israel")
        place = _from_place(doc, text, parse.tokens[sub[0]].start, parse.tokens[sub[-1]].end, cities=cities,
                            within=lambda a, b: _within_reach(parse, head, (a, b)))
        if place is not None:
            place.start, place.end = start, end
    return [place or ActorRef(text=text, start=start, end=end)]


def _nationality(doc: Document, head: int) -> Actor | None:
    """The country named by a modifier of the head ("an Indian proposal", "Central American migrants")."""
    parse = parse_of(doc)
    for c in parse.children(head):
        tok = parse.tokens[c]
        if tok.dep in ("amod", "compound", "nmod") and tok.text[:1].isupper() and \
                (tok.ent_type in ("NORP", "GPE") or tok.pos in ("ADJ", "PROPN")):
            words = [parse.tokens[k] for k in parse.subtree(c)]
            actor = _lookup(doc, doc.text[words[0].start:words[-1].end])  # "Central American", not "American"
            if actor is not None:
                return actor
    return None


def _identified(doc: Document, mention: Mention) -> bool:
    actor = doc.actor(mention.actor_id)
    return bool(actor and (actor.country or actor.org))


def _inner_party(doc: Document, head: int) -> Mention | None:
    """A named party inside a phrase about a thing ("an admission by Moscow", "aid for Chad")."""
    parse = parse_of(doc)
    sub = parse.subtree(head)
    inside = [m for m in _mentions_in(doc, parse.tokens[sub[0]].start, parse.tokens[sub[-1]].end)
              if _identified(doc, m)]
    found = [m for m in inside if _within_reach(parse, head, (m.start, m.end))] if inside else []
    return min(found, key=lambda m: m.start) if found else None


def _within_reach(parse: Parse, head: int, span: tuple[int, int]) -> bool:
    """The character span overlaps a word of the head's phrase that may name whose the thing is."""
    reach = _owning_tokens(parse, head)
    return any(t.i in reach for t in parse.tokens_in(*span))


#: Clauses a thing's owner is never named inside ("a request to unseal the file on Trump's divorce").
CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "xcomp", "csubj"})
MAX_PREPOSITIONS = 2
#: Tags of a finite verb, which is never a participle modifying the noun above it.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _owning_tokens(parse: Parse, head: int) -> set[int]:
    """The words of a thing's phrase that may name whose it is: its own words, up to two prepositions deep
    and through participles ("crimes committed by Croat forces"), not inside an infinitive or a clause."""
    out: set[int] = set()
    stack = [(head, 0)]
    while stack:
        j, preps = stack.pop()
        out.add(j)
        for c in parse.children(j):
            tok = parse.tokens[c]
            if tok.dep in CLAUSE_DEPS or tok.dep == "acl" and (
                    tok.tag in FINITE_TAGS  # a main verb the parser hung on the noun ("X, chairman of Y, called on Z")
                    or any(parse.tokens[k].tag == "TO" for k in parse.children(c))):  # a to-infinitive
                continue
            depth = preps + (tok.dep == "prep")
            if depth <= MAX_PREPOSITIONS:
                stack.append((c, depth))
    return out


def _modifier_ref(doc: Document, i: int, text: str, start: int, end: int) -> ActorRef | None:
    """The party one coordinated modifier names ("Romanian" in "Hungarian and Romanian officials")."""
    tok = parse_of(doc).tokens[i]
    own = [m for m in doc.mentions if m.actor_id and m.start >= tok.start and m.end <= tok.end]
    if own:
        return from_mention(doc, own[0], text, start, end)
    actor = _lookup(doc, tok.text)
    if actor is not None:
        covering = [m for m in doc.mentions if m.actor_id and m.start <= tok.start < m.end]
        sector = owner.sector if covering and (owner := doc.actor(covering[0].actor_id)) else None
        return _looked_up(doc, actor, text, start, end, sector or actor.sector)
    place = _from_place(doc, tok.text, tok.start, tok.end)
    if place is not None:
        place.text, place.start, place.end = text, start, end
    return place


def _lookup(doc: Document, phrase: str) -> Actor | None:
    """The actors layer's resolution of a short phrase (a copy: the caller registers it in the document)."""
    found = _party_named(phrase, doc.article.published)
    return dataclasses.replace(found) if found is not None else None


@functools.lru_cache(maxsize=4096)  # articles repeat their modifiers ("Russian", "U.S.")
def _party_named(phrase: str, published: str | None) -> Actor | None:
    """The country or organisation the actors layer reads in a phrase on a date (None for anything else)."""
    actor = actors.lookup(phrase, on_date=published)
    return actor if actor is not None and actor.kind != "person" and (actor.country or actor.org) else None


def _looked_up(doc: Document, actor: Actor, text: str, start: int, end: int, sector: str | None) -> ActorRef:
    """A ref to an actor found by a lookup, which joins ``doc.actors``; the ref points to it when it is that
    actor (same sector), else it keeps the actor's country and organisation with the phrase's sector."""
    stored = doc.add_actor(actor)
    return ActorRef(text=text, actor_id=stored.id if sector == stored.sector else None, name=stored.name,
                    country=stored.country, org=stored.org, sector=sector, start=start, end=end)


def _coordinated_modifiers(parse: Parse, head: int) -> list[int]:
    """Coordinated nationality or name modifiers of a noun ("Hungarian and Romanian officials")."""
    for c in parse.children(head):
        tok = parse.tokens[c]
        if tok.dep in ("amod", "compound", "nmod") and any(parse.tokens[k].dep == "conj" for k in parse.children(c)):
            chain, stack = [], [c]
            while stack:
                j = stack.pop()
                chain.append(j)
                stack.extend(k for k in parse.children(j) if parse.tokens[k].dep == "conj")
            return sorted(chain)
    return []


def is_pronoun(parse: Parse, i: int) -> bool:
    tok = parse.tokens[i]
    return tok.pos == "PRON" or tok.text.lower() in PRONOUNS and tok.pos in ("PRON", "DET")


def inner_party_ref(doc: Document, head: int) -> ActorRef | None:
    """The named party inside the phrase headed by ``head`` ("a US offer", "an Indian proposal")."""
    mention = _inner_party(doc, head)
    if mention is not None:
        return from_mention(doc, mention, mention.text, mention.start, mention.end)
    actor = _nationality(doc, head)
    if actor is None:
        return None
    tok = parse_of(doc).tokens[head]
    return _looked_up(doc, actor, tok.text, tok.start, tok.end, actor.sector)


