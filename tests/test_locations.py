"""Where diagnostics point (issue 16): the line (and column) of a text or HTML rendition where
an item's row starts or where the cell holding a reference stands; the page of a PDF.

Every line is checked against the file itself: the text on it (markup taken out) holds the
item's number or the reference's text."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import voortgang
from voortgang.model.diagnostics import Diagnostic
from voortgang.model.records import Position, Report
from voortgang.parse import parse_bytes
from voortgang.parse.html import read_html
from voortgang.parse.text import read_text

from conftest import HTML_SAMPLE, SAMPLES, TEXT_SAMPLE
from renderings import RENDERERS
from strategies import GeneratedReport, reports

TAG = re.compile(r"<[^>]*>")
LINED = ("text", "semantic", "word", "libreoffice")  # the renderers that write lines


def shown(lines: list[str]) -> str:
    """The text of some lines of a rendition as a reader sees it: markup and Markdown marks
    out, entities read, white space collapsed."""
    text = html.unescape(TAG.sub(" ", " ".join(lines))).replace("*", " ")
    return " ".join(text.split())


def file_lines(data: bytes) -> list[str]:
    return re.split(r"\r\n|\r|\n", data.decode("utf-8", errors="replace"))


# -- the readers ---------------------------------------------------------------------------


def test_the_text_reader_gives_each_row_its_line_and_each_cell_its_column() -> None:
    data = b"# Kop\n\nvrije tekst\n1.1\tTitel\t\tBZK\n\xc3\xa9\tx\n"
    rows = [row for page in read_text(data) for row in page.rows]
    assert [row.line for row in rows] == [1, 3, 4, 5]
    assert [(cell.line, cell.column) for cell in rows[2].cells] == [
        (4, 1),
        (4, 5),
        (4, 11),
        (4, 12),
    ]
    # columns count characters, not bytes: é is one
    assert [(cell.line, cell.column) for cell in rows[3].cells] == [(5, 1), (5, 3)]


def test_the_text_reader_counts_every_kind_of_line_end() -> None:
    rows = [row for page in read_text(b"a\tb\r\nc\td\re\tf\n") for row in page.rows]
    assert [row.line for row in rows] == [1, 2, 3]


def test_the_html_reader_gives_each_row_and_cell_its_line() -> None:
    data = (
        b"<html><body>\n<p>Kop</p>\n<table>\n<tr><td>1.1</td>\n<td>Titel</td></tr>\n"
        b"<tr>\n<td>1.2</td><td>x</td></tr>\n</table></body></html>"
    )
    rows = [row for page in read_html(data) for row in page.rows if row.in_table]
    assert [row.line for row in rows] == [4, 6]
    assert [[cell.line for cell in row.cells] for row in rows] == [[4, 5], [7, 7]]
    assert all(cell.column is None for row in rows for cell in row.cells)


def test_pdf_rows_have_no_lines() -> None:
    pdf = SAMPLES / "voortgangsrapportage-2009-portrait-plain.pdf"
    report = voortgang.parse(pdf)
    assert all(report.position_of(item) is None for item in report.items)
    assert all(d.line is None and d.page is not None for d in voortgang.check(report))


# -- the samples, and copies with broken references -----------------------------------------


def broken_copy(text: str) -> str:
    """The rendition with every reference's target made one that no item has (9 put before
    its first digit) and two numbers used twice, so that every kind of reference and number
    diagnostic comes up: a copy written here, not one the code was tuned on."""
    text = re.sub(r"((?:zie|Zie punt|onder) |\()(\d)", r"\g<1>9\2", text)
    return re.sub(r"(>|^)(3\.3|2\.8)(<|\t)", r"\g<1>3.2\3", text, flags=re.MULTILINE)


def cell_at(lines: list[str], line: int) -> str:
    """The text of the cell that starts on ``line``: in a text rendition the line itself; in
    HTML the lines up to the one that closes the cell."""
    block = [lines[line - 1]]
    if "<t" in block[0]:
        for following in lines[line:]:
            if re.search(r"</t[dh]>", block[-1]):
                break
            block.append(following)
    return shown(block)


def assert_lines_hold_what_they_point_at(
    report: Report, diagnostics: list[Diagnostic], data: bytes
) -> None:
    lines = file_lines(data)
    located = [d for d in diagnostics if d.line is not None]
    assert located, "no diagnostic has a line"
    for diagnostic in located:
        assert diagnostic.line is not None
        on_line = cell_at(lines, diagnostic.line)
        if diagnostic.code in ("VG101", "VG102"):
            reference = diagnostic.message.split(": ", 1)[0]
            assert " ".join(reference.split()) in on_line, diagnostic
        else:
            assert diagnostic.item is not None
            assert on_line.split()[:1] == [diagnostic.item], diagnostic
            where = Position(diagnostic.line, diagnostic.column)
            items = [item for item in report.items if item.number == diagnostic.item]
            assert where in [report.position_of(item) for item in items]
        if diagnostic.column is not None:  # a text rendition: the start of a cell
            raw = lines[diagnostic.line - 1]
            assert diagnostic.column == 1 or raw[diagnostic.column - 2] == "\t"


@pytest.mark.parametrize(
    "sample",
    [TEXT_SAMPLE, HTML_SAMPLE, SAMPLES / "voortgangsrapportage-2009-libreoffice.html"],
    ids=lambda p: p.name,
)
@pytest.mark.parametrize("broken", [False, True], ids=["as-is", "broken"])
def test_every_diagnostic_on_a_sample_points_at_its_line(sample: Path, broken: bool) -> None:
    data = sample.read_bytes()
    if broken:
        data = broken_copy(data.decode("utf-8")).encode("utf-8")
    report = parse_bytes(data, sample.name)
    diagnostics = voortgang.check(report)
    if broken:
        codes = {d.code for d in diagnostics}
        assert {"VG101", "VG201"} <= codes
    assert_lines_hold_what_they_point_at(report, diagnostics, data)


def test_the_lines_of_the_text_sample_by_hand() -> None:
    """Checked by hand in an editor: item 2.2's row is line 51, its "zie 2.3.1" in the status
    cell that starts at column 372; item 2.6's "zie 2.10" is in its second row, line 86."""
    report = voortgang.parse(TEXT_SAMPLE)
    items = {item.number: item for item in report.items}
    assert report.position_of(items["2.2"]) == Position(51, 1)
    assert report.position_of(items["2.2"], items["2.2"].references[0]) == Position(51, 372)
    assert report.position_of(items["2.6"], items["2.6"].references[0]) == Position(86, 475)


