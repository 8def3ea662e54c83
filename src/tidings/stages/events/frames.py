"""Frames from the dependency parse: who is the actor and who the recipient of a matched trigger."""
from __future__ import annotations

from dataclasses import dataclass, field

from tidings.models import Parse, Token
from tidings.resources import grammar, ontology, quotes
from tidings.resources.actors import load_kb
from tidings.resources.lexicon import Pattern
from tidings.stages.coref import document_author, earlier_author
from tidings.stages.events.matching import PARTY_ENTITY_TYPES, Match, infinitival, object_of

SUBJECT_DEPS = grammar.labels("subjects")
#: Verbs whose object, not subject, does the action of their infinitive ("urged Iran to release").
OBJECT_CONTROL = grammar.words("object_control_verbs")
#: Prepositions that introduce a recipient when no slot names one.
RECIPIENT_PREPS = grammar.sequence("recipient_prepositions")
ADDRESSEE_PREPS = grammar.sequence("addressee_prepositions")
TARGET_PREPS = grammar.sequence("target_prepositions")
AGENT_PREPS = grammar.sequence("agent_prepositions")
#: Prepositions whose object is an office or capacity, never a party ("resigned as Home Secretary").
CAPACITY_PREPS = grammar.words("capacity_prepositions")
#: How a pattern's own noun hangs as the object of its verb or preposition ("arrest journalist", "clash with police").
LITERAL_OBJECT_DEPS = frozenset({"dobj", "pobj"})
GERUND_PREPS = grammar.words("gerund_prepositions")
#: Dependencies through which an embedded predicate inherits the subject of the one above it.
INHERIT_DEPS = grammar.labels("subject_inheriting")
#: A participle modifying a noun ("talks held on Friday", "X, backed by Y,").
PARTICIPLE_DEPS = grammar.labels("participle_modifiers")
#: Verbs of saying or belief whose complement clause is reported speech with its own actor (``cues.json``).
REPORTING_VERBS = quotes.load().reporting

#: Verbs whose object is a topic, not an act of their subject ("discussed a ceasefire", "debated sanctions").
TOPIC_VERBS = grammar.words("topic_verbs")
#: Event nouns whose possessor undergoes the act ("his arrest", "the minister's removal").
PATIENT_NOUNS = grammar.words("patient_nouns")
#: Sectors of armed bodies: forces, armed groups, police, intelligence.
ARMED_SECTORS = frozenset({"MIL", "REB", "INS", "SEP", "UAF", "IMG", "COP", "SPY"})
#: Sectors of bodies that wield power (force, government, courts, opposition, unions): named before an event noun
#: they are its doer ("police shootings", "army raids", "union strike").
POWER_SECTORS = ARMED_SECTORS | {"GOV", "JUD", "OPP", "LAB"}
#: Nouns of things that carry someone's words ("a speech criticising X", "a billboard accusing Y").
DOCUMENT_NOUNS = quotes.load().document_nouns
MESSAGE_NOUNS = DOCUMENT_NOUNS | grammar.words("display_nouns")
#: Verbs whose subject undergoes the event noun they take ("faces charges", "drew criticism"), and prepositions
#: that make the subject of their verb undergo their noun ("came under attack", "is under investigation").
UNDERGOING_VERBS = grammar.words("undergoing_verbs")
UNDERGOING_PREPS = grammar.words("undergoing_prepositions")
UNDERGOING_PREP_VERBS = grammar.words("undergoing_preposition_verbs")
UNDERGOER_RULE = "subject of the verb that undergoes the event noun"
NO_AGENT_RULE = "passive without agent"
#: Verbs whose to-object is the addressee of a participle on it ("wrote to the minister demanding ...").
ADDRESSING_VERBS = grammar.words("addressing_verbs")


@dataclass
class Frame:
    """One matched trigger with the tokens heading its actor and recipient phrases."""

    match: Match
    anchor: int
    nominal: bool
    passive: bool = False
    actors: list[int] = field(default_factory=list)
    recipients: list[int] = field(default_factory=list)
    actor_rule: str = ""
    recipient_rule: str = ""

    @property
    def pattern(self) -> Pattern:
        return self.match.pattern


