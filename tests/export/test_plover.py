"""PLOVER JSON lines: the PLOVER manual's field names, tidings's extras, and a pandas contract."""
import io
import json

import pandas as pd

from tests.export.conftest import TALKS
from tidings.export import export
from tidings.query import Filters

MANUAL_FIELDS = {"id", "date", "enddate", "source", "recipient", "event", "mode", "context", "quad_code",
                 "event_scale", "event_loc", "event_text", "text_info", "cite_info", "coder", "coded_date"}
FLAT_FIELDS = {"event_id", "event_date", "event_type", "quad_class", "goldstein"}
EXTRAS = {"cameo", "date_text", "date_precision", "status", "historical", "confidence", "evidence", "trigger",
          "story_id", "story_date", "num_mentions", "num_articles", "num_sources"}


def records(store, tmp_path, **kwargs):
    out = tmp_path / "events.jsonl"
    summary = export(store, "plover-jsonl", out, **kwargs)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert summary.written[str(out)] == len(lines)
    return [json.loads(line) for line in lines], out


def test_records_use_the_manual_field_names(store, tmp_path):
    recs, _ = records(store, tmp_path)
    assert len(recs) == 5
    for record in recs:
        assert set(record) == MANUAL_FIELDS | FLAT_FIELDS | EXTRAS
        assert record["id"] == record["event_id"] and record["event"] == [record["event_type"]]
        assert record["quad_code"] == record["quad_class"] and record["event_scale"] == record["goldstein"]
    talks = next(r for r in recs if r["event_type"] == "CONSULT")
    (source,) = talks["source"]
    assert source["code"] == "USA" and source["sector"] == "GOV" and source["actor_code"] == "USAGOV"
    assert source["actor_text"] == source["entity_text"] and source["identifier_text"] == "Joe Biden"
    assert {"identifier_id", "actor_id", "country", "org"} <= set(source)
    assert talks["recipient"][0]["actor_id"] == "vladimir-putin"
    assert talks["context"] == ["diplomatic"] and talks["mode"] == []
    assert talks["event_loc"]["name"] == "Geneva" and talks["event_loc"]["cc3"] == "CHE"
    assert talks["event_loc"]["geonameid"] == 2660646 and talks["event_loc"]["latitude"] == 46.2022
    assert talks["event_text"] == [TALKS[:40]]  # the factory's sentence span
    assert talks["text_info"] == {"sequence": 0, "start": 0, "end": 40}
    assert talks["cite_info"]["citation"] == "talks-wire" and talks["cite_info"]["publication"] == "Wire"
    assert talks["coder"].startswith("tidings ") and talks["num_articles"] == 2
    assert talks["status"] == "asserted" and talks["confidence"] == 0.8 and talks["evidence"] == "test"


def test_dates_are_days_with_their_precision(store, tmp_path):
    recs, _ = records(store, tmp_path)
    by_type = {r["event_type"]: r for r in recs if r["event_type"] != "ASSAULT"}
    talks, accuse, coerce = by_type["CONSULT"], by_type["ACCUSE"], by_type["COERCE"]
    assert talks["event_date"] == talks["date"] == "2021-12-30" and talks["date_precision"] == "day"
    assert accuse["event_date"] == "2021-12-01" and accuse["date_text"] == "2021-12"
    assert accuse["date_precision"] == "month"
    assert coerce["event_date"] is None and coerce["date_precision"] == "unknown" and coerce["historical"] is True
    assert coerce["event_loc"] is None and coerce["source"][0]["code"] == "RUS"


def test_pandas_reads_the_file_and_its_dates(store, tmp_path):
    recs, out = records(store, tmp_path)
    frame = pd.read_json(out, lines=True, dtype={"event_date": str, "date": str})
    assert len(frame) == 5 and {"event_id", "event_date", "event_type", "source"} <= set(frame.columns)
    dates = pd.to_datetime(frame["event_date"], format="%Y-%m-%d", errors="raise")
    assert dates.isna().sum() == sum(r["event_date"] is None for r in recs) == 2
    assert sorted(str(d.date()) for d in dates.dropna()) == ["2021-12-01", "2021-12-28", "2021-12-30"]
    actors = pd.json_normalize(recs, record_path="source", meta=["event_id"])
    assert {"code", "sector", "actor_text", "identifier_id", "event_id"} <= set(actors.columns)


def test_filters_limit_and_stream(store, tmp_path):
    recs, _ = records(store, tmp_path, filters=Filters(type="ASSAULT"), limit=1)
    assert [r["event_type"] for r in recs] == ["ASSAULT"]
    stream = io.StringIO()
    summary = export(store, "plover-jsonl", stream, Filters(type="consult"))
    assert len(stream.getvalue().splitlines()) == 1 and list(summary.written.values()) == [1]
