"""One format registry and one set of output options (issue 16): parse, convert, check,
validate and diff choose a format by --format or -o's suffix alike; convert and validate take
many inputs and folders as parse does."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from voortgang import cli
from voortgang.cli.output import Choosing, choose, short_names
from voortgang.export.formats import (
    DIAGNOSTIC_FORMATS,
    DIFF_FORMATS,
    PROBLEM_FORMATS,
    REPORT_FORMATS,
    Formats,
    Rendering,
)
from voortgang.model.records import Report

from conftest import HTML_SAMPLE, TEXT_SAMPLE

REGISTRIES = [REPORT_FORMATS, DIAGNOSTIC_FORMATS, DIFF_FORMATS, PROBLEM_FORMATS]


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("formats", REGISTRIES, ids=lambda formats: formats.kind)
def test_each_suffix_and_name_belongs_to_one_format(formats: Formats[object]) -> None:
    suffixes = formats.suffixes()
    names = formats.names()
    assert len(suffixes) == len(set(suffixes))
    assert len(names) == len(set(names))
    for found in formats.formats:
        for suffix in found.suffixes:
            assert formats.by_suffix(suffix.upper()) == found
        for name in (found.name, *found.aliases):
            assert formats.get(name) == found
        assert found.render is not None or found.show is not None


def test_a_suffix_no_format_owns_picks_nothing() -> None:
    assert REPORT_FORMATS.by_suffix(".txt") is None
    with pytest.raises(KeyError):
        REPORT_FORMATS.get("yaml")


def test_the_short_names_are_what_convert_lists() -> None:
    assert short_names(REPORT_FORMATS) == "json|jsonl|csv|md|html"


def test_a_format_for_people_cannot_go_to_a_file(tmp_path: Path) -> None:
    choosing = Choosing("parse", "table", "json", "json")
    with pytest.raises(click.UsageError, match="--format table prints to the terminal"):
        choose(REPORT_FORMATS, choosing, "table", tmp_path / "out.json")
    assert choose(REPORT_FORMATS, choosing, None, tmp_path / "out.CSV").name == "csv"
    assert choose(REPORT_FORMATS, choosing, None, tmp_path / "out.txt").name == "json"


def test_every_report_renderer_takes_the_same_arguments() -> None:
    report = Report.model_validate_json(
        CliRunner().invoke(cli.main, ["parse", str(TEXT_SAMPLE), "-f", "json"]).stdout
    )
    for found in REPORT_FORMATS.written():
        assert found.render is not None
        text = found.render([report], Rendering())
        assert report.items[0].title.split()[0] in text, found.name


def test_convert_takes_several_inputs_into_one_array(tmp_path: Path) -> None:
    code, out, err = run("convert", str(TEXT_SAMPLE), str(HTML_SAMPLE), "--format", "json")
    assert (code, err) == (0, "")
    reports = json.loads(out)
    assert [report["source"]["path"] for report in reports] == [str(TEXT_SAMPLE), str(HTML_SAMPLE)]
    assert reports[0]["items"] == reports[1]["items"]


def test_convert_reads_a_folder_of_reports_and_records(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(TEXT_SAMPLE.read_bytes())
    assert run("parse", str(TEXT_SAMPLE), "-o", str(folder / "b.json"))[0] == 0
    (folder / "c.png").write_bytes(b"not read")
    code, out, _ = run("convert", str(folder), "-f", "jsonl")
    assert code == 0
    sources = [json.loads(line)["source"] for line in out.splitlines()]
    assert sources == [str(folder / "a.txt")] * 36 + [str(TEXT_SAMPLE)] * 36


def test_convert_with_one_bad_input_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    code, out, err = run(
        "convert", str(TEXT_SAMPLE), str(tmp_path / "missing.txt"), "-o", str(target)
    )
    assert (code, out) == (2, "")
    assert err.startswith(f"voortgang: error: {tmp_path / 'missing.txt'}: ")
    assert not target.exists()


@pytest.mark.parametrize("flag", ["-f", "--format", "-t", "--to"])
def test_to_is_another_name_of_format(flag: str) -> None:
    assert (
        run("convert", str(TEXT_SAMPLE), flag, "md")[1]
        == run("parse", str(TEXT_SAMPLE), "-f", "md")[1]
    )


def test_validate_reads_a_folder_of_records(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    assert run("parse", str(TEXT_SAMPLE), "-o", str(folder / "a.json"))[0] == 0
    assert run("parse", str(TEXT_SAMPLE), "-o", str(folder / "b.jsonl"))[0] == 0
    (folder / "c.json").write_text('{"items": 3}', encoding="utf-8")
    code, out, err = run("validate", str(folder))
    assert code == 1
    assert out and all(line.startswith(f"{folder / 'c.json'}:") for line in out.splitlines())
    assert err.splitlines()[:2] == [
        f"voortgang: {folder / 'a.json'}: valid (1 report, 36 items)",
        f"voortgang: {folder / 'b.jsonl'}: valid (1 report, 36 items)",
    ]


def test_check_writes_to_the_file_its_suffix_names(tmp_path: Path) -> None:
    target = tmp_path / "found.json"
    code, out, err = run("check", str(TEXT_SAMPLE), "-o", str(target))
    assert (code, out) == (0, "")
    assert json.loads(target.read_text(encoding="utf-8")) == json.loads(
        run("check", str(TEXT_SAMPLE), "-f", "json")[1]
    )
    assert f"to {target} as json" in err


def test_diff_writes_markdown_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "changes.md"
    code, out, _ = run("diff", str(TEXT_SAMPLE), str(HTML_SAMPLE), "-o", str(target))
    assert out == ""
    assert code in (0, 1)
    assert (
        target.read_text(encoding="utf-8")
        == run("diff", str(TEXT_SAMPLE), str(HTML_SAMPLE), "-f", "md")[1]
    )
