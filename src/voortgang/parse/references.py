"""Cross-references between items: ``zie 2.3.1``, ``Zie punt 2.11``, ``(2.0.2)``, ``onder 2.13``.

A reference is a multi-level item number, each level one or two digits, optionally followed by
a sub-item letter (``3.1.b``), and introduced by *zie*, *zie punt*, *onder*, or standing alone
in parentheses. Amounts (``34.375``), single numbers (``(1)``), ranges (``2007-2011``) and
dates (``28 en 29 oktober``) do not fit that shape.
"""

from __future__ import annotations

import re

from voortgang.model.records import Item, Reference, ReferenceField

NUMBER = r"\d{1,2}(?:\.\d{1,2}){1,2}(?:\.?[a-z](?![a-zA-Z]))?(?!\d|\.\d)"
INTRODUCED = re.compile(
    rf"\b(?:zie(?:\s+(?:ook|punt|actiepunt|onder))*|onder)\s+({NUMBER})"
    rf"((?:\s*(?:,|\ben\b|\bof\b)\s*{NUMBER})*)",
    re.IGNORECASE,
)
PARENTHESISED = re.compile(rf"\(\s*({NUMBER})\s*\)")
LISTED = re.compile(NUMBER)


def canonical_target(number: str) -> str:
    """``3.1b`` and ``3.1.b`` both name sub-item b of item 3.1."""
    return re.sub(r"(?<=\d)([a-z])$", r".\1", number)


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


def resolve_references(items: list[Item]) -> None:
    """Mark each reference of ``items`` resolved when its target is in ``items``."""
    targets = {item.number for item in items}
    targets.update(f"{item.number}.{sub.label}" for item in items for sub in item.sub_items)
    for item in items:
        for reference in item.references:
            reference.resolved = reference.target in targets
