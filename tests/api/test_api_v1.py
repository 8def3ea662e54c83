"""API v1 (#13): path-safe ids, pages with totals, sorting, one validation for every filter, streamed
downloads, typed OpenAPI, rolled-up daily counts, trigger offsets, favicon and HEAD."""
import csv
import dataclasses
import io
import json
from urllib.parse import quote

import httpx
import pytest
from fastapi.testclient import TestClient

from tests.api.live import serve
from tests.storage.factories import GENEVA, KYIV, document, event, save
from tidings.api import MAX_LIMIT, create_app
from tidings.learn.scorer import default_min_confidence
from tidings.models import SentenceRef, Trigger
from tidings.storage import Store
from tidings.storage.synthetic import insert_synthetic_events

TALKS = "Joe Biden and Vladimir Putin met in Geneva on Thursday, aides said."
SHELLING = "Russian forces shelled Kyiv overnight. In 2014 Russia annexed Crimea, officials recalled."
SLASHED = ["news/2021/12/talks", "wire/a b?c#d&e=%2F", "feeds/ünï/story.html"]


def located(text, word, **kw):
    """An event whose trigger and sentence offsets point at ``word`` in ``text``."""
    start = text.index(word)
    made = event(**kw)
    return dataclasses.replace(made, trigger=Trigger(word, start, start + len(word)),
                               sentence=SentenceRef(0, 0, len(text)))


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("v1") / "v1.db"
    no_sentence = dataclasses.replace(event("ACCUSE", "112", "russia", "ukraine", index=1), sentence=None,
                                      trigger=None)
    with Store.open(path) as store:
        save(store,
             document(SLASHED[0], TALKS, source="Wire", events=[
                 located(TALKS, "met", type_="CONSULT", cameo="040", actor="joe-biden", recipient="vladimir-putin",
                         location=GENEVA)]),
             document(SLASHED[1], SHELLING, source="Courier", published="2021-12-28", events=[
                 dataclasses.replace(located(SHELLING, "shelled", type_="ASSAULT", cameo="195", actor="russia",
                                             recipient="ukraine", location=KYIV, date="2021-12-28"), goldstein=-10.0,
                                     quad_class=4),
                 dataclasses.replace(located(SHELLING, "annexed", type_="COERCE", cameo="172", actor="russia",
                                             recipient="ukraine", date="2014", precision="year", index=2),
                                     historical=True, quad_class=4, goldstein=-7.0)]),
             document(SLASHED[2], "Russia accused Ukraine of provocations.", published="2021-12-29",
                      events=[no_sentence]))
    return path


@pytest.fixture(scope="module")
def client(db):
    return TestClient(base_url="http://localhost", app=create_app(db))


def get(client, path, **params):
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.fixture(scope="module")
def server(db):
    """A real server: Starlette's TestClient decodes paths twice, so ids holding "%2F" need a socket."""
    with serve(create_app(db)) as url:
        yield url


@pytest.mark.parametrize("article_id", SLASHED)
def test_ids_with_slashes_open_raw_or_encoded(server, article_id):
    with httpx.Client(base_url=server) as http:
        for path in ("/api/articles/" + quote(article_id, safe=""), "/api/articles/" + quote(article_id, safe="/")):
            response = http.get(path)
            assert response.status_code == 200, (path, response.text)
            assert response.json()["article"]["id"] == article_id
        missing = http.get("/api/articles/" + quote(article_id + "/nope", safe=""))
        assert missing.status_code == 404 and missing.json()["detail"].startswith("no article")


@pytest.mark.parametrize("mentions", [False, True])
def test_every_evidence_link_opens_its_article(server, mentions):
    with httpx.Client(base_url=server) as http:
        rows = http.get("/api/events", params={"mentions": mentions}).json()["items"]
        assert len(rows) == 4 and all(r["article_id"] for r in rows)
        for row in rows:
            doc = http.get("/api/articles/" + quote(row["article_id"], safe=""))
            assert doc.status_code == 200 and doc.json()["article"]["id"] == row["article_id"]


def test_an_event_without_sentence_or_trigger_does_not_break_its_article(client):
    doc = get(client, "/api/articles/" + quote(SLASHED[2], safe=""))
    assert doc["events"][0]["sentence"] is None and doc["events"][0]["trigger"] is None


