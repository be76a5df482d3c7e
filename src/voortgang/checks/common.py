"""Pieces the rules share: a diagnostic about an item, and how an item's number reads."""

from __future__ import annotations

from dataclasses import dataclass

from voortgang.model.diagnostics import Diagnostic
from voortgang.model.records import Item, Reference, Report
from voortgang.vocabulary import number_parts

__all__ = ["Explanation", "about", "first_page", "number_parts"]


@dataclass(frozen=True)
class Explanation:
    """What ``voortgang rule CODE`` says of a code beside its registry entry: why the fault
    matters, and an example of it. Each module of rules keeps those of its own codes, next
    to the rules, in ``EXPLANATIONS``."""

    code: str
    why: str
    example: str


def first_page(item: Item) -> int | None:
    """The page a diagnostic about ``item`` points to: the first its rows stand on."""
    return item.pages[0] if item.pages else None


def about(
    code: str,
    message: str,
    report: Report,
    item: Item,
    suggestions: list[str] | None = None,
    reference: Reference | None = None,
    page: int | None = None,
) -> Diagnostic:
    """A diagnostic about ``item`` of ``report`` (or its ``reference``): on ``page`` or the
    page the item begins; on the line where its row (or the reference's cell) starts, where
    the report was read from a file of lines."""
    position = report.position_of(item, reference)
    return Diagnostic.of(
        code,
        message,
        item=item.number,
        page=page if page is not None else first_page(item),
        source=report.source.path,
        suggestions=suggestions,
        line=None if position is None else position.line,
        column=None if position is None else position.column,
    )
