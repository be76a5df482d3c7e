"""A Word document's body, page headers and footers as the grid.

A DOCX has no pages, only what Word lays out when it prints: the whole document is one
``Page(number=None)``, as an HTML file without page breaks is. Its rows, in reading order:

- the page header parts' paragraphs (page 1's own first, where the section has a different
  first page; then the default one, then the even pages' where the document has them), as
  text outside the table: a title block set in the page header is the report's heading, as a
  PDF's running lines are, and never table content (a table in a header is read as its
  paragraphs);
- the body: a paragraph between tables as text outside the table (a ``SPOOR n: …`` heading),
  with its type size relative to the ordinary text (``w:sz`` through the styles); each table
  row as a row, a cell spanning columns (``w:gridSpan``) followed by empty cells, as an HTML
  ``colspan`` is, a cell merged into the one above (``w:vMerge``) read as the (empty) cell it
  is; a row repeated by Word on each page (``w:tblHeader``) stands once in the file and is
  read once, a header row typed again on each page is read each time; a table nested in a
  cell is read into that cell, row by row;
- the page footer parts, as text outside the table.

A paragraph's runs are read by ``paragraphs.py``; a paragraph whose mark Word tracks as
deleted runs on into the next, and a table row deleted is not read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from voortgang.errors import InputError
from voortgang.parse.docx.numbering import Numbering
from voortgang.parse.docx.package import MAIN_PART, Package, damaged
from voortgang.parse.docx.paragraphs import (
    SDT,
    SDT_CONTENT,
    TBL,
    TC,
    TR,
    TRANSPARENT,
    Collected,
    P,
    Story,
    flag,
    mark_deleted,
    number_of,
    read_paragraph,
)
from voortgang.parse.docx.styles import Properties, Styles
from voortgang.parse.grid import Cell, Page, Paragraph, Row

# Word's limit is 63 columns: a span past it is damage, not a table.
MAX_GRID_SPAN = 64
HEADER_KINDS = ("first", "default", "even")
# Word's "Strict Open XML Document": the same markup in other namespaces, not read.
STRICT_NAMESPACE = "http://purl.oclc.org/ooxml/wordprocessingml/main"


def _box_paragraphs(box: etree._Element, story: Story) -> Iterator[Paragraph]:
    """The paragraphs of a text box, its tables' cells' among them: read as a cell's are."""
    return cell_paragraphs(box, story, {})


def _children(element: etree._Element, tag: str) -> Iterator[etree._Element]:
    """The ``tag`` children of ``element``, also those inside content controls and other
    wrappers (``w:sdt``, ``w:customXml``, ``w:ins``); none inside deleted ones."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag in TRANSPARENT:
            yield from _children(child, tag)


@dataclass
class Block:
    """A paragraph's paragraphs (``table`` None) or a table, in a container's order."""

    paragraphs: list[tuple[Paragraph, float]] = field(default_factory=list)
    table: etree._Element | None = None


def _blocks(container: etree._Element, story: Story, table_layer: Properties) -> Iterator[Block]:
    """The paragraphs and tables of ``container`` in order. A paragraph whose mark Word
    tracks as deleted (``w:pPr/w:rPr/w:del``) runs on into the next, as it reads once the
    change is accepted."""
    carried = Collected()
    for child in _block_elements(container):
        if child.tag == TBL:
            carried.end()
            if carried.done:
                yield Block(carried.done)
                carried = Collected()
            yield Block(table=child)
        elif not mark_deleted(child):
            yield Block(read_paragraph(child, story, table_layer, carried))
            carried = Collected()
        else:
            read_paragraph(child, story, table_layer, carried)
    carried.end()
    if carried.done:
        yield Block(carried.done)


def _block_elements(container: etree._Element) -> Iterator[etree._Element]:
    """The ``w:p`` and ``w:tbl`` in ``container``, also inside content controls."""
    for child in container:
        if child.tag in (P, TBL):
            yield child
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _block_elements(content)
        elif child.tag in TRANSPARENT:
            yield from _block_elements(child)


def _table_layer(table: etree._Element, styles: Styles) -> Properties:
    style = table.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
    return styles.properties(None if style is None else style.get(qn("w:val")))


def _span(element: etree._Element | None, tag: str, default: int) -> int:
    found = None if element is None else element.find(qn(tag))
    return min(max(number_of(found, default), 0), MAX_GRID_SPAN)


def read_table(table: etree._Element, story: Story) -> Iterator[Row]:
    """The rows of a ``w:tbl``; a row deleted in tracked changes is not read."""
    layer = _table_layer(table, story.styles)
    for tr in _children(table, TR):
        trpr = tr.find(qn("w:trPr"))
        if trpr is not None and trpr.find(qn("w:del")) is not None:
            continue
        cells = [Cell()] * _span(trpr, "w:gridBefore", 0)
        for tc in _children(tr, TC):
            cells.append(Cell(tuple(cell_paragraphs(tc, story, layer))))
            tcpr = tc.find(qn("w:tcPr"))
            cells += [Cell()] * (max(_span(tcpr, "w:gridSpan", 1), 1) - 1)
        cells += [Cell()] * _span(trpr, "w:gridAfter", 0)
        yield Row(tuple(cells))


def cell_paragraphs(tc: etree._Element, story: Story, layer: Properties) -> Iterator[Paragraph]:
    """A cell's paragraphs, those of a table nested in it row by row, cell by cell."""
    for block in _blocks(tc, story, layer):
        if block.table is None:
            yield from (p for p, _ in block.paragraphs)
        else:
            for row in read_table(block.table, story):
                for cell in row.cells:
                    yield from cell.paragraphs


