"""Batches: many inputs read in worker processes, outcomes in input order, a failure per input
told and the rest read."""

from __future__ import annotations

import json
import os
import pty
import random
import re
import select
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import voortgang
from voortgang import cli
from voortgang.batch import Failure, ordered_map
from voortgang.errors import InputError

from conftest import HTML_SAMPLE, SAMPLES, TEXT_SAMPLE


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.main, list(args))
    return result.exit_code, result.stdout, result.stderr


# -- the ordered map -------------------------------------------------------------------------
# Module-level functions, so that they reach the worker processes by pickle.


def last_first(item: tuple[Path, int, int]) -> tuple[int, bool]:
    """Item 0 ends only after the last item has (or after ten seconds): it waits for the marker
    that one leaves. Each says whether the marker was there when it ended."""
    marker, index, last = item
    if index == last:
        marker.touch()
    elif index == 0:
        for _ in range(1000):
            if marker.exists():
                break
            time.sleep(0.01)
    return index, marker.exists()


def square_or_refuse(value: int) -> int:
    if value < 0:
        raise InputError("negative")
    if value == 13:
        raise ValueError("unlucky")
    return value * value


def pid_of(_: int) -> int:
    return os.getpid()


def die_on_3(value: int) -> int:
    if value == 3:
        os._exit(1)
    return value


def test_outcomes_come_in_input_order_whatever_order_they_finish_in(tmp_path: Path) -> None:
    marker = tmp_path / "last done"
    items = [(marker, index, 3) for index in range(4)]
    outcomes = list(ordered_map(last_first, items, jobs=2))
    assert [index for index, _ in outcomes] == [0, 1, 2, 3]
    assert outcomes[0] == (0, True)  # item 0 finished last


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failure_is_told_per_item_and_the_rest_go_on(jobs: int) -> None:
    outcomes = list(
        ordered_map(square_or_refuse, [2, -1, 13, 4], jobs=jobs, name=lambda v: f"#{v}")
    )
    assert outcomes[0] == 4
    assert outcomes[1] == Failure("#-1: negative")
    assert isinstance(outcomes[2], Failure)
    assert (
        outcomes[2].message
        == "#13: internal error: ValueError('unlucky') (run with -v for the traceback)"
    )
    assert outcomes[2].traceback is not None
    assert 'raise ValueError("unlucky")' in outcomes[2].traceback
    assert outcomes[3] == 16


def test_an_error_that_names_its_file_keeps_that_name() -> None:
    def refuse(_: str) -> None:
        raise InputError("the file is empty", "a/b.pdf")

    assert list(ordered_map(refuse, ["x"], jobs=1)) == [Failure("a/b.pdf: the file is empty")]


def test_jobs_above_1_run_in_other_processes_and_1_in_this_one() -> None:
    assert set(ordered_map(pid_of, [1, 2, 3, 4], jobs=1)) == {os.getpid()}
    in_workers = set(ordered_map(pid_of, [1, 2, 3, 4], jobs=2))
    assert os.getpid() not in in_workers
    assert len(in_workers) <= 2
    # one item needs no pool
    assert list(ordered_map(pid_of, [1], jobs=2)) == [os.getpid()]


def test_a_worker_that_dies_fails_its_item_and_does_not_end_the_batch() -> None:
    outcomes = list(ordered_map(die_on_3, [1, 2, 3, 4, 5], jobs=2, name=str))
    assert len(outcomes) == 5
    assert outcomes[2] == Failure("3: not read: a worker process ended abruptly (killed?)")
    for value, outcome in zip([1, 2, 3, 4, 5], outcomes, strict=True):
        assert outcome == value or (
            isinstance(outcome, Failure) and outcome.message.startswith(f"{value}: ")
        )


# -- the command line ---------------------------------------------------------------------------


