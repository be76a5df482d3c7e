"""voortgang: Dutch government progress reports to validated, structured records."""

from __future__ import annotations

from pathlib import Path

from voortgang.checks import check
from voortgang.errors import InputError
from voortgang.model.diagnostics import Diagnostic
from voortgang.model.records import Report
from voortgang.parse import parse_bytes

__version__ = "0.1.0"
__all__ = ["Diagnostic", "InputError", "Report", "__version__", "check", "parse"]


def parse(path: str | Path, password: str | None = None) -> Report:
    """The report in the file at ``path`` (PDF, HTML or text rendition).

    Raises InputError, its message naming the file, where the file is not a readable report;
    ``password`` opens an encrypted PDF.
    """
    try:
        return parse_bytes(Path(path).read_bytes(), str(path), password)
    except OSError as error:
        raise InputError(f"{path}: {error.strerror or error}") from None
    except InputError as error:
        raise InputError(f"{path}: {error}") from None