def test_default_event_rows_carry_trigger_offsets_source_url_and_scores(client):
    rows = {r["type"]: r for r in get(client, "/api/events")["items"]}
    assault = rows["ASSAULT"]
    text = SHELLING
    assert text[assault["trigger_start"]:assault["trigger_end"]] == "shelled" == assault["trigger"]
    sentence = assault["sentence"]
    assert sentence[assault["trigger_start"] - assault["sentence_start"]:][:7] == "shelled"
    assert assault["source"] == "Courier" and assault["url"] == f"https://example.org/{SLASHED[1]}"
    assert assault["goldstein"] == -10.0 and assault["quad_class"] == 4
    assert assault["date_label"] == "28 Dec 2021" and rows["COERCE"]["date_label"] == "2014"


def test_pages_have_totals_and_offsets(client):
    page = get(client, "/api/events", limit=2)
    assert page["total"] == 4 and len(page["items"]) == 2 and page["offset"] == 0 and page["sort"] == "-date"
    rest = get(client, "/api/events", limit=2, offset=2)
    assert rest["total"] == 4 and len(rest["items"]) == 2
    assert {r["cluster"] for r in page["items"]}.isdisjoint(r["cluster"] for r in rest["items"])
    beyond = get(client, "/api/events", offset=10)
    assert beyond["total"] == 4 and beyond["items"] == []
    articles = get(client, "/api/articles", limit=1, offset=1)
    assert articles["total"] == 3 and len(articles["items"]) == 1
    assert get(client, "/api/quotes", limit=1)["total"] == 3


def test_sorting(client):
    ascending = [r["goldstein"] for r in get(client, "/api/events", sort="goldstein")["items"]]
    assert ascending == sorted(ascending)
    types = [r["type"] for r in get(client, "/api/events", sort="-type")["items"]]
    assert types == sorted(types, reverse=True)
    dates = [r["day"] for r in get(client, "/api/events", sort="date")["items"]]
    assert dates == sorted(dates)
    response = client.get("/api/events", params={"sort": "loudness"})
    assert response.status_code == 400 and "goldstein" in response.json()["allowed"]
    assert client.get("/api/events", params={"sort": "confidence"}).status_code == 400  # mentions only
    assert get(client, "/api/events", sort="-confidence", mentions=True)["sort"] == "-confidence"


@pytest.mark.parametrize("path", ["/api/events", "/api/actors", "/api/stats/daily", "/api/stats/dyads",
                                  "/api/stats/places", "/api/events.csv", "/api/events.jsonl"])
@pytest.mark.parametrize("params, message, allowed", [
    ({"type": "INVADE"}, "bad --type (given value)", "ASSAULT"),
    ({"country": "Atlantis"}, "bad --country (given value)", "RUS"),
    ({"country": "Rusia"}, "did you mean RUS (Russia)", "RUS"),
    ({"status": "rumoured"}, "bad --status (given value)", None),
    ({"since": "yesterday"}, "bad date for --since", None),
    ({"limit": "0"}, "bad limit", None),
    ({"min_confidence": "2"}, "bad min_confidence", None),
])
def test_every_filter_is_validated_the_same_way_on_every_event_view(client, path, params, message, allowed):
    response = client.get(path, params=params)
    assert response.status_code == 400, response.text
    body = response.json()
    assert message in body["detail"] and "\n" not in body["detail"]
    if allowed:
        assert allowed in body["allowed"]


@pytest.mark.parametrize("name", ["Ukraine", "ukraine", "UKR", "ukr"])
def test_country_by_name_or_code(client, name):
    assert sorted(r["type"] for r in get(client, "/api/events", country=name)["items"]) == [
        "ACCUSE", "ASSAULT", "COERCE"]


def test_countries_endpoint_lists_codes_and_names(client):
    countries = {c["code"]: c["name"] for c in get(client, "/api/countries")}
    assert countries["RUS"] == "Russia" and len(countries) > 190


def test_historical_and_confidence_filters(client):
    assert [r["type"] for r in get(client, "/api/events", historical="true")["items"]] == ["COERCE"]
    assert "COERCE" not in [r["type"] for r in get(client, "/api/events", historical="false")["items"]]
    assert get(client, "/api/events", min_confidence=0.99)["total"] == 0
    rows = get(client, "/api/events", mentions=True, min_confidence=0)["items"]
    assert all(r["candidate"] is False for r in rows)  # the factories' events pass the threshold


