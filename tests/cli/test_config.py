"""The group's --config and --set: every command's options from a file and the command line, with precedence."""
import json

from click.testing import CliRunner
from tests.batch.stories import STORIES

from tidings.cli import main

STORY = STORIES["shelling"]


def run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env, catch_exceptions=False)


def test_ingest_takes_the_store_and_options_from_the_file_and_runs_records_them(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "shelling.txt").write_text(STORY, encoding="utf-8")
    config = tmp_path / "tidings.toml"
    config.write_text('[store]\ndb = "from-file.db"\n[places]\nmin_scan_population = 5000\n'
                      '[events]\nmin_confidence = 0.5\n', encoding="utf-8")
    result = run("--config", config, "--set", "events.min_confidence=0.3", "ingest", tmp_path / "news", "-q")
    assert result.exit_code == 0, result.output
    db = tmp_path / "from-file.db"  # relative to the file's folder
    runs = json.loads(run("runs", "--db", db, "--format", "json").output)
    assert len(runs) == 1 and runs[0]["articles"] == 1
    options = runs[0]["config"]
    assert options["places"]["min_scan_population"] == 5000 and options["events"]["min_confidence"] == 0.3
    table = run("runs", "--db", db).output
    assert table.startswith("run  started") and runs[0]["resources"]["lexicon"]["sha256"][:12] in table
    produced = json.loads(run("runs", "--db", db, "--article", "shelling").output)
    assert produced["id"] == runs[0]["id"]


def test_a_command_option_beats_the_file_which_beats_the_environment(tmp_path):
    config = tmp_path / "tidings.toml"
    config.write_text('[store]\ndb = "file.db"\n', encoding="utf-8")
    env = {"TIDINGS_DB": str(tmp_path / "env.db")}
    for args, used in (([], "env.db"), (["--config", config], "file.db"),
                       (["--config", config, "ingest", "-", "-q", "--db", tmp_path / "cli.db"], "cli.db")):
        args = args if "ingest" in args else [*args, "ingest", "-", "-q"]
        result = CliRunner().invoke(main, [str(a) for a in args], input=STORY, env=env)
        assert result.exit_code == 0, result.output
        assert (tmp_path / used).exists()
    assert len(list(tmp_path.glob("*.db"))) == 3


def test_extract_reads_its_threshold_from_the_configuration(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    everything = json.loads(run("--set", "events.min_confidence=0", "extract", story).output)["events"]
    assert everything and min(e["confidence"] for e in everything) < 1.0
    high = json.loads(run("--set", "events.min_confidence=1", "extract", story).output)["events"]
    assert [e for e in everything if e["confidence"] >= 1.0] == high
    again = json.loads(run("--set", "events.min_confidence=1", "extract", story, "--min-confidence", "0").output)
    assert again["events"] == everything  # the command's own option wins


def test_a_bad_configuration_is_a_one_line_usage_error(tmp_path):
    config = tmp_path / "bad.toml"
    config.write_text("[places]\nmin_scan_population = -3\n", encoding="utf-8")
    for args in (["--config", config], ["--set", "places.nowhere=1"], ["--set", "novalue"],
                 ["--config", tmp_path / "absent.toml"]):
        result = run(*args, "extract", "-")
        assert result.exit_code == 2 and result.output.count("\n") == 1, result.output
        assert result.output.startswith("Error: ")
    result = run("--config", config, "extract", "-")
    assert "places.min_scan_population must be an integer >= 0 (got -3)" in result.output


def test_runs_of_an_unknown_article_is_a_usage_error(tmp_path):
    db = tmp_path / "empty.db"
    assert CliRunner().invoke(main, ["ingest", "-", "--db", str(db), "-q"], input=STORY).exit_code == 0
    result = run("runs", "--db", db, "--article", "nowhere")
    assert result.exit_code == 2 and "no article 'nowhere'" in result.output


def test_config_prints_a_toml_file_that_reads_back_to_the_same_configuration(tmp_path):
    from tidings.config import load

    result = run("--set", "places.min_scan_population=5000", "--set", "events.lexicon_files=a.txt", "config")
    path = tmp_path / "printed.toml"
    path.write_text(result.output, encoding="utf-8")
    assert "# min_confidence =" in result.output
    expected = load(overrides={"places.min_scan_population": 5000, "events.lexicon_files": [str(tmp_path / "a.txt")]},
                    environ={})
    assert load(path, environ={}) == expected
    assert json.loads(run("--config", path, "config", "--format", "json").output)["places"]["min_scan_population"] \
        == 5000


def test_eval_scores_the_pipeline_of_the_configuration(tmp_path, monkeypatch):
    from tidings.eval import events as event_eval

    gold = tmp_path / "gold.jsonl"
    gold.write_text("", encoding="utf-8")
    given = []

    class Report:
        def render(self) -> str:
            return "scored"

    monkeypatch.setattr(event_eval, "evaluate", lambda path, *, limit, pipeline: given.append(pipeline) or Report())
    monkeypatch.delenv("TIDINGS_PLACES_MIN_SCAN_POPULATION", raising=False)
    assert run("eval", "events", gold).output.strip() == "scored"
    assert run("--set", "places.min_scan_population=5000", "eval", "events", gold).exit_code == 0
    default, configured = given
    assert default is None and configured.config.places.min_scan_population == 5000
