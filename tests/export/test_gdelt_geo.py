"""GDELT geography: FIPS ADM1 codes, the ActionGeo fallbacks, and the GKG fields issue 14 fixed (DATE, Persons,
AllNames). Contract: the events file of a small project-written corpus, read with pandas under GDELT's 61 names."""
import csv
import re
from pathlib import Path

import pytest

from tests.storage.factories import document, save
from tidings.export import export, gdelt
from tidings.models import Mention
from tidings.storage import Store

FIXTURES = Path(__file__).parent / "fixtures"
SCHEMA = (Path(__file__).resolve().parents[3] / "shared" / "reference" / "gdelt_schema"
          / "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv")
#: ActionGeo_ADM1Code as GDELT writes it: the FIPS country code, then (below country level) two characters
ADM1 = r"[A-Z]{2}(?:[A-Z0-9]{2})?"

SACRAMENTO = dict(name="Sacramento", country="USA", admin1="California", feature="city", lat=38.58, lon=-121.49,
                  geonames_id=5389489)


def geo(**place):
    fields = gdelt.geo_fields(place.get("name"), place.get("country"), place.get("admin1"), place.get("feature"),
                              place.get("lat"), place.get("lon"), place.get("geonames_id"))
    return None if fields is None else dict(zip(("type", "full", "country", "adm1", "adm2", "lat", "lon", "feature"),
                                                fields, strict=True))


def test_us_city_and_state_adm1_are_fips_country_and_state_codes():
    city = geo(**SACRAMENTO)
    assert (city["type"], city["adm1"], city["country"], city["feature"]) == ("3", "USCA", "US", "5389489")
    assert city["full"] == "Sacramento, California, United States"
    state = geo(name="California", country="USA", admin1="California", feature="admin1", lat=37.25, lon=-119.75,
                geonames_id=5332921)
    assert (state["type"], state["adm1"], state["feature"]) == ("2", "USCA", "CA")  # GDELT: the state code


@pytest.mark.parametrize("place, adm1", [
    (dict(name="Geneva", country="CHE", feature="city", lat=46.2, lon=6.15, geonames_id=2660646), "SZ07"),
    (dict(name="Kharkiv", country="UKR", feature="city", lat=49.98, lon=36.25, geonames_id=706483), "UP07"),
    (dict(name="Tigray", country="ETH", admin1="Tigray", feature="admin1", lat=14.0, lon=38.8), "ET53"),
    (dict(name="Toronto", country="CAN", admin1="Ontario", feature="city", lat=43.7, lon=-79.4), "CA08"),
    (dict(name="London", country="GBR", admin1="England", feature="city", lat=51.5, lon=-0.13, geonames_id=2643743),
     "UK00"),  # GeoNames' ENG is no FIPS code: "(general)", as GDELT writes an unknown division
    (dict(name="Russia", country="RUS", feature="country", lat=60.0, lon=100.0), "RS"),
])
def test_world_adm1_codes_have_gdelts_shape(place, adm1):
    fields = geo(**place)
    assert fields["adm1"] == adm1 and re.fullmatch(ADM1, fields["adm1"])
    assert fields["type"] == ("1" if place["feature"] == "country" else "5" if place["feature"] == "admin1" else "4")


def test_a_place_without_a_country_is_no_gdelt_place():
    assert geo(name="Black Sea", feature="water", lat=43.0, lon=35.0) is None


def cluster(**fields):
    row = {key: None for key in ("location_name", "location_text", "location_country", "location_admin1",
                                 "location_feature", "location_lat", "location_lon", "location_geonames_id",
                                 "sentence_place", "dateline", "recipient_country", "actor_country")}
    row.update(fields)
    return row


SENTENCE_PLACE = ('{"text": "Sacramento", "name": "Sacramento", "country": "USA", "admin1": "California", '
                  '"lat": 38.58, "lon": -121.49, "geonames_id": 5389489, "feature": "city"}')


def test_action_geo_falls_back_in_order():
    own = cluster(location_name="Kyiv", location_country="UKR", location_lat=50.45, location_lon=30.52,
                  location_geonames_id=703448, sentence_place=SENTENCE_PLACE, dateline="GENEVA (AP)",
                  recipient_country="RUS", actor_country="USA")
    assert gdelt.action_geo(own)[1] == "Kyiv, Ukraine"
    sentence = {**own, "location_name": None, "location_country": None}
    assert gdelt.action_geo(sentence)[1:4] == ["Sacramento, California, United States", "US", "USCA"]
    dateline = {**sentence, "sentence_place": None}
    assert gdelt.action_geo(dateline)[:4] == ["4", "Geneva, Switzerland", "SZ", "SZ07"]
    recipient = {**dateline, "dateline": "NOWHEREVILLE (AP)"}
    assert gdelt.action_geo(recipient)[:4] == ["1", "Russia", "RS", "RS"]
    actor = {**recipient, "recipient_country": None}
    assert gdelt.action_geo(actor)[:4] == ["1", "United States", "US", "US"]
    assert gdelt.action_geo(cluster()) is None  # nothing known: type 0, no invented place


