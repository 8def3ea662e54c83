"""``ingest``: every input ends stored, skipped as a duplicate, or failed with a reason.

The parent process reads inputs, skips what earlier runs committed (by input id and by a hash
of the raw content, before any parsing), sends the rest in batches to an executor and commits
each batch's results in one transaction. Killing a run loses at most the batches in flight;
running it again redoes only those.
"""
from __future__ import annotations

import contextlib
import dataclasses
import glob
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tidings.batch.executors import ArticleLimits, Batch, Results, make_executor
from tidings.config import Config
from tidings.config import load as load_config
from tidings.dedup import events as event_dedup
from tidings.dedup import near
from tidings.models import Document, Failure, RawArticle
from tidings.pipeline.budget import TIME_BUDGET
from tidings.stages.ingest.source import MAX_FILE_BYTES
from tidings.storage import Store, StoreError
from tidings.storage.store import unwritable

BATCH_SIZE = 16
#: Most raw characters (text or HTML) of one batch: 16 huge documents are never held, sent or parsed at once.
#: A single input larger than this still makes a batch of its own (the readers bound each input).
BATCH_CHARS = 20_000_000
#: Files that may hold many articles: with one of them among the inputs, the total is not known up front.
MANY_ARTICLE_FILE = re.compile(r"\.(jsonl|xml|rss|atom|warc|arc|gz)$", re.I)
_NOTES = re.compile(r"(?:readme|licen[cs]e)(?:\.\w+)?", re.I)  # folder notes the readers leave out


@dataclass
class IngestSummary:
    """What happened to each input of a run."""

    stored: int = 0
    near_duplicates: int = 0  # stored, and joined the duplicate cluster of an earlier copy
    duplicates: int = 0  # skipped: an identical article is already stored
    already_done: int = 0  # committed by an earlier run (stored, skipped or failed)
    failed: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return self.stored + self.duplicates + self.already_done + sum(self.failed.values())

    def lines(self) -> list[str]:
        """A human summary: counts, then failures grouped by reason."""
        out = [f"{self.total} inputs: {self.stored} stored ({self.near_duplicates} near-duplicates of earlier "
               f"stories), {self.duplicates} skipped as duplicates, {self.already_done} already in the store, "
               f"{sum(self.failed.values())} failed"]
        out += [f"  failed ({count}): {reason}" for reason, count in self.failed.most_common()]
        return out

    def record(self) -> dict:
        """The counts as plain JSON values (failures by reason), as a run records them."""
        return {**dataclasses.asdict(self), "failed": dict(self.failed.most_common())}


def failure_kind(reason: str) -> str:
    """A reason without per-input detail, for the summary: ``empty: no text`` → ``empty``.

    ``not English: fr`` keeps its language and ``pipeline error: ValueError: msg`` its exception type.
    """
    head, _, rest = reason.partition(":")
    if head == "not English":
        return reason
    if head in ("pipeline error", "worker error", "store error") and rest:
        return f"{head}: {rest.split(':')[0].strip()}"
    return head


