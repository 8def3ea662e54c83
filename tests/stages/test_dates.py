"""The dates stage: TimeML values, spans and tense-aware resolution, on sentences written for the project."""
from __future__ import annotations

import pytest

from tidings.models import Article, Document
from tidings.resources import dates as lexicon
from tidings.stages import dates, nlp
from tidings.stages.dates import calendar, grammar
from tidings.stages.dates.tense import tense_at

PUBLISHED = "2021-12-30"  # a Thursday


def annotate(text: str, published: str | None = PUBLISHED) -> Document:
    doc = Document(Article(id="t", text=text, published=published, language="en"))
    return dates.run(nlp.run(doc))


def found(text: str, published: str | None = PUBLISHED) -> list[tuple[str, str | None, str]]:
    return [(d.text, d.value, d.type) for d in annotate(text, published).dates]


@pytest.mark.parametrize(("phrase", "value", "precision"), [
    ("next year", "2022", "year"),
    ("last year", "2020", "year"),
    ("last June", "2021-06", "month"),
    ("June last year", "2020-06", "month"),
    ("Dec. 7", "2021-12-07", "day"),
    ("December 7, 2020", "2020-12-07", "day"),
    ("7 December 2020", "2020-12-07", "day"),
    ("earlier this month", "2021-12", "month"),
    ("two weeks ago", "2021-W50", "week"),
    ("three months ago", "2021-09", "month"),
    ("this week", "2021-W52", "week"),
    ("next week", "2022-W01", "week"),
    ("the 1990s", "199", "unknown"),
    ("the nineties", "199", "unknown"),
    ("fiscal 2020", "2020", "year"),
    ("mid-2020", "2020", "year"),
    ("nineteen ninety-six", "1996", "year"),
    ("the third quarter", "2021-Q3", "year"),
    ("the first half of 2019", "2019-H1", "year"),
    ("this summer", "2021-SU", "year"),
    ("last winter", "2020-WI", "year"),
    ("today", "2021-12-30", "day"),
    ("yesterday", "2021-12-29", "day"),
    ("the day after tomorrow", "2022-01-01", "day"),
    ("now", "PRESENT_REF", "unknown"),
    ("recently", "PAST_REF", "unknown"),
    ("the 20th century", "19", "unknown"),
    ("2021-11-03", "2021-11-03", "day"),
    ("Christmas Day", "2021-12-25", "day"),
    ("Thanksgiving", "2021-11-25", "day"),
    ("January nineteen ninety-seven", "1997-01", "month"),
    ("March eighth", "2022-03-08", "day"),
    ("the week of March 6", "2022-W09", "week"),
    ("a year ago", "2020", "year"),
])
def test_normalise_against_the_publication_date(phrase, value, precision):
    assert dates.normalise(phrase, anchor=PUBLISHED) == (value, precision)


def test_tense_decides_months_and_days_written_without_a_year():
    assert dates.normalise("January 10th", anchor=PUBLISHED, tense="future") == ("2022-01-10", "day")
    assert dates.normalise("in March", anchor=PUBLISHED, tense="past") == ("2021-03", "month")
    assert dates.normalise("in March", anchor=PUBLISHED, tense="future") == ("2022-03", "month")
    assert dates.normalise("on Wednesday", anchor=PUBLISHED, tense="past") == ("2021-12-29", "day")
    assert dates.normalise("on Wednesday", anchor=PUBLISHED, tense="future") == ("2022-01-05", "day")
    assert dates.normalise("Thursday", anchor=PUBLISHED) == ("2021-12-30", "day")


def test_without_a_publication_date_relative_values_stay_unresolved():
    assert dates.normalise("Dec. 25", anchor=None) == ("XXXX-12-25", "unknown")
    assert dates.normalise("last year", anchor=None) == (None, "unknown")
    assert dates.normalise("March 3, 2019", anchor=None) == ("2019-03-03", "day")
    assert dates.normalise("no time here", anchor=PUBLISHED) == (None, "unknown")


