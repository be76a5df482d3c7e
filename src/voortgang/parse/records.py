"""Reading back the records ``voortgang parse`` wrote: the JSON of one report, or an array of
them for several files; or JSON Lines, one item per line. Validated against the same models
they were written from."""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter, ValidationError

from voortgang.errors import InputError
from voortgang.model.records import SCHEMA_VERSION, Item, ItemLine, Report, Source

REPORTS = TypeAdapter(list[Report])


def _check_version(record: Any) -> None:
    version = record.get("schema_version") if isinstance(record, dict) else None
    if version is not None and version != SCHEMA_VERSION:
        raise InputError(
            f"records of schema version {version!r}; this voortgang reads {SCHEMA_VERSION!r}"
        )


def _first_error(error: ValidationError, skip: int = 0) -> str:
    """``items.3.deadline.kind: Input should be …``: where the first error is, and what."""
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"][skip:])
    return f"{where or 'report'}: {first['msg']}"


def read_records(data: bytes) -> list[Report]:
    """The reports in a records JSON file; raises InputError where it holds anything else."""
    try:
        loaded = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"not valid JSON ({error})") from None
    reports = loaded if isinstance(loaded, list) else [loaded]
    for report in reports:
        _check_version(report)
    try:
        return REPORTS.validate_python(reports)
    except ValidationError as error:
        where = _first_error(error, 1 if len(reports) == 1 else 0)
        raise InputError(f"not records written by voortgang parse: {where}") from None


def read_item_lines(data: bytes) -> list[Report]:
    """The items of JSON Lines as ``voortgang parse --format jsonl`` writes them, one report
    per ``source``, in the order the sources first come.

    A line holds an item and the path of its report, nothing more of the report: these
    reports have no title, plan, date or tracks, and a source with only its path. They are
    made without validation (``model_construct``), not being valid records, for the renderers
    that need no more than the items and the path (JSON Lines, CSV, Markdown, HTML); they are
    no input for the JSON of reports.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"not valid JSON Lines ({error})") from None
    by_source: dict[str, list[Item]] = {}
    # Lines end at "\n" only: JSON strings may hold U+2028 and the like, unescaped.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            loaded = json.loads(line)
            _check_version(loaded)
            line_item = ItemLine.model_validate(loaded)
        except json.JSONDecodeError as error:
            raise InputError(f"line {number}: not valid JSON ({error})") from None
        except ValidationError as error:
            raise InputError(
                f"line {number}: not an item written by voortgang parse: {_first_error(error)}"
            ) from None
        except InputError as error:
            raise InputError(f"line {number}: {error}") from None
        item = Item(**{name: getattr(line_item, name) for name in Item.model_fields})
        by_source.setdefault(line_item.source, []).append(item)
    return [
        Report.model_construct(
            title=None,
            plan=None,
            date=None,
            source=Source.model_construct(path=path, format=None, sha256=None, pages=None),
            tracks=[],
            items=items,
        )
        for path, items in by_source.items()
    ]
