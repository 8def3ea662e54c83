"""Exports: files other tools already read (GDELT 2.0 events/mentions/GKG, PLOVER JSON lines, Parquet).

:func:`export` streams a store into one file (or a folder for Parquet); the filters select events
as in ``tidings events``. Layout notes and the choices made where GDELT and tidings differ are in
``export/README.md`` and :mod:`tidings.export.gdelt`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from tidings import query
from tidings.export import gdelt, plover
from tidings.export.parquet import write_parquet
from tidings.query import Filters
from tidings.storage import Store
from tidings.storage import exports as rows

FORMATS = ("gdelt-events", "gdelt-mentions", "gdelt-gkg", "plover-jsonl", "parquet")


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


def export(store: Store, fmt: str, out: Path, filters: Filters = Filters(), *, undated: str = "skip",
           limit: int | None = None) -> ExportSummary:
    """Write the ``fmt`` export of ``store`` to ``out`` (a folder for ``parquet``)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (one of: {', '.join(FORMATS)})")
    if undated not in gdelt.UNDATED_POLICIES:
        raise ValueError(f"unknown undated policy {undated!r} (one of: {', '.join(gdelt.UNDATED_POLICIES)})")
    filters = filters.validated()
    summary = ExportSummary(undated=undated)
    if fmt == "parquet":
        summary.written = {f"{out / table}.parquet": n for table, n in write_parquet(store, out, filters).items()}
        return summary
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as stream:
        if fmt == "gdelt-events":
            events = (gdelt.event_row(r, undated=undated) for r in rows.export_clusters(store, filters, limit))
            summary.written[str(out)], summary.skipped_undated = gdelt.write_rows(events, stream)
        elif fmt == "gdelt-mentions":
            mentions = (gdelt.mention_row(r, undated=undated) for r in rows.export_mentions(store, filters, limit))
            summary.written[str(out)], _ = gdelt.write_rows(mentions, stream)
        elif fmt == "gdelt-gkg":
            summary.written[str(out)], _ = gdelt.write_rows(_gkg_rows(store, filters, limit), stream)
        else:
            count = 0
            for r in rows.export_clusters(store, filters, limit):
                stream.write(json.dumps(plover.plover_record(r), ensure_ascii=False) + "\n")
                count += 1
            summary.written[str(out)] = count
    return summary


def _gkg_rows(store: Store, filters: Filters, limit: int | None):
    for number, article_id in enumerate(rows.export_article_ids(store, filters, limit), start=1):
        yield gdelt.gkg_row(query.document(store, article_id), number)
