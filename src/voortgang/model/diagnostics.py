"""What ``voortgang check`` reports: the Diagnostic record and the one registry of its codes.

Codes are stable: a code keeps its meaning once released, and a retired code is not reused.
VG1xx are cross-references, VG2xx item numbers, VG3xx sub-item labels, VG4xx the Trekker and
Deadline cells; VG5xx the reading itself, records that a report's table cannot have, which
``voortgang parse`` warns about too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from voortgang.model.records import Record

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True)
class Code:
    """One kind of fault: its code, severity, short name and what it means."""

    code: str
    severity: Severity
    name: str
    description: str


CODES: dict[str, Code] = {
    code.code: code
    for code in (
        Code("VG101", "error", "missing-item", "A reference to an item number that no item has."),
        Code(
            "VG102",
            "error",
            "missing-sub-item",
            "A reference to a sub-item (3.1.b) of an existing item that has no such sub-item.",
        ),
        Code(
            "VG201",
            "error",
            "duplicate-number",
            "Two items with the same number that are not one item continued on the next row.",
        ),
        Code(
            "VG202",
            "warning",
            "number-out-of-order",
            "An item number out of order within its track.",
        ),
        Code(
            "VG203",
            "warning",
            "number-not-in-track",
            "An item number whose first part is not the number of the track it stands under.",
        ),
        Code("VG204", "info", "numbering-gap", "A gap in the numbering: 2.0 followed by 2.2."),
        Code(
            "VG205",
            "warning",
            "malformed-number",
            "An item number cell that holds no number such as 2.3.1.",
        ),
        Code(
            "VG301",
            "warning",
            "sub-item-sequence",
            "Sub-item labels out of sequence: a, b, d.",
        ),
        Code(
            "VG302",
            "warning",
            "sub-item-mixed",
            "Sub-item labels that mix letters and numbers: a, 2.",
        ),
        Code(
            "VG401",
            "warning",
            "unknown-organisation",
            "A Trekker name that is not a known organisation (model/organisations.py).",
        ),
        Code("VG402", "warning", "unreadable-deadline", "A Deadline that cannot be read."),
        Code(
            "VG501",
            "error",
            "not-an-item-number",
            "An item without a number, or whose number cell holds words or a number in pieces "
            "(4.1. 2, Pagina 2 van 3).",
        ),
        Code(
            "VG502",
            "warning",
            "numbering-shape",
            "An item number of one level among numbers of more, two levels deeper than they go, "
            "or whose first part is no track where the numbers start with their track.",
        ),
        Code(
            "VG503",
            "warning",
            "header-missing",
            "A page where the table goes on without its header row, in a report whose header "
            "row repeats on its pages.",
        ),
        Code(
            "VG504",
            "warning",
            "cell-spans-pages",
            "A table row over 3 or more pages: a cell longer than a page, or rows read as one.",
        ),
        Code(
            "VG505",
            "warning",
            "numbers-swallowed",
            "Item numbers where no item's number stands: several in one number cell, or at the "
            "start of Resultaat paragraphs.",
        ),
        Code(
            "VG506",
            "warning",
            "join-doubtful",
            "Words at a full line's end read as one word or as two where neither the page nor "
            "the document's own words could tell which.",
        ),
    )
}


class Diagnostic(Record):
    """One fault found in one report, and where it is."""

    code: str = Field(description='Stable code, e.g. "VG101"; see voortgang.model.diagnostics.')
    severity: Severity
    message: str = Field(description="One line, meant for the reviewer.")
    item: str | None = Field(description="The number of the item the fault is in, if any.")
    page: int | None = Field(description="The first page of that item; null without pages.")
    line: int | None = Field(
        default=None,
        description="In a text or HTML rendition, the line where the item's row starts, or "
        "where the cell holding the reference stands; null for PDF, DOCX and records.",
    )
    column: int | None = Field(
        default=None,
        description="The column (1-based, in characters) of that place, where known: the "
        "start of the row or cell in a text rendition; null elsewhere.",
    )
    source: str = Field(description="The path of the report, as in the report's source.path.")
    file: str | None = Field(
        default=None,
        description="The path of the file that was checked: the report's, or the records "
        "JSON's that was read from it; null where no file was (the library's check).",
    )
    suggestions: list[str] = Field(
        default_factory=list,
        description="For a missing reference target: the nearest existing targets.",
    )

    @classmethod
    def of(
        cls,
        code: str,
        message: str,
        *,
        item: str | None,
        page: int | None,
        source: str,
        suggestions: list[str] | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> Diagnostic:
        """A diagnostic with the severity the registry gives ``code``."""
        return cls(
            code=code,
            severity=CODES[code].severity,
            message=message,
            item=item,
            page=page,
            line=line,
            column=column,
            source=source,
            suggestions=suggestions or [],
        )

    @property
    def path(self) -> str:
        """The file the diagnostic is about: the one checked, else the report's source."""
        return self.file if self.file is not None else self.source

    @property
    def located(self) -> bool:
        """Whether its line or page is one of ``path``: not for records checked, whose pages
        and lines are those of the report they were read from."""
        return self.file is None or self.file == self.source
