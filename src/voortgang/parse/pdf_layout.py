"""Geometry of a PDF page: glyphs into lines, lines into a table's columns, rows and paragraphs.

Pure functions on positioned glyphs, so every rule can be tested without a PDF. The reader in
``pdf.py`` turns pdfplumber's characters into glyphs and the result into the grid.

A table's columns come from its header row: each label (a stretch of text set off by a wide gap)
names a column, and an unnamed column left of the first label holds the item numbers. Between
two labels the column boundary is a vertical ruling line where there is one, else the gap in
the body text just before the next column's text begins, which holds whether labels are left
aligned or centred. Rows are bounded by horizontal rulings, or in a table without them begin
where the first column has text or where most columns start text together after a gap.
"""

from __future__ import annotations

import dataclasses
import math
import re
import statistics
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from voortgang.model.organisations import KNOWN_ORGANISATIONS

LIST_GLYPHS = frozenset("-–•·o▪◦●■➢✓*")
LIST_LABEL = re.compile(r"(?:\d{1,2}|[a-z])[.)]?")
NUMBERING = re.compile(r"(?:\d{1,2}|[a-z])\.")
BROKEN_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})*\.|\d{1,2}(?:\.\d{1,2})+")
NAME_PARTS = re.compile(r"[/,;()\s]+")
# Words after which a line-end hyphen is a dash in "stage- en arbeidsplaatsen", not a join.
WORDS_AFTER_DASH = frozenset({"en", "of", "tot", "t/m", "dan"})
# Where a line may break without a space.
BREAKS_AFTER = ("-", "–", "/")


@dataclass(frozen=True, slots=True)
class Glyph:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    italic: bool = False
    bold: bool = False
    # False for a space added where the PDF only left a gap.
    drawn: bool = True


@dataclass(frozen=True)
class Line:
    """Glyphs at one height, left to right, with spaces where the PDF only left a gap.

    Its measures are computed once (a page asks for them many times).
    """

    glyphs: tuple[Glyph, ...]

    @cached_property
    def top(self) -> float:
        return min(g.top for g in self.glyphs)

    @cached_property
    def bottom(self) -> float:
        return max(g.bottom for g in self.glyphs)

    @property
    def x0(self) -> float:
        return self.ink[0].x0

    @property
    def x1(self) -> float:
        return self.ink[-1].x1

    @cached_property
    def size(self) -> float:
        return statistics.median(g.size for g in self.glyphs)

    @cached_property
    def ink(self) -> tuple[Glyph, ...]:
        return tuple(g for g in self.glyphs if not g.text.isspace())

    @cached_property
    def trimmed(self) -> tuple[Glyph, ...]:
        """The glyphs from the first ink to the last, without spaces at the ends."""
        ink = [i for i, g in enumerate(self.glyphs) if not g.text.isspace()]
        return self.glyphs[ink[0] : ink[-1] + 1] if ink else ()

    @cached_property
    def text(self) -> str:
        return "".join(g.text for g in self.trimmed)

    @cached_property
    def words(self) -> list[tuple[Glyph, ...]]:
        """Runs of ink separated by spaces."""
        found: list[list[Glyph]] = [[]]
        for glyph in self.glyphs:
            if glyph.text.isspace():
                found.append([])
            else:
                found[-1].append(glyph)
        return [tuple(word) for word in found if word]

    @cached_property
    def word_space(self) -> float | None:
        """The width of a space in the line: the narrowest between its words (justified text
        widens the others), else the one drawn after its last word; None if it has none."""
        gaps = [g.x1 - g.x0 for g in self.trimmed if g.text == " "]
        if not gaps and self.ends_in_space:
            gaps = [self.glyphs[-1].x1 - self.glyphs[-1].x0]
        return min(gaps) if gaps else None

    @cached_property
    def ends_in_space(self) -> bool:
        """Whether the PDF draws a space after the line's last word."""
        return bool(self.glyphs) and self.glyphs[-1].text.isspace() and self.glyphs[-1].drawn

    def within(self, left: float, right: float) -> Line | None:
        """The part of the line whose glyphs begin in [left, right), or None if empty."""
        inside = tuple(g for g in self.glyphs if left <= g.x0 < right)
        return Line(inside) if any(not g.text.isspace() for g in inside) else None


