"""Hostile and odd input (issue 15): no silent corruption, one clear line and exit 2 for what
cannot be read, a terminal that only ever shows text."""

from __future__ import annotations

import cProfile
import ctypes
import faulthandler
import io
import json
import os
import pstats
import re
import signal
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

import pdfminer.pdftypes
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfminer.pdftypes import PDFObjRef
from reportlab.pdfgen.canvas import Canvas

from voortgang import cli, parse_bytes
from voortgang.batch import DIED, Failure, attempt, ordered_map
from voortgang.checks.common import number_parts
from voortgang.checks.references import (
    SUGGESTIONS,
    NearestNumbers,
    _digits_near,
    references,
)
from voortgang.cli.settings import DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT
from voortgang.errors import InputError
from voortgang.inputs import Input, ReadOptions, parse_input
from voortgang.model.records import Report
from voortgang.parse.html import read_html
from voortgang.parse.pdf import ENGINES, Engine, PdfSettings
from voortgang.parse.pdf.graph import cycles_refused, resolve1, resolve_all
from voortgang.parse.pdf.limits import LimitError, inflation_bounded
from voortgang.parse.pdf.settings import DEFAULT_SETTINGS
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


# -- reference cycles: refused where pdfminer resolves objects, not followed ---------------------

CONTENT = b"BT /F1 12 Tf 72 720 Td (Resultaat Deadline) Tj ET\n"


def with_length(length: bytes) -> bytes:
    """The page's content stream, its /Length given as ``length``."""
    return b"<< /Length " + length + b" >>\nstream\n" + CONTENT + b"\nendstream"


def cyclic(kind: str) -> bytes:
    """A one-page PDF (catalog 1, pages 2, page 3, content 4, font 5) with a reference cycle
    of ``kind``; objects 6 and 7 are the references that go round."""
    objects = page_objects(CONTENT)
    if kind == "length refers to itself":
        objects[3] = with_length(b"6 0 R")
        objects.append(b"6 0 R")
    elif kind == "length: two objects refer to each other":
        objects[3] = with_length(b"6 0 R")
        objects += [b"7 0 R", b"6 0 R"]
    elif kind == "contents refers to itself":
        objects[2] = objects[2].replace(b"/Contents 4 0 R", b"/Contents 6 0 R")
        objects.append(b"6 0 R")
    elif kind == "resources: two objects refer to each other":
        objects[2] = objects[2].replace(
            b"/Resources << /Font << /F1 5 0 R >> >>", b"/Resources 6 0 R"
        )
        objects += [b"7 0 R", b"6 0 R"]
    elif kind == "pages among their own kids":
        objects[1] = b"<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>"
    elif kind == "a page tree that loops through a node below":
        objects[1] = b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>"
        objects.append(b"<< /Type /Pages /Kids [2 0 R] /Parent 2 0 R /Count 1 >>")
    elif kind == "a page its own parent":
        objects[2] = objects[2].replace(b"/Parent 2 0 R", b"/Parent 3 0 R")
    elif kind == "page and pages each other's parent":
        objects[1] = b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 3 0 R >>"
    else:
        raise ValueError(kind)
    return pdf_of(objects)


CYCLES = {
    "length refers to itself": "the PDF's object 6 refers back to itself (a reference cycle)",
    "length: two objects refer to each other": (
        "the PDF's object 6 refers back to itself (a reference cycle)"
    ),
    "contents refers to itself": "the PDF's object 6 refers back to itself (a reference cycle)",
    "resources: two objects refer to each other": (
        "the PDF's object 6 refers back to itself (a reference cycle)"
    ),
    "pages among their own kids": (
        "the PDF's page tree loops: object 2 is among its own kids (a reference cycle)"
    ),
    "a page tree that loops through a node below": (
        "the PDF's page tree loops: object 2 is among its own kids (a reference cycle)"
    ),
    "a page its own parent": (
        "the PDF's page tree loops: the /Parent entries lead back to object 3 (a reference cycle)"
    ),
    "page and pages each other's parent": (
        "the PDF's page tree loops: the /Parent entries lead back to object 2 (a reference cycle)"
    ),
}


