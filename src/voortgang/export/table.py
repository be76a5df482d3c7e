"""The terminal view: one rich table per report, texts shortened to fit."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from voortgang.model.records import Report

STATUS_LENGTH = 100


def shorten(text: str, length: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1].rstrip() + "…"


def report_table(report: Report) -> Table:
    heading = " – ".join(part for part in (report.title, report.plan, report.date) if part)
    table = Table(title=heading or report.source.path, show_lines=False, expand=True)
    table.add_column("Nr", no_wrap=True)
    table.add_column("Resultaat", ratio=3)
    table.add_column("Deadline", ratio=1, min_width=10)
    table.add_column("Trekker", ratio=1, min_width=10)
    table.add_column("Stand van zaken", ratio=4)
    table.add_column("Sub", justify="right")
    track_titles = {track.number: track.title for track in report.tracks}
    track = None
    for item in report.items:
        if item.track != track:
            track = item.track
            table.add_section()
            table.add_row("", Text(f"Spoor {track}: {track_titles.get(track, '')}", style="bold"))
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
        console.print(report_table(report))
