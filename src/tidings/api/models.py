"""Typed responses of the HTTP API, so OpenAPI (``/openapi.json``, ``/docs``) documents every field and error.

Listing rows are written out by hand with a description per field; the article document is derived from
the data model's dataclasses (``tidings.models``), so it follows the output contract as it changes.
"""
from __future__ import annotations

import dataclasses
import functools
import operator
import types
import typing
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from tidings.models import Document
from tidings.models.document import Record

D = Field  # short alias: D(description=...)


class ValidationIssue(BaseModel):
    type: str = D(description="Pydantic's error type, e.g. missing or string_too_long.")
    loc: list[str | int] = D(description="Where the problem is, e.g. [\"body\", \"articles\", 0, \"text\"].")
    msg: str = D(description="What is wrong, in words.")


class Error(BaseModel):
    """Every error answer: a one-line reason (a list of issues for a bad JSON body)."""

    detail: str | list[ValidationIssue] = D(description="Why the request failed.")
    allowed: list[str] | None = D(default=None, description="The values the filter accepts, when they are a "
                                                              "closed set (event types, countries, sort keys).")


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Error, "description": "A bad filter or parameter value; `detail` names it and the allowed "
                                         "values."},
    503: {"model": Error, "description": "The store is missing, unreadable or of a newer schema."},
}


class _Row(BaseModel):
    model_config = ConfigDict(extra="ignore")


class EventCluster(_Row):
    """One real-world event, however many articles report it (its first mention supplies the evidence)."""

    cluster: int = D(description="The event cluster's key.")
    date: str | None = D(description="ISO 8601 date at the precision the text gives (2008, 2021-06, 2021-W51, "
                                     "2021-12-30); null when unknown.")
    date_last: str | None = D(None, description="The latest date among its mentions, when they differ.")
    date_precision: str | None = D(None, description="day, week, month, year or unknown.")
    date_label: str = D(description="The date as people read it: \"week of 28 Feb 2022\", \"Autumn 2019\".")
    day: str | None = D(description="First day of the dated period (YYYY-MM-DD): what sorting and date filters use.")
    type: str = D(description="PLOVER event type (ASSAULT, CONSULT, …).")
    cameo: str | None = D(description="CAMEO event code.")
    mode: str | None = D(description="PLOVER mode, when the text gives one.")
    status: str = D(description="asserted, negated, future or hypothetical.")
    historical: bool | None = D(description="True for background events well before publication.")
    quad_class: int | None = D(description="CAMEO QuadClass: 1 verbal cooperation, 2 material cooperation, "
                                           "3 verbal conflict, 4 material conflict.")
    goldstein: float | None = D(description="Goldstein scale score, −10 (most conflictual) to +10.")
    actor_code: str | None = D(description="CAMEO-style actor code (RUSGOV, NATO).")
    actor_id: str | None = D(description="Knowledge-base id of the actor (vladimir-putin), when resolved.")
    actor_name: str | None = D(description="The actor's name, else its text.")
    actor_country: str | None = D(description="ISO3 country of the actor.")
    recipient_code: str | None = D(description="CAMEO-style recipient code.")
    recipient_id: str | None = D(description="Knowledge-base id of the recipient.")
    recipient_name: str | None = D(description="The recipient's name, else its text.")
    recipient_country: str | None = D(description="ISO3 country of the recipient.")
    location_name: str | None = D(description="Where it happened.")
    location_country: str | None = D(description="ISO3 country of the location.")
    num_mentions: int = D(description="Mentions of this event across articles.")
    num_articles: int = D(description="Articles mentioning it.")
    num_sources: int = D(description="Distinct sources mentioning it.")
    confidence: float | None = D(description="The best confidence among its mentions (0–1).")
    article_id: str | None = D(description="The article of the first mention (ids may contain /).")
    source: str | None = D(description="That article's source.")
    url: str | None = D(description="That article's URL.")
    title: str | None = D(description="That article's title.")
    published: str | None = D(description="That article's publication date.")
    sentence: str | None = D(description="The evidence sentence.")
    sentence_start: int | None = D(description="Offset of the sentence in the article text.")
    sentence_end: int | None = D(description="End offset of the sentence in the article text.")
    trigger: str | None = D(description="The words that triggered the event.")
    trigger_start: int | None = D(description="Offset of the trigger in the article text (subtract "
                                              "sentence_start for its place in the sentence).")
    trigger_end: int | None = D(description="End offset of the trigger in the article text.")
    evidence: str | None = D(None, description="The lexicon pattern or rule behind the first mention.")


