"""How long voortgang takes to read a Word document, against the PDF printed from it.

    python bench/bench_docx.py [--rounds 5] [--copies 17]

For each sample DOCX and the PDF LibreOffice printed from it (samples/, same name), and for a
Word document of the sample's rows copied ``--copies`` times (made with the tests' renderer,
``tests/docx_making.py``, so it needs python-docx), ``voortgang.parse_bytes`` is run on the
DOCX and on the PDF alternately, ``--rounds`` times each. It prints the medians, their ratio
(DOCX / PDF; the issue's target: below 1.0), the DOCX's items and the most memory its parse
held at once.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from voortgang.parse import parse_bytes
from voortgang.parse.grid import Page
from voortgang.parse.text import read_text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from bench_pdf import peak_memory, renumbered, seconds  # noqa: E402


def synthetic_docx(copies: int) -> bytes:
    """The sample report's rows copied ``copies`` times, as one Word table."""
    from docx_making import render_docx

    sample = list(read_text((ROOT / "samples" / "voortgangsrapportage-2009.txt").read_bytes()))
    pages = [
        Page(None, tuple(renumbered(row, copy) for row in page.rows))
        for copy in range(1, copies + 1)
        for page in sample
    ]
    return render_docx(pages)


def measure(name: str, docx: bytes, pdf: bytes | None, rounds: int) -> str:
    items = len(parse_bytes(docx, name).items)
    docx_times: list[float] = []
    pdf_times: list[float] = []
    for _ in range(rounds):  # alternate, so that both see the same machine
        docx_times.append(seconds(lambda: parse_bytes(docx, name)))
        if pdf is not None:
            pdf_times.append(seconds(lambda: parse_bytes(pdf, name)))
    mine = statistics.median(docx_times)
    if pdf_times:
        theirs = statistics.median(pdf_times)
        pdf_part = f"{theirs:9.3f}s {mine / theirs:6.3f}"
    else:
        pdf_part = f"{'-':>10} {'-':>6}"
    return f"{name:52} {items:5d} {mine:9.3f}s {pdf_part} {peak_memory(docx) / 2**20:7.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--copies", type=int, default=17)
    options = parser.parse_args()
    print(f"{'file':52} {'items':>5} {'docx':>10} {'pdf':>10} {'ratio':>6} {'peak MB':>7}")
    for path in sorted(ROOT.glob("samples/*.docx")):
        pdf = path.with_suffix(".pdf")
        pdf_data = pdf.read_bytes() if pdf.exists() else None
        print(measure(path.name, path.read_bytes(), pdf_data, options.rounds), flush=True)
    name = f"sample copied {options.copies} times (no PDF)"
    print(measure(name, synthetic_docx(options.copies), None, options.rounds), flush=True)


if __name__ == "__main__":
    main()
