"""Low-confidence candidates: stored with their article, left out of event clusters, counts and default queries."""
from __future__ import annotations

import pytest

from tidings import query
from tidings.batch.ingest import IngestSummary, Writer
from tidings.models import ActorRef, Article, Document, Event, RawArticle, SentenceRef, Trigger
from tidings.query import Filters, QueryError
from tidings.storage import Store

TEXT = "Police arrested two protesters in Minsk. Hull beat Leeds at the weekend."


def _event(k, type_, start, end, confidence):
    return Event(f"e{k}", type_, None, [], "173" if type_ == "COERCE" else "190", 4, -5.0,
                 ActorRef("Police", country="BLR", sector="COP", start=0, end=6), None,
                 SentenceRef(0, 0, 40), Trigger(TEXT[start:end], start, end), date="2021-12-30",
                 date_precision="day", confidence=confidence)


@pytest.fixture()
def store(tmp_path):
    doc = Document(Article("story", TEXT, language="en", published="2021-12-30"))
    doc.events = [_event(0, "COERCE", 7, 15, 0.91), _event(1, "ASSAULT", 46, 50, 0.08)]
    with Store.open(tmp_path / "c.db") as opened:
        Writer(opened, IngestSummary(), min_confidence=0.5).commit([RawArticle("story", text=TEXT)], [doc])
        yield opened


def test_low_confidence_events_are_stored_but_join_no_cluster(store):
    rows = store.conn.execute("SELECT trigger_text, cluster_id FROM events ORDER BY seq").fetchall()
    assert [(r[0], r[1] is not None) for r in rows] == [("arrested", True), ("beat", False)]
    assert store.conn.execute("SELECT COUNT(*) FROM event_clusters").fetchone()[0] == 1


def test_queries_leave_candidates_out_unless_asked(store):
    assert [e["type"] for e in query.events(store)] == ["COERCE"]
    assert [e["trigger"] for e in query.events(store, mentions=True)] == ["arrested"]
    every = query.events(store, Filters(min_confidence=0.0), mentions=True)
    assert sorted(e["trigger"] for e in every) == ["arrested", "beat"]
    assert query.events(store, Filters(min_confidence=0.95)) == []  # no cluster has so sure a mention


def test_exports_stream_only_confident_mentions(store):
    assert [item["event"].trigger.text for item in query.iter_events(store)] == ["arrested"]


def test_a_threshold_outside_zero_to_one_is_refused(store):
    with pytest.raises(QueryError, match="between 0 and 1"):
        query.events(store, Filters(min_confidence=1.5))
