"""The hostile corpus (make_corpus.py) through `tidings ingest` (1 worker) and `tidings extract --format jsonl`:
no traceback, every input unit ends in exactly one recorded outcome, every failure has a reason, memory bounded."""
import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hostile.make_corpus import write_hostile_corpus

REPO = Path(__file__).resolve().parents[2]
PEAK_RSS_LIMIT_KB = 1_500_000  # 1.5 GB
#: Runs the CLI, then reports this process's and its children's peak RSS (kB) on stderr, whatever the exit. Its own
#: peak is VmHWM where /proc has it: ru_maxrss would keep the peak of the (large) test process that forked it.
RUN_MEASURED = ("import atexit, re, resource, sys\n"
                "def own_peak():\n"
                "    try:\n"
                "        return int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())[1])\n"
                "    except (OSError, TypeError):\n"
                "        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
                "atexit.register(lambda: sys.stderr.write('PEAK_RSS_KB %d %d\\n' % ("
                "own_peak(), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)))\n"
                "from tidings.cli import main\nmain()\n")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile") / "in"
    units = write_hostile_corpus(folder)
    return folder, units


def run_cli(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    return subprocess.run([sys.executable, "-c", RUN_MEASURED, *args], env=env, capture_output=True, text=True,
                          timeout=timeout, errors="replace")


def peak_rss_kb(stderr: str) -> int:
    found = re.search(r"PEAK_RSS_KB (\d+) (\d+)", stderr)
    assert found, stderr[-2000:]
    return max(int(found[1]), int(found[2]))


def test_the_corpus_is_hostile_enough(corpus):
    folder, units = corpus
    assert len(units) >= 200 and sum(units.values()) >= 250
    assert sorted(p.name for p in folder.iterdir()) == sorted(units)


def test_ingest_records_exactly_one_outcome_per_input_unit_of_the_hostile_corpus(corpus, tmp_path):
    folder, units = corpus
    expected = sum(units.values())
    db = tmp_path / "h.db"
    result = run_cli("ingest", str(folder), "--db", str(db), "--workers", "1", "-q")
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode in (0, 1), result.stderr[-3000:]
    peak = peak_rss_kb(result.stderr)
    assert peak < PEAK_RSS_LIMIT_KB, f"peak RSS {peak} kB"
    line = re.search(r"(\d+) inputs: (\d+) stored .*?, (\d+) skipped as duplicates, (\d+) already in the store, "
                     r"(\d+) failed", result.stderr)
    assert line, result.stderr[-3000:]
    total, stored, skipped, already, failed = map(int, line.groups())
    assert (total, already) == (expected, 0)
    assert stored + skipped + failed == expected
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT id, 'stored' FROM articles UNION ALL SELECT input_id, 'skipped' FROM skipped"
                        " UNION ALL SELECT input_id, 'failed' FROM failures").fetchall()
    reasons = conn.execute("SELECT input_id, reason FROM failures").fetchall()
    counts = [conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in ("articles", "skipped")]
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert len(rows) == len({r[0] for r in rows}) == expected, "an input unit has no outcome, or two"
    assert counts == [stored, skipped] and len(reasons) == failed
    assert all(reason and reason.strip() for _, reason in reasons), "a failure without a reason"
    assert stored > 30  # the readable stories in every encoding do get through
    again = run_cli("ingest", str(folder), "--db", str(db), "--workers", "1", "-q")
    assert f"{expected} inputs: 0 stored" in again.stderr and f"{expected} already in the store" in again.stderr


def test_extract_prints_one_jsonl_line_per_input_unit_and_never_a_traceback(corpus):
    folder, units = corpus
    blank_lines = sum(_blank_lines(folder / name) for name in units if name.endswith(".jsonl"))
    result = run_cli("extract", str(folder), "--format", "jsonl")
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert result.returncode in (0, 1)
    lines = result.stdout.splitlines()
    assert len(lines) == sum(units.values()) + blank_lines
    assert sum(1 for line in lines if not line) == blank_lines  # a blank line answers each, no more
    records = [json.loads(line) for line in lines if line]
    failures = [r for r in records if r.get("schema") == "tidings.failure/1"]
    assert all(r["error"] for r in failures) and len(failures) < len(records)
    assert peak_rss_kb(result.stderr) < PEAK_RSS_LIMIT_KB


def _blank_lines(path: Path) -> int:
    """Blank lines of a plain .jsonl: no inputs; `extract` answers each with a blank line (output line N is input
    line N), `ingest` records nothing for them."""
    lines = re.split(rb"\r?\n", path.read_bytes())
    if lines and lines[-1] == b"":
        lines.pop()
    blank = sum(1 for line in lines if not line.strip())
    return blank
