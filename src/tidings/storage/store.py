"""The SQLite store: connection, migrations, the single writer and Document round trip.

One process writes (the ingest parent); readers open their own ``Store``. WAL mode lets readers
work while a batch is being committed. Every write happens inside :meth:`Store.transaction`.
"""
from __future__ import annotations

import functools
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tidings.models import (
    Actor,
    Amount,
    Article,
    DateMention,
    Document,
    Event,
    Mention,
    Place,
    Quote,
    Tone,
)
from tidings.storage.mapping import columns, period_start, row_values, unflatten
from tidings.storage.migrations import MIGRATIONS

DEFAULT_FILE = "tidings.db"
CACHE_KIB = 64 * 1024  # page cache per connection: index-heavy inserts and scans stay off the disk
READER_MMAP_BYTES = 4 << 30  # read-only connections map up to this much of the file

#: Annotation tables holding one row per list item of a Document, keyed by (article_id, seq).
ANNOTATION_TABLES: dict[str, type] = {
    "mentions": Mention, "quotes": Quote, "dates": DateMention, "places": Place, "amounts": Amount,
}


def _bind_null(value: None) -> None:
    return value


# Python 3.11's sqlite3 looks up an adapter, then ``__adapt__`` on its protocol type, for every parameter that is
# not exactly int, float or str: each None it binds formats and drops an AttributeError (~0.6 µs; the writer binds
# hundreds of NULLs per article). Registering None's own adapter ends the lookup at once; it is still bound as NULL.
sqlite3.register_adapter(type(None), _bind_null)


from tidings.errors import StoreError  # noqa: E402  (public as tidings.StoreError)

#: SQLite result codes no input causes: the store cannot be written at all (extended codes included).
UNWRITABLE_CODES = ("SQLITE_READONLY", "SQLITE_FULL", "SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_PERM",
                    "SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_NOTADB", "SQLITE_CORRUPT")


def unwritable(exc: BaseException) -> bool:
    """True for an SQLite error that says the store itself cannot be written (read-only, disk full, ...)."""
    name = getattr(exc, "sqlite_errorname", None) or ""
    return name.startswith(UNWRITABLE_CODES)


#: How long an opener waits for another process that is switching a new store to WAL at the same moment.
WAL_SWITCH_SECONDS = 30.0


def _write_ahead_log(conn: sqlite3.Connection) -> None:
    """Switch to WAL. SQLite answers "database is locked" at once, without its busy handler, while another
    process switches the same new file; wait for that one to finish instead of failing."""
    deadline = time.monotonic() + WAL_SWITCH_SECONDS
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if getattr(exc, "sqlite_errorname", "") not in ("SQLITE_BUSY", "SQLITE_LOCKED") \
                    or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def default_path() -> Path:
    """``$TIDINGS_DB`` if set, else ``./tidings.db``."""
    return Path(os.environ.get("TIDINGS_DB") or DEFAULT_FILE)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def insert_sql(table: str, names: Sequence[str]) -> str:
    return _insert_sql(table, tuple(names))


@functools.lru_cache(maxsize=256)
def _insert_sql(table: str, names: tuple[str, ...]) -> str:
    """Built once per table and column list: the writer reuses the text (and sqlite3 its prepared statement)."""
    cols = ", ".join(f'"{n}"' for n in names)
    return f'INSERT INTO {table} ({cols}) VALUES ({", ".join("?" for _ in names)})'


@functools.lru_cache(maxsize=64)
def _upsert_sql(table: str, names: tuple[str, ...]) -> str:
    """An insert that refreshes every column but ``id`` of an existing row."""
    updates = ", ".join(f"{n} = excluded.{n}" for n in names if n != "id")
    return _insert_sql(table, names) + f" ON CONFLICT(id) DO UPDATE SET {updates}"


@functools.cache
def _article_insert_sql() -> str:
    """The articles insert: the Article's and Tone's columns, then what the writer adds (see ``add_article``)."""
    names = [n for n, _ in columns(Article)] + [f"tone_{n}" for n, _ in columns(Tone)]
    names += ["content_hash", "raw_hash", "status", "dup_cluster", "similarity", "minhash", "origin", "ingested_at",
              "run_id"]
    return insert_sql("articles", names)


@functools.cache
def _item_insert_sql(table: str, cls: type) -> str:
    """The insert of one annotation table: key (article_id, seq), then the record's columns."""
    return insert_sql(table, ["article_id", "seq"] + [n for n, _ in columns(cls)])


