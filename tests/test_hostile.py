"""Hostile and odd input (issue 15): no silent corruption, one clear line and exit 2 for what
cannot be read, a terminal that only ever shows text."""

from __future__ import annotations

import cProfile
import ctypes
import io
import json
import os
import pstats
import re
import signal
import subprocess
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import pdfminer.pdftypes
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.pdfgen.canvas import Canvas

from voortgang import cli, parse_bytes
from voortgang.batch import DIED, Failure, TimedOut, deadline, ordered_map
from voortgang.checks.common import number_parts
from voortgang.checks.references import (
    SUGGESTIONS,
    NearestNumbers,
    _digits_near,
    references,
)
from voortgang.errors import InputError
from voortgang.inputs import Input, ReadOptions, parse_input
from voortgang.model.records import Report
from voortgang.parse.html import read_html
from voortgang.parse.pdf import ENGINES, Engine, PdfSettings
from voortgang.parse.pdf.limits import inflation_bounded
from voortgang.parse.text import read_text, rows_of
from voortgang.terminal import visible

from conftest import SAMPLES, TEXT_SAMPLE
from small_reports import page, row

# -- the text rendition: rows end at \n, \r\n and \r only ----------------------------------

CELL_SEPARATORS = ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("separator", CELL_SEPARATORS, ids=repr)
def test_a_line_separator_inside_a_cell_is_whitespace_not_a_new_row(separator: str) -> None:
    text = TEXT_SAMPLE.read_text(encoding="utf-8")
    plain = parse_bytes(text.encode(), "plain.txt")
    title = plain.items[0].title
    first, _, rest = title.partition(" ")
    assert rest, "the first item's title has two words to put the separator between"
    odd = text.replace(title, f"{first}{separator}{rest}", 1)
    assert odd != text
    read = parse_bytes(odd.encode(), "odd.txt")
    assert [item.number for item in read.items] == [item.number for item in plain.items]
    assert read.items[0] == plain.items[0]


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"], ids=repr)
def test_rows_end_at_each_kind_of_line_end(ending: str) -> None:
    text = TEXT_SAMPLE.read_text(encoding="utf-8")
    plain = list(read_text(text.encode()))
    other = ending.join(text.split("\n"))
    assert list(read_text(other.encode())) == plain


def test_rows_of_splits_at_line_ends_only() -> None:
    assert list(rows_of("a\x0bb\r\nc\rd\ne\u2028f\x85g")) == ["a\x0bb", "c", "d", "e\u2028f\x85g"]
    assert list(rows_of("a\n\nb\n")) == ["a", "", "b"]
    assert list(rows_of("")) == []


# -- HTML: numeric attributes read as browsers read them; nesting in linear work -----------

HEADER_ROW = (
    "<tr><th></th><th>Resultaat</th><th>Deadline</th><th>Trekker</th><th>Stand van zaken</th></tr>"
)


def one_item_html(result: str, depth: int = 0, number: str = "<td>1.0</td>") -> bytes:
    """A report of one item whose Resultaat cell holds ``result``, the table inside ``depth``
    nested ``<div>``s."""
    row = f"<tr>{number}<td>{result}</td><td>2010</td><td>BZK</td><td>Loopt</td></tr>"
    table = f"<table>{HEADER_ROW}{row}</table>"
    return f"<html><body>{'<div>' * depth}{table}{'</div>' * depth}</body></html>".encode()


def labels(result: str) -> list[str]:
    """The markers the reader gives the items of ``<ol`` + ``result`` + ``</ol>``."""
    (page,) = read_html(f"<table><tr><td><ol{result}</ol></td></tr></table>".encode())
    return [line.split(".")[0] for line in page.rows[0].cells[0].text.split("\n")]


@pytest.mark.parametrize(
    ("attributes", "expected"),
    [
        ('><li value="x1">a</li><li>b</li>', ["1", "2"]),  # no number: ignored
        (' start="abc"><li>a</li><li>b</li>', ["1", "2"]),
        (' start="' + "9" * 5000 + '"><li>a</li><li>b</li>', ["1", "2"]),  # past 32 bits
        (' start=" 3x"><li>a</li><li>b</li>', ["3", "4"]),  # the digits a browser reads
        (' start="+4"><li>a</li><li>b</li>', ["4", "5"]),
        ('><li>a</li><li value="7">b</li><li>c</li>', ["1", "7", "8"]),  # counts on from 7
        ('><li value="' + "1" * 5000 + '">a</li><li>b</li>', ["1", "2"]),
    ],
)
def test_list_numbers_read_leniently_as_browsers_do(attributes: str, expected: list[str]) -> None:
    assert labels(attributes) == expected


