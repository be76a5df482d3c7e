"""Hypothesis strategies for whole random reports: the grid to render, and the records to expect.

A generated report has random tracks and numbering (two and three levels, with gaps), titles
in italics or not, sub-items labelled ``a.``, ``1`` or ``1.`` with the label inside or outside
the italics, each in its own paragraph or all inline, deadlines in every form, leads combined
in every way, statuses with list items, references and the traps that are no references.
Items are laid out as one row, as one row per sub-item with its own cells, or as one row
broken by a page and continued with an empty or repeated number.

The expected records are written down from what was generated, not computed by voortgang.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import strategies as st

from voortgang.model.records import Deadline, Item, Reference, SubItem, Track
from voortgang.parse.grid import Cell, Page, Paragraph, Row, Run

WORDS = (
    "aanpak beleid gemeenten jongeren netwerk onderzoek training dialoog ondersteuning "
    "preventie signalering scholen ouders professionals expertise bijeenkomst rapport "
    "samenwerking moskeeën coördinatie ontwikkeling evaluatie handreiking"
).split()
ORGANISATIONS = ("BZK", "WWI", "OCW", "SZW", "J&G", "NCTb", "BuZa", "AIVD", "Justitie", "VNG")
LEAD_SEPARATORS = ("/", ", ", " en ", " i.s.m. ", "/ ")
MONTHS = {"januari": 1, "mei": 5, "juni": 6, "november": 11, "december": 12}
TRAPS = (
    "34.375 leerlingen",
    "drie thema's: (1) factoren",
    "de periode 2007-2011",
    "28 en 29 oktober",
)
HEADER = ("", "Resultaat", "Deadline", "Trekker", "Stand van zaken")
FIELDS = ("number", "title", "deadline", "lead", "status")
# The headings of the family of reports (issue 12), per field, in the case and punctuation
# reports print them: written down from the issue, not taken from voortgang's vocabulary, so
# that the tests hold the vocabulary to the issue.
FAMILY_HEADINGS = {
    "number": ("", "Nr.", "Nummer", "#", "NR"),
    "title": ("Resultaat", "Actie", "Maatregel", "Activiteit", "Onderwerp", "Wat", "ACTIE"),
    "deadline": ("Deadline", "Planning", "Termijn", "Wanneer", "Gereed", "Datum", "Planning:"),
    "lead": (
        "Trekker",
        "Verantwoordelijk",
        "Verantwoordelijke",
        "Eigenaar",
        "Wie",
        "Uitvoerder",
        "Betrokken partijen",
    ),
    "status": ("Stand van zaken", "Voortgang", "Status", "Stand", "Toelichting", "STATUS"),
}
# Headings of no field: their columns are kept in Item.extra.
EXTRA_HEADINGS = ("Kosten", "Opmerkingen", "Budget", "Risico's")
# Share of the table's width per column, by field, for the PDF renderer. A column of no field
# holds running text here, so it is as wide as a text column of a narrow table.
SHARES = {"number": 6, "title": 30, "deadline": 10, "lead": 12, "status": 42, "extra": 20}


@dataclass(frozen=True)
class TableShape:
    """The table's columns: (field, heading) each, in order; field ``extra`` for a column of
    no field. The default is the 2009 report's."""

    columns: tuple[tuple[str, str], ...] = tuple(zip(FIELDS, HEADER, strict=True))

    def has(self, field: str) -> bool:
        return any(name == field for name, _ in self.columns)

    @property
    def extra_heading(self) -> str | None:
        return next((heading for name, heading in self.columns if name == "extra"), None)

    @property
    def shares(self) -> tuple[float, ...]:
        total = sum(SHARES[name] for name, _ in self.columns)
        return tuple(SHARES[name] / total for name, _ in self.columns)

    def row(self, cells: dict[str, Cell]) -> Row:
        """A table row of the cells by field; those of columns the table lacks left out."""
        return Row(tuple(cells.get(name, Cell()) for name, _ in self.columns))

    def header(self, style: str) -> Row:
        return Row(
            tuple(
                cell(Paragraph((Run(heading, style == "italic", style == "bold"),)))
                if heading
                else Cell()
                for _, heading in self.columns
            )
        )


