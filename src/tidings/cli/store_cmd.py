"""Store commands: ``ingest``, ``events``, ``quotes``, ``actors``, ``articles``, ``search``, ``failures``, ``runs``,
``demo``; and the options every command shares (``--db``, ``--min-confidence``, the configuration).

Thin faces over :mod:`tidings.batch` and :mod:`tidings.query`: no SQL and no extraction here.
"""
from __future__ import annotations

import csv
import functools
import io
import itertools
import json
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from tidings.cli.budget_options import budget_options
from tidings.cli.errors import EXIT_FAILED, BadValue
from tidings.config import Config, ConfigError, parse_assignments
from tidings.config import load as load_config
from tidings.export.cells import text_cells
from tidings.query import Filters, QueryError
from tidings.storage import Store, StoreError, default_path

FORMATS = ("table", "json", "jsonl", "csv")

#: Table columns per listing: (key, header, width).
EVENT_COLUMNS = [("date", "date", 10), ("type", "type", 9), ("cameo", "cameo", 5), ("status", "status", 12),
                 ("actor_name", "actor", 20), ("recipient_name", "recipient", 20), ("location_name", "where", 14),
                 ("num_mentions", "ment", 4), ("num_articles", "arts", 4), ("num_sources", "srcs", 4),
                 ("sentence", "sentence", 60)]
MENTION_COLUMNS = [("date", "date", 10), ("type", "type", 9), ("cameo", "cameo", 5), ("status", "status", 12),
                   ("actor_text", "actor", 20), ("recipient_text", "recipient", 20), ("trigger", "trigger", 12),
                   ("article_id", "article", 16), ("sentence", "sentence", 60)]
QUOTE_COLUMNS = [("published", "published", 10), ("speaker_name", "speaker", 22), ("kind", "kind", 8),
                 ("cue", "cue", 10), ("text", "quote", 80)]
ACTOR_COLUMNS = [("name", "actor", 28), ("id", "id", 24), ("country", "ctry", 4), ("sector", "sect", 4),
                 ("org", "org", 6), ("events", "events", 6), ("as_actor", "actor", 5),
                 ("as_recipient", "recip", 5), ("quotes", "quotes", 6)]
ARTICLE_COLUMNS = [("published", "published", 10), ("id", "id", 20), ("source", "source", 16),
                   ("status", "status", 14), ("events", "events", 6), ("title", "title", 60)]
SEARCH_COLUMNS = [("published", "published", 10), ("id", "id", 20), ("title", "title", 40),
                  ("snippet", "snippet", 80)]
FAILURE_COLUMNS = [("failed_at", "when", 25), ("input_id", "input", 24), ("reason", "reason", 40),
                   ("origin", "origin", 50)]

db_option = click.option("--db", "db", type=click.Path(dir_okay=False), default=None,
                         help="Store file (default: $TIDINGS_DB or ./tidings.db).")
format_option = click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                             help="Output format.")
limit_option = click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True,
                            help="At most this many rows.")

min_confidence_option = click.option(
    "--min-confidence", "min_confidence", type=click.FloatRange(0.0, 1.0), default=None,
    help="Leave out events the event scorer is less sure of (0-1; default: its threshold, chosen for a "
         "precision of about 0.85 on the annotated dev split). 0 shows every candidate.")

FILTER_HELP = {
    "actor": "Actor: id or name, ISO3 country, or org/actor code (NATO, RUSGOV).",
    "recipient": "Recipient (target) actor, same forms as --actor.",
    "country": "ISO3 country of actor, recipient or location.",
    "type": "PLOVER type (CONSULT, ASSAULT...) or CAMEO code prefix (04, 190).",
    "status": "asserted, negated, future or hypothetical.",
    "since": "From this date (YYYY, YYYY-MM or YYYY-MM-DD).",
    "until": "Up to this date, inclusive.",
    "source": "Only articles from this source.",
}


def filter_options(*names: str, help_overrides: dict[str, str] | None = None) -> Callable:
    """Add ``--name`` options for the given Filters fields."""
    texts = {**FILTER_HELP, **(help_overrides or {})}

    def decorate(fn: Callable) -> Callable:
        for name in reversed(names):
            fn = click.option(f"--{name}", name, default=None, help=texts[name])(fn)
        return fn
    return decorate


