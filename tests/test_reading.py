"""The reading rules (VG5xx): each on a small layout that trips it, and none on a right reading.

The tripping layouts are text renditions, which the text reader reads exactly: a number column
broken as a PDF reader breaks it on a layout it does not know (a footer in it, a number in
pieces, the numbers in the Resultaat column), so that the rules see what such a reading gives.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from voortgang import reading_problems
from voortgang.checks import check
from voortgang.checks.reading import SPAN_MIN_PAGES
from voortgang.model.diagnostics import CODES
from voortgang.model.records import Reading, Report, Source, SplitRow
from voortgang.parse import parse_bytes
from voortgang.parse.assemble import assemble
from voortgang.parse.grid import Cell, Doubt, Page, Row, Run, paragraph

from conftest import SAMPLES
from renderings import RENDERERS
from small_reports import page, read, row
from strategies import HEADER, GeneratedReport, reports


def found(report: Report) -> list[tuple[str, str | None, int | None, str]]:
    """(code, item, page, message) of each reading problem."""
    return [(d.code, d.item, d.page, d.message) for d in reading_problems(report)]


def codes(report: Report) -> list[tuple[str, str | None, int | None]]:
    return [(d.code, d.item, d.page) for d in reading_problems(report)]


def test_the_reading_codes_are_registered_as_warnings_but_the_number_that_is_none() -> None:
    reading = {code: entry.severity for code, entry in CODES.items() if code.startswith("VG5")}
    assert reading == {
        "VG501": "error",
        "VG502": "warning",
        "VG503": "warning",
        "VG504": "warning",
        "VG505": "warning",
        "VG506": "warning",
    }


def test_a_right_reading_has_no_problems() -> None:
    report = read(
        page(row("2.0"), row("2.0.1"), row("2.0.2"), row("2.2"), row("2.3.0"), track=2),
        page(row("2.3.1"), row("2.3.1"), row("2.4"), row("2.10"), track=2),
        page(row("3.1"), row("", status="verder"), row("3.2"), track=3),
    )
    assert found(report) == []


# -- VG501 not-an-item-number ------------------------------------------------------------------


def test_an_item_without_a_number_is_an_error() -> None:
    # The number column read as part of the Resultaat column: the first row has no number.
    report = read(page(row("", "1.0 Eerste punt"), row("1.1", "Tweede")))
    assert found(report) == [
        ("VG501", None, 1, 'an item without a number (it begins "1.0 Eerste punt")')
    ]
    (problem,) = reading_problems(report)
    assert problem.severity == "error"


@pytest.mark.parametrize(
    "cell",
    ["2.0. 1", "2.0 .1", "Pagina 2 van 3", "Pagina", "2 dece", "december 2009"],
)
def test_a_footer_or_a_number_in_pieces_is_not_an_item_number(cell: str) -> None:
    report = read(page(row("2.0"), row(cell, "Tekst"), row("2.2"), track=2))
    assert found(report) == [
        ("VG501", cell, 1, f'"{cell}" in the number column is not an item number')
    ]
    assert [d.code for d in check(report) if d.item == cell] == ["VG501"]  # not VG205 too


def test_a_footer_row_read_into_the_table_on_every_page() -> None:
    footer = row("Pagina 1 van 2", "", "", "", "")
    report = read(page(row("1.1"), footer), page(row("1.2"), footer.replace("1 van", "2 van")))
    assert codes(report) == [("VG501", "Pagina 1 van 2", 1), ("VG501", "Pagina 2 van 2", 2)]


def test_a_slip_of_the_pen_in_a_number_is_still_vg205_not_a_reading_problem() -> None:
    report = read(page(row("1.1"), row("1.x"), row("1,3")))
    assert found(report) == []
    assert [(d.code, d.item) for d in check(report)] == [("VG205", "1.x"), ("VG205", "1,3")]


# -- VG502 numbering-shape ---------------------------------------------------------------------


def test_a_number_with_fewer_levels_than_the_table_uses() -> None:
    # A page number, or the tail of a number broken over two lines, read as an item number.
    report = read(page(row("3.1"), row("3.2"), row("13"), row("3.3"), track=3))
    assert found(report) == [
        ("VG502", "13", 1, "13 does not follow the table's numbering: 1 level where the "
         "table's numbers have 2 levels"),
    ]  # fmt: skip


def test_a_number_with_two_levels_more_than_the_table_uses() -> None:
    report = read(page(row("1.1"), row("1.1.1"), row("1.1.1.1.1"), row("1.2")))
    assert codes(report) == [("VG502", "1.1.1.1.1", 1)]
    assert "5 levels where the table's numbers have 2 or 3 levels" in found(report)[0][3]


def test_levels_mixed_as_reports_mix_them_are_the_tables_own() -> None:
    # Mostly two levels, a few three; a two-level heading (2.3) of many three-level numbers.
    deep = [row(f"2.3.{n}") for n in range(12)]
    report = read(page(row("2.1"), row("2.2.0"), row("2.3"), *deep, row("2.4"), track=2))
    assert found(report) == []
    assert found(read(page(row("1"), row("2"), row("3")))) == []  # one level throughout


def test_a_first_part_that_is_no_track_of_the_report() -> None:
    report = read(page(row("1.1"), row("1.2")), page(row("2.1"), row("7.2"), track=2))
    assert found(report) == [
        ("VG502", "7.2", 2, "7.2 does not follow the table's numbering: its first part is no "
         "track of the report (it stands under 2)"),
    ]  # fmt: skip
    assert "VG203" not in [d.code for d in check(report)]  # VG502 says it
    # Under another track of the report it is the author's slip: VG203, not a reading problem.
    moved = read(page(row("1.1"), row("1.2")), page(row("2.1"), row("1.3"), track=2))
    assert found(moved) == []
    assert "VG203" in [d.code for d in check(moved)]


# -- VG503 header-missing ----------------------------------------------------------------------


def test_a_page_without_the_header_row_the_others_repeat() -> None:
    report = read(
        page(row("1.1")), page(row("1.2")), page(row("1.3"), header=False), page(row("1.4"))
    )
    assert report.reading == Reading(header_pages=[1, 2, 4])
    assert found(report) == [
        ("VG503", "1.3", 3, "the table goes on without its column header row (found on 3 of "
         "its 4 pages): this page's columns may be read wrongly"),
    ]  # fmt: skip


def test_a_header_row_printed_once_or_once_per_track_is_not_judged() -> None:
    once = read(page(row("1.1")), page(row("1.2"), header=False), page(row("1.3"), header=False))
    assert found(once) == []
    per_track = read(
        page(row("1.1")),
        page(row("1.2"), header=False),
        page(row("2.1"), track=2),
        page(row("2.2"), track=2, header=False),
        page(row("2.3"), track=2, header=False),
    )
    assert found(per_track) == []


def test_records_without_the_reading_are_not_judged_on_headers() -> None:
    report = read(page(row("1.1")), page(row("1.2")), page(row("1.3"), header=False))
    assert codes(report) == [("VG503", "1.3", 3)]
    assert found(report.model_copy(update={"reading": None})) == []


# -- VG504 cell-spans-pages --------------------------------------------------------------------


def grid(*pages: list[tuple[str, str, bool]]) -> Report:
    """The report a PDF reader's grid makes: per page the header row, then rows of (number,
    status, whether the row is the rest of the row before, carried over by a page break)."""
    header = Row(tuple(Cell((paragraph(Run(name)),)) for name in HEADER))
    built = [
        Page(number, (header, *(Row(cells(n, status), continues=rest) for n, status, rest in rows)))
        for number, rows in enumerate(pages, start=1)
    ]
    return assemble(built, Source(path="grid.pdf", format="pdf", sha256="", pages=None))


def cells(number: str, status: str) -> tuple[Cell, ...]:
    texts = (number, "Tekst", "2009", "BZK", status)
    return tuple(Cell((paragraph(Run(text)),) if text else ()) for text in texts)


def test_a_row_over_three_pages() -> None:
    # Rows not told apart: what the reader took for one row goes on page after page.
    report = grid(
        [("1.1", "a", False), ("1.2", "b", False)],
        [("", "c", True)],
        [("", "d", True), ("1.3", "e", False)],
    )
    assert report.reading is not None
    assert report.reading.split_rows == [SplitRow(item="1.2", pages=[1, 2, 3])]
    assert found(report) == [
        ("VG504", "1.2", 1, "one row of item 1.2 runs over 3 pages (1–3): a cell longer than "
         "a page, or rows read as one"),
    ]  # fmt: skip


def test_a_row_cut_by_one_page_break_is_fine() -> None:
    report = grid([("1.1", "a", False)], [("", "b", True), ("1.2", "c", False)])
    assert report.reading is not None
    assert report.reading.split_rows == [SplitRow(item="1.1", pages=[1, 2])]
    assert found(report) == []
    # An item of many rows over many pages is no row over them.
    rows = [[("1.1" if n == 0 else "", f"deel {n}", False)] for n in range(SPAN_MIN_PAGES + 1)]
    assert found(grid(*rows)) == []


def test_split_rows_in_hand_made_records() -> None:
    report = read(page(row("1.1")), page(row("1.2")))
    reading = Reading(header_pages=[1, 2], split_rows=[SplitRow(item="1.1", pages=[1, 2, 3, 4])])
    assert codes(report.model_copy(update={"reading": reading})) == [("VG504", "1.1", 1)]


# -- VG505 numbers-swallowed -------------------------------------------------------------------


def test_item_numbers_at_the_start_of_resultaat_paragraphs() -> None:
    # The number column of a page read as part of the Resultaat column: rows run together.
    result = "<p>Eerste punt</p> <p>1.2 Tweede punt</p> <p>1.3 Derde punt</p>"
    report = read(page(row("1.1", result), row("1.4")))
    assert found(report) == [
        ("VG505", "1.1", 1, "2 item numbers of no item (1.2, 1.3) begin Resultaat paragraphs "
         "of item 1.1: the number column read as part of the Resultaat column"),
    ]  # fmt: skip


def test_the_whole_table_in_the_resultaat_column() -> None:
    rows = [row("", f"1.{n} Punt {n}") for n in range(6)]
    report = read(page(*rows[:2]), page(*rows[2:4]), page(*rows[4:]))
    assert codes(report) == [("VG501", None, 1), ("VG505", None, 1)]
    swallowed = found(report)[1][3]
    assert swallowed.startswith("6 item numbers of no item (1.0, 1.1, 1.2, …) begin Resultaat")


def test_one_number_at_the_start_of_a_paragraph_is_text() -> None:
    report = read(page(row("2.1", "<p>Budget</p> <p>2.5 miljoen voor scholen</p>"), track=2))
    assert found(report) == []
    own = read(page(row("2.1", "<p>Zie ook</p> <p>2.2 hieronder</p>"), row("2.2"), track=2))
    assert found(own) == []  # the number of an item of the report


def test_a_number_cell_holding_several_numbers() -> None:
    report = read(page(row("1.1 1.2", "Een Twee"), row("1.3")))
    assert found(report) == [
        ("VG505", "1.1 1.2", 1, "the number cell holds 2 item numbers (1.1, 1.2): rows read as one")
    ]


# -- no problems where the reading is right ----------------------------------------------------

READABLE = sorted(
    path.name for path in SAMPLES.iterdir() if path.suffix in (".pdf", ".docx", ".html", ".txt")
)


# Where a sample's reading warns: words at a full line's end that neither the page nor the
# document's words tell one from two (VG506). In two the guess is wrong (tests/test_golden.py's
# ONE_WORD_FULL_LINE), in one right; each warns all the same.
DOUBTS = {
    "voortgangsrapportage-2009-letter-per-track-no-repeat.pdf": [
        ("VG506", "2.10", 7),  # "Professionaliseringsaanbod" and "politie", read as one
        ("VG506", "3.1", 10),  # "uitwisselingsprogramma's" and "van"
    ],
    "voortgangsrapportage-2009-portrait-per-track-title-footer.pdf": [
        ("VG506", "2.10", 8),
        ("VG506", "3.1", 13),
    ],
    "voortgangsrapportage-2009-portrait-spacing-1.5.pdf": [
        ("VG506", "2.10", 13),  # "Professionaliseringsaan" and "bod", rightly read as one
    ],
}


@pytest.mark.parametrize("name", READABLE)
def test_no_reading_problems_in_any_committed_sample(name: str) -> None:
    """None, but the doubts above."""
    report = parse_bytes((SAMPLES / name).read_bytes(), name)
    assert codes(report) == DOUBTS.get(name, [])


@pytest.mark.parametrize("shape", sorted(RENDERERS))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated=reports())
def test_no_reading_problems_in_generated_reports(shape: str, generated: GeneratedReport) -> None:
    report = parse_bytes(RENDERERS[shape](generated.pages), f"generated.{shape}")
    assert found(report) == []


# -- VG506 join-doubtful -----------------------------------------------------------------------


def test_words_the_reader_could_not_tell_one_from_two() -> None:
    """The reader hands its doubts with the row; assembly puts them under the item the row
    became, the page it stands on, and the rule names each."""
    header = Row(tuple(Cell((paragraph(Run(name)),)) for name in HEADER))
    joined, apart = Doubt("Buurtaanpak", "versterken", True), Doubt("Wijkte", "ams", False)
    built = [
        Page(1, (header, Row(cells("1.1", "a"), doubts=(joined,)), Row(cells("1.2", "b")))),
        Page(2, (header, Row(cells("", "c"), continues=True, doubts=(apart,)))),
    ]
    report = assemble(built, Source(path="grid.pdf", format="pdf", sha256="", pages=None))
    assert found(report) == [
        ("VG506", "1.1", 1, 'item 1.1: "Buurtaanpak" and "versterken", where a full line ends, '
         'read as one word, "Buurtaanpakversterken"; it may be two'),
        ("VG506", "1.2", 2, 'item 1.2: "Wijkte" and "ams", where a full line ends, read as two '
         'words; it may be one, "Wijkteams"'),
    ]  # fmt: skip


def test_records_written_before_doubts_were_recorded_have_none() -> None:
    reading = Reading.model_validate({"header_pages": [1]})
    assert reading.doubtful_joins == []
