"""Pieces that more than one renderer prints the same way."""

from __future__ import annotations

from voortgang.model.records import Report


def heading(report: Report) -> str:
    """``Title – Plan – Date``, or the source path where the report has no heading."""
    parts = (report.title, report.plan, report.date)
    return " – ".join(part for part in parts if part) or report.source.path


def extra_headings(report: Report) -> list[str]:
    """The headings of the report's columns of no field (``Item.extra``), in order."""
    return list(dict.fromkeys(heading for item in report.items for heading in item.extra))


def track_titles(report: Report) -> dict[int, str]:
    return {track.number: track.title for track in report.tracks}
