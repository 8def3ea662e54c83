"""Datasette metadata for a store: table and column descriptions, the articles' search index, internal tables
hidden (the descriptions are data: ``resources/data/export``)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO

from tidings.export.job import ExportJob
from tidings.resources.export import datasette_metadata


def write_metadata(job: ExportJob, stream: TextIO) -> tuple[int, int]:
    """Write the metadata JSON; the count is the tables described."""
    database = Path(str(job.store.path)).stem
    metadata = datasette_metadata(database)
    stream.write(json.dumps(metadata, ensure_ascii=False, indent=2) + "\n")
    return len(metadata["databases"][database]["tables"]), 0
