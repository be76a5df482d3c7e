"""Rules on the reading itself (VG5xx): records that no report's table can have, so that the
reader most likely went wrong where the layout was one it did not know.

A text rendition reads exactly; a PDF is read from where its words stand, and a layout the
reader does not know can put a footer in the number column, cut an item number in two, or read
a page as one row. These rules judge what was read: an item number that is no item number
(VG501), one that does not follow the table's own numbering (VG502), a page where the table
goes on without its header row (VG503), a row over more pages than a row can take (VG504),
item numbers that stand where no number column is (VG505), and words the reader joined or
kept apart at a line break where it could not tell which they were (VG506). ``voortgang parse``
warns about each; ``voortgang check`` reports them among the other rules.

Each rule measures the report against itself (its own numbering, its own pages), never against
a particular report, and each threshold below says why it is where it is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from voortgang.checks.common import Explanation, about, number_parts
from voortgang.model.diagnostics import Diagnostic
from voortgang.model.records import Item, Report
from voortgang.vocabulary import LEADING_NUMBER, MULTI_LEVEL

SHOWN = 40  # characters of a cell quoted in a message
LISTED = 3  # numbers listed in a message before "…"

# A count of levels (2 for 4.5, 3 for 4.4.1) is the table's own where at least this share of
# its other numbers have it. Real reports mix levels (two and three, the deeper about one number in
# five); a number read from a footer or from half a broken cell is one among dozens.
OWN_LEVELS_SHARE = 0.1
# Fewer numbers than this show no numbering of their own to hold one of them against.
SHAPE_MIN_NUMBERS = 3
# The table puts the track first (4.5 under SPOOR 4) where at least this share of its numbers do.
TRACK_FIRST_SHARE = 0.5
# The header row repeats page after page where it stands on more than this share of the pages
# the table stands on. A report that prints it once, or once per track's table, is not judged.
HEADER_REPEAT_SHARE = 0.5
# A row cut by a page break stands on two pages; on three, a cell of it was longer than a
# whole page, which a report's row is not, but the rows of a page read as one are.
SPAN_MIN_PAGES = 3
# Item numbers that are no item's, at the start of Resultaat paragraphs: one may be the text's
# own ("2.5 miljoen voor ..."); this many are rows whose number column was read as part of the
# Resultaat column.
SWALLOWED_MIN = 2


def _name(item: Item) -> str:
    return f"item {item.number}" if item.number else "the item without a number"


def _about(
    code: str, message: str, report: Report, item: Item, page: int | None = None
) -> Diagnostic:
    """A diagnostic about ``item`` (null where it has no number), on ``page`` or the page
    the item begins."""
    found = about(code, message, report, item, page=page)
    return found if item.number else found.model_copy(update={"item": None})


def _shown(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def _listed(numbers: list[str]) -> str:
    shown = ", ".join(numbers[:LISTED])
    return shown + (", …" if len(numbers) > LISTED else "")


def several_numbers(number: str) -> list[str]:
    """The item numbers a number cell holds where it holds more than one (``4.1 4.2``, rows
    read as one), else none."""
    tokens = [token.rstrip(".") for token in number.split()]
    if len(tokens) > 1 and all(MULTI_LEVEL.fullmatch(token) for token in tokens):
        return tokens
    return []


def misread_number(number: str) -> bool:
    """Whether a number cell holds what no number cell holds, told by VG501 or VG505: nothing,
    more than one word (``4.1. 2``, ``Pagina 2 van 3``), or a word (``van``). A single token
    that starts as a number (``1.x``, ``2,3``) is a slip of the author's, VG205's."""
    return not number or any(char.isspace() for char in number) or not number[0].isdigit()


def not_item_numbers(report: Report) -> Iterator[Diagnostic]:
    """VG501: an item without a number, or whose number cell holds words or an item number cut
    in pieces: a page footer or heading read as a row, a number broken over two lines and
    read apart, text of another column in the number column."""
    for item in report.items:
        if not item.number:
            begins = _shown(item.title or item.status or item.lead_text)
            message = "an item without a number" + (f' (it begins "{begins}")' if begins else "")
        elif misread_number(item.number) and not several_numbers(item.number):
            message = f'"{_shown(item.number)}" in the number column is not an item number'
        else:
            continue
        yield _about("VG501", message, report, item)


def track_numbers(report: Report) -> set[int]:
    """The tracks of the report: its track rows, or where the records hold none (JSON Lines),
    the tracks its items stand under."""
    return {track.number for track in report.tracks} or {item.track for item in report.items}


def trackless_numbers(report: Report) -> set[str]:
    """Item numbers whose first part is no track of the report, in a table whose numbers put
    the track first (VG502; VG203 leaves them to it)."""
    numbered = [(item, parts) for item in report.items if (parts := number_parts(item.number))]
    in_track = sum(parts[0] == item.track for item, parts in numbered)
    if not numbered or in_track < TRACK_FIRST_SHARE * len(numbered):
        return set()
    tracks = track_numbers(report)
    return {item.number for item, parts in numbered if parts[0] not in tracks}


def _levels(counts: set[int]) -> str:
    ordered = sorted(counts)
    words = " or ".join(str(count) for count in ordered)
    return f"{words} level" + ("" if ordered == [1] else "s")


def numbering_shape(report: Report) -> Iterator[Diagnostic]:
    """VG502: an item number shaped unlike the table's own numbering, that of the other numbers:
    one level where they have more (a lone ``13``, a year, the tail of a number broken in two;
    but not a ``4`` heading the ``4.1`` after it), two levels more than they go to, or a first
    part that is no track where the numbers put the track first. A number a level above the
    others (4.5 after 4.4.2) is their parents' sibling, and fine."""
    numbered = [(item, parts) for item in report.items if (parts := number_parts(item.number))]
    counts = Counter(len(parts) for _, parts in numbered)
    trackless = trackless_numbers(report)
    for index, (item, parts) in enumerate(numbered):
        others = counts - Counter({len(parts): 1})
        share = OWN_LEVELS_SHARE * (len(numbered) - 1)
        own = {levels for levels, count in others.items() if count >= share}
        following = numbered[index + 1][0].number if index + 1 < len(numbered) else ""
        heads = following.startswith(item.number + ".")
        lone = len(parts) == 1 < min(own, default=1) and not heads
        if len(numbered) >= SHAPE_MIN_NUMBERS and (
            lone or len(parts) > max(own, default=len(parts)) + 1
        ):
            reason = f"{_levels({len(parts)})} where the table's numbers have {_levels(own)}"
        elif item.number in trackless:
            reason = f"its first part is no track of the report (it stands under {item.track})"
        else:
            continue
        message = f"{item.number} does not follow the table's numbering: {reason}"
        yield _about("VG502", message, report, item)


