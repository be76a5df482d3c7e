"""The table for people (issue 16): widths fixed per report, a cut cell marked and counted,
--full showing every cell whole, the items counted per track."""

from __future__ import annotations

import io
import re

import pytest
from click.testing import CliRunner
from rich.console import Console

from voortgang import cli
from voortgang.export.table import CUT_MARK, print_tables
from voortgang.model.records import Report
from voortgang.parse import parse_bytes

from conftest import TEXT_SAMPLE
from small_reports import page, row


def table(report: Report, width: int, full: bool = False) -> str:
    out = io.StringIO()
    print_tables([report], Console(file=out, width=width, color_system=None), False, full)
    return out.getvalue()


@pytest.fixture(scope="module")
def sample() -> Report:
    return parse_bytes(TEXT_SAMPLE.read_bytes(), str(TEXT_SAMPLE))


@pytest.mark.parametrize("width", [80, 120, 200])
def test_every_track_has_the_same_column_widths(sample: Report, width: int) -> None:
    tops = [line for line in table(sample, width).splitlines() if line.startswith("┏")]
    assert len(tops) == len(sample.tracks) == 3
    assert len(set(tops)) == 1  # the same borders: the same widths


def test_the_footer_counts_the_items_per_track(sample: Report) -> None:
    lines = table(sample, 120).splitlines()
    assert "36 items: spoor 1: 8, spoor 2: 25, spoor 3: 3" in lines


def test_cut_cells_are_marked_and_counted(sample: Report) -> None:
    text = table(sample, 120)
    assert CUT_MARK not in TEXT_SAMPLE.read_text(encoding="utf-8")
    cut = re.search(r"^(\d+) cells cut short \(…\); --full shows every cell whole$", text, re.M)
    assert cut is not None
    assert int(cut.group(1)) == text.count(CUT_MARK) - 1  # the footer's own mark aside


def test_full_shows_every_cell_whole(sample: Report) -> None:
    text = table(sample, 120, full=True)
    assert CUT_MARK not in text
    assert "cut short" not in text
    flat = " ".join(re.sub(r"[│┃┏┓┗┛━─┡┩╇┳┻┼┠┨└┘┌┐├┤┬┴]", " ", text).split())
    for item in sample.items:
        for word in item.status.split()[-3:]:  # the end of every status is shown
            assert word in flat, item.number


def test_a_short_report_has_nothing_cut() -> None:
    report = parse_bytes(page(row("1.1", status="Kort."), row("1.2")).encode(), "kort.txt")
    text = table(report, 100)
    assert "2 items: spoor 1: 2" in text
    assert "cut short" not in text


def test_parse_takes_full() -> None:
    result = CliRunner().invoke(cli.main, ["parse", str(TEXT_SAMPLE), "-f", "table", "--full"])
    assert result.exit_code == 0
    assert CUT_MARK not in result.stdout
    assert "36 items" in result.stdout