def make_lines(glyphs: Sequence[Glyph]) -> list[Line]:
    """Group glyphs into lines by height and add the spaces a PDF leaves out."""
    lines: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: (g.top, g.x0)):
        if lines and abs(glyph.top - lines[-1][0].top) <= 0.3 * glyph.size:
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    return [Line(_with_spaces(_drawn_once(sorted(line, key=lambda g: g.x0)))) for line in lines]


def _drawn_once(glyphs: list[Glyph]) -> list[Glyph]:
    """The glyphs without the copies drawn a fraction of a point off to fake bold: off by
    less than half the glyph's width, so the second of two narrow letters (``ll``) stays."""
    kept: list[Glyph] = []
    for glyph in glyphs:
        last = kept[-1] if kept else None
        if (
            last is not None
            and glyph.text == last.text
            and abs(glyph.x0 - last.x0) < min(0.2 * glyph.size, 0.5 * (last.x1 - last.x0))
            and abs(glyph.top - last.top) < 0.2 * glyph.size
        ):
            kept[-1] = dataclasses.replace(last, bold=True)
        else:
            kept.append(glyph)
    return kept


def _with_spaces(glyphs: list[Glyph]) -> tuple[Glyph, ...]:
    spaced: list[Glyph] = []
    for glyph in glyphs:
        if spaced:
            before = spaced[-1]
            gap = glyph.x0 - before.x1
            if gap > 0.15 * glyph.size and not (before.text.isspace() or glyph.text.isspace()):
                spaced.append(
                    Glyph(
                        " ", before.x1, glyph.x0, before.top, before.bottom, glyph.size, drawn=False
                    )
                )
        spaced.append(glyph)
    return tuple(spaced)


def within_margins(lines: list[Line]) -> list[Line]:
    """The lines without the page header and footer a browser prints in the margins (a date,
    the file's name, ``3/18``): at the very top or bottom, set apart, in smaller type than
    the page's text."""
    if not lines:
        return lines
    size = statistics.median(line.size for line in lines)

    def apart(line: Line, neighbour: Line) -> bool:
        gap = (
            line.top - neighbour.bottom if line.top > neighbour.top else neighbour.top - line.bottom
        )
        return line.size < 0.9 * size and gap > 0.5 * line.size

    start, end = 0, len(lines)
    while end - start > 1 and apart(lines[start], lines[start + 1]):
        start += 1
    while end - start > 1 and apart(lines[end - 1], lines[end - 2]):
        end -= 1
    return lines[start:end]


# -- columns -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Label:
    text: str
    x0: float
    x1: float


def labels_of(lines: Sequence[Line], names: Collection[str] = ()) -> list[Label]:
    """The labels of a header row, left to right: on each line the stretches of text set off
    from each other by more than a space, and on the lines below, what stands under them (a
    label wrapped in its cell, ``Stand van`` / ``zaken``, or broken, ``Deadlin`` / ``e``).

    Where cells stand as close as words (``Deadline Trekker``), a stretch that spells one of
    ``names`` (lower case, without spaces) ends where the next word begins another.
    """
    labels: list[Label] = []
    for line in lines:
        # Words stand apart by a space; the font's own (0.6 em in a monospaced one) where
        # the PDF draws it.
        drawn = [g.x1 - g.x0 for g in line.glyphs if g.drawn and g.text == " "]
        word_gap = max(0.6 * line.size, 1.05 * min(max(drawn, default=0.0), line.size))
        stretches: list[list[Glyph]] = []
        for word in line.words:
            spelled = "".join(g.text for g in stretches[-1]).lower() if stretches else ""
            begun = "".join(g.text for g in word).lower()
            next_name = spelled in names and any(name.startswith(begun) for name in names)
            if stretches and not next_name and word[0].x0 - stretches[-1][-1].x1 <= word_gap:
                stretches[-1].extend(word)
            else:
                stretches.append(list(word))
        for stretch in stretches:
            text, x0, x1 = Line(_with_spaces(stretch)).text, stretch[0].x0, stretch[-1].x1
            above = next((i for i, got in enumerate(labels) if x0 < got.x1 and x1 > got.x0), None)
            if above is None:
                labels.append(Label(text, x0, x1))
            else:
                label = labels[above]
                labels[above] = Label(f"{label.text} {text}", min(label.x0, x0), max(label.x1, x1))
    return sorted(labels, key=lambda label: label.x0)


