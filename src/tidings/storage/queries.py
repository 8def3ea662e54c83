"""Named read queries. Every query takes validated :class:`~tidings.query.Filters` and returns rows.

Event queries run on ``event_clusters`` (one row per real-world occurrence) by default, or on
``events`` (one row per mention in an article) with ``mentions=True``; both tables share the
filtered column names, so one condition builder serves both.
"""
from __future__ import annotations

import dataclasses
import re
import sqlite3
from collections.abc import Sequence
from typing import Any

from tidings.storage.store import Store


class Where:
    """AND-ed SQL conditions with their parameters, built up filter by filter.

    ``source`` is the FROM clause; when a side table drives the query, ``carried`` maps the columns
    it holds (``day``, ``pk``…) to its own, so sorting and grouping on them read no other table.
    """

    def __init__(self, source: str = "", carried: dict[str, str] | None = None, side: str | None = None) -> None:
        self.source = source
        self.carried = carried or {}
        self.side = side  # the side table alone, for queries that read only carried columns
        self.conditions: list[str] = []
        self.params: list[Any] = []

    def source_for(self, columns: tuple[str, ...]) -> str:
        """The FROM clause for a query reading ``columns``: the side table alone when it holds them all."""
        if self.side and set(columns) <= self.carried.keys() and not any(MAIN_COLUMN.search(c)
                                                                         for c in self.conditions):
            return self.side
        return self.source

    def column(self, name: str) -> str:
        """The SQL for column ``name`` of the main table (aliased ``e``)."""
        return self.carried.get(name, f"e.{name}")

    def add(self, condition: str, *params: Any) -> Where:
        self.conditions.append(condition)
        self.params.extend(params)
        return self

    def __bool__(self) -> bool:
        return bool(self.conditions)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.conditions)) if self.conditions else ""

MAIN_COLUMN = re.compile(r"\be\.")
#: The country side tables (aliased ``k``) of clusters and mentions, and the columns of the main table they carry.
CLUSTER_COUNTRIES = ("event_cluster_countries k", "event_clusters e ON e.pk = k.cluster",
                     {"pk": "k.cluster", **{name: f"k.{name}" for name in
                      ("day", "actor_code", "recipient_code", "actor_actor_id", "recipient_actor_id")}})
EVENT_COUNTRIES = ("event_countries k", "events e ON e.pk = k.event", {"pk": "k.event", "day": "k.day"})

# text of the sentence an event was read from (SQLite substr is 1-based)
SENTENCE_SQL = "substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start)"


def _limit(filters) -> int:
    """The row limit for SQL (-1: no limit)."""
    return -1 if filters.limit is None else filters.limit


def _page(filters) -> list[int]:
    """``LIMIT ? OFFSET ?`` parameters."""
    return [_limit(filters), getattr(filters, "offset", 0) or 0]


