"""Score event coding against PLOVER gold-standard records (``tidings eval events PATH``).

Gold: JSON lines ``{"id", "text", "events": [{"type", "mode", "context", "actor": [...],
"recipient": [...], "trigger"}]}`` with CAMEO-style actor codes (``country`` ISO3 or null,
``code`` such as ``IGO``/``NGO``/``IMG`` for non-state actors). Sentences carry no date, so
they are coded as published on :data:`PUBLISHED`.

Measures:
* ``type_accuracy``: the most confident predicted event of the sentence has the gold type
  (a sentence with no prediction counts as wrong);
* ``type_recall``: the gold type is among the sentence's predicted types;
* triple precision / recall / F1 over (type, actor, recipient), where a party is its country,
  or its category (``IGO``, ``NGO``, ``IMG``) for international and non-state organisations;
  compound gold actors give one triple each. The gold records annotate one example event per
  sentence and are not exhaustive (other true events in the sentence are unannotated), so the
  headline triples compare the gold event with the sentence's *main* coded event — the most
  confident one, with every actor/recipient pair sharing its trigger.
  ``all_events_triple_precision`` also reports precision over every coded event, for transparency.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection
from pathlib import Path

from tidings.eval.report import Report, Table, prf
from tidings.models import ActorRef, Event, RawArticle

PUBLISHED = "2000-01-01"
NON_STATE = frozenset({"IGO", "NGO", "IMG"})
#: Sectors of armed non-state groups, which CAMEO-style gold codes as IMG when they have no country.
ARMED_SECTORS = frozenset({"REB", "INS", "SEP", "IMG", "UAF"})


def read_gold(path: str | Path, limit: int | None = None) -> list[dict]:
    items = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                items.append(json.loads(line))
            if limit is not None and len(items) >= limit:
                break
    return items


def gold_party(party: dict) -> str | None:
    return party.get("country") or (party.get("code") if party.get("code") in NON_STATE else None)


def predicted_party(ref: ActorRef | None) -> str | None:
    if ref is None:
        return None
    if ref.country:
        return ref.country
    if ref.sector in NON_STATE:
        return ref.sector
    if ref.org:
        return "IMG" if ref.sector in ARMED_SECTORS else "IGO"
    return None


def party_labels(ref: ActorRef | None) -> list[str | None]:
    """How a predicted party may match gold: its own label, then for a non-state group with no country
    its home country (the contract leaves ``country`` null for armed groups; gold often codes their state)."""
    label = predicted_party(ref)
    if ref is None or ref.country or not ref.actor_id:
        return [label]
    from tidings.stages.actors import home_country

    home = home_country(ref.actor_id)
    return [label, home] if home and home != label else [label]


def gold_triples(event: dict) -> set[tuple]:
    actors = [gold_party(a) for a in event.get("actor") or []] or [None]
    recipients = [gold_party(r) for r in event.get("recipient") or []] or [None]
    return {(event["type"], a, r) for a in actors for r in recipients}


def predicted_triples(events: list[Event], gold: Collection[tuple] = frozenset()) -> set[tuple]:
    """(type, actor, recipient) per event; a party with a home country takes that reading when gold has it."""
    out = set()
    for e in events:
        readings = [(e.type, a, r) for a in party_labels(e.actor) for r in party_labels(e.recipient)]
        out.add(next((t for t in readings if t in gold), readings[0]))
    return out


def main_event(events: list[Event]) -> Event | None:
    """The event a one-event gold record is compared with: most confident, then earliest."""
    if not events:
        return None
    return max(events, key=lambda e: (e.confidence, -e.trigger.start))


def main_events(events: list[Event]) -> list[Event]:
    """The main event with its siblings (same trigger and type: one per actor/recipient pair)."""
    main = main_event(events)
    if main is None:
        return []
    return [e for e in events if e.trigger.start == main.trigger.start and e.type == main.type]


def evaluate(path: str | Path, *, limit: int | None = None, pipeline=None) -> Report:
    """Run the pipeline on each gold sentence and score types and (type, actor, recipient) triples."""
    if pipeline is None:
        from tidings.pipeline import default_pipeline

        pipeline = default_pipeline()
    gold = read_gold(path, limit)
    raws = [RawArticle(id=item["id"], text=item["text"], published=PUBLISHED) for item in gold]
    docs = list(pipeline.process_many(raws))
    top_right = type_found = 0
    tp = fp = fn = 0
    all_tp = all_predicted = 0
    per_type: Counter = Counter()
    per_type_found: Counter = Counter()
    confusion: Counter = Counter()
    for item, doc in zip(gold, docs, strict=True):
        events = getattr(doc, "events", []) or []
        gold_types = {e["type"] for e in item["events"]}
        main = main_event(events)
        predicted_types = {e.type for e in events}
        for gold_type in gold_types:
            per_type[gold_type] += 1
            if gold_type in predicted_types:
                per_type_found[gold_type] += 1
        if main is not None and main.type in gold_types:
            top_right += 1
        else:
            confusion[(sorted(gold_types)[0], main.type if main else "(none)")] += 1
        type_found += bool(gold_types & predicted_types)
        want = set().union(*(gold_triples(e) for e in item["events"]))
        got = predicted_triples(main_events(events), want)
        tp += len(want & got)
        fp += len(got - want)
        fn += len(want - got)
        every = predicted_triples(events, want)
        all_tp += len(want & every)
        all_predicted += len(every)
    n = max(1, len(gold))
    p, r, f = prf(tp, fp, fn)
    report = Report(kind="events", path=str(path), scores={
        "type_accuracy": top_right / n, "type_recall": type_found / n,
        "triple_precision": p, "triple_recall": r, "triple_f1": f,
        "all_events_triple_precision": all_tp / all_predicted if all_predicted else 0.0,
    })
    report.tables.append(Table("per-type recall (gold type among predicted types)", ["type", "gold", "found", "recall"],
                               [[t, per_type[t], per_type_found[t], per_type_found[t] / per_type[t]]
                                for t in sorted(per_type)]))
    report.tables.append(Table("confusions (gold type → main predicted type)", ["gold", "predicted", "count"],
                               [[g, pr, c] for (g, pr), c in confusion.most_common()]))
    report.notes.append(f"{len(gold)} sentences, {tp + fp} predicted triples, {tp + fn} gold triples")
    return report
