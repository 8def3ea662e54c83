"""Measure the hostile corpus end to end, for the README's reliability figures (not a test: it times things).

``python -m tests.hostile.measure [WORKDIR] [--workers=N]`` writes the corpus, runs ``tidings ingest`` on it
(N worker processes, 2 by default) and ``tidings extract --format jsonl``, and prints: input units, batch
crashes (a non-0/1 exit), tracebacks, the ledger sum against the units, the peak RSS of the parent and of the
largest worker, the wall time of each run, and the slowest single article under the default time budget.
"""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.hostile.make_corpus import write_hostile_corpus
from tests.hostile.test_hostile_corpus import RUN_MEASURED

REPO = Path(__file__).resolve().parents[2]


def run(*args: str) -> tuple[subprocess.CompletedProcess, float]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", RUN_MEASURED, *args], env=env, capture_output=True, text=True,
                          errors="replace", timeout=7200)
    return done, time.monotonic() - started


def peaks(stderr: str) -> tuple[int, int]:
    """(this process, largest child) peak RSS in MB, from the line RUN_MEASURED prints."""
    line = next(line for line in stderr.splitlines() if line.startswith("PEAK_RSS_KB"))
    own, children = map(int, line.split()[1:])
    return own // 1024, children // 1024


def ledger(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT (SELECT COUNT(*) FROM articles) + (SELECT COUNT(*) FROM skipped)"
                            " + (SELECT COUNT(*) FROM failures)").fetchone()[0]
    finally:
        conn.close()


def slowest_article(folder: Path) -> tuple[float, str]:
    """The longest wall time one input took through the pipeline alone (default budget), and its origin."""
    from tidings.models import RawArticle
    from tidings.pipeline import default_pipeline
    from tidings.stages.ingest.readers import iter_inputs

    pipeline = default_pipeline()
    worst = (0.0, "")
    for raw in iter_inputs([folder]):
        if isinstance(raw, RawArticle):
            started = time.monotonic()
            list(pipeline.process_many([raw]))
            worst = max(worst, (time.monotonic() - started, raw.origin or raw.id))
    return worst


def main(workdir: Path, workers: int) -> None:
    folder = workdir / "in"
    units = sum(write_hostile_corpus(folder).values())
    db = workdir / "hostile.db"
    db.unlink(missing_ok=True)
    ingest, ingest_seconds = run("ingest", str(folder), "--db", str(db), "--workers", str(workers), "-q")
    extract, extract_seconds = run("extract", str(folder), "--format", "jsonl")
    summary = next((line for line in ingest.stderr.splitlines() if " inputs: " in line), "?")
    print(f"corpus: {len(list(folder.iterdir()))} files, {units} input units")
    print(f"ingest --workers {workers}: exit {ingest.returncode}, {ingest_seconds:.0f} s, "
          f"tracebacks {ingest.stderr.count('Traceback')}, ledger {ledger(db)} of {units}; {summary}")
    parent, worker = peaks(ingest.stderr)
    print(f"  peak RSS: parent {parent} MB, largest worker {worker} MB")
    print(f"extract --format jsonl: exit {extract.returncode}, {extract_seconds:.0f} s, "
          f"tracebacks {extract.stderr.count('Traceback')}, {len(extract.stdout.splitlines())} output lines")
    print(f"  peak RSS: {peaks(extract.stderr)[0]} MB (in-process)")
    seconds, origin = slowest_article(folder)
    print(f"slowest article alone: {seconds:.1f} s ({origin})")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--workers")]
    count = next((int(a.split("=", 1)[1]) for a in sys.argv[1:] if a.startswith("--workers=")), 2)
    main(Path(args[0] if args else "hostile-measure"), count)
