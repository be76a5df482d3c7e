"""``voortgang schema``: the JSON Schema of what the commands write as JSON."""

from __future__ import annotations

import json
from typing import Any

import click
from pydantic import TypeAdapter

from voortgang.cli.app import main
from voortgang.model.diagnostics import Diagnostic
from voortgang.model.diff import Diff
from voortgang.model.records import ItemLine, Report

# What each schema describes: parse's JSON, a line of parse's JSON Lines, check's JSON and
# diff's JSON. Every field written is required (serialization mode).
SCHEMAS: dict[str, Any] = {
    "report": Report,
    "item": ItemLine,
    "diagnostics": list[Diagnostic],
    "diff": Diff,
}


@main.command()
@click.argument("which", type=click.Choice(list(SCHEMAS)), default="report")
def schema(which: str) -> None:
    """Print a JSON Schema: of the report parse writes as JSON (report, the default), of a
    line of its JSON Lines (item), of what check writes as JSON (diagnostics), or of what
    diff writes as JSON (diff)."""
    found = TypeAdapter(SCHEMAS[which]).json_schema(mode="serialization")
    click.echo(json.dumps(found, indent=2, ensure_ascii=False))