def actor_ids(store: Store, name: str) -> list[str]:
    """Knowledge-base ids matching an actor id or name (case-insensitive)."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    rows = store.conn.execute("SELECT id FROM actors WHERE id IN (?, ?) OR name = ? COLLATE NOCASE",
                              (name, slug, name)).fetchall()
    return sorted({r[0] for r in rows} | {slug})


ALIASES = {"events": "e", "event_clusters": "e", "quotes": "q"}


def _actor_condition(store: Store, table: str, role: str, value: str,
                     code_column: str = "code") -> tuple[str, list[str]]:
    """``role`` (actor, recipient, speaker) of ``table`` rows is this actor: id or name, country, or code.

    Only the columns where the value occurs are kept, so the usual query runs on one index.
    """
    chosen = _actor_terms(store, table, role, value, code_column)
    alias = ALIASES[table]
    sql = " OR ".join(f"{alias}.{column} IN ({_marks(values)})" for column, values in chosen)
    return f"({sql})", [v for _, values in chosen for v in values]


def _actor_terms(store: Store, table: str, role: str, value: str,
                 code_column: str = "code") -> list[tuple[str, list[str]]]:
    """The (column, values) pairs :func:`_actor_condition` ORs for ``value``."""
    code = value.upper()
    terms = [(f"{role}_actor_id", actor_ids(store, value)), (f"{role}_country", [code]),
             (f"{role}_{code_column}", [code])]
    present = [(column, values) for column, values in terms if _occurs(store, table, column, values)]
    if terms[1] in present and terms[2] in present:
        present.remove(terms[2])  # a code equal to a country code only repeats the country
    return present or terms[:1]


def _marks(values: Sequence) -> str:
    return ", ".join("?" for _ in values)


def _occurs(store: Store, table: str, column: str, values: list[str]) -> bool:
    sql = f"SELECT 1 FROM {table} WHERE {column} IN ({_marks(values)}) LIMIT 1"
    return store.conn.execute(sql, values).fetchone() is not None


def _add_dates(where: Where, column: str, filters) -> Where:
    if filters.since:
        where.add(f"{column} >= ?", filters.since)
    if filters.until:
        where.add(f"{column} <= ?", filters.until + "~")  # "~" sorts after digits: --until 2021-12 keeps 12-31
    return where


def _add_article_filters(where: Where, filters) -> Where:
    """Source and publication-date conditions on the article aliased ``a``."""
    if filters.source:
        where.add("a.source = ? COLLATE NOCASE", filters.source)
    return _add_dates(where, "a.published", filters)


def event_where(store: Store, filters, *, mentions: bool) -> Where:
    """``events`` or ``event_clusters`` (aliased ``e``) and the conditions for the filters.

    A country filter reads the side table ``event_cluster_countries`` (``event_countries`` for
    mentions): one index range per country, in day order, instead of three OR-ed columns.
    """
    table = "events" if mentions else "event_clusters"
    if filters.country:
        side, main, carried = EVENT_COUNTRIES if mentions else CLUSTER_COUNTRIES
        where = Where(f"{side} JOIN {main}", carried, side).add("k.country = ?", filters.country.upper())
    else:
        where = Where(f"{table} e")
    for role in ("actor", "recipient"):
        if getattr(filters, role):
            sql, params = _actor_condition(store, table, role, getattr(filters, role))
            where.add(sql, *params)
    if getattr(filters, "party", None):  # either side: the actor page
        acting, acting_params = _actor_condition(store, table, "actor", filters.party)
        receiving, receiving_params = _actor_condition(store, table, "recipient", filters.party)
        where.add(f"({acting} OR {receiving})", *acting_params, *receiving_params)
    if filters.type and filters.type.isdigit():  # a CAMEO code or its prefix
        where.add("e.cameo LIKE ?", filters.type + "%")
    elif filters.type:
        where.add("e.type = ?", filters.type.upper())
    if filters.status:
        where.add("e.status = ?", filters.status.lower())
    if filters.historical is not None and not mentions:  # by key: the indexes and side tables all hold it
        where.add(f"{where.column('pk')} {'IN' if filters.historical else 'NOT IN'} ({BACKGROUND_KEYS})")
    elif filters.historical is not None:
        where.add("e.historical = ?" if filters.historical else "COALESCE(e.historical, 0) = ?",
                  int(filters.historical))
    _add_dates(where, where.column("day"), filters)
    if filters.min_confidence is not None and mentions:
        where.add("e.confidence >= ?", filters.min_confidence)
    elif filters.min_confidence is not None:  # a cluster qualifies through one confident mention
        where.add(f"EXISTS (SELECT 1 FROM events x WHERE x.cluster_id = {where.column('pk')} AND x.confidence >= ?)",
                  filters.min_confidence)
    if filters.source and mentions:
        where.add("EXISTS (SELECT 1 FROM articles a WHERE a.id = e.article_id AND a.source = ? COLLATE NOCASE)",
                  filters.source)
    elif filters.source:
        where.add("EXISTS (SELECT 1 FROM events x JOIN articles a ON a.id = x.article_id"
                  " WHERE x.cluster_id = e.pk AND a.source = ? COLLATE NOCASE)", filters.source)
    return where


def _newest_first(where: Where) -> str:
    return f"{where.column('day')} DESC, {where.column('pk')} DESC"


#: Sort keys (validated by tidings.query) → the columns of the cluster and mention tables they sort on.
SORT_COLUMNS = {"date": ("day",), "type": ("type",), "goldstein": ("goldstein",), "quad_class": ("quad_class",),
                "mentions": ("num_mentions",), "articles": ("num_articles",), "sources": ("num_sources",),
                "actor": ("actor_code",), "recipient": ("recipient_code",), "confidence": ("confidence",)}


def _order(filters, column) -> str:
    """ORDER BY for an event listing: the sort key (``-key`` descending) then newest first; ``column(name)``
    gives the SQL of a column. NULLs sort last either way: SQLite sorts them first, so only an ascending key
    needs an ``IS NULL`` term, and the default (newest first) is ``day DESC, pk DESC``: an index led by ``day``
    read backwards gives it, sorting only the rows of one day."""
    key = filters.sort or "-date"
    direction = "DESC" if key.startswith("-") else "ASC"
    terms: list[str] = []
    names = SORT_COLUMNS[key.removeprefix("-")]
    for name in (*names, *(["day"] if "day" not in names else [])):
        nulls_last = [] if direction == "DESC" else [f"{column(name)} IS NULL"]
        terms += [*nulls_last, f"{column(name)} {direction}"]
        direction = "DESC"  # the tie-break: newest first
    return ", ".join([*terms, f"{column('pk')} DESC"])


def _listing_page(store: Store, filters, *, mentions: bool) -> tuple[str, list[Any]]:
    """The SQL and parameters of one page of matching rows of ``events`` or ``event_clusters`` (every column),
    in listing order. A party (either side) with no actor or recipient filter reads each side's index in that
    order (the first rows of each, merged) instead of collecting and sorting every event of the party."""
    if not (getattr(filters, "party", None) and not filters.actor and not filters.recipient):
        where = event_where(store, filters, mentions=mentions)
        return (f"SELECT e.* FROM {where.source}{where.sql()} ORDER BY {_order(filters, where.column)}"
                f" LIMIT ? OFFSET ?", [*where.params, *_page(filters)])
    rows = -1 if filters.limit is None else filters.limit + (filters.offset or 0)
    sides, params = [], []
    for role in ("actor", "recipient"):
        where = event_where(store, dataclasses.replace(filters, party=None, **{role: filters.party}),
                            mentions=mentions)
        sides.append(f"SELECT * FROM (SELECT e.* FROM {where.source}{where.sql()}"
                     f" ORDER BY {_order(filters, where.column)} LIMIT ?)")
        params += [*where.params, rows]
    return (f"SELECT * FROM ({' UNION '.join(sides)}) ORDER BY {_order(filters, lambda name: name)} LIMIT ? OFFSET ?",
            [*params, *_page(filters)])


def event_clusters(store: Store, filters) -> sqlite3.Cursor:
    """One row per event cluster (newest first, or ``filters.sort``), with its counts and its first mention:
    sentence text and offsets, trigger offsets into the article, the article's source, URL and title,
    and the best confidence of its mentions."""
    page, params = _listing_page(store, filters, mentions=False)
    sql = f"""
        SELECT c.pk AS cluster, c.date, c.date_last, c.date_precision, c.day, c.type, c.cameo, c.mode, c.status,
               c.historical, c.actor_code, c.actor_actor_id AS actor_id,
               COALESCE(c.actor_name, first.actor_text) AS actor_name,
               c.actor_country, c.recipient_code, c.recipient_actor_id AS recipient_id,
               COALESCE(c.recipient_name, first.recipient_text) AS recipient_name, c.recipient_country,
               c.location_name, c.location_country, c.quad_class, c.goldstein,
               c.num_mentions, c.num_articles, c.num_sources,
               (SELECT MAX(x.confidence) FROM events x WHERE x.cluster_id = c.pk) AS confidence,
               first.article_id, a.source, a.url, a.title, a.published,
               {SENTENCE_SQL.replace('e.', 'first.')} AS sentence,
               first.sentence_start, first.sentence_end, first.trigger_text AS trigger,
               first.trigger_start, first.trigger_end, first.evidence
        FROM ({page}) c
        LEFT JOIN events first ON first.pk = c.first_event
        LEFT JOIN articles a ON a.id = first.article_id
        ORDER BY {_order(filters, lambda name: f"c.{name}")}"""
    return store.conn.execute(sql, params)


def event_mentions(store: Store, filters) -> sqlite3.Cursor:
    """One row per event as read in one article (newest first, or ``filters.sort``), with the sentence,
    the trigger's and sentence's offsets into the article and the article's source, URL and title."""
    page, params = _listing_page(store, filters, mentions=True)
    sql = f"""
        SELECT e.article_id, e.id AS event_id, e.cluster_id AS cluster, e.date, e.date_precision, e.day, e.type,
               e.cameo, e.mode, e.status, e.historical, e.actor_text, e.actor_actor_id AS actor_id,
               e.actor_code, e.actor_name, e.recipient_text, e.recipient_actor_id AS recipient_id, e.recipient_code,
               e.recipient_name, e.location_name, e.location_country, e.quad_class, e.goldstein,
               e.trigger_text AS trigger, e.trigger_start, e.trigger_end, e.sentence_start, e.sentence_end,
               e.confidence, e.evidence, a.source, a.url, a.title, a.published, {SENTENCE_SQL} AS sentence
        FROM ({page}) e
        JOIN articles a ON a.id = e.article_id
        ORDER BY {_order(filters, lambda name: f"e.{name}")}"""
    return store.conn.execute(sql, params)


