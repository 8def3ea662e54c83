"""Ingest: every input ends stored, skipped or failed; re-runs are idempotent; kill -9 then resume loses nothing."""
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.batch.stories import STORIES, write_corpus
from tests.hostile.make_corpus import write_big_feed
from tidings import query
from tidings.batch import ingest
from tidings.batch.executors import SerialExecutor, ordered_results, process_batch
from tidings.batch.ingest import IngestSummary, Writer, failure_kind
from tidings.models import Article, Document, Event, Failure, RawArticle, SentenceRef, Trigger
from tidings.pipeline import Pipeline
from tidings.storage import Store

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def outcomes(db: Path) -> dict[str, str]:
    """input id → stored / skipped / failed, checking that no input has two outcomes."""
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT id, 'stored' FROM articles UNION ALL SELECT input_id, 'skipped' FROM skipped"
                        " UNION ALL SELECT input_id, 'failed' FROM failures").fetchall()
    conn.close()
    ids = [r[0] for r in rows]
    assert len(ids) == len(set(ids)), "an input has more than one outcome"
    return dict(rows)



def test_the_writer_keeps_scratch_storage_in_memory(tmp_path):
    with Store.open(tmp_path / "t.db") as store:
        Writer(store, IngestSummary())
        assert store.conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
        with Store.open(tmp_path / "t.db", readonly=True) as reader:
            assert reader.conn.execute("PRAGMA temp_store").fetchone()[0] == 0  # readers keep the default

def test_every_input_ends_in_exactly_one_outcome_and_reruns_store_nothing_twice(tmp_path, pipeline):
    corpus = write_corpus(tmp_path / "in")
    db = tmp_path / "s.db"
    with Store.open(db) as store:
        first = ingest([str(corpus)], store=store, pipeline=pipeline, batch_size=4)
        counts = query.summary(store)
    assert (first.stored, first.duplicates, first.already_done) == (len(STORIES), 1, 0)
    assert first.failed == {"not English: fr": 1, "empty": 1}
    found = outcomes(db)
    assert len(found) == len(STORIES) + 3
    assert found["summit-copy"] == "skipped" and found["french"] == "failed" and found["empty"] == "failed"
    with Store.open(db) as store:
        second = ingest([str(corpus)], store=store, pipeline=pipeline)
        assert (second.stored, second.duplicates, sum(second.failed.values())) == (0, 0, 0)
        assert second.already_done == second.total == len(found)
        assert query.summary(store) == counts  # no article, event, cluster or failure added twice
    assert outcomes(db) == found


def test_exact_duplicates_are_skipped_before_parsing(tmp_path, pipeline):
    seen = []

    class Recording:
        def process_many(self, raws):
            raws = list(raws)
            seen.extend(r.id for r in raws)
            return pipeline.process_many(raws)

    one = tmp_path / "one"
    write_corpus(one, with_bad=False)
    with Store.open(tmp_path / "d.db") as store:
        ingest([str(one)], store=store, pipeline=Recording())
        again = tmp_path / "again"
        again.mkdir()
        (again / "same-words-new-name.txt").write_text(STORIES["aid"], encoding="utf-8")
        seen.clear()
        summary = ingest([str(again)], store=store, pipeline=Recording())
        assert summary.duplicates == 1 and seen == []
        row = store.conn.execute("SELECT duplicate_of, reason FROM skipped").fetchone()
        assert tuple(row) == ("aid-0", "exact duplicate (same raw input)")


def test_retry_failed_redoes_only_failures(tmp_path, pipeline):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(STORIES["protest"], encoding="utf-8")
    raws = [RawArticle(id="story", text=STORIES["protest"], origin="story.txt")]
    with Store.open(tmp_path / "r.db") as store:
        with store.transaction():
            store.add_failure("story", "pipeline error: RuntimeError", origin="story.txt")
        assert ingest([], inputs=raws, store=store, pipeline=pipeline).already_done == 1
        summary = ingest([], inputs=raws, store=store, pipeline=pipeline, retry_failed=True)
        assert summary.stored == 1 and store.input_outcome("story") == "stored"


def test_a_document_the_store_rejects_fails_alone(tmp_path):
    good = Document(Article("good", "A fine story about talks.", language="en"))
    bad = Document(Article("bad", "A story whose event has no type.", language="en"))
    bad.events = [Event("e0", None, None, [], "040", 1, 1.0, None, None, SentenceRef(0, 0, 5), Trigger("x", 0, 1))]
    raws = [RawArticle("bad", text=bad.article.text, origin="bad.txt"), RawArticle("good", text=good.article.text)]
    with Store.open(tmp_path / "w.db") as store:
        summary = IngestSummary()
        Writer(store, summary).commit(raws, [bad, good])
        assert summary.stored == 1 and summary.failed == {"store error: IntegrityError": 1}
        assert store.input_outcome("good") == "stored" and store.input_outcome("bad") == "failed"
        assert store.conn.execute("SELECT COUNT(*) FROM event_clusters").fetchone()[0] == 0


