"""An item's rows as the report's table sets them out, rebuilt from its record.

The record keeps what a sub-item had in a row of its own (its ``deadline``, ``lead``,
``status``) but not the rows. A table for people, which voortgang also reads back to the same
record, lays the item out again:

- the title, with the sub-items before the first that has cells of its own, in one row;
- each sub-item with cells of its own in a row of its own;
- the sub-items after it that have none, together in the next row.

The item's Deadline, Trekker and Stand van zaken are the lines of all its rows. Each column's
lines are cut into the rows so that every sub-item with cells of its own gets exactly those,
and the lines that are the item's alone stand in its first row or in a row of more than one
sub-item: read back, a row that holds one sub-item alone gives that sub-item its cells, and a
row with nothing in Resultaat continues the row above (but for the item's first row).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache

from voortgang.model.records import Item, SubItem
from voortgang.parse.lead import split_lead

Lines = tuple[str, ...]
# Where a row's lines of one column can end, given where they start: (end, the lines shown,
# or None for the item's lines from start to end).
Choices = Callable[[int], Iterator[tuple[int, Lines | None]]]


@dataclass(frozen=True, slots=True)
class TableRow:
    """One row of an item: ``number`` on the item's first row only, ``title`` whether the row
    holds the item's title, and the lines of each cell."""

    number: str
    title: bool
    sub_items: tuple[SubItem, ...]
    deadline: Lines
    lead: Lines
    status: Lines


@dataclass
class _Group:
    """The Resultaat of one row: the title and/or sub-items; ``own`` for a sub-item with cells
    of its own, alone in its row."""

    title: bool
    sub_items: list[SubItem] = field(default_factory=list)
    own: SubItem | None = None

    def holds_item_lines(self) -> bool:
        """Whether lines in this row stay the item's when read back (see the module's doc)."""
        return self.own is None and (self.title or len(self.sub_items) > 1)


def result_paragraphs(item: Item, row: TableRow) -> list[tuple[str | None, Lines, bool]]:
    """The row's Resultaat as paragraphs, each its label (None for the title), its lines and
    whether it is italic: the title, if the row holds it, then the row's sub-items."""
    paragraphs: list[tuple[str | None, Lines, bool]] = []
    if row.title and item.title:
        paragraphs.append((None, tuple(item.title.split("\n")), item.italic))
    paragraphs += [(sub.label, tuple(sub.text.split("\n")), sub.italic) for sub in row.sub_items]
    return paragraphs


def has_own_cells(sub: SubItem) -> bool:
    return sub.deadline is not None or sub.lead is not None or sub.status is not None


def _groups(item: Item) -> list[_Group]:
    """The rows' Resultaat. An item without a title starts with a row of its own for its
    lines, empty in Resultaat, which is left out where it gets none: the first row of an item
    is the item's, whatever it holds."""
    groups = [_Group(title=True)]
    if not item.title:
        groups.append(_Group(title=False))
    for sub in item.sub_items:
        if has_own_cells(sub):
            groups += [_Group(False, [sub], own=sub), _Group(False)]
        else:
            groups[-1].sub_items.append(sub)
    return groups


def _lines(text: str | None) -> Lines:
    return tuple(text.split("\n")) if text else ()


def _cut(lines: Lines, choices: list[Choices]) -> list[Lines] | None:
    """The lines of a column cut into consecutive rows, each as its ``choices`` allow; None
    where no cut fits. A search with the rows tried in turn, each place a row may end in
    tried once: choices that cannot end a row cost no copy of the lines."""

    @cache
    def solve(row: int, start: int) -> tuple[tuple[int, Lines | None], ...] | None:
        if row == len(choices):
            return () if start == len(lines) else None
        for end, shown in choices[row](start):
            rest = solve(row + 1, end)
            if rest is not None:
                return ((end, shown), *rest)
        return None

    found = solve(0, 0)
    if found is None:
        return None
    cut: list[Lines] = []
    start = 0
    for end, shown in found:
        cut.append(lines[start:end] if shown is None else shown)
        start = end
    return cut


