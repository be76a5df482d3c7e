"""The command line as scripts and people use it."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

import voortgang
from voortgang import cli

from conftest import HTML_SAMPLE, TEXT_SAMPLE


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_json_when_piped() -> None:
    code, out, err = run("parse", str(TEXT_SAMPLE))
    report = json.loads(out)
    assert (code, err) == (0, "")
    assert report["schema_version"] == "1"
    assert len(report["items"]) == 36


def test_several_files_give_an_array() -> None:
    code, out, _ = run("parse", str(TEXT_SAMPLE), str(HTML_SAMPLE), "--format", "json")
    assert code == 0
    assert [r["source"]["format"] for r in json.loads(out)] == ["text", "html"]


def test_jsonl_has_one_item_per_line_with_its_source() -> None:
    code, out, _ = run("parse", str(TEXT_SAMPLE), str(HTML_SAMPLE), "--format", "jsonl")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert len(lines) == 72
    assert {line["source"] for line in lines} == {str(TEXT_SAMPLE), str(HTML_SAMPLE)}
    assert lines[0]["number"] == "1.0"


def test_markdown_shows_the_table() -> None:
    code, out, _ = run("parse", str(TEXT_SAMPLE), "--format", "markdown")
    assert code == 0
    assert "## Spoor 2: Nationale aanpak" in out
    assert "| 2.3.1 | Traject weerwoord | Begin 2010 | BZK |" in out


def test_table_on_a_non_terminal_is_plain_text() -> None:
    code, out, _ = run("parse", str(TEXT_SAMPLE), "--format", "table")
    assert code == 0
    assert "Spoor 3: Internationale samenwerking" in out
    assert "\x1b[" not in out


def test_stdin() -> None:
    code, out, _ = run("parse", "-", input=TEXT_SAMPLE.read_bytes())
    assert code == 0
    assert json.loads(out)["source"]["path"] == "<stdin>"


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "items.jsonl"
    code, out, err = run("parse", str(TEXT_SAMPLE), "-o", str(target))
    assert (code, out) == (0, "")
    assert "wrote 36 items" in err
    assert len(target.read_text(encoding="utf-8").splitlines()) == 36
    assert run("-q", "parse", str(TEXT_SAMPLE), "-o", str(target))[2] == ""


def test_failed_input_leaves_the_output_file_alone(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")
    code, _, _ = run("parse", str(tmp_path / "missing.pdf"), "-o", str(target))
    assert code == 2
    assert target.read_text() == "old"
    assert list(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "the file is empty"),
        (b"\x00\x9f\x92\x96 random", "binary content"),
        (b"<html><body><p>Geen tabel</p></body></html>", "no table with a title and status column"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "report.html"
    if content is not None:
        path.write_bytes(content)
    code, out, err = run("parse", str(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"voortgang: error: {path}: ")
    assert err.count("\n") == 1
    assert message in err


def test_a_folder_without_report_files_is_bad_input(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("geen rapport")
    code, _, err = run("parse", str(tmp_path))
    assert code == 2
    assert err == (
        f"voortgang: error: {tmp_path}: "
        "a folder with no .pdf, .docx, .html, .htm or .txt files in it\n"
    )


def test_several_files_give_an_array_even_when_one_fails(tmp_path: Path) -> None:
    code, out, _ = run("parse", str(TEXT_SAMPLE), str(tmp_path / "missing.txt"), "-f", "json")
    assert code == 1
    assert [report["source"]["format"] for report in json.loads(out)] == ["text"]


def test_quiet_and_verbose_go_before_or_after_the_command(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    assert run("parse", str(TEXT_SAMPLE), "-o", str(target), "-q")[2] == ""
    assert run("-q", "parse", str(TEXT_SAMPLE), "-o", str(target))[2] == ""
    assert "wrote 36 items" in run("parse", str(TEXT_SAMPLE), "-o", str(target))[2]


def test_an_output_file_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "out.json"
    code, out, err = run("parse", str(TEXT_SAMPLE), "-o", str(target))
    assert (code, out) == (2, "")
    assert err.startswith(f"voortgang: error: {target}: cannot write here")
    assert err.count("\n") == 1


def test_an_output_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        run("parse", str(TEXT_SAMPLE), "-o", str(tmp_path / "new.json"))
        kept = tmp_path / "kept.json"
        kept.write_text("{}")
        kept.chmod(0o640)
        run("parse", str(TEXT_SAMPLE), "-o", str(kept))
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o644
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640


def test_no_color_gives_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli.terminal().color_system is None
    monkeypatch.delenv("NO_COLOR")
    assert cli.terminal(force_terminal=True).color_system is not None


def test_one_bad_file_of_several_exits_1_and_prints_the_rest(tmp_path: Path) -> None:
    code, out, err = run(
        "parse", str(TEXT_SAMPLE), str(tmp_path / "missing.txt"), "--format", "jsonl"
    )
    assert code == 1
    assert len(out.splitlines()) == 36
    assert err.count("\n") == 1


def test_an_internal_error_hides_its_traceback_unless_verbose(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(voortgang, "parse", broken)
    code, _, err = run("parse", str(TEXT_SAMPLE))
    assert code == 2
    assert "Traceback" not in err
    assert "internal error: RuntimeError('boom') (run with -v for the traceback)" in err
    code, _, err = run("-v", "parse", str(TEXT_SAMPLE))
    assert "Traceback" in err


def test_schema_names_the_contract_fields() -> None:
    code, out, _ = run("schema")
    schema = json.loads(out)
    assert code == 0
    assert set(schema["properties"]) == {
        "schema_version", "title", "plan", "date", "source", "tracks", "items", "reading",
        "columns",
    }  # fmt: skip
    reading = set(schema["$defs"]["Reading"]["properties"])
    assert reading == {"header_pages", "split_rows", "doubtful_joins"}
    assert set(schema["$defs"]["Item"]["properties"]) == {
        "number", "track", "title", "italic", "deadline", "lead", "lead_text", "status",
        "sub_items", "references", "pages", "extra",
    }  # fmt: skip
    # Every field parse writes is required, schema_version too: what validate asks for.
    assert set(schema["required"]) == set(schema["properties"])
    assert set(schema["$defs"]["Item"]["required"]) == set(schema["$defs"]["Item"]["properties"])


def test_a_closed_pipe_ends_quietly() -> None:
    command = f"{sys.executable} -m voortgang parse {TEXT_SAMPLE} --format jsonl | head -n 1"
    done = subprocess.run(command, shell=True, capture_output=True, text=True, check=True)
    assert done.stdout.count("\n") == 1
    assert done.stderr == ""


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("out.json", "json"),
        ("out.JSON", "json"),
        ("out.jsonl", "jsonl"),
        ("out.ndjson", "jsonl"),
        ("out.md", "markdown"),
        ("out.markdown", "markdown"),
        ("out.txt", "json"),
        ("out", "json"),
    ],
)
def test_the_output_suffix_picks_the_format(tmp_path: Path, name: str, kind: str) -> None:
    target = tmp_path / name
    code, out, err = run("parse", str(TEXT_SAMPLE), "-o", str(target))
    text = target.read_text(encoding="utf-8")
    assert (code, out) == (0, "")
    assert err == f"voortgang: wrote 36 items to {target} as {kind}\n"
    if kind == "json":
        assert json.loads(text)["schema_version"] == "1"
    elif kind == "jsonl":
        assert [json.loads(line)["number"] for line in text.splitlines()][:2] == ["1.0", "1.1"]
    else:
        assert "| 2.3.1 | Traject weerwoord | Begin 2010 | BZK |" in text


def test_format_wins_over_the_suffix(tmp_path: Path) -> None:
    target = tmp_path / "out.markdown"
    assert run("parse", str(TEXT_SAMPLE), "-o", str(target), "-f", "jsonl")[0] == 0
    assert len(target.read_text(encoding="utf-8").splitlines()) == 36


@pytest.fixture
def no_renames(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail instead of creating a temporary file or renaming one: in-place targets (devices,
    FIFOs) must never be replaced, and a test that breaks that must not replace /dev/null."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"no temporary file or rename expected: {args}")

    monkeypatch.setattr(os, "replace", refuse)
    monkeypatch.setattr(os, "rename", refuse)
    monkeypatch.setattr(Path, "replace", refuse)
    monkeypatch.setattr(Path, "rename", refuse)
    monkeypatch.setattr("tempfile.mkstemp", refuse)


@pytest.mark.usefixtures("no_renames")
def test_a_character_device_is_written_in_place(tmp_path: Path) -> None:
    link = tmp_path / "null.json"
    link.symlink_to("/dev/null")
    for target in ("/dev/null", str(link)):
        code, out, err = run("parse", str(TEXT_SAMPLE), "-o", target)
        assert (code, out) == (0, "")
        assert err == f"voortgang: wrote 36 items to {target} as json\n"
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)
    assert link.is_symlink()


@pytest.mark.usefixtures("no_renames")
def test_a_fifo_is_written_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "items.jsonl"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, out, _ = run("parse", str(TEXT_SAMPLE), "-o", str(fifo))
    reader.join(timeout=10)
    if reader.is_alive():  # nothing opened the FIFO for writing: let the reader go
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert (code, out) == (0, "")
    assert len(received[0].decode("utf-8").splitlines()) == 36
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert list(tmp_path.iterdir()) == [fifo]


def test_dev_stdout_goes_on_where_the_stream_is(tmp_path: Path) -> None:
    """-o /dev/stdout with standard output redirected to a file: the output follows what the
    shell wrote before, as if written to the stream, and the file is not replaced."""
    result = tmp_path / "all.txt"
    command = (
        f"{{ echo before; {sys.executable} -m voortgang parse {TEXT_SAMPLE} -o /dev/stdout "
        f"-f jsonl; echo after; }} > {result}"
    )
    subprocess.run(command, shell=True, check=True, env={**os.environ, "PYTHONPATH": "src"})
    lines = result.read_text(encoding="utf-8").splitlines()
    assert (lines[0], lines[-1], len(lines)) == ("before", "after", 38)
    assert json.loads(lines[1])["number"] == "1.0"
    piped = subprocess.run(
        f"{sys.executable} -m voortgang parse {TEXT_SAMPLE} -o /dev/stdout | wc -c",
        shell=True,
        capture_output=True,
        text=True,
        check=True,
    )
    assert int(piped.stdout) > 50_000


def test_a_directory_as_output_is_one_line_before_reading(tmp_path: Path) -> None:
    code, out, err = run("parse", str(tmp_path / "missing.txt"), "-o", str(tmp_path))
    assert (code, out) == (2, "")
    assert err == f"voortgang: error: {tmp_path}: is a directory\n"
    assert list(tmp_path.iterdir()) == []
