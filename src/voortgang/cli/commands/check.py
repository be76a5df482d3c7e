"""``voortgang check``: reports or records in, diagnostics out."""

from __future__ import annotations

import sys
from functools import partial

import click

from voortgang.checks import unknown_selectors
from voortgang.cli.app import main
from voortgang.cli.console import interruptible, run_batch
from voortgang.cli.options import (
    INPUT_PATH,
    jobs_option,
    pages_option,
    read_options,
    reading_options,
)
from voortgang.cli.output import Choosing, Output, output_options
from voortgang.cli.settings import Settings
from voortgang.export.diagnostics import statistics_json, statistics_text, summary
from voortgang.export.formats import DIAGNOSTIC_FORMATS, Rendering
from voortgang.inputs import CHECK_SUFFIXES, Checked, check_input
from voortgang.model.diagnostics import Diagnostic


def _selectors(_: click.Context, parameter: click.Parameter, values: tuple[str, ...]) -> list[str]:
    """Codes or code prefixes, comma-separated and/or repeated; one that names no code is a
    usage error."""
    selectors = [part.strip().upper() for value in values for part in value.split(",")]
    selectors = [selector for selector in selectors if selector]
    if unknown := unknown_selectors(selectors):
        raise click.BadParameter(f"no such code: {', '.join(unknown)}", param=parameter)
    return selectors


@main.command()
@click.argument("files", nargs=-1, required=True, type=INPUT_PATH)
@output_options(
    DIAGNOSTIC_FORMATS,
    Choosing("check", on_terminal="text", piped="text", other_suffix="text"),
    names=("-f", "--format", "--output-format"),
    format_help="text for people, json for scripts, github for GitHub Actions annotations, "
    "sarif for code scanning. Default: text, or what the suffix of -o names.",
    output_help="Write the diagnostics to this file instead of stdout; its suffix picks the "
    "format: .json, .sarif, .txt (text for any other).",
)
@click.option(
    "--select",
    multiple=True,
    callback=_selectors,
    help="Only these codes or prefixes (VG101,VG2); comma-separated or repeated.",
)
@click.option(
    "--ignore",
    multiple=True,
    callback=_selectors,
    help="Leave out these codes or prefixes; comma-separated or repeated.",
)
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too.")
@click.option(
    "--exit-zero",
    is_flag=True,
    help="Exit 0 whatever was found (2 still where an input cannot be read).",
)
@click.option(
    "--statistics",
    is_flag=True,
    help="Print the count of each code found instead of the diagnostics (text or json).",
)
@reading_options
@pages_option
@jobs_option
@click.pass_context
@interruptible
def check(
    context: click.Context,
    files: tuple[str, ...],
    output: Output[Diagnostic],
    select: list[str],
    ignore: list[str],
    strict: bool,
    exit_zero: bool,
    statistics: bool,
    jobs: int,
) -> None:
    """Check reports for broken references and numbering faults.

    FILE is a report (PDF, Word, HTML, text rendition; - for stdin) or the JSON or JSON Lines
    that voortgang parse writes; a folder stands for the .pdf, .docx, .html, .htm, .txt, .json,
    .jsonl and .ndjson files in it (not in its subfolders), sorted by name. Diagnostics go to
    stdout, each where it stands (path:LINE:COLUMN: in a text or HTML rendition, path:pPAGE: in
    a PDF); with --format json, github or sarif the summary line goes to stderr. Exit code 0
    when nothing is at error level, 1 when something is (or, with --strict, at warning level;
    never with --exit-zero), 2 when an input could not be read (the others are checked; where
    none could, nothing goes to stdout). voortgang rule CODE says what a code means.
    """
    settings = context.ensure_object(Settings)
    if statistics and output.format.name not in ("text", "json"):
        settings.error(f"--statistics counts in text or json; not {output.format.name}")
        sys.exit(2)
    config = settings.config()
    chosen, ignored = config.for_check(select, ignore)
    task = partial(check_input, options=read_options(context), select=chosen, ignore=ignored)
    checked: list[Checked]
    checked, unreadable = run_batch(task, files, CHECK_SUFFIXES, settings, jobs, "checking")
    if not checked:  # each input said on stderr why it could not be read: nothing to report
        sys.exit(2)
    diagnostics = [diagnostic for found in checked for diagnostic in found.diagnostics]
    line = summary(diagnostics, sum(found.reports for found in checked), unreadable)
    if statistics:
        counted = statistics_json if output.format.name == "json" else statistics_text
        output.write_text(counted(diagnostics), settings, "the counts")
        settings.say(line)
    else:
        rendering = Rendering(summary=line, quiet=settings.quiet)
        output.write(diagnostics, rendering, settings, f"{len(diagnostics)} diagnostics")
        if not (output.path is None and output.format.for_people):
            settings.say(line)
    failing = {"error", "warning"} if strict else {"error"}
    if unreadable:
        sys.exit(2)
    if not exit_zero and any(diagnostic.severity in failing for diagnostic in diagnostics):
        sys.exit(1)
