"""Orders the stages, batches the NLP pass, applies the error policy and records timings.

Timings (``Document.timings``, seconds per stage) are CPU time of the working thread, so they
measure the pipeline's own work even when other programs share the machine.

Options come from a :class:`~tidings.config.Config` (``Pipeline(config=...)``; default: the environment's,
see :mod:`tidings.config`); ``batch_size`` and ``topic_gate`` given to ``Pipeline`` override it.
"""
from __future__ import annotations

import gc
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from tidings.config import Config
from tidings.config import load as load_config
from tidings.models import Document, Failure, RawArticle
from tidings.pipeline import configured
from tidings.stages import actors, amounts, clean, dates, events, nlp, places, quotes, tone, topic
from tidings.stages.actors.mentions import city_country

StageFn = Callable[[Document], Document]
_clock = time.thread_time

#: The annotation stages that run after the NLP pass, in order.
ANNOTATORS: tuple[tuple[str, StageFn], ...] = (
    ("actors", actors.run),
    ("places", places.run),
    ("dates", dates.run),
    ("quotes", quotes.run),
    ("events", events.run),
    ("amounts", amounts.run),
    ("tone", tone.run),
)


def annotators_until(last: str) -> tuple[tuple[str, StageFn], ...]:
    """The annotation stages up to and including ``last`` (e.g. ``"actors"``)."""
    names = [name for name, _ in ANNOTATORS]
    return ANNOTATORS[: names.index(last) + 1]


@dataclass
class Pipeline:
    """Turns RawArticles into Documents. The spaCy model is loaded once per Pipeline.

    The stages of ``annotators`` that are tidings's own (``ANNOTATORS`` and subsets) run with ``config``'s
    options; ``batch_size`` and ``topic_gate`` (skip the parse and event coding of articles the topic model
    finds confidently off-topic), when given, override ``config``'s."""

    annotators: tuple[tuple[str, StageFn], ...] = ANNOTATORS
    batch_size: int | None = None
    topic_gate: bool | None = None
    spacy_model: object | None = field(default=None, repr=False)
    config: Config = field(default_factory=load_config)

    def __post_init__(self) -> None:
        given: dict[str, dict[str, Any]] = {"pipeline": {"batch_size": self.batch_size},
                                            "topic": {"gate": self.topic_gate}}
        self.config = self.config.replace(**{s: {k: v for k, v in o.items() if v is not None}
                                             for s, o in given.items()})
        self.batch_size, self.topic_gate = self.config.pipeline.batch_size, self.config.topic.gate
        bound = configured.annotators(self.config)
        self.annotators = tuple((name, bound[name] if (name, stage) in ANNOTATORS else stage)
                                for name, stage in self.annotators)

    @property
    def nlp(self):
        if self.spacy_model is None:
            self.spacy_model = nlp.load_model()
        return self.spacy_model

    def warm_up(self) -> None:
        """Load now what the stages load lazily (spaCy model, actor KB and index, gazetteer, lexicons, the
        language identifier, dateparser's locales), so the first real articles do not pay for it."""
        clean.warm_up()
        city_country(WARM_UP_CITY)
        self.process(WARM_UP_ARTICLE)

    def annotate(self, doc: Document) -> Document:
        """Run every annotation stage on an already parsed Document."""
        for name, stage in self.annotators:
            started = _clock()
            doc = stage(doc)
            doc.timings[name] = _clock() - started
        _freeze_loaded_resources()
        return doc

    def process(self, raw: RawArticle) -> Document:
        """Clean, parse and annotate one article (raises on bad input)."""
        return _only(self.process_many([raw], raise_errors=True))

    def process_many(
        self, raws: Iterable[RawArticle], *, raise_errors: bool = False
    ) -> Iterator[Document | Failure]:
        """Yield a Document or a Failure per input, in input order."""
        batch: list[RawArticle] = []
        for raw in raws:
            batch.append(raw)
            if len(batch) >= self.config.pipeline.batch_size:
                yield from self._process_batch(batch, raise_errors)
                batch = []
        if batch:
            yield from self._process_batch(batch, raise_errors)

    def _process_batch(self, raws: list[RawArticle], raise_errors: bool) -> Iterator[Document | Failure]:
        cleaned: list[Document | Failure] = []
        for raw in raws:
            try:
                started = _clock()
                doc = clean.run(raw)
                doc.timings["clean"] = _clock() - started
                if len(doc.article.text) > nlp.MAX_CHARS:  # never parse (and annotate) only a part of it
                    raise clean.BadInput(f"too large: {len(doc.article.text)} characters of clean text"
                                         f" (limit {nlp.MAX_CHARS})")
                started = _clock()
                doc = topic.run(doc, gate=self.config.topic.gate)
                doc.timings["topic"] = _clock() - started
                cleaned.append(doc)
            except clean.BadInput as exc:
                if raise_errors:
                    raise
                cleaned.append(Failure(id=raw.id, reason=str(exc), origin=raw.origin))
        to_parse = [d for d in cleaned if isinstance(d, Document) and d.article.language == "en"
                    and not d.article.off_topic]
        started = _clock()
        parsed = list(nlp.run_many(to_parse, nlp=self.nlp, batch_size=self.config.pipeline.batch_size))
        per_doc = (_clock() - started) / max(1, len(parsed))
        for doc in parsed:
            doc.timings["nlp"] = per_doc
        for item in cleaned:
            if isinstance(item, Failure) or item.parse is None:
                yield item
                continue
            try:
                yield self.annotate(item)
            except Exception as exc:  # one bad article never stops a batch
                if raise_errors:
                    raise
                yield Failure(
                    id=item.article.id,
                    reason=f"pipeline error: {type(exc).__name__}: {exc}",
                    detail=traceback.format_exc(limit=5),
                )


