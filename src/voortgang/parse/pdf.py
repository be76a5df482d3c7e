"""Reader for PDF renditions, with pdfplumber.

Per page: the characters pdfminer lays out (through pdfplumber) become styled glyphs, italic
and bold read from the font's name and descriptor flags; the glyphs become lines (copies drawn
to fake bold dropped); lines that name the report's columns are a table's header row, and the
geometry in ``pdf_layout`` cuts the lines below it into rows, cells and paragraphs. Text above
a table is free text (the page heading and the track row). The rest of a row that a page break
cut off is marked as continuing the row before, its paragraphs as joining the ones they
continue. Pages are read one at a time and released.
"""

from __future__ import annotations

import io
import math
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise

import pdfplumber
from pdfminer.layout import LTChar, LTComponent, LTFigure, LTLine, LTRect
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import literal_name
from pdfplumber.page import Page as PdfPage
from pdfplumber.utils.exceptions import PdfminerException

from voortgang.errors import InputError
from voortgang.parse.grid import Cell, Page, Paragraph, Row, Run, normalise_runs
from voortgang.parse.layout import COLUMN_NAMES
from voortgang.parse.pdf_layout import (
    Columns,
    Glyph,
    Label,
    Line,
    Measure,
    TextLine,
    draws_wrap_spaces,
    find_columns,
    join_between,
    labels_of,
    make_lines,
    paragraphs_of,
    within_margins,
)
from voortgang.parse.pdf_rows import (
    ITEM_NUMBER,
    alignment_evidence,
    alignment_of,
    fills_a_row,
    has_rules_between,
    line_pitch,
    split_rows,
)

ITALIC_NAME = re.compile(r"italic|oblique|kursiv|[-,](?:bold)?it$", re.IGNORECASE)
BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi|[-,]bd$", re.IGNORECASE)
# Every column name a header row must hold, each in its spellings, without spaces.
HEADER_NAMES = [{"".join(name.split()) for name in names} for names in COLUMN_NAMES.values()]
ALL_HEADER_NAMES = frozenset().union(*HEADER_NAMES)
HEADER_LINES = 3
SENTENCE_ENDS = (".", ":", ";", "!", "?")
ITALIC_FLAG, FORCE_BOLD_FLAG = 1 << 6, 1 << 18
# Typographic ligatures (ﬁ, ﬂ, ﬀ, …) as the letters they join, so words read as typed.
LIGATURES = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}


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


def _style(fontname: str, descriptors: dict[str, dict]) -> tuple[bool, bool]:
    """Italic and bold, from the font's name and its descriptor's flags, angle and weight."""
    base = fontname.split("+", 1)[-1]
    italic, bold = bool(ITALIC_NAME.search(base)), bool(BOLD_NAME.search(base))
    descriptor = descriptors.get(fontname)
    if descriptor:
        flags = int(_number(descriptor.get("Flags")) or 0)
        angle = _number(descriptor.get("ItalicAngle")) or 0
        weight = _number(descriptor.get("FontWeight")) or 0
        italic = italic or bool(flags & ITALIC_FLAG) or angle != 0
        bold = bold or bool(flags & FORCE_BOLD_FLAG) or weight >= 600
    return italic, bold


@dataclass(frozen=True, slots=True)
class Rulings:
    """The lines drawn on a page: x of vertical ones, and (top, x0, x1) of horizontal ones."""

    vertical: list[float]
    horizontal: list[tuple[float, float, float]]


def _objects(container: Iterable[LTComponent]) -> Iterator[LTComponent]:
    for obj in container:
        if isinstance(obj, LTFigure):
            yield from _objects(obj)
        else:
            yield obj


