"""Word boundaries of the date grammar: no rule starts or ends inside a word or a number glued to letters."""
from __future__ import annotations

import pytest

from tidings.stages import dates
from tidings.stages.dates import calendar

ANCHOR = calendar.parse_anchor("2021-12-30")


def spans(text: str) -> list[str]:
    return [d.text for d in dates.find(text, anchor=ANCHOR, tense="past")]


@pytest.mark.parametrize(("sentence", "expected"), [
    # every alternative of a rule is guarded, not just the first ("each day" inside "beach day")
    ("Officials declared a beach day on Friday as temperatures soared.", ["Friday"]),
    ("Organisers cancelled the Jasper weekend festival.", []),
    ("The ferry to the island now sails twice a day.", ["now", "twice a day"]),
    # a year is not the start of a number glued to letters
    ("She won the 2000m steeplechase at the national trials.", []),
    ("She won the steeplechase in 2000 at the national trials.", ["2000"]),
    # a day of the month is not the start of a number glued to letters
    ("Rainfall in May 12mm above the average caused flooding, the agency said.", ["May"]),
    ("Rainfall on May 12 caused flooding, the agency said.", ["May 12"]),
    # a month name glued to a number is not a month
    ("Organisers used the hashtag May5 for the rally.", []),
    # "noon" is a whole word, not the start of a surname
    ("The party backed Craig Noonan for the seat.", []),
    ("Polls closed at noon.", ["noon"]),
    # "year-earlier" does not swallow the start of "quarterly"
    ("Sales beat the year-earlier quarterly figure.", ["the year-earlier", "quarterly"]),
    ("Sales beat the year-earlier quarter.", ["the year-earlier quarter"]),
    # "Friday next week" does not end inside "weekend"
    ("The fair opened on Friday next weekend.", ["Friday", "next weekend"]),
    ("The fair opened on Friday next week.", ["Friday next week"]),
    # "-century" ends at a word's end
    ("The museum sold a 20th-centurylike copy.", []),
    ("The museum sold a 20th-century copy.", ["20th-century"]),
    # a clock time is not the tail of a race time; seconds stay inside one with a.m./p.m.
    ("He won the marathon in 2:02:53 on Sunday.", ["Sunday"]),
    ("The blast came at 10:30:15 p.m.", ["10:30:15 p.m."]),
    # a clock written with a dot is read whole, not from the minutes ("18 am" in "3.18 am")
    ("The road reopened at 3.18 am, police said.", ["3.18 am"]),
    ("Shares rose 3.18 percent.", []),
    # a reference word is not the start of a hyphenated compound
    ("The current-account deficit widened.", []),
    ("The deficit is currently widening.", ["currently"]),
    # a slashed date inside a web address is not a date
    ("The notice was posted at example.org/news/01/22/44edd466-fad6 overnight.", ["overnight"]),
    ("The notice was posted on 01/22/2018.", ["01/22/2018"]),
])
def test_matches_start_and_end_at_word_boundaries(sentence, expected):
    assert spans(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # "later"/"before" are signals outside a duration's span (TimeML); "a year earlier" is itself a date
    ("Three days later, the rebels freed the hostages.", [("Three days", "P3D", "DURATION")]),
    ("The convoy left two weeks before the vote.", [("two weeks", "P2W", "DURATION")]),
    ("Exports had fallen a year earlier.", [("a year earlier", "2020", "DATE")]),
    # "only" and "just" are no modifiers of a duration (TimeML MOD has no such value); "about" is
    ("The ceasefire held only five hours.", [("five hours", "PT5H", "DURATION")]),
    ("The talks lasted just a few minutes.", [("a few minutes", "PTXM", "DURATION")]),
    ("The talks lasted about two hours.", [("about two hours", "PT2H", "DURATION")]),
])
def test_duration_spans_leave_out_signals_and_focus_words(sentence, expected):
    assert [(d.text, d.value, d.type) for d in dates.find(sentence, anchor=ANCHOR, tense="past")] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Thousands joined the annual March for Life in the capital on Friday.", ["Friday"]),
    ("Veterans recalled the March on Washington.", []),
    ("The vote was held in March for the first time.", ["March"]),
    ("He was sacked in March of last year.", ["March of last year"]),
])
def test_a_march_named_for_its_cause_is_not_the_month(sentence, expected):
    assert spans(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Analysts blamed the fall in oil prices.", []),
    ("Aid convoys stopped after the fall of the city.", []),
    ("Elections are due in the fall.", [("the fall", "2021-FA")]),
    ("The plant shut in the fall of 2019.", [("the fall of 2019", "2019-FA")]),
    ("The plant shut in the fall of last year.", [("the fall of last year", "2020-FA")]),
])
def test_the_fall_of_something_is_a_drop_not_autumn(sentence, expected):
    assert [(d.text, d.value) for d in dates.find(sentence, anchor=ANCHOR, tense="past")] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Sunday Times reported the deal.", []),
    ("The Mail on Sunday reported the deal.", []),
    ("The Good Friday Agreement ended the conflict.", []),
    ("The newspaper reported the deal on Sunday.", ["Sunday"]),
    ("Shops stayed shut on Good Friday.", ["Good Friday"]),
])
def test_weekdays_and_holidays_inside_names_are_not_dates(sentence, expected):
    assert spans(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Unrest spread across North Africa after the Arab Spring.", []),
    ("She won gold at the Winter Olympics.", []),
    ("In Spring, the talks resumed.", ["Spring"]),
    ("The talks resumed this Spring.", ["this Spring"]),
    ("The photograph was shared by the People's Daily newspaper.", []),
    ("China Daily said the talks had failed.", []),
    ("Daily flights to the capital resumed.", ["Daily"]),
])
def test_capitalised_seasons_and_set_words_inside_names_are_not_dates(sentence, expected):
    assert spans(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("He was freed after spending a night in jail.", []),
    ("Hundreds gathered at a weekend rally.", []),
    ("Rooms at the shelter cost $55 a night.", [("a night", "XXXX-XX-XXTNI", "SET")]),
    ("Patrols now run every weekend.", [("now", "PRESENT_REF", "DATE"), ("every weekend", "XXXX-WXX-WE", "SET")]),
])
def test_a_night_or_a_weekend_is_a_set_only_as_a_rate(sentence, expected):
    assert [(d.text, d.value, d.type) for d in dates.find(sentence, anchor=ANCHOR, tense="past")] == expected
