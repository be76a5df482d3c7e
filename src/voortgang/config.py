"""Settings from a config file, found as ruff finds its own.

In the current folder and then each folder above it, the first of ``voortgang.toml`` or a
``pyproject.toml`` with a ``[tool.voortgang]`` table (a pyproject.toml without one is passed
over); or the file ``--config`` names. Its settings, all optional::

    [columns]                  # headings the built-in vocabulary does not know: heading = field
    "Wat te doen" = "title"
    "Gereed per" = "deadline"

    [organisations]            # more names for the lead column: name = full name
    "Politie Haaglanden" = "Politie-eenheid Haaglanden"
    # (or a list of names: organisations = ["Politie Haaglanden", "GGD"])

    [check]                    # the codes ``voortgang check`` reports, as --select/--ignore
    select = ["VG1", "VG2"]
    ignore = ["VG401"]

In a pyproject.toml the same keys stand under ``[tool.voortgang]`` (``[tool.voortgang.columns]``
and so on). ``--column HEADING=FIELD`` adds to the file's columns; ``check --select`` replaces
its select and ``--ignore`` adds to its ignore. ``Config.lines`` says what is in force and
where each setting came from, for ``voortgang config``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from voortgang.checks import unknown_selectors
from voortgang.errors import InputError
from voortgang.vocabulary import FIELDS, HEADINGS, ORGANISATIONS, VOCABULARY, Vocabulary

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_FILE = "voortgang.toml"
PYPROJECT = "pyproject.toml"
KEYS = {"columns": "headings = fields", "organisations": "names", "check": "select, ignore"}
CHECK_KEYS = ("select", "ignore")
BUILT_IN = "built-in"
DEFAULT = "default"
COMMAND_LINE = "--column"
# A config file is a few lines; one larger than this is not one.
MAX_CONFIG_BYTES = 1 << 20


class ConfigError(InputError):
    """A config file that cannot be read or holds what is no setting; a ``--column`` that is
    no HEADING=FIELD. One line, as InputError's."""


@dataclass(frozen=True)
class Config:
    """The settings in force: ``path`` the config file they came from (None where none was
    found); ``columns`` (heading, field, origin) and ``organisations`` (name, full name,
    origin) beside the built-in vocabulary; check's ``select`` (None: every code) and
    ``ignore``, each with its origin."""

    path: Path | None = None
    columns: tuple[tuple[str, str, str], ...] = ()
    organisations: tuple[tuple[str, str, str], ...] = ()
    select: tuple[str, ...] | None = None
    select_origin: str = DEFAULT
    ignore: tuple[str, ...] = ()
    ignore_origin: str = DEFAULT

    @cached_property
    def vocabulary(self) -> Vocabulary:
        """The built-in vocabulary with these columns and organisations."""
        vocabulary = VOCABULARY.with_headings({h: field for h, field, _ in self.columns})
        return vocabulary.with_organisations({name: full for name, full, _ in self.organisations})

    def with_columns(self, pairs: Iterable[str], origin: str = COMMAND_LINE) -> Config:
        """These settings and the columns ``pairs`` name (``HEADING=FIELD`` each)."""
        added = tuple((*parse_column(pair), origin) for pair in pairs)
        return replace(self, columns=self.columns + added) if added else self

    def for_check(
        self, select: Sequence[str] | None, ignore: Sequence[str]
    ) -> tuple[list[str] | None, list[str]]:
        """check's select and ignore: ``select`` from the command line where given, else the
        file's; ``ignore`` from both."""
        chosen = list(select) if select else (list(self.select) if self.select else None)
        return chosen, [*self.ignore, *ignore]

    def lines(self) -> list[str]:
        """The settings in force, a line each, with where each came from."""
        where = str(self.path) if self.path else "none found"
        out = [f"config file: {where}"]
        for field in FIELDS:
            out.append(f"columns.{field}: {', '.join(HEADINGS[field])} ({BUILT_IN})")
            for heading, named, origin in self.columns:
                if named == field:
                    out.append(f"columns.{field}: {heading} ({origin})")
        out.append(f"organisations: {', '.join(ORGANISATIONS)} ({BUILT_IN})")
        for name, full, origin in self.organisations:
            shown = f"{name} = {full}" if full else name
            out.append(f"organisations: {shown} ({origin})")
        select = ", ".join(self.select) if self.select else "every code"
        out.append(f"check.select: {select} ({self.select_origin})")
        out.append(f"check.ignore: {', '.join(self.ignore) or 'none'} ({self.ignore_origin})")
        return out


