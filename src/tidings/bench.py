"""Benchmarks behind ``tidings bench``: ingest throughput beside bare spaCy, and dashboard query latency.

* :func:`bench_ingest` ingests a corpus (repeated ``repeat`` times, each copy made unique so it is
  really processed and stored) into a fresh temporary store with 1 and ``workers`` processes, and
  runs bare spaCy ``nlp.pipe`` (the model exactly as published) over the same cleaned texts with
  the same ``n_process``. Each comparison is made ``rounds`` times, tidings and spaCy taking turns
  to go first, and ratios are medians of the rounds' paired ratios, so a burst of load from other
  programs on the machine skews one round, not the result. Peak resident memory of each worker is
  sampled with psutil while the run goes (twice a second; the sampler's own CPU time is not charged
  to the run).
* :func:`bench_queries` fills a temporary store with synthetic events and times the queries the
  dashboard makes (median of several runs).
"""
from __future__ import annotations

import dataclasses
import functools
import os
import statistics
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

BATCH_SIZE = 16
SAMPLE_SECONDS = 0.5  # each sample costs ~2 ms of CPU (psutil walks /proc)
QUERY_RUNS = 5
TARGETS = {"tidings_vs_spacy": 0.8, "two_workers_vs_one": 1.6, "peak_rss_mb": 1536, "query_ms": 200}


@dataclass
class Run:
    """One timed pass over the corpus."""

    name: str
    processes: int
    seconds: float
    articles: int
    words: int
    peak_rss_mb: float | None = None
    cpu_seconds: float | None = None
    stage_seconds: dict[str, float] = field(default_factory=dict)  # tidings: time per pipeline stage, all workers
    trial: int = 0  # which round of the comparison
    failed: int = 0  # tidings: inputs that failed (timed, but not the work of a stored article)

    @property
    def articles_per_second(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "articles_per_second": round(self.articles_per_second, 2),
                "words_per_second": round(self.words_per_second, 1)}


