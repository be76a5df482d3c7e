"""Rules on the Trekker and Deadline cells: an unknown organisation (VG401), a deadline that
cannot be read (VG402). Both read the cells as ``parse`` does."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from voortgang.checks.common import Explanation, about
from voortgang.model.diagnostics import Diagnostic
from voortgang.model.records import Report
from voortgang.parse.deadline import read_deadline
from voortgang.vocabulary import VOCABULARY, Vocabulary

# A known name is a slip of the pen for a name at most this many letters longer or shorter
LIKE_LENGTH = 2
# whose letters are this much alike (difflib's ratio): ``BZKK``, ``Nuanza``.
LIKE_RATIO = 0.75


def _close_names(name: str, known: Iterable[str]) -> list[str]:
    """Known names ``name`` may be a slip of the pen for: about as long, and mostly the same
    letters."""
    alike = [other for other in known if abs(len(other) - len(name)) <= LIKE_LENGTH]
    return difflib.get_close_matches(name, alike, n=2, cutoff=LIKE_RATIO)


def leads(report: Report, vocabulary: Vocabulary = VOCABULARY) -> Iterator[Diagnostic]:
    """VG401: a name in the lead column that is not a known organisation (in ``vocabulary``:
    the built-in ones and a config file's), by its short name or its full name, in any
    case."""
    for item in report.items:
        for name in item.lead:
            if name.casefold() in vocabulary.known_names:
                continue
            close = _close_names(name, vocabulary.organisation_names)
            hint = f" (did you mean {' or '.join(close)}?)" if close else ""
            yield about(
                "VG401",
                f'Trekker "{name}" is not a known organisation{hint}',
                report,
                item,
                suggestions=close,
            )


def deadlines(report: Report) -> Iterator[Diagnostic]:
    """VG402: a deadline that cannot be read. A cell with one deadline per sub-item reads as
    none of them, so each line of an unread deadline is read on its own, and only lines that
    do not read either are told."""
    for item in report.items:
        if item.deadline is None or item.deadline.kind != "unknown":
            continue
        for line in dict.fromkeys(item.deadline.text.split("\n")):
            if line.strip() and read_deadline(line, None).kind == "unknown":
                yield about(
                    "VG402",
                    f'deadline "{line}" cannot be read',
                    report,
                    item,
                )


EXPLANATIONS = (
    Explanation(
        "VG401",
        why="The Trekker says who is responsible; a name that is no known organisation is "
        "often a typing error, or one a config file should add ([organisations]).",
        example='Trekker "BKZ" where BZK was meant (nearest: BZK).',
    ),
    Explanation(
        "VG402",
        why='A deadline that cannot be read as a year, month, season or "continu" cannot '
        "be followed up or compared between editions.",
        example='Deadline "z.s.m.".',
    ),
)
