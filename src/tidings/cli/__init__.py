"""The ``tidings`` command line: a thin face over the library.

Each module here defines ``COMMANDS``, a list of click commands added to the group. Errors are one
line on stderr with exit code 1 (inputs failed) or 2 (usage): see :mod:`tidings.cli.errors`.
The group's ``--config FILE`` and ``--set KEY=VALUE`` configure every command (:mod:`tidings.config`);
commands read the result with :func:`tidings.cli.store_cmd.current_config`.
"""
from __future__ import annotations

import sys

import click

from tidings import __version__
from tidings.cli import (
    bench_cmd,
    config_cmd,
    dict_cmd,
    eval_cmd,
    export_cmd,
    extract_cmd,
    serve_cmd,
    store_cmd,
    train_cmd,
)
from tidings.cli.errors import EXIT_FAILED, error_line
from tidings.cli.store_cmd import ConfigSources


class TidingsGroup(click.Group):
    """The command group, printing every error as one line (click's own usage errors included)."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        prog_name = prog_name or "tidings"  # also under ``python -m`` or a test runner
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.ClickException as exc:
            click.echo(error_line(exc), err=True)
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(EXIT_FAILED)
        sys.exit(code if isinstance(code, int) else 0)


@click.group(cls=TidingsGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="tidings")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="TOML configuration file (default: $TIDINGS_CONFIG): stage options, user dictionaries, store.")
@click.option("--set", "assignments", multiple=True, metavar="KEY=VALUE",
              help="One option, over the file's (repeatable), e.g. --set places.min_scan_population=5000.")
@click.pass_context
def main(ctx: click.Context, config_file: str | None, assignments: tuple[str, ...]) -> None:
    """tidings: who did what to whom, when and where, from raw news — offline.

    \b
    Quick start:
      tidings extract article.html --published 2021-12-30      # one article → JSON
      tidings extract story.txt --format table                 # human-readable summary
      tidings eval events ../shared/eval/events/plover_gsr_dev.jsonl
      tidings --config tidings.toml ingest news/ --db news.db   # options from a file
      tidings --set events.min_confidence=0.3 extract story.txt

    \b
    Options, the first source that sets one wins: a command's own options and --set, the --config
    file, environment variables (TIDINGS_<SECTION>_<KEY>, TIDINGS_LEXICON, TIDINGS_ACTORS, TIDINGS_DB),
    the defaults. `tidings config` prints the result; `tidings runs` what each ingest ran with.

    \b
    Exit codes: 0 done, 1 some inputs failed, 2 usage (bad option, value or path).
    """
    ctx.obj = ConfigSources(config_file, assignments)


for _module in (extract_cmd, eval_cmd, store_cmd, export_cmd, serve_cmd, bench_cmd, dict_cmd, train_cmd, config_cmd):
    for _command in _module.COMMANDS:
        main.add_command(_command)
