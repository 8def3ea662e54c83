"""``tidings extract``: run the whole pipeline on articles, no database."""
from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Iterable, Iterator

import click

from tidings.cli.budget_options import budget_options
from tidings.cli.render import document_table
from tidings.cli.store_cmd import current_config, min_confidence_option
from tidings.models import Document, Failure, RawArticle
from tidings.stages.ingest import readers
from tidings.stages.ingest.readers import BlankLine, iter_inputs, raw_from_string

#: The ``schema`` of the JSONL output line standing for an input that failed.
FAILURE_SCHEMA = "tidings.failure/1"
#: Inputs read ahead and parsed together (a few spaCy batches): extract holds no more than this at a time.
CHUNK = 64


@click.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", help="Publication date (YYYY-MM-DD) used to anchor relative dates.")
@click.option("--url", help="Source URL recorded on the article.")
@click.option("--title", help="Article title, when the input has none.")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "table"]), default=None,
              help="json (default for one article), jsonl (default for several), or table.")
@click.option("--explain", is_flag=True, help="Show, per sentence, the parse and the rule behind each event.")
@min_confidence_option
@budget_options
def extract_command(paths, published, url, title, fmt, explain, min_confidence, max_bytes, max_file_bytes, max_chars,
                    time_budget) -> None:
    """Extract events, actors, quotes, dates, places and amounts from articles.

    \b
    PATHS are files (.html .htm .txt .md .jsonl), folders, or - for standard input.
    A .jsonl input holds one article per line: {"id", "text" or "html", "url", "title",
    "published"}; the output then has one document per input line, in order. An input
    that fails is named on stderr (and, in jsonl, is an {"error": ...} line in its place),
    an article over a budget (--max-bytes, --max-chars, --time-budget...) included. A blank
    input line is no input: in jsonl it is answered by a blank line, so line N out is line N in.
    \b
    Examples:
      tidings extract article.html --published 2021-12-30
      cat story.txt | tidings extract - --format table
      tidings extract batch.jsonl --format jsonl > documents.jsonl
      tidings extract article.html --min-confidence 0       # every candidate, with its confidence
      tidings extract huge.jsonl --max-chars 200000 --time-budget 20
    """
    from tidings import confident_events
    from tidings.batch.executors import ArticleLimits
    from tidings.pipeline import pipeline_for

    config = current_config({"events.min_confidence": min_confidence})
    inputs = _inputs(paths, published=published, url=url, title=title, max_bytes=max_bytes,
                     max_file_bytes=max_file_bytes)
    head = list(itertools.islice(inputs, 2))
    fmt = fmt or ("json" if len(head) == 1 else "jsonl")
    limits = ArticleLimits(time_budget=time_budget, max_chars=max_chars)
    failed = 0
    for chunk in _chunks(itertools.chain(head, inputs), CHUNK):  # streamed: a few articles in memory at a time
        raws = [item for item in chunk if isinstance(item, RawArticle)]
        processed = iter(limits.apply(pipeline_for(config)).process_many(raws) if raws else ())
        for item in chunk:
            if isinstance(item, BlankLine):  # not an input: a blank line answers it, so line N out is line N in
                if fmt == "jsonl":
                    click.echo("")
                continue
            result = next(processed) if isinstance(item, RawArticle) else item
            if isinstance(result, Failure):
                failed += 1
                origin = result.origin or item.origin or result.id
                click.echo(f"tidings: {origin}: {result.reason}", err=True)
                if fmt == "jsonl":  # output line N stays the document of input line N
                    click.echo(json.dumps(failure_record(result, origin=origin), ensure_ascii=False))
                continue
            click.echo(_render(result if explain else confident_events(result, config.events.min_confidence), fmt,
                               explain))
    if failed:
        sys.exit(1)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def failure_record(failure: Failure, *, origin: str | None) -> dict:
    """The JSONL output line of an input that gave no document: its id, where it came from and why."""
    return {"schema": FAILURE_SCHEMA, "article": {"id": failure.id}, "origin": origin, "error": failure.reason}


def _inputs(paths, *, published, url, title, max_bytes: int = readers.MAX_BYTES,
            max_file_bytes: int = readers.MAX_FILE_BYTES):
    """A RawArticle or a Failure per input, and a BlankLine per blank JSONL line."""
    for path in paths:
        if path == "-":
            content = sys.stdin.read(max_bytes + 1)  # bounded like any input file, never read whole
            if len(content) > max_bytes:
                yield Failure(id="stdin", reason=f"too large: standard input over {max_bytes} characters",
                              origin="<stdin>")
                continue
            yield raw_from_string(content, id="stdin", url=url, title=title, published=published)
            continue
        for raw in iter_inputs([path], blank_lines=True, max_bytes=max_bytes, max_file_bytes=max_file_bytes):
            if isinstance(raw, RawArticle):
                raw.published = raw.published or published
                raw.url = raw.url or url
                raw.title = raw.title or title
            yield raw


def _render(doc: Document, fmt: str, explain: bool) -> str:
    if explain:
        from tidings.stages.events.explain import explain_document

        return explain_document(doc)
    if fmt == "table":
        return document_table(doc)
    return json.dumps(doc.to_dict(), ensure_ascii=False, indent=2 if fmt == "json" else None)


COMMANDS = [extract_command]
