"""Unit tests for the readers: what markup becomes which cells, paragraphs and styles."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from voortgang.errors import InputError
from voortgang.parse.encoding import decode
from voortgang.parse.grid import Page, Run
from voortgang.parse.html import read_html
from voortgang.parse.inline import (
    Style,
    StyleSheet,
    contents,
    paragraphs_of,
    paragraphs_of_fragment,
    parse_html,
)
from voortgang.parse.sniff import sniff
from voortgang.parse.text import read_text


def table(html: str, head: str = "") -> list[Page]:
    return list(
        read_html(f"<html><head>{head}</head><body><table>{html}</table></body></html>".encode())
    )


def cells(html: str, head: str = "") -> list[list[str]]:
    (page,) = table(html, head)
    return [[cell.text for cell in row.cells] for row in page.rows]


def runs(html: str, head: str = "") -> list[Run]:
    (page,) = table(f"<tr><td>{html}</td></tr>", head)
    return [run for paragraph in page.rows[0].cells[0].paragraphs for run in paragraph.runs]


def test_colspan_and_rowspan_keep_columns_aligned() -> None:
    html = (
        '<tr><td colspan="3">SPOOR 1</td></tr>'
        '<tr><td rowspan="2">1.1</td><td>a</td><td>b</td></tr>'
        "<tr><td>c</td><td>d</td></tr>"
        '<tr><td>1.2</td><td colspan="2">e</td></tr>'
    )
    assert cells(html) == [["SPOOR 1", "", ""], ["1.1", "a", "b"], ["", "c", "d"], ["1.2", "e", ""]]


def test_nested_tables_stay_inside_their_cell() -> None:
    html = "<tr><td>1.1</td><td><table><tr><td>in</td><td>ner</td></tr></table></td></tr>"
    assert cells(html) == [["1.1", "in\nner"]]


@pytest.mark.parametrize(
    ("html", "head"),
    [
        ("<i>schuin</i>", ""),
        ("<em>schuin</em>", ""),
        ("<span style='font-style:italic'>schuin</span>", ""),
        ('<span class="c3">schuin</span>', "<style>.c1{color:red}.c3{font-style:italic}</style>"),
        (
            "<span class=Nadruk>schuin</span>",
            "<style><!-- span.Nadruk {font-style:italic;} --></style>",
        ),
    ],
)
def test_italics_however_they_are_written(html: str, head: str) -> None:
    assert runs(html, head) == [Run("schuin", italic=True)]


def test_italics_switched_off_inside_italics() -> None:
    assert runs("<i>schuin <span style='font-style:normal'>recht</span></i>") == [
        Run("schuin ", italic=True),
        Run("recht"),
    ]


def test_bold_and_hidden_text() -> None:
    html = (
        "<b>vet</b> <span style='font-weight:700'>ook</span> <span style='display:none'>weg</span>"
    )
    assert runs(html) == [Run("vet", bold=True), Run(" "), Run("ook", bold=True)]


def test_word_markup_reads_as_printed() -> None:
    html = (
        "<p class=MsoNormal><span style='font-size:9.0pt'>J&amp;G en\nWWI<o:p></o:p></span></p>"
        "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]>"
        "<span style='font-family:Symbol'><span style='mso-list:Ignore'>&#183;"
        "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span></span>"
        "<![endif]>Nuansa ondersteunt<o:p></o:p></p>"
        "<p class=MsoNormal><o:p>&nbsp;</o:p></p>"
    )
    (page,) = table(f"<tr><td>{html}</td></tr>")
    assert page.rows[0].cells[0].text == "J&G en WWI\n• Nuansa ondersteunt"


def test_bare_ampersands_survive() -> None:
    assert runs("BZK, J&G en P&amp;R") == [Run("BZK, J&G en P&R")]


def test_list_glyphs_as_a_browser_draws_them() -> None:
    html = (
        "<ul><li>punt</li></ul><ul style='list-style-type: none'><li>- streep</li></ul>"
        "<ol><li>een</li><li>twee</li></ol><ol type='a' start='3'><li>cee</li></ol>"
    )
    (page,) = table(f"<tr><td>{html}</td></tr>")
    assert page.rows[0].cells[0].text == "• punt\n- streep\n1. een\n2. twee\nc. cee"


def test_line_breaks_split_lines() -> None:
    (page,) = table("<tr><td>BZK<br>VNG<br/>WWI</td></tr>")
    assert page.rows[0].cells[0].text == "BZK\nVNG\nWWI"


def test_css_page_breaks_number_the_pages() -> None:
    html = (
        "<p>Kop</p><table><tr><td>1</td></tr></table>"
        "<p style='page-break-before:always'>Kop</p><table><tr><td>2</td></tr></table>"
        "<span><br clear=all style='page-break-before:always'></span>"
        "<table><tr><td>3</td></tr></table>"
    )
    pages = list(read_html(f"<html><body>{html}</body></html>".encode()))
    assert [(page.number, [row.cells[0].text for row in page.rows]) for page in pages] == [
        (1, ["Kop", "1"]),
        (2, ["Kop", "2"]),
        (3, ["3"]),
    ]
    assert [row.in_table for row in pages[0].rows] == [False, True]


def test_without_page_breaks_pages_are_unknown() -> None:
    assert [page.number for page in table("<tr><td>1</td></tr>")] == [None]


def test_declared_windows_1252_is_decoded() -> None:
    html = '<html><head><meta charset="windows-1252"></head><body><table><tr><td>Caïro</td></tr>'
    (page,) = read_html(html.encode("cp1252"))
    assert page.rows[0].cells[0].text == "Caïro"


@pytest.mark.parametrize(
    "declared",
    ["iso-8859-1", "ISO_8859-1:1987", "latin-1", "latin1", "l1", "us-ascii", "ascii",
     "ANSI_X3.4-1968", "windows-1252"],
)  # fmt: skip
def test_declared_latin_1_and_ascii_mean_windows_1252(declared: str) -> None:
    """As browsers read them: the euro sign, curly quotes and dashes Windows wrote in
    0x80-0x9F survive, where Latin-1 would make C1 controls of them."""
    data = (
        f"<html><head><meta http-equiv='Content-Type' content='text/html; charset={declared}'>"
        "</head><body><table><tr><td>"
    ).encode() + b"\x804 mln. \x93Ca\xefro\x94 \x96 \x85 \x81</td></tr></table></body></html>"
    (page,) = read_html(data)
    assert page.rows[0].cells[0].text == "€4 mln. “Caïro” – … \x81"
    assert decode(b"\x80\x9d\x9f", declared) == "€\x9dŸ"


def test_declared_utf_16_without_a_byte_order_mark_means_utf_8() -> None:
    data = '<meta charset="utf-16"><table><tr><td>Caïro – €</td></tr></table>'.encode()
    (page,) = read_html(data)
    assert page.rows[0].cells[0].text == "Caïro – €"


def test_text_rendition_pages_start_at_each_heading_block() -> None:
    text = "# Kop\n\nSPOOR 1\t\t\n1.1\ta\n\n**Kop**  \n*December 2009*\n1.2\tb\n"
    pages = list(read_text(text.encode()))
    assert [page.number for page in pages] == [1, 2]
    assert [row.cells[0].text for row in pages[1].rows] == ["Kop", "December 2009", "1.2"]
    assert pages[1].rows[0].cells[0].paragraphs[0].runs == (Run("Kop", bold=True),)


def test_text_rendition_in_windows_1252_is_read() -> None:
    (page,) = read_text("1.1\tCaïro\n".encode("cp1252"))
    assert page.rows[0].cells[1].text == "Caïro"


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b"<!DOCTYPE html><html><table></table></html>", "html"),
        (b"\xef\xbb\xbf  <!-- saved --> <HTML><body>", "html"),
        (b"<html xmlns:o='urn:schemas-microsoft-com:office:office'>", "html"),
        (b"\n# KOP\n1.1\tTitel\tcontinu\n", "text"),
    ],
)
def test_formats_are_told_by_content(data: bytes, fmt: str) -> None:
    assert sniff(data) == fmt


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n ", "empty"),
        (b"\x00\x01\x02binary\tstuff", "binary"),
        (b"just some prose without any table", "no table"),
    ],
)
def test_unreadable_content_is_bad_input(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        sniff(data)


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="<&\t")))
def test_a_cell_without_markup_reads_as_the_html_parser_reads_it(cell: str) -> None:
    # The text rendition reads such cells without a parser; it must not read them otherwise.
    parsed = next(parse_html(f"<div>{cell}</div>").iter("div"), None)
    expected = paragraphs_of(contents(parsed), StyleSheet(), Style()) if parsed else ()
    assert paragraphs_of_fragment(cell) == expected