def anchor_of(parse: Parse, match: Match) -> int:
    """The matched token highest in the tree (the syntactic head of the trigger phrase)."""
    tokens = set(match.tokens)

    def depth(i: int) -> int:
        d = 0
        while parse.tokens[i].head != i and d < 50:
            i = parse.tokens[i].head
            d += 1
        return d

    if match.pattern.pos == "noun":
        nouns = [i for i in tokens if parse.tokens[i].pos in ("NOUN", "PROPN")]
        return min(nouns or [match.head], key=depth)
    verbs = [i for i in tokens if parse.tokens[i].pos in ("VERB", "AUX", "ADJ")]
    return min(verbs or [match.head], key=depth)


#: Verb tags of a main verb the parser may hang on a noun as its modifier: past participle, past, present.
FINITE_OR_PARTICIPLE_TAGS = frozenset({"VBN", "VBD", "VBZ", "VBP"})


def misread_main_verb(parse: Parse, i: int) -> int | None:
    """The root noun of a sentence with no finite verb when the parser hung its verb, after a comma, as a
    participle modifying a noun ("Tom Hale, chairman of the trust, called on X to resign"), or a finite verb as
    one ("Tom Hale, chairman of the trust, says ..."): the verb's subject."""
    tok = parse.tokens[i]
    if tok.dep != "acl" or tok.tag not in FINITE_OR_PARTICIPLE_TAGS or i == 0 or parse.tokens[i - 1].text != "," or \
            child(parse, i, "agent") is not None:
        return None
    root = parse.root_of(tok.head)
    return root if parse.tokens[root].pos in ("NOUN", "PROPN") else None


def is_passive(parse: Parse, i: int) -> bool:
    if misread_main_verb(parse, i) is not None:
        return False
    kids = [parse.tokens[c].dep for c in parse.children(i)]
    tok = parse.tokens[i]
    return "auxpass" in kids or "nsubjpass" in kids or tok.tag == "VBN" and (
        tok.dep in PARTICIPLE_DEPS and "agent" in kids
        # a bare past participle adjunct ("X is in jail, arrested in March"): X underwent it
        or tok.dep in ("advcl", "acl") and not {"aux", "nsubj", "csubj"} & set(kids))


def conjuncts(parse: Parse, i: int) -> list[int]:
    """``i`` and the phrases coordinated with it ("Hungary and Romania")."""
    out, stack = [], [i]
    while stack:
        j = stack.pop()
        out.append(j)
        stack.extend(c for c in parse.children(j) if parse.tokens[c].dep == "conj"
                     and parse.tokens[c].pos in ("NOUN", "PROPN", "PRON", "ADJ"))
    return sorted(out)


def child(parse: Parse, i: int, *deps: str) -> int | None:
    return next((c for c in parse.children(i) if parse.tokens[c].dep in deps), None)


def prep_object(parse: Parse, i: int, preps: tuple[str, ...]) -> int | None:
    """The object of the first preposition in ``preps`` attached to ``i`` (by preference order)."""
    found: dict[str, int] = {}
    for c in parse.children(i):
        tok = parse.tokens[c]
        if tok.dep in ("prep", "dative") and tok.text.lower() in preps:
            found.setdefault(tok.text.lower(), c)
    for prep in preps:
        if prep in found:
            obj = child(parse, found[prep], "pobj")
            if obj is not None and not _is_time(parse.tokens[obj]):
                return obj
    return None


def _is_time(token: Token) -> bool:
    return token.ent_type in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY")


#: Indefinite pronouns whose infinitival clause is the act of the clause's subject ("has nothing to hide").
INDEFINITES = grammar.words("indefinite_pronouns")