def test_favicon_and_head():
    client = TestClient(base_url="http://localhost", app=create_app("/nonexistent/store.db"))
    icon = client.get("/favicon.ico")
    assert icon.status_code == 200 and icon.headers["content-type"] == "image/x-icon" and icon.content[:4] == (
        b"\x00\x00\x01\x00")
    for path in ("/", "/docs", "/favicon.ico"):
        head = client.head(path)
        assert head.status_code == 200 and head.content == b""


def test_openapi_documents_every_field_parameter_and_error(client):
    spec = get(client, "/openapi.json")
    schemas = spec["components"]["schemas"]
    for name in ("EventCluster", "EventMention", "EventPage", "ArticlePage", "QuotePage", "PeriodCounts",
                 "DocumentOut", "EventOut", "Error", "Summary", "ActorRow"):
        assert schemas[name]["properties"], name
    for name in ("EventCluster", "EventMention", "PeriodRow", "ArticleRow"):
        undocumented = [f for f, s in schemas[name]["properties"].items() if not s.get("description")]
        assert undocumented == [], (name, undocumented)
    assert "trigger_start" in schemas["EventCluster"]["properties"]
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            for parameter in operation.get("parameters", []):
                assert parameter.get("description"), (path, parameter["name"])
            names = [p["name"] for p in operation.get("parameters", [])]
            assert len(names) == len(set(names)), (path, names)
            assert {"400", "503"} <= set(operation["responses"]), path
            if method == "get":
                assert "422" not in operation["responses"], path
    assert "404" in spec["paths"]["/api/articles/{article_id}"]["get"]["responses"]
    country = next(p for p in spec["paths"]["/api/events"]["get"]["parameters"] if p["name"] == "country")
    assert "Russia" in country["description"]


# --- a bigger store: downloads without a row cap, daily counts rolled up ---------------------------------------

