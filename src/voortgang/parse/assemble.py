"""From the grid to records: the report's rules, written once for every input format.

Rows are classified in reading order: track rows set the current track, header rows tell
which column is which, text outside the table feeds the page heading, and every other table
row belongs to an item. A row with a new number starts an item; a row with an empty number,
or with the number of the item before (a row broken by a page), continues it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from voortgang.errors import InputError
from voortgang.model.records import (
    Deadline,
    DoubtfulJoin,
    Item,
    Locations,
    Position,
    Reading,
    Reference,
    Report,
    Source,
    SplitRow,
    SubItem,
    Track,
)
from voortgang.parse.deadline import give_report_year, read_deadline
from voortgang.parse.grid import Cell, Doubt, Page, Row
from voortgang.parse.layout import (
    Columns,
    match_header,
    match_track,
    printed_heading,
    read_heading,
)
from voortgang.parse.lead import split_lead
from voortgang.parse.references import find_references, resolve_references
from voortgang.parse.subitems import Segment, split_sub_items
from voortgang.vocabulary import (
    FIELDS,
    MULTI_LEVEL,
    REQUIRED_FIELDS,
    VOCABULARY,
    Vocabulary,
    number_text_problem,
)

COLUMNS = FIELDS
# The error for a table without the report's columns quotes this many of its first row's
# cells, each to this many characters: enough to recognise a header row, one line in all.
SHOWN_HEADINGS = 8
SHOWN_HEADING = 40
# Where a row stands in the grid: its page's number and its index in the page's rows.
RowPlace = tuple[int | None, int]
# Where a paragraph stands: its row's place, its cell's index in the row, its own in the cell.
ParagraphPlace = tuple[int | None, int, int, int]


@dataclass(frozen=True, slots=True)
class SubItemStart:
    """Where sub-item ``label`` of item ``item`` (an index into the report's items) begins: in
    the paragraph at ``place``, at its start or (``inline``) inside it."""

    place: ParagraphPlace
    item: int
    label: str
    inline: bool


@dataclass
class AssemblyTrace:
    """What assemble did with the grid's rows, for showing how a report was read; handed to
    ``assemble``, which fills it in. ``items``: the index, in the report's items, of the item
    each row went to; ``tracks``: the track number of each track row; ``headers``: which
    cell of the rows below is which column, for each header row; ``sub_items``: where each
    sub-item begins."""

    items: dict[RowPlace, int] = field(default_factory=dict)
    headers: dict[RowPlace, Columns] = field(default_factory=dict)
    tracks: dict[RowPlace, int] = field(default_factory=dict)
    sub_items: list[SubItemStart] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ItemRow:
    """One table row of an item, cut into the report's columns. ``origins``: where each
    paragraph of the result stands in the grid."""

    pages: tuple[int, ...]
    number: Cell
    title: Cell
    deadline: Cell
    lead: Cell
    status: Cell
    origins: tuple[ParagraphPlace, ...] = ()
    extra: tuple[tuple[str, Cell], ...] = ()
    start: Position | None = None  # where the row's first cell starts in a file of lines

    @classmethod
    def of(cls, row: Row, columns: Columns, place: RowPlace) -> ItemRow:
        """The row's cells by field, and those of the columns of no field by heading. Text in
        a cell under no heading is kept as further paragraphs of the status, so that nothing
        in the table is lost."""
        number, title, deadline, lead, status = (columns.cell(row, name) for name in COLUMNS)
        others = tuple(p for cell in columns.others(row) for p in cell.paragraphs)
        if others:
            status = Cell(status.paragraphs + others, status.line, status.column)
        page = place[0]
        title_index = columns.fields["title"]
        origins = tuple((*place, title_index, i) for i in range(len(title.paragraphs)))
        pages = () if page is None else (page,)
        # Where the row's first cell (its number's, as a rule) starts, else the row itself.
        first = row.cells[0] if row.cells else Cell()
        line = first.line if first.line is not None else row.line
        start = None if line is None else Position(line, first.column)
        extras = columns.extras(row)
        return cls(pages, number, title, deadline, lead, status, origins, extras, start)

    def followed_by(self, rest: ItemRow) -> ItemRow:
        """One row from this row and the rest of it that a page break carried over."""
        pages = tuple(dict.fromkeys(self.pages + rest.pages))
        cells = [getattr(self, name).followed_by(getattr(rest, name)) for name in COLUMNS]
        # A paragraph the break cut is where its first part stands.
        glued = len(self.title.paragraphs) + len(rest.title.paragraphs)
        glued -= len(cells[COLUMNS.index("title")].paragraphs)
        extra = dict(self.extra)
        for heading, cell in rest.extra:
            extra[heading] = extra[heading].followed_by(cell) if heading in extra else cell
        return ItemRow(
            pages,
            *cells,
            origins=self.origins + rest.origins[glued:],
            extra=tuple(extra.items()),
            start=self.start or rest.start,
        )


@dataclass
class DraftItem:
    number: str
    track: int
    rows: list[ItemRow] = field(default_factory=list)
    # Where the reader could not tell how its rows' words go on: (page, doubt).
    doubts: list[tuple[int | None, Doubt]] = field(default_factory=list)


class _Items:
    """The items built so far, each as soon as its last row is read, so that the grid's rows
    are let go of as the pages go by: what is kept grows with the records, not the input.
    An item's deadlines take the report's year (a bare month or season) once it is known
    (``with_report_year``): the heading that tells it is read from every page."""

    def __init__(self, known: Collection[str], trace: AssemblyTrace | None) -> None:
        self.known = known
        self.trace = trace
        self.items: list[Item] = []
        self.split_rows: list[SplitRow] = []  # for the reading rules: rows page breaks cut
        self.doubtful_joins: list[DoubtfulJoin] = []  # and words the reader could not tell
        # Where each item's first row starts, and each of its references' text (``Locations``).
        self.starts: list[Position | None] = []
        self.reference_positions: list[tuple[Position | None, ...]] = []

    def add(self, draft: DraftItem) -> None:
        item, begun = _build_item(draft, None, self.known)
        if self.trace is not None:
            index = len(self.items)
            self.trace.sub_items += [SubItemStart(place, index, *start) for place, start in begun]
        self.items.append(item)
        self.starts.append(draft.rows[0].start)
        self.reference_positions.append(_reference_positions(draft.rows, item.references))
        self.split_rows += [
            SplitRow(item=draft.number, pages=list(row.pages))
            for row in draft.rows
            if len(row.pages) > 1
        ]
        self.doubtful_joins += [
            DoubtfulJoin(
                item=draft.number,
                page=page,
                before=doubt.before,
                after=doubt.after,
                joined=doubt.joined,
            )
            for page, doubt in draft.doubts
        ]

    def with_report_year(self, year: int | None) -> list[Item]:
        for item in self.items:
            give_report_year(item.deadline, year)
            for sub_item in item.sub_items:
                give_report_year(sub_item.deadline, year)
        return self.items


def _number_of(cell: Cell) -> str:
    """The item number in a number cell; InputError where the cell holds what no record's
    number can (a digit other than 0-9, a paragraph)."""
    number = " ".join(cell.text.split()).rstrip(".")
    if problem := number_text_problem(number):
        raise InputError(f"the number column holds {problem}")
    return number


def _track_of(number: str) -> int:
    first = number.split(".")[0]
    return int(first) if first.isdigit() else 0


def _shortened(text: str) -> str:
    return text if len(text) <= SHOWN_HEADING else text[: SHOWN_HEADING - 1] + "…"


def _no_table(first_row: Row | None) -> InputError:
    """The error for pages without the report's table, naming the headings of the first
    table row, where the header row most likely stands."""
    required = " and ".join(REQUIRED_FIELDS)
    if first_row is None:
        return InputError(f"no table with a {required} column")
    found = [f'"{_shortened(printed_heading(cell))}"' for cell in first_row.cells]
    found = [text for text in found if text != '""']
    shown = ", ".join(found[:SHOWN_HEADINGS]) + (", …" if len(found) > SHOWN_HEADINGS else "")
    return InputError(
        f"no table with a {required} column (the first table row has {shown or 'no text'}); "
        "name a heading's field with --column HEADING=FIELD"
    )


def assemble(
    pages: Iterable[Page],
    source: Source,
    trace: AssemblyTrace | None = None,
    vocabulary: Vocabulary = VOCABULARY,
) -> Report:
    """The report that ``pages`` show, its columns known by the headings in ``vocabulary``.
    Raises InputError where they hold no report table. ``trace``, where given, is filled in
    with what became of each row."""
    columns: Columns | None = None
    first_columns: Columns | None = None
    first_row: Row | None = None
    track: int | None = None
    tracks: dict[int, str] = {}
    draft: DraftItem | None = None  # the item whose rows are being read
    done = _Items(vocabulary.organisation_names, trace)
    heading_lines: list[list[str]] = []
    # How prominent text outside the table is set: its type size (where told) and boldness.
    prominence: dict[str, tuple[float, bool]] = {}
    page_count: int | None = None
    # For the reading rules: where the table goes on without one. Pages in order, each once (a
    # dict: looking a page up in a list, page after page, was quadratic in the pages).
    header_pages: dict[int, None] = {}
    for page in pages:
        if page.number is not None:
            page_count = max(page.number, page_count or 0)
        heading_lines.append([])
        items_on_page = False  # whether an item's row stood on the page yet
        for index, row in enumerate(page.rows):
            if row.is_empty:
                continue
            if found_track := match_track(row):
                if _repeated_track_row(found_track[0], track, tracks, items_on_page):
                    continue
                track = found_track[0]
                tracks.setdefault(*found_track)
                if trace is not None:
                    trace.tracks[page.number, index] = track
            elif header := match_header(row, vocabulary):
                columns = header
                first_columns = first_columns or header
                if page.number is not None:
                    header_pages[page.number] = None
                if trace is not None:
                    trace.headers[page.number, index] = header
            elif columns is None or not row.in_table:
                if row.in_table and first_row is None:
                    first_row = row
                texts = [cell.text for cell in row.cells if not cell.is_empty]
                heading_lines[-1].extend(texts)
                for cell in row.cells:
                    if not cell.is_empty:
                        seen = (row.size or 1.0, _is_bold(cell))
                        prominence[cell.text] = max(seen, prominence.get(cell.text, seen))
            else:
                item_row = ItemRow.of(row, columns, (page.number, index))
                items_on_page = True
                number = _number_of(item_row.number)
                is_rest = row.continues and draft is not None
                if is_rest and not _numbers_another(number, draft.number):
                    draft.rows[-1] = draft.rows[-1].followed_by(item_row)
                    if len(draft.rows) == 1:  # a number the page break cut: 2. / 3.1
                        draft.number = _number_of(draft.rows[0].number) or draft.number
                elif draft is None or (number and number != draft.number):
                    if draft is not None:
                        done.add(draft)
                    draft = DraftItem(number, track or _track_of(number), [item_row])
                else:
                    draft.rows.append(item_row)
                draft.doubts += [(page.number, doubt) for doubt in row.doubts]
                if trace is not None:
                    trace.items[page.number, index] = len(done.items)
    if first_columns is None:
        raise _no_table(first_row)
    if draft is None:
        raise InputError("the report's table has no items")
    done.add(draft)
    heading = read_heading(heading_lines, prominence)
    items = done.with_report_year(heading.year)
    resolve_references(items)
    where = Locations(items=tuple(done.starts), references=tuple(done.reference_positions))
    return Report(
        title=heading.title,
        plan=heading.plan,
        date=heading.date,
        source=source.model_copy(update={"pages": page_count}),
        tracks=[Track(number=number, title=title) for number, title in tracks.items()],
        items=items,
        reading=Reading(
            header_pages=list(header_pages),
            split_rows=done.split_rows,
            doubtful_joins=done.doubtful_joins,
        ),
        columns=dict(first_columns.headings),
    ).with_locations(where)


def _reference_positions(
    rows: list[ItemRow], references: list[Reference]
) -> tuple[Position | None, ...]:
    """Where the cell holding each reference's text starts (None where the file has no lines
    or the text is not found whole in one cell). References come in the order of their text,
    title and sub-items (the title column) before the status: each is looked for from where
    the one before it was found, so that the whole takes time linear in the cells' text."""
    searches = {"title": _Search([row.title for row in rows])}
    searches["sub_item"] = searches["title"]
    searches["status"] = _Search([row.status for row in rows])
    return tuple(searches[reference.field].find(reference.text) for reference in references)


