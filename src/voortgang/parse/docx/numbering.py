"""The labels Word's list numbering draws: they stand in no run of text, so they are computed.

A numbered paragraph names a list (``w:numPr``: ``w:numId``, ``w:ilvl``), in its own
properties or through its paragraph style. ``numbering.xml`` maps the list (``w:num``) to an
abstract definition (``w:abstractNum``, possibly through a ``w:numStyleLink``) whose levels
(``w:lvl``) give ``w:start``, ``w:numFmt`` (decimal, lowerLetter, upperRoman, bullet, …), the
label's text with placeholders (``w:lvlText``: ``%1.``, ``%1)``, ``%1.%2``), ``w:lvlRestart``,
``w:isLgl`` and what follows the label (``w:suff``: a tab, a space or nothing).

Counting, as Word does: lists that share an abstract definition share their count, so a
paragraph of another ``w:num`` on it goes on counting; a ``w:num`` with a
``w:lvlOverride/w:startOverride`` (Word's "restart numbering") counts on its own, from the
override. Each paragraph of a level counts it up and restarts the deeper levels (unless their
``w:lvlRestart`` says otherwise). Each part (body, a page header) counts on its own. A format
not listed in ``FORMATS`` (ordinals, words, Asian numerals) is drawn as a decimal number.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from docx.oxml.ns import qn
from lxml import etree

from voortgang.parse.docx.styles import Styles

LEVELS = 9
# Where a level's w:start is missing, the count starts at 0 (ECMA-376 17.9.26).
DEFAULT_START = 0
# The longest chain of numStyleLink followed (a damaged file may loop).
MAX_STYLE_LINKS = 4
PLACEHOLDER_LEVELS = range(1, LEVELS + 1)
SUFFIXES = {"tab": "\t", "space": " ", "nothing": ""}


def _letters(value: int, alphabet: str) -> str:
    """Word's letter numbering: a … z, then aa … zz, aaa … (the letter repeated)."""
    if value < 1:
        return str(value)
    return alphabet[(value - 1) % 26] * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    if not 0 < value < 4000:
        return str(value)
    numerals = (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    )  # fmt: skip
    out = []
    for amount, numeral in numerals:
        count, value = divmod(value, amount)
        out.append(numeral * count)
    return "".join(out)


LOWER = "abcdefghijklmnopqrstuvwxyz"
FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda value: f"{value:02d}",
    "lowerLetter": lambda value: _letters(value, LOWER),
    "upperLetter": lambda value: _letters(value, LOWER.upper()),
    "lowerRoman": _roman,
    "upperRoman": lambda value: _roman(value).upper(),
    "none": lambda value: "",
}


def _int(element: etree._Element | None, default: int | None = None) -> int | None:
    if element is None:
        return default
    try:
        return int(element.get(qn("w:val"), ""))
    except ValueError:
        return default


def _val(element: etree._Element | None, default: str = "") -> str:
    return default if element is None else element.get(qn("w:val"), default)


@dataclass(frozen=True, slots=True)
class Label:
    """A drawn list label: its text (what follows it included) and its level's ``w:rPr``."""

    text: str
    rpr: etree._Element | None


@dataclass
class _List:
    """A list's count: the current value of each level, None where not yet counted."""

    values: list[int | None] = field(default_factory=lambda: [None] * LEVELS)


