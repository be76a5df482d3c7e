"""Unit tests for reading single fields: deadlines, leads, references."""

from __future__ import annotations

import pytest

from voortgang.parse.deadline import read_deadline
from voortgang.parse.lead import split_lead
from voortgang.parse.references import find_references


@pytest.mark.parametrize(
    ("text", "kind", "year", "month"),
    [
        ("continu", "continuous", None, None),
        ("Continue", "continuous", None, None),
        ("doorlopend", "continuous", None, None),
        ("2009", "year", 2009, None),
        ("uiterlijk 2011", "year", 2011, None),
        ("november", "month", 2009, 11),
        ("mei", "month", 2009, 5),
        ("april 2010", "month", 2010, 4),
        ("dec. 2010", "month", 2010, 12),
        ("voorjaar", "season", 2009, None),
        ("najaar 2010", "season", 2010, None),
        ("Begin 2010", "part_of_year", 2010, None),
        ("eind 2009", "part_of_year", 2009, None),
        ("medio 2010", "part_of_year", 2010, None),
        ("Q3 2010", "part_of_year", 2010, None),
        ("tweede helft 2010", "part_of_year", 2010, None),
        ("dec. 2009-juni 2010", "unknown", None, None),
        ("2009/2010", "unknown", None, None),
        ("zodra mogelijk", "unknown", None, None),
    ],
)
def test_deadline_reading(text: str, kind: str, year: int | None, month: int | None) -> None:
    deadline = read_deadline(text, report_year=2009)
    assert (deadline.text, deadline.kind, deadline.year, deadline.month) == (
        text,
        kind,
        year,
        month,
    )


def test_bare_month_without_a_report_year_has_no_year() -> None:
    assert read_deadline("november", report_year=None).year is None


@pytest.mark.parametrize(
    ("text", "lead"),
    [
        ("BZK", ["BZK"]),
        ("BZK/VNG", ["BZK", "VNG"]),
        ("BZK, Justitie/ NCTb en WWI", ["BZK", "Justitie", "NCTb", "WWI"]),
        ("BZK i.s.m. WWI", ["BZK", "WWI"]),
        ("J&G en WWI", ["J&G", "WWI"]),
        ("BZK, J&G", ["BZK", "J&G"]),
        ("BuZa NCTb", ["BuZa", "NCTb"]),
        ("BZK BZK  BZK BZK/VNG BZK/VNG", ["BZK", "VNG"]),
        ("BZK en AIVD\nNCTb\nWWI\nBZK", ["BZK", "AIVD", "NCTb", "WWI"]),
        ("BZK/OCW/ Nuansa", ["BZK", "OCW", "Nuansa"]),
        ("Politie Haaglanden en BZK", ["Politie Haaglanden", "BZK"]),
        ("", []),
    ],
)
def test_lead_split(text: str, lead: list[str]) -> None:
    assert split_lead(text) == lead


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("wordt gedaan in het traject (zie 2.3.1)", [("2.3.1", "zie 2.3.1")]),
        ("Zie punt 2.11", [("2.11", "Zie punt 2.11")]),
        ("Onderzoek (2.0.2) toont dat", [("2.0.2", "(2.0.2)")]),
        ("Zoals aangegeven onder 2.13 wordt", [("2.13", "onder 2.13")]),
        ("De 7 landen van het netwerk (zie 3.1.b) hebben", [("3.1.b", "zie 3.1.b")]),
        ("- zie 2.10: pilot-opleiding", [("2.10", "zie 2.10")]),
        ("Zie 1.4 Crime is een project", [("1.4", "Zie 1.4")]),
        ("zie 2.3 en 2.4", [("2.3", "zie 2.3"), ("2.4", "2.4")]),
        ("zie ook 3.1b.", [("3.1.b", "zie ook 3.1b")]),
        ("(2.2) en later zie 2.2.", [("2.2", "(2.2)"), ("2.2", "zie 2.2")]),
    ],
)
def test_references_found(text: str, found: list[tuple[str, str]]) -> None:
    assert [(r.target, r.text) for r in find_references(text, "status")] == found


@pytest.mark.parametrize(
    "text",
    [
        "heeft in 2009 34.375 leerlingen bereikt",
        "drie hoofdthema's: (1) factoren; (2) ervaringen; (3) internet",
        "Actieplan Polarisatie en Radicalisering 2007-2011",
        "Op 28 en 29 oktober 2009 vond de conferentie plaats",
        "Uitvoering dec. 2009-juni 2010",
        "Bij de Participatietop (juni 2007) is afgesproken",
        "onder 10.000 jongeren en (12.500) ouders",
        "In deze agenda worden 1) de kennislacunes beschreven",
        "op 28.10.2009 en (1.10.2009)",
    ],
)
def test_traps_are_no_references(text: str) -> None:
    assert find_references(text, "status") == []
