"""Dates as people read them, the same in the API, downloads and the dashboard."""
import pytest

from tidings.query import date_label, period_label


@pytest.mark.parametrize("value, label", [
    ("2022-02-28", "28 Feb 2022"), ("2022-W09", "week of 28 Feb 2022"), ("2021-W01", "week of 4 Jan 2021"),
    ("2019-FA", "Autumn 2019"), ("2019-SP", "Spring 2019"), ("2019-SU", "Summer 2019"), ("2019-WI", "Winter 2019"),
    ("2021-06", "June 2021"), ("2008", "2008"), ("2021-Q1", "Q1 2021"), ("2021-H2", "second half of 2021"),
    ("198", "the 1980s"), ("2021-12-30T14:05", "30 Dec 2021, 14:05"), ("PRESENT_REF", "now"),
    (None, "undated"), ("", "undated"), ("2021-13", "2021-13"), ("2021-00", "2021-00"), ("2021-W60", "2021-W60"),
    ("P3D", "P3D"),
])
def test_date_label(value, label):
    assert date_label(value) == label


@pytest.mark.parametrize("start, bucket, label", [
    ("2022-02-28", "day", "28 Feb 2022"), ("2022-02-28", "week", "week of 28 Feb 2022"),
    ("2022-02-01", "month", "Feb 2022"), ("2022-01-01", "year", "2022"),
])
def test_period_label(start, bucket, label):
    assert period_label(start, bucket) == label
