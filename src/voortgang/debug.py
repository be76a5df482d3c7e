"""``voortgang debug``: how each page of a PDF was read, drawn on the page, with an index page.

One reading pass: the PDF reader's pages and the ``PageReading`` of each (``read_pdf_pages``),
assembled into the report with an ``AssemblyTrace`` that says which item each row went to.
Nothing here reads a page: the pictures are pdfplumber's renderings (``to_image``) with the
reading drawn on them, and ``index.html`` shows them in order with each page's evidence and
the records of the items on it.
"""

from __future__ import annotations

import hashlib
import html
import io
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from voortgang.checks import reading_problems
from voortgang.errors import InputError
from voortgang.export.json import reports_json
from voortgang.files import OutputError, write_atomically
from voortgang.model.records import Report, Source
from voortgang.parse import pdf_vocabulary
from voortgang.parse.assemble import AssemblyTrace, RowPlace, SubItemStart, assemble
from voortgang.parse.grid import Page
from voortgang.parse.layout import Columns
from voortgang.parse.pdf import PageReading, PdfSettings, RowBand, TableReading, read_pdf_pages
from voortgang.parse.pdf.glyphs import Line
from voortgang.parse.pdf.join import Box
from voortgang.parse.sniff import sniff
from voortgang.vocabulary import VOCABULARY, Vocabulary

if TYPE_CHECKING:  # pdfplumber's drawing and Pillow are imported when a page is drawn
    from pdfplumber.display import PageImage

Colour = tuple[int, int, int, int]


@dataclass(frozen=True, slots=True)
class Swatch:
    """A colour of the pictures and what it marks."""

    colour: Colour
    meaning: str

    @property
    def css(self) -> str:
        red, green, blue, alpha = self.colour
        return f"rgba({red}, {green}, {blue}, {alpha / 255:.2f})"


# The legend: the pictures' colours, in the order the index page lists them. Strokes are
# opaque, so that a line's pixels are its colour; fills let the page show through.
HEADER = Swatch((30, 110, 230, 60), "the header band")
COLUMN = Swatch(
    (30, 90, 220, 255), "a column bound; below the table, the field of the column it starts"
)
RULING_USED = Swatch((20, 170, 40, 255), "a ruling the reader used (a column bound or row rule)")
RULING_IGNORED = Swatch(
    (230, 30, 30, 255), "a ruling the reader ignored (a vertical one over the table's height)"
)
ROW_CUT = Swatch((220, 0, 140, 255), "a row cut, labelled with the item the row went to")
FURNITURE = Swatch((70, 70, 70, 120), "page furniture: running headers and footers, left out")
FREE_TEXT = Swatch((150, 150, 150, 70), "text outside the table (heading, track row)")
SUB_ITEM = Swatch((255, 130, 0, 255), "where a sub-item starts, labelled with its label")
JOIN = Swatch(
    (0, 170, 210, 255),
    "a word joined across a line break (broken there), its two halves underlined",
)
LEGEND = (
    HEADER,
    COLUMN,
    RULING_USED,
    RULING_IGNORED,
    ROW_CUT,
    FURNITURE,
    FREE_TEXT,
    SUB_ITEM,
    JOIN,
)
LABEL_BACKGROUND: Colour = (255, 255, 255, 220)
# Stroke widths in pixels, and sizes in points of the page (scaled with the resolution).
COLUMN_WIDTH = 3  # wide enough to show a ruling used as the bound within it
RULING_WIDTH = 1
ROW_CUT_WIDTH = 2
MARK_WIDTH = 1
LABEL_POINTS = 7.0
LABEL_PADDING = 1.0  # around a label's text
LABEL_GAP = 2.0  # between a label and what it labels
ROW_CUT_ABOVE = 1.0  # a row cut stands this far above its row's first line
JOIN_BELOW = 1.0  # a joined word's underline stands this far below it
DEFAULT_RESOLUTION = 100
MIN_RESOLUTION, MAX_RESOLUTION = 18, 600  # pixels per inch: legible, and not a poster
PAGE_NAME = "page-{:03d}.png"