def text_rows(container: etree._Element, story: Story, tables: bool) -> Iterator[Row]:
    """The rows of a part: paragraphs as text outside the table, tables as rows (``tables``)
    or as their paragraphs, outside the table too (a page header's)."""
    for block in _blocks(container, story, {}):
        if block.table is None:
            for found, size in block.paragraphs:
                relative = round(size / story.base_size, 3) if size and story.base_size else None
                yield Row((Cell((found,)),), in_table=False, size=relative)
        elif tables:
            yield from read_table(block.table, story)
        else:
            for row in read_table(block.table, story):
                for cell in row.cells:
                    for found in cell.paragraphs:
                        yield Row((Cell((found,)),), in_table=False)


def _page_parts(
    body: etree._Element, targets: dict[str, tuple[str, str]], even: bool
) -> tuple[list[str], list[str]]:
    """The header and footer parts the sections print, headers in the order page 1 shows
    them; each part once."""
    headers: list[str] = []
    footers: list[str] = []
    for sect in body.iter(qn("w:sectPr")):
        first = flag(sect.find(qn("w:titlePg")))
        for kind in HEADER_KINDS:
            if (kind == "first" and not first) or (kind == "even" and not even):
                continue
            for tag, found in (("w:headerReference", headers), ("w:footerReference", footers)):
                for ref in sect.iter(qn(tag)):
                    target = targets.get(ref.get(qn("r:id"), ""))
                    kind_of = ref.get(qn("w:type")) or "default"
                    if kind_of == kind and target and target[1] not in found:
                        found.append(target[1])
    return headers, footers


def _part(
    package: Package, targets: dict[str, tuple[str, str]], kind: str
) -> etree._Element | None:
    name = next((target for rel_type, target in targets.values() if rel_type == kind), None)
    return package.xml(name) if name and package.has(name) else None


def read_docx(data: bytes) -> Iterator[Page]:
    """The document as one page of rows: page headers, body, page footers."""
    package = Package(data)
    document = package.xml(MAIN_PART)
    if etree.QName(document).namespace == STRICT_NAMESPACE:
        raise InputError(
            "a Word document in Strict Open XML, which voortgang does not read;"
            " save it as a Word Document (.docx)"
        )
    body = document.find(qn("w:body"))
    if body is None:
        raise damaged(f"{MAIN_PART} has no body")
    targets = package.relationships(MAIN_PART)
    styles = Styles(_part(package, targets, RT.STYLES))
    numbering = Numbering(_part(package, targets, RT.NUMBERING), styles)
    settings = _part(package, targets, RT.SETTINGS)
    even = settings is not None and flag(settings.find(qn("w:evenAndOddHeaders")))
    base = styles.base_size()
    headers, footers = _page_parts(body, targets, even)

    def story() -> Story:
        return Story(styles, numbering.fresh(), base, read_box=_box_paragraphs)

    rows: list[Row] = []
    for name in headers:
        rows += text_rows(package.xml(name), story(), tables=False)
    rows += text_rows(body, Story(styles, numbering, base, _box_paragraphs), tables=True)
    for name in footers:
        rows += text_rows(package.xml(name), story(), tables=False)
    yield Page(None, tuple(rows))
