"""Reading a Deadline cell: ``continu``, ``2009``, ``november``, ``voorjaar``, ``Begin 2010``."""

from __future__ import annotations

import re

from voortgang.model.records import Deadline, DeadlineKind

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8,
    "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
SEASONS = frozenset("voorjaar lente zomer najaar herfst winter".split())
CONTINUOUS = frozenset(
    "continu continue doorlopend permanent structureel lopend voortdurend jaarlijks".split()
)
PARTS_OF_YEAR = re.compile(
    r"\b(begin|start|medio|midden|half|halverwege|eind|einde|ultimo|"
    r"(?:eerste|tweede|1e|2e)\s+(?:helft|half\s*jaar|kwartaal)|(?:derde|vierde|3e|4e)\s+kwartaal|"
    r"q[1-4]|[12]e?\s*helft)\b"
)
FILLER_WORDS = frozenset("in uiterlijk voor per vanaf tot gereed klaar".split())
# The words of a deadline cell, which a reader may meet broken over a narrow cell's lines.
DEADLINE_WORDS = frozenset(MONTHS) | SEASONS | CONTINUOUS | FILLER_WORDS
YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
# The kinds of deadline that, without a year of their own, take the report's.
TAKES_REPORT_YEAR = frozenset({"month", "season", "part_of_year"})
WORD = re.compile(r"[a-zà-ÿ]+")


def read_deadline(text: str, report_year: int | None) -> Deadline:
    """The reading of one deadline text; a bare month or season takes ``report_year``."""
    lowered = text.lower()
    words = WORD.findall(lowered)
    years = set(YEAR.findall(lowered))
    months = {MONTHS[word] for word in words if word in MONTHS}
    year = int(years.pop()) if len(years) == 1 else None
    kind: DeadlineKind = "unknown"
    month = None
    if len(years) > 1 or len(months) > 1:
        kind, year = "unknown", None
    elif any(word in CONTINUOUS for word in words):
        kind, year = "continuous", None
    elif months:
        kind, month = "month", months.pop()
    elif any(word in SEASONS for word in words):
        kind = "season"
    elif PARTS_OF_YEAR.search(lowered):
        kind = "part_of_year"
    elif year is not None and FILLER_WORDS.issuperset(words):
        kind = "year"
    else:
        year = None
    if kind in TAKES_REPORT_YEAR and year is None:
        year = report_year
    return Deadline(text=text, kind=kind, year=year, month=month)


def give_report_year(deadline: Deadline | None, report_year: int | None) -> None:
    """Set the year of ``deadline``, read without the report's year, as ``read_deadline``
    sets it with ``report_year``: for a report whose year is known only once all of it is
    read (its heading), after its items were."""
    if deadline is not None and deadline.kind in TAKES_REPORT_YEAR and deadline.year is None:
        deadline.year = report_year
