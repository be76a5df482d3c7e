"""What changed between two editions of a report: the one definition of the Diff in
``docs/CONTRACT.md``, what ``voortgang diff --format json`` prints."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from voortgang.model.records import SCHEMA_VERSION, Item, Record, Source, SubItem, Track

DiffField = Literal["title", "deadline", "lead", "status", "sub_items", "references", "extra"]
# The fields a diff compares, in the order it shows them.
DIFF_FIELDS: tuple[DiffField, ...] = (
    "title",
    "deadline",
    "lead",
    "status",
    "sub_items",
    "references",
    "extra",
)


class FieldChange(Record):
    """One field of an item, as each edition has it.

    ``title`` and ``status``: the text as the edition prints it; ``deadline``: its printed
    text, or null for an empty cell; ``lead``: the organisations; ``references``: the targets,
    sorted; ``sub_items``: only the sub-items that differ, by label (a sub-item one edition
    lacks is absent from its list); ``extra``: the columns of no field whose text differs, by
    heading (a column one edition lacks is absent from its object).
    """

    old: str | list[str] | list[SubItem] | dict[str, str] | None
    new: str | list[str] | list[SubItem] | dict[str, str] | None


class Renumbered(Record):
    """An item whose number changed but whose title did not (clearly)."""

    old: str = Field(description="The item's number in the old edition.")
    new: str = Field(description="The item's number in the new edition.")
    track: int = Field(description="The track the item stands under in the new edition.")
    title: str = Field(description="The item's title in the new edition.")


class Changed(Record):
    """An item in both editions whose compared fields differ."""

    number: str = Field(description="The item's number in the new edition.")
    track: int = Field(description="The track the item stands under in the new edition.")
    title: str = Field(description="The item's title in the new edition.")
    fields: dict[DiffField, FieldChange] = Field(
        description="Each field that changed, in the order of DIFF_FIELDS; no others."
    )


class Diff(Record):
    """What changed from the ``old`` edition of a report to the ``new`` one."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    old: Source
    new: Source
    tracks: list[Track] = Field(
        description="The tracks of the new edition, then those only the old one has."
    )
    fields: list[DiffField] = Field(description="The fields compared.")
    added: list[Item] = Field(description="Items only the new edition has, in its order.")
    removed: list[Item] = Field(description="Items only the old edition has, in its order.")
    renumbered: list[Renumbered] = Field(description="In the order of the new edition.")
    changed: list[Changed] = Field(description="In the order of the new edition.")

    @property
    def empty(self) -> bool:
        """Whether the editions do not differ (in the fields compared)."""
        return not (self.added or self.removed or self.renumbered or self.changed)
