"""Damaged input: mutated bytes of the committed samples either read as a report or raise
InputError, never anything else (a traceback, a pdfminer exception, a recursion error).

Deterministic (derandomize, no example database), so CI runs the same examples every time;
the counts are small, to keep the suite quick: the exploring was done with many more.
"""

from __future__ import annotations

import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from voortgang.errors import InputError
from voortgang.model.records import Report
from voortgang.parse import parse_bytes
from voortgang.parse.pdf import ENGINES, Engine, PdfSettings

from conftest import HTML_SAMPLE, SAMPLES, TEXT_SAMPLE

PDF_SAMPLES = sorted(SAMPLES.glob("*.pdf"))
FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
STREAM = re.compile(rb"stream\r?\n.*?endstream", re.DOTALL)

# (what, where, how many bytes, which bit, outside a PDF's streams?)
MUTATIONS = st.lists(
    st.tuples(
        st.sampled_from(["flip", "delete", "truncate", "duplicate"]),
        st.integers(0, 2**32),
        st.integers(1, 64),
        st.integers(0, 7),
        st.booleans(),
    ),
    min_size=1,
    max_size=4,
)


@cache
def _structure(path: Path) -> tuple[int, ...]:
    """Offsets of a PDF's bytes outside its (compressed) streams: the objects, dictionaries,
    cross-reference table and trailer, where a damaged byte changes what pdfminer parses."""
    data = path.read_bytes()
    inside = bytearray(len(data))
    for match in STREAM.finditer(data):
        inside[match.start() : match.end()] = b"\1" * (match.end() - match.start())
    return tuple(i for i, flag in enumerate(inside) if not flag)


def mutate(path: Path, mutations: list[tuple[str, int, int, int, bool]]) -> bytes:
    data = bytearray(path.read_bytes())
    for what, where, length, bit, in_structure in mutations:
        if not data:
            break
        offsets = _structure(path) if in_structure and path.suffix == ".pdf" else None
        at = offsets[where % len(offsets)] if offsets else where
        at %= len(data)
        if what == "flip":
            data[at] ^= 1 << bit
        elif what == "delete":
            del data[at : at + length]
        elif what == "truncate":
            del data[at:]
        else:
            data[at:at] = data[at : at + length]
    return bytes(data)


def reads_or_refuses(data: bytes, name: str, engine: Engine = "pdfplumber") -> None:
    try:
        report = parse_bytes(data, name, pdf_settings=PdfSettings(engine=engine))
    except InputError as error:
        message = str(error)
        assert message, "an InputError says what is wrong"
        assert "\n" not in message, message
    else:
        assert isinstance(report, Report)


@pytest.mark.parametrize("engine", ENGINES)
@settings(FUZZ, max_examples=8)
@given(path=st.sampled_from(PDF_SAMPLES), mutations=MUTATIONS)
def test_a_damaged_pdf_reads_or_is_refused(engine: Engine, path: Path, mutations: list) -> None:
    reads_or_refuses(mutate(path, mutations), path.name, engine)


@settings(FUZZ, max_examples=30)
@given(
    st.sampled_from(
        [TEXT_SAMPLE, HTML_SAMPLE, SAMPLES / "voortgangsrapportage-2009-libreoffice.html"]
    ),
    MUTATIONS,
)
def test_a_damaged_text_or_html_rendition_reads_or_is_refused(path: Path, mutations: list) -> None:
    reads_or_refuses(mutate(path, mutations), path.name)


@pytest.mark.parametrize("path", PDF_SAMPLES, ids=lambda path: path.name)
def test_mutations_change_the_bytes(path: Path) -> None:
    """The fuzzer's mutations do what they say: a test of the test."""
    data = path.read_bytes()
    first_stream = STREAM.search(data)
    assert first_stream is not None
    structure = set(_structure(path))
    assert 0 in structure
    assert structure.isdisjoint(range(first_stream.start(), first_stream.end()))
    at = _structure(path)[100]
    flipped = mutate(path, [("flip", 100, 1, 3, True)])
    assert len(flipped) == len(data)
    assert flipped[at] == data[at] ^ 8
    assert mutate(path, [("truncate", 10, 1, 0, False)]) == data[:10]
    assert mutate(path, [("delete", 10, 5, 0, False)]) == data[:10] + data[15:]
    assert mutate(path, [("duplicate", 10, 5, 0, False)]) == data[:15] + data[10:]


