"""The HTTP API and the web dashboard: a thin face over :mod:`tidings.query` and the pipeline.

``create_app(db)`` returns a FastAPI app. Reads open the store read-only per request; the one
write endpoint (``POST /api/ingest``) needs ``Authorization: Bearer <token>`` and is disabled
when no token is configured. ``/docs`` is a local page over ``/openapi.json`` (no CDN).

Hardening: a request body over ``max_body`` bytes is a 413 (refused from its Content-Length, or cut off
as it streams in, never read whole); a Host header other than the bound host or a loopback name is a 400
(DNS rebinding); error messages never repeat the request's values; and ``POST /api/extract`` (a parse per
call) needs the token too when the server listens beyond loopback.
"""

import csv
import dataclasses
import hashlib
import hmac
import io
import ipaddress
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, field_validator, model_validator
from starlette.middleware.gzip import GZipMiddleware

from tidings import __version__, query
from tidings.api.models import (
    ERRORS,
    ActorProfile,
    ActorRow,
    ArticlePage,
    Counterpart,
    CountryCount,
    DocumentOut,
    DyadRow,
    Error,
    EventCluster,
    EventMention,
    EventPage,
    FailureRow,
    IngestResult,
    PeriodCounts,
    PlaceRow,
    QuotePage,
    SearchHit,
    Summary,
)
from tidings.api.models import Country as CountryOut
from tidings.export.cells import text_cells
from tidings.models import RawArticle
from tidings.models.document import EVENT_STATUSES
from tidings.models.raw import storable_id, storable_text
from tidings.query import DEFAULT_LIMIT, Filters, QueryError
from tidings.resources.ontology import PLOVER_TYPES
from tidings.storage import Store, StoreError

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
MAX_LIMIT = 1000
MAX_TEXT_CHARS = 2_000_000  # one posted article (text or HTML)
MAX_INGEST_ARTICLES = 500
TOKEN_ENV = "TIDINGS_TOKEN"
MAX_BODY_BYTES = 2_000_000  # one request body (--max-body, $TIDINGS_MAX_BODY): an article or a batch of them
MAX_BODY_ENV = "TIDINGS_MAX_BODY"
ALLOWED_HOSTS_ENV = "TIDINGS_ALLOWED_HOSTS"
#: Host names every server answers to; the bound host and ``allowed_hosts`` are added to them.
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
GIVEN = "(given value)"  # what stands in an error message for a value of the request
#: Served with every response: nothing runs but our own files, data is never framed or sniffed.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"At most this many rows (1–{MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, description="Skip this many rows first (pagination).")]
Actor = Annotated[str | None, Query(max_length=200, description=(
    "Actor: knowledge-base id or name (vladimir-putin, Vladimir Putin), ISO3 country (RUS) or actor/org code "
    "(RUSGOV, NATO)."))]
Recipient = Annotated[str | None, Query(max_length=200, description="Recipient, given like actor.")]
Party = Annotated[str | None, Query(max_length=200, description=(
    "Either side of the event (actor or recipient), given like actor: an actor's own events."))]
Country = Annotated[str | None, Query(max_length=100, description=(
    "Country of the actor, recipient or location: ISO 3166-1 alpha-3 code (RUS) or English name (Russia); "
    "GET /api/countries lists them. Anything else is a 400 naming the allowed values."))]
EventType = Annotated[str | None, Query(max_length=20, description=(
    f"PLOVER event type ({', '.join(PLOVER_TYPES)}) or CAMEO code prefix (04, 190)."))]
EventStatus = Annotated[str | None, Query(max_length=20, description=(
    f"Factuality: {', '.join(EVENT_STATUSES)}."))]
Since = Annotated[str | None, Query(max_length=10, description="From this date on: YYYY, YYYY-MM or YYYY-MM-DD.")]
Until = Annotated[str | None, Query(max_length=10, description="Up to this date (inclusive): YYYY, YYYY-MM or "
                                                               "YYYY-MM-DD.")]
