"""Unit tests for the PDF page geometry: lines, columns, rows and how lines join."""

from __future__ import annotations

from functools import partial

import pytest

from voortgang.parse import PDF_VOCABULARY
from voortgang.parse.pdf import PdfSettings, join, rows
from voortgang.parse.pdf.columns import Measure, TextLine, find_columns
from voortgang.parse.pdf.furniture import within_margins
from voortgang.parse.pdf.glyphs import Glyph, Line, Rulings, joined_rulings, make_lines
from voortgang.parse.pdf.header import header_at, labels_of
from voortgang.parse.pdf.join import draws_wrap_spaces
from voortgang.parse.pdf.reader import Prepared, _TableReader
from voortgang.parse.pdf.rows import alignment_of

# Assembly hands the geometry the report's vocabulary; these tests hand it the same.
join_between = partial(join.join_between, vocabulary=PDF_VOCABULARY)
paragraphs_of = partial(join.paragraphs_of, vocabulary=PDF_VOCABULARY)
split_rows = partial(rows.split_rows, vocabulary=PDF_VOCABULARY)
alignment_evidence = partial(rows.alignment_evidence, vocabulary=PDF_VOCABULARY)
_free_text = _TableReader(PDF_VOCABULARY, PdfSettings())._free_text

SIZE = 10.0
ADVANCE = 5.0  # every glyph 5 pt wide, a space too


def glyphs(text: str, x0: float, top: float, italic: bool = False) -> list[Glyph]:
    return [
        Glyph(char, x0 + i * ADVANCE, x0 + (i + 1) * ADVANCE, top, top + SIZE, SIZE, italic)
        for i, char in enumerate(text)
    ]


def line(text: str, x0: float = 100.0, top: float = 100.0) -> Line:
    (made,) = make_lines(glyphs(text, x0, top))
    return made


def column_line(text: str, top: float, start: float = 100.0, edge: float = 200.0) -> TextLine:
    """A line in a column from ``start`` to ``edge`` whose widest line reaches the edge."""
    return TextLine(line(text, start, top), Measure(start, edge, edge))


PITCH = 12.0


@pytest.mark.parametrize(
    ("before", "after", "join"),
    [
        # Wrapped: the next word did not fit on the line.
        ("Ondersteuning van de lokale", "aanpak met gemeenten", " "),
        # A hyphenated compound stays whole; a dash before "en" keeps its space.
        ("Decentralisatie- uitkering ab-", "uitkering", ""),
        ("stage- en arbeidsplaatsen voor-", "en later", " "),
        # Ended on purpose: the next word would have fitted. Not after a comma: the column
        # was narrower than measured (a browser shrinks it to its content).
        ("Kort", "Nieuw begin", None),
        ("BZK,", "BuZa, AIVD", " "),
        # A list item begins a paragraph, whether glyph or numbering; an enumeration in
        # running text may be wrapped to the start of a line.
        ("Ondersteuning van de lokale", "- via Nuansa", None),
        ("Ondersteuning van de lokale", "2. tweede punt", None),
        ("Ondersteuning van de lokale", "2) tweede punt", " "),
        ("Ondersteuning", "2) tweede punt", None),
        # Broken after a slash: a word goes on in lower case; a name may stand apart.
        ("bij docenten/", "onderwijzers", ""),
        ("door het BZK/OCW/", "Nuansa en VNG", " "),
    ],
)
def test_how_lines_join(before: str, after: str, join: str | None) -> None:
    first = column_line(before, 100)
    assert join_between(first, column_line(after, 100 + PITCH), PITCH) == join


def test_a_word_broken_where_a_narrow_column_is_full_joins_without_a_space() -> None:
    # A 40 pt column: "novemb" fills it; "er" goes on the next line.
    first = TextLine(line("novemb", 300), Measure(300, 330, 330))
    second = TextLine(line("er", 300, 112), Measure(300, 330, 330))
    assert join_between(first, second, PITCH) == ""