@dataclass(frozen=True, slots=True)
class Measure:
    """How far text reaches in one column: at least to ``sure`` (so a line that left room for
    the next word there was ended on purpose), and as best known to ``edge``, where the column
    ends (so a word broken there was broken for lack of room). ``start`` is its left bound.
    ``reach`` is as far as ink or a drawn space reaches in the column (so a line had room
    for a space where it ends a space short of it), and ``space`` the width of a space
    between its words (0 where unknown)."""

    start: float
    sure: float
    edge: float
    reach: float = -math.inf
    space: float = 0.0

    def widened(self, widest: float, reach: float, space: float) -> Measure:
        return Measure(
            self.start,
            max(self.sure, widest),
            max(self.edge, widest),
            max(self.reach, reach),
            self.space or space,
        )


@dataclass(frozen=True, slots=True)
class Columns:
    """Column boundaries: column i holds glyphs with ``bounds[i] <= x0 < bounds[i + 1]``.

    ``measures`` tell how far text reaches in each column; ``anchors`` are where the header's
    labels begin, to know the same table again on the next page.
    """

    bounds: tuple[float, ...]
    measures: tuple[Measure, ...]
    labels: tuple[str, ...]
    anchors: tuple[float, ...]

    def split(self, line: Line) -> list[Line | None]:
        edges = (-float("inf"), *self.bounds[1:-1], float("inf"))
        return [line.within(edges[i], edges[i + 1]) for i in range(len(self.labels))]

    def is_same_table(self, labels: Sequence[Label]) -> bool:
        return [label.text for label in labels] == [text for text in self.labels if text] and all(
            abs(anchor - label.x0) < 1 for anchor, label in zip(self.anchors, labels, strict=True)
        )

    def widened(self, body: Sequence[Line]) -> Columns:
        """The same columns on another page, measured to reach at least as far as the lines of
        ``body``, and each boundary moved left to where a word of ``body`` begins just short
        of it and runs across it: a producer that lays out each page's table anew may set a
        column a fraction of a point further left."""
        bounds = list(self.bounds)
        for line in body:
            for word in line.words:
                x0, x1 = word[0].x0, word[-1].x1
                for i in range(1, len(bounds) - 1):
                    if self.bounds[i] - 0.2 * line.size <= x0 < self.bounds[i] < x1:
                        bounds[i] = min(bounds[i], x0 - 0.5)
        settled = tuple(bounds)
        _, widest, reach, space = _extents(settled, body)
        measures = tuple(
            m.widened(*found) for m, *found in zip(self.measures, widest, reach, space, strict=True)
        )
        return Columns(settled, measures, self.labels, self.anchors)


def _ink_intervals(lines: Sequence[Line]) -> list[tuple[float, float]]:
    return [(word[0].x0, word[-1].x1) for line in lines for word in line.words]


def _last_gap_end(intervals: list[tuple[float, float]], left: float, right: float) -> float:
    """Where the last stretch of [left, right] that no interval covers ends; ``right`` if
    nothing covers the end of the range, ``left`` if everything is covered."""
    covered = sorted((max(a, left), min(b, right)) for a, b in intervals if b > left and a < right)
    end, reach = left, left
    for start, stop in covered:
        if start > reach:
            end = start
        reach = max(reach, stop)
    return right if reach < right else end