Source = Annotated[str | None, Query(max_length=500, description="Only articles from this source (any case).")]
MinConfidence = Annotated[float | None, Query(ge=0, le=1, description=(
    "Leave out events below this confidence (0–1). Event mentions default to the event scorer's threshold, so "
    "low-confidence candidates stay hidden unless you pass a lower value (0 shows them all); clusters hold "
    "only events that passed it, and a higher value keeps clusters with a mention reaching it."))]
Historical = Annotated[bool | None, Query(description=(
    "true: only background events (\"Russia's 2008 invasion of Georgia\"); false: leave them out; "
    "absent: both."))]
Sort = Annotated[str | None, Query(max_length=20, description=(
    f"Order of event rows: {', '.join(query.CLUSTER_SORTS)} (clusters) or {', '.join(query.MENTION_SORTS)} "
    f"(mentions); prefix - for descending. Default -date (newest first)."))]
Mentions = Annotated[bool, Query(description="One row per event mention (with candidates' flag) instead of one "
                                             "per event cluster.")]


def event_filters(actor: Actor = None, recipient: Recipient = None, party: Party = None, country: Country = None,
                  type: EventType = None, status: EventStatus = None, since: Since = None, until: Until = None,
                  source: Source = None, min_confidence: MinConfidence = None,
                  historical: Historical = None) -> Filters:
    """Event filters from the query string (same meaning as the CLI options), validated; each endpoint adds
    its own limit."""
    return Filters(actor=actor, recipient=recipient, party=party, country=country, type=type, status=status,
                   since=since, until=until, source=source, min_confidence=min_confidence,
                   historical=historical).validated()


EventFilters = Annotated[Filters, Depends(event_filters)]


def download_filters(actor: Actor = None, recipient: Recipient = None, party: Party = None, country: Country = None,
                     type: EventType = None, status: EventStatus = None, since: Since = None, until: Until = None,
                     source: Source = None, min_confidence: MinConfidence = None, historical: Historical = None,
                     sort: Sort = None, offset: Offset = 0,
                     limit: Annotated[int | None, Query(ge=1, description="At most this many rows "
                                                                            "(default: every matching row).")] = None
                     ) -> Filters:
    """The event filters of a download: no row cap unless a limit is given."""
    return Filters(actor=actor, recipient=recipient, party=party, country=country, type=type, status=status,
                   since=since, until=until, source=source, min_confidence=min_confidence, historical=historical,
                   limit=limit, offset=offset, sort=sort).validated()


DownloadFilters = Annotated[Filters, Depends(download_filters)]
DOWNLOAD_CHUNK = 500  # rows per streamed chunk


class ArticleIn(BaseModel):
    """One article to extract or ingest: ``text`` or ``html``, with optional metadata."""

    id: str | None = Field(default=None, max_length=500)
    text: str | None = Field(default=None, max_length=MAX_TEXT_CHARS)
    html: str | None = Field(default=None, max_length=MAX_TEXT_CHARS)
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=2000)
    published: str | None = Field(default=None, max_length=40)
    source: str | None = Field(default=None, max_length=500)

    @field_validator("*", mode="before")
    @classmethod
    def _storable(cls, value: Any, info) -> Any:
        """Lone surrogates ("a\\udc00"): escaped in the id, replaced elsewhere, never a server error."""
        return storable_id(value) if info.field_name == "id" else storable_text(value)

    @model_validator(mode="after")
    def _one_body(self) -> "ArticleIn":
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of text or html")
        return self


class IngestIn(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_INGEST_ARTICLES)


