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
from voortgang.vocabulary import COLUMN_NAMES

TRACK = re.compile(r"^\s*spoor\s+(\d{1,2})\s*(?:([:.\-–—])\s*)?(\S.*?)\s*$", re.IGNORECASE | re.S)
MONTH_NAMES = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
)
DATE = re.compile(rf"^(?:\d{{1,2}}\s+)?(?:{MONTH_NAMES})\s+(?:19|20)\d\d$", re.IGNORECASE)
PAGE_NUMBER = re.compile(r"^(?:pagina|page|blz\.?)?\s*\d+(?:\s*(?:van|of|/)\s*\d+)?$", re.I)
SMALL_WORDS = frozenset(
    "aan bij de den der en het in met naar of om op over te ten ter tot uit van voor".split()
)


def _header_name(cell: Cell) -> str:
    """A header cell's text as compared with the column names: without case or spaces, so a
    name wrapped or broken in a narrow cell (``Deadlin`` / ``e``) is still known."""
    return "".join(cell.text.lower().split()).rstrip(":.")


@dataclass(frozen=True, slots=True)
class Columns:
    """Which cell of a row holds which column."""

    number: int
    result: int
    deadline: int
    lead: int
    status: int

    def cell(self, row: Row, column: str) -> Cell:
        index = getattr(self, column)
        return row.cells[index] if index < len(row.cells) else Cell()

    def others(self, row: Row) -> tuple[Cell, ...]:
        """The row's cells under no column of the report: a column the report does not
        name, or cells past the header's."""
        named = {self.number, self.result, self.deadline, self.lead, self.status}
        return tuple(cell for index, cell in enumerate(row.cells) if index not in named)


def match_header(row: Row) -> Columns | None:
    """The column layout if ``row`` is the header row: Resultaat, Deadline, Trekker, Stand van
    zaken in any order and styling, and before them an unnamed or numbers column.

    Raises InputError for a header with the four named columns but no column for numbers.
    """
    if not row.in_table:
        return None
    names = [_header_name(cell) for cell in row.cells]
    found: dict[str, int] = {}
    for column, synonyms in COLUMN_NAMES.items():
        spellings = ["".join(name.split()) for name in synonyms]
        index = next((names.index(name) for name in spellings if name in names), None)
        if index is None:
            return None
        found[column] = index
    taken = set(found.values())
    before_result = [i for i in range(found["result"]) if i not in taken]
    if not before_result:
        raise InputError("the table has no column for the item numbers")
    return Columns(number=before_result[0], **found)


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
