"""Event dates: periods, lead-paragraph news and background."""
from __future__ import annotations

import datetime as dt

import pytest

from tidings.stages.events import timing


def test_period_end_of_timeml_values():
    assert timing.period_end("2008") == dt.date(2008, 12, 31)
    assert timing.period_end("2021-02") == dt.date(2021, 2, 28)
    assert timing.period_end("2021-12-29") == dt.date(2021, 12, 29)
    assert timing.period_end("2021-W52") == dt.date(2022, 1, 2)
    assert timing.period_end("PXY") is None
    assert timing.period_end("1998-FA") == dt.date(1998, 11, 30)  # seasons, quarters and halves are periods too
    assert timing.period_end("2010-WI") == dt.date(2011, 2, 28)
    assert timing.period_end("2004-Q2") == dt.date(2004, 6, 30)
    assert timing.period_start("2004-H2") == dt.date(2004, 7, 1)


def test_last_fall_and_last_year_are_background(build_doc):
    doc = build_doc("A gunman killed the judge in his garden last fall. Police arrested the gunman last year.",
                    published="2022-01-20", until="dates")
    fall, year = _timing(doc, "killed"), _timing(doc, "arrested")
    assert fall.historical and year.historical and year.date == "2021"


def test_dated_last_week_is_news_and_old_year_is_history(build_doc):
    doc = build_doc("Somali troops attacked al-Shabaab bases on Monday. In 2011 Kenyan troops invaded Somalia.",
                    published="2021-12-30", until="events")
    recent, old = sorted(doc.events, key=lambda e: e.trigger.start)
    assert (recent.date, recent.historical) == ("2021-12-27", False)
    assert (old.date, old.date_precision, old.historical) == ("2011", "year", True)


def test_undated_event_outside_the_lead_stays_undated(build_doc):
    text = ("Officials met in Mogadishu on Monday.\n\nAnalysts said talks were slow.\n\n"
            "Turkish drones struck militant positions near Kismayo.")
    doc = build_doc(text, published="2021-12-30", until="events")
    (strike,) = [e for e in doc.events if e.type == "ASSAULT"]
    assert strike.date is None and strike.date_precision == "unknown" and not strike.historical


def _timing(doc, word: str) -> timing.Timing:
    """The timing of an event triggered by ``word`` (its first occurrence)."""
    tok = next(t for t in doc.parse.tokens if t.text == word)
    return timing.event_timing(doc, tok.i, tok.sent, "asserted")


def test_untensed_clause_takes_the_date_of_the_clause_it_hangs_from(build_doc):
    doc = build_doc("The envoy flew to Nairobi in 1998 to plead for the hostages. The mayor spoke on Monday, "
                    "promising a new inquiry.", published="2021-12-30", until="dates")
    assert (_timing(doc, "plead").date, _timing(doc, "plead").historical) == ("1998", True)
    assert _timing(doc, "promising").date == "2021-12-27"
    noun = build_doc("On Monday monitors cited the 2019 accord signed by both sides.", published="2021-12-30",
                     until="dates")
    assert _timing(noun, "signed").date == "2019"  # the noun's date, not the date of the clause above it


def test_when_clause_shares_the_date_it_modifies(build_doc):
    doc = build_doc("She sat in parliament until 2009, when she resigned from the party.", published="2021-12-30",
                    until="dates")
    assert _timing(doc, "resigned").date == "2009"


def test_conjoined_verb_shares_the_date_only_without_a_subject_of_its_own(build_doc):
    shared = build_doc("Police arrested the editor on Tuesday and charged him with sedition.",
                       published="2021-12-30", until="dates")
    assert _timing(shared, "charged").date == "2021-12-28"
    own = build_doc("Police arrested the editor on Tuesday and a court charged him with sedition.",
                    published="2021-12-30", until="dates")
    assert _timing(own, "charged").date is None


def test_relative_date_of_an_undated_article_decides_when_every_day_agrees(build_doc):
    doc = build_doc("The general resigned three years ago. The envoy resigned two weeks ago. "
                    "The judge resigned in March.", published=None, until="dates")
    old, recent, either = (_timing(doc, "resigned"), *[_timing_at(doc, k) for k in (1, 2)])
    assert (old.date, old.historical) == (None, True) and "over a month before any publication day" in old.reason
    assert (recent.date, recent.historical) == (None, False)
    assert not either.historical and either.reason == "no date in the clause"


def _timing_at(doc, sentence: int) -> timing.Timing:
    tok = next(t for t in doc.parse.tokens if t.text == "resigned" and t.sent == sentence)
    return timing.event_timing(doc, tok.i, tok.sent, "asserted")


def test_undated_article_written_after_what_it_reports(build_doc):
    doc = build_doc("Rebels shelled the town in 2019. The army recaptured it in June 2021.", published=None,
                    until="dates")
    shelled = _timing(doc, "shelled")
    assert shelled.historical and "'June 2021', which the article reports" in shelled.reason


