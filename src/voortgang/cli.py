"""The command line: thin wrappers that read inputs, call the library and print records."""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass, field, replace
from functools import partial, wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from voortgang import __version__
from voortgang.batch import Failure, attempt, ordered_map
from voortgang.checks import reading_problems, unknown_selectors
from voortgang.config import Config, ConfigError, load_config
from voortgang.debug import (
    DEFAULT_RESOLUTION,
    MAX_RESOLUTION,
    MIN_RESOLUTION,
    DebugReading,
    debug_files,
    read_for_debug,
    write_files,
)
from voortgang.diff import check_fields, diff
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
from voortgang.files import OutputError, check_output, write_output
from voortgang.inputs import (
    CHECK_SUFFIXES,
    REPORT_SUFFIXES,
    Checked,
    Input,
    check_input,
    gather,
    parse_input,
    preload_readers,
)
from voortgang.model.diagnostics import Diagnostic
from voortgang.model.diff import DIFF_FIELDS, Diff
from voortgang.model.records import Report
from voortgang.parse import read_any
from voortgang.parse.pdf import ENGINES, PdfSettings
from voortgang.parse.pdf.settings import DEFAULT_SETTINGS
from voortgang.terminal import (
    OutputStreamError,
    guard_standard_output,
    stop_writing_standard_output,
    visible,
)

if TYPE_CHECKING:  # imported when printing for people (rich)
    from rich.console import Console

R = TypeVar("R")
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
# An input named on the command line. click checks nothing of it: a file that cannot be read
# is one error line among the others, as in a folder, not a usage error that stops the rest.
INPUT_PATH = click.Path(allow_dash=True, readable=False)
QUIET = logging.CRITICAL + 1  # a logger level above every message
TEXT_RENDERERS: dict[str, Callable[[list[Report], bool], str]] = {
    "json": reports_json,
    "jsonl": lambda reports, _: items_jsonl(reports),
    "csv": lambda reports, _: reports_csv(reports),
    "markdown": lambda reports, _: reports_markdown(reports),
    "html": lambda reports, _: reports_html(reports),
}
# What convert writes; md, in parse too, is markdown.
CONVERT_FORMATS = ("json", "jsonl", "csv", "md", "html")
FORMAT_ALIASES = {"md": "markdown"}


# Seconds one input may take to read: a report of hundreds of pages takes some tens.
DEFAULT_TIMEOUT = 120.0
# Bytes of memory (address space) the process reading one input may take: one reading a
# sample report peaks under 100 MB, and what a long report adds is its records (README,
# Speed: 11.6 MB held for 494 pages); a file built to inflate or draw without end takes
# whatever it is given.
DEFAULT_MAX_MEMORY = 2048 * 1024 * 1024


@dataclass
class Settings:
    verbose: bool = False
    quiet: bool = False
    timeout: float | None = DEFAULT_TIMEOUT
    max_memory: int | None = DEFAULT_MAX_MEMORY
    config_file: Path | None = None
    columns: list[str] = field(default_factory=list)

    def config(self) -> Config:
        """The config file's settings with --column's; a usage error (exit 2) where the file
        or a --column cannot be read."""
        try:
            return load_config(self.config_file).with_columns(self.columns)
        except ConfigError as error:
            self.error(str(error))
            sys.exit(2)

    def say(self, message: str) -> None:
        if not self.quiet:
            click.echo(visible(f"voortgang: {message}"), err=True)

    def error(self, message: str, bar: Console | None = None) -> None:
        """The message on stderr; through ``bar``, the console showing a progress bar, while
        there is one, which prints it above the bar (and, told not to wrap, on one line)."""
        to_stderr(f"voortgang: error: {message}\n", bar)

    def warn(self, message: str, bar: Console | None = None) -> None:
        """A warning on stderr, as ``error`` prints an error; -q leaves it out."""
        if not self.quiet:
            to_stderr(f"voortgang: warning: {message}\n", bar)


def reading_warning(problem: Diagnostic) -> str:
    """``report.pdf: page 3: message [VG503]``: a reading problem as parse warns about it."""
    page = f"page {problem.page}: " if problem.page is not None else ""
    return f"{problem.source}: {page}{problem.message} [{problem.code}]"


def to_stderr(text: str, bar: Console | None = None) -> None:
    """``text`` on stderr, its control and escape characters shown, not sent (see
    ``visible``); its line ends kept."""
    text = visible(text, keep="\n")
    if bar is None:
        click.echo(text, err=True, nl=False)
    else:
        from rich.text import Text

        bar.print(Text(text), soft_wrap=True, end="")


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


