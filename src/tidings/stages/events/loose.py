"""Loose candidates: words that head a lexicon pattern whose other words are in the sentence, yet no
strict construction matched. Each becomes a low-confidence candidate with its parties taken from the
plain parse (subject and object); the event scorer decides whether it is an event.

This widens recall where the strict patterns miss ("pressed ahead with a ban on", "hit out at"):
the annotated corpus shows a third of real events sit on such words. The same goes for words the
corpus-learned trigger table (:mod:`tidings.learn.triggers`) knows as triggers of a type.

A lexicon word needs a party on one side only: an unnamed doer ("lawyers claimed"), an unresolved pronoun,
or only the one who undergoes a passive verb ("was arrested"). An event noun needs no party at all as its
clause's subject ("the protests will continue"), with a that-clause ("amid claims that ..."), or after a
preposition when the corpus often saw it as an event of the type ("since the attacks"). A word the trigger
table proposes still needs a named or known doer: on other words it is rarely an event.
"""
from __future__ import annotations

from tidings.learn.triggers import TriggerTable
from tidings.models import ActorRef, Document, Event, Parse, SentenceRef, Token, Trigger
from tidings.resources import quotes as quote_cues
from tidings.resources.lexicon import Lexicon
from tidings.stages.events import actorrefs, coder, factuality, frames, speech, timing

#: The rule confidence a loose candidate starts with (the scorer replaces it).
LOOSE_CONFIDENCE = 0.2
EVIDENCE_PREFIX = "loose:"
#: Evidence prefix of a candidate the corpus-learned trigger table proposed.
LEARNED_PREFIX = "learned:"
#: A candidate a word may start: (type, CAMEO code, mode, contexts, evidence).
Proposal = tuple[str, str, str | None, tuple[str, ...], str]
#: Prepositions whose object is the target of a verb with no direct object ("hit out at", "cracked down on").
VERB_TARGET_PREPS = ("against", "on", "to", "with", "at")
#: Pronouns that name a person or group as a doer even when coreference finds no antecedent.
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
#: How often the train split must have annotated a noun as an event of a type for it to be a candidate of that
#: type with no party named wherever it stands.
FREQUENT_EVENT_NOUN = 5
#: Where an event noun with no party named is still a candidate: as what its clause is about ("the protests will
#: continue", "a bomb went off", "no arrests have been made", "there were threats"); elsewhere it is mostly a topic.
EVENT_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "attr"})


def is_target(doc: Document, ref: ActorRef) -> bool:
    """A phrase that may be acted on: named or known, or headed by a noun of people ("three men", "the minister")."""
    return actorrefs.is_party(doc, ref) or actorrefs.names_people(doc, ref)


def passive_patient(parse: Parse, i: int) -> int | None:
    """Who undergoes a passive verb: its passive subject ("X was charged"), or the noun a bare participle
    modifies ("a man charged with murder")."""
    subject = frames.child(parse, i, "nsubjpass")
    if subject is not None:
        return subject
    tok = parse.tokens[i]
    if tok.dep == "acl" and parse.tokens[tok.head].pos in ("NOUN", "PROPN"):
        return tok.head
    if tok.dep == "conj" and parse.tokens[tok.head].pos in ("VERB", "AUX"):  # "was arrested and released"
        return frames.child(parse, tok.head, "nsubjpass", "nsubj")
    prep = parse.tokens[tok.head]
    if tok.dep == "pcomp" and prep.dep == "prep" and parse.tokens[prep.head].pos in ("VERB", "AUX"):
        return frames.child(parse, prep.head, "nsubjpass", "nsubj")  # "is in court after being arrested"
    return None


def _says_that(parse: Parse, i: int) -> bool:
    """A noun with a full clause as its content ("claims that X lied", "criticism that he stayed away")."""
    return any(parse.tokens[c].dep in ("acl", "ccomp") and frames.child(parse, c, "nsubj", "nsubjpass") is not None
               for c in parse.children(i))


def _parties(doc: Document, i: int, noun: bool) -> tuple[list[ActorRef], list[ActorRef]]:
    parse = actorrefs.parse_of(doc)
    if noun:
        agent, _ = frames.governing_noun_actor(parse, i)  # "Russia's ban", "a ban by the EU", "imposed a ban"
        target = frames.prep_object(parse, i, ("on", "against", "of", "to", "with"))  # "ban on imports from X"
        if target is None:  # "X faces charges", "X came under attack": the subject of the verb undergoes it
            target = frames.undergoer_of(parse, i)
    else:
        agent, _ = frames.subject_of(parse, i)  # the verb's (or its controller's) subject
        # "was arrested", "a man charged with murder": who underwent a passive verb, before its other objects
        target = passive_patient(parse, i) if frames.is_passive(parse, i) else None
        if target is None:
            target = frames.child(parse, i, "dobj") or frames.prep_object(parse, i, VERB_TARGET_PREPS)
    # "lawyers claimed", "the watchdog says": any doer phrase not headed by an event noun, as the strict coder takes it
    actors = [a for a in coder.resolve_heads(doc, [agent]) if coder.is_doer(doc, a)] if agent is not None else []
    if not actors and agent is not None and parse.lower_texts[agent] in PERSONAL_PRONOUNS:
        tok = parse.tokens[agent]  # "he criticised ...": a pronoun coreference left unresolved still names a doer
        actors = [ActorRef(text=tok.text, start=tok.start, end=tok.end)]
    # "called for a second inquiry into X": an event or thing as the target is no party
    recipients = [r for r in coder.resolve_heads(doc, [target]) if is_target(doc, r)] \
        if target is not None and not coder.thing_head(parse, target) else []
    return actors, recipients


