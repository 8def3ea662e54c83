"""Topic stage: the article's news topic from its words, before the parse; off-topic articles skip event coding.

``run(doc, *, gate=True)`` sets ``doc.topics`` (probabilities), ``article.topic`` (the most likely) and,
when the gate is on and the article is confidently sport, entertainment or tech, ``article.off_topic``:
the pipeline then stores the article (searchable) without parsing it or coding events.
"""
from __future__ import annotations

from tidings.learn import topic as topic_model
from tidings.models import Document

__all__ = ["run"]


def run(doc: Document, *, gate: bool = True) -> Document:
    """Add the topic layer (needs only the cleaned text)."""
    model = topic_model.load()
    doc.topics = model.probabilities(f"{doc.article.title or ''}\n{doc.article.text}")
    doc.article.topic = max(doc.topics, key=doc.topics.__getitem__)
    doc.article.off_topic = gate and model.off_topic(doc.topics)
    return doc
