"""A Markdown table per track, in full, as a person reads the report.

An item's rows are those of ``export/rows.py``: a sub-item with a Deadline, Trekker or Stand
van zaken of its own has a row of its own, the item's number on its first row only.
Paragraphs are kept as ``<br>``, italics as ``*…*``; text that Markdown would read as markup is
escaped.
"""

from __future__ import annotations

import re
from itertools import groupby

from voortgang.export.rows import TableRow, result_paragraphs, table_rows
from voortgang.export.shared import extra_headings, heading, track_titles
from voortgang.model.records import Item, Report

HEADINGS = ("Nr", "Resultaat", "Deadline", "Trekker", "Stand van zaken")


def _header(extra: list[str]) -> str:
    """The header row: the five columns, then the report's columns of no field."""
    names = [*HEADINGS, *(_escape(name) for name in extra)]
    return "| " + " | ".join(names) + " |\n" + "|---" * len(names) + "|\n"


MARKUP = re.compile(r"([\\|*_`<\[\]])")


def _escape(text: str) -> str:
    return MARKUP.sub(r"\\\1", text)


def _lines(lines: tuple[str, ...] | list[str], italic_first: bool = False) -> str:
    """Lines as one cell: escaped, joined by ``<br>``, the first in italics if asked."""
    escaped = [_escape(line) for line in lines]
    if italic_first and escaped:
        escaped[0] = f"*{escaped[0]}*"
    return "<br>".join(escaped)


def _result(item: Item, row: TableRow) -> str:
    """The title and the sub-items, each on lines of its own, the label first."""
    return "<br>".join(
        ("" if label is None else f"{_escape(label)}. ") + _lines(lines, italic)
        for label, lines, italic in result_paragraphs(item, row)
    )


def report_markdown(report: Report) -> str:
    out = [f"# {heading(report)}\n"]
    titles = track_titles(report)
    extra = extra_headings(report)
    for track, items in groupby(report.items, key=lambda item: item.track):
        title = f": {titles[track]}" if titles.get(track) else ""
        out.append(f"\n## Spoor {track}{title}\n\n{_header(extra)}")
        for item in items:
            for index, row in enumerate(table_rows(item)):
                cells = (
                    _escape(row.number),
                    _result(item, row),
                    _lines(row.deadline),
                    _lines(row.lead),
                    _lines(row.status),
                    *(_lines(_extra_lines(item, name) if index == 0 else []) for name in extra),
                )
                out.append("| " + " | ".join(cells) + " |\n")
    return "".join(out)


def _extra_lines(item: Item, heading: str) -> list[str]:
    text = item.extra.get(heading, "")
    return text.split("\n") if text else []


def reports_markdown(reports: list[Report]) -> str:
    return "\n".join(report_markdown(report) for report in reports)
