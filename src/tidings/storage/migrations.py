"""Schema migrations, applied in order and recorded in the ``migrations`` table of each store.

Append a new ``Migration`` to change the schema; never edit an applied one. The row mapping
(storage/mapping.py) is derived from the data model and a test checks that the migrated schema
has a column for every model field.
"""
from __future__ import annotations

from typing import NamedTuple


class Migration(NamedTuple):
    version: int
    name: str
    sql: str


INITIAL = """
CREATE TABLE dup_clusters (
    id          TEXT PRIMARY KEY,             -- the id of the first article seen (the original)
    size        INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL
);

CREATE TABLE articles (
    seq         INTEGER PRIMARY KEY,          -- stable rowid for the FTS index
    id          TEXT NOT NULL UNIQUE,
    text        TEXT NOT NULL,
    title       TEXT,
    url         TEXT,
    source      TEXT,
    published   TEXT,
    language    TEXT,
    authors     TEXT,                         -- JSON list
    dateline    TEXT,
    tone_score REAL, tone_positive REAL, tone_negative REAL, tone_polarity REAL, tone_word_count INTEGER,
    content_hash TEXT NOT NULL,               -- hash of the normalised cleaned text
    raw_hash    TEXT,                         -- hash of the raw input, checked before parsing
    status      TEXT NOT NULL DEFAULT 'original' CHECK (status IN ('original', 'near-duplicate')),
    dup_cluster TEXT NOT NULL REFERENCES dup_clusters(id),
    similarity  REAL,                         -- estimated Jaccard to the cluster's original
    minhash     BLOB,                         -- MinHash signature (uint32 little-endian)
    origin      TEXT,
    ingested_at TEXT NOT NULL
);
CREATE INDEX articles_content_hash ON articles(content_hash);
CREATE INDEX articles_raw_hash ON articles(raw_hash);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_source ON articles(source);
CREATE INDEX articles_dup_cluster ON articles(dup_cluster);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='seq', tokenize='porter unicode61'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;

CREATE TABLE lsh_bands (                    -- MinHash LSH buckets for near-duplicate lookup
    band        INTEGER NOT NULL,
    hash        INTEGER NOT NULL,
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE INDEX lsh_bands_bucket ON lsh_bands(band, hash);

CREATE TABLE actors (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT, country TEXT, sector TEXT, org TEXT,
    wikidata TEXT, patron TEXT
);
CREATE INDEX actors_name ON actors(name COLLATE NOCASE);

CREATE TABLE article_actors (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    actor_id TEXT NOT NULL REFERENCES actors(id),
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX article_actors_actor ON article_actors(actor_id);

CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER, "end" INTEGER, text TEXT, label TEXT, actor_id TEXT,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX mentions_actor ON mentions(actor_id);

CREATE TABLE event_clusters (               -- one real-world occurrence, across articles and sources
    pk INTEGER PRIMARY KEY,
    type TEXT NOT NULL, cameo TEXT, mode TEXT, quad_class INTEGER, goldstein REAL,
    status TEXT NOT NULL, historical INTEGER,
    date TEXT, date_last TEXT, date_precision TEXT,
    day TEXT,                               -- first day of the earliest date (YYYY-MM-DD): sorts and filters
    actor_code TEXT, actor_actor_id TEXT, actor_name TEXT, actor_country TEXT, actor_sector TEXT, actor_org TEXT,
    recipient_code TEXT, recipient_actor_id TEXT, recipient_name TEXT, recipient_country TEXT,
    recipient_sector TEXT, recipient_org TEXT,
    actor_key TEXT, recipient_key TEXT,     -- what mentions must share: the code, or the text when unresolved
    location_name TEXT, location_country TEXT, location_lat REAL, location_lon REAL,
    first_event INTEGER,                    -- events.pk of the first mention (its sentence is the evidence)
    num_mentions INTEGER NOT NULL DEFAULT 0,
    num_articles INTEGER NOT NULL DEFAULT 0,
    num_sources INTEGER NOT NULL DEFAULT 0
);
-- day and type lead the common dashboard filters; the trailing actor columns let grouped counts skip the table
CREATE INDEX event_clusters_day ON event_clusters(day, actor_code, recipient_code, actor_actor_id, recipient_actor_id);
CREATE INDEX event_clusters_type ON event_clusters(type, day, actor_code, recipient_code, actor_actor_id,
                                                   recipient_actor_id);
CREATE INDEX event_clusters_actor ON event_clusters(actor_actor_id, day);
CREATE INDEX event_clusters_recipient ON event_clusters(recipient_actor_id, day);
CREATE INDEX event_clusters_actor_country ON event_clusters(actor_country, day);
CREATE INDEX event_clusters_recipient_country ON event_clusters(recipient_country, day);
CREATE INDEX event_clusters_location_country ON event_clusters(location_country, day);
CREATE INDEX event_clusters_dyad ON event_clusters(actor_code, recipient_code, day);
CREATE INDEX event_clusters_pair ON event_clusters(actor_actor_id, recipient_actor_id, day, type, date_precision,
                                                   num_mentions);
CREATE INDEX event_clusters_country_pair ON event_clusters(actor_country, recipient_country, day, type, date_precision,
                                                           num_mentions);
CREATE INDEX event_clusters_recipient_code ON event_clusters(recipient_code, day);
CREATE INDEX event_clusters_match ON event_clusters(type, status, actor_key, recipient_key, date);

-- running totals behind the unfiltered "top actors" and "top dyads" views, kept by triggers
CREATE TABLE actor_counts (
    actor_id TEXT PRIMARY KEY,
    as_actor INTEGER NOT NULL DEFAULT 0,
    as_recipient INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE dyad_counts (
    actor_code TEXT NOT NULL,
    recipient_code TEXT NOT NULL,
    events INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (actor_code, recipient_code)
) WITHOUT ROWID;
CREATE INDEX dyad_counts_events ON dyad_counts(events);
CREATE TRIGGER event_clusters_count_insert AFTER INSERT ON event_clusters BEGIN
    INSERT INTO actor_counts (actor_id, as_actor) SELECT new.actor_actor_id, 1 WHERE new.actor_actor_id IS NOT NULL
        ON CONFLICT (actor_id) DO UPDATE SET as_actor = as_actor + 1;
    INSERT INTO actor_counts (actor_id, as_recipient) SELECT new.recipient_actor_id, 1
        WHERE new.recipient_actor_id IS NOT NULL
        ON CONFLICT (actor_id) DO UPDATE SET as_recipient = as_recipient + 1;
    INSERT INTO dyad_counts (actor_code, recipient_code, events) SELECT new.actor_code, new.recipient_code, 1
        WHERE new.actor_code IS NOT NULL AND new.recipient_code IS NOT NULL
        ON CONFLICT (actor_code, recipient_code) DO UPDATE SET events = events + 1;
END;
CREATE TRIGGER event_clusters_count_delete AFTER DELETE ON event_clusters BEGIN
    UPDATE actor_counts SET as_actor = as_actor - 1 WHERE actor_id = old.actor_actor_id;
    UPDATE actor_counts SET as_recipient = as_recipient - 1 WHERE actor_id = old.recipient_actor_id;
    UPDATE dyad_counts SET events = events - 1
        WHERE actor_code = old.actor_code AND recipient_code = old.recipient_code;
END;

CREATE TABLE events (
    pk INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    cluster_id INTEGER REFERENCES event_clusters(pk),
    actor_code TEXT, recipient_code TEXT,
    id TEXT, type TEXT NOT NULL, mode TEXT, context TEXT, cameo TEXT, quad_class INTEGER, goldstein REAL,
    actor_text TEXT, actor_actor_id TEXT, actor_name TEXT, actor_country TEXT, actor_sector TEXT, actor_org TEXT,
    actor_start INTEGER, actor_end INTEGER,
    recipient_text TEXT, recipient_actor_id TEXT, recipient_name TEXT, recipient_country TEXT,
    recipient_sector TEXT, recipient_org TEXT, recipient_start INTEGER, recipient_end INTEGER,
    sentence_index INTEGER, sentence_start INTEGER, sentence_end INTEGER,
    trigger_text TEXT, trigger_start INTEGER, trigger_end INTEGER,
    status TEXT NOT NULL, historical INTEGER, date TEXT, date_precision TEXT,
    day TEXT,                               -- first day of the period the date names (YYYY-MM-DD)
    location_text TEXT, location_name TEXT, location_country TEXT, location_lat REAL, location_lon REAL,
    location_geonames_id INTEGER,
    confidence REAL, evidence TEXT,
    UNIQUE (article_id, seq)
);
CREATE INDEX events_cluster ON events(cluster_id);
CREATE INDEX events_day ON events(day);
CREATE INDEX events_type ON events(type, day);
CREATE INDEX events_actor ON events(actor_actor_id, day);
CREATE INDEX events_recipient ON events(recipient_actor_id, day);
CREATE INDEX events_actor_country ON events(actor_country, day);
CREATE INDEX events_recipient_country ON events(recipient_country, day);
CREATE INDEX events_location_country ON events(location_country, day);
CREATE INDEX events_dyad ON events(actor_code, recipient_code, day);
CREATE INDEX events_recipient_code ON events(recipient_code, day);

CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    text TEXT, start INTEGER, "end" INTEGER, kind TEXT, cue TEXT,
    speaker_text TEXT, speaker_actor_id TEXT, speaker_name TEXT, speaker_country TEXT, speaker_sector TEXT,
    speaker_org TEXT, speaker_start INTEGER, speaker_end INTEGER,
    cue_start INTEGER, cue_end INTEGER,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX quotes_speaker ON quotes(speaker_actor_id);
CREATE INDEX quotes_speaker_country ON quotes(speaker_country);

CREATE TABLE dates (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    text TEXT, start INTEGER, "end" INTEGER, value TEXT, precision TEXT, type TEXT,
    PRIMARY KEY (article_id, seq)
);

CREATE TABLE places (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    text TEXT, start INTEGER, "end" INTEGER, name TEXT, country TEXT, admin1 TEXT, lat REAL, lon REAL,
    geonames_id INTEGER, feature TEXT, role TEXT,
    PRIMARY KEY (article_id, seq)
);
CREATE INDEX places_country ON places(country);

CREATE TABLE amounts (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    text TEXT, start INTEGER, "end" INTEGER, value REAL, object TEXT, approximate INTEGER, unit TEXT,
    PRIMARY KEY (article_id, seq)
);

CREATE TABLE failures (
    input_id TEXT PRIMARY KEY,
    origin TEXT,
    reason TEXT NOT NULL,
    detail TEXT,
    failed_at TEXT NOT NULL
);
CREATE INDEX failures_reason ON failures(reason);

CREATE TABLE skipped (                      -- inputs not stored because an identical article was
    input_id TEXT PRIMARY KEY,
    origin TEXT,
    duplicate_of TEXT NOT NULL,
    reason TEXT NOT NULL,
    skipped_at TEXT NOT NULL
);
"""


