"""`tidings extract` on text, HTML, stdin and JSONL batches; `--help` teaches."""
import json

from click.testing import CliRunner

from tidings.cli import main

STORY = ("MOSCOW (Reuters) - Russian President Vladimir Putin spoke with French President Emmanuel Macron "
         "by phone on Tuesday, the Kremlin said.\n\nThe two leaders discussed the conflict in Ukraine.")


def run(*args, input=None):
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return result


def test_extract_text_file_prints_contract_json(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    result = run("extract", str(path), "--published", "2021-12-30")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["schema"] == "tidings.document/1"
    assert doc["article"]["published"] == "2021-12-30"
    assert "Macron" in doc["article"]["text"]


def test_extract_stdin_table():
    result = run("extract", "-", "--format", "table", "--published", "2021-12-30", input=STORY)
    assert result.exit_code == 0
    assert "EVENTS" in result.output and "published 2021-12-30" in result.output


def test_extract_jsonl_keeps_ids_and_order(tmp_path):
    batch = tmp_path / "batch.jsonl"
    rows = [{"id": f"art-{n}", "text": STORY, "published": "2021-12-2" + str(n)} for n in range(3)]
    rows.insert(1, {"id": "page", "html": f"<html><body><article><p>{STORY}</p></article></body></html>",
                    "published": "2021-12-24"})
    batch.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    result = run("extract", str(batch), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.output.splitlines()]
    assert [d["article"]["id"] for d in docs] == ["art-0", "page", "art-1", "art-2"]


def test_extract_help_teaches_examples():
    result = run("extract", "--help")
    assert "Examples:" in result.output and "--published" in result.output


def test_rejected_inputs_are_reported_and_jsonl_output_keeps_line_numbers(tmp_path):
    batch = tmp_path / "batch.jsonl"
    rows = [json.dumps({"id": "one", "text": STORY}), json.dumps({"id": "hollow", "text": ""}), "",
            "{broken", json.dumps({"id": "two", "text": STORY})]
    batch.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = CliRunner(mix_stderr=False).invoke(main, ["extract", str(batch), "--format", "jsonl"])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    lines = [json.loads(line) if line else None for line in result.stdout.splitlines()]
    assert [d and d["article"]["id"] for d in lines] == ["one", "hollow", None, "batch:4", "two"]  # blank for blank
    assert [d and ("error" in d) for d in lines] == [False, True, None, True, False]
    errors = result.stderr.splitlines()
    assert len(errors) == 2 and all(line.startswith("tidings: ") for line in errors)


def test_a_rejected_file_in_a_folder_does_not_stop_the_rest(tmp_path):
    (tmp_path / "a-story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b-empty.txt").write_text("", encoding="utf-8")
    result = CliRunner(mix_stderr=False).invoke(main, ["extract", str(tmp_path)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    (doc,) = [json.loads(line) for line in result.stdout.splitlines() if "tidings.document/1" in line]
    assert doc["article"]["id"] == "a-story"
    assert "b-empty.txt: empty" in result.stderr


def test_standard_input_over_the_article_limit_fails_too_large(monkeypatch):
    from tidings.stages.ingest import readers

    monkeypatch.setattr(readers, "MAX_BYTES", 100)
    result = CliRunner(mix_stderr=False).invoke(main, ["extract", "-", "--format", "jsonl"], input=STORY * 3)
    assert result.exit_code == 1
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["error"].startswith("too large: standard input")


def test_blank_lines_of_a_gzipped_batch_are_answered_byte_for_byte_not_amplified(tmp_path):
    import gzip

    blank_run = 200_000
    rows = [json.dumps({"id": "one", "text": STORY}), *[""] * blank_run, json.dumps({"id": "two", "text": STORY})]
    path = tmp_path / "sparse.jsonl.gz"
    path.write_bytes(gzip.compress(("\n".join(rows) + "\n").encode("utf-8")))
    result = CliRunner(mix_stderr=False).invoke(main, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 0 and result.stderr == ""  # blank lines are no inputs: nothing failed
    lines = result.stdout.split("\n")
    assert len(lines) == len(rows) + 1 and lines[1: blank_run + 1] == [""] * blank_run  # line N out is line N in
    assert [json.loads(lines[0])["article"]["id"], json.loads(lines[-2])["article"]["id"]] == ["one", "two"]
