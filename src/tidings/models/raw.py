"""What an input reader yields before cleaning: one article's raw content and metadata.

Strings from inputs may hold lone surrogates ("a\\udc00" from a JSON escape) that UTF-8, and so
the store, cannot encode: an id gets them escaped (``a\\udc00`` as text, noted in ``extra``), any
other field gets U+FFFD in their place (same length, so offsets hold).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import overload

_SURROGATE = re.compile("[\ud800-\udfff]")
#: The ``extra`` key noting that an input's id was escaped to become storable.
ID_ESCAPED = "id_escaped"


def storable_id(value: str) -> str:
    """``value`` with characters UTF-8 cannot encode (lone surrogates) escaped as ``\\udc00``."""
    if not isinstance(value, str) or not _SURROGATE.search(value):
        return value
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


@overload
def storable_text(value: str) -> str: ...
@overload
def storable_text(value: None) -> None: ...
@overload
def storable_text(value: str | None) -> str | None: ...
def storable_text(value: str | None) -> str | None:
    """``value`` with lone surrogates replaced by U+FFFD (one character each)."""
    if not isinstance(value, str) or not _SURROGATE.search(value):
        return value
    return _SURROGATE.sub("\ufffd", value)


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

    def __post_init__(self) -> None:
        safe = storable_id(self.id)
        if safe != self.id:
            self.id = safe
            self.extra[ID_ESCAPED] = True
        for name in ("html", "text", "url", "title", "published", "source", "origin"):
            setattr(self, name, storable_text(getattr(self, name)))


@dataclass
class Failure:
    """An input that could not be turned into a Document, with a one-line reason."""

    id: str
    reason: str
    origin: str | None = None
    detail: str | None = None

    def __post_init__(self) -> None:
        self.id = storable_id(self.id)
        self.reason = storable_text(self.reason)
        self.origin, self.detail = storable_text(self.origin), storable_text(self.detail)