@pytest.mark.parametrize("span", ["abc", "x2", "9" * 5000, "-3", ""])
def test_a_span_without_a_usable_number_is_one_column(span: str) -> None:
    cells = f'<td colspan="{span}" rowspan="{span}">Titel</td>'
    row = f"<tr><td>1.0</td>{cells}<td>2010</td><td>BZK</td><td>Loopt</td></tr>"
    html = f"<table>{HEADER_ROW}{row}</table>".encode()
    (item,) = parse_bytes(html, "x.html").items
    assert (item.title, item.lead, item.status) == ("Titel", ["BZK"], "Loopt")


def calls(function: Callable[[], object]) -> int:
    """How many Python function calls ``function()`` makes: a measure of work that, unlike
    time, does not depend on the machine or its load."""
    profile = cProfile.Profile()
    profile.runcall(function)
    return int(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]


def test_nesting_depth_costs_linear_work() -> None:
    def reading(depth: int) -> Callable[[], object]:
        data = one_item_html("Titel", depth)
        return lambda: parse_bytes(data, "x.html")

    (item,) = parse_bytes(one_item_html("Titel", 3000), "x.html").items
    assert (item.number, item.title, item.status) == ("1.0", "Titel", "Loopt")
    small, large = calls(reading(500)), calls(reading(2000))
    # Four times as deep: about four times the work where it is linear, sixteen where each
    # container searched its subtree again (as it did).
    assert large < 6 * small


# -- the terminal: control and escape characters shown, never sent -------------------------

# A window title, a clipboard write, a screen clear, the C1 control sequence introducer, a
# bidirectional override; and rich markup, which a cell must never be read as.
HOSTILE = "\x1b]0;pwned\x07 \x1b]52;c;ZWNobyBoaQ==\x07 \x1b[2J \x9b31m \u202e [/] [bold]"
RAW = ("\x1b", "\x07", "\x9b", "\u202e")


def cli_run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_visible_writes_out_what_a_terminal_would_act_on() -> None:
    assert visible("a\x1b[2Jb\x07") == "a\\x1b[2Jb\\x07"
    assert visible("\x9b\x7f\x00") == "\\x9b\\x7f\\x00"
    assert visible("\u2028\u202e\u2066") == "\\u2028\\u202e\\u2066"
    assert visible("a\nb\tc", keep="\n") == "a\nb\\x09c"
    assert visible("Stand van zaken: 1.2 – ‘goed’ […] ë") == "Stand van zaken: 1.2 – ‘goed’ […] ë"


def test_every_control_character_is_written_out() -> None:
    for code in [*range(0x20), *range(0x7F, 0xA0)]:
        assert visible(chr(code)).startswith("\\x"), hex(code)


@pytest.fixture
def hostile_report(tmp_path: Path) -> Path:
    """A report whose cells and file name hold escape sequences and rich markup, with a broken
    reference so that check has something to say."""
    path = tmp_path / "rapport\x1b]0;pwned\x07.txt"
    rows = (row("1.1", result=f"Titel {HOSTILE}", lead="BZK", status=f"zie 1.7 {HOSTILE}"),)
    path.write_text(page(*rows, row("1.2", deadline=HOSTILE)), encoding="utf-8")
    return path


def test_the_table_view_shows_escapes_and_markup_as_text(hostile_report: Path) -> None:
    code, out, err = cli_run("parse", str(hostile_report), "--format", "table")
    assert not any(raw in out + err for raw in RAW)
    assert "\\x1b]0;pwned\\x07" in out  # the file name and the title, shown
    assert "[/]" in out  # a cell is text, not markup
    assert code in (0, 1)


def test_checks_text_output_shows_escapes(hostile_report: Path) -> None:
    code, out, err = cli_run("check", str(hostile_report))
    assert code == 1
    assert "VG101" in out
    assert "rapport\\x1b]0;pwned\\x07.txt" in out
    assert not any(raw in out + err for raw in RAW)