def event_count(store: Store, filters, *, mentions: bool) -> int:
    """How many clusters (or mentions) match the filters, limit and offset aside; the running totals of
    ``cluster_days`` count clusters for the filters they hold."""
    totals = None if mentions else day_totals_where(store, filters)
    if totals is not None:
        return store.conn.execute(f"SELECT COALESCE(SUM(e.events), 0) FROM {totals.source}{totals.sql()}",
                                  totals.params).fetchone()[0]
    where = event_where(store, filters, mentions=mentions)
    sql = f"SELECT COUNT(*) FROM {where.source_for(('pk',))}{where.sql()}"
    return store.conn.execute(sql, where.params).fetchone()[0]


def event_records(store: Store, filters) -> sqlite3.Cursor:
    """Every column of each matching event mention, with its article and cluster counts, oldest first.

    A cursor: rows stream, so exports can walk millions of events in constant memory.
    """
    where = event_where(store, filters, mentions=True)
    sql = f"""
        SELECT e.*, a.url AS article_url, a.source AS article_source, a.published AS article_published,
               a.title AS article_title, c.num_mentions AS cluster_mentions, c.num_articles AS cluster_articles,
               c.num_sources AS cluster_sources, {SENTENCE_SQL} AS sentence_text
        FROM {where.source} JOIN articles a ON a.id = e.article_id LEFT JOIN event_clusters c ON c.pk = e.cluster_id
        {where.sql()} ORDER BY e.day, e.pk LIMIT ?"""
    return store.conn.execute(sql, [*where.params, _limit(filters)])


#: Filters whose conditions ``cluster_days`` can apply (with ``type`` a PLOVER type, not a CAMEO prefix), and
#: the fields that only shape the answer; ``party_days`` adds ``party`` (one resolved actor), ``country_days``
#: ``country``.
DAY_TOTALS_FILTERS = frozenset({"type", "status", "historical", "since", "until", "party", "country"})
SHAPING_FIELDS = frozenset({"limit", "offset", "sort"})


