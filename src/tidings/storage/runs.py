"""Provenance in the store: the ``runs`` table (one row per ingest) and which run stored an article or event.

A run records the configuration it ran with and the versions of the resources behind its data (content
hashes of the lexicon, actor knowledge base, ontology tables and learned models, package versions);
``articles.run_id`` links each stored article, and through it each of its events, to its run.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import Any

from tidings.storage.store import Store, now

_JSON_COLUMNS = ("config", "resources", "command", "summary")


def start_run(store: Store, *, tidings_version: str, config: dict[str, Any], resources: dict[str, Any],
              command: Sequence[str] | None = None) -> int:
    """Record a new run (its own transaction); return its id."""
    with store.transaction():
        cur = store.conn.execute(
            "INSERT INTO runs (started_at, tidings_version, config, resources, command) VALUES (?, ?, ?, ?, ?)",
            (now(), tidings_version, _dumps(config), _dumps(resources),
             _dumps(list(command)) if command is not None else None))
    assert cur.lastrowid is not None  # set by every INSERT
    return cur.lastrowid


def finish_run(store: Store, run_id: int, summary: dict[str, Any]) -> None:
    """Close a run with what became of its inputs."""
    with store.transaction():
        store.conn.execute("UPDATE runs SET finished_at = ?, summary = ? WHERE id = ?",
                           (now(), _dumps(summary), run_id))


def runs(store: Store, *, limit: int = 50) -> list[dict[str, Any]]:
    """The latest runs first, each with the number of articles it stored."""
    rows = store.conn.execute(
        "SELECT r.*, (SELECT COUNT(*) FROM articles a WHERE a.run_id = r.id) AS articles"
        " FROM runs r ORDER BY r.id DESC LIMIT ?", (limit,)).fetchall()
    return [_record(row) for row in rows]


def run(store: Store, run_id: int) -> dict[str, Any] | None:
    """One run, or None."""
    row = store.conn.execute(
        "SELECT r.*, (SELECT COUNT(*) FROM articles a WHERE a.run_id = r.id) AS articles"
        " FROM runs r WHERE r.id = ?", (run_id,)).fetchone()
    return _record(row) if row else None


def article_run_id(store: Store, article_id: str) -> tuple[bool, int | None]:
    """(whether the article is stored, the id of the run that stored it: None before runs were recorded)."""
    row = store.conn.execute("SELECT run_id FROM articles WHERE id = ?", (article_id,)).fetchone()
    return (row is not None, row[0] if row else None)


def event_article(store: Store, event_id: str) -> str | None:
    """The article an event (mention) id was stored with."""
    row = store.conn.execute("SELECT article_id FROM events WHERE id = ? LIMIT 1", (event_id,)).fetchone()
    return row[0] if row else None


def _record(row: sqlite3.Row) -> dict[str, Any]:
    record = dict(row)
    for column in _JSON_COLUMNS:
        if record.get(column) is not None:
            record[column] = json.loads(record[column])
    return record


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
