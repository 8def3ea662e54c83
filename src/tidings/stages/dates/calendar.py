"""Calendar arithmetic on anchors and TimeML value formatting (no text handling here)."""
from __future__ import annotations

import datetime as dt

from tidings.periods import add_months, month_length

Date = dt.date
_DAY = dt.timedelta(days=1)
#: How far (days) the tense may push a month or day written without a year away from the nearest one.
REACH = 300


def parse_anchor(published: str | None) -> Date | None:
    """The anchor date of an ISO date or datetime string (``None`` when absent or malformed)."""
    if not published:
        return None
    text = published.strip()
    for candidate in (text[:10], text[:8]):
        for fmt in ("%Y-%m-%d", "%Y%m%d"):
            try:
                return dt.datetime.strptime(candidate, fmt).date()
            except ValueError:
                continue
    return None


def shift(day: Date, amount: int, unit: str) -> Date:
    """``day`` moved by ``amount`` TimeML units (``D W M Q Y``, ``10Y`` decades, ``100Y`` centuries)."""
    if unit == "D":
        return day + amount * _DAY
    if unit == "W":
        return day + 7 * amount * _DAY
    months = {"M": 1, "Q": 3, "Y": 12, "10Y": 120, "100Y": 1200, "1000Y": 12000}.get(unit)
    if months is None:
        return day
    return add_months(day, amount * months)


def fmt_day(day: Date) -> str:
    return day.isoformat()


def fmt_week(day: Date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def fmt_month(day: Date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def fmt_quarter(day: Date) -> str:
    return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"


def at_granularity(day: Date, unit: str) -> str:
    """``day`` written at the precision a unit implies (``W`` → ``2021-W51``, ``10Y`` → ``202``)."""
    if unit == "D":
        return fmt_day(day)
    if unit == "W":
        return fmt_week(day)
    if unit == "M":
        return fmt_month(day)
    if unit == "Q":
        return fmt_quarter(day)
    if unit == "10Y":
        return f"{day.year:04d}"[:3]
    if unit in ("100Y", "1000Y"):
        return f"{day.year:04d}"[: 2 if unit == "100Y" else 1]
    return f"{day.year:04d}"


def weekday_near(anchor: Date, weekday: int, direction: str | None) -> Date:
    """The ``weekday`` (1 = Monday) relative to ``anchor``.

    ``past``: latest on or before the anchor; ``future``: earliest on or after; ``last``/``next``:
    strictly before/after; ``this``: within the anchor's ISO week; otherwise the nearest one.
    """
    delta = weekday - anchor.isoweekday()
    if direction == "this":
        return anchor + delta * _DAY
    back = anchor - ((anchor.isoweekday() - weekday) % 7) * _DAY
    ahead = anchor + ((weekday - anchor.isoweekday()) % 7) * _DAY
    if direction == "last":
        return back if back != anchor else anchor - 7 * _DAY
    if direction == "next":
        return ahead if ahead != anchor else anchor + 7 * _DAY
    if direction == "past":
        return back
    if direction == "future":
        return ahead
    return back if (anchor - back) <= (ahead - anchor) else ahead


def year_for(anchor: Date, month: int, day: int | None, direction: str | None, *, reach: int = REACH) -> int:
    """The year of ``month``/``day`` written without one, chosen from the anchor and tense.

    The nearest such date to the anchor, unless the tense points the other way (``past``: on or
    before the anchor; ``future``: on or after) and a date that way lies within ``reach`` days.
    """
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(Date(year, month, day or 1))
        except ValueError:
            continue
    if not candidates:
        return anchor.year
    ref = anchor if day else anchor.replace(day=1)
    if direction == "past":
        candidates = [c for c in candidates if c <= ref and (ref - c).days <= reach] or candidates
    elif direction == "future":
        candidates = [c for c in candidates if c >= ref and (c - ref).days <= reach] or candidates
    return min(candidates, key=lambda c: abs((c - ref).days)).year


def nth_weekday(year: int, month: int, weekday: int, n: int) -> Date:
    """The ``n``-th (``-1`` = last) ``weekday`` (1 = Monday) of a month."""
    if n > 0:
        first = Date(year, month, 1)
        return first + (((weekday - first.isoweekday()) % 7) + 7 * (n - 1)) * _DAY
    last = Date(year, month, month_length(year, month))
    return last - ((last.isoweekday() - weekday) % 7) * _DAY


def easter(year: int) -> Date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return Date(year, month, day + 1)


def duration(amount: float | None, unit: str) -> str:
    """A TimeML duration (``P3D``, ``PT2H``, ``P2Y6M``, ``PXY`` when ``amount`` is vague)."""
    time_unit = unit.startswith("T")
    code = unit[1:] if time_unit else unit
    multiplier = 1
    if code[:-1].isdigit():
        multiplier, code = int(code[:-1]), code[-1]
    prefix = "PT" if time_unit else "P"
    if amount is None:
        letter = {10: "E", 100: "C", 1000: "L"}.get(multiplier, code)
        return f"{prefix}X{letter}"
    amount *= multiplier
    if code == "Q" and amount != int(amount):
        amount, code = amount * 3, "M"
    whole = int(amount)
    rest = amount - whole
    if not rest:
        return f"{prefix}{whole}{code}"
    smaller = {"Y": (12, "M", ""), "M": (30, "D", ""), "W": (7, "D", ""), "D": (24, "H", "T"),
               "H": (60, "M", ""), "S": (1, "S", "")}
    if time_unit and code == "M":
        factor, sub, sep = 60, "S", ""
    else:
        factor, sub, sep = smaller.get(code, (1, code, ""))
    part = round(rest * factor)
    head = f"{whole}{code}" if whole else ""
    return f"{prefix}{head}{sep}{part}{sub}"


def precision_of(value: str | None) -> str:
    """The contract's precision (day|week|month|year|unknown) of a TimeML value."""
    if not value or value[:4].isdigit() is False or len(value) < 4:
        return "unknown"
    if "X" in value[:4]:
        return "unknown"
    rest = value[4:]
    if not rest:
        return "year"
    if rest[1:2] == "W" and rest[2:4].isdigit():
        return "week"
    if len(rest) >= 6 and rest[1:3].isdigit() and rest[4:6].isdigit():
        return "day"
    if rest[1:3].isdigit():
        return "month"
    return "year"