# The failure modes the fuzzer found, each made by swapping bytes of a sample for as many others
# (so that the cross-reference offsets stay right).
LANDSCAPE = SAMPLES / "voortgangsrapportage-2009-landscape-ruled.pdf"
MEDIA_BOX = b"/MediaBox[0 0 841.889763779528 595.303937007874]"


def damaged(*swaps: tuple[bytes, bytes]) -> bytes:
    data = LANDSCAPE.read_bytes()
    for old, new in swaps:
        assert len(old) == len(new) and old in data, old
        data = data.replace(old, new)
    return data


def test_font_descriptor_values_that_are_not_numbers_count_as_absent(golden: Report) -> None:
    """A keyword where the flags and the italic angle belong (int() of a PSKeyword raised a
    TypeError): the font's name still says it is italic, and nothing else changes."""
    data = damaged(
        (b"/Flags 68", b"/Flags ab"),
        (b"/Flags 4", b"/Flags a"),
        (b"/ItalicAngle -30", b"/ItalicAngle abc"),
        (b"/ItalicAngle 0", b"/ItalicAngle a"),
    )
    items = parse_bytes(data, "x").items
    assert [item.model_copy(update={"pages": []}) for item in items] == [
        item.model_copy(update={"pages": []}) for item in golden.items
    ]


SWAPS = {
    # resources or fonts that are numbers, not dictionaries (AttributeError in voortgang)
    "font": (b"/Font 47 0 R", b"/Font 47    "),
    "resources": (b"/Resources 48 0 R", b"/Resources 48    "),
    # a page size that is not four numbers
    "media box": (MEDIA_BOX, MEDIA_BOX.replace(b"874]", b"87x]")),
    "short media box": (MEDIA_BOX, MEDIA_BOX.replace(b"595.303937007874", b" " * 16)),
}
NO_TABLE = "no table with a title and status column"


@pytest.mark.parametrize(
    ("engine", "swap", "message"),
    [
        ("pdfplumber", "font", NO_TABLE),
        ("pdfplumber", "resources", NO_TABLE),
        # pdfplumber's MalformedPDFException and IndexError while listing the pages, before
        # any page was read
        (
            "pdfplumber",
            "media box",
            "not a readable PDF: MalformedPDFException: Bounding box contains non-number",
        ),
        ("pdfplumber", "short media box", "not a readable PDF: IndexError"),
        ("pdfium", "font", NO_TABLE),
        ("pdfium", "resources", NO_TABLE),
        # pdfium gives such a page the default size, and reads it (below)
    ],
)
def test_a_damaged_pdf_structure_is_an_input_error(engine: Engine, swap: str, message: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_bytes(damaged(SWAPS[swap]), "x", pdf_settings=PdfSettings(engine=engine))
    assert str(raised.value).startswith(message)


@pytest.mark.parametrize("swap", ["media box", "short media box"])
def test_pdfium_reads_a_page_whose_size_is_damaged(swap: str, golden: Report) -> None:
    report = parse_bytes(damaged(SWAPS[swap]), "x", pdf_settings=PdfSettings(engine="pdfium"))
    assert [item.model_copy(update={"pages": []}) for item in report.items] == [
        item.model_copy(update={"pages": []}) for item in golden.items
    ]


def test_a_font_named_by_a_number_is_read() -> None:
    """A FontName that is a number (pdfminer passes it on as the characters' font name)."""
    italic = b"/FontName/DAAAAA+LiberationSans-Italic"
    report = parse_bytes(damaged((italic, b"/FontName " + b"1" * (len(italic) - 10))), "x")
    assert len(report.items) == 36


def test_the_command_line_says_one_line_and_nothing_from_pdfminer(tmp_path: Path) -> None:
    """pdfminer warns about the page size it replaces; -v shows that, else only voortgang's
    one line reaches standard error. (A subprocess: under pytest, log records are captured.)"""
    path = tmp_path / "damaged.pdf"
    path.write_bytes(damaged(SWAPS["short media box"]))
    command = [sys.executable, "-m", "voortgang", "parse", str(path)]
    quiet = subprocess.run(command, capture_output=True, text=True, check=False)
    assert (quiet.returncode, quiet.stdout) == (2, "")
    assert quiet.stderr == (
        f"voortgang: error: {path}: not a readable PDF: IndexError: list index out of range\n"
    )
    verbose = subprocess.run([*command, "-v"], capture_output=True, text=True, check=False)
    assert "Invalid MediaBox" in verbose.stderr
