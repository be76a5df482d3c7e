"""Checking records files against the contract's models, every problem with its JSON path.

A file is the JSON of reports as ``voortgang parse`` writes it (one object, or an array of
them) or its JSON Lines (one item per line, with ``schema_version`` and ``source``), told from
the content. Each problem says where it is: ``$.items[3].deadline.kind``, from pydantic's
error locations, and for JSON Lines the line; JSON that does not parse, the line and column.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass

from pydantic import BaseModel, ValidationError

from voortgang.checks import reading_problems
from voortgang.errors import InputError
from voortgang.model.diagnostics import Diagnostic
from voortgang.model.records import SCHEMA_VERSION, Item, ItemLine, Report, Source
from voortgang.parse.sniff import is_item_lines

KNOWN_VERSIONS = (SCHEMA_VERSION,)
IDENTIFIER = re.compile(r"[A-Za-z_]\w*")
SHOWN_INPUT = 60  # characters of a wrong value shown in its message


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem: ``path`` is a JSON path (None for JSON that does not parse), ``type``
    pydantic's error type or ``json_invalid``, ``schema_version``, ``empty``, or the code of a
    reading rule (``VG501``)."""

    source: str
    path: str | None
    message: str
    type: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        """``records.json: $.items[3].deadline.kind: message``; ``items.jsonl:4: $.number:
        message``; ``records.json:12:5: not valid JSON: message``."""
        parts = (self.source, self.line, self.column)
        where = ":".join(str(part) for part in parts if part is not None)
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Validation:
    """The problems of one file, and what it holds: reports (for JSON Lines, the sources of
    its items) and items, counted where they are valid."""

    source: str
    problems: list[Problem]
    reports: int = 0
    items: int = 0

    def __str__(self) -> str:
        """``valid (1 report, 36 items)``, or ``2 problems``."""
        if self.problems:
            return _plural(len(self.problems), "problem")
        return f"valid ({_plural(self.reports, 'report')}, {_plural(self.items, 'item')})"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def json_path(loc: tuple[int | str, ...], root: str = "$") -> str:
    """``$.items[3].deadline`` from pydantic's ``("items", 3, "deadline")``."""
    path = root
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif IDENTIFIER.fullmatch(part):
            path += f".{part}"
        else:
            path += f"[{json.dumps(part, ensure_ascii=False)}]"
    return path


def _shown(value: object) -> str:
    """A wrong value as the message shows it: a string quoted as pydantic quotes the allowed
    ones, anything else as JSON; cut short where long."""
    text = repr(value) if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= SHOWN_INPUT else text[: SHOWN_INPUT - 1] + "…"


def _version_problem(
    record: dict[str, object], root: str, source: str, line: int | None
) -> Problem | None:
    known = ", ".join(repr(version) for version in KNOWN_VERSIONS)
    path = f"{root}.schema_version"
    if "schema_version" not in record:
        message = f"Field required (known schema versions: {known})"
        return Problem(source, path, message, "missing", line)
    version = record["schema_version"]
    if version not in KNOWN_VERSIONS:
        message = f"Unknown schema version {_shown(version)} (known schema versions: {known})"
        return Problem(source, path, message, "schema_version", line)
    return None


def _validate_record(
    model: type[BaseModel], record: object, root: str, source: str, line: int | None
) -> tuple[list[Problem], BaseModel | None]:
    """The problems of one report or item line, and the record where it has none. A record of
    another schema version is not checked further: its fields are not this version's."""
    problems: list[Problem] = []
    if isinstance(record, dict):
        version = _version_problem(record, root, source, line)
        if version is not None:
            problems.append(version)
            if version.type == "schema_version":
                return problems, None
    try:
        validated = model.model_validate(record)
    except ValidationError as error:
        for found in error.errors():
            message = found["msg"]
            if found["type"] != "missing":  # the input of a missing field is its parent
                message += f" (got {_shown(found['input'])})"
            path = json_path(found["loc"], root)
            problems.append(Problem(source, path, message, found["type"], line))
        return problems, None
    return problems, None if problems else validated


