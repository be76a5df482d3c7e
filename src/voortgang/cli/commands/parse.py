"""``voortgang parse``: reports in, their items out."""

from __future__ import annotations

import sys
from functools import partial
from typing import TYPE_CHECKING

import click

from voortgang.checks import reading_problems
from voortgang.cli.app import main
from voortgang.cli.console import interruptible, run_batch, several
from voortgang.cli.options import (
    INPUT_PATH,
    jobs_option,
    pages_option,
    read_options,
    reading_options,
)
from voortgang.cli.output import Choosing, Output, output_options
from voortgang.cli.settings import Settings, reading_warning
from voortgang.export.formats import REPORT_FORMATS, Rendering
from voortgang.inputs import REPORT_SUFFIXES, parse_input
from voortgang.model.records import Report

if TYPE_CHECKING:  # rich is imported when printing for people
    from rich.console import Console


@main.command()
@click.argument("files", nargs=-1, required=True, type=INPUT_PATH)
@output_options(
    REPORT_FORMATS,
    Choosing("parse", on_terminal="table", piped="json", other_suffix="json"),
    format_help="Output format. Default: a table on a terminal, JSON when piped or written "
    "to a file.",
    output_help="Write to this file instead of stdout; its suffix picks the format: .json, "
    ".jsonl/.ndjson, .csv, .md/.markdown, .html/.htm, JSON for any other.",
)
@click.option(
    "--full",
    is_flag=True,
    help="In the table, show every cell whole; without it a long cell is cut (…), and the "
    "footer says how many were.",
)
@reading_options
@pages_option
@jobs_option
@click.pass_context
@interruptible
def parse(
    context: click.Context,
    files: tuple[str, ...],
    output: Output[Report],
    full: bool,
    jobs: int,
) -> None:
    """Read reports (PDF, Word, HTML or text rendition; - for stdin) and print their items.

    A folder stands for the .pdf, .docx, .html, .htm and .txt files in it (not in its
    subfolders), sorted by name. JSON is one report object for one FILE and an array of them
    for several or a folder; --format jsonl prints one item per line, each with its source
    path. A reading that cannot be right (an item number that is none, a page without its
    header row, ...) is printed all the same, with a warning per problem on stderr. Exit code
    2 when no input could be read, 1 when some could not or one was read with warnings.
    """
    settings = context.ensure_object(Settings)
    task = partial(parse_input, options=read_options(context))
    doubtful: list[Report] = []
    rendering = Rendering(several=several(files), full=full)
    # To stdout, each report is written as soon as it and every input before it are read.
    stream = output.stream(rendering)

    def take(report: Report, bar: Console | None) -> None:
        """A warning for each sign that ``report`` was not read right; then the report,
        where the output streams."""
        problems = reading_problems(report)
        if problems:
            doubtful.append(report)
        for problem in problems:
            settings.warn(reading_warning(problem), bar)
        if stream is not None:
            stream.add(report)

    reports, failed = run_batch(
        task, files, REPORT_SUFFIXES, settings, jobs, "parsing", on_result=take
    )
    if stream is not None:
        stream.end()
    elif reports:
        items = sum(len(report.items) for report in reports)
        output.write(reports, rendering, settings, f"{items} items")
    if failed:
        sys.exit(2 if not reports else 1)
    if doubtful:
        sys.exit(1)
