"""What the PDF reader is told: its tolerances and the report's vocabulary.

Every tolerance of the geometry is a field of ``PdfSettings``, in em (the type size of the
glyph or line at hand) where it scales with type, else in points (pt) or as a share. The
defaults are what the committed samples and the rendered reports are read with.

``TableVocabulary`` is what the reader knows of the report: assembly hands it over, so that
nothing here knows which report it reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from voortgang.errors import InputError

Engine = Literal["pdfium", "pdfplumber"]
ENGINES: tuple[Engine, ...] = ("pdfium", "pdfplumber")


@dataclass(frozen=True, slots=True)
class PdfSettings:
    """The PDF reader's tolerances. Pass a changed copy (``dataclasses.replace``) to
    ``read_pdf`` or ``voortgang.parse`` to read a producer the defaults do not fit."""

    engine: Engine = "pdfplumber"
    """What reads the PDF's glyphs and rulings: ``pdfplumber`` (pdfminer, all in Python, the
    reference, and the default: its stream decoding obeys ``max_inflate``) or ``pdfium``
    (pypdfium2, in C, about a third faster over a whole parse, but its decoding of streams
    is not bounded by voortgang: for PDFs from trusted sources). Both give the same
    records."""

    empty_object_width: float = 0.01
    """pt: a text object no wider than this draws nothing pdfium's text page keeps (its own
    bound, ``kSizeEpsilon``): one that holds a space only, which the pdfium engine puts back
    as a drawn space."""

    # -- the page's drawings ------------------------------------------------------------------
    ruling_length: float = 4.0
    """pt: a drawn line or rectangle taller than this is a vertical ruling, wider than this a
    horizontal one; shorter ones are bullets, underlines of a word and the like."""
    ruling_join_height: float = 0.3
    """pt: pieces of horizontal ruling less than this apart in height are one line (a browser
    draws a row's border cell by cell, at heights a rounding apart)."""
    ruling_join_gap: float = 1.0
    """pt: on one height, a piece that begins at most this far past where the last one ends
    goes on the same ruling."""

    # -- glyphs and lines ---------------------------------------------------------------------
    bold_weight: float = 600
    """A font whose descriptor gives at least this FontWeight is bold (600 is semibold)."""
    line_tolerance: float = 0.3
    """em: glyphs whose tops differ by at most this are on one line; sub- and superscripts
    and mixed fonts move less, the next line (over 1 em down) far more."""
    fake_bold_offset: float = 0.2
    """em: a copy of the glyph before drawn less than this off it, across and up or down, is
    fake bold (the same glyph drawn twice a fraction of a point apart)."""
    fake_bold_width: float = 0.5
    """Share of the glyph's width: a copy must also be drawn less than this far across, so
    the second of two narrow letters (``ll``) is no copy."""
    space_gap: float = 0.15
    """em: a gap between two glyphs wider than this is a space the PDF left out (letter
    spacing and kerning stay well below it, a space is about 0.25 em)."""

    # -- page furniture -----------------------------------------------------------------------
    furniture_size: float = 0.9
    """Share of the page's usual type size: a line at the top or bottom in smaller type than
    this may be a running header or footer (a browser's date, file name, ``3/18``)."""
    furniture_gap: float = 0.5
    """em of the line: such a line is furniture if set more than this apart from the next."""
    running_pages: int = 2
    """A running header or footer is looked for on this many pages before and after a page:
    two, so that one that differs on odd and even pages is still found."""
    running_lines: int = 4
    """At most this many lines at the top, and as many at the bottom, of a page can be its
    running header and footer (a title block, a classification mark, a page number, a date)."""
    running_position: float = 0.5
    """em: a line is the same running header or footer as one on another page if it stands
    as far from the same edge, give or take this (a producer places them exactly; the
    table's lines near the edges move from page to page by whole lines)."""
    running_band_gap: float = 0.5
    """em: a line that stands in that band without repeating (a first page's own footer)
    is furniture only where it stands further than this from the page's text: lines of a
    paragraph stand about 0.2 em apart, a footer in the margin well over 1 em."""
    running_repeats: int = 2
    """A running header or footer repeats on this many of the pages around it (or on all,
    where there are fewer): once could be chance, a table's line where another page's
    stands; twice at the same place, with the same text but for digits, is the producer's."""

    # -- the header band ----------------------------------------------------------------------
    header_lines: int = 3
    """How many lines a header row may take, its labels wrapped or broken in narrow cells."""
    header_line_gap: float = 1.0
    """em of the header's first line: lines of one header row stand at most this apart."""
    label_gap: float = 0.6
    """em: two labels of a header line stand further apart than this (or than the space the
    font draws, see ``label_gap_over_space``); words of one label closer."""
    label_gap_over_space: float = 1.05
    """Times the widest space the line draws (at most 1 em): a wider gap sets labels apart, so
    a monospaced font's 0.6 em space still joins the words of a label."""
    heading_size: float = 1.2
    """Times the table's usual type size: a line in larger type below a table is a heading
    set after it, where the table ends."""

    # -- columns ------------------------------------------------------------------------------
    default_size: float = 10.0
    """pt: the type size assumed where a table has no body lines to measure."""
    number_column_indent: float = 1.0
    """em: body text that begins more than this left of the first label is in a column of
    its own without a label, the item numbers."""
    gap_bridging_share: float = 0.1
    """Up to this share of a table's lines (and one line at least) may run across the gap
    between two columns' text (a word from left of it to right of it) and it is a gap all the
    same: a heading between two tables, or a row merged across the columns, runs across every
    gap, and a page may hold few lines that show one (an item under the next table's
    heading). A cell's text never crosses it."""
    bound_margin: float = 0.5
    """pt: a column bound stands this far left of the text it bounds, and a ruling this far
    right of where text begins still bounds it (rounding of positions)."""
    table_left_margin: float = 1.0
    """pt: without a ruling or a numbers column, the table's left bound stands this far left
    of where its text begins."""
    anchor_tolerance: float = 1.0
    """pt: a header whose labels begin less than this from where the last page's began is the
    same table, its columns read as before."""
    column_creep: float = 0.2
    """em: on a page read with the last page's columns, a word that begins less than this
    left of a bound and runs across it moves the bound (a producer that lays out each page's
    table anew may set a column a fraction of a point further left)."""
    centred: float = 0.5
    """em: a line whose middle stands this close to the table's middle is centred over the
    table, as a heading is (a browser prints a merged track row so), not a cell's: a cell's
    text begins at its column's bound, a line of it this close to the middle by chance is
    rare."""
    short_column: float = 2.0
    """em: where a column's widest line ends less than this short of its edge, text surely
    reaches that far (a column of short entries shows nothing about its edge)."""
    sure_margin: float = 0.5
    """em: else text surely reaches the edge less this, the estimate's error."""

    # -- rows ---------------------------------------------------------------------------------
    default_pitch: float = 12.0
    """pt: the distance between lines of a paragraph assumed before any page showed one."""
    min_pitch: float = 0.8
    """em: a smaller step from one line to the next is no line pitch (lines that overlap)."""
    paragraph_gap: float = 0.1
    """Share of the line pitch: a step from one line to the next larger than a pitch by more
    than this (and ``paragraph_gap_min``) opens a gap: paragraph or row spacing."""
    paragraph_gap_min: float = 1.0
    """pt: the least the step must exceed the pitch by, whatever the pitch."""
    row_min_cells: int = 3
    """Lines that start text in this many cells together (or all, in a narrower table) after
    a gap begin a row of their own, without an item number."""
    row_rule_length: float = 0.5
    """Share of the table's width: a horizontal ruling this long or longer may bound rows."""
    span_gap: float = 0.6
    """em: a line whose parts on either side of a column bound stand closer than this runs
    across the bound, as a merged cell's text (a track row) does."""

    # -- joining lines ------------------------------------------------------------------------
    wide_column: float = 10.0
    """em: a column this wide or wider holds running text rather than short entries."""
    default_space: float = 0.28
    """em: the width of a space where neither the line nor its column shows one."""
    fit_margin: float = 0.5
    """pt: the next word would have fitted on the line if it is narrower, by this, than the
    room the line left after a space (so a line that just missed is not ended on purpose)."""
    whole_word_room: float = 1.0
    """em: a line that leaves this much room at its column's end ended its last word there (a
    word broken for lack of room leaves less than its next letter, and no letter is wider
    than an em), so the document's words count it whole (see ``join.Lexicon``)."""
    wrap_space_lines: int = 3
    """At least this many lines of cells ending in a drawn space, and"""
    wrap_space_share: float = 0.1
    """this share of them, tell that the producer draws the space a line wraps at."""
    heading_step: float = 1.5
    """em: outside a table, a line at most this far below the last is its heading's next
    line, if the heading wrapped there."""
    heading_size_change: float = 0.1
    """Share of the type size: a line whose type differs by more is not the same heading."""

    # -- limits against hostile files (see ``limits``) ----------------------------------------
    max_inflate: int = 256 * 1024 * 1024
    """bytes: a stream (a page's content, an object stream, a font) that decompresses past
    this is refused, decompression stopping there. A page of a report holds some kilobytes of
    content, a scan's picture some megabytes; a few hundred bytes of FlateDecode can claim
    gigabytes."""
    max_inflate_total: int = 1024 * 1024 * 1024
    """bytes: the streams of one document together decompress to at most this; past it the
    file is refused (many streams each under ``max_inflate``)."""

    max_operators: int = 1_000_000
    """Operators one page may run, those of the forms it draws included (with the pdfium
    engine: page objects, text, paths, images and forms, that its content makes). A page of
    a report runs some thousands, a detailed chart or map some hundred thousand; a form that
    draws the next ten times at every level (a "billion laughs") runs ten to the power of its
    depth. Past it the file is refused."""
    max_form_depth: int = 20
    """How deep form XObjects may nest in a page (a form drawn by a form drawn by …). A
    producer nests a logo or a page template a few levels; each level costs pdfminer a
    recursion of its own. Past it the file is refused."""

    # -- what to read -------------------------------------------------------------------------
    pages: frozenset[int] | None = None
    """The 1-based numbers of the pages to read (``--pages 3-5,8``); None for all. The
    others are not read at all; the pages read keep their numbers. A selection that holds
    none of the document's pages is an error, not an empty report."""

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise ValueError(f"no PDF engine {self.engine!r}: choose one of {', '.join(ENGINES)}")
        if self.pages is not None and (not self.pages or min(self.pages) < 1):
            raise ValueError("pages are numbered from 1, and at least one is to be read")

    def reads(self, number: int) -> bool:
        """Whether page ``number`` (1-based) is one to read."""
        return self.pages is None or number in self.pages

    def check_pages(self, count: int) -> None:
        """Raise InputError where the pages to read are none of a document of ``count``."""
        if self.pages is not None and min(self.pages) > count:
            asked = sorted(self.pages)
            listed = ", ".join(str(number) for number in asked[:5])
            more = ", …" if len(asked) > 5 else ""
            raise InputError(f"no page to read: pages {listed}{more} asked for, of {count}")


# The shortest column name a line is searched for to find a header row (see
# ``TableVocabulary.telling_names``).
SEARCH_NAME_LENGTH = 4


@dataclass(frozen=True)
class TableVocabulary:
    """What the reader knows of the report: the names of its columns (per column, each
    name's ``key``: how a header's text is compared), which of those columns every table has
    (``required``, indexes into ``column_names``), the grammar of an item number and of its
    first part where a narrow cell wraps it, the names of organisations (which are not
    broken words when a cell wraps between them), and words the table's cells use whole
    (``words``; with the column names, the words the document is taken to hold before it is
    read: see ``join.Lexicon``)."""

    column_names: tuple[tuple[str, ...], ...]
    item_number: re.Pattern[str]
    item_number_start: re.Pattern[str]
    organisations: frozenset[str]
    words: frozenset[str] = frozenset()
    key: Callable[[str], str] = str.lower
    required: tuple[int, ...] | None = None  # None: every column

    @cached_property
    def header_names(self) -> list[frozenset[str]]:
        """Per column, its names as keys without spaces, as a header may wrap or break them."""
        return [
            frozenset("".join(self.key(name).split()) for name in names)
            for names in self.column_names
        ]

    @cached_property
    def all_header_names(self) -> frozenset[str]:
        return frozenset().union(*self.header_names)

    @cached_property
    def telling_names(self) -> frozenset[str]:
        """The names a line is looked at as a header for (the first line of a header holds
        one): those of at least SEARCH_NAME_LENGTH letters, as shorter ones (``nr``, ``wie``)
        stand inside too many words of the table's text to tell anything."""
        return frozenset(name for name in self.all_header_names if len(name) >= SEARCH_NAME_LENGTH)

    @cached_property
    def required_names(self) -> list[frozenset[str]]:
        """The names of the columns a header row must have."""
        if self.required is None:
            return self.header_names
        return [self.header_names[index] for index in self.required]


DEFAULT_SETTINGS = PdfSettings()
