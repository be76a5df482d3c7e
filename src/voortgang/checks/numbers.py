"""Rules on item numbers: duplicates, order within a track, the track, gaps, malformed numbers.

An item number reads as its parts (``2.3.1`` is 2, 3, 1); its parents are its prefixes, which
need not be items themselves (2.3.0 and 2.3.1 under a 2.3 that has no row). The first item
with a number counts: a later item with the same number is reported as a duplicate and left
out of the order and gap rules, which would only say the same thing again.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from itertools import pairwise

from voortgang.checks.common import Explanation, about, first_page, number_parts
from voortgang.checks.reading import misread_number, trackless_numbers
from voortgang.model.diagnostics import Diagnostic
from voortgang.model.records import Item, Report


def sort_key(number: str) -> tuple[int, ...]:
    """An order for any number: as its parts where it reads, after every number where not."""
    parts = number_parts(number)
    return parts if parts is not None else (1 << 30,)


def _first_of_each(items: list[Item]) -> list[tuple[Item, tuple[int, ...]]]:
    """The well-formed items whose number no earlier item has, with the number's parts."""
    seen: set[str] = set()
    firsts = []
    for item in items:
        parts = number_parts(item.number)
        if parts is not None and item.number not in seen:
            firsts.append((item, parts))
        seen.add(item.number)
    return firsts


def _dotted(parts: tuple[int, ...]) -> str:
    return ".".join(map(str, parts))


def duplicate_numbers(report: Report) -> Iterator[Diagnostic]:
    """VG201: a number an earlier item has too. Rows continuing one item (an empty number, or
    the number of the row just above) were merged into one item when the report was read, so
    two items with one number are two items."""
    first: dict[str, Item] = {}
    for item in report.items:
        if item.number in first:
            earlier = first_page(first[item.number])
            where = f" (page {earlier})" if earlier is not None else ""
            yield about(
                "VG201",
                f"{item.number} is also the number of an earlier item{where}",
                report,
                item,
            )
        elif item.number:
            first[item.number] = item


def _longest_increasing(keys: list[tuple[int, ...]]) -> set[int]:
    """Indexes of one longest strictly increasing subsequence of ``keys``."""
    tails: list[tuple[int, ...]] = []  # the smallest last key of an increasing run of length i+1
    tail_index: list[int] = []
    previous: list[int | None] = []
    for index, key in enumerate(keys):
        length = bisect_left(tails, key)
        if length == len(tails):
            tails.append(key)
            tail_index.append(index)
        else:
            tails[length] = key
            tail_index[length] = index
        previous.append(tail_index[length - 1] if length else None)
    kept: set[int] = set()
    at: int | None = tail_index[-1] if tail_index else None
    while at is not None:
        kept.add(at)
        at = previous[at]
    return kept


def number_order(report: Report) -> Iterator[Diagnostic]:
    """VG202: within a track, the items that stand out of order: those outside the longest
    run of the track's numbers that is in order, so one misplaced item is one warning."""
    tracks: dict[int, list[tuple[Item, tuple[int, ...]]]] = {}
    for item, parts in _first_of_each(report.items):
        tracks.setdefault(item.track, []).append((item, parts))
    for track_items in tracks.values():
        in_order = _longest_increasing([parts for _, parts in track_items])
        for index, (item, _) in enumerate(track_items):
            if index in in_order:
                continue
            before = track_items[index - 1][0].number if index else None
            after = track_items[index + 1][0].number if index + 1 < len(track_items) else None
            if before and after:
                where = f"it stands between {before} and {after}"
            else:
                where = f"it stands after {before}" if before else f"it stands before {after}"
            yield about(
                "VG202",
                f"{item.number} is out of order: {where}",
                report,
                item,
            )


def numbers_in_tracks(report: Report) -> Iterator[Diagnostic]:
    """VG203: a number whose first part is not the track the item stands under. One whose
    first part is no track of the report at all is not read right, VG502's."""
    trackless = trackless_numbers(report)
    for item in report.items:
        parts = number_parts(item.number)
        if parts is not None and parts[0] != item.track and item.number not in trackless:
            yield about(
                "VG203",
                f"{item.number} stands under track {item.track}",
                report,
                item,
            )


def numbering_gaps(report: Report) -> Iterator[Diagnostic]:
    """VG204: numbers left out between two siblings (2.0 followed by 2.2), at every level,
    told on the first item of the number after the gap. A first child need not be 0 or 1."""
    children: dict[tuple[int, ...], dict[int, Item]] = {}
    for item, parts in _first_of_each(report.items):
        for level in range(len(parts)):
            children.setdefault(parts[:level], {}).setdefault(parts[level], item)
    for parent, found in children.items():
        values = sorted(found)
        for low, high in pairwise(values):
            if high - low < 2:
                continue
            missing = [_dotted((*parent, low + 1))]
            if high - low > 2:
                missing.append(_dotted((*parent, high - 1)))
            if parent:
                text = f"{_dotted((*parent, low))} is followed by {_dotted((*parent, high))}"
                gap = "–".join(missing)
            else:
                text = f"track {low} is followed by track {high}"
                gap = "track " + "–".join(missing)
            item = found[high]
            yield about(
                "VG204",
                f"gap in the numbering: {text} (no {gap})",
                report,
                item,
            )


def malformed_numbers(report: Report) -> Iterator[Diagnostic]:
    """VG205: a number cell whose one word starts as a number but is none, such as 2.3.1
    (``1.x``, ``2,3``). Nothing, words or several pieces in the cell are not read right:
    VG501's and VG505's."""
    for item in report.items:
        if number_parts(item.number) is None and not misread_number(item.number):
            yield about(
                "VG205",
                f'item number "{item.number}" is not a number such as 2.3.1',
                report,
                item,
            )


EXPLANATIONS = (
    Explanation(
        "VG201",
        why="Two items with one number make every reference to it ambiguous, and one of them "
        "was usually meant to have another number.",
        example="A row numbered 3.1 after 3.2, while 3.1 already stands earlier in the track.",
    ),
    Explanation(
        "VG202",
        why="Items are listed in the order of their numbers; one out of order was usually "
        "renumbered without being moved, or mistyped.",
        example="2.5 between 2.9 and 2.10.",
    ),
    Explanation(
        "VG203",
        why="An item's first number part is its track (SPOOR): an item under another track "
        "was moved without being renumbered, or mistyped.",
        example="Item 3.4 under SPOOR 2.",
    ),
    Explanation(
        "VG204",
        why="A number left out may be an item deleted on purpose, or one lost; it is "
        "information, never a failure.",
        example="2.0 followed by 2.2: there is no 2.1.",
    ),
    Explanation(
        "VG205",
        why="A number cell that holds no item number cannot be referred to, ordered or "
        "matched against another edition.",
        example='"2.a" or "twee" in the number column.',
    ),
)