class EventMention(_Row):
    """One event as read in one article."""

    article_id: str = D(description="The article (ids may contain /).")
    event_id: str | None = D(description="The event's id within its article.")
    cluster: int | None = D(description="Its event cluster; null for a low-confidence candidate.")
    candidate: bool = D(description="True when below the event scorer's threshold (kept, not counted).")
    date: str | None = D(description="ISO 8601 date at the precision the text gives.")
    date_precision: str | None = D(description="day, week, month, year or unknown.")
    date_label: str = D(description="The date as people read it.")
    day: str | None = D(description="First day of the dated period (YYYY-MM-DD).")
    type: str = D(description="PLOVER event type.")
    cameo: str | None = D(description="CAMEO event code.")
    mode: str | None = D(description="PLOVER mode.")
    status: str = D(description="asserted, negated, future or hypothetical.")
    historical: bool | None = D(description="True for background events.")
    quad_class: int | None = D(description="CAMEO QuadClass (1–4).")
    goldstein: float | None = D(description="Goldstein scale score (−10 to +10).")
    actor_text: str | None = D(description="The actor as written.")
    actor_id: str | None = D(description="Knowledge-base id of the actor.")
    actor_code: str | None = D(description="CAMEO-style actor code.")
    actor_name: str | None = D(description="The actor's name.")
    recipient_text: str | None = D(description="The recipient as written.")
    recipient_id: str | None = D(description="Knowledge-base id of the recipient.")
    recipient_code: str | None = D(description="CAMEO-style recipient code.")
    recipient_name: str | None = D(description="The recipient's name.")
    location_name: str | None = D(description="Where it happened.")
    location_country: str | None = D(description="ISO3 country of the location.")
    trigger: str | None = D(description="The trigger words.")
    trigger_start: int | None = D(description="Offset of the trigger in the article text.")
    trigger_end: int | None = D(description="End offset of the trigger in the article text.")
    sentence_start: int | None = D(description="Offset of the sentence in the article text.")
    sentence_end: int | None = D(description="End offset of the sentence in the article text.")
    confidence: float | None = D(description="The event scorer's confidence (0–1).")
    evidence: str | None = D(description="The lexicon pattern or rule behind it.")
    source: str | None = D(description="The article's source.")
    url: str | None = D(description="The article's URL.")
    title: str | None = D(description="The article's title.")
    published: str | None = D(description="The article's publication date.")
    sentence: str | None = D(description="The evidence sentence.")


class Page(BaseModel):
    total: int = D(description="Rows matching the filters, whatever limit and offset.")
    limit: int = D(description="At most this many items were asked for.")
    offset: int = D(description="Rows skipped before the first item.")


class EventPage(Page):
    sort: str = D(description="The order of the items (a sort key, - first when descending).")
    mentions: bool = D(description="Whether items are event mentions (else event clusters).")
    items: list[EventCluster | EventMention] = D(description="Event clusters, or mentions with mentions=true.")


class ActorRow(_Row):
    id: str = D(description="Knowledge-base id.")
    name: str = D(description="Name.")
    kind: str | None = D(description="person, organization, country or group.")
    country: str | None = D(description="ISO3 country.")
    sector: str | None = D(description="CAMEO/PLOVER sector (GOV, MIL, IGO, …).")
    org: str | None = D(description="Organisation code (NATO, UN, …).")
    events: int = D(description="Events it takes part in (as actor or recipient).")
    as_actor: int = D(description="Events where it acts.")
    as_recipient: int = D(description="Events where it is the recipient.")
    quotes: int = D(description="Quotes it speaks.")


