"""Test helpers that write Word documents: a grid as Word would hold it, and raw OOXML.

``render_docx`` and ``render_docx_tracks`` write the grid the readers emit as a DOCX made with
python-docx, the way a report is typed in Word, so that generated reports round-trip through
the DOCX reader as through the others:

- ``render_docx``: the title block in the page header; one table for the whole report, every
  page's track row and column header row typed again where the page began (the first ones
  marked to repeat, ``w:tblHeader``), a track row one cell merged across the columns
  (``w:gridSpan``); sub-item labels and list glyphs drawn by Word's list numbering
  (``w:numPr`` and ``numbering.xml``, a list restarted where the labels do), not typed;
  italics as direct formatting.
- ``render_docx_tracks``: the title block in the body; a table per track under its ``SPOOR n``
  heading paragraph, its header row once, marked to repeat; labels typed; italics through a
  paragraph style where a whole paragraph is italic (its plain runs switched off with
  ``<w:i w:val="0"/>``) and a character style elsewhere.

``package`` writes a DOCX from raw XML parts, for what python-docx cannot make.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from voortgang.parse.grid import Cell, Page, Row, Run

from renderings import heading_rows, is_spanning, table_rows

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
# A label Word's numbering can draw: a letter with a dot, or a number with or without one.
LABEL = re.compile(r"^(?:([a-z])\.|(\d{1,2})(\.?)) ")
GLYPHS = {"• ": ("\uf0b7", "Symbol"), "- ": ("-", None)}
TITLE_SIZES = (14, 12, 12)


# -- raw packages ------------------------------------------------------------------------------

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""
PACKAGE_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="word/document.xml"
 Type="{R_NS}/officeDocument"/>
</Relationships>"""
PART_TYPES = {
    "styles": "styles.xml",
    "numbering": "numbering.xml",
    "comments": "comments.xml",
    "settings": "settings.xml",
}


