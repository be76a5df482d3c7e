"""The PDF test helper itself: what pdfplumber reads back from a rendered sample report."""

from __future__ import annotations

from io import BytesIO

import pdfplumber
import pytest

from voortgang.parse.grid import Page
from voortgang.parse.text import read_text

from conftest import TEXT_SAMPLE
from pdf_rendering import PdfStyle, render_pdf

HEADING = [
    "VOORTGANGSRAPPORTAGE 2009",
    "ACTIEPLAN POLARISATIE EN RADICALISERING 2007-2011",
    "December 2009",
]
HEAD_ROWS = ["SPOOR 1: LOKALE AANPAK", "Resultaat Deadline Trekker Stand van zaken"]


@pytest.fixture(scope="module")
def sample_pages() -> list[Page]:
    return list(read_text(TEXT_SAMPLE.read_bytes()))


def open_pdf(data: bytes) -> pdfplumber.PDF:
    return pdfplumber.open(BytesIO(data))


def test_every_page_repeats_heading_and_head_rows(sample_pages: list[Page]) -> None:
    data = render_pdf(sample_pages)
    assert data.startswith(b"%PDF-")
    assert render_pdf(sample_pages) == data  # deterministic
    with open_pdf(data) as pdf:
        assert len(pdf.pages) > 2
        texts = [pdf.pages[index].extract_text().splitlines() for index in (0, 1, -1)]
    assert all(lines[:3] == HEADING for lines in texts)
    assert texts[0][3:5] == texts[1][3:5] == HEAD_ROWS


@pytest.mark.parametrize(
    ("fonts", "italic", "bold"),
    [("Helvetica", "Helvetica-Oblique", "Helvetica-Bold"), ("Times", "Times-Italic", "Times-Bold")],
)
def test_runs_keep_their_font(sample_pages: list[Page], fonts: str, italic: str, bold: str) -> None:
    with open_pdf(render_pdf(sample_pages, PdfStyle(fonts=fonts))) as pdf:
        words = pdf.pages[0].extract_words(extra_attrs=["fontname"])
    font_of = {word["text"]: word["fontname"] for word in words}
    assert font_of["Stimuleren"] == italic  # 1.2: "1 Stimuleren overnemen ..." in italics
    assert font_of["Resultaat"] == bold
    assert font_of["Decentralisatie-uitkering"] == font_of["1.0"]


def test_fake_bold_draws_the_regular_font_twice(sample_pages: list[Page]) -> None:
    with open_pdf(render_pdf(sample_pages, PdfStyle(fake_bold=True))) as pdf:
        page = pdf.pages[0]
        words = page.dedupe_chars().extract_words()
        top = next(w["top"] for w in words if w["text"] == "Trekker")
        chars = [c for c in page.chars if abs(c["top"] - top) < 1 and c["text"] == "T"]
        deduped = [w["text"] for w in words if w["top"] == top]
    assert {c["fontname"] for c in chars} == {"Helvetica"}
    first, second = sorted(c["x0"] for c in chars)
    assert second - first == pytest.approx(0.3, abs=0.05)
    assert deduped == ["Resultaat", "Deadline", "Trekker", "Stand", "van", "zaken"]
