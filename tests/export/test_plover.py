"""PLOVER JSON lines: one record per event cluster, undated events kept with a null date."""
import json

from tests.export.conftest import TALKS
from tidings.export import export
from tidings.query import Filters


def test_records_carry_type_parties_date_and_story(store, tmp_path):
    out = tmp_path / "events.jsonl"
    summary = export(store, "plover-jsonl", out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert summary.written[str(out)] == len(records) == 5
    talks = next(r for r in records if r["event_type"] == "CONSULT")
    assert talks["actor"]["country"] == "USA" and talks["actor"]["code"] == "USAGOV"
    assert talks["recipient"]["actor_id"] == "vladimir-putin"
    assert talks["context"] == ["diplomatic"] and talks["event_date"] == "2021-12-30"
    assert talks["location"]["name"] == "Geneva" and talks["num_articles"] == 2
    assert talks["story_id"] == "talks-wire" and talks["event_text"] == TALKS[:40]  # the factory's sentence span
    coerce = next(r for r in records if r["event_type"] == "COERCE")
    assert coerce["event_date"] is None and coerce["historical"] is True and coerce["location"] is None


def test_filters_and_limit(store, tmp_path):
    out = tmp_path / "events.jsonl"
    export(store, "plover-jsonl", out, Filters(type="ASSAULT"), limit=1)
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["event_type"] == "ASSAULT"
