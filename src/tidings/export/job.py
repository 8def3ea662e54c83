"""What every exporter is handed (``ExportJob``), and the shape of an exporter (``Exporter``).

An exporter is one function: a line format (``lines``) writes to an open text stream and returns (rows written,
rows left out for having no date); a folder format (``folder``) writes files into a folder and returns rows per
file name.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from tidings.query import Filters
from tidings.storage import Store


@dataclass(frozen=True)
class ExportJob:
    """The store to export and the selection: event filters, the undated-event policy, a row limit."""

    store: Store
    filters: Filters
    undated: str = "skip"
    limit: int | None = None


LineWriter = Callable[[ExportJob, TextIO], tuple[int, int]]
FolderWriter = Callable[[ExportJob, Path], dict[str, int]]


@dataclass(frozen=True)
class Exporter:
    """One export format: a one-line summary and its writer, of lines to a stream or of files to a folder."""

    summary: str
    lines: LineWriter | None = None
    folder: FolderWriter | None = None

    def __post_init__(self) -> None:
        if (self.lines is None) == (self.folder is None):
            raise ValueError("an exporter writes either lines or a folder")
