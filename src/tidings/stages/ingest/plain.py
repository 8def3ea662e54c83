"""Single-article files: HTML pages, plain text (HTML sniffed), Markdown."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from tidings.models import RawArticle
from tidings.stages.ingest.decoding import InputError, looks_like_html
from tidings.stages.ingest.source import Source


def raw_from_string(content: str, *, id: str | None = None, url: str | None = None,
                    title: str | None = None, published: str | None = None) -> RawArticle:
    """A RawArticle from a string of text or HTML (sniffed); the id defaults to a content hash."""
    ident = id or hashlib.sha1(content.encode("utf-8", "replace")).hexdigest()[:16]
    html, text = (content, None) if looks_like_html(content) else (None, content)
    return RawArticle(id=ident, url=url, title=title, published=published, html=html, text=text)


def read_html(source: Source) -> Iterator[RawArticle]:
    """One HTML page."""
    yield RawArticle(id=source.stem_id, html=_content(source), origin=source.origin)


def read_text(source: Source) -> Iterator[RawArticle]:
    """One text file (HTML saved as ``.txt`` is read as HTML)."""
    raw = raw_from_string(_content(source), id=source.stem_id)
    raw.origin = source.origin
    yield raw


def read_markdown(source: Source) -> Iterator[RawArticle]:
    """One Markdown file, reduced to its words."""
    yield RawArticle(id=source.stem_id, text=markdown_to_text(_content(source)), origin=source.origin,
                     extra={"format": "markdown"})


def _content(source: Source) -> str:
    content = source.text()
    if not content.strip():
        raise InputError("empty: only whitespace")
    return content


_MD_RULES = (
    (re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.M), r"\1"),      # ATX headings
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),                           # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),                       # inline links
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),               # bold
    (re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"), r"\1"),  # italics
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),                             # block quotes
    (re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$", re.M), ""),                # horizontal rules
)


def markdown_to_text(content: str) -> str:
    """Plain text from Markdown: headings, links, emphasis, quotes and rules reduced to their words."""
    for pattern, replacement in _MD_RULES:
        content = pattern.sub(replacement, content)
    return content
