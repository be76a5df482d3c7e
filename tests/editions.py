"""Two editions of a generated report, the second with known changes of every kind.

The first edition is a report of the generator (``strategies.reports``), its grid cut into the
rows of each item; the second is the same rows edited: an item added, one removed, one
renumbered, and one item each with its title, deadline, lead, status, references or sub-items
changed. ``expected`` is what a diff of the two must find, written down from the edits made,
not computed by voortgang.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from hypothesis import assume
from hypothesis import strategies as st

from voortgang.model.records import Item
from voortgang.parse.grid import Cell, Page, Row

from strategies import ORGANISATIONS, GeneratedReport, cell, plain, reports

# Titles no generated report has (their words are not the generator's): an item given one is
# like no other item, so renumbering can only pair it with itself.
RENUMBERED_TITLE = "Kwartaalcijfers zonnepanelen Zeeland"
ADDED_TITLE = "Waterstofproeven Eemshaven Delfzijl"
FIELD_EDITS = ("title", "deadline", "lead", "status", "references", "sub_items")
ITEMS_PER_PAGE = 3
RESULT, DEADLINE, LEAD, STATUS = 1, 2, 3, 4  # the columns of a row


@dataclass
class Edition:
    """A report as its rows: the heading, the column header row, and per track its track row
    and the rows of each of its items."""

    heading: list[Row]
    header: Row
    tracks: list[tuple[Row, list[list[Row]]]]

    def pages(self) -> list[Page]:
        """The rows laid out on pages of ITEMS_PER_PAGE items, each page with the heading, its
        track row and the header row; a track without items is left out."""
        pages: list[Page] = []
        for track_row, groups in self.tracks:
            for start in range(0, len(groups), ITEMS_PER_PAGE):
                rows = [row for group in groups[start : start + ITEMS_PER_PAGE] for row in group]
                head = (*self.heading, track_row, self.header)
                pages.append(Page(len(pages) + 1, (*head, *rows)))
        return pages

    def groups(self) -> dict[str, list[Row]]:
        return {number_of(group): group for _, groups in self.tracks for group in groups}


@dataclass
class Expected:
    """What the diff of the two editions must find: numbers added and removed, the pairs
    renumbered, and per changed item its fields, each as (old, new) with white space
    normalised (see ``comparable``)."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    renumbered: list[tuple[str, str]] = field(default_factory=list)
    changed: dict[str, dict[str, tuple[object, object]]] = field(default_factory=dict)


def number_of(group: list[Row]) -> str:
    return group[0].cells[0].text


def edition_of(generated: GeneratedReport) -> Edition:
    """The generated report's rows, cut per track and per item."""
    heading = [row for row in generated.pages[0].rows if not row.in_table]
    header = [row for row in generated.pages[0].rows if row.in_table][1]
    tracks: dict[str, tuple[Row, list[list[Row]]]] = {}
    for page in generated.pages:
        track_row, _, *rows = [row for row in page.rows if row.in_table]
        groups = tracks.setdefault(track_row.cells[0].text, (track_row, []))[1]
        for row in rows:
            number = row.cells[0].text
            if number and (not groups or number != number_of(groups[-1])):
                groups.append([row])
            else:
                groups[-1].append(row)
    return Edition(heading, header, list(tracks.values()))


def with_cell(row: Row, column: int, new: Cell) -> Row:
    return replace(row, cells=tuple(new if i == column else c for i, c in enumerate(row.cells)))


def with_title(group: list[Row], title: str) -> list[Row]:
    """The item's rows with the text of its title (the first run of its Resultaat) replaced."""
    result = group[0].cells[RESULT]
    first = result.paragraphs[0]
    runs = (replace(first.runs[0], text=title), *first.runs[1:])
    paragraphs = (replace(first, runs=runs), *result.paragraphs[1:])
    return [with_cell(group[0], RESULT, Cell(paragraphs)), *group[1:]]


def appended_to_last_run(result: Cell, words: str) -> Cell:
    last = result.paragraphs[-1]
    runs = (*last.runs[:-1], replace(last.runs[-1], text=last.runs[-1].text + words))
    return Cell((*result.paragraphs[:-1], replace(last, runs=runs)))


def normal(text: str | None) -> str | None:
    return None if text is None else " ".join(text.split())


