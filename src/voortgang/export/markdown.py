"""A Markdown table per report, in full, as a person reads the report."""

from __future__ import annotations

from voortgang.export.shared import heading, track_titles
from voortgang.model.records import Item, Report

HEADER = "| Nr | Resultaat | Deadline | Trekker | Stand van zaken |\n|---|---|---|---|---|\n"


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def _result(item: Item) -> str:
    lines = [f"*{item.title}*" if item.italic and item.title else item.title]
    lines += [f"{sub.label}. {sub.text}" for sub in item.sub_items]
    return "\n".join(line for line in lines if line)


def report_markdown(report: Report) -> str:
    out = [f"# {heading(report)}\n"]
    titles = track_titles(report)
    track = None
    for item in report.items:
        if item.track != track:
            track = item.track
            out.append(f"\n## Spoor {track}: {titles.get(track, '')}\n\n{HEADER}")
        cells = (
            item.number,
            _result(item),
            item.deadline.text if item.deadline else "",
            item.lead_text,
            item.status,
        )
        out.append("| " + " | ".join(_cell(cell) for cell in cells) + " |\n")
    return "".join(out)


def reports_markdown(reports: list[Report]) -> str:
    return "\n".join(report_markdown(report) for report in reports)
