"""The renderers that parse and convert write: an item's rows, Markdown, HTML and CSV."""

from __future__ import annotations

import csv
import io
import os
import time
from html import escape
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from voortgang.export.csv import EXPLODED_COLUMNS, ITEM_COLUMNS, reports_csv
from voortgang.export.html import reports_html
from voortgang.export.markdown import reports_markdown
from voortgang.export.rows import has_own_cells, table_rows
from voortgang.model.records import Item, Report, SubItem
from voortgang.parse import parse_bytes
from voortgang.parse.lead import split_lead

from renderings import RENDERERS
from strategies import GeneratedReport, reports

# -- an item's rows --------------------------------------------------------------------------


def test_rows_hold_the_items_cells_and_each_sub_items_own(golden: Report) -> None:
    for item in golden.items:
        rows = table_rows(item)
        assert [row.number for row in rows] == [item.number] + [""] * (len(rows) - 1)
        assert [sub for row in rows for sub in row.sub_items] == item.sub_items
        assert "\n".join(line for row in rows for line in row.status) == item.status
        assert "\n".join(line for row in rows for line in row.lead) == item.lead_text
        deadline = dict.fromkeys(line for row in rows for line in row.deadline)
        assert "\n".join(deadline) == (item.deadline.text if item.deadline else "")
        for row in rows:
            own = [sub for sub in row.sub_items if has_own_cells(sub)]
            if own:
                assert row.sub_items == (own[0],) and not row.title
                assert "\n".join(row.status) == (own[0].status or "")


def test_the_sample_has_sub_items_with_rows_of_their_own(golden: Report) -> None:
    """What the tests above and below rely on to mean something."""
    assert any(len(table_rows(item)) > 1 for item in golden.items)


def _item(**fields: object) -> Item:
    base = {
        "number": "1.1", "track": 1, "title": "", "italic": False, "deadline": None,
        "lead": ["BZK"], "lead_text": "BZK", "status": "Stand", "sub_items": [],
        "references": [], "pages": [],
    }  # fmt: skip
    return Item.model_validate(base | fields)


def test_an_untitled_items_own_lines_stand_before_its_one_sub_item() -> None:
    """A row with one sub-item alone gives the sub-item its cells: the item's own lines stand
    in a first row with nothing in Resultaat."""
    sub = SubItem(label="a", text="punt", italic=True)
    rows = table_rows(_item(sub_items=[sub]))
    assert [(row.sub_items, row.lead, row.status) for row in rows] == [
        ((), ("BZK",), ("Stand",)),
        ((sub,), (), ()),
    ]


def test_records_that_do_not_fit_together_lose_nothing() -> None:
    """A sub-item's status that is not part of the item's (records edited by hand): the item's
    lines in the first row, the sub-item's in its own."""
    sub = SubItem(label="a", text="punt", italic=False, status="Iets anders")
    rows = table_rows(_item(title="Titel", sub_items=[sub]))
    assert [row.status for row in rows] == [("Stand",), ("Iets anders",)]


def test_rows_of_an_item_of_many_paragraphs_take_linear_time() -> None:
    """A cut tried at every paragraph costs no copy of the paragraphs: 100,000 of them, with a
    sub-item's status that fits nowhere, take well under a second (a copy per try: minutes)."""
    status = "\n".join(f"Alinea {index}." for index in range(100_000))
    sub = SubItem(label="a", text="punt", italic=False, status="Nergens")
    started = time.perf_counter()
    rows = table_rows(_item(status=status, sub_items=[sub]))
    took = time.perf_counter() - started
    assert [len(row.status) for row in rows] == [100_000, 1]
    assert took < 10, took


# -- HTML ------------------------------------------------------------------------------------


def read_back(report: Report) -> Report:
    return parse_bytes(reports_html([report]).encode("utf-8"), "converted.html")


def assert_reads_back_but_for_pages(report: Report, back: Report) -> None:
    """The same report but for ``source`` and ``pages``: an HTML document has no pages but
    where CSS breaks them, and convert writes none (a page of the original is not a page of
    the HTML printed), so every item reads back without pages."""
    assert (back.title, back.plan, back.date) == (report.title, report.plan, report.date)
    assert back.tracks == report.tracks
    assert [item.number for item in back.items] == [item.number for item in report.items]
    for original, read in zip(report.items, back.items, strict=True):
        assert read.model_dump(exclude={"pages"}) == original.model_dump(exclude={"pages"})
        assert read.pages == []


def test_html_of_the_sample_reads_back_to_the_same_items(golden: Report) -> None:
    assert_reads_back_but_for_pages(golden, read_back(golden))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated=reports())
def test_html_of_random_reports_reads_back_to_the_same_items(generated: GeneratedReport) -> None:
    report = parse_bytes(RENDERERS["text"](generated.pages), "generated.txt")
    assert_reads_back_but_for_pages(report, read_back(report))


def test_html_is_a_standalone_document_with_its_text_escaped(golden: Report) -> None:
    first = golden.items[0]
    lead_text = "A&B <C>"
    odd = first.model_copy(
        update={
            "title": 'Titel <script>alert("x")</script> & zo',
            "lead_text": lead_text,
            "lead": split_lead(lead_text),
        }
    )
    report = golden.model_copy(update={"items": [odd, *golden.items[1:]]})
    html = reports_html([report])
    assert html.startswith("<!doctype html>\n")
    assert '<meta charset="utf-8">' in html
    assert f"<title>{golden.title} – {golden.plan} – {golden.date}</title>" in html
    assert "border: 1px solid" in html
    assert "<script>" not in html
    assert "Titel &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; zo" in html
    assert_reads_back_but_for_pages(report, read_back(report))


