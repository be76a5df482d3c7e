"""Reader for the converter's text rendition.

One line per table row, cells separated by TABs and holding inline HTML; the lines between
tables (the page heading block, in Markdown) mark where a page begins.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from voortgang.parse.encoding import decode
from voortgang.parse.grid import Cell, Page, Row
from voortgang.parse.inline import paragraphs_of_fragment

MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
MARKDOWN_STRONG = re.compile(r"\*\*(.+?)\*\*")
MARKDOWN_EMPHASIS = re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])")
# What ends a row: the line ends of Unix, Windows and old Macs, and nothing else. A vertical
# tab, form feed, U+0085 or U+2028 inside a cell (str.splitlines() splits at each) is
# whitespace in the cell's text, as HTML reads it.
ROW_END = re.compile(r"\r\n|\r|\n")


def markdown_line_to_html(line: str) -> str:
    line = MARKDOWN_HEADING.sub("", line.strip())
    line = MARKDOWN_STRONG.sub(r"<b>\1</b>", line)
    return MARKDOWN_EMPHASIS.sub(r"<i>\1</i>", line)


def rows_of(text: str) -> Iterator[str]:
    """The lines of ``text``, split at ``ROW_END`` only; one at a time, without a list of
    them all."""
    start = 0
    for end in ROW_END.finditer(text):
        yield text[start : end.start()]
        start = end.end()
    if start < len(text):
        yield text[start:]


def cells_of(line: str, number: int) -> tuple[Cell, ...]:
    """The cells of a table row on line ``number``, each with the column it starts at."""
    cells = []
    column = 1
    for text in line.split("\t"):
        cells.append(Cell(paragraphs_of_fragment(text), number, column))
        column += len(text) + 1
    return tuple(cells)


def read_text(data: bytes) -> Iterator[Page]:
    rows: list[Row] = []
    number = 1
    for line_number, line in enumerate(rows_of(decode(data)), start=1):
        if "\t" in line:
            rows.append(Row(cells_of(line, line_number), line=line_number))
        elif line.strip():
            if rows and rows[-1].in_table:
                yield Page(number, tuple(rows))
                rows, number = [], number + 1
            paragraphs = paragraphs_of_fragment(markdown_line_to_html(line))
            rows.extend(
                Row((Cell((p,), line_number, 1),), in_table=False, line=line_number)
                for p in paragraphs
            )
    if rows:
        yield Page(number, tuple(rows))