@pytest.mark.parametrize(
    ("before", "after", "join"),
    [
        ("VN", "G", ""),  # halves of a known name
        ("BZK/VN", "G", ""),
        ("NCT", "b", ""),
        ("BZK/VNG", "BZK/VNG", " "),  # whole names, one per line
        ("BZK", "VNG", " "),
        ("WWI", "en", " "),
        ("2.0.", "1", ""),  # an item number wrapped in a narrow column
        ("2.1", "0", ""),
        ("2009", "2010", " "),
    ],
)
def test_what_goes_on_after_a_break_in_a_narrow_column(before: str, after: str, join: str) -> None:
    measure = Measure(300, 300 + ADVANCE * len(before), 300 + ADVANCE * len(before))
    first = TextLine(line(before, 300), measure)
    assert join_between(first, TextLine(line(after, 300, 112), measure), PITCH) == join


def test_a_name_wrapped_after_a_slash_keeps_its_space() -> None:
    first = TextLine(line("BZK/OCW/", 300), Measure(300, 345, 345))
    second = TextLine(line("Nuansa", 300, 112), Measure(300, 345, 345))
    assert join_between(first, second, PITCH) == " "


# A producer that draws the space a line wraps at (LibreOffice): in the 40 pt column, ink or
# drawn spaces reach 330, so a line ending a space (5 pt) short of that had room for one.
DRAWN = Measure(300, 340, 340, reach=330, space=ADVANCE)


@pytest.mark.parametrize(
    ("before", "after", "join"),
    [
        ("BZK/OCW/ ", "Nuansa", " "),  # the space is drawn
        ("BZK/", "VNG/OCW", ""),  # room for a space, none drawn: a name broken at the slash
        ("en -", "terrorisme", ""),
        ("informat", "ie", ""),  # a word too long for the column, broken where full
        ("Deadline", "2010", " "),  # full, but what follows is no rest of a word
        ("cont", "continu", None),  # room for a space, none drawn, not broken: it ended
    ],
)
def test_where_the_producer_draws_wrap_spaces_a_missing_one_breaks_a_word(
    before: str, after: str, join: str
) -> None:
    first = TextLine(line(before, 300), DRAWN)
    second = TextLine(line(after, 300, 112), DRAWN)
    assert join_between(first, second, PITCH, wrap_spaces=True) == join


def test_without_drawn_wrap_spaces_a_full_line_in_a_wide_column_wraps_at_a_space() -> None:
    wide = Measure(300, 300 + ADVANCE * 20, 300 + ADVANCE * 20)
    first = TextLine(line("Professionaliserings", 300), wide)
    second = TextLine(line("aanbod politie", 300, 112), wide)
    assert join_between(first, second, PITCH) == " "
    assert join_between(first, second, PITCH, wrap_spaces=True) == ""


def test_only_spaces_the_pdf_draws_tell_that_its_producer_draws_wrap_spaces() -> None:
    (two_cells,) = make_lines(glyphs("ab", 100, 100) + glyphs("cd", 200, 100))
    added = two_cells.within(0, 150)  # ends in the space added for the gap between cells
    assert added is not None and added.text == "ab" and not added.ends_in_space
    assert not draws_wrap_spaces([added] * 10)
    drawn = [line("een regel ", 100, 100 + 12 * i) for i in range(3)]
    assert all(part.ends_in_space for part in drawn)
    assert draws_wrap_spaces(drawn + [line("laatste", 100, 200)] * 5)
    assert not draws_wrap_spaces(drawn + [line("laatste", 100, 200)] * 30)


def test_spacing_between_lines_ends_a_paragraph() -> None:
    assert (
        join_between(column_line("Eerste alinea die", 100), column_line("tweede", 116), PITCH)
        is None
    )


def test_across_a_page_break_only_fit_decides() -> None:
    assert (
        join_between(column_line("Eerste alinea die", 700), column_line("tweede", 60), None) == " "
    )


