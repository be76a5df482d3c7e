"""Pieces the rules share: a diagnostic about an item, and how an item's number reads."""

from __future__ import annotations

from voortgang.model.diagnostics import Diagnostic
from voortgang.model.records import Item, Report
from voortgang.vocabulary import number_parts

__all__ = ["about", "first_page", "number_parts"]


def first_page(item: Item) -> int | None:
    """The page a diagnostic about ``item`` points to: the first its rows stand on."""
    return item.pages[0] if item.pages else None


def about(
    code: str, message: str, report: Report, item: Item, suggestions: list[str] | None = None
) -> Diagnostic:
    """A diagnostic about ``item`` of ``report``, on the page the item begins."""
    return Diagnostic.of(
        code,
        message,
        item=item.number,
        page=first_page(item),
        source=report.source.path,
        suggestions=suggestions,
    )