def day_totals_where(store: Store, filters) -> Where | None:
    """The conditions on the running totals ``cluster_days`` (``party_days`` for a party, ``country_days`` for a
    country), aliased ``e``, that select the same event clusters as ``filters``; None when a filter needs the
    clusters themselves (actor, source, …, a party and a country together, or a party named by a country or
    code rather than as one resolved actor)."""
    for field in dataclasses.fields(filters):
        value = getattr(filters, field.name)
        if value is not None and field.name not in DAY_TOTALS_FILTERS | SHAPING_FIELDS:
            return None
    if filters.type and filters.type.isdigit():  # a CAMEO prefix: the totals do not hold codes
        return None
    if filters.party and filters.country:
        return None
    if filters.party:
        party = _one_resolved_actor(store, filters.party)
        if party is None:
            return None
        where = Where("party_days e").add("e.party = ?", party)
    elif filters.country:
        where = Where("country_days e").add("e.country = ?", filters.country.upper())
    else:
        where = Where("cluster_days e")
    if filters.type:
        where.add("e.type = ?", filters.type.upper())
    if filters.status:
        where.add("e.status = ?", filters.status.lower())
    if filters.historical is not None:
        where.add("e.historical = ?", int(filters.historical))
    _add_dates(where, "e.day", filters)
    if filters.until:
        where.add("e.day <> ''")  # undated clusters count under day '', which sorts before every date
    return where


def _one_resolved_actor(store: Store, value: str) -> str | None:
    """The knowledge-base id the party filter ``value`` matches when it matches clusters through that one id on
    both sides (no country or code), else None."""
    terms = [_actor_terms(store, "event_clusters", role, value) for role in ("actor", "recipient")]
    if terms[0] != [("actor_actor_id", terms[0][0][1])] or terms[1] != [("recipient_actor_id", terms[0][0][1])]:
        return None
    ids = terms[0][0][1]
    return ids[0] if len(ids) == 1 else None


def _period_source(store: Store, filters, precisions: tuple[str, ...]) -> tuple[Where, str, str]:
    """The rows a timeline groups (dated clusters of these precisions matching ``filters``): the running totals
    when they can answer, else the clusters. Returns the Where, its day column and the SQL from the counts
    (``events``, ``mentions``) to the grouping, with ``{source}``, ``{where}`` and ``{group}`` to fill in."""
    where = day_totals_where(store, filters)
    if where is not None:  # groups whose clusters are all gone (totals of 0) are left out
        where.add("e.day <> ''")
        counts = "SUM(e.events) AS events, SUM(e.mentions) AS mentions FROM {source}{where} GROUP BY {group}" \
                 " HAVING SUM(e.events) > 0"
    else:
        where = event_where(store, filters, mentions=False)
        where.add(f"{where.column('day')} IS NOT NULL")
        counts = "COUNT(*) AS events, SUM(e.num_mentions) AS mentions FROM {source}{where} GROUP BY {group}"
    where.add(f"e.date_precision IN ({_marks(precisions)})", *precisions)
    return where, where.column("day"), counts


def daily_counts(store: Store, filters) -> list[sqlite3.Row]:
    """Event clusters (and their mentions) per day and type, day-precise dates only, oldest first."""
    where, day, counts = _period_source(store, filters, ("day",))
    grouped = counts.format(source=where.source, where=where.sql(), group=f"{day}, e.type")
    sql = f"SELECT {day} AS date, e.type, {grouped} ORDER BY {day}, e.type"
    return store.conn.execute(sql, where.params).fetchall()


#: Date precisions a period counts: as precise as the period or more.
BUCKET_PRECISIONS = {"day": ("day",), "week": ("day", "week"), "month": ("day", "week", "month"),
                     "year": ("day", "week", "month", "year")}
#: The first day of the period holding ``{d}`` (a YYYY-MM-DD column): weeks start on Monday (ISO 8601).
BUCKET_SQL = {"day": "{d}", "week": "date({d}, '-6 days', 'weekday 1')", "month": "substr({d}, 1, 7) || '-01'",
              "year": "substr({d}, 1, 4) || '-01-01'"}


def day_range(store: Store, filters) -> tuple[str | None, str | None]:
    """The first and last day of the dated event clusters matching the filters."""
    where = day_totals_where(store, filters)
    if where is not None:
        where.add("e.day <> ''").add("e.events > 0")
    else:
        where = event_where(store, filters, mentions=False)
        where.add(f"{where.column('day')} IS NOT NULL")
    day = where.column("day")
    row = store.conn.execute(f"SELECT MIN({day}), MAX({day}) FROM {where.source}{where.sql()}",
                             where.params).fetchone()
    return row[0], row[1]


def period_counts(store: Store, filters, bucket: str, limit: int) -> list[sqlite3.Row]:
    """Event clusters (and their mentions) per period and type, the latest periods first."""
    where, day, counts = _period_source(store, filters, BUCKET_PRECISIONS[bucket])
    period = BUCKET_SQL[bucket].format(d=day)
    grouped = counts.format(source=where.source, where=where.sql(), group="1, e.type")
    sql = f"SELECT {period} AS date, e.type, {grouped} ORDER BY 1 DESC, e.type LIMIT ?"
    return store.conn.execute(sql, [*where.params, limit]).fetchall()


