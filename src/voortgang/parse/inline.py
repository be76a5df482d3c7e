"""HTML content to styled paragraphs, shared by the HTML reader and the text reader.

Styling is read the way a browser would print it, whatever produced the markup: tags (``<i>``,
``<em>``, ``<b>``, ``<strong>``), inline ``style`` attributes (Word's
``<span style='font-style:italic'>``) and class rules from ``<style>`` sheets (Google Docs,
LibreOffice). List items get the glyph a browser draws for them; glyphs written in Word's
Symbol and Wingdings fonts are mapped to the characters they show.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from lxml import etree

from voortgang.parse.grid import Paragraph, Run, paragraph
from voortgang.parse.symbols import SYMBOL_FONT_GLYPHS

BLOCK_TAGS = frozenset(
    "address article aside blockquote caption dd div dl dt figcaption figure footer form h1 h2 h3"
    " h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul".split()
)
SKIPPED_TAGS = frozenset("head script style template title meta link noscript xml".split())
ITALIC_TAGS = frozenset("i em cite var dfn address".split())
BOLD_TAGS = frozenset("b strong th h1 h2 h3 h4 h5 h6".split())
# What an HTML parser would read otherwise than as text: markup, entities, control characters.
MARKUP = re.compile(r"[<&\x00-\x08\x0b-\x1f\x7f-\x9f]")

UNORDERED_GLYPHS = {"disc": "•", "circle": "◦", "square": "▪", "none": ""}


class Element:
    """An element of parsed HTML: its tag (lower case), its attributes, and its content: text
    and elements, in document order. Comments and processing instructions are left out."""

    __slots__ = ("attrib", "content", "parent", "tag")

    def __init__(self, tag: str, attrib: dict[str, str], parent: Element | None) -> None:
        self.tag = tag
        self.attrib = attrib
        self.parent = parent
        self.content: list[Node] = []

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrib.get(name, default)

    def iter(self, *tags: str) -> Iterator[Element]:
        """This element and all inside it (those named ``tags``, where given), in document
        order; with a stack, not recursion."""
        stack = [iter((self,))]
        while stack:
            node = next(stack[-1], None)
            if node is None:
                stack.pop()
            elif isinstance(node, Element):
                if not tags or node.tag in tags:
                    yield node
                stack.append(iter(node.content))

    def children(self, *tags: str) -> list[Element]:
        """The elements directly inside this one (those named ``tags``, where given)."""
        return [n for n in self.content if isinstance(n, Element) and (not tags or n.tag in tags)]

    def release(self) -> None:
        """Cut the links from each element inside to the one holding it, so that the tree is
        freed as soon as nothing holds it, not when Python's cycle collector next runs: at
        the peak of reading a large document that is the size of its tree."""
        for element in self.iter():
            element.parent = None

    def ancestor(self, tag: str) -> Element | None:
        """The nearest element named ``tag`` that holds this one."""
        parent = self.parent
        while parent is not None and parent.tag != tag:
            parent = parent.parent
        return parent


Node = str | Element
NO_ATTRIBUTES: dict[str, str] = {}


class _TreeBuilder:
    """The target of lxml's HTML parser (libxml2's, as forgiving as a browser): the tree of
    ``Element``s it reads, built from its events. A tree of lxml's own would stop at a depth
    of 2048 elements, silently; the parser's events go on."""

    def __init__(self) -> None:
        self.root = Element("#document", NO_ATTRIBUTES, None)
        self.current = self.root

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        element = Element(tag, dict(attrib) if attrib else NO_ATTRIBUTES, self.current)
        self.current.content.append(element)
        self.current = element

    def end(self, tag: str) -> None:
        if self.current.parent is not None:
            self.current = self.current.parent

    def data(self, text: str) -> None:
        self.current.content.append(text)

    def close(self) -> Element:
        return self.root


@dataclass(frozen=True, slots=True)
class Style:
    italic: bool = False
    bold: bool = False
    hidden: bool = False
    symbol_font: str | None = None


