"""The HTTP API: every endpoint, filters, errors, the token on writes, untrusted text kept as data."""
import re

import pytest
from fastapi.testclient import TestClient

from tests.storage.factories import GENEVA, KYIV, document, event, save
from tidings.api import STATIC, create_app
from tidings.storage import Store

TALKS = ("U.S. President Joe Biden and Russian President Vladimir Putin held talks in Geneva on Thursday, "
         "aides said, in a bid to cool tensions over the Russian troop build-up near Ukraine.")
HOSTILE = ("<script>alert('owned')</script> Russian forces shelled Kyiv <img src=x onerror=alert(1)> overnight, "
           "officials said.")


def build_store(path):
    with Store.open(path) as store:
        save(store,
             document("talks", TALKS, source="Wire", events=[
                 event("CONSULT", "040", "joe-biden", "vladimir-putin", location=GENEVA)]),
             document("hostile", HOSTILE, source="Courier", title="<b>Kyiv</b> shelled", published="2021-12-28",
                      events=[event("ASSAULT", "195", "russia", "ukraine", location=KYIV, date="2021-12-28")]))
    return path


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """The shared read-only store."""
    return build_store(tmp_path_factory.mktemp("api") / "api.db")


@pytest.fixture
def writable_db(tmp_path):
    return build_store(tmp_path / "api.db")


@pytest.fixture(scope="module")
def client(db):
    return TestClient(base_url="http://localhost", app=create_app(db, token=None))


def items(client, path, **params):
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()["items"]


class FakePipeline:
    """Stands in for the NLP pipeline: a Document with the posted text and no annotations."""

    def process(self, raw):
        return self._doc(raw)

    def process_many(self, raws, raise_errors=False):
        return [self._doc(raw) for raw in raws]

    @staticmethod
    def _doc(raw):
        return document(raw.id, raw.text or raw.html, source=raw.source)


def test_events_filters_and_mentions(client):
    rows = client.get("/api/events").json()["items"]
    assert sorted(r["type"] for r in rows) == ["ASSAULT", "CONSULT"]
    assert [r["type"] for r in items(client, "/api/events", actor="joe-biden")] == ["CONSULT"]
    assert [r["type"] for r in items(client, "/api/events", country="UKR")] == ["ASSAULT"]
    assert items(client, "/api/events", type="19", since="2021-12-29") == []
    mentions = client.get("/api/events", params={"mentions": "true", "limit": 1}).json()
    assert len(mentions["items"]) == 1 and "trigger" in mentions["items"][0] and mentions["total"] == 2


def test_bad_filters_are_400_with_the_reason(client):
    response = client.get("/api/events", params={"since": "yesterday"})
    assert response.status_code == 400 and "bad date" in response.json()["detail"]
    assert client.get("/api/events", params={"status": "rumoured"}).status_code == 400
    assert client.get("/api/events", params={"limit": 0}).status_code == 400


def test_listings(client):
    assert items(client, "/api/quotes", actor="vladimir-putin")[0]["speaker_actor_id"] == "vladimir-putin"
    assert {r["id"] for r in client.get("/api/actors").json()} >= {"joe-biden", "russia"}
    assert [r["id"] for r in items(client, "/api/articles", since="2021-12-30")] == ["talks"]
    assert client.get("/api/search", params={"q": "Geneva"}).json()[0]["id"] == "talks"
    assert client.get("/api/failures").json() == []
    daily = client.get("/api/stats/daily").json()["rows"]
    assert {(r["date"], r["type"]) for r in daily} == {("2021-12-28", "ASSAULT"), ("2021-12-30", "CONSULT")}
    assert client.get("/api/stats/dyads").json()[0]["events"] == 1
    places = client.get("/api/stats/places").json()
    assert {p["name"] for p in places} == {"Geneva", "Kyiv"} and all(p["lat"] is not None for p in places)
    summary = client.get("/api/summary").json()
    assert summary["articles"] == 2 and summary["events"] == 2 and summary["writes_enabled"] is False


def test_article_is_the_document_contract(client):
    doc = client.get("/api/articles/hostile").json()
    assert doc["schema"] == "tidings.document/1" and doc["article"]["text"] == HOSTILE
    assert doc["events"][0]["type"] == "ASSAULT"
    assert client.get("/api/articles/missing").status_code == 404


