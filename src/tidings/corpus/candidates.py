"""Run the pipeline over annotated articles and label its candidate events against the annotations."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from tidings.corpus import sources
from tidings.corpus.annotations import AnnotatedDoc, GoldEvent
from tidings.learn.triggers import TriggerTable
from tidings.models import ActorRef, Article, Document, Event


@dataclass
class Judged:
    """A candidate event with what the annotation says of it."""

    event: Event
    gold: GoldEvent | None  # the annotated event at its trigger with its type, if any
    reason: str | None      # the annotated reason it is no event, if judged so
    full: bool = False      # type, actor, recipient and status all right

    @property
    def right_type(self) -> bool:
        return self.gold is not None


@dataclass
class CorpusDoc:
    annotation: AnnotatedDoc
    doc: Document
    judged: list[Judged] = field(default_factory=list)
    words: int = 0


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def same_party(text: str, predicted: ActorRef | None, gold: tuple[int, int] | None) -> bool:
    """A predicted party names the annotated one: overlapping spans, or the same last word (a surname,
    "police") when the two mentions sit in different places."""
    if predicted is None or gold is None:
        return predicted is None and gold is None
    if predicted.start is not None and predicted.end is not None and \
            _overlap((predicted.start, predicted.end), gold):
        return True
    gold_words = text[gold[0]:gold[1]].lower().replace("'s", "").split()
    words = predicted.text.lower().replace("'s", "").split()
    return bool(gold_words and words) and (gold_words[-1] in words or words[-1] in gold_words)


def judge(annotation: AnnotatedDoc, doc: Document) -> list[Judged]:
    """Label every event of ``doc`` with the annotation at its trigger."""
    out = []
    text = doc.article.text
    for event in doc.events:
        span = (event.trigger.start, event.trigger.end)
        gold = next((g for g in annotation.events if _overlap(g.trigger, span) and g.type == event.type), None)
        reason = next((n.reason for n in annotation.non_events if _overlap(n.trigger, span)), None)
        full = gold is not None and gold.status == event.status and \
            same_party(text, event.actor, gold.actor) and same_party(text, event.recipient, gold.recipient)
        out.append(Judged(event, gold, reason, full))
    return out


def parse(annotations: list[AnnotatedDoc], *, gate: bool = True,
          pipeline=None) -> Iterator[tuple[AnnotatedDoc, Document]]:
    """Each annotated article's source text (as it is: offsets stay the source's), topic-gated and parsed
    (``gate=False`` parses off-topic articles too)."""
    from tidings.pipeline import default_pipeline
    from tidings.stages import nlp, topic

    pipeline = pipeline or default_pipeline()
    texts = [sources.load(a.doc_id) for a in annotations]
    docs = [topic.run(Document(Article(id=t.doc_id, text=t.text, published=t.published, language="en")), gate=gate)
            for t in texts]
    parsed = iter(nlp.run_many([d for d in docs if not d.article.off_topic], nlp=pipeline.nlp))
    for annotation, doc in zip(annotations, docs, strict=True):
        yield annotation, doc if doc.article.off_topic else next(parsed)


def code(parsed: Iterable[tuple[AnnotatedDoc, Document]], *, score: bool = True, pipeline=None,
         triggers: Callable[[AnnotatedDoc, Document], TriggerTable | None] | None = None) -> Iterator[CorpusDoc]:
    """Run the annotation stages on parsed articles and judge their events; ``triggers`` gives the trigger
    table for an article (default: the committed one), e.g. one that leaves the article's own events out."""
    from tidings.pipeline import default_pipeline
    from tidings.stages import events

    pipeline = pipeline or default_pipeline()
    for annotation, doc in parsed:
        if doc.parse is not None:
            table = triggers(annotation, doc) if triggers is not None else None
            for name, stage in pipeline.annotators:
                doc = events.run(doc, score=score, loose=True, triggers=table) if name == "events" else stage(doc)
        yield CorpusDoc(annotation, doc, judge(annotation, doc), len(doc.article.text.split()))


def run(annotations: list[AnnotatedDoc], *, score: bool = True, gate: bool = True,
        pipeline=None) -> Iterator[CorpusDoc]:
    """The pipeline's output on each annotated article, judged. ``score=False`` keeps the rules' own
    confidences (the scorer's training input); ``gate=False`` codes off-topic articles too."""
    return code(parse(annotations, gate=gate, pipeline=pipeline), score=score, pipeline=pipeline)
