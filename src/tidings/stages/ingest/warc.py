"""Web archives (``.warc``, ``.warc.gz``): every HTML response record becomes one article.

Request, metadata and non-HTML response records (images, scripts, robots.txt) are not
articles and are passed over; a file with no HTML response at all is one Failure.
"""
from __future__ import annotations

import hashlib
import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.exceptions import ArchiveLoadFailed

from tidings.models import Failure, RawArticle
from tidings.stages.ingest.decoding import InputError, decode
from tidings.stages.ingest.source import MAX_FILE_BYTES, Source, check_file_size

_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_LINE = b"WARC/1."


def read(source: Source) -> Iterator[RawArticle | Failure]:
    """The HTML responses of a web archive (the format's own gzip members included)."""
    yield from read_warc(source.path, stem_id=source.stem_id, max_bytes=source.max_bytes,
                         max_file_bytes=source.max_file_bytes)


def read_warc(path: Path, *, stem_id: str, max_bytes: int,
              max_file_bytes: int = MAX_FILE_BYTES) -> Iterator[RawArticle | Failure]:
    """Yield one RawArticle (or Failure) per HTML response record of the archive at ``path``.

    A damaged or cut record is a Failure and reading resumes at the next record found after it
    (the next gzip member, or the next ``WARC/1.`` line of an uncompressed archive). Records are read
    as streams; an archive over ``max_file_bytes`` on disk is one Failure, and once its records (their
    declared lengths, decompressed) add up to more, the rest is one ``too large`` Failure.
    """
    check_file_size(path, max_file_bytes)
    found = records = broken = 0
    total = 0
    start: int | None = 0
    marker = _GZIP_MEMBER if path.name.lower().endswith(".gz") else _WARC_LINE
    with path.open("rb") as handle:
        while start is not None:
            read_to = [start]  # where the last record read whole ends
            start = None
            try:
                for record in _records(handle, read_to):
                    length = record.rec_headers.get_header("Content-Length")
                    if length is None:  # required: a damaged header block
                        raise ValueError("damaged record: its WARC header has no Content-Length")
                    total += int(length)
                    if total > max_file_bytes:
                        yield Failure(id=f"{stem_id}#{records + broken + 1}", origin=f"{path}#{records + broken + 1}",
                                      reason=f"too large: over {max_file_bytes} bytes of records once decompressed")
                        return
                    records += 1
                    if _is_html_response(record):
                        found += 1
                        yield _article(record, origin=f"{path}#{records + broken}", max_bytes=max_bytes)
            except (ArchiveLoadFailed, OSError, ValueError, EOFError, zlib.error) as exc:
                reason = f"parse error: {' '.join(str(exc).split())[:200]}"
            else:
                if not _unread_data(handle, read_to[0]):
                    continue
                # the reader stopped early without an error: a damaged gzip member can end its stream quietly
                reason = "parse error: unreadable data where a record should start"
            broken += 1
            ident = stem_id if not records and broken == 1 else f"{stem_id}#{records + broken}"
            yield Failure(id=ident, origin=f"{path}#{records + broken}", reason=reason)
            start = _next_marker(handle, marker, after=read_to[0] + 1)
    if broken:
        return
    if not records:
        yield Failure(id=stem_id, reason="parse error: no WARC records found", origin=str(path))
    elif not found:
        yield Failure(id=stem_id, reason="empty: no HTML response records", origin=str(path))


def _records(handle, read_to: list[int]):
    """Records from offset ``read_to[0]`` on; after each, ``read_to[0]`` is the offset where it ended."""
    from warcio.archiveiterator import ArchiveIterator

    handle.seek(read_to[0])
    iterator = ArchiveIterator(handle)
    for record in iterator:
        yield record
        iterator.read_to_end()
        read_to[0] = iterator.offset


def _unread_data(handle, offset: int) -> bool:
    """Whether anything but whitespace or padding follows ``offset`` (where the last record read ended)."""
    handle.seek(offset)
    while data := handle.read(1 << 20):
        if data.strip(b" \t\r\n\x00"):
            return True
    return False


def _next_marker(handle, marker: bytes, *, after: int, chunk: int = 1 << 20) -> int | None:
    """The offset of the first ``marker`` at or after ``after``, else None."""
    position = after
    while True:
        handle.seek(position)
        data = handle.read(chunk + len(marker))
        at = data.find(marker)
        if at >= 0:
            return position + at
        if len(data) <= len(marker):
            return None
        position += chunk


def _is_html_response(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode()
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return status == "200" and ("text/html" in content_type or "xhtml" in content_type)


def _cut_short(record) -> bool:
    """True when the record's block ends before its declared Content-Length (a truncated archive)."""
    raw = record.raw_stream
    while raw.read(1 << 16):
        pass
    return getattr(raw, "limit", 0) > 0


def _article(record, *, origin: str, max_bytes: int) -> RawArticle | Failure:
    url = record.rec_headers.get_header("WARC-Target-URI")
    key = url or record.rec_headers.get_header("WARC-Record-ID") or origin
    ident = f"warc-{hashlib.sha1(key.encode()).hexdigest()[:16]}"
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        return Failure(id=ident, reason=f"too large: record over {max_bytes} bytes", origin=origin)
    if _cut_short(record):
        return Failure(id=ident, reason="parse error: record cut short (the archive is truncated)", origin=origin)
    content_type = record.http_headers.get_header("Content-Type") or ""
    declared = content_type.partition("charset=")[2].strip(" \"';") or None
    try:
        html = decode(data, declared=declared)
    except InputError as exc:
        return Failure(id=ident, reason=str(exc), origin=origin)
    crawled = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
    return RawArticle(id=ident, html=html, url=url, origin=origin, extra={"crawl_date": crawled})
