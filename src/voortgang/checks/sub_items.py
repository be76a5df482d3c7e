"""Rules on sub-item labels: out of sequence (a, b, d) or mixed letters and numbers (a, 2).

``parse`` keeps a label that skips one or changes kind where it starts a paragraph, so that
these rules see it; an item's labels are then told once, as printed.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from voortgang.checks.common import Explanation, about
from voortgang.model.diagnostics import Diagnostic
from voortgang.model.records import Item, Report
from voortgang.vocabulary import SUB_ITEM_LABEL
from voortgang.vocabulary import label_position as _position


def _is_label(label: str) -> bool:
    return bool(SUB_ITEM_LABEL.fullmatch(label))


def _faults(item: Item) -> tuple[bool, list[str]]:
    """Whether the labels mix kinds, and each step out of sequence (``d after b``), comparing
    places in the sequence, so ``a, 2`` is in sequence and only mixed."""
    labels = [sub.label for sub in item.sub_items if _is_label(sub.label)]
    mixed = len({label.isdigit() for label in labels}) > 1
    steps = [f"starts at {labels[0]}"] if labels and _position(labels[0]) != 1 else []
    steps += [
        f"{label} after {previous}"
        for previous, label in pairwise(labels)
        if _position(label) != _position(previous) + 1
    ]
    return mixed, steps


def sub_item_labels(report: Report) -> Iterator[Diagnostic]:
    """VG301 once for an item whose labels skip or repeat, VG302 once for one that mixes
    letters and numbers."""
    for item in report.items:
        mixed, steps = _faults(item)
        labels = ", ".join(sub.label for sub in item.sub_items)
        if steps:
            message = f"sub-item labels out of sequence: {labels} ({', '.join(steps)})"
            yield about("VG301", message, report, item)
        if mixed:
            message = f"sub-item labels mix letters and numbers: {labels}"
            yield about("VG302", message, report, item)


EXPLANATIONS = (
    Explanation(
        "VG301",
        why="Sub-items are labelled a, b, c or 1, 2, 3 in order; a gap or a repeat means one "
        "was lost, or a reference to a sub-item may point at the wrong one.",
        example="Sub-items a, b, d.",
    ),
    Explanation(
        "VG302",
        why="An item labels its sub-items in one way; a mix is usually a typing error, and "
        "makes references such as 3.1.b ambiguous.",
        example="Sub-items a, 2, c.",
    ),
)