def subject_of(parse: Parse, i: int) -> tuple[int | None, str]:
    """The subject a predicate inherits: its own, its controller's, or its coordinated head's."""
    seen: set[int] = set()
    rule = "nsubj"
    while i not in seen:
        seen.add(i)
        tok = parse.tokens[i]
        root = misread_main_verb(parse, i)
        if root is not None:
            return root, "root noun of a misread main verb"
        if tok.pos in ("NOUN", "PROPN") and tok.dep in SUBJECT_DEPS:
            return None, "predicate modifies a subject noun"  # "reasons to attack": not the reasons' act
        if is_passive(parse, i):
            agent = child(parse, i, "agent")
            if agent is not None:
                return child(parse, agent, "pobj"), "passive by-agent"
            subj = child(parse, i, "nsubj")
            if subj is not None:
                return subj, rule
            subj = child(parse, i, "nsubjpass")
            if subj is not None and child(parse, i, "xcomp") is not None and \
                    tok.lemma.lower() not in OBJECT_CONTROL:  # "was urged to resign": the one urged acts not
                return subj, "adjectival passive ('is prepared to')"
            if subj is not None or tok.dep in INHERIT_DEPS:
                return None, NO_AGENT_RULE  # "since being poisoned": who undergoes it did not act
        else:
            subj = child(parse, i, *SUBJECT_DEPS)
            if subj is not None and tok.dep == "relcl" and parse.tokens[subj].tag in ("WDT", "WP"):
                return tok.head, "relative clause head"  # "rebels who attacked", "Iran, which backs"
            if subj is not None:
                return _behind_document(parse, subj, rule)
        owner_tok = parse.tokens[tok.head]
        if tok.dep in ("relcl", "acl") and infinitival(parse, i) and owner_tok.text.lower() in INDEFINITES and \
                owner_tok.dep in ("dobj", "attr") and owner_tok.head != tok.head:
            # "X has nothing to apologise for"
            i, rule = owner_tok.head, "subject of the verb the indefinite object belongs to"
            continue
        if tok.dep == "relcl":
            return tok.head, "relative clause head"
        if tok.dep == "acl" and tok.tag == "VBG" and parse.tokens[tok.head].pos in ("NOUN", "PROPN"):
            sender = _sender(parse, tok.head)
            if sender is not None:
                return sender  # "a speech criticising X", "wrote to X demanding": the writer, not the words
            return tok.head, "noun modified by the participle"
        owner = child(parse, tok.head, "poss") if tok.dep == "acl" and infinitival(parse, i) else None
        if owner is not None:
            return owner, "possessor of the noun the infinitive completes"  # "Serbia's decision to expel"
        if tok.head == i or tok.dep not in INHERIT_DEPS:
            return None, "no subject"
        parent = parse.tokens[tok.head]
        if tok.dep == "conj" and _active_perfect(parse, i) and is_passive(parse, tok.head):
            subject = child(parse, tok.head, "nsubjpass")
            if subject is not None:  # "X was suspended and has since lodged a complaint": X lodged it
                return subject, "passive subject of the verb an active perfect is conjoined to"
        if tok.dep == "pcomp" and parent.text.lower() in GERUND_PREPS and \
                parse.tokens[parent.head].pos == "VERB":
            obj = child(parse, parent.head, "dobj")
            if obj is not None:
                return obj, "object of the verb the gerund explains"  # "criticized X for sending", "barred X from"
        if parse.object_control_verb(i, OBJECT_CONTROL) is not None:
            obj = child(parse, tok.head, "dobj") or prep_object(parse, tok.head, ADDRESSEE_PREPS)
            if obj is not None:
                return obj, "object control"
        rule = f"inherited via {tok.dep}"
        i = tok.head
    return None, "no subject"


def _behind_document(parse: Parse, subject: int, rule: str) -> tuple[int, str]:
    """A document as the subject stands for its author (GUIDE: the body behind it): "the committee's report
    urged", "a resolution adopted by the council calls for", "the report urged" after "a report by the committee"."""
    if parse.tokens[subject].pos != "NOUN":
        return subject, rule
    author = document_author(parse, subject, DOCUMENT_NOUNS)
    if author is not None:
        return author, "author of the document subject"
    author = earlier_author(parse, subject, DOCUMENT_NOUNS)
    if author is not None:
        return author, "author of the document named before"
    return subject, rule


