"""A table's columns, from its header's labels, the body text below and the rulings.

Each label (a stretch of text set off by a wide gap) names a column, and an unnamed column
left of the first label holds the item numbers. Between two labels the column boundary is a
vertical ruling where there is one, else the gap in the body text just before the next
column's text begins, which holds whether labels are left aligned or centred.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from voortgang.parse.pdf.glyphs import Line
from voortgang.parse.pdf.header import Label
from voortgang.parse.pdf.settings import DEFAULT_SETTINGS, PdfSettings


@dataclass(frozen=True, slots=True)
class Measure:
    """How far text reaches in one column: at least to ``sure`` (so a line that left room for
    the next word there was ended on purpose), and as best known to ``edge``, where the column
    ends (so a word broken there was broken for lack of room). ``start`` is its left bound.
    ``reach`` is as far as ink or a drawn space reaches in the column (so a line had room
    for a space where it ends a space short of it), and ``space`` the width of a space
    between its words (0 where unknown)."""

    start: float
    sure: float
    edge: float
    reach: float = -math.inf
    space: float = 0

    def widened(self, widest: float, reach: float, space: float) -> Measure:
        return Measure(
            self.start,
            max(self.sure, widest),
            max(self.edge, widest),
            max(self.reach, reach),
            self.space or space,
        )


@dataclass(frozen=True, slots=True)
class TextLine:
    """One line of one cell, and how far text reaches in its column."""

    line: Line
    measure: Measure

    def is_wide(self, settings: PdfSettings) -> bool:
        """Whether the column holds running text rather than short entries."""
        return self.measure.edge - self.measure.start >= settings.wide_column * self.line.size

    @classmethod
    def alone(cls, line: Line) -> TextLine:
        """A line outside any column, measured by itself."""
        return cls(line, Measure(line.x0, line.x1, line.x1))


@dataclass(frozen=True, slots=True)
class Columns:
    """Column boundaries: column i holds glyphs with ``bounds[i] <= x0 < bounds[i + 1]``.

    ``measures`` tell how far text reaches in each column; ``anchors`` are where the header's
    labels begin, to know the same table again on the next page.
    """

    bounds: tuple[float, ...]
    measures: tuple[Measure, ...]
    labels: tuple[str, ...]
    anchors: tuple[float, ...]

    def split(self, line: Line) -> list[Line | None]:
        """The line's part in each column (None where it has no ink there)."""
        return line.parts(self.edges)[: len(self.labels)]

    @property
    def edges(self) -> tuple[float, ...]:
        """Where the columns split a line: the inner bounds, the outer ones open."""
        return (-math.inf, *self.bounds[1:-1], math.inf)

    def cells_of(self, row_lines: Sequence[Line]) -> list[list[TextLine]]:
        """A row's lines cut into the columns: per column, its lines, measured."""
        parts_by_column: list[list[TextLine]] = [[] for _ in self.labels]
        for line in row_lines:
            for column, part in enumerate(self.split(line)):
                if part is not None:
                    parts_by_column[column].append(TextLine(part, self.measures[column]))
        return parts_by_column

    def centres(self, line: Line, settings: PdfSettings) -> bool:
        """Whether ``line`` stands centred over the table, as a heading does (a browser prints
        a merged track row so), rather than where a cell's text begins."""
        middle = (self.bounds[0] + self.bounds[-1]) / 2
        return abs((line.x0 + line.x1) / 2 - middle) <= settings.centred * line.size

    def is_same_table(self, labels: Sequence[Label], settings: PdfSettings) -> bool:
        return [label.text for label in labels] == [text for text in self.labels if text] and all(
            abs(anchor - label.x0) < settings.anchor_tolerance
            for anchor, label in zip(self.anchors, labels, strict=True)
        )

    def widened(self, body: Sequence[Line], settings: PdfSettings) -> Columns:
        """The same columns on another page, measured to reach at least as far as the lines of
        ``body``, and each boundary moved left to where a word of ``body`` begins just short
        of it and runs across it: a producer that lays out each page's table anew may set a
        column a fraction of a point further left."""
        bounds = list(self.bounds)
        for line in body:
            creep = settings.column_creep * line.size
            for word in line.words:
                x0, x1 = word[0].x0, word[-1].x1
                for i in range(1, len(bounds) - 1):
                    if self.bounds[i] - creep <= x0 < self.bounds[i] < x1:
                        bounds[i] = min(bounds[i], x0 - settings.bound_margin)
        settled = tuple(bounds)
        _, widest, reach, space = _extents(settled, body)
        measures = tuple(
            m.widened(*found) for m, *found in zip(self.measures, widest, reach, space, strict=True)
        )
        return Columns(settled, measures, self.labels, self.anchors)


def _ink_intervals(lines: Sequence[Line]) -> list[tuple[float, float]]:
    return [(word[0].x0, word[-1].x1) for line in lines for word in line.words]


def _last_gap_end(
    intervals: list[tuple[float, float]],
    left: float,
    right: float,
    bridges: int = 0,
    margin: float = 0,
) -> float:
    """Where the last stretch of [left, right] that no interval covers ends; ``right`` if
    nothing covers the end of the range, ``left`` if everything is covered. Up to ``bridges``
    intervals that run across the whole range (from ``left``, less ``margin``, past its end)
    do not count: words of a line that runs across the columns (a heading between two
    tables), which hide the gap every cell's text leaves (a cell's word begins after the gap,
    or ends before it)."""
    across = [(a, b) for a, b in intervals if a <= left + margin and b >= right]
    kept = intervals if len(across) > bridges else [i for i in intervals if i not in across]
    covered = sorted((max(a, left), min(b, right)) for a, b in kept if b > left and a < right)
    end, reach = left, left
    for start, stop in covered:
        if start > reach:
            end = start
        reach = max(reach, stop)
    return right if reach < right else end


