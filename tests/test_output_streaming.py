"""parse streams (issue 16): with several inputs, each report is on stdout as soon as it and
every input before it are read, in input order, and what is written in pieces is what is
written at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import voortgang.cli.commands.parse as parse_command
import voortgang.cli.output as output_module
import voortgang.export.table as table_module
from voortgang import cli
from voortgang.export.formats import REPORT_FORMATS, Rendering
from voortgang.inputs import Input, ReadOptions, parse_input
from voortgang.model.records import Report

from conftest import HTML_SAMPLE, TEXT_SAMPLE

INPUTS = [str(TEXT_SAMPLE), str(HTML_SAMPLE), str(TEXT_SAMPLE)]


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "table"])
def test_each_report_is_written_before_the_next_is_read(
    fmt: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """What happens, in order: each input read, and each piece written to stdout. Logged to
    a file: each input is read in a process forked for it (batch.isolated)."""
    log = tmp_path / "events"

    def event(name: str) -> None:
        with log.open("a") as file:
            file.write(name + "\n")

    def reading(source: Input, options: ReadOptions) -> Report:
        event("read")
        return parse_input(source, options)

    def echo(text: str) -> None:
        if text:
            event("wrote")
        written(text)

    def tables(reports: list[Report], *args: object, **kwargs: object) -> None:
        event("wrote")
        shown(reports, *args, **kwargs)

    written, shown = output_module._echo, table_module.print_tables
    monkeypatch.setattr(parse_command, "parse_input", reading)
    monkeypatch.setattr(output_module, "_echo", echo)
    monkeypatch.setattr(table_module, "print_tables", tables)
    result = CliRunner().invoke(cli.main, ["parse", *INPUTS, "-f", fmt, "-j", "1"])
    assert result.exit_code == 0
    closing = ["wrote"] if fmt == "json" else []  # the array's closing bracket
    assert log.read_text().split() == ["read", "wrote"] * len(INPUTS) + closing
    monkeypatch.undo()
    at_once = CliRunner().invoke(cli.main, ["parse", *INPUTS, "-f", fmt, "-j", "1"]).stdout
    assert result.stdout.splitlines() == at_once.splitlines()


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv"])
@pytest.mark.parametrize("several", [False, True])
def test_the_pieces_are_what_is_written_at_once(fmt: str, several: bool) -> None:
    reports = [voortgang_parse(name) for name in (INPUTS if several else INPUTS[:1])]
    found = REPORT_FORMATS.get(fmt)
    assert found.render is not None and found.streaming is not None
    rendering = Rendering(several=several)
    pieces = [
        found.streaming.piece(report, index, rendering) for index, report in enumerate(reports)
    ]
    assert "".join(pieces) + found.streaming.end(len(reports), rendering) == found.render(
        reports, rendering
    )


def voortgang_parse(name: str) -> Report:
    return parse_input(Input(name))


def test_nothing_is_written_when_no_input_can_be_read(tmp_path: Path) -> None:
    missing = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    result = CliRunner().invoke(cli.main, ["parse", *missing, "-f", "json"])
    assert (result.exit_code, result.stdout) == (2, "")
