"""Periods of TimeML date values: first and last day, or None without a calendar anchor."""
import datetime as dt

import pytest

from tidings.periods import add_months, month_length, period_bounds

D = dt.date


@pytest.mark.parametrize("value, bounds", [
    ("2021-12-30", (D(2021, 12, 30), D(2021, 12, 30))),
    ("2021-12-30T08:15", (D(2021, 12, 30), D(2021, 12, 30))),
    ("2021-02", (D(2021, 2, 1), D(2021, 2, 28))),
    ("2021-W52", (D(2021, 12, 27), D(2022, 1, 2))),
    ("2004-Q2", (D(2004, 4, 1), D(2004, 6, 30))),
    ("2004-H2", (D(2004, 7, 1), D(2004, 12, 31))),
    ("1998-FA", (D(1998, 9, 1), D(1998, 11, 30))),
    ("2010-WI", (D(2010, 12, 1), D(2011, 2, 28))),  # winter runs into the next year
    ("2008", (D(2008, 1, 1), D(2008, 12, 31))),
    ("PRESENT_REF", None), ("XXXX-12-25", None), ("P3D", None), ("PXY", None), (None, None), ("", None),
    ("2021-02-30", None), ("2021-13", None), ("2021-W54", None),
])
def test_period_bounds(value, bounds):
    assert period_bounds(value) == bounds


def test_month_arithmetic_clamps_to_the_last_day():
    assert add_months(D(2021, 1, 31), 1) == D(2021, 2, 28)
    assert add_months(D(2021, 1, 31), -2) == D(2020, 11, 30)
    assert month_length(2024, 2) == 29 and month_length(2021, 12) == 31