def _table_pages(report: Report) -> list[int]:
    return sorted({page for item in report.items for page in item.pages})


def missing_headers(report: Report) -> Iterator[Diagnostic]:
    """VG503: a page on which the table goes on but its column header row was not found, in a
    report that repeats its header row page after page: the columns of that page were taken
    from another page's header, which need not be where this page has them."""
    if report.reading is None:  # records written before the header pages were recorded
        return
    table_pages = _table_pages(report)
    headed = set(report.reading.header_pages)
    found = len(headed & set(table_pages))
    if found < 2 or found <= HEADER_REPEAT_SHARE * len(table_pages):
        return
    first_on: dict[int, Item] = {}  # each page's first item, found once (not per page)
    for item in report.items:
        for page in item.pages:
            first_on.setdefault(page, item)
    for page in table_pages:
        if page in headed:
            continue
        item = first_on[page]
        message = (
            f"the table goes on without its column header row (found on {found} of its "
            f"{len(table_pages)} pages): this page's columns may be read wrongly"
        )
        yield _about("VG503", message, report, item, page)


def long_spans(report: Report) -> Iterator[Diagnostic]:
    """VG504: one row of the table on more pages than a row can stand on: a cell longer than a
    whole page, or the rows of a table read as one."""
    if report.reading is None:  # records written before the split rows were recorded
        return
    for row in report.reading.split_rows:
        if len(row.pages) < SPAN_MIN_PAGES:
            continue
        name = f"item {row.item}" if row.item else "the item without a number"
        message = (
            f"one row of {name} runs over {len(row.pages)} pages ({row.pages[0]}–{row.pages[-1]}): "
            "a cell longer than a page, or rows read as one"
        )
        yield Diagnostic.of(
            "VG504", message, item=row.item or None, page=row.pages[0], source=report.source.path
        )


