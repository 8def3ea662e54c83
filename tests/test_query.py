"""The shared query functions: every filter, cluster counts, quotes, actors, articles, search, errors."""
import pytest

from tests.storage.factories import GENEVA, KYIV, document, event, save
from tidings import query
from tidings.query import Filters, QueryError
from tidings.storage import Store

SUMMIT = ("U.S. President Joe Biden and Russian President Vladimir Putin met in Geneva on Thursday for two hours "
          "of talks on arms control and the build-up of Russian troops near the Ukrainian border, officials from "
          "both governments said. Biden warned that any new incursion would be met with severe sanctions, while "
          "Putin said Moscow had no plans to attack its neighbour and demanded written security guarantees.")
SUMMIT_COPY = SUMMIT.replace("on Thursday", "on Thursday evening").replace("officials from both governments said",
                                                                            "officials said")
SHELLING = ("Russian forces shelled the outskirts of Kyiv overnight, Ukrainian officials said on Tuesday, in the "
            "heaviest bombardment of the capital in weeks. Emergency services said three people were wounded and "
            "a school was damaged. The Kremlin did not comment on the reports.")
PLANS = ("The White House said on Wednesday that President Biden will speak with Vladimir Putin again next week, "
         "as NATO denied Russian claims that the alliance had moved new missile systems into Poland. Diplomats "
         "said the call would focus on a proposed meeting of foreign ministers in Vienna.")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    docs = [
        document("summit-wire", SUMMIT, source="Wire", events=[
            event("CONSULT", "040", "joe-biden", "vladimir-putin", location=GENEVA),
            event("THREATEN", "138", "russia", "ukraine", status="hypothetical", date="2021-12-29", index=1)]),
        document("shelling-courier", SHELLING, source="Courier", published="2021-12-28", events=[
            event("CONSULT", "040", "joe-biden", "vladimir-putin", location=GENEVA, date="2021-12-31"),
            event("ASSAULT", "195", "russia", "ukraine", location=KYIV, date="2021-12-28", index=1)]),
        document("plans-wire", PLANS, source="Wire", published="2022-01-05", events=[
            event("CONSULT", "040", "joe-biden", "vladimir-putin", status="future", date="2022-01-10"),
            event("ACCUSE", "112", "nato", "russia", status="negated", date="2022-01-05", index=1),
            event("REJECT", "120", "russia", "nato", date="2021-W52", precision="week", index=2)]),
        document("summit-herald", SUMMIT_COPY, source="Herald", events=[
            event("CONSULT", "040", "joe-biden", "vladimir-putin", location=GENEVA)]),
    ]
    with Store.open(tmp_path_factory.mktemp("q") / "q.db") as store:
        summary = save(store, *docs)
        assert summary.stored == 4 and summary.near_duplicates == 1
        yield store


def types(rows):
    return sorted(r["type"] for r in rows)


def test_events_are_clusters_with_counts(store):
    rows = query.events(store)
    assert types(rows) == ["ACCUSE", "ASSAULT", "CONSULT", "CONSULT", "REJECT", "THREATEN"]
    summit = next(r for r in rows if r["type"] == "CONSULT" and r["status"] == "asserted")
    assert (summit["num_mentions"], summit["num_articles"], summit["num_sources"]) == (3, 3, 3)
    assert (summit["date"], summit["date_last"]) == ("2021-12-30", "2021-12-31")
    assert summit["location_name"] == "Geneva" and summit["sentence"]
    assert [r["date"] for r in rows] == ["2022-01-10", "2022-01-05", "2021-12-30", "2021-12-29", "2021-12-28",
                                         "2021-W52"]  # a week sorts by its Monday, 2021-12-27


def test_mentions_mode_lists_every_event_record(store):
    rows = query.events(store, mentions=True)
    assert len(rows) == 8
    assert {r["source"] for r in rows} == {"Wire", "Courier", "Herald"}
    assert len({r["cluster"] for r in rows if r["type"] == "CONSULT" and r["status"] == "asserted"}) == 1


