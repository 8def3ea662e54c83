"""Rows from the data model: each Record dataclass flattens to columns (nested records get a prefix).

``Event.actor.country`` becomes column ``actor_country``; lists become JSON text; a nested record
whose columns are all NULL reads back as None. The migrations must provide every column listed
by :func:`columns` (a test checks it), so a model change forces a new migration.
"""
from __future__ import annotations

import dataclasses
import functools
import itertools
import json
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

from tidings.models.document import Record
from tidings.periods import period_bounds

SQL_TYPES = {bool: "INTEGER", int: "INTEGER", float: "REAL", str: "TEXT", list: "TEXT", dict: "TEXT"}


def _base_type(hint: Any) -> type:
    """``str | None`` → str, ``list[str]`` → list."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        (hint,) = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        origin = typing.get_origin(hint)
    return origin or hint


def _fields(cls: type[Record]) -> tuple[tuple[str, type], ...]:
    # a class is hashable; mypy checks type[Record] against Hashable as if it were an instance
    return _cached_fields(cls)  # type: ignore[arg-type]


@functools.cache
def _cached_fields(cls: type) -> tuple[tuple[str, type], ...]:
    """(name, base type) of the stored fields, resolved once per class."""
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _base_type(hints[f.name])) for f in dataclasses.fields(cls)  # type: ignore[arg-type]
                 if f.init and f.repr)


def columns(cls: type[Record], prefix: str = "") -> list[tuple[str, str]]:
    """``[(column, sql type), ...]`` for a Record class, nested records flattened with a prefix."""
    out: list[tuple[str, str]] = []
    for name, base in _fields(cls):
        if name in cls._nested:
            out.extend(columns(cls._nested[name], f"{prefix}{name}_"))
        else:
            out.append((prefix + name, SQL_TYPES[base]))
    return out


@functools.cache
def row_values(cls: type[Record]) -> Callable[[Record | None], tuple]:
    """A function giving a record's column values in :func:`columns` order (all None for a None record):
    lists and dicts as JSON text, booleans as 0/1. Compiled once per class to a single tuple expression,
    as the writer calls it for every item it stores."""
    lines = ["def row(r0):"]
    values: list[str] = []
    names = (f"r{n}" for n in itertools.count(1))

    def visit(klass: type[Record], var: str) -> None:
        for name, base in _fields(klass):
            attr = f"{var}.{name}"
            if name in klass._nested:
                inner = next(names)
                lines.append(f"    {inner} = None if {var} is None else {attr}")
                visit(klass._nested[name], inner)
            elif base in (list, dict):
                values.append(f"None if {var} is None or {attr} is None else _dumps({attr}, ensure_ascii=False)")
            elif base is bool:
                values.append(f"None if {var} is None or {attr} is None else int({attr})")
            else:
                values.append(f"None if {var} is None else {attr}")

    visit(cls, "r0")
    lines.append("    return (" + "".join(f"({value}), " for value in values) + ")")
    namespace: dict[str, Any] = {"_dumps": json.dumps}
    exec("\n".join(lines), namespace)  # noqa: S102 - source built above from the model's field names only
    return namespace["row"]


def unflatten(row: Mapping[str, Any], cls: type[Record], prefix: str = "") -> dict[str, Any] | None:
    """The ``to_dict()`` shape of a record read back from ``row`` (None if all its columns are NULL)."""
    out: dict[str, Any] = {}
    present = False
    for name, base in _fields(cls):
        if name in cls._nested:
            value: Any = unflatten(row, cls._nested[name], f"{prefix}{name}_")
        else:
            value = row[prefix + name]
            if value is not None and base in (list, dict):
                value = json.loads(value)
            elif value is not None and base is bool:
                value = bool(value)
        present = present or value is not None
        out[name] = value
    return out if present else None


def period_start(value: str | None) -> str | None:
    """The first day of the period a TimeML date names (``2021-W51`` → ``2021-12-20``), for sorting.

    None for values with no calendar anchor (``PRESENT_REF``, ``XXXX-12-25``, durations).
    """
    bounds = period_bounds(value)
    return bounds[0].isoformat() if bounds else None