# The rows of event_cluster_countries for the cluster ``new`` (a trigger's NEW row): one per distinct country.
_CLUSTER_COUNTRY_ROWS = """
    INSERT OR IGNORE INTO event_cluster_countries
        (country, cluster, day, actor_code, recipient_code, actor_actor_id, recipient_actor_id)
    SELECT country, new.pk, new.day, new.actor_code, new.recipient_code, new.actor_actor_id, new.recipient_actor_id
    FROM (SELECT new.actor_country AS country UNION SELECT new.recipient_country UNION SELECT new.location_country)
    WHERE country IS NOT NULL;"""

# The head of the trigger that rewrites a cluster's event_cluster_countries rows when their columns change.
_CLUSTER_COUNTRIES_UPDATE = """CREATE TRIGGER event_clusters_countries_update
AFTER UPDATE OF day, actor_code, recipient_code, actor_actor_id, recipient_actor_id, actor_country,
                recipient_country, location_country ON event_clusters
WHEN old.day IS NOT new.day OR old.actor_code IS NOT new.actor_code OR old.recipient_code IS NOT new.recipient_code
     OR old.actor_actor_id IS NOT new.actor_actor_id OR old.recipient_actor_id IS NOT new.recipient_actor_id
     OR old.actor_country IS NOT new.actor_country OR old.recipient_country IS NOT new.recipient_country
     OR old.location_country IS NOT new.location_country
BEGIN
    DELETE FROM event_cluster_countries WHERE cluster = old.pk;"""

