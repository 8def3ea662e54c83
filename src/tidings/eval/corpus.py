"""Score event coding on the project's annotated real-news corpus (``corpus/``): ``tidings eval corpus SPLIT``.

Every emitted event is judged against the annotation of its article: a real event of the right type
(an annotated event at its trigger with its type), fully right (and its actor, recipient and status),
or false, with the annotated reason (other sense, not political, generic, ...). Recall is over all
annotated events of the split. The texts are read from ``../shared``.

The arguments table's date row counts two kinds of emitted events of the right type (:func:`date_right`):

* events whose annotation gives a date the article can place on the calendar (an ISO date as written, or
  words such as "Monday" or "last week" read against the publication day with the event's status as
  tense); the event is right when its date lies within the annotated one ("2003-03-10" within "2003");
* events with a date whose sentence names no time expression of that value: always wrong, since the
  date came from outside the event's own clause (the publication day, another sentence).

A dated event whose annotation gives no date is not otherwise counted: annotators never saw the
proposed dates and an ``ok`` label carries none, so a missing annotated date does not say the event
has none. Annotated dates an undated article cannot place ("Monday" in a BBC story) are not counted.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np

from tidings.corpus import annotations as corpus_annotations  # a plain `annotations` is the __future__ feature
from tidings.corpus import candidates
from tidings.corpus.annotations import GoldEvent
from tidings.eval.report import Report, Table, prf
from tidings.learn import linear
from tidings.learn.topic import OFF_TOPIC
from tidings.models import Document, Event
from tidings.stages import dates
from tidings.stages.dates import calendar
from tidings.stages.events import timing

CURVE = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
#: Score names of the shares of emitted right-type events whose arguments are right (the arguments issue's measures).
ARGUMENT_SCORES = ("actor_right", "recipient_right", "status_right", "historical_right", "fully_right_among_right_type")


def _emitted(cdocs, threshold: float):
    return [(c, j) for c in cdocs for j in c.judged if j.event.confidence >= threshold]


def _recall(cdocs, threshold: float) -> tuple[int, int]:
    """(annotated events found with their type by an emitted event, annotated events)."""
    found = total = 0
    for c in cdocs:
        hits = {id(j.gold) for j in c.judged if j.gold is not None and j.event.confidence >= threshold}
        found += sum(id(g) in hits for g in c.annotation.events)
        total += len(c.annotation.events)
    return found, total


def _error(c, j) -> str:
    if j.reason:
        return j.reason
    at_trigger = [g for g in c.annotation.events if g.trigger[0] < j.event.trigger.end and
                  j.event.trigger.start < g.trigger[1]]
    return "wrong type" if at_trigger else "not annotated (no event there)"


def annotated_date_value(written: str, published: str | None, status: str) -> str | None:
    """An annotated date as a calendar TimeML value: ISO as written, else its words read against the
    publication day (None when the article cannot place it)."""
    if timing.period_start(written) is not None:
        return written
    anchor = calendar.parse_anchor(published)
    tense = "future" if status == "future" else "past"
    values = [m.value for m in dates.find(written, anchor=anchor, tense=tense) if m.value and m.value[:4].isdigit()]
    return values[0] if values else None


def _within(value: str, period: str) -> bool:
    """The TimeML value lies within the period ("2003-03-10" within "2003", "2010-SU" within "2010")."""
    start, end = timing.period_start(value), timing.period_end(value)
    first, last = timing.period_start(period), timing.period_end(period)
    if start and end and first and last:
        return first <= start and end <= last
    return value.startswith(period)


def date_right(doc: Document, event: Event, gold: GoldEvent) -> bool | None:
    """Whether an event's date is right (None when the date row does not count the event; see the module)."""
    if gold.date is not None:
        value = annotated_date_value(gold.date, doc.article.published, gold.status)
        if value is not None:
            return event.date is not None and _within(event.date, value)
    if event.date is None:
        return None
    sentence = event.sentence
    named = {m.value[:len(event.date)] for m in doc.dates if m.value and sentence.start <= m.start < sentence.end}
    return event.date in named