def _active_perfect(parse: Parse, verb: int) -> bool:
    """A verb in the active perfect with its own auxiliary ("has since lodged", "had left")."""
    kids = [parse.tokens[c] for c in parse.children(verb)]
    return parse.tokens[verb].tag == "VBN" and any(k.dep == "aux" and k.lemma.lower() == "have" for k in kids) and \
        not any(k.dep == "auxpass" for k in kids)


def addressee_of_letter(parse: Parse, noun: int) -> int | None:
    """The verb of writing whose to-object ``noun`` is ("wrote to the minister demanding ..."), if any."""
    tok = parse.tokens[noun]
    prep = parse.tokens[tok.head]
    if tok.dep != "pobj" or prep.text.lower() != "to" or prep.dep != "prep":
        return None
    verb = parse.tokens[prep.head]
    return prep.head if verb.pos == "VERB" and verb.lemma.lower() in ADDRESSING_VERBS else None


def _sender(parse: Parse, noun: int) -> tuple[int | None, str] | None:
    """Who speaks through a participle on ``noun``: the writer of a letter to it ("wrote to X demanding"), the
    owner of a message noun ("Labour's poster attacking"), or the subject of the verb that issues or gives it
    ("issued statements supporting", "opened with a speech criticising"). None when ``noun`` is no message."""
    verb = addressee_of_letter(parse, noun)
    if verb is not None:
        subject, rule = subject_of(parse, verb)
        return subject, f"writer to the addressee ({rule})"
    tok = parse.tokens[noun]
    if tok.pos != "NOUN" or tok.lemma.lower() not in MESSAGE_NOUNS:
        return None
    owner = child(parse, noun, "poss")
    if owner is None:
        owner = next((c for c in parse.children(noun) if parse.tokens[c].dep in ("compound", "amod")
                      and parse.tokens[c].ent_type in PARTY_ENTITY_TYPES), None)
    if owner is not None:
        return owner, "owner of the message the participle describes"
    head = parse.tokens[tok.head]
    if tok.dep == "pobj" and head.dep == "prep":
        verb = head.head
    elif tok.dep == "dobj":
        verb = tok.head
    else:
        return None, "message with no sender"
    if parse.tokens[verb].pos != "VERB":
        return None, "message with no sender"
    subject, rule = subject_of(parse, verb)
    return subject, f"subject of the verb that issues the message ({rule})"


def controller(parse: Parse, verb: int) -> int | None:
    """The object of ``verb`` that is to carry out its infinitive or gerund ("urged the minister to resign",
    "accused the party of lying"): someone who can act, named or not."""
    for c in parse.children(verb):
        tok = parse.tokens[c]
        if parse.object_control_verb(c, OBJECT_CONTROL) is not None and infinitival(parse, c):
            return child(parse, verb, "dobj") or prep_object(parse, verb, ADDRESSEE_PREPS)
        if tok.dep == "prep" and tok.text.lower() in GERUND_PREPS and any(
                parse.tokens[g].dep == "pcomp" and parse.tokens[g].tag == "VBG" for g in parse.children(c)):
            return child(parse, verb, "dobj")
    return None


