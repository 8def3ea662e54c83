"""JSON lines: one article per line; every bad line is a Failure naming file:line."""
import json

from tidings.models import Failure, RawArticle
from tidings.stages.ingest.jsonl import read_jsonl
from tidings.stages.ingest.source import BlankLine


def lines_file(tmp_path, *lines):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def read(path, max_bytes=10_000):
    return list(read_jsonl(path, stem_id="batch", max_bytes=max_bytes))


def test_fields_and_extras_are_kept(tmp_path):
    row = {"id": "a1", "text": "Talks opened in Doha.", "url": "https://example.org/a1", "title": "Doha talks",
           "published": "2022-03-01", "source": "Gulf Post", "section": "World"}
    (raw,) = read(lines_file(tmp_path, json.dumps(row)))
    assert isinstance(raw, RawArticle)
    assert (raw.id, raw.text, raw.html, raw.url, raw.title, raw.published, raw.source) == (
        "a1", "Talks opened in Doha.", None, "https://example.org/a1", "Doha talks", "2022-03-01", "Gulf Post")
    assert raw.extra == {"section": "World"} and raw.origin.endswith("batch.jsonl:1")


def test_html_field_and_text_preferred_when_both_given(tmp_path):
    html_only = json.dumps({"id": "h", "html": "<p>Ministers met.</p>"})
    both = json.dumps({"id": "b", "html": "<p>Ministers met.</p>", "text": "Ministers met."})
    first, second = read(lines_file(tmp_path, html_only, both))
    assert first.html == "<p>Ministers met.</p>" and first.text is None
    assert second.text == "Ministers met." and second.html is None


def test_bad_lines_are_failures_naming_file_and_line(tmp_path):
    path = lines_file(tmp_path,
                      json.dumps({"id": "ok", "text": "Ministers met."}),
                      "{not json",
                      "[1, 2]",
                      json.dumps({"id": "no-body", "title": "Only a title"}),
                      json.dumps({"id": "blank", "text": "   "}),
                      json.dumps({"id": "typed", "text": ["a", "list"]}),
                      "",
                      json.dumps({"text": "No id here."}))
    items = read(path)
    assert [i.id for i in items] == ["ok", "batch:2", "batch:3", "no-body", "blank", "typed", "batch:8"]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [f.reason.split(":")[0] for f in failures] == ["parse error", "parse error", "empty", "empty",
                                                         "parse error"]
    assert all(f"batch.jsonl:{n}" in f.reason for f, n in zip(failures, (2, 3, 4, 5, 6), strict=True))
    assert isinstance(items[-1], RawArticle) and items[-1].origin.endswith(":8")


def test_empty_file_and_oversized_line(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    (failure,) = read(empty)
    assert failure.reason.startswith("empty")
    big = lines_file(tmp_path, json.dumps({"id": "big", "text": "word " * 500}))
    assert read(big, max_bytes=100)[0].reason.startswith("too large")


def test_non_utf8_line_is_undecodable(tmp_path):
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'{"id": "x", "text": "caf\xe9"}\n')
    assert read(path)[0].reason.startswith("undecodable")


def test_an_id_with_a_lone_surrogate_is_escaped_and_noted(tmp_path):
    path = lines_file(tmp_path, '{"id": "a\\udc00", "text": "Talks \\ud800opened in Doha."}')
    (raw,) = read(path)
    assert raw.id == "a\\udc00" and raw.extra["id_escaped"] is True
    assert raw.text == "Talks \ufffdopened in Doha."
    raw.id.encode("utf-8")


def test_a_deeply_nested_line_fails_alone_and_reading_goes_on(tmp_path):
    path = lines_file(tmp_path, json.dumps({"id": "a", "text": "Ministers met."}), "[" * 100_000 + "]" * 100_000,
                      json.dumps({"id": "b", "text": "Talks resumed."}))
    first, nested, last = read(path, max_bytes=1_000_000)
    assert (first.id, last.id) == ("a", "b")
    assert isinstance(nested, Failure) and nested.reason.endswith("batch.jsonl:2: JSON nested too deeply")


def test_a_truncated_gzip_keeps_every_whole_line_then_records_the_cut(tmp_path):
    import gzip

    rows = "".join(json.dumps({"id": f"r{n}", "text": f"Ministers met for round {n}."}) + "\n" for n in range(20))
    packed = gzip.compress(rows.encode())
    path = tmp_path / "batch.jsonl.gz"
    path.write_bytes(packed[:-12])  # the trailer and the end of the last line are lost
    items = read(path)
    assert [i.id for i in items[:-1]] == [f"r{n}" for n in range(len(items) - 1)] and len(items) > 15
    assert isinstance(items[-1], Failure) and items[-1].reason.startswith("parse error: broken gzip stream after")


def test_concatenated_gzip_members_are_all_read(tmp_path):
    import gzip

    path = tmp_path / "batch.jsonl.gz"
    path.write_bytes(b"".join(gzip.compress((json.dumps({"id": f"m{n}", "text": "Talks."}) + "\n").encode())
                              for n in range(3)))
    assert [i.id for i in read(path)] == ["m0", "m1", "m2"]


def test_blank_lines_are_no_inputs_but_are_marked_when_asked(tmp_path):
    path = lines_file(tmp_path, json.dumps({"id": "a", "text": "Talks."}), "", json.dumps({"id": "b", "text": "Met."}))
    assert [i.id for i in read(path)] == ["a", "b"]
    items = list(read_jsonl(path, stem_id="batch", max_bytes=1000, blank_lines=True))
    assert [i.id for i in items] == ["a", "batch:2", "b"] and isinstance(items[1], BlankLine)
    assert items[1].origin.endswith("batch.jsonl:2")
