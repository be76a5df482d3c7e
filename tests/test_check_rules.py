"""Each rule of ``voortgang check`` on small reports written as text renditions."""

from __future__ import annotations

import pickle

import pytest

import voortgang
from voortgang.checks import RULES, check, is_selected, unknown_selectors
from voortgang.checks.references import nearest_labels, nearest_numbers
from voortgang.model.diagnostics import CODES, Diagnostic
from voortgang.model.records import DoubtfulJoin, Reading, SplitRow
from voortgang.parse import parse_bytes

from small_reports import page, read, row, sub_items


def found(*pages: str) -> list[tuple[str, str | None, int | None, str]]:
    """(code, item, page, message) of each diagnostic of the report the pages make."""
    return [(d.code, d.item, d.page, d.message) for d in check(read(*pages))]


def codes(*pages: str) -> list[tuple[str, str | None]]:
    return [(d.code, d.item) for d in check(read(*pages))]


def test_a_clean_report_has_no_diagnostics() -> None:
    assert found(page(row("1.0"), row("1.1"), row("1.2", sub_items("a", "b")))) == []


# -- references ---------------------------------------------------------------------------------


def test_a_reference_to_a_missing_item_is_an_error_with_the_nearest_numbers() -> None:
    report = page(
        row("2.3.0"),
        row("2.3.1"),
        row("2.3.2", status="Loopt (zie 2.3.4)."),
        row("2.4"),
        track=2,
    )
    assert found(report) == [
        ("VG101", "2.3.2", 1, "zie 2.3.4: there is no item 2.3.4 (nearest: 2.3.2, 2.4)")
    ]
    (diagnostic,) = check(read(report))
    assert diagnostic.severity == "error"
    assert diagnostic.suggestions == ["2.3.2", "2.4"]


def test_a_reference_to_a_missing_sub_item_is_an_error() -> None:
    report = page(row("3.1", sub_items("a", "b")), row("3.2", status="Zie 3.1.g."), track=3)
    assert found(report) == [
        ("VG102", "3.2", 1, "Zie 3.1.g: item 3.1 has no sub-item g (its sub-items: a, b)")
    ]
    assert check(read(report))[0].suggestions == ["3.1.b", "3.1.a"]


def test_a_sub_item_of_a_missing_item_is_a_missing_item() -> None:
    report = page(row("3.1"), row("3.2", status="zie 3.7.b"), track=3)
    assert codes(report) == [("VG101", "3.2")]
    assert "there is no item 3.7 " in check(read(report))[0].message


def test_a_sub_item_of_an_item_without_sub_items() -> None:
    report = page(row("3.1"), row("3.2", status="zie 3.1.a"), track=3)
    assert found(report)[0][3] == "zie 3.1.a: item 3.1 has no sub-item a (it has none)"


def test_self_references_and_own_sub_items_are_fine() -> None:
    report = page(
        row("1.1", sub_items("a", "b"), status="Zie 1.1 en zie 1.1.b; onder 1.2."),
        row("1.2", status="(1.2)"),
    )
    assert found(report) == []


def test_each_broken_reference_of_an_item_is_told() -> None:
    report = page(row("1.1", status="zie 1.5 en 1.6, en (1.7)"), row("1.2"))
    assert [(c, m.split(":")[0]) for c, _, _, m in found(report)] == [
        ("VG101", "zie 1.5"),
        ("VG101", "1.6"),
        ("VG101", "(1.7)"),
    ]


@pytest.mark.parametrize(
    "trap",
    [
        "Het project bereikte 34.375 leerlingen.",
        "drie thema's: (1) factoren; (2) ervaringen",
        "Actieplan Polarisatie en Radicalisering 2007-2011",
        "Op 28 en 29 oktober 2009 vond de conferentie plaats",
        "Er is € 4.500.000 beschikbaar, voor 2010 4 mln. en (12.500) ouders",
        "Uitgevoerd op 28.10.2009 en (1.10.2009), onder 10.000 jongeren",
    ],
)
def test_traps_give_no_diagnostics(trap: str) -> None:
    assert found(page(row("1.1", status=trap), row("1.2", result=trap))) == []


