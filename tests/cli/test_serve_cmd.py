"""``tidings serve``: binds locally by default, refuses a missing store unless writes can fill it."""
import uvicorn
from click.testing import CliRunner

from tidings.cli import main
from tidings.storage import Store


def test_binds_localhost_by_default(tmp_path, monkeypatch):
    Store.open(tmp_path / "s.db").close()
    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    monkeypatch.delenv("TIDINGS_TOKEN", raising=False)
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "s.db")])
    assert result.exit_code == 0, result.output
    (app, options), = calls
    assert options["host"] == "127.0.0.1" and options["port"] == 8000
    assert "writes disabled" in result.output


def test_missing_store(tmp_path, monkeypatch):
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: None)
    monkeypatch.delenv("TIDINGS_TOKEN", raising=False)
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no store" in result.output
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "new.db"), "--token", "t"])
    assert result.exit_code == 0 and (tmp_path / "new.db").exists() and "writes enabled" in result.output


def test_host_names_and_body_limit_reach_the_app(tmp_path, monkeypatch):
    from fastapi.testclient import TestClient

    Store.open(tmp_path / "s.db").close()
    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    monkeypatch.delenv("TIDINGS_TOKEN", raising=False)
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "s.db"), "--host", "0.0.0.0",
                                       "--allow-host", "news.example.org", "--max-body", "100"])
    assert result.exit_code == 0, result.output
    (app, options), = calls
    assert options["host"] == "0.0.0.0"
    assert TestClient(app, base_url="http://news.example.org").get("/api/summary").status_code == 200
    assert TestClient(app, base_url="http://other.example").get("/api/summary").status_code == 400
    client = TestClient(app, base_url="http://localhost")
    assert client.post("/api/extract", json={"text": "x" * 200}).status_code == 413
    assert client.post("/api/extract", json={"text": "Talks."}).status_code == 403  # beyond loopback, no token


def test_the_configuration_names_the_store_and_the_pipeline_of_posted_articles(tmp_path, monkeypatch):
    from fastapi.testclient import TestClient

    from tidings import provenance

    config = tmp_path / "tidings.toml"
    config.write_text('[store]\ndb = "served.db"\n[places]\nmin_scan_population = 5000\n', encoding="utf-8")
    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append((app, kw)))
    result = CliRunner().invoke(main, ["--config", str(config), "serve", "--token", "t"])
    assert result.exit_code == 0 and "served.db" in result.output, result.output
    (app, _), = calls
    body = {"articles": [{"id": "brief", "text": "NATO ministers met in Brussels on Friday.", "source": "Wire"}]}
    client = TestClient(app, base_url="http://localhost")
    assert client.post("/api/ingest", json=body, headers={"Authorization": "Bearer t"}).json()["stored"] == 1
    with Store.open(tmp_path / "served.db") as store:
        (run,) = provenance.runs(store)
    assert run["config"]["places"]["min_scan_population"] == 5000 and run["articles"] == 1
