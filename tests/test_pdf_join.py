"""The rules that join a cell's lines into paragraphs, one by one, on synthetic lines."""

from __future__ import annotations

import re

import pytest

from voortgang.parse.grid import Doubt
from voortgang.parse.pdf import PdfSettings, TableVocabulary
from voortgang.parse.pdf.columns import Measure, TextLine
from voortgang.parse.pdf.glyphs import Glyph, Line, make_lines
from voortgang.parse.pdf.join import (
    JOIN_RULES,
    Join,
    Lexicon,
    LineBreak,
    attached,
    broken_after_slash,
    broken_where_full,
    documents_words,
    drawn_wrap_space,
    hyphenated,
    join_between,
    list_item,
    missing_wrap_space,
    next_word_fitted,
    read_join,
    spaced_apart,
    wrapped,
)

SIZE, ADVANCE, PITCH = 10.0, 5.0, 12.0  # every glyph 5 pt wide, a space too
# A vocabulary of the test's own: the rules know only what they are handed.
VOCABULARY = TableVocabulary(
    column_names=(("resultaat",),),
    item_number=re.compile(r"\d+(?:\.\d+)+"),
    item_number_start=re.compile(r"\d+(?:\.\d+)*\.|\d+(?:\.\d+)+"),
    organisations=frozenset({"ABC", "DEF", "GHIj"}),
)
COLUMN = Measure(100, 200, 200)  # 20 glyphs wide, its widest line reaching the edge
# A producer that draws the space a line wraps at: ink or drawn spaces reach 330.
DRAWN = Measure(300, 340, 340, reach=330, space=ADVANCE)


def line(text: str, x0: float, top: float) -> Line:
    glyphs = [
        Glyph(char, x0 + i * ADVANCE, x0 + (i + 1) * ADVANCE, top, top + SIZE, SIZE)
        for i, char in enumerate(text)
    ]
    (made,) = make_lines(glyphs)
    return made


def lines(
    before: str,
    after: str,
    measure: Measure = COLUMN,
    step: float = PITCH,
    pitch: float | None = PITCH,
    wrap_spaces: bool = False,
    lexicon: Lexicon | None = None,
) -> LineBreak:
    """``before`` on a line of a column, ``after`` on the next, ``step`` further down."""
    first = TextLine(line(before, measure.start, 100), measure)
    second = TextLine(line(after, measure.start, 100 + step), measure)
    return LineBreak(first, second, pitch, wrap_spaces, VOCABULARY, PdfSettings(), lexicon)


def test_the_rules_in_order() -> None:
    assert [rule.__name__ for rule in JOIN_RULES] == [
        "spaced_apart",
        "list_item",
        "attached",
        "next_word_fitted",
        "drawn_wrap_space",
        "missing_wrap_space",
        "hyphenated",
        "documents_words",
        "broken_where_full",
        "broken_after_slash",
        "wrapped",
    ]


def test_the_first_rule_with_an_opinion_decides() -> None:
    # Spaced apart and a list item both say a new paragraph; a hyphen would join the word.
    pair = lines("een woord dat doorgaat ab-", "cd", step=20)
    assert spaced_apart(pair) is Join.PARAGRAPH and hyphenated(pair) is Join.WORD
    assert join_between(pair.before, pair.after, PITCH, vocabulary=VOCABULARY) is None


def test_spaced_apart() -> None:
    assert spaced_apart(lines("Eerste regel", "tweede", step=16)) is Join.PARAGRAPH
    assert spaced_apart(lines("Eerste regel", "tweede", step=PITCH)) is None
    # Across a page break spacing says nothing.
    assert spaced_apart(lines("Eerste regel", "tweede", step=-600, pitch=None)) is None


@pytest.mark.parametrize(
    ("after", "decision"),
    [("- via", Join.PARAGRAPH), ("2. tweede", Join.PARAGRAPH), ("2) tweede", None), ("-", None)],
)
def test_list_item(after: str, decision: Join | None) -> None:
    assert list_item(lines("Een regel", after)) is decision


@pytest.mark.parametrize(
    ("before", "after", "decision"),
    [
        ("Kort", "Nieuw begin", Join.PARAGRAPH),  # "Nieuw" fitted after "Kort"
        ("ABC,", "DEF, GHI", None),  # a column of names, shrunk to its content
        ("Een regel die vol is", "en verder", None),  # 20 glyphs: "en" did not fit
    ],
)
def test_next_word_fitted(before: str, after: str, decision: Join | None) -> None:
    assert next_word_fitted(lines(before, after)) is decision


