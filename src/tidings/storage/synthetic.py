"""Synthetic events in bulk, for query benchmarks (``tidings bench`` puts a million in a store).

Deterministic for a seed: actors drawn from a skewed pool of countries, sectors and organisations,
dates spread over a span of days, every event cluster mentioned 1-3 times in synthetic articles
(ten event mentions to an article).
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from tidings.storage.store import Store, insert_sql, now

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
                            days: int = 1096, mentions_per_cluster: tuple[int, int] = (1, 3),
                            chunk: int = 20_000) -> dict[str, int]:
    """Insert about ``events`` synthetic event mentions, with their clusters and articles; return the counts."""
    store.conn.execute("PRAGMA synchronous=OFF")  # bulk load: a crash here only loses synthetic rows
    rng = random.Random(seed)
    pool = actor_pool()
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(pool))]  # a few actors dominate, as in news
    first_day = date.fromisoformat(start)
    types = list(PLOVER_TYPES)
    prefix = f"synthetic-{seed}-"
    counts = {"clusters": 0, "events": 0, "articles": 0}
    next_pk = store.conn.execute("SELECT COALESCE(MAX(pk), 0) + 1 FROM event_clusters").fetchone()[0]
    next_event = store.conn.execute("SELECT COALESCE(MAX(pk), 0) + 1 FROM events").fetchone()[0]
    while counts["events"] < events:
        batch_clusters, batch_events, batch_articles = [], [], []
        chunk_end = min(events, counts["events"] + chunk)
        while counts["events"] < chunk_end:
            actor, recipient = rng.choices(pool, weights, k=2)
            type_ = rng.choice(types)
            cameo, quad, goldstein = PLOVER_TYPES[type_]
            day = (first_day + timedelta(days=rng.randrange(days))).isoformat()
            status = rng.choices(["asserted", "negated", "future", "hypothetical"], [85, 5, 6, 4])[0]
            place = rng.choice(COUNTRIES)
            mentions = rng.randint(*mentions_per_cluster)
            pk = next_pk + counts["clusters"]
            row = {"type": type_, "cameo": cameo, "quad_class": quad, "goldstein": goldstein, "status": status,
                   "date": day, "date_precision": "day", "historical": 0, "location_country": place,
                   **_actor_columns("actor", actor), **_actor_columns("recipient", recipient)}
            batch_clusters.append({**row, "pk": pk, "actor_key": actor.code, "recipient_key": recipient.code,
                                   "first_event": next_event + counts["events"], "date_last": day,
                                   "num_mentions": mentions, "num_articles": mentions,
                                   "num_sources": min(mentions, 2)})
            for m in range(mentions):
                seq = counts["events"] % EVENTS_PER_ARTICLE
                article_id = f"{prefix}{counts['events'] // EVENTS_PER_ARTICLE}"
                if seq == 0:
                    counts["articles"] += 1
                    batch_articles.append({"id": article_id, "text": f"Synthetic article {article_id}.",
                                           "source": f"Source {counts['articles'] % 7}", "published": day,
                                           "language": "en", "content_hash": article_id,
                                           "dup_cluster": article_id, "ingested_at": now()})
                batch_events.append({**row, "pk": next_event + counts["events"], "article_id": article_id,
                                     "seq": seq, "cluster_id": pk, "id": f"e{seq}", "context": "[]", "actor_text": actor.name, "recipient_text": recipient.name,
                                     "sentence_index": 0, "sentence_start": 0, "sentence_end": 0})
                counts["events"] += 1
            counts["clusters"] += 1
        _insert_chunk(store, batch_clusters, batch_events, batch_articles)
    store.conn.execute("PRAGMA synchronous=NORMAL")
    store.conn.execute("ANALYZE")
    return counts


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
