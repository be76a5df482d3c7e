"""Cross-references between items: ``zie 2.3.1``, ``Zie punt 2.11``, ``(2.0.2)``, ``onder 2.13``.

A reference is a multi-level item number, each level one or two digits, optionally followed by
a sub-item letter (``3.1.b``), and introduced by *zie*, *zie punt*, *onder*, or standing alone
in parentheses. Amounts (``34.375``), single numbers (``(1)``), ranges (``2007-2011``) and
dates (``28 en 29 oktober``) do not fit that shape.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from voortgang.model.records import Item, Reference, ReferenceField
from voortgang.vocabulary import REFERENCE_TARGET

NUMBER = REFERENCE_TARGET
INTRODUCED = re.compile(
    rf"\b(?:zie(?:\s+(?:ook|punt|actiepunt|onder))*|onder)\s+({NUMBER})"
    rf"((?:\s*(?:,|\ben\b|\bof\b)\s*{NUMBER})*)",
    re.IGNORECASE,
)
PARENTHESISED = re.compile(rf"\(\s*({NUMBER})\s*\)")
LISTED = re.compile(NUMBER)


def canonical_target(number: str) -> str:
    """``3.1b`` and ``3.1.b`` both name sub-item b of item 3.1."""
    return re.sub(r"(?<=[0-9])([a-z])$", r".\1", number)


def find_references(text: str, field: ReferenceField) -> list[Reference]:
    """References in ``text`` in the order they appear, not yet resolved."""
    found: list[tuple[int, str, str]] = []
    for match in INTRODUCED.finditer(text):
        found.append((match.start(), match.group(1), text[match.start() : match.end(1)]))
        for more in LISTED.finditer(match.group(2)):
            found.append((match.start(2) + more.start(), more.group(0), more.group(0)))
    for match in PARENTHESISED.finditer(text):
        found.append((match.start(), match.group(1), match.group(0)))
    return [
        Reference(target=canonical_target(number), text=printed, field=field, resolved=False)
        for _, number, printed in sorted(found)
    ]


@dataclass(frozen=True)
class Targets:
    """What a reference can name in a report: its item numbers, and for each item the labels of
    its sub-items (``3.1.b`` is sub-item b of 3.1). The one reading of "the target exists",
    for ``parse`` marking references resolved and for ``check`` reporting those that are not."""

    sub_items: dict[str, tuple[str, ...]]

    @classmethod
    def of(cls, items: Iterable[Item]) -> Targets:
        labels: dict[str, list[str]] = {}
        for item in items:
            known = labels.setdefault(item.number, [])
            known.extend(sub.label for sub in item.sub_items if sub.label not in known)
        return cls({number: tuple(found) for number, found in labels.items()})

    def __contains__(self, target: str) -> bool:
        if target in self.sub_items:
            return True
        number, _, label = target.rpartition(".")
        return label in self.sub_items.get(number, ())

    @property
    def numbers(self) -> list[str]:
        """The item numbers, each once, in document order."""
        return list(self.sub_items)


def sub_item_target(target: str) -> tuple[str, str] | None:
    """(item number, label) where ``target`` names a sub-item by letter (``3.1.b``), else None;
    ``2.3.1`` is an item number first, whatever else it may also name."""
    number, _, label = target.rpartition(".")
    return (number, label) if label.isalpha() else None


def resolve_references(items: list[Item]) -> None:
    """Mark each reference of ``items`` resolved when its target is in ``items``."""
    targets = Targets.of(items)
    for item in items:
        for reference in item.references:
            reference.resolved = reference.target in targets