def test_nearest_numbers() -> None:
    numbers = ["2.0", "2.0.1", "2.2", "2.3.0", "2.3.1", "2.3.3", "2.4", "2.13", "2.20", "3.1"]
    assert nearest_numbers("2.31", numbers) == ["2.3.1", "2.13", "2.20"]
    assert nearest_numbers("2.3.2", numbers) == ["2.3.1", "2.3.3"]
    assert nearest_numbers("2.1", numbers) == ["2.0.1", "2.2"]
    assert nearest_numbers("3.9", numbers) == ["3.1"]
    assert nearest_numbers("5.1", numbers) == ["3.1"]
    assert nearest_numbers("1.1", numbers) == ["2.0"]


def test_nearest_labels() -> None:
    assert nearest_labels("g", ("a", "b", "c")) == ["c", "b"]
    assert nearest_labels("c", ("a", "b", "d", "e")) == ["b", "d"]
    assert nearest_labels("7", ("1", "2")) == ["2", "1"]


# -- numbers ------------------------------------------------------------------------------------


def test_the_same_number_apart_is_an_error_on_the_second() -> None:
    report = page(row("1.1"), row("1.2")) + page(row("1.1"))
    assert found(report) == [
        ("VG201", "1.1", 2, "1.1 is also the number of an earlier item (page 1)")
    ]


def test_a_row_continued_with_its_number_repeated_is_no_duplicate() -> None:
    assert found(page(row("1.1"), row("1.2")) + page(row("1.2", "verder"))) == []


def test_numbers_out_of_order_within_a_track_are_warnings_on_the_misplaced_item() -> None:
    report = page(row("1.1"), row("1.2"), row("1.9"), row("1.3"), row("1.4"))
    # 1.2 → 1.9 → 1.3 also leaves gaps; only the misplaced 1.9 is out of order.
    assert [entry for entry in found(report) if entry[0] == "VG202"] == [
        ("VG202", "1.9", 1, "1.9 is out of order: it stands between 1.2 and 1.3")
    ]
    (warning,) = [d for d in check(read(report)) if d.code == "VG202"]
    assert warning.severity == "warning"


def test_a_swapped_pair_is_one_warning() -> None:
    assert found(page(row("1.1"), row("1.3"), row("1.2"), row("1.4"))) == [
        ("VG202", "1.3", 1, "1.3 is out of order: it stands between 1.1 and 1.2")
    ]


def test_three_level_numbers_are_in_order_after_their_parent() -> None:
    report = page(row("2.0"), row("2.0.1"), row("2.0.2"), row("2.1"), row("2.1.0"), track=2)
    assert found(report) == []


def test_a_number_outside_its_track_is_a_warning() -> None:
    report = page(row("2.1"), row("2.2"), track=2) + page(row("2.3"), row("3.1"), track=3)
    assert found(report) == [("VG203", "2.3", 2, "2.3 stands under track 3")]


def test_a_gap_is_info_on_the_item_after_it() -> None:
    report = page(row("2.0"), row("2.0.1"), row("2.2"), row("2.5"), track=2)
    assert found(report) == [
        ("VG204", "2.2", 1, "gap in the numbering: 2.0 is followed by 2.2 (no 2.1)"),
        ("VG204", "2.5", 1, "gap in the numbering: 2.2 is followed by 2.5 (no 2.3–2.4)"),
    ]
    assert {d.severity for d in check(read(report))} == {"info"}


def test_gaps_at_every_level_and_between_tracks() -> None:
    report = page(row("1.1.1"), row("1.1.3"), row("1.2")) + page(row("3.1"), track=3)
    assert codes(report) == [("VG204", "1.1.3"), ("VG204", "3.1")]
    gap = "gap in the numbering: track 1 is followed by track 3 (no track 2)"
    assert found(report)[1][3] == gap