@pytest.mark.parametrize("kind", CYCLES)
def test_a_reference_cycle_is_refused_in_one_line(kind: str, tmp_path: Path) -> None:
    path = tmp_path / "cycle.pdf"
    path.write_bytes(cyclic(kind))
    # The time limit is far off: the cycle, not the clock, ends the reading.
    code, out, err = cli_run("parse", str(path), "--engine", "pdfplumber", "--timeout", "600")
    assert (code, out) == (2, "")
    assert err == f"voortgang: error: {path}: {CYCLES[kind]}\n"


@pytest.mark.parametrize("kind", CYCLES)
def test_the_pdfium_engine_ends_a_cycle_in_one_line_too(kind: str, tmp_path: Path) -> None:
    """pdfium follows no cycle (it bounds its own walks); what it reads of such a file is no
    report, said in one line."""
    path = tmp_path / "cycle.pdf"
    path.write_bytes(cyclic(kind))
    code, out, err = cli_run("parse", str(path), "--engine", "pdfium", "--timeout", "600")
    assert (code, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert err.startswith(f"voortgang: error: {path}: ")
    assert "internal error" not in err


def test_a_cycle_in_a_batch_is_its_own_line_and_the_rest_are_read(tmp_path: Path) -> None:
    cycle = tmp_path / "cycle.pdf"
    cycle.write_bytes(cyclic("length: two objects refer to each other"))
    code, out, err = cli_run("parse", str(cycle), str(TEXT_SAMPLE), "-j", "1", "-f", "jsonl")
    assert code == 1
    assert (
        err == f"voortgang: error: {cycle}: {CYCLES['length: two objects refer to each other']}\n"
    )
    assert len(out.splitlines()) == 36


class Document:
    """What a PDFObjRef resolves through: objects by number."""

    def __init__(self, objects: dict[int, object]) -> None:
        self.objects = objects

    def getobj(self, objid: int) -> object:
        return self.objects[objid]


def test_resolve_all_refuses_a_container_that_holds_itself() -> None:
    document = Document({})
    document.objects[6] = [1, {"A": PDFObjRef(document, 7)}]
    document.objects[7] = [PDFObjRef(document, 6)]
    with cycles_refused(), pytest.raises(LimitError, match="object 6 refers back"):
        resolve_all(PDFObjRef(document, 6))


def test_resolve_all_resolves_as_pdfminer_does_where_there_is_no_cycle() -> None:
    def document() -> Document:
        made = Document({})
        shared = PDFObjRef(made, 8)  # one object reached twice is no cycle
        made.objects.update({6: {"A": [shared, shared], "B": PDFObjRef(made, 7)}, 7: shared})
        made.objects[8] = [1, 2.5, b"x"]
        return made

    expected = pdfminer.pdftypes.resolve_all(PDFObjRef(document(), 6))
    with cycles_refused():
        assert resolve_all(PDFObjRef(document(), 6)) == expected
    assert expected == {"A": [[1, 2.5, b"x"], [1, 2.5, b"x"]], "B": [1, 2.5, b"x"]}


def test_resolve_all_walks_deep_nesting_without_recursion() -> None:
    deep: list[object] = [1]
    for _ in range(5 * sys.getrecursionlimit()):
        deep = [deep]
    with cycles_refused():
        resolved = resolve_all(deep)
    depth = 0
    while isinstance(resolved, list) and resolved != [1]:
        (resolved,) = resolved
        depth += 1
    assert (depth, resolved) == (5 * sys.getrecursionlimit(), [1])


def test_resolve1_refuses_a_chain_that_comes_back_and_follows_one_that_ends() -> None:
    document = Document({6: None, 7: None, 8: 42})
    document.objects[6] = PDFObjRef(document, 7)
    document.objects[7] = PDFObjRef(document, 6)
    with cycles_refused():
        with pytest.raises(LimitError):
            resolve1(PDFObjRef(document, 6))
        document.objects[7] = PDFObjRef(document, 8)
        assert resolve1(PDFObjRef(document, 6)) == 42


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

# A change: a reference (chosen by index among all) pointed at an object number (0 and past
# the last are none), or an object's whole body made a bare reference to one.
CHANGES = st.lists(
    st.tuples(st.sampled_from(["point", "become"]), st.integers(0, 50), st.integers(0, 8)),
    min_size=1,
    max_size=3,
)


def moved(changes: list[tuple[str, int, int]]) -> bytes:
    """The one-page PDF with its references moved: cycles, chains, wrong types, holes."""
    objects = page_objects(b"BT /F1 12 Tf 72 720 Td (Resultaat Deadline Trekker) Tj ET\n")
    for how, which, target in changes:
        if how == "become":
            objects[which % len(objects)] = b"%d 0 R" % target
            continue
        found = [(i, m) for i, body in enumerate(objects) for m in REFERENCE.finditer(body)]
        if not found:
            continue
        index, match = found[which % len(found)]
        body = objects[index]
        objects[index] = body[: match.start(1)] + str(target).encode() + body[match.end(1) :]
    return pdf_of(objects)


@settings(max_examples=60, deadline=None)
@given(CHANGES, st.sampled_from(ENGINES))
def test_a_pdf_with_its_references_moved_is_read_or_refused_in_one_line(
    changes: list[tuple[str, int, int]], engine: str
) -> None:
    """Read, or one line and exit 2; never an internal error or a traceback, and never the
    time limit (set far off): a cycle is refused, not followed."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "moved.pdf"
        path.write_bytes(moved(changes))
        code, _, err = cli_run("parse", str(path), "--engine", engine, "--timeout", "30")
    assert code in (0, 1, 2)
    assert "internal error" not in err
    assert "Traceback" not in err
    assert "--timeout" not in err
    if code == 2:
        assert len(err.splitlines()) == 1
        assert err.startswith(f"voortgang: error: {path}: ")


# -- drawing without end: operators per page and form nesting ---------------------------------


def laughs(levels: int, fanout: int = 10) -> bytes:
    """A page (3) that draws form 6, which draws form 7 ``fanout`` times, … down ``levels``
    forms, the last drawing a word: a few kilobytes that draw ``fanout ** (levels - 1)``
    words (the "billion laughs"). Catalog 1, pages 2, font 4, the page's content 5."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R"
        b" /Resources << /Font << /F1 4 0 R >> /XObject << /X 6 0 R >> >> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        stream(CONTENT + b"/X Do\n"),
    ]
    form = b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources "
    for level in range(levels):
        if level == levels - 1:
            content, resources = (
                b"BT /F1 12 Tf 72 700 Td (ha) Tj ET\n",
                b"<< /Font << /F1 4 0 R >> >>",
            )
        else:
            content = b"q /X Do Q\n" * fanout
            resources = b"<< /XObject << /X %d 0 R >> >>" % (len(objects) + 2)
        objects.append(stream(content, form + resources + b" "))
    return pdf_of(objects)