#: A short article of our own whose annotation reaches every lazily loaded resource.
WARM_UP_ARTICLE = RawArticle(
    id="tidings-warm-up",
    html="<html><head><title>Ministers meet in Vienna over grain exports</title></head><body><article>"
         "<p>VIENNA, March 3 (Wire) - Foreign ministers of Turkey and Ukraine met in Vienna on Tuesday and agreed "
         "to resume grain shipments, Turkish Foreign Minister Mevlut Cavusoglu told reporters.</p>"
         "<p>\u201cWe will not allow the talks to fail,\u201d he said, adding that the United Nations would "
         "monitor the deal worth $2 billion. Police in Kharkiv arrested 12 protesters last week, the Interior "
         "Ministry said in a statement.</p></article></body></html>",
    url="https://example.org/world/warm-up",
    published="Thursday, March 3, 2022",
)
WARM_UP_CITY = "Vienna"

_frozen = False


def _freeze_loaded_resources() -> None:
    """Once per process, after the first article has loaded the model, lexicons, gazetteer and actor KB:
    move every object alive (~200k) to the collector's permanent generation, so later collections skip
    them (measured: actors and places stages ~35 % less CPU)."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect()
        gc.freeze()


def _only(items: Iterator[Document | Failure]) -> Document:
    (item,) = list(items)
    assert isinstance(item, Document)
    return item


_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """The process-wide Pipeline, warmed up (model and resources loaded) on first use."""
    global _default
    if _default is None:
        _default = Pipeline()
        _default.warm_up()
    return _default


_configured: dict[Config, Pipeline] = {}


def pipeline_for(config: Config | None) -> Pipeline:
    """The process-wide Pipeline of ``config``'s stage options (None: the default one), warmed up on first use;
    pipelines share the spaCy model and every resource their options have in common."""
    if config is None:
        return default_pipeline()
    key = config.stage_options()
    if key == (_default.config if _default is not None else load_config()).stage_options():
        return default_pipeline()
    if key not in _configured:
        pipeline = Pipeline(config=key)
        pipeline.warm_up()
        _configured[key] = pipeline
    return _configured[key]
