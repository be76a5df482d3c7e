"""The command line: thin wrappers that read inputs, call the library and print records."""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console

from voortgang import __version__
from voortgang.checks import check as check_report
from voortgang.checks import unknown_selectors
from voortgang.errors import InputError
from voortgang.export.csv import reports_csv
from voortgang.export.diagnostics import (
    diagnostics_github,
    diagnostics_json,
    print_diagnostics,
    summary,
)
from voortgang.export.html import reports_html
from voortgang.export.json import items_jsonl, reports_json
from voortgang.export.markdown import reports_markdown
from voortgang.export.table import print_tables
from voortgang.files import OutputError, check_output, read_input, write_output
from voortgang.model.records import Report
from voortgang.parse import parse_bytes, read_reports
from voortgang.parse.records import read_item_lines
from voortgang.parse.sniff import is_item_lines
from voortgang.validate import problems_json, validate_records

T = TypeVar("T")
# The format ``-o`` picks from its file's suffix when no --format is given. Any other suffix
# (none, .txt, /dev/stdout) gets JSON, what a pipe gets: as sqlite-utils writes JSON unless
# told otherwise and ruff's --output-file never looks at the suffix, an output name is no
# reason to fail after all inputs were read.
FORMATS_BY_SUFFIX = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
QUIET = logging.CRITICAL + 1  # a logger level above every message
TEXT_RENDERERS: dict[str, Callable[[list[Report], bool], str]] = {
    "json": reports_json,
    "jsonl": lambda reports, _: items_jsonl(reports),
    "csv": lambda reports, _: reports_csv(reports),
    "markdown": lambda reports, _: reports_markdown(reports),
    "html": lambda reports, _: reports_html(reports),
}
# What convert writes; --to md is markdown.
CONVERT_FORMATS = ("json", "jsonl", "csv", "md", "html")


@dataclass
class Settings:
    verbose: bool = False
    quiet: bool = False

    def say(self, message: str) -> None:
        if not self.quiet:
            click.echo(f"voortgang: {message}", err=True)

    def error(self, message: str) -> None:
        click.echo(f"voortgang: error: {message}", err=True)


def _set_verbose(context: click.Context, _: click.Parameter, value: bool) -> None:
    if value:
        context.ensure_object(Settings).verbose = True


def _set_quiet(context: click.Context, _: click.Parameter, value: bool) -> None:
    if value:
        context.ensure_object(Settings).quiet = True


def common_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """-v and -q, taken before the command name or after it."""
    command = click.option(
        "-v",
        "--verbose",
        is_flag=True,
        expose_value=False,
        callback=_set_verbose,
        help="Show the traceback of an internal error, and the PDF library's warnings.",
    )(command)
    return click.option(
        "-q",
        "--quiet",
        is_flag=True,
        expose_value=False,
        callback=_set_quiet,
        help="Print nothing but results and errors.",
    )(command)


def read_one(name: str, settings: Settings, read: Callable[[bytes, str], T]) -> T | None:
    """``read`` applied to one input's bytes and label, or None after saying on stderr why the
    input could not be read."""
    label = "<stdin>" if name == "-" else name
    try:
        return read(read_input(name), label)
    except InputError as error:
        settings.error(f"{label}: {error}")
    except Exception as error:  # a bug of ours: one line, the traceback with -v
        if settings.verbose:
            traceback.print_exc()
        settings.error(f"{label}: internal error: {error!r} (run with -v for the traceback)")
    return None


def parse_input(name: str, settings: Settings, password: str | None) -> Report | None:
    """The report in one input, or None after saying on stderr why it could not be read."""
    return read_one(name, settings, lambda data, label: parse_bytes(data, label, password))