def part(root: str, content: str) -> str:
    """An XML part: ``content`` inside a ``root`` element with the w and r namespaces."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:{root} xmlns:w="{W_NS}" xmlns:r="{R_NS}">{content}</w:{root}>'
    )


def package(
    body: str,
    *,
    styles: str | None = None,
    numbering: str | None = None,
    comments: str | None = None,
    headers: Iterable[tuple[str, str]] = (),
    footers: Iterable[tuple[str, str]] = (),
    title_page: bool = False,
) -> bytes:
    """A DOCX of raw parts: ``body`` the inside of ``w:body``; ``styles``, ``numbering`` and
    ``comments`` the inside of their parts' roots; ``headers`` and ``footers`` (kind, content)
    pairs, kind ``default``, ``first`` or ``even``, each referenced from the body's section
    (``title_page``: with Word's different first page)."""
    parts: dict[str, str] = {}
    relationships: list[tuple[str, str, str]] = []  # id, type, target
    for name, content in (("styles", styles), ("numbering", numbering), ("comments", comments)):
        if content is not None:
            root = {"comments": "comments"}.get(name, name)
            parts[f"word/{PART_TYPES[name]}"] = part(root, content)
            relationships.append((f"rId{len(relationships) + 1}", name, PART_TYPES[name]))
    references = []
    for kind_of_part, entries in (("header", headers), ("footer", footers)):
        root = "hdr" if kind_of_part == "header" else "ftr"
        for index, (kind, content) in enumerate(entries, start=1):
            target = f"{kind_of_part}{index}.xml"
            parts[f"word/{target}"] = part(root, content)
            rid = f"rId{len(relationships) + 1}"
            relationships.append((rid, kind_of_part, target))
            references.append(f'<w:{kind_of_part}Reference w:type="{kind}" r:id="{rid}"/>')
    section = "".join(references) + ("<w:titlePg/>" if title_page else "")
    parts["word/document.xml"] = part(
        "document", f"<w:body>{body}<w:sectPr>{section}</w:sectPr></w:body>"
    )
    rels = "".join(
        f'<Relationship Id="{rid}" Type="{R_NS}/{kind}" Target="{target}"/>'
        for rid, kind, target in relationships
    )
    parts["word/_rels/document.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{rels}</Relationships>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", PACKAGE_RELS)
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def p(*runs: str, ppr: str = "") -> str:
    """A ``w:p`` of raw runs (each a ``w:r``'s XML or plain text for a plain run)."""
    inner = "".join(run if run.startswith("<") else r(run) for run in runs)
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{inner}</w:p>"


def r(text: str, rpr: str = "") -> str:
    """A ``w:r`` holding ``text``, with the run properties ``rpr``."""
    return (
        f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'
    )


def tc(*paragraphs: str, tcpr: str = "") -> str:
    properties = f"<w:tcPr>{tcpr}</w:tcPr>" if tcpr else ""
    return f"<w:tc>{properties}{''.join(paragraphs) or '<w:p/>'}</w:tc>"


def tr(*cells: str, trpr: str = "") -> str:
    return f"<w:tr>{f'<w:trPr>{trpr}</w:trPr>' if trpr else ''}{''.join(cells)}</w:tr>"


def tbl(*rows: str) -> str:
    grid = "".join('<w:gridCol w:w="1000"/>' for _ in range(5))
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def header_row(trpr: str = "") -> str:
    """The report's column header row."""
    names = ("", "Resultaat", "Deadline", "Trekker", "Stand van zaken")
    return tr(*(tc(p(name) if name else "") for name in names), trpr=trpr)


def item_row(number: str, result: str | list[str], deadline: str, lead: str, status: str) -> str:
    """An item's row; ``result`` a plain text or a list of raw paragraphs."""
    results = [p(result)] if isinstance(result, str) else result
    return tr(
        tc(p(number) if number else ""),
        tc(*results),
        tc(p(deadline) if deadline else ""),
        tc(p(lead) if lead else ""),
        tc(p(status) if status else ""),
    )


def track_row(text: str) -> str:
    """A track row: one cell merged across the five columns."""
    return tr(tc(p(text), tcpr='<w:gridSpan w:val="5"/>'))


# -- the grid as Word holds it -----------------------------------------------------------------


class _Lists:
    """Word lists in a python-docx document's numbering part: one abstract definition per kind
    of label, one ``w:num`` per list, restarted (a new ``w:num`` with ``w:startOverride``)
    where a label does not follow the one before."""

    def __init__(self, document: DocxDocument) -> None:
        self.numbering = document.part.numbering_part.element
        self.abstract: dict[tuple[str, str, str | None], int] = {}
        self.current: dict[tuple[str, str, str | None], tuple[int, int]] = {}  # num id, value
        self.next_id = 100

    def _abstract(self, fmt: str, text: str, font: str | None, suffix: str) -> int:
        key = (fmt, text, font)
        if key not in self.abstract:
            number = self.next_id = self.next_id + 1
            fonts = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>' if font else ""
            element = parse_xml(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{number}">'
                f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:suff w:val="{suffix}"/><w:lvlText w:val="{text}"/>{fonts}</w:lvl>'
                "</w:abstractNum>"
            )
            first_num = self.numbering.find(qn("w:num"))
            if first_num is None:
                self.numbering.append(element)
            else:
                first_num.addprevious(element)
            self.abstract[key] = number
        return self.abstract[key]

    def _new_num(self, abstract: int, start: int) -> int:
        number = self.next_id = self.next_id + 1
        self.numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{number}"><w:abstractNumId w:val="{abstract}"/>'
                f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
                "</w:num>"
            )
        )
        return number

    def number(
        self, fmt: str, text: str, value: int, font: str | None = None, suffix: str = "tab"
    ) -> int:
        """The numId of the list whose next label has ``value``: the current one, or a new
        one restarted at ``value``."""
        key = (fmt, text, font)
        num, last = self.current.get(key, (0, -1))
        if last + 1 != value or fmt == "bullet":
            num = self._new_num(self._abstract(fmt, text, font, suffix), value)
        self.current[key] = (num, value)
        return num


