"""Glyphs and lines: what pdfminer lays out on a page, as styled glyphs grouped into lines.

The characters pdfminer lays out (through pdfplumber) become glyphs, italic and bold read from
the font's name and descriptor flags, ligatures as the letters they join; the page's drawn
lines and rectangles become its rulings. Glyphs at one height make a line, copies drawn to
fake bold dropped and the spaces a PDF leaves out put back.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import math
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from pdfminer.layout import LTChar, LTComponent, LTFigure, LTLine, LTRect
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import literal_name
from pdfplumber.page import Page as PdfPage

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


@dataclass(frozen=True, slots=True)
class Glyph:
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


@dataclass(frozen=True)
class Line:
    """Glyphs at one height, left to right, with spaces where the PDF only left a gap.

    Its measures are computed once (a page asks for them many times).
    """

    glyphs: tuple[Glyph, ...]

    @cached_property
    def top(self) -> float:
        return min(g.top for g in self.glyphs)

    @cached_property
    def bottom(self) -> float:
        return max(g.bottom for g in self.glyphs)

    @property
    def x0(self) -> float:
        return self.ink[0].x0

    @property
    def x1(self) -> float:
        return self.ink[-1].x1

    @cached_property
    def size(self) -> float:
        return statistics.median(g.size for g in self.glyphs)

    @cached_property
    def ink(self) -> tuple[Glyph, ...]:
        return tuple(g for g in self.glyphs if not g.text.isspace())

    @cached_property
    def trimmed(self) -> tuple[Glyph, ...]:
        """The glyphs from the first ink to the last, without spaces at the ends."""
        ink = [i for i, g in enumerate(self.glyphs) if not g.text.isspace()]
        return self.glyphs[ink[0] : ink[-1] + 1] if ink else ()

    @cached_property
    def text(self) -> str:
        return "".join(g.text for g in self.trimmed)

    @cached_property
    def words(self) -> list[tuple[Glyph, ...]]:
        """Runs of ink separated by spaces."""
        found: list[list[Glyph]] = [[]]
        for glyph in self.glyphs:
            if glyph.text.isspace():
                found.append([])
            else:
                found[-1].append(glyph)
        return [tuple(word) for word in found if word]

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
        starts = tuple(g.x0 for g in self.glyphs)
        return starts if all(a <= b for a, b in itertools.pairwise(starts)) else None

    def within(self, left: float, right: float) -> Line | None:
        """The part of the line whose glyphs begin in [left, right), or None if empty."""
        if self.starts is None:
            inside = tuple(g for g in self.glyphs if left <= g.x0 < right)
        else:
            first = bisect.bisect_left(self.starts, left)
            inside = self.glyphs[first : bisect.bisect_left(self.starts, right, first)]
        return Line(inside) if any(not g.text.isspace() for g in inside) else None


# -- reading the page ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rulings:
    """The lines drawn on a page: x of vertical ones, and (top, x0, x1) of horizontal ones."""

    vertical: tuple[float, ...]
    horizontal: tuple[tuple[float, float, float], ...]


def _dict(value: object) -> dict:
    """A dictionary read from the PDF; empty where a damaged file has something else."""
    value = resolve1(value)
    return value if isinstance(value, dict) else {}


def _number(value: object) -> float | None:
    """A number read from the PDF; None where a damaged file has something else (a keyword, a
    name, a string) or one too large to be a number."""
    value = resolve1(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return value if math.isfinite(value) else None


def _font_descriptors(page: PdfPage) -> dict[str, dict]:
    """Font descriptors of the page's fonts, by the name pdfplumber gives their characters."""
    found: dict[str, dict] = {}
    fonts = _dict(_dict(page.page_obj.resources).get("Font"))
    for value in fonts.values():
        font = _dict(value)
        descendants = resolve1(font.get("DescendantFonts"))
        descendant = _dict(descendants[0]) if isinstance(descendants, list) and descendants else {}
        descriptor = _dict(font.get("FontDescriptor")) or _dict(descendant.get("FontDescriptor"))
        name = font.get("BaseFont")
        if name is not None and descriptor:
            found[str(literal_name(resolve1(name)))] = descriptor
    return found


def _style(fontname: str, descriptors: dict[str, dict], settings: PdfSettings) -> tuple[bool, bool]:
    """Italic and bold, from the font's name and its descriptor's flags, angle and weight."""
    base = fontname.split("+", 1)[-1]
    italic, bold = bool(ITALIC_NAME.search(base)), bool(BOLD_NAME.search(base))
    descriptor = descriptors.get(fontname)
    if descriptor:
        flags = int(_number(descriptor.get("Flags")) or 0)
        angle = _number(descriptor.get("ItalicAngle")) or 0
        weight = _number(descriptor.get("FontWeight")) or 0
        italic = italic or bool(flags & ITALIC_FLAG) or angle != 0
        bold = bold or bool(flags & FORCE_BOLD_FLAG) or weight >= settings.bold_weight
    return italic, bold


