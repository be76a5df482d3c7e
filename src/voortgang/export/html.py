"""A standalone HTML document of the reports' tables, as a person reads them, and as
voortgang's HTML reader reads back to the same items.

What makes it read back: the heading (title, plan, date) as lines of its own before the first
table; per track a heading ``Spoor 2: Nationale aanpak``; the column names in a header row;
an item's rows as ``export/rows.py`` lays them out, its number spanning them; paragraphs as
``<p>`` or ``<br>``; a title's or sub-item's first paragraph in ``<i>`` where it is italic, its
label outside. The document has no page breaks, so items read back without pages. CSS
classes are left out: the reader reads their rules for italics.
"""

from __future__ import annotations

from html import escape
from itertools import groupby

from voortgang.export.rows import TableRow, result_paragraphs, table_rows
from voortgang.export.shared import extra_headings, heading, track_titles
from voortgang.model.records import Item, Report

STYLE = """\
body { font-family: sans-serif; line-height: 1.35; margin: 2em; }
table { border-collapse: collapse; table-layout: fixed; width: 100%; margin-bottom: 2em; }
th, td { border: 1px solid #888; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
td { overflow-wrap: anywhere; }
th:nth-child(1) { width: 4em; }
th:nth-child(2) { width: 25%; }
th:nth-child(3) { width: 7em; }
th:nth-child(4) { width: 8em; }
th { background: #eee; }
td p { margin: 0 0 0.5em; }
td p:last-child { margin-bottom: 0; }
"""
HEADINGS = ("Nr", "Resultaat", "Deadline", "Trekker", "Stand van zaken")


def _header(extra: list[str]) -> str:
    """The header row: the five columns, then the report's columns of no field."""
    names = "".join(f"<th>{escape(name)}</th>" for name in (*HEADINGS, *extra))
    return f"<thead><tr>{names}</tr></thead>"


def _lines(lines: tuple[str, ...] | list[str], italic_first: bool = False) -> str:
    """Lines joined by ``<br>``, the first in italics if asked."""
    escaped = [escape(line) for line in lines]
    if italic_first and escaped:
        escaped[0] = f"<i>{escaped[0]}</i>"
    return "<br>".join(escaped)


def _result(item: Item, row: TableRow) -> str:
    """The Resultaat cell: the title as a paragraph, then one per sub-item, label first."""
    return "".join(
        "<p>" + ("" if label is None else f"{escape(label)}. ") + _lines(lines, italic) + "</p>"
        for label, lines, italic in result_paragraphs(item, row)
    )


def _item_rows(item: Item, extra: list[str]) -> list[str]:
    rows = table_rows(item)
    out = []
    for index, row in enumerate(rows):
        number = ""
        if row.number:
            span = f' rowspan="{len(rows)}"' if len(rows) > 1 else ""
            number = f"<td{span}>{escape(row.number)}</td>"
        status = "".join(f"<p>{escape(line)}</p>" for line in row.status)
        cells = (
            _result(item, row),
            _lines(row.deadline),
            _lines(row.lead),
            status,
            *(_paragraphs(item.extra.get(name, "") if index == 0 else "") for name in extra),
        )
        out.append("<tr>" + number + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    return out


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in text.split("\n") if text)


def _report_body(report: Report) -> list[str]:
    out = [
        f"<{tag}>{escape(text)}</{tag}>"
        for tag, text in (("h1", report.title), ("p", report.plan), ("p", report.date))
        if text
    ]
    titles = track_titles(report)
    extra = extra_headings(report)
    for track, items in groupby(report.items, key=lambda item: item.track):
        # A heading without a title does not read as a track: leave it out rather than have
        # it read as a line of the report's heading.
        if titles.get(track):
            out.append(f"<h2>Spoor {track}: {escape(titles[track])}</h2>")
        out += ["<table>", _header(extra), "<tbody>"]
        out += [row for item in items for row in _item_rows(item, extra)]
        out += ["</tbody>", "</table>"]
    return out


def reports_html(reports: list[Report]) -> str:
    """One document; several reports follow each other, each in a ``<section>``."""
    title = " / ".join(heading(report) for report in reports)
    out = [
        "<!doctype html>",
        '<html lang="nl">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{escape(title)}</title>",
        f"<style>\n{STYLE}</style>",
        "</head>",
        "<body>",
    ]
    for report in reports:
        body = _report_body(report)
        out += ["<section>", *body, "</section>"] if len(reports) > 1 else body
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
