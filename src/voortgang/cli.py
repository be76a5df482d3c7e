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
from typing import Any

import click
from rich.console import Console

from voortgang import __version__
from voortgang.errors import InputError
from voortgang.export.json import items_jsonl, reports_json
from voortgang.export.markdown import reports_markdown
from voortgang.export.table import print_tables
from voortgang.files import OutputError, check_output, read_input, write_output
from voortgang.model.records import Report
from voortgang.parse import parse_bytes

# The format ``-o`` picks from its file's suffix when no --format is given. Any other suffix
# (none, .txt, /dev/stdout) gets JSON, what a pipe gets: as sqlite-utils writes JSON unless
# told otherwise and ruff's --output-file never looks at the suffix, an output name is no
# reason to fail after all inputs were read.
FORMATS_BY_SUFFIX = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".md": "markdown",
    ".markdown": "markdown",
}
QUIET = logging.CRITICAL + 1  # a logger level above every message
TEXT_RENDERERS: dict[str, Callable[[list[Report], bool], str]] = {
    "json": reports_json,
    "jsonl": lambda reports, _: items_jsonl(reports),
    "markdown": lambda reports, _: reports_markdown(reports),
}


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


def parse_input(name: str, settings: Settings, password: str | None) -> Report | None:
    """The report in one input, or None after saying on stderr why it could not be read."""
    label = "<stdin>" if name == "-" else name
    try:
        return parse_bytes(read_input(name), label, password)
    except InputError as error:
        settings.error(f"{label}: {error}")
    except Exception as error:  # a bug of ours: one line, the traceback with -v
        if settings.verbose:
            traceback.print_exc()
        settings.error(f"{label}: internal error: {error!r} (run with -v for the traceback)")
    return None


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
    type=click.Choice(["table", "json", "jsonl", "markdown"]),
    help="Output format. Default: a table on a terminal, JSON when piped or written to a file.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write to this file instead of stdout; its suffix picks the format: .json, "
    ".jsonl/.ndjson, .md/.markdown, JSON for any other.",
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
        settings.error("--format table prints to the terminal; choose json, jsonl or markdown")
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
