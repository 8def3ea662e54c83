"""A folder of Parquet files, one per store table, in native types (DuckDB: ``SELECT * FROM 'out/events.parquet'``).

SQLite keeps dates as text, flags as 0/1 and lists as JSON text; the Parquet files carry what
they mean, so DuckDB, pandas, Spark or BigQuery read them without casts:

* ``day`` (first day of an event's date) and ``published`` → ``date32``;
  ``ingested_at``, ``failed_at``, ``skipped_at`` → ``timestamp[us, UTC]``;
* ``historical``, ``approximate``, ``off_topic`` → ``bool``;
* ``context`` (PLOVER contexts) and ``authors`` → ``list<string>``;
* other columns by their SQLite type: ``int64``, ``float64``, ``string``.

Internal columns are left out: ``minhash`` (the near-duplicate signature, a binary blob) and the
cluster matching keys ``actor_key`` / ``recipient_key``. TimeML date values (``date``, ``date_last``,
``dates.value``: ``2021-W51``, ``2008``) stay strings beside the ``day`` they start on.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tidings.export.job import ExportJob
from tidings.storage import Store
from tidings.storage.exports import EXPORT_TABLES, export_table, table_columns
from tidings.storage.mapping import period_start

CHUNK_ROWS = 50_000
#: Columns never exported: internal blobs and matching keys.
INTERNAL_COLUMNS = frozenset({"minhash", "actor_key", "recipient_key"})
DATE_COLUMNS = frozenset({"day", "published"})
TIMESTAMP_COLUMNS = frozenset({"ingested_at", "failed_at", "skipped_at"})
BOOL_COLUMNS = frozenset({"historical", "approximate", "off_topic"})
LIST_COLUMNS = frozenset({"context", "authors"})


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        start = period_start(value)
        return date.fromisoformat(start) if start else None


def _timestamp(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def _list(value: str | None) -> list[str] | None:
    return None if value is None else [str(item) for item in json.loads(value)]


def _column(name: str, declared: str) -> tuple[Any, Callable[[Any], Any] | None]:
    """(Arrow type, converter or None) of one store column."""
    import pyarrow as pa

    if name in DATE_COLUMNS:
        return pa.date32(), _date
    if name in TIMESTAMP_COLUMNS:
        return pa.timestamp("us", tz="UTC"), _timestamp
    if name in BOOL_COLUMNS:
        return pa.bool_(), _bool
    if name in LIST_COLUMNS:
        return pa.list_(pa.string()), _list
    if "INT" in declared:
        return pa.int64(), None
    if any(word in declared for word in ("REAL", "FLOA", "DOUB")):
        return pa.float64(), None
    return (pa.binary() if "BLOB" in declared else pa.string()), None


def arrow_schema(columns: list[tuple[str, str]]):
    """The Arrow schema of a table's exported columns (``[(name, declared SQLite type), ...]``)."""
    import pyarrow as pa

    return pa.schema([(name, _column(name, declared)[0]) for name, declared in columns
                      if name not in INTERNAL_COLUMNS])


def write_parquet(store: Store, folder: Path, filters) -> dict[str, int]:
    """Write ``<table>.parquet`` for each exported table; return rows per table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for table in EXPORT_TABLES:
        columns = table_columns(store, table)
        schema = arrow_schema(columns)
        keep = [(i, _column(name, declared)[1]) for i, (name, declared) in enumerate(columns)
                if name not in INTERNAL_COLUMNS]
        cursor = export_table(store, table, filters)
        counts[table] = 0
        with pq.ParquetWriter(folder / f"{table}.parquet", schema) as writer:
            while rows := cursor.fetchmany(CHUNK_ROWS):
                arrays = []
                for (index, convert), field in zip(keep, schema, strict=True):
                    values = [row[index] for row in rows]
                    arrays.append(pa.array([convert(v) for v in values] if convert else values, type=field.type))
                writer.write_table(pa.table(arrays, schema=schema))
                counts[table] += len(rows)
    return counts


def write_folder(job: ExportJob, folder: Path) -> dict[str, int]:
    """``<table>.parquet`` files in ``folder``: rows per file path."""
    return {f"{folder / table}.parquet": n for table, n in write_parquet(job.store, folder, job.filters).items()}
