"""Places quality gate: TR-News and GeoWebNews scores never fall below the pinned floors."""
from __future__ import annotations

import pytest

from tidings.eval import places

TRNEWS = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="7">
    <title>Ferry service</title>
    <dltime>2020-05-04</dltime>
    <text><![CDATA[Ferries between Athens and Crete resumed on Monday, Greek officials said.]]></text>
    <toponyms>
      <toponym><phrase>Athens</phrase><start>16</start><end>22</end>
        <gaztag geonameid="264371"><name>Athens</name><lat>37.98376</lat><lon>23.72784</lon></gaztag></toponym>
      <toponym><phrase>Crete</phrase><start>27</start><end>32</end>
        <gaztag geonameid="6697802"><name>Crete</name><lat>35.2</lat><lon>24.9</lon></gaztag></toponym>
      <toponym><phrase>Greek</phrase><start>52</start><end>57</end>
        <gaztag geonameid="390903"><name>Greece</name><lat>39</lat><lon>22</lon></gaztag></toponym>
    </toponyms>
  </article>
</articles>
"""

GWN_TEXT = "NAIROBI (Reuters) - Kenyan officials said floods hit Nairobi and the Rift Valley on Sunday."
GWN_ANN = """T1\tLiteral 0 7\tNAIROBI
#1\tAnnotatorNotes T1\t184745
T2\tNon_Literal_Modifier 20 26\tKenyan
T3\tLiteral 53 60\tNairobi
#2\tAnnotatorNotes T3\t184745
T4\tLiteral 69 80\tRift Valley
"""


def test_places_scores_stay_above_floors(shared_eval, assert_above_floors):
    report = places.evaluate(shared_eval / "places")
    assert_above_floors("places", report.scores)


def test_trnews_reader_reanchors_shifted_offsets(tmp_path):
    path = tmp_path / "tr.xml"
    path.write_text(TRNEWS.replace("<start>27</start>", "<start>28</start>"), encoding="utf-8")
    (article,) = places.read_trnews(path)
    assert article.published == "2020-05-04"
    assert [(t.text, t.start) for t in article.toponyms] == [("Athens", 16), ("Crete", 27), ("Greek", 52)]
    assert all(article.text[t.start:t.end] == t.text for t in article.toponyms)


def test_trnews_scores_leave_demonyms_out(tmp_path):
    path = tmp_path / "tr.xml"
    path.write_text(TRNEWS, encoding="utf-8")
    report = places.evaluate(path)
    assert report.scores["trnews_recall"] == 1.0
    assert report.scores["trnews_precision"] == 1.0
    assert report.scores["trnews_accuracy_161km"] == 1.0


def test_geowebnews_reader_and_scores(tmp_path):
    (tmp_path / "0.txt").write_text(GWN_TEXT, encoding="utf-8")
    (tmp_path / "0.ann").write_text(GWN_ANN, encoding="utf-8")
    (article,) = places.read_geowebnews(tmp_path)
    nairobi = article.toponyms[0]
    assert (nairobi.text, nairobi.kind, round(nairobi.lat)) == ("NAIROBI", "Literal", -1)
    assert article.toponyms[-1].lat is None
    report = places.evaluate(tmp_path)
    assert report.scores["geowebnews_literal_recall"] == pytest.approx(2 / 3, abs=0.34)
    assert report.scores["geowebnews_accuracy_161km"] == 1.0


def test_a_folder_without_gold_is_an_error(tmp_path):
    with pytest.raises(ValueError):
        places.evaluate(tmp_path)