class Writer:
    """The one writer: commits each batch's outcomes in a single transaction."""

    def __init__(self, store: Store, summary: IngestSummary, *, progress=None, min_confidence: float | None = None,
                 run_id: int | None = None):
        from tidings.learn.scorer import default_min_confidence

        store.keep_scratch_in_memory()
        #: events below this confidence are stored as candidates but join no event cluster (no counts, no exports)
        self.min_confidence = default_min_confidence() if min_confidence is None else min_confidence
        self.store = store
        self.summary = summary
        self.progress = progress
        #: the ingest run (``tidings.provenance``) every stored article is linked to
        self.run_id = run_id

    def tick(self) -> None:
        if self.progress is not None:
            self.progress.update(1)

    def fail(self, input_id: str, reason: str, *, origin: str | None = None, detail: str | None = None) -> None:
        self.store.add_failure(input_id, reason, origin=origin, detail=detail)
        self.summary.failed[failure_kind(reason)] += 1
        self.tick()

    def skip(self, raw: RawArticle, *, duplicate_of: str, reason: str) -> None:
        self.store.add_skipped(raw.id, duplicate_of=duplicate_of, reason=reason, origin=raw.origin)
        self.summary.duplicates += 1
        self.tick()

    def commit(self, raws: Sequence[RawArticle], results: Results) -> None:
        """Store, skip or fail each input of a batch, all in one transaction."""
        with self.store.transaction():
            for raw, item in zip(raws, results, strict=True):
                if self.store.input_outcome(raw.id) in ("stored", "skipped"):  # a concurrent run got there first
                    self.summary.already_done += 1
                    self.tick()
                elif isinstance(item, Failure):
                    self.fail(raw.id, item.reason, origin=raw.origin, detail=item.detail)
                elif item.article.language != "en":
                    self.fail(raw.id, f"not English: {item.article.language or 'unknown'}", origin=raw.origin)
                else:
                    self.store_or_fail(raw, item)

    def store_or_fail(self, raw: RawArticle, doc: Document) -> None:
        """Store ``doc``; a document the store rejects becomes a failure and the batch goes on."""
        try:
            with self.store.savepoint():
                self.store_document(raw, doc)
        except (sqlite3.Error, ValueError, TypeError) as exc:
            if unwritable(exc):  # the store, not this document: the run stops with one line
                raise
            self.fail(raw.id, f"store error: {type(exc).__name__}: {exc}", origin=raw.origin)

    def store_document(self, raw: RawArticle, doc: Document) -> None:
        """Store ``doc`` unless an identical text is stored; cluster it with near-duplicates and its events."""
        normalized = near.normalize(doc.article.text)
        text_hash = near.normalized_hash(normalized)
        same = self.store.article_with_hash(content_hash=text_hash)
        if same is not None:
            self.skip(raw, duplicate_of=same, reason="exact duplicate (same cleaned text)")
            return
        signature = near.Signature.of_normalized(normalized)
        bands = signature.bands()
        match = near.best_match(signature, self.store.lsh_candidates(bands))
        clusters = [event_dedup.assign_cluster(self.store, event) if event.confidence >= self.min_confidence else None
                    for event in doc.events]
        codes = [(event_dedup.actor_code(e.actor), event_dedup.actor_code(e.recipient)) for e in doc.events]
        self.store.add_article(
            doc, content_hash=text_hash, raw_hash=raw_content_hash(raw), origin=raw.origin,
            status="near-duplicate" if match else "original",
            dup_cluster=match.dup_cluster if match else doc.article.id,
            similarity=match.similarity if match else None,
            minhash=signature.to_bytes(), bands=bands, event_clusters=clusters, event_codes=codes, run_id=self.run_id)
        self.store.refresh_event_clusters(clusters)
        self.store.clear_failure(raw.id)
        self.summary.stored += 1
        self.summary.near_duplicates += bool(match)
        self.tick()


def raw_content_hash(raw: RawArticle) -> str | None:
    content = raw.html if raw.html is not None else raw.text
    return near.raw_hash(content) if content is not None else None


def raw_size(raw: RawArticle) -> int:
    """The characters of an input's content (text or HTML), what a batch's budget counts."""
    return len(raw.html or "") + len(raw.text or "")


def plan_batches(inputs: Iterable[RawArticle | Failure], writer: Writer, *, batch_size: int = BATCH_SIZE,
                 batch_chars: int = BATCH_CHARS, retry_failed: bool = False) -> Iterator[Batch]:
    """Batches of inputs still to parse, each of at most ``batch_size`` inputs and ``batch_chars`` characters
    of content (an input over that alone is a batch of one); reader failures and known inputs are settled on
    the way.

    An input whose id an earlier input of this run already took (a JSONL line repeating an id, a
    JSONL id equal to a file's) gets its own key, ``id@origin``, and its own outcome; only the same
    input read twice (same id and origin) counts as already done.
    """
    store, summary = writer.store, writer.summary
    seen: dict[str, str | None] = {}
    batch: Batch = []
    chars = 0
    for item in inputs:
        if item.id in seen and seen[item.id] != item.origin:
            item = dataclasses.replace(item, id=collision_key(item))
        outcome = store.input_outcome(item.id)
        if item.id in seen or (outcome is not None and not (retry_failed and outcome == "failed")):
            summary.already_done += 1
            writer.tick()
            continue
        seen[item.id] = item.origin
        if isinstance(item, Failure):
            with store.transaction():
                writer.fail(item.id, item.reason, origin=item.origin, detail=item.detail)
            continue
        content_hash = raw_content_hash(item)
        same = store.article_with_hash(raw_hash=content_hash) if content_hash else None
        if same is not None:
            with store.transaction():
                writer.skip(item, duplicate_of=same, reason="exact duplicate (same raw input)")
            continue
        size = raw_size(item)
        if batch and chars + size > batch_chars:
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += size
        if len(batch) >= batch_size:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def collision_key(item: RawArticle | Failure) -> str:
    """The key of an input whose id another input of the run took first: the id and where it came from."""
    return f"{item.id}@{item.origin or 'input'}"


