"""`--max-bytes`, `--max-file-bytes`, `--max-chars`, `--time-budget` on `ingest` and `extract`: what is over
fails with its reason, the rest goes on; bad values are one-line usage errors."""
import json

import click
import pytest
from click.testing import CliRunner

from tidings.cli import main
from tidings.cli.budget_options import ByteSize

STORY = ("NAIROBI - Kenya accused Uganda on Monday of shelling a border post near Busia, the foreign ministry "
         "said.\n\nUgandan officials denied the charge on Tuesday.")


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def stories(folder, **texts: str):
    folder.mkdir()
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize(("given", "size"), [("2048", 2048), ("20MB", 20_000_000), ("500k", 500_000),
                                             ("1.5 GiB", 3 * 2**29), ("3 kb", 3000)])
def test_sizes_take_decimal_and_binary_units(given, size):
    assert ByteSize().convert(given, None, None) == size


@pytest.mark.parametrize("given", ["12XB", "-5", "lots", "0", ""])
def test_a_bad_size_is_refused(given):
    with pytest.raises(click.BadParameter):
        ByteSize().convert(given, None, None)


@pytest.mark.parametrize("command", ["ingest", "extract"])
@pytest.mark.parametrize(("option", "value"), [("--max-bytes", "12XB"), ("--max-file-bytes", "0"),
                                               ("--max-chars", "0"), ("--max-chars", "2000000"),
                                               ("--time-budget", "-1"), ("--time-budget", "soon")])
def test_bad_budget_values_are_one_line_usage_errors(tmp_path, command, option, value):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = run(command, str(path), option, value, "--db" if command == "ingest" else "--format",
                 str(tmp_path / "t.db") if command == "ingest" else "json")
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and option in result.output
    assert not (tmp_path / "t.db").exists()


@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_help_explains_every_budget(command):
    text = " ".join(run(command, "--help").output.split())  # as read, whatever the wrapping
    for option in ("--max-bytes", "--max-file-bytes", "--max-chars", "--time-budget"):
        assert option in text
    assert "time budget exceeded" in text and "0: no limit" in text


def test_ingest_fails_what_is_over_max_bytes_and_stores_the_rest(tmp_path):
    folder = stories(tmp_path / "in", short=STORY, long=STORY + "\n\n" + STORY.replace("Monday", "Friday") * 10)
    db = tmp_path / "t.db"
    result = run("ingest", str(folder), "--db", str(db), "-q", "--max-bytes", "1kB")
    assert result.exit_code == 1
    assert "2 inputs: 1 stored" in result.output and "failed (1): too large" in result.output
    failures = json.loads(run("failures", "--db", str(db), "--format", "json").output)
    assert [(row["input_id"], row["reason"].split(":")[0]) for row in failures] == [("long", "too large")]


def test_ingest_time_budget_fails_each_article_that_cannot_finish_in_it(tmp_path):
    folder = stories(tmp_path / "in", one=STORY, two=STORY.replace("Monday", "Friday"))
    db = tmp_path / "t.db"
    result = run("ingest", str(folder), "--db", str(db), "-q", "--time-budget", "0.000001")
    assert result.exit_code == 1
    assert "2 inputs: 0 stored" in result.output and "failed (2): time budget exceeded" in result.output


def test_extract_max_chars_fails_the_longer_article_and_keeps_its_output_line(tmp_path):
    batch = tmp_path / "b.jsonl"
    rows = [{"id": "long", "text": STORY + " " + STORY}, {"id": "short", "text": STORY}]
    batch.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    result = run("extract", str(batch), "--format", "jsonl", "--max-chars", str(len(STORY) + 10))
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert [line["article"]["id"] for line in lines] == ["long", "short"]
    assert lines[0]["error"].startswith("too large") and "events" in lines[1]


def test_extract_with_no_time_budget_runs_and_a_tiny_one_fails_with_the_reason(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    assert run("extract", str(path), "--time-budget", "0").exit_code == 0
    result = run("extract", str(path), "--time-budget", "0.000001")
    assert result.exit_code == 1 and "time budget exceeded" in result.output


def test_extract_max_bytes_bounds_standard_input_too():
    result = run("extract", "-", "--max-bytes", "100", input=STORY)
    assert result.exit_code == 1 and "too large: standard input over 100 characters" in result.output