def create_app(db: Path | str, *, token: str | None = None, pipeline=None, host: str = "127.0.0.1",
               allowed_hosts: Iterable[str] | None = None, max_body: int | None = None) -> FastAPI:
    """The API and dashboard over the store at ``db``; ``token`` (else ``$TIDINGS_TOKEN``) enables writes.

    ``host`` is the interface the server listens on: beyond loopback, ``POST /api/extract`` needs the token
    too (and is off without one). Requests must name the bound host, a loopback name or one of
    ``allowed_hosts`` (else ``$TIDINGS_ALLOWED_HOSTS``, comma-separated; ``*`` accepts any) in their Host
    header. Bodies are limited to ``max_body`` bytes (else ``$TIDINGS_MAX_BODY``, default 2 MB)."""
    db_path = Path(db)
    write_token = token if token is not None else os.environ.get(TOKEN_ENV) or None
    if allowed_hosts is None:
        allowed_hosts = [h for h in os.environ.get(ALLOWED_HOSTS_ENV, "").split(",") if h.strip()]
    hosts = host_names([host, *LOOPBACK_NAMES, *allowed_hosts])
    body_limit = max_body if max_body is not None else int(os.environ.get(MAX_BODY_ENV) or MAX_BODY_BYTES)
    public = not is_loopback(host)
    app = FastAPI(title="tidings", version=__version__, docs_url=None, redoc_url=None, responses=ERRORS,
                  description="Political event data from news: events, quotes, actors and articles, "
                              "each traceable to character offsets in the stored article text.")

    # Responses over 1 kB go gzip-compressed to clients that accept it (the map's shapes: 108 → ~35 kB); streamed
    # downloads stay streamed.
    app.add_middleware(GZipMiddleware, minimum_size=1024)  # type: ignore[arg-type]
    # Inside the headers middleware below (a BaseHTTPMiddleware would wrap its 413 in an exception group)
    app.add_middleware(BodyLimit, max_body=body_limit)  # type: ignore[arg-type]

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    app.add_middleware(HostCheck, hosts=hosts)  # type: ignore[arg-type]  # outermost: checked first

    @app.exception_handler(QueryError)
    async def bad_filter(request: Request, exc: QueryError) -> JSONResponse:
        body: dict[str, Any] = {"detail": scrub(str(exc), request)}
        if exc.allowed is not None:
            body["allowed"] = exc.allowed
        return JSONResponse(body, status_code=400)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        """A bad query-string or path value is a 400 with a one-line reason, like every other bad filter; a bad
        JSON body is a 422 naming each problem. Neither echoes the input (it may not even be encodable)."""
        errors = [{key: error[key] for key in ("type", "loc", "msg") if key in error} for error in exc.errors()]
        if errors and all(e.get("loc", ("",))[0] in ("query", "path") for e in errors):
            first = errors[0]
            return JSONResponse({"detail": scrub(f"bad {first['loc'][-1]}: {first['msg']}", request)},
                                status_code=400)
        return JSONResponse({"detail": jsonable_encoder(errors)}, status_code=422)

    @app.exception_handler(StoreError)
    async def store_unavailable(request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)

    def reader() -> Iterator[Store]:
        store = Store.open(db_path, readonly=True)  # a StoreError (no store, old schema) answers 503
        try:
            yield store
        finally:
            store.close()

    Reader = Annotated[Store, Depends(reader)]

    def require_token(authorization: Annotated[str | None, Header(
            description="Bearer <token>, the token the server was started with.")] = None) -> None:
        if write_token is None:
            raise HTTPException(403, f"write endpoints are disabled (start the server with --token or ${TOKEN_ENV})")
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), write_token.encode()):
            raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})

    def run_pipeline():
        from tidings.pipeline import default_pipeline

        return pipeline or default_pipeline()

    # --- reads -------------------------------------------------------------------------------

    def event_page(store: Store, filters: Filters, mentions: bool) -> dict[str, Any]:
        items = query.events(store, filters, mentions=mentions)
        total = query.event_total(store, filters, mentions=mentions)
        return {"total": total, "limit": filters.limit, "offset": filters.offset, "sort": filters.sort or "-date",
                "mentions": mentions, "items": items}

    @app.get("/api/events", tags=["events"], response_model=EventPage)
    def events(store: Reader, filters: EventFilters, sort: Sort = None, limit: Limit = DEFAULT_LIMIT,
               offset: Offset = 0, mentions: Mentions = False) -> dict[str, Any]:
        """Event clusters (or, with ``mentions=true``, every mention), newest first unless ``sort`` says
        otherwise, one page at a time: ``total`` counts every matching row. Each row carries its evidence
        sentence with the trigger's offsets, the article's id, source and URL, Goldstein score and QuadClass."""
        return event_page(store, dataclasses.replace(filters, sort=sort, limit=limit, offset=offset), mentions)

    def download(filters: Filters, mentions: bool, fmt: str) -> StreamingResponse:
        store = Store.open(db_path, readonly=True)
        try:
            rows = query.iter_event_rows(store, filters, mentions=mentions)
            first = next(rows, None)  # a bad filter fails here, before the response starts
        except BaseException:
            store.close()
            raise
        columns = list((EventMention if mentions else EventCluster).model_fields)

        def chunks() -> Iterator[str]:
            try:
                buffer = io.StringIO()
                writer = csv.DictWriter(buffer, columns, extrasaction="ignore", lineterminator="\n")
                if fmt == "csv":
                    writer.writeheader()
                for row in (_chain(first, rows) if first is not None else ()):
                    if fmt == "csv":
                        writer.writerow(text_cells(row))  # a title "=HYPERLINK(…)" stays text in a spreadsheet
                    else:
                        buffer.write(json.dumps(_jsonl_row(row, columns), ensure_ascii=False) + "\n")
                    if buffer.tell() > 64_000:
                        yield buffer.getvalue()
                        buffer.seek(0)
                        buffer.truncate()
                yield buffer.getvalue()
            finally:
                store.close()

        kind = "event-mentions" if mentions else "events"
        media = "text/csv; charset=utf-8" if fmt == "csv" else "application/x-ndjson"
        return StreamingResponse(chunks(), media_type=media, headers={
            "Content-Disposition": f'attachment; filename="tidings-{kind}.{fmt}"'})

    download_doc = ("Every matching event row (clusters, or mentions with ``mentions=true``), streamed with no "
                    "row cap, with the columns of ``/api/events`` items.")

    @app.get("/api/events.csv", tags=["events"], response_class=StreamingResponse, description=download_doc,
             responses={200: {"content": {"text/csv": {}}, "description": "CSV with a header line."}})
    def events_csv(filters: DownloadFilters, mentions: Mentions = False) -> StreamingResponse:
        return download(filters, mentions, "csv")

    @app.get("/api/events.jsonl", tags=["events"], response_class=StreamingResponse, description=download_doc,
             responses={200: {"content": {"application/x-ndjson": {}}, "description": "One JSON object a line."}})
    def events_jsonl(filters: DownloadFilters, mentions: Mentions = False) -> StreamingResponse:
        return download(filters, mentions, "jsonl")

    @app.get("/api/quotes", tags=["quotes"], response_model=QuotePage)
    def quotes(store: Reader, actor: Annotated[str | None, Query(max_length=200, description=(
                   "The speaker: id or name, ISO3 country or org code."))] = None,
               country: Annotated[str | None, Query(max_length=100, description=(
                   "The speaker's country: ISO3 code or English name."))] = None,
               since: Since = None, until: Until = None, source: Source = None,
               q: Annotated[str | None, Query(max_length=200, description=(
                   "Only quotes whose text or speaker contains these words (any case, as one phrase)."))] = None,
               about: Annotated[str | None, Query(max_length=200, description=(
                   "Only quotes by others that name this actor (given like actor; a mention resolved to it lies "
                   "inside the quote)."))] = None,
               limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
        """Quotes with their speakers and articles, newest articles first, one page at a time; filter by speaker,
        speaker's country, dates of the article, words, or an actor the quote is about."""
        filters = Filters(actor=actor, country=country, since=since, until=until, source=source, limit=limit,
                          offset=offset)
        return {"total": query.quote_total(store, filters, words=q, about=about), "limit": limit,
                "offset": offset, "items": query.quotes(store, filters, words=q, about=about)}

    @app.get("/api/actors", tags=["actors"], response_model=list[ActorRow])
    def actors(store: Reader, filters: EventFilters, limit: Limit = DEFAULT_LIMIT) -> list[dict[str, Any]]:
        """Actors ranked by the event clusters (selected by the filters) they take part in."""
        return query.actors(store, dataclasses.replace(filters, limit=limit))

    @app.get("/api/actors/{name:path}", tags=["actors"], response_model=ActorProfile,
             responses={404: {"model": Error, "description": "No actor, country or actor code of this name."}})
    def actor(store: Reader, name: Annotated[str, PathParam(max_length=200, description=(
            "A knowledge-base id or name (vladimir-putin, Vladimir Putin), a country (RUS, Russia) or an actor "
            "code seen in events (NATO, RUSGOV)."))]) -> dict[str, Any]:
        """Who the actor page is about, with its stored totals; ``filter`` is what the ``party`` (events),
        ``actor`` and ``about`` (quotes) filters take for it."""
        profile = query.actor_profile(store, name)
        if profile is None:
            raise HTTPException(404, "no actor, country or actor code of this name")
        return profile

    @app.get("/api/articles", tags=["articles"], response_model=ArticlePage)
    def articles(store: Reader, actor: Actor = None, country: Annotated[str | None, Query(
                     max_length=100, description="Articles naming a place in this country (ISO3 code or name)."
                 )] = None,
                 status: Annotated[str | None, Query(max_length=20, description=(
                     f"{' or '.join(query.ARTICLE_STATUSES)}."))] = None,
                 since: Since = None, until: Until = None, source: Source = None,
                 limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> dict[str, Any]:
        """Stored articles, newest first, one page at a time."""
        filters = Filters(actor=actor, country=country, status=status, since=since, until=until, source=source,
                          limit=limit, offset=offset)
        return {"total": query.article_total(store, filters), "limit": limit, "offset": offset,
                "items": query.articles(store, filters)}

    @app.get("/api/articles/{article_id:path}", tags=["articles"], response_model=DocumentOut,
             responses={404: {"model": Error, "description": "No article with this id."}})
    def article(store: Reader, article_id: Annotated[str, PathParam(description=(
            "The article id; ids may contain / (news/2021/story), given as they are or percent-encoded."))]
            ) -> dict[str, Any]:
        """One stored article as the Document contract (``schema: tidings.document/1``)."""
        try:
            return query.document(store, article_id).to_dict()
        except StoreError:
            raise HTTPException(404, "no article with this id") from None

    @app.get("/api/search", tags=["articles"], response_model=list[SearchHit])
    def search(store: Reader, q: Annotated[str, Query(min_length=1, max_length=500, description=(
                   'Words, "exact phrases", OR, NOT, prefix*.'))],
               limit: Limit = DEFAULT_LIMIT) -> list[dict[str, Any]]:
        """Full-text search over titles and texts, best first, with snippets."""
        return query.search(store, q, limit=limit)

    @app.get("/api/failures", tags=["store"], response_model=list[FailureRow])
    def failures(store: Reader, limit: Limit = DEFAULT_LIMIT) -> list[dict[str, Any]]:
        """Inputs that could not be stored, with the reason."""
        return query.failures(store, limit=limit)

    @app.get("/api/countries", tags=["store"], response_model=list[CountryOut])
    def countries() -> list[dict[str, str]]:
        """Every value the country filters accept: ISO3 codes and English names."""
        return query.countries()

    @app.get("/api/stats/daily", tags=["stats"], response_model=PeriodCounts)
    def daily(store: Reader, filters: EventFilters, bucket: Annotated[str, Query(
                  max_length=10, description=("Period: day, week, month or year; auto (default) picks the "
                                              "finest giving at most 150 periods over the matching dates."))] = "auto",
              limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=(
                  "At most this many rows (period × type); the latest whole periods are kept."))] = MAX_LIMIT
              ) -> dict[str, Any]:
        """Event clusters per period and PLOVER type, oldest first, rolled up by week, month or year when the
        dates span a long range (the payload stays small: at most 1,000 rows)."""
        return query.period_counts(store, dataclasses.replace(filters, limit=limit), bucket=bucket)

    @app.get("/api/stats/dyads", tags=["stats"], response_model=list[DyadRow])
    def dyads(store: Reader, filters: EventFilters, limit: Limit = DEFAULT_LIMIT) -> list[dict[str, Any]]:
        """The most frequent actor → recipient code pairs."""
        return query.top_dyads(store, dataclasses.replace(filters, limit=limit))

    @app.get("/api/stats/countries", tags=["stats"], response_model=list[CountryCount])
    def country_counts(store: Reader, filters: EventFilters, limit: Annotated[int, Query(
                           ge=1, le=MAX_LIMIT, description="At most this many countries, most events first.")] = 300
                       ) -> list[dict[str, Any]]:
        """Event clusters per country involved (actor, recipient or location country): the map's shading."""
        return query.country_counts(store, dataclasses.replace(filters, limit=limit))

    @app.get("/api/stats/counterparts", tags=["stats"], response_model=list[Counterpart])
    def counterparts(store: Reader, filters: EventFilters, limit: Limit = 25) -> list[dict[str, Any]]:
        """Who the ``party`` actor deals with (either direction), most events first, with the mean Goldstein
        score: the actor page's network. Needs ``party``; the other event filters narrow the events counted."""
        if not filters.party:
            raise QueryError("counterparts need a party (the actor whose counterparts to list)")
        return query.counterparts(store, filters.party, dataclasses.replace(filters, limit=limit))

    @app.get("/api/stats/places", tags=["stats"], response_model=list[PlaceRow])
    def places(store: Reader, filters: EventFilters, limit: Limit = DEFAULT_LIMIT) -> list[dict[str, Any]]:
        """Located events grouped by place, with coordinates (the dashboard map)."""
        return query.places(store, dataclasses.replace(filters, limit=limit))

    @app.get("/api/summary", tags=["store"], response_model=Summary)
    def summary(store: Reader) -> dict[str, Any]:
        """Store totals, failures grouped by reason, and whether writes are enabled."""
        return {**query.summary(store), "writes_enabled": write_token is not None}

    # --- pipeline and writes -----------------------------------------------------------------

    @app.post("/api/extract", tags=["pipeline"], response_model=DocumentOut,
              dependencies=[Depends(require_token)] if public else [],
              responses={422: {"model": Error, "description": "Not an article (empty, binary, …) or a bad body."},
                         **({401: {"model": Error, "description": "No valid bearer token."},
                             403: {"model": Error, "description": "Disabled: no token configured."}}
                            if public else {})})
    def extract(article: ArticleIn) -> dict[str, Any]:
        """Run the whole pipeline on one posted article and return its Document (nothing is stored)."""
        from tidings.stages.clean import BadInput

        try:
            return run_pipeline().process(_raw(article)).to_dict()
        except BadInput as exc:
            raise HTTPException(422, str(exc)) from None

    @app.post("/api/ingest", tags=["pipeline"], dependencies=[Depends(require_token)], response_model=IngestResult,
              responses={401: {"model": Error, "description": "No valid bearer token."},
                         403: {"model": Error, "description": "Writes are disabled (no token configured)."},
                         422: {"model": Error, "description": "A bad body."}})
    def ingest(batch: IngestIn) -> dict[str, Any]:
        """Store posted articles (bearer token required); each ends stored, skipped or failed."""
        from tidings.batch import ingest as run_ingest

        raws = [_raw(article, origin=f"api#{number}") for number, article in enumerate(batch.articles, start=1)]
        with Store.open(db_path) as store:
            result = run_ingest([], store=store, inputs=raws, pipeline=pipeline)
        return {"stored": result.stored, "near_duplicates": result.near_duplicates,
                "duplicates": result.duplicates, "already_done": result.already_done,
                "failed": dict(result.failed), "summary": result.lines()}

    # --- pages -------------------------------------------------------------------------------

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.api_route("/docs", methods=["GET", "HEAD"], include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html")

    @app.api_route("/favicon.ico", methods=["GET", "HEAD"], include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(STATIC / "favicon.ico", media_type="image/x-icon")

    app.mount("/static", StaticOnly(directory=STATIC), name="static")

    def openapi() -> dict[str, Any]:
        """FastAPI's description, with the errors this API really gives: a bad query value is a 400 (Error),
        only JSON bodies get a 422, and that 422 has the Error shape too."""
        if app.openapi_schema is None:
            spec = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            for operations in spec["paths"].values():
                for method, operation in operations.items():
                    responses = operation.get("responses", {})
                    if method == "get":
                        responses.pop("422", None)
                    elif "422" in responses:
                        responses["422"] = {"description": "A bad JSON body: detail lists each issue.",
                                            "content": {"application/json": {
                                                "schema": {"$ref": "#/components/schemas/Error"}}}}
            for name in ("HTTPValidationError", "ValidationError"):
                spec.get("components", {}).get("schemas", {}).pop(name, None)
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an interface to bind) is reachable from this machine only."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def host_names(hosts: Iterable[str]) -> frozenset[str]:
    """Host header names (port-less, lower case, IPv6 in brackets) from host names or addresses."""
    names = set()
    for given in hosts:
        name = given.strip().lower()
        if ":" in name and not name.startswith("["):  # a bare IPv6 address
            name = f"[{name}]"
        if name:
            names.add(name)
    return frozenset(names)


def _host_of(header: str) -> str:
    """The Host header's name without its port: ``example.org:8000`` → ``example.org``, ``[::1]:80`` → ``[::1]``."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[: header.find("]") + 1] if "]" in header else header
    return header.partition(":")[0]


class HostCheck:
    """A request whose Host header names another host is a 400: a page on a rebound DNS name cannot reach a
    server bound to localhost (or to one interface) from a victim's browser."""

    def __init__(self, app, hosts: frozenset[str]):
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] in ("http", "websocket") and "*" not in self.hosts:
            headers = dict(scope.get("headers") or [])
            host = _host_of(headers.get(b"host", b"").decode("latin-1"))
            if host not in self.hosts:
                response = JSONResponse({"detail": "unexpected Host header (start the server with --allow-host "
                                                   "NAME to accept this name)"}, status_code=400,
                                        headers=SECURITY_HEADERS)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int):
        super().__init__(413, f"request body over {limit} bytes")