CLUSTER_COUNTRIES = f"""
-- one row per country an event cluster involves (as actor, recipient or location): the country filter reads it
-- instead of OR-ing three columns of event_clusters; it carries the columns country-filtered views sort and group
-- on, so those read no other table. Kept by the triggers below.
CREATE TABLE event_cluster_countries (
    country TEXT NOT NULL,
    cluster INTEGER NOT NULL,               -- event_clusters.pk
    day TEXT,
    actor_code TEXT, recipient_code TEXT, actor_actor_id TEXT, recipient_actor_id TEXT,
    PRIMARY KEY (country, cluster)
) WITHOUT ROWID;
CREATE INDEX event_cluster_countries_day ON event_cluster_countries(country, day);
CREATE INDEX event_cluster_countries_cluster ON event_cluster_countries(cluster);
INSERT OR IGNORE INTO event_cluster_countries
    (country, cluster, day, actor_code, recipient_code, actor_actor_id, recipient_actor_id)
SELECT country, pk, day, actor_code, recipient_code, actor_actor_id, recipient_actor_id FROM (
    SELECT actor_country AS country, * FROM event_clusters
    UNION ALL SELECT recipient_country, * FROM event_clusters
    UNION ALL SELECT location_country, * FROM event_clusters)
WHERE country IS NOT NULL;
CREATE TRIGGER event_clusters_countries_insert AFTER INSERT ON event_clusters BEGIN{_CLUSTER_COUNTRY_ROWS}
END;
{_CLUSTER_COUNTRIES_UPDATE}{_CLUSTER_COUNTRY_ROWS}
END;
CREATE TRIGGER event_clusters_countries_delete AFTER DELETE ON event_clusters BEGIN
    DELETE FROM event_cluster_countries WHERE cluster = old.pk;
END;
ANALYZE event_cluster_countries;
"""