class StyleSheet:
    """Declarations of the simple class selectors (``.c1``, ``p.MsoNormal``) in ``<style>``."""

    RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
    CLASS_SELECTOR = re.compile(r"^[a-zA-Z0-9]*\.([\w-]+)$")

    def __init__(self, css: str = "") -> None:
        self.by_class: dict[str, str] = {}
        css = re.sub(r"/\*.*?\*/|<!--|-->", " ", css, flags=re.S)
        for selectors, declarations in self.RULE.findall(css):
            for selector in selectors.split(","):
                match = self.CLASS_SELECTOR.match(selector.strip())
                if match:
                    name = match.group(1)
                    self.by_class[name] = self.by_class.get(name, "") + ";" + declarations

    @classmethod
    def of(cls, root: Element) -> StyleSheet:
        return cls("\n".join(text for tag in root.iter("style") for text in tag.content))

    def declarations(self, tag: Element) -> dict[str, str]:
        classes = str(tag.get("class") or "").split()
        css = ";".join(self.by_class.get(name, "") for name in classes)
        css += ";" + str(tag.get("style") or "")
        found: dict[str, str] = {}
        for declaration in css.split(";"):
            name, _, value = declaration.partition(":")
            if value:
                found[name.strip().lower()] = value.strip().lower()
        return found


def style_of(tag: Element, parent: Style, sheet: StyleSheet) -> Style:
    """The style of ``tag``'s text, given the style it inherits."""
    style = parent
    if tag.tag in ITALIC_TAGS:
        style = replace(style, italic=True)
    if tag.tag in BOLD_TAGS:
        style = replace(style, bold=True)
    css = sheet.declarations(tag)
    if "font-style" in css:
        style = replace(style, italic=css["font-style"].startswith(("italic", "oblique")))
    if "font-weight" in css:
        weight = css["font-weight"].split()[0]
        style = replace(style, bold=weight in ("bold", "bolder") or weight[:1] in "6789")
    if css.get("display", "").startswith("none") or css.get("mso-hide") == "all":
        style = replace(style, hidden=True)
    family = css.get("font-family", "")
    if family:
        symbol = next((name for name in SYMBOL_FONT_GLYPHS if name in family), None)
        style = replace(style, symbol_font=symbol)
    return style


# An HTML integer attribute (start, value, colspan) as browsers parse it: leading space, a
# sign, digits, and anything after ignored. A number longer than this many digits is past the
# 32-bit range browsers keep and, like "abc", ignored: its default holds.
HTML_INTEGER = re.compile(r"\s*([+-]?\d+)")
MAX_INTEGER_DIGITS = 9


def html_integer(value: object) -> int | None:
    """The integer an attribute's value holds as a browser reads it, or None where it holds
    none it would use (``"abc"``, ``"x1"``, a number thousands of digits long)."""
    match = HTML_INTEGER.match(str(value or ""))
    if match is None or len(match.group(1).lstrip("+-")) > MAX_INTEGER_DIGITS:
        return None
    return int(match.group(1))


def list_glyph(item: Element, sheet: StyleSheet, ordinal: int) -> str:
    """The marker a browser draws before a list item, or "" for none; ``ordinal`` is its
    number in an ordered list (see ``_Ordinals``)."""
    parent = item.parent
    if parent is None or parent.tag not in ("ul", "ol"):
        return ""
    kind = sheet.declarations(item).get("list-style-type") or sheet.declarations(parent).get(
        "list-style-type"
    )
    if parent.tag == "ul":
        return UNORDERED_GLYPHS.get(kind or str(parent.get("type") or "disc").lower(), "•")
    if kind == "none":
        return ""
    kind = kind or {"a": "lower-alpha", "A": "upper-alpha"}.get(str(parent.get("type")), "")
    if kind in ("lower-alpha", "lower-latin") and 1 <= ordinal <= 26:
        return chr(ord("a") + ordinal - 1) + "."
    if kind in ("upper-alpha", "upper-latin") and 1 <= ordinal <= 26:
        return chr(ord("A") + ordinal - 1) + "."
    return f"{ordinal}."


