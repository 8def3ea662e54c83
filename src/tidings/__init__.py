"""tidings: offline political event data from news.

>>> import tidings
>>> doc = tidings.extract("Russia accused Ukraine of shelling Donetsk on Monday.", published="2021-12-30")
>>> doc.to_dict()["events"][0]["type"]
'ACCUSE'
"""
from __future__ import annotations

from tidings.models import Document, RawArticle

__version__ = "0.1.0"
__all__ = ["Document", "RawArticle", "extract", "__version__"]


def extract(
    text_or_html: str,
    *,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    id: str | None = None,
    min_confidence: float | None = None,
) -> Document:
    """Run the whole pipeline on one article (HTML is detected) and return its Document.

    Events the event scorer is less sure of than ``min_confidence`` (default: its threshold, chosen for a
    precision of about 0.85 on the annotated dev split) are left out; ``min_confidence=0`` keeps every
    candidate, each with its ``confidence``.
    """
    from tidings.pipeline import default_pipeline
    from tidings.stages.ingest.readers import raw_from_string

    raw = raw_from_string(text_or_html, id=id, url=url, title=title, published=published)
    return confident_events(default_pipeline().process(raw), min_confidence)


def confident_events(doc: Document, min_confidence: float | None = None) -> Document:
    """``doc`` with only the events at or above ``min_confidence`` (default: the event scorer's threshold)."""
    from tidings.learn.scorer import default_min_confidence

    threshold = default_min_confidence() if min_confidence is None else min_confidence
    doc.events = [e for e in doc.events if e.confidence >= threshold]
    return doc