# The rows of event_countries for the event mention ``new``: one per distinct country.
_EVENT_COUNTRY_ROWS = """
    INSERT OR IGNORE INTO event_countries (country, event, day)
    SELECT country, new.pk, new.day
    FROM (SELECT new.actor_country AS country UNION SELECT new.recipient_country UNION SELECT new.location_country)
    WHERE country IS NOT NULL;"""

# The same for an event mention's event_countries rows.
_EVENT_COUNTRIES_UPDATE = """CREATE TRIGGER events_countries_update AFTER UPDATE OF day, actor_country, recipient_country, location_country ON events
WHEN old.day IS NOT new.day OR old.actor_country IS NOT new.actor_country
     OR old.recipient_country IS NOT new.recipient_country OR old.location_country IS NOT new.location_country
BEGIN
    DELETE FROM event_countries WHERE event = old.pk;"""  # noqa: E501  (kept as the trigger was created)

EVENT_COUNTRIES = f"""
-- event_cluster_countries for event mentions: one row per country an event mention involves, so the country
-- filter of mention listings is one index range in day order. Kept by the triggers below.
CREATE TABLE event_countries (
    country TEXT NOT NULL,
    event INTEGER NOT NULL,                 -- events.pk
    day TEXT,
    PRIMARY KEY (country, event)
) WITHOUT ROWID;
CREATE INDEX event_countries_day ON event_countries(country, day);
CREATE INDEX event_countries_event ON event_countries(event);
INSERT OR IGNORE INTO event_countries (country, event, day)
SELECT country, pk, day FROM (
    SELECT actor_country AS country, pk, day FROM events
    UNION ALL SELECT recipient_country, pk, day FROM events
    UNION ALL SELECT location_country, pk, day FROM events)
WHERE country IS NOT NULL;
CREATE TRIGGER events_countries_insert AFTER INSERT ON events BEGIN{_EVENT_COUNTRY_ROWS}
END;
{_EVENT_COUNTRIES_UPDATE}{_EVENT_COUNTRY_ROWS}
END;
CREATE TRIGGER events_countries_delete AFTER DELETE ON events BEGIN
    DELETE FROM event_countries WHERE event = old.pk;
END;
ANALYZE event_countries;
"""


def _place_count(row: str, change: str) -> str:
    """Add ``change`` (+1/-1) to the count of the place of the ``row`` (NEW or OLD) cluster, if it is located."""
    return f"""
    INSERT INTO place_counts (name, country, lat, lon, events)
    SELECT COALESCE({row}.location_name, ''), COALESCE({row}.location_country, ''), {row}.location_lat,
           {row}.location_lon, {change}
    WHERE {row}.location_lat IS NOT NULL AND {row}.location_lon IS NOT NULL
    ON CONFLICT (lat, lon, name, country) DO UPDATE SET events = events {change};"""


PLACE_COUNTS = f"""
-- running totals of event clusters per place (name and country '' when unknown), behind the unfiltered map
CREATE TABLE place_counts (
    name TEXT NOT NULL, country TEXT NOT NULL,
    lat REAL NOT NULL, lon REAL NOT NULL,
    events INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (lat, lon, name, country)
) WITHOUT ROWID;
CREATE INDEX place_counts_events ON place_counts(events);
INSERT INTO place_counts (name, country, lat, lon, events)
SELECT COALESCE(location_name, ''), COALESCE(location_country, ''), location_lat, location_lon, COUNT(*)
FROM event_clusters WHERE location_lat IS NOT NULL AND location_lon IS NOT NULL GROUP BY 1, 2, 3, 4;
CREATE TRIGGER event_clusters_places_insert AFTER INSERT ON event_clusters BEGIN{_place_count("new", "+ 1")}
END;
CREATE TRIGGER event_clusters_places_update
AFTER UPDATE OF location_name, location_country, location_lat, location_lon ON event_clusters BEGIN{
    _place_count("old", "- 1")}{_place_count("new", "+ 1")}
END;
CREATE TRIGGER event_clusters_places_delete AFTER DELETE ON event_clusters BEGIN{_place_count("old", "- 1")}
END;
"""

