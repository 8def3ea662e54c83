"""GDELT 2.0 events, mentions and GKG files: layout as the real files, values from the store."""
import csv
import re
from pathlib import Path

import pytest

from tests.storage.factories import document
from tidings.export import export, gdelt
from tidings.models import Quote
from tidings.query import Filters

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference"
SAMPLE = REFERENCE / "gdelt_events_sample_20191024143000.tsv"
SCHEMA = REFERENCE / "gdelt_schema" / "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"


def read_tsv(path: Path, names: list[str]) -> list[dict]:
    """How a GDELT reader loads a file: tab-separated, no header, no quoting, names from the schema."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert all(len(row) == len(names) for row in rows), {len(row) for row in rows}
    return [dict(zip(names, row, strict=True)) for row in rows]


def kind(value: str) -> str:
    if value == "":
        return "empty"
    if re.fullmatch(r"-?\d+", value):
        return "int"
    try:
        float(value)
        return "float"
    except ValueError:
        return "str"


@pytest.fixture(scope="module")
def events_file(store, tmp_path_factory):
    out = tmp_path_factory.mktemp("gdelt") / "events.tsv"
    summary = export(store, "gdelt-events", out)
    assert summary.skipped_undated == 2
    return out


def by_code(rows, code):
    return next(r for r in rows if r["EventCode"] == code)


def test_events_load_with_the_schema_column_names(events_file):
    if not SCHEMA.exists():
        pytest.skip("GDELT reference files not found beside the checkout")
    with SCHEMA.open(encoding="utf-8") as f:
        names = [row["tableId"] for row in csv.DictReader(f)]
    assert names == gdelt.EVENT_COLUMNS
    rows = read_tsv(events_file, names)
    assert len(rows) == 3
    assert all(int(r["GLOBALEVENTID"]) > 0 and int(r["SQLDATE"]) > 19000101 for r in rows)


def test_event_columns_have_the_kinds_of_the_real_sample(events_file):
    if not SAMPLE.exists():
        pytest.skip("GDELT sample file not found beside the checkout")
    sample = read_tsv(SAMPLE, gdelt.EVENT_COLUMNS)
    ours = read_tsv(events_file, gdelt.EVENT_COLUMNS)
    for name in gdelt.EVENT_COLUMNS:
        allowed = {kind(r[name]) for r in sample}
        if "float" in allowed:
            allowed.add("int")
        assert {kind(r[name]) for r in ours} <= allowed, name


def test_event_values(events_file):
    rows = read_tsv(events_file, gdelt.EVENT_COLUMNS)
    talks = by_code(rows, "040")
    assert (talks["SQLDATE"], talks["MonthYear"], talks["Year"], talks["FractionDate"]) == (
        "20211230", "202112", "2021", "2021.9863")  # ((12 - 1) * 30 + 30) / 365
    assert (talks["Actor1Code"], talks["Actor1Name"], talks["Actor1CountryCode"], talks["Actor1Type1Code"]) == (
        "USAGOV", "JOE BIDEN", "USA", "GOV")
    assert (talks["Actor2Code"], talks["Actor2Name"]) == ("RUSGOV", "VLADIMIR PUTIN")
    assert (talks["EventBaseCode"], talks["EventRootCode"], talks["QuadClass"]) == ("040", "04", "1")
    assert (talks["NumMentions"], talks["NumArticles"], talks["NumSources"]) == ("2", "2", "2")
    assert talks["IsRootEvent"] == "1" and talks["AvgTone"] == "-1.5"
    assert (talks["ActionGeo_Type"], talks["ActionGeo_FullName"], talks["ActionGeo_CountryCode"]) == (
        "4", "Geneva, Switzerland", "SZ")
    assert (talks["ActionGeo_ADM1Code"], talks["ActionGeo_FeatureID"]) == ("SZ07", "2660646")
    assert float(talks["ActionGeo_Lat"]) == pytest.approx(46.2022)
    assert talks["Actor1Geo_Type"] == "0" and talks["Actor1Geo_FullName"] == ""
    assert re.fullmatch(r"\d{14}", talks["DATEADDED"]) and talks["SOURCEURL"] == "https://example.org/talks-wire"
    accuse = by_code(rows, "112")
    assert (accuse["Actor1Code"], accuse["Actor1KnownGroupCode"], accuse["Actor1Type1Code"]) == ("IGONAT", "NAT", "IGO")
    assert (accuse["SQLDATE"], accuse["Actor2Code"], accuse["Actor2Name"]) == ("20211201", "RUS", "RUSSIA")
    assert accuse["IsRootEvent"] == "0"
    # no location of its own, none in its sentence: the article's dateline (GENEVA) places it
    assert (accuse["ActionGeo_Type"], accuse["ActionGeo_FullName"], accuse["ActionGeo_ADM1Code"]) == (
        "4", "Geneva, Switzerland", "SZ07")


def test_undated_events_need_a_policy_and_historical_ones_are_never_given_the_publication_date(store, tmp_path):
    out = tmp_path / "events.tsv"
    summary = export(store, "gdelt-events", out, undated="published")
    rows = read_tsv(out, gdelt.EVENT_COLUMNS)
    assert summary.skipped_undated == 1 and len(rows) == 4
    assert by_code(rows, "190")["SQLDATE"] == "20211228"
    assert all(r["EventCode"] != "173" for r in rows)


def test_filters_select_events(store, tmp_path):
    out = tmp_path / "events.tsv"
    export(store, "gdelt-events", out, Filters(actor="NATO"))
    assert [r["EventCode"] for r in read_tsv(out, gdelt.EVENT_COLUMNS)] == ["112"]


def test_mentions_point_at_exported_events(store, events_file, tmp_path):
    out = tmp_path / "mentions.tsv"
    export(store, "gdelt-mentions", out)
    mentions = read_tsv(out, gdelt.MENTION_COLUMNS)
    event_ids = {r["GLOBALEVENTID"] for r in read_tsv(events_file, gdelt.EVENT_COLUMNS)}
    assert len(mentions) == 4 and {m["GLOBALEVENTID"] for m in mentions} == event_ids
    herald = next(m for m in mentions if m["MentionIdentifier"].endswith("talks-herald"))
    assert (herald["MentionType"], herald["MentionSourceName"], herald["SentenceID"]) == ("1", "Herald", "2")
    assert (herald["ActionCharOffset"], herald["Actor1CharOffset"], herald["Confidence"]) == ("10", "-1", "80")
    assert herald["EventTimeDate"] <= herald["MentionTimeDate"]
    courier = next(m for m in mentions if m["MentionIdentifier"].endswith("shelling-courier"))
    assert courier["MentionSourceName"] == "example.org"


def test_gkg_rows_encode_annotations_with_offsets(store, tmp_path):
    out = tmp_path / "gkg.tsv"
    export(store, "gdelt-gkg", out)
    rows = read_tsv(out, gdelt.GKG_COLUMNS)
    assert len(rows) == 3 and len({r["GKGRECORDID"] for r in rows}) == 3
    herald = next(r for r in rows if r["DocumentIdentifier"].endswith("talks-herald"))
    assert herald["DATE"] == "20211230000000" and herald["SourceCollectionIdentifier"] == "1"
    assert herald["V2Locations"] == "4#Geneva, Switzerland#SZ#SZ07##46.2022#6.1457#2660646#40"
    assert herald["Locations"] == "4#Geneva, Switzerland#SZ#SZ07#46.2022#6.1457#2660646"
    assert herald["V2Tone"] == "-1.5,2.0,3.5,5.5,0.0,0.0,120"
    assert herald["Dates"] == "3#12#30#2021#30"
    assert herald["Quotations"] == "0|18|said|We will talk again"
    assert herald["Amounts"] == "100000,soldiers,50"
    assert herald["AllNames"] == "Biden,0"
    assert herald["Extras"] == "<PAGE_TITLE>Leaders meet in Geneva</PAGE_TITLE>"


def test_fields_never_break_rows():
    assert gdelt.clean_field("a\tb\nc") == "a b c"
    assert gdelt.list_item("Smith, John; #1 | x") == "Smith John 1 x"
    assert gdelt.list_item("Kyiv, Ukraine#", commas=True) == "Kyiv, Ukraine"


def test_cameo_codes_keep_their_leading_zeros():
    assert gdelt.cameo_columns("0871") == ["0871", "087", "08"]
    assert gdelt.cameo_columns("04") == ["040", "040", "04"]
    assert gdelt.cameo_columns("190") == ["190", "190", "19"]


def test_fraction_date_is_gdelts_formula():
    from datetime import date

    assert gdelt.fraction_date(date(2018, 10, 24)) == "2018.8055"  # as in GDELT's own files


@pytest.mark.parametrize("filename, columns", [
    ("GDELT_2.0_eventMentions_Column_Labels_Header_Row_Sep2016.tsv", gdelt.MENTION_COLUMNS),
    ("GDELT_2.0_gdeltKnowledgeGraph_Column_Labels_Header_Row_Sep2016.tsv", gdelt.GKG_COLUMNS),
])
def test_mentions_and_gkg_columns_follow_the_schema_files(filename, columns):
    path = REFERENCE / "gdelt_schema" / filename
    if not path.exists():
        pytest.skip("GDELT schema files not found beside the checkout")
    with path.open(encoding="utf-8") as f:
        names = [row[1] for row in csv.reader(f, delimiter="\t")][1:]
    assert names == columns


def test_gkg_quotations_hold_direct_quotes_only():
    doc = document("quotes", "Officials rejected the plan. \"We will not sign,\" the minister said.")
    doc.quotes = [Quote("the plan", 19, 27, "indirect", "rejected"),
                  Quote("We will not sign", 30, 46, "direct", "said")]
    assert gdelt.gkg_quotations(doc) == "30|16|said|We will not sign"