#: The background (historical) event clusters: few, read through the partial index that holds only them
#: (migration 9), so the default view's totals never scan the clusters, and the background filter is a set of
#: keys, which every index of the clusters holds (``historical`` is a flag: 1, 0 or NULL).
BACKGROUND = "event_clusters e INDEXED BY event_clusters_background WHERE e.historical = 1"
BACKGROUND_KEYS = "SELECT b.pk FROM event_clusters b INDEXED BY event_clusters_background WHERE b.historical = 1"


def _current_only(store: Store, filters) -> bool:
    """Whether the filters leave out background events and nothing else (the dashboard's default view): the
    running totals, less what the background clusters add to them, answer it."""
    return filters.historical is False and not event_where(store, dataclasses.replace(filters, historical=None),
                                                           mentions=False)


def top_dyads(store: Store, filters) -> list[sqlite3.Row]:
    """The most frequent (actor code → recipient code) pairs among event clusters."""
    where = event_where(store, filters, mentions=False)
    if not where:  # the running totals answer the unfiltered view at once
        sql = ("SELECT actor_code, recipient_code, events FROM dyad_counts WHERE events > 0"
               " ORDER BY events DESC, actor_code, recipient_code LIMIT ?")
        return store.conn.execute(sql, [_limit(filters)]).fetchall()
    if _current_only(store, filters):
        sql = f"""
            SELECT t.actor_code, t.recipient_code, t.events - COALESCE(h.events, 0) AS events FROM dyad_counts t
            LEFT JOIN (SELECT e.actor_code, e.recipient_code, COUNT(*) AS events FROM {BACKGROUND}
                       AND e.actor_code IS NOT NULL AND e.recipient_code IS NOT NULL GROUP BY 1, 2) h
                   ON h.actor_code = t.actor_code AND h.recipient_code = t.recipient_code
            WHERE t.events - COALESCE(h.events, 0) > 0 ORDER BY events DESC, t.actor_code, t.recipient_code LIMIT ?"""
        return store.conn.execute(sql, [_limit(filters)]).fetchall()
    actor, recipient = where.column("actor_code"), where.column("recipient_code")
    where.add(f"{actor} IS NOT NULL").add(f"{recipient} IS NOT NULL")
    sql = (f"SELECT {actor} AS actor_code, {recipient} AS recipient_code, COUNT(*) AS events"
           f" FROM {where.source_for(('actor_code', 'recipient_code'))}{where.sql()} GROUP BY {actor}, {recipient}"
           f" ORDER BY events DESC, actor_code, recipient_code LIMIT ?")
    return store.conn.execute(sql, [*where.params, _limit(filters)]).fetchall()


def places(store: Store, filters) -> list[sqlite3.Row]:
    """Located event clusters grouped by place (name, country, lat, lon), most events first (the map)."""
    where = event_where(store, filters, mentions=False)
    if not where:  # the running totals answer the unfiltered map at once
        sql = ("SELECT NULLIF(name, '') AS name, NULLIF(country, '') AS country, lat, lon, events FROM place_counts"
               " WHERE events > 0 ORDER BY events DESC, name LIMIT ?")
        return store.conn.execute(sql, [_limit(filters)]).fetchall()
    if _current_only(store, filters):
        sql = f"""
            SELECT NULLIF(t.name, '') AS name, NULLIF(t.country, '') AS country, t.lat, t.lon,
                   t.events - COALESCE(h.events, 0) AS events FROM place_counts t
            LEFT JOIN (SELECT COALESCE(e.location_name, '') AS name, COALESCE(e.location_country, '') AS country,
                              e.location_lat AS lat, e.location_lon AS lon, COUNT(*) AS events FROM {BACKGROUND}
                       AND e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL GROUP BY 1, 2, 3, 4) h
                   ON h.lat = t.lat AND h.lon = t.lon AND h.name = t.name AND h.country = t.country
            WHERE t.events - COALESCE(h.events, 0) > 0 ORDER BY events DESC, t.name LIMIT ?"""
        return store.conn.execute(sql, [_limit(filters)]).fetchall()
    where.add("e.location_lat IS NOT NULL").add("e.location_lon IS NOT NULL")
    sql = (f"SELECT e.location_name AS name, e.location_country AS country, e.location_lat AS lat,"
           f" e.location_lon AS lon, COUNT(*) AS events FROM {where.source}{where.sql()}"
           f" GROUP BY e.location_name, e.location_country, e.location_lat, e.location_lon"
           f" ORDER BY events DESC, name LIMIT ?")
    return store.conn.execute(sql, [*where.params, _limit(filters)]).fetchall()


