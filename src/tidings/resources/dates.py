"""Words of English time expressions (months, units, references, holidays...) for the dates stage.

Data: ``data/dates/lexicon.json``. ``validate()`` returns a list of problems (empty when sound).
"""
from __future__ import annotations

import functools
import json
import re
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data" / "dates" / "lexicon.json"

_TABLES = ("months", "weekdays", "numbers", "ordinals", "units", "seasons", "parts_of_day",
           "clock_words", "references", "set_words", "holidays")
_REFERENCE_VALUES = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
_HOLIDAY_RULE = re.compile(r"^(?:\d\d-\d\d|\d\d-(?:MO|TU|WE|TH|FR|SA|SU)[1-5L]|EASTER)(?:[+-]\d+)?$")


@functools.cache
def load_lexicon(path: Path = DATA) -> dict[str, Any]:
    """The time-expression lexicon (cached; treat as read-only)."""
    return json.loads(path.read_text(encoding="utf-8"))


def validate(data: dict[str, Any] | None = None) -> list[str]:
    """Problems found in the lexicon (missing tables, out-of-range or malformed values)."""
    data = load_lexicon() if data is None else data
    problems = [f"missing table {name!r}" for name in _TABLES if not isinstance(data.get(name), dict)]
    if problems:
        return problems
    problems += [f"month {k!r} -> {v}" for k, v in data["months"].items() if not 1 <= v <= 12]
    problems += [f"weekday {k!r} -> {v}" for k, v in data["weekdays"].items() if not 1 <= v <= 7]
    problems += [f"number {k!r} -> {v}" for k, v in data["numbers"].items() if not (isinstance(v, int) and v > 0)]
    problems += [f"unit {k!r} -> {v}" for k, v in data["units"].items() if not re.fullmatch(r"T?\d*[SMHDWQY]", v)]
    problems += [f"reference {k!r} -> {v}" for k, v in data["references"].items() if v not in _REFERENCE_VALUES]
    problems += [f"set word {k!r} -> {v}" for k, v in data["set_words"].items()
                 if not re.fullmatch(r"PT?\d+[DWMYH]", v)]
    problems += [f"holiday {k!r} -> {v}" for k, v in data["holidays"].items() if not _HOLIDAY_RULE.match(v)]
    problems += [f"season start {k!r}" for k in data["seasons"].values() if k not in data.get("season_starts", {})]
    names = data.get("name_words", {})
    problems += [f"name_words {side!r} is not a list of words" for side in ("after", "before")
                 if not (isinstance(names.get(side), list) and all(isinstance(w, str) and w for w in names[side]))]
    return problems
