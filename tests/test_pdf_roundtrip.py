"""Random reports, and the sample, printed to PDF with reportlab and read back."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from voortgang import reading_problems
from voortgang.model.records import Report
from voortgang.parse import parse_bytes
from voortgang.parse.text import read_text

from conftest import TEXT_SAMPLE
from pdf_rendering import MissingFontError, PdfStyle, render_pdf
from strategies import GeneratedReport, reports

STYLES = [
    PdfStyle(),
    PdfStyle(fonts="Times", landscape=True, ruled=False),
    PdfStyle(fonts="DejaVuSans", ruled=True, font_size=10),
    PdfStyle(fonts="LiberationSerif", landscape=True, ruled=False, fake_bold=True),
    PdfStyle(fake_bold=True, ruled=False, font_size=8),
]


def render(pages: list, style: PdfStyle) -> bytes:
    try:
        return render_pdf(pages, style)
    except MissingFontError as missing:
        pytest.skip(str(missing))


def without_pages(report: Report) -> list[dict]:
    return [item.model_dump(exclude={"pages"}) for item in report.items]


def merged_at_most(parsed: object, expected: object) -> bool:
    """Equal, but for paragraphs that ``parsed`` runs together where ``expected`` has a line
    break: what a PDF cannot tell where a paragraph ends on a full last line of a page and
    the next begins on the next page without spacing."""
    if isinstance(parsed, dict) and isinstance(expected, dict):
        return parsed.keys() == expected.keys() and all(
            merged_at_most(parsed[key], expected[key]) for key in parsed
        )
    if isinstance(parsed, list) and isinstance(expected, list):
        return len(parsed) == len(expected) and all(map(merged_at_most, parsed, expected))
    if isinstance(parsed, str) and isinstance(expected, str):
        breaks_kept = all(b == "\n" for a, b in zip(parsed, expected, strict=False) if a == "\n")
        return parsed.replace("\n", " ") == expected.replace("\n", " ") and breaks_kept
    return parsed == expected


def test_merged_at_most_allows_only_merged_paragraphs() -> None:
    assert merged_at_most({"status": "a b\nc"}, {"status": "a\nb\nc"})
    assert not merged_at_most({"status": "a\nb c"}, {"status": "a b\nc"})
    assert not merged_at_most({"status": "a\nb"}, {"status": "a b"})
    assert not merged_at_most({"status": "a c"}, {"status": "a\nb"})
    assert not merged_at_most({"lead": ["BZK"]}, {"lead": ["BZK", "VNG"]})


@pytest.mark.parametrize("style", STYLES, ids=lambda s: f"{s.fonts}-{s.ruled}-{s.fake_bold}")
def test_sample_printed_in_every_style_reads_back(style: PdfStyle, text_report: Report) -> None:
    pages = list(read_text(TEXT_SAMPLE.read_bytes()))
    report = parse_bytes(render(pages, style), "sample.pdf")
    assert reading_problems(report) == []
    assert merged_at_most(without_pages(report), without_pages(text_report))
    assert report.tracks == text_report.tracks
    assert (report.title, report.plan, report.date) == (
        text_report.title,
        text_report.plan,
        text_report.date,
    )


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,  # the same examples in every run: CI must not depend on luck
    suppress_health_check=[HealthCheck.too_slow],
)
@given(generated=reports(broken_rows=False), style=st.sampled_from(STYLES))
def test_random_reports_printed_to_pdf_read_back(
    generated: GeneratedReport, style: PdfStyle
) -> None:
    report = parse_bytes(render(generated.pages, style), "generated.pdf")
    assert reading_problems(report) == []
    assert report.tracks == generated.tracks
    assert [item.number for item in report.items] == [item.number for item in generated.items]
    for parsed, expected in zip(report.items, generated.items, strict=True):
        found, wanted = parsed.model_dump(exclude={"pages"}), expected.model_dump(exclude={"pages"})
        differing = {key: (found[key], wanted[key]) for key in found if found[key] != wanted[key]}
        assert merged_at_most(found, wanted), differing
        assert parsed.pages == sorted(set(parsed.pages)) and parsed.pages
