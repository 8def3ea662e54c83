"""Parallel ingest: local worker processes and a Dask LocalCluster store what a serial run stores."""
import pytest

from tests.batch.stories import STORIES, write_corpus
from tidings.batch import ingest
from tidings.batch.executors import ExecutorError, SerialExecutor, make_executor
from tidings.storage import Store


def stored_rows(store):
    articles = store.conn.execute("SELECT id, content_hash, status FROM articles ORDER BY id").fetchall()
    events = store.conn.execute("SELECT article_id, seq, type, cameo FROM events ORDER BY article_id, seq").fetchall()
    return [tuple(r) for r in articles], [tuple(r) for r in events]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def serial_result(corpus, tmp_path_factory):
    with Store.open(tmp_path_factory.mktemp("serial") / "s.db") as store:
        summary = ingest([str(corpus)], store=store, batch_size=2)
        return summary, stored_rows(store)


@pytest.mark.slow
def test_two_local_workers_store_the_same_as_one(corpus, serial_result, tmp_path):
    with Store.open(tmp_path / "w2.db") as store:
        summary = ingest([str(corpus)], store=store, workers=2, batch_size=2)
        assert stored_rows(store) == serial_result[1]
    assert (summary.stored, summary.duplicates, summary.failed) == (
        serial_result[0].stored, serial_result[0].duplicates, serial_result[0].failed)
    assert summary.stored == len(STORIES)


@pytest.mark.slow
def test_dask_local_cluster_stores_the_same_as_one_worker(corpus, serial_result, tmp_path):
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Store.open(tmp_path / "dask.db") as store:
            summary = ingest([str(corpus)], store=store, engine="dask", scheduler=cluster.scheduler_address,
                             batch_size=2)
            assert stored_rows(store) == serial_result[1]
    assert summary.stored == len(STORIES) and summary.failed == serial_result[0].failed


def test_make_executor_choices():
    assert isinstance(make_executor("local", workers=1), SerialExecutor)
    with pytest.raises(ExecutorError, match="needs --scheduler"):
        make_executor("dask")
    with pytest.raises(ExecutorError, match="unknown engine"):
        make_executor("spark")
    with pytest.raises(ExecutorError, match="at least 1"):
        make_executor("local", workers=0)
