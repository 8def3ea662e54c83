"""JSON lines: one article per line (``id``, ``text`` or ``html``, optional ``url``, ``title``,
``published``, ``source``); a bad line is a Failure naming ``file:line`` and reading goes on.

A truncated ``.jsonl.gz`` gives every line that was fully written, then a Failure for the cut.
"""
from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path

from tidings.models import Failure, RawArticle
from tidings.stages.ingest.source import Source

FIELDS = ("id", "text", "html", "url", "title", "published", "source")


def read(source: Source) -> Iterator[RawArticle | Failure]:
    """One article per line (``.jsonl.gz`` read as a stream, so a cut file keeps its whole lines)."""
    yield from read_jsonl(source.path, stem_id=source.stem_id, max_bytes=source.max_bytes,
                          blank_lines=source.blank_lines)


def read_jsonl(path: Path, *, stem_id: str, max_bytes: int,
               blank_lines: bool = False) -> Iterator[RawArticle | Failure]:
    """Yield one RawArticle (or Failure) per non-blank line of ``path`` (per line, with ``blank_lines``)."""
    found = False
    number = 0
    gzipped = path.name.lower().endswith(".gz")
    try:
        with path.open("rb") as handle:
            for number, line in enumerate(gunzip_lines(handle) if gzipped else handle, start=1):
                origin = f"{path}:{number}"
                if not line.strip():
                    if blank_lines:
                        yield Failure(id=f"{stem_id}:{number}", reason=f"empty: {origin}: blank line", origin=origin)
                    continue
                found = True
                yield _article(line, origin=origin, fallback_id=f"{stem_id}:{number}", max_bytes=max_bytes)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        where = f"after line {number}" if number else "before the first line"
        yield Failure(id=stem_id if not number else f"{stem_id}:rest", origin=str(path),
                      reason=f"parse error: broken gzip stream {where} ({exc})")
        return
    if not found:
        yield Failure(id=stem_id, reason="empty: no JSON lines", origin=str(path))


def gunzip_lines(handle, *, chunk: int = 1 << 16) -> Iterator[bytes]:
    """Lines of a gzip stream (members concatenated), every whole line before a cut or damaged spot
    included; then EOFError (cut short) or zlib.error (damaged). A cut last line is yielded as it is."""
    pending = b""
    for data in _gunzip_chunks(handle, chunk=chunk):
        pending += data
        *lines, pending = pending.split(b"\n")
        yield from (line + b"\n" for line in lines)
    if pending:
        yield pending


def _gunzip_chunks(handle, *, chunk: int) -> Iterator[bytes]:
    """Decompressed pieces of a gzip stream, as far as it can be read."""
    inflate = zlib.decompressobj(zlib.MAX_WBITS | 16)
    started = False
    while data := handle.read(chunk):
        while data:
            if not started and not data.strip(b"\x00"):
                return  # zero padding after the last member
            started = True
            yield inflate.decompress(data, chunk)
            data = inflate.unconsumed_tail
            if inflate.eof:  # another member may follow
                data = inflate.unused_data + data
                inflate, started = zlib.decompressobj(zlib.MAX_WBITS | 16), False
    if started:
        yield inflate.flush()
        if not inflate.eof:
            raise EOFError("compressed file ended before the end-of-stream marker was reached")


def _article(line: bytes, *, origin: str, fallback_id: str, max_bytes: int) -> RawArticle | Failure:
    if len(line) > max_bytes:
        return Failure(id=fallback_id, reason=f"too large: {origin}: line over {max_bytes} bytes", origin=origin)
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError:
        return Failure(id=fallback_id, reason=f"undecodable: {origin}: line is not UTF-8", origin=origin)
    except json.JSONDecodeError as exc:
        return Failure(id=fallback_id, reason=f"parse error: {origin}: {exc.msg} at column {exc.colno}",
                       origin=origin)
    except RecursionError:
        return Failure(id=fallback_id, reason=f"parse error: {origin}: JSON nested too deeply", origin=origin)
    if not isinstance(record, dict):
        return Failure(id=fallback_id, reason=f"parse error: {origin}: line is not a JSON object", origin=origin)
    ident = str(record["id"]) if record.get("id") not in (None, "") else fallback_id
    wrong = [k for k in FIELDS if record.get(k) is not None and not isinstance(record[k], (str, int, float))]
    if wrong:
        return Failure(id=ident, origin=origin,
                       reason=f"parse error: {origin}: field {wrong[0]!r} is not a string or number")
    text, html = (_str_or_none(record.get(k)) or "" for k in ("text", "html"))
    text = text if text.strip() else ""
    if not (text or html.strip()):
        return Failure(id=ident, reason=f"empty: {origin}: no text or html", origin=origin)
    extra = {k: v for k, v in record.items() if k not in FIELDS}
    return RawArticle(id=ident, text=text or None, html=None if text else html, url=_str_or_none(record.get("url")),
                      title=_str_or_none(record.get("title")), published=_str_or_none(record.get("published")),
                      source=_str_or_none(record.get("source")), origin=origin, extra=extra)


def _str_or_none(value) -> str | None:
    return None if value is None else str(value)
