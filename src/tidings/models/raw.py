"""What an input reader yields before cleaning: one article's raw content and metadata."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawArticle:
    """Raw input for one article. Exactly one of ``html`` or ``text`` is normally set."""

    id: str
    html: str | None = None
    text: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    origin: str | None = None
    extra: dict = field(default_factory=dict)


@dataclass
class Failure:
    """An input that could not be turned into a Document, with a one-line reason."""

    id: str
    reason: str
    origin: str | None = None
    detail: str | None = None