def _numbered(paragraph: DocxParagraph, num: int, italic: bool) -> None:
    """``paragraph`` numbered by list ``num``; its label italic where ``italic``."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>')
    )
    if italic:
        ppr.append(parse_xml(f"<w:rPr {nsdecls('w')}><w:i/></w:rPr>"))


def _drawn_label(runs: tuple[Run, ...], lists: _Lists, paragraph: DocxParagraph) -> tuple[Run, ...]:
    """Where ``runs`` begin with a label or glyph Word's numbering can draw, number
    ``paragraph`` for it and return the runs without it; else the runs as they are."""
    if not runs:
        return runs
    first = runs[0]
    for glyph, (text, font) in GLYPHS.items():
        if first.text.startswith(glyph) and not first.italic:
            _numbered(paragraph, lists.number("bullet", text, 0, font), False)
            return (Run(first.text[len(glyph) :], first.italic, first.bold), *runs[1:])
    match = LABEL.match(first.text)
    if match is None:
        return runs
    letter, digits, dot = match.groups()
    if letter:
        num = lists.number("lowerLetter", "%1.", ord(letter) - ord("a") + 1)
    else:
        num = lists.number("decimal", f"%1{dot}", int(digits), suffix="tab" if dot else "space")
    _numbered(paragraph, num, first.italic)
    rest = Run(first.text[match.end() :], first.italic, first.bold)
    return (rest, *runs[1:]) if rest.text else runs[1:]


def _add_runs(paragraph: DocxParagraph, runs: Iterable[Run], character_italic: bool) -> None:
    """Runs with direct formatting; with ``character_italic``, italics by character style."""
    for run in runs:
        added = paragraph.add_run(run.text)
        added.bold = run.bold or None
        if run.italic and character_italic:
            added.style = "Nadruk"
        else:
            added.italic = run.italic or None


def _fill(cell: _Cell, source: Cell, lists: _Lists | None, styled: bool = False) -> None:
    """A grid cell's paragraphs into a Word cell; with ``lists``, labels drawn by numbering;
    ``styled``, italics by paragraph and character styles."""
    for index, source_paragraph in enumerate(source.paragraphs):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        runs = source_paragraph.runs
        if lists is not None:
            runs = _drawn_label(runs, lists, paragraph)
        if styled and runs and all(run.italic for run in runs):
            paragraph.style = "Cursief"
            for run in runs:
                added = paragraph.add_run(run.text)
                added.bold = run.bold or None
            continue
        if styled and index % 2 and any(run.italic for run in runs):
            paragraph.style = "Cursief"
            for run in runs:
                added = paragraph.add_run(run.text)
                added.bold = run.bold or None
                added.italic = run.italic  # w:i w:val="0" on the plain runs
            continue
        _add_runs(paragraph, runs, character_italic=styled)


def _repeat(row) -> None:
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def _new_document() -> DocxDocument:
    document = Document()
    document.styles.add_style("Nadruk", WD_STYLE_TYPE.CHARACTER).font.italic = True
    cursief = document.styles.add_style("Cursief", WD_STYLE_TYPE.PARAGRAPH)
    cursief.base_style = document.styles["Normal"]
    cursief.font.italic = True
    return document


def _title_block(container, rows: list[Row]) -> None:
    """The title block: the first line largest and bold, as a title block is set."""
    for index, row in enumerate(rows):
        empty = index == 0 and container.paragraphs and not container.paragraphs[0].text
        paragraph = container.paragraphs[0] if empty else container.add_paragraph()
        run = paragraph.add_run(row.cells[0].text)
        run.bold = index < 2 or None
        run.font.size = Pt(TITLE_SIZES[min(index, len(TITLE_SIZES) - 1)])


def _save(document: DocxDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def render_docx(pages: list[Page]) -> bytes:
    """One table, the title block in the page header, labels drawn by list numbering."""
    document = _new_document()
    lists = _Lists(document)
    header = document.sections[0].header
    header.is_linked_to_previous = False
    _title_block(header, heading_rows(pages[0]))
    rows = [row for page in pages for row in table_rows(page)]
    table = document.add_table(rows=0, cols=_columns(rows))
    for index, source in enumerate(rows):
        row = table.add_row()
        if index < 2:
            _repeat(row)
        if is_spanning(source):
            merged = row.cells[0].merge(row.cells[-1])
            _fill(merged, source.cells[0], None)
            continue
        for column, (cell, source_cell) in enumerate(zip(row.cells, source.cells, strict=True)):
            _fill(cell, source_cell, lists if column > 0 else None)
    return _save(document)


def _columns(rows: list[Row]) -> int:
    """How many columns the table has: as many as its rows of cells (a report of the family
    may have four, or six)."""
    return max(len(row.cells) for row in rows if not is_spanning(row))


def render_docx_tracks(pages: list[Page]) -> bytes:
    """A table per track under its SPOOR paragraph; the title block in the body."""
    document = _new_document()
    _title_block(document, heading_rows(pages[0]))
    table = None
    seen_track = None
    rows = [row for page in pages for row in table_rows(page)]
    header = next((row.cells for row in rows if not is_spanning(row)), ())
    for source in rows:
        if is_spanning(source):
            if source.cells[0].text != seen_track:
                seen_track = source.cells[0].text
                document.add_paragraph().add_run(seen_track).bold = True
                table = document.add_table(rows=0, cols=_columns(rows))
                table.style = None
            continue
        assert table is not None
        is_header = source.cells == header
        if is_header and len(table.rows):
            continue  # typed once; Word repeats it
        row = table.add_row()
        if is_header:
            _repeat(row)
        for cell, source_cell in zip(row.cells, source.cells, strict=True):
            _fill(cell, source_cell, None, styled=True)
    return _save(document)
