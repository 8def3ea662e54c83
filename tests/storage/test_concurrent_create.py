"""Two processes creating the same new store at once: each migration is applied once, neither fails."""
from __future__ import annotations

import multiprocessing

from tidings.storage import Store


def _open(path: str, start, results) -> None:
    start.wait(timeout=30)
    try:
        Store.open(path).close()
        results.put("ok")
    except Exception as exc:  # reported to the test, not lost in the child
        results.put(f"{type(exc).__name__}: {exc}")


def test_two_processes_creating_a_store_at_once_both_succeed(tmp_path):
    context = multiprocessing.get_context("fork")
    for attempt in range(8):
        path = str(tmp_path / f"race{attempt}.db")
        start, results = context.Barrier(2), context.Queue()
        workers = [context.Process(target=_open, args=(path, start, results)) for _ in range(2)]
        for worker in workers:
            worker.start()
        outcomes = [results.get(timeout=60) for _ in workers]
        for worker in workers:
            worker.join(timeout=30)
        assert outcomes == ["ok", "ok"], outcomes
        with Store.open(path, readonly=True) as store:
            versions = [row[0] for row in store.conn.execute("SELECT version FROM migrations ORDER BY version")]
        assert versions == sorted(set(versions)) and versions
