"""Unit tests for the assembly rules, on small reports written as text renditions."""

from __future__ import annotations

import pytest

from voortgang.errors import InputError
from voortgang.model.records import Report, Source
from voortgang.parse import parse_bytes
from voortgang.parse.assemble import AssemblyTrace, SubItemStart, assemble
from voortgang.parse.grid import Cell, Page, Paragraph, Row, Run
from voortgang.parse.layout import read_heading

HEADING = "# VOORTGANGSRAPPORTAGE 2009\n\n## ACTIEPLAN VOORBEELD 2007-2011\n\nDecember 2009\n\n"
TRACK = "SPOOR 1: LOKALE AANPAK\t\t\t\t\n"
HEADER = "\t<b>Resultaat</b>\t<b>Deadline</b>\t<b>Trekker</b>\t<b>Stand van zaken</b>\n"


def page(*rows: str, track: str = TRACK, header: str = HEADER) -> str:
    return HEADING + track + header + "".join(row + "\n" for row in rows)


def read(*pages: str) -> Report:
    return parse_bytes("".join(pages).encode(), "test.txt")


def row(*cells: str) -> str:
    return "\t".join(cells)


def test_repeated_heading_track_and_header_rows_are_dropped() -> None:
    italic_header = "\t<i>Resultaat</i>\t<i>Deadline</i>\t<i>Trekker</i>\t<i>Stand van zaken</i>\n"
    plain_header = "\tResultaat\tDeadline\tTrekker\tStand van zaken\n"
    report = read(
        page(row("1.1", "Een", "2009", "BZK", "Loopt")),
        page(row("1.2", "Twee", "2009", "BZK", "Loopt"), header=italic_header),
        page(row("1.3", "Drie", "2009", "BZK", "Loopt"), header=plain_header),
    )
    assert [item.number for item in report.items] == ["1.1", "1.2", "1.3"]
    assert [item.pages for item in report.items] == [[1], [2], [3]]
    assert (report.title, report.plan, report.date) == (
        "Voortgangsrapportage 2009",
        "Actieplan Voorbeeld 2007-2011",
        "December 2009",
    )


def test_track_rows_set_the_track_of_the_items_below() -> None:
    report = read(
        page(row("1.0", "Een", "", "BZK", "")),
        page(
            row("2.0.1", "Twee", "", "BZK", ""), track="<b>SPOOR 2: NATIONALE AANPAK</b>\t\t\t\t\n"
        ),
    )
    assert [(t.number, t.title) for t in report.tracks] == [
        (1, "Lokale aanpak"),
        (2, "Nationale aanpak"),
    ]
    assert [item.track for item in report.items] == [1, 2]


@pytest.mark.parametrize("continuation_number", ["", "2.6"])
def test_a_row_broken_by_a_page_is_one_item(continuation_number: str) -> None:
    report = read(
        page(row("2.6", "Titel <i>a. eerste</i>", "continu", "BZK", "Begin van de stand.")),
        page(
            row(
                continuation_number,
                "<p><i>b. tweede</i></p> <p><i>c. derde</i></p>",
                "",
                "",
                "Vervolg.",
            )
        ),
    )
    (item,) = report.items
    assert item.title == "Titel"
    assert [(sub.label, sub.text) for sub in item.sub_items] == [
        ("a", "eerste"),
        ("b", "tweede"),
        ("c", "derde"),
    ]
    assert item.status == "Begin van de stand.\nVervolg."
    assert item.pages == [1, 2]
    assert all(sub.status is None for sub in item.sub_items)


