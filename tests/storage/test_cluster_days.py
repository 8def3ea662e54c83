"""Migration 8 (``cluster_days``): the running totals answer exactly what grouping the clusters answers, on random
stores, after clusters grow, change, move between days and go away."""
import dataclasses
import random

import pytest

from tests.storage.factories import document, event, save
from tidings import query
from tidings.query import BUCKETS, Filters
from tidings.storage import Store, queries
from tidings.storage.synthetic import PLOVER_TYPES

TYPES = sorted(PLOVER_TYPES)[:5]
STATUSES = ["asserted", "negated", "future"]
PRECISIONS = ["day", "week", "month", "year", "unknown", None]
COUNTRIES = ["USA", "RUS", "UKR"]
PARTIES = ["alpha", "beta", "gamma"]  # resolved actor ids (no knowledge base: each is its own slug)


def random_cluster(rng: random.Random) -> dict:
    """An event cluster's describing columns, with the values the totals key on drawn widely (NULLs included)."""
    precision = rng.choice(PRECISIONS)
    day = None if precision in ("unknown", None) and rng.random() < 0.7 else \
        f"20{rng.randint(19, 22)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return {"type": rng.choice(TYPES), "status": rng.choice(STATUSES), "historical": rng.choice([0, 1, None, 0, 0]),
            "date": day, "day": day, "date_precision": precision, "num_mentions": rng.randint(1, 4),
            "num_articles": 1, "num_sources": 1, "goldstein": rng.choice([None, -10.0, -2.0, 3.4, 8.0]),
            **{f"{role}_{column}": rng.choice(values) for role in ("actor", "recipient")
               for column, values in (("actor_id", [None, *PARTIES]), ("code", [None, "AAA", "BBB"]),
                                      ("name", [None, "A", "B"]), ("country", [None, *COUNTRIES]))},
            "location_country": rng.choice([None, *COUNTRIES])}


def random_filters(rng: random.Random) -> Filters:
    since = f"20{rng.randint(19, 22)}" + rng.choice(["", f"-{rng.randint(1, 12):02d}"])
    until = f"20{rng.randint(20, 23)}" + rng.choice(["", f"-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"])
    return Filters(type=rng.choice([None, None, *TYPES]), status=rng.choice([None, None, *STATUSES]),
                   historical=rng.choice([None, False, True]), since=rng.choice([None, since]),
                   until=rng.choice([None, until]) if not since or until >= since else None,
                   limit=1000, **rng.choice([{}, {}, {"party": rng.choice(PARTIES)},
                                             {"country": rng.choice(COUNTRIES)}]))


KEY = "COALESCE(day, ''), COALESCE(date_precision, ''), type, status, COALESCE(historical, 0)"


def rollup_rows(store: Store) -> dict[tuple, tuple[int, int]]:
    """The non-zero rows of ``cluster_days``, ``party_days`` and ``country_days`` (party first, '' for the first,
    ``~`` and the country for the last); ``pair_counts`` is checked through the counterparts it answers."""
    rows = store.conn.execute("SELECT '', * FROM cluster_days WHERE events <> 0"
                              " UNION ALL SELECT * FROM party_days WHERE events <> 0"
                              " UNION ALL SELECT '~' || country, day, date_precision, type, status, historical,"
                              " events, mentions FROM country_days WHERE events <> 0")
    return {tuple(r)[:6]: tuple(r)[6:] for r in rows}


def regrouped_rows(store: Store) -> dict[tuple, tuple[int, int]]:
    """What the totals must hold: the clusters grouped afresh, per party and per country once each."""
    rows = store.conn.execute(
        f"SELECT '', {KEY}, COUNT(*), SUM(num_mentions) FROM event_clusters GROUP BY 1, 2, 3, 4, 5, 6"
        f" UNION ALL SELECT party, {KEY}, COUNT(*), SUM(num_mentions) FROM (SELECT DISTINCT p.party, c.* FROM"
        f" event_clusters c JOIN (SELECT actor_actor_id AS party FROM event_clusters"
        f" UNION SELECT recipient_actor_id FROM event_clusters) p"
        f" ON p.party IN (c.actor_actor_id, c.recipient_actor_id)) GROUP BY 1, 2, 3, 4, 5, 6"
        f" UNION ALL SELECT '~' || country, {KEY}, COUNT(*), SUM(num_mentions) FROM (SELECT DISTINCT g.country, c.*"
        f" FROM event_clusters c JOIN (SELECT actor_country AS country FROM event_clusters UNION SELECT"
        f" recipient_country FROM event_clusters UNION SELECT location_country FROM event_clusters) g"
        f" ON g.country IN (c.actor_country, c.recipient_country, c.location_country)) GROUP BY 1, 2, 3, 4, 5, 6")
    return {tuple(r)[:6]: tuple(r)[6:] for r in rows}


