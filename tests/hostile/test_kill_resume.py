"""Fault injection: `tidings ingest` killed with SIGKILL at random points, then resumed, ends with the very store
an uninterrupted run writes (same article ids, outcomes and event rows), and leaves no process behind. A few kills
in `make test`; the `slow` variant does 50 and more, every other round with two worker processes
(``TIDINGS_MANY_KILLS=1 .venv/bin/pytest -m slow -s tests/hostile/test_kill_resume.py`` prints the figures)."""
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import pytest

from tests.batch.stories import write_corpus

REPO = Path(__file__).resolve().parents[2]
#: Event columns that say what was coded (not the row's key, cluster or timing).
EVENT_COLUMNS = ("article_id, seq, actor_code, recipient_code, id, type, mode, context, cameo, quad_class, goldstein,"
                 " actor_text, recipient_text, sentence_start, sentence_end, trigger_text, trigger_start,"
                 " trigger_end, status, historical, date, location_text, confidence, evidence")


#: Seconds a worker may take to notice its parent is gone (it checks every half second) before it is an orphan.
ORPHAN_GRACE = 5.0


def ingest_cmd(corpus: Path, db: Path, *, workers: int = 1) -> list[str]:
    return [sys.executable, "-c", "from tidings.cli import main; main()", "ingest", str(corpus), "--db", str(db),
            "--batch-size", "1", "--workers", str(workers), "-q"]


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


def descendants(pid: int) -> list[psutil.Process]:
    """The processes ``pid`` started (workers, their helpers), as they are now."""
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def survivors(processes: list[psutil.Process], *, grace: float = ORPHAN_GRACE) -> list[int]:
    """Of ``processes``, the ids still running (not zombies) after ``grace`` seconds: orphans."""
    deadline = time.monotonic() + grace
    alive = processes
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = [p for p in alive if _running(p)]
    for proc in alive:  # do not leave them to the next test either
        proc.kill()
    return [p.pid for p in alive]


def _running(proc: psutil.Process) -> bool:
    try:
        return proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def kill_at_random_point(corpus: Path, db: Path, rng: random.Random, units: int, *,
                         workers: int = 1) -> tuple[int | None, int, list[int]]:
    """Start an ingest, SIGKILL it once it has recorded a random number of outcomes (plus a random instant);
    return how many outcomes the store held when it was killed (None: it had finished), how many processes it
    had started by then, and those that outlived it (orphans)."""
    before = outcome_count(db)
    # mostly between two commits of the run; now and then while it starts (loading the model, reopening the store)
    target = before if before >= units - 1 or rng.random() < 0.15 else rng.randrange(before + 1, units)
    proc = subprocess.Popen(ingest_cmd(corpus, db, workers=workers), env=env(), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    children: list[psutil.Process] = []
    try:
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline and outcome_count(db) < target:
            time.sleep(0.02)
        time.sleep(rng.uniform(0, 0.03))
        children = descendants(proc.pid)
        if proc.poll() is not None:
            return None, len(children), survivors(children)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    return outcome_count(db), len(children), survivors(children)


@dataclass
class KillReport:
    """What a series of kill-and-resume rounds did."""

    kills: list[int] = field(default_factory=list)  # outcomes recorded when each kill landed
    identical: int = 0  # resumed stores equal to the uninterrupted run's
    rounds: int = 0
    orphans: list[int] = field(default_factory=list)
    worker_kills: int = 0  # kills of a run with worker processes
    children: int = 0  # processes the killed runs had started (workers and their helpers), each watched

    def line(self, units: int, seconds: float) -> str:
        mid = sum(1 for at in self.kills if 0 < at < units)
        return (f"{len(self.kills)} kills ({mid} mid-run, {self.worker_kills} of runs with 2 workers) in "
                f"{self.rounds} rounds: {self.identical}/{self.rounds} resumed stores identical, "
                f"{len(self.orphans)} orphaned of {self.children} child processes, {seconds:.0f} s")


def kill_and_resume(reference, tmp_path: Path, rounds: int, seed: int, *, min_kills: int = 0,
                    two_workers_every: int = 0) -> KillReport:
    """Kill (once or twice) then resume fresh ingests, for ``rounds`` rounds and until ``min_kills`` kills
    landed; every ``two_workers_every``-th round runs with two worker processes."""
    corpus, expected, units = reference
    rng = random.Random(seed)
    report = KillReport()
    n = 0
    while n < rounds or len(report.kills) < min_kills:
        db = tmp_path / f"run{n}.db"
        workers = 2 if two_workers_every and n % two_workers_every == two_workers_every - 1 else 1
        for _ in range(1 if rng.random() < 0.5 else 2):  # sometimes a second kill, of the resumed run
            at, children, orphans = kill_at_random_point(corpus, db, rng, units, workers=workers)
            report.kills += [] if at is None else [at]
            report.worker_kills += at is not None and workers > 1
            report.children += children
            report.orphans += orphans
        resumed = subprocess.run(ingest_cmd(corpus, db), env=env(), capture_output=True, text=True, timeout=300)
        assert resumed.returncode in (0, 1) and "Traceback" not in resumed.stderr, resumed.stderr
        assert snapshot(db) == expected, f"round {n}: the resumed store differs from an uninterrupted run's"
        report.identical += 1
        db.unlink()
        n += 1
        report.rounds = n
    assert report.orphans == [], f"processes outlived their killed ingest: {report.orphans}"
    return report


@pytest.mark.slow
def test_kill_minus_nine_at_random_points_then_resume_gives_the_uninterrupted_store(reference, tmp_path):
    started = time.monotonic()
    report = kill_and_resume(reference, tmp_path, rounds=4, seed=12, two_workers_every=4)
    units = reference[2]
    assert len(report.kills) >= 3, f"only {len(report.kills)} runs were still going when killed"
    assert any(0 < at < units for at in report.kills), f"no kill landed mid-run: {report.kills}"
    print(f"kills at outcomes {report.kills} of {units}; {report.line(units, time.monotonic() - started)}")


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("TIDINGS_MANY_KILLS"), reason="50 kills take many minutes: TIDINGS_MANY_KILLS=1")
def test_fifty_kills_at_random_points_each_resume_gives_the_uninterrupted_store_and_no_orphan(reference, tmp_path):
    started = time.monotonic()
    report = kill_and_resume(reference, tmp_path, rounds=30, seed=2026, min_kills=50, two_workers_every=2)
    units = reference[2]
    assert len(report.kills) >= 50 and sum(1 for at in report.kills if 0 < at < units) >= 25, report.kills
    assert report.worker_kills >= 10 and report.children >= 2 * 10 and report.identical == report.rounds
    print(report.line(units, time.monotonic() - started))