class Numbering:
    """The numbering part, and the counts of the lists in one part of the document."""

    def __init__(self, root: etree._Element | None, styles: Styles) -> None:
        self.styles = styles
        self.abstract: dict[str, etree._Element] = {}
        self.nums: dict[str, etree._Element] = {}
        if root is not None:
            for element in root.iter(qn("w:abstractNum")):
                self.abstract.setdefault(element.get(qn("w:abstractNumId"), ""), element)
            for element in root.iter(qn("w:num")):
                self.nums.setdefault(element.get(qn("w:numId"), ""), element)
        self.counts: dict[tuple[str, str], _List] = {}

    def fresh(self) -> Numbering:
        """The same definitions, counting from the start (for another part)."""
        other = Numbering(None, self.styles)
        other.abstract, other.nums = self.abstract, self.nums
        return other

    def _abstract_of(self, num: etree._Element) -> etree._Element | None:
        abstract = self.abstract.get(_val(num.find(qn("w:abstractNumId"))))
        for _ in range(MAX_STYLE_LINKS):
            link = None if abstract is None else abstract.find(qn("w:numStyleLink"))
            if link is None:
                return abstract
            num_pr = self.styles.style_property(_val(link), qn("w:numPr"))
            linked = self.nums.get(_val(None if num_pr is None else num_pr.find(qn("w:numId"))))
            if linked is None:
                return None
            abstract = self.abstract.get(_val(linked.find(qn("w:abstractNumId"))))
        return abstract

    def _override(self, num: etree._Element, level: int) -> etree._Element | None:
        for override in num.iter(qn("w:lvlOverride")):
            if override.get(qn("w:ilvl")) == str(level):
                return override
        return None

    def _level(
        self, num: etree._Element, abstract: etree._Element, level: int
    ) -> etree._Element | None:
        override = self._override(num, level)
        if override is not None and override.find(qn("w:lvl")) is not None:
            return override.find(qn("w:lvl"))
        for lvl in abstract.iter(qn("w:lvl")):
            if lvl.get(qn("w:ilvl")) == str(level):
                return lvl
        return None

    def _start(self, num: etree._Element, abstract: etree._Element, level: int) -> int:
        override = self._override(num, level)
        if override is not None and override.find(qn("w:startOverride")) is not None:
            return _int(override.find(qn("w:startOverride")), DEFAULT_START) or 0
        lvl = self._level(num, abstract, level)
        return _int(None if lvl is None else lvl.find(qn("w:start")), DEFAULT_START) or 0

    def label(self, num_id: str, level: int) -> Label | None:
        """Count paragraph of list ``num_id`` at ``level`` and return the label it draws;
        None where the paragraph is not numbered (``w:numId`` 0, or an unknown list)."""
        num = self.nums.get(num_id)
        abstract = None if num is None else self._abstract_of(num)
        if num is None or abstract is None or not 0 <= level < LEVELS:
            return None
        restarts = any(True for _ in num.iter(qn("w:startOverride")))
        key = ("num", num_id) if restarts else ("abstract", abstract.get(qn("w:abstractNumId"), ""))
        count = self.counts.setdefault(key, _List())
        values = count.values
        current = values[level]
        values[level] = self._start(num, abstract, level) if current is None else current + 1
        for deeper in range(level + 1, LEVELS):
            lvl = self._level(num, abstract, deeper)
            restart = _int(None if lvl is None else lvl.find(qn("w:lvlRestart")))
            if restart is None or (restart != 0 and level + 1 <= restart):
                values[deeper] = None
        lvl = self._level(num, abstract, level)
        if lvl is None:
            return None
        return Label(self._text(num, abstract, lvl, values), lvl.find(qn("w:rPr")))

    def _text(
        self,
        num: etree._Element,
        abstract: etree._Element,
        lvl: etree._Element,
        values: list[int | None],
    ) -> str:
        fmt = _val(lvl.find(qn("w:numFmt")), "decimal")
        text = _val(lvl.find(qn("w:lvlText")), "")
        suffix = SUFFIXES.get(_val(lvl.find(qn("w:suff")), "tab"), "\t")
        if fmt == "bullet":
            return text + suffix
        legal = lvl.find(qn("w:isLgl")) is not None
        for placeholder in PLACEHOLDER_LEVELS:
            if f"%{placeholder}" not in text:
                continue
            level = placeholder - 1
            value = values[level]
            if value is None:
                value = self._start(num, abstract, level)
            shown = self._level(num, abstract, level)
            level_fmt = _val(None if shown is None else shown.find(qn("w:numFmt")), "decimal")
            formatter = str if legal else FORMATS.get(level_fmt, str)
            text = text.replace(f"%{placeholder}", formatter(value))
        return text + suffix
