"""Glyphs and rulings from pdfium (through pypdfium2), the fast engine.

pdfium lays a page's text out in C; this module asks it, a character at a time, for what the
reader needs of each glyph (its text, its box, its size, its font's style) and walks the
page's path objects for the rulings. It yields the same ``Glyph`` and ``Rulings`` values as
the pdfminer engine (``plumber.read_page``), measured the same way, so that everything after
does not know which engine read the page:

- a glyph's box runs from its origin to its origin plus its advance (pdfium's loose box),
  and, upright, from its baseline to one type size above it (a font's declared descent
  differs between the two libraries, so neither is used);
- its size is the font size scaled by the text matrix (a browser sets 32 units, scaled to
  three quarters);
- characters pdfium makes up (``FPDFText_IsGenerated``: the spaces and line ends it infers)
  are left out, as pdfminer has none: the reader puts in the spaces a gap stands for;
- italic and bold come from the font's name, descriptor flags, italic angle and weight;
- rulings are the path objects' straight subpaths (a line, or a rectangle's four sides),
  inside form XObjects too, in page space.
"""

from __future__ import annotations

import ctypes
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from voortgang.errors import LimitError
from voortgang.parse.pdf.glyphs import (
    BOLD_NAME,
    ITALIC_FLAG,
    ITALIC_NAME,
    READ_AS,
    Glyph,
    Rulings,
    joined_rulings,
)
from voortgang.parse.pdf.settings import PdfSettings

# pdfium's font flags follow the PDF's FontDescriptor /Flags (ISO 32000 table 123).
FORCE_BOLD_FLAG = 1 << 18
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1, 0, 0, 1, 0, 0)
# What pdfium gives for a hyphen that ends a line before a word goes on on the next: a
# control character of its own. It deletes the spaces drawn after that hyphen, so whether
# the line wrapped at a space after it (``voor- en``) cannot be told (Glyph.hides_space).
HYPHEN_MARK = "\x02"
# One character pdfium read: its text, origin, right edges (of the box pdfium measures and
# of the ink), top, bottom, size, font and text object.
_Char = tuple[str, float, float, float, float, float, float, "_Font", int]


@dataclass(frozen=True, slots=True)
class _Font:
    key: int  # pdfium's handle
    italic: bool
    bold: bool


def _font(key: int, weight: int, settings: PdfSettings) -> _Font:
    """The font's style, from its name, flags, italic angle and weight."""
    handle = ctypes.cast(key, raw.FPDF_FONT)
    length = raw.FPDFFont_GetBaseFontName(handle, None, 0)
    buffer = ctypes.create_string_buffer(max(length, 1))
    raw.FPDFFont_GetBaseFontName(handle, buffer, length)
    name = buffer.value.decode("utf-8", "replace").split("+", 1)[-1]
    flags = raw.FPDFFont_GetFlags(handle)
    angle = ctypes.c_int(0)
    has_angle = raw.FPDFFont_GetItalicAngle(handle, ctypes.byref(angle))
    italic = bool(ITALIC_NAME.search(name)) or (flags > 0 and bool(flags & ITALIC_FLAG))
    italic = italic or bool(has_angle and angle.value != 0)
    bold = bool(BOLD_NAME.search(name)) or (flags > 0 and bool(flags & FORCE_BOLD_FLAG))
    bold = bold or weight >= settings.bold_weight
    return _Font(key, italic, bold)


def read_pdfium_page(page: pdfium.PdfPage, settings: PdfSettings) -> tuple[list[Glyph], Rulings]:
    """The page's upright glyphs and its rulings, in page space with y growing downwards;
    LimitError where the page holds more objects than ``settings.max_operators`` or its forms
    nest deeper than ``settings.max_form_depth``, before anything of it is read."""
    objects = _page_objects(page.raw, settings)
    height = page.get_height()
    return _glyphs(page, objects, height, settings), _rulings(objects, height, settings)


def _glyphs(
    page: pdfium.PdfPage, objects: list[PageObject], height: float, settings: PdfSettings
) -> list[Glyph]:
    textpage = raw.FPDFText_LoadPage(page.raw)
    if not textpage:
        return []
    try:
        chars = _char_boxes(textpage, height, settings)
    finally:
        raw.FPDFText_ClosePage(textpage)
    glyphs = list(_chars(chars))
    return glyphs + list(_lost_spaces(objects, chars, height, settings))


