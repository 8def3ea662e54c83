"""Budgets of a run: batches bounded by their bytes of content, workers that die with their parent, articles over
their time budget failed alone (in-process and in a worker process)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.batch.slow import SLOW, finished, slow_stage
from tidings import query
from tidings.batch import ingest
from tidings.batch.executors import ArticleLimits, ProcessExecutor, process_batch
from tidings.batch.ingest import IngestSummary, Writer, plan_batches
from tidings.models import Document, RawArticle
from tidings.storage import Store

REPO = Path(__file__).resolve().parents[2]


def test_batches_are_bounded_by_their_bytes_not_only_their_count(tmp_path):
    raws = [RawArticle(id=f"big{n}", text=f"{n} " + "x" * 3_000) for n in range(16)]
    with Store.open(tmp_path / "t.db") as store:
        writer = Writer(store, IngestSummary(), min_confidence=0.5)
        batches = list(plan_batches(iter(raws), writer, batch_size=16, batch_chars=10_000))
    assert [len(batch) for batch in batches] == [3] * 5 + [1]
    assert all(sum(len(raw.text or "") for raw in batch) <= 10_000 for batch in batches)
    assert [raw.id for batch in batches for raw in batch] == [raw.id for raw in raws]  # order and count kept


def test_an_input_larger_than_the_budget_is_a_batch_of_its_own(tmp_path):
    raws = [RawArticle(id="small", text="a b c"), RawArticle(id="huge", text="y" * 50),
            RawArticle(id="after", text="d e f")]
    with Store.open(tmp_path / "t.db") as store:
        batches = list(plan_batches(iter(raws), Writer(store, IngestSummary(), min_confidence=0.5),
                                    batch_size=16, batch_chars=20))
    assert [[raw.id for raw in batch] for batch in batches] == [["small"], ["huge"], ["after"]]


PARENT = """
import json, os, sys, time
from tidings.batch.executors import ProcessExecutor
executor = ProcessExecutor(2)
futures = [executor.pool.submit(time.sleep, 120) for _ in range(2)]
while not all(f.running() for f in futures):
    time.sleep(0.05)
time.sleep(3)  # the workers' initializer has run
print(json.dumps(sorted(executor.pool._processes)), flush=True)
time.sleep(120)
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")  # a zombie has exited


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process states from /proc (Linux)")
def test_local_workers_die_when_their_parent_is_killed():
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True, env=env)
    workers: list[int] = []
    try:
        workers = json.loads(parent.stdout.readline())
        assert len(workers) == 2 and all(_alive(pid) for pid in workers)
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 5
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        survivors = [pid for pid in workers if _alive(pid)]
        assert not survivors, f"workers {survivors} outlived their parent"
    finally:
        if parent.poll() is None:
            parent.kill()
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


STORY = ("Kenya accused Uganda on Monday of shelling a border post near Busia, the foreign ministry said. "
         "Ugandan officials denied the charge.")


def slow_pipeline(model=None):
    from tidings.pipeline import ANNOTATORS, Pipeline

    return Pipeline(annotators=(*ANNOTATORS, ("slow", slow_stage)), spacy_model=model)


def test_an_article_over_its_time_budget_is_a_recorded_failure_and_the_batch_is_stored(tmp_path):
    from tidings.pipeline import default_pipeline

    raws = [RawArticle(id="first", text=STORY), RawArticle(id=SLOW, text=STORY.replace("Monday", "Tuesday")),
            RawArticle(id="last", text=STORY.replace("Monday", "Friday"))]
    finished.clear()
    with Store.open(tmp_path / "t.db") as store:
        summary = ingest([], store=store, inputs=raws, pipeline=slow_pipeline(default_pipeline().nlp),
                         time_budget=1.0, min_confidence=0.5)
        failures = {row["input_id"]: row["reason"] for row in query.failures(store)}
        articles = sorted(row["id"] for row in query.articles(store))
    assert finished == [] and summary.stored == 2 and summary.failed == {"time budget exceeded": 1}
    assert articles == ["first", "last"] and failures[SLOW].startswith("time budget exceeded")
    assert summary.total == len(raws)


@pytest.mark.slow
def test_a_local_worker_process_interrupts_the_slow_article_and_returns_the_others():
    raws = [RawArticle(id="first", text=STORY), RawArticle(id=SLOW, text=STORY), RawArticle(id="last", text=STORY)]
    executor = ProcessExecutor(1)
    try:  # a first article without a budget loads the model and resources in the worker
        warm_up = executor.pool.submit(process_batch, raws[:1], slow_pipeline(), limits=ArticleLimits(time_budget=None))
        future = executor.pool.submit(process_batch, raws, slow_pipeline(), limits=ArticleLimits(time_budget=1.5))
        assert isinstance(warm_up.result(timeout=240)[0], Document)
        results = future.result(timeout=240)
    finally:
        executor.close()
    assert [type(item).__name__ for item in results] == ["Document", "Failure", "Document"]
    assert results[1].reason.startswith("time budget exceeded") and "limit 1.5 s" in results[1].reason


def test_article_limits_are_checked_before_any_worker_starts():
    with pytest.raises(ValueError, match="time_budget"):
        ArticleLimits(time_budget=0)
    with pytest.raises(ValueError, match="max_chars"):
        ArticleLimits(max_chars=-1)
