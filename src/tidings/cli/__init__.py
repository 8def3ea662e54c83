"""The ``tidings`` command line: a thin face over the library.

Each module here defines ``COMMANDS``, a list of click commands added to the group.
"""
from __future__ import annotations

import click

from tidings import __version__
from tidings.cli import bench_cmd, dict_cmd, eval_cmd, export_cmd, extract_cmd, serve_cmd, store_cmd, train_cmd


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="tidings")
def main() -> None:
    """tidings: who did what to whom, when and where, from raw news — offline.

    \b
    Quick start:
      tidings extract article.html --published 2021-12-30      # one article → JSON
      tidings extract story.txt --format table                 # human-readable summary
      tidings eval events ../shared/eval/events/plover_gsr_dev.jsonl
    """


for _module in (extract_cmd, eval_cmd, store_cmd, export_cmd, serve_cmd, bench_cmd, dict_cmd, train_cmd):
    for _command in _module.COMMANDS:
        main.add_command(_command)