@pytest.mark.parametrize(("phrase", "value", "kind"), [
    ("three days", "P3D", "DURATION"),
    ("at least 30 days", "P30D", "DURATION"),
    ("the past two years", "P2Y", "DURATION"),
    ("2 1/2 years", "P2Y6M", "DURATION"),
    ("a year and a half", "P1Y6M", "DURATION"),
    ("five hours", "PT5H", "DURATION"),
    ("half an hour", "PT30M", "DURATION"),
    ("a two-year term", "P2Y", "DURATION"),
    ("two decades", "P20Y", "DURATION"),
    ("several months", "PXM", "DURATION"),
    ("the next couple of years", "P2Y", "DURATION"),
    ("recent years", "PXY", "DURATION"),
    ("three days later", "P3D", "DURATION"),
    ("the past decade", "P10Y", "DURATION"),
    ("for centuries", "PXC", "DURATION"),
    ("every Thursday", "XXXX-WXX-4", "SET"),
    ("on Tuesdays", "XXXX-WXX-2", "SET"),
    ("Tuesday nights", "XXXX-WXX-2TNI", "SET"),
    ("each month", "P1M", "SET"),
    ("$5 million a year", "P1Y", "SET"),
    ("twice a week", "P1W", "SET"),
])
def test_durations_and_sets(phrase, value, kind):
    (mention,) = dates.find(phrase, anchor=calendar.parse_anchor(PUBLISHED))
    assert (mention.value, mention.type) == (value, kind)


def test_past_tense_weekday_is_the_previous_one_and_future_the_next():
    doc = annotate("Negotiators met in Vienna on Wednesday. They will meet again on Wednesday, officials said.")
    assert [(d.text, d.value) for d in doc.dates] == [("Wednesday", "2021-12-29"), ("Wednesday", "2022-01-05")]


def test_weekday_of_the_publication_day_is_that_day():
    assert found("The minister resigned on Thursday after a week of protests.") == [
        ("Thursday", "2021-12-30", "DATE"), ("a week", "P1W", "DURATION")]


def test_future_month_day_in_a_late_december_story_is_next_year():
    assert found("The court will rule on January 10th, the spokesman said.") == [("January 10th", "2022-01-10", "DATE")]


def test_past_tense_month_is_this_years():
    assert found("The ceasefire collapsed in March.") == [("March", "2021-03", "DATE")]


def test_clock_times_attach_to_their_day():
    assert found("The blast went off at 10:35 a.m. Tuesday, police said.") == [
        ("10:35 a.m. Tuesday", "2021-12-28T10:35", "TIME")]
    assert found("Rebels shelled the town overnight and again this morning.") == [
        ("overnight", "2021-12-30TNI", "TIME"), ("this morning", "2021-12-30TMO", "TIME")]
    assert found("The rally on Tuesday night drew thousands.") == [("Tuesday night", "2021-12-28TNI", "DATE")]


def test_offsets_point_into_the_text():
    text = "Two years ago the army took the city; last week it withdrew, and elections follow next month."
    doc = annotate(text)
    assert [(d.text, d.value) for d in doc.dates] == [
        ("Two years ago", "2019"), ("last week", "2021-W51"), ("next month", "2022-01")]
    assert all(text[d.start : d.end] == d.text for d in doc.dates)


def test_things_that_only_look_like_dates_are_skipped():
    assert found("The minister may travel to Paris, and protesters may march on parliament.") == []
    assert found("A quarterly report said 2000 soldiers and a 6-year-old boy were among the evacuees.") == []


def test_a_year_after_an_article_names_events_rather_than_counting_them():
    assert found("Police questioned organisers of the 2011 protests.") == [("2011", "2011", "DATE")]
    assert found("Police questioned 2011 protesters.") == []


def test_adverbial_set_words_are_kept():
    assert found("The militia patrols the border daily.") == [("daily", "P1D", "SET")]


def test_precision_of_values():
    assert [calendar.precision_of(v) for v in ("2021-12-30", "2021-W51", "2021-12", "2021", "2021-Q3",
                                               "2021-12-30TMO", "PAST_REF", "P3D", "XXXX-12-25", None)] == [
        "day", "week", "month", "year", "year", "day", "unknown", "unknown", "unknown", "unknown"]


def test_calendar_helpers():
    anchor = calendar.Date(2021, 12, 30)
    assert calendar.weekday_near(anchor, 4, "last") == calendar.Date(2021, 12, 23)
    assert calendar.weekday_near(anchor, 4, "next") == calendar.Date(2022, 1, 6)
    assert calendar.easter(2024) == calendar.Date(2024, 3, 31)
    assert calendar.nth_weekday(2021, 11, 4, 4) == calendar.Date(2021, 11, 25)  # Thanksgiving
    assert calendar.nth_weekday(2021, 5, 1, -1) == calendar.Date(2021, 5, 31)  # Memorial Day
    assert calendar.parse_anchor("2021-12-30T08:15:00Z") == anchor
    assert calendar.parse_anchor("not a date") is None