@functools.cache
def _event_insert_sql() -> str:
    """The events insert: key, cluster, actor codes and day, then the Event's columns."""
    names = ["article_id", "seq", "cluster_id", "actor_code", "recipient_code", "day"]
    return insert_sql("events", names + [n for n, _ in columns(Event)])


class Store:
    """A tidings database. Use :meth:`open`; close it (or use it as a context manager) when done."""

    def __init__(self, conn: sqlite3.Connection, path: Path | str, *, readonly: bool = False):
        self.conn = conn
        self.path = path
        self.readonly = readonly

    # --- opening, schema ------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str | None = None, *, create: bool = True, readonly: bool = False) -> Store:
        """Open (and migrate) the store at ``path``.

        With ``create=False`` (or ``readonly=True``) a missing file is an error; a read-only store
        refuses writes, which suits the HTTP API and dashboard.
        """
        path = Path(path) if path is not None else default_path()
        if str(path) != ":memory:" and not path.exists():
            if not create or readonly:
                raise StoreError(f"no store at {path} (run `tidings ingest PATH --db {path}` first)")
            path.parent.mkdir(parents=True, exist_ok=True)
        target, uri = (f"file:{path.resolve()}?mode=ro", True) if readonly else (str(path), False)
        conn = sqlite3.connect(target, uri=uri, isolation_level=None, check_same_thread=False, timeout=30)
        conn.row_factory = sqlite3.Row
        try:
            _write_ahead_log(conn)
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            if readonly:  # readers (one per API request) share the OS's cached pages instead of each copying them
                conn.execute(f"PRAGMA mmap_size={READER_MMAP_BYTES}")
            conn.execute("PRAGMA foreign_keys=ON")
            store = cls(conn, path, readonly=readonly)
            store.migrate()
        except sqlite3.DatabaseError as exc:
            conn.close()
            if unwritable(exc) and getattr(exc, "sqlite_errorname", "") != "SQLITE_NOTADB":
                raise StoreError(f"cannot write to {path}: {exc}") from None
            raise StoreError(f"{path} is not a tidings store: {exc}") from None
        except StoreError:
            conn.close()
            raise
        return store

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def migrate(self) -> list[int]:
        """Apply pending migrations; return the versions applied."""
        current = self.schema_version()
        latest = MIGRATIONS[-1].version
        if current > latest:
            raise StoreError(f"{self.path} has schema version {current}; this tidings knows up to {latest}")
        if current == latest:  # the usual case: nothing to write, so readers never take a write lock
            return []
        if self.readonly:
            raise StoreError(f"{self.path} has schema version {current}; open it once with write access (any"
                             f" `tidings` store command or `tidings serve`) to upgrade it to {latest}")
        applied = []
        # One write transaction, the version read again under its lock: two processes opening (creating) the
        # same store at once apply each migration once ("table ... already exists" cannot happen).
        with self.transaction():
            self.conn.execute(
                "CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                " applied_at TEXT NOT NULL)")
            current = self.schema_version()
            for migration in MIGRATIONS:
                if migration.version <= current:
                    continue
                for statement in _statements(migration.sql):
                    self.conn.execute(statement)
                self.conn.execute("INSERT INTO migrations VALUES (?, ?, ?)",
                                  (migration.version, migration.name, now()))
                applied.append(migration.version)
        return applied

    def schema_version(self) -> int:
        """The highest applied migration (0 for a new file)."""
        exists = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").fetchone()
        if not exists:
            return 0
        return self.conn.execute("SELECT COALESCE(MAX(version), 0) FROM migrations").fetchone()[0]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic write: everything inside commits together or not at all.

        A store that cannot be written (read-only, disk full, locked too long) raises StoreError.
        """
        if self.conn.in_transaction:  # nested: the outer transaction decides
            yield
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                if self.conn.in_transaction:  # SQLite may have rolled back already (disk full)
                    self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if unwritable(exc):
                raise StoreError(f"cannot write to {self.path}: {exc}") from None
            raise

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """A part of the current transaction that can fail alone (its writes undone, the rest kept)."""
        self.conn.execute("SAVEPOINT item")
        try:
            yield
        except BaseException as exc:
            if not unwritable(exc) and self.conn.in_transaction:
                self.conn.execute("ROLLBACK TO item")
                self.conn.execute("RELEASE item")
            raise
        self.conn.execute("RELEASE item")

    # --- writing (the single writer) ------------------------------------------------------

    def keep_scratch_in_memory(self) -> None:
        """Temporary storage (statement journals, the scratch tables triggers and subqueries build) in memory
        instead of temp files: each of the writer's trigger-laden inserts then skips a temp file's setup.

        Only the writer asks for it: a reader's huge sort keeps spilling to disk. Nothing durable lives there.
        """
        self.conn.execute("PRAGMA temp_store=MEMORY")

    def add_article(self, doc: Document, *, content_hash: str, dup_cluster: str, status: str = "original",
                    raw_hash: str | None = None, similarity: float | None = None,
                    minhash: bytes | None = None, bands: Iterable[int] = (), origin: str | None = None,
                    event_clusters: Sequence[int | None] | None = None,
                    event_codes: Sequence[tuple[str | None, str | None]] | None = None,
                    run_id: int | None = None) -> None:
        """Insert a Document with all its layers. ``event_clusters``/``event_codes`` run parallel to ``doc.events``;
        ``run_id`` is the ingest run that produced it (``storage.runs``)."""
        article = doc.article
        if status == "original":  # a new story: its cluster starts with this article
            self.conn.execute("INSERT INTO dup_clusters (id, size, created_at) VALUES (?, 1, ?)",
                              (dup_cluster, now()))
        self.conn.execute(_article_insert_sql(), (
            *row_values(Article)(article), *row_values(Tone)(doc.tone), content_hash, raw_hash, status, dup_cluster,
            similarity, minhash, origin, now(), run_id))
        if status != "original":
            self.conn.execute("UPDATE dup_clusters SET size = size + 1 WHERE id = ?", (dup_cluster,))
        self.conn.executemany("INSERT INTO lsh_bands (band, hash, article_id) VALUES (?, ?, ?)",
                              [(band, value, article.id) for band, value in enumerate(bands)])
        self.upsert_actors(doc.actors)
        self.conn.executemany("INSERT INTO article_actors VALUES (?, ?, ?)",
                              [(article.id, seq, actor.id) for seq, actor in enumerate(doc.actors)])
        for table, cls in ANNOTATION_TABLES.items():
            items = getattr(doc, table)
            if items:
                values = row_values(cls)
                self.conn.executemany(_item_insert_sql(table, cls),
                                      [(article.id, seq, *values(item)) for seq, item in enumerate(items)])
        if doc.events:
            clusters = event_clusters or [None] * len(doc.events)
            codes = event_codes or [(None, None)] * len(doc.events)
            values = row_values(Event)
            self.conn.executemany(_event_insert_sql(), [
                (article.id, seq, cluster, *code, period_start(event.date), *values(event))
                for seq, (event, cluster, code) in enumerate(zip(doc.events, clusters, codes, strict=False))])

    def upsert_actors(self, actors: Sequence[Actor]) -> None:
        """Insert or refresh actors of the knowledge base (the latest description wins)."""
        if actors:
            values = row_values(Actor)
            self.conn.executemany(_upsert_sql("actors", tuple(n for n, _ in columns(Actor))),
                                  [values(actor) for actor in actors])

    def add_failure(self, input_id: str, reason: str, *, origin: str | None = None,
                    detail: str | None = None) -> None:
        """Record an input that could not be stored (a re-run replaces the earlier reason)."""
        self.conn.execute("INSERT OR REPLACE INTO failures VALUES (?, ?, ?, ?, ?)",
                          (input_id, origin, reason, detail, now()))

    def clear_failure(self, input_id: str) -> None:
        """Forget an earlier failure of an input that has now been stored (``--retry-failed``)."""
        self.conn.execute("DELETE FROM failures WHERE input_id = ?", (input_id,))

    def add_skipped(self, input_id: str, *, duplicate_of: str, reason: str, origin: str | None = None) -> None:
        """Record an input not stored because an identical article already is."""
        self.conn.execute("INSERT OR REPLACE INTO skipped VALUES (?, ?, ?, ?, ?)",
                          (input_id, origin, duplicate_of, reason, now()))

    def add_event_cluster(self, row: dict[str, Any]) -> int:
        """Create an event cluster from its describing columns; return its key."""
        cur = self.conn.execute(insert_sql("event_clusters", list(row)), list(row.values()))
        assert cur.lastrowid is not None  # set by every INSERT
        return cur.lastrowid

    def refresh_event_clusters(self, pks: Iterable[int | None]) -> None:
        """Recount mentions, articles and sources (and the date span) of the given clusters.

        One grouped pass over the clusters' events; the dates, whose columns feed many indexes and a
        trigger, are written only where they changed.
        """
        keys = sorted({pk for pk in pks if pk is not None})
        if not keys:
            return
        rows = self.conn.execute(
            "SELECT c.pk, COUNT(e.pk), COUNT(DISTINCT e.article_id), COUNT(DISTINCT COALESCE(a.source, a.id)),"
            " MIN(e.pk), MIN(e.date), MIN(e.day), MAX(e.date), c.date, c.day, c.date_last FROM event_clusters c"
            " LEFT JOIN events e ON e.cluster_id = c.pk LEFT JOIN articles a ON a.id = e.article_id"
            f" WHERE c.pk IN ({', '.join('?' for _ in keys)}) GROUP BY c.pk", keys).fetchall()
        self.conn.executemany(
            "UPDATE event_clusters SET num_mentions = ?2, num_articles = ?3, num_sources = ?4, first_event = ?5"
            " WHERE pk = ?1", [tuple(row)[:5] for row in rows])
        self.conn.executemany(
            "UPDATE event_clusters SET date = ?2, day = ?3, date_last = ?4 WHERE pk = ?1",
            [(row[0], *row[5:8]) for row in rows if tuple(row[5:8]) != tuple(row[8:11])])

    # --- reads the writer needs -------------------------------------------------------------

    def input_outcome(self, input_id: str) -> str | None:
        """``stored``, ``skipped`` or ``failed`` if this input id was already committed, else None."""
        row = self.conn.execute(
            "SELECT 'stored' FROM articles WHERE id = ?1 UNION ALL SELECT 'skipped' FROM skipped"
            " WHERE input_id = ?1 UNION ALL SELECT 'failed' FROM failures WHERE input_id = ?1 LIMIT 1",
            (input_id,)).fetchone()
        return row[0] if row else None

    def article_with_hash(self, *, raw_hash: str | None = None, content_hash: str | None = None) -> str | None:
        """The id of a stored article with this raw-input or cleaned-text hash."""
        column, value = ("raw_hash", raw_hash) if raw_hash is not None else ("content_hash", content_hash)
        row = self.conn.execute(f"SELECT id FROM articles WHERE {column} = ? LIMIT 1", (value,)).fetchone()
        return row[0] if row else None

    def lsh_candidates(self, bands: Sequence[int]) -> list[sqlite3.Row]:
        """Articles sharing at least one LSH bucket: ``id``, ``dup_cluster``, ``minhash``."""
        if not bands:
            return []
        pairs = " OR ".join("(band = ? AND hash = ?)" for _ in bands)
        params = [v for pair in enumerate(bands) for v in pair]
        return self.conn.execute(
            f"SELECT id, dup_cluster, minhash FROM articles WHERE id IN"
            f" (SELECT article_id FROM lsh_bands WHERE {pairs}) ORDER BY seq", params).fetchall()

    def event_cluster_candidates(self, *, type: str, status: str, actor_key: str | None,
                                 recipient_key: str | None, date_from: str | None,
                                 date_to: str | None, date_precision: str | None) -> list[sqlite3.Row]:
        """Clusters an event may join: same type, status and actor keys, overlapping the date window."""
        sql = ("SELECT pk, location_country, date, date_last FROM event_clusters WHERE type = ? AND status = ?"
               " AND actor_key IS ? AND recipient_key IS ? AND date_precision IS ?")
        params: list[Any] = [type, status, actor_key, recipient_key, date_precision]
        if date_from is None:
            sql += " AND date IS NULL"
        else:
            sql += " AND date <= ? AND date_last >= ?"
            params += [date_to, date_from]
        return self.conn.execute(sql + " ORDER BY pk", params).fetchall()

    # --- Document round trip ----------------------------------------------------------------

    def load_document(self, article_id: str) -> Document:
        """The stored Document for ``article_id`` (without the parse layer)."""
        row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise StoreError(f"no article {article_id!r} in {self.path}")
        tone = unflatten({k[5:]: row[k] for k in row.keys() if k.startswith("tone_")}, Tone)
        data: dict[str, Any] = {"article": unflatten(row, Article), "tone": tone}
        data["actors"] = [dict(r) for r in self.conn.execute(
            "SELECT a.* FROM article_actors aa JOIN actors a ON a.id = aa.actor_id"
            " WHERE aa.article_id = ? ORDER BY aa.seq", (article_id,))]
        for table, cls in {**ANNOTATION_TABLES, "events": Event}.items():
            rows = self.conn.execute(f"SELECT * FROM {table} WHERE article_id = ? ORDER BY seq", (article_id,))
            data[table] = [unflatten(r, cls) for r in rows]
        doc = Document.from_dict(data)
        doc.stored_at = row["ingested_at"]
        return doc


def _statements(script: str) -> Iterator[str]:
    """Split a migration script into statements (triggers' inner semicolons kept together)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statement = buffer.strip()
            if statement:
                yield statement
            buffer = ""
    if buffer.strip():
        yield buffer.strip()
