"""``export``: write a store as files other tools read (GDELT 2.0, PLOVER JSON lines, Parquet)."""
from __future__ import annotations

from pathlib import Path

import click

from tidings.cli.errors import BadValue
from tidings.cli.store_cmd import db_option, filter_options, min_confidence_option, open_store
from tidings.export import EXPORTERS, STREAMLESS_FORMATS, export
from tidings.query import Filters, QueryError


@click.command("export")
@click.option("--format", "fmt", required=True, type=click.Choice(list(EXPORTERS)),
              help="File layout to write: " + "; ".join(f"{name}: {e.summary}" for name, e in EXPORTERS.items()))
@click.option("--out", required=True, type=click.Path(),
              help="Output file, - for standard output (parquet: a folder).")
@filter_options("actor", "recipient", "country", "type", "status", "since", "until", "source")
@min_confidence_option
@click.option("--undated", type=click.Choice(["skip", "published"]), default="skip", show_default=True,
              help="GDELT files: leave out events without a date, or date current (not historical) ones "
                   "to their article's publication day.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many events/articles.")
@db_option
def export_command(fmt, out, undated, limit, db, **filters) -> None:
    """Export the store: GDELT 2.0 events/mentions/GKG (tab-separated, no header), PLOVER JSON lines, Parquet,
    or the store's Datasette metadata (table and column descriptions, article search, internal tables hidden).

    \b
    The filters select events as in `tidings events` (gdelt-gkg: the articles holding them).
    With --out - the rows go to standard output and the summary to standard error.
    Examples:
      tidings export --format gdelt-events --out events.tsv --since 2022-01
      tidings export --format plover-jsonl --out - --actor RUS --recipient UKR | jq .event_type
      tidings export --format parquet --out store_parquet/  # DuckDB: SELECT * FROM 'store_parquet/events.parquet'
      tidings export --format datasette-metadata --db news.db --out meta.json && datasette news.db -m meta.json
    """
    if out == "-" and fmt in STREAMLESS_FORMATS:
        raise BadValue(f"--format {fmt} writes a folder of files; give a folder for --out, not -")
    target = click.get_text_stream("stdout") if out == "-" else Path(out)
    with open_store(db) as store:
        try:
            summary = export(store, fmt, target, Filters(**filters), undated=undated, limit=limit)
        except QueryError as exc:
            raise BadValue(str(exc)) from None
    for line in summary.lines():
        click.echo(line, err=True)


COMMANDS = [export_command]
