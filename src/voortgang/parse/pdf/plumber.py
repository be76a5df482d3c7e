"""Glyphs and rulings from pdfminer (through pdfplumber), the reference engine.

The characters pdfminer lays out become glyphs (``glyphs.Glyph``), italic and bold read from
the font's name and descriptor flags and weight, ligatures as the letters they join, each box
standing on the glyph's baseline; the page's drawn lines and rectangles become its rulings.
A page whose text runs up, down or upside down is read turned.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pdfminer.layout import LTChar, LTComponent, LTFigure, LTLine, LTRect
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import literal_name
from pdfplumber.page import Page as PdfPage

from voortgang.parse.pdf.glyphs import (
    BOLD_NAME,
    FORCE_BOLD_FLAG,
    ITALIC_FLAG,
    ITALIC_NAME,
    READ_AS,
    Glyph,
    Rulings,
    joined_rulings,
)
from voortgang.parse.pdf.settings import PdfSettings


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
