"""Page furniture: what a page prints around its text, left out of the reading."""

from __future__ import annotations

import statistics

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
