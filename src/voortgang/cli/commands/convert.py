"""``voortgang convert``: reports or records in, records in another format out."""

from __future__ import annotations

import sys
from functools import partial

import click

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
from voortgang.cli.settings import Settings
from voortgang.export.formats import REPORT_FORMATS, Rendering
from voortgang.inputs import CHECK_SUFFIXES, Records, records_input
from voortgang.model.records import Report


@main.command()
@click.argument("sources", metavar="IN...", nargs=-1, required=True, type=INPUT_PATH)
@output_options(
    REPORT_FORMATS,
    Choosing("convert", on_terminal=None, piped=None, other_suffix=None, spoken="--to"),
    names=("-f", "--format", "-t", "--to"),
    format_help="The output format; wins over the suffix of -o. --to is another name for it.",
    output_help="Write to this file, atomically; its suffix picks the format: .json, "
    ".jsonl/.ndjson, .csv, .md/.markdown, .html/.htm. Without it, write to stdout (--format "
    "needed).",
)
@click.option(
    "--explode",
    is_flag=True,
    help="CSV only: a row per sub-item, the item's columns repeated (one row for an item "
    "without sub-items).",
)
@reading_options
@pages_option
@jobs_option
@click.pass_context
@interruptible
def convert(
    context: click.Context,
    sources: tuple[str, ...],
    output: Output[Report],
    explode: bool,
    jobs: int,
) -> None:
    """Write reports or records as json, jsonl, csv, md or html.

    IN is a report (PDF, Word, HTML or text rendition), the JSON that voortgang parse writes,
    or its JSON Lines (items, regrouped into a report per source); - for stdin; a folder
    stands for those files in it, sorted by name. Several reports are written one after the
    other (JSON: an array). Exit code 2 when an IN cannot be read, OUT cannot be written or
    the command line is wrong; nothing is written then, and OUT is as it was.
    """
    settings = context.ensure_object(Settings)
    if explode and output.format.name != "csv":
        settings.error("--explode makes CSV rows; it goes with csv only")
        sys.exit(2)
    task = partial(records_input, options=read_options(context))
    found: list[Records]
    found, failed = run_batch(task, sources, CHECK_SUFFIXES, settings, jobs, "converting")
    if failed:
        sys.exit(2)
    for records in found:
        if records.from_lines and output.format.name == "json":
            settings.error(
                f"{records.source}: JSON Lines hold items without their report's title, "
                "tracks and source; convert them to jsonl, csv, md or html"
            )
            sys.exit(2)
    reports = [report for records in found for report in records.reports]
    rendering = Rendering(several=several(sources) or len(reports) > 1, explode=explode)
    items = sum(len(report.items) for report in reports)
    output.write(reports, rendering, settings, f"{items} items")
