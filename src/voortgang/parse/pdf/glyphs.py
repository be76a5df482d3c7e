"""Glyphs and lines: the characters an engine read on a page, grouped into lines.

An engine (``plumber``: pdfminer through pdfplumber; ``pdfium``) gives a page's characters as
glyphs, italic and bold read from the font's name and descriptor flags, ligatures as the
letters they join, and its drawn lines and rectangles as rulings. Glyphs at one height make a
line, copies drawn to fake bold dropped and the spaces a PDF leaves out put back. Nothing here
imports an engine's library.
"""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from operator import attrgetter
from typing import NamedTuple

from voortgang.parse.pdf.settings import DEFAULT_SETTINGS, PdfSettings
from voortgang.parse.symbols import PRIVATE_USE_SYMBOLS

ITALIC_NAME = re.compile(r"italic|oblique|kursiv|[-,](?:bold)?it$", re.IGNORECASE)
BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi|[-,]bd$", re.IGNORECASE)
ITALIC_FLAG, FORCE_BOLD_FLAG = 1 << 6, 1 << 18
# Typographic ligatures (ﬁ, ﬂ, ﬀ, …) as the letters they join, so words read as typed.
LIGATURES = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}
# What a glyph's text reads as: ligatures as their letters, and the private-use codes of symbol
# fonts (a Word bullet printed by LibreOffice) as the symbols they show (see parse/symbols.py).
READ_AS = LIGATURES | PRIVATE_USE_SYMBOLS


class Glyph(NamedTuple):
    """One character drawn on the page (a tuple: a page has thousands, and a tuple is made
    several times faster than a frozen dataclass)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    italic: bool = False
    bold: bool = False
    # False for a space added where the PDF only left a gap.
    drawn: bool = True
    # True where the engine cannot tell whether a space was drawn after the glyph (pdfium
    # deletes the spaces after a hyphen it takes to end a line).
    hides_space: bool = False


# A glyph's measures, read without a Python call per glyph.
_TEXT, _X0, _TOP, _BOTTOM, _SIZE = map(attrgetter, ("text", "x0", "top", "bottom", "size"))
_TOP_X0 = attrgetter("top", "x0")


@dataclass(frozen=True)
class Line:
    """Glyphs at one height, left to right, with spaces where the PDF only left a gap.

    Its measures are computed once (a page asks for them many times).
    """

    glyphs: tuple[Glyph, ...]

    @cached_property
    def top(self) -> float:
        return min(map(_TOP, self.glyphs))

    @cached_property
    def bottom(self) -> float:
        return max(map(_BOTTOM, self.glyphs))

    @property
    def x0(self) -> float:
        return self.ink[0].x0

    @property
    def x1(self) -> float:
        return self.ink[-1].x1

    @cached_property
    def size(self) -> float:
        return statistics.median(map(_SIZE, self.glyphs))

    @cached_property
    def spaces(self) -> tuple[bool, ...]:
        """For each glyph, whether it is white space (not ink)."""
        return tuple(g.text.isspace() for g in self.glyphs)

    @cached_property
    def ink(self) -> tuple[Glyph, ...]:
        return tuple(itertools.compress(self.glyphs, [not space for space in self.spaces]))

    @cached_property
    def trimmed(self) -> tuple[Glyph, ...]:
        """The glyphs from the first ink to the last, without spaces at the ends."""
        spaces = self.spaces
        if all(spaces):
            return ()
        first = spaces.index(False)
        last = len(spaces) - 1 - spaces[::-1].index(False)
        return self.glyphs[first : last + 1]

    @cached_property
    def text(self) -> str:
        return "".join(map(_TEXT, self.trimmed))

    @cached_property
    def words(self) -> list[tuple[Glyph, ...]]:
        """Runs of ink separated by spaces."""
        found: list[tuple[Glyph, ...]] = []
        start = None  # where the word being read begins
        for index, space in enumerate(self.spaces):
            if not space:
                if start is None:
                    start = index
            elif start is not None:
                found.append(self.glyphs[start:index])
                start = None
        if start is not None:
            found.append(self.glyphs[start:])
        return found

    @cached_property
    def word_space(self) -> float | None:
        """The width of a space in the line: the narrowest between its words (justified text
        widens the others), else the one drawn after its last word; None if it has none."""
        gaps = [g.x1 - g.x0 for g in self.trimmed if g.text == " "]
        if not gaps and self.ends_in_space:
            gaps = [self.glyphs[-1].x1 - self.glyphs[-1].x0]
        return min(gaps) if gaps else None

    @cached_property
    def tells_wrap_space(self) -> bool:
        """Whether the line's end shows if a space was drawn there (see Glyph.hides_space)."""
        return not (self.ink and self.ink[-1].hides_space)

    @cached_property
    def ends_in_space(self) -> bool:
        """Whether the PDF draws a space after the line's last word."""
        return bool(self.glyphs) and self.glyphs[-1].text.isspace() and self.glyphs[-1].drawn

    @cached_property
    def starts(self) -> tuple[float, ...] | None:
        """Where its glyphs begin, left to right; None if they are not in that order (a line
        built by hand), so that ``within`` looks at each."""
        starts = tuple(map(_X0, self.glyphs))
        return starts if all(a <= b for a, b in itertools.pairwise(starts)) else None

    def within(self, left: float, right: float) -> Line | None:
        """The part of the line whose glyphs begin in [left, right), or None if empty. Where
        the glyphs are in order, found by bisection, and the part takes its share of what is
        known of the line (where its glyphs begin, which are spaces) rather than measuring
        its glyphs again."""
        if self.starts is None:
            inside = tuple(g for g in self.glyphs if left <= g.x0 < right)
            return Line(inside) if any(not g.text.isspace() for g in inside) else None
        first = bisect.bisect_left(self.starts, left)
        last = bisect.bisect_left(self.starts, right, first)
        spaces = self.spaces[first:last]
        if all(spaces):
            return None
        part = Line(self.glyphs[first:last])
        part.__dict__.update(starts=self.starts[first:last], spaces=spaces)
        return part

    def parts(self, edges: tuple[float, ...]) -> list[Line | None]:
        """The line cut at ``edges`` (ascending): its part within each pair of neighbouring
        edges, as ``within`` has it. Computed once for each ``edges``: a page's lines are cut
        into the same columns several times (to measure the columns, to find the lines that
        run across them, to read the cells), and each part is then measured once."""
        cache: dict[tuple[float, ...], list[Line | None]] = self.__dict__.setdefault("_parts", {})
        found = cache.get(edges)
        if found is None:
            found = cache[edges] = [self.within(a, b) for a, b in itertools.pairwise(edges)]
        return found