class DyadRow(_Row):
    actor_code: str = D(description="Actor code.")
    recipient_code: str = D(description="Recipient code.")
    events: int = D(description="Event clusters between them.")


class PlaceRow(_Row):
    name: str | None = D(description="Place name.")
    country: str | None = D(description="ISO3 country.")
    lat: float | None = D(description="Latitude.")
    lon: float | None = D(description="Longitude.")
    events: int = D(description="Located event clusters there.")


class CountryCount(_Row):
    country: str = D(description="ISO 3166-1 alpha-3 code.")
    name: str = D(description="English name.")
    events: int = D(description="Event clusters involving it (as actor, recipient or location country): what "
                                "country=<code> totals with the same filters.")


class ActorProfile(_Row):
    """Who an actor page is about: a knowledge-base actor, a country (its actors) or an actor code."""

    id: str | None = D(description="Knowledge-base id (vladimir-putin); null for a country or a code.")
    name: str = D(description="Name (the country's name, or the code itself).")
    kind: str | None = D(description="person, organization, country, group, or code (an actor code only).")
    country: str | None = D(description="ISO3 country.")
    sector: str | None = D(description="CAMEO/PLOVER sector (GOV, MIL, …).")
    org: str | None = D(description="Organisation code (NATO, UN, …).")
    wikidata: str | None = D(description="Wikidata id, when known.")
    code: str | None = D(description="The country or actor code, when the page is about one.")
    filter: str = D(description="What the party, actor and about filters take for it.")
    as_actor: int = D(description="Event clusters (all stored) where it acts.")
    as_recipient: int = D(description="Event clusters (all stored) where it is the recipient.")
    quotes: int = D(description="Quotes it speaks.")


class Counterpart(_Row):
    key: str = D(description="Knowledge-base id, else actor code: what the party filter takes for it.")
    id: str | None = D(description="Knowledge-base id, when resolved.")
    code: str | None = D(description="CAMEO-style actor code.")
    name: str = D(description="Name, else code.")
    country: str | None = D(description="ISO3 country.")
    events: int = D(description="Event clusters between them (either direction).")
    as_actor: int = D(description="Clusters where the counterpart acts on the page's actor.")
    as_recipient: int = D(description="Clusters where the page's actor acts on the counterpart.")
    goldstein: float | None = D(description="Mean Goldstein score of those clusters (−10 conflict … +10 "
                                            "cooperation).")


class PeriodRow(_Row):
    date: str = D(description="First day of the period (YYYY-MM-DD; weeks start on Monday).")
    label: str = D(description="The period as people read it (\"week of 28 Feb 2022\", \"Mar 2022\").")
    type: str = D(description="PLOVER event type.")
    events: int = D(description="Event clusters of this type in the period.")
    mentions: int | None = D(description="Their mentions.")


class PeriodCounts(BaseModel):
    bucket: str = D(description="day, week, month or year (auto picks the finest giving at most 150 periods).")
    first: str | None = D(description="First day of the matching dated events.")
    last: str | None = D(description="Last day of the matching dated events.")
    truncated: bool = D(description="True when the limit left out the oldest periods (whole periods only).")
    rows: list[PeriodRow] = D(description="One row per period and type, oldest first.")


class QuoteRow(_Row):
    article_id: str = D(description="The article quoted.")
    seq: int = D(description="The quote's number within its article.")
    published: str | None = D(description="Its publication date.")
    source: str | None = D(description="Its source.")
    title: str | None = D(description="Its title.")
    url: str | None = D(description="Its URL.")
    speaker_name: str | None = D(description="The speaker's resolved name.")
    speaker_text: str | None = D(description="The speaker as written.")
    speaker_actor_id: str | None = D(description="The speaker's knowledge-base id.")
    speaker_country: str | None = D(description="The speaker's ISO3 country.")
    kind: str | None = D(description="direct or indirect.")
    cue: str | None = D(description="The reporting verb (said, warned…).")
    text: str | None = D(description="What was said.")
    start: int | None = D(description="Offset of the quote in the article text.")
    end: int | None = D(description="End offset of the quote in the article text.")


