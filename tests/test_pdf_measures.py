"""What the PDF reader computes once and shares (issue 17) gives what computing it afresh
gives: a line's parts and their measures, the runs of a cell, heading keys, the text pdfium
gives a page at once."""

from __future__ import annotations

import ctypes
import itertools
import math
import unicodedata

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from hypothesis import given
from hypothesis import strategies as st

from voortgang.parse.grid import Run, normalise_runs
from voortgang.parse.pdf import pdfium as pdfium_engine
from voortgang.parse.pdf.glyphs import Glyph, Line
from voortgang.parse.pdf.join import _styled_runs
from voortgang.vocabulary import heading_key

from conftest import SAMPLES

MEASURES = ("glyphs", "starts", "spaces", "ink", "trimmed", "words", "text", "top", "bottom")


@st.composite
def lines(draw: st.DrawFn) -> Line:
    """A line of glyphs left to right: letters, spaces (drawn or not), styles and heights."""
    found: list[Glyph] = []
    x = draw(st.floats(0, 100))
    for text in draw(st.lists(st.sampled_from(["a", "b", " ", "\u00a0", "-", "fi"]), max_size=30)):
        width = draw(st.floats(0.5, 8))
        top = draw(st.sampled_from([100.0, 100.5, 99.0]))
        italic, bold, drawn = draw(st.booleans()), draw(st.booleans()), draw(st.booleans())
        found.append(Glyph(text, x, x + width, top, top + 10, 10.0, italic, bold, drawn))
        x += width + draw(st.sampled_from([0.0, 0.0, 2.0]))
    return Line(tuple(found))


def measures(line: Line) -> tuple[object, ...]:
    return tuple(getattr(line, name) for name in MEASURES)


@given(lines(), st.lists(st.floats(0, 400), max_size=5))
def test_a_part_of_a_line_measures_as_the_same_glyphs_measured_afresh(
    line: Line, cuts: list[float]
) -> None:
    edges = (-math.inf, *sorted(cuts), math.inf)
    parts = line.parts(edges)
    assert len(parts) == len(edges) - 1
    for (left, right), part in zip(itertools.pairwise(edges), parts, strict=True):
        inside = tuple(g for g in line.glyphs if left <= g.x0 < right)
        if all(g.text.isspace() for g in inside):
            assert part is None
        else:
            assert part is not None
            assert measures(part) == measures(Line(inside))
    assert line.parts(edges) is parts  # cut once for these edges


@given(lines())
def test_a_cells_runs_a_stretch_of_one_style_at_a_time_normalise_as_a_run_a_glyph(
    line: Line,
) -> None:
    per_glyph = [Run(g.text, g.italic, g.bold) for g in line.glyphs]
    stretches = [Run(*piece) for piece in _styled_runs(line.glyphs)]
    assert len(stretches) <= len(per_glyph)
    assert normalise_runs(stretches) == normalise_runs(per_glyph)


@given(st.text(max_size=40))
def test_heading_key_keeps_the_letters_and_digits_isalnum_keeps(text: str) -> None:
    folded = unicodedata.normalize("NFKC", text).casefold()
    kept = "".join(char for char in folded if char.isalnum())
    assert heading_key(text) == (kept or "".join(folded.split()))


def test_the_page_text_asked_at_once_is_each_characters_code() -> None:
    """On a LibreOffice print whose lines end in pdfium's own hyphen (given as U+FFFE in the
    text at once, as 0x02 a character) and a browser's print."""
    names = ["portrait-plain", "chromium-styled"]
    checked = hyphens = 0
    for name in names:
        document = pdfium.PdfDocument(SAMPLES / f"voortgangsrapportage-2009-{name}.pdf")
        for page in document:
            textpage = raw.FPDFText_LoadPage(page.raw)
            handle = ctypes.cast(textpage, ctypes.c_void_p).value
            count = raw.FPDFText_CountChars(textpage)
            each = [raw.FPDFText_GetUnicode(textpage, i) for i in range(count)]
            assert pdfium_engine._page_text(handle, count) == each
            hyphens += each.count(ord(pdfium_engine.HYPHEN_MARK))
            checked += 1
            raw.FPDFText_ClosePage(textpage)
            page.close()
        document.close()
    assert checked and hyphens  # the pages held what is asked again