@pytest.mark.parametrize(("sentence", "tense"), [
    ("The envoys met on Friday.", "past"),
    ("The envoys have met on Friday.", "past"),
    ("The envoys will meet on Friday.", "future"),
    ("The envoys plan to meet on Friday.", "future"),
    ("The envoys are meeting on Friday.", "present"),
    ("The envoys could meet on Friday.", None),
    ("The deadline had been due to expire on Friday.", None),  # looked ahead from a past moment
    ("The deadline was extended on Friday.", "past"),
    ("Protesters planned a rally on Friday.", None),  # a plan looks ahead of its own past
    ("The court extended the deadline until Friday.", "future"),  # a moved deadline lies ahead
    ("The talks lasted until Friday.", "past"),
    ("The board named her chairman, effective Friday.", "future"),
    ("The new tariff became effective Friday.", "past"),
    ("The two companies agreed to sign the merger on Friday.", None),  # an agreement looks ahead of its past
    ("Trading in the shares is to resume on Friday.", "future"),  # "be to": a scheduled event
    ("Police have been searching for the driver since Friday.", "past"),  # perfect progressive
])
def test_tense_of_the_governing_verb(sentence, tense):
    doc = nlp.run(Document(Article(id="t", text=sentence, language="en")))
    start = sentence.index("Friday")
    assert tense_at(doc.parse, start, start + len("Friday")) == tense


def test_holiday_rules():
    assert dates.normalise("Election Day", anchor="1998-10-20", tense="future") == ("1998-11-03", "day")
    assert dates.normalise("Good Friday", anchor="1998-01-02", tense="future") == ("1998-04-10", "day")
    assert dates.normalise("Memorial Day", anchor="1998-01-02", tense="future") == ("1998-05-25", "day")


def test_anaphoric_expressions_count_from_the_last_date_given():
    text = "The envoy was shot on Oct. 23, 2020. Earlier that day he had met rebels; the next day troops arrived."
    assert found(text) == [("Oct. 23, 2020", "2020-10-23", "DATE"), ("Earlier that day", "2020-10-23", "DATE"),
                           ("the next day", "2020-10-24", "DATE")]
    assert found("That day was cold.") == []


def test_reporting_periods_of_quarterly_results():
    text = ("Acme said net profit in the latest period rose 12% from the 2020 quarter, and third-quarter revenue "
            "beat last year's quarter. Sales in the quarter a year ago were flat.")
    assert [(d.text, d.value) for d in annotate(text).dates] == [
        ("the latest period", "2021-Q3"), ("the 2020 quarter", "2020-Q3"), ("third-quarter", "2021-Q3"),
        ("last year's quarter", "2020-Q3"),
        ("the quarter a year ago", "2020-Q3")]
    assert found("Quarterly margins fell from the corresponding period last year.") == [
        ("the corresponding period last year", "2020-Q3", "DATE")]


def test_periods_outside_quarterly_reports_are_not_quarters():
    assert found("Analysts said the latest period of unrest began in the capital.") == []
    assert found("Inflation eased during the 1990 period of reforms.") == [("1990", "1990", "DATE")]


def test_fiscal_year_ended_is_a_duration():
    assert found("The company earned $4 million in the year ended June 30.") == [
        ("the year", "P1Y", "DURATION"), ("June 30", "2021-06-30", "DATE")]
    assert found("Profits will rise in the year, the company said.")[0][1:] == ("2021", "DATE")


def test_parts_of_day_and_idioms_around_clock_words():
    assert found("By mid afternoon, the troops had withdrawn.") == [("mid afternoon", "2021-12-30TAF", "TIME")]
    assert found("For the region, high noon has come.") == []


def test_deadline_moved_until_a_weekday_looks_ahead():
    assert found("Immigration officials extended the deadline until 9 a.m. Tuesday.") == [
        ("9 a.m. Tuesday", "2022-01-04T09:00", "TIME")]


def test_earlier_and_later_stay_in_the_span_of_this_month():
    assert found("The army said earlier this month that it would withdraw.") == [
        ("earlier this month", "2021-12", "DATE")]


