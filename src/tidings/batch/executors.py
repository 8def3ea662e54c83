"""Executors run the pipeline on batches of RawArticles and hand results back in input order.

Workers never touch the database: they return Documents (without the parse layer) or Failures
and the parent's writer commits them. ``serial`` runs in-process, ``local`` uses N spawned
processes, ``dask`` submits batches to a ``dask.distributed`` scheduler. Each worker process
loads spaCy once (the process-wide pipeline of the run's configuration, which is sent along with each batch).
The per-article limits (``ArticleLimits``: wall-time budget, characters parsed) travel with every batch too,
so workers apply the run's own.
"""
from __future__ import annotations

import dataclasses
import os
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from tidings.config import Config
from tidings.models import Document, Failure, RawArticle
from tidings.pipeline.budget import TIME_BUDGET, check_limits
from tidings.stages.nlp import MAX_CHARS

Batch = list[RawArticle]
Results = list[Document | Failure]

from tidings.errors import ExecutorError  # noqa: E402  (public as tidings.ExecutorError)

#: Batches in flight per worker: enough to keep workers busy, little enough to bound memory.
WINDOW_PER_WORKER = 2
CONNECT_TIMEOUT = "15s"
#: How often a local worker checks that the process that started it is still there.
PARENT_CHECK_SECONDS = 0.5


def die_with_parent(parent: int, *, interval: float = PARENT_CHECK_SECONDS) -> None:
    """Worker initializer: end this process as soon as ``parent`` is gone, even killed with SIGKILL (no orphan
    keeps a spaCy model in memory). A daemon thread watches the parent id change (the orphan is re-parented);
    unlike prctl's PR_SET_PDEATHSIG it does not fire when only the parent's thread that spawned it ends."""
    if os.getppid() != parent:  # the parent died while this worker started
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(interval)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="tidings-parent-watch", daemon=True).start()


@dataclass(frozen=True, kw_only=True)
class ArticleLimits:
    """What one article may cost a worker: ``time_budget`` seconds of wall time in the stages (None: no
    limit) and ``max_chars`` characters of clean text parsed; over either it fails with the reason."""

    time_budget: float | None = TIME_BUDGET
    max_chars: int | None = None  # the parser's own limit, nlp.MAX_CHARS

    def __post_init__(self) -> None:
        check_limits(time_budget=self.time_budget, max_chars=self.max_chars, most_chars=MAX_CHARS)

    def apply(self, pipeline):
        """``pipeline`` with these limits (the same loaded model and stages); any other object with a
        ``process_many`` (a wrapper, a test double) is used as it is."""
        from tidings.pipeline import Pipeline

        if not isinstance(pipeline, Pipeline) or (pipeline.time_budget, pipeline.max_chars) == (
                self.time_budget, self.max_chars):
            return pipeline
        return dataclasses.replace(pipeline, time_budget=self.time_budget, max_chars=self.max_chars)


def process_batch(raws: Batch, pipeline=None, config: Config | None = None, *,
                  limits: ArticleLimits | None = None) -> Results:
    """Run ``pipeline`` (default: the process's pipeline of ``config``) on one batch, with ``limits`` when given
    (else the pipeline's own); a crash on the whole batch falls back to one input at a time."""
    from tidings.pipeline import pipeline_for

    pipeline = pipeline or pipeline_for(config)
    pipeline = limits.apply(pipeline) if limits is not None else pipeline
    try:
        results = list(pipeline.process_many(raws))
    except Exception:
        results = [_process_one(pipeline, raw) for raw in raws]
    for item in results:
        if isinstance(item, Document):
            item.parse = None  # the store keeps annotations, not the parse
            item.raw_html = None
    return results


def _process_one(pipeline, raw: RawArticle) -> Document | Failure:
    try:
        (item,) = list(pipeline.process_many([raw]))
        return item
    except Exception as exc:
        return Failure(id=raw.id, reason=f"pipeline error: {type(exc).__name__}: {exc}", origin=raw.origin,
                       detail=traceback.format_exc(limit=5))