def test_error_lines_show_escapes(tmp_path: Path) -> None:
    missing = tmp_path / "weg\x1b[2J\x9b31m.pdf"
    for command in ("parse", "check", "validate", "convert"):
        extra = ["--to", "json"] if command == "convert" else []
        code, _, err = cli_run(command, str(missing), *extra)
        assert code == 2
        assert err == f"voortgang: error: {tmp_path}/weg\\x1b[2J\\x9b31m.pdf: no such file\n"


def test_validates_lines_show_escapes(tmp_path: Path) -> None:
    records = tmp_path / "r.json"
    records.write_text(json.dumps({"schema_version": "1", f"key{HOSTILE}": 1, "items": 3}))
    code, out, err = cli_run("validate", str(records))
    assert code == 1
    assert "key\\u001b]0;pwned" in out  # as JSON writes it in a path
    assert "\\x9b31m" in out  # what JSON leaves raw
    assert not any(raw in out + err for raw in RAW)


def test_data_formats_keep_their_text_in_a_pipe(hostile_report: Path) -> None:
    _, out, _ = cli_run("parse", str(hostile_report), "--format", "jsonl")
    assert json.loads(out.splitlines()[0])["title"] == f"Titel {HOSTILE}"


# -- standard output that cannot be written: one line, exit 2 -------------------------------

RECORDS_COMMANDS = {
    "parse": ["parse", str(TEXT_SAMPLE)],
    "parse jsonl": ["parse", str(TEXT_SAMPLE), "--format", "jsonl"],
    "parse table": ["parse", str(TEXT_SAMPLE), "--format", "table"],
    "convert": ["convert", str(TEXT_SAMPLE), "--to", "csv"],
    "check": ["check", str(TEXT_SAMPLE)],
    "check json": ["check", str(TEXT_SAMPLE), "--format", "json"],
    "schema": ["schema"],
    "version": ["--version"],
    "help": ["--help"],
}


def console_script(
    args: list[str], stdout: int | None, close_stdout: bool = False, buffered: bool = True
) -> subprocess.CompletedProcess[str]:
    """The command as the console script runs it, in its own process."""
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    if not buffered:
        environment["PYTHONUNBUFFERED"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "voortgang", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
        preexec_fn=(lambda: os.close(1)) if close_stdout else None,
        check=False,
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("buffered", [True, False], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize("command", RECORDS_COMMANDS)
def test_a_full_standard_output_is_one_line_and_exit_2(command: str, buffered: bool) -> None:
    with Path("/dev/full").open("w") as full:
        done = console_script(RECORDS_COMMANDS[command], full.fileno(), buffered=buffered)
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1:] == [
        "voortgang: error: cannot write to standard output (No space left on device)"
    ]
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("command", RECORDS_COMMANDS)
def test_a_closed_standard_output_is_one_line_and_exit_2(command: str) -> None:
    done = console_script(RECORDS_COMMANDS[command], None, close_stdout=True)
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1:] == [
        "voortgang: error: cannot write to standard output (Bad file descriptor)"
    ]


def test_a_closed_standard_output_is_no_matter_where_nothing_goes_to_it(tmp_path: Path) -> None:
    output = tmp_path / "out.json"
    done = console_script(["parse", str(TEXT_SAMPLE), "-o", str(output)], None, True)
    assert done.returncode == 0, done.stderr
    assert len(json.loads(output.read_text())["items"]) == 36


# -- batches survive a dead worker ------------------------------------------------------------
# Module-level functions, so that they reach the worker processes by pickle.


def dies_on_3(value: int) -> int:
    if value == 3:
        os._exit(1)
    return value * 10


def killed_once(item: tuple[Path, int]) -> int:
    """Item 2's worker is killed the first time it reads it, as by the OOM killer or a user."""
    marker, value = item
    if value == 2 and not marker.exists():
        marker.touch()
        os.kill(os.getpid(), signal.SIGKILL)
    return value


def dies_on_die(source: Input, options: ReadOptions) -> Report:
    """parse_input, but the worker dies on a file that says so."""
    if source.read() == b"die":
        os._exit(1)
    return parse_input(source, options)


@pytest.mark.parametrize("jobs", [2, 3])
def test_a_worker_that_dies_costs_its_own_item_only(jobs: int) -> None:
    outcomes = list(ordered_map(dies_on_3, list(range(1, 13)), jobs=jobs))
    expected = [value * 10 for value in range(1, 13)]
    expected[2] = Failure("3: not read: a worker process ended abruptly (killed?)")
    assert outcomes == expected


