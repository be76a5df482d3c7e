"""Rebuild the 2009 report as the Word document it was, and convert it with LibreOffice.

    python scripts/make_docx_samples.py [OUTPUT_DIR] [--only NAME...]

The content comes from the converter's text rendition, samples/voortgangsrapportage-2009.txt,
read with voortgang's own text reader. Each variant is a .docx made with python-docx, with one
table row per row of the text rendition, its paragraphs, italics and bold. In most variants
the title block stands in the page header and each track (SPOOR 1, 2, 3) is a table of its own
on a new page, whose first two rows, the track row and the column header row, repeat on every
page. LibreOffice headless then prints each document to PDF, and exports the landscape one to
HTML as well.

Written to OUTPUT_DIR (default: samples/), for each variant NAME (all, or those --only names):

    voortgangsrapportage-2009-NAME.docx     the Word document
    voortgangsrapportage-2009-NAME.pdf      LibreOffice's PDF of it
    voortgangsrapportage-2009-libreoffice.html   LibreOffice's HTML export of landscape-ruled

Variants: landscape-ruled (Liberation Sans 9 pt, every cell ruled), portrait-plain
(Liberation Serif 10 pt, no borders at all), portrait-carlito (Carlito 10 pt, horizontal
rules only), landscape-mono (Liberation Mono 9 pt, every cell ruled: spaces 0.6 em wide) and
portrait-narrow (Liberation Sans Narrow 10 pt, every cell ruled, narrow columns).

The layouts of issue 10, which tests/test_golden.py reads against the golden records:

- portrait-narrow-breaks-ruled and portrait-narrow-breaks-plain (Liberation Sans 10 pt, every
  cell ruled / no borders at all): number, Deadline and Trekker columns so narrow
  (NARROW_BREAK_WIDTHS) that LibreOffice breaks words inside, as Word does with a word that
  does not fit: 2.0./1, Deadlin/e, Trekke/r, novemb/er, Continu/e, BZK/V/NG, Nuans/a, and
  "Justitie/ NCTb" as Justitie and "/ NCTb"; in the Resultaat column
  Professionaliseringsaanbo/d and uitwisselingsprogramma'/s. (LibreOffice, unlike Word, may
  break after a slash: in a Trekker column 1.62 cm wide, BZK/VNG breaks as BZK/ and VNG.)
- portrait-furniture (Liberation Serif 10 pt, ruled): page furniture, a running header with
  the classification mark DEPARTEMENTAAL VERTROUWELIJK above the title block and a footer
  "Pagina N van M" (PAGE and NUMPAGES fields) with a date line, "2 december 2009", below it.
- landscape-furniture-plain (DejaVu Sans 8 pt, no borders): the mark STG. CONFIDENTIEEL
  above the title block, a footer of one line, the date 2-12-2009 and "- N -".
- portrait-per-track-hrules (Carlito 10 pt, horizontal rules only): the title block once, at
  the top of the first page; each track's heading (SPOOR 2: ...) a bold paragraph above a
  table of its own without a track row; the tables follow one another without page breaks,
  several on a page; only the column header row repeats.
- portrait-per-track-hrules-furniture (Liberation Sans 9 pt): the same, with a running header
  of one line, "Voortgangsrapportage 2009" and the mark, and a footer of one line, the date
  and "Pagina N van M".
- portrait-per-track-title-footer (Liberation Serif 11 pt, line spacing 1.15, horizontal
  rules): tables per track as portrait-per-track-hrules, the title block in the body of page 1
  only, a running footer "- N -" and no running header.
- letter-per-track-no-repeat (US Letter, Liberation Sans 10 pt, every cell ruled): tables per
  track, no row repeated (no w:tblHeader), so a page may go on with a track's rows and no
  column header above them; a footer "Pagina N van M".
- portrait-first-page-footer (Liberation Sans 10 pt, every cell ruled, tables as
  landscape-ruled with the title block in the page header): Word's "different first page"
  (w:titlePg): page 1's footer a right-aligned "Kenmerk 2009-0001234", the others' "Pagina N
  van M".
- portrait-first-page-header (Carlito 11 pt, horizontal rules, tables per track): a different
  first page, whose header is a letterhead of three lines (ministry, directorate, Kenmerk)
  and whose footer is empty; the other pages a header of one line, the title, and a footer
  "Pagina N van M".
- portrait-spacing-1.5 (DejaVu Sans 9 pt, line spacing 1.5, 6 pt after paragraphs, cell
  margins 0.4 cm, every cell ruled): the number column so narrow inside its margins that
  2.3.1 breaks as 2./3./1, and over a page break as 2. and 3./1.

Only the variants named are made with --only; the others' committed files are left as they
are (LibreOffice's PDFs are not byte for byte the same from one run to the next).

Needs the dev extra (``pip install -e '.[dev]'``) and, on Debian, the packages
``libreoffice-writer-nogui`` and ``fonts-liberation`` (``fonts-crosextra-carlito`` for the
Carlito variants, ``fonts-dejavu-core`` for landscape-furniture-plain and
portrait-spacing-1.5).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.blkcntnr import BlockItemContainer
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run as DocxRun

from voortgang.parse.grid import Cell, Page, Paragraph, Row
from voortgang.parse.layout import match_header, match_track
from voortgang.parse.text import read_text

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "samples" / "voortgangsrapportage-2009.txt"
STEM = "voortgangsrapportage-2009"
HTML_NAME = f"{STEM}-libreoffice.html"
LIST_GLYPHS = ("- ", "• ", "o ")
ALL_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")
FONT_ATTRIBUTES = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
ALIGNMENTS = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}
THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
# Number, Resultaat, Deadline, Trekker, Stand van zaken: with Liberation Sans 10 pt and Word's
# default cell margins (0.19 cm a side) the number column holds 2.10 but not 2.0.1, the
# Deadline column continu and voorjaar but neither Deadline (bold) nor november, the Trekker
# column Trekke (bold) and Nuansa but not Trekker (bold) nor Justitie/.
NARROW_BREAK_WIDTHS = (1.11, 4.6, 1.74, 1.55, 8.0)
KENMERK = "2009-0001234"
PAPER = {"A4": (Cm(29.7), Cm(21.0)), "letter": (Cm(27.94), Cm(21.59))}


@dataclass(frozen=True)
class Furniture:
    """A running header and footer on every page: page furniture, not report content.

    The header carries the classification ``mark`` and the report's title; the footer the page
    number as Word fields, ``Pagina N van M`` (PAGE and NUMPAGES) or ``- N -`` (PAGE), and the
    ``date`` if there is one. ``one_line`` sets title and mark on one header line, date and page
    number on one footer line, apart by a right-aligned tab stop; otherwise each stands on a
    line of its own.
    """

    mark: str = "DEPARTEMENTAAL VERTROUWELIJK"
    footer: str = "pagina"  # "pagina": Pagina N van M; "dash": - N -
    date: str | None = None
    one_line: bool = False


@dataclass(frozen=True)
class Line:
    """One line of a page header or footer; ``{PAGE}`` and ``{NUMPAGES}`` in ``text`` become
    Word fields."""

    text: str
    align: str = "center"  # "left", "center", "right"
    bold: bool = False


@dataclass(frozen=True)
class PageLines:
    """Running header and footer set line by line, one type size below the body's.

    With ``first_header`` or ``first_footer`` given, the section has Word's "different first
    page" (``w:titlePg``): page 1 takes those (an empty tuple: nothing), the other pages
    ``header`` and ``footer``. With repeated-heading tables the title block follows the header
    lines, in the first page's header as well.
    """

    header: tuple[Line, ...] = ()
    footer: tuple[Line, ...] = ()
    first_header: tuple[Line, ...] | None = None
    first_footer: tuple[Line, ...] | None = None

    @property
    def different_first_page(self) -> bool:
        return self.first_header is not None or self.first_footer is not None


PAGINA = Line("Pagina {PAGE} van {NUMPAGES}")
DASH_PAGE = Line("- {PAGE} -")


@dataclass(frozen=True)
class Variant:
    """One way to typeset the report.

    ``tables``: "repeated-heading", one table per track whose track row and column header row
    repeat on every page, each track on a new page, the title block in the page header; or
    "per-track-paragraph", the title block on the first page only and the track heading a bold
    paragraph between tables that follow one another, several on a page, only the column
    header row repeating.

    ``paper`` "A4" or "letter" (US Letter); ``line_spacing`` and ``space_after`` (pt) of the
    Normal style; ``cell_margin_cm`` on every side of every cell (None: Word's default, 0.19 cm
    left and right); ``repeat_header_row`` False: no row marked to repeat (w:tblHeader), so a
    table broken over pages goes on without its column header row; ``page_lines``: running
    header and footer lines other than ``furniture``'s.
    """

    name: str
    landscape: bool
    font: str
    size: float
    ruled_edges: tuple[str, ...]
    column_widths_cm: tuple[float, float, float, float, float]
    shading: str | None = None
    export_html: bool = False
    tables: str = "repeated-heading"
    furniture: Furniture | None = None
    paper: str = "A4"
    line_spacing: float = 1.0
    space_after: float = 3
    cell_margin_cm: float | None = None
    repeat_header_row: bool = True
    page_lines: PageLines | None = None

    @property
    def stem(self) -> str:
        return f"{STEM}-{self.name}"


VARIANTS = (
    Variant(
        "landscape-ruled",
        landscape=True,
        font="Liberation Sans",
        size=9,
        ruled_edges=ALL_EDGES,
        column_widths_cm=(1.3, 7.2, 2.0, 2.6, 12.6),
        shading="D9D9D9",
        export_html=True,
    ),
    Variant(
        "portrait-plain",
        landscape=False,
        font="Liberation Serif",
        size=10,
        ruled_edges=(),
        column_widths_cm=(1.1, 4.6, 1.8, 2.2, 7.3),
    ),
    Variant(
        "portrait-carlito",
        landscape=False,
        font="Carlito",
        size=10,
        ruled_edges=("top", "bottom", "insideH"),
        column_widths_cm=(1.1, 4.6, 1.8, 2.2, 7.3),
        shading="DEEAF6",
    ),
    Variant(
        "landscape-mono",
        landscape=True,
        font="Liberation Mono",
        size=9,
        ruled_edges=ALL_EDGES,
        column_widths_cm=(1.5, 7.0, 2.2, 2.8, 12.0),
    ),
    Variant(
        "portrait-narrow",
        landscape=False,
        font="Liberation Sans Narrow",
        size=10,
        ruled_edges=ALL_EDGES,
        column_widths_cm=(1.0, 5.0, 1.5, 1.6, 8.0),
    ),
    # Issue 10: layouts the reader has not been made for. Number, Deadline and Trekker columns
    # so narrow that LibreOffice breaks words inside: 2.0.1 as 2.0./1, Deadline as Deadlin/e,
    # november as novemb/er, Trekker as Trekke/r (see NARROW_BREAK_WIDTHS).
    Variant(
        "portrait-narrow-breaks-ruled",
        landscape=False,
        font="Liberation Sans",
        size=10,
        ruled_edges=ALL_EDGES,
        column_widths_cm=NARROW_BREAK_WIDTHS,
    ),
    Variant(
        "portrait-narrow-breaks-plain",
        landscape=False,
        font="Liberation Sans",
        size=10,
        ruled_edges=(),
        column_widths_cm=NARROW_BREAK_WIDTHS,
    ),
    Variant(
        "portrait-furniture",
        landscape=False,
        font="Liberation Serif",
        size=10,
        ruled_edges=ALL_EDGES,
        column_widths_cm=(1.1, 4.6, 1.8, 2.2, 7.3),
        furniture=Furniture(footer="pagina", date="2 december 2009"),
    ),
    Variant(
        "landscape-furniture-plain",
        landscape=True,
        font="DejaVu Sans",
        size=8,
        ruled_edges=(),
        column_widths_cm=(1.3, 7.2, 2.0, 2.6, 12.6),
        furniture=Furniture(
            mark="STG. CONFIDENTIEEL", footer="dash", date="2-12-2009", one_line=True
        ),
    ),
    Variant(
        "portrait-per-track-hrules",
        landscape=False,
        font="Carlito",
        size=10,
        ruled_edges=("top", "bottom", "insideH"),
        column_widths_cm=(1.1, 4.6, 1.8, 2.2, 7.3),
        tables="per-track-paragraph",
    ),
    Variant(
        "portrait-per-track-hrules-furniture",
        landscape=False,
        font="Liberation Sans",
        size=9,
        ruled_edges=("top", "bottom", "insideH"),
        column_widths_cm=(1.2, 4.6, 1.8, 2.2, 7.2),
        tables="per-track-paragraph",
        furniture=Furniture(footer="pagina", date="2 december 2009", one_line=True),
    ),
    Variant(
        "portrait-per-track-title-footer",
        landscape=False,
        font="Liberation Serif",
        size=11,
        ruled_edges=("top", "bottom", "insideH"),
        column_widths_cm=(1.2, 4.8, 1.9, 2.0, 7.1),
        tables="per-track-paragraph",
        line_spacing=1.15,
        page_lines=PageLines(footer=(DASH_PAGE,)),
    ),
    Variant(
        "letter-per-track-no-repeat",
        landscape=False,
        font="Liberation Sans",
        size=10,
        ruled_edges=ALL_EDGES,
        column_widths_cm=(1.2, 4.8, 1.9, 2.1, 7.5),
        tables="per-track-paragraph",
        paper="letter",
        repeat_header_row=False,
        page_lines=PageLines(footer=(PAGINA,)),
    ),
    Variant(
        "portrait-first-page-footer",
        landscape=False,
        font="Liberation Sans",
        size=10,
        ruled_edges=ALL_EDGES,
        column_widths_cm=(1.2, 4.6, 1.9, 2.2, 7.1),
        page_lines=PageLines(footer=(PAGINA,), first_footer=(Line(f"Kenmerk {KENMERK}", "right"),)),
    ),
    Variant(
        "portrait-first-page-header",
        landscape=False,
        font="Carlito",
        size=11,
        ruled_edges=("top", "bottom", "insideH"),
        column_widths_cm=(1.2, 4.6, 1.9, 2.2, 7.1),
        tables="per-track-paragraph",
        page_lines=PageLines(
            header=(Line("Voortgangsrapportage 2009", "left"),),
            footer=(PAGINA,),
            first_header=(
                Line("Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", "left", bold=True),
                Line("Directie Constitutionele Zaken en Wetgeving", "left"),
                Line(f"Kenmerk {KENMERK}", "left"),
            ),
            first_footer=(),
        ),
    ),
    Variant(
        "portrait-spacing-1.5",
        landscape=False,
        font="DejaVu Sans",
        size=9,
        ruled_edges=ALL_EDGES,
        column_widths_cm=(1.3, 4.6, 2.0, 2.2, 6.9),
        line_spacing=1.5,
        space_after=6,
        cell_margin_cm=0.4,
    ),
)


@dataclass
class TrackTable:
    """One track's table: its number and title, its column header row and its item rows."""

    number: int
    title: str
    header: Row | None = None
    rows: list[Row] = field(default_factory=list)