def test_a_location_without_coordinates_or_country_is_passed_over():
    row = cluster(location_text="the border", recipient_country="UKR")
    assert gdelt.action_geo(row)[:2] == ["1", "Ukraine"]
    assert gdelt.country_geo("UKR")[5:7] == ["49", "32"]  # the gazetteer's centroid, never a guess


def test_gkg_date_of_an_undated_article_is_its_ingest_time(tmp_path):
    doc = document("undated", "Officials met in Geneva on Thursday to discuss the ceasefire.", published=None)
    doc.article.published = None
    with Store.open(tmp_path / "gkg.db") as store:
        save(store, doc)
        out = tmp_path / "gkg.tsv"
        export(store, "gdelt-gkg", out)
        stored = store.load_document("undated").stored_at
    row = dict(zip(gdelt.GKG_COLUMNS, out.read_text(encoding="utf-8").rstrip("\n").split("\t"), strict=True))
    assert row["DATE"] == gdelt.stamp(stored) and row["DATE"] != "0" * 14 and re.fullmatch(r"\d{14}", row["DATE"])
    assert row["GKGRECORDID"].startswith(row["DATE"])


@pytest.mark.parametrize("text, name", [
    ("President Joe Biden", "Joe Biden"),
    ("Russian President Vladimir Putin", "Vladimir Putin"),
    ("U.N. human rights chief Michelle Bachelet", "Michelle Bachelet"),
    ("Britain’s Foreign Secretary Liz Truss", "Liz Truss"),
    ("its envoy Robert Malley", "Robert Malley"),
    ("Senior General Min Aung Hlaing", "Min Aung Hlaing"),
    ("Martin Luther King", "Martin Luther King"),
    ("Khalil al-Hayya", "Khalil al-Hayya"),
    ("Kremlin-friendly president", None),
])
def test_gkg_persons_drop_titles(text, name):
    found = gdelt.proper_name(text)
    assert (found and found[0]) == name
    if found:
        assert text[found[1]:] == name


def test_gkg_persons_and_all_names_hold_proper_names_only():
    text = "President Joe Biden said troops and Russian officials met in Geneva with the African Union."
    doc = document("names", text)
    doc.mentions = [Mention(0, 19, "President Joe Biden", "PERSON"), Mention(25, 31, "troops", "NOMINAL"),
                    Mention(36, 43, "Russian", "NORP"), Mention(36, 53, "Russian officials", "NOMINAL"),
                    Mention(61, 67, "Geneva", "GPE"), Mention(73, 89, "the African Union", "ORG")]
    row = dict(zip(gdelt.GKG_COLUMNS, gdelt.gkg_row(doc, 1), strict=True))
    assert row["Persons"] == "Joe Biden" and row["V2Persons"] == "Joe Biden,10"
    assert row["AllNames"] == "Joe Biden,10;Geneva,61;African Union,77"


# --- contract: a small corpus through the whole pipeline, read as GDELT's readers do -----------------------


@pytest.fixture(scope="module")
def corpus_events(tmp_path_factory):
    from tidings.batch.ingest import ingest

    folder = tmp_path_factory.mktemp("wire")
    with Store.open(folder / "wire.db") as store:
        ingest([str(FIXTURES / "wire.jsonl")], store=store, min_confidence=0)  # the export contract, not the scorer
        export(store, "gdelt-events", folder / "events.tsv", undated="published")
    return folder / "events.tsv"


def test_corpus_events_read_with_gdelts_column_names(corpus_events):
    pandas = pytest.importorskip("pandas")
    names = gdelt.EVENT_COLUMNS
    if SCHEMA.exists():
        with SCHEMA.open(encoding="utf-8") as f:
            assert [row["tableId"] for row in csv.DictReader(f)] == names
    events = pandas.read_csv(corpus_events, sep="\t", header=None, names=names, dtype=str, keep_default_na=False,
                             quoting=csv.QUOTE_NONE)
    assert len(events) >= 4 and list(events.columns) == names
    located = events[events["ActionGeo_Type"] != "0"]
    assert len(located) / len(events) >= 0.9  # GDELT locates 98 % of its events
    assert located["ActionGeo_ADM1Code"].str.fullmatch(ADM1).all(), list(located["ActionGeo_ADM1Code"])
    assert (located["ActionGeo_ADM1Code"].str[:2] == located["ActionGeo_CountryCode"]).all()
    below_country = located[located["ActionGeo_Type"] != "1"]
    assert (below_country["ActionGeo_ADM1Code"].str.len() == 4).all()
    assert located["ActionGeo_Lat"].astype(float).between(-90, 90).all()
    assert "USCA" in set(events["ActionGeo_ADM1Code"]) and "USTX" in set(events["ActionGeo_ADM1Code"])
