"""Store commands: ingest, events/quotes/actors/articles, search, failures, demo; formats, errors, --help."""
import csv
import io
import json
import tempfile

import pytest
from click.testing import CliRunner
from tests.batch.stories import write_corpus
from tests.storage.factories import GENEVA, KYIV, document, event, save

from tidings.batch import executors
from tidings.cli import main
from tidings.storage import Store

STORE_COMMANDS = ["ingest", "events", "quotes", "actors", "articles", "search", "failures", "runs", "demo"]


def run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env, catch_exceptions=False)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "cli.db"
    with Store.open(path) as store:
        save(store,
             document("talks", "Biden and Putin held talks in Geneva about arms control and Ukraine.", events=[
                 event("CONSULT", "040", "joe-biden", "vladimir-putin", location=GENEVA)]),
             document("strike", "Russian artillery struck a depot near Kyiv, Ukrainian officials said.",
                      source="Courier", events=[event("ASSAULT", "190", "russia", "ukraine", location=KYIV)]))
        with store.transaction():
            store.add_failure("scan.pdf", "binary: not a text file", origin="in/scan.pdf")
    return path


@pytest.mark.parametrize("command", STORE_COMMANDS)
def test_every_store_command_has_help(command):
    result = run(command, "--help")
    assert result.exit_code == 0 and "Usage: " in result.output
    if command in ("events", "actors"):
        for option in ("--actor", "--recipient", "--country", "--type", "--status", "--since", "--until",
                       "--source", "--limit", "--format"):
            assert option in result.output


def test_events_table_shows_clusters(db):
    result = run("events", "--db", db)
    assert result.exit_code == 0
    header, rule, *rows = result.output.splitlines()
    assert header.split()[:3] == ["date", "type", "cameo"] and set(rule) <= {"-", " "}
    assert len(rows) == 2 and any("ASSAULT" in r and "Russia" in r for r in rows)


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
def test_events_machine_formats(db, fmt):
    result = run("events", "--db", db, "--format", fmt, "--type", "CONSULT")
    assert result.exit_code == 0
    if fmt == "json":
        rows = json.loads(result.output)
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in result.output.splitlines()]
    else:
        rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["actor_name"] for r in rows] == ["Joe Biden"]
    assert str(rows[0]["num_mentions"]) == "1"


def test_event_filters_and_mentions_through_the_cli(db):
    out = json.loads(run("events", "--db", db, "--actor", "RUS", "--format", "json").output)
    assert [r["type"] for r in out] == ["ASSAULT"]
    out = json.loads(run("events", "--db", db, "--source", "Courier", "--mentions", "--format", "json").output)
    assert [r["article_id"] for r in out] == ["strike"]
    assert run("events", "--db", db, "--since", "2030").output.strip() == "(no rows)"


def test_quotes_actors_articles_search_failures(db):
    assert "We will talk again" in run("quotes", "--db", db, "--actor", "Vladimir Putin").output
    actors = json.loads(run("actors", "--db", db, "--format", "json").output)
    assert {a["id"] for a in actors} == {"joe-biden", "vladimir-putin", "russia", "ukraine"}
    articles = run("articles", "--db", db, "--source", "courier").output
    assert "strike" in articles and "talks" not in articles
    hits = json.loads(run("search", "artillery depot", "--db", db, "--format", "json").output)
    assert [h["id"] for h in hits] == ["strike"] and "[artillery]" in hits[0]["snippet"]
    failures = run("failures", "--db", db).output
    assert "scan.pdf" in failures and "binary: not a text file" in failures


def test_db_from_environment(db):
    result = run("articles", "--format", "jsonl", env={"TIDINGS_DB": str(db)})
    assert len(result.output.splitlines()) == 2


@pytest.mark.parametrize("args, message", [
    (["events", "--since", "last week"], "bad date for --since: 'last week'"),
    (["events", "--status", "rumoured"], "bad --status"),
    (["quotes", "--until", "2021-02-31"], "bad date for --until"),
    (["search", "   "], "search needs at least one word"),
])
def test_bad_filters_are_one_line_errors(db, args, message):
    result = run(*args, "--db", db)
    assert result.exit_code == 2
    assert result.output.startswith("Error: ") and message in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_missing_store_is_a_one_line_error(tmp_path):
    result = run("events", "--db", tmp_path / "none.db")
    assert result.exit_code == 2 and "no store at" in result.output
    assert not (tmp_path / "none.db").exists()