@dataclass
class DebugReading:
    """A PDF as read for ``voortgang debug``: each page's grid and reading, and what assembly
    made of them; ``problem`` where the pages hold no report (then ``report`` is None)."""

    path: str
    data: bytes
    password: str | None
    pages: list[tuple[Page, PageReading]]
    trace: AssemblyTrace
    report: Report | None
    problem: str | None = None

    @property
    def page_count(self) -> int:
        return len(self.pages)


def read_for_debug(
    data: bytes,
    path: str,
    password: str | None = None,
    settings: PdfSettings | None = None,
    vocabulary: Vocabulary = VOCABULARY,
) -> DebugReading:
    """Read the PDF in ``data`` once, keeping each page's reading. Raises InputError for
    anything but a readable PDF, as ``voortgang parse`` does; a PDF whose pages hold no report
    table is read all the same, with the problem kept."""
    try:
        fmt = sniff(data)
    except InputError:
        if not data.strip():
            raise  # the file is empty
        raise InputError("debug reads PDF only (this is not a PDF)") from None
    if fmt != "pdf":
        raise InputError(f"debug reads PDF only (this is {fmt})")
    pages = list(
        read_pdf_pages(
            data,
            password,
            vocabulary=pdf_vocabulary(vocabulary),
            settings=settings or PdfSettings(),
        )
    )
    source = Source(path=path, format="pdf", sha256=hashlib.sha256(data).hexdigest(), pages=None)
    trace = AssemblyTrace()
    try:
        report = assemble((page for page, _ in pages), source, trace, vocabulary)
    except InputError as error:
        return DebugReading(path, data, password, pages, trace, None, error.problem)
    return DebugReading(path, data, password, pages, trace, report)


# -- what each row, column and sub-item is -------------------------------------------------


@dataclass(frozen=True, slots=True)
class RowMark:
    """A row band and what assembly made of its row: ``label`` to draw, and the index of the
    item it went to (None for a track row or an empty one)."""

    band: RowBand
    label: str
    item: int | None


@dataclass
class Marks:
    """What the drawing of one page labels: per table, the field of each column, and its row
    bands; where sub-items start."""

    fields: list[tuple[str, ...]] = field(default_factory=list)
    rows: list[list[RowMark]] = field(default_factory=list)
    sub_items: list[tuple[Box, SubItemStart]] = field(default_factory=list)


def item_anchors(report: Report | None) -> list[str]:
    """An HTML id per item of the report, ``item-`` and its number; a number printed twice
    (or none) gets the item's position after it, so that every id is one item's."""
    anchors: list[str] = []
    seen: set[str] = set()
    for index, item in enumerate(report.items if report else ()):
        anchor = f"item-{item.number}" if item.number else f"item-{index + 1}"
        if anchor in seen:
            anchor = f"{anchor}-{index + 1}"
        seen.add(anchor)
        anchors.append(anchor)
    return anchors


def _fields(columns: Columns | None, count: int) -> tuple[str, ...]:
    """The field of each of ``count`` columns, as the header assembly matched names them."""
    if columns is None:
        return ("",) * count
    by_index = {index: name for name, index in columns.fields.items()}
    by_index |= {index: f"extra ({heading})" for index, heading in columns.extra}
    return tuple(by_index.get(index, "") for index in range(count))


def _header_before(trace: AssemblyTrace, place: RowPlace) -> Columns | None:
    """The columns of the last header row before ``place``."""
    before = [found for found in trace.headers if _order(found) < _order(place)]
    return trace.headers[max(before, key=_order)] if before else None


def _order(place: RowPlace) -> tuple[int, int]:
    return (place[0] or 0, place[1])


