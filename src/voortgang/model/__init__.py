"""The pydantic records of the contract; ``voortgang schema`` prints their JSON Schema."""

from voortgang.model.diagnostics import CODES, Diagnostic
from voortgang.model.organisations import KNOWN_ORGANISATIONS
from voortgang.model.records import (
    SCHEMA_VERSION,
    Deadline,
    Item,
    Reading,
    Reference,
    Report,
    Source,
    SplitRow,
    SubItem,
    Track,
)

__all__ = [
    "CODES",
    "KNOWN_ORGANISATIONS",
    "SCHEMA_VERSION",
    "Deadline",
    "Diagnostic",
    "Item",
    "Reading",
    "Reference",
    "Report",
    "Source",
    "SplitRow",
    "SubItem",
    "Track",
]
