"""Enormous input: a cell of megabytes, markup nested thousands deep. Read in time and
memory linear in the input, and without running out of stack."""

from __future__ import annotations

import sys
import time
import tracemalloc
from itertools import groupby

from hypothesis import given, settings
from hypothesis import strategies as st

from voortgang.parse.grid import Run, normalise_runs
from voortgang.parse.html import read_html
from voortgang.parse.text import read_text

from conftest import TEXT_SAMPLE

DEEP = sys.getrecursionlimit() + 200  # deeper than recursion can go


def normalise_runs_per_character(runs: list[Run]) -> list[Run]:
    """The first normalise_runs, a tuple per character (90 bytes of memory per byte of text),
    kept as the reference the linear one must agree with."""
    chars: list[tuple[str, bool, bool]] = []
    for run in runs:
        for char in run.text:
            if not char.isspace():
                chars.append((char, run.italic, run.bold))
            elif chars and chars[-1][0] != " ":
                chars.append((" ", run.italic, run.bold))
    if chars and chars[-1][0] == " ":
        chars.pop()
    return [
        Run("".join(char for char, _, _ in group), italic, bold)
        for (italic, bold), group in groupby(chars, key=lambda c: (c[1], c[2]))
    ]


RUNS = st.lists(
    st.builds(
        Run,
        st.text(st.sampled_from("ab \t\n\xa0\u2003\x1c.")),
        st.booleans(),
        st.booleans(),
    ),
    max_size=8,
)


@settings(derandomize=True, database=None, deadline=None, max_examples=300)
@given(RUNS)
def test_normalise_runs_agrees_with_the_per_character_reference(runs: list[Run]) -> None:
    assert normalise_runs(runs) == normalise_runs_per_character(runs)


def test_normalising_megabytes_takes_memory_linear_in_them() -> None:
    text = "Nuansa heeft   vragen\tbeantwoord. " * 60_000  # 2 MB
    tracemalloc.start()
    try:
        (run,) = normalise_runs([Run(text), Run("  ", italic=True)])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert run.text == " ".join(text.split())
    assert peak < 15 * len(text), peak  # the per-character version took 70 times


def test_a_text_rendition_with_a_cell_of_megabytes_is_read_whole() -> None:
    lines = TEXT_SAMPLE.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith("1.1\t"))
    cells = lines[index].split("\t")
    cells[-1] = "Nuansa heeft vragen beantwoord. " * 100_000  # 3 MB
    lines[index] = "\t".join(cells)
    started = time.perf_counter()
    pages = list(read_text("\n".join(lines).encode()))
    took = time.perf_counter() - started
    (row,) = [row for page in pages for row in page.rows if row.cells[0].text == "1.1"]
    assert row.cells[-1].text == cells[-1].strip()
    assert took < 10, took


def test_markup_nested_deeper_than_the_stack_is_read() -> None:
    cell = "<span>" * DEEP + "diep <i>schuin</i>" + "</span>" * DEEP
    divs = "<div>" * (DEEP - 150)  # each costs a scan of all inside it: keep this shallower
    html = f"<html><body>{divs}<table><tr><td>1.1</td><td>{cell}</td></tr></table>"
    (page,) = read_html(html.encode())
    assert [cell.text for cell in page.rows[0].cells] == ["1.1", "diep schuin"]
    (page,) = read_text(f"1.1\t{'<b>' * DEEP}diep <i>schuin</i>\n".encode())
    assert page.rows[0].cells[1].paragraphs[0].runs == (
        Run("diep ", bold=True),
        Run("schuin", italic=True, bold=True),
    )