def marks_of(debugged: DebugReading, reading: PageReading) -> Marks:
    """What to label on ``reading``'s page, from the trace of assembly."""
    trace, report = debugged.trace, debugged.report
    items = report.items if report else []
    number = reading.number
    first_rows: dict[int, tuple[int, int]] = {}  # item index → where its first row stands
    for place, item in trace.items.items():
        first_rows[item] = min(first_rows.get(item, _order(place)), _order(place))
    marks = Marks()
    for table in reading.tables:
        # The header row stands right above the table's first row.
        first = table.rows[0].row if table.rows else len(debugged.pages[number - 1][0].rows)
        columns = _header_before(trace, (number, first))
        marks.fields.append(_fields(columns, len(table.bounds) - 1))
        rows: list[RowMark] = []
        for band in table.rows:
            place = (number, band.row)
            item = trace.items.get(place)
            if item is not None and item < len(items):
                label = items[item].number or "(no number)"
                if band.kind == "continuation":
                    label += " (cont.)"
                elif first_rows[item] != _order(place):
                    label += " (same item)"
            elif place in trace.tracks:
                label = f"track {trace.tracks[place]}"
            else:
                label = "(empty)"
            rows.append(RowMark(band, label, item))
        marks.rows.append(rows)
    bands = {band.row: band for table in reading.tables for band in table.rows}
    for start in trace.sub_items:
        page, row, cell, paragraph = start.place
        band = bands.get(row) if page == number else None
        if band is None or cell >= len(band.paragraphs):
            continue
        boxes = band.paragraphs[cell]
        if paragraph < len(boxes):
            marks.sub_items.append((boxes[paragraph], start))
    return marks


# -- drawing -----------------------------------------------------------------------------


class _Painter:
    """Draws on a pdfplumber page image in page coordinates (points from the top left)."""

    def __init__(self, image: PageImage, resolution: int) -> None:
        from PIL import ImageDraw, ImageFont

        self.image = image
        self.scale = resolution / 72
        self.draw = ImageDraw.Draw(image.annotated, "RGBA")
        self.font = ImageFont.load_default(size=max(1.0, LABEL_POINTS * self.scale))

    def rect(self, box: Sequence[float], swatch: Swatch, filled: bool = True) -> None:
        fill = swatch.colour if filled else (0, 0, 0, 0)
        stroke = (0, 0, 0, 0) if filled else swatch.colour
        self.image.draw_rect(tuple(box), fill=fill, stroke=stroke, stroke_width=MARK_WIDTH)

    def hline(self, y: float, x0: float, x1: float, swatch: Swatch, width: int) -> None:
        self.image.draw_line(((x0, y), (x1, y)), stroke=swatch.colour, stroke_width=width)

    def vline(self, x: float, top: float, bottom: float, swatch: Swatch, width: int) -> None:
        self.image.draw_line(((x, top), (x, bottom)), stroke=swatch.colour, stroke_width=width)

    def label(
        self, text: str, x: float, y: float, swatch: Swatch, anchor: str = "lb"
    ) -> tuple[float, float, float, float]:
        """``text`` at (x, y) in points, placed by Pillow's ``anchor`` (``lb``: its left
        bottom there), on a light background; its box, in points."""
        at = (x * self.scale, y * self.scale)
        left, top, right, bottom = self.draw.textbbox(at, text, font=self.font, anchor=anchor)
        pad = LABEL_PADDING * self.scale
        self.draw.rectangle((left - pad, top - pad, right + pad, bottom + pad), LABEL_BACKGROUND)
        self.draw.text(at, text, fill=swatch.colour, font=self.font, anchor=anchor)
        return tuple(v / self.scale for v in (left - pad, top - pad, right + pad, bottom + pad))

    def text_width(self, text: str) -> float:
        left, _, right, _ = self.draw.textbbox((0, 0), text, font=self.font)
        return (right - left) / self.scale + 2 * LABEL_PADDING


def _line_box(line: Line) -> Box:
    return (line.x0, line.top, line.x1, line.bottom)


