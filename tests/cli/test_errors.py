"""The command line's failure contract: every bad path, bad value and empty input gives one line on
stderr, nothing on stdout, and the documented exit code (0 done, 1 some inputs failed, 2 usage)."""
import json

import click
import pytest
from click.testing import CliRunner
from tests.batch.stories import STORIES, write_corpus
from tests.storage.factories import GENEVA, document, event, save

from tidings.batch.ingest import known_total
from tidings.cli import main
from tidings.storage import Store


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    """A folder with a store holding one event, a story file, and a file that is not a store."""
    root = tmp_path_factory.mktemp("errors")
    with Store.open(root / "s.db") as store:
        save(store, document("talks", "Biden and Putin held talks in Geneva.", events=[
            event("CONSULT", "040", "joe-biden", "vladimir-putin", location=GENEVA)]))
    (root / "story.txt").write_text(STORIES["summit"], encoding="utf-8")
    (root / "notes.db").write_text("not a database, just notes\n" * 20, encoding="utf-8")
    (root / "in").mkdir()
    return root


def invoke(args, stdin=None):
    return CliRunner(mix_stderr=False).invoke(main, [str(a) for a in args], input=stdin, catch_exceptions=False)


# (arguments with {root} for the work folder, standard input, exit code, part of the one-line message)
BAD = [
    # bad paths
    (["ingest", "/nonexistent.txt", "--db", "{root}/new.db"], None, 2, "no such file, folder or glob match"),
    (["ingest", "{root}/in/*.html", "--db", "{root}/new.db"], None, 2, "no such file, folder or glob match"),
    (["events", "--db", "{root}/missing.db"], None, 2, "no store at"),
    (["failures", "--db", "{root}/missing.db"], None, 2, "no store at"),
    (["events", "--db", "{root}/notes.db"], None, 2, "not a tidings store"),
    (["export", "--format", "gdelt-events", "--out", "{root}/e.tsv", "--db", "{root}/missing.db"], None, 2,
     "no store at"),
    (["eval", "events", "{root}/missing.jsonl"], None, 2, "does not exist"),
    (["dict", "check", "{root}/missing.verbs"], None, 2, "does not exist"),
    (["bench", "{root}/missing"], None, 2, "does not exist"),
    (["demo", "--corpus", "{root}/missing"], None, 2, "does not exist"),
    # bad values
    (["events", "--type", "FOOBAR", "--db", "{root}/s.db"], None, 2, "ASSAULT"),
    (["actors", "--type", "FOOBAR", "--db", "{root}/s.db"], None, 2, "CAMEO code prefix"),
    (["export", "--format", "plover-jsonl", "--out", "-", "--type", "FOOBAR", "--db", "{root}/s.db"], None, 2,
     "bad --type 'FOOBAR'"),
    (["events", "--since", "2021-13", "--db", "{root}/s.db"], None, 2, "bad date for --since"),
    (["events", "--since", "2022", "--until", "2021", "--db", "{root}/s.db"], None, 2, "is after --until"),
    (["events", "--status", "rumoured", "--db", "{root}/s.db"], None, 2, "bad --status"),
    (["articles", "--status", "asserted", "--db", "{root}/s.db"], None, 2, "original, near-duplicate"),
    (["quotes", "--recipient", "RUS", "--db", "{root}/s.db"], None, 2, "No such option"),
    (["events", "--limit", "0", "--db", "{root}/s.db"], None, 2, "--limit"),
    (["events", "--format", "xml", "--db", "{root}/s.db"], None, 2, "--format"),
    (["export", "--format", "excel", "--out", "{root}/x", "--db", "{root}/s.db"], None, 2, "--format"),
    (["export", "--format", "parquet", "--out", "-", "--db", "{root}/s.db"], None, 2, "writes a folder"),
    (["export", "--format", "plover-jsonl", "--db", "{root}/s.db"], None, 2, "Missing option '--out'"),
    (["ingest", "{root}/story.txt", "--scheduler", "tcp://127.0.0.1:9", "--db", "{root}/new.db"], None, 2,
     "--scheduler needs --engine dask"),
    (["ingest", "{root}/story.txt", "--engine", "dask", "--db", "{root}/new.db"], None, 2, "needs --scheduler"),
    (["ingest", "{root}/story.txt", "--workers", "0", "--db", "{root}/new.db"], None, 2, "--workers"),
    (["ingest", "-", "-", "--db", "{root}/new.db"], "text", 2, "only once"),
    (["serve", "--port", "0", "--db", "{root}/s.db"], None, 2, "--port"),
    (["eval", "sentiment", "{root}/story.txt"], None, 2, "is not one of 'events'"),
    (["eval", "events", "{root}/story.txt", "--limit", "-1"], None, 2, "--limit"),
    (["eval", "corpus", "holdout"], None, 2, "split must be one of train, dev, test"),
    (["events", "--min-confidence", "2", "--db", "{root}/s.db"], None, 2, "--min-confidence"),
    (["frobnicate"], None, 2, "No such command"),
    (["events", "--colour"], None, 2, "No such option"),
    # empty input
    (["ingest", "--db", "{root}/new.db"], None, 2, "Missing argument"),
    (["ingest", "-", "--db", "{root}/new.db"], "", 2, "standard input is empty"),
    (["ingest", "-", "--db", "{root}/new.db"], "  \n\n ", 2, "standard input is empty"),
    (["search", "   ", "--db", "{root}/s.db"], None, 2, "search needs at least one word"),
    (["search", "--db", "{root}/s.db"], None, 2, "Missing argument"),
]


