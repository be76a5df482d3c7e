"""``voortgang validate``: records files against the schema."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from voortgang.cli.app import main
from voortgang.cli.console import interruptible, run_batch
from voortgang.cli.options import INPUT_PATH, common_options
from voortgang.cli.output import Choosing, Output, output_options
from voortgang.cli.settings import Settings, to_stderr
from voortgang.export.formats import PROBLEM_FORMATS, Rendering
from voortgang.inputs import RECORDS_SUFFIXES, validate_input
from voortgang.terminal import visible
from voortgang.validate import Problem, Validation

if TYPE_CHECKING:  # rich is imported when printing for people
    from rich.console import Console


@main.command("validate")
@click.argument("files", nargs=-1, required=True, type=INPUT_PATH)
@output_options(
    PROBLEM_FORMATS,
    Choosing("validate", on_terminal="text", piped="text", other_suffix="text"),
    format_help="text: a line per problem; json: an array of them, for scripts. Default: "
    "text, or what the suffix of -o names.",
    output_help="Write the problems to this file instead of stdout; its suffix picks the "
    "format: .json (text for any other).",
)
@common_options
@click.pass_context
@interruptible
def validate_command(
    context: click.Context, files: tuple[str, ...], output: Output[Problem]
) -> None:
    """Check records files against the schema.

    FILE is the JSON or JSON Lines that parse writes; - for stdin; a folder stands for the
    .json, .jsonl and .ndjson files in it (not in its subfolders), sorted by name. Each problem
    goes to stdout with its JSON path (path: $.items[3].deadline.kind: message; for JSON Lines
    path:LINE:), and per file a verdict to stderr. Records that fit the schema but cannot be a
    right reading (check's VG5xx, as parse warns about them) have problems too. Exit code 0
    when every file is valid, 1 when one has problems, 2 when one cannot be read (the others
    are checked).
    """
    settings = context.ensure_object(Settings)
    as_lines = output.path is None and output.format.name == "text"

    def tell(checked: Validation, bar: Console | None) -> None:
        """Each file's problems as soon as it is checked (in text on stdout), and its verdict."""
        if as_lines:
            for problem in checked.problems:
                click.echo(visible(str(problem)))
        if not settings.quiet:
            to_stderr(f"voortgang: {checked.source}: {checked}\n", bar)

    checked, unreadable = run_batch(
        validate_input, files, RECORDS_SUFFIXES, settings, 1, "validating", on_result=tell
    )
    problems = [problem for found in checked for problem in found.problems]
    if not as_lines:
        output.write(problems, Rendering(), settings, f"{len(problems)} problems")
    if unreadable:
        sys.exit(2)
    if problems:
        sys.exit(1)