def _table_top(table: TableReading) -> float:
    if table.header is not None:
        return table.header[0]
    return table.rows[0].top if table.rows else 0.0


def _table_bottom(table: TableReading) -> float:
    return table.rows[-1].bottom if table.rows else _table_top(table)


def draw_reading(image: PageImage, reading: PageReading, marks: Marks, resolution: int) -> None:
    """Draw ``reading`` on ``image``, the rendering of its page at ``resolution``."""
    painter = _Painter(image, resolution)
    for line in reading.furniture:
        painter.rect(_line_box(line), FURNITURE)
    for line in reading.free_text:
        painter.rect(_line_box(line), FREE_TEXT)
    # A ruling one table ignores may be another's.
    used_x = {x for table in reading.tables for x in table.rulings_used.vertical}
    used_rules = {rule for table in reading.tables for rule in table.rulings_used.horizontal}
    for table in reading.tables:
        # A vertical ruling is known by its x alone: it is drawn over the table's height.
        top, bottom = _table_top(table), _table_bottom(table)
        for x in set(table.rulings_ignored.vertical) - used_x:
            painter.vline(x, top, bottom, RULING_IGNORED, RULING_WIDTH)
        for y, x0, x1 in set(table.rulings_ignored.horizontal) - used_rules:
            painter.hline(y, x0, x1, RULING_IGNORED, RULING_WIDTH)
    for y, x0, x1 in used_rules:
        painter.hline(y, x0, x1, RULING_USED, RULING_WIDTH)
    for table in reading.tables:
        if table.header is not None:
            painter.rect(
                (table.bounds[0], *table.header[:1], table.bounds[-1], table.header[1]), HEADER
            )
    for join in reading.joins:
        if join.join:  # a line wrapped at a space: as common as lines are, and no decision
            continue
        for x0, _, x1, bottom in (join.end, join.start):
            painter.hline(bottom + JOIN_BELOW, x0, x1, JOIN, MARK_WIDTH)
    starts: dict[Box, list[SubItemStart]] = {}
    for box, start in marks.sub_items:
        starts.setdefault(box, []).append(start)
    for box, here in starts.items():
        painter.rect(box, SUB_ITEM, filled=False)
        labels = [start.label for start in here]
        text = f"{labels[0]}-{labels[-1]}" if len(labels) > 2 else ", ".join(labels)
        if any(start.inline for start in here):  # begun inside the paragraph that starts here
            text += " in text"
        painter.label(text, box[0] - LABEL_GAP, box[1], SUB_ITEM, anchor="rt")
    # The table last: its row labels in the margin stand over a sub-item's label.
    for table, fields, rows in zip(reading.tables, marks.fields, marks.rows, strict=True):
        _draw_table(painter, table, fields, rows)


def _draw_table(
    painter: _Painter,
    table: TableReading,
    fields: tuple[str, ...],
    rows: list[RowMark],
) -> None:
    top, bottom = _table_top(table), _table_bottom(table)
    used = set(table.rulings_used.vertical)
    for x in table.bounds:
        swatch = COLUMN
        painter.vline(x, top, bottom, swatch, COLUMN_WIDTH)
        if x in used:  # the ruling, in its colour, within the bound's
            painter.vline(x, top, bottom, RULING_USED, RULING_WIDTH)
    # Each column's field below the table, where the page is mostly blank; "?" for a column
    # the header assembly matched does not name.
    below = max([bottom + ROW_CUT_ABOVE, *(y for y, _, _ in table.rulings_used.horizontal)])
    for index, x0 in enumerate(table.bounds[:-1]):
        name = fields[index] if index < len(fields) else ""
        painter.label(name or "?", x0 + LABEL_GAP, below + LABEL_GAP, COLUMN, anchor="lt")
    left, right = table.bounds[0], table.bounds[-1]
    for mark in rows:
        y = mark.band.top - ROW_CUT_ABOVE
        painter.hline(y, left, right, ROW_CUT, ROW_CUT_WIDTH)
        width = painter.text_width(mark.label)
        if left - LABEL_GAP - width >= 0:
            painter.label(mark.label, left - LABEL_GAP, y, ROW_CUT, anchor="rt")
        else:
            painter.label(mark.label, right + LABEL_GAP, y, ROW_CUT, anchor="lt")
    if rows:
        y = rows[-1].band.bottom + ROW_CUT_ABOVE
        painter.hline(y, left, right, ROW_CUT, ROW_CUT_WIDTH)


