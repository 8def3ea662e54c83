"""Scrape debris, metadata labels, news agencies and byline roles for the clean stage.

Data: ``data/clean/debris.json``. ``validate()`` returns a list of problems (empty when sound).
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data" / "clean" / "debris.json"
_PATTERN_LISTS = ("drop_lines", "link_block_headings", "inline", "trailing_credits")


@dataclass(frozen=True)
class Debris:
    """The compiled debris tables."""

    drop_lines: re.Pattern  # all debris lines as one alternation (one scan per line, not one per pattern)
    link_block_headings: re.Pattern
    inline: tuple[re.Pattern, ...]
    trailing_credit: re.Pattern  # a photo credit ending a paragraph (full match of its tail; ``stages.clean``)
    published_labels: tuple[str, ...]
    updated_labels: tuple[str, ...]
    agencies: dict[str, str]
    byline_roles: frozenset[str]
    byline_outlet_words: frozenset[str]
    html_drop_classes: frozenset[str]
    kicker_labels: frozenset[str]


@functools.cache
def load_data(path: Path = DATA) -> dict[str, Any]:
    """The raw debris tables (cached; treat as read-only)."""
    return json.loads(path.read_text(encoding="utf-8"))


@functools.cache
def debris(path: Path = DATA) -> Debris:
    """The compiled debris tables (cached)."""
    data = load_data(path)
    return Debris(
        drop_lines=_alternation(data["drop_lines"]),
        link_block_headings=_alternation(data["link_block_headings"]),
        inline=tuple(re.compile(p, re.I) for p in data["inline"]),
        trailing_credit=_alternation(data["trailing_credits"]),
        published_labels=tuple(data["header_labels"]["published"]),
        updated_labels=tuple(data["header_labels"]["updated"]),
        agencies=dict(data["agencies"]),
        byline_roles=frozenset(r.lower() for r in data["byline_roles"]),
        byline_outlet_words=frozenset(w.lower() for w in data["byline_outlet_words"]),
        html_drop_classes=frozenset(data["html_drop_classes"]),
        kicker_labels=frozenset(label.upper() for label in data["kicker_labels"]),
    )


def _alternation(patterns: list[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


def validate(data: dict[str, Any] | None = None) -> list[str]:
    """Problems found in the debris tables (missing tables, bad or duplicate patterns, empty entries)."""
    data = load_data() if data is None else data
    problems: list[str] = []
    for name in _PATTERN_LISTS:
        patterns = data.get(name)
        if not isinstance(patterns, list) or not patterns:
            problems.append(f"missing or empty list {name!r}")
            continue
        seen: set[str] = set()
        for pattern in patterns:
            if pattern in seen:
                problems.append(f"{name}: duplicate pattern {pattern!r}")
            seen.add(pattern)
            try:
                compiled = re.compile(pattern, re.I)
            except re.error as exc:
                problems.append(f"{name}: pattern {pattern!r} does not compile: {exc}")
                continue
            if compiled.fullmatch(""):
                problems.append(f"{name}: pattern {pattern!r} matches the empty string")
    labels = data.get("header_labels", {})
    for kind in ("published", "updated"):
        if not labels.get(kind) or not all(isinstance(x, str) and x.strip() for x in labels[kind]):
            problems.append(f"header_labels.{kind} missing or has an empty label")
    agencies = data.get("agencies")
    if not isinstance(agencies, dict) or not agencies:
        problems.append("missing agencies table")
    else:
        problems += [f"agency {k!r} has no name" for k, v in agencies.items() if not (isinstance(v, str) and v)]
    for name in ("byline_roles", "byline_outlet_words", "html_drop_classes", "kicker_labels"):
        words = data.get(name)
        if not isinstance(words, list) or not words:
            problems.append(f"missing {name} list")
        elif len({w.lower() for w in words}) != len(words):
            problems.append(f"{name} has duplicates")
    return problems
