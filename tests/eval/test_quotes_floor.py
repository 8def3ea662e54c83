"""Quotes quality gate: PolNeAR dev scores never fall below the pinned floors."""
from __future__ import annotations

from collections import Counter

from tidings.eval import quotes
from tidings.models import ActorRef, Quote


def test_quotes_scores_stay_above_floors(shared_eval, assert_above_floors):
    report = quotes.evaluate(shared_eval / "quotes" / "polnear_dev")
    assert_above_floors("quotes", report.scores)


def test_reader_handles_discontinuous_spans_and_missing_source(tmp_path):
    text = '"We will win," he said, "and soon." Polls show the race is close.'
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(text)
    (tmp_path / "attributions" / "a_x1.ann").write_text(
        "T1\tContent 0 14;24 35\t...\nT2\tSource 15 17\the\nT3\tCue 18 22\tsaid\n"
        "E1\tAttribution:T9 Content:T1 Cue:T3 Source:T2\n"
        "T4\tContent 48 65\tthe race is close\nT5\tCue 42 46\tshow\nE2\tAttribution-no-source:T8 Content:T4 Cue:T5\n")
    (name, read_text, gold), = quotes.load_gold(tmp_path)
    assert (name, read_text) == ("a", text)
    assert [(g.content, g.source, g.kind) for g in gold] == [
        ([(0, 14), (24, 35)], [(15, 17)], "direct"), ([(48, 65)], [], "indirect")]


def test_a_nested_gold_quote_is_matched_to_the_nested_prediction_not_the_one_around_it():
    text = 'The mayor said the council believed that "the bridge is safe" and would reopen it.'
    inner_start = text.index('"the')
    inner_end = text.index('safe"') + 5
    around = Quote(text=text[15:], start=15, end=len(text), kind="indirect", cue="said",
                   speaker=ActorRef(text="The mayor", start=0, end=9), cue_start=10, cue_end=14)
    inner = Quote(text=text[inner_start:inner_end], start=inner_start, end=inner_end, kind="direct", cue="believed",
                  speaker=ActorRef(text="the council", start=15, end=26), cue_start=27, cue_end=35)
    gold = [quotes.GoldAttribution(content=[(inner_start, inner_end)], cue=[(27, 35)], source=[(15, 26)])]
    tallies = {key: quotes.Tally() for key in ("partial", "exact", "partial direct", "partial indirect")}
    counts: Counter = Counter()
    quotes.score_article(text, [around, inner], gold, tallies, counts)
    assert (counts["source ok"], counts["cue ok"]) == (1, 1)