@st.composite
def table_shapes(draw: st.DrawFn) -> TableShape:
    """A table of the family: the number column first, headed or not; then the title and
    status columns, the deadline and lead columns or not, and a column of no field or not,
    in any order, each under one of its headings."""
    fields = ["title", "status"] + [name for name in ("deadline", "lead") if draw(st.booleans())]
    extra = draw(st.none() | st.sampled_from(EXTRA_HEADINGS))
    order = draw(st.permutations(fields + (["extra"] if extra else [])))
    headings = {name: draw(st.sampled_from(FAMILY_HEADINGS[name])) for name in fields}
    headings["extra"] = extra or ""
    number = draw(st.sampled_from(FAMILY_HEADINGS["number"]))
    return TableShape((("number", number), *((name, headings[name]) for name in order)))


def plain(text: str, italic: bool = False) -> Paragraph:
    return Paragraph((Run(text, italic=italic),))


def cell(*paragraphs: Paragraph) -> Cell:
    return Cell(tuple(paragraphs))


@dataclass
class Layout:
    """Rows of one item as they stand in the table, and which of them starts a new page."""

    rows: list[Row] = field(default_factory=list)
    break_before: list[bool] = field(default_factory=list)


sentences = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)


@st.composite
def deadlines(draw: st.DrawFn, report_year: int) -> Deadline:
    year = draw(st.integers(report_year - 1, report_year + 2))
    month_name = draw(st.sampled_from(sorted(MONTHS)))
    printed, kind, expected_year, month = draw(
        st.sampled_from(
            [
                ("continu", "continuous", None, None),
                ("Continue", "continuous", None, None),
                ("doorlopend", "continuous", None, None),
                (str(year), "year", year, None),
                (f"Begin {year}", "part_of_year", year, None),
                (f"eind {year}", "part_of_year", year, None),
                (month_name, "month", report_year, MONTHS[month_name]),
                (f"{month_name.capitalize()} {year}", "month", year, MONTHS[month_name]),
                ("voorjaar", "season", report_year, None),
                ("najaar", "season", report_year, None),
            ]
        )
    )
    return Deadline(text=printed, kind=kind, year=expected_year, month=month)


@st.composite
def leads(draw: st.DrawFn) -> tuple[str, list[str]]:
    names = draw(st.lists(st.sampled_from(ORGANISATIONS), min_size=1, max_size=3))
    separator = draw(st.sampled_from(LEAD_SEPARATORS))
    return separator.join(names), list(dict.fromkeys(names))


@st.composite
def statuses(draw: st.DrawFn, numbers: list[str]) -> tuple[list[Paragraph], list[Reference]]:
    """Status paragraphs, and the references written into them."""
    paragraphs: list[Paragraph] = []
    references: list[Reference] = []
    for _ in range(draw(st.integers(1, 3))):
        text = draw(sentences).capitalize()
        addition = draw(st.sampled_from(["", "reference", "missing", "trap"]))
        if addition in ("reference", "missing"):
            target = draw(st.sampled_from(numbers)) if addition == "reference" else "9.9.9"
            form, printed = draw(
                st.sampled_from(
                    [
                        (f"zie {target}", f"zie {target}"),
                        (f"Zie punt {target}", f"Zie punt {target}"),
                        (f"({target})", f"({target})"),
                        (f"onder {target}", f"onder {target}"),
                        (f"(zie {target})", f"zie {target}"),
                    ]
                )
            )
            text = f"{text} {form} {draw(sentences)}"
            references.append(
                Reference(
                    target=target, text=printed, field="status", resolved=addition != "missing"
                )
            )
        elif addition == "trap":
            text = f"{text} {draw(st.sampled_from(TRAPS))} {draw(sentences)}"
        glyph = draw(st.sampled_from(["", "", "- ", "• "]))
        paragraphs.append(plain(glyph + text + "."))
    return paragraphs, references


@st.composite
def sub_items(draw: st.DrawFn, labels_style: str) -> tuple[list[SubItem], str]:
    """Sub-items without own cells, and how their labels are set (inside/outside/plain)."""
    count = draw(st.integers(1, 4))
    placement = draw(st.sampled_from(["inside", "outside", "plain"]))
    result = []
    for index in range(count):
        label = chr(ord("a") + index) if labels_style == "letter" else str(index + 1)
        result.append(SubItem(label=label, text=draw(sentences), italic=placement != "plain"))
    return result, placement


def label_runs(sub: SubItem, placement: str, dotted: bool) -> tuple[Run, ...]:
    label = f"{sub.label}." if dotted or not sub.label.isdigit() else sub.label
    if placement == "inside":
        return (Run(f"{label} {sub.text}", italic=True),)
    if placement == "outside":
        return (Run(f"{label} "), Run(sub.text, italic=True))
    return (Run(f"{label} {sub.text}"),)


