"""What the PDF reader says it saw on each page: the PageReading beside the grid."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from voortgang.parse import PDF_VOCABULARY
from voortgang.parse.grid import Page
from voortgang.parse.pdf import PageReading, PdfSettings, read_pdf, read_pdf_pages

from conftest import SAMPLES

RULED = SAMPLES / "voortgangsrapportage-2009-landscape-ruled.pdf"
CENTRED = SAMPLES / "voortgangsrapportage-2009-chromium.pdf"


def readings(path: Path, settings: PdfSettings | None = None) -> list[tuple[Page, PageReading]]:
    data = path.read_bytes()
    return list(read_pdf_pages(data, vocabulary=PDF_VOCABULARY, settings=settings or PdfSettings()))


@pytest.fixture(scope="module")
def ruled() -> list[tuple[Page, PageReading]]:
    return readings(RULED)


def test_the_pages_are_read_pdfs_pages(ruled: list[tuple[Page, PageReading]]) -> None:
    pages = list(read_pdf(RULED.read_bytes(), vocabulary=PDF_VOCABULARY))
    assert [page for page, _ in ruled] == pages
    assert [reading.number for _, reading in ruled] == [page.number for page in pages]


def test_a_ruled_tables_columns_are_its_rulings(ruled: list[tuple[Page, PageReading]]) -> None:
    _, reading = ruled[1]
    assert (reading.number, round(reading.width), round(reading.height)) == (2, 842, 595)
    (table,) = reading.tables
    assert table.column_labels == ("", "Resultaat", "Deadline", "Trekker", "Stand van zaken")
    assert [label.text for label in table.labels] == list(table.column_labels[1:])
    assert len(table.bounds) == 6  # five columns
    assert list(table.bounds) == sorted(set(table.bounds))
    assert set(table.bounds) <= set(table.rulings_used.vertical)
    assert table.header is not None and table.header[0] < table.header[1] <= table.rows[0].top
    assert table.rows_ruled and table.rulings_used.horizontal


def test_row_bands_are_in_order_one_a_grid_row(ruled: list[tuple[Page, PageReading]]) -> None:
    for page, reading in ruled:
        bands = [band for table in reading.tables for band in table.rows]
        assert all(a.top <= a.bottom < b.top for a, b in pairwise(bands))
        header_rows = sum(table.header is not None for table in reading.tables)
        table_rows = [row for row in page.rows if row.in_table][header_rows:]
        assert len(table_rows) == len(bands), reading.number
        for row, band in zip(table_rows, bands, strict=True):
            assert (band.kind == "continuation") == row.continues
            assert (band.kind == "merged") == (len(row.cells) == 1)
    assert ruled[1][1].tables[0].rows[0].kind == "continuation"


def test_a_row_band_names_its_grid_row_and_its_paragraphs(
    ruled: list[tuple[Page, PageReading]],
) -> None:
    for page, reading in ruled:
        for band in (band for table in reading.tables for band in table.rows):
            row = page.rows[band.row]
            assert row.in_table and row.continues == (band.kind == "continuation")
            assert [len(starts) for starts in band.paragraphs] == [
                len(cell.paragraphs) for cell in row.cells
            ]
            for x0, top, x1, bottom in (box for starts in band.paragraphs for box in starts):
                assert x0 < x1 and band.top <= top < bottom <= band.bottom


def test_every_line_is_furniture_free_text_or_in_a_table(
    ruled: list[tuple[Page, PageReading]],
) -> None:
    for _, reading in ruled:
        assert set(reading.furniture) <= set(reading.lines)
        assert set(reading.free_text) <= set(reading.lines) - set(reading.furniture)
        # The title block stands in Word's page header, the same on every page: furniture.
        assert "December 2009" in {line.text for line in reading.furniture}
        assert "December 2009" not in {line.text for line in reading.free_text}


def test_joins_are_where_paragraphs_go_on(ruled: list[tuple[Page, PageReading]]) -> None:
    _, reading = ruled[0]
    assert reading.joins
    for join in reading.joins:
        assert join.join in (" ", "")
        assert join.end[1] < join.start[1]  # the next line's first word stands lower
    assert reading.warnings == ()


def test_the_alignment_and_the_evidence_for_it() -> None:
    for _, reading in readings(CENTRED)[:3]:
        (table,) = reading.tables
        assert not table.rows_ruled and not table.rulings_used.horizontal
        assert table.alignment == "middle" and table.alignment_evidence["middle"] >= 2
        assert not table.wrap_spaces and table.wrap_spaces.lines > 0


def test_settings_are_read_with() -> None:
    # No horizontal ruling is twice as long as the table is wide: the rows are not ruled.
    _, reading = readings(RULED, PdfSettings(row_rule_length=2.0))[0]
    assert not reading.tables[0].rows_ruled
    assert not reading.tables[0].rulings_used.horizontal
