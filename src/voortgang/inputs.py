"""The inputs of ``voortgang parse``, ``check``, ``convert`` and ``validate``, and what each
does with one of them: the tasks their batches run, in worker processes or in the main one.
Library level: the API and Dask read paths and folders with these too."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import voortgang
from voortgang.errors import InputError
from voortgang.files import read_file, report_files
from voortgang.model.diagnostics import Diagnostic
from voortgang.model.records import Report
from voortgang.parse import parse_bytes, read_any
from voortgang.parse.pdf import PdfSettings
from voortgang.validate import Validation, validate_records
from voortgang.vocabulary import VOCABULARY, Vocabulary

# What a folder given as an input stands for: its files with these suffixes.
REPORT_SUFFIXES = (".pdf", ".docx", ".html", ".htm", ".txt")
# The records parse writes: JSON, JSON Lines.
RECORDS_SUFFIXES = (".json", ".jsonl", ".ndjson")
# check and convert also read the records parse writes
CHECK_SUFFIXES = (*REPORT_SUFFIXES, *RECORDS_SUFFIXES)


@dataclass(frozen=True)
class ReadOptions:
    """How to read a report, whatever its format: the password of an encrypted PDF, the PDF
    reader's settings (its engine and limits among them; None for the defaults) and the
    vocabulary (column headings, organisations). One value carries them through every
    reading function, and pickles to the worker processes."""

    password: str | None = None
    pdf: PdfSettings | None = None
    vocabulary: Vocabulary = VOCABULARY


READ_DEFAULTS = ReadOptions()


# The libraries the readers of each kind of file import when first used (see
# tests/test_imports.py). A batch whose inputs are each read in a process forked for it
# imports them once before (``preload_readers``), or every one of those processes would.
READER_LIBRARIES = {
    ".pdf": ("pdfplumber", "pypdfium2"),
    ".docx": ("docx",),
    ".html": ("bs4",),
    ".htm": ("bs4",),
    ".txt": ("bs4",),
}


def preload_readers(suffixes: Iterable[str]) -> None:
    """Import the libraries that files with these suffixes are read with."""
    for suffix in suffixes:
        for library in READER_LIBRARIES.get(suffix.lower(), ()):
            importlib.import_module(library)


@dataclass(frozen=True)
class Input:
    """One file to read, by name; or a stream (standard input, a pipe, ``<(...)``'s
    ``/dev/fd/63``) whose bytes were read up front, in the main process: a worker cannot read
    its standard input, and one that is spawned rather than forked (macOS; Linux from Python
    3.14) has none of this process's descriptors."""

    name: str
    data: bytes | None = None

    def read(self) -> bytes:
        return read_file(Path(self.name)) if self.data is None else self.data

    def __str__(self) -> str:
        return self.name


def gather(names: Sequence[str], suffixes: Sequence[str]) -> tuple[list[Input], list[InputError]]:
    """The inputs ``names`` stand for, in order: a file itself (whatever its name), ``-``
    standard input, a folder its report files (see ``report_files``); and an InputError for
    each folder with none, or stream that could not be read."""
    inputs: list[Input] = []
    problems: list[InputError] = []
    for name in names:
        path = Path(name)
        try:
            if name == "-":
                inputs.append(Input("<stdin>", sys.stdin.buffer.read()))
            elif path.is_dir():
                inputs.extend(Input(str(found)) for found in report_files(path, suffixes))
            elif path.exists() and not path.is_file():  # a pipe, a device
                inputs.append(Input(name, read_file(path)))
            else:
                inputs.append(Input(name))
        except InputError as error:
            problems.append(error if error.path is not None else InputError(error.problem, name))
    return inputs, problems


def parse_input(source: Input, options: ReadOptions = READ_DEFAULTS) -> Report:
    """The report in ``source``: what ``voortgang.parse`` reads from a file."""
    password, settings, vocabulary = options.password, options.pdf, options.vocabulary
    if source.data is None:
        return voortgang.parse(source.name, password, settings, vocabulary=vocabulary)
    return parse_bytes(source.data, source.name, password, settings, vocabulary)


@dataclass(frozen=True)
class Records:
    """The reports one input holds, by its name; ``from_lines``: they were regrouped from
    JSON Lines, items without the rest of their reports (see ``read_any``)."""

    source: str
    reports: list[Report]
    from_lines: bool


def records_input(source: Input, options: ReadOptions = READ_DEFAULTS) -> Records:
    """The reports in ``source``, a report in any rendition parse reads or the records JSON or
    JSON Lines that parse wrote."""
    password, settings, vocabulary = options.password, options.pdf, options.vocabulary
    reports, from_lines = read_any(source.read(), source.name, password, settings, vocabulary)
    return Records(source.name, reports, from_lines)


@dataclass(frozen=True)
class Checked:
    """What checking one input found: how many reports it held (records JSON may hold
    several) and their diagnostics."""

    reports: int
    diagnostics: list[Diagnostic]


def check_input(
    source: Input,
    options: ReadOptions = READ_DEFAULTS,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
) -> Checked:
    """``voortgang.check`` on each report in ``source``: a report in any rendition parse reads,
    or the records JSON or JSON Lines that parse wrote; each diagnostic's ``file`` is the
    input's name (for records, not the report's source)."""
    reports = records_input(source, options).reports
    vocabulary = options.vocabulary
    found = [
        diagnostic.model_copy(update={"file": source.name})
        for report in reports
        for diagnostic in voortgang.check(report, select, ignore, vocabulary)
    ]
    return Checked(len(reports), found)


def validate_input(source: Input) -> Validation:
    """``validate_records`` on the records file ``source``."""
    return validate_records(source.read(), source.name)