# Reading the text rendition


def heading_paragraphs(first_page: Page) -> list[Paragraph]:
    """The title block: the paragraphs above the table on the first page."""
    return [
        paragraph
        for row in first_page.rows
        if not row.in_table
        for cell in row.cells
        for paragraph in cell.paragraphs
    ]


def track_tables(pages: list[Page]) -> list[TrackTable]:
    """The rows of every page, one table per track, without the repeated track and header rows."""
    tables: list[TrackTable] = []
    for row in (row for page in pages for row in page.rows if row.in_table):
        if track := match_track(row):
            if not tables or tables[-1].number != track[0]:
                tables.append(TrackTable(track[0], " ".join(row.cells[0].text.split())))
        elif match_header(row):
            tables[-1].header = tables[-1].header or row
        else:
            tables[-1].rows.append(row)
    return tables


# Writing the document


def set_font(rpr: BaseOxmlElement, font: str) -> None:
    """Name ``font`` for every script in a run's or style's ``w:rPr``, themes removed."""
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attribute in THEME_ATTRIBUTES:
        rfonts.attrib.pop(qn(attribute), None)
    for attribute in FONT_ATTRIBUTES:
        rfonts.set(qn(attribute), font)


def set_up_styles(document: DocxDocument, variant: Variant) -> None:
    """The variant's font and Dutch on the document defaults and the Normal style, compact
    spacing."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    default_rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_font(default_rpr, variant.font)
    default_rpr.find(qn("w:lang")).set(qn("w:val"), "nl-NL")
    normal = document.styles["Normal"]
    normal.font.size = Pt(variant.size)
    set_font(normal.element.get_or_add_rPr(), variant.font)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(variant.space_after)
    normal.paragraph_format.line_spacing = variant.line_spacing


def set_up_page(document: DocxDocument, variant: Variant) -> None:
    """A4 (or US Letter) in the variant's orientation, room at the top for the title block."""
    section = document.sections[0]
    long_side, short_side = PAPER[variant.paper]
    if variant.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = long_side, short_side
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = short_side, long_side
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin, section.bottom_margin = Cm(3.4), Cm(2.0)
    section.header_distance = Cm(1.0)


