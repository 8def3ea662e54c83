"""The budget options ``ingest`` and ``extract`` share: ``--max-bytes``, ``--max-file-bytes``, ``--max-chars``,
``--time-budget``. Whatever is over a budget fails with a reason (``too large``, ``time budget exceeded``);
nothing is cut silently."""
from __future__ import annotations

import re
from collections.abc import Callable

import click

from tidings.pipeline.budget import TIME_BUDGET
from tidings.stages.ingest import readers
from tidings.stages.nlp import MAX_CHARS

#: Size units (decimal like the defaults: 20 MB is 20,000,000 bytes; KiB, MiB, GiB are binary).
UNITS = {"": 1, "b": 1, "k": 10**3, "kb": 10**3, "m": 10**6, "mb": 10**6, "g": 10**9, "gb": 10**9,
         "kib": 2**10, "mib": 2**20, "gib": 2**30}
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*", re.I)


class ByteSize(click.ParamType):
    """A positive number of bytes: ``20000000``, ``20MB``, ``500k``, ``1.5GiB``."""

    name = "SIZE"

    def convert(self, value, param, ctx) -> int:
        if isinstance(value, int):
            size = value
        else:
            found = _SIZE.fullmatch(str(value))
            unit = found[2].lower() if found else ""
            if not found or unit not in UNITS:
                self.fail("not a size (a number of bytes, optionally with kB, MB, GB, KiB, MiB or GiB)", param, ctx)
            size = int(float(found[1]) * UNITS[unit])
        if size < 1:
            self.fail("must be at least 1 byte", param, ctx)
        return size


def _megabytes(size: int) -> str:
    return f"{size / 10**6:g} MB"


def budget_options(fn: Callable) -> Callable:
    """Add the four budget options (parameters ``max_bytes``, ``max_file_bytes``, ``max_chars``,
    ``time_budget``). Sizes left out are the readers' limits as they are when the command runs; ``max_chars``
    left out is None (the parser's limit) and ``--time-budget 0`` is None (no limit)."""
    options = [
        click.option("--max-bytes", "max_bytes", type=ByteSize(), show_default=_megabytes(readers.MAX_BYTES),
                     callback=lambda ctx, param, value: readers.MAX_BYTES if value is None else value,
                     help="Largest article read: a file, JSONL line, WARC record or feed item (and standard "
                          "input); a larger one fails 'too large'. Units: kB, MB, GB, KiB, MiB, GiB."),
        click.option("--max-file-bytes", "max_file_bytes", type=ByteSize(),
                     show_default=_megabytes(readers.MAX_FILE_BYTES),
                     callback=lambda ctx, param, value: readers.MAX_FILE_BYTES if value is None else value,
                     help="Largest file, and decompressed stream of a .gz, read; beyond it the file fails "
                          "'too large' (a JSONL or WARC stream keeps the articles before the limit)."),
        click.option("--max-chars", "max_chars", type=click.IntRange(1, MAX_CHARS), show_default=f"{MAX_CHARS:,}",
                     help="Most characters of clean text per article (at most the parser's "
                          f"{MAX_CHARS:,}); a longer article fails 'too large', never cut."),
        click.option("--time-budget", "time_budget", type=click.FloatRange(min=0), default=TIME_BUDGET,
                     show_default=True, callback=lambda ctx, param, value: value or None,
                     help="Seconds of wall time one article may spend in the pipeline; a slower one fails "
                          "'time budget exceeded' and the others go on. 0: no limit."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn
