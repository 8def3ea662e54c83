"""Readers that turn inputs into RawArticles (minimal first cut)."""
from __future__ import annotations

import hashlib

from tidings.models import RawArticle


def looks_like_html(content: str) -> bool:
    head = content[:2000].lower()
    return "<html" in head or "<body" in head or "<!doctype html" in head or "<p>" in head


def raw_from_string(content: str, *, id: str | None = None, url: str | None = None,
                    title: str | None = None, published: str | None = None) -> RawArticle:
    """A RawArticle from a string of text or HTML; the id defaults to a content hash."""
    ident = id or hashlib.sha1(content.encode("utf-8", "replace")).hexdigest()[:16]
    if looks_like_html(content):
        return RawArticle(id=ident, html=content, url=url, title=title, published=published)
    return RawArticle(id=ident, text=content, url=url, title=title, published=published)


def iter_inputs(paths):
    """Yield a RawArticle (or Failure) per article found in ``paths`` (minimal: text files)."""
    from pathlib import Path

    for path in paths:
        p = Path(path)
        content = p.read_text(encoding="utf-8")
        raw = raw_from_string(content, id=p.stem)
        raw.origin = str(p)
        yield raw
