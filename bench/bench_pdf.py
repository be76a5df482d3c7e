"""How long voortgang takes to parse a PDF, against pdfplumber's own table extraction.

    python bench/bench_pdf.py [--rounds 5] [--pages 200]

For each sample PDF, and a synthetic report of about ``--pages`` pages printed with reportlab
(the tests' renderer, so it needs the test extra), the two are run alternately, ``--rounds``
times each: ``voortgang.parse_bytes`` (the whole structured parse) and ``page.extract_tables()``
over all pages. It prints the median of each, their ratio (voortgang / extract_tables; the
target is at most 1.0), voortgang's time per page and the most memory it held at once, which
should both stay the same however long the report.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pdfplumber

from voortgang.parse import parse_bytes
from voortgang.parse.grid import Cell, Page, Paragraph, Row, Run
from voortgang.parse.text import read_text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def extract_tables(data: bytes) -> None:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            page.close()


def seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def renumbered(row: Row, copy: int) -> Row:
    """A table row with its item number moved to another track-local range, so that copies
    of the sample stay distinct items."""
    number = row.cells[0].text
    if not row.in_table or not number or not number[0].isdigit():
        return row
    first, _, rest = number.partition(".")
    cell = Cell((Paragraph((Run(f"{first}.{copy}{rest}"),)),))
    return Row((cell, *row.cells[1:]), row.in_table)


def synthetic_pdf(target_pages: int) -> bytes:
    """The sample report's rows, copied until it prints on about ``target_pages`` pages."""
    from pdf_rendering import PdfStyle, render_pdf

    sample = list(read_text((ROOT / "samples" / "voortgangsrapportage-2009.txt").read_bytes()))
    once = len(pdfplumber.open(io.BytesIO(render_pdf(sample, PdfStyle()))).pages)
    copies = max(1, round(target_pages / once))
    pages = [
        Page(None, tuple(renumbered(row, copy) for row in page.rows))
        for copy in range(1, copies + 1)
        for page in sample
    ]
    return render_pdf(pages, PdfStyle())


def peak_memory(data: bytes) -> int:
    """The most memory the parse holds at once, in bytes (one extra, traced run)."""
    tracemalloc.start()
    parse_bytes(data, "traced")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def measure(name: str, data: bytes, rounds: int) -> str:
    pages = len(pdfplumber.open(io.BytesIO(data)).pages)
    items = len(parse_bytes(data, name).items)
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(rounds):  # alternate, so that both see the same machine
        ours.append(seconds(lambda: parse_bytes(data, name)))
        theirs.append(seconds(lambda: extract_tables(data)))
    mine, tables = statistics.median(ours), statistics.median(theirs)
    return (
        f"{name:46} {pages:5d} {items:5d} {mine:9.3f}s {tables:9.3f}s {mine / tables:6.2f}"
        f" {1000 * mine / pages:8.1f} {peak_memory(data) / 2**20:7.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--pages", type=int, default=200)
    options = parser.parse_args()
    inputs = [(path.name, path.read_bytes()) for path in sorted(ROOT.glob("samples/*.pdf"))]
    inputs.append(("sample printed with reportlab", synthetic_pdf(1)))
    inputs.append((f"sample copied to ~{options.pages} pages", synthetic_pdf(options.pages)))
    print(
        f"{'file':46} {'pages':>5} {'items':>5} {'voortgang':>10} {'tables':>10} {'ratio':>6}"
        f" {'ms/page':>8} {'peak MB':>7}"
    )
    for name, data in inputs:
        print(measure(name, data, options.rounds), flush=True)


if __name__ == "__main__":
    main()
