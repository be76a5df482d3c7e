"""Pieces the rules share: where an item stands, and how its number reads."""

from __future__ import annotations

import re

from voortgang.model.records import Item

NUMBER = re.compile(r"\d+(?:\.\d+)*")


def first_page(item: Item) -> int | None:
    """The page a diagnostic about ``item`` points to: the first its rows stand on."""
    return item.pages[0] if item.pages else None


def number_parts(number: str) -> tuple[int, ...] | None:
    """``"2.3.1"`` as ``(2, 3, 1)``; None for anything that is not such a number."""
    if not NUMBER.fullmatch(number):
        return None
    return tuple(int(part) for part in number.split("."))
