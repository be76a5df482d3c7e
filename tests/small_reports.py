"""Small reports written as text renditions, for tests of single rules."""

from __future__ import annotations

from voortgang.model.records import Report
from voortgang.parse import parse_bytes

HEADING = "# VOORTGANGSRAPPORTAGE 2009\n\n## ACTIEPLAN VOORBEELD 2007-2011\n\nDecember 2009\n\n"
HEADER = "\t<b>Resultaat</b>\t<b>Deadline</b>\t<b>Trekker</b>\t<b>Stand van zaken</b>\n"


def page(*rows: str, track: int = 1, header: bool = True) -> str:
    """A page of a text rendition; ``header`` false leaves out the column header row."""
    head = HEADER if header else ""
    return HEADING + f"SPOOR {track}: AANPAK\t\t\t\t\n" + head + "".join(r + "\n" for r in rows)


def row(
    number: str, result: str = "Tekst", deadline: str = "2009", lead: str = "BZK", status: str = ""
) -> str:
    return "\t".join((number, result, deadline, lead, status))


def read(*pages: str) -> Report:
    return parse_bytes("".join(pages).encode(), "test.txt")


def sub_items(*labels: str) -> str:
    return "<p>Titel</p> " + " ".join(f"<p><i>{label}. punt {label}</i></p>" for label in labels)
