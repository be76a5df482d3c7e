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
    same edge on other pages around it (``others``): on ``running_repeats`` of them, or on
    all where there are fewer. Nothing here knows their words. ``stop_at(i)`` says where
    furniture cannot reach: a table's header row, which repeats from page to page as well.
    """
    lines = page.lines
    limit = min(settings.running_lines, len(lines))
    needed = min(settings.running_repeats, len(others))
    if not needed:
        return 0, 0

    def running(index: int, from_top: bool) -> bool:
        if stop_at(index):
            return False
        return _repeats(lines[index], page, others, from_top, settings) >= needed

    top = 0
    while top < limit and running(top, True):
        top += 1
    bottom = 0
    while bottom < min(limit, len(lines) - top) and running(len(lines) - 1 - bottom, False):
        bottom += 1
    return top, bottom


def _shape(line: Line) -> str:
    """The line's text with every run of digits alike: page numbers and dates vary."""
    return DIGITS.sub("0", " ".join(line.text.split()))


def _repeats(
    line: Line, page: PageLines, others: Sequence[PageLines], from_top: bool, settings: PdfSettings
) -> int:
    """On how many of ``others`` a line of the same shape as ``line`` stands as far from the
    same edge."""
    shape, tolerance = _shape(line), settings.running_position * line.size
    here = line.top if from_top else page.height - line.bottom
    return sum(
        any(
            abs((other_line.top if from_top else other.height - other_line.bottom) - here)
            <= tolerance
            and _shape(other_line) == shape
            for other_line in other.lines
        )
        for other in others
    )