@st.composite
def editions(draw: st.DrawFn, broken_rows: bool = True) -> tuple[Edition, Edition, Expected]:
    """The first edition of a generated report (``broken_rows`` as ``reports`` takes it), the
    second with one change of every kind, and what a diff of them must find."""
    generated: GeneratedReport = draw(reports(broken_rows=broken_rows))
    old = edition_of(generated)
    items = {item.number: item for item in generated.items}
    groups = old.groups()

    def editable(item: Item) -> bool:  # one row, with a title: its cells are the item's own
        return len(groups[item.number]) == 1 and bool(item.title)

    with_subs = [i.number for i in generated.items if editable(i) and i.sub_items]
    assume(with_subs)
    sub_target = draw(st.sampled_from(with_subs))
    single = [i.number for i in generated.items if editable(i) and i.number != sub_target]
    assume(len(single) >= len(FIELD_EDITS) - 1)
    chosen = draw(st.permutations(single))[: len(FIELD_EDITS) - 1]
    targets = dict(zip(FIELD_EDITS, [*chosen, sub_target], strict=True))
    rest = [i for i in generated.items if i.number not in targets.values()]
    titled = [i.number for i in rest if i.title]
    assume(titled and len(rest) >= 2)
    moved = draw(st.sampled_from(titled))
    dropped = draw(st.sampled_from([i.number for i in rest if i.number != moved]))

    expected = Expected()
    edits: dict[str, list[Row]] = {}
    old_groups: dict[str, list[Row]] = {moved: with_title(groups[moved], RENUMBERED_TITLE)}
    # renumbered: a number no generated item has (the generator's second parts stop at 20)
    track = items[moved].track
    new_number = f"{track}.{draw(st.integers(40, 59))}"
    edits[moved] = [
        with_cell(row, 0, cell(plain(new_number))) if row.cells[0].text else row
        for row in old_groups[moved]
    ]
    expected.renumbered.append((moved, new_number))
    expected.removed.append(dropped)
    for kind, number in targets.items():
        item, row = items[number], groups[number][0]
        if kind == "title":
            edits[number] = with_title([row], item.title + " herzien")
            change: tuple[object, object] = (item.title, item.title + " herzien")
        elif kind == "deadline":
            edits[number] = [with_cell(row, DEADLINE, cell(plain("eind 2031")))]
            change = (item.deadline.text if item.deadline else None, "eind 2031")
        elif kind == "lead":
            other = next(name for name in ORGANISATIONS if name not in item.lead)
            edits[number] = [with_cell(row, LEAD, cell(plain(other)))]
            change = (frozenset(item.lead), frozenset([other]))
        elif kind == "status":
            extra = "Afgerond in het najaar."
            status = row.cells[STATUS]
            edits[number] = [with_cell(row, STATUS, Cell((*status.paragraphs, plain(extra))))]
            change = (normal(item.status), normal(f"{item.status} {extra}"))
        elif kind == "references":
            targets_before = {reference.target for reference in item.references}
            candidates = [n for n in items if n not in targets_before]
            assume(candidates)
            target = draw(st.sampled_from(candidates))
            status = row.cells[STATUS]
            addition = plain(f"Zie punt {target} voor de uitwerking.")
            edits[number] = [with_cell(row, STATUS, Cell((*status.paragraphs, addition)))]
            change = (sorted(targets_before), sorted(targets_before | {target}))
            expected.changed.setdefault(number, {})["status"] = (
                normal(item.status),
                normal(f"{item.status} {addition.text}"),
            )
        else:  # sub_items: words added to the last sub-item, the last run of the Resultaat
            edits[number] = [
                with_cell(row, RESULT, appended_to_last_run(row.cells[RESULT], " herzien"))
            ]
            last = item.sub_items[-1]
            change = (
                [(last.label, normal(last.text))],
                [(last.label, normal(last.text + " herzien"))],
            )
        expected.changed.setdefault(number, {})[kind] = change

    first_groups = old.tracks[0][1]
    added_number = f"{items[number_of(first_groups[0])].track}.{draw(st.integers(60, 79))}"
    added = [
        Row(
            (
                cell(plain(added_number)),
                cell(plain(ADDED_TITLE)),
                cell(plain("2030")),
                cell(plain("BZK")),
                cell(plain("Het onderzoek is gestart.")),
            )
        )
    ]
    expected.added.append(added_number)

    def rebuilt(
        groups_of: dict[str, list[Row]], drop: str | None, extra: list[Row] | None
    ) -> Edition:
        tracks = []
        for index, (track_row, track_groups) in enumerate(old.tracks):
            kept = [groups_of.get(number_of(g), g) for g in track_groups if number_of(g) != drop]
            if index == 0 and extra is not None:
                kept.append(extra)
            tracks.append((track_row, [g for g in kept]))
        return Edition(old.heading, old.header, [(r, g) for r, g in tracks if g])

    first = rebuilt(old_groups, None, None)
    second = rebuilt(edits, dropped, added)
    return first, second, expected


def comparable(found: object) -> Expected:
    """A Diff as an Expected: white space normalised, leads as sets, sub-items as (label,
    text) pairs, so that a rendition's line breaks are no difference."""
    from voortgang.model.diff import Diff

    assert isinstance(found, Diff)
    result = Expected(
        added=[item.number for item in found.added],
        removed=[item.number for item in found.removed],
        renumbered=[(move.old, move.new) for move in found.renumbered],
    )
    for change in found.changed:
        fields: dict[str, tuple[object, object]] = {}
        for name, value in change.fields.items():
            old, new = value.old, value.new
            if name == "lead":
                fields[name] = (frozenset(old or []), frozenset(new or []))  # type: ignore[arg-type]
            elif name == "sub_items":
                fields[name] = tuple(
                    [(sub.label, normal(sub.text)) for sub in side or []]  # type: ignore[union-attr]
                    for side in (old, new)
                )  # type: ignore[assignment]
            elif name == "references":
                fields[name] = (old, new)
            else:
                fields[name] = (normal(old), normal(new))  # type: ignore[arg-type]
        result.changed[change.number] = fields
    return result
