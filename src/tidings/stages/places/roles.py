"""Metonymy: a place standing for its government or people ("Moscow denied", "Russia's decision",
"talks with China") is an actor; a place where something is or happens is a location."""
from __future__ import annotations

from tidings.models import Parse

ACTOR, LOCATION = "actor", "location"


def role(parse: Parse, start: int, end: int, stative_verbs: frozenset[str], object_verbs: frozenset[str], *,
         address: bool = False) -> str:
    """``actor`` when the name at [start, end) acts or speaks, else ``location``.

    ``address``: the name is part of an address or dateline ("WILMINGTON, Del."), never an actor."""
    span = parse.tokens_in(start, end)
    if not span or address:
        return LOCATION
    inside = {t.i for t in span}
    head = next((t for t in span if t.head not in inside or t.head == t.i), span[-1])
    # "Russia and China vetoed": a later conjunct takes the role of the first one
    while head.dep == "conj" and head.head != head.i:
        head = parse.tokens[head.head]
    governor = parse.tokens[head.head]
    # "Moscow denied the report": subject of a non-stative verb
    if head.dep == "nsubj" and governor.pos == "VERB" and governor.lemma.lower() not in stative_verbs:
        return ACTOR
    # "the strike was condemned by Washington": agent of a passive verb
    if head.dep == "pobj" and governor.dep == "agent":
        return ACTOR
    # "Britain's departure", "China's foreign ministry": possessor of a noun
    if head.dep == "poss" and governor.pos in ("NOUN", "PROPN"):
        return ACTOR
    # "sanctions against Iran", "a deal with China", "a response by Russia": partner or opponent
    if head.dep == "pobj" and governor.dep == "prep" and governor.lemma.lower() in ("against", "with", "by"):
        return ACTOR
    # "accused Washington of meddling": object of a verb aimed at a government or people
    if head.dep == "dobj" and governor.pos == "VERB" and governor.lemma.lower() in object_verbs:
        return ACTOR
    # "agreed to sell Germany four aircraft": indirect object
    if head.dep == "dative":
        return ACTOR
    return LOCATION
