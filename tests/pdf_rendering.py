"""Test helper that prints a grid as a PDF, the way a Word report exported to PDF looks.

Every PDF page starts with the report's heading lines (title, plan, date), drawn by the page
template. Below it stands one table per track: the track row spanning all five columns, the
column header row, then the data rows; both head rows repeat on every PDF page, and a long row
breaks across pages (``splitInRow``). Reportlab decides the page breaks, except that every track
starts on a new page, as in the Word original; the grid's own page breaks are ignored.

Text is laid out the way a PDF reader can read it back word for word: no hyphenation and no
splitting of long words (a column is widened to its longest word instead, as Word's autofit
does), list glyphs hang in front of their paragraph.

``fake_bold`` imitates PDF producers that have no bold font: bold text is drawn in the regular
font twice, the second copy 0.3 pt to the right. It is done at the lowest level, in the canvas's
text object, so every bold run comes out that way, in table cells and heading alike.

Two options, off by default, print layouts of issue 10. ``furniture`` adds page furniture to
every page: a running header in the top margin (the report's title on the left, a
classification mark on the right) and a footer in the bottom margin (``Pagina N van M`` or
``- N -`` in the middle, a date on the left if ``furniture_date`` is set), each on one line or,
``furniture_stacked``, the mark on a line above the title and the page number above the date.
``per_track_tables``
sets the heading lines once, at the top of the first page, and each track as its heading, a bold
paragraph, above a table of its own without a track row (only the column header row repeats);
the tables follow one another without page breaks, several on a page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from html import escape
from io import BytesIO
from itertools import groupby
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus import Paragraph as PdfParagraph

from voortgang.parse.grid import Cell, Page, Paragraph, Row, Run

from renderings import heading_rows, split_glyph, table_rows

MARGIN = 2 * cm
HEADING_GAP = 0.5 * cm
COLUMN_SHARES = (0.06, 0.30, 0.10, 0.12, 0.42)
CELL_PADDING = 4.0
FAKE_BOLD_OFFSET = 0.3
CLASSIFICATION = "DEPARTEMENTAAL VERTROUWELIJK"
FONT_DIRECTORY = Path("/usr/share/fonts")

# Regular, bold, italic and bold italic member of each family: reportlab's built-in names for
# the standard fonts, file stems (``<stem>.ttf``) for the TrueType ones.
STANDARD_FAMILIES = {
    "Helvetica": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique"),
    "Times": ("Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic"),
}
TRUETYPE_FAMILIES = {
    "DejaVuSans": ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"),
    "DejaVuSerif": (
        "DejaVuSerif",
        "DejaVuSerif-Bold",
        "DejaVuSerif-Italic",
        "DejaVuSerif-BoldItalic",
    ),
    "LiberationSans": (
        "LiberationSans-Regular",
        "LiberationSans-Bold",
        "LiberationSans-Italic",
        "LiberationSans-BoldItalic",
    ),
    "LiberationSerif": (
        "LiberationSerif-Regular",
        "LiberationSerif-Bold",
        "LiberationSerif-Italic",
        "LiberationSerif-BoldItalic",
    ),
}

# Registered font names whose text the canvas draws twice; see FakeBoldTextObject.
FAKE_BOLD_FONTS: set[str] = set()


class MissingFontError(LookupError):
    """A TrueType family's files are not installed; a test may skip on this."""


@dataclass(frozen=True)
class PdfStyle:
    """How the report is printed. ``fonts`` is a key of STANDARD_FAMILIES or TRUETYPE_FAMILIES."""

    fonts: str = "Helvetica"
    landscape: bool = False
    ruled: bool = True
    font_size: float = 9
    fake_bold: bool = False
    password: str | None = None  # encrypt the PDF with this user password
    furniture: bool = False  # a running header and footer on every page
    page_numbers: str = "pagina"  # with furniture: "pagina" (Pagina N van M) or "dash" (- N -)
    furniture_date: str | None = None  # with furniture: a date in the footer
    furniture_stacked: bool = False  # with furniture: mark above title, page number above date
    per_track_tables: bool = False  # track headings as paragraphs between tables


