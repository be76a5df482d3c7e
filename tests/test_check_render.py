"""The diagnostic renderers on a fixed list of diagnostics, against committed snapshots.

The snapshots in ``tests/snapshots/`` were checked by hand. To see a change, run with
``VOORTGANG_UPDATE_SNAPSHOTS=1``, read the diff and commit it only if it is right.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from rich.console import Console

from voortgang.export.diagnostics import (
    diagnostics_github,
    diagnostics_json,
    print_diagnostics,
    summary,
)
from voortgang.model.diagnostics import Diagnostic

SNAPSHOTS = Path(__file__).parent / "snapshots"

DIAGNOSTICS = [
    Diagnostic.of(
        "VG101",
        "zie 2.3.9: there is no item 2.3.9 (nearest: 2.3.3, 2.4)",
        item="2.2",
        page=4,
        source="reports/2009.pdf",
        suggestions=["2.3.3", "2.4"],
    ),
    Diagnostic.of(
        "VG204",
        "gap in the numbering: 2.0 is followed by 2.2 (no 2.1)",
        item="2.2",
        page=4,
        source="reports/2009.pdf",
    ),
    Diagnostic.of(
        "VG401",
        'Trekker "Gemeente [Xanten], 50% BZK" is not a known organisation',
        item="1.3",
        page=None,
        source="reports/2010, concept.html",
        line=12,
    ),
    Diagnostic.of(
        "VG205",
        "an item without a number",
        item=None,
        page=2,
        source="reports/2010, concept.html",
        line=20,
        column=1,
    ),
]


def text_output(diagnostics: list[Diagnostic]) -> str:
    out = io.StringIO()
    console = Console(file=out, color_system=None, force_terminal=False, width=60)
    print_diagnostics(diagnostics, console, summary(diagnostics, 2))
    return out.getvalue()


RENDERERS = {
    "diagnostics.txt": text_output,
    "diagnostics.json": diagnostics_json,
    "diagnostics.github": diagnostics_github,
}


@pytest.mark.parametrize("name", sorted(RENDERERS))
def test_renderer_matches_its_snapshot(name: str) -> None:
    rendered = RENDERERS[name](DIAGNOSTICS)
    snapshot = SNAPSHOTS / name
    if os.environ.get("VOORTGANG_UPDATE_SNAPSHOTS"):
        snapshot.write_text(rendered, encoding="utf-8")
    assert rendered == snapshot.read_text(encoding="utf-8")


def test_text_lines_are_not_wrapped_at_the_console_width() -> None:
    lines = text_output(DIAGNOSTICS).splitlines()
    assert max(map(len, lines)) > 60
    assert lines[1].startswith("reports/2009.pdf:p4: VG101 error zie 2.3.9")


def test_text_output_is_coloured_on_a_terminal() -> None:
    out = io.StringIO()
    console = Console(file=out, color_system="standard", force_terminal=True, width=200)
    print_diagnostics(DIAGNOSTICS[:1], console)
    assert "\x1b[1;31merror" in out.getvalue()


def test_json_round_trips_to_the_same_diagnostics() -> None:
    loaded = json.loads(diagnostics_json(DIAGNOSTICS))
    assert [Diagnostic.model_validate(record) for record in loaded] == DIAGNOSTICS
    assert set(loaded[0]) >= {"code", "severity", "message", "item", "page", "source"}


@pytest.mark.parametrize(
    ("severities", "files", "unreadable", "expected"),
    [
        (["error"] * 3 + ["warning"], 1, 0, "3 errors, 1 warning in 1 file"),
        (["error", "info", "info"], 2, 0, "1 error, 2 info in 2 files"),
        ([], 3, 0, "no problems in 3 files"),
        (["warning"] * 2, 1, 1, "2 warnings in 1 file; 1 file could not be read"),
        ([], 0, 2, "no problems in 0 files; 2 files could not be read"),
    ],
)
def test_summary(severities: list[str], files: int, unreadable: int, expected: str) -> None:
    code = {"error": "VG101", "warning": "VG202", "info": "VG204"}
    diagnostics = [
        Diagnostic.of(code[s], "m", item=None, page=None, source="x") for s in severities
    ]
    assert summary(diagnostics, files, unreadable) == expected
