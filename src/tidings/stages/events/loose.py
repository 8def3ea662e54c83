"""Loose candidates: words that head a lexicon pattern whose other words are in the sentence, yet no
strict construction matched. Each becomes a low-confidence candidate with its parties taken from the
plain parse (subject and object); the event scorer decides whether it is an event.

This widens recall where the strict patterns miss ("pressed ahead with a ban on", "hit out at"):
the annotated corpus shows a third of real events sit on such words.
"""
from __future__ import annotations

from tidings.models import Document, Event, SentenceRef, Trigger
from tidings.resources.lexicon import Lexicon
from tidings.stages.events import actorrefs, coder, factuality, frames, timing

#: The rule confidence a loose candidate starts with (the scorer replaces it).
LOOSE_CONFIDENCE = 0.2
EVIDENCE_PREFIX = "loose:"


def _parties(doc: Document, i: int, noun: bool) -> tuple[list, list]:
    parse = doc.parse
    if noun:
        agent, _ = frames.governing_noun_actor(parse, i)  # "Russia's ban", "a ban by the EU", "imposed a ban"
        target = frames.prep_object(parse, i, ("on", "against", "of", "to", "with"))  # "ban on imports from X"
    else:
        agent, _ = frames.subject_of(parse, i)  # the verb's (or its controller's) subject
        target = frames.child(parse, i, "dobj") or frames.prep_object(parse, i, ("against", "on", "to", "with", "at"))
    actors = [a for a in coder.resolve_heads(doc, [agent]) if actorrefs.is_party(doc, a)] if agent is not None else []
    recipients = [r for r in coder.resolve_heads(doc, [target]) if actorrefs.is_party(doc, r)] \
        if target is not None else []
    return actors, recipients


def candidates(doc: Document, lexicon: Lexicon, taken: set[int]) -> list[Event]:
    """One candidate per untaken lexicon head word (its first possible pattern), parties from the parse."""
    parse = doc.parse
    out = []
    for tok in parse.tokens:
        if tok.pos not in ("VERB", "NOUN") or tok.start in taken:
            continue
        heads = lexicon.headed_by(parse.lower_lemmas[tok.i], parse.lower_texts[tok.i])
        possible = heads.possible(set(parse.sentence_words[tok.sent])) if heads else []
        if not possible:
            continue
        pattern = possible[0]
        noun = tok.pos == "NOUN"
        actors, recipients = _parties(doc, tok.i, noun)
        if not actors:
            continue  # no doer: nothing an analyst could code as a dyad
        actor = actors[0] if actors else None
        recipient = next((r for r in recipients if actor is None or not actorrefs.same_actor(actor, r)), None)
        status = factuality.assess(parse, tok.i, nominal=noun).status
        when = timing.event_timing(doc, tok.i, tok.sent, status)
        entry = coder.cameo_entry(pattern.cameo)
        sent = parse.sentences[tok.sent]
        trigger = Trigger(text=tok.text, start=tok.start, end=tok.end)
        out.append(Event(
            id=coder.event_id(doc, tok.sent, trigger, pattern.type, 0), type=pattern.type, mode=pattern.mode,
            context=list(pattern.context), cameo=pattern.cameo, quad_class=entry.quad_class,
            goldstein=entry.goldstein, actor=actor, recipient=recipient,
            sentence=SentenceRef(index=tok.sent, start=sent.start, end=sent.end), trigger=trigger,
            status=status, historical=when.historical, date=when.date, date_precision=when.precision,
            location=coder.event_location(doc, tok.i, tok.sent), confidence=LOOSE_CONFIDENCE,
            evidence=EVIDENCE_PREFIX + pattern.id + timing.DATE_NOTE + when.reason))
    return out
