"""voortgang convert, and the formats parse shares with it."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from voortgang import cli
from voortgang.model.records import Report

from conftest import HTML_SAMPLE, TEXT_SAMPLE

FORMATS = ("json", "jsonl", "csv", "md", "html")
SUFFIXES = {"json": ".json", "jsonl": ".jsonl", "csv": ".csv", "md": ".md", "html": ".html"}


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's records JSON, as parse writes it."""
    path = tmp_path_factory.mktemp("records") / "records.json"
    assert run("parse", str(TEXT_SAMPLE), "-o", str(path))[0] == 0
    return path


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_reads_the_same_from_the_report_and_from_its_records(
    tmp_path: Path, records: Path, fmt: str
) -> None:
    from_report = tmp_path / f"report{SUFFIXES[fmt]}"
    from_records = tmp_path / f"records{SUFFIXES[fmt]}"
    code, out, err = run("convert", str(TEXT_SAMPLE), "-o", str(from_report))
    assert (code, out) == (0, "")
    name = "markdown" if fmt == "md" else fmt
    assert err == f"voortgang: wrote 36 items to {from_report} as {name}\n"
    assert run("convert", str(records), "-o", str(from_records))[0] == 0
    assert from_records.read_bytes() == from_report.read_bytes()


def test_json_is_the_records_parse_writes(tmp_path: Path, records: Path) -> None:
    target = tmp_path / "out.json"
    run("convert", str(TEXT_SAMPLE), "-o", str(target))
    assert target.read_bytes() == records.read_bytes()


def test_jsonl_has_an_item_per_line(records: Path) -> None:
    code, out, _ = run("convert", str(records), "--to", "jsonl")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [line["number"] for line in lines] == [
        item["number"] for item in json.loads(records.read_text(encoding="utf-8"))["items"]
    ]
    assert {line["source"] for line in lines} == {str(TEXT_SAMPLE)}