def noun_agent(parse: Parse, noun: int) -> tuple[int | None, str]:
    """Who does what a noun names, inside its own phrase: possessive, by-phrase or nationality modifier."""
    poss = child(parse, noun, "poss")
    if poss is not None:
        return poss, "possessive"
    by = prep_object(parse, noun, ("by",))
    if by is not None:
        return by, "by-phrase"
    direct = [c for c in parse.children(noun) if parse.tokens[c].dep in ("amod", "compound", "nmod")]
    # "Russian missile strikes": the nationality may modify the noun's own compound
    deeper = [g for c in direct if parse.tokens[c].dep == "compound" for g in parse.children(c)
              if parse.tokens[g].dep in ("amod", "compound", "nmod")]
    named = [c for c in direct if parse.tokens[c].ent_type in ("NORP", "GPE", "ORG")]
    # "police shootings", "army raids", "government crackdown": a body that wields power does the act, unless the
    # noun's possessor would undergo it ("opposition arrests"); "school investment" is for schools, not by them
    bodies = [c for c in direct if parse.tokens[c].dep == "compound" and parse.tokens[c].pos == "NOUN"
              and (role := load_kb().roles.get(parse.lower_lemmas[c])) is not None and role.sector in POWER_SECTORS
              and parse.lower_lemmas[noun] not in PATIENT_NOUNS]
    deeper_named = [g for g in deeper if parse.tokens[g].ent_type in ("NORP", "GPE", "ORG")]
    agent = next(iter(named + bodies + deeper_named), None)
    return (agent, "modifier") if agent is not None else (None, "no actor")


def undergoing_verb(parse: Parse, noun: int) -> int | None:
    """The verb whose subject undergoes the event ``noun`` ("X faces charges", "X came under attack"), if any."""
    tok = parse.tokens[noun]
    head = parse.tokens[tok.head]
    if tok.dep == "dobj" and head.pos == "VERB" and head.lemma.lower() in UNDERGOING_VERBS:
        return tok.head
    if tok.dep == "pobj" and head.dep == "prep" and head.text.lower() in UNDERGOING_PREPS and \
            parse.tokens[head.head].lemma.lower() in UNDERGOING_PREP_VERBS:
        return head.head
    return None


def undergoer_of(parse: Parse, noun: int) -> int | None:
    """Who undergoes an event noun: the subject of its :func:`undergoing_verb` ("the bank faces a probe")."""
    verb = undergoing_verb(parse, noun)
    return subject_of(parse, verb)[0] if verb is not None else None


def governing_noun_actor(parse: Parse, noun: int) -> tuple[int | None, str]:
    """Actor of an event noun: its own agent (see :func:`noun_agent`), the from/by phrase of the verb whose
    subject undergoes it, or the light verb's subject."""
    agent, rule = noun_agent(parse, noun)
    if agent is not None:
        return agent, rule
    tok = parse.tokens[noun]
    verb = undergoing_verb(parse, noun)
    if verb is not None:  # "X received backing from Y", "X came under fire from Y": Y does it, X undergoes it
        return (prep_object(parse, noun, AGENT_PREPS) or prep_object(parse, verb, AGENT_PREPS),
                f"from/by phrase of the event '{parse.tokens[verb].text}' takes")
    if tok.dep == "dobj" and parse.tokens[tok.head].lemma.lower() in TOPIC_VERBS:
        return None, f"topic of '{parse.tokens[tok.head].text}'"  # "met to discuss the truce": no truce yet
    # "what it called a massacre": an object predicate (oprd) describes the object, it is no act of the subject
    if tok.dep in ("dobj", "attr") and parse.tokens[tok.head].pos in ("VERB", "AUX"):
        subj, rule = subject_of(parse, tok.head)
        return subj, f"light verb {parse.tokens[tok.head].lemma}: {rule}"
    return None, "no actor"


