"""The renderers that parse and convert write: an item's rows, Markdown."""

from __future__ import annotations

import time

from voortgang.export.markdown import reports_markdown
from voortgang.export.rows import has_own_cells, table_rows
from voortgang.model.records import Item, Report, SubItem

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