def test_drawn_wrap_space() -> None:
    assert drawn_wrap_space(lines("ABC/ ", "DEF", DRAWN, wrap_spaces=True)) is Join.SPACE
    assert drawn_wrap_space(lines("ABC/ ", "DEF", DRAWN, wrap_spaces=False)) is None
    assert drawn_wrap_space(lines("ABC/", "DEF", DRAWN, wrap_spaces=True)) is None


@pytest.mark.parametrize(
    ("before", "after", "decision"),
    [
        ("ABC/", "DEF", Join.WORD),  # room for a space, none drawn: broken at the slash
        ("cont", "continu", Join.PARAGRAPH),  # room for a space, none drawn: it ended
        ("informati", "e", None),  # no room for a space: the rule has no opinion
    ],
)
def test_missing_wrap_space(before: str, after: str, decision: Join | None) -> None:
    assert missing_wrap_space(lines(before, after, DRAWN, wrap_spaces=True)) is decision
    assert missing_wrap_space(lines(before, after, DRAWN, wrap_spaces=False)) is None


def test_missing_wrap_space_in_a_word_too_long_for_the_column() -> None:
    # "infor" ends where a drawn space would still reach, and "m" would overrun the edge.
    full = Measure(300, 328, 328, reach=335, space=ADVANCE)
    assert missing_wrap_space(lines("infor", "matie", full, wrap_spaces=True)) is Join.WORD


@pytest.mark.parametrize(
    ("before", "after", "decision"),
    [
        ("samen-", "werking", Join.WORD),
        ("voor-", "en najaar", Join.SPACE),  # a dash, the word it shares comes after "en"
        ("en -", "verder", None),  # a dash standing alone
        ("ab-", "- lijst", None),
    ],
)
def test_hyphenated(before: str, after: str, decision: Join | None) -> None:
    assert hyphenated(lines(before, after)) is decision


@pytest.mark.parametrize(
    ("before", "after", "decision"),
    [
        ("novemb", "er", Join.WORD),  # fills the narrow column; goes on in lower case
        ("GHI", "j", Join.WORD),  # halves of a known name
        ("ABC", "DEF", None),  # two names
        ("ABC", "en", None),  # a name, then a word
        ("7.0.", "3", Join.WORD),  # an item number
        ("7.0", ".3", Join.WORD),  # an item number broken before its dot
        ("7.0.", "a", None),  # the halves make no item number
        ("2009", "2010", None),
        ("programma'", "s", Join.WORD),  # an apostrophe stands inside a word
        ("abc-defgh", "ijk", None),  # a hyphen it could break at, and did not: fitted whole
        ("abc/defgh", "ijk", Join.WORD),  # a slash is no such place
        ("abc'", "s'", Join.WORD),
        ("nov", "er", None),  # the column was not full
    ],
)
def test_broken_where_full(before: str, after: str, decision: Join | None) -> None:
    # The column as wide as the line, but for "nov", which leaves three glyphs of room.
    width = ADVANCE * (len(before) + 3 * (before == "nov"))
    measure = Measure(300, 300 + width, 300 + width)
    assert broken_where_full(lines(before, after, measure)) is decision


def test_broken_where_full_in_a_wide_column_only_where_the_producer_draws_wrap_spaces() -> None:
    wide = Measure(300, 300 + ADVANCE * 20, 300 + ADVANCE * 20)
    assert broken_where_full(lines("Professionaliserings", "aanbod", wide)) is None
    pair = lines("Professionaliserings", "aanbod", wide, wrap_spaces=True)
    assert broken_where_full(pair) is Join.WORD


@pytest.mark.parametrize(
    ("before", "after", "decision"),
    [
        ("docenten/", "onderwijzers", Join.WORD),
        ("ABC/DEF/", "GHI", None),  # a name may stand apart
        ("1/", "tweede", None),
    ],
)
def test_broken_after_slash(before: str, after: str, decision: Join | None) -> None:
    assert broken_after_slash(lines(before, after)) is decision


def test_wrapped_is_the_last_word() -> None:
    assert JOIN_RULES[-1] is wrapped
    assert wrapped(lines("Een regel", "en verder")) is Join.SPACE


@pytest.mark.parametrize(
    ("before", "after", "decision"),
    [
        ("trajecten", ".", Join.WORD),
        ("trajecten", ", en", Join.WORD),
        ("(zie hoofdstuk", ") en", Join.WORD),
        ("programma", "'s van", Join.WORD),
        ("programma", "'Na de schok'", None),  # a quotation begins
        ("trajecten.", ". en", None),
        ("trajecten", "en", None),
    ],
)
def test_attached(before: str, after: str, decision: Join | None) -> None:
    assert attached(lines(before, after)) is decision


# -- the document's own words ------------------------------------------------------------------


def lexicon_of(*texts: str) -> Lexicon:
    """The words ``texts``, each a line of running text, hold whole."""
    lexicon = Lexicon()
    lexicon.add(line(text, 100, 100 + index * PITCH) for index, text in enumerate(texts))
    return lexicon