def test_a_folder_is_its_report_files_sorted_by_name_not_its_subfolders(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    for name in ("b.TXT", "a.html", "c.htm"):
        (folder / name).write_bytes((HTML_SAMPLE if "htm" in name else TEXT_SAMPLE).read_bytes())
    (folder / "sub" / "d.txt").write_bytes(TEXT_SAMPLE.read_bytes())
    (folder / "notes.md").write_text("geen rapport")
    (folder / ".~lock.a.html#").write_text("lock")
    (folder / "._a.html").write_bytes(b"\0\5\26\7 resource fork")
    (folder / "records.json").write_text("[]")
    code, out, err = run("parse", str(folder), "-f", "jsonl", "-j", "2")
    assert (code, err) == (0, "")
    sources = list(
        dict.fromkeys(line.split('"source": "')[1].split('"')[0] for line in out.splitlines())
    )
    assert sources == [str(folder / name) for name in ("a.html", "b.TXT", "c.htm")]


def test_one_file_in_a_folder_is_still_an_array(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(TEXT_SAMPLE.read_bytes())
    code, out, _ = run("parse", str(tmp_path), "-f", "json")
    assert code == 0
    assert out.lstrip().startswith("[")


def test_jobs_1_and_2_print_the_same(tmp_path: Path) -> None:
    names = [
        str(TEXT_SAMPLE),
        str(HTML_SAMPLE),
        str(SAMPLES / "voortgangsrapportage-2009-libreoffice.html"),
    ]
    assert run("parse", *names, "-j", "1") == run("parse", *names, "-j", "2")
    assert run("check", *names, "-j", "1") == run("check", "--jobs", "2", *names)


def test_jobs_must_be_a_positive_number() -> None:
    code, _, err = run("parse", str(TEXT_SAMPLE), "-j", "0")
    assert code == 2
    assert "Invalid value for '-j' / '--jobs'" in err


def test_an_internal_error_in_a_worker_shows_its_traceback_with_v(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(voortgang, "parse", pid_in_error)
    names = [str(TEXT_SAMPLE), str(HTML_SAMPLE)]
    code, out, err = run("parse", *names, "-j", "2")
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert [line.split(": internal error: ")[0] for line in lines] == [
        f"voortgang: error: {name}" for name in names
    ]
    assert all(line.endswith(" (run with -v for the traceback)") for line in lines)
    pids = {int(line.split("in process ")[1].split("'")[0]) for line in lines}
    assert os.getpid() not in pids
    code, _, err = run("-v", "parse", *names, "-j", "2")
    assert err.count("Traceback (most recent call last):") == 2
    assert 'raise RuntimeError(f"boom in process {os.getpid()}")' in err


def pid_in_error(*_: object, **__: object) -> None:
    raise RuntimeError(f"boom in process {os.getpid()}")


def test_check_reads_a_folder_with_records_json(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(TEXT_SAMPLE.read_bytes())
    assert run("parse", str(TEXT_SAMPLE), "-o", str(tmp_path / "b.json"))[0] == 0
    code, out, err = run("check", str(tmp_path), "-j", "2")
    assert (code, err) == (0, "")
    assert out.startswith(f"{tmp_path / 'a.txt'}\n")
    # the records file is the one checked; they keep the path they were parsed from
    assert f"\n{tmp_path / 'b.json'}\n" in out
    assert f"(from {TEXT_SAMPLE}:p4)\n" in out
    assert out.endswith("2 info in 2 files\n")


def test_pipes_are_read_here_for_workers_that_are_not_forked() -> None:
    """/dev/fd/N, as a shell's <(...) names a pipe, is read in the main process: a worker that
    is spawned (macOS, Linux from Python 3.14) has none of its descriptors."""
    descriptors = []
    for sample in (TEXT_SAMPLE, HTML_SAMPLE):
        read_end, write_end = os.pipe()
        os.write(write_end, sample.read_bytes())  # each under a pipe's 64 KiB buffer
        os.close(write_end)
        descriptors.append(read_end)
    driver = (
        "import multiprocessing, sys\n"
        "if __name__ == '__main__':\n"
        "    multiprocessing.set_start_method('forkserver')\n"
        "    from voortgang.cli import main\n"
        "    main(sys.argv[1:])\n"
    )
    names = [f"/dev/fd/{descriptor}" for descriptor in descriptors]
    try:
        done = subprocess.run(
            [sys.executable, "-c", driver, "parse", *names, "-j", "2", "-f", "json"],
            capture_output=True,
            text=True,
            pass_fds=descriptors,
            check=False,
            timeout=120,  # a worker that opens /dev/fd/N itself reads some other pipe, forever
        )
    finally:
        for descriptor in descriptors:
            os.close(descriptor)
    assert (done.returncode, done.stderr) == (0, "")
    assert [report["source"]["path"] for report in json.loads(done.stdout)] == names


# -- 50 files, 3 of them broken ---------------------------------------------------------------

PDFS = [
    "voortgangsrapportage-2009-landscape-ruled.pdf",
    "voortgangsrapportage-2009-portrait-plain.pdf",
    "voortgangsrapportage-2009-portrait-carlito.pdf",
    "voortgangsrapportage-2009-chromium-styled.pdf",
]
OTHERS = [
    "voortgangsrapportage-2009.txt",
    "voortgangsrapportage-2009.html",
    "voortgangsrapportage-2009-libreoffice.html",
]
BROKEN = {
    "empty.txt": (lambda: b"", "the file is empty"),
    "noise.pdf": (
        lambda: random.Random(1).randbytes(4000),
        "not a PDF, Word (DOCX), HTML or text rendition of a report (binary content)",
    ),
    "truncated.pdf": (lambda: (SAMPLES / PDFS[0]).read_bytes()[:5000], "not a readable PDF: "),
}


@pytest.fixture(scope="module")
def fifty(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    """A folder of 47 readable copies of the samples (4 PDFs, the rest text and HTML) and 3
    broken files, and all 50 in a shuffled order."""
    folder = tmp_path_factory.mktemp("fifty")
    sources = PDFS + [OTHERS[i % len(OTHERS)] for i in range(47 - len(PDFS))]
    paths = []
    for index, name in enumerate(sources):
        path = folder / f"report-{index:02}{Path(name).suffix}"
        path.write_bytes((SAMPLES / name).read_bytes())
        paths.append(path)
    for name, (make, _) in BROKEN.items():
        (folder / name).write_bytes(make())
        paths.append(folder / name)
    random.Random(50).shuffle(paths)
    return folder, paths


def test_fifty_files_three_broken_in_a_folder(fifty: tuple[Path, list[Path]]) -> None:
    folder, paths = fifty
    code, out, err = run("parse", str(folder), "--jobs", "2", "--format", "jsonl")
    sources = list(
        dict.fromkeys(line.split('"source": "')[1].split('"')[0] for line in out.splitlines())
    )
    readable = sorted(str(path) for path in paths if path.name not in BROKEN)
    assert code == 1
    assert sources == readable
    assert len(out.splitlines()) == 47 * 36
    assert_three_errors(err, folder, order=sorted(BROKEN))


def test_fifty_files_three_broken_in_argument_order(fifty: tuple[Path, list[Path]]) -> None:
    folder, paths = fifty
    code, out, err = run("parse", *map(str, paths), "-j", "2", "--format", "json")
    reports = json.loads(out)
    assert code == 1
    assert [report["source"]["path"] for report in reports] == [
        str(path) for path in paths if path.name not in BROKEN
    ]
    assert all(len(report["items"]) == 36 for report in reports)
    assert_three_errors(err, folder, order=[path.name for path in paths if path.name in BROKEN])


def assert_three_errors(err: str, folder: Path, order: list[str]) -> None:
    lines = err.splitlines()
    assert len(lines) == 3
    for line, name in zip(lines, order, strict=True):
        assert line.startswith(f"voortgang: error: {folder / name}: {BROKEN[name][1]}")


# -- Ctrl-C -------------------------------------------------------------------------------------


def interrupt(*_: object, **__: object) -> None:
    raise KeyboardInterrupt


@pytest.mark.parametrize("where", ["voortgang.parse", "voortgang.export.formats.items_jsonl"])
def test_ctrl_c_exits_130_and_says_nothing(where: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(where, interrupt)
    names = [str(TEXT_SAMPLE), str(HTML_SAMPLE)]
    assert run("parse", *names, "-j", "1", "-f", "jsonl") == (130, "", "")


def test_ctrl_c_on_a_batch_in_workers_ends_it_cleanly(tmp_path: Path) -> None:
    """Ctrl-C as a terminal sends it, to the whole process group, while the workers are busy:
    exit code 130, no traceback from any process, no output, and no process left behind."""
    (tmp_path / "a-empty.txt").write_bytes(b"")
    for index, name in enumerate(PDFS * 2):
        (tmp_path / f"b-{index}.pdf").write_bytes((SAMPLES / name).read_bytes())
    command = [sys.executable, "-m", "voortgang", "parse", str(tmp_path), "-j", "2"]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        # The first input's error line: the batch is under way, the PDFs are being read.
        assert select.select([process.stderr], [], [], 60)[0]
        first = process.stderr.readline().decode()
        os.killpg(process.pid, signal.SIGINT)
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert first == f"voortgang: error: {tmp_path / 'a-empty.txt'}: the file is empty\n"
    assert (process.returncode, out, err) == (130, b"", b"")
    with pytest.raises(ProcessLookupError):  # the workers are gone with it
        os.killpg(process.pid, 0)


# -- the progress bar ---------------------------------------------------------------------------


def on_a_terminal(*args: str, env: dict[str, str]) -> tuple[int, bytes, bytes]:
    """Run voortgang with standard error on a pseudo-terminal: exit code, stdout, what the
    terminal got."""
    controller, terminal = pty.openpty()
    command = [sys.executable, "-m", "voortgang", *args]
    with tempfile.TemporaryFile() as stdout:
        process = subprocess.Popen(
            command, stdout=stdout, stderr=terminal, env={**os.environ, **env}
        )
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal's other end closed
                break
            if not chunk:
                break
            shown += chunk
        os.close(controller)
        code = process.wait(timeout=60)
        stdout.seek(0)
        return code, stdout.read(), shown


def test_a_terminal_shows_a_bar_without_colour_under_no_color(tmp_path: Path) -> None:
    names = [str(TEXT_SAMPLE), str(tmp_path / "missing.txt"), str(HTML_SAMPLE)]
    code, out, shown = on_a_terminal("parse", *names, "-j", "1", env={"NO_COLOR": "1"})
    assert (code, len(json.loads(out))) == (1, 2)
    assert b"parsing" in shown and b"3/3" in shown
    assert re.search(rb"\x1b\[[0-9;]*m", shown) is None  # no colour, no bold
    error = f"voortgang: error: {tmp_path / 'missing.txt'}: no such file\r\n".encode()
    assert error in shown  # whole, on its own line
    assert shown.endswith(b"\x1b[2K")  # the bar erased at the end


def test_quiet_shows_no_bar_on_a_terminal(tmp_path: Path) -> None:
    names = [str(TEXT_SAMPLE), str(tmp_path / "missing.txt"), str(HTML_SAMPLE)]
    code, _, shown = on_a_terminal("-q", "parse", *names, "-j", "1", env={})
    assert code == 1
    assert shown == f"voortgang: error: {tmp_path / 'missing.txt'}: no such file\r\n".encode()
