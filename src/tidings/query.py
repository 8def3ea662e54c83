"""The query functions shared by the CLI, the HTTP API and the dashboard.

Each takes an open :class:`~tidings.storage.Store` and :class:`Filters` and returns plain
dicts (JSON-ready). Event queries count event clusters — one real-world occurrence however
many articles repeat it — unless ``mentions=True``. Bad filter values raise :class:`QueryError`
with a one-line message.
"""
from __future__ import annotations

import dataclasses
import difflib
import functools
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

__all__ = ["Filters", "QueryError", "DEFAULT_LIMIT", "ARTICLE_STATUSES", "CLUSTER_SORTS", "MENTION_SORTS", "BUCKETS",
           "events", "event_total", "iter_event_rows", "iter_events", "iter_documents", "daily_counts",
           "period_counts", "top_dyads", "places", "actors", "quotes", "quote_total", "articles", "article_total",
           "search", "failures", "skipped", "summary", "event_mention_count", "document", "country_code",
           "countries", "date_label", "period_label", "country_counts", "counterparts", "actor_profile"]

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
    #: either side of the event (actor or recipient), given like ``actor``: the actor page
    party: str | None = None
    country: str | None = None
    type: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    source: str | None = None
    #: events below it are left out: mentions default to the scorer's threshold; clusters hold only events
    #: that passed the ingest threshold, and a higher value keeps clusters with a mention that reaches it
    min_confidence: float | None = None
    #: True: only background events; False: leave them out; None: both
    historical: bool | None = None
    limit: int | None = DEFAULT_LIMIT  # None: every row (exports)
    offset: int = 0  # rows skipped before the first one returned (pagination)
    #: event listings: a sort key (``date``, ``type``, ``goldstein``, …), ``-`` first for descending; None: newest first
    sort: str | None = None

    def validated(self, *, statuses: tuple[str, ...] = EVENT_STATUSES) -> Filters:
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
        if self.offset is None or self.offset < 0:
            raise QueryError("--offset must be 0 or more")
        country = country_code(self.country) if self.country is not None else None
        return self if country == self.country else dataclasses.replace(self, country=country)

    def only(self, *names: str) -> Filters:
        """Refuse filters a query cannot apply (e.g. ``--recipient`` on quotes)."""
        unused = [f.name for f in dataclasses.fields(self)
                  if f.name not in names and f.name not in ("limit", "offset", "sort", "min_confidence")
                  and getattr(self, f.name) is not None]
        if unused:
            raise QueryError(f"--{unused[0]} does not apply here")
        return self


def _check_type(value: str | None) -> None:
    """A PLOVER type (any case) or a CAMEO code prefix of 1 to 4 digits, else QueryError naming the allowed values."""
    if value is None or value.upper() in PLOVER_TYPES or (value.isdigit() and len(value) <= 4):
        return
    raise QueryError(f"bad --type {value!r} (a PLOVER type: {', '.join(PLOVER_TYPES)}; "
                     f"or a CAMEO code prefix such as 04 or 190)", allowed=tuple(PLOVER_TYPES))


@functools.cache
def _country_names() -> dict[str, str]:
    """Lower-case ISO3 code, name and alias of every known country → ISO3 (user actor files included)."""
    from tidings.resources.actors import load_kb

    names: dict[str, str] = {}
    for code, country in sorted(load_kb().countries.items()):
        for name in (country.name, *country.aliases):
            names.setdefault(name.lower(), code)
    names.update((code.lower(), code) for code in load_kb().countries)
    return names


def countries() -> list[dict[str, str]]:
    """Every country a ``country`` filter accepts: ``{"code": ISO3, "name": ...}``, by code."""
    from tidings.resources.actors import load_kb

    return [{"code": code, "name": country.name} for code, country in sorted(load_kb().countries.items())]