def score(cdocs: list[candidates.CorpusDoc], threshold: float, path: str) -> Report:
    """The report for already-run corpus documents at an emission threshold."""
    report = Report(kind="corpus", path=path)
    emitted = _emitted(cdocs, threshold)
    right = sum(j.right_type for _, j in emitted)
    full = sum(j.full for _, j in emitted)
    found, total = _recall(cdocs, threshold)
    p, r, f = prf(right, len(emitted) - right, total - found)
    off = [c for c in cdocs if c.annotation.doc_id.startswith("bbc/") and _topic_label(c) in OFF_TOPIC]
    off_events = sum(1 for c in off for j in c.judged if j.event.confidence >= threshold)
    off_words = sum(c.words for c in off)
    every = [j for c in cdocs for j in c.judged]
    conf = np.array([j.event.confidence for j in every])
    label = np.array([float(j.right_type) for j in every])
    report.scores = {
        "precision_right_type": p, "precision_fully_right": full / len(emitted) if emitted else 0.0,
        "recall_right_type": r, "f1_right_type": f,
        "off_topic_events_per_1000_words": 1000 * off_events / off_words if off_words else 0.0,
        "expected_calibration_error": linear.expected_calibration_error(conf, label) if len(every) else 0.0,
    }
    rows = []
    for t in CURVE:
        e = _emitted(cdocs, t)
        rt = sum(j.right_type for _, j in e)
        fd, tot = _recall(cdocs, t)
        rows.append([t, len(e), rt / len(e) if e else 0.0, sum(j.full for _, j in e) / len(e) if e else 0.0,
                     fd / tot if tot else 0.0])
    report.tables.append(Table("by confidence threshold", ["min confidence", "emitted", "precision (type)",
                                                           "precision (full)", "recall (type)"], rows))
    types = sorted({j.event.type for _, j in emitted} | {g.type for c in cdocs for g in c.annotation.events})
    per_type = []
    for etype in types:
        e = [j for _, j in emitted if j.event.type == etype]
        gold = [g for c in cdocs for g in c.annotation.events if g.type == etype]
        hits = {id(j.gold) for c in cdocs for j in c.judged if j.gold is not None and j.event.confidence >= threshold}
        got = sum(id(g) in hits for g in gold)
        per_type.append([etype, len(e), sum(j.right_type for j in e) / len(e) if e else 0.0, len(gold),
                         got / len(gold) if gold else 0.0])
    report.tables.append(Table(f"per type at min confidence {threshold}", ["type", "emitted", "precision",
                                                                            "annotated", "recall"], per_type))
    errors = Counter(_error(c, j) for c, j in emitted if not j.right_type)
    report.tables.append(Table("false events emitted, by annotated reason", ["reason", "count"],
                               [[k, v] for k, v in errors.most_common()]))
    args = [j for _, j in emitted if j.right_type]
    text_of = {id(j): c.doc.article.text for c, j in emitted}
    if args:
        rows = [["actor", sum(candidates.same_party(text_of[id(j)], j.event.actor, j.gold.actor) for j in args)],
                ["recipient", sum(candidates.same_party(text_of[id(j)], j.event.recipient, j.gold.recipient)
                                  for j in args)],
                ["status", sum(j.event.status == j.gold.status for j in args)],
                ["historical flag", sum(j.event.historical == j.gold.historical for j in args)],
                ["all of actor, recipient and status (fully right)", sum(j.full for j in args)]]
        rows = [[name, n, n / len(args)] for name, n in rows]
        for key, row in zip(ARGUMENT_SCORES, rows, strict=True):
            report.scores[key] = row[2]
        dated = [right for c, j in emitted
                 if j.right_type and (right := date_right(c.doc, j.event, j.gold)) is not None]
        rows.append([f"date ({len(dated)} with an annotated calendar date or a date from outside their sentence)",
                     sum(dated), sum(dated) / len(dated) if dated else 0.0])
        report.scores["date_right"] = rows[-1][2]
        report.tables.append(Table("arguments of emitted events of the right type", ["argument", "right", "share"],
                                   rows))
    report.notes.append(f"{len(cdocs)} articles, {len(every)} candidates, {len(emitted)} emitted at min "
                        f"confidence {threshold}, {total} annotated events; off-topic BBC articles: {len(off)} "
                        f"({off_words} words, {off_events} events)")
    return report


def _topic_label(cdoc) -> str | None:
    from tidings.corpus import sources

    return sources.load(cdoc.annotation.doc_id).topic


def evaluate(path: str | Path = "test", *, limit: int | None = None, pipeline=None,
             threshold: float | None = None) -> Report:
    """Run the pipeline on one split (``train``, ``dev`` or ``test``; or a folder of annotations and a split as
    ``FOLDER:SPLIT``) and score its events at the scorer's default threshold."""
    from tidings.learn import scorer

    folder, _, split = str(path).rpartition(":") if ":" in str(path) else ("", "", str(path))
    if split not in corpus_annotations.SPLITS:
        raise ValueError(f"split must be one of {', '.join(corpus_annotations.SPLITS)} (got {split!r})")
    annotated = corpus_annotations.load(Path(folder)) if folder else corpus_annotations.load()
    docs = [d for d in annotated if d.split == split]
    if not docs:
        raise ValueError(f"no annotated articles in split {split!r}")
    cdocs = list(candidates.run(docs[:limit] if limit else docs, pipeline=pipeline))
    model = scorer.load()
    if threshold is None:
        threshold = model.threshold if model is not None else 0.0
    return score(cdocs, threshold, f"corpus:{split}")