class Executor(Protocol):
    def map_batches(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, Results]]: ...
    def close(self) -> None: ...


class SerialExecutor:
    """Runs the pipeline in this process (``--workers 1``)."""

    def __init__(self, pipeline=None, config: Config | None = None, *, limits: ArticleLimits | None = None):
        self.pipeline = pipeline
        self.config = config
        self.limits = limits

    def map_batches(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, Results]]:
        for batch in batches:
            yield batch, process_batch(batch, self.pipeline, self.config, limits=self.limits)

    def close(self) -> None:
        pass


class ProcessExecutor:
    """``workers`` local processes (spawned, so each loads its own spaCy model once)."""

    def __init__(self, workers: int, config: Config | None = None, *, limits: ArticleLimits | None = None):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers
        self.config = config
        self.limits = limits
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=die_with_parent, initargs=(os.getpid(),))

    def map_batches(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, Results]]:
        return ordered_results(lambda batch: self.pool.submit(process_batch, batch, None, self.config,
                                                              limits=self.limits), batches,
                               window=self.workers * WINDOW_PER_WORKER)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskExecutor:
    """Submits batches to a ``dask.distributed`` cluster (``scheduler`` address or a ``Client``). Dask runs
    tasks in worker threads, where no timer signal reaches them: an article over its time budget fails once
    its stage returns instead of being interrupted (``pipeline/budget.py``)."""

    def __init__(self, scheduler, config: Config | None = None, *, limits: ArticleLimits | None = None):
        from distributed import Client

        self.config = config
        self.limits = limits
        self.own_client = not isinstance(scheduler, Client)
        try:
            self.client = Client(scheduler, timeout=CONNECT_TIMEOUT) if self.own_client else scheduler
        except (OSError, TimeoutError) as exc:
            raise ExecutorError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def map_batches(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, Results]]:
        return ordered_results(lambda batch: self.client.submit(process_batch, batch, None, self.config,
                                                                limits=self.limits, pure=False),
                               batches, window=self.workers * WINDOW_PER_WORKER)

    def close(self) -> None:
        if self.own_client:
            self.client.close()


def ordered_results(submit: Callable, batches: Iterable[Batch], *, window: int) -> Iterator[tuple[Batch, Results]]:
    """Keep up to ``window`` batches in flight and yield their results in submission order.

    A batch whose worker failed (crashed process, killed Dask worker) comes back as Failures,
    so the rest of the run goes on and ``--retry-failed`` can redo it later.
    """
    pending: deque = deque()
    for batch in batches:
        pending.append((batch, submit(batch)))
        if len(pending) >= window:
            yield _collect(*pending.popleft())
    while pending:
        yield _collect(*pending.popleft())


def _collect(batch: Batch, future) -> tuple[Batch, Results]:
    try:
        return batch, future.result()
    except Exception as exc:
        reason = f"worker error: {type(exc).__name__}: {exc}"
        return batch, [Failure(id=raw.id, reason=reason, origin=raw.origin) for raw in batch]


def make_executor(engine: str = "local", *, workers: int = 1, scheduler=None, pipeline=None,
                  config: Config | None = None, limits: ArticleLimits | None = None) -> Executor:
    """The executor for ``--engine``/``--workers``/``--scheduler`` (``local`` with 1 worker runs in-process);
    workers run the pipeline of ``config`` (None: their default one); ``limits`` applies to every article
    (default: the pipeline's own)."""
    if engine == "dask":
        if scheduler is None:
            raise ExecutorError("--engine dask needs --scheduler tcp://HOST:PORT")
        return DaskExecutor(scheduler, config, limits=limits)
    if engine != "local":
        raise ExecutorError(f"unknown engine {engine!r} (local or dask)")
    if workers < 1:
        raise ExecutorError("--workers must be at least 1")
    return (SerialExecutor(pipeline, config, limits=limits) if workers == 1
            else ProcessExecutor(workers, config, limits=limits))
