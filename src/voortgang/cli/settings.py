"""What every command shares: -v, -q, the config file and --column, and how a command talks
on stderr (errors, warnings, what it did)."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import click

from voortgang.config import Config, ConfigError, load_config
from voortgang.model.diagnostics import Diagnostic
from voortgang.terminal import visible

if TYPE_CHECKING:  # imported when printing for people (rich)
    from rich.console import Console

QUIET = logging.CRITICAL + 1  # a logger level above every message
# Seconds one input may take to read: a report of hundreds of pages takes some tens.
DEFAULT_TIMEOUT = 120.0
# Bytes of memory (address space) the process reading one input may take: one reading a
# sample report peaks under 100 MB, and what a long report adds is its records (docs/speed.md:
# 11.6 MB held for 494 pages); a file built to inflate or draw without end takes
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


def quiet_pdf_libraries(verbose: bool) -> None:
    """pdfminer logs a warning for every damaged object it steps over; the one line that says
    the file cannot be read is what the user needs, and -v shows them. Run in every worker:
    one that is spawned, not forked, starts with no logging set up."""
    for library in ("pdfminer", "pdfplumber"):
        logging.getLogger(library).setLevel(logging.NOTSET if verbose else QUIET)