def test_clock_times_without_a_day_fall_on_the_day_last_named():
    assert found("Gunmen stormed the embassy on Dec. 20. The first shots were fired at 10 p.m., witnesses said.") == [
        ("Dec. 20", "2021-12-20", "DATE"), ("10 p.m.", "2021-12-20T22:00", "TIME")]
    assert found("Troops entered the town on Dec. 20; by the morning the rebels had fled.") == [
        ("Dec. 20", "2021-12-20", "DATE"), ("the morning", "2021-12-20TMO", "TIME")]
    assert found("The vote was held on Dec. 20. Results came in this morning.") == [
        ("Dec. 20", "2021-12-20", "DATE"), ("this morning", "2021-12-30TMO", "TIME")]
    assert found("Polls close at 3 p.m. EST.") == [("3 p.m. EST", "2021-12-30T15:00", "TIME")]



WIRE_TIMES = [
    "Talks resumed on Tuesday, more than two and a half years after they collapsed, officials said. ",
    "The 10-day ceasefire, agreed some three weeks ago, will be reviewed every other month. ",
    "Exports fell in the third quarter of fiscal 2020 and again in Q4, the second-half outlook weak. ",
    "Rebels have held the town since the nineteen-nineties, a quarter of a century of rule. ",
    "Prices rose 4% a year for the past several years; shipments arrive twice a week, and weekly after that. ",
    "Polls closed at 8 p.m. on Sunday, Nov. 3, 2019, and the count, currently under way since 11/04/2019, ",
    "should end by Christmas or early next spring, the commission said this morning, not in the 1990s. ",
]


@pytest.mark.parametrize("text", [
    "".join(WIRE_TIMES),
    "The ministry gave no further details. ".join(WIRE_TIMES * 2),
    "Talks on the Glockenstraße bridge resumed three days ago. " + "".join(WIRE_TIMES),  # "ß" folds to "ss"
])
def test_rules_run_near_their_triggers_find_every_match(text):
    every = sorted((r.name, m.start(), m.end()) for r in grammar.rules() for m in r.pattern.finditer(text)
                   if m.end() > m.start())
    assert sorted((c.rule.name, c.start, c.end) for c in grammar.candidates(text)) == every


@pytest.mark.parametrize("case_sensitive", [False, True])
def test_word_alternation_as_prefix_tree_matches_like_the_plain_longest_first_one(case_sensitive):
    import re

    words = ["two", "twenty", "twenty five", "two thousand", "a", "an", "half an", "half", "Sept", "Sep", "May"]
    plain = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    plain = f"(?-i:{plain})" if case_sensitive else f"(?:{plain})"
    text = ("Two  thousand troops, twenty five days, twenty-five, an hour, half an hour, a half, "
            "Sept. 3, SEP 4, may or May, twentytwo, two\tthousand, halfan")
    for suffix in ("", r"(?![\w-])", r"\s+\w+"):
        tree = re.compile(rf"(?<![\w-]){grammar._alt(words, case_sensitive=case_sensitive)}{suffix}", re.I)
        flat = re.compile(rf"(?<![\w-]){plain}{suffix}", re.I)
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_trigger_windows_are_the_merged_reach_of_every_occurrence():
    def naive(triggers, text):
        spans = sorted((max(0, at - grammar.REACH_BEFORE), min(len(text), at + len(w) + grammar.REACH_AFTER))
                       for w in triggers for at in range(len(text)) if text.startswith(w, at))
        merged = []
        for start, end in spans:
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged

    text = ("the talks on 12 may 2021 ended. " + "x" * 150 + " 3 days later, 2022 " + "y" * 400
            + "monday 5 6 7" + " " * 221 + "9 monday") * 2
    for triggers in (("0", "1", "2", "3", "5", "6", "7", "9"), ("day", "monday", "may"), ("week",), ("x",)):
        assert grammar._windows(triggers, text) == naive(triggers, text), triggers


def test_lexicon_is_valid_and_validator_reports_broken_name_words():
    assert lexicon.validate() == []
    broken = {**lexicon.load_lexicon(), "name_words": {"after": ["Times"], "before": "Bloody"}}
    assert lexicon.validate(broken) == ["name_words 'before' is not a list of words"]


def test_a_relative_unit_without_a_publication_date_is_found_with_no_value():
    (mention,) = dates.find("Last year, the governor resigned.", anchor=None, tense="past")
    assert (mention.text, mention.value, mention.type) == ("Last year", None, "DATE")
