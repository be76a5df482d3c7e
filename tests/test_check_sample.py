"""``voortgang check`` on the sample report in every rendition, and on a copy with faults put in.

The sample has no errors; its only diagnostic is the gap 2.0 → 2.2 (there is no 2.1), info.
The mutated copy is made here from the text rendition by string edits, then rendered as HTML
and PDF by the test helpers, and must give exactly the faults put in, in every form.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from voortgang import cli
from voortgang.checks import check
from voortgang.model.records import Report
from voortgang.parse import parse_bytes
from voortgang.parse.text import read_text

from conftest import BROWSER_PRINTS, RENDITIONS, SAMPLES, TEXT_SAMPLE
from pdf_rendering import MissingFontError, PdfStyle, render_pdf
from renderings import RENDERERS

GAP = ("VG204", "2.2", "gap in the numbering: 2.0 is followed by 2.2 (no 2.1)")

# What is changed in the sample, and what each change must give: (code, item, message).
MUTATIONS = [
    ("zie 2.3.1", "zie 2.3.9"),  # in 2.2
    ("onder 2.13", "onder 2.31"),  # in 2.17
    ("zie 3.1.b", "zie 3.1.g"),  # in 3.1, which has sub-items a and b
    ("\n3.3\t", "\n3.1\t"),  # 3.3 renumbered 3.1: two items 3.1, with 3.2 between them
]
EXPECTED = {
    GAP,
    ("VG101", "2.2", "zie 2.3.9: there is no item 2.3.9 (nearest: 2.3.3, 2.4)"),
    ("VG101", "2.17", "onder 2.31: there is no item 2.31 (nearest: 2.3.1, 2.13, 2.20)"),
    ("VG102", "3.1", "zie 3.1.g: item 3.1 has no sub-item g (its sub-items: a, b)"),
}
DUPLICATE = "VG201", "3.1"  # its message names the page of the first 3.1


def found(report: Report) -> list[tuple[str, str | None, str]]:
    return [(d.code, d.item, d.message) for d in check(report)]


def page_of(report: Report, number: str, occurrence: int = 0) -> int | None:
    pages = [item.pages for item in report.items if item.number == number][occurrence]
    return pages[0] if pages else None


@pytest.mark.parametrize("name", RENDITIONS)
def test_the_sample_has_only_the_gap(name: str) -> None:
    report = parse_bytes((SAMPLES / name).read_bytes(), name)
    assert found(report) == [GAP]
    (gap,) = check(report)
    assert (gap.severity, gap.page, gap.source) == ("info", page_of(report, "2.2"), name)


def test_the_gap_is_on_the_page_of_2_2_in_the_text_rendition(text_report: Report) -> None:
    assert [(d.page, d.item) for d in check(text_report)] == [(4, "2.2")]


@pytest.mark.parametrize("name", BROWSER_PRINTS)
def test_the_browser_prints_have_only_the_gap(name: str) -> None:
    # Their cells are centred or bottom-aligned; the reader must find every row and sub-item.
    assert found(parse_bytes((SAMPLES / name).read_bytes(), name)) == [GAP]


def mutated_text() -> bytes:
    text = TEXT_SAMPLE.read_text(encoding="utf-8")
    for before, after in MUTATIONS:
        assert text.count(before) == 1, before
        text = text.replace(before, after)
    return text.encode("utf-8")


def mutated(shape: str) -> bytes:
    if shape == "text":
        return mutated_text()
    pages = list(read_text(mutated_text()))
    if shape == "pdf":
        try:
            return render_pdf(pages, PdfStyle())
        except MissingFontError as missing:
            pytest.skip(str(missing))
    return RENDERERS[shape](pages)


SHAPES = ["text", "semantic", "word", "libreoffice", "pdf"]


@pytest.fixture(scope="module", params=SHAPES)
def mutated_file(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("mutated") / f"mutated-{request.param}"
    path.write_bytes(mutated(request.param))
    return path


def test_the_mutated_sample_gives_exactly_the_faults_put_in(mutated_file: Path) -> None:
    report = parse_bytes(mutated_file.read_bytes(), str(mutated_file))
    diagnostics = check(report)
    duplicates = [d for d in diagnostics if (d.code, d.item) == DUPLICATE]
    rest = {(d.code, d.item, d.message) for d in diagnostics if d not in duplicates}
    assert rest == EXPECTED
    assert len(diagnostics) == len(EXPECTED) + 1
    (duplicate,) = duplicates
    first, second = page_of(report, "3.1"), page_of(report, "3.1", 1)
    where = f" (page {first})" if first is not None else ""
    assert duplicate.message == f"3.1 is also the number of an earlier item{where}"
    assert duplicate.page == second
    for diagnostic in diagnostics:
        if diagnostic.code != "VG201":
            assert diagnostic.page == page_of(report, diagnostic.item or "")
    if report.source.format != "html":  # the text and the PDF know their pages
        assert all(d.page is not None for d in diagnostics)


def test_the_mutated_text_sample_has_its_pages() -> None:
    report = parse_bytes(mutated("text"), "mutated.txt")
    assert [(d.page, d.code, d.item) for d in check(report)] == [
        (4, "VG101", "2.2"),
        (4, "VG204", "2.2"),
        (12, "VG101", "2.17"),
        (14, "VG102", "3.1"),
        (16, "VG201", "3.1"),
    ]
    assert check(report)[-1].message == "3.1 is also the number of an earlier item (page 14)"


def test_the_mutated_sample_exits_1(mutated_file: Path) -> None:
    result = CliRunner().invoke(cli.main, ["check", str(mutated_file)])
    assert result.exit_code == 1
    assert result.stdout.rstrip().endswith("4 errors, 1 info in 1 file")
    assert result.stderr == ""
