"""Event parties from the coreference layer: the refs a phrase head or pronoun stands for
(``stages.coref``), and the events' own judgement of which refs are parties at all."""
from __future__ import annotations

from tidings.models import ActorRef, Document
from tidings.resources import dates as dates_data
from tidings.resources import grammar
from tidings.resources.actors import Role, load_kb
from tidings.stages.coref import MAX_REFS, inner_party_ref, is_pronoun, parse_of, refs_for
from tidings.stages.events.matching import TIME_ENTITIES  # "Friday's test", "last year's bombings": when, not who

__all__ = ["MAX_REFS", "PARTY_ENTITIES", "head_role", "inner_party_ref", "is_party", "is_pronoun", "names_people",
           "names_role", "non_party", "parse_of", "refs_for", "same_actor"]


def same_actor(a: ActorRef, b: ActorRef) -> bool:
    """True when two refs name the same actor (same id, or the same span)."""
    if a.actor_id and a.actor_id == b.actor_id:
        return True
    return a.start is not None and a.start == b.start and a.end == b.end


#: Entity labels that name parties (people, organisations, places standing for governments).
PARTY_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: Entity labels of places that are not polities (seas, mountains, buildings).
PLACE_ENTITIES = frozenset({"LOC", "FAC"})
#: Month names, which may be people the tagger read as dates ("May's deal", "April said").
MONTH_NAMES = frozenset(name.lower() for name in dates_data.load_lexicon()["months"])


def names_a_time(doc: Document, ref: ActorRef) -> bool:
    """A phrase whose words are all a time expression ("Friday", "last year", "six minutes"), not a month name
    alone, which may be a person."""
    if ref.start is None or ref.end is None:
        return False
    words = [t for t in parse_of(doc).tokens_in(ref.start, ref.end) if t.pos in ("NOUN", "PROPN", "NUM", "ADJ")]
    return bool(words) and all(t.ent_type in TIME_ENTITIES for t in words) and not (
        len(words) == 1 and words[0].text.lower() in MONTH_NAMES)


#: Head nouns that never name a party on their own: weapons, exercises, abstractions, and relations whose
#: other side is unresolved ("its allies"). A ref that resolves to a country or actor still counts.
NON_PARTY_NOUNS = grammar.words("non_party_nouns")


def non_party(doc: Document, ref: ActorRef) -> bool:
    """An unresolved phrase headed by a weapon, an exercise or an abstraction ("artillery", "drills",
    "sovereignty", "its allies")."""
    if ref.actor_id or ref.country or ref.org or ref.sector or ref.start is None or ref.end is None:
        return False
    nouns = [t for t in parse_of(doc).tokens_in(ref.start, ref.end) if t.pos in ("NOUN", "PROPN")]
    return bool(nouns) and nouns[-1].lemma.lower() in NON_PARTY_NOUNS and nouns[-1].ent_type not in PARTY_ENTITIES


def is_party(doc: Document, ref: ActorRef, *, event_nouns: frozenset[str] | None = None) -> bool:
    """True when a ref names someone who can act or be acted on, not a thing ("a new pact", "the ban").

    With ``event_nouns`` (for actors), any phrase whose head is not an event noun counts ("prisoners"
    rioted, a "bombing" did not act); without, the phrase must be named or known to the actors layer.
    """
    if ref.actor_id or ref.country or ref.org or ref.sector:
        return True
    if ref.start is None or ref.end is None or non_party(doc, ref) or names_a_time(doc, ref):
        return False
    tokens = parse_of(doc).tokens_in(ref.start, ref.end)
    if any(tok.ent_type in PARTY_ENTITIES or tok.pos == "PROPN" and tok.ent_type not in PLACE_ENTITIES
           for tok in tokens):
        return True  # a sea, river or building with no country ("the Sea of Japan") is nobody
    if event_nouns is None:
        return False
    nouns = [t for t in tokens if t.pos == "NOUN"]
    return bool(nouns) and nouns[-1].lemma.lower() not in event_nouns


#: Nouns of people the knowledge base has no role for ("three men", "a teenager").
PERSON_NOUNS = grammar.words("person_nouns")


def _head_noun(doc: Document, ref: ActorRef) -> str | None:
    """The lemma of the common noun heading the phrase (None when a name or nothing heads it)."""
    if ref.start is None or ref.end is None:
        return None
    parse = parse_of(doc)
    heads = [t for t in parse.tokens_in(ref.start, ref.end)
             if t.pos == "NOUN" and not ref.start <= parse.tokens[t.head].start < ref.end]  # the phrase's head
    return heads[0].lemma.lower() if heads else None


def head_role(doc: Document, ref: ActorRef) -> Role | None:
    """The knowledge base's role for the common noun heading the phrase ("the minister", "Hun Sen's troops")."""
    noun = _head_noun(doc, ref)
    return load_kb().roles.get(noun) if noun is not None else None


def names_role(doc: Document, ref: ActorRef) -> bool:
    """An unnamed phrase headed by a role the knowledge base knows ("the minister", "the army"), not a mere group
    ("the country")."""
    return head_role(doc, ref) is not None


def names_people(doc: Document, ref: ActorRef) -> bool:
    """An unnamed phrase headed by a noun of people: a role the knowledge base knows ("the minister", "two
    soldiers") or a plain person noun ("three men", "a teenager")."""
    return _head_noun(doc, ref) in PERSON_NOUNS or names_role(doc, ref)