@pytest.mark.parametrize("filters, expected", [
    (Filters(actor="joe-biden"), ["CONSULT", "CONSULT"]),
    (Filters(actor="Joe Biden"), ["CONSULT", "CONSULT"]),
    (Filters(actor="usa"), ["CONSULT", "CONSULT"]),
    (Filters(actor="NATO"), ["ACCUSE"]),
    (Filters(actor="RUS"), ["ASSAULT", "REJECT", "THREATEN"]),
    (Filters(recipient="rus"), ["ACCUSE", "CONSULT", "CONSULT"]),
    (Filters(recipient="nato"), ["REJECT"]),
    (Filters(recipient="RUSGOV"), ["CONSULT", "CONSULT"]),
    (Filters(actor="RUS", recipient="UKR"), ["ASSAULT", "THREATEN"]),
    (Filters(country="CHE"), ["CONSULT"]),
    (Filters(country="ukr"), ["ASSAULT", "THREATEN"]),
    (Filters(type="assault"), ["ASSAULT"]),
    (Filters(type="19"), ["ASSAULT"]),
    (Filters(type="04"), ["CONSULT", "CONSULT"]),
    (Filters(status="negated"), ["ACCUSE"]),
    (Filters(status="future"), ["CONSULT"]),
    (Filters(since="2022"), ["ACCUSE", "CONSULT"]),
    (Filters(until="2021-12"), ["ASSAULT", "CONSULT", "REJECT", "THREATEN"]),
    (Filters(since="2021-12-27", until="2021-12-27"), ["REJECT"]),
    (Filters(since="2021-12-29", until="2021-12-30"), ["CONSULT", "THREATEN"]),
    (Filters(source="courier"), ["ASSAULT", "CONSULT"]),
    (Filters(source="Herald"), ["CONSULT"]),
    (Filters(actor="nobody-at-all"), []),
])
def test_event_filters(store, filters, expected):
    assert types(query.events(store, filters)) == expected


def test_mention_filters_use_the_same_rules(store):
    assert types(query.events(store, Filters(source="Wire"), mentions=True)) == [
        "ACCUSE", "CONSULT", "CONSULT", "REJECT", "THREATEN"]
    assert types(query.events(store, Filters(actor="usa", status="asserted"), mentions=True)) == ["CONSULT"] * 3


def test_limit(store):
    assert len(query.events(store, Filters(limit=2))) == 2


@pytest.mark.parametrize("filters, message", [
    (Filters(since="yesterday"), "bad date for --since"),
    (Filters(until="2021-13"), "bad date for --until"),
    (Filters(since="2021-02-30"), "bad date for --since"),
    (Filters(since="2022", until="2021"), "is after --until"),
    (Filters(status="maybe"), "bad --status"),
    (Filters(limit=0), "--limit"),
])
def test_bad_filters_raise_one_line_errors(store, filters, message):
    with pytest.raises(QueryError, match=message):
        query.events(store, filters)


def test_daily_counts_for_an_actor_pair(store):
    rows = query.daily_counts(store, Filters(actor="joe-biden", recipient="vladimir-putin"))
    assert [(r["date"], r["type"], r["events"], r["mentions"]) for r in rows] == [
        ("2021-12-30", "CONSULT", 1, 3), ("2022-01-10", "CONSULT", 1, 1)]


