"""Web archives (``.warc``, ``.warc.gz``): every HTML response record becomes one article.

Request, metadata and non-HTML response records (images, scripts, robots.txt) are not
articles and are passed over; a file with no HTML response at all is one Failure.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from tidings.models import Failure, RawArticle
from tidings.stages.ingest.decoding import InputError, decode


def read_warc(path: Path, *, stem_id: str, max_bytes: int) -> Iterator[RawArticle | Failure]:
    """Yield one RawArticle (or Failure) per HTML response record of the archive at ``path``."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = records = 0
    try:
        with path.open("rb") as handle:
            for number, record in enumerate(ArchiveIterator(handle), start=1):
                records = number
                if not _is_html_response(record):
                    continue
                found += 1
                yield _article(record, origin=f"{path}#{number}", max_bytes=max_bytes)
    except (ArchiveLoadFailed, OSError, ValueError, EOFError) as exc:
        yield Failure(id=stem_id if not found else f"{stem_id}#rest", origin=str(path),
                      reason=f"parse error: {' '.join(str(exc).split())[:200]}")
        return
    if not records:
        yield Failure(id=stem_id, reason="parse error: no WARC records found", origin=str(path))
    elif not found:
        yield Failure(id=stem_id, reason="empty: no HTML response records", origin=str(path))


def _is_html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode()
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return status == "200" and ("text/html" in content_type or "xhtml" in content_type)


def _article(record, *, origin: str, max_bytes: int) -> RawArticle | Failure:
    url = record.rec_headers.get_header("WARC-Target-URI")
    key = url or record.rec_headers.get_header("WARC-Record-ID") or origin
    ident = f"warc-{hashlib.sha1(key.encode()).hexdigest()[:16]}"
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        return Failure(id=ident, reason=f"too large: record over {max_bytes} bytes", origin=origin)
    content_type = record.http_headers.get_header("Content-Type") or ""
    declared = content_type.partition("charset=")[2].strip(" \"';") or None
    try:
        html = decode(data, declared=declared)
    except InputError as exc:
        return Failure(id=ident, reason=str(exc), origin=origin)
    crawled = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
    return RawArticle(id=ident, html=html, url=url, origin=origin, extra={"crawl_date": crawled})