@dataclass(frozen=True)
class ConfigSources:
    """What ``tidings --config FILE --set KEY=VALUE`` gave; read when a command needs its configuration."""

    file: str | None = None
    assignments: tuple[str, ...] = ()


def current_config(options: dict[str, object] | None = None) -> Config:
    """This command's configuration: its own ``options`` given (dotted keys; None values are not given), then
    the group's ``--set`` and ``--config``, the environment, the defaults. A bad one is a usage error (exit 2)."""
    ctx = click.get_current_context(silent=True)
    sources = ctx.find_root().obj if ctx is not None else None
    sources = sources if isinstance(sources, ConfigSources) else ConfigSources()
    try:
        overrides: dict[str, object] = {**parse_assignments(sources.assignments)}
        overrides.update({k: v for k, v in (options or {}).items() if v is not None})
        return load_config(sources.file, overrides=overrides)
    except ConfigError as exc:
        raise BadValue(str(exc)) from None


def configured_pipeline(config: Config):
    """A Pipeline of ``config`` (its resources loaded lazily), or None when the process-wide pipeline (the
    environment's configuration) is the one to use."""
    from tidings.pipeline import Pipeline

    return None if config.stage_options() == load_config().stage_options() else Pipeline(config=config)


def open_store(db: str | None, *, create: bool = False) -> Store:
    """The store at ``db`` (default: the configuration's ``store.db``, else ./tidings.db); a missing or foreign
    file is a usage error (exit 2), other problems exit 1."""
    path = Path(db or current_config().store.db or default_path())
    try:
        return Store.open(path, create=create)
    except StoreError as exc:
        if not path.is_file() or "not a tidings store" in str(exc):
            raise BadValue(str(exc)) from None
        raise click.ClickException(str(exc)) from None


def run_query(db: str | None, query: Callable[[Store], list[dict]]) -> list[dict]:
    """Open the store, run ``query``, turn a bad filter value into a one-line usage error (exit 2)."""
    with open_store(db) as store:
        try:
            return query(store)
        except QueryError as exc:
            raise BadValue(str(exc)) from None


# --- rendering ---------------------------------------------------------------------------