def _set_config(context: click.Context, _: click.Parameter, value: Path | None) -> None:
    if value is not None:
        context.ensure_object(Settings).config_file = value


def _add_columns(context: click.Context, _: click.Parameter, values: tuple[str, ...]) -> None:
    context.ensure_object(Settings).columns.extend(values)


def config_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--config and --column, taken before the command name or after it."""
    command = click.option(
        "--config",
        type=click.Path(path_type=Path, dir_okay=False),
        expose_value=False,
        callback=_set_config,
        help="Read settings from this file, not from the voortgang.toml or pyproject.toml "
        "found from the current folder upward.",
    )(command)
    return click.option(
        "--column",
        multiple=True,
        metavar="HEADING=FIELD",
        expose_value=False,
        callback=_add_columns,
        help="A column heading and the field it fills (number, title, deadline, lead, "
        "status); repeatable.",
    )(command)


def interruptible(command: Callable[..., None]) -> Callable[..., None]:
    """Ctrl-C ends the command with exit code 130, what a shell reports for it, and nothing
    else: no traceback, no "Aborted!"."""

    @wraps(command)
    def run_command(*args: Any, **kwargs: Any) -> None:
        try:
            command(*args, **kwargs)
        except KeyboardInterrupt:
            if sys.stderr.isatty():
                click.echo(err=True)  # after the ^C the terminal shows
            sys.exit(130)

    return run_command


MEGABYTE = 1024 * 1024


LIMIT_OPTIONS = (
    ("max_inflate", "Refuse a PDF with a stream that decompresses past this."),
    ("max_inflate_total", "Refuse a PDF whose streams decompress past this together."),
)


def _pdf_limits(context: click.Context, parameter: click.Parameter, value: float | None) -> None:
    """Each limit option sets its field of the PDF settings the command reads with."""
    if value is None or parameter.name is None:
        return
    limits = context.meta.setdefault("voortgang.pdf_limits", {})
    limits[parameter.name] = round(value * MEGABYTE)


# The limits counted in units, not megabytes: option name, help.
COUNT_LIMIT_OPTIONS = (
    (
        "max_operators",
        "Refuse a PDF with a page that draws more operators than this (forms' "
        "included; pdfium: page objects).",
    ),
    ("max_form_depth", "Refuse a PDF with a page whose form XObjects nest deeper than this."),
)


def _pdf_count_limit(context: click.Context, parameter: click.Parameter, value: int | None) -> None:
    if value is not None and parameter.name is not None:
        context.meta.setdefault("voortgang.pdf_limits", {})[parameter.name] = value


def _set_timeout(context: click.Context, _: click.Parameter, value: float | None) -> None:
    if value is not None:
        context.ensure_object(Settings).timeout = value or None


def _set_max_memory(context: click.Context, _: click.Parameter, value: float | None) -> None:
    if value is not None:
        context.ensure_object(Settings).max_memory = round(value * MEGABYTE) or None


def _set_engine(context: click.Context, _: click.Parameter, value: str | None) -> None:
    if value is not None:
        context.meta.setdefault("voortgang.pdf_limits", {})["engine"] = value


def limit_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--timeout, --max-memory, --max-inflate, --max-inflate-total, --max-operators and
    --max-form-depth, the limits a hostile file meets (see README, Limits), and --engine,
    what reads a PDF; ``Settings.timeout``, ``Settings.max_memory`` and
    ``pdf_settings(context)`` hold them."""
    command = click.option(
        "--engine",
        type=click.Choice(ENGINES),
        callback=_set_engine,
        expose_value=False,
        help=f"What reads a PDF's text and lines: pdfplumber (pdfminer; its decoding bounded "
        f"by --max-inflate) or pdfium (faster, for PDFs from sources you trust; the same "
        f"records). Default: {DEFAULT_SETTINGS.engine}.",
    )(command)
    command = click.option(
        "--timeout",
        type=click.FloatRange(min=0),
        metavar="SECONDS",
        callback=_set_timeout,
        expose_value=False,
        help=f"Give up on an input that takes longer to read; 0 for no limit. "
        f"Default: {DEFAULT_TIMEOUT:g} s.",
    )(command)
    command = click.option(
        "--max-memory",
        type=click.FloatRange(min=0),
        metavar="MB",
        callback=_set_max_memory,
        expose_value=False,
        help=f"Give up on an input whose reading needs more memory (each input is read in a "
        f"process of its own); 0 for no limit. Default: {DEFAULT_MAX_MEMORY / MEGABYTE:g} MB.",
    )(command)
    for name, help_text in reversed(COUNT_LIMIT_OPTIONS):
        command = click.option(
            f"--{name.replace('_', '-')}",
            name,
            type=click.IntRange(min=1),
            metavar="N",
            callback=_pdf_count_limit,
            expose_value=False,
            help=f"{help_text} Default: {getattr(DEFAULT_SETTINGS, name)}.",
        )(command)
    for name, help_text in reversed(LIMIT_OPTIONS):
        default = getattr(DEFAULT_SETTINGS, name) / MEGABYTE
        command = click.option(
            f"--{name.replace('_', '-')}",
            name,
            type=click.FloatRange(min=0, min_open=True),
            metavar="MB",
            callback=_pdf_limits,
            expose_value=False,
            help=f"{help_text} Default: {default:g} MB.",
        )(command)
    return command


