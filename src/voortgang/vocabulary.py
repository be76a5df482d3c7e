"""The report's vocabulary: the words and numbers a voortgangsrapportage is read by.

The one home of what parse, check and export know about the report's language rather than
its file format: the grammar of its item numbers and sub-item labels, the headings its columns
go by (per record field, as the reports of the family print them), and the organisations that
lead its actions. Assembly hands what the PDF reader needs of it over in a ``TableVocabulary``,
so that the reader's geometry knows no report.

A ``Vocabulary`` is this built-in one, or it with the headings and organisations a config
file or ``--column`` adds (see ``voortgang.config``). Imports nothing of voortgang, so that
the model can validate records by the same grammar.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

# --- Item numbers ---------------------------------------------------------------------------
# Digits are ASCII only: ``\d`` in Python also matches superscripts and other scripts' digits,
# which int() refuses or reads as other numbers. Every part is bounded, so that a number is
# never a huge int.

# The most digits a part of a number has (a year, 2009, is the longest part a report prints)
PART_DIGITS = 4
# and the most parts (reports go to three levels; a fourth or fifth is a misreading to report).
MAX_PARTS = 8
PART = rf"[0-9]{{1,{PART_DIGITS}}}"
# Any number of parts, as check reads item numbers: ``13``, ``2.3``, ``2.3.1``.
NUMBER = re.compile(rf"{PART}(?:\.{PART}){{0,{MAX_PARTS - 1}}}")
# A number of two levels or more: what a row's number, or one quoted in text, looks like.
MULTI_LEVEL = re.compile(rf"{PART}(?:\.{PART}){{1,{MAX_PARTS - 1}}}")
# An item number at the start of a paragraph, as a row's number stands when the number column
# was read into the next one: "4.2.1 Plan van aanpak", "4.2. Plan".
LEADING_NUMBER = re.compile(rf"({MULTI_LEVEL.pattern})\.?(?=\s|$)")
# An item's number as its row shows it: ``7.4``, ``7.0.3``, ``7.5.`` (parts of one or two
# digits: what tells a row's number from an amount or a year).
ITEM_NUMBER = re.compile(r"[0-9]{1,2}(?:\.[0-9]{1,2}){1,7}\.?")
# The part of an item number a narrow cell may end a line with, the rest on the next line
# (``7.0.`` / ``3``, ``7.1`` / ``2``).
ITEM_NUMBER_START = re.compile(r"[0-9]{1,2}(?:\.[0-9]{1,2}){0,7}\.|[0-9]{1,2}(?:\.[0-9]{1,2}){1,7}")
# A reference's target: an item number of two or three levels, optionally a sub-item letter
# (``3.1.b``, ``3.1b``), and not the start of a longer number.
REFERENCE_TARGET = r"[0-9]{1,2}(?:\.[0-9]{1,2}){1,2}(?:\.?[a-z](?![a-zA-Z]))?(?![0-9]|\.[0-9])"
# A track's number in a track row (``SPOOR 2``).
TRACK_NUMBER = r"[0-9]{1,2}"
# The longest text a record's number may hold: a number column read wrongly holds a few words
# (``Pagina 2 van 3``, VG501), never a paragraph.
NUMBER_TEXT_MAX = 1000


def number_text_problem(text: str) -> str | None:
    """Why ``text`` cannot be a record's item number as printed, or None where it can: it
    holds a digit other than 0-9, or more than NUMBER_TEXT_MAX characters. Words are allowed
    (a number column read wrongly, which ``check`` reports)."""
    if len(text) > NUMBER_TEXT_MAX:
        return f"an item number of {len(text)} characters (at most {NUMBER_TEXT_MAX})"
    odd = next((char for char in text if char.isdigit() and char not in "0123456789"), None)
    if odd is not None:
        return f"an item number with the digit {odd!r}, not one of 0-9"
    return None


def number_parts(number: str) -> tuple[int, ...] | None:
    """``"2.3.1"`` as ``(2, 3, 1)``; None for anything that is not such a number."""
    if not NUMBER.fullmatch(number):
        return None
    return tuple(int(part) for part in number.split("."))


# --- Sub-item labels -------------------------------------------------------------------------
# The sequences sub-items are labelled in: a, b, c … and 1, 2, 3 … (a dot or bracket after).
LETTER_LABELS = "abcdefghijklmnopqrstuvwxyz"
MAX_NUMBER_LABEL = 99
SUB_ITEM_LABEL = re.compile(r"[a-z]|[1-9][0-9]?|0")
# A label where a sub-item begins in a Resultaat cell: a letter with a dot or bracket, or a
# number of one or two digits with a dot, bracket or nothing, then its text.
LABEL_IN_TEXT = re.compile(r"(?<!\S)([a-z](?=[.)])|[0-9]{1,2}(?=[.)]?\s))[.)]?\s+(?=\S)")
FIRST_LABELS = ("a", "1")


def label_position(label: str) -> int:
    """Where ``label`` stands in its sequence: ``a`` and ``1`` are 1."""
    return int(label) if label.isdigit() else LETTER_LABELS.index(label) + 1


def next_label(label: str) -> str:
    """The label after ``label`` in its sequence (``z`` is followed by nothing: ``""``)."""
    if label.isdigit():
        return str(int(label) + 1)
    index = LETTER_LABELS.index(label) + 1
    return LETTER_LABELS[index] if index < len(LETTER_LABELS) else ""


# --- Column headings -------------------------------------------------------------------------
# The record fields a table's columns fill.
FIELDS = ("number", "title", "deadline", "lead", "status")
# A table is the report's when it has a column for each of these; the others may be absent
# (the field is then empty) and the number column may have no heading.
REQUIRED_FIELDS = ("title", "status")
# The headings each field's column goes by in the reports of the family, as they print them.
# Matched by ``heading_key``: without regard to case, punctuation, wrapping and words broken
# over lines.
HEADINGS: dict[str, tuple[str, ...]] = {
    "number": ("Nr.", "Nummer", "#", "No.", "Num."),
    "title": (
        "Resultaat",
        "Resultaten",
        "Actie",
        "Acties",
        "Maatregel",
        "Maatregelen",
        "Activiteit",
        "Activiteiten",
        "Onderwerp",
        "Wat",
    ),
    "deadline": (
        "Deadline",
        "Deadlines",
        "Planning",
        "Termijn",
        "Wanneer",
        "Gereed",
        "Datum",
    ),
    "lead": (
        "Trekker",
        "Trekkers",
        "Verantwoordelijk",
        "Verantwoordelijke",
        "Eigenaar",
        "Wie",
        "Uitvoerder",
        "Betrokken partijen",
    ),
    "status": ("Stand van zaken", "Voortgang", "Status", "Stand", "Toelichting"),
}


# The longest text a header cell holds (a heading is a few words): a longer cell is no
# heading, and is not compared with the headings at all.
HEADING_MAX = 100


def heading_key(text: str) -> str:
    """A heading as headings are compared: its letters and digits in lower case, without
    spaces, punctuation or hyphens, so that ``Stand van / zaken``, ``Deadlin`` / ``e``,
    ``Verant-`` / ``woordelijk``, ``Verantwoordelijk(e)`` and ``NR.`` match their names. A
    heading of punctuation only (``#``) is itself."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    key = NOT_ALNUM.sub("", folded)
    return key or "".join(folded.split())


# What heading_key leaves out: what str.isalnum() says is no letter or digit (the regular
# expression's \w is isalnum() and the underscore).
NOT_ALNUM = re.compile(r"[\W_]+")


# --- Organisations ---------------------------------------------------------------------------
# The organisations that lead actions (the lead column), by the name printed, with their full
# names. ``parse`` splits lead cells with them and ``check`` (VG401) warns about any name
# that is neither a name nor a full name here (or in the config file), in any case.
ORGANISATIONS: dict[str, str] = {
    "AIVD": "Algemene Inlichtingen- en Veiligheidsdienst",
    "AZ": "Ministerie van Algemene Zaken",
    "BZK": "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
    "BuZa": "Ministerie van Buitenlandse Zaken",
    "COT": "COT Instituut voor Veiligheids- en Crisismanagement",
    "Defensie": "Ministerie van Defensie",
    "DJI": "Dienst Justitiële Inrichtingen",
    "EZ": "Ministerie van Economische Zaken",
    "FORUM": "FORUM, Instituut voor Multiculturele Vraagstukken",
    "Financiën": "Ministerie van Financiën",
    "Gemeenten": "De gemeenten",
    "G4": "De vier grote gemeenten (Amsterdam, Rotterdam, Den Haag, Utrecht)",
    "IND": "Immigratie- en Naturalisatiedienst",
    "J&G": "Programmaministerie voor Jeugd en Gezin",
    "Justitie": "Ministerie van Justitie",
    "KMar": "Koninklijke Marechaussee",
    "KLPD": "Korps Landelijke Politiediensten",
    "LNV": "Ministerie van Landbouw, Natuur en Voedselkwaliteit",
    "NCTb": "Nationaal Coördinator Terrorismebestrijding",
    "NCTV": "Nationaal Coördinator Terrorismebestrijding en Veiligheid",
    "NJi": "Nederlands Jeugdinstituut",
    "Nuansa": "Landelijk kennis- en adviescentrum polarisatie en radicalisering",
    "OCW": "Ministerie van Onderwijs, Cultuur en Wetenschap",
    "OM": "Openbaar Ministerie",
    "Politie": "Nederlandse politie",
    "Reclassering": "Reclassering Nederland",
    "RvdK": "Raad voor de Kinderbescherming",
    "SZW": "Ministerie van Sociale Zaken en Werkgelegenheid",
    "V&W": "Ministerie van Verkeer en Waterstaat",
    "VNG": "Vereniging van Nederlandse Gemeenten",
    "VROM": "Ministerie van Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer",
    "VWS": "Ministerie van Volksgezondheid, Welzijn en Sport",
    "WWI": "Minister voor Wonen, Wijken en Integratie",
}


@dataclass(frozen=True)
class Vocabulary:
    """The vocabulary a report is read and checked with: for each field, the headings its
    column goes by, and the organisations by name with their full names. Immutable and
    picklable, so that worker processes get it whole."""

    headings: tuple[tuple[str, tuple[str, ...]], ...] = tuple(HEADINGS.items())
    organisations: tuple[tuple[str, str], ...] = tuple(ORGANISATIONS.items())

    @cached_property
    def fields_by_key(self) -> dict[str, str]:
        """Each heading's key, and the field it names; a later heading (one added) wins."""
        return {heading_key(name): field for field, names in self.headings for name in names}

    def field_of(self, heading: str) -> str | None:
        """The field a column headed ``heading`` fills, or None for a heading of no field."""
        return self.fields_by_key.get(heading_key(heading)) if heading.strip() else None

    def names_of(self, field: str) -> tuple[str, ...]:
        """The headings ``field``'s column goes by."""
        return tuple(name for key, names in self.headings if key == field for name in names)

    @cached_property
    def organisation_names(self) -> dict[str, str]:
        return dict(self.organisations)

    @cached_property
    def known_names(self) -> dict[str, str]:
        """Every organisation's name and full name, case folded, and the name it stands for."""
        names = self.organisation_names
        return {name.casefold(): name for name in names} | {
            full.casefold(): name for name, full in names.items() if full
        }

    def with_headings(self, headings: Mapping[str, str]) -> Vocabulary:
        """This vocabulary and ``headings``: {heading: field}. A heading already known as
        another field's names the new one instead. Raises ValueError for a field that is
        none of FIELDS."""
        added: dict[str, list[str]] = {}
        for heading, field in headings.items():
            if field not in FIELDS:
                raise ValueError(
                    f'"{heading}={field}": {field} is no field; one of {", ".join(FIELDS)}'
                )
            if not heading_key(heading):
                raise ValueError(f'"{heading}={field}": the heading is empty')
            added.setdefault(field, []).append(heading)
        return Vocabulary(
            (*self.headings, *((field, tuple(names)) for field, names in added.items())),
            self.organisations,
        )

    def with_organisations(self, organisations: Mapping[str, str] | Iterable[str]) -> Vocabulary:
        """This vocabulary and ``organisations``: names, or {name: full name}."""
        pairs = (
            organisations.items()
            if isinstance(organisations, Mapping)
            else ((name, "") for name in organisations)
        )
        merged = dict(self.organisation_names)
        for name, full in pairs:
            merged[name] = full or merged.get(name, "")
        return Vocabulary(self.headings, tuple(merged.items()))


VOCABULARY = Vocabulary()
