"""``tidings config``: the configuration a command would run with, as a TOML file to start from."""
from __future__ import annotations

import json

import click

from tidings.cli.store_cmd import current_config


@click.command("config")
@click.option("--format", "fmt", type=click.Choice(["toml", "json"]), default="toml", show_default=True)
def config_command(fmt: str) -> None:
    """Print the effective configuration: --config/--set, the environment and the defaults, combined.

    \b
    Unset options (their default behaviour) are commented out in TOML and null in JSON.
    \b
    Examples:
      tidings config > tidings.toml                         # a file to edit, every option listed
      tidings --config tidings.toml config --format json    # what a command would run with
    """
    options = current_config().to_dict()
    click.echo(json.dumps(options, indent=2) if fmt == "json" else to_toml(options).rstrip("\n"))


def to_toml(options: dict[str, dict[str, object]]) -> str:
    """The sections as TOML tables (the values are booleans, numbers, strings and lists of strings)."""
    lines = []
    for section, values in options.items():
        lines.append(f"[{section}]")
        for key, value in values.items():
            lines.append(f"# {key} =  (unset: the default behaviour)" if value is None else f"{key} = {_value(value)}")
        lines.append("")
    return "\n".join(lines)


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a TOML basic string


COMMANDS = [config_command]
