"""The HTTP API and the web dashboard: a thin face over :mod:`tidings.query` and the pipeline.

``create_app(db)`` returns a FastAPI app. Reads open the store read-only per request; the one
write endpoint (``POST /api/ingest``) needs ``Authorization: Bearer <token>`` and is disabled
when no token is configured. ``/docs`` is a local page over ``/openapi.json`` (no CDN).
"""

import hashlib
import hmac
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field, field_validator, model_validator

from tidings import __version__, query
from tidings.models import RawArticle
from tidings.models.raw import storable_id, storable_text
from tidings.query import DEFAULT_LIMIT, Filters, QueryError
from tidings.storage import Store, StoreError

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
MAX_LIMIT = 1000
MAX_TEXT_CHARS = 2_000_000  # one posted article (text or HTML)
MAX_INGEST_ARTICLES = 500
MAX_ID_ECHO = 100  # characters of an unknown article id repeated in the 404 message
TOKEN_ENV = "TIDINGS_TOKEN"
#: Served with every response: nothing runs but our own files, data is never framed or sniffed.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="At most this many rows.")]


def event_filters(actor: str | None = None, recipient: str | None = None, country: str | None = None,
                  type: str | None = None, status: str | None = None, since: str | None = None,
                  until: str | None = None, source: str | None = None, limit: Limit = DEFAULT_LIMIT) -> Filters:
    """Event filters from the query string (same meaning as the CLI options)."""
    return Filters(actor=actor, recipient=recipient, country=country, type=type, status=status, since=since,
                   until=until, source=source, limit=limit)


EventFilters = Annotated[Filters, Depends(event_filters)]


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


def create_app(db: Path | str, *, token: str | None = None, pipeline=None) -> FastAPI:
    """The API and dashboard over the store at ``db``; ``token`` (else ``$TIDINGS_TOKEN``) enables writes."""
    db_path = Path(db)
    write_token = token if token is not None else os.environ.get(TOKEN_ENV) or None
    app = FastAPI(title="tidings", version=__version__, docs_url=None, redoc_url=None,
                  description="Political event data from news: events, quotes, actors and articles, "
                              "each traceable to character offsets in the stored article text.")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(QueryError)
    async def bad_filter(request: Request, exc: QueryError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        """422 naming each problem, without echoing the input (it may not even be encodable)."""
        errors = [{key: error[key] for key in ("type", "loc", "msg") if key in error} for error in exc.errors()]
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

    def require_token(authorization: Annotated[str | None, Header()] = None) -> None:
        if write_token is None:
            raise HTTPException(403, f"write endpoints are disabled (start the server with --token or ${TOKEN_ENV})")
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), write_token.encode()):
            raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})

    def run_pipeline():
        from tidings.pipeline import default_pipeline

        return pipeline or default_pipeline()

    # --- reads -------------------------------------------------------------------------------

    @app.get("/api/events", tags=["events"])
    def events(store: Reader, filters: EventFilters, mentions: bool = False) -> list[dict[str, Any]]:
        """Event clusters (or, with ``mentions=true``, every mention), newest first."""
        return query.events(store, filters, mentions=mentions)

    @app.get("/api/quotes", tags=["quotes"])
    def quotes(store: Reader, actor: str | None = None, country: str | None = None, since: str | None = None,
               until: str | None = None, source: str | None = None,
               limit: Limit = DEFAULT_LIMIT) -> list[dict[str, Any]]:
        """Quotes with their speakers (``actor``: the speaker; ``country``: the speaker's), newest first."""
        filters = Filters(actor=actor, country=country, since=since, until=until, source=source, limit=limit)
        return query.quotes(store, filters)

    @app.get("/api/actors", tags=["actors"])
    def actors(store: Reader, filters: EventFilters) -> list[dict[str, Any]]:
        """Actors ranked by the events (selected by the filters) they take part in."""
        return query.actors(store, filters)

    @app.get("/api/articles", tags=["articles"])
    def articles(store: Reader, actor: str | None = None, country: str | None = None, status: str | None = None,
                 since: str | None = None, until: str | None = None, source: str | None = None,
                 limit: Limit = DEFAULT_LIMIT) -> list[dict[str, Any]]:
        """Stored articles, newest first (``status``: original or near-duplicate)."""
        filters = Filters(actor=actor, country=country, status=status, since=since, until=until, source=source,
                          limit=limit)
        return query.articles(store, filters)

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def article(store: Reader, article_id: str) -> dict[str, Any]:
        """One stored article as the Document contract (``schema: tidings.document/1``)."""
        try:
            return query.document(store, article_id).to_dict()
        except StoreError:
            raise HTTPException(404, f"no article {article_id[:MAX_ID_ECHO]!r}") from None

    @app.get("/api/search", tags=["articles"])
    def search(store: Reader, q: Annotated[str, Query(min_length=1, max_length=500)],
               limit: Limit = DEFAULT_LIMIT) -> list[dict[str, Any]]:
        """Full-text search over titles and texts (words, "phrases", OR, NOT, prefix*)."""
        return query.search(store, q, limit=limit)

    @app.get("/api/failures", tags=["store"])
    def failures(store: Reader, limit: Limit = DEFAULT_LIMIT) -> list[dict[str, Any]]:
        """Inputs that could not be stored, with the reason."""
        return query.failures(store, limit=limit)

    @app.get("/api/stats/daily", tags=["stats"])
    def daily(store: Reader, filters: EventFilters) -> list[dict[str, Any]]:
        """Events per day and PLOVER type (day-precise dates), oldest first."""
        return query.daily_counts(store, filters)

    @app.get("/api/stats/dyads", tags=["stats"])
    def dyads(store: Reader, filters: EventFilters) -> list[dict[str, Any]]:
        """The most frequent actor → recipient code pairs."""
        return query.top_dyads(store, filters)

    @app.get("/api/stats/places", tags=["stats"])
    def places(store: Reader, filters: EventFilters) -> list[dict[str, Any]]:
        """Located events grouped by place, with coordinates (the dashboard map)."""
        return query.places(store, filters)

    @app.get("/api/summary", tags=["store"])
    def summary(store: Reader) -> dict[str, Any]:
        """Store totals, failures grouped by reason, and whether writes are enabled."""
        return {**query.summary(store), "writes_enabled": write_token is not None}

    # --- pipeline and writes -----------------------------------------------------------------

    @app.post("/api/extract", tags=["pipeline"])
    def extract(article: ArticleIn) -> dict[str, Any]:
        """Run the whole pipeline on one posted article and return its Document (nothing is stored)."""
        from tidings.stages.clean import BadInput

        try:
            return run_pipeline().process(_raw(article)).to_dict()
        except BadInput as exc:
            raise HTTPException(422, str(exc)) from None

    @app.post("/api/ingest", tags=["pipeline"], dependencies=[Depends(require_token)])
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

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html")

    app.mount("/static", StaticOnly(directory=STATIC), name="static")
    return app


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
    ident = article.id or hashlib.sha1(content.encode("utf-8", "replace")).hexdigest()[:16]
    return RawArticle(id=ident, html=article.html, text=article.text, url=article.url, title=article.title,
                      published=article.published, source=article.source, origin=origin)