def _free(lines: Lines, allowed: bool) -> Choices:
    """Any run of the item's lines, where the row may hold them; else none. The shortest
    first: the rows of the sub-items get the lines that may be theirs."""

    def choices(start: int) -> Iterator[tuple[int, Lines | None]]:
        yield start, None
        if allowed:
            for end in range(start + 1, len(lines) + 1):
                yield end, None

    return choices


def _exact(lines: Lines, own: Lines) -> Choices:
    """Exactly the sub-item's own lines."""

    def choices(start: int) -> Iterator[tuple[int, Lines | None]]:
        fits = len(lines) - start >= len(own)
        if fits and all(lines[start + i] == line for i, line in enumerate(own)):
            yield start + len(own), None

    return choices


def _lead(lines: Lines, own: list[str] | None) -> Choices:
    """Lines that read as the sub-item's organisations (its Trekker text is not kept)."""

    def choices(start: int) -> Iterator[tuple[int, Lines | None]]:
        if own is None:
            yield start, None
            return
        for end in range(start + 1, len(lines) + 1):
            if split_lead("\n".join(lines[start:end])) == own:
                yield end, None

    return choices


def _deadline(lines: Lines, own: Lines) -> Choices:
    """The sub-item's own deadline lines. The item's deadline holds each line once, where it
    is first met, so the row adds only those of its lines not met before, and those must be
    the item's next lines."""
    first_met = {line: index for index, line in reversed(list(enumerate(lines)))}

    def choices(start: int) -> Iterator[tuple[int, Lines | None]]:
        new = tuple(line for line in own if first_met.get(line, start) >= start)
        if lines[start : start + len(new)] == new:
            yield start + len(new), own

    return choices


@dataclass(frozen=True, slots=True)
class _Column:
    """One column of an item: its lines, the lines a sub-item's own row may hold, and the
    sub-item's own value as lines, shown where the record's values do not fit together."""

    lines: Lines
    own: Callable[[SubItem], Choices]
    shown: Callable[[SubItem], Lines]

    def per_row(self, groups: list[_Group]) -> list[Lines]:
        """The column's lines per row. Where no cut fits (records edited by hand), the item's
        lines stand in its first row and each sub-item's own in its row: nothing is lost."""
        choices = [
            self.own(group.own)
            if group.own is not None
            else _free(self.lines, group.holds_item_lines())
            for group in groups
        ]
        if (cut := _cut(self.lines, choices)) is not None:
            return cut
        return [
            self.lines if index == 0 else self.shown(group.own) if group.own else ()
            for index, group in enumerate(groups)
        ]


def _own_deadline(sub: SubItem) -> Lines:
    return _lines(sub.deadline.text if sub.deadline else None)


def _own_lead(sub: SubItem) -> Lines:
    return (", ".join(sub.lead),) if sub.lead else ()


def _own_status(sub: SubItem) -> Lines:
    return _lines(sub.status)


def table_rows(item: Item) -> list[TableRow]:
    """The rows of ``item``, in order; at least one."""
    groups = _groups(item)
    deadline = _lines(item.deadline.text if item.deadline else None)
    lead = _lines(item.lead_text)
    status = _lines(item.status)
    columns = (
        _Column(deadline, lambda sub: _deadline(deadline, _own_deadline(sub)), _own_deadline),
        _Column(lead, lambda sub: _lead(lead, sub.lead), _own_lead),
        _Column(status, lambda sub: _exact(status, _own_status(sub)), _own_status),
    )
    cells = zip(*(column.per_row(groups) for column in columns), strict=True)
    rows: list[TableRow] = []
    for group, (deadline_lines, lead_lines, status_lines) in zip(groups, cells, strict=True):
        holds_text = (group.title and item.title) or group.sub_items
        if not (holds_text or deadline_lines or lead_lines or status_lines):
            continue
        number = "" if rows else item.number
        rows.append(
            TableRow(
                number,
                group.title,
                tuple(group.sub_items),
                deadline_lines,
                lead_lines,
                status_lines,
            )
        )
    return rows or [TableRow(item.number, True, (), (), (), ())]