@dataclass(frozen=True)
class FontSet:
    """The registered family, its four members and its list glyph font, as reportlab knows them."""

    family: str
    regular: str
    bold: str
    italic: str
    bold_italic: str
    glyphs: str

    def for_run(self, run: Run) -> str:
        if run.bold:
            return self.bold_italic if run.italic else self.bold
        return self.italic if run.italic else self.regular


@dataclass(frozen=True)
class Track:
    """One track's table: its first track row and header row, and all its data rows."""

    track_row: Row
    header_row: Row
    rows: tuple[Row, ...]


# -- fonts -------------------------------------------------------------------------------------


@cache
def find_font_file(stem: str) -> Path:
    found = sorted(FONT_DIRECTORY.rglob(f"{stem}.ttf"))
    if not found:
        raise MissingFontError(f"font file {stem}.ttf not found under {FONT_DIRECTORY}")
    return found[0]


def register_member(name: str, face: str, truetype: bool) -> None:
    """Register ``face`` (a standard font name or a TTF file stem) under ``name``, once."""
    if name in pdfmetrics.getRegisteredFontNames():
        return
    if truetype:
        pdfmetrics.registerFont(TTFont(name, str(find_font_file(face))))
    elif name != face:
        encoding = pdfmetrics.getFont(face).encoding.name
        pdfmetrics.registerFont(pdfmetrics.Font(name, face, encoding))


def glyph_font(regular: str, truetype: bool) -> str:
    """The font list glyphs are drawn in: the regular one, but StandardEncoding for Type 1.

    Reportlab writes "•" in WinAnsiEncoding as code 127, which PDF viewers draw as a bullet
    but no text extractor maps back to U+2022 (pdfplumber gives "(cid:127)"); in
    StandardEncoding the bullet has a proper code. Word too draws list glyphs in a font apart.
    """
    if truetype:
        return regular
    face = pdfmetrics.getFont(regular).face.name
    name = f"{face}~glyphs"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(pdfmetrics.Font(name, face, "StandardEncoding"))
    return name


def family_faces(fonts: str) -> tuple[tuple[str, str, str, str], bool]:
    """The four faces of a family, and whether they are TrueType files."""
    if fonts in STANDARD_FAMILIES:
        return STANDARD_FAMILIES[fonts], False
    if fonts in TRUETYPE_FAMILIES:
        return TRUETYPE_FAMILIES[fonts], True
    known = ", ".join([*STANDARD_FAMILIES, *TRUETYPE_FAMILIES])
    raise ValueError(f"unknown fonts {fonts!r}; choose one of {known}")


@cache
def font_set(fonts: str, fake_bold: bool) -> FontSet:
    """Register a family so that ``<b>`` and ``<i>`` in paragraph markup pick its members.

    A fake-bold family gets names of its own for all four members, even those that stand for
    the real regular and italic fonts: reportlab maps a font name back to its family globally,
    so sharing ``Helvetica`` between two families would change what ``<b>`` means in the other.
    """
    faces, truetype = family_faces(fonts)
    family, members = fonts, faces
    if fake_bold:
        regular, _, italic, _ = faces
        family = f"{fonts}~fakebold"
        members = (f"{regular}~fb", f"{regular}~fakebold", f"{italic}~fb", f"{italic}~fakebold")
        faces = (regular, regular, italic, italic)
        FAKE_BOLD_FONTS.update(members[1::2])
    for name, face in zip(members, faces, strict=True):
        register_member(name, face, truetype)
    regular, bold, italic, bold_italic = members
    pdfmetrics.registerFontFamily(
        family, normal=regular, bold=bold, italic=italic, boldItalic=bold_italic
    )
    return FontSet(family, *members, glyph_font(regular, truetype))


