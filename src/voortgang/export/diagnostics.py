"""Renderers from diagnostics: for people (rich, grouped per file), JSON, GitHub annotations.

Every renderer takes the same list of ``Diagnostic`` records, in the order ``check`` gives
them, file after file.
"""

from __future__ import annotations

import json
from collections import Counter
from itertools import groupby
from typing import TYPE_CHECKING

from voortgang.model.diagnostics import SEVERITIES, Diagnostic
from voortgang.terminal import visible

if TYPE_CHECKING:  # rich is imported when diagnostics are printed for people
    from rich.console import Console
    from rich.text import Text

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
GITHUB_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def location(diagnostic: Diagnostic) -> str:
    """``path:page`` or, without a page, ``path``."""
    if diagnostic.page is None:
        return diagnostic.source
    return f"{diagnostic.source}:{diagnostic.page}"


def diagnostic_line(diagnostic: Diagnostic) -> Text:
    """``path:page: CODE severity message [item 2.2]``, styled; what comes from the input
    (path, message, item) shown through ``visible``."""
    from rich.text import Text

    line = Text(f"{visible(location(diagnostic))}: ", style="bold")
    line.append(diagnostic.code, style="bold")
    line.append(" ")
    line.append(diagnostic.severity, style=STYLES[diagnostic.severity])
    line.append(f" {visible(diagnostic.message)}")
    if diagnostic.item is not None:
        line.append(f" [item {visible(diagnostic.item)}]", style="dim")
    return line


def print_diagnostics(
    diagnostics: list[Diagnostic], console: Console, summary_line: str | None = None
) -> None:
    """The diagnostics for people: per file its path, then a line each, a blank line between
    files; then the summary line, if given. Lines are never wrapped, so they stay whole for
    grep and editors."""
    from rich.text import Text

    for index, (source, group) in enumerate(groupby(diagnostics, key=lambda d: d.source)):
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
    """GitHub Actions workflow commands, one a line: ``::error file=…,title=…::message``.

    A page is no line of the file, so the annotation marks the file, and its title and
    message say the page and item.
    """
    lines = []
    for diagnostic in diagnostics:
        title = diagnostic.code
        if diagnostic.item is not None:
            title += f" [item {diagnostic.item}]"
        properties = f"file={_escape_property(diagnostic.source)},title={_escape_property(title)}"
        message = f"{location(diagnostic)}: {diagnostic.code} {diagnostic.message}"
        command = GITHUB_COMMANDS[diagnostic.severity]
        lines.append(f"::{command} {properties}::{_escape_data(message)}\n")
    return "".join(lines)
