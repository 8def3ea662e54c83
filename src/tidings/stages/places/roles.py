"""Metonymy: a place standing for its government, people or team ("Moscow denied", "Russia's decision",
"talks with China", "U.S. officials", "the Paris Agreement") is an actor; a place where something is or
happens is a location. The cue words live in ``data/places/role_cues.tsv`` and the two verb lists."""
from __future__ import annotations

from tidings.models import Parse, Token
from tidings.resources import grammar
from tidings.resources.places import RoleCues

ACTOR, LOCATION = "actor", "location"
#: Entity labels of names that are not places themselves ("the Paris Agreement", "Minsk accords").
NAME_LABELS = frozenset({"ORG", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT", "NORP"})
#: Dependencies by which a name modifies the noun after it ("U.S. officials", "Moscow-backed").
MODIFIER_DEPS = grammar.labels("name_modifiers")
#: Verbs linking a subject to a description ("Iran is ready", "France became involved").
COPULAS = grammar.words("copulas")
#: Past participles of the patron verbs of ``role_cues.tsv`` that no regular ending makes.
IRREGULAR_PARTICIPLES = {"lead": ("led",)}
#: Modal verbs heading a clause whose main verb is left out ("If the U.S. acts, so will China").
MODAL_TAG = "MD"


def role(parse: Parse, start: int, end: int, cues: RoleCues, *, address: bool = False,
         place_tokens: frozenset[int] = frozenset()) -> str:
    """``actor`` when the name at [start, end) acts, speaks or names something else, else ``location``.

    ``address``: the name is part of an address or dateline ("WILMINGTON, Del."), never an actor;
    ``place_tokens``: indices of the tokens of every place name found in the document."""
    span = parse.tokens_in(start, end)
    if not span or address:
        return LOCATION
    if span[-1].end > end:  # "a U.S.-led coalition": the patron of the participle its one-token compound ends in
        participle = span[-1].text[end - span[-1].start:].lstrip("-")
        return ACTOR if any(participle in _participles(lemma) for lemma in cues.patron_participles) else LOCATION
    if _inside_name(parse, span, cues):
        return ACTOR
    # "Manchester City", "Leeds United", "Liverpool FC": a place naming a sports club
    after = parse.tokens[span[-1].i + 1] if span[-1].i + 1 < len(parse.tokens) else None
    if after is not None and after.text[:1].isupper() and after.text.lower() in cues.club_words:
        return ACTOR
    inside = {t.i for t in span}
    head = next((t for t in span if t.head not in inside or t.head == t.i), span[-1])
    if _relative_subject(parse, head, cues):
        return ACTOR
    # "Russia and China vetoed": a later conjunct takes the role of the first one
    while head.dep == "conj" and head.head != head.i:
        head = parse.tokens[head.head]
    return ACTOR if _acts(parse, head, span[-1], cues, place_tokens) else LOCATION


def _acts(parse: Parse, head: Token, last: Token, cues: RoleCues, place_tokens: frozenset[int]) -> bool:
    """Whether the name headed by ``head`` (ending at ``last``) is used as an actor where it stands."""
    governor = parse.tokens[head.head]
    lemma = governor.lemma.lower()
    # "Moscow denied the report": subject of a non-stative verb (not "Avdiivka fell", "Texas has seen record heat")
    if head.dep == "nsubj" and governor.pos == "VERB" and lemma not in cues.stative_verbs:
        return True
    # "Turkey is a NATO ally", "France became involved": subject of a copula described as an agent
    if head.dep == "nsubj" and lemma in COPULAS:
        return any(_agent_description(parse.tokens[k], cues) for k in parse.children(governor.i))
    # "if the U.S. persists, so will China": subject of a modal standing for the verb
    if head.dep == "nsubj" and governor.tag == MODAL_TAG:
        return True
    # "Russia was accused of meddling", "Kyiv was urged to negotiate": passive subject of a verb aimed at a
    # government or people, or of one with an infinitive after it
    if head.dep == "nsubjpass" and (lemma in cues.object_verbs or _controls(parse, governor, head)):
        return True
    # "the strike was condemned by Washington": agent of a passive verb
    if head.dep == "pobj" and governor.dep == "agent":
        return True
    # "Britain's departure", "China's foreign ministry", not "China's coast", "Seoul's Olympic Stadium" nor
    # a place inside it ("Sudan's Darfur")
    if head.dep == "poss" and governor.pos in ("NOUN", "PROPN"):
        return (lemma not in cues.literal_possessions and lemma not in cues.literal_name_heads
                and governor.i not in place_tokens)
    if head.dep == "pobj" and governor.pos == "ADP":
        return _party_of_preposition(parse, governor, cues)
    # "accused Washington of meddling": object of a verb aimed at a government or people (which the parser
    # sometimes attaches as a bare noun phrase)
    if head.dep in ("dobj", "npadvmod") and governor.pos == "VERB" and lemma in cues.object_verbs:
        return True
    # "urged Beijing to show restraint": object that is also the subject of the verb after it
    if head.dep == "dobj" and governor.pos == "VERB" and _controls(parse, governor, head):
        return True
    # "agreed to sell Germany four aircraft": indirect object
    if head.dep == "dative":
        return True
    if head.dep in MODIFIER_DEPS:
        return _modifies_as_actor(parse, head, last, cues)
    return False


def _agent_description(token: Token, cues: RoleCues) -> bool:
    """A complement of "be" that only an agent fits ("an ally", "responsible", "ready to talk")."""
    lemma = token.lemma.lower()
    return (token.dep == "attr" and lemma in cues.affiliation_nouns) or (
        token.dep == "acomp" and lemma in cues.agentive_adjectives)


def _relative_subject(parse: Parse, head: Token, cues: RoleCues) -> bool:
    """"Germany, which expelled four diplomats": a name a relative clause makes the doer of a verb (not after
    a preposition: in "attacks in Tunisia, which forced..." the clause is about the attacks)."""
    if head.dep == "pobj":
        return False
    for k in parse.children(head.i):
        clause = parse.tokens[k]
        if clause.dep != "relcl" or clause.pos != "VERB" or clause.lemma.lower() in cues.stative_verbs:
            continue
        if any(parse.tokens[j].dep == "nsubj" and parse.tokens[j].tag in ("WDT", "WP") for j in parse.children(k)):
            return True
    return False


def _party_of_preposition(parse: Parse, prep: Token, cues: RoleCues) -> bool:
    """Object of ``prep`` as a party: "sanctions against Iran", "relations between X and Y"..."""
    word = prep.text.lower()
    # "with the United States and with Mexico": a conjoined preposition hangs where the first one does
    while prep.dep == "conj" and parse.tokens[prep.head].pos == "ADP" and prep.head != prep.i:
        prep = parse.tokens[prep.head]
    if prep.dep not in ("prep", "agent"):
        return False
    attached = parse.tokens[prep.head]
    # "won independence from Britain": a phrase hung on the verb also counts for the verb's object
    heads = _cue_lemma(attached) | {parse.tokens[k].lemma.lower() for k in parse.children(attached.i)
                                    if attached.pos == "VERB" and parse.tokens[k].dep == "dobj"}
    # "sanctions against Iran", "a response by Russia": opponent or author
    if word in ("against", "by"):
        return True
    # "talks with China", not "the border with Mexico": partner
    if word == "with":
        return not heads & cues.literal_possessions
    # "relations between Harare and London": parties to a relation
    if word == "between":
        return bool(heads & cues.relation_nouns)
    # "the government of Ukraine", "the president of Mexico": owner of an institution
    if word == "of":
        return bool(heads & cues.affiliation_nouns)
    # "sold jets to Saudi Arabia", "independence from Britain", "sanctions on Russia", "a win over Louisville",
    # "a setback for Moscow"
    cue = {"to": cues.heads_of_to, "from": cues.heads_of_from, "on": cues.heads_of_on,
           "over": cues.heads_of_over, "for": cues.heads_of_for}.get(word)
    return cue is not None and bool(heads & cue)


def _controls(parse: Parse, verb: Token, obj: Token) -> bool:
    """Whether ``verb`` has an infinitive complement after ``obj`` ("urged Beijing to show", "Kyiv was
    urged to negotiate")."""
    return any(parse.tokens[k].dep == "xcomp" and k > obj.i and parse.tokens[k].tag == "VB"
               for k in parse.children(verb.i))


def _modifies_as_actor(parse: Parse, head: Token, last: Token, cues: RoleCues) -> bool:
    """A name before a noun: "U.S. officials", "Liverpool coach", "the DPRK-U.S. summit", "Moscow-backed"."""
    # "Moscow-backed rebels", "a U.S.-led coalition": patron of a hyphenated participle; not "a Dubai-based firm"
    participle = parse.tokens[last.i + 2] if last.i + 2 < len(parse.tokens) else None
    if participle is not None and parse.tokens[last.i + 1].text == "-" and participle.tag == "VBN":
        return participle.lemma.lower() in cues.patron_participles
    # climb over names and titles ("the DPRK-U.S. summit", "U.S. President Trump") to the noun they modify
    noun = head
    for _ in range(4):
        if noun.dep not in MODIFIER_DEPS or noun.head == noun.i:
            break
        noun = parse.tokens[noun.head]
        if noun.pos == "NOUN":
            break
    # "Marathon County District Attorney Jane Roe": a title among the words up to that noun
    between = parse.tokens[last.i + 1:noun.i + 1] if noun.i > last.i else []
    return any(t.pos in ("NOUN", "PROPN") and _cue_lemma(t) & cues.modified_by_actor for t in between[:6])


def _cue_lemma(token: Token) -> set[str]:
    """The token's lemma as the cue lists spell it ("Democrats" → "democrat")."""
    lemma = token.lemma.lower()
    return {lemma, lemma[:-1]} if lemma.endswith("s") and token.pos == "PROPN" else {lemma}


def _participles(lemma: str) -> tuple[str, ...]:
    """The past participles a verb's lemma may take ("back" → "backed", "ally" → "allied", "lead" → "led")."""
    return (lemma, lemma + "ed", lemma + "d", lemma[:-1] + "ied", lemma + lemma[-1] + "ed",
            *IRREGULAR_PARTICIPLES.get(lemma, ()))


def _inside_name(parse: Parse, span: list[Token], cues: RoleCues) -> bool:
    """A place inside the name of an organisation, event, law or work ("Kentucky State Police",
    "the Paris Agreement"), unless the name is that of a building or campus ("Tehran University")."""
    tokens = parse.tokens
    first, last = span[0].i, span[-1].i
    label = span[0].ent_type
    if label not in NAME_LABELS or any(t.ent_type != label for t in span):
        return False
    while first > 0 and tokens[first].ent_iob == "I" and tokens[first - 1].ent_type == label:
        first -= 1
    while last + 1 < len(tokens) and tokens[last + 1].ent_iob == "I":
        last += 1
    named = [t for t in tokens[first:last + 1] if t.pos != "DET" and t.tag != "POS"]
    if len(named) <= len(span):
        return False  # the place is the whole entity: a mislabelled place, not a longer name
    neighbours = tokens[max(first, span[0].i - 1):span[0].i] + tokens[span[-1].i + 1:min(last, span[-1].i + 1) + 1]
    if any(t.text == "," or t.pos == "CCONJ" for t in neighbours):
        return False  # a list of places taken for one name ("Ingham or Townsville")
    return named[-1].lemma.lower() not in cues.literal_name_heads
