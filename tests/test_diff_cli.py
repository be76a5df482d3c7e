"""``voortgang diff`` on the command line, and its renderers: formats, exit codes as
diff(1)'s, inputs of any format, bad input.

The snapshots ``tests/snapshots/diff.txt`` and ``diff.md`` (the sample against its edited
second edition) were checked by hand against the edits listed in test_diff_editions.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

import voortgang
from voortgang import cli
from voortgang.diff import WordRun
from voortgang.export.diff import diff_markdown, in_context, print_diff
from voortgang.export.json import items_jsonl
from voortgang.model.diff import Diff

from conftest import HTML_SAMPLE, SAMPLES, TEXT_SAMPLE

EDITED = SAMPLES / "voortgangsrapportage-2010-edited.txt"
SNAPSHOTS = Path(__file__).parent / "snapshots"


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(autouse=True)
def _relative_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SAMPLES.parent)


OLD, NEW = "samples/voortgangsrapportage-2009.txt", "samples/voortgangsrapportage-2010-edited.txt"


def test_two_editions_as_plain_text_exit_1(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    code, out, err = run("diff", OLD, NEW, "--format", "text")
    assert (code, err) == (1, "")
    assert out == (SNAPSHOTS / "diff.txt").read_text(encoding="utf-8")
    assert out.splitlines()[1] == "1 added, 1 removed, 1 renumbered, 6 changed"


def test_markdown_for_a_memo() -> None:
    code, out, err = run("diff", OLD, NEW, "--format", "md")
    assert code == 1
    assert out == (SNAPSHOTS / "diff.md").read_text(encoding="utf-8")
    assert err == "voortgang: 1 added, 1 removed, 1 renumbered, 6 changed\n"


def test_json_is_the_default_when_piped_and_is_the_diff_model() -> None:
    code, out, _ = run("diff", OLD, NEW)
    assert code == 1
    found = Diff.model_validate_json(out)
    assert found == voortgang.diff(voortgang.parse(OLD), voortgang.parse(NEW))
    loaded = json.loads(out)
    assert list(loaded)[:3] == ["schema_version", "old", "new"]
    assert loaded["renumbered"] == [
        {"old": "2.3.0", "new": "2.3", "track": 2, "title": loaded["renumbered"][0]["title"]}
    ]
    assert loaded["changed"][1]["fields"] == {"deadline": {"old": "november", "new": "Begin 2011"}}


def test_an_edition_against_another_rendition_of_itself_exits_0() -> None:
    code, out, err = run("diff", OLD, "samples/voortgangsrapportage-2009-landscape-ruled.pdf")
    assert code == 0
    loaded = json.loads(out)
    assert (loaded["added"], loaded["removed"], loaded["renumbered"], loaded["changed"]) == (
        [],
        [],
        [],
        [],
    )
    assert err == "voortgang: no differences\n"


def test_records_json_against_html(tmp_path: Path) -> None:
    records = tmp_path / "2009.json"
    records.write_text(voortgang.parse(TEXT_SAMPLE).model_dump_json(), encoding="utf-8")
    assert run("diff", str(records), str(HTML_SAMPLE))[0] == 0
    assert run("diff", str(records), NEW, "-q")[0] == 1


def test_fields_limit_the_changes_counted() -> None:
    code, out, _ = run("diff", OLD, NEW, "--fields", "deadline, lead")
    loaded = json.loads(out)
    assert code == 1
    assert loaded["fields"] == ["deadline", "lead"]
    assert [c["number"] for c in loaded["changed"]] == ["1.3", "1.5", "2.5"]
    assert len(loaded["added"]) == len(loaded["removed"]) == 1


def test_an_unknown_field_is_a_usage_error() -> None:
    code, out, err = run("diff", OLD, NEW, "--fields", "status,colour")
    assert (code, out) == (2, "")
    assert "no such field: colour" in err


def test_one_edition_from_standard_input() -> None:
    code, out, _ = run("diff", "-", NEW, "-f", "json", input=TEXT_SAMPLE.read_bytes())
    assert code == 1
    assert json.loads(out)["old"]["path"] == "<stdin>"
    code, out, err = run("diff", "-", "-", input=TEXT_SAMPLE.read_bytes())
    assert (code, out) == (2, "")
    assert err == "voortgang: error: standard input can be only one of the two editions\n"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "no such file"),
        (b"", "the file is empty"),
        (
            b"\x00\x01\x02binary",
            "not a PDF, Word (DOCX), HTML or text rendition of a report (binary content)",
        ),
        (b"[]", "holds 0 reports; diff compares one with one"),
        (b"jsonl", "JSON Lines hold items without their report's source and tracks"),
    ],
)
def test_an_input_that_is_no_report_is_one_line_and_exit_2(
    tmp_path: Path, content: bytes | None, problem: str
) -> None:
    path = tmp_path / "bad.json"
    if content == b"jsonl":  # what parse --format jsonl writes
        content = items_jsonl([voortgang.parse(TEXT_SAMPLE)]).encode()
    if content is not None:
        path.write_bytes(content)
    code, out, err = run("diff", OLD, str(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"voortgang: error: {path}: {problem}")
    assert err.count("\n") == 1 and "Traceback" not in err


def test_a_reading_that_cannot_be_right_is_warned_about_and_exits_1(tmp_path: Path) -> None:
    misread = tmp_path / "misread.txt"
    text = TEXT_SAMPLE.read_text(encoding="utf-8").replace("\n1.3\t", "\nPagina 3 van 15\t")
    misread.write_text(text, encoding="utf-8")
    code, out, err = run("diff", str(misread), str(misread), "-f", "json")
    assert code == 1
    assert json.loads(out)["changed"] == []
    assert err.count("[VG501]") == 2  # each edition's warning
    code, _, err = run("diff", str(misread), str(misread), "-f", "json", "-q")
    assert (code, err) == (1, "")


def test_quiet_leaves_out_the_header_and_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    _, out, _ = run("diff", OLD, NEW, "-f", "text", "-q")
    assert out == "".join((SNAPSHOTS / "diff.txt").read_text(encoding="utf-8").splitlines(True)[3:])


def test_schema_diff_prints_the_diffs_schema_and_schema_still_the_reports() -> None:
    code, out, _ = run("schema", "diff")
    assert code == 0
    schema = json.loads(out)
    assert schema["title"] == "Diff"
    assert set(schema["required"]) >= {"schema_version", "old", "new", "added", "removed"}
    assert json.loads(run("schema")[1]) == voortgang.Report.model_json_schema(mode="serialization")


def test_colour_strikes_removed_words_through_without_plain_marks() -> None:
    found = voortgang.diff(voortgang.parse(OLD), voortgang.parse(NEW))
    buffer = io.StringIO()
    print_diff(found, Console(file=buffer, force_terminal=True, color_system="standard", width=200))
    shown = buffer.getvalue()
    assert "\x1b[9" in shown or ";9m" in shown  # strike-through
    assert "[-" not in shown and "{+" not in shown


def test_unchanged_words_are_cut_to_their_context() -> None:
    words = " ".join(f"w{n}" for n in range(30))
    runs = [WordRun("same", words), WordRun("added", "nieuw"), WordRun("same", words)]
    cut = in_context(runs, context=3)
    assert cut == [
        WordRun("same", "… w27 w28 w29"),
        WordRun("added", "nieuw"),
        WordRun("same", "w0 w1 w2 …"),
    ]
    short = [WordRun("removed", "a"), WordRun("same", "b c d e f g"), WordRun("added", "h")]
    assert in_context(short, context=3) == short


def test_markdown_escapes_markup_and_a_numeric_label() -> None:
    old = voortgang.parse(TEXT_SAMPLE)
    new = old.model_copy(deep=True)
    item = next(i for i in new.items if i.number == "1.2")
    item.sub_items[0].text += " *nu* met_streep"
    shown = diff_markdown(voortgang.diff(old, new))
    assert (
        "    - 1\\. Stimuleren overnemen goedlopende projecten **\\*nu\\* met\\_streep**" in shown
    )


def test_control_and_escape_characters_are_written_out_for_a_terminal(tmp_path: Path) -> None:
    """A cell's escape sequence (a window title, a screen clear) reaches the terminal as
    text, coloured or not, as in every other command's output for people."""
    header = "# T\n\nSPOOR 1: A\n\tResultaat\tDeadline\tTrekker\tStand van zaken\n"
    old = tmp_path / "old.txt"
    new = tmp_path / "new.txt"
    old.write_text(header + "1.1\tBuurt\x1b]0;PWNED\x07aanpak\t\tBZK\tLoopt \x1b[2J rood.\n")
    new.write_text(header + "1.1\tBuurtaanpak\t\tBZK\tLoopt.\n")
    edition = [voortgang.parse(old), voortgang.parse(new)]
    for colour in (True, False):
        out = io.StringIO()
        console = Console(file=out, force_terminal=colour, no_color=not colour, width=200)
        print_diff(voortgang.diff(*edition), console)
        shown = out.getvalue()
        assert "\\x1b]0;PWNED\\x07" in shown and "\\x1b[2J" in shown
        assert "\x07" not in shown and "\x1b]" not in shown and "\x1b[2J" not in shown