@dataclass
class IngestReport:
    corpus: str
    inputs: int
    articles: int  # English articles parsed (the spaCy baseline's texts)
    words: int
    runs: list[Run] = field(default_factory=list)
    load_average: tuple[float, ...] = ()  # of the machine when the runs started (other programs' work)

    def rounds(self, name: str, processes: int) -> list[Run]:
        return [r for r in self.runs if r.name == name and r.processes == processes]

    def run(self, name: str, processes: int) -> Run | None:
        """The median run (by seconds) of ``name`` with ``processes``."""
        runs = sorted(self.rounds(name, processes), key=lambda r: r.seconds)
        return runs[(len(runs) - 1) // 2] if runs else None

    def ratios(self) -> dict[str, float]:
        """Medians over rounds: tidings/spaCy per process count (articles/s and CPU), N workers/1 for both."""
        out: dict[str, float] = {}
        for processes in sorted({r.processes for r in self.runs}):
            pairs = _paired(self.rounds("tidings", processes), self.rounds("spacy", processes))
            if pairs:
                out[f"tidings_vs_spacy_{processes}p"] = _median_ratio(pairs, lambda r: r.articles_per_second)
                out[f"tidings_vs_spacy_cpu_{processes}p"] = _median_ratio(
                    [(s, t) for t, s in pairs], lambda r: r.cpu_seconds or 0.0)
        for name in ("tidings", "spacy"):
            for processes in sorted({r.processes for r in self.runs if r.processes > 1}):
                pairs = _paired(self.rounds(name, processes), self.rounds(name, 1))
                if pairs:
                    out[f"{name}_{processes}p_vs_1p"] = _median_ratio(pairs, lambda r: r.articles_per_second)
        return {k: round(v, 3) for k, v in out.items()}

    def to_dict(self) -> dict[str, Any]:
        return {"corpus": self.corpus, "inputs": self.inputs, "articles": self.articles, "words": self.words,
                "cpus": os.cpu_count(), "load_average": self.load_average, "runs": [r.to_dict() for r in self.runs],
                "ratios": self.ratios(), "targets": TARGETS}


def _paired(first: list[Run], second: list[Run]) -> list[tuple[Run, Run]]:
    """Runs of the same round, side by side."""
    by_trial = {r.trial: r for r in second}
    return [(r, by_trial[r.trial]) for r in first if r.trial in by_trial]


def _median_ratio(pairs: list[tuple[Run, Run]], measure: Callable[[Run], float]) -> float:
    ratios = [measure(a) / measure(b) for a, b in pairs if measure(b)]
    return statistics.median(ratios) if ratios else 0.0


class Usage:
    """Samples, while a run goes, the resident memory and CPU time of this process and its children.

    ``peak_rss_mb`` is the largest worker: the children when there are any (process pools), else
    this process. ``cpu_seconds`` (this process's and the children's) measures work even when
    other programs share the machine and wall-clock rates suffer. The sampler's own thread time is
    left out, so the runs compared are charged only for their own work; children that end during
    the run (spaCy's ``n_process``) count through the reaped children's times.
    """

    def __init__(self) -> None:
        import psutil

        self.me = psutil.Process()
        self.rss: dict[int, int] = {}
        self.child_cpu: dict[int, float] = {}
        self.live: set[int] = set()  # children seen by the latest sample
        self._child_start: dict[int, float] = {}  # children alive when the run began → their CPU time then
        self.cpu_seconds = 0.0
        self.sampler_cpu = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _own_cpu(self) -> float:
        times = self.me.cpu_times()
        return times.user + times.system

    @staticmethod
    def _reaped_cpu() -> float:
        times = os.times()
        return times.children_user + times.children_system

    def __enter__(self) -> Usage:
        self._cpu_start = self._own_cpu()
        self._reaped_start = self._reaped_cpu()
        self._child_start = {proc.pid: sum(proc.cpu_times()[:2]) for proc in self.me.children(recursive=True)}
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        live = sum(self.child_cpu[pid] - self._child_start.get(pid, 0.0) for pid in self.live)
        ended = self._reaped_end - self._reaped_start - sum(
            cpu for pid, cpu in self._child_start.items() if pid not in self.live)
        self.cpu_seconds = self._own_cpu() - self._cpu_start - self.sampler_cpu + live + ended

    def _sample(self) -> None:
        started = time.thread_time()
        while True:
            self._record()
            if self._stop.wait(SAMPLE_SECONDS):
                break
        self._record()  # the children's CPU up to the end of the run
        self._reaped_end = self._reaped_cpu()
        self.sampler_cpu = time.thread_time() - started

    def _record(self) -> None:
        import psutil

        self.rss[self.me.pid] = max(self.rss.get(self.me.pid, 0), self.me.memory_info().rss)
        self.live = set()
        for proc in self.me.children(recursive=True):
            try:
                self.rss[proc.pid] = max(self.rss.get(proc.pid, 0), proc.memory_info().rss)
                times = proc.cpu_times()
            except psutil.Error:
                continue
            self.child_cpu[proc.pid] = times.user + times.system
            self.live.add(proc.pid)

    @property
    def peak_rss_mb(self) -> float:
        # children already there before the run (a multiprocessing resource tracker, a server) are not its workers
        workers = [rss for pid, rss in self.rss.items() if pid != self.me.pid and pid not in self._child_start] \
            or [self.rss.get(self.me.pid, 0)]
        return round(max(workers) / 2**20, 1)


def corpus_inputs(corpus: Path | str, repeat: int) -> list:
    """The corpus's RawArticles, ``repeat`` times; copies get a new id and a closing line of their own."""
    from tidings.models import RawArticle
    from tidings.stages.ingest.readers import iter_inputs

    raws = [item for item in iter_inputs([str(corpus)]) if isinstance(item, RawArticle)]
    out = []
    for copy in range(repeat):
        for raw in raws:
            if copy == 0:
                out.append(raw)
                continue
            line = f"Copy {copy} of this report was filed for benchmarking."
            changes: dict[str, Any] = {"id": f"{raw.id}~{copy}"}
            if raw.html is not None:
                changes["html"] = raw.html.replace("</body>", f"<p>{line}</p></body>", 1)
            else:
                changes["text"] = f"{raw.text}\n\n{line}"
            out.append(dataclasses.replace(raw, **changes))
    return out


def cleaned_texts(raws: Sequence) -> list[str]:
    """The cleaned English texts tidings would parse (the bare spaCy baseline runs on these)."""
    from tidings.stages import clean

    texts = []
    for raw in raws:
        try:
            doc = clean.run(raw)
        except clean.BadInput:
            continue
        if doc.article.language == "en":
            texts.append(doc.article.text)
    return texts


def time_tidings(raws: Sequence, executor, workers: int, words: int, articles: int, trial: int = 0) -> Run:
    """Ingest ``raws`` into a fresh temporary store with ``executor``'s processes, as ``tidings ingest`` does.

    The executor's workers have loaded their pipeline before (see :func:`warm_executor`), as bare
    spaCy's model is loaded before its run.
    """
    from tidings.batch.ingest import IngestSummary, Writer, plan_batches
    from tidings.models import Failure
    from tidings.storage import Store

    with tempfile.TemporaryDirectory(prefix="tidings-bench-") as folder:
        with Store.open(Path(folder) / "bench.db") as store, Usage() as usage:
            started = time.perf_counter()
            writer = Writer(store, IngestSummary())
            stages: Counter = Counter()
            failed = 0
            for batch, results in executor.map_batches(plan_batches(raws, writer, batch_size=BATCH_SIZE)):
                writer.commit(batch, results)
                failed += sum(isinstance(item, Failure) for item in results)
                for item in results:
                    stages.update(getattr(item, "timings", {}))
            seconds = time.perf_counter() - started
    return Run("tidings", workers, seconds, articles, words, usage.peak_rss_mb, round(usage.cpu_seconds, 2),
               {name: round(value, 2) for name, value in stages.most_common()}, trial, failed)


def warm_executor(raws: Sequence, workers: int, config=None):
    """A local executor whose ``workers`` processes have each loaded the pipeline of ``config`` (None: the
    default one), one article each."""
    from tidings.batch.executors import make_executor

    executor = make_executor("local", workers=workers, config=config)
    list(executor.map_batches([[raw] for raw in raws[:workers]]))
    return executor


def time_spacy(texts: Sequence[str], processes: int, words: int, trial: int = 0) -> Run:
    """Bare ``nlp.pipe`` over ``texts``: the published model, the pipeline's batch size, ``n_process``."""
    from tidings.stages.nlp import load_bare_model

    nlp = load_bare_model()
    with Usage() as usage:
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=BATCH_SIZE, n_process=processes):
            pass
        seconds = time.perf_counter() - started
    return Run("spacy", processes, seconds, len(texts), words, usage.peak_rss_mb, round(usage.cpu_seconds, 2),
               trial=trial)


