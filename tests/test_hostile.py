"""Hostile and odd input (issue 15): no silent corruption, one clear line and exit 2 for what
cannot be read, a terminal that only ever shows text."""

from __future__ import annotations

import cProfile
import pstats
from collections.abc import Callable

import pytest

from voortgang import parse_bytes
from voortgang.parse.html import read_html
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


# -- HTML: numeric attributes read as browsers read them; nesting in linear work -----------

HEADER_ROW = (
    "<tr><th></th><th>Resultaat</th><th>Deadline</th><th>Trekker</th><th>Stand van zaken</th></tr>"
)


def one_item_html(result: str, depth: int = 0, number: str = "<td>1.0</td>") -> bytes:
    """A report of one item whose Resultaat cell holds ``result``, the table inside ``depth``
    nested ``<div>``s."""
    row = f"<tr>{number}<td>{result}</td><td>2010</td><td>BZK</td><td>Loopt</td></tr>"
    table = f"<table>{HEADER_ROW}{row}</table>"
    return f"<html><body>{'<div>' * depth}{table}{'</div>' * depth}</body></html>".encode()


def labels(result: str) -> list[str]:
    """The markers the reader gives the items of ``<ol`` + ``result`` + ``</ol>``."""
    (page,) = read_html(f"<table><tr><td><ol{result}</ol></td></tr></table>".encode())
    return [line.split(".")[0] for line in page.rows[0].cells[0].text.split("\n")]


@pytest.mark.parametrize(
    ("attributes", "expected"),
    [
        ('><li value="x1">a</li><li>b</li>', ["1", "2"]),  # no number: ignored
        (' start="abc"><li>a</li><li>b</li>', ["1", "2"]),
        (' start="' + "9" * 5000 + '"><li>a</li><li>b</li>', ["1", "2"]),  # past 32 bits
        (' start=" 3x"><li>a</li><li>b</li>', ["3", "4"]),  # the digits a browser reads
        (' start="+4"><li>a</li><li>b</li>', ["4", "5"]),
        ('><li>a</li><li value="7">b</li><li>c</li>', ["1", "7", "8"]),  # counts on from 7
        ('><li value="' + "1" * 5000 + '">a</li><li>b</li>', ["1", "2"]),
    ],
)
def test_list_numbers_read_leniently_as_browsers_do(attributes: str, expected: list[str]) -> None:
    assert labels(attributes) == expected


@pytest.mark.parametrize("span", ["abc", "x2", "9" * 5000, "-3", ""])
def test_a_span_without_a_usable_number_is_one_column(span: str) -> None:
    cells = f'<td colspan="{span}" rowspan="{span}">Titel</td>'
    row = f"<tr><td>1.0</td>{cells}<td>2010</td><td>BZK</td><td>Loopt</td></tr>"
    html = f"<table>{HEADER_ROW}{row}</table>".encode()
    (item,) = parse_bytes(html, "x.html").items
    assert (item.title, item.lead, item.status) == ("Titel", ["BZK"], "Loopt")


def calls(function: Callable[[], object]) -> int:
    """How many Python function calls ``function()`` makes: a measure of work that, unlike
    time, does not depend on the machine or its load."""
    profile = cProfile.Profile()
    profile.runcall(function)
    return int(pstats.Stats(profile).total_calls)  # type: ignore[attr-defined]


def test_nesting_depth_costs_linear_work() -> None:
    def reading(depth: int) -> Callable[[], object]:
        data = one_item_html("Titel", depth)
        return lambda: parse_bytes(data, "x.html")

    (item,) = parse_bytes(one_item_html("Titel", 3000), "x.html").items
    assert (item.number, item.title, item.status) == ("1.0", "Titel", "Loopt")
    small, large = calls(reading(500)), calls(reading(2000))
    # Four times as deep: about four times the work where it is linear, sixteen where each
    # container searched its subtree again (as it did).
    assert large < 6 * small
