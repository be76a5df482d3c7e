"""Rules on cross-references: a target that no item or sub-item has (VG101, VG102).

Whether a target exists is read as ``parse`` reads it when it marks references resolved
(``voortgang.parse.references.Targets``), so the two never disagree. A reference to the item
that holds it, or to one of that item's own sub-items, is fine when it resolves.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from voortgang.checks.common import Explanation, about, number_parts
from voortgang.model.diagnostics import Diagnostic
from voortgang.model.records import Report
from voortgang.parse.references import Targets, sub_item_target
from voortgang.vocabulary import label_position

SUGGESTIONS = 3


def _digits_near(digits: str) -> set[str]:
    """``digits`` and every string made from it by swapping two neighbouring digits."""
    near = {digits}
    for at in range(len(digits) - 1):
        near.add(digits[:at] + digits[at + 1] + digits[at] + digits[at + 2 :])
    return near


def nearest_numbers(number: str, numbers: list[str]) -> list[str]:
    """Existing item numbers a reviewer may have meant by the missing ``number``.

    First the likely slips of the pen: the same digits with the dots elsewhere (``2.31`` for
    2.3.1) or two neighbouring digits swapped (``2.31`` for 2.13); then the numbers on either
    side of where ``number`` would stand in its track (``2.3.9`` between 2.3.3 and 2.4).
    For many look-ups in the same numbers, ``NearestNumbers`` indexes them once.
    """
    return NearestNumbers(numbers)(number)


class NearestNumbers:
    """``nearest_numbers`` over one list of numbers, indexed once: the numbers by their
    digits and, per track, in order, so that each look-up is a few dictionary hits and a
    binary search rather than a sort of them all (5,000 broken references took 33 s)."""

    def __init__(self, numbers: list[str]) -> None:
        self.by_digits: dict[str, list[tuple[int, str]]] = {}
        for index, number in enumerate(numbers):
            self.by_digits.setdefault(number.replace(".", ""), []).append((index, number))
        readable = sorted((p, n) for n in numbers if (p := number_parts(n)) is not None)
        self.everywhere = ([p for p, _ in readable], [n for _, n in readable])
        self.tracks: dict[int, tuple[list[tuple[int, ...]], list[str]]] = {}
        for parts, number in readable:
            keys, found = self.tracks.setdefault(parts[0], ([], []))
            keys.append(parts)
            found.append(number)

    def __call__(self, number: str) -> list[str]:
        parts = number_parts(number)
        if parts is None:
            return []
        near = _digits_near(number.replace(".", ""))
        candidates = sorted(found for digits in near for found in self.by_digits.get(digits, ()))
        slips = [other for _, other in candidates if other != number]
        keys, found = self.tracks.get(parts[0]) or self.everywhere
        below = bisect_left(keys, parts)
        above = bisect_right(keys, parts)
        before = found[below - 1 : below] if below else []
        after = found[above : above + 1]
        return list(dict.fromkeys(slips + before + after))[:SUGGESTIONS]


def nearest_labels(label: str, labels: tuple[str, ...]) -> list[str]:
    """The labels of the item closest in sequence to the missing ``label``."""
    kind = [other for other in labels if other.isdigit() == label.isdigit()] or list(labels)
    wanted = label_position(label)
    return sorted(kind, key=lambda other: (abs(label_position(other) - wanted), other))[:2]


def references(report: Report) -> Iterator[Diagnostic]:
    """VG101 and VG102: each reference whose target does not exist."""
    targets = Targets.of(report.items)
    nearest = NearestNumbers(targets.numbers)
    for item in report.items:
        for reference in item.references:
            if reference.target in targets:
                continue
            sub_item = sub_item_target(reference.target)
            if sub_item and sub_item[0] in targets.sub_items:
                number, label = sub_item
                labels = targets.sub_items[number]
                has = f"its sub-items: {', '.join(labels)}" if labels else "it has none"
                code = "VG102"
                message = f"item {number} has no sub-item {label} ({has})"
                suggestions = [f"{number}.{other}" for other in nearest_labels(label, labels)]
            else:
                number = sub_item[0] if sub_item else reference.target
                code = "VG101"
                suggestions = nearest(number)
                shown = f" (nearest: {', '.join(suggestions)})" if suggestions else ""
                message = f"there is no item {number}{shown}"
            yield about(
                code,
                f"{reference.text}: {message}",
                report,
                item,
                suggestions=suggestions,
                reference=reference,
            )


EXPLANATIONS = (
    Explanation(
        "VG101",
        why="A reader who follows the reference finds nothing: the item was renumbered, "
        "removed, or the number was mistyped. The nearest existing numbers are suggested.",
        example='Item 2.2\'s status says "zie 2.3.9" and the report has 2.3.1 to 2.3.3: '
        "there is no item 2.3.9 (nearest: 2.3.3, 2.4).",
    ),
    Explanation(
        "VG102",
        why="The item exists but the sub-item does not: a letter was mistyped or the "
        "sub-items were relabelled.",
        example='"zie 3.1.g" where item 3.1 has sub-items a and b.',
    ),
)
