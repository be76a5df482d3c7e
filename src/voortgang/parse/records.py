"""Reading back the records ``voortgang parse --format json`` wrote: one report object, or an
array of them for several files. Validated against the same models they were written from."""

from __future__ import annotations

import json

from pydantic import TypeAdapter, ValidationError

from voortgang.errors import InputError
from voortgang.model.records import SCHEMA_VERSION, Report

REPORTS = TypeAdapter(list[Report])


def read_records(data: bytes) -> list[Report]:
    """The reports in a records JSON file; raises InputError where it holds anything else."""
    try:
        loaded = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"not valid JSON ({error})") from None
    reports = loaded if isinstance(loaded, list) else [loaded]
    for report in reports:
        version = report.get("schema_version") if isinstance(report, dict) else None
        if version is not None and version != SCHEMA_VERSION:
            raise InputError(
                f"records of schema version {version!r}; this voortgang reads {SCHEMA_VERSION!r}"
            )
    try:
        return REPORTS.validate_python(reports)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"][1 if len(reports) == 1 else 0 :])
        raise InputError(
            f"not records written by voortgang parse: {where or 'report'}: {first['msg']}"
        ) from None