def add_run(
    paragraph: DocxParagraph, text: str, variant: Variant, italic: bool = False, bold: bool = False
) -> DocxRun:
    """A run in the variant's font; italic and bold only where set, so styles stay plain."""
    run = paragraph.add_run(text)
    set_font(run._r.get_or_add_rPr(), variant.font)
    run.italic = italic or None
    run.bold = bold or None
    return run


def write_title_line(
    paragraph: DocxParagraph, heading: list[Paragraph], index: int, variant: Variant
) -> None:
    """Line ``index`` of the title block: title and plan in bold capitals, then the date."""
    paragraph.paragraph_format.space_after = Pt(0 if index < len(heading) - 1 else 6)
    run = add_run(paragraph, heading[index].text, variant, bold=index < 2)
    run.font.size = Pt(variant.size + (3 if index == 0 else 1))


def write_header(document: DocxDocument, heading: list[Paragraph], variant: Variant) -> None:
    """The title block in the page header."""
    header = document.sections[0].header
    header.is_linked_to_previous = False
    for index in range(len(heading)):
        paragraph = header.paragraphs[0] if index == 0 else header.add_paragraph()
        write_title_line(paragraph, heading, index, variant)


def fill_cell(cell: _Cell, source: Cell, variant: Variant, bold: bool = False) -> None:
    """One docx paragraph per grid paragraph, runs keeping italic and bold."""
    for index, source_paragraph in enumerate(source.paragraphs):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        if source_paragraph.text.startswith(LIST_GLYPHS):
            paragraph.paragraph_format.left_indent = Cm(0.35)
            paragraph.paragraph_format.first_line_indent = Cm(-0.35)
        for run in source_paragraph.runs:
            add_run(paragraph, run.text, variant, italic=run.italic, bold=run.bold or bold)