def _object_near(parse: Parse, match: Match, anchor: int) -> tuple[int | None, str]:
    """An object of the trigger, else of another of the pattern's words ("threatened to break ties with X")."""
    purposes = [c for c in parse.children(anchor) if parse.tokens[c].dep in ("xcomp", "advcl")
                and any(parse.tokens[k].tag == "TO" for k in parse.children(c))]
    dative = _outside(parse, child(parse, anchor, "dative"), match)
    if dative is not None and parse.tokens[dative].pos in ("NOUN", "PROPN"):
        return dative, "indirect object"  # "gave Ukraine $2 billion in aid": the receiver, not the thing given
    # "resign as": the capacity after a pattern's own "as" is an office, no party
    words = [t for t in match.tokens if t != anchor and parse.tokens[t].text.lower() not in CAPACITY_PREPS]
    for i in [anchor, *words, *purposes]:
        found = object_of(parse, i, match.tokens)
        if found is not None and parse.tokens[found].pos not in ("NOUN", "PROPN", "PRON"):
            found = None
        prepositional = _outside(parse, prep_object(parse, i, RECIPIENT_PREPS), match)
        # "deliver blows to Kenya", "sent troops to Mali": a named party after the preposition outranks a thing
        if prepositional is not None and (found is None or not names_party(parse, found)
                                          and names_party(parse, prepositional)):
            return prepositional, "prepositional object" if i == anchor else f"object of '{parse.tokens[i].text}'"
        if found is not None:
            return found, "object" if i == anchor else f"object of '{parse.tokens[i].text}'"
    if ontology.load().policy(match.pattern.type).literal_targets:
        # "arrested 20 journalists" ("arrest journalist"), "clashed with police": the pattern's own object word
        own = [t for t in match.tokens if t != anchor and parse.tokens[t].pos == "NOUN"
               and parse.tokens[t].dep in LITERAL_OBJECT_DEPS]
        if own:
            return max(own), "the pattern's own object word"
    return None, "none"


def names_party(parse: Parse, i: int) -> bool:
    """A phrase head that names a party (a proper name, a party entity, a pronoun standing for one, or a noun
    with a nationality modifier: "the Nigerian army")."""
    tok = parse.tokens[i]
    return tok.pos in ("PROPN", "PRON") or tok.ent_type in PARTY_ENTITY_TYPES or any(
        parse.tokens[c].dep in ("amod", "compound") and parse.tokens[c].ent_type in PARTY_ENTITY_TYPES
        for c in parse.children(i))


def _outside(parse: Parse, i: int | None, match: Match) -> int | None:
    """``i`` unless it is one of the pattern's own words ("took to the streets" has no recipient)."""
    return None if i is None or i in match.tokens else i


def reports_stance(type_: str) -> bool:
    """Patterns of the types that open a frame (``coding.tsv``) report a stance of their subject ("is committed
    to", "is prepared to")."""
    return ontology.load().policy(type_).frame is not None


