"""Input that is not a readable report: one clear line, exit code 2, nothing else."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner
from reportlab.pdfgen.canvas import Canvas

from voortgang import cli
from voortgang.parse.text import read_text

from conftest import SAMPLES, TEXT_SAMPLE
from pdf_rendering import PdfStyle, render_pdf

SAMPLE_PDF = SAMPLES / "voortgangsrapportage-2009-portrait-plain.pdf"


def drawing_only_pdf() -> bytes:
    """A page with shapes and no text, as a scan without a text layer is."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.rect(50, 50, 400, 700, fill=1)
    canvas.save()
    return buffer.getvalue()


def text_pdf(*lines: str) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for index, line in enumerate(lines):
        canvas.drawString(50, 780 - 14 * index, line)
    canvas.save()
    return buffer.getvalue()


def encrypted_pdf() -> bytes:
    pages = list(read_text(TEXT_SAMPLE.read_bytes()))
    return render_pdf(pages, PdfStyle(password="geheim"))


BAD_INPUTS = {
    "truncated.pdf": (lambda: SAMPLE_PDF.read_bytes()[:3000], "not a readable PDF"),
    "fake.pdf": (lambda: b"%PDF-1.4\nnot really", "not a readable PDF"),
    "scan.pdf": (drawing_only_pdf, "the PDF has no text layer"),
    "prose.pdf": (lambda: text_pdf("Een brief zonder tabel."), "no table with the columns"),
    "wrong.pdf": (lambda: text_pdf("Naam      Adres      Plaats"), "no table with the columns"),
    "encrypted.pdf": (encrypted_pdf, "the PDF is encrypted; pass --password"),
    "binary.html": (lambda: bytes(range(256)) * 8, "not a PDF, HTML or text rendition"),
    "table.html": (
        lambda: b"<html><table><tr><th>Naam</th><th>Adres</th></tr></table></html>",
        "no table with the columns",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_and_exit_2(name: str, tmp_path: Path) -> None:
    make, message = BAD_INPUTS[name]
    path = tmp_path / name
    path.write_bytes(make())
    target = tmp_path / "out.json"
    result = CliRunner().invoke(cli.main, ["parse", str(path), "-o", str(target)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"voortgang: error: {path}: {message}")
    assert result.stderr.count("\n") == 1
    assert not target.exists()


def test_the_password_opens_an_encrypted_pdf(tmp_path: Path) -> None:
    path = tmp_path / "encrypted.pdf"
    path.write_bytes(encrypted_pdf())
    wrong = CliRunner().invoke(cli.main, ["parse", str(path), "--password", "fout"])
    assert (wrong.exit_code, wrong.stderr) == (
        2,
        f"voortgang: error: {path}: the PDF's password is not right\n",
    )
    right = CliRunner().invoke(cli.main, ["parse", str(path), "--password", "geheim"])
    assert right.exit_code == 0
    assert '"number": "3.3"' in right.stdout


def test_html_in_windows_1252_without_a_declaration_is_read_right(tmp_path: Path) -> None:
    html = "<table><tr><td></td><td>Resultaat</td><td>Deadline</td><td>Trekker</td>"
    html += "<td>Stand van zaken</td></tr><tr><td>1.1</td><td>Caïro</td><td></td><td></td>"
    html += "<td>geïnformeerd, enquête</td></tr></table>"
    path = tmp_path / "report.html"
    path.write_bytes(html.encode("cp1252"))
    result = CliRunner().invoke(cli.main, ["parse", str(path), "-f", "jsonl"])
    assert '"title": "Caïro"' in result.stdout
    assert "geïnformeerd, enquête" in result.stdout
