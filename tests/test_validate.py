"""voortgang validate: every problem of a records file, with its JSON path.

The snapshot in ``tests/snapshots/validate.txt`` was checked by hand; to see a change, run with
``VOORTGANG_UPDATE_SNAPSHOTS=1``, read the diff and commit it only if it is right.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from voortgang import cli

from conftest import GOLDEN, TEXT_SAMPLE

SNAPSHOT = Path(__file__).parent / "snapshots" / "validate.txt"
KINDS = "'continuous', 'year', 'month', 'season', 'part_of_year' or 'unknown'"


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def golden() -> dict[str, Any]:
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


def lines_of(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The report's items as parse --format jsonl writes them."""
    head = {"schema_version": report["schema_version"], "source": report["source"]["path"]}
    return [head | item for item in report["items"]]


def write_json(path: Path, value: object) -> Path:
    path.write_text(json.dumps(value, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


def write_lines(path: Path, values: list[Any]) -> Path:
    path.write_text("".join(json.dumps(v, ensure_ascii=False) + "\n" for v in values), "utf-8")
    return path


@pytest.fixture
def files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder of records files, each broken in its own way; the current directory, so that
    messages name them as given."""
    monkeypatch.chdir(tmp_path)
    write_json(tmp_path / "valid.json", golden())
    mutated = golden()
    items = mutated["items"]
    items[3]["deadline"]["kind"] = "yearly"  # not one of the kinds
    del items[4]["status"]  # a required field missing
    items[7]["lead"] = ["BZK", 3]  # a wrong type in a nested list
    items[11]["sub_items"][1]["italic"] = "ja"
    items[11]["sub_items"][2]["colour"] = "red"  # a field the contract does not have
    write_json(tmp_path / "mutated.json", mutated)
    newer = golden() | {"schema_version": "2"}
    unversioned = {key: value for key, value in golden().items() if key != "schema_version"}
    write_json(tmp_path / "versions.json", [newer, unversioned, 7])
    lines = lines_of(golden())
    lines[2]["track"] = "een"
    lines[5]["deadline"] = None
    lines[5]["sub_items"] = [{"label": "a", "text": "x"}]
    write_lines(tmp_path / "items.jsonl", lines)
    broken = (tmp_path / "items.jsonl").read_text(encoding="utf-8").split("\n")
    broken[8] = broken[8][:50]
    (tmp_path / "broken.jsonl").write_text("\n".join(broken), encoding="utf-8")
    text = GOLDEN.read_text(encoding="utf-8")
    (tmp_path / "broken.json").write_text(text.replace('"track": 1,', '"track": 1', 1), "utf-8")
    return tmp_path


def test_a_valid_file_exits_0_and_says_so(files: Path) -> None:
    assert run("validate", "valid.json") == (
        0,
        "",
        "voortgang: valid.json: valid (1 report, 36 items)\n",
    )
    assert run("validate", "-q", "valid.json") == (0, "", "")


def test_valid_json_lines(files: Path) -> None:
    write_lines(files / "valid.jsonl", lines_of(golden()))
    assert run("validate", "valid.jsonl") == (
        0,
        "",
        "voortgang: valid.jsonl: valid (1 report, 36 items)\n",
    )


def test_each_problem_has_its_json_path(files: Path) -> None:
    code, out, err = run("validate", "mutated.json")
    assert code == 1
    assert out.splitlines() == [
        f"mutated.json: $.items[3].deadline.kind: Input should be {KINDS} (got 'yearly')",
        "mutated.json: $.items[4].status: Field required",
        "mutated.json: $.items[7].lead[1]: Input should be a valid string (got 3)",
        "mutated.json: $.items[11].sub_items[1].italic: Input should be a valid boolean, unable "
        "to interpret input (got 'ja')",
        "mutated.json: $.items[11].sub_items[2].colour: Extra inputs are not permitted (got 'red')",
    ]
    assert err == "voortgang: mutated.json: 5 problems\n"


def test_schema_versions_are_checked(files: Path) -> None:
    code, out, _ = run("validate", "versions.json")
    assert code == 1
    assert out.splitlines() == [
        "versions.json: $[0].schema_version: Unknown schema version '2' (known schema "
        "versions: '1')",
        "versions.json: $[1].schema_version: Field required (known schema versions: '1')",
        "versions.json: $[2]: Input should be a valid dictionary or instance of Report (got 7)",
    ]


def test_json_lines_problems_name_their_line(files: Path) -> None:
    code, out, _ = run("validate", "items.jsonl", "broken.jsonl")
    assert code == 1
    assert out.splitlines() == [
        "items.jsonl:3: $.track: Input should be a valid integer, unable to parse string as an "
        "integer (got 'een')",
        "items.jsonl:6: $.sub_items[0].italic: Field required",
        "broken.jsonl:3: $.track: Input should be a valid integer, unable to parse string as "
        "an integer (got 'een')",
        "broken.jsonl:6: $.sub_items[0].italic: Field required",
        "broken.jsonl:9:35: not valid JSON: Unterminated string starting at",
    ]


def test_invalid_json_gives_line_and_column(files: Path) -> None:
    code, out, err = run("validate", "broken.json")
    assert code == 1
    line = next(
        number
        for number, text in enumerate(GOLDEN.read_text(encoding="utf-8").splitlines(), 1)
        if '"track": 1,' in text
    )
    assert out == f"broken.json:{line + 1}:7: not valid JSON: Expecting ',' delimiter\n"
    assert err == "voortgang: broken.json: 1 problem\n"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.json", None, "no such file"),
        # a folder is read for its records files (issue 16); this one has none
        ("folder", "dir", "a folder with no .json, .jsonl or .ndjson files in it"),
        ("binary.json", b"\x00\x9f\x92\x96", "not a JSON or JSON Lines file (binary content)"),
        ("latin.json", b'{"title": "\xe9"}', "not a JSON or JSON Lines file (not UTF-8 text)"),
    ],
)
def test_a_file_that_cannot_be_read_exits_2(
    files: Path, name: str, content: bytes | str | None, message: str
) -> None:
    if content == "dir":
        (files / name).mkdir()
    elif isinstance(content, bytes):
        (files / name).write_bytes(content)
    code, out, err = run("validate", name, "valid.json")
    assert (code, out) == (2, "")
    assert err == (
        f"voortgang: error: {name}: {message}\nvoortgang: valid.json: valid (1 report, 36 items)\n"
    )


def test_an_empty_file_is_a_problem(files: Path) -> None:
    (files / "empty.json").write_text("\n")
    assert run("validate", "-q", "empty.json") == (1, "empty.json: the file is empty\n", "")


def test_json_format_gives_the_problems_as_an_array(files: Path) -> None:
    code, out, err = run("validate", "--format", "json", "items.jsonl", "broken.json")
    problems = json.loads(out)
    assert code == 1
    assert problems[0] == {
        "source": "items.jsonl",
        "path": "$.track",
        "message": "Input should be a valid integer, unable to parse string as an integer "
        "(got 'een')",
        "type": "int_parsing",
        "line": 3,
        "column": None,
    }
    assert problems[-1]["path"] is None
    assert problems[-1]["type"] == "json_invalid"
    assert err == "voortgang: items.jsonl: 2 problems\nvoortgang: broken.json: 1 problem\n"


def test_stdin(files: Path) -> None:
    code, _, err = run("validate", "-", input=(files / "valid.json").read_bytes())
    assert (code, err) == (0, "voortgang: <stdin>: valid (1 report, 36 items)\n")


def test_what_parse_and_convert_write_is_valid(tmp_path: Path) -> None:
    outputs = [tmp_path / name for name in ("a.json", "a.jsonl", "b.json", "c.json")]
    run("parse", str(TEXT_SAMPLE), "-o", str(outputs[0]))
    run("convert", str(outputs[0]), "-o", str(outputs[1]))
    run("parse", str(TEXT_SAMPLE), str(TEXT_SAMPLE), "-o", str(outputs[2]))
    run("convert", str(TEXT_SAMPLE), "-o", str(tmp_path / "a.html"))
    run("convert", str(tmp_path / "a.html"), "-o", str(outputs[3]))
    code, out, err = run("validate", *map(str, outputs))
    assert (code, out) == (0, "")
    assert err.count("valid (") == 4
    assert f"{outputs[2]}: valid (2 reports, 72 items)" in err


def test_text_output_matches_its_snapshot(files: Path) -> None:
    names = ("valid.json", "mutated.json", "versions.json", "items.jsonl", "broken.jsonl")
    code, out, _ = run("validate", *names, "broken.json")
    assert code == 1
    if os.environ.get("VOORTGANG_UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(out, encoding="utf-8")
    assert out == SNAPSHOT.read_text(encoding="utf-8")


def test_records_written_before_the_reading_field_are_valid(files: Path) -> None:
    """``reading`` came with schema version 1 already out: records without it stay valid."""
    assert "reading" not in golden()
    assert run("validate", "valid.json")[0] == 0
    report = golden() | {"reading": {"header_pages": [1, 2]}}
    assert run("validate", str(write_json(files / "read.json", report)))[0] == 0
