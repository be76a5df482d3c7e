"""The one registry of output formats: per kind of record (reports, diagnostics, a diff,
validation problems) the formats it can be written as, each with its name, the suffixes of
an output file it owns, and its renderer, all of one signature.

``render(values, rendering) -> str`` writes the text for a file or a pipe; a format for
people on a terminal (``table``, ``text``) has ``show(values, console, rendering)`` too, which
prints to a rich console. Every command that writes one of these kinds takes its ``--format``
and the format ``-o``'s suffix picks from here, so that ``parse``, ``convert`` and ``check``
name a format the same way. A new format is one renderer and one entry.
"""

from __future__ import annotations

import importlib
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from voortgang.export.csv import reports_csv
from voortgang.export.diagnostics import diagnostics_github, diagnostics_json, print_diagnostics
from voortgang.export.html import reports_html
from voortgang.export.json import items_jsonl, reports_json
from voortgang.export.markdown import reports_markdown
from voortgang.export.sarif import diagnostics_sarif
from voortgang.model.diagnostics import Diagnostic
from voortgang.model.diff import Diff
from voortgang.model.records import Report

if TYPE_CHECKING:  # rich, the diff's and validation's renderers: imported when one is used
    from rich.console import Console

    from voortgang.validate import Problem

T = TypeVar("T")


@dataclass(frozen=True)
class Rendering:
    """What a renderer is told beside the values: ``several``, whether they come from more
    than one input (JSON is then an array, a table names each file); ``explode``, a CSV row
    per sub-item; ``summary``, the line a text for people ends with; ``quiet``, leave out
    what is not a result; ``full``, a table shows every cell whole."""

    several: bool = False
    explode: bool = False
    summary: str | None = None
    quiet: bool = False
    full: bool = False


Render = Callable[[list[T], Rendering], str]
Show = Callable[[list[T], "Console", Rendering], None]
# What a streaming format writes for the value at an index (0 for the first); and what it
# ends with after how many values (nothing after none).
Piece = Callable[[T, int, Rendering], str]
End = Callable[[int, Rendering], str]


@dataclass(frozen=True)
class Streaming(Generic[T]):
    """How a format is written a value at a time, as the values come, so that what is
    written in pieces is what ``render`` writes at once."""

    piece: Piece[T]
    end: End = lambda count, rendering: ""


@dataclass(frozen=True)
class Format(Generic[T]):
    """One output format: its name, other names it answers to, the suffixes of an output file
    that pick it, and how it is written (``render``) and shown on a terminal (``show``, only
    for a format meant for people)."""

    name: str
    help: str
    render: Render[T] | None
    show: Show[T] | None = None
    suffixes: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    streaming: Streaming[T] | None = None

    @property
    def for_people(self) -> bool:
        return self.show is not None


@dataclass(frozen=True)
class Formats(Generic[T]):
    """The formats of one kind of record, in the order help lists them."""

    kind: str
    formats: tuple[Format[T], ...]

    def names(self) -> list[str]:
        """Every name a --format takes: each format's, then its aliases."""
        return [name for found in self.formats for name in (found.name, *found.aliases)]

    def get(self, name: str) -> Format[T]:
        for found in self.formats:
            if name == found.name or name in found.aliases:
                return found
        raise KeyError(name)

    def by_suffix(self, suffix: str) -> Format[T] | None:
        """The format an output file's ``suffix`` (``.csv``) names, if any."""
        for found in self.formats:
            if suffix.lower() in found.suffixes:
                return found
        return None

    def suffixes(self) -> list[str]:
        return [suffix for found in self.formats for suffix in found.suffixes]

    def written(self) -> list[Format[T]]:
        """The formats that can go to a file or a pipe."""
        return [found for found in self.formats if found.render is not None]


def captured(show: Show[T]) -> Render[T]:
    """A renderer of plain text from a ``show``: what it prints on a console without colour,
    for a file. Only for shows that never wrap their lines (their width is then moot)."""

    def render(values: list[T], rendering: Rendering) -> str:
        from rich.console import Console

        buffer = io.StringIO()
        show(values, Console(file=buffer, color_system=None, width=200), rendering)
        return buffer.getvalue()

    return render


def _show_tables(reports: list[Report], console: Console, rendering: Rendering) -> None:
    from voortgang.export.table import print_tables

    print_tables(reports, console, with_sources=rendering.several, full=rendering.full)


def _show_diagnostics(
    diagnostics: list[Diagnostic], console: Console, rendering: Rendering
) -> None:
    print_diagnostics(diagnostics, console, None if rendering.quiet else rendering.summary)


def _show_diff(diffs: list[Diff], console: Console, rendering: Rendering) -> None:
    from voortgang.export.diff import print_diff

    print_diff(diffs[0], console, quiet=rendering.quiet)