def country_code(value: str) -> str:
    """The ISO3 code of a country given by code or name ("rus", "Russia", "Russian Federation");
    QueryError naming close matches and the allowed values otherwise."""
    names = _country_names()
    key = " ".join(value.split()).lower()
    if key in names:
        return names[key]
    close = difflib.get_close_matches(key, names, n=3, cutoff=0.75)
    guesses = ", ".join(dict.fromkeys(f"{names[c]} ({_country_display(names[c])})" for c in close))
    hint = f"; did you mean {guesses}?" if guesses else ""
    raise QueryError(f"bad --country {value!r}: not an ISO 3166-1 alpha-3 code or English country name "
                     f"(such as RUS or Russia){hint}", allowed=sorted(set(names.values())))


def _country_display(code: str) -> str:
    return next(c["name"] for c in countries() if c["code"] == code)


#: Sort keys of the event listings (prefix ``-`` for descending): clusters, then mentions.
CLUSTER_SORTS = ("date", "type", "goldstein", "quad_class", "mentions", "articles", "sources", "actor", "recipient")
MENTION_SORTS = ("date", "type", "goldstein", "quad_class", "actor", "recipient", "confidence")


def _check_sort(value: str | None, *, mentions: bool) -> None:
    allowed = MENTION_SORTS if mentions else CLUSTER_SORTS
    if value is None or value.removeprefix("-") in allowed:
        return
    raise QueryError(f"bad --sort {value!r} (one of: {', '.join(allowed)}; prefix - for descending, "
                     f"e.g. -date)", allowed=allowed)


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
    """Event clusters (default) or individual event mentions matching ``filters``, newest first
    (or in ``filters.sort`` order), ``filters.offset`` rows skipped. Each row has a ``date_label``
    people read ("week of 28 Feb 2022"); mention rows say whether they are a ``candidate``."""
    return list(iter_event_rows(store, filters, mentions=mentions))


def iter_event_rows(store: Store, filters: Filters = Filters(limit=None), *,
                    mentions: bool = False) -> Iterator[dict[str, Any]]:
    """The rows of :func:`events`, streamed from the store (``limit=None``: every row, for downloads)."""
    filters = filters.validated()
    _check_sort(filters.sort, mentions=mentions)
    cursor = queries.event_mentions(store, _mention_threshold(filters)) if mentions else \
        queries.event_clusters(store, filters)
    for row in cursor:
        item = dict(row)
        item["date_label"] = date_label(item.get("date"), item.get("date_precision"))
        if mentions:
            item["candidate"] = item.get("cluster") is None
        yield item


def event_total(store: Store, filters: Filters = Filters(), *, mentions: bool = False) -> int:
    """How many rows :func:`events` would give without limit and offset."""
    filters = filters.validated()
    return queries.event_count(store, _mention_threshold(filters) if mentions else filters, mentions=mentions)


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
        event = unflatten(row, Event)
        assert event is not None  # an event row always has its id
        item["event"] = Event.from_dict(event)
        yield item


def iter_documents(store: Store, filters: Filters = Filters(limit=None)) -> Iterator[Document]:
    """Stream the stored Documents of matching articles (same filters as :func:`articles`), newest first."""
    for row in articles(store, filters):
        yield store.load_document(row["id"])


def daily_counts(store: Store, filters: Filters = Filters()) -> list[dict[str, Any]]:
    """Event clusters per day and PLOVER type (e.g. for one actor pair), oldest first."""
    return _dicts(queries.daily_counts(store, filters.validated()))


#: Periods of :func:`period_counts`, finest first.
BUCKETS = ("day", "week", "month", "year")
MAX_PERIODS = 150  # "auto" picks the finest bucket giving at most this many periods


def period_counts(store: Store, filters: Filters = Filters(limit=1000), *, bucket: str = "auto") -> dict[str, Any]:
    """Event clusters per period (``day``, ``week``, ``month``, ``year``; ``auto``: the finest giving at most
    150 periods over the matching dates) and PLOVER type, oldest first.

    A period counts the events dated at least as precisely as it (a month holds its day-, week- and
    month-precise events). ``filters.limit`` caps the rows; when they do not all fit, the latest whole
    periods are kept and ``truncated`` is true. Returns ``{"bucket", "first", "last", "truncated", "rows"}``
    where each row is ``{"date": first day, "label", "type", "events", "mentions"}``.
    """
    filters = filters.validated()
    if bucket not in ("auto", *BUCKETS):
        raise QueryError(f"bad bucket {bucket!r} (one of: auto, {', '.join(BUCKETS)})", allowed=("auto", *BUCKETS))
    first, last = queries.day_range(store, filters)
    if bucket == "auto":
        bucket = _auto_bucket(first, last)
    limit = filters.limit if filters.limit is not None else -1
    rows = _dicts(queries.period_counts(store, filters, bucket, limit + 1 if limit > 0 else -1))
    truncated = 0 < limit < len(rows)
    if truncated:
        cut = rows[limit]["date"]
        rows = [r for r in rows[:limit] if r["date"] != cut]
    rows.reverse()
    for row in rows:
        row["label"] = period_label(row["date"], bucket)
    return {"bucket": bucket, "first": first, "last": last, "truncated": truncated, "rows": rows}


