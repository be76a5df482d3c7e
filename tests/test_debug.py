"""voortgang debug: a picture per page of how it was read, and the index page beside them."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from test_bad_input import encrypted_pdf

from voortgang import cli
from voortgang.debug import (
    COLUMN,
    FURNITURE,
    LEGEND,
    ROW_CUT,
    ROW_CUT_ABOVE,
    SUB_ITEM,
    DebugReading,
    index_html,
    marks_of,
    read_for_debug,
    report_warnings,
    warnings_by_page,
)

from conftest import ROOT, SAMPLES

RULED = SAMPLES / "voortgangsrapportage-2009-landscape-ruled.pdf"
RESOLUTION = 100
# How far a drawn colour may be from the legend's, per channel: the PNG's palette is
# quantized to 256 colours.
TOLERANCE = 40


def debug(*arguments: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli.main, ["debug", *arguments])
    return result.exit_code, result.stderr


@pytest.fixture(scope="module")
def ruled_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("debug") / "ruled"
    code, stderr = debug(str(RULED), "-o", str(out), "--resolution", str(RESOLUTION))
    assert code == 0, stderr
    return out


@pytest.fixture(scope="module")
def ruled() -> DebugReading:
    return read_for_debug(RULED.read_bytes(), str(RULED))


def near(pixel: tuple[int, ...], colour: tuple[int, ...]) -> bool:
    return all(abs(a - b) <= TOLERANCE for a, b in zip(pixel[:3], colour[:3], strict=True))


def test_a_picture_per_page_of_the_pages_size(ruled_out: Path, ruled: DebugReading) -> None:
    names = sorted(path.name for path in ruled_out.glob("page-*.png"))
    assert names == [f"page-{n:03d}.png" for n in range(1, ruled.page_count + 1)]
    for name, (_, reading) in zip(names, ruled.pages, strict=True):
        with Image.open(ruled_out / name) as image:
            image.verify()
        with Image.open(ruled_out / name) as image:
            width, height = image.size
        assert abs(width - reading.width * RESOLUTION / 72) < 1
        assert abs(height - reading.height * RESOLUTION / 72) < 1
    assert (ruled_out / "index.html").is_file()
    assert (ruled_out / "records.json").read_text(encoding="utf-8").startswith("{")


def test_rows_are_labelled_with_the_items_their_rows_went_to(ruled: DebugReading) -> None:
    report = ruled.report
    assert report is not None
    seen: set[int] = set()
    for page, reading in ruled.pages:
        marks = marks_of(ruled, reading)
        for table, rows in zip(reading.tables, marks.rows, strict=True):
            assert [mark.band for mark in rows] == list(table.rows)
            for mark in rows:
                if mark.item is None:
                    continue
                seen.add(mark.item)
                item = report.items[mark.item]
                assert mark.label.split(" ")[0] == item.number
                assert reading.number in item.pages
                printed = page.rows[mark.band.row].cells[0].text.strip()
                if mark.band.kind == "continuation":
                    assert mark.label.endswith("(cont.)")
                elif printed:
                    assert printed.rstrip(".") == item.number
    assert seen == set(range(len(report.items)))


def test_the_drawn_bounds_and_cuts_are_the_readers(ruled_out: Path, ruled: DebugReading) -> None:
    _, reading = ruled.pages[2]
    (table,) = reading.tables
    scale = RESOLUTION / 72
    band = max(table.rows, key=lambda band: band.bottom - band.top)  # a tall row
    y = round((band.top + band.bottom) / 2 * scale)
    with Image.open(ruled_out / "page-003.png") as image:
        pixels = image.convert("RGB")
    for x in table.bounds:
        column = [pixels.getpixel((round(x * scale) + dx, y)) for dx in (-1, 0, 1)]
        assert any(near(pixel, COLUMN.colour) for pixel in column), (x, column)
    middle = round((table.bounds[1] + table.bounds[2]) / 2 * scale)
    for row in table.rows:
        cut = round((row.top - ROW_CUT_ABOVE) * scale)
        line = [pixels.getpixel((middle, cut + dy)) for dy in (-1, 0, 1)]
        assert any(near(pixel, ROW_CUT.colour) for pixel in line), (row, line)
    # Between the bounds and away from the cuts, the page is as it was printed.
    blank = pixels.getpixel((middle, round((band.bottom - ROW_CUT_ABOVE) * scale) - 2))
    assert not near(blank, COLUMN.colour) and not near(blank, ROW_CUT.colour)


def test_page_furniture_is_greyed_and_sub_items_marked(
    ruled_out: Path, ruled: DebugReading
) -> None:
    _, reading = ruled.pages[2]
    marks = marks_of(ruled, reading)
    assert [start.label for _, start in marks.sub_items if not start.inline][:6] == list("abcdef")
    scale = RESOLUTION / 72
    with Image.open(ruled_out / "page-003.png") as image:
        pixels = image.convert("RGB")
    box, _ = next((box, start) for box, start in marks.sub_items if start.label == "a")
    x0, _, x1, bottom = (round(v * scale) for v in box)
    edge = [pixels.getpixel((x, bottom + dy)) for x in range(x0, x1) for dy in (-2, -1, 0)]
    assert any(near(pixel, SUB_ITEM.colour) for pixel in edge)
    # The heading, in Word's page header on every page, is furniture: the white between its
    # letters is grey.
    assert not reading.free_text
    heading = reading.furniture[0]
    middle = round((heading.top + heading.bottom) / 2 * scale)
    row = [
        pixels.getpixel((x, middle))
        for x in range(*(round(v * scale) for v in (heading.x0, heading.x1)))
    ]
    lightest = max(row)
    red, green, blue, alpha = FURNITURE.colour
    # White under the fill, as Pillow blends it.
    expected = tuple(round(255 + (c - 255) * alpha / 255) for c in (red, green, blue))
    assert near(lightest, expected) and lightest < (250, 250, 250)


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.images: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag in ("a", "area") and found.get("href"):
            self.hrefs.append(str(found["href"]))
        if tag == "img":
            self.images.append(str(found["src"]))


def test_the_index_links_each_items_number_to_its_record(
    ruled_out: Path, ruled: DebugReading
) -> None:
    text = (ruled_out / "index.html").read_text(encoding="utf-8")
    links = Links()
    links.feed(text)
    assert links.images == [f"page-{n:03d}.png" for n in range(1, ruled.page_count + 1)]
    for href in links.hrefs:
        if href.startswith("#"):
            assert href[1:] in links.ids, href
        else:
            assert (ruled_out / href).is_file(), href
    assert ruled.report is not None
    for item in ruled.report.items:
        assert f"item-{item.number}" in links.ids
        assert f'href="#item-{item.number}"' in text
    assert "alignment" in text and "wrap spaces" in text
    assert all(swatch.meaning in text for swatch in (COLUMN, ROW_CUT, SUB_ITEM))


def test_only_the_pages_asked_for_are_drawn(tmp_path: Path) -> None:
    code, stderr = debug(str(RULED), "-o", str(tmp_path), "--pages", "2-3,5", "--resolution", "36")
    assert code == 0, stderr
    assert sorted(p.name for p in tmp_path.glob("*.png")) == [
        "page-002.png",
        "page-003.png",
        "page-005.png",
    ]
    code, stderr = debug(str(RULED), "-o", str(tmp_path / "more"), "--pages", "9-12")
    assert code == 2
    assert stderr == f"voortgang: error: {RULED}: no page 11, 12: the PDF has 10 pages\n"
    assert not (tmp_path / "more").exists()


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("voortgangsrapportage-2009.html", "html"),
        ("voortgangsrapportage-2009.txt", "text"),
        ("voortgangsrapportage-2009-portrait-plain.docx", "docx"),
    ],
)
def test_debug_is_for_pdf(name: str, kind: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stderr = debug(str(SAMPLES / name), "-o", str(out))
    assert code == 2
    assert stderr == f"voortgang: error: {SAMPLES / name}: debug reads PDF only (this is {kind})\n"
    assert not out.exists()


def test_an_unreadable_pdf_is_told_as_parse_tells_it(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(RULED.read_bytes()[:3000])
    parsed = CliRunner().invoke(cli.main, ["parse", str(broken)])
    code, stderr = debug(str(broken), "-o", str(tmp_path / "out"))
    assert (code, stderr) == (2, parsed.stderr) and stderr.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_a_pdf_without_a_report_is_drawn_and_the_problem_told(tmp_path: Path) -> None:
    pdf = BytesIO()
    canvas = Canvas(pdf, pagesize=A4)
    canvas.drawString(72, 72, "Een brief zonder tabel.")
    canvas.save()
    path = tmp_path / "letter.pdf"
    path.write_bytes(pdf.getvalue())
    code, stderr = debug(str(path), "-o", str(tmp_path / "out"), "--resolution", "36")
    assert code == 1
    last = stderr.splitlines()[-1]
    assert re.fullmatch(rf"voortgang: error: {re.escape(str(path))}: no table .*", last)
    assert (tmp_path / "out" / "page-001.png").is_file()
    assert "No report: no table" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert not (tmp_path / "out" / "records.json").exists()


def test_warnings_are_listed_with_their_page(ruled: DebugReading) -> None:
    assert warnings_by_page([(2, "een"), (1, "twee"), (2, "drie")]) == {
        2: ["een", "drie"],
        1: ["twee"],
    }
    page, reading = ruled.pages[1]
    pages = list(ruled.pages)
    pages[1] = (page, dataclasses.replace(reading, warnings=("the rows look odd",)))
    warned = dataclasses.replace(ruled, pages=pages)
    text = index_html(warned, {2: ("page-002.png", (10, 10))}, RESOLUTION, [(2, "see VG5")])
    section = text.split('id="page-2"', 1)[1].split("</section>", 1)[0]
    assert "the rows look odd" in section and "see VG5" in section


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.pdf")), ids=lambda path: path.stem)
def test_every_sample_pdf_is_drawn(sample: Path, tmp_path: Path) -> None:
    code, stderr = debug(str(sample), "-o", str(tmp_path), "--resolution", "36", "-q")
    assert (code, stderr) == (0, "")
    pages = len(read_for_debug(sample.read_bytes(), str(sample)).pages)
    assert len(list(tmp_path.glob("page-*.png"))) == pages
    assert (tmp_path / "index.html").is_file() and (tmp_path / "records.json").is_file()


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH to open the index page with")
def test_the_index_page_opens_in_chromium(ruled_out: Path, tmp_path: Path) -> None:
    assert CHROMIUM is not None
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    index = (ruled_out / "index.html").resolve().as_uri()
    dom = subprocess.run(
        [CHROMIUM, *flags, "--dump-dom", index], capture_output=True, text=True, timeout=120
    )
    assert dom.returncode == 0, dom.stderr
    assert '<section class="page" id="page-3">' in dom.stdout
    assert '<details id="item-2.2">' in dom.stdout
    shot = tmp_path / "shot.png"
    run = subprocess.run(
        [CHROMIUM, *flags, f"--screenshot={shot}", "--window-size=1200,2400", index],
        capture_output=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    with Image.open(shot) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20) or []
    # The first picture shows: more than the page's text colours.
    assert len(colours) > 100


def test_the_debug_page_shows_the_legend_and_its_picture() -> None:
    section = (ROOT / "docs" / "debug.md").read_text(encoding="utf-8")
    legend = re.findall(r"^\| [^|]+ \| (.+) \|$", section, re.MULTILINE)
    assert legend[1:] == [swatch.meaning for swatch in LEGEND]  # after the table's head
    picture = re.search(r"!\[[^]]*\]\(([^)/]+\.png)\)", section)
    assert picture is not None
    path = ROOT / "docs" / picture.group(1)
    assert path.stat().st_size < 300_000
    with Image.open(path) as image:
        image.verify()


def test_the_password_opens_an_encrypted_pdf_to_draw(tmp_path: Path) -> None:
    path = tmp_path / "encrypted.pdf"
    path.write_bytes(encrypted_pdf())
    code, stderr = debug(str(path), "-o", str(tmp_path / "out"), "--pages", "1")
    assert (code, stderr) == (
        2,
        f"voortgang: error: {path}: the PDF is encrypted; pass --password\n",
    )
    code, stderr = debug(
        str(path), "-o", str(tmp_path / "out"), "--pages", "1", "--password", "geheim", "-q"
    )
    assert (code, stderr) == (0, "")
    assert [p.name for p in (tmp_path / "out").glob("*.png")] == ["page-001.png"]


def test_the_reading_problems_parse_warns_about_are_listed_on_their_pages(
    ruled: DebugReading,
) -> None:
    report = ruled.report
    assert report is not None and report_warnings(report) == []
    first = report.items[0].model_copy(update={"number": "Pagina 3", "pages": [3]})
    broken = report.model_copy(update={"items": [first, *report.items[1:]]})
    warnings = report_warnings(broken)
    assert [page for page, _ in warnings] == [3]
    assert "Pagina 3" in warnings[0][1] and warnings[0][1].endswith("[VG501]")