class BodyLimit:
    """A body over ``max_body`` bytes is a 413: refused from its Content-Length before any of it is read, or,
    sent without one (chunked), as soon as what arrived passes the limit."""

    def __init__(self, app, max_body: int):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None:
            try:
                too_large = int(length) > self.max_body
            except ValueError:
                too_large = False  # the server refuses a malformed length itself
            if too_large:
                response = JSONResponse({"detail": f"request body over {self.max_body} bytes"}, status_code=413,
                                        headers={**SECURITY_HEADERS, "Connection": "close"})
                await response(scope, receive, send)
                return
        received = 0

        async def bounded_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return message

        await self.app(scope, bounded_receive, send)


def scrub(message: str, request: Request) -> str:
    """``message`` without the request's own values (query and path parameters): an error never echoes input."""
    values = [v for v in (*request.query_params.values(), *request.path_params.values()) if isinstance(v, str) and v]
    for value in sorted(values, key=len, reverse=True):
        message = message.replace(repr(value), GIVEN)
        if len(value) >= 2:
            message = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", GIVEN, message)
    return message


def _chain(first: dict[str, Any], rest: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    yield first
    yield from rest


def _jsonl_row(row: dict[str, Any], columns: list[str]) -> dict[str, Any]:
    """A download row in the column order of the listing, flags as booleans."""
    out = {name: row.get(name) for name in columns}
    if out.get("historical") is not None:
        out["historical"] = bool(out["historical"])
    return out


class StaticOnly(StaticFiles):
    """The dashboard's files; a path the file system cannot even look up ("app.js%00.txt") is a 404, not a 500."""

    async def get_response(self, path: str, scope):
        try:
            return await super().get_response(path, scope)
        except (ValueError, OSError):  # an embedded NUL, a name too long for the file system
            raise HTTPException(404, "Not Found") from None


def _raw(article: ArticleIn, *, origin: str = "api") -> RawArticle:
    """The RawArticle of a posted article; without an id, a hash of its content (so re-posting is idempotent)."""
    content = article.html if article.html is not None else article.text
    assert content is not None  # ArticleIn._one_body: exactly one of text or html
    ident = article.id or hashlib.sha1(content.encode("utf-8", "replace")).hexdigest()[:16]
    return RawArticle(id=ident, html=article.html, text=article.text, url=article.url, title=article.title,
                      published=article.published, source=article.source, origin=origin)