def test_fake_bold_copies_are_dropped_and_mark_bold() -> None:
    drawn = glyphs("Resultaat", 100, 100)
    copies = [Glyph(g.text, g.x0 + 0.3, g.x1 + 0.3, g.top, g.bottom, g.size) for g in drawn]
    (made,) = make_lines(drawn + copies)
    assert made.text == "Resultaat"
    assert all(g.bold for g in made.glyphs)


def test_two_narrow_letters_are_no_fake_bold() -> None:
    # "Alle" in a condensed font: each l 1.8 pt wide, less than a fifth of the size apart.
    widths = {"A": 5.0, "l": 1.8, "e": 4.5}
    made, x = [], 100.0
    for char in "Alle":
        made.append(Glyph(char, x, x + widths[char], 100, 110, 10.0))
        x += widths[char]
    (line_,) = make_lines(made)
    assert line_.text == "Alle" and not any(g.bold for g in line_.glyphs)


def test_spaces_a_pdf_leaves_out_are_put_back() -> None:
    words = glyphs("Stand", 100, 100) + glyphs("zaken", 140, 100)
    (made,) = make_lines(words)
    assert made.text == "Stand zaken"


def header_and_body(left_aligned: bool) -> tuple[Line, list[Line]]:
    """A borderless table: number, Resultaat, Deadline; labels left aligned or centred."""
    shift = 0 if left_aligned else 20
    header = make_lines(
        glyphs("Resultaat", 100 + shift, 100) + glyphs("Deadline", 300 + shift, 100)
    )
    body = [
        make_lines(
            glyphs("1.1", 50, 120) + glyphs("Een lange titel", 100, 120) + glyphs("2009", 300, 120)
        )[0],
        make_lines(glyphs("die doorloopt", 100, 132))[0],
        make_lines(glyphs("1.2", 50, 150) + glyphs("Twee", 100, 150) + glyphs("continu", 300, 150))[
            0
        ],
    ]
    return header[0], body


@pytest.mark.parametrize("left_aligned", [True, False])
def test_columns_from_the_header_and_the_gaps_in_the_text(left_aligned: bool) -> None:
    header, body = header_and_body(left_aligned)
    columns = find_columns(labels_of([header]), body, vertical_rules=[], right_edge=595)
    assert columns.labels == ("", "Resultaat", "Deadline")
    assert [[part.text if part else "" for part in columns.split(row)] for row in body] == [
        ["1.1", "Een lange titel", "2009"],
        ["", "die doorloopt", ""],
        ["1.2", "Twee", "continu"],
    ]


def test_columns_from_rulings() -> None:
    header, body = header_and_body(left_aligned=False)
    columns = find_columns(
        labels_of([header]), body, vertical_rules=[45, 95, 295, 400], right_edge=595
    )
    assert columns.bounds == (45, 95, 295, 400)


def test_rows_begin_at_a_number_or_where_most_columns_start_together() -> None:
    header, body = header_and_body(left_aligned=True)
    columns = find_columns(labels_of([header]), body, [], 595)
    extra = make_lines(glyphs("b. Tweede deel", 100, 175) + glyphs("2010", 300, 175))[0]
    rows = split_rows([*body, extra], columns, row_rules=[], pitch=PITCH)
    assert [len(row) for row in rows] == [2, 2]  # two columns are not enough for a row


def test_rows_follow_horizontal_rulings() -> None:
    header, body = header_and_body(left_aligned=True)
    columns = find_columns(labels_of([header]), body, [], 595)
    rows = split_rows(body, columns, row_rules=[118, 128, 146, 165], pitch=PITCH)
    assert [[ln.text for ln in row] for row in rows] == [
        ["1.1 Een lange titel 2009"],
        ["die doorloopt"],
        ["1.2 Twee continu"],
    ]


def test_header_labels_wrapped_or_broken_in_narrow_cells() -> None:
    first = make_lines(
        glyphs("Resultaat", 100, 100)
        + glyphs("Deadlin", 250, 100)
        + glyphs("Trekker", 300, 100)
        + glyphs("Stand van", 360, 100)
    )[0]
    second = make_lines(glyphs("e", 250, 111) + glyphs("zaken", 360, 111))[0]
    labels = labels_of([first, second])
    assert [label.text for label in labels] == [
        "Resultaat",
        "Deadlin e",
        "Trekker",
        "Stand van zaken",
    ]


