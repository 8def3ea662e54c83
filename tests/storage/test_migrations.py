"""Migrations 2-9: an existing v1 store upgrades in place; triggers keep side tables and totals in step."""
import pytest

from tests.storage.factories import GENEVA, KYIV, document, event, save
from tidings import query
from tidings.query import Filters
from tidings.storage import Store, StoreError
from tidings.storage import store as store_module
from tidings.storage.migrations import MIGRATIONS

DOCS = [
    document("talks", "Biden and Putin met in Geneva on Thursday, aides said.", events=[
        event("CONSULT", "040", "joe-biden", "vladimir-putin", location=GENEVA)]),
    document("strike", "Russian forces shelled Kyiv overnight, officials said.", published="2021-12-28", events=[
        event("ASSAULT", "195", "russia", "ukraine", location=KYIV, date="2021-12-28"),
        event("ACCUSE", "112", "nato", None, date="2021-12-27", index=1)]),
]


def country_rows(store):
    return sorted(tuple(r) for r in store.conn.execute(
        "SELECT country, cluster, day, actor_code, recipient_code, actor_actor_id, recipient_actor_id"
        " FROM event_cluster_countries"))


def expected_rows(store):
    """What the side table must hold: one row per distinct non-null country of each cluster."""
    rows = set()
    for c in store.conn.execute("SELECT * FROM event_clusters"):
        for country in {c["actor_country"], c["recipient_country"], c["location_country"]} - {None}:
            rows.add((country, c["pk"], c["day"], c["actor_code"], c["recipient_code"], c["actor_actor_id"],
                      c["recipient_actor_id"]))
    return sorted(rows)


def country_totals(store):
    """The running totals per country, and what they must be: the side table's rows counted afresh."""
    kept = dict(tuple(r) for r in store.conn.execute("SELECT country, events FROM country_counts WHERE events > 0"))
    counted = dict(tuple(r) for r in store.conn.execute(
        "SELECT country, COUNT(*) FROM event_cluster_countries GROUP BY country"))
    return kept, counted


def place_totals(store):
    return {(r["name"], r["country"]): r["events"] for r in query.places(store, Filters(limit=100))}


def mention_rows(store):
    return sorted(tuple(r) for r in store.conn.execute("SELECT country, event, day FROM event_countries"))


def expected_mention_rows(store):
    return sorted({(country, e["pk"], e["day"]) for e in store.conn.execute("SELECT * FROM events")
                   for country in {e["actor_country"], e["recipient_country"], e["location_country"]} - {None}})


@pytest.fixture
def v1_store(tmp_path, monkeypatch):
    """A store as a tidings that knew only migration 1 left it: written by today's writer, then everything
    later migrations added (tables, triggers, indexes, columns) taken away again."""
    with monkeypatch.context() as patch:
        patch.setattr(store_module, "MIGRATIONS", MIGRATIONS[:1])
        with Store.open(tmp_path / "schema-v1.db") as store:
            v1_objects = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
            v1_columns = {table: [r[1] for r in store.conn.execute(f"PRAGMA table_info({table})")]
                          for table in ("articles", "actors")}
    path = tmp_path / "v1.db"
    with Store.open(path) as store:
        save(store, *DOCS)
        later = store.conn.execute("SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'index', 'table')"
                                   " ORDER BY type = 'table'").fetchall()
        for kind, name in later:
            if name not in v1_objects and not name.startswith("sqlite_"):
                store.conn.execute(f"DROP {kind.upper()} IF EXISTS {name}")
        for table, kept in v1_columns.items():
            for column in [r[1] for r in store.conn.execute(f"PRAGMA table_info({table})")]:
                if column not in kept:
                    store.conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        store.conn.execute("DELETE FROM migrations WHERE version > 1")
        assert store.schema_version() == 1
    return path


def test_a_v1_store_upgrades_in_place(v1_store):
    with Store.open(v1_store) as store:
        assert store.schema_version() == MIGRATIONS[-1].version
        versions = [r[0] for r in store.conn.execute("SELECT version FROM migrations ORDER BY version")]
        assert versions == [m.version for m in MIGRATIONS]
        assert country_rows(store) == expected_rows(store)
        # NATO → nobody: no country
        assert mention_rows(store) == expected_mention_rows(store) and len(mention_rows(store)) == 5
        assert {r[0] for r in country_rows(store)} == {"USA", "RUS", "CHE", "UKR"}
        assert sorted(r["type"] for r in query.events(store, Filters(country="RUS"))) == ["ASSAULT", "CONSULT"]
        assert store.load_document("strike").events[1].type == "ACCUSE"
        assert place_totals(store) == {("Geneva", "CHE"): 1, ("Kyiv", "UKR"): 1}
        kept, counted = country_totals(store)
        assert kept == counted == {"USA": 1, "RUS": 2, "CHE": 1, "UKR": 1}


def test_a_v1_store_opened_read_only_asks_for_an_upgrade(v1_store):
    with pytest.raises(StoreError, match="schema version 1; open it once with write access"):
        Store.open(v1_store, readonly=True)
    Store.open(v1_store).close()
    with Store.open(v1_store, readonly=True) as reader:
        assert reader.schema_version() == MIGRATIONS[-1].version


def test_triggers_follow_inserts_updates_and_deletes(tmp_path):
    with Store.open(tmp_path / "t.db") as store:
        save(store, *DOCS)
        assert country_rows(store) == expected_rows(store)
        later = document("talks-again", "Biden and Putin met again in Geneva on Friday, aides said.", events=[
            event("CONSULT", "040", "joe-biden", "vladimir-putin", location=GENEVA, date="2021-12-29")])
        save(store, later)  # joins the Geneva cluster: its day moves to the earlier date
        assert ("CHE", 1, "2021-12-29") in {r[:3] for r in country_rows(store)}
        assert mention_rows(store) == expected_mention_rows(store)
        with store.transaction():
            store.conn.execute("UPDATE event_clusters SET location_country = 'AUT' WHERE location_country = 'CHE'")
            store.conn.execute("UPDATE events SET location_country = 'AUT' WHERE location_country = 'CHE'")
        assert country_rows(store) == expected_rows(store) and "CHE" not in {r[0] for r in country_rows(store)}
        assert mention_rows(store) == expected_mention_rows(store)
        assert place_totals(store) == {("Geneva", "AUT"): 1, ("Kyiv", "UKR"): 1}
        kept, counted = country_totals(store)
        assert kept == counted and kept["AUT"] == 1 and "CHE" not in kept
        with store.transaction():
            store.conn.execute("DELETE FROM events")
            store.conn.execute("DELETE FROM event_clusters WHERE type = 'ASSAULT'")
        assert country_rows(store) == expected_rows(store) and "UKR" not in {r[0] for r in country_rows(store)}
        assert mention_rows(store) == [] and place_totals(store) == {("Geneva", "AUT"): 1}
        kept, counted = country_totals(store)
        assert kept == counted and "UKR" not in kept
