"""Page furniture: what a page prints around its text, left out of the reading.

Two kinds: the page header and footer a browser prints in the margins, in small type
(``within_margins``), and a document's running header and footer (``running_lines``), found
by where they stand and by their repetition from page to page.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from voortgang.parse.pdf.glyphs import Line
from voortgang.parse.pdf.settings import DEFAULT_SETTINGS, PdfSettings


def within_margins(lines: list[Line], settings: PdfSettings = DEFAULT_SETTINGS) -> list[Line]:
    """The lines without the page header and footer a browser prints in the margins (a date,
    the file's name, ``3/18``): at the very top or bottom, set apart, in smaller type than
    the page's text."""
    if not lines:
        return lines
    size = statistics.median(line.size for line in lines)

    def apart(line: Line, neighbour: Line) -> bool:
        gap = (
            line.top - neighbour.bottom if line.top > neighbour.top else neighbour.top - line.bottom
        )
        smaller = line.size < settings.furniture_size * size
        return smaller and gap > settings.furniture_gap * line.size

    start, end = 0, len(lines)
    while end - start > 1 and apart(lines[start], lines[start + 1]):
        start += 1
    while end - start > 1 and apart(lines[end - 1], lines[end - 2]):
        end -= 1
    return lines[start:end]


DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class PageLines:
    """A page's lines and its height: what running headers and footers are compared on."""

    lines: Sequence[Line]
    height: float


def running_lines(
    page: PageLines,
    others: Sequence[PageLines],
    settings: PdfSettings = DEFAULT_SETTINGS,
    stop_at: Callable[[int], bool] = lambda index: False,
) -> tuple[int, int]:
    """How many of the page's lines, from its top and from its bottom, are a running header
    and a running footer.

    Such a line stands at the edge of the page, and a line of the same text but for its
    digits (``Pagina 2 van 15``, ``- 3 -``, a date) stands at the same distance from the
    same edge on one of ``others``, the pages around it; the lines found are set apart from
    the page's content by more than the lines of a paragraph are. Nothing here knows their
    words. ``stop_at(i)`` says where furniture cannot reach: a table's header row, which
    repeats from page to page as well.
    """
    lines = page.lines
    limit = min(settings.running_lines, len(lines))
    top = 0
    while top < limit and not stop_at(top) and _repeats(top, page, others, True, settings):
        top += 1
    while top and top < len(lines) and not _set_apart(lines[top - 1], lines[top], settings):
        top -= 1
    bottom = 0
    while (
        bottom < min(limit, len(lines) - top)
        and not stop_at(len(lines) - 1 - bottom)
        and _repeats(len(lines) - 1 - bottom, page, others, False, settings)
    ):
        bottom += 1
    while (
        bottom
        and bottom < len(lines) - top
        and not _set_apart(lines[-bottom - 1], lines[-bottom], settings)
    ):
        bottom -= 1
    return top, bottom


def _shape(line: Line) -> str:
    """The line's text with every run of digits alike: page numbers and dates vary."""
    return DIGITS.sub("0", " ".join(line.text.split()))


def _repeats(
    index: int, page: PageLines, others: Sequence[PageLines], from_top: bool, settings: PdfSettings
) -> bool:
    """Whether a line of the same shape as ``page.lines[index]`` stands as far from the same
    edge on one of ``others``."""
    line = page.lines[index]
    shape, tolerance = _shape(line), settings.running_position * line.size
    here = line.top if from_top else page.height - line.bottom
    return any(
        abs((other_line.top if from_top else other.height - other_line.bottom) - here) <= tolerance
        and _shape(other_line) == shape
        for other in others
        for other_line in other.lines
    )


def _set_apart(upper: Line, lower: Line, settings: PdfSettings) -> bool:
    """Whether two lines stand further apart than the lines of a paragraph do."""
    return lower.top - upper.bottom > settings.running_gap * min(upper.size, lower.size)
