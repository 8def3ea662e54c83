"""Synthetic bulk events: consistent rows, and dashboard queries stay fast on them."""

import pytest

from tidings import query
from tidings.query import Filters
from tidings.storage import Store
from tidings.storage.synthetic import insert_synthetic_events


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    with Store.open(tmp_path_factory.mktemp("bench") / "synthetic.db") as store:
        counts = insert_synthetic_events(store, 20_000, seed=7)
        yield store, counts


def test_synthetic_rows_are_consistent(big_store):
    store, counts = big_store
    one = lambda sql: store.conn.execute(sql).fetchone()[0]  # noqa: E731
    assert one("SELECT COUNT(*) FROM events") == counts["events"] >= 20_000
    assert one("SELECT COUNT(*) FROM event_clusters") == counts["clusters"]
    assert one("SELECT SUM(num_mentions) FROM event_clusters") == counts["events"]
    assert one("SELECT COUNT(*) FROM events e JOIN event_clusters c ON c.first_event = e.pk"
               " WHERE e.cluster_id = c.pk") == counts["clusters"]
    assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_seed_makes_it_deterministic(tmp_path):
    rows = []
    for name in ("a", "b"):
        with Store.open(tmp_path / f"{name}.db") as store:
            insert_synthetic_events(store, 500, seed=3)
            rows.append(store.conn.execute("SELECT type, date, actor_code, recipient_code FROM event_clusters"
                                           " ORDER BY pk").fetchall())
    assert [tuple(r) for r in rows[0]] == [tuple(r) for r in rows[1]]


DASHBOARD_QUERIES = {
    "filtered events": lambda s: query.events(s, Filters(actor="RUS", recipient="UKR", since="2020", limit=100)),
    "events by source": lambda s: query.events(s, Filters(source="Source 3", limit=100)),
    "daily counts for a pair": lambda s: query.daily_counts(s, Filters(actor="usa-gov", recipient="rus-gov")),
    "top actors": lambda s: query.actors(s, Filters(limit=20)),
    "top dyads": lambda s: query.top_dyads(s, Filters(limit=20)),
}


@pytest.mark.parametrize("name", DASHBOARD_QUERIES)
def test_dashboard_queries_answer_on_a_big_store(big_store, name):
    store, _ = big_store
    assert DASHBOARD_QUERIES[name](store)  # latency is measured by `tidings bench --queries`, not here


def test_running_totals_match_a_full_count(big_store):
    store, _ = big_store
    everything = Filters(since="1900", limit=10_000)  # a filter that keeps every dated cluster
    assert query.top_dyads(store, Filters(limit=10_000)) == query.top_dyads(store, everything)
    assert query.actors(store, Filters(limit=10_000)) == query.actors(store, everything)
    assert query.places(store, Filters(limit=10_000)) == query.places(store, everything)
    assert query.country_counts(store, Filters(limit=None)) == query.country_counts(store, everything)
