"""The API behind the actor page, the map's shading and the quotes view (#13): who an actor is, its events on
either side, its counterparts, event counts per country, and quotes searched, by and about an actor."""
import dataclasses

import pytest
from fastapi.testclient import TestClient

from tests.storage.factories import GENEVA, KYIV, document, event, ref, save
from tidings.api import create_app
from tidings.models import Mention, Quote
from tidings.storage import Store

TALKS = "Joe Biden and Vladimir Putin met in Geneva on Thursday, aides said."
SHELLING = "Russian forces shelled Kyiv overnight, Ukrainian officials said."
WARNING = "NATO warned Russia, and Joe Biden said: \"NATO will defend every inch of 100% of its land\"."


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("actor") / "actor.db"
    warning = document("wire/warning", WARNING, source="Wire", title="NATO warns Russia", published="2021-12-31",
                       events=[event("THREATEN", "130", "nato", "russia", index=0)])
    start = WARNING.index("\"") + 1
    biden_quote = Quote(WARNING[start:-2], start, len(WARNING) - 2, "direct", "said", warning.events[0].actor, 19, 28)
    biden_quote = dataclasses.replace(biden_quote, speaker=dataclasses.replace(
        warning.events[0].actor, text="Joe Biden", actor_id="joe-biden", name="Joe Biden", country="USA",
        sector="GOV", org=None))
    nato_at = WARNING.index("NATO will")
    warning.mentions = [Mention(0, 4, "NATO", "ORG", "nato"), Mention(nato_at, nato_at + 4, "NATO", "ORG", "nato")]
    own_words = Quote("NATO warned Russia", 0, 18, "indirect", "warned", ref("nato"), 0, 4)  # names NATO itself
    warning.quotes = [biden_quote, own_words]
    with Store.open(path) as store:
        save(store,
             document("news/talks", TALKS, events=[event("CONSULT", "040", "joe-biden", "vladimir-putin",
                                                         location=GENEVA)]),
             document("news/shelling", SHELLING, published="2021-12-28", events=[
                 dataclasses.replace(event("ASSAULT", "195", "russia", "ukraine", location=KYIV, date="2021-12-28"),
                                     goldstein=-10.0),
                 event("ACCUSE", "112", "ukraine", "russia", date="2021-12-28", index=1)]),
             warning)
    return TestClient(base_url="http://localhost", app=create_app(path))


def get(client, path, **params):
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("name", ["vladimir-putin", "Vladimir Putin", "  vladimir   PUTIN "])
def test_an_actor_is_found_by_id_or_name(client, name):
    profile = get(client, "/api/actors/" + name)
    assert (profile["id"], profile["name"], profile["kind"], profile["filter"]) == \
        ("vladimir-putin", "Vladimir Putin", "person", "vladimir-putin")
    assert (profile["as_actor"], profile["as_recipient"], profile["country"]) == (0, 1, "RUS")


def test_a_country_or_a_code_has_a_page_too(client):
    country = get(client, "/api/actors/Ukraine")
    assert country["id"] == "ukraine" and country["kind"] == "country"  # the stored country actor
    by_code = get(client, "/api/actors/UKR")
    assert (by_code["id"], by_code["kind"], by_code["code"], by_code["filter"]) == (None, "country", "UKR", "UKR")
    assert (by_code["as_actor"], by_code["as_recipient"]) == (1, 1)
    missing = client.get("/api/actors/Atlantis")
    assert missing.status_code == 404 and missing.json()["detail"].startswith("no actor")


def test_party_selects_events_on_either_side(client):
    both = get(client, "/api/events", party="russia")
    assert {(r["type"], r["actor_id"], r["recipient_id"]) for r in both["items"]} == {
        ("ASSAULT", "russia", "ukraine"), ("ACCUSE", "ukraine", "russia"), ("THREATEN", "nato", "russia")}
    assert get(client, "/api/events", party="russia", actor="ukraine")["total"] == 1
    assert get(client, "/api/stats/daily", party="vladimir-putin")["rows"][0]["type"] == "CONSULT"


