"""Rows of a PDF table: which lines below the header row belong to one row.

Where horizontal rulings separate the rows, they decide. Without them, a row is found by its
number. In a table whose cells are aligned to the top, every row begins on its number's line,
after a blank band across all columns; aligned to the bottom, every row ends on it. In a table
whose cells are centred vertically (browsers print tables that way by default), the number
stands in the middle of its row and the tallest cell runs past it without a break; there a
row is the stretch between two blank bands whose middle is its number's middle.
"""

from __future__ import annotations

import math
import statistics
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import Literal

from voortgang.parse.pdf.columns import Columns, body_size
from voortgang.parse.pdf.glyphs import Line, opens_gap
from voortgang.parse.pdf.settings import DEFAULT_SETTINGS, PdfSettings, TableVocabulary

Alignment = Literal["top", "middle", "bottom"]
ALIGNMENTS: tuple[Alignment, ...] = ("top", "middle", "bottom")  # the first wins a tie


def line_pitch(
    lines: Sequence[Line], columns: Columns, settings: PdfSettings = DEFAULT_SETTINGS
) -> float | None:
    """The distance between two lines of one paragraph: the smallest step from one line to
    the next within a column (steps between paragraphs and rows are larger), or None where
    no column has two lines."""
    steps: list[float] = []
    last_top: dict[int, float] = {}
    for line in lines:
        for i, part in enumerate(columns.split(line)):
            if part is not None:
                if i in last_top:
                    steps.append(part.top - last_top[i])
                last_top[i] = part.top
    least = settings.min_pitch * body_size(lines, settings)
    return min((step for step in steps if step >= least), default=None)


def fills_a_row(parts: Sequence[object | None], settings: PdfSettings = DEFAULT_SETTINGS) -> bool:
    """Whether text in these cells (of a line, or of a row) is enough to be a row of its own
    without an entry in the first column: most columns start together. The remains of a row
    cut by a page break are mostly one or two long cells."""
    filled = sum(part is not None and part != [] for part in parts)
    return filled >= min(settings.row_min_cells, len(parts))


def has_rules_between(lines: Sequence[Line], row_rules: Sequence[float]) -> bool:
    """Whether a horizontal ruling runs between the first and the last of ``lines``."""
    return bool(lines) and any(lines[0].bottom < y < lines[-1].top for y in row_rules)


def is_spanning(
    line: Line, columns: Columns, vocabulary: TableVocabulary, settings: PdfSettings
) -> bool:
    """Whether the line runs on across a column boundary, as a merged cell's text does; not
    a line that begins with an item number in its column, however close the cells stand."""
    split = columns.split(line)
    if split[0] is not None and vocabulary.item_number.fullmatch(split[0].text):
        return False
    parts = [part for part in split if part is not None]
    gap = settings.span_gap * line.size
    return any(right.x0 - left.x1 < gap for left, right in pairwise(parts))


def is_merged(
    row_lines: Sequence[Line], columns: Columns, vocabulary: TableVocabulary, settings: PdfSettings
) -> bool:
    """Whether the row is one merged cell (a track row): all its lines span columns."""
    return all(is_spanning(line, columns, vocabulary, settings) for line in row_lines)


def split_rows(
    lines: Sequence[Line],
    columns: Columns,
    row_rules: Sequence[float],
    pitch: float,
    alignment: Alignment = "top",
    *,
    vocabulary: TableVocabulary,
    settings: PdfSettings = DEFAULT_SETTINGS,
) -> list[list[Line]]:
    """Lines grouped into table rows: by ``row_rules`` where given (the rows are ruled), else
    by where each row's number stands, at the top of its row, amid it or at its bottom."""
    if not lines:
        return []
    if row_rules:
        edges = sorted(row_rules)
        bands: dict[int, list[Line]] = {}
        for line in lines:
            bands.setdefault(bisect_right(edges, (line.top + line.bottom) / 2), []).append(line)
        return list(bands.values())
    numbers = _number_blocks(lines, columns, pitch, vocabulary, settings)
    if alignment == "middle":
        cuts = _centred_cuts(lines, numbers, pitch, settings)
    elif alignment == "bottom":
        cuts = sorted({0, *(block[-1] + 1 for block in numbers)} - {len(lines)})
    else:
        cuts = _top_cuts(lines, columns, numbers, pitch, settings)
    return [list(lines[a:b]) for a, b in pairwise([*cuts, len(lines)])]


def _top_cuts(
    lines: Sequence[Line],
    columns: Columns,
    numbers: Sequence[range],
    pitch: float,
    settings: PdfSettings,
) -> list[int]:
    """Where each row begins, for numbers at the tops of their rows: at a number, or after a
    blank band where most columns start together (a row without a number)."""
    starts = {block.start for block in numbers}
    cuts: list[int] = []
    for index, line in enumerate(lines):
        after_gap = index == 0 or opens_gap(line.top - lines[index - 1].top, pitch, settings)
        begins = after_gap and fills_a_row(columns.split(line), settings)
        if not cuts or index in starts or begins:
            cuts.append(index)
    return cuts


