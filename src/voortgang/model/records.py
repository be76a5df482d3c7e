"""The records voortgang produces: the one definition of ``docs/CONTRACT.md``."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"

DeadlineKind = Literal["continuous", "year", "month", "season", "part_of_year", "unknown"]
SourceFormat = Literal["pdf", "docx", "html", "text"]
ReferenceField = Literal["title", "sub_item", "status"]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_serialization_defaults_required=True)


class Deadline(Record):
    """A Deadline cell as printed, and what it says."""

    text: str = Field(description='As printed: "Begin 2010", "Continue", "november".')
    kind: DeadlineKind
    year: int | None = Field(description="A bare month or season takes the report's year.")
    month: int | None = Field(ge=1, le=12)


class Reference(Record):
    """A cross-reference to another item (``2.3.1``) or sub-item (``3.1.b``)."""

    target: str = Field(description='"2.3.1", or "3.1.b" for a sub-item.')
    text: str = Field(description='As printed: "zie 2.3.1", "Zie punt 2.11", "(2.0.2)".')
    field: ReferenceField
    resolved: bool = Field(description="The target exists in this report.")


class SubItem(Record):
    label: str = Field(description='"a", "1": the label without its dot.')
    text: str = Field(description="The sub-item's text; its paragraphs split by newlines.")
    italic: bool = Field(description="The sub-item's first paragraph was set in italics.")
    deadline: Deadline | None = Field(
        default=None, description="Set where a row holds only this sub-item and has its own cell."
    )
    lead: list[str] | None = None
    status: str | None = None


class Item(Record):
    number: str = Field(description='"2.0.2", exactly as printed.')
    track: int
    title: str = Field(description="The Resultaat text before the first sub-item.")
    italic: bool = Field(description="The title (its first paragraph) was set in italics.")
    deadline: Deadline | None
    lead: list[str] = Field(description="Organisations in the Trekker cell, deduplicated.")
    lead_text: str = Field(description="The Trekker cell as printed, all rows of the item.")
    status: str = Field(description="Stand van zaken of every row; paragraphs split by newlines.")
    sub_items: list[SubItem]
    references: list[Reference]
    pages: list[int] = Field(description="1-based pages the item's rows stand on.")


class Track(Record):
    number: int
    title: str


class Source(Record):
    path: str
    format: SourceFormat
    sha256: str
    pages: int | None


class SplitRow(Record):
    """A table row that page breaks cut: the item it belongs to, and the pages it stands on."""

    item: str = Field(description="The number of the item the row belongs to, as printed.")
    pages: list[int] = Field(description="The pages the row stands on, two or more.")


class Reading(Record):
    """What the reader saw of the table that the items do not show: the facts the reading
    rules (``voortgang check``'s VG5xx) judge beside the items."""

    header_pages: list[int] = Field(
        description="The pages on which the table's column header row was found, in order."
    )
    split_rows: list[SplitRow] = Field(
        default_factory=list,
        description="The rows that page breaks cut (a PDF's; other renditions show none).",
    )


class Report(Record):
    schema_version: Literal["1"] = SCHEMA_VERSION
    title: str | None
    plan: str | None
    date: str | None
    source: Source
    tracks: list[Track]
    items: list[Item]
    reading: Reading | None = Field(
        default=None,
        description="What the reader saw beside the items; null in records written before "
        "voortgang recorded it.",
    )


class ItemLine(Item):
    """One line of ``voortgang parse --format jsonl``: an item, with the schema version and the
    path of the report it comes from."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    source: str = Field(description="The path of the report the item comes from.")