class _Search:
    """A text looked for in cells in order, each search going on from the last one found."""

    def __init__(self, cells: list[Cell]) -> None:
        self.cells = [cell for cell in cells if cell.line is not None and not cell.is_empty]
        self.texts: list[str | None] = [None] * len(self.cells)
        self.cell = 0
        self.offset = 0

    def find(self, text: str) -> Position | None:
        wanted = " ".join(text.split())
        while self.cell < len(self.cells):
            cell = self.cells[self.cell]
            flat = self.texts[self.cell]
            if flat is None:
                flat = self.texts[self.cell] = " ".join(cell.text.split())
            found = flat.find(wanted, self.offset)
            if found >= 0:
                self.offset = found + len(wanted)
                assert cell.line is not None
                return Position(cell.line, cell.column)
            self.cell, self.offset = self.cell + 1, 0
        return None


def _numbers_another(number: str, current: str) -> bool:
    """Whether a row a reader took for the rest of the row before (cut by a page break) holds
    another item's number: a whole one, where the item before has a whole one too. The rest
    of a row has an empty number cell, the same number repeated, or the rest of a number the
    break cut (``2.`` / ``3.1``); a row with a number of its own is an item, and taken for a
    rest it would lose the number."""
    whole = MULTI_LEVEL.fullmatch
    return bool(number and number != current and whole(number) and whole(current))