def _cell(value: Any, width: int) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def table(rows: Sequence[dict], columns: Sequence[tuple[str, str, int]]) -> str:
    """Fixed-width text table (cells flattened to one line and cut to width)."""
    widths = [min(width, max([len(header)] + [len(_cell(r.get(key), width)) for r in rows]))
              for key, header, width in columns]
    lines = ["  ".join(h.ljust(w) for (_, h, _), w in zip(columns, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        cells = (_cell(row.get(key), w).ljust(w) for (key, _, _), w in zip(columns, widths, strict=True))
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def render(rows: list[dict], fmt: str, columns: Sequence[tuple[str, str, int]]) -> str:
    """Rows as a table, a JSON array, JSON lines or CSV (all columns for the machine formats)."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    if fmt == "jsonl":
        return "\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
    if fmt == "csv":
        out = io.StringIO()
        fields = list(rows[0]) if rows else [key for key, _, _ in columns]
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(text_cells(row) for row in rows)  # no cell a spreadsheet would run as a formula
        return out.getvalue().rstrip("\n")
    return table(rows, columns) if rows else "(no rows)"


def emit(rows: list[dict], fmt: str, columns: Sequence[tuple[str, str, int]]) -> None:
    text = render(rows, fmt, columns)
    if text:
        click.echo(text)


# --- ingest --------------------------------------------------------------------------------


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Local worker processes (each loads spaCy once).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local processes, or a dask.distributed cluster (needs --scheduler).")
@click.option("--scheduler", default=None, help="Dask scheduler address, e.g. tcp://10.0.0.5:8786.")
@click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True,
              help="Articles per batch (one transaction each).")
@click.option("--retry-failed", is_flag=True, help="Try again the inputs that failed in earlier runs.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@min_confidence_option
@budget_options
def ingest_command(paths, db, workers, engine, scheduler, batch_size, retry_failed, quiet, min_confidence,
                   max_bytes, max_file_bytes, max_chars, time_budget) -> None:
    """Run the pipeline on news files and store the results (idempotent, resumable).

    \b
    PATHS are files, folders or globs: .html .htm .txt .md .jsonl .warc .warc.gz, RSS/Atom,
    or - for one article on standard input (its id is a hash of its content).
    Every input ends stored, skipped as a duplicate, or failed with a reason (`tidings failures`).
    Re-running skips everything already committed, so an interrupted run just continues.
    Events below --min-confidence are stored as candidates but left out of event counts and exports.
    What is over a budget (--max-bytes, --max-file-bytes, --max-chars, --time-budget) fails with its reason.
    With --engine dask the workers need this tidings installed; each loads the pipeline once.
    The store records each run with its configuration and resource versions (`tidings runs`).
    Exit code 1 when some inputs failed; 2 (and no store created) for a path that does not exist.
    \b
    Examples:
      tidings ingest news/ --db news.db --workers 4
      tidings --config tidings.toml ingest news/ --db news.db
      curl -s https://example.org/story.html | tidings ingest - --db news.db
      tidings ingest 'crawl/*.warc.gz' --engine dask --scheduler tcp://10.0.0.5:8786
      tidings ingest feeds/ --max-bytes 5MB --time-budget 30
    """
    from tidings.batch import ingest
    from tidings.batch.executors import ExecutorError

    if engine == "dask" and not scheduler:
        raise click.UsageError("--engine dask needs --scheduler tcp://HOST:PORT")
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    missing = [p for p in paths if p != "-" and not _exists(p)]
    if missing:
        raise BadValue(f"no such file, folder or glob match: {missing[0]}")
    if paths.count("-") > 1:
        raise BadValue("standard input (-) can be read only once")
    config = current_config({"store.db": db, "events.min_confidence": min_confidence})
    inputs = _inputs_with_stdin(paths, max_bytes=max_bytes, max_file_bytes=max_file_bytes) if "-" in paths else None
    with open_store(config.store.db, create=True) as store:
        try:
            summary = ingest(paths, store=store, engine=engine, workers=workers, scheduler=scheduler,
                             batch_size=batch_size, retry_failed=retry_failed, progress=not quiet, inputs=inputs,
                             config=config, max_bytes=max_bytes, max_file_bytes=max_file_bytes,
                             max_chars=max_chars, time_budget=time_budget)
        except (ExecutorError, StoreError) as exc:
            raise click.ClickException(str(exc)) from None
    for line in summary.lines():
        click.echo(line, err=True)
    if summary.failed:
        sys.exit(EXIT_FAILED)


def _exists(path: str) -> bool:
    """A file or folder, or a glob matching at least one."""
    import glob

    return Path(path).exists() or bool(glob.glob(path, recursive=True))


def _inputs_with_stdin(paths: Sequence[str], *, max_bytes: int, max_file_bytes: int) -> Iterable:
    """The inputs of ``paths`` in order, ``-`` being one article read from standard input (read now, so an
    empty stdin is a usage error before any store is created)."""
    from tidings.models import Failure, RawArticle
    from tidings.stages.ingest.readers import iter_inputs, raw_from_string

    content = click.get_text_stream("stdin").read(max_bytes + 1)  # bounded like any input file
    if not content.strip():
        raise BadValue("standard input is empty")
    stdin: RawArticle | Failure
    if len(content) > max_bytes:
        stdin = Failure(id="stdin", reason=f"too large: standard input over {max_bytes} characters",
                        origin="<stdin>")
    else:
        stdin = raw_from_string(content)
        stdin.origin = "<stdin>"
    before, after = list(paths[: paths.index("-")]), list(paths[paths.index("-") + 1:])
    read = functools.partial(iter_inputs, max_bytes=max_bytes, max_file_bytes=max_file_bytes)
    return itertools.chain(read(before) if before else (), [stdin], read(after) if after else ())


# --- queries -------------------------------------------------------------------------------


@click.command("events")
@filter_options("actor", "recipient", "country", "type", "status", "since", "until", "source")
@click.option("--mentions", is_flag=True, help="One row per mention in an article instead of per event cluster.")
@min_confidence_option
@limit_option
@format_option
@db_option
def events_command(db, fmt, limit, mentions, **filters) -> None:
    """List events, newest first: one row per real-world event with its mention/article/source counts.

    \b
    Examples:
      tidings events --actor RUS --recipient UKR --type THREATEN --since 2021-12
      tidings events --actor "Vladimir Putin" --format csv > putin.csv
      tidings events --type 19 --status asserted --mentions
      tidings events --mentions --min-confidence 0.3     # include less certain candidates
    """
    from tidings import query

    rows = run_query(db, lambda s: query.events(s, Filters(limit=limit, **filters), mentions=mentions))
    emit(rows, fmt, MENTION_COLUMNS if mentions else EVENT_COLUMNS)


def listing_command(name: str, columns, filters: Sequence[str], doc: str,
                    help_overrides: dict[str, str] | None = None) -> click.Command:
    """A query command: the given filters, --limit, --format and --db, rows from ``tidings.query.<name>``."""

    @click.command(name, help=doc)
    @filter_options(*filters, help_overrides=help_overrides)
    @limit_option
    @format_option
    @db_option
    def command(db, fmt, limit, **values) -> None:
        from tidings import query

        run = getattr(query, name)
        emit(run_query(db, lambda store: run(store, Filters(limit=limit, **values))), fmt, columns)

    return command


quotes_command = listing_command(
    "quotes", QUOTE_COLUMNS, ("actor", "country", "since", "until", "source"),
    """List quotes with their speakers, newest articles first.

    \b
    Examples:
      tidings quotes --actor "Dmitry Peskov" --format csv > peskov.csv
      tidings quotes --country UKR --since 2022-02
    """,
    {"actor": "Speaker: id or name, ISO3 country or org code.", "country": "Speaker's ISO3 country."})
actors_command = listing_command(
    "actors", ACTOR_COLUMNS, ("actor", "recipient", "country", "type", "status", "since", "until", "source"),
    """Top actors by the number of events they take part in (the filters select the events).

    \b
    Examples:
      tidings actors --limit 20
      tidings actors --type ASSAULT --country UKR --format json
    """)
articles_command = listing_command(
    "articles", ARTICLE_COLUMNS, ("actor", "country", "status", "since", "until", "source"),
    """List stored articles, newest first.

    \b
    Examples:
      tidings articles --source Reuters --since 2021-12
      tidings articles --status near-duplicate --format jsonl
    """,
    {"status": "original or near-duplicate (a copy of an earlier story).",
     "country": "ISO3 country of a place named in the article.", "actor": "An actor named in the article."})


@click.command("search")
@click.argument("words")
@limit_option
@format_option
@db_option
def search_command(words, db, fmt, limit) -> None:
    """Full-text search over stored articles, best matches first, with snippets.

    \b
    WORDS use SQLite FTS5 syntax: plain words (all must occur), "an exact phrase",
    OR, NOT, prefix*.
    \b
    Examples:
      tidings search '"peace talks" Geneva'
      tidings search 'sanction* OR embargo' --format json --limit 10
    """
    from tidings import query

    emit(run_query(db, lambda s: query.search(s, words, limit=limit)), fmt, SEARCH_COLUMNS)


@click.command("failures")
@limit_option
@format_option
@db_option
def failures_command(db, fmt, limit) -> None:
    """Inputs that could not be stored, with the reason (empty, binary, not English, parse error...).

    \b
    Examples:
      tidings failures --db news.db
      tidings failures --format csv > failures.csv
    """
    from tidings import query

    emit(run_query(db, lambda s: query.failures(s, limit=limit)), fmt, FAILURE_COLUMNS)


# --- demo ----------------------------------------------------------------------------------


@click.command("demo")
@click.option("--db", "db", type=click.Path(dir_okay=False), default=None,
              help="Where to build the demo store (must not exist; default: a fresh temporary folder).")
@click.option("--corpus", type=click.Path(exists=True, file_okay=False), default=None,
              help="Folder to ingest instead of the bundled sample corpus.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
def demo_command(db, corpus, workers) -> None:
    """Ingest the bundled sample corpus into a fresh store and show what it found.

    \b
    Examples:
      tidings demo
      tidings demo --corpus my_articles/ --db my_demo.db --workers 2
    """
    from tidings import query
    from tidings.batch import ingest

    corpus = Path(corpus) if corpus else _bundled_corpus()
    path = Path(db) if db else Path(tempfile.mkdtemp(prefix="tidings-demo-")) / "demo.db"
    if path.exists():
        raise click.ClickException(f"{path} already exists; the demo builds a fresh store (pick another --db)")
    click.echo(f"Ingesting {corpus} into {path} ...", err=True)
    with open_store(str(path), create=True) as store:
        summary = ingest([str(corpus)], store=store, workers=workers, progress=sys.stderr.isatty(),
                         config=current_config())
        sections = [
            ("EVENTS (one row per real-world event, newest first)",
             query.events(store, Filters(limit=20)), EVENT_COLUMNS),
            ("TOP ACTORS", query.actors(store, Filters(limit=10)), ACTOR_COLUMNS),
            ("TOP DYADS", query.top_dyads(store, Filters(limit=10)),
             [("actor_code", "actor", 12), ("recipient_code", "recipient", 12), ("events", "events", 6)]),
            ("QUOTES", query.quotes(store, Filters(limit=10)), QUOTE_COLUMNS),
        ]
        totals = query.summary(store)
    for title, rows, columns in sections:
        click.echo(f"\n{title}\n{render(rows, 'table', columns)}")
    click.echo("\nSUMMARY")
    for line in summary.lines():
        click.echo(line)
    click.echo(f"  store: {totals['articles']} articles ({totals['stories']} distinct stories, "
               f"{totals['off_topic']} off-topic and not coded), {totals['events']} events from "
               f"{totals['event_mentions']} mentions ({totals['event_candidates']} less certain candidates kept "
               f"aside), {totals['actors']} actors, {totals['quotes']} quotes")
    click.echo(f"\nExplore it:  tidings events --db {path}   ·   tidings search 'talks' --db {path}"
               f"   ·   tidings failures --db {path}")


def _bundled_corpus() -> Path:
    try:
        from tidings.examples import corpus_path
    except ImportError:
        raise click.ClickException("the bundled sample corpus is not installed (pass --corpus DIR)") from None
    return corpus_path()


# --- provenance ----------------------------------------------------------------------------

RUN_COLUMNS = [("id", "run", 4), ("started_at", "started", 25), ("finished_at", "finished", 25),
               ("tidings_version", "version", 8), ("articles", "stored", 6), ("lexicon", "lexicon", 12),
               ("actors", "actor KB", 12), ("ontology", "ontology", 12), ("models", "models", 12),
               ("command", "inputs", 40)]
#: The resources a run's table row shows (a short prefix of their content hash).
RUN_RESOURCES = ("lexicon", "actors", "ontology", "models")


@click.command("runs")
@click.option("--article", default=None, help="Show the run that stored this article (id).")
@click.option("--event", default=None, help="Show the run that stored this event (event id).")
@click.option("--run", "run_id", type=int, default=None, help="Show this run.")
@limit_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format (default: table for the list, json for one run).")
@db_option
def runs_command(article, event, run_id, limit, fmt, db) -> None:
    """Ingest runs, newest first: when, with which configuration and resource versions, how many articles.

    \b
    With --article, --event or --run: that one run in full (every option; a SHA-256 of every
    lexicon, actor, ontology and model file; package versions). An article stored before runs
    were recorded has none (exit 0, "null").
    \b
    Examples:
      tidings runs --db news.db
      tidings runs --event 3f2a9c0d1e4b5a67 --db news.db
      tidings runs --article news/2022/story --format json | jq .config.events
    """
    from tidings import provenance

    if sum(x is not None for x in (article, event, run_id)) > 1:
        raise BadValue("give one of --article, --event and --run")
    with open_store(db) as store:
        if article is None and event is None and run_id is None:
            rows = provenance.runs(store, limit=limit)
            emit([_run_row(r) for r in rows] if (fmt or "table") == "table" else rows, fmt or "table", RUN_COLUMNS)
            return
        try:
            found = provenance.produced(store, article=article, event=event, run=run_id)
        except StoreError as exc:
            raise BadValue(str(exc)) from None
    if fmt in ("table", "csv"):
        emit([_run_row(found)] if found else [], fmt, RUN_COLUMNS)
    else:
        click.echo(json.dumps(found, ensure_ascii=False, indent=None if fmt == "jsonl" else 2))


def _run_row(run: dict) -> dict:
    """A run flattened for the table: short content hashes of the main resources, inputs on one line."""
    row = {k: v for k, v in run.items() if k not in ("config", "resources", "summary")}
    row.update({name: (run["resources"].get(name) or {}).get("sha256", "")[:12] for name in RUN_RESOURCES})
    row["command"] = " ".join(run["command"] or [])
    return row


COMMANDS = [ingest_command, events_command, quotes_command, actors_command, articles_command, search_command,
            failures_command, runs_command, demo_command]