def test_results_committed_meanwhile_by_another_run_are_not_stored_twice(tmp_path):
    doc = Document(Article("story", "Talks resumed in Vienna on Monday.", language="en"))
    raw = RawArticle("story", text=doc.article.text)
    with Store.open(tmp_path / "c.db") as first, Store.open(tmp_path / "c.db") as second:
        Writer(first, IngestSummary()).commit([raw], [doc])
        late = IngestSummary()
        Writer(second, late).commit([raw], [doc])
        assert (late.stored, late.already_done, late.failed) == (0, 1, {})
        assert second.input_outcome("story") == "stored"
        assert second.conn.execute("SELECT COUNT(*) FROM failures").fetchone()[0] == 0


def test_a_crashing_batch_falls_back_to_single_articles():
    class Fragile:
        def process_many(self, raws):
            raws = list(raws)
            if any(r.id == "bad" for r in raws):
                raise RuntimeError("boom")
            return [Failure(id=r.id, reason="empty: no text") for r in raws]

    results = process_batch([RawArticle("good", text="x"), RawArticle("bad", text="y", origin="bad.txt")],
                            Fragile())
    assert results[0].reason == "empty: no text"
    assert results[1].reason == "pipeline error: RuntimeError: boom" and results[1].origin == "bad.txt"


def test_a_failed_worker_future_becomes_failures_and_the_run_goes_on():
    class Future:
        def __init__(self, batch):
            self.batch = batch

        def result(self):
            if self.batch[0].id == "lost":
                raise OSError("worker died")
            return ["ok"] * len(self.batch)

    batches = [[RawArticle("a")], [RawArticle("lost"), RawArticle("lost2")], [RawArticle("b")]]
    results = list(ordered_results(Future, batches, window=2))
    assert [r for _, r in results][0] == ["ok"] and [r for _, r in results][2] == ["ok"]
    assert [f.reason for f in results[1][1]] == ["worker error: OSError: worker died"] * 2


def test_serial_executor_keeps_order_and_drops_the_parse(pipeline):
    raws = [RawArticle(name, text=text) for name, text in list(STORIES.items())[:3]]
    ((batch, results),) = list(SerialExecutor(pipeline).map_batches([raws]))
    assert [d.article.id for d in results] == list(STORIES)[:3]
    assert all(isinstance(d, Document) and d.parse is None for d in results)


def test_failure_kinds_group_reasons():
    assert failure_kind("not English: fr") == "not English: fr"
    assert failure_kind("pipeline error: ValueError: bad offset 12") == "pipeline error: ValueError"
    assert failure_kind("binary: looks like a PDF") == "binary"
    assert failure_kind("empty: no content") == "empty"


@pytest.mark.slow
def test_kill_minus_nine_mid_batch_then_rerun_loses_nothing(tmp_path):
    corpus = write_corpus(tmp_path / "in", copies=3)
    db = tmp_path / "k.db"
    expected = len(list(corpus.iterdir()))
    cmd = [sys.executable, "-c", "from tidings.cli import main; main()", "ingest", str(corpus), "--db", str(db),
           "--batch-size", "1", "-q"]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                conn = sqlite3.connect(db, timeout=1)
                stored = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
                conn.close()
            except sqlite3.OperationalError:  # schema not created yet
                stored = 0
        if stored >= 3:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = outcomes(db)
    assert 3 <= len(partial) < expected
    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    # exit 1 when inputs failed in this run (the corpus's empty and French files, unless the killed run got them)
    assert rerun.returncode == (1 if "  failed (" in rerun.stderr else 0), rerun.stderr
    assert f"{len(partial)} already in the store" in rerun.stderr
    final = outcomes(db)
    assert len(final) == expected
    assert {k: v for k, v in final.items() if k in partial} == partial
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == conn.execute(
        "SELECT COUNT(DISTINCT content_hash) FROM articles").fetchone()[0]
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_an_id_with_a_lone_surrogate_never_blocks_a_folder(tmp_path, pipeline):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "batch.jsonl").write_text(
        '{"id": "a\\udc00", "text": "NATO ministers met in Brussels on Friday to discuss Ukraine."}\n'
        '{"id": "b", "text": "Talks between Iran and the United States resumed in Vienna on Monday."}\n')
    with Store.open(tmp_path / "s.db") as store:
        summary = ingest([str(folder)], store=store, pipeline=pipeline)
    assert summary.stored == 2 and set(outcomes(tmp_path / "s.db")) == {"a\\udc00", "b"}