def country_counts(store: Store, filters) -> list[sqlite3.Row]:
    """Event clusters per country they involve (as actor, recipient or location country), most first: the map's
    choropleth. A cluster counts once for each of its countries, so a country's count is what ``--country`` on
    it would total."""
    where = event_where(store, filters, mentions=False)
    everything = "SELECT country, events FROM country_counts WHERE events > 0"
    if not where:
        return store.conn.execute(f"{everything} ORDER BY events DESC, country LIMIT ?", [_limit(filters)]).fetchall()
    if _current_only(store, filters):
        sql = f"""
            SELECT t.country, t.events - COALESCE(h.events, 0) AS events FROM ({everything}) t
            LEFT JOIN (SELECT g.country, COUNT(*) AS events FROM (SELECT e.pk FROM {BACKGROUND}) b
                       JOIN event_cluster_countries g ON g.cluster = b.pk GROUP BY g.country) h ON h.country = t.country
            WHERE t.events - COALESCE(h.events, 0) > 0 ORDER BY events DESC, t.country LIMIT ?"""
        return store.conn.execute(sql, [_limit(filters)]).fetchall()
    sql = (f"SELECT g.country, COUNT(*) AS events FROM event_cluster_countries g"
           f" WHERE g.cluster IN (SELECT {where.column('pk')} FROM {where.source_for(('pk',))}{where.sql()})"
           f" GROUP BY g.country ORDER BY events DESC, g.country LIMIT ?")
    return store.conn.execute(sql, [*where.params, _limit(filters)]).fetchall()


def top_actors(store: Store, filters) -> list[sqlite3.Row]:
    """Resolved actors ranked by the event clusters they take part in (as actor or recipient)."""
    where = event_where(store, filters, mentions=False)
    counts = "SELECT actor_id AS id, as_actor, as_recipient FROM actor_counts"
    actor, recipient = where.column("actor_actor_id"), where.column("recipient_actor_id")
    source = where.source_for(("actor_actor_id", "recipient_actor_id"))
    current_only = _current_only(store, filters)
    if current_only:
        counts = f"""
            SELECT t.actor_id AS id, t.as_actor - COALESCE(h.as_actor, 0) AS as_actor,
                   t.as_recipient - COALESCE(h.as_recipient, 0) AS as_recipient
            FROM actor_counts t LEFT JOIN (
                SELECT id, SUM(as_actor) AS as_actor, SUM(as_recipient) AS as_recipient FROM (
                    SELECT e.actor_actor_id AS id, 1 AS as_actor, 0 AS as_recipient FROM {BACKGROUND}
                    UNION ALL SELECT e.recipient_actor_id, 0, 1 FROM {BACKGROUND})
                WHERE id IS NOT NULL GROUP BY id) h ON h.id = t.actor_id"""
    elif where:
        counts = f"""
            SELECT id, SUM(as_actor) AS as_actor, SUM(as_recipient) AS as_recipient FROM (
                SELECT {actor} AS id, COUNT(*) AS as_actor, 0 AS as_recipient
                FROM {source}{where.sql()} GROUP BY {actor}
                UNION ALL
                SELECT {recipient}, 0, COUNT(*) FROM {source}{where.sql()}
                GROUP BY {recipient})
            WHERE id IS NOT NULL GROUP BY id"""
    sql = f"""
        WITH counts AS ({counts})
        SELECT c.id, COALESCE(a.name, c.id) AS name, a.kind, a.country, a.sector, a.org,
               c.as_actor + c.as_recipient AS events, c.as_actor, c.as_recipient,
               (SELECT COUNT(*) FROM quotes q WHERE q.speaker_actor_id = c.id) AS quotes
        FROM counts c LEFT JOIN actors a ON a.id = c.id
        WHERE c.as_actor + c.as_recipient > 0
        ORDER BY events DESC, c.id LIMIT ?"""
    params = where.params * 2 if where and not current_only else []
    return store.conn.execute(sql, [*params, _limit(filters)]).fetchall()


def mentioned_ids(store: Store, value: str) -> list[str]:
    """Knowledge-base ids a quote can name when it is "about" ``value``: the actor itself (id or name), or for a
    country or organisation code (RUS, NATO) the country's or organisation's own actor."""
    code = value.upper()
    rows = store.conn.execute("SELECT id FROM actors WHERE (kind = 'country' AND country = ?)"
                              " OR (kind = 'organization' AND org = ?)", (code, code)).fetchall()
    return sorted(set(actor_ids(store, value)) | {r[0] for r in rows})


def _quote_where(store: Store, filters, *, words: str | None = None, about: str | None = None) -> Where:
    where = Where()
    if filters.actor:
        sql, params = _actor_condition(store, "quotes", "speaker", filters.actor, "org")
        where.add(sql, *params)
    if filters.country:
        where.add("q.speaker_country = ?", filters.country.upper())
    if words:
        escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        where.add("(q.text LIKE ? ESCAPE '\\' OR q.speaker_name LIKE ? ESCAPE '\\')", f"%{escaped}%", f"%{escaped}%")
    if about:  # a mention of the actor inside the quote's span, by someone else
        ids = mentioned_ids(store, about)
        marks = _marks(ids)
        where.add(f"q.article_id IN (SELECT article_id FROM mentions WHERE actor_id IN ({marks}))"
                  f" AND EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = q.article_id"
                  f" AND m.actor_id IN ({marks}) AND m.start >= q.start AND m.\"end\" <= q.\"end\")"
                  f" AND COALESCE(q.speaker_actor_id, '') NOT IN ({marks})", *ids, *ids, *ids)
    return _add_article_filters(where, filters)


