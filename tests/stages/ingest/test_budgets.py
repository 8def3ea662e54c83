"""Byte budgets of the readers: a file, and a decompressed stream, over the limit fails "too large", and
files are read as streams (never held whole)."""
from __future__ import annotations

import gzip
import json
import tracemalloc

from tests.stages.ingest.test_warc import write_warc
from tidings.models import Failure, RawArticle
from tidings.stages.ingest.readers import MAX_FILE_BYTES, iter_inputs

LINE = json.dumps({"id": "x", "text": "Ministers met in Doha on Tuesday."}) + "\n"


def test_the_default_file_budget_is_fifty_megabytes():
    assert MAX_FILE_BYTES == 50_000_000


def test_a_file_over_the_budget_fails_before_it_is_read(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(LINE.replace('"x"', f'"a{n}"') for n in range(100)))
    (failure,) = iter_inputs([path], max_file_bytes=1_000)
    assert isinstance(failure, Failure) and failure.reason.startswith("too large")
    assert len([i for i in iter_inputs([path]) if isinstance(i, RawArticle)]) == 100


def test_a_gzip_stream_over_the_budget_once_decompressed_stops_there(tmp_path):
    path = tmp_path / "batch.jsonl.gz"
    body = "".join(json.dumps({"id": f"a{n}", "text": "Ministers met. " * 30}) + "\n" for n in range(2_000))
    path.write_bytes(gzip.compress(body.encode()))
    assert path.stat().st_size < 200_000 < len(body)  # small on disk, a bomb once decompressed
    items = list(iter_inputs([path], max_file_bytes=200_000))
    *articles, failure = items
    assert articles and all(isinstance(a, RawArticle) for a in articles) and len(articles) < 500
    assert isinstance(failure, Failure) and failure.reason.startswith("too large")
    assert "decompressed" in failure.reason


def test_a_single_article_gzip_over_the_file_budget_fails(tmp_path):
    path = tmp_path / "story.html.gz"
    path.write_bytes(gzip.compress(b"<p>" + b"Talks went on. " * 1_000 + b"</p>"))
    (failure,) = iter_inputs([path], max_file_bytes=1_000)
    assert isinstance(failure, Failure) and failure.reason.startswith("too large")


def test_a_warc_whose_records_decompress_over_the_budget_fails_too_large(tmp_path):
    page = b"<html><body><p>" + b"Ministers met again. " * 200 + b"</p></body></html>"
    records = [(f"https://example.org/{n}", "text/html", 200, page) for n in range(40)]
    path = write_warc(tmp_path / "crawl.warc.gz", records, gzipped=True)
    assert path.stat().st_size < 30_000
    items = list(iter_inputs([path], max_file_bytes=30_000))
    assert isinstance(items[-1], Failure) and items[-1].reason.startswith("too large")
    assert 0 < sum(isinstance(i, RawArticle) for i in items) < 40


def test_a_huge_jsonl_line_is_dropped_as_it_is_read_not_held(tmp_path):
    path = tmp_path / "batch.jsonl"
    with path.open("w") as handle:
        handle.write('{"id": "huge", "text": "' + "x" * 30_000_000 + '"}\n')
        handle.write(LINE)
    tracemalloc.start()
    try:
        items = list(iter_inputs([path], max_bytes=1_000_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    first, second = items
    assert isinstance(first, Failure) and first.reason.startswith("too large")
    assert isinstance(second, RawArticle) and second.id == "x"
    assert peak < 10_000_000, f"peak {peak} bytes: the line was held whole"