def test_a_header_label_wrapped_into_a_longer_name_takes_its_lines() -> None:
    """``Stand`` names the status column by itself, but wrapped on over two more lines it is
    ``Stand van zaken``: the header row takes those lines, not the first row of the table."""
    first = make_lines(
        glyphs("Resultaat", 100, 100) + glyphs("Deadline", 200, 100) + glyphs("Stand", 360, 100)
    )[0]
    rest = [
        make_lines(glyphs(word, 360, 111 + 11 * i))[0] for i, word in enumerate(["van", "zaken"])
    ]
    body = make_lines(
        glyphs("1.1", 50, 140) + glyphs("Titel", 100, 140) + glyphs("Loopt", 360, 140)
    )
    found = header_at([first, *rest, *body], 0, PDF_VOCABULARY, PdfSettings())
    assert found is not None
    labels, body_start = found
    assert [label.text for label in labels] == ["Resultaat", "Deadline", "Stand van zaken"]
    assert body_start == 3


def test_header_labels_of_cells_as_close_as_words_split_at_column_names() -> None:
    names = {"resultaat", "deadline", "standvanzaken"}
    # "Resultaat" ends at 145; the next cell's label begins one space width further on.
    touching = make_lines(glyphs("Resultaat", 100, 100) + glyphs("Deadline", 150, 100))[0]
    assert [label.text for label in labels_of([touching], names)] == ["Resultaat", "Deadline"]
    assert [label.text for label in labels_of([touching])] == ["Resultaat Deadline"]
    # Words that do not begin another column's name stay with their label.
    annotated = make_lines(glyphs("Resultaat", 100, 100) + glyphs("2009", 150, 100))[0]
    assert [label.text for label in labels_of([annotated], names)] == ["Resultaat 2009"]


