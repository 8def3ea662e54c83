"""Synthetic events in bulk, for query benchmarks (``tidings bench`` puts a million in a store).

Deterministic for a seed: actors drawn from a skewed pool of countries, sectors and organisations,
dates spread over a span of days, most clusters located at one of a few made-up places per country,
every event cluster mentioned 1-3 times in synthetic articles (ten event mentions to an article).
"""
from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta

from tidings.storage.store import CACHE_KIB, Store, insert_sql, now

PLOVER_TYPES = {  # PLOVER type → (CAMEO root code, QuadClass, Goldstein)
    "AGREE": ("057", 1, 8.0), "CONSULT": ("040", 1, 1.0), "SUPPORT": ("051", 1, 3.4), "CONCEDE": ("080", 2, 5.0),
    "COOPERATE": ("060", 2, 6.0), "AID": ("070", 2, 7.0), "RETREAT": ("087", 2, 9.0), "REQUEST": ("020", 1, 3.0),
    "ACCUSE": ("112", 3, -2.0), "REJECT": ("120", 3, -4.0), "THREATEN": ("130", 3, -4.4),
    "PROTEST": ("140", 3, -6.5), "SANCTION": ("163", 3, -8.0), "MOBILIZE": ("150", 4, -7.2),
    "COERCE": ("170", 4, -7.0), "ASSAULT": ("190", 4, -10.0),
}
COUNTRIES = ["USA", "RUS", "UKR", "CHN", "GBR", "FRA", "DEU", "IRN", "ISR", "TUR", "IND", "PAK", "SYR", "IRQ",
             "AFG", "PRK", "KOR", "JPN", "SAU", "EGY", "NGA", "ETH", "SDN", "VEN", "BRA", "MEX", "POL", "BLR",
             "GEO", "ARM", "AZE", "LBN", "YEM", "MLI", "SOM", "LBY", "TWN", "PSE", "KAZ", "CAN"]
SECTORS = ["GOV", "MIL", "COP", "OPP", "CVL", "BUS", "MED", "REB", "JUD", "LEG"]
EVENTS_PER_ARTICLE = 10
PLACES_PER_COUNTRY = 3
LOCATED_SHARE = 0.8  # clusters with a location (the rest name none)
BULK_CACHE_KIB = 512 * 1024
ORGS = ["NATO", "UN", "EU", "IAEA", "AU", "OSCE", "WHO", "ICC"]


@dataclass(frozen=True)
class SyntheticActor:
    code: str
    id: str
    name: str
    country: str | None
    sector: str
    org: str | None


def actor_pool() -> list[SyntheticActor]:
    pool = [SyntheticActor(f"{c}{s}", f"{c.lower()}-{s.lower()}", f"{c} {s}", c, s, None)
            for c in COUNTRIES for s in SECTORS]
    pool += [SyntheticActor(o, o.lower(), o, None, "IGO", o) for o in ORGS]
    return pool


def insert_synthetic_events(store: Store, events: int, *, seed: int = 0, start: str = "2019-01-01",
                            days: int = 1096, chunk: int = 20_000) -> dict[str, int]:
    """Insert about ``events`` synthetic event mentions, with their clusters and articles; return the counts."""
    counts = {"clusters": 0, "events": 0, "articles": 0}
    batch: tuple[list, list, list] = ([], [], [])
    with bulk_load(store, ("events", "event_clusters", "event_cluster_countries", "event_countries")):
        for cluster, mentions, articles in _synthetic_rows(store, seed, date.fromisoformat(start), days):
            for rows, new in zip(batch, ([cluster], mentions, articles), strict=True):
                rows.extend(new)
            counts["clusters"] += 1
            counts["events"] += len(mentions)
            counts["articles"] += len(articles)
            if len(batch[1]) >= chunk or counts["events"] >= events:
                _insert_chunk(store, *batch)
                batch = ([], [], [])
            if counts["events"] >= events:
                break
    return counts


