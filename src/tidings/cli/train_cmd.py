"""``tidings train topic|events``: retrain the learned models from committed data (texts from ../shared)."""
from __future__ import annotations

import json

import click


@click.command("train")
@click.argument("model", type=click.Choice(["topic", "events", "all"]))
@click.option("--dry-run", is_flag=True, help="Train and print the figures without writing the model file.")
def train_command(model: str, dry_run: bool) -> None:
    """Retrain a learned model and write its weights into the package's data folder.

    \b
    topic   the topic gate, from the BBC News topic corpus (train file; gate chosen on val)
    events  the trigger table and the event scorer, from the annotated corpus (corpus/annotations: train
            split; calibrated and its default threshold chosen on dev; test is never used)
    Both read texts from ../shared (or $TIDINGS_SHARED). Deterministic: same data, same weights.
    \b
    Examples:
      tidings train topic
      tidings train events
      tidings train all && tidings eval corpus test
    """
    from tidings.corpus.sources import MissingSource

    try:
        _train(model, dry_run)
    except MissingSource as exc:  # the training texts live in ../shared
        raise click.ClickException(str(exc)) from None


def _train(model: str, dry_run: bool) -> None:
    from tidings.learn import scorer, train, triggers

    if model in ("topic", "all"):
        topic_model, figures = train.train_topic()
        click.echo("topic gate: " + json.dumps(figures))
        if not dry_run:
            topic_model.save()
            from tidings.learn import topic

            topic.load.cache_clear()
    if model in ("events", "all"):
        scorer_model, trigger_table, figures = train.train_events_from_corpus()
        click.echo("event scorer: " + json.dumps(figures))
        if not dry_run:
            scorer_model.save()
            triggers.save(trigger_table)
            scorer.load.cache_clear()
            triggers.load.cache_clear()


COMMANDS = [train_command]