def find_columns(
    labels: Sequence[Label],
    body: Sequence[Line],
    vertical_rules: Sequence[float],
    right_edge: float,
    previous: Columns | None = None,
) -> Columns:
    """The columns of a table from its header's labels, the body lines below and the rulings.

    ``previous`` is the layout of the table on the page before: where the header stands in the
    same place it is the same table, laid out as before (a page with little text shows little
    of its columns).
    """
    if previous is not None and previous.is_same_table(labels):
        return previous.widened(body)
    intervals = _ink_intervals(body)
    texts = [label.text for label in labels]
    starts: list[float] = []
    ruled = True
    body_left = min((a for a, _ in intervals), default=labels[0].x0)
    left_rules = [x for x in vertical_rules if x <= min(body_left, labels[0].x0) + 0.5]
    size = statistics.median([line.size for line in body]) if body else 10.0
    if body_left < labels[0].x0 - size:  # text left of the first label: a numbers column
        starts.append(max(left_rules) if left_rules else body_left - 0.5)
        texts.insert(0, "")
    elif previous is not None and not previous.labels[0] and previous.bounds[1] < labels[0].x0:
        starts.append(previous.bounds[0])  # a page without numbers, in a table that has them
        texts.insert(0, "")
    previous_right = starts[0] if starts else min(body_left, labels[0].x0) - 1
    for label in labels:
        zone = (previous_right, label.x0 + 0.5)
        rules = [x for x in vertical_rules if zone[0] < x <= zone[1]]
        if not starts:
            starts.append(max(left_rules) if left_rules else zone[0])
        elif rules:
            starts.append(max(rules))
        else:
            starts.append(_last_gap_end(intervals, *zone) - 0.5)
            ruled = False
        previous_right = label.x1
    right_rules = [x for x in vertical_rules if x > labels[-1].x1]
    bounds = (*starts, min(right_rules) if ruled and right_rules else right_edge)
    anchors = tuple(label.x0 for label in labels)
    return Columns(bounds, _measures(bounds, body, ruled), tuple(texts), anchors)


def _extents(
    bounds: tuple[float, ...], body: Sequence[Line]
) -> tuple[list[float], list[float], list[float], list[float]]:
    """Per column, where its text begins at the leftmost, where its widest line ends, how far
    ink or a drawn space reaches (``-inf`` if nothing does), and the usual width of a space
    between words (0 if no line tells).

    Only lines of more than one word count for the width where there are any: a single word
    may overrun the column (a producer that does not break words too long for it).
    """
    count = len(bounds) - 1
    lefts = [bounds[i + 1] for i in range(count)]
    widest = [bounds[i] for i in range(count)]
    widest_word = [bounds[i] for i in range(count)]
    reach = [-math.inf] * count
    spaces: list[list[float]] = [[] for _ in range(count)]
    splitter = Columns(bounds, (), ("",) * count, ())
    for line in body:
        for i, part in enumerate(splitter.split(line)):
            if part is not None:
                lefts[i] = min(lefts[i], part.x0)
                if len(part.words) > 1:
                    widest[i] = max(widest[i], part.x1)
                else:
                    widest_word[i] = max(widest_word[i], part.x1)
                reach[i] = max(reach[i], part.glyphs[-1].x1 if part.ends_in_space else part.x1)
                if part.word_space is not None:
                    spaces[i].append(part.word_space)
    widest = [w if w > b else v for w, v, b in zip(widest, widest_word, bounds, strict=False)]
    space = [statistics.median(found) if found else 0.0 for found in spaces]
    return lefts, widest, reach, space


