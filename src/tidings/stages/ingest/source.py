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


@dataclass(frozen=True)
class Source:
    """An input file: where it is, the id its articles start from, and the reading limits."""

    path: Path
    stem_id: str
    max_bytes: int
    gzipped: bool = False  # a gzip-wrapped file of a format without its own compression ("story.html.gz")
    blank_lines: bool = False  # line formats: a blank line is a Failure too (outputs line up with input lines)

    @property
    def origin(self) -> str:
        return str(self.path)

    def text(self) -> str:
        """The whole file decoded to text (decompressed when ``gzipped``), refusing more than ``max_bytes``."""
        return decode(read_bytes(self.path, gzipped=self.gzipped, max_bytes=self.max_bytes))


#: A format reader: every article (or Failure) in one input file.
Reader = Callable[[Source], Iterator[RawArticle | Failure]]


def read_bytes(path: Path, *, gzipped: bool, max_bytes: int) -> bytes:
    """The file's bytes (decompressed for ``.gz``), refusing more than ``max_bytes``."""
    if not gzipped:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"too large: {size} bytes (limit {max_bytes})")
        return path.read_bytes()
    try:
        with gzip.open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"parse error: broken gzip stream ({exc})") from None
    if len(data) > max_bytes:
        raise InputError(f"too large: over {max_bytes} bytes once decompressed")
    return data