def _chars(chars: list[_Char]) -> Iterator[Glyph]:
    """The page's upright glyphs, measured as pdfminer measures them (see the module's
    docstring): a ligature, which pdfium gives as one character per letter at one origin, is
    one glyph of its letters, as pdfminer has it."""
    count = len(chars)
    before: tuple[float, int] | None = None  # the origin and object of the character before
    for index, char in enumerate(chars):
        text, origin, right, ink_right, top, bottom, size, font, obj = char
        if before == (origin, obj):
            continue  # a later letter of a ligature, joined to the first
        before = (origin, obj)
        following = index + 1
        if following < count and chars[following][1] == origin:
            letters = [text]
            while following < count and chars[following][1] == origin:
                letters.append(chars[following][0])  # pdfium shares the glyph's box among them
                right = max(right, chars[following][2])
                following += 1
            text = "".join(letters)
        if font.italic and right <= ink_right and following < count:
            # pdfium's box reaches the ink where a slanted glyph overhangs its advance: the
            # advance ends where the next glyph of the line begins, if sooner.
            after = chars[following]
            if after[8] == obj and after[4] == top and origin < after[1] < right:
                right = after[1]
        text = READ_AS.get(text, text)
        hides_space = text == HYPHEN_MARK  # pdfium deleted any spaces drawn after it
        yield _glyph(
            (
                "-" if hides_space else text,
                origin,
                right,
                top,
                bottom,
                size,
                font.italic,
                font.bold,
                True,
                hides_space,
            )
        )


# A Glyph made of its ten fields at once, without the keyword handling of its constructor.
_glyph = partial(tuple.__new__, Glyph)


def _prototype(function: object, restype: object, *argtypes: object) -> Callable[..., Any]:
    """pypdfium2's ``function`` called with plain integers for handles: converting its typed
    pointers costs more than the call, and the loop below makes a few calls a character."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


_INT, _HANDLE = ctypes.c_int, ctypes.c_void_p
_get_unicode = _prototype(raw.FPDFText_GetUnicode, ctypes.c_uint, _HANDLE, _INT)
_is_generated = _prototype(raw.FPDFText_IsGenerated, _INT, _HANDLE, _INT)
_get_text_object = _prototype(raw.FPDFText_GetTextObject, _HANDLE, _HANDLE, _INT)
_get_matrix = _prototype(raw.FPDFText_GetMatrix, _INT, _HANDLE, _INT, ctypes.POINTER(raw.FS_MATRIX))
_get_loose_box = _prototype(
    raw.FPDFText_GetLooseCharBox, _INT, _HANDLE, _INT, ctypes.POINTER(raw.FS_RECTF)
)
_DOUBLE = ctypes.POINTER(ctypes.c_double)
_get_ink_box = _prototype(
    raw.FPDFText_GetCharBox, _INT, _HANDLE, _INT, _DOUBLE, _DOUBLE, _DOUBLE, _DOUBLE
)
_get_origin = _prototype(raw.FPDFText_GetCharOrigin, _INT, _HANDLE, _INT, _DOUBLE, _DOUBLE)
_get_font = _prototype(raw.FPDFTextObj_GetFont, _HANDLE, _HANDLE)
_get_font_size = _prototype(
    raw.FPDFTextObj_GetFontSize, _INT, _HANDLE, ctypes.POINTER(ctypes.c_float)
)
# What pdfium generates: the spaces it infers and the line ends it puts in.
GENERATED_CODES = frozenset(map(ord, " \r\n"))


def _char_boxes(textpage: raw.FPDF_TEXTPAGE, height: float, settings: PdfSettings) -> list[_Char]:
    """Each drawn, upright character: its text, origin, right edges (of the box pdfium
    measures and of the ink, the latter for slanted type only), top, bottom, size, font and
    text object.

    Few calls a character: the page's text is asked at once (``_page_text``), and a text
    object's matrix, font and size once an object (pdfium gives every character of an object
    the object's matrix); what remains is the object, the box and the origin of each."""
    page = ctypes.cast(textpage, ctypes.c_void_p).value
    count = raw.FPDFText_CountChars(textpage)
    codes = _page_text(page, count)
    loose, matrix = raw.FS_RECTF(), raw.FS_MATRIX()
    loose_ref, matrix_ref = ctypes.byref(loose), ctypes.byref(matrix)
    left, right, low, high = (ctypes.c_double(0) for _ in range(4))
    x, y = ctypes.c_double(0), ctypes.c_double(0)
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    objects: dict[int, tuple[_Font, float] | None] = {}  # font, size; None: not upright
    fonts: dict[int, _Font] = {}
    chars: list[_Char] = []
    add = chars.append
    for i in range(count):
        code = codes[i]
        if code in GENERATED_CODES and _is_generated(page, i) == 1:
            continue
        key = _get_text_object(page, i) or 0
        known = objects.get(key, _UNKNOWN) if key else _UNKNOWN
        if known is _UNKNOWN:
            known = _object_style(textpage, page, i, key, matrix, matrix_ref, fonts, settings)
            if key:
                objects[key] = known
        if known is None:
            continue
        font, size = known
        _get_loose_box(page, i, loose_ref)
        ink_right = loose.right
        if font.italic:
            _get_ink_box(page, i, left, right, low, high)
            ink_right = right.value
        _get_origin(page, i, x_ref, y_ref)
        bottom = height - y.value
        text = chr(code) if 0 < code < 0x110000 else REPLACEMENT
        add((text, x.value, loose.right, ink_right, bottom - size, bottom, size, font, key))
    return chars