def _country_rows(table: str, columns: str, values: str) -> str:
    """One ``INSERT OR IGNORE`` per country column of the trigger's NEW row: the same rows as a UNION of the three,
    without the scratch table a UNION builds on every insert."""
    return "".join(f"""
    INSERT OR IGNORE INTO {table} ({columns}) SELECT new.{country}, {values} WHERE new.{country} IS NOT NULL;"""
                   for country in ("actor_country", "recipient_country", "location_country"))


_CLUSTER_COUNTRY_INSERTS = _country_rows(
    "event_cluster_countries", "country, cluster, day, actor_code, recipient_code, actor_actor_id, recipient_actor_id",
    "new.pk, new.day, new.actor_code, new.recipient_code, new.actor_actor_id, new.recipient_actor_id")
_EVENT_COUNTRY_INSERTS = _country_rows("event_countries", "country, event, day", "new.pk, new.day")

COUNTRY_TRIGGERS_WITHOUT_UNION = f"""
DROP TRIGGER event_clusters_countries_insert;
CREATE TRIGGER event_clusters_countries_insert AFTER INSERT ON event_clusters BEGIN{_CLUSTER_COUNTRY_INSERTS}
END;
DROP TRIGGER event_clusters_countries_update;
{_CLUSTER_COUNTRIES_UPDATE}{_CLUSTER_COUNTRY_INSERTS}
END;
DROP TRIGGER events_countries_insert;
CREATE TRIGGER events_countries_insert AFTER INSERT ON events BEGIN{_EVENT_COUNTRY_INSERTS}
END;
DROP TRIGGER events_countries_update;
{_EVENT_COUNTRIES_UPDATE}{_EVENT_COUNTRY_INSERTS}
END;
"""

RUNS = """
-- provenance: one row per ingest run, with every option it ran with and the versions of what produced its data
CREATE TABLE runs (
    id              INTEGER PRIMARY KEY,
    started_at      TEXT NOT NULL,
    finished_at     TEXT,                   -- NULL while running, or when the run was killed
    tidings_version TEXT NOT NULL,
    config          TEXT NOT NULL,          -- JSON: every option by section (tidings.config.Config.to_dict())
    resources       TEXT NOT NULL,          -- JSON: name -> {"sha256", "files": {path: sha256}} or {"version"}
    command         TEXT,                   -- what was ingested (JSON list of paths)
    summary         TEXT                    -- JSON: stored, duplicates, failed ... when it finished
);
ALTER TABLE articles ADD COLUMN run_id INTEGER REFERENCES runs(id);  -- NULL: stored before runs were recorded
CREATE INDEX articles_run ON articles(run_id);
"""

#: The rollup's key of the ``row`` (NEW or OLD) cluster: undated clusters (day NULL) count under day ''.
_DAY_KEY = ("COALESCE({row}.day, '')", "COALESCE({row}.date_precision, '')", "{row}.type", "{row}.status",
            "COALESCE({row}.historical, 0)")
_DAY_COLUMNS = "day, date_precision, type, status, historical"


def _day_count(row: str, change: str) -> str:
    """Add ``change`` (+1/-1) cluster and its mentions to the ``cluster_days`` row of the ``row`` cluster."""
    key = ", ".join(part.format(row=row) for part in _DAY_KEY)
    return f"""
    INSERT INTO cluster_days ({_DAY_COLUMNS}, events, mentions)
    VALUES ({key}, {change}, {change} * {row}.num_mentions)
    ON CONFLICT ({_DAY_COLUMNS}) DO UPDATE SET events = events + excluded.events,
                                               mentions = mentions + excluded.mentions;"""