def centred_table(fragment: bool) -> tuple[list[Line], list[Line]]:
    """A borderless table whose cells are centred vertically, as browsers print them: each
    number and short cell stands at the middle of its row, the status runs past them. With
    ``fragment``, the page begins with the rest of a row cut off by the page break."""
    header = make_lines(glyphs("Resultaat", 100, 80) + glyphs("Stand", 300, 80))
    tops: list[float] = []
    body: list[Glyph] = []
    if fragment:
        body += glyphs("rest van de vorige", 300, 100)
    for number, first, count in (("1.1", 120.0, 5), ("1.2", 186.0, 3)):
        middle = first + PITCH * (count // 2)
        body += glyphs(number, 50, middle) + glyphs("Titel", 100, middle)
        for index in range(count):
            tops.append(first + index * PITCH)
            body += glyphs(f"regel {index} van {number}", 300, tops[-1])
    return header, make_lines(body)


@pytest.mark.parametrize("fragment", [False, True])
def test_rows_of_a_centred_table_are_the_bands_around_their_numbers(fragment: bool) -> None:
    header, body = centred_table(fragment)
    columns = find_columns(labels_of(header), body, [], 595)
    assert alignment_of(alignment_evidence(body, columns, PITCH)) == "middle"
    rows = split_rows(body, columns, row_rules=[], pitch=PITCH, alignment="middle")
    firsts = [row[0].text for row in rows]
    expected = ["regel 0 van 1.1", "regel 0 van 1.2"]
    assert firsts == (["rest van de vorige", *expected] if fragment else expected)
    assert [len(row) for row in rows][-2:] == [5, 3]


def test_rows_of_a_table_aligned_to_the_bottom_end_at_their_numbers() -> None:
    header = make_lines(glyphs("Resultaat", 100, 80) + glyphs("Stand", 300, 80))
    body: list[Glyph] = []
    for number, first, count in (("1.1", 120.0, 4), ("1.2", 186.0, 3), ("1.3", 240.0, 2)):
        last = first + PITCH * (count - 1)
        body += glyphs(number, 50, last) + glyphs("Titel", 100, last)
        for index in range(count):
            body += glyphs(f"regel {index} van {number}", 300, first + index * PITCH)
    lines = make_lines(body)
    columns = find_columns(labels_of(header), lines, [], 595)
    assert alignment_of(alignment_evidence(lines, columns, PITCH)) == "bottom"
    rows = split_rows(lines, columns, row_rules=[], pitch=PITCH, alignment="bottom")
    assert [[line.text.split()[-1] for line in row] for row in rows] == [
        ["1.1"] * 4,
        ["1.2"] * 3,
        ["1.3"] * 2,
    ]
    # Read as aligned to the top, the numbers would begin rows they end.
    assert [len(row) for row in split_rows(lines, columns, [], PITCH)] == [3, 3, 2, 1]


def test_a_browsers_page_header_and_footer_are_not_page_text() -> None:
    small = [Glyph(c, 20 + i * 4, 20 + (i + 1) * 4, 10, 18, 8.0) for i, c in enumerate("1/1/26")]
    footer = [Glyph(c, 20 + i * 4, 20 + (i + 1) * 4, 800, 808, 8.0) for i, c in enumerate("1/18")]
    text = glyphs("Titel", 100, 60) + glyphs("1.1 Een regel", 50, 100) + glyphs("twee", 100, 112)
    lines = within_margins(make_lines(small + text + footer))
    assert [ln.text for ln in lines] == ["Titel", "1.1 Een regel", "twee"]
    # Small type next to the text (a footnote, a small-print cell) stays.
    note = [Glyph(c, 100 + i * 4, 100 + (i + 1) * 4, 124, 132, 8.0) for i, c in enumerate("noot")]
    assert len(within_margins(make_lines(text + note))) == 4
    # Text that runs to the bottom of the page leaves the footer less than a line apart.
    close = [Glyph(c, 20 + i * 4, 20 + (i + 1) * 4, 129, 137, 8.0) for i, c in enumerate("2/18")]
    assert [ln.text for ln in within_margins(make_lines(text + close))][-1] == "twee"


def test_the_next_label_of_a_list_begins_a_paragraph_after_a_full_line() -> None:
    measure = Measure(100, 200, 200)
    lines = [
        TextLine(line("3 aanpak professionals onderzoek", 100, 100), measure),  # full: 160 pt
        TextLine(line("4 aanpak", 100, 112), measure),
    ]
    texts = ["".join(piece[0] for piece in p.pieces) for p in paragraphs_of(lines, PITCH)]
    assert texts == ["3 aanpak professionals onderzoek", "4 aanpak"]
    # Another number is no next label: the line wrapped.
    other = [lines[0], TextLine(line("7 aanpak", 100, 112), measure)]
    assert len(paragraphs_of(other, PITCH)) == 1


def test_a_heading_wrapped_over_two_lines_is_one_paragraph() -> None:
    def texts(lines: list[Line], right: float) -> list[str]:
        rows = _free_text(lines, right, usual=10.0)
        return [
            " ".join(run.text for p in row.cells[0].paragraphs for run in p.runs) for row in rows
        ]

    heading = [
        line("RAPPORTAGE 2009", 100, 100),
        line("ACTIEPLAN POLARISATIE EN", 100, 112),  # ends at 220: "RADICALISERING" went on
        line("RADICALISERING 2007-2011", 100, 124),
        line("December 2009", 100, 140),  # set apart
    ]
    assert texts(heading, right=250) == [
        "RAPPORTAGE 2009",
        "ACTIEPLAN POLARISATIE EN RADICALISERING 2007-2011",
        "December 2009",
    ]
    # Where the page had room for the next word, the line was ended on purpose.
    assert len(texts(heading, right=400)) == 4


def test_a_border_drawn_cell_by_cell_is_one_ruling() -> None:
    # A browser draws each cell's bottom border, 0.75 pt thick: two edges per piece.
    pieces = [(y, x0, x1) for y in (100.5, 101.2) for x0, x1 in ((34, 64), (63, 298), (298, 758))]
    assert joined_rulings(pieces) == [(100.5, 34, 758), (101.2, 34, 758)]
    # Apart on the line, or at another height, they stay apart.
    assert len(joined_rulings([(100, 34, 64), (100, 80, 120), (110, 34, 64)])) == 3


def test_a_line_across_the_columns_does_not_measure_them() -> None:
    """A heading between two tables (``SPOOR 2: …``) runs across the columns: how far the
    cells' text reaches is measured without it, on this page and the next."""
    header, body = header_and_body(left_aligned=True)
    heading = make_lines(glyphs("SPOOR 2: EEN KOP DIE OVER DE KOLOMMEN LOOPT", 50, 170))[0]
    reader = _TableReader(PDF_VOCABULARY, PdfSettings())
    prepared = Prepared(
        1,
        595,
        842,
        Rulings((), ()),
        [header, *body],
        [header, *body],
        [(0, labels_of([header]), 1)],
    )
    plain = reader._columns(labels_of([header]), body, prepared)
    reader.columns = None
    crossed = reader._columns(labels_of([header]), [*body, heading], prepared)
    assert crossed.bounds == plain.bounds
    assert crossed.measures == plain.measures
    reader.columns = crossed
    again = reader._columns(labels_of([header]), [*body, heading], prepared)
    assert again.measures == plain.measures


def test_a_heading_whose_word_runs_across_the_number_columns_gap_does_not_close_it() -> None:
    """One item at the foot of a table, the next table's heading below it: the heading's
    first word runs from the number column into the Resultaat column, where the one number
    on the page shows the gap between them. The gap stands, and the number is the item's."""
    header = make_lines(glyphs("Resultaat", 100, 100) + glyphs("Deadline", 300, 100))[0]
    item = make_lines(
        glyphs("5.11", 50, 120) + glyphs("Titel", 100, 120) + glyphs("2009", 300, 120)
    )
    more = [make_lines(glyphs(f"regel {n}", 100, 132 + 12 * n))[0] for n in range(3)]
    heading = make_lines(glyphs("TRACKHEADING 7: OUDERS", 50, 180))[0]  # 50 to 160
    columns = find_columns(labels_of([header]), [*item, *more, heading], [], 595)
    assert [part.text if part else "" for part in columns.split(item[0])] == [
        "5.11",
        "Titel",
        "2009",
    ]


def test_spaces_standing_alone_make_no_line() -> None:
    """A line is made of ink: a row of spaces alone (a damaged file's, or spaces an engine
    put back) makes no line, which would have no left or right end."""
    spaces = [Glyph(" ", x, x + 2.5, 100, 110, 10) for x in (50, 60)]
    word = [Glyph("a", 50, 55, 200, 210, 10)]
    lines = make_lines(spaces + word)
    assert [line.text for line in lines] == ["a"]


def test_a_short_table_under_a_title_block_in_large_type_is_page_text() -> None:
    """The page's text is the size most of its letters have: under a title block of three
    lines in large type, a table of two short lines is no margin's furniture."""

    def sized(text: str, x0: float, top: float, size: float) -> list[Glyph]:
        return [
            Glyph(c, x0 + i * size / 2, x0 + (i + 1) * size / 2, top, top + size, size)
            for i, c in enumerate(text)
        ]

    title = [
        *sized("VOORTGANGSRAPPORTAGE 2005", 90, 70, 14),
        *sized("ACTIEPLAN AANPAK 2003-2007", 90, 100, 12),
        *sized("December 2005", 90, 125, 12),
    ]
    table = [
        *sized("Resultaat Deadline Trekker Stand van zaken", 126, 172, 8),
        *sized("1.0 Aanpak BZK Aanpak en meer tekst.", 90, 194, 8),
    ]
    lines = within_margins(make_lines(title + table))
    assert [ln.text for ln in lines][-2:] == [
        "Resultaat Deadline Trekker Stand van zaken",
        "1.0 Aanpak BZK Aanpak en meer tekst.",
    ]
