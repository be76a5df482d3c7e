"""Input that is not a readable report: one line on stderr, ``voortgang: error: <path>:
<problem>``, exit code 2, nothing else; for parse and for check. And input that looks bad but
is a report (another encoding, an enormous cell) read right."""

from __future__ import annotations

import io
import json
import random
import re
import tracemalloc
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image, ImageDraw
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from voortgang import cli
from voortgang.errors import InputError
from voortgang.parse import parse_bytes
from voortgang.parse.text import read_text

from conftest import HTML_SAMPLE, ROOT, SAMPLES, TEXT_SAMPLE
from pdf_rendering import PdfStyle, render_pdf

SAMPLE_PDF = SAMPLES / "voortgangsrapportage-2009-portrait-plain.pdf"
NO_TABLE = "no table with a title and status column"
NOT_A_REPORT = "not a PDF, Word (DOCX), HTML or text rendition of a report (binary content)"


def drawing_only_pdf() -> bytes:
    """A page with shapes and no text."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.rect(50, 50, 400, 700, fill=1)
    canvas.save()
    return buffer.getvalue()


def image_only_pdf() -> bytes:
    """A page that is one picture of a table, as a scanner makes it: no text layer."""
    picture = Image.new("L", (600, 800), 255)
    draw = ImageDraw.Draw(picture)
    for y in range(60, 760, 24):
        draw.line((40, y, 560, y), fill=0, width=2)
    draw.text((50, 20), "Resultaat   Deadline   Trekker   Stand van zaken", fill=0)
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawImage(ImageReader(picture), 0, 0, width=595, height=842)
    canvas.save()
    return buffer.getvalue()


def text_pdf(*lines: str) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for index, line in enumerate(lines):
        canvas.drawString(50, 780 - 14 * index, line)
    canvas.save()
    return buffer.getvalue()


def table_html(first_headers: str, row: str) -> bytes:
    """A table headed ``first_headers`` and the report's other three columns, and ``row``."""
    headers = first_headers + "<th>Deadline</th><th>Trekker</th><th>Stand van zaken</th>"
    body = f"<tr>{row}</tr>" if row else ""
    return f"<html><table><tr>{headers}</tr>{body}</table></html>".encode()


@cache
def encrypted_pdf() -> bytes:
    pages = list(read_text(TEXT_SAMPLE.read_bytes()))
    return render_pdf(pages, PdfStyle(password="geheim"))


def ole2(*streams: str) -> bytes:
    """An OLE2 compound file's start: its magic, and directory entries naming ``streams``
    (UTF-16, as Word 97-2003 and an encrypted Office document write them)."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    entries = b"".join(name.encode("utf-16-le").ljust(128, b"\0") for name in streams)
    return header + entries + bytes(1024)


def zip_of(name: str, content: bytes) -> bytes:
    """A ZIP archive of one file."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, content)
    return buffer.getvalue()


