"""The SQLite store: Document round trip, migrations, schema coverage, errors, atomic transactions."""
import sqlite3

import pytest

from tests.storage.factories import GENEVA, KYIV, document, event
from tidings.models import Article, DateMention, Event, Mention, Place, Quote, Tone
from tidings.storage import Store, StoreError, default_path
from tidings.storage.mapping import columns, period_start, row_values
from tidings.storage.migrations import MIGRATIONS
from tidings.storage.store import ANNOTATION_TABLES


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "t.db") as store:
        yield store


def test_document_round_trip_keeps_every_layer(store):
    doc = document("a1", "Biden and Putin met in Geneva on Thursday. Talks went on for hours.", events=[
        event("CONSULT", "040", "joe-biden", "vladimir-putin", location=GENEVA),
        event("THREATEN", "138", "russia", "ukraine", status="hypothetical", location=KYIV, index=1),
        event("ACCUSE", "112", "nato", None, date="2008", precision="year", index=2),
    ])
    doc.events[2].historical = True
    with store.transaction():
        store.add_article(doc, content_hash="h1", dup_cluster="a1")
    loaded = store.load_document("a1")
    assert loaded.to_dict() == doc.to_dict()
    assert loaded.events[2].historical is True and loaded.events[1].location.country == "UKR"
    assert loaded.events[2].recipient is None


def test_empty_document_round_trip(store):
    doc = document("bare", "A short note.")
    doc.quotes = doc.dates = doc.places = doc.amounts = doc.mentions = []
    doc.tone = None
    with store.transaction():
        store.add_article(doc, content_hash="h", dup_cluster="bare")
    assert store.load_document("bare").to_dict() == doc.to_dict()


def test_missing_article_is_a_store_error(store):
    with pytest.raises(StoreError, match="no article 'nope'"):
        store.load_document("nope")


def test_migrations_are_recorded_and_applied_once(tmp_path):
    path = tmp_path / "m.db"
    with Store.open(path) as store:
        rows = store.conn.execute("SELECT version, name FROM migrations").fetchall()
        assert [tuple(r) for r in rows] == [(m.version, m.name) for m in MIGRATIONS]
    with Store.open(path) as again:
        assert again.migrate() == []
        assert again.schema_version() == MIGRATIONS[-1].version


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    with Store.open(path) as store:
        store.conn.execute("INSERT INTO migrations VALUES (999, 'from the future', 'now')")
    with pytest.raises(StoreError, match="schema version 999"):
        Store.open(path)


@pytest.mark.parametrize("table, cls, prefix", [
    ("articles", Article, ""), ("events", Event, ""), ("event_clusters", None, ""),
    *[(t, c, "") for t, c in ANNOTATION_TABLES.items()]])
def test_schema_has_a_column_for_every_model_field(store, table, cls, prefix):
    present = {r["name"] for r in store.conn.execute(f"PRAGMA table_info({table})")}
    if cls is None:  # clusters carry the event columns queries filter on
        wanted = {"type", "cameo", "status", "date", "actor_actor_id", "actor_country", "actor_code",
                  "recipient_actor_id", "recipient_country", "recipient_code", "location_country"}
    else:
        wanted = {prefix + name for name, _ in columns(cls)}
    assert wanted <= present, wanted - present


def test_mapping_flattens_nested_records():
    names = [n for n, _ in columns(Event)]
    assert {"actor_country", "recipient_org", "location_lat", "sentence_start", "trigger_text"} <= set(names)
    assert dict(columns(Quote))["speaker_actor_id"] == "TEXT"
    assert dict(columns(Place))["lat"] == "REAL" and dict(columns(Mention))["start"] == "INTEGER"
    assert dict(columns(DateMention))["value"] == "TEXT"


def test_row_values_follow_the_columns_with_json_lists_and_integer_booleans():
    geneva_talks = event("CONSULT", "040", "joe-biden", None, location=GENEVA)
    geneva_talks.historical = True
    row = dict(zip([n for n, _ in columns(Event)], row_values(Event)(geneva_talks), strict=True))
    assert row["actor_actor_id"] == "joe-biden" and row["recipient_actor_id"] is None and row["recipient_text"] is None
    assert row["location_country"] == "CHE" and row["sentence_end"] == 40 and row["trigger_text"] == "met"
    assert row["context"] == '["diplomatic"]' and row["historical"] == 1 and row["goldstein"] == 1.0
    article = Article("a", "Text.", authors=["Jane Roe", "Olé Ñuñez"])
    assert dict(zip([n for n, _ in columns(Article)], row_values(Article)(article), strict=True))["authors"] == \
        '["Jane Roe", "Olé Ñuñez"]'
    assert row_values(Tone)(None) == (None,) * len(columns(Tone))