@pytest.fixture(scope="module")
def big(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "big.db"
    with Store.open(path) as store:
        insert_synthetic_events(store, 3000, seed=5)  # ~1,500 clusters over three years
    return TestClient(base_url="http://localhost", app=create_app(path))


def test_csv_download_streams_every_matching_row(big):
    total = get(big, "/api/events", limit=1)["total"]
    assert total > MAX_LIMIT
    response = big.get("/api/events.csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert 'filename="tidings-events.csv"' in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == total and {"cluster", "date_label", "goldstein", "trigger_start"} <= set(rows[0])
    assert rows[0]["cluster"] == str(get(big, "/api/events", limit=1)["items"][0]["cluster"])
    ukraine = get(big, "/api/events", country="Ukraine", type="ASSAULT", limit=1)["total"]
    filtered = big.get("/api/events.csv", params={"country": "Ukraine", "type": "ASSAULT"}).text
    assert len(filtered.splitlines()) == ukraine + 1


def test_jsonl_download_of_mentions(big):
    total = get(big, "/api/events", mentions=True, limit=1)["total"]
    lines = big.get("/api/events.jsonl", params={"mentions": "true"}).text.splitlines()
    assert len(lines) == total > MAX_LIMIT
    first = json.loads(lines[0])
    assert {"article_id", "event_id", "candidate", "confidence"} <= set(first)
    assert big.get("/api/events.jsonl", params={"limit": 5, "offset": 3}).text.count("\n") == 5


def test_an_empty_download_still_has_its_header(big):
    text = big.get("/api/events.csv", params={"since": "1990", "until": "1990"}).text
    assert text.splitlines()[0].startswith("cluster,") and len(text.splitlines()) == 1


def test_daily_counts_roll_up_by_range_and_stay_small(big):
    auto = big.get("/api/stats/daily")
    assert auto.status_code == 200 and len(auto.content) <= 200_000
    body = auto.json()
    assert body["bucket"] == "month" and not body["truncated"]
    assert body["rows"][0]["label"] == "Jan 2019" and body["rows"][0]["date"] == "2019-01-01"
    clusters = get(big, "/api/events", limit=1)["total"]
    assert sum(r["events"] for r in body["rows"]) == clusters  # synthetic dates are day-precise
    quarter = get(big, "/api/stats/daily", since="2019-01", until="2019-03")
    assert quarter["bucket"] == "day"
    half = get(big, "/api/stats/daily", since="2019-01", until="2020-06")
    assert half["bucket"] == "week" and half["rows"][0]["label"].startswith("week of ")
    days = big.get("/api/stats/daily", params={"bucket": "day"})
    assert len(days.content) <= 200_000 and len(days.json()["rows"]) <= MAX_LIMIT and days.json()["truncated"]
    limited = get(big, "/api/stats/daily", bucket="week", limit=40)
    assert len(limited["rows"]) <= 40 and limited["truncated"]
    assert limited["rows"][-1]["date"] == half_last(big)  # the latest periods are kept
    assert big.get("/api/stats/daily", params={"bucket": "fortnight"}).status_code == 400


def half_last(big):
    return get(big, "/api/stats/daily", bucket="week", limit=MAX_LIMIT)["rows"][-1]["date"]


def test_candidates_show_only_when_asked(tmp_path):
    threshold = default_min_confidence()
    if threshold <= 0.05:
        pytest.skip("the event scorer has no threshold to fall below")
    weak = dataclasses.replace(event("ACCUSE", "112", "russia", "ukraine"), confidence=threshold / 4)
    with Store.open(tmp_path / "c.db") as store:
        save(store, document("weak", "Russia accused Ukraine of provocations.", events=[weak]))
    client = TestClient(base_url="http://localhost", app=create_app(tmp_path / "c.db"))
    assert get(client, "/api/events")["total"] == 0
    assert get(client, "/api/events", mentions=True)["total"] == 0
    rows = get(client, "/api/events", mentions=True, min_confidence=0)["items"]
    assert [r["candidate"] for r in rows] == [True]


def test_csv_cells_a_spreadsheet_would_run_are_quoted_but_numbers_are_not(tmp_path):
    text = "Russian forces shelled Kyiv overnight, officials said."
    doc = document("=HYPERLINK(1)", text, source="@Courier", title='=HYPERLINK("http://evil.example","x")',
                   events=[dataclasses.replace(located(text, "shelled", type_="ASSAULT", cameo="195", actor="russia",
                                                       recipient="ukraine"), goldstein=-5.0)])
    with Store.open(tmp_path / "csv.db") as store:
        save(store, doc)
    client = TestClient(base_url="http://localhost", app=create_app(tmp_path / "csv.db"))
    [row] = list(csv.DictReader(io.StringIO(client.get("/api/events.csv").text)))
    assert row["title"] == "'" + doc.article.title and row["source"] == "'@Courier"
    assert row["article_id"] == "'=HYPERLINK(1)"
    assert row["goldstein"] == "-5.0" and float(row["goldstein"]) == -5.0
    [line] = client.get("/api/events.jsonl").text.splitlines()  # JSON lines are data, not a spreadsheet: as stored
    assert json.loads(line)["title"] == doc.article.title


def test_responses_are_compressed_and_the_map_stays_small(client):
    shapes = client.get("/static/vendor/world-atlas/countries-110m.json", headers={"Accept-Encoding": "gzip"})
    assert shapes.status_code == 200 and shapes.headers["content-encoding"] == "gzip"
    assert shapes.num_bytes_downloaded < 50_000 < len(shapes.content)
    assert shapes.headers["content-security-policy"].startswith("default-src 'self'")
    plain = client.get("/static/vendor/world-atlas/countries-110m.json", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.content == shapes.content
    download = client.get("/api/events.csv", headers={"Accept-Encoding": "gzip"})
    assert download.headers["content-encoding"] == "gzip" and download.text.startswith("cluster,")


@pytest.mark.parametrize("path", ["/api/actors", "/api/stats/dyads", "/api/stats/places", "/api/stats/countries"])
def test_leaving_out_background_events_uses_the_running_totals_and_agrees_with_a_full_count(client, path):
    """historical=false alone (the dashboard's default) reads the running totals less the background clusters;
    until=9999 (true of every dated cluster here) forces the general query: both must agree."""
    current = get(client, path, historical="false")
    assert current == get(client, path, historical="false", until="9999")
    if path != "/api/stats/places":  # the 2014 annexation has no place
        assert current != get(client, path)  # it is left out
    assert current == get(client, path, historical="false", limit=1000)


def test_the_running_totals_less_background_events_count_right(client):
    actors = {a["id"]: (a["as_actor"], a["as_recipient"]) for a in get(client, "/api/actors", historical="false")}
    assert actors["russia"] == (2, 0) and actors["ukraine"] == (0, 2)
    dyads = {(d["actor_code"], d["recipient_code"]): d["events"] for d in get(client, "/api/stats/dyads",
                                                                              historical="false")}
    assert dyads[("RUS", "UKR")] == 2
    countries = {c["country"]: c["events"] for c in get(client, "/api/stats/countries", historical="false")}
    assert countries["UKR"] == 2 == get(client, "/api/events", country="UKR", historical="false")["total"]
