"""Orders the stages, batches the NLP pass, applies the error policy and records timings.

Timings (``Document.timings``, seconds per stage) are CPU time of the working thread, so they
measure the pipeline's own work even when other programs share the machine. Each article also has a
wall-time budget (``time_budget``, ``pipeline/budget.py``): one that takes longer fails with that reason.

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
from tidings.pipeline.budget import TIME_BUDGET, ArticleClock, TimeBudgetExceeded, call_within, check_limits
from tidings.stages import actors, amounts, clean, coref, dates, events, nlp, places, quotes, tone, topic
from tidings.stages.actors.mentions import city_country

StageFn = Callable[[Document], Document]
_clock = time.thread_time

#: The annotation stages that run after the NLP pass, in order.
ANNOTATORS: tuple[tuple[str, StageFn], ...] = (
    ("actors", actors.run),
    ("places", places.run),
    ("coref", coref.run),
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
    #: wall-time seconds one article may spend in the stages (None: no limit); see ``pipeline/budget.py``
    time_budget: float | None = field(default=TIME_BUDGET, kw_only=True)
    #: most characters of clean text parsed (None: the parser's ``nlp.MAX_CHARS``); longer fails "too large"
    max_chars: int | None = field(default=None, kw_only=True)

    def __post_init__(self) -> None:
        check_limits(time_budget=self.time_budget, max_chars=self.max_chars, most_chars=nlp.MAX_CHARS)
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
        clocks = [ArticleClock(self.time_budget) for _ in raws]
        cleaned: list[Document | Failure] = []
        for raw, clock in zip(raws, clocks, strict=True):
            try:
                cleaned.append(clock.run(self._clean, raw))
            except (clean.BadInput, TimeBudgetExceeded) as exc:
                if raise_errors:
                    raise
                cleaned.append(Failure(id=raw.id, reason=str(exc), origin=raw.origin))
        to_parse = [(d, clock) for d, clock in zip(cleaned, clocks, strict=True) if isinstance(d, Document)
                    and d.article.language == "en" and not d.article.off_topic]
        late = self._parse(to_parse)
        for item, clock in zip(cleaned, clocks, strict=True):
            if isinstance(item, Failure) or (item.parse is None and id(item) not in late):
                yield item
                continue
            try:
                if id(item) in late:
                    raise late[id(item)]
                yield clock.run(self.annotate, item)
            except Exception as exc:  # one bad (or slow) article never stops a batch
                if raise_errors:
                    raise
                timed_out = isinstance(exc, TimeBudgetExceeded)
                yield Failure(
                    id=item.article.id,
                    reason=str(exc) if timed_out else f"pipeline error: {type(exc).__name__}: {exc}",
                    detail=None if timed_out else traceback.format_exc(limit=5),
                )

    def _clean(self, raw: RawArticle) -> Document:
        """Clean one article and decide its topic (BadInput when it is not one, or too long to parse whole)."""
        started = _clock()
        doc = clean.run(raw)
        doc.timings["clean"] = _clock() - started
        limit = self.max_chars or nlp.MAX_CHARS
        if len(doc.article.text) > limit:  # never parse (and annotate) only a part of it
            raise clean.BadInput(f"too large: {len(doc.article.text)} characters of clean text (limit {limit})")
        started = _clock()
        doc = topic.run(doc, gate=self.config.topic.gate)
        doc.timings["topic"] = _clock() - started
        return doc

    def _parse(self, docs: list[tuple[Document, ArticleClock]]) -> dict[int, TimeBudgetExceeded]:
        """Parse ``docs`` in one spaCy pass, within one article's budget; should that run out, parse each
        alone within what is left of its own. Returns the articles that ran out, by ``id()``."""
        late: dict[int, TimeBudgetExceeded] = {}
        if not docs:
            return late
        started, cpu = time.monotonic(), _clock()
        try:
            parsed = call_within(self.time_budget, lambda: list(nlp.run_many([d for d, _ in docs], nlp=self.nlp,
                                                                              batch_size=self.config.pipeline.batch_size)))
        except TimeBudgetExceeded:  # someone in the batch is slow: find out who, one at a time
            for doc, clock in docs:
                doc.parse, cpu = None, _clock()
                try:
                    clock.run(nlp.run, doc, nlp=self.nlp)
                    doc.timings["nlp"] = _clock() - cpu
                except TimeBudgetExceeded as exc:
                    doc.parse, late[id(doc)] = None, exc
            return late
        share, per_doc = (time.monotonic() - started) / len(parsed), (_clock() - cpu) / len(parsed)
        for doc, clock in docs:
            doc.timings["nlp"] = per_doc
            try:
                clock.charge(share)
            except TimeBudgetExceeded as exc:
                late[id(doc)] = exc
        return late


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
