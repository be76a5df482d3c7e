"""``voortgang diff``: what changed from one edition of a report to the next."""

from __future__ import annotations

import sys

import click

from voortgang.checks import reading_problems
from voortgang.cli.app import main
from voortgang.cli.console import interruptible, read_one
from voortgang.cli.options import read_options, reading_options
from voortgang.cli.output import Choosing, Output, output_options
from voortgang.cli.settings import Settings, quiet_pdf_libraries, reading_warning
from voortgang.diff import check_fields, diff
from voortgang.export.formats import DIFF_FORMATS, Rendering
from voortgang.inputs import ReadOptions
from voortgang.model.diff import DIFF_FIELDS, Diff
from voortgang.model.records import Report
from voortgang.parse import read_any


def _diff_fields(
    _: click.Context, parameter: click.Parameter, value: str | None
) -> tuple[str, ...]:
    """Field names, comma-separated; one that names no field is a usage error."""
    if value is None:
        return DIFF_FIELDS
    try:
        return check_fields(part.strip() for part in value.split(",") if part.strip())
    except ValueError as error:
        raise click.BadParameter(str(error), param=parameter) from None


def read_edition(name: str, settings: Settings, options: ReadOptions) -> Report:
    """The one report in input ``name`` for diff, after a warning for each sign that it was
    not read right; exits 2, after one line on stderr, where there is no such report."""
    found = read_one(
        name,
        settings,
        lambda data, label: read_any(
            data, label, options.password, options.pdf, options.vocabulary
        ),
    )
    if found is None:
        sys.exit(2)
    reports, from_lines = found
    label = "<stdin>" if name == "-" else name
    if from_lines:
        settings.error(
            f"{label}: JSON Lines hold items without their report's source and tracks; "
            "diff the report, or the JSON that parse writes"
        )
        sys.exit(2)
    if len(reports) != 1:
        settings.error(f"{label}: holds {len(reports)} reports; diff compares one with one")
        sys.exit(2)
    return reports[0]


@main.command("diff")
@click.argument("old", type=click.Path(allow_dash=True))
@click.argument("new", type=click.Path(allow_dash=True))
@output_options(
    DIFF_FORMATS,
    Choosing("diff", on_terminal="text", piped="json", other_suffix="json"),
    format_help="Output format. Default: text on a terminal, JSON when piped or written to a file.",
    output_help="Write to this file instead of stdout; its suffix picks the format: .json, "
    ".md/.markdown, JSON for any other.",
)
@click.option(
    "--fields",
    callback=_diff_fields,
    metavar="FIELDS",
    help=f"Only changes of these fields count, comma-separated: {', '.join(DIFF_FIELDS)}. "
    "Items added, removed and renumbered count whatever the fields.",
)
@reading_options
@click.pass_context
@interruptible
def diff_command(
    context: click.Context,
    old: str,
    new: str,
    output: Output[Diff],
    fields: tuple[str, ...],
) -> None:
    """Show what changed from the OLD edition of a report to the NEW one.

    OLD and NEW are reports in any rendition parse reads, or the JSON it writes (- for stdin,
    on one side); the two may be of different formats. Items are matched by number, then an
    item whose number changed but whose title did not is renumbered. Exit code 0 when the
    editions do not differ, 1 when they do (or one was read with warnings, as parse warns),
    2 when one cannot be read.
    """
    settings = context.ensure_object(Settings)
    quiet_pdf_libraries(settings.verbose)
    if old == "-" and new == "-":
        settings.error("standard input can be only one of the two editions")
        sys.exit(2)
    options = read_options(context)
    doubtful = False
    editions = []
    for name in (old, new):
        edition = read_edition(name, settings, options)
        for problem in reading_problems(edition):
            doubtful = True
            settings.warn(reading_warning(problem))
        editions.append(edition)
    from voortgang.export.diff import summary as diff_summary  # loads rich: only here

    found: Diff = diff(*editions, fields=fields)
    output.write([found], Rendering(quiet=settings.quiet), settings, "the diff")
    if not (output.path is None and output.format.for_people):
        settings.say(diff_summary(found))
    if doubtful or not found.empty:
        sys.exit(1)