@pytest.mark.parametrize("args, stdin, code, message", BAD, ids=[" ".join(a[:3]) for a, *_ in BAD])
def test_bad_input_is_one_line_on_stderr_with_its_exit_code(work, args, stdin, code, message):
    result = invoke([a.format(root=work) for a in args], stdin=stdin)
    assert result.exit_code == code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert message in lines[0]
    assert result.stdout == ""
    assert not (work / "new.db").exists()  # a refused ingest creates no store


def test_type_error_names_every_allowed_value(work):
    line = invoke(["events", "--type", "FOOBAR", "--db", work / "s.db"]).stderr
    for value in ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                  "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"):
        assert value in line


@pytest.mark.parametrize("value", ["consult", "ASSAULT", "04", "190", "1823"])
def test_good_type_values_pass(work, value):
    assert invoke(["events", "--type", value, "--db", work / "s.db"]).exit_code == 0


def test_ingest_exits_1_when_some_inputs_failed(tmp_path):
    corpus = write_corpus(tmp_path / "in", with_bad=True)
    result = invoke(["ingest", corpus, "--db", tmp_path / "i.db", "-q"])
    assert result.exit_code == 1
    assert "failed (1): empty" in result.stderr and "failed (1): not English: fr" in result.stderr
    again = invoke(["ingest", corpus, "--db", tmp_path / "i.db", "-q"])  # nothing new failed
    assert again.exit_code == 0, again.stderr


def test_ingest_reads_one_article_from_stdin(tmp_path):
    db = tmp_path / "i.db"
    result = invoke(["ingest", "-", "--db", db, "-q"], stdin=STORIES["shelling"])
    assert result.exit_code == 0, result.stderr
    assert "1 stored" in result.stderr
    articles = json.loads(invoke(["articles", "--db", db, "--format", "json"]).stdout)
    assert len(articles) == 1 and "Kharkiv" in invoke(["search", "Kharkiv", "--db", db]).stdout
    again = invoke(["ingest", "-", "--db", db, "-q"], stdin=STORIES["shelling"])  # same text: same id
    assert again.exit_code == 0 and "1 already in the store" in again.stderr


def test_ingest_mixes_stdin_with_paths(tmp_path, work):
    result = invoke(["ingest", work / "story.txt", "-", "--db", tmp_path / "i.db", "-q"], stdin=STORIES["aid"])
    assert result.exit_code == 0 and "2 stored" in result.stderr, result.stderr


def test_export_to_stdout_writes_no_file(work, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke(["export", "--format", "plover-jsonl", "--out", "-", "--db", work / "s.db"])
    assert result.exit_code == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["event_type"] == "CONSULT"
    assert "1 rows → <stdout>" in result.stderr
    tsv = invoke(["export", "--format", "gdelt-events", "--out", "-", "--db", work / "s.db"]).stdout
    assert len(tsv.rstrip("\n").split("\t")) == 61
    assert not (tmp_path / "-").exists()


def _commands(group, prefix=()):
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))
        else:
            yield (*prefix, name)


@pytest.mark.parametrize("path", list(_commands(main)), ids=" ".join)
def test_every_command_help_has_examples(path):
    result = invoke([*path, "--help"])
    assert result.exit_code == 0 and "Examples:" in result.stdout, result.stdout
    example = result.stdout.split("Examples:", 1)[1]
    assert f"tidings {' '.join(path)}" in example


def test_progress_total_is_known_for_one_article_files(tmp_path):
    corpus = write_corpus(tmp_path / "in", with_bad=True)
    (corpus / "README.md").write_text("notes", encoding="utf-8")  # folder notes are not inputs
    assert known_total([str(corpus)]) == 9
    assert known_total([str(corpus / "summit-0.txt"), str(tmp_path / "missing.txt")]) == 2
    assert known_total([str(corpus / "*.txt")]) == 9
    (tmp_path / "batch.jsonl").write_text("{}\n", encoding="utf-8")
    assert known_total([str(corpus), str(tmp_path / "batch.jsonl")]) is None