def _invalid_json(error: json.JSONDecodeError, source: str, line: int | None = None) -> Problem:
    message = f"not valid JSON: {error.msg}"
    return Problem(source, None, message, "json_invalid", line or error.lineno, error.colno)


def _reading_problems(
    report: Report, roots: list[tuple[str, int | None]], source: str
) -> list[Problem]:
    """The reading rules' problems of a valid ``report``, each at the JSON path (and line) of
    the item it is about: ``roots`` holds, per item, the path of the item and its line."""
    problems = []
    for found in reading_problems(report):
        index = _item_index(report.items, found)
        if index is not None:
            root, line = roots[index]
            path = f"{root}.number" if found.code in NUMBER_CODES else root
        else:  # a page of the table, not an item
            path, line = f"{roots[0][0].split('.items')[0]}.reading.header_pages", None
        message = f"{found.message} [{found.code}]"
        problems.append(Problem(source, path, message, found.code, line))
    return problems


# The reading rules that are about an item's number, not the whole item.
NUMBER_CODES = ("VG501", "VG502", "VG505")


def _item_index(items: list[Item], found: Diagnostic) -> int | None:
    """The index of the item a diagnostic is about: its number, on its page. None for a
    diagnostic about a page (VG503)."""
    if found.code == "VG503":
        return None
    for index, item in enumerate(items):
        on_page = found.page is None or found.page in item.pages or not item.pages
        if item.number == (found.item or "") and on_page:
            return index
    return None


def _validate_reports(text: str, source: str) -> Validation:
    try:
        loaded = json.loads(text)
    except json.JSONDecodeError as error:
        return Validation(source, [_invalid_json(error, source)])
    if isinstance(loaded, list):
        records = [(f"$[{index}]", record) for index, record in enumerate(loaded)]
    else:
        records = [("$", loaded)]
    problems: list[Problem] = []
    items = 0
    for root, record in records:
        found, report = _validate_record(Report, record, root, source, None)
        problems += found
        if isinstance(report, Report):
            items += len(report.items)
            roots = [(f"{root}.items[{index}]", None) for index in range(len(report.items))]
            problems += _reading_problems(report, roots, source)
    return Validation(source, problems, len(records), items)


def _validate_lines(text: str, source: str) -> Validation:
    problems: list[Problem] = []
    by_source: dict[str, list[tuple[int, ItemLine]]] = {}
    # Lines end at "\n" only: JSON strings may hold U+2028 and the like, unescaped.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            loaded = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(_invalid_json(error, source, number))
            continue
        found, item = _validate_record(ItemLine, loaded, "$", source, number)
        problems += found
        if isinstance(item, ItemLine):
            by_source.setdefault(item.source, []).append((number, item))
    for path, lines in by_source.items():
        # The items of one report, without the rest of it, as ``voortgang check`` reads them.
        report = Report.model_construct(
            title=None,
            plan=None,
            date=None,
            source=Source.model_construct(path=path, format=None, sha256=None, pages=None),
            tracks=[],
            items=[
                Item(**{name: getattr(line, name) for name in Item.model_fields})
                for _, line in lines
            ],
            reading=None,
        )
        problems += _reading_problems(report, [("$", number) for number, _ in lines], source)
    items = sum(len(lines) for lines in by_source.values())
    return Validation(source, problems, len(by_source), items)


def validate_records(data: bytes, source: str) -> Validation:
    """The problems of one records file; raises InputError for a file that is no text."""
    if b"\0" in data:
        raise InputError("not a JSON or JSON Lines file (binary content)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("not a JSON or JSON Lines file (not UTF-8 text)") from None
    if not text.strip():
        return Validation(source, [Problem(source, None, "the file is empty", "empty")])
    if is_item_lines(data):
        return _validate_lines(text, source)
    return _validate_reports(text, source)


def problems_json(problems: list[Problem]) -> str:
    """A JSON array of the problems: ``source``, ``path``, ``message``, ``type``, ``line``,
    ``column``."""
    records = [asdict(problem) for problem in problems]
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"