def quotes(store: Store, filters, *, words: str | None = None, about: str | None = None) -> list[sqlite3.Row]:
    """Quotes with speaker and article, newest articles first; ``words``: quote or speaker containing them (any
    case); ``about``: quotes by others naming this actor (a resolved mention inside the quote)."""
    where = _quote_where(store, filters, words=words, about=about)
    sql = (f"SELECT q.article_id, q.seq, a.published, a.source, a.title, a.url, q.speaker_name, q.speaker_text,"
           f" q.speaker_actor_id, q.speaker_country, q.kind, q.cue, q.text, q.start, q.\"end\" FROM quotes q"
           f" JOIN articles a ON a.id = q.article_id{where.sql()}"
           f" ORDER BY a.published DESC, q.article_id, q.seq LIMIT ? OFFSET ?")
    return store.conn.execute(sql, [*where.params, *_page(filters)]).fetchall()


def quote_count(store: Store, filters, *, words: str | None = None, about: str | None = None) -> int:
    where = _quote_where(store, filters, words=words, about=about)
    sql = f"SELECT COUNT(*) FROM quotes q JOIN articles a ON a.id = q.article_id{where.sql()}"
    return store.conn.execute(sql, where.params).fetchone()[0]


def actor_record(store: Store, value: str) -> sqlite3.Row | None:
    """The knowledge-base actor named by ``value`` (id or name, any case), with its running event totals and
    the quotes it speaks; None when no stored actor or event actor has that id or name."""
    ids = actor_ids(store, value)
    sql = f"""
        WITH k(id) AS (VALUES {", ".join("(?)" for _ in ids)})
        SELECT k.id, COALESCE(a.name, k.id) AS name, a.kind, a.country, a.sector, a.org, a.wikidata,
               COALESCE(c.as_actor, 0) AS as_actor, COALESCE(c.as_recipient, 0) AS as_recipient,
               (SELECT COUNT(*) FROM quotes q WHERE q.speaker_actor_id = k.id) AS quotes
        FROM k LEFT JOIN actors a ON a.id = k.id LEFT JOIN actor_counts c ON c.actor_id = k.id
        WHERE a.id IS NOT NULL OR c.actor_id IS NOT NULL  -- a stored actor, or one events name (totals kept)
        ORDER BY COALESCE(c.as_actor, 0) + COALESCE(c.as_recipient, 0) DESC LIMIT 1"""
    return store.conn.execute(sql, ids).fetchone()


def code_occurs(store: Store, code: str) -> bool:
    """Whether any event cluster has ``code`` (NATO, RUSGOV) as its actor's or recipient's code."""
    sql = ("SELECT EXISTS (SELECT 1 FROM event_clusters WHERE actor_code = ?)"
           " OR EXISTS (SELECT 1 FROM event_clusters WHERE recipient_code = ?)")
    return bool(store.conn.execute(sql, (code, code)).fetchone()[0])


def _pair_totals_party(store: Store, filters, party: str) -> str | None:
    """The knowledge-base id to read ``pair_counts`` with when the running totals answer the counterparts of
    ``party``: a party matching one resolved actor, and no filter but the background flag; else None."""
    for field in dataclasses.fields(filters):
        if getattr(filters, field.name) is not None and field.name not in {"historical"} | SHAPING_FIELDS:
            return None
    return _one_resolved_actor(store, party)


def counterparts(store: Store, filters, party: str) -> list[sqlite3.Row]:
    """Who ``party`` deals with: event clusters grouped by the other side (knowledge-base id, else code), with
    the clusters where ``party`` acts on them (``as_recipient``: they receive) and where they act on ``party``,
    and their mean Goldstein score; most events first."""
    selects, params = [], []
    resolved = _pair_totals_party(store, filters, party)
    for own, other, direction in (("actor", "recipient", "out"), ("recipient", "actor", "in")):
        if resolved is not None:  # the running totals: a row per distinct other side, with its clusters
            totals = Where().add(f"t.{own}_id = ?", resolved).add("t.events > 0")
            totals.add(f"(t.{other}_id <> '' OR t.{other}_code <> '')")
            if filters.historical is not None:
                totals.add("t.historical = ?", int(filters.historical))
            selects.append(f"SELECT '{direction}' AS direction, NULLIF(t.{other}_id, '') AS id,"
                           f" NULLIF(t.{other}_code, '') AS code, NULLIF(t.{other}_name, '') AS name,"
                           f" NULLIF(t.{other}_country, '') AS country, t.events, t.goldstein_sum,"
                           f" t.goldstein_count FROM pair_counts t{totals.sql()}")
            params += totals.params
            continue
        where = event_where(store, dataclasses.replace(filters, **{own: party}), mentions=False)
        where.add(f"COALESCE(e.{other}_actor_id, e.{other}_code) IS NOT NULL")
        selects.append(f"SELECT '{direction}' AS direction, e.{other}_actor_id AS id, e.{other}_code AS code,"
                       f" e.{other}_name AS name, e.{other}_country AS country, 1 AS events,"
                       f" e.goldstein AS goldstein_sum, e.goldstein IS NOT NULL AS goldstein_count"
                       f" FROM {where.source}{where.sql()}")
        params += where.params
    sql = f"""
        SELECT COALESCE(h.id, h.code) AS key, MAX(h.id) AS id, MAX(h.code) AS code,
               COALESCE(MAX(k.name), MAX(h.name), MAX(h.code)) AS name, MAX(h.country) AS country,
               SUM(h.events) AS events, SUM(IIF(h.direction = 'out', h.events, 0)) AS as_recipient,
               SUM(IIF(h.direction = 'in', h.events, 0)) AS as_actor,
               SUM(h.goldstein_sum) / SUM(h.goldstein_count) AS goldstein
        FROM ({" UNION ALL ".join(selects)}) h LEFT JOIN actors k ON k.id = h.id
        GROUP BY COALESCE(h.id, h.code) ORDER BY events DESC, key LIMIT ?"""
    return store.conn.execute(sql, [*params, _limit(filters)]).fetchall()