def _proposals(doc: Document, tok: Token, lexicon: Lexicon, taken: set[tuple[int, str]], taken_starts: set[int],
               triggers: TriggerTable | None, words: dict[int, set[str]]) -> list[Proposal]:
    """(type, code, mode, context, evidence) of each candidate ``tok`` may start: its first possible lexicon
    pattern when no strict event sits on it, and each type the trigger table knows for its lemma that no
    strict event on it has."""
    parse = actorrefs.parse_of(doc)
    out = []
    if tok.start not in taken_starts:
        heads = lexicon.headed_by(parse.lower_lemmas[tok.i], parse.lower_texts[tok.i])
        if heads:
            if tok.sent not in words:  # ``words`` holds each sentence's words, made once
                words[tok.sent] = set(parse.sentence_words[tok.sent])
            possible = heads.possible(words[tok.sent])
            if possible:
                p = possible[0]
                out.append((p.type, p.cameo, p.mode, tuple(p.context), EVIDENCE_PREFIX + p.id))
    if triggers is not None:
        lemma = parse.lower_lemmas[tok.i]
        for type_, code in triggers.proposals(lemma):
            if (tok.start, type_) not in taken and all(type_ != o[0] for o in out):
                entry = coder.cameo_entry(code)
                out.append((type_, code, entry.plover_mode, tuple(entry.plover_context),
                            f"{LEARNED_PREFIX}{lemma}/{type_}"))
    return out


def candidates(doc: Document, lexicon: Lexicon, taken: set[tuple[int, str]], *,
               triggers: TriggerTable | None = None) -> list[Event]:
    """Candidates on verbs and nouns with a party as doer: a lexicon head word no strict pattern matched, and
    the types the trigger table knows for the word's lemma. ``taken`` holds (trigger start, type) of the
    strict events; parties come from the plain parse."""
    parse = actorrefs.parse_of(doc)
    out = []
    taken_starts = {start for start, _ in taken}
    speech_verbs = quote_cues.load().speech
    words: dict[int, set[str]] = {}
    for tok in parse.tokens:
        if tok.pos not in ("VERB", "NOUN"):
            continue
        proposals = _proposals(doc, tok, lexicon, taken, taken_starts, triggers, words)
        if not proposals:
            continue
        noun = tok.pos == "NOUN"
        actors, recipients = _parties(doc, tok.i, noun)
        says_that = noun and _says_that(parse, tok.i)  # "amid claims that X lied": the claim is the event
        if not actors and not recipients and not (noun and tok.dep in EVENT_SUBJECT_DEPS or says_that):
            # "since the 9/11 attacks", "the focus of the investigation": a noun in a prepositional phrase that the
            # corpus often saw as an event of the type (as a compound or an object it rarely is one)
            lemma = parse.lower_lemmas[tok.i]
            proposals = [p for p in proposals if noun and tok.dep == "pobj" and triggers is not None
                         and not p[4].startswith(LEARNED_PREFIX) and triggers.count(lemma, p[0]) >= FREQUENT_EVENT_NOUN]
            if not proposals:
                continue  # no party on either side: nothing an analyst could code
        actor = actors[0] if actors else None
        # an unnamed doer ("the watchdog") or none ("was charged"): lexicon words only, not learned ones
        if (actor is None or not actorrefs.is_party(doc, actor)) and not says_that:
            proposals = [p for p in proposals if not p[4].startswith(LEARNED_PREFIX)]
            if not proposals:
                continue
        recipient = next((r for r in recipients if actor is None or not actorrefs.same_actor(actor, r)), None)
        # "said the minister had lied": whom the words are about
        if recipient is None and actor is not None and parse.lower_lemmas[tok.i] in speech_verbs:
            recipient = speech.content_party(doc, speech.content_of(doc, tok.i), actor)
        status = factuality.assess(parse, tok.i, nominal=noun).status
        when = timing.event_timing(doc, tok.i, tok.sent, status)
        sent = parse.sentences[tok.sent]
        trigger = Trigger(text=tok.text, start=tok.start, end=tok.end)
        location = coder.event_location(doc, tok.i, tok.sent)
        for type_, code, mode, context, evidence in proposals:
            entry = coder.cameo_entry(code)
            out.append(Event(
                id=coder.event_id(doc, tok.sent, trigger, type_, 0), type=type_, mode=mode, context=list(context),
                cameo=code, quad_class=entry.quad_class, goldstein=entry.goldstein, actor=actor,
                recipient=recipient, sentence=SentenceRef(index=tok.sent, start=sent.start, end=sent.end),
                trigger=trigger, status=status, historical=when.historical, date=when.date,
                date_precision=when.precision, location=location, confidence=LOOSE_CONFIDENCE,
                evidence=evidence + timing.DATE_NOTE + when.reason))
    return out