class FakeBoldTextObject(PDFTextObject):
    """Draws text in a fake-bold font twice: once in place, once FAKE_BOLD_OFFSET to the right.

    Between the copies a bare ``[n] TJ`` moves the text position back, and after the second
    copy another one moves it back by the offset, so the next run starts where it should.
    """

    def _formatText(self, text: str) -> str:
        code = super()._formatText(text)
        if not text or self._fontname not in FAKE_BOLD_FONTS:
            return code
        width = pdfmetrics.stringWidth(text, self._fontname, self._fontsize)
        # Character and word spacing are only set where someone set them (justified text).
        char_space = getattr(self, "_charSpace", 0)
        word_space = getattr(self, "_wordSpace", 0)
        width += len(text) * char_space + text.count(" ") * word_space
        back = fp_str((width - FAKE_BOLD_OFFSET) * 1000 / self._fontsize)
        forth = fp_str(FAKE_BOLD_OFFSET * 1000 / self._fontsize)
        return f"{code} [{back}] TJ {super()._formatText(text)} [{forth}] TJ"


class FakeBoldCanvas(Canvas):
    """A canvas whose text objects (paragraphs and drawString use them) fake bold."""

    def beginText(self, x: float = 0, y: float = 0, direction: str | None = None) -> PDFTextObject:
        return FakeBoldTextObject(self, x, y, direction=direction)


class FurnitureCanvas(FakeBoldCanvas):
    """Holds every page back until the document is done, then draws the page furniture on each,
    now that the page count is known (reportlab's recipe for "page N of M").

    ``draw_furniture(canvas, page, pages)`` is set on a subclass (see ``furniture_canvas``).
    """

    def draw_furniture(self, page: int, pages: int) -> None:
        raise NotImplementedError

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[dict] = []

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        for number, state in enumerate(self._held, 1):
            self.__dict__.update(state)
            self.draw_furniture(number, len(self._held))
            super().showPage()
        super().save()


# -- paragraphs --------------------------------------------------------------------------------


def paragraph_style(name: str, fonts: FontSet, size: float, indent: float = 0) -> ParagraphStyle:
    """Left aligned, never hyphenated, long words left whole (columns are wide enough)."""
    return ParagraphStyle(
        name,
        fontName=fonts.regular,
        fontSize=size,
        leading=size * 1.2,
        spaceAfter=size * 0.25,
        leftIndent=indent,
        bulletIndent=0,
        bulletFontName=fonts.glyphs,
        bulletFontSize=size,
        splitLongWords=0,
        hyphenationLang="",
        embeddedHyphenation=0,
        uriWasteReduce=0,
    )


def runs_markup(runs: tuple[Run, ...]) -> str:
    out = []
    for run in runs:
        text = escape(run.text, quote=False)
        if run.italic:
            text = f"<i>{text}</i>"
        if run.bold:
            text = f"<b>{text}</b>"
        out.append(text)
    return "".join(out)


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of the table cells."""

    fonts: FontSet
    size: float

    @property
    def indent(self) -> float:
        return self.size * 1.5

    @cached_property
    def body(self) -> ParagraphStyle:
        return paragraph_style("cell", self.fonts, self.size)

    @cached_property
    def listed(self) -> ParagraphStyle:
        return paragraph_style("list", self.fonts, self.size, self.indent)


def cell_paragraph(paragraph: Paragraph, styles: Styles) -> PdfParagraph:
    """A paragraph; one that starts with a list glyph hangs the glyph in front of its text."""
    glyph, rest = split_glyph(paragraph)
    if glyph:
        return PdfParagraph(runs_markup(rest.runs), styles.listed, bulletText=glyph)
    return PdfParagraph(runs_markup(paragraph.runs), styles.body)


def cell_flowables(cell: Cell, column: int, styles: Styles) -> list[Flowable] | str:
    if cell.is_empty:
        return ""
    if column == 0:
        markup = " ".join(runs_markup(p.runs) for p in cell.paragraphs)
        return [PdfParagraph(markup, styles.body)]
    return [cell_paragraph(p, styles) for p in cell.paragraphs]


# -- layout ------------------------------------------------------------------------------------


def tracks_of(pages: list[Page]) -> list[Track]:
    """Group the table rows by track; a track's head rows count once, from its first page."""
    tracks: list[Track] = []
    for _, group in groupby(pages, key=lambda page: table_rows(page)[0].cells[0].text):
        group_rows = [table_rows(page) for page in group]
        first = group_rows[0]
        data = tuple(row for rows in group_rows for row in rows[2:])
        tracks.append(Track(first[0], first[1], data))
    return tracks