def fill_text(cell: _Cell, text: str, variant: Variant) -> None:
    add_run(cell.paragraphs[0], text, variant, bold=True)


def repeat_as_header(row: _Row) -> None:
    """Mark ``row`` as a header row that Word and LibreOffice repeat on every page."""
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)


def shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def set_borders(table: Table, ruled_edges: tuple[str, ...]) -> None:
    """Single thin rules on ``ruled_edges`` of the table, none on the other edges."""
    borders = OxmlElement("w:tblBorders")
    for edge in ALL_EDGES:
        element = OxmlElement(f"w:{edge}")
        if edge in ruled_edges:
            element.set(qn("w:val"), "single")
            element.set(qn("w:sz"), "4")
            element.set(qn("w:space"), "0")
            element.set(qn("w:color"), "000000")
        else:
            element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def set_cell_margins(table: Table, margin_cm: float | None) -> None:
    """The same margin on every side of every cell (w:tblCellMar), if one is given."""
    if margin_cm is None:
        return
    margins = OxmlElement("w:tblCellMar")
    for edge in ("top", "left", "bottom", "right"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(round(margin_cm * 567)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    table._tbl.tblPr.append(margins)


def set_widths(table: Table, widths_cm: tuple[float, ...]) -> None:
    """Fixed column widths, on the grid and on every cell as Word expects."""
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)


def write_table(document: DocxDocument, track: TrackTable, variant: Variant) -> None:
    """The track's table: track row and column header row repeated, then the item rows."""
    table = document.add_table(rows=2 + len(track.rows), cols=5)
    set_borders(table, variant.ruled_edges)
    set_cell_margins(table, variant.cell_margin_cm)
    set_widths(table, variant.column_widths_cm)
    track_row, header_row, *item_rows = table.rows
    title_cell = track_row.cells[0].merge(track_row.cells[-1])
    fill_text(title_cell, track.title, variant)
    if track.header is not None:
        for cell, source in zip(header_row.cells, track.header.cells, strict=True):
            if not source.is_empty:
                fill_text(cell, source.text, variant)
    if variant.repeat_header_row:
        for row in (track_row, header_row):
            repeat_as_header(row)
    if variant.shading:
        shade(title_cell, variant.shading)
    for row, source in zip(item_rows, track.rows, strict=True):
        for cell, source_cell in zip(row.cells, source.cells, strict=True):
            fill_cell(cell, source_cell, variant)


def page_break(document: DocxDocument) -> None:
    """A near-invisible paragraph that starts a new page, keeping two tables apart."""
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.page_break_before = True
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = Pt(1)


def write_title_block(document: DocxDocument, heading: list[Paragraph], variant: Variant) -> None:
    """The title block as the first paragraphs of the body, set as in the page header."""
    for index in range(len(heading)):
        write_title_line(document.add_paragraph(), heading, index, variant)


def write_track_heading(document: DocxDocument, track: TrackTable, variant: Variant) -> None:
    """The track heading as a bold paragraph of its own, kept with the table below it."""
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(variant.size)
    paragraph.paragraph_format.keep_with_next = True
    add_run(paragraph, track.title, variant, bold=True)


def write_track_table(document: DocxDocument, track: TrackTable, variant: Variant) -> None:
    """The track's table without a track row: the column header row repeated, the item rows."""
    table = document.add_table(rows=1 + len(track.rows), cols=5)
    set_borders(table, variant.ruled_edges)
    set_cell_margins(table, variant.cell_margin_cm)
    set_widths(table, variant.column_widths_cm)
    header_row, *item_rows = table.rows
    if track.header is not None:
        for cell, source in zip(header_row.cells, track.header.cells, strict=True):
            if not source.is_empty:
                fill_text(cell, source.text, variant)
    if variant.repeat_header_row:
        repeat_as_header(header_row)
    for row, source in zip(item_rows, track.rows, strict=True):
        for cell, source_cell in zip(row.cells, source.cells, strict=True):
            fill_cell(cell, source_cell, variant)


# Page furniture


def add_field(paragraph: DocxParagraph, instruction: str, variant: Variant) -> None:
    """A Word field (``PAGE``, ``NUMPAGES``) in one run: begin, instruction, separate, a cached
    result of 1, end. LibreOffice computes the field again when it prints."""
    run = add_run(paragraph, "", variant)
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1")):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText" if text == instruction else "w:t")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run._r.append(end)


