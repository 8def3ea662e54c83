"""``tidings eval KIND PATH``: score the pipeline against a gold file or folder."""
from __future__ import annotations

import importlib
import json
from pathlib import Path

import click

from tidings.cli.errors import BadValue
from tidings.cli.store_cmd import configured_pipeline, current_config
from tidings.corpus.sources import MissingSource
from tidings.eval import KINDS


@click.command("eval")
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("path")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N gold items.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def eval_command(kind: str, path: str, limit: int | None, fmt: str) -> None:
    """Score the pipeline against gold data and print precision / recall / F1 tables.

    \b
    KIND is one of: events, quotes, dates, places, corpus (PATH is then a split of the project's
    annotated real-news corpus: train, dev or test; texts read from ../shared).
    \b
    Examples:
      tidings eval events ../shared/eval/events/plover_gsr_dev.jsonl
      tidings eval quotes ../shared/eval/quotes/polnear_dev
      tidings eval dates  ../shared/eval/dates/tempeval3_training/TBAQ-cleaned
      tidings eval places ../shared/eval/places/TR-News.xml
      tidings eval corpus test
      tidings --set events.lexicon_files=my_verbs.txt eval events gold.jsonl   # with other options
    """
    if kind != "corpus" and not Path(path).exists():
        raise click.BadParameter(f"Path {path!r} does not exist.", param_hint="PATH")
    scorer = importlib.import_module(f"tidings.eval.{kind}")
    pipeline = configured_pipeline(current_config())  # None: each scorer's own default pipeline
    try:
        report = scorer.evaluate(path, limit=limit, pipeline=pipeline)
    except MissingSource as exc:  # the corpus's texts live in ../shared
        raise click.ClickException(str(exc)) from None
    except ValueError as exc:  # a bad split name, an unreadable gold file
        raise BadValue(str(exc)) from None
    click.echo(json.dumps(report.to_dict(), indent=2) if fmt == "json" else report.render())


COMMANDS = [eval_command]