def bench_ingest(corpus: Path | str | None = None, *, workers: int = 2, repeat: int = 5, rounds: int = 3,
                 spacy: bool = True, lexicon_files: Sequence[str] = ()) -> IngestReport:
    """Time tidings ingest (1 and ``workers`` processes) ``rounds`` times, each round beside bare spaCy
    on the same texts (with ``spacy``); tidings and spaCy take turns to go first. ``lexicon_files``: user
    verb-pattern files the events stage adds to its lexicon (the case that once cost 22x in the events stage)."""
    config = None
    if lexicon_files:
        from tidings.config import Config

        config = Config().replace(events={"lexicon_files": tuple(str(f) for f in lexicon_files)})
    if corpus is None:
        from tidings.examples import corpus_path

        corpus = corpus_path()
    raws = corpus_inputs(corpus, repeat)
    texts = cleaned_texts(raws)
    words = sum(len(text.split()) for text in texts)
    report = IngestReport(str(corpus), len(raws), len(texts), words, load_average=os.getloadavg())
    if spacy:
        time_spacy(texts[:BATCH_SIZE], 1, 0)  # load the model and let it allocate before the first timed run
    for processes in sorted({1, workers}):
        executor = warm_executor(raws, processes, config)
        try:
            for trial in range(rounds):
                runs = [functools.partial(time_tidings, raws, executor, processes, words, len(texts), trial)]
                if spacy:
                    runs.append(functools.partial(time_spacy, texts, processes, words, trial))
                for timed in runs if trial % 2 == 0 else runs[::-1]:
                    report.runs.append(timed())
        finally:
            executor.close()
    return report


