"""``voortgang check`` on the command line: formats, exit codes, selection, several inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from voortgang import cli
from voortgang.checks import check
from voortgang.parse import parse_bytes

from conftest import HTML_SAMPLE, TEXT_SAMPLE
from small_reports import page, row

# Item 2.2's row starts on line 51 of the text rendition (issue 16: a line, not the page).
GAP = "VG204 info gap in the numbering: 2.0 is followed by 2.2 (no 2.1) [item 2.2]"
GAP_LINE = f"{TEXT_SAMPLE}:51:1: {GAP}"


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A report with one error (a missing item) and one warning (an unknown Trekker): item
    1.1's row on line 9, its status cell from column 20; item 1.2's row on line 10."""
    path = tmp_path / "broken.txt"
    path.write_text(page(row("1.1", status="zie 1.7"), row("1.2", lead="Xanten")))
    return path


@pytest.fixture
def warned(tmp_path: Path) -> Path:
    """A report with only a warning: a deadline that cannot be read."""
    path = tmp_path / "warned.txt"
    path.write_text(page(row("1.1", deadline="z.s.m."), row("1.2")))
    return path


def test_the_sample_exits_0_with_its_gap_and_a_summary() -> None:
    code, out, err = run("check", str(TEXT_SAMPLE))
    assert (code, err) == (0, "")
    assert out == f"{TEXT_SAMPLE}\n{GAP_LINE}\n\n1 info in 1 file\n"


def test_errors_exit_1(broken: Path) -> None:
    code, out, _ = run("check", str(broken))
    assert code == 1
    assert f"{broken}:9:20: VG101 error zie 1.7: there is no item 1.7 (nearest: 1.2)" in out
    assert out.endswith("1 error, 1 warning in 1 file\n")


def test_warnings_exit_0_unless_strict(warned: Path) -> None:
    assert run("check", str(warned))[0] == 0
    code, out, _ = run("check", "--strict", str(warned))
    assert code == 1
    assert 'VG402 warning deadline "z.s.m." cannot be read [item 1.1]' in out


def test_info_never_fails() -> None:
    assert run("check", "--strict", str(TEXT_SAMPLE))[0] == 0


def test_an_unreadable_input_exits_2_and_the_others_are_checked(
    tmp_path: Path, broken: Path
) -> None:
    notes = tmp_path / "notes.html"
    notes.write_text("<html><body><p>Geen tabel</p></body></html>")
    code, out, err = run("check", str(notes), str(broken), str(tmp_path / "missing.pdf"))
    assert code == 2
    assert err.splitlines() == [
        f"voortgang: error: {notes}: no table with a title and status column",
        f"voortgang: error: {tmp_path / 'missing.pdf'}: no such file",
    ]
    assert "VG101" in out
    assert out.endswith("1 error, 1 warning in 1 file; 2 files could not be read\n")


def test_several_files_are_grouped_per_file(broken: Path) -> None:
    code, out, _ = run("check", str(TEXT_SAMPLE), str(HTML_SAMPLE), str(broken))
    assert code == 1
    groups = out.split("\n\n")
    assert [group.splitlines()[0] for group in groups[:-1]] == [
        str(TEXT_SAMPLE),
        str(HTML_SAMPLE),
        str(broken),
    ]
    assert groups[-1] == "1 error, 1 warning, 2 info in 3 files\n"


@pytest.mark.parametrize(
    ("options", "codes", "exit_code"),
    [
        ([], ["VG101", "VG401"], 1),
        (["--select", "VG4"], ["VG401"], 0),
        (["--select", "vg401,VG101"], ["VG101", "VG401"], 1),
        (["--ignore", "VG1"], ["VG401"], 0),
        (["--ignore", "VG101", "--ignore", "VG401"], [], 0),
        (["--select", "VG1,VG4", "--ignore", "VG101"], ["VG401"], 0),
        (["--select", "VG4", "--strict"], ["VG401"], 1),
    ],
)
def test_select_and_ignore(
    options: list[str], codes: list[str], exit_code: int, broken: Path
) -> None:
    code, out, _ = run("check", "--format", "json", *options, str(broken))
    assert [d["code"] for d in json.loads(out)] == codes
    assert code == exit_code


def test_an_unknown_code_is_a_usage_error(broken: Path) -> None:
    code, _, err = run("check", "--select", "VG1,VG999", str(broken))
    assert code == 2
    assert "no such code: VG999" in err


def test_json_is_the_list_of_diagnostics_and_the_summary_goes_to_stderr(broken: Path) -> None:
    code, out, err = run("check", "--output-format", "json", str(broken))
    expected = check(parse_bytes(broken.read_bytes(), str(broken)))
    checked = [d.model_copy(update={"file": str(broken)}) for d in expected]
    assert json.loads(out) == [d.model_dump(mode="json") for d in checked]
    assert code == 1
    assert err == "voortgang: 1 error, 1 warning in 1 file\n"