def add_page_number(paragraph: DocxParagraph, style: str, variant: Variant) -> None:
    """``Pagina N van M`` or ``- N -``, the numbers as fields."""
    if style == "pagina":
        add_run(paragraph, "Pagina ", variant)
        add_field(paragraph, "PAGE", variant)
        add_run(paragraph, " van ", variant)
        add_field(paragraph, "NUMPAGES", variant)
    elif style == "dash":
        add_run(paragraph, "- ", variant)
        add_field(paragraph, "PAGE", variant)
        add_run(paragraph, " -", variant)
    else:
        raise ValueError(f"unknown page number style {style!r}")


def right_tab(paragraph: DocxParagraph, variant: Variant) -> None:
    """One tab stop, right-aligned at the right margin; the style's own (Header and Footer
    have a centre and a right one) cleared."""
    tab_stops = paragraph.paragraph_format.tab_stops
    for inherited in paragraph.style.paragraph_format.tab_stops:
        tab_stops.add_tab_stop(inherited.position, WD_TAB_ALIGNMENT.CLEAR)
    page_width = 29.7 if variant.landscape else 21.0
    tab_stops.add_tab_stop(Cm(page_width - 4.0), WD_TAB_ALIGNMENT.RIGHT)


def write_furniture(document: DocxDocument, variant: Variant, title: str) -> None:
    """The running header's mark and title and the footer's page number and date.

    With the title block in the page header (repeated-heading tables) the mark goes above it
    and the title block is the title; otherwise a short title line is written with the mark.
    """
    furniture = variant.furniture
    assert furniture is not None
    small = variant.size - 1
    section = document.sections[0]
    header, footer = section.header, section.footer
    header.is_linked_to_previous = footer.is_linked_to_previous = False
    first = header.paragraphs[0]
    if variant.tables == "repeated-heading":
        mark = first.insert_paragraph_before() if first.text else first
        mark.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        mark.paragraph_format.space_after = Pt(4)
        add_run(mark, furniture.mark, variant, bold=True).font.size = Pt(small)
    elif furniture.one_line:
        right_tab(first, variant)
        first.paragraph_format.space_after = Pt(0)
        add_run(first, f"{title}\t{furniture.mark}", variant).font.size = Pt(small)
    else:
        first.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        add_run(first, furniture.mark, variant, bold=True).font.size = Pt(small)
        add_run(header.add_paragraph(), title, variant).font.size = Pt(small)

    line = footer.paragraphs[0]
    line.paragraph_format.space_after = Pt(0)
    if furniture.one_line:
        right_tab(line, variant)
        add_run(line, f"{furniture.date or ''}\t", variant)
        add_page_number(line, furniture.footer, variant)
    else:
        line.alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_page_number(line, furniture.footer, variant)
        if furniture.date:
            add_run(footer.add_paragraph(), furniture.date, variant)
    for paragraph in footer.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(small)


