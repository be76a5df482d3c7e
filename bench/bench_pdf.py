"""How much CPU voortgang takes to parse a PDF, against pdfplumber's own table extraction.

    python bench/bench_pdf.py [--rounds 3] [--pages 450] [--no-cold]

For each sample PDF, and a synthetic report of about ``--pages`` pages printed with reportlab
(the tests' renderer, so it needs the test extra), these are run in turn, ``--rounds`` times
each, and the median CPU time (user + system, of this process) of each kept:
``voortgang.parse_bytes`` (the whole structured parse) with the pdfium engine, the same with
the pdfplumber engine, and ``page.extract_tables()`` over all pages. It prints each engine's
ratio to extract_tables (the goal: at most 0.25 with pdfium, 0.15 on the long report), its
milliseconds a page, and the most memory the pdfium parse held at once, in all and a page.

"cold" runs each file once more as a user does, in a new process: ``voortgang parse FILE
--engine pdfium`` (``cold fa``) and ``--engine pdfplumber`` (``cold pl``) against a script
that imports pdfplumber and extracts the tables, imports counted (the children's CPU time);
its ratio is what a three-page file costs, start-up and all.
"""

from __future__ import annotations

import argparse
import io
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pdfplumber

from voortgang.parse import parse_bytes
from voortgang.parse.grid import Cell, Page, Paragraph, Row, Run
from voortgang.parse.pdf import PdfSettings
from voortgang.parse.text import read_text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def extract_tables(data: bytes) -> None:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_tables()
            page.close()


def seconds(work: Callable[[], object]) -> float:
    """CPU seconds ``work`` takes in this process."""
    start = time.process_time()
    work()
    return time.process_time() - start


def child_seconds(command: list[str]) -> float:
    """CPU seconds a new process running ``command`` takes, start-up and imports counted."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


TABLES_SCRIPT = (
    "import sys, pdfplumber\n"
    "with pdfplumber.open(sys.argv[1]) as pdf:\n"
    "    for page in pdf.pages: page.extract_tables()\n"
)


def cold_ratios(data: bytes) -> tuple[float, float]:
    """``voortgang parse FILE`` with each engine (pdfium, pdfplumber) against a script's
    extract_tables, each in a new process."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(data)
        file.flush()
        parse = [sys.executable, "-m", "voortgang", "parse", file.name, "-q", "--engine"]
        fast = child_seconds([*parse, "pdfium"])
        slow = child_seconds([*parse, "pdfplumber"])
        theirs = child_seconds([sys.executable, "-c", TABLES_SCRIPT, file.name])
    return fast / theirs, slow / theirs


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


def parse_with(engine: str) -> Callable[[bytes, str], object]:
    settings = PdfSettings(engine=engine)  # type: ignore[arg-type]
    return lambda data, name: parse_bytes(data, name, pdf_settings=settings)


def peak_memory(data: bytes) -> int:
    """The most memory the pdfium parse holds at once, in bytes (one extra, traced run; the
    memory pdfium takes in C is not traced)."""
    tracemalloc.start()
    parse_with("pdfium")(data, "traced")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def measure(name: str, data: bytes, rounds: int, cold: bool) -> str:
    pages = len(pdfplumber.open(io.BytesIO(data)).pages)
    items = len(parse_bytes(data, name).items)
    runs: dict[str, list[float]] = {"pdfium": [], "pdfplumber": [], "tables": []}
    for _ in range(rounds):  # in turn, so that all see the same machine
        for engine in ("pdfium", "pdfplumber"):
            read = parse_with(engine)
            runs[engine].append(seconds(lambda read=read: read(data, name)))
        runs["tables"].append(seconds(lambda: extract_tables(data)))
    fast, slow, tables = (statistics.median(runs[key]) for key in runs)
    peak = peak_memory(data) / 2**20
    cold_columns = "".join(f" {ratio:7.2f}" for ratio in cold_ratios(data)) if cold else ""
    return (
        f"{name[:46]:46} {pages:5d} {items:5d} {tables:8.3f}s {fast / tables:7.2f}"
        f" {slow / tables:7.2f} {1000 * fast / pages:8.1f} {1000 * slow / pages:8.1f}"
        f" {peak:7.1f} {1024 * peak / pages:7.0f}{cold_columns}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pages", type=int, default=450)
    parser.add_argument("--no-cold", action="store_true", help="leave out the new-process runs")
    options = parser.parse_args()
    inputs = [(path.name, path.read_bytes()) for path in sorted(ROOT.glob("samples/*.pdf"))]
    inputs.append(("sample printed with reportlab", synthetic_pdf(1)))
    inputs.append((f"sample copied to ~{options.pages} pages", synthetic_pdf(options.pages)))
    print("CPU seconds; ratio = voortgang / extract_tables; ms a page; memory of the pdfium parse")
    print(
        f"{'file':46} {'pages':>5} {'items':>5} {'tables':>9} {'pdfium':>7} {'plumber':>7}"
        f" {'ms/p fa':>8} {'ms/p pl':>8} {'peak MB':>7} {'KB/page':>7}"
        + ("" if options.no_cold else f" {'cold fa':>7} {'cold pl':>7}")
    )
    for name, data in inputs:
        print(measure(name, data, options.rounds, not options.no_cold), flush=True)


if __name__ == "__main__":
    main()