def test_a_continuation_row_with_its_own_deadline_and_lead_gives_them_to_its_sub_item() -> None:
    report = read(
        page(row("2.7", "<i>a. Docenten tools geven</i>", "Begin 2010", "OCW", "Handboek komt.")),
        page(row("", "<i>b. Backoffice</i>", "november", "<i>BZK/OCW/ Nuansa</i>", "Een tool.")),
    )
    (item,) = report.items
    assert item.title == ""
    first, second = item.sub_items
    assert (first.deadline.text, first.lead, first.status) == (
        "Begin 2010",
        ["OCW"],
        "Handboek komt.",
    )
    assert (second.deadline.text, second.deadline.month, second.deadline.year) == (
        "november",
        11,
        2009,
    )
    assert (second.lead, second.status) == (["BZK", "OCW", "Nuansa"], "Een tool.")
    assert item.deadline.text == "Begin 2010\nnovember"
    assert item.lead == ["OCW", "BZK", "Nuansa"]
    assert item.lead_text == "OCW\nBZK/OCW/ Nuansa"
    assert item.status == "Handboek komt.\nEen tool."


def test_a_continuation_row_holding_two_sub_items_keeps_its_cells_on_the_item() -> None:
    report = read(
        page(row("3.2", "Titel", "continu", "BZK", "Eerste.")),
        page(row("3.2", "<p>a. een</p> <p>b. twee</p>", "2011", "WWI", "Tweede.")),
    )
    (item,) = report.items
    assert [sub.deadline for sub in item.sub_items] == [None, None]
    assert item.deadline.text == "continu\n2011"
    assert item.lead == ["BZK", "WWI"]


def test_a_row_holding_only_continued_text_of_a_sub_item_stays_that_sub_items() -> None:
    report = read(
        page(row("3.1", "<i>a. Delen van kennis</i>", "continu", "BZK", "Deel een.")),
        page(row("", "en uitwerken daarvan", "", "", "Deel twee.")),
    )
    (sub,) = report.items[0].sub_items
    assert sub.text == "Delen van kennis\nen uitwerken daarvan"
    assert sub.status == "Deel een.\nDeel twee."


def test_the_same_number_apart_is_two_items() -> None:
    report = read(
        page(
            row("1.1", "Een", "", "", ""),
            row("1.2", "Twee", "", "", ""),
            row("1.1", "Weer", "", "", ""),
        )
    )
    assert [item.number for item in report.items] == ["1.1", "1.2", "1.1"]


def test_references_resolve_against_items_and_sub_items() -> None:
    report = read(
        page(
            row(
                "3.1",
                "<p>Titel</p> <p><i>a. een</i></p> <p><i>b. twee</i></p>",
                "",
                "",
                "(zie 3.1.b) en zie 3.1.c",
            ),
            row("3.2", "Ander", "", "", "Onderzoek (3.1) en onder 3.3 en 34.375 leerlingen"),
        )
    )
    found = [(r.target, r.resolved) for item in report.items for r in item.references]
    assert found == [("3.1.b", True), ("3.1.c", False), ("3.1", True), ("3.3", False)]


def test_numbers_with_two_and_three_levels_and_gaps() -> None:
    report = read(
        page(*(row(n, "Tekst", "", "", "") for n in ["2.0", "2.0.1", "2.0.2", "2.2", "2.3.0"]))
    )
    assert [item.number for item in report.items] == ["2.0", "2.0.1", "2.0.2", "2.2", "2.3.0"]


def test_columns_are_found_by_name_in_any_order() -> None:
    header = "Nr\t<b>Trekker</b>\t<b>Resultaat</b>\t<b>Stand van zaken</b>\t<b>Deadline</b>\n"
    (item,) = read(page(row("1.1", "BZK", "Titel", "Loopt goed", "2010"), header=header)).items
    assert (item.title, item.lead, item.status, item.deadline.text) == (
        "Titel",
        ["BZK"],
        "Loopt goed",
        "2010",
    )


def test_cells_under_no_field_are_kept_by_heading_and_past_the_header_in_the_status() -> None:
    # A column of no field is kept whole under its heading; cells past the header's, which
    # have none, in the status: nothing is lost.
    header = HEADER.rstrip("\n") + "\t<b>Opmerkingen</b>\n"
    (item,) = read(
        page(
            row("1.1", "Titel", "2010", "BZK", "Loopt goed", "Zie bijlage", "en verder"),
            header=header,
        )
    ).items
    assert item.extra == {"Opmerkingen": "Zie bijlage"}
    assert item.status == "Loopt goed\nen verder"
    assert (item.title, item.deadline.text, item.lead) == ("Titel", "2010", ["BZK"])


