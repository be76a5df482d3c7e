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
    assert_sample_reads_back(style, text_report)


def assert_sample_reads_back(style: PdfStyle, text_report: Report) -> None:
    """The sample printed in ``style`` reads to the text rendition's records, but for
    paragraphs run together (merged_at_most) and pages."""
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
    assert_generated_reads_back(generated, style)


def assert_generated_reads_back(
    generated: GeneratedReport,
    style: PdfStyle,
    heading: bool = False,
    one_page_footer: bool = False,
) -> None:
    """A generated report printed in ``style`` reads to its records, with no reading problem,
    but for paragraphs run together (merged_at_most) and the pages, which the print decides;
    its title, plan and date too if ``heading``. ``one_page_footer``: a footer that a print
    of one page cannot tell apart from the table is read into it, with a reading problem."""
    report = parse_bytes(render(generated.pages, style), "generated.pdf")
    if one_page_footer and report.source.pages == 1:
        # Nothing repeats on a single page: the footer is read into the table, and said so.
        assert reading_problems(report)
        return
    assert reading_problems(report) == []
    if heading:
        read = (report.title, report.plan, report.date)
        assert read == (generated.title, generated.plan, generated.date)
    assert report.tracks == generated.tracks
    assert [item.number for item in report.items] == [item.number for item in generated.items]
    for parsed, expected in zip(report.items, generated.items, strict=True):
        found, wanted = parsed.model_dump(exclude={"pages"}), expected.model_dump(exclude={"pages"})
        differing = {key: (found[key], wanted[key]) for key in found if found[key] != wanted[key]}
        assert merged_at_most(found, wanted), differing
        assert parsed.pages == sorted(set(parsed.pages)) and parsed.pages


# -- issue 10: page furniture, and the track heading as a paragraph between tables ------------

# Running header and footer each on one line: title and mark, date and page number.
FURNITURE_STYLES = [
    PdfStyle(furniture=True, furniture_date="2 december 2009"),
    PdfStyle(fonts="Times", landscape=True, ruled=False, furniture=True, page_numbers="dash"),
    PdfStyle(fonts="DejaVuSans", font_size=8, furniture=True, furniture_date="2-12-2009"),
]
# The mark on a line above the title, the page number on a line above the date.
STACKED_FURNITURE_STYLES = [
    PdfStyle(
        fonts="LiberationSerif",
        font_size=10,
        furniture=True,
        furniture_date="2 december 2009",
        furniture_stacked=True,
    ),
    PdfStyle(ruled=False, furniture=True, page_numbers="dash", furniture_stacked=True),
]
PER_TRACK_STYLES = [
    PdfStyle(per_track_tables=True),
    PdfStyle(fonts="Times", landscape=True, ruled=False, font_size=8, per_track_tables=True),
    PdfStyle(fonts="DejaVuSans", per_track_tables=True, furniture=True, furniture_date="2-12-2009"),
]
ROUND_TRIP = settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)


def layout_id(style: PdfStyle) -> str:
    parts = [style.fonts, "landscape" if style.landscape else "portrait"]
    parts += [] if style.ruled else ["plain"]
    parts += ["per-track"] if style.per_track_tables else []
    parts += [f"furniture-{style.page_numbers}"] if style.furniture else []
    parts += ["stacked"] if style.furniture_stacked else []
    return "-".join(parts)


@pytest.mark.parametrize(
    "style",
    [
        *FURNITURE_STYLES,
        *STACKED_FURNITURE_STYLES,
        *PER_TRACK_STYLES,
    ],
    ids=layout_id,
)
def test_sample_printed_in_unseen_layout_reads_back(style: PdfStyle, text_report: Report) -> None:
    assert_sample_reads_back(style, text_report)


@ROUND_TRIP
@given(generated=reports(broken_rows=False), style=st.sampled_from(FURNITURE_STYLES))
def test_random_reports_with_page_furniture_read_back(
    generated: GeneratedReport, style: PdfStyle
) -> None:
    assert_generated_reads_back(generated, style, heading=True)


@ROUND_TRIP
@given(generated=reports(broken_rows=False), style=st.sampled_from(STACKED_FURNITURE_STYLES))
def test_random_reports_with_stacked_page_furniture_read_back(
    generated: GeneratedReport, style: PdfStyle
) -> None:
    assert_generated_reads_back(generated, style, heading=True, one_page_footer=True)


@ROUND_TRIP
@given(generated=reports(broken_rows=False), style=st.sampled_from(PER_TRACK_STYLES))
def test_random_reports_in_per_track_tables_read_back(
    generated: GeneratedReport, style: PdfStyle
) -> None:
    assert_generated_reads_back(generated, style, heading=True)