def body_size(body: Sequence[Line], settings: PdfSettings) -> float:
    """The usual type size of a table's body."""
    return statistics.median([line.size for line in body]) if body else settings.default_size


def find_columns(
    labels: Sequence[Label],
    body: Sequence[Line],
    vertical_rules: Sequence[float],
    right_edge: float,
    previous: Columns | None = None,
    settings: PdfSettings = DEFAULT_SETTINGS,
) -> Columns:
    """The columns of a table from its header's labels, the body lines below and the rulings.

    ``previous`` is the layout of the table on the page before: where the header stands in the
    same place it is the same table, laid out as before (a page with little text shows little
    of its columns).
    """
    if previous is not None and previous.is_same_table(labels, settings):
        return previous.widened(body, settings)
    margin = settings.bound_margin
    intervals = _ink_intervals(body)
    texts = [label.text for label in labels]
    starts: list[float] = []
    ruled = True
    body_left = min((a for a, _ in intervals), default=labels[0].x0)
    left_rules = [x for x in vertical_rules if x <= min(body_left, labels[0].x0) + margin]
    size = body_size(body, settings)
    if body_left < labels[0].x0 - settings.number_column_indent * size:  # a numbers column
        starts.append(max(left_rules) if left_rules else body_left - margin)
        texts.insert(0, "")
    elif previous is not None and not previous.labels[0] and previous.bounds[1] < labels[0].x0:
        starts.append(previous.bounds[0])  # a page without numbers, in a table that has them
        texts.insert(0, "")
    table_left = min(body_left, labels[0].x0) - settings.table_left_margin
    previous_right = starts[0] if starts else table_left
    for label in labels:
        zone = (previous_right, label.x0 + margin)
        rules = [x for x in vertical_rules if zone[0] < x <= zone[1]]
        if not starts:
            starts.append(max(left_rules) if left_rules else zone[0])
        elif rules:
            starts.append(max(rules))
        else:
            bridges = max(1, int(settings.gap_bridging_share * len(body)))
            starts.append(_last_gap_end(intervals, *zone, bridges, margin) - margin)
            ruled = False
        previous_right = label.x1
    right_rules = [x for x in vertical_rules if x > labels[-1].x1]
    bounds = (*starts, min(right_rules) if ruled and right_rules else right_edge)
    anchors = tuple(label.x0 for label in labels)
    return Columns(bounds, _measures(bounds, body, ruled, settings), tuple(texts), anchors)


def _extents(
    bounds: tuple[float, ...], body: Sequence[Line]
) -> tuple[list[float], list[float], list[float], list[float]]:
    """Per column, where its text begins at the leftmost, where its widest line ends, how far
    ink or a drawn space reaches (``-inf`` if nothing does), and the usual width of a space
    between words (0 if no line tells).

    Only lines of more than one word count for the width where there are any: a single word
    may overrun the column (a producer that does not break words too long for it).
    """
    count = len(bounds) - 1
    lefts = [bounds[i + 1] for i in range(count)]
    widest = [bounds[i] for i in range(count)]
    widest_word = [bounds[i] for i in range(count)]
    reach = [-math.inf] * count
    spaces: list[list[float]] = [[] for _ in range(count)]
    splitter = Columns(bounds, (), ("",) * count, ())
    for line in body:
        for i, part in enumerate(splitter.split(line)):
            if part is not None:
                lefts[i] = min(lefts[i], part.x0)
                if len(part.words) > 1:
                    widest[i] = max(widest[i], part.x1)
                else:
                    widest_word[i] = max(widest_word[i], part.x1)
                reach[i] = max(reach[i], part.glyphs[-1].x1 if part.ends_in_space else part.x1)
                if part.word_space is not None:
                    spaces[i].append(part.word_space)
    widest = [w if w > b else v for w, v, b in zip(widest, widest_word, bounds, strict=False)]
    space = [statistics.median(found) if found else 0 for found in spaces]
    return lefts, widest, reach, space


def _measures(
    bounds: tuple[float, ...], body: Sequence[Line], ruled: bool, settings: PdfSettings
) -> tuple[Measure, ...]:
    """How far text reaches in each column.

    The column's end is, between rulings, the ruling less the cell padding (seen where text
    begins); without rulings, the next column's start less the gutter (estimated where text
    comes closest to the next column); for the last column without rulings, its widest line.
    Text surely reaches the widest line; where that stops well short of the end (a column of
    short entries), it surely reaches the end less a margin for the estimate's error.
    """
    lefts, widest, reach, space = _extents(bounds, body)
    count = len(bounds) - 1
    used = [i for i in range(count) if widest[i] > bounds[i]]
    size = body_size(body, settings)
    if ruled:
        padding = max(min((lefts[i] - bounds[i] for i in used), default=0), 0)
        ends = [bounds[i + 1] - padding for i in range(count)]
    else:
        gutter = min((bounds[i + 1] - widest[i] for i in used if i < count - 1), default=0)
        ends = [bounds[i + 1] - gutter for i in range(count - 1)] + [widest[-1]]
    measures = []
    for i in range(count):
        edge = max(ends[i], widest[i])
        short = edge - widest[i] < settings.short_column * size
        sure = widest[i] if short else edge - settings.sure_margin * size
        measures.append(Measure(bounds[i], sure, edge, reach[i], space[i]))
    return tuple(measures)
