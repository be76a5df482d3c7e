"""The option decorators the commands share, each in one place: -v/-q, --config/--column,
--password, the limits and engine of the PDF reader, -j, and the output options (--format,
-o) of every command that writes records (see ``voortgang.cli.output``)."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from voortgang.cli.settings import DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT, Settings
from voortgang.inputs import ReadOptions
from voortgang.parse.pdf import ENGINES, PdfSettings
from voortgang.parse.pdf.settings import DEFAULT_SETTINGS

# An input named on the command line. click checks nothing of it: a file that cannot be read
# is one error line among the others, as in a folder, not a usage error that stops the rest.
INPUT_PATH = click.Path(allow_dash=True, readable=False)
MEGABYTE = 1024 * 1024

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


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
    --max-form-depth, the limits a hostile file meets (see docs/limits.md), and --engine,
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


def _set_password(context: click.Context, _: click.Parameter, value: str | None) -> None:
    context.meta["voortgang.password"] = value


def password_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """--password, which ``read_options(context)`` carries."""
    return click.option(
        "--password",
        callback=_set_password,
        expose_value=False,
        help="Password of an encrypted PDF.",
    )(command)


def read_options(context: click.Context) -> ReadOptions:
    """How the command reads its inputs: the password, the PDF settings and the vocabulary
    the command line and the config file set."""
    settings = context.ensure_object(Settings)
    return ReadOptions(
        password=context.meta.get("voortgang.password"),
        pdf=pdf_settings(context),
        vocabulary=settings.config().vocabulary,
    )


def reading_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Every option of how an input is read: --password, the PDF limits and engine, -v/-q
    and the config; ``read_options(context)`` gathers them into one ReadOptions."""
    for decorator in (config_options, common_options, limit_options, password_option):
        command = decorator(command)
    return command


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


def _set_pages(context: click.Context, parameter: click.Parameter, value: str | None) -> None:
    pages = page_numbers(context, parameter, value)
    if pages is not None:
        context.meta.setdefault("voortgang.pdf_limits", {})["pages"] = frozenset(pages)


def pages_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """--pages, the pages of a PDF to read (PdfSettings.pages)."""
    return click.option(
        "--pages",
        callback=_set_pages,
        expose_value=False,
        metavar="PAGES",
        help="Read only these pages of a PDF (3-5,8), numbered from 1; the items keep their "
        "pages. Other formats are read whole.",
    )(command)


def page_numbers(
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