def render_pages(
    debugged: DebugReading, numbers: Iterable[int], resolution: int
) -> Iterator[tuple[int, bytes]]:
    """Each page of ``numbers`` (from 1) as a PNG with its reading drawn on it: pdfplumber's
    rendering of the page (pypdfium2's), not a reading of it."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(debugged.data), password=debugged.password or "") as pdf:
        for number in numbers:
            _, reading = debugged.pages[number - 1]
            page = pdf.pages[number - 1]
            try:
                image = page.to_image(resolution=resolution)
            except Exception as error:  # pypdfium2's, where it cannot draw what pdfminer read
                raise InputError(f"cannot render page {number}: {error}") from None
            finally:
                page.close()
            draw_reading(image, reading, marks_of(debugged, reading), resolution)
            out = io.BytesIO()
            image.save(out, format="PNG")
            yield number, out.getvalue()


# -- the index page ----------------------------------------------------------------------


def warnings_by_page(warnings: Iterable[tuple[int, str]]) -> dict[int, list[str]]:
    """(page, message) pairs as a list of messages per page, in order: the one place
    warnings about the reading of a page (the PageReading's, the report's) are gathered
    for the index page."""
    by_page: dict[int, list[str]] = {}
    for page, message in warnings:
        by_page.setdefault(page, []).append(message)
    return by_page


def report_warnings(report: Report | None) -> list[tuple[int, str]]:
    """The reading problems of the report (VG5xx, as ``parse`` warns about them) that name a
    page, as (page, message with its code)."""
    if report is None:
        return []
    return [
        (problem.page, f"{problem.message} [{problem.code}]")
        for problem in reading_problems(report)
        if problem.page is not None
    ]


def page_warnings(
    debugged: DebugReading, report_warnings: Iterable[tuple[int, str]] = ()
) -> dict[int, list[str]]:
    """Each page's warnings: its PageReading's, then ``report_warnings`` (report-level
    warnings that name a page)."""
    own = (
        (reading.number, warning) for _, reading in debugged.pages for warning in reading.warnings
    )
    return warnings_by_page([*own, *report_warnings])


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 1em 2em; color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.2em; margin-top: 2em; }
.legend { list-style: none; padding: 0; columns: 2; }
.legend li { margin: .2em 0; }
.swatch { display: inline-block; width: 2.2em; height: .9em; margin-right: .5em;
  vertical-align: middle; border: 1px solid #ccc; }
.page { border-top: 1px solid #ccc; }
.evidence { border-collapse: collapse; margin: .5em 0; }
.evidence th, .evidence td { text-align: left; padding: .1em .8em .1em 0; vertical-align: top; }
.warning { color: #a40; } .problem { color: #b00; font-weight: bold; }
.picture { overflow-x: auto; } .picture img { border: 1px solid #999; }
pre { background: #f6f6f6; padding: .5em; overflow-x: auto; }
details { margin: .2em 0; } summary { cursor: pointer; }
:target > summary { background: #ffef9e; }
"""
# A record linked to from a page opens (browsers open a <details> they are sent to; this
# does it where one does not).
SCRIPT = """
function openTarget() {
  const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (target && target.tagName === "DETAILS") target.open = true;
}
addEventListener("hashchange", openTarget);
addEventListener("DOMContentLoaded", openTarget);
"""