def test_numbers_may_start_at_zero_or_one_and_parents_need_no_row() -> None:
    report = page(row("2.3.0"), row("2.3.1"), row("2.4.1"), row("2.5"), track=2)
    assert found(report) == []


def test_a_number_cell_that_is_no_number_is_a_warning() -> None:
    assert found(page(row("1.1"), row("1.x"), row("1.2"))) == [
        ("VG205", "1.x", 1, 'item number "1.x" is not a number such as 2.3.1')
    ]


# -- sub-items ----------------------------------------------------------------------------------


def test_skipped_sub_item_labels_are_a_warning() -> None:
    assert found(page(row("1.1", sub_items("a", "b", "d")))) == [
        ("VG301", "1.1", 1, "sub-item labels out of sequence: a, b, d (d after b)")
    ]


def test_mixed_sub_item_labels_are_a_warning() -> None:
    assert found(page(row("1.1", sub_items("a", "2")))) == [
        ("VG302", "1.1", 1, "sub-item labels mix letters and numbers: a, 2")
    ]


@pytest.mark.parametrize("labels", [("a", "b", "c"), ("1", "2", "3", "4")])
def test_labels_in_sequence_are_fine(labels: tuple[str, ...]) -> None:
    assert found(page(row("1.1", sub_items(*labels)))) == []


def test_label_rules_on_records() -> None:
    """Records JSON may hold any labels; the rules read them as printed."""
    report = read(page(row("1.1", sub_items("a", "b"))))
    item = report.items[0]
    for label, sub in zip(["b", "b"], item.sub_items, strict=True):
        sub.label = label
    assert [(d.code, d.message) for d in check(report)] == [
        ("VG301", "sub-item labels out of sequence: b, b (starts at b, b after b)")
    ]


# -- Trekker and Deadline -----------------------------------------------------------------------


def test_an_unknown_organisation_is_a_warning() -> None:
    report = page(row("1.1", lead="BZK/ Gemeente Xanten"), row("1.2", lead="BZKK, Nuanza"))
    assert found(report) == [
        ("VG401", "1.1", 1, 'Trekker "Gemeente Xanten" is not a known organisation'),
        ("VG401", "1.2", 1, 'Trekker "BZKK" is not a known organisation (did you mean BZK?)'),
        ("VG401", "1.2", 1, 'Trekker "Nuanza" is not a known organisation (did you mean Nuansa?)'),
    ]


@pytest.mark.parametrize(
    "lead",
    [
        "BZK, WWI, OCW, SZW",
        "J&G/NCTb/BuZa",
        "AIVD en Justitie i.s.m. VNG",
        "Nuansa",
        "bzk",
        "Vereniging van Nederlandse Gemeenten",
        "KMar, RvdK en Reclassering",
    ],
)
def test_known_organisations_by_name_or_full_name(lead: str) -> None:
    assert found(page(row("1.1", lead=lead))) == []


def test_a_deadline_that_cannot_be_read_is_a_warning() -> None:
    report = page(row("1.1", deadline="z.s.m."), row("1.2", deadline="n.v.t."))
    assert found(report) == [
        ("VG402", "1.1", 1, 'deadline "z.s.m." cannot be read'),
        ("VG402", "1.2", 1, 'deadline "n.v.t." cannot be read'),
    ]


@pytest.mark.parametrize("deadline", ["continu", "Begin 2010", "november", "voorjaar", "2009", ""])
def test_deadlines_that_read_are_fine(deadline: str) -> None:
    assert found(page(row("1.1", deadline=deadline))) == []


