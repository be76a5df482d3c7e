"""The two PDF engines, pdfium and pdfminer (through pdfplumber), read the same records.

The reader's geometry does not know which engine measured the glyphs; these tests hold the
engines to measuring them alike: every committed sample and random reports in every style
give the same records, and each thing pdfium's text page does its own way (ligatures, the
spaces it leaves out, hyphens at a line's end, rulings inside forms) is tried on a PDF made
here.
"""

from __future__ import annotations

import io
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from voortgang.model.records import Report
from voortgang.parse import parse_bytes
from voortgang.parse.pdf import ENGINES, Engine, PdfSettings
from voortgang.parse.pdf.engines import source_pages
from voortgang.parse.pdf.glyphs import make_lines

from conftest import SAMPLES
from pdf_rendering import MissingFontError, PdfStyle, find_font_file, render_pdf
from strategies import GeneratedReport, reports

PDF_SAMPLES = sorted(SAMPLES.glob("*.pdf"))
STYLES = [
    PdfStyle(),
    PdfStyle(fonts="Times", landscape=True, ruled=False),
    PdfStyle(fonts="DejaVuSans", ruled=True, font_size=10),
    PdfStyle(fonts="LiberationSerif", landscape=True, ruled=False, fake_bold=True),
]


def read(data: bytes, engine: Engine) -> Report:
    return parse_bytes(data, "x.pdf", pdf_settings=PdfSettings(engine=engine))


def records(report: Report) -> dict:
    return report.model_dump(mode="json", exclude={"source"})


@pytest.mark.parametrize("path", PDF_SAMPLES, ids=lambda path: path.name)
def test_both_engines_read_each_sample_to_the_same_records(path: Path) -> None:
    data = path.read_bytes()
    pdfium, pdfminer = (records(read(data, engine)) for engine in ENGINES)
    assert pdfium == pdfminer


@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(generated=reports(broken_rows=False), style=st.sampled_from(STYLES))
def test_both_engines_read_random_reports_to_the_same_records(
    generated: GeneratedReport, style: PdfStyle
) -> None:
    try:
        data = render_pdf(generated.pages, style)
    except MissingFontError as missing:
        pytest.skip(str(missing))
    pdfium, pdfminer = (records(read(data, engine)) for engine in ENGINES)
    assert pdfium == pdfminer


# -- what pdfium's text page does its own way, on PDFs made here ------------------------------


def lines_of(data: bytes, engine: Engine) -> list[str]:
    settings_ = PdfSettings(engine=engine)
    page = next(iter(source_pages(data, None, engine, settings_)))
    return [line.text for line in make_lines(page.glyphs, settings_)]


def glyphs_of(data: bytes, engine: Engine) -> list:
    settings_ = PdfSettings(engine=engine)
    page = next(iter(source_pages(data, None, engine, settings_)))
    return sorted(page.glyphs, key=lambda g: (round(g.top), g.x0))


def canvas_pdf(draw: object) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    draw(canvas)  # type: ignore[operator]
    canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.fixture(scope="module")
def dejavu() -> str:
    """DejaVu Sans, which has the typographic ligatures (ﬁ, ﬂ) as glyphs of their own."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    try:
        path = find_font_file("DejaVuSans")
    except MissingFontError as missing:
        pytest.skip(str(missing))
    pdfmetrics.registerFont(TTFont("DejaVuEngines", str(path)))
    return "DejaVuEngines"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_ligature_is_one_glyph_of_its_letters(engine: Engine, dejavu: str) -> None:
    def draw(canvas: Canvas) -> None:
        canvas.setFont(dejavu, 10)
        canvas.drawString(72, 700, "de \ufb01nanciering")

    glyphs = glyphs_of(canvas_pdf(draw), engine)
    assert [g.text for g in glyphs if not g.text.isspace()][2] == "fi"
    ligature = next(g for g in glyphs if g.text == "fi")
    after = next(g for g in glyphs if g.x0 > ligature.x0 and g.text == "n")
    assert ligature.x1 == pytest.approx(after.x0, abs=0.05)  # one advance, not a letter's


@pytest.mark.parametrize("engine", ENGINES)
def test_a_space_drawn_on_its_own_at_a_line_end_is_a_drawn_space(engine: Engine) -> None:
    """A text object of one space (LibreOffice draws the space a line wraps at so) has no
    width, and pdfium's text page skips it: the engine puts it back, drawn."""

    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 10)
        canvas.drawString(72, 700, "gaat")
        canvas.drawString(72 + canvas.stringWidth("gaat", "Helvetica", 10), 700, " ")
        canvas.drawString(72, 688, "door")

    line = [g for g in glyphs_of(canvas_pdf(draw), engine) if round(g.top) == (842 - 700 - 10)]
    assert [g.text for g in line] == ["g", "a", "a", "t", " "]
    assert line[-1].drawn
    assert line[-1].x1 - line[-1].x0 == pytest.approx(2.78, abs=0.3)  # a space of Helvetica 10