def test_an_item_whose_worker_was_killed_once_is_read_again(tmp_path: Path) -> None:
    items = [(tmp_path / "killed", value) for value in range(8)]
    outcomes = list(ordered_map(killed_once, items, jobs=2, name=lambda item: str(item[1])))
    assert (tmp_path / "killed").exists()  # the worker was killed
    assert outcomes == list(range(8))


def test_the_cli_batch_goes_on_past_a_dead_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for index in range(6):
        (folder / f"{index}.txt").write_bytes(TEXT_SAMPLE.read_bytes())
    (folder / "3.txt").write_bytes(b"die")
    monkeypatch.setattr("voortgang.cli.commands.parse.parse_input", dies_on_die)
    code, out, err = cli_run("parse", str(folder), "-j", "2", "--format", "json")
    assert code == 1
    assert err == f"voortgang: error: {folder / '3.txt'}: {DIED}\n"
    assert [report["source"]["path"] for report in json.loads(out)] == [
        str(folder / f"{index}.txt") for index in (0, 1, 2, 4, 5)
    ]


# -- files that cannot be read or written -----------------------------------------------------


def as_a_user() -> None:
    """In the child before it runs: without root's power to read and write any file (as
    root, dropped from the capability bounding set, which exec then applies), so that file
    permissions count as they do for a user. Nothing to do for a user."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def as_user(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "voortgang", *args],
        capture_output=True,
        text=True,
        preexec_fn=as_a_user,
        check=False,
    )


@pytest.fixture
def locked(tmp_path: Path) -> Path:
    """A file nobody may read or write (mode 000)."""
    path = tmp_path / "locked.txt"
    path.write_bytes(TEXT_SAMPLE.read_bytes())
    path.chmod(0)
    return path


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_an_unreadable_file_named_next_to_a_good_one_is_one_line(locked: Path) -> None:
    done = as_user("parse", str(locked), str(TEXT_SAMPLE), "--format", "jsonl")
    assert done.returncode == 1
    assert done.stderr == f"voortgang: error: {locked}: Permission denied\n"
    assert len(done.stdout.splitlines()) == 36  # the good file is read


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_o_refuses_a_file_the_user_cannot_write_as_a_redirect_does(locked: Path) -> None:
    locked.chmod(0o444)
    before = locked.read_bytes()
    done = as_user("parse", str(TEXT_SAMPLE), "-o", str(locked))
    assert done.returncode == 2
    assert done.stderr == f"voortgang: error: {locked}: cannot write (permission denied)\n"
    assert locked.read_bytes() == before
    assert sorted(path.name for path in locked.parent.iterdir()) == ["locked.txt"]


KILLED_DURING_WRITE = """
import os, signal, sys
from pathlib import Path
from voortgang import cli

def killed(self, mode):  # the temporary file is written: the user's kill comes now
    os.kill(os.getpid(), signal.SIGTERM)

