"""Recognising the report's fixed parts: the column header row, track rows, the page heading.

These repeat on every page of a rendition; assembly uses them to know what each column holds
and which track an item stands under, and drops them from the items.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from voortgang.errors import InputError
from voortgang.parse.grid import Cell, Row
from voortgang.vocabulary import HEADING_MAX, REQUIRED_FIELDS, TRACK_NUMBER, VOCABULARY, Vocabulary

TRACK = re.compile(
    rf"^\s*spoor\s+({TRACK_NUMBER})\s*(?:([:.\-–—])\s*)?(\S.*?)\s*$", re.IGNORECASE | re.S
)
MONTH_NAMES = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
)
DATE = re.compile(rf"^(?:\d{{1,2}}\s+)?(?:{MONTH_NAMES})\s+(?:19|20)\d\d$", re.IGNORECASE)
PAGE_NUMBER = re.compile(r"^(?:pagina|page|blz\.?)?\s*\d+(?:\s*(?:van|of|/)\s*\d+)?$", re.I)
SMALL_WORDS = frozenset(
    "aan bij de den der en het in met naar of om op over te ten ter tot uit van voor".split()
)


def printed_heading(cell: Cell) -> str:
    """A header cell's text as one line: a heading wrapped in its cell, on one."""
    return " ".join(cell.text.split())


@dataclass(frozen=True, slots=True)
class Columns:
    """Which cell of a row holds which field (``fields``), the heading each of those columns
    had (``headings``: "" for a number column without one), and the columns of no field by
    their headings (``extra``: (index, heading))."""

    fields: Mapping[str, int]
    headings: Mapping[str, str]
    extra: tuple[tuple[int, str], ...] = ()

    def cell(self, row: Row, field: str) -> Cell:
        """The row's cell in ``field``'s column; an empty one where the table has none."""
        index = self.fields.get(field)
        return row.cells[index] if index is not None and index < len(row.cells) else Cell()

    def extras(self, row: Row) -> tuple[tuple[str, Cell], ...]:
        """The row's cells in the columns of no field, by heading."""
        return tuple(
            (heading, row.cells[index] if index < len(row.cells) else Cell())
            for index, heading in self.extra
        )

    def others(self, row: Row) -> tuple[Cell, ...]:
        """The row's cells under no heading at all: an unheaded column beside the number
        column, or cells past the header's."""
        named = {*self.fields.values(), *(index for index, _ in self.extra)}
        return tuple(cell for index, cell in enumerate(row.cells) if index not in named)


def match_header(row: Row, vocabulary: Vocabulary = VOCABULARY) -> Columns | None:
    """The column layout if ``row`` is the header row: a heading for the title and the
    status (in any of the spellings ``vocabulary`` knows for them), and for the others where
    the table has them, in any order and styling; the number column headed as such, or
    without a heading (the first such column, before the title's where there is one there).
    A heading that names a field already taken, or none, is a column of its own (``extra``).

    Raises InputError for a row whose every heading names a field but that has no column for
    the numbers; a row with text that names nothing may be a table row, and is not a header.
    """
    if not row.in_table:
        return None
    fields: dict[str, int] = {}
    for index, cell in enumerate(row.cells):
        text = cell.text
        if len(text) <= HEADING_MAX and (field := vocabulary.field_of(text)) is not None:
            fields.setdefault(field, index)
    if any(field not in fields for field in REQUIRED_FIELDS):
        return None
    headings = {field: printed_heading(row.cells[index]) for field, index in fields.items()}
    named = set(fields.values())
    unheaded = [i for i, cell in enumerate(row.cells) if i not in named and cell.is_empty]
    extra = _unique_headings(
        [
            (i, printed_heading(c))
            for i, c in enumerate(row.cells)
            if i not in named and not c.is_empty
        ]
    )
    if "number" not in fields:
        before = [index for index in unheaded if index < fields["title"]]
        if not (before or unheaded):
            if extra:
                return None
            raise InputError("the table has no column for the item numbers")
        fields["number"] = (before or unheaded)[0]
        headings["number"] = ""
    order = sorted(fields, key=fields.__getitem__)
    return Columns(
        {field: fields[field] for field in order},
        {field: headings[field] for field in order},
        extra,
    )


