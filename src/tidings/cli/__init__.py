"""The ``tidings`` command line: a thin face over the library.

Each module here defines ``COMMANDS``, a list of click commands added to the group. Errors are one
line on stderr with exit code 1 (inputs failed) or 2 (usage): see :mod:`tidings.cli.errors`.
"""
from __future__ import annotations

import sys

import click

from tidings import __version__
from tidings.cli import bench_cmd, dict_cmd, eval_cmd, export_cmd, extract_cmd, serve_cmd, store_cmd, train_cmd
from tidings.cli.errors import EXIT_FAILED, error_line


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
def main() -> None:
    """tidings: who did what to whom, when and where, from raw news — offline.

    \b
    Quick start:
      tidings extract article.html --published 2021-12-30      # one article → JSON
      tidings extract story.txt --format table                 # human-readable summary
      tidings eval events ../shared/eval/events/plover_gsr_dev.jsonl

    \b
    Exit codes: 0 done, 1 some inputs failed, 2 usage (bad option, value or path).
    """


for _module in (extract_cmd, eval_cmd, store_cmd, export_cmd, serve_cmd, bench_cmd, dict_cmd, train_cmd):
    for _command in _module.COMMANDS:
        main.add_command(_command)
