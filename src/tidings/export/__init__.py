"""Exports: files other tools already read (GDELT 2.0 events/mentions/GKG, PLOVER JSON lines, Parquet,
Datasette metadata).

:func:`export` streams a store into one file (or a folder for Parquet); the filters select events
as in ``tidings events``. Layout notes and the choices made where GDELT and tidings differ are in
``export/README.md`` and :mod:`tidings.export.gdelt`.

Formats are the ``EXPORTERS`` table: a name → an :class:`~tidings.export.job.Exporter` (a writer function of
its module, see ``job.py``). Adding a format is one module with such a function and one line of the table;
``tidings export --format`` offers every name in it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from tidings.export import datasette, gdelt, parquet, plover
from tidings.export.job import Exporter, ExportJob
from tidings.query import Filters
from tidings.storage import Store

EXPORTERS: dict[str, Exporter] = {
    "gdelt-events": Exporter("GDELT 2.0 events, one row per event cluster", lines=gdelt.write_events),
    "gdelt-mentions": Exporter("GDELT 2.0 mentions, one row per event mention", lines=gdelt.write_mentions),
    "gdelt-gkg": Exporter("GDELT GKG 2.1, one row per article", lines=gdelt.write_gkg),
    "plover-jsonl": Exporter("PLOVER JSON lines, one record per event cluster", lines=plover.write_jsonl),
    "parquet": Exporter("a folder of <table>.parquet files, native types", folder=parquet.write_folder),
    "datasette-metadata": Exporter("Datasette metadata JSON for the store", lines=datasette.write_metadata),
}
FORMATS = tuple(EXPORTERS)
#: Formats written as a folder of files, never to a stream.
STREAMLESS_FORMATS = tuple(name for name, exporter in EXPORTERS.items() if exporter.folder is not None)

__all__ = ["EXPORTERS", "FORMATS", "STREAMLESS_FORMATS", "ExportSummary", "export"]


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
    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise ValueError(f"unknown export format {fmt!r} (one of: {', '.join(FORMATS)})")
    if undated not in gdelt.UNDATED_POLICIES:
        raise ValueError(f"unknown undated policy {undated!r} (one of: {', '.join(gdelt.UNDATED_POLICIES)})")
    job = ExportJob(store, filters.validated(), undated, limit)
    summary = ExportSummary(undated=undated)
    if exporter.folder is not None:
        if not isinstance(out, (str, Path)):
            raise ValueError(f"{fmt} writes a folder of files, not a stream: give a folder path")
        summary.written = exporter.folder(job, Path(out))
        return summary
    assert exporter.lines is not None
    if isinstance(out, (str, Path)):
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as stream:
            summary.written[str(path)], summary.skipped_undated = exporter.lines(job, stream)
    else:
        name = getattr(out, "name", None) or "<stream>"
        summary.written[name], summary.skipped_undated = exporter.lines(job, out)
    return summary