def _show_problems(problems: list[Problem], console: Console, _: Rendering) -> None:
    from rich.text import Text

    from voortgang.terminal import visible

    for problem in problems:
        console.print(Text(visible(str(problem))), soft_wrap=True)


def _imported(module: str, name: str) -> Callable[..., str]:
    """The renderer ``name`` of ``module``, imported when it is called: the registry names
    every format, and a command loads only what the one it writes needs (rich, the diff's
    renderers, validation's)."""

    def render(*args: object) -> str:
        return getattr(importlib.import_module(module), name)(*args)

    return render


def _indented(text: str) -> str:
    return "".join("  " + line if line else line for line in text.splitlines(keepends=True))


def _json_piece(report: Report, index: int, rendering: Rendering) -> str:
    """A report of the array ``reports_json`` writes for several inputs (for one, the object),
    the first opening the array."""
    if not rendering.several:
        return reports_json([report], False)
    dumped = json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False)
    return ("[\n" if index == 0 else ",\n") + _indented(dumped)


def _json_end(count: int, rendering: Rendering) -> str:
    return "\n]\n" if rendering.several and count else ""


def _csv_piece(report: Report, index: int, rendering: Rendering) -> str:
    """The report's rows, after the header row for the first."""
    text = reports_csv([report], explode=rendering.explode)
    return text if index == 0 else text.split("\n", 1)[1]


REPORT_FORMATS: Formats[Report] = Formats(
    "reports",
    (
        Format(
            "table",
            "a table per track, for people on a terminal",
            None,
            _show_tables,
        ),
        Format(
            "json",
            "the report object (an array of them for several inputs)",
            lambda reports, how: reports_json(reports, how.several),
            suffixes=(".json",),
            streaming=Streaming(_json_piece, _json_end),
        ),
        Format(
            "jsonl",
            "one item a line, each with its source path",
            lambda reports, _: items_jsonl(reports),
            suffixes=(".jsonl", ".ndjson"),
            streaming=Streaming(lambda report, _, __: items_jsonl([report])),
        ),
        Format(
            "csv",
            "a row per item (with --explode on convert, per sub-item)",
            lambda reports, how: reports_csv(reports, explode=how.explode),
            suffixes=(".csv",),
            streaming=Streaming(_csv_piece),
        ),
        Format(
            "markdown",
            "a table per track",
            lambda reports, _: reports_markdown(reports),
            suffixes=(".md", ".markdown"),
            aliases=("md",),
        ),
        Format(
            "html",
            "one document, a table per track",
            lambda reports, _: reports_html(reports),
            suffixes=(".html", ".htm"),
        ),
    ),
)

DIAGNOSTIC_FORMATS: Formats[Diagnostic] = Formats(
    "diagnostics",
    (
        Format(
            "text",
            "a line per diagnostic, grouped per file, for people",
            captured(_show_diagnostics),
            _show_diagnostics,
            suffixes=(".txt",),
        ),
        Format(
            "json",
            "an array of the diagnostics, for scripts",
            lambda diagnostics, _: diagnostics_json(diagnostics),
            suffixes=(".json",),
        ),
        Format(
            "github",
            "GitHub Actions annotations",
            lambda diagnostics, _: diagnostics_github(diagnostics),
        ),
        Format(
            "sarif",
            "SARIF 2.1.0, for code scanning and CI dashboards",
            lambda diagnostics, _: diagnostics_sarif(diagnostics),
            suffixes=(".sarif",),
        ),
    ),
)

DIFF_FORMATS: Formats[Diff] = Formats(
    "diff",
    (
        Format("text", "the changes for people", None, _show_diff),
        Format(
            "json",
            "the Diff record",
            lambda diffs, _: _imported("voortgang.export.diff", "diff_json")(diffs[0]),
            suffixes=(".json",),
        ),
        Format(
            "markdown",
            "a memo or pull request's text",
            lambda diffs, _: _imported("voortgang.export.diff", "diff_markdown")(diffs[0]),
            suffixes=(".md", ".markdown"),
            aliases=("md",),
        ),
    ),
)

PROBLEM_FORMATS: Formats[Problem] = Formats(
    "problems",
    (
        Format("text", "a line per problem", captured(_show_problems), _show_problems),
        Format(
            "json",
            "an array of the problems, for scripts",
            lambda problems, _: _imported("voortgang.validate", "problems_json")(problems),
            suffixes=(".json",),
        ),
    ),
)


def choices(formats: Formats[T], only: Sequence[str] | None = None) -> list[str]:
    """The names --format takes for ``formats``, or of those of them ``only`` names."""
    if only is None:
        return formats.names()
    return [name for name in formats.names() if formats.get(name).name in only]
