"""The country filter read through ``event_cluster_countries`` agrees with a plain scan of every cluster."""
from collections import Counter

import pytest

from tidings import query
from tidings.learn.scorer import default_min_confidence
from tidings.query import Filters
from tidings.storage import Store
from tidings.storage.queries import event_where
from tidings.storage.synthetic import insert_synthetic_events

COUNTRIES = ["USA", "IRN", "CAN", "ISL"]  # frequent, middling, rare, a country never named


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store.open(tmp_path_factory.mktemp("queries") / "synthetic.db") as store:
        insert_synthetic_events(store, 4000, seed=11)
        yield store


@pytest.fixture(scope="module")
def clusters(store):
    return [dict(r) for r in store.conn.execute("SELECT * FROM event_clusters")]


def involving(clusters, country, keep=lambda c: True):
    return [c for c in clusters if country in (c["actor_country"], c["recipient_country"], c["location_country"])
            and keep(c)]


@pytest.mark.parametrize("country", ["NATO", "XYZ", "Rusia"])
def test_a_value_that_is_no_country_is_refused_naming_the_allowed_values(store, country):
    with pytest.raises(query.QueryError, match=f"bad --country '{country}'") as error:
        query.events(store, Filters(country=country))
    assert "RUS" in error.value.allowed and "USA" in error.value.allowed


@pytest.mark.parametrize("name, code", [("Russia", "RUS"), ("russia", "RUS"), ("United States", "USA"),
                                        ("  iran ", "IRN"), ("can", "CAN")])
def test_country_names_mean_their_code(store, name, code):
    assert query.events(store, Filters(country=name)) == query.events(store, Filters(country=code))
    assert Filters(country=name).validated().country == code


@pytest.mark.parametrize("country", COUNTRIES)
def test_events_by_country_are_the_newest_clusters_involving_it(store, clusters, country):
    negated = involving(clusters, country, lambda c: c["status"] == "negated")
    newest = sorted(negated, key=lambda c: (c["day"], c["pk"]), reverse=True)[:20]
    rows = query.events(store, Filters(country=country.lower(), status="negated", limit=20))
    assert [r["cluster"] for r in rows] == [c["pk"] for c in newest]


@pytest.mark.parametrize("country", COUNTRIES)
@pytest.mark.parametrize("extra", [{}, {"type": "ASSAULT"}, {"since": "2020-06", "until": "2021-03-31"}])
def test_grouped_views_by_country_count_every_cluster_once(store, clusters, country, extra):
    filters = Filters(country=country, limit=10_000, **extra)
    since, until = extra.get("since", ""), extra.get("until", "9999") + "~"
    chosen = involving(clusters, country, lambda c: c["type"] == extra.get("type", c["type"])
                       and since <= c["day"] <= until)
    dyads = Counter((c["actor_code"], c["recipient_code"]) for c in chosen)
    assert {(r["actor_code"], r["recipient_code"]): r["events"] for r in query.top_dyads(store, filters)} == dyads
    actors = Counter(c["actor_actor_id"] for c in chosen) + Counter(c["recipient_actor_id"] for c in chosen)
    assert {r["id"]: r["events"] for r in query.actors(store, filters)} == actors
    days = Counter((c["day"], c["type"]) for c in chosen)
    assert {(r["date"], r["type"]): r["events"] for r in query.daily_counts(store, filters)} == days
    places = Counter(c["location_name"] for c in chosen if c["location_lat"] is not None)
    assert {r["name"]: r["events"] for r in query.places(store, filters)} == places


def test_the_side_table_alone_answers_when_it_holds_every_column(store):
    where = event_where(store, Filters(country="IRN", since="2020"), mentions=False)
    assert where.source_for(("actor_code", "recipient_code")) == "event_cluster_countries k"
    assert where.source_for(("type",)).startswith("event_cluster_countries k JOIN event_clusters e")
    typed = event_where(store, Filters(country="IRN", type="PROTEST"), mentions=False)
    assert typed.source_for(("actor_code", "recipient_code")).endswith("ON e.pk = k.cluster")
    plain = event_where(store, Filters(actor="IRN"), mentions=False)
    assert plain.source_for(("actor_code",)) == "event_clusters e" and plain.column("day") == "e.day"


def test_places_without_filters_group_every_located_cluster(store, clusters):
    located = Counter((c["location_name"], c["location_lat"], c["location_lon"]) for c in clusters
                      if c["location_lat"] is not None)
    rows = query.places(store, Filters(limit=1000))
    assert {(r["name"], r["lat"], r["lon"]): r["events"] for r in rows} == located
    assert [r["events"] for r in rows] == sorted((r["events"] for r in rows), reverse=True)


def test_event_mention_count(store):
    assert query.event_mention_count(store) == query.summary(store)["event_mentions"] >= 4000


@pytest.mark.parametrize("country", COUNTRIES)
def test_mentions_by_country_are_the_newest_mentions_involving_it(store, country):
    threshold = default_min_confidence()  # mentions below the scorer's threshold are candidates, not events
    mentions = [dict(r) for r in store.conn.execute("SELECT * FROM events WHERE status = 'asserted'")
                if r["confidence"] >= threshold]
    newest = sorted(involving(mentions, country), key=lambda e: (e["day"], e["pk"]), reverse=True)[:20]
    rows = query.events(store, Filters(country=country, status="asserted", limit=20), mentions=True)
    assert [(r["article_id"], r["event_id"]) for r in rows] == [(e["article_id"], e["id"]) for e in newest]


@pytest.mark.parametrize("sort", [None, "date", "-goldstein", "type"])
@pytest.mark.parametrize("offset", [0, 45])
def test_a_partys_events_are_its_clusters_on_either_side_in_order(store, clusters, sort, offset):
    """The party listing merges the first rows of each side; a cluster with the party on both sides shows once."""
    party = "usa-gov"
    mine = [c for c in clusters if party in (c["actor_actor_id"], c["recipient_actor_id"])]
    assert any(c["actor_actor_id"] == c["recipient_actor_id"] == party for c in mine)
    key = (sort or "-date").removeprefix("-")
    column = {"date": "day"}.get(key, key)
    newest = sorted(mine, key=lambda c: (c["day"], c["pk"]), reverse=True)
    ordered = sorted(newest, key=lambda c: c[column], reverse=(sort or "-date").startswith("-"))
    rows = query.events(store, Filters(party=party, sort=sort, limit=30, offset=offset))
    assert [r["cluster"] for r in rows] == [c["pk"] for c in ordered[offset:offset + 30]]
    assert query.event_total(store, Filters(party=party)) == len(mine)