# Operators of a page of laughs(levels, fanout): the page's own (5 and Do), each form's
# q Do Q per copy drawn, the last form's five per time it is drawn.
def laughs_operators(levels: int, fanout: int) -> int:
    drawn = [fanout**level for level in range(levels)]  # times each level's form is drawn
    return 6 + sum(3 * fanout * times for times in drawn[:-1]) + 5 * drawn[-1]


@pytest.mark.parametrize("levels", [1, 3])
def test_the_operators_of_a_page_and_its_forms_are_counted_exactly(levels: int) -> None:
    data = laughs(levels, fanout=3)
    exact = laughs_operators(levels, 3)
    limits = PdfSettings(engine="pdfplumber", max_operators=exact)
    with pytest.raises(InputError, match="no table"):  # read whole: no report in it
        parse_bytes(data, "laughs.pdf", pdf_settings=limits)
    with pytest.raises(InputError) as refused:
        parse_bytes(data, "laughs.pdf", pdf_settings=replace(limits, max_operators=exact - 1))
    assert str(refused.value) == (
        f"page 1: the page draws more than {exact - 1:,} operators (--max-operators)"
    )


def test_pdfium_counts_the_objects_of_a_page_and_its_forms() -> None:
    data = laughs(3, fanout=3)
    objects = 2 + 3 + 9 + 9  # the page: a word, form 6; in it three of 7; nine of 8; nine words
    limits = PdfSettings(engine="pdfium", max_operators=objects)
    with pytest.raises(InputError, match="no table"):
        parse_bytes(data, "laughs.pdf", pdf_settings=limits)
    with pytest.raises(InputError) as refused:
        parse_bytes(data, "laughs.pdf", pdf_settings=replace(limits, max_operators=objects - 1))
    assert str(refused.value) == (
        f"page 1: the page draws more than {objects - 1} objects (--max-operators)"
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_forms_nested_past_max_form_depth_are_refused(engine: Engine) -> None:
    data = laughs(6, fanout=1)  # the page, then forms six deep
    limits = PdfSettings(engine=engine, max_form_depth=6)
    with pytest.raises(InputError, match="no table"):
        parse_bytes(data, "deep.pdf", pdf_settings=limits)
    with pytest.raises(InputError) as refused:
        parse_bytes(data, "deep.pdf", pdf_settings=replace(limits, max_form_depth=5))
    assert str(refused.value) == "page 1: the page's forms nest more than 5 deep (--max-form-depth)"


def test_forms_nested_deeper_than_the_default_are_refused_by_it() -> None:
    depth = DEFAULT_SETTINGS.max_form_depth + 1
    with pytest.raises(InputError, match=r"nest more than \d+ deep \(--max-form-depth\)$"):
        parse_bytes(laughs(depth, fanout=1), "deep.pdf")


def test_a_billion_laughs_stops_at_the_operator_limit(tmp_path: Path) -> None:
    """Nine levels of ten: a billion words, of which the limit lets the reading see a few
    thousand operators (with the default, a million) before the one line."""
    bomb = tmp_path / "laughs.pdf"
    bomb.write_bytes(laughs(10))
    assert len(bomb.read_bytes()) < 4096
    code, out, err = cli_run(
        "parse", str(bomb), str(TEXT_SAMPLE), "--max-operators", "5000", "-j", "1", "-f", "jsonl"
    )
    assert code == 1
    assert err == (
        f"voortgang: error: {bomb}: page 1: the page draws more than 5,000 operators "
        "(--max-operators)\n"
    )
    assert len(out.splitlines()) == 36


@pytest.mark.parametrize("engine", ENGINES)
def test_a_report_is_read_within_tight_drawing_limits(engine: Engine) -> None:
    pdf = SAMPLES / "voortgangsrapportage-2009-portrait-plain.pdf"
    tight = PdfSettings(engine=engine, max_operators=20_000, max_form_depth=1)
    assert parse_bytes(pdf.read_bytes(), str(pdf), pdf_settings=tight).items


# -- memory and the watchdog: each input read in a process of its own ---------------------------


def address_space() -> int:
    """Bytes of address space this process holds now (what RLIMIT_AS counts)."""
    status = Path("/proc/self/status").read_text()
    return int(re.search(r"VmSize:\s+(\d+) kB", status)[1]) * 1024  # type: ignore[index]


def allocate(megabytes: int) -> int:
    return len(bytearray(megabytes * MB))


def abort_holding(megabytes: int) -> int:
    """Touch this much memory, then end as pdfium ends where an allocation fails."""
    held = bytearray(b"x" * (megabytes * MB))
    faulthandler.disable()  # pytest's would print the stack
    os.abort()
    return len(held)


def blocks_the_timer(_: object) -> int:
    """Wait for ever where the timer signal cannot reach, as native code does."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    while True:
        time.sleep(0.05)


linux_only = pytest.mark.skipif(
    not Path("/proc/self/status").exists(), reason="reads the address space from /proc"
)


@linux_only
def test_a_reading_past_its_memory_is_one_line_and_this_process_goes_on() -> None:
    ceiling = address_space() + 64 * MB
    outcome = attempt(allocate, "big", 256, isolate=True, memory=ceiling)
    assert outcome == Failure(f"big: not read within {ceiling / MB:g} MB of memory (--max-memory)")
    assert attempt(allocate, "small", 8, isolate=True, memory=ceiling) == 8 * MB
    assert allocate(256) == 256 * MB  # the ceiling held the child only


@linux_only
def test_a_reading_that_aborts_near_its_ceiling_ran_out_of_memory() -> None:
    ceiling = address_space() + 256 * MB
    outcome = attempt(abort_holding, "native", 200, isolate=True, memory=ceiling)
    assert outcome == Failure(
        f"native: not read within {ceiling / MB:g} MB of memory (--max-memory)"
    )


def test_a_reading_that_aborts_far_below_its_ceiling_is_told_as_ended() -> None:
    outcome = attempt(abort_holding, "crash", 1, isolate=True, memory=64 * 1024 * MB)
    assert outcome == Failure(f"crash: {DIED}")


def test_the_watchdog_kills_a_reading_the_timer_cannot_end() -> None:
    outcome = attempt(blocks_the_timer, "stuck", None, seconds=0.2, isolate=True)
    assert outcome == Failure("stuck: not read within 0.2 s (--timeout)")


def test_an_isolated_reading_gives_what_it_gives_here() -> None:
    source = Input(str(TEXT_SAMPLE))
    read = partial(parse_input, options=ReadOptions())
    assert attempt(read, "x", source, isolate=True, memory=2048 * MB) == read(source)
    refused = attempt(read, "x", Input(str(TEXT_SAMPLE.parent)), isolate=True)
    assert isinstance(refused, Failure) and "internal error" not in refused.message


@linux_only
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_pdfium_engine_on_an_inflation_bomb_ends_within_the_memory_ceiling(
    tmp_path: Path, jobs: str
) -> None:
    """What pdfium inflates voortgang cannot bound; the process reading it can be: the bomb
    claims 512 MB, the ceiling is 256 MB, and the other file is read."""
    bomb = tmp_path / "a-bomb.pdf"
    bomb.write_bytes(inflating_page(512))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "voortgang",
            "parse",
            str(bomb),
            str(TEXT_SAMPLE),
            "--engine",
            "pdfium",
            "--max-memory",
            "256",
            "-j",
            jobs,
            "-f",
            "jsonl",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert (
        done.stderr
        == f"voortgang: error: {bomb}: not read within 256 MB of memory (--max-memory)\n"
    )
    assert len(done.stdout.splitlines()) == 36


@linux_only
def test_pdfminer_past_the_memory_ceiling_names_it_too(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(inflating_page(512))
    code, out, err = cli_run(
        "parse", str(bomb), "--max-inflate", "4096", "--max-inflate-total", "4096",
        "--max-memory", str(address_space() // MB + 256),
    )  # fmt: skip
    assert (code, out) == (2, "")
    assert err.startswith(f"voortgang: error: {bomb}: not read within ")
    assert err.endswith(" MB of memory (--max-memory)\n")


# -- diff obeys the same limits ------------------------------------------------------------------


def test_diff_takes_the_limit_options(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(inflating_page(8))
    code, out, err = cli_run("diff", str(bomb), str(TEXT_SAMPLE), "--max-inflate", "2")
    assert (code, out) == (2, "")
    assert err == (
        f"voortgang: error: {bomb}: page 1: a stream of the PDF inflates past 2 MB "
        "(--max-inflate)\n"
    )
    deep = tmp_path / "deep.pdf"
    deep.write_bytes(laughs(4, fanout=1))
    code, _, err = cli_run("diff", str(TEXT_SAMPLE), str(deep), "--max-form-depth", "2")
    assert (code, err) == (
        2,
        f"voortgang: error: {deep}: page 1: the page's forms nest more than 2 deep "
        "(--max-form-depth)\n",
    )
    pdf = SAMPLES / "voortgangsrapportage-2009-portrait-plain.pdf"
    for engine in ENGINES:
        code, out, err = cli_run(
            "diff", str(pdf), str(pdf), "--engine", engine, "--max-memory", "2048",
            "--timeout", "300", "--max-operators", "50000", "-f", "json",
        )  # fmt: skip
        assert (code, err) == (0, "voortgang: no differences\n"), engine
        assert json.loads(out)["old"]["pages"] == 12


# -- docs/limits.md: the limits as the code has them ---------------------------------------------


def test_the_limits_page_names_every_limit_with_its_default() -> None:
    page = (Path(__file__).parent.parent / "docs" / "limits.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| `(--[a-z-]+) [A-Z]+` \| (\d+) \|", page, re.MULTILINE))
    defaults = {
        "--timeout": DEFAULT_TIMEOUT,
        "--max-memory": DEFAULT_MAX_MEMORY / MB,
        "--max-inflate": DEFAULT_SETTINGS.max_inflate / MB,
        "--max-inflate-total": DEFAULT_SETTINGS.max_inflate_total / MB,
        "--max-operators": DEFAULT_SETTINGS.max_operators,
        "--max-form-depth": DEFAULT_SETTINGS.max_form_depth,
    }
    assert {option: float(value) for option, value in table.items()} == defaults
    for command in ("parse", "check", "convert", "debug", "diff"):
        options = {
            option
            for parameter in cli.main.commands[command].params
            for option in parameter.opts
            if option == "--timeout" or option.startswith("--max-")
        }
        assert options == set(defaults), command