CLUSTER_DAYS = f"""
-- running totals of event clusters (and their mentions) per day x type x status x date precision x background flag:
-- the timeline (by day, week, month or year) and the total of the default view and of simple filters (type,
-- status, dates, background) read it instead of grouping every cluster. Kept by the triggers below.
CREATE TABLE cluster_days (
    day TEXT NOT NULL,                      -- event_clusters.day; '' for undated clusters
    date_precision TEXT NOT NULL,           -- '' when unknown
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    historical INTEGER NOT NULL,            -- 1: background event; 0 otherwise (NULL counts as 0, as the filter does)
    events INTEGER NOT NULL DEFAULT 0,      -- event clusters (0 once all of them are gone)
    mentions INTEGER NOT NULL DEFAULT 0,    -- their num_mentions summed
    PRIMARY KEY (day, date_precision, type, status, historical)
) WITHOUT ROWID;
INSERT INTO cluster_days ({_DAY_COLUMNS}, events, mentions)
SELECT COALESCE(day, ''), COALESCE(date_precision, ''), type, status, COALESCE(historical, 0), COUNT(*),
       SUM(num_mentions)
FROM event_clusters GROUP BY 1, 2, 3, 4, 5;
CREATE TRIGGER event_clusters_days_insert AFTER INSERT ON event_clusters BEGIN{_day_count("new", "1")}
END;
CREATE TRIGGER event_clusters_days_update
AFTER UPDATE OF day, date_precision, type, status, historical, num_mentions ON event_clusters
WHEN old.day IS NOT new.day OR old.date_precision IS NOT new.date_precision OR old.type IS NOT new.type
     OR old.status IS NOT new.status OR old.historical IS NOT new.historical OR old.num_mentions IS NOT new.num_mentions
BEGIN{_day_count("old", "-1")}{_day_count("new", "1")}
END;
CREATE TRIGGER event_clusters_days_delete AFTER DELETE ON event_clusters BEGIN{_day_count("old", "-1")}
END;
"""

COUNTRY_COUNTS = """
-- the background (historical) clusters alone, so the default view (background left out) reads them, not the table
CREATE INDEX event_clusters_background ON event_clusters(historical) WHERE historical = 1;
-- running totals of event clusters per country they involve (rows of event_cluster_countries), behind the
-- unfiltered map's shading
CREATE TABLE country_counts (
    country TEXT PRIMARY KEY,
    events INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
INSERT INTO country_counts (country, events) SELECT country, COUNT(*) FROM event_cluster_countries GROUP BY country;
CREATE TRIGGER event_cluster_countries_count_insert AFTER INSERT ON event_cluster_countries BEGIN
    INSERT INTO country_counts (country, events) VALUES (new.country, 1)
    ON CONFLICT (country) DO UPDATE SET events = events + 1;
END;
CREATE TRIGGER event_cluster_countries_count_delete AFTER DELETE ON event_cluster_countries BEGIN
    UPDATE country_counts SET events = events - 1 WHERE country = old.country;
END;
"""

def _side_days_count(table: str, key: str, columns: tuple[str, ...], row: str, change: str) -> str:
    """Add ``change`` (+1/-1) cluster and its mentions to the ``table`` rows of the ``row`` cluster: one per
    distinct non-NULL value of its ``columns`` (an actor acting on itself, a country on both sides, count once)."""
    day_key = ", ".join(part.format(row=row) for part in _DAY_KEY)
    return "".join(f"""
    INSERT INTO {table} ({key}, {_DAY_COLUMNS}, events, mentions)
    SELECT {row}.{column}, {day_key}, {change}, {change} * {row}.num_mentions WHERE {row}.{column} IS NOT NULL{
        "".join(f" AND {row}.{column} IS NOT {row}.{earlier}" for earlier in columns[:index])}
    ON CONFLICT ({key}, {_DAY_COLUMNS}) DO UPDATE SET events = events + excluded.events,
                                                      mentions = mentions + excluded.mentions;"""
                   for index, column in enumerate(columns))


def _party_count(row: str, change: str) -> str:
    """The ``party_days`` rows of the ``row`` cluster: one per distinct resolved actor taking part."""
    return _side_days_count("party_days", "party", ("actor_actor_id", "recipient_actor_id"), row, change)


PARTY_DAYS = f"""
-- cluster_days per resolved actor taking part (as actor or recipient): the actor page's timeline and total
CREATE TABLE party_days (
    party TEXT NOT NULL,                    -- actors.id (event_clusters.actor_actor_id or recipient_actor_id)
    day TEXT NOT NULL, date_precision TEXT NOT NULL, type TEXT NOT NULL, status TEXT NOT NULL,
    historical INTEGER NOT NULL,            -- as in cluster_days
    events INTEGER NOT NULL DEFAULT 0,
    mentions INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (party, {_DAY_COLUMNS})
) WITHOUT ROWID;
INSERT INTO party_days (party, {_DAY_COLUMNS}, events, mentions)
SELECT party, COALESCE(day, ''), COALESCE(date_precision, ''), type, status, COALESCE(historical, 0), COUNT(*),
       SUM(num_mentions)
FROM (SELECT actor_actor_id AS party, * FROM event_clusters WHERE actor_actor_id IS NOT NULL
      UNION ALL SELECT recipient_actor_id, * FROM event_clusters
      WHERE recipient_actor_id IS NOT NULL AND recipient_actor_id IS NOT actor_actor_id)
GROUP BY 1, 2, 3, 4, 5, 6;
CREATE TRIGGER event_clusters_parties_insert AFTER INSERT ON event_clusters BEGIN{_party_count("new", "1")}
END;
CREATE TRIGGER event_clusters_parties_update
AFTER UPDATE OF day, date_precision, type, status, historical, num_mentions, actor_actor_id, recipient_actor_id
ON event_clusters
WHEN old.day IS NOT new.day OR old.date_precision IS NOT new.date_precision OR old.type IS NOT new.type
     OR old.status IS NOT new.status OR old.historical IS NOT new.historical OR old.num_mentions IS NOT new.num_mentions
     OR old.actor_actor_id IS NOT new.actor_actor_id OR old.recipient_actor_id IS NOT new.recipient_actor_id
BEGIN{_party_count("old", "-1")}{_party_count("new", "1")}
END;
CREATE TRIGGER event_clusters_parties_delete AFTER DELETE ON event_clusters BEGIN{_party_count("old", "-1")}
END;
"""

