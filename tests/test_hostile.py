"""Hostile and odd input (issue 15): no silent corruption, one clear line and exit 2 for what
cannot be read, a terminal that only ever shows text."""

from __future__ import annotations

import pytest

from voortgang import parse_bytes
from voortgang.parse.text import read_text, rows_of

from conftest import TEXT_SAMPLE

# -- the text rendition: rows end at \n, \r\n and \r only ----------------------------------

CELL_SEPARATORS = ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("separator", CELL_SEPARATORS, ids=repr)
def test_a_line_separator_inside_a_cell_is_whitespace_not_a_new_row(separator: str) -> None:
    text = TEXT_SAMPLE.read_text(encoding="utf-8")
    plain = parse_bytes(text.encode(), "plain.txt")
    title = plain.items[0].title
    first, _, rest = title.partition(" ")
    assert rest, "the first item's title has two words to put the separator between"
    odd = text.replace(title, f"{first}{separator}{rest}", 1)
    assert odd != text
    read = parse_bytes(odd.encode(), "odd.txt")
    assert [item.number for item in read.items] == [item.number for item in plain.items]
    assert read.items[0] == plain.items[0]


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"], ids=repr)
def test_rows_end_at_each_kind_of_line_end(ending: str) -> None:
    text = TEXT_SAMPLE.read_text(encoding="utf-8")
    plain = list(read_text(text.encode()))
    other = ending.join(text.split("\n"))
    assert list(read_text(other.encode())) == plain


def test_rows_of_splits_at_line_ends_only() -> None:
    assert list(rows_of("a\x0bb\r\nc\rd\ne\u2028f\x85g")) == ["a\x0bb", "c", "d", "e\u2028f\x85g"]
    assert list(rows_of("a\n\nb\n")) == ["a", "", "b"]
    assert list(rows_of("")) == []