def test_a_table_without_the_report_columns_is_bad_input() -> None:
    match = 'no table with a title and status column .*"Resultaat", "Deadline", "Eigenaar"'
    with pytest.raises(InputError, match=match):
        read(
            page(
                row("1.1", "a", "b", "c", "d"),
                header="\tResultaat\tDeadline\tEigenaar\tOpmerking\n",
            )
        )


def test_a_table_without_items_is_bad_input() -> None:
    with pytest.raises(InputError, match="no items"):
        read(page())


def test_the_heading_survives_a_page_that_merges_its_lines() -> None:
    merged = "## VOORTGANGSRAPPORTAGE 2009 ACTIEPLAN VOORBEELD 2007-2011\n\nDecember 2009\n\n"
    report = read(
        page(row("1.1", "a", "", "", "")),
        page(row("1.2", "b", "", "", "")),
        merged + TRACK + HEADER,
    )
    assert (report.title, report.plan) == (
        "Voortgangsrapportage 2009",
        "Actieplan Voorbeeld 2007-2011",
    )


def test_a_header_name_broken_in_a_narrow_cell_is_still_known() -> None:
    header = "\tResultaat\tDeadlin e\tTrekker\tStand van<br>zaken\n"
    (item,) = read(page(row("1.1", "Titel", "2010", "BZK", "Loopt"), header=header)).items
    assert (item.deadline.text, item.status) == ("2010", "Loopt")


def test_the_title_is_the_running_line_in_the_largest_type() -> None:
    """A classification mark above the title block, in smaller type, is not the title; where
    the format tells no sizes, the first running line is."""
    lines = ["STRIKT VERTROUWELIJK", "VOORTGANGSRAPPORTAGE 2009", "PLAN 2007-2011", "December 2009"]
    sizes = [(0.8, False), (1.3, True), (1.1, True), (1.1, False)]
    heading = read_heading([lines, lines], dict(zip(lines, sizes, strict=True)))
    assert (heading.title, heading.plan, heading.date) == (
        "Voortgangsrapportage 2009",
        "Plan 2007-2011",
        "December 2009",
    )
    assert read_heading([lines, lines]).title == "Strikt Vertrouwelijk"
    # Of lines in one size, the bold one.
    bold = [(1.0, False), (1.0, True), (1.0, True), (1.0, False)]
    assert read_heading([lines], dict(zip(lines, bold, strict=True))).title == (
        "Voortgangsrapportage 2009"
    )


def test_a_title_block_on_the_first_page_only_is_the_heading() -> None:
    """Where only page numbers repeat, the text above the table on the first page is the
    heading."""
    first = ["VOORTGANGSRAPPORTAGE 2009", "PLAN 2007-2011", "December 2009", "Pagina 1 van 3"]
    heading = read_heading([first, ["Pagina 2 van 3"], ["Pagina 3 van 3"]])
    assert (heading.title, heading.plan, heading.date) == (
        "Voortgangsrapportage 2009",
        "Plan 2007-2011",
        "December 2009",
    )


