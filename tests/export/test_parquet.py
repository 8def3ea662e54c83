"""Parquet export: one file per store table, typed columns, readable without tidings."""
import pyarrow as pa
import pyarrow.parquet as pq

from tidings.export import export
from tidings.query import Filters
from tidings.storage.exports import EXPORT_TABLES


def test_one_typed_file_per_table(store, tmp_path):
    summary = export(store, "parquet", tmp_path / "pq")
    assert sorted(p.stem for p in (tmp_path / "pq").glob("*.parquet")) == sorted(EXPORT_TABLES)
    clusters = pq.read_table(tmp_path / "pq" / "event_clusters.parquet")
    assert clusters.num_rows == 5 == summary.written[f"{tmp_path / 'pq' / 'event_clusters'}.parquet"]
    assert clusters.schema.field("num_mentions").type == pa.int64()
    assert clusters.schema.field("goldstein").type == pa.float64()
    articles = pq.read_table(tmp_path / "pq" / "articles.parquet")
    assert sorted(articles.column("id").to_pylist()) == ["shelling-courier", "talks-herald", "talks-wire"]
    assert articles.schema.field("minhash").type == pa.binary()
    assert pq.read_table(tmp_path / "pq" / "skipped.parquet").num_rows == 0  # empty tables keep their schema


def test_filters_apply_to_event_tables(store, tmp_path):
    export(store, "parquet", tmp_path / "pq", Filters(actor="joe-biden"))
    assert pq.read_table(tmp_path / "pq" / "events.parquet").num_rows == 2
    assert pq.read_table(tmp_path / "pq" / "event_clusters.parquet").num_rows == 1
    assert pq.read_table(tmp_path / "pq" / "articles.parquet").num_rows == 3