def test_year_written_out_in_an_undated_article_is_background(build_doc):
    doc = build_doc("The army seized the port in March 2003.", published=None, until="dates")
    seized = _timing(doc, "seized")
    assert (seized.date, seized.historical) == ("2003-03", True)


def test_used_to_is_habitual_past_but_use_to_is_not(build_doc):
    doc = build_doc("Rebels used to attack the convoys. The minister should use the fund to support farmers.",
                    published="2021-12-30", until="dates")
    assert _timing(doc, "attack").reason == "'used to'"
    assert not _timing(doc, "use").historical


def test_past_perfect_alone_is_not_background(build_doc):
    doc = build_doc("Prosecutors had asked for a ten-year sentence.", published="2021-12-30", until="dates")
    assert not _timing(doc, "asked").historical


def test_event_before_an_old_dated_clause_is_old(build_doc):
    doc = build_doc("The council banned the march in 1998 after rioters attacked the police station.",
                    published="2021-12-30", until="dates")
    attacked = _timing(doc, "attacked")
    assert (attacked.date, attacked.historical) == (None, True) and attacked.reason.startswith("before an old clause")


def test_a_gerund_of_means_shares_the_date_of_its_verb(build_doc):
    doc = build_doc("In 2019, farmers caused chaos by blocking roads with tractors. Police arrested a driver on "
                    "Monday after stopping his car.", published="2021-12-30", until="dates")
    assert _timing(doc, "blocking").date == "2019"
    assert _timing(doc, "stopping").date is None  # "after" orders two happenings; it does not share a date


def test_a_fronted_date_dates_every_conjoined_clause(build_doc):
    doc = build_doc("In March 2019, the two leaders fell out, and the general was arrested. The leaders fell out "
                    "in March 2019, and the general was arrested.", published="2021-12-30", until="dates")
    fronted, trailing = [t for t in doc.parse.tokens if t.text == "arrested"]
    assert timing.event_timing(doc, fronted.i, fronted.sent, "asserted").date == "2019-03"
    assert timing.event_timing(doc, trailing.i, trailing.sent, "asserted").date is None


def test_last_year_of_an_undated_article_is_background_and_last_week_is_not(build_doc):
    doc = build_doc("Last year, the regional governor resigned. Last week, the mayor resigned.", published=None,
                    until="dates")
    last_year, last_week = (_timing_at(doc, k) for k in (0, 1))
    assert (last_year.date, last_year.historical) == (None, True) and "Last year" in last_year.reason
    assert (last_week.date, last_week.historical) == (None, False) and "Last week" in last_week.reason


@pytest.mark.parametrize(("text", "verb"), [
    # the year names a law, not when the arrest happened
    ("Police arrested the two men under the Terrorism Act 2000 on Tuesday.", "arrested"),
    # the year dates the demolition the suit is about, not the court's request
    ("The court sought a reply from the author on the 1992 demolition in his book.", "sought"),
])
def test_a_date_that_modifies_a_noun_is_not_the_events_date(build_doc, text, verb):
    doc = build_doc(text, published="2021-12-30", until="dates")
    when = _timing(doc, verb)
    assert when.date in (None, "2021-12-28") and not when.historical


def test_the_date_of_the_doer_is_the_date_of_its_act(build_doc):
    doc = build_doc("That 1978 resolution calls for an immediate withdrawal.", published="2021-12-30", until="dates")
    assert _timing(doc, "calls").date == "1978"


def test_present_progressive_with_a_day_to_come_is_an_arrangement(build_doc):
    doc = build_doc("The minister is holding talks with union leaders on Friday. The chancellor is travelling to "
                    "Washington next week. The mayor is holding talks with union leaders in London. The envoy was "
                    "holding talks with rebels on Friday when the shelling began.", published=None, until="dates")
    holding, travelling, ongoing, past = [t.i for t in doc.parse.tokens if t.text in ("holding", "travelling")]
    assert timing.arranged(doc, holding) and timing.arranged(doc, travelling)
    assert not timing.arranged(doc, ongoing)  # no day: happening now
    assert not timing.arranged(doc, past)  # a past progressive is no arrangement


def test_a_day_that_dates_a_noun_makes_no_arrangement(build_doc):
    doc = build_doc("The channels are refusing to run the film's trailer ahead of its release on Friday.",
                    published=None, until="dates")
    refusing = next(t.i for t in doc.parse.tokens if t.text == "refusing")
    assert not timing.arranged(doc, refusing)


def test_an_arrangement_falls_on_a_day_to_come_and_todays_is_no_arrangement(build_doc, code):
    # published on Monday 2016-10-03
    doc = build_doc("The committee is filing a complaint on Monday. The party is filing a complaint on Friday.",
                    published="2016-10-03", until="dates")
    today, friday = [t.i for t in doc.parse.tokens if t.text == "filing"]
    assert not timing.arranged(doc, today) and timing.arranged(doc, friday)
    assert timing.event_timing(doc, friday, 1, "future").date == "2016-10-07"
    (event,) = code("The Republican National Committee is filing a complaint Friday with the board.",
                    published="2016-10-03").events
    assert (event.status, event.date) == ("future", "2016-10-07")