def pdf_settings(context: click.Context) -> PdfSettings:
    """The PDF settings with the limits and the engine the command line set."""
    return replace(DEFAULT_SETTINGS, **context.meta.get("voortgang.pdf_limits", {}))


def password_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--password", help="Password of an encrypted PDF.")(command)


def jobs_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "-j",
        "--jobs",
        type=click.IntRange(min=1),
        metavar="N",
        default=os.cpu_count() or 1,
        show_default="the number of CPUs",
        help="Read this many inputs at once, in worker processes; 1 reads them one after "
        "the other in this process.",
    )(command)


def quiet_pdf_libraries(verbose: bool) -> None:
    """pdfminer logs a warning for every damaged object it steps over; the one line that says
    the file cannot be read is what the user needs, and -v shows them. Run in every worker:
    one that is spawned, not forked, starts with no logging set up."""
    for library in ("pdfminer", "pdfplumber"):
        logging.getLogger(library).setLevel(logging.NOTSET if verbose else QUIET)


def run_batch(
    task: Callable[[Input], R],
    names: Sequence[str],
    suffixes: Sequence[str],
    settings: Settings,
    jobs: int,
    description: str,
    on_result: Callable[[R, Console | None], None] | None = None,
) -> tuple[list[R], int]:
    """``task`` applied to each input ``names`` stand for (a folder: its report files), ``jobs``
    at a time: the results in input order, and how many inputs could not be read, each told in
    one line on stderr (a folder without report files first, the others in input order). A
    progress bar on stderr where it is a terminal, for several inputs and without -q.
    ``on_result`` is called with each result in its turn, and the progress bar's console to
    print through while there is one."""
    inputs, problems = gather(names, suffixes)
    for problem in problems:
        settings.error(str(problem))
    quiet_pdf_libraries(settings.verbose)
    show = not settings.quiet and len(inputs) > 1 and sys.stderr.isatty()
    bar = terminal(stderr=True) if show else None
    outcomes = ordered_map(
        task,
        inputs,
        jobs=jobs,
        timeout=settings.timeout,
        isolate=True,
        memory=settings.max_memory,
        preload=partial(preload_readers, {Path(str(item)).suffix for item in inputs}),
        worker_setup=partial(quiet_pdf_libraries, settings.verbose),
        progress=bar,
        description=description,
    )
    results: list[R] = []
    with closing(outcomes):
        for outcome in outcomes:
            if not isinstance(outcome, Failure):
                results.append(outcome)
                if on_result is not None:
                    on_result(outcome, bar)
                continue
            if settings.verbose and outcome.traceback:
                to_stderr(outcome.traceback, bar)
            settings.error(outcome.message, bar)
    return results, len(inputs) + len(problems) - len(results)


def read_one(name: str, settings: Settings, read: Callable[[bytes, str], T]) -> T | None:
    """``read`` applied to one input's bytes and label, in this process (convert and validate
    read one input at a time), or None after saying on stderr why it could not be read, as a
    batch says it."""
    source = Input("<stdin>", sys.stdin.buffer.read()) if name == "-" else Input(name)
    outcome = attempt(
        lambda source: read(source.read(), source.name),
        source.name,
        source,
        seconds=settings.timeout,
        isolate=True,
        memory=settings.max_memory,
    )
    if not isinstance(outcome, Failure):
        return outcome
    if settings.verbose and outcome.traceback:
        to_stderr(outcome.traceback)
    settings.error(outcome.message)
    return None