_UNKNOWN = object()


def _object_style(
    textpage: raw.FPDF_TEXTPAGE,
    page: int,
    index: int,
    key: int,
    matrix: raw.FS_MATRIX,
    matrix_ref: Any,
    fonts: dict[int, _Font],
    settings: PdfSettings,
) -> tuple[_Font, float] | None:
    """The font and the type size (the font size scaled by the matrix) of the characters of
    the text object ``key`` (0: none) that character ``index`` belongs to; None where its
    matrix cannot be read or does not stand upright."""
    if not _get_matrix(page, index, matrix_ref):
        return None
    if not (matrix.a * matrix.d > 0 and matrix.b * matrix.c <= 0):  # not upright
        return None
    handle = _get_font(key) if key else None
    font = fonts.get(handle or 0)
    if font is None:
        weight = raw.FPDFText_GetFontWeight(textpage, index)
        font = _font(handle, weight, settings) if handle else _Font(0, False, False)
        fonts[handle or 0] = font
    font_size = ctypes.c_float(0)
    em = font_size.value if key and _get_font_size(key, ctypes.byref(font_size)) else 0
    return font, em * abs(matrix.d)


_get_text = _prototype(raw.FPDFText_GetText, _INT, _HANDLE, _INT, _INT, ctypes.c_void_p)


def _page_text(page: int, count: int) -> list[int]:
    """The code of each of the page's ``count`` characters, asked in one call; where the
    text pdfium gives at once does not have one code a character (a character outside the
    Basic Multilingual Plane takes two), a call a character. pdfium gives its line-end
    hyphen (``HYPHEN_MARK``) as U+FFFE in the text at once: that code is asked again."""
    buffer = ctypes.create_string_buffer(2 * (count + 1))
    written = _get_text(page, 0, count, ctypes.addressof(buffer)) if count else 0
    text = buffer.raw[: 2 * max(written - 1, 0)].decode("utf-16-le", "surrogatepass")
    if len(text) != count or SURROGATE.search(text):
        return [_get_unicode(page, i) for i in range(count)]
    codes = list(map(ord, text))
    i = text.find(ASKED_AGAIN)
    while i >= 0:
        codes[i] = _get_unicode(page, i)
        i = text.find(ASKED_AGAIN, i + 1)
    return codes


# What the text at once has where a character's own code may differ (see _page_text).
ASKED_AGAIN = "\ufffe"
SURROGATE = re.compile("[\ud800-\udfff]")


def _lost_spaces(
    objects: list[PageObject], chars: list[_Char], height: float, settings: PdfSettings
) -> Iterator[Glyph]:
    """The spaces pdfium's text page leaves out: a text object that draws nothing but a
    space (LibreOffice writes the space a line wraps at so) has no width, and pdfium skips
    it; pdfminer, and the reader's evidence of drawn wrap spaces, keep it. Put back where the
    object stands, as wide as the font's other spaces on the page (else the usual space)."""
    seen = {char[8] for char in chars}
    widths: dict[int, float] = {}  # a space's width in em, by font
    for text, origin, right, _, _, _, size, font, _ in chars:
        if text == " " and size > 0:
            widths.setdefault(font.key, (right - origin) / size)
    left, low, right, high = (ctypes.c_float(0) for _ in range(4))
    size = ctypes.c_float(0)
    for obj, kind, matrix in objects:
        if kind != raw.FPDF_PAGEOBJ_TEXT:
            continue
        if (ctypes.cast(obj, ctypes.c_void_p).value or 0) in seen:
            continue
        if not raw.FPDFPageObj_GetBounds(obj, left, low, right, high):
            continue
        if right.value - left.value > settings.empty_object_width:
            continue
        if not raw.FPDFTextObj_GetFontSize(obj, size):
            continue
        a, b, c, d, e, f = matrix
        if not (a * d > 0 and b * c <= 0):
            continue
        em = size.value * abs(d)
        handle = raw.FPDFTextObj_GetFont(obj)
        key = ctypes.cast(handle, ctypes.c_void_p).value or 0
        width = widths.get(key, settings.default_space) * em
        baseline = height - f
        yield Glyph(" ", e, e + width, baseline - em, baseline, em)


# What a code that is no character reads as.
REPLACEMENT = "\ufffd"