def answers(store: Store, filters: Filters) -> tuple:
    """Every answer the totals can give for ``filters``: the timeline in each period, days, range and total."""
    return (tuple(query.period_counts(store, filters, bucket=bucket)["rows"] for bucket in ("auto", *BUCKETS)),
            query.period_counts(store, dataclasses.replace(filters, limit=7), bucket="day"),
            query.daily_counts(store, filters), query.event_total(store, filters))


def assert_totals_agree_with_the_clusters(store: Store, rng: random.Random, monkeypatch) -> None:
    assert rollup_rows(store) == regrouped_rows(store)
    for party in PARTIES:
        for historical in (None, False, True):
            filters = Filters(historical=historical, limit=100)
            from_totals = query.counterparts(store, party, filters)
            with monkeypatch.context() as patch:
                patch.setattr(queries, "_pair_totals_party", lambda store, filters, party: None)
                from_clusters = query.counterparts(store, party, filters)
            assert [{**r, "goldstein": pytest.approx(r["goldstein"])} for r in from_totals] == from_clusters
    for _ in range(12):
        filters = random_filters(rng)
        assert queries.day_totals_where(store, filters) is not None  # these filters are answered by the totals
        from_totals = answers(store, filters)
        with monkeypatch.context() as patch:
            patch.setattr(queries, "day_totals_where", lambda store, filters: None)
            assert from_totals == answers(store, filters), filters


@pytest.mark.parametrize("seed", range(4))
def test_totals_stay_exact_through_inserts_updates_and_deletes(tmp_path, monkeypatch, seed):
    rng = random.Random(seed)
    with Store.open(tmp_path / "days.db") as store:
        with store.transaction():
            pks = [store.add_event_cluster(random_cluster(rng)) for _ in range(300)]
        assert_totals_agree_with_the_clusters(store, rng, monkeypatch)
        with store.transaction():  # what dedup merges and re-clustering do: counts grow, dates move, types change
            for pk in rng.sample(pks, 120):
                changed = {k: v for k, v in random_cluster(rng).items() if rng.random() < 0.4}
                if changed:
                    assignments = ", ".join(f"{name} = ?" for name in changed)
                    store.conn.execute(f"UPDATE event_clusters SET {assignments} WHERE pk = ?", [*changed.values(), pk])
        assert_totals_agree_with_the_clusters(store, rng, monkeypatch)
        with store.transaction():
            gone = rng.sample(pks, 150)
            store.conn.executemany("DELETE FROM event_clusters WHERE pk = ?", [(pk,) for pk in gone])
            for _ in range(60):  # re-ingested: new clusters over the same days
                store.add_event_cluster(random_cluster(rng))
        assert_totals_agree_with_the_clusters(store, rng, monkeypatch)
        with store.transaction():
            store.conn.execute("DELETE FROM event_clusters")
        assert rollup_rows(store) == {} and query.event_total(store, Filters()) == 0
        assert query.period_counts(store, Filters(historical=False))["rows"] == []


def test_the_writer_keeps_the_totals_as_mentions_join_clusters(tmp_path, monkeypatch):
    """Articles repeating an event join its cluster (its mentions and date change); the totals follow."""
    rng = random.Random(9)
    first = document("first", "Biden and Putin met in Geneva on Thursday, aides said.", events=[
        event("CONSULT", "040", "joe-biden", "vladimir-putin", date="2021-12-30")])
    again = document("again", "Biden met Putin in Geneva, the Kremlin said.", events=[
        event("CONSULT", "040", "joe-biden", "vladimir-putin", date="2021-12-29"),
        event("ACCUSE", "112", "nato", "russia", date="2021-12", precision="month", index=1)])
    with Store.open(tmp_path / "writer.db") as store:
        save(store, first)
        save(store, again)
        assert store.conn.execute("SELECT MAX(num_mentions) FROM event_clusters").fetchone()[0] == 2
        assert_totals_agree_with_the_clusters(store, rng, monkeypatch)
        rows = query.period_counts(store, Filters(), bucket="month")["rows"]
        assert [(r["date"], r["type"], r["events"], r["mentions"]) for r in rows] == [
            ("2021-12-01", "CONSULT", 1, 2), ("2021-12-01", "ACCUSE", 1, 1)]


@pytest.mark.parametrize("filters", [Filters(actor="russia"), Filters(country="UKR", party="russia"),
                                     Filters(type="04"), Filters(source="Wire"), Filters(min_confidence=0.5),
                                     Filters(party="RUS"), Filters(party="russia", country="RUS")])
def test_filters_the_totals_do_not_hold_fall_back_to_the_clusters(tmp_path, filters):
    """Actor, CAMEO prefix, source, confidence, a party named by its country, and a party with a country, read
    the clusters."""
    with Store.open(tmp_path / "fallback.db") as store:
        save(store, document("strike", "Russian forces shelled Kyiv overnight, officials said.", events=[
            event("ASSAULT", "195", "russia", "ukraine", date="2021-12-28")]))
        assert queries.day_totals_where(store, filters) is None
        assert queries.day_totals_where(store, dataclasses.replace(filters, actor=None, country=None, type=None,
                                                                   source=None, min_confidence=None,
                                                                   party="russia")) is not None