def _unique_headings(columns: list[tuple[int, str]]) -> tuple[tuple[int, str], ...]:
    """The columns with their headings, a heading that comes again numbered: ``Noot``,
    ``Noot (2)``."""
    used: set[str] = set()
    unique: list[tuple[int, str]] = []
    for index, heading in columns:
        name, count = heading, 1
        while name in used:
            count += 1
            name = f"{heading} ({count})"
        used.add(name)
        unique.append((index, name))
    return tuple(unique)


def match_track(row: Row) -> tuple[int, str] | None:
    """(number, title) if ``row`` is a track row such as ``SPOOR 2: NATIONALE AANPAK``.

    In a table the track stands alone in the row's first cell; outside a table it must be set
    off by a colon or dash, or be in capitals, so that a sentence about a track is not one.
    """
    first = row.cells[0] if row.cells else Cell()
    if any(not cell.is_empty for cell in row.cells[1:]):
        return None
    match = TRACK.match(first.text)
    if not match:
        return None
    number, separator, title = match.groups()
    if not row.in_table and not separator and not first.text.isupper():
        return None
    return int(number), sentence_case(" ".join(title.split()))


def sentence_case(text: str) -> str:
    """``NATIONALE AANPAK`` as ``Nationale aanpak``; text not in capitals stays as printed."""
    return text[:1] + text[1:].lower() if text.isupper() else text


def title_case(text: str) -> str:
    """``ACTIEPLAN POLARISATIE EN RADICALISERING`` as ``Actieplan Polarisatie en
    Radicalisering``; text not in capitals stays as printed."""
    if not text.isupper():
        return text
    words = text.lower().split(" ")
    return " ".join(
        word if index and word in SMALL_WORDS else word[:1].upper() + word[1:]
        for index, word in enumerate(words)
    )


@dataclass(frozen=True, slots=True)
class Heading:
    """The running page heading: title, plan and date of the report."""

    title: str | None = None
    plan: str | None = None
    date: str | None = None

    @property
    def year(self) -> int | None:
        """The report's year, for deadlines that name only a month or season."""
        for text in (self.title, self.date):
            match = re.search(r"\b(?:19|20)\d\d\b", text or "")
            if match:
                return int(match.group(0))
        return None


def read_heading(
    lines_per_page: list[list[str]], prominence: Mapping[str, tuple[float, bool]] | None = None
) -> Heading:
    """The heading from the text outside the table on each page.

    Its lines are those that repeat on at least half the pages (a page that merged two
    heading lines into one does not disturb it), and those of the first page: a title block
    printed once, above the table. A date line such as ``December 2009`` is the date; the
    title is the first other line of the most prominent type (``prominence``: type size, then
    bold, where the format tells, so that a classification mark above the title is not it),
    and the plan the line after it. Page numbers are no heading.
    """
    pages = [page for page in lines_per_page if page]
    if not pages:
        return Heading()
    counts = Counter(line for page in pages for line in dict.fromkeys(page))
    running = [line for page in pages for line in page if counts[line] * 2 >= len(pages)]
    lines = [line for line in dict.fromkeys([*pages[0], *running]) if not PAGE_NUMBER.match(line)]
    date = next((line for line in lines if DATE.match(line)), None)
    others = [line for line in lines if line != date]
    if prominence and others:
        ranks = [prominence.get(line, (1.0, False)) for line in others]
        others = others[ranks.index(max(ranks)) :]
    return Heading(
        title=title_case(others[0]) if others else None,
        plan=title_case(others[1]) if len(others) > 1 else None,
        date=date,
    )