def parse_column(pair: str) -> tuple[str, str]:
    """``"Wat te doen=title"`` as (heading, field). Raises ConfigError where it is none."""
    heading, equals, field = pair.rpartition("=")
    heading, field = heading.strip(), field.strip().lower()
    if not equals or not heading:
        raise ConfigError(f'"{pair}" is no HEADING=FIELD (such as "Omschrijving=title")')
    if field not in FIELDS:
        raise ConfigError(f'"{pair}": {field or "(nothing)"} is no field; one of {_fields()}')
    return heading, field


def _fields() -> str:
    return ", ".join(FIELDS)


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The config file that holds for ``start`` and its settings: in ``start`` or the
    nearest folder above it, ``voortgang.toml``, else a ``pyproject.toml`` with a
    ``[tool.voortgang]`` table."""
    for folder in (start, *start.parents):
        own = folder / CONFIG_FILE
        if own.is_file():
            return own, _read_toml(own)
        pyproject = folder / PYPROJECT
        if pyproject.is_file():
            table = _read_toml(pyproject).get("tool", {})
            if isinstance(table, dict) and "voortgang" in table:
                settings = table["voortgang"]
                if not isinstance(settings, dict):
                    raise ConfigError("[tool.voortgang] is no table", str(pyproject))
                return pyproject, settings
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as file:
            data = file.read(MAX_CONFIG_BYTES + 1)
        if len(data) > MAX_CONFIG_BYTES:
            raise ConfigError(f"larger than {MAX_CONFIG_BYTES} bytes: no config file", str(path))
        return tomllib.loads(data.decode("utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        problem = getattr(error, "strerror", None) or str(error)
        raise ConfigError(f"cannot read the config file: {problem}", str(path)) from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"not valid TOML: {error}", str(path)) from None


def read_settings(path: Path, settings: Mapping[str, Any]) -> Config:
    """The settings of the config file at ``path``. Raises ConfigError for a key that is no
    setting or a value of the wrong kind, naming it."""
    origin = str(path)

    def fail(problem: str) -> ConfigError:
        return ConfigError(problem, origin)

    if unknown := [key for key in settings if key not in KEYS]:
        allowed = "; ".join(f"{key} ({meaning})" for key, meaning in KEYS.items())
        raise fail(f'"{unknown[0]}" is no setting; the settings are {allowed}')
    columns = settings.get("columns", {})
    if not isinstance(columns, dict) or not all(
        isinstance(value, str) for value in columns.values()
    ):
        raise fail('columns is a table of headings and fields: "Wat te doen" = "title"')
    try:
        pairs = tuple((*parse_column(f"{h}={f}"), origin) for h, f in columns.items())
    except ConfigError as error:
        raise fail(f"columns: {error.problem}") from None
    return Config(
        path,
        pairs,
        _organisations(settings.get("organisations", {}), fail, origin),
        *_check(settings.get("check", {}), fail, origin),
    )


def _organisations(value: Any, fail: Any, origin: str) -> tuple[tuple[str, str, str], ...]:
    if isinstance(value, list) and all(isinstance(name, str) and name for name in value):
        return tuple((name, "", origin) for name in value)
    if isinstance(value, dict) and all(isinstance(full, str) for full in value.values()):
        return tuple((name, full, origin) for name, full in value.items())
    raise fail("organisations is a table of names and full names, or a list of names")


def _check(
    value: Any, fail: Any, origin: str
) -> tuple[tuple[str, ...] | None, str, tuple[str, ...], str]:
    if not isinstance(value, dict):
        raise fail("check is a table: select = [...], ignore = [...]")
    if unknown := [key for key in value if key not in CHECK_KEYS]:
        raise fail(f"check.{unknown[0]} is no setting; the settings are select, ignore")
    found: dict[str, tuple[str, ...]] = {}
    for key in CHECK_KEYS:
        codes = value.get(key, [])
        if isinstance(codes, str):
            codes = codes.split(",")
        if not isinstance(codes, list) or not all(isinstance(code, str) for code in codes):
            raise fail(f'check.{key} is a list of codes or prefixes: ["VG1", "VG401"]')
        found[key] = tuple(code.strip().upper() for code in codes if code.strip())
        if unknown := unknown_selectors(found[key]):
            raise fail(f"check.{key}: no such code: {', '.join(unknown)}")
    select = found["select"] or None
    return (
        select,
        origin if select else DEFAULT,
        found["ignore"],
        origin if found["ignore"] else DEFAULT,
    )


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    """The settings of the config file at ``path``, or of the one found from ``start`` (the
    current folder) upward; the defaults where there is none. Raises ConfigError."""
    if path is not None:
        if not path.is_file():
            raise ConfigError("no such config file", str(path))
        settings = _read_toml(path)
        if path.name == PYPROJECT:
            tool = settings.get("tool", {})
            settings = tool.get("voortgang", {}) if isinstance(tool, dict) else {}
        return read_settings(path, settings)
    found = find_config((start or Path.cwd()).resolve())
    return Config() if found is None else read_settings(*found)
