"""The pydantic records of the contract; ``voortgang schema`` prints their JSON Schema."""

from voortgang.model.organisations import KNOWN_ORGANISATIONS
from voortgang.model.records import (
    SCHEMA_VERSION,
    Deadline,
    Item,
    Reference,
    Report,
    Source,
    SubItem,
    Track,
)

__all__ = [
    "KNOWN_ORGANISATIONS",
    "SCHEMA_VERSION",
    "Deadline",
    "Item",
    "Reference",
    "Report",
    "Source",
    "SubItem",
    "Track",
]