def write_lines(part: BlockItemContainer, lines: tuple[Line, ...], variant: Variant) -> None:
    """``lines`` as paragraphs of a header or footer, the first in its empty first paragraph."""
    for index, line in enumerate(lines):
        paragraph = part.paragraphs[0] if index == 0 else part.add_paragraph()
        paragraph.alignment = ALIGNMENTS[line.align]
        paragraph.paragraph_format.space_after = Pt(0)
        for piece in re.split(r"(\{PAGE\}|\{NUMPAGES\})", line.text):
            if piece in ("{PAGE}", "{NUMPAGES}"):
                add_field(paragraph, piece.strip("{}"), variant)
            elif piece:
                add_run(paragraph, piece, variant, bold=line.bold)
        for run in paragraph.runs:
            run.font.size = Pt(variant.size - 1)


def write_page_lines(document: DocxDocument, heading: list[Paragraph], variant: Variant) -> None:
    """The variant's header and footer lines, page 1's own if it has a different first page;
    with repeated-heading tables the title block below the header lines on every page."""
    lines = variant.page_lines
    assert lines is not None
    section = document.sections[0]
    parts = [(section.header, lines.header, True), (section.footer, lines.footer, False)]
    if lines.different_first_page:
        section.different_first_page_header_footer = True
        parts += [
            (section.first_page_header, lines.first_header or (), True),
            (section.first_page_footer, lines.first_footer or (), False),
        ]
    for part, part_lines, is_header in parts:
        part.is_linked_to_previous = False
        write_lines(part, part_lines, variant)
        if is_header and variant.tables == "repeated-heading":
            for index in range(len(heading)):
                fresh = index == 0 and not part_lines
                paragraph = part.paragraphs[0] if fresh else part.add_paragraph()
                write_title_line(paragraph, heading, index, variant)


