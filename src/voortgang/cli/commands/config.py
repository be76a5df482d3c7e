"""``voortgang config``: the settings in force and where each came from."""

from __future__ import annotations

import click

from voortgang.cli.app import main
from voortgang.cli.options import common_options, config_options
from voortgang.cli.settings import Settings


@main.command("config")
@common_options
@config_options
@click.pass_context
def config_command(context: click.Context) -> None:
    """Print the settings in force and where each came from: the config file found from the
    current folder upward (voortgang.toml, or [tool.voortgang] in pyproject.toml) or named by
    --config, --column, and the built-in vocabulary."""
    for line in context.ensure_object(Settings).config().lines():
        click.echo(line)