def write_mixed_folder(folder: Path) -> int:
    """Files and lines whose ids collide, empty and random files under article extensions; returns the unit count."""
    folder.mkdir()
    story, other = STORIES["summit"], STORIES["shelling"]
    (folder / "story.txt").write_text(story, encoding="utf-8")
    (folder / "story.html").write_text(f"<html><body><article><p>{other}</p></article></body></html>")
    (folder / "empty.md").write_bytes(b"")
    for suffix in (".md", ".xml", ".html"):
        (folder / f"noise{suffix}").write_bytes(bytes(range(256)) * 4)
    rows = [{"id": "story", "text": STORIES["aid"]},       # equal to a file's id
            {"id": "dup", "text": STORIES["protest"]},
            {"id": "dup", "text": STORIES["ceasefire"]},   # the same id again, other text
            {"id": "dup", "text": STORIES["protest"]},     # the same id and text again
            {"id": "hollow", "text": ""}]
    (folder / "batch.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return 6 + len(rows)


def test_every_input_unit_of_a_mixed_folder_has_exactly_one_recorded_outcome(tmp_path, pipeline):
    units = write_mixed_folder(tmp_path / "in")
    db = tmp_path / "s.db"
    with Store.open(db) as store:
        summary = ingest([str(tmp_path / "in")], store=store, pipeline=pipeline)
        failures = query.failures(store, limit=100)
        skipped = query.skipped(store, limit=100)
    assert summary.total == units and summary.already_done == 0
    found = outcomes(db)
    assert len(found) == units
    assert summary.stored + len(skipped) + len(failures) == units
    assert sum(summary.failed.values()) == len(failures) and summary.duplicates == len(skipped)
    assert found["story.txt"] == found["story.html"] == found["story"] == "stored"
    assert {found[f"noise{s}"] for s in (".md", ".xml", ".html")} == {"failed"} and found["empty"] == "failed"
    assert found["dup"] == "stored" and found[f"dup@{tmp_path / 'in' / 'batch.jsonl'}:3"] == "stored"
    (copy,) = skipped
    assert copy["input_id"] == f"dup@{tmp_path / 'in' / 'batch.jsonl'}:4" and copy["duplicate_of"] == "dup"
    with Store.open(db) as store:
        again = ingest([str(tmp_path / "in")], store=store, pipeline=pipeline)
    assert again.already_done == again.total == units and outcomes(db) == found


def test_a_store_that_cannot_be_written_stops_the_run_with_one_line(tmp_path, pipeline):
    from tidings.storage import StoreError

    corpus = write_corpus(tmp_path / "in", with_bad=False)
    Store.open(tmp_path / "s.db").close()
    with Store.open(tmp_path / "s.db", readonly=True) as store:
        with pytest.raises(StoreError, match="cannot write to .*readonly"):
            ingest([str(corpus)], store=store, pipeline=pipeline)
    with Store.open(tmp_path / "full.db") as store:
        store.conn.execute(f"PRAGMA max_page_count = {store.conn.execute('PRAGMA page_count').fetchone()[0]}")
        with pytest.raises(StoreError, match="cannot write to .*disk is full"):
            ingest([str(corpus)], store=store, pipeline=pipeline)


@pytest.mark.slow
def test_worker_processes_run_the_configuration_of_the_run(tmp_path, monkeypatch):
    from tidings import provenance
    from tidings.config import Config

    monkeypatch.delenv("TIDINGS_LEXICON", raising=False)
    verbs = tmp_path / "mine.txt"
    verbs.write_text("[051]\nblast *\n", encoding="utf-8")  # never in the workers' environment
    (tmp_path / "in").mkdir()
    for name in ("a", "b"):
        (tmp_path / "in" / f"{name}.txt").write_text(
            f"Kenya blasted Uganda on Monday over the closure of border post {name}, the foreign ministry said.",
            encoding="utf-8")
    config = Config().replace(events={"lexicon_files": [str(verbs)], "min_confidence": 0})
    with Store.open(tmp_path / "w.db") as store:
        summary = ingest([str(tmp_path / "in")], store=store, workers=2, config=config)
        assert summary.stored == 2
        for article in ("a", "b"):
            assert {e.cameo for e in store.load_document(article).events if e.trigger.text == "blasted"} == {"051"}
        assert provenance.produced(store, article="a")["config"]["events"]["lexicon_files"] == [str(verbs)]


@pytest.mark.slow
def test_every_item_of_a_twenty_thousand_item_feed_gets_its_one_outcome(tmp_path):
    feed = write_big_feed(tmp_path / "big.rss", items=20_000, body_every=2_000)
    with Store.open(tmp_path / "feed.db") as store:
        summary = ingest([str(feed)], store=store, min_confidence=0.5)
        ledger = store.conn.execute("SELECT (SELECT COUNT(*) FROM articles) + (SELECT COUNT(*) FROM skipped)"
                                    " + (SELECT COUNT(*) FROM failures)").fetchone()[0]
    assert summary.total == ledger == 20_000
    assert summary.stored == 10 and summary.failed == {"empty": 19_990}
