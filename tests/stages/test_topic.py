"""Topic stage: the article's topic from its words; off-topic articles skip the parse and event coding."""
from __future__ import annotations

from tidings import query
from tidings.batch import ingest
from tidings.models import Article, Document, RawArticle
from tidings.pipeline import Pipeline
from tidings.stages import topic
from tidings.storage import Store

MATCH = ("Rovers beat United 3-1 at the weekend, their striker scoring twice after the break. The manager "
         "praised his players and the captain said the team would now chase the league title, while the "
         "goalkeeper made two fine saves before the winger was sent off for a second booking.")
SUMMIT = ("The foreign ministers of Turkey and Ukraine met in Vienna on Tuesday and agreed to resume grain "
          "shipments, officials said. The opposition accused the government of breaking its election pledges.")


def test_topic_layer_and_gate():
    doc = topic.run(Document(Article("m", MATCH)))
    assert doc.article.topic == "sport" and doc.article.off_topic and abs(sum(doc.topics.values()) - 1) < 1e-3
    assert not topic.run(Document(Article("m", MATCH)), gate=False).article.off_topic
    assert not topic.run(Document(Article("s", SUMMIT))).article.off_topic


def test_off_topic_articles_are_not_parsed_nor_coded():
    match, summit = Pipeline().process_many([RawArticle("m", text=MATCH), RawArticle("s", text=SUMMIT)])
    assert match.article.off_topic and match.parse is None and match.events == []
    assert not summit.article.off_topic and summit.parse is not None and summit.events
    assert "nlp" not in match.timings and "topic" in match.timings


def test_off_topic_articles_are_stored_and_searchable(tmp_path):
    with Store.open(tmp_path / "t.db") as store:
        summary = ingest([], inputs=[RawArticle("m", text=MATCH), RawArticle("s", text=SUMMIT)], store=store)
        assert summary.stored == 2
        row = store.conn.execute("SELECT topic, off_topic FROM articles WHERE id = 'm'").fetchone()
        assert tuple(row) == ("sport", 1)
        assert [a["id"] for a in query.search(store, "striker")] == ["m"]
