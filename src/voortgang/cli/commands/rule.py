"""``voortgang rule``: what a check code means, as each rule's module explains it."""

from __future__ import annotations

import sys

import click

from voortgang.checks import explain
from voortgang.cli.app import main
from voortgang.cli.settings import Settings
from voortgang.model.diagnostics import CODES


@main.command("rule")
@click.argument("code", required=False)
@click.option("--all", "every", is_flag=True, help="Explain every code, in order.")
@click.pass_context
def rule_command(context: click.Context, code: str | None, every: bool) -> None:
    """Say what the check CODE (VG101) finds, why it matters, and an example."""
    settings = context.ensure_object(Settings)
    if every:
        click.echo("\n".join(explain(found) for found in CODES), nl=False)
        return
    if code is None:
        settings.error("name a code (voortgang rule VG101) or pass --all")
        sys.exit(2)
    if code.upper() not in CODES:
        settings.error(f"no such code: {code}; voortgang rule --all lists them")
        sys.exit(2)
    click.echo(explain(code.upper()), nl=False)
