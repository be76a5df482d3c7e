"""The terminal view: per track a rich table of its items, texts shortened to fit."""

from __future__ import annotations

from itertools import groupby

from rich.console import Console
from rich.table import Table
from rich.text import Text

from voortgang.export.shared import heading, track_titles
from voortgang.model.records import Item, Report

STATUS_LENGTH = 100


def shorten(text: str, length: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1].rstrip() + "…"


def track_table(title: str, items: list[Item]) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", expand=True)
    table.add_column("Nr", no_wrap=True)
    table.add_column("Resultaat", ratio=3)
    table.add_column("Deadline", min_width=10)
    table.add_column("Trekker", ratio=1, min_width=9)
    table.add_column("Stand van zaken", ratio=4)
    table.add_column("Sub", justify="right", no_wrap=True)
    for item in items:
        title = item.title or (item.sub_items[0].text if item.sub_items else "")
        table.add_row(
            item.number,
            Text(title, style="italic" if item.italic else ""),
            item.deadline.text.replace("\n", ", ") if item.deadline else "",
            ", ".join(item.lead),
            shorten(item.status, STATUS_LENGTH),
            str(len(item.sub_items)) if item.sub_items else "",
        )
    return table


def print_tables(reports: list[Report], console: Console) -> None:
    for report in reports:
        console.print(Text(heading(report), style="bold"))
        titles = track_titles(report)
        for track, items in groupby(report.items, key=lambda item: item.track):
            console.print(track_table(f"Spoor {track}: {titles.get(track, '')}", list(items)))
