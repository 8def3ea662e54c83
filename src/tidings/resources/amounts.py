"""Words for counted quantities and money (numbers, scales, vague quantities, currencies) for the amounts stage.

Data: ``data/amounts/quantities.json`` (conventions in ``data/amounts/README.md``).
``validate()`` returns a list of problems (empty when sound).
"""
from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data" / "amounts" / "quantities.json"
_TABLES = ("number_words", "scales", "vague", "currency_symbols", "currency_words", "measure_units")
_LISTS = ("approximators", "currency_codes", "not_objects", "people_verbs")


@functools.cache
def load_quantities(path: Path = DATA) -> dict[str, Any]:
    """The quantities lexicon (cached; treat as read-only)."""
    return json.loads(path.read_text(encoding="utf-8"))


def validate(data: dict[str, Any] | None = None) -> list[str]:
    """Problems found in the lexicon (missing tables, bad values, unknown currency codes)."""
    data = load_quantities() if data is None else data
    problems = [f"missing table {name!r}" for name in _TABLES if not isinstance(data.get(name), dict)]
    problems += [f"missing list {name!r}" for name in _LISTS if not isinstance(data.get(name), list)]
    if problems:
        return problems
    for table in ("number_words", "scales", "vague"):
        problems += [f"{table} {k!r} -> {v!r}" for k, v in data[table].items()
                     if not (isinstance(v, (int, float)) and v > 0)]
    codes = set(data["currency_codes"])
    for table in ("currency_symbols", "currency_words"):
        problems += [f"{table} {k!r} -> unknown code {v!r}" for k, v in data[table].items() if v not in codes]
    problems += [f"approximator {a!r} is not lower case" for a in data["approximators"] if a != a.lower()]
    return problems