def longest_word(paragraph: Paragraph, fonts: FontSet, size: float) -> float:
    """The width of the paragraph's widest word, which may run through several runs."""
    widest = current = 0.0
    for run in paragraph.runs:
        for piece in re.split(r"( )", run.text):
            if piece == " ":
                widest, current = max(widest, current), 0.0
            elif piece:
                current += pdfmetrics.stringWidth(piece, fonts.for_run(run), size)
    return max(widest, current)


def cell_minimum(cell: Cell, styles: Styles) -> float:
    widths = [0.0]
    for paragraph in cell.paragraphs:
        glyph, rest = split_glyph(paragraph)
        indent = styles.indent if glyph else 0.0
        widths.append(longest_word(rest, styles.fonts, styles.size) + indent)
    return max(widths) + 2 * CELL_PADDING + 1


def column_widths(
    tracks: list[Track], width: float, styles: Styles, shares: Sequence[float] = COLUMN_SHARES
) -> list[float]:
    """``shares`` of the width, each column at least as wide as its longest word.

    What a narrow column needs comes off the widest one (Stand van zaken in the 2009 report).
    """
    widths = [share * width for share in shares]
    widest = widths.index(max(widths))
    rows = [row for track in tracks for row in (track.header_row, *track.rows)]
    for column in range(len(widths)):
        if column == widest:
            continue
        needed = max(cell_minimum(row.cells[column], styles) for row in rows)
        if needed > widths[column]:
            widths[widest] -= needed - widths[column]
            widths[column] = needed
    return widths


