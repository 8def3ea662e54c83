"""``tidings export`` on the command line."""
from click.testing import CliRunner
from tests.export.conftest import TALKS
from tests.storage.factories import GENEVA, document, event, save

from tidings.cli import main
from tidings.storage import Store


def test_export_writes_the_file_and_reports(tmp_path):
    db = tmp_path / "cli.db"
    with Store.open(db) as store:
        save(store, document("talks", TALKS, events=[event("CONSULT", "040", "joe-biden", "vladimir-putin",
                                                           location=GENEVA)]))
    out = tmp_path / "events.tsv"
    result = CliRunner().invoke(main, ["export", "--format", "gdelt-events", "--out", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "1 rows" in result.output
    assert len(out.read_text().rstrip("\n").split("\t")) == 61


def test_bad_filters_and_missing_store_are_one_line_errors(tmp_path):
    db = tmp_path / "cli.db"
    Store.open(db).close()
    result = CliRunner().invoke(main, ["export", "--format", "plover-jsonl", "--out", str(tmp_path / "x"),
                                       "--db", str(db), "--since", "2021-13"])
    assert result.exit_code == 2 and "bad date for --since" in result.output
    result = CliRunner().invoke(main, ["export", "--format", "parquet", "--out", str(tmp_path / "p"),
                                       "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no store" in result.output
