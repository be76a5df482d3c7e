"""CSV for spreadsheets: one row per item, or (``explode``) one per sub-item.

Columns are named after the contract's fields (``docs/CONTRACT.md`` lists them). A list is
joined with ``|`` (lead, references by their target, pages), sub-items as ``a. text; b. text``,
the columns of no field (``extra``) as a JSON object;
booleans are ``true``/``false`` and null is an empty cell. Newlines in a text stay in its cell
(the ``csv`` module quotes it). Rows end in ``\n`` like the newlines inside cells, so that a
file has one kind of line end.
"""

from __future__ import annotations

import csv
import io
import json

from voortgang.model.records import Deadline, Item, Report, SubItem

ITEM_COLUMNS = (
    "source",
    "number",
    "track",
    "title",
    "italic",
    "deadline",
    "deadline_kind",
    "deadline_year",
    "deadline_month",
    "lead",
    "lead_text",
    "status",
    "sub_items",
    "references",
    "pages",
    "extra",
)
SUB_ITEM_COLUMNS = (
    "sub_item_label",
    "sub_item_text",
    "sub_item_italic",
    "sub_item_deadline",
    "sub_item_lead",
    "sub_item_status",
)
# One row per sub-item: the item's columns repeated on each, but for the sub-items joined.
EXPLODED_COLUMNS = (*(c for c in ITEM_COLUMNS if c != "sub_items"), *SUB_ITEM_COLUMNS)
LIST_SEPARATOR = "|"
SUB_ITEM_SEPARATOR = "; "


def _value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _joined(values: list[str] | list[int] | None) -> str:
    return LIST_SEPARATOR.join(str(value) for value in values or ())


def _deadline(deadline: Deadline | None) -> dict[str, object]:
    if deadline is None:
        return dict.fromkeys(("deadline", "deadline_kind", "deadline_year", "deadline_month"))
    return {
        "deadline": deadline.text,
        "deadline_kind": deadline.kind,
        "deadline_year": deadline.year,
        "deadline_month": deadline.month,
    }


def _item_row(report: Report, item: Item) -> dict[str, object]:
    return {
        "source": report.source.path,
        "number": item.number,
        "track": item.track,
        "title": item.title,
        "italic": item.italic,
        **_deadline(item.deadline),
        "lead": _joined(item.lead),
        "lead_text": item.lead_text,
        "status": item.status,
        "sub_items": SUB_ITEM_SEPARATOR.join(f"{s.label}. {s.text}" for s in item.sub_items),
        "references": _joined([reference.target for reference in item.references]),
        "pages": _joined(item.pages),
        "extra": json.dumps(item.extra, ensure_ascii=False) if item.extra else "",
    }


def _sub_item_row(sub: SubItem | None) -> dict[str, object]:
    if sub is None:
        return {}
    return {
        "sub_item_label": sub.label,
        "sub_item_text": sub.text,
        "sub_item_italic": sub.italic,
        "sub_item_deadline": sub.deadline.text if sub.deadline else None,
        "sub_item_lead": _joined(sub.lead) if sub.lead is not None else None,
        "sub_item_status": sub.status,
    }


def reports_csv(reports: list[Report], explode: bool = False) -> str:
    """The items of the reports, a header row first. With ``explode`` an item has a row per
    sub-item, and one with empty sub-item columns where it has none, so nothing is lost."""
    columns = EXPLODED_COLUMNS if explode else ITEM_COLUMNS
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for report in reports:
        for item in report.items:
            row = _item_row(report, item)
            subs: list[SubItem | None] = list(item.sub_items) if explode else [None]
            for sub in subs or [None]:
                cells = row | _sub_item_row(sub)
                writer.writerow({name: _value(cells.get(name)) for name in columns})
    return out.getvalue()