def _measures(bounds: tuple[float, ...], body: Sequence[Line], ruled: bool) -> tuple[Measure, ...]:
    """How far text reaches in each column.

    The column's end is, between rulings, the ruling less the cell padding (seen where text
    begins); without rulings, the next column's start less the gutter (estimated where text
    comes closest to the next column); for the last column without rulings, its widest line.
    Text surely reaches the widest line; where that stops well short of the end (a column of
    short entries), it surely reaches the end less a margin for the estimate's error.
    """
    lefts, widest, reach, space = _extents(bounds, body)
    count = len(bounds) - 1
    used = [i for i in range(count) if widest[i] > bounds[i]]
    size = statistics.median([line.size for line in body]) if body else 10.0
    if ruled:
        gutter = 2 * max(min((lefts[i] - bounds[i] for i in used), default=0.0), 0.0)
        ends = [bounds[i + 1] - gutter / 2 for i in range(count)]
    else:
        gutter = min((bounds[i + 1] - widest[i] for i in used if i < count - 1), default=0.0)
        ends = [bounds[i + 1] - gutter for i in range(count - 1)] + [widest[-1]]
    measures = []
    for i in range(count):
        edge = max(ends[i], widest[i])
        sure = widest[i] if edge - widest[i] < 2 * size else edge - 0.5 * size
        measures.append(Measure(bounds[i], sure, edge, reach[i], space[i]))
    return tuple(measures)


# -- spacing -----------------------------------------------------------------------------------


def opens_gap(step: float, pitch: float) -> bool:
    """Whether the step from one line to the next is more than a line: paragraph spacing."""
    return step > pitch + max(1.0, 0.1 * pitch)


# -- paragraphs --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TextLine:
    """One line of one cell, and how far text reaches in its column."""

    line: Line
    measure: Measure

    @property
    def is_wide(self) -> bool:
        """Whether the column holds running text rather than short entries."""
        return self.measure.edge - self.measure.start >= 10 * self.line.size

    @classmethod
    def alone(cls, line: Line) -> TextLine:
        """A line outside any column, measured by itself."""
        return cls(line, Measure(line.x0, line.x1, line.x1))


def starts_list_item(line: Line) -> bool:
    """Whether the line begins with a list glyph (``-``, ``•``) or a numbering (``2.``,
    ``b.``) followed by text: such a line begins a paragraph. A numbering in parentheses
    (``1)``) is as often an enumeration in running text, wrapped to the start of a line, so
    there the line's fit decides."""
    words = line.words
    if len(words) < 2:
        return False
    first = "".join(glyph.text for glyph in words[0])
    return first in LIST_GLYPHS or bool(NUMBERING.fullmatch(first))


def draws_wrap_spaces(parts: Sequence[Line]) -> bool:
    """Whether the producer draws the space at which a line wraps, as LibreOffice does and
    browsers do not: whether a good share of the lines of cells end in a drawn space."""
    spaced = sum(part.ends_in_space for part in parts)
    return spaced >= 3 and spaced >= 0.1 * len(parts)


