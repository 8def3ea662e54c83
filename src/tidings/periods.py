"""The calendar period a TimeML date value names (``2021-W51``, ``1998-FA``, ``2008``): its first and last day.

Date values belong to the data contract (``Event.date``, ``DateMention.value``), so their periods live outside
any stage: the events' timing and the store's sort key read them here, the dates stage its month arithmetic.
Imports nothing of tidings.
"""
from __future__ import annotations

import datetime as dt
import re

Date = dt.date
_DAY = dt.timedelta(days=1)


def add_months(day: Date, months: int) -> Date:
    """``day`` moved by whole months (clamped to the month's last day)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return Date(year, month + 1, min(day.day, month_length(year, month + 1)))


def month_length(year: int, month: int) -> int:
    """Days in ``month`` of ``year``."""
    nxt = Date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - _DAY).day


_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2})|-Q([1-4])|-H([12])|-(SP|SU|FA|AU|WI))?(?:T.*)?$")
#: First month and length in months of a TimeML season (winter runs into the next year).
_SEASONS = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "AU": (9, 3), "WI": (12, 3)}


def period_bounds(value: str | None) -> tuple[Date, Date] | None:
    """The first and last day of the calendar period a TimeML date value names (``2008`` → 2008-01-01 to
    2008-12-31, ``1998-FA`` → 1998-09-01 to 1998-11-30); None for values with no calendar anchor."""
    match = _PERIOD.match(value or "")
    if not match:
        return None
    year, month, day, week, quarter, half, season = match.groups()
    try:
        if week:
            first = Date.fromisocalendar(int(year), int(week), 1)
            return first, first + 6 * _DAY
        if day:
            first = Date(int(year), int(month), int(day))
            return first, first
        start_month, months = (int(month), 1) if month else ((int(quarter) - 1) * 3 + 1, 3) if quarter else \
            ((int(half) - 1) * 6 + 1, 6) if half else _SEASONS[season] if season else (1, 12)
        first = Date(int(year), start_month, 1)
        return first, add_months(first, months) - _DAY
    except ValueError:
        return None
