"""The same report in other shapes of HTML and as Word documents reads to the same records as
its text rendition."""

from __future__ import annotations

import pytest

from voortgang.model.records import Report
from voortgang.parse import parse_bytes
from voortgang.parse.text import read_text

from conftest import TEXT_SAMPLE
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