def test_one_deadline_per_sub_item_is_fine_and_only_the_unread_one_is_told() -> None:
    cell = "<p>2009</p> <p>Begin 2010</p> <p>zodra mogelijk</p>"
    assert found(page(row("1.1", sub_items("a", "b", "c"), deadline=cell))) == [
        ("VG402", "1.1", 1, 'deadline "zodra mogelijk" cannot be read')
    ]


# -- the whole ----------------------------------------------------------------------------------


def test_every_code_is_registered_once_with_its_severity() -> None:
    for code, entry in CODES.items():
        assert code == entry.code and code.startswith("VG") and len(code) == 5
    assert len({entry.name for entry in CODES.values()}) == len(CODES)
    report = read(
        page(row("1.1", status="zie 1.9 en zie 1.1.c"), row("1.1.x"), row("1.3"), row("1.1")),
        page(row("1.0", sub_items("a", "c"), deadline="ooit", lead="Xanten")),
        page(row("1.4", sub_items("a", "2")), row("8.1"), row("Pagina 3"), track=3),
        page(row("3.1 3.2"), row("3.3"), track=3, header=False),
    )
    split = Reading(
        header_pages=[1, 2, 3],
        split_rows=[SplitRow(item="1.3", pages=[1, 2, 3])],
        doubtful_joins=[DoubtfulJoin(item="1.3", page=1, before="Buurt", after="aan", joined=True)],
    )
    diagnostics = check(report.model_copy(update={"reading": split}))
    assert {d.code for d in diagnostics} == set(CODES)
    assert all(d.severity == CODES[d.code].severity for d in diagnostics)


def test_diagnostics_come_by_page_then_item() -> None:
    report = read(page(row("1.2", status="zie 1.9"), row("1.1")), page(row("1.5", lead="X")))
    assert [(d.page, d.item, d.code) for d in check(report)] == [
        (1, "1.2", "VG101"),
        (1, "1.2", "VG202"),
        (2, "1.5", "VG204"),
        (2, "1.5", "VG401"),
    ]


def test_select_and_ignore_take_codes_and_prefixes() -> None:
    assert is_selected("VG101", None, None)
    assert is_selected("VG101", ["VG1"], None)
    assert not is_selected("VG201", ["VG1", "VG30"], None)
    assert not is_selected("VG101", None, ["vg10"])
    assert unknown_selectors(["VG1", "VG999", "X"]) == ["VG999", "X"]
    report = read(page(row("1.1", status="zie 1.9", lead="Xanten"), row("1.3")))
    assert [d.code for d in check(report)] == ["VG101", "VG401", "VG204"]
    assert [d.code for d in check(report, select=["VG1", "VG4"], ignore=["VG401"])] == ["VG101"]


def test_the_library_api() -> None:
    report = read(page(row("1.1", status="zie 1.9")))
    diagnostics = voortgang.check(report)
    assert diagnostics == check(report)
    assert isinstance(diagnostics[0], Diagnostic)
    assert diagnostics[0].model_dump() == {
        "code": "VG101",
        "severity": "error",
        "message": "zie 1.9: there is no item 1.9 (nearest: 1.1)",
        "item": "1.1",
        "page": 1,
        "line": 9,  # the row of item 1.1
        "column": 20,  # where its status cell, which holds the reference, starts
        "source": "test.txt",
        "file": None,  # no file was checked: the library's check of a report
        "suggestions": ["1.1"],
    }
    assert pickle.loads(pickle.dumps((RULES, diagnostics))) == (RULES, diagnostics)


def test_pages_are_null_where_the_rendition_has_none() -> None:
    html = (
        "<table><tr><td></td><td>Resultaat</td><td>Deadline</td><td>Trekker</td>"
        "<td>Stand van zaken</td></tr><tr><td>1.1</td><td>Een</td><td>2009</td><td>BZK</td>"
        "<td>zie 1.4</td></tr></table>"
    )
    report = parse_bytes(html.encode(), "test.html")
    assert [(d.code, d.page) for d in check(report)] == [("VG101", None)]