def table_style(ruled: bool, track_row: bool = True) -> TableStyle:
    commands: list[tuple] = [
        *([("SPAN", (0, 0), (-1, 0))] if track_row else []),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if ruled:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    return TableStyle(commands)


def track_table(
    track: Track, widths: list[float], styles: Styles, ruled: bool, track_row: bool = True
) -> Table:
    """The track's table; rows break across pages where the page ends, as Word lets them.
    Without ``track_row`` the table starts at the column header row (the track heading is a
    paragraph above it).

    With ``splitByRow`` on (reportlab's default) a table only breaks inside a row when not even
    one whole row fits; off, it fills each page and breaks the row that crosses its end.
    """
    rows = [track.header_row, *track.rows]
    data = [
        [cell_flowables(cell, column, styles) for column, cell in enumerate(row.cells)]
        for row in rows
    ]
    if track_row:
        # The track title is set like any text cell (column 1), across all five columns.
        blank = [""] * (len(track.header_row.cells) - 1)
        data.insert(0, [cell_flowables(track.track_row.cells[0], 1, styles), *blank])
    return Table(
        data,
        colWidths=widths,
        style=table_style(ruled, track_row),
        repeatRows=2 if track_row else 1,
        splitByRow=0,
        splitInRow=1,
        hAlign="LEFT",
    )


# -- heading and document ----------------------------------------------------------------------


def heading_paragraphs(page: Page, fonts: FontSet, size: float) -> list[PdfParagraph]:
    """The heading lines as the Word samples set them: title and plan bold, title larger."""
    lines = [p for row in heading_rows(page) for cell in row.cells for p in cell.paragraphs]
    out = []
    for index, line in enumerate(lines):
        line_size = size + 3 if index == 0 else size + 1
        style = paragraph_style(f"heading{index}", fonts, line_size)
        markup = runs_markup(line.runs)
        out.append(PdfParagraph(f"<b>{markup}</b>" if index < 2 else markup, style))
    return out


def wrap_heading(heading: list[PdfParagraph], width: float) -> float:
    """Wrap the heading paragraphs once; the height they take with their spacing."""
    return sum(p.wrap(width, A4[1])[1] + p.getSpaceAfter() for p in heading)


def draw_heading(heading: list[PdfParagraph], canvas: Canvas, left: float, top: float) -> None:
    y = top
    for paragraph in heading:
        y -= paragraph.height
        paragraph.drawOn(canvas, left, y)
        y -= paragraph.getSpaceAfter()


def track_heading(track: Track, styles: Styles) -> PdfParagraph:
    """The track row's text as a bold paragraph."""
    style = paragraph_style("track", styles.fonts, styles.size + 1)
    style.spaceBefore = styles.size
    markup = " ".join(runs_markup(p.runs) for p in track.track_row.cells[0].paragraphs)
    return PdfParagraph(f"<b>{markup}</b>", style)


def furniture_canvas(
    style: PdfStyle, title: str, fonts: FontSet, page_size: tuple[float, float]
) -> type[FurnitureCanvas]:
    """A canvas class that draws the running header and footer on every page: the title and
    the classification mark in the top margin, the page number and the date in the bottom one."""
    size = style.font_size - 1
    width, height = page_size
    if style.page_numbers not in ("pagina", "dash"):
        raise ValueError(f"unknown page_numbers {style.page_numbers!r}")

    top, bottom = height - MARGIN / 2 - size, MARGIN / 2
    # Stacked: the mark on a line above the title's, the page number on a line above the date's.
    step = 1.2 * size if style.furniture_stacked else 0

    def draw_furniture(canvas: FurnitureCanvas, page: int, pages: int) -> None:
        canvas.saveState()
        canvas.setFont(fonts.regular, size)
        canvas.drawString(MARGIN, top - step, title)
        canvas.drawRightString(width - MARGIN, top, CLASSIFICATION)
        number = f"Pagina {page} van {pages}" if style.page_numbers == "pagina" else f"- {page} -"
        canvas.drawCentredString(width / 2, bottom + step, number)
        if style.furniture_date:
            canvas.drawString(MARGIN, bottom, style.furniture_date)
        canvas.restoreState()

    return type("ReportFurnitureCanvas", (FurnitureCanvas,), {"draw_furniture": draw_furniture})


def render_pdf(
    pages: list[Page], style: PdfStyle = PdfStyle(), shares: Sequence[float] = COLUMN_SHARES
) -> bytes:
    """The grid pages as a PDF; the same pages and style give the same bytes."""
    if not pages:
        raise ValueError("no pages to render")
    fonts = font_set(style.fonts, style.fake_bold)
    styles = Styles(fonts, style.font_size)
    page_size = landscape(A4) if style.landscape else A4
    frame_width = page_size[0] - 2 * MARGIN
    heading = heading_paragraphs(pages[0], fonts, style.font_size)
    heading_height = wrap_heading(heading, frame_width)
    tracks = tracks_of(pages)
    widths = column_widths(tracks, frame_width, styles, shares)
    story: list[Flowable] = []
    if style.per_track_tables:
        story += [*heading, Spacer(0, HEADING_GAP)]
        for track in tracks:
            # A new page rather than the heading alone at the foot of one (keepWithNext would
            # move the whole table along).
            story += [CondPageBreak(8 * styles.size), track_heading(track, styles)]
            story += [track_table(track, widths, styles, style.ruled, track_row=False)]
    else:
        for index, track in enumerate(tracks):
            if index:
                story.append(PageBreak())
            story.append(track_table(track, widths, styles, style.ruled))

    def on_page(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        if not style.per_track_tables:
            draw_heading(heading, canvas, MARGIN, page_size[1] - MARGIN)

    top = page_size[1] - MARGIN
    if not style.per_track_tables:
        top -= heading_height + HEADING_GAP
    frame = Frame(MARGIN, MARGIN, frame_width, top - MARGIN, 0, 0, 0, 0, id="table")
    title = heading_rows(pages[0])[0].cells[0].text if heading else ""
    canvas_class: type[Canvas] = FakeBoldCanvas
    if style.furniture:
        canvas_class = furniture_canvas(style, title.capitalize(), fonts, page_size)
    buffer = BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=page_size,
        pageTemplates=[PageTemplate("report", [frame], onPage=on_page)],
        invariant=1,
        encrypt=StandardEncryption(style.password) if style.password else None,
        title=title,
        creator="voortgang tests/pdf_rendering.py",
    )
    doc.build(story, canvasmaker=canvas_class)
    return buffer.getvalue()