@st.composite
def items(
    draw: st.DrawFn,
    number: str,
    track: int,
    numbers: list[str],
    report_year: int,
    shapes: tuple[str, ...],
    table: TableShape = TableShape(),
) -> tuple[Item, Layout]:
    shape = draw(st.sampled_from(shapes))
    labels_style = draw(st.sampled_from(["letter", "digit"]))
    dotted = draw(st.booleans())
    has_subs = shape == "per_sub_item" or draw(st.booleans())
    subs, placement = draw(sub_items(labels_style)) if has_subs else ([], "plain")
    if shape == "per_sub_item" and len(subs) < 2:
        shape = "row"
    untitled = shape == "per_sub_item" or (bool(subs) and draw(st.integers(0, 3)) == 0)
    title = "" if untitled else draw(sentences).capitalize()
    title_italic = bool(title) and draw(st.booleans())
    inline = placement != "plain" and bool(subs) and draw(st.booleans())
    layout = Layout()

    def result_cell(with_title: bool, chosen: list[SubItem]) -> Cell:
        lines = [[Run(title, italic=title_italic)]] if with_title and title else []
        lines += [list(label_runs(sub, placement, dotted)) for sub in chosen]
        if inline and lines:
            joined = [run for line in lines for run in (*line, Run(" "))][:-1]
            return cell(Paragraph(tuple(joined)))
        return cell(*(Paragraph(tuple(line)) for line in lines))

    extra_text = draw(st.just("") | sentences) if table.extra_heading else ""

    def add_row(number_text: str, *cells: Cell, new_page: bool = False) -> None:
        number_cell = cell(plain(number_text)) if number_text else Cell()
        by_field = dict(zip(FIELDS, (number_cell, *cells), strict=True))
        if not layout.rows and extra_text:
            by_field["extra"] = cell(plain(extra_text))
        layout.rows.append(table.row(by_field))
        layout.break_before.append(new_page)

    if shape == "per_sub_item":
        deadline = draw(st.none() | deadlines(report_year))
        own = []
        for index, sub in enumerate(subs):
            lead_text, lead = draw(leads())
            status, references = draw(statuses(numbers))
            own.append((lead_text, status, references))
            subs[index] = sub.model_copy(
                update={
                    "deadline": deadline,
                    "lead": lead,
                    "status": "\n".join(p.text for p in status),
                }
            )
            add_row(
                number if index == 0 else "",
                result_cell(False, [sub]),
                cell(plain(deadline.text)) if deadline else Cell(),
                cell(plain(lead_text)),
                cell(*status),
            )
        lead_text = "\n".join(text for text, _, _ in own)
        lead = list(dict.fromkeys(name for sub in subs for name in sub.lead or []))
        status_paragraphs = [p for _, status, _ in own for p in status]
        references = [r for _, _, refs in own for r in refs]
    else:
        deadline = draw(st.none() | deadlines(report_year))
        lead_text, lead = draw(leads())
        status_paragraphs, references = draw(statuses(numbers))
        cut = draw(st.integers(0, len(subs))) if shape == "broken" else len(subs)
        split = draw(st.integers(1, len(status_paragraphs))) if shape == "broken" else None
        if split == len(status_paragraphs) and cut == len(subs):  # the continuation holds text
            shape, split = "row", None
        first_status = status_paragraphs[:split]
        add_row(
            number,
            result_cell(True, subs[:cut]),
            cell(plain(deadline.text)) if deadline else Cell(),
            cell(plain(lead_text)),
            cell(*first_status),
        )
        rows = [RowContent(list(range(cut)), bool(title), deadline, lead, first_status)]
        if shape == "broken":
            rest_status = status_paragraphs[split:]
            add_row(
                number if draw(st.booleans()) else "",
                result_cell(False, subs[cut:]),
                Cell(),
                Cell(),
                cell(*rest_status),
                new_page=True,
            )
            rows.append(RowContent(list(range(cut, len(subs))), False, None, [], rest_status))
        subs = with_own_cells(subs, rows)
    if not table.has("deadline"):
        deadline = None
        subs = [sub.model_copy(update={"deadline": None}) for sub in subs]
    if not table.has("lead"):
        lead, lead_text = [], ""
        subs = [sub.model_copy(update={"lead": None}) for sub in subs]
    item = Item(
        number=number,
        track=track,
        title=title,
        italic=title_italic,
        deadline=deadline,
        lead=lead,
        lead_text=lead_text,
        status="\n".join(p.text for p in status_paragraphs),
        sub_items=subs,
        references=references,
        pages=[],
        extra={table.extra_heading: extra_text} if table.extra_heading else {},
    )
    return item, layout