def build(parse: Parse, match: Match) -> Frame:
    """The frame of one match: anchor, voice, actor and recipient phrase heads."""
    anchor = anchor_of(parse, match)
    nominal = match.pattern.pos == "noun"
    frame = Frame(match=match, anchor=anchor, nominal=nominal)
    if match.pattern.voice == "undergo":
        return _undergoer_frame(parse, frame)
    if nominal and match.pattern.voice == "doer" and match.slot is not None:
        frame.actors, frame.actor_rule = conjuncts(parse, match.slot), "the noun's of-phrase does it"
        undergoer = undergoer_of(parse, anchor)
        if undergoer is not None:  # "X faced criticism from Y": X undergoes it
            frame.recipients, frame.recipient_rule = conjuncts(parse, undergoer), UNDERGOER_RULE
        return frame
    if nominal:
        actor, frame.actor_rule = governing_noun_actor(parse, anchor)
    else:
        frame.passive = is_passive(parse, anchor)
        actor, frame.actor_rule = subject_of(parse, anchor)
        if actor is None and frame.passive and reports_stance(match.pattern.type) and \
                child(parse, anchor, "agent") is None and parse.tokens[anchor].lemma.lower() not in OBJECT_CONTROL:
            actor, frame.actor_rule = child(parse, anchor, "nsubjpass"), "adjectival passive stance"
            frame.passive = False
    if actor is not None:
        frame.actors = conjuncts(parse, actor)
    recipient = match.slot
    frame.recipient_rule = "pattern slot"
    obj = child(parse, anchor, "dobj") if recipient is not None and not names_party(parse, recipient) else None
    if obj is not None and obj not in match.tokens and names_party(parse, obj):
        # "condemned Tokyo for the visit to the shrine"
        recipient, frame.recipient_rule = obj, "named object over a thing in the slot"
    undergoer = undergoer_of(parse, anchor) if nominal else None
    if (recipient is None or recipient == actor) and undergoer is not None:
        # "X faces charges", "X suffered attacks", "X is under investigation": the verb's subject undergoes it
        recipient, frame.recipient_rule = undergoer, UNDERGOER_RULE
    elif recipient is None or recipient == actor:
        if frame.passive:
            recipient, frame.recipient_rule = child(parse, anchor, "nsubjpass"), "passive subject"
            if recipient is None and parse.tokens[anchor].dep in PARTICIPLE_DEPS:
                # "X, backed by Y,"
                recipient, frame.recipient_rule = parse.tokens[anchor].head, "noun the participle modifies"
            if recipient is None and parse.tokens[anchor].dep in INHERIT_DEPS:
                # "she spoke for the first time since being poisoned": the subject it inherits underwent it
                recipient, _ = subject_of(parse, parse.tokens[anchor].head)
                frame.recipient_rule = "subject a passive participle inherits"
        else:
            recipient, frame.recipient_rule = _object_near(parse, match, anchor)
    if recipient is None and nominal and parse.tokens[anchor].dep == "nsubj":  # "the strikes hit a depot"
        verb = parse.tokens[anchor].head
        recipient = child(parse, verb, "dobj") or prep_object(parse, verb, TARGET_PREPS)
        frame.recipient_rule = "object of the event's verb"
    addressee = parse.tokens[anchor].head if parse.tokens[anchor].dep == "acl" and not nominal else None
    if addressee is not None and addressee_of_letter(parse, addressee) is not None and \
            (recipient is None or not names_party(parse, recipient)):
        # "wrote to the minister demanding an explanation": whom the letter goes to is asked
        recipient, frame.recipient_rule = addressee, "addressee of the letter the participle describes"
    if recipient is not None and recipient != actor and parse.tokens[recipient].pos in ("NOUN", "PROPN", "PRON"):
        frame.recipients = conjuncts(parse, recipient)
    else:
        frame.recipient_rule = "none"
    if nominal and frame.actor_rule == "possessive" and not frame.recipients and \
            parse.tokens[anchor].lemma.lower() in PATIENT_NOUNS:
        # "following his arrest", "called for the minister's removal": the possessor underwent it
        frame.recipients, frame.actors = frame.actors, []
        frame.actor_rule, frame.recipient_rule = "no actor", "possessor of a patient noun"
    parties = _between_parties(parse, match, anchor) if not frame.actors else []
    if parties:  # "talks between A and B", "clashes between police and protesters": the first acts on the rest
        frame.actors, frame.recipients = parties[:1], parties[1:]
        frame.actor_rule = frame.recipient_rule = "coordinated parties of a between-phrase"
    return frame


def _between_parties(parse: Parse, match: Match, anchor: int) -> list[int]:
    """The coordinated parties of a between-phrase on the trigger ("a meeting between A and B"), none for a
    mediator's act ("mediation between A and B": the mediator acts, the two only undergo it)."""
    if match.pattern.mode == "mediate":
        return []
    for i in (anchor, *match.tokens):
        obj = _outside(parse, prep_object(parse, i, ("between",)), match)
        if obj is not None:
            found = conjuncts(parse, obj)
            return found if len(found) >= 2 else []
    return []


def _undergoer_frame(parse: Parse, frame: Frame) -> Frame:
    """A pattern whose subject suffers the event: the from/by phrase acts ("X came under fire from Y")."""
    anchor = frame.anchor
    for i in (anchor, *frame.match.tokens):
        agent = child(parse, i, "agent")
        actor = child(parse, agent, "pobj") if agent is not None else prep_object(parse, i, AGENT_PREPS)
        if actor is not None:
            frame.actors, frame.actor_rule = conjuncts(parse, actor), "from/by phrase of an undergone event"
            break
    subject = child(parse, anchor, "nsubj", "nsubjpass")
    if subject is not None:
        frame.recipients, frame.recipient_rule = conjuncts(parse, subject), "subject undergoes the event"
    return frame