def _repeated_track_row(
    number: int, track: int | None, tracks: dict[int, str], items_on_page: bool
) -> bool:
    """Whether a track row is the first track's, repeated at the top of every page as part
    of the table's header (Word repeats the rows marked as header rows, and a long table's
    first rows are its first track's and its column headings), not where a track begins: it
    names a track the table has left, above the page's first item. A table does not go back
    to a track it left."""
    return not items_on_page and track is not None and number != track and number in tracks


def _is_bold(cell: Cell) -> bool:
    return all(run.bold for paragraph in cell.paragraphs for run in paragraph.runs)


def _joined(cells: Iterable[Cell]) -> str:
    return "\n".join(cell.text for cell in cells if not cell.is_empty)


def _deadline(cells: Iterable[Cell], year: int | None) -> Deadline | None:
    """The deadline of some rows; a text repeated on several rows is read once."""
    texts = dict.fromkeys(p.text for cell in cells for p in cell.paragraphs if p.text)
    return read_deadline("\n".join(texts), year) if texts else None


def _build_item(
    draft: DraftItem, year: int | None, known: Collection[str]
) -> tuple[Item, list[tuple[ParagraphPlace, tuple[str, bool]]]]:
    """The item, and where each of its sub-items begins: (place, (label, inline))."""
    title = Segment(None)
    sub_items: list[Segment] = []
    labels: list[str] = []
    # For each row, the one sub-item the row holds alone (its cells are that sub-item's), if any;
    # for each sub-item, the rows its text stands on.
    owners: list[Segment | None] = []
    rows_of: dict[int, list[int]] = {}
    begun: list[tuple[ParagraphPlace, tuple[str, bool]]] = []
    for row in draft.rows:
        leading, *started = split_sub_items(row.title.paragraphs, labels)
        held: list[Segment] = []
        if leading.text:
            continued = sub_items[-1] if sub_items else title
            continued.parts.extend(leading.parts)
            held.append(continued)
        sub_items.extend(started)
        held.extend(started)
        begun += [
            (row.origins[s.paragraph], (s.label or "", s.inline))
            for s in started
            if s.paragraph is not None
        ]
        if not held:
            owners.append(owners[-1] if owners else None)
        else:
            alone = len(held) == 1 and held[0] is not title
            owners.append(held[0] if alone else None)
        for segment in held:
            rows_of.setdefault(id(segment), []).append(len(owners) - 1)

    built_sub_items = []
    for segment in sub_items:
        own_rows = [row for row, owner in zip(draft.rows, owners, strict=True) if owner is segment]
        alone = all(owners[index] is segment for index in rows_of[id(segment)])
        lead_text = _joined(row.lead for row in own_rows) if alone else ""
        built_sub_items.append(
            SubItem(
                label=segment.label or "",
                text=segment.text,
                italic=segment.is_italic,
                deadline=_deadline((row.deadline for row in own_rows), year) if alone else None,
                lead=split_lead(lead_text, known) if lead_text else None,
                status=(_joined(row.status for row in own_rows) if alone else "") or None,
            )
        )

    lead_text = _joined(row.lead for row in draft.rows)
    status = _joined(row.status for row in draft.rows)
    references = find_references(title.text, "title")
    for sub_item in built_sub_items:
        references += find_references(sub_item.text, "sub_item")
    references += find_references(status, "status")
    item = Item(
        number=draft.number,
        track=draft.track,
        title=title.text,
        italic=title.is_italic,
        deadline=_deadline((row.deadline for row in draft.rows), year),
        lead=split_lead(lead_text, known),
        lead_text=lead_text,
        status=status,
        sub_items=built_sub_items,
        references=references,
        pages=sorted({page for row in draft.rows for page in row.pages}),
        extra=_extra(draft.rows),
    )
    return item, begun


def _extra(rows: list[ItemRow]) -> dict[str, str]:
    """The text of each column of no field over the item's rows, by heading; a column the
    item leaves empty too, so that every item of a table has the same headings."""
    cells: dict[str, list[Cell]] = {}
    for row in rows:
        for heading, cell in row.extra:
            cells.setdefault(heading, []).append(cell)
    return {heading: _joined(found) for heading, found in cells.items()}