def test_github_annotations(broken: Path) -> None:
    code, out, err = run("check", "--format", "github", str(broken))
    assert code == 1
    assert out.splitlines() == [
        f"::error file={broken},line=9,col=20,title=VG101 [item 1.1]::{broken}:9:20: VG101 "
        "zie 1.7: there is no item 1.7 (nearest: 1.2)",
        f"::warning file={broken},line=10,col=1,title=VG401 [item 1.2]::{broken}:10:1: VG401 "
        'Trekker "Xanten" is not a known organisation',
    ]
    assert err == "voortgang: 1 error, 1 warning in 1 file\n"


def test_quiet_leaves_out_the_summary(broken: Path) -> None:
    _, out, _ = run("check", "-q", str(broken))
    assert "in 1 file" not in out
    _, _, err = run("-q", "check", "--format", "json", str(broken))
    assert err == ""


def test_stdin(broken: Path) -> None:
    code, out, _ = run("check", "-", input=broken.read_bytes())
    assert code == 1
    assert "<stdin>:9:20: VG101 error" in out


# -- records JSON -------------------------------------------------------------------------------


def from_the_records(output: str, records: Path) -> list[dict[str, object]]:
    """The diagnostics of the report as checking its records gives them: the records file
    as ``file``, no line or column (those are the report's lines, not the records')."""
    return [
        diagnostic | {"file": str(records), "line": None, "column": None}
        for diagnostic in json.loads(output)
    ]


def test_records_json_of_one_report_gives_what_the_report_gives(
    tmp_path: Path, broken: Path
) -> None:
    records = tmp_path / "records.json"
    assert run("parse", str(broken), "-o", str(records))[0] == 0
    code, out, err = run("check", "--format", "json", str(records))
    from_report = run("check", "--format", "json", str(broken))
    assert (code, err) == (from_report[0], from_report[2])
    assert json.loads(out) == from_the_records(from_report[1], records)
    assert code == 1


def test_json_lines_give_what_the_report_gives(tmp_path: Path, broken: Path) -> None:
    lines = tmp_path / "items.jsonl"
    assert run("parse", str(broken), "-o", str(lines))[0] == 0
    code, out, _ = run("check", "--format", "json", str(lines))
    from_report = run("check", "--format", "json", str(broken))[1]
    assert json.loads(out) == from_the_records(from_report, lines)
    assert code == 1


def test_records_name_the_records_file_and_the_report_they_come_from(
    tmp_path: Path, broken: Path
) -> None:
    records = tmp_path / "records.json"
    assert run("parse", str(broken), "-o", str(records))[0] == 0
    _, out, _ = run("check", "--format", "github", str(records))
    assert out.splitlines()[0] == (
        f"::error file={records},title=VG101 [item 1.1]::{records}: VG101 zie 1.7: there is "
        f"no item 1.7 (nearest: 1.2) (from {broken}:p1)"
    )


def test_records_json_of_several_reports(tmp_path: Path, broken: Path) -> None:
    records = tmp_path / "records.json"
    code, out, _ = run("parse", "--format", "json", str(TEXT_SAMPLE), str(broken))
    records.write_text(out)
    code, out, _ = run("check", str(records))
    assert code == 1
    assert out.endswith("1 error, 1 warning, 1 info in 2 files\n")
    assert f"{records}: {GAP} (from {TEXT_SAMPLE}:p4)" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"schema_version": "1", "items": [', "not valid JSON"),
        ('{"schema_version": "1", "title": null, "items": []', "not valid JSON"),
        # An object without items on one line is taken for a JSON Lines item.
        ('{"schema_version": "1", "title": null}', "line 1: not an item written by voortgang"),
        ('{"schema_version": "1", "title": null,\n"items": 3}', "not records written by voortgang"),
        ('[{"schema_version": "7"}]', "records of schema version '7'; this voortgang reads '1'"),
        ("[1, 2]", "not records written by voortgang parse: 0: Input should be"),
    ],
)
def test_invalid_records_exit_2(tmp_path: Path, content: str, message: str) -> None:
    records = tmp_path / "records.json"
    records.write_text(content)
    code, out, err = run("check", str(records))
    assert code == 2
    assert err.startswith(f"voortgang: error: {records}: {message}")
    assert len(err.splitlines()) == 1
    assert out == ""


def test_a_records_item_without_a_field_is_named(tmp_path: Path, broken: Path) -> None:
    report = json.loads(run("parse", "--format", "json", str(broken))[1])
    del report["items"][1]["lead"]
    records = tmp_path / "records.json"
    records.write_text(json.dumps(report))
    code, _, err = run("check", str(records))
    assert code == 2
    assert err == (
        f"voortgang: error: {records}: not records written by voortgang parse: "
        "items.1.lead: Field required\n"
    )
