"""`tidings serve` on 127.0.0.1 answers a paced load of API reads while `tidings ingest` writes into the same store:
no error (no 5xx, no "database is locked"), and the API's latency with and without the ingest is reported.

The short version (in `make test`) sends 160 requests per phase over about 8 s; the long one
(``TIDINGS_LOAD_TEST=1 .venv/bin/pytest -m slow -s tests/hostile/test_serve_under_ingest.py``) 2,000 over 60 s.
"""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.api.live import free_port
from tests.batch.stories import write_corpus
from tidings.batch import ingest as ingest_into
from tidings.storage import Store

REPO = Path(__file__).resolve().parents[2]
LONG = bool(os.environ.get("TIDINGS_LOAD_TEST"))
#: Requests per phase and the seconds they are spread over.
REQUESTS, SECONDS = (2_000, 60.0) if LONG else (160, 8.0)
THREADS = 8
#: What the dashboard asks for, with the filters it uses.
PATHS = ("/api/events?limit=50", "/api/events?country=RUS&limit=20", "/api/events?sort=-goldstein&mentions=true",
         "/api/quotes?limit=20", "/api/actors", "/api/articles?limit=20", "/api/articles/summit-0",
         "/api/search?q=talks", "/api/countries", "/api/stats/daily", "/api/stats/dyads", "/api/stats/places",
         "/api/summary", "/api/failures", "/api/events.csv?limit=100")


@dataclass
class Answer:
    path: str
    status: int
    seconds: float
    locked: bool  # the body mentions "database is locked"


def cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "from tidings.cli import main; main()", *args]


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO / "src")}


def get(url: str, path: str) -> Answer:
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url + path, timeout=30) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as exc:
        status, body = exc.code, exc.read()
    except OSError:  # refused, reset, timed out
        status, body = 0, b""
    return Answer(path, status, time.perf_counter() - started, b"database is locked" in body)


def paced_load(url: str, count: int, seconds: float) -> list[Answer]:
    """``count`` GETs cycling through PATHS, started at an even pace over ``seconds`` from THREADS threads."""
    start = time.monotonic() + 0.2

    def one(n: int) -> Answer:
        time.sleep(max(0.0, start + n * seconds / count - time.monotonic()))
        return get(url, PATHS[n % len(PATHS)])

    with ThreadPoolExecutor(THREADS) as pool:
        return list(pool.map(one, range(count)))


def p95(answers: list[Answer]) -> float:
    times = sorted(a.seconds for a in answers)
    return times[int(0.95 * (len(times) - 1))]


def outcomes(db: Path) -> int:
    conn = sqlite3.connect(db, timeout=5)
    try:
        return conn.execute("SELECT (SELECT COUNT(*) FROM articles) + (SELECT COUNT(*) FROM skipped)"
                            " + (SELECT COUNT(*) FROM failures)").fetchone()[0]
    finally:
        conn.close()


def errors(answers: list[Answer]) -> list[Answer]:
    return [a for a in answers if not 200 <= a.status < 300 or a.locked]


@pytest.mark.slow
def test_the_api_answers_every_request_while_an_ingest_writes_into_its_store(tmp_path):
    db = tmp_path / "live.db"
    with Store.open(db) as store:  # something to read from the start
        assert ingest_into([str(write_corpus(tmp_path / "first"))], store=store, min_confidence=0.5).stored > 0
    more = write_corpus(tmp_path / "more", copies=40 if LONG else 4, with_bad=False)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(cli("serve", "--db", str(db), "--port", str(port)), env=env(),
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    ingest = None
    try:
        deadline = time.monotonic() + 60
        while get(url, "/api/summary").status != 200:
            assert server.poll() is None and time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
        quiet = paced_load(url, REQUESTS, SECONDS)

        ingest = subprocess.Popen(cli("ingest", str(more), "--db", str(db), "-q", "--batch-size", "1"), env=env(),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        before = outcomes(db)
        deadline = time.monotonic() + 120
        while outcomes(db) == before and ingest.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)  # the ingest has loaded its model and is committing
        written_before = outcomes(db)
        busy = paced_load(url, REQUESTS, SECONDS)
        written_during = outcomes(db) - written_before
        assert ingest.wait(timeout=900) in (0, 1), ingest.stderr.read() if ingest.stderr else ""
    finally:
        for proc in (ingest, server):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                proc.wait(timeout=30)
    assert errors(quiet) == [] and errors(busy) == [], (errors(quiet) + errors(busy))[:5]
    assert written_during > 0, "the ingest wrote nothing while the API was under load"
    print(f"\n{REQUESTS} requests per phase over {SECONDS:.0f} s, {THREADS} threads: 0 errors; "
          f"p95 {p95(quiet) * 1000:.0f} ms alone, {p95(busy) * 1000:.0f} ms with the ingest writing "
          f"({written_during} outcomes committed meanwhile)")