@dataclass
class RowContent:
    """What one row of an item holds: which sub-items, whether the title, and its cells."""

    sub_items: list[int]
    title: bool
    deadline: Deadline | None
    lead: list[str]
    status: list[Paragraph]


def with_own_cells(subs: list[SubItem], rows: list[RowContent]) -> list[SubItem]:
    """The rule as DEVELOPERS.md states it: a row that holds one sub-item alone gives that
    sub-item its cells, and so does a row with an empty Resultaat after such a row."""
    owners: list[int | None] = []
    for row in rows:
        if not row.title and not row.sub_items:
            owners.append(owners[-1] if owners else None)
        else:
            owners.append(row.sub_items[0] if not row.title and len(row.sub_items) == 1 else None)
    result = list(subs)
    for index in set(owners) - {None}:
        own = [row for row, owner in zip(rows, owners, strict=True) if owner == index]
        status = "\n".join(p.text for row in own for p in row.status)
        result[index] = result[index].model_copy(
            update={
                "deadline": next((row.deadline for row in own if row.deadline), None),
                "lead": next((row.lead for row in own if row.lead), None),
                "status": status or None,
            }
        )
    return result


@dataclass
class GeneratedReport:
    pages: list[Page]
    title: str
    plan: str
    date: str
    tracks: list[Track]
    items: list[Item]
    table: TableShape = TableShape()


@st.composite
def reports(draw: st.DrawFn, broken_rows: bool = True, family: bool = False) -> GeneratedReport:
    """A random report. ``broken_rows`` lays some items out as a row continued after a page
    break; renderers that break rows themselves (PDF) do without. ``family``: its table has
    other headings, another column order, maybe no deadline or lead column and a column of
    no field (``table_shapes``); else the 2009 report's columns."""
    table = draw(table_shapes()) if family else TableShape()
    shapes = ("row", "row", "per_sub_item", *(("broken",) if broken_rows else ()))
    year = draw(st.integers(2005, 2015))
    plan_words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=2, unique=True))
    printed_plan = f"ACTIEPLAN {' EN '.join(plan_words).upper()} {year - 2}-{year + 2}"
    heading = [f"VOORTGANGSRAPPORTAGE {year}", printed_plan, f"December {year}"]
    header_style = draw(st.sampled_from(["plain", "bold", "italic"]))
    header = table.header(header_style)
    track_numbers = sorted(draw(st.sets(st.integers(1, 9), min_size=1, max_size=3)))
    numbering = {}
    for track in track_numbers:
        firsts = sorted(draw(st.sets(st.integers(0, 20), min_size=1, max_size=5)))
        numbers = []
        for first in firsts:
            numbers.append(f"{track}.{first}")
            thirds = sorted(draw(st.sets(st.integers(0, 4), max_size=2)))
            numbers += [f"{track}.{first}.{third}" for third in thirds]
        numbering[track] = numbers
    all_numbers = [n for numbers in numbering.values() for n in numbers]

    pages: list[Page] = []
    tracks: list[Track] = []
    built: list[Item] = []
    for track in track_numbers:
        words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3))
        printed_track = f"SPOOR {track}: {' '.join(words).upper()}"
        tracks.append(Track(number=track, title=" ".join(words).capitalize()))
        track_row = Row((cell(plain(printed_track)), *(Cell(),) * (len(table.columns) - 1)))
        page_rows: list[Row] = []

        def new_page(rows: list[Row], track_row: Row = track_row) -> None:
            head = [Row((cell(plain(line)),), in_table=False) for line in heading]
            pages.append(Page(len(pages) + 1, (*head, track_row, header, *rows)))

        for number in numbering[track]:
            item, layout = draw(items(number, track, all_numbers, year, shapes, table))
            item_pages = set()
            for row, break_before in zip(layout.rows, layout.break_before, strict=True):
                if page_rows and (break_before or draw(st.integers(0, 3)) == 0):
                    new_page(page_rows)
                    page_rows = []
                page_rows.append(row)
                item_pages.add(len(pages) + 1)
            built.append(item.model_copy(update={"pages": sorted(item_pages)}))
        new_page(page_rows)
    plan = " ".join(
        word if word in ("en",) else word.capitalize() for word in printed_plan.lower().split()
    )
    return GeneratedReport(
        pages, f"Voortgangsrapportage {year}", plan, f"December {year}", tracks, built, table
    )
