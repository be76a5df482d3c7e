"""Running headers and footers: found by where they stand and by their repetition."""

from __future__ import annotations

import dataclasses

from voortgang.parse.pdf import PdfSettings
from voortgang.parse.pdf.furniture import PageLines, running_lines
from voortgang.parse.pdf.glyphs import Glyph, Line, make_lines

SIZE, ADVANCE, HEIGHT = 10.0, 5.0, 800.0


def line(text: str, top: float, x0: float = 60.0) -> Line:
    glyphs = [
        Glyph(char, x0 + i * ADVANCE, x0 + (i + 1) * ADVANCE, top, top + SIZE, SIZE)
        for i, char in enumerate(text)
    ]
    (made,) = make_lines(glyphs)
    return made


def page(number: int, body: list[str], header: bool = True, footer: str | None = None) -> PageLines:
    """A page: a running header, lines of text from 100 pt down, and a footer at 770 pt
    (``Pagina N van 9`` unless told)."""
    lines = [line("Rapport over de voortgang", 40)] if header else []
    lines += [line(text, 100 + 12 * i) for i, text in enumerate(body)]
    lines.append(line(footer or f"Pagina {number} van 9", 770))
    return PageLines(lines, HEIGHT, len(lines))


WORDS = (
    "aanpak beleid cohesie dialoog expertise gemeenten jongeren kennis netwerk onderzoek".split()
)


def bodies(count: int) -> list[list[str]]:
    """Lines of text that differ from page to page in their words, not only their digits."""
    return [
        [f"{WORDS[n]} en {WORDS[-1 - i]} op een bladzijde" for i in range(5)] for n in range(count)
    ]


def test_a_header_and_footer_repeated_but_for_digits_are_running_lines() -> None:
    pages = [page(n + 1, body) for n, body in enumerate(bodies(5))]
    assert running_lines(pages[2], pages[:2] + pages[3:]) == (1, 1)
    assert running_lines(pages[0], pages[1:3]) == (1, 1)


def test_text_that_differs_in_more_than_digits_is_no_running_line() -> None:
    pages = [
        page(n + 1, body, footer=f"Pagina {n + 1} van {'abcde'[n]}")
        for n, body in enumerate(bodies(5))
    ]
    assert running_lines(pages[2], pages[:2] + pages[3:]) == (1, 0)


def test_a_line_at_another_height_is_no_running_line() -> None:
    pages = [page(n + 1, body) for n, body in enumerate(bodies(3))]
    moved = PageLines([*pages[2].lines[:-1], line("Pagina 3 van 9", 700)], HEIGHT, 7)
    # Where the footer stands on page 2 alone of the two around page 1, it is not told.
    assert running_lines(pages[0], [pages[1], moved]) == (1, 0)
    assert running_lines(moved, pages[:2]) == (1, 0)


def test_the_same_text_on_one_page_of_several_may_be_chance() -> None:
    # The last line of the text happens to stand where, and read as, another page's does.
    pages = [page(n + 1, body, footer="continu") for n, body in enumerate(bodies(5))]
    others = [pages[0], *(PageLines(p.lines[:-1], HEIGHT, len(p.lines) - 1) for p in pages[1:4])]
    assert running_lines(pages[4], others) == (1, 0)
    assert running_lines(pages[4], others[:1]) == (1, 1)  # only one page to compare with


def test_odd_and_even_pages_with_their_own_footers() -> None:
    pages = [
        page(n + 1, body, footer=f"{n + 1} | Rapport" if n % 2 else f"Rapport | {n + 1}")
        for n, body in enumerate(bodies(5))
    ]
    assert running_lines(pages[2], pages[:2] + pages[3:]) == (1, 1)


def test_a_single_page_has_no_running_lines() -> None:
    assert running_lines(page(1, bodies(1)[0]), []) == (0, 0)


def test_furniture_stops_at_the_table_header_row() -> None:
    pages = [page(n + 1, ["Nr Resultaat Deadline", *body]) for n, body in enumerate(bodies(3))]
    at_header = [dataclasses.replace(p, header=1) for p in pages]
    assert running_lines(at_header[1], [at_header[0], at_header[2]]) == (1, 1)
    assert running_lines(pages[1], [pages[0], pages[2]]) == (2, 1)


def test_a_first_page_footer_in_the_band_of_the_running_footers_is_one() -> None:
    """Word's different first page: page 1's footer is its own, but stands where the others'
    running footers do."""
    pages = [page(n + 1, body) for n, body in enumerate(bodies(4))]
    first = page(1, bodies(1)[0], footer="Kenmerk 2009-0001234")
    assert running_lines(first, pages[1:3]) == (1, 1)
    # Lower down than the band reaches, it is the page's own text.
    low = PageLines([*first.lines[:-1], line("Kenmerk 2009-0001234", 700)], HEIGHT, 7)
    assert running_lines(low, pages[1:3]) == (1, 0)


def test_a_title_block_of_several_lines_is_one_running_header() -> None:
    settings = PdfSettings(running_lines=2)
    pages = [
        PageLines([line("Titel", 20), line("Plan 2007-2011", 32), *p.lines[1:]], HEIGHT, 8)
        for p in (page(n + 1, body) for n, body in enumerate(bodies(3)))
    ]
    assert running_lines(pages[1], [pages[0], pages[2]], settings) == (2, 1)
