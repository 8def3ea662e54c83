"""JSON lines: one article per line (``id``, ``text`` or ``html``, optional ``url``, ``title``,
``published``, ``source``); a bad line is a Failure naming ``file:line`` and reading goes on.

A truncated ``.jsonl.gz`` gives every line that was fully written, then a Failure for the cut.
"""
from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from tidings.models import Failure, RawArticle
from tidings.stages.ingest.decoding import InputError
from tidings.stages.ingest.source import MAX_FILE_BYTES, BlankLine, Source, bounded_chunks, check_file_size

FIELDS = ("id", "text", "html", "url", "title", "published", "source")
_CHUNK = 1 << 16


def read(source: Source) -> Iterator[RawArticle | Failure]:
    """One article per line (``.jsonl.gz`` read as a stream, so a cut file keeps its whole lines)."""
    yield from read_jsonl(source.path, stem_id=source.stem_id, max_bytes=source.max_bytes,
                          blank_lines=source.blank_lines, max_file_bytes=source.max_file_bytes)


def read_jsonl(path: Path, *, stem_id: str, max_bytes: int, blank_lines: bool = False,
               max_file_bytes: int = MAX_FILE_BYTES) -> Iterator[RawArticle | Failure]:
    """Yield one RawArticle (or Failure) per non-blank line of ``path`` (and a BlankLine per blank line, with
    ``blank_lines``).

    The file is read in pieces, never whole: a line over ``max_bytes`` is dropped as it comes (one Failure), a
    file over ``max_file_bytes`` is one Failure before any line, and a ``.gz`` stream that decompresses to more
    gives its lines up to there, then one ``too large`` Failure for the rest."""
    found = False
    number = 0
    gzipped = path.name.lower().endswith(".gz")
    try:
        check_file_size(path, max_file_bytes)
        with path.open("rb") as handle:
            raw = iter(lambda: handle.read(_CHUNK), b"")
            chunks = bounded_chunks(_gunzip_chunks(handle, chunk=_CHUNK), max_file_bytes) if gzipped else raw
            for number, line in enumerate(split_lines(chunks, max_line=max_bytes), start=1):
                origin = f"{path}:{number}"
                if line is None:
                    found = True
                    yield Failure(id=f"{stem_id}:{number}", reason=f"too large: {origin}: line over {max_bytes} bytes",
                                  origin=origin)
                    continue
                if not line.strip():
                    if blank_lines:
                        yield BlankLine(id=f"{stem_id}:{number}", reason="blank line", origin=origin)
                    continue
                found = True
                yield _article(line, origin=origin, fallback_id=f"{stem_id}:{number}", max_bytes=max_bytes)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        where = f"after line {number}" if number else "before the first line"
        yield Failure(id=stem_id if not number else f"{stem_id}:rest", origin=str(path),
                      reason=f"parse error: broken gzip stream {where} ({exc})")
        return
    except InputError as exc:
        if not number:
            raise
        yield Failure(id=f"{stem_id}:rest", origin=str(path), reason=f"{exc} (after line {number})")
        return
    if not found:
        yield Failure(id=stem_id, reason="empty: no JSON lines", origin=str(path))


def gunzip_lines(handle, *, chunk: int = _CHUNK) -> Iterator[bytes]:
    """Lines of a gzip stream (members concatenated), every whole line before a cut or damaged spot
    included; then EOFError (cut short) or zlib.error (damaged). A cut last line is yielded as it is."""
    for line in split_lines(_gunzip_chunks(handle, chunk=chunk), max_line=None):
        assert line is not None
        yield line


def split_lines(chunks: Iterable[bytes], *, max_line: int | None) -> Iterator[bytes | None]:
    """The lines (newline kept) of a stream of byte pieces, the last one without its newline if it has none.

    A line longer than ``max_line`` bytes is None: its bytes are dropped as they come, never held whole."""
    parts: list[bytes] = []
    size = 0
    dropping = False
    for data in chunks:
        start = 0
        while start < len(data):
            end = data.find(b"\n", start)
            piece = data[start:] if end < 0 else data[start:end + 1]
            start += len(piece)
            if not dropping:
                parts.append(piece)
                size += len(piece)
                dropping = max_line is not None and size > max_line
                if dropping:
                    parts, size = [], 0
            if end >= 0:
                yield None if dropping else b"".join(parts)
                parts, size, dropping = [], 0, False
    if dropping:
        yield None
    elif parts:
        yield b"".join(parts)


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
