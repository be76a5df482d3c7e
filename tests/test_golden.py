"""The sample report, against the golden records checked by hand, in every committed rendition."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from voortgang import parse
from voortgang.model.records import Report

from conftest import RENDITIONS, SAMPLES


def test_golden_counts(golden: Report) -> None:
    """The facts the golden file was checked for: 36 items, 10 references, all resolved."""
    assert len(golden.items) == 36
    references = [ref for item in golden.items for ref in item.references]
    assert len(references) == 10
    assert all(ref.resolved for ref in references)
    assert [ref.target for ref in references] == [
        "1.4", "2.3.1", "2.11", "2.0.2", "2.10", "2.3.1", "2.2", "2.13", "2.0.2", "3.1.b",
    ]  # fmt: skip
    assert [track.title for track in golden.tracks] == [
        "Lokale aanpak",
        "Nationale aanpak",
        "Internationale samenwerking en buitenlands beleid",
    ]


@pytest.mark.parametrize("name", RENDITIONS)
def test_rendition_matches_golden(name: str, golden: Report) -> None:
    report = parse(SAMPLES / name)
    assert (report.title, report.plan, report.date) == (golden.title, golden.plan, golden.date)
    assert report.tracks == golden.tracks
    assert [item.number for item in report.items] == [item.number for item in golden.items]
    pages_known = report.source.pages == golden.source.pages
    for item, expected in zip(report.items, golden.items, strict=True):
        if not pages_known:  # an export without the original's page breaks
            expected = expected.model_copy(update={"pages": item.pages})
        assert item == expected, item.number


def test_text_source_is_described(text_report: Report) -> None:
    source = text_report.source
    assert (source.format, source.pages) == ("text", 16)
    assert source.sha256 == hashlib.sha256(Path(source.path).read_bytes()).hexdigest()
