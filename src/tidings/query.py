"""The query functions shared by the CLI, the HTTP API and the dashboard.

Each takes an open :class:`~tidings.storage.Store` and :class:`Filters` and returns plain
dicts (JSON-ready). Event queries count event clusters — one real-world occurrence however
many articles repeat it — unless ``mentions=True``. Bad filter values raise :class:`QueryError`
with a one-line message.
"""
from __future__ import annotations

import dataclasses
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from tidings.models import Document, Event
from tidings.models.document import EVENT_STATUSES
from tidings.resources.ontology import PLOVER_TYPES
from tidings.storage import Store, queries
from tidings.storage.mapping import unflatten

__all__ = ["Filters", "QueryError", "DEFAULT_LIMIT", "ARTICLE_STATUSES", "events", "iter_events", "iter_documents",
           "daily_counts", "top_dyads", "places", "actors", "quotes", "articles", "search", "failures", "skipped",
           "summary", "event_mention_count", "document"]

DEFAULT_LIMIT = 50
EVENT_RECORD_EXTRAS = ("article_id", "article_url", "article_source", "article_published", "article_title",
                       "cluster_mentions", "cluster_articles", "cluster_sources", "actor_code", "recipient_code",
                       "sentence_text")
ARTICLE_STATUSES = ("original", "near-duplicate")
FTS_OPERATORS = {"AND", "OR", "NOT", "NEAR"}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


from tidings.errors import QueryError  # noqa: E402  (public as tidings.QueryError)


