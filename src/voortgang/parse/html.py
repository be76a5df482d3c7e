"""Reader for HTML renditions: hand-written tables, Word's "Save as HTML", LibreOffice's export.

Everything outside tables becomes free-text rows (the page heading block, track headings);
every table row becomes a row of cells, with ``colspan`` and ``rowspan`` laid out on the grid
so that columns line up. Page breaks set in CSS (``page-break-before: always``,
``break-before: page``) number the pages; without any, pages are unknown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from voortgang.parse.encoding import declared_in_html, decode
from voortgang.parse.grid import Cell, Page, Row
from voortgang.parse.inline import (
    SKIPPED_TAGS,
    Element,
    Node,
    Style,
    StyleSheet,
    contents,
    html_integer,
    paragraphs_of,
    parse_html,
    style_of,
)

PAGE_BREAK = re.compile(
    r"(?:page-)?break-(before|after)\s*:\s*(always|page|left|right|recto|verso)"
)
MAX_SPAN = 100


# The elements whose line in the file a row and its cells carry.
LINED_TAGS = ("tr", "td", "th")


# Where the file's rows and cells begin, outside comments, scripts and styles.
LINED_TAG = re.compile(
    r"<!--.*?-->|<script\b.*?</script\s*>|<style\b.*?</style\s*>|<(tr|td|th)(?=[\s>/])",
    re.IGNORECASE | re.DOTALL,
)


def source_lines(text: str, root: Element) -> dict[int, int]:
    """The line of the file on which each ``tr``, ``td`` and ``th`` under ``root`` starts, by
    the element's ``id()``: the tags as they stand in ``text``, matched to the tree's elements
    in document order. Where the two do not hold as many (a parser adds a ``tr`` a file left
    out), no lines are known rather than wrong ones. Linear in the text, with no second
    tree."""
    ours = list(root.iter(*LINED_TAGS))
    starts = [match.start() for match in LINED_TAG.finditer(text) if match.group(1)]
    if len(starts) != len(ours):
        return {}
    lines: dict[int, int] = {}
    line, position = 1, 0
    for element, start in zip(ours, starts, strict=True):
        line += text.count("\n", position, start)
        position = start
        lines[id(element)] = line
    return lines


class _Pages:
    """Rows collected into pages as page breaks are met; ``lines``, where each table row and
    cell stands in the file (see ``source_lines``)."""

    def __init__(self, lines: dict[int, int] | None = None) -> None:
        self.pages: list[list[Row]] = [[]]
        self.lines = lines or {}

    def line_of(self, tag: Element) -> int | None:
        return self.lines.get(id(tag))

    def add(self, row: Row) -> None:
        self.pages[-1].append(row)

    def add_text(self, nodes: list[Node], style: Style, sheet: StyleSheet) -> None:
        for paragraph in paragraphs_of(nodes, sheet, style):
            self.add(Row((Cell((paragraph,)),), in_table=False))
        nodes.clear()

    def break_page(self) -> None:
        if self.pages[-1]:
            self.pages.append([])

    def result(self) -> Iterator[Page]:
        """The pages, each let go of once assembly has it."""
        numbered = len(self.pages) > 1
        for index in range(len(self.pages)):
            rows, self.pages[index] = self.pages[index], []
            if rows:
                yield Page(index + 1 if numbered else None, tuple(rows))


class _Inside:
    """What each element holds somewhere inside it, found in one pass over the document
    rather than by searching each element's subtree again (which, for containers nested a
    million deep, is quadratic): whether a table, and whether an element whose own style
    breaks the page."""

    def __init__(self, root: Element) -> None:
        self.tables: set[int] = set()  # id() of the elements with a table inside
        self.breaks: set[int] = set()  # id() of those with a page break set inside
        # In reverse document order every element comes after all it holds.
        for tag in reversed(list(root.iter())):
            parent = tag.parent
            if parent is None:
                continue
            if tag.tag == "table" or id(tag) in self.tables:
                self.tables.add(id(parent))
            if id(tag) in self.breaks or PAGE_BREAK.search(str(tag.get("style", "")).lower()):
                self.breaks.add(id(parent))

    def has_table(self, tag: Element) -> bool:
        return id(tag) in self.tables

    def has_break(self, tag: Element) -> bool:
        return id(tag) in self.breaks


def _page_breaks(tag: Element, sheet: StyleSheet, inside: _Inside) -> set[str]:
    """Where ``tag`` breaks the page: "before" (also for a break inside it) and/or "after"."""
    css = sheet.declarations(tag)
    own = " ".join(f"{name}:{value}" for name, value in css.items())
    found = {side for side, _ in PAGE_BREAK.findall(own)}
    if inside.has_break(tag):
        found.add("before")
    return found


def _span(tag: Element, attribute: str) -> int:
    """A colspan or rowspan as a browser takes it: 1 where it holds no usable number, and
    within 1 to ``MAX_SPAN``."""
    span = html_integer(tag.get(attribute))
    return 1 if span is None else min(max(span, 1), MAX_SPAN)


def _covered_from_above(column: int, pending_rowspans: dict[int, int]) -> bool:
    """Whether a rowspan from a row above covers ``column``; counts that row down if so."""
    if pending_rowspans.get(column, 0) <= 0:
        return False
    pending_rowspans[column] -= 1
    return True


def _read_table(table: Element, style: Style, sheet: StyleSheet, pages: _Pages) -> None:
    for caption in table.children("caption"):
        pages.add_text([caption], style, sheet)
    pending_rowspans: dict[int, int] = {}
    for tr in table.iter("tr"):
        if tr.ancestor("table") is not table:
            continue  # a row of a table inside one of this table's cells
        row_style = style_of(tr, style_of(tr.parent, style, sheet), sheet)
        cells: list[Cell] = []
        for td in tr.children("td", "th"):
            while _covered_from_above(len(cells), pending_rowspans):
                cells.append(Cell())
            cell_style = style_of(td, row_style, sheet)
            content = () if cell_style.hidden else paragraphs_of(contents(td), sheet, cell_style)
            first = len(cells)
            cells.append(Cell(content, pages.line_of(td)))
            cells.extend(Cell() for _ in range(_span(td, "colspan") - 1))
            rowspan = _span(td, "rowspan")
            for column in range(first, len(cells)) if rowspan > 1 else ():
                pending_rowspans[column] = rowspan - 1
        last_covered = max((c for c, left in pending_rowspans.items() if left > 0), default=-1)
        while len(cells) <= last_covered:
            _covered_from_above(len(cells), pending_rowspans)
            cells.append(Cell())
        pages.add(Row(tuple(cells), line=pages.line_of(tr)))


def _read_blocks(
    nodes: Iterable[Node], style: Style, sheet: StyleSheet, pages: _Pages, inside: _Inside
) -> None:
    """Read ``nodes`` into ``pages``: text between tables as free text, tables as rows, and
    the containers that hold a table gone into. With a stack of its own rather than
    recursion, so that containers nested thousands deep are read too."""
    # (nodes still to read, their style, the text met since the last table or page break,
    # the page breaks of the container they are in)
    stack: list[tuple[Iterator[Node], Style, list[Node], set[str]]] = [
        (iter(nodes), style, [], set())
    ]
    while stack:
        children, style, text, container_breaks = stack[-1]
        node = next(children, None)
        if node is None:  # the end of a container
            stack.pop()
            pages.add_text(text, style, sheet)
            if "after" in container_breaks:
                pages.break_page()
            continue
        if isinstance(node, str):
            text.append(node)
            continue
        if node.tag in SKIPPED_TAGS:
            continue
        node_style = style_of(node, style, sheet)
        if node_style.hidden:
            continue
        breaks = _page_breaks(node, sheet, inside)
        if "before" in breaks:
            pages.add_text(text, style, sheet)
            pages.break_page()
        if node.tag == "table":
            pages.add_text(text, style, sheet)
            _read_table(node, node_style, sheet, pages)
        elif inside.has_table(node):
            pages.add_text(text, style, sheet)
            stack.append((contents(node), node_style, [], breaks))
            continue  # its page break after comes where it ends
        else:
            text.append(node)
        if "after" in breaks:
            pages.add_text(text, style, sheet)
            pages.break_page()


def read_html(data: bytes) -> Iterator[Page]:
    text = decode(data, declared_in_html(data))
    document = parse_html(text)
    sheet = StyleSheet.of(document)
    root = next(document.iter("body"), document)
    pages = _Pages(source_lines(text, document))
    del text
    _read_blocks(contents(root), Style(), sheet, pages, _Inside(root))
    document.release()  # the tree is let go of before assembly
    del document, root
    yield from pages.result()