def test_csv_reads_back_with_dictreader(records: Path) -> None:
    report = Report.model_validate_json(records.read_text(encoding="utf-8"))
    code, out, _ = run("convert", str(records), "--to", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert [row["number"] for row in rows] == [item.number for item in report.items]
    code, out, _ = run("convert", str(records), "--to", "csv", "--explode")
    exploded = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert len(exploded) == sum(max(1, len(item.sub_items)) for item in report.items)
    for item in report.items:
        labels = [row["sub_item_label"] for row in exploded if row["number"] == item.number]
        assert labels == ([sub.label for sub in item.sub_items] or [""]), item.number


def test_markdown_and_html_show_the_tables(records: Path) -> None:
    report = Report.model_validate_json(records.read_text(encoding="utf-8"))
    markdown = run("convert", str(records), "--to", "md")[1]
    html = run("convert", str(records), "--to", "html")[1]
    for track in report.tracks:
        assert f"## Spoor {track.number}: {track.title}\n" in markdown
        assert f"<h2>Spoor {track.number}: {track.title}</h2>" in html
    assert markdown.startswith(f"# {report.title} – {report.plan} – {report.date}\n")
    assert html.count("<table>") == len(report.tracks)


def test_html_reads_back_to_the_same_items(tmp_path: Path) -> None:
    """The sample's text → convert → HTML → parse: the same items, field for field, but for
    pages: an HTML document has pages only where CSS breaks them, and convert writes none (a
    page of the original is no page of the HTML printed), so items read back with none."""
    html = tmp_path / "report.html"
    assert run("convert", str(TEXT_SAMPLE), "-o", str(html))[0] == 0
    original = json.loads(run("parse", str(TEXT_SAMPLE), "-f", "json")[1])
    back = json.loads(run("parse", str(html), "-f", "json")[1])
    assert back["source"]["format"] == "html"
    assert {key: back[key] for key in ("title", "plan", "date", "tracks")} == {
        key: original[key] for key in ("title", "plan", "date", "tracks")
    }
    assert len(back["items"]) == len(original["items"]) == 36
    for read, expected in zip(back["items"], original["items"], strict=True):
        assert read["pages"] == []
        assert read | {"pages": expected["pages"]} == expected, expected["number"]


def test_jsonl_is_regrouped_into_a_report_per_source(tmp_path: Path) -> None:
    lines = tmp_path / "items.jsonl"
    both = tmp_path / "both.json"
    run("parse", str(TEXT_SAMPLE), str(HTML_SAMPLE), "-o", str(lines))
    run("parse", str(TEXT_SAMPLE), str(HTML_SAMPLE), "-o", str(both))
    for fmt in ("jsonl", "csv"):
        assert (
            run("convert", str(lines), "--to", fmt)[1] == run("convert", str(both), "--to", fmt)[1]
        )
    markdown = run("convert", str(lines), "--to", "md")[1]
    assert markdown.count("\n# ") + markdown.startswith("# ") == 2
    assert f"# {TEXT_SAMPLE}\n" in markdown  # a line keeps no report title: the path stands in
    code, out, err = run("convert", str(lines), "--to", "json")
    assert (code, out) == (2, "")
    assert err.startswith(f"voortgang: error: {lines}: JSON Lines hold items without")


def test_stdin_and_stdout() -> None:
    code, out, _ = run("convert", "-", "--to", "csv", input=TEXT_SAMPLE.read_bytes())
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert {row["source"] for row in rows} == {"<stdin>"}


def test_to_wins_over_the_suffix(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    code, _, err = run("convert", str(TEXT_SAMPLE), "-o", str(target), "--to", "csv")
    assert code == 0
    assert err.endswith("as csv\n")
    assert target.read_text(encoding="utf-8").startswith("source,number,")


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("a.JSON", "json"), ("a.ndjson", "jsonl"), ("a.markdown", "markdown"), ("a.htm", "html")],
)
def test_the_suffix_picks_the_format(tmp_path: Path, name: str, fmt: str) -> None:
    code, _, err = run("convert", str(TEXT_SAMPLE), "-o", str(tmp_path / name))
    assert (code, err.endswith(f"as {fmt}\n")) == (0, True)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "without -o, convert writes to stdout and needs --to json|jsonl|csv|md|html"),
        (("-o", "TMP/out.txt"), "TMP/out.txt: the suffix .txt names no format: end OUT in "
         ".json, .jsonl, .ndjson, .csv, .md, .markdown, .html, .htm, or pass --to "
         "json|jsonl|csv|md|html"),
        (("-o", "TMP/out"), "TMP/out: the suffix (none) names no format"),
        (("--to", "md", "--explode"), "--explode makes CSV rows; it goes with csv only"),
        (("-o", "TMP/out.html", "--explode"), "--explode makes CSV rows; it goes with csv only"),
    ],
)  # fmt: skip
def test_usage_errors_are_one_line_and_exit_2(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    args = tuple(arg.replace("TMP", str(tmp_path)) for arg in args)
    code, out, err = run("convert", str(TEXT_SAMPLE), *args)
    assert (code, out) == (2, "")
    assert err.startswith(f"voortgang: error: {message.replace('TMP', str(tmp_path))}")
    assert err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_bad_input_leaves_the_output_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_bytes(b"old,content\r\n")
    bad = tmp_path / "notes.html"
    bad.write_text("<html><body><p>Geen tabel</p></body></html>")
    for source in (bad, tmp_path / "missing.pdf"):
        code, out, err = run("convert", str(source), "-o", str(target))
        assert (code, out) == (2, "")
        assert err.startswith(f"voortgang: error: {source}: ")
    assert target.read_bytes() == b"old,content\r\n"
    assert sorted(tmp_path.iterdir()) == [bad, target]


def test_a_failed_write_leaves_the_output_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up halfway through the temporary file: the old file stays, byte for
    byte, and the temporary file is gone."""
    target = tmp_path / "out.html"
    target.write_bytes(b"<p>old</p>")
    real_fdopen = os.fdopen

    class FullDisk(io.TextIOWrapper):
        def write(self, text: str) -> int:
            super().write(text[: len(text) // 2])
            self.flush()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def fdopen(handle: int, *args: object, **kwargs: object) -> io.TextIOWrapper:
        return FullDisk(real_fdopen(handle, "wb"), encoding="utf-8")

    monkeypatch.setattr("voortgang.files.os.fdopen", fdopen)
    code, out, err = run("convert", str(TEXT_SAMPLE), "-o", str(target))
    assert (code, out) == (2, "")
    assert err == f"voortgang: error: {target}: cannot write (No space left on device)\n"
    assert target.read_bytes() == b"<p>old</p>"
    assert list(tmp_path.iterdir()) == [target]


def test_an_unwritable_target_leaves_the_output_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rename into place fails (a read-only directory, for a user other than root)."""
    target = tmp_path / "out.json"
    target.write_bytes(b"{}")

    def refuse(self: Path, other: Path) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(Path, "replace", refuse)
    code, _, err = run("convert", str(TEXT_SAMPLE), "-o", str(target))
    assert code == 2
    assert err == f"voortgang: error: {target}: cannot write (Permission denied)\n"
    assert target.read_bytes() == b"{}"
    assert list(tmp_path.iterdir()) == [target]


def test_a_directory_as_output_is_refused_before_reading(tmp_path: Path) -> None:
    code, _, err = run("convert", str(tmp_path / "missing.txt"), "-o", str(tmp_path), "--to", "csv")
    assert code == 2
    assert err == f"voortgang: error: {tmp_path}: is a directory\n"


@pytest.mark.parametrize(
    ("name", "start"), [("out.csv", "source,number,"), ("out.html", "<!doctype html>")]
)
def test_parse_writes_csv_and_html_by_suffix_or_format(
    tmp_path: Path, name: str, start: str
) -> None:
    target = tmp_path / name
    code, _, err = run("parse", str(TEXT_SAMPLE), "-o", str(target))
    assert code == 0
    assert err.endswith(f"as {name.split('.')[1]}\n")
    assert target.read_text(encoding="utf-8").startswith(start)
    fmt = name.split(".")[1]
    assert run("parse", str(TEXT_SAMPLE), "-f", fmt)[1] == target.read_text(encoding="utf-8")
