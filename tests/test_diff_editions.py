"""Two editions of a generated report with known changes of every kind: the diff finds
exactly those, whichever renditions the two are read from; an edition against another
rendition of itself differs in nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from editions import Edition, Expected, comparable, editions
from hypothesis import HealthCheck, given, settings

import voortgang
from voortgang.model.records import Report
from voortgang.parse import read_reports
from voortgang.parse.grid import Page
from voortgang.parse.text import read_text

from conftest import HTML_SAMPLE, SAMPLES, TEXT_SAMPLE
from pdf_rendering import MissingFontError, PdfStyle, render_pdf
from renderings import RENDERERS


def as_records(pages: list[Page]) -> bytes:
    """The records JSON that parse writes, of the text rendition."""
    report = read_reports(RENDERERS["text"](pages), "edition.txt")[0]
    return report.model_dump_json().encode()


def as_pdf(pages: list[Page]) -> bytes:
    try:
        return render_pdf(pages, PdfStyle())
    except MissingFontError as missing:
        pytest.skip(str(missing))


# Each rendition an edition can be read from.
RENDITIONS: dict[str, Callable[[list[Page]], bytes]] = {
    "text": RENDERERS["text"],
    "docx": RENDERERS["docx"],
    "html": RENDERERS["semantic"],
    "word-html": RENDERERS["word"],
    "libreoffice-html": RENDERERS["libreoffice"],
    "pdf": as_pdf,
    "json": as_records,
}
# (old, new): the renditions the two editions are read from.
PAIRS = [
    ("text", "html"),
    ("html", "text"),
    ("word-html", "libreoffice-html"),
    ("json", "text"),
    ("text", "pdf"),
    ("pdf", "html"),
    ("json", "pdf"),
    ("docx", "text"),
    ("html", "docx"),
]
SLOW = {"pdf"}


def read(pages: list[Page], rendition: str) -> Report:
    (report,) = read_reports(RENDITIONS[rendition](pages), f"edition.{rendition}")
    assert voortgang.reading_problems(report) == []
    return report


def check_pair(pair: tuple[Edition, Edition, Expected], old_in: str, new_in: str) -> None:
    first, second, expected = pair
    old = read(first.pages(), old_in)
    new = read(second.pages(), new_in)
    assert comparable(voortgang.diff(old, new)) == expected
    assert voortgang.diff(old, read(first.pages(), new_in)).empty


@pytest.mark.parametrize(("old_in", "new_in"), [p for p in PAIRS if not SLOW & set(p)])
@settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(pair=editions())
def test_the_known_changes_are_found_across_renditions(
    old_in: str, new_in: str, pair: tuple[Edition, Edition, Expected]
) -> None:
    check_pair(pair, old_in, new_in)


@pytest.mark.parametrize(("old_in", "new_in"), [p for p in PAIRS if SLOW & set(p)])
@settings(
    max_examples=5,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(pair=editions(broken_rows=False))
def test_the_known_changes_are_found_against_a_pdf(
    old_in: str, new_in: str, pair: tuple[Edition, Edition, Expected]
) -> None:
    check_pair(pair, old_in, new_in)


def test_the_editions_hold_every_kind_of_change() -> None:
    """The strategy really makes each kind: else the tests above would prove little."""

    @settings(
        max_examples=5, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
    )
    @given(pair=editions())
    def holds_every_kind(pair: tuple[Edition, Edition, Expected]) -> None:
        _, _, expected = pair
        assert len(expected.added) == len(expected.removed) == len(expected.renumbered) == 1
        fields = {name for change in expected.changed.values() for name in change}
        assert fields == {"title", "deadline", "lead", "status", "references", "sub_items"}

    holds_every_kind()


@pytest.mark.parametrize(
    "rendition",
    [
        "voortgangsrapportage-2009.html",
        "voortgangsrapportage-2009-libreoffice.html",
        "voortgangsrapportage-2009-landscape-ruled.pdf",
        "voortgangsrapportage-2009-chromium.pdf",
    ],
)
def test_the_sample_against_another_rendition_of_itself_differs_in_nothing(
    rendition: str, text_report: Report
) -> None:
    other = voortgang.parse(SAMPLES / rendition)
    assert voortgang.diff(text_report, other).empty
    assert voortgang.diff(other, text_report).empty


def test_a_printed_rendition_differs_from_the_text_in_line_breaks_only(text_report: Report) -> None:
    """The PDF really breaks lines where the text has none: else the test above is hollow."""
    other = voortgang.parse(SAMPLES / "voortgangsrapportage-2009-chromium.pdf")
    statuses = [(a.status, b.status) for a, b in zip(text_report.items, other.items, strict=True)]
    assert any(a != b and a.split() == b.split() for a, b in statuses)


def test_the_edited_sample_differs_in_exactly_the_edits_made(text_report: Report) -> None:
    """The second edition in samples/ was made by hand from the text rendition (see
    docs/diff.md): these are the edits."""
    edited = voortgang.parse(SAMPLES / "voortgangsrapportage-2010-edited.txt")
    found = comparable(voortgang.diff(text_report, edited))
    assert found == Expected(
        added=["1.8"],
        removed=["1.6"],
        renumbered=[("2.3.0", "2.3")],
        changed={
            "1.1": {"status": found.changed["1.1"]["status"]},
            "1.3": {"deadline": ("november", "Begin 2011")},
            "1.5": {"lead": (frozenset({"WWI"}), frozenset({"BZK"}))},
            "2.2": {
                "title": ("Dialogoog en Burgerschap", "Dialoog en Burgerschap"),
                "sub_items": (
                    [("e", "intergenerationele gesprekken")],
                    [("e", "intergenerationele gesprekken in de wijk")],
                ),
            },
            "2.4": {
                "status": found.changed["2.4"]["status"],
                "references": (["2.0.2"], ["2.0.1"]),
            },
            "2.5": {"deadline": (None, "eind 2010")},
        },
    )
    old_status, new_status = found.changed["1.1"]["status"]
    assert str(old_status).replace("2009", "2010").replace("745", "812") == new_status
    old_status, new_status = found.changed["2.4"]["status"]
    assert str(old_status).replace("(2.0.2)", "(2.0.1)") == new_status


def test_records_and_renditions_of_the_sample_read_alike() -> None:
    """The text and HTML sample against their own records JSON: nothing lost on the way."""
    for path in (TEXT_SAMPLE, HTML_SAMPLE):
        report = voortgang.parse(path)
        (again,) = read_reports(report.model_dump_json().encode(), "records.json")
        assert voortgang.diff(report, again).empty
    assert list(read_text(TEXT_SAMPLE.read_bytes()))