class QuotePage(Page):
    items: list[QuoteRow]


class ArticleRow(_Row):
    id: str = D(description="Article id (may contain /).")
    published: str | None = D(description="Publication date.")
    source: str | None = D(description="Source.")
    title: str | None = D(description="Title.")
    url: str | None = D(description="URL.")
    language: str | None = D(description="Language code.")
    status: str | None = D(description="original or near-duplicate.")
    dup_cluster: str | None = D(description="Its near-duplicate story cluster.")
    similarity: float | None = D(description="Similarity to the story's original (near-duplicates).")
    chars: int | None = D(description="Length of the cleaned text.")
    origin: str | None = D(description="Where it was read from.")
    ingested_at: str | None = D(description="When it was stored.")
    events: int = D(description="Event mentions read in it.")


class ArticlePage(Page):
    items: list[ArticleRow]


class SearchHit(_Row):
    id: str = D(description="Article id.")
    published: str | None = D(description="Publication date.")
    source: str | None = D(description="Source.")
    title: str | None = D(description="Title.")
    snippet: str | None = D(description="Matching words in context, [marked].")


class FailureRow(_Row):
    input_id: str = D(description="The input.")
    origin: str | None = D(description="Where it came from.")
    reason: str = D(description="Why it could not be stored.")
    failed_at: str = D(description="When.")


class Summary(_Row):
    articles: int
    near_duplicates: int
    stories: int
    event_mentions: int
    events: int
    actors: int
    quotes: int
    skipped_duplicates: int
    failures: int
    first_published: str | None
    last_published: str | None
    failure_reasons: dict[str, int] = D(description="Failed inputs by reason.")
    writes_enabled: bool = D(description="Whether POST /api/ingest accepts a token.")


class Country(BaseModel):
    code: str = D(description="ISO 3166-1 alpha-3 code.")
    name: str = D(description="English name (also accepted by the country filter).")


class IngestResult(BaseModel):
    stored: int
    near_duplicates: int
    duplicates: int
    already_done: int
    failed: dict[str, int] = D(description="Failed inputs by reason.")
    summary: list[str] = D(description="The ingest summary, line by line.")


# --- the document contract, derived from the data model ------------------------------------------------

_MODELS: dict[type, type[BaseModel]] = {}


def _hint(hint: Any) -> Any:
    """A dataclass field's type with Record dataclasses replaced by their models (nested ones nullable:
    a stored event may lack a sentence or trigger)."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint) and issubclass(hint, Record):
        return model_of(hint) | None
    if origin in (typing.Union, types.UnionType):
        return functools.reduce(operator.or_, (_hint(a) for a in args))
    if origin is list:
        return types.GenericAlias(list, (_hint(args[0]),)) if args else list  # list[...] of a type built at run time
    return hint


def model_of(cls: type) -> type[BaseModel]:
    """A pydantic model with the fields ``cls.to_dict()`` gives."""
    if cls not in _MODELS:
        hints = typing.get_type_hints(cls)
        fields: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if not f.repr:
                continue
            if f.default is not dataclasses.MISSING:
                default = f.default
            elif f.default_factory is not dataclasses.MISSING:  # type: ignore[misc]
                default = Field(default_factory=f.default_factory)  # type: ignore[misc]
            else:
                default = ...
            fields[f.name] = (_hint(hints[f.name]), default)
        _MODELS[cls] = create_model(cls.__name__ + "Out", __doc__=cls.__doc__, **fields)
    return _MODELS[cls]


def document_model() -> type[BaseModel]:
    """The article document (``schema: tidings.document/1``), every layer typed."""
    hints = typing.get_type_hints(Document)
    fields: dict[str, Any] = {"schema_": (str, D(alias="schema", description="tidings.document/1"))}
    for name in ("article", "actors", "mentions", "events", "quotes", "dates", "places", "amounts", "tone"):
        fields[name] = (_hint(hints[name]), ...)
    return create_model("DocumentOut", __doc__="One stored article with every annotation (offsets into "
                                               "article.text).", **fields)


DocumentOut = document_model()
