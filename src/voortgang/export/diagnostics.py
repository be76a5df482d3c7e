"""Renderers from diagnostics: for people (rich, grouped per file), JSON, GitHub annotations.

Every renderer takes the same list of ``Diagnostic`` records, in the order ``check`` gives
them, file after file.
"""

from __future__ import annotations

import json
from collections import Counter
from itertools import groupby
from typing import TYPE_CHECKING

from voortgang.model.diagnostics import CODES, SEVERITIES, Diagnostic
from voortgang.terminal import visible

if TYPE_CHECKING:  # rich is imported when diagnostics are printed for people
    from rich.console import Console
    from rich.text import Text

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
GITHUB_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def location(diagnostic: Diagnostic) -> str:
    """Where the diagnostic points, as editors and CI read it: ``path:LINE:COLUMN`` (or
    ``path:LINE``) in a file of lines; ``path:pPAGE`` (``report.pdf:p3``) in a file of pages,
    the ``p`` telling a page from a line; else ``path``. For records checked, ``path`` is the
    records file, and the source's page or line is left out: it is no place in that file."""
    path = diagnostic.path
    if not diagnostic.located:
        return path
    if diagnostic.line is not None:
        column = f":{diagnostic.column}" if diagnostic.column is not None else ""
        return f"{path}:{diagnostic.line}{column}"
    if diagnostic.page is not None:
        return f"{path}:p{diagnostic.page}"
    return path


def origin(diagnostic: Diagnostic) -> str:
    """For records checked, `` (from report.pdf:p3)``: the report they were read from, and
    the page there; else nothing."""
    if diagnostic.located:
        return ""
    page = f":p{diagnostic.page}" if diagnostic.page is not None else ""
    return f" (from {diagnostic.source}{page})"


def diagnostic_line(diagnostic: Diagnostic) -> Text:
    """``path:LINE:COLUMN: CODE severity message [item 2.2]`` (see ``location``), styled;
    what comes from the input (path, message, item) shown through ``visible``."""
    from rich.text import Text

    line = Text(f"{visible(location(diagnostic))}: ", style="bold")
    line.append(diagnostic.code, style="bold")
    line.append(" ")
    line.append(diagnostic.severity, style=STYLES[diagnostic.severity])
    line.append(f" {visible(diagnostic.message)}")
    if diagnostic.item is not None:
        line.append(f" [item {visible(diagnostic.item)}]", style="dim")
    if found := origin(diagnostic):
        line.append(visible(found), style="dim")
    return line


def print_diagnostics(
    diagnostics: list[Diagnostic], console: Console, summary_line: str | None = None
) -> None:
    """The diagnostics for people: per file its path, then a line each, a blank line between
    files; then the summary line, if given. Lines are never wrapped, so they stay whole for
    grep and editors."""
    from rich.text import Text

    for index, (source, group) in enumerate(groupby(diagnostics, key=lambda d: d.path)):
        if index:
            console.print()
        console.print(Text(visible(source), style="bold underline"), soft_wrap=True)
        for diagnostic in group:
            console.print(diagnostic_line(diagnostic), soft_wrap=True)
    if summary_line is not None:
        if diagnostics:
            console.print()
        console.print(Text(visible(summary_line), style="bold"), soft_wrap=True)


def _plural(count: int, word: str) -> str:
    if word == "info":
        return f"{count} info"
    return f"{count} {word}" + ("" if count == 1 else "s")


def summary(diagnostics: list[Diagnostic], files: int, unreadable: int = 0) -> str:
    """``3 errors, 1 warning in 1 file``; ``no problems in 2 files``; and how many files
    could not be read, if any."""
    counts = Counter(diagnostic.severity for diagnostic in diagnostics)
    found = ", ".join(_plural(counts[s], s) for s in SEVERITIES if counts[s]) or "no problems"
    text = f"{found} in {_plural(files, 'file')}"
    if unreadable:
        text += f"; {_plural(unreadable, 'file')} could not be read"
    return text


def diagnostics_json(diagnostics: list[Diagnostic]) -> str:
    """A JSON array of the diagnostics, each with the contract's fields."""
    records = [diagnostic.model_dump(mode="json") for diagnostic in diagnostics]
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def diagnostics_github(diagnostics: list[Diagnostic]) -> str:
    """GitHub Actions workflow commands, one a line:
    ``::error file=…,line=…,col=…,title=…::message``; ``file`` is the file checked.

    In a file of lines the annotation marks the line (and column); a page is no line of the
    file, so there it marks the file, and its message says the page.
    """
    lines = []
    for diagnostic in diagnostics:
        title = diagnostic.code
        if diagnostic.item is not None:
            title += f" [item {diagnostic.item}]"
        properties = f"file={_escape_property(diagnostic.path)}"
        if diagnostic.located and diagnostic.line is not None:
            properties += f",line={diagnostic.line}"
            if diagnostic.column is not None:
                properties += f",col={diagnostic.column}"
        properties += f",title={_escape_property(title)}"
        message = f"{location(diagnostic)}: {diagnostic.code} {diagnostic.message}"
        message += origin(diagnostic)
        command = GITHUB_COMMANDS[diagnostic.severity]
        lines.append(f"::{command} {properties}::{_escape_data(message)}\n")
    return "".join(lines)


def statistics(diagnostics: list[Diagnostic]) -> list[tuple[int, str]]:
    """(count, code) per code found, the most frequent first, then by code, as ruff counts."""
    counts = Counter(diagnostic.code for diagnostic in diagnostics)
    return sorted(((count, code) for code, count in counts.items()), key=lambda c: (-c[0], c[1]))


def statistics_text(diagnostics: list[Diagnostic]) -> str:
    """A line per code, as ``ruff --statistics`` prints it: the count (right-aligned), the
    code and its name, TAB-separated."""
    counted = statistics(diagnostics)
    width = max((len(str(count)) for count, _ in counted), default=1)
    return "".join(f"{count:>{width}}\t{code}\t{CODES[code].name}\n" for count, code in counted)


def statistics_json(diagnostics: list[Diagnostic]) -> str:
    """The counts as a JSON array: ``code``, ``name``, ``severity``, ``count``."""
    records = [
        {"code": code, "name": CODES[code].name, "severity": CODES[code].severity, "count": count}
        for count, code in statistics(diagnostics)
    ]
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"