Path.chmod = killed
sys.argv = ["voortgang", "parse", sys.argv[1], "-o", sys.argv[2]]
cli.run()
"""


def test_a_kill_during_a_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    output = tmp_path / "out.json"
    output.write_text("old")
    done = subprocess.run(
        [sys.executable, "-c", KILLED_DURING_WRITE, str(TEXT_SAMPLE), str(output)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 128 + signal.SIGTERM, done.stderr
    assert done.stderr == ""
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.json"]
    assert output.read_text() == "old"


# -- linear work: check's suggestions for broken references ------------------------------------


def nearest_by_sorting(number: str, numbers: list[str]) -> list[str]:
    """nearest_numbers as it was written first, sorting all numbers per look-up: the oracle."""
    parts = number_parts(number)
    if parts is None:
        return []
    near = _digits_near(number.replace(".", ""))
    slips = [n for n in numbers if n != number and n.replace(".", "") in near]
    readable = sorted((p, n) for n in numbers if (p := number_parts(n)) is not None)
    in_track = [(p, n) for p, n in readable if p[0] == parts[0]] or readable
    before = [n for p, n in in_track if p < parts][-1:]
    after = [n for p, n in in_track if p > parts][:1]
    return list(dict.fromkeys(slips + before + after))[:SUGGESTIONS]


ITEM_NUMBERS = st.lists(st.integers(0, 12), min_size=1, max_size=3).map(
    lambda parts: ".".join(map(str, parts))
)


@given(st.lists(ITEM_NUMBERS | st.sampled_from(["", "x", "1.a"]), max_size=40), ITEM_NUMBERS)
def test_the_index_suggests_what_sorting_suggests(numbers: list[str], missing: str) -> None:
    assert NearestNumbers(numbers)(missing) == nearest_by_sorting(missing, numbers)


def broken_references(count: int) -> Report:
    numbers = [f"{1 + index // 90}.{index % 90}" for index in range(count)]
    rows = [row(number, status=f"zie {number}.7") for number in numbers]
    return parse_bytes(page(*rows).encode(), "broken.txt")


def test_broken_references_cost_linear_work() -> None:
    small, large = broken_references(300), broken_references(1200)
    assert sum(1 for _ in references(large)) == 1200
    work_small = calls(lambda: list(references(small)))
    work_large = calls(lambda: list(references(large)))
    assert work_large < 6 * work_small  # four times the references; it was sixteen


# -- PDF limits: streams that inflate past what any report holds --------------------------------

MB = 1024 * 1024


def pdf_of(objects: list[bytes]) -> bytes:
    """A PDF of these objects (numbered from 1, the first the catalog) with a right xref."""
    out = bytearray(b"%PDF-1.5\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
    return bytes(out + trailer % (len(objects) + 1, xref))


def stream(data: bytes, attributes: bytes = b"") -> bytes:
    packed = zlib.compress(data, 9)
    head = b"<< /Length %d /Filter /FlateDecode %s>>\nstream\n" % (len(packed), attributes)
    return head + packed + b"\nendstream"


def page_objects(content: bytes) -> list[bytes]:
    """Catalog, pages, a page drawing ``content`` in Helvetica."""
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        stream(content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def inflating_page(megabytes: int) -> bytes:
    """A page whose content stream is a line of text and then ``megabytes`` of spaces: a
    few kilobytes of file that inflate as far as asked."""
    content = b"BT /F1 12 Tf 72 720 Td (Resultaat Deadline) Tj ET\n" + b" " * (megabytes * MB)
    return pdf_of(page_objects(content))


def test_a_content_stream_past_max_inflate_is_refused_there() -> None:
    data = inflating_page(8)
    assert len(data) < 64 * 1024  # the file is small; what it claims is not
    limits = PdfSettings(max_inflate=4 * MB)
    with pytest.raises(InputError) as refused:
        parse_bytes(data, "bomb.pdf", pdf_settings=limits)
    assert str(refused.value) == "page 1: a stream of the PDF inflates past 4 MB (--max-inflate)"


def test_the_streams_together_obey_max_inflate_total() -> None:
    limits = PdfSettings(max_inflate=4 * MB, max_inflate_total=2 * MB)
    with pytest.raises(InputError, match=r"together \(--max-inflate-total\)$"):
        parse_bytes(inflating_page(3), "bomb.pdf", pdf_settings=limits)


def test_inflation_stops_at_the_limit_and_only_where_one_is_in_force() -> None:
    data = zlib.compress(b" " * (64 * MB))
    with inflation_bounded(stream=MB, total=4 * MB), pytest.raises(InputError):
        pdfminer.pdftypes.zlib.decompress(data)
    assert len(pdfminer.pdftypes.zlib.decompress(data)) == 64 * MB  # none in force


def test_a_report_is_read_within_the_defaults() -> None:
    pdf = SAMPLES / "voortgangsrapportage-2009-portrait-plain.pdf"
    tight = PdfSettings(max_inflate=MB, max_inflate_total=4 * MB)
    assert parse_bytes(pdf.read_bytes(), str(pdf), pdf_settings=tight).items


def test_the_cli_names_the_limit_and_the_batch_goes_on(tmp_path: Path) -> None:
    bomb = tmp_path / "a-bomb.pdf"
    bomb.write_bytes(inflating_page(8))
    code, out, err = cli_run(
        "parse", str(bomb), str(TEXT_SAMPLE), "--max-inflate", "2", "-j", "1", "-f", "jsonl"
    )
    assert code == 1
    assert err == (
        f"voortgang: error: {bomb}: page 1: a stream of the PDF inflates past 2 MB "
        "(--max-inflate)\n"
    )
    assert len(out.splitlines()) == 36
    code, _, err = cli_run("check", str(bomb), "--max-inflate-total", "1")
    assert code == 2
    assert err.endswith("together (--max-inflate-total)\n")


# -- the time an input may take ------------------------------------------------------------------


def forever(value: int) -> int:
    """Item 2 never ends, as a reading caught in a loop would not."""
    while value == 2:
        time.sleep(0.05)
    return value


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_item_past_its_time_is_a_failure_and_the_rest_go_on(jobs: int) -> None:
    outcomes = list(ordered_map(forever, [1, 2, 3], jobs=jobs, timeout=0.5))
    assert outcomes == [1, Failure("2: not read within 0.5 s (--timeout)"), 3]


def mutually_referring_length() -> bytes:
    """A page whose content stream's /Length is an object that refers to another that
    refers back: pdfminer resolves the pair for ever."""
    content = b"BT /F1 12 Tf 72 720 Td (Resultaat Deadline) Tj ET\n"
    objects = [*page_objects(content), b"7 0 R", b"6 0 R"]
    objects[3] = b"<< /Length 6 0 R >>\nstream\n" + content + b"\nendstream"
    return pdf_of(objects)


def test_a_reference_cycle_ends_at_the_timeout_with_one_line(tmp_path: Path) -> None:
    cycle = tmp_path / "cycle.pdf"
    cycle.write_bytes(mutually_referring_length())
    code, out, err = cli_run(
        "parse", str(cycle), str(TEXT_SAMPLE), "--timeout", "1", "-j", "1", "-f", "jsonl"
    )
    assert code == 1
    assert err == f"voortgang: error: {cycle}: not read within 1 s (--timeout)\n"
    assert len(out.splitlines()) == 36
    code, _, err = cli_run("convert", str(cycle), "--to", "json", "--timeout", "1")
    assert (code, err) == (2, f"voortgang: error: {cycle}: not read within 1 s (--timeout)\n")


# -- PDFs that are no reports, and pages turned ----------------------------------------------------


def test_a_line_of_nothing_but_spaces_is_no_internal_error() -> None:
    """pdfplumber's own test PDFs: a line of drawn spaces at a height of its own had no ink
    to measure (12 of 56 ended in an internal error)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(50, 780, "Resultaat Deadline Trekker Stand van zaken")
    canvas.drawString(50, 700, "     ")
    canvas.drawString(300, 600, "tekst")
    canvas.save()
    with pytest.raises(InputError):  # a line for the user, not an IndexError
        parse_bytes(buffer.getvalue(), "spaces.pdf")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("angle", [90, 180, 270])
