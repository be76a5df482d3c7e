"""What the reader saw on a page: the evidence behind its grid, as values to check or draw.

The reader makes one ``PageReading`` per page in the same pass that makes the page's grid:
the page's lines, those left out as page furniture and those outside any table, and per table
its header band, column bounds, the rulings it used, its row bands and the evidence for how
its rows are aligned and its lines wrap; and where paragraphs went on from line to line.
Positions are in points from the page's top left corner.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from voortgang.parse.pdf.glyphs import Line, Rulings
from voortgang.parse.pdf.header import Label
from voortgang.parse.pdf.join import Box, LineJoin, WrapSpaces

RowKind = Literal["item", "merged", "continuation"]


@dataclass(frozen=True, slots=True)
class RowBand:
    """The lines of one row of the grid, from the top of the first to the lowest bottom:
    an item's row, a merged one (a track row), or the continuation of the row the page
    break cut off. ``row`` is the row's index in its page's grid rows; ``paragraphs`` has,
    for each of the row's cells in order, the box of each paragraph's first word."""

    top: float
    bottom: float
    kind: RowKind
    row: int = -1
    paragraphs: tuple[tuple[Box, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class TableReading:
    """One table on a page, as read.

    ``header`` is the band (top, bottom) of its header row, None on a page that does not
    repeat it (the columns are the last page's); ``labels`` the labels read in it.
    ``bounds`` are the column bounds (column i from ``bounds[i]`` to ``bounds[i + 1]``),
    ``column_labels`` their labels ("" for the numbers column). ``rulings_used`` are the
    vertical rulings that are column bounds and the horizontal ones that bound rows;
    ``rulings_ignored`` the rest of the page's. ``rows_ruled``: whether the table's rows are
    ruled off (as seen on this page or before). ``pitch`` is the line distance read with.
    ``alignment_evidence`` counts how this table's numbers stand in their rows,
    ``alignment`` is the one chosen from all the table's pages so far. ``wrap_spaces`` is
    this table's evidence that the producer draws wrap spaces, ``wrap_spaces_used`` whether
    its lines were joined as if it does (as seen on this page or before).
    """

    header: tuple[float, float] | None
    labels: tuple[Label, ...]
    bounds: tuple[float, ...]
    column_labels: tuple[str, ...]
    rulings_used: Rulings
    rulings_ignored: Rulings
    rows_ruled: bool
    rows: tuple[RowBand, ...]
    pitch: float
    alignment_evidence: dict[str, int]
    alignment: str
    wrap_spaces: WrapSpaces
    wrap_spaces_used: bool


@dataclass(frozen=True, slots=True)
class PageReading:
    """One page, as read. ``lines`` are all the page's lines, ``furniture`` those left out
    as page furniture (running headers and footers), ``free_text`` those outside any table.
    ``joins`` are where paragraphs went on from one line to the next on the page, with a
    space or none. ``warnings`` say where the reading looks implausible."""

    number: int
    width: float
    height: float
    lines: tuple[Line, ...]
    furniture: tuple[Line, ...]
    free_text: tuple[Line, ...]
    tables: tuple[TableReading, ...]
    joins: tuple[LineJoin, ...]
    warnings: tuple[str, ...] = ()