def known_total(paths: Sequence[str]) -> int | None:
    """How many inputs ``paths`` hold, when every file is one article (None with a JSONL, feed or WARC file):
    the progress bar's total, which gives it a percentage and an ETA."""
    total = 0
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = [f for f in path.rglob("*") if f.is_file() and not _NOTES.fullmatch(f.name)
                     and not any(part.startswith(".") for part in f.relative_to(path).parts)]
            total += len(files) or 1  # an empty folder is one failed input
        elif path.is_file():
            files = [path]
        else:
            files = [Path(m) for m in glob.glob(given, recursive=True) if Path(m).is_file()]
            total += not files  # a path matching nothing is one failed input
        if any(MANY_ARTICLE_FILE.search(f.name) for f in files):
            return None
        total += len(files) if not path.is_dir() else 0
    return total


def ingest(paths: Sequence[str], *, store: Store, engine: str = "local", workers: int = 1, scheduler=None,
           batch_size: int = BATCH_SIZE, batch_chars: int = BATCH_CHARS, retry_failed: bool = False,
           progress: bool = False,
           pipeline=None, inputs: Iterable[RawArticle | Failure] | None = None,
           min_confidence: float | None = None, config: Config | None = None, max_bytes: int | None = None,
           max_file_bytes: int = MAX_FILE_BYTES, max_chars: int | None = None,
           time_budget: float | None = TIME_BUDGET) -> IngestSummary:
    """Ingest ``paths`` (or ready-made ``inputs``) into ``store``; return what happened to each input.

    The pipeline runs with ``config`` (default: ``pipeline``'s, else the environment's; see
    :mod:`tidings.config`), which the store records with the resources' versions as this run
    (:mod:`tidings.provenance`); every article stored is linked to the run.
    Events below ``min_confidence`` (default: the configuration's ``events.min_confidence``, else the event
    scorer's threshold) are kept as candidates: stored with their article, but in no event cluster, so
    counts, maps and exports leave them out.

    Budgets, each failing what is over with a reason: ``max_bytes`` per article read (file, JSONL line, WARC
    record, feed item; default ``readers.MAX_BYTES``), ``max_file_bytes`` per file and decompressed stream,
    ``max_chars`` characters of clean text per article (default ``nlp.MAX_CHARS``), ``time_budget`` seconds
    of wall time per article in the stages (None: no limit)."""
    from tqdm import tqdm

    from tidings import provenance
    from tidings.stages.ingest.readers import MAX_BYTES, iter_inputs

    config = getattr(pipeline, "config", None) or config or load_config()  # what actually runs
    summary = IngestSummary()
    total = known_total(paths) if inputs is None else (len(inputs) if isinstance(inputs, Sequence) else None)
    bar = tqdm(total=total, unit=" articles", desc="ingest", disable=None if progress else True, smoothing=0.1)
    executor = make_executor(engine, workers=workers, scheduler=scheduler, pipeline=pipeline, config=config,
                             limits=ArticleLimits(time_budget=time_budget, max_chars=max_chars))
    run_id: int | None = None
    try:
        run_id = provenance.start(store, config, command=list(paths))
        writer = Writer(store, summary, progress=bar, run_id=run_id,
                        min_confidence=min_confidence if min_confidence is not None else config.events.min_confidence)
        source = inputs if inputs is not None else iter_inputs(
            list(paths), max_bytes=MAX_BYTES if max_bytes is None else max_bytes, max_file_bytes=max_file_bytes)
        batches = plan_batches(source, writer, batch_size=batch_size, batch_chars=batch_chars,
                               retry_failed=retry_failed)
        for raws, results in executor.map_batches(batches):
            writer.commit(raws, results)
    finally:
        executor.close()
        bar.close()
        if run_id is not None:
            with contextlib.suppress(StoreError):  # a store that cannot be written has already said so
                provenance.finish(store, run_id, summary.record())
    return summary
