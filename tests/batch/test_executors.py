"""Parallel ingest: local worker processes and a Dask LocalCluster store what a serial run stores."""
import pytest

from tests.batch.stories import STORIES, write_corpus
from tidings.batch import ingest
from tidings.batch.executors import ExecutorError, SerialExecutor, make_executor
from tidings.storage import Store


def stored_rows(store):
    """(articles, events) as comparable tuples."""
    articles = store.conn.execute("SELECT id, content_hash, status FROM articles ORDER BY id").fetchall()
    events = store.conn.execute("SELECT article_id, seq, type, cameo FROM events ORDER BY article_id, seq").fetchall()
    return [tuple(r) for r in articles], [tuple(r) for r in events]


def assert_same_outcome(summary, store, serial_result):
    """Same failures, same articles, same events as the serial run (the message shows what differs)."""
    serial_summary, (serial_articles, serial_events) = serial_result
    assert summary.failed == serial_summary.failed, summary.lines()
    articles, events = stored_rows(store)
    assert articles == serial_articles
    assert set(events) ^ set(serial_events) == set()


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
        assert_same_outcome(summary, store, serial_result)
    assert (summary.stored, summary.duplicates) == (len(STORIES), 1)


@pytest.mark.slow
def test_dask_local_cluster_stores_the_same_as_one_worker(corpus, serial_result, tmp_path):
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        with Store.open(tmp_path / "dask.db") as store:
            summary = ingest([str(corpus)], store=store, engine="dask", scheduler=cluster.scheduler_address,
                             batch_size=2)
            assert_same_outcome(summary, store, serial_result)
    assert summary.stored == len(STORIES)


def test_make_executor_choices():
    assert isinstance(make_executor("local", workers=1), SerialExecutor)
    with pytest.raises(ExecutorError, match="needs --scheduler"):
        make_executor("dask")
    with pytest.raises(ExecutorError, match="unknown engine"):
        make_executor("spark")
    with pytest.raises(ExecutorError, match="at least 1"):
        make_executor("local", workers=0)
