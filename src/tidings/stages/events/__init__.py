"""Event coding stage: PLOVER/CAMEO events from the parse, the lexicon and the actor layer.

``run(doc)`` fills ``doc.events`` (DESIGN §2). Options are keyword-only:
``lexicon`` (a ready :class:`~tidings.resources.lexicon.Lexicon`) or ``lexicon_files`` (user
pattern files added over the built-in lexicon; ``$TIDINGS_LEXICON`` is always read), and ``score``:
when true (the default) every event's ``confidence`` is the learned event scorer's calibrated
probability that it is a real event of its type (``tidings.learn.scorer``); when false, the rules'
own confidence stands. ``loose`` adds low-confidence candidates on lexicon words no strict pattern
matched or the corpus-learned trigger table knows (``triggers``, by default the committed
:mod:`~tidings.learn.triggers` table; :mod:`~tidings.stages.events.loose`) and on criticism, praise and
demands in reported speech (:mod:`~tidings.stages.events.speech`); by default only when the scorer is
there to judge them, and each is kept only when the scorer's confidence reaches its threshold.
"""
from __future__ import annotations

import os
from collections.abc import Iterable

from tidings.learn import scorer as event_scorer
from tidings.learn import triggers as trigger_table
from tidings.learn.triggers import TriggerTable
from tidings.models import Document, Event
from tidings.resources import lexicon as lexicon_data
from tidings.resources.lexicon import Lexicon
from tidings.stages.events import loose as loose_candidates
from tidings.stages.events import speech as speech_candidates
from tidings.stages.events.coder import code_sentence, event_party, to_events

__all__ = ["run"]


def _distinct(events: list[Event]) -> list[Event]:
    """One event per (type, actor, recipient) in a sentence; drop a recipient-less twin of a fuller one."""
    with_recipient = {(e.type, event_party(e.actor)) for e in events if e.recipient is not None}
    seen: set[tuple] = set()
    out = []
    for event in events:
        key = (event.type, event_party(event.actor), event_party(event.recipient))
        if key in seen or (event.recipient is None and key[:2] in with_recipient):
            continue
        seen.add(key)
        out.append(event)
    return out


def _fold_outcomes(events: list[Event]) -> list[Event]:
    """An event whose actor phrase holds another event of its type is that event's outcome, not a second
    event ("the bombing killed 258 people": one attack, whose victims the verb names)."""
    out = []
    for event in events:
        cause = next((e for e in events if e is not event and e.type == event.type and event.actor is not None
                      and event.actor.start is not None and event.actor.end is not None
                      and event.actor.start <= e.trigger.start < event.actor.end), None)
        if cause is None:
            out.append(event)
            continue
        if cause.recipient is None:
            cause.recipient = event.recipient
        if cause.actor is None and event.actor is not None and (event.actor.actor_id or event.actor.country):
            cause.actor = event.actor  # "US drone strikes killed ...": the phrase's named party did it
    return out


def _one_type_per_trigger(events: list[Event]) -> list[Event]:
    """Where candidates of several types share a trigger word, the type the scorer trusts most (a word
    says one thing; its parties may make several events of that type)."""
    best: dict[int, Event] = {}
    for event in events:
        if event.trigger.start not in best or event.confidence > best[event.trigger.start].confidence:
            best[event.trigger.start] = event
    return [e for e in events if e.type == best[e.trigger.start].type]


def run(doc: Document, *, lexicon: Lexicon | None = None,
        lexicon_files: Iterable[str | os.PathLike] | None = None, score: bool = True,
        loose: bool | None = None, triggers: TriggerTable | None = None) -> Document:
    """Add the events layer to ``doc`` (needs ``doc.parse``; uses mentions, places and dates when present)."""
    if doc.parse is None:
        return doc
    lexicon = lexicon or lexicon_data.load(lexicon_files)
    events = []
    for sentence in doc.parse.sentences:
        coded = [e for item in code_sentence(doc, sentence.index, lexicon) for e in to_events(doc, item)]
        events.extend(_distinct(_fold_outcomes(coded)))
    model = event_scorer.load() if score else None
    if loose or (loose is None and model is not None):
        events.extend(speech_candidates.candidates(doc, {e.trigger.start for e in events}))
        taken = {(e.trigger.start, e.type) for e in events}
        events.extend(loose_candidates.candidates(doc, lexicon, taken, triggers=triggers or trigger_table.load()))
    if model is not None:
        probabilities = model.probabilities(doc, events, event_scorer.rule_ranks(events))  # one per event
        for event, probability in zip(events, probabilities, strict=True):
            event.confidence = round(float(probability), 3)
        # a widened candidate exists only when the scorer vouches for it; strict ones stay, however unsure
        events = _one_type_per_trigger([e for e in events if e.confidence >= model.threshold
                                        or not e.evidence.startswith(event_scorer.WIDENED)])
    doc.events = events
    return doc

