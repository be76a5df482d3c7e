"""Random reports, rendered by every renderer, read back to exactly the records generated."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from voortgang.model.records import Report
from voortgang.parse import parse_bytes

from renderings import PAGELESS, RENDERERS
from strategies import GeneratedReport, reports


@pytest.mark.parametrize("shape", sorted(RENDERERS))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated=reports())
def test_rendered_report_reads_back_unchanged(shape: str, generated: GeneratedReport) -> None:
    report = parse_bytes(RENDERERS[shape](generated.pages), f"generated.{shape}")
    # HTML shows pages only through its page breaks: a one-page report has none; a Word
    # document has none at all.
    pages_known = shape == "text" or (len(generated.pages) > 1 and shape not in PAGELESS)

    assert (report.title, report.plan, report.date) == (
        generated.title,
        generated.plan,
        generated.date,
    )
    assert_items_read_back(report, generated, pages_known)
    assert report.source.pages == (len(generated.pages) if pages_known else None)


def assert_items_read_back(report: Report, generated: GeneratedReport, pages_known: bool) -> None:
    """The report's tracks and items are those generated; their pages too if ``pages_known``."""
    assert report.tracks == generated.tracks
    assert [item.number for item in report.items] == [item.number for item in generated.items]
    for parsed, expected in zip(report.items, generated.items, strict=True):
        if not pages_known:
            expected = expected.model_copy(update={"pages": []})
        assert parsed.model_dump() == expected.model_dump(), parsed.number