def build(pages: list[Page], variant: Variant) -> DocxDocument:
    document = Document()
    document.core_properties.title = "Voortgangsrapportage 2009"
    document.core_properties.author = "voortgang"
    set_up_styles(document, variant)
    set_up_page(document, variant)
    heading = heading_paragraphs(pages[0])
    if variant.tables == "repeated-heading":
        if variant.page_lines is None:
            write_header(document, heading, variant)
        for index, track in enumerate(track_tables(pages)):
            if index:
                page_break(document)
            write_table(document, track, variant)
    elif variant.tables == "per-track-paragraph":
        write_title_block(document, heading, variant)
        for track in track_tables(pages):
            write_track_heading(document, track, variant)
            write_track_table(document, track, variant)
    else:
        raise ValueError(f"unknown tables {variant.tables!r}")
    if variant.furniture is not None:
        write_furniture(document, variant, document.core_properties.title)
    if variant.page_lines is not None:
        write_page_lines(document, heading, variant)
    return document


# Converting with LibreOffice


def convert(document: Path, target: str, outdir: Path, profile: Path) -> Path:
    """LibreOffice's conversion of ``document`` to ``target`` ("pdf", "html") in ``outdir``."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("soffice not found: install libreoffice-writer-nogui")
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            str(document),
        ],
        check=True,
        capture_output=True,
    )
    return outdir / f"{document.stem}.{target}"


def make(outdir: Path, only: list[str] | None = None) -> list[Path]:
    """Build, convert and copy every variant (or those named in ``only``) to ``outdir``; the
    files written there."""
    chosen = [variant for variant in VARIANTS if not only or variant.name in only]
    unknown = set(only or ()) - {variant.name for variant in VARIANTS}
    if unknown:
        raise SystemExit(f"no such variant: {', '.join(sorted(unknown))}")
    pages = list(read_text(SOURCE.read_bytes()))
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="voortgang-docx-") as temp:
        build_dir, profile = Path(temp) / "build", Path(temp) / "lo-profile"
        build_dir.mkdir()
        for variant in chosen:
            document = build_dir / f"{variant.stem}.docx"
            build(pages, variant).save(str(document))
            results = {document.name: document}
            results[f"{variant.stem}.pdf"] = convert(document, "pdf", build_dir, profile)
            if variant.export_html:
                results[HTML_NAME] = convert(document, "html", build_dir, profile)
            for name, result in results.items():
                written.append(Path(shutil.copyfile(result, outdir / name)))
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "outdir", nargs="?", type=Path, default=REPO / "samples", help="default: samples/"
    )
    parser.add_argument(
        "--only",
        nargs="+",
        metavar="NAME",
        choices=[variant.name for variant in VARIANTS],
        help="make only these variants",
    )
    options = parser.parse_args()
    for path in make(options.outdir, options.only):
        print(path)


if __name__ == "__main__":
    main()
