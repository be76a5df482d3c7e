"""The terminal view: per track a rich table of its items, texts shortened to fit the width.

Every text is the report's: it goes in as ``Text`` (never read as rich markup, where ``[/]``
in a cell would be an error) and through ``visible``, which shows control and escape
characters rather than sending them to the terminal."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import groupby

from rich.console import Console
from rich.table import Table
from rich.text import Text

from voortgang.export.shared import heading, track_titles
from voortgang.model.records import Item, Report
from voortgang.terminal import visible

# A cut text ends in this mark; the footer counts the cells cut and says how to see them whole.
CUT_MARK = "…"
# How much of its column's share a text may fill before it is cut: sub-items about a line of
# the Resultaat column, the status about four lines of its column.
SUB_ITEM_LINES = 2
STATUS_LINES = 4
# The widths of the columns of short entries, fixed for a whole report (the widest entry of
# the report, within these bounds), so that every track's table lines up with the others.
DEADLINE_WIDTH = (8, 16)
LEAD_WIDTH = (7, 16)
# The Resultaat and Stand van zaken columns share what the others leave, 3 : 5.
RESULT_SHARE, STATUS_SHARE = 3, 5
# What each column loses to rich's borders and padding, per column, and at the table's edge.
CELL_FRAME, TABLE_FRAME = 3, 1


def shorten(text: str, length: int) -> str:
    """The text on one line, cut at a word with ``CUT_MARK`` where it is longer than
    ``length``."""
    flat = " ".join(text.split())
    if len(flat) <= length:
        return flat
    cut = flat[: length - 1].rsplit(" ", 1)[0] if " " in flat[: length - 1] else flat[: length - 1]
    return cut.rstrip(" ,;:") + CUT_MARK


@dataclass(frozen=True)
class Widths:
    """The columns' widths of one report's tables, in characters."""

    number: int
    deadline: int
    lead: int
    result: int
    status: int

    @classmethod
    def of(cls, report: Report, width: int) -> Widths:
        def widest(texts: list[str], bounds: tuple[int, int]) -> int:
            longest = max((len(text) for text in texts), default=0)
            return min(max(longest, bounds[0]), bounds[1])

        number = max((len(item.number) for item in report.items), default=2)
        number = min(max(number, 2), 12)
        deadline = widest([_deadline(item) for item in report.items], DEADLINE_WIDTH)
        lead = widest([", ".join(item.lead) for item in report.items], LEAD_WIDTH)
        rest = width - number - deadline - lead - 5 * CELL_FRAME - TABLE_FRAME
        rest = max(rest, 2 * (RESULT_SHARE + STATUS_SHARE))
        result = rest * RESULT_SHARE // (RESULT_SHARE + STATUS_SHARE)
        return cls(number, deadline, lead, result, rest - result)


@dataclass
class Cuts:
    """How many cells the tables cut short."""

    count: int = 0

    def shorten(self, text: str, length: int | None) -> str:
        """``text`` whole (on its lines) where ``length`` is None, else ``shorten``-ed, and
        counted where it was cut."""
        if length is None:
            return text
        short = shorten(text, length)
        if short != " ".join(text.split()):
            self.count += 1
        return short


def _deadline(item: Item) -> str:
    return item.deadline.text.replace("\n", ", ") if item.deadline else ""


def result_text(item: Item, length: int | None, cuts: Cuts) -> Text:
    """The title (in italics where it is set so), and a line per sub-item, label first."""
    text = Text(visible(item.title, keep="\n" if length is None else ""))
    text.stylize("italic" if item.italic else "")
    for sub in item.sub_items:
        if text:
            text.append("\n")
        text.append(f"{visible(sub.label)}. ", style="bold")
        shortened = visible(cuts.shorten(sub.text, length), keep="\n" if length is None else "")
        text.append(shortened, style="italic" if sub.italic else "")
    return text


def track_table(
    title: str, items: list[Item], widths: Widths, cuts: Cuts, full: bool = False
) -> Table:
    """One track's items; texts cut to about a line (sub-items) and four lines (the status)
    of their column, unless ``full``."""
    table = Table(title=Text(visible(title)), title_justify="left", title_style="bold")
    # A word longer than its column is folded onto the next line, never cut by rich (whose
    # default is an ellipsis no footer would count).
    table.add_column("Nr", width=widths.number, overflow="fold")
    table.add_column("Resultaat", width=widths.result, overflow="fold")
    table.add_column("Deadline", width=widths.deadline, overflow="fold")
    table.add_column("Trekker", width=widths.lead, overflow="fold")
    table.add_column("Stand van zaken", width=widths.status, overflow="fold")
    sub_item_length = None if full else max(20, SUB_ITEM_LINES * widths.result - 4)
    status_length = None if full else max(40, STATUS_LINES * widths.status)
    for item in items:
        status = cuts.shorten(item.status, status_length)
        table.add_row(
            Text(visible(item.number)),
            result_text(item, sub_item_length, cuts),
            Text(visible(_deadline(item))),
            Text(visible(", ".join(item.lead))),
            Text(visible(status, keep="\n" if full else "")),
        )
    return table


def footer(report: Report, cuts: Cuts) -> str:
    """``36 items: spoor 1: 8, spoor 2: 20, spoor 3: 8``, and how many cells were cut."""
    counts = Counter(item.track for item in report.items)
    per_track = ", ".join(f"spoor {track}: {count}" for track, count in counts.items())
    line = f"{len(report.items)} item{'s' if len(report.items) != 1 else ''}: {per_track}"
    if cuts.count:
        cells = "cell" if cuts.count == 1 else "cells"
        line += f"\n{cuts.count} {cells} cut short ({CUT_MARK}); --full shows every cell whole"
    return line


def print_tables(
    reports: list[Report], console: Console, with_sources: bool, full: bool = False
) -> None:
    """The reports' items, a table per track, its columns as wide in every track of a
    report; ``with_sources`` names each report's file; ``full`` shows every cell whole.
    After each report, a footer: its items per track, and how many cells were cut."""
    for report in reports:
        if with_sources:
            console.print(Text(visible(report.source.path), style="bold underline"))
        console.print(Text(visible(heading(report)), style="bold"))
        titles = track_titles(report)
        widths = Widths.of(report, console.width)
        cuts = Cuts()
        for track, items in groupby(report.items, key=lambda item: item.track):
            title = f"Spoor {track}: {titles.get(track, '')}"
            console.print(track_table(title, list(items), widths, cuts, full))
        console.print(Text(footer(report, cuts), style="dim"))