def test_dask_engine_needs_a_scheduler(tmp_path):
    result = run("ingest", tmp_path, "--engine", "dask", "--db", tmp_path / "x.db")
    assert result.exit_code == 2 and "--scheduler" in result.output


def test_unreachable_scheduler_is_a_one_line_error(tmp_path, monkeypatch):
    monkeypatch.setattr(executors, "CONNECT_TIMEOUT", "1s")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Talks resumed in Vienna on Monday.", encoding="utf-8")
    result = run("ingest", tmp_path / "in", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9",
                 "--db", tmp_path / "x.db")
    assert result.exit_code == 1 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output


def test_ingest_then_query(tmp_path):
    corpus = write_corpus(tmp_path / "in")
    result = run("ingest", corpus, "--db", tmp_path / "i.db", "-q")
    assert result.exit_code == 1  # the French article failed
    assert "6 stored" in result.output and "1 skipped as duplicates" in result.output, result.output
    assert "failed (1): not English: fr" in result.output
    assert "french" in run("failures", "--db", tmp_path / "i.db").output


def test_demo_ingests_a_corpus_into_a_fresh_store(tmp_path):
    corpus = write_corpus(tmp_path / "in")
    result = run("demo", "--corpus", corpus, "--db", tmp_path / "demo.db")
    assert result.exit_code == 0, result.output
    for section in ("EVENTS", "TOP ACTORS", "QUOTES", "SUMMARY", "6 stored"):
        assert section in result.output
    again = run("demo", "--corpus", corpus, "--db", tmp_path / "demo.db")
    assert again.exit_code == 1 and "already exists" in again.output


@pytest.mark.slow
def test_demo_runs_on_the_bundled_sample_corpus(tmp_path, monkeypatch):
    from tidings.examples import corpus_path

    if not corpus_path().is_dir():
        pytest.skip("the bundled sample corpus is not there yet")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # the demo's fresh store goes under tmp_path
    result = run("demo")
    assert str(tmp_path) in result.output
    assert result.exit_code == 0, result.output
    for section in ("EVENTS", "TOP ACTORS", "TOP DYADS", "QUOTES", "SUMMARY", "failed (1): not English"):
        assert section in result.output
    assert "no rows" not in result.output


def test_ingest_into_an_unwritable_store_is_a_one_line_error(tmp_path, monkeypatch):
    import tidings.batch
    from tidings.storage import StoreError

    def unwritable(*args, **kwargs):
        raise StoreError(f"cannot write to {tmp_path / 's.db'}: database or disk is full")

    monkeypatch.setattr(tidings.batch, "ingest", unwritable)
    result = CliRunner().invoke(main, ["ingest", str(tmp_path), "--db", str(tmp_path / "s.db"), "-q"])
    assert result.exit_code == 1 and result.output.strip().splitlines() == [
        f"Error: cannot write to {tmp_path / 's.db'}: database or disk is full"]


def test_ingest_standard_input_over_the_article_limit_is_one_failure(tmp_path, monkeypatch):
    from click.testing import CliRunner as Runner

    from tidings.cli import main as cli
    from tidings.stages.ingest import readers

    monkeypatch.setattr(readers, "MAX_BYTES", 100)
    db = tmp_path / "s.db"
    result = Runner().invoke(cli, ["ingest", "-", "--db", str(db)], input="Talks went on in Geneva. " * 20)
    assert result.exit_code == 1, result.output
    assert "too large" in result.output


def test_csv_rows_cannot_run_as_spreadsheet_formulas():
    from tidings.cli.store_cmd import render

    rows = [{"title": '=HYPERLINK("http://example.invalid","x")', "goldstein": -5.0, "actor": "@handle"}]
    (row,) = csv.DictReader(io.StringIO(render(rows, "csv", [])))
    assert row["title"].startswith("'=") and row["actor"] == "'@handle"
    assert row["goldstein"] == "-5.0"  # numbers stay numbers
