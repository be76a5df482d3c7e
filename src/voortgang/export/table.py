"""The terminal view: per track a rich table of its items, texts shortened to fit the width.

Every text is the report's: it goes in as ``Text`` (never read as rich markup, where ``[/]``
in a cell would be an error) and through ``visible``, which shows control and escape
characters rather than sending them to the terminal."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console
from rich.table import Table
from rich.text import Text

from voortgang.export.shared import heading, track_titles
from voortgang.model.records import Item, Report
from voortgang.terminal import visible


def shorten(text: str, length: int) -> str:
    """The text on one line, cut at a word with "…" where it is longer than ``length``."""
    flat = " ".join(text.split())
    if len(flat) <= length:
        return flat
    cut = flat[: length - 1].rsplit(" ", 1)[0] if " " in flat[: length - 1] else flat[: length - 1]
    return cut.rstrip(" ,;:") + "…"


def result_text(item: Item, sub_item_length: int) -> Text:
    """The title (in italics where it is set so), and a line per sub-item, label first."""
    text = Text(visible(item.title), style="italic" if item.italic else "")
    for sub in item.sub_items:
        if text:
            text.append("\n")
        text.append(f"{visible(sub.label)}. ", style="bold")
        shortened = visible(shorten(sub.text, sub_item_length))
        text.append(shortened, style="italic" if sub.italic else "")
    return text


def track_table(title: str, items: list[Item], width: int) -> Table:
    table = Table(title=Text(visible(title)), title_justify="left", title_style="bold", expand=True)
    table.add_column("Nr", no_wrap=True)
    table.add_column("Resultaat", ratio=3)
    table.add_column("Deadline", min_width=10)
    table.add_column("Trekker", ratio=1, min_width=9)
    table.add_column("Stand van zaken", ratio=4)
    # The text columns share what the others leave, 3 : 1 : 4; sub-items get about a line of
    # theirs, the status about four.
    share = max(width - 30, 40) / 8
    for item in items:
        deadline = item.deadline.text.replace("\n", ", ") if item.deadline else ""
        table.add_row(
            Text(visible(item.number)),
            result_text(item, max(20, int(3 * share) - 4)),
            Text(visible(deadline)),
            Text(visible(", ".join(item.lead))),
            Text(visible(shorten(item.status, int(16 * share)))),
        )
    return table


def print_tables(reports: list[Report], console: Console, with_sources: bool) -> None:
    """The reports' items, a table per track; ``with_sources`` names each report's file."""
    for report in reports:
        if with_sources:
            console.print(Text(visible(report.source.path), style="bold underline"))
        console.print(Text(visible(heading(report)), style="bold"))
        titles = track_titles(report)
        for track, items in groupby(report.items, key=lambda item: item.track):
            title = f"Spoor {track}: {titles.get(track, '')}"
            console.print(track_table(title, list(items), console.width))