def _read_page(page: PdfPage) -> tuple[list[Glyph], Rulings]:
    """The page's upright glyphs and its rulings, from pdfminer's layout objects directly:
    building pdfplumber's character dictionaries would cost more than all the rest."""
    layout = page.layout
    top = layout.y1
    descriptors = _font_descriptors(page)
    styles: dict[str, tuple[bool, bool]] = {}
    glyphs: list[Glyph] = []
    vertical: set[float] = set()
    horizontal: list[tuple[float, float, float]] = []
    for obj in _objects(layout):
        if isinstance(obj, LTChar):
            if obj.upright:
                fontname = str(obj.fontname)  # a damaged file may name a font with anything
                if fontname not in styles:
                    styles[fontname] = _style(fontname, descriptors)
                italic, bold = styles[fontname]
                position = (obj.x0, obj.x1, top - obj.y1, top - obj.y0, obj.size)
                text = obj.get_text()
                glyphs.append(Glyph(LIGATURES.get(text, text), *position, italic, bold))
        elif isinstance(obj, (LTRect, LTLine)):
            if obj.height > 4:
                vertical.update((round(obj.x0, 1), round(obj.x1, 1)))
            if obj.width > 4:
                horizontal += [(top - obj.y1, obj.x0, obj.x1), (top - obj.y0, obj.x0, obj.x1)]
    return glyphs, Rulings(sorted(vertical), _joined(horizontal))