def test_extract_runs_the_pipeline_without_storing(db):
    client = TestClient(base_url="http://localhost", app=create_app(db, pipeline=FakePipeline()))
    response = client.post("/api/extract", json={"text": "NATO ministers met in Brussels.", "id": "posted"})
    assert response.status_code == 200 and response.json()["article"]["id"] == "posted"
    assert client.post("/api/extract", json={"text": "a", "html": "<p>a</p>"}).status_code == 422
    assert client.get("/api/summary").json()["articles"] == 2


def test_writes_need_the_configured_token(writable_db):
    db = writable_db
    body = {"articles": [{"id": "brief", "text": "NATO ministers met in Brussels on Friday.", "source": "Wire"}]}
    unconfigured = TestClient(base_url="http://localhost", app=create_app(db, token=None))
    assert unconfigured.post("/api/ingest", json=body).status_code == 403
    client = TestClient(base_url="http://localhost", app=create_app(db, token="s3cret", pipeline=FakePipeline()))
    assert client.post("/api/ingest", json=body).status_code == 401
    wrong = client.post("/api/ingest", json=body, headers={"Authorization": "Bearer guess"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
    ok = client.post("/api/ingest", json=body, headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 200 and ok.json()["stored"] == 1
    again = client.post("/api/ingest", json=body, headers={"Authorization": "Bearer s3cret"})
    assert again.json()["already_done"] == 1
    assert client.get("/api/articles/brief").json()["article"]["source"] == "Wire"


def test_token_from_the_environment(writable_db, monkeypatch):
    db = writable_db
    monkeypatch.setenv("TIDINGS_TOKEN", "from-env")
    client = TestClient(base_url="http://localhost", app=create_app(db, pipeline=FakePipeline()))
    response = client.post("/api/ingest", headers={"Authorization": "Bearer from-env"},
                           json={"articles": [{"id": "env", "text": "Talks resumed in Vienna."}]})
    assert response.status_code == 200


def test_missing_store_is_503(tmp_path):
    response = TestClient(base_url="http://localhost", app=create_app(tmp_path / "none.db")).get("/api/events")
    assert response.status_code == 503 and "no store" in response.json()["detail"]


def test_untrusted_text_stays_json_and_pages_forbid_inline_scripts(client):
    response = client.get("/api/articles/hostile")
    assert response.headers["content-type"] == "application/json"
    assert "<script>" in response.json()["article"]["text"]  # stored verbatim, escaped by the page
    for path in ("/", "/docs"):
        page = client.get(path)
        assert page.status_code == 200 and "script-src 'self'" in page.headers["content-security-policy"]
        assert page.headers["x-content-type-options"] == "nosniff"
        scripts = re.findall(r"<script[^>]*>(.*?)</script>", page.text, re.S)
        assert scripts and all(s.strip() == "" for s in scripts)  # only external scripts of our own
        assert "http://" not in page.text and "https://" not in page.text  # no CDN


def test_dashboard_code_never_writes_data_as_html():
    for name in ("app.js", "docs.js"):
        code = (STATIC / name).read_text(encoding="utf-8")
        assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function", code)
        assert "https://" not in code.replace("http://www.w3.org/2000/svg", "")
    app = (STATIC / "app.js").read_text(encoding="utf-8")
    assert "/^https?:\\/\\//i.test(url)" in app  # only web links become hrefs (no javascript: URLs)
    hrefs = re.findall(r"href: ([\w.]+)", app)
    assert set(hrefs) <= {"articleHref", "actorHref", "viewHref", "article.url", "row.url"}, hrefs  # same origin
    assert re.search(r"function viewHref\(changes\) \{\s+return stateUrl\(", app)
    assert "return location.pathname + " in app  # stateUrl: a path of this server, never a scheme
    for name in ("article.url", "row.url"):
        assert f"isWebUrl({name})" in app


def test_docs_page_is_served_locally_with_the_openapi_description(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/quotes", "/api/actors", "/api/articles", "/api/articles/{article_id}",
            "/api/search", "/api/failures", "/api/stats/daily", "/api/stats/dyads", "/api/summary",
            "/api/extract", "/api/ingest"} <= set(spec["paths"])
    assert client.get("/static/docs.js").status_code == 200
    assert client.get("/static/style.css").headers["content-type"].startswith("text/css")


@pytest.mark.parametrize("path, params, status, detail", [
    ("/api/articles/missing", {}, 404, "no article with this id"),
    ("/api/articles/" + "x" * 500, {}, 404, "no article with this id"),
    ("/api/events", {"until": "2021-02-30"}, 400, "bad date for --until: (given value)"),
    ("/api/events", {"mentions": "true", "country": "UKR", "since": "soon"}, 400, "bad date for --since"),
    ("/api/events", {"since": "2022", "until": "2021"}, 400, "--since (given value) is after --until (given value)"),
    ("/api/quotes", {"since": "last week"}, 400, "bad date for --since"),
    ("/api/actors", {"status": "rumoured"}, 400, "bad --status (given value)"),
    ("/api/articles", {"status": "asserted"}, 400, "bad --status (given value)"),
    ("/api/articles", {"until": "12/31/2021"}, 400, "bad date for --until"),
    ("/api/stats/daily", {"since": "2021-1"}, 400, "bad date for --since"),
    ("/api/stats/dyads", {"country": "IRN", "until": "tomorrow"}, 400, "bad date for --until"),
    ("/api/stats/places", {"since": "0000"}, 400, "bad date for --since"),
    ("/api/search", {"q": "   "}, 400, "search needs at least one word"),
])
def test_bad_input_is_a_clean_4xx_with_a_one_line_reason(client, path, params, status, detail):
    response = client.get(path, params=params)
    assert response.status_code == status and response.headers["content-type"] == "application/json"
    assert response.json() == {"detail": response.json()["detail"]} and "\n" not in response.json()["detail"]
    assert detail in response.json()["detail"]


@pytest.mark.parametrize("q", ['"', "NEAR(", "*", "a:b", "^", "-"])
def test_search_syntax_errors_are_not_server_errors(client, q):
    assert client.get("/api/search", params={"q": q}).json() == []


def test_country_filter_reaches_every_dashboard_view(client):
    params = {"country": "ukr"}
    assert [r["type"] for r in items(client, "/api/events", **params)] == ["ASSAULT"]
    assert [(r["actor_code"], r["recipient_code"]) for r in client.get("/api/stats/dyads", params=params).json()] == [
        ("RUS", "UKR")]
    assert {r["id"] for r in client.get("/api/actors", params=params).json()} == {"russia", "ukraine"}
    assert [r["name"] for r in client.get("/api/stats/places", params=params).json()] == ["Kyiv"]
    assert [r["date"] for r in client.get("/api/stats/daily", params=params).json()["rows"]] == ["2021-12-28"]


def test_a_broken_store_is_503_on_writes_too(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database" * 100)
    client = TestClient(base_url="http://localhost", app=create_app(junk, token="t", pipeline=FakePipeline()))
    assert client.get("/api/summary").status_code == 503
    response = client.post("/api/ingest", headers={"Authorization": "Bearer t"},
                           json={"articles": [{"id": "x", "text": "Talks resumed in Vienna."}]})
    assert response.status_code == 503 and "not a tidings store" in response.json()["detail"]


def test_an_id_with_a_lone_surrogate_is_escaped_not_a_server_error(writable_db):
    app = create_app(writable_db, token="s3cret", pipeline=FakePipeline())
    client = TestClient(base_url="http://localhost", app=app)
    body = '{"articles": [{"id": "a\\udc00", "text": "NATO ministers met in Brussels on Friday."}]}'
    response = client.post("/api/ingest", content=body, headers={"Authorization": "Bearer s3cret",
                                                                "Content-Type": "application/json"})
    assert response.status_code == 200 and response.json()["stored"] == 1
    assert client.get("/api/articles/a\\udc00").json()["article"]["id"] == "a\\udc00"


@pytest.mark.parametrize("path", ["/static/app.js%00.txt", "/static/" + "a" * 5000])
def test_static_paths_the_file_system_cannot_look_up_are_404(client, path):
    assert client.get(path).status_code == 404
