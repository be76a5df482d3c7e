"""Rules on the Trekker and Deadline cells: an unknown organisation (VG401), a deadline that
cannot be read (VG402). Both read the cells as ``parse`` does."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from voortgang.checks.common import about
from voortgang.model.diagnostics import Diagnostic
from voortgang.model.organisations import KNOWN_ORGANISATIONS
from voortgang.model.records import Report
from voortgang.parse.deadline import read_deadline

KNOWN_NAMES = {name.casefold(): name for name in KNOWN_ORGANISATIONS} | {
    full.casefold(): name for name, full in KNOWN_ORGANISATIONS.items()
}


def _close_names(name: str) -> list[str]:
    """Known names ``name`` may be a slip of the pen for (``BZKK``, ``Nuanza``): about as long,
    and mostly the same letters."""
    alike = [known for known in KNOWN_ORGANISATIONS if abs(len(known) - len(name)) <= 2]
    return difflib.get_close_matches(name, alike, n=2, cutoff=0.75)


def leads(report: Report) -> Iterator[Diagnostic]:
    """VG401: a name in the Trekker cell that is not a known organisation, by its short name
    or its full name, in any case."""
    for item in report.items:
        for name in item.lead:
            if name.casefold() in KNOWN_NAMES:
                continue
            close = _close_names(name)
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