_PAIR_SIDES = ("actor_id", "actor_code", "actor_name", "actor_country",
               "recipient_id", "recipient_code", "recipient_name", "recipient_country")
_PAIR_COLUMNS = ", ".join((*_PAIR_SIDES, "historical"))


def _pair_count(row: str, change: str) -> str:
    """Add ``change`` (+1/-1) cluster and its Goldstein score to the ``pair_counts`` row of the ``row`` cluster,
    when a resolved actor takes part in it."""
    sides = ", ".join(f"COALESCE({row}.{column.replace('_id', '_actor_id')}, '')" for column in _PAIR_SIDES)
    return f"""
    INSERT INTO pair_counts ({_PAIR_COLUMNS}, events, goldstein_sum, goldstein_count)
    SELECT {sides}, COALESCE({row}.historical, 0), {change}, {change} * COALESCE({row}.goldstein, 0),
           {change} * ({row}.goldstein IS NOT NULL)
    WHERE {row}.actor_actor_id IS NOT NULL OR {row}.recipient_actor_id IS NOT NULL
    ON CONFLICT ({_PAIR_COLUMNS}) DO UPDATE SET events = events + excluded.events,
        goldstein_sum = goldstein_sum + excluded.goldstein_sum,
        goldstein_count = goldstein_count + excluded.goldstein_count;"""


PAIR_COUNTS = f"""
-- running totals of event clusters per (actor, recipient) as stored on the clusters (id, code, name, country of
-- each side; '' when NULL) and background flag, where a resolved actor takes part: the actor page's counterparts
CREATE TABLE pair_counts (
    actor_id TEXT NOT NULL, actor_code TEXT NOT NULL, actor_name TEXT NOT NULL, actor_country TEXT NOT NULL,
    recipient_id TEXT NOT NULL, recipient_code TEXT NOT NULL, recipient_name TEXT NOT NULL,
    recipient_country TEXT NOT NULL,
    historical INTEGER NOT NULL,            -- as in cluster_days
    events INTEGER NOT NULL DEFAULT 0,
    goldstein_sum REAL NOT NULL DEFAULT 0,  -- of the clusters with a score
    goldstein_count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY ({_PAIR_COLUMNS})
) WITHOUT ROWID;
CREATE INDEX pair_counts_recipient ON pair_counts(recipient_id);
INSERT INTO pair_counts ({_PAIR_COLUMNS}, events, goldstein_sum, goldstein_count)
SELECT COALESCE(actor_actor_id, ''), COALESCE(actor_code, ''), COALESCE(actor_name, ''), COALESCE(actor_country, ''),
       COALESCE(recipient_actor_id, ''), COALESCE(recipient_code, ''), COALESCE(recipient_name, ''),
       COALESCE(recipient_country, ''), COALESCE(historical, 0), COUNT(*), COALESCE(SUM(goldstein), 0),
       COUNT(goldstein)
FROM event_clusters WHERE actor_actor_id IS NOT NULL OR recipient_actor_id IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
CREATE TRIGGER event_clusters_pairs_insert AFTER INSERT ON event_clusters BEGIN{_pair_count("new", "1")}
END;
CREATE TRIGGER event_clusters_pairs_update
AFTER UPDATE OF actor_actor_id, actor_code, actor_name, actor_country, recipient_actor_id, recipient_code,
                recipient_name, recipient_country, historical, goldstein ON event_clusters
WHEN {" OR ".join(f"old.{c} IS NOT new.{c}" for c in (
    "actor_actor_id", "actor_code", "actor_name", "actor_country", "recipient_actor_id", "recipient_code",
    "recipient_name", "recipient_country", "historical", "goldstein"))}
BEGIN{_pair_count("old", "-1")}{_pair_count("new", "1")}
END;
CREATE TRIGGER event_clusters_pairs_delete AFTER DELETE ON event_clusters BEGIN{_pair_count("old", "-1")}
END;
"""