def full(before: str, after: str, lexicon: Lexicon | None, wrap_spaces: bool = True) -> LineBreak:
    """``before`` filling its column to the end, ``after`` on the next line, by a producer
    that draws the spaces lines wrap at."""
    measure = Measure(300, 300 + ADVANCE * len(before), 300 + ADVANCE * len(before))
    return lines(before, after, measure, lexicon=lexicon, wrap_spaces=wrap_spaces)


def test_the_lexicon_counts_words_between_drawn_spaces_only() -> None:
    lexicon = lexicon_of("de jongeren en hun ouders.")
    assert [lexicon.knows(word) for word in ("jongeren", "en", "hun", "Jongeren")] == [True] * 4
    # A line's first and last words may be halves of broken ones.
    assert not lexicon.knows("de") and not lexicon.knows("ouders")
    # Nor does a word count beside a gap the PDF left: a column's edge.
    glyphs = [*line("een woord", 100, 100).glyphs, *line("stuk", 160, 100).glyphs]
    (gapped,) = make_lines([g for g in glyphs if not g.text.isspace() or g.x0 < 150])
    lexicon = Lexicon()
    lexicon.add([gapped])
    assert not lexicon.knows("woord")


def test_the_lexicon_counts_a_cells_words_at_line_ends_that_left_room() -> None:
    measure = Measure(300, 300 + ADVANCE * 12, 300 + ADVANCE * 12)
    cell = [
        TextLine(line(text, 300, 100 + index * PITCH), measure)
        for index, text in enumerate(["november", "Professionali", "sering", "a. aanpak"])
    ]
    lexicon = Lexicon()
    lexicon.add_cell(cell)
    # "november" left room for a letter more: whole; "Professionali" filled the line: not;
    # "sering" is the rest of it; "a." is a list label, "aanpak" after it whole.
    assert [lexicon.knows(w) for w in ("november", "professionali", "sering", "a", "aanpak")] == [
        True,
        False,
        False,
        False,
        True,
    ]


@pytest.mark.parametrize(
    ("before", "after", "decision"),
    [
        ("handreiki", "ng", Join.WORD),  # the two as one are the document's word
        ("ontwikke", "l", Join.WORD),  # the start of one: broken again on the next line
        ("novembe", "r", Join.WORD),  # a rest of one letter the document holds as no word
        ("jongeren", "expertise", Join.SPACE),  # each a word of the document, the two not one
        ("jongeren", "expert", Join.SPACE),  # the next word broken again: the start of one
        ("jongeren", "voor.", Join.SPACE),  # the punctuation after a word is not part of it
        ("Jongeren", "zorg", None),  # "zorg" is no word of the document: no evidence
        ("onbekend", "woord", None),
        ("BZK/V", "NG", None),  # names and numbers have rules of their own
        ("2.0.", "1", None),
    ],
)
def test_documents_words(before: str, after: str, decision: Join | None) -> None:
    lexicon = lexicon_of("een handreiking voor jongeren en expertise van ontwikkeling nu")
    assert documents_words(full(before, after, lexicon)) is decision


def test_documents_words_only_where_the_line_was_full() -> None:
    lexicon = lexicon_of("een handreiking voor jongeren nu")
    roomy = Measure(300, 400, 400)
    assert documents_words(lines("handreiki", "ng", roomy, lexicon=lexicon)) is None


def test_a_guess_without_the_documents_evidence_is_a_doubt() -> None:
    lexicon = lexicon_of("een handreiking voor jongeren nu")
    assert read_join(full("Onbekend", "woord", lexicon)) == (
        Join.WORD,
        Doubt("Onbekend", "woord", joined=True),
    )
    assert read_join(full("handreiki", "ng", lexicon)) == (Join.WORD, None)
    assert read_join(full("jongeren", "voor", lexicon)) == (Join.SPACE, None)
    # Without a lexicon (a reader that keeps none) nothing is a doubt; nor where the producer
    # draws no wrap spaces, and breaks no words in a column wide enough for them.
    assert read_join(full("Onbekend", "woord", None))[1] is None
    assert read_join(full("Onbekend", "woord", lexicon, wrap_spaces=False))[1] is None


def test_a_word_broken_after_a_list_label_in_its_hanging_indent() -> None:
    """A list item's label stands in its hanging indent: the line holds one word all the
    same, broken where the column was full (``a. coördi`` / ``natie``)."""
    measure = Measure(300, 300 + ADVANCE * 9, 300 + ADVANCE * 9)
    assert broken_where_full(lines("a. coördi", "natie", measure)) is Join.WORD
    assert broken_where_full(lines("• Bijeenko", "mst", measure)) is Join.WORD
