"""Try the PDF reader on Word layouts nobody tuned it for, with the DOCX reading as the truth.

    python scripts/trial_layouts.py OUTDIR [--count 30] [--seed 1] [--family]

Draws COUNT random reports (tests/strategies.py), writes each as a Word document of one of the
two Word shapes (tests/docx_making.py: one long table with list numbering, or a table per
track) in a random font, size and page orientation, with random column widths (narrow ones
included) and borders (all, horizontal only, top and bottom, none), prints each to PDF with
LibreOffice, and reads both. The DOCX reader reads exactly; the PDF reading of a layout it
does not know may differ. Each document is then one of:

    ok        the PDF reads as the DOCX does
    flagged   it does not, and a reading rule (VG5xx) warns (exit 1): never silent
    silent    it does not, and nothing warns: a defect of the reader
    error     the PDF is refused with one line (exit 2)

and for the others the first lines of the JSON difference are printed. The documents stay in
OUTDIR to look at with ``voortgang debug``. Needs the dev and test extras and LibreOffice
(``soffice``); a run of 30 takes a few minutes, most of it LibreOffice's.
"""

from __future__ import annotations

import argparse
import difflib
import io
import json
import random
import subprocess
import sys
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

FONTS = ("Liberation Sans", "Liberation Serif", "Carlito", "DejaVu Sans", "Liberation Sans Narrow")
EDGES = (
    ("top", "left", "bottom", "right", "insideH", "insideV"),
    ("insideH", "top", "bottom"),
    ("top", "bottom"),
    (),
)
SHOWN_LINES = 6


def borders(table, edges: tuple[str, ...]) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{edge}")
        border.set(qn("w:val"), "single" if edge in edges else "nil")
        border.set(qn("w:sz"), "4")
        element.append(border)
    table._tbl.tblPr.append(element)


def make_document(rng: random.Random, family: bool) -> tuple[bytes, dict]:
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    from docx_making import render_docx, render_docx_tracks
    from strategies import reports

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        generated = reports(broken_rows=False, family=family).example()
    shape = rng.choice((render_docx, render_docx_tracks))
    document = Document(io.BytesIO(shape(generated.pages)))
    font, size = rng.choice(FONTS), rng.choice((8, 9, 10, 11))
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = font, Pt(size)
    fonts = normal.element.get_or_add_rPr().find(qn("w:rFonts"))
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), font)
    section = document.sections[0]
    landscape = rng.random() < 0.3
    if landscape:
        section.page_width, section.page_height = section.page_height, section.page_width
    room = (section.page_width - section.left_margin - section.right_margin) / 360000  # cm
    edges = rng.choice(EDGES)
    for table in document.tables:
        columns = len(table.columns)
        widths = [rng.uniform(0.8, 2.0)] + [rng.uniform(1.2, 6.0) for _ in range(columns - 1)]
        scale = min(1.0, room / sum(widths))
        widths = [width * scale for width in widths]
        table.autofit = False
        for row in table.rows:
            for cell, width in zip(row.cells, widths + widths[-1:] * columns, strict=False):
                cell.width = Cm(width)
        for column, width in zip(table.columns, widths, strict=False):
            column.width = Cm(width)
        borders(table, edges)
    buffer = io.BytesIO()
    document.save(buffer)
    about = {"shape": shape.__name__, "font": font, "size": size, "landscape": landscape}
    return buffer.getvalue(), about | {"borders": list(edges)}


def judge(docx: Path, pdf: Path) -> tuple[str, list[str]]:
    from voortgang import reading_problems
    from voortgang.errors import InputError
    from voortgang.parse import parse_bytes

    truth = parse_bytes(docx.read_bytes(), docx.name)
    try:
        read = parse_bytes(pdf.read_bytes(), pdf.name)
    except InputError as error:
        return "error", [str(error)]
    problems = [d.code for d in reading_problems(read)]
    want = [item.model_dump(exclude={"pages"}) for item in truth.items]
    got = [item.model_dump(exclude={"pages"}) for item in read.items]
    if want == got:
        return "ok", problems
    lines = [
        line
        for line in difflib.unified_diff(
            json.dumps(want, indent=0, ensure_ascii=False).splitlines(),
            json.dumps(got, indent=0, ensure_ascii=False).splitlines(),
            lineterm="",
            n=0,
        )
        if not line.startswith(("---", "+++", "@@"))
    ]
    return ("flagged" if problems else "silent"), [" ".join(problems[:6]), *lines[:SHOWN_LINES]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--family", action="store_true", help="other reports of the family")
    options = parser.parse_args()
    outdir: Path = options.outdir
    outdir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(options.seed)
    about = {}
    for index in range(options.count):
        data, about[f"layout-{index:03d}"] = make_document(rng, options.family)
        (outdir / f"layout-{index:03d}.docx").write_bytes(data)
    (outdir / "layouts.json").write_text(json.dumps(about, indent=1))
    documents = sorted(str(outdir / f"{name}.docx") for name in about)
    profile = (outdir / ".lo-profile").resolve().as_uri()
    command = ["soffice", f"-env:UserInstallation={profile}", "--headless"]
    subprocess.run(
        [*command, "--convert-to", "pdf", "--outdir", str(outdir), *documents],
        check=True,
        capture_output=True,
    )
    counts: dict[str, int] = {}
    for name in sorted(about):
        verdict, details = judge(outdir / f"{name}.docx", outdir / f"{name}.pdf")
        counts[verdict] = counts.get(verdict, 0) + 1
        print(name, verdict, json.dumps(about[name]))
        for line in details if verdict != "ok" else ():
            print("   ", line[:160])
    print(" ".join(f"{verdict} {count}" for verdict, count in sorted(counts.items())))


if __name__ == "__main__":
    main()