@dataclass(frozen=True)
class Filters:
    """Filters shared by every query; ``None`` means no constraint.

    ``actor``/``recipient``: actor id or name, ISO3 country or org/actor code (``NATO``, ``RUSGOV``);
    ``country``: ISO3 of actor, recipient or location; ``type``: PLOVER type or CAMEO code prefix;
    ``since``/``until``: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (inclusive).
    """

    actor: str | None = None
    recipient: str | None = None
    country: str | None = None
    type: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    source: str | None = None
    #: events below it are left out: mentions default to the scorer's threshold; clusters hold only events
    #: that passed the ingest threshold, and a higher value keeps clusters with a mention that reaches it
    min_confidence: float | None = None
    limit: int | None = DEFAULT_LIMIT  # None: every row (exports)

    def validated(self, *, statuses: tuple[str, ...] = EVENT_STATUSES) -> "Filters":
        """These filters, checked; raises QueryError naming the bad value."""
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and not _valid_date(value):
                raise QueryError(f"bad date for --{name}: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
        if self.since and self.until and self.since > self.until + "~":
            raise QueryError(f"--since {self.since} is after --until {self.until}")
        if self.status is not None and self.status.lower() not in statuses:
            raise QueryError(f"bad --status {self.status!r} (one of: {', '.join(statuses)})")
        if self.min_confidence is not None and not 0.0 <= self.min_confidence <= 1.0:
            raise QueryError(f"--min-confidence must be between 0 and 1 (got {self.min_confidence})")
        _check_type(self.type)
        if self.limit is not None and self.limit < 1:
            raise QueryError("--limit must be at least 1")
        return self

    def only(self, *names: str) -> "Filters":
        """Refuse filters a query cannot apply (e.g. ``--recipient`` on quotes)."""
        unused = [f.name for f in dataclasses.fields(self)
                  if f.name not in names and f.name not in ("limit", "min_confidence")
                  and getattr(self, f.name) is not None]
        if unused:
            raise QueryError(f"--{unused[0]} does not apply here")
        return self


def _check_type(value: str | None) -> None:
    """A PLOVER type (any case) or a CAMEO code prefix of 1 to 4 digits, else QueryError naming the allowed values."""
    if value is None or value.upper() in PLOVER_TYPES or (value.isdigit() and len(value) <= 4):
        return
    raise QueryError(f"bad --type {value!r} (a PLOVER type: {', '.join(PLOVER_TYPES)}; "
                     f"or a CAMEO code prefix such as 04 or 190)")


def _valid_date(value: str) -> bool:
    if not _DATE.match(value):
        return False
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        date(*parts[:3])
    except ValueError:
        return False
    return True


def _dicts(rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
    return [dict(row) for row in rows]


def events(store: Store, filters: Filters = Filters(), *, mentions: bool = False) -> list[dict[str, Any]]:
    """Event clusters (default) or individual event mentions matching ``filters``, newest first."""
    filters = filters.validated()
    rows = queries.event_mentions(store, _mention_threshold(filters)) if mentions else \
        queries.event_clusters(store, filters)
    return _dicts(rows)


def _mention_threshold(filters: Filters) -> Filters:
    """Mention queries leave out low-confidence candidates unless a threshold is given."""
    if filters.min_confidence is not None:
        return filters
    from tidings.learn.scorer import default_min_confidence

    return dataclasses.replace(filters, min_confidence=default_min_confidence())


def iter_events(store: Store, filters: Filters = Filters(limit=None)) -> Iterator[dict[str, Any]]:
    """Stream matching event mentions, oldest first, for exports: ``{"event": Event, "article_id", ...}``.

    Besides the ``Event`` each item carries ``article_id``, ``article_url``, ``article_source``,
    ``article_published``, ``article_title``, ``cluster`` (event cluster key), ``cluster_mentions``,
    ``cluster_articles``, ``cluster_sources``, ``actor_code``, ``recipient_code`` and ``sentence_text``.
    """
    for row in queries.event_records(store, _mention_threshold(filters.validated())):
        item = {key: row[key] for key in EVENT_RECORD_EXTRAS}
        item["cluster"] = row["cluster_id"]
        item["event"] = Event.from_dict(unflatten(row, Event))
        yield item


def iter_documents(store: Store, filters: Filters = Filters(limit=None)) -> Iterator[Document]:
    """Stream the stored Documents of matching articles (same filters as :func:`articles`), newest first."""
    for row in articles(store, filters):
        yield store.load_document(row["id"])


def daily_counts(store: Store, filters: Filters = Filters()) -> list[dict[str, Any]]:
    """Event clusters per day and PLOVER type (e.g. for one actor pair), oldest first."""
    return _dicts(queries.daily_counts(store, filters.validated()))


def top_dyads(store: Store, filters: Filters = Filters()) -> list[dict[str, Any]]:
    """The most frequent actor → recipient code pairs."""
    return _dicts(queries.top_dyads(store, filters.validated()))


def places(store: Store, filters: Filters = Filters()) -> list[dict[str, Any]]:
    """Located event clusters grouped by place, with coordinates, most events first (the dashboard map)."""
    return _dicts(queries.places(store, filters.validated()))


def actors(store: Store, filters: Filters = Filters()) -> list[dict[str, Any]]:
    """Resolved actors ranked by the events they take part in."""
    return _dicts(queries.top_actors(store, filters.validated()))


def quotes(store: Store, filters: Filters = Filters()) -> list[dict[str, Any]]:
    """Quotes with their speakers (``actor`` = speaker, ``country`` = speaker's), newest first."""
    filters = filters.validated().only("actor", "country", "since", "until", "source")
    return _dicts(queries.quotes(store, filters))


def articles(store: Store, filters: Filters = Filters()) -> list[dict[str, Any]]:
    """Stored articles (``status``: original or near-duplicate), newest first."""
    filters = filters.validated(statuses=ARTICLE_STATUSES).only(
        "actor", "country", "status", "since", "until", "source")
    return _dicts(queries.articles(store, filters))


def search(store: Store, words: str, *, limit: int = DEFAULT_LIMIT) -> list[dict[str, Any]]:
    """Articles matching ``words`` (FTS5: words, "exact phrases", OR, NOT, prefix*), with snippets."""
    if not words.strip():
        raise QueryError("search needs at least one word")
    try:
        return _dicts(queries.search(store, words, limit))
    except sqlite3.OperationalError:  # not valid FTS syntax: search its words as plain terms
        terms = [w for w in re.findall(r"\w+", words) if w not in FTS_OPERATORS]
        return _dicts(queries.search(store, " ".join(f'"{w}"' for w in terms), limit)) if terms else []


def failures(store: Store, *, limit: int = DEFAULT_LIMIT) -> list[dict[str, Any]]:
    """Inputs that could not be stored, with the reason."""
    return _dicts(queries.failures(store, limit))


def skipped(store: Store, *, limit: int = DEFAULT_LIMIT) -> list[dict[str, Any]]:
    """Inputs skipped because an identical article is stored."""
    return _dicts(queries.skipped(store, limit))


def summary(store: Store) -> dict[str, Any]:
    """Store totals, with failures grouped by reason."""
    out = queries.counts(store)
    out["failure_reasons"] = {row["reason"]: row["inputs"] for row in queries.failure_reasons(store)}
    return out


def event_mention_count(store: Store) -> int:
    """How many event mentions the store holds."""
    return queries.event_mention_count(store)


def document(store: Store, article_id: str):
    """The stored Document of one article (its ``to_dict()`` is the output contract); StoreError if unknown."""
    return store.load_document(article_id)