@pytest.mark.parametrize("engine", ENGINES)
def test_a_hyphen_ending_a_line_before_a_word(engine: Engine) -> None:
    """pdfium marks a hyphen a line ends with, before a word on the next line, and deletes
    any spaces drawn after it: the glyph says that the wrap space cannot be told, and the
    records come out as pdfminer's, which sees the space."""

    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 10)
        canvas.drawString(72, 700, "voor- ")
        canvas.drawString(72, 688, "en najaar samen-")
        canvas.drawString(72, 676, "werking")

    glyphs = glyphs_of(canvas_pdf(draw), engine)
    hyphens = [g for g in glyphs if g.text == "-"]
    assert len(hyphens) == 2
    if engine == "pdfium":
        assert all(g.hides_space for g in hyphens)
    else:
        assert not any(g.hides_space for g in hyphens)


@pytest.mark.parametrize("engine", ENGINES)
def test_rulings_drawn_inside_a_form_are_found(engine: Engine) -> None:
    def draw(canvas: Canvas) -> None:
        canvas.beginForm("grid")
        canvas.setLineWidth(0.5)
        canvas.line(72, 700, 500, 700)  # horizontal
        canvas.line(200, 600, 200, 720)  # vertical
        canvas.rect(300, 600, 100, 120)  # four sides
        canvas.endForm()
        canvas.doForm("grid")
        canvas.setFont("Helvetica", 10)
        canvas.drawString(80, 705, "tekst")

    settings_ = PdfSettings(engine=engine)
    page = next(iter(source_pages(canvas_pdf(draw), None, engine, settings_)))
    assert any(abs(x - 200) < 1 for x in page.rulings.vertical)
    assert any(abs(x - 300) < 1 for x in page.rulings.vertical)
    assert any(abs(x - 400) < 1 for x in page.rulings.vertical)
    heights = sorted({round(top) for top, _, _ in page.rulings.horizontal})
    assert (842 - 700) in heights
    assert {(842 - 720), (842 - 600)} <= set(heights)  # the rectangle's top, bottom


@pytest.mark.parametrize("engine", ENGINES)
def test_text_turned_beside_the_text_is_left_out(engine: Engine) -> None:
    def draw(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 10)
        canvas.drawString(72, 700, "rechtop staande tekst")
        canvas.saveState()
        canvas.translate(300, 500)
        canvas.rotate(90)
        canvas.drawString(0, 0, "gedraaid")
        canvas.restoreState()

    assert lines_of(canvas_pdf(draw), engine) == ["rechtop staande tekst"]


def test_pdfium_is_read_from_several_threads_at_once() -> None:
    """pdfium is not thread-safe; the engine takes one call into it at a time (Dask's
    threaded scheduler reads files side by side in one process)."""
    data = PDF_SAMPLES[0].read_bytes()
    expected = records(read(data, "pdfium"))
    found: list[dict] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            found.append(records(read(data, "pdfium")))
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert found == [expected] * 4


def test_an_unknown_engine_is_refused_when_the_settings_are_made() -> None:
    with pytest.raises(ValueError, match="no PDF engine 'mupdf'"):
        PdfSettings(engine="mupdf")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="no PDF engine"):
        source_pages(PDF_SAMPLES[0].read_bytes(), None, "mupdf", PdfSettings())  # type: ignore[arg-type]


def test_the_engines_are_named_in_one_place() -> None:
    assert ENGINES == ("pdfium", "pdfplumber")
    assert PdfSettings().engine == "pdfplumber"  # its decoding is bounded (max_inflate)


@pytest.mark.parametrize("command", ["parse", "check", "debug"])
def test_the_command_line_chooses_the_engine(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--engine on the commands that read a PDF: the engine named reads it (-j 1: in a
    process forked from this one, where the reader is watched and says so in a file), each
    the same output; a name that is no engine is a usage error."""
    from click.testing import CliRunner

    from voortgang import cli

    reader = sys.modules["voortgang.parse.pdf.reader"]
    said = tmp_path / "used"

    def watched(data: bytes, password: str | None, engine: Engine, settings_: PdfSettings):
        with said.open("a") as used:
            used.write(f"{engine}\n")
        return source_pages(data, password, engine, settings_)

    monkeypatch.setattr(reader, "source_pages", watched)
    path = str(PDF_SAMPLES[0])
    outputs = []
    for engine in ENGINES:
        extra = ["-o", str(tmp_path / engine), "--pages", "1"] if command == "debug" else []
        jobs = [] if command == "debug" else ["-j", "1"]
        result = CliRunner().invoke(cli.main, [command, path, "--engine", engine, *jobs, *extra])
        assert result.exit_code in (0, 1), result.output
        assert said.read_text().split()[-1:] == [engine]
        outputs.append(
            sorted(p.name for p in (tmp_path / engine).iterdir())
            if command == "debug"
            else result.stdout
        )
    assert outputs[0] == outputs[1]
    wrong = CliRunner().invoke(cli.main, [command, path, "--engine", "mupdf"])
    assert wrong.exit_code == 2
    assert "'mupdf' is not one of" in wrong.stderr
