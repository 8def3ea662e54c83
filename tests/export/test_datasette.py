"""Datasette metadata: every table and column of a real store described, article search, internal tables hidden."""
import asyncio
import json
import sqlite3

import pytest
from click.testing import CliRunner

from tests.export.conftest import SHELLING, TALKS
from tests.storage.factories import KYIV, document, event, save
from tidings.cli import main
from tidings.export import export
from tidings.resources.export import DATASETTE, datasette_metadata
from tidings.storage import Store

INTERNAL = {"lsh_bands", "actor_counts", "dyad_counts", "event_cluster_countries", "event_countries", "place_counts",
            "migrations", "sqlite_stat1", "articles_fts"}


@pytest.fixture(scope="module")
def news(tmp_path_factory):
    """A real store named news.db (Datasette calls its database ``news``)."""
    path = tmp_path_factory.mktemp("datasette") / "news.db"
    with Store.open(path) as store:
        save(store, document("talks", TALKS),
             document("shelling", SHELLING, events=[event("ASSAULT", "195", "russia", "ukraine", location=KYIV)]))
    return path


def schema(path):
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    columns = {t: [r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')] for t in tables}
    conn.close()
    return columns


def test_every_table_and_column_of_a_store_is_described(news):
    tables = datasette_metadata("news")["databases"]["news"]["tables"]
    for table, columns in schema(news).items():
        assert table in tables, f"table {table} is not described"
        assert tables[table]["description"].strip(), table
        undescribed = [c for c in columns if not tables[table]["columns"].get(c, "").strip()]
        assert undescribed == [], f"{table}: {undescribed}"
    assert set(tables) == set(schema(news)), "metadata describes tables the store does not have"


def test_articles_declare_their_fts_table_and_internal_tables_are_hidden():
    tables = json.loads(DATASETTE.read_text(encoding="utf-8"))["databases"]["tidings"]["tables"]
    assert tables["articles"]["fts_table"] == "articles_fts" and tables["articles"]["fts_pk"] == "seq"
    hidden = {name for name, table in tables.items() if table.get("hidden")}
    assert INTERNAL <= hidden
    assert not hidden & {"articles", "events", "event_clusters", "actors", "quotes", "places", "failures"}


def test_export_writes_metadata_named_after_the_store(news, tmp_path):
    out = tmp_path / "meta.json"
    with Store.open(news) as store:
        export(store, "datasette-metadata", out)
    assert list(json.loads(out.read_text(encoding="utf-8"))["databases"]) == ["news"]
    result = CliRunner(mix_stderr=False).invoke(main, ["export", "--format", "datasette-metadata", "--out", "-",
                                                       "--db", str(news)])
    assert result.exit_code == 0 and "articles_fts" in json.loads(result.stdout)["databases"]["news"]["tables"]


def test_datasette_searches_articles_and_hides_internal_tables(news):
    datasette_app = pytest.importorskip("datasette.app")

    async def search(metadata):
        ds = datasette_app.Datasette([str(news)], metadata=metadata)
        await ds.invoke_startup()
        found = await ds.client.get("/news/articles.json?_search=outskirts&_shape=array")
        tables = (await ds.client.get("/news.json")).json()["tables"]
        return found.status_code, [row["id"] for row in found.json()], {t["name"]: t for t in tables}

    status, ids, tables = asyncio.run(search(datasette_metadata("news")))
    assert status == 200 and ids == ["shelling"]
    assert not tables["articles"]["hidden"] and not tables["event_clusters"]["hidden"]
    assert all(tables[name]["hidden"] for name in INTERNAL if name in tables)
    # without the metadata Datasette does not find the index (an external-content FTS5 table): no search
    _, unfiltered, _ = asyncio.run(search({}))
    assert sorted(unfiltered) == ["shelling", "talks"]