def test_a_turned_page_reads_as_the_upright_one(angle: int, engine: Engine) -> None:
    pdf = SAMPLES / "voortgangsrapportage-2009-portrait-plain.pdf"
    upright = pdf.read_bytes()
    turned = re.sub(rb"/Type\s*/Page(?!s)", b"/Type /Page /Rotate %d" % angle, upright)
    assert turned != upright
    settings_ = PdfSettings(engine=engine)
    read = parse_bytes(turned, str(pdf), pdf_settings=settings_)
    expected = parse_bytes(upright, str(pdf), pdf_settings=settings_)
    assert read.items == expected.items
    assert (read.title, read.plan, read.date) == (expected.title, expected.plan, expected.date)


REFERENCE = re.compile(rb"(\d+) 0 R")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 8)), min_size=1, max_size=3))
def test_a_pdf_with_its_references_moved_is_read_or_refused_in_one_line(
    changes: list[tuple[int, int]],
) -> None:
    """Each change points one reference (chosen by index) at another object number, also
    at the object itself, its parent or one that is not there: cycles, wrong types, holes."""
    content = b"BT /F1 12 Tf 72 720 Td (Resultaat Deadline Trekker) Tj ET\n"
    objects = page_objects(content)
    for which, target in changes:
        found = [(i, m) for i, body in enumerate(objects) for m in REFERENCE.finditer(body)]
        index, match = found[which % len(found)]
        body = objects[index]
        objects[index] = body[: match.start(1)] + str(target).encode() + body[match.end(1) :]
    try:
        with deadline(5):
            parse_bytes(pdf_of(objects), "moved.pdf")
    except (InputError, TimedOut):
        pass  # one line for the user, or the time limit: never another exception