_COUNTRY_COLUMNS = ("actor_country", "recipient_country", "location_country")


def _country_days_count(row: str, change: str) -> str:
    """The ``country_days`` rows of the ``row`` cluster: one per distinct country it involves."""
    return _side_days_count("country_days", "country", _COUNTRY_COLUMNS, row, change)


COUNTRY_DAYS = f"""
-- cluster_days per country a cluster involves (actor, recipient or location country; once each, as in
-- event_cluster_countries): the timeline and total of the country filter
CREATE TABLE country_days (
    country TEXT NOT NULL,
    day TEXT NOT NULL, date_precision TEXT NOT NULL, type TEXT NOT NULL, status TEXT NOT NULL,
    historical INTEGER NOT NULL,            -- as in cluster_days
    events INTEGER NOT NULL DEFAULT 0,
    mentions INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (country, {_DAY_COLUMNS})
) WITHOUT ROWID;
INSERT INTO country_days (country, {_DAY_COLUMNS}, events, mentions)
SELECT g.country, COALESCE(c.day, ''), COALESCE(c.date_precision, ''), c.type, c.status, COALESCE(c.historical, 0),
       COUNT(*), SUM(c.num_mentions)
FROM event_cluster_countries g JOIN event_clusters c ON c.pk = g.cluster
GROUP BY 1, 2, 3, 4, 5, 6;
CREATE TRIGGER event_clusters_country_days_insert AFTER INSERT ON event_clusters BEGIN{_country_days_count("new", "1")}
END;
CREATE TRIGGER event_clusters_country_days_update
AFTER UPDATE OF day, date_precision, type, status, historical, num_mentions, actor_country, recipient_country,
                location_country ON event_clusters
WHEN old.day IS NOT new.day OR old.date_precision IS NOT new.date_precision OR old.type IS NOT new.type
     OR old.status IS NOT new.status OR old.historical IS NOT new.historical OR old.num_mentions IS NOT new.num_mentions
     OR old.actor_country IS NOT new.actor_country OR old.recipient_country IS NOT new.recipient_country
     OR old.location_country IS NOT new.location_country
BEGIN{_country_days_count("old", "-1")}{_country_days_count("new", "1")}
END;
CREATE TRIGGER event_clusters_country_days_delete AFTER DELETE ON event_clusters BEGIN{_country_days_count("old", "-1")}
END;
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema: articles, annotations, events, clusters, failures", INITIAL),
    Migration(2, "event_cluster_countries: the country filter as one index lookup", CLUSTER_COUNTRIES),
    Migration(3, "event_countries: the same for event mentions", EVENT_COUNTRIES),
    Migration(4, "place_counts: running totals behind the unfiltered map", PLACE_COUNTS),
    Migration(5, "country side tables' triggers insert per column (no UNION scratch table per row)",
              COUNTRY_TRIGGERS_WITHOUT_UNION),
    Migration(6, "articles.topic and articles.off_topic: the topic gate's label and decision",
              "ALTER TABLE articles ADD COLUMN topic TEXT;\n"
              "ALTER TABLE articles ADD COLUMN off_topic INTEGER NOT NULL DEFAULT 0;\n"),
    Migration(7, "runs: the configuration and resource versions of each ingest; articles.run_id", RUNS),
    Migration(8, "cluster_days: running totals per day, type, status, precision and background flag", CLUSTER_DAYS),
    Migration(9, "country_counts and a partial index of the background clusters: the default view's totals",
              COUNTRY_COUNTS),
    Migration(10, "party_days: cluster_days per resolved actor taking part, behind the actor page", PARTY_DAYS),
    Migration(11, "pair_counts: running totals per actor and recipient, behind the actor page's counterparts",
              PAIR_COUNTS),
    Migration(12, "country_days: cluster_days per country involved, behind the country filter's timeline",
              COUNTRY_DAYS),
    Migration(13, "partial indexes of near-duplicate and off-topic articles: the store summary's counts",
              "CREATE INDEX articles_near_duplicates ON articles(seq) WHERE status = 'near-duplicate';\n"
              "CREATE INDEX articles_off_topic ON articles(seq) WHERE off_topic;\n"),
    Migration(14, "actors.gender: a person's gender when known (the coreference layer's)",
              "ALTER TABLE actors ADD COLUMN gender TEXT;\n"),
)
