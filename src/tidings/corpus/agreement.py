"""Inter-annotator agreement on the doubly annotated articles: kappa on candidates, F1 on events.

``python -m tidings.corpus.agreement`` compares ``corpus/annotations/second`` with the primary
annotations of the same articles.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from typing import TypeVar

from tidings.corpus.annotations import AnnotatedDoc, load

#: What two annotators give an item: a type name, or whether it is an event at all.
Label = TypeVar("Label", bound=Hashable)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def candidate_labels(doc: AnnotatedDoc) -> dict[tuple[int, int], str]:
    """Per judged candidate trigger: its PLOVER type, or "none" when judged not an event."""
    labels = {n.trigger: "none" for n in doc.non_events}
    labels.update({e.trigger: e.type for e in doc.events if e.origin != "added"})
    return labels


def kappa(pairs: Sequence[tuple[Label, Label]]) -> float:
    """Cohen's kappa of two annotators' labels on the same items."""
    n = len(pairs)
    if not n:
        return 0.0
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def event_f1(a: AnnotatedDoc, b: AnnotatedDoc) -> tuple[int, int, int]:
    """(matched, events of a, events of b): events match on overlapping trigger and the same type."""
    used: set[int] = set()
    matched = 0
    for e in a.events:
        k = next((k for k, f in enumerate(b.events) if k not in used and f.type == e.type
                  and _overlap(f.trigger, e.trigger)), None)
        if k is not None:
            used.add(k)
            matched += 1
    return matched, len(a.events), len(b.events)


def compare(primary: tuple[AnnotatedDoc, ...], second: tuple[AnnotatedDoc, ...]) -> dict[str, float]:
    by_id = {d.doc_id: d for d in primary}
    typed, binary = [], []
    matched = total_a = total_b = 0
    docs = 0
    for doc in second:
        first = by_id.get(doc.doc_id)
        if first is None:
            continue
        docs += 1
        la, lb = candidate_labels(first), candidate_labels(doc)
        for trigger in la.keys() & lb.keys():
            typed.append((la[trigger], lb[trigger]))
            binary.append((la[trigger] != "none", lb[trigger] != "none"))
        m, a, b = event_f1(first, doc)
        matched, total_a, total_b = matched + m, total_a + a, total_b + b
    precision = matched / total_b if total_b else 0.0
    recall = matched / total_a if total_a else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"articles": docs, "candidates": len(typed), "kappa_event_or_not": round(kappa(binary), 3),
            "kappa_type": round(kappa(typed), 3), "event_f1": round(f1, 3), "events_primary": total_a,
            "events_second": total_b}


if __name__ == "__main__":
    print(compare(load(), load(annotator="second")))
