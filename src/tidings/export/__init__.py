"""Exports: files other tools already read (GDELT 2.0 events/mentions/GKG, PLOVER JSON lines, Parquet,
Datasette metadata).

:func:`export` streams a store into one file (or a folder for Parquet); the filters select events
as in ``tidings events``. Layout notes and the choices made where GDELT and tidings differ are in
``export/README.md`` and :mod:`tidings.export.gdelt`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from tidings import query
from tidings.export import gdelt, plover
from tidings.export.parquet import write_parquet
from tidings.query import Filters
from tidings.resources.export import datasette_metadata
from tidings.storage import Store
from tidings.storage import exports as rows

FORMATS = ("gdelt-events", "gdelt-mentions", "gdelt-gkg", "plover-jsonl", "parquet", "datasette-metadata")
#: Formats written as a folder of files, never to a stream.
STREAMLESS_FORMATS = ("parquet",)


@dataclass
class ExportSummary:
    """What was written: rows per file, and event clusters left out for having no date."""

    written: dict[str, int] = field(default_factory=dict)
    skipped_undated: int = 0
    undated: str = "skip"

    def lines(self) -> list[str]:
        out = [f"{count} rows → {name}" for name, count in self.written.items()]
        if self.skipped_undated and self.undated == "skip":
            out.append(f"{self.skipped_undated} undated events left out (GDELT rows need a date; "
                       f"--undated published dates current, not historical, ones to their article)")
        elif self.skipped_undated:
            out.append(f"{self.skipped_undated} undated historical events left out (never given the publication date)")
        return out


def export(store: Store, fmt: str, out: Path | TextIO, filters: Filters = Filters(), *, undated: str = "skip",
           limit: int | None = None) -> ExportSummary:
    """Write the ``fmt`` export of ``store`` to ``out``: a file path (a folder for ``parquet``), or an open
    text stream (``sys.stdout``) for the line formats."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (one of: {', '.join(FORMATS)})")
    if undated not in gdelt.UNDATED_POLICIES:
        raise ValueError(f"unknown undated policy {undated!r} (one of: {', '.join(gdelt.UNDATED_POLICIES)})")
    filters = filters.validated()
    summary = ExportSummary(undated=undated)
    if fmt in STREAMLESS_FORMATS:
        if not isinstance(out, (str, Path)):
            raise ValueError(f"{fmt} writes a folder of files, not a stream: give a folder path")
        out = Path(out)
        summary.written = {f"{out / table}.parquet": n for table, n in write_parquet(store, out, filters).items()}
        return summary
    if isinstance(out, (str, Path)):
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8", newline="") as stream:
            _write_lines(store, fmt, stream, str(out), filters, undated, limit, summary)
    else:
        _write_lines(store, fmt, out, getattr(out, "name", None) or "<stream>", filters, undated, limit, summary)
    return summary


def _write_lines(store: Store, fmt: str, stream: TextIO, name: str, filters: Filters, undated: str,
                 limit: int | None, summary: ExportSummary) -> None:
    """Write one of the line formats (GDELT tab-separated rows, PLOVER JSON lines) to ``stream``."""
    if fmt == "gdelt-events":
        events = (gdelt.event_row(r, undated=undated) for r in rows.export_clusters(store, filters, limit))
        summary.written[name], summary.skipped_undated = gdelt.write_rows(events, stream)
    elif fmt == "gdelt-mentions":
        mentions = (gdelt.mention_row(r, undated=undated) for r in rows.export_mentions(store, filters, limit))
        summary.written[name], _ = gdelt.write_rows(mentions, stream)
    elif fmt == "gdelt-gkg":
        summary.written[name], _ = gdelt.write_rows(_gkg_rows(store, filters, limit), stream)
    elif fmt == "datasette-metadata":
        database = Path(str(store.path)).stem
        stream.write(json.dumps(datasette_metadata(database), ensure_ascii=False, indent=2) + "\n")
        summary.written[name] = len(datasette_metadata(database)["databases"][database]["tables"])
    else:
        count = 0
        for r in rows.export_clusters(store, filters, limit):
            stream.write(json.dumps(plover.plover_record(r), ensure_ascii=False) + "\n")
            count += 1
        summary.written[name] = count


def _gkg_rows(store: Store, filters: Filters, limit: int | None):
    for number, article_id in enumerate(rows.export_article_ids(store, filters, limit), start=1):
        yield gdelt.gkg_row(query.document(store, article_id), number)
