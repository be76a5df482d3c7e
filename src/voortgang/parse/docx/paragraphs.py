"""A Word paragraph's runs as the grid's paragraphs: formatting, fields, breaks, labels.

Text Word tracks as deleted (``w:del``, ``w:moveFrom``) is not read and inserted text
(``w:ins``, ``w:moveTo``) is; comments, footnote marks, field instructions and the results of
page-number fields (PAGE, NUMPAGES, …) are not content, other fields' results (a
cross-reference, a hyperlink) are; hidden text (``w:vanish``) is not read; a soft line break
(``w:br``, ``w:cr``) ends a paragraph as HTML's ``<br>`` does, a page or column break is a
space; tabs and non-breaking spaces are white space; a non-breaking hyphen is ``-``, an
optional one nothing; a symbol (``w:sym``, or text in Word's Symbol and Wingdings fonts) is
the character it shows. A numbered paragraph begins with the label Word draws
(``numbering.py``). A text box in a drawing is read as paragraphs after the text before it
(of alternative markup, ``mc:AlternateContent``, the first choice only: the fallback holds
the same text again). Not read: equations.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from docx.oxml.ns import qn
from lxml import etree

from voortgang.parse.docx.numbering import Numbering
from voortgang.parse.docx.styles import Properties, RunStyle, Styles, merged, run_properties
from voortgang.parse.grid import Paragraph, Run, paragraph
from voortgang.parse.symbols import SYMBOL_FONT_GLYPHS

# Fields whose result is a page number or count: page furniture, not content.
PAGE_FIELDS = frozenset({"PAGE", "NUMPAGES", "SECTIONPAGES", "PAGEREF", "SECTION"})
# Word's private-use range for symbol-font characters (w:sym w:char="F0B7").
SYMBOL_PRIVATE_USE = 0xF000
# Containers whose content is read as if they were not there.
TRANSPARENT = frozenset(
    qn(tag)
    for tag in ("w:ins", "w:moveTo", "w:hyperlink", "w:smartTag", "w:customXml", "w:dir", "w:bdo")
)
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
    # The paragraphs of a text box (the reader's, which knows tables), a box and this story
    read_box: Callable[[etree._Element, Story], Iterator[Paragraph]] = lambda box, story: iter(())
    fields: list[_Field] = field(default_factory=list)

    def shows_text(self) -> bool:
        """Whether text here is shown content: not a field's instruction nor a page number."""
        return all(f.in_result and not f.is_page_number for f in self.fields)


class Collected:
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


def flag(element: etree._Element | None, default: bool = False) -> bool:
    if element is None:
        return default
    return (element.get(qn("w:val")) or "true").lower() not in ("0", "false", "off")


def number_of(element: etree._Element | None, default: int) -> int:
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


def _run(run: etree._Element, story: Story, layers: list[Properties], out: Collected) -> None:
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


def _add_text_boxes(element: etree._Element, story: Story, out: Collected) -> None:
    """The paragraphs of the text boxes in a drawing, after the text before it: a text box
    in a table cell is that cell's text."""
    boxes = list(_text_boxes(element))
    if boxes:
        out.end()
    for box in boxes:
        fields = list(story.fields)  # a text box's paragraphs are no end of the field around it
        out.done += ((found, 0.0) for found in story.read_box(box, story))
        story.fields[:] = fields


def _inline(
    container: etree._Element, story: Story, layers: list[Properties], out: Collected
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
            level = number_of(num_pr.find(qn("w:ilvl")), 0)
    return num_id or "", level or 0


def read_paragraph(
    element: etree._Element,
    story: Story,
    table_layer: Properties,
    out: Collected | None = None,
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
    out = out or Collected()
    num_id, level = _num_pr(story, ppr, style_id)
    label = story.numbering.label(num_id, level) if num_id not in ("", "0") else None
    if label is not None:
        mark = None if ppr is None else ppr.find(qn("w:rPr"))
        style = merged(*layers, run_properties(mark), run_properties(label.rpr))
        if not style.hidden:
            out.add(label.text, style)
    _inline(element, story, layers, out)
    if mark_deleted(element):
        return []
    out.end()
    return out.done


def mark_deleted(element: etree._Element) -> bool:
    return element.find(f"{qn('w:pPr')}/{RPR}/{qn('w:del')}") is not None
