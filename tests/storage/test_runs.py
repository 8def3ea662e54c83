"""Migration 7 (runs, articles.run_id): an older store upgrades; its articles have no run, new ones do."""
from tests.storage.factories import document, event, save
from tidings import provenance
from tidings.config import Config
from tidings.storage import Store
from tidings.storage import runs as stored_runs
from tidings.storage import store as store_module
from tidings.storage.migrations import MIGRATIONS

OLD = document("old", "Biden and Putin met in Geneva on Thursday, aides said.", events=[
    event("CONSULT", "040", "joe-biden", "vladimir-putin")])
NEW = document("new", "Russian forces shelled Kyiv overnight, officials said.", events=[
    event("ASSAULT", "195", "russia", "ukraine", index=1)])  # event ids differ across articles, as hashes do


def test_a_store_from_before_runs_upgrades_and_keeps_its_articles(tmp_path, monkeypatch):
    with monkeypatch.context() as patch:
        patch.setattr(store_module, "MIGRATIONS", MIGRATIONS[:6])
        with Store.open(tmp_path / "schema-v6.db") as store:
            v6_objects = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
    path = tmp_path / "v6.db"
    with Store.open(path) as store:  # written by today's writer, then taken back to what migration 6 left
        save(store, OLD)
        later = store.conn.execute("SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'index', 'table')"
                                   " ORDER BY type = 'table'").fetchall()
        for kind, name in later:
            if name not in v6_objects and not name.startswith("sqlite_"):
                store.conn.execute(f"DROP {kind.upper()} IF EXISTS {name}")
        for statement in ("ALTER TABLE articles DROP COLUMN run_id", "ALTER TABLE actors DROP COLUMN gender",
                          "DELETE FROM migrations WHERE version > 6"):
            store.conn.execute(statement)
        assert store.schema_version() == 6
    with Store.open(path) as store:
        assert store.schema_version() == MIGRATIONS[-1].version
        assert provenance.produced(store, article="old") is None  # stored before runs were recorded
        assert provenance.runs(store) == []
        run_id = stored_runs.start_run(store, tidings_version="test", config=Config().to_dict(), resources={},
                                       command=["new.txt"])
        with store.transaction():
            store.add_article(NEW, content_hash="h-new", dup_cluster="new", run_id=run_id)
        stored_runs.finish_run(store, run_id, {"stored": 1})
        run = provenance.produced(store, event=NEW.events[0].id)
        assert run["id"] == run_id and run["command"] == ["new.txt"] and run["articles"] == 1
        assert run["summary"] == {"stored": 1} and store.load_document("old").events[0].type == "CONSULT"
