"""A folder of Parquet files, one per store table (DuckDB: ``SELECT * FROM 'out/events.parquet'``)."""
from __future__ import annotations

from pathlib import Path

from tidings.storage import Store
from tidings.storage.exports import EXPORT_TABLES, export_table, table_columns

CHUNK_ROWS = 50_000


def arrow_schema(columns: list[tuple[str, str]]):
    """The Arrow schema of SQLite columns (declared type affinity → int64, float64, binary or string)."""
    import pyarrow as pa

    def arrow_type(declared: str):
        if "INT" in declared:
            return pa.int64()
        if any(word in declared for word in ("REAL", "FLOA", "DOUB")):
            return pa.float64()
        return pa.binary() if "BLOB" in declared else pa.string()

    return pa.schema([(name, arrow_type(declared)) for name, declared in columns])


def write_parquet(store: Store, folder: Path, filters) -> dict[str, int]:
    """Write ``<table>.parquet`` for each exported table; return rows per table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for table in EXPORT_TABLES:
        schema = arrow_schema(table_columns(store, table))
        cursor = export_table(store, table, filters)
        counts[table] = 0
        with pq.ParquetWriter(folder / f"{table}.parquet", schema) as writer:
            while rows := cursor.fetchmany(CHUNK_ROWS):
                columns = list(zip(*rows))
                writer.write_table(pa.table([pa.array(list(values), type=field.type)
                                             for values, field in zip(columns, schema)], schema=schema))
                counts[table] += len(rows)
    return counts
