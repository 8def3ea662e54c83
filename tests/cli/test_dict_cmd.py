"""`tidings dict`: check user dictionaries, import PETRARCH/TABARI actor files."""
import json
from pathlib import Path

from click.testing import CliRunner

from tidings.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_check_accepts_a_valid_verb_file(tmp_path):
    verbs = tmp_path / "my_verbs.txt"
    verbs.write_text("[1721]\ncordon off\n", encoding="utf-8")
    result = run("dict", "check", str(verbs))
    assert result.exit_code == 0, result.output
    assert "ok" in result.output


def test_check_reports_file_and_line_of_a_bad_actor_file(tmp_path):
    bad = tmp_path / "people.jsonl"
    bad.write_text(json.dumps({"id": "x", "name": "X Y", "country": "ZZZ", "roles": []}) + "\n", encoding="utf-8")
    result = run("dict", "check", str(bad))
    assert result.exit_code == 1
    assert "people.jsonl:1" in result.output


def test_import_actors_writes_files_usable_as_tidings_actors(tmp_path):
    result = run("dict", "import-actors", str(FIXTURES / "actors" / "petrarch" / "sample.actors"),
                 str(tmp_path / "out" / "sample"))
    assert result.exit_code == 0, result.output
    written = [Path(line.split(" ", 1)[1]) for line in result.output.splitlines() if line.startswith("wrote ")]
    assert written and all(p.exists() for p in written)
    assert "TIDINGS_ACTORS=" in result.output
    assert run("dict", "check", *map(str, written)).exit_code == 0


def test_dict_help_explains_the_variables():
    assert "TIDINGS_LEXICON" in run("dict", "--help").output
