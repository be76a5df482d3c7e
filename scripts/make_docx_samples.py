"""Rebuild the 2009 report as the Word document it was, and convert it with LibreOffice.

    python scripts/make_docx_samples.py [OUTPUT_DIR]

The content comes from the converter's text rendition, samples/voortgangsrapportage-2009.txt,
read with voortgang's own text reader. Each variant is a .docx made with python-docx: the
title block in the page header, one table per track (SPOOR 1, 2, 3) whose first two rows, the
track row and the column header row, repeat on every page, and one table row per row of the
text rendition, with its paragraphs, italics and bold. LibreOffice headless then prints each
document to PDF, and exports the landscape one to HTML as well.

Written to OUTPUT_DIR (default: samples/), for each variant NAME:

    voortgangsrapportage-2009-NAME.docx     the Word document
    voortgangsrapportage-2009-NAME.pdf      LibreOffice's PDF of it
    voortgangsrapportage-2009-libreoffice.html   LibreOffice's HTML export of landscape-ruled

Variants: landscape-ruled (Liberation Sans 9 pt, every cell ruled), portrait-plain
(Liberation Serif 10 pt, no borders at all), portrait-carlito (Carlito 10 pt, horizontal
rules only), landscape-mono (Liberation Mono 9 pt, every cell ruled: spaces 0.6 em wide) and
portrait-narrow (Liberation Sans Narrow 10 pt, every cell ruled, narrow columns).

Needs the dev extra (``pip install -e '.[dev]'``) and, on Debian, the packages
``libreoffice-writer-nogui`` and ``fonts-liberation`` (``fonts-crosextra-carlito`` for the
Carlito variant).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
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
THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


@dataclass(frozen=True)
class Variant:
    """One way to typeset the report."""

    name: str
    landscape: bool
    font: str
    size: float
    ruled_edges: tuple[str, ...]
    column_widths_cm: tuple[float, float, float, float, float]
    shading: str | None = None
    export_html: bool = False

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
    normal.paragraph_format.space_after = Pt(3)
    normal.paragraph_format.line_spacing = 1.0


def set_up_page(document: DocxDocument, variant: Variant) -> None:
    """A4 in the variant's orientation, room at the top for the title block."""
    section = document.sections[0]
    long_side, short_side = Cm(29.7), Cm(21.0)
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


def write_header(document: DocxDocument, heading: list[Paragraph], variant: Variant) -> None:
    """The title block in the page header: title and plan in bold capitals, then the date."""
    header = document.sections[0].header
    header.is_linked_to_previous = False
    for index, source in enumerate(heading):
        paragraph = header.paragraphs[0] if index == 0 else header.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0 if index < len(heading) - 1 else 6)
        run = add_run(paragraph, source.text, variant, bold=index < 2)
        run.font.size = Pt(variant.size + (3 if index == 0 else 1))


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
    set_widths(table, variant.column_widths_cm)
    track_row, header_row, *item_rows = table.rows
    title_cell = track_row.cells[0].merge(track_row.cells[-1])
    fill_text(title_cell, track.title, variant)
    if track.header is not None:
        for cell, source in zip(header_row.cells, track.header.cells, strict=True):
            if not source.is_empty:
                fill_text(cell, source.text, variant)
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


def build(pages: list[Page], variant: Variant) -> DocxDocument:
    document = Document()
    document.core_properties.title = "Voortgangsrapportage 2009"
    document.core_properties.author = "voortgang"
    set_up_styles(document, variant)
    set_up_page(document, variant)
    write_header(document, heading_paragraphs(pages[0]), variant)
    for index, track in enumerate(track_tables(pages)):
        if index:
            page_break(document)
        write_table(document, track, variant)
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


def make(outdir: Path) -> list[Path]:
    """Build, convert and copy every variant to ``outdir``; the files written there."""
    pages = list(read_text(SOURCE.read_bytes()))
    outdir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="voortgang-docx-") as temp:
        build_dir, profile = Path(temp) / "build", Path(temp) / "lo-profile"
        build_dir.mkdir()
        for variant in VARIANTS:
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
    for path in make(parser.parse_args().outdir):
        print(path)


if __name__ == "__main__":
    main()