def test_counterparts_count_both_directions_with_their_mean_goldstein(client):
    rows = {r["key"]: r for r in get(client, "/api/stats/counterparts", party="russia")}
    assert set(rows) == {"ukraine", "nato"}
    ukraine = rows["ukraine"]
    assert (ukraine["events"], ukraine["as_recipient"], ukraine["as_actor"]) == (2, 1, 1)
    assert ukraine["goldstein"] == pytest.approx((-10.0 + 1.0) / 2) and ukraine["name"] == "Ukraine"
    assert rows["nato"]["as_actor"] == 1 and rows["nato"]["as_recipient"] == 0
    assert [r["key"] for r in get(client, "/api/stats/counterparts", party="russia", type="ASSAULT")] == ["ukraine"]
    response = client.get("/api/stats/counterparts")
    assert response.status_code == 400 and "party" in response.json()["detail"]


def test_country_counts_are_what_the_country_filter_totals(client):
    counts = get(client, "/api/stats/countries")
    assert {c["country"]: c["events"] for c in counts} == {"RUS": 4, "UKR": 2, "USA": 1, "CHE": 1}
    assert next(c for c in counts if c["country"] == "CHE")["name"] == "Switzerland"
    for count in counts:
        assert get(client, "/api/events", country=count["country"], limit=1)["total"] == count["events"]
    assault = {c["country"]: c["events"] for c in get(client, "/api/stats/countries", type="ASSAULT")}
    assert assault == {"RUS": 1, "UKR": 1}


def test_quotes_carry_their_article_and_search_their_words(client):
    page = get(client, "/api/quotes", q="EVERY inch")
    assert page["total"] == 1
    [quote] = page["items"]
    assert (quote["article_id"], quote["title"], quote["speaker_name"]) == ("wire/warning", "NATO warns Russia",
                                                                           "Joe Biden")
    assert quote["url"] == "https://example.org/wire/warning" and quote["seq"] == 0
    assert get(client, "/api/quotes", q="100%")["total"] == 1
    assert get(client, "/api/quotes", q="1_0%")["total"] == 0  # LIKE wildcards are taken as they are
    assert get(client, "/api/quotes", q="joe biden")["total"] == 1  # the speaker's name counts too
    assert get(client, "/api/quotes", actor="Joe Biden", since="2021-12-31")["total"] == 1
    assert get(client, "/api/quotes", actor="Joe Biden", until="2021-12-30")["total"] == 0


def test_quotes_about_an_actor_name_it_inside_the_quote(client):
    about = get(client, "/api/quotes", about="NATO")
    assert [q["speaker_name"] for q in about["items"]] == ["Joe Biden"] and about["total"] == 1
    assert get(client, "/api/quotes", actor="NATO")["total"] == 1  # NATO's own words name NATO: not "about" it
    biden = get(client, "/api/quotes", about="joe-biden")  # factories: Putin's quote holds a Biden mention
    assert [(q["article_id"], q["speaker_actor_id"]) for q in biden["items"]] == [("news/talks", "vladimir-putin")]
    assert get(client, "/api/quotes", about="joe-biden", since="2021-12-31")["total"] == 0
    assert get(client, "/api/quotes", about="Atlantis")["total"] == 0


def test_new_endpoints_are_typed_in_openapi(client):
    spec = get(client, "/openapi.json")
    for path, model in [("/api/actors/{name}", "ActorProfile"), ("/api/stats/countries", "CountryCount"),
                        ("/api/stats/counterparts", "Counterpart")]:
        body = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert model in str(body)
        assert spec["components"]["schemas"][model]["properties"]
    params = {p["name"]: p for p in spec["paths"]["/api/quotes"]["get"]["parameters"]}
    assert params["about"]["description"] and params["q"]["description"]
    assert "404" in spec["paths"]["/api/actors/{name}"]["get"]["responses"]
