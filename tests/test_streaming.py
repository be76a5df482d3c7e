"""Reading large reports in memory that grows with the records, not with the input: the HTML
tree built from lxml's parser events in pieces, items built as their rows end, and the loops
over rows, pages and items that were quadratic. Work is counted in Python calls, not timed."""

from __future__ import annotations

import pytest

from voortgang.checks.reading import missing_headers
from voortgang.model.records import Item, Reading, Report, Source
from voortgang.parse import inline, parse_bytes
from voortgang.parse.html import read_html
from voortgang.parse.inline import parse_html

from conftest import SAMPLES

HEADER = "\tResultaat\tDeadline\tTrekker\tStand van zaken\n"


@pytest.mark.parametrize("piece", [1, 7, 100, 4096])
def test_html_read_the_same_whatever_pieces_the_parser_is_given(
    piece: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Rows, cells, entities and tags cut across the parser's pieces at every place.
    names = ["voortgangsrapportage-2009.html", "voortgangsrapportage-2009-libreoffice.html"]
    for name in names if piece > 1 else names[:1]:
        data = (SAMPLES / name).read_bytes()
        whole = list(read_html(data))
        monkeypatch.setattr(inline, "PARSER_PIECE", piece)
        assert list(read_html(data)) == whole
        monkeypatch.undo()


def test_the_tree_keeps_text_and_elements_in_document_order_without_comments() -> None:
    document = parse_html("<p>a<!-- weg --><b>b</b>c<?pi x?>d</p>")
    (p,) = document.iter("p")
    assert [n if isinstance(n, str) else n.tag for n in p.content] == ["a", "b", "c", "d"]
    (b,) = p.children("b")
    assert (b.parent, b.ancestor("p"), b.ancestor("table")) == (p, p, None)


def test_the_tree_goes_deeper_than_lxmls_own_tree_would() -> None:
    depth = 5000  # lxml's tree stops at 2048 (with huge_tree), dropping what is deeper
    document = parse_html("<div>" * depth + "diep" + "</div>" * depth)
    deepest = list(document.iter("div"))[-1]
    assert len(list(document.iter("div"))) == depth
    assert deepest.content == ["diep"]


def report_of_pages(pages: int) -> str:
    """A text rendition of ``pages`` pages, the running heading (with the report's year)
    only from the second page on, each page with one item whose deadline is a bare month."""
    out = []
    for number in range(1, pages + 1):
        heading = "Inleiding\n\nDecember 2012\n\n" if number > 1 else "Inleiding\n\n"
        out.append(f"{heading}SPOOR 1: LOKAAL\t\t\t\t\n{HEADER}1.{number}\tT\tnovember\tBZK\tS\n")
    return "".join(out)


def test_a_bare_month_takes_the_year_of_a_heading_read_after_its_item() -> None:
    # Item 1.1 is built before the pages that tell the report's year are read.
    report = parse_bytes(report_of_pages(4).encode(), "x.txt")
    assert (report.title, report.date) == ("Inleiding", "December 2012")
    assert [(i.deadline.kind, i.deadline.year) for i in report.items if i.deadline] == [
        ("month", 2012)
    ] * 4


def test_header_pages_recorded_once_each_in_order() -> None:
    report = parse_bytes(report_of_pages(3).encode(), "x.txt")
    assert report.reading is not None and report.reading.header_pages == [1, 2, 3]


def headless(pages: int) -> Report:
    """Records of ``pages`` pages, an item a page, the header row found on three of them
    and on none of the others."""
    items = [
        Item(number=f"1.{n}", track=1, title="T", italic=False, deadline=None, lead=[],
             lead_text="", status="", sub_items=[], references=[], pages=[n])
        for n in range(1, pages + 1)
    ]  # fmt: skip
    return Report(
        title=None, plan=None, date=None, tracks=[], items=items,
        source=Source(path="x", format="pdf", sha256="0", pages=pages),
        reading=Reading(header_pages=list(range(1, 2 * pages // 3 + 1))),
    )  # fmt: skip


class Looked(list):
    """A list that counts how often it is searched or walked."""

    uses = 0

    def __contains__(self, value: object) -> bool:
        Looked.uses += 1
        return super().__contains__(value)

    def __iter__(self):  # type: ignore[no-untyped-def]
        Looked.uses += 1
        return super().__iter__()


def pages_looked_at(report: Report) -> int:
    """How often ``missing_headers`` searches or walks the items' lists of pages."""
    for item in report.items:
        object.__setattr__(item, "pages", Looked(item.pages))
    Looked.uses = 0
    list(missing_headers(report))
    return Looked.uses


def test_pages_without_their_header_found_in_work_linear_in_the_items() -> None:
    found = list(missing_headers(headless(6)))
    assert [(d.code, d.item, d.page) for d in found] == [("VG503", "1.5", 5), ("VG503", "1.6", 6)]
    small, large = pages_looked_at(headless(300)), pages_looked_at(headless(1200))
    # four times the pages: four times the looks; each page's item searched for: sixteen
    assert large < 5 * small
