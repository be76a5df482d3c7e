"""``voortgang schema``: the JSON Schema of what the commands write as JSON."""

from __future__ import annotations

import json

import click

from voortgang.cli.app import main
from voortgang.model.diff import Diff
from voortgang.model.records import Report

SCHEMAS: dict[str, type[Report] | type[Diff]] = {"report": Report, "diff": Diff}


@main.command()
@click.argument("which", type=click.Choice(sorted(SCHEMAS)), default="report")
def schema(which: str) -> None:
    """Print the JSON Schema of the report that parse writes as JSON, or (schema diff) of
    what diff writes as JSON."""
    # every field written is required
    found = SCHEMAS[which].model_json_schema(mode="serialization")
    click.echo(json.dumps(found, indent=2, ensure_ascii=False))
