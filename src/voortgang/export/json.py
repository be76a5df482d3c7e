"""JSON for scripts: the contract's Report, or one item per line (JSON Lines)."""

from __future__ import annotations

import json

from voortgang.model.records import Report


def reports_json(reports: list[Report], as_array: bool) -> str:
    """The report as an object, or (``as_array``, for several inputs) an array of reports."""
    if not as_array:
        return reports[0].model_dump_json(indent=2) + "\n"
    return (
        json.dumps([r.model_dump(mode="json") for r in reports], indent=2, ensure_ascii=False)
        + "\n"
    )


def items_jsonl(reports: list[Report]) -> str:
    """One item per line, each with the path of the report it comes from."""
    lines = [
        json.dumps(
            {"schema_version": report.schema_version, "source": report.source.path}
            | item.model_dump(mode="json"),
            ensure_ascii=False,
        )
        for report in reports
        for item in report.items
    ]
    return "".join(line + "\n" for line in lines)