class _Ordinals:
    """The number of each item of an ordered list, counted as the list is walked rather than
    by counting the items before each one again: ``start`` (1 without a usable one), then one
    more per item; an item's usable ``value`` sets its number and the count goes on from it."""

    def __init__(self) -> None:
        self.last: dict[int, int] = {}  # id() of a list -> the number of its last item

    def next(self, item: Element) -> int:
        parent = item.parent
        if id(parent) in self.last:
            ordinal = self.last[id(parent)] + 1
        else:
            start = html_integer(parent.get("start")) if parent is not None else None
            ordinal = 1 if start is None else start
        value = html_integer(item.get("value"))
        if value is not None:
            ordinal = value
        self.last[id(parent)] = ordinal
        return ordinal


class _ParagraphBuilder:
    def __init__(self) -> None:
        self.paragraphs: list[Paragraph] = []
        self.runs: list[Run] = []
        self.marker = ""

    def add(self, text: str, style: Style) -> None:
        if style.symbol_font:
            glyphs = SYMBOL_FONT_GLYPHS[style.symbol_font]
            text = "".join(glyphs.get(char, char) for char in text)
        if self.marker and text.strip():
            self.runs.append(Run(self.marker + " "))
            self.marker = ""
        self.runs.append(Run(text, style.italic, style.bold))

    def end_paragraph(self) -> None:
        built = paragraph(*self.runs)
        self.runs = []
        if built.runs:
            self.paragraphs.append(built)


def contents(element: Element) -> Iterator[Node]:
    """What ``element`` holds: text and elements, in document order."""
    return iter(element.content)


def _walk(nodes: Iterable[Node], style: Style, out: _ParagraphBuilder, sheet: StyleSheet) -> None:
    """Add the text of ``nodes`` and everything inside them to ``out``, depth first. With a
    stack of its own rather than recursion: markup nested thousands deep is still markup."""
    # (children still to visit, their style, the tag they are in: None for ``nodes``)
    stack: list[tuple[Iterator[Node], Style, Element | None]] = [(iter(nodes), style, None)]
    ordinals = _Ordinals()
    while stack:
        children, style, parent = stack[-1]
        child = next(children, None)
        if child is None:  # the end of ``parent``
            stack.pop()
            if parent is not None and parent.tag == "li":
                out.marker = ""
            if parent is not None and parent.tag in BLOCK_TAGS:
                out.end_paragraph()
            continue
        if isinstance(child, str):
            out.add(child, style)
            continue
        if child.tag in SKIPPED_TAGS:
            continue
        child_style = style_of(child, style, sheet)
        if child_style.hidden:
            continue
        if child.tag == "br":
            out.end_paragraph()
            continue
        if child.tag in BLOCK_TAGS:
            out.end_paragraph()
        if child.tag == "li":
            out.marker = list_glyph(child, sheet, ordinals.next(child))
        stack.append((contents(child), child_style, child))


def paragraphs_of(nodes: Iterable[Node], sheet: StyleSheet, style: Style) -> tuple[Paragraph, ...]:
    """The paragraphs that ``nodes`` print when their parent's style is ``style``."""
    out = _ParagraphBuilder()
    _walk(nodes, style, out, sheet)
    out.end_paragraph()
    return tuple(out.paragraphs)


# lxml's HTML parser is given the text in pieces of this many characters, as BeautifulSoup gave
# it before (the parser's reading of broken markup can depend on where a piece ends).
PARSER_PIECE = 512


def parse_html(text: str) -> Element:
    """The tree of ``text``'s elements as lxml's HTML parser reads them (see ``_TreeBuilder``):
    the document, an element without a tag of its own, holds the ``html`` element."""
    parser = etree.HTMLParser(target=_TreeBuilder(), recover=True)
    for start in range(0, len(text), PARSER_PIECE):
        parser.feed(text[start : start + PARSER_PIECE])
    if not text:
        parser.feed("")
    return parser.close()


def paragraphs_of_fragment(html: str) -> tuple[Paragraph, ...]:
    """The paragraphs of a fragment of inline HTML, such as one cell of the text rendition.

    A fragment without markup, entities or control characters (most cells: numbers, empty
    ones) is its own text, and is read without an HTML parser."""
    if not MARKUP.search(html):
        text = paragraph(Run(html))
        return (text,) if text.runs else ()
    document = parse_html(f"<div>{html}</div>")
    div = next(document.iter("div"), None)
    read = paragraphs_of(contents(div), StyleSheet(), Style()) if div is not None else ()
    document.release()
    return read