def test_html_keeps_paragraphs_and_italics(golden: Report) -> None:
    html = reports_html([golden])
    item = next(item for item in golden.items if "\n" in item.status and item.sub_items)
    sub = item.sub_items[0]
    assert "".join(f"<p>{escape(line)}</p>" for line in item.status.split("\n")) in html
    assert f"<p>{sub.label}. <i>{escape(sub.text.split(chr(10))[0])}</i>" in html
    for track in golden.tracks:
        assert f"<h2>Spoor {track.number}: {track.title}</h2>" in html


# -- Markdown --------------------------------------------------------------------------------


def test_markdown_has_a_table_row_per_row_of_an_item(golden: Report) -> None:
    markdown = reports_markdown([golden])
    rows = [line for line in markdown.splitlines() if line.startswith("| ")]
    header = "| Nr | Resultaat | Deadline | Trekker | Stand van zaken |"
    assert rows.count(header) == len(golden.tracks)
    item_rows = [row for row in rows if row != header]
    assert len(item_rows) == sum(len(table_rows(item)) for item in golden.items)
    numbers = [row.split(" | ")[0].removeprefix("| ") for row in item_rows]
    assert [number for number in numbers if number] == [item.number for item in golden.items]


def test_markdown_keeps_italics_and_paragraphs_and_escapes_markup(golden: Report) -> None:
    item = next(item for item in golden.items if item.sub_items and item.sub_items[0].italic)
    sub = item.sub_items[0]
    odd = item.model_copy(update={"title": "A | B *C*_D", "status": "een\ntwee"})
    markdown = reports_markdown([golden.model_copy(update={"items": [odd]})])
    assert f"| {item.number} | A \\| B \\*C\\*\\_D<br>{sub.label}. *{sub.text}*" in markdown
    assert "| een<br>twee |" in markdown


# -- CSV -------------------------------------------------------------------------------------

SNAPSHOTS = Path(__file__).parent / "snapshots"


@pytest.mark.parametrize(
    ("name", "explode"), [("csv_header.csv", False), ("csv_header_explode.csv", True)]
)
def test_csv_header_matches_its_snapshot(golden: Report, name: str, explode: bool) -> None:
    header = reports_csv([golden], explode=explode).split("\n", 1)[0] + "\n"
    snapshot = SNAPSHOTS / name
    if os.environ.get("VOORTGANG_UPDATE_SNAPSHOTS"):
        snapshot.write_text(header, encoding="utf-8")
    assert header == snapshot.read_text(encoding="utf-8")


def test_csv_has_a_row_per_item_with_the_records_values(golden: Report) -> None:
    rows = list(csv.DictReader(io.StringIO(reports_csv([golden]))))
    assert tuple(rows[0]) == ITEM_COLUMNS
    assert [row["number"] for row in rows] == [item.number for item in golden.items]
    for row, item in zip(rows, golden.items, strict=True):
        assert row["source"] == golden.source.path
        assert row["sub_items"] == "; ".join(f"{s.label}. {s.text}" for s in item.sub_items)
        assert row["status"] == item.status  # newlines kept inside the cell
        assert row["lead_text"] == item.lead_text
        assert row["lead"].split("|") == (item.lead or [""])
        assert row["references"] == "|".join(r.target for r in item.references)
        assert row["pages"] == "|".join(map(str, item.pages))
        assert row["italic"] == ("true" if item.italic else "false")
        deadline = item.deadline.model_dump() if item.deadline else {}
        for field in ("text", "kind", "year", "month"):
            column = "deadline" if field == "text" else f"deadline_{field}"
            assert row[column] == str(deadline.get(field) or ""), (item.number, column)


def test_exploded_csv_has_a_row_per_sub_item_and_one_per_item_without(golden: Report) -> None:
    rows = list(csv.DictReader(io.StringIO(reports_csv([golden], explode=True))))
    assert tuple(rows[0]) == EXPLODED_COLUMNS
    assert len(rows) == sum(max(1, len(item.sub_items)) for item in golden.items)
    by_number: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_number.setdefault(row["number"], []).append(row)
    assert list(by_number) == [item.number for item in golden.items]
    for item in golden.items:
        found = by_number[item.number]
        assert all(row["status"] == item.status for row in found)
        if not item.sub_items:
            assert [row["sub_item_label"] for row in found] == [""]
            continue
        assert [row["sub_item_label"] for row in found] == [s.label for s in item.sub_items]
        for row, sub in zip(found, item.sub_items, strict=True):
            assert row["sub_item_text"] == sub.text
            assert row["sub_item_status"] == (sub.status or "")
            assert row["sub_item_lead"] == "|".join(sub.lead or [])
            assert row["sub_item_deadline"] == (sub.deadline.text if sub.deadline else "")


def test_csv_of_several_reports_names_each_rows_source(golden: Report) -> None:
    other = golden.model_copy(update={"source": golden.source.model_copy(update={"path": "b"})})
    rows = list(csv.DictReader(io.StringIO(reports_csv([golden, other]))))
    count = len(golden.items)
    assert [row["source"] for row in rows] == [golden.source.path] * count + ["b"] * count
