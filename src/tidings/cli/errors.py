"""How the command line fails: one line on stderr and a documented exit code.

=====  =====================================================================================
code   meaning
=====  =====================================================================================
0      done
1      some inputs failed (``extract``, ``ingest``) or the work could not be done (an
       unreachable scheduler, a store of a newer schema)
2      usage: a bad option or value, a path that does not exist, empty standard input
=====  =====================================================================================

Every error is printed as ``Error: <message>`` on one line (click's usage errors included, with a
pointer to ``--help`` instead of the whole usage text).
"""
from __future__ import annotations

import click

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class BadValue(click.ClickException):
    """A bad value, path or input given on the command line: one line, exit code 2."""

    exit_code = EXIT_USAGE


def one_line(message: str) -> str:
    """``message`` with its lines joined, so an error is always a single line."""
    return " ".join(part.strip() for part in message.splitlines() if part.strip())


def error_line(exc: click.ClickException) -> str:
    """The single line shown for ``exc`` (usage errors name the command's --help)."""
    text = f"Error: {one_line(exc.format_message())}"
    if isinstance(exc, click.UsageError) and exc.ctx is not None:
        text += f" (see: {exc.ctx.command_path} --help)"
    return text