def _legend() -> str:
    entries = "".join(
        f'<li><span class="swatch" style="background: {swatch.css}"></span>'
        f"{_e(swatch.meaning)}</li>"
        for swatch in LEGEND
    )
    return f'<ul class="legend">{entries}</ul>'


def _evidence(table: TableReading, fields: tuple[str, ...]) -> str:
    evidence = ", ".join(f"{name} {count}" for name, count in table.alignment_evidence.items())
    wrap = table.wrap_spaces
    columns = ", ".join(
        f"{_e(name or '?')} {x0:.1f}–{x1:.1f}"
        for name, (x0, x1) in zip(fields, pairwise(table.bounds), strict=True)
    )
    rows = [
        ("columns", columns),
        ("rows", f"{len(table.rows)}, {'ruled' if table.rows_ruled else 'not ruled'}"),
        ("alignment", f"{_e(table.alignment)} (this page: {_e(evidence or 'no evidence')})"),
        (
            "wrap spaces",
            f"{wrap.spaced} of {wrap.lines} lines end in a drawn space: "
            f"{'drawn' if wrap.drawn else 'not drawn'} here; joined as "
            f"{'drawn' if table.wrap_spaces_used else 'not drawn'}",
        ),
        ("line pitch", f"{table.pitch:.2f} pt"),
        ("header", "on this page" if table.header else "not repeated (the last page's columns)"),
    ]
    body = "".join(f"<tr><th>{name}</th><td>{value}</td></tr>" for name, value in rows)
    return f'<table class="evidence">{body}</table>'


def _page_section(
    debugged: DebugReading,
    reading: PageReading,
    marks: Marks,
    anchors: list[str],
    warnings: list[str],
    picture: str,
    size: tuple[int, int],
    resolution: int,
) -> str:
    number = reading.number
    parts = [f'<section class="page" id="page-{number}"><h2>Page {number}</h2>']
    parts += [f'<p class="warning">⚠ {_e(w)}</p>' for w in warnings]
    if not reading.tables:
        parts.append("<p>No table on this page.</p>")
    items_seen: list[int] = []
    for index, (table, fields, rows) in enumerate(
        zip(reading.tables, marks.fields, marks.rows, strict=True)
    ):
        if len(reading.tables) > 1:
            parts.append(f"<h3>Table {index + 1}</h3>")
        parts.append(_evidence(table, fields))
        items_seen += [mark.item for mark in rows if mark.item is not None]
    items = list(dict.fromkeys(items_seen))
    if items and debugged.report is not None:
        numbers = [debugged.report.items[i].number or "(no number)" for i in items]
        links = ", ".join(
            f'<a href="#{_e(anchors[i])}">{_e(number)}</a>'
            for i, number in zip(items, numbers, strict=True)
        )
        parts.append(f"<p>Items: {links}</p>")
    areas = _areas(marks, anchors, resolution)
    width, height = size
    parts.append(
        f'<div class="picture"><a href="{_e(picture)}"><img src="{_e(picture)}" '
        f'width="{width}" height="{height}" alt="page {number} as read" '
        f'usemap="#map-{number}"></a><map name="map-{number}">{areas}</map></div>'
    )
    parts.append("</section>")
    return "\n".join(parts)


def _areas(marks: Marks, anchors: list[str], resolution: int) -> str:
    """An image map: each row band of the picture links to its item's record."""
    scale = resolution / 72
    areas = []
    for rows in marks.rows:
        for mark in rows:
            if mark.item is None or mark.item >= len(anchors):
                continue
            band = mark.band
            coords = ",".join(
                str(round(v * scale)) for v in (0, band.top, 10_000 / scale, band.bottom)
            )
            areas.append(
                f'<area shape="rect" coords="{coords}" href="#{_e(anchors[mark.item])}" '
                f'alt="{_e(mark.label)}">'
            )
    return "".join(areas)