def test_the_trace_says_where_each_row_and_sub_item_went() -> None:
    def cell(*texts: str, joins: str | None = None) -> Cell:
        return Cell(
            tuple(Paragraph((Run(t),), joins if i == 0 else None) for i, t in enumerate(texts))
        )

    header = Row(
        tuple(cell(t) for t in ("", "Resultaat", "Deadline", "Trekker", "Stand van zaken"))
    )
    track = Row((cell("SPOOR 1: LOKALE AANPAK"),))
    first = Page(
        1,
        (
            header,
            track,
            Row((cell("1.1"), cell("Een"), cell("2009"), cell("BZK"), cell("Loopt"))),
            Row((cell("1.2"), cell("Twee", "a. Eerste deel dat"), cell(), cell("BZK"), cell())),
        ),
    )
    rest = Row(
        (cell(), cell("doorloopt", "b. Tweede", joins=" "), cell(), cell(), cell()), continues=True
    )
    second = Page(2, (header, rest))
    trace = AssemblyTrace()
    report = assemble(
        [first, second], Source(path="t", format="pdf", sha256="0", pages=None), trace
    )
    assert [item.number for item in report.items] == ["1.1", "1.2"]
    assert [s.label for s in report.items[1].sub_items] == ["a", "b"]
    assert trace.tracks == {(1, 1): 1}
    assert list(trace.headers) == [(1, 0), (2, 0)]
    assert trace.headers[1, 0].fields["title"] == 1 and trace.headers[1, 0].fields["status"] == 4
    assert trace.items == {(1, 2): 0, (1, 3): 1, (2, 1): 1}
    # b begins in the second paragraph of the continued cell, the first being glued to a.
    assert trace.sub_items == [
        SubItemStart((1, 3, 1, 1), 1, "a", inline=False),
        SubItemStart((2, 1, 1, 1), 1, "b", inline=False),
    ]


def test_a_track_row_repeated_above_each_page_does_not_take_the_items_back() -> None:
    """Word repeats a long table's first rows on every page where they are marked as header
    rows: the first track's row and the column headings. Above a page's first item, a row of
    a track the table has left is that repetition, not the track beginning again."""
    first = page(item("1.1"), SPOOR_2, item("2.1"))
    report = read(first, page(item("2.2"), item("2.3")))
    assert [(i.number, i.track) for i in report.items] == [
        ("1.1", 1),
        ("2.1", 2),
        ("2.2", 2),
        ("2.3", 2),
    ]
    assert [track.number for track in report.tracks] == [1, 2]


def test_a_track_row_of_a_track_not_seen_yet_begins_it_at_the_top_of_a_page() -> None:
    report = read(page(item("1.1")), page(item("2.1"), track=SPOOR_2 + "\n"))
    assert [(i.number, i.track) for i in report.items] == [("1.1", 1), ("2.1", 2)]


def test_a_track_row_below_an_item_of_the_page_is_a_track_row() -> None:
    """Past the page's first item, a row of a track seen before is not the header's
    repetition: the table goes back to that track, as it says."""
    report = read(page(item("1.1"), SPOOR_2, item("2.1"), TRACK.rstrip("\n"), item("1.2")))
    assert [(i.number, i.track) for i in report.items] == [("1.1", 1), ("2.1", 2), ("1.2", 1)]


SPOOR_2 = "SPOOR 2: NATIONALE AANPAK\t\t\t\t"


def item(number: str) -> str:
    return row(number, "Tekst", "2009", "BZK", "Loopt.")


@pytest.mark.parametrize(("number", "items"), [("", ["2.6"]), ("2.7", ["2.6", "2.7"])])
def test_a_row_taken_for_the_rest_of_the_one_before_with_a_number_of_its_own_is_an_item(
    number: str, items: list[str]
) -> None:
    """The rest of a row a page break cut has an empty number cell (or the rest of a number
    the break cut); a reader that takes a row with another item's number for such a rest is
    wrong, and the number is not lost: the row is that item."""
    cells = (number, "Titel", "2009", "BZK", "Stand.")
    header = Row(tuple(Cell((Paragraph((Run(name),)),)) for name in HEADER_NAMES))
    first = (Row(tuple(Cell((Paragraph((Run(t),)),)) for t in ("2.6", *cells[1:]))),)
    rest = (Row(tuple(Cell((Paragraph((Run(t),)),) if t else ()) for t in cells), continues=True),)
    pages = [Page(1, (header, *first)), Page(2, (header, *rest))]
    report = assemble(pages, Source(path="grid.pdf", format="pdf", sha256="", pages=2))
    assert [item.number for item in report.items] == items


HEADER_NAMES = ("", "Resultaat", "Deadline", "Trekker", "Stand van zaken")