def _objects(container: Iterable[LTComponent]) -> Iterator[LTComponent]:
    """The layout's objects, those inside figures (form XObjects) too; with a stack of its
    own rather than recursion, so that figures nested thousands deep are no error."""
    stack: list[Iterator[LTComponent]] = [iter(container)]
    while stack:
        obj = next(stack[-1], None)
        if obj is None:
            stack.pop()
        elif isinstance(obj, LTFigure):
            stack.append(iter(obj))
        else:
            yield obj


# Which way a glyph's text runs, from its matrix (a, b): right (upright), up, down or left.
Direction = str


def _direction(char: LTChar) -> Direction:
    a, b = char.matrix[0], char.matrix[1]
    if abs(a) >= abs(b):
        return "right" if a > 0 else "left"
    return "up" if b > 0 else "down"


@dataclass(frozen=True, slots=True)
class _Turn:
    """The page turned so that text running ``direction`` runs left to right: a box in the
    layout's coordinates (y upwards, within ``left``, ``bottom``, ``right``, ``top``) as the
    turned page's box, and the turned page's size."""

    direction: Direction
    left: float
    bottom: float
    right: float
    top: float

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, ...]:
        """The box turned; for text that runs right, as it is."""
        if self.direction == "right":
            return (x0, y0, x1, y1)
        x0, x1, y0, y1 = x0 - self.left, x1 - self.left, y0 - self.bottom, y1 - self.bottom
        w, h = self.right - self.left, self.top - self.bottom
        if self.direction == "up":  # turned a quarter clockwise
            return (y0, w - x1, y1, w - x0)
        if self.direction == "down":  # a quarter anticlockwise
            return (h - y1, x0, h - y0, x1)
        return (w - x1, h - y1, w - x0, h - y0)  # upside down

    @property
    def size(self) -> tuple[float, float]:
        """The turned page's width and height."""
        w, h = self.right - self.left, self.top - self.bottom
        return (h, w) if self.direction in ("up", "down") else (w, h)


def read_page(
    page: PdfPage, settings: PdfSettings
) -> tuple[list[Glyph], Rulings, tuple[float, float]]:
    """The page's glyphs and its rulings, from pdfminer's layout objects directly (building
    pdfplumber's character dictionaries would cost more than all the rest), and the page's
    width and height as read. Where most text runs up, down or upside down (``/Rotate 90``,
    text turned by the page's transform), the page is read turned so that it runs left to
    right; glyphs running another way than most are left out, as marks beside the text."""
    layout = page.layout
    objects = list(_objects(layout))
    directions = Counter(_direction(obj) for obj in objects if isinstance(obj, LTChar))
    direction = directions.most_common(1)[0][0] if directions else "right"
    turn = _Turn(direction, layout.x0, layout.y0, layout.x1, layout.y1)
    top = layout.y1 if direction == "right" else turn.size[1]
    descriptors = _font_descriptors(page)
    styles: dict[str, tuple[bool, bool]] = {}
    glyphs: list[Glyph] = []
    vertical: set[float] = set()
    horizontal: list[tuple[float, float, float]] = []
    for obj in objects:
        if isinstance(obj, LTChar):
            if _direction(obj) == direction:
                fontname = str(obj.fontname)  # a damaged file may name a font with anything
                if fontname not in styles:
                    styles[fontname] = _style(fontname, descriptors, settings)
                italic, bold = styles[fontname]
                if direction == "right":  # the box stands on the glyph's baseline
                    baseline = top - obj.matrix[5]
                    position = (obj.x0, obj.x1, baseline - obj.size, baseline, obj.size)
                else:
                    x0, y0, x1, y1 = turn.box(obj.x0, obj.y0, obj.x1, obj.y1)
                    position = (x0, x1, top - y1, top - y0, y1 - y0)
                text = obj.get_text()
                glyphs.append(Glyph(READ_AS.get(text, text), *position, italic, bold))
        elif isinstance(obj, (LTRect, LTLine)):
            x0, y0, x1, y1 = turn.box(obj.x0, obj.y0, obj.x1, obj.y1)
            if y1 - y0 > settings.ruling_length:
                vertical.update((round(x0, 1), round(x1, 1)))
            if x1 - x0 > settings.ruling_length:
                horizontal += [(top - y1, x0, x1), (top - y0, x0, x1)]
    rulings = Rulings(tuple(sorted(vertical)), tuple(joined_rulings(horizontal, settings)))
    size = (float(page.width), float(page.height)) if direction == "right" else turn.size
    return glyphs, rulings, size


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
    for glyph in sorted(glyphs, key=lambda g: (g.top, g.x0)):
        if lines and abs(glyph.top - lines[-1][0].top) <= settings.line_tolerance * glyph.size:
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    # A line of nothing but spaces (drawn at a height of their own, as some producers do)
    # holds no text to lose, and has no ink to measure: it is no line.
    return [
        Line(with_spaces(_drawn_once(sorted(line, key=lambda g: g.x0), settings), settings))
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
            kept[-1] = dataclasses.replace(last, bold=True)
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