def index_html(
    debugged: DebugReading,
    pictures: dict[int, tuple[str, tuple[int, int]]],
    resolution: int,
    report_warnings: Iterable[tuple[int, str]] = (),
) -> str:
    """The index page: the legend, then each drawn page (``pictures``: page number → file
    name and pixel size) with its evidence and warnings, then the records of the items."""
    anchors = item_anchors(debugged.report)
    warnings = page_warnings(debugged, report_warnings)
    title = f"voortgang debug: {debugged.path}"
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{_e(title)}</title><style>{STYLE}</style><script>{SCRIPT}</script>",
        "</head><body>",
        f"<h1>{_e(title)}</h1>",
        f"<p>{debugged.page_count} pages read; {len(pictures)} drawn at {resolution} dpi. "
        f'The records are in <a href="records.json">records.json</a> and '
        f'<a href="#records">below</a>; a row in a picture links to its item\'s.</p>',
    ]
    if debugged.problem:
        parts.append(f'<p class="problem">No report: {_e(debugged.problem)}</p>')
    parts += ["<h2>Legend</h2>", _legend()]
    drawn = ", ".join(f'<a href="#page-{n}">{n}</a>' for n in pictures)
    parts.append(f"<p>Pages: {drawn}</p>")
    for number, (picture, size) in pictures.items():
        _, reading = debugged.pages[number - 1]
        marks = marks_of(debugged, reading)
        parts.append(
            _page_section(
                debugged,
                reading,
                marks,
                anchors,
                warnings.get(number, []),
                picture,
                size,
                resolution,
            )
        )
    if debugged.report is not None:
        parts.append('<h2 id="records">Records</h2>')
        for anchor, item in zip(anchors, debugged.report.items, strict=True):
            pages = ", ".join(f'<a href="#page-{p}">{p}</a>' for p in item.pages if p in pictures)
            record = item.model_dump_json(indent=2)
            parts.append(
                f'<details id="{_e(anchor)}"><summary>{_e(item.number or "(no number)")} '
                f"{_e(_short(item.title))}{' (pages ' + pages + ')' if pages else ''}"
                f"</summary><pre>{_e(record)}</pre></details>"
            )
    parts.append("</body></html>\n")
    return "\n".join(parts)


SUMMARY_LENGTH = 80


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1] + "…"


# -- the files ---------------------------------------------------------------------------


def debug_files(
    debugged: DebugReading,
    pages: Collection[int] | None = None,
    resolution: int = DEFAULT_RESOLUTION,
) -> dict[str, bytes]:
    """The files ``voortgang debug`` writes, by name: a PNG per page of ``pages`` (all where
    None), ``index.html`` and, where the pages hold a report, ``records.json``. Raises
    InputError for a page the PDF does not have."""
    count = debugged.page_count
    chosen = sorted(set(range(1, count + 1) if pages is None else pages))
    missing = [n for n in chosen if not 1 <= n <= count]
    if missing:
        raise InputError(
            f"no page {', '.join(map(str, missing))}: the PDF has {count} page{'s' * (count != 1)}"
        )
    files: dict[str, bytes] = {}
    pictures: dict[int, tuple[str, tuple[int, int]]] = {}
    for number, png in render_pages(debugged, chosen, resolution):
        name = PAGE_NAME.format(number)
        files[name] = png
        pictures[number] = (name, _png_size(png))
    warnings = report_warnings(debugged.report)
    files["index.html"] = index_html(debugged, pictures, resolution, warnings).encode("utf-8")
    if debugged.report is not None:
        files["records.json"] = reports_json([debugged.report], False).encode("utf-8")
    return files


def _png_size(png: bytes) -> tuple[int, int]:
    # The IHDR chunk: width and height, big-endian, at bytes 16 to 24.
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def write_files(folder: Path, files: dict[str, bytes]) -> None:
    """Write ``files`` into ``folder`` (made where missing), each through a temporary file
    renamed into place; files of another name already there are left alone. Raises
    OutputError."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{folder}: cannot make the folder ({error.strerror or error})") from None
    for name, content in files.items():
        write_atomically(folder / name, content)