def _joined(segments: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Horizontal rulings with the pieces of one line joined: a browser draws a row's border
    cell by cell."""
    heights: list[list[tuple[float, float, float]]] = []
    for segment in sorted(segments):
        if heights and segment[0] - heights[-1][-1][0] < 0.3:
            heights[-1].append(segment)
        else:
            heights.append([segment])
    joined: list[tuple[float, float, float]] = []
    for pieces in heights:
        first = len(joined)
        for y, x0, x1 in sorted(pieces, key=lambda piece: piece[1]):
            if len(joined) > first and x0 <= joined[-1][2] + 1:
                joined[-1] = (joined[-1][0], joined[-1][1], max(joined[-1][2], x1))
            else:
                joined.append((y, x0, x1))
    return joined


def _header_at(lines: list[Line], start: int) -> tuple[list[Label], int] | None:
    """The labels of a header row that begins with ``lines[start]``, and where the lines after
    it begin; None if no header row begins there. A header row may take a few lines, its
    labels wrapped or broken in narrow cells."""
    band = lines[start : start + HEADER_LINES]
    first = "".join(band[0].text.lower().split())
    if not any(spelling in first for spellings in HEADER_NAMES for spelling in spellings):
        return None
    for count in range(1, len(band) + 1):
        if count > 1 and band[count - 1].top - band[count - 2].bottom > band[0].size:
            return None
        labels = labels_of(band[:count], ALL_HEADER_NAMES)
        names = {"".join(label.text.lower().split()).rstrip(":.") for label in labels}
        if all(names & spellings for spellings in HEADER_NAMES):
            return labels, start + count
    return None


def _table_end(lines: list[Line]) -> int:
    """Where the table that ``lines`` begin with ends: at a line in larger type than the
    table's text (a heading set after the table), or at the end."""
    if not lines:
        return 0
    size = statistics.median(line.size for line in lines)
    return next((i for i, line in enumerate(lines) if line.size > 1.2 * size), len(lines))


def _free_text(lines: list[Line], right: float) -> list[Row]:
    """Text outside a table, a row per paragraph. A line goes on the paragraph of the line
    right above it, set in the same type, whose text would have reached past ``right`` (where
    the page's text ends) with the line's first word: a heading wrapped over two lines."""
    groups: list[list[Line]] = []
    for line in lines:
        before = groups[-1][-1] if groups else None
        if before is not None and _wrapped(before, line, right):
            groups[-1].append(line)
        else:
            groups.append([line])
    cells = [
        _cell([TextLine(line, Measure(line.x0, right, right)) for line in group], pitch=1e9)
        for group in groups
    ]
    return [Row((cell,), in_table=False) for cell in cells]


def _wrapped(before: Line, after: Line, right: float) -> bool:
    if abs(after.size - before.size) > 0.1 * before.size:
        return False
    if after.top - before.top > 1.5 * before.size:
        return False
    measure = Measure(before.x0, right, right)
    return join_between(TextLine(before, measure), TextLine(after, measure), None) is not None


def _cell(
    lines: list[TextLine], pitch: float, first_join: str | None = None, wrap_spaces: bool = False
) -> Cell:
    return Cell(
        tuple(
            Paragraph(
                tuple(normalise_runs(Run(text, italic, bold) for text, italic, bold in p.pieces)),
                p.joins_previous,
            )
            for p in paragraphs_of(lines, pitch, first_join, wrap_spaces)
        )
    )


def _is_merged(row_lines: list[Line], columns: Columns) -> bool:
    """Whether the row is one merged cell (a track row): all its lines span columns."""
    return all(_is_spanning(line, columns) for line in row_lines)


def _cells_of(row_lines: list[Line], columns: Columns) -> list[list[TextLine]]:
    """The row's lines cut into its columns: per column, its lines, measured."""
    parts_by_column: list[list[TextLine]] = [[] for _ in columns.labels]
    for line in row_lines:
        for column, part in enumerate(columns.split(line)):
            if part is not None:
                parts_by_column[column].append(TextLine(part, columns.measures[column]))
    return parts_by_column


def _is_spanning(line: Line, columns: Columns) -> bool:
    """Whether the line runs on across a column boundary, as a merged cell's text does; not
    a line that begins with an item number in its column, however close the cells stand."""
    split = columns.split(line)
    if split[0] is not None and ITEM_NUMBER.fullmatch(split[0].text):
        return False
    parts = [part for part in split if part is not None]
    return any(right.x0 - left.x1 < 0.6 * line.size for left, right in pairwise(parts))


class _TableReader:
    """Reads pages in order, remembering what a table continued on the next page needs."""

    def __init__(self) -> None:
        self.columns: Columns | None = None
        # The last line of each column in the last row of the previous page.
        self.tails: dict[int, TextLine] = {}
        # The distance between lines of a paragraph, as last seen.
        self.pitch = 12.0
        # Whether the table's rows have been seen ruled off from each other, and where its
        # numbers stand in their rows (as all pages so far tell).
        self.rows_ruled = False
        self.alignments_seen: Counter[str] = Counter()
        # Whether the producer draws the space a line wraps at (see draws_wrap_spaces).
        self.wrap_spaces = False

    def page(self, number: int, page: PdfPage) -> Page:
        glyphs, rulings = _read_page(page)
        lines = within_margins(make_lines(glyphs))
        # Where the page's text ends, taking the margins to be the same on the left and right.
        right = float(page.width) - min((line.x0 for line in lines), default=0.0)
        headers = [(i, found) for i in range(len(lines)) if (found := _header_at(lines, i))]
        if headers:
            first = headers[0][0]
            ends = [*(i for i, _ in headers[1:]), len(lines)]
            tables = [
                (labels, lines[body:end])
                for (_, (labels, body)), end in zip(headers, ends, strict=True)
            ]
        elif self.columns is not None:  # a page that does not repeat the header row
            columns = self.columns
            inside = (i for i, line in enumerate(lines) if not _is_spanning(line, columns))
            first = next(inside, len(lines))
            tables = [(None, lines[first:])]
        else:
            self.tails = {}
            return Page(number, tuple(_free_text(lines, right)))
        rows = _free_text(lines[:first], right)
        for index, (labels, lines_below) in enumerate(tables):
            end = _table_end(lines_below)
            body = lines_below[:end]
            if labels is not None:
                self.columns = find_columns(
                    labels, body, rulings.vertical, float(page.width), self.columns
                )
                rows.append(Row(tuple(Cell(_label(text)) for text in self.columns.labels)))
            rows += self._table(body, rulings, continued=index == 0)
            rows += _free_text(lines_below[end:], right)
        return Page(number, tuple(rows))

    def _table(self, body: list[Line], rulings: Rulings, continued: bool) -> list[Row]:
        """Rows of the table's body; ``continued`` where it may go on from the page before."""
        columns = self.columns
        assert columns is not None
        left, right = columns.bounds[0], columns.bounds[-1]
        rules = sorted(y for y, x0, x1 in rulings.horizontal if x1 - x0 >= 0.5 * (right - left))
        pitch = line_pitch(body, columns) or self.pitch
        self.pitch = pitch
        self.rows_ruled = self.rows_ruled or has_rules_between(body, rules)
        row_rules = rules if self.rows_ruled else []
        self.alignments_seen += alignment_evidence(body, columns, pitch)
        alignment = alignment_of(self.alignments_seen)
        split = [
            (row_lines, None if _is_merged(row_lines, columns) else _cells_of(row_lines, columns))
            for row_lines in split_rows(body, columns, row_rules, pitch, alignment)
        ]
        cell_lines = [part.line for _, cells in split for parts in cells or () for part in parts]
        self.wrap_spaces = self.wrap_spaces or draws_wrap_spaces(cell_lines)
        rows: list[Row] = []
        for index, (row_lines, parts_by_column) in enumerate(split):
            if parts_by_column is None:
                merged = [TextLine.alone(line) for line in row_lines]
                rows.append(Row((self._cell(merged, pitch),)))
                self.tails = {}
                continue
            first_on_page = continued and index == 0
            joins = self._joins_across_page(parts_by_column) if first_on_page else None
            cells = [
                self._cell(parts, pitch, joins[column] if joins else None) if parts else Cell()
                for column, parts in enumerate(parts_by_column)
            ]
            rows.append(Row(tuple(cells), continues=joins is not None))
            self.tails = {c: parts[-1] for c, parts in enumerate(parts_by_column) if parts}
        return rows

    def _cell(self, lines: list[TextLine], pitch: float, first_join: str | None = None) -> Cell:
        return _cell(lines, pitch, first_join, self.wrap_spaces)

    def _joins_across_page(self, parts_by_column: list[list[TextLine]]) -> list[str | None] | None:
        """For the first row on a page: if it is the rest of the row the page break cut off,
        how each column's first line joins that column's last line before the break; else
        None. It is the rest of a row where it has too little of its own to be a row, or
        where a sentence runs on in a column wide enough for sentences: the next line goes on
        in lower case, or the last one did not end a sentence."""
        if not self.tails or parts_by_column[0]:
            return None
        tails = [self.tails.get(column) for column in range(len(parts_by_column))]
        joins = [
            join_between(tail, parts[0], None, self.wrap_spaces)
            if parts and tail is not None
            else None
            for tail, parts in zip(tails, parts_by_column, strict=True)
        ]
        runs_on = any(
            join is not None
            and parts[0].is_wide
            and (parts[0].line.text[:1].islower() or not tail.line.text.endswith(SENTENCE_ENDS))
            for join, parts, tail in zip(joins, parts_by_column, tails, strict=True)
            if tail is not None
        )
        return joins if runs_on or not fills_a_row(parts_by_column) else None


def _label(text: str) -> tuple[Paragraph, ...]:
    return (Paragraph((Run(text),)),) if text else ()


def read_pdf(data: bytes, password: str | None = None) -> Iterator[Page]:
    """The PDF's pages. Whatever pdfminer or pdfplumber raise on a damaged file, while opening
    it or reading a page, is an InputError; an error raised in voortgang's own code is not."""
    try:
        document = pdfplumber.open(io.BytesIO(data), password=password or "")
        pages = document.pages
    except Exception as error:
        if not _raised_by_backend(error):
            raise
        raise InputError(_open_error(error, password)) from None
    with document:
        reader = _TableReader()
        seen_text = False
        for number, page in enumerate(pages, start=1):
            try:
                result = reader.page(number, page)
            except Exception as error:
                if not _raised_by_backend(error):
                    raise
                raise InputError(f"not a readable PDF: page {number}: {_reason(error)}") from None
            finally:
                page.close()
            seen_text = seen_text or bool(result.rows)
            yield result
        if not seen_text:
            raise InputError("the PDF has no text layer (a scan?); run OCR on it first")


def _raised_by_backend(error: BaseException) -> bool:
    """Whether ``error`` was raised inside pdfminer or pdfplumber: whether, of the frames it
    passed through, the innermost one of theirs or ours is theirs (the standard library's,
    zlib's say, count for whoever called them)."""
    innermost = ""
    frame = error.__traceback__
    while frame is not None:
        module = frame.tb_frame.f_globals.get("__name__", "")
        if module.split(".")[0] in ("pdfminer", "pdfplumber", "voortgang"):
            innermost = module
        frame = frame.tb_next
    return innermost.startswith(("pdfminer", "pdfplumber"))


def _reason(error: BaseException) -> str:
    """What pdfminer said, short and on one line."""
    wrapped = isinstance(error, PdfminerException) and error.args  # pdfplumber wraps pdfminer's
    cause = error.args[0] if wrapped else error
    text = " ".join(str(cause).split())
    if not isinstance(cause, BaseException):
        return text[:100]
    reason = f"{type(cause).__name__}: {text}" if text else type(cause).__name__
    return reason if len(reason) <= 100 else reason[:99] + "…"


def _open_error(error: BaseException, password: str | None) -> str:
    reason = _reason(error)
    if "password" in reason.lower():
        if password is not None:
            return "the PDF's password is not right"
        return "the PDF is encrypted; pass --password"
    return f"not a readable PDF: {reason}"
