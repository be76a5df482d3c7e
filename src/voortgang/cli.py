"""The command line: thin wrappers that read inputs, call the library and print records."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import click
from rich.console import Console

from voortgang import __version__
from voortgang.errors import InputError
from voortgang.export.json import items_jsonl, reports_json
from voortgang.export.markdown import reports_markdown
from voortgang.export.table import print_tables
from voortgang.model.records import Report
from voortgang.parse import parse_bytes

FORMATS_BY_SUFFIX = {".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".md": "markdown"}
TEXT_RENDERERS: dict[str, Callable[[list[Report]], str]] = {
    "json": reports_json,
    "jsonl": items_jsonl,
    "markdown": reports_markdown,
}


@dataclass(frozen=True)
class Settings:
    verbose: bool
    quiet: bool

    def say(self, message: str) -> None:
        if not self.quiet:
            click.echo(f"voortgang: {message}", err=True)


def fail(message: str) -> NoReturn:
    click.echo(f"voortgang: error: {message}", err=True)
    sys.exit(2)


def read_input(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    path = Path(name)
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except FileNotFoundError:
        raise InputError("no such file") from None
    except OSError as error:
        raise InputError(error.strerror or str(error)) from None


def parse_input(name: str, settings: Settings) -> Report | None:
    """The report in one input, or None after saying on stderr why it could not be read."""
    label = "<stdin>" if name == "-" else name
    try:
        return parse_bytes(read_input(name), label)
    except InputError as error:
        click.echo(f"voortgang: error: {label}: {error}", err=True)
    except Exception as error:  # a bug of ours: one line, the traceback with -v
        if settings.verbose:
            traceback.print_exc()
        click.echo(
            f"voortgang: error: {label}: internal error: {error!r} (run with -v for the traceback)",
            err=True,
        )
    return None


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file, so a failure leaves no partial file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="voortgang")
@click.option("-v", "--verbose", is_flag=True, help="Show the traceback of an internal error.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but results and errors.")
@click.pass_context
def main(context: click.Context, verbose: bool, quiet: bool) -> None:
    """Turn Dutch government progress reports (voortgangsrapportages) into records."""
    context.obj = Settings(verbose=verbose, quiet=quiet)


@main.command()
@click.argument("files", nargs=-1, required=True)
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
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of stdout; its suffix picks the format.",
)
@click.pass_obj
def parse(
    settings: Settings, files: tuple[str, ...], output_format: str | None, output: Path | None
) -> None:
    """Read reports (PDF, HTML or text rendition; - for stdin) and print their items.

    One report prints as a JSON object, several as an array; --format jsonl prints one item
    per line, each with its source path. Exit code 2 when no input could be read, 1 when
    some could not.
    """
    if output_format is None:
        if output is not None:
            output_format = FORMATS_BY_SUFFIX.get(output.suffix.lower(), "json")
        else:
            output_format = "table" if sys.stdout.isatty() else "json"
    if output_format == "table" and output is not None:
        fail("--format table prints to the terminal; choose json, jsonl or markdown for -o")
    reports = [report for name in files if (report := parse_input(name, settings))]
    if reports:
        if output_format == "table":
            print_tables(reports, Console())
        elif output is not None:
            write_atomically(output, TEXT_RENDERERS[output_format](reports))
            settings.say(f"wrote {sum(len(r.items) for r in reports)} items to {output}")
        else:
            click.echo(TEXT_RENDERERS[output_format](reports), nl=False)
    if len(reports) < len(files):
        sys.exit(2 if not reports else 1)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the records that parse writes."""
    click.echo(json.dumps(Report.model_json_schema(), indent=2, ensure_ascii=False))


def run() -> None:
    """The console script: main, ending quietly when the reader of stdout goes away."""
    try:
        main()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