# --- dashboard queries ----------------------------------------------------------------------


@dataclass
class QueryTiming:
    name: str
    median_ms: float
    max_ms: float
    rows: int


def dashboard_queries() -> list[tuple[str, Callable]]:
    """(name, fn(store)) for the queries the dashboard makes, on synthetic actor codes."""
    from tidings import query
    from tidings.query import Filters

    pair = Filters(actor="USAGOV", recipient="RUSGOV", limit=1000)
    return [
        ("events: latest 50", lambda s: query.events(s, Filters(limit=50))),
        ("events: actor+type+dates", lambda s: query.events(
            s, Filters(actor="RUS", type="ASSAULT", since="2020-01-01", until="2020-12-31", limit=50))),
        ("events: country+status", lambda s: query.events(s, Filters(country="UKR", status="negated", limit=50))),
        ("mentions: country+status", lambda s: query.events(s, Filters(country="UKR", status="negated", limit=50),
                                                             mentions=True)),
        ("daily counts: actor pair", lambda s: query.daily_counts(s, pair)),
        ("daily counts: one type", lambda s: query.daily_counts(s, Filters(type="PROTEST", since="2021-01-01"))),
        ("top actors", lambda s: query.actors(s, Filters(limit=15))),
        ("top actors: one year", lambda s: query.actors(s, Filters(since="2021-01-01", until="2021-12-31",
                                                                    limit=15))),
        ("top dyads", lambda s: query.top_dyads(s, Filters(limit=15))),
        ("top dyads: one country", lambda s: query.top_dyads(s, Filters(country="IRN", limit=15))),
        ("top actors: one country", lambda s: query.actors(s, Filters(country="IRN", limit=15))),
        ("daily counts: one country", lambda s: query.daily_counts(s, Filters(country="IRN", since="2021-01-01"))),
        ("map: all places", lambda s: query.places(s, Filters(limit=1000))),
        ("map: places", lambda s: query.places(s, Filters(actor="RUS", limit=1000))),
        ("map: one country", lambda s: query.places(s, Filters(country="IRN", limit=1000))),
        ("summary", lambda s: [query.summary(s)]),
    ]


def bench_queries(events: int, *, runs: int = QUERY_RUNS, db: Path | str | None = None) -> dict[str, Any]:
    """Build a store with ``events`` synthetic event mentions (or reuse ``db``) and time the dashboard queries."""
    from tidings.query import event_mention_count
    from tidings.storage import Store
    from tidings.storage.synthetic import insert_synthetic_events

    with tempfile.TemporaryDirectory(prefix="tidings-bench-") as folder:
        path = Path(db) if db else Path(folder) / "queries.db"
        started = time.perf_counter()
        with Store.open(path) as store:
            existing = event_mention_count(store)
            counts = insert_synthetic_events(store, events - existing) if events > existing else {}
        build_seconds = time.perf_counter() - started
        timings = []
        with Store.open(path, readonly=True) as store:
            for name, run in dashboard_queries():
                samples, rows = [], 0
                for _ in range(runs):
                    started = time.perf_counter()
                    rows = len(run(store))
                    samples.append((time.perf_counter() - started) * 1000)
                timings.append(QueryTiming(name, round(statistics.median(samples), 2), round(max(samples), 2), rows))
    return {"events": max(events, existing), "inserted": counts, "build_seconds": round(build_seconds, 1),
            "runs": runs, "queries": [asdict(t) for t in timings], "target_ms": TARGETS["query_ms"]}