def _rulings(objects: list[PageObject], height: float, settings: PdfSettings) -> Rulings:
    vertical: set[float] = set()
    horizontal: list[tuple[float, float, float]] = []
    for x0, y0, x1, y1 in _straight_shapes(objects):
        top, bottom = height - y1, height - y0
        if y1 - y0 > settings.ruling_length:
            vertical.update((round(x0, 1), round(x1, 1)))
        if x1 - x0 > settings.ruling_length:
            horizontal += [(top, x0, x1), (bottom, x0, x1)]
    return Rulings(tuple(sorted(vertical)), tuple(joined_rulings(horizontal, settings)))


def _straight_shapes(objects: list[PageObject]) -> Iterator[tuple[float, float, float, float]]:
    """The bounds of each straight subpath (a line, or a rectangle drawn as four sides) of
    the page's path objects, forms included; curves and other shapes left out."""
    for obj, kind, matrix in objects:
        if kind == raw.FPDF_PAGEOBJ_PATH:
            yield from _subpaths(obj, matrix)


# A page object, its type and its matrix in page space.
PageObject = tuple[raw.FPDF_PAGEOBJECT, int, Matrix]


def _page_objects(page: raw.FPDF_PAGE, settings: PdfSettings) -> list[PageObject]:
    """The page's objects and those of its forms, each with its type and its matrix in page
    space, walked once for the glyphs and the rulings both. LimitError where they are more
    than ``settings.max_operators`` or its forms nest deeper than
    ``settings.max_form_depth``: counted from pdfium's count of each container before its
    objects are looked at, so that no more than the limit of them is."""
    found: list[PageObject] = []
    total = 0
    stack: list[tuple[object, int, Matrix]] = [(page, 0, IDENTITY)]
    while stack:
        container, depth, outer = stack.pop()
        in_form = depth > 0
        count = (raw.FPDFFormObj_CountObjects if in_form else raw.FPDFPage_CountObjects)(container)
        total += max(count, 0)
        if total > settings.max_operators:
            raise LimitError(
                f"the page draws more than {settings.max_operators:,} objects (--max-operators)"
            )
        get = raw.FPDFFormObj_GetObject if in_form else raw.FPDFPage_GetObject
        for index in range(max(count, 0)):
            obj = get(container, index)
            kind = raw.FPDFPageObj_GetType(obj)
            matrix = _compose(_matrix(obj), outer)
            found.append((obj, kind, matrix))
            if kind != raw.FPDF_PAGEOBJ_FORM:
                continue
            if depth >= settings.max_form_depth:
                raise LimitError(
                    f"the page's forms nest more than {settings.max_form_depth} deep "
                    "(--max-form-depth)"
                )
            stack.append((obj, depth + 1, matrix))
    return found


def _matrix(obj: raw.FPDF_PAGEOBJECT) -> Matrix:
    m = raw.FS_MATRIX()
    if not raw.FPDFPageObj_GetMatrix(obj, m):
        return IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """``inner`` then ``outer``, as PDF matrices (row vectors) compose."""
    a, b, c, d, e, f = inner
    p, q, r, s, t, u = outer
    return (
        a * p + b * r,
        a * q + b * s,
        c * p + d * r,
        c * q + d * s,
        e * p + f * r + t,
        e * q + f * s + u,
    )


def _subpaths(
    obj: raw.FPDF_PAGEOBJECT, matrix: Matrix
) -> Iterator[tuple[float, float, float, float]]:
    a, b, c, d, e, f = matrix
    points: list[tuple[float, float]] = []
    straight = True
    x, y = ctypes.c_float(0), ctypes.c_float(0)
    for index in range(max(raw.FPDFPath_CountSegments(obj), 0)):
        segment = raw.FPDFPath_GetPathSegment(obj, index)
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == raw.FPDF_SEGMENT_MOVETO and points:
            if straight and (shape := _shape(points)):
                yield shape
            points, straight = [], True
        if kind == raw.FPDF_SEGMENT_BEZIERTO:
            straight = False
        raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
        px, py = x.value, y.value
        points.append((a * px + c * py + e, b * px + d * py + f))
    if points and straight and (shape := _shape(points)):
        yield shape


def _shape(points: list[tuple[float, float]]) -> tuple[float, float, float, float] | None:
    """The bounds of a line (two points) or of an upright rectangle (four corners, the first
    maybe repeated to close it); None for any other shape."""
    if len(points) == 5 and points[4] == points[0]:
        points = points[:4]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    if not all(math.isfinite(v) for v in xs + ys):
        return None
    if len(points) == 2:
        return min(xs), min(ys), max(xs), max(ys)
    upright = len({round(v, 3) for v in xs}) <= 2 and len({round(v, 3) for v in ys}) <= 2
    if len(points) == 4 and upright:
        return min(xs), min(ys), max(xs), max(ys)
    return None
