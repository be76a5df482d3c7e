"""``voortgang check`` on random reports: it finds exactly the broken references generated.

The generated reports number their items uniquely and in order under their own tracks, label
sub-items in sequence, name known organisations and write readable deadlines (one per
sub-item, some of them); their only broken references are those written to a missing item,
and their gaps are information. So every diagnostic but those is a false alarm.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from voortgang.checks import check
from voortgang.parse import parse_bytes

from renderings import RENDERERS
from strategies import GeneratedReport, reports


@pytest.mark.parametrize("shape", ["text", "word"])
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(generated=reports())
def test_only_the_broken_references_generated_are_faults(
    shape: str, generated: GeneratedReport
) -> None:
    report = parse_bytes(RENDERERS[shape](generated.pages), f"generated.{shape}")
    diagnostics = check(report)
    broken = [
        ("VG101", item.number, f"{reference.text}: there is no item {reference.target}")
        for item in generated.items
        for reference in item.references
        if not reference.resolved
    ]
    found = [
        (d.code, d.item, d.message.split(" (nearest")[0])
        for d in diagnostics
        if d.severity != "info"
    ]
    assert sorted(found) == sorted(broken)
    assert {d.code for d in diagnostics if d.severity == "info"} <= {"VG204"}
