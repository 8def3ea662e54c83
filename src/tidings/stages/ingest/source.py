"""One input file as a format reader sees it (``Source``), and the one bounded way to read its bytes.

Every reader in the ``READERS`` table of ``readers.py`` is a function ``read(source) -> Iterator[RawArticle |
Failure]``; it may raise ``InputError`` (or any exception) for a file it cannot read, which ``readers.py``
turns into one Failure naming the file.
"""
from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tidings.models import Failure, RawArticle
from tidings.stages.ingest.decoding import InputError, decode

#: Most bytes read from one input file, and from one decompressed stream (``.gz``, ``.warc.gz``, ``.jsonl.gz``):
#: files are read as streams, never whole, and one over this fails with a ``too large`` reason.
MAX_FILE_BYTES = 50_000_000


@dataclass(frozen=True)
class Source:
    """An input file: where it is, the id its articles start from, and the reading limits."""

    path: Path
    stem_id: str
    max_bytes: int
    gzipped: bool = False  # a gzip-wrapped file of a format without its own compression ("story.html.gz")
    blank_lines: bool = False  # line formats: a blank line is a BlankLine (outputs line up with input lines)
    max_file_bytes: int = MAX_FILE_BYTES  # the whole file, and the whole of its decompressed stream

    @property
    def origin(self) -> str:
        return str(self.path)

    def text(self) -> str:
        """The whole file decoded to text (decompressed when ``gzipped``), refusing more than ``max_bytes``."""
        return decode(read_bytes(self.path, gzipped=self.gzipped, max_bytes=min(self.max_bytes, self.max_file_bytes)))


@dataclass
class BlankLine(Failure):
    """A blank line of a line format, yielded only when asked (``blank_lines``) so that outputs can line up
    with input lines. It is not an input unit: no outcome is recorded for it, and ``tidings extract`` answers
    it with a blank output line (one byte for one byte, however many there are)."""


#: A format reader: every article (or Failure) in one input file.
Reader = Callable[[Source], Iterator[RawArticle | Failure]]


def read_bytes(path: Path, *, gzipped: bool, max_bytes: int) -> bytes:
    """The file's bytes (decompressed for ``.gz``), refusing more than ``max_bytes``."""
    if not gzipped:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"too large: {size} bytes (limit {max_bytes})")
        with path.open("rb") as plain:
            data = plain.read(max_bytes + 1)  # a file growing since: still never more than the limit
        if len(data) > max_bytes:
            raise InputError(f"too large: over {max_bytes} bytes (limit {max_bytes})")
        return data
    try:
        with gzip.open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"parse error: broken gzip stream ({exc})") from None
    if len(data) > max_bytes:
        raise InputError(f"too large: over {max_bytes} bytes once decompressed")
    return data


def check_file_size(path: Path, max_file_bytes: int) -> None:
    """Refuse a file larger than ``max_file_bytes`` on disk, before reading any of it."""
    size = path.stat().st_size
    if size > max_file_bytes:
        raise InputError(f"too large: {size} bytes (limit {max_file_bytes} per file)")


def bounded_chunks(chunks: Iterator[bytes], max_file_bytes: int) -> Iterator[bytes]:
    """``chunks`` (a decompressing stream), raising InputError ``too large`` once they pass ``max_file_bytes``."""
    total = 0
    for data in chunks:
        total += len(data)
        if total > max_file_bytes:
            raise InputError(f"too large: over {max_file_bytes} bytes once decompressed")
        yield data
