"""The records voortgang produces: the one definition of ``docs/CONTRACT.md``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr

from voortgang.vocabulary import (
    FIELDS,
    REFERENCE_TARGET,
    SUB_ITEM_LABEL,
    number_text_problem,
)

SCHEMA_VERSION = "1"

DeadlineKind = Literal["continuous", "year", "month", "season", "part_of_year", "unknown"]
SourceFormat = Literal["pdf", "docx", "html", "text"]
ReferenceField = Literal["title", "sub_item", "status"]


def _number_text(text: str) -> str:
    """An item number as printed: words allowed (a misreading ``check`` reports), but only
    the digits 0-9 and a bounded length, so that every rule can read it."""
    if problem := number_text_problem(text):
        raise ValueError(problem)
    return text


def _label(text: str) -> str:
    if text and not SUB_ITEM_LABEL.fullmatch(text):
        raise ValueError(f'"{text[:20]}" is no sub-item label (a-z or 1-99)')
    return text


def _target(text: str) -> str:
    if not re.fullmatch(REFERENCE_TARGET, text):
        raise ValueError(f'"{text[:20]}" is no item number or sub-item (2.3.1, 3.1.b)')
    return text


def _columns(columns: dict[str, str] | None) -> dict[str, str] | None:
    if columns is not None and (odd := [key for key in columns if key not in FIELDS]):
        raise ValueError(f"{odd[0]!r} is no field; one of {', '.join(FIELDS)}")
    return columns


NumberText = Annotated[str, AfterValidator(_number_text)]
Label = Annotated[str, AfterValidator(_label)]
Target = Annotated[str, AfterValidator(_target)]


# Each record class's field names, as one set shared by all its records that set every field
# (see ``Record.model_post_init``).
_EVERY_FIELD: dict[type, set[str]] = {}


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_serialization_defaults_required=True)

    def model_post_init(self, context: object, /) -> None:
        """Share the set of the fields a record was given with every other record of its
        class that was given them all, as the records ``parse`` makes are: pydantic keeps one
        per record, and a set is as large as a record's dict (an item's fields and their
        nested records took 1.6 KB of 3.2). Setting a field adds a name already there, so the
        shared set never changes."""
        every = _EVERY_FIELD.setdefault(type(self), set(type(self).model_fields))
        if self.__pydantic_fields_set__ == every:
            object.__setattr__(self, "__pydantic_fields_set__", every)


class Deadline(Record):
    """A Deadline cell as printed, and what it says."""

    text: str = Field(description='As printed: "Begin 2010", "Continue", "november".')
    kind: DeadlineKind
    year: int | None = Field(description="A bare month or season takes the report's year.")
    month: int | None = Field(ge=1, le=12)


class Reference(Record):
    """A cross-reference to another item (``2.3.1``) or sub-item (``3.1.b``)."""

    target: Target = Field(description='"2.3.1", or "3.1.b" for a sub-item.')
    text: str = Field(description='As printed: "zie 2.3.1", "Zie punt 2.11", "(2.0.2)".')
    field: ReferenceField
    resolved: bool = Field(description="The target exists in this report.")


class SubItem(Record):
    label: Label = Field(description='"a", "1": the label without its dot.')
    text: str = Field(description="The sub-item's text; its paragraphs split by newlines.")
    italic: bool = Field(description="The sub-item's first paragraph was set in italics.")
    deadline: Deadline | None = Field(
        default=None, description="Set where a row holds only this sub-item and has its own cell."
    )
    lead: list[str] | None = None
    status: str | None = None


class Item(Record):
    number: NumberText = Field(description='"2.0.2", exactly as printed.')
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
    extra: dict[str, str] = Field(
        default_factory=dict,
        description="The item's text in each column of no field, by the column's heading.",
    )


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

    item: NumberText = Field(description="The number of the item the row belongs to, as printed.")
    pages: list[int] = Field(description="The pages the row stands on, two or more.")


class DoubtfulJoin(Record):
    """Two words the reader joined into one or kept apart where what it read could not tell:
    a line full to its column's end, which may end a word too long for the column or a line
    wrapped at a space it had no room to draw, and the document holds neither reading's words
    elsewhere to tell by."""

    item: NumberText = Field(description="The number of the item the words are in, as printed.")
    page: int | None = Field(description="The page the words stand on; null without pages.")
    before: str = Field(description="The last word of the full line.")
    after: str = Field(description="The first word of the next line.")
    joined: bool = Field(description="Read as one word (true) or as two (false).")


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
    doubtful_joins: list[DoubtfulJoin] = Field(
        default_factory=list,
        description="Words whose line break could not tell one word from two (a PDF's).",
    )


@dataclass(frozen=True, slots=True)
class Position:
    """Where something stands in a file of lines (a text or HTML rendition): its 1-based
    line, and its 1-based column where the reader knows it."""

    line: int
    column: int | None = None


@dataclass(frozen=True, slots=True)
class Locations:
    """Where a report's items stand in the file read, for the diagnostics about them:
    ``items``, per item in order, where its first row starts; ``references``, per item, per
    reference in order, where the cell holding its text starts. None where the file has no
    lines (PDF, DOCX) or a place is not known. Not part of the records: a records file
    written from the report has lines of its own."""

    items: tuple[Position | None, ...]
    references: tuple[tuple[Position | None, ...], ...]
    # Each item's index by its id(), made when first asked (ids change when the report is
    # pickled or copied, so a stale entry is made again); not compared.
    index: dict[int, int] = field(default_factory=dict, compare=False, repr=False)

    def index_of(self, items: list[Item], item: Item) -> int | None:
        found = self.index.get(id(item))
        if found is None or found >= len(items) or items[found] is not item:
            self.index.clear()
            self.index.update({id(each): number for number, each in enumerate(items)})
            found = self.index.get(id(item))
        return found


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
    columns: Annotated[dict[str, str] | None, AfterValidator(_columns)] = Field(
        default=None,
        description='Which heading each field\'s column had: {"title": "Actie", "number": ""}; '
        "a field without a column is absent. Null in records written before it was recorded.",
    )
    _locations: Locations | None = PrivateAttr(default=None)

    def __eq__(self, other: object) -> bool:
        """Reports are equal when their records are: where one was read from (its private
        locations) is not part of them, so a report read from a rendition equals the same
        report loaded from the JSON written from it."""
        if not isinstance(other, BaseModel):
            return NotImplemented
        return type(self) is type(other) and self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]  (as pydantic's mutable models have it)

    def with_locations(self, locations: Locations) -> Report:
        """This report, knowing where its items stand in the file it was read from."""
        self._locations = locations
        return self

    def position_of(self, item: Item, reference: Reference | None = None) -> Position | None:
        """Where ``item`` (or its ``reference``) stands in the file the report was read from,
        where known: a text or HTML rendition, read, not records written from one."""
        if self._locations is None:
            return None
        index = self._locations.index_of(self.items, item)
        if index is None or index >= len(self._locations.items):
            return None
        if reference is None:
            return self._locations.items[index]
        found = next((i for i, r in enumerate(item.references) if r is reference), None)
        positions = self._locations.references[index]
        if found is None or found >= len(positions):
            return self._locations.items[index]
        return positions[found] or self._locations.items[index]


class ItemLine(Item):
    """One line of ``voortgang parse --format jsonl``: an item, with the schema version and the
    path of the report it comes from."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    source: str = Field(description="The path of the report the item comes from.")
