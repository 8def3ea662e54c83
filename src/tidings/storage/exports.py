"""Named read queries behind ``tidings export``: whole tables streamed row by row.

Each takes validated :class:`~tidings.query.Filters` (event filters, as ``tidings events``) and
an optional ``limit``; the export queries return a cursor of ``sqlite3.Row`` in key order.
"""
from __future__ import annotations

import sqlite3

from tidings.storage.queries import SENTENCE_SQL, event_where
from tidings.storage.store import Store

#: Tables ``tidings export --format parquet`` writes, with the event tables the filters apply to.
EXPORT_TABLES = ("event_clusters", "events", "articles", "actors", "article_actors", "mentions", "quotes",
                 "dates", "places", "amounts", "failures", "skipped")
FILTERED_TABLES = {"event_clusters": False, "events": True}  # table → filters read it as mentions
NO_LIMIT = -1  # SQLite: LIMIT -1 means no limit


def _limit(limit: int | None) -> int:
    return NO_LIMIT if limit is None else limit


_SENTENCE_LOCATION = """{p}.article_id = f.article_id AND {p}.role = 'location' AND {p}.country IS NOT NULL
            AND {p}.start >= f.sentence_start AND {p}."end" <= f.sentence_end"""
#: The place named in the first mention's sentence as a location (not an actor), with a country, nearest its trigger:
#: a JSON object of the ``places`` columns, or NULL. (SQLite reads outer columns in a subquery's WHERE, not in its
#: ORDER BY: the nearest distance is matched in the WHERE.)
SENTENCE_PLACE_SQL = f"""(SELECT json_object('text', p.text, 'name', p.name, 'country', p.country, 'admin1', p.admin1,
                                 'lat', p.lat, 'lon', p.lon, 'geonames_id', p.geonames_id, 'feature', p.feature)
        FROM places p WHERE {_SENTENCE_LOCATION.format(p="p")}
            AND abs(p.start - coalesce(f.trigger_start, p.start)) = (SELECT min(abs(q.start - coalesce(f.trigger_start,
                q.start))) FROM places q WHERE {_SENTENCE_LOCATION.format(p="q")})
        ORDER BY p.seq LIMIT 1)"""


def export_clusters(store: Store, filters, limit: int | None = None) -> sqlite3.Cursor:
    """Event clusters with their first mention, its article and place (also the place of its sentence, and the
    article's dateline), and the mean tone of their articles."""
    where = event_where(store, filters, mentions=False)
    sql = f"""
        SELECT e.*, f.article_id, f.sentence_index, f.sentence_start, f.sentence_end, f.context, f.actor_text,
               f.recipient_text, f.trigger_text, f.trigger_start, f.trigger_end, f.location_text,
               f.location_geonames_id, f.confidence, f.evidence,
               a.url, a.source, a.title, a.published, a.language, a.ingested_at, a.dateline,
               {SENTENCE_PLACE_SQL} AS sentence_place,
               (SELECT x.wikidata FROM actors x WHERE x.id = e.actor_actor_id) AS actor_wikidata,
               (SELECT x.wikidata FROM actors x WHERE x.id = e.recipient_actor_id) AS recipient_wikidata,
               {SENTENCE_SQL.replace('e.', 'f.')} AS sentence,
               (SELECT p.feature FROM places p WHERE p.article_id = f.article_id
                   AND (p.geonames_id = f.location_geonames_id
                        OR (f.location_geonames_id IS NULL AND p.name = f.location_name))
                   ORDER BY p.seq LIMIT 1) AS location_feature,
               (SELECT p.admin1 FROM places p WHERE p.article_id = f.article_id
                   AND (p.geonames_id = f.location_geonames_id
                        OR (f.location_geonames_id IS NULL AND p.name = f.location_name))
                   ORDER BY p.seq LIMIT 1) AS location_admin1,
               (SELECT AVG(t.tone_score) FROM articles t WHERE t.id IN
                   (SELECT x.article_id FROM events x WHERE x.cluster_id = e.pk)) AS avg_tone
        FROM {where.source}
        LEFT JOIN events f ON f.pk = e.first_event
        LEFT JOIN articles a ON a.id = f.article_id{where.sql()}
        ORDER BY e.pk LIMIT ?"""
    return store.conn.execute(sql, [*where.params, _limit(limit)])


def export_mentions(store: Store, filters, limit: int | None = None) -> sqlite3.Cursor:
    """Event mentions with their article, their cluster's date, and when the cluster's first article was stored."""
    where = event_where(store, filters, mentions=True)
    sql = f"""
        SELECT e.*, a.url, a.source, a.published, a.ingested_at, a.tone_score, length(a.text) AS doc_length,
               c.day AS cluster_day, c.historical AS cluster_historical, fa.published AS cluster_published,
               fa.ingested_at AS event_added
        FROM {where.source} JOIN articles a ON a.id = e.article_id
        LEFT JOIN event_clusters c ON c.pk = e.cluster_id
        LEFT JOIN events fe ON fe.pk = c.first_event
        LEFT JOIN articles fa ON fa.id = fe.article_id{where.sql()}
        ORDER BY e.pk LIMIT ?"""
    return store.conn.execute(sql, [*where.params, _limit(limit)])


def export_article_ids(store: Store, filters, limit: int | None = None) -> list[str]:
    """Ids of the articles holding an event that matches the filters (all articles without filters)."""
    where = event_where(store, filters, mentions=True)
    if not where:
        sql = "SELECT id FROM articles ORDER BY seq LIMIT ?"
        return [r[0] for r in store.conn.execute(sql, [_limit(limit)])]
    sql = (f"SELECT a.id FROM articles a WHERE a.id IN (SELECT e.article_id FROM {where.source}{where.sql()})"
           f" ORDER BY a.seq LIMIT ?")
    return [r[0] for r in store.conn.execute(sql, [*where.params, _limit(limit)])]


def export_table(store: Store, table: str, filters) -> sqlite3.Cursor:
    """All rows of one store table (event tables filtered), in key order; the cursor describes the columns."""
    if table not in EXPORT_TABLES:
        raise ValueError(f"unknown export table {table!r}")
    if table in FILTERED_TABLES:
        where = event_where(store, filters, mentions=FILTERED_TABLES[table])
        return store.conn.execute(f"SELECT e.* FROM {where.source}{where.sql()} ORDER BY e.pk", where.params)
    return store.conn.execute(f"SELECT * FROM {table} ORDER BY rowid")


def table_columns(store: Store, table: str) -> list[tuple[str, str]]:
    """``[(column, declared SQL type), ...]`` of an export table."""
    if table not in EXPORT_TABLES:
        raise ValueError(f"unknown export table {table!r}")
    return [(row["name"], row["type"].upper()) for row in store.conn.execute(f"PRAGMA table_info({table})")]

