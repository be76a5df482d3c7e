"""The format-neutral grid every reader emits and assembly consumes.

A reader knows its file format and nothing about progress reports; assembly knows progress
reports and nothing about file formats. This module is the whole interface between them:
pages of rows of cells of paragraphs of styled runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

WHITESPACE = re.compile(r"\s+")  # what str.isspace() calls whitespace, no more or less


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text in one style."""

    text: str
    italic: bool = False
    bold: bool = False


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph or list item: runs with whitespace already collapsed as printed.

    ``joins_previous`` is set on the first paragraph of a cell in a row that ``continues``
    another, where a page break cut a paragraph: it holds what goes between the two parts
    (" ", or "" inside a broken word). None for a paragraph of its own.
    """

    runs: tuple[Run, ...]
    joins_previous: str | None = None

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True, slots=True)
class Cell:
    """A cell's paragraphs, and where the cell starts in the file, where the format has
    lines (text, HTML): ``line`` 1-based, ``column`` 1-based in characters where the reader
    knows it. None for formats of pages (PDF, DOCX)."""

    paragraphs: tuple[Paragraph, ...] = ()
    line: int | None = None
    column: int | None = None

    def followed_by(self, rest: Cell) -> Cell:
        """This cell with the text a page break carried to ``rest`` put back after it; it
        starts where this one does."""
        where = (self.line, self.column) if self.paragraphs else (rest.line, rest.column)
        if not rest.paragraphs or not self.paragraphs:
            return Cell(self.paragraphs + rest.paragraphs, *where)
        first, *others = rest.paragraphs
        if first.joins_previous is None:
            return Cell(self.paragraphs + rest.paragraphs, *where)
        last = self.paragraphs[-1]
        glued = paragraph(*last.runs, Run(first.joins_previous), *first.runs)
        return Cell((*self.paragraphs[:-1], glued, *others), *where)

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)

    @property
    def is_empty(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True, slots=True)
class Doubt:
    """Two words a reader joined into one, or kept apart, where what it read could not tell
    which they were: a line full to its column's end, whose last word ``before`` the next
    line's first word ``after`` may go on (a word too long for the column) or not (a line
    wrapped at a space it had no room to draw). ``joined``: how they were read."""

    before: str
    after: str
    joined: bool


@dataclass(frozen=True, slots=True)
class Row:
    """A table row, or (``in_table`` false) a block of text outside any table.

    ``continues`` marks the rest of the row before, carried over by a page break: one row of
    the table, printed in two parts. Only a reader that can tell (PDF) sets it. ``size`` is,
    for text outside a table, its type size relative to the page's usual text (1.5 for a
    heading half as large again), where the format tells; None where it does not. ``line``
    is the 1-based line of the file where the row starts, where the format has lines (text,
    HTML); None for formats of pages (PDF, DOCX). ``doubts``: where the reader could not tell
    how the row's words go (see ``Doubt``).
    """

    cells: tuple[Cell, ...]
    in_table: bool = True
    continues: bool = False
    size: float | None = None
    line: int | None = None
    doubts: tuple[Doubt, ...] = ()

    @property
    def is_empty(self) -> bool:
        return all(cell.is_empty for cell in self.cells)


@dataclass(frozen=True, slots=True)
class Page:
    """Rows in reading order. ``number`` is 1-based, or None where the format has no pages."""

    number: int | None
    rows: tuple[Row, ...] = field(default=())


def paragraph(*runs: Run) -> Paragraph:
    """A paragraph from runs, merging neighbours of equal style and collapsing whitespace."""
    return Paragraph(tuple(normalise_runs(runs)))


def normalise_runs(runs: Iterable[Run]) -> list[Run]:
    """Collapse whitespace to single spaces, trim the ends, merge neighbours of equal style.

    A collapsed space keeps the style of the first whitespace it replaces, so the plain space
    between ``<i>1 A</i> <i>2 B</i>`` still shows where the second italic stretch begins.
    Works a run at a time, in time and memory linear in the text (a cell may hold megabytes).
    """
    pieces: list[tuple[list[str], bool, bool]] = []
    after_space = True  # at the start, or after a space: whitespace adds nothing
    for run in runs:
        text = WHITESPACE.sub(" ", run.text)
        if after_space and text.startswith(" "):
            text = text[1:]
        if not text:
            continue
        if pieces and pieces[-1][1:] == (run.italic, run.bold):
            pieces[-1][0].append(text)
        else:
            pieces.append(([text], run.italic, run.bold))
        after_space = text.endswith(" ")
    if after_space and pieces:
        texts = pieces[-1][0]
        texts[-1] = texts[-1][:-1]
    return [Run(text, italic, bold) for texts, italic, bold in pieces if (text := "".join(texts))]