def _auto_bucket(first: str | None, last: str | None) -> str:
    if not first or not last:
        return "day"
    days = (date.fromisoformat(last) - date.fromisoformat(first)).days + 1
    if days <= MAX_PERIODS:
        return "day"
    if days <= MAX_PERIODS * 7:
        return "week"
    if days <= MAX_PERIODS * 30:
        return "month"
    return "year"


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
SEASONS = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "AU": "Autumn", "WI": "Winter"}
HALVES = {"H1": "first half of", "H2": "second half of"}
REFS = {"PRESENT_REF": "now", "PAST_REF": "in the past", "FUTURE_REF": "in the future"}
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_PART = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI|Q[1-4]|H[12])$")
_DECADE = re.compile(r"^(\d{3})X?$")
_DAY_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})")


def _day(day: date, *, year: bool = True) -> str:
    return f"{day.day} {MONTHS[day.month - 1][:3]}" + (f" {day.year}" if year else "")


def date_label(value: str | None, precision: str | None = None) -> str:
    """A date value as people read it: ``2022-02-28`` → "28 Feb 2022", ``2022-W09`` → "week of 28 Feb 2022",
    ``2019-FA`` → "Autumn 2019", ``2021-06`` → "June 2021", ``2021-Q1`` → "Q1 2021", ``198`` → "the 1980s";
    None → "undated". A value it cannot read comes back as it is."""
    if not value:
        return "undated"
    try:
        if _DATE.match(value):
            parts = [int(p) for p in value.split("-")]
            if len(parts) == 1:
                return str(parts[0])
            if len(parts) == 2:
                return f"{MONTHS[date(parts[0], parts[1], 1).month - 1]} {parts[0]}"
            return _day(date(*parts))
        if match := _WEEK.match(value):
            return "week of " + _day(date.fromisocalendar(int(match[1]), int(match[2]), 1))
        if match := _PART.match(value):
            year, part = match[1], match[2]
            if part in SEASONS:
                return f"{SEASONS[part]} {year}"
            return f"{HALVES[part]} {year}" if part in HALVES else f"{part} {year}"
        if match := _DAY_TIME.match(value):
            return f"{date_label(match[1])}, {match[2]}"
        if match := _DECADE.match(value):
            return f"the {match[1]}0s"
    except (ValueError, IndexError):
        return value
    return REFS.get(value, value)


def period_label(start: str, bucket: str) -> str:
    """The label of a :func:`period_counts` period starting on ``start`` (YYYY-MM-DD)."""
    day = date.fromisoformat(start)
    if bucket == "week":
        return "week of " + _day(day)
    if bucket == "month":
        return f"{MONTHS[day.month - 1][:3]} {day.year}"
    if bucket == "year":
        return str(day.year)
    return _day(day)


def top_dyads(store: Store, filters: Filters = Filters()) -> list[dict[str, Any]]:
    """The most frequent actor → recipient code pairs."""
    return _dicts(queries.top_dyads(store, filters.validated()))


def places(store: Store, filters: Filters = Filters()) -> list[dict[str, Any]]:
    """Located event clusters grouped by place, with coordinates, most events first (the dashboard map)."""
    return _dicts(queries.places(store, filters.validated()))


