"""Event clustering: one real-world occurrence across articles is one cluster with honest counts."""
import pytest

from tests.storage.factories import GENEVA, KYIV, document, event, save
from tidings import query
from tidings.dedup.events import actor_code, actor_key, date_window
from tidings.models import ActorRef
from tidings.storage import Store


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "e.db") as store:
        yield store


def store_events(store, *events_per_doc, sources=None):
    """One article per list of events, each with its own text and source."""
    docs = [document(f"doc{i}", f"Story number {i} about events, told in its own words {i * 7}.",
                     events=list(events), source=(sources[i] if sources else f"Source {i}"))
            for i, events in enumerate(events_per_doc)]
    save(store, *docs)
    return query.events(store)


def test_one_occurrence_in_three_articles_from_two_sources_is_one_cluster(store):
    meeting = lambda: event("CONSULT", "040", "joe-biden", "vladimir-putin", location=GENEVA)  # noqa: E731
    rows = store_events(store, [meeting()], [meeting()], [meeting()], sources=["Wire", "Courier", "Wire"])
    assert len(rows) == 1
    assert (rows[0]["num_mentions"], rows[0]["num_articles"], rows[0]["num_sources"]) == (3, 3, 2)


def test_repeated_mentions_in_one_article_count_once_per_article(store):
    rows = store_events(store, [event("ASSAULT", "190", "russia", "ukraine"),
                                event("ASSAULT", "190", "russia", "ukraine", index=1)])
    assert (rows[0]["num_mentions"], rows[0]["num_articles"]) == (2, 1)


def test_actors_with_the_same_code_are_the_same_party(store):
    kremlin = event("CONSULT", "040", "joe-biden", "vladimir-putin")
    kremlin.recipient = ActorRef("the Kremlin", "kremlin", "Kremlin", "RUS", "GOV")
    rows = store_events(store, [event("CONSULT", "040", "joe-biden", "vladimir-putin")], [kremlin])
    assert len(rows) == 1 and rows[0]["num_mentions"] == 2


@pytest.mark.parametrize("second, same", [
    (dict(date="2021-12-31"), True),               # next day: inside the ±1 day window
    (dict(date="2022-01-01"), False),              # two days later: another meeting
    (dict(status="future"), False),                # a planned meeting is not the meeting
    (dict(location=KYIV), False),                  # another country
    (dict(location=None), True),                   # no location named: compatible
])
def test_cluster_boundaries(store, second, same):
    first = event("CONSULT", "040", "joe-biden", "vladimir-putin", location=GENEVA)
    other = event("CONSULT", "040", "joe-biden", "vladimir-putin", **{"location": GENEVA, **second})
    rows = store_events(store, [first], [other])
    assert len(rows) == (1 if same else 2)


def test_unresolved_actors_match_on_their_text(store):
    def protest(text):
        mention = event("PROTEST", "141", None, None, location=KYIV)
        mention.actor = ActorRef(text)
        return mention

    rows = store_events(store, [protest("Protesters")], [protest("protesters")], [protest("Farmers")])
    assert sorted(r["num_mentions"] for r in rows) == [1, 2]
    assert all(r["actor_code"] is None for r in rows)
    assert sorted(r["actor_name"] for r in rows) == ["Farmers", "Protesters"]  # unresolved: the text read


def test_different_type_or_recipient_are_different_events(store):
    rows = store_events(store, [event("ASSAULT", "190", "russia", "ukraine")],
                        [event("THREATEN", "138", "russia", "ukraine")],
                        [event("ASSAULT", "190", "russia", "nato")])
    assert len(rows) == 3


def test_historical_events_cluster_on_their_own_date(store):
    war = lambda: event("ASSAULT", "190", "russia", "ukraine", date="2014", precision="year")  # noqa: E731
    undated = lambda: event("ASSAULT", "190", "russia", "ukraine", date=None)  # noqa: E731
    rows = store_events(store, [war()], [war(), undated()], [undated()])
    assert sorted((r["date"] or "-", r["num_mentions"]) for r in rows) == [("-", 2), ("2014", 2)]


def test_events_without_any_party_are_never_merged(store):
    rows = store_events(store, [event("AGREE", "030", None, None)], [event("AGREE", "030", None, None)])
    assert [r["num_mentions"] for r in rows] == [1, 1]


def test_actor_codes():
    assert actor_code(ActorRef("NATO", "nato", org="NATO", sector="IGO")) == "NATO"
    assert actor_code(ActorRef("Putin", "vladimir-putin", country="RUS", sector="GOV")) == "RUSGOV"
    assert actor_code(ActorRef("Ukraine", "ukraine", country="UKR")) == "UKR"
    assert actor_code(ActorRef("Protesters")) is None
    assert actor_key(ActorRef("The protesters")) == "text:the protesters"
    assert actor_key(ActorRef("Putin", "vladimir-putin", country="RUS", sector="GOV")) == "RUSGOV"
    assert actor_code(ActorRef("Wagner", "wagner-group")) == "wagner-group"
    assert actor_code(None) is None


def test_date_windows():
    assert date_window(event("AID", "070", None, None, date="2021-03-01")) == ("2021-02-28", "2021-03-02")
    assert date_window(event("AID", "070", None, None, date="2021-W05", precision="week")) == ("2021-W05",) * 2
    assert date_window(event("AID", "070", None, None, date=None)) == (None, None)