def test_top_dyads_and_actors(store):
    dyads = [(r["actor_code"], r["recipient_code"], r["events"]) for r in query.top_dyads(store)]
    assert dyads == [("RUS", "UKR", 2), ("USAGOV", "RUSGOV", 2), ("NATO", "RUS", 1), ("RUS", "NATO", 1)]
    actors = query.actors(store)
    assert [(a["id"], a["events"]) for a in actors][:1] == [("russia", 4)]
    biden = next(a for a in actors if a["id"] == "joe-biden")
    assert (biden["name"], biden["as_actor"], biden["as_recipient"], biden["quotes"]) == ("Joe Biden", 2, 0, 0)
    putin = next(a for a in actors if a["id"] == "vladimir-putin")
    assert putin["quotes"] == 4
    assert [a["id"] for a in query.actors(store, Filters(type="ACCUSE"))] == ["nato", "russia"]


def test_quotes_and_their_filters(store):
    assert len(query.quotes(store)) == 4
    assert len(query.quotes(store, Filters(actor="Vladimir Putin", source="Wire"))) == 2
    assert query.quotes(store, Filters(country="USA")) == []
    assert [q["article_id"] for q in query.quotes(store, Filters(since="2022"))] == ["plans-wire"]
    with pytest.raises(QueryError, match="--recipient does not apply"):
        query.quotes(store, Filters(recipient="UKR"))


def test_articles_and_their_filters(store):
    rows = query.articles(store)
    assert len(rows) == 4 and rows[0]["id"] == "plans-wire"
    copy = query.articles(store, Filters(status="near-duplicate"))
    assert [(r["id"], r["dup_cluster"]) for r in copy] == [("summit-herald", "summit-wire")]
    assert copy[0]["similarity"] > 0.3
    assert [r["id"] for r in query.articles(store, Filters(source="courier"))] == ["shelling-courier"]
    assert {r["id"] for r in query.articles(store, Filters(actor="NATO"))} == {"plans-wire"}
    assert len(query.articles(store, Filters(country="CHE"))) == 4
    assert [r["id"] for r in query.articles(store, Filters(until="2021-12-28"))] == ["shelling-courier"]
    with pytest.raises(QueryError, match="bad --status"):
        query.articles(store, Filters(status="asserted"))


def test_search_with_snippets(store):
    rows = query.search(store, "shelled Kyiv")
    assert [r["id"] for r in rows] == ["shelling-courier"]
    assert "[shelled]" in rows[0]["snippet"]
    assert {r["id"] for r in query.search(store, '"arms control"')} == {"summit-wire", "summit-herald"}
    assert [r["id"] for r in query.search(store, 'missile AND (')] == ["plans-wire"]  # bad syntax → plain words
    with pytest.raises(QueryError):
        query.search(store, "  ")


def test_summary_and_document(store):
    totals = query.summary(store)
    assert (totals["articles"], totals["stories"], totals["events"], totals["event_mentions"]) == (4, 3, 6, 8)
    assert query.document(store, "plans-wire").events[1].status == "negated"


def test_iter_events_streams_every_mention_with_its_article_and_cluster(store):
    items = list(query.iter_events(store))
    assert len(items) == 8
    assert [i["event"].date for i in items][:2] == ["2021-W52", "2021-12-28"]  # oldest first
    summit = [i for i in items if i["event"].type == "CONSULT" and i["event"].status == "asserted"]
    assert {i["article_source"] for i in summit} == {"Wire", "Courier", "Herald"}
    assert {i["cluster_mentions"] for i in summit} == {3} and len({i["cluster"] for i in summit}) == 1
    first = summit[0]
    assert first["event"].location.name == "Geneva" and first["event"].actor.country == "USA"
    assert first["actor_code"] == "USAGOV" and first["article_url"].startswith("https://example.org/")
    assert [i["article_id"] for i in query.iter_events(store, Filters(type="ASSAULT", limit=None))] == [
        "shelling-courier"]


def test_iter_documents_round_trips_stored_articles(store):
    docs = list(query.iter_documents(store, Filters(source="Wire", limit=None)))
    assert [d.article.id for d in docs] == ["plans-wire", "summit-wire"]
    assert docs[0].events[2].date == "2021-W52" and docs[0].quotes[0].speaker.actor_id == "vladimir-putin"