def terminal(force_terminal: bool | None = None) -> Console:
    """The console for people: plain text where NO_COLOR asks for it."""
    plain = bool(os.environ.get("NO_COLOR"))
    return Console(color_system=None if plain else "auto", force_terminal=force_terminal)


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, no_args_is_help=True)
@click.version_option(__version__, prog_name="voortgang")
@common_options
def main() -> None:
    """Turn Dutch government progress reports (voortgangsrapportages) into records."""


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(["table", "json", "jsonl", "csv", "markdown", "html"]),
    help="Output format. Default: a table on a terminal, JSON when piped or written to a file.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write to this file instead of stdout; its suffix picks the format: .json, "
    ".jsonl/.ndjson, .csv, .md/.markdown, .html/.htm, JSON for any other.",
)
@click.option("--password", help="Password of an encrypted PDF.")
@common_options
@click.pass_context
def parse(
    context: click.Context,
    files: tuple[str, ...],
    output_format: str | None,
    output: Path | None,
    password: str | None,
) -> None:
    """Read reports (PDF, HTML or text rendition; - for stdin) and print their items.

    JSON is one report object for one FILE and an array of them for several; --format jsonl
    prints one item per line, each with its source path. Exit code 2 when no input could be
    read, 1 when some could not.
    """
    settings = context.ensure_object(Settings)
    # pdfminer logs a warning for every damaged object it steps over; the one line that says
    # the file cannot be read is what the user needs, and -v shows them.
    for library in ("pdfminer", "pdfplumber"):
        logging.getLogger(library).setLevel(logging.NOTSET if settings.verbose else QUIET)
    if output_format is None:
        if output is not None:
            output_format = FORMATS_BY_SUFFIX.get(output.suffix.lower(), "json")
        else:
            output_format = "table" if sys.stdout.isatty() else "json"
    if output_format == "table" and output is not None:
        settings.error(
            "--format table prints to the terminal; choose json, jsonl, csv, markdown or html"
        )
        sys.exit(2)
    if output is not None:
        try:
            check_output(output)
        except OutputError as error:
            settings.error(str(error))
            sys.exit(2)
    reports = [report for name in files if (report := parse_input(name, settings, password))]
    if reports:
        if output_format == "table":
            print_tables(reports, terminal(), with_sources=len(files) > 1)
        else:
            text = TEXT_RENDERERS[output_format](reports, len(files) > 1)
            if output is None:
                click.echo(text, nl=False)
            else:
                try:
                    write_output(output, text)
                except OutputError as error:
                    settings.error(str(error))
                    sys.exit(2)
                count = sum(len(r.items) for r in reports)
                settings.say(f"wrote {count} items to {output} as {output_format}")
    if len(reports) < len(files):
        sys.exit(2 if not reports else 1)


