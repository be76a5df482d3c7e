"""Character formatting as Word resolves it: direct formatting over styles over defaults.

python-docx reads a run's own ``w:rPr`` but not what it inherits. A run's italics, bold,
hidden text, type size and font are, from the most to the least specific (the first that
sets a property wins):

1. the run's own ``w:rPr`` (direct formatting; ``<w:i w:val="0"/>`` switches italics off);
2. its character style (``w:rStyle``) and the styles that one is ``w:basedOn``, nearest first;
3. the paragraph's style (``w:pStyle``, else the default paragraph style) and its ``basedOn``
   chain;
4. the table's style (``w:tblStyle``), for text in a table, and its ``basedOn`` chain;
5. the document defaults (``w:docDefaults/w:rPrDefault``).

A list label takes the paragraph mark's formatting (``w:pPr/w:rPr``) and its level's
``w:rPr`` over 3-5. Not modelled: the XOR of toggle properties set at two style levels (the
most specific level wins here), a table style's conditional formatting (first row, banding)
and theme fonts.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from dataclasses import dataclass

from docx.oxml.ns import qn
from lxml import etree

# The longest basedOn chain followed: Word allows no cycles; a damaged file may have them.
MAX_STYLE_CHAIN = 32
# Word's own default type size where the document sets none: 10 pt, in half-points.
DEFAULT_HALF_POINTS = 20.0
OFF = frozenset({"0", "false", "off", "none"})
TOGGLES = {"italic": qn("w:i"), "bold": qn("w:b"), "hidden": qn("w:vanish")}

Properties = dict[str, object]


def toggle_on(element: etree._Element) -> bool:
    """A toggle property's value: on unless ``w:val`` says off (``0``, ``false``)."""
    return (element.get(qn("w:val")) or "true").lower() not in OFF


def run_properties(rpr: etree._Element | None) -> Properties:
    """The properties ``rpr`` (a ``w:rPr``) sets, and only those."""
    found: Properties = {}
    if rpr is None:
        return found
    for name, tag in TOGGLES.items():
        element = rpr.find(tag)
        if element is not None:
            found[name] = toggle_on(element)
    size = rpr.find(qn("w:sz"))
    if size is not None:
        with contextlib.suppress(ValueError):
            found["size"] = float(size.get(qn("w:val"), ""))
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        font = fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi"))
        if font:
            found["font"] = font
    return found


@dataclass(frozen=True, slots=True)
class RunStyle:
    """A run's resolved formatting. ``size`` in half-points; ``font`` its name, if set."""

    italic: bool = False
    bold: bool = False
    hidden: bool = False
    size: float = DEFAULT_HALF_POINTS
    font: str | None = None


def merged(*layers: Properties) -> RunStyle:
    """The style that ``layers``, from the least to the most specific, add up to."""
    found: Properties = {}
    for layer in layers:
        found.update(layer)
    return RunStyle(**found)  # type: ignore[arg-type]


class Styles:
    """The styles part (``word/styles.xml``), or none: the properties each style gives."""

    def __init__(self, root: etree._Element | None) -> None:
        self.by_id: dict[str, etree._Element] = {}
        self.defaults: Properties = {}
        self.default_paragraph: str | None = None
        self._chains: dict[str, Properties] = {}
        if root is None:
            return
        for style in root.iter(qn("w:style")):
            style_id = style.get(qn("w:styleId"))
            if style_id is None:
                continue
            self.by_id.setdefault(style_id, style)
            is_default = (style.get(qn("w:default")) or "").lower() in ("1", "true", "on")
            if is_default and style.get(qn("w:type")) == "paragraph":
                self.default_paragraph = self.default_paragraph or style_id
        defaults = root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self.defaults = run_properties(defaults)

    def chain(self, style_id: str | None) -> Iterable[etree._Element]:
        """The style ``style_id`` and those it is based on, nearest first, cycles cut."""
        seen: set[str] = set()
        while style_id and style_id not in seen and len(seen) < MAX_STYLE_CHAIN:
            seen.add(style_id)
            style = self.by_id.get(style_id)
            if style is None:
                return
            yield style
            based_on = style.find(qn("w:basedOn"))
            style_id = None if based_on is None else based_on.get(qn("w:val"))

    def properties(self, style_id: str | None) -> Properties:
        """The run properties style ``style_id`` gives, with those it inherits."""
        if not style_id:
            return {}
        if style_id not in self._chains:
            found: Properties = {}
            for style in reversed(list(self.chain(style_id))):
                found.update(run_properties(style.find(qn("w:rPr"))))
            self._chains[style_id] = found
        return self._chains[style_id]

    def paragraph_style(self, ppr: etree._Element | None) -> str | None:
        """The id of a paragraph's style: its ``w:pStyle``, else the default one."""
        element = None if ppr is None else ppr.find(qn("w:pStyle"))
        return self.default_paragraph if element is None else element.get(qn("w:val"))

    def base_size(self) -> float:
        """The type size of ordinary text (the default paragraph style's), in half-points."""
        return merged(self.defaults, self.properties(self.default_paragraph)).size

    def style_property(self, style_id: str | None, tag: str) -> etree._Element | None:
        """The nearest ``w:pPr`` child ``tag`` (``w:numPr``) along a style's chain."""
        for style in self.chain(style_id):
            found = style.find(f"{qn('w:pPr')}/{tag}")
            if found is not None:
                return found
        return None
