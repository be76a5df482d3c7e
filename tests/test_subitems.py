"""Unit tests for cutting a Resultaat cell into title and sub-items."""

from __future__ import annotations

import pytest

from voortgang.parse.inline import paragraphs_of_fragment
from voortgang.parse.subitems import split_sub_items


def split(html: str, labels: list[str] | None = None) -> list[tuple[str | None, str, bool]]:
    segments = split_sub_items(paragraphs_of_fragment(html), labels if labels is not None else [])
    return [(segment.label, segment.text, segment.is_italic) for segment in segments]


def test_labels_inside_the_italics_without_dots() -> None:
    assert split("Ondersteuning  <i>1 Stimuleren projecten</i> <i>2 Toolkits</i>") == [
        (None, "Ondersteuning", False),
        ("1", "Stimuleren projecten", True),
        ("2", "Toolkits", True),
    ]


def test_labels_outside_the_italics_with_dots() -> None:
    assert split("Onderzoeken: 1. <i>Analyse van trends</i>  2. <i>CRIME</i>") == [
        (None, "Onderzoeken:", False),
        ("1", "Analyse van trends", True),
        ("2", "CRIME", True),
    ]


def test_letter_labels_in_paragraphs_italic_or_not() -> None:
    assert split("<p>Beleidsaanpak</p> <p>a. Conferentie</p> <p><i>b. Leidraad</i></p>") == [
        (None, "Beleidsaanpak", False),
        ("a", "Conferentie", False),
        ("b", "Leidraad", True),
    ]


def test_an_italic_title_without_a_label_is_no_sub_item() -> None:
    assert split("<i>Fight for your rights</i>") == [(None, "Fight for your rights", True)]


def test_a_cell_that_starts_with_a_sub_item_has_an_empty_title() -> None:
    assert split("<i>a. Docenten tools geven</i>") == [
        (None, "", False),
        ("a", "Docenten tools geven", True),
    ]


@pytest.mark.parametrize(
    "html",
    [
        "3 pilots in gemeenten",  # a title opening with a number: first labels are a or 1
        "Voor 2009 is 4 mln. beschikbaar",  # a number inside plain text
        "<p>Titel</p> <p>b. zonder a</p>",
        "Zie onder <i>c. elders</i>",  # an inline label must be next in sequence
    ],
)
def test_no_sub_items(html: str) -> None:
    assert [label for label, _, _ in split(html)] == [None]


def test_labels_continue_from_earlier_rows() -> None:
    labels = ["a"]
    assert split("<p><i>b. tweede</i></p> <p><i>c. derde</i></p>", labels) == [
        (None, "", False),
        ("b", "tweede", True),
        ("c", "derde", True),
    ]
    assert labels == ["a", "b", "c"]


def test_text_after_a_sub_item_stays_with_it() -> None:
    html = (
        '<p><i>a. Acties:</i></p> <ul style="list-style-type: none">'
        "<li>o Nederland organiseert</li><li>o Benchmarking</li></ul>"
    )
    assert split(html) == [
        (None, "", False),
        ("a", "Acties:\no Nederland organiseert\no Benchmarking", True),
    ]


def test_a_skipped_or_mixed_label_at_a_paragraph_start_is_kept_for_check() -> None:
    assert [label for label, _, _ in split("<p>a. een</p> <p>b. twee</p> <p>d. vier</p>")] == [
        None, "a", "b", "d",
    ]  # fmt: skip
    assert [label for label, _, _ in split("<p>a. een</p> <p>2. twee</p>")] == [None, "a", "2"]


def test_an_ordered_list_gives_its_labels() -> None:
    assert split('Titel<ol type="a"><li><i>een</i></li><li><i>twee</i></li></ol>') == [
        (None, "Titel", False),
        ("a", "een", True),
        ("b", "twee", True),
    ]


def test_a_plain_label_where_an_italic_title_ends() -> None:
    assert split("<i>Moskeeën en jongeren</i> 1 evaluatie onderzoek") == [
        (None, "Moskeeën en jongeren", True),
        ("1", "evaluatie onderzoek", False),
    ]
    # Plain text on both sides is no sub-item: "in 1 jaar".
    assert split("Onderzoek in 1 jaar") == [(None, "Onderzoek in 1 jaar", False)]
