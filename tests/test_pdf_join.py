"""The rules that join a cell's lines into paragraphs, one by one, on synthetic lines."""

from __future__ import annotations

import re

import pytest

from voortgang.parse.pdf import PdfSettings, TableVocabulary
from voortgang.parse.pdf.columns import Measure, TextLine
from voortgang.parse.pdf.glyphs import Glyph, Line, make_lines
from voortgang.parse.pdf.join import (
    JOIN_RULES,
    Join,
    LineBreak,
    attached,
    broken_after_slash,
    broken_where_full,
    drawn_wrap_space,
    hyphenated,
    join_between,
    list_item,
    missing_wrap_space,
    next_word_fitted,
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
) -> LineBreak:
    """``before`` on a line of a column, ``after`` on the next, ``step`` further down."""
    first = TextLine(line(before, measure.start, 100), measure)
    second = TextLine(line(after, measure.start, 100 + step), measure)
    return LineBreak(first, second, pitch, wrap_spaces, VOCABULARY, PdfSettings())


def test_the_rules_in_order() -> None:
    assert [rule.__name__ for rule in JOIN_RULES] == [
        "spaced_apart",
        "list_item",
        "attached",
        "next_word_fitted",
        "drawn_wrap_space",
        "missing_wrap_space",
        "hyphenated",
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