# -- reading the page ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rulings:
    """The lines drawn on a page: x of vertical ones, and (top, x0, x1) of horizontal ones."""

    vertical: tuple[float, ...]
    horizontal: tuple[tuple[float, float, float], ...]


def joined_rulings(
    segments: list[tuple[float, float, float]], settings: PdfSettings = DEFAULT_SETTINGS
) -> list[tuple[float, float, float]]:
    """Horizontal rulings with the pieces of one line joined: a browser draws a row's border
    cell by cell."""
    heights: list[list[tuple[float, float, float]]] = []
    for segment in sorted(segments):
        if heights and segment[0] - heights[-1][-1][0] < settings.ruling_join_height:
            heights[-1].append(segment)
        else:
            heights.append([segment])
    joined: list[tuple[float, float, float]] = []
    for pieces in heights:
        first = len(joined)
        for y, x0, x1 in sorted(pieces, key=lambda piece: piece[1]):
            if len(joined) > first and x0 <= joined[-1][2] + settings.ruling_join_gap:
                joined[-1] = (joined[-1][0], joined[-1][1], max(joined[-1][2], x1))
            else:
                joined.append((y, x0, x1))
    return joined


# -- lines ---------------------------------------------------------------------------------------


def make_lines(glyphs: Sequence[Glyph], settings: PdfSettings = DEFAULT_SETTINGS) -> list[Line]:
    """Group glyphs into lines by height and add the spaces a PDF leaves out. A line is
    made of ink: spaces standing alone (a damaged file's, say) make none."""
    lines: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=_TOP_X0):
        if lines and abs(glyph.top - lines[-1][0].top) <= settings.line_tolerance * glyph.size:
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    # A line of nothing but spaces (drawn at a height of their own, as some producers do)
    # holds no text to lose, and has no ink to measure: it is no line.
    return [
        Line(with_spaces(_drawn_once(sorted(line, key=_X0), settings), settings))
        for line in lines
        if any(not glyph.text.isspace() for glyph in line)
    ]


def _drawn_once(glyphs: list[Glyph], settings: PdfSettings) -> list[Glyph]:
    """The glyphs without the copies drawn a fraction of a point off to fake bold: off by
    less than half the glyph's width, so the second of two narrow letters (``ll``) stays."""
    kept: list[Glyph] = []
    for glyph in glyphs:
        last = kept[-1] if kept else None
        offset = settings.fake_bold_offset * glyph.size
        if (
            last is not None
            and glyph.text == last.text
            and abs(glyph.x0 - last.x0) < min(offset, settings.fake_bold_width * _width(last))
            and abs(glyph.top - last.top) < offset
        ):
            kept[-1] = last._replace(bold=True)
        else:
            kept.append(glyph)
    return kept


def _width(glyph: Glyph) -> float:
    return glyph.x1 - glyph.x0


def with_spaces(glyphs: Sequence[Glyph], settings: PdfSettings) -> tuple[Glyph, ...]:
    """The glyphs with a space put in each gap wider than a space's share of the type."""
    spaced: list[Glyph] = []
    for glyph in glyphs:
        if spaced:
            before = spaced[-1]
            gap = glyph.x0 - before.x1
            wide = gap > settings.space_gap * glyph.size
            if wide and not (before.text.isspace() or glyph.text.isspace()):
                spaced.append(
                    Glyph(
                        " ", before.x1, glyph.x0, before.top, before.bottom, glyph.size, drawn=False
                    )
                )
        spaced.append(glyph)
    return tuple(spaced)


def opens_gap(step: float, pitch: float, settings: PdfSettings = DEFAULT_SETTINGS) -> bool:
    """Whether the step from one line to the next is more than a line: paragraph spacing."""
    return step > pitch + max(settings.paragraph_gap_min, settings.paragraph_gap * pitch)