def _number_blocks(
    lines: Sequence[Line],
    columns: Columns,
    pitch: float,
    vocabulary: TableVocabulary,
    settings: PdfSettings,
) -> list[range]:
    """The lines of each entry in the first column: one line, or a few for a number wrapped
    in a narrow column (``7.`` / ``4``), whose later lines are no number by themselves."""
    blocks: list[range] = []
    last: Line | None = None
    for index, line in enumerate(lines):
        part = columns.split(line)[0]
        if part is None:
            continue
        wrapped = last is not None and not opens_gap(part.top - last.top, pitch, settings)
        if blocks and wrapped and not vocabulary.item_number.fullmatch(part.text):
            blocks[-1] = range(blocks[-1].start, index + 1)
        else:
            blocks.append(range(index, index + 1))
        last = part
    return blocks


def alignment_evidence(
    lines: Sequence[Line],
    columns: Columns,
    pitch: float,
    *,
    vocabulary: TableVocabulary,
    settings: PdfSettings = DEFAULT_SETTINGS,
) -> Counter[str]:
    """How often the page's numbers stand as they would at the top, amid or at the bottom of
    their rows.

    Between two numbers, a blank band right before the second fits every alignment (rows of
    one line). Without one: a band right after the first number puts the numbers at the
    bottoms of their rows; a band only further on, after the rest of the first row, amid
    them; no band at all, at their tops in a table without space between rows.
    """
    numbers = _number_blocks(lines, columns, pitch, vocabulary, settings)
    seen: Counter[str] = Counter()
    for before, block in pairwise(numbers):
        steps = range(before[-1] + 1, block.start + 1)
        gaps = [opens_gap(lines[i].top - lines[i - 1].top, pitch, settings) for i in steps]
        if not gaps[-1]:
            seen["bottom" if gaps[0] else "middle" if any(gaps) else "top"] += 1
    return seen


def alignment_of(seen: Counter[str]) -> Alignment:
    """The alignment the evidence points to most; the top where there is none."""
    return max(ALIGNMENTS, key=lambda alignment: seen[alignment])


def _centred_cuts(
    lines: Sequence[Line], numbers: Sequence[range], pitch: float, settings: PdfSettings
) -> list[int]:
    """Where each row begins, for numbers centred in their rows: the blank bands (or, lacking
    one, any line break) between consecutive numbers that put each number nearest the middle
    of its row. Lines above the first number's row, if any, are a row of their own: the rest
    of a row the page break cut off.
    """
    if not numbers:
        return [0]
    height = statistics.median(line.bottom - line.top for line in lines)
    reach = [lines[0].bottom]  # reach[i]: the lowest bottom among lines[:i + 1]
    for line in lines[1:]:
        reach.append(max(reach[-1], line.bottom))

    def penalty(cut: int) -> float:
        """Nothing for a cut at a blank band (or an end); a line's distance inside text."""
        if cut in (0, len(lines)):
            return 0
        blank = opens_gap(lines[cut].top - reach[cut - 1] + height, pitch, settings)
        return 0 if blank else pitch

    def off_centre(end: int, block: range, starts: Iterable[int]) -> dict[int, float]:
        """For each of ``starts``, how far the middle of lines[start:end] is from the
        number's; the span grown a line at a time, upwards from ``end``."""
        middle = (lines[block.start].top + lines[block[-1]].bottom) / 2
        wanted, found = set(starts), {}
        top, bottom = math.inf, -math.inf
        for start in range(end - 1, min(wanted) - 1, -1):
            top, bottom = min(top, lines[start].top), max(bottom, lines[start].bottom)
            if start in wanted:
                found[start] = abs((top + bottom) / 2 - middle)
        return found

    # best[start] = (cost, cuts) of the rows above one that begins at line ``start``.
    best = {start: (penalty(start), [0, start]) for start in range(numbers[0].start + 1)}
    for block, following in pairwise([*numbers, None]):
        ends = range(block[-1] + 1, following.start + 1) if following else [len(lines)]
        # The last row may go on over the page break, its middle on the next page: its
        # place says nothing, unless it is the only row to place.
        weight = 0 if following is None and block is not numbers[0] else 1
        chosen = {}
        for end in ends:
            distances = off_centre(end, block, best)
            chosen[end] = min(
                (cost + weight * distances[start] + penalty(end), [*cuts, end])
                for start, (cost, cuts) in best.items()
            )
        best = chosen
    return sorted(set(best[len(lines)][1][:-1]))