def country_counts(store: Store, filters: Filters = Filters(limit=None)) -> list[dict[str, Any]]:
    """Event clusters per country involved (actor, recipient or location), most first, with the country's name:
    ``{"country": ISO3, "name", "events"}`` (the map's choropleth; a count is what the country filter totals)."""
    names = {c["code"]: c["name"] for c in countries()}
    rows = _dicts(queries.country_counts(store, filters.validated()))
    for row in rows:
        row["name"] = names.get(row["country"], row["country"])
    return rows


def actor_profile(store: Store, value: str) -> dict[str, Any] | None:
    """Who ``value`` names, for the actor page: a knowledge-base actor (id or name: ``vladimir-putin``,
    ``Vladimir Putin``), else a country (``RUS``, ``Russia``: its actors), else an actor code seen in events
    (``NATO``, ``RUSGOV``); None when it names none of these. ``filter`` is the value the event and quote
    filters take for it (``party``, ``actor``); the totals count every stored event cluster."""
    value = " ".join(value.split())
    if not value:
        return None
    record = queries.actor_record(store, value)
    if record is not None:
        out = dict(record)
        out.update(filter=out["id"], code=None)
        return out
    try:
        code = country_code(value)
        name, kind = _country_display(code), "country"
    except QueryError:
        code = value.upper()
        if not queries.code_occurs(store, code):
            return None
        name, kind = code, "code"
    every = Filters(limit=None)
    return {"id": None, "name": name, "kind": kind, "country": code if kind == "country" else None, "sector": None,
            "org": None, "wikidata": None, "code": code, "filter": code,
            "as_actor": event_total(store, dataclasses.replace(every, actor=code)),
            "as_recipient": event_total(store, dataclasses.replace(every, recipient=code)),
            "quotes": quote_total(store, dataclasses.replace(every, actor=code))}


def counterparts(store: Store, party: str, filters: Filters = Filters()) -> list[dict[str, Any]]:
    """Who ``party`` (given like ``actor``) deals with, most events first: ``{"key", "id", "code", "name",
    "country", "events", "as_actor", "as_recipient", "goldstein"}``, where ``as_actor`` counts the clusters
    in which they act on ``party`` and ``goldstein`` is the mean score (the actor page's network)."""
    filters = dataclasses.replace(filters.validated(), actor=None, recipient=None, party=None)
    return _dicts(queries.counterparts(store, filters, party))


def actors(store: Store, filters: Filters = Filters()) -> list[dict[str, Any]]:
    """Resolved actors ranked by the events they take part in."""
    return _dicts(queries.top_actors(store, filters.validated()))


QUOTE_FILTERS = ("actor", "country", "since", "until", "source")
ARTICLE_FILTERS = ("actor", "country", "status", "since", "until", "source")


def quotes(store: Store, filters: Filters = Filters(), *, words: str | None = None,
           about: str | None = None) -> list[dict[str, Any]]:
    """Quotes with their speakers (``actor`` = speaker, ``country`` = speaker's), newest first; ``words``: the
    quote or its speaker contains them (any case); ``about``: quotes by others that name this actor (a mention
    resolved to it inside the quote)."""
    filters = filters.validated().only(*QUOTE_FILTERS)
    return _dicts(queries.quotes(store, filters, words=_words(words), about=_words(about)))


def quote_total(store: Store, filters: Filters = Filters(), *, words: str | None = None,
                about: str | None = None) -> int:
    """How many quotes :func:`quotes` would give without limit and offset."""
    return queries.quote_count(store, filters.validated().only(*QUOTE_FILTERS), words=_words(words),
                               about=_words(about))


def _words(value: str | None) -> str | None:
    """Free text with its spaces normalised; None for nothing."""
    text = " ".join(value.split()) if value else ""
    return text or None


def articles(store: Store, filters: Filters = Filters()) -> list[dict[str, Any]]:
    """Stored articles (``status``: original or near-duplicate), newest first."""
    filters = filters.validated(statuses=ARTICLE_STATUSES).only(*ARTICLE_FILTERS)
    return _dicts(queries.articles(store, filters))


def article_total(store: Store, filters: Filters = Filters()) -> int:
    """How many articles :func:`articles` would give without limit and offset."""
    return queries.article_count(store, filters.validated(statuses=ARTICLE_STATUSES).only(*ARTICLE_FILTERS))


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
