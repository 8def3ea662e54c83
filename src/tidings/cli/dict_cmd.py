"""``tidings dict``: check your own verb and actor dictionaries, import PETRARCH/TABARI ones."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

ACTOR_SUFFIXES = (".jsonl", ".tsv")
VERB_SUFFIXES = (".txt", ".verbs", ".verbpatterns")


@click.group("dict")
def dict_group() -> None:
    """Your own dictionaries: verb patterns ($TIDINGS_LEXICON) and actors ($TIDINGS_ACTORS).

    \b
    Both variables hold files or folders separated by ':'; user entries override the built-ins.
    Verb files use the tidings pattern format (resources/data/lexicon/README.md) or PETRARCH/TABARI
    .verbs files, read as they are. Actor files use the knowledge-base formats
    (resources/data/actors/README.md); PETRARCH/TABARI .actors/.agents files are converted once
    with `tidings dict import-actors`.
    \b
    Examples:
      tidings dict check my_verbs.txt CAMEO.2.0.verbs my_actors.jsonl
      tidings dict import-actors Phoenix.Countries.actors my_dicts/countries
      TIDINGS_ACTORS=my_dicts TIDINGS_LEXICON=my_verbs.txt tidings extract story.txt
    """


@dict_group.command("check")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
def check_command(paths: tuple[Path, ...]) -> None:
    """Validate dictionary files (default: every built-in resource: lexicons, actors, places, ontology…) and say
    what they add.

    Exits 1 and prints every problem as FILE:LINE: message when a file is invalid.

    \b
    Examples:
      tidings dict check                                   # the built-in data
      tidings dict check my_verbs.txt my_actors.jsonl CAMEO.2.0.verbs
    """
    from tidings.resources import actors, lexicon, validate_all

    problems: list[str] = []
    if not paths:
        found = validate_all()
        problems += [f"{name}: {problem}" for name, listed in found.items() for problem in listed]
        click.echo(f"built-in data: {len(found)} resources checked ({', '.join(found)}), "
                   f"{len(lexicon.builtin().patterns)} verb patterns")
    actor_files = [p for p in _files(paths) if p.suffix in ACTOR_SUFFIXES]
    verb_files = [p for p in _files(paths) if p.suffix in VERB_SUFFIXES]
    if actor_files:
        problems += actors.validate_user_files(actor_files)
        click.echo(f"{len(actor_files)} actor file(s) checked")
    for path in verb_files:
        try:
            extra = lexicon.load([path])
        except ValueError as exc:
            problems.append(str(exc))
            continue
        problems += [f"{path}: {p}" for p in lexicon.validate(extra)]
        click.echo(f"{path}: {len(extra.patterns) - len(lexicon.builtin().patterns):+d} patterns beside the built-ins")
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        sys.exit(1)
    click.echo("ok")


@dict_group.command("import-actors")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("target", type=click.Path(path_type=Path))
@click.option("--replace-known", is_flag=True, help="Also write entries the built-in knowledge base already has.")
def import_actors_command(source: Path, target: Path, replace_known: bool) -> None:
    """Convert a PETRARCH/TABARI actors or agents dictionary into tidings actor files.

    Writes TARGET.jsonl (people) and TARGET.orgs.tsv or TARGET.roles.tsv, and prints the
    $TIDINGS_ACTORS value that uses them.

    \b
    Examples:
      tidings dict import-actors Phoenix.Countries.actors my_dicts/countries
      tidings dict import-actors Phoenix.agents.txt my_dicts/agents --replace-known
    """
    from tidings.resources import actors

    target.parent.mkdir(parents=True, exist_ok=True)
    written = actors.write_petrarch_dictionary(
        source, target, replace_known=replace_known,
        on_problem=lambda message: click.echo(f"warning: {message}", err=True))
    for path in written:
        click.echo(f"wrote {path}")
    click.echo(f"use them with: export TIDINGS_ACTORS={os.pathsep.join(str(p) for p in written)}")


def _files(paths: tuple[Path, ...]) -> list[Path]:
    return [f for p in paths for f in (sorted(p.iterdir()) if p.is_dir() else [p]) if f.is_file()]


COMMANDS = [dict_group]
