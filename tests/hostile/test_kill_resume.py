"""Fault injection: `tidings ingest` killed with SIGKILL at random points, then resumed, ends with the very store
an uninterrupted run writes (same article ids, outcomes and event rows). A few kills in `make test`; the
`slow` variant does 20 (``TIDINGS_MANY_KILLS=1 .venv/bin/pytest -m slow tests/hostile``)."""
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.batch.stories import write_corpus

REPO = Path(__file__).resolve().parents[2]
#: Event columns that say what was coded (not the row's key, cluster or timing).
EVENT_COLUMNS = ("article_id, seq, actor_code, recipient_code, id, type, mode, context, cameo, quad_class, goldstein,"
                 " actor_text, recipient_text, sentence_start, sentence_end, trigger_text, trigger_start,"
                 " trigger_end, status, historical, date, location_text, confidence, evidence")


def ingest_cmd(corpus: Path, db: Path) -> list[str]:
    return [sys.executable, "-c", "from tidings.cli import main; main()", "ingest", str(corpus), "--db", str(db),
            "--batch-size", "1", "--workers", "1", "-q"]


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO / "src")}


def snapshot(db: Path) -> dict[str, object]:
    """What a finished store holds, independent of when each row was written."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {
            "articles": sorted(conn.execute("SELECT id, content_hash, status FROM articles").fetchall()),
            "skipped": sorted(conn.execute("SELECT input_id, duplicate_of FROM skipped").fetchall()),
            "failures": sorted(conn.execute("SELECT input_id, reason FROM failures").fetchall()),
            "events": sorted(conn.execute(f"SELECT {EVENT_COLUMNS} FROM events").fetchall(), key=repr),
        }
    finally:
        conn.close()


def outcome_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(db, timeout=1)
        try:
            return conn.execute("SELECT (SELECT COUNT(*) FROM articles) + (SELECT COUNT(*) FROM skipped)"
                                " + (SELECT COUNT(*) FROM failures)").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # schema not created yet, or locked for a moment
        return 0


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """A corpus and the store of one uninterrupted ingest of it."""
    root = tmp_path_factory.mktemp("kill")
    corpus = write_corpus(root / "in", copies=2)
    db = root / "reference.db"
    done = subprocess.run(ingest_cmd(corpus, db), env=env(), capture_output=True, text=True, timeout=300)
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr
    return corpus, snapshot(db), len(list(corpus.iterdir()))


def kill_at_random_point(corpus: Path, db: Path, rng: random.Random, units: int) -> int | None:
    """Start an ingest, SIGKILL it once it has recorded a random number of outcomes (plus a random instant);
    return how many outcomes the store held when it was killed (None: it had finished)."""
    before = outcome_count(db)
    # mostly between two commits of the run; now and then while it starts (loading the model, reopening the store)
    target = before if before >= units - 1 or rng.random() < 0.15 else rng.randrange(before + 1, units)
    proc = subprocess.Popen(ingest_cmd(corpus, db), env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline and outcome_count(db) < target:
            time.sleep(0.02)
        time.sleep(rng.uniform(0, 0.03))
        if proc.poll() is not None:
            return None
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    return outcome_count(db)


def kill_and_resume(reference, tmp_path: Path, rounds: int, seed: int) -> list[int]:
    """Kill (once or twice) then resume ``rounds`` fresh ingests; return the outcomes recorded at each kill."""
    corpus, expected, units = reference
    rng = random.Random(seed)
    kills: list[int] = []
    for n in range(rounds):
        db = tmp_path / f"run{n}.db"
        for _ in range(1 if rng.random() < 0.5 else 2):  # sometimes a second kill, of the resumed run
            at = kill_at_random_point(corpus, db, rng, units)
            kills += [] if at is None else [at]
        resumed = subprocess.run(ingest_cmd(corpus, db), env=env(), capture_output=True, text=True, timeout=300)
        assert resumed.returncode in (0, 1) and "Traceback" not in resumed.stderr, resumed.stderr
        assert snapshot(db) == expected, f"round {n}: the resumed store differs from an uninterrupted run's"
    return kills


@pytest.mark.slow
def test_kill_minus_nine_at_random_points_then_resume_gives_the_uninterrupted_store(reference, tmp_path):
    kills = kill_and_resume(reference, tmp_path, rounds=4, seed=12)
    units = reference[2]
    assert len(kills) >= 3, f"only {len(kills)} runs were still going when killed"
    assert any(0 < at < units for at in kills), f"no kill landed mid-run: {kills}"
    print(f"kills at outcomes {kills} of {units}")


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("TIDINGS_MANY_KILLS"), reason="20 kills take minutes: TIDINGS_MANY_KILLS=1")
def test_twenty_kills_at_random_points_each_resume_gives_the_uninterrupted_store(reference, tmp_path):
    kills = kill_and_resume(reference, tmp_path, rounds=16, seed=2026)
    units = reference[2]
    assert len(kills) >= 20 and sum(1 for at in kills if 0 < at < units) >= 10, kills
    print(f"{len(kills)} kills at outcomes {kills} of {units}")
