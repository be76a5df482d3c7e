"""The same report in other shapes of HTML and as Word documents reads to the same records as
its text rendition."""

from __future__ import annotations

import pytest

from voortgang.model.records import Report
from voortgang.parse import parse_bytes
from voortgang.parse.text import read_text

from conftest import SAMPLES, TEXT_SAMPLE
from renderings import PAGELESS, RENDERERS


@pytest.mark.parametrize("shape", sorted(RENDERERS))
def test_sample_in_every_shape_gives_the_same_items(shape: str, text_report: Report) -> None:
    pages = list(read_text(TEXT_SAMPLE.read_bytes()))
    report = parse_bytes(RENDERERS[shape](pages), f"sample.{shape}")
    expected = text_report.items
    if shape in PAGELESS:
        expected = [item.model_copy(update={"pages": []}) for item in expected]
    assert report.items == expected
    assert report.tracks == text_report.tracks
    assert (report.title, report.plan, report.date) == (
        text_report.title,
        text_report.plan,
        text_report.date,
    )
    assert report.source.pages == (None if shape in PAGELESS else text_report.source.pages)


def test_word_rendition_is_windows_1252_with_word_markup() -> None:
    """The Word shape really carries what makes Word's HTML hard, or the test above is hollow."""
    pages = list(read_text(TEXT_SAMPLE.read_bytes()))
    html = RENDERERS["word"](pages)
    for marker in (b"charset=windows-1252", b"<o:p>", b"<![if !supportLists]>", b"Symbol", b"\xeb"):
        assert marker in html


# Word documents and the PDFs LibreOffice printed from them, both of which read to the golden
# records (test_golden): a layout of each kind, title block in the page header or the body.
DOCX_AND_PDF = [
    "voortgangsrapportage-2009-landscape-ruled",
    "voortgangsrapportage-2009-portrait-per-track-hrules-furniture",
    "voortgangsrapportage-2009-portrait-first-page-header",
]


@pytest.mark.parametrize("stem", DOCX_AND_PDF)
def test_a_word_document_its_pdf_html_and_text_give_the_same_items(
    stem: str, text_report: Report
) -> None:
    from_docx = parse_bytes((SAMPLES / f"{stem}.docx").read_bytes(), f"{stem}.docx")
    from_pdf = parse_bytes((SAMPLES / f"{stem}.pdf").read_bytes(), f"{stem}.pdf")
    html = SAMPLES / "voortgangsrapportage-2009.html"
    from_html = parse_bytes(html.read_bytes(), html.name)
    for report in (from_docx, from_pdf, from_html, text_report):
        assert report.tracks == text_report.tracks
        assert (report.title, report.plan, report.date) == (
            text_report.title,
            text_report.plan,
            text_report.date,
        )
        without_pages = [item.model_copy(update={"pages": []}) for item in report.items]
        assert without_pages == [item.model_copy(update={"pages": []}) for item in from_docx.items]
