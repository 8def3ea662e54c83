"""RSS and Atom feeds: every item with content or a summary becomes one article."""
from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Iterator
from pathlib import Path

from tidings.models import Failure, RawArticle
from tidings.stages.ingest.decoding import InputError, looks_like_html
from tidings.stages.ingest.source import Source

_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.I)


def is_feed(text: str) -> bool:
    """True when the document's root element is an RSS, Atom or RSS 1.0 (RDF) feed."""
    head = re.sub(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", "", text[:4096], flags=re.S).lstrip()
    return bool(_FEED_ROOT.match(head))


def read(source: Source) -> Iterator[RawArticle | Failure]:
    """The items of a feed file (``.xml`` that is not a feed is refused)."""
    content = source.text()
    if not is_feed(content):
        raise InputError("unsupported type: XML that is not an RSS or Atom feed")
    yield from read_feed(content, path=source.path, stem_id=source.stem_id, max_bytes=source.max_bytes)


def read_feed(text: str, *, path: Path, stem_id: str, max_bytes: int) -> Iterator[RawArticle | Failure]:
    """Yield one RawArticle (or Failure) per feed item."""
    import feedparser

    parsed = feedparser.parse(text)
    if not parsed.entries:
        if parsed.bozo:
            yield Failure(id=stem_id, reason=f"parse error: {_one_line(parsed.bozo_exception)}", origin=str(path))
        else:
            yield Failure(id=stem_id, reason="empty: feed has no items", origin=str(path))
        return
    source = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        origin = f"{path}#{number}"
        key = entry.get("id") or entry.get("link")
        ident = f"feed-{hashlib.sha1(key.encode()).hexdigest()[:16]}" if key else f"{stem_id}#{number}"
        body = _entry_body(entry)
        if not body:
            yield Failure(id=ident, reason="empty: feed item has no content or summary", origin=origin)
            continue
        if len(body.encode("utf-8")) > max_bytes:
            yield Failure(id=ident, reason=f"too large: feed item over {max_bytes} bytes", origin=origin)
            continue
        html, plain = (body, None) if looks_like_html(body) else (None, body)
        yield RawArticle(id=ident, url=entry.get("link"), title=entry.get("title") or None,
                         published=_entry_date(entry), source=source, origin=origin, html=html, text=plain)


def _entry_body(entry) -> str:
    """The item's longest content block, else its summary (stripped)."""
    contents = [c.get("value", "") for c in entry.get("content", [])]
    body = max(contents, key=len, default="") or entry.get("summary", "")
    return body.strip()


def _entry_date(entry) -> str | None:
    """The item's publication (else update) date as ISO YYYY-MM-DD."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return None


def _one_line(exc: object) -> str:
    return " ".join(str(exc).split())[:200]