def _synthetic_rows(store: Store, seed: int, first_day: date, days: int) -> Iterator[tuple[dict, list, list]]:
    """Endless (cluster row, its event rows, new article rows) triples, deterministic for ``seed``."""
    rng = random.Random(seed)
    pool = actor_pool()
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(pool))]  # a few actors dominate, as in news
    prefix = f"synthetic-{seed}-"
    cluster_pk = store.conn.execute("SELECT COALESCE(MAX(pk), 0) FROM event_clusters").fetchone()[0]
    event_pk = store.conn.execute("SELECT COALESCE(MAX(pk), 0) FROM events").fetchone()[0]
    last_article = None
    while True:
        cluster_pk += 1
        actor, recipient = rng.choices(pool, weights, k=2)
        type_ = rng.choice(list(PLOVER_TYPES))
        cameo, quad, goldstein = PLOVER_TYPES[type_]
        day = (first_day + timedelta(days=rng.randrange(days))).isoformat()
        row = {"type": type_, "cameo": cameo, "quad_class": quad, "goldstein": goldstein, "date": day, "day": day,
               "status": rng.choices(["asserted", "negated", "future", "hypothetical"], [85, 5, 6, 4])[0],
               "date_precision": "day", "historical": 0, **_location(rng),
               **_actor_columns("actor", actor), **_actor_columns("recipient", recipient)}
        mentions = rng.randint(1, 3)
        cluster = {**row, "pk": cluster_pk, "actor_key": actor.code, "recipient_key": recipient.code,
                   "first_event": event_pk + 1, "date_last": day, "num_mentions": mentions,
                   "num_articles": mentions, "num_sources": min(mentions, 2)}
        events, articles = [], []
        for _ in range(mentions):
            event_pk += 1
            seq = event_pk % EVENTS_PER_ARTICLE
            article_number = event_pk // EVENTS_PER_ARTICLE
            article_id = f"{prefix}{article_number}"
            if article_id != last_article:
                last_article = article_id
                articles.append({"id": article_id, "text": f"Synthetic article {article_id}.",
                                 "source": f"Source {article_number % 7}", "published": day, "language": "en",
                                 "content_hash": article_id, "dup_cluster": article_id, "ingested_at": now()})
            events.append({**row, "pk": event_pk, "article_id": article_id, "seq": seq, "cluster_id": cluster_pk,
                           "id": f"e{seq}", "context": "[]", "actor_text": actor.name,
                           "recipient_text": recipient.name, "sentence_index": 0, "sentence_start": 0,
                           "sentence_end": 0, "confidence": round(rng.uniform(0.9, 1.0), 3)})  # clustered: sure
        yield cluster, events, articles


@contextmanager
def bulk_load(store: Store, tables: tuple[str, ...]) -> Iterator[None]:
    """Fast loading: no fsync, a large cache, the secondary indexes of ``tables`` rebuilt at the end."""
    marks = ", ".join("?" for _ in tables)
    indexes = store.conn.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                                 f" AND tbl_name IN ({marks})", tables).fetchall()
    store.conn.execute("PRAGMA synchronous=OFF")  # a crash here only loses synthetic rows
    store.conn.execute(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
    for name, _ in indexes:
        store.conn.execute(f'DROP INDEX "{name}"')
    try:
        yield
    finally:
        for _, sql in indexes:
            store.conn.execute(sql)
        store.conn.execute("PRAGMA synchronous=NORMAL")
        store.conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        store.conn.execute("ANALYZE")


def _location(rng: random.Random) -> dict[str, str | float | None]:
    """A located cluster's place (``Place 2, IRN`` at fixed made-up coordinates), or only its country."""
    index = rng.randrange(len(COUNTRIES))
    country = COUNTRIES[index]
    if rng.random() >= LOCATED_SHARE:
        return {"location_country": country, "location_name": None, "location_lat": None, "location_lon": None}
    place = rng.randrange(PLACES_PER_COUNTRY)
    return {"location_country": country, "location_name": f"Place {place}, {country}",
            "location_lat": round(-50 + (index * 7 + place) % 100, 2),
            "location_lon": round(-170 + (index * 29 + place * 3) % 340, 2)}


def _actor_columns(role: str, actor: SyntheticActor) -> dict[str, str | None]:
    return {f"{role}_code": actor.code, f"{role}_actor_id": actor.id, f"{role}_name": actor.name,
            f"{role}_country": actor.country, f"{role}_sector": actor.sector, f"{role}_org": actor.org}


def _insert_chunk(store: Store, clusters: list[dict], events: list[dict], articles: list[dict]) -> None:
    with store.transaction():
        store.conn.executemany("INSERT INTO dup_clusters (id, size, created_at) VALUES (?, 1, ?)",
                               [(a["id"], a["ingested_at"]) for a in articles])
        for table, rows in (("articles", articles), ("event_clusters", clusters), ("events", events)):
            if rows:
                    store.conn.executemany(insert_sql(table, list(rows[0])), [list(r.values()) for r in rows])
