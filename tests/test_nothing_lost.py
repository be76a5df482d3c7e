"""Every word in every table cell ends up in some field of the records.

The words are taken from the files directly (TAB-split lines with the tags stripped, the
``<td>`` texts of the HTML, python-docx's text of each Word table cell), not through
voortgang's readers, so a reader that drops text fails.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from pathlib import Path

import docx
import pytest
from bs4 import BeautifulSoup
from docx.table import _Cell

from voortgang import parse
from voortgang.model.records import Item, Report

from conftest import DOCX_SAMPLES, SAMPLES

WORD = re.compile(r"\w+")
HEADER_WORDS = {"resultaat", "deadline", "trekker", "stand", "van", "zaken"}


def words(text: str) -> Counter[str]:
    return Counter(WORD.findall(text))


def rows_of_text(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            rows.append([html.unescape(re.sub(r"<[^>]+>", " ", cell)) for cell in line.split("\t")])
    return rows


def rows_of_html(path: Path) -> list[list[str]]:
    soup = BeautifulSoup(path.read_bytes(), "lxml")
    return [[td.get_text(" ") for td in tr.find_all(["td", "th"])] for tr in soup.find_all("tr")]


def rows_of_docx(path: Path) -> list[list[str]]:
    """The text of each cell of each table, as python-docx reads it: a merged cell once."""
    document = docx.Document(str(path))
    return [
        [_Cell(tc, table).text for tc in row._tr.tc_lst]
        for table in document.tables
        for row in table.rows
    ]


def item_words(item: Item) -> tuple[Counter[str], Counter[str]]:
    """Words of the item's fields, and separately of its number and deadline."""
    texts = [item.title, item.lead_text, item.status]
    texts += [f"{sub.label} {sub.text}" for sub in item.sub_items]
    once = f"{item.number} {item.deadline.text if item.deadline else ''}"
    return words(" ".join(texts)), words(once)


def check_nothing_lost(rows: list[list[str]], report: Report) -> None:
    track_words = words(" ".join(f"SPOOR {t.number} {t.title}" for t in report.tracks).lower())
    numbers: list[str] = []
    # Per item: the words of its cells, and those of its number and deadline cells, which the
    # record holds once however many rows repeat them.
    source_items: list[tuple[list[str], list[str]]] = []
    for cells in rows:
        cells = [*cells, "", "", "", "", ""][:5]
        if not any(cell.strip() for cell in cells[1:]):
            assert not words(cells[0].lower()) - track_words, cells[0]
            continue
        if {w.lower() for w in WORD.findall(" ".join(cells))} <= HEADER_WORDS:
            continue
        number = cells[0].strip()
        if number and (not numbers or number != numbers[-1]):
            numbers.append(number)
            source_items.append(([], []))
        item_source, once_source = source_items[-1]
        item_source += WORD.findall(" ".join([cells[1], cells[3], cells[4]]))
        once_source += WORD.findall(" ".join([cells[0], cells[2]]))
    assert len(source_items) == len(report.items)
    for (source, once_source), item in zip(source_items, report.items, strict=True):
        fields, once = item_words(item)
        assert not Counter(source) - fields, f"{item.number} lost {Counter(source) - fields}"
        assert set(once_source) <= set(once), item.number


@pytest.mark.parametrize(
    ("name", "rows_of"),
    [
        ("voortgangsrapportage-2009.txt", rows_of_text),
        ("voortgangsrapportage-2009.html", rows_of_html),
        ("voortgangsrapportage-2009-libreoffice.html", rows_of_html),
        *((name, rows_of_docx) for name in DOCX_SAMPLES),
    ],
)
def test_every_word_of_the_table_is_in_the_records(name: str, rows_of) -> None:
    check_nothing_lost(rows_of(SAMPLES / name), parse(SAMPLES / name))


def test_a_dropped_word_is_noticed(text_report: Report) -> None:
    rows = rows_of_text(SAMPLES / "voortgangsrapportage-2009.txt")
    items = [
        item.model_copy(update={"status": item.status.replace("draaiboek", "", 1)})
        if item.number == "1.6"
        else item
        for item in text_report.items
    ]
    with pytest.raises(AssertionError, match="draaiboek"):
        check_nothing_lost(rows, text_report.model_copy(update={"items": items}))
