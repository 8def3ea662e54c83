"""Spreadsheet-safe text cells for the delimited files tidings writes (CSV downloads, GDELT TSV).

A spreadsheet opening a CSV or TSV file runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some
programs, tab or carriage return) as a formula: an article title such as ``=HYPERLINK("http://evil", "x")``
would become a live link, or worse. Following OWASP's advice on CSV injection, a *text* cell starting with one
of these characters gets a single quote in front, which spreadsheets show as text and hide.

Only text cells: numbers (a Goldstein score of -5.0, a negative longitude) are written as they are, so a
numeric column stays numeric. Callers decide which cells are text; :func:`text_cell` leaves non-strings alone.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: The first characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

__all__ = ["FORMULA_STARTS", "text_cell", "text_cells"]


def text_cell(value: Any) -> Any:
    """``value`` with a ``'`` in front when it is a string a spreadsheet would run as a formula; any other value
    (a number, a flag, None) unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def text_cells(row: Mapping[str, Any]) -> dict[str, Any]:
    """A CSV row (column → value) with every string cell made safe by :func:`text_cell`; numbers untouched."""
    return {name: text_cell(value) for name, value in row.items()}