def _selectors(_: click.Context, parameter: click.Parameter, values: tuple[str, ...]) -> list[str]:
    """Codes or code prefixes, comma-separated and/or repeated; one that names no code is a
    usage error."""
    selectors = [part.strip().upper() for value in values for part in value.split(",")]
    selectors = [selector for selector in selectors if selector]
    if unknown := unknown_selectors(selectors):
        raise click.BadParameter(f"no such code: {', '.join(unknown)}", param=parameter)
    return selectors


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option(
    "-f",
    "--format",
    "--output-format",
    "output_format",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="text for people, json for scripts, github for GitHub Actions annotations.",
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
@click.option("--password", help="Password of an encrypted PDF.")
@common_options
@click.pass_context
def check(
    context: click.Context,
    files: tuple[str, ...],
    output_format: str,
    select: list[str],
    ignore: list[str],
    strict: bool,
    password: str | None,
) -> None:
    """Check reports for broken references and numbering faults.

    FILE is a report (PDF, HTML, text rendition; - for stdin) or the JSON that voortgang
    parse writes. Diagnostics go to stdout; with --format json or github the summary line goes
    to stderr. Exit code 0 when nothing is at error level, 1 when something is (or, with
    --strict, at warning level), 2 when an input could not be read (the others are checked).
    """
    settings = context.ensure_object(Settings)
    read = [
        read_one(name, settings, lambda data, label: read_reports(data, label, password))
        for name in files
    ]
    reports = [report for found in read if found is not None for report in found]
    unreadable = sum(found is None for found in read)
    diagnostics = [
        diagnostic
        for report in reports
        for diagnostic in check_report(report, select or None, ignore)
    ]
    line = summary(diagnostics, len(reports), unreadable)
    if output_format == "text":
        print_diagnostics(diagnostics, terminal(), None if settings.quiet else line)
    else:
        render = diagnostics_json if output_format == "json" else diagnostics_github
        click.echo(render(diagnostics), nl=False)
        settings.say(line)
    failing = {"error", "warning"} if strict else {"error"}
    if unreadable:
        sys.exit(2)
    if any(diagnostic.severity in failing for diagnostic in diagnostics):
        sys.exit(1)


def quiet_pdf_libraries(settings: Settings) -> None:
    """Silence the warnings pdfminer logs for every damaged object it steps over: the one line
    that says the file cannot be read is what the user needs, and -v shows them."""
    for library in ("pdfminer", "pdfplumber"):
        logging.getLogger(library).setLevel(logging.NOTSET if settings.verbose else QUIET)


def read_convertible(data: bytes, label: str, password: str | None) -> tuple[list[Report], bool]:
    """The reports in anything convert reads, and whether they came from JSON Lines (items
    without the rest of their reports)."""
    if is_item_lines(data):
        return read_item_lines(data), True
    return read_reports(data, label, password), False


def convert_format(output: Path | None, to: str | None, explode: bool) -> str:
    """The format convert writes: --to, else the one the suffix of -o names. Raises
    click.UsageError where neither says, or for --explode with another format than csv."""
    if to is None and output is None:
        raise click.UsageError(
            f"without -o, convert writes to stdout and needs --to {'|'.join(CONVERT_FORMATS)}"
        )
    if to is None and output is not None:
        to = FORMATS_BY_SUFFIX.get(output.suffix.lower())
        if to is None:
            raise click.UsageError(
                f"{output}: the suffix {output.suffix or '(none)'} names no format: end OUT in "
                f"{', '.join(FORMATS_BY_SUFFIX)}, or pass --to {'|'.join(CONVERT_FORMATS)}"
            )
    if explode and to != "csv":
        raise click.UsageError("--explode makes CSV rows; it goes with csv only")
    return "markdown" if to == "md" else str(to)


@main.command()
@click.argument("source", metavar="IN", type=click.Path(allow_dash=True))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write to this file, atomically; its suffix picks the format: .json, .jsonl/.ndjson, "
    ".csv, .md/.markdown, .html/.htm. Without it, write to stdout (--to needed).",
)
@click.option(
    "-t",
    "--to",
    type=click.Choice([*CONVERT_FORMATS, "markdown"]),
    help="The output format; wins over the suffix of -o.",
)
@click.option(
    "--explode",
    is_flag=True,
    help="CSV only: a row per sub-item, the item's columns repeated (one row for an item "
    "without sub-items).",
)
@click.option("--password", help="Password of an encrypted PDF.")
@common_options
@click.pass_context
def convert(
    context: click.Context,
    source: str,
    output: Path | None,
    to: str | None,
    explode: bool,
    password: str | None,
) -> None:
    """Write a report or records as json, jsonl, csv, md or html.

    IN is a report (PDF, HTML or text rendition), the JSON that voortgang parse writes, or its
    JSON Lines (items, regrouped into a report per source); - for stdin. Exit code 2 when IN
    cannot be read, OUT cannot be written or the command line is wrong; OUT is then as it was.
    """
    settings = context.ensure_object(Settings)
    quiet_pdf_libraries(settings)
    try:
        output_format = convert_format(output, to, explode)
        if output is not None:
            check_output(output)
    except (click.UsageError, OutputError) as error:
        settings.error(str(error))
        sys.exit(2)
    found = read_one(source, settings, lambda data, label: read_convertible(data, label, password))
    if found is None:
        sys.exit(2)
    reports, from_lines = found
    if from_lines and output_format == "json":
        label = "<stdin>" if source == "-" else source
        settings.error(
            f"{label}: JSON Lines hold items without their report's title, tracks and source; "
            "convert them to jsonl, csv, md or html"
        )
        sys.exit(2)
    if explode:
        text = reports_csv(reports, explode=True)
    else:
        text = TEXT_RENDERERS[output_format](reports, len(reports) > 1)
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        write_output(output, text)
    except OutputError as error:
        settings.error(str(error))
        sys.exit(2)
    count = sum(len(report.items) for report in reports)
    rows = ", a row per sub-item" if explode else ""
    settings.say(f"wrote {count} items to {output} as {output_format}{rows}")


@main.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=True))
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: a line per problem; json: an array of them, for scripts.",
)
@common_options
@click.pass_context
def validate_command(context: click.Context, files: tuple[str, ...], output_format: str) -> None:
    """Check records files against the schema.

    FILE is the JSON or JSON Lines that parse writes; - for stdin. Each problem goes to stdout
    with its JSON path (path: $.items[3].deadline.kind: message; for JSON Lines path:LINE:),
    and per file a verdict to stderr. Exit code 0 when every file is valid, 1 when one has
    problems, 2 when one cannot be read (the others are checked).
    """
    settings = context.ensure_object(Settings)
    problems = []
    unreadable = 0
    for name in files:
        checked = read_one(name, settings, validate_records)
        if checked is None:
            unreadable += 1
            continue
        problems += checked.problems
        if output_format == "text":
            for problem in checked.problems:
                click.echo(str(problem))
        settings.say(f"{checked.source}: {checked}")
    if output_format == "json":
        click.echo(problems_json(problems), nl=False)
    if unreadable:
        sys.exit(2)
    if problems:
        sys.exit(1)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the report that parse writes as JSON."""
    click.echo(json.dumps(Report.model_json_schema(), indent=2, ensure_ascii=False))


def run() -> None:
    """The console script. A reader that stops reading (| head) ends it quietly, as it does
    any Unix tool."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    main()
