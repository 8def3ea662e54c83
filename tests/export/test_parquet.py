"""Parquet export: one file per store table in native types, read by DuckDB and pyarrow without tidings."""
import datetime as dt

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tidings.export import export
from tidings.query import Filters
from tidings.storage.exports import EXPORT_TABLES


@pytest.fixture(scope="module")
def folder(store, tmp_path_factory):
    out = tmp_path_factory.mktemp("pq") / "pq"
    summary = export(store, "parquet", out)
    assert summary.written[f"{out / 'event_clusters'}.parquet"] == 5
    return out


def test_one_typed_file_per_table(folder):
    assert sorted(p.stem for p in folder.glob("*.parquet")) == sorted(EXPORT_TABLES)
    clusters = pq.read_table(folder / "event_clusters.parquet")
    assert clusters.num_rows == 5
    assert clusters.schema.field("num_mentions").type == pa.int64()
    assert clusters.schema.field("goldstein").type == pa.float64()
    articles = pq.read_table(folder / "articles.parquet")
    assert sorted(articles.column("id").to_pylist()) == ["shelling-courier", "talks-herald", "talks-wire"]
    assert pq.read_table(folder / "skipped.parquet").num_rows == 0  # empty tables keep their schema


def test_native_types_for_dates_flags_and_lists(folder):
    events = pq.read_table(folder / "events.parquet")
    assert events.schema.field("day").type == pa.date32()
    assert events.schema.field("historical").type == pa.bool_()
    assert events.schema.field("context").type == pa.list_(pa.string())
    assert set(events.column("historical").to_pylist()) == {False, True}
    assert ["diplomatic"] in events.column("context").to_pylist()
    assert dt.date(2021, 12, 1) in events.column("day").to_pylist()  # a month's first day
    clusters = pq.read_table(folder / "event_clusters.parquet")
    assert clusters.schema.field("day").type == pa.date32() and clusters.schema.field("historical").type == pa.bool_()
    articles = pq.read_table(folder / "articles.parquet")
    assert articles.schema.field("published").type == pa.date32()
    assert articles.schema.field("ingested_at").type == pa.timestamp("us", tz="UTC")
    assert articles.schema.field("authors").type == pa.list_(pa.string())
    assert articles.schema.field("off_topic").type == pa.bool_()
    assert pq.read_table(folder / "amounts.parquet").schema.field("approximate").type == pa.bool_()
    assert pq.read_table(folder / "failures.parquet").schema.field("failed_at").type == pa.timestamp("us", tz="UTC")


def test_no_internal_blobs_or_keys(folder):
    for path in folder.glob("*.parquet"):
        schema = pq.read_schema(path)
        assert not {"minhash", "actor_key", "recipient_key"} & set(schema.names), path.name
        assert not [f.name for f in schema if f.type == pa.binary()], path.name


def test_duckdb_reads_dates_as_dates(folder):
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    rows = con.execute(f"""SELECT date_trunc('month', day) AS month, count(*) AS n
                           FROM '{folder}/events.parquet' WHERE day IS NOT NULL GROUP BY 1 ORDER BY 1""").fetchall()
    assert [(str(month)[:10], n) for month, n in rows] == [("2021-12-01", 4)]  # the undated two are NULL
    (historical,) = con.execute(f"SELECT count(*) FROM '{folder}/events.parquet' WHERE historical").fetchone()
    assert historical == 1
    (contexts,) = con.execute(f"SELECT count(*) FROM '{folder}/events.parquet' "
                              f"WHERE list_contains(context, 'diplomatic')").fetchone()
    assert contexts == 6
    kinds = dict(con.execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM "
                             f"'{folder}/articles.parquet')").fetchall())
    assert kinds["published"] == "DATE" and kinds["ingested_at"].startswith("TIMESTAMP")
    assert kinds["authors"] == "VARCHAR[]" and kinds["off_topic"] == "BOOLEAN" and "minhash" not in kinds


def test_filters_apply_to_event_tables(store, tmp_path):
    export(store, "parquet", tmp_path / "pq", Filters(actor="joe-biden"))
    assert pq.read_table(tmp_path / "pq" / "events.parquet").num_rows == 2
    assert pq.read_table(tmp_path / "pq" / "event_clusters.parquet").num_rows == 1
    assert pq.read_table(tmp_path / "pq" / "articles.parquet").num_rows == 3
