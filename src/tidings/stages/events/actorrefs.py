"""Event parties from the coreference layer: the refs a phrase head or pronoun stands for
(``stages.coref``), and the events' own judgement of which refs are parties at all."""
from __future__ import annotations

from tidings.models import ActorRef, Document, Parse, Token
from tidings.resources import grammar
from tidings.resources.actors import load_kb
from tidings.stages.coref import MAX_REFS, inner_party_ref, is_pronoun, parse_of, refs_for

__all__ = ["MAX_REFS", "PARTY_ENTITIES", "inner_party_ref", "is_party", "is_pronoun", "names_people", "non_party",
           "ownerless_thing", "parse_of", "refs_for", "same_actor"]


def same_actor(a: ActorRef, b: ActorRef) -> bool:
    """True when two refs name the same actor (same id, or the same span)."""
    if a.actor_id and a.actor_id == b.actor_id:
        return True
    return a.start is not None and a.start == b.start and a.end == b.end


#: Entity labels that name parties (people, organisations, places standing for governments).
PARTY_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: Entity labels of places that are not polities (seas, mountains, buildings).
PLACE_ENTITIES = frozenset({"LOC", "FAC"})


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
    if ref.start is None or ref.end is None or non_party(doc, ref):
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


def names_people(doc: Document, ref: ActorRef) -> bool:
    """An unnamed phrase headed by a noun of people: a role the knowledge base knows ("the minister", "two
    soldiers") or a plain person noun ("three men", "a teenager")."""
    if ref.start is None or ref.end is None:
        return False
    parse = parse_of(doc)
    heads = [t for t in parse.tokens_in(ref.start, ref.end)
             if t.pos == "NOUN" and not ref.start <= parse.tokens[t.head].start < ref.end]  # the phrase's head
    return bool(heads) and (heads[0].lemma.lower() in PERSON_NOUNS or heads[0].lemma.lower() in load_kb().roles)


#: Nouns of groups and bodies the knowledge base has no role for ("rich nations", "the committee").
GROUP_NOUNS = grammar.words("group_nouns")
#: Modifiers of a thing that may say whose it is ("Labour's record", "the Tory plans", "a British proposal").
OWNER_MODIFIERS = frozenset({"poss", "compound", "amod", "nmod"})
#: Prepositions that place a thing somewhere ("pubs in Guildford"): a place after one is whose it is only for
#: force and visits, where PLOVER codes the place's country as the target ("fired at targets in Jericho").
LOCATIVE_PREPOSITIONS = grammar.words("locative_prepositions")
#: Entity labels of places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def ownerless_thing(doc: Document, ref: ActorRef, *, places: bool) -> bool:
    """A phrase that names a thing and no party behind it ("refused to sign the Kyoto treaty", "pledged
    cleaner hospitals", "investigated a theft near Hinton"): headed by a common noun of no people or group,
    with no party among the words that say whose it is: a possessor, a name or nationality before it, an
    apposition, the object of a preposition on it ("a ban on the FIS", "action against Russia", "the
    resignation of X"); a place after a locative preposition only with ``places``. The GUIDE keeps the party
    behind a thing ("backed the Home Office's powers" → Home Office) and no recipient for a bare one."""
    if ref.start is None or ref.end is None:
        return False
    parse = parse_of(doc)
    head = _phrase_head(parse, ref.start, ref.end)
    if head is None or head.pos != "NOUN" or head.ent_type in PARTY_ENTITIES or _party_noun(head) or \
            any(m.actor_id and m.start <= head.start < m.end for m in doc.mentions):  # "failed asylum seekers"
        return False
    for k in parse.children(head.i):
        tok = parse.tokens[k]
        if tok.dep in OWNER_MODIFIERS or tok.dep == "appos" or _participle(parse, k):
            # "the moderator, Lester Holt", "any ship linked to Israel"
            if any(_names_owner(doc, parse.tokens[j]) for j in parse.subtree(k)):
                return False
        elif tok.dep == "prep":
            placed = tok.text.lower() in LOCATIVE_PREPOSITIONS and not places
            words = [parse.tokens[j] for c in parse.children(k) if parse.tokens[c].dep == "pobj"
                     for j in parse.subtree(c)]
            if any(_names_owner(doc, w) and not (placed and w.ent_type in PLACE_LABELS) for w in words):
                return False
    return True


def _participle(parse: Parse, i: int) -> bool:
    """A participle modifying a noun ("linked to Israel"), not a to-infinitive ("a bid to win")."""
    return parse.tokens[i].dep == "acl" and not any(parse.tokens[k].tag == "TO" for k in parse.children(i))


def _phrase_head(parse: Parse, start: int, end: int) -> Token | None:
    """The token of a span whose head lies outside it."""
    tokens = parse.tokens_in(start, end)
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head not in inside or t.head == t.i), None)


#: Endings of nouns of agents ("commissioner", "mediator", "activist", "nominee", "claimant"); "-ment" names
#: a thing ("statement").
AGENT_ENDINGS = ("er", "or", "ist", "ian", "ee", "ant", "ent")


def _party_noun(tok: Token) -> bool:
    """A noun of people or of a group: known to the lists or the knowledge base, a name the tagger took for a
    common noun ("Labour"), or shaped like a noun of agents (unsure, so kept)."""
    lemma = tok.lemma.lower()
    if lemma in PERSON_NOUNS or lemma in GROUP_NOUNS or lemma in load_kb().roles:
        return True
    if tok.text[:1].isupper() and tok.dep != "ROOT" and tok.i > 0:
        return True
    return lemma.endswith(AGENT_ENDINGS) and not lemma.endswith("ment")


def _names_owner(doc: Document, tok: Token) -> bool:
    """A word that names someone a thing can belong to: a person, organisation, nationality, country or
    possessive pronoun, a name, or a noun of people ("the judges' ruling"); not a city before it ("the Kyoto
    treaty")."""
    if tok.dep == "compound" and any(p.start <= tok.start < p.end and p.feature == "city" for p in doc.places):
        return False
    if tok.ent_type in ("PERSON", "ORG", "NORP", "GPE") or tok.tag == "PRP$":
        return True
    if tok.pos == "PROPN":
        return not tok.ent_type  # a name the tagger gave no other type ("Tory"), not a law, work or date
    return tok.pos == "NOUN" and _party_noun(tok)