def _result_lines(item: Item) -> Iterator[str]:
    yield from item.title.split("\n")
    for sub_item in item.sub_items:
        yield from sub_item.text.split("\n")


def swallowed_numbers(report: Report) -> Iterator[Diagnostic]:
    """VG505: item numbers where no item's number stands, so that the report has far fewer
    items than numbers: a number cell holding several (rows read as one), or numbers of no
    item at the start of Resultaat paragraphs (the number column read as part of that one)."""
    numbers = {item.number for item in report.items}
    stray: dict[int, list[str]] = {}
    for index, item in enumerate(report.items):
        for line in _result_lines(item):
            match = LEADING_NUMBER.match(line.strip())
            if match and match.group(1) not in numbers:
                stray.setdefault(index, []).append(match.group(1))
    enough = len({number for found in stray.values() for number in found}) >= SWALLOWED_MIN
    for index, item in enumerate(report.items):
        if held := several_numbers(item.number):
            held_text = f"{len(held)} item numbers ({_listed(held)})"
            message = f"the number cell holds {held_text}: rows read as one"
            yield _about("VG505", message, report, item)
        if enough and index in stray:
            found = list(dict.fromkeys(stray[index]))
            message = (
                f"{len(found)} item number{'s' if len(found) > 1 else ''} of no item "
                f"({_listed(found)}) begin Resultaat paragraphs of {_name(item)}: the number "
                "column read as part of the Resultaat column"
            )
            yield _about("VG505", message, report, item)


def doubtful_joins(report: Report) -> Iterator[Diagnostic]:
    """VG506: words at a line break that the reader could not tell one word from two: the
    line was full to its column's end, so it may end a word too long for the column (one
    word) or have wrapped at a space it had no room to draw (two), and the document holds
    neither reading's words elsewhere to tell by. The reader's guess is in the records; this
    says where to look."""
    if report.reading is None:  # records written before doubtful joins were recorded
        return
    for doubt in report.reading.doubtful_joins:
        name = f"item {doubt.item}" if doubt.item else "the item without a number"
        words, whole = f'"{doubt.before}" and "{doubt.after}"', f'"{doubt.before}{doubt.after}"'
        reading = (
            f"read as one word, {whole}; it may be two"
            if doubt.joined
            else f"read as two words; it may be one, {whole}"
        )
        message = f"{name}: {words}, where a full line ends, {reading}"
        yield Diagnostic.of(
            "VG506", message, item=doubt.item or None, page=doubt.page, source=report.source.path
        )


EXPLANATIONS = (
    Explanation(
        "VG501",
        why="No real item has such a number: the table was most likely read wrongly (a page "
        "footer or a wrapped number taken for a row), so its records cannot be trusted "
        "as they are.",
        example='"Pagina 2 van 3" or "4.1. 2" in the number column.',
    ),
    Explanation(
        "VG502",
        why="Numbers of one report share a shape; one that does not was most likely read "
        "wrongly from the page.",
        example='A lone "4" among numbers such as 2.3.1 and 2.4.',
    ),
    Explanation(
        "VG503",
        why="Where the table's header row repeats on its pages, a page without it was likely "
        "read with the columns of another page.",
        example="The header row on pages 1-3 and 5, not on page 4.",
    ),
    Explanation(
        "VG504",
        why="A cell longer than a page is rare; rows read as one row are the likelier cause, "
        "and then items were merged.",
        example="One row of item 3.1 on pages 9, 10 and 11.",
    ),
    Explanation(
        "VG505",
        why="Item numbers inside another item's cells mean rows were read as one: the items "
        "they number are missing from the records.",
        example='"2.4 2.5" in one number cell, or a Resultaat paragraph starting "2.6 ".',
    ),
    Explanation(
        "VG506",
        why="A line full to its column's end may end a word too long for the column or a line "
        "wrapped at a space it had no room to draw; where the document's own words cannot "
        "tell, the reading is a guess, to be checked against the PDF.",
        example='"Buurtaanpak" at a full line\'s end, "versterken" on the next: one word or two?',
    ),
)