def several(names: Sequence[str]) -> bool:
    """Whether the inputs are more than one file, so that JSON is an array and tables name
    their file: more than one name, or a folder, however many files are in it."""
    return len(names) > 1 or any(name != "-" and Path(name).is_dir() for name in names)


def emit(
    text: str, output: Path | None, settings: Settings, reports: list[Report], as_what: str
) -> None:
    """``text`` to stdout, or to ``output`` (see ``write_output``), saying on stderr how many
    items went there ``as_what``; exit 2 where it cannot be written."""
    if output is None:
        # On a terminal, text to read; in a pipe, data kept as it is.
        click.echo(visible(text, keep="\n\t") if sys.stdout.isatty() else text, nl=False)
        return
    try:
        write_output(output, text)
    except OutputError as error:
        settings.error(str(error))
        sys.exit(2)
    count = sum(len(report.items) for report in reports)
    settings.say(f"wrote {count} items to {output} as {as_what}")


def terminal(force_terminal: bool | None = None, stderr: bool = False) -> Console:
    """The console for people: plain text where NO_COLOR asks for it."""
    from rich.console import Console

    plain = bool(os.environ.get("NO_COLOR"))
    return Console(
        color_system=None if plain else "auto", force_terminal=force_terminal, stderr=stderr
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, no_args_is_help=True)
@click.version_option(__version__, prog_name="voortgang")
@common_options
@config_options
def main() -> None:
    """Turn Dutch government progress reports (voortgangsrapportages) into records."""