def _article_where(store: Store, filters) -> Where:
    where = Where()
    if filters.actor:
        ids = actor_ids(store, filters.actor)
        code = filters.actor.upper()
        where.add(f"a.id IN (SELECT article_id FROM article_actors WHERE actor_id IN ({_marks(ids)})"
                  f" UNION SELECT article_id FROM article_actors aa JOIN actors k ON k.id = aa.actor_id"
                  f" WHERE k.country = ? OR k.org = ?)", *ids, code, code)
    if filters.country:
        where.add("a.id IN (SELECT article_id FROM places WHERE country = ?)", filters.country.upper())
    if filters.status:
        where.add("a.status = ?", filters.status.lower())
    return _add_article_filters(where, filters)


def articles(store: Store, filters) -> list[sqlite3.Row]:
    """Stored articles, newest first, with their duplicate cluster and event count."""
    where = _article_where(store, filters)
    sql = (f"SELECT a.id, a.published, a.source, a.title, a.url, a.language, a.status, a.dup_cluster,"
           f" a.similarity, length(a.text) AS chars, a.origin, a.ingested_at,"
           f" (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS events"
           f" FROM articles a{where.sql()} ORDER BY a.published DESC, a.seq DESC LIMIT ? OFFSET ?")
    return store.conn.execute(sql, [*where.params, *_page(filters)]).fetchall()


def article_count(store: Store, filters) -> int:
    where = _article_where(store, filters)
    return store.conn.execute(f"SELECT COUNT(*) FROM articles a{where.sql()}", where.params).fetchone()[0]


def search(store: Store, match: str, limit: int) -> list[sqlite3.Row]:
    """Full-text search (FTS5 syntax) over titles and texts, best first, with a snippet."""
    sql = """SELECT a.id, a.published, a.source, a.title,
                    snippet(articles_fts, 1, '[', ']', ' … ', 16) AS snippet
             FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
             WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"""
    return store.conn.execute(sql, (match, limit)).fetchall()


def failures(store: Store, limit: int) -> list[sqlite3.Row]:
    """Inputs that could not be stored, newest first."""
    return store.conn.execute(
        "SELECT input_id, origin, reason, failed_at FROM failures ORDER BY failed_at DESC, input_id LIMIT ?",
        (limit,)).fetchall()


def skipped(store: Store, limit: int) -> list[sqlite3.Row]:
    """Inputs skipped as duplicates of a stored article."""
    return store.conn.execute(
        "SELECT input_id, origin, duplicate_of, reason, skipped_at FROM skipped ORDER BY skipped_at DESC LIMIT ?",
        (limit,)).fetchall()


def counts(store: Store) -> dict[str, Any]:
    """Totals for a store summary."""
    one = lambda sql: store.conn.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "articles": one("SELECT COUNT(*) FROM articles"),
        "near_duplicates": one("SELECT COUNT(*) FROM articles WHERE status = 'near-duplicate'"),
        "stories": one("SELECT COUNT(*) FROM dup_clusters"),
        "event_mentions": one("SELECT COUNT(*) FROM events WHERE cluster_id IS NOT NULL"),
        "event_candidates": one("SELECT COUNT(*) FROM events WHERE cluster_id IS NULL"),  # below the threshold
        "off_topic": one("SELECT COUNT(*) FROM articles WHERE off_topic"),
        "events": one("SELECT COUNT(*) FROM event_clusters"),
        "actors": one("SELECT COUNT(*) FROM actors"),
        "quotes": one("SELECT COUNT(*) FROM quotes"),
        "skipped_duplicates": one("SELECT COUNT(*) FROM skipped"),
        "failures": one("SELECT COUNT(*) FROM failures"),
        "first_published": one("SELECT MIN(published) FROM articles"),
        "last_published": one("SELECT MAX(published) FROM articles"),
    }


def event_mention_count(store: Store) -> int:
    """Stored event mentions."""
    return store.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]


def failure_reasons(store: Store) -> list[sqlite3.Row]:
    return store.conn.execute(
        "SELECT reason, COUNT(*) AS inputs FROM failures GROUP BY reason ORDER BY inputs DESC").fetchall()