@cache
def zip_bomb() -> bytes:
    """A DOCX of about 70 KB whose document.xml inflates to 80 MB of spaces, written a
    megabyte at a time."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive,
        archive.open("word/document.xml", "w", force_zip64=True) as part,
    ):
        part.write(b"<w:document>")
        for _ in range(80):
            part.write(b" " * 2**20)
    return buffer.getvalue()


DOCX_SAMPLE = SAMPLES / "voortgangsrapportage-2009-portrait-plain.docx"
DOC_HINT = "soffice --headless --convert-to docx FILE"

# file name -> (its bytes, or None for no file; the problem the error line names)
BAD_INPUTS: dict[str, tuple[Callable[[], bytes] | None, str]] = {
    "missing.pdf": (None, "no such file"),
    "empty.txt": (lambda: b"", "the file is empty"),
    "blank.html": (lambda: b" \n\t\n", "the file is empty"),
    "random.pdf": (lambda: random.Random(7).randbytes(5000), NOT_A_REPORT),
    "binary.html": (lambda: bytes(range(256)) * 8, NOT_A_REPORT),
    "truncated.pdf": (
        lambda: SAMPLE_PDF.read_bytes()[:3000],
        "not a readable PDF: PSEOF: Unexpected EOF",
    ),
    "fake.pdf": (
        lambda: b"%PDF-1.4\nnot really",
        "not a readable PDF: PDFSyntaxError: No /Root object! - Is this really a PDF?",
    ),
    "encrypted.pdf": (encrypted_pdf, "the PDF is encrypted; pass --password"),
    "scan.pdf": (image_only_pdf, "the PDF has no text layer (a scan?); run OCR on it first"),
    "drawing.pdf": (
        drawing_only_pdf,
        "the PDF has no text layer (a scan?); run OCR on it first",
    ),
    "prose.pdf": (lambda: text_pdf("Een brief zonder tabel."), NO_TABLE),
    "columns.pdf": (lambda: text_pdf("Naam      Adres      Plaats"), NO_TABLE),
    "no-table.html": (lambda: b"<html><body><p>Geen tabel</p></body></html>", NO_TABLE),
    "columns.html": (
        lambda: b"<html><table><tr><th>Naam</th><th>Adres</th></tr></table></html>",
        f'{NO_TABLE} (the first table row has "Naam", "Adres"); name a heading\'s field with '
        "--column HEADING=FIELD",
    ),
    "no-numbers.html": (
        lambda: table_html(
            "<th>Resultaat</th>", "<td>Titel</td><td>2009</td><td>BZK</td><td>Ja</td>"
        ),
        "the table has no column for the item numbers",
    ),
    "header-only.html": (
        lambda: table_html("<th>Nr</th><th>Resultaat</th>", ""),
        "the report's table has no items",
    ),
    "report.doc": (
        lambda: ole2("Root Entry", "WordDocument", "1Table"),
        f"a Word 97-2003 document (.doc); convert it to DOCX first: {DOC_HINT}",
    ),
    "encrypted.docx": (
        lambda: ole2("Root Entry", "EncryptionInfo", "EncryptedPackage"),
        "the Word document is encrypted (password-protected); save it without a password",
    ),
    "workbook.xls": (
        lambda: ole2("Root Entry", "Workbook"),
        f"an old Office file (OLE2), not a report voortgang reads; for Word: {DOC_HINT}",
    ),
    "truncated.docx": (
        lambda: DOCX_SAMPLE.read_bytes()[:3000],
        "a damaged Word document (not a readable ZIP archive: File is not a zip file)",
    ),
    "spreadsheet.docx": (
        lambda: zip_of("content.xml", b"<office:document/>"),
        "a ZIP archive but not a Word document (no word/document.xml in it)",
    ),
    "malformed.docx": (
        lambda: zip_of("word/document.xml", b"<document><body>"),
        "a damaged Word document (word/document.xml is not well-formed XML: Premature end of"
        " data in tag body line 1, line 1, column 17 (<string>, line 1))",
    ),
    "bomb.docx": (
        zip_bomb,
        "the Word document's word/document.xml inflates to more than 64 MB (a ZIP bomb?); not read",
    ),
    "notes.txt": (
        lambda: b"# Notities\n\nEen tekst zonder tabel.\n",
        "not a PDF, Word (DOCX), HTML or text rendition of a report (no table found)",
    ),
}


@pytest.fixture(params=sorted(BAD_INPUTS))
def bad_input(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, str]:
    """A bad input, as a file in tmp_path, and the problem its error line names."""
    make, problem = BAD_INPUTS[request.param]
    path = tmp_path / request.param
    if make is not None:
        path.write_bytes(make())
    return path, problem


def test_parse_says_one_line_exits_2_and_writes_nothing(bad_input: tuple[Path, str]) -> None:
    path, problem = bad_input
    target = path.parent / "out.json"
    result = CliRunner().invoke(cli.main, ["parse", str(path), "-o", str(target)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"voortgang: error: {path}: {problem}\n"
    assert not target.exists()


def test_check_says_one_line_and_exits_2(bad_input: tuple[Path, str]) -> None:
    path, problem = bad_input
    result = CliRunner().invoke(cli.main, ["check", str(path)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"voortgang: error: {path}: {problem}\n"


@pytest.mark.parametrize(
    ("command", "suffixes"),
    [
        ("parse", ".pdf, .docx, .html, .htm or .txt"),
        ("check", ".pdf, .docx, .html, .htm, .txt, .json, .jsonl or .ndjson"),
    ],
)
def test_a_folder_without_report_files_is_bad_input(
    command: str, suffixes: str, tmp_path: Path
) -> None:
    """A folder stands for the report files in it: one with none is what a directory was
    before folders were inputs."""
    folder = tmp_path / "reports"
    (folder / "2009").mkdir(parents=True)
    (folder / "notes.md").write_text("geen rapport")
    (folder / ".hidden.pdf").write_bytes(SAMPLE_PDF.read_bytes())
    target = tmp_path / "out.json"
    options = ["-o", str(target)] if command == "parse" else []
    result = CliRunner().invoke(cli.main, [command, str(folder), *options])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"voortgang: error: {folder}: a folder with no {suffixes} files in it "
        "(its subfolders are not read)\n"
    )
    assert not target.exists()


def test_a_broken_link_in_a_folder_is_told_not_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_bytes(TEXT_SAMPLE.read_bytes())
    (folder / "b.pdf").symlink_to(tmp_path / "gone.pdf")
    result = CliRunner().invoke(cli.main, ["parse", str(folder), "-f", "jsonl"])
    assert result.exit_code == 1
    assert result.stderr == f"voortgang: error: {folder / 'b.pdf'}: no such file\n"
    assert len(result.stdout.splitlines()) == 36


@pytest.mark.parametrize("command", ["parse", "check"])
def test_the_password_opens_an_encrypted_pdf(command: str, tmp_path: Path) -> None:
    path = tmp_path / "encrypted.pdf"
    path.write_bytes(encrypted_pdf())
    for password in ("fout", ""):  # an empty one was passed too: it is not right
        wrong = CliRunner().invoke(cli.main, [command, str(path), "--password", password])
        assert (wrong.exit_code, wrong.stderr) == (
            2,
            f"voortgang: error: {path}: the PDF's password is not right\n",
        )
    right = CliRunner().invoke(cli.main, [command, str(path), "--password", "geheim"])
    assert (right.exit_code, right.stderr) == (0, "")
    if command == "parse":
        assert '"number": "3.3"' in right.stdout
    else:
        assert right.stdout.endswith("1 info in 1 file\n")


def test_html_in_windows_1252_without_a_declaration_is_read_right(tmp_path: Path) -> None:
    html = "<table><tr><td></td><td>Resultaat</td><td>Deadline</td><td>Trekker</td>"
    html += "<td>Stand van zaken</td></tr><tr><td>1.1</td><td>Caïro</td><td></td><td></td>"
    html += "<td>geïnformeerd, één enquête</td></tr></table>"
    path = tmp_path / "report.html"
    path.write_bytes(html.encode("cp1252"))
    result = CliRunner().invoke(cli.main, ["parse", str(path), "-f", "jsonl"])
    assert '"title": "Caïro"' in result.stdout
    assert "geïnformeerd, één enquête" in result.stdout


def test_a_text_rendition_in_windows_1252_reads_as_in_utf_8(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(TEXT_SAMPLE.read_text(encoding="utf-8").encode("cp1252"))
    result = CliRunner().invoke(cli.main, ["parse", str(path), "-f", "json"])
    utf_8 = CliRunner().invoke(cli.main, ["parse", str(TEXT_SAMPLE), "-f", "json"])
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout)["items"] == json.loads(utf_8.stdout)["items"]
    assert "geïnformeerd" in result.stdout
    assert "moskeeën" in result.stdout
    check = CliRunner().invoke(cli.main, ["check", str(path)])
    assert (check.exit_code, check.stdout.splitlines()[-1]) == (0, "1 info in 1 file")


@pytest.mark.parametrize("sample", [TEXT_SAMPLE, HTML_SAMPLE], ids=["text", "html"])
def test_an_enormous_cell_is_read_whole(sample: Path, tmp_path: Path) -> None:
    cell = "Nuansa heeft vragen beantwoord. " * 40_000  # 1.3 MB
    data = sample.read_text(encoding="utf-8")
    at = data.index("Nuansa heeft")
    path = tmp_path / f"enormous{sample.suffix}"
    path.write_text(data[:at] + cell + data[at:], encoding="utf-8")
    result = CliRunner().invoke(cli.main, ["parse", str(path), "-f", "json"])
    assert (result.exit_code, result.stderr) == (0, "")
    (item,) = [item for item in json.loads(result.stdout)["items"] if item["number"] == "1.1"]
    assert item["status"].startswith(cell.strip() + " Nuansa heeft")


def test_a_zip_bomb_is_refused_without_being_inflated() -> None:
    """Refused from the size its directory declares: far less memory than it inflates to."""
    data = zip_bomb()
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="ZIP bomb"):
            parse_bytes(data, "bomb.docx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(data) < 2**20 and peak < 8 * 2**20


def test_a_zip_bomb_that_declares_a_small_size_is_refused_too() -> None:
    """Its directory lies (document.xml declared 100 bytes): no more than those are inflated,
    and the check of the contents finds the damage."""
    data = bytearray(zip_of("word/document.xml", b"<w:document>" + b" " * 2**22))
    directory = data.rindex(b"PK\x01\x02")
    data[directory + 24 : directory + 28] = (100).to_bytes(4, "little")  # uncompressed size
    with pytest.raises(InputError, match=r"^a damaged Word document"):
        parse_bytes(bytes(data), "liar.docx")


def test_the_parse_page_tells_the_problems_as_they_are_told() -> None:
    page = (ROOT / "docs" / "parse.md").read_text(encoding="utf-8")
    table = page.split("| input | the problem it is told as |\n", 1)[1].split("\n\n", 1)[0]
    told = re.findall(r"^\| .+ \| `([^`]+)`", table, re.MULTILINE)
    tested = {problem for _, problem in BAD_INPUTS.values()}
    tested |= {
        "a folder with no .pdf, .docx, .html, .htm or .txt files in it",
        "the PDF's password is not right",
        "Permission denied",  # test_hostile, as a user without root's powers
    }
    assert len(told) == 19
    assert set(told) <= tested, set(told) - tested
