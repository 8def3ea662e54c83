"""Clean stage: RawArticle in, Document with cleaned text and metadata out (minimal first cut)."""
from __future__ import annotations

from tidings.models import Article, Document, RawArticle


class BadInput(ValueError):
    """The input cannot become an article (empty, binary, undecodable, too large, ...)."""


def run(raw: RawArticle) -> Document:
    text = (raw.text or "").strip()
    if not text:
        raise BadInput("empty: no text")
    return Document(Article(id=raw.id, text=text, title=raw.title, url=raw.url, source=raw.source,
                            published=raw.published, language="en"))
