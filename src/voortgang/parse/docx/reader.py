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

Within a paragraph: text Word tracks as deleted (``w:del``, ``w:moveFrom``) is not read and
inserted text (``w:ins``, ``w:moveTo``) is, a paragraph whose mark is deleted runs on into the
next, and a table row deleted is not read; comments, footnote marks, field instructions and
the results of page-number fields (PAGE, NUMPAGES, …) are not content, other fields' results
(a cross-reference, a hyperlink) are; hidden text (``w:vanish``) is not read; a soft line
break (``w:br``, ``w:cr``) ends a paragraph as HTML's ``<br>`` does, a page or column break is
a space; tabs and non-breaking spaces are white space; a non-breaking hyphen is ``-``, an
optional one nothing; a symbol (``w:sym``, or text in Word's Symbol and Wingdings fonts) is
the character it shows. A numbered paragraph begins with the label Word draws
(``numbering.py``). A text box in a drawing is read as paragraphs after the text before it
(of alternative markup, ``mc:AlternateContent``, the first choice only: the fallback holds
the same text again). Not read: equations.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from voortgang.errors import InputError
from voortgang.parse.docx.numbering import Numbering
from voortgang.parse.docx.package import MAIN_PART, Package, damaged
from voortgang.parse.docx.styles import Properties, RunStyle, Styles, merged, run_properties
from voortgang.parse.grid import Cell, Page, Paragraph, Row, Run, paragraph
from voortgang.parse.inline import SYMBOL_FONT_GLYPHS

# Word's limit is 63 columns: a span past it is damage, not a table.
MAX_GRID_SPAN = 64
# Fields whose result is a page number or count: page furniture, not content.
PAGE_FIELDS = frozenset({"PAGE", "NUMPAGES", "SECTIONPAGES", "PAGEREF", "SECTION"})
# Word's private-use range for symbol-font characters (w:sym w:char="F0B7").
SYMBOL_PRIVATE_USE = 0xF000
# Containers whose content is read as if they were not there.
TRANSPARENT = frozenset(
    qn(tag)
    for tag in ("w:ins", "w:moveTo", "w:hyperlink", "w:smartTag", "w:customXml", "w:dir", "w:bdo")
)
SKIPPED = frozenset(qn(tag) for tag in ("w:del", "w:moveFrom"))
P, TBL, TR, TC, R, SDT = (qn(t) for t in ("w:p", "w:tbl", "w:tr", "w:tc", "w:r", "w:sdt"))
SDT_CONTENT, FLD_SIMPLE = qn("w:sdtContent"), qn("w:fldSimple")
RPR, VAL, T, SYM = qn("w:rPr"), qn("w:val"), qn("w:t"), qn("w:sym")
FLD_CHAR, FLD_CHAR_TYPE, INSTR_TEXT = qn("w:fldChar"), qn("w:fldCharType"), qn("w:instrText")
BREAKS, BREAK_TYPE = frozenset({qn("w:br"), qn("w:cr")}), qn("w:type")
# A drawing or picture in a run may hold text boxes; of markup-compatible alternatives, the
# first choice is read (the fallback holds the same text again, for older readers).
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
ALTERNATE_CONTENT, CHOICE = f"{MC}AlternateContent", f"{MC}Choice"
PICTURES = frozenset({qn("w:drawing"), qn("w:pict"), qn("w:object"), ALTERNATE_CONTENT})
TEXT_BOX = qn("w:txbxContent")
# Elements that stand for one character: tabs as white space, a non-breaking hyphen as "-".
CHARACTERS = {qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:noBreakHyphen"): "-"}
HEADER_KINDS = ("first", "default", "even")
# Word's "Strict Open XML Document": the same markup in other namespaces, not read.
STRICT_NAMESPACE = "http://purl.oclc.org/ooxml/wordprocessingml/main"


@dataclass
class _Field:
    """A complex field being read: its instruction so far, and whether its result began."""

    instruction: str = ""
    in_result: bool = False

    @property
    def is_page_number(self) -> bool:
        words = self.instruction.split()
        return bool(words) and words[0].upper() in PAGE_FIELDS


@dataclass
class Story:
    """One part being read (the body, a page header): its styles, list counts and fields."""

    styles: Styles
    numbering: Numbering
    base_size: float
    fields: list[_Field] = field(default_factory=list)

    def shows_text(self) -> bool:
        """Whether text here is shown content: not a field's instruction nor a page number."""
        return all(f.in_result and not f.is_page_number for f in self.fields)


class _Paragraphs:
    """Runs collected into paragraphs, each with the largest type size of its text."""

    def __init__(self) -> None:
        self.done: list[tuple[Paragraph, float]] = []
        self.runs: list[Run] = []
        self.size = 0.0

    def add(self, text: str, style: RunStyle) -> None:
        if not text:
            return
        self.runs.append(Run(_symbols(text, style.font), style.italic, style.bold))
        if text.strip():
            self.size = max(self.size, style.size)

    def end(self) -> None:
        built = paragraph(*self.runs)
        if built.runs:
            self.done.append((built, self.size))
        self.runs, self.size = [], 0.0


def _symbols(text: str, font: str | None) -> str:
    """Text in Word's Symbol or Wingdings font as the characters it shows."""
    name = (font or "").lower()
    glyphs = next((g for key, g in SYMBOL_FONT_GLYPHS.items() if key in name), None)
    if glyphs is None:
        return text
    return "".join(glyphs.get(char, _private_use(char)) for char in text)


def _private_use(char: str) -> str:
    code = ord(char)
    return chr(code - SYMBOL_PRIVATE_USE) if 0xF020 <= code <= 0xF0FF else char


def _flag(element: etree._Element | None, default: bool = False) -> bool:
    if element is None:
        return default
    return (element.get(qn("w:val")) or "true").lower() not in ("0", "false", "off")


def _number(element: etree._Element | None, default: int) -> int:
    try:
        return int(element.get(qn("w:val"), "")) if element is not None else default
    except ValueError:
        return default


def _field_char(element: etree._Element, story: Story) -> None:
    """A complex field's mark: its begin, where its result begins, its end."""
    kind = element.get(FLD_CHAR_TYPE)
    if kind == "begin":
        story.fields.append(_Field())
    elif kind == "separate" and story.fields:
        story.fields[-1].in_result = True
    elif kind == "end" and story.fields:
        story.fields.pop()


def _symbol(element: etree._Element, style: RunStyle) -> tuple[str, RunStyle]:
    """A ``w:sym``'s character and the style it is drawn in (its own font)."""
    try:
        char = chr(int(element.get(qn("w:char"), ""), 16))
    except (ValueError, OverflowError):
        char = ""
    return char, replace(style, font=element.get(qn("w:font")))


def _run(run: etree._Element, story: Story, layers: list[Properties], out: _Paragraphs) -> None:
    rpr = run.find(RPR)
    character = None if rpr is None else rpr.find(qn("w:rStyle"))
    style_id = None if character is None else character.get(VAL)
    style = merged(*layers, story.styles.properties(style_id), run_properties(rpr))
    for child in run:
        tag = child.tag
        if tag == FLD_CHAR:
            _field_char(child, story)
        elif tag == INSTR_TEXT:
            if story.fields and not story.fields[-1].in_result:
                story.fields[-1].instruction += child.text or ""
        elif style.hidden or not story.shows_text():
            continue
        elif tag == T:
            out.add(child.text or "", style)
        elif tag in CHARACTERS:
            out.add(CHARACTERS[tag], style)
        elif tag in BREAKS:
            if child.get(BREAK_TYPE) in (None, "textWrapping"):
                out.end()  # a soft line break
            else:  # a page or column break inside a paragraph
                out.add(" ", style)
        elif tag == SYM:
            out.add(*_symbol(child, style))
        elif tag in PICTURES:
            _add_text_boxes(child, story, out)


def _text_boxes(element: etree._Element) -> Iterator[etree._Element]:
    """The outermost text boxes in ``element`` (a drawing), in document order."""
    if element.tag == ALTERNATE_CONTENT:
        choice = element.find(CHOICE)
        yield from () if choice is None else _text_boxes(choice)
        return
    for child in element:
        if child.tag == TEXT_BOX:
            yield child
        else:
            yield from _text_boxes(child)


def _add_text_boxes(element: etree._Element, story: Story, out: _Paragraphs) -> None:
    """The paragraphs of the text boxes in a drawing, after the text before it: a text box
    in a table cell is that cell's text."""
    boxes = list(_text_boxes(element))
    if boxes:
        out.end()
    for box in boxes:
        for found in _box_paragraphs(box, story):
            out.done.append((found, 0.0))


def _box_paragraphs(box: etree._Element, story: Story) -> Iterator[Paragraph]:
    fields = list(story.fields)  # a text box's paragraphs are no end of the field around it
    for block in _blocks(box, story, {}):
        if block.table is None:
            yield from (found for found, _ in block.paragraphs)
        else:
            for row in read_table(block.table, story):
                for cell in row.cells:
                    yield from cell.paragraphs
    story.fields[:] = fields


def _inline(
    container: etree._Element, story: Story, layers: list[Properties], out: _Paragraphs
) -> None:
    """The runs in ``container`` (a paragraph, or a wrapper inside one) into ``out``."""
    for child in container:
        tag = child.tag
        if tag == R:
            _run(child, story, layers, out)
        elif tag in TRANSPARENT:
            _inline(child, story, layers, out)
        elif tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                _inline(content, story, layers, out)
        elif tag == FLD_SIMPLE:
            simple = _Field(child.get(qn("w:instr")) or "", in_result=True)
            if not simple.is_page_number:
                _inline(child, story, layers, out)


def _num_pr(story: Story, ppr: etree._Element | None, style_id: str | None) -> tuple[str, int]:
    """The list (``w:numId``) and level a paragraph is numbered at; numId "" for none."""
    own = None if ppr is None else ppr.find(qn("w:numPr"))
    styled = story.styles.style_property(style_id, qn("w:numPr"))
    num_id = level = None
    for num_pr in (own, styled):
        if num_pr is None:
            continue
        if num_id is None and num_pr.find(qn("w:numId")) is not None:
            num_id = num_pr.find(qn("w:numId")).get(qn("w:val"))
        if level is None and num_pr.find(qn("w:ilvl")) is not None:
            level = _number(num_pr.find(qn("w:ilvl")), 0)
    return num_id or "", level or 0


def read_paragraph(
    element: etree._Element,
    story: Story,
    table_layer: Properties,
    out: _Paragraphs | None = None,
) -> list[tuple[Paragraph, float]]:
    """A ``w:p`` as paragraphs (a soft line break starts another), each with its largest
    type size in half-points; its list label, where Word draws one, first. ``out``: the
    paragraph before, whose mark was deleted, to run on from; where this one's mark is deleted
    too, its text stays in ``out``, unfinished, and nothing is returned."""
    # A field left open (damaged) hides no more than its paragraph; one that does span
    # paragraphs (a table of contents) shows its result in the next ones, as it should.
    story.fields.clear()
    ppr = element.find(qn("w:pPr"))
    style_id = story.styles.paragraph_style(ppr)
    layers = [story.styles.defaults, table_layer, story.styles.properties(style_id)]
    out = out or _Paragraphs()
    num_id, level = _num_pr(story, ppr, style_id)
    label = story.numbering.label(num_id, level) if num_id not in ("", "0") else None
    if label is not None:
        mark = None if ppr is None else ppr.find(qn("w:rPr"))
        style = merged(*layers, run_properties(mark), run_properties(label.rpr))
        if not style.hidden:
            out.add(label.text, style)
    _inline(element, story, layers, out)
    if _mark_deleted(element):
        return []
    out.end()
    return out.done


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
    carried = _Paragraphs()
    for child in _block_elements(container):
        if child.tag == TBL:
            carried.end()
            if carried.done:
                yield Block(carried.done)
                carried = _Paragraphs()
            yield Block(table=child)
        elif not _mark_deleted(child):
            yield Block(read_paragraph(child, story, table_layer, carried))
            carried = _Paragraphs()
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


def _mark_deleted(element: etree._Element) -> bool:
    return element.find(f"{qn('w:pPr')}/{RPR}/{qn('w:del')}") is not None


def _table_layer(table: etree._Element, styles: Styles) -> Properties:
    style = table.find(f"{qn('w:tblPr')}/{qn('w:tblStyle')}")
    return styles.properties(None if style is None else style.get(qn("w:val")))


def _span(element: etree._Element | None, tag: str, default: int) -> int:
    found = None if element is None else element.find(qn(tag))
    return min(max(_number(found, default), 0), MAX_GRID_SPAN)


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
        first = _flag(sect.find(qn("w:titlePg")))
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
    even = settings is not None and _flag(settings.find(qn("w:evenAndOddHeaders")))
    base = styles.base_size()
    headers, footers = _page_parts(body, targets, even)

    def story() -> Story:
        return Story(styles, numbering.fresh(), base)

    rows: list[Row] = []
    for name in headers:
        rows += text_rows(package.xml(name), story(), tables=False)
    rows += text_rows(body, Story(styles, numbering, base), tables=True)
    for name in footers:
        rows += text_rows(package.xml(name), story(), tables=False)
    yield Page(None, tuple(rows))