def test_store_is_wal_with_fts(store):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with store.transaction():
        store.add_article(document("fts", "Ceasefire talks resumed in Doha."), content_hash="x", dup_cluster="fts")
    hits = store.conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'ceasefire'").fetchall()
    assert len(hits) == 1


def test_open_missing_without_create_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no store at .*run `tidings ingest"):
        Store.open(tmp_path / "absent.db", create=False)
    assert not (tmp_path / "absent.db").exists()


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a tidings store"):
        Store.open(path)


def test_default_path_follows_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("TIDINGS_DB", raising=False)
    assert default_path().name == "tidings.db"
    monkeypatch.setenv("TIDINGS_DB", str(tmp_path / "x.db"))
    assert default_path() == tmp_path / "x.db"


def test_transaction_rolls_back_everything_on_error(store):
    with pytest.raises(sqlite3.IntegrityError):
        with store.transaction():
            store.add_article(document("r1", "First story."), content_hash="a", dup_cluster="r1")
            store.add_article(document("r1", "Same id again."), content_hash="b", dup_cluster="r1")
    assert store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0
    assert store.input_outcome("r1") is None


def test_input_outcomes(store):
    with store.transaction():
        store.add_article(document("s", "Stored story."), content_hash="c", dup_cluster="s")
        store.add_failure("f", "binary: not text", origin="f.bin")
        store.add_skipped("k", duplicate_of="s", reason="exact duplicate")
    assert [store.input_outcome(i) for i in ("s", "f", "k", "new")] == ["stored", "failed", "skipped", None]
    assert store.article_with_hash(content_hash="c") == "s"
    with store.transaction():
        store.clear_failure("f")
    assert store.input_outcome("f") is None


def test_a_migrated_store_opens_read_only(tmp_path):
    path = tmp_path / "ro.db"
    with Store.open(path) as store:
        with store.transaction():
            store.add_article(document("ro", "Read-only story."), content_hash="r", dup_cluster="ro")
    with Store.open(path, readonly=True) as reader:
        assert reader.load_document("ro").article.text == "Read-only story."
        with pytest.raises(StoreError, match="readonly"):
            with reader.transaction():
                reader.add_failure("x", "empty")
    with pytest.raises(StoreError, match="no store at"):
        Store.open(tmp_path / "missing.db", readonly=True)


@pytest.mark.parametrize("value, start", [
    ("2021-12-30", "2021-12-30"), ("2021-12", "2021-12-01"), ("2021", "2021-01-01"),
    ("2021-W51", "2021-12-20"), ("2021-Q3", "2021-07-01"), ("2021-SU", "2021-06-01"),
    ("PRESENT_REF", None), ("XXXX-12-25", None), ("P3D", None), (None, None), ("2021-02-30", None),
])
def test_period_start_sorts_dates_of_any_precision(value, start):
    assert period_start(value) == start


def test_refresh_recounts_clusters_and_moves_their_dates(store):
    from tidings.dedup.events import cluster_columns

    talks = event("CONSULT", "040", "joe-biden", "vladimir-putin", date="2021-12-30")
    with store.transaction():
        first = store.add_event_cluster(cluster_columns(talks))
        empty = store.add_event_cluster(cluster_columns(talks))
        for article_id, day in (("a1", "2021-12-31"), ("a2", "2021-12-29")):
            doc = document(article_id, f"Talks story {article_id}.", events=[
                event("CONSULT", "040", "joe-biden", "vladimir-putin", date=day)])
            store.add_article(doc, content_hash=article_id, dup_cluster=article_id, event_clusters=[first])
        store.refresh_event_clusters([first, empty, first])
    rows = {r["pk"]: r for r in store.conn.execute("SELECT * FROM event_clusters")}
    assert (rows[first]["num_mentions"], rows[first]["num_articles"], rows[first]["num_sources"]) == (2, 2, 1)
    assert (rows[first]["date"], rows[first]["date_last"], rows[first]["day"]) == ("2021-12-29", "2021-12-31",
                                                                                   "2021-12-29")
    assert (rows[empty]["num_mentions"], rows[empty]["date"], rows[empty]["first_event"]) == (0, None, None)
    assert store.conn.execute("SELECT size FROM dup_clusters WHERE id = 'a1'").fetchone()[0] == 1


def test_a_read_only_store_refuses_writes_with_one_line(tmp_path):
    Store.open(tmp_path / "s.db").close()
    with Store.open(tmp_path / "s.db", readonly=True) as store:
        with pytest.raises(StoreError, match=r"^cannot write to .*s\.db: attempt to write a readonly database$"):
            with store.transaction():
                store.add_failure("x", "empty: no text")


def test_a_full_disk_is_one_line(tmp_path):
    with Store.open(tmp_path / "s.db") as store:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(StoreError, match=r"^cannot write to .*: database or disk is full$"):
            with store.transaction():
                for n in range(2000):
                    store.add_failure(f"input-{n}", "empty: no text " * 20)