@main.command()
@click.argument("files", nargs=-1, required=True, type=INPUT_PATH)
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(["table", "json", "jsonl", "csv", "markdown", "md", "html"]),
    callback=lambda _context, _parameter, value: FORMAT_ALIASES.get(value, value),
    help="Output format. Default: a table on a terminal, JSON when piped or written to a file.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Write to this file instead of stdout; its suffix picks the format: .json, "
    ".jsonl/.ndjson, .csv, .md/.markdown, .html/.htm, JSON for any other.",
)
@password_option
@limit_options
@jobs_option
@common_options
@config_options
@click.pass_context
@interruptible
def parse(
    context: click.Context,
    files: tuple[str, ...],
    output_format: str | None,
    output: Path | None,
    password: str | None,
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
    vocabulary = settings.config().vocabulary
    task = partial(
        parse_input, password=password, settings=pdf_settings(context), vocabulary=vocabulary
    )
    doubtful: list[Report] = []

    def warn_about(report: Report, bar: Console | None) -> None:
        """A warning for each sign that ``report`` was not read right."""
        problems = reading_problems(report)
        if problems:
            doubtful.append(report)
        for problem in problems:
            settings.warn(reading_warning(problem), bar)

    reports, failed = run_batch(
        task, files, REPORT_SUFFIXES, settings, jobs, "parsing", on_result=warn_about
    )
    if reports:
        if output_format == "table":
            from voortgang.export.table import print_tables

            print_tables(reports, terminal(), with_sources=several(files))
        else:
            text = TEXT_RENDERERS[output_format](reports, several(files))
            emit(text, output, settings, reports, output_format)
    if failed:
        sys.exit(2 if not reports else 1)
    if doubtful:
        sys.exit(1)


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
@password_option
@limit_options
@jobs_option
@common_options
@config_options
@click.pass_context
@interruptible
def check(
    context: click.Context,
    files: tuple[str, ...],
    output_format: str,
    select: list[str],
    ignore: list[str],
    strict: bool,
    password: str | None,
    jobs: int,
) -> None:
    """Check reports for broken references and numbering faults.

    FILE is a report (PDF, Word, HTML, text rendition; - for stdin) or the JSON or JSON Lines
    that voortgang parse writes; a folder stands for the .pdf, .docx, .html, .htm, .txt, .json,
    .jsonl and .ndjson files in it (not in its subfolders), sorted by name. Diagnostics go to
    stdout; with --format json or github the summary line goes to stderr. Exit code 0 when
    nothing is at error level, 1 when something is (or, with --strict, at warning level), 2
    when an input could not be read (the others are checked; where none could, nothing goes to
    stdout).
    """
    settings = context.ensure_object(Settings)
    config = settings.config()
    chosen, ignored = config.for_check(select, ignore)
    task = partial(
        check_input,
        password=password,
        select=chosen,
        ignore=ignored,
        settings=pdf_settings(context),
        vocabulary=config.vocabulary,
    )
    checked: list[Checked]
    checked, unreadable = run_batch(task, files, CHECK_SUFFIXES, settings, jobs, "checking")
    if not checked:  # each input said on stderr why it could not be read: nothing to report
        sys.exit(2)
    diagnostics = [diagnostic for found in checked for diagnostic in found.diagnostics]
    line = summary(diagnostics, sum(found.reports for found in checked), unreadable)
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
    return str(FORMAT_ALIASES.get(to, to))


@main.command()
@click.argument("source", metavar="IN", type=INPUT_PATH)
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
@password_option
@limit_options
@common_options
@config_options
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
    quiet_pdf_libraries(settings.verbose)
    try:
        output_format = convert_format(output, to, explode)
        if output is not None:
            check_output(output)
    except (click.UsageError, OutputError) as error:
        settings.error(str(error))
        sys.exit(2)
    limits = pdf_settings(context)
    vocabulary = settings.config().vocabulary
    found = read_one(
        source, settings, lambda data, label: read_any(data, label, password, limits, vocabulary)
    )
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
    rows = ", a row per sub-item" if explode else ""
    emit(text, output, settings, reports, output_format + rows)


@main.command("validate")
@click.argument("files", nargs=-1, required=True, type=INPUT_PATH)
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
    and per file a verdict to stderr. Records that fit the schema but cannot be a right reading
    (check's VG5xx, as parse warns about them) have problems too. Exit code 0 when every file
    is valid, 1 when one has problems, 2 when one cannot be read (the others are checked).
    """
    from voortgang.validate import problems_json, validate_records

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
                click.echo(visible(str(problem)))
        settings.say(f"{checked.source}: {checked}")
    if output_format == "json":
        click.echo(problems_json(problems), nl=False)
    if unreadable:
        sys.exit(2)
    if problems:
        sys.exit(1)


def _page_numbers(
    _: click.Context, parameter: click.Parameter, value: str | None
) -> set[int] | None:
    """Pages and ranges of pages (2-4, 1,3,5-7), from 1."""
    if value is None:
        return None
    pages: set[int] = set()
    for part in (part.strip() for part in value.split(",")):
        first, dash, last = part.partition("-")
        if not (first.isdigit() and (not dash or last.isdigit())):
            raise click.BadParameter(
                f"{part!r} is not a page or a range such as 2-4", param=parameter
            )
        start, end = int(first), int(last) if dash else int(first)
        if not 1 <= start <= end:
            raise click.BadParameter(f"{part!r} is not a range of pages from 1", param=parameter)
        pages.update(range(start, end + 1))
    return pages


@main.command("debug")
@click.argument("source", metavar="FILE", type=INPUT_PATH)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="The folder to write the pictures, index.html and records.json into; made where "
    "missing. Files of the same names are replaced, others left alone.",
)
@click.option(
    "--pages",
    callback=_page_numbers,
    metavar="PAGES",
    help="Draw only these pages (2-4, 1,3,5-7); all are still read, as a page's reading "
    "depends on the pages before it.",
)
@click.option(
    "--resolution",
    type=click.IntRange(min=MIN_RESOLUTION, max=MAX_RESOLUTION),
    default=DEFAULT_RESOLUTION,
    show_default=True,
    help="Pixels per inch of the pictures.",
)
@password_option
@limit_options
@common_options
@config_options
@click.pass_context
@interruptible
def debug_command(
    context: click.Context,
    source: str,
    output: Path,
    pages: set[int] | None,
    resolution: int,
    password: str | None,
) -> None:
    """Draw how each page of a PDF was read, into the folder -o names.

    Writes a picture per page (page-001.png, …) with the header band, the column bounds and
    the fields they were matched to, the rulings used and ignored, the row cuts with the item
    each row went to, text outside the table, sub-item starts and words joined across lines;
    and index.html, showing them in order with each page's evidence, linked to the records
    (also in records.json). Exit code 2 when FILE is no readable PDF or the folder cannot be
    written (nothing is written then), 1 when the PDF holds no report (the pages are drawn).
    """
    settings = context.ensure_object(Settings)
    quiet_pdf_libraries(settings.verbose)
    if output.exists() and not output.is_dir():
        settings.error(f"{output}: is not a folder")
        sys.exit(2)

    vocabulary = settings.config().vocabulary

    def draw(data: bytes, label: str) -> tuple[DebugReading, dict[str, bytes]]:
        debugged = read_for_debug(data, label, password, pdf_settings(context), vocabulary)
        return debugged, debug_files(debugged, pages, resolution)

    found = read_one(source, settings, draw)
    if found is None:
        sys.exit(2)
    debugged, files = found
    try:
        write_files(output, files)
    except OutputError as error:
        settings.error(str(error))
        sys.exit(2)
    drawn = sum(name.endswith(".png") for name in files)
    settings.say(f"drew {drawn} of {debugged.page_count} pages; open {output / 'index.html'}")
    if debugged.problem:
        settings.error(f"{debugged.path}: {debugged.problem} (the pages are drawn all the same)")
        sys.exit(1)


@main.command("config")
@common_options
@config_options
@click.pass_context
def config_command(context: click.Context) -> None:
    """Print the settings in force and where each came from: the config file found from the
    current folder upward (voortgang.toml, or [tool.voortgang] in pyproject.toml) or named by
    --config, --column, and the built-in vocabulary."""
    for line in context.ensure_object(Settings).config().lines():
        click.echo(line)


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


def read_edition(
    name: str, settings: Settings, password: str | None, limits: PdfSettings = DEFAULT_SETTINGS
) -> Report:
    """The one report in input ``name`` for diff, after a warning for each sign that it was
    not read right; exits 2, after one line on stderr, where there is no such report."""
    vocabulary = settings.config().vocabulary
    found = read_one(
        name, settings, lambda data, label: read_any(data, label, password, limits, vocabulary)
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
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "markdown", "md"]),
    callback=lambda _context, _parameter, value: FORMAT_ALIASES.get(value, value),
    help="Output format. Default: text on a terminal, JSON when piped.",
)
@click.option(
    "--fields",
    callback=_diff_fields,
    metavar="FIELDS",
    help=f"Only changes of these fields count, comma-separated: {', '.join(DIFF_FIELDS)}. "
    "Items added, removed and renumbered count whatever the fields.",
)
@password_option
@limit_options
@common_options
@config_options
@click.pass_context
@interruptible
def diff_command(
    context: click.Context,
    old: str,
    new: str,
    output_format: str | None,
    fields: tuple[str, ...],
    password: str | None,
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
    doubtful = False
    editions = []
    for name in (old, new):
        edition = read_edition(name, settings, password, pdf_settings(context))
        for problem in reading_problems(edition):
            doubtful = True
            settings.warn(reading_warning(problem))
        editions.append(edition)
    from voortgang.export.diff import diff_json, diff_markdown, print_diff
    from voortgang.export.diff import summary as diff_summary

    found: Diff = diff(*editions, fields=fields)
    if output_format is None:
        output_format = "text" if sys.stdout.isatty() else "json"
    if output_format == "text":
        print_diff(found, terminal(), quiet=settings.quiet)
    else:
        render = diff_json if output_format == "json" else diff_markdown
        text = render(found)
        click.echo(visible(text, keep="\n\t") if sys.stdout.isatty() else text, nl=False)
        settings.say(diff_summary(found))
    if doubtful or not found.empty:
        sys.exit(1)


SCHEMAS: dict[str, type[Report] | type[Diff]] = {"report": Report, "diff": Diff}


@main.command()
@click.argument("which", type=click.Choice(sorted(SCHEMAS)), default="report")
def schema(which: str) -> None:
    """Print the JSON Schema of the report that parse writes as JSON, or (schema diff) of
    what diff writes as JSON."""
    # every field written is required
    found = SCHEMAS[which].model_json_schema(mode="serialization")
    click.echo(json.dumps(found, indent=2, ensure_ascii=False))


def _exit_on_signal(number: int, _: object) -> None:
    sys.exit(128 + number)  # the code a shell reports for a process the signal ended


def run() -> None:
    """The console script. A reader that stops reading (| head) ends it quietly, as it does
    any Unix tool. Standard output that cannot be written (a full disk, ``>&-``) is one
    line on stderr and exit code 2, on every command, never a traceback or exit 0 with the
    output cut short."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    # Ended by kill or a closed terminal: exit as Python does on an exception, so that a
    # temporary file of -o is removed on the way (the workers take the default back).
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _exit_on_signal)
    guard_standard_output()
    try:
        try:
            main()
        finally:  # what is still buffered fails here, not unseen at exit
            sys.stdout.flush()
    except OutputStreamError as error:
        stop_writing_standard_output()
        click.echo(f"voortgang: error: {error}", err=True)
        sys.exit(2)
