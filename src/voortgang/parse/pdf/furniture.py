"""Page furniture: what a page prints around its text, left out of the reading.

Two kinds: the page header and footer a browser prints in the margins, in small type
(``within_margins``), and a document's running header and footer (``running_lines``), found
by where they stand and by their repetition from page to page.
"""

from __future__ import annotations

import math
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from voortgang.parse.pdf.glyphs import Line
from voortgang.parse.pdf.settings import DEFAULT_SETTINGS, PdfSettings


def within_margins(lines: list[Line], settings: PdfSettings = DEFAULT_SETTINGS) -> list[Line]:
    """The lines without the page header and footer a browser prints in the margins (a date,
    the file's name, ``3/18``): at the very top or bottom, set apart, in smaller type than
    the page's text: the size most of its letters have (not most of its lines: a page of a
    few lines under a title block in large type has more lines of title than of table)."""
    if not lines:
        return lines
    size = statistics.median(glyph.size for line in lines for glyph in line.ink)

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
    """A page's lines and its height: what running headers and footers are compared on.
    ``header`` is the index of the first line of the page's first table header row (the
    number of lines where there is none): furniture stops there, since a header row repeats
    from page to page as well."""

    lines: Sequence[Line]
    height: float
    header: int


def running_lines(
    page: PageLines, others: Sequence[PageLines], settings: PdfSettings = DEFAULT_SETTINGS
) -> tuple[int, int]:
    """How many of the page's lines, from its top and from its bottom, are a running header
    and a running footer.

    Such a line stands at the edge of the page, and a line of the same text but for its
    digits (``Pagina 2 van 15``, ``- 3 -``, a date) stands at the same distance from the
    same edge on other pages around it (``others``): on ``running_repeats`` of them, or on
    all where there are fewer. So does a line within the band that the running lines of
    the pages around it take: a first page's own footer (``Kenmerk …``) where the others
    print ``Pagina N van M``. Nothing here knows their words.
    """
    top, bottom = _repeated(page, others, settings)
    top_reach, bottom_reach = -math.inf, -math.inf
    for index, other in enumerate(others):
        # Repeated on the pages around it but this one, which is in question.
        other_top, other_bottom = _repeated(
            other, [*others[:index], *others[index + 1 :]], settings
        )
        if other_top:
            top_reach = max(top_reach, other.lines[other_top - 1].bottom)
        if other_bottom:
            bottom_reach = max(bottom_reach, other.height - other.lines[-other_bottom].top)
    lines = page.lines
    tolerance = settings.running_position * (lines[0].size if lines else 0)
    repeated_top, repeated_bottom = top, bottom
    while top < page.header and lines[top].bottom <= top_reach + tolerance:
        top += 1
    while top > repeated_top and not _apart(lines[top - 1], lines, top, settings):
        top -= 1
    while (
        bottom < len(lines) - _below(page, top)
        and page.height - lines[-1 - bottom].top <= bottom_reach + tolerance
    ):
        bottom += 1
    while bottom > repeated_bottom and not _apart(
        lines[-bottom], lines, len(lines) - bottom - 1, settings
    ):
        bottom -= 1
    return top, bottom


def _apart(line: Line, lines: Sequence[Line], neighbour: int, settings: PdfSettings) -> bool:
    """Whether ``line`` stands apart from ``lines[neighbour]``, the page's content next to
    it, by more than ``running_band_gap``: a page's text that reaches into the band of the
    others' footers (a first page with a smaller footer holds more text) goes on as lines
    of a paragraph do."""
    if not 0 <= neighbour < len(lines):
        return True
    other = lines[neighbour]
    gap = line.top - other.bottom if line.top > other.top else other.top - line.bottom
    return gap > settings.running_band_gap * line.size


def _repeated(
    page: PageLines, others: Sequence[PageLines], settings: PdfSettings
) -> tuple[int, int]:
    """How many lines from the page's top and bottom repeat on the pages around it."""
    lines = page.lines
    limit = min(settings.running_lines, len(lines))
    needed = min(settings.running_repeats, len(others))
    if not needed:
        return 0, 0

    def running(index: int, from_top: bool) -> bool:
        return _repeats(lines[index], page, others, from_top, settings) >= needed

    top = 0
    while top < min(limit, page.header) and running(top, True):
        top += 1
    bottom = 0
    while bottom < min(limit, len(lines) - _below(page, top)) and running(
        len(lines) - 1 - bottom, False
    ):
        bottom += 1
    return top, bottom


def _below(page: PageLines, top: int) -> int:
    """How many lines of the page a footer stands below: the running header's, and the
    header row's and those above it."""
    return max(top, page.header + 1) if page.header < len(page.lines) else top


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
    return sum(_stands_at(here, tolerance, shape, other, from_top) for other in others)


def _stands_at(here: float, tolerance: float, shape: str, page: PageLines, from_top: bool) -> bool:
    """Whether a line of ``shape`` stands ``here`` (give or take ``tolerance``) from the top
    of ``page``, or from its bottom. Only the lines up to that far from the edge are looked
    at: a page's lines are in order from its top."""
    for line in page.lines if from_top else reversed(page.lines):
        there = line.top if from_top else page.height - line.bottom
        if there > here + tolerance:
            return False
        if there >= here - tolerance and _shape(line) == shape:
            return True
    return False
