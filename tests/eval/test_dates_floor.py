"""Dates quality gate: TempEval-3 (TBAQ-cleaned) scores never fall below the pinned floors."""
from __future__ import annotations

from tidings.eval import dates

TML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-12-30" functionInDocument="CREATION_TIME">2021-12-30</TIMEX3></DCT>
<TEXT>
Talks &amp; sanctions: envoys <EVENT eid="e1">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="2021-12-29">Wednesday</TIMEX3> for <TIMEX3 tid="t2" type="DURATION" value="PT3H">three hours</TIMEX3> and will meet <TIMEX3 tid="t3" type="DATE" value="2022-W01">next week</TIMEX3>.
</TEXT>
</TimeML>
"""  # noqa: E501  (one line of TimeML as the corpus writes it)


def test_dates_scores_stay_above_floors(shared_eval, assert_above_floors):
    report = dates.evaluate(shared_eval / "dates" / "tempeval3_training" / "TBAQ-cleaned")
    assert_above_floors("dates", report.scores)


def test_reader_strips_markup_and_keeps_offsets(tmp_path):
    path = tmp_path / "one.tml"
    path.write_text(TML)
    gold = dates.read_tml(path)
    assert gold.published == "2021-12-30"
    assert [(t.text, t.type, t.value) for t in gold.timexes] == [
        ("Wednesday", "DATE", "2021-12-29"), ("three hours", "DURATION", "PT3H"), ("next week", "DATE", "2022-W01")]
    assert all(gold.text[t.start : t.end] == t.text for t in gold.timexes)
    assert gold.text.strip().startswith("Talks & sanctions")


def test_scorer_counts_strict_relaxed_and_value_matches(tmp_path):
    (tmp_path / "one.tml").write_text(TML)
    report = dates.evaluate(tmp_path)
    assert report.scores["strict_f1"] == 1.0
    assert report.scores["value_f1"] == 1.0
    assert report.scores["value_f1_date_time"] == 1.0
    (tmp_path / "one.tml").write_text(TML.replace('value="2022-W01"', 'value="2022-W02"'))
    report = dates.evaluate(tmp_path)
    assert report.scores["relaxed_f1"] == 1.0
    assert round(report.scores["value_f1"], 3) == 0.667
