"""``voortgang schema report|item|diagnostics|diff`` (issue 16): each a JSON Schema that what
the commands really write fits, and that a wrong record does not."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from voortgang import cli

from conftest import HTML_SAMPLE, SAMPLES, TEXT_SAMPLE
from json_schema import errors
from small_reports import page, row

EDITED = SAMPLES / "voortgangsrapportage-2010-edited.txt"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli.main, list(args))
    return result.exit_code, result.stdout


def schema(which: str) -> dict[str, Any]:
    code, out = run("schema", which)
    assert code == 0
    found: dict[str, Any] = json.loads(out)
    assert found["type"] in ("object", "array")
    return found


def assert_fits(value: Any, which: str) -> None:
    found = schema(which)
    assert errors(value, found, found) == []


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    path = tmp_path / "broken.txt"
    path.write_text(page(row("1.1", status="zie 1.7"), row("1.2", lead="Xanten")))
    return path


def test_report_fits_what_parse_writes() -> None:
    for sample in (TEXT_SAMPLE, HTML_SAMPLE):
        assert_fits(json.loads(run("parse", str(sample), "-f", "json")[1]), "report")


def test_item_fits_each_json_line() -> None:
    lines = run("parse", str(TEXT_SAMPLE), "-f", "jsonl")[1].splitlines()
    assert len(lines) == 36
    for line in lines:
        assert_fits(json.loads(line), "item")


def test_diagnostics_fit_what_check_writes(broken: Path) -> None:
    diagnostics = json.loads(run("check", str(broken), str(TEXT_SAMPLE), "-f", "json")[1])
    assert {d["code"] for d in diagnostics} == {"VG101", "VG401", "VG204"}
    assert_fits(diagnostics, "diagnostics")


def test_diff_fits_what_diff_writes() -> None:
    code, out = run("diff", str(TEXT_SAMPLE), str(EDITED), "-f", "json")
    assert code == 1
    assert_fits(json.loads(out), "diff")


def test_report_is_still_the_default() -> None:
    assert run("schema")[1] == run("schema", "report")[1]


@pytest.mark.parametrize(
    ("which", "edit"),
    [
        ("report", lambda r: r["items"][0].update(track="2")),
        ("report", lambda r: r.update(schema_version="2")),
        ("report", lambda r: r.update(unknown=1)),
        ("item", lambda r: r.pop("source")),
        ("item", lambda r: r["deadline"].update(kind="yearly")),
        ("diagnostics", lambda r: r[0].update(severity="fatal")),
        ("diagnostics", lambda r: r[0].pop("code")),
        ("diff", lambda r: r.update(added={})),
    ],
)
def test_a_wrong_record_does_not_fit(which: str, edit: Any, broken: Path) -> None:
    """The schemas say something: each edit of real output breaks it."""
    real = {
        "report": lambda: json.loads(run("parse", str(TEXT_SAMPLE), "-f", "json")[1]),
        "item": lambda: json.loads(run("parse", str(TEXT_SAMPLE), "-f", "jsonl")[1].split("\n")[0]),
        "diagnostics": lambda: json.loads(run("check", str(broken), "-f", "json")[1]),
        "diff": lambda: json.loads(run("diff", str(TEXT_SAMPLE), str(EDITED), "-f", "json")[1]),
    }[which]()
    edit(real)
    found = schema(which)
    assert errors(real, found, found) != []