def join_between(
    before: TextLine, after: TextLine, pitch: float | None, wrap_spaces: bool = False
) -> str | None:
    """How two consecutive lines of a cell join: None for a new paragraph, " " for a wrapped
    line, "" where a word was broken over the lines.

    ``pitch`` is the usual line distance, or None across a page break, where spacing says
    nothing. ``wrap_spaces``: the producer draws the space a line wraps at, so a wrapped line
    without one ended inside a word (``ABC/`` / ``DEF``, ``informati`` / ``e``).
    """
    if pitch is not None and opens_gap(after.line.top - before.line.top, pitch):
        return None
    if starts_list_item(after.line):
        return None
    next_word = after.line.words[0]
    measure = before.measure
    space = before.line.word_space or measure.space or 0.28 * before.line.size
    room = measure.sure - before.line.x1 - space  # what the line had left after a space
    # The next word would have fitted: the line was ended on purpose. Unless it ends in a
    # comma, as no paragraph does: then the column is narrower than measured (a browser
    # shrinks a column of short entries to its content: ABC, / DEF, / GHI,).
    fitted = next_word[-1].x1 - next_word[0].x0 <= room - 0.5
    if fitted and not before.line.text.endswith(","):
        return None
    last = before.line.text
    first = "".join(g.text for g in next_word)
    next_glyph = next_word[0]
    full = before.line.x1 + next_glyph.x1 - next_glyph.x0 > measure.edge
    # A word too long for the column, broken where the column was full.
    broken = len(before.line.words) == 1 and full and _goes_on(last, first)
    if wrap_spaces and before.line.ends_in_space:
        return " "
    if wrap_spaces and before.line.x1 + space <= measure.reach:
        # Room for the space, yet none drawn: the line did not wrap at a space. It broke
        # after a hyphen or slash, or inside a word too long for the column, or it ended.
        return "" if last.endswith(BREAKS_AFTER) or broken else None
    if last.endswith("-") and last[-2:-1].isalnum() and first[:1].isalnum():
        return " " if first.lower() in WORDS_AFTER_DASH else ""
    if broken and (wrap_spaces or not before.is_wide):
        return ""
    if last.endswith("/") and last[-2:-1].isalpha() and first[:1].islower():
        return ""  # broken after a slash: en/ + of (a name, ABC, may stand apart)
    return " "


def _goes_on(last: str, first: str) -> bool:
    """Whether ``first`` may be the rest of a word that ``last`` ends with: a word goes on in
    lower case, an item number (``2.0.`` / ``1``) in digits; where a half is a known name
    (``WWI`` / ``en``, ``BZK`` / ``VNG``), only if the halves make one (``NCT`` / ``b``)."""
    tail, head = NAME_PARTS.split(last)[-1], NAME_PARTS.split(first)[0]
    if tail and tail + head in KNOWN_ORGANISATIONS:
        return tail not in KNOWN_ORGANISATIONS or head not in KNOWN_ORGANISATIONS
    if tail in KNOWN_ORGANISATIONS or head in KNOWN_ORGANISATIONS:
        return False
    if BROKEN_NUMBER.fullmatch(last):
        return first[:1].isdigit()
    return last[-1:].isalpha() and first[:1].islower()


@dataclass
class StyledParagraph:
    """Glyph runs of one paragraph; ``joins_previous`` as in the grid."""

    pieces: list[tuple[str, bool, bool]] = field(default_factory=list)
    joins_previous: str | None = None


def paragraphs_of(
    lines: Sequence[TextLine],
    pitch: float,
    first_join: str | None = None,
    wrap_spaces: bool = False,
) -> list[StyledParagraph]:
    """Lines of one cell as paragraphs of (text, italic, bold) pieces; ``wrap_spaces`` as
    for ``join_between``."""
    paragraphs: list[StyledParagraph] = []
    label: str | None = None  # the label the current paragraph began with
    for index, text_line in enumerate(lines):
        join = None if index == 0 else join_between(lines[index - 1], text_line, pitch, wrap_spaces)
        first = "".join(g.text for g in text_line.line.words[0])
        if join is not None and label is not None and first == _next_label(label):
            join = None  # the next in a list (``3 …``, ``4 …``), wherever the line before ended
        if index == 0 or join is None:
            paragraphs.append(StyledParagraph(joins_previous=first_join if index == 0 else None))
        elif join:
            paragraphs[-1].pieces.append((join, False, False))
        paragraphs[-1].pieces.extend((g.text, g.italic, g.bold) for g in text_line.line.trimmed)
        if join is None:
            label = first if LIST_LABEL.fullmatch(first) and len(text_line.line.words) > 1 else None
    return paragraphs


def _next_label(label: str) -> str:
    """``3`` → ``4``, ``c.`` → ``d.``, ``2)`` → ``3)``."""
    body, mark = label.rstrip(".)"), label[len(label.rstrip(".)")) :]
    following = str(int(body) + 1) if body.isdigit() else chr(ord(body) + 1)
    return following + mark