def test_records_read_back_have_no_lines(tmp_path: Path) -> None:
    report = voortgang.parse(TEXT_SAMPLE)
    back = Report.model_validate_json(report.model_dump_json())
    assert back.items == report.items
    assert all(back.position_of(item) is None for item in back.items)


# -- any report, in every rendition of lines ------------------------------------------------


@pytest.mark.parametrize("shape", LINED)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated=reports())
def test_each_item_and_reference_stands_where_it_is_said_to(
    shape: str, generated: GeneratedReport
) -> None:
    data = RENDERERS[shape](generated.pages)
    report = parse_bytes(data, f"generated.{shape}")
    lines = file_lines(data)
    starts = [report.position_of(item) for item in report.items]
    assert all(start is not None for start in starts)
    numbers = [start.line for start in starts if start is not None]
    assert numbers == sorted(numbers)
    ends = [*numbers[1:], len(lines) + 1]
    for item, start, end in zip(report.items, numbers, ends, strict=True):
        # the item's rows: from its line to the next item's (or to the end)
        block = lines[start - 1 : max(end, start + 1) - 1]
        assert item.number in shown(block).split(), (item.number, start)
        for reference in item.references:
            where = report.position_of(item, reference)
            assert where is not None and start <= where.line < max(end, start + 1)
            assert " ".join(reference.text.split()) in shown(lines[where.line - 1 : end - 1])


def test_a_report_read_equals_the_same_report_loaded_from_its_json() -> None:
    """Where the items stood in the file read is no part of the records."""
    read = voortgang.parse(TEXT_SAMPLE)
    assert read.position_of(read.items[0]) is not None
    loaded = Report.model_validate_json(read.model_dump_json())
    assert loaded.position_of(loaded.items[0]) is None
    assert read == loaded
    assert read != loaded.model_copy(update={"title": "Anders"})
